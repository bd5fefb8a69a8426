//! `dossier explain RULE` and `dossier rules`: the rule registry, for people and for tools.

use std::io::{self, Write};

use serde::Serialize;

use super::check::{catalog_or_report, today_or_report};
use super::{DocFormat as Format, Exit, ExplainArgs, RulesArgs};
use crate::criteria::RuleSet;
use crate::diag::{Lang, Severity};
use crate::rules::basis;
use crate::rules::docs::docs;
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
    let Some(today) = today_or_report(a.today.as_deref(), lang, err)? else {
        return Ok(Exit::Trouble);
    };
    let catalog = match catalog_or_report(a.criteria.as_deref(), lang, out, err)? {
        Ok(c) => c,
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
                    let mut v = explain_json(*r, lang);
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
                write!(out, "{}", explain_text(*r, lang))?;
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
    let why = match (chosen_by_date, lang) {
        (true, Lang::Vi) => " (thủ tục đang áp dụng hôm nay; bộ khác: --phong-trao)",
        (true, Lang::En) => " (the procedure in force today; another: --phong-trao)",
        (false, _) => "",
    };
    let mut s = match lang {
        Lang::Vi => format!("\nCăn cứ trong bộ quy tắc {}{}\n", rs.id, why),
        Lang::En => format!("\nBasis in rule set {}{}\n", rs.id, why),
    };
    if bases.iter().any(|b| b.reading) {
        s.push_str(match lang {
            Lang::Vi => "  (ở bộ quy tắc này, phát hiện dựa trên quy định đánh dấu [diễn giải của dự án] chỉ là cảnh báo, không phải lỗi)\n",
            Lang::En => "  (under this rule set, findings that rest on a setting marked [the project's reading] are warnings, not errors)\n",
        });
    }
    for b in bases {
        let reading = match (b.reading, lang) {
            (true, Lang::Vi) => " [diễn giải của dự án: chỉ cảnh báo]",
            (true, Lang::En) => " [the project's reading: warnings only]",
            (false, _) => "",
        };
        s.push_str(&format!("  {}: {}{}\n", b.what.get(lang), b.text, reading));
    }
    s
}

fn bases_json(r: Rule, rs: &RuleSet, lang: Lang) -> serde_json::Value {
    serde_json::json!({
        "id": rs.id,
        "bases": basis::of(r, rs).iter().map(|b| serde_json::json!({
            "setting": b.what.get(lang),
            "basis": b.text,
            "project_reading": b.reading,
        })).collect::<Vec<_>>(),
    })
}

fn explain_json(r: Rule, lang: Lang) -> serde_json::Value {
    let i = r.info();
    let d = docs(r);
    let (what, why, fix) = match lang {
        Lang::Vi => (d.what_vi, d.why_vi, d.fix_vi),
        Lang::En => (d.what_en, d.why_en, d.fix_en),
    };
    serde_json::json!({
        "id": i.id,
        "name": i.name,
        "severity": i.severity,
        "title": title(r, lang),
        "what": what,
        "why": why,
        "basis": d.basis,
        "example": d.example,
        "fix": fix,
    })
}

/// The text `explain` prints for a rule: fixed sections, so a clerk knows where to look.
pub(super) fn explain_text(r: Rule, lang: Lang) -> String {
    let i = r.info();
    let d = docs(r);
    let (heads, what, why, fix) = match lang {
        Lang::Vi => (
            [
                "Quy tắc kiểm tra gì",
                "Vì sao",
                "Căn cứ",
                "Ví dụ sai",
                "Cách sửa",
                "Mức mặc định",
            ],
            d.what_vi,
            d.why_vi,
            d.fix_vi,
        ),
        Lang::En => (
            [
                "What it checks",
                "Why",
                "Legal basis",
                "Failing example",
                "How to fix",
                "Default severity",
            ],
            d.what_en,
            d.why_en,
            d.fix_en,
        ),
    };
    // Backticks are programmer notation; a clerk reads names in quotation marks.
    let plain = |t: &str| match lang {
        Lang::Vi => t.replace('`', "\""),
        Lang::En => t.to_owned(),
    };
    let (what, why, fix) = (plain(what), plain(why), plain(fix));
    let example: String = d
        .example
        .lines()
        .map(|l| match (lang, l.strip_prefix("# tệp: ")) {
            (Lang::En, Some(file)) => format!("    # file: {file}\n"),
            _ => format!("    {l}\n"),
        })
        .collect();
    let basis = match lang {
        Lang::Vi => d.basis.to_owned(),
        Lang::En => basis_en(d.basis),
    };
    format!(
        "{id} ({name}): {title}\n{h5}: {sev}\n\n{h0}\n  {what}\n\n{h1}\n  {why}\n\n{h2}\n  {basis}\n\n{h3}\n{example}\n{h4}\n  {fix}\n",
        id = i.id,
        name = i.name,
        title = title(r, lang),
        sev = severity_word(i.severity, lang),
        h0 = heads[0],
        h1 = heads[1],
        h2 = heads[2],
        h3 = heads[3],
        h4 = heads[4],
        h5 = heads[5],
        basis = basis,
    )
}

/// A rule's basis for English readers: the names of the documents cited, in English; the
/// citations themselves (numbers, articles) are unchanged.
fn basis_en(vi: &str) -> String {
    const PHRASES: &[(&str, &str)] = &[
        ("Mẫu hồ sơ phiên bản 1", "Dossier format version 1"),
        ("Định dạng bộ tiêu chí", "Rule-set format"),
        (
            "Luật Thi đua, khen thưởng số",
            "Law on Emulation and Commendation No.",
        ),
        ("Nghị định số", "Decree No."),
        ("Hướng dẫn số", "Guidance No."),
        (
            "Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư",
            "the Hoa Lư district plan for the COVID-19 emulation campaign",
        ),
        (
            "Quy tắc đặt dấu thanh trong chữ quốc ngữ",
            "the tone-mark rules of Vietnamese spelling",
        ),
        ("văn bản dùng chữ Unicode theo", "texts in Unicode as in"),
        ("thủ tục đơn giản", "simplified procedure"),
        ("thành phần hồ sơ", "components of the dossier"),
        ("Phụ lục", "Appendix"),
        ("Điều", "Article"),
        ("khoản", "clause"),
        ("Mục", "Section"),
        ("mục", "section"),
        ("và", "and"),
    ];
    let mut out = vi.to_owned();
    for (from, to) in PHRASES {
        out = out.replace(from, to);
    }
    out
}
