//! A scanner for the plain block YAML that dossier files are written in, and nothing more.
//!
//! Why it exists: on a shared folder of thousands of dossiers, the full YAML parser was half of
//! the time of `dossier check` (it checks every scalar for non-printable characters one
//! character at a time, and moves large tokens around). The dossier format only needs block
//! mappings and sequences, quoted and plain one-line scalars, `|` texts, one-line flow mappings
//! and comments, and that is what the templates, `dossier init` and every real file use.
//!
//! How it stays correct: it feeds the same [`Builder`] as the full parser, with the same
//! positions, and it gives up (returns `None`) on anything outside that subset or anything it is
//! not sure of: tabs, a CR that is not part of CR LF, control characters, anchors, tags, `---`,
//! escapes, multi-line plain or quoted scalars, folded texts, indentation it does not expect, a
//! budget exceeded. The file is then read again by the full parser, whose answer (and error messages) is the one reported.
//! A test compares both parsers on every file in the repository and on thousands of mutations of
//! them: wherever this scanner answers, its tree must equal the full parser's.

use std::borrow::Cow;

use super::build::{Builder, Ev};
use super::node::Parsed;
use crate::source::{to_u32, Pos, Span};

/// Give up: the full parser reads the file.
struct Bail;

type R<T> = Result<T, Bail>;

/// Whether `c` may not start a plain scalar here (YAML indicators; `-` too, to keep `-1` and
/// `- x` out of the question). Asked of every plain scalar: a `match`, not `contains` on a list
/// of them, which called the standard library's `memchr` each time (1.5 % of a check).
fn is_indicator(c: u8) -> bool {
    matches!(
        c,
        b'-' | b'?'
            | b':'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'\''
            | b'"'
            | b'%'
            | b'@'
            | b'`'
    )
}

/// Longest key accepted (YAML caps implicit keys at 1,024 characters).
const MAX_KEY_BYTES: usize = 1000;

/// Parse `text` if it is in the subset; `None` sends it to the full parser.
pub(super) fn parse(text: &str) -> Option<Parsed> {
    if !plain_characters(text.as_bytes()) {
        return None;
    }
    let mut s = Scanner {
        text,
        b: text.as_bytes(),
        line: Line::at(text.as_bytes(), 0),
        lineno: 1,
        column: std::cell::Cell::new((0, 0)),
        builder: Builder::default(),
    };
    s.document().ok()?;
    s.builder.finish()
}

/// LF or CR LF line breaks, no tabs, and no character the full parser would refuse or treat
/// specially (C0/C1 controls, DEL, BOM, U+2028/2029, U+FFFE/FFFF).
fn plain_characters(b: &[u8]) -> bool {
    // A block at a time, without branches, so the loop is vectorised; only the rare block with
    // a candidate byte (curly quotes start with 0xE2) is looked at byte by byte.
    const BLOCK: usize = 64;
    // CR only as part of CR LF (one hit per line of a Windows file, none in others).
    if !memchr::memchr_iter(b'\r', b).all(|i| b.get(i + 1) == Some(&b'\n')) {
        return false;
    }
    b.chunks(BLOCK).enumerate().all(|(n, block)| {
        let candidate = block.iter().fold(false, |acc, &c| {
            acc | ((c < 0x20) & (c != b'\n') & (c != b'\r'))
                | (c == 0x7F)
                | (c == 0xC2)
                | (c == 0xE2)
                | (c == 0xEF)
        });
        !candidate || (0..block.len()).all(|k| allowed_at(b, n * BLOCK + k))
    })
}

/// Whether the byte at `i` may stay (see [`plain_characters`]).
fn allowed_at(b: &[u8], i: usize) -> bool {
    match b[i] {
        b'\n' => true,
        b'\r' => b.get(i + 1) == Some(&b'\n'),
        0x00..=0x1F | 0x7F => false,
        0xC2 => !matches!(b.get(i + 1), Some(0x80..=0x9F)),
        0xE2 => !(b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9))),
        0xEF => !matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0xBB), Some(0xBF)) | (Some(0xBF), Some(0xBE | 0xBF))
        ),
        _ => true,
    }
}

