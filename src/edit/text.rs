//! Small tools for editing YAML as text: writing a value so that it reads back as the same
//! text, telling how a scalar was written, comparing trees without their positions, and
//! wrapping Vietnamese help text into comment lines.

/// One quoting helper for every writer (#20).
pub(crate) use crate::yaml::quote::dq;
use crate::yaml::tree::{Node, Scalar};

/// How a scalar is written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Unquoted.
    Plain,
    /// `"..."`.
    Double,
    /// `'...'`.
    Single,
    /// `|` or `>`: the span covers only the content lines, not the indicator.
    Block,
}

/// The style of a scalar, from the first byte of its span.
pub(crate) fn style(s: &Scalar, body: &str) -> Style {
    if s.plain {
        return Style::Plain;
    }
    match body.as_bytes().get(s.span.start.byte as usize) {
        Some(b'"') => Style::Double,
        Some(b'\'') => Style::Single,
        _ => Style::Block,
    }
}

/// The source bytes of a scalar.
pub(crate) fn raw<'a>(s: &Scalar, body: &'a str) -> &'a str {
    body.get(s.span.start.byte as usize..s.span.end_byte as usize)
        .unwrap_or("")
}

/// A single-quoted scalar reading back as `s`, when one exists (no line breaks or controls).
pub(crate) fn sq(s: &str) -> Option<String> {
    if s.chars().any(|c| c.is_control() || c == '\u{feff}') {
        return None;
    }
    Some(format!("'{}'", s.replace('\'', "''")))
}

