//! The rows of a list that are not nominees: the row of column numbers under the header, group
//! rows, and the lines that close the table (totals, the signature block).
//!
//! Official forms number their columns under the header ("(1) (2) (3) …", or "1 2 3 …" typed as
//! numbers or text); they group the nominees ("I. CÁ NHÂN", "II. TẬP THỂ", "A. Tập thể",
//! "B - Cá nhân"), which then says the type of the rows under it; and they end with a total
//! ("Tổng cộng: 09 người") and a signature block in any columns ("NGƯỜI LẬP BIỂU … CHÁNH VĂN
//! PHÒNG", "(Ký, ghi rõ họ tên)", the signers' names, "Trường Yên, ngày … tháng … năm …").
//! Each is told by its words or its numbers, never by where it happens to sit.

use super::super::table::{Cell, Format};
use super::header::fold;
use crate::criteria::NomineeType;
use crate::text::slug::slug;

/// Whether every filled cell of a row is its column's ordinal (1-based from the table's first
/// column, or from the row's own first cell), two cells at least.
pub(super) fn numbering<'a>(cells: impl Iterator<Item = (u32, &'a Cell)>, first_col: u32) -> bool {
    let mut ordinals: Vec<(u32, u64)> = Vec::new();
    for (c, cell) in cells {
        let n = match cell {
            Cell::Number(n, Format::General) if n.fract() == 0.0 && (1.0..1000.0).contains(n) => {
                *n as u64
            }
            Cell::Text(t) => {
                let t = t.trim();
                let inner = t
                    .strip_prefix('(')
                    .and_then(|t| t.strip_suffix(')'))
                    .unwrap_or(t)
                    .trim();
                if inner.is_empty() || inner.len() > 3 || !inner.bytes().all(|b| b.is_ascii_digit())
                {
                    return false;
                }
                inner.parse().unwrap_or(0)
            }
            _ => return false,
        };
        ordinals.push((c, n));
    }
    if ordinals.len() < 2 {
        return false;
    }
    let from = |base: u32| {
        ordinals
            .iter()
            .all(|(c, n)| c >= &base && u64::from(c - base) + 1 == *n)
    };
    from(first_col) || ordinals.first().is_some_and(|(c, _)| from(*c))
}

/// The type a "Cá nhân/Tập thể" cell or a group row names.
pub(super) fn nominee_type(s: &str) -> Option<NomineeType> {
    let f = fold(s);
    if f.contains("ho gia dinh") || f == "hgd" || f == "ho" {
        Some(NomineeType::Household)
    } else if f.contains("tap the") || f == "tt" {
        Some(NomineeType::Collective)
    } else if f.contains("ca nhan") || f == "cn" {
        Some(NomineeType::Individual)
    } else {
        None
    }
}

/// A group row's label: "I. TẬP THỂ", "B - Cá nhân", or "I" beside "TẬP THỂ".
pub(super) fn group(stt: Option<&str>, ten: &str) -> Option<NomineeType> {
    let roman = |s: &str| {
        let s = s.trim_end_matches(['.', ')', ' ', '-', '/']);
        !s.is_empty()
            && s.chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X' | 'A' | 'B' | 'C' | 'D'))
    };
    let head = ten.split([' ', '.', '-', '/']).next().unwrap_or("");
    if stt.is_some_and(roman) || roman(head) {
        nominee_type(ten)
    } else {
        None
    }
}

/// Folded with the parenthesised part kept: "(Ký, ghi rõ họ tên)" is the whole signal.
fn fold_all(s: &str) -> String {
    slug(s).unwrap_or_default().replace('-', " ")
}

