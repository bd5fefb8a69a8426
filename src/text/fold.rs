//! Folding names so that the same person written by different habits compares equal.
//!
//! A name travels through several documents of one dossier (the proposal's list, the minutes,
//! each achievement report), typed by different clerks on different machines. The same name then
//! differs in ways nobody sees on paper: NFD from macOS, a non-breaking space from a word
//! processor, a doubled space, and above all the tone mark put on a different vowel by the old
//! and the new spelling habits ("Hòa" / "Hoà", "Thủy" / "Thuỷ"). NFC alone does not unify the
//! last one. [`name_key`] removes all of these differences and nothing else, so a mismatch that
//! survives it is a real one.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;

use super::syllable::Syllable;
use super::{is_latin_or_vietnamese_letter, to_nfc};

/// Trims `s` and turns every run of Unicode whitespace (spaces, tabs, newlines, U+00A0 and the
/// other `White_Space` characters) into one ASCII space. Borrows when nothing changes.
pub fn fold_whitespace(s: &str) -> Cow<'_, str> {
    if is_whitespace_folded(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

fn is_whitespace_folded(s: &str) -> bool {
    let mut previous_space = true; // so a leading space counts as "doubled"
    for c in s.chars() {
        if c == ' ' {
            if previous_space {
                return false;
            }
            previous_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            previous_space = false;
        }
    }
    !s.ends_with(' ')
}

/// Moves the tone mark of every Vietnamese syllable in `s` to the vowel the new (orthographic)
/// style puts it on: the vowel with a modifier (ê ô ơ â ă ư), the second vowel of oa/oe/uy, and
/// the standard position otherwise. "Hòa" becomes "Hoà", "Thủy" "Thuỷ", "khỏe" "khoẻ"; a mark
/// typed on the u of "qu" or the i of "gi" moves too ("qúy" → "quý").
///
/// The output is NFC and keeps the case of every letter. Words that are not Vietnamese
/// syllables, and everything between words, are copied unchanged.
pub fn fold_tone_placement(s: &str) -> String {
    let s = to_nfc(s);
    if s.is_ascii() {
        return s.into_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut copied_to = 0;
    for (start, end) in word_ranges(&s) {
        let Some(word) = s.get(start..end) else {
            continue;
        };
        let moved = Syllable::parse(word)
            .filter(|syllable| !syllable.tone_is_canonical())
            .and_then(|syllable| syllable.render_canonical());
        if let Some(moved) = moved {
            out.push_str(s.get(copied_to..start).unwrap_or_default());
            out.push_str(&moved);
            copied_to = end;
        }
    }
    out.push_str(s.get(copied_to..).unwrap_or_default());
    out
}

/// `s` with every tone mark typed on the u of "qu" or the i of "gi" moved to the vowel it
/// belongs on ("Bùi Qúy Gìau" → "Bùi Quý Giàu"), and the misplaced words as written; None when
/// there is none. Such a spelling is wrong in the old style as in the new, so it is corrected
/// toward the right one, never spread.
#[must_use]
pub fn fix_tone_on_glide(s: &str) -> Option<(String, Vec<String>)> {
    // A byte look first, before any NFC or decoding: it runs over every text of every file.
    if !super::bytes::any4(s.as_bytes(), glide) {
        return None;
    }
    fix_tone_on_glide_looked(s)
}

/// [`fix_tone_on_glide`] of a text whose byte look ([`glide`]) has already found a candidate
/// (`text::bytes::look` asks it with the other looks in one pass).
pub(crate) fn fix_tone_on_glide_looked(s: &str) -> Option<(String, Vec<String>)> {
    let s = to_nfc(s);
    if s.is_ascii() {
        return None;
    }
    // Only a toned u just after q, or a toned i just after g, can be a tone on the glide (qú,
    // gì): only the words holding one are parsed. "giữ gìn" is common in reports, so parsing
    // every word of a text that holds one (as this did) cost a tenth of a check's instructions.
    let mut out = String::new();
    let mut copied_to = 0;
    let mut words = Vec::new();
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        let hit = match prev {
            'q' | 'Q' => matches!(c, 'ú' | 'ù' | 'ủ' | 'ũ' | 'ụ' | 'Ú' | 'Ù' | 'Ủ' | 'Ũ' | 'Ụ'),
            'g' | 'G' => matches!(c, 'í' | 'ì' | 'ỉ' | 'ĩ' | 'ị' | 'Í' | 'Ì' | 'Ỉ' | 'Ĩ' | 'Ị'),
            _ => false,
        };
        prev = c;
        if !hit || i < copied_to {
            continue;
        }
        let (start, end) = word_around(&s, i);
        let Some(word) = s.get(start..end) else {
            continue;
        };
        let moved = Syllable::parse(word)
            .filter(Syllable::tone_is_on_glide)
            .and_then(|syllable| syllable.render_canonical());
        if let Some(moved) = moved {
            out.push_str(s.get(copied_to..start).unwrap_or_default());
            out.push_str(&moved);
            copied_to = end;
            words.push(word.to_owned());
        }
    }
    if words.is_empty() {
        return None;
    }
    out.push_str(s.get(copied_to..).unwrap_or_default());
    Some((out, words))
}

/// Whether the bytes at a place start a q followed by a toned u, or a g by a toned i, composed
/// (their UTF-8 bytes below) or decomposed (the plain letter, then a combining mark, whose UTF-8
/// starts with CC or CD): the only texts [`fix_tone_on_glide`] parses. "gặp", "góp" and the like
/// pass without a parse. Asked of every byte with the three after it (`text::bytes`).
#[inline(always)]
pub(crate) fn glide(c: u8, c1: u8, c2: u8, c3: u8) -> bool {
    let lower = c | 0x20;
    // ú ù Ú Ù (C3 BA/B9/9A/99), ũ Ũ (C5 A9/A8), ủ ụ Ủ Ụ (E1 BB A4-A7), u U + mark.
    let u = ((c1 == 0xC3) & ((c2 == 0xBA) | (c2 == 0xB9) | (c2 == 0x9A) | (c2 == 0x99)))
        | ((c1 == 0xC5) & ((c2 == 0xA9) | (c2 == 0xA8)))
        | ((c1 == 0xE1) & (c2 == 0xBB) & (0xA4..=0xA7).contains(&c3))
        | (((c1 | 0x20) == b'u') & ((c2 == 0xCC) | (c2 == 0xCD)));
    // í ì Í Ì (C3 AD/AC/8D/8C), ĩ Ĩ (C4 A9/A8), ỉ ị Ỉ Ị (E1 BB 88-8B), i I + mark.
    let i = ((c1 == 0xC3) & ((c2 == 0xAD) | (c2 == 0xAC) | (c2 == 0x8D) | (c2 == 0x8C)))
        | ((c1 == 0xC4) & ((c2 == 0xA9) | (c2 == 0xA8)))
        | ((c1 == 0xE1) & (c2 == 0xBB) & (0x88..=0x8B).contains(&c3))
        | (((c1 | 0x20) == b'i') & ((c2 == 0xCC) | (c2 == 0xCD)));
    ((lower == b'q') & u) | ((lower == b'g') & i)
}

/// Is `c` part of a word: a letter or a combining mark.
fn is_word_char(c: char) -> bool {
    // Answer ASCII and the Latin and Vietnamese letters without the Unicode property tables.
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        (is_latin_or_vietnamese_letter(c) && !matches!(c, '×' | '÷'))
            || c.is_alphabetic()
            || is_combining_mark(c)
    }
}

