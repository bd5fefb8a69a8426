//! `xl/styles.xml`, as far as it decides what a number shows: the custom number formats
//! (`numFmts`, id → code) and the cell formats (`cellXfs`, a cell's `s` → its number format
//! id). Fonts, fills and borders do not change a value.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::super::numfmt::{builtin, classify, Shown};
use super::super::{Format, TableError, MAX_CELLS};
use super::part::{attr, local, Xml};
use super::refs;
use super::strings::local_end;

/// The number formats of the workbook.
#[derive(Debug, Default)]
pub(super) struct Styles {
    codes: HashMap<u32, String>,
    xfs: Vec<u32>,
}

/// The first id of a workbook's own number formats: below it, Excel's built-in ones (some
/// known by id alone); from it, only those the workbook defines in `numFmts`.
const FIRST_CUSTOM: u32 = 164;

/// Longest number format code read: Excel's own limit is 255 characters.
const MAX_CODE_CHARS: usize = 1_024;

/// Why a cell's style gives no number format.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Missing {
    /// The style index is not in the table of cell formats, which holds this many.
    Style(usize),
    /// The cell format names a number format the workbook does not define.
    Format(u32),
}

impl Styles {
    /// Whether a cell's style index `s` is in the table of cell formats (how many there are,
    /// when not). A workbook without a style part (some writers) shows every cell in style 0,
    /// General.
    pub(super) fn has(&self, s: Option<u32>) -> Result<(), usize> {
        match s {
            None | Some(0) => Ok(()),
            Some(s) if (s as usize) < self.xfs.len() => Ok(()),
            Some(_) => Err(self.xfs.len()),
        }
    }

    /// What a cell of style `s` shows a number as, and the format's code (`#id` for a built-in
    /// format known by id alone).
    pub(super) fn shown(&self, s: Option<u32>) -> Result<(Shown, String), Missing> {
        self.has(s).map_err(Missing::Style)?;
        let id = match s.and_then(|s| self.xfs.get(s as usize)) {
            Some(&id) => id,
            None => return Ok((Shown::Number(Format::General), "General".to_owned())),
        };
        // A code the file gives wins over the built-in meaning of its id: some writers
        // redefine low ids.
        if let Some(code) = self.codes.get(&id) {
            return Ok((classify(code), code.clone()));
        }
        if id >= FIRST_CUSTOM {
            return Err(Missing::Format(id));
        }
        // A built-in id is named by its code, as Excel's Format Cells shows it ("#,##0").
        let code =
            super::super::numfmt::builtin_code(id).map_or_else(|| format!("#{id}"), str::to_owned);
        Ok(match builtin(id) {
            Some(shown) => (shown, code),
            None => (Shown::Number(Format::Other(code.clone())), code),
        })
    }
}

/// Read the style part.
pub(super) fn styles(xml: &mut Xml<'_>) -> Result<Styles, TableError> {
    let mut st = Styles::default();
    let mut in_cell_xfs = false;
    let mut in_num_fmts = false;
    loop {
        let (event, level) = xml.next()?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let opens = matches!(event, Event::Start(_));
                match (level, local(e)) {
                    (2, "cellXfs") => in_cell_xfs = opens,
                    (2, "numFmts") => in_num_fmts = opens,
                    (3, "xf") if in_cell_xfs => {
                        if st.xfs.len() >= MAX_CELLS {
                            return Err(too_many(xml));
                        }
                        // No id is General; an id that is no number is a damaged part,
                        // never read as General.
                        let id = match attr(e, "numFmtId", xml)? {
                            Some(v) => v.trim().parse().map_err(|_| {
                                xml.bad(format!(
                                    "numFmtId=\"{}\" is no number format",
                                    refs::shown(&v)
                                ))
                            })?,
                            None => 0,
                        };
                        st.xfs.push(id);
                    }
                    (3, "numFmt") if in_num_fmts => {
                        if st.codes.len() >= MAX_CELLS {
                            return Err(too_many(xml));
                        }
                        let id = attr(e, "numFmtId", xml)?.unwrap_or_default();
                        let code = attr(e, "formatCode", xml)?;
                        let (Ok(id), Some(code)) = (id.trim().parse::<u32>(), code) else {
                            return Err(xml.bad(format!(
                                "a number format without a numeric id and a code (numFmtId=\"{}\")",
                                refs::shown(&id)
                            )));
                        };
                        // Excel's codes are at most 255 characters: one of megabytes, in each of
                        // thousands of formats, would be held whole.
                        if code.chars().count() > MAX_CODE_CHARS {
                            return Err(xml.bad(format!(
                                "number format {id} has a code longer than {MAX_CODE_CHARS} characters"
                            )));
                        }
                        if st.codes.insert(id, code.into_owned()).is_some() {
                            return Err(xml.bad(format!("number format {id} is defined twice")));
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) if level == 2 => match local_end(e) {
                "cellXfs" => in_cell_xfs = false,
                "numFmts" => in_num_fmts = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(st)
}

fn too_many(xml: &Xml<'_>) -> TableError {
    TableError::TooManyItems {
        part: xml.part().to_owned(),
        what: "cell formats",
        what_vi: "định dạng ô",
        limit: MAX_CELLS,
    }
}
