//! `dossier explain RULE` and `dossier rules`: the rule registry, for people and for tools.

use std::io::{self, Write};

use serde::Serialize;

use super::setup::{self, Start};
use super::{DocFormat as Format, Exit, ExplainArgs, RulesArgs};
use crate::config::{Config, Level};
use crate::criteria::RuleSet;
use crate::diag::{Lang, Msg, Severity};
use crate::msg;
use crate::rules::basis;
use crate::rules::docs::docs;
use crate::rules::Rule;
use crate::text::file_name::shown_path as shown;

#[derive(Serialize)]
struct JRule {
    id: &'static str,
    name: &'static str,
    severity: Severity,
    title: String,
}

fn title(r: Rule, lang: Lang) -> String {
    let i = r.info();
    Msg::new(i.title_vi, i.title_en).get(lang).to_owned()
}

fn severity_word(s: Severity) -> Msg {
    match s {
        Severity::Error => msg!("lỗi"; "error"),
        Severity::Warning => msg!("cảnh báo"; "warning"),
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
                    severity_word(i.severity).get(lang),
                    title(*r, lang)
                )?;
            }
        }
    }
    Ok(Exit::Clean)
}

/// The rule a mistyped id or name most likely meant: the number written short or long (`go9`,
/// `GO0009`), a zero typed for the letter O (`G0009`), a space or dash inside (`GO-009`), or a
/// name a few letters off. None when nothing is close.
fn near_rule(key: &str) -> Option<Rule> {
    let k: String = key
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.'))
        .flat_map(char::to_uppercase)
        .collect();
    let letters: String = k.chars().take_while(char::is_ascii_alphabetic).collect();
    let digits = &k[letters.len()..];
    let mut tries: Vec<(String, &str)> = vec![(letters.clone(), digits)];
    // G0009: the first zero was the O of GO.
    if let Some(rest) = digits.strip_prefix('0') {
        tries.push((format!("{letters}O"), rest));
    }
    for (l, d) in tries {
        if l.is_empty() || d.is_empty() || !d.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let Ok(n) = d.parse::<u32>() else { continue };
        if let Some(r) = Rule::find(&format!("{l}{n:03}")) {
            return Some(r);
        }
    }
    let names: Vec<&str> = Rule::ALL.iter().map(|r| r.info().name).collect();
    let lower = key.trim().to_lowercase();
    crate::text::suggest::did_you_mean(&lower, &names).and_then(Rule::find)
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
                let m = if key.trim().is_empty() {
                    msg!(
                        "chưa ghi mã quy tắc (để trống), ví dụ: dossier explain NG002; xem danh sách bằng lệnh dossier rules";
                        "no rule given (it is empty), e.g. dossier explain NG002; list them with dossier rules"
                    )
                } else if let Some(r) = near_rule(key) {
                    let (id, vi, en) = (r.info().id, r.info().title_vi, r.info().title_en);
                    msg!(
                        "không có quy tắc \"{key}\"; có phải là quy tắc {id}, \"{vi}\"? Xem bằng lệnh dossier explain {id}, danh sách mọi quy tắc bằng lệnh dossier rules";
                        "no rule \"{key}\"; did you mean rule {id}, \"{en}\"? See it with dossier explain {id}, every rule with dossier rules"
                    )
                } else {
                    msg!(
                        "không có quy tắc \"{key}\"; xem danh sách bằng lệnh dossier rules";
                        "no rule \"{key}\"; list them with dossier rules"
                    )
                };
                super::say_error(err, lang, &m)?;
                return Ok(Exit::Trouble);
            }
        }
    };
    // The office's settings are looked for from where the clerk stands, as for a dossier there.
    let Start {
        today,
        catalog,
        config,
    } = match setup::start(&a.settings, std::path::Path::new("."), lang, out, err)? {
        Ok(s) => s,
        Err(exit) => return Ok(exit),
    };
    let rs = match &a.phong_trao {
        Some(id) => match super::criteria::rule_set_or_say(&catalog, id, lang, err)? {
            Some(rs) => Some((rs, false)),
            None => return Ok(Exit::Trouble),
        },
        None => catalog.in_force(today).next().map(|rs| (rs, true)),
    };
    match a.format {
        Format::Json => {
            let list: Vec<serde_json::Value> = chosen
                .iter()
                .map(|r| {
                    let mut v = explain_json(*r, &config, lang);
                    if let Some((rs, _)) = rs {
                        v["rule_set"] = bases_json(*r, rs, lang);
                    }
                    v
                })
                .collect();
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
                write!(
                    out,
                    "{}",
                    explain_text(*r, rs.map(|(rs, _)| rs), &config, lang)
                )?;
                if let Some((rs, today_s)) = rs {
                    write!(out, "{}", bases_text(*r, rs, today_s, lang))?;
                }
            }
        }
    }
    Ok(Exit::Clean)
}

