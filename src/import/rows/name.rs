//! A person's name as typed in a list, with what is not the name taken off.
//!
//! Lists often write "Ông Lê Văn Bình", "Đồng chí Phạm Thị Mai", "Đại tá Nguyễn Văn Hùng" or
//! "PGS.TS. Trần Văn Hải". The honorific is no part of the name and is dropped (the dossier's
//! documents say "Ông"/"Bà" where they need to); a military, police or academic rank is kept in
//! a field of its own (`cap_bac`), printed before the name. Only the unambiguous honorifics are
//! taken off ("Anh" and "Chị" are also given names), and only from individuals: "Hộ ông Phạm
//! Văn Tư" is a household's name.

/// Honorifics taken off, as typed (compared without case).
const HONORIFICS: &[&str] = &["đồng chí", "đ/c", "ông", "bà"];

/// Ranks kept apart, as they are written.
const RANKS: &[&str] = &[
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tá",
    "Đại úy",
    "Thượng úy",
    "Trung úy",
    "Thiếu úy",
    "Đại uý",
    "Thượng uý",
    "Trung uý",
    "Thiếu uý",
    "Thượng sĩ",
    "Trung sĩ",
    "Hạ sĩ",
    "Binh nhất",
    "Binh nhì",
];

/// Academic titles, written with their dot ("PGS.TS." is two).
const ACADEMIC: &[&str] = &["PGS.", "GS.", "TS.", "ThS."];

/// A name with its honorific and rank taken off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Name {
    /// The name.
    pub(super) ten: String,
    /// The honorific taken off, as typed.
    pub(super) honorific: Option<String>,
    /// The rank, as typed.
    pub(super) rank: Option<String>,
}

/// `s` without a leading `word` (compared without case) and the space after it.
fn strip_word<'a>(s: &'a str, word: &str) -> Option<(&'a str, &'a str)> {
    let n = word.chars().count();
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    let (head, rest) = s.split_at(end);
    // Compared character by character, without making two lowered copies: every row tries
    // every honorific and rank (#21). The words are Vietnamese and Latin, none a Greek sigma,
    // the one letter `str::to_lowercase` lowers by its place.
    let lower = |t: &'a str| t.chars().flat_map(char::to_lowercase);
    if !lower(head).eq(word.chars().flat_map(char::to_lowercase)) {
        return None;
    }
    let rest = rest.strip_prefix(['.', ':']).unwrap_or(rest);
    rest.starts_with(' ').then(|| (head, rest.trim_start()))
}

/// Take the honorific and rank off a person's name; a name left with fewer than two words
/// is kept whole (it was no honorific).
pub(super) fn split(ten: &str) -> Name {
    let mut rest = ten;
    let mut honorific = None;
    let mut rank: Vec<String> = Vec::new();
    for _ in 0..3 {
        let mut moved = false;
        if honorific.is_none() {
            if let Some((h, r)) = HONORIFICS.iter().find_map(|h| strip_word(rest, h)) {
                honorific = Some(h.to_owned());
                rest = r;
                moved = true;
            }
        }
        if rank.is_empty() {
            if let Some((k, r)) = RANKS.iter().find_map(|k| strip_word(rest, k)) {
                rank.push(k.to_owned());
                rest = r;
                moved = true;
            }
        }
        while let Some(a) = ACADEMIC.iter().find(|a| rest.starts_with(**a)) {
            rank.push((*a).to_owned());
            rest = rest[a.len()..].trim_start();
            moved = true;
        }
        if !moved {
            break;
        }
    }
    if rest.split_whitespace().count() < 2 {
        return Name {
            ten: ten.to_owned(),
            honorific: None,
            rank: None,
        };
    }
    let rank = (!rank.is_empty()).then(|| {
        // "PGS.TS." as written; a military rank stands alone.
        if rank.iter().all(|r| r.ends_with('.')) {
            rank.concat()
        } else {
            rank.join(" ")
        }
    });
    Name {
        ten: rest.to_owned(),
        honorific,
        rank,
    }
}

#[cfg(test)]
mod tests {
    /// The character-by-character comparison agrees with comparing lowered copies, for every
    /// honorific and rank against names written in every case.
    #[test]
    fn strip_word_agrees_with_lowered_copies() {
        fn copies<'a>(s: &'a str, word: &str) -> Option<(&'a str, &'a str)> {
            let n = word.chars().count();
            let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
            let (head, rest) = s.split_at(end);
            if head.to_lowercase() != word.to_lowercase() {
                return None;
            }
            let rest = rest.strip_prefix(['.', ':']).unwrap_or(rest);
            rest.starts_with(' ').then(|| (head, rest.trim_start()))
        }
        for word in HONORIFICS.iter().chain(RANKS) {
            for name in [
                format!("{word} Nguyễn Văn An"),
                format!("{} Nguyễn Văn An", word.to_uppercase()),
                format!("{}. Lê Thị Bình", word.to_uppercase()),
                format!("{word}: Lê Thị Bình"),
                format!("{word}Lê"),
                word.to_string(),
                "Σίσυφος Σ".to_owned(),
                "ĐỒNG CHÍ Hà".to_owned(),
                String::new(),
            ] {
                assert_eq!(
                    strip_word(&name, word),
                    copies(&name, word),
                    "{name:?} {word:?}"
                );
            }
        }
    }

    use super::*;

    fn parts(s: &str) -> (String, Option<String>, Option<String>) {
        let n = split(s);
        (n.ten, n.honorific, n.rank)
    }

    #[test]
    fn honorifics_go_and_ranks_stay_apart() {
        assert_eq!(
            parts("Ông Lê Văn Bình"),
            ("Lê Văn Bình".into(), Some("Ông".into()), None)
        );
        assert_eq!(parts("Bà Phạm Thị Mai").0, "Phạm Thị Mai");
        assert_eq!(parts("Đồng chí Trần Văn Hải").0, "Trần Văn Hải");
        assert_eq!(parts("Đ/c Trần Văn Hải").0, "Trần Văn Hải");
        assert_eq!(parts("Đ/C Trần Văn Hải").0, "Trần Văn Hải");
        assert_eq!(
            parts("Đại tá Nguyễn Văn Hùng"),
            ("Nguyễn Văn Hùng".into(), None, Some("Đại tá".into()))
        );
        assert_eq!(
            parts("Đồng chí Thượng úy Nguyễn Văn Hùng"),
            (
                "Nguyễn Văn Hùng".into(),
                Some("Đồng chí".into()),
                Some("Thượng úy".into())
            )
        );
        assert_eq!(parts("PGS.TS. Trần Văn Hải").2, Some("PGS.TS.".into()));
        assert_eq!(parts("ThS. Lê Thị Hoa").2, Some("ThS.".into()));
    }

    #[test]
    fn names_that_only_look_like_it_stay() {
        assert_eq!(parts("Ông Bình"), ("Ông Bình".into(), None, None));
        assert_eq!(parts("Bàng Văn Sơn").0, "Bàng Văn Sơn");
        assert_eq!(parts("Ôngvăn Tư").0, "Ôngvăn Tư");
        assert_eq!(parts("Anh Thị Mai").0, "Anh Thị Mai");
    }
}
