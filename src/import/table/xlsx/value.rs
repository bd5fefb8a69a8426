//! One cell's value as Excel shows it, from what `<c>` holds: its type (`t`), its style
//! (`s`, the number format), its cached value (`<v>`), its formula (`<f>`) and its inline
//! string (`<is>`); dates in the workbook's own date system.

use super::super::numfmt::Shown;
use super::super::{Cell, Format, Sheet, TableError, MAX_CELL_CHARS};
use super::part::Xml;
use super::refs;
use super::strings::{unescape_into, Strings, MAX_TEXT_BYTES};
use super::styles::{Missing, Styles};
use crate::date::Date;

/// What the cells of every sheet are read against.
pub(super) struct Context<'a> {
    pub(super) strings: &'a Strings,
    pub(super) styles: &'a Styles,
    pub(super) date1904: bool,
    /// Bytes of text the cells may still take ([`MAX_TEXT_BYTES`] for the workbook).
    pub(super) text_left: std::cell::Cell<u64>,
    /// Cells that show something the workbook's sheets may still take together
    /// ([`super::super::MAX_CELLS`]): each sheet is bounded by it, and a workbook of sixteen
    /// sheets (or sixteen tabs naming one sheet part) would hold sixteen times its memory.
    pub(super) cells_left: std::cell::Cell<usize>,
}

impl Context<'_> {
    /// Count a cell's text against the workbook's budget.
    fn charge(&self, xml: &Xml<'_>, cell: &Cell) -> Result<(), TableError> {
        let len = match cell {
            Cell::Text(t) | Cell::Formula(t) | Cell::Error(t) => t.len() as u64,
            _ => return Ok(()),
        };
        match self.text_left.get().checked_sub(len) {
            Some(left) => {
                self.text_left.set(left);
                Ok(())
            }
            None => Err(TableError::TooManyItems {
                part: xml.part().to_owned(),
                what: "bytes of text in cells",
                what_vi: "byte chữ trong các ô",
                limit: MAX_TEXT_BYTES as usize,
            }),
        }
    }
}

/// The cell being read, between `<c>` and `</c>`.
#[derive(Default)]
pub(super) struct Pending {
    pub(super) row: u32,
    pub(super) col: u32,
    pub(super) kind: String,
    pub(super) style: Option<u32>,
    /// The text of `<v>`, if the cell has one (empty when `<v/>` or `<v></v>`).
    pub(super) value: Option<String>,
    /// The text of `<f>`, if the cell has a formula (empty for a shared formula's followers).
    pub(super) formula: Option<String>,
    /// The text of `<is>`, if the cell has an inline string.
    pub(super) inline: Option<String>,
}

/// Put the cell read into the sheet, as Excel shows it.
pub(super) fn finish(
    xml: &Xml<'_>,
    sheet: &mut Sheet,
    p: Pending,
    cx: &Context<'_>,
) -> Result<(), TableError> {
    let Some((row, col, cell)) = value(sheet, p, cx)? else {
        return Ok(());
    };
    if let Cell::Text(t) = &cell {
        // Counted up to one past the limit: a cell of megabytes costs no more than that.
        let chars = t.chars().take(MAX_CELL_CHARS + 1).count();
        if chars > MAX_CELL_CHARS {
            return Err(too_long(sheet, row, col, t.chars().count()));
        }
    }
    // Spaces too: they are copied before the sheet drops them.
    cx.charge(xml, &cell)?;
    // The same cell twice (`<c r="B2">` in two places): Excel repairs the file, LibreOffice
    // shows the last; which value the clerk saw is not known.
    if !matches!(sheet.get(row, col), Cell::Empty) {
        return Err(TableError::CellTwice {
            place: sheet.place(row, col),
            row: u64::from(row) + 1,
        });
    }
    if !cell.is_empty() {
        let left = cx
            .cells_left
            .get()
            .checked_sub(1)
            .ok_or_else(|| TableError::TooManyCells {
                sheet: sheet.name.clone(),
                place: sheet.place(row, col),
            })?;
        cx.cells_left.set(left);
    }
    sheet.put(row, col, cell)
}

