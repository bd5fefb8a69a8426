//! The decision's list (#22): who the office proposes to award, computed from the review.
//!
//! Only the nominees of *accepted* dossiers go in, in the order the dossiers were reviewed and,
//! within one, in its list's order, each person once. The Law forbids commending one
//! achievement twice (06/2022/QH15, Điều 6, as `duplicates` says), so a person proposed again
//! (the same key `duplicates` matches by) keeps the first proposal and the later ones are left
//! out, and a nominee the office's register already awarded the same form for the same campaign
//! (`review.prior`) is left out too; both are said, for the office to see why a name is
//! missing. Names only alike ("có thể trùng") are kept and said: which one is right is the
//! office's judgement, not the tool's.
//!
//! Each form of award is a decision of its own (another form may be another authority's), so
//! the list is one per form, in the order the forms are first met; within one, the nominees go
//! under "I. Cá nhân", "II. Tập thể", "III. Hộ gia đình", the groups present numbered one after
//! the other as decisions number them.

use std::collections::HashMap;

use crate::dossier::model::NomineeType;

use super::duplicates::{person_key, At};
use super::{Review, Status};

/// The nominees of one kind in one decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Individuals, collectives or households.
    pub kind: NomineeType,
    /// The nominees, in review order.
    pub who: Vec<At>,
}

impl Group {
    /// The group's heading without its numeral: "Cá nhân", "Tập thể", "Hộ gia đình".
    #[must_use]
    pub fn title(&self) -> &'static str {
        kind_words(self.kind)
    }
}

/// "Cá nhân", "Tập thể", "Hộ gia đình".
#[must_use]
pub fn kind_words(k: NomineeType) -> &'static str {
    match k {
        NomineeType::Individual => "Cá nhân",
        NomineeType::Collective => "Tập thể",
        NomineeType::Household => "Hộ gia đình",
    }
}

/// The Roman numeral of the `n`-th group (1-based), as decisions number their parts.
#[must_use]
pub fn roman(n: usize) -> &'static str {
    match n {
        1 => "I",
        2 => "II",
        3 => "III",
        _ => "",
    }
}

/// One decision: one form of award, its nominees grouped by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The form's id (`hinh_thuc`), as the dossiers give it.
    pub form: String,
    /// The form's name in the rule set, or the id when the rule set names none.
    pub form_name: String,
    /// The accepted dossiers proposing this form, in review order (indices).
    pub dossiers: Vec<usize>,
    /// The groups present, in the order I. Cá nhân, II. Tập thể, III. Hộ gia đình.
    pub groups: Vec<Group>,
}

impl Decision {
    /// How many nominees of `kind` the decision awards.
    #[must_use]
    pub fn count(&self, kind: NomineeType) -> usize {
        self.groups
            .iter()
            .filter(|g| g.kind == kind)
            .map(|g| g.who.len())
            .sum()
    }

    /// Every nominee, group after group.
    pub fn everyone(&self) -> impl Iterator<Item = At> + '_ {
        self.groups.iter().flat_map(|g| g.who.iter().copied())
    }
}

/// Why an accepted dossier's nominee is not in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Proposed again: the first proposal (`first`) is in the list.
    Again {
        /// The proposal kept.
        first: At,
    },
    /// The register already gave the same form for the same campaign (`review.prior[i]`).
    Awarded {
        /// Index into `review.prior`.
        prior: usize,
    },
}

/// A nominee of an accepted dossier left out of the list, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeftOut {
    /// The nominee.
    pub at: At,
    /// Why.
    pub why: Why,
}

/// The decisions of a review, with what they leave out and what the office must look at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lists {
    /// One per form, in the order the forms are first met.
    pub decisions: Vec<Decision>,
    /// Nominees of accepted dossiers not in any list, in review order.
    pub left_out: Vec<LeftOut>,
    /// Names alike without marks, born the same year, two or more of them in the lists: kept,
    /// for the office to look at (each group in review order).
    pub alike: Vec<Vec<At>>,
}

impl Lists {
    /// Nominees in every list.
    #[must_use]
    pub fn total(&self) -> usize {
        self.decisions.iter().map(|d| d.everyone().count()).sum()
    }
}

