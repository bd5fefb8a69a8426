//! The tables of `content.xml`, streamed into sparse sheets.
//!
//! LibreOffice writes a sheet's empty tail as one row repeated to the last row
//! (`table:number-rows-repeated="1048000"`) and a row's empty tail as one cell repeated to the
//! last column: a repeat count advances a counter and is never expanded, and a row or cell that
//! shows something is repeated only as far as the cell limit ([`MAX_CELLS`]) and the grid
//! (1,048,576 rows × 16,384 columns) allow. Hidden rows and columns are kept as spans.
//!
//! Every other count is bounded the same way, by what is kept rather than what is declared:
//! spaces (`<text:s text:c="1000000000"/>`), tabs and line breaks add to a cell's text only up
//! to [`MAX_CELL_CHARS`], past which the cell is refused with its place; a repeated row that
//! shows something is put row by row, so [`Sheet::put`] stops it at the last row a list may
//! use; the text the cells hold together is bounded ([`MAX_TEXT_BYTES`]), so that one long
//! text repeated over a million cells is refused, not copied a million times.

use std::io::BufRead;

use quick_xml::events::{BytesStart, Event};

use super::super::MAX_CELL_CHARS;
use super::super::{Area, Cell, Sheet, Spans, TableError, Visibility, MAX_CELLS, MAX_SHEETS};
use super::cell::{self, count, Attrs, NULL_DATE};
use super::styles::{StyleReader, Styles};
use super::xml::{attr, check_root, reference, text, Xml};
use crate::date::Date;

/// Rows and columns a spreadsheet has (Excel's and LibreOffice's grid).
pub(super) const MAX_ROWS: u64 = 1_048_576;
pub(super) const MAX_COLS: u64 = 16_384;

/// Most bytes of text the cells of the workbook may hold together: a list of 50,000 nominees
/// with every column holds a few megabytes (the same bound as the xlsx reader's). It and
/// [`MAX_CELLS`] count the whole workbook, not each sheet: a file of thousands of sheets
/// would otherwise hold thousands of times the bound.
const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Why a cell's reading stopped.
enum Stop {
    /// More than [`MAX_CELL_CHARS`]: the table names the cell.
    TooLong,
    /// Anything else.
    Error(TableError),
}

impl From<TableError> for Stop {
    fn from(e: TableError) -> Stop {
        Stop::Error(e)
    }
}

/// A cell being read: its attributes and its text so far.
struct OpenCell {
    depth: u32,
    attrs: Attrs,
    text: String,
    /// Characters in `text`, kept as it grows so that the limit is checked in constant time.
    chars: usize,
    paragraphs: u32,
    /// Depth of the paragraph being read.
    para: Option<u32>,
    /// Depth of an element whose text is not the cell's (a comment, a drawing).
    skip: Option<u32>,
}

/// A row being read.
struct Row {
    depth: u32,
    repeat: u64,
    hidden: bool,
    default_style: Option<String>,
    col: u64,
    /// Cells that show something: column, value, rows and columns spanned.
    cells: Vec<(u32, Cell, u64, u64)>,
    /// Bytes of text in `cells`.
    text_bytes: usize,
    cell: Option<OpenCell>,
}

/// A table being read.
struct Table {
    sheet: Sheet,
    depth: u32,
    row: u64,
    col: u64,
    /// Default cell styles of columns: first, last, style.
    col_styles: Vec<(u64, u64, String)>,
    hidden_rows: Vec<(u64, u64)>,
    hidden_cols: Vec<(u64, u64)>,
    /// Depth of an element that holds no rows (shapes, forms, a scenario's source).
    skip: Option<u32>,
    current: Option<Row>,
    /// Bytes of text put in the workbook so far, this sheet's included.
    text_bytes: usize,
    /// Cells put in the sheets before this one.
    cells_before: usize,
}

