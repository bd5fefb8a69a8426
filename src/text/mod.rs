//! Vietnamese text handling shared by every check: normalisation, name folding, legacy-encoding
//! detection and dictionary order.
//!
//! Dossiers are typed by many hands on many machines. The same name arrives in NFC or NFD, with
//! the tone mark on different vowels, or as mojibake from a legacy 8-bit font; lists must be
//! printed in Vietnamese alphabetical order, which byte order is not. This module is the one
//! place that knows about those things, so the checks can compare and sort plain strings.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

pub mod collate;
pub mod fold;
pub mod legacy;
mod legacy_tables;
mod syllable;

pub use collate::{name_order, sort_key};
pub use fold::{differs_only_in_tone_placement, fold_whitespace, name_key};
pub use legacy::{detect_legacy, LegacyEncoding, LegacyGuess};

/// True when `s` is in Unicode Normalization Form C.
///
/// Runs on every string of every file, so ASCII (always NFC) and the quick check's "yes"
/// answer return without a full normalisation pass.
pub fn is_nfc(s: &str) -> bool {
    if s.is_ascii() {
        return true;
    }
    // Vietnamese text in NFC is letters below U+0300 and the precomposed letters of U+1E00-1EFF,
    // with punctuation from U+2010-2027 and U+2030-205E; every such character is NFC_QC=Yes and
    // none is a combining mark, so a range test answers without the Unicode tables.
    if s.chars().all(|c| {
        matches!(c, '\0'..='\u{2FF}' | '\u{1E00}'..='\u{1EFF}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}')
    }) {
        return true;
    }
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => unicode_normalization::is_nfc(s),
    }
}

/// True for the Latin-1 Supplement letters (and × ÷), Latin Extended-A and -B, and the
/// Vietnamese block of Latin Extended Additional: a range test that spares the word splitters
/// the Unicode property tables for nearly every non-ASCII character they meet.
pub(crate) fn is_latin_or_vietnamese_letter(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1EA0}'..='\u{1EFF}')
}

/// `s` in NFC; borrowed when it already is.
pub fn to_nfc(s: &str) -> Cow<'_, str> {
    if is_nfc(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fast_path_agrees_with_the_tables() {
        // Every character the range test accepts must be NFC on its own and in any sequence.
        let ranges = [
            (0x80u32, 0x2FF),
            (0x1E00, 0x1EFF),
            (0x2010, 0x2027),
            (0x2030, 0x205E),
        ];
        for (a, b) in ranges {
            for cp in a..=b {
                if let Some(c) = char::from_u32(cp) {
                    let s = format!("a{c}b{c}");
                    assert!(unicode_normalization::is_nfc(&s), "U+{cp:04X}");
                }
            }
        }
    }

    use super::*;

    #[test]
    fn ascii_and_precomposed_text_is_nfc() {
        assert!(is_nfc(""));
        assert!(is_nfc("Nguyen Van An"));
        assert!(is_nfc("Nguyễn Văn Ân"));
        assert!(is_nfc("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    }

    #[test]
    fn decomposed_text_is_not_nfc() {
        assert!(!is_nfc("Nguye\u{302}\u{303}n"));
        assert!(!is_nfc("A\u{300}"));
        // U+0300 after a letter it cannot compose with is still NFC.
        assert!(is_nfc("q\u{300}"));
    }

    #[test]
    fn to_nfc_borrows_when_possible() {
        assert!(matches!(to_nfc("Nguyễn"), Cow::Borrowed(_)));
        let nfd = "Nguye\u{302}\u{303}n";
        let nfc = to_nfc(nfd);
        assert!(matches!(nfc, Cow::Owned(_)));
        assert_eq!(nfc, "Nguyễn");
        assert_eq!(nfc.chars().count(), 6);
    }
}
