//! The decision's list of awardees, as a sheet: `du-thao/danh-sach-khen-thuong.xlsx` that
//! `dossier review` writes, or the same list after the office edited it in Excel or LibreOffice
//! or saved it as CSV.
//!
//! Its columns are found by their headings (folded without marks, as the register's are), not
//! by their places, so a column moved or added by the office does not print a unit as a name.
//! It is read with the import's readers, so a hidden row, a number format or a legacy encoding
//! means what it means there; a cell of a column the certificates print that cannot be read
//! exactly (an error value, a formula saved without its value) refuses the whole run with its
//! sheet and cell: a certificate with a wrong name is worse than none.

use std::path::{Path, PathBuf};

use crate::date::{Birth, Date};
use crate::diag::Msg;
use crate::import::rows::{birth_cell, day_text, text_cell, Upto};
use crate::import::table::{self, column_name, Cell, Sheet};
use crate::msg;
use crate::review::duplicates::bare;
use crate::text::file_name::shown_path;

/// The sheet `review` writes the list into.
pub const SHEET: &str = "Danh sách";
/// Rows looked at for the heading row.
const HEADER_ROWS: u32 = 20;
/// Columns looked at for headings.
const HEADER_COLS: u32 = 64;

/// Whom an award is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Cá nhân.
    Individual,
    /// Tập thể.
    Collective,
    /// Hộ gia đình.
    Household,
}

/// Giới tính, as the list gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Nam: "Ông".
    Male,
    /// Nữ: "Bà".
    Female,
}

/// One awardee of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Awardee {
    /// The spreadsheet's row number (1-based), for the messages.
    pub row: u32,
    /// The name as written.
    pub name: String,
    /// Cá nhân, tập thể, hộ gia đình (an empty cell: an individual).
    pub kind: Kind,
    /// When the list says.
    pub gender: Option<Gender>,
    /// When the list says.
    pub birth: Option<Birth>,
    /// Position and unit.
    pub unit: String,
    /// The form's name.
    pub form: String,
    /// The form's id.
    pub form_id: String,
    /// The campaign's name.
    pub campaign: String,
    /// The campaign's id.
    pub campaign_id: String,
    /// The achievement line, when the list has one.
    pub achievement: String,
}

impl Awardee {
    /// The name as the certificate prints it: "Ông …"/"Bà …" for an individual whose gender
    /// the list gives, else as written (a collective, a household, or a person of unknown
    /// gender: a title guessed from a name is wrong for many Vietnamese names).
    #[must_use]
    pub fn titled(&self) -> String {
        match (self.kind, self.gender) {
            (Kind::Individual, Some(Gender::Male)) => format!("Ông {}", self.name),
            (Kind::Individual, Some(Gender::Female)) => format!("Bà {}", self.name),
            _ => self.name.clone(),
        }
    }

    /// Whether the certificate prints the name without Ông/Bà because the list has no gender.
    #[must_use]
    pub fn untitled(&self) -> bool {
        self.kind == Kind::Individual && self.gender.is_none()
    }
}

/// The list read.
#[derive(Debug, Clone)]
pub struct List {
    /// The file.
    pub file: PathBuf,
    /// The sheet read.
    pub sheet: String,
    /// The awardees, in the list's order.
    pub awardees: Vec<Awardee>,
    /// Rows hidden in the sheet, skipped (1-based).
    pub hidden: Vec<u32>,
}

/// Why the list cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListError {
    /// The file.
    pub file: PathBuf,
    /// What, with its place.
    pub why: Msg,
}

impl ListError {
    /// In both languages.
    #[must_use]
    pub fn msg(&self) -> Msg {
        let f = shown_path(&self.file);
        let (vi, en) = (&self.why.vi, &self.why.en);
        msg!("danh sách khen thưởng \"{f}\": {vi}; không có tệp nào được ghi"; "the list of awards \"{f}\": {en}; nothing was written")
    }
}

crate::english_display!(ListError);

