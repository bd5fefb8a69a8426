//! The zip around a workbook (xlsx, ods), checked byte by byte before any part is inflated, so
//! that every reader of the file finds the same parts in it.
//!
//! A zip describes each part twice, in its local header (read by streaming tools) and in the
//! central directory (read by Excel, LibreOffice and the zip library here); a crafted file can
//! make the two disagree, give one name twice (`xl/worksheets/sheet1.xml` twice, or once as
//! `XL\worksheets\sheet1.xml`), declare a size past the end of the file, or lay two names on
//! one range of bytes. The office program then shows one sheet and a reader may import
//! another. `verify`'s reader of bundles (`verify::central`) holds a zip to the one layout
//! `pack` writes, which office programs do not (data descriptors, extra fields); this check
//! accepts what Excel, LibreOffice and the common libraries write, and refuses, naming the
//! part, whatever could be read two ways:
//!
//! - one end record, with the directory ending exactly where it starts (or where the zip64
//!   end record starts, which ends where its locator does); zip64 sizes (which some writers
//!   give small parts too) read from the zip64 extra field where the 32-bit field says so;
//! - at most [`MAX_ZIP_ENTRIES`] entries, each name a plain part name (no `\`, no `.` or `..`
//!   segment, no leading `/`, no control character), no two names equal without case;
//! - each local header at its offset, with the central record's name, method and flags, and
//!   (unless a data descriptor follows the data) its CRC and sizes; a data descriptor agreeing
//!   with the central record;
//! - each entry's data inside the file, before the directory; the entries laid end to end
//!   from byte 0 to the directory, none sharing bytes, none hidden between; a stored entry as
//!   long inflated as deflated;
//! - the declared inflated sizes within [`MAX_INFLATED_BYTES`].
//!
//! The sizes so checked are the ones the zip library then holds each part to: it stops with an
//! error at a byte past the declared size, and compares the CRC at the end of each part, which
//! the readers always read to its end.
//!
//! Cost: one read of the end of the file and of the directory (bounded), one small read per
//! entry; nothing is inflated.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use super::{TableError, MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES};

const EOCD: u32 = 0x0605_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;
const DESCRIPTOR: u32 = 0x0807_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;
const ZIP64_END: u32 = 0x0606_4b50;
/// A 32-bit field that says "see the zip64 extra field".
const MASK32: u32 = 0xFFFF_FFFF;

/// Largest central directory read: [`MAX_ZIP_ENTRIES`] entries with names of a few hundred
/// bytes.
const MAX_DIRECTORY: u64 = 8 << 20;

/// What is wrong with the zip around a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZipFault {
    /// The end record is cut, or the directory is not where it says (bytes before, between
    /// or after it that some reader would take for entries).
    Directory,
    /// A central record cut short or not a record.
    Record,
    /// A name that aliases another part by a readers' convention: a backslash, a `.` or `..`
    /// segment, a leading `/`, an empty segment, a control character.
    Name,
    /// The local header is missing or disagrees with the central record (what differs).
    Local(&'static str, &'static str),
    /// The data runs past the directory or the end of the file.
    PastEnd,
    /// The data overlaps another entry's.
    Overlap,
    /// Bytes no entry accounts for, before this part.
    Gap(u64),
    /// Bytes no entry accounts for, before the directory.
    GapEnd(u64),
    /// A stored entry whose two sizes differ, or a data descriptor that disagrees.
    Sizes,
    /// More than [`MAX_ZIP_ENTRIES`] entries.
    TooMany,
    /// The part's bytes, inflated, do not have the CRC the zip declares.
    Crc,
    /// The part inflates to more bytes than the zip declares.
    Longer,
}

impl ZipFault {
    /// In English.
    #[must_use]
    pub fn en(&self) -> String {
        match self {
            ZipFault::Directory => "its zip directory is not where its end record says, or is cut short".into(),
            ZipFault::Record => "a record of its zip directory is cut short".into(),
            ZipFault::Name => "the part's name is not a plain part name (a backslash, a \".\" or \"..\" segment, a leading \"/\" or a control character): readers would take it for another part".into(),
            ZipFault::Local(_, en) => format!("the part's local header disagrees with the zip directory ({en})"),
            ZipFault::PastEnd => "the part's data runs past the end of the file".into(),
            ZipFault::Overlap => "the part's data overlaps another part's".into(),
            ZipFault::Gap(n) => format!("{n} bytes before it belong to no part (where a streaming reader would find another)"),
            ZipFault::GapEnd(n) => format!("{n} bytes before its directory belong to no part (where a streaming reader would find another)"),
            ZipFault::Sizes => "the part's declared sizes disagree".into(),
            ZipFault::TooMany => format!("it holds more than {MAX_ZIP_ENTRIES} parts"),
            ZipFault::Crc => "the part's bytes do not have the checksum (CRC) the zip declares for them".into(),
            ZipFault::Longer => "the part inflates to more bytes than the zip declares".into(),
        }
    }

