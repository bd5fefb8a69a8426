//! One worksheet's substream: its cells as the program shows them, its hidden rows and
//! columns, its merged areas. Only the records that hold a value are kept (BLANK and MULBLANK,
//! a formatted empty cell, cost nothing), so a stray cell at IV65536 is one entry.

use std::collections::BTreeSet;

use super::formula;
use super::globals::Globals;
use super::records::{f64_at, u16_at, u32_at, unicode_string, Parts, Records, CONTINUE};
use super::text_budget::too_much_text;
use super::{damaged, past_end};
use crate::date::Date;
use crate::import::table::numfmt::Shown;
use crate::import::table::MAX_CELL_CHARS;
use crate::import::table::{Area, Cell, Format, Sheet, Spans, TableError, XlsFault, MAX_CELLS};

/// Put a text cell: refused with its place past [`MAX_CELL_CHARS`], and counted against the
/// workbook's text (`left`).
fn put_text(
    sheet: &mut Sheet,
    row: u32,
    col: u32,
    text: String,
    left: &mut usize,
) -> Result<(), TableError> {
    if text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS {
        return Err(TableError::CellTooLong {
            place: sheet.place(row, col),
            chars: None,
        });
    }
    *left = left
        .checked_sub(text.len())
        .ok_or_else(|| too_much_text(&sheet.name))?;
    sheet.put(row, col, Cell::Text(text))
}

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const LABELSST: u16 = 0x00FD;
const LABEL: u16 = 0x0204;
const RSTRING: u16 = 0x00D6;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const BOOLERR: u16 = 0x0205;
const FORMULA: u16 = 0x0006;
const STRING: u16 = 0x0207;
const SHRFMLA: u16 = 0x04BC;
const ARRAY: u16 = 0x0221;
const TABLE: u16 = 0x0236;
const ROW: u16 = 0x0208;
const COLINFO: u16 = 0x007D;
const DEFAULTROWHEIGHT: u16 = 0x0225;
const MERGEDCELLS: u16 = 0x00E5;
/// The substream type of a worksheet (charts, macro sheets and others are not lists).
const WORKSHEET: u16 = 0x0010;
/// The last row and column of a BIFF8 sheet.
const LAST_ROW: u32 = 65_535;
const LAST_COL: u32 = 255;

