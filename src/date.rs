//! Calendar dates, as written in the format (`YYYY-MM-DD`) and in Vietnamese documents.
//!
//! YAML parsers disagree on whether `2021-10-25` is a date or a string, and none checks that
//! the day exists, so dates are parsed here by hand: `2021-02-30` is a finding at its line, not a
//! silent 2 March. Today's date comes from the system clock in UTC+7 (Vietnam has no daylight
//! saving), unless a test or a CI job pins it.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1000-9999.
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
    /// Day, 1-31.
    pub day: u8,
}

/// Why a date string is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not shaped `YYYY-MM-DD`.
    Shape,
    /// Shaped right, but the day does not exist (2021-02-30, month 13).
    NoSuchDay,
}

impl Date {
    /// Parse `YYYY-MM-DD` (surrounding spaces allowed).
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let b = s.trim().as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Shape);
        }
        let num = |r: std::ops::Range<usize>| -> Result<u16, DateError> {
            b[r].iter().try_fold(0u16, |acc, &c| {
                if c.is_ascii_digit() {
                    Ok(acc * 10 + u16::from(c - b'0'))
                } else {
                    Err(DateError::Shape)
                }
            })
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if year < 1000 {
            return Err(DateError::Shape);
        }
        let (month, day) = (
            u8::try_from(month).map_err(|_| DateError::NoSuchDay)?,
            u8::try_from(day).map_err(|_| DateError::NoSuchDay)?,
        );
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay);
        }
        Ok(Date { year, month, day })
    }

    /// Read a date written the Vietnamese way, day first: `22/11/2021`, `2/9/2021`,
    /// `22-11-2021`, `22.11.2021`. `Err(Shape)` when it is not written so, `Err(NoSuchDay)`
    /// when it is but the day does not exist (`31/11/2021`).
    pub fn parse_day_first(s: &str) -> Result<Date, DateError> {
        let plain = ascii_digits_and_dashes(s);
        let read = Date::day_first_ascii(&plain);
        // An impossible day in full-width figures is left to the generic message: the wording
        // of "no such day" reads the figures of the text as written, which are not ASCII.
        if read == Err(DateError::NoSuchDay)
            && plain != s
            && s.chars().any(|c| ('\u{FF10}'..='\u{FF19}').contains(&c))
        {
            return Err(DateError::Shape);
        }
        read
    }

    /// [`Date::parse_day_first`] on text whose figures and dashes are already ASCII.
    fn day_first_ascii(plain: &str) -> Result<Date, DateError> {
        let t = plain.trim();
        // "ngày 22 tháng 11 năm 2021", as a document's date line writes it, or without its
        // first word ("22 tháng 11 năm 2021"), in any case.
        let lower = t.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        if let ["ngày", d, "tháng", m, "năm", y] | [d, "tháng", m, "năm", y] = words.as_slice()
        {
            return Date::day_first_ascii(&format!("{d}/{m}/{y}"));
        }
        // "ngày 22/11/2021": the word before a date written with figures.
        if let ["ngày", rest] = words.as_slice() {
            return Date::day_first_ascii(rest);
        }
        let sep = t
            .chars()
            .find(|c| matches!(c, '/' | '-' | '.'))
            .ok_or(DateError::Shape)?;
        let parts: Vec<&str> = t.split(sep).collect();
        let [d, m, y] = parts.as_slice() else {
            return Err(DateError::Shape);
        };
        // Year first with another separator (2021/11/22, 2021.11.22).
        let (d, y) = if d.len() == 4 && y.len() <= 2 {
            (y, d)
        } else {
            (d, y)
        };
        let ok = |p: &str, lo: usize, hi: usize| {
            (lo..=hi).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit())
        };
        if !(ok(d, 1, 2) && ok(m, 1, 2) && ok(y, 4, 4)) {
            return Err(DateError::Shape);
        }
        Date::parse(&format!("{y}-{m:0>2}-{d:0>2}"))
    }

    /// Days since 1970-01-01 (negative before).
    #[must_use]
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date a number of days after 1970-01-01.
    #[must_use]
    pub fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: u16::try_from(year.clamp(1000, 9999)).unwrap_or(9999),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// Today in Vietnam (UTC+7).
    #[must_use]
    pub fn today() -> Date {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
        Date::from_days((secs + 7 * 3600).div_euclid(86_400))
    }

    /// "18/11/2021": how a Vietnamese reader writes a date in running text.
    #[must_use]
    pub fn dmy(self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }

    /// "ngày 05 tháng 01 năm 2020": Decree 30's leading zeros (days under 10, months 1 and 2).
    #[must_use]
    pub fn vietnamese(self) -> String {
        let month = if self.month <= 2 {
            format!("{:02}", self.month)
        } else {
            self.month.to_string()
        };
        format!("ngày {:02} tháng {} năm {}", self.day, month, self.year)
    }
}