/// Whether `s` can be written unquoted, in block or flow context, and read back as the same
/// text (not a number, a boolean, null, or YAML syntax). Conservative: when in doubt, quote.
pub(crate) fn plain_ok(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.trim() != s || !s.chars().any(char::is_alphabetic) {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.chars()
        .any(|c| c.is_control() || matches!(c, ',' | '[' | ']' | '{' | '}' | '\u{feff}'))
    {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    !matches!(
        lower.as_str(),
        "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "~"
    )
}

/// `\r\n` when the text's first line ends so, else `\n`: new lines match the file's.
pub(crate) fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// Two trees with the same structure, keys and texts, wherever they are written.
pub(crate) fn same(a: &Node, b: &Node) -> bool {
    match (a, b) {
        (Node::Scalar(x), Node::Scalar(y)) => x.text == y.text && x.plain == y.plain,
        (Node::Seq(x, _), Node::Seq(y, _)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Node::Map(x, _), Node::Map(y, _)) => {
            x.len() == y.len()
                && x.iter().zip(y).all(|((kp, vp), (kq, vq))| {
                    kp.text == kq.text && kp.plain == kq.plain && same(vp, vq)
                })
        }
        _ => false,
    }
}

/// The byte just past the last thing written for a node: the furthest end of any scalar in it
/// (a flow collection's closing bracket is not part of any span; callers go to the end of its
/// line).
pub(crate) fn extent_end(node: &Node) -> usize {
    match node {
        Node::Scalar(s) => s.span.end_byte as usize,
        Node::Seq(items, sp) => items
            .iter()
            .map(extent_end)
            .fold(sp.end_byte as usize, usize::max),
        Node::Map(entries, sp) => entries
            .iter()
            .map(|(k, v)| (k.span.end_byte as usize).max(extent_end(v)))
            .fold(sp.end_byte as usize, usize::max),
    }
}

/// Byte offset of the start of the line holding `at`.
pub(crate) fn line_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// Byte offset just past the line break that ends the line holding `at` (or the text's end).
pub(crate) fn after_line(text: &str, at: usize) -> usize {
    // A span that ends just after a line break (a block scalar's) already ends its line.
    if at > 0 && text.as_bytes().get(at - 1) == Some(&b'\n') {
        return at;
    }
    text.get(at..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| at + i + 1)
}

/// `text` as comment lines of at most `width` characters, each starting with `indent# `.
/// Line breaks and runs of spaces in the text are folded: a rule set's folded paragraphs read
/// as one paragraph.
pub(crate) fn comment(text: &str, indent: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    // The line's length in characters, kept as it grows rather than counted again at every
    // word: an import writes these for every standard of thousands of reports (#21).
    let mut len = 0;
    let say = |out: &mut String, line: &str| {
        out.push_str(indent);
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    };
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if len > 0 && len + 1 + w > width {
            say(&mut out, &line);
            line.clear();
            len = 0;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += w;
    }
    if !line.is_empty() || out.is_empty() {
        say(&mut out, &line);
    }
    out
}

/// Text made safe for the rest of a comment line: one line, spaces folded.
pub(crate) fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::tree::parse;

    fn reads_back(v: &str) -> Option<String> {
        let root = parse(&format!("k: {v}\n")).root?;
        root.text("k").map(str::to_owned)
    }

    #[test]
    fn quoted_values_read_back_exactly() {
        for s in [
            "Nguyễn Thị Hằng",
            "a \"b\" \\ c",
            "x\ny\tz",
            "# not a comment",
            "45/TTr-UBND",
            "\u{7}bell",
            "  spaces  ",
            "",
        ] {
            assert_eq!(reads_back(&dq(s)).as_deref(), Some(s), "{s:?}");
            if let Some(q) = sq(s) {
                assert_eq!(reads_back(&q).as_deref(), Some(s), "{s:?}");
            }
        }
    }

    #[test]
    fn plain_only_when_it_reads_back_as_text() {
        assert!(plain_ok("Nguyễn Thị Hằng"));
        assert!(plain_ok("Y sĩ"));
        for bad in [
            "", "true", "Yes", "123", "a: b", "a #b", "-x", "a,b", "[x]", " a", "x:", "~",
        ] {
            assert!(!plain_ok(bad), "{bad:?}");
        }
    }

    /// The wrapping that keeps the line's length as it goes gives what counting it again at
    /// every word gave, and `one_line` what joining the words gave.
    #[test]
    fn comment_and_one_line_agree_with_the_plain_forms() {
        fn counted(text: &str, indent: &str, width: usize) -> String {
            let mut out = String::new();
            let mut line = String::new();
            for word in text.split_whitespace() {
                let len = line.chars().count();
                if len > 0 && len + 1 + word.chars().count() > width {
                    out.push_str(&format!("{indent}# {line}\n"));
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            if !line.is_empty() || out.is_empty() {
                out.push_str(&format!("{indent}# {line}\n"));
            }
            out
        }
        let words = [
            "một",
            "hai",
            "Nguyễn",
            "x",
            "chữ-rất-dài-không-ngắt-được-ở-đâu",
            "\t",
            "\n",
            "  ",
        ];
        let mut seed: u32 = 7;
        for _ in 0..2_000 {
            let mut text = String::new();
            for _ in 0..(seed % 40) {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                text.push_str(words[(seed >> 16) as usize % words.len()]);
                text.push(' ');
            }
            for width in [1, 5, 10, 30, 80] {
                assert_eq!(
                    comment(&text, "  ", width),
                    counted(&text, "  ", width),
                    "{text:?}"
                );
            }
            assert_eq!(
                one_line(&text),
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }

    #[test]
    fn comments_wrap_and_keep_every_word() {
        let c = comment("một hai ba bốn năm sáu bảy tám", "  ", 10);
        assert_eq!(c, "  # một hai ba\n  # bốn năm\n  # sáu bảy\n  # tám\n");
        assert_eq!(comment("", "", 80), "# \n");
    }

    #[test]
    fn line_tools() {
        let t = "a: 1\r\nb: |\n  x\nc: 2";
        assert_eq!(line_ending(t), "\r\n");
        assert_eq!(line_ending("a\nb"), "\n");
        assert_eq!(after_line(t, 2), 6);
        assert_eq!(after_line(t, t.len()), t.len());
        assert_eq!(line_start(t, 8), 6);
    }
}