/// Reads `content.xml`: automatic styles into `styles`, tables into sheets.
pub(super) fn sheets<R: BufRead>(
    xml: &mut Xml<R>,
    styles: &mut Styles,
) -> Result<Vec<Sheet>, TableError> {
    let mut style_reader = StyleReader::default();
    let mut body: Option<u32> = None;
    let mut spreadsheet: Option<u32> = None;
    let mut null_date = NULL_DATE;
    let mut sheets: Vec<Sheet> = Vec::new();
    let mut table: Option<Table> = None;
    // Cells and bytes of text of the sheets read (each sheet's bounds count the workbook).
    let mut used = (0usize, 0usize);
    loop {
        let (event, depth) = xml.next()?;
        if matches!(event, Event::Eof) {
            break;
        }
        if let Some(t) = &mut table {
            if t.event(&event, depth, styles, null_date)? {
                if let Some(t) = table.take() {
                    used = (used.0 + t.sheet.len(), t.text_bytes);
                    sheets.push(t.finish());
                }
            }
            continue;
        }
        let Some(body_depth) = body else {
            if let (Event::Start(e) | Event::Empty(e), 1) = (&event, depth) {
                check_root(e, "office:document-content", "content.xml")?;
            }
            if let Event::Start(e) = &event {
                if e.name().as_ref() == "office:body" {
                    body = Some(depth);
                    continue;
                }
            }
            style_reader.event(styles, &event, depth)?;
            continue;
        };
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "office:spreadsheet" => spreadsheet = Some(depth),
                "table:null-date" => {
                    if let Some(d) = attr(e, "table:date-value")
                        .and_then(|v| v.get(..10).and_then(|d| Date::parse(d).ok()))
                    {
                        null_date = d.days();
                    }
                }
                // Only the sheets: DDE links keep cached tables of other files deeper down.
                "table:table" if spreadsheet.is_some_and(|s| depth == s + 1) => {
                    // An empty table is 30 bytes: the inflated budget holds millions.
                    if sheets.len() >= MAX_SHEETS {
                        return Err(TableError::TooManyItems {
                            part: "content.xml".to_owned(),
                            what: "sheets",
                            what_vi: "trang",
                            limit: MAX_SHEETS,
                        });
                    }
                    let t = Table::new(e, depth, styles, used);
                    if matches!(event, Event::Empty(_)) {
                        sheets.push(t.finish());
                    } else {
                        table = Some(t);
                    }
                }
                _ => {}
            },
            Event::End(_) if depth == body_depth => body = None,
            Event::End(_) if spreadsheet == Some(depth) => spreadsheet = None,
            _ => {}
        }
    }
    Ok(sheets)
}

impl Table {
    /// A table starting at `e`, after sheets that hold `used` (cells, bytes of text).
    fn new(e: &BytesStart<'_>, depth: u32, styles: &Styles, used: (usize, usize)) -> Table {
        let mut sheet = Sheet::new(attr(e, "table:name").unwrap_or_default());
        if attr(e, "table:style-name").is_some_and(|s| styles.hides_table(&s)) {
            sheet.visibility = Visibility::Hidden;
        }
        Table {
            sheet,
            depth,
            row: 0,
            col: 0,
            col_styles: Vec::new(),
            hidden_rows: Vec::new(),
            hidden_cols: Vec::new(),
            skip: None,
            current: None,
            text_bytes: used.1,
            cells_before: used.0,
        }
    }

