//! Any Decree 30 document of `dossier draft` (tờ trình, biên bản, báo cáo) printed with the
//! engine the cover list prints with.
//!
//! The drafts must look like the cover list and share its guarantees: the embedded Tinos faces,
//! text that `pdftotext` gives back in NFC, the same bytes for the same dossier in any process.
//! So they are laid out by the same flow, tables and header block, and serialised by the same
//! writer; this folder only adds what a signed document has and a cover list does not: justified
//! paragraphs, the "Nơi nhận" and signature block (`closing`), and the "DỰ THẢO" stamp.

mod closing;

use super::fonts::{Face, Fonts};
use super::header::{self, header_block, number_pages};
use super::layout::{
    baseline_offset, Align, Flow, Item, Style, INDENT, MARGIN_LEFT, MM, PAGE_HEIGHT, TEXT_BOTTOM,
    TEXT_TOP, TEXT_WIDTH,
};
use super::model::{self, Block, Document, Emphasis, STAMP};
use super::table::Column;
use super::{serialize, wrap, PageError};
use closing::{closing, closing_height};

const DOC_TYPE: Style = Style::new(Face::Bold, 14.0, 1.2);
const SUMMARY: Style = Style::new(Face::Bold, 14.0, 1.2);
const BODY: Style = Style::new(Face::Regular, 14.0, 1.3);
const BODY_BOLD: Style = Style::new(Face::Bold, 14.0, 1.3);
const BODY_ITALIC: Style = Style::new(Face::Italic, 14.0, 1.3);
const SIGN: Style = Style::new(Face::Bold, 13.0, 1.2);
const SIGN_NOTE: Style = Style::new(Face::Italic, 13.0, 1.2);
const RECIPIENTS_LABEL: Style = Style::new(Face::BoldItalic, 12.0, 1.2);
const RECIPIENTS: Style = Style::new(Face::Regular, 11.0, 1.2);
const STAMP_STYLE: Style = Style::new(Face::Bold, 13.0, 1.2);
/// Room left for the handwritten signature and the seal.
const SIGN_ROOM: f32 = 62.0;

/// The same line breaks and widths as the PDF: the DOCX (`draft::docx`) asks the PDF's engine,
/// so that a name is broken at the same words and a rule is as long in both files.
pub trait Lines: Sync {
    /// A body's name in the header block, in capitals (`bold`: the issuer; else the parent).
    fn header(&self, text: &str, bold: bool) -> Vec<String>;
    /// One authority line of a signature block (13 pt bold capitals, half the text width).
    fn signature(&self, text: &str) -> Vec<String>;
    /// One summary line under the document type (14 pt bold, the text width).
    fn summary(&self, text: &str) -> Vec<String>;
    /// Which blocks are kept on the page of what follows them (the text before a signature
    /// block, whole paragraphs, at least two lines), as the PDF keeps them.
    fn kept(&self, blocks: &[Block]) -> Vec<bool>;
    /// Width in points of `text` in Times' metrics.
    fn width(&self, text: &str, size: f32, bold: bool, italic: bool) -> f32;
}

/// The drafts' PDF writer: the fonts are parsed once and shared by every document (a
/// 500-nominee dossier has 502 of them).
pub(crate) struct DocumentPdf {
    fonts: Fonts,
}

impl DocumentPdf {
    /// Parse the embedded faces.
    pub(crate) fn new() -> Result<DocumentPdf, PageError> {
        Ok(DocumentPdf {
            fonts: Fonts::load()?,
        })
    }

    /// The document as PDF bytes; deterministic, like the cover list.
    pub(crate) fn render(&self, doc: &Document) -> Result<Vec<u8>, PageError> {
        let fonts = &self.fonts;
        let mut flow = Flow::new(fonts);
        // A document without a number (a person's own report) prints no "Số:" line.
        let date = model::date_words(doc.date, doc.undated, doc.signing_year);
        header_block(&mut flow, &doc.header, &date);
        title(&mut flow, doc);
        let kept = kept_blocks(
            &|b: &Block| para_lines(&flow, b).map(|(n, _)| n),
            &doc.blocks,
        );
        for (i, b) in doc.blocks.iter().enumerate() {
            // The text before a signature block goes with it: never a block alone on a page.
            if let Some(height) = kept_with_closing(&flow, &doc.blocks, &kept, i) {
                flow.keep(height.min(TEXT_TOP - TEXT_BOTTOM));
            }
            block(&mut flow, b);
        }
        let mut pages = flow.pages;
        number_pages(fonts, &mut pages);
        if doc.stamp {
            stamp(fonts, &mut pages);
        }
        let author = fonts.printable(&doc.header.issuer);
        let title = fonts.printable(&doc.meta_title);
        let meta = serialize::Meta {
            title: &title,
            author: &author,
            subject: &title,
            date: doc.date,
        };
        serialize::write(fonts, pages, &meta)
    }
}

