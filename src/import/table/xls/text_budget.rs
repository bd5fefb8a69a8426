//! The workbook's budget of text, shared by the shared-string table (`globals.rs`) and the
//! sheets (`sheet.rs`): its own file so neither reaches into the other for it.

use crate::import::table::TableError;

/// Most bytes of text the cells of a workbook may hold together, and its shared strings: a
/// list of 50,000 nominees with every column holds a few megabytes (the xlsx reader's bound).
/// Without it, one shared string of 4,000 characters named by a million cells would be
/// copied a million times.
pub(super) const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Past [`MAX_TEXT_BYTES`], in `what` (the shared strings, a sheet).
pub(super) fn too_much_text(what: &str) -> TableError {
    TableError::TooManyItems {
        part: what.to_owned(),
        what: "bytes of text",
        what_vi: "byte chữ",
        limit: MAX_TEXT_BYTES,
    }
}
