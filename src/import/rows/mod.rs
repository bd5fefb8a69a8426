//! The nominees of a clerk's list, read as the clerk sees the list in Excel.
//!
//! Lists are made for people: a title and the unit's name above the table, a header over one or
//! two rows, a row of column numbers, group rows such as "I. TẬP THỂ", merged cells, a total
//! and a signature under it, a filter hiding the rows the council rejected, last year's list in
//! a hidden sheet. What the import takes is what the program shows: visible sheets, visible rows
//! and columns, a merged value for every row it spans, each value as displayed
//! ([`value`]); every change made on the way is said as a note with its cell, and what cannot be
//! read exactly is refused with its cell. The modules: which sheets are read (here), the header
//! and its columns ([`header`]), the rows that are not nominees ([`layout`]), the rows of one
//! sheet ([`sheet`]), a cell's value ([`value`]), a person's name ([`name`]), the notes
//! gathered on the way ([`notes`]).

mod header;
mod layout;
mod name;
mod notes;
mod sheet;
mod value;

use super::table::{self, Book, Visibility};
use super::Problem;
use crate::criteria::{NomineeType, RuleSet};
use crate::date::Date;
use crate::diag::Msg;
use crate::msg;

pub use value::Birth;

/// A column this reader knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// STT: serial number (read only to tell group rows).
    Stt,
    /// An id the clerk gave (`ma`).
    Ma,
    /// Họ và tên / Tên tập thể.
    Ten,
    /// Chức vụ.
    ChucVu,
    /// Đơn vị.
    DonVi,
    /// "Chức vụ, đơn vị công tác" in one column.
    ChucVuDonVi,
    /// Cấp bậc / quân hàm.
    CapBac,
    /// Đối tượng.
    DoiTuong,
    /// Cá nhân/Tập thể.
    Loai,
    /// Ngày sinh (or Năm sinh).
    NgaySinh,
    /// The "Nam" column under "Năm sinh": the birth year of a man.
    NgaySinhNam,
    /// The "Nữ" column under "Năm sinh": the birth year of a woman.
    NgaySinhNu,
    /// Giới tính.
    GioiTinh,
    /// Tán thành.
    TanThanh,
    /// Không tán thành.
    KhongTanThanh,
}

impl Field {
    /// The column's Vietnamese name, for messages.
    #[must_use]
    pub fn vi(self) -> &'static str {
        match self {
            Field::Stt => "STT",
            Field::Ma => "Mã",
            Field::Ten => "Họ và tên / Tên tập thể",
            Field::ChucVu => "Chức vụ",
            Field::DonVi => "Đơn vị",
            Field::ChucVuDonVi => "Chức vụ, đơn vị công tác",
            Field::CapBac => "Cấp bậc",
            Field::DoiTuong => "Đối tượng",
            Field::Loai => "Cá nhân/Tập thể",
            Field::NgaySinh => "Ngày sinh",
            Field::NgaySinhNam => "Ngày sinh, giới tính nam",
            Field::NgaySinhNu => "Ngày sinh, giới tính nữ",
            Field::GioiTinh => "Giới tính",
            Field::TanThanh => "Tán thành",
            Field::KhongTanThanh => "Không tán thành",
        }
    }

    /// What a column was read as, in both languages: the Vietnamese column names are the
    /// list's words, but what the program made of them is said in the reader's language.
    #[must_use]
    pub fn words(self) -> Msg {
        let en = match self {
            Field::Stt => "serial number",
            Field::Ma => "id",
            Field::Ten => "name",
            Field::ChucVu => "position",
            Field::DonVi => "unit",
            Field::ChucVuDonVi => "position and unit",
            Field::CapBac => "rank",
            Field::NgaySinhNam => "birth date, male",
            Field::NgaySinhNu => "birth date, female",
            Field::DoiTuong => "kind of nominee",
            Field::Loai => "individual or collective",
            Field::NgaySinh => "birth date",
            Field::GioiTinh => "sex",
            Field::TanThanh => "votes in favour",
            Field::KhongTanThanh => "votes against",
        };
        Msg::new(self.vi(), en)
    }
}

/// One nominee as the list gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    /// The row's number on its sheet (1-based), for messages: the sheet is already named by
    /// the place a message is given at, and "dòng Danh sách!7" read as code.
    pub row: usize,
    /// The name cell, for messages.
    pub name_cell: String,
    /// An id the list gives, if it has a Mã column.
    pub ma: Option<String>,
    /// Name.
    pub ten: String,
    /// A rank kept apart from the name ("Đại tá").
    pub cap_bac: Option<String>,
    /// Individual, collective or household.
    pub loai: NomineeType,
    /// Position.
    pub chuc_vu: Option<String>,
    /// Unit.
    pub don_vi: Option<String>,
    /// Position and unit in one text, as one column of the list gives them.
    pub chuc_vu_don_vi: Option<String>,
    /// Kind of nominee: a rule-set id.
    pub doi_tuong: String,
    /// Birth date, or year.
    pub ngay_sinh: Option<Birth>,
    /// `nam` or `nu`.
    pub gioi_tinh: Option<&'static str>,
    /// Votes in favour.
    pub tan_thanh: Option<u32>,
    /// Votes against.
    pub khong_tan_thanh: Option<u32>,
}

/// One sheet's table.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The sheet.
    pub sheet: String,
    /// The header row (`Danh sách!4`).
    pub header_row: String,
    /// Columns matched: (letter, field, header as written).
    pub matched: Vec<(String, Field, String)>,
    /// Columns ignored: (letter, header as written).
    pub ignored: Vec<(String, String)>,
    /// Nominees read from it.
    pub count: usize,
}