/// The cell read, as Excel shows it; `None` when it shows nothing.
fn value(
    sheet: &Sheet,
    p: Pending,
    cx: &Context<'_>,
) -> Result<Option<(u32, u32, Cell)>, TableError> {
    let (row, col) = (p.row, p.col);
    // The style of any cell, text too: an index outside the table is a damaged file, never
    // read as General.
    if let Err(count) = cx.styles.has(p.style) {
        return Err(TableError::NoSuchStyle {
            place: sheet.place(row, col),
            index: p.style.unwrap_or_default().to_string(),
            count,
        });
    }
    if p.kind == "inlineStr" {
        if let Some(text) = p.inline {
            return Ok(Some((row, col, Cell::Text(text))));
        }
    }
    // A formula whose result the file does not hold: a `<v>` missing or empty. A string
    // result (`t="str"`) is the exception: Excel writes `<v></v>` for a formula that gives
    // "" (`=IF(B5="";"";…)` down a template's empty rows), which shows nothing.
    let value = match p.value {
        Some(v) if !v.is_empty() || p.kind == "str" => Some(v),
        _ => None,
    };
    let Some(v) = value else {
        if let Some(f) = p.formula {
            return Ok(Some((row, col, Cell::Formula(f))));
        }
        return Ok(None);
    };
    let cell = match p.kind.as_str() {
        "s" => {
            let written = v.trim();
            let number = written.strip_prefix('-').unwrap_or(written);
            let no_string = || TableError::SharedString {
                place: sheet.place(row, col),
                index: refs::shown(written),
                count: cx.strings.len(),
            };
            let i: usize = match written.parse() {
                Ok(i) => i,
                // -1, 10^20: an index, outside the table.
                Err(_) if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
                    return Err(no_string())
                }
                Err(_) => return Err(bad_value(sheet, row, col, &v)),
            };
            match cx.strings.get(i) {
                Some(Ok(s)) => Cell::Text(s.to_owned()),
                Some(Err(chars)) => return Err(too_long(sheet, row, col, chars)),
                None => return Err(no_string()),
            }
        }
        "str" => {
            let mut out = String::new();
            unescape_into(&v, &mut out);
            Cell::Text(out)
        }
        // An inline-string cell with its text in `<v>` (some writers).
        "inlineStr" => Cell::Text(v),
        "b" => match v.trim() {
            "1" | "true" | "TRUE" => Cell::Bool(true),
            "0" | "false" | "FALSE" => Cell::Bool(false),
            _ => return Err(bad_value(sheet, row, col, &v)),
        },
        "e" => Cell::Error(v.trim().to_owned()),
        "d" => {
            let day = v.trim().get(..10).map(Date::parse);
            match day {
                Some(Ok(d)) => Cell::Date(d),
                _ => return Err(bad_value(sheet, row, col, &v)),
            }
        }
        "n" | "" => {
            let n: f64 = v
                .trim()
                .parse()
                .ok()
                .filter(|n: &f64| n.is_finite())
                .ok_or_else(|| bad_value(sheet, row, col, &v))?;
            let (shown, code) = match cx.styles.shown(p.style) {
                Ok(found) => found,
                Err(Missing::Style(count)) => {
                    return Err(TableError::NoSuchStyle {
                        place: sheet.place(row, col),
                        index: p.style.unwrap_or_default().to_string(),
                        count,
                    })
                }
                Err(Missing::Format(id)) => {
                    return Err(TableError::NoSuchNumberFormat {
                        place: sheet.place(row, col),
                        id,
                    })
                }
            };
            number(n, shown, code, cx.date1904)
        }
        other => return Err(bad_value(sheet, row, col, &format!("t={other}"))),
    };
    Ok(Some((row, col, cell)))
}