/// The rule's basis in one rule set, as a section after the fixed ones.
fn bases_text(r: Rule, rs: &RuleSet, chosen_by_date: bool, lang: Lang) -> String {
    let bases = basis::of(r, rs);
    if bases.is_empty() {
        return String::new();
    }
    let why = if chosen_by_date {
        msg!(" (thủ tục đang áp dụng hôm nay; bộ khác: --phong-trao)";
             " (the procedure in force today; another: --phong-trao)")
    } else {
        msg!(""; "")
    };
    let id = &rs.id;
    let mut lines = vec![msg!(
        "\nCăn cứ trong bộ quy tắc {id}{}\n", why.vi;
        "\nBasis in rule set {id}{}\n", why.en
    )];
    if bases.iter().any(|b| b.reading) {
        lines.push(msg!(
            "  (ở bộ quy tắc này, phát hiện dựa trên quy định đánh dấu [diễn giải của dự án] chỉ là cảnh báo, không phải lỗi)\n";
            "  (under this rule set, findings that rest on a setting marked [the project's reading] are warnings, not errors)\n"
        ));
    }
    for b in bases {
        let reading = if b.reading {
            msg!(" [diễn giải của dự án: chỉ cảnh báo]"; " [the project's reading: warnings only]")
        } else {
            msg!(""; "")
        };
        // The rule set's citations exist in Vietnamese only: quoted as such in English.
        let (what, text) = (&b.what, &b.text);
        lines.push(msg!(
            "  {}: {text}{}\n", what.vi, reading.vi;
            "  {}, as the rule set cites it (in Vietnamese): \"{text}\"{}\n", what.en, reading.en
        ));
    }
    lines.iter().map(|l| l.get(lang)).collect()
}

fn bases_json(r: Rule, rs: &RuleSet, lang: Lang) -> serde_json::Value {
    serde_json::json!({
        "id": rs.id,
        "severity": level_in(r, rs).0,
        "bases": basis::of(r, rs).iter().map(|b| serde_json::json!({
            "setting": b.what.get(lang),
            "basis": b.text,
            "project_reading": b.reading,
        })).collect::<Vec<_>>(),
    })
}

fn explain_json(r: Rule, office: &Config, lang: Lang) -> serde_json::Value {
    let i = r.info();
    let d = docs(r);
    let (what, why, fix) = (d.what(), d.why(), d.fix());
    let (what, why, fix) = (what.get(lang), why.get(lang), fix.get(lang));
    let office_level = office.overrides.get(&r).map(|l| match l {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Off => "off",
    });
    let mut v = serde_json::json!({
        "id": i.id,
        "name": i.name,
        "severity": i.severity,
        "title": title(r, lang),
        "what": what,
        "why": why,
        "basis": d.basis().get(lang),
        "example": d.example().get(lang),
        "fix": fix,
    });
    // Only where the office's settings change the rule: the rest of the output is as it was.
    if let Some(l) = office_level {
        v["office_severity"] = l.into();
    }
    v
}

/// The level of a rule's findings under a rule set: its default, unless every setting the
/// rule rests on there is marked as the project's reading, when its findings are warnings
/// (`Finding::on_reading`); and whether some, not all, of them are.
fn level_in(r: Rule, rs: &RuleSet) -> (Severity, bool) {
    let bases = basis::of(r, rs);
    let reading = bases.iter().filter(|b| b.reading).count();
    if reading > 0 && reading == bases.len() {
        (Severity::Warning, false)
    } else {
        (r.info().severity, reading > 0)
    }
}

/// The "Mức mặc định" line: the rule's level, under a rule set the level it has there, and the
/// level the office's settings give it, as `check` would report it there.
fn level_text(r: Rule, rs: Option<&RuleSet>, office: &Config, lang: Lang) -> String {
    let mut line = rule_set_level(r, rs, lang);
    if let Some(level) = office.overrides.get(&r) {
        let file = office
            .path
            .as_deref()
            .map_or_else(|| crate::config::FILE_NAME.to_owned(), shown);
        let word = match level {
            Level::Error => severity_word(Severity::Error),
            Level::Warning => severity_word(Severity::Warning),
            Level::Off => msg!("tắt, không báo"; "off, not reported"),
        };
        let m = msg!("; theo cài đặt của văn phòng ({file}): {}", word.vi;
                     "; under the office's settings ({file}): {}", word.en);
        line.push_str(m.get(lang));
    }
    line
}

