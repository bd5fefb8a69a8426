//! `dossier add`: one more nominee in an existing dossier.
//!
//! A nominee appears in three places (the proposal's list, the council's votes, a report of
//! their own) and a clerk adding one by hand forgets one of them, or misspells the id in one.
//! This writes all three at once: an entry appended to `danh_sach` in `to-trinh.yaml`, a vote
//! line appended to `ket_qua` in `bien-ban.yaml` when the dossier has minutes, and a report
//! skeleton `bao-cao/<ma>.yaml` listing the standards of the nominee's kind.
//!
//! The two existing files are edited as text: the new item goes right after the last item of
//! the sequence, indented like the items already there and in their style (block or `{ }`),
//! and every other byte of the file, comments included, stays where it was. The result is
//! parsed again and compared with the original tree before anything is written.
//!
//! The vote counts are placeholders (`tan_thanh: "<<số phiếu tán thành>>"`), which the checker
//! reports as unfilled (HS015) until the clerk writes the numbers: a sample count such as 0 would
//! read as a vote the nominee lost (BB004), which nobody held.

use std::path::{Path, PathBuf};

use super::files::{self, find_yaml, stage_new, stage_replace, Loaded};
use super::init::{form_refuses, kinds_for};
use super::template::{self, Nominee};
use super::text::{after_line, dq, entry, extent_end, line_ending, line_start, same, text_of};
use super::{EditError, Field};
use crate::criteria::{Catalog, NomineeType, RuleSet};
use crate::date::Date;
use crate::msg;
use crate::text::{fold_whitespace, to_nfc};
use crate::yaml::tree::{is_null, parse, Node, Problem};

/// The nominee to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNominee {
    /// Id: a lowercase ASCII slug, also the report's file name.
    pub ma: String,
    /// Full name, or the collective's name.
    pub ten: String,
    /// `ca_nhan` or `tap_the`.
    pub loai: String,
    /// Kind of nominee: an id of the dossier's rule set.
    pub doi_tuong: String,
    /// Unit; a placeholder is written when absent.
    pub don_vi: Option<String>,
    /// Position; for an individual a placeholder is written when absent.
    pub chuc_vu: Option<String>,
}

