//! The letter returning a dossier (#22): a Decree 30 công văn from the receiving office to the
//! sender that lists every defect at once, in the words the check gives the clerk, with what to
//! do, and, for each nominee not accepted, one of the four reasons the published procedures give.
//!
//! It is composed into the page model (`page::model`) as `draft` composes its documents, so the
//! PDF and the DOCX print the same words with the same engine. The office's name, place, symbol
//! and signer come from its settings (`co_quan_tiep_nhan`, `docs/office.md`); where the
//! settings say nothing the letter prints "…" for the clerk to fill in, never a guess. Every
//! text of the dossier is data: printed as written (a template mark `<<…>>` as "…"), never
//! interpreted.
//!
//! The number and the day are written by hand when the letter is signed: "Số: …/PNV-TĐKT",
//! "Hoa Lư, ngày … tháng … năm 2026".

use std::collections::BTreeSet;

use crate::config::Office;
use crate::date::Date;
use crate::diag::{Finding, Lang, Rule, Severity};
use crate::draft::words::{printed, GAP};
use crate::msg;
use crate::page::model::{Align, Block, Document, Emphasis, Header, Signature};

use super::Reviewed;

/// Why a nominee is not accepted: the four reasons of the published procedures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// "vi phạm pháp luật": never given by a rule today (no check reads a breach of the law).
    BreaksTheLaw,
    /// "không đúng đối tượng": the kind of nominee the award does not go to.
    NotEligible,
    /// "không đủ tiêu chuẩn": a standard not met.
    StandardsNotMet,
    /// "không đủ hồ sơ": a report, a document, a confirmation missing.
    Incomplete,
}

impl Reason {
    /// The published words (Vietnamese, as the procedures write them).
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Reason::BreaksTheLaw => "vi phạm pháp luật",
            Reason::NotEligible => "không đúng đối tượng",
            Reason::StandardsNotMet => "không đủ tiêu chuẩn",
            Reason::Incomplete => "không đủ hồ sơ",
        }
    }
}

/// The reason a rule's error gives for the nominee it is about, if any. No rule reads a breach
/// of the law, so none gives [`Reason::BreaksTheLaw`].
#[must_use]
pub fn reason(rule: Rule) -> Option<Reason> {
    match rule {
        // The kind of nominee: not in the campaign, not one the award form goes to, a form
        // for individuals given to a collective.
        Rule::HS010 | Rule::DS009 | Rule::DS010 => Some(Reason::NotEligible),
        // A standard not met; the council's vote short of what the award requires.
        Rule::ND003 | Rule::BB004 => Some(Reason::StandardsNotMet),
        // A report, its content, its confirmation, a vote, an attachment missing.
        Rule::DS001
        | Rule::DS004
        | Rule::HS001
        | Rule::ND001
        | Rule::ND002
        | Rule::ND005
        | Rule::DK001
        | Rule::DK003 => Some(Reason::Incomplete),
        _ => None,
    }
}

/// A nominee not accepted, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAccepted {
    /// The name as the list writes it.
    pub name: String,
    /// Why.
    pub reason: Reason,
}

/// The lines of `to-trinh.yaml` and `bien-ban.yaml` that are about nominee `id`, and its report.
struct Places {
    list: BTreeSet<u32>,
    votes: BTreeSet<u32>,
    report: String,
}

fn places(d: &crate::dossier::load::Dossier, id: &str) -> Places {
    let mut list = BTreeSet::new();
    if let Some(tt) = &d.to_trinh {
        for n in &tt.danh_sach {
            if n.ma.as_ref().is_none_or(|m| m.v.trim() != id) {
                continue;
            }
            let spans = [
                n.ma.as_ref().map(|s| s.at),
                n.ten.as_ref().map(|s| s.at),
                n.loai.as_ref().map(|s| s.at),
                n.doi_tuong.as_ref().map(|s| s.at),
                n.chuc_vu.as_ref().map(|s| s.at),
                n.don_vi.as_ref().map(|s| s.at),
                n.chuc_vu_don_vi.as_ref().map(|s| s.at),
                n.cap_bac.as_ref().map(|s| s.at),
                n.at,
            ];
            list.extend(spans.into_iter().flatten().map(|s| s.start.line));
        }
    }
    let mut votes = BTreeSet::new();
    if let Some(bb) = &d.bien_ban {
        for v in &bb.ket_qua {
            if v.ma.as_ref().is_some_and(|m| m.v.trim() == id) {
                let spans = [
                    v.ma.as_ref().map(|s| s.at),
                    v.tan_thanh.as_ref().map(|s| s.at),
                    v.khong_tan_thanh.as_ref().map(|s| s.at),
                    v.at,
                ];
                votes.extend(spans.into_iter().flatten().map(|s| s.start.line));
            }
        }
    }
    let report = d
        .reports
        .iter()
        .find(|r| r.file_ma == id)
        .map_or_else(|| format!("bao-cao/{id}.yaml"), |r| r.file.clone());
    Places {
        list,
        votes,
        report,
    }
}

