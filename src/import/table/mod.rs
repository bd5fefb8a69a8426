//! The clerk's nominee list as the spreadsheet program shows it, whatever file it came in.
//!
//! Offices keep the list in Excel (xlsx, old xls), LibreOffice (ods) or as CSV exported from
//! some other system. What the import may take from it is what the clerk sees on her screen, so
//! the model keeps what decides that, beside the values: which sheets are hidden and which one is
//! active, which rows and columns are hidden (a filter that took out the nominee the council
//! rejected), which cells are merged, the number format that shows `1` as `001`, a date in the
//! workbook's own date system, an error value (`#N/A`) and a formula the file holds no result
//! for. Each reader (one file per format) fills this model; [`super::rows`] decides what a cell
//! means.
//!
//! Cells are kept sparse, only those that show something: a space typed in XFD1048576 costs
//! nothing (a dense grid from A1 to it took 512 GB, fastexcel#487), and the number of cells
//! kept is bounded ([`MAX_CELLS`]) so that no file can make the tool allocate by a count it
//! declares. Rows and columns are 0-based here and named as the spreadsheet names them
//! (`Danh sách!C12`) in every message.

mod container;
mod csv;
pub mod numfmt;
mod ods;
mod problem;
mod reader;
mod xls;
mod xlsx;

use std::collections::BTreeMap;

pub use container::ZipFault;
pub use csv::{csv, csv_book};
pub use problem::{
    TableError, XlsFault, MAX_INFLATED_BYTES, MAX_LIST_BYTES, MAX_SHEETS, MAX_ZIP_ENTRIES,
};
pub use reader::read;

use crate::date::Date;

/// How a number is shown, as far as the import needs to know it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Format {
    /// General (or a format that shows an integer as itself: `0`, `#,##0` for numbers below
    /// 1,000, `@`).
    #[default]
    General,
    /// An integer padded with zeros to this many digits (`000` shows 1 as `001`).
    Zeros(u8),
    /// Any other format, as its code (`0.00`, `#,##0`, `0%`): the value is shown otherwise
    /// than as itself, which a reader of an id or a name must not guess.
    Other(String),
}

/// One cell's value, as the spreadsheet program shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing (or only spaces).
    Empty,
    /// Text.
    Text(String),
    /// A number and the format it is shown in.
    Number(f64, Format),
    /// A number formatted as a date: the day shown, the workbook's date system (1900 or 1904)
    /// already applied.
    Date(Date),
    /// TRUE or FALSE.
    Bool(bool),
    /// An error the cell shows (`#N/A`, `#REF!`, `#VALUE!`…): the value it stands for is not
    /// known.
    Error(String),
    /// A formula the file holds no result for (written by a program that does not calculate):
    /// the spreadsheet would show a value the file does not have. The formula as written.
    Formula(String),
}

impl Cell {
    /// Whether the cell shows nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// A rectangle of cells, inclusive at both ends (a merged area).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    /// Top row.
    pub first_row: u32,
    /// Left column.
    pub first_col: u32,
    /// Bottom row.
    pub last_row: u32,
    /// Right column.
    pub last_col: u32,
}

impl Area {
    /// Whether the area holds this cell.
    #[must_use]
    pub fn contains(&self, row: u32, col: u32) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_col..=self.last_col).contains(&col)
    }
}

/// Runs of hidden rows or columns, as inclusive ranges (a file may hide a million rows in one
/// element: they are never expanded).
///
/// A file may also hide every other row, half a million spans: looking through them all for
/// each row took quadratic time (200,000 rows, every other one hidden, took 9 s), so the
/// first question builds a sorted, merged copy that answers in logarithmic time.
#[derive(Debug, Clone, Default)]
pub struct Spans(Vec<(u32, u32)>, std::sync::OnceLock<Vec<(u32, u32)>>);

impl PartialEq for Spans {
    fn eq(&self, other: &Spans) -> bool {
        self.0 == other.0
    }
}

impl Eq for Spans {}

impl Spans {
    /// Add `first..=last`.
    pub fn add(&mut self, first: u32, last: u32) {
        if first <= last {
            self.0.push((first, last));
            self.1 = std::sync::OnceLock::new();
        }
    }

