//! What every command does first on a dossier: hold it, and finish what a stopped command
//! left.
//!
//! A writer holds the dossier exclusively ([`super::lock`]) from before it reads until it has
//! written, rolls forward a journal left by a kill ([`super::journal::recover`]) and removes
//! staged files left before a commit point ([`super::journal::clean`]). A reader holds it
//! shared, so it never reads between another command's renames; if a journal waits, it takes
//! the dossier exclusively for as long as it needs to finish that work, since reading a
//! half-committed dossier would report faults the clerk never made.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::error::DiskError;
use super::journal::{self, Recovered};
use super::lock::{self, Held};

/// A command's hold on a dossier, with what was done on taking it.
#[derive(Debug)]
pub struct Session {
    _held: Option<Held>,
    /// The interrupted command finished on the way in.
    pub recovered: Option<Recovered>,
    /// Staged files of stopped commands, removed.
    pub cleaned: Vec<PathBuf>,
}

impl Session {
    /// What was done on the way in, for the clerk, in order: the stopped command finished, the
    /// temporary files removed; empty when nothing was.
    #[must_use]
    pub fn said(&self) -> Vec<crate::diag::Msg> {
        let mut said = Vec::new();
        if let Some(r) = &self.recovered {
            let n = r.done.written.len() + r.done.removed.len();
            let c = &r.command;
            said.push(crate::msg!(
                "lệnh \"dossier {c}\" lần trước bị ngắt sau khi đã chuẩn bị xong: đã hoàn tất nó ({n} tệp)";
                "the last \"dossier {c}\" was stopped after it had prepared its changes: it has been finished ({})", crate::diag::en_count(n, "file", "files")
            ));
        }
        if !self.cleaned.is_empty() {
            let n = self.cleaned.len();
            let en = crate::diag::en_count(n, "temporary file", "temporary files");
            said.push(crate::msg!(
                "đã xóa {n} tệp tạm do một lệnh bị ngắt trước khi ghi để lại; lệnh đó chưa ghi gì vào hồ sơ, chạy lại nó nếu cần";
                "removed {en} left by a command stopped before it wrote; it wrote nothing to the dossier, run it again if needed"
            ));
        }
        said
    }
}

/// Hold `root` for writing as `command`, finishing and cleaning what stopped commands left.
pub fn writing(root: &Path, command: &str) -> Result<Session, DiskError> {
    writing_within(root, command, lock::WAIT)
}

/// [`writing`], waiting at most `wait` for another command.
pub fn writing_within(root: &Path, command: &str, wait: Duration) -> Result<Session, DiskError> {
    let held = lock::write(root, command, wait)?;
    let recovered = journal::recover(root)?;
    let cleaned = journal::clean(root);
    Ok(Session {
        _held: Some(held),
        recovered,
        cleaned,
    })
}

/// Hold `root` for reading; a journal left by a stopped command is rolled forward first, and
/// staged files left before a commit point are removed when no command is at work (the lock is
/// free at once), since nobody else will.
pub fn reading(root: &Path, command: &str) -> Result<Session, DiskError> {
    if journal::pending(root) {
        let held = lock::write(root, command, lock::WAIT)?;
        let recovered = journal::recover(root)?;
        let cleaned = journal::clean(root);
        return Ok(Session {
            _held: Some(held),
            recovered,
            cleaned,
        });
    }
    if journal::staged_left(root) {
        if let Ok(held) = lock::write(root, command, Duration::ZERO) {
            let cleaned = journal::clean(root);
            return Ok(Session {
                _held: Some(held),
                recovered: None,
                cleaned,
            });
        }
    }
    Ok(Session {
        _held: lock::read(root, lock::WAIT)?,
        recovered: None,
        cleaned: Vec::new(),
    })
}

/// Whether [`reading`] has anything to finish or clean in `root` (two folder listings).
#[must_use]
pub fn needs_settling(root: &Path) -> bool {
    journal::pending(root) || journal::staged_left(root)
}
