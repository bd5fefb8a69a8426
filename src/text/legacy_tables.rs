//! Byte tables of the two legacy Vietnamese 8-bit encodings still met in offices, and the
//! Windows-1252 / Latin-1 reading that turns their bytes into the characters we actually see.
//!
//! Kept apart from the detection logic in [`super::legacy`] because they are data: written from
//! the public definitions of TCVN 5712:1993 VN3 ("TCVN3", the ABC / .VnTime fonts) and of the
//! VNI Windows encoding (VNI-Times fonts), not copied from any package. Both keep ASCII
//! unchanged and use only bytes 0xA0-0xFF, so every mojibake character we must read back is a
//! Latin-1 character; 0x80-0x9F are still mapped (as Windows-1252 shows them, and as the C1
//! controls plain Latin-1 gives) so that such characters are recognised as bytes and rejected
//! by the tables rather than mistaken for real text.

use super::syllable::{Letter, Modifier, Tone};

/// Windows-1252 0x80-0x9F. The five bytes Windows leaves undefined decode to the C1 control of
/// the same value, which is also what a plain Latin-1 reading gives for every byte here.
const CP1252_80_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The character Windows-1252 shows for a byte (a C1 control for the five it leaves undefined).
pub(super) fn cp1252_char(byte: u8) -> char {
    match byte {
        0x80..=0x9F => CP1252_80_9F
            .get(usize::from(byte - 0x80))
            .copied()
            .unwrap_or('\0'),
        _ => char::from(byte),
    }
}

/// The byte a character came from, when legacy bytes were read as Windows-1252 or Latin-1.
pub(super) fn byte_of(c: char) -> Option<u8> {
    if let Ok(byte) = u8::try_from(u32::from(c)) {
        // ASCII, C1 controls (plain Latin-1) and Latin-1 proper.
        return Some(byte);
    }
    // Every Windows-1252 extra lies in U+0152..=U+2122; Vietnamese letters above Latin-1 are
    // mostly U+1EA0 and up, so most of them leave here without a search.
    if !('\u{152}'..='\u{2122}').contains(&c) || ('\u{1EA0}'..='\u{1EFF}').contains(&c) {
        return None;
    }
    let index = CP1252_80_9F.iter().position(|&x| x == c)?;
    u8::try_from(0x80 + index).ok()
}

/// Whether every character of `s` has a byte ([`byte_of`] is `Some`), read from its UTF-8
/// bytes: legacy detection asks it of every word with a non-ASCII letter, and a Vietnamese
/// word's ư or ơ sent `byte_of` through the whole Windows-1252 table. A test holds the two
/// together for every character.
pub(super) fn all_have_bytes(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        let c1 = b.get(i + 1).copied().unwrap_or(0);
        let c2 = b.get(i + 2).copied().unwrap_or(0);
        // Below U+0100 every character is its own byte; above it, only Windows-1252's extras:
        // Œ œ Š š Ÿ Ž ž (C5), ƒ (C6 92), ˆ ˜ (CB), the quotes, dashes and signs of E2.
        let (has, len) = match x {
            0x00..=0x7F => (true, 1),
            0xC2 | 0xC3 => (true, 2),
            0xC5 => (
                matches!(c1, 0x92 | 0x93 | 0xA0 | 0xA1 | 0xB8 | 0xBD | 0xBE),
                2,
            ),
            0xC6 => (c1 == 0x92, 2),
            0xCB => (matches!(c1, 0x86 | 0x9C), 2),
            0xE2 => (
                matches!(
                    (c1, c2),
                    (
                        0x80,
                        0x93 | 0x94 | 0x98..=0x9A | 0x9C..=0x9E | 0xA0..=0xA2 | 0xA6 | 0xB0 | 0xB9 | 0xBA
                    ) | (0x82, 0xAC)
                        | (0x84, 0xA2)
                ),
                3,
            ),
            _ => (false, 1),
        };
        if !has {
            return false;
        }
        i += len;
    }
    true
}

