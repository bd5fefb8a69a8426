//! How a place in a file and a date that does not exist are said to a clerk.
//!
//! Paths such as `danh_sach[2].ten` are programmer notation; a clerk reads "trường "ten" của mục
//! thứ 2 trong "danh_sach"". A date that is not on the calendar is best explained by what is
//! wrong with it ("tháng 11 năm 2021 chỉ có 30 ngày"), not by the format it should have.

use crate::date::Date;

/// A field's place said in words, for Vietnamese messages: `danh_sach[2].ten` becomes
/// `trường "ten" của mục thứ 2 trong "danh_sach"`. The path notation is for programmers; a
/// clerk counts entries from one. English messages keep the path.
#[must_use]
pub(crate) fn vi_field(path: &str) -> String {
    if path.is_empty() {
        return "tệp".to_owned();
    }
    let mut parts: Vec<String> = Vec::new();
    for seg in path.split('.') {
        match seg.split_once('[') {
            Some((name, rest)) => {
                let n: usize = rest.trim_end_matches(']').parse().unwrap_or(0);
                // Paths count entries from one, as a clerk does.
                parts.push(format!("mục thứ {n} trong \"{name}\""));
            }
            None => parts.push(format!("\"{seg}\"")),
        }
    }
    let last = parts.pop().unwrap_or_default();
    let mut out = if last.starts_with("mục") {
        last
    } else {
        format!("trường {last}")
    };
    for p in parts.iter().rev() {
        out.push_str(" của ");
        out.push_str(p);
    }
    out
}

/// Why a date that looks like one does not exist: the month has fewer days, or there is no
/// such month. (Vietnamese, English.)
pub(crate) fn no_such_day(text: &str) -> (String, String) {
    // The numbers as written, whatever is between them ("31/11/2021", "ngày 31 tháng 11 năm
    // 2021").
    let nums: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    // Year first (2021-11-31) or day first (31/11/2021).
    let (day, month, year) = match nums.as_slice() {
        [y, m, d] if *y >= 1000 => (*d, *m, *y),
        [d, m, y] => (*d, *m, *y),
        _ => (0, 0, 0),
    };
    if !(1..=12).contains(&month) {
        return (
            format!("không có tháng {month}"),
            format!("there is no month {month}"),
        );
    }
    let days = (28..=31)
        .rev()
        .find(|&n| Date::parse(&format!("{year:04}-{month:02}-{n:02}")).is_ok())
        .unwrap_or(31);
    (
        format!("tháng {month} năm {year} chỉ có {days} ngày, không có ngày {day}/{month}"),
        format!("month {month} of {year} has only {days} days, there is no day {day}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_in_words() {
        assert_eq!(
            vi_field("danh_sach[2].ten"),
            "trường \"ten\" của mục thứ 2 trong \"danh_sach\""
        );
        assert_eq!(
            vi_field("xac_nhan.ngay"),
            "trường \"ngay\" của \"xac_nhan\""
        );
        assert_eq!(vi_field("ngay"), "trường \"ngay\"");
    }
}
