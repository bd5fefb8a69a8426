//! How many pages a bundled PDF has, for the cover list's "Số trang" column.
//!
//! The receiving office counts the sheets it received against the list, so a size in KB is no
//! use to it; but an attachment is untrusted input (in `verify` it comes from outside), so the
//! count is made without a PDF library: one pass over the bytes, in chunks, with bounded
//! memory, no recursion and no seeking, so that `pack` (reading the file on disk) and `verify`
//! (reading the bundle's entry as it hashes it) get the same number from the same bytes.
//!
//! The method, and its limits (also in `docs/cover-list.md`):
//! - every object `N G obj … endobj` whose dictionary says `/Type /Page` (not `/Pages`) is a
//!   page; an object number defined again later (an incremental update) counts once;
//! - page objects stored inside compressed object streams (`/Type /ObjStm`, FlateDecode or
//!   unfiltered, as qpdf and Acrobat write them) are inflated, under a budget, and counted the
//!   same way;
//! - stream data is skipped to its `endstream`, so nothing inside a content stream or an image
//!   is taken for a page;
//! - the `/Count` of the page tree's root (a `/Type /Pages` without `/Parent`) is read too:
//!   when it disagrees with the objects counted (an update that deleted pages leaves the old
//!   page objects in the file), or the objects could not all be read (an object stream with
//!   another filter, encrypted, too large, or a truncated file), the root's `/Count` is given;
//! - when neither is known, there is no number: the list shows the size and "?" rather than a
//!   wrong count.
//!
//! The cross-reference table is not followed, so a page object that nothing refers to still
//! counts unless the root's `/Count` says otherwise; a name written with `#` escapes is read as
//! PDF reads it.

mod lexer;

use std::collections::HashMap;
use std::io::Read;

use lexer::{is_space, Lexer, Tok};

/// Most compressed bytes of one object stream held for inflating (a real one is kilobytes).
const MAX_CAPTURE: usize = 16 << 20;
/// Most bytes inflated from all object streams of one file together.
const MAX_INFLATED: u64 = 64 << 20;
/// Most distinct object numbers remembered; beyond, the object count is not trusted.
const MAX_OBJECTS: usize = 1 << 18;
/// Entries of one object stream's header read at most.
const MAX_STREAM_OBJECTS: u64 = 1 << 20;

const ENDSTREAM: &[u8; 9] = b"endstream";
/// The KMP failure function of `endstream` (only its `e` recurs, at index 6).
const FAIL: [usize; 9] = [0, 0, 0, 0, 0, 0, 1, 0, 0];

/// The page count of a whole PDF held in memory: None when it is not a PDF (no `%PDF-` at the
/// start), `Some(None)` when its pages cannot be counted for sure.
#[must_use]
pub fn count(bytes: &[u8]) -> Option<Option<u64>> {
    let mut c = Counter::new();
    c.feed(bytes);
    c.finish()
}

/// The page count of a file read from disk in chunks (see [`count`]); `Some(None)` too when a
/// PDF cannot be read to its end.
#[must_use]
pub fn count_file(path: &std::path::Path) -> Option<Option<u64>> {
    count_file_hashed(path).map(|(pages, _)| pages)
}

/// [`count_file`], with the SHA-256 (lowercase hex) of the very bytes counted: `pack`'s
/// read-back takes a count only for an entry of those bytes. Hashing what was streamed into
/// the bundle instead let a link re-pointed between the count and the copy give a cover list
/// with another file's pages (#21, fresh eyes).
#[must_use]
pub fn count_file_hashed(path: &std::path::Path) -> Option<(Option<u64>, String)> {
    use sha2::{Digest, Sha256};
    // Only a regular file is opened: a named pipe would block the open.
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    let Ok(mut f) = std::fs::File::open(path) else {
        return None;
    };
    let mut c = Counter::new();
    let mut hash = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                c.feed(&buf[..n]);
                hash.update(&buf[..n]);
                // An image or a text file is not read to its end for nothing.
                if c.not_pdf {
                    return None;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => {
                let unread = super::digest::hex(&hash.finalize());
                return c.is_pdf().then_some((None, unread));
            }
        }
    }
    let sha256 = super::digest::hex(&hash.finalize());
    c.finish().map(|pages| (pages, sha256))
}