/// The DOCX asks the PDF's engine where lines break and how wide text is, so that both files
/// break a name, a signature line and a summary at the same words, and draw rules as long.
impl Lines for DocumentPdf {
    fn header(&self, text: &str, bold: bool) -> Vec<String> {
        let style = if bold { header::ISSUER } else { header::PARENT };
        let text = self.fonts.printable(&text.to_uppercase());
        let width = TEXT_WIDTH * header::LEFT_SHARE - header::GUTTER;
        wrap::heading(&self.fonts, style, &text, width)
    }

    fn signature(&self, text: &str) -> Vec<String> {
        let text = self.fonts.printable(&text.to_uppercase());
        wrap::heading(&self.fonts, SIGN, &text, TEXT_WIDTH / 2.0)
    }

    fn summary(&self, text: &str) -> Vec<String> {
        let text = self.fonts.printable(text);
        wrap::heading(&self.fonts, SUMMARY, &text, TEXT_WIDTH)
    }

    fn kept(&self, blocks: &[Block]) -> Vec<bool> {
        let flow = Flow::new(&self.fonts);
        kept_blocks(&|b: &Block| para_lines(&flow, b).map(|(n, _)| n), blocks)
    }

    fn width(&self, text: &str, size: f32, bold: bool, italic: bool) -> f32 {
        let face = match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        };
        self.fonts.width(face, size, &self.fonts.printable(text))
    }
}

/// The type in bold capitals and the summary under it, with a short rule.
fn title(flow: &mut Flow<'_>, doc: &Document) {
    let kind = flow.fonts.printable(&doc.doc_type);
    flow.paragraph(DOC_TYPE, Align::Centre, 0.0, &kind);
    let mut widest: f32 = 0.0;
    let mut baseline = flow.y;
    for summary in &doc.summary {
        let summary = flow.fonts.printable(summary);
        for line in flow.wrap_heading(SUMMARY, &summary, TEXT_WIDTH) {
            flow.keep(SUMMARY.leading);
            baseline = flow.y - baseline_offset(SUMMARY);
            flow.line(
                SUMMARY,
                Align::Centre,
                MARGIN_LEFT,
                TEXT_WIDTH,
                baseline,
                &line,
            );
            widest = widest.max(flow.width(SUMMARY, &line));
            flow.y -= SUMMARY.leading;
        }
    }
    if widest > 0.0 {
        let rule = baseline - 0.22 * SUMMARY.size - 7.0;
        let half = widest * 0.4 / 2.0;
        let centre = MARGIN_LEFT + TEXT_WIDTH / 2.0;
        flow.rule(centre - half, centre + half, rule);
        flow.y = flow.y.min(rule);
    }
    flow.y -= 12.0;
}

fn style_of(e: Emphasis) -> Style {
    match e {
        Emphasis::Plain => BODY,
        Emphasis::Bold => BODY_BOLD,
        Emphasis::Italic => BODY_ITALIC,
    }
}

fn block(flow: &mut Flow<'_>, b: &Block) {
    match b {
        Block::Para {
            label,
            text,
            align,
            emphasis,
            indent,
        } => {
            let style = style_of(*emphasis);
            let text = flow.fonts.printable(text);
            let indent = if *indent { INDENT } else { 0.0 };
            let label = label.as_deref().map(|l| flow.fonts.printable(l));
            match (label, align) {
                (None, model::Align::Centre) => {
                    let lines = wrap::wrap_text(flow.fonts, style, &text, wrap_width(style), 0.0);
                    let n = lines.len();
                    for (i, line) in lines.into_iter().enumerate() {
                        flow.keep(widows_and_orphans(i, n) * style.leading);
                        let baseline = flow.y - baseline_offset(style);
                        flow.line(
                            style,
                            Align::Centre,
                            MARGIN_LEFT,
                            TEXT_WIDTH,
                            baseline,
                            &line,
                        );
                        flow.y -= style.leading;
                    }
                }
                (label, align) => body_paragraph(
                    flow,
                    label.as_deref(),
                    style,
                    indent,
                    &text,
                    *align == model::Align::Justify,
                ),
            }
            flow.y -= PARA_AFTER;
        }
        Block::Table { columns, rows } => {
            let columns: Vec<Column> = columns
                .iter()
                .map(|c| Column {
                    header: c.header,
                    share: c.share,
                    align: if c.centre { Align::Centre } else { Align::Left },
                })
                .collect();
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|r| r.iter().map(|s| flow.fonts.printable(s)).collect())
                .collect();
            super::table::table(flow, "", RECIPIENTS, &columns, &rows);
            flow.y -= 6.0;
        }
        Block::Closing {
            recipients,
            right,
            left,
        } => closing(flow, recipients, right, left.as_ref()),
        Block::PageBreak => flow.new_page(),
        Block::Title(t) => {
            let t = flow.fonts.printable(t);
            flow.paragraph(DOC_TYPE, Align::Centre, 0.0, &t);
        }
        Block::Space(h) => flow.y -= h,
    }
}

