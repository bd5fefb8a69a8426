//! Characters a clerk cannot see, or cannot tell from the right one.
//!
//! Text pasted from a web page, a PDF or a chat program brings characters that print as nothing
//! (a zero-width space, a joiner, a soft hyphen, a direction mark, a byte-order mark in the
//! middle of a line), spaces that are not spaces to YAML (the non-breaking space Word puts after
//! a colon), typographic quotes where YAML wants straight ones, and now and then a Cyrillic or
//! Greek letter that looks exactly like a Latin one. Each of them makes two equal-looking names
//! differ, or a key unknown, and a message that quotes the text shows the clerk nothing. This
//! module names such characters so the checks can point at them, and says what each should be.

use std::borrow::Cow;

/// An invisible formatting character: the Unicode format characters (category Cf: zero-width
/// space and joiners, soft hyphen, direction marks and embeddings, word joiner, byte-order mark,
/// invisible operators, tag characters), the combining grapheme joiner, variation selectors, and
/// the Hangul fillers, which print as blank but are letters to Unicode.
#[must_use]
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}'
        | '\u{34f}'
        | '\u{61c}'
        | '\u{115f}' | '\u{1160}'
        | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{3164}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{feff}'
        | '\u{ffa0}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0001}'
        | '\u{e0020}'..='\u{e007f}'
        | '\u{e0100}'..='\u{e01ef}'
    )
}

/// A space character that YAML does not take as a space (only U+0020 and Tab separate a key's
/// colon from its value): the non-breaking spaces, the typographic spaces and the ideographic
/// space.
#[must_use]
pub fn is_foreign_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// The Latin letter a letter of another script is drawn like, for the letters that cannot be
/// told apart in a Vietnamese text: Cyrillic and Greek capitals and small letters that share
/// their shape with a Latin one, the fullwidth Latin letters of East Asian input methods, and
/// the letters of other Latin alphabets that print as a Vietnamese one: the Icelandic eth Ð
/// (what Windows-1258's Đ becomes when the file is read as Latin-1) and the African Ɖ, the
/// Turkish dotless ı, the click letter ǀ (drawn as l), the phonetic ɑ and ɡ, and the modifier
/// apostrophe ʼ.
#[must_use]
pub fn latin_lookalike(c: char) -> Option<char> {
    let l = match c {
        'Ð' | 'Ɖ' => 'Đ',
        'ð' => 'đ',
        'ı' => 'i',
        'ǀ' => 'l',
        'ɑ' => 'a',
        'ɡ' => 'g',
        'ʼ' => '\'',
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'һ' => 'h',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'ο' => 'o',
        'ν' => 'v',
        'ι' => 'i',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => char::from_u32(u32::from(c) - 0xfee0)?,
        _ => return None,
    };
    Some(l)
}

/// The script of a look-alike letter, for messages: (Vietnamese, English).
#[must_use]
pub fn script_of(c: char) -> (&'static str, &'static str) {
    match c {
        'Ð' | 'ð' => (
            "chữ eth của tiếng Iceland (chữ Đ của bảng mã Windows-1258 khi tệp bị đọc bằng Latin-1)",
            "the Icelandic letter eth (Windows-1258's Đ when the file was read as Latin-1)",
        ),
        'Ɖ' => ("chữ D của các tiếng châu Phi", "the African letter D"),
        'ı' => ("chữ i không dấu chấm của tiếng Thổ Nhĩ Kỳ", "the Turkish dotless i"),
        'ǀ' => ("ký hiệu âm bật lưỡi (click)", "a click letter"),
        'ɑ' | 'ɡ' => (
            "chữ của bảng phiên âm quốc tế (IPA)",
            "a letter of the phonetic alphabet (IPA)",
        ),
        'ʼ' => ("dấu phẩy trên dạng chữ (U+02BC)", "a modifier letter apostrophe"),
        '\u{370}'..='\u{3ff}' => ("chữ Hy Lạp", "a Greek letter"),
        '\u{400}'..='\u{52f}' => ("chữ Kirin (tiếng Nga)", "a Cyrillic letter"),
        _ => (
            "chữ Latinh toàn khổ (bộ gõ tiếng Trung, Nhật)",
            "a fullwidth Latin letter",
        ),
    }
}

