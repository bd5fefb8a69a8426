//! The awards appended to the office's register of awards (sổ khen thưởng, `--so-khen-thuong`),
//! so that the next `review --register` flags a nominee already given the same form for the
//! same campaign.
//!
//! The register is the office's record; not a byte of it may be lost. So:
//! - a CSV register keeps every byte it had: the new rows go after them, with the file's own
//!   columns (found by their headings, as `review` finds them), separator and line ends, and the
//!   whole file is written anew and renamed into place, never half-written;
//! - an Excel or LibreOffice register is refused before anything is written: rewritten by this
//!   tool it would lose its formatting, formulas and other sheets; the message says to keep the
//!   register as CSV or to give a new file;
//! - a register that does not exist is made (CSV or xlsx by its extension) with headings
//!   `review` reads.
//!
//! Register numbers (`{so_vao_so}` on the certificate) continue the register's column "Số vào
//! sổ" from its highest number, or start at `--so-vao-so-dau`; a start at or below a number
//! the register holds is refused, since two certificates would carry one number. The plan is
//! made, and every refusal said, before the PDF is written.

use std::path::{Path, PathBuf};

use crate::date::Birth;
use crate::diag::Msg;
use crate::import::table::{self, column_name, Cell, Sheet};
use crate::msg;
use crate::review::duplicates::bare;
use crate::text::file_name::shown_path;

use super::list::Awardee;
use super::Decision;

/// Rows looked at for the heading row (as `review`'s reader).
const HEADER_ROWS: u32 = 20;
/// Columns looked at.
const HEADER_COLS: u32 = 64;

/// The headings of a register this tool makes: those `review --register` reads, and the
/// register number.
pub const HEADINGS: [&str; 9] = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Chức vụ, đơn vị",
    "Hình thức",
    "Phong trào",
    "Số quyết định",
    "Ngày quyết định",
    "Số vào sổ",
];

/// What the register will be, made before anything is written.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The file.
    pub file: PathBuf,
    /// Its whole new content.
    pub bytes: Vec<u8>,
    /// Whether the file is new.
    pub created: bool,
    /// Rows added.
    pub added: usize,
    /// The first awardee's register number, when numbered.
    pub first_number: Option<u64>,
    /// An existing register's permissions, given back to it once rewritten: the new file is
    /// a temporary one renamed into place, which would otherwise have the default mode.
    pub permissions: Option<std::fs::Permissions>,
}

/// Why the register cannot take the awards; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterError {
    /// The file.
    pub file: PathBuf,
    /// Why.
    pub why: Msg,
}

impl RegisterError {
    /// In both languages.
    #[must_use]
    pub fn msg(&self) -> Msg {
        let f = shown_path(&self.file);
        let (vi, en) = (&self.why.vi, &self.why.en);
        msg!("sổ khen thưởng \"{f}\": {vi}; không có tệp nào được ghi"; "the register of awards \"{f}\": {en}; nothing was written")
    }
}

crate::english_display!(RegisterError);

impl std::error::Error for RegisterError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Stt,
    Name,
    Birth,
    Unit,
    Form,
    Campaign,
    Decision,
    Decided,
    Number,
}

/// A register's heading: the same foldings as `review::register` reads, and the number.
fn column_of(heading: &str) -> Option<Col> {
    let h = bare(heading);
    // Marks and stars around a heading go ("Họ và tên (*)"), a closing bracket of the heading
    // itself stays ("Ngày sinh (năm sinh)").
    let h = h
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
    let h = h.strip_suffix("(*)").map_or(h, str::trim_end);
    Some(match h {
        "stt" | "tt" | "so tt" | "so thu tu" => Col::Stt,
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
        "so vao so" | "so vao so khen thuong" | "so so" | "so so vang" | "so trong so" => {
            Col::Number
        }
        _ => return None,
    })
}

