//! Text as Excel stores it: the shared-string table (`xl/sharedStrings.xml`) and inline
//! strings, both made of `t` runs, and Excel's `_xHHHH_` escapes inside them.
//!
//! A string is its `t` plus the `t` of its rich-text runs (`r`), never the phonetic reading
//! (`rPh`, furigana) that Excel keeps beside Japanese text and does not show in the cell. The
//! text is kept as written, spaces included.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::super::{TableError, MAX_CELLS, MAX_CELL_CHARS};
use super::part::{local, Xml};

/// Most bytes of text the cells of a workbook may hold together (and, apart, its shared
/// strings): a list of 50,000 nominees with every column holds a few megabytes. Without it,
/// one long shared string referred to by a million cells would be copied a million times; at
/// 64 MB, a list of 16,000 names of 4,000 characters took 330 MB to import.
pub(super) const MAX_TEXT_BYTES: u64 = 24 * 1024 * 1024;

/// Most bytes of one string's XML text kept while it is read: any string a cell may show
/// ([`MAX_CELL_CHARS`] characters, each at most 7 bytes as an `_xHHHH_` escape) fits. Beyond,
/// its characters are only counted: a string of 250 MB in runs of `<t>` (each within the
/// reader's run bound) was held whole before its length could refuse it.
pub(super) const KEEP_BYTES: usize = MAX_CELL_CHARS * 8;

/// The text of one string being read from its runs.
#[derive(Debug, Default)]
pub(super) struct Runs {
    text: String,
    run: String,
    in_t: bool,
    phonetic: usize,
    /// Characters read beyond [`KEEP_BYTES`], not kept.
    dropped: usize,
}

impl Runs {
    /// An element opened inside the string (`t`, `r`, `rPh`…).
    pub(super) fn open(&mut self, name: &str) {
        match name {
            "rPh" => self.phonetic += 1,
            "t" if self.phonetic == 0 => {
                self.in_t = true;
                self.run.clear();
            }
            _ => {}
        }
    }

    /// An element closed inside the string.
    pub(super) fn close(&mut self, name: &str) {
        match name {
            "rPh" => self.phonetic = self.phonetic.saturating_sub(1),
            "t" if self.in_t => {
                self.in_t = false;
                unescape_into(&self.run, &mut self.text);
                self.run.clear();
            }
            _ => {}
        }
    }

    /// Text (or a reference) inside the string: kept when inside a shown `t`.
    pub(super) fn event(&mut self, xml: &Xml<'_>, event: &Event<'_>) -> Result<(), TableError> {
        if !self.in_t {
            return Ok(());
        }
        if self.text.len() + self.run.len() <= KEEP_BYTES {
            xml.text(event, &mut self.run)?;
        } else {
            let mut piece = String::new();
            xml.text(event, &mut piece)?;
            self.dropped += piece.chars().count();
        }
        Ok(())
    }

    /// The string, its length in characters, and a fresh state for the next; the text is
    /// `None` when the string is longer than any cell may show (only counted).
    pub(super) fn take(&mut self) -> (Option<String>, usize) {
        let s = std::mem::take(&mut self.text);
        let dropped = self.dropped;
        *self = Runs::default();
        let chars = s.chars().count() + dropped;
        if chars > MAX_CELL_CHARS {
            (None, chars)
        } else {
            (Some(s), chars)
        }
    }
}

/// The shared-string table. A string longer than any cell of a list may hold
/// ([`MAX_CELL_CHARS`]) is kept as its length only: a cell that shows it is refused, naming
/// the cell, and one that no cell shows costs nothing.
#[derive(Debug, Default)]
pub(super) struct Strings {
    list: Vec<String>,
    /// Characters of each string too long to keep, by index.
    long: HashMap<usize, usize>,
}

impl Strings {
    /// String `i`: its text, or how many characters it has when too long to keep; `None` when
    /// the table has no such string.
    pub(super) fn get(&self, i: usize) -> Option<Result<&str, usize>> {
        let s = self.list.get(i)?;
        Some(match self.long.get(&i) {
            Some(&chars) => Err(chars),
            None => Ok(s),
        })
    }

    /// How many strings the table holds.
    pub(super) fn len(&self) -> usize {
        self.list.len()
    }
}

