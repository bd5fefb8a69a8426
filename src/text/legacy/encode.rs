//! The other way: Unicode text written in TCVN3, VNI or Windows-1258 and read back as
//! Windows-1252, as the clerk's files show it. Made from the same tables the decoders read, so
//! the property tests can put every syllable through the round trip; also what a tool needs
//! that must write for an old program.

use unicode_normalization::UnicodeNormalization;

use super::super::legacy_tables::{cp1252_char, tcvn3};
use super::LegacyEncoding;

/// `text` typed in `encoding` and read as Windows-1252; None when a character has no place in
/// it. TCVN3 has capitals only for Ă Â Ê Ô Ơ Ư Đ: other capitals with marks are written with
/// their lowercase byte, as a clerk typed them for an all-capitals font.
#[must_use]
pub fn encode(text: &str, encoding: LegacyEncoding) -> Option<String> {
    let bytes = match encoding {
        LegacyEncoding::Tcvn3 => tcvn3_bytes(text)?,
        LegacyEncoding::Vni => vni_bytes(text)?,
        LegacyEncoding::Windows1258 => super::super::cp1258::encode(text)?,
    };
    Some(bytes.into_iter().map(cp1252_char).collect())
}

fn tcvn3_bytes(text: &str) -> Option<Vec<u8>> {
    let byte = |c: char| (0xA0..=0xFFu8).find(|&b| b != 0xA0 && tcvn3(b) == Some(c));
    text.nfc()
        .map(|c| {
            if c.is_ascii() {
                return u8::try_from(u32::from(c)).ok();
            }
            byte(c).or_else(|| {
                let mut lower = c.to_lowercase();
                let l = lower.next()?;
                byte(l)
            })
        })
        .collect()
}

/// VNI: a letter (ASCII, or one of đ ơ ư and the toned i, which have bytes of their own)
/// followed by one mark byte for its circumflex or breve and tone together.
fn vni_bytes(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() + 8);
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(u8::try_from(u32::from(c)).ok()?);
            continue;
        }
        let upper = c.is_uppercase();
        let case = |b: u8| if upper { b - 0x20 } else { b };
        let lower = c.to_lowercase().next()?;
        if lower == 'đ' {
            out.push(case(0xF1));
            continue;
        }
        let mut parts = lower.nfd();
        let base = parts.next()?;
        let (mut modifier, mut tone) = (None, None);
        for m in parts {
            match m {
                '\u{302}' | '\u{306}' | '\u{31b}' => modifier = Some(m),
                '\u{300}' | '\u{309}' | '\u{303}' | '\u{301}' | '\u{323}' => tone = Some(m),
                _ => return None,
            }
        }
        let tone_index = |t: char| match t {
            '\u{300}' => 0,
            '\u{309}' => 1,
            '\u{303}' => 2,
            '\u{301}' => 3,
            _ => 4,
        };
        match (base, modifier) {
            ('i', None) => {
                let b = [0xEC, 0xE6, 0xF3, 0xED, 0xF2][tone_index(tone?)];
                out.push(case(b));
                continue;
            }
            ('o' | 'u', Some('\u{31b}')) => {
                out.push(case(if base == 'o' { 0xF4 } else { 0xF6 }));
                if let Some(t) = tone {
                    out.push(case([0xF8, 0xFB, 0xF5, 0xF9, 0xEF][tone_index(t)]));
                }
                continue;
            }
            _ => {}
        }
        let letter = if upper {
            base.to_ascii_uppercase()
        } else {
            base
        };
        if !letter.is_ascii_alphabetic() {
            return None;
        }
        out.push(u8::try_from(u32::from(letter)).ok()?);
        let mark = match (modifier, tone.map(tone_index)) {
            (Some('\u{302}'), None) => 0xE2,
            (Some('\u{302}'), Some(t)) => [0xE0, 0xE5, 0xE3, 0xE1, 0xE4][t],
            (Some('\u{306}'), None) => 0xEA,
            (Some('\u{306}'), Some(t)) => [0xE8, 0xFA, 0xFC, 0xE9, 0xEB][t],
            (None, Some(t)) => [0xF8, 0xFB, 0xF5, 0xF9, 0xEF][t],
            _ => return None,
        };
        out.push(case(mark));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_examples_of_the_module_documentation() {
        let e = |s: &str, enc| encode(s, enc).unwrap_or_default();
        assert_eq!(e("Nguyễn", LegacyEncoding::Tcvn3), "NguyÔn");
        assert_eq!(e("Trường", LegacyEncoding::Tcvn3), "Tr\u{ad}êng");
        assert_eq!(e("Hội đồng", LegacyEncoding::Tcvn3), "Héi ®ång");
        assert_eq!(e("Nguyễn", LegacyEncoding::Vni), "Nguyeãn");
        assert_eq!(e("Trường", LegacyEncoding::Vni), "Tröôøng");
        assert_eq!(e("Hội đồng", LegacyEncoding::Vni), "Hoäi ñoàng");
        assert_eq!(e("NGUYỄN", LegacyEncoding::Vni), "NGUYEÃN");
        assert_eq!(e("Thị", LegacyEncoding::Vni), "Thò");
        assert_eq!(e("Nguyễn", LegacyEncoding::Windows1258), "NguyêÞn");
        assert_eq!(e("Đinh", LegacyEncoding::Windows1258), "Ðinh");
    }
}
