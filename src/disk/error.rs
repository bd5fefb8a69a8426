//! Why a write into a dossier was refused or could not finish, in both languages.
//!
//! One type for the lock, the transaction and its recovery, so every writing command words the
//! same fault the same way and names the file the clerk knows (never a hidden temporary one).

use std::path::{Path, PathBuf};

use crate::diag::Msg;
use crate::msg;
use crate::text::file_name::shown_path;

/// Why a dossier could not be written.
#[derive(Debug)]
pub enum DiskError {
    /// Another command holds the dossier (its name and process, when it said so).
    Busy {
        /// The dossier folder.
        root: PathBuf,
        /// "import (12345)", as the other command wrote it.
        other: Option<String>,
    },
    /// A file that would be created already exists.
    Exists(PathBuf),
    /// A file changed since it was read.
    Changed(PathBuf),
    /// A file to replace or remove is read-only (or open in a program that forbids it).
    ReadOnly(PathBuf),
    /// A file, or a folder on the way to it, is a symbolic link (or a junction).
    Link(super::links::LinkError),
    /// The file system refused.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What it said.
        source: std::io::Error,
    },
    /// The journal of an interrupted command cannot be read as one this program wrote.
    BadJournal {
        /// The journal.
        path: PathBuf,
        /// Why, in both languages (a fault of the file, not the clerk's).
        why: crate::diag::Msg,
    },
    /// A write failed after the commit point: the journal is in place and the next command
    /// finishes the work.
    Halfway {
        /// The file that could not be written.
        path: PathBuf,
        /// What the file system said.
        source: std::io::Error,
    },
    /// An interrupted command cannot be finished: a file it was to write has been changed
    /// since by someone else.
    Unfinished {
        /// The journal.
        journal: PathBuf,
        /// The interrupted command.
        command: String,
        /// The file in the way.
        file: PathBuf,
    },
}

fn shown(p: &Path) -> String {
    shown_path(p)
}

/// A file that would be written exists already: the one wording of every command (`pack`,
/// `draft`, `export`, the editing commands), so a clerk reads the same words whichever she ran.
/// `force_offered` is whether the command has `--force` to replace it; nothing was written in
/// any case, and the words say so.
#[must_use]
pub fn already_exists(path: &Path, force_offered: bool) -> Msg {
    let p = shown(path);
    if force_offered {
        msg!(
            "đã có tệp \"{p}\"; dùng --force để ghi đè; không có tệp nào được ghi";
            "\"{p}\" already exists; use --force to replace it; nothing was written"
        )
    } else {
        msg!(
            "đã có tệp \"{p}\"; không có tệp nào được ghi";
            "\"{p}\" already exists; nothing was written"
        )
    }
}

