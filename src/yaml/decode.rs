//! Turning the bytes of a file into text a clerk typed.
//!
//! Files reach the district office from many machines: Windows Notepad saves UTF-16 or puts a
//! byte-order mark in front of UTF-8, editors write CRLF, and now and then a scan is saved with a
//! `.yaml` name. Each of those gets a plain answer here instead of a parser error about an
//! invisible character. The size cap keeps one giant file from holding a whole run's memory.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::source::{pos_of_byte, Pos};

/// Largest YAML file read. The longest real report is a few kilobytes; 4 MiB leaves room for
/// a report pasted whole from a word processor while keeping a hostile file cheap to refuse.
pub const MAX_YAML_BYTES: u64 = 4 * 1024 * 1024;

/// Why a file's bytes are not usable YAML text. The English `Display` is for logs and rule-set
/// authors; clerks get the Vietnamese finding built in `dossier::load`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeProblem {
    /// Bigger than [`MAX_YAML_BYTES`].
    #[error("the file is {size} bytes, more than the {MAX_YAML_BYTES}-byte limit")]
    TooLarge { size: u64 },
    /// Saved as UTF-16 (Windows Notepad's "Unicode").
    #[error("the file is UTF-16, not UTF-8")]
    Utf16 { big_endian: bool },
    /// Bytes that are not UTF-8, at this point.
    #[error("bytes that are not UTF-8 at line {}, column {}", at.line, at.column)]
    NotUtf8 { at: Pos },
    /// NUL bytes or other control bytes: not a text file.
    #[error("binary bytes at line {}, column {}", at.line, at.column)]
    Binary { at: Pos },
    /// Not a regular file (a named pipe, socket or device): refused before it is opened, since
    /// reading one would block.
    #[error("not a regular file (a pipe, socket or device)")]
    NotRegular,
    /// A symbolic link leading out of the dossier folder (or to nothing): its target is not
    /// read, as for an attachment (DK002), since it would not travel with the dossier and could
    /// be any file of the machine.
    #[error("a link leading out of the dossier")]
    OutsideLink,
    /// The file could not be read at all.
    #[error("{message}")]
    Io {
        message: String,
        /// What kind of refusal, for the clerk's message.
        kind: std::io::ErrorKind,
    },
}

/// Read a file with the size cap, and decode it.
pub fn read_text(path: &Path) -> Result<String, DecodeProblem> {
    let io = |e: std::io::Error| DecodeProblem::Io {
        message: crate::diag::io_words(&e).1.to_owned(),
        kind: e.kind(),
    };
    // A named pipe, socket or device would block the open or every read (a FIFO named
    // `bien-ban.yaml` hung the check): on Linux the file is opened without waiting and refused
    // by the open handle's type; elsewhere it is refused by its type before it is opened, and
    // the open handle is checked again in case it was swapped in between.
    #[cfg(not(target_os = "linux"))]
    if !std::fs::metadata(path).map_err(io)?.is_file() {
        return Err(DecodeProblem::NotRegular);
    }
    let file = open_without_waiting(path).map_err(|e| refused_open(&e).unwrap_or_else(|| io(e)))?;
    let meta = file.metadata().map_err(io)?;
    read_opened(file, &meta)
}

/// What an open's refusal says of the file itself: opening a socket fails with `ENXIO` ("no
/// such device or address"), which is the file's type, not a fault of the disk.
#[must_use]
pub fn refused_open(e: &std::io::Error) -> Option<DecodeProblem> {
    #[cfg(unix)]
    if e.raw_os_error() == Some(enxio()) {
        return Some(DecodeProblem::NotRegular);
    }
    let _ = e;
    None
}

/// The number of `ENXIO` ("no such device or address"), which opening a socket gives.
#[cfg(unix)]
fn enxio() -> i32 {
    #[cfg(target_os = "linux")]
    {
        rustix::io::Errno::NXIO.raw_os_error()
    }
    #[cfg(not(target_os = "linux"))]
    {
        6
    }
}

