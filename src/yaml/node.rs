//! The positioned tree a YAML file is read into: scalars, sequences and mappings that remember
//! where they were written, the problems met while building it, and its budgets. Its own file
//! because both parsers (`fast.rs`, and the full one in `tree.rs`), the builder (`build.rs`)
//! and the YAML 1.2 check (`indent.rs`) share these types; `tree.rs` hands them on.

use crate::source::{Pos, Span};

/// Deepest nesting accepted. The format needs four levels; 64 is generous.
pub const MAX_DEPTH: usize = 64;
/// Most nodes in one file, counting alias copies. A 40-nominee report set is far below this.
pub const MAX_NODES: usize = 100_000;
/// Most aliases in one file. The format has no use for them; a few are tolerated.
pub const MAX_ALIASES: usize = 1_000;

/// A scalar as written.
#[derive(Debug, Clone)]
pub struct Scalar {
    /// The text after YAML escape processing.
    pub text: String,
    /// Plain scalars may be numbers, booleans or null; quoted and block ones are always text.
    pub plain: bool,
    /// Where it is.
    pub span: Span,
    /// Set by the character check (`dossier::lint`) when every character of `text` is ASCII
    /// or plain Vietnamese (`text::bytes::Look::plain`), so the reader need not ask again
    /// whether it is NFC; false when not known. A remembered answer, not part of the value:
    /// equality ignores it.
    pub(crate) vietnamese: bool,
}

impl Scalar {
    /// A scalar whose characters have not been looked at yet.
    #[must_use]
    pub fn new(text: String, plain: bool, span: Span) -> Self {
        Scalar {
            text,
            plain,
            span,
            vietnamese: false,
        }
    }
}

impl PartialEq for Scalar {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.plain == other.plain && self.span == other.span
    }
}

impl Eq for Scalar {}

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

    pub(super) fn count(&self) -> usize {
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