    /// Whether `n` is in a span.
    #[must_use]
    pub fn contains(&self, n: u32) -> bool {
        let merged = self.1.get_or_init(|| {
            let mut sorted = self.0.clone();
            sorted.sort_unstable();
            let mut out: Vec<(u32, u32)> = Vec::with_capacity(sorted.len());
            for (a, b) in sorted {
                match out.last_mut() {
                    Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
                    _ => out.push((a, b)),
                }
            }
            out
        });
        let i = merged.partition_point(|&(a, _)| a <= n);
        i.checked_sub(1)
            .and_then(|i| merged.get(i))
            .is_some_and(|&(_, b)| n <= b)
    }

    /// The spans, in the order they were added.
    #[must_use]
    pub fn spans(&self) -> &[(u32, u32)] {
        &self.0
    }

    /// Whether nothing is hidden.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Whether the program shows a sheet's tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Visibility {
    /// Shown.
    #[default]
    Visible,
    /// Hidden (Format > Sheet > Hide, or "Unhide" lists it).
    Hidden,
    /// Hidden so that only a macro shows it again.
    VeryHidden,
}

/// Most cells that show something a list may have: 25,000 nominees with 20 columns, 50,000
/// with 10, more than a dossier holds. A file declaring more is refused before it takes the
/// memory: at a million, a workbook of a million distinct texts took 1.3 s and 200 MB to
/// be read (the texts twice, in the shared strings and in the cells).
pub const MAX_CELLS: usize = 500_000;

/// Excel's own limits (rows, columns): a cell beyond them is not in any sheet a program shows,
/// only in a damaged or crafted file.
pub const EXCEL_ROWS: u32 = 1_048_576;
/// See [`EXCEL_ROWS`].
pub const EXCEL_COLS: u32 = 16_384;

/// The last row (0-based) a list may use. A dossier cannot hold 10,000 nominees (the list would
/// pass the 100,000 elements `check` reads in one file: `yaml::tree::MAX_NODES`), so 20,000 rows
/// leave room for titles, headers, group and total rows and blank lines. A sheet with
/// something written further down is refused at the first such cell, while it is read, not
/// after the whole sheet is held: a 60,000-row list at the old bound cost the import 1.9 s and
/// 246 MB after reading before being refused as too long (#17).
pub const MAX_LIST_ROW: u32 = 20_000;

/// Most characters a cell of a list may hold: a name, a unit, a title, a note run to a few
/// hundred; a cell of thousands is a document pasted by mistake or a crafted file (a 1 MB name
/// was written into `to-trinh.yaml`). Excel's own limit is 32,767.
pub const MAX_CELL_CHARS: usize = 4_096;

/// One sheet.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// The sheet's name ("Danh sách"); for CSV, the file name.
    pub name: String,
    /// Whether its tab is shown.
    pub visibility: Visibility,
    /// Cells that show something, by (row, column), 0-based.
    cells: BTreeMap<(u32, u32), Cell>,
    /// Hidden rows (0-based).
    pub hidden_rows: Spans,
    /// Hidden columns (0-based).
    pub hidden_cols: Spans,
    /// Merged areas.
    pub merges: Vec<Area>,
    /// The areas holding the row last asked about ([`Sheet::merge_at`]).
    merge_row: MergeRow,
}

/// The merged areas that hold one row, sorted by first column: [`Sheet::merge_at`] asked
/// along a row goes through all the areas once, not once per cell (a header of 16,000
/// cells under a million areas took 16 billion steps).
#[derive(Debug, Default)]
struct MergeRow(std::sync::Mutex<Option<RowAreas>>);

#[derive(Debug)]
struct RowAreas {
    row: u32,
    /// How many areas the sheet had when this was built.
    of: usize,
    /// Indexes into `merges` of the areas holding the row, by first column.
    by_col: Vec<usize>,
    /// Whether no two of them share a column (then one binary search answers).
    disjoint: bool,
}

impl Clone for MergeRow {
    fn clone(&self) -> MergeRow {
        MergeRow::default()
    }
}

impl Sheet {
    /// An empty, visible sheet. The name is kept as it can be shown ([`shown_name`]).
    #[must_use]
    pub fn new(name: impl Into<String>) -> Sheet {
        Sheet {
            name: shown_name(&name.into()),
            ..Sheet::default()
        }
    }

