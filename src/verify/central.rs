//! The names in a zip's central directory, read byte by byte.
//!
//! The zip library maps entries by name, so two entries with one name collapse into one and the
//! duplicate cannot be named; and it may clean names up. A receiving office needs to see the
//! names exactly as the archive carries them, so they are read here, with every offset
//! bounds-checked: a crafted archive is expected, not exceptional.

/// One central-directory record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry {
    /// The name's bytes as stored.
    pub name: Vec<u8>,
    /// Declared compressed size.
    pub compressed: u64,
    /// Declared uncompressed size.
    pub uncompressed: u64,
}

use std::io::{self, Read, Seek, SeekFrom};

fn u16_at(b: &[u8], i: usize) -> Option<u64> {
    Some(u64::from(u16::from_le_bytes(
        b.get(i..i + 2)?.try_into().ok()?,
    )))
}

fn u32_at(b: &[u8], i: usize) -> Option<u64> {
    Some(u64::from(u32::from_le_bytes(
        b.get(i..i + 4)?.try_into().ok()?,
    )))
}

fn u64_at(b: &[u8], i: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(i..i + 8)?.try_into().ok()?))
}

/// Read `len` bytes at `offset` (fewer at the end of the file).
fn read_at(f: &mut (impl Read + Seek), offset: u64, len: usize) -> io::Result<Vec<u8>> {
    f.seek(SeekFrom::Start(offset))?;
    let mut buf = Vec::with_capacity(len.min(1 << 20));
    f.take(len as u64).read_to_end(&mut buf)?;
    Ok(buf)
}

/// Largest central directory read: a bundle of ten thousand files needs under 1 MB.
const MAX_DIRECTORY: u64 = 64 << 20;

/// The central directory's records, or None when it cannot be found or read. Only the end of
/// the file and the directory itself are read, not the entries' data.
pub fn entries(f: &mut (impl Read + Seek)) -> io::Result<Option<Vec<RawEntry>>> {
    const EOCD: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    let len = f.seek(SeekFrom::End(0))?;
    let tail_start = len.saturating_sub(22 + 65_535);
    let tail = read_at(
        f,
        tail_start,
        usize::try_from(len - tail_start).unwrap_or(0),
    )?;
    let Some(eocd) = tail.len().checked_sub(22).and_then(|last| {
        (0..=last)
            .rev()
            .find(|&i| tail.get(i..i + 4) == Some(&EOCD[..]))
    }) else {
        return Ok(None);
    };
    let parsed = (|| {
        let mut count = u16_at(&tail, eocd + 10)?;
        let mut size = u32_at(&tail, eocd + 12)?;
        let mut offset = u32_at(&tail, eocd + 16)?;
        let mut zip64 = None;
        if count == 0xFFFF || offset == 0xFFFF_FFFF || size == 0xFFFF_FFFF {
            let loc = eocd.checked_sub(20)?;
            if tail.get(loc..loc + 4) != Some(&[0x50, 0x4b, 0x06, 0x07][..]) {
                return None;
            }
            zip64 = Some(u64_at(&tail, loc + 8)?);
        }
        if let Some(z) = zip64 {
            let rec = read_at(f, z, 56).ok()?;
            if rec.get(0..4) != Some(&[0x50, 0x4b, 0x06, 0x06][..]) {
                return None;
            }
            count = u64_at(&rec, 32)?;
            size = u64_at(&rec, 40)?;
            offset = u64_at(&rec, 48)?;
        }
        if size > MAX_DIRECTORY || offset.checked_add(size)? > len {
            return None;
        }
        let dir = read_at(f, offset, usize::try_from(size).ok()?).ok()?;
        parse_directory(&dir, count)
    })();
    Ok(parsed)
}

fn parse_directory(dir: &[u8], count: u64) -> Option<Vec<RawEntry>> {
    let mut at = 0usize;
    let mut out = Vec::new();
    for _ in 0..count {
        if dir.get(at..at + 4) != Some(&[0x50, 0x4b, 0x01, 0x02][..]) {
            return None;
        }
        let mut compressed = u32_at(dir, at + 20)?;
        let mut uncompressed = u32_at(dir, at + 24)?;
        let name_len = usize::try_from(u16_at(dir, at + 28)?).ok()?;
        let extra_len = usize::try_from(u16_at(dir, at + 30)?).ok()?;
        let comment_len = usize::try_from(u16_at(dir, at + 32)?).ok()?;
        let name = dir.get(at + 46..at + 46 + name_len)?.to_vec();
        let extra = dir.get(at + 46 + name_len..at + 46 + name_len + extra_len)?;
        // Zip64 extended information: the sizes that did not fit, in order.
        let mut e = 0;
        while e + 4 <= extra.len() {
            let id = u16_at(extra, e)?;
            let len = usize::try_from(u16_at(extra, e + 2)?).ok()?;
            if id == 1 {
                let mut p = e + 4;
                if uncompressed == 0xFFFF_FFFF {
                    uncompressed = u64_at(extra, p)?;
                    p += 8;
                }
                if compressed == 0xFFFF_FFFF {
                    compressed = u64_at(extra, p)?;
                }
            }
            e += 4 + len;
        }
        out.push(RawEntry {
            name,
            compressed,
            uncompressed,
        });
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(out)
}

/// Why a name is unsafe to extract, if it is: (Vietnamese, English).
#[must_use]
pub fn unsafe_name(name: &[u8]) -> Option<(&'static str, &'static str)> {
    let Ok(s) = std::str::from_utf8(name) else {
        return Some(("tên không phải UTF-8", "the name is not UTF-8"));
    };
    if s.is_empty() {
        return Some(("tên rỗng", "an empty name"));
    }
    if s.contains('\\') {
        return Some((
            "tên có dấu `\\` (đường dẫn kiểu Windows)",
            "the name has a backslash (a Windows path)",
        ));
    }
    if s.starts_with('/') {
        return Some(("đường dẫn tuyệt đối", "an absolute path"));
    }
    let b = s.as_bytes();
    if b.len() >= 2 && b[1] == b':' {
        return Some(("đường dẫn có tên ổ đĩa", "a path with a drive letter"));
    }
    if s.split('/').any(|p| p == "..") {
        return Some((
            "đường dẫn có `..` (trỏ ra ngoài thư mục)",
            "a path with `..` (leading outside)",
        ));
    }
    if s.chars().any(char::is_control) {
        return Some(("tên có ký tự điều khiển", "the name has control characters"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_names() {
        for n in [
            "/etc/passwd",
            "../x",
            "a/../../x",
            "C:/x",
            "a\\..\\x",
            "a\u{0}b",
            "",
        ] {
            assert!(unsafe_name(n.as_bytes()).is_some(), "{n:?}");
        }
        for n in [
            "to-trinh.yaml",
            "dinh-kem/a b.pdf",
            "bao-cao/nguyễn.yaml",
            "x..y",
        ] {
            assert!(unsafe_name(n.as_bytes()).is_none(), "{n:?}");
        }
        assert!(unsafe_name(b"\xff").is_some());
    }

    fn read(bytes: &[u8]) -> Option<Vec<RawEntry>> {
        entries(&mut std::io::Cursor::new(bytes.to_vec())).unwrap_or(None)
    }

    #[test]
    fn garbage_is_not_a_directory() {
        assert_eq!(read(b""), None);
        assert_eq!(read(&[0x50, 0x4b, 0x05, 0x06]), None);
        let mut junk = vec![0u8; 100];
        junk.extend_from_slice(&[
            0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0xff, 0xff,
            0xff, 0x7f, 0, 0,
        ]);
        assert_eq!(read(&junk), None);
    }
}