    /// Take one event inside the table; `true` when the table ends.
    fn event(
        &mut self,
        event: &Event<'_>,
        depth: u32,
        styles: &Styles,
        null_date: i64,
    ) -> Result<bool, TableError> {
        if let Some(row) = &mut self.current {
            if let Some(cell) = &mut row.cell {
                match cell.event(event, depth) {
                    Ok(true) => self.end_cell(styles, null_date)?,
                    Ok(false) => {}
                    Err(Stop::TooLong) => {
                        let col = row.col;
                        return Err(self.too_long(col));
                    }
                    Err(Stop::Error(e)) => return Err(e),
                }
                return Ok(false);
            }
        }
        if let Some(skip) = self.skip {
            if matches!(event, Event::End(_)) && depth == skip {
                self.skip = None;
            }
            return Ok(false);
        }
        let (e, empty) = match event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(_) => {
                if self.current.as_ref().is_some_and(|r| r.depth == depth) {
                    self.end_row()?;
                }
                return Ok(depth == self.depth);
            }
            _ => return Ok(false),
        };
        let name = e.name();
        let name = name.as_ref();
        if let Some(row) = &mut self.current {
            match name {
                "table:table-cell" | "table:covered-table-cell" => {
                    row.cell = Some(OpenCell {
                        depth,
                        attrs: Attrs::read(e, name == "table:covered-table-cell"),
                        text: String::new(),
                        chars: 0,
                        paragraphs: 0,
                        para: None,
                        skip: None,
                    });
                    if empty {
                        self.end_cell(styles, null_date)?;
                    }
                }
                _ if !empty => self.skip = Some(depth),
                _ => {}
            }
            return Ok(false);
        }
        match name {
            "table:table-row" => {
                self.current = Some(Row {
                    depth,
                    repeat: count(e, "table:number-rows-repeated"),
                    hidden: hidden(e),
                    default_style: attr(e, "table:default-cell-style-name").map(|s| s.into_owned()),
                    col: 0,
                    cells: Vec::new(),
                    text_bytes: 0,
                    cell: None,
                });
                if empty {
                    self.end_row()?;
                }
            }
            "table:table-column" => {
                let repeat = count(e, "table:number-columns-repeated");
                let (first, last) = (self.col, self.col.saturating_add(repeat - 1));
                if first < MAX_COLS {
                    let last = last.min(MAX_COLS - 1);
                    if hidden(e) {
                        push_span(&mut self.hidden_cols, first, last);
                    }
                    if let Some(style) = attr(e, "table:default-cell-style-name") {
                        self.col_styles.push((first, last, style.into_owned()));
                    }
                }
                self.col = self.col.saturating_add(repeat);
            }
            // Groups of rows or columns: their rows and columns count as any other.
            "table:table-header-rows"
            | "table:table-row-group"
            | "table:table-rows"
            | "table:table-header-columns"
            | "table:table-column-group"
            | "table:table-columns" => {}
            _ if !empty => self.skip = Some(depth),
            _ => {}
        }
        Ok(false)
    }

    /// The cell style of a cell without its own: its row's default, else its column's.
    fn column_style(&self, col: u64) -> Option<&str> {
        let i = self.col_styles.partition_point(|s| s.1 < col);
        self.col_styles
            .get(i)
            .filter(|s| s.0 <= col)
            .map(|s| s.2.as_str())
    }

    fn end_cell(&mut self, styles: &Styles, null_date: i64) -> Result<(), TableError> {
        let Some(row) = &mut self.current else {
            return Ok(());
        };
        let Some(open) = row.cell.take() else {
            return Ok(());
        };
        let a = &open.attrs;
        let first = row.col;
        row.col = row.col.saturating_add(a.repeat);
        if a.covered {
            return Ok(());
        }
        let own = a.style.clone().or_else(|| row.default_style.clone());
        // A cell without any style is in LibreOffice's "Default" cell style, which a clerk may
        // have given a number format.
        let unstyled = "Default";
        let row_index = self.row;
        let mut last_style: Option<(Option<String>, Cell)> = None;
        for k in 0..a.repeat {
            let col = first.saturating_add(k);
            let style = match &own {
                Some(s) => Some(s.as_str()),
                None => self.column_style(col).or(Some(unstyled)),
            };
            let value = match &last_style {
                Some((s, v)) if s.as_deref() == style => v.clone(),
                _ => {
                    let v = cell::value(
                        a,
                        &open.text,
                        style.and_then(|s| styles.number_style(s)),
                        null_date,
                    );
                    last_style = Some((style.map(str::to_owned), v.clone()));
                    v
                }
            };
            if value.is_empty() {
                // Empty in one column is empty in all (a style changes how a number is shown,
                // not whether there is one): LibreOffice's empty tail of 16,000 cells stops here.
                return Ok(());
            }
            // The text may come whole from an attribute (`office:string-value`), not only from
            // the paragraphs counted as they were read.
            let len = match &value {
                Cell::Text(t) => {
                    if k == 0 && t.len() > MAX_CELL_CHARS && t.chars().count() > MAX_CELL_CHARS {
                        return Err(self.too_long(first));
                    }
                    t.len()
                }
                _ => 0,
            };
            let Ok(c) = u32::try_from(col).map_err(|_| ()).and_then(|c| {
                if u64::from(c) < MAX_COLS {
                    Ok(c)
                } else {
                    Err(())
                }
            }) else {
                return Err(beyond(&self.sheet, row_index, col));
            };
            let Some(row) = &mut self.current else {
                return Ok(());
            };
            if self.cells_before + self.sheet.len() + row.cells.len() >= MAX_CELLS {
                return Err(TableError::TooManyCells {
                    sheet: self.sheet.name.clone(),
                    place: self
                        .sheet
                        .place(u32::try_from(row_index).unwrap_or(u32::MAX), c),
                });
            }
            row.text_bytes = row.text_bytes.saturating_add(len);
            if self.text_bytes.saturating_add(row.text_bytes) > MAX_TEXT_BYTES {
                return Err(too_much_text());
            }
            row.cells.push((c, value, a.rows_spanned, a.cols_spanned));
        }
        Ok(())
    }

    fn end_row(&mut self) -> Result<(), TableError> {
        let Some(row) = self.current.take() else {
            return Ok(());
        };
        let first = self.row;
        self.row = self.row.saturating_add(row.repeat);
        if row.hidden && first < MAX_ROWS {
            let last = first.saturating_add(row.repeat - 1).min(MAX_ROWS - 1);
            push_span(&mut self.hidden_rows, first, last);
        }
        if row.cells.is_empty() {
            return Ok(());
        }
        for k in 0..row.repeat {
            let r = first.saturating_add(k);
            let Some(r32) = u32::try_from(r).ok().filter(|&r| u64::from(r) < MAX_ROWS) else {
                let col = row.cells.first().map_or(0, |c| u64::from(c.0));
                return Err(beyond(&self.sheet, r, col));
            };
            self.text_bytes = self.text_bytes.saturating_add(row.text_bytes);
            if self.text_bytes > MAX_TEXT_BYTES {
                return Err(too_much_text());
            }
            if self.cells_before + self.sheet.len() + row.cells.len() > MAX_CELLS {
                return Err(TableError::TooManyCells {
                    sheet: self.sheet.name.clone(),
                    place: self.sheet.place(r32, row.cells.first().map_or(0, |c| c.0)),
                });
            }
            for (c, value, rows, cols) in &row.cells {
                self.sheet.put(r32, *c, value.clone())?;
                if *rows > 1 || *cols > 1 {
                    let last = |start: u64, n: u64, max: u64| {
                        u32::try_from(start.saturating_add(n - 1).min(max - 1)).unwrap_or(u32::MAX)
                    };
                    self.sheet.merges.push(Area {
                        first_row: r32,
                        first_col: *c,
                        last_row: last(u64::from(r32), *rows, MAX_ROWS),
                        last_col: last(u64::from(*c), *cols, MAX_COLS),
                    });
                }
            }
        }
        Ok(())
    }

    /// The cell being read, at `col` of the current row, holds too much text.
    fn too_long(&self, col: u64) -> TableError {
        let row = u32::try_from(self.row).unwrap_or(u32::MAX);
        let col = u32::try_from(col).unwrap_or(u32::MAX);
        TableError::CellTooLong {
            place: self.sheet.place(row, col),
            chars: None,
        }
    }

    fn finish(self) -> Sheet {
        let mut sheet = self.sheet;
        sheet.hidden_rows = spans(&self.hidden_rows);
        sheet.hidden_cols = spans(&self.hidden_cols);
        sheet
    }
}