    /// Set a cell; a cell that shows nothing is not kept. Refused beyond [`MAX_CELLS`]. An
    /// error value or a formula is kept printable ([`printable`]): it is only ever quoted in a
    /// message (`#N/A` then ESC [2J cleared the clerk's screen), never imported.
    pub fn put(&mut self, row: u32, col: u32, cell: Cell) -> Result<(), TableError> {
        let cell = match cell {
            Cell::Error(e) => Cell::Error(printable(&e, MAX_QUOTED_CHARS)),
            Cell::Formula(f) => Cell::Formula(printable(&f, MAX_QUOTED_CHARS)),
            other => other,
        };
        if cell.is_empty() {
            self.cells.remove(&(row, col));
            return Ok(());
        }
        if row >= EXCEL_ROWS || col >= EXCEL_COLS {
            return Err(TableError::BeyondGrid {
                sheet: self.name.clone(),
                place: self.place(row, col),
            });
        }
        if row > MAX_LIST_ROW {
            return Err(TableError::TooManyRows {
                sheet: self.name.clone(),
                place: self.place(row, col),
            });
        }
        if self.cells.len() >= MAX_CELLS && !self.cells.contains_key(&(row, col)) {
            return Err(TableError::TooManyCells {
                sheet: self.name.clone(),
                place: self.place(row, col),
            });
        }
        self.cells.insert((row, col), cell);
        Ok(())
    }

    /// The cell at (row, column) as the file holds it: in a merged area, only its top-left cell
    /// has a value (see [`Sheet::merge_at`]).
    #[must_use]
    pub fn get(&self, row: u32, col: u32) -> &Cell {
        self.cells.get(&(row, col)).unwrap_or(&Cell::Empty)
    }

    /// The merged area holding (row, column), if any (the first in the file's order, should
    /// areas overlap).
    #[must_use]
    pub fn merge_at(&self, row: u32, col: u32) -> Option<&Area> {
        let Ok(mut cache) = self.merge_row.0.lock() else {
            return self.merges.iter().find(|a| a.contains(row, col));
        };
        let stale = cache
            .as_ref()
            .is_none_or(|c| c.row != row || c.of != self.merges.len());
        if stale {
            let mut by_col: Vec<usize> = (0..self.merges.len())
                .filter(|&i| {
                    self.merges
                        .get(i)
                        .is_some_and(|a| (a.first_row..=a.last_row).contains(&row))
                })
                .collect();
            let first_col = |i: &usize| self.merges.get(*i).map_or(0, |a| a.first_col);
            by_col.sort_by_key(first_col);
            let disjoint = by_col.windows(2).all(|w| match w {
                [a, b] => match (self.merges.get(*a), self.merges.get(*b)) {
                    (Some(a), Some(b)) => a.last_col < b.first_col,
                    _ => false,
                },
                _ => true,
            });
            *cache = Some(RowAreas {
                row,
                of: self.merges.len(),
                by_col,
                disjoint,
            });
        }
        let c = cache.as_ref()?;
        let found = if c.disjoint {
            let i = c
                .by_col
                .partition_point(|&i| self.merges.get(i).is_some_and(|a| a.first_col <= col));
            i.checked_sub(1).and_then(|i| c.by_col.get(i)).copied()
        } else {
            c.by_col
                .iter()
                .copied()
                .filter(|&i| self.merges.get(i).is_some_and(|a| a.contains(row, col)))
                .min()
        };
        found
            .and_then(|i| self.merges.get(i))
            .filter(|a| a.contains(row, col))
    }

    /// Two merged areas sharing a cell, if any, as `A1:B2`: no office program writes them,
    /// and readers differ on what their cells show. One sweep down the rows, in
    /// O(areas × log areas).
    #[must_use]
    pub fn overlapping_merges(&self) -> Option<(String, String)> {
        use std::collections::BTreeMap;
        // (row, 0 = leaves before 1 = enters, area): an area leaves after its last row.
        let mut events: Vec<(u64, u8, usize)> = Vec::with_capacity(self.merges.len() * 2);
        for (i, a) in self.merges.iter().enumerate() {
            events.push((u64::from(a.first_row), 1, i));
            events.push((u64::from(a.last_row) + 1, 0, i));
        }
        events.sort_unstable();
        // The areas spanning the current row, by first column: (last column, area).
        let mut open: BTreeMap<u32, (u32, usize)> = BTreeMap::new();
        for (_, enters, i) in events {
            let Some(a) = self.merges.get(i) else {
                continue;
            };
            if enters == 0 {
                if open.get(&a.first_col).is_some_and(|&(_, j)| j == i) {
                    open.remove(&a.first_col);
                }
                continue;
            }
            let before = open.range(..=a.last_col).next_back();
            if let Some((&first, &(last, j))) = before {
                if last >= a.first_col && first <= a.last_col {
                    let other = self.merges.get(j).copied().unwrap_or(*a);
                    return Some((area_name(&other), area_name(a)));
                }
            }
            open.insert(a.first_col, (a.last_col, i));
        }
        None
    }

