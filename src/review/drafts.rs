//! The office's drafts after a review (#22): its tờ trình to the deciding authority and the
//! draft decision with its attached list, composed into the page model as `draft` composes a
//! sender's documents, so that the DOCX and the PDF print the same words with the same engine.
//!
//! The office's details come from its settings (`co_quan_tiep_nhan`, `co_quan_quyet_dinh`,
//! `docs/office.md`); where they are silent the drafts print "…". The numbers and the dates of
//! the office's tờ trình and of the decision are written when they are signed, so they are
//! "…" too. The senders' names, numbers and dates and the nominees are data from the dossiers,
//! printed as written (a template mark as "…"). The legal basis is the rule set's, as `draft`
//! prints it; the line for the deciding body's own organisation law is left "Căn cứ …;" since
//! which law (and which amendment) applies is not something this tool has read.

use crate::config::{Decider, Office};
use crate::date::Date;
use crate::dossier::model::NomineeType;
use crate::draft::words::{printed, GAP};
use crate::page::model::{Block, Column, Document, Emphasis, Header};

use super::decision::{roman, Decision, Lists, Why};
use super::letter::{or_gap, signature};
use super::{Review, Reviewed, Status};

/// "01 cá nhân, 02 tập thể và 01 hộ gia đình", in the order of the list's groups.
#[must_use]
pub fn counts(n: [usize; 3]) -> String {
    let parts: Vec<String> = [
        NomineeType::Individual,
        NomineeType::Collective,
        NomineeType::Household,
    ]
    .into_iter()
    .zip(n)
    .filter(|(_, n)| *n > 0)
    .map(|(t, n)| format!("{n:02} {}", t.vi()))
    .collect();
    match parts.as_slice() {
        [] => GAP.to_owned(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
    }
}

fn decision_counts(d: &Decision) -> String {
    counts([
        d.count(NomineeType::Individual),
        d.count(NomineeType::Collective),
        d.count(NomineeType::Household),
    ])
}

fn people_counts(d: &Reviewed) -> String {
    let mut n = [0usize; 3];
    for p in &d.people {
        n[match p.kind {
            NomineeType::Individual => 0,
            NomineeType::Collective => 1,
            NomineeType::Household => 2,
        }] += 1;
    }
    counts(n)
}

/// "Tờ trình số 98/TTr-UBND ngày 12/11/2021 của Ủy ban nhân dân xã Ninh Hải", with "…" for
/// what the dossier does not say.
#[must_use]
pub fn cited(d: &Reviewed) -> String {
    let p = &d.proposal;
    let number = or_gap(&p.number);
    let date = p.date.map_or_else(|| GAP.to_owned(), |d| d.dmy());
    format!("Tờ trình số {number} ngày {date} của {}", or_gap(&p.sender))
}

/// One line of what was received: the sender's tờ trình and what it proposes; a bundle that
/// could not be read by its file name.
fn received_line(d: &Reviewed) -> String {
    if d.unreadable.is_some() {
        let file = d
            .source
            .path
            .file_name()
            .map(|n| crate::text::file_name::shown(&n.to_string_lossy()))
            .unwrap_or_default();
        return format!("- Hồ sơ \"{file}\" (không đọc được, đã trả lại)");
    }
    let mut line = format!("- {}", cited(d));
    if !d.people.is_empty() {
        line.push_str(&format!(", đề nghị khen thưởng {}", people_counts(d)));
    }
    if d.status == Status::Returned {
        line.push_str(" (chưa đủ điều kiện, đã trả lại để hoàn thiện)");
    }
    line
}

fn symbol(o: &Office, kind: &str) -> String {
    let s = printed(&o.symbol);
    let s = if s.trim().is_empty() {
        GAP.to_owned()
    } else {
        s
    };
    format!("{GAP}/{kind}-{s}")
}

fn header(o: &Office, kind: &str) -> Header {
    let parent = printed(&o.parent);
    Header {
        parent: (!parent.trim().is_empty()).then_some(parent),
        issuer: or_gap(&o.name),
        symbol: Some(symbol(o, kind)),
        place: or_gap(&o.place),
    }
}

/// The deciding title as a sentence names it ("Chủ tịch Ủy ban nhân dân huyện Hoa Lư"), "…"
/// when the settings do not give it.
fn decider_title(decider: &Decider) -> String {
    or_gap(&decider.title)
}

/// Lines ending ";" but the last, which ends ".".
fn listed(lines: Vec<String>) -> Vec<String> {
    let last = lines.len().saturating_sub(1);
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| format!("{l}{}", if i == last { '.' } else { ';' }))
        .collect()
}

