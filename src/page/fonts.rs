//! The embedded Tinos faces, measuring text in them, and making text printable with them.
//!
//! Layout needs string widths (to wrap table cells and centre lines), and printpdf 0.12 has no
//! function for that. Its parsed font does hold every glyph's advance, the numbers it writes into
//! the PDF's `/W` array; measuring with them, rounded the way `/W` rounds them, means a line that
//! measures as fitting is drawn as fitting. The fonts are subset files shipped in the repository
//! (`assets/fonts/README.md` says how and why): no system font is ever looked up.

use printpdf::ParsedFont;
use unicode_normalization::UnicodeNormalization;

use super::PageError;
use crate::text::glyphs::{self, invisible};

/// One face of the family. Times New Roman's roles in a Decree 30 document need four: the
/// fourth, bold italic, only for "Nơi nhận:".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub(crate) const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    fn index(self) -> usize {
        match self {
            Face::Regular => 0,
            Face::Bold => 1,
            Face::Italic => 2,
            Face::BoldItalic => 3,
        }
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => glyphs::REGULAR,
            Face::Bold => glyphs::BOLD,
            Face::Italic => glyphs::ITALIC,
            Face::BoldItalic => glyphs::BOLD_ITALIC,
        }
    }

    /// Whether every PDF embeds the face. The first three are in every document (the cover
    /// list and every draft print the date line in italics); bold italic only where it is
    /// printed, so that a cover list keeps its bytes and size.
    pub(crate) fn always_embedded(self) -> bool {
        self != Face::BoldItalic
    }

    /// The font's resource name on each page. Fixed here because printpdf's own names come
    /// from a process-wide counter, which would make the second PDF of a process differ.
    pub(crate) fn resource_name(self) -> &'static str {
        match self {
            Face::Regular => "F1",
            Face::Bold => "F2",
            Face::Italic => "F3",
            Face::BoldItalic => "F4",
        }
    }

    /// The PostScript name, shown by viewers as the document's font.
    pub(crate) fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "Tinos",
            Face::Bold => "Tinos-Bold",
            Face::Italic => "Tinos-Italic",
            Face::BoldItalic => "Tinos-BoldItalic",
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

/// The four parsed faces.
pub(crate) struct Fonts {
    faces: [ParsedFont; 4],
}

impl Fonts {
    /// Parse the embedded files. They are part of the binary, so a failure here is a broken
    /// build, but it is reported as an error rather than a panic all the same.
    pub(crate) fn load() -> Result<Fonts, PageError> {
        let parse = |face: Face| {
            let mut warnings = Vec::new();
            let mut font = ParsedFont::from_bytes(face.bytes(), 0, &mut warnings)
                .ok_or(PageError::Font(face.postscript_name()))?;
            font.font_name = Some(format!(
                "{}+{}",
                subset_tag(face.bytes()),
                face.postscript_name()
            ));
            Ok::<_, PageError>(font)
        };
        Ok(Fonts {
            faces: [
                parse(Face::Regular)?,
                parse(Face::Bold)?,
                parse(Face::Italic)?,
                parse(Face::BoldItalic)?,
            ],
        })
    }

    pub(crate) fn parsed(&self, face: Face) -> &ParsedFont {
        &self.faces[face.index()]
    }

    /// Advance of `c` in thousandths of an em, exactly (the font's units scaled, not rounded).
    /// The PDF's `/W` array holds whole thousandths, truncated, and the viewer advances by
    /// those, so a line measured this way is drawn no wider than measured; and Word and
    /// LibreOffice measure the DOCX exactly, so a line breaks in the PDF where it breaks there
    /// (measured by the truncated widths, a line 0.2 pt too long fitted in the PDF only).
    pub(crate) fn advance(&self, face: Face, c: char) -> f32 {
        let font = self.parsed(face);
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        let gid = font.lookup_glyph_index(u32::from(c)).unwrap_or(0);
        f32::from(font.get_glyph_width(gid).unwrap_or(0)) * 1000.0 / units_per_em
    }

