//! Ids made from names: `Lê Văn Bình` → `le-van-binh`.
//!
//! A nominee's id is also the file name of their report, typed by clerks and read by every
//! program on the way (zip, shared folders, URLs): lowercase ASCII letters and digits joined by
//! hyphens. Diacritics are dropped after canonical decomposition, and đ/Đ, which does not
//! decompose, becomes d.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The slug of a name: lowercase ASCII letters and digits, words joined by one hyphen; empty
/// when the name has no letter or digit that folds to ASCII.
#[must_use]
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.nfd() {
        if is_combining_mark(c) {
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
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slug;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn names_become_ids() {
        assert_eq!(slug("Lê Văn Bình"), "le-van-binh");
        assert_eq!(slug("  Đinh   Thị ĐÀO "), "dinh-thi-dao");
        assert_eq!(slug("Thôn Đoài, xã Trường Yên"), "thon-doai-xa-truong-yen");
        assert_eq!(slug("Trạm Y tế số 2"), "tram-y-te-so-2");
        let nfd: String = "Nguyễn Thị Hằng".nfd().collect();
        assert_eq!(slug(&nfd), "nguyen-thi-hang");
        assert_eq!(slug("山 ✓"), "");
    }
}