/// The office's tờ trình to the deciding authority: what was received, the review's result,
/// and the proposal of each decision.
#[must_use]
pub fn proposal(
    review: &Review,
    lists: &Lists,
    office: Option<&Office>,
    decider: Option<&Decider>,
    day: Date,
) -> Document {
    let o = office.cloned().unwrap_or_default();
    let dc = decider.cloned().unwrap_or_default();
    let issuer = or_gap(&o.name);
    let to = decider_title(&dc);
    let mut blocks = vec![Block::Para {
        label: Some("Kính gửi:".to_owned()),
        text: format!("{to}."),
        align: crate::page::model::Align::Centre,
        emphasis: Emphasis::Plain,
        indent: false,
    }];
    let total = review.dossiers.len();
    blocks.push(Block::body(format!(
        "{issuer} đã tiếp nhận {total:02} hồ sơ đề nghị khen thưởng của các cơ quan, đơn vị, địa phương:"
    )));
    let lines: Vec<String> = review.dossiers.iter().map(received_line).collect();
    blocks.extend(listed(lines).into_iter().map(Block::body));
    let returned = review.returned();
    let accepted = total - returned;
    let proposed: usize = review
        .dossiers
        .iter()
        .filter(|d| d.status == Status::Accepted)
        .map(|d| d.people.len())
        .sum();
    let mut result = format!(
        "Qua thẩm định, có {accepted:02} hồ sơ đủ điều kiện với {proposed:02} trường hợp được đề nghị"
    );
    if returned > 0 {
        result.push_str(&format!(
            "; {returned:02} hồ sơ chưa đủ điều kiện đã được trả lại để cơ quan, đơn vị đề nghị hoàn thiện"
        ));
    }
    result.push('.');
    blocks.push(Block::body(result));
    let again = lists
        .left_out
        .iter()
        .filter(|l| matches!(l.why, Why::Again { .. }))
        .count();
    let awarded = lists.left_out.len() - again;
    if again > 0 {
        blocks.push(Block::body(format!(
            "Có {again:02} trường hợp được đề nghị trùng ở nhiều hồ sơ (cùng một đối tượng): chỉ đưa vào danh sách một lần, theo hồ sơ tiếp nhận trước."
        )));
    }
    if awarded > 0 {
        blocks.push(Block::body(format!(
            "Có {awarded:02} trường hợp đã được khen thưởng cùng hình thức trong cùng phong trào (theo sổ khen thưởng): không đưa vào danh sách."
        )));
    }
    for g in &lists.alike {
        let names: Vec<String> = g
            .iter()
            .map(|&(d, n)| {
                let r = &review.dossiers[d];
                format!(
                    "{} ({})",
                    printed(&r.people[n].name),
                    or_gap(&r.proposal.sender)
                )
            })
            .collect();
        blocks.push(Block::body(format!(
            "Cần xem lại trước khi trình ký: {} có tên gần giống nhau và cùng năm sinh, có thể là cùng một người.",
            names.join(", ")
        )));
    }
    for d in &lists.decisions {
        blocks.push(Block::body(format!(
            "{issuer} kính trình {to} xem xét, quyết định tặng {} cho {} (có dự thảo Quyết định và danh sách kèm theo).",
            printed(&d.form_name),
            decision_counts(d)
        )));
    }
    blocks.push(Block::body(format!(
        "Kính trình {to} xem xét, quyết định./."
    )));
    blocks.push(Block::Closing {
        recipients: vec!["- Như trên;".to_owned(), "- Lưu: VT.".to_owned()],
        right: signature(&o),
        left: None,
    });
    let summary = match lists.decisions.as_slice() {
        [one] => format!("Về việc đề nghị tặng {}", printed(&one.form_name)),
        _ => "Về việc đề nghị khen thưởng".to_owned(),
    };
    Document {
        stem: "to-trinh".to_owned(),
        meta_title: summary.clone(),
        date: day,
        stamp: false,
        undated: true,
        signing_year: true,
        header: header(&o, "TTr"),
        doc_type: "TỜ TRÌNH".to_owned(),
        summary: vec![summary],
        blocks,
    }
}

/// What the decision's nominees achieved, as the senders' trích yếu name it when they all name
/// the same; "thành tích …" for the office to word otherwise.
fn achievement(review: &Review, d: &Decision) -> String {
    let mut said = d
        .dossiers
        .iter()
        .map(|&i| review.dossiers[i].proposal.achievement.as_str());
    match said.next() {
        Some(first) if !first.is_empty() && said.all(|a| a == first) => printed(first),
        _ => format!("thành tích {GAP}"),
    }
}