impl std::error::Error for ListError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Name,
    Kind,
    Gender,
    Birth,
    Unit,
    Form,
    FormId,
    Campaign,
    CampaignId,
    Achievement,
    /// Ngày tờ trình: not printed, but a decision cannot come before a proposal it grants.
    ProposalDate,
}

fn column_of(heading: &str) -> Option<Col> {
    let h = bare(heading);
    // Marks and stars around a heading go ("Họ và tên (*)"), a closing bracket of the heading
    // itself stays ("Ngày sinh (năm sinh)").
    let h = h
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
    let h = h.strip_suffix("(*)").map_or(h, str::trim_end);
    Some(match h {
        "ho va ten / ten tap the"
        | "ho va ten, ten tap the"
        | "ho va ten"
        | "ho ten"
        | "ten"
        | "ten tap the"
        | "ten ca nhan, tap the" => Col::Name,
        "loai" | "loai doi tuong" | "ca nhan / tap the" => Col::Kind,
        "gioi tinh" => Col::Gender,
        "ngay sinh (nam sinh)" | "ngay sinh" | "nam sinh" | "ngay, thang, nam sinh" => Col::Birth,
        "chuc vu, don vi" | "chuc vu, don vi cong tac" | "don vi" | "don vi cong tac" => Col::Unit,
        "hinh thuc" | "hinh thuc khen thuong" => Col::Form,
        "ma hinh thuc" => Col::FormId,
        "phong trao" | "phong trao thi dua" | "dot thi dua" => Col::Campaign,
        "ma phong trao" => Col::CampaignId,
        "thanh tich" | "thanh tich dat duoc" | "noi dung khen" => Col::Achievement,
        "ngay to trinh" => Col::ProposalDate,
        _ => return None,
    })
}

/// The heading row of a sheet: its row and the columns found (the first of each kind).
fn header(sheet: &Sheet) -> Option<(u32, Vec<(u32, Col)>)> {
    (0..HEADER_ROWS).find_map(|r| {
        let mut cols: Vec<(u32, Col)> = Vec::new();
        for c in 0..HEADER_COLS {
            if let Cell::Text(t) = sheet.get(r, c) {
                if let Some(col) = column_of(t) {
                    if !cols.iter().any(|x| x.1 == col) {
                        cols.push((c, col));
                    }
                }
            }
        }
        cols.iter().any(|x| x.1 == Col::Name).then_some((r, cols))
    })
}

/// A row that only numbers the columns under the heading ("(1)", "2"): no awardee.
fn numbering(name: &str) -> bool {
    name.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '(' | ')' | '.' | ' '))
}

