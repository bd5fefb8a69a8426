//! The two sequences import rewrites, `danh_sach` and `ket_qua`, as data and as YAML text.
//!
//! A sequence is read into flat entries (key and text), changed as data, and written back whole
//! in the format's block layout, in place of the old one; every other byte of the file stays.
//! Comparing entries as data (not text) is what makes a second import of the same list a no-op,
//! whatever layout the clerk's file had.

use crate::edit::files::Loaded;
use crate::edit::EditError;
use crate::msg;
/// One quoting helper for every writer (#20).
pub(super) use crate::yaml::quote::dq;
use crate::yaml::tree::{parse, Node};

/// An item of a sequence: its keys and texts in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entry {
    pub(super) fields: Vec<(String, String)>,
}

impl Entry {
    pub(super) fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Set a key (in the format's order for a new one), or remove it with None.
    pub(super) fn set(&mut self, key: &str, v: Option<&str>, order: &[&str]) {
        let at = self.fields.iter().position(|(k, _)| k == key);
        match (at, v) {
            (Some(i), Some(v)) => self.fields[i].1 = v.to_owned(),
            (Some(i), None) => {
                self.fields.remove(i);
            }
            (None, Some(v)) => {
                let rank = |k: &str| order.iter().position(|o| *o == k).unwrap_or(order.len());
                let pos = self
                    .fields
                    .iter()
                    .position(|(k, _)| rank(k) > rank(key))
                    .unwrap_or(self.fields.len());
                self.fields.insert(pos, (key.to_owned(), v.to_owned()));
            }
            (None, None) => {}
        }
    }
}

pub(super) const LIST_ORDER: &[&str] = &[
    "ma",
    "loai",
    "cap_bac",
    "ten",
    "chuc_vu",
    "don_vi",
    "chuc_vu_don_vi",
    "doi_tuong",
];
pub(super) const VOTE_ORDER: &[&str] = &["ma", "tan_thanh", "khong_tan_thanh"];
/// Keys written unquoted: ids and numbers.
const PLAIN: &[&str] = &["ma", "loai", "doi_tuong", "tan_thanh", "khong_tan_thanh"];

/// The items of a sequence of flat mappings; None when an item is something else (then the
/// sequence is not rewritten).
pub(super) fn entries(root: &Node, key: &str) -> Option<Vec<Entry>> {
    match root.get(key) {
        None => Some(Vec::new()),
        Some(Node::Scalar(s)) if s.plain && crate::yaml::tree::is_null(&s.text) => Some(Vec::new()),
        Some(Node::Seq(items, _)) => items
            .iter()
            .map(|item| match item {
                Node::Map(fields, _) => fields
                    .iter()
                    .map(|(k, v)| match v {
                        Node::Scalar(s) => Some((k.text.clone(), s.text.clone())),
                        _ => None,
                    })
                    .collect::<Option<Vec<_>>>()
                    .map(|fields| Entry { fields }),
                _ => None,
            })
            .collect(),
        Some(_) => None,
    }
}

/// `key:` and its items in the format's block layout.
pub(super) fn render(key: &str, items: &[Entry], eol: &str) -> String {
    let mut out = format!("{key}:{eol}");
    for e in items {
        for (i, (k, v)) in e.fields.iter().enumerate() {
            let lead = if i == 0 { "  - " } else { "    " };
            let is_plain = PLAIN.contains(&k.as_str())
                && !v.is_empty()
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            let v = if is_plain { v.clone() } else { dq(v) };
            out.push_str(&format!("{lead}{k}: {v}{eol}"));
        }
    }
    out
}

/// The file's text with `key`'s whole entry replaced by `block` (appended when absent).
pub(super) fn replace_block(f: &Loaded, root: &Node, key: &str, block: &str) -> String {
    let body = f.body();
    let eol = if body.contains("\r\n") { "\r\n" } else { "\n" };
    let found = match root {
        Node::Map(entries, _) => entries.iter().find(|(k, _)| k.text == key),
        _ => None,
    };
    let Some((k, v)) = found else {
        let mut s = body.to_owned();
        if !s.is_empty() && !s.ends_with('\n') {
            s.push_str(eol);
        }
        s.push_str(block);
        return format!("{}{s}", f.prefix());
    };
    let start = body[..k.span.start.byte as usize]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let end_of = |n: &Node| -> usize {
        fn end(n: &Node) -> usize {
            match n {
                Node::Scalar(s) => s.span.end_byte as usize,
                Node::Seq(items, sp) => {
                    items.iter().map(end).fold(sp.end_byte as usize, usize::max)
                }
                Node::Map(es, sp) => es
                    .iter()
                    .map(|(k, v)| (k.span.end_byte as usize).max(end(v)))
                    .fold(sp.end_byte as usize, usize::max),
            }
        }
        end(n)
    };
    let last = end_of(v).max(k.span.end_byte as usize).min(body.len());
    let stop = body[last..].find('\n').map_or(body.len(), |i| last + i + 1);
    format!("{}{}{block}{}", f.prefix(), &body[..start], &body[stop..])
}

/// Why the rewritten file would be beyond what `check` reads (its size cap, its node budget),
/// if it would. A list of 200,000 rows was refused as "the rest of the file would change ...
/// edit it by hand": true of nothing, and no hand edit helps; a dossier cannot hold that list.
pub(super) fn beyond_limits(after: &str, file: &str, items: &[Entry]) -> Option<crate::diag::Msg> {
    use crate::yaml::decode::MAX_YAML_BYTES;
    use crate::yaml::tree::{Limit, Problem, MAX_NODES};
    let n = items.len();
    let size = after.len() as u64;
    let detail = if size > MAX_YAML_BYTES {
        msg!("nặng {} byte, quá giới hạn {} byte", size, MAX_YAML_BYTES;
             "{} bytes, beyond the {}-byte limit", size, MAX_YAML_BYTES)
    } else if parse(after).problems.iter().any(|p| {
        matches!(
            p,
            Problem::TooComplex {
                what: Limit::Nodes,
                ..
            }
        )
    }) {
        msg!("quá {} phần tử", MAX_NODES; "more than {} elements", MAX_NODES)
    } else {
        return None;
    };
    // One cell pasted with a whole document in it is not a list too long: named by its entry.
    let longest = items
        .iter()
        .flat_map(|e| e.fields.iter().map(move |(k, v)| (e, k, v)))
        .max_by_key(|(_, _, v)| v.len());
    if let Some((e, key, v)) = longest.filter(|(_, _, v)| v.len() as u64 > MAX_YAML_BYTES / 4) {
        let chars = v.chars().count();
        let who = e.get("ma").unwrap_or("?");
        return Some(
            msg!("ô \"{}\" của \"{}\" dài {} ký tự: tệp {} sẽ quá lớn để lệnh check đọc được ({}); kiểm tra lại ô này trong danh sách", key, who, chars, file, detail.vi;
                         "the \"{}\" cell of \"{}\" is {} characters long: {} would be too large for the check to read ({}); check that cell in the list", key, who, chars, file, detail.en),
        );
    }
    Some(
        msg!("danh sách có {} mục: tệp {} sẽ quá lớn để lệnh check đọc được ({}); một hồ sơ không chứa được chừng ấy người, hãy chia danh sách thành nhiều hồ sơ", n, file, detail.vi;
              "the list has {} entries: {} would be too large for the check to read ({}); one dossier cannot hold that many, split the list into several dossiers", n, file, detail.en),
    )
}

/// The rewritten file must parse and differ from the original only under `key`.
pub(super) fn check_same_elsewhere(
    f: &Loaded,
    root: &Node,
    after: &str,
    key: &str,
) -> Result<(), EditError> {
    let body = after.strip_prefix('\u{feff}').unwrap_or(after);
    let parsed = parse(body);
    let bad = || EditError::Layout {
        path: f.path.clone(),
        why: msg!("sau khi ghi \"{}\", tệp không còn như cũ ở chỗ khác", key; "after rewriting `{}` the rest of the file would change", key),
    };
    let (Some(new_root), true) = (parsed.root, parsed.problems.is_empty()) else {
        return Err(bad());
    };
    let strip = |n: &Node| -> Vec<(String, String)> {
        match n {
            Node::Map(es, _) => es
                .iter()
                .filter(|(k, _)| k.text != key)
                .map(|(k, v)| (k.text.clone(), format!("{:?}", strip_spans(v))))
                .collect(),
            _ => Vec::new(),
        }
    };
    if strip(root) != strip(&new_root) {
        return Err(bad());
    }
    Ok(())
}

/// A node's data without positions, for comparing trees.
fn strip_spans(n: &Node) -> String {
    match n {
        Node::Scalar(s) => format!("{:?}", s.text),
        Node::Seq(items, _) => {
            let inner: Vec<String> = items.iter().map(strip_spans).collect();
            format!("[{}]", inner.join(","))
        }
        Node::Map(es, _) => {
            let inner: Vec<String> = es
                .iter()
                .map(|(k, v)| format!("{:?}:{}", k.text, strip_spans(v)))
                .collect();
            format!("{{{}}}", inner.join(","))
        }
    }
}
