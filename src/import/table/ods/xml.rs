//! Streaming one XML part of the zip with bounds: the whole file's inflated bytes
//! ([`MAX_INFLATED_BYTES`], counted as they are inflated, whatever the zip declares), the bytes of
//! one event (a 300 MB text node is not a list), and the nesting depth (the XML reader keeps the
//! name of every open element, so depth is memory).

use std::borrow::Cow;
use std::io::{self, BufRead, Read};

use quick_xml::events::{BytesRef, BytesStart, BytesText, Event};
use quick_xml::XmlVersion;

use super::super::{TableError, MAX_INFLATED_BYTES};

/// Most bytes one event may take (a tag with its attributes, a text node): far more than any
/// cell of a list.
const MAX_EVENT_BYTES: u64 = 16 * 1024 * 1024;

/// Deepest nesting read. LibreOffice's content goes about 15 deep (outline groups of rows nest
/// up to 8); a thousand is far beyond any office file.
const MAX_DEPTH: u32 = 1000;

/// Which bound a part passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Over {
    Budget,
    Event,
}

/// A `BufRead` that counts what it hands out: past the budget or the size of one event, it
/// fails rather than hand out more.
pub(super) struct Guarded<R> {
    inner: R,
    left: u64,
    since_event: u64,
    over: Option<Over>,
}

impl<R: BufRead> Read for Guarded<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let b = self.fill_buf()?;
            let n = b.len().min(out.len());
            out[..n].copy_from_slice(&b[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Guarded<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.since_event > MAX_EVENT_BYTES {
            self.over = Some(Over::Event);
            return Err(io::Error::other("event too large"));
        }
        if self.left == 0 {
            if self.inner.fill_buf()?.is_empty() {
                return Ok(&[]);
            }
            self.over = Some(Over::Budget);
            return Err(io::Error::other("inflated size over budget"));
        }
        let left = usize::try_from(self.left).unwrap_or(usize::MAX);
        let b = self.inner.fill_buf()?;
        let n = b.len().min(left);
        Ok(&b[..n])
    }

    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.left = self.left.saturating_sub(amt as u64);
        self.since_event = self.since_event.saturating_add(amt as u64);
    }
}

/// One event and the depth of the element it belongs to: for a start, an empty element or an
/// end, the element's own depth (1 for the root); for text, its parent's.
pub(super) struct Xml<R> {
    reader: quick_xml::Reader<Guarded<R>>,
    buf: Vec<u8>,
    depth: u32,
    part: &'static str,
}

impl<R: BufRead> Xml<R> {
    /// Read `part` (its name, for messages) from `inner`, with `budget` bytes left of the file's.
    pub(super) fn new(inner: R, part: &'static str, budget: u64) -> Xml<R> {
        let reader = quick_xml::Reader::from_reader(Guarded {
            inner,
            left: budget,
            since_event: 0,
            over: None,
        });
        Xml {
            reader,
            buf: Vec::new(),
            depth: 0,
            part,
        }
    }

    /// What is left of the budget.
    pub(super) fn budget_left(&mut self) -> u64 {
        self.reader.get_mut().left
    }

    /// The next event with its depth; `Event::Eof` only when every element was closed.
    pub(super) fn next(&mut self) -> Result<(Event<'_>, u32), TableError> {
        self.buf.clear();
        self.reader.get_mut().since_event = 0;
        let event = match self.reader.read_event_into(&mut self.buf) {
            Ok(e) => e,
            Err(e) => {
                return Err(match self.reader.get_mut().over {
                    Some(Over::Budget) => TableError::Inflated(MAX_INFLATED_BYTES + 1),
                    Some(Over::Event) => {
                        malformed(self.part, "an element or text larger than 16 MB")
                    }
                    None => malformed(self.part, &e.to_string()),
                })
            }
        };
        let depth = match &event {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(malformed(self.part, "elements nested more than 1000 deep"));
                }
                self.depth
            }
            Event::Empty(_) => self.depth + 1,
            Event::End(_) => {
                let d = self.depth;
                self.depth = self.depth.saturating_sub(1);
                d
            }
            Event::Eof if self.depth > 0 => {
                return Err(malformed(
                    self.part,
                    "the XML ends inside an element (cut short)",
                ));
            }
            _ => self.depth,
        };
        Ok((event, depth))
    }
}

/// A part that is not the XML it should be: the clerk is told the file is damaged.
pub(super) fn malformed(part: &str, why: &str) -> TableError {
    TableError::Spreadsheet(format!("{part}: {why}"))
}

/// One attribute's value, unescaped (`None` when absent or not well-formed).
pub(super) fn attr<'a>(e: &'a BytesStart<'_>, name: &str) -> Option<Cow<'a, str>> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
}

/// Text as the document means it (line ends normalised).
pub(super) fn text<'a>(t: &'a BytesText<'_>) -> Cow<'a, str> {
    t.xml10_content()
}

/// `&amp;`, `&#233;`: the character an entity stands for; an unknown entity is an error.
pub(super) fn reference(r: &BytesRef<'_>, part: &'static str) -> Result<String, TableError> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Ok(c.to_string());
    }
    quick_xml::escape::resolve_predefined_entity(r)
        .map(str::to_owned)
        .ok_or_else(|| malformed(part, &format!("unknown entity &{};", &**r)))
}

/// The namespaces the reader knows by their usual prefix. Elements are matched by name
/// (`table:table-row`), as every ODF producer writes them; a file binding these namespaces to
/// other prefixes (or these prefixes to other namespaces) is refused rather than read as empty.
const PREFIXES: [(&str, &str); 6] = [
    ("office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
    ("table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"),
    ("text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"),
    ("style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"),
    (
        "number",
        "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
    ),
    (
        "calcext",
        "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
    ),
];

/// Check a part's root element: its name, and that it binds the known namespaces to their
/// usual prefixes.
pub(super) fn check_root(e: &BytesStart<'_>, root: &str, part: &str) -> Result<(), TableError> {
    if e.name().as_ref() != root {
        return Err(malformed(part, &format!("the root element is not {root}")));
    }
    for a in e.attributes().flatten() {
        let Some(prefix) = a.key.as_ref().strip_prefix("xmlns:") else {
            continue;
        };
        let uri = a.value.as_ref();
        for (p, u) in PREFIXES {
            if (p == prefix) != (u == uri) {
                return Err(malformed(
                    part,
                    &format!("namespace {uri} bound to the prefix \"{prefix}\", which this reader does not know"),
                ));
            }
        }
    }
    Ok(())
}
