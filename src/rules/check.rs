//! Running every check on one dossier.
//!
//! The order matters only for what can be checked at all: the structure first (which rule set,
//! which form), then the checks that need the rule set. Findings are sorted afterwards, so the
//! order here does not show in the output.

use std::path::{Path, PathBuf};

use super::places;
use super::{
    addressee, attachments, content, dates, fields, nominees, portable, signatures, structure,
    symbols, text, votes,
};
use crate::criteria::{Broken, Catalog, RuleSet};
use crate::diag::{Finding, Sink};
use crate::dossier::{self, Dossier};
use crate::store::{Folder, Store};

pub use super::against::Against;
pub use super::context::Ctx;

/// The result of checking one dossier.
#[derive(Debug)]
pub struct Checked {
    /// The dossier as read (its texts feed the snippets).
    pub dossier: Dossier,
    /// Findings, sorted by file, line, column, rule id.
    pub findings: Vec<Finding>,
    /// The id of the rule set used, when one was found.
    pub rule_set: Option<String>,
    /// The rule set itself when it came from a file named by `phong_trao` (not in the catalog).
    pub external_rule_set: Option<RuleSet>,
}

impl Checked {
    /// The rule set used, from the catalog or the dossier's own file.
    #[must_use]
    pub fn rule_set<'a>(&'a self, catalog: &'a Catalog) -> Option<&'a RuleSet> {
        self.external_rule_set
            .as_ref()
            .or_else(|| catalog.get(self.rule_set.as_deref()?))
    }

    /// Whether any finding is an error (or a warning, when warnings count).
    #[must_use]
    pub fn fails(&self, deny_warnings: bool) -> bool {
        self.findings.iter().any(|f| {
            f.severity == crate::diag::Severity::Error
                || (deny_warnings && f.severity == crate::diag::Severity::Warning)
        })
    }
}

impl Checked {
    /// The report of rule sets that did not load (`--criteria`): their problems as TC001
    /// findings, with the files' texts for the lines they point at. No dossier was read, so the
    /// dossier part holds only those texts.
    #[must_use]
    pub fn of_rule_sets(broken: Broken) -> Checked {
        let findings = broken
            .problems
            .iter()
            .map(super::structure::criteria_finding)
            .collect();
        let sources = broken
            .texts
            .into_iter()
            .map(|(rel, text)| dossier::SourceText { rel, text })
            .collect();
        Checked {
            dossier: Dossier {
                sources,
                ..Dossier::default()
            },
            findings,
            rule_set: None,
            external_rule_set: None,
        }
    }
}

/// Read and check one dossier folder.
#[must_use]
pub fn check_dossier(root: &Path, on: &Against) -> Checked {
    check_store(&Folder::new(root), root.to_path_buf(), on)
}

/// Read and check one dossier from any store; `root` names it in messages. The office's
/// overrides are applied to the findings before they are sorted.
#[must_use]
pub fn check_store(store: &dyn Store, root: PathBuf, on: &Against) -> Checked {
    let (catalog, today) = (on.catalog, on.today);
    let mut sink = Sink::default();
    let mut d = dossier::load(store, root, &mut sink);
    let mut rule_set_text = Vec::new();
    let external = structure::external_rule_set(&d, store, catalog, &mut sink, &mut rule_set_text);
    d.sources.extend(rule_set_text);
    let rule_set;
    {
        let mut cx = Ctx {
            d: &d,
            store,
            rs: None,
            today,
            sink: &mut sink,
        };
        let rs = structure::check(&mut cx, catalog, external.as_ref());
        rule_set = rs.map(|r| r.id.clone());
        cx.rs = rs;
        nominees::check(&mut cx);
        fields::check(&mut cx);
        addressee::check(&mut cx);
        dates::check(&mut cx);
        symbols::check(&mut cx);
        votes::check(&mut cx);
        content::check(&mut cx);
        attachments::check(&mut cx);
        portable::check(&mut cx);
        signatures::check(&mut cx);
        text::check(&mut cx);
        places::check(&mut cx);
    }
    let mut findings = sink.finish();
    // Said where the bundle is made, not at every check (see `rules::scans`).
    if on.packing {
        findings.extend(super::scans::no_signed_scan(&d, store));
    }
    on.settle(&mut findings);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings.dedup();
    Checked {
        dossier: d,
        findings,
        rule_set,
        external_rule_set: external,
    }
}
