//! The clerk's nominee list as a grid of cells, whatever file it came in.
//!
//! Offices keep the list in Excel (xlsx, old xls), LibreOffice (ods) or as CSV exported from
//! some other system. `calamine` reads the first three; CSV is read here (quoted fields,
//! `,`, `;` or tab as the separator, a UTF-8 byte-order mark). Each cell keeps its sheet
//! position so that every problem can be named as a spreadsheet names it: `Danh sách!C12`.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

/// One cell's value as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number (an Excel date typed as a number is a serial day count).
    Number(f64),
    /// A cell formatted as a date: the Excel serial day count.
    Date(f64),
}

/// One sheet: its name and rows, each row with its 0-based sheet row and the first column.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// The sheet's name ("Danh sách"); for CSV, the file name.
    pub name: String,
    /// Rows of cells, from the sheet's row `first_row` and column `first_col` (0-based).
    pub rows: Vec<Vec<Cell>>,
    /// Sheet row of `rows[0]`.
    pub first_row: u32,
    /// Sheet column of every row's first cell.
    pub first_col: u32,
}

impl Sheet {
    /// `Danh sách!C12` for a cell of `rows[r][c]`.
    #[must_use]
    pub fn place(&self, r: usize, c: usize) -> String {
        let row = self.first_row as usize + r + 1;
        let col = column_name(self.first_col as usize + c);
        format!("{}!{col}{row}", self.name)
    }

    /// `Danh sách!12` for a whole row.
    #[must_use]
    pub fn row_place(&self, r: usize) -> String {
        format!("{}!{}", self.name, self.first_row as usize + r + 1)
    }
}

/// A, B, … Z, AA, AB, …
#[must_use]
pub fn column_name(mut c: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Why the file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    /// Reading failed. Shown in words (`diag::io_words`): the OS's own text is English with an
    /// error number, even under `--lang en` a clerk should not read it.
    #[error("{}", crate::diag::io_words(.0).1)]
    Io(#[from] std::io::Error),
    /// The spreadsheet reader refused the file.
    #[error("{0}")]
    Spreadsheet(String),
    /// A CSV file neither UTF-8 nor UTF-16 with a byte-order mark.
    #[error("the CSV file is not UTF-8 (or UTF-16) text; save it as \"CSV UTF-8\"")]
    NotUtf8,
    /// An extension this reader does not know.
    #[error("unknown file type (expected .xlsx, .xls, .ods or .csv)")]
    UnknownType,
    /// Larger than any list of nominees.
    #[error("the file is {0} bytes, more than the {MAX_LIST_BYTES}-byte limit")]
    TooLarge(u64),
    /// A zipped spreadsheet that would inflate beyond any list of nominees (a zip bomb named
    /// .xlsx): refused from its directory, before anything is inflated.
    #[error(
        "the spreadsheet would inflate to {0} bytes, more than the {MAX_INFLATED_BYTES}-byte limit"
    )]
    Inflated(u64),
    /// A named pipe, socket or device given as the list: refused by its type, since opening
    /// one blocks until something writes to it (`--danh-sach ds.csv` on a FIFO hung).
    #[error("not a regular file (a pipe, socket or device)")]
    NotRegular,
}

/// Most bytes a zipped spreadsheet (xlsx, ods) may declare once inflated: a list of 100,000
/// nominees is a few tens of megabytes of XML.
pub const MAX_INFLATED_BYTES: u64 = 512 * 1024 * 1024;

/// The sum of the sizes a zip-based spreadsheet declares for its parts; an error when it is
/// beyond [`MAX_INFLATED_BYTES`]. A file that is not a zip (xls) passes, for calamine to judge.
fn inflated_size_ok(path: &Path) -> Result<(), TableError> {
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(());
    };
    let Ok(mut zip) = zip::ZipArchive::new(file) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        if let Ok(entry) = zip.by_index_raw(i) {
            total = total.saturating_add(entry.size());
        }
        if total > MAX_INFLATED_BYTES {
            return Err(TableError::Inflated(total));
        }
    }
    Ok(())
}

impl TableError {
    /// The message in Vietnamese, for the clerk.
    #[must_use]
    pub fn message_vi(&self) -> String {
        match self {
            // The caller already says "không đọc được danh sách …": the reason alone, so the
            // clerk does not read "không đọc được" twice.
            TableError::Io(e) => crate::diag::io_words(e).0.to_owned(),
            // The reader's own words are English and technical: the clerk gets what to do.
            TableError::Spreadsheet(_) => "tệp không phải bảng tính đọc được (tệp hỏng, hoặc tệp khác đổi đuôi tên): mở bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx".to_owned(),
            TableError::NotUtf8 => {
                "tệp CSV không phải văn bản UTF-8 (hay UTF-16); hãy lưu lại dạng \"CSV UTF-8\""
                    .to_owned()
            }
            TableError::UnknownType => {
                "không rõ loại tệp (cần .xlsx, .xls, .ods hoặc .csv)".to_owned()
            }
            TableError::Inflated(n) => {
                format!("bảng tính khai báo {n} byte khi giải nén, quá giới hạn {MAX_INFLATED_BYTES} byte của một danh sách (có thể là tệp nén độc hại): không đọc")
            }
            TableError::TooLarge(n) => {
                format!("tệp nặng {n} byte, quá giới hạn {MAX_LIST_BYTES} byte của một danh sách")
            }
            TableError::NotRegular => {
                "không phải tệp thường (ống dẫn, cổng kết nối hay thiết bị): chương trình không mở, vì đọc nó sẽ treo".to_owned()
            }
        }
    }
}

