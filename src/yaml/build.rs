//! The one builder both parsers feed (`fast.rs` for the dossier's plain block style, the full
//! YAML parser in `tree.rs` for the rest): it enforces the budgets (depth, nodes, aliases,
//! which also stop alias bombs), reports duplicate and complex keys, and keeps the first
//! document. One builder so that the tree and its problems are the same whichever parser read
//! the file.

use std::borrow::Cow;

use super::node::{Limit, Node, Parsed, Problem, Scalar, MAX_ALIASES, MAX_DEPTH, MAX_NODES};
use crate::source::Span;

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

    /// What was built, stopped by `stop` when a problem ended the file: the problem is the
    /// last one, and there is no tree.
    pub(super) fn into_parsed(self, stop: Option<Problem>) -> Parsed {
        let mut out = self.out;
        if let Some(p) = stop {
            out.problems.push(p);
            out.root = None;
        }
        out
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
                let node = Node::Scalar(Scalar::new(value.into_owned(), plain, at));
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
                        *key = Some(Scalar::new("\u{0}".to_owned(), false, other.span()));
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
