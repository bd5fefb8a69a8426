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
        for f in c.findings.iter().filter(|f| f.severity == Severity::Error) {
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
            msg!("tệp {file}, dòng {l}"; "file {file}, line {l}")
                .get(lang)
                .to_owned()
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
        text.push_str(msg!(" Cách khắc phục: {h}"; " What to do: {h}").get(lang));
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

/// The signature block of an office's signer: the authority lines (`tham_quyen`), then the
/// title unless the last authority line is it, then the name; "…" where the settings are silent.
#[must_use]
pub fn signature(o: &Office) -> Signature {
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
    Signature {
        lines,
        note: None,
        name: or_gap(&o.signer),
    }
}

/// `s` as printed, or "…" when empty.
#[must_use]
pub fn or_gap(s: &str) -> String {
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
            what.push_str(msg!(" kèm Tờ trình số {number} ngày {dmy}"; " with proposal No. {number} of {dmy}").get(lang));
        }
        (false, None) => what
            .push_str(msg!(" kèm Tờ trình số {number}"; " with proposal No. {number}").get(lang)),
        (true, Some(dt)) => {
            let dmy = dt.dmy();
            what.push_str(
                msg!(" kèm Tờ trình ngày {dmy}"; " with the proposal of {dmy}").get(lang),
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
        // A bundle is a file the sender sent; a dossier folder is a folder.
        let said = match d.source.kind {
            super::Kind::Bundle => msg!(" (tệp \"{file}\")"; " (file \"{file}\")"),
            super::Kind::Folder => msg!(" (thư mục \"{file}\")"; " (folder \"{file}\")"),
        };
        what.push_str(said.get(lang));
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
    blocks.push(Block::Closing {
        recipients: vec![format!("- {sender};"), "- Lưu: VT.".to_owned()],
        right: signature(&o),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::Catalog;
    use crate::review::{people, Kind, Source, Status};
    use crate::rules::check::{check_dossier, Against};
    use std::path::Path;

    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap().flatten() {
            if e.file_type().unwrap().is_dir() {
                copy(&e.path(), &to.join(e.file_name()));
            } else if e.file_name() != "README.md" {
                std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    }

    /// The ND003 fixture (Trần Thị Huyền short of a standard) without Đặng Thị Hòa's report
    /// (DS001), plus a warning, reviewed as returned.
    fn returned() -> (tempfile::TempDir, Reviewed) {
        let t = tempfile::tempdir().unwrap();
        let dir = t.path().join("ninh-giang");
        let src =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/invalid/ND003-standard-not-met");
        copy(&src, &dir);
        std::fs::remove_file(dir.join("bao-cao/dang-thi-hoa.yaml")).unwrap();
        std::fs::write(dir.join("thua.txt"), "x").unwrap();
        let catalog = Catalog::builtin().unwrap();
        let today = Date::parse("2026-06-01").unwrap();
        let checked = check_dossier(&dir, &Against::new(&catalog, today));
        let r = Reviewed {
            source: Source {
                path: dir.clone(),
                kind: Kind::Folder,
            },
            proposal: people::proposal(&checked.dossier, checked.rule_set(&catalog)),
            people: people::people(&checked.dossier),
            checked: Some(checked),
            unreadable: None,
            status: Status::Returned,
            errors: 2,
            warnings: 1,
        };
        (t, r)
    }

    fn office() -> Office {
        Office {
            name: "Phòng Nội vụ huyện Hoa Lư".to_owned(),
            parent: "Ủy ban nhân dân huyện Hoa Lư".to_owned(),
            place: "Hoa Lư".to_owned(),
            symbol: "PNV".to_owned(),
            signer: "Nguyễn Văn A".to_owned(),
            title: "Trưởng phòng".to_owned(),
            authority: String::new(),
        }
    }

    #[test]
    fn every_error_is_listed_and_warnings_are_labelled() {
        let (_t, r) = returned();
        let c = r.checked.as_ref().unwrap();
        let errors: Vec<&Finding> = c
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert_eq!(errors.len(), 2, "{:?}", c.findings);
        let day = Date::parse("2026-06-01").unwrap();
        let text = letter(&r, Some(&office()), day, Lang::Vi)
            .strings()
            .join("\n");
        for f in &errors {
            let m = f.message.vi.trim();
            let tail: String = m.chars().skip(1).take(30).collect();
            assert!(text.contains(&tail), "{m}\n{text}");
            if let Some(h) = &f.help {
                let tail: String = h.vi.chars().skip(1).take(30).collect();
                assert!(text.contains(&tail), "{h:?}\n{text}");
            }
        }
        assert!(text.contains("(tệp to-trinh.yaml, dòng 16)"), "{text}");
        // The stray file's DK004, after the errors, marked.
        assert!(
            text.contains("3. (Cảnh báo) Tệp \"thua.txt\" nằm trong hồ sơ"),
            "{text}"
        );
        assert!(
            text.contains("(tệp thua.txt). Cách khắc phục: Ghi tệp vào"),
            "{text}"
        );
        assert!(
            text.contains("Kính gửi:\nỦy ban nhân dân xã Ninh Giang."),
            "{text}"
        );
        assert!(text.contains("Số: …/PNV-TĐKT"), "{text}");
        assert!(text.contains("Hoa Lư, ngày … tháng … năm 2026"), "{text}");
        assert!(text.contains("PHÒNG NỘI VỤ HUYỆN HOA LƯ"), "{text}");
        assert!(
            text.contains("Tờ trình số 45/TTr-UBND ngày 15/11/2021"),
            "{text}"
        );
        assert!(text.contains("TRƯỞNG PHÒNG\nNguyễn Văn A"), "{text}");
        assert!(text.contains("- Lưu: VT."), "{text}");
    }

    #[test]
    fn nominees_not_accepted_get_one_of_the_four_reasons() {
        let (_t, r) = returned();
        assert_eq!(
            not_accepted(&r),
            vec![
                NotAccepted {
                    name: "Đặng Thị Hòa".to_owned(),
                    reason: Reason::Incomplete
                },
                NotAccepted {
                    name: "Trần Thị Huyền".to_owned(),
                    reason: Reason::StandardsNotMet
                },
            ]
        );
        let text = letter(&r, None, Date::default(), Lang::Vi)
            .strings()
            .join("\n");
        assert!(
            text.contains("- Trần Thị Huyền: không đủ tiêu chuẩn."),
            "{text}"
        );
        assert!(text.contains("- Đặng Thị Hòa: không đủ hồ sơ."), "{text}");
        // The collective, with no error of its own, is not listed.
        assert!(!text.contains("- Thôn Trung"), "{text}");
    }

    #[test]
    fn the_reasons_map_by_rule_and_no_rule_says_a_breach_of_the_law() {
        assert_eq!(reason(Rule::DS009), Some(Reason::NotEligible));
        assert_eq!(reason(Rule::HS010), Some(Reason::NotEligible));
        assert_eq!(reason(Rule::ND003), Some(Reason::StandardsNotMet));
        assert_eq!(reason(Rule::DS001), Some(Reason::Incomplete));
        assert_eq!(reason(Rule::HS001), Some(Reason::Incomplete));
        assert_eq!(reason(Rule::DK001), Some(Reason::Incomplete));
        assert_eq!(reason(Rule::NG001), None);
        assert!(Rule::ALL
            .iter()
            .all(|r| reason(*r) != Some(Reason::BreaksTheLaw)));
        assert_eq!(Reason::BreaksTheLaw.words(), "vi phạm pháp luật");
    }

    #[test]
    fn without_the_office_the_letter_leaves_gaps_and_an_unreadable_bundle_says_why() {
        let (_t, mut r) = returned();
        r.checked = None;
        r.people.clear();
        r.unreadable = Some(crate::diag::Msg::new("gói hỏng <<x>>", "broken"));
        let text = letter(&r, None, Date::default(), Lang::Vi)
            .strings()
            .join("\n");
        assert!(text.contains("1. Gói hỏng …."), "{text}");
        assert!(text.contains("Số: …/…-TĐKT"), "{text}");
        assert!(text.contains("…, ngày … tháng … năm 1970"), "{text}");
        assert!(!text.contains("Các trường hợp chưa đủ"), "{text}");
    }
}
