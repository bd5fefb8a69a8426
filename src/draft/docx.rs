//! A draft as a DOCX file (Office Open XML), for the clerk to edit in Word or LibreOffice.
//!
//! Written by hand with the `zip` crate the bundle already uses, rather than with a DOCX
//! library: a draft needs eight small XML parts, and `docx-rs` (0.4) would bring a second
//! version of `zip` and of `quick-xml` for them. Writing the parts here also makes the bytes
//! reproducible by construction: entries in a fixed order, every timestamp and the document's
//! core properties set to the document's date, fixed permissions.
//!
//! Decree 30 settings: A4, margins 20/20/30/15 mm, Times New Roman named (the font a Vietnamese
//! office has; the PDF embeds its metric twin Tinos), 14 pt body, 12-13 pt header and
//! signatures, 12 (bold italic) and 11 pt for "Nơi nhận", first-line indent 1 cm, justified
//! body, page numbers centred in the top margin from page 2.
//!
//! One layout, two outputs (#18): the DOCX is laid out on the PDF's geometry, so that Word or
//! LibreOffice, breaking lines greedily in Times' metrics, put the same lines on the same pages
//! as the PDF: every line height is exact and equal to the PDF's leading, spaces before and
//! after are the PDF's, the header block is a table whose second row holds "Số: …" and the
//! date line level, rules are paragraph borders where the PDF draws them, and where the PDF
//! chooses breaks itself (names, signature lines, summaries) it says where ([`Lines`], the page
//! engine's answers, `crate::page`), and the DOCX ties the words of each line with no-break
//! spaces rather than breaking them by hand.
//! `tests/draft_agree.rs` compares LibreOffice's rendering with the PDF page by page.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use unicode_normalization::UnicodeNormalization;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::page::document::Lines;
use crate::page::model::{
    Align, Block, Column, Document, Emphasis, Signature, MOTTO, NATIONAL_TITLE, STAMP,
};

/// Why a DOCX could not be written (the zip writer failed; nothing depends on the input).
#[derive(Debug)]
pub struct DocxError(zip::result::ZipError);

impl From<zip::result::ZipError> for DocxError {
    fn from(e: zip::result::ZipError) -> Self {
        DocxError(e)
    }
}

impl DocxError {
    /// What failed, in Vietnamese and English. The zip writer's own words are English and
    /// technical: the Vietnamese says only which file could not be made; the English keeps
    /// them, for the report a clerk sends on.
    #[must_use]
    pub fn msg(&self) -> crate::diag::Msg {
        crate::msg!(
            "không tạo được tệp DOCX (bộ tạo DOCX báo lỗi)";
            "the DOCX could not be written: {}", self.0
        )
    }
}

crate::english_display!(DocxError);

impl std::error::Error for DocxError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

/// Text fit for XML: NFC, escaped, and without the control characters XML 1.0 forbids. A dash
/// between words keeps to both (no-break spaces), as in the PDF: at the end of a line it would
/// read as a hyphen, at the start of one as a list item.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let s = s.replace(" - ", "\u{a0}-\u{a0}");
    for c in s.nfc() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\u{FFFE}' | '\u{FFFF}' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Twentieths of a point, the unit of WordprocessingML's lengths.
fn tw(points: f32) -> u32 {
    (points * 20.0).round().max(0.0) as u32
}

