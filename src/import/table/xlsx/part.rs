//! The zip package of a workbook and its XML parts, read as a stream of events.
//!
//! Every part goes through one budget of inflated bytes ([`MAX_INFLATED_BYTES`] for the
//! whole file), enforced on the bytes actually inflated rather than on the sizes the zip
//! declares (a declared size can lie), and through an element depth limit: an XML part is
//! never held whole in memory, and no file can make the reader allocate more than the budget.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read, Take};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use zip::read::ZipFile;
use zip::ZipArchive;

use super::super::{TableError, MAX_INFLATED_BYTES};

/// Deepest nesting of elements a part may have: a worksheet needs 7 (`worksheet/sheetData/
/// row/c/is/r/t`), extension lists a few more. Deeper is a hostile file, and quick-xml keeps
/// the name of every open element.
const MAX_DEPTH: usize = 64;

/// The first bytes of an OLE compound file: an old .xls, or an encrypted .xlsx.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The opened zip, its part names (case-insensitive, as OPC names are) and the inflated
/// bytes still allowed.
pub(super) struct Package {
    zip: ZipArchive<File>,
    names: HashMap<String, usize>,
    left: u64,
    /// XML events the workbook may still give ([`MAX_EVENTS`]).
    events: u64,
}

/// Most XML events (a tag, a text, an end) a workbook's parts may give together: a list at
/// the bound of [`super::super::MAX_CELLS`] cells gives under 8 million (`<c><v>1</v></c>`
/// is five, a shared string as many), pretty-printed twice that. Each costs an allocation: 250
/// MB of `<x/>`, deflated to 250 KB and within the inflated budget, took 3 s for 62 million
/// events; 16 million take a second on a loaded machine.
const MAX_EVENTS: u64 = 16_000_000;

impl Package {
    /// Open the file as a zip; an OLE compound file is refused for what it is.
    pub(super) fn open(path: &Path) -> Result<Package, TableError> {
        let mut head = [0u8; 8];
        let mut file = File::open(path)?;
        let n = read_up_to(&mut file, &mut head)?;
        if n == head.len() && head == OLE_MAGIC {
            return Err(if encrypted(path)? {
                TableError::Encrypted
            } else {
                TableError::XlsNamedXlsx
            });
        }
        let file = File::open(path)?;
        let zip = ZipArchive::new(file).map_err(|e| TableError::Spreadsheet(e.to_string()))?;
        let names = super::super::problem::unique_names(&zip)?;
        Ok(Package {
            zip,
            names,
            left: MAX_INFLATED_BYTES,
            events: MAX_EVENTS,
        })
    }

    /// Lower the budget, to test its bound without inflating half a gigabyte.
    #[cfg(test)]
    pub(super) fn set_budget(&mut self, bytes: u64) {
        self.left = bytes;
    }

    /// Lower the event budget, to test its bound without parsing millions of elements.
    #[cfg(test)]
    pub(super) fn set_events(&mut self, events: u64) {
        self.events = events;
    }

    /// Whether the package has this part.
    pub(super) fn has(&self, name: &str) -> bool {
        self.names.contains_key(&name.to_lowercase())
    }

    /// Parse a part with `f`, if the package has it. The bytes inflated count against the
    /// budget; passing it is [`TableError::Inflated`] whatever `f` made of the cut stream.
    pub(super) fn parse<T>(
        &mut self,
        name: &str,
        f: impl FnOnce(&mut Xml<'_>) -> Result<T, TableError>,
    ) -> Result<Option<T>, TableError> {
        let Some(&index) = self.names.get(&name.to_lowercase()) else {
            return Ok(None);
        };
        let entry = self.zip.by_index(index).map_err(|e| TableError::BadPart {
            part: name.to_owned(),
            detail: e.to_string(),
        })?;
        let allowed = self.left.saturating_add(1);
        let mut xml = Xml::new(entry.take(allowed), name);
        xml.events = self.events;
        let result = f(&mut xml);
        self.events = xml.events;
        let remaining = xml.reader.get_ref().get_ref().inner.limit();
        if remaining == 0 {
            return Err(TableError::Inflated(MAX_INFLATED_BYTES.saturating_add(1)));
        }
        self.left = self.left.saturating_sub(allowed - remaining);
        result.map(Some)
    }
}

/// Most bytes a part may hold without a `>`: every event the XML reader keeps whole (a tag
/// with its attributes, the text between two tags) ends at or before one. A cell holds at most
/// 32,767 characters in Excel; a run of 400 MB of text in one cell, deflated to 400 KB, made
/// the reader hold 1.6 GB before the text bound could count it.
const MAX_RUN: usize = 16 * 1024 * 1024;

/// The inflated bytes of a part, cut with an error at a run longer than [`MAX_RUN`] without
/// a `>`.
struct Bounded<R> {
    inner: R,
    run: usize,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let got = buf.get(..n).unwrap_or_default();
        self.run = match memchr::memrchr(b'>', got) {
            Some(at) => n - at - 1,
            None => self.run.saturating_add(n),
        };
        if self.run > MAX_RUN {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "more than 16 MB of text or of one tag",
            ));
        }
        Ok(n)
    }
}

