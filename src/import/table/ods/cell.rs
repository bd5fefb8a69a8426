//! One ODF cell's value as LibreOffice shows it, from its attributes and its text.
//!
//! The value is in attributes (`office:value-type` with `office:value`, `office:date-value`,
//! `office:boolean-value`…), the text in `text:p` is what the program displayed when it saved.
//! A formula error is written as the text it shows (`#N/A`, `Err:502`) with
//! `calcext:value-type="error"`; a formula written by a program that does not calculate has
//! neither value nor text.

use quick_xml::events::BytesStart;

use super::super::{Cell, Format};
use super::styles::{Kind, NumberStyle};
use super::xml::attr;
use crate::date::Date;

/// The attributes of a `table:table-cell` that decide its value and its place.
#[derive(Debug, Clone, Default)]
pub(super) struct Attrs {
    pub(super) covered: bool,
    value_type: Option<String>,
    calc_type: Option<String>,
    value: Option<String>,
    date_value: Option<String>,
    time_value: Option<String>,
    boolean_value: Option<String>,
    string_value: Option<String>,
    formula: Option<String>,
    pub(super) style: Option<String>,
    /// `table:number-columns-repeated` (1 when absent or not a positive number).
    pub(super) repeat: u64,
    /// `table:number-rows-spanned`, `table:number-columns-spanned`.
    pub(super) rows_spanned: u64,
    pub(super) cols_spanned: u64,
}

/// A positive count attribute; 1 when absent or not a positive number (as LibreOffice reads
/// it). Never used to allocate.
pub(super) fn count(e: &BytesStart<'_>, name: &str) -> u64 {
    attr(e, name)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(1)
}

impl Attrs {
    pub(super) fn read(e: &BytesStart<'_>, covered: bool) -> Attrs {
        let mut a = Attrs {
            covered,
            repeat: 1,
            rows_spanned: 1,
            cols_spanned: 1,
            ..Attrs::default()
        };
        for at in e.attributes().flatten() {
            let Ok(v) = at.normalized_value(quick_xml::XmlVersion::Implicit1_0) else {
                continue;
            };
            let slot = match at.key.as_ref() {
                "office:value-type" => &mut a.value_type,
                "calcext:value-type" => &mut a.calc_type,
                "office:value" => &mut a.value,
                "office:date-value" => &mut a.date_value,
                "office:time-value" => &mut a.time_value,
                "office:boolean-value" => &mut a.boolean_value,
                "office:string-value" => &mut a.string_value,
                "table:formula" => &mut a.formula,
                "table:style-name" => &mut a.style,
                _ => continue,
            };
            *slot = Some(v.into_owned());
        }
        a.repeat = count(e, "table:number-columns-repeated");
        a.rows_spanned = count(e, "table:number-rows-spanned");
        a.cols_spanned = count(e, "table:number-columns-spanned");
        a
    }

    fn has_value(&self) -> bool {
        self.value.is_some()
            || self.date_value.is_some()
            || self.time_value.is_some()
            || self.boolean_value.is_some()
            || self.string_value.is_some()
    }
}

/// Days from 1970-01-01 to 1899-12-30, the day LibreOffice counts serial dates from unless the
/// document says otherwise (`table:null-date`).
pub(super) const NULL_DATE: i64 = -25_569;

/// The cell's value. `text` is its paragraphs joined by line breaks; `style` the number style
/// it is shown in; `null_date` the day serial 0 stands for (days from 1970-01-01).
pub(super) fn value(a: &Attrs, text: &str, style: Option<&NumberStyle>, null_date: i64) -> Cell {
    if a.calc_type.as_deref() == Some("error") {
        let shown = text.trim();
        return Cell::Error(if shown.is_empty() { "Err" } else { shown }.to_owned());
    }
    if let Some(formula) = &a.formula {
        if is_error_text(text.trim()) {
            return Cell::Error(text.trim().to_owned());
        }
        if !a.has_value() && text.trim().is_empty() {
            return Cell::Formula(formula.clone());
        }
    }
    let shown = || Cell::Text(text.to_owned());
    match a.value_type.as_deref() {
        Some(t @ ("float" | "percentage" | "currency")) => {
            let Some(v) = a
                .value
                .as_deref()
                .and_then(|v| v.trim().parse::<f64>().ok())
            else {
                return shown();
            };
            if !v.is_finite() {
                return shown();
            }
            match (t, style) {
                ("float", None) => Cell::Number(v, Format::General),
                ("float", Some(s)) if s.kind == Kind::Date => match serial_date(v, null_date) {
                    Some(d) => Cell::Date(d),
                    None => shown(),
                },
                ("float", Some(s)) => Cell::Number(v, s.format()),
                ("percentage", None) => Cell::Number(v, Format::Other("0%".into())),
                (_, None) => Cell::Number(v, Format::Other("currency".into())),
                (_, Some(s)) => Cell::Number(v, Format::Other(s.code())),
            }
        }
        Some("date") => match a.date_value.as_deref().and_then(iso_date) {
            Some(d) => Cell::Date(d),
            None => shown(),
        },
        Some("time") => match a.time_value.as_deref().and_then(duration_days) {
            Some(v) => Cell::Number(v, Format::Other("time".into())),
            None => shown(),
        },
        Some("boolean") => match a.boolean_value.as_deref().map(str::trim) {
            Some("true") => Cell::Bool(true),
            Some("false") => Cell::Bool(false),
            _ => shown(),
        },
        Some("string") => match &a.string_value {
            Some(s) => Cell::Text(s.clone()),
            None => shown(),
        },
        _ => shown(),
    }
}

