//! `OUT/bao-cao-tham-dinh.html`: the review on one self-contained page the office can keep or
//! print on A4: the verdict first in the office's words, a row per dossier (sender, proposal,
//! count, accepted or returned), the duplicates and prior awards, then each dossier's findings
//! as `check --format html` shows them (the same renderer, so a finding reads the same on the
//! clerk's page and on the office's).

use std::fmt::Write as _;

use crate::diag::{en_count, Lang, Msg};
use crate::msg;
use crate::render::html::{escape, shown_text, style_sheet, Html};
use crate::render::{Item, Renderer, Style};
use crate::text::file_name::shown_path;

use super::{table, Review, Status};

/// The page.
#[must_use]
pub fn page(review: &Review, lang: Lang) -> String {
    let say = |m: Msg| escape(m.get(lang));
    let total = review.dossiers.len();
    let returned = review.returned();
    let accepted = total - returned;
    let dups = review.duplicates.len();
    let prior = review.prior.len();
    let tone = if returned > 0 {
        "bad"
    } else if dups > 0 || prior > 0 {
        "warn"
    } else {
        "ok"
    };
    let verdict = if returned == 0 {
        msg!("Đã xem {total} hồ sơ: cả {total} hồ sơ được chấp nhận."; "Reviewed {}: all accepted.", en_count(total, "dossier", "dossiers"))
    } else {
        msg!("Đã xem {total} hồ sơ: {accepted} chấp nhận, {returned} trả lại."; "Reviewed {}: {accepted} accepted, {returned} returned.", en_count(total, "dossier", "dossiers"))
    };
    let title = msg!("Báo cáo thẩm định hồ sơ đề nghị khen thưởng"; "Review of the commendation proposals received");
    let mut b = String::new();
    let _ = write!(
        b,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<main>\n<h1 class=\"verdict {tone}\">{}</h1>\n",
        lang.code(),
        say(title.clone()),
        style_sheet(),
        say(verdict),
    );
    let _ = writeln!(b, "<p class=\"summary\">{}</p>", say(title));
    let mut more = Vec::new();
    if dups > 0 {
        more.push(msg!("{dups} trường hợp trùng hoặc có thể trùng giữa các hồ sơ"; "{} between dossiers", en_count(dups, "duplicate or possible duplicate", "duplicates or possible duplicates")));
    }
    if review.register.is_some() {
        more.push(msg!("{prior} đối tượng đã được khen cùng hình thức trong cùng phong trào (theo sổ khen thưởng)"; "{} already given the same form for the same campaign (by the register)", en_count(prior, "nominee", "nominees")));
    }
    if !more.is_empty() {
        let parts: Vec<String> = more.into_iter().map(say).collect();
        let _ = writeln!(b, "<p class=\"summary\">{}.</p>", parts.join("; "));
    }

    // The findings first, through the check's own page renderer, to know each section's anchor.
    let style = Style {
        lang,
        color: false,
        quiet: false,
    };
    let mut html = Html::new(style, true);
    let mut anchor: Vec<Option<usize>> = Vec::with_capacity(total);
    let mut rendered = 0;
    let mut sink = Vec::new();
    for d in &review.dossiers {
        match &d.checked {
            Some(checked) => {
                let path = shown_path(&d.source.path);
                let _ = html.dossier(
                    &mut sink,
                    &Item {
                        path: &path,
                        checked,
                    },
                );
                anchor.push(Some(rendered));
                rendered += 1;
            }
            None => anchor.push(None),
        }
    }
    let sections = html.take_sections();

    let _ = writeln!(
        b,
        "<table class=\"dossiers\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th>{}</th></tr></thead>\n<tbody>",
        say(msg!("Hồ sơ"; "Dossier")),
        say(msg!("Nơi đề nghị"; "Sender")),
        say(msg!("Tờ trình"; "Proposal")),
        say(msg!("Đề nghị"; "Nominees")),
        say(msg!("Lỗi"; "Errors")),
        say(msg!("Cảnh báo"; "Warnings")),
        say(msg!("Kết quả"; "Result")),
    );
    for (i, d) in review.dossiers.iter().enumerate() {
        let path = shown_text(&shown_path(&d.source.path));
        let link = match anchor[i] {
            Some(a) => format!("<a href=\"#hs-{a}\">{path}</a>"),
            None => path,
        };
        let p = &d.proposal;
        let mut number = shown_text(&p.number);
        if let Some(day) = p.date {
            let _ = write!(number, " ({})", day.dmy());
        }
        let (class, result) = match d.status {
            Status::Accepted => ("ok", escape(table::status_word(d.status, lang))),
            Status::Returned => (
                "bad",
                format!(
                    "{}: {}",
                    escape(table::status_word(d.status, lang)),
                    shown_text(&table::why_returned(d, lang))
                ),
            ),
        };
        let _ = writeln!(
            b,
            "<tr class=\"{class}\"><td>{link}</td><td>{}</td><td>{number}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{result}</td></tr>",
            shown_text(&p.sender),
            d.people.len(),
            d.errors,
            d.warnings,
        );
    }
    b.push_str("</tbody>\n</table>\n");

    let who = |(d, n): (usize, usize)| -> String {
        let r = &review.dossiers[d];
        let sender = if r.proposal.sender.is_empty() {
            shown_path(&r.source.path)
        } else {
            r.proposal.sender.clone()
        };
        format!(
            "{} ({}, <code>{}</code>)",
            shown_text(&r.people[n].name),
            shown_text(&sender),
            shown_text(&shown_path(&r.source.path))
        )
    };
    if !review.duplicates.is_empty() {
        let _ = writeln!(
            b,
            "<section class=\"dossier\">\n<h2>{}</h2>\n<ul>",
            say(msg!("Trùng lặp giữa các hồ sơ"; "Duplicates between dossiers"))
        );
        for g in &review.duplicates {
            let kind = if g.exact {
                msg!("Cùng một đối tượng"; "The same nominee")
            } else {
                msg!("Có thể trùng (tên gần giống, cùng năm sinh)"; "Perhaps the same (names alike, born the same year)")
            };
            let names: Vec<String> = g.who.iter().map(|&a| who(a)).collect();
            let _ = writeln!(
                b,
                "<li><strong>{}:</strong> {}</li>",
                say(kind),
                names.join("; ")
            );
        }
        b.push_str("</ul>\n</section>\n");
    }
    if let Some(reg) = &review.register {
        let _ = writeln!(
            b,
            "<section class=\"dossier\">\n<h2>{}</h2>",
            say(msg!("Đối chiếu sổ khen thưởng"; "Checked against the register of awards"))
        );
        if review.prior.is_empty() {
            let _ = writeln!(
                b,
                "<p>{}</p>",
                say(
                    msg!("Không ai đã được tặng cùng hình thức trong cùng phong trào."; "Nobody was already given the same form for the same campaign.")
                )
            );
        } else {
            b.push_str("<ul>\n");
            for p in &review.prior {
                let a = &reg.awards[p.award];
                let on = a.decided.map(|d| d.dmy()).unwrap_or_else(|| "…".to_owned());
                let (form, no) = (&a.form, &a.decision);
                let m = msg!("đã được tặng \"{form}\", Quyết định số {no} ngày {on} ({})", a.place.vi;
                             "already given \"{form}\", decision {no} of {on} ({})", a.place.en);
                let _ = writeln!(b, "<li>{}: {}</li>", who(p.at), shown_text(m.get(lang)));
            }
            b.push_str("</ul>\n");
        }
        b.push_str("</section>\n");
    }
    for d in review.dossiers.iter().filter(|d| d.checked.is_none()) {
        let why = d
            .unreadable
            .as_ref()
            .map(|m| m.get(lang).to_owned())
            .unwrap_or_default();
        let _ = writeln!(
            b,
            "<section class=\"dossier\">\n<h2>{} <span class=\"path\">{}</span></h2>\n<p class=\"counts\">{}</p>\n</section>",
            say(msg!("Gói"; "Bundle")),
            shown_text(&shown_path(&d.source.path)),
            shown_text(&why),
        );
    }
    b.push_str(&sections);
    let _ = writeln!(
        b,
        "</main>\n<footer>{} dossier {}</footer>\n</body>\n</html>",
        say(msg!("Lập bởi"; "Made by")),
        env!("CARGO_PKG_VERSION")
    );
    b
}
