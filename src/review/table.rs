//! `tong-hop.xlsx`: one row per nominee of the review, for the office's own records and
//! sorting: dossier, sender, proposal, nominee, form, status and why.
//!
//! Written with `rust_xlsxwriter` as `export` writes its list: values as text cells (a name
//! beginning with `=` stays a name, never a formula), dates as date cells.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use crate::export::{write_birth, write_day, SheetFormats};

use crate::diag::Lang;
use crate::dossier::model::NomineeType;
use crate::msg;

use super::{Review, Status};

const HEADERS: [(&str, &str, f64); 13] = [
    ("STT", "No.", 6.0),
    ("Hồ sơ", "Dossier", 30.0),
    ("Nơi đề nghị", "Sender", 28.0),
    ("Tờ trình số", "Proposal no.", 14.0),
    ("Ngày", "Date", 12.0),
    ("Họ và tên / Tên tập thể", "Name", 28.0),
    ("Loại", "Kind", 12.0),
    ("Ngày sinh (năm sinh)", "Born", 12.0),
    ("Chức vụ, đơn vị", "Position, unit", 34.0),
    ("Hình thức", "Form", 20.0),
    ("Phong trào", "Campaign", 22.0),
    ("Trạng thái", "Status", 12.0),
    ("Ghi chú", "Notes", 44.0),
];

fn kind_word(k: NomineeType, lang: Lang) -> &'static str {
    match (k, lang) {
        (NomineeType::Individual, Lang::Vi) => "Cá nhân",
        (NomineeType::Collective, Lang::Vi) => "Tập thể",
        (NomineeType::Household, Lang::Vi) => "Hộ gia đình",
        (NomineeType::Individual, Lang::En) => "Individual",
        (NomineeType::Collective, Lang::En) => "Collective",
        (NomineeType::Household, Lang::En) => "Household",
    }
}

/// The status of a dossier in the office's words.
#[must_use]
pub fn status_word(s: Status, lang: Lang) -> &'static str {
    match (s, lang) {
        (Status::Accepted, Lang::Vi) => "Chấp nhận",
        (Status::Returned, Lang::Vi) => "Trả lại",
        (Status::Accepted, Lang::En) => "Accepted",
        (Status::Returned, Lang::En) => "Returned",
    }
}

/// Why a dossier is returned, in one line.
#[must_use]
pub fn why_returned(d: &super::Reviewed, lang: Lang) -> String {
    if let Some(m) = &d.unreadable {
        return m.get(lang).to_owned();
    }
    let e = d.errors;
    msg!("hồ sơ còn {e} lỗi phải sửa"; "the dossier has {}", crate::diag::en_count(e, "error to correct", "errors to correct"))
        .get(lang)
        .to_owned()
}

/// What the review says of one nominee: the other dossiers proposing the same person.
fn duplicate_notes(review: &Review, at: (usize, usize), lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    for g in review.duplicates.iter().filter(|g| g.who.contains(&at)) {
        for &(d, n) in g.who.iter().filter(|w| w.0 != at.0) {
            let other = &review.dossiers[d];
            let sender = if other.proposal.sender.is_empty() {
                crate::text::file_name::shown_path(&other.source.path)
            } else {
                other.proposal.sender.clone()
            };
            let name = &other.people[n].name;
            // The dossier too: the same sender sending twice is the commonest case.
            let sender = format!(
                "{sender}, {}",
                crate::text::file_name::shown_path(&other.source.path)
            );
            let m = if g.exact {
                msg!("trùng với đề nghị của {sender} ({name})"; "also proposed by {sender} ({name})")
            } else {
                msg!("có thể trùng với đề nghị của {sender} ({name}, cùng năm sinh)"; "perhaps also proposed by {sender} ({name}, born the same year)")
            };
            notes.push(m.get(lang).to_owned());
        }
    }
    if let Some(reg) = &review.register {
        for p in review.prior.iter().filter(|p| p.at == at) {
            let a = &reg.awards[p.award];
            let (form, no) = (&a.form, &a.decision);
            let on = a.decided.map(|d| d.dmy()).unwrap_or_else(|| "…".to_owned());
            let (pv, pe) = (&a.place.vi, &a.place.en);
            let m = msg!("đã được tặng \"{form}\" trong cùng phong trào, Quyết định số {no} ngày {on} (sổ khen thưởng, {pv})";
                         "already given \"{form}\" for the same campaign, decision {no} of {on} (register, {pe})");
            notes.push(m.get(lang).to_owned());
        }
    }
    notes
}

