//! The one stream an .xls file is read for, out of its compound file (OLE2 "structured
//! storage", MS-CFB): a small reader of our own over the bytes already in memory.
//!
//! Why not the `cfb` crate: it opens a file through `Read + Seek`, validates and caches the whole
//! structure, and its history records panics and endless loops on malformed files
//! (mdsteele/rust-cfb#7, #18: eleven crashing files and thousands of timeouts from one fuzzing
//! run). An .xls needs one stream found under the root; this file reads exactly that, with every
//! sector number checked against the file and every chain bounded by the number of sectors the
//! file has, so a cycle in a chain ends in an error and nothing is allocated by a size the file
//! declares beyond the bytes it holds.

/// Why the compound file could not give its stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum CfbError {
    /// Not a compound file at all (another file named .xls: HTML, CSV, an xlsx renamed).
    NotCompound,
    /// A compound file whose structure is damaged (a sector outside the file, a chain that
    /// loops or ends early).
    Damaged,
}

const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Sector numbers at and above this are markers (free, end of chain, FAT, DIFAT), not sectors.
const MAX_REGULAR: u32 = 0xFFFF_FFFA;
const DIR_ENTRY: usize = 128;
const MINI_SECTOR: usize = 64;

/// A compound file held in memory.
pub(super) struct Compound<'a> {
    data: &'a [u8],
    /// 512 or 4096.
    sector: usize,
    /// Version 3 files keep only the low 32 bits of a stream size meaningful.
    major: u16,
    /// The sectors holding the allocation table, in order.
    fat_sectors: Vec<u32>,
    /// Streams smaller than this live in the mini stream.
    mini_cutoff: u64,
    first_mini_fat: u32,
    first_dir: u32,
}

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(d.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(d: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(d.get(at..at + 8)?.try_into().ok()?))
}

impl<'a> Compound<'a> {
    /// Read the header and the list of allocation-table sectors.
    pub(super) fn open(data: &'a [u8]) -> Result<Compound<'a>, CfbError> {
        if data.get(..8) != Some(&SIGNATURE[..]) {
            return Err(CfbError::NotCompound);
        }
        let h = data.get(..512).ok_or(CfbError::Damaged)?;
        let major = u16_at(h, 0x1A).ok_or(CfbError::Damaged)?;
        let shift = u16_at(h, 0x1E).ok_or(CfbError::Damaged)?;
        let sector = match (major, shift) {
            (3, 9) => 512,
            (4, 12) => 4096,
            _ => return Err(CfbError::Damaged),
        };
        let field = |at| u32_at(h, at).ok_or(CfbError::Damaged);
        let num_fat = field(0x2C)? as usize;
        let first_dir = field(0x30)?;
        let mini_cutoff = u64::from(field(0x38)?);
        let first_mini_fat = field(0x3C)?;
        let mut difat_next = field(0x44)?;
        let mut c = Compound {
            data,
            sector,
            major,
            fat_sectors: Vec::new(),
            mini_cutoff,
            first_mini_fat,
            first_dir,
        };
        // Never more allocation-table sectors than the file has sectors.
        let limit = num_fat.min(c.sector_count());
        for i in 0..109 {
            if c.fat_sectors.len() >= limit {
                break;
            }
            let s = field(0x4C + 4 * i)?;
            if s > MAX_REGULAR {
                break;
            }
            c.fat_sectors.push(s);
        }
        let mut steps = 0;
        while c.fat_sectors.len() < limit && difat_next <= MAX_REGULAR {
            steps += 1;
            if steps > c.sector_count() {
                return Err(CfbError::Damaged);
            }
            let d = c.sector_bytes(difat_next)?;
            let per = sector / 4 - 1;
            for i in 0..per {
                if c.fat_sectors.len() >= limit {
                    break;
                }
                let s = u32_at(d, 4 * i).ok_or(CfbError::Damaged)?;
                if s > MAX_REGULAR {
                    break;
                }
                c.fat_sectors.push(s);
            }
            difat_next = u32_at(d, 4 * per).ok_or(CfbError::Damaged)?;
        }
        Ok(c)
    }

    /// How many sectors the file holds (a last sector cut short counts).
    fn sector_count(&self) -> usize {
        (self.data.len().saturating_sub(512)).div_ceil(self.sector)
    }

    /// A sector's bytes; the file's last sector may be shorter than the others (writers leave
    /// it unpadded).
    fn sector_bytes(&self, n: u32) -> Result<&'a [u8], CfbError> {
        let start = (n as usize)
            .checked_add(1)
            .and_then(|k| k.checked_mul(self.sector))
            .ok_or(CfbError::Damaged)?;
        if start >= self.data.len() {
            return Err(CfbError::Damaged);
        }
        let end = (start + self.sector).min(self.data.len());
        self.data.get(start..end).ok_or(CfbError::Damaged)
    }

