//! The office's register of awards (sổ khen thưởng), given to `review --register FILE`: a
//! nominee already given the same form for the same campaign is flagged, since the Law
//! (06/2022/QH15, Điều 6) forbids commending one achievement twice.
//!
//! The register is the office's own sheet (xlsx, xls, ods or csv), read with the import's
//! readers, so a hidden row, a number format or a legacy encoding means what it means there.
//! Its columns are found by their headings in the first rows, folded without marks: the name
//! ("Họ và tên", "Tên tập thể"), the form ("Hình thức"), and as the office keeps them the birth
//! ("Ngày sinh", "Năm sinh"), the unit ("Đơn vị"), the campaign ("Phong trào", "Đợt"), the
//! decision's number and date ("Số quyết định", "Ngày quyết định"). A cell that cannot be
//! read exactly (a birth as "85", an error cell) refuses the whole register with its sheet and
//! cell: a prior award missed, or one matched on a wrong birth, is a wrong fact either way.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::date::{Birth, Date};
use crate::diag::Msg;
use crate::import::rows::{birth_cell, day_text, text_cell};
use crate::import::table::{self, column_name, Cell};
use crate::msg;
use crate::text::file_name::shown_path;

use super::duplicates::{bare, person_key, At};
use super::Review;

/// Rows of headings looked at for the header.
const HEADER_ROWS: u32 = 20;

/// One award of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Award {
    /// The name as written.
    pub name: String,
    /// The birth, when the register has it.
    pub birth: Option<Birth>,
    /// The unit, when it has it.
    pub unit: String,
    /// The form as the register writes it.
    pub form: String,
    /// The campaign as it writes it.
    pub campaign: String,
    /// The decision's number.
    pub decision: String,
    /// Its date.
    pub decided: Option<Date>,
    /// "Sheet, row 7", for the office to find it.
    pub place: Msg,
}

/// A register read.
#[derive(Debug, Clone, Default)]
pub struct Register {
    /// The file.
    pub file: PathBuf,
    /// Every award, in the sheet's order.
    pub awards: Vec<Award>,
}

/// Why a register cannot be used (exit 2): nothing of it is half-used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterError {
    /// The file.
    pub file: PathBuf,
    /// What is wrong, with its place.
    pub why: Msg,
}

impl RegisterError {
    /// In both languages.
    #[must_use]
    pub fn msg(&self) -> Msg {
        let f = shown_path(&self.file);
        let (vi, en) = (&self.why.vi, &self.why.en);
        msg!("sổ khen thưởng \"{f}\": {vi}; chưa xem xét hồ sơ nào"; "the register of awards \"{f}\": {en}; no dossier was reviewed")
    }
}

crate::english_display!(RegisterError);

impl std::error::Error for RegisterError {}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Name,
    Birth,
    Unit,
    Form,
    Campaign,
    Decision,
    Decided,
}

fn column_of(heading: &str) -> Option<Col> {
    let h = bare(heading);
    // A closing bracket is part of a heading ("Ngày sinh (năm sinh)"); other marks around it are not.
    let h = h.trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
    Some(match h {
        "ho va ten"
        | "ho ten"
        | "ten"
        | "ten tap the"
        | "ho va ten / ten tap the"
        | "ho va ten, ten tap the"
        | "ten ca nhan, tap the" => Col::Name,
        "ngay sinh" | "nam sinh" | "ngay sinh (nam sinh)" | "ngay, thang, nam sinh" => Col::Birth,
        "don vi" | "don vi cong tac" | "chuc vu, don vi" | "chuc vu, don vi cong tac" => Col::Unit,
        "hinh thuc" | "hinh thuc khen thuong" => Col::Form,
        "phong trao" | "dot" | "phong trao, dot" | "dot thi dua" | "phong trao thi dua" => {
            Col::Campaign
        }
        "so quyet dinh" | "quyet dinh so" | "so qd" | "quyet dinh" => Col::Decision,
        "ngay quyet dinh" | "ngay qd" | "ngay ky" | "ngay ky quyet dinh" => Col::Decided,
        _ => return None,
    })
}

