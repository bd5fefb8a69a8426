//! Why a pack failed, in both languages: [`PackError::msg`] and [`WriteError::msg`].
//!
//! The words live beside the errors (not in the command) so every caller says a failure the
//! same way, naming the files the clerk gave (never the temporary file a bundle is written to
//! and read back from); `Display` is the English text, for logs.

use std::path::Path;

use super::{PackError, WriteError};
use crate::diag::Msg;
use crate::msg;
use crate::page::PageError;
use crate::text::file_name::shown_path as shown;
use crate::verify::VerifyError;

/// "could not pack: `why`; nothing was written": a failure the clerk cannot fix by choosing
/// another place for the bundle (a dossier file unreadable, a broken installation, a bug).
fn not_packed(why: &Msg) -> Msg {
    msg!("không đóng gói được: {}; không có tệp nào được ghi", why.vi;
         "could not pack: {}; nothing was written", why.en)
}

impl WriteError {
    /// What went wrong and what to do, in Vietnamese and English.
    #[must_use]
    pub fn msg(&self) -> Msg {
        match self {
            WriteError::Exists(p) => crate::disk::already_exists(p, true),
            WriteError::Read { path, source } => {
                let (vi, en) = crate::diag::io_words(source);
                not_packed(
                    &msg!("không đọc được \"{}\": {}", shown(path), vi; "cannot read \"{}\": {}", shown(path), en),
                )
            }
            WriteError::Output { path, source } => {
                let (why, p) = (crate::diag::write_words(source, path), shown(path));
                msg!("không ghi được gói \"{p}\": {}; không có tệp nào được ghi", why.vi;
                     "could not write the bundle \"{p}\": {}; nothing was written", why.en)
            }
            WriteError::Changed(p) => {
                let files = shown(p);
                msg!("Chưa đóng gói: \"{files}\" thay đổi trong khi đóng gói (được ghi lại, chạm tới hoặc thay bằng tệp khác sau khi kiểm tra); không có tệp nào được ghi. Chạy lại khi không còn ai sửa hồ sơ.";
                     "Not packed: \"{files}\" changed while it was being packed (written, touched or replaced since the check); nothing was written. Run again when nobody is editing the dossier.")
            }
            WriteError::Zip(_) => not_packed(
                &msg!("bộ ghi tệp nén từ chối ghi gói"; "the zip writer refused to write the bundle"),
            ),
        }
    }
}

impl PackError {
    /// What went wrong and what to do, in Vietnamese and English. A [`PackError::Rejected`]
    /// and a [`WriteError::Changed`] are the dossier's state, not a fault: their words are a
    /// sentence of their own ("Chưa đóng gói: …"), said without the "lỗi:" of the others.
    #[must_use]
    pub fn msg(&self) -> Msg {
        match self {
            PackError::Write(w) => w.msg(),
            PackError::InsideDossier {
                target,
                dossier,
                packed,
                outside,
            } => {
                let (d, t, dir) = (shown(dossier), shown(target), shown(packed));
                msg!("không ghi gói vào trong thư mục hồ sơ \"{d}\" (\"{t}\"): lần kiểm tra sau sẽ coi gói là một tệp của hồ sơ. Ghi ra chỗ khác, ví dụ: dossier pack {dir} -o {outside}";
                     "the bundle would go inside the dossier folder \"{d}\" (\"{t}\"), where the next check would take it for a dossier file. Write it elsewhere, e.g. dossier pack {dir} -o {outside}")
            }
            PackError::NotZipName(p) => {
                let p = shown(p);
                msg!("tên gói \"{p}\" không có đuôi .zip, máy của nơi nhận sẽ không biết mở tệp này; không có tệp nào được ghi. Ghi -o {p}.zip, hoặc -o {p}/ để ghi gói (mang tên chuẩn) vào thư mục {p}";
                     "the bundle name \"{p}\" does not end in .zip, and the receiving office's computer would not know how to open it; nothing was written. Write -o {p}.zip, or -o {p}/ to put the bundle (under its standard name) in the folder {p}")
            }
            PackError::NotRegularTarget(p) => {
                let p = shown(p);
                msg!("\"{p}\" không phải tệp thường (thiết bị, ống dẫn, liên kết hay thư mục); --force chỉ thay một tệp thường";
                     "\"{p}\" is not a regular file (a device, pipe, link or folder); --force replaces only a regular file")
            }
            PackError::Rejected(again) => {
                let named: std::collections::BTreeSet<&str> = again
                    .findings
                    .iter()
                    .map(|f| f.primary.file.as_str())
                    .collect();
                let files = named.into_iter().collect::<Vec<_>>().join(", ");
                msg!("Chưa đóng gói: gói vừa ghi không qua được kiểm tra của nơi nhận ({files}): hồ sơ thay đổi trong khi đóng gói, hoặc có tên tệp không gửi đi an toàn được (xem ở trên); không có tệp nào được ghi. Sửa rồi chạy lại khi không còn ai sửa hồ sơ.";
                     "Not packed: the written bundle does not pass the receiving office's check ({files}): the dossier changed while it was being packed, or a file name cannot travel safely (see above); nothing was written. Fix it and run again when nobody is editing the dossier.")
            }
            PackError::Cover(PageError::Font(name)) => not_packed(
                &msg!("không đọc được phông chữ {} đi kèm chương trình: bản cài đặt bị hỏng, hãy cài lại", name; "the font {} shipped with the program cannot be read: the installation is damaged, install it again", name),
            ),
            PackError::Cover(PageError::Pdf(why)) => not_packed(
                &msg!("không tạo được danh mục hồ sơ DANH-MUC.pdf (lỗi của chương trình, xin báo lại)"; "the cover list DANH-MUC.pdf could not be made ({}; a bug, please report it)", why),
            ),
            PackError::NoRuleSet => not_packed(
                &msg!("không tìm thấy bộ quy tắc của hồ sơ"; "the dossier's rule set could not be found"),
            ),
            PackError::Reread { target, source } => {
                // The error names the temporary file read back; the clerk hears of the bundle.
                let (vi, en) = match source {
                    VerifyError::Io { source, .. } => crate::diag::io_words(source),
                    _ => (
                        "tệp vừa ghi không phải tệp zip đọc được",
                        "what was written is not a readable zip file",
                    ),
                };
                not_packed(
                    &msg!("không đọc lại được gói vừa ghi \"{}\": {}", shown(target), vi; "cannot read back the bundle just written \"{}\": {}", shown(target), en),
                )
            }
        }
    }
}