/// The workbook's bytes. Deterministic for the same review.
pub fn workbook(review: &Review, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let when = ExcelDateTime::from_ymd(1980, 1, 1)?;
    let title = msg!("Tổng hợp hồ sơ đề nghị khen thưởng đã tiếp nhận"; "Commendation proposals received: summary");
    wb.set_properties(
        &DocProperties::new()
            .set_title(title.get(lang))
            .set_author("dossier")
            .set_creation_datetime(&when),
    );
    let ws = wb.add_worksheet();
    ws.set_name(if lang == Lang::Vi {
        "Tổng hợp"
    } else {
        "Summary"
    })?;
    let SheetFormats {
        title: big,
        header,
        cell,
        centred,
        date,
        ..
    } = SheetFormats::new();
    ws.write_string_with_format(0, 0, title.get(lang).to_uppercase(), &big)?;
    const TOP: u32 = 2;
    for (c, (vi, en, w)) in HEADERS.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(TOP, c, if lang == Lang::Vi { *vi } else { *en }, &header)?;
        ws.set_column_width(c, *w)?;
    }
    let mut row = TOP;
    let mut no = 0u32;
    for (di, d) in review.dossiers.iter().enumerate() {
        let shown = crate::text::file_name::shown_path(&d.source.path);
        let p = &d.proposal;
        let returned = (d.status == Status::Returned).then(|| why_returned(d, lang));
        // A dossier with no nominee read still has its row: it was received.
        let people: Vec<Option<usize>> = if d.people.is_empty() {
            vec![None]
        } else {
            (0..d.people.len()).map(Some).collect()
        };
        for n in people {
            row += 1;
            no += 1;
            ws.write_number_with_format(row, 0, f64::from(no), &centred)?;
            for (c, t, f) in [
                (1, shown.as_str(), &cell),
                (2, p.sender.as_str(), &cell),
                (3, p.number.as_str(), &centred),
                (
                    9,
                    if p.form_name.is_empty() {
                        p.form.as_str()
                    } else {
                        p.form_name.as_str()
                    },
                    &cell,
                ),
                (
                    10,
                    if p.campaign_name.is_empty() {
                        p.campaign.as_str()
                    } else {
                        p.campaign_name.as_str()
                    },
                    &cell,
                ),
                (11, status_word(d.status, lang), &centred),
            ] {
                ws.write_string_with_format(row, c, t, f)?;
            }
            write_day(ws, row, 4, p.date, &date, &centred)?;
            let mut notes: Vec<String> = returned.iter().cloned().collect();
            match n.map(|n| (n, &d.people[n])) {
                Some((n, person)) => {
                    ws.write_string_with_format(row, 5, &person.name, &cell)?;
                    ws.write_string_with_format(row, 6, kind_word(person.kind, lang), &centred)?;
                    write_birth(ws, row, 7, person.birth, &date, &centred)?;
                    ws.write_string_with_format(row, 8, &person.unit, &cell)?;
                    notes.extend(duplicate_notes(review, (di, n), lang));
                }
                None => {
                    for c in [5, 6, 7, 8] {
                        ws.write_blank(row, c, &cell)?;
                    }
                }
            }
            ws.write_string_with_format(row, 12, notes.join("; "), &cell)?;
        }
    }
    ws.set_freeze_panes(TOP + 1, 0)?;
    ws.autofilter(TOP, 0, row.max(TOP), (HEADERS.len() - 1) as u16)?;
    crate::export::workbook_bytes(&mut wb)
}