/// The geometry both files share, in points (see `src/page/`): A4, margins 20/20
/// (top, bottom) and 30/15 mm (left, right), Decree 30's sizes, and each style's leading, which
/// the DOCX sets as an exact line height so that a page holds the same lines in both.
mod geo {
    pub(super) const MM: f32 = 72.0 / 25.4;
    pub(super) const TEXT_WIDTH: f32 = (210.0 - 45.0) * MM;
    /// Tinos' (and Times New Roman's) ascender and descender, of the size.
    pub(super) const ASCENT: f32 = 1825.0 / 2048.0;
    pub(super) const DESCENT: f32 = 443.0 / 2048.0;
    /// The header block: left column share, the gutter its names wrap inside, its baseline step.
    pub(super) const LEFT_SHARE: f32 = 0.45;
    pub(super) const GUTTER: f32 = 16.0;
    pub(super) const HEADER_STEP: f32 = 15.0;
    /// Body text: 14 pt, leading 1.3; space after a paragraph; first-line indent 10 mm.
    pub(super) const BODY: f32 = 14.0 * 1.3;
    pub(super) const BODY_AFTER: f32 = 3.0;
    pub(super) const INDENT: f32 = 10.0 * MM;
    /// Type and summary: 14 pt, leading 1.2.
    pub(super) const TITLE: f32 = 14.0 * 1.2;
    /// Signature lines, number and date lines: 13 pt, leading 1.2.
    pub(super) const SIGN: f32 = 13.0 * 1.2;
    /// Room to sign, from the top of the blank line under the authority to the name's top.
    pub(super) const SIGN_ROOM: f32 = 62.0;
    /// "Nơi nhận:" 12 pt and the recipients 11 pt, leading 1.2.
    pub(super) const RECIPIENTS_LABEL: f32 = 12.0 * 1.2;
    pub(super) const RECIPIENTS: f32 = 11.0 * 1.2;
    /// Tables: 11 pt, leading 1.2, cell padding.
    pub(super) const CELL: f32 = 11.0 * 1.2;
    pub(super) const PAD_X: f32 = 6.0;
    pub(super) const PAD_Y: f32 = 3.0;
}

/// What LibreOffice adds under a table before the next paragraph's space before (points).
const LO_AFTER_TABLE: f32 = 3.5;
/// A rule's thickness (points), which adds to the height of the paragraph it borders.
const RULE: f32 = 0.5;

/// Text width in twips: 210 mm less 30 + 15 mm margins.
const TEXT_WIDTH: u32 = 11906 - 1701 - 850;

/// A paragraph's properties, written in the order ECMA-376 gives them.
#[derive(Default, Clone, Copy)]
struct P {
    jc: &'static str,
    /// Exact line height, points (0: the style's).
    line: f32,
    before: f32,
    after: f32,
    first_line: f32,
    left: f32,
    right: f32,
    keep_next: bool,
    keep_lines: bool,
    page_break_before: bool,
    /// A rule on the paragraph's top edge.
    rule: bool,
}

impl P {
    fn new(jc: &'static str, line: f32) -> P {
        P {
            jc,
            line,
            ..P::default()
        }
    }
}

fn para_open(out: &mut String, p: &P) {
    out.push_str("<w:p><w:pPr>");
    if p.keep_next {
        out.push_str("<w:keepNext/>");
    }
    if p.keep_lines {
        out.push_str("<w:keepLines/>");
    }
    if p.page_break_before {
        out.push_str("<w:pageBreakBefore/>");
    }
    // Never one line of a paragraph alone at the foot or the head of a page, as in the PDF
    // (`widows_and_orphans` there). Said in every paragraph: LibreOffice does not read it
    // from the document defaults.
    out.push_str("<w:widowControl/>");
    if p.rule {
        out.push_str("<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:pBdr>");
    }
    let _ = write!(
        out,
        "<w:spacing w:before=\"{}\" w:after=\"{}\"",
        tw(p.before),
        tw(p.after)
    );
    if p.line > 0.0 {
        let _ = write!(out, " w:line=\"{}\" w:lineRule=\"exact\"", tw(p.line));
    }
    out.push_str("/>");
    if p.first_line > 0.0 || p.left > 0.0 || p.right > 0.0 {
        let _ = write!(
            out,
            "<w:ind w:left=\"{}\" w:right=\"{}\" w:firstLine=\"{}\"/>",
            tw(p.left),
            tw(p.right),
            tw(p.first_line)
        );
    }
    let _ = write!(
        out,
        "<w:jc w:val=\"{}\"/>",
        if p.jc.is_empty() { "left" } else { p.jc }
    );
    if p.rule {
        // The mark's size: an empty paragraph is as tall as its mark's font otherwise.
        out.push_str("<w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr>");
    }
    out.push_str("</w:pPr>");
}

