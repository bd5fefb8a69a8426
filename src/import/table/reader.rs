//! Which reader a list file goes to, after the checks every file passes (a regular file, not
//! too large, a known extension).

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

use super::problem::inflated_size_ok;
use super::{Book, Cell, Format, Sheet, TableError, MAX_LIST_BYTES};
use crate::date::Date;

/// Every sheet of the file, in the workbook's order.
pub fn read(path: &Path) -> Result<Book, TableError> {
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
            Ok(Book {
                sheets: vec![super::csv(&bytes, &name)?],
                active: Some(0),
            })
        }
        "ods" => {
            inflated_size_ok(path)?;
            super::ods::read(path)
        }
        "xlsx" | "xlsm" | "xls" | "xlsb" => spreadsheet(path),
        _ => Err(TableError::UnknownType),
    }
}

/// A spreadsheet through calamine.
// TODO(#16): replaced by the readers of each format, which see hidden rows, number formats and
// formulas without a value, and never build a dense grid.
fn spreadsheet(path: &Path) -> Result<Book, TableError> {
    inflated_size_ok(path)?;
    let mut book = open_workbook_auto(path).map_err(|e| TableError::Spreadsheet(e.to_string()))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| TableError::Spreadsheet(e.to_string()))?;
        let mut sheet = Sheet::new(name);
        for (r, c, d) in range.used_cells() {
            let (Some((r0, c0)), Ok(r), Ok(c)) =
                (range.start(), u32::try_from(r), u32::try_from(c))
            else {
                continue;
            };
            let cell = match d {
                Data::Empty => Cell::Empty,
                Data::Error(e) => Cell::Error(format!("{e}")),
                Data::String(s) => Cell::Text(s.clone()),
                Data::Int(i) => Cell::Number(*i as f64, Format::General),
                Data::Float(f) => Cell::Number(*f, Format::General),
                Data::Bool(b) => Cell::Bool(*b),
                Data::DateTime(d) => {
                    let (y, m, day, ..) = d.to_ymd_hms_milli();
                    match Date::parse(&format!("{y:04}-{m:02}-{day:02}")) {
                        Ok(date) => Cell::Date(date),
                        Err(_) => Cell::Number(d.as_f64(), Format::Other("date".into())),
                    }
                }
                Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
            };
            sheet.put(r0 + r, c0 + c, cell)?;
        }
        sheets.push(sheet);
    }
    Ok(Book {
        sheets,
        active: None,
    })
}
