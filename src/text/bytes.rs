//! Judging a text's UTF-8 bytes without decoding them, for the quick answers of the checks that
//! run on every value of every file: is it NFC (`is_nfc`), may it hold an odd character
//! (`chars`), does every character print (`glyphs`), may it misplace a tone mark (`fold`).
//!
//! Each asks, of every byte, a question about that byte and the two or three after it, without
//! branches. Written as one fold over zipped slices the compiler runs it a vector at a time
//! (fixed 32-byte windows were tried and cost more, `docs/performance.md`). In valid UTF-8 a byte
//! from 0xC0 up starts a character and the bytes after it are 0x80-0xBF, so a question that
//! passes those continuation bytes, asked of every byte, gives the answer of walking the text
//! character by character.

/// Whether `hit` holds at any byte of `b`, asked with the two bytes after it (0 past the end).
#[inline(always)]
pub(crate) fn any3(b: &[u8], hit: impl Fn(u8, u8, u8) -> bool) -> bool {
    let body = b
        .iter()
        .zip(b.get(1..).unwrap_or(&[]))
        .zip(b.get(2..).unwrap_or(&[]))
        .fold(false, |acc, ((&c, &c1), &c2)| acc | hit(c, c1, c2));
    // The last two bytes have fewer than two after them: a lead byte there is cut short.
    let at = |k: usize| b.get(k).copied().unwrap_or(0);
    let n = b.len();
    body | (n.saturating_sub(2)..n).any(|k| hit(at(k), at(k + 1), at(k + 2)))
}

/// Whether `hit` holds at any byte of `b`, asked with the three bytes after it (0 past the end).
#[inline(always)]
pub(crate) fn any4(b: &[u8], hit: impl Fn(u8, u8, u8, u8) -> bool) -> bool {
    let body = b
        .iter()
        .zip(b.get(1..).unwrap_or(&[]))
        .zip(b.get(2..).unwrap_or(&[]))
        .zip(b.get(3..).unwrap_or(&[]))
        .fold(false, |acc, (((&c, &c1), &c2), &c3)| {
            acc | hit(c, c1, c2, c3)
        });
    // The last three bytes have fewer than three after them.
    let at = |k: usize| b.get(k).copied().unwrap_or(0);
    let n = b.len();
    body | (n.saturating_sub(3)..n).any(|k| hit(at(k), at(k + 1), at(k + 2), at(k + 3)))
}

/// What one pass over a value's bytes tells the checks that run on every value of every file.
/// The character check (`dossier::lint`), the reader's NFC check and the font check (VB003) each
/// read every value again, and nearly every value is plain Vietnamese; so the character check
/// looks once, and the answer travels with the value (`yaml::tree::Scalar::vietnamese`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Look {
    /// Every character is ASCII or plain Vietnamese ([`not_plain`] says which): then the text
    /// is NFC, holds no invisible or look-alike character and no foreign space, and prints
    /// whole in the embedded font.
    pub(crate) plain: bool,
    /// A q or g before a toned u or i: only such a text can have a tone on the glide
    /// (`fold::fix_tone_on_glide`).
    pub(crate) glide: bool,
}

/// One pass over `s` for the questions of [`Look`].
pub(crate) fn look(s: &str) -> Look {
    // Each byte with the three after it (0 past the end), as `any4` asks, written out here so
    // the two questions are called directly: through a closure or a function passed to a
    // generic fold the compiler once chose not to inline them, and the pass cost 16 times as
    // much.
    #[inline(always)]
    fn at(c: u8, c1: u8, c2: u8, c3: u8) -> u8 {
        u8::from(not_plain(c, c1, c2)) | (u8::from(super::fold::glide(c, c1, c2, c3)) << 1)
    }
    let b = s.as_bytes();
    let body = b
        .iter()
        .zip(b.get(1..).unwrap_or(&[]))
        .zip(b.get(2..).unwrap_or(&[]))
        .zip(b.get(3..).unwrap_or(&[]))
        .fold(0, |acc, (((&c, &c1), &c2), &c3)| acc | at(c, c1, c2, c3));
    let byte = |k: usize| b.get(k).copied().unwrap_or(0);
    let n = b.len();
    let bits = (n.saturating_sub(3)..n).fold(body, |acc, k| {
        acc | at(byte(k), byte(k + 1), byte(k + 2), byte(k + 3))
    });
    Look {
        plain: bits & 1 == 0,
        glide: bits & 2 != 0,
    }
}