/// Beginnings of the lines that close a list: totals, signers' titles, the signing notes.
const CLOSING: &[&str] = &[
    "tong cong",
    "tong so",
    "nguoi lap bieu",
    "nguoi lap",
    "nguoi ky",
    "thu truong",
    "chanh van phong",
    "pho chanh van phong",
    "chu tich",
    "pho chu tich",
    "truong phong",
    "pho truong phong",
    "truong ban",
    "giam doc",
    "pho giam doc",
    "tm ",
    "t m ",
    "kt ",
    "k t ",
    "q ",
    "ky ghi ro ho ten",
    "ky va ghi ro ho ten",
    "ky ten",
    "ky dong dau",
    "ky ten dong dau",
    "xac nhan cua",
    "noi nhan",
];

/// Whether a text is a line that closes the table: a total, a signer's title, a signing note,
/// or a place-and-date line ("Trường Yên, ngày … tháng … năm …").
pub(super) fn closing(text: &str) -> bool {
    let f = fold_all(text);
    let f = format!("{f} ");
    if CLOSING.iter().any(|c| f.starts_with(c)) {
        return true;
    }
    // A subtotal "Cộng: 3 người", not "Công an xã": "cong" then a number.
    if f.strip_prefix("cong ")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()) || rest.is_empty())
    {
        return true;
    }
    let words: Vec<&str> = f.split(' ').collect();
    let at = |w: &str| words.iter().position(|x| *x == w);
    matches!((at("ngay"), at("thang"), at("nam")), (Some(a), Some(b), Some(c)) if a < b && b < c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Cell {
        Cell::Text(t.to_owned())
    }

    #[test]
    fn column_numbers_in_their_three_forms() {
        let paren = [(0, text("(1)")), (1, text("(2)")), (2, text("(3)"))];
        assert!(numbering(paren.iter().map(|(c, x)| (*c, x)), 0));
        let plain = [
            (0, Cell::Number(1.0, Format::General)),
            (1, Cell::Number(2.0, Format::General)),
        ];
        assert!(numbering(plain.iter().map(|(c, x)| (*c, x)), 0));
        let shifted = [(2, text("1")), (3, text("2")), (4, text("3"))];
        assert!(numbering(shifted.iter().map(|(c, x)| (*c, x)), 1));
        // A nominee numbered 1 with a name is no numbering row, nor a lone number.
        let nominee = [(0, text("1")), (1, text("Lê Văn Bình"))];
        assert!(!numbering(nominee.iter().map(|(c, x)| (*c, x)), 0));
        let lone = [(0, text("1"))];
        assert!(!numbering(lone.iter().map(|(c, x)| (*c, x)), 0));
        let gap = [(0, text("1")), (2, text("2"))];
        assert!(!numbering(gap.iter().map(|(c, x)| (*c, x)), 0));
    }

    #[test]
    fn group_labels() {
        assert_eq!(group(Some("I"), "CÁ NHÂN"), Some(NomineeType::Individual));
        assert_eq!(group(None, "II. TẬP THỂ"), Some(NomineeType::Collective));
        assert_eq!(
            group(None, "III. HỘ GIA ĐÌNH"),
            Some(NomineeType::Household)
        );
        assert_eq!(group(None, "A. Tập thể"), Some(NomineeType::Collective));
        assert_eq!(group(None, "B - Cá nhân"), Some(NomineeType::Individual));
        assert_eq!(group(None, "Tổ dân phố"), None);
    }

    #[test]
    fn lines_that_close_a_list() {
        for t in [
            "Tổng cộng: 09 người",
            "Tổng số: 5",
            "NGƯỜI LẬP BIỂU",
            "THỦ TRƯỞNG ĐƠN VỊ",
            "CHÁNH VĂN PHÒNG",
            "(Ký, ghi rõ họ tên)",
            "Trường Yên, ngày 04 tháng 12 năm 2026",
            "Trường Yên, ngày … tháng … năm …",
            "TM. ỦY BAN NHÂN DÂN",
            "Cộng: 3 người",
        ] {
            assert!(closing(t), "{t}");
        }
        for t in [
            "Lê Văn Bình",
            "Trạm Y tế xã Trường Yên",
            "Công an viên",
            "Công an xã Trường Yên",
            "Cộng đồng dân cư thôn Đông",
        ] {
            assert!(!closing(t), "{t}");
        }
    }
}