/// VN3 bytes 0xA0-0xFF; `'\0'` marks a byte VN3 leaves unassigned. VN3 has lowercase letters with
/// every tone but only the seven toneless capitals Ă Â Ê Ô Ơ Ư Đ: capitals with tones were
/// typed with the lowercase bytes in an all-capitals font (.VnTimeH).
const TCVN3_A0_FF: [char; 96] = [
    // A0-AF: no-break space, the seven capitals, the seven lowercase letters with a modifier.
    '\u{a0}', 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', '\0',
    // B0-BF: a and ă with tones (each vowel in the order huyền, hỏi, ngã, sắc, nặng).
    '\0', '\0', '\0', '\0', '\0', 'à', 'ả', 'ã', 'á', 'ạ', '\0', 'ằ', 'ẳ', 'ẵ', 'ắ', '\0',
    // C0-CF: the last ă, â, then e.
    '\0', '\0', '\0', '\0', '\0', '\0', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', '\0', 'ẻ', 'ẽ',
    // D0-DF: e, ê, i, o.
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', '\0', '\0', '\0', 'ĩ', 'í', 'ị', 'ò',
    // E0-EF: o, ô, ơ, u.
    '\0', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù',
    // F0-FF: u, ư, y.
    '\0', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', '\0',
];

/// The character a TCVN3 byte stands for.
pub(super) fn tcvn3(byte: u8) -> Option<char> {
    if byte.is_ascii() {
        return Some(char::from(byte));
    }
    let c = *TCVN3_A0_FF.get(usize::from(byte.checked_sub(0xA0)?))?;
    (c != '\0').then_some(c)
}

/// What a non-ASCII VNI byte is: a letter of its own, or a mark that modifies the letter
/// before it (a tone, a circumflex or breve, or both at once).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum VniByte {
    Letter(Letter),
    Mark {
        modifier: Option<Modifier>,
        tone: Option<Tone>,
        /// Marks come in a lowercase and a capital shape, matching the letter they follow.
        upper: bool,
    },
}

/// The meaning of a VNI byte at or above 0x80. The capital forms sit exactly 0x20 below the
/// lowercase ones, as in Latin-1, so only the lowercase half is spelled out.
pub(super) fn vni(byte: u8) -> Option<VniByte> {
    let (lower, upper) = match byte {
        0xE0..=0xFF => (byte, false),
        0xC0..=0xDF => (byte + 0x20, true),
        _ => return None,
    };
    let letter = |ch: char, tone: Option<Tone>| Some(VniByte::Letter(Letter { ch, tone, upper }));
    let mark = |modifier: Option<Modifier>, tone: Option<Tone>| {
        Some(VniByte::Mark {
            modifier,
            tone,
            upper,
        })
    };
    let circumflex = Some(Modifier::Circumflex);
    let breve = Some(Modifier::Breve);
    match lower {
        0xF1 => letter('đ', None),
        0xF4 => letter('ơ', None),
        0xF6 => letter('ư', None),
        // i with a tone is one byte in VNI, never i followed by a mark.
        0xEC => letter('i', Some(Tone::Grave)),
        0xE6 => letter('i', Some(Tone::Hook)),
        0xF3 => letter('i', Some(Tone::Tilde)),
        0xED => letter('i', Some(Tone::Acute)),
        0xF2 => letter('i', Some(Tone::Dot)),
        0xF8 => mark(None, Some(Tone::Grave)),
        0xFB => mark(None, Some(Tone::Hook)),
        0xF5 => mark(None, Some(Tone::Tilde)),
        0xF9 => mark(None, Some(Tone::Acute)),
        0xEF => mark(None, Some(Tone::Dot)),
        0xE2 => mark(circumflex, None),
        0xE0 => mark(circumflex, Some(Tone::Grave)),
        0xE5 => mark(circumflex, Some(Tone::Hook)),
        0xE3 => mark(circumflex, Some(Tone::Tilde)),
        0xE1 => mark(circumflex, Some(Tone::Acute)),
        0xE4 => mark(circumflex, Some(Tone::Dot)),
        0xEA => mark(breve, None),
        0xE8 => mark(breve, Some(Tone::Grave)),
        0xFA => mark(breve, Some(Tone::Hook)),
        0xFC => mark(breve, Some(Tone::Tilde)),
        0xE9 => mark(breve, Some(Tone::Acute)),
        0xEB => mark(breve, Some(Tone::Dot)),
        _ => None,
    }
}