    /// In Vietnamese.
    #[must_use]
    pub fn vi(&self) -> String {
        match self {
            ZipFault::Directory => "danh mục zip không nằm ở chỗ bản ghi cuối khai báo, hoặc bị cắt cụt".into(),
            ZipFault::Record => "một bản ghi của danh mục zip bị cắt cụt".into(),
            ZipFault::Name => "tên phần không phải tên phần thông thường (có dấu \\, đoạn \".\" hay \"..\", dấu \"/\" ở đầu hoặc ký tự điều khiển): phần mềm khác sẽ hiểu là một phần khác".into(),
            ZipFault::Local(vi, _) => format!("phần đầu cục bộ của phần này khác danh mục zip ({vi})"),
            ZipFault::PastEnd => "dữ liệu của phần này vượt quá cuối tệp".into(),
            ZipFault::Overlap => "dữ liệu của phần này chồng lên dữ liệu của phần khác".into(),
            ZipFault::Gap(n) => format!("có {n} byte trước nó không thuộc phần nào (nơi phần mềm đọc tuần tự sẽ thấy một phần khác)"),
            ZipFault::GapEnd(n) => format!("có {n} byte trước danh mục zip không thuộc phần nào (nơi phần mềm đọc tuần tự sẽ thấy một phần khác)"),
            ZipFault::Sizes => "các kích thước khai báo của phần này không khớp nhau".into(),
            ZipFault::TooMany => format!("tệp có hơn {MAX_ZIP_ENTRIES} phần"),
            ZipFault::Crc => "dữ liệu của phần này không khớp mã kiểm tra (CRC) mà tệp nén khai báo".into(),
            ZipFault::Longer => "phần này giải nén ra nhiều byte hơn tệp nén khai báo".into(),
        }
    }
}

