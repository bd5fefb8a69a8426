//! The workbook globals (the first substream of the Workbook stream): the sheets in tab order
//! with their visibility and where each starts, the date system, the active tab, the number
//! formats and the cell formats that name them, and the shared strings.

use std::collections::HashMap;

use super::records::{rich_string, short_string, u16_at, u32_at, unicode_string, Parts, Records};
use super::{damaged, past_end};
use crate::import::table::numfmt::{self, Shown};
use crate::import::table::{Format, TableError, Visibility, XlsFault, MAX_CELLS, MAX_SHEETS};

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const FILEPASS: u16 = 0x002F;
const BOUNDSHEET: u16 = 0x0085;
const DATEMODE: u16 = 0x0022;
const WINDOW1: u16 = 0x003D;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const SST: u16 = 0x00FC;
const RECALCID: u16 = 0x01C1;
/// BIFF8, the version of Excel 97 to 2003 (and of what LibreOffice and xlwt write).
const BIFF8: u16 = 0x0600;

/// One sheet as the globals list it.
#[derive(Debug, Clone)]
pub(super) struct SheetEntry {
    pub(super) name: String,
    pub(super) visibility: Visibility,
    /// Where its substream starts in the Workbook stream.
    pub(super) start: usize,
    /// A worksheet (not a chart, a macro sheet or a module).
    pub(super) worksheet: bool,
}

/// How a cell format shows a number, and the format's code to name it by.
#[derive(Debug, Clone)]
pub(super) struct Shows {
    pub(super) shown: Shown,
    pub(super) code: String,
}

/// What the globals hold that the sheets need.
#[derive(Debug, Default)]
pub(super) struct Globals {
    pub(super) sheets: Vec<SheetEntry>,
    /// The 1904 date system (old Mac Excel).
    pub(super) date1904: bool,
    /// The tab the workbook opens on, among all its sheets.
    pub(super) active: Option<usize>,
    /// By cell format (XF) index.
    pub(super) xfs: Vec<Shows>,
    pub(super) sst: Vec<String>,
    /// Whether the file names the calculation engine that last computed it (RECALCID, with an
    /// engine other than 0). Excel and LibreOffice write it. Programs that write formulas
    /// without computing them do not (xlwt writes an empty string in place of every result;
    /// Apache POI and NPOI write none of their own), or write engine 0 to ask for a
    /// recalculation. Excel recalculates every formula of such a file when it opens it (as it
    /// does a file computed by an older engine), so the results the file holds are not a
    /// promise of what it shows.
    pub(super) calculated: bool,
}

/// Read the globals from the start of the stream.
pub(super) fn read(stream: &[u8]) -> Result<Globals, TableError> {
    let mut r = Records::new(stream, 0, stream.len());
    let bof = r.next_record().map_err(|e| past_end(None, e))?;
    let Some(bof) = bof.filter(|b| b.kind == BOF) else {
        return Err(TableError::NotXls);
    };
    // BIFF5/7 (Excel 5.0/95) in a stream named Workbook: older than what is read.
    if u16_at(bof.data, 0) != Some(BIFF8) {
        return Err(TableError::XlsOld);
    }
    let mut g = Globals::default();
    let mut xf_formats: Vec<u16> = Vec::new();
    let mut codes: HashMap<u16, String> = HashMap::new();
    while let Some(rec) = r.next_record().map_err(|e| past_end(None, e))? {
        let short = || damaged(None, XlsFault::Short(rec.offset));
        match rec.kind {
            EOF => break,
            // The rest of the stream is encrypted: nothing of it can be read.
            FILEPASS => return Err(TableError::Encrypted),
            BOUNDSHEET => {
                if g.sheets.len() >= MAX_SHEETS {
                    return Err(damaged(None, XlsFault::TooManySheets));
                }
                let start = u32_at(rec.data, 0).ok_or_else(short)?;
                let state = rec.data.get(4).ok_or_else(short)? & 0x03;
                let kind = *rec.data.get(5).ok_or_else(short)?;
                let name = rec.data.get(6..).and_then(short_string).ok_or_else(short)?;
                g.sheets.push(SheetEntry {
                    name,
                    visibility: match state {
                        0 => Visibility::Visible,
                        1 => Visibility::Hidden,
                        _ => Visibility::VeryHidden,
                    },
                    start: start as usize,
                    worksheet: kind == 0,
                });
            }
            DATEMODE => g.date1904 = u16_at(rec.data, 0).ok_or_else(short)? == 1,
            // The first window is the workbook's; later ones are windows opened on it.
            WINDOW1 if g.active.is_none() => {
                g.active = Some(u16_at(rec.data, 10).ok_or_else(short)? as usize);
            }
            FORMAT => {
                let id = u16_at(rec.data, 0).ok_or_else(short)?;
                let code = rec
                    .data
                    .get(2..)
                    .and_then(unicode_string)
                    .ok_or_else(short)?;
                codes.insert(id, code);
            }
            XF => xf_formats.push(u16_at(rec.data, 2).ok_or_else(short)?),
            SST => {
                let rest = r.continues().map_err(|f| damaged(None, f))?;
                g.sst = shared_strings(rec.data, rest).ok_or_else(short)??;
            }
            RECALCID => g.calculated = u32_at(rec.data, 4).ok_or_else(short)? != 0,
            _ => {}
        }
    }
    g.xfs = xf_formats
        .into_iter()
        .map(|id| match codes.get(&id) {
            Some(code) => Shows {
                shown: numfmt::classify(code),
                code: code.clone(),
            },
            None => {
                let code = numfmt::builtin_code(u32::from(id))
                    .map_or_else(|| format!("#{id}"), str::to_owned);
                let shown = match numfmt::builtin(u32::from(id)) {
                    Some(Shown::Number(Format::Other(_))) | None => {
                        Shown::Number(Format::Other(code.clone()))
                    }
                    Some(shown) => shown,
                };
                Shows { shown, code }
            }
        })
        .collect();
    Ok(g)
}