/// The keys of an object's dictionary that matter here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Type,
    Count,
    Parent,
    Filter,
    N,
    First,
    Other,
}

/// A token at the dictionary's own level, as far as the keys above need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Recent {
    Key(Key),
    Int(u64),
    Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum ObjType {
    #[default]
    Other,
    Page,
    Pages,
    ObjStm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Filter {
    #[default]
    None,
    Flate,
    Unsupported,
    /// `[ … ]`: how many filters so far, and whether all were FlateDecode.
    List(u32, bool),
}

/// What one object's dictionary says.
#[derive(Debug, Clone, Default)]
struct Facts {
    num: Option<u64>,
    depth: u32,
    outer_dict: bool,
    recent: [Option<Recent>; 3],
    kind: ObjType,
    parent: bool,
    count: Option<u64>,
    filter: Filter,
    parms: bool,
    first: Option<u64>,
    n: Option<u64>,
}

fn parse_int(w: &[u8]) -> Option<u64> {
    if w.is_empty() || w.len() > 18 || !w.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(w).ok()?.parse().ok()
}

impl Facts {
    fn new(num: Option<u64>) -> Self {
        Facts {
            num,
            ..Facts::default()
        }
    }

    fn remember(&mut self, r: Recent) {
        self.recent = [self.recent[1], self.recent[2], Some(r)];
    }

    fn last(&self) -> Option<Recent> {
        self.recent[2]
    }

    fn at_top(&self) -> bool {
        self.depth == 1 && self.outer_dict
    }

    fn token(&mut self, t: Tok<'_>) {
        match t {
            Tok::DictOpen | Tok::ArrOpen => {
                if self.depth == 0 {
                    self.outer_dict = matches!(t, Tok::DictOpen);
                }
                if self.at_top() {
                    if matches!(t, Tok::ArrOpen) && self.last() == Some(Recent::Key(Key::Filter)) {
                        self.filter = Filter::List(0, true);
                    }
                    self.remember(Recent::Value);
                }
                self.depth = self.depth.saturating_add(1);
            }
            Tok::DictClose | Tok::ArrClose => {
                self.depth = self.depth.saturating_sub(1);
                if self.at_top() {
                    if let Filter::List(n, flate) = self.filter {
                        self.filter = if n == 1 && flate {
                            Filter::Flate
                        } else if n == 0 {
                            Filter::None
                        } else {
                            Filter::Unsupported
                        };
                    }
                }
            }
            Tok::Name(name) if self.depth == 2 && self.outer_dict => {
                if let Filter::List(n, flate) = self.filter {
                    self.filter =
                        Filter::List(n.saturating_add(1), flate && name == b"FlateDecode");
                }
            }
            Tok::Name(name) if self.at_top() => match self.last() {
                Some(Recent::Key(Key::Type)) => {
                    self.kind = match name {
                        b"Page" => ObjType::Page,
                        b"Pages" => ObjType::Pages,
                        b"ObjStm" => ObjType::ObjStm,
                        _ => ObjType::Other,
                    };
                    self.remember(Recent::Value);
                }
                Some(Recent::Key(Key::Filter)) => {
                    self.filter = if name == b"FlateDecode" {
                        Filter::Flate
                    } else {
                        Filter::Unsupported
                    };
                    self.remember(Recent::Value);
                }
                _ => {
                    let key = match name {
                        b"Type" => Key::Type,
                        b"Count" => Key::Count,
                        b"Parent" => Key::Parent,
                        b"Filter" => Key::Filter,
                        b"N" => Key::N,
                        b"First" => Key::First,
                        _ => Key::Other,
                    };
                    if key == Key::Parent {
                        self.parent = true;
                    }
                    if name == b"DecodeParms" {
                        self.parms = true;
                    }
                    self.remember(Recent::Key(key));
                }
            },
            Tok::Word(w) if self.at_top() => {
                if let Some(v) = parse_int(w) {
                    match self.last() {
                        Some(Recent::Key(Key::Count)) => self.count = Some(v),
                        Some(Recent::Key(Key::N)) => self.n = Some(v),
                        Some(Recent::Key(Key::First)) => self.first = Some(v),
                        _ => {}
                    }
                    self.remember(Recent::Int(v));
                    return;
                }
                // `/Count 5 0 R`: the value is elsewhere, not 5.
                if w == b"R" {
                    if let [Some(Recent::Key(k)), Some(Recent::Int(_)), Some(Recent::Int(_))] =
                        self.recent
                    {
                        match k {
                            Key::Count => self.count = None,
                            Key::N => self.n = None,
                            Key::First => self.first = None,
                            _ => {}
                        }
                    }
                }
                self.remember(Recent::Value);
            }
            _ => {
                if self.at_top() {
                    self.remember(Recent::Value);
                }
            }
        }
    }

    /// Whether this object's stream can be read as an object stream.
    fn readable_object_stream(&self) -> bool {
        !self.parms && matches!(self.filter, Filter::None | Filter::Flate)
    }
}

/// What is known of the whole file so far.
#[derive(Debug, Default)]
struct Tally {
    /// object number → whether its latest definition is a page.
    objects: HashMap<u64, bool>,
    /// Something prevents trusting the count of page objects.
    unsure: bool,
    /// The `/Count` of the last page tree root seen.
    root_count: Option<u64>,
    inflated: u64,
}

impl Tally {
    fn commit(&mut self, f: &Facts) {
        let Some(num) = f.num else {
            if f.kind == ObjType::Page {
                self.unsure = true;
            }
            return;
        };
        if self.objects.len() >= MAX_OBJECTS && !self.objects.contains_key(&num) {
            self.unsure = true;
        } else {
            self.objects.insert(num, f.kind == ObjType::Page);
        }
        if f.kind == ObjType::Pages && !f.parent {
            if let Some(c) = f.count {
                self.root_count = Some(c);
            }
        }
    }

    /// The objects of one object stream: inflated under the budget, then each dictionary read
    /// at the offset its header gives.
    fn object_stream(&mut self, f: &Facts, data: &[u8]) {
        let (Some(n), Some(first)) = (f.n, f.first) else {
            self.unsure = true;
            return;
        };
        let room = MAX_INFLATED.saturating_sub(self.inflated);
        let mut plain = Vec::new();
        let read = if f.filter == Filter::Flate {
            flate2::read::ZlibDecoder::new(data)
                .take(room.saturating_add(1))
                .read_to_end(&mut plain)
        } else {
            data.take(room.saturating_add(1)).read_to_end(&mut plain)
        };
        self.inflated = self.inflated.saturating_add(plain.len() as u64);
        if read.is_err() || self.inflated > MAX_INFLATED || n > MAX_STREAM_OBJECTS {
            self.unsure = true;
            return;
        }
        let Some(first) = usize::try_from(first).ok().filter(|&f| f <= plain.len()) else {
            self.unsure = true;
            return;
        };
        let header: Vec<u64> = plain[..first]
            .split(|b| is_space(*b))
            .filter(|w| !w.is_empty())
            .take(usize::try_from(n.saturating_mul(2)).unwrap_or(usize::MAX))
            .map(parse_int)
            .collect::<Option<Vec<u64>>>()
            .unwrap_or_default();
        if header.len() as u64 != n.saturating_mul(2) {
            self.unsure = true;
            return;
        }
        let body = &plain[first..];
        let pairs: Vec<(u64, u64)> = header.chunks(2).map(|p| (p[0], p[1])).collect();
        // Offsets in order make the objects' slices disjoint, so each byte is read once; out of
        // order, they could send every object over the whole stream again.
        if pairs.windows(2).any(|w| w[1].1 < w[0].1) {
            self.unsure = true;
            return;
        }
        for (i, &(num, off)) in pairs.iter().enumerate() {
            let end = pairs.get(i + 1).map_or(body.len() as u64, |p| p.1);
            let (Ok(start), Ok(end)) = (usize::try_from(off), usize::try_from(end)) else {
                self.unsure = true;
                continue;
            };
            let Some(slice) = body.get(start..end) else {
                self.unsure = true;
                continue;
            };
            let mut facts = Facts::new(Some(num));
            let mut lexer = Lexer::new();
            let mut emit = |t: Tok<'_>| {
                facts.token(t);
                false
            };
            for &b in slice {
                lexer.step(b, &mut emit);
            }
            lexer.flush(&mut emit);
            self.commit(&facts);
        }
    }
}