/// Read into `buf` until it is full or the file ends.
fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Whether an OLE compound file is an encrypted OOXML package: it holds a stream named
/// `EncryptionInfo` (its directory entry spells the name in UTF-16LE). The file is at most
/// [`super::super::MAX_LIST_BYTES`], already checked.
fn encrypted(path: &Path) -> Result<bool, TableError> {
    let bytes = std::fs::read(path)?;
    let name: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    Ok(memchr::memmem::find(&bytes, &name).is_some())
}

/// One XML part being read: events, the depth of the element each one belongs to, and the
/// part's name for messages.
pub(super) struct Xml<'a> {
    reader: Reader<BufReader<Bounded<Take<ZipFile<'a, File>>>>>,
    buf: Vec<u8>,
    depth: usize,
    part: String,
    /// Events still allowed (the workbook's, lent to this part).
    events: u64,
}

impl<'a> Xml<'a> {
    fn new(input: Take<ZipFile<'a, File>>, part: &str) -> Xml<'a> {
        let mut reader = Reader::from_reader(BufReader::new(Bounded {
            inner: input,
            run: 0,
        }));
        reader.config_mut().check_end_names = true;
        Xml {
            reader,
            buf: Vec::new(),
            depth: 0,
            part: part.to_owned(),
            events: 0,
        }
    }

    /// Why reading the part failed: the zip library's checks at the end of a part (its CRC,
    /// its declared size) are the container's faults; anything else, the part's.
    fn failed(&self, e: &quick_xml::Error) -> TableError {
        use super::super::ZipFault;
        let zip = |fault| TableError::ZipDamaged {
            part: self.part.clone(),
            fault,
        };
        match e {
            quick_xml::Error::Io(io) if io.to_string().contains("Invalid checksum") => {
                zip(ZipFault::Crc)
            }
            quick_xml::Error::Io(io) if io.to_string().contains("declared uncompressed size") => {
                zip(ZipFault::Longer)
            }
            _ => TableError::BadPart {
                part: self.part.clone(),
                detail: e.to_string(),
            },
        }
    }

    /// The part's name in the zip.
    pub(super) fn part(&self) -> &str {
        &self.part
    }

    /// An error naming this part.
    pub(super) fn bad(&self, detail: impl Into<String>) -> TableError {
        TableError::BadPart {
            part: self.part.clone(),
            detail: detail.into(),
        }
    }

    /// The next event and the depth of its element (1 for the root; for text, the depth of
    /// the element holding it). `Eof` only when every element is closed.
    pub(super) fn next(&mut self) -> Result<(Event<'static>, usize), TableError> {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        let got = self
            .next_into(&mut buf)
            .map(|(e, level)| (e.into_owned(), level));
        self.buf = buf;
        got
    }

    /// [`Xml::next`] into the caller's buffer, the event borrowed from it rather than copied:
    /// a worksheet of thousands of rows is hundreds of thousands of events (#21).
    pub(super) fn next_into<'b>(
        &mut self,
        buf: &'b mut Vec<u8>,
    ) -> Result<(Event<'b>, usize), TableError> {
        self.events = self
            .events
            .checked_sub(1)
            .ok_or_else(|| TableError::TooManyItems {
                part: self.part.clone(),
                what: "XML elements and texts",
                what_vi: "phần tử XML",
                limit: MAX_EVENTS as usize,
            })?;
        let event = match self.reader.read_event_into(buf) {
            Ok(e) => e,
            Err(e) => return Err(self.failed(&e)),
        };
        let level = match &event {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(self.bad(format!("elements nested deeper than {MAX_DEPTH}")));
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
                return Err(self.bad("the part ends before its elements are closed"));
            }
            _ => self.depth,
        };
        Ok((event, level))
    }

    /// Append the text an event carries (text, CDATA, an entity or character reference) to
    /// `out`; whether it carried any.
    pub(super) fn text(&self, event: &Event<'_>, out: &mut String) -> Result<bool, TableError> {
        match event {
            Event::Text(t) => out.push_str(&t.xml10_content()),
            Event::CData(t) => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                if let Some(c) = r.resolve_char_ref().map_err(|e| self.bad(e.to_string()))? {
                    out.push(c);
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(r) {
                    out.push_str(s);
                } else {
                    return Err(self.bad(format!("unknown entity &{};", &**r)));
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// The local name of an element (without its namespace prefix).
pub(super) fn local<'e>(e: &'e BytesStart<'_>) -> &'e str {
    e.local_name().into_inner()
}

/// An attribute's value by local name (`r:id` is found as `id`), entities resolved.
pub(super) fn attr<'e>(
    e: &'e BytesStart<'_>,
    name: &str,
    xml: &Xml<'_>,
) -> Result<Option<Cow<'e, str>>, TableError> {
    for a in e.attributes() {
        let a = a.map_err(|err| xml.bad(err.to_string()))?;
        if a.key.local_name().into_inner() == name {
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| xml.bad(err.to_string()))?;
            return Ok(Some(v));
        }
    }
    Ok(None)
}

/// An `xsd:boolean` attribute (`1`, `true`; Excel also writes `on`).
pub(super) fn truthy(v: Option<&str>) -> bool {
    matches!(
        v.map(str::trim),
        Some("1" | "true" | "True" | "TRUE" | "on")
    )
}
