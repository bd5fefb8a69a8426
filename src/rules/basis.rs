//! The legal basis of a rule as one rule set applies it: the article the rule set cites for the
//! setting the rule checks (the components, a threshold, a period, the standards), so that
//! `dossier explain` quotes what the clerk's own procedure says rather than a general text.

use crate::criteria::RuleSet;
use crate::diag::Msg;
use crate::msg;
use crate::rules::Rule;

/// One basis: which setting, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Basis {
    /// The setting ("biên bản họp Hội đồng", "the council's minutes").
    pub what: Msg,
    /// What the rule set cites for it.
    pub text: String,
    /// The setting is the project's reading (its findings are warnings).
    pub reading: bool,
}

fn one(what: Msg, text: &str, reading: bool) -> Basis {
    Basis {
        what,
        text: text.to_owned(),
        reading,
    }
}

/// The bases of `rule` in `rs`; empty when the rule does not depend on the rule set's data.
#[must_use]
pub fn of(rule: Rule, rs: &RuleSet) -> Vec<Basis> {
    let p = &rs.procedure;
    match rule {
        Rule::HS001 => vec![
            one(
                msg!("tờ trình kèm danh sách"; "the proposal with its list"),
                &p.proposal.can_cu,
                p.proposal.reading,
            ),
            one(
                msg!("biên bản họp Hội đồng"; "the council's minutes"),
                &p.minutes.can_cu,
                p.minutes.reading,
            ),
            one(
                msg!("báo cáo thành tích"; "the achievement reports"),
                &p.reports.can_cu,
                p.reports.reading,
            ),
        ],
        Rule::ND001 => vec![one(
            msg!("báo cáo thành tích"; "the achievement reports"),
            &p.reports.can_cu,
            p.reports.reading,
        )],
        Rule::ND002 => vec![one(
            if p.confirmation.required {
                msg!("xác nhận của báo cáo (bắt buộc)"; "the reports' confirmation (required)")
            } else {
                msg!("xác nhận của báo cáo (không bắt buộc: quy tắc này không áp dụng)"; "the reports' confirmation (not required: this rule does not apply)")
            },
            &p.confirmation.can_cu,
            p.confirmation.reading,
        )],
        Rule::HS008 | Rule::HS009 | Rule::HS010 => {
            vec![one(msg!("bộ quy tắc"; "the rule set"), &rs.can_cu, false)]
        }
        Rule::HS012 | Rule::ND005 => rs
            .award_kinds
            .iter()
            .filter(|k| rule == Rule::HS012 || k.needs_recognition)
            .map(|k| {
                one(
                    msg!("loại khen {}", k.id; "kind of award {}", k.id),
                    &k.can_cu,
                    k.reading,
                )
            })
            .collect(),
        Rule::HS023 => rs
            .unread
            .iter()
            .map(|u| {
                one(
                    msg!("văn bản chưa đối chiếu, từ {}", u.from.dmy(); "a text not read, from {}", u.from),
                    &u.can_cu,
                    true,
                )
            })
            .collect(),
        Rule::HS016 => rs
            .validity
            .iter()
            .map(|v| {
                one(
                    msg!("thời gian áp dụng"; "period of validity"),
                    &v.can_cu,
                    v.from_reading || v.to_reading,
                )
            })
            .collect(),
        Rule::NG006 => match rs.thanh_tich_tu {
            Some(d) => vec![one(
                msg!("thành tích tính từ {}", d.dmy(); "achievements count from {}", d),
                &rs.thanh_tich_tu_can_cu,
                false,
            )],
            None => Vec::new(),
        },
        Rule::BB003 | Rule::BB004 => {
            let t = if rule == Rule::BB003 {
                &rs.voting.quorum
            } else {
                &rs.voting.approval
            };
            match t {
                Some(t) => vec![one(
                    if rule == Rule::BB003 {
                        msg!("ngưỡng có mặt {}", t.ratio.fraction(); "quorum {}", t.ratio.fraction())
                    } else {
                        msg!("ngưỡng tán thành {}", t.ratio.fraction(); "approval {}", t.ratio.fraction())
                    },
                    &t.can_cu,
                    t.reading,
                )],
                None => vec![one(
                    msg!("không có ngưỡng: quy tắc này không áp dụng"; "no threshold: this rule does not apply"),
                    &p.can_cu,
                    false,
                )],
            }
        }
        Rule::DS009 => rs
            .forms
            .iter()
            .filter(|f| !f.nominee_kinds.is_empty() || !f.types.is_empty())
            .map(|f| {
                one(
                    msg!("hình thức {}", f.id; "form {}", f.id),
                    &f.can_cu,
                    false,
                )
            })
            .collect(),
        Rule::DS010 => rs
            .nominee_kinds
            .iter()
            .map(|k| {
                one(
                    msg!("đối tượng {}", k.id; "kind of nominee {}", k.id),
                    &k.can_cu,
                    false,
                )
            })
            .collect(),
        Rule::ND003 | Rule::ND004 => rs
            .nominee_kinds
            .iter()
            .flat_map(|k| {
                k.standards.iter().map(move |s| {
                    one(
                        msg!("{}: {}", k.id, s.id; "{}: {}", k.id, s.id),
                        &s.can_cu,
                        s.reading,
                    )
                })
            })
            .collect(),
        _ => Vec::new(),
    }
}