/// One entry as its central record describes it.
struct Entry {
    name: Vec<u8>,
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u64,
    size: u64,
    offset: u64,
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(i..i.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(i..i.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn u64_at(b: &[u8], i: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        b.get(i..i.checked_add(8)?)?.try_into().ok()?,
    ))
}

/// The zip64 extended information (header 0x0001) among an entry's extra fields.
fn zip64_extra(extra: &[u8]) -> Option<&[u8]> {
    let mut at = 0usize;
    while let (Some(id), Some(len)) = (u16_at(extra, at), u16_at(extra, at + 2)) {
        let data = extra.get(at + 4..at + 4 + usize::from(len))?;
        if id == 1 {
            return Some(data);
        }
        at += 4 + usize::from(len);
    }
    None
}

/// The 64-bit values that stand for 32-bit fields set to [`MASK32`], in the order given: the
/// zip64 field holds only those.
fn widened(fields: &[u32], extra: &[u8]) -> Option<Vec<u64>> {
    let mut at = 0usize;
    let mut out = Vec::with_capacity(fields.len());
    for &f in fields {
        if f == MASK32 {
            out.push(u64_at(zip64_extra(extra)?, at)?);
            at += 8;
        } else {
            out.push(u64::from(f));
        }
    }
    Some(out)
}

/// Read up to `len` bytes at `offset`.
fn read_at(f: &mut File, offset: u64, len: u64) -> std::io::Result<Vec<u8>> {
    f.seek(SeekFrom::Start(offset))?;
    let mut buf = Vec::new();
    f.take(len).read_to_end(&mut buf)?;
    Ok(buf)
}

fn fault(part: &[u8], fault: ZipFault) -> TableError {
    TableError::ZipDamaged {
        part: super::printable(&String::from_utf8_lossy(part), 120),
        fault,
    }
}

/// Check the zip around a workbook. A file without a zip end record passes, for its reader to
/// say what it is (an old .xls named .xlsx, an encrypted workbook, not a spreadsheet).
pub(super) fn check(path: &Path) -> Result<(), TableError> {
    let mut f = File::open(path)?;
    let len = f.seek(SeekFrom::End(0))?;
    let tail_start = len.saturating_sub(22 + 65_535);
    let tail = read_at(&mut f, tail_start, len - tail_start)?;
    // The last end record whose comment reaches exactly the end of the file; else the last.
    let found = (0..tail.len().saturating_sub(21))
        .rev()
        .filter(|&i| u32_at(&tail, i) == Some(EOCD))
        .find(|&i| u16_at(&tail, i + 20).map(|c| i + 22 + usize::from(c)) == Some(tail.len()))
        .or_else(|| {
            (0..tail.len().saturating_sub(3))
                .rev()
                .find(|&i| u32_at(&tail, i) == Some(EOCD))
        });
    let Some(at) = found else {
        return Ok(());
    };
    let eocd = tail_start + at as u64;
    let whole = |what| fault(b"", what);
    let field16 = |i: usize| u16_at(&tail, at + i).ok_or_else(|| whole(ZipFault::Directory));
    let field32 = |i: usize| u32_at(&tail, at + i).ok_or_else(|| whole(ZipFault::Directory));
    let (disk, cd_disk, on_disk, count) = (field16(4)?, field16(6)?, field16(8)?, field16(10)?);
    let (size, offset, comment) = (field32(12)?, field32(16)?, field16(20)?);
    if usize::from(count) > MAX_ZIP_ENTRIES && count != 0xFFFF {
        return Err(whole(ZipFault::TooMany));
    }
    let (size, offset) = (u64::from(size), u64::from(offset));
    if disk != 0 || cd_disk != 0 || on_disk != count || eocd + 22 + u64::from(comment) != len {
        return Err(whole(ZipFault::Directory));
    }
    let locator = if eocd >= 20 {
        read_at(&mut f, eocd - 20, 20)?
    } else {
        Vec::new()
    };
    // What the directory holds, and where it must end.
    let (count, size, offset, dir_end) = if u32_at(&locator, 0) == Some(ZIP64_LOCATOR) {
        zip64_end(&mut f, &locator, eocd - 20, (count, size, offset))?
    } else {
        (u64::from(count), size, offset, eocd)
    };
    if count > MAX_ZIP_ENTRIES as u64 {
        return Err(whole(ZipFault::TooMany));
    }
    if offset.checked_add(size) != Some(dir_end) || size > MAX_DIRECTORY {
        return Err(whole(ZipFault::Directory));
    }
    let dir = read_at(&mut f, offset, size)?;
    let entries = directory(&dir, usize::try_from(count).unwrap_or(usize::MAX))?;
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut total: u64 = 0;
    let mut spans: Vec<(u64, u64, usize)> = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        let name = std::str::from_utf8(&e.name).map_err(|_| fault(&e.name, ZipFault::Name))?;
        if !plain(name) {
            return Err(fault(&e.name, ZipFault::Name));
        }
        // Compared as OPC compares names, without case: Excel reads one of the two and a
        // reader might read the other.
        if names.insert(name.to_lowercase(), i).is_some() {
            return Err(TableError::DuplicatePart(super::printable(name, 120)));
        }
        total = total.saturating_add(e.size);
        if total > MAX_INFLATED_BYTES {
            return Err(TableError::Inflated(total));
        }
        if e.method == 0 && e.compressed != e.size {
            return Err(fault(&e.name, ZipFault::Sizes));
        }
        let end = local(&mut f, e, offset)?;
        spans.push((e.offset, end, i));
    }
    spans.sort_unstable();
    // Laid end to end from byte 0 to the directory, as office programs write them: bytes
    // between entries are where a streaming reader finds a part the directory does not list.
    let mut next = 0u64;
    for &(start, end, i) in &spans {
        let name = entries.get(i).map_or(&[][..], |e| &e.name[..]);
        if start < next {
            return Err(fault(name, ZipFault::Overlap));
        }
        if start > next {
            return Err(fault(name, ZipFault::Gap(start - next)));
        }
        next = end;
    }
    if next != offset {
        return Err(whole(ZipFault::GapEnd(offset.saturating_sub(next))));
    }
    Ok(())
}

