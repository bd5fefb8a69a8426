//! The reader of Excel workbooks (`.xlsx`, `.xlsm`): the sparse model of [`super`], filled
//! with what Excel shows.
//!
//! Why not calamine, which read these files before: it does not say which rows and columns are
//! hidden, nor in which number format a number is shown (`000` shows 1 as `001`; a date
//! format makes a serial a day), and it builds a dense grid from A1 to the last cell, so a
//! space typed in XFD1048576 made it allocate 512 GB and abort (fastexcel#487, case 16 of the
//! field log). This reader streams each XML part (quick-xml events, never a document tree)
//! and keeps only the cells that show something.
//!
//! What it reads: the sheets in tab order with their visibility and the active tab, the date
//! system (`workbookPr date1904`), shared and inline strings (rich-text runs joined, phonetic
//! runs left out, `_xHHHH_` escapes decoded), number formats, hidden rows (`hidden`,
//! `zeroHeight`, a zero height) and columns, merged areas, and each cell's value: text,
//! number, boolean, error (`#N/A`), a date in the workbook's system, or a formula the file
//! holds no result for. What it refuses, naming the part or the cell: a password-protected
//! file, an old .xls named .xlsx, a binary .xlsb, a part that is not well-formed XML, a
//! reference beyond Excel's 1,048,576 rows × 16,384 columns, a value not of its cell's type,
//! a shared string that does not exist, and anything beyond the bounds of a list
//! ([`super::MAX_CELLS`] cells or strings, [`super::MAX_INFLATED_BYTES`] of XML). Chart
//! sheets, dialog sheets and macro sheets hold no list and are left out.

mod part;
mod refs;
mod sheet;
mod strings;
mod styles;
mod value;
mod workbook;

use std::path::Path;

use super::problem::inflated_size_ok;
use super::{Book, Sheet, TableError};
use part::Package;
use workbook::{folder, rels, rels_of, Rel};

/// The main part when the package's own relationships do not name one.
const WORKBOOK: &str = "xl/workbook.xml";

/// Read every worksheet of an .xlsx or .xlsm file, in tab order.
pub(super) fn read(path: &Path) -> Result<Book, TableError> {
    let mut pkg = Package::open(path)?;
    inflated_size_ok(path)?;
    let main = pkg
        .parse("_rels/.rels", |x| rels(x, ""))?
        .unwrap_or_default()
        .into_iter()
        .find(|r| r.kind == "officeDocument" && pkg.has(&r.target))
        .map_or_else(|| WORKBOOK.to_owned(), |r| r.target);
    let wb = pkg
        .parse(&main, workbook::workbook)?
        .ok_or_else(|| missing(&main))?;
    let base = folder(&main).to_owned();
    let links = pkg
        .parse(&rels_of(&main), |x| rels(x, &base))?
        .unwrap_or_default();
    let part_of = |kind: &str, fallback: &str| {
        links
            .iter()
            .find(|r| r.kind == kind)
            .map_or_else(|| format!("{base}{fallback}"), |r| r.target.clone())
    };
    let strings = pkg
        .parse(
            &part_of("sharedStrings", "sharedStrings.xml"),
            strings::shared_strings,
        )?
        .unwrap_or_default();
    let styles = pkg
        .parse(&part_of("styles", "styles.xml"), styles::styles)?
        .unwrap_or_default();
    let cx = value::Context {
        strings: &strings,
        styles: &styles,
        date1904: wb.date1904,
        text_left: std::cell::Cell::new(value::MAX_TEXT_BYTES),
    };
    let mut book = Book::default();
    for (tab, entry) in wb.sheets.into_iter().enumerate() {
        let rel = links
            .iter()
            .find(|r| r.id == entry.rel)
            .ok_or_else(|| missing(&format!("{main} (sheet \"{}\")", entry.name)))?;
        if !worksheet(rel)? {
            continue;
        }
        let mut s = Sheet::new(entry.name);
        s.visibility = entry.visibility;
        pkg.parse(&rel.target, |x| sheet::worksheet(x, &mut s, &cx))?
            .ok_or_else(|| missing(&rel.target))?;
        if tab == wb.active {
            book.active = Some(book.sheets.len());
        }
        book.sheets.push(s);
    }
    Ok(book)
}

/// Whether a sheet's relationship is a worksheet (cells), rather than a chart sheet, a dialog
/// sheet or an Excel 4 macro sheet (no list in them). Any other kind is refused: its cells
/// would not be read.
fn worksheet(rel: &Rel) -> Result<bool, TableError> {
    match rel.kind.as_str() {
        "worksheet" => Ok(true),
        "chartsheet" | "dialogsheet" | "xlMacrosheet" | "xlIntlMacrosheet" => Ok(false),
        other => Err(TableError::BadPart {
            part: rel.target.clone(),
            detail: format!("a sheet of an unknown kind ({other})"),
        }),
    }
}

fn missing(part: &str) -> TableError {
    TableError::BadPart {
        part: part.to_owned(),
        detail: "missing from the file".to_owned(),
    }
}

#[cfg(test)]
mod tests;