/// 1970-01-01: a placeholder only; every date the tool prints comes from a dossier.
impl Default for Date {
    fn default() -> Self {
        Date::from_days(0)
    }
}

/// Full-width digits and separators (an East Asian input method, a PDF copied from) as ASCII,
/// and the dashes a word processor puts for a hyphen (`2021–12–27`, its automatic correction)
/// as `-`: the date the clerk meant, which looks the same on screen.
fn ascii_digits_and_dashes(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from_digit(u32::from(c) - 0xFF10, 10).unwrap_or(c),
            '\u{FF0F}' => '/',
            '\u{FF0E}' => '.',
            '\u{FF0D}' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}'
            | '\u{2212}' => '-',
            '\u{3000}' | '\u{00A0}' => ' ',
            _ => c,
        })
        .collect()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A birth as a list gives it: the full date, or the year alone where the date is unknown
/// (the "Năm sinh" column many lists have). Printed as it was given, never completed into a
/// date nobody wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Birth {
    /// `ngay_sinh: 1986-03-12`.
    Date(Date),
    /// `ngay_sinh: 1985`.
    Year(u16),
}

impl Birth {
    /// The earliest year a birth year alone may be: four figures from 1900 on (`85` or `0985`
    /// is a typing slip, not a year).
    pub const FIRST_YEAR: u16 = 1900;

    /// A year alone, as written: four ASCII figures, from [`Birth::FIRST_YEAR`]. None when the
    /// text is not four figures; `Err(year)` when it is, but before 1900.
    pub fn parse_year(s: &str) -> Option<Result<u16, u16>> {
        let t = s.trim();
        if t.len() != 4 || !t.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let y = t.parse::<u16>().ok()?;
        Some(if y >= Birth::FIRST_YEAR {
            Ok(y)
        } else {
            Err(y)
        })
    }

    /// The year, of either form.
    #[must_use]
    pub fn year(self) -> u16 {
        match self {
            Birth::Date(d) => d.year,
            Birth::Year(y) => y,
        }
    }

    /// Whether the birth falls after a date: a year alone only when the whole year does.
    #[must_use]
    pub fn after(self, d: Date) -> bool {
        match self {
            Birth::Date(b) => b > d,
            Birth::Year(y) => y > d.year,
        }
    }

    /// The label a document prints before it: "Ngày, tháng, năm sinh:" or "Năm sinh:".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Birth::Date(_) => "Ngày, tháng, năm sinh:",
            Birth::Year(_) => "Năm sinh:",
        }
    }

    /// As a Vietnamese document prints it: "12/03/1986" or "1985".
    #[must_use]
    pub fn dmy(self) -> String {
        match self {
            Birth::Date(d) => d.dmy(),
            Birth::Year(y) => y.to_string(),
        }
    }
}