/// The nominees of a returned dossier not accepted, in the list's order, each with one reason:
/// the first of the four (in the order the procedures give them) its errors give. An error
/// about a nominee that gives no reason counts as "không đủ hồ sơ" only when it is in the
/// nominee's own report; a nominee with no such error is not listed.
#[must_use]
pub fn not_accepted(d: &Reviewed) -> Vec<NotAccepted> {
    let Some(c) = &d.checked else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for p in &d.people {
        if p.id.is_empty() {
            continue;
        }
        let at = places(&c.dossier, &p.id);
        let mut found: Option<Reason> = None;
        for f in c
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            let line = f.primary.span.map(|s| s.start.line);
            let in_report = f.primary.file == at.report;
            let about = in_report
                || line.is_some_and(|l| {
                    (f.primary.file == "to-trinh.yaml" && at.list.contains(&l))
                        || (f.primary.file == "bien-ban.yaml" && at.votes.contains(&l))
                });
            if !about {
                continue;
            }
            let r = match reason(f.rule) {
                Some(r) => r,
                None if in_report => Reason::Incomplete,
                None => continue,
            };
            found = Some(found.map_or(r, |old| old.min(r)));
        }
        if let Some(reason) = found {
            out.push(NotAccepted {
                name: p.name.clone(),
                reason,
            });
        }
    }
    out
}

/// Where a finding is: "tệp to-trinh.yaml, dòng 16".
fn place(f: &Finding, lang: Lang) -> String {
    let file = crate::text::file_name::shown(&f.primary.file);
    match f.primary.span {
        Some(s) => {
            let l = s.start.line;
            msg!("tệp {file}, dòng {l}"; "file {file}, line {l}").get(lang).to_owned()
        }
        None if file.is_empty() => String::new(),
        None => msg!("tệp {file}"; "file {file}").get(lang).to_owned(),
    }
}

/// One defect as a paragraph: "1. <what is wrong> (<where>). Cách khắc phục: <the help>."
fn defect(n: usize, f: &Finding, warning: bool, lang: Lang) -> Block {
    let mut text = format!("{n}. ");
    if warning {
        text.push_str(msg!("(Cảnh báo) "; "(Warning) ").get(lang));
    }
    text.push_str(&sentence(&printed(f.message.get(lang))));
    let at = place(f, lang);
    if !at.is_empty() {
        text.pop();
        text.push_str(&format!(" ({at})."));
    }
    if let Some(h) = &f.help {
        let h = sentence(&printed(h.get(lang)));
        text.push_str(&msg!(" Cách khắc phục: {h}"; " What to do: {h}").get(lang).to_owned());
    }
    Block::Para {
        label: None,
        text,
        align: Align::Justify,
        emphasis: Emphasis::Plain,
        indent: true,
    }
}

/// `s` trimmed, its first letter a capital, ending with a full stop.
fn sentence(s: &str) -> String {
    let s = s.trim().trim_end_matches([';', ',']).trim_end();
    let mut chars = s.chars();
    let mut s: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !s.ends_with(['.', '?', '!']) {
        s.push('.');
    }
    s
}

fn or_gap(s: &str) -> String {
    let s = printed(s.trim());
    if s.trim().is_empty() {
        GAP.to_owned()
    } else {
        s
    }
}

