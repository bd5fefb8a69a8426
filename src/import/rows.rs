//! Finding the header row of a clerk's list and reading each row as a nominee.
//!
//! Lists are made for people: a title and the unit's name above the table, merged cells, blank
//! rows, an STT column, group rows such as "I. TẬP THỂ", a signature under it. The header row is
//! the first row whose cells name the columns this reader knows (compared without diacritics,
//! case or spacing); everything above it is ignored and every column it does not know is named
//! as ignored. Values are taken as clerks type them: Excel date serials or `dd/mm/yyyy`, "Nam" and
//! "Nữ", kinds of nominee written out in words, doubled spaces, NFD, TCVN3 or VNI.

use super::table::{column_name, Book, Cell, Sheet};
use super::Problem;
use crate::criteria::{NomineeType, RuleSet};
use crate::date::Date;
use crate::msg;
use crate::text::slug::slug;
use crate::text::{detect_legacy, fold_whitespace, to_nfc};

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
    /// Đối tượng.
    DoiTuong,
    /// Cá nhân/Tập thể.
    Loai,
    /// Ngày sinh.
    NgaySinh,
    /// Giới tính.
    GioiTinh,
    /// Tán thành.
    TanThanh,
    /// Không tán thành.
    KhongTanThanh,
}

/// Header texts, folded (no diacritics, lowercase, words joined by one space).
const NAMES: &[(Field, &[&str])] = &[
    (Field::Stt, &["stt", "tt", "so tt", "so thu tu"]),
    (Field::Ma, &["ma", "ma so", "ma nguoi duoc de nghi"]),
    (
        Field::Ten,
        &[
            "ho va ten",
            "ho ten",
            "ten tap the",
            "ho va ten ten tap the",
            "ho ten ten tap the",
            "ten ca nhan tap the",
            "ten tap the ca nhan",
            "ten",
        ],
    ),
    (
        Field::ChucVu,
        &["chuc vu", "chuc danh", "chuc vu chuc danh"],
    ),
    (
        Field::DonVi,
        &[
            "don vi",
            "don vi cong tac",
            "co quan don vi",
            "noi cong tac",
            "noi cu tru",
        ],
    ),
    (Field::DoiTuong, &["doi tuong", "doi tuong khen thuong"]),
    (
        Field::Loai,
        &[
            "ca nhan tap the",
            "ca nhan tap the ho gia dinh",
            "loai",
            "phan loai",
        ],
    ),
    (Field::NgaySinh, &["ngay sinh", "ngay thang nam sinh"]),
    (Field::GioiTinh, &["gioi tinh"]),
    (
        Field::TanThanh,
        &["tan thanh", "so phieu tan thanh", "phieu tan thanh"],
    ),
    (
        Field::KhongTanThanh,
        &[
            "khong tan thanh",
            "so phieu khong tan thanh",
            "phieu khong tan thanh",
        ],
    ),
];

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
            Field::DoiTuong => "Đối tượng",
            Field::Loai => "Cá nhân/Tập thể",
            Field::NgaySinh => "Ngày sinh",
            Field::GioiTinh => "Giới tính",
            Field::TanThanh => "Tán thành",
            Field::KhongTanThanh => "Không tán thành",
        }
    }
}

/// Text folded for comparing headers and kinds: no parenthesised notes, no diacritics, lowercase.
fn fold(s: &str) -> String {
    let mut bare = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    slug(&bare).unwrap_or_default().replace('-', " ")
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
    /// Individual, collective or household.
    pub loai: NomineeType,
    /// Position.
    pub chuc_vu: Option<String>,
    /// Unit.
    pub don_vi: Option<String>,
    /// Kind of nominee: a rule-set id.
    pub doi_tuong: String,
    /// Birth date.
    pub ngay_sinh: Option<Date>,
    /// `nam` or `nu`.
    pub gioi_tinh: Option<&'static str>,
    /// Votes in favour.
    pub tan_thanh: Option<u32>,
    /// Votes against.
    pub khong_tan_thanh: Option<u32>,
}

/// What was read from the list.
#[derive(Debug, Clone, Default)]
pub struct Read {
    /// The sheet read.
    pub sheet: String,
    /// The header row (`Danh sách!4`).
    pub header_row: String,
    /// Columns matched: (letter, field, header as written).
    pub matched: Vec<(String, Field, String)>,
    /// Columns ignored: (letter, header as written).
    pub ignored: Vec<(String, String)>,
    /// The nominees, in the list's order.
    pub rows: Vec<Listed>,
    /// Whether the list has vote columns.
    pub has_votes: bool,
}