/// Read the register at `path`; `upto` bounds a birth year (the review's day).
pub fn read(path: &Path, upto: Date) -> Result<Register, RegisterError> {
    let fail = |why: Msg| RegisterError {
        file: path.to_path_buf(),
        why,
    };
    let book = table::read(path).map_err(|e| fail(Msg::new(e.message_vi(), e.to_string())))?;
    let mut awards = Vec::new();
    let mut any_header = false;
    for sheet in book
        .sheets
        .iter()
        .filter(|s| s.visibility == table::Visibility::Visible)
    {
        let Some((top, cols)) = (0..HEADER_ROWS).find_map(|r| {
            let mut cols: Vec<(u32, Col)> = Vec::new();
            for c in 0..64 {
                if let Cell::Text(t) = sheet.get(r, c) {
                    if let Some(col) = column_of(t) {
                        // Both "Năm sinh" and "Ngày sinh" may be kept: each row's birth is the
                        // one of them that is filled.
                        if col == Col::Birth || !cols.iter().any(|x| x.1 == col) {
                            cols.push((c, col));
                        }
                    }
                }
            }
            let has = |want: Col| cols.iter().any(|x| x.1 == want);
            (has(Col::Name) && has(Col::Form) && has(Col::Campaign)).then_some((r, cols))
        }) else {
            continue;
        };
        any_header = true;
        // Two columns of one meaning (two "Họ và tên"): which one the office fills cannot be
        // known, and reading the first would miss an award written in the other.
        let mut seen: Vec<(u32, Col)> = Vec::new();
        for c in 0..64 {
            let Cell::Text(t) = sheet.get(top, c) else {
                continue;
            };
            let Some(col) = column_of(t) else { continue };
            if col == Col::Birth {
                continue;
            }
            if let Some(&(first, _)) = seen.iter().find(|x| x.1 == col) {
                let s = &sheet.name;
                let (a, b) = (
                    format!("{}{}", column_name(first as usize), top + 1),
                    format!("{}{}", column_name(c as usize), top + 1),
                );
                return Err(fail(
                    msg!("trang \"{s}\": ô {a} và ô {b} là hai cột cùng nghĩa (\"{t}\"), không biết đọc cột nào; đổi tên hoặc bỏ một cột rồi lưu";
                         "sheet \"{s}\": cells {a} and {b} are two columns of one meaning (\"{t}\"), which to read cannot be known; rename or remove one and save"),
                ));
            }
            seen.push((c, col));
        }
        let rows: Vec<u32> = sheet.row_numbers().filter(|&r| r > top).collect();
        for r in rows {
            if sheet.hidden_rows.contains(r) {
                continue;
            }
            let place = |c: u32| {
                let (s, cell) = (&sheet.name, format!("{}{}", column_name(c as usize), r + 1));
                msg!("trang \"{s}\", ô {cell}"; "sheet \"{s}\", cell {cell}")
            };
            let mut award = Award {
                name: String::new(),
                birth: None,
                unit: String::new(),
                form: String::new(),
                campaign: String::new(),
                decision: String::new(),
                decided: None,
                place: msg!("trang \"{}\", dòng {}", sheet.name, r + 1; "sheet \"{}\", row {}", sheet.name, r + 1),
            };
            for &(c, col) in &cols {
                let cell = sheet.get(r, c);
                let at = place(c);
                if let Cell::Error(e) | Cell::Formula(e) = cell {
                    return Err(fail(
                        msg!("{}: ô có lỗi hoặc công thức chưa tính ({e}), không đọc được giá trị", at.vi;
                                         "{}: the cell holds an error or an uncalculated formula ({e}), its value cannot be read", at.en),
                    ));
                }
                let text = || -> Result<String, RegisterError> {
                    Ok(match cell {
                        Cell::Text(t) => text_cell(t).unwrap_or_default(),
                        Cell::Empty => String::new(),
                        Cell::Number(n, _) if n.fract() == 0.0 && n.abs() < 1e15 => {
                            format!("{n:.0}")
                        }
                        Cell::Date(d) => d.dmy(),
                        _ => {
                            return Err(fail(
                                msg!("{}: không đọc được như chữ", at.vi; "{}: cannot be read as text", at.en),
                            ));
                        }
                    })
                };
                match col {
                    Col::Name => award.name = text()?,
                    Col::Unit => award.unit = text()?,
                    Col::Form => award.form = text()?,
                    Col::Campaign => award.campaign = text()?,
                    Col::Decision => award.decision = text()?,
                    Col::Birth => {
                        let bound = crate::import::rows::Upto {
                            day: upto,
                            vi: "ngày xem xét",
                            en: "the review's day",
                        };
                        let birth = birth_cell(cell, bound).map_err(|m| {
                            fail(msg!("{}: {}", at.vi, m.vi; "{}: {}", at.en, m.en))
                        })?;
                        award.birth = award.birth.or(birth);
                    }
                    Col::Decided => {
                        award.decided = match cell {
                            Cell::Empty => None,
                            Cell::Date(d) => Some(*d),
                            Cell::Text(t) if day_text(t).is_some() => day_text(t),
                            _ => {
                                return Err(fail(
                                    msg!("{}: ngày quyết định không đọc được; ghi dạng ngày/tháng/năm", at.vi;
                                                     "{}: the decision's date cannot be read; write it day/month/year", at.en),
                                ));
                            }
                        };
                    }
                }
            }
            // A row with no name is a title, a total or a blank line of the register.
            if !award.name.is_empty() {
                awards.push(award);
            }
        }
    }
    if !any_header {
        return Err(fail(
            msg!("không tìm thấy dòng tiêu đề có cột \"Họ và tên\" (hoặc \"Tên tập thể\"), cột \"Hình thức\" và cột \"Phong trào\" (hoặc \"Đợt\"): không có phong trào thì không biết ai đã được khen cho cùng thành tích";
                 "no header row with a column \"Họ và tên\" (or \"Tên tập thể\"), a column \"Hình thức\" and a column \"Phong trào\" (or \"Đợt\"): without the campaign nobody can be said to be awarded for the same achievement"),
        ));
    }
    Ok(Register {
        file: path.to_path_buf(),
        awards,
    })
}

