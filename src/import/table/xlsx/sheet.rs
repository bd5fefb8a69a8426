//! One worksheet part (`xl/worksheets/sheetN.xml`): its cells as Excel shows them, its hidden
//! rows and columns, its merged areas.
//!
//! Read as a stream: only cells that show something are kept ([`Sheet::put`]), so a space in
//! XFD1048576 is one event and nothing else. Rows and columns are 1-based in the XML and
//! 0-based in the model.

use quick_xml::events::{BytesStart, Event};

use super::super::{Cell, Sheet, TableError, MAX_CELLS};
use super::part::{attr, local, truthy, Xml};
use super::refs::{self, MAX_COL, MAX_ROW};
use super::strings::{local_end, Runs, KEEP_BYTES};
use super::value::{bad_value, finish, Context, Pending};

/// Most runs of hidden rows or columns, or merged areas, a sheet may declare.
const MAX_SPANS: usize = MAX_CELLS;

/// Where the reader is inside the cell.
#[derive(PartialEq, Eq, Clone, Copy)]
enum In {
    Nothing,
    Value,
    Formula,
    Inline,
}

/// Read one worksheet into `sheet`.
pub(super) fn worksheet(
    xml: &mut Xml<'_>,
    sheet: &mut Sheet,
    cx: &Context<'_>,
) -> Result<(), TableError> {
    let mut zero_height = false;
    // Rows shown although hidden by default (`zeroHeight`), or hidden, as runs.
    let mut row_runs: Vec<(u32, u32)> = Vec::new();
    let mut shown_rows: Vec<u32> = Vec::new();
    let mut in_data = false;
    let mut in_cols = false;
    let mut in_merges = false;
    let mut row: Option<u32> = None;
    let mut next_row: u32 = 0;
    let mut next_col: u32 = 0;
    let mut cell: Option<Pending> = None;
    let mut inside = In::Nothing;
    let mut runs = Runs::default();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let (event, level) = xml.next_into(&mut buf)?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let opens = matches!(event, Event::Start(_));
                match (level, local(e)) {
                    (2, "sheetFormatPr") => {
                        zero_height = truthy(attr(e, "zeroHeight", xml)?.as_deref());
                    }
                    (2, "sheetData") => in_data = opens,
                    (2, "cols") => in_cols = opens,
                    (2, "mergeCells") => in_merges = opens,
                    (3, "col") if in_cols => col(xml, e, sheet)?,
                    (3, "mergeCell") if in_merges => {
                        if sheet.merges.len() >= MAX_SPANS {
                            return Err(too_many(xml, "merged areas", "vùng gộp ô"));
                        }
                        let r = attr(e, "ref", xml)?.unwrap_or_default();
                        let area = refs::area(r.trim()).ok_or_else(|| bad_ref(xml, &r))?;
                        sheet.merges.push(area);
                    }
                    (3, "row") if in_data => {
                        let r = match attr(e, "r", xml)? {
                            Some(r) => match r.trim().parse::<u32>() {
                                Ok(n) if (1..=MAX_ROW).contains(&n) => n - 1,
                                _ => return Err(bad_ref(xml, &r)),
                            },
                            None if next_row < MAX_ROW => next_row,
                            None => return Err(bad_ref(xml, "row after 1048576")),
                        };
                        row = Some(r);
                        next_row = r + 1;
                        next_col = 0;
                        let hidden = truthy(attr(e, "hidden", xml)?.as_deref())
                            || zero_size(attr(e, "ht", xml)?.as_deref());
                        if zero_height {
                            if !hidden {
                                push_run(xml, &mut shown_rows, r)?;
                            }
                        } else if hidden {
                            add_run(xml, &mut row_runs, r)?;
                        }
                        if !opens {
                            row = None;
                        }
                    }
                    (4, "c") if in_data && row.is_some() => {
                        let (r, c) = match attr(e, "r", xml)? {
                            Some(a) => refs::cell(a.trim()).ok_or_else(|| bad_ref(xml, &a))?,
                            None if next_col < MAX_COL => (row.unwrap_or(0), next_col),
                            None => return Err(bad_ref(xml, "cell after XFD")),
                        };
                        // `<row r="2"><c r="B999">`: row 2 or row 999 is not known.
                        if let Some(own) = row.filter(|&own| own != r) {
                            return Err(TableError::CellTwice {
                                place: sheet.place(r, c),
                                row: u64::from(own) + 1,
                            });
                        }
                        next_col = c + 1;
                        let pending = Pending {
                            row: r,
                            col: c,
                            kind: attr(e, "t", xml)?
                                .map(|t| t.trim().to_owned())
                                .unwrap_or_default(),
                            style: match attr(e, "s", xml)? {
                                Some(s) => {
                                    Some(s.trim().parse().map_err(|_| bad_value(sheet, r, c, &s))?)
                                }
                                None => None,
                            },
                            ..Pending::default()
                        };
                        if opens {
                            cell = Some(pending);
                        } else {
                            finish(xml, sheet, pending, cx)?;
                        }
                    }
                    (5, name) if cell.is_some() => {
                        if let Some(p) = cell.as_mut() {
                            match name {
                                "v" => {
                                    p.value = Some(String::new());
                                    if opens {
                                        inside = In::Value;
                                    }
                                }
                                "f" => {
                                    p.formula = Some(String::new());
                                    if opens {
                                        inside = In::Formula;
                                    }
                                }
                                "is" => {
                                    p.inline = Some(String::new());
                                    runs = Runs::default();
                                    if opens {
                                        inside = In::Inline;
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    (6.., name) if inside == In::Inline && opens => runs.open(name),
                    _ => {}
                }
            }
            Event::End(e) => match (level, local_end(e)) {
                (2, "sheetData") => in_data = false,
                (2, "cols") => in_cols = false,
                (2, "mergeCells") => in_merges = false,
                (3, "row") => row = None,
                (4, "c") => {
                    if let Some(p) = cell.take() {
                        finish(xml, sheet, p, cx)?;
                    }
                    inside = In::Nothing;
                }
                (5, "is") if inside == In::Inline => {
                    if let Some(p) = cell.as_mut() {
                        match runs.take() {
                            (Some(text), _) => p.inline = Some(text),
                            (None, chars) => {
                                return Err(TableError::CellTooLong {
                                    place: sheet.place(p.row, p.col),
                                    chars: Some(chars),
                                })
                            }
                        }
                    }
                    inside = In::Nothing;
                }
                (5, _) => inside = In::Nothing,
                (6.., name) if inside == In::Inline => runs.close(name),
                _ => {}
            },
            Event::Eof => break,
            _ => match (inside, cell.as_mut()) {
                // A value or a formula longer than any cell shows is refused as soon as it is:
                // never held whole.
                (In::Value | In::Formula, Some(p)) => {
                    let (row, col) = (p.row, p.col);
                    let text = if inside == In::Value {
                        p.value.as_mut()
                    } else {
                        p.formula.as_mut()
                    };
                    if let Some(t) = text {
                        if t.len() > KEEP_BYTES {
                            return Err(TableError::CellTooLong {
                                place: sheet.place(row, col),
                                chars: Some(t.chars().count()),
                            });
                        }
                        xml.text(&event, t)?;
                    }
                }
                (In::Inline, Some(_)) => runs.event(xml, &event)?,
                _ => {}
            },
        }
    }
    if zero_height {
        shown_rows.sort_unstable();
        shown_rows.dedup();
        // Every row is hidden but those written as shown: the gaps between them.
        let mut from = 0u32;
        for &r in &shown_rows {
            if r > from {
                sheet.hidden_rows.add(from, r - 1);
            }
            from = from.max(r + 1);
        }
        if from < MAX_ROW {
            sheet.hidden_rows.add(from, MAX_ROW - 1);
        }
    } else {
        for (a, b) in row_runs {
            sheet.hidden_rows.add(a, b);
        }
    }
    if let Some((first, second)) = sheet.overlapping_merges() {
        return Err(TableError::MergesOverlap {
            sheet: sheet.name.clone(),
            first,
            second,
        });
    }
    under_merges(sheet)
}

/// Clear the cells a merged area covers but its top-left: Excel shows the area with that one
/// value, whatever the file holds under it (openpyxl drops them too).
///
/// One sweep down the rows, in O((cells + areas) log areas): the areas that span the current
/// row are kept by first column (Excel's areas do not overlap), so a file of a million areas
/// costs no more than its cells.
fn under_merges(sheet: &mut Sheet) -> Result<(), TableError> {
    use std::cmp::Reverse;
    use std::collections::{BTreeMap, BinaryHeap};
    if sheet.merges.is_empty() {
        return Ok(());
    }
    let mut order: Vec<usize> = (0..sheet.merges.len()).collect();
    order.sort_unstable_by_key(|&i| sheet.merges.get(i).map_or(0, |a| a.first_row));
    let mut next = order.into_iter().peekable();
    let mut spanning: BTreeMap<(u32, usize), super::super::Area> = BTreeMap::new();
    let mut ending: BinaryHeap<Reverse<(u32, u32, usize)>> = BinaryHeap::new();
    let mut hidden = Vec::new();
    for ((r, c), _) in sheet.cells() {
        while let Some(&i) = next.peek() {
            let Some(a) = sheet.merges.get(i).copied() else {
                next.next();
                continue;
            };
            if a.first_row > r {
                break;
            }
            spanning.insert((a.first_col, i), a);
            ending.push(Reverse((a.last_row, a.first_col, i)));
            next.next();
        }
        while let Some(Reverse((last, col, i))) = ending.peek().copied() {
            if last >= r {
                break;
            }
            spanning.remove(&(col, i));
            ending.pop();
        }
        if let Some((_, a)) = spanning.range(..=(c, usize::MAX)).next_back() {
            if a.contains(r, c) && (r, c) != (a.first_row, a.first_col) {
                hidden.push((r, c));
            }
        }
    }
    for (r, c) in hidden {
        sheet.put(r, c, Cell::Empty)?;
    }
    Ok(())
}

/// A `<col min max hidden width>` element: hidden columns, 1-based in the XML.
fn col(xml: &Xml<'_>, e: &BytesStart<'_>, sheet: &mut Sheet) -> Result<(), TableError> {
    let hidden =
        truthy(attr(e, "hidden", xml)?.as_deref()) || zero_size(attr(e, "width", xml)?.as_deref());
    if !hidden {
        return Ok(());
    }
    if sheet.hidden_cols.spans().len() >= MAX_SPANS {
        return Err(too_many(xml, "column ranges", "nhóm cột"));
    }
    let min = attr(e, "min", xml)?.unwrap_or_default();
    let max = attr(e, "max", xml)?.unwrap_or_else(|| min.clone());
    let num = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=MAX_COL).contains(n))
    };
    match (num(&min), num(&max)) {
        (Some(a), Some(b)) if a <= b => {
            sheet.hidden_cols.add(a - 1, b - 1);
            Ok(())
        }
        _ => Err(bad_ref(xml, &format!("col min=\"{min}\" max=\"{max}\""))),
    }
}