/// A cell as clean text: legacy encodings decoded (and counted), NFC, spaces folded, control
/// and invisible characters dropped and look-alike letters written in Latin (a cell pasted from
/// a web page or a chat brings a zero-width space or an escape sequence, which the dossier
/// must not inherit: the check would warn of it, and an id made from it would carry it).
struct Cleaner {
    /// Per column and encoding: (cells decoded, column, encoding name, first such cell).
    legacy: Vec<(usize, String, &'static str, String)>,
    /// Per column: cells that were not NFC.
    nfd: Vec<(usize, String)>,
}

impl Cleaner {
    fn text(&mut self, sheet: &Sheet, r: u32, c: u32) -> Option<String> {
        let raw = match sheet.get(r, c) {
            Cell::Text(t) => t.clone(),
            Cell::Number(n, _) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n, _) => n.to_string(),
            Cell::Bool(b) => if *b { "có" } else { "không" }.to_owned(),
            Cell::Date(_) | Cell::Empty | Cell::Error(_) | Cell::Formula(_) => return None,
        };
        let mut text = raw;
        let column = column_name(c as usize);
        if let Some(guess) = detect_legacy(&text) {
            let name = guess.encoding.name();
            match self
                .legacy
                .iter_mut()
                .find(|e| e.1 == column && e.2 == name)
            {
                Some(e) => e.0 += 1,
                None => self.legacy.push((1, column, name, sheet.place(r, c))),
            }
            text = guess.decoded;
        } else if !crate::text::is_nfc(&text) {
            match self.nfd.iter_mut().find(|e| e.1 == column) {
                Some(e) => e.0 += 1,
                None => self.nfd.push((1, column)),
            }
        }
        let text = without_controls(&text);
        let text = crate::text::chars::clean(&text);
        let text = fold_whitespace(&to_nfc(&text)).trim().to_owned();
        (!text.is_empty()).then_some(text)
    }
}

