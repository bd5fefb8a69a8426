//! The cover list's first layout ([`super::Layout::V1`]), frozen as it was when #18 changed
//! the list: the code of `cover_pdf.rs` and of its engine (`fonts`, `wrap`, `layout`, `table`,
//! `serialize`) at commit 01651da, kept whole and never edited.
//!
//! `verify` compares a bundle's `DANH-MUC.pdf` with one made again from the bundled dossier, byte
//! for byte (GO007). A bundle packed before #18 has a list in this layout, made by this engine;
//! the engine of the current layout measures and breaks text otherwise (#18 item 3), so the
//! earlier list can only be made again by the earlier code. The three Tinos faces it embeds are
//! the same files (`crate::text::glyphs`). Fix nothing here: a change, even a better one, makes
//! every bundle already sent fail its verification. Its tests are the bundles kept in
//! `tests/fixtures/clerk-turn3/C20/`, which `tests/cover_labels.rs` verifies.

// Kept whole as it was: parts the list did not call (the drafts' helpers) stay unused.
#![allow(dead_code)]

mod fonts;
mod layout;
mod serialize;
mod table;
mod wrap;

use fonts::{Face, Fonts};
use layout::{
    baseline_offset, Align, Flow, Item, Style, ASCENT, DESCENT, MARGIN_LEFT, MM, PAGE_HEIGHT,
    TEXT_TOP, TEXT_WIDTH,
};
use table::Column;

use super::{CoverList, NomineeRow};
use crate::page::PageError as CoverError;

/// The document's title, in its metadata.
const TITLE: &str = "Danh mục hồ sơ đề nghị khen thưởng";

// Type sizes and spacing follow Decree 30's table of sizes (12-14 pt).
const PARENT: Style = Style::new(Face::Regular, 12.0, 1.2);
const ISSUER: Style = Style::new(Face::Bold, 12.0, 1.2);
const NATIONAL: Style = Style::new(Face::Bold, 12.0, 1.2);
const MOTTO: Style = Style::new(Face::Bold, 13.0, 1.2);
const NUMBER: Style = Style::new(Face::Regular, 13.0, 1.2);
const DATE_LINE: Style = Style::new(Face::Italic, 13.0, 1.2);
const DOC_TYPE: Style = Style::new(Face::Bold, 14.0, 1.2);
const SUMMARY: Style = Style::new(Face::Bold, 13.0, 1.2);
const BODY: Style = Style::new(Face::Regular, 13.0, 1.3);
const LABEL: Style = Style::new(Face::Bold, 13.0, 1.3);
const HEADING: Style = Style::new(Face::Bold, 13.0, 1.5);
const PAGE_NUMBER: Style = Style::new(Face::Regular, 13.0, 1.2);

/// The header block's left column (body names, number) takes 45% of the text width; the right
/// one (national title, motto, date line) the rest, just enough for the national title at 12 pt.
const LEFT_SHARE: f32 = 0.45;
/// Names in the left column wrap this much narrower than the column, so that a long name never
/// runs into the national title (the right column is just wide enough for it).
const GUTTER: f32 = 16.0;
/// Distance between the header block's baselines: one grid, so that the left and right columns'
/// lines sit level although their sizes differ.
const HEADER_STEP: f32 = 15.0;
/// First-line indent of body paragraphs (Decree 30: 1 to 1.27 cm).
const INDENT: f32 = 10.0 * MM;

/// Render the cover list. Deterministic: the same input gives the same bytes, whatever the
/// process did before, on any machine; no clock, no random id.
///
/// Text is printed in NFC with the embedded Tinos faces; a character they lack (a CJK name,
/// an emoji) prints as `?`.
pub(super) fn render(c: &CoverList) -> Result<Vec<u8>, CoverError> {
    let fonts = Fonts::load()?;
    let pages = lay_out(&fonts, c);
    let author = fonts.printable(&c.issuer);
    let subject = fonts.printable(&c.campaign);
    let meta = serialize::Meta {
        title: TITLE,
        author: &author,
        subject: &subject,
        date: c.date,
    };
    serialize::write(&fonts, pages, &meta)
}