/// One line of the text.
#[derive(Clone, Copy)]
struct Line {
    /// Byte where it starts.
    start: usize,
    /// Bytes of leading spaces.
    indent: usize,
    /// Byte after its last character: its `\r\n` or `\n`, or the end of the text.
    end: usize,
    /// Byte where the next line starts (the end of the text after the last line).
    next: usize,
}

impl Line {
    fn at(b: &[u8], start: usize) -> Line {
        let (end, next) = match memchr::memchr(b'\n', &b[start..]) {
            Some(i) => {
                let lf = start + i;
                // The full parser treats CR LF as one break and places everything at the CR.
                let end = if lf > start && b[lf - 1] == b'\r' {
                    lf - 1
                } else {
                    lf
                };
                (end, lf + 1)
            }
            None => (b.len(), b.len()),
        };
        let indent = b[start..end].iter().take_while(|&&c| c == b' ').count();
        Line {
            start,
            indent,
            end,
            next,
        }
    }

    /// Nothing but spaces, or a comment.
    fn is_skippable(&self, b: &[u8]) -> bool {
        let first = self.start + self.indent;
        first == self.end || b[first] == b'#'
    }
}

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    line: Line,
    /// 1-based number of `line`.
    lineno: u32,
    /// The last position asked for on this line: (byte, characters before it on the line).
    /// Positions are asked for left to right, so a line of 50,000 values is counted once, not
    /// once per value.
    column: std::cell::Cell<(usize, usize)>,
    builder: Builder,
}

impl<'a> Scanner<'a> {
    fn eof(&self) -> bool {
        self.line.start >= self.b.len()
    }

    fn advance(&mut self) {
        self.line = Line::at(self.b, self.line.next);
        self.lineno += 1;
        self.column.set((self.line.start, 0));
    }

    fn skip_blank(&mut self) {
        while !self.eof() && self.line.is_skippable(self.b) {
            self.advance();
        }
    }

