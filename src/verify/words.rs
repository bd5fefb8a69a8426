//! Why a bundle could not be read at all, in both languages: [`VerifyError::msg`].
//!
//! What a file that is not a zip is (empty, another archive, a PDF, an image) is decided when
//! the error is made, from the bytes already open ([`NotZipKind::of`]); the words here only
//! say it, naming the bundle as the clerk gave it, with the operating system's reason in words
//! (never its English text with an error number).

use std::io::{Read, Seek, SeekFrom};

use super::VerifyError;
use crate::diag::Msg;
use crate::msg;
use crate::text::file_name::shown_path as shown;

/// What a file that is not a zip is, when its first bytes tell: each says what to ask the
/// sender for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotZipKind {
    /// 0 bytes: a download or a copy that did not finish.
    Empty,
    /// A RAR archive.
    Rar,
    /// A 7z archive.
    SevenZip,
    /// A PDF sent in place of the bundle.
    Pdf,
    /// A JPEG or PNG image.
    Image,
    /// Nothing the first bytes tell: damaged, or another file renamed.
    Unknown,
}

impl NotZipKind {
    /// The kind of `file` by its first bytes (read from its start; a file that cannot be read
    /// again is [`NotZipKind::Unknown`]).
    pub fn of<F: Read + Seek>(file: &mut F) -> NotZipKind {
        let mut head = Vec::with_capacity(8);
        if file.seek(SeekFrom::Start(0)).is_err() || file.take(8).read_to_end(&mut head).is_err() {
            return NotZipKind::Unknown;
        }
        NotZipKind::of_head(&head)
    }

    /// The kind of a file whose first bytes (up to 8) are `head`.
    #[must_use]
    pub fn of_head(head: &[u8]) -> NotZipKind {
        // A PDF or an image as the dossier's reader tells them (one answer to what a file's
        // first bytes say); the archives a bundle is mistaken for, here.
        use crate::dossier::files::{sniff, Sniffed};
        match sniff(head) {
            Sniffed::Pdf => NotZipKind::Pdf,
            Sniffed::Jpeg | Sniffed::Png => NotZipKind::Image,
            _ if head.is_empty() => NotZipKind::Empty,
            _ if head.starts_with(b"Rar!") => NotZipKind::Rar,
            _ if head.starts_with(b"7z\xBC\xAF") => NotZipKind::SevenZip,
            Sniffed::Other(..) => NotZipKind::Unknown,
        }
    }

    /// What the file is, when known: (Vietnamese, English).
    fn words(self) -> Option<(&'static str, &'static str)> {
        match self {
            NotZipKind::Empty => Some((
                "tệp rỗng (0 byte), có thể do tải về hay sao chép chưa xong",
                "the file is empty (0 bytes), perhaps a download or copy that did not finish",
            )),
            NotZipKind::Rar => Some((
                "đây là tệp nén RAR, không phải zip",
                "it is a RAR archive, not a zip",
            )),
            NotZipKind::SevenZip => Some((
                "đây là tệp nén 7z, không phải zip",
                "it is a 7z archive, not a zip",
            )),
            NotZipKind::Pdf => Some((
                "đây là tệp PDF, không phải gói hồ sơ",
                "it is a PDF, not a bundle",
            )),
            NotZipKind::Image => Some((
                "đây là tệp ảnh, không phải gói hồ sơ",
                "it is an image, not a bundle",
            )),
            NotZipKind::Unknown => None,
        }
    }
}

impl VerifyError {
    /// Why the bundle could not be read, in Vietnamese and English.
    #[must_use]
    pub fn msg(&self) -> Msg {
        match self {
            VerifyError::Io { path, source } => {
                let (vi, en) = crate::diag::io_words(source);
                msg!("không đọc được \"{}\": {}", shown(path), vi; "cannot read \"{}\": {}", shown(path), en)
            }
            VerifyError::NotZip { path, kind } => {
                let name = shown(path);
                let resend = (
                    "đề nghị nơi gửi đóng gói lại bằng lệnh dossier pack",
                    "ask the sender to pack it again with dossier pack",
                );
                match kind.words() {
                    Some((vi, en)) => {
                        msg!("\"{}\" không phải gói hồ sơ đọc được: {}; {}", name, vi, resend.0; "\"{}\" is not a readable bundle: {}; {}", name, en, resend.1)
                    }
                    None => {
                        msg!("\"{}\" không phải tệp zip đọc được (tệp hỏng, hoặc tệp khác đổi đuôi tên); {}", name, resend.0; "\"{}\" is not a readable zip file (damaged, or another file renamed); {}", name, resend.1)
                    }
                }
            }
            VerifyError::NotRegular { path, folder: true } => {
                msg!("\"{}\" là một thư mục, không phải tệp gói hồ sơ (.zip); nếu đây là hồ sơ chưa đóng gói, hãy dùng dossier check", shown(path);
                     "\"{}\" is a folder, not a bundle file (.zip); for a dossier not yet packed, use dossier check", shown(path))
            }
            VerifyError::NotRegular {
                path,
                folder: false,
            } => {
                msg!("\"{}\" không phải tệp thường (ống dẫn hay thiết bị): không đọc", shown(path);
                     "\"{}\" is not a regular file (a pipe or a device): not read", shown(path))
            }
        }
    }
}

crate::english_display!(VerifyError);

impl std::error::Error for VerifyError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            VerifyError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kind is told by the first bytes the verify read, not by reading the file again in
    /// the command.
    #[test]
    fn a_file_that_is_no_zip_is_named_by_what_it_is() {
        let mut pdf = std::io::Cursor::new(b"%PDF-1.7\n...".to_vec());
        pdf.set_position(5);
        assert_eq!(NotZipKind::of(&mut pdf), NotZipKind::Pdf);
        assert_eq!(NotZipKind::of_head(b""), NotZipKind::Empty);
        assert_eq!(NotZipKind::of_head(b"Rar!\x1a\x07"), NotZipKind::Rar);
        assert_eq!(NotZipKind::of_head(b"hello"), NotZipKind::Unknown);
        let e = VerifyError::NotZip {
            path: "goi.zip".into(),
            kind: NotZipKind::Pdf,
        };
        assert_eq!(
            e.msg().vi,
            "\"goi.zip\" không phải gói hồ sơ đọc được: đây là tệp PDF, không phải gói hồ sơ; đề nghị nơi gửi đóng gói lại bằng lệnh dossier pack"
        );
        assert_eq!(e.to_string(), e.msg().en);
    }
}