/// Add the nominee to the dossier in `dir`; the files written (the new report first).
///
/// Refuses, before writing anything: an id that is not a slug ([`EditError::BadId`]) or is
/// already used in the list, the votes or as a report file ([`EditError::IdTaken`]); a type,
/// kind or form that do not go together ([`EditError::Unknown`], [`EditError::NotAllowed`]);
/// a list or vote sequence written in a way that cannot be extended safely
/// ([`EditError::Layout`]).
pub fn add(dir: &Path, n: &NewNominee, catalog: &Catalog) -> Result<Vec<PathBuf>, EditError> {
    if !is_slug(&n.ma) {
        return Err(EditError::BadId(n.ma.clone()));
    }
    // The id names the report file (bao-cao/<id>.yaml): a Windows device name (`con`, `aux`…)
    // could not travel in the bundle (DK006).
    if crate::text::file_name::unsafe_name(format!("bao-cao/{}.yaml", n.ma).as_bytes(), false)
        .is_some()
    {
        return Err(EditError::ReservedId(n.ma.clone()));
    }
    let Some(loai) = NomineeType::from_id(&n.loai) else {
        return Err(EditError::Unknown {
            what: Field::NomineeType,
            value: n.loai.clone(),
            known: NomineeType::ALL
                .iter()
                .map(|t| format!("{} ({})", t.id(), t.vi()))
                .collect(),
        });
    };
    let ten = clean(&n.ten);
    if ten.is_empty() {
        return Err(EditError::Empty("ten"));
    }
    let don_vi = n.don_vi.as_deref().map(clean).filter(|s| !s.is_empty());
    let chuc_vu = n.chuc_vu.as_deref().map(clean).filter(|s| !s.is_empty());

    let ho_so_path = find_yaml(dir, "ho-so").ok_or_else(|| EditError::NotADossier(dir.into()))?;
    let ho_so = files::read(&ho_so_path)?;
    let ho_so_root = tree(&ho_so)?;
    let rs = rule_set(dir, &ho_so_root, catalog)?;
    let form_id = text_of(&ho_so_root, "hinh_thuc").unwrap_or_default();
    let form = rs.form(form_id).ok_or_else(|| EditError::Unknown {
        what: Field::Form,
        value: form_id.to_owned(),
        known: rs
            .forms
            .iter()
            .map(|f| format!("{} ({})", f.id, f.ten))
            .collect(),
    })?;
    let award = text_of(&ho_so_root, "loai_khen").and_then(|k| rs.award_kind(k));
    let kind = rs
        .nominee_kind(&n.doi_tuong)
        .ok_or_else(|| EditError::Unknown {
            what: Field::NomineeKind,
            value: n.doi_tuong.clone(),
            // With what each means: the ids alone do not tell a clerk which to choose.
            known: kinds_for(&rs, form)
                .iter()
                .map(|k| format!("{} ({})", k.id, k.ten))
                .collect(),
        })?;
    if let Some(why) = form_refuses(form, kind) {
        return Err(EditError::NotAllowed {
            what: Field::NomineeKind,
            value: kind.id.clone(),
            why,
        });
    }
    if !kind.admits(loai) {
        let vi: Vec<&str> = kind.types.iter().map(|t| t.vi()).collect();
        let en: Vec<&str> = kind.types.iter().map(|t| t.en_plural()).collect();
        let (vi, en) = (vi.join(", "), en.join(", "));
        return Err(EditError::NotAllowed {
            what: Field::NomineeKind,
            value: kind.id.clone(),
            why: msg!("đối tượng \"{}\" chỉ dành cho {}, nhưng người được đề nghị là {}", kind.ten, vi, loai.vi();
                      "kind `{}` is for {} only, but the nominee is `{}`", kind.id, en, loai.id()),
        });
    }
    if !form.admits(loai) {
        let vi: Vec<&str> = form.types.iter().map(|t| t.vi()).collect();
        let en: Vec<&str> = form.types.iter().map(|t| t.en_plural()).collect();
        return Err(EditError::NotAllowed {
            what: Field::NomineeType,
            value: loai.id().to_owned(),
            why: msg!("hình thức \"{}\" chỉ tặng cho {}, không cho {}", form.ten, vi.join(", "), loai.vi();
                      "award form `{}` goes only to {}, not to a {}", form.id, en.join(", "), loai.en()),
        });
    }

    let tt_path =
        find_yaml(dir, "to-trinh").ok_or_else(|| EditError::Missing(dir.join("to-trinh.yaml")))?;
    let tt = files::read(&tt_path)?;
    let tt_root = tree(&tt)?;
    if ids(&tt_root, "danh_sach").any(|m| m == n.ma) {
        return Err(EditError::IdTaken {
            id: n.ma.clone(),
            file: tt_path,
        });
    }
    let bb = match find_yaml(dir, "bien-ban") {
        Some(p) => {
            let loaded = files::read(&p)?;
            let root = tree(&loaded)?;
            if ids(&root, "ket_qua").any(|m| m == n.ma) {
                return Err(EditError::IdTaken {
                    id: n.ma.clone(),
                    file: p,
                });
            }
            Some((loaded, root))
        }
        None => None,
    };
    let reports = dir.join("bao-cao");
    for ext in ["yaml", "yml"] {
        let p = reports.join(format!("{}.{ext}", n.ma));
        if p.exists() {
            return Err(EditError::IdTaken {
                id: n.ma.clone(),
                file: p,
            });
        }
    }

    let placeholder_don_vi = match loai {
        NomineeType::Individual => "<<Đơn vị công tác>>",
        NomineeType::Collective => "<<Tên đơn vị>>",
        NomineeType::Household => "<<Nơi cư trú>>",
    };
    let don_vi = don_vi.unwrap_or_else(|| placeholder_don_vi.to_owned());
    let chuc_vu = match (chuc_vu, loai) {
        (Some(c), _) => Some(c),
        (None, NomineeType::Individual) => Some("<<Chức vụ>>".to_owned()),
        (None, _) => None,
    };

    let mut item = vec![
        ItemField::plain("ma", &n.ma),
        ItemField::plain("loai", loai.id()),
        ItemField::text("ten", &ten),
    ];
    if let Some(c) = &chuc_vu {
        item.push(ItemField::text("chuc_vu", c));
    }
    item.push(ItemField::text("don_vi", &don_vi));
    item.push(ItemField::plain("doi_tuong", &kind.id));
    let new_tt = append_item(&tt, &tt_root, "danh_sach", &item)?;

    let new_bb = match &bb {
        Some((loaded, root)) => {
            let vote = [
                ItemField::plain("ma", &n.ma),
                ItemField::text("tan_thanh", "<<số phiếu tán thành>>"),
                ItemField::text("khong_tan_thanh", "<<số phiếu không tán thành>>"),
            ];
            Some(append_item(loaded, root, "ket_qua", &vote)?)
        }
        None => None,
    };

    let proposal = text_of(&tt_root, "ngay").and_then(|d| Date::parse(d).ok());
    let dates = template::sample_dates(&rs, proposal, Date::today());
    let nominee = Nominee {
        ma: &n.ma,
        loai,
        ten: dq(&ten),
        chuc_vu: chuc_vu.as_deref().map(dq),
        don_vi: dq(&don_vi),
        kind,
    };
    let mut report = template::report(&rs, &nominee, award, &dates);
    // The new report ends its lines like the proposal does: a dossier kept with Windows line
    // endings stays so.
    if line_ending(tt.body()) == "\r\n" {
        report = report.replace('\n', "\r\n");
    }

    files::create_dir(&reports)?;
    let mut staged = vec![stage_new(&reports.join(format!("{}.yaml", n.ma)), &report)?];
    staged.push(stage_replace(&tt, &new_tt)?);
    if let (Some((loaded, _)), Some(text)) = (&bb, &new_bb) {
        staged.push(stage_replace(loaded, text)?);
    }
    files::commit(staged)
}

