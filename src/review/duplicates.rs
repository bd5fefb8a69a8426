//! The same nominee proposed in two dossiers of one review.
//!
//! The Law on Emulation and Commendation (06/2022/QH15, Điều 6) forbids commending one
//! achievement several times or with several forms; a receiving office meets it when two units
//! propose the same person (a teacher of the commune school proposed by the school and by the
//! commune), and nobody sees it across two piles of paper. Two keys, each built once per
//! nominee and grouped in a hash map, so the search is linear in the number of nominees:
//!
//! - **the same nominee**: the name under [`crate::text::fold::name_key`] (the fold the check
//!   uses: NFC, spaces, tone placement), case aside since two clerks capitalise differently,
//!   with the birth date, or the year when only the year is known, or, when no birth is
//!   written (a collective, a household), the unit folded the same way;
//! - **perhaps the same** (a warning for the office to look at): the name without any mark
//!   ("Nguyễn Văn Hùng" / "Nguyễn Văn Hưng"), with the same birth year. Only individuals with a
//!   known birth year: for the rest a name without marks says too little.

use std::collections::HashMap;

use crate::date::Birth;
use crate::dossier::model::NomineeType;
use crate::text::fold::name_key;

use super::people::Person;

/// One nominee of the review: (dossier index, nominee index).
pub type At = (usize, usize);

/// Nominees of different dossiers taken for one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// Every nominee of the group, in review order (at least two dossiers).
    pub who: Vec<At>,
    /// The same nominee by name and birth (or unit); false: names alike without marks, same
    /// birth year.
    pub exact: bool,
}

fn folded(s: &str) -> String {
    name_key(s).to_lowercase()
}

/// Under which a nominee is the same nominee: the name folded as the check folds it, case
/// aside, with the birth (the date, or the year when only the year is known) or, when no birth
/// is written, the unit folded the same way. The office's register is matched by it too.
#[must_use]
pub fn person_key(name: &str, birth: Option<Birth>, unit: &str) -> (String, String) {
    let with = match birth {
        Some(Birth::Date(date)) => date.to_string(),
        Some(Birth::Year(y)) => y.to_string(),
        None => format!("@{}", folded(unit)),
    };
    (folded(name), with)
}

/// Without marks or case: "nguyen van hung".
#[must_use]
pub fn bare(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = if matches!(c, 'đ' | 'Đ') { 'd' } else { c };
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.trim_end().to_owned()
}

fn kind_tag(k: NomineeType) -> u8 {
    match k {
        NomineeType::Individual => 0,
        NomineeType::Collective => 1,
        NomineeType::Household => 2,
    }
}

/// The groups of nominees proposed in more than one dossier. `dossiers[i]` is the i-th
/// dossier's nominees.
#[must_use]
pub fn find(dossiers: &[&[Person]]) -> Vec<Duplicate> {
    let mut exact: HashMap<(u8, String, String), Vec<At>> = HashMap::new();
    let mut near: HashMap<(String, u16), Vec<At>> = HashMap::new();
    for (d, people) in dossiers.iter().enumerate() {
        for (n, p) in people.iter().enumerate() {
            let (name, with) = person_key(&p.name, p.birth, &p.unit);
            exact
                .entry((kind_tag(p.kind), name, with))
                .or_default()
                .push((d, n));
            if let (NomineeType::Individual, Some(b)) = (p.kind, p.birth) {
                near.entry((bare(&p.name), b.year()))
                    .or_default()
                    .push((d, n));
            }
        }
    }
    let spread = |v: &[At]| v.iter().any(|a| a.0 != v[0].0);
    let mut out: Vec<Duplicate> = exact
        .into_values()
        .filter(|v| spread(v))
        .map(|who| Duplicate { who, exact: true })
        .collect();
    // A near group adds only what the exact groups did not already join.
    let joined: std::collections::HashSet<Vec<At>> = out.iter().map(|g| g.who.clone()).collect();
    for who in near.into_values() {
        if !spread(&who) || joined.contains(&who) {
            continue;
        }
        let covered = out.iter().any(|g| who.iter().all(|a| g.who.contains(a)));
        if !covered {
            out.push(Duplicate { who, exact: false });
        }
    }
    out.sort_by(|a, b| (!a.exact, &a.who).cmp(&(!b.exact, &b.who)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn p(name: &str, birth: Option<Birth>, unit: &str) -> Person {
        Person {
            id: String::new(),
            name: name.to_owned(),
            kind: NomineeType::Individual,
            birth,
            unit: unit.to_owned(),
            sex: None,
            achievement: String::new(),
        }
    }

    fn day(y: u16, m: u8, d: u8) -> Option<Birth> {
        Some(Birth::Date(Date {
            year: y,
            month: m,
            day: d,
        }))
    }

    #[test]
    fn the_same_person_in_two_dossiers_is_found_whatever_the_spelling_habit() {
        let a = [
            p("Nguyễn Thị Hòa", day(1980, 3, 12), "Trường Tiểu học"),
            p("Lê Văn An", None, "Xã Ninh Hải"),
        ];
        // Tone on the other vowel, NFD, a doubled space, capitals: the same person.
        let b = [
            p("NGUYỄN  THỊ HOÀ", day(1980, 3, 12), "UBND xã"),
            p("Lê Văn An", None, "xã  Ninh Hải"),
        ];
        let c = [p("Nguyễn Thị Hòa", day(1981, 3, 12), "")];
        let found = find(&[&a, &b, &c]);
        assert_eq!(
            found,
            vec![
                Duplicate {
                    who: vec![(0, 0), (1, 0)],
                    exact: true
                },
                Duplicate {
                    who: vec![(0, 1), (1, 1)],
                    exact: true
                },
            ]
        );
    }

    #[test]
    fn names_alike_without_marks_and_born_the_same_year_are_a_warning() {
        let a = [p("Nguyễn Văn Hùng", day(1975, 1, 2), "")];
        let b = [p("Nguyễn Văn Hưng", Some(Birth::Year(1975)), "")];
        let c = [p("Nguyễn Văn Hưng", Some(Birth::Year(1976)), "")];
        assert_eq!(
            find(&[&a, &b, &c]),
            vec![Duplicate {
                who: vec![(0, 0), (1, 0)],
                exact: false
            }]
        );
        // The same person exactly in two dossiers is one exact line, not a "perhaps" too.
        let d = [p("Nguyễn Văn Hùng", day(1975, 1, 2), "")];
        assert_eq!(
            find(&[&a, &d]),
            vec![Duplicate {
                who: vec![(0, 0), (1, 0)],
                exact: true
            }]
        );
        // Within one dossier: the check's business, not the review's.
        let one = [a[0].clone(), a[0].clone()];
        assert!(find(&[&one]).is_empty());
    }

    #[test]
    fn a_collective_is_matched_by_name_and_unit() {
        let mut x = p("Ban Chỉ huy Quân sự", None, "xã Ninh Hải");
        x.kind = NomineeType::Collective;
        let mut y = x.clone();
        y.unit = "xã Ninh Vân".to_owned();
        assert!(find(&[&[x.clone()], &[y]]).is_empty());
        assert_eq!(find(&[&[x.clone()], &[x]]).len(), 1);
    }
}