/// The sheet starting at `start` (its BOF) and ending before `end`; `None` when the substream
/// there is not a worksheet.
pub(super) fn read(
    stream: &[u8],
    start: usize,
    end: usize,
    mut sheet: Sheet,
    g: &Globals,
    text_left: &mut usize,
    cells_left: &mut usize,
) -> Result<Option<Sheet>, TableError> {
    let name = sheet.name.clone();
    let fault = |f: XlsFault| damaged(Some(&name), f);
    if start >= stream.len() {
        return Err(fault(XlsFault::SheetStart));
    }
    let mut r = Records::new(stream, start, end);
    let bof = r.next_record().map_err(|e| past_end(Some(&name), e))?;
    let Some(bof) = bof.filter(|b| b.kind == BOF) else {
        return Err(fault(XlsFault::SheetStart));
    };
    if u16_at(bof.data, 2) != Some(WORKSHEET) {
        return Ok(None);
    }
    let mut depth = 1u32;
    // A formula whose string result is in the STRING record after it: (row, column, text).
    let mut pending: Option<(u32, u32, String)> = None;
    let mut rows_seen: Vec<(u32, bool)> = Vec::new();
    let mut rows_hidden_by_default = false;
    // By column: a file repeating COLINFO records still gives at most 128 spans.
    let mut cols_hidden = [false; LAST_COL as usize + 1];
    while let Some(rec) = r.next_record().map_err(|e| past_end(Some(&name), e))? {
        let short = || fault(XlsFault::Short(rec.offset));
        // An embedded chart's substream inside the sheet: passed over whole.
        match rec.kind {
            BOF => {
                depth += 1;
                continue;
            }
            EOF => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
                continue;
            }
            _ if depth > 1 => continue,
            _ => {}
        }
        if !matches!(rec.kind, STRING | SHRFMLA | ARRAY | TABLE | CONTINUE) {
            if let Some((row, col, text)) = pending.take() {
                sheet.put(row, col, Cell::Formula(text))?;
            }
        }
        let rc = || -> Option<(u32, u32, u16)> {
            Some((
                u32::from(u16_at(rec.data, 0)?),
                u32::from(u16_at(rec.data, 2)?),
                u16_at(rec.data, 4)?,
            ))
        };
        match rec.kind {
            LABELSST => {
                let (row, col, _) = rc().ok_or_else(short)?;
                let i = u32_at(rec.data, 6).ok_or_else(short)?;
                let Some(text) = g.sst.get(i as usize) else {
                    return Err(fault(XlsFault::StringIndex(sheet.place(row, col))));
                };
                put_text(&mut sheet, row, col, text.clone(), text_left)?;
            }
            LABEL | RSTRING => {
                let (row, col, _) = rc().ok_or_else(short)?;
                let text = rec
                    .data
                    .get(6..)
                    .and_then(unicode_string)
                    .ok_or_else(short)?;
                put_text(&mut sheet, row, col, text, text_left)?;
            }
            NUMBER => {
                let (row, col, xf) = rc().ok_or_else(short)?;
                let n = f64_at(rec.data, 6).ok_or_else(short)?;
                let cell = number(n, xf, &sheet, row, col, g)?;
                sheet.put(row, col, cell)?;
            }
            RK => {
                let (row, col, xf) = rc().ok_or_else(short)?;
                let n = rk(u32_at(rec.data, 6).ok_or_else(short)?);
                let cell = number(n, xf, &sheet, row, col, g)?;
                sheet.put(row, col, cell)?;
            }
            MULRK => {
                let (row, first, _) = rc().ok_or_else(short)?;
                // Six bytes a cell between the first column and the last (2 bytes).
                let cells = rec.data.get(4..rec.data.len().saturating_sub(2));
                let cells = cells.filter(|c| c.len() % 6 == 0).ok_or_else(short)?;
                for (k, c) in cells.chunks_exact(6).enumerate() {
                    let col = first + k as u32;
                    let xf = u16_at(c, 0).ok_or_else(short)?;
                    let n = rk(u32_at(c, 2).ok_or_else(short)?);
                    let cell = number(n, xf, &sheet, row, col, g)?;
                    sheet.put(row, col, cell)?;
                }
            }
            BOOLERR => {
                let (row, col, _) = rc().ok_or_else(short)?;
                let v = *rec.data.get(6).ok_or_else(short)?;
                let is_error = *rec.data.get(7).ok_or_else(short)? != 0;
                let cell = if is_error {
                    Cell::Error(formula::error_name(v))
                } else {
                    Cell::Bool(v != 0)
                };
                sheet.put(row, col, cell)?;
            }
            FORMULA => {
                let (row, col, xf) = rc().ok_or_else(short)?;
                let value = rec.data.get(6..14).ok_or_else(short)?;
                let text = || formula::text(rec.data.get(20..).unwrap_or_default());
                // A result other than a number is marked by 0xFFFF in its last two bytes; its
                // first byte says which (MS-XLS 2.5.133 FormulaValue).
                let cell = if !g.calculated {
                    // Written by a program that names no calculation engine: whatever result
                    // the file holds (xlwt's empty string, a 0 left in place) is not what Excel
                    // shows once it has recalculated on opening.
                    Cell::Formula(text())
                } else if value.get(6..8) == Some(&[0xFF, 0xFF]) {
                    match value.first() {
                        Some(0) => {
                            pending = Some((row, col, text()));
                            continue;
                        }
                        Some(1) => Cell::Bool(value.get(2).is_some_and(|&b| b != 0)),
                        Some(2) => {
                            Cell::Error(formula::error_name(value.get(2).copied().unwrap_or(0x2A)))
                        }
                        // An empty string: what a formula like =IF(A1="";"";…) shows.
                        Some(3) => Cell::Empty,
                        _ => Cell::Formula(text()),
                    }
                } else {
                    let n = f64_at(value, 0).ok_or_else(short)?;
                    number(n, xf, &sheet, row, col, g)?
                };
                sheet.put(row, col, cell)?;
            }
            STRING => {
                let rest = r.continues().map_err(&fault)?;
                if let Some((row, col, _)) = pending.take() {
                    let mut p = Parts::new(rec.data, rest);
                    let count = p.u16().ok_or_else(short)?;
                    let flags = p.byte().ok_or_else(short)?;
                    let text = p.chars(count as usize, flags & 1 != 0).ok_or_else(short)?;
                    put_text(&mut sheet, row, col, text, text_left)?;
                }
            }
            ROW => {
                let row = u32::from(u16_at(rec.data, 0).ok_or_else(short)?);
                let flags = u16_at(rec.data, 12).ok_or_else(short)?;
                rows_seen.push((row, flags & 0x20 != 0));
            }
            COLINFO => {
                let first = u32::from(u16_at(rec.data, 0).ok_or_else(short)?);
                let last = u32::from(u16_at(rec.data, 2).ok_or_else(short)?);
                let width = u16_at(rec.data, 4).ok_or_else(short)?;
                let flags = u16_at(rec.data, 8).ok_or_else(short)?;
                // Hidden, or so narrow the program shows nothing of it.
                if flags & 1 != 0 || width == 0 {
                    for c in first..=last.min(LAST_COL) {
                        if let Some(h) = cols_hidden.get_mut(c as usize) {
                            *h = true;
                        }
                    }
                }
            }
            DEFAULTROWHEIGHT => {
                rows_hidden_by_default = u16_at(rec.data, 0).ok_or_else(short)? & 0x02 != 0;
            }
            MERGEDCELLS => {
                let count = u16_at(rec.data, 0).ok_or_else(short)? as usize;
                let areas = rec.data.get(2..2 + 8 * count).ok_or_else(short)?;
                for a in areas.chunks_exact(8) {
                    // A file of 64 MB holds eight million areas; no list has a million.
                    if sheet.merges.len() >= MAX_CELLS {
                        return Err(TableError::TooManyItems {
                            part: name.clone(),
                            what: "merged areas",
                            what_vi: "vùng gộp ô",
                            limit: MAX_CELLS,
                        });
                    }
                    let v = |at| u16_at(a, at).map(u32::from).ok_or_else(short);
                    let (r0, r1, c0, c1) = (v(0)?, v(2)?, v(4)?, v(6)?);
                    if r0 <= r1 && c0 <= c1 && (r0, c0) != (r1, c1) {
                        sheet.merges.push(Area {
                            first_row: r0,
                            first_col: c0,
                            last_row: r1,
                            last_col: c1,
                        });
                    }
                }
            }
            _ => {}
        }
        // The cells of every sheet count against one bound: a 64 MB file holds 4.8 million
        // cell records, a million in each of its sheets.
        if sheet.len() > *cells_left {
            let place = rc().map_or_else(|| sheet.row_place(0), |(r, c, _)| sheet.place(r, c));
            return Err(TableError::TooManyCells {
                sheet: name.clone(),
                place,
            });
        }
    }
    if let Some((row, col, text)) = pending.take() {
        sheet.put(row, col, Cell::Formula(text))?;
    }
    *cells_left = cells_left.saturating_sub(sheet.len());
    sheet.hidden_rows = hidden_rows(&rows_seen, rows_hidden_by_default);
    sheet.hidden_cols = runs(
        cols_hidden
            .iter()
            .enumerate()
            .filter(|c| *c.1)
            .map(|c| c.0 as u32),
    );
    Ok(Some(sheet))
}

