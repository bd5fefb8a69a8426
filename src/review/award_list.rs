//! `du-thao/danh-sach-khen-thuong[-<form>].xlsx`: a decision's list as a sheet, a row per
//! nominee awarded, for the office's records and for `dossier certificates`, which reads it.
//! One workbook per decision (per form of award): each form is a decision of its own, perhaps
//! signed by another authority under another number, so one list holding two forms would have
//! its certificates printed, and its awards registered, under one decision's number.
//!
//! The columns are a contract: `certificates` finds them by these headings, on row 1 of the
//! sheet "Danh sách", data from row 2; change one and it no longer reads the sheet. Text as text
//! cells (a name beginning with `=` stays a name, never a formula), dates as date cells, a birth
//! as a date or a year (`export::write_birth`), as the review's summary sheet writes them.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use crate::export::{write_birth, write_day, SheetFormats};

use super::decision::{kind_words, Decision};
use super::Review;

/// The sheet's name.
pub const SHEET: &str = "Danh sách";

/// The headings, in order, with the columns' widths.
pub const HEADERS: [(&str, f64); 14] = [
    ("STT", 6.0),
    ("Họ và tên / Tên tập thể", 28.0),
    ("Loại", 12.0),
    ("Giới tính", 9.0),
    ("Ngày sinh (năm sinh)", 12.0),
    ("Chức vụ, đơn vị", 34.0),
    ("Hình thức", 28.0),
    ("Mã hình thức", 18.0),
    ("Phong trào", 28.0),
    ("Mã phong trào", 18.0),
    ("Thành tích", 40.0),
    ("Nơi đề nghị", 26.0),
    ("Tờ trình số", 14.0),
    ("Ngày tờ trình", 12.0),
];

fn or<'a>(name: &'a str, id: &'a str) -> &'a str {
    if name.is_empty() {
        id
    } else {
        name
    }
}

/// The workbook of one decision's list. Deterministic for the same review.
pub fn workbook(review: &Review, d: &Decision) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let when = ExcelDateTime::from_ymd(1980, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title("Danh sách khen thưởng")
            .set_author("dossier")
            .set_creation_datetime(&when),
    );
    let ws = wb.add_worksheet();
    ws.set_name(SHEET)?;
    let SheetFormats {
        header,
        cell,
        centred,
        date,
        ..
    } = SheetFormats::new();
    for (c, (h, w)) in HEADERS.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, *h, &header)?;
        ws.set_column_width(c, *w)?;
    }
    let mut row = 0u32;
    for (di, ni) in d.everyone() {
        let r = &review.dossiers[di];
        let (p, person) = (&r.proposal, &r.people[ni]);
        row += 1;
        ws.write_number_with_format(row, 0, f64::from(row), &centred)?;
        // The report's own achievement line, else the one the proposal's trích yếu names.
        let achievement = or(&person.achievement, &p.achievement);
        // A collective's report often gives its own name as its unit (`don_vi`): the column
        // would repeat the name, and the certificate print it twice.
        let unit = if person.kind != crate::dossier::model::NomineeType::Individual
            && super::duplicates::bare(&person.unit) == super::duplicates::bare(&person.name)
        {
            ""
        } else {
            person.unit.as_str()
        };
        for (c, t, f) in [
            (1, person.name.as_str(), &cell),
            (2, kind_words(person.kind), &centred),
            (3, person.sex.map_or("", |s| s.words()), &centred),
            (5, unit, &cell),
            (6, d.form_name.as_str(), &cell),
            (7, p.form.as_str(), &centred),
            (8, or(&p.campaign_name, &p.campaign), &cell),
            (9, p.campaign.as_str(), &centred),
            (10, achievement, &cell),
            (11, p.sender.as_str(), &cell),
            (12, p.number.as_str(), &centred),
        ] {
            ws.write_string_with_format(row, c, t, f)?;
        }
        write_birth(ws, row, 4, person.birth, &date, &centred)?;
        write_day(ws, row, 13, p.date, &date, &centred)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, row, (HEADERS.len() - 1) as u16)?;
    crate::export::workbook_bytes(&mut wb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::model::NomineeType;
    use crate::import::table::{read, Cell};
    use crate::review::people::{Person, Proposal, Sex};
    use crate::review::{Kind, Reviewed, Source, Status};

    #[test]
    fn a_name_that_looks_like_a_formula_stays_text_and_the_headings_are_the_contract() {
        let person = Person {
            id: String::new(),
            name: "=HYPERLINK(\"x\")".to_owned(),
            kind: NomineeType::Individual,
            birth: Some(crate::date::Birth::Year(1980)),
            unit: String::new(),
            sex: Some(Sex::Female),
            achievement: String::new(),
        };
        let review = Review {
            dossiers: vec![Reviewed {
                source: Source {
                    path: std::path::PathBuf::from("x"),
                    kind: Kind::Folder,
                },
                checked: None,
                unreadable: None,
                status: Status::Accepted,
                errors: 0,
                warnings: 0,
                proposal: Proposal {
                    form: "gk".to_owned(),
                    ..Proposal::default()
                },
                people: vec![
                    person,
                    Person {
                        id: String::new(),
                        name: "Trường Tiểu học Ninh Hải".to_owned(),
                        kind: NomineeType::Collective,
                        birth: None,
                        unit: "Trường Tiểu học  Ninh Hải".to_owned(),
                        sex: None,
                        achievement: String::new(),
                    },
                ],
            }],
            duplicates: Vec::new(),
            register: None,
            prior: Vec::new(),
        };
        let lists = crate::review::decision::lists(&review);
        let bytes = workbook(&review, &lists.decisions[0]).unwrap();
        let t = tempfile::tempdir().unwrap();
        let f = t.path().join("d.xlsx");
        std::fs::write(&f, bytes).unwrap();
        let book = read(&f).unwrap();
        let sheet = &book.sheets[0];
        assert_eq!(sheet.name, SHEET);
        let grid = sheet.grid(3, 14);
        for (c, (h, _)) in HEADERS.iter().enumerate() {
            assert_eq!(grid[0][c], Cell::Text((*h).to_owned()));
        }
        assert_eq!(grid[1][1], Cell::Text("=HYPERLINK(\"x\")".to_owned()));
        assert_eq!(grid[1][3], Cell::Text("Nữ".to_owned()));
        // A collective whose unit is its own name: the unit column is left empty, so the
        // certificate does not print the name twice.
        assert_eq!(
            grid[2][1],
            Cell::Text("Trường Tiểu học Ninh Hải".to_owned())
        );
        assert_eq!(grid[2][5], Cell::Empty);
        // The form's id stands for its name when the rule set names none.
        assert_eq!(grid[1][6], Cell::Text("gk".to_owned()));
    }
}
