//! The layout of a zip, read byte by byte and held to the one layout `dossier pack` writes.
//!
//! Extractors do not read a zip the same way: `unzip`, Python and 7-Zip find the central
//! directory by its size counted back from the end record, others by its offset; `bsdtar`
//! streams the local headers and never looks at the directory; a name can hide in an extra
//! field, a second directory in a comment. A receiving office is told "intact" only when every
//! one of those readings gives the same files, so this reader refuses any archive where they
//! could differ: one end record, at the very end, no comment; the directory ending exactly
//! where the end record begins and starting at its offset; every local header equal to its
//! central record; entries laid end to end from byte 0 with nothing between, before or
//! after; only what `pack` writes (stored or deflated, no encryption, no data descriptor, no
//! zip64, no extra fields, regular files and folders with ordinary permissions).
//!
//! Every offset is bounds-checked: a crafted archive is expected, not exceptional. The cost is
//! one read of the directory and one small read per entry, whatever the archive claims.

use std::io::{self, Read, Seek, SeekFrom};

use crate::diag::Msg;
use crate::msg;

/// One entry, as the central directory and its local header (which agree) describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry {
    /// The name's bytes as stored.
    pub name: Vec<u8>,
    /// Compression method (0 stored, 8 deflated when the layout is sound).
    pub method: u16,
    /// General-purpose flags.
    pub flags: u16,
    /// Declared CRC-32 of the uncompressed data.
    pub crc: u32,
    /// "Version needed", DOS time and date, as one value: compared with the local header's.
    pub stamp: u64,
    /// Declared compressed size.
    pub compressed: u64,
    /// Declared uncompressed size.
    pub uncompressed: u64,
    /// Where its local header starts.
    pub offset: u64,
    /// A folder entry (name ending in `/`).
    pub dir: bool,
}

/// Something about the archive that extractors could read differently, or that `pack` never
/// writes. `entry` is the index of the entry concerned, None for the archive as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The entry, if the problem is one entry's.
    pub entry: Option<usize>,
    /// The layout itself is in doubt (extractors could read different entries): nothing in
    /// the archive is to be read. Otherwise only this entry is unreadable.
    pub fatal: bool,
    /// What is wrong.
    pub what: Msg,
}

/// What the reader found: the entries, and the problems (none for a bundle from `pack`).
#[derive(Debug, Default)]
pub struct Archive {
    /// The central directory's entries, in order.
    pub entries: Vec<RawEntry>,
    /// Why the archive is refused; empty when its layout is the one `pack` writes.
    pub problems: Vec<Problem>,
}

const EOCD: u32 = 0x0605_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const LOCAL: u32 = 0x0403_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;

/// Largest central directory read: a bundle of ten thousand files needs under 1 MB.
const MAX_DIRECTORY: u64 = 64 << 20;
/// Problems listed before the rest are counted: one is enough to refuse.
const MAX_PROBLEMS: usize = 200;
/// Flags `pack` may set: 0x800 (UTF-8 name); 0x2 and 0x4 only describe the deflate level.
const ALLOWED_FLAGS: u16 = 0x0806;

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

/// Read `len` bytes at `offset` (fewer at the end of the file).
fn read_at(f: &mut (impl Read + Seek), offset: u64, len: usize) -> io::Result<Vec<u8>> {
    f.seek(SeekFrom::Start(offset))?;
    let mut buf = Vec::with_capacity(len.min(1 << 20));
    f.take(len as u64).read_to_end(&mut buf)?;
    Ok(buf)
}

/// The problems listed, the count of those beyond [`MAX_PROBLEMS`], and which listed ones say
/// only that an entry carries extra fields (see [`Problems::tool_extras`]).
struct Problems(Vec<Problem>, usize, Vec<usize>);

impl Problems {
    /// A problem that puts the whole layout in doubt.
    fn add(&mut self, entry: Option<usize>, what: Msg) {
        self.push(entry, true, what);
    }

    /// A problem of one entry only: that entry cannot be read as `pack` writes it.
    fn entry(&mut self, entry: usize, what: Msg) {
        self.push(Some(entry), false, what);
    }

    /// A problem that says only that an entry carries the extra fields other zip tools write
    /// (timestamps, Unix owners, NTFS times).
    fn extra(&mut self, entry: usize, fatal: bool, what: Msg) {
        if self.0.len() < MAX_PROBLEMS {
            self.2.push(self.0.len());
        }
        self.push(Some(entry), fatal, what);
    }

