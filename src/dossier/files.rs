//! A dossier's files as its documents name them: a written path made canonical, the file it
//! names found on disk whatever Unicode form the disk stores the name in, and what the file's
//! first bytes say it is.
//!
//! These are facts about the dossier, not judgements: the attachment rules (DK) report on
//! them, and `pack` and the cover list use them to put each file in the bundle under the name
//! the documents give it.

use crate::store::{Kind, Store};
use crate::text::to_nfc;

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// `%PDF-`.
    Pdf,
    /// `FF D8 FF`.
    Jpeg,
    /// PNG signature.
    Png,
    /// Something else, described (Vietnamese, English).
    Other(&'static str, &'static str),
}

/// Identify a file by its first bytes.
#[must_use]
pub fn sniff(head: &[u8]) -> Sniffed {
    if head.starts_with(b"%PDF-") {
        Sniffed::Pdf
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Sniffed::Jpeg
    } else if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Sniffed::Png
    } else if head.is_empty() {
        Sniffed::Other("tệp rỗng", "an empty file")
    } else if head.starts_with(b"PK\x03\x04") {
        Sniffed::Other(
            "tệp nén ZIP hoặc Word/Excel (.docx, .xlsx)",
            "a ZIP or Word/Excel file (.docx, .xlsx)",
        )
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Sniffed::Other(
            "tệp Word/Excel đời cũ (.doc, .xls)",
            "an old Word/Excel file (.doc, .xls)",
        )
    } else if head.starts_with(b"GIF8") || head.starts_with(b"II*\0") || head.starts_with(b"MM\0*")
    {
        Sniffed::Other("ảnh GIF hoặc TIFF", "a GIF or TIFF image")
    } else if std::str::from_utf8(head).is_ok() {
        Sniffed::Other("tệp văn bản thường", "a plain text file")
    } else {
        Sniffed::Other("tệp không rõ loại", "a file of unknown type")
    }
}

/// Normalise a written path: `\` as `/`, no `./`.
#[must_use]
pub fn normalise_path(p: &str) -> String {
    let p = p.trim().replace('\\', "/");
    p.split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect::<Vec<_>>()
        .join("/")
}

/// Where a named file is on disk: the name itself, or, when the folder holds it under another
/// Unicode form of the same name (macOS writes names decomposed, NFD), that name. Names are
/// equal when their NFC forms are.
#[must_use]
pub fn on_disk(store: &dyn Store, rel: &str) -> Option<String> {
    if !matches!(store.kind(rel), Kind::Missing) {
        return Some(rel.to_owned());
    }
    let want = to_nfc(rel);
    store.list().into_iter().find(|f| to_nfc(f) == want)
}

/// A file name as a message shows it, each character that prints as nothing written out as
/// `<U+200B>`: one notation for check, pack and verify.
pub use crate::text::file_name::shown as shown_name;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_bytes() {
        assert_eq!(sniff(b"%PDF-1.4\n"), Sniffed::Pdf);
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Sniffed::Jpeg);
        assert_eq!(
            sniff(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]),
            Sniffed::Png
        );
        assert!(matches!(sniff(b"hello"), Sniffed::Other(..)));
        assert!(matches!(sniff(b""), Sniffed::Other(..)));
    }

    #[test]
    fn written_paths_are_made_canonical() {
        assert_eq!(normalise_path("./dinh-kem\\a.pdf"), "dinh-kem/a.pdf");
        assert_eq!(normalise_path(" dinh-kem//x.pdf "), "dinh-kem/x.pdf");
    }

    #[test]
    fn hidden_characters_are_written_out() {
        assert_eq!(
            shown_name("dinh-kem/to-trinh\u{200B}.pdf"),
            "dinh-kem/to-trinh<U+200B>.pdf"
        );
        assert_eq!(
            shown_name("dinh-kem/\u{202E}a\tb.pdf"),
            "dinh-kem/<U+202E>a<U+0009>b.pdf"
        );
        assert_eq!(
            shown_name("dinh-kem/Quyết định.pdf"),
            "dinh-kem/Quyết định.pdf"
        );
    }
}