    /// The allocation table's entry for sector `n`: the next sector of its chain.
    fn next(&self, n: u32) -> Result<u32, CfbError> {
        let per = self.sector / 4;
        let which = self
            .fat_sectors
            .get(n as usize / per)
            .ok_or(CfbError::Damaged)?;
        let d = self.sector_bytes(*which)?;
        u32_at(d, 4 * (n as usize % per)).ok_or(CfbError::Damaged)
    }

    /// The bytes of a chain of sectors from `first`, at most `max` of them (`None`: the whole
    /// chain). A chain longer than the file's sector count loops.
    fn chain(&self, first: u32, max: Option<u64>) -> Result<Vec<u8>, CfbError> {
        let mut out = Vec::new();
        let mut s = first;
        // A sector met twice is a loop, even one that would stop at the declared size.
        let mut seen = vec![false; self.sector_count()];
        while s != END_OF_CHAIN {
            if max.is_some_and(|m| out.len() as u64 >= m) {
                break;
            }
            match seen.get_mut(s as usize) {
                Some(v) if !*v => *v = true,
                _ => return Err(CfbError::Damaged),
            }
            out.extend_from_slice(self.sector_bytes(s)?);
            s = self.next(s)?;
        }
        if let Some(m) = max {
            if (out.len() as u64) < m {
                return Err(CfbError::Damaged);
            }
            out.truncate(m as usize);
        }
        Ok(out)
    }

    /// The directory entry `i` of the directory's bytes.
    fn entry(dir: &[u8], i: u32) -> Option<&[u8]> {
        let at = (i as usize).checked_mul(DIR_ENTRY)?;
        dir.get(at..at.checked_add(DIR_ENTRY)?)
    }

    /// The stream directly under the root named `name` (compared without case, as the format
    /// says); `None` when there is none. A stream of the same name inside a storage (an
    /// embedded workbook) is not it.
    pub(super) fn stream(&self, name: &str) -> Result<Option<Vec<u8>>, CfbError> {
        let dir = self.chain(self.first_dir, None)?;
        let root = Self::entry(&dir, 0).ok_or(CfbError::Damaged)?;
        if root.get(0x42) != Some(&5) {
            return Err(CfbError::Damaged);
        }
        let count = dir.len() / DIR_ENTRY;
        // The root's children form a tree through their left and right siblings; walked with
        // a stack, each entry at most once.
        let mut stack = vec![u32_at(root, 0x4C).ok_or(CfbError::Damaged)?];
        let mut seen = vec![false; count];
        let mut found = None;
        while let Some(i) = stack.pop() {
            if i > MAX_REGULAR {
                continue;
            }
            let Some(slot) = seen.get_mut(i as usize) else {
                return Err(CfbError::Damaged);
            };
            if *slot {
                return Err(CfbError::Damaged);
            }
            *slot = true;
            let e = Self::entry(&dir, i).ok_or(CfbError::Damaged)?;
            stack.push(u32_at(e, 0x44).ok_or(CfbError::Damaged)?);
            stack.push(u32_at(e, 0x48).ok_or(CfbError::Damaged)?);
            if e.get(0x42) == Some(&2) && entry_name(e).eq_ignore_ascii_case(name) {
                found = Some(e);
            }
        }
        let Some(e) = found else {
            return Ok(None);
        };
        let start = u32_at(e, 0x74).ok_or(CfbError::Damaged)?;
        let mut size = u64_at(e, 0x78).ok_or(CfbError::Damaged)?;
        if self.major == 3 {
            size &= 0xFFFF_FFFF;
        }
        if size > self.data.len() as u64 {
            return Err(CfbError::Damaged);
        }
        if size >= self.mini_cutoff {
            return self.chain(start, Some(size)).map(Some);
        }
        // A small stream: in the mini stream (the root entry's chain), by the mini table.
        let root_start = u32_at(root, 0x74).ok_or(CfbError::Damaged)?;
        let mini = self.chain(root_start, None)?;
        let mini_fat = self.chain(self.first_mini_fat, None)?;
        let mut out = Vec::new();
        let mut s = start;
        let mut seen = vec![false; mini.len() / MINI_SECTOR];
        while (out.len() as u64) < size {
            match seen.get_mut(s as usize) {
                Some(v) if !*v => *v = true,
                _ => return Err(CfbError::Damaged),
            }
            let at = s as usize * MINI_SECTOR;
            let bytes = mini.get(at..at + MINI_SECTOR).ok_or(CfbError::Damaged)?;
            out.extend_from_slice(bytes);
            s = u32_at(&mini_fat, 4 * s as usize).ok_or(CfbError::Damaged)?;
        }
        out.truncate(size as usize);
        Ok(Some(out))
    }
}

