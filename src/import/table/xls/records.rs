//! The BIFF8 record stream (MS-XLS 2.1.4): a record is a type, a length and that many bytes;
//! a record too long for one (the shared strings, a formula's string result) goes on in
//! CONTINUE records. Every length is checked against the stream; a string cut by a CONTINUE
//! boundary is read on with the compression flag the new record starts with.

use crate::import::table::XlsFault;

/// A record whose length runs past the end of the stream, at this byte of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PastEnd(pub(super) usize);

pub(super) const CONTINUE: u16 = 0x003C;

/// Most CONTINUE records one record may go on in: Excel and LibreOffice fill each to its
/// 8,224 bytes, so 16,384 of them hold more than a 64 MB file; a chain of millions of empty
/// ones (four bytes each) would cost a slice each.
pub(super) const MAX_CONTINUES: usize = 16_384;

/// One record.
#[derive(Debug, Clone, Copy)]
pub(super) struct Record<'a> {
    pub(super) kind: u16,
    pub(super) data: &'a [u8],
    /// Where its header starts in the stream.
    pub(super) offset: usize,
}

/// The records of a stream from a position up to a limit.
pub(super) struct Records<'a> {
    stream: &'a [u8],
    pos: usize,
    end: usize,
}

impl<'a> Records<'a> {
    /// Records from `start` up to `end` (both clamped to the stream).
    pub(super) fn new(stream: &'a [u8], start: usize, end: usize) -> Records<'a> {
        let end = end.min(stream.len());
        Records {
            stream,
            pos: start.min(end),
            end,
        }
    }

    /// The type of the next record, without reading it.
    pub(super) fn peek_kind(&self) -> Option<u16> {
        u16_at(self.stream, self.pos).filter(|_| self.pos + 4 <= self.end)
    }

    /// The next record; `None` at the limit; an error when a header or a body is cut.
    pub(super) fn next_record(&mut self) -> Result<Option<Record<'a>>, PastEnd> {
        if self.pos >= self.end {
            return Ok(None);
        }
        let offset = self.pos;
        let (Some(kind), Some(len)) = (
            u16_at(self.stream, offset).filter(|_| offset + 4 <= self.end),
            u16_at(self.stream, offset + 2),
        ) else {
            return Err(PastEnd(offset));
        };
        let body = offset + 4;
        let data = self
            .stream
            .get(body..body + len as usize)
            .filter(|_| body + len as usize <= self.end)
            .ok_or(PastEnd(offset))?;
        self.pos = body + len as usize;
        Ok(Some(Record { kind, data, offset }))
    }

    /// The bodies of the CONTINUE records that follow, read past; refused past
    /// [`MAX_CONTINUES`], at the byte where the chain starts.
    pub(super) fn continues(&mut self) -> Result<Vec<&'a [u8]>, XlsFault> {
        let from = self.pos;
        let mut out = Vec::new();
        while self.peek_kind() == Some(CONTINUE) {
            if out.len() >= MAX_CONTINUES {
                return Err(XlsFault::Continues(from));
            }
            match self.next_record() {
                Ok(Some(r)) => out.push(r.data),
                Ok(None) => break,
                Err(PastEnd(at)) => return Err(XlsFault::Record(at)),
            }
        }
        Ok(out)
    }
}

pub(super) fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        d.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

pub(super) fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        d.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

pub(super) fn f64_at(d: &[u8], at: usize) -> Option<f64> {
    Some(f64::from_le_bytes(
        d.get(at..at.checked_add(8)?)?.try_into().ok()?,
    ))
}

/// A record's body with the bodies of its CONTINUE records, read as one run of bytes except
/// inside a string's characters, where each new part starts with a flag byte (MS-XLS 2.5.293
/// XLUnicodeRichExtendedString: "fHighByte" restated at the boundary).
pub(super) struct Parts<'a> {
    parts: Vec<&'a [u8]>,
    i: usize,
    pos: usize,
}

