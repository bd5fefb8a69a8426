//! Output formats. Only renderers write to stdout; each gets the dossiers one at a time, in
//! order, as they are checked, so a run over thousands of dossiers streams its report instead
//! of holding it.

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::diag::{en_count, Finding, Lang, Severity};
use crate::msg;
use crate::rules::check::Checked;

/// Counts over a whole run.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Dossiers checked.
    pub dossiers: usize,
    /// Dossiers with at least one error.
    pub with_errors: usize,
    /// Dossiers with warnings but no error.
    pub with_warnings: usize,
    /// Errors in all.
    pub errors: usize,
    /// Warnings in all.
    pub warnings: usize,
    /// Findings per rule id.
    pub by_rule: BTreeMap<&'static str, usize>,
}

impl Summary {
    /// The closing line every report format prints in its own way.
    #[must_use]
    pub fn line(&self, lang: Lang) -> String {
        let (d, e, w) = (self.dossiers, self.errors, self.warnings);
        let (with_e, with_w) = (self.with_errors, self.with_warnings);
        let m = msg!(
            "Đã kiểm tra {d} hồ sơ: {with_e} hồ sơ có lỗi, {with_w} hồ sơ chỉ có cảnh báo; tổng cộng {e} lỗi, {w} cảnh báo.";
            "Checked {}: {with_e} with errors, {with_w} with warnings only; {}, {} in all.",
            en_count(d, "dossier", "dossiers"), en_count(e, "error", "errors"), en_count(w, "warning", "warnings")
        );
        m.get(lang).to_owned()
    }

    /// Count one dossier's findings.
    pub fn add(&mut self, findings: &[Finding]) {
        self.dossiers += 1;
        let e = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let w = findings.len() - e;
        self.errors += e;
        self.warnings += w;
        if e > 0 {
            self.with_errors += 1;
        } else if w > 0 {
            self.with_warnings += 1;
        }
        for f in findings {
            *self.by_rule.entry(f.rule.info().id).or_default() += 1;
        }
    }
}

/// `dossier/file` with `/`: the dossier alone for an empty file name, the file alone when it is
/// absolute or the dossier is the current folder. Every format names a file the same way.
#[must_use]
pub fn join(dossier: &str, file: &str) -> String {
    if file.is_empty() {
        dossier.to_owned()
    } else if file.starts_with('/') || dossier.is_empty() || dossier == "." {
        file.to_owned()
    } else {
        format!("{}/{}", dossier.trim_end_matches('/'), file)
    }
}

/// `path:line:col`, or the path alone for a finding about a whole file.
pub fn place(dossier: &str, file: &str, span: Option<crate::source::Span>) -> String {
    let path = join(dossier, file);
    match span {
        Some(sp) => format!("{path}:{}:{}", sp.start.line, sp.start.column),
        None => path,
    }
}

/// One dossier, ready to print.
pub struct Item<'a> {
    /// The dossier path as the user should see it.
    pub path: &'a str,
    /// The result.
    pub checked: &'a Checked,
}

/// An output format.
pub trait Renderer {
    /// Print one dossier.
    fn dossier(&mut self, out: &mut dyn Write, item: &Item<'_>) -> io::Result<()>;
    /// Print anything that comes after all dossiers.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
    /// Print the whole report of rule sets that did not load (`--criteria`, named `name`):
    /// no dossier was checked. The machine formats keep their one shape (an entry with an
    /// empty path); a format read by people says what was checked instead.
    fn rule_sets(
        &mut self,
        out: &mut dyn Write,
        item: &Item<'_>,
        summary: &Summary,
        name: &str,
    ) -> io::Result<()> {
        let _ = name;
        self.dossier(out, item)?;
        self.finish(out, summary)
    }
}

/// Options every renderer may use.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Language.
    pub lang: Lang,
    /// ANSI colour.
    pub color: bool,
    /// Only dossiers with errors (human).
    pub quiet: bool,
}
