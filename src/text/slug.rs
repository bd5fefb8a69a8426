//! Ids from names: `Lê Văn Bình` → `le-van-binh`.
//!
//! A nominee's id (`ma`) names their report file and ties the three documents together; it is
//! lowercase ASCII so it survives every file system and zip tool. Clerks type names, not ids, so
//! `dossier add` (and any command importing a list) makes the id from the name: the letters
//! without their marks, đ as d, words joined by hyphens.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Longest id made (an id is also a file name).
pub const MAX_LEN: usize = 100;

/// The id made from a name; None when the name has no letter or digit to make one from.
#[must_use]
pub fn slug(name: &str) -> Option<String> {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.nfd() {
        if is_combining_mark(c) || crate::text::chars::is_invisible(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            if out.len() >= MAX_LEN {
                break;
            }
            out.push(c);
        } else {
            gap = true;
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    (!out.is_empty()).then_some(out)
}

/// `base`, or `base-2`, `base-3`, … : the first that `taken` does not hold.
#[must_use]
pub fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken(c))
        .unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_ids() {
        assert_eq!(slug("Lê Văn Bình").as_deref(), Some("le-van-binh"));
        assert_eq!(slug("Đặng Thị Hòa").as_deref(), Some("dang-thi-hoa"));
        assert_eq!(
            slug("  Thôn Đông, xã Trường Yên ").as_deref(),
            Some("thon-dong-xa-truong-yen")
        );
        assert_eq!(slug("Tổ COVID số 2").as_deref(), Some("to-covid-so-2"));
        assert_eq!(slug("Nguye\u{302}\u{303}n").as_deref(), Some("nguyen"));
        assert_eq!(slug("“ ”"), None);
    }

    #[test]
    fn taken_ids_get_a_number() {
        let taken = ["le-van-binh", "le-van-binh-2"];
        assert_eq!(
            unique("le-van-binh", |c| taken.contains(&c)),
            "le-van-binh-3"
        );
        assert_eq!(unique("tran-an", |c| taken.contains(&c)), "tran-an");
    }
}