impl<'a> Parts<'a> {
    pub(super) fn new(first: &'a [u8], rest: Vec<&'a [u8]>) -> Parts<'a> {
        let mut parts = Vec::with_capacity(rest.len() + 1);
        parts.push(first);
        parts.extend(rest);
        Parts {
            parts,
            i: 0,
            pos: 0,
        }
    }

    /// Whether every byte has been read.
    #[cfg(test)]
    pub(super) fn at_end(&self) -> bool {
        self.parts.iter().skip(self.i).enumerate().all(|(k, p)| {
            if k == 0 {
                self.pos >= p.len()
            } else {
                p.is_empty()
            }
        })
    }

    /// One byte, across a boundary if need be.
    pub(super) fn byte(&mut self) -> Option<u8> {
        loop {
            let p = self.parts.get(self.i)?;
            if let Some(&b) = p.get(self.pos) {
                self.pos += 1;
                return Some(b);
            }
            self.i += 1;
            self.pos = 0;
        }
    }

    pub(super) fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.byte()?, self.byte()?]))
    }

    pub(super) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes([
            self.byte()?,
            self.byte()?,
            self.byte()?,
            self.byte()?,
        ]))
    }

    /// Skip `n` bytes (formatting runs, phonetic data); `None` when fewer are left.
    pub(super) fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            let p = self.parts.get(self.i)?;
            let here = p.len().saturating_sub(self.pos).min(n);
            n -= here;
            self.pos += here;
            if n > 0 {
                self.i += 1;
                self.pos = 0;
            }
        }
        Some(())
    }

    /// `count` characters, one byte each (the low byte of UTF-16) or two, starting as `high`
    /// says; a part that ends inside them is followed by a flag byte saying how the rest is
    /// stored. `None` when the data ends first.
    pub(super) fn chars(&mut self, count: usize, mut high: bool) -> Option<String> {
        let mut units: Vec<u16> = Vec::new();
        let mut need = count;
        loop {
            let p = self.parts.get(self.i)?;
            let rest = p.get(self.pos..).unwrap_or_default();
            let width = if high { 2 } else { 1 };
            let n = (rest.len() / width).min(need);
            let bytes = rest.get(..n * width)?;
            if high {
                units.extend(
                    bytes
                        .chunks_exact(2)
                        .map(|c| u16::from_le_bytes([c[0], c[1]])),
                );
            } else {
                units.extend(bytes.iter().map(|&b| u16::from(b)));
            }
            self.pos += n * width;
            need -= n;
            if need == 0 {
                return Some(String::from_utf16_lossy(&units));
            }
            self.i += 1;
            self.pos = 0;
            let flag = self.parts.get(self.i)?.first()?;
            high = flag & 1 != 0;
            self.pos = 1;
        }
    }
}

/// An XLUnicodeString in one record: a 16-bit count, a flag byte, the characters.
pub(super) fn unicode_string(d: &[u8]) -> Option<String> {
    let mut p = Parts::new(d, Vec::new());
    let count = p.u16()?;
    let flags = p.byte()?;
    p.chars(count as usize, flags & 1 != 0)
}

/// A ShortXLUnicodeString: an 8-bit count, a flag byte, the characters.
pub(super) fn short_string(d: &[u8]) -> Option<String> {
    let mut p = Parts::new(d, Vec::new());
    let count = p.byte()?;
    let flags = p.byte()?;
    p.chars(count as usize, flags & 1 != 0)
}

