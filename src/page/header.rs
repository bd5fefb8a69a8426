//! What Decree 30 puts at the head of every document and every page: the header block (the
//! issuing body top left, the national title and motto top right, the number and the
//! place-and-date line under them) and the page numbers in the top margin.
//!
//! The cover list and the drafts print the same header, and the drafts' DOCX breaks the bodies'
//! names where this block does (`document::Lines`), so it is written once, here.

use super::fonts::{Face, Fonts};
use super::layout::{
    baseline_offset, Align, Flow, Item, Style, ASCENT, DESCENT, MARGIN_LEFT, MM, PAGE_HEIGHT,
    TEXT_TOP, TEXT_WIDTH,
};
use super::model::{Header, MOTTO, NATIONAL_TITLE};

// Type sizes follow Decree 30's table of sizes (12-14 pt).
pub(crate) const PARENT: Style = Style::new(Face::Regular, 12.0, 1.2);
pub(crate) const ISSUER: Style = Style::new(Face::Bold, 12.0, 1.2);
const NATIONAL: Style = Style::new(Face::Bold, 12.0, 1.2);
const MOTTO_STYLE: Style = Style::new(Face::Bold, 13.0, 1.2);
const NUMBER: Style = Style::new(Face::Regular, 13.0, 1.2);
pub(crate) const DATE_LINE: Style = Style::new(Face::Italic, 13.0, 1.2);
const PAGE_NUMBER: Style = Style::new(Face::Regular, 13.0, 1.2);

/// The header block's left column (body names, number) takes 45% of the text width; the right
/// one (national title, motto, date line) the rest, just enough for the national title at 12 pt.
pub(crate) const LEFT_SHARE: f32 = 0.45;
/// Names in the left column wrap this much narrower than the column, so that a long name never
/// runs into the national title (the right column is just wide enough for it).
pub(crate) const GUTTER: f32 = 16.0;
/// Distance between the header block's baselines: one grid, so that the left and right columns'
/// lines sit level although their sizes differ.
const HEADER_STEP: f32 = 15.0;

/// Issuing body top left, national title and motto top right, then the number and the
/// place-and-date line level with each other under them.
/// The number ("Số: …") is printed when the header has one: a document prints its own; the
/// cover list gives none (the number is the proposal's, and the list is not the proposal: its
/// title says which it goes with). `date`: the date line's date, in words
/// ([`super::model::date_words`]).
pub(crate) fn header_block(flow: &mut Flow<'_>, h: &Header, date: &str) {
    let left_width = TEXT_WIDTH * LEFT_SHARE;
    let right_x = MARGIN_LEFT + left_width;
    let right_width = TEXT_WIDTH - left_width;
    let first_baseline = TEXT_TOP - ASCENT * MOTTO_STYLE.size;

    // Left column: the parent body (upright) and the issuer (bold), both in capitals.
    let mut baseline = first_baseline;
    if let Some(parent) = h.parent.as_deref() {
        let parent = flow.fonts.printable(&parent.to_uppercase());
        for line in flow.wrap_heading(PARENT, &parent, left_width - GUTTER) {
            flow.line(
                PARENT,
                Align::Centre,
                MARGIN_LEFT,
                left_width,
                baseline,
                &line,
            );
            baseline -= HEADER_STEP;
        }
    }
    let issuer = flow.fonts.printable(&h.issuer.to_uppercase());
    let issuer_lines = flow.wrap_heading(ISSUER, &issuer, left_width - GUTTER);
    let mut issuer_width: f32 = 0.0;
    for line in &issuer_lines {
        flow.line(
            ISSUER,
            Align::Centre,
            MARGIN_LEFT,
            left_width,
            baseline,
            line,
        );
        issuer_width = issuer_width.max(flow.width(ISSUER, line));
        baseline -= HEADER_STEP;
    }
    // Decree 30: a short rule, a third to a half of the line above it.
    let left_rule = baseline + HEADER_STEP - DESCENT * ISSUER.size - 4.0;
    if issuer_width > 0.0 {
        let half = issuer_width * 0.4 / 2.0;
        let centre = MARGIN_LEFT + left_width / 2.0;
        flow.rule(centre - half, centre + half, left_rule);
    }

    // Right column: the national title and the motto, with a rule as long as the motto.
    let mut baseline = first_baseline;
    for line in flow.wrap_heading(NATIONAL, NATIONAL_TITLE, right_width) {
        flow.line(
            NATIONAL,
            Align::Centre,
            right_x,
            right_width,
            baseline,
            &line,
        );
        baseline -= HEADER_STEP;
    }
    flow.line(
        MOTTO_STYLE,
        Align::Centre,
        right_x,
        right_width,
        baseline,
        MOTTO,
    );
    let motto_width = flow.width(MOTTO_STYLE, MOTTO);
    let right_rule = baseline - DESCENT * MOTTO_STYLE.size - 4.0;
    let centre = right_x + right_width / 2.0;
    flow.rule(
        centre - motto_width / 2.0,
        centre + motto_width / 2.0,
        right_rule,
    );

    // The number left and the place-and-date line right, under both rules.
    let top = left_rule.min(right_rule) - 6.0;
    let number = match h.symbol.as_deref() {
        Some(symbol) if !symbol.trim().is_empty() => flow.fonts.printable(&format!("Số: {symbol}")),
        _ => String::new(),
    };
    let date_line = match h.place.trim() {
        "" => date.to_owned(),
        place => format!("{place}, {date}"),
    };
    let date_line = flow.fonts.printable(&date_line);
    let mut left_y = top - baseline_offset(NUMBER);
    for line in flow
        .wrap_heading(NUMBER, &number, left_width - GUTTER)
        .into_iter()
        .filter(|l| !l.is_empty())
    {
        flow.line(
            NUMBER,
            Align::Centre,
            MARGIN_LEFT,
            left_width,
            left_y,
            &line,
        );
        left_y -= NUMBER.leading;
    }
    let mut right_y = top - baseline_offset(DATE_LINE);
    for line in flow.wrap_heading(DATE_LINE, &date_line, right_width) {
        flow.line(
            DATE_LINE,
            Align::Centre,
            right_x,
            right_width,
            right_y,
            &line,
        );
        right_y -= DATE_LINE.leading;
    }
    let lowest = (left_y + NUMBER.leading).min(right_y + DATE_LINE.leading);
    flow.y = lowest - DESCENT * NUMBER.size - 24.0;
}

/// Page numbers from page 2 on, centred in the top margin (Decree 30).
pub(crate) fn number_pages(fonts: &Fonts, pages: &mut [Vec<Item>]) {
    let baseline = PAGE_HEIGHT - 12.0 * MM;
    for (i, page) in pages.iter_mut().enumerate().skip(1) {
        let number = (i + 1).to_string();
        let width = fonts.width(PAGE_NUMBER.face, PAGE_NUMBER.size, &number);
        page.push(Item::Text {
            face: PAGE_NUMBER.face,
            size: PAGE_NUMBER.size,
            x: MARGIN_LEFT + (TEXT_WIDTH - width) / 2.0,
            y: baseline,
            text: number,
        });
    }
}