/// The register's heading row and columns: the first row with a name, a form and a campaign
/// column (what `review` needs to use a register at all).
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
        let has = |want: Col| cols.iter().any(|x| x.1 == want);
        (has(Col::Name) && has(Col::Form) && has(Col::Campaign)).then_some((r, cols))
    })
}

/// A cell as text, for comparing and numbering.
fn text_of(c: &Cell) -> String {
    match c {
        Cell::Text(t) => t.trim().to_owned(),
        Cell::Number(n, _) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
        _ => String::new(),
    }
}

/// One awardee's value for a register column.
fn value(col: Col, a: &Awardee, d: &Decision, stt: u64, number: Option<u64>) -> String {
    let or = |x: &str, y: &str| {
        if x.is_empty() {
            y.to_owned()
        } else {
            x.to_owned()
        }
    };
    match col {
        Col::Stt => stt.to_string(),
        Col::Name => a.name.clone(),
        Col::Birth => a.birth.map(Birth::dmy).unwrap_or_default(),
        Col::Unit => a.unit.clone(),
        Col::Form => or(&a.form, &a.form_id),
        Col::Campaign => or(&a.campaign, &a.campaign_id),
        Col::Decision => d.number.clone(),
        Col::Decided => d.date.dmy(),
        Col::Number => number.map(|n| n.to_string()).unwrap_or_default(),
    }
}

/// The separator a CSV file uses, chosen as the reader chooses it.
fn separator(text: &str) -> char {
    [',', ';', '\t']
        .into_iter()
        .max_by_key(|s| {
            text.lines()
                .take(40)
                .map(|l| l.matches(*s).count())
                .sum::<usize>()
        })
        .unwrap_or(',')
}

/// One CSV field, quoted when it must be.
fn field(s: &str, sep: char) -> String {
    let plain = !s.contains([sep, '"', '\n', '\r']) && s.trim() == s;
    if plain {
        s.to_owned()
    } else {
        format!("\"{}\"", s.replace('"', "\"\""))
    }
}

