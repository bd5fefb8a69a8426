//! Appending one item to a YAML sequence as text, for `dossier add`: the new item goes right
//! after the last one, indented and styled like its neighbours (block or `{ }`), and the result
//! is parsed again and compared with the original tree before it may be written.

use crate::edit::files::Loaded;
use crate::edit::text::{after_line, dq, extent_end, line_ending, line_start, same};
use crate::edit::EditError;
use crate::yaml::tree::{is_null, parse, Node, Problem};

/// A field of a new sequence item: key, YAML form, the text it reads back as, and an optional
/// comment for the end of its line.
pub(super) struct ItemField<'a> {
    key: &'a str,
    yaml: String,
    text: String,
    note: Option<&'a str>,
}

impl<'a> ItemField<'a> {
    /// An id, a kind or a number: written unquoted.
    pub(super) fn plain(key: &'a str, v: &str) -> Self {
        ItemField {
            key,
            yaml: v.to_owned(),
            text: v.to_owned(),
            note: None,
        }
    }

    /// A text: double-quoted, as the format's examples write names.
    pub(super) fn text(key: &'a str, v: &str) -> Self {
        ItemField {
            key,
            yaml: dq(v),
            text: v.to_owned(),
            note: None,
        }
    }
}

pub(super) fn layout(f: &Loaded, vi: &str, en: &str) -> EditError {
    EditError::Layout {
        path: f.path.clone(),
        why: crate::diag::Msg::new(vi, en),
    }
}

