//! Positions in the files of a dossier.
//!
//! Every finding points at a file, a line and a column. Columns are counted in characters, not
//! bytes, because a Vietnamese letter with its marks takes two or three bytes in UTF-8 and a clerk
//! counts what they see. The YAML parser gives both the character position and the byte offset of
//! each event, so they are kept side by side here: characters for the message, bytes for the
//! snippet renderer.

use serde::Serialize;

/// A point in a text file: 1-based line, 1-based column in characters, 0-based byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in Unicode scalar values.
    pub column: u32,
    /// 0-based byte offset into the (BOM-stripped) text.
    #[serde(skip)]
    pub byte: u32,
}

/// A range of text: where it starts, and the byte where it ends (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// First character.
    pub start: Pos,
    /// Byte offset just past the last character.
    pub end_byte: u32,
}

impl Span {
    /// An empty span at a point.
    #[must_use]
    pub fn at(start: Pos) -> Self {
        Span {
            start,
            end_byte: start.byte,
        }
    }
}

/// A value with the place it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sp<T> {
    /// The value.
    pub v: T,
    /// Where it is written.
    pub at: Span,
}

impl<T> Sp<T> {
    /// Wrap a value with its span.
    pub fn new(v: T, at: Span) -> Self {
        Sp { v, at }
    }

    /// The same place with another value.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Sp<U> {
        Sp {
            v: f(self.v),
            at: self.at,
        }
    }
}

/// Find the position of a byte offset in a text (used for positions not given by the parser).
#[must_use]
pub fn pos_of_byte(text: &str, byte: usize) -> Pos {
    let byte = floor_char_boundary(text, byte.min(text.len()));
    let before = &text[..byte];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    Pos {
        line: to_u32(line),
        column: to_u32(column),
        byte: to_u32(byte),
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Saturating conversion: positions past 4 GiB cannot occur (files are size-capped), but a
/// saturated number is better than a panic if they ever did.
#[must_use]
pub fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "ten: \"Nguyễn Thị Hằng\"\nx: 1\n";
        let i = text.find("Hằng").unwrap_or(0);
        let p = pos_of_byte(text, i);
        assert_eq!((p.line, p.column), (1, 18));
        let j = text.find('x').unwrap_or(0);
        assert_eq!(pos_of_byte(text, j).line, 2);
    }

    #[test]
    fn byte_inside_a_character_rounds_down() {
        let text = "ễ";
        assert_eq!(pos_of_byte(text, 1).column, 1);
        assert_eq!(pos_of_byte(text, 99).column, 2);
    }
}