/// Whether Excel would take a CSV cell for a formula: it begins with `=`, `+`, `-`, `@`, a tab or
/// a carriage return (a nominee named `=HYPERLINK(…)` would be a link, or worse, when the office
/// opens its register).
fn formula_like(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Refuse a value of the rows a CSV register would get that Excel would evaluate: the text is
/// not altered (a quote put before it would be a different name in the register), the row is
/// named for the list to be corrected. An xlsx register holds strings as strings and is safe.
fn refuse_formulas(
    awardees: &[Awardee],
    decision: &Decision,
    fail: &dyn Fn(Msg) -> RegisterError,
) -> Result<(), RegisterError> {
    for a in awardees {
        for col in [
            Col::Name,
            Col::Unit,
            Col::Form,
            Col::Campaign,
            Col::Decision,
        ] {
            let v = value(col, a, decision, 0, None);
            if formula_like(&v) {
                let (row, v) = (a.row, crate::text::file_name::shown(&v));
                return Err(fail(
                    msg!("dòng {row} của danh sách: giá trị \"{v}\" bắt đầu bằng ký tự mà Excel coi là công thức (=, +, -, @, tab): ghi vào sổ CSV, Excel sẽ tính nó khi mở sổ; sửa ô ấy trong danh sách, hoặc ghi vào một sổ .xlsx mới";
                         "row {row} of the list: the value \"{v}\" begins with a character Excel takes for a formula (=, +, -, @, tab): written into a CSV register, Excel would evaluate it on opening; correct the cell in the list, or give a new .xlsx register"),
                ));
            }
        }
    }
    Ok(())
}

/// The numbers to give: from `start`, else after the register's highest; refused when `start`
/// would repeat one, or when numbers are needed and neither says where to begin.
fn numbering(
    highest: Option<u64>,
    has_column: bool,
    start: Option<u64>,
    needed: bool,
    fail: &dyn Fn(Msg) -> RegisterError,
) -> Result<Option<u64>, RegisterError> {
    match (start, highest) {
        (Some(s), Some(h)) if s <= h => Err(fail(
            msg!("--so-vao-so-dau {s} không lớn hơn số vào sổ lớn nhất đã có ({h}): hai giấy khen sẽ mang cùng một số; bỏ --so-vao-so-dau để tiếp tục từ {}", h + 1;
                 "--so-vao-so-dau {s} is not above the highest register number already there ({h}): two certificates would carry one number; leave out --so-vao-so-dau to go on from {}", h + 1),
        )),
        (Some(s), _) => Ok(Some(s)),
        (None, Some(h)) => Ok(Some(h.saturating_add(1))),
        (None, None) if has_column => Ok(Some(1)),
        (None, None) if needed => Err(fail(
            msg!("sổ không có cột \"Số vào sổ\" để tiếp tục số; ghi số đầu tiên bằng --so-vao-so-dau";
                 "the register has no column \"Số vào sổ\" to go on from; give the first number with --so-vao-so-dau"),
        )),
        (None, None) => Ok(None),
    }
}

/// Plan the register at `path` taking `awardees` of `decision`; `needed` when the certificates
/// print the register number.
pub fn plan(
    path: &Path,
    awardees: &[Awardee],
    decision: &Decision,
    start: Option<u64>,
    needed: bool,
) -> Result<Plan, RegisterError> {
    let fail = |why: Msg| RegisterError {
        file: path.to_path_buf(),
        why,
    };
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let entry = std::fs::symlink_metadata(path).ok();
    // A link: the register is rewritten whole and renamed into place, which would replace the
    // link with a file of its own and leave the real register, where it leads, without the rows.
    if entry.as_ref().is_some_and(crate::disk::links::is_link) {
        let (vi, en) = crate::disk::links::target_words(path);
        return Err(fail(
            msg!("là một liên kết (lối tắt) {vi}: sổ được ghi lại cả tệp rồi đổi tên vào chỗ, nên liên kết sẽ bị thay bằng một tệp mới và sổ thật không được ghi thêm; chỉ thẳng tệp sổ thật sau --so-khen-thuong";
                 "it is a link (shortcut) {en}: the register is written whole and renamed into place, so the link would be replaced by a new file and the real register would not get the rows; give the real register's file after --so-khen-thuong"),
        ));
    }
    let exists = entry.is_some();
    if !exists {
        let number = numbering(None, true, start, needed, &fail)?;
        let bytes = match ext.as_str() {
            "csv" => {
                refuse_formulas(awardees, decision, &fail)?;
                new_csv(awardees, decision, number)
            }
            "xlsx" => new_xlsx(awardees, decision, number).map_err(|e| {
                fail(msg!("bộ ghi bảng tính báo lỗi ({e})"; "the spreadsheet writer failed ({e})"))
            })?,
            _ => {
                return Err(fail(
                    msg!("một sổ mới phải có đuôi .csv hoặc .xlsx"; "a new register must end in .csv or .xlsx"),
                ))
            }
        };
        return Ok(Plan {
            file: path.to_path_buf(),
            bytes,
            created: true,
            added: awardees.len(),
            first_number: number,
            permissions: None,
        });
    }
    if matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods" | "xlsb") {
        return Err(fail(
            msg!("chương trình không ghi thêm vào sổ dạng Excel/LibreOffice có sẵn: ghi lại cả tệp sẽ làm mất định dạng, công thức và các trang khác của sổ. Lưu sổ dạng CSV UTF-8 (File > Save As > CSV UTF-8) rồi chạy lại với tệp .csv, hoặc chỉ một tệp mới (ví dụ so-khen-thuong-2026.csv) để chương trình tạo; sổ không bị thay đổi";
                 "the program does not add to an existing Excel/LibreOffice register: writing the whole file again would lose its formatting, formulas and other sheets. Save the register as CSV UTF-8 (File > Save As > CSV UTF-8) and run again with the .csv file, or give a new file (e.g. so-khen-thuong-2026.csv) for the program to make; the register was not changed"),
        ));
    }
    if !matches!(ext.as_str(), "csv" | "txt") {
        return Err(fail(
            msg!("sổ phải là tệp .csv (hoặc một tệp .xlsx mới)"; "the register must be a .csv file (or a new .xlsx)"),
        ));
    }
    refuse_formulas(awardees, decision, &fail)?;
    let meta = std::fs::metadata(path).map_err(|e| {
        let (vi, en) = crate::diag::io_words(&e);
        fail(msg!("không đọc được ({vi})"; "cannot read it ({en})"))
    })?;
    if !meta.is_file() {
        return Err(fail(msg!("không phải một tệp"; "it is not a file")));
    }
    // A read-only register (the office's protection of its record, or a file on a read-only
    // share): the rename into place would replace it all the same, and make it writable.
    if !writable(path, &meta) {
        return Err(fail(
            msg!("tệp chỉ được đọc (read-only), không được phép ghi thêm; nếu đúng là được ghi vào sổ này thì bỏ thuộc tính chỉ đọc (Windows: chuột phải > Properties > bỏ Read-only) rồi chạy lại";
                 "the file is read-only and may not be added to; if this register is indeed to be written, clear its read-only attribute (Windows: right-click > Properties > untick Read-only) and run again"),
        ));
    }
    if meta.len() > table::MAX_LIST_BYTES {
        return Err(fail(
            msg!("tệp quá lớn ({} byte)", meta.len(); "the file is too large ({} bytes)", meta.len()),
        ));
    }
    let old = std::fs::read(path).map_err(|e| {
        let (vi, en) = crate::diag::io_words(&e);
        fail(msg!("không đọc được ({vi})"; "cannot read it ({en})"))
    })?;
    let body = old.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&old);
    let Ok(text) = std::str::from_utf8(body) else {
        return Err(fail(
            msg!("tệp không phải UTF-8 (có lẽ \"CSV\" của Excel theo bảng mã Windows-1258, hoặc UTF-16): chương trình chỉ ghi thêm được vào CSV UTF-8, để không trộn hai bảng mã trong một tệp. Mở sổ, lưu lại dạng \"CSV UTF-8\" rồi chạy lại";
                 "the file is not UTF-8 (perhaps Excel's \"CSV\" in Windows-1258, or UTF-16): the program adds only to CSV UTF-8, so as not to mix two encodings in one file. Open the register, save it as \"CSV UTF-8\" and run again"),
        ));
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let book =
        table::csv_book(&old, &name).map_err(|e| fail(Msg::new(e.message_vi(), e.to_string())))?;
    let Some(sheet) = book.sheets.first() else {
        return Err(fail(msg!("tệp trống"; "the file is empty")));
    };
    let Some((top, cols)) = header(sheet) else {
        return Err(fail(
            msg!("không tìm thấy dòng tiêu đề có cột \"Họ và tên\", cột \"Hình thức\" và cột \"Phong trào\" mà lệnh review đọc; thêm các cột ấy vào sổ, hoặc chỉ một tệp mới";
                 "no heading row with the columns \"Họ và tên\", \"Hình thức\" and \"Phong trào\" that review reads; add them to the register, or give a new file"),
        ));
    };
    // Every column the heading row has, known or not: a row as wide as the file's own.
    let width = sheet
        .row(top)
        .map(|(c, _)| c)
        .chain(cols.iter().map(|c| c.0))
        .max()
        .unwrap_or(0)
        .saturating_add(1)
        .min(HEADER_COLS);
    let col = |want: Col| cols.iter().find(|c| c.1 == want).map(|c| c.0);
    let mut highest: Option<u64> = None;
    let mut stt: u64 = 0;
    for r in sheet.row_numbers().filter(|&r| r > top) {
        let get = |c: Option<u32>| c.map(|c| text_of(sheet.get(r, c))).unwrap_or_default();
        // A number that cannot be read ("GK-0012", 23 digits) is refused rather than passed
        // over: numbering would go on from a lower one, or start again at 1, and two
        // certificates would carry one number.
        if let Some(c) = col(Col::Number) {
            let cell = sheet.get(r, c);
            let t = text_of(cell);
            let blank =
                matches!(cell, Cell::Empty) || matches!(cell, Cell::Text(s) if s.trim().is_empty());
            match t.parse::<u64>() {
                Ok(n) => highest = Some(highest.map_or(n, |h| h.max(n))),
                Err(_) if blank => {}
                Err(_) => {
                    let at = format!("{}{}", column_name(c as usize), r + 1);
                    let shown = match cell {
                        Cell::Text(s) => crate::text::file_name::shown(s.trim()),
                        Cell::Number(n, _) => n.to_string(),
                        _ => String::new(),
                    };
                    return Err(fail(
                        msg!("ô {at}: số vào sổ \"{shown}\" không đọc được như một số nguyên; các số mới tiếp theo số lớn nhất của cột, nên ô ấy phải ghi một số (ví dụ 12) hoặc để trống; sửa ô rồi chạy lại";
                             "cell {at}: the register number \"{shown}\" cannot be read as a whole number; new numbers go on from the column's highest, so the cell must hold a number (e.g. 12) or be empty; correct it and run again"),
                    ));
                }
            }
        }
        if let Ok(n) = get(col(Col::Stt)).parse::<u64>() {
            stt = stt.max(n);
        }
        // The same awardee under the same decision: this decision's awards are in already
        // (a second run), and twice in the register would be two awards.
        let (name, number) = (get(col(Col::Name)), get(col(Col::Decision)));
        if !number.is_empty() && bare(&number) == bare(&decision.number) {
            if let Some(a) = awardees.iter().find(|a| bare(&a.name) == bare(&name)) {
                let (who, no, row) = (&a.name, &decision.number, r + 1);
                return Err(fail(
                    msg!("sổ đã ghi {who} theo Quyết định số {no} (dòng {row}): các khen thưởng của quyết định này đã được vào sổ; muốn in lại giấy khen thì chạy không có --so-khen-thuong";
                         "the register holds {who} under decision {no} already (row {row}): this decision's awards are recorded; to print the certificates again, run without --so-khen-thuong"),
                ));
            }
        }
    }
    let number = numbering(highest, col(Col::Number).is_some(), start, needed, &fail)?;
    let sep = separator(text);
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut bytes = old.clone();
    if !text.is_empty() && !text.ends_with('\n') {
        bytes.extend_from_slice(eol.as_bytes());
    }
    for (i, a) in awardees.iter().enumerate() {
        let i = i as u64;
        let n = number.map(|n| n.saturating_add(i));
        let line: Vec<String> = (0..width)
            .map(|c| {
                cols.iter()
                    .find(|x| x.0 == c)
                    .map(|x| field(&value(x.1, a, decision, stt + i + 1, n), sep))
                    .unwrap_or_default()
            })
            .collect();
        bytes.extend_from_slice(line.join(&sep.to_string()).as_bytes());
        bytes.extend_from_slice(eol.as_bytes());
    }
    Ok(Plan {
        file: path.to_path_buf(),
        bytes,
        created: false,
        added: awardees.len(),
        first_number: number,
        permissions: Some(meta.permissions()),
    })
}

