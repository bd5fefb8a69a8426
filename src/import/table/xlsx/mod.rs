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
//! file, an old .xls named .xlsx, a binary .xlsb, a zip that readers could read two ways
//! ([`super::container`], checked before), a part that is not well-formed XML, a relationship
//! to a part the file lacks, a reference beyond Excel's 1,048,576 rows × 16,384 columns,
//! overlapping merged areas, a value not of its cell's type, a shared string, a cell format or
//! a number format that does not exist, a cell longer than any value of a list
//! ([`super::MAX_CELL_CHARS`]), something below the last row a list may use, and anything
//! beyond the bounds of a list ([`super::MAX_CELLS`] cells or strings,
//! [`super::MAX_INFLATED_BYTES`] of XML, 16 million XML events). Nothing a file declares
//! (a dimension, `spans`, a count, a column or merged range) is allocated or iterated: memory
//! and time follow the elements actually read. Chart sheets, dialog sheets and macro sheets
//! hold no list and are left out.

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
    // The main part is the one the package's relationships name; only a package without
    // them is taken to have it where Excel puts it. A relationship to a part the file does
    // not hold is a damaged file, never a reason to read another part.
    let main = match pkg
        .parse("_rels/.rels", |x| rels(x, ""))?
        .unwrap_or_default()
        .into_iter()
        .find(|r| r.kind == "officeDocument")
    {
        Some(r) if pkg.has(&r.target) => r.target,
        Some(r) => return Err(missing(&r.target)),
        None => WORKBOOK.to_owned(),
    };
    let wb = pkg
        .parse(&main, workbook::workbook)?
        .ok_or_else(|| missing(&main))?;
    let base = folder(&main).to_owned();
    let links = pkg
        .parse(&rels_of(&main), |x| rels(x, &base))?
        .unwrap_or_default();
    // The shared strings and the styles: the part the workbook's relationship names, which
    // must be there; without a relationship, Excel's usual name, if the file has it.
    let part_of = |kind: &str, fallback: &str| -> Result<String, TableError> {
        let mut of_kind = links.iter().filter(|r| r.kind == kind);
        match (of_kind.next(), of_kind.next()) {
            (Some(a), Some(b)) => Err(TableError::BadPart {
                part: rels_of(&main),
                detail: format!("two {kind} parts ({} and {})", a.target, b.target),
            }),
            (Some(r), None) if pkg.has(&r.target) => Ok(r.target.clone()),
            (Some(r), None) => Err(missing(&r.target)),
            (None, _) => Ok(format!("{base}{fallback}")),
        }
    };
    let strings_part = part_of("sharedStrings", "sharedStrings.xml")?;
    let styles_part = part_of("styles", "styles.xml")?;
    let strings = pkg
        .parse(&strings_part, strings::shared_strings)?
        .unwrap_or_default();
    let styles = pkg.parse(&styles_part, styles::styles)?.unwrap_or_default();
    let cx = value::Context {
        strings: &strings,
        styles: &styles,
        date1904: wb.date1904,
        text_left: std::cell::Cell::new(strings::MAX_TEXT_BYTES),
        cells_left: std::cell::Cell::new(super::MAX_CELLS),
    };
    // Sheets found by id at once: thousands of sheets looked up through thousands of
    // relationships each took quadratic time.
    let by_id: std::collections::HashMap<&str, usize> = links
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut book = Book::default();
    for (tab, entry) in wb.sheets.into_iter().enumerate() {
        let rel = by_id
            .get(entry.rel.as_str())
            .and_then(|&i| links.get(i))
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