    /// Whether no cell shows anything.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// How many cells show something.
    #[must_use]
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// The rows that hold a cell, in order, each once.
    pub fn row_numbers(&self) -> impl Iterator<Item = u32> + '_ {
        let mut last = None;
        self.cells.keys().filter_map(move |&(r, _)| {
            if last == Some(r) {
                None
            } else {
                last = Some(r);
                Some(r)
            }
        })
    }

    /// The cells of one row that show something, by column.
    pub fn row(&self, row: u32) -> impl Iterator<Item = (u32, &Cell)> + '_ {
        self.cells
            .range((row, 0)..=(row, u32::MAX))
            .map(|(&(_, c), cell)| (c, cell))
    }

    /// Every cell that shows something, row by row.
    pub fn cells(&self) -> impl Iterator<Item = ((u32, u32), &Cell)> + '_ {
        self.cells.iter().map(|(&k, v)| (k, v))
    }

    /// The rectangle `rows × cols` from A1 as a grid, for small sheets (tests, a preview):
    /// the caller bounds it.
    #[must_use]
    pub fn grid(&self, rows: u32, cols: u32) -> Vec<Vec<Cell>> {
        (0..rows)
            .map(|r| (0..cols).map(|c| self.get(r, c).clone()).collect())
            .collect()
    }

    /// `Danh sách!C12` for a cell (0-based row and column).
    #[must_use]
    pub fn place(&self, row: u32, col: u32) -> String {
        format!(
            "{}!{}{}",
            self.name,
            column_name(col as usize),
            row as u64 + 1
        )
    }

    /// `Danh sách!12` for a whole row.
    #[must_use]
    pub fn row_place(&self, row: u32) -> String {
        format!("{}!{}", self.name, row as u64 + 1)
    }
}

/// A workbook: its sheets in tab order and the one it opens on.
#[derive(Debug, Clone, Default)]
pub struct Book {
    /// Sheets in tab order.
    pub sheets: Vec<Sheet>,
    /// The sheet the program opens on (the active tab), if the file says.
    pub active: Option<usize>,
    /// The legacy code page a text file (CSV) was decoded from ("Windows-1258"), to be said.
    pub decoded_from: Option<&'static str>,
}

/// Longest error value or formula kept whole: Excel's formulas reach 8,192 characters.
const MAX_QUOTED_CHARS: usize = 8_192;

/// Longest sheet name kept whole: Excel allows 31 characters, LibreOffice more; a longer one
/// is cut, with `…`, so that no file fills every message with its name.
const MAX_NAME_CHARS: usize = 100;

/// A sheet's name as it may be printed: a file can name a sheet with control characters
/// (ESC, the C1 CSI), which no office program lets a clerk type and which would reach the
/// terminal raw in every message naming a cell (clearing the screen, recolouring the text),
/// or with bidirectional controls (U+202E) that make the name print in another order than
/// it is. Each such character is shown as its code point (`<U+001B>`).
#[must_use]
pub fn shown_name(name: &str) -> String {
    printable(name, MAX_NAME_CHARS)
}