/// The shared string table: as many strings as it declares, each within the data (`None`:
/// the record is too short for its header; an error: the strings end before their count).
fn shared_strings<'a>(
    first: &'a [u8],
    rest: Vec<&'a [u8]>,
) -> Option<Result<Vec<String>, TableError>> {
    let mut p = Parts::new(first, rest);
    let _total = p.u32()?;
    let declared = p.u32()?;
    // Grown string by string: a declared count allocates nothing.
    let mut out = Vec::new();
    // One-byte characters above 0x7F take two in UTF-8: the table can hold twice the file.
    let mut text = 0usize;
    for _ in 0..declared {
        if out.len() >= MAX_CELLS {
            return Some(Err(damaged(None, XlsFault::TooManyStrings)));
        }
        match rich_string(&mut p) {
            Some(s) => {
                text = text.saturating_add(s.len());
                if text > super::text_budget::MAX_TEXT_BYTES {
                    return Some(Err(super::text_budget::too_much_text("SST")));
                }
                out.push(s);
            }
            None => {
                return Some(Err(damaged(
                    None,
                    XlsFault::Strings {
                        declared,
                        found: out.len(),
                    },
                )))
            }
        }
    }
    Some(Ok(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_of_four_billion_with_one_string_is_an_error_at_once() {
        let mut d = 1u32.to_le_bytes().to_vec();
        d.extend(u32::MAX.to_le_bytes());
        d.extend([1, 0, 0, b'a']);
        let t = std::time::Instant::now();
        let e = shared_strings(&d, vec![]).unwrap().unwrap_err();
        // A guard against looping over the declared count, not a speed target.
        assert!(t.elapsed().as_secs() < 30);
        assert!(
            e.to_string()
                .contains("declares 4294967295 strings and holds 1"),
            "{e}"
        );
    }

    #[test]
    fn more_strings_than_cells_any_list_has_are_refused() {
        let n = MAX_CELLS as u32 + 1;
        let mut d = n.to_le_bytes().to_vec();
        d.extend(n.to_le_bytes());
        for _ in 0..n {
            d.extend([1, 0, 0, b'a']);
        }
        let e = shared_strings(&d, vec![]).unwrap().unwrap_err();
        assert!(
            e.to_string().contains(&format!(
                "more than {} different texts",
                crate::import::table::MAX_CELLS
            )),
            "{e}"
        );
    }

    #[test]
    fn strings_across_a_continue() {
        let mut d = 2u32.to_le_bytes().to_vec();
        d.extend(2u32.to_le_bytes());
        d.extend([3, 0, 0, b'a', b'b']);
        let second = [1u8, b'c', 0, 1, 0, 1, 0x10, 0x01];
        let got = shared_strings(&d, vec![&second]).unwrap().unwrap();
        assert_eq!(got, vec!["abc".to_owned(), "Đ".to_owned()]);
    }
}
