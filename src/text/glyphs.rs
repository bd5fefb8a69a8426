//! Which characters the printed documents (the cover list, the drafts) can show: the glyph
//! coverage of the embedded Tinos faces, whose files are kept here.
//!
//! Two layers ask: the checker (VB003 warns, before packing, of a character that would print
//! as `?` on an official list) and the PDF writer (which prints `?` for it). Both read the
//! answer from here, below either of them, so the warning and the print cannot disagree and
//! the rules need nothing from `pack`. All four faces were cut by one subset command and
//! cover the same characters (a test below holds them to it), so the regular face answers for
//! all.

use printpdf::ParsedFont;

/// The regular face (a subset of Tinos; `assets/fonts/README.md` says how it was cut).
pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/Tinos-Regular.ttf");
/// The bold face.
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/Tinos-Bold.ttf");
/// The italic face.
pub const ITALIC: &[u8] = include_bytes!("../../assets/fonts/Tinos-Italic.ttf");
/// The bold italic face ("Nơi nhận:").
pub const BOLD_ITALIC: &[u8] = include_bytes!("../../assets/fonts/Tinos-BoldItalic.ttf");

/// Whether the printed documents show `c` as itself rather than as `?`: blank and invisible
/// characters count as printable, since they are not replaced by `?`.
///
/// Letters of Vietnamese and Latin-1 answer at once; anything else asks the font itself,
/// parsed once per process.
#[must_use]
pub fn prints(c: char) -> bool {
    static PARSED: std::sync::OnceLock<Option<ParsedFont>> = std::sync::OnceLock::new();
    if matches!(c, ' '..='~' | '\u{A0}'..='\u{17F}' | '\u{1A0}' | '\u{1A1}' | '\u{1AF}' | '\u{1B0}' | '\u{1EA0}'..='\u{1EF9}')
        || c.is_whitespace()
        || c.is_control()
        || invisible(c)
    {
        return true;
    }
    let font = PARSED.get_or_init(|| {
        let mut warnings = Vec::new();
        ParsedFont::from_bytes(REGULAR, 0, &mut warnings)
    });
    // A font that does not parse is a broken build; the cover list reports it, not this. Glyph
    // 0 is .notdef, the box a font draws for what it lacks: the cmap's closing segment maps
    // U+FFFF to it, so U+FFFF passed as printable and came out as a box (list case 14).
    font.as_ref()
        .is_none_or(|f| f.lookup_glyph_index(u32::from(c)).is_some_and(|g| g != 0))
}

/// Characters dropped from printed text (soft hyphen, zero-width ones, byte-order mark).
#[must_use]
pub fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// VB003 asks the regular face for every face: it answers right only while every face has
    /// exactly the regular face's characters (the bold italic face was added later, #18).
    #[test]
    fn every_face_covers_the_regular_faces_characters() {
        let parse = |bytes: &[u8]| {
            let mut warnings = Vec::new();
            ParsedFont::from_bytes(bytes, 0, &mut warnings).expect("embedded face parses")
        };
        let regular = parse(REGULAR);
        for bytes in [BOLD, ITALIC, BOLD_ITALIC] {
            let face = parse(bytes);
            for cp in 0..=0xFFFF_u32 {
                assert_eq!(
                    regular.lookup_glyph_index(cp).is_some(),
                    face.lookup_glyph_index(cp).is_some(),
                    "U+{cp:04X}"
                );
            }
        }
    }
}
