//! `dossier import DIR --danh-sach FILE`: the clerk's nominee list (xlsx, xls, ods, csv) into the
//! dossier's YAML.
//!
//! The list is where the clerk keeps her nominees; typing them again into YAML is where names get
//! misspelt. Import reads the list ([`table`], [`rows`]), then writes the proposal's `danh_sach`,
//! the minutes' `ket_qua` lines and one report skeleton per new nominee ([`apply`]). A nominee is
//! recognised by name (as the checker compares names: NFC, spacing, tone placement), so a second
//! import of the same list changes nothing. Nothing is written when any row cannot be read, and a
//! report that exists is never touched.

pub mod apply;
pub mod rows;
mod sequence;
pub mod table;

use std::path::{Path, PathBuf};

use crate::criteria::Catalog;
use crate::diag::Msg;

/// How bad a problem of the list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The row cannot be read: nothing is written.
    Error,
    /// Said for the clerk's information (a legacy encoding decoded, an entry kept).
    Note,
}

/// A problem with its place in the list (`Danh sách!C12`) or in the dossier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `Danh sách!C12`, `Danh sách!C`, or a dossier file.
    pub place: String,
    /// Error or note.
    pub level: Level,
    /// What, in both languages.
    pub msg: Msg,
}

impl Problem {
    /// An error at a place.
    #[must_use]
    pub fn error(place: String, msg: Msg) -> Problem {
        Problem {
            place,
            level: Level::Error,
            msg,
        }
    }

    /// A note at a place.
    #[must_use]
    pub fn note(place: String, msg: Msg) -> Problem {
        Problem {
            place,
            level: Level::Note,
            msg,
        }
    }
}

/// Why the import could not run at all. [`ImportError::msg`] words it in both languages;
/// `Display` is its English text.
#[derive(Debug)]
pub enum ImportError {
    /// The list could not be read.
    List {
        /// The list.
        path: PathBuf,
        /// Why.
        source: table::TableError,
    },
    /// The sheet asked for (`--sheet`) is not in the list, or is hidden.
    Sheet {
        /// The list.
        path: PathBuf,
        /// Why.
        why: rows::SheetError,
    },
    /// A dossier file could not be read or written.
    Edit(crate::edit::EditError),
}

impl ImportError {
    /// What went wrong, in Vietnamese and English, naming the list as the clerk gave it.
    #[must_use]
    pub fn msg(&self) -> crate::diag::Msg {
        let shown = crate::text::file_name::shown_path;
        match self {
            ImportError::Edit(e) => e.msg(),
            ImportError::Sheet { path, why } => {
                let (p, why) = (shown(path), why.msg());
                crate::msg!("danh sách \"{p}\": {}", why.vi; "the list \"{p}\": {}", why.en)
            }
            // The spreadsheet reader's error has its own two texts; they are joined into one
            // message here.
            ImportError::List { path, source } => {
                let p = shown(path);
                crate::msg!(
                    "không đọc được danh sách \"{p}\": {}", source.message_vi();
                    "cannot read the list \"{p}\": {source}"
                )
            }
        }
    }
}

crate::english_display!(ImportError);

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::List { source, .. } => Some(source),
            ImportError::Edit(e) => Some(e),
            ImportError::Sheet { .. } => None,
        }
    }
}

impl From<crate::edit::EditError> for ImportError {
    fn from(e: crate::edit::EditError) -> Self {
        ImportError::Edit(e)
    }
}

/// What happened.
#[derive(Debug, Default)]
pub struct Outcome {
    /// What was read, if a header row was found.
    pub read: Option<rows::Read>,
    /// Problems of the list and the dossier, in the list's order.
    pub problems: Vec<Problem>,
    /// The changes, as (file, old text, new text); empty when nothing changes.
    pub changes: Vec<apply::Change>,
    /// Files written (empty on a dry run, on errors, or when nothing changes).
    pub written: Vec<PathBuf>,
    /// Files removed (the template's example report the list replaces).
    pub removed: Vec<PathBuf>,
}

impl Outcome {
    /// Whether a problem stopped the import.
    #[must_use]
    pub fn failed(&self) -> bool {
        self.read.is_none() || self.problems.iter().any(|p| p.level == Level::Error)
    }
}

/// Read the list (the sheet `sheet`, or every visible sheet with a header row) and bring the
/// dossier in `dir` in line with it (nothing written on a dry run or when a row cannot be read).
pub fn import(
    dir: &Path,
    list: &Path,
    sheet: Option<&str>,
    catalog: &Catalog,
    today: crate::date::Date,
    dry_run: bool,
) -> Result<Outcome, ImportError> {
    let sheets = table::read(list).map_err(|source| ImportError::List {
        path: list.to_path_buf(),
        source,
    })?;
    let current = apply::Current::load(dir, catalog, today)?;
    let mut out = Outcome::default();
    if let Some(code_page) = sheets.decoded_from {
        let name = list
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.problems.push(Problem::note(
            name,
            crate::msg!("tệp không phải Unicode: đã đọc theo bảng mã {} (\"CSV\" của Excel trên Windows tiếng Việt); nên lưu lại dạng \"CSV UTF-8\"", code_page;
                        "the file is not Unicode: read as {} (Excel's \"CSV\" on a Vietnamese Windows); better save it as \"CSV UTF-8\"", code_page),
        ));
    }
    // A birth date after the proposal's (or after today, without one) cannot be right.
    let upto = current.proposal().unwrap_or(today);
    let read =
        rows::read(&sheets, sheet, &current.rule_set, upto, &mut out.problems).map_err(|why| {
            ImportError::Sheet {
                path: list.to_path_buf(),
                why,
            }
        })?;
    let Some(read) = read else {
        let name = list
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // A file with no filled cell at all (saved before anything was typed, or an export
        // that failed) is said to be empty: asking for a header row would send the clerk
        // looking for a row that is not there.
        let empty = sheets.sheets.iter().all(table::Sheet::is_empty);
        if empty {
            out.problems.push(Problem::error(
                name,
                crate::msg!("danh sách trống: tệp không có ô nào có chữ; mở tệp kiểm tra lại, hoặc chọn đúng tệp danh sách";
                            "the list is empty: no cell of the file holds anything; open it to check, or give the right list file"),
            ));
            return Ok(out);
        }
        out.problems.push(Problem::error(
            name,
            crate::msg!("không tìm thấy dòng tiêu đề: cần ít nhất cột \"Họ và tên\" (hoặc \"Tên tập thể\") và một cột khác như \"Đơn vị\", \"Đối tượng\"";
                        "no header row found: the list needs a column \"Họ và tên\" (or \"Tên tập thể\") and another such as \"Đơn vị\", \"Đối tượng\""),
        ));
        return Ok(out);
    };
    let plan = apply::plan(dir, &current, &read, &mut out.problems)?;
    out.read = Some(read);
    if out.failed() {
        return Ok(out);
    }
    if !dry_run && !plan.is_empty() {
        (out.written, out.removed) = plan.write()?;
    }
    out.changes = plan.into_changes();
    Ok(out)
}