/// One string of the shared string table (XLUnicodeRichExtendedString): its formatting runs
/// and phonetic data are skipped by their declared sizes, which must lie within the data.
pub(super) fn rich_string(p: &mut Parts<'_>) -> Option<String> {
    let count = p.u16()?;
    let flags = p.byte()?;
    let runs = if flags & 0x08 != 0 { p.u16()? } else { 0 };
    let ext = if flags & 0x04 != 0 {
        usize::try_from(i32::from_le_bytes(p.u32()?.to_le_bytes())).ok()?
    } else {
        0
    };
    let s = p.chars(count as usize, flags & 1 != 0)?;
    p.skip(4 * runs as usize)?;
    p.skip(ext)?;
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: u16, body: &[u8]) -> Vec<u8> {
        let mut v = kind.to_le_bytes().to_vec();
        v.extend_from_slice(&(body.len() as u16).to_le_bytes());
        v.extend_from_slice(body);
        v
    }

    #[test]
    fn records_and_their_continues() {
        let mut s = record(0x00FC, b"abc");
        s.extend(record(CONTINUE, b"de"));
        s.extend(record(CONTINUE, b""));
        s.extend(record(0x000A, b""));
        let mut r = Records::new(&s, 0, s.len());
        let first = r.next_record().unwrap().unwrap();
        assert_eq!((first.kind, first.data), (0x00FC, &b"abc"[..]));
        assert_eq!(r.continues().unwrap(), vec![&b"de"[..], &b""[..]]);
        assert_eq!(r.next_record().unwrap().unwrap().kind, 0x000A);
        assert!(r.next_record().unwrap().is_none());
    }

    #[test]
    fn a_chain_of_a_million_continues_is_refused_at_its_record() {
        let mut s = record(0x00FC, b"abc");
        for _ in 0..1_000_000 {
            s.extend(record(CONTINUE, b""));
        }
        let mut r = Records::new(&s, 0, s.len());
        r.next_record().unwrap();
        assert_eq!(r.continues().err(), Some(XlsFault::Continues(7)));
    }

    #[test]
    fn a_length_past_the_end_is_an_error() {
        let mut s = record(0x0203, &[0; 14]);
        s.truncate(10);
        let mut r = Records::new(&s, 0, s.len());
        assert_eq!(r.next_record().err(), Some(PastEnd(0)));
        // A header cut short.
        let mut r = Records::new(&[0x03, 0x02, 0x0E], 0, 3);
        assert_eq!(r.next_record().err(), Some(PastEnd(0)));
    }

    #[test]
    fn a_string_cut_by_a_continue_restarts_its_flag() {
        // "Đông" as UTF-16 for "Đ", then the rest compressed after the boundary.
        let first = [4, 0, 1, 0x10, 0x01];
        let second = [0, b'o', b'n', b'g'];
        let mut p = Parts::new(&first, vec![&second]);
        assert_eq!(rich_string(&mut p).as_deref(), Some("Đong"));
        assert!(p.at_end());
        // Compressed first, UTF-16 after: "Tổ".
        let first = [2, 0, 0, b'T'];
        let second = [1, 0xD5, 0x1E];
        let mut p = Parts::new(&first, vec![&second]);
        assert_eq!(rich_string(&mut p).as_deref(), Some("Tổ"));
    }

    #[test]
    fn runs_and_phonetic_data_are_skipped_within_the_data() {
        // Rich (2 runs) and extended (3 bytes): "ab", then 8 + 3 bytes, then "c".
        let mut d = vec![2, 0, 0x0C, 2, 0, 3, 0, 0, 0, b'a', b'b'];
        d.extend([9; 11]);
        d.extend([1, 0, 0, b'c']);
        let mut p = Parts::new(&d, vec![]);
        assert_eq!(rich_string(&mut p).as_deref(), Some("ab"));
        assert_eq!(rich_string(&mut p).as_deref(), Some("c"));
        // Phonetic data declared past the end, or negative.
        let d = [1, 0, 0x04, 0xFF, 0xFF, 0, 0, b'a'];
        assert_eq!(rich_string(&mut Parts::new(&d, vec![])), None);
        let d = [1, 0, 0x04, 0xFF, 0xFF, 0xFF, 0xFF, b'a'];
        assert_eq!(rich_string(&mut Parts::new(&d, vec![])), None);
    }

    #[test]
    fn strings_that_end_early_are_none() {
        assert_eq!(unicode_string(&[5, 0, 0, b'a']), None);
        assert_eq!(short_string(&[2, 1, b'a', 0]), None);
        assert_eq!(short_string(&[1, 1, b'a', 0]).as_deref(), Some("a"));
        // Many empty CONTINUE records after a cut string: each is passed once.
        let empties = vec![&[][..]; 10_000];
        let mut p = Parts::new(b"a", empties);
        assert_eq!(p.chars(3, false), None);
    }
}