    /// A zip made by hand (Windows' "Send to compressed folder", 7-Zip, WinRAR, `zip -r`) gives
    /// every entry extra fields, in the central record and again, different, in the local
    /// header: two findings per file, dozens for one dossier, each about "where a name could
    /// hide". When every entry has them and nothing else of the kind was listed past the limit,
    /// they are said once, as what they most likely are: a bundle not made by `dossier pack`.
    /// It stays refused; only the wording and the count change.
    fn tool_extras(&mut self, entries: usize, with_extras: usize) {
        if entries == 0 || with_extras != entries || self.1 > 0 || self.2.is_empty() {
            return;
        }
        let marked: std::collections::HashSet<usize> = self.2.drain(..).collect();
        let kept: Vec<Problem> = std::mem::take(&mut self.0)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !marked.contains(i))
            .map(|(_, p)| p)
            .collect();
        self.0 = kept;
        self.add(None, msg!("gói không do lệnh dossier pack tạo ra: cả {} tệp trong gói mang thông tin phụ mà các chương trình nén khác (chức năng nén của Windows, 7-Zip, WinRAR) ghi thêm, nên không kiểm chứng được đây là gói nguyên vẹn", entries;
                            "the bundle was not made by dossier pack: all {} files in it carry extra data that other zip programs (Windows' compressed folders, 7-Zip, WinRAR) add, so it cannot be proven intact", entries));
    }

    fn push(&mut self, entry: Option<usize>, fatal: bool, what: Msg) {
        if self.0.len() < MAX_PROBLEMS {
            self.0.push(Problem { entry, fatal, what });
        } else {
            self.1 += 1;
        }
    }

    fn finish(mut self) -> Vec<Problem> {
        if self.1 > 0 {
            let n = self.1;
            self.0.push(Problem {
                entry: None,
                fatal: true,
                what: msg!("và {} chỗ khác không đúng cấu trúc, không liệt kê hết", n; "and {} more places out of layout, not all listed", n),
            });
        }
        self.0
    }
}

/// Read an archive's layout. `Ok(None)`: not a zip at all (no end record anywhere near the
/// end); otherwise the entries and every problem found.
pub fn read(f: &mut (impl Read + Seek)) -> io::Result<Option<Archive>> {
    let len = f.seek(SeekFrom::End(0))?;
    let tail_start = len.saturating_sub(22 + 65_535);
    let tail = read_at(
        f,
        tail_start,
        usize::try_from(len - tail_start).unwrap_or(0),
    )?;
    // The last end-record signature; a bundle from `pack` has it exactly 22 bytes from the end.
    let Some(at) = (0..tail.len().saturating_sub(3))
        .rev()
        .find(|&i| u32_at(&tail, i) == Some(EOCD))
    else {
        return Ok(None);
    };
    let mut p = Problems(Vec::new(), 0, Vec::new());
    let eocd = tail_start + at as u64;
    let field = |i: usize| u16_at(&tail, at + i);
    let (
        Some(disk),
        Some(cd_disk),
        Some(on_disk),
        Some(count),
        Some(size),
        Some(offset),
        Some(comment),
    ) = (
        field(4),
        field(6),
        field(8),
        field(10),
        u32_at(&tail, at + 12),
        u32_at(&tail, at + 16),
        field(20),
    )
    else {
        p.add(
            None,
            msg!("bản ghi kết thúc của tệp zip bị cắt cụt"; "the zip's end record is cut short"),
        );
        return Ok(Some(Archive {
            entries: Vec::new(),
            problems: p.finish(),
        }));
    };
    if comment > 0 {
        p.add(None, msg!("tệp zip có lời chú thích ({} byte) mà dossier pack không bao giờ ghi", comment; "the zip has a comment ({} bytes), which dossier pack never writes", comment));
    }
    let end = eocd + 22 + u64::from(comment);
    if end != len {
        p.add(None, msg!("có {} byte lạ sau bản ghi kết thúc của tệp zip", len.abs_diff(end); "{} unexplained bytes after the zip's end record", len.abs_diff(end)));
    }
    let zip64 = eocd >= 20
        && read_at(f, eocd - 20, 4)?
            .get(..4)
            .and_then(|b| u32_at(b, 0))
            == Some(ZIP64_LOCATOR);
    if zip64 || count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
        p.add(None, msg!("tệp zip dùng định dạng zip64, điều mà dossier pack không làm với một bộ hồ sơ (quá 65 535 tệp hoặc 4 GB)"; "the zip uses zip64, which dossier pack never does for a dossier (over 65,535 files or 4 GB)"));
        return Ok(Some(Archive {
            entries: Vec::new(),
            problems: p.finish(),
        }));
    }
    if disk != 0 || cd_disk != 0 || on_disk != count {
        p.add(None, msg!("tệp zip khai báo nhiều phần (đĩa) khác nhau"; "the zip declares several parts (disks)"));
    }
    let (size, offset) = (u64::from(size), u64::from(offset));
    if offset + size != eocd {
        // Some extractors find the directory from its offset, others from its size counted
        // back from the end record: here they would read two different directories.
        p.add(None, msg!("thư mục trung tâm khai báo ở byte {} dài {} byte nhưng bản ghi kết thúc ở byte {}: các phần mềm giải nén sẽ đọc hai danh sách tệp khác nhau", offset, size, eocd;
                         "the central directory declared at byte {} with {} bytes does not end where the end record starts (byte {}): extractors would read two different lists of files", offset, size, eocd));
        return Ok(Some(Archive {
            entries: Vec::new(),
            problems: p.finish(),
        }));
    }
    if size > MAX_DIRECTORY {
        p.add(None, msg!("thư mục trung tâm quá lớn ({} byte)", size; "the central directory is absurdly large ({} bytes)", size));
        return Ok(Some(Archive {
            entries: Vec::new(),
            problems: p.finish(),
        }));
    }
    let dir = read_at(f, offset, usize::try_from(size).unwrap_or(0))?;
    let (entries, with_extras) = parse_directory(&dir, count, &mut p);
    check_locals(f, &entries, offset, &mut p)?;
    p.tool_extras(entries.len(), with_extras);
    Ok(Some(Archive {
        entries,
        problems: p.finish(),
    }))
}