    /// The position of a byte of the current line.
    fn pos(&self, byte: usize) -> Pos {
        let (from, before) = match self.column.get() {
            (at, n) if at <= byte && at >= self.line.start => (at, n),
            _ => (self.line.start, 0),
        };
        let chars = before
            + self.b[from..byte]
                .iter()
                .filter(|&&c| c & 0xC0 != 0x80)
                .count();
        self.column.set((byte, chars));
        Pos {
            line: self.lineno,
            column: to_u32(chars + 1),
            byte: to_u32(byte),
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span {
            start: self.pos(start),
            end_byte: to_u32(end),
        }
    }

    fn emit(&mut self, ev: Ev<'_>, at: Span) -> R<()> {
        self.builder.event(ev, at).map_err(|_| Bail)
    }

    fn scalar(&mut self, text: Cow<'a, str>, plain: bool, start: usize, end: usize) -> R<()> {
        let at = self.span(start, end);
        self.emit(Ev::Scalar(text, plain, 0), at)
    }

    /// A value left empty: YAML's null, where the full parser places it.
    fn null(&mut self, at: Span) -> R<()> {
        self.emit(Ev::Scalar(Cow::Borrowed("~"), true, 0), at)
    }

    /// The end of a block collection, at the line that closed it.
    fn end_block(&mut self) -> R<()> {
        let at = self.span(self.line.start, self.line.start);
        self.emit(Ev::End, at)
    }

    /// Where the text of a plain scalar from `p` to `stop` ends, trailing spaces dropped.
    fn trim_end(&self, p: usize, mut stop: usize) -> usize {
        while stop > p && self.b[stop - 1] == b' ' {
            stop -= 1;
        }
        stop
    }

    fn document(&mut self) -> R<()> {
        self.skip_blank();
        if self.eof() || self.line.indent != 0 || self.b[self.line.start..].starts_with(b"---") {
            return Err(Bail);
        }
        let at = self.span(self.line.start, self.line.start);
        self.emit(Ev::DocumentStart, at)?;
        self.block_node(0)?;
        self.skip_blank();
        if self.eof() {
            Ok(())
        } else {
            Err(Bail)
        }
    }

    /// `-` then a space or the end of the line.
    fn is_dash(&self, at: usize) -> bool {
        self.b[at] == b'-' && (at + 1 == self.line.end || self.b[at + 1] == b' ')
    }

    /// A mapping or sequence whose first line is the current one, indented by `indent`.
    fn block_node(&mut self, indent: usize) -> R<()> {
        if self.is_dash(self.line.start + indent) {
            self.block_seq(indent, false)
        } else {
            self.block_map(indent, None)
        }
    }

    /// A block mapping at column `indent`; `first` is its first key, already read, when it
    /// starts on a `- ` line.
    fn block_map(&mut self, indent: usize, first: Option<Key<'a>>) -> R<()> {
        let begin = first.as_ref().map_or(self.line.start + indent, |k| k.start);
        let at = self.span(begin, begin);
        self.emit(Ev::MapStart(0), at)?;
        let mut pending = first;
        loop {
            let key = match pending.take() {
                Some(key) => key,
                None => {
                    let Some(k) = self.next_entry(indent)? else {
                        break;
                    };
                    if self.is_dash(k) {
                        // A sequence at a mapping's own indentation ends it, in YAML; here it
                        // is left to the full parser.
                        return Err(Bail);
                    }
                    self.key(k).ok_or(Bail)?
                }
            };
            self.scalar(key.text, key.plain, key.start, key.end)?;
            self.map_value(indent, key.colon)?;
        }
        self.end_block()
    }

    /// The next entry of a block at column `indent`: where its line's text starts, or `None`
    /// when a less indented line (or the end) closes the block. A deeper line is not an entry.
    fn next_entry(&mut self, indent: usize) -> R<Option<usize>> {
        self.skip_blank();
        if self.eof() || self.line.indent < indent {
            return Ok(None);
        }
        if self.line.indent > indent {
            return Err(Bail);
        }
        Ok(Some(self.line.start + indent))
    }

    /// The value after the `:` at `colon`, in a mapping at column `indent`.
    fn map_value(&mut self, indent: usize, colon: usize) -> R<()> {
        let p = self.skip_spaces(colon + 1);
        if p == self.line.end || self.b[p] == b'#' {
            // An empty value sits at its colon, in the full parser.
            let null_span = self.span(colon, colon);
            self.advance();
            self.skip_blank();
            if !self.eof() && self.line.indent > indent {
                return self.block_node(self.line.indent);
            }
            if !self.eof() && self.line.indent == indent && self.is_dash(self.line.start + indent) {
                return self.block_seq(indent, true);
            }
            return self.null(null_span);
        }
        if self.b[p] == b'|' {
            return self.literal(indent, p);
        }
        self.inline_value(p)?;
        self.no_continuation(indent)
    }

    /// A one-line value at `p`: quoted, flow or plain; the rest of the line must be empty.
    fn inline_value(&mut self, p: usize) -> R<()> {
        let end = match self.b[p] {
            b'"' | b'\'' => {
                let q = self.quoted(p)?;
                self.scalar(q.text, false, p, q.end)?;
                q.end
            }
            b'{' | b'[' => self.flow(p)?,
            _ => {
                let (text_end, _) = self.plain(p, false)?;
                self.scalar(Cow::Borrowed(&self.text[p..text_end]), true, p, text_end)?;
                text_end
            }
        };
        self.end_of_line(end)?;
        self.advance();
        Ok(())
    }

    /// After a one-line value, a deeper line would continue it (a multi-line scalar) or be an
    /// error: either way, the full parser's business.
    fn no_continuation(&mut self, indent: usize) -> R<()> {
        self.skip_blank();
        if !self.eof() && self.line.indent > indent {
            return Err(Bail);
        }
        Ok(())
    }

    /// Only spaces and a comment after `at` on this line.
    fn end_of_line(&self, at: usize) -> R<()> {
        let p = self.skip_spaces(at);
        if p == self.line.end || (p > at && self.b[p] == b'#') {
            Ok(())
        } else {
            Err(Bail)
        }
    }

    fn skip_spaces(&self, mut p: usize) -> usize {
        while p < self.line.end && self.b[p] == b' ' {
            p += 1;
        }
        p
    }

    /// A block sequence at column `indent`; `indentless` when it is a mapping's value written at
    /// the mapping's own column (`key:` then `- item` below it).
    fn block_seq(&mut self, indent: usize, indentless: bool) -> R<()> {
        let dash = self.line.start + indent;
        let begin = if indentless {
            // The full parser places such a sequence at its first item, not at the dash.
            let p = self.skip_spaces(dash + 1);
            if p == self.line.end || self.b[p] == b'#' {
                return Err(Bail);
            }
            p
        } else {
            dash
        };
        let at = self.span(begin, begin);
        self.emit(Ev::SeqStart(0), at)?;
        while let Some(dash) = self.next_entry(indent)? {
            if !self.is_dash(dash) {
                break;
            }
            let p = self.skip_spaces(dash + 1);
            if p == self.line.end || self.b[p] == b'#' {
                // An empty item sits at the end of its line, in the full parser.
                let null_span = self.span(self.line.end, self.line.end);
                self.advance();
                self.skip_blank();
                if !self.eof() && self.line.indent > indent {
                    self.block_node(self.line.indent)?;
                } else {
                    self.null(null_span)?;
                }
                continue;
            }
            if self.is_dash(p) || matches!(self.b[p], b'|' | b'>') {
                return Err(Bail);
            }
            if let Some(key) = self.key(p) {
                self.block_map(p - self.line.start, Some(key))?;
            } else {
                self.inline_value(p)?;
                self.no_continuation(indent)?;
            }
        }
        self.end_block()
    }

    /// A key at `p` followed by `:` and a space or the end of the line.
    fn key(&self, p: usize) -> Option<Key<'a>> {
        let (text, plain, end, after) = match self.b[p] {
            b'"' | b'\'' => {
                let q = self.quoted(p).ok()?;
                (q.text, false, q.end, self.skip_spaces(q.end))
            }
            _ => {
                let (text_end, colon) = self.plain(p, true).ok()?;
                (
                    Cow::Borrowed(&self.text[p..text_end]),
                    true,
                    text_end,
                    colon,
                )
            }
        };
        let colon_ok = after < self.line.end
            && self.b[after] == b':'
            && (after + 1 == self.line.end || self.b[after + 1] == b' ');
        (colon_ok && end - p <= MAX_KEY_BYTES).then_some(Key {
            text,
            plain,
            start: p,
            end,
            colon: after,
        })
    }