/// The byte range of the word (the maximal run of [`is_word_char`]) holding the character at
/// byte `at` of `s`, the same range [`word_ranges`] gives for it.
fn word_around(s: &str, at: usize) -> (usize, usize) {
    let before = s.get(..at).unwrap_or_default();
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(at, |(i, _)| i);
    let after = s.get(at..).unwrap_or_default();
    let end = after
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(s.len(), |(i, _)| at + i);
    (start, end)
}

/// Byte ranges of the words of `s`: runs of letters with their combining marks.
fn word_ranges(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    super::runs(s, is_word_char)
}

/// The key under which two spellings of a name are the same name: NFC, then
/// [`fold_whitespace`], then [`fold_tone_placement`].
///
/// Case is deliberately *not* folded. The key exists to absorb differences that are invisible
/// or are mere spelling habits, which a clerk cannot be expected to notice or fix. A difference
/// in case is visible and is not a habit of either style: "nguyễn văn an" in one document and
/// "Nguyễn Văn An" in another is a typing error worth reporting, and a heading in capitals is
/// not where a nominee's name is compared. A caller that does want to ignore case can lowercase
/// the key, since folding keeps the case of every letter.
pub fn name_key(s: &str) -> String {
    let nfc = to_nfc(s);
    fold_tone_placement(&fold_whitespace(&nfc))
}