/// The rule's level, and under a rule set, the level it has there.
fn rule_set_level(r: Rule, rs: Option<&RuleSet>, lang: Lang) -> String {
    let default = r.info().severity;
    let Some(rs) = rs else {
        return severity_word(default).get(lang).to_owned();
    };
    let id = &rs.id;
    let (level, some_reading) = level_in(r, rs);
    let (now, was) = (severity_word(level), severity_word(default));
    let m = if level != default {
        msg!(
            "{} ở bộ quy tắc {id}, vì quy định mà quy tắc dựa vào là diễn giải của dự án (mức của quy tắc khi quy định đã đối chiếu với văn bản: {})", now.vi, was.vi;
            "{} under rule set {id}, since the setting it rests on is the project's reading (the rule's level where the setting is verified: {})", now.en, was.en
        )
    } else if some_reading {
        msg!(
            "{}; ở bộ quy tắc {id}, phát hiện dựa trên quy định là diễn giải của dự án chỉ là cảnh báo", now.vi;
            "{}; under rule set {id}, findings that rest on a setting that is the project's reading are warnings", now.en
        )
    } else {
        now
    };
    m.get(lang).to_owned()
}

/// The rule set the fixed texts were written from: their basis cites its plan.
const FIRST_RULE_SET: &str = "covid19-hoa-lu-2021";

/// The text `explain` prints for a rule: fixed sections, so a clerk knows where to look.
/// Under another rule set than the Hoa Lư campaign's, a basis that cites the Hoa Lư plan is
/// said to be that campaign's, and the rule set's own basis is pointed to.
pub(super) fn explain_text(r: Rule, rs: Option<&RuleSet>, office: &Config, lang: Lang) -> String {
    let i = r.info();
    let d = docs(r);
    let heads = [
        msg!("Quy tắc kiểm tra gì"; "What it checks"),
        msg!("Vì sao"; "Why"),
        msg!("Căn cứ"; "Legal basis"),
        msg!("Ví dụ sai"; "Failing example"),
        msg!("Cách sửa"; "How to fix"),
        msg!("Mức mặc định"; "Default severity"),
    ];
    let heads = heads.each_ref().map(|h| h.get(lang));
    // The texts hold no backquotes (a test in crate::rules::docs sees to it): shown as written.
    let (what, why, fix) = (d.what(), d.why(), d.fix());
    let (what, why, fix) = (what.get(lang), why.get(lang), fix.get(lang));
    let (example, basis) = (d.example(), d.basis());
    let example: String = example
        .get(lang)
        .lines()
        .map(|l| format!("    {l}\n"))
        .collect();
    let basis = match rs.filter(|rs| rs.id != FIRST_RULE_SET && d.basis.contains("Hoa Lư")) {
        Some(rs) => {
            let (id, first) = (&rs.id, FIRST_RULE_SET);
            let own = if basis::of(r, rs).is_empty() {
                msg!("Bộ quy tắc {id} không ghi căn cứ riêng cho quy tắc này."; "Rule set {id} cites no basis of its own for this rule.")
            } else {
                msg!("Căn cứ ở bộ quy tắc {id}: xem mục cuối."; "The basis under rule set {id}: see the last section.")
            };
            msg!(
                "Ở phong trào của huyện Hoa Lư (bộ quy tắc {first}): {}\n  {}", basis.vi, own.vi;
                "In the Hoa Lư campaign (rule set {first}): {}\n  {}", basis.en, own.en
            )
        }
        None => basis,
    };
    let basis = basis.get(lang);
    format!(
        "{id} ({name}): {title}\n{h5}: {sev}\n\n{h0}\n  {what}\n\n{h1}\n  {why}\n\n{h2}\n  {basis}\n\n{h3}\n{example}\n{h4}\n  {fix}\n",
        id = i.id,
        name = i.name,
        title = title(r, lang),
        sev = level_text(r, rs, office, lang),
        h0 = heads[0],
        h1 = heads[1],
        h2 = heads[2],
        h3 = heads[3],
        h4 = heads[4],
        h5 = heads[5],
        basis = basis,
    )
}
