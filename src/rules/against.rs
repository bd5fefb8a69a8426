//! What a dossier is checked against: the rule sets, the day, and the office's settings.
//!
//! Every command that checks (check, pack, verify, draft, export) passes one, and the office's
//! `.dossier.yaml` overrides are applied here, inside the check, rather than by each caller: the
//! export sheet once counted findings before the overrides and disagreed with `check` (#20).

use crate::config::Config;
use crate::criteria::Catalog;
use crate::date::Date;
use crate::diag::Finding;

/// The rule sets, the day and the office settings one check runs on.
#[derive(Debug, Clone, Copy)]
pub struct Against<'a> {
    /// The rule sets in use.
    pub catalog: &'a Catalog,
    /// The day the dossier is judged on.
    pub today: Date,
    /// The office's settings (`.dossier.yaml`), whose severity overrides the findings take.
    pub office: Option<&'a Config>,
    /// The dossier is about to be packed: what is said only where a bundle is made (DK008, see
    /// `rules::scans`) is said too.
    pub packing: bool,
}

impl<'a> Against<'a> {
    /// The rule sets and the day, with no office settings.
    #[must_use]
    pub fn new(catalog: &'a Catalog, today: Date) -> Self {
        Against {
            catalog,
            today,
            office: None,
            packing: false,
        }
    }

    /// With the office's settings.
    #[must_use]
    pub fn office(self, config: &'a Config) -> Self {
        Against {
            office: Some(config),
            ..self
        }
    }

    /// On another day (a draft is checked as of the day it is signed).
    #[must_use]
    pub fn on(self, today: Date) -> Self {
        Against { today, ..self }
    }

    /// For a dossier about to be packed.
    #[must_use]
    pub fn packing(self) -> Self {
        Against {
            packing: true,
            ..self
        }
    }

    /// The office's overrides applied to findings: those the check made, and those `verify`
    /// adds about the bundle. Applying twice changes nothing.
    pub fn settle(&self, findings: &mut Vec<Finding>) {
        if let Some(c) = self.office {
            c.apply(findings);
        }
    }
}