/// What an invisible or foreign-space character is, in words a clerk can search for:
/// (Vietnamese, English).
#[must_use]
pub fn describe(c: char) -> (&'static str, &'static str) {
    match c {
        '\u{200b}' => ("dấu cách không độ rộng", "zero width space"),
        '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{34f}' => {
            ("ký tự nối vô hình", "an invisible joiner")
        }
        '\u{ad}' => ("dấu gạch nối mềm", "soft hyphen"),
        '\u{feff}' => (
            "dấu BOM nằm giữa văn bản",
            "a byte-order mark inside the text",
        ),
        '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            ("dấu định hướng chữ", "a text direction mark")
        }
        '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}' => {
            ("bộ chọn biến thể", "a variation selector")
        }
        '\u{a0}' | '\u{202f}' => ("dấu cách không ngắt dòng", "non-breaking space"),
        c if is_foreign_space(c) => ("dấu cách đặc biệt", "a typographic space"),
        _ => ("ký tự định dạng vô hình", "an invisible format character"),
    }
}

/// `U+200B`: how a character is named in messages.
#[must_use]
pub fn code(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Where the first character worth naming is, and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Odd {
    /// An invisible character.
    Invisible(char),
    /// A letter of another script that looks like this Latin letter.
    Lookalike(char, char),
}

/// ASCII, the Latin letters Vietnamese is written with (Latin-1 to Latin Extended-B, Latin
/// Extended Additional), the combining marks but the invisible grapheme joiner, and the general
/// punctuation before the line separator: never invisible, never a look-alike. The definition
/// [`all_plain`] answers from bytes; tests hold the two together.
#[cfg(test)]
fn plain(c: char) -> bool {
    c.is_ascii()
        || (latin_lookalike(c).is_none()
            && matches!(c,
            '\u{c0}'..='\u{24f}'
            | '\u{300}'..='\u{34e}'
            | '\u{350}'..='\u{36f}'
            | '\u{1e00}'..='\u{1eff}'
            | '\u{2010}'..='\u{2027}'))
}

/// Whether every character of `s` is `plain`, read from its UTF-8 bytes without decoding
/// them: the same answer (a test holds the two to it), in a loop the compiler runs a vector at
/// a time, since this runs on every string of every file.
pub(super) fn all_plain(b: &[u8]) -> bool {
    // Asked of every byte with the two after it (`text::bytes` says why that is exact).
    fn odd(c: u8, c1: u8, c2: u8) -> bool {
        // U+0080-U+00BF (C2), U+0250-U+02FF (C9 90-, CA, CB), U+034F and U+0370- (CD), and
        // everything from U+0380 to U+1DFF (CE-E0) or above U+2FFF (E3-).
        let two = (c == 0xC0) | (c == 0xC1) | (c == 0xC2) | ((c == 0xC9) & (c1 >= 0x90));
        let two = two | (c == 0xCA) | (c == 0xCB) | ((c == 0xCD) & ((c1 == 0x8F) | (c1 >= 0xB0)));
        // The look-alikes among the Latin letters: Ð ð (C3 90, C3 B0), ı (C4 B1), Ɖ (C6 89),
        // ǀ (C7 80).
        let look = ((c == 0xC3) & ((c1 == 0x90) | (c1 == 0xB0)))
            | ((c == 0xC4) & (c1 == 0xB1))
            | ((c == 0xC6) & (c1 == 0x89))
            | ((c == 0xC7) & (c1 == 0x80));
        let two = two | look;
        let wide = (0xCE..=0xE0).contains(&c) | (c >= 0xE3);
        // U+1E00-U+1EFF, and of E2 only U+2010-U+2027.
        let e1 = (c == 0xE1) & !(0xB8..=0xBB).contains(&c1);
        let e2 = (c == 0xE2) & !((c1 == 0x80) & (0x90..=0xA7).contains(&c2));
        two | wide | e1 | e2
    }
    !super::bytes::any3(b, odd)
}

/// The odd characters of a text with their byte offsets: every invisible character, and every
/// look-alike letter in a word that also holds Latin letters or is made only of look-alikes
/// (a Russian word in a report is Russian, not a disguised Vietnamese one). A character inside
/// a word typed in a legacy encoding is a letter of it (TCVN3's ư reads as the soft hyphen, its
/// é as Ð), so the encoding is decided first and such words are left to be decoded whole.
#[must_use]
pub fn odd_chars(s: &str) -> Vec<(usize, Odd)> {
    let mut out = odd_chars_as_written(s);
    let legacy = |o: &Odd| match *o {
        Odd::Invisible(c) | Odd::Lookalike(c, _) => super::legacy_tables::is_legacy_char(c),
    };
    if out.iter().any(|(_, o)| legacy(o)) && super::is_nfc(s) {
        if let Some(g) = super::detect_legacy(s) {
            out.retain(|(i, o)| !(legacy(o) && g.words.iter().any(|&(a, b)| a <= *i && *i < b)));
        }
    }
    out
}

/// [`odd_chars`] without regard to legacy encodings.
fn odd_chars_as_written(s: &str) -> Vec<(usize, Odd)> {
    let mut out = Vec::new();
    // A text of Vietnamese letters, their marks and ordinary punctuation (nearly every text)
    // holds neither an invisible character nor a look-alike: no closer look, which would ask
    // the Unicode tables about every letter.
    if all_plain(s.as_bytes()) {
        return out;
    }
    for (i, c) in s.char_indices() {
        if is_invisible(c) {
            out.push((i, Odd::Invisible(c)));
        }
    }
    for (start, end) in super::runs(s, |c| c.is_alphanumeric() || is_invisible(c)) {
        let word = &s[start..end];
        let mut latin = false;
        let mut other = false;
        for c in word.chars() {
            if latin_lookalike(c).is_some() {
                continue;
            }
            if c.is_ascii_alphabetic() || super::is_latin_or_vietnamese_letter(c) {
                latin = true;
            } else if c.is_alphabetic() {
                other = true;
            }
        }
        if latin || !other {
            for (i, c) in word.char_indices() {
                if let Some(l) = latin_lookalike(c) {
                    out.push((start + i, Odd::Lookalike(c, l)));
                }
            }
        }
    }
    out.sort_by_key(|(i, _)| *i);
    out
}

/// `s` without its invisible characters and with look-alike letters written in Latin (as
/// [`odd_chars`] finds them), in NFC. Borrows when nothing changes.
#[must_use]
pub fn clean(s: &str) -> Cow<'_, str> {
    match strip(s) {
        Cow::Borrowed(b) => Cow::Borrowed(b),
        Cow::Owned(o) => Cow::Owned(super::to_nfc(&o).into_owned()),
    }
}