/// [`read_text`] of a file already opened, with what its handle says of it.
pub fn read_opened(file: File, meta: &std::fs::Metadata) -> Result<String, DecodeProblem> {
    let io = |e: std::io::Error| DecodeProblem::Io {
        message: crate::diag::io_words(&e).1.to_owned(),
        kind: e.kind(),
    };
    if !meta.is_file() {
        return Err(DecodeProblem::NotRegular);
    }
    let size = meta.len();
    if size > MAX_YAML_BYTES {
        return Err(DecodeProblem::TooLarge { size });
    }
    // One read buffer per thread: a shared folder is thousands of small files, and the text is
    // copied out of the buffer once validated (a copy is cheaper than an allocation per file).
    BUFFER.with_borrow_mut(|bytes| {
        bytes.clear();
        // Room for the whole file and one byte more, asked for in one read: a read of a
        // regular file falls short only at its end, so one that stops at the size the handle
        // gave has read it whole. The library's `read_to_end` asked again to be sure: a second
        // call for every file of a shared folder (#21). `size` is at most the cap.
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        let want = size.saturating_add(1);
        bytes.resize(want, 0);
        let mut filled = 0;
        let mut f = &file;
        let whole = loop {
            match f.read(&mut bytes[filled..]) {
                Ok(0) => break true,
                Ok(n) => {
                    filled += n;
                    if filled == size {
                        break true;
                    }
                    if filled == want {
                        break false;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(io(e)),
            }
        };
        bytes.truncate(filled);
        if !whole {
            // The file grew since its size was taken: the rest, up to the cap.
            f.take((MAX_YAML_BYTES + 1).saturating_sub(filled as u64))
                .read_to_end(bytes)
                .map_err(io)?;
        }
        if bytes.len() as u64 > MAX_YAML_BYTES {
            return Err(DecodeProblem::TooLarge {
                size: bytes.len() as u64,
            });
        }
        decode(bytes)
    })
}

/// Open a file for reading without ever waiting on it, and only if the path's last name is not
/// a link (`ELOOP` if it is): a dossier's file read without a look at it first.
#[cfg(target_os = "linux")]
pub fn open_not_following(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags =
        rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY | rustix::fs::OFlags::NOFOLLOW;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags.bits() as i32)
        .open(path)
}

/// Open a file for reading without ever waiting on it.
#[cfg(target_os = "linux")]
fn open_without_waiting(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer
    // (a regular file's reads ignore the flag), and the caller refuses it by the handle's type.
    // O_NOCTTY: a terminal device never becomes the process's controlling terminal.
    let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags.bits() as i32)
        .open(path)
}

