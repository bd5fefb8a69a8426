//! What one cell of the list means, read exactly as the spreadsheet shows it, or refused.
//!
//! A cell comes as the program shows it ([`Cell`]): text, a number with its format, a day, an
//! error, a formula without a value. A text field takes text, a whole number shown as itself and
//! an id padded with zeros (`001`); a number in any other format shows something the file does
//! not say exactly, and is refused rather than guessed. A birth date is a day, or a year alone
//! (`1985`, the "Năm sinh" many lists keep) kept as a year: never a count of days since 1900,
//! which made a year `1905-06-07` and a column number `1900-01-05`. Votes are whole numbers.
//! An error cell (`#N/A`) or a formula the file holds no result for is refused with its cell: the
//! import must not turn an unknown into 0 or into nothing.

use super::super::table::{Area, Cell, Format, Sheet};
use crate::date::Date;
use crate::diag::Msg;
use crate::msg;
use crate::text::{detect_legacy, fold_whitespace, to_nfc};

/// A birth as the list gives it: the day, or only the year (the format's own type).
pub use crate::date::Birth;

/// Text made clean (legacy encodings decoded, NFC, spaces folded, control and invisible
/// characters dropped), with what was done remembered for the notes.
#[derive(Default)]
pub(super) struct Cleaner {
    /// Per column and encoding: (cells decoded, column letter, encoding name, first such cell).
    pub(super) legacy: Vec<(usize, String, &'static str, String)>,
    /// Per column: (cells that were not NFC, column letter).
    pub(super) nfd: Vec<(usize, String)>,
    /// Cells a control or invisible character was removed from.
    pub(super) controls: Vec<String>,
}

impl Cleaner {
    /// `raw` of the cell at `place` in column `column`, made clean; None when nothing is left.
    pub(super) fn clean(&mut self, raw: &str, column: &str, place: &str) -> Option<String> {
        let mut text = raw.to_owned();
        if let Some(guess) = detect_legacy(&text) {
            let name = guess.encoding.name();
            match self
                .legacy
                .iter_mut()
                .find(|e| e.1 == column && e.2 == name)
            {
                Some(e) => e.0 += 1,
                None => self
                    .legacy
                    .push((1, column.to_owned(), name, place.to_owned())),
            }
            text = guess.decoded;
        } else if !crate::text::is_nfc(&text) {
            match self.nfd.iter_mut().find(|e| e.1 == column) {
                Some(e) => e.0 += 1,
                None => self.nfd.push((1, column.to_owned())),
            }
        }
        let bare = without_controls(&text);
        let bare = crate::text::chars::clean(&bare).into_owned();
        if bare != text {
            self.controls.push(place.to_owned());
        }
        let text = fold_whitespace(&to_nfc(&bare)).trim().to_owned();
        (!text.is_empty()).then_some(text)
    }

