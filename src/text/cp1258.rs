//! Windows-1258, the "ANSI" code page of Vietnamese Windows: what Notepad writes when a clerk
//! saves with its default encoding, and what Excel writes a CSV in.
//!
//! Unlike TCVN3 and VNI it is no font trick but a real code page, so the bytes can be read back
//! exactly: its toned letters are a base letter followed by one of five combining tone marks
//! (bytes CC, D2, DE, EC, F2), which NFC composes into the letters Unicode Vietnamese is
//! written with. A file is taken for Windows-1258 only when it is not UTF-8 and its decoding
//! reads as Vietnamese: the words holding a byte above 0x7F are well-formed syllables
//! (`super::syllable`). Text in TCVN3 or VNI bytes, or in another code page, gives words that are
//! not, and stays refused.

use super::syllable::is_valid_syllable;
use super::to_nfc;

/// Windows-1258 0x80-0xFF; `'\0'` marks the nine bytes the code page leaves undefined.
const CP1258_80_FF: [char; 128] = [
    // 80-8F
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', '\0', '‹', 'Œ', '\0', '\0', '\0',
    // 90-9F
    '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', '\0', '›', 'œ', '\0', '\0', 'Ÿ',
    // A0-AF: as Latin-1.
    '\u{a0}', '¡', '¢', '£', '¤', '¥', '¦', '§', '¨', '©', 'ª', '«', '¬', '\u{ad}', '®', '¯',
    // B0-BF: as Latin-1.
    '°', '±', '²', '³', '´', 'µ', '¶', '·', '¸', '¹', 'º', '»', '¼', '½', '¾', '¿',
    // C0-CF: Ă at C3, the grave tone mark at CC.
    'À', 'Á', 'Â', 'Ă', 'Ä', 'Å', 'Æ', 'Ç', 'È', 'É', 'Ê', 'Ë', '\u{300}', 'Í', 'Î', 'Ï',
    // D0-DF: Đ, the hook above at D2, Ơ, Ư, the tilde at DE.
    'Đ', 'Ñ', '\u{309}', 'Ó', 'Ô', 'Ơ', 'Ö', '×', 'Ø', 'Ù', 'Ú', 'Û', 'Ü', 'Ư', '\u{303}', 'ß',
    // E0-EF: ă at E3, the acute at EC.
    'à', 'á', 'â', 'ă', 'ä', 'å', 'æ', 'ç', 'è', 'é', 'ê', 'ë', '\u{301}', 'í', 'î', 'ï',
    // F0-FF: đ, the dot below at F2, ơ, ư, the đồng sign.
    'đ', 'ñ', '\u{323}', 'ó', 'ô', 'ơ', 'ö', '÷', 'ø', 'ù', 'ú', 'û', 'ü', 'ư', '₫', 'ÿ',
];

/// The character a Windows-1258 byte stands for; None for the undefined ones.
#[must_use]
pub fn char_of(byte: u8) -> Option<char> {
    if byte.is_ascii() {
        return Some(char::from(byte));
    }
    let c = *CP1258_80_FF.get(usize::from(byte - 0x80))?;
    (c != '\0').then_some(c)
}

/// The byte of a character in Windows-1258 (a toned letter is written as its base letter's
/// byte and a tone mark's: see [`encode`]).
fn byte_of(c: char) -> Option<u8> {
    if c.is_ascii() {
        return u8::try_from(u32::from(c)).ok();
    }
    let i = CP1258_80_FF.iter().position(|&x| x == c)?;
    u8::try_from(0x80 + i).ok()
}

