//! Pages as lists of positioned text and rules, and the flow that fills them.
//!
//! printpdf draws what it is told where it is told: it neither wraps nor breaks pages. This
//! module is the small layout engine the cover list and the drafts need: a cursor moving down A4
//! pages inside Decree 30's margins, and a new page when the next block does not fit. Everything
//! is in points, y upwards from the page's bottom edge, as in PDF.

use super::fonts::{Face, Fonts};
pub(crate) use super::style::Style;
use super::wrap;

/// Points per millimetre.
pub(crate) const MM: f32 = 72.0 / 25.4;
pub(crate) const PAGE_WIDTH: f32 = 210.0 * MM;
pub(crate) const PAGE_HEIGHT: f32 = 297.0 * MM;
pub(crate) const MARGIN_TOP: f32 = 20.0 * MM;
pub(crate) const MARGIN_BOTTOM: f32 = 20.0 * MM;
pub(crate) const MARGIN_LEFT: f32 = 30.0 * MM;
pub(crate) const MARGIN_RIGHT: f32 = 15.0 * MM;
/// Width of the text block.
pub(crate) const TEXT_WIDTH: f32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// Top and bottom of the text block.
pub(crate) const TEXT_TOP: f32 = PAGE_HEIGHT - MARGIN_TOP;
pub(crate) const TEXT_BOTTOM: f32 = MARGIN_BOTTOM;

/// Tinos' ascender and descender (hhea: 1825 and -443 of 2048 units), as fractions of the size:
/// where a baseline goes below the top of a line, and how far the letters reach under it.
pub(crate) const ASCENT: f32 = 1825.0 / 2048.0;
pub(crate) const DESCENT: f32 = 443.0 / 2048.0;

/// First-line indent of body paragraphs (Decree 30: 1 to 1.27 cm).
pub(crate) const INDENT: f32 = 10.0 * MM;

/// Thickness of rules and table borders.
pub(crate) const RULE_WIDTH: f32 = 0.5;

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// A single line of text with its baseline starting at (x, y).
    Text {
        face: Face,
        size: f32,
        x: f32,
        y: f32,
        text: String,
    },
    /// A straight rule.
    Rule { x1: f32, y1: f32, x2: f32, y2: f32 },
}

/// Horizontal placement of a line within its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Centre,
}

/// The pages laid out so far and the cursor on the last one.
pub(crate) struct Flow<'f> {
    pub(crate) fonts: &'f Fonts,
    pub(crate) pages: Vec<Vec<Item>>,
    /// Top of the free space on the last page.
    pub(crate) y: f32,
}

impl<'f> Flow<'f> {
    pub(crate) fn new(fonts: &'f Fonts) -> Flow<'f> {
        Flow {
            fonts,
            pages: vec![Vec::new()],
            y: TEXT_TOP,
        }
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TEXT_TOP;
    }

    /// Height left above the bottom margin.
    pub(crate) fn room(&self) -> f32 {
        self.y - TEXT_BOTTOM
    }

    /// Start a new page unless `height` fits in what is left of this one. A block taller than a
    /// whole page still goes on a fresh page (whoever asked must then split it).
    /// A fifth of a point of tolerance: the DOCX's lengths are whole twips, each rounded, and a
    /// line that ends 0.05 pt below the margin here fitted in LibreOffice's rendering of it.
    pub(crate) fn keep(&mut self, height: f32) {
        if height > self.room() + 0.2 && self.y < TEXT_TOP {
            self.new_page();
        }
    }

    pub(crate) fn push(&mut self, item: Item) {
        // `pages` is never empty: `new` starts with a page and nothing removes one.
        if let Some(page) = self.pages.last_mut() {
            page.push(item);
        }
    }

    pub(crate) fn text(&mut self, style: Style, x: f32, y: f32, text: &str) {
        if !text.is_empty() {
            self.push(Item::Text {
                face: style.face,
                size: style.size,
                x,
                y,
                text: text.to_owned(),
            });
        }
    }

    pub(crate) fn rule(&mut self, x1: f32, x2: f32, y: f32) {
        self.push(Item::Rule {
            x1,
            y1: y,
            x2,
            y2: y,
        });
    }

    /// Draw one line in the box from `left`, `width` wide, on baseline `y`.
    pub(crate) fn line(
        &mut self,
        style: Style,
        align: Align,
        left: f32,
        width: f32,
        y: f32,
        s: &str,
    ) {
        let x = match align {
            Align::Left => left,
            Align::Centre => left + (width - self.width(style, s)).max(0.0) / 2.0,
        };
        self.text(style, x, y, s);
    }

    pub(crate) fn width(&self, style: Style, s: &str) -> f32 {
        self.fonts.width(style.face, style.size, s)
    }

    /// `text` broken into lines no wider than `width` (the first `indent` narrower).
    pub(crate) fn wrap(&self, style: Style, text: &str, width: f32, indent: f32) -> Vec<String> {
        wrap::wrap(self.fonts, style, text, width, indent)
    }

    /// `text` broken into lines for a centred heading: see [`wrap::heading`].
    pub(crate) fn wrap_heading(&self, style: Style, text: &str, width: f32) -> Vec<String> {
        wrap::heading(self.fonts, style, text, width)
    }

    /// A wrapped paragraph across the text block, moving to a new page between lines when
    /// needed.
    pub(crate) fn paragraph(&mut self, style: Style, align: Align, indent: f32, text: &str) {
        let lines = self.wrap(style, text, TEXT_WIDTH, indent);
        for (i, line) in lines.iter().enumerate() {
            self.keep(style.leading);
            let baseline = self.y - baseline_offset(style);
            let first = if i == 0 { indent } else { 0.0 };
            self.line(
                style,
                align,
                MARGIN_LEFT + first,
                TEXT_WIDTH - first,
                baseline,
                line,
            );
            self.y -= style.leading;
        }
    }

    /// A paragraph that opens with a label in another style ("Nơi nhận hồ sơ:" in bold), the
    /// text running on after it and wrapping to the left margin.
    pub(crate) fn labelled(&mut self, label: (Style, &str), style: Style, indent: f32, text: &str) {
        let (label_style, label) = label;
        let label_width = self.width(label_style, label) + self.width(style, " ");
        let lines = self.wrap(style, text, TEXT_WIDTH, indent + label_width);
        for (i, line) in lines.iter().enumerate() {
            self.keep(style.leading);
            let baseline = self.y - baseline_offset(style);
            if i == 0 {
                self.text(label_style, MARGIN_LEFT + indent, baseline, label);
                self.text(style, MARGIN_LEFT + indent + label_width, baseline, line);
            } else {
                self.text(style, MARGIN_LEFT, baseline, line);
            }
            self.y -= style.leading;
        }
    }
}

/// Distance from the top of a line box to its baseline: the ascender, with the leading's extra
/// space shared above and below the letters.
pub(crate) fn baseline_offset(style: Style) -> f32 {
    let letters = (ASCENT + DESCENT) * style.size;
    (style.leading - letters).max(0.0) / 2.0 + ASCENT * style.size
}
