//! What a check may look at: the dossier, its files, its rule set, today, and where findings
//! go. Its own file because `check.rs` calls every family's module and each of them takes this
//! context: kept in `check.rs`, it tied them all into one circle.

use crate::criteria::RuleSet;
use crate::date::Date;
use crate::diag::{Finding, Sink};
use crate::dossier::Dossier;
use crate::store::Store;

/// What a check may look at.
pub struct Ctx<'a> {
    /// The dossier.
    pub d: &'a Dossier,
    /// Its files.
    pub store: &'a dyn Store,
    /// Its rule set, when it could be found.
    pub rs: Option<&'a RuleSet>,
    /// Today, for "in the future".
    pub today: Date,
    /// Where findings go.
    pub sink: &'a mut Sink,
}

impl Ctx<'_> {
    /// Add a finding.
    pub fn push(&mut self, f: Finding) {
        self.sink.push(f);
    }

    /// The proposal's file name (`to-trinh.yaml`), for findings.
    #[must_use]
    pub fn to_trinh_file(&self) -> &str {
        self.d.to_trinh_file.as_deref().unwrap_or("to-trinh.yaml")
    }

    /// The minutes' file name.
    #[must_use]
    pub fn bien_ban_file(&self) -> &str {
        self.d.bien_ban_file.as_deref().unwrap_or("bien-ban.yaml")
    }

    /// The manifest's file name.
    #[must_use]
    pub fn ho_so_file(&self) -> &str {
        self.d.ho_so_file.as_deref().unwrap_or("ho-so.yaml")
    }
}