/// Whether the register may be written: not marked read-only (no write permission on Unix, the
/// read-only attribute on Windows), and opening it for writing is allowed (an access list, a
/// read-only share). Opening without truncating changes nothing of the file.
fn writable(path: &Path, meta: &std::fs::Metadata) -> bool {
    !meta.permissions().readonly() && std::fs::OpenOptions::new().write(true).open(path).is_ok()
}

/// The columns of a register this tool makes, in [`HEADINGS`]' order.
const MADE: [Col; 9] = [
    Col::Stt,
    Col::Name,
    Col::Birth,
    Col::Unit,
    Col::Form,
    Col::Campaign,
    Col::Decision,
    Col::Decided,
    Col::Number,
];

/// A new CSV register: UTF-8 with a byte-order mark (so Excel opens its Vietnamese right), CRLF
/// line ends (as Excel writes CSV).
fn new_csv(awardees: &[Awardee], decision: &Decision, number: Option<u64>) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let heads: Vec<String> = HEADINGS.iter().map(|h| field(h, ',')).collect();
    out.push_str(&heads.join(","));
    out.push_str("\r\n");
    for (i, a) in awardees.iter().enumerate() {
        let i = i as u64;
        let n = number.map(|n| n.saturating_add(i));
        let line: Vec<String> = MADE
            .iter()
            .map(|c| field(&value(*c, a, decision, i + 1, n), ','))
            .collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

/// A new xlsx register, in the summary sheet's formats: dates as date cells, a birth year as a
/// number, so `review` reads them back exactly.
fn new_xlsx(
    awardees: &[Awardee],
    decision: &Decision,
    number: Option<u64>,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};
    let mut wb = Workbook::new();
    let d = decision.date;
    let when = ExcelDateTime::from_ymd(d.year.max(1980), d.month, d.day)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title("Sổ khen thưởng")
            .set_author("dossier")
            .set_creation_datetime(&when),
    );
    let ws = wb.add_worksheet();
    ws.set_name("Sổ khen thưởng")?;
    let f = crate::export::SheetFormats::new();
    let widths = [6.0, 28.0, 12.0, 36.0, 20.0, 36.0, 16.0, 14.0, 10.0];
    for (c, (h, w)) in HEADINGS.iter().zip(widths).enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, *h, &f.header)?;
        ws.set_column_width(c, w)?;
    }
    for (i, a) in awardees.iter().enumerate() {
        let row = i as u32 + 1;
        let n = number.map(|n| n.saturating_add(i as u64));
        ws.write_number_with_format(row, 0, f64::from(row), &f.centred)?;
        for (c, col) in [
            (1, Col::Name),
            (3, Col::Unit),
            (4, Col::Form),
            (5, Col::Campaign),
            (6, Col::Decision),
        ] {
            ws.write_string_with_format(row, c, value(col, a, decision, 0, None), &f.cell)?;
        }
        crate::export::write_birth(ws, row, 2, a.birth, &f.date, &f.centred)?;
        crate::export::write_day(ws, row, 7, Some(d), &f.date, &f.centred)?;
        match n {
            // Register numbers stay far below 2^53: exact as a float.
            Some(n) => ws.write_number_with_format(row, 8, n as f64, &f.centred)?,
            None => ws.write_blank(row, 8, &f.centred)?,
        };
    }
    ws.set_freeze_panes(1, 0)?;
    crate::export::workbook_bytes(&mut wb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::certificates::list::Kind;
    use crate::date::Date;

    fn awardee(name: &str) -> Awardee {
        Awardee {
            row: 2,
            name: name.to_owned(),
            kind: Kind::Individual,
            gender: None,
            birth: Some(Birth::Year(1980)),
            unit: "Giáo viên, Trường Tiểu học".to_owned(),
            form: "Giấy khen".to_owned(),
            form_id: "gk".to_owned(),
            campaign: "Phong trào 2026".to_owned(),
            campaign_id: "pt".to_owned(),
            achievement: String::new(),
        }
    }

    fn decision() -> Decision {
        Decision {
            number: "123/QĐ-UBND".to_owned(),
            date: Date::parse("2026-12-15").unwrap(),
        }
    }

    #[test]
    fn a_csv_register_keeps_its_bytes_and_gets_rows_in_its_own_columns() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("so.csv");
        // Semicolons, CRLF, no line end after the last row, a column the tool does not know.
        let old = "Sổ khen thưởng;;;;;\r\nTT;Phong trào;Họ và tên;Ghi chú;Hình thức;Số vào sổ;Số quyết định\r\n1;x;Lê Văn C;;Giấy khen;41;9/QĐ-UBND";
        std::fs::write(&p, old).unwrap();
        let plan = plan(
            &p,
            &[awardee("Nguyễn Văn \"Hai\""), awardee("Trần; Ba")],
            &decision(),
            None,
            true,
        )
        .unwrap();
        assert!(plan.bytes.starts_with(old.as_bytes()));
        let added = std::str::from_utf8(&plan.bytes[old.len()..]).unwrap();
        assert_eq!(
            added,
            "\r\n2;Phong trào 2026;\"Nguyễn Văn \"\"Hai\"\"\";;Giấy khen;42;123/QĐ-UBND\r\n3;Phong trào 2026;\"Trần; Ba\";;Giấy khen;43;123/QĐ-UBND\r\n"
        );
        assert_eq!(plan.first_number, Some(42));
        // A start that would repeat a number is refused.
        let e = super::plan(&p, &[awardee("A")], &decision(), Some(41), true).unwrap_err();
        assert!(
            e.msg()
                .vi
                .contains("không lớn hơn số vào sổ lớn nhất đã có (41)"),
            "{}",
            e.msg().vi
        );
    }

    #[test]
    fn the_same_decision_twice_and_foreign_registers_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("so.csv");
        std::fs::write(
            &p,
            "Họ và tên,Hình thức,Phong trào,Số quyết định\nAn,GK,PT,123/QĐ-UBND\n",
        )
        .unwrap();
        let e = plan(&p, &[awardee("An")], &decision(), None, false).unwrap_err();
        assert!(e.msg().vi.contains("đã được vào sổ"), "{}", e.msg().vi);
        // No number column and numbers needed: the first is asked for.
        let e = plan(&p, &[awardee("Bình")], &decision(), None, true).unwrap_err();
        assert!(e.msg().vi.contains("--so-vao-so-dau"), "{}", e.msg().vi);
        let ok = plan(&p, &[awardee("Bình")], &decision(), Some(7), true).unwrap();
        assert!(ok
            .bytes
            .ends_with("Bình,Giấy khen,Phong trào 2026,123/QĐ-UBND\n".as_bytes()));
        let x = dir.path().join("so.xlsx");
        std::fs::write(&x, b"PK").unwrap();
        let e = plan(&x, &[awardee("An")], &decision(), None, false).unwrap_err();
        assert!(e.msg().vi.contains("CSV UTF-8"), "{}", e.msg().vi);
        let w = dir.path().join("w.csv");
        std::fs::write(&w, b"H\xe4 v\xe0 t\xean,H\xecnh th\xfac\n").unwrap();
        assert!(plan(&w, &[awardee("An")], &decision(), None, false)
            .unwrap_err()
            .msg()
            .vi
            .contains("không phải UTF-8"));
    }

    #[test]
    fn a_new_register_has_the_headings_review_reads() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("moi.csv");
        let plan = plan(&p, &[awardee("An")], &decision(), None, true).unwrap();
        assert!(plan.created);
        let text = String::from_utf8(plan.bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}STT,Họ và tên,Ngày sinh,\"Chức vụ, đơn vị\",Hình thức,Phong trào,Số quyết định,Ngày quyết định,Số vào sổ\r\n1,An,1980,\"Giáo viên, Trường Tiểu học\",Giấy khen,Phong trào 2026,123/QĐ-UBND,15/12/2026,1\r\n"
        );
        let x = super::plan(
            &dir.path().join("moi.xlsx"),
            &[awardee("An")],
            &decision(),
            Some(5),
            true,
        )
        .unwrap();
        assert!(x.bytes.starts_with(b"PK"));
        assert_eq!(x.first_number, Some(5));
    }
}
