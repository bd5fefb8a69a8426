//! `dossier review`: the receiving office's day (#22), from the bundles themselves.
//!
//! An office receives dozens of dossiers for one campaign. Each bundle gets everything
//! `verify` does (integrity, the cover list, the full check with the office's settings); each
//! dossier folder not packed gets the check. A dossier with an error, or a bundle that fails,
//! is *returned*; the rest are *accepted*. Across them the review finds what no single check
//! can: the same nominee proposed by two senders ([`duplicates`]). What it returns is data;
//! the command prints it and writes the office's summary sheet ([`table`]), the letters
//! returning dossiers ([`returned`]) and the drafts of its tờ trình and the decision with the
//! list of the nominees accepted ([`decision`], [`du_thao`]).

pub mod award_list;
pub mod decision;
pub mod drafts;
pub mod du_thao;
pub mod duplicates;
pub mod html;
pub mod inputs;
pub mod letter;
pub mod people;
pub mod register;
pub mod returned;
pub mod table;

use rayon::prelude::*;

use crate::diag::{Msg, Severity};
use crate::rules::check::{check_dossier, Against, Checked};
use crate::verify::verify_bundle;

pub use duplicates::Duplicate;
pub use inputs::{Kind, Source};
pub use people::{Person, Proposal};

/// What the office does with a dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No error: goes on to the review of its content and the decision.
    Accepted,
    /// An error, or a bundle that cannot be trusted: sent back with every defect at once.
    Returned,
}

/// One dossier of the review.
#[derive(Debug)]
pub struct Reviewed {
    /// What was given.
    pub source: Source,
    /// The check (with every finding about the bundle); None when the bundle could not be
    /// read at all.
    pub checked: Option<Checked>,
    /// Why the bundle could not be read, when it could not.
    pub unreadable: Option<Msg>,
    /// Accepted or returned.
    pub status: Status,
    /// Errors and warnings.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// The sender and the proposal.
    pub proposal: Proposal,
    /// Its nominees.
    pub people: Vec<Person>,
}

/// The whole review.
#[derive(Debug)]
pub struct Review {
    /// Every dossier, in the order found.
    pub dossiers: Vec<Reviewed>,
    /// Nominees proposed in more than one dossier.
    pub duplicates: Vec<Duplicate>,
    /// The office's register, when one was given, and the nominees it already holds.
    pub register: Option<register::Register>,
    /// Nominees the register already gave the same form for the same campaign.
    pub prior: Vec<register::Prior>,
}

impl Review {
    /// Dossiers returned.
    #[must_use]
    pub fn returned(&self) -> usize {
        self.dossiers
            .iter()
            .filter(|d| d.status == Status::Returned)
            .count()
    }
}

fn one(source: Source, on: &Against) -> Reviewed {
    let (checked, unreadable) = match source.kind {
        Kind::Folder => (Some(check_dossier(&source.path, on)), None),
        Kind::Bundle => match verify_bundle(&source.path, on) {
            Ok(v) => (Some(v.checked), None),
            Err(e) => (None, Some(e.msg())),
        },
    };
    let (errors, warnings) = checked.as_ref().map_or((0, 0), |c| {
        let e = c
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        (e, c.findings.len() - e)
    });
    let status = if unreadable.is_some() || errors > 0 {
        Status::Returned
    } else {
        Status::Accepted
    };
    let (proposal, people) = checked.as_ref().map_or_else(Default::default, |c| {
        (
            people::proposal(&c.dossier, c.rule_set(on.catalog)),
            people::people(&c.dossier),
        )
    });
    Reviewed {
        source,
        checked,
        unreadable,
        status,
        errors,
        warnings,
        proposal,
        people,
    }
}

/// Review `sources` with the office's rule sets, day and settings, and against its register
/// of awards when given; dossiers in parallel.
#[must_use]
pub fn review(sources: Vec<Source>, on: &Against, register: Option<register::Register>) -> Review {
    let dossiers: Vec<Reviewed> = sources.into_par_iter().map(|s| one(s, on)).collect();
    let lists: Vec<&[Person]> = dossiers.iter().map(|d| d.people.as_slice()).collect();
    let duplicates = duplicates::find(&lists);
    let mut review = Review {
        dossiers,
        duplicates,
        register: None,
        prior: Vec::new(),
    };
    if let Some(reg) = register {
        review.prior = register::prior(&review, &reg);
        review.register = Some(reg);
    }
    review
}