/// A number as its format shows it.
fn number(n: f64, shown: Shown, code: String, date1904: bool) -> Cell {
    match shown {
        Shown::Date => match serial_date(n, date1904) {
            Some(d) => Cell::Date(d),
            None => Cell::Number(n, Format::Other(code)),
        },
        Shown::Time => Cell::Number(n, Format::Other(code)),
        // `000` shows 1.5 as `002`: not an integer padded, another number shown.
        Shown::Number(Format::Zeros(_)) if n.fract() != 0.0 => Cell::Number(n, Format::Other(code)),
        Shown::Number(f) => Cell::Number(n, f),
    }
}

/// The day a date serial shows, in the workbook's date system; `None` when Excel shows no day
/// (a negative serial, 0 in the 1900 system, its phantom 29 February 1900, beyond 9999).
///
/// The 1900 system counts 1900 as a leap year (Lotus 1-2-3's error, kept by Excel): serial 60
/// is 29/02/1900, which never was, and serials 1-59 are one day later than a count from
/// 1899-12-30 gives. The 1904 system counts from 1904-01-01 (serial 0), 1,462 days later.
pub(super) fn serial_date(n: f64, date1904: bool) -> Option<Date> {
    if !(0.0..3_000_000.0).contains(&n) {
        return None;
    }
    // To the second, as Excel rounds before showing: 0.99999999999 of a day is the next day.
    let secs = (n * 86_400.0).round();
    let day = (secs / 86_400.0).floor() as i64;
    let days = if date1904 {
        day - 24_107
    } else {
        match day {
            0 | 60 => return None,
            1..=59 => day - 25_568,
            _ => day - 25_569,
        }
    };
    let last = Date {
        year: 9999,
        month: 12,
        day: 31,
    }
    .days();
    (days <= last).then(|| Date::from_days(days))
}

fn too_long(sheet: &Sheet, row: u32, col: u32, chars: usize) -> TableError {
    TableError::CellTooLong {
        place: sheet.place(row, col),
        chars: Some(chars),
    }
}

pub(super) fn bad_value(sheet: &Sheet, row: u32, col: u32, v: &str) -> TableError {
    TableError::BadValue {
        place: sheet.place(row, col),
        value: refs::shown(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(d: Option<Date>) -> String {
        d.map_or("-".into(), |d| d.to_string())
    }

    #[test]
    fn zeros_pad_integers_only() {
        let zeros = || Shown::Number(Format::Zeros(3));
        assert_eq!(
            number(7.0, zeros(), "000".into(), false),
            Cell::Number(7.0, Format::Zeros(3))
        );
        assert_eq!(
            number(1.5, zeros(), "000".into(), false),
            Cell::Number(1.5, Format::Other("000".into()))
        );
    }

    #[test]
    fn serials_in_both_date_systems() {
        assert_eq!(ymd(serial_date(1.0, false)), "1900-01-01");
        assert_eq!(ymd(serial_date(59.0, false)), "1900-02-28");
        assert_eq!(ymd(serial_date(60.0, false)), "-");
        assert_eq!(ymd(serial_date(61.0, false)), "1900-03-01");
        assert_eq!(ymd(serial_date(0.0, false)), "-");
        assert_eq!(ymd(serial_date(-1.0, false)), "-");
        assert_eq!(ymd(serial_date(28_887.0, false)), "1979-02-01");
        assert_eq!(ymd(serial_date(28_887.75, false)), "1979-02-01");
        assert_eq!(ymd(serial_date(28_887.999_999_99, false)), "1979-02-02");
        assert_eq!(ymd(serial_date(2_958_465.0, false)), "9999-12-31");
        assert_eq!(ymd(serial_date(2_958_466.0, false)), "-");
        // 1904: serial 0 is 1904-01-01; 01/02/1979 is 1,462 days less than in 1900.
        assert_eq!(ymd(serial_date(0.0, true)), "1904-01-01");
        assert_eq!(ymd(serial_date(28_887.0 - 1_462.0, true)), "1979-02-01");
    }
}