/// The zip64 end record its locator (at `at`) points to: the entry count, the directory's size
/// and offset, and where the directory must end (where the record starts). The record must end
/// where the locator starts, and the 32-bit end record say the same or "see zip64".
fn zip64_end(
    f: &mut File,
    locator: &[u8],
    at: u64,
    (count, size, offset): (u16, u64, u64),
) -> Result<(u64, u64, u64, u64), TableError> {
    let bad = || fault(b"", ZipFault::Directory);
    let start = u64_at(locator, 8).ok_or_else(bad)?;
    if u32_at(locator, 4) != Some(0) || u32_at(locator, 16) != Some(1) || start >= at {
        return Err(bad());
    }
    let rec = read_at(f, start, 56)?;
    let field = |i| u64_at(&rec, i).ok_or_else(bad);
    if u32_at(&rec, 0) != Some(ZIP64_END)
        || field(4)?.checked_add(start + 12) != Some(at)
        || u32_at(&rec, 16) != Some(0)
        || u32_at(&rec, 20) != Some(0)
        || field(24)? != field(32)?
    {
        return Err(bad());
    }
    let (count64, size64, offset64) = (field(32)?, field(40)?, field(48)?);
    let agrees = |small: u64, mask: u64, big: u64| small == mask || small == big;
    if !agrees(u64::from(count), 0xFFFF, count64)
        || !agrees(size, u64::from(MASK32), size64)
        || !agrees(offset, u64::from(MASK32), offset64)
    {
        return Err(bad());
    }
    Ok((count64, size64, offset64, start))
}

/// The central directory's records; exactly `count` of them, filling it.
fn directory(dir: &[u8], count: usize) -> Result<Vec<Entry>, TableError> {
    let mut out = Vec::with_capacity(count.min(MAX_ZIP_ENTRIES));
    let mut at = 0usize;
    let bad = || fault(b"", ZipFault::Record);
    for _ in 0..count {
        if u32_at(dir, at) != Some(CENTRAL) {
            return Err(bad());
        }
        let f16 = |i: usize| u16_at(dir, at + i).ok_or_else(bad);
        let f32 = |i: usize| u32_at(dir, at + i).ok_or_else(bad);
        let (nlen, elen, clen) = (
            usize::from(f16(28)?),
            usize::from(f16(30)?),
            usize::from(f16(32)?),
        );
        let name = dir.get(at + 46..at + 46 + nlen).ok_or_else(bad)?.to_vec();
        let extra = dir
            .get(at + 46 + nlen..at + 46 + nlen + elen)
            .ok_or_else(bad)?;
        // In the zip64 field's order: inflated size, deflated size, offset.
        let wide = widened(&[f32(24)?, f32(20)?, f32(42)?], extra);
        let (Some(&[size, compressed, offset]), 0) = (wide.as_deref(), f16(34)?) else {
            return Err(fault(&name, ZipFault::Record));
        };
        out.push(Entry {
            flags: f16(8)?,
            method: f16(10)?,
            crc: f32(16)?,
            compressed,
            size,
            offset,
            name,
        });
        at += 46 + nlen + elen + clen;
        if at > dir.len() {
            return Err(bad());
        }
    }
    if at != dir.len() {
        return Err(fault(b"", ZipFault::Directory));
    }
    Ok(out)
}

/// Whether a part name is read the same by every reader: segments of printable characters
/// separated by single `/`, none `.` or `..`, no `\`. (A folder entry ends in `/`.)
fn plain(name: &str) -> bool {
    let trimmed = name.strip_suffix('/').unwrap_or(name);
    !trimmed.is_empty()
        && !name.contains('\\')
        && !name.chars().any(char::is_control)
        && trimmed
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..")
}