/// A nominee of the review already in the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prior {
    /// The nominee.
    pub at: At,
    /// The award (index into the register).
    pub award: usize,
}

/// Whether the register's `written` names what the dossier calls `id` or `name`.
fn same(written: &str, id: &str, name: &str) -> bool {
    let w = bare(written);
    !w.is_empty() && (w == bare(id) || w == bare(name))
}

/// The nominees of `review` the register already gave the same form for the same campaign.
/// One hash map of the register's people: linear in the register and the nominees.
#[must_use]
pub fn prior(review: &Review, register: &Register) -> Vec<Prior> {
    let mut by_person: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, a) in register.awards.iter().enumerate() {
        by_person
            .entry(person_key(&a.name, a.birth, &a.unit))
            .or_default()
            .push(i);
        // A register that keeps the year alone ("Năm sinh") and a dossier with the whole date,
        // or the other way round: the same person by the year.
        if let Some(Birth::Date(d)) = a.birth {
            by_person
                .entry(person_key(&a.name, Some(Birth::Year(d.year)), ""))
                .or_default()
                .push(i);
        }
    }
    let mut out = Vec::new();
    for (d, r) in review.dossiers.iter().enumerate() {
        let p = &r.proposal;
        for (n, person) in r.people.iter().enumerate() {
            let key = person_key(&person.name, person.birth, &person.unit);
            // A collective or household the register names without a unit: its name alone
            // (a person needs the birth or the unit: names repeat).
            let by_name = (person.kind != crate::dossier::model::NomineeType::Individual)
                .then(|| by_person.get(&person_key(&person.name, None, "")))
                .flatten();
            // Under the year: a register row with the year alone, for a dossier with the
            // whole date.
            let by_year = match person.birth {
                Some(Birth::Date(d)) => {
                    by_person.get(&person_key(&person.name, Some(Birth::Year(d.year)), ""))
                }
                _ => None,
            };
            let found = by_person
                .get(&key)
                .into_iter()
                .chain(by_name)
                .chain(by_year)
                .flatten();
            for &i in found {
                let a = &register.awards[i];
                // Two whole dates of one year are two people.
                if let (Some(Birth::Date(x)), Some(Birth::Date(y))) = (a.birth, person.birth) {
                    if x != y {
                        continue;
                    }
                }
                if same(&a.form, &p.form, &p.form_name)
                    && same(&a.campaign, &p.campaign, &p.campaign_name)
                {
                    out.push(Prior {
                        at: (d, n),
                        award: i,
                    });
                }
            }
        }
    }
    out.sort_by_key(|p| (p.at, p.award));
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_found_with_their_brackets_and_without_marks_around() {
        assert!(matches!(
            column_of("Ngày sinh (năm sinh)"),
            Some(Col::Birth)
        ));
        assert!(matches!(column_of(" Năm sinh: "), Some(Col::Birth)));
        assert!(matches!(column_of("* Họ và tên"), Some(Col::Name)));
        assert!(matches!(column_of("Số quyết định."), Some(Col::Decision)));
        assert!(column_of("Ghi chú").is_none());
    }
}