/// The directory's records, and how many carry extra fields and nothing worse of the kind (no
/// comment, no other disk); a record that cannot be parsed ends the list with a problem.
fn parse_directory(dir: &[u8], count: u16, p: &mut Problems) -> (Vec<RawEntry>, usize) {
    let mut at = 0usize;
    let mut with_extras = 0usize;
    let mut out = Vec::with_capacity(usize::from(count));
    for i in 0..usize::from(count) {
        let Some(rec) = record(dir, at) else {
            p.add(None, msg!("thư mục trung tâm có {} bản ghi hỏng hoặc thiếu (khai báo {} tệp)", usize::from(count) - i, count;
                             "the central directory has {} broken or missing records (it declares {} files)", usize::from(count) - i, count));
            return (out, with_extras);
        };
        let (entry, len, extra, comment, made_by, external, disk) = rec;
        let name = &entry.name;
        let shown = crate::text::file_name::shown(&String::from_utf8_lossy(name));
        if entry.method != 0 && entry.method != 8 {
            p.entry(i, msg!("\"{}\" dùng phương pháp nén số {} (dossier pack chỉ lưu nguyên hoặc nén deflate): không kiểm tra được", shown, entry.method;
                                "\"{}\" uses compression method {} (dossier pack only stores or deflates): it cannot be checked", shown, entry.method));
        }
        if entry.flags & 0x41 != 0 {
            p.entry(i, msg!("\"{}\" được mã hóa: không kiểm tra được", shown; "\"{}\" is encrypted: it cannot be checked", shown));
        } else if entry.flags & !ALLOWED_FLAGS != 0 {
            p.entry(i, msg!("\"{}\" có cờ 0x{:04x} mà dossier pack không đặt (ví dụ kích thước ghi sau dữ liệu)", shown, entry.flags;
                                "\"{}\" has flags 0x{:04x}, which dossier pack never sets (e.g. sizes written after the data)", shown, entry.flags));
        }
        if !name.is_ascii() && entry.flags & 0x800 == 0 {
            p.entry(i, msg!("\"{}\" có tên không phải ASCII mà không đánh dấu UTF-8: mỗi phần mềm giải nén sẽ đọc ra một tên khác", shown;
                                "\"{}\" has a non-ASCII name not marked UTF-8: extractors would each read another name", shown));
        }
        if extra > 0 && comment == 0 && disk == 0 {
            with_extras += 1;
            p.extra(i, false, msg!("\"{}\" mang trường phụ ({} byte), nơi có thể giấu một tên hay kích thước khác", shown, extra;
                                "\"{}\" carries extra fields ({} bytes), where another name or size can hide", shown, extra));
        } else if extra > 0 || comment > 0 || disk != 0 {
            p.entry(i, msg!("\"{}\" mang trường phụ hoặc chú thích ({} + {} byte), nơi có thể giấu một tên hay kích thước khác", shown, extra, comment;
                                "\"{}\" carries extra fields or a comment ({} + {} bytes), where another name or size can hide", shown, extra, comment));
        }
        if let Some(what) = entry_type(&entry, made_by, external) {
            p.entry(
                i,
                msg!("\"{}\" {}", shown, what.vi; "\"{}\" {}", shown, what.en),
            );
        }
        out.push(entry);
        at += len;
    }
    if at != dir.len() {
        p.add(None, msg!("thư mục trung tâm có {} byte không thuộc bản ghi nào", dir.len() - at.min(dir.len());
                         "the central directory has {} bytes that belong to no record", dir.len() - at.min(dir.len())));
    }
    (out, with_extras)
}