/// `s` with its control and bidirectional characters shown as code points (`<U+001B>`), cut
/// after `max` characters with `…`: what a message may quote of a file.
#[must_use]
pub fn printable(s: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        let bidi = matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// `A1:B2` for an area.
#[must_use]
pub fn area_name(a: &Area) -> String {
    format!(
        "{}{}:{}{}",
        column_name(a.first_col as usize),
        u64::from(a.first_row) + 1,
        column_name(a.last_col as usize),
        u64::from(a.last_row) + 1
    )
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
        assert_eq!(column_name(16_383), "XFD");
    }

    #[test]
    fn a_far_cell_costs_one_entry_and_a_space_nothing() {
        let mut s = Sheet::new("Danh sách");
        s.put(1_048_575, 16_383, Cell::Text(" ".into())).ok();
        assert!(s.is_empty());
        s.put(MAX_LIST_ROW, 16_383, Cell::Text("x".into())).ok();
        assert_eq!(s.len(), 1);
        assert_eq!(s.place(1_048_575, 16_383), "Danh sách!XFD1048576");
        assert_eq!(s.row_numbers().collect::<Vec<_>>(), vec![MAX_LIST_ROW]);
        assert!(matches!(
            s.put(1_048_575, 16_383, Cell::Text("x".into())),
            Err(TableError::TooManyRows { place, .. }) if place == "Danh sách!XFD1048576"
        ));
    }

    fn area(first_row: u32, first_col: u32, last_row: u32, last_col: u32) -> Area {
        Area {
            first_row,
            first_col,
            last_row,
            last_col,
        }
    }

    #[test]
    fn merged_areas_are_found_along_a_row_as_a_search_through_all_finds_them() {
        let mut s = Sheet::new("S");
        s.merges = vec![
            area(0, 2, 0, 5),
            area(0, 7, 3, 7),
            area(1, 0, 4, 1),
            area(5, 0, 5, 16_383),
        ];
        for r in 0..7 {
            for c in 0..20 {
                let slow = s.merges.iter().find(|a| a.contains(r, c));
                assert_eq!(s.merge_at(r, c), slow, "{r} {c}");
            }
        }
        assert_eq!(s.overlapping_merges(), None);
        // Overlapping areas (another reader's file): the first in the file's order.
        s.merges.push(area(0, 0, 9, 9));
        for r in 0..10 {
            for c in 0..12 {
                let slow = s.merges.iter().find(|a| a.contains(r, c));
                assert_eq!(s.merge_at(r, c), slow, "{r} {c}");
            }
        }
        assert!(s.overlapping_merges().is_some());
    }

    #[test]
    fn a_row_of_cells_under_a_million_areas_is_answered_fast() {
        let mut s = Sheet::new("S");
        s.merges = (10..1_000_010).map(|r| area(r, 0, r, 1)).collect();
        s.merges.push(area(0, 0, 0, 1));
        let start = std::time::Instant::now();
        for c in 0..16_000 {
            assert_eq!(s.merge_at(0, c).is_some(), c < 2);
        }
        assert!(s.overlapping_merges().is_none());
        assert!(start.elapsed() < std::time::Duration::from_secs(30));
    }

    #[test]
    fn many_spans_answer_fast_and_right() {
        let mut s = Spans::default();
        for r in (0..1_000_000).rev().step_by(2) {
            s.add(r, r);
        }
        s.add(10, 20);
        let hidden = (0..1_000_000).filter(|&r| s.contains(r)).count();
        assert_eq!(hidden, 500_000 + 6);
        assert!(s.contains(15) && s.contains(999_999) && !s.contains(1_000_000));
        s.add(1_000_000, 1_000_000);
        assert!(s.contains(1_000_000));
    }

    #[test]
    fn control_and_bidi_characters_in_a_sheet_name_are_shown_as_code_points() {
        let s = Sheet::new("D\u{1b}[31m\u{9b}2J\u{202e}X\u{200f}");
        assert_eq!(s.name, "D<U+001B>[31m<U+009B>2J<U+202E>X<U+200F>");
        assert_eq!(Sheet::new("Danh sách").name, "Danh sách");
        assert_eq!(Sheet::new("a".repeat(300)).name.chars().count(), 101);
        let mut s = Sheet::new("S");
        s.put(0, 0, Cell::Error("#N/A\u{1b}[2J".into())).ok();
        s.put(0, 1, Cell::Formula("A1&\u{9b}".into())).ok();
        assert_eq!(*s.get(0, 0), Cell::Error("#N/A<U+001B>[2J".into()));
        assert_eq!(*s.get(0, 1), Cell::Formula("A1&<U+009B>".into()));
    }

    #[test]
    fn rows_iterate_in_order_once_each() {
        let mut s = Sheet::new("S");
        for (r, c) in [(3, 1), (0, 0), (3, 0), (7, 2)] {
            s.put(r, c, Cell::Text(format!("{r}{c}"))).ok();
        }
        assert_eq!(s.row_numbers().collect::<Vec<_>>(), vec![0, 3, 7]);
        let row3: Vec<u32> = s.row(3).map(|(c, _)| c).collect();
        assert_eq!(row3, vec![0, 1]);
    }
}
