//! `xl/styles.xml`, as far as it decides what a number shows: the custom number formats
//! (`numFmts`, id → code) and the cell formats (`cellXfs`, a cell's `s` → its number format
//! id). Fonts, fills and borders do not change a value.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::super::numfmt::{builtin, classify, Shown};
use super::super::{Format, TableError, MAX_CELLS};
use super::part::{attr, local, Xml};
use super::strings::local_end;

/// The number formats of the workbook.
#[derive(Debug, Default)]
pub(super) struct Styles {
    codes: HashMap<u32, String>,
    xfs: Vec<u32>,
}

impl Styles {
    /// What a cell of style `s` shows a number as, and the format's code (`#id` for a built-in
    /// format known by id alone). `None` when the style index is not in the table.
    pub(super) fn shown(&self, s: Option<u32>) -> Option<(Shown, String)> {
        let Some(s) = s else {
            return Some((Shown::Number(Format::General), "General".to_owned()));
        };
        // A workbook without a style part (some writers) shows every cell in General.
        if self.xfs.is_empty() && s == 0 {
            return Some((Shown::Number(Format::General), "General".to_owned()));
        }
        let id = *self.xfs.get(usize::try_from(s).ok()?)?;
        // A code the file gives wins over the built-in meaning of its id: some writers
        // redefine low ids.
        if let Some(code) = self.codes.get(&id) {
            return Some((classify(code), code.clone()));
        }
        // A built-in id is named by its code, as Excel's Format Cells shows it ("#,##0").
        let code =
            super::super::numfmt::builtin_code(id).map_or_else(|| format!("#{id}"), str::to_owned);
        Some(match builtin(id) {
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
                        let id = attr(e, "numFmtId", xml)?
                            .and_then(|v| v.trim().parse().ok())
                            .unwrap_or(0);
                        st.xfs.push(id);
                    }
                    (3, "numFmt") if in_num_fmts => {
                        if st.codes.len() >= MAX_CELLS {
                            return Err(too_many(xml));
                        }
                        let id = attr(e, "numFmtId", xml)?.and_then(|v| v.trim().parse().ok());
                        let code = attr(e, "formatCode", xml)?;
                        if let (Some(id), Some(code)) = (id, code) {
                            st.codes.insert(id, code.into_owned());
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
