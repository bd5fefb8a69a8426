//! A1 references (`C12`, `A1:B2`) as Excel bounds them: 1,048,576 rows and 16,384 columns
//! (`XFD`). Anything else (`A0`, `XFE1`, `$A$1`, a row of twenty digits) is no cell.

use super::super::Area;

/// Excel's last row, 1-based.
pub(super) const MAX_ROW: u32 = 1_048_576;
/// Excel's last column, 1-based (`XFD`).
pub(super) const MAX_COL: u32 = 16_384;

/// `C12` → (row 11, column 2), 0-based.
pub(super) fn cell(s: &str) -> Option<(u32, u32)> {
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = b[..letters].iter().fold(0u32, |acc, c| {
        acc * 26 + u32::from(c.to_ascii_uppercase() - b'A') + 1
    });
    let digits = &s[letters..];
    if digits.is_empty() || digits.len() > 7 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let row: u32 = digits.parse().ok()?;
    if !(1..=MAX_ROW).contains(&row) || col > MAX_COL {
        return None;
    }
    Some((row - 1, col - 1))
}

/// `A1:B2` (or a single cell `A1`) → the area, corners in either order.
pub(super) fn area(s: &str) -> Option<Area> {
    let (a, b) = s.split_once(':').unwrap_or((s, s));
    let (r1, c1) = cell(a)?;
    let (r2, c2) = cell(b)?;
    Some(Area {
        first_row: r1.min(r2),
        first_col: c1.min(c2),
        last_row: r1.max(r2),
        last_col: c1.max(c2),
    })
}

/// A reference as shown in a message: at most 40 characters.
pub(super) fn shown(s: &str) -> String {
    // Quoted in a message: its control characters shown as code points, never sent raw to
    // the terminal.
    super::super::printable(s, 40)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_within_excel_bounds() {
        assert_eq!(cell("A1"), Some((0, 0)));
        assert_eq!(cell("c12"), Some((11, 2)));
        assert_eq!(cell("XFD1048576"), Some((1_048_575, 16_383)));
        for bad in [
            "A0",
            "XFE1",
            "A1048577",
            "1",
            "A",
            "",
            "$A$1",
            "AAAA1",
            "A1x",
            "A-1",
            "A01048577",
            "A99999999999",
        ] {
            assert_eq!(cell(bad), None, "{bad}");
        }
    }

    #[test]
    fn areas() {
        let a = area("B2:A1").unwrap();
        assert_eq!(
            (a.first_row, a.first_col, a.last_row, a.last_col),
            (0, 0, 1, 1)
        );
        assert_eq!(area("D5").map(|a| a.last_row), Some(4));
        assert_eq!(area("A1:XFE2"), None);
    }
}
