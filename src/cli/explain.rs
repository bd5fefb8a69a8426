//! `dossier explain RULE` and `dossier rules`: the rule registry, for people and for tools.

use std::io::{self, Write};

use serde::Serialize;

use super::{Exit, ExplainArgs, Format, RulesArgs};
use crate::diag::{Lang, Severity};
use crate::rules::Rule;

#[derive(Serialize)]
struct JRule {
    id: &'static str,
    name: &'static str,
    severity: Severity,
    title: &'static str,
}

fn title(r: Rule, lang: Lang) -> &'static str {
    let i = r.info();
    match lang {
        Lang::Vi => i.title_vi,
        Lang::En => i.title_en,
    }
}

fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match (s, lang) {
        (Severity::Error, Lang::Vi) => "lỗi",
        (Severity::Warning, Lang::Vi) => "cảnh báo",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
    }
}

/// `dossier rules`.
pub(super) fn rules(a: &RulesArgs, lang: Lang, out: &mut dyn Write) -> io::Result<Exit> {
    match a.format {
        Format::Json => {
            let list: Vec<JRule> = Rule::ALL
                .iter()
                .map(|r| JRule {
                    id: r.info().id,
                    name: r.info().name,
                    severity: r.info().severity,
                    title: title(*r, lang),
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &list)?;
            writeln!(out)?;
        }
        Format::Human => {
            for r in Rule::ALL {
                let i = r.info();
                writeln!(
                    out,
                    "{}  {:<32} {:<9} {}",
                    i.id,
                    i.name,
                    severity_word(i.severity, lang),
                    title(*r, lang)
                )?;
            }
        }
    }
    Ok(Exit::Clean)
}

/// `dossier explain`.
pub(super) fn explain(
    a: &ExplainArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let chosen: Vec<Rule> = if a.all {
        Rule::ALL.to_vec()
    } else {
        let key = a.rule.as_deref().unwrap_or("");
        match Rule::find(key) {
            Some(r) => vec![r],
            None => {
                match lang {
                    Lang::Vi => writeln!(
                        err,
                        "lỗi: không có quy tắc \"{key}\"; xem danh sách bằng `dossier rules`"
                    )?,
                    Lang::En => writeln!(
                        err,
                        "error: no rule \"{key}\"; list them with `dossier rules`"
                    )?,
                }
                return Ok(Exit::Trouble);
            }
        }
    };
    match a.format {
        Format::Json => {
            let list: Vec<serde_json::Value> =
                chosen.iter().map(|r| explain_json(*r, lang)).collect();
            if a.all {
                serde_json::to_writer_pretty(&mut *out, &list)?;
            } else {
                serde_json::to_writer_pretty(&mut *out, &list[0])?;
            }
            writeln!(out)?;
        }
        Format::Human => {
            for (n, r) in chosen.iter().enumerate() {
                if n > 0 {
                    writeln!(out)?;
                }
                write!(out, "{}", explain_text(*r, lang))?;
            }
        }
    }
    Ok(Exit::Clean)
}

fn explain_json(r: Rule, lang: Lang) -> serde_json::Value {
    let i = r.info();
    serde_json::json!({
        "id": i.id,
        "name": i.name,
        "severity": i.severity,
        "title": title(r, lang),
    })
}

/// The text `explain` prints for a rule.
#[must_use]
pub(super) fn explain_text(r: Rule, lang: Lang) -> String {
    let i = r.info();
    format!(
        "{} ({}), {}: {}\n",
        i.id,
        i.name,
        severity_word(i.severity, lang),
        title(r, lang)
    )
}