impl fmt::Display for Birth {
    /// As the format writes it: `1986-03-12` or `1985`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Birth::Date(d) => d.fmt(f),
            Birth::Year(y) => write!(f, "{y}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(
            Date::parse("2021-10-25"),
            Ok(Date {
                year: 2021,
                month: 10,
                day: 25
            })
        );
        assert_eq!(Date::parse("2021-02-30"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2020-02-29").map(|d| d.day), Ok(29));
        assert_eq!(Date::parse("2100-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2021-13-01"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("25/10/2021"), Err(DateError::Shape));
        assert_eq!(Date::parse("2021-1-5"), Err(DateError::Shape));
        assert_eq!(Date::parse("２０２１-10-25"), Err(DateError::Shape));
    }

    #[test]
    fn day_numbers_round_trip() {
        for z in [-1000, 0, 18_000, 18_925, 60_000] {
            assert_eq!(Date::from_days(z).days(), z);
        }
        assert_eq!(Date::parse("1970-01-02").map(Date::days), Ok(1));
    }

    #[test]
    fn dates_written_otherwise_are_read() {
        let d = |s| Date::parse_day_first(s).map(|d| d.to_string());
        assert_eq!(d("22/11/2021"), Ok("2021-11-22".into()));
        assert_eq!(d("2/9/2021"), Ok("2021-09-02".into()));
        assert_eq!(d("22.11.2021"), Ok("2021-11-22".into()));
        assert_eq!(d("2021/11/22"), Ok("2021-11-22".into()));
        assert_eq!(d("ngày 22 tháng 11 năm 2021"), Ok("2021-11-22".into()));
        assert_eq!(d("31/11/2021"), Err(DateError::NoSuchDay));
        // Without "ngày", in capitals, with the word before figures.
        assert_eq!(d("22 tháng 11 năm 2021"), Ok("2021-11-22".into()));
        assert_eq!(d("NGÀY 22 THÁNG 11 NĂM 2021"), Ok("2021-11-22".into()));
        assert_eq!(d("ngày 22/11/2021"), Ok("2021-11-22".into()));
        assert_eq!(d("ngày 31 tháng 11 năm 2021"), Err(DateError::NoSuchDay));
        // Full-width figures, and the dashes Word puts for a hyphen: the same date on screen.
        assert_eq!(d("２０２１-１２-２７"), Ok("2021-12-27".into()));
        assert_eq!(d("２７／１２／２０２１"), Ok("2021-12-27".into()));
        assert_eq!(d("2021–12–27"), Ok("2021-12-27".into()));
        assert_eq!(d("27‑12‑2021"), Ok("2021-12-27".into()));
        assert_eq!(d("31–11–2021"), Err(DateError::NoSuchDay));
        // Impossible in full-width figures: not "no such day", whose wording reads ASCII.
        assert_eq!(d("３１/１１/２０２１"), Err(DateError::Shape));
        assert_eq!(d("ngày"), Err(DateError::Shape));
        assert_eq!(d("2021-12"), Err(DateError::Shape));
        assert_eq!(d("hôm qua"), Err(DateError::Shape));
    }

    #[test]
    fn a_birth_year_is_four_figures_from_1900() {
        assert_eq!(Birth::parse_year("1985"), Some(Ok(1985)));
        assert_eq!(Birth::parse_year(" 1900 "), Some(Ok(1900)));
        assert_eq!(Birth::parse_year("1899"), Some(Err(1899)));
        assert_eq!(Birth::parse_year("0985"), Some(Err(985)));
        for not in ["85", "6", "1985-13", "19850", "１９８５", "1985.0", ""] {
            assert_eq!(Birth::parse_year(not), None, "{not}");
        }
        let y = Birth::Year(1985);
        assert_eq!(
            (y.label(), y.dmy(), y.to_string()),
            ("Năm sinh:", "1985".into(), "1985".into())
        );
        let d = Birth::Date(Date::parse("1986-03-12").unwrap());
        assert_eq!(
            (d.label(), d.dmy()),
            ("Ngày, tháng, năm sinh:", "12/03/1986".into())
        );
        let end_of_1985 = Date::parse("1985-12-31").unwrap();
        assert!(!y.after(end_of_1985));
        assert!(Birth::Year(1986).after(end_of_1985));
    }

    #[test]
    fn vietnamese_date_line_has_decree_30_zeros() {
        let d = |s| Date::parse(s).map(Date::vietnamese);
        assert_eq!(d("2020-01-05"), Ok("ngày 05 tháng 01 năm 2020".into()));
        assert_eq!(d("2019-06-29"), Ok("ngày 29 tháng 6 năm 2019".into()));
        assert_eq!(d("2021-11-08"), Ok("ngày 08 tháng 11 năm 2021".into()));
    }
}
