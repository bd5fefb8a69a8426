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

#[cfg(test)]
mod tests {
    use super::*;

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
