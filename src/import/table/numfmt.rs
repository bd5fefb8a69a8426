//! What a spreadsheet number format shows, as far as the import needs it: a date, an integer
//! padded with zeros (`000` shows 1 as `001`), the number as itself, or something else.
//!
//! xlsx and xls share Excel's format codes and its built-in format ids; ods describes its
//! number styles in XML, and its reader maps them onto the same [`Shown`].

use super::Format;

/// What a number in a given format looks like on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// A date (maybe with a time): the serial is a day count in the workbook's date system.
    Date,
    /// A time of day or a duration alone: not a date, and not the number either.
    Time,
    /// A number, in this format.
    Number(Format),
}

/// Excel's built-in number formats by id (ECMA-376 Part 1, 18.8.30): those that are dates or
/// times, and those that show an integer as itself. Ids 27-36 and 50-58 are dates in the East
/// Asian locales; an id not listed is judged by its code, if the file gives one.
#[must_use]
pub fn builtin(id: u32) -> Option<Shown> {
    match id {
        0 | 1 | 49 => Some(Shown::Number(Format::General)),
        14..=17 | 22 | 27..=31 | 34..=36 | 50..=58 => Some(Shown::Date),
        18..=21 | 32 | 33 | 45..=47 => Some(Shown::Time),
        2..=13 | 37..=44 | 48 => Some(Shown::Number(Format::Other(
            builtin_code(id).map_or_else(|| format!("#{id}"), str::to_owned),
        ))),
        _ => None,
    }
}

/// The code of a built-in number format the file does not spell out (MS-XLS 2.4.126, ECMA-376 18.8.30), to
/// name it in a message as the program shows it; the dates among them depend on the
/// system's locale and are named by [`builtin`] alone.
#[must_use]
pub fn builtin_code(id: u32) -> Option<&'static str> {
    Some(match id {
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        5 => "#,##0 ;(#,##0)",
        6 => "#,##0 ;[Red](#,##0)",
        7 => "#,##0.00;(#,##0.00)",
        8 => "#,##0.00;[Red](#,##0.00)",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        12 => "# ?/?",
        13 => "# ??/??",
        18 => "h:mm AM/PM",
        19 => "h:mm:ss AM/PM",
        20 => "h:mm",
        21 => "h:mm:ss",
        37 => "#,##0 ;(#,##0)",
        38 => "#,##0 ;[Red](#,##0)",
        39 => "#,##0.00;(#,##0.00)",
        40 => "#,##0.00;[Red](#,##0.00)",
        45 => "mm:ss",
        46 => "[h]:mm:ss",
        47 => "mmss.0",
        48 => "##0.0E+0",
        _ => return None,
    })
}

/// What a format code shows. Only the first section counts (the one for positive numbers);
/// quoted text, escaped characters and bracketed parts (colours, locales, conditions) are not
/// date letters.
#[must_use]
pub fn classify(code: &str) -> Shown {
    let section = first_section(code);
    let bare = without_literals(section);
    let lower = bare.to_lowercase();
    let raw = section.trim().to_lowercase();
    if raw.is_empty() || raw == "general" || raw == "@" {
        return Shown::Number(Format::General);
    }
    let has = |c: char| lower.contains(c);
    if has('d') || has('y') || (has('m') && !has('h') && !has('s')) {
        return Shown::Date;
    }
    if has('h') || has('s') || elapsed(section) {
        return Shown::Time;
    }
    // The section as written: a quoted word ("0\" ngày\"") shows more than the number.
    let t = section.trim();
    if t == "0" {
        return Shown::Number(Format::General);
    }
    if t.len() > 1 && t.len() <= 30 && t.bytes().all(|b| b == b'0') {
        return Shown::Number(Format::Zeros(t.len() as u8));
    }
    Shown::Number(Format::Other(section.to_owned()))
}

/// The code up to its first unquoted `;`.
fn first_section(code: &str) -> &str {
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in code.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            ';' if !quoted => return &code[..i],
            _ => {}
        }
    }
    code
}

/// `[h]`, `[mm]`, `[ss]`: elapsed time.
fn elapsed(section: &str) -> bool {
    let l = section.to_lowercase();
    l.contains("[h") || l.contains("[m") || l.contains("[s")
}

/// The code without quoted text, escaped characters, `_x` and `*x` fills and `[…]` parts.
fn without_literals(section: &str) -> String {
    let mut out = String::with_capacity(section.len());
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for d in chars.by_ref() {
                    if d == '"' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                }
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_by_code() {
        for code in [
            "dd/mm/yyyy",
            "d/m/yyyy",
            "[$-42A]dd/mm/yyyy",
            "mm-dd-yy",
            "d-mmm-yy",
            "yyyy-mm-dd hh:mm",
            "dd\"/\"mm\"/\"yyyy",
            "[Red]dd/mm/yyyy;@",
        ] {
            assert_eq!(classify(code), Shown::Date, "{code}");
        }
        for code in ["hh:mm", "[h]:mm:ss", "mm:ss", "h:mm AM/PM"] {
            assert_eq!(classify(code), Shown::Time, "{code}");
        }
    }

    #[test]
    fn numbers_by_code() {
        assert_eq!(classify("000"), Shown::Number(Format::Zeros(3)));
        assert_eq!(classify("00000"), Shown::Number(Format::Zeros(5)));
        assert_eq!(classify("General"), Shown::Number(Format::General));
        assert_eq!(classify("@"), Shown::Number(Format::General));
        assert_eq!(classify("0"), Shown::Number(Format::General));
        assert_eq!(
            classify("0.00"),
            Shown::Number(Format::Other("0.00".into()))
        );
        // Quoted letters are not date letters.
        assert_eq!(
            classify("0\" ngày\""),
            Shown::Number(Format::Other("0\" ngày\"".into()))
        );
        assert_eq!(
            classify("#,##0;[Red]-#,##0"),
            Shown::Number(Format::Other("#,##0".into()))
        );
    }

    #[test]
    fn builtin_ids() {
        assert_eq!(builtin(14), Some(Shown::Date));
        assert_eq!(builtin(0), Some(Shown::Number(Format::General)));
        assert_eq!(builtin(20), Some(Shown::Time));
        assert_eq!(builtin(164), None);
        // Named by its code, as Format Cells shows it, not by its number.
        assert_eq!(
            builtin(3),
            Some(Shown::Number(Format::Other("#,##0".into())))
        );
        assert_eq!(
            builtin(41),
            Some(Shown::Number(Format::Other("#41".into())))
        );
    }
}