/// True for a non-ASCII character that stands for a letter or mark in TCVN3, VNI or
/// Windows-1258 (where it differs from Latin-1) once read back as a byte. Such characters belong to words even when Unicode calls them symbols (the
/// soft hyphen is TCVN3's ư, © its â, § its Đ).
pub(super) fn is_legacy_char(c: char) -> bool {
    match byte_of(c) {
        Some(byte) if byte >= 0x80 && c != '\u{a0}' => {
            tcvn3(byte).is_some()
                || vni(byte).is_some()
                || super::cp1258::char_of(byte).is_some_and(|d| d != c)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_of_a_text_are_seen_from_its_utf8_as_char_by_char() {
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let has = byte_of(c).is_some();
            assert_eq!(all_have_bytes(&c.to_string()), has, "{c:?}");
            for s in [format!("ô{c}"), format!("{c}ư"), format!("a{c}b")] {
                assert_eq!(
                    all_have_bytes(&s),
                    s.chars().all(|c| byte_of(c).is_some()),
                    "{s:?}"
                );
            }
        }
        assert!(all_have_bytes(""));
    }

    #[test]
    fn bytes_read_as_windows_1252_and_latin_1() {
        assert_eq!(byte_of('A'), Some(0x41));
        assert_eq!(byte_of('€'), Some(0x80));
        assert_eq!(byte_of('Š'), Some(0x8A));
        assert_eq!(byte_of('Ÿ'), Some(0x9F));
        assert_eq!(byte_of('\u{8a}'), Some(0x8A));
        assert_eq!(byte_of('\u{ad}'), Some(0xAD));
        assert_eq!(byte_of('ÿ'), Some(0xFF));
        assert_eq!(byte_of('ư'), None);
        assert_eq!(byte_of('ễ'), None);
    }

    #[test]
    fn tcvn3_has_every_toned_vowel_once() {
        let mapped: Vec<char> = (0xA0..=0xFFu8).filter_map(tcvn3).collect();
        // NBSP, 7 capitals, 7 modified lowercase letters, 12 vowels x 5 tones.
        assert_eq!(mapped.len(), 1 + 7 + 7 + 60);
        let mut sorted = mapped.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), mapped.len());
        assert_eq!(tcvn3(0xD4), Some('ễ'));
        assert_eq!(tcvn3(0xAD), Some('ư'));
        assert_eq!(tcvn3(0x80), None);
    }

    #[test]
    fn vni_letters_and_marks() {
        assert!(matches!(
            vni(0xF6),
            Some(VniByte::Letter(Letter { ch: 'ư', .. }))
        ));
        assert!(matches!(
            vni(0xD1),
            Some(VniByte::Letter(Letter {
                ch: 'đ',
                upper: true,
                ..
            }))
        ));
        assert_eq!(
            vni(0xE3),
            Some(VniByte::Mark {
                modifier: Some(Modifier::Circumflex),
                tone: Some(Tone::Tilde),
                upper: false
            })
        );
        assert_eq!(vni(0x8A), None);
        assert_eq!(vni(0xA9), None);
    }

    #[test]
    fn legacy_chars() {
        assert!(is_legacy_char('\u{ad}'));
        assert!(is_legacy_char('©'));
        assert!(is_legacy_char('Ô'));
        assert!(!is_legacy_char('\u{a0}'));
        assert!(!is_legacy_char('a'));
        assert!(!is_legacy_char('€'));
        assert!(!is_legacy_char('ư'));
    }
}
