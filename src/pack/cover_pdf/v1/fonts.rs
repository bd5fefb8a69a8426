//! The embedded Tinos faces, measuring text in them, and making text printable with them.
//!
//! Layout needs string widths (to wrap table cells and centre lines), and printpdf 0.12 has no
//! function for that. Its parsed font does hold every glyph's advance, the numbers it writes into
//! the PDF's `/W` array; measuring with them, rounded the way `/W` rounds them, means a line that
//! measures as fitting is drawn as fitting. The fonts are subset files shipped in the repository
//! (`assets/fonts/README.md` says how and why): no system font is ever looked up.

use printpdf::ParsedFont;
use unicode_normalization::UnicodeNormalization;

use crate::page::PageError as CoverError;
use crate::text::glyphs::{self, invisible};

/// One face of the family. Times New Roman's roles in a Decree 30 document need three.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Face {
    Regular,
    Bold,
    Italic,
}

impl Face {
    pub(super) const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    fn index(self) -> usize {
        match self {
            Face::Regular => 0,
            Face::Bold => 1,
            Face::Italic => 2,
        }
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => glyphs::REGULAR,
            Face::Bold => glyphs::BOLD,
            Face::Italic => glyphs::ITALIC,
        }
    }

    /// The font's resource name on each page. Fixed here because printpdf's own names come
    /// from a process-wide counter, which would make the second PDF of a process differ.
    pub(super) fn resource_name(self) -> &'static str {
        match self {
            Face::Regular => "F1",
            Face::Bold => "F2",
            Face::Italic => "F3",
        }
    }

    /// The PostScript name, shown by viewers as the document's font.
    pub(super) fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "Tinos",
            Face::Bold => "Tinos-Bold",
            Face::Italic => "Tinos-Italic",
        }
    }
}

/// The tag PDF 32000 §9.6.4 asks in front of a subset font's name (`ABCDEF+Tinos-Regular`):
/// six capital letters, here from the SHA-256 of the face's bytes, so the same font always gets
/// the same tag and the cover list stays byte-reproducible. Without it, readers and `pdffonts`
/// take the font as complete, and a printer may substitute its own Tinos for missing glyphs.
fn subset_tag(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

/// The three parsed faces.
pub(super) struct Fonts {
    faces: [ParsedFont; 3],
}

impl Fonts {
    /// Parse the embedded files. They are part of the binary, so a failure here is a broken
    /// build, but it is reported as an error rather than a panic all the same.
    pub(super) fn load() -> Result<Fonts, CoverError> {
        let parse = |face: Face| {
            let mut warnings = Vec::new();
            let mut font = ParsedFont::from_bytes(face.bytes(), 0, &mut warnings)
                .ok_or(CoverError::Font(face.postscript_name()))?;
            font.font_name = Some(format!(
                "{}+{}",
                subset_tag(face.bytes()),
                face.postscript_name()
            ));
            Ok::<_, CoverError>(font)
        };
        Ok(Fonts {
            faces: [
                parse(Face::Regular)?,
                parse(Face::Bold)?,
                parse(Face::Italic)?,
            ],
        })
    }

    pub(super) fn parsed(&self, face: Face) -> &ParsedFont {
        &self.faces[face.index()]
    }

    /// Advance of `c` in thousandths of an em, truncated: the PDF's `/W` array holds whole
    /// thousandths and the viewer advances by those, so text is measured by those.
    pub(super) fn advance(&self, face: Face, c: char) -> u32 {
        let font = self.parsed(face);
        let units_per_em = u32::from(font.pdf_font_metrics.units_per_em.max(1));
        let gid = font.lookup_glyph_index(u32::from(c)).unwrap_or(0);
        u32::from(font.get_glyph_width(gid).unwrap_or(0)) * 1000 / units_per_em
    }

    /// Width of `text` set in `face` at `size` points, in points.
    pub(super) fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let thousandths: u32 = text.chars().map(|c| self.advance(face, c)).sum();
        thousandths as f32 / 1000.0 * size
    }

    /// The text as it can be printed: NFC (NFD puts the tone marks in the wrong place and
    /// extracts as NFD), one plain space for every run of whitespace or control characters
    /// (no-break space and space share a glyph, and a shared glyph would extract as whichever
    /// character the PDF's ToUnicode map names), invisible characters dropped, and `?` for a
    /// character the subset font lacks (it would otherwise print as an empty box and extract
    /// as nothing).
    pub(super) fn printable(&self, text: &str) -> String {
        let font = self.parsed(Face::Regular);
        let mut out = String::with_capacity(text.len());
        let mut pending_space = false;
        for c in text.nfc() {
            if c.is_whitespace() || c.is_control() {
                pending_space = !out.is_empty();
                continue;
            }
            if invisible(c) {
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            // All three faces cover the same characters (one subset command made them).
            if font.lookup_glyph_index(u32::from(c)).is_some() {
                out.push(c);
            } else {
                out.push('?');
            }
        }
        out
    }
}