/// The decision awarding `d`'s form, with its list on a page of its own.
#[must_use]
pub fn decision(
    review: &Review,
    d: &Decision,
    office: Option<&Office>,
    decider: Option<&Decider>,
    day: Date,
) -> Document {
    let o = office.cloned().unwrap_or_default();
    let dc = decider.cloned().unwrap_or_default();
    let title = decider_title(&dc);
    let form = printed(&d.form_name);
    let form = if form.is_empty() {
        GAP.to_owned()
    } else {
        form
    };
    let mut blocks = vec![Block::centred(title.to_uppercase(), Emphasis::Bold)];
    // The deciding body's own organisation law first, as decisions cite it; not read here.
    let mut basis = vec![format!("Căn cứ {GAP};")];
    for &i in &d.dossiers {
        for line in &review.dossiers[i].proposal.basis {
            if !basis.contains(line) {
                basis.push(line.clone());
            }
        }
    }
    blocks.extend(basis.into_iter().map(Block::body));
    let sym = printed(&o.symbol);
    let sym = if sym.trim().is_empty() {
        GAP.to_owned()
    } else {
        sym
    };
    blocks.push(Block::body(format!(
        "Xét đề nghị của {} tại Tờ trình số {GAP}/TTr-{sym} ngày {GAP} tháng {GAP} năm {GAP}.",
        or_gap(&o.name)
    )));
    blocks.push(Block::centred("QUYẾT ĐỊNH:", Emphasis::Bold));
    blocks.push(Block::labelled(
        "Điều 1.",
        format!(
            "Tặng {form} cho {} đã có {} (có danh sách kèm theo).",
            decision_counts(d),
            achievement(review, d)
        ),
    ));
    blocks.push(Block::labelled(
        "Điều 2.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
    ));
    let mut doers: Vec<String> = Vec::new();
    if !o.name.trim().is_empty() {
        doers.push(printed(&o.name));
    }
    for &i in &d.dossiers {
        let s = printed(&review.dossiers[i].proposal.sender);
        if !s.is_empty() && !doers.contains(&s) {
            doers.push(s);
        }
    }
    let doers = if doers.is_empty() {
        GAP.to_owned()
    } else {
        doers.join(", ")
    };
    blocks.push(Block::labelled(
        "Điều 3.",
        format!(
            "Thủ trưởng các cơ quan, đơn vị: {doers}; các tập thể, cá nhân có tên tại Điều 1 và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./."
        ),
    ));
    blocks.push(Block::Closing {
        recipients: vec!["- Như Điều 3;".to_owned(), "- Lưu: VT.".to_owned()],
        right: signature(&dc.office),
        left: None,
    });
    // The list, on its own pages.
    blocks.push(Block::PageBreak);
    blocks.push(Block::Title("DANH SÁCH".to_owned()));
    let who: Vec<&str> = d.groups.iter().map(|g| g.kind.vi()).collect();
    let who = match who.as_slice() {
        [init @ .., last] if !init.is_empty() => format!("{} và {last}", init.join(", ")),
        _ => who.concat(),
    };
    let mut heading = format!("{who} được tặng {form}");
    if let Some(c) = heading.chars().next() {
        heading = c.to_uppercase().chain(heading.chars().skip(1)).collect();
    }
    blocks.push(Block::centred(heading, Emphasis::Bold));
    blocks.push(Block::centred(
        format!(
            "(Ban hành kèm theo Quyết định số {} ngày {GAP} tháng {GAP} năm {GAP} của {title})",
            symbol(&dc.office, "QĐ")
        ),
        Emphasis::Italic,
    ));
    blocks.push(Block::Space(6.0));
    blocks.push(table(review, d));
    let summary = format!("Về việc tặng {form}");
    Document {
        stem: "quyet-dinh".to_owned(),
        meta_title: summary.clone(),
        date: day,
        stamp: false,
        undated: true,
        signing_year: false,
        header: header(&dc.office, "QĐ"),
        doc_type: "QUYẾT ĐỊNH".to_owned(),
        summary: vec![summary],
        blocks,
    }
}