/// The id for a nominee added without one: made from the name (`Lê Văn Bình` →
/// `le-van-binh`), with `-2`, `-3`… when the dossier already uses it (in the list, the votes or
/// as a report file). None when the name gives no id.
#[must_use]
pub fn derived_id(dir: &Path, ten: &str) -> Option<String> {
    let base = crate::text::slug::slug(ten)?;
    let mut used: Vec<String> = Vec::new();
    for (stem, key) in [("to-trinh", "danh_sach"), ("bien-ban", "ket_qua")] {
        if let Some(root) = find_yaml(dir, stem)
            .and_then(|p| files::read(&p).ok())
            .and_then(|f| parse(f.body()).root)
        {
            used.extend(ids(&root, key));
        }
    }
    let reports = dir.join("bao-cao");
    Some(crate::text::slug::unique(&base, |c| {
        used.iter().any(|u| u == c)
            || reports.join(format!("{c}.yaml")).exists()
            || reports.join(format!("{c}.yml")).exists()
    }))
}

/// A lowercase ASCII slug: `nguyen-thi-hang`, `thon-doai-2`.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A name as the clerk typed it, in NFC with its spaces folded, so the new entries raise no
/// encoding or spacing finding.
fn clean(s: &str) -> String {
    fold_whitespace(&to_nfc(s)).into_owned()
}

/// The tree of a file that must be edited; a file that does not parse cannot be.
fn tree(f: &Loaded) -> Result<Node, EditError> {
    let parsed = parse(f.body());
    for p in &parsed.problems {
        let message = match p {
            Problem::Syntax { at, message } => format!("line {}: {}", at.line, message),
            Problem::TooComplex { at, .. } => {
                format!("line {}: too deeply nested or too large", at.line)
            }
            _ => continue,
        };
        return Err(EditError::Yaml {
            path: f.path.clone(),
            message,
        });
    }
    parsed.root.ok_or_else(|| EditError::Yaml {
        path: f.path.clone(),
        message: "the file is empty".to_owned(),
    })
}

/// The rule set `phong_trao` names: an id of the catalog, or a rule-set file inside the
/// dossier (as the checker accepts).
fn rule_set(dir: &Path, ho_so: &Node, catalog: &Catalog) -> Result<RuleSet, EditError> {
    let id = text_of(ho_so, "phong_trao").unwrap_or_default().trim();
    if let Some(rs) = catalog.get(id) {
        return Ok(rs.clone());
    }
    let unknown = || EditError::Unknown {
        what: Field::Campaign,
        value: id.to_owned(),
        known: catalog.sets.iter().map(|s| s.id.clone()).collect(),
    };
    let rel = id.replace('\\', "/");
    let rel = rel.trim_start_matches("./");
    let looks_like_path = rel.ends_with(".yaml") || rel.ends_with(".yml") || rel.contains('/');
    if !looks_like_path || rel.starts_with('/') || rel.split('/').any(|p| p == "..") {
        return Err(unknown());
    }
    crate::criteria::load_file(&dir.join(rel), catalog).map_err(|_| unknown())
}