    /// Text only, for a header cell (no notes: a header is said as the columns read).
    pub(super) fn header(raw: &Cell) -> Option<String> {
        let Cell::Text(t) = raw else { return None };
        let t = detect_legacy(t).map_or_else(|| t.clone(), |g| g.decoded);
        let t = crate::text::chars::clean(&without_controls(&t)).into_owned();
        let t = fold_whitespace(&to_nfc(&t)).trim().to_owned();
        (!t.is_empty()).then_some(t)
    }
}

/// `s` without control characters, and without the terminal sequences they start (`ESC [ … m`
/// colours, `ESC ] … BEL` titles), whose printable remainder ("[31m") would otherwise stay in
/// the name and in the id made from it. Tabs and line breaks stay, for the whitespace folding.
pub(super) fn without_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            match chars.peek() {
                Some('[') => {
                    chars.next();
                    // Parameters, then one final letter in @..~.
                    for d in chars.by_ref() {
                        if ('@'..='~').contains(&d) && d != '[' {
                            break;
                        }
                    }
                }
                Some(']') => {
                    chars.next();
                    while let Some(d) = chars.next() {
                        if d == '\u{7}' || (d == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                _ => {}
            }
        } else if !c.is_control() || c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// Why a cell no reader can take (an error, a formula without a value, TRUE/FALSE) is refused.
pub(super) fn unreadable(cell: &Cell) -> Option<Msg> {
    match cell {
        Cell::Error(e) => Some(msg!(
            "ô báo lỗi {}: giá trị thật không biết được; sửa công thức (hoặc gõ giá trị) trong Excel rồi lưu lại", e;
            "the cell shows the error {}: its real value is unknown; correct the formula (or type the value) in Excel and save", e)),
        Cell::Formula(f) => {
            let f = formula_bar(f);
            Some(msg!(
                "công thức chưa có kết quả ({}): mở tệp bằng Excel/LibreOffice rồi lưu lại", f;
                "a formula without a result ({}): open the file in Excel/LibreOffice and save it", f))
        }
        Cell::Bool(b) => {
            let b = if *b { "TRUE" } else { "FALSE" };
            Some(msg!("ô {} (đúng/sai) không phải dữ liệu của cột này", b;
                      "the cell holds {} (a truth value), which is no value of this column", b))
        }
        _ => None,
    }
}

/// A formula as the formula bar shows it (`=8-G5`), whatever each format stores: xlsx keeps
/// it without the `=`, xls with it, ods as OpenFormula (`of:=8-[.E2]`, references in
/// brackets), which no clerk has seen.
fn formula_bar(f: &str) -> String {
    let f = match f.split_once(":=") {
        Some((ns, rest)) if !ns.is_empty() && ns.chars().all(|c| c.is_ascii_alphabetic()) => rest,
        _ => f,
    };
    let body = f.trim_start_matches('=');
    let body = body
        .replace(":.", ":")
        .replace("[.", "")
        .replace(['[', ']'], "");
    format!("={body}")
}

/// The year a clerk typed into a cell formatted as a date, which the spreadsheet then shows as
/// a day of 1905 (1985 is 07/06/1905) or, in the 1904 date system, of 1909: the day's serial
/// number in either system is a plausible birth year. No nominee was born on such a day.
fn year_typed_as_date(d: Date, upto: Date) -> Option<u16> {
    // Serial numbers of 1970-01-01 in the 1900 and the 1904 date systems.
    [25_569, 24_107]
        .into_iter()
        .map(|epoch| d.days() + epoch)
        .find(|serial| (1900..=i64::from(upto.year)).contains(serial))
        .and_then(|serial| u16::try_from(serial).ok())
}

/// A number as a spreadsheet shows it in General format: `8`, `8.5`.
pub(super) fn general(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// The text a text field (name, unit, id, kind) takes from a cell.
pub(super) fn text(
    cleaner: &mut Cleaner,
    cell: &Cell,
    column: &str,
    place: &str,
) -> Result<Option<String>, Msg> {
    if let Some(m) = unreadable(cell) {
        return Err(m);
    }
    match cell {
        Cell::Text(t) => Ok(cleaner.clean(t, column, place)),
        Cell::Empty => Ok(None),
        Cell::Number(n, Format::General) => Ok(Some(general(*n))),
        Cell::Number(n, Format::Zeros(width)) if n.fract() == 0.0 && *n >= 0.0 && *n < 1e15 => {
            Ok(Some(format!("{:0w$}", *n as i64, w = usize::from(*width))))
        }
        Cell::Number(n, Format::Zeros(_)) => Ok(Some(general(*n))),
        Cell::Number(n, Format::Other(code)) => Err(msg!(
            "số {} hiện theo định dạng \"{}\": không biết chắc Excel hiện chữ gì; gõ ô này dạng chữ (Format Cells > Text)", general(*n), code;
            "the number {} is shown in the format \"{}\": what Excel shows is not certain; type the cell as text (Format Cells > Text)", general(*n), code)),
        Cell::Date(d) => Err(msg!(
            "ô ngày tháng ({}) trong cột chữ: gõ lại dạng chữ", d.dmy();
            "a date ({}) in a text column: type it as text", d.dmy())),
        Cell::Error(_) | Cell::Formula(_) | Cell::Bool(_) => Ok(None),
    }
}

/// A vote count: a whole number, not negative.
pub(super) fn votes(
    cleaner: &mut Cleaner,
    cell: &Cell,
    column: &str,
    place: &str,
) -> Result<Option<u32>, Msg> {
    if let Some(m) = unreadable(cell) {
        return Err(m);
    }
    let bad = |t: &str| msg!("số phiếu \"{}\" không phải số nguyên", t; "vote count \"{}\" is not a whole number", t);
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n, _) => {
            if n.fract() == 0.0 && (0.0..=1_000_000.0).contains(n) {
                Ok(Some(*n as u32))
            } else {
                Err(bad(&general(*n)))
            }
        }
        Cell::Text(t) => match cleaner.clean(t, column, place) {
            None => Ok(None),
            Some(t) => t.trim().parse::<u32>().map(Some).map_err(|_| bad(&t)),
        },
        Cell::Date(d) => Err(bad(&d.dmy())),
        Cell::Error(_) | Cell::Formula(_) | Cell::Bool(_) => Ok(None),
    }
}

/// `dd/mm/yyyy`, `d-m-yyyy`, `dd.mm.yyyy` or `yyyy-mm-dd`.
pub(super) fn text_date(s: &str) -> Option<Date> {
    let parts: Vec<&str> = s.trim().split(['/', '-', '.']).map(str::trim).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (y, m, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if y < 1000 {
        return None;
    }
    Date::parse(&format!("{y:04}-{m:02}-{d:02}")).ok()
}

/// What bounds a birth: the proposal's date for a list, the decision's for the certificates,
/// the review's day for a register; named in the refusal as what it is.
#[derive(Debug, Clone, Copy)]
pub struct Upto {
    /// The day.
    pub day: Date,
    /// "ngày của tờ trình", in Vietnamese.
    pub vi: &'static str,
    /// "the proposal's date", in English.
    pub en: &'static str,
}

impl Upto {
    /// The proposal's date, as a list of nominees is bounded.
    #[must_use]
    pub fn proposal(day: Date) -> Upto {
        Upto {
            day,
            vi: "ngày của tờ trình",
            en: "the proposal's date",
        }
    }
}

/// A birth date: a day (a date cell, or `dd/mm/yyyy` typed), or a year alone (a whole number
/// in General format, or four digits typed); not before 1900 and not after `bound` (the
/// proposal's date, or what the caller names).
pub(super) fn birth(
    cleaner: &mut Cleaner,
    cell: &Cell,
    column: &str,
    place: &str,
    bound: Upto,
) -> Result<Option<Birth>, Msg> {
    let upto = bound.day;
    if let Some(m) = unreadable(cell) {
        return Err(m);
    }
    let plausible_year = |y: f64| y.fract() == 0.0 && (1900.0..=f64::from(upto.year)).contains(&y);
    let b = match cell {
        Cell::Empty => return Ok(None),
        Cell::Date(d) => {
            if let Some(y) = year_typed_as_date(*d, upto) {
                let shown = d.dmy();
                return Err(msg!(
                    "ô hiện ngày {}: có lẽ năm sinh {} được gõ vào ô định dạng ngày; chọn định dạng General cho ô (Format Cells > General), gõ lại năm sinh rồi lưu", shown, y;
                    "the cell shows the day {}: the birth year {} was likely typed into a cell formatted as a date; give the cell the General format (Format Cells > General), type the year again and save", shown, y));
            }
            Birth::Date(*d)
        }
        Cell::Number(n, Format::General | Format::Zeros(_)) if plausible_year(*n) => {
            Birth::Year(*n as u16)
        }
        Cell::Number(n, Format::Other(_)) if plausible_year(*n) => {
            // A year shown through a number format ("1,985", "1985.00"): a date format would
            // make it a day of 1905, so the advice is the General format.
            let n = general(*n);
            return Err(msg!(
                "năm sinh {} được hiện theo một định dạng số (như 1,985 hoặc 1985.00): chọn định dạng General cho ô (Format Cells > General) để ô hiện đúng {}, không chọn định dạng ngày", n, n;
                "the birth year {} is shown through a number format (such as 1,985 or 1985.00): give the cell the General format (Format Cells > General) so that it shows {}; not a date format", n, n));
        }
        Cell::Number(n, _) if *n <= f64::from(upto.year) => {
            // "85", "0": no day's serial number (a birth date's is above 10,000); formatted as
            // a date it would show a day of 1900, so the advice is the year in four digits.
            let n = general(*n);
            return Err(msg!(
                "số {} trong cột ngày sinh không phải ngày hay năm sinh: ghi năm sinh đủ bốn chữ số (ví dụ 1985) hoặc ngày dd/mm/yyyy", n;
                "the number {} in the birth date column is neither a date nor a birth year: write the year in four digits (e.g. 1985) or the day as dd/mm/yyyy", n));
        }
        Cell::Number(n, _) => {
            let n = general(*n);
            return Err(msg!(
                "số {} trong cột ngày sinh không phải ngày: định dạng ô là ngày (Format Cells > Date) hoặc ghi dd/mm/yyyy", n;
                "the number {} in the birth date column is not a date: format the cell as a date (Format Cells > Date) or write dd/mm/yyyy", n));
        }
        Cell::Text(t) => {
            let Some(t) = cleaner.clean(t, column, place) else {
                return Ok(None);
            };
            if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
                Birth::Year(t.parse().unwrap_or(0))
            } else if let Some(d) = text_date(&t) {
                Birth::Date(d)
            } else {
                return Err(msg!(
                    "ngày sinh \"{}\" không đọc được; ghi dạng ngày/tháng/năm, ví dụ 12/03/1986", t;
                    "birth date \"{}\" cannot be read; write it day/month/year, e.g. 12/03/1986", t));
            }
        }
        Cell::Error(_) | Cell::Formula(_) | Cell::Bool(_) => return Ok(None),
    };
    let year = match b {
        Birth::Date(d) => d.year,
        Birth::Year(y) => y,
    };
    let late = match b {
        Birth::Date(d) => d > upto,
        Birth::Year(y) => y > upto.year,
    };
    if year < 1900 || late {
        let shown = match b {
            Birth::Date(d) => d.dmy(),
            Birth::Year(y) => y.to_string(),
        };
        let upto = upto.dmy();
        let (vi, en) = (bound.vi, bound.en);
        return Err(msg!(
            "ngày sinh {} không thể đúng: trước năm 1900 hoặc sau {vi} ({})", shown, upto;
            "birth date {} cannot be right: before 1900 or after {en} ({})", shown, upto));
    }
    Ok(Some(b))
}

/// The areas merged down inside a table, by their column, for finding in logarithmic time the
/// area a cell is in (a list may merge thousands of areas; looking through all of them for each
/// empty cell of 5,000 rows took quadratic time).
pub(super) struct Merged {
    /// Per first column: areas spanning more than one row, below the header, by first row.
    by_col: std::collections::HashMap<u32, Vec<Area>>,
}

impl Merged {
    /// The areas of a sheet merged down, with their top below row `top` (the header's last).
    pub(super) fn new(sheet: &Sheet, top: u32) -> Merged {
        let mut by_col: std::collections::HashMap<u32, Vec<Area>> =
            std::collections::HashMap::new();
        for a in &sheet.merges {
            if a.last_row > a.first_row && a.first_row > top {
                by_col.entry(a.first_col).or_default().push(*a);
            }
        }
        for v in by_col.values_mut() {
            v.sort_by_key(|a| a.first_row);
        }
        Merged { by_col }
    }

    /// The area merged down that holds (row, column) below its top cell, if any.
    fn at(&self, r: u32, c: u32) -> Option<&Area> {
        let v = self.by_col.get(&c)?;
        // The last area starting at or above r; areas of one column do not overlap.
        let i = v.partition_point(|a| a.first_row <= r);
        let a = v.get(i.checked_sub(1)?)?;
        (a.first_row < r && r <= a.last_row).then_some(a)
    }
}

/// The cell at (row, column) as the clerk sees it: a cell inside an area merged down shows the
/// value of the area's top cell (in the area's first column only: a value merged across columns
/// is one value, not one per column). Returns the area when the value came from it.
pub(super) fn shown<'a>(
    sheet: &'a Sheet,
    merged: &Merged,
    r: u32,
    c: u32,
) -> (&'a Cell, Option<Area>) {
    let own = sheet.get(r, c);
    if !own.is_empty() {
        return (own, None);
    }
    match merged.at(r, c) {
        Some(a) => (sheet.get(a.first_row, c), Some(*a)),
        None => (own, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap_or(Date {
            year: 2000,
            month: 1,
            day: 1,
        })
    }

    #[test]
    fn dates_as_clerks_type_them() {
        assert_eq!(text_date("12/03/1985"), Some(day("1985-03-12")));
        assert_eq!(text_date("1-2-1990"), Some(day("1990-02-01")));
        assert_eq!(text_date("31/02/1990"), None);
        assert_eq!(text_date("1990"), None);
    }

    #[test]
    fn a_year_alone_is_a_year_and_a_small_number_no_date() {
        let mut c = Cleaner::default();
        let upto = day("2026-12-01");
        let b = |c: &mut Cleaner, cell: Cell| birth(c, &cell, "F", "S!F2", Upto::proposal(upto));
        assert_eq!(
            b(&mut c, Cell::Number(1985.0, Format::General)),
            Ok(Some(Birth::Year(1985)))
        );
        assert_eq!(
            b(&mut c, Cell::Text("1985".into())),
            Ok(Some(Birth::Year(1985)))
        );
        assert!(b(&mut c, Cell::Number(6.0, Format::General))
            .is_err_and(|m| m.vi.contains("số 6 trong cột ngày sinh không phải ngày")));
        assert!(b(&mut c, Cell::Number(31_118.0, Format::General)).is_err());
        // A year typed into a date cell (1985 shows 07/06/1905; 09/06/1909 in the 1904
        // system) is refused with the year named.
        let e = b(&mut c, Cell::Date(day("1905-06-07"))).unwrap_err();
        assert!(
            e.vi.contains("07/06/1905") && e.vi.contains("1985"),
            "{}",
            e.vi
        );
        let e = b(&mut c, Cell::Date(day("1909-06-08"))).unwrap_err();
        assert!(e.vi.contains("1985"), "{}", e.vi);
        assert!(b(&mut c, Cell::Date(day("1906-06-07"))).is_ok());
        // A two-digit year is no day's serial number: never advised a date format (85 would
        // show 25/03/1900).
        let e = b(&mut c, Cell::Number(85.0, Format::General)).unwrap_err();
        assert!(
            e.vi.contains("bốn chữ số") && !e.vi.contains("Date"),
            "{}",
            e.vi
        );
        // A year in a number format is refused with advice that keeps it a year.
        let e = b(&mut c, Cell::Number(1985.0, Format::Other("#,##0".into()))).unwrap_err();
        assert!(
            e.vi.contains("General") && !e.vi.contains("Date"),
            "{}",
            e.vi
        );
        assert!(b(&mut c, Cell::Text("1850".into())).is_err());
        assert!(b(&mut c, Cell::Date(day("2027-01-01"))).is_err());
        assert_eq!(
            b(&mut c, Cell::Date(day("1985-03-12"))),
            Ok(Some(Birth::Date(day("1985-03-12"))))
        );
        assert_eq!(Birth::Year(1985).to_string(), "1985");
    }

    #[test]
    fn a_formula_is_named_as_the_formula_bar_shows_it_in_every_format() {
        assert_eq!(formula_bar("8-H4"), "=8-H4");
        assert_eq!(formula_bar("=8-G5"), "=8-G5");
        assert_eq!(formula_bar("of:=8-[.E2]"), "=8-E2");
        assert_eq!(formula_bar("of:=SUM([.A1:.B2])"), "=SUM(A1:B2)");
    }

    #[test]
    fn numbers_in_text_fields_are_taken_only_as_shown() {
        let mut c = Cleaner::default();
        let t = |c: &mut Cleaner, cell: Cell| text(c, &cell, "B", "S!B2");
        assert_eq!(
            t(&mut c, Cell::Number(1.0, Format::Zeros(3))),
            Ok(Some("001".into()))
        );
        assert_eq!(
            t(&mut c, Cell::Number(12.0, Format::General)),
            Ok(Some("12".into()))
        );
        assert!(t(&mut c, Cell::Number(1.0, Format::Other("0.00".into()))).is_err());
        assert!(t(&mut c, Cell::Error("#N/A".into())).is_err_and(|m| m.vi.contains("#N/A")));
        assert!(t(&mut c, Cell::Formula("8-H4".into()))
            .is_err_and(|m| m.vi.contains("công thức chưa có kết quả")));
        assert!(t(&mut c, Cell::Bool(true)).is_err());
    }

    #[test]
    fn votes_are_whole_and_not_negative() {
        let mut c = Cleaner::default();
        let v = |c: &mut Cleaner, cell: Cell| votes(c, &cell, "H", "S!H2");
        assert_eq!(
            v(&mut c, Cell::Number(8.0, Format::Other("0.0".into()))),
            Ok(Some(8))
        );
        assert!(v(&mut c, Cell::Number(7.5, Format::General)).is_err());
        assert!(v(&mut c, Cell::Number(-1.0, Format::General)).is_err());
        assert!(v(&mut c, Cell::Error("#N/A".into())).is_err());
        assert_eq!(v(&mut c, Cell::Text(" 7 ".into())), Ok(Some(7)));
    }

    #[test]
    fn a_removed_control_character_is_remembered() {
        let mut c = Cleaner::default();
        assert_eq!(c.clean("Lê\u{7} Văn", "B", "S!B3"), Some("Lê Văn".into()));
        assert_eq!(c.controls, vec!["S!B3".to_owned()]);
    }
}
