//! Which reader a list file goes to, after the checks every file passes (a regular file, not
//! too large, a known extension).

use std::path::Path;

use super::problem::{inflated_size_ok, zip_entries_ok};
use super::{Book, TableError, MAX_LIST_BYTES};

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
            super::csv_book(&bytes, &name)
        }
        "xls" => super::xls::read(&std::fs::read(path)?),
        "xlsx" | "xlsm" => {
            zip_entries_ok(path)?;
            super::container::check(path)?;
            super::xlsx::read(path)
        }
        // Its reader cannot see hidden rows: refused rather than read inexactly.
        "xlsb" => Err(TableError::Xlsb),
        "ods" => {
            zip_entries_ok(path)?;
            super::container::check(path)?;
            inflated_size_ok(path)?;
            super::ods::read(path)
        }
        _ => Err(TableError::UnknownType),
    }
}