/// Why a sheet was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skipped {
    /// Its tab is hidden.
    Hidden,
    /// It has no header row.
    NoHeader,
    /// Another sheet was asked for (`--sheet`).
    NotChosen,
}

/// What was read from the list.
#[derive(Debug, Clone, Default)]
pub struct Read {
    /// The tables read, one per sheet, in the order read.
    pub tables: Vec<Table>,
    /// Sheets not read, and why.
    pub skipped: Vec<(String, Skipped)>,
    /// The nominees, in the list's order.
    pub rows: Vec<Listed>,
    /// Whether the list has vote columns.
    pub has_votes: bool,
}

impl Read {
    /// The first sheet read, to place a message about the whole list.
    #[must_use]
    pub fn sheet(&self) -> &str {
        self.tables.first().map_or("", |t| t.sheet.as_str())
    }
}

/// A sheet asked for that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    /// No sheet of that name: the sheets the file has.
    Unknown {
        /// The name asked for.
        name: String,
        /// The file's sheets, in tab order.
        sheets: Vec<String>,
    },
    /// The sheet is hidden.
    Hidden {
        /// Its name.
        name: String,
    },
}

impl SheetError {
    /// In both languages.
    #[must_use]
    pub fn msg(&self) -> Msg {
        match self {
            SheetError::Unknown { name, sheets } => {
                let list = sheets
                    .iter()
                    .map(|s| format!("\"{s}\""))
                    .collect::<Vec<_>>()
                    .join(", ");
                msg!("tệp không có trang \"{}\"; các trang: {}", name, list;
                     "the file has no sheet \"{}\"; its sheets: {}", name, list)
            }
            SheetError::Hidden { name } => msg!(
                "trang \"{}\" đang ẩn: danh sách là những gì Excel hiện ra; bỏ ẩn trang (chuột phải vào tên trang > Unhide) nếu đúng là trang cần đọc", name;
                "sheet \"{}\" is hidden: the list is what Excel shows; unhide it (right-click a tab > Unhide) if it is the sheet to read", name),
        }
    }
}

/// Read the nominees of the list: the sheet `chosen`, or every visible sheet with a header row
/// (the active one first, then the others in tab order). Birth dates after `upto` (the
/// proposal's date) are refused. None when no sheet read has a header row.
pub fn read(
    book: &Book,
    chosen: Option<&str>,
    rs: &RuleSet,
    upto: Date,
    problems: &mut Vec<Problem>,
) -> Result<Option<Read>, SheetError> {
    let mut out = Read::default();
    let mut order: Vec<usize> = Vec::new();
    if let Some(name) = chosen {
        let at = book
            .sheets
            .iter()
            .position(|s| s.name == name)
            .or_else(|| {
                let want = name.trim().to_lowercase();
                book.sheets
                    .iter()
                    .position(|s| s.name.trim().to_lowercase() == want)
            })
            .ok_or_else(|| SheetError::Unknown {
                name: name.to_owned(),
                sheets: book.sheets.iter().map(|s| s.name.clone()).collect(),
            })?;
        let sheet = &book.sheets[at];
        if sheet.visibility != Visibility::Visible {
            return Err(SheetError::Hidden {
                name: sheet.name.clone(),
            });
        }
        order.push(at);
        for s in &book.sheets {
            if s.name != sheet.name {
                out.skipped.push((s.name.clone(), Skipped::NotChosen));
            }
        }
    } else {
        let active = book.active.filter(|a| {
            book.sheets
                .get(*a)
                .is_some_and(|s| s.visibility == Visibility::Visible)
        });
        order.extend(active);
        order.extend((0..book.sheets.len()).filter(|i| Some(*i) != active));
    }
    for i in order {
        let Some(s) = book.sheets.get(i) else {
            continue;
        };
        if s.visibility != Visibility::Visible {
            out.skipped.push((s.name.clone(), Skipped::Hidden));
            continue;
        }
        let Some(layout) = header::find(s) else {
            if !s.is_empty() {
                out.skipped.push((s.name.clone(), Skipped::NoHeader));
            }
            continue;
        };
        let (table, rows, has_votes) = sheet::read(s, &layout, rs, upto, problems);
        out.tables.push(table);
        out.rows.extend(rows);
        out.has_votes |= has_votes;
    }
    Ok((!out.tables.is_empty()).then_some(out))
}

#[cfg(test)]
mod tests;

pub use value::Upto;

/// A birth cell of a sheet that is not a list (the office's register of awards, the decision's
/// list, #22), read as a list's is: a date, a year in four figures, or refused with why, the
/// bound named as `upto` names it.
pub fn birth_cell(cell: &table::Cell, upto: Upto) -> Result<Option<Birth>, Msg> {
    value::birth(&mut value::Cleaner::default(), cell, "", "", upto)
}

/// A text cell of such a sheet made clean as a list's are (a legacy encoding decoded, NFC,
/// spaces folded, control and invisible characters dropped); None when nothing is left.
#[must_use]
pub fn text_cell(raw: &str) -> Option<String> {
    value::Cleaner::default().clean(raw, "", "")
}

/// A day written in a cell of such a sheet (`12/03/2022`, `2022-03-12`), as a list's are read.
#[must_use]
pub fn day_text(s: &str) -> Option<Date> {
    value::text_date(s).or_else(|| Date::parse(s.trim()).ok())
}