/// The largest list file read: 50,000 nominees with every column take a few megabytes, and a
/// spreadsheet is inflated in memory, so a bigger file is refused rather than read.
pub const MAX_LIST_BYTES: u64 = 64 * 1024 * 1024;

/// Every sheet of the file, in the workbook's order.
pub fn read(path: &Path) -> Result<Vec<Sheet>, TableError> {
    // A folder given for the list: said as such, not as a file of an unknown type.
    if path.is_dir() {
        return Err(TableError::Io(std::io::ErrorKind::IsADirectory.into()));
    }
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(TableError::NotRegular);
    }
    let size = meta.len();
    if size > MAX_LIST_BYTES {
        return Err(TableError::TooLarge(size));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => {
            let bytes = std::fs::read(path)?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(vec![csv(&bytes, &name)?])
        }
        "xlsx" | "xlsm" | "xls" | "ods" | "xlsb" => spreadsheet(path),
        _ => Err(TableError::UnknownType),
    }
}

fn spreadsheet(path: &Path) -> Result<Vec<Sheet>, TableError> {
    inflated_size_ok(path)?;
    let mut book = open_workbook_auto(path).map_err(|e| TableError::Spreadsheet(e.to_string()))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| TableError::Spreadsheet(e.to_string()))?;
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|d| match d {
                        Data::Empty | Data::Error(_) => Cell::Empty,
                        Data::String(s) => Cell::Text(s.clone()),
                        Data::Int(i) => Cell::Number(*i as f64),
                        Data::Float(f) => Cell::Number(*f),
                        Data::Bool(b) => Cell::Text(if *b { "có" } else { "không" }.to_owned()),
                        Data::DateTime(d) => Cell::Date(d.as_f64()),
                        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
                    })
                    .collect()
            })
            .collect();
        sheets.push(Sheet {
            name,
            rows,
            first_row,
            first_col,
        });
    }
    Ok(sheets)
}

/// The text of a CSV file: UTF-8 (a byte-order mark allowed), or UTF-16 with its byte-order mark
/// (Excel's "Unicode text").
fn csv_text(bytes: &[u8]) -> Result<String, TableError> {
    let utf16 = |rest: &[u8], big: bool| {
        let units = rest.chunks_exact(2).map(|p| {
            if big {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| TableError::NotUtf8)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, true);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|_| TableError::NotUtf8)
}

/// A CSV file: UTF-8 or UTF-16 ([`csv_text`]), the separator the first lines use most.
pub fn csv(bytes: &[u8], name: &str) -> Result<Sheet, TableError> {
    let text = csv_text(bytes)?;
    let text = text.as_str();
    let sep = [',', ';', '\t']
        .into_iter()
        .max_by_key(|s| {
            text.lines()
                .take(40)
                .map(|l| l.matches(*s).count())
                .sum::<usize>()
        })
        .unwrap_or(',');
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let push = |field: &mut String, row: &mut Vec<Cell>| {
        let f = std::mem::take(field);
        row.push(if f.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(f)
        });
    };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                push(&mut field, &mut row);
                rows.push(std::mem::take(&mut row));
            }
            c if c == sep => push(&mut field, &mut row),
            c => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        push(&mut field, &mut row);
        rows.push(row);
    }
    Ok(Sheet {
        name: name.to_owned(),
        rows,
        first_row: 0,
        first_col: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }

    #[test]
    fn csv_with_quotes_separators_and_a_bom() {
        let s = csv(
            "\u{feff}STT;Họ và tên;Đơn vị\r\n1;\"Lê Văn Bình\";\"Thôn \"\"Đông\"\"; xã A\"\n2;;x"
                .as_bytes(),
            "ds.csv",
        )
        .unwrap_or_default();
        assert_eq!(s.rows.len(), 3);
        assert_eq!(s.rows[1][2], Cell::Text("Thôn \"Đông\"; xã A".to_owned()));
        assert_eq!(s.rows[2][1], Cell::Empty);
        assert_eq!(s.place(1, 2), "ds.csv!C2");
    }

    #[test]
    fn csv_in_utf16_as_excel_saves_unicode_text() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "STT\tHọ và tên\n1\tLê Văn Bình\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let s = csv(&bytes, "ds.txt").unwrap_or_default();
        assert_eq!(s.rows[1][1], Cell::Text("Lê Văn Bình".to_owned()));
        assert!(matches!(csv(&[0xC3, 0x28], "x"), Err(TableError::NotUtf8)));
    }
}