impl OpenCell {
    /// Add text, refused past [`MAX_CELL_CHARS`] before it is held.
    fn push(&mut self, s: &str) -> Result<(), Stop> {
        self.chars = self.chars.saturating_add(s.chars().count());
        if self.chars > MAX_CELL_CHARS {
            return Err(Stop::TooLong);
        }
        self.text.push_str(s);
        Ok(())
    }

    /// Add `n` times `c` (a count attribute): refused past [`MAX_CELL_CHARS`] before anything
    /// is added, so that the count is never expanded.
    fn repeat(&mut self, c: char, n: u64) -> Result<(), Stop> {
        let room = MAX_CELL_CHARS.saturating_sub(self.chars);
        let n = usize::try_from(n)
            .ok()
            .filter(|&n| n <= room)
            .ok_or(Stop::TooLong)?;
        self.chars += n;
        self.text.extend(std::iter::repeat_n(c, n));
        Ok(())
    }

    /// Take one event inside the cell; `true` when the cell ends.
    fn event(&mut self, event: &Event<'_>, depth: u32) -> Result<bool, Stop> {
        if let Some(skip) = self.skip {
            if matches!(event, Event::End(_)) && depth == skip {
                self.skip = None;
            }
            return Ok(false);
        }
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.name();
                let name = name.as_ref();
                if self.para.is_none() {
                    if depth == self.depth + 1 && matches!(name, "text:p" | "text:h") {
                        if self.paragraphs > 0 {
                            self.push("\n")?;
                        }
                        self.paragraphs += 1;
                        if !empty {
                            self.para = Some(depth);
                        }
                    } else if !empty {
                        // A comment (office:annotation), a drawing anchored to the cell.
                        self.skip = Some(depth);
                    }
                    return Ok(false);
                }
                match name {
                    "text:s" => self.repeat(' ', count(e, "text:c"))?,
                    "text:tab" => self.push("\t")?,
                    "text:line-break" => self.push("\n")?,
                    // Text that is not shown in the cell: a note, a comment, a drawing, ruby
                    // annotations, a change-tracking record.
                    "office:annotation"
                    | "text:note"
                    | "text:ruby-text"
                    | "text:tracked-changes"
                    | "text:bookmark-ref"
                        if !empty =>
                    {
                        self.skip = Some(depth)
                    }
                    _ if !empty && (name.starts_with("draw:") || name.starts_with("svg:")) => {
                        self.skip = Some(depth);
                    }
                    _ => {}
                }
            }
            Event::Text(t) if self.para.is_some() => self.push(&text(t))?,
            Event::CData(t) if self.para.is_some() => self.push(&t.xml10_content())?,
            Event::GeneralRef(r) if self.para.is_some() => {
                self.push(&reference(r, "content.xml")?)?;
            }
            Event::End(_) => {
                if self.para == Some(depth) {
                    self.para = None;
                }
                if depth == self.depth {
                    return Ok(true);
                }
            }
            _ => {}
        }
        Ok(false)
    }
}