/// [`clean`] without the normalisation: what `dossier fix` writes in place of the text, the
/// NFC repair being its own step.
#[must_use]
pub fn strip(s: &str) -> Cow<'_, str> {
    let odd = odd_chars(s);
    if odd.is_empty() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for (i, o) in odd {
        out.push_str(&s[at..i]);
        match o {
            Odd::Invisible(c) => at = i + c.len_utf8(),
            Odd::Lookalike(c, l) => {
                out.push(l);
                at = i + c.len_utf8();
            }
        }
    }
    out.push_str(&s[at..]);
    Cow::Owned(out)
}

/// Typographic quote pairs a word processor puts around a value: “…”, ‘…’, „…“, «…».
const CURLY: &[(char, char)] = &[
    ('“', '”'),
    // One curly, one straight: Word changed only the first quote typed.
    ('“', '"'),
    ('„', '"'),
    ('”', '”'),
    ('„', '“'),
    ('‘', '’'),
    ('’', '’'),
    ('«', '»'),
];

/// The text inside typographic quotes when the whole value is wrapped in them
/// (`“Trường Yên”` → `Trường Yên`).
#[must_use]
pub fn curly_wrapped(s: &str) -> Option<&str> {
    let t = s.trim();
    let first = t.chars().next()?;
    let last = t.chars().next_back()?;
    let inner = t
        .get(first.len_utf8()..t.len().checked_sub(last.len_utf8())?)?
        .trim();
    let pair = CURLY.iter().any(|&(o, c)| o == first && c == last);
    // A quote closing inside would mean two quoted parts, not one wrapped value.
    (pair && t.chars().count() >= 2 && !inner.contains(['“', '”'])).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_bytes_agree_with_plain_chars_for_every_character() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let alone = c.encode_utf8(&mut buf).to_owned();
            assert_eq!(all_plain(alone.as_bytes()), plain(c), "{c:?}");
            // Between neighbours, and at either end of a longer text.
            for s in [format!("aễ{c}ỗb"), format!("{c}Đ"), format!("ư{c}")] {
                assert_eq!(all_plain(s.as_bytes()), s.chars().all(plain), "{s:?}");
            }
        }
    }

    #[test]
    fn invisible_characters_are_found_and_removed() {
        let s = "Bùi Văn\u{200b} Thắng";
        assert_eq!(
            odd_chars(s),
            vec![(s.find('\u{200b}').unwrap_or(0), Odd::Invisible('\u{200b}'))]
        );
        assert_eq!(clean(s), "Bùi Văn Thắng");
        for c in [
            '\u{200c}', '\u{200d}', '\u{feff}', '\u{ad}', '\u{200e}', '\u{2066}',
        ] {
            assert!(is_invisible(c), "{}", code(c));
            assert_eq!(clean(&format!("chuc{c}_vu")), "chuc_vu");
        }
        assert!(matches!(clean("Nguyễn Thị Hằng"), Cow::Borrowed(_)));
    }

    #[test]
    fn lookalike_letters_in_latin_words_become_latin() {
        // Cyrillic о in "Hòa", written with a combining grave: NFC composes the Latin ò.
        let s = "Ph\u{430}m V\u{103}n H\u{43e}\u{300}a";
        assert_eq!(clean(s), "Pham Văn Hòa");
        assert_eq!(clean("Нoàng"), "Hoàng");
        // A Russian word stays Russian.
        assert!(odd_chars("Москва").is_empty());
        assert_eq!(clean("Ｔổ"), "Tổ");
    }

    #[test]
    fn legacy_letters_are_not_odd() {
        // TCVN3's ư is the soft hyphen: in a word being decoded, it is a letter (#16, C06).
        let s = "Hé «ng Ph¹m V¨n T\u{ad}";
        assert!(odd_chars(s).is_empty());
        assert_eq!(strip(s), s);
        // Elsewhere it is invisible.
        assert_eq!(clean("Nguyễn\u{ad} Văn"), "Nguyễn Văn");
    }

    #[test]
    fn latin_lookalikes_are_named() {
        // Windows-1258's Đ read as Latin-1.
        let s = "\u{d0}inh Văn Quý";
        assert_eq!(odd_chars(s), vec![(0, Odd::Lookalike('\u{d0}', 'Đ'))]);
        assert_eq!(clean(s), "Đinh Văn Quý");
        assert_eq!(clean("Nguyễn Văn \u{131}t"), "Nguyễn Văn it");
        assert_eq!(clean("H\u{2bc}Hen Niê"), "H'Hen Niê");
        assert_eq!(clean("Nguyễn Văn Lon\u{261}"), "Nguyễn Văn Long");
        assert!(script_of('\u{d0}').1.contains("eth"));
    }

    #[test]
    fn curly_quotes_around_a_whole_value() {
        assert_eq!(curly_wrapped("“Trường Yên”"), Some("Trường Yên"));
        assert_eq!(curly_wrapped("‘x’"), Some("x"));
        assert_eq!(curly_wrapped("“Trường Yên\""), Some("Trường Yên"));
        assert_eq!(curly_wrapped("Mô hình “5K” tại thôn"), None);
        assert_eq!(curly_wrapped("“a” và “b”"), None);
        assert_eq!(curly_wrapped("“"), None);
    }
}