/// The pages, as positioned text and rules.
fn lay_out(fonts: &Fonts, c: &CoverList) -> Vec<Vec<Item>> {
    let mut flow = Flow::new(fonts);
    header_block(&mut flow, c, false);
    title(&mut flow, c);
    body(&mut flow, c);
    components(&mut flow, c);
    nominees(&mut flow, c);
    let mut pages = flow.pages;
    number_pages(fonts, &mut pages);
    pages
}

/// Issuing body top left, national title and motto top right, then the number and the
/// place-and-date line level with each other under them.
/// `with_number`: a document prints its own "Số: …" under the issuing body; the cover list does
/// not (the number is the proposal's, and the list is not the proposal: its title says which it
/// goes with).
fn header_block(flow: &mut Flow<'_>, c: &CoverList, with_number: bool) {
    let left_width = TEXT_WIDTH * LEFT_SHARE;
    let right_x = MARGIN_LEFT + left_width;
    let right_width = TEXT_WIDTH - left_width;
    let first_baseline = TEXT_TOP - ASCENT * MOTTO.size;

    // Left column: the parent body (upright) and the issuer (bold), both in capitals.
    let mut baseline = first_baseline;
    if let Some(parent) = c.parent_body.as_deref() {
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
    let issuer = flow.fonts.printable(&c.issuer.to_uppercase());
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
    let national = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    for line in flow.wrap_heading(NATIONAL, national, right_width) {
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
    let motto = "Độc lập - Tự do - Hạnh phúc";
    flow.line(MOTTO, Align::Centre, right_x, right_width, baseline, motto);
    let motto_width = flow.width(MOTTO, motto);
    let right_rule = baseline - DESCENT * MOTTO.size - 4.0;
    let centre = right_x + right_width / 2.0;
    flow.rule(
        centre - motto_width / 2.0,
        centre + motto_width / 2.0,
        right_rule,
    );

    // The place-and-date line right, under both rules. No "Số: …" on the left: that is the
    // proposal's number, and the list is not the proposal (the title says which it goes with).
    let top = left_rule.min(right_rule) - 6.0;
    let number = if with_number && !c.symbol.trim().is_empty() {
        flow.fonts.printable(&format!("Số: {}", c.symbol))
    } else {
        String::new()
    };
    let date_line = match c.place.trim() {
        "" => c.date.vietnamese(),
        place => format!("{place}, {}", c.date.vietnamese()),
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

/// The document type, then the award form (and kind) in bold with a short rule under it.
fn title(flow: &mut Flow<'_>, c: &CoverList) {
    flow.paragraph(
        DOC_TYPE,
        Align::Centre,
        0.0,
        "DANH MỤC HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG",
    );
    if !c.symbol.trim().is_empty() {
        let with = flow.fonts.printable(&format!(
            "(Kèm theo Tờ trình số {} {})",
            c.symbol.trim(),
            c.date.vietnamese()
        ));
        flow.paragraph(DATE_LINE, Align::Centre, 0.0, &with);
    }
    let summary = match c.award_kind.as_deref().map(str::trim) {
        Some(kind) if !kind.is_empty() => format!("{} ({kind})", c.award_form),
        _ => c.award_form.clone(),
    };
    let summary = flow.fonts.printable(&summary);
    let lines = flow.wrap_heading(SUMMARY, &summary, TEXT_WIDTH);
    let mut widest: f32 = 0.0;
    let mut baseline = flow.y;
    for line in lines.iter().filter(|l| !l.is_empty()) {
        flow.keep(SUMMARY.leading);
        baseline = flow.y - baseline_offset(SUMMARY);
        flow.line(
            SUMMARY,
            Align::Centre,
            MARGIN_LEFT,
            TEXT_WIDTH,
            baseline,
            line,
        );
        widest = widest.max(flow.width(SUMMARY, line));
        flow.y -= SUMMARY.leading;
    }
    if widest > 0.0 {
        // Decree 30: a rule a third to a half as long as the line above it.
        let rule = baseline - DESCENT * SUMMARY.size - 7.0;
        let half = widest * 0.4 / 2.0;
        let centre = MARGIN_LEFT + TEXT_WIDTH / 2.0;
        flow.rule(centre - half, centre + half, rule);
        flow.y = flow.y.min(rule);
    }
    flow.y -= 14.0;
}

/// The procedure and its basis, the campaign, the receiving office and the copies, each after
/// a bold label.
fn body(flow: &mut Flow<'_>, c: &CoverList) {
    let mut procedure = c.procedure.trim().to_owned();
    if !c.procedure_basis.trim().is_empty() {
        procedure.push_str(&format!(" ({})", c.procedure_basis.trim()));
    }
    let mut office = c.office.trim().to_owned();
    if let Some(n) = c.copies {
        office.push_str(&format!("; số lượng: {n:02} bộ"));
    }
    let paragraphs = [
        ("Thủ tục:", procedure),
        ("Phong trào thi đua:", c.campaign.trim().to_owned()),
        ("Nơi nhận hồ sơ:", office),
    ];
    for (label, text) in paragraphs {
        let text = flow.fonts.printable(&text);
        flow.labelled((LABEL, label), BODY, INDENT, &text);
        flow.y -= 3.0;
    }
}

/// Section I: the components, in the order given.
fn components(flow: &mut Flow<'_>, c: &CoverList) {
    let columns = [
        column("TT", 0.065, Align::Centre),
        column("Thành phần", 0.26, Align::Left),
        column("Số, ký hiệu", 0.195, Align::Centre),
        column("Ngày", 0.135, Align::Centre),
        column("Tệp trong gói", 0.20, Align::Left),
        column("Số trang/ dung lượng", 0.145, Align::Centre),
    ];
    let rows: Vec<Vec<String>> = c
        .components
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let date = r.date.map_or_else(String::new, |d| {
                format!("{:02}/{:02}/{}", d.day, d.month, d.year)
            });
            let cells = [
                (i + 1).to_string(),
                r.name.clone(),
                r.symbol.clone(),
                date,
                r.file.clone(),
                r.extent.clone(),
            ];
            cells.iter().map(|s| flow.fonts.printable(s)).collect()
        })
        .collect();
    section(flow, "I. THÀNH PHẦN HỒ SƠ", &columns, &rows);
}

/// Section II: the nominees, in the order of the proposal's list: the proposal is the document
/// the list goes with, and its order is the one signed (sorting by given name put a collective
/// under the last word of its name).
fn nominees(flow: &mut Flow<'_>, c: &CoverList) {
    // The kind of nominee is a phrase of the rule set ("Lực lượng ở tuyến đầu trực tiếp tham
    // gia công tác phòng, chống dịch"): a column an eighth wide wrapped it to seven lines a row.
    let columns = [
        column("TT", 0.065, Align::Centre),
        column("Họ và tên / Tên tập thể", 0.24, Align::Left),
        column("Chức vụ, đơn vị", 0.31, Align::Left),
        column("Đối tượng", 0.245, Align::Left),
        column("Tán thành/ Có mặt", 0.14, Align::Centre),
    ];
    let sorted: Vec<&NomineeRow> = c.nominees.iter().collect();
    let rows: Vec<Vec<String>> = sorted
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let cells = [
                (i + 1).to_string(),
                n.name.clone(),
                n.position_unit.clone(),
                n.kind.clone(),
                n.votes.clone(),
            ];
            cells.iter().map(|s| flow.fonts.printable(s)).collect()
        })
        .collect();
    section(flow, "II. DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", &columns, &rows);
}

fn column(header: &'static str, share: f32, align: Align) -> Column {
    Column {
        header,
        share,
        align,
    }
}

/// A numbered section: its heading and table, or "Không có." when there is nothing to list.
fn section(flow: &mut Flow<'_>, heading: &str, columns: &[Column], rows: &[Vec<String>]) {
    flow.y -= 6.0;
    if rows.is_empty() {
        flow.keep(HEADING.leading + BODY.leading);
        flow.paragraph(HEADING, Align::Left, 0.0, heading);
        flow.paragraph(BODY, Align::Left, INDENT, "Không có.");
    } else {
        table::table(flow, heading, HEADING, columns, rows);
    }
}

/// Page numbers from page 2 on, centred in the top margin (Decree 30).
fn number_pages(fonts: &Fonts, pages: &mut [Vec<Item>]) {
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