/// Read the shared-string table. Refused beyond [`MAX_CELLS`] strings: no list has more
/// distinct texts than cells, and the table's `count` attribute is never trusted.
pub(super) fn shared_strings(xml: &mut Xml<'_>) -> Result<Strings, TableError> {
    let mut out = Strings::default();
    let mut runs = Runs::default();
    let mut in_si = false;
    // The table's text counts against the same bound as the cells' (a table of a million
    // strings of 450 bytes, deflated to 2 MB, held 480 MB).
    let mut left = MAX_TEXT_BYTES;
    loop {
        let (event, level) = xml.next()?;
        match &event {
            Event::Start(e) if level == 2 && local(e) == "si" => {
                in_si = true;
                runs = Runs::default();
            }
            Event::Empty(e) if level == 2 && local(e) == "si" => {
                push(xml, &mut out, (Some(String::new()), 0), &mut left)?
            }
            Event::End(e) if level == 2 && local_end(e) == "si" => {
                in_si = false;
                push(xml, &mut out, runs.take(), &mut left)?;
            }
            Event::Start(e) if in_si => runs.open(local(e)),
            Event::End(e) if in_si => runs.close(local_end(e)),
            Event::Eof => break,
            _ if in_si => runs.event(xml, &event)?,
            _ => {}
        }
    }
    Ok(out)
}

fn push(
    xml: &Xml<'_>,
    out: &mut Strings,
    (s, chars): (Option<String>, usize),
    left: &mut u64,
) -> Result<(), TableError> {
    let s = match s {
        Some(s) => s,
        None => {
            out.long.insert(out.list.len(), chars);
            String::new()
        }
    };
    match left.checked_sub(s.len() as u64) {
        Some(l) => *left = l,
        None => {
            return Err(TableError::TooManyItems {
                part: xml.part().to_owned(),
                what: "bytes of text",
                what_vi: "byte chữ",
                limit: MAX_TEXT_BYTES as usize,
            })
        }
    }
    if out.list.len() >= MAX_CELLS {
        return Err(TableError::TooManyItems {
            part: xml.part().to_owned(),
            what: "shared strings",
            what_vi: "chuỗi chữ",
            limit: MAX_CELLS,
        });
    }
    out.list.push(s);
    Ok(())
}

/// The local name of a closing tag.
pub(super) fn local_end<'e>(e: &'e quick_xml::events::BytesEnd<'_>) -> &'e str {
    e.local_name().into_inner()
}

/// Decode Excel's escapes as Excel does: `_xHHHH_` (four hex digits, either case) is the
/// character U+HHHH, a surrogate pair written as two escapes is one character, and `_x005F_`
/// is a literal underscore, so `_x005F_x0041_` shows `_x0041_`. An escape that names no
/// character (a lone surrogate) stays as written.
pub(super) fn unescape_into(s: &str, out: &mut String) {
    if !s.contains("_x") {
        out.push_str(s);
        return;
    }
    let mut rest = s;
    while let Some(i) = rest.find("_x") {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        match escape_at(after) {
            Some(u) if (0xD800..0xDC00).contains(&u) => {
                let low = after.get(7..).and_then(escape_at);
                match low.filter(|l| (0xDC00..0xE000).contains(l)) {
                    Some(l) => {
                        let c = 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00);
                        out.extend(char::from_u32(c));
                        rest = &after[14..];
                    }
                    None => {
                        out.push_str(&after[..7]);
                        rest = &after[7..];
                    }
                }
            }
            Some(u) => match char::from_u32(u) {
                Some(c) => {
                    out.push(c);
                    rest = &after[7..];
                }
                None => {
                    out.push_str(&after[..7]);
                    rest = &after[7..];
                }
            },
            None => {
                out.push_str("_x");
                rest = &after[2..];
            }
        }
    }
    out.push_str(rest);
}

/// The code point of `_xHHHH_` at the start of `s`.
fn escape_at(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    if b.len() < 7 || !s.starts_with("_x") || b[6] != b'_' {
        return None;
    }
    let hex = s.get(2..6)?;
    if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(hex, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn un(s: &str) -> String {
        let mut out = String::new();
        unescape_into(s, &mut out);
        out
    }

    #[test]
    fn escapes_decode_as_excel_does() {
        assert_eq!(un("a_x000D_b"), "a\rb");
        assert_eq!(un("a_x000d__x000a_b"), "a\r\nb");
        assert_eq!(un("_x005F_x0041_"), "_x0041_");
        assert_eq!(un("_x0041"), "_x0041");
        assert_eq!(un("_xZZZZ_"), "_xZZZZ_");
        assert_eq!(un("Lê_x0020_Văn"), "Lê Văn");
        assert_eq!(un("_xD83D__xDE00_"), "\u{1F600}");
        assert_eq!(un("_xD83D_x"), "_xD83D_x");
        assert_eq!(un("Nguyễn_x"), "Nguyễn_x");
        assert_eq!(un("__x0041_"), "_A");
    }
}
