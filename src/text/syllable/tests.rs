//! Tests of `text/syllable.rs`, apart so the module itself stays readable.

use super::*;

#[test]
fn accepts_real_syllables() {
    let words = [
        "a",
        "ạ",
        "ông",
        "Ông",
        "ÔNG",
        "ăn",
        "ân",
        "ấp",
        "ưa",
        "ừ",
        "Nguyễn",
        "NGUYỄN",
        "Trường",
        "người",
        "rượu",
        "hươu",
        "giữa",
        "gì",
        "gìn",
        "giếng",
        "giường",
        "quý",
        "Quỳnh",
        "quyết",
        "quốc",
        "Quang",
        "nghiêng",
        "khuya",
        "khuỷu",
        "ngoẻo",
        "khuấy",
        "ngoài",
        "hoặc",
        "xoong",
        "moóc",
        "thuở",
        "huơ",
        "Huế",
        "chuyện",
        "Uyên",
        "yêu",
        "yến",
        "Yên",
        "hòa",
        "hoà",
        "Thủy",
        "Thuỷ",
        "khỏe",
        "khoẻ",
        "hóa",
        "hoá",
        "Hoàng",
        "toán",
        "Tuấn",
        "Xuân",
        "Lịch",
        "Thạch",
        "tỉnh",
        "Bình",
        "ếch",
        "huých",
        "uỵch",
        "chênh",
        "Đắk",
        "Lắk",
        "kẻng",
        "bưởi",
        "gửi",
        "cừu",
        "muối",
        "tuổi",
        "Đinh",
        "Ô",
        "Tô",
        "Ý",
        "ủy",
    ];
    for w in words {
        assert!(is_valid_syllable(w), "{w} should be a syllable");
    }
}

#[test]
fn accepts_nfd_input() {
    assert!(is_valid_syllable("Nguye\u{302}\u{303}n"));
    assert!(is_valid_syllable("Nguye\u{303}\u{302}n"));
    assert!(is_valid_syllable("Tru\u{31B}o\u{31B}\u{300}ng"));
}

#[test]
fn remembered_answers_are_the_parsed_ones() {
    let direct = |w: &str| {
        Syllable::parse(w).is_some_and(|s| s.has_standard_tone_position() && s.has_plain_case())
    };
    // More distinct words than the table has slots, twice over, so slots are taken over by
    // other words and a stale answer would show.
    let words: Vec<String> = (0..3000)
        .map(|i| match i % 4 {
            0 => format!("to{}", "i".repeat(i % 7)),
            1 => format!("ng{}y{i}", ["à", "á", "ả", "ã", "ạ", "a"][i % 6]),
            2 => ["tôi", "và", "các", "Trường", "Tr\u{AD}êng", "qu", "gì", "x"][i % 8].to_owned(),
            _ => format!("{}", char::from_u32(0xC0 + (i % 64) as u32).unwrap_or('a')),
        })
        .collect();
    for _ in 0..2 {
        for w in &words {
            assert_eq!(is_valid_syllable(w), direct(w), "{w}");
        }
    }
}

#[test]
fn rejects_non_syllables() {
    let words = [
        "",
        "ng",
        "NguyÔn",
        "Nguyeãn",
        "Tröôøng",
        "Hoäi",
        "ñoàng",
        "café",
        "naïve",
        "où",
        "Anh2",
        "hòc",
        "gỏt",
        "lầ",
        "kyên",
        "quu",
        "Niê",
        "hàa",
        "ià",
        "qúy",
        "gìa",
        "nghiêngg",
        "NgUyễn",
        "strength",
        "ôô",
        "hoàan",
        "Ỹn",
        "tyn",
    ];
    for w in words {
        assert!(!is_valid_syllable(w), "{w} should not be a syllable");
    }
}

#[test]
fn finds_canonical_tone_position() {
    let cases = [
        ("hòa", "hoà"),
        ("Thủy", "Thuỷ"),
        ("khỏe", "khoẻ"),
        ("Hùy", "Huỳ"),
        ("qúy", "quý"),
        ("gìa", "già"),
        ("quòang", "quoàng"),
        ("quoắt", "quoắt"),
        ("hoàn", "hoàn"),
        ("Nguyễn", "Nguyễn"),
        ("TRƯỜNG", "TRƯỜNG"),
    ];
    for (input, want) in cases {
        let got = Syllable::parse(input).and_then(|s| s.render_canonical());
        assert_eq!(got.as_deref(), Some(want), "{input}");
    }
}

#[test]
fn every_vowel_tone_and_case_composes_and_parses_back() {
    let tones = [
        None,
        Some(Tone::Grave),
        Some(Tone::Hook),
        Some(Tone::Tilde),
        Some(Tone::Acute),
        Some(Tone::Dot),
    ];
    for ch in "aăâeêioôơuưy".chars() {
        for tone in tones {
            for upper in [false, true] {
                let letter = Letter { ch, tone, upper };
                let Some(c) = letter.to_char() else {
                    panic!("{letter:?} has no precomposed form");
                };
                let mut back: Option<Letter> = None;
                decompose_canonical(c, |d| {
                    back = match back {
                        None => Letter::from_base(d),
                        Some(l) => l.with_mark(d),
                    };
                });
                assert_eq!(back, Some(letter), "{c}");
            }
        }
    }
}

#[test]
fn loanword_shapes_are_told_apart() {
    for w in [
        "pin", "phố", "Jắn", "tơt", "ơp", "zô", "xoong", "Đắk", "bắt", "tạp",
    ] {
        let native = Syllable::parse(w).map(|s| s.is_native_shape());
        let want = matches!(w, "phố" | "Đắk" | "bắt" | "tạp");
        assert_eq!(native, Some(want), "{w}");
    }
}

#[test]
fn old_style_is_standard_but_not_canonical() {
    let Some(s) = Syllable::parse("Hòa") else {
        panic!("Hòa should parse");
    };
    assert!(s.has_standard_tone_position());
    assert!(!s.tone_is_canonical());
    assert_eq!(s.letter_count(), 3);
}
