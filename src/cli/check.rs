//! `dossier check`: find the dossiers, check them in parallel, stream the report in order.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{CheckArgs, Color, Exit, Format};
use crate::criteria::Catalog;
use crate::date::Date;
use crate::diag::{Lang, Severity};
use crate::dossier::{discover, Dossier, SourceText};
use crate::render::{human::Human, json::Json, Item, Renderer, Style, Summary};
use crate::rules::check::{check_dossier, Checked};
use crate::rules::criteria_finding;

/// Dossiers checked at once before their findings are printed: enough to keep both cores busy,
/// few enough that memory does not grow with the size of the shared folder.
const BATCH: usize = 256;

fn say(err: &mut dyn Write, lang: Lang, vi: &str, en: &str) -> io::Result<()> {
    match lang {
        Lang::Vi => writeln!(err, "lỗi: {vi}"),
        Lang::En => writeln!(err, "error: {en}"),
    }
}

/// A path as the user should see it, with `/`.
fn shown(p: &Path) -> String {
    let s = p.display().to_string();
    let s = s.strip_prefix("./").unwrap_or(&s).to_owned();
    if std::path::MAIN_SEPARATOR == '\\' {
        s.replace('\\', "/")
    } else {
        s
    }
}

pub(super) fn run(
    a: &CheckArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let today = match &a.today {
        None => Date::today(),
        Some(t) => match Date::parse(t) {
            Ok(d) => d,
            Err(_) => {
                say(
                    err,
                    lang,
                    &format!("--today \"{t}\" không phải ngày YYYY-MM-DD"),
                    &format!("--today \"{t}\" is not a YYYY-MM-DD date"),
                )?;
                return Ok(Exit::Trouble);
            }
        },
    };
    let color = match a.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
        }
    };
    let style = Style {
        lang,
        color: color && a.format == Format::Human,
        quiet: a.quiet,
    };
    let mut renderer: Box<dyn Renderer> = match a.format {
        Format::Human => Box::new(Human::new(style)),
        Format::Json => Box::new(Json::new(style)),
    };
    let mut summary = Summary::default();

    let catalog = match &a.criteria {
        None => Catalog::builtin(),
        Some(p) => {
            if !p.exists() {
                say(
                    err,
                    lang,
                    &format!("không tìm thấy bộ tiêu chí \"{}\"", shown(p)),
                    &format!("rule set \"{}\" not found", shown(p)),
                )?;
                return Ok(Exit::Trouble);
            }
            Catalog::from_path(p)
        }
    };
    let catalog = match catalog {
        Ok(c) => c,
        Err(problems) => {
            // The rule set is reported like a dossier, so its findings show file and line.
            let mut sources = Vec::new();
            let mut findings = Vec::new();
            for p in &problems {
                if !sources.iter().any(|s: &SourceText| s.rel == p.file) {
                    if let Ok(text) = std::fs::read_to_string(&p.file) {
                        sources.push(SourceText {
                            rel: p.file.clone(),
                            text,
                        });
                    }
                }
                let mut f = criteria_finding(p);
                if let (Some(span), Some(src)) = (
                    f.primary.span.as_mut(),
                    sources.iter().find(|s| s.rel == p.file),
                ) {
                    *span = locate(&src.text, span.start.line, span.start.column);
                }
                findings.push(f);
            }
            let checked = Checked {
                dossier: Dossier {
                    sources,
                    ..Dossier::default()
                },
                findings,
            };
            summary.add(&checked.findings);
            renderer.dossier(
                out,
                &Item {
                    path: "",
                    checked: &checked,
                },
            )?;
            renderer.finish(out, &summary)?;
            return Ok(Exit::Findings);
        }
    };

    let mut dossiers: Vec<PathBuf> = Vec::new();
    for p in &a.paths {
        if !p.is_dir() {
            let (vi, en) = if p.exists() {
                (
                    format!(
                        "\"{}\" không phải thư mục; hãy chỉ tới thư mục hồ sơ (có tệp ho-so.yaml)",
                        shown(p)
                    ),
                    format!(
                        "\"{}\" is not a folder; give a dossier folder (one holding ho-so.yaml)",
                        shown(p)
                    ),
                )
            } else {
                (
                    format!("không tìm thấy thư mục \"{}\"", shown(p)),
                    format!("folder \"{}\" not found", shown(p)),
                )
            };
            say(err, lang, &vi, &en)?;
            return Ok(Exit::Trouble);
        }
        let found = discover::find(p);
        if found.is_empty() {
            say(
                err,
                lang,
                &format!(
                    "thư mục \"{}\" không chứa hồ sơ nào (một hồ sơ là thư mục có tệp ho-so.yaml)",
                    shown(p)
                ),
                &format!(
                    "folder \"{}\" holds no dossier (a dossier is a folder with ho-so.yaml)",
                    shown(p)
                ),
            )?;
            return Ok(Exit::Trouble);
        }
        dossiers.extend(found);
    }

    let mut failed = false;
    for batch in dossiers.chunks(BATCH) {
        let results: Vec<Checked> = batch
            .par_iter()
            .map(|d| check_dossier(d, &catalog, today))
            .collect();
        for (path, checked) in batch.iter().zip(&results) {
            summary.add(&checked.findings);
            failed |= checked.findings.iter().any(|f| {
                f.severity == Severity::Error
                    || (a.deny_warnings && f.severity == Severity::Warning)
            });
            let shown_path = shown(path);
            renderer.dossier(
                out,
                &Item {
                    path: &shown_path,
                    checked,
                },
            )?;
        }
    }
    renderer.finish(out, &summary)?;
    Ok(if failed { Exit::Findings } else { Exit::Clean })
}

/// A span at a line and column of a text (rule-set problems come with line and column only).
fn locate(text: &str, line: u32, column: u32) -> crate::source::Span {
    let mut byte = 0usize;
    for (n, l) in text.split_inclusive('\n').enumerate() {
        if n + 1 == line as usize {
            let off: usize = l
                .chars()
                .take(column.saturating_sub(1) as usize)
                .map(char::len_utf8)
                .sum();
            byte += off;
            break;
        }
        byte += l.len();
    }
    let start = crate::source::Pos {
        line,
        column,
        byte: crate::source::to_u32(byte),
    };
    crate::source::Span::at(start)
}
