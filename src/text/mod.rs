//! Vietnamese text handling shared by every check: normalisation, name folding, legacy-encoding
//! detection and dictionary order.
//!
//! Dossiers are typed by many hands on many machines. The same name arrives in NFC or NFD, with
//! the tone mark on different vowels, or as mojibake from a legacy 8-bit font; lists must be
//! printed in Vietnamese alphabetical order, which byte order is not. This module is the one
//! place that knows about those things, so the checks can compare and sort plain strings.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

pub(crate) mod bytes;
pub mod chars;
pub mod collate;
pub mod cp1258;
pub mod file_name;
pub mod fold;
pub mod glyphs;
pub mod legacy;
mod legacy_tables;
pub mod slug;
pub mod suggest;
pub(crate) mod syllable;

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
    if vietnamese_nfc_fast(s.as_bytes()) {
        return true;
    }
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => unicode_normalization::is_nfc(s),
    }
}

/// Vietnamese text in NFC is letters below U+0300 and the precomposed letters of U+1E00-1EFF,
/// with punctuation from U+2010-2027 and U+2030-205E; every such character is NFC_QC=Yes and none
/// is a combining mark, so a scan of the UTF-8 lead bytes answers without the Unicode tables
/// (this runs on every string of every file).
fn vietnamese_nfc_fast(b: &[u8]) -> bool {
    // Asked of every byte with the two after it (`text::bytes` says why that is exact).
    fn bad(c: u8, c1: u8, c2: u8) -> bool {
        let outside = (c == 0xC0) | (c == 0xC1) | (0xCC..0xE1).contains(&c) | (c >= 0xE3);
        // U+1E00-U+1EFF.
        let e1 = (c == 0xE1) & !((0xB8..=0xBB).contains(&c1));
        // U+2010-U+2027, U+2030-U+205E.
        let punct = ((c1 == 0x80) & ((0x90..=0xA7).contains(&c2) | (0xB0..=0xBF).contains(&c2)))
            | ((c1 == 0x81) & (0x80..=0x9E).contains(&c2));
        let e2 = (c == 0xE2) & !punct;
        outside | e1 | e2
    }
    !bytes::any3(b, bad)
}

/// True for the Latin-1 Supplement letters (and × ÷), Latin Extended-A and -B, and the
/// Vietnamese block of Latin Extended Additional: a range test that spares the word splitters
/// the Unicode property tables for nearly every non-ASCII character they meet.
pub(crate) fn is_latin_or_vietnamese_letter(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1EA0}'..='\u{1EFF}')
}

/// Byte ranges of the maximal runs of characters of `s` that satisfy `is_word_char`: the word
/// splitter shared by tone folding and legacy-encoding detection, which differ only in what
/// counts as a word character.
pub(crate) fn runs<'a>(
    s: &'a str,
    is_word_char: impl Fn(char) -> bool + 'a,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        while chars.next_if(|&(_, c)| !is_word_char(c)).is_some() {}
        let (start, first) = chars.next()?;
        let mut end = start + first.len_utf8();
        while let Some((i, c)) = chars.next_if(|&(_, c)| is_word_char(c)) {
            end = i + c.len_utf8();
        }
        Some((start, end))
    })
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
    fn fast_path_says_no_to_what_is_not_nfc() {
        assert!(!super::is_nfc("Nguye\u{302}\u{303}n"));
        assert!(!super::is_nfc("\u{212B}"));
        assert!(!super::is_nfc("\u{2000}"));
        assert!(super::is_nfc("Nguyễn Thị Hằng – “5K”…"));
        for cp in 0x300u32..0x370 {
            let s = format!("a{}", char::from_u32(cp).unwrap_or('a'));
            assert!(!super::vietnamese_nfc_fast(s.as_bytes()), "U+{cp:04X}");
        }
    }

    /// The character-by-character walk the branch-free scan replaced.
    fn walk(b: &[u8]) -> bool {
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c < 0x80 {
                i += 1;
            } else if (0xC2..=0xCB).contains(&c) {
                i += 2;
            } else if (c == 0xE1 && matches!(b.get(i + 1), Some(0xB8..=0xBB)))
                || (c == 0xE2
                    && matches!(
                        (b.get(i + 1), b.get(i + 2)),
                        (Some(0x80), Some(0x90..=0xA7 | 0xB0..=0xBF))
                            | (Some(0x81), Some(0x80..=0x9E))
                    ))
            {
                i += 3;
            } else {
                return false;
            }
        }
        true
    }

    #[test]
    fn fast_path_answers_as_the_character_walk() {
        for cp in 0..=0x2_FFFF_u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            for s in [
                c.to_string(),
                format!("a{c}"),
                format!("{c}ễ"),
                format!("Tr{c}ờng x"),
            ] {
                assert_eq!(
                    super::vietnamese_nfc_fast(s.as_bytes()),
                    walk(s.as_bytes()),
                    "U+{cp:04X} in {s:?}"
                );
            }
        }
    }

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