impl DiskError {
    /// What went wrong and what to do, in Vietnamese and English.
    #[must_use]
    pub fn msg(&self) -> Msg {
        match self {
            DiskError::Busy { root, other } => {
                let r = shown(root);
                // "import (12345)": the process number is for the IT person who looks at the
                // file, not for the clerk.
                let other = other
                    .as_deref()
                    .map(|o| o.split(" (").next().unwrap_or(o).to_owned());
                match other {
                    Some(o) => msg!(
                        "hồ sơ {r} đang được lệnh \"dossier {o}\" ghi; chờ lệnh đó xong rồi chạy lại (chưa ghi gì)";
                        "the dossier {r} is being written by \"dossier {o}\"; wait for it to finish, then run this again (nothing was written)"
                    ),
                    None => msg!(
                        "hồ sơ {r} đang được một lệnh dossier khác dùng; chờ lệnh đó xong rồi chạy lại (chưa ghi gì)";
                        "the dossier {r} is in use by another dossier command; wait for it to finish, then run this again (nothing was written)"
                    ),
                }
            }
            DiskError::Exists(p) => already_exists(p, false),
            DiskError::Changed(p) => msg!(
                "{} đã bị thay đổi sau khi chương trình đọc; chưa ghi gì, hãy chạy lại lệnh", shown(p);
                "{} changed since it was read; nothing was written, run the command again", shown(p)
            ),
            DiskError::ReadOnly(p) => msg!(
                "không sửa được {}: tệp chỉ cho đọc hoặc đang mở trong chương trình khác (Word, Excel…); bỏ thuộc tính chỉ đọc hoặc đóng chương trình đó rồi chạy lại (chưa ghi gì)", shown(p);
                "cannot change {}: the file is read-only or open in another program (Word, Excel…); clear the read-only flag or close that program, then run this again (nothing was written)", shown(p)
            ),
            DiskError::Link(l) => {
                let (what, help) = (l.msg(), l.help());
                msg!(
                    "{}; chưa ghi gì. {}", what.vi, help.vi;
                    "{}; nothing was written. {}", what.en, help.en
                )
            }
            DiskError::Io { path, source } => {
                let w = crate::diag::write_words(source, path);
                let (vi, en) = (w.vi, w.en);
                msg!(
                    "không ghi được {}: {}; chưa ghi gì vào hồ sơ", shown(path), vi;
                    "cannot write {}: {}; nothing was written to the dossier", shown(path), en
                )
            }
            DiskError::Halfway { path, source } => {
                let w = crate::diag::write_words(source, path);
                let (vi, en) = (w.vi, w.en);
                msg!(
                    "không ghi xong {}: {}. Các thay đổi đã được lưu lại đủ: khi sửa xong nguyên nhân (ví dụ cho phép ghi vào tệp hay thư mục đó), chạy một lệnh dossier bất kỳ trên hồ sơ (ví dụ dossier check) để ghi nốt", shown(path), vi;
                    "could not finish writing {}: {}. Every change was saved first: once the cause is fixed (let that file or folder be written, say), run any dossier command on the dossier (dossier check, say) to finish the writing", shown(path), en
                )
            }
            DiskError::BadJournal { path, why } => msg!(
                "{} (tệp ghi lại việc dở dang của một lệnh bị ngắt) không đọc được ({}); chương trình không làm theo nó và chưa đổi tệp nào: xóa tệp đó, rồi chạy dossier check để xem hồ sơ", shown(path), why.vi;
                "{} (the record of an interrupted command's work) cannot be read ({}); nothing was done from it and no file was changed: delete it, then run dossier check to look at the dossier", shown(path), why.en
            ),
            DiskError::Unfinished {
                journal,
                command,
                file,
            } => msg!(
                "lệnh \"dossier {command}\" bị ngắt giữa chừng và chưa hoàn tất được: {} đã bị sửa sau đó. Chưa đổi gì thêm; xem lại tệp đó, rồi xóa {} để giữ các tệp như hiện có", shown(file), shown(journal);
                "\"dossier {command}\" was interrupted and cannot be finished: {} has been changed since. Nothing more was changed; look at that file, then delete {} to keep the files as they are", shown(file), shown(journal)
            ),
        }
    }

    /// The error of an I/O call on `path`.
    pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> DiskError + '_ {
        move |source| DiskError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

crate::english_display!(DiskError);

impl std::error::Error for DiskError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DiskError::Io { source, .. } | DiskError::Halfway { source, .. } => Some(source),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One wording for a file in the way, with or without --force to offer: the editing
    /// commands said "hs/ho-so.yaml đã có; chương trình không ghi đè nên chưa ghi tệp nào", pack
    /// and export left out that nothing was written.
    #[test]
    fn a_file_in_the_way_is_said_one_way() {
        let p = Path::new("hs/ho-so.yaml");
        assert_eq!(
            DiskError::Exists(p.to_path_buf()).msg(),
            Msg::new(
                "đã có tệp \"hs/ho-so.yaml\"; không có tệp nào được ghi",
                "\"hs/ho-so.yaml\" already exists; nothing was written"
            )
        );
        assert_eq!(
            already_exists(p, true),
            Msg::new(
                "đã có tệp \"hs/ho-so.yaml\"; dùng --force để ghi đè; không có tệp nào được ghi",
                "\"hs/ho-so.yaml\" already exists; use --force to replace it; nothing was written"
            )
        );
    }
}
