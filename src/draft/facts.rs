//! What every document of one dossier shares (the form's name with its places filled in, the
//! kind of award, the tờ trình's date, place and issuer): made once by `compose`, read by the
//! proposal, the minutes and each report. Its own file so `report.rs` does not reach back into
//! `compose.rs`, which calls it.

use super::words;
use crate::criteria::RuleSet;
use crate::date::Date;
use crate::dossier::Dossier;
use crate::source::Sp;

/// What every document of one dossier shares.
pub(super) struct Facts<'a> {
    pub(super) d: &'a Dossier,
    pub(super) rs: Option<&'a RuleSet>,
    /// The form's name with the dossier's places filled in, or "…" (an id the rule set does
    /// not have, a level the dossier names no unit of).
    pub(super) form: String,
    pub(super) kind: Option<String>,
    pub(super) ad_hoc: bool,
    /// The tờ trình's date for the files and the header; the epoch when it has none, which
    /// the body never prints (`day`).
    pub(super) date: Date,
    /// The tờ trình's date as the body prints it: None prints "…".
    pub(super) day: Option<Date>,
    pub(super) place: String,
    pub(super) issuer: String,
    pub(super) stamp: bool,
}

impl Facts<'_> {
    /// "Giấy khen của … (khen thưởng đột xuất)".
    pub(super) fn form_and_kind(&self) -> String {
        match &self.kind {
            Some(k) => format!("{} ({})", self.form, lower_first(k)),
            None => self.form.clone(),
        }
    }

    /// A kind of nominee's name; an id the rule set does not have prints "…" (HS010).
    pub(super) fn nominee_kind(&self, id: Option<&Sp<String>>) -> String {
        words::named(id, |id| {
            self.rs
                .and_then(|rs| rs.nominee_kind(id))
                .map(|k| k.ten.clone())
        })
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