    /// Width of `text` set in `face` at `size` points, in points.
    pub(crate) fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let thousandths: f32 = text.chars().map(|c| self.advance(face, c)).sum();
        thousandths / 1000.0 * size
    }

    /// The text as it can be printed: NFC (NFD puts the tone marks in the wrong place and
    /// extracts as NFD), one plain space for every run of whitespace or control characters
    /// (no-break space and space share a glyph, and a shared glyph would extract as whichever
    /// character the PDF's ToUnicode map names), invisible characters dropped, and `?` for a
    /// character the subset font lacks (it would otherwise print as an empty box and extract
    /// as nothing).
    pub(crate) fn printable(&self, text: &str) -> String {
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
            // All four faces cover the same characters (one subset command made them).
            // Glyph 0 is .notdef (U+FFFF maps to it), a box, not the character.
            if font
                .lookup_glyph_index(u32::from(c))
                .is_some_and(|g| g != 0)
            {
                out.push(c);
            } else {
                out.push('?');
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::glyphs::prints;

    #[test]
    fn faces_parse_and_cover_vietnamese() {
        let fonts = Fonts::load().expect("embedded fonts parse");
        for face in Face::ALL {
            let font = fonts.parsed(face);
            for c in "ĂÂĐÊÔƠƯăâđêôơư ỹỵỷựửữừứ Ừ Ỵ ẫ ậ “–” ₫ №".chars()
            {
                if c != ' ' {
                    assert!(
                        font.lookup_glyph_index(u32::from(c)).is_some(),
                        "{face:?} {c}"
                    );
                }
            }
        }
    }

    #[test]
    fn layout_constants_match_the_fonts() {
        let fonts = Fonts::load().expect("embedded fonts parse");
        for face in Face::ALL {
            let font = fonts.parsed(face);
            let em = f32::from(font.units_per_em);
            let ascent = f32::from(font.font_metrics.ascent) / em;
            let descent = -f32::from(font.font_metrics.descent) / em;
            assert!((ascent - super::super::layout::ASCENT).abs() < 1e-6);
            assert!((descent - super::super::layout::DESCENT).abs() < 1e-6);
        }
    }

    #[test]
    fn widths_are_times_metrics() {
        let fonts = Fonts::load().expect("embedded fonts parse");
        // Times New Roman: "M" is 0.889 em, space 0.25 em.
        assert!((fonts.width(Face::Regular, 10.0, "M") - 8.89).abs() < 0.01);
        assert!((fonts.width(Face::Regular, 12.0, " ") - 3.0).abs() < 0.01);
        assert!(fonts.width(Face::Bold, 12.0, "Ủy ban") > fonts.width(Face::Regular, 12.0, "Ủy"));
    }

    #[test]
    fn the_checker_warns_of_exactly_what_prints_as_a_question_mark() {
        let fonts = Fonts::load().expect("embedded fonts parse");
        let mut refused = 0;
        for cp in 0..=0x1_FFFF_u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            // The checker reads text already in NFC, so only characters NFC keeps are asked.
            let nfc: String = c.to_string().nfc().collect();
            if c == '?' || unicode_normalization::char::is_combining_mark(c) || nfc != c.to_string()
            {
                continue;
            }
            let printed = fonts.printable(&format!("a{c}b"));
            let as_question = printed.contains('?');
            assert_eq!(prints(c), !as_question, "U+{cp:04X} prints as {printed:?}");
            refused += usize::from(as_question);
        }
        assert!(refused > 1000);
        assert!("Nguyễn Thị Ánh – Ủy ban nhân dân, “5K”… № 12"
            .chars()
            .all(prints));
        assert!(!prints('山') && !prints('✓') && !prints('🏠'));
    }

    #[test]
    fn printable_text_is_nfc_with_plain_spaces() {
        let fonts = Fonts::load().expect("embedded fonts parse");
        let nfd: String = "Nguyễn Thị Ánh".nfd().collect();
        assert_eq!(fonts.printable(&nfd), "Nguyễn Thị Ánh");
        assert_eq!(
            fonts.printable(" Hoa\u{00A0}Lư\t\n xã\u{00AD}hội "),
            "Hoa Lư xãhội"
        );
        assert_eq!(fonts.printable("Tên 山"), "Tên ?");
        // U+FFFF maps to .notdef (glyph 0): a box, so "?" with VB003's warning (list case 14).
        assert_eq!(fonts.printable("cộng\u{FFFF}"), "cộng?");
        assert!(!crate::text::glyphs::prints('\u{FFFF}'));
    }
}