/// The `ma` of every item of a sequence of mappings (in NFC, as the checker compares them).
fn ids<'a>(root: &'a Node, key: &str) -> impl Iterator<Item = String> + 'a {
    let items: &[Node] = match entry(root, key) {
        Some((_, Node::Seq(items, _))) => items,
        _ => &[],
    };
    items
        .iter()
        .filter_map(|i| text_of(i, "ma"))
        .map(|m| to_nfc(m.trim()).into_owned())
}

/// A field of a new sequence item: key, YAML form, the text it reads back as, and an optional
/// comment for the end of its line.
struct ItemField<'a> {
    key: &'a str,
    yaml: String,
    text: String,
    note: Option<&'a str>,
}

impl<'a> ItemField<'a> {
    /// An id, a kind or a number: written unquoted.
    fn plain(key: &'a str, v: &str) -> Self {
        ItemField {
            key,
            yaml: v.to_owned(),
            text: v.to_owned(),
            note: None,
        }
    }

    /// A text: double-quoted, as the format's examples write names.
    fn text(key: &'a str, v: &str) -> Self {
        ItemField {
            key,
            yaml: dq(v),
            text: v.to_owned(),
            note: None,
        }
    }
}

fn layout(f: &Loaded, vi: &str, en: &str) -> EditError {
    EditError::Layout {
        path: f.path.clone(),
        why: crate::diag::Msg::new(vi, en),
    }
}

