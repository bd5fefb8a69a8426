//! YAML text to a small tree of nodes that remember where they were written.
//!
//! Why not deserialize straight into structs with serde: serde stops at the first problem, so a
//! report with one misspelt key would hide every other finding in it, and the checks across
//! documents would then see the report as missing. A clerk fixes a dossier in one pass only if
//! every problem is shown at once. So the parser's events (from `granit-parser`, the parser under
//! `serde-saphyr`) are built into this tree, and `crate::dossier::documents` reads the typed
//! documents from it, reporting every problem with its line and column.
//!
//! The builder (`build.rs`) enforces its own budgets, so hostile input stays cheap: nesting depth, node count
//! (which also bounds alias expansion: an alias is copied, and copies count), and alias count.

use serde_saphyr::granit_parser::{Event, Marker, Parser, ScalarStyle, Span as PSpan};

use super::build::{Builder, Ev};
pub use super::node::{
    is_null, Limit, Node, Parsed, Problem, Scalar, MAX_ALIASES, MAX_DEPTH, MAX_NODES,
};
use crate::source::{to_u32, Pos, Span};

fn pos(m: &Marker) -> Pos {
    Pos {
        line: to_u32(m.line()),
        column: to_u32(m.col() + 1),
        byte: to_u32(m.byte_offset().unwrap_or(0)),
    }
}

fn span(s: &PSpan) -> Span {
    Span {
        start: pos(&s.start),
        end_byte: to_u32(s.end.byte_offset().unwrap_or(0)),
    }
}

/// Parse a text into its tree.
///
/// Files written to the dossier format go through [`super::fast`], a scanner for the plain
/// block style the format uses, which gives up on anything else; then, and for every file with
/// a problem, the full YAML parser reads the file and its messages are the ones reported. Both
/// feed the same builder, so budgets, duplicate keys and the tree are the same either way.
#[must_use]
pub fn parse(text: &str) -> Parsed {
    let mut parsed = super::fast::parse(text).unwrap_or_else(|| parse_full(text));
    strict(text, &mut parsed);
    parsed
}

/// What YAML 1.2 forbids but the parsers accept (see [`super::indent`]) is a syntax error too,
/// and stops the file like one.
fn strict(text: &str, parsed: &mut Parsed) {
    let fatal = parsed
        .problems
        .iter()
        .any(|p| matches!(p, Problem::Syntax { .. } | Problem::TooComplex { .. }));
    if fatal {
        return;
    }
    if let Some(p) = parsed
        .root
        .as_ref()
        .and_then(|r| super::indent::check(text, r))
    {
        parsed.problems.push(p);
        parsed.root = None;
    }
}

/// Parse with the full YAML parser only.
#[must_use]
pub fn parse_full(text: &str) -> Parsed {
    let mut b = Builder::default();
    let stop = run(&mut b, text).err();
    let mut parsed = b.into_parsed(stop);
    strict(text, &mut parsed);
    parsed
}

/// Feed the full YAML parser's events to the builder.
fn run(b: &mut Builder, text: &str) -> Result<(), Problem> {
    let mut parser = Parser::new_from_str(text);
    while let Some(ev) = parser.next_event() {
        let (event, sp) = ev.map_err(|e| {
            let message = e.info();
            // The scanner has its own nesting limit, met before ours on `[[[[…`.
            if message.contains("recursion limit") {
                Problem::TooComplex {
                    at: pos(e.marker()),
                    what: Limit::Depth,
                }
            } else {
                Problem::Syntax {
                    at: pos(e.marker()),
                    message,
                }
            }
        })?;
        let ev = match event {
            Event::DocumentStart(..) => Ev::DocumentStart,
            Event::Scalar(value, style, anchor, _tag) => {
                Ev::Scalar(value, style == ScalarStyle::Plain, anchor)
            }
            Event::SequenceStart(_, anchor, _) => Ev::SeqStart(anchor),
            Event::MappingStart(_, anchor, _) => Ev::MapStart(anchor),
            Event::SequenceEnd | Event::MappingEnd => Ev::End,
            Event::Alias(id) => Ev::Alias(id),
            _ => continue,
        };
        b.event(ev, span(&sp))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_keys(n: &Node) -> Vec<&str> {
        match n {
            Node::Map(e, _) => e.iter().map(|(k, _)| k.text.as_str()).collect(),
            _ => vec![],
        }
    }

    #[test]
    fn builds_a_mapping_with_positions() {
        let p = parse("# c\nten: \"Hằng\"\nds:\n  - ma: a\n    x: 1\n");
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        let root = p
            .root
            .unwrap_or(Node::Seq(vec![], Span::at(Pos::default_for_tests())));
        assert_eq!(map_keys(&root), vec!["ten", "ds"]);
        if let Node::Map(e, _) = &root {
            let s = e[0].1.span().start;
            assert_eq!((s.line, s.column), (2, 6));
        }
    }

    #[test]
    fn duplicate_keys_are_reported_and_first_kept() {
        let p = parse("a: 1\nb: 2\na: 3\n");
        assert!(
            matches!(&p.problems[..], [Problem::DuplicateKey { key, at, .. }] if key == "a" && at.start.line == 3)
        );
    }

    #[test]
    fn syntax_error_has_a_position() {
        let p = parse("a: \"open\nb: 2\n");
        assert!(matches!(p.problems.last(), Some(Problem::Syntax { .. })));
        assert!(p.root.is_none());
    }

    #[test]
    fn billion_laughs_is_refused_quickly() {
        let mut y = String::from("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for i in 1..10 {
            let prev = if i == 1 {
                "a".to_owned()
            } else {
                format!("a{}", i - 1)
            };
            y.push_str(&format!("a{i}: &a{i} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        }
        let t = std::time::Instant::now();
        let p = parse(&y);
        assert!(t.elapsed().as_secs() < 2);
        assert!(matches!(
            p.problems.last(),
            Some(Problem::TooComplex {
                what: Limit::Nodes,
                ..
            })
        ));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let y = "[".repeat(100_000);
        let p = parse(&y);
        assert!(matches!(
            p.problems.last(),
            Some(Problem::TooComplex {
                what: Limit::Depth,
                ..
            })
        ));
    }

    impl Pos {
        fn default_for_tests() -> Pos {
            Pos {
                line: 0,
                column: 0,
                byte: 0,
            }
        }
    }
}
