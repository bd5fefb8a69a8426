//! The JSON format: one document for the whole run, written as dossiers are checked.
//!
//! Schema (version 1; documented in README.md):
//! `{"version":1,"tool":..,"lang":..,"dossiers":[{"path":..,"campaign":..,"findings":[..],
//! "summary":{"errors":n,"warnings":n}}],"summary":{..}}`; each finding has `rule`, `name`,
//! `severity`, `file`, `line`, `column` (1-based, characters; null when the finding is about a
//! whole file), `message`, `help`, `notes` and `related` places. Messages are in the chosen
//! language.

use std::io::{self, Write};

use serde::Serialize;

use super::{Item, Renderer, Style, Summary};
use crate::diag::{Finding, Lang, Severity};

/// Writes the JSON document.
pub struct Json {
    style: Style,
    started: bool,
    first: bool,
}

impl Json {
    /// A renderer with these options.
    #[must_use]
    pub fn new(style: Style) -> Self {
        Json {
            style,
            started: false,
            first: true,
        }
    }

    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            let lang = self.style.lang.code();
            write!(
                out,
                "{{\"version\":1,\"tool\":\"dossier {}\",\"lang\":\"{}\",\"dossiers\":[",
                env!("CARGO_PKG_VERSION"),
                lang
            )?;
        }
        Ok(())
    }
}

#[derive(Serialize)]
struct JDossier<'a> {
    path: &'a str,
    campaign: Option<&'a str>,
    findings: Vec<JFinding<'a>>,
    summary: JCounts,
}

#[derive(Serialize)]
struct JCounts {
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct JFinding<'a> {
    rule: &'static str,
    name: &'static str,
    severity: Severity,
    file: &'a str,
    line: Option<u32>,
    column: Option<u32>,
    message: &'a str,
    help: Option<&'a str>,
    notes: Vec<&'a str>,
    related: Vec<JPlace<'a>>,
}

#[derive(Serialize)]
struct JPlace<'a> {
    file: &'a str,
    line: Option<u32>,
    column: Option<u32>,
    message: Option<&'a str>,
}

fn finding(f: &Finding, lang: Lang) -> JFinding<'_> {
    let info = f.rule.info();
    JFinding {
        rule: info.id,
        name: info.name,
        severity: f.severity,
        file: &f.primary.file,
        line: f.primary.span.map(|s| s.start.line),
        column: f.primary.span.map(|s| s.start.column),
        message: f.message.get(lang),
        help: f.help.as_ref().map(|h| h.get(lang)),
        notes: f.notes.iter().map(|n| n.get(lang)).collect(),
        related: f
            .secondary
            .iter()
            .map(|s| JPlace {
                file: &s.file,
                line: s.span.map(|p| p.start.line),
                column: s.span.map(|p| p.start.column),
                message: s.note.as_ref().map(|n| n.get(lang)),
            })
            .collect(),
    }
}

impl Renderer for Json {
    fn dossier(&mut self, out: &mut dyn Write, item: &Item<'_>) -> io::Result<()> {
        self.start(out)?;
        let fs = &item.checked.findings;
        let errors = fs.iter().filter(|f| f.severity == Severity::Error).count();
        let d = JDossier {
            path: item.path,
            campaign: item
                .checked
                .dossier
                .ho_so
                .as_ref()
                .and_then(|h| h.phong_trao.as_ref())
                .map(|p| p.v.as_str()),
            findings: fs.iter().map(|f| finding(f, self.style.lang)).collect(),
            summary: JCounts {
                errors,
                warnings: fs.len() - errors,
            },
        };
        if !self.first {
            out.write_all(b",")?;
        }
        self.first = false;
        serde_json::to_writer(&mut *out, &d)?;
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        self.start(out)?;
        #[derive(Serialize)]
        struct JSummary<'a> {
            dossiers: usize,
            with_errors: usize,
            with_warnings: usize,
            errors: usize,
            warnings: usize,
            by_rule: &'a std::collections::BTreeMap<&'static str, usize>,
        }
        write!(out, "],\"summary\":")?;
        serde_json::to_writer(
            &mut *out,
            &JSummary {
                dossiers: s.dossiers,
                with_errors: s.with_errors,
                with_warnings: s.with_warnings,
                errors: s.errors,
                warnings: s.warnings,
                by_rule: &s.by_rule,
            },
        )?;
        writeln!(out, "}}")?;
        Ok(())
    }
}