type Record = (RawEntry, usize, u16, u16, u16, u32, u16);

/// One central record at `at`: the entry, the record's length, its extra and comment lengths,
/// "version made by", external attributes and disk number.
fn record(dir: &[u8], at: usize) -> Option<Record> {
    if u32_at(dir, at)? != CENTRAL {
        return None;
    }
    let f16 = |i: usize| u16_at(dir, at + i);
    let f32 = |i: usize| u32_at(dir, at + i);
    let (nlen, elen, clen) = (usize::from(f16(28)?), f16(30)?, f16(32)?);
    let name = dir.get(at + 46..at + 46 + nlen)?.to_vec();
    let len = 46 + nlen + usize::from(elen) + usize::from(clen);
    dir.get(at..at + len)?;
    let dir_entry = name.last() == Some(&b'/');
    Some((
        RawEntry {
            name,
            method: f16(10)?,
            flags: f16(8)?,
            crc: f32(16)?,
            stamp: u64::from(f16(6)?) << 32 | u64::from(f32(12)?),
            compressed: u64::from(f32(20)?),
            uncompressed: u64::from(f32(24)?),
            offset: u64::from(f32(42)?),
            dir: dir_entry,
        },
        len,
        elen,
        clen,
        f16(4)?,
        f32(38)?,
        f16(34)?,
    ))
}

/// What is wrong with an entry's type or permissions, if anything: only regular files and
/// folders, without setuid/setgid/sticky bits or write access for everyone.
fn entry_type(e: &RawEntry, made_by: u16, external: u32) -> Option<Msg> {
    let host = made_by >> 8;
    if host != 0 && host != 3 {
        return Some(
            msg!("được tạo trên hệ thống số {}, nơi thuộc tính tệp được hiểu khác nhau (dossier pack ghi kiểu Unix)", host;
                         "was made on system {}, whose file attributes extractors read differently (dossier pack writes Unix ones)", host),
        );
    }
    let dos_dir = external & 0x10 != 0;
    let mode = if host == 3 { external >> 16 } else { 0 };
    let kind = mode & 0o170_000;
    if kind == 0o120_000 {
        return Some(
            msg!("là một liên kết tượng trưng (symlink): khi giải nén nó trỏ tới tệp khác"; "is a symbolic link: extracted, it leads to another file"),
        );
    }
    // No type bits at all (Python's `writestr` writes 0600 alone) is read as a plain file.
    if kind != 0 && kind != 0o100_000 && kind != 0o040_000 {
        return Some(
            msg!("không phải tệp thường hay thư mục (thiết bị, ống dẫn hoặc cổng kết nối; kiểu {:o})", kind; "is neither a regular file nor a folder (a device, pipe or socket; type {:o})", kind),
        );
    }
    if mode & 0o7000 != 0 {
        return Some(
            msg!("có quyền đặc biệt (setuid, setgid hoặc sticky: {:o})", mode & 0o7777; "has special permissions (setuid, setgid or sticky: {:o})", mode & 0o7777),
        );
    }
    if mode & 0o002 != 0 {
        return Some(
            msg!("cho mọi người quyền ghi ({:o})", mode & 0o7777; "is writable by everyone ({:o})", mode & 0o7777),
        );
    }
    let is_dir = kind == 0o040_000 || dos_dir;
    if is_dir != e.dir || (e.dir && (kind == 0o100_000 || e.compressed != 0 || e.uncompressed != 0))
    {
        return Some(
            msg!("vừa được khai báo là tệp vừa là thư mục"; "is declared both a file and a folder"),
        );
    }
    None
}