/// A row height or column width of zero: Excel shows nothing of it, as if hidden.
fn zero_size(v: Option<&str>) -> bool {
    v.and_then(|v| v.trim().parse::<f64>().ok()) == Some(0.0)
}

/// Add row `r` to the runs of hidden rows, joining it to the last run when adjacent.
fn add_run(xml: &Xml<'_>, runs: &mut Vec<(u32, u32)>, r: u32) -> Result<(), TableError> {
    if let Some(last) = runs.last_mut() {
        if last.1.checked_add(1) == Some(r) || (last.0..=last.1).contains(&r) {
            last.1 = last.1.max(r);
            return Ok(());
        }
    }
    if runs.len() >= MAX_SPANS {
        return Err(too_many(xml, "hidden row ranges", "nhóm dòng ẩn"));
    }
    runs.push((r, r));
    Ok(())
}

/// Note a row shown in a sheet whose rows are hidden by default (sorted once read: rows out
/// of order, inserted in place one by one, took quadratic time).
fn push_run(xml: &Xml<'_>, rows: &mut Vec<u32>, r: u32) -> Result<(), TableError> {
    if rows.last() == Some(&r) {
        return Ok(());
    }
    if rows.len() >= MAX_SPANS {
        return Err(too_many(xml, "rows", "dòng"));
    }
    rows.push(r);
    Ok(())
}

fn bad_ref(xml: &Xml<'_>, r: &str) -> TableError {
    TableError::BadRef {
        part: xml.part().to_owned(),
        reference: refs::shown(r),
    }
}

fn too_many(xml: &Xml<'_>, what: &'static str, what_vi: &'static str) -> TableError {
    TableError::TooManyItems {
        part: xml.part().to_owned(),
        what,
        what_vi,
        limit: MAX_SPANS,
    }
}