/// A number as its cell format shows it: a date in the workbook's date system, a time (kept
/// as a number the reader must not take for itself), or a number in its format.
fn number(
    n: f64,
    xf: u16,
    sheet: &Sheet,
    row: u32,
    col: u32,
    g: &Globals,
) -> Result<Cell, TableError> {
    let Some(shows) = g.xfs.get(xf as usize) else {
        return Err(damaged(
            Some(&sheet.name),
            XlsFault::FormatIndex(sheet.place(row, col)),
        ));
    };
    let other = || Cell::Number(n, Format::Other(shows.code.clone()));
    Ok(match &shows.shown {
        Shown::Date => serial_date(n, g.date1904).map_or_else(other, Cell::Date),
        Shown::Time => other(),
        Shown::Number(f) => Cell::Number(n, f.clone()),
    })
}

/// The day a serial stands for. 1900 system: day 1 is 1 January 1900 and day 60 the 29
/// February 1900 that never was (Lotus 1-2-3's leap year, kept by Excel), which no date can
/// hold; 1904 system: day 0 is 1 January 1904, 1,462 days after the 1900 system's day 0.
#[must_use]
pub(super) fn serial_date(n: f64, date1904: bool) -> Option<Date> {
    if !n.is_finite() {
        return None;
    }
    let day = n.floor();
    let day = if date1904 { day + 1462.0 } else { day };
    if !(1.0..=2_958_465.0).contains(&day) || day == 60.0 {
        return None;
    }
    let day = day as i64;
    // Day 25,569 is 1 January 1970; before the phantom day, one day less.
    Some(Date::from_days(if day < 60 {
        day - 25_568
    } else {
        day - 25_569
    }))
}