/// What LibreOffice (and Excel) show for a formula that failed.
fn is_error_text(t: &str) -> bool {
    matches!(
        t,
        "#N/A" | "#REF!" | "#VALUE!" | "#DIV/0!" | "#NAME?" | "#NUM!" | "#NULL!" | "#ERR!"
    ) || t
        .strip_prefix("Err:")
        .is_some_and(|n| n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The day of an ISO date or date-time (`1979-02-01`, `1979-02-01T00:00:00`).
fn iso_date(v: &str) -> Option<Date> {
    let v = v.trim();
    let day = v.get(..10)?;
    if v.len() > 10 && !v[10..].starts_with('T') {
        return None;
    }
    Date::parse(day).ok()
}

/// The day a serial number stands for, counted from `null_date`.
fn serial_date(v: f64, null_date: i64) -> Option<Date> {
    if !(-1e7..=1e7).contains(&v) {
        return None;
    }
    let days = null_date + v.floor() as i64;
    let d = Date::from_days(days);
    (d.days() == days).then_some(d)
}

/// `PT12H30M00S` (and `-P1DT2H`) as a fraction of days.
fn duration_days(v: &str) -> Option<f64> {
    let v = v.trim();
    let (sign, v) = match v.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, v),
    };
    let v = v.strip_prefix('P')?;
    let mut total = 0.0;
    let mut in_time = false;
    let mut number = String::new();
    for c in v.chars() {
        match c {
            'T' if number.is_empty() => in_time = true,
            '0'..='9' | '.' => number.push(c),
            _ => {
                let n: f64 = number.parse().ok()?;
                number.clear();
                total += n * match (c, in_time) {
                    ('D', false) => 86_400.0,
                    ('H', true) => 3_600.0,
                    ('M', true) => 60.0,
                    ('S', true) => 1.0,
                    _ => return None,
                };
            }
        }
    }
    number.is_empty().then_some(sign * total / 86_400.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(xml: &str) -> Attrs {
        let mut r = quick_xml::Reader::from_str(xml);
        match r.read_event() {
            Ok(quick_xml::events::Event::Empty(e)) => Attrs::read(&e, false),
            _ => panic!("not an empty element"),
        }
    }

    fn cell(xml: &str, text: &str) -> Cell {
        value(&attrs(xml), text, None, NULL_DATE)
    }

    #[test]
    fn values_by_type() {
        assert_eq!(
            cell(r#"<c office:value-type="float" office:value="8"/>"#, "8"),
            Cell::Number(8.0, Format::General)
        );
        assert_eq!(
            cell(
                r#"<c office:value-type="date" office:date-value="1979-02-01"/>"#,
                "01/02/79"
            ),
            Cell::Date(Date {
                year: 1979,
                month: 2,
                day: 1
            })
        );
        assert_eq!(
            cell(
                r#"<c office:value-type="date" office:date-value="1990-06-15T00:00:00"/>"#,
                ""
            ),
            Cell::Date(Date {
                year: 1990,
                month: 6,
                day: 15
            })
        );
        assert_eq!(
            cell(
                r#"<c office:value-type="boolean" office:boolean-value="true"/>"#,
                "TRUE"
            ),
            Cell::Bool(true)
        );
        assert_eq!(
            cell(
                r#"<c office:value-type="time" office:time-value="PT12H00M00S"/>"#,
                "12:00"
            ),
            Cell::Number(0.5, Format::Other("time".into()))
        );
        assert_eq!(
            cell(
                r#"<c office:value-type="percentage" office:value="0.5"/>"#,
                "50%"
            ),
            Cell::Number(0.5, Format::Other("0%".into()))
        );
        assert_eq!(
            cell(r#"<c/>"#, "Lê Văn Bình"),
            Cell::Text("Lê Văn Bình".into())
        );
        // A date before year 1000 cannot be placed: the text shown is kept.
        assert_eq!(
            cell(
                r#"<c office:value-type="date" office:date-value="0099-01-01"/>"#,
                "01/01/99"
            ),
            Cell::Text("01/01/99".into())
        );
    }

    #[test]
    fn errors_and_formulas_without_a_value() {
        assert_eq!(
            cell(
                r#"<c table:formula="of:=NA()" office:value-type="string" office:string-value="" calcext:value-type="error"/>"#,
                "#N/A"
            ),
            Cell::Error("#N/A".into())
        );
        assert_eq!(
            cell(
                r#"<c table:formula="of:=1/0" office:value-type="float" office:value="0"/>"#,
                "#DIV/0!"
            ),
            Cell::Error("#DIV/0!".into())
        );
        assert_eq!(
            cell(r#"<c table:formula="of:=[.A1]+1"/>"#, ""),
            Cell::Formula("of:=[.A1]+1".into())
        );
        assert_eq!(
            cell(
                r#"<c table:formula="of:=1+1" office:value-type="float" office:value="2"/>"#,
                "2"
            ),
            Cell::Number(2.0, Format::General)
        );
    }

    #[test]
    fn serial_dates_and_durations() {
        assert_eq!(
            serial_date(28_887.0, NULL_DATE),
            Some(Date {
                year: 1979,
                month: 2,
                day: 1
            })
        );
        assert_eq!(serial_date(f64::MAX, NULL_DATE), None);
        assert_eq!(duration_days("PT36H"), Some(1.5));
        assert_eq!(duration_days("P1DT12H"), Some(1.5));
        assert_eq!(duration_days("PT1X"), None);
        assert_eq!(duration_days("12:00"), None);
    }
}