/// Each local header must equal its central record, and the entries must follow each other
/// from byte 0 to the directory with no byte unaccounted for (no overlap: many names sharing
/// one data range is the "better zip bomb").
fn check_locals(
    f: &mut (impl Read + Seek),
    entries: &[RawEntry],
    directory: u64,
    p: &mut Problems,
) -> io::Result<()> {
    let mut next = 0u64;
    for (i, e) in entries.iter().enumerate() {
        let shown = crate::text::file_name::shown(&String::from_utf8_lossy(&e.name));
        if e.offset != next {
            if e.offset < next {
                p.add(Some(i), msg!("\"{}\" dùng chung dữ liệu với tệp trước nó (các mục chồng lên nhau: kiểu bom nén)", shown;
                                    "\"{}\" shares data with the entry before it (overlapping entries: a zip bomb pattern)", shown));
            } else {
                p.add(Some(i), msg!("có {} byte lạ trước \"{}\"", e.offset - next, shown; "{} unexplained bytes before \"{}\"", e.offset - next, shown));
            }
        }
        let head = read_at(f, e.offset, 30 + e.name.len())?;
        let local = (|| {
            if u32_at(&head, 0)? != LOCAL {
                return None;
            }
            let nlen = usize::from(u16_at(&head, 26)?);
            Some((
                u16_at(&head, 6)?,
                u16_at(&head, 8)?,
                u32_at(&head, 18)?,
                u32_at(&head, 22)?,
                head.get(30..30 + nlen)?.to_vec(),
                u16_at(&head, 28)?,
            ))
        })();
        let Some((flags, method, csize, usize_, name, extra)) = local else {
            p.add(Some(i), msg!("không tìm thấy phần đầu cục bộ của \"{}\" ở byte {}", shown, e.offset; "the local header of \"{}\" is not at byte {}", shown, e.offset));
            next = next.max(e.offset);
            continue;
        };
        // What differs, named in each language: (Vietnamese, English).
        let mut differs: Vec<(&str, &str)> = Vec::new();
        if name != e.name {
            differs.push(("tên", "name"));
        }
        if flags != e.flags {
            differs.push(("cờ", "flags"));
        }
        if method != e.method {
            differs.push(("cách nén", "method"));
        }
        if u64::from(csize) != e.compressed || u64::from(usize_) != e.uncompressed {
            differs.push(("kích thước", "sizes"));
        }
        if extra != 0 {
            differs.push(("trường phụ", "extra"));
        }
        let stamp = (|| Some(u64::from(u16_at(&head, 4)?) << 32 | u64::from(u32_at(&head, 10)?)))();
        if stamp != Some(e.stamp) {
            differs.push(("phiên bản hoặc thời điểm ghi", "version or time"));
        }
        if u32_at(&head, 14) != Some(e.crc) {
            differs.push(("mã kiểm tra CRC", "CRC"));
        }
        // Extra fields alone (another zip program's timestamps) are said once for the whole
        // bundle when every entry has them: see `Problems::tool_extras`.
        if differs.len() == 1 && extra != 0 {
            let local_name = crate::text::file_name::shown(&String::from_utf8_lossy(&name));
            p.extra(i, true, msg!("phần đầu cục bộ của \"{}\" khác bản ghi trung tâm (trường phụ; tên cục bộ \"{}\"): phần mềm đọc tuần tự như bsdtar sẽ giải nén ra thứ khác", shown, local_name;
                                  "the local header of \"{}\" disagrees with its central record (extra; local name \"{}\"): a streaming extractor such as bsdtar would extract something else", shown, local_name));
        } else if !differs.is_empty() {
            let local_name = crate::text::file_name::shown(&String::from_utf8_lossy(&name));
            let vi: Vec<&str> = differs.iter().map(|d| d.0).collect();
            let en: Vec<&str> = differs.iter().map(|d| d.1).collect();
            let (vi, en) = (vi.join(", "), en.join(", "));
            p.add(Some(i), msg!("phần đầu cục bộ của \"{}\" khác bản ghi trung tâm ({}; tên cục bộ \"{}\"): phần mềm đọc tuần tự như bsdtar sẽ giải nén ra thứ khác", shown, vi, local_name;
                                "the local header of \"{}\" disagrees with its central record ({}; local name \"{}\"): a streaming extractor such as bsdtar would extract something else", shown, en, local_name));
        }
        next = e.offset + 30 + name.len() as u64 + u64::from(extra) + e.compressed;
    }
    if next != directory && p.0.is_empty() {
        p.add(None, msg!("dữ liệu các tệp kết thúc ở byte {} nhưng thư mục trung tâm bắt đầu ở byte {}", next, directory;
                         "the entries' data ends at byte {} but the central directory starts at byte {}", next, directory));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::io::{Cursor, Write};

    fn read_bytes(bytes: &[u8]) -> Option<Archive> {
        read(&mut Cursor::new(bytes.to_vec())).unwrap_or(None)
    }

    /// A small archive as `pack` writes it: stored and deflated entries, a UTF-8 name.
    fn sample() -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = |stored: bool| {
            zip::write::SimpleFileOptions::default()
                .unix_permissions(0o644)
                .compression_method(if stored {
                    zip::CompressionMethod::Stored
                } else {
                    zip::CompressionMethod::Deflated
                })
        };
        for (name, stored, data) in [
            ("DANH-MUC.pdf", true, b"%PDF-1.4 cover".as_slice()),
            (
                "bao-cao/nguyễn.yaml",
                false,
                b"ma: nguyen\nten: x\n".as_slice(),
            ),
            ("SHA256SUMS", false, b"# sums\n".as_slice()),
        ] {
            w.start_file(name, opts(stored)).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_packed_layout_has_no_problem() {
        let a = read_bytes(&sample()).unwrap();
        assert_eq!(a.problems, Vec::new());
        assert_eq!(a.entries.len(), 3);
        assert_eq!(a.entries[1].name, "bao-cao/nguyễn.yaml".as_bytes());
    }

    #[test]
    fn garbage_is_not_a_directory() {
        assert!(read_bytes(b"").is_none());
        let junk = [
            &[0u8; 100][..],
            &[0x50, 0x4b, 0x05, 0x06][..],
            &[0xff; 18][..],
        ]
        .concat();
        assert!(!read_bytes(&junk).unwrap().problems.is_empty());
    }

    /// Mutations of a real archive: the reader never panics, and whenever it finds no problem,
    /// the zip library and a streaming reader (as `bsdtar` reads) see the same names in the
    /// same order, with the same sizes.
    #[test]
    fn accepted_mutations_read_the_same_every_way() {
        let base = sample();
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut accepted = 0;
        for _ in 0..3000 {
            let mut m = base.clone();
            let len = m.len() as u64;
            match next() % 4 {
                0 => {
                    let i = (next() % len) as usize;
                    m[i] ^= 1 << (next() % 8);
                }
                1 => {
                    let i = (next() % len) as usize;
                    m[i] = (next() % 256) as u8;
                }
                2 => m.truncate((next() % len) as usize),
                _ => {
                    let i = (next() % len) as usize;
                    m.insert(i, (next() % 256) as u8);
                }
            }
            let Some(a) = read_bytes(&m) else { continue };
            if !a.problems.is_empty() {
                continue;
            }
            accepted += 1;
            let Ok(mut lib) = zip::ZipArchive::new(Cursor::new(m.clone())) else {
                panic!("accepted but the zip library cannot open it");
            };
            let names: Vec<Vec<u8>> = (0..lib.len())
                .map(|i| lib.by_index_raw(i).unwrap().name_raw().to_vec())
                .collect();
            let ours: Vec<Vec<u8>> = a.entries.iter().map(|e| e.name.clone()).collect();
            assert_eq!(names, ours);
            let mut stream = Cursor::new(m.clone());
            for e in &a.entries {
                let f = zip::read::read_zipfile_from_stream(&mut stream)
                    .unwrap()
                    .unwrap();
                assert_eq!(f.name_raw(), &e.name[..]);
                assert_eq!(f.compressed_size(), e.compressed);
            }
        }
        assert!(accepted > 0);
    }
}