/// True when `a` and `b` differ (after NFC and whitespace folding) only by where their tone marks
/// sit: the same name written in the old and the new style, as in "Nguyễn Thị Hòa" / "Nguyễn
/// Thị Hoà". A checker can then say "same person, spelled differently" instead of "mismatch".
pub fn differs_only_in_tone_placement(a: &str, b: &str) -> bool {
    let a_nfc = to_nfc(a);
    let b_nfc = to_nfc(b);
    let a_folded = fold_whitespace(&a_nfc);
    let b_folded = fold_whitespace(&b_nfc);
    a_folded != b_folded && fold_tone_placement(&a_folded) == fold_tone_placement(&b_folded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Rng;

    #[test]
    fn whitespace_is_trimmed_and_collapsed() {
        assert_eq!(
            fold_whitespace("  Nguyễn \t Văn\u{a0}\u{a0}An\n"),
            "Nguyễn Văn An"
        );
        assert_eq!(fold_whitespace("a\r\nb\u{3000}c\u{202f}d"), "a b c d");
        assert_eq!(fold_whitespace("   "), "");
        assert_eq!(fold_whitespace(""), "");
    }

    #[test]
    fn whitespace_borrows_when_already_folded() {
        assert!(matches!(fold_whitespace("Nguyễn Văn An"), Cow::Borrowed(_)));
        assert!(matches!(fold_whitespace("x"), Cow::Borrowed(_)));
        assert!(matches!(fold_whitespace(" x"), Cow::Owned(_)));
        assert!(matches!(fold_whitespace("x "), Cow::Owned(_)));
        assert!(matches!(fold_whitespace("x  y"), Cow::Owned(_)));
    }

    #[test]
    fn old_and_new_style_fold_together() {
        let pairs = [
            ("Hòa", "Hoà"),
            ("Thủy", "Thuỷ"),
            ("hóa", "hoá"),
            ("khỏe", "khoẻ"),
            ("Hùy", "Huỳ"),
            ("Thúy", "Thuý"),
            ("HÒA", "HOÀ"),
            ("CỘNG HÒA", "CỘNG HOÀ"),
            ("Ủy ban", "Uỷ ban"),
            ("qúy", "quý"),
        ];
        for (old, new) in pairs {
            assert_eq!(fold_tone_placement(old), new, "{old}");
            assert_eq!(fold_tone_placement(new), new, "{new}");
        }
    }

    #[test]
    fn canonical_words_and_non_syllables_are_unchanged() {
        let same = [
            "Nguyễn Văn Hoàng",
            "Trường Yên, ngày 25 tháng 10 năm 2021",
            "Số: 45/TTr-UBND",
            "café naïve",
            "Ông Nguyễn Văn Ân",
            "東京 🎉",
            "oà",
            "",
        ];
        for s in same {
            assert_eq!(fold_tone_placement(s), s);
        }
    }

    #[test]
    fn tone_folding_keeps_surroundings() {
        assert_eq!(
            fold_tone_placement("(Hòa, Thủy) - khỏe!"),
            "(Hoà, Thuỷ) - khoẻ!"
        );
    }

    #[test]
    fn tone_folding_accepts_nfd_and_returns_nfc() {
        let nfd = "Tho\u{300}a Thu\u{309}y";
        assert_eq!(fold_tone_placement(nfd), "Thoà Thuỷ");
    }

    #[test]
    fn name_key_unifies_invisible_differences() {
        let key = name_key("Nguyễn Thị Hoà");
        for variant in [
            "Nguyễn Thị Hòa",
            " Nguyễn\u{a0}Thị  Hòa ",
            "Nguye\u{302}\u{303}n Thi\u{323} Ho\u{300}a",
        ] {
            assert_eq!(name_key(variant), key, "{variant:?}");
        }
        assert_ne!(name_key("nguyễn thị hoà"), key);
        assert_ne!(name_key("Nguyễn Thị Hoa"), key);
    }

    #[test]
    fn detects_tone_placement_only_differences() {
        assert!(differs_only_in_tone_placement(
            "Nguyễn Thị Hòa",
            "Nguyễn Thị Hoà"
        ));
        assert!(differs_only_in_tone_placement("Lê Thủy ", "Lê  Thuỷ"));
        assert!(!differs_only_in_tone_placement("Lê Thủy", "Lê Thủy"));
        assert!(!differs_only_in_tone_placement("Lê Thủy", " Lê\u{a0}Thủy"));
        assert!(!differs_only_in_tone_placement("Lê Thủy", "Lê Thùy"));
        assert!(!differs_only_in_tone_placement("Lê Thủy", "lê thuỷ"));
    }

    /// A random character, biased towards the ranges that exercise the parser: ASCII letters,
    /// Latin-1, combining marks, Vietnamese precomposed letters; then anything.
    fn random_char(rng: &mut Rng) -> char {
        let code = match rng.next() % 6 {
            0 => 0x20 + rng.next() % 0x60,
            1 => 0x80 + rng.next() % 0x180,
            2 => 0x300 + rng.next() % 0x70,
            3 => 0x1EA0 + rng.next() % 0x60,
            4 => u64::from(b"aeiouyAEIOUYdgqnh "[rng.below(18)]),
            _ => rng.next() % 0x11_0000,
        };
        char::from_u32(u32::try_from(code).unwrap_or(0xFFFD)).unwrap_or('\u{FFFD}')
    }

    #[test]
    fn never_panics_and_is_idempotent_on_random_text() {
        let mut rng = Rng(0x5EED_1234_ABCD_0001);
        for _ in 0..20_000 {
            let len = rng.below(12);
            let s: String = (0..len).map(|_| random_char(&mut rng)).collect();
            let folded = fold_tone_placement(&s);
            assert!(crate::text::is_nfc(&folded), "{s:?}");
            assert_eq!(fold_tone_placement(&folded), folded, "{s:?}");
            let key = name_key(&s);
            assert_eq!(name_key(&key), key, "{s:?}");
            let _ = differs_only_in_tone_placement(&s, &folded);
        }
    }

    /// The plain way: parse every word. The fast path must give the same answers.
    fn fix_every_word(s: &str) -> Option<(String, Vec<String>)> {
        let s = crate::text::to_nfc(s);
        let (mut out, mut copied_to, mut words) = (String::new(), 0, Vec::new());
        for (start, end) in word_ranges(&s) {
            let word = &s[start..end];
            let moved = Syllable::parse(word)
                .filter(Syllable::tone_is_on_glide)
                .and_then(|syllable| syllable.render_canonical());
            if let Some(moved) = moved {
                out.push_str(&s[copied_to..start]);
                out.push_str(&moved);
                copied_to = end;
                words.push(word.to_owned());
            }
        }
        (!words.is_empty()).then(|| {
            out.push_str(&s[copied_to..]);
            (out, words)
        })
    }

    #[test]
    fn glide_fix_parses_only_candidates_with_the_same_answers() {
        let mut rng = Rng(0x5EED_1234_ABCD_0002);
        let mut seen = 0;
        for _ in 0..50_000 {
            let len = rng.below(14);
            let s: String = (0..len)
                .map(|_| match rng.below(5) {
                    0 => ['q', 'Q', 'g', 'G', ' '][rng.below(5)],
                    1 => ['ú', 'ì', 'ụ', 'Í', 'ỉ', 'u', 'i'][rng.below(7)],
                    _ => random_char(&mut rng),
                })
                .collect();
            let fast = fix_tone_on_glide(&s);
            seen += usize::from(fast.is_some());
            assert_eq!(fast, fix_every_word(&s), "{s:?}");
        }
        for s in [
            "giữ gìn, Qúy và Gìau; quý gì",
            "Bùi Qúy Gìau",
            "qúy-gìau.gì",
        ] {
            assert_eq!(fix_tone_on_glide(s), fix_every_word(s), "{s:?}");
        }
        assert!(seen > 0, "the random texts never held the mistake");
    }

    #[test]
    fn glide_tones_are_found_in_any_case_and_form() {
        // The byte look before the parse must let every spelling of the mistake through.
        use unicode_normalization::UnicodeNormalization;
        for s in ["Bùi Qúy Gìau", "BÙI QÚY GÌAU", "bùi qúy gìau"] {
            let nfd: String = s.nfd().collect();
            for form in [s.to_owned(), nfd] {
                let fixed = fix_tone_on_glide(&form).map(|(f, _)| f.to_lowercase());
                assert_eq!(fixed.as_deref(), Some("bùi quý giàu"), "{form:?}");
            }
        }
        for ok in ["Bùi Quý Giàu", "gì", "Nguyễn Gia Quang", "góp phần"] {
            assert_eq!(fix_tone_on_glide(ok), None, "{ok}");
        }
    }
}