/// The text of `f` with `fields` appended as a new item of the sequence under `key` (created
/// when absent or empty), checked by parsing it again.
pub(super) fn append_item(
    f: &Loaded,
    root: &Node,
    key: &str,
    fields: &[ItemField<'_>],
) -> Result<String, EditError> {
    let body = f.body();
    let nl = line_ending(body);
    let root_start = root.span().start.byte as usize;
    if !matches!(root, Node::Map(..)) || body.as_bytes().get(root_start) == Some(&b'{') {
        return Err(layout(
            f,
            "tệp không viết thành từng dòng \"tên trường: giá trị\"",
            "the file is not written as \"key: value\" lines",
        ));
    }
    let (at, remove, text) = match root.entry(key) {
        Some((_, Node::Seq(items, sp))) if !items.is_empty() => {
            let Some(last) = items.last() else {
                return Err(layout(f, "danh sách trống", "the list is empty"));
            };
            if body.as_bytes().get(sp.start.byte as usize) == Some(&b'[') {
                return Err(layout(
                    f,
                    &format!("danh sách \"{key}\" được viết trên một dòng trong dấu [ ]"),
                    &format!("the list \"{key}\" is written on one line in [ ]"),
                ));
            }
            let (dash, first) = item_place(f, body, last)?;
            let flow = matches!(last, Node::Map(..))
                && body.as_bytes().get(last.span().start.byte as usize) == Some(&b'{');
            let dash_col = dash - line_start(body, dash);
            let key_col = if line_start(body, first) == line_start(body, dash) {
                first - line_start(body, first)
            } else {
                dash_col + 2
            };
            let at = after_line(body, extent_end(last));
            let text = if flow {
                flow_item(fields, dash_col, key_col - dash_col - 1, nl)
            } else {
                block_item(fields, dash_col, key_col, nl)
            };
            (at, None, text)
        }
        Some((k, value)) => {
            let empty_flow = match value {
                Node::Seq(items, sp) if items.is_empty() => {
                    let open = sp.start.byte as usize;
                    let close = body
                        .get(open + 1..)
                        .and_then(|rest| {
                            let inner = rest.len() - rest.trim_start().len();
                            rest.trim_start()
                                .starts_with(']')
                                .then_some(open + 1 + inner + 1)
                        })
                        .ok_or_else(|| {
                            layout(
                                f,
                                &format!("không tìm thấy dấu ] đóng danh sách \"{key}\""),
                                &format!("cannot find the ] that closes the list \"{key}\""),
                            )
                        })?;
                    Some((open, close))
                }
                Node::Scalar(s) if s.plain && is_null(&s.text) => {
                    Some((s.span.start.byte as usize, s.span.end_byte as usize))
                }
                _ => None,
            };
            let Some(remove) = empty_flow else {
                return Err(layout(
                    f,
                    &format!("trường \"{key}\" không phải là một danh sách"),
                    &format!("\"{key}\" is not a list"),
                ));
            };
            let key_start = k.span.start.byte as usize;
            let key_col = key_start - line_start(body, key_start);
            let at = after_line(body, remove.1.max(k.span.end_byte as usize));
            (
                at,
                Some(remove),
                block_item(fields, key_col + 2, key_col + 4, nl),
            )
        }
        None => {
            let block = format!("{key}:{nl}{}", block_item(fields, 2, 4, nl));
            (body.len(), None, block)
        }
    };
    let mut out = String::with_capacity(body.len() + text.len() + 4);
    out.push_str(f.prefix());
    match remove {
        Some((a, b)) => {
            out.push_str(&body[..a]);
            out.push_str(&body[b..at]);
        }
        None => out.push_str(&body[..at]),
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push_str(nl);
    }
    out.push_str(&text);
    out.push_str(&body[at..]);
    verify(f, root, key, fields, &out)?;
    Ok(out)
}

/// Where a block sequence item starts: the byte of its `-`, and of its first key or value.
pub(super) fn item_place(f: &Loaded, body: &str, item: &Node) -> Result<(usize, usize), EditError> {
    let first = match item {
        Node::Map(entries, sp) => {
            if body.as_bytes().get(sp.start.byte as usize) == Some(&b'{') {
                sp.start.byte as usize
            } else {
                entries
                    .first()
                    .map_or(sp.start.byte as usize, |(k, _)| k.span.start.byte as usize)
            }
        }
        other => other.span().start.byte as usize,
    };
    let before = body.get(..first).unwrap_or("");
    let trimmed = before.trim_end_matches([' ', '\n', '\r']);
    if !trimmed.ends_with('-') {
        return Err(layout(
            f,
            "không tìm thấy dấu - mở đầu mục cuối của danh sách",
            "cannot find the dash that starts the last item of the list",
        ));
    }
    let dash = trimmed.len() - 1;
    let ls = line_start(body, dash);
    if !body[ls..dash].bytes().all(|b| b == b' ') {
        return Err(layout(
            f,
            "mục cuối của danh sách không bắt đầu ở đầu dòng",
            "the last item does not start its line",
        ));
    }
    Ok((dash, first))
}

pub(super) fn with_note(line: String, note: Option<&str>) -> String {
    match note {
        Some(n) => format!("{line}  # {n}"),
        None => line,
    }
}

pub(super) fn block_item(
    fields: &[ItemField<'_>],
    dash_col: usize,
    key_col: usize,
    nl: &str,
) -> String {
    let mut out = String::new();
    for (i, fl) in fields.iter().enumerate() {
        let lead = if i == 0 {
            format!(
                "{}-{}",
                " ".repeat(dash_col),
                " ".repeat(key_col.saturating_sub(dash_col + 1).max(1))
            )
        } else {
            " ".repeat(key_col)
        };
        out.push_str(&with_note(
            format!("{lead}{}: {}", fl.key, fl.yaml),
            fl.note,
        ));
        out.push_str(nl);
    }
    out
}

pub(super) fn flow_item(fields: &[ItemField<'_>], dash_col: usize, gap: usize, nl: &str) -> String {
    let inner: Vec<String> = fields
        .iter()
        .map(|fl| format!("{}: {}", fl.key, fl.yaml))
        .collect();
    let notes: Vec<&str> = fields.iter().filter_map(|fl| fl.note).collect();
    let line = format!(
        "{}-{}{{ {} }}",
        " ".repeat(dash_col),
        " ".repeat(gap.max(1)),
        inner.join(", ")
    );
    let note = (!notes.is_empty()).then(|| notes.join("; "));
    format!("{}{nl}", with_note(line, note.as_deref()))
}

/// The edited text must parse to the original tree with exactly one more item, holding the
/// fields, at the end of the sequence under `key`.
pub(super) fn verify(
    f: &Loaded,
    old: &Node,
    key: &str,
    fields: &[ItemField<'_>],
    new_text: &str,
) -> Result<(), EditError> {
    let body = new_text.strip_prefix('\u{feff}').unwrap_or(new_text);
    let parsed = parse(body);
    let bad = || {
        layout(
            f,
            &format!("không thêm được mục mới vào danh sách \"{key}\" mà giữ nguyên phần còn lại của tệp"),
            &format!(
                "a new item cannot be appended to the list \"{key}\" leaving the rest of the file as it was"
            ),
        )
    };
    // Past check's node or byte limit the text is not wrongly laid out: the dossier is full
    // (a clerk told to "edit it by hand" would write a file check refuses).
    if new_text.len() as u64 > crate::yaml::decode::MAX_YAML_BYTES
        || parsed.problems.iter().any(|p| {
            matches!(
                p,
                Problem::TooComplex {
                    what: crate::yaml::tree::Limit::Nodes,
                    ..
                }
            )
        })
    {
        return Err(EditError::Full(f.path.clone()));
    }
    let Some(Node::Map(new_entries, _)) = parsed.root.as_ref() else {
        return Err(bad());
    };
    let Node::Map(old_entries, _) = old else {
        return Err(bad());
    };
    if parsed
        .problems
        .iter()
        .any(|p| matches!(p, Problem::Syntax { .. } | Problem::TooComplex { .. }))
    {
        return Err(bad());
    }
    let had_key = old_entries.iter().any(|(k, _)| k.text == key);
    let expected_len = old_entries.len() + usize::from(!had_key);
    if new_entries.len() != expected_len {
        return Err(bad());
    }
    for (i, (nk, nv)) in new_entries.iter().enumerate() {
        if nk.text == key {
            let Node::Seq(items, _) = nv else {
                return Err(bad());
            };
            let old_items: &[Node] = match old_entries.iter().find(|(k, _)| k.text == key) {
                Some((_, Node::Seq(o, _))) => o,
                _ => &[],
            };
            let Some((added, kept)) = items.split_last() else {
                return Err(bad());
            };
            if kept.len() != old_items.len() || !kept.iter().zip(old_items).all(|(a, b)| same(a, b))
            {
                return Err(bad());
            }
            let Node::Map(got, _) = added else {
                return Err(bad());
            };
            let ok = got.len() == fields.len()
                && got.iter().zip(fields).all(|((k, v), fl)| {
                    k.text == fl.key && matches!(v, Node::Scalar(s) if s.text == fl.text)
                });
            if !ok {
                return Err(bad());
            }
        } else {
            let Some((ok, ov)) = old_entries.get(i) else {
                return Err(bad());
            };
            if ok.text != nk.text || !same(ov, nv) {
                return Err(bad());
            }
        }
    }
    Ok(())
}