/// Check an entry's local header (and data descriptor) against its central record; the end of
/// its bytes in the file.
fn local(f: &mut File, e: &Entry, directory: u64) -> Result<u64, TableError> {
    let name = &e.name;
    let head = read_at(f, e.offset, 30 + name.len() as u64 + 0xFFFF)?;
    let differs = |vi, en| fault(name, ZipFault::Local(vi, en));
    if u32_at(&head, 0) != Some(LOCAL) {
        return Err(differs("không có ở chỗ khai báo", "not where declared"));
    }
    let get16 = |i| u16_at(&head, i).ok_or_else(|| fault(name, ZipFault::PastEnd));
    let get32 = |i| u32_at(&head, i).ok_or_else(|| fault(name, ZipFault::PastEnd));
    let (flags, method) = (get16(6)?, get16(8)?);
    let (crc, compressed, size) = (get32(14)?, get32(18)?, get32(22)?);
    let (nlen, elen) = (get16(26)?, get16(28)?);
    if usize::from(nlen) != name.len() || head.get(30..30 + name.len()) != Some(&name[..]) {
        return Err(differs("tên", "name"));
    }
    if method != e.method {
        return Err(differs("cách nén", "method"));
    }
    // Bit 0: encrypted; bit 3: CRC and sizes in a descriptor after the data.
    if flags & 0x9 != e.flags & 0x9 {
        return Err(differs("cờ", "flags"));
    }
    let extra = head
        .get(30 + name.len()..30 + name.len() + usize::from(elen))
        .ok_or_else(|| fault(name, ZipFault::PastEnd))?;
    let descriptor = flags & 0x8 != 0;
    if !descriptor {
        if crc != e.crc {
            return Err(differs("mã kiểm tra CRC", "CRC"));
        }
        // A zip64 local header gives both sizes in its extra field.
        let sizes = if size == MASK32 || compressed == MASK32 {
            zip64_extra(extra).and_then(|z| Some((u64_at(z, 0)?, u64_at(z, 8)?)))
        } else {
            Some((u64::from(size), u64::from(compressed)))
        };
        if sizes != Some((e.size, e.compressed)) {
            return Err(differs("kích thước", "sizes"));
        }
    }
    let data = e.offset + 30 + u64::from(nlen) + u64::from(elen);
    let mut end = data.saturating_add(e.compressed);
    if end > directory {
        return Err(fault(name, ZipFault::PastEnd));
    }
    if descriptor {
        // CRC and sizes after the data, with or without a signature; sizes of 8 bytes for a
        // zip64 entry.
        let d = read_at(f, end, 24)?;
        let skip = if u32_at(&d, 0) == Some(DESCRIPTOR) {
            4
        } else {
            0
        };
        let (len, sizes) = if zip64_extra(extra).is_some() {
            (20, (u64_at(&d, skip + 4), u64_at(&d, skip + 12)))
        } else {
            let narrow = |i| u32_at(&d, i).map(u64::from);
            (12, (narrow(skip + 4), narrow(skip + 8)))
        };
        if u32_at(&d, skip) != Some(e.crc) || sizes != (Some(e.compressed), Some(e.size)) {
            return Err(fault(name, ZipFault::Sizes));
        }
        end += skip as u64 + len;
        if end > directory {
            return Err(fault(name, ZipFault::PastEnd));
        }
    }
    Ok(end)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn zips(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                zips(&p, out);
            } else if p
                .extension()
                .is_some_and(|x| x == "xlsx" || x == "ods" || x == "xlsm")
            {
                out.push(p);
            }
        }
    }

    /// Every workbook of the fixtures passes: Excel's, openpyxl's, odfpy's, and LibreOffice's
    /// (data descriptors after every deflated part).
    #[test]
    fn office_programs_files_pass() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        zips(&root.join("tests/fixtures"), &mut files);
        zips(&root.join("examples"), &mut files);
        assert!(files.len() > 50);
        let lo = files
            .iter()
            .filter(|f| f.to_string_lossy().contains("lo"))
            .count();
        assert!(lo > 5);
        for f in files {
            assert!(check(&f).is_ok(), "{}: {:?}", f.display(), check(&f));
        }
    }

    /// Mutations of a real workbook (bytes flipped, set, cut, inserted): the check never
    /// panics, and whatever it accepts the zip library reads as the directory says: each part
    /// to its declared size, or an error (a CRC caught at the end), never more.
    #[test]
    fn mutations_never_panic_and_what_passes_reads_as_declared() {
        use std::io::Read;
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let base = std::fs::read(root.join("tests/fixtures/lists/xlsx/kinds-lo.xlsx")).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.xlsx");
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut accepted = 0;
        for _ in 0..1500 {
            let mut m = base.clone();
            let len = m.len() as u64;
            let i = (next() % len) as usize;
            match next() % 4 {
                0 => m[i] ^= 1 << (next() % 8),
                1 => m[i] = (next() % 256) as u8,
                2 => m.truncate(i),
                _ => m.insert(i, (next() % 256) as u8),
            }
            std::fs::write(&path, &m).unwrap();
            if check(&path).is_err() {
                continue;
            }
            let Ok(mut zip) = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()) else {
                continue;
            };
            accepted += 1;
            for k in 0..zip.len() {
                let Ok(mut entry) = zip.by_index(k) else {
                    continue;
                };
                let declared = entry.size();
                let mut got = Vec::new();
                if entry.read_to_end(&mut got).is_ok() {
                    assert_eq!(got.len() as u64, declared);
                }
            }
        }
        assert!(accepted > 0);
    }

    #[test]
    fn plain_names() {
        for ok in [
            "xl/workbook.xml",
            "[Content_Types].xml",
            "Pictures/",
            "a b/c",
        ] {
            assert!(plain(ok), "{ok}");
        }
        for bad in [
            "xl\\workbook.xml",
            "/xl/workbook.xml",
            "xl//workbook.xml",
            "xl/./workbook.xml",
            "xl/x/../workbook.xml",
            "..",
            "",
            "/",
            "xl/work\u{0}book.xml",
        ] {
            assert!(!plain(bad), "{bad:?}");
        }
    }
}