/// `table:visibility="collapse"` (hidden) or `"filter"` (filtered out).
fn hidden(e: &BytesStart<'_>) -> bool {
    matches!(
        attr(e, "table:visibility").as_deref(),
        Some("collapse" | "filter")
    )
}

/// Add a span, joined to the last one when they touch (LibreOffice writes hidden rows one by
/// one when they differ otherwise).
fn push_span(spans: &mut Vec<(u64, u64)>, first: u64, last: u64) {
    if let Some(prev) = spans.last_mut() {
        if prev.1.saturating_add(1) >= first && first >= prev.0 {
            prev.1 = prev.1.max(last);
            return;
        }
    }
    spans.push((first, last));
}

fn spans(v: &[(u64, u64)]) -> Spans {
    let mut s = Spans::default();
    for &(a, b) in v {
        if let (Ok(a), Ok(b)) = (u32::try_from(a), u32::try_from(b)) {
            s.add(a, b);
        }
    }
    s
}

/// More text in a sheet's cells than any list ([`MAX_TEXT_BYTES`]).
fn too_much_text() -> TableError {
    TableError::TooManyItems {
        part: "content.xml".to_owned(),
        what: "bytes of text in cells",
        what_vi: "byte chữ trong các ô",
        limit: MAX_TEXT_BYTES,
    }
}

/// A cell that shows something beyond the grid.
fn beyond(sheet: &Sheet, row: u64, col: u64) -> TableError {
    TableError::BeyondGrid {
        sheet: sheet.name.clone(),
        place: format!(
            "{}!{}{}",
            sheet.name,
            super::super::column_name(usize::try_from(col).unwrap_or(usize::MAX)),
            row.saturating_add(1)
        ),
    }
}