/// `s` without control characters, and without the terminal sequences they start (`ESC [ … m`
/// colours, `ESC ] … BEL` titles), whose printable remainder ("[31m") would otherwise stay in
/// the name and in the id made from it. Tabs and line breaks stay, for the whitespace folding.
fn without_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            match chars.peek() {
                Some('[') => {
                    chars.next();
                    // Parameters, then one final letter in @..~.
                    for d in chars.by_ref() {
                        if ('@'..='~').contains(&d) && d != '[' {
                            break;
                        }
                    }
                }
                Some(']') => {
                    chars.next();
                    while let Some(d) = chars.next() {
                        if d == '\u{7}' || (d == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                _ => {}
            }
        } else if !c.is_control() || c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// The header row of a sheet: its index and each column's field.
fn header(sheet: &Sheet, cleaner: &mut Cleaner) -> Option<(u32, Vec<Option<Field>>)> {
    let rows: Vec<u32> = sheet.row_numbers().take(60).collect();
    for r in rows {
        let width = sheet.row(r).map(|(c, _)| c).max().map_or(0, |c| c + 1);
        let fields: Vec<Option<Field>> = (0..width)
            .map(|c| {
                let t = fold(&cleaner.text(sheet, r, c)?);
                NAMES
                    .iter()
                    .find(|(_, names)| names.contains(&t.as_str()))
                    .map(|(f, _)| *f)
            })
            .collect();
        let known = fields.iter().flatten().count();
        if fields.contains(&Some(Field::Ten)) && known >= 2 {
            return Some((r, fields));
        }
    }
    None
}

/// The type a "Cá nhân/Tập thể" cell or a group row names.
fn nominee_type(s: &str) -> Option<NomineeType> {
    let f = fold(s);
    if f.contains("ho gia dinh") || f == "hgd" || f == "ho" {
        Some(NomineeType::Household)
    } else if f.contains("tap the") || f == "tt" {
        Some(NomineeType::Collective)
    } else if f.contains("ca nhan") || f == "cn" {
        Some(NomineeType::Individual)
    } else {
        None
    }
}

/// A group row's label: "I. TẬP THỂ", "B - Cá nhân".
fn group(stt: Option<&str>, ten: &str) -> Option<NomineeType> {
    let roman = |s: &str| {
        let s = s.trim_end_matches(['.', ')', ' ']);
        !s.is_empty()
            && s.chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X' | 'A' | 'B' | 'C' | 'D'))
    };
    let head = ten.split([' ', '.']).next().unwrap_or("");
    if stt.is_some_and(roman) || roman(head) {
        nominee_type(ten)
    } else {
        None
    }
}

/// An Excel serial day (1900 system, with its phantom 29 February 1900) as a date.
fn serial_date(n: f64) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    // Day 25569 is 1970-01-01.
    Some(Date::from_days(n.floor() as i64 - 25_569))
}

/// `dd/mm/yyyy`, `d-m-yyyy`, `dd.mm.yyyy` or `yyyy-mm-dd`.
fn text_date(s: &str) -> Option<Date> {
    let parts: Vec<&str> = s.trim().split(['/', '-', '.']).map(str::trim).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (y, m, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if y < 1000 {
        return None;
    }
    Date::parse(&format!("{y:04}-{m:02}-{d:02}")).ok()
}

/// The rule set's kind of nominee a cell names: its id, its name, or the name shortened
/// ("Lực lượng tuyến đầu" for "Lực lượng ở tuyến đầu trực tiếp …"): the kind whose name holds
/// every word of the cell, the closest if several do.
fn kind_id(rs: &RuleSet, s: &str) -> Option<String> {
    let t = s.trim();
    if let Some(k) = rs.nominee_kinds.iter().find(|k| k.id == t) {
        return Some(k.id.clone());
    }
    let words: Vec<String> = fold(t).split(' ').map(str::to_owned).collect();
    if words.iter().all(String::is_empty) {
        return None;
    }
    rs.nominee_kinds
        .iter()
        .filter_map(|k| {
            let name: Vec<String> = fold(&k.ten).split(' ').map(str::to_owned).collect();
            let id_words = k.id.replace('_', " ");
            let hit = words.iter().all(|w| name.contains(w)) || fold(t) == id_words;
            hit.then_some((name.len(), k.id.clone()))
        })
        .min()
        .map(|(_, id)| id)
}

/// Read the nominees of the first sheet that has a header row.
pub fn read(book: &Book, rs: &RuleSet, problems: &mut Vec<Problem>) -> Option<Read> {
    let sheets = &book.sheets;
    let mut cleaner = Cleaner {
        legacy: Vec::new(),
        nfd: Vec::new(),
    };
    let (sheet, (h, fields)) = sheets
        .iter()
        .find_map(|s| header(s, &mut cleaner).map(|h| (s, h)))?;
    let mut out = Read {
        sheet: sheet.name.clone(),
        header_row: sheet.row_place(h),
        ..Read::default()
    };
    for (c, f) in (0u32..).zip(fields.iter()) {
        let written = cleaner.text(sheet, h, c).unwrap_or_default();
        match f {
            Some(f) => out.matched.push((column_name(c as usize), *f, written)),
            None if !written.is_empty() => {
                out.ignored.push((column_name(c as usize), written));
            }
            None => {}
        }
    }
    let col = |f: Field| {
        fields
            .iter()
            .position(|x| *x == Some(f))
            .and_then(|c| u32::try_from(c).ok())
    };
    out.has_votes = col(Field::TanThanh).is_some();
    cleaner.legacy.clear();
    cleaner.nfd.clear();
    let mut current_group: Option<NomineeType> = None;
    let below: Vec<u32> = sheet.row_numbers().filter(|r| *r > h).collect();
    for r in below {
        let mut get = |f: Field| col(f).and_then(|c| cleaner.text(sheet, r, c));
        let stt = get(Field::Stt);
        let ten = get(Field::Ten);
        let others: Vec<Field> = [
            Field::ChucVu,
            Field::DonVi,
            Field::DoiTuong,
            Field::Loai,
            Field::NgaySinh,
            Field::GioiTinh,
            Field::TanThanh,
            Field::KhongTanThanh,
        ]
        .into_iter()
        .filter(|f| col(*f).is_some_and(|c| !sheet.get(r, c).is_empty()))
        .collect();
        let Some(ten) = ten else {
            // A numbered row without its name is a mistake, and so is a row with two or more
            // details (unit, kind, votes) and no name, numbered or not: a list without an STT
            // column lost such a nominee silently. Anything else without a name (a signature
            // line under the table, one cell) is not a row of the list.
            if (stt.is_some() && !others.is_empty()) || others.len() >= 2 {
                let c = col(Field::Ten).unwrap_or(0);
                problems.push(Problem::error(
                    sheet.place(r, c),
                    msg!("dòng có số liệu nhưng thiếu họ và tên / tên tập thể"; "the row has data but no name"),
                ));
            }
            continue;
        };
        if others.is_empty() {
            if let Some(t) = group(stt.as_deref(), &ten) {
                current_group = Some(t);
                continue;
            }
            // A line under the table ("Tổng cộng: 09", "Người lập biểu"): no number, no data.
            if stt.is_none() && col(Field::Stt).is_some() {
                continue;
            }
        }
        let cell = |f: Field| col(f).map(|c| sheet.place(r, c)).unwrap_or_default();
        let name_cell = cell(Field::Ten);
        let mut get = |f: Field| col(f).and_then(|c| cleaner.text(sheet, r, c));
        let chuc_vu = get(Field::ChucVu);
        let don_vi = get(Field::DonVi);
        let ma = get(Field::Ma);
        let loai_text = get(Field::Loai);
        let gioi = get(Field::GioiTinh);
        let kind_text = get(Field::DoiTuong);
        let yes_text = get(Field::TanThanh);
        let no_text = get(Field::KhongTanThanh);
        let birth_text = get(Field::NgaySinh);

        let loai = match &loai_text {
            Some(t) => match nominee_type(t) {
                Some(l) => l,
                None => {
                    problems.push(Problem::error(
                        cell(Field::Loai),
                        msg!("\"{}\" không phải \"Cá nhân\", \"Tập thể\" hay \"Hộ gia đình\"", t;
                             "\"{}\" is not \"Cá nhân\" (individual), \"Tập thể\" (collective) or \"Hộ gia đình\" (household)", t),
                    ));
                    continue;
                }
            },
            None => current_group.unwrap_or_else(|| {
                if ten.starts_with("Hộ ") {
                    NomineeType::Household
                } else {
                    NomineeType::Individual
                }
            }),
        };
        let ngay_sinh = match col(Field::NgaySinh).map(|c| sheet.get(r, c)) {
            Some(Cell::Date(d)) => Some(*d),
            Some(Cell::Number(n, _)) => match serial_date(*n) {
                Some(d) => Some(d),
                None => {
                    problems.push(Problem::error(
                        cell(Field::NgaySinh),
                        msg!("ngày sinh {} không phải một ngày", n; "birth date {} is not a date", n),
                    ));
                    continue;
                }
            },
            _ => match birth_text.as_deref().map(|t| (t, text_date(t))) {
                None => None,
                Some((_, Some(d))) => Some(d),
                Some((t, None)) => {
                    problems.push(Problem::error(
                        cell(Field::NgaySinh),
                        msg!("ngày sinh \"{}\" không đọc được; ghi dạng ngày/tháng/năm, ví dụ 12/03/1986", t;
                             "birth date \"{}\" cannot be read; write it day/month/year, e.g. 12/03/1986", t),
                    ));
                    continue;
                }
            },
        };
        let gioi_tinh = match gioi.as_deref().map(fold).as_deref() {
            None => None,
            Some("nam") => Some("nam"),
            Some("nu") => Some("nu"),
            Some(_) => {
                let g = gioi.unwrap_or_default();
                problems.push(Problem::error(
                    cell(Field::GioiTinh),
                    msg!("giới tính \"{}\": ghi \"Nam\" hoặc \"Nữ\"", g;
                         "sex \"{}\": write \"Nam\" or \"Nữ\"", g),
                ));
                continue;
            }
        };
        let admits = |id: &str| rs.nominee_kind(id).is_some_and(|k| k.admits(loai));
        let doi_tuong = match &kind_text {
            Some(t) => match kind_id(rs, t) {
                Some(id) => id,
                None => {
                    let known: Vec<String> =
                        rs.nominee_kinds.iter().map(|k| k.ten.clone()).collect();
                    problems.push(Problem::error(
                        cell(Field::DoiTuong),
                        msg!("đối tượng \"{}\" không có trong bộ quy tắc {}; các đối tượng: {}", t, rs.id, known.join("; ");
                             "kind of nominee \"{}\" is not in rule set {}; its kinds: {}", t, rs.id, known.join("; ")),
                    ));
                    continue;
                }
            },
            None => {
                let fitting: Vec<&str> = rs
                    .nominee_kinds
                    .iter()
                    .filter(|k| k.admits(loai))
                    .map(|k| k.id.as_str())
                    .collect();
                match fitting.as_slice() {
                    [one] => (*one).to_owned(),
                    _ => {
                        problems.push(Problem::error(
                            name_cell.clone(),
                            msg!("thiếu đối tượng khen thưởng của \"{}\" (thêm cột \"Đối tượng\")", ten;
                                 "no kind of nominee for \"{}\" (add a column \"Đối tượng\")", ten),
                        ));
                        continue;
                    }
                }
            }
        };
        if !admits(&doi_tuong) {
            problems.push(Problem::error(
                cell(Field::DoiTuong),
                msg!("đối tượng \"{}\" không dành cho {}", doi_tuong, loai.vi();
                     "kind `{}` is not for a {}", doi_tuong, loai.en()),
            ));
            continue;
        }
        let mut count = |f: Field, t: Option<String>| -> Result<Option<u32>, ()> {
            let Some(t) = t else { return Ok(None) };
            match t.trim().parse::<u32>() {
                Ok(n) => Ok(Some(n)),
                Err(_) => {
                    problems.push(Problem::error(
                        cell(f),
                        msg!("số phiếu \"{}\" không phải số nguyên", t; "vote count \"{}\" is not a whole number", t),
                    ));
                    Err(())
                }
            }
        };
        let (Ok(tan_thanh), Ok(khong_tan_thanh)) = (
            count(Field::TanThanh, yes_text),
            count(Field::KhongTanThanh, no_text),
        ) else {
            continue;
        };
        let individual = loai == NomineeType::Individual;
        out.rows.push(Listed {
            row: r as usize + 1,
            name_cell,
            ma,
            ten,
            loai,
            chuc_vu: if individual { chuc_vu } else { None },
            don_vi,
            doi_tuong,
            ngay_sinh: if individual { ngay_sinh } else { None },
            gioi_tinh: if individual { gioi_tinh } else { None },
            tan_thanh,
            khong_tan_thanh,
        });
    }
    // One cell is the common case (a name pasted from an old file): "1 cells ... (the first
    // here)" read as a machine's sentence.
    for (n, column, encoding, first) in &cleaner.legacy {
        let m = if *n == 1 {
            msg!("ô này gõ bằng bảng mã {}: đã chuyển sang Unicode", encoding;
                 "this cell was typed in {}: converted to Unicode", encoding)
        } else {
            msg!("{} ô của cột {} (ô đầu tiên ở đây) gõ bằng bảng mã {}: đã chuyển sang Unicode", n, column, encoding;
                 "{} cells of column {} (the first here) were typed in {}: converted to Unicode", n, column, encoding)
        };
        problems.push(Problem::note(first.clone(), m));
    }
    for (n, column) in &cleaner.nfd {
        let m = if *n == 1 {
            msg!("1 ô của cột {} ở dạng Unicode tổ hợp (NFD): đã chuẩn hóa về dựng sẵn (NFC)", column;
                 "1 cell of column {} was in decomposed Unicode (NFD): normalised to NFC", column)
        } else {
            msg!("{} ô của cột {} ở dạng Unicode tổ hợp (NFD): đã chuẩn hóa về dựng sẵn (NFC)", n, column;
                 "{} cells of column {} were in decomposed Unicode (NFD): normalised to NFC", n, column)
        };
        problems.push(Problem::note(format!("{}!{column}", sheet.name), m));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_clerks_type_them() {
        assert_eq!(
            serial_date(31_118.0).map(|d| d.to_string()),
            Some("1985-03-12".to_owned())
        );
        assert_eq!(
            text_date("12/03/1985").map(|d| d.to_string()),
            Some("1985-03-12".to_owned())
        );
        assert_eq!(
            text_date("1-2-1990").map(|d| d.to_string()),
            Some("1990-02-01".to_owned())
        );
        assert_eq!(text_date("31/02/1990"), None);
        assert_eq!(text_date("1990"), None);
    }

    #[test]
    fn headers_fold() {
        assert_eq!(fold("Họ và tên (1)"), "ho va ten");
        assert_eq!(fold(" Cá nhân/Tập thể "), "ca nhan tap the");
        assert_eq!(fold("KHÔNG TÁN THÀNH"), "khong tan thanh");
    }
}