/// A run: text in a face and size (half-points).
fn run(out: &mut String, text: &str, bold: bool, italic: bool, half_points: u32) {
    let _ = write!(out, "<w:r><w:rPr>");
    if bold {
        out.push_str("<w:b/>");
    }
    if italic {
        out.push_str("<w:i/>");
    }
    let _ = write!(
        out,
        "<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/></w:rPr>"
    );
    let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(text));
}

/// One paragraph of text.
fn line(out: &mut String, p: &P, text: &str, bold: bool, italic: bool, half_points: u32) {
    para_open(out, p);
    run(out, text, bold, italic, half_points);
    out.push_str("</w:p>");
}

/// An empty paragraph `height` points tall: vertical space, or a rule (`p.rule`) on its top
/// edge `length` points long, centred in a box `width` points wide.
fn gap(out: &mut String, mut p: P, height: f32, rule: Option<(f32, f32)>) {
    p.line = (height - if rule.is_some() { RULE } else { 0.0 }).max(1.0);
    if let Some((width, length)) = rule {
        let side = ((width - length) / 2.0).max(0.0);
        p.rule = true;
        p.left = side;
        p.right = side;
    }
    para_open(out, &p);
    out.push_str("</w:p>");
}

/// A name broken where `lines` says, as one paragraph: the words of a line are tied by
/// no-break spaces and the lines joined by spaces, so that Word and LibreOffice, breaking
/// greedily in a box as wide as the PDF's, break at the same words, and an edited name still
/// flows (no hard line breaks).
fn tied(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| {
            l.split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("\u{a0}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of `original` regrouped as the printable `lines` group theirs: the DOCX prints
/// every character the clerk typed (Word may have a glyph the PDF's subset lacks), broken where
/// the PDF breaks. When the words do not correspond one to one, the PDF's lines.
fn regroup(original: &str, lines: Vec<String>) -> Vec<String> {
    let words: Vec<&str> = original.split_whitespace().collect();
    let counts: Vec<usize> = lines.iter().map(|l| l.split_whitespace().count()).collect();
    if counts.iter().sum::<usize>() != words.len() {
        return lines;
    }
    let mut out = Vec::with_capacity(counts.len());
    let mut at = 0;
    for c in counts {
        out.push(words[at..at + c].join(" "));
        at += c;
    }
    out
}

fn cell_open(out: &mut String, width: u32, v_centre: bool) {
    let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
    if v_centre {
        out.push_str("<w:vAlign w:val=\"center\"/>");
    }
    out.push_str("</w:tcPr>");
}

/// A table without borders or cell margins: the header block, the closing.
fn borderless_table_open(out: &mut String, widths: &[u32]) {
    out.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
    for w in widths {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid>");
}

/// The header block as the PDF lays it out: a table whose first row holds the issuing body
/// (parent upright, issuer bold, a rule under it) left and the national title and motto (a
/// rule under it) right, each line on the PDF's 15-point grid; its second row "Số: …" left
/// and the place-and-date line right, level.
fn header_block(out: &mut String, doc: &Document, lines: &dyn Lines) {
    use geo::{DESCENT, GUTTER, HEADER_STEP, LEFT_SHARE, SIGN};
    let left_pt = geo::TEXT_WIDTH * LEFT_SHARE;
    let right_pt = geo::TEXT_WIDTH - left_pt;
    let left = tw(left_pt);
    let right = TEXT_WIDTH - left;
    // Names wrap in the column less its gutter, as in the PDF: the box as wide as the PDF's
    // to the twip above, so that the lines the PDF chose fit and no two of them fit together.
    let box_width = ((left_pt - GUTTER) * 20.0).ceil() as u32;
    let sides = left.saturating_sub(box_width) as f32 / 20.0;
    let name = P {
        left: (sides / 2.0 * 20.0).floor() / 20.0,
        right: sides - (sides / 2.0 * 20.0).floor() / 20.0,
        ..P::new("center", HEADER_STEP)
    };
    borderless_table_open(out, &[left, right]);
    out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
    cell_open(out, left, false);
    let mut rows = 0;
    if let Some(p) = &doc.header.parent {
        let broken = regroup(&p.to_uppercase(), lines.header(p, false));
        rows += broken.len();
        line(out, &name, &tied(&broken), false, false, 24);
    }
    let issuer = regroup(
        &doc.header.issuer.to_uppercase(),
        lines.header(&doc.header.issuer, true),
    );
    rows += issuer.len();
    line(out, &name, &tied(&issuer), true, false, 24);
    let widest = issuer
        .iter()
        .map(|l| lines.width(l, 12.0, true, false))
        .fold(0.0_f32, f32::max);
    // The PDF's rules: 4 points under the descender of the line above; the second row starts
    // 6 points under the lower rule.
    let below = DESCENT * 12.0 + 4.0 - (HEADER_STEP - geo::ASCENT * 13.0);
    let left_rule_at = rows as f32 * HEADER_STEP + below;
    let right_rule_at =
        2.0 * HEADER_STEP + DESCENT * 13.0 + 4.0 - (HEADER_STEP - geo::ASCENT * 13.0);
    let row_end = left_rule_at.max(right_rule_at) + 6.0;
    let rule_gap = |at: f32, lines_above: usize| -> P {
        P {
            before: at - lines_above as f32 * HEADER_STEP,
            ..P::new("center", 0.0)
        }
    };
    if widest > 0.0 {
        gap(
            out,
            rule_gap(left_rule_at, rows),
            row_end - left_rule_at,
            Some((left_pt, widest * 0.4)),
        );
    }
    out.push_str("</w:tc>");
    cell_open(out, right, false);
    line(
        out,
        &P::new("center", HEADER_STEP),
        NATIONAL_TITLE,
        true,
        false,
        24,
    );
    line(out, &P::new("center", HEADER_STEP), MOTTO, true, false, 26);
    let motto = lines.width(MOTTO, 13.0, true, false);
    gap(
        out,
        rule_gap(right_rule_at, 2),
        row_end - right_rule_at,
        Some((right_pt, motto)),
    );
    out.push_str("</w:tc></w:tr>");
    // Second row: number left, date line right, on the same line.
    out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
    cell_open(out, left, false);
    match &doc.header.symbol {
        Some(s) => line(
            out,
            &P::new("center", SIGN),
            &format!("Số: {s}"),
            false,
            false,
            26,
        ),
        None => gap(out, P::new("center", 0.0), SIGN, None),
    }
    out.push_str("</w:tc>");
    cell_open(out, right, false);
    line(
        out,
        &P::new("center", SIGN),
        &doc.place_date(),
        false,
        true,
        26,
    );
    out.push_str("</w:tc></w:tr></w:tbl>");
}

/// Type and summary, a short rule under the summary, as in the PDF.
fn title(out: &mut String, doc: &Document, lines: &dyn Lines) {
    use geo::{DESCENT, TITLE};
    // The PDF leaves the descender and 24 points under the number and date lines.
    // LibreOffice leaves 3.5 points more under a table than the paragraph's space before
    // (measured on its rendering of these drafts), taken off here.
    let after_header = DESCENT * 13.0 + 24.0 - LO_AFTER_TABLE;
    let kind = P {
        before: after_header,
        ..P::new("center", TITLE)
    };
    line(out, &kind, &doc.doc_type, true, false, 28);
    let mut widest: f32 = 0.0;
    for s in &doc.summary {
        let broken = regroup(s, lines.summary(s));
        widest = broken
            .iter()
            .map(|l| lines.width(l, 14.0, true, false))
            .fold(widest, f32::max);
        line(
            out,
            &P::new("center", TITLE),
            &tied(&broken),
            true,
            false,
            28,
        );
    }
    // The PDF: the rule 0.22 em and 7 points under the last baseline, the body 12 points under
    // the rule; a line's baseline sits 13.125 points under its top at this leading.
    let baseline = (TITLE - (geo::ASCENT + DESCENT) * 14.0) / 2.0 + geo::ASCENT * 14.0;
    let rule_at = baseline + 0.22 * 14.0 + 7.0 - TITLE;
    if widest > 0.0 {
        gap(
            out,
            P {
                before: rule_at,
                ..P::new("center", 0.0)
            },
            12.0,
            Some((geo::TEXT_WIDTH, widest * 0.4)),
        );
    } else {
        gap(out, P::new("center", 0.0), 12.0, None);
    }
}

/// A ruled table as the PDF draws it: 11 pt, 6-point side and 3-point top and bottom padding,
/// the header row bold, centred and repeated on every page, rows that do not split.
fn table(out: &mut String, columns: &[Column], rows: &[Vec<String>], keep: P) {
    let total: f32 = columns
        .iter()
        .map(|c| c.share)
        .sum::<f32>()
        .max(f32::EPSILON);
    let widths: Vec<u32> = columns
        .iter()
        .map(|c| (TEXT_WIDTH as f32 * c.share / total).round() as u32)
        .collect();
    // The PDF's table starts under an empty heading line (13.2 points).
    gap(
        out,
        P {
            keep_next: true,
            ..keep
        },
        geo::CELL,
        None,
    );
    // ECMA-376's order within tblPr: tblW, tblBorders, tblLayout, tblCellMar (Word "repairs" a
    // file with tblLayout first).
    out.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(
            out,
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        );
    }
    let (px, py) = (tw(geo::PAD_X), tw(geo::PAD_Y));
    let _ = write!(out, "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"{py}\" w:type=\"dxa\"/><w:left w:w=\"{px}\" w:type=\"dxa\"/><w:bottom w:w=\"{py}\" w:type=\"dxa\"/><w:right w:w=\"{px}\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
    for w in &widths {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid>");
    let cell = P::new("center", geo::CELL);
    // The header row repeats on every page, as in the PDF.
    out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    for (c, w) in columns.iter().zip(&widths) {
        cell_open(out, *w, true);
        line(out, &cell, c.header, true, false, 22);
        out.push_str("</w:tc>");
    }
    out.push_str("</w:tr>");
    for row in rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for ((text, c), w) in row.iter().zip(columns).zip(&widths) {
            cell_open(out, *w, false);
            let p = P::new(if c.centre { "center" } else { "left" }, geo::CELL);
            line(out, &p, text, false, false, 22);
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    // The PDF leaves 6 points under a table.
    gap(out, P::new("left", 0.0), 6.0, None);
}

/// The authority lines of a signature block as the PDF breaks them, one paragraph each.
fn authority(s: &Signature, lines: &dyn Lines) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for l in &s.lines {
        for part in l.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
            let upper = part.to_uppercase();
            out.push((tied(&regroup(&upper, lines.signature(part))), false));
        }
    }
    if let Some(n) = &s.note {
        out.push((n.clone(), true));
    }
    out
}

/// The number of lines the PDF prints above a signature's name (authority and note), with the
/// blank line under them.
fn lines_above(s: &Signature, lines: &dyn Lines) -> f32 {
    let mut n = 0;
    for l in &s.lines {
        for part in l.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
            n += lines.signature(part).len();
        }
    }
    n += usize::from(s.note.is_some());
    n as f32 * geo::SIGN
}

/// One signature in its cell: authority lines, room to sign, the name `name_top` points under
/// the cell's top.
fn signature(out: &mut String, s: &Signature, name_top: f32, lines: &dyn Lines) {
    let p = P::new("center", geo::SIGN);
    for (text, note) in &authority(s, lines) {
        line(out, &p, text, !note, *note, 26);
    }
    gap(
        out,
        P::new("center", 0.0),
        name_top - lines_above(s, lines),
        None,
    );
    line(out, &p, &s.name, true, false, 26);
}

/// Recipients (or a second signature) left, the signature right, in a row that does not split.
fn closing(
    out: &mut String,
    recipients: &[String],
    right: &Signature,
    left: Option<&Signature>,
    lines: &dyn Lines,
) {
    let half = TEXT_WIDTH / 2;
    // The PDF's name line: under the taller heading, the blank line and the room to sign.
    let mut above = lines_above(right, lines);
    if let Some(l) = left {
        above = above.max(lines_above(l, lines));
    }
    let name_top = above + geo::SIGN_ROOM;
    // 8 points above the block, kept with it.
    gap(
        out,
        P {
            keep_next: true,
            ..P::new("left", 0.0)
        },
        8.0,
        None,
    );
    borderless_table_open(out, &[half, TEXT_WIDTH - half]);
    out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
    cell_open(out, half, false);
    match left {
        Some(s) => signature(out, s, name_top, lines),
        None if recipients.is_empty() => gap(out, P::new("left", 0.0), 1.0, None),
        None => {
            line(
                out,
                &P::new("left", geo::RECIPIENTS_LABEL),
                "Nơi nhận:",
                true,
                true,
                24,
            );
            // The PDF wraps them 10 points short of the column.
            let p = P {
                right: 10.0,
                ..P::new("left", geo::RECIPIENTS)
            };
            for r in recipients {
                line(out, &p, r, false, false, 22);
            }
        }
    }
    out.push_str("</w:tc>");
    cell_open(out, TEXT_WIDTH - half, false);
    signature(out, right, name_top, lines);
    out.push_str("</w:tc></w:tr></w:tbl>");
}

/// A body block; `keep`: it is kept on the page of what follows (the text before a closing),
/// `page_break`: it starts a page.
fn block(out: &mut String, b: &Block, lines: &dyn Lines, keep: bool, page_break: bool) {
    let base = P {
        keep_next: keep,
        keep_lines: keep,
        page_break_before: page_break,
        ..P::default()
    };
    match b {
        Block::Para {
            label,
            text,
            align,
            emphasis,
            indent,
        } => {
            // A labelled paragraph is set flush left even when asked centred, as in the PDF.
            let jc = match (align, label) {
                (Align::Left, _) | (Align::Centre, Some(_)) => "left",
                (Align::Centre, None) => "center",
                (Align::Justify, _) => "both",
            };
            // A centred paragraph without a label is set without its indent, as in the PDF.
            let indented = *indent && !(*align == Align::Centre && label.is_none());
            let p = P {
                jc,
                line: geo::BODY,
                after: geo::BODY_AFTER,
                first_line: if indented { geo::INDENT } else { 0.0 },
                ..base
            };
            para_open(out, &p);
            if let Some(l) = label {
                run(out, &format!("{l} "), true, false, 28);
            }
            run(
                out,
                text,
                *emphasis == Emphasis::Bold,
                *emphasis == Emphasis::Italic,
                28,
            );
            out.push_str("</w:p>");
        }
        Block::Table { columns, rows } => table(out, columns, rows, base),
        Block::Closing {
            recipients,
            right,
            left,
        } => closing(out, recipients, right, left.as_ref(), lines),
        // Written as the next block's page break before.
        Block::PageBreak => {}
        Block::Title(t) => line(
            out,
            &P {
                jc: "center",
                line: geo::TITLE,
                ..base
            },
            t,
            true,
            false,
            28,
        ),
        Block::Space(pt) => gap(out, base, *pt, None),
    }
}

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

fn document_xml(doc: &Document, lines: &dyn Lines) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>"
    );
    header_block(&mut out, doc, lines);
    title(&mut out, doc, lines);
    // The text before a closing goes with it: whole paragraphs, at least two lines, and the
    // spaces between, kept with the next, as the PDF keeps them.
    let keep = lines.kept(&doc.blocks);
    let mut page_break = false;
    for (b, k) in doc
        .blocks
        .iter()
        .zip(keep.into_iter().chain(std::iter::repeat(false)))
    {
        if matches!(b, Block::PageBreak) {
            page_break = true;
            continue;
        }
        block(&mut out, b, lines, k, page_break);
        page_break = false;
    }
    // A break at the very end starts an empty page, as the PDF's does.
    if page_break {
        gap(
            &mut out,
            P {
                page_break_before: true,
                ..P::default()
            },
            1.0,
            None,
        );
    }
    out.push_str("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:headerReference w:type=\"first\" r:id=\"rIdFirst\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"448\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body></w:document>");
    out
}

/// A page header, on the PDF's line 12 mm from the top: the stamp (boxed, flush left) when
/// there is one, and the page number centred (not on page 1).
fn header_xml(stamp: bool, number: bool) -> String {
    let mut out =
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NS}>");
    let _ = write!(
        out,
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"center\" w:pos=\"{}\"/></w:tabs><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{}\" w:lineRule=\"exact\"/><w:jc w:val=\"{}\"/></w:pPr>",
        TEXT_WIDTH / 2,
        tw(geo::SIGN),
        if stamp { "left" } else { "center" }
    );
    if stamp {
        let _ = write!(out, "<w:r><w:rPr><w:b/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/><w:bdr w:val=\"single\" w:sz=\"4\" w:space=\"2\" w:color=\"000000\"/></w:rPr><w:t>{STAMP}</w:t></w:r>");
        if number {
            out.push_str("<w:r><w:tab/></w:r>");
        }
    }
    if number {
        out.push_str("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:rPr><w:sz w:val=\"26\"/></w:rPr><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
    }
    out.push_str("</w:p></w:hdr>");
    out
}

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after=\"0\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style><w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style></w:styles>";

const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/><Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/><Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/><Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/><Relationship Id=\"rIdFirst\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header2.xml\"/></Relationships>";

const APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>dossier</Application></Properties>";

fn core_xml(doc: &Document) -> String {
    let d = doc.date;
    let when = format!("{:04}-{:02}-{:02}T00:00:00Z", d.year, d.month, d.day);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>vi-VN</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified></cp:coreProperties>",
        esc(&doc.meta_title),
        esc(&doc.header.issuer)
    )
}

/// The DOCX file of a document, its lines broken as `lines` (the PDF's engine) breaks them.
/// Deterministic: the same document gives the same bytes.
pub fn render(doc: &Document, lines: &dyn Lines) -> Result<Vec<u8>, DocxError> {
    let d = doc.date;
    let (y, m, day) = if d.year < 1980 {
        (1980, 1, 1)
    } else {
        (d.year, d.month, d.day)
    };
    let time = zip::DateTime::from_date_and_time(y, m, day, 0, 0, 0).unwrap_or_default();
    let options = SimpleFileOptions::default()
        .last_modified_time(time)
        .unix_permissions(0o644)
        // Unix whatever machine packs it: the same dossier, the same bytes (#23).
        .system(zip::System::Unix)
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6));
    let parts: [(&str, String); 9] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", RELS.to_owned()),
        ("docProps/app.xml", APP.to_owned()),
        ("docProps/core.xml", core_xml(doc)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/document.xml", document_xml(doc, lines)),
        ("word/header1.xml", header_xml(doc.stamp, true)),
        ("word/header2.xml", header_xml(doc.stamp, false)),
        ("word/settings.xml", SETTINGS.to_owned()),
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in &parts {
        zip.start_file(*name, options)?;
        zip.write_all(text.as_bytes())
            .map_err(zip::result::ZipError::Io)?;
    }
    let styles_name = "word/styles.xml";
    zip.start_file(styles_name, options)?;
    zip.write_all(STYLES.as_bytes())
        .map_err(zip::result::ZipError::Io)?;
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_nfc_and_free_of_control_characters() {
        let nfd: String = "Nguyễn".nfd().collect();
        assert_eq!(
            esc(&format!("{nfd} <&> \u{1}\"")),
            "Nguyễn &lt;&amp;&gt;  &quot;"
        );
    }
}
