//! A formula's text, for the message that refuses a cell the file holds no result for
//! ("=SUM(F5:F12)"): the common tokens of a BIFF8 formula (MS-XLS 2.5.198 Ptg) spelled as the
//! program spells them. A formula with a token not spelled here (a name, another sheet, a
//! shared formula, a function not in the short list) gives an empty text: the cell is refused
//! all the same, by its place.

use super::records::{f64_at, u16_at};
use crate::import::table::column_name;

/// Longest text built: a formula of a list is short, and a hostile one must not grow without
/// bound.
const MAX_TEXT: usize = 1_000;

/// The text of the formula whose parsed form (a 16-bit length, then the tokens) starts at
/// `d`; empty when it cannot be spelled.
pub(super) fn text(d: &[u8]) -> String {
    let Some(len) = u16_at(d, 0) else {
        return String::new();
    };
    d.get(2..2 + len as usize)
        .and_then(spell)
        .map(|f| format!("={f}"))
        .unwrap_or_default()
}

fn spell(rgce: &[u8]) -> Option<String> {
    let mut stack: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rgce.len() {
        let t = *rgce.get(i)?;
        i += 1;
        let base = if t >= 0x20 { (t & 0x1F) | 0x20 } else { t };
        let pushed = match base {
            0x03..=0x11 => {
                let b = stack.pop()?;
                let a = stack.pop()?;
                let op = [
                    "+", "-", "*", "/", "^", "&", "<", "<=", "=", ">=", ">", "<>", " ", ",", ":",
                ]
                .get(usize::from(base - 3))?;
                format!("{a}{op}{b}")
            }
            0x12 => format!("+{}", stack.pop()?),
            0x13 => format!("-{}", stack.pop()?),
            0x14 => format!("{}%", stack.pop()?),
            0x15 => format!("({})", stack.pop()?),
            0x16 => String::new(),
            0x17 => {
                let count = usize::from(*rgce.get(i)?);
                let high = rgce.get(i + 1)? & 1 != 0;
                let width = if high { 2 } else { 1 };
                let bytes = rgce.get(i + 2..i + 2 + count * width)?;
                i += 2 + count * width;
                let s: String = if high {
                    let units: Vec<u16> = bytes
                        .chunks_exact(2)
                        .map(|c| u16::from_le_bytes([c[0], c[1]]))
                        .collect();
                    String::from_utf16_lossy(&units)
                } else {
                    bytes.iter().map(|&b| char::from(b)).collect()
                };
                format!("\"{}\"", s.replace('"', "\"\""))
            }
            0x19 => {
                let flags = *rgce.get(i)?;
                let n = u16_at(rgce, i + 1)?;
                i += 3;
                if flags & 0x04 != 0 {
                    i += 2 * (usize::from(n) + 1);
                }
                if flags & 0x10 != 0 {
                    let a = stack.pop()?;
                    stack.push(format!("SUM({a})"));
                }
                continue;
            }
            0x1C => {
                let e = *rgce.get(i)?;
                i += 1;
                error_name(e)
            }
            0x1D => {
                let b = *rgce.get(i)?;
                i += 1;
                if b != 0 { "TRUE" } else { "FALSE" }.to_owned()
            }
            0x1E => {
                let n = u16_at(rgce, i)?;
                i += 2;
                n.to_string()
            }
            0x1F => {
                let n = f64_at(rgce, i)?;
                i += 8;
                n.to_string()
            }
            0x21 | 0x22 => {
                let (argc, id) = if base == 0x21 {
                    let id = u16_at(rgce, i)?;
                    i += 2;
                    (function(id)?.1?, id)
                } else {
                    let argc = rgce.get(i)? & 0x7F;
                    let id = u16_at(rgce, i + 1)? & 0x7FFF;
                    i += 3;
                    (argc, id)
                };
                let name = function(id)?.0;
                let at = stack.len().checked_sub(usize::from(argc))?;
                let args = stack.split_off(at).join(",");
                format!("{name}({args})")
            }
            0x24 => {
                let row = u16_at(rgce, i)?;
                let col = u16_at(rgce, i + 2)?;
                i += 4;
                reference(row, col)
            }
            0x25 => {
                let (r0, r1) = (u16_at(rgce, i)?, u16_at(rgce, i + 2)?);
                let (c0, c1) = (u16_at(rgce, i + 4)?, u16_at(rgce, i + 6)?);
                i += 8;
                format!("{}:{}", reference(r0, c0), reference(r1, c1))
            }
            0x2A => {
                i += 4;
                "#REF!".to_owned()
            }
            0x2B => {
                i += 8;
                "#REF!".to_owned()
            }
            _ => return None,
        };
        if pushed.len() > MAX_TEXT {
            return None;
        }
        stack.push(pushed);
    }
    match stack.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// `A1`, `$B$3`: the column's bits 14 and 15 say whether the column and the row are relative.
fn reference(row: u16, col: u16) -> String {
    let c = usize::from(col & 0x3FFF);
    let col_abs = if col & 0x4000 == 0 { "$" } else { "" };
    let row_abs = if col & 0x8000 == 0 { "$" } else { "" };
    format!("{col_abs}{}{row_abs}{}", column_name(c), u32::from(row) + 1)
}

/// The functions lists use, by their number (MS-XLS 2.5.198.17 Ftab): the name and, for
/// those called with a fixed count, the count.
fn function(id: u16) -> Option<(&'static str, Option<u8>)> {
    Some(match id {
        0 => ("COUNT", None),
        1 => ("IF", None),
        2 => ("ISNA", Some(1)),
        3 => ("ISERROR", Some(1)),
        4 => ("SUM", None),
        5 => ("AVERAGE", None),
        6 => ("MIN", None),
        7 => ("MAX", None),
        8 => ("ROW", None),
        9 => ("COLUMN", None),
        10 => ("NA", Some(0)),
        24 => ("ABS", Some(1)),
        25 => ("INT", Some(1)),
        27 => ("ROUND", Some(2)),
        29 => ("INDEX", None),
        31 => ("MID", Some(3)),
        32 => ("LEN", Some(1)),
        33 => ("VALUE", Some(1)),
        34 => ("TRUE", Some(0)),
        35 => ("FALSE", Some(0)),
        36 => ("AND", None),
        37 => ("OR", None),
        38 => ("NOT", Some(1)),
        39 => ("MOD", Some(2)),
        48 => ("TEXT", Some(2)),
        64 => ("MATCH", None),
        65 => ("DATE", Some(3)),
        67 => ("DAY", Some(1)),
        68 => ("MONTH", Some(1)),
        69 => ("YEAR", Some(1)),
        74 => ("NOW", Some(0)),
        101 => ("HLOOKUP", None),
        102 => ("VLOOKUP", None),
        112 => ("LOWER", Some(1)),
        113 => ("UPPER", Some(1)),
        115 => ("LEFT", None),
        116 => ("RIGHT", None),
        118 => ("TRIM", Some(1)),
        169 => ("COUNTA", None),
        221 => ("TODAY", Some(0)),
        336 => ("CONCATENATE", None),
        345 => ("SUMIF", None),
        346 => ("COUNTIF", None),
        _ => return None,
    })
}

/// An error value as the program shows it (MS-XLS 2.5.10 BErr).
pub(super) fn error_name(code: u8) -> String {
    match code {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        0x2A => "#N/A",
        0x2B => "#GETTING_DATA",
        _ => "#ERROR!",
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_len(rgce: &[u8]) -> Vec<u8> {
        let mut v = (rgce.len() as u16).to_le_bytes().to_vec();
        v.extend_from_slice(rgce);
        v
    }

    #[test]
    fn spells_what_xlwt_and_libreoffice_write() {
        // A1*2, as xlwt writes it (a relative reference, an integer, a product).
        assert_eq!(
            text(&with_len(&[0x44, 0, 0, 0, 0xC0, 0x1E, 2, 0, 0x05])),
            "=A1*2"
        );
        // NA().
        assert_eq!(text(&with_len(&[0x41, 10, 0])), "=NA()");
        // SUM($F$5:F12) through the attribute token.
        assert_eq!(
            text(&with_len(&[
                0x25, 4, 0, 11, 0, 5, 0x00, 5, 0xC0, 0x19, 0x10, 0, 0
            ])),
            "=SUM($F$5:F12)"
        );
        // "ab"&"c".
        assert_eq!(
            text(&with_len(&[0x17, 2, 0, b'a', b'b', 0x17, 1, 0, b'c', 0x08])),
            "=\"ab\"&\"c\""
        );
    }

    #[test]
    fn what_cannot_be_spelled_is_empty_never_a_panic() {
        assert_eq!(text(&with_len(&[0x03])), "");
        assert_eq!(text(&with_len(&[0x23, 1, 0, 0, 0])), "");
        assert_eq!(text(&with_len(&[0x22, 0x7F, 4, 0])), "");
        assert_eq!(text(&[0xFF, 0xFF, 0x1E]), "");
        assert_eq!(text(&[]), "");
        // A formula that would grow its text without bound.
        let mut deep = vec![0x1E, 1, 0];
        deep.extend(std::iter::repeat_n(0x15, 5_000));
        assert_eq!(text(&with_len(&deep)), "");
    }
}