/// `text` in Windows-1258 bytes, as Vietnamese Windows writes it: each letter decomposed into
/// a letter of the code page and a combining tone mark. None when a character has no place in
/// the code page. Used by tests, and by anyone who must write for an old program.
#[must_use]
pub fn encode(text: &str) -> Option<Vec<u8>> {
    use unicode_normalization::UnicodeNormalization;
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if let Some(b) = byte_of(c) {
            out.push(b);
            continue;
        }
        // Decomposed fully, then composed back as far as the code page has letters: "ễ" is
        // "ê" and the tilde.
        let parts: Vec<char> = c.to_string().nfd().collect();
        let (base, marks) = match parts.as_slice() {
            [b, m] => (b.to_string(), vec![*m]),
            [b, m1, m2] => match unicode_normalization::char::compose(*b, *m1) {
                Some(x) if byte_of(x).is_some() => (x.to_string(), vec![*m2]),
                _ => match unicode_normalization::char::compose(*b, *m2) {
                    Some(x) if byte_of(x).is_some() => (x.to_string(), vec![*m1]),
                    _ => return None,
                },
            },
            _ => return None,
        };
        for ch in base.chars().chain(marks) {
            out.push(byte_of(ch)?);
        }
    }
    Some(out)
}

/// The text of `bytes` read as Windows-1258, in NFC, when they are not UTF-8 and read as
/// Vietnamese: every byte defined, and every word holding a byte above 0x7F a well-formed
/// syllable (or an abbreviation in capitals, or the đồng's đ). One line of TCVN3 or VNI bytes
/// among Windows-1258 ones makes malformed words, and then nothing is guessed: the file stays
/// refused, as does one with a foreign name or a misspelt word in it, which the clerk saves as
/// UTF-8.
#[must_use]
pub fn decode_vietnamese(bytes: &[u8]) -> Option<String> {
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let mut raw = String::with_capacity(bytes.len() + bytes.len() / 2);
    for &b in bytes {
        raw.push(char_of(b)?);
    }
    let text = to_nfc(&raw).into_owned();
    reads_as_vietnamese(&text).then_some(text)
}

fn reads_as_vietnamese(text: &str) -> bool {
    let is_word_char =
        |c: char| c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
    let (mut valid, mut words) = (0usize, 0usize);
    for (start, end) in super::runs(text, is_word_char) {
        let Some(word) = text.get(start..end).filter(|w| !w.is_ascii()) else {
            continue;
        };
        words += 1;
        // Abbreviations ("NĐ", "Đ/c") and the đồng written as a letter ("1.000 đ").
        let capitals = word.chars().nth(1).is_some()
            && word.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
        if is_valid_syllable(word) || capitals || word == "Đ" || word == "đ" {
            valid += 1;
        }
    }
    valid > 0 && valid == words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_page_round_trips_and_composes() {
        let text = "Nguyễn Thị Hằng, Trường Yên, Đoàn Thanh niên: 1.000 ₫";
        let bytes = encode(text).unwrap_or_default();
        assert!(std::str::from_utf8(&bytes).is_err());
        // Tones as combining marks after the letter: ễ is ê (EA) and the tilde (DE).
        assert!(bytes.windows(2).any(|w| w == [0xEA, 0xDE]));
        assert_eq!(decode_vietnamese(&bytes).as_deref(), Some(text));
        let text = "Đ/c Nguyễn Văn Hùng, NĐ-CP, 500.000 đ";
        let bytes = encode(text).unwrap_or_default();
        assert_eq!(decode_vietnamese(&bytes).as_deref(), Some(text));
    }

    #[test]
    fn other_bytes_stay_refused() {
        // UTF-8 is not Windows-1258.
        assert_eq!(decode_vietnamese("Nguyễn".as_bytes()), None);
        // TCVN3 bytes ("Nguyễn Văn An" in .VnTime).
        assert_eq!(decode_vietnamese(b"Nguy\xd4n V\xa8n An"), None);
        // An undefined byte.
        assert_eq!(decode_vietnamese(b"Nguy\x81n"), None);
        // A capital alone is no word (but Đ, of "Đ/c").
        assert_eq!(decode_vietnamese(b"\xc3("), None);
        // Latin-1 French.
        assert_eq!(
            decode_vietnamese(b"L'\xe9t\xe9 \xe0 Paris, ch\xe2teau"),
            None
        );
    }
}