/// An RK number (MS-XLS 2.5.217): a 30-bit integer or the high bits of a double, maybe
/// divided by 100.
fn rk(v: u32) -> f64 {
    let n = if v & 0x02 != 0 {
        f64::from((v as i32) >> 2)
    } else {
        f64::from_bits(u64::from(v & 0xFFFF_FFFC) << 32)
    };
    if v & 0x01 != 0 {
        n / 100.0
    } else {
        n
    }
}

/// The hidden rows: those whose ROW record says so and, when rows are hidden by default, every
/// row no ROW record shows.
fn hidden_rows(seen: &[(u32, bool)], by_default: bool) -> Spans {
    let hidden: BTreeSet<u32> = seen.iter().filter(|r| r.1).map(|r| r.0).collect();
    if by_default {
        let mut spans = Spans::default();
        let shown: BTreeSet<u32> = seen.iter().filter(|r| !r.1).map(|r| r.0).collect();
        let mut from = 0;
        for &r in &shown {
            if r > from {
                spans.add(from, r - 1);
            }
            from = r + 1;
        }
        if from <= LAST_ROW {
            spans.add(from, LAST_ROW);
        }
        return spans;
    }
    runs(hidden.into_iter())
}

/// Increasing numbers as spans of consecutive ones.
fn runs(numbers: impl Iterator<Item = u32>) -> Spans {
    let mut spans = Spans::default();
    let mut run: Option<(u32, u32)> = None;
    for r in numbers {
        run = match run {
            Some((a, b)) if b + 1 == r => Some((a, r)),
            Some((a, b)) => {
                spans.add(a, b);
                Some((r, r))
            }
            None => Some((r, r)),
        };
    }
    if let Some((a, b)) = run {
        spans.add(a, b);
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::xls::text_budget::MAX_TEXT_BYTES;

    #[test]
    fn serials_in_both_date_systems() {
        let d = |n, m| serial_date(n, m).map(|d| d.to_string());
        assert_eq!(d(28_887.0, false).as_deref(), Some("1979-02-01"));
        assert_eq!(d(28_887.0 - 1462.0, true).as_deref(), Some("1979-02-01"));
        assert_eq!(d(1.0, false).as_deref(), Some("1900-01-01"));
        assert_eq!(d(59.0, false).as_deref(), Some("1900-02-28"));
        assert_eq!(d(60.0, false), None);
        assert_eq!(d(61.0, false).as_deref(), Some("1900-03-01"));
        assert_eq!(d(0.0, true).as_deref(), Some("1904-01-01"));
        assert_eq!(d(0.0, false), None);
        assert_eq!(d(-1.0, false), None);
        assert_eq!(d(2_958_465.5, false).as_deref(), Some("9999-12-31"));
        assert_eq!(d(2_958_466.0, false), None);
        assert_eq!(d(f64::NAN, false), None);
    }

    #[test]
    fn rk_numbers() {
        assert_eq!(rk((5 << 2) | 2), 5.0);
        assert_eq!(rk(((-3i32 << 2) as u32) | 2), -3.0);
        assert_eq!(rk((1234 << 2) | 3), 12.34);
        let bits = (1.5f64.to_bits() >> 32) as u32;
        assert_eq!(rk(bits), 1.5);
    }

    #[test]
    fn the_text_of_the_cells_counts_against_the_workbook_budget() {
        // One shared string named by a million cells was copied a million times: each copy
        // counts. (The whole 64 MB cannot be built in the tests' small compound files.)
        let mut s = Sheet::new("S");
        let mut left = 10;
        assert!(put_text(&mut s, 0, 0, "abcdef".into(), &mut left).is_ok());
        let e = put_text(&mut s, 1, 0, "abcdef".into(), &mut left);
        assert!(
            matches!(&e, Err(TableError::TooManyItems { part, limit, .. }) if part == "S" && *limit == MAX_TEXT_BYTES),
            "{e:?}"
        );
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn hidden_rows_as_spans() {
        let h = hidden_rows(&[(2, true), (3, true), (5, true), (4, false)], false);
        assert_eq!(h.spans(), &[(2, 3), (5, 5)]);
        let h = hidden_rows(&[(0, false), (1, false), (4, false), (5, true)], true);
        assert_eq!(h.spans(), &[(2, 3), (5, 65_535)]);
    }
}