/// Whether the character led by `c` (asked of every byte, with the two after it) falls outside
/// plain Vietnamese: the characters that all three byte looks pass, NFC (`text::is_nfc`'s),
/// neither invisible nor a look-alike (`chars`'), printable (`glyphs`'), and so a test holds
/// it for every character. They are ASCII; U+00C0-U+00FF but Ð ð; U+0100-U+017F but ı;
/// ơ Ơ ư Ư; U+1EA0-U+1EF9; and the dashes, quotes, daggers, bullet and ellipsis of
/// U+2010-U+2026 the font has.
#[inline(always)]
fn not_plain(c: u8, c1: u8, c2: u8) -> bool {
    let two = (c == 0xC0) | (c == 0xC1) | (c == 0xC2) | (0xC7..=0xE0).contains(&c) | (c >= 0xE3);
    let look_alike = ((c == 0xC3) & ((c1 == 0x90) | (c1 == 0xB0))) | ((c == 0xC4) & (c1 == 0xB1));
    let c6 = (c == 0xC6) & !((c1 == 0xA0) | (c1 == 0xA1) | (c1 == 0xAF) | (c1 == 0xB0));
    let e1 = (c == 0xE1) & !(((c1 == 0xBA) & (c2 >= 0xA0)) | ((c1 == 0xBB) & (c2 <= 0xB9)));
    let e2 = (c == 0xE2)
        & !((c1 == 0x80)
            & ((0x90..=0x95).contains(&c2)
                | (0x98..=0x9E).contains(&c2)
                | (0xA0..=0xA2).contains(&c2)
                | (c2 == 0xA6)));
    two | look_alike | c6 | e1 | e2
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain look is exactly the three looks it stands for, character by character,
    /// alone, between Vietnamese letters and at either end of a text; and what it passes gets
    /// the answers of the full checks.
    #[test]
    fn plain_look_is_the_three_byte_looks_for_every_character() {
        let three = |s: &str| {
            let b = s.as_bytes();
            super::super::vietnamese_nfc_fast(b)
                && super::super::chars::all_plain(b)
                && super::super::glyphs::plain_bytes(b)
        };
        let mut passed = 0;
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let alone = c.to_string();
            let plain = look(&alone).plain;
            assert_eq!(plain, three(&alone), "{c:?}");
            if plain {
                passed += 1;
                assert!(super::super::is_nfc(&alone), "{c:?}");
                assert!(super::super::chars::odd_chars(&alone).is_empty(), "{c:?}");
                assert!(super::super::glyphs::all_print(&alone), "{c:?}");
                assert!(!super::super::chars::is_foreign_space(c), "{c:?}");
            }
            for s in [
                format!("aễ{c}ỗb"),
                format!("{c}Đ"),
                format!("ư{c}"),
                format!("ệ{c}"),
            ] {
                assert_eq!(look(&s).plain, three(&s), "{s:?}");
            }
        }
        assert!(passed > 400, "{passed}");
        assert!(look("Nguyễn Thị Ánh Tuyết “Ơn” – Đặng Ưng … ư ơ Ư Ơ ỹ Ỹ").plain);
    }

    /// The glide bit is the glide check's own byte look, on texts made of the bytes it asks about.
    #[test]
    fn glide_look_is_the_glide_checks_byte_look() {
        let pieces = [
            "q", "Q", "g", "G", "u", "i", "ú", "Ù", "ũ", "ụ", "ủ", "í", "Ì", "ĩ", "ỉ", "ị",
            "\u{301}", "\u{340}", "a", " ", "ư", "ễ",
        ];
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 7) as usize;
            let mut x = seed;
            for _ in 0..n {
                s.push_str(pieces[(x % pieces.len() as u64) as usize]);
                x /= pieces.len() as u64;
            }
            let want = any4(s.as_bytes(), super::super::fold::glide);
            assert_eq!(look(&s).glide, want, "{s:?}");
        }
    }

    /// Every position is asked, with the right bytes after it and 0 past the end, in texts of
    /// every short length: the body and the tail meet without a gap.
    #[test]
    fn every_byte_is_asked_with_the_bytes_after_it() {
        for n in 0..12 {
            let b: Vec<u8> = (1..=n).map(|i| i as u8).collect();
            for target in 0..n {
                let after = |k: usize| b.get(target + k).copied().unwrap_or(0);
                let (c, c1, c2, c3) = (after(0), after(1), after(2), after(3));
                assert!(any3(&b, |x, y, z| (x, y, z) == (c, c1, c2)), "{n} {target}");
                assert!(
                    any4(&b, |x, y, z, w| (x, y, z, w) == (c, c1, c2, c3)),
                    "{n} {target}"
                );
            }
            // A byte that is not there is never asked about.
            assert!(!any3(&b, |x, _, _| x == 0), "{n}");
            assert!(!any4(&b, |x, _, _, _| x == 0), "{n}");
        }
    }
}