/// Raw stream data after the `stream` keyword: skipped to `endstream`, or kept when it is an
/// object stream to read.
#[derive(Debug)]
struct Raw {
    /// The carriage return ending `stream` was seen: a line feed right after it is no data.
    after_cr: bool,
    matched: usize,
    capture: Option<Vec<u8>>,
}

/// The page counter, fed chunk by chunk.
pub struct Counter {
    head: Vec<u8>,
    not_pdf: bool,
    lexer: Lexer,
    raw: Option<Raw>,
    /// The open object (numbered), or the text between objects (unnumbered).
    current: Facts,
    /// The last two words seen, when they were whole numbers: `N G` before `obj`.
    ints: [Option<u64>; 2],
    tally: Tally,
    /// Pass over idle bytes in bulk (always, but in the test that holds it to stepping).
    bulk: bool,
}

impl Default for Counter {
    fn default() -> Self {
        Counter::new()
    }
}

impl Counter {
    /// A counter before any byte.
    #[must_use]
    pub fn new() -> Self {
        Counter {
            head: Vec::with_capacity(5),
            not_pdf: false,
            lexer: Lexer::new(),
            raw: None,
            current: Facts::new(None),
            ints: [None, None],
            tally: Tally::default(),
            bulk: true,
        }
    }

    /// Read the next bytes of the file.
    pub fn feed(&mut self, chunk: &[u8]) {
        if self.not_pdf {
            return;
        }
        let mut rest = chunk;
        if self.head.len() < 5 {
            let take = (5 - self.head.len()).min(rest.len());
            self.head.extend_from_slice(&rest[..take]);
            if !b"%PDF-".starts_with(&self.head) {
                self.not_pdf = true;
                return;
            }
        }
        while !rest.is_empty() {
            // The bytes that cannot change anything, passed over at memchr's speed (#21): stream
            // data up to the next `e` (where `endstream` could begin), and inside a comment, a
            // string or a hex string up to the next byte that could end it. Most of a scan's
            // bytes are one of these; stepping through them one by one was half of `pack`'s time.
            let idle = match &self.raw {
                _ if !self.bulk => 0,
                Some(raw) if raw.matched == 0 && !raw.after_cr && raw.capture.is_none() => {
                    memchr::memchr(ENDSTREAM[0], rest).unwrap_or(rest.len())
                }
                Some(_) => 0,
                None => self.lexer.idle(rest),
            };
            rest = &rest[idle..];
            let Some((&b, tail)) = rest.split_first() else {
                break;
            };
            rest = tail;
            if let Some(raw) = &mut self.raw {
                if raw.after_cr {
                    raw.after_cr = false;
                    if b == b'\n' {
                        continue;
                    }
                }
                self.raw_byte(b);
                continue;
            }
            let Counter {
                lexer,
                current,
                ints,
                tally,
                ..
            } = self;
            let mut emit = |t: Tok<'_>| Self::token(current, ints, tally, t);
            if let Some(after_cr) = lexer.step(b, &mut emit) {
                // Only an object stream's data is kept; one this counter cannot read may hold
                // pages, so the objects' count is then not trusted.
                let object_stream = current.kind == ObjType::ObjStm;
                let readable = current.readable_object_stream();
                if object_stream && !readable {
                    tally.unsure = true;
                }
                self.raw = Some(Raw {
                    after_cr,
                    matched: 0,
                    capture: (object_stream && readable).then(Vec::new),
                });
            }
        }
    }