/// The letter returning `d`, from `office` (None: "…" where its details go), on `day` (its
/// year is the date line's; the day and the month are filled in at signing), its own sentences
/// and the findings' words in `lang`.
#[must_use]
pub fn letter(d: &Reviewed, office: Option<&Office>, day: Date, lang: Lang) -> Document {
    let o = office.cloned().unwrap_or_default();
    let issuer = or_gap(&o.name);
    let p = &d.proposal;
    let sender = or_gap(&p.sender);
    let mut blocks = vec![Block::Para {
        label: Some("Kính gửi:".to_owned()),
        text: format!("{sender}."),
        align: Align::Centre,
        emphasis: Emphasis::Plain,
        indent: false,
    }];
    // Which proposal was received.
    let mut what = msg!("hồ sơ đề nghị khen thưởng"; "the commendation proposal dossier")
        .get(lang)
        .to_owned();
    let number = printed(&p.number);
    match (number.trim().is_empty(), p.date) {
        (false, Some(dt)) => {
            let dmy = dt.dmy();
            what.push_str(&msg!(" kèm Tờ trình số {number} ngày {dmy}"; " with proposal No. {number} of {dmy}").get(lang).to_owned());
        }
        (false, None) => what.push_str(
            &msg!(" kèm Tờ trình số {number}"; " with proposal No. {number}")
                .get(lang)
                .to_owned(),
        ),
        (true, Some(dt)) => {
            let dmy = dt.dmy();
            what.push_str(
                &msg!(" kèm Tờ trình ngày {dmy}"; " with the proposal of {dmy}")
                    .get(lang)
                    .to_owned(),
            );
        }
        (true, None) => {}
    }
    let file = d
        .source
        .path
        .file_name()
        .map(|n| crate::text::file_name::shown(&n.to_string_lossy()))
        .unwrap_or_default();
    if !file.is_empty() {
        what.push_str(&msg!(" (tệp \"{file}\")"; " (file \"{file}\")").get(lang).to_owned());
    }
    blocks.push(Block::body(
        msg!("{issuer} đã nhận {what} của {sender}. Qua kiểm tra, hồ sơ chưa đủ điều kiện để trình xét khen thưởng. {issuer} trả lại hồ sơ và đề nghị {sender} khắc phục toàn bộ các nội dung sau:";
             "{issuer} has received {what} from {sender}. The dossier, as checked, cannot go forward to the commendation review. {issuer} returns it and asks {sender} to remedy every point below:")
        .get(lang),
    ));
    let mut n = 0;
    if let Some(why) = &d.unreadable {
        n += 1;
        blocks.push(Block::body(format!(
            "{n}. {}",
            sentence(&printed(why.get(lang)))
        )));
    }
    let findings: &[Finding] = d.checked.as_ref().map_or(&[], |c| c.findings.as_slice());
    for f in findings.iter().filter(|f| f.severity == Severity::Error) {
        n += 1;
        blocks.push(defect(n, f, false, lang));
    }
    let warnings: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.severity != Severity::Error)
        .collect();
    if !warnings.is_empty() {
        blocks.push(Block::body(
            msg!("Ngoài ra, các điểm sau là cảnh báo, không phải lý do trả lại hồ sơ, nhưng cần xem lại khi hoàn thiện:";
                 "Besides, the points below are warnings, not reasons to return the dossier, but to look at when completing it:")
            .get(lang),
        ));
        for f in warnings {
            n += 1;
            blocks.push(defect(n, f, true, lang));
        }
    }
    let people = not_accepted(d);
    if !people.is_empty() {
        blocks.push(Block::body(
            msg!("Các trường hợp chưa đủ điều kiện đề nghị khen thưởng:";
                 "Nominees not accepted:")
            .get(lang),
        ));
        for x in &people {
            let name = printed(&x.name);
            blocks.push(Block::body(format!("- {name}: {}.", x.reason.words())));
        }
    }
    blocks.push(Block::body(
        msg!("Đề nghị {sender} hoàn thiện hồ sơ và gửi lại {issuer} để xem xét theo quy định./.";
             "{sender} is asked to complete the dossier and send it again to {issuer} for review./.")
        .get(lang),
    ));
    let mut lines: Vec<String> = o
        .authority
        .lines()
        .map(|l| printed(l.trim()))
        .filter(|l| !l.is_empty())
        .collect();
    let title = printed(&o.title);
    if !title.is_empty()
        && lines
            .last()
            .is_none_or(|l| l.to_lowercase() != title.to_lowercase())
    {
        lines.push(title);
    }
    if lines.is_empty() {
        lines.push(GAP.to_owned());
    }
    blocks.push(Block::Closing {
        recipients: vec![format!("- {sender};"), "- Lưu: VT.".to_owned()],
        right: Signature {
            lines,
            note: None,
            name: or_gap(&o.signer),
        },
        left: None,
    });
    let symbol = if o.symbol.is_empty() {
        format!("{GAP}/{GAP}-TĐKT")
    } else {
        format!("{GAP}/{}-TĐKT", printed(&o.symbol))
    };
    let parent = printed(&o.parent);
    Document {
        stem: String::new(),
        meta_title: "V/v trả lại hồ sơ đề nghị khen thưởng".to_owned(),
        date: day,
        stamp: false,
        undated: true,
        signing_year: true,
        header: Header {
            parent: (!parent.trim().is_empty()).then_some(parent),
            issuer,
            symbol: Some(symbol),
            place: if o.place.is_empty() {
                GAP.to_owned()
            } else {
                printed(&o.place)
            },
        },
        doc_type: String::new(),
        summary: vec!["V/v trả lại hồ sơ đề nghị khen thưởng".to_owned()],
        blocks,
    }
}