fn kind_order(k: NomineeType) -> usize {
    match k {
        NomineeType::Individual => 0,
        NomineeType::Collective => 1,
        NomineeType::Household => 2,
    }
}

/// The decisions `review` leads to.
#[must_use]
pub fn lists(review: &Review) -> Lists {
    let prior: HashMap<At, usize> = review
        .prior
        .iter()
        .enumerate()
        .map(|(i, p)| (p.at, i))
        .collect();
    let mut first: HashMap<(usize, String, String), At> = HashMap::new();
    let mut out = Lists::default();
    // Per form: its decision's index.
    let mut by_form: HashMap<String, usize> = HashMap::new();
    let mut kept: std::collections::HashSet<At> = std::collections::HashSet::new();
    for (di, d) in review.dossiers.iter().enumerate() {
        if d.status != Status::Accepted {
            continue;
        }
        let p = &d.proposal;
        let at_form = *by_form.entry(p.form.clone()).or_insert_with(|| {
            out.decisions.push(Decision {
                form: p.form.clone(),
                form_name: if p.form_name.is_empty() {
                    p.form.clone()
                } else {
                    p.form_name.clone()
                },
                dossiers: Vec::new(),
                groups: Vec::new(),
            });
            out.decisions.len() - 1
        });
        let decision = &mut out.decisions[at_form];
        decision.dossiers.push(di);
        for (ni, person) in d.people.iter().enumerate() {
            let at = (di, ni);
            if let Some(&i) = prior.get(&at) {
                out.left_out.push(LeftOut {
                    at,
                    why: Why::Awarded { prior: i },
                });
                continue;
            }
            let (name, with) = person_key(&person.name, person.birth, &person.unit);
            // The same key as the duplicate search, across forms too: one achievement, one
            // award.
            match first.entry((kind_order(person.kind), name, with)) {
                std::collections::hash_map::Entry::Occupied(e) => {
                    out.left_out.push(LeftOut {
                        at,
                        why: Why::Again { first: *e.get() },
                    });
                    continue;
                }
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(at);
                }
            }
            kept.insert(at);
            match decision.groups.iter_mut().find(|g| g.kind == person.kind) {
                Some(g) => g.who.push(at),
                None => decision.groups.push(Group {
                    kind: person.kind,
                    who: vec![at],
                }),
            }
        }
    }
    for d in &mut out.decisions {
        d.groups.sort_by_key(|g| kind_order(g.kind));
    }
    // A decision whose every nominee was left out is no decision.
    out.decisions.retain(|d| !d.groups.is_empty());
    for g in review.duplicates.iter().filter(|g| !g.exact) {
        let in_lists: Vec<At> = g.who.iter().copied().filter(|a| kept.contains(a)).collect();
        if in_lists.len() > 1 {
            out.alike.push(in_lists);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{Birth, Date};
    use crate::review::people::{Person, Proposal};
    use crate::review::register::Prior;
    use crate::review::{duplicates, Kind, Reviewed, Source};

    fn person(name: &str, kind: NomineeType, year: Option<u16>) -> Person {
        Person {
            id: String::new(),
            name: name.to_owned(),
            kind,
            birth: year.map(Birth::Year),
            unit: "xã Ninh Hải".to_owned(),
            sex: None,
            achievement: String::new(),
        }
    }

    fn dossier(status: Status, form: &str, people: Vec<Person>) -> Reviewed {
        Reviewed {
            source: Source {
                path: std::path::PathBuf::from("x"),
                kind: Kind::Folder,
            },
            checked: None,
            unreadable: None,
            status,
            errors: 0,
            warnings: 0,
            proposal: Proposal {
                form: form.to_owned(),
                form_name: format!("Giấy khen {form}"),
                date: Some(Date::default()),
                ..Proposal::default()
            },
            people,
        }
    }

    fn review(dossiers: Vec<Reviewed>) -> Review {
        let lists: Vec<&[Person]> = dossiers.iter().map(|d| d.people.as_slice()).collect();
        let duplicates = duplicates::find(&lists);
        Review {
            dossiers,
            duplicates,
            register: None,
            prior: Vec::new(),
        }
    }

    use NomineeType::{Collective, Household, Individual};

    #[test]
    fn only_accepted_nominees_each_once_grouped_individuals_first() {
        let r = review(vec![
            dossier(
                Status::Accepted,
                "gk",
                vec![
                    person("Trạm Y tế", Collective, None),
                    person("Đỗ Thị Lan", Individual, Some(1979)),
                    person("Hộ ông Lê Văn Ba", Household, None),
                ],
            ),
            dossier(
                Status::Returned,
                "gk",
                vec![person("Người Bị Trả", Individual, Some(1970))],
            ),
            dossier(
                Status::Accepted,
                "gk",
                vec![
                    // The same person, written another way: left out, said.
                    person("ĐỖ  THỊ LAN", Individual, Some(1979)),
                    person("Hoàng Minh Tuấn", Individual, Some(1991)),
                ],
            ),
        ]);
        let l = lists(&r);
        assert_eq!(l.decisions.len(), 1);
        let d = &l.decisions[0];
        assert_eq!(d.dossiers, vec![0, 2]);
        assert_eq!(
            d.groups,
            vec![
                Group {
                    kind: Individual,
                    who: vec![(0, 1), (2, 1)]
                },
                Group {
                    kind: Collective,
                    who: vec![(0, 0)]
                },
                Group {
                    kind: Household,
                    who: vec![(0, 2)]
                },
            ]
        );
        assert_eq!(
            l.left_out,
            vec![LeftOut {
                at: (2, 0),
                why: Why::Again { first: (0, 1) }
            }]
        );
        assert_eq!(l.total(), 4);
        assert_eq!(d.count(Individual), 2);
        assert!(l.alike.is_empty());
    }

    #[test]
    fn a_nominee_the_register_already_awarded_is_left_out_and_alike_names_kept() {
        let mut r = review(vec![
            dossier(
                Status::Accepted,
                "gk",
                vec![
                    person("Nguyễn Văn Hùng", Individual, Some(1975)),
                    person("Lê Thị Mai", Individual, Some(1980)),
                ],
            ),
            dossier(
                Status::Accepted,
                "gk",
                vec![person("Nguyễn Văn Hưng", Individual, Some(1975))],
            ),
        ]);
        r.prior.push(Prior {
            at: (0, 1),
            award: 0,
        });
        let l = lists(&r);
        assert_eq!(
            l.left_out,
            vec![LeftOut {
                at: (0, 1),
                why: Why::Awarded { prior: 0 }
            }]
        );
        assert_eq!(
            l.decisions[0].groups[0].who,
            vec![(0, 0), (1, 0)],
            "alike names are both kept"
        );
        assert_eq!(l.alike, vec![vec![(0, 0), (1, 0)]]);
    }

    #[test]
    fn each_form_is_a_decision_of_its_own_and_one_left_empty_is_none() {
        let r = review(vec![
            dossier(
                Status::Accepted,
                "giay-khen",
                vec![person("A Văn Một", Individual, Some(1970))],
            ),
            dossier(
                Status::Accepted,
                "bang-khen",
                vec![person("Tổ Hai", Collective, None)],
            ),
            dossier(
                Status::Accepted,
                "giay-khen",
                vec![person("B Văn Ba", Individual, Some(1971))],
            ),
            // Everyone already in an earlier list: the form makes no decision.
            dossier(
                Status::Accepted,
                "ky-niem-chuong",
                vec![person("A Văn Một", Individual, Some(1970))],
            ),
        ]);
        let l = lists(&r);
        let forms: Vec<&str> = l.decisions.iter().map(|d| d.form.as_str()).collect();
        assert_eq!(forms, ["giay-khen", "bang-khen"]);
        assert_eq!(l.decisions[0].dossiers, vec![0, 2]);
        assert_eq!(l.decisions[0].groups[0].who, vec![(0, 0), (2, 0)]);
        assert_eq!(l.decisions[1].groups[0].kind, Collective);
        assert_eq!(l.left_out.len(), 1);
        assert_eq!(roman(2), "II");
    }

    #[test]
    fn nothing_accepted_is_no_decision() {
        let r = review(vec![dossier(
            Status::Returned,
            "gk",
            vec![person("A", Individual, None)],
        )]);
        assert_eq!(lists(&r), Lists::default());
    }
}
