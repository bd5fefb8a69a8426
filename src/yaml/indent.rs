//! The indentation YAML 1.2 requires of a quoted value or a `[ ]`/`{ }` list continued on
//! further lines, which the parser under `serde-saphyr` (and PyYAML) does not enforce.
//!
//! `ten: "Nguyễn Thị` / `Hằng"` with the second line at column 0 is read by those parsers as one
//! value, but YAML 1.2 forbids it (a continuation line must be indented more than its key, and a
//! Tab is not indentation): a stricter reader at the receiving office refuses the file. The YAML
//! test suite holds such cases (QB6E, DK95/01, 9C9N). So the tree is checked here once it is
//! built, and such a line is a syntax error at the place of the missing indentation, as a
//! conforming reader would report it.

use super::node::{Node, Problem, Scalar};
use crate::source::{pos_of_byte, Span};

/// The first continuation line indented less than YAML 1.2 requires, as a syntax problem.
pub(super) fn check(text: &str, root: &Node) -> Option<Problem> {
    walk(text, root)
}

fn walk(text: &str, node: &Node) -> Option<Problem> {
    match node {
        Node::Scalar(_) => None,
        Node::Seq(items, span) => {
            let block = !starts_with(text, *span, ['[']);
            for item in items {
                if block {
                    // A block list's items are indented deeper than its dashes.
                    if let Some(p) = value(text, item, span.start.column) {
                        return Some(p);
                    }
                }
                if let Some(p) = walk(text, item) {
                    return Some(p);
                }
            }
            None
        }
        Node::Map(entries, span) => {
            let block = !starts_with(text, *span, ['{']);
            for (k, v) in entries {
                if block {
                    if let Some(p) = value(text, v, key_column(k)) {
                        return Some(p);
                    }
                }
                if let Some(p) = walk(text, v) {
                    return Some(p);
                }
            }
            None
        }
    }
}

fn key_column(k: &Scalar) -> u32 {
    k.span.start.column
}

fn starts_with(text: &str, span: Span, chars: [char; 1]) -> bool {
    text.get(span.start.byte as usize..)
        .is_some_and(|t| t.starts_with(chars))
}

/// A quoted scalar or flow collection that is the value of a block entry whose key (or dash)
/// is at 1-based column `at`: its continuation lines need at least `at` spaces.
fn value(text: &str, v: &Node, at: u32) -> Option<Problem> {
    let span = v.span();
    let start = span.start.byte as usize;
    let flow_or_quoted = text
        .get(start..)
        .is_some_and(|t| t.starts_with(['"', '\'', '[', '{']));
    if !flow_or_quoted {
        return None;
    }
    let end = extent(text, v).max(start);
    let body = text.get(start..end)?;
    let mut offset = start;
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += line.len();
        if i == 0 {
            continue;
        }
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim_matches([' ', '\t']).is_empty() {
            continue;
        }
        let spaces = content.len() - content.trim_start_matches(' ').len();
        if (spaces as u64) < u64::from(at) {
            let at_byte = line_start + spaces;
            let tab = content[spaces..].starts_with('\t');
            let message = if tab {
                "a tab is not indentation: the continuation line of a quoted value or flow collection must be indented with spaces, more than its key"
            } else {
                "the continuation line of a quoted value or flow collection must be indented more than its key"
            };
            return Some(Problem::Syntax {
                at: pos_of_byte(text, at_byte),
                message: message.to_owned(),
            });
        }
    }
    None
}

/// The byte just past a node: a scalar's end, or a flow collection's closing bracket (after
/// its last descendant).
fn extent(text: &str, node: &Node) -> usize {
    match node {
        Node::Scalar(s) => s.span.end_byte as usize,
        Node::Seq(items, span) => close(text, last_end(text, items.iter(), *span)),
        Node::Map(entries, span) => {
            close(text, last_end(text, entries.iter().map(|(_, v)| v), *span))
        }
    }
}

fn last_end<'a>(text: &str, nodes: impl Iterator<Item = &'a Node>, span: Span) -> usize {
    nodes
        .map(|n| extent(text, n))
        .max()
        .unwrap_or(span.start.byte as usize + 1)
}

/// Past the closing bracket that follows `from` (spaces, line breaks and commas between).
fn close(text: &str, from: usize) -> usize {
    let Some(rest) = text.get(from..) else {
        return from;
    };
    let skipped = rest.len() - rest.trim_start_matches([' ', '\t', '\n', '\r', ',']).len();
    match rest[skipped..].chars().next() {
        Some(']' | '}') => from + skipped + 1,
        _ => from,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tree::parse;
    use super::*;

    fn problem(t: &str) -> Option<(u32, u32)> {
        parse(t).problems.iter().find_map(|p| match p {
            Problem::Syntax { at, .. } => Some((at.line, at.column)),
            _ => None,
        })
    }

    #[test]
    fn continuation_lines_must_be_indented_past_their_key() {
        assert_eq!(problem("ten: \"Nguyễn Thị\nHằng\"\n"), Some((2, 1)));
        assert_eq!(problem("ten: \"Nguyễn Thị\n  Hằng\"\n"), None);
        assert_eq!(problem("a:\n  ten: \"x\n  y\"\n"), Some((3, 3)));
        assert_eq!(problem("a:\n  ten: \"x\n   y\"\n"), None);
        assert_eq!(problem("foo: \"bar\n\tbaz\"\n"), Some((2, 1)));
        assert_eq!(problem("flow: [a,\nb,\nc]\n"), Some((2, 1)));
        assert_eq!(problem("flow: [a,\n b,\n c]\n"), None);
        assert_eq!(problem("- \"a\nb\"\n"), Some((2, 1)));
        assert_eq!(problem("\"a\nb\"\n"), None);
    }
}