/// Read the list at `path`; `upto` bounds a birth (the decision's day).
pub fn read(path: &Path, upto: Date) -> Result<List, ListError> {
    let fail = |why: Msg| ListError {
        file: path.to_path_buf(),
        why,
    };
    let book = table::read(path).map_err(|e| fail(Msg::new(e.message_vi(), e.to_string())))?;
    let visible = |s: &&Sheet| s.visibility == table::Visibility::Visible;
    // The sheet `review` names first, then any visible sheet with a name column.
    let chosen = book
        .sheets
        .iter()
        .filter(visible)
        .find(|s| s.name == SHEET && header(s).is_some())
        .or_else(|| {
            book.sheets
                .iter()
                .filter(visible)
                .find(|s| header(s).is_some())
        });
    let Some(sheet) = chosen else {
        return Err(fail(
            msg!("không tìm thấy dòng tiêu đề có cột \"Họ và tên / Tên tập thể\" (hoặc \"Họ và tên\", \"Tên tập thể\")";
                 "no heading row with a column \"Họ và tên / Tên tập thể\" (or \"Họ và tên\", \"Tên tập thể\")"),
        ));
    };
    let Some((top, cols)) = header(sheet) else {
        return Err(fail(msg!("không có dòng tiêu đề"; "no heading row")));
    };
    // A cell merged down over rows: the reader gives its value to the top row only, so the rows
    // under it would print without it (a unit, a form) rather than with the value they show.
    if let Some(m) = sheet
        .merges
        .iter()
        .find(|m| m.last_row > top && m.last_row > m.first_row)
    {
        let range = format!(
            "{}{}:{}{}",
            column_name(m.first_col as usize),
            m.first_row + 1,
            column_name(m.last_col as usize),
            m.last_row + 1
        );
        let s = &sheet.name;
        return Err(fail(
            msg!("trang \"{s}\", vùng {range} là ô gộp qua nhiều dòng: chỉ dòng đầu có giá trị, các dòng dưới sẽ được in thiếu; bỏ gộp ô (Merge & Center > Unmerge Cells), ghi giá trị vào từng dòng rồi lưu";
                 "sheet \"{s}\", the area {range} is a cell merged over several rows: only its first row holds the value, the rows under it would be printed without it; unmerge it (Merge & Center > Unmerge Cells), write the value on every row and save"),
        ));
    }
    // Two columns of one meaning (two "Họ và tên"): which one the office corrected cannot be
    // known, and printing from the first could print the uncorrected names.
    let mut seen: Vec<(u32, Col)> = Vec::new();
    for c in 0..HEADER_COLS {
        let Cell::Text(t) = sheet.get(top, c) else {
            continue;
        };
        let Some(col) = column_of(t) else { continue };
        if let Some(&(first, _)) = seen.iter().find(|x| x.1 == col) {
            let s = &sheet.name;
            let (a, b) = (
                format!("{}{}", column_name(first as usize), top + 1),
                format!("{}{}", column_name(c as usize), top + 1),
            );
            return Err(fail(
                msg!("trang \"{s}\": ô {a} và ô {b} là hai cột cùng nghĩa (\"{t}\"), không biết in theo cột nào; đổi tên hoặc bỏ một cột rồi lưu";
                     "sheet \"{s}\": cells {a} and {b} are two columns of one meaning (\"{t}\"), which to print from cannot be known; rename or remove one and save"),
            ));
        }
        seen.push((c, col));
    }
    let mut awardees = Vec::new();
    let mut hidden = Vec::new();
    let rows: Vec<u32> = sheet.row_numbers().filter(|&r| r > top).collect();
    for r in rows {
        if sheet.hidden_rows.contains(r) {
            hidden.push(r + 1);
            continue;
        }
        let place = |c: u32| {
            let (s, cell) = (&sheet.name, format!("{}{}", column_name(c as usize), r + 1));
            msg!("trang \"{s}\", ô {cell}"; "sheet \"{s}\", cell {cell}")
        };
        let mut a = Awardee {
            row: r + 1,
            name: String::new(),
            kind: Kind::Individual,
            gender: None,
            birth: None,
            unit: String::new(),
            form: String::new(),
            form_id: String::new(),
            campaign: String::new(),
            campaign_id: String::new(),
            achievement: String::new(),
        };
        // A row with something in a column read but no name: a certificate would silently be
        // missing, so it is refused rather than skipped.
        let mut filled: Option<u32> = None;
        for &(c, col) in &cols {
            let cell = sheet.get(r, c);
            let at = place(c);
            if col != Col::Name && filled.is_none() && !matches!(cell, Cell::Empty) {
                if let Cell::Text(t) = cell {
                    if !t.trim().is_empty() {
                        filled = Some(c);
                    }
                } else {
                    filled = Some(c);
                }
            }
            if let Cell::Error(e) | Cell::Formula(e) = cell {
                return Err(fail(
                    msg!("{}: ô có lỗi hoặc công thức chưa tính ({e}), không đọc được giá trị; mở tệp, sửa ô rồi lưu lại", at.vi;
                         "{}: the cell holds an error or an uncalculated formula ({e}), its value cannot be read; open the file, correct the cell and save it", at.en),
                ));
            }
            let text = || -> Result<String, ListError> {
                Ok(match cell {
                    Cell::Text(t) => text_cell(t).unwrap_or_default(),
                    Cell::Empty => String::new(),
                    Cell::Number(n, _) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
                    _ => {
                        return Err(fail(
                            msg!("{}: không đọc được như chữ", at.vi; "{}: cannot be read as text", at.en),
                        ))
                    }
                })
            };
            match col {
                Col::Name => a.name = text()?,
                Col::Unit => a.unit = text()?,
                Col::Form => a.form = text()?,
                Col::FormId => a.form_id = text()?,
                Col::Campaign => a.campaign = text()?,
                Col::CampaignId => a.campaign_id = text()?,
                Col::Achievement => a.achievement = text()?,
                Col::Kind => {
                    let t = text()?;
                    a.kind = match bare(&t).as_str() {
                        "" | "ca nhan" => Kind::Individual,
                        "tap the" => Kind::Collective,
                        "ho gia dinh" => Kind::Household,
                        _ => {
                            return Err(fail(
                                msg!("{}: loại \"{t}\" không có; ghi \"Cá nhân\", \"Tập thể\" hoặc \"Hộ gia đình\"", at.vi;
                                     "{}: no kind \"{t}\"; write \"Cá nhân\", \"Tập thể\" or \"Hộ gia đình\"", at.en),
                            ))
                        }
                    };
                }
                Col::Gender => {
                    let t = text()?;
                    a.gender = match bare(&t).as_str() {
                        "" => None,
                        "nam" => Some(Gender::Male),
                        "nu" => Some(Gender::Female),
                        _ => {
                            return Err(fail(
                                msg!("{}: giới tính \"{t}\" không đọc được; ghi \"Nam\" hoặc \"Nữ\", hoặc để trống", at.vi;
                                     "{}: the gender \"{t}\" cannot be read; write \"Nam\" or \"Nữ\", or leave it empty", at.en),
                            ))
                        }
                    };
                }
                Col::Birth => {
                    let bound = Upto {
                        day: upto,
                        vi: "ngày của quyết định",
                        en: "the decision's date",
                    };
                    a.birth = birth_cell(cell, bound)
                        .map_err(|m| fail(msg!("{}: {}", at.vi, m.vi; "{}: {}", at.en, m.en)))?;
                }
                Col::ProposalDate => {
                    let day = match cell {
                        Cell::Empty => None,
                        Cell::Date(d) => Some(*d),
                        Cell::Text(t) if t.trim().is_empty() => None,
                        Cell::Text(t) => Some(day_text(t).ok_or_else(|| {
                            fail(msg!("{}: ngày tờ trình \"{t}\" không đọc được; ghi dd/mm/yyyy", at.vi;
                                      "{}: the proposal's date \"{t}\" cannot be read; write dd/mm/yyyy", at.en))
                        })?),
                        _ => {
                            return Err(fail(
                                msg!("{}: ngày tờ trình không đọc được; ghi dd/mm/yyyy", at.vi;
                                     "{}: the proposal's date cannot be read; write dd/mm/yyyy", at.en),
                            ))
                        }
                    };
                    if let Some(d) = day.filter(|d| *d > upto) {
                        let (d, u) = (d.dmy(), upto.dmy());
                        return Err(fail(
                            msg!("{}, dòng {}: ngày tờ trình {d} sau ngày của quyết định ({u}): quyết định không thể khen theo một tờ trình chưa có; kiểm tra --ngay-quyet-dinh, hoặc ô ấy", at.vi, r + 1;
                                 "{}, row {}: the proposal's date {d} is after the decision's date ({u}): a decision cannot grant a proposal not yet made; check --ngay-quyet-dinh, or the cell", at.en, r + 1),
                        ));
                    }
                }
            }
        }
        if a.name.is_empty() {
            if let Some(c) = filled {
                let (s, row) = (&sheet.name, r + 1);
                let cell = format!("{}{row}", column_name(c as usize));
                let name = cols
                    .iter()
                    .find(|x| x.1 == Col::Name)
                    .map(|x| format!("{}{row}", column_name(x.0 as usize)))
                    .unwrap_or_default();
                return Err(fail(
                    msg!("trang \"{s}\", dòng {row}: không có tên (ô {name} trống) nhưng có giá trị ở ô {cell}: giấy khen của dòng này sẽ bị thiếu; ghi tên, hoặc xóa cả dòng nếu không khen";
                         "sheet \"{s}\", row {row}: no name (cell {name} is empty) but a value in cell {cell}: this row's certificate would be missing; write the name, or delete the whole row if it is not awarded"),
                ));
            }
            continue;
        }
        // A total or a numbering row under the heading: no awardee.
        if numbering(&a.name) {
            continue;
        }
        awardees.push(a);
    }
    if awardees.is_empty() {
        let s = &sheet.name;
        return Err(fail(
            msg!("trang \"{s}\" không có người nào dưới dòng tiêu đề"; "the sheet \"{s}\" has nobody under its heading row"),
        ));
    }
    Ok(List {
        file: path.to_path_buf(),
        sheet: sheet.name.clone(),
        awardees,
        hidden,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> Result<List, ListError> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("ds.csv");
        std::fs::write(&p, text).unwrap();
        read(&p, Date::parse("2026-12-15").unwrap())
    }

    const HEAD: &str = "STT,Họ và tên / Tên tập thể,Loại,Giới tính,Ngày sinh (năm sinh),\"Chức vụ, đơn vị\",Hình thức,Mã hình thức,Phong trào,Mã phong trào,Thành tích,Nơi đề nghị,Tờ trình số,Ngày tờ trình\n";

    #[test]
    fn the_columns_are_found_by_their_headings() {
        let l = csv(&format!(
            "{}{}",
            HEAD,
            "1,Nguyễn Văn An,Cá nhân,Nam,1980,\"Giáo viên, Trường Tiểu học Ninh Hải\",Giấy khen,gk,Phong trào thi đua 2026,pt,,UBND xã,12/TTr-UBND,01/11/2026\n\
             2,Trường Tiểu học Ninh Hải,Tập thể,,,,Giấy khen,gk,Phong trào thi đua 2026,pt,Đã hoàn thành xuất sắc nhiệm vụ,,,\n\
             3,Lê Thị Bình,,,,,Giấy khen,,,,,,,\n"
        ))
        .unwrap();
        assert_eq!(l.awardees.len(), 3);
        let a = &l.awardees[0];
        assert_eq!(a.titled(), "Ông Nguyễn Văn An");
        assert_eq!(a.birth, Some(Birth::Year(1980)));
        assert_eq!(a.unit, "Giáo viên, Trường Tiểu học Ninh Hải");
        assert_eq!((a.form.as_str(), a.form_id.as_str()), ("Giấy khen", "gk"));
        assert_eq!(a.row, 2);
        let t = &l.awardees[1];
        assert_eq!(
            (t.kind, t.titled().as_str()),
            (Kind::Collective, "Trường Tiểu học Ninh Hải")
        );
        assert_eq!(t.achievement, "Đã hoàn thành xuất sắc nhiệm vụ");
        assert!(l.awardees[2].untitled());
        assert_eq!(l.awardees[2].titled(), "Lê Thị Bình");
    }

    #[test]
    fn a_value_that_cannot_be_read_is_refused_with_its_cell() {
        for (row, says) in [
            (
                "1,An,Cá nhân,Không rõ,,,,,,,,,,\n",
                "ô D2: giới tính \"Không rõ\"",
            ),
            ("1,An,Công ty,,,,,,,,,,,\n", "ô C2: loại \"Công ty\""),
            ("1,An,,,85,,,,,,,,,\n", "ô E2: "),
        ] {
            let e = csv(&format!("{HEAD}{row}")).unwrap_err();
            assert!(e.msg().vi.contains(says), "{}", e.msg().vi);
            assert!(e.msg().vi.ends_with("không có tệp nào được ghi"));
        }
        assert!(csv("STT,Đơn vị\n1,x\n")
            .unwrap_err()
            .msg()
            .vi
            .contains("Họ và tên"));
        assert!(csv(HEAD)
            .unwrap_err()
            .msg()
            .vi
            .contains("không có người nào"));
    }
}