/// A directory entry's name (UTF-16, its length in bytes with the final NUL).
fn entry_name(e: &[u8]) -> String {
    let len = u16_at(e, 0x40)
        .map_or(0, |l| (l as usize).min(64))
        .saturating_sub(2);
    let units: Vec<u16> = e
        .get(..len)
        .unwrap_or_default()
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    String::from_utf16_lossy(&units)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A version-3 compound file with one stream under the root (`name`, `body`), laid out as
    /// writers do: header, FAT, directory, then the stream's sectors (or the mini stream).
    pub(crate) fn compound(name: &str, body: &[u8]) -> Vec<u8> {
        let sec = 512;
        let big = body.len() >= 4096;
        let body_sectors = body.len().div_ceil(sec).max(1);
        let mini_sectors = if big {
            0
        } else {
            body.len().div_ceil(64).max(1)
        };
        let mini_stream_sectors = (mini_sectors * 64).div_ceil(sec);
        // Sector 0: FAT; 1: directory; 2: mini FAT (if small); then the data.
        let mut fat = vec![0xFFFF_FFFDu32, END_OF_CHAIN];
        let mut out = vec![0u8; 512];
        out[..8].copy_from_slice(&SIGNATURE);
        out[0x18..0x1A].copy_from_slice(&0x3Eu16.to_le_bytes());
        out[0x1A..0x1C].copy_from_slice(&3u16.to_le_bytes());
        out[0x1C..0x1E].copy_from_slice(&0xFFFEu16.to_le_bytes());
        out[0x1E..0x20].copy_from_slice(&9u16.to_le_bytes());
        out[0x20..0x22].copy_from_slice(&6u16.to_le_bytes());
        out[0x2C..0x30].copy_from_slice(&1u32.to_le_bytes());
        out[0x30..0x34].copy_from_slice(&1u32.to_le_bytes());
        out[0x38..0x3C].copy_from_slice(&4096u32.to_le_bytes());
        out[0x44..0x48].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        for i in 0..109 {
            out[0x4C + 4 * i..0x50 + 4 * i].copy_from_slice(&u32::MAX.to_le_bytes());
        }
        out[0x4C..0x50].copy_from_slice(&0u32.to_le_bytes());
        let (mini_fat_sector, data_start) = if big { (END_OF_CHAIN, 2) } else { (2, 3) };
        out[0x3C..0x40].copy_from_slice(&mini_fat_sector.to_le_bytes());
        out[0x40..0x44].copy_from_slice(&u32::from(!big).to_le_bytes());
        if !big {
            fat.push(END_OF_CHAIN);
        }
        let n = if big {
            body_sectors
        } else {
            mini_stream_sectors
        };
        for i in 0..n {
            let s = data_start + i as u32;
            fat.push(if i + 1 == n { END_OF_CHAIN } else { s + 1 });
        }
        let mut fat_bytes: Vec<u8> = fat.iter().flat_map(|v| v.to_le_bytes()).collect();
        fat_bytes.resize(sec, 0xFF);
        out.extend_from_slice(&fat_bytes);
        let mut dir = vec![0u8; sec];
        let put_name = |e: &mut [u8], n: &str| {
            let units: Vec<u16> = n.encode_utf16().collect();
            for (i, u) in units.iter().enumerate() {
                e[2 * i..2 * i + 2].copy_from_slice(&u.to_le_bytes());
            }
            e[0x40..0x42].copy_from_slice(&((units.len() as u16 + 1) * 2).to_le_bytes());
        };
        {
            let root = &mut dir[..128];
            put_name(root, "Root Entry");
            root[0x42] = 5;
            root[0x44..0x48].copy_from_slice(&u32::MAX.to_le_bytes());
            root[0x48..0x4C].copy_from_slice(&u32::MAX.to_le_bytes());
            root[0x4C..0x50].copy_from_slice(&1u32.to_le_bytes());
            let start = if big { END_OF_CHAIN } else { data_start };
            root[0x74..0x78].copy_from_slice(&start.to_le_bytes());
            let size = if big { 0 } else { mini_sectors * 64 };
            root[0x78..0x80].copy_from_slice(&(size as u64).to_le_bytes());
        }
        {
            let e = &mut dir[128..256];
            put_name(e, name);
            e[0x42] = 2;
            e[0x44..0x48].copy_from_slice(&u32::MAX.to_le_bytes());
            e[0x48..0x4C].copy_from_slice(&u32::MAX.to_le_bytes());
            e[0x4C..0x50].copy_from_slice(&u32::MAX.to_le_bytes());
            let start = if big { data_start } else { 0 };
            e[0x74..0x78].copy_from_slice(&start.to_le_bytes());
            e[0x78..0x80].copy_from_slice(&(body.len() as u64).to_le_bytes());
        }
        for e in dir[256..].chunks_mut(128) {
            e[0x44..0x50].copy_from_slice(&[0xFF; 12]);
        }
        out.extend_from_slice(&dir);
        if !big {
            let mut mf: Vec<u8> = (0..mini_sectors)
                .flat_map(|i| {
                    let v = if i + 1 == mini_sectors {
                        END_OF_CHAIN
                    } else {
                        i as u32 + 1
                    };
                    v.to_le_bytes()
                })
                .collect();
            mf.resize(sec, 0xFF);
            out.extend_from_slice(&mf);
        }
        let mut data = body.to_vec();
        data.resize(n * sec, 0);
        out.extend_from_slice(&data);
        out
    }

    #[test]
    fn reads_a_stream_large_and_small() {
        let big: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        let f = compound("Workbook", &big);
        let c = Compound::open(&f).unwrap();
        assert_eq!(c.stream("Workbook").unwrap(), Some(big));
        assert_eq!(c.stream("Book").unwrap(), None);
        let small = b"a small stream of 100 bytes".repeat(4);
        let f = compound("Workbook", &small);
        let c = Compound::open(&f).unwrap();
        assert_eq!(c.stream("workbook").unwrap(), Some(small));
    }

    #[test]
    fn not_a_compound_file() {
        assert_eq!(
            Compound::open(b"<html><table>").err(),
            Some(CfbError::NotCompound)
        );
    }

    #[test]
    fn a_looping_chain_or_a_sector_outside_is_an_error() {
        let big = vec![7u8; 5000];
        let mut f = compound("Workbook", &big);
        // The stream's first sector (2) points to itself.
        let fat = 512;
        f[fat + 8..fat + 12].copy_from_slice(&2u32.to_le_bytes());
        let c = Compound::open(&f).unwrap();
        assert!(c.stream("Workbook").is_err());
        let mut f = compound("Workbook", &big);
        f[fat + 8..fat + 12].copy_from_slice(&0x00FF_FFFFu32.to_le_bytes());
        let c = Compound::open(&f).unwrap();
        assert!(c.stream("Workbook").is_err());
        // A small stream whose mini chain loops back to its first mini sector.
        let small = vec![7u8; 300];
        let mut f = compound("Workbook", &small);
        let mini_fat = 512 * 3;
        f[mini_fat + 4..mini_fat + 8].copy_from_slice(&0u32.to_le_bytes());
        let c = Compound::open(&f).unwrap();
        assert!(c.stream("Workbook").is_err());
        // A size beyond the file.
        let mut f = compound("Workbook", &big);
        let e = 512 * 2 + 128;
        f[e + 0x78..e + 0x80].copy_from_slice(&(1u64 << 31).to_le_bytes());
        let c = Compound::open(&f).unwrap();
        assert!(c.stream("Workbook").is_err());
    }

    #[test]
    fn a_truncated_file_is_an_error_not_a_panic() {
        let big = vec![7u8; 5000];
        let f = compound("Workbook", &big);
        for cut in [0, 8, 100, 511, 512, 1000, 1600, 3000, f.len() - 600] {
            if let Ok(c) = Compound::open(&f[..cut]) {
                assert!(c.stream("Workbook").is_err(), "cut at {cut}");
            }
        }
    }
}
