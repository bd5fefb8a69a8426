//! YAML text to a small tree of nodes that remember where they were written.
//!
//! Why not deserialize straight into structs with serde: serde stops at the first problem, so a
//! report with one misspelt key would hide every other finding in it, and the checks across
//! documents would then see the report as missing. A clerk fixes a dossier in one pass only if
//! every problem is shown at once. So the parser's events (from `granit-parser`, the parser under
//! `serde-saphyr`) are built into this tree, and `crate::dossier::documents` reads the typed
//! documents from it, reporting every problem with its line and column.
//!
//! The builder enforces its own budgets, so hostile input stays cheap: nesting depth, node count
//! (which also bounds alias expansion: an alias is copied, and copies count), and alias count.

use std::borrow::Cow;

use serde_saphyr::granit_parser::{Event, Marker, Parser, ScalarStyle, Span as PSpan};

use crate::source::{to_u32, Pos, Span};

/// Deepest nesting accepted. The format needs four levels; 64 is generous.
pub const MAX_DEPTH: usize = 64;
/// Most nodes in one file, counting alias copies. A 40-nominee report set is far below this.
pub const MAX_NODES: usize = 100_000;
/// Most aliases in one file. The format has no use for them; a few are tolerated.
pub const MAX_ALIASES: usize = 1_000;

/// A scalar as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar {
    /// The text after YAML escape processing.
    pub text: String,
    /// Plain scalars may be numbers, booleans or null; quoted and block ones are always text.
    pub plain: bool,
    /// Where it is.
    pub span: Span,
}

/// A node of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A scalar.
    Scalar(Scalar),
    /// A sequence, with the position of its start.
    Seq(Vec<Node>, Span),
    /// A mapping: its entries in order (duplicates already reported and dropped).
    Map(Vec<(Scalar, Node)>, Span),
}

impl Node {
    /// Where the node starts.
    #[must_use]
    pub fn span(&self) -> Span {
        match self {
            Node::Scalar(s) => s.span,
            Node::Seq(_, s) | Node::Map(_, s) => *s,
        }
    }

    /// A mapping's entry for `key`: the key as written and its value. None when the node is
    /// not a mapping or has no such key (duplicates were dropped when the tree was built, so
    /// there is at most one).
    #[must_use]
    pub fn entry(&self, key: &str) -> Option<(&Scalar, &Node)> {
        match self {
            Node::Map(entries, _) => entries
                .iter()
                .find(|(k, _)| k.text == key)
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// A mapping's value for `key`.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }

    /// The text of a mapping's scalar value for `key`, as written after escapes (not trimmed);
    /// None when the value is a list or a mapping.
    #[must_use]
    pub fn text(&self, key: &str) -> Option<&str> {
        match self.get(key)? {
            Node::Scalar(s) => Some(s.text.as_str()),
            _ => None,
        }
    }

    /// A word for the node's type, for messages: (Vietnamese, English).
    #[must_use]
    pub fn kind_name(&self) -> (&'static str, &'static str) {
        match self {
            Node::Scalar(s) if s.plain && is_null(&s.text) => ("để trống", "empty"),
            Node::Scalar(_) => ("một giá trị", "a single value"),
            Node::Seq(..) => ("một danh sách", "a list"),
            Node::Map(..) => ("một nhóm trường", "a group of fields"),
        }
    }

    fn count(&self) -> usize {
        match self {
            Node::Scalar(_) => 1,
            Node::Seq(items, _) => 1 + items.iter().map(Node::count).sum::<usize>(),
            Node::Map(entries, _) => 1 + entries.iter().map(|(_, v)| 1 + v.count()).sum::<usize>(),
        }
    }
}

/// `~`, `null` and the empty plain scalar are YAML's null.
#[must_use]
pub fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// What can go wrong while building the tree. The first three stop the file; the rest are
/// reported and building goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The parser's complaint, where it complained.
    Syntax { at: Pos, message: String },
    /// A budget was exceeded.
    TooComplex { at: Pos, what: Limit },
    /// A key that is not a plain value (a list or mapping used as a key).
    ComplexKey { at: Span },
    /// The same key twice in one mapping.
    DuplicateKey { key: String, at: Span, first: Span },
    /// A second `---` document in the file.
    ExtraDocument { at: Span },
}

/// Which budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// [`MAX_DEPTH`].
    Depth,
    /// [`MAX_NODES`].
    Nodes,
    /// [`MAX_ALIASES`].
    Aliases,
}

/// The tree of a file (None when the file holds no document) and the problems met.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The first document's root.
    pub root: Option<Node>,
    /// Problems, in the order met. A fatal one (syntax, budget) is last.
    pub problems: Vec<Problem>,
}

enum Frame {
    Seq(Vec<Node>, Span, usize),
    Map(Vec<(Scalar, Node)>, Span, usize, Option<Scalar>, KeyIndex),
}

/// The keys of a mapping being built, for the duplicate check: a list is fastest for the few
/// keys of a real document, a hash set keeps a hostile mapping of 50,000 keys from costing
/// 50,000 comparisons per key.
#[derive(Default)]
struct KeyIndex(Option<std::collections::HashMap<String, usize>>);

impl KeyIndex {
    const FROM: usize = 16;