/// The list as a table: a row "I | CÁ NHÂN" over each group, its nominees numbered from 1.
fn table(review: &Review, d: &Decision) -> Block {
    let columns = vec![
        Column {
            header: "STT",
            share: 0.09,
            centre: true,
        },
        Column {
            header: "Họ và tên / Tên tập thể",
            share: 0.36,
            centre: false,
        },
        Column {
            header: "Chức vụ, đơn vị",
            share: 0.55,
            centre: false,
        },
    ];
    let mut rows = Vec::new();
    for (gi, g) in d.groups.iter().enumerate() {
        rows.push(vec![
            roman(gi + 1).to_owned(),
            g.title().to_uppercase(),
            String::new(),
        ]);
        for (n, &(di, ni)) in g.who.iter().enumerate() {
            let p = &review.dossiers[di].people[ni];
            // A collective whose unit is its own name ("Trạm Y tế xã Ninh Hải") says it once.
            let unit = if super::duplicates::bare(&p.unit) == super::duplicates::bare(&p.name) {
                String::new()
            } else {
                printed(&p.unit)
            };
            rows.push(vec![(n + 1).to_string(), printed(&p.name), unit]);
        }
    }
    Block::Table { columns, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::decision::lists;
    use crate::review::people::{Person, Proposal};
    use crate::review::{Kind, Source};

    fn person(name: &str, kind: NomineeType, unit: &str) -> Person {
        Person {
            id: String::new(),
            name: name.to_owned(),
            kind,
            birth: None,
            unit: unit.to_owned(),
            sex: None,
            achievement: String::new(),
        }
    }

    fn review() -> Review {
        let d = |status, number: &str, people| Reviewed {
            source: Source {
                path: std::path::PathBuf::from("nhan/x"),
                kind: Kind::Folder,
            },
            checked: None,
            unreadable: None,
            status,
            errors: 0,
            warnings: 0,
            proposal: Proposal {
                sender: "Ủy ban nhân dân xã Ninh Hải".to_owned(),
                number: number.to_owned(),
                date: Date::parse("2021-11-12").ok(),
                form: "gk".to_owned(),
                form_name: "Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư".to_owned(),
                achievement: "thành tích xuất sắc trong dập dịch".to_owned(),
                basis: vec!["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;".to_owned()],
                ..Proposal::default()
            },
            people,
        };
        Review {
            dossiers: vec![
                d(
                    Status::Accepted,
                    "98/TTr-UBND",
                    vec![
                        person(
                            "Trạm Y tế xã Ninh Hải",
                            NomineeType::Collective,
                            "Trạm Y tế xã Ninh Hải",
                        ),
                        person("Đỗ Thị Lan", NomineeType::Individual, "Tổ trưởng"),
                    ],
                ),
                d(Status::Returned, "45/TTr-UBND", vec![]),
            ],
            duplicates: Vec::new(),
            register: None,
            prior: Vec::new(),
        }
    }

    #[test]
    fn without_settings_the_drafts_leave_gaps_and_cite_every_proposal() {
        let r = review();
        let l = lists(&r);
        let day = Date::parse("2026-11-28").unwrap_or_default();
        let tt = proposal(&r, &l, None, None, day).strings().join("\n");
        assert!(tt.contains("Số: …/TTr-…"), "{tt}");
        assert!(tt.contains("…, ngày … tháng … năm 2026"), "{tt}");
        assert!(tt.contains("Kính gửi:\n…."), "{tt}");
        assert!(
            tt.contains("- Tờ trình số 98/TTr-UBND ngày 12/11/2021 của Ủy ban nhân dân xã Ninh Hải, đề nghị khen thưởng 01 cá nhân và 01 tập thể;"),
            "{tt}"
        );
        assert!(tt.contains("45/TTr-UBND ngày 12/11/2021"), "{tt}");
        let qd = decision(&r, &l.decisions[0], None, None, day)
            .strings()
            .join("\n");
        assert!(qd.contains("Số: …/QĐ-…"), "{qd}");
        assert!(qd.contains("…, ngày … tháng … năm …"), "{qd}");
        assert!(qd.contains("Căn cứ …;\nCăn cứ Luật Thi đua"), "{qd}");
        assert!(
            qd.contains("cho 01 cá nhân và 01 tập thể đã có thành tích xuất sắc trong dập dịch (có danh sách kèm theo)."),
            "{qd}"
        );
        // The list: I before II, each numbered from 1; a collective's unit that is its own
        // name is not said twice.
        assert!(
            qd.contains(
                "I\nCÁ NHÂN\n1\nĐỗ Thị Lan\nTổ trưởng\nII\nTẬP THỂ\n1\nTrạm Y tế xã Ninh Hải"
            ),
            "{qd}"
        );
        assert_eq!(qd.matches("Trạm Y tế xã Ninh Hải").count(), 1, "{qd}");
    }
}