/// A folder outside the dossier to offer for `-o`: the current folder when it is outside (`-o ..`
/// from there sent the bundle one level too high), else the dossier's parent, relative to here.
pub(super) fn outside_of(dossier: &Path) -> String {
    let (Ok(d), Ok(here)) = (
        std::fs::canonicalize(dossier),
        std::env::current_dir().and_then(std::fs::canonicalize),
    ) else {
        return "..".to_owned();
    };
    match here.strip_prefix(&d) {
        Ok(below) => {
            let up = below.components().count() + 1;
            vec![".."; up].join("/")
        }
        Err(_) => ".".to_owned(),
    }
}

crate::english_display!(PackError);

impl std::error::Error for PackError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PackError::Write(e) => Some(e),
            PackError::Cover(e) => Some(e),
            PackError::Reread { source, .. } => Some(source),
            _ => None,
        }
    }
}

crate::english_display!(WriteError);

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WriteError::Read { source, .. } | WriteError::Output { source, .. } => Some(source),
            WriteError::Zip(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io;
    use std::path::PathBuf;

    /// The bundle read back is a temporary file: the clerk hears of the bundle's own place,
    /// and of the dossier file that could not be read, in words.
    #[test]
    fn errors_name_what_the_clerk_gave_in_words() {
        let reread = PackError::Reread {
            target: PathBuf::from("out/goi.zip"),
            source: VerifyError::Io {
                path: PathBuf::from("out/.dossier-pack-1a2b.partial"),
                source: io::Error::from(io::ErrorKind::NotFound),
            },
        };
        assert_eq!(
            reread.msg(),
            Msg::new(
                "không đóng gói được: không đọc lại được gói vừa ghi \"out/goi.zip\": không có tệp hoặc thư mục này; không có tệp nào được ghi",
                "could not pack: cannot read back the bundle just written \"out/goi.zip\": no such file or folder; nothing was written"
            )
        );
        let read = PackError::Write(WriteError::Read {
            path: PathBuf::from("hs/dinh-kem/a.pdf"),
            source: io::Error::from(io::ErrorKind::PermissionDenied),
        });
        let m = read.msg();
        assert!(
            m.vi.starts_with(
                "không đóng gói được: không đọc được \"hs/dinh-kem/a.pdf\": không có quyền"
            ),
            "{m:?}"
        );
        assert!(!m.en.contains("os error"), "{m:?}");
        // Display is the English words, for logs: no OS text, no temporary file.
        assert_eq!(reread.to_string(), reread.msg().en);
    }

    /// "already exists" is said as every command says it: that --force replaces the file, and
    /// that nothing was written (pack said only the first).
    #[test]
    fn an_existing_bundle_is_said_as_every_command_says_it() {
        let e = PackError::Write(WriteError::Exists(PathBuf::from("out/goi.zip")));
        assert_eq!(
            e.msg(),
            Msg::new(
                "đã có tệp \"out/goi.zip\"; dùng --force để ghi đè; không có tệp nào được ghi",
                "\"out/goi.zip\" already exists; use --force to replace it; nothing was written"
            )
        );
    }
}