    /// A plain scalar at `p` in block context: where its text ends (trailing spaces dropped),
    /// and where it stopped (a `: ` when `key`, else the comment or the end of the line).
    fn plain(&self, p: usize, key: bool) -> R<(usize, usize)> {
        if is_indicator(self.b[p]) {
            return Err(Bail);
        }
        let mut i = p;
        let stop = loop {
            if i == self.line.end {
                break i;
            }
            match self.b[i] {
                b':' => {
                    let next = self.b.get(i + 1).copied();
                    if key {
                        if i + 1 == self.line.end || next == Some(b' ') {
                            break i;
                        }
                        // `a:b` keys are legal YAML but rare enough to leave to the parser.
                        return Err(Bail);
                    }
                    if i + 1 == self.line.end || next == Some(b' ') {
                        // `key: a: b` is an error in YAML.
                        return Err(Bail);
                    }
                }
                b'#' if self.b[i - 1] == b' ' => {
                    if key {
                        return Err(Bail);
                    }
                    break i;
                }
                _ => {}
            }
            i += 1;
        };
        Ok((self.trim_end(p, stop), stop))
    }

    /// A quoted scalar at `p`, closed on the same line, without escapes.
    fn quoted(&self, p: usize) -> R<Quoted<'a>> {
        let q = self.b[p];
        let mut i = p + 1;
        let mut doubled = false;
        loop {
            if i >= self.line.end {
                return Err(Bail);
            }
            let c = self.b[i];
            if q == b'"' && c == b'\\' {
                return Err(Bail);
            }
            if c == q {
                if q == b'\'' && self.b.get(i + 1) == Some(&b'\'') && i + 1 < self.line.end {
                    doubled = true;
                    i += 2;
                    continue;
                }
                break;
            }
            i += 1;
        }
        let inner = &self.text[p + 1..i];
        let text = if doubled {
            Cow::Owned(inner.replace("''", "'"))
        } else {
            Cow::Borrowed(inner)
        };
        Ok(Quoted { text, end: i + 1 })
    }

    /// A one-line flow mapping or sequence at `p`, of scalars only; returns the byte after it.
    fn flow(&mut self, p: usize) -> R<usize> {
        let map = self.b[p] == b'{';
        let close = if map { b'}' } else { b']' };
        let at = self.span(p, p + 1);
        self.emit(
            if map {
                Ev::MapStart(0)
            } else {
                Ev::SeqStart(0)
            },
            at,
        )?;
        let mut i = self.skip_spaces(p + 1);
        if i < self.line.end && self.b[i] == close {
            return self.flow_end(i);
        }
        loop {
            i = self.flow_scalar(i, map)?;
            if map {
                i = self.skip_spaces(i);
                if i + 1 >= self.line.end || self.b[i] != b':' || self.b[i + 1] != b' ' {
                    return Err(Bail);
                }
                i = self.flow_scalar(self.skip_spaces(i + 1), false)?;
            }
            i = self.skip_spaces(i);
            if i >= self.line.end {
                return Err(Bail);
            }
            match self.b[i] {
                b',' => {
                    i = self.skip_spaces(i + 1);
                    if i >= self.line.end || self.b[i] == close {
                        return Err(Bail);
                    }
                }
                c if c == close => return self.flow_end(i),
                _ => return Err(Bail),
            }
        }
    }

    fn flow_end(&mut self, i: usize) -> R<usize> {
        let at = self.span(i, i + 1);
        self.emit(Ev::End, at)?;
        Ok(i + 1)
    }

    /// A scalar inside a flow collection at `p`: quoted, or plain up to `,` `}` `]` (or `: `
    /// for a key).
    fn flow_scalar(&mut self, p: usize, key: bool) -> R<usize> {
        if p >= self.line.end {
            return Err(Bail);
        }
        if matches!(self.b[p], b'"' | b'\'') {
            let q = self.quoted(p)?;
            self.scalar(q.text, false, p, q.end)?;
            return Ok(q.end);
        }
        if is_indicator(self.b[p]) {
            return Err(Bail);
        }
        let mut i = p;
        while i < self.line.end {
            match self.b[i] {
                b',' | b'}' | b']' => break,
                b':' if key && self.b.get(i + 1) == Some(&b' ') => break,
                b':' | b'#' | b'{' | b'[' | b'"' | b'\'' => return Err(Bail),
                _ => i += 1,
            }
        }
        let end = self.trim_end(p, i);
        self.scalar(Cow::Borrowed(&self.text[p..end]), true, p, end)?;
        Ok(i)
    }

    /// A `|` or `|-` text whose indicator is at `p`, in a mapping at column `indent`.
    fn literal(&mut self, indent: usize, p: usize) -> R<()> {
        let strip = self.b.get(p + 1) == Some(&b'-') && p + 1 < self.line.end;
        self.end_of_line(p + 1 + usize::from(strip))?;
        self.advance();
        if self.eof() || self.line.start + self.line.indent == self.line.end {
            // Leading blank lines, or no text at all.
            return Err(Bail);
        }
        let m = self.line.indent;
        if m <= indent {
            return Err(Bail);
        }
        let start = self.span(self.line.start + m, self.line.start + m).start;
        let mut out = String::new();
        let mut blanks = 0;
        while !self.eof() {
            let l = self.line;
            if l.start == l.end {
                blanks += 1;
            } else if l.start + l.indent == l.end {
                // A line of spaces: content or blank depending on its length; not worth it.
                return Err(Bail);
            } else if l.indent < m {
                break;
            } else {
                out.extend(std::iter::repeat_n('\n', blanks));
                blanks = 0;
                out.push_str(&self.text[l.start + m..l.end]);
                out.push('\n');
            }
            self.advance();
        }
        if strip {
            out.pop();
        }
        // The full parser ends the text after the indentation of the line that ended it.
        let end = self.line.start + self.line.indent;
        self.emit(
            Ev::Scalar(Cow::Owned(out), false, 0),
            Span {
                start,
                end_byte: to_u32(end),
            },
        )
    }
}

struct Key<'a> {
    text: Cow<'a, str>,
    plain: bool,
    /// Byte where the key starts.
    start: usize,
    /// Byte after the key's text.
    end: usize,
    /// Byte of the `:`.
    colon: usize,
}

struct Quoted<'a> {
    text: Cow<'a, str>,
    /// Byte after the closing quote.
    end: usize,
}

#[cfg(test)]
mod tests;