/// A body paragraph, optionally opening with a bold label, flush left or justified (each line
/// but the last spread to the full width). Each word of a spread line is placed on its own,
/// because the embedded fonts are written as two-byte CIDs, to which the PDF's word spacing
/// does not apply. A dash standing between words ("Thi đua - Khen thưởng") is kept with both:
/// at the end of a line a reader (and `pdftotext`) takes it for a hyphen, at the start of one
/// for a list item.
fn body_paragraph(
    flow: &mut Flow<'_>,
    label: Option<&str>,
    style: Style,
    indent: f32,
    text: &str,
    justify: bool,
) {
    let (label_width, lines) = body_lines(flow, label, style, indent, text);
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter().enumerate() {
        let line = line.replace('\u{a0}', " ");
        flow.keep(widows_and_orphans(i, lines.len()) * style.leading);
        let baseline = flow.y - baseline_offset(style);
        let lead = if i == 0 { indent + label_width } else { 0.0 };
        if i == 0 {
            if let Some(l) = label {
                flow.text(BODY_BOLD, MARGIN_LEFT + indent, baseline, l);
            }
        }
        let left = MARGIN_LEFT + lead;
        let width = TEXT_WIDTH - lead;
        let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
        let natural = flow.width(style, &line);
        // Spread only a line that is nearly full: a short line before a long word stays ragged.
        if !justify || i == last || words.len() < 2 || natural < width * 0.75 {
            flow.text(style, left, baseline, &line);
        } else {
            let inked: f32 = words.iter().map(|w| flow.width(style, w)).sum();
            let gap = (width - inked) / (words.len() - 1) as f32;
            let mut x = left;
            for w in words {
                flow.text(style, x, baseline, w);
                x += flow.width(style, w) + gap;
            }
        }
        flow.y -= style.leading;
    }
}

/// How many lines from line `i` of `n` must fit on the page before line `i` is drawn, so that
/// a page never ends after a paragraph's first line nor starts with its last (two lines at
/// least on each side of a break, as Word's and LibreOffice's widow control, which the DOCX
/// asks for).
fn widows_and_orphans(i: usize, n: usize) -> f32 {
    let lines = match (i, n) {
        // The first line: with the second, or the whole of a paragraph too short to split.
        (0, 2 | 3) => n,
        (0, _) if n > 3 => 2,
        // The last two lines together.
        (i, n) if i + 2 == n && n > 3 => 2,
        _ => 1,
    };
    lines as f32
}

/// Space under a paragraph.
const PARA_AFTER: f32 = 3.0;
/// Space above the closing block.
const CLOSING_ABOVE: f32 = 8.0;

/// The width a paragraph in `style` wraps to. Italic text wraps a little short of the text
/// width: LibreOffice keeps room for the slant at the end of an italic line (measured: a line
/// 0.2 pt short of the width in Times' metrics went to two lines there), and the DOCX must
/// break where the PDF does.
fn wrap_width(style: Style) -> f32 {
    if style.face == Face::Italic {
        TEXT_WIDTH - 0.18 * style.size
    } else {
        TEXT_WIDTH
    }
}

/// A body paragraph's label width and lines, as `body_paragraph` draws them.
fn body_lines(
    flow: &Flow<'_>,
    label: Option<&str>,
    style: Style,
    indent: f32,
    text: &str,
) -> (f32, Vec<String>) {
    let label_width = label.map_or(0.0, |l| flow.width(BODY_BOLD, l) + flow.width(style, " "));
    // Glue the dash to the word after it while wrapping; a no-break space measures as a space.
    let glued = text.replace(" - ", "\u{a0}-\u{a0}");
    let lines = wrap::wrap_text(
        flow.fonts,
        style,
        &glued,
        wrap_width(style),
        indent + label_width,
    );
    (label_width, lines)
}