    /// One byte of stream data; true when it ended the stream.
    fn raw_byte(&mut self, b: u8) -> bool {
        let Some(raw) = &mut self.raw else {
            return false;
        };
        while raw.matched > 0 && ENDSTREAM[raw.matched] != b {
            raw.matched = FAIL[raw.matched - 1];
        }
        if ENDSTREAM[raw.matched] == b {
            raw.matched += 1;
        }
        if raw.matched == ENDSTREAM.len() {
            let captured = raw.capture.take();
            self.raw = None;
            if let Some(mut data) = captured {
                // The bytes of `endstrea` were kept before the match was whole.
                data.truncate(data.len().saturating_sub(ENDSTREAM.len() - 1));
                let facts = self.current.clone();
                self.tally.object_stream(&facts, &data);
            }
            self.ints = [None, None];
            return true;
        }
        if let Some(data) = &mut raw.capture {
            if data.len() < MAX_CAPTURE + ENDSTREAM.len() {
                data.push(b);
            } else {
                raw.capture = None;
                self.tally.unsure = true;
            }
        }
        false
    }

    /// A token between or inside objects; true when stream data follows.
    fn token(
        current: &mut Facts,
        ints: &mut [Option<u64>; 2],
        tally: &mut Tally,
        t: Tok<'_>,
    ) -> bool {
        if let Tok::Word(w) = t {
            match w {
                b"obj" => {
                    if let [Some(num), Some(_)] = *ints {
                        tally.commit(current);
                        *current = Facts::new(Some(num));
                        *ints = [None, None];
                        return false;
                    }
                }
                b"endobj" => {
                    tally.commit(current);
                    *current = Facts::new(None);
                    *ints = [None, None];
                    return false;
                }
                b"stream" => {
                    *ints = [None, None];
                    return current.num.is_some();
                }
                _ => {}
            }
            *ints = [ints[1], parse_int(w)];
        } else {
            *ints = [None, None];
        }
        current.token(t);
        false
    }

    /// Whether the bytes fed so far start as a PDF's.
    #[must_use]
    pub fn is_pdf(&self) -> bool {
        !self.not_pdf && self.head.len() == 5
    }

    /// The count, once every byte has been fed: None when the file is no PDF, `Some(None)`
    /// when its pages cannot be counted for sure.
    #[must_use]
    pub fn finish(mut self) -> Option<Option<u64>> {
        if !self.is_pdf() {
            return None;
        }
        if self.raw.is_some() {
            // The file ends inside a stream: it is cut short.
            self.tally.unsure = true;
        } else {
            let Counter {
                lexer,
                current,
                ints,
                tally,
                ..
            } = &mut self;
            lexer.flush(&mut |t| Self::token(current, ints, tally, t));
            if current.num.is_some() {
                tally.commit(current);
            }
        }
        let t = &self.tally;
        let objects = t.objects.values().filter(|&&p| p).count() as u64;
        let objects = (!t.unsure && objects > 0).then_some(objects);
        Some(match (objects, t.root_count) {
            (Some(n), None) => Some(n),
            (_, Some(root)) if root > 0 => Some(root),
            (Some(n), Some(_)) => Some(n),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests;