/// The text of `f` with `fields` appended as a new item of the sequence under `key` (created
/// when absent or empty), checked by parsing it again.
fn append_item(
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
            "tệp không viết dưới dạng các dòng `tên_trường: giá_trị`",
            "the file is not a block mapping of `key: value` lines",
        ));
    }
    let (at, remove, text) = match entry(root, key) {
        Some((_, Node::Seq(items, sp))) if !items.is_empty() => {
            let Some(last) = items.last() else {
                return Err(layout(f, "danh sách trống", "the list is empty"));
            };
            if body.as_bytes().get(sp.start.byte as usize) == Some(&b'[') {
                return Err(layout(
                    f,
                    &format!("`{key}` được viết trên một dòng trong dấu [ ]"),
                    &format!("`{key}` is written as a flow sequence in [ ]"),
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
                                &format!("không tìm thấy dấu ] của `{key}`"),
                                &format!("cannot find the ] of `{key}`"),
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
                    &format!("`{key}` không phải là một danh sách"),
                    &format!("`{key}` is not a list"),
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
fn item_place(f: &Loaded, body: &str, item: &Node) -> Result<(usize, usize), EditError> {
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
            "cannot find the `-` that starts the last item",
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

fn with_note(line: String, note: Option<&str>) -> String {
    match note {
        Some(n) => format!("{line}  # {n}"),
        None => line,
    }
}

fn block_item(fields: &[ItemField<'_>], dash_col: usize, key_col: usize, nl: &str) -> String {
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

fn flow_item(fields: &[ItemField<'_>], dash_col: usize, gap: usize, nl: &str) -> String {
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
fn verify(
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
            &format!("không thêm được mục mới vào `{key}` mà giữ nguyên phần còn lại của tệp"),
            &format!(
                "a new item cannot be appended to `{key}` leaving the rest of the file as it was"
            ),
        )
    };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Finding;
    use crate::edit::init::{init, InitOptions};
    use crate::rules::check::check_dossier;
    use crate::rules::Rule;
    use std::fs;

    fn catalog() -> Catalog {
        Catalog::builtin().unwrap()
    }

    fn today() -> Date {
        Date::parse("2030-01-01").unwrap()
    }

    fn nominee(ma: &str, loai: &str, kind: &str) -> NewNominee {
        NewNominee {
            ma: ma.into(),
            ten: "  Phạm Thị  Thu ".into(),
            loai: loai.into(),
            doi_tuong: kind.into(),
            don_vi: Some("Trạm Y tế xã Ninh Hải".into()),
            chuc_vu: None,
        }
    }

    fn copy_dir(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for e in fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            let target = to.join(e.file_name());
            if e.file_type().unwrap().is_dir() {
                copy_dir(&e.path(), &target);
            } else {
                fs::copy(e.path(), target).unwrap();
            }
        }
    }

    fn example(name: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name);
        copy_dir(&src, dir.path());
        dir
    }

    fn key(f: &Finding) -> (Rule, String, String) {
        (f.rule, f.primary.file.clone(), f.message.en.clone())
    }

    fn line_of(dir: &Path, f: &Finding) -> String {
        let text = fs::read_to_string(dir.join(&f.primary.file)).unwrap_or_default();
        let n = f.primary.span.map_or(0, |s| s.start.line as usize);
        text.lines()
            .nth(n.saturating_sub(1))
            .unwrap_or("")
            .to_owned()
    }

    /// Findings that `add` introduced: only placeholders (on a line showing one) and the
    /// missing votes of the new nominee.
    fn assert_only_new_placeholders(dir: &Path, before: &[Finding], ma: &str) {
        let after = check_dossier(dir, &catalog(), today()).findings;
        let mut old: Vec<_> = before.iter().map(key).collect();
        for f in &after {
            if let Some(i) = old.iter().position(|k| *k == key(f)) {
                old.swap_remove(i);
                continue;
            }
            let line = line_of(dir, f);
            let placeholder = f.rule == Rule::HS015 && line.contains("<<");
            let _ = ma;
            assert!(
                placeholder,
                "{:?} {}: {} | {}",
                f.rule, f.primary.file, f.message.en, line
            );
        }
        assert!(old.is_empty(), "findings went away: {old:?}");
    }

    /// `before`'s lines are all in `after`, in order: nothing was removed or changed.
    fn only_inserted(before: &str, after: &str) {
        let mut it = after.split_inclusive('\n');
        for line in before.split_inclusive('\n') {
            assert!(it.any(|l| l == line), "lost {line:?}");
        }
    }

    #[test]
    fn adds_to_an_example_dossier_keeping_every_other_byte() {
        let dir = example("01-giay-khen-chuyen-de-truong-yen");
        let before = check_dossier(dir.path(), &catalog(), today()).findings;
        let tt0 = fs::read_to_string(dir.path().join("to-trinh.yaml")).unwrap();
        let bb0 = fs::read_to_string(dir.path().join("bien-ban.yaml")).unwrap();
        let n = nominee("pham-thi-thu", "ca_nhan", "tuyen_dau");
        let written = add(dir.path(), &n, &catalog()).unwrap();
        assert_eq!(written.len(), 3);
        assert!(written[0].ends_with("bao-cao/pham-thi-thu.yaml"));
        let tt = fs::read_to_string(dir.path().join("to-trinh.yaml")).unwrap();
        only_inserted(&tt0, &tt);
        assert!(tt.contains(
            "  - ma: pham-thi-thu\n    loai: ca_nhan\n    ten: \"Phạm Thị Thu\"\n    chuc_vu: \"<<Chức vụ>>\"\n    don_vi: \"Trạm Y tế xã Ninh Hải\"\n    doi_tuong: tuyen_dau\ndinh_kem:"
        ), "{tt}");
        let bb = fs::read_to_string(dir.path().join("bien-ban.yaml")).unwrap();
        only_inserted(&bb0, &bb);
        assert!(bb.contains("  - ma: pham-thi-thu\n    tan_thanh: \"<<số phiếu tán thành>>\"\n    khong_tan_thanh: \"<<số phiếu không tán thành>>\"\ndinh_kem:"), "{bb}");
        assert_only_new_placeholders(dir.path(), &before, "pham-thi-thu");
    }

    #[test]
    fn adds_to_a_fresh_template() {
        let dir = tempfile::tempdir().unwrap();
        let o = InitOptions {
            campaign: "covid19-hoa-lu-2021".into(),
            form: "giay_khen_chu_tich_huyen".into(),
            kind: Some("dot_xuat".into()),
            nominee_kind: None,
            today: Date::today(),
        };
        init(dir.path(), &o, &catalog()).unwrap();
        let before = check_dossier(dir.path(), &catalog(), today()).findings;
        let mut n = nominee("thon-dong", "tap_the", "thon_xom");
        n.don_vi = None;
        add(dir.path(), &n, &catalog()).unwrap();
        assert_only_new_placeholders(dir.path(), &before, "thon-dong");
        let rep = fs::read_to_string(dir.path().join("bao-cao/thon-dong.yaml")).unwrap();
        assert!(rep.contains("  xay_dung_phao_dai: true\n"));
        assert!(rep.contains("ghi_nhan: \"<<"));
        assert!(rep.contains("don_vi: \"<<Tên đơn vị>>\""));
        // A second nominee after the first added one.
        add(
            dir.path(),
            &nominee("pham-thi-thu", "ca_nhan", "tuyen_dau"),
            &catalog(),
        )
        .unwrap();
        let tt = fs::read_to_string(dir.path().join("to-trinh.yaml")).unwrap();
        let ids: Vec<_> = ids(&parse(&tt).root.unwrap(), "danh_sach").collect();
        assert_eq!(ids, ["vi-du-ca-nhan", "thon-dong", "pham-thi-thu"]);
    }

    #[test]
    fn keeps_crlf_bom_and_flow_items() {
        let dir = example("02-giay-khen-dot-xuat-ninh-hai");
        let bb_path = dir.path().join("bien-ban.yaml");
        let bb = fs::read_to_string(&bb_path).unwrap();
        let root = parse(&bb).root.unwrap();
        // Rewrite the votes as `- { ... }` items, and the file with CRLF and a BOM.
        let Some((_, Node::Seq(items, _))) = entry(&root, "ket_qua") else {
            panic!()
        };
        let mut flow = String::new();
        for it in items {
            flow.push_str(&format!(
                "  - {{ ma: {}, tan_thanh: {}, khong_tan_thanh: {} }}\n",
                text_of(it, "ma").unwrap(),
                text_of(it, "tan_thanh").unwrap(),
                text_of(it, "khong_tan_thanh").unwrap_or("0"),
            ));
        }
        let start = bb.find("ket_qua:\n").unwrap() + "ket_qua:\n".len();
        let end = bb.find("dinh_kem:").unwrap_or(bb.len());
        let rewritten = format!("{}{}{}", &bb[..start], flow, &bb[end..]);
        let crlf = format!("\u{feff}{}", rewritten.replace('\n', "\r\n"));
        fs::write(&bb_path, &crlf).unwrap();
        let tt_path = dir.path().join("to-trinh.yaml");
        let tt = fs::read_to_string(&tt_path).unwrap().replace('\n', "\r\n");
        fs::write(&tt_path, &tt).unwrap();
        let before = check_dossier(dir.path(), &catalog(), today()).findings;
        add(
            dir.path(),
            &nominee("pham-thi-thu", "ca_nhan", "tuyen_dau"),
            &catalog(),
        )
        .unwrap();
        let after = fs::read_to_string(&bb_path).unwrap();
        assert!(after.starts_with('\u{feff}'));
        assert_eq!(after.matches('\n').count(), after.matches("\r\n").count());
        assert!(after.contains(
            "  - { ma: pham-thi-thu, tan_thanh: \"<<số phiếu tán thành>>\", khong_tan_thanh: \"<<số phiếu không tán thành>>\" }\r\n"
        ), "{after}");
        only_inserted(&crlf, &after);
        let tt_after = fs::read_to_string(&tt_path).unwrap();
        only_inserted(&tt, &tt_after);
        assert_eq!(
            tt_after.matches('\n').count(),
            tt_after.matches("\r\n").count()
        );
        let rep = fs::read_to_string(dir.path().join("bao-cao/pham-thi-thu.yaml")).unwrap();
        assert_eq!(rep.matches('\n').count(), rep.matches("\r\n").count());
        assert_only_new_placeholders(dir.path(), &before, "pham-thi-thu");
    }

    #[test]
    fn fills_an_empty_or_missing_sequence() {
        for (list, votes) in [
            ("danh_sach: []  # trống\n", "ket_qua:\n"),
            ("danh_sach: ~\n", ""),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let p = dir.path();
            fs::write(p.join("ho-so.yaml"), "phien_ban: 1\nphong_trao: covid19-hoa-lu-2021\nhinh_thuc: bang_khen_chu_tich_tinh\nco_quan_de_nghi: \"X\"\n").unwrap();
            fs::write(
                p.join("to-trinh.yaml"),
                format!("so_ky_hieu: \"1/TTr-UBND\"\n{list}dinh_kem: a.pdf\n"),
            )
            .unwrap();
            fs::write(
                p.join("bien-ban.yaml"),
                format!("so_ky_hieu: \"1/BB-UBND\"\n{votes}"),
            )
            .unwrap();
            add(p, &nominee("a-b", "ca_nhan", "nguoi_dan"), &catalog()).unwrap();
            let tt = fs::read_to_string(p.join("to-trinh.yaml")).unwrap();
            let root = parse(&tt).root.unwrap();
            assert_eq!(ids(&root, "danh_sach").collect::<Vec<_>>(), ["a-b"], "{tt}");
            assert_eq!(text_of(&root, "dinh_kem"), Some("a.pdf"));
            let bb = fs::read_to_string(p.join("bien-ban.yaml")).unwrap();
            let root = parse(&bb).root.unwrap();
            assert_eq!(ids(&root, "ket_qua").collect::<Vec<_>>(), ["a-b"], "{bb}");
        }
    }

    #[test]
    fn refuses_taken_and_malformed_ids_and_unfit_kinds_writing_nothing() {
        let dir = example("01-giay-khen-chuyen-de-truong-yen");
        let p = dir.path();
        let snapshot = |p: &Path| -> Vec<(String, Vec<u8>)> {
            let mut v = Vec::new();
            for sub in ["", "bao-cao"] {
                for e in fs::read_dir(p.join(sub)).unwrap() {
                    let e = e.unwrap();
                    if e.file_type().unwrap().is_file() {
                        v.push((e.path().display().to_string(), fs::read(e.path()).unwrap()));
                    }
                }
            }
            v.sort();
            v
        };
        let before = snapshot(p);
        let cat = catalog();
        let taken = nominee("nguyen-thi-hang", "ca_nhan", "tuyen_dau");
        assert!(
            matches!(add(p, &taken, &cat), Err(EditError::IdTaken { file, .. }) if file.ends_with("to-trinh.yaml"))
        );
        // Only in the votes.
        let bb = fs::read_to_string(p.join("bien-ban.yaml")).unwrap();
        fs::write(
            p.join("bien-ban.yaml"),
            bb.replace("ma: le-thu-trang", "ma: chi-trong-bien-ban"),
        )
        .unwrap();
        let votes_only = nominee("chi-trong-bien-ban", "ca_nhan", "tuyen_dau");
        assert!(
            matches!(add(p, &votes_only, &cat), Err(EditError::IdTaken { file, .. }) if file.ends_with("bien-ban.yaml"))
        );
        fs::write(p.join("bien-ban.yaml"), &bb).unwrap();
        // Only as a report file.
        fs::write(p.join("bao-cao/mo-coi.yml"), "ma: mo-coi\n").unwrap();
        assert!(
            matches!(add(p, &nominee("mo-coi", "ca_nhan", "tuyen_dau"), &cat), Err(EditError::IdTaken { file, .. }) if file.ends_with("mo-coi.yml"))
        );
        fs::remove_file(p.join("bao-cao/mo-coi.yml")).unwrap();
        for bad in ["Nguyen", "nguyễn", "a--b", "-a", "a-", "a b", "a_b", ""] {
            assert!(
                matches!(
                    add(p, &nominee(bad, "ca_nhan", "tuyen_dau"), &cat),
                    Err(EditError::BadId(_))
                ),
                "{bad:?}"
            );
        }
        assert!(matches!(
            add(p, &nominee("x", "ca_nhan", "thon_xom"), &cat),
            Err(EditError::NotAllowed {
                what: Field::NomineeKind,
                ..
            })
        ));
        assert!(matches!(
            add(p, &nominee("x", "tap_the", "nguoi_dan"), &cat),
            Err(EditError::NotAllowed {
                what: Field::NomineeKind,
                ..
            })
        ));
        assert!(matches!(
            add(p, &nominee("x", "ca_nhan", "bac_si"), &cat),
            Err(EditError::Unknown {
                what: Field::NomineeKind,
                ..
            })
        ));
        assert!(matches!(
            add(p, &nominee("x", "nhom", "tuyen_dau"), &cat),
            Err(EditError::Unknown {
                what: Field::NomineeType,
                ..
            })
        ));
        let mut empty = nominee("x", "ca_nhan", "tuyen_dau");
        empty.ten = " \u{a0} ".into();
        assert!(matches!(add(p, &empty, &cat), Err(EditError::Empty("ten"))));
        assert_eq!(snapshot(p), before);
        assert!(matches!(
            add(
                &p.join("bao-cao"),
                &nominee("x", "ca_nhan", "tuyen_dau"),
                &cat
            ),
            Err(EditError::NotADossier(_))
        ));
    }

    #[test]
    fn a_form_limited_to_some_kinds_refuses_the_others() {
        let text = crate::criteria::BUILTIN[0].1.replacen(
            "    cap: tinh\n",
            "    cap: tinh\n    doi_tuong: [tuyen_dau]\n",
            1,
        );
        let rs = crate::criteria::parse(&text, "x.yaml", &{
            let mut c = Catalog::builtin().unwrap();
            c.sets
                .retain(|s| s.kind == crate::criteria::SetKind::ThuTuc);
            c
        })
        .unwrap();
        let cat = Catalog { sets: vec![rs] };
        let dir = example("03-bang-khen-tinh-huyen-hoa-lu");
        let hs = fs::read_to_string(dir.path().join("ho-so.yaml")).unwrap();
        assert!(hs.contains("bang_khen_chu_tich_tinh"), "{hs}");
        assert!(matches!(
            add(dir.path(), &nominee("x", "ca_nhan", "nguoi_dan"), &cat),
            Err(EditError::NotAllowed {
                what: Field::NomineeKind,
                ..
            })
        ));
        add(dir.path(), &nominee("x", "ca_nhan", "tuyen_dau"), &cat).unwrap();
    }

    #[test]
    fn follows_a_sequence_written_at_the_key_indentation() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        fs::write(
            p.join("ho-so.yaml"),
            "phien_ban: 1\nphong_trao: covid19-hoa-lu-2021\nhinh_thuc: bang_khen_chu_tich_tinh\n",
        )
        .unwrap();
        fs::write(
            p.join("to-trinh.yaml"),
            "danh_sach:\n- ma: a\n  ten: \"A\"   # ghi chú\n# cuối danh sách\ndinh_kem: x.pdf\n",
        )
        .unwrap();
        add(p, &nominee("b", "ca_nhan", "nguoi_dan"), &catalog()).unwrap();
        assert_eq!(
            fs::read_to_string(p.join("to-trinh.yaml")).unwrap(),
            "danh_sach:\n- ma: a\n  ten: \"A\"   # ghi chú\n- ma: b\n  loai: ca_nhan\n  ten: \"Phạm Thị Thu\"\n  chuc_vu: \"<<Chức vụ>>\"\n  don_vi: \"Trạm Y tế xã Ninh Hải\"\n  doi_tuong: nguoi_dan\n# cuối danh sách\ndinh_kem: x.pdf\n"
        );
    }

    #[test]
    fn refuses_a_flow_list_and_a_broken_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        fs::write(
            p.join("ho-so.yaml"),
            "phien_ban: 1\nphong_trao: covid19-hoa-lu-2021\nhinh_thuc: bang_khen_chu_tich_tinh\n",
        )
        .unwrap();
        fs::write(p.join("to-trinh.yaml"), "danh_sach: [ { ma: a } ]\n").unwrap();
        assert!(matches!(
            add(p, &nominee("b", "ca_nhan", "nguoi_dan"), &catalog()),
            Err(EditError::Layout { .. })
        ));
        fs::write(p.join("to-trinh.yaml"), "danh_sach:\n  - ma: \"a\n").unwrap();
        assert!(matches!(
            add(p, &nominee("b", "ca_nhan", "nguoi_dan"), &catalog()),
            Err(EditError::Yaml { .. })
        ));
        fs::remove_file(p.join("to-trinh.yaml")).unwrap();
        assert!(matches!(
            add(p, &nominee("b", "ca_nhan", "nguoi_dan"), &catalog()),
            Err(EditError::Missing(_))
        ));
    }
}
