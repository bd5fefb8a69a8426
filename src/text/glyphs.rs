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

/// Whether every character of `s` prints (see [`prints`]).
///
/// Runs on every value of every dossier (VB003), so a text of Vietnamese letters, Latin-1 and
/// the quotes and dashes of a word processor is answered from its UTF-8 bytes, a vector at a
/// time, before any character is decoded; any other text is asked character by character.
#[must_use]
pub fn all_print(s: &str) -> bool {
    plain_bytes(s.as_bytes()) || s.chars().all(prints)
}

/// Whether the bytes are only characters that surely print: ASCII, U+0080-U+017F, ơ Ơ ư Ư
/// (U+01A0, U+01A1, U+01AF, U+01B0), U+1EA0-U+1EF9, and the dashes, quotes, daggers, bullet,
/// ellipsis and per mille of General Punctuation that the font has (U+2010-2015, U+2018-201E,
/// U+2020-2022, U+2026, U+2030). A test below asks [`prints`] about every character this passes.
pub(super) fn plain_bytes(b: &[u8]) -> bool {
    // Asked of every byte with the two after it (`text::bytes` says why that is exact).
    fn bad(c: u8, c1: u8, c2: u8) -> bool {
        let c6 = (c == 0xC6) & !((c1 == 0xA0) | (c1 == 0xA1) | (c1 == 0xAF) | (c1 == 0xB0));
        let e1 = (c == 0xE1) & !(((c1 == 0xBA) & (c2 >= 0xA0)) | ((c1 == 0xBB) & (c2 <= 0xB9)));
        let e2 = (c == 0xE2)
            & !((c1 == 0x80)
                & ((0x90..=0x95).contains(&c2)
                    | (0x98..=0x9E).contains(&c2)
                    | (0xA0..=0xA2).contains(&c2)
                    | (c2 == 0xA6)
                    | (c2 == 0xB0)));
        let other = (c == 0xC0) | (c == 0xC1) | (0xC7..=0xE0).contains(&c) | (c >= 0xE3);
        c6 | e1 | e2 | other
    }
    !super::bytes::any3(b, bad)
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

    /// The byte look passes only characters that print, and passes the letters of every
    /// Vietnamese text.
    #[test]
    fn the_byte_look_passes_only_what_prints() {
        let mut passed = 0;
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            if plain_bytes(c.encode_utf8(&mut buf).as_bytes()) {
                assert!(
                    prints(c),
                    "{c:?} (U+{:04X}) passed the byte look",
                    u32::from(c)
                );
                passed += 1;
            }
        }
        assert!(passed > 400, "{passed}");
        let vietnamese = "Nguyễn Thị Ánh Tuyết “Ơn” – Đặng Ưng … ư ơ Ư Ơ ỹ Ỹ ạ Ạ 1‰";
        assert!(plain_bytes(vietnamese.as_bytes()));
        assert!(!plain_bytes("tích ✓".as_bytes()));
        assert!(!plain_bytes("汉".as_bytes()));
        // Ends of a text: a character cut by the tail's test must still be judged.
        assert!(!plain_bytes("a\u{1EFA}".as_bytes()));
        assert!(plain_bytes("a\u{1EF9}".as_bytes()));
    }

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
