//! How two writings of the same name or unit are compared between documents.
//!
//! Text is already NFC (the reader normalises it). Spaces are folded (a doubled space or a
//! trailing one is not a different person). Tone placement is folded too: "Hòa" and "Hoà" are
//! the same name written by old and new habits; that is a warning, not a mismatch.

use std::borrow::Cow;

/// How two texts compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Same {
    /// The same after folding spaces.
    Equal,
    /// The same but for where tone marks sit.
    TonePlacement,
    /// Different.
    Different,
}

/// Compare two texts the way a clerk reads them.
#[must_use]
pub fn compare(a: &str, b: &str) -> Same {
    if a == b {
        return Same::Equal;
    }
    let (fa, fb) = (fold_spaces(a), fold_spaces(b));
    if fa == fb {
        return Same::Equal;
    }
    if tone_key(&fa) == tone_key(&fb) {
        Same::TonePlacement
    } else {
        Same::Different
    }
}

fn fold_spaces(s: &str) -> Cow<'_, str> {
    crate::text::fold::fold_whitespace(s)
}

fn tone_key(s: &str) -> String {
    crate::text::fold::fold_tone_placement(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_like_a_clerk() {
        assert_eq!(compare("Nguyễn Thị Hằng", "Nguyễn  Thị Hằng "), Same::Equal);
        assert_eq!(compare("Ninh Hòa", "Ninh Hoà"), Same::TonePlacement);
        assert_eq!(compare("Thủy", "Thuỷ"), Same::TonePlacement);
        assert_eq!(
            compare("Nguyễn Thị Hằng", "Nguyễn Thị Hàng"),
            Same::Different
        );
    }
}