    /// Where `key` already is in `entries`, if it is.
    fn find(&mut self, entries: &[(Scalar, Node)], key: &str) -> Option<usize> {
        if entries.len() < Self::FROM {
            return entries.iter().position(|(f, _)| f.text == key);
        }
        let index = self.0.get_or_insert_with(|| {
            let mut m = std::collections::HashMap::with_capacity(entries.len() * 2);
            for (i, (f, _)) in entries.iter().enumerate() {
                m.entry(f.text.clone()).or_insert(i);
            }
            m
        });
        index.get(key).copied()
    }

    /// Note that `key` was added at `at`.
    fn added(&mut self, key: &str, at: usize) {
        if let Some(index) = &mut self.0 {
            index.entry(key.to_owned()).or_insert(at);
        }
    }
}

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
    if let Err(p) = b.run(text) {
        b.out.problems.push(p);
        b.out.root = None;
    }
    let mut parsed = b.out;
    strict(text, &mut parsed);
    parsed
}

/// What the builder is told, by either parser.
pub(super) enum Ev<'a> {
    /// A `---` or the implicit start of the first document.
    DocumentStart,
    /// A scalar: its text, whether it was plain, its anchor id (0: none).
    Scalar(Cow<'a, str>, bool, usize),
    /// A sequence opens, with its anchor id.
    SeqStart(usize),
    /// A mapping opens, with its anchor id.
    MapStart(usize),
    /// The innermost sequence or mapping closes.
    End,
    /// An alias of this anchor id.
    Alias(usize),
}

#[derive(Default)]
pub(super) struct Builder {
    out: Parsed,
    stack: Vec<Frame>,
    anchors: Vec<(usize, Node)>,
    nodes: usize,
    aliases: usize,
    documents: usize,
}

impl Builder {
    /// The tree, when every collection opened was closed.
    pub(super) fn finish(self) -> Option<Parsed> {
        self.stack.is_empty().then_some(self.out)
    }

    fn run(&mut self, text: &str) -> Result<(), Problem> {
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
            self.event(ev, span(&sp))?;
        }
        Ok(())
    }

    pub(super) fn event(&mut self, ev: Ev<'_>, at: Span) -> Result<(), Problem> {
        match ev {
            Ev::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    self.out.problems.push(Problem::ExtraDocument { at });
                    // Nothing after the first document is read, but the rest must still
                    // parse, so a syntax error further down is not missed.
                }
            }
            Ev::Scalar(value, plain, anchor) => {
                let node = Node::Scalar(Scalar {
                    text: value.into_owned(),
                    plain,
                    span: at,
                });
                self.push_node(node, anchor, at)?;
            }
            Ev::SeqStart(anchor) => {
                self.open(at)?;
                self.stack.push(Frame::Seq(Vec::new(), at, anchor));
            }
            Ev::MapStart(anchor) => {
                self.open(at)?;
                self.stack.push(Frame::Map(
                    Vec::new(),
                    at,
                    anchor,
                    None,
                    KeyIndex::default(),
                ));
            }
            Ev::End => {
                let (node, anchor) = match self.stack.pop() {
                    Some(Frame::Seq(items, s, a)) => (Node::Seq(items, s), a),
                    Some(Frame::Map(entries, s, a, ..)) => (Node::Map(entries, s), a),
                    None => return Ok(()),
                };
                self.nodes = self.nodes.saturating_sub(1);
                self.push_node(node, anchor, at)?;
            }
            Ev::Alias(id) => {
                self.aliases += 1;
                if self.aliases > MAX_ALIASES {
                    return Err(Problem::TooComplex {
                        at: at.start,
                        what: Limit::Aliases,
                    });
                }
                let copy = self
                    .anchors
                    .iter()
                    .rev()
                    .find(|(a, _)| *a == id)
                    .map(|(_, n)| n.clone());
                if let Some(node) = copy {
                    // Count the copy before keeping it: this is what stops a billion laughs.
                    self.nodes += node.count().saturating_sub(1);
                    self.push_node(node, 0, at)?;
                }
            }
        }
        Ok(())
    }

    fn open(&mut self, at: Span) -> Result<(), Problem> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(Problem::TooComplex {
                at: at.start,
                what: Limit::Depth,
            });
        }
        self.nodes += 1;
        Ok(())
    }

    fn push_node(&mut self, node: Node, anchor: usize, at: Span) -> Result<(), Problem> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(Problem::TooComplex {
                at: at.start,
                what: Limit::Nodes,
            });
        }
        if anchor != 0 {
            self.anchors.push((anchor, node.clone()));
        }
        match self.stack.last_mut() {
            None => {
                if self.documents <= 1 && self.out.root.is_none() {
                    self.out.root = Some(node);
                }
            }
            Some(Frame::Seq(items, ..)) => items.push(node),
            Some(Frame::Map(entries, _, _, key, index)) => match key.take() {
                None => match node {
                    Node::Scalar(s) => *key = Some(s),
                    other => {
                        self.out
                            .problems
                            .push(Problem::ComplexKey { at: other.span() });
                        // A placeholder key that no field has, so the value is skipped quietly.
                        *key = Some(Scalar {
                            text: "\u{0}".to_owned(),
                            plain: false,
                            span: other.span(),
                        });
                    }
                },
                Some(k) => {
                    if k.text == "\u{0}" {
                        return Ok(());
                    }
                    if let Some(first) = index.find(entries, &k.text) {
                        self.out.problems.push(Problem::DuplicateKey {
                            key: k.text.clone(),
                            at: k.span,
                            first: entries[first].0.span,
                        });
                    } else {
                        index.added(&k.text, entries.len());
                        entries.push((k, node));
                    }
                }
            },
        }
        Ok(())
    }
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