/// Open a file for reading (the caller has refused what is not a regular file by its type).
#[cfg(not(target_os = "linux"))]
fn open_without_waiting(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

thread_local! {
    static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Decode bytes: UTF-8 with or without a BOM; UTF-16 and binary refused with a reason.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeProblem> {
    // A scan or an office file saved under a .yaml name: its signature says so before any byte
    // that is not UTF-8 does. A PDF's first 8 KiB need not hold a NUL, and it was then taken for
    // text in an old code page ("save it again as UTF-8"), advice that cannot help.
    if is_document(bytes) {
        return Err(DecodeProblem::Binary {
            at: Pos {
                line: 1,
                column: 1,
                byte: 0,
            },
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || looks_utf16(bytes, false) {
        return Err(DecodeProblem::Utf16 { big_endian: false });
    }
    if bytes.starts_with(&[0xFE, 0xFF]) || looks_utf16(bytes, true) {
        return Err(DecodeProblem::Utf16 { big_endian: true });
    }
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    // Vietnamese text is a third multi-byte letters, where the standard library's validator
    // goes a character at a time; simdutf8 checks 64 bytes a step (a tenth of the time on the
    // benchmark corpus). It only says yes or no, so a refusal is asked again of the standard
    // library for the position.
    let text = match simdutf8::basic::from_utf8(body) {
        Ok(t) => t.to_owned(),
        Err(_) => {
            let valid = std::str::from_utf8(body).map_or_else(|e| e.valid_up_to(), str::len);
            // valid_up_to is a boundary of valid UTF-8, so this cannot fail; fall back to "".
            let prefix = std::str::from_utf8(&body[..valid]).unwrap_or("");
            let at = pos_of_byte(prefix, prefix.len());
            return Err(DecodeProblem::NotUtf8 { at });
        }
    };
    // Binary junk shows itself in its first bytes; a control byte further down a text file is
    // left to the YAML parser, which reports it with its line like any syntax error.
    let head = &text.as_bytes()[..text.len().min(8192)];
    let control = |b: u8| (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r');
    // Asked first without stopping early, which the compiler turns into wide steps; the
    // position is looked for only in the rare file that has one.
    if !head.iter().fold(false, |acc, &b| acc | control(b)) {
        return Ok(text);
    }
    if let Some(i) = head.iter().position(|&b| control(b)) {
        return Err(DecodeProblem::Binary {
            at: pos_of_byte(&text, i),
        });
    }
    Ok(text)
}

/// The first bytes of a PDF, a JPEG, a PNG, a zip (docx, xlsx) or an old Office file (doc, xls).
fn is_document(bytes: &[u8]) -> bool {
    const SIGNATURES: [&[u8]; 5] = [
        b"%PDF-",
        b"\xFF\xD8\xFF",
        b"\x89PNG\r\n\x1A\n",
        b"PK\x03\x04",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
    ];
    SIGNATURES.iter().any(|s| bytes.starts_with(s))
}

/// UTF-16 without a BOM: ASCII text shows up as every other byte zero.
fn looks_utf16(bytes: &[u8], big_endian: bool) -> bool {
    let head = &bytes[..bytes.len().min(64)];
    if head.len() < 4 {
        return false;
    }
    let zero_at = usize::from(!big_endian);
    let pairs = head.chunks_exact(2);
    let n = pairs.len();
    let zeros = pairs
        .filter(|p| p[zero_at] == 0 && p[1 - zero_at] != 0)
        .count();
    zeros * 4 >= n * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one read a file takes stops at the size its handle gave; a file that grew, or shrank,
    /// since that size was taken is still read whole, as it is at the read.
    #[test]
    fn a_file_is_read_whole_whatever_its_size_did_since_it_was_taken() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("a.yaml");
        for (at_look, at_read) in [
            ("a: 1\n", "a: 1\n"),
            ("", ""),
            ("a: 1\n", "a: 1\nb: 2\n"),
            ("a: 1\n", "a: 12\n"),
            ("a: 1\nb: 2\n", "a: 1\n"),
            ("", "a: 1\n"),
        ] {
            std::fs::write(&p, at_look).unwrap();
            let meta = std::fs::metadata(&p).unwrap();
            std::fs::write(&p, at_read).unwrap();
            let f = File::open(&p).unwrap();
            assert_eq!(read_opened(f, &meta), Ok(at_read.to_owned()), "{at_look:?}");
        }
    }

    #[test]
    fn bom_is_dropped_and_crlf_kept() {
        let t = decode(b"\xEF\xBB\xBFa: 1\r\n");
        assert_eq!(t, Ok("a: 1\r\n".to_owned()));
    }

    #[test]
    fn utf16_is_named() {
        let le: Vec<u8> = "a: 1\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(
            decode(&[vec![0xFF, 0xFE], le.clone()].concat()),
            Err(DecodeProblem::Utf16 { big_endian: false })
        );
        assert_eq!(decode(&le), Err(DecodeProblem::Utf16 { big_endian: false }));
        let be: Vec<u8> = "ten: x\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&be), Err(DecodeProblem::Utf16 { big_endian: true }));
    }

    #[test]
    fn invalid_utf8_points_at_the_byte() {
        let r = decode(b"a: 1\nten: Nguy\xC3n\n");
        match r {
            Err(DecodeProblem::NotUtf8 { at }) => assert_eq!((at.line, at.column), (2, 10)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_document_saved_as_yaml_is_binary_from_its_signature() {
        // No NUL and not UTF-8 from the second line: a PDF as scanners write it.
        let pdf = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n";
        assert!(matches!(
            decode(pdf),
            Err(DecodeProblem::Binary { at }) if (at.line, at.column) == (1, 1)
        ));
        assert!(matches!(
            decode(b"\xFF\xD8\xFF\xE0JFIF"),
            Err(DecodeProblem::Binary { .. })
        ));
        assert_eq!(decode(b"ma: pdf\n"), Ok("ma: pdf\n".to_owned()));
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert!(matches!(
            decode(b"%PDF\x00\x01"),
            Err(DecodeProblem::Binary { .. })
        ));
    }
}