/// The lines and leading of a paragraph block, as `block` draws it; None for other blocks.
fn para_lines(flow: &Flow<'_>, b: &Block) -> Option<(usize, Style)> {
    let Block::Para {
        label,
        text,
        align,
        emphasis,
        indent,
    } = b
    else {
        return None;
    };
    let style = style_of(*emphasis);
    let text = flow.fonts.printable(text);
    let label = label.as_deref().map(|l| flow.fonts.printable(l));
    let lines = match (&label, align) {
        (None, model::Align::Centre) => {
            wrap::wrap_text(flow.fonts, style, &text, wrap_width(style), 0.0).len()
        }
        _ => {
            let indent = if *indent { INDENT } else { 0.0 };
            body_lines(flow, label.as_deref(), style, indent, &text)
                .1
                .len()
        }
    };
    Some((lines, style))
}

/// The blocks kept with each closing: the paragraphs right before it (and the spaces between),
/// whole, back to the one that makes at least two lines of text, and a heading right above
/// them, so that a signature block never stands alone on a page. `kept[i]`: block `i` goes on the page of what follows it.
/// The DOCX asks the same of Word and LibreOffice (keep with next, keep lines together).
pub(crate) fn kept_blocks(
    lines_of: &dyn Fn(&Block) -> Option<usize>,
    blocks: &[Block],
) -> Vec<bool> {
    let mut kept = vec![false; blocks.len()];
    for (i, b) in blocks.iter().enumerate() {
        if !matches!(b, Block::Closing { .. }) {
            continue;
        }
        let mut lines = 0;
        let mut first = i;
        for j in (0..i).rev() {
            match (&blocks[j], lines_of(&blocks[j])) {
                (Block::Space(_), _) => kept[j] = true,
                (Block::Para { .. }, Some(n)) => {
                    kept[j] = true;
                    first = j;
                    lines += n;
                    if lines >= 2 {
                        break;
                    }
                }
                _ => break,
            }
        }
        // A heading right above them goes too ("3. Công trạng" stood alone at the foot of
        // page 1 of the clerk's C14 report, its text and the signatures on page 2).
        if let Some(h) = first.checked_sub(1) {
            if blocks[h].is_heading() && first < i {
                kept[h] = true;
            }
        }
    }
    kept
}

/// When block `i` starts the run of blocks kept with a closing, the height that must fit on
/// the page for them to stay together: the kept paragraphs, the spaces and the closing.
fn kept_with_closing(flow: &Flow<'_>, blocks: &[Block], kept: &[bool], i: usize) -> Option<f32> {
    if !kept.get(i).copied().unwrap_or(false) || (i > 0 && kept[i - 1]) {
        return None;
    }
    let mut height = 0.0;
    for b in blocks.iter().skip(i) {
        match b {
            Block::Space(h) => height += h,
            Block::Para { .. } => {
                let (n, style) = para_lines(flow, b)?;
                height += n as f32 * style.leading + PARA_AFTER;
            }
            Block::Closing {
                recipients,
                right,
                left,
            } => {
                return Some(
                    height + CLOSING_ABOVE + closing_height(flow, recipients, right, left.as_ref()),
                );
            }
            _ => return None,
        }
    }
    None
}

/// "DỰ THẢO" in a box in the top margin of every page, left of the page number.
fn stamp(fonts: &Fonts, pages: &mut [Vec<Item>]) {
    let width = fonts.width(STAMP_STYLE.face, STAMP_STYLE.size, STAMP);
    let baseline = PAGE_HEIGHT - 12.0 * MM;
    let (x1, x2) = (MARGIN_LEFT - 4.0, MARGIN_LEFT + width + 4.0);
    let (y1, y2) = (baseline - 5.0, baseline + STAMP_STYLE.size);
    for page in pages {
        page.push(Item::Text {
            face: STAMP_STYLE.face,
            size: STAMP_STYLE.size,
            x: MARGIN_LEFT,
            y: baseline,
            text: STAMP.to_owned(),
        });
        for (a, b, c, d) in [
            (x1, y1, x2, y1),
            (x1, y2, x2, y2),
            (x1, y1, x1, y2),
            (x2, y1, x2, y2),
        ] {
            page.push(Item::Rule {
                x1: a,
                y1: b,
                x2: c,
                y2: d,
            });
        }
    }
}
