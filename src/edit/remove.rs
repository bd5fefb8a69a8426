//! `dossier remove`: take a nominee out of the dossier, from all three places at once.
//!
//! A nominee dropped at the council's meeting must leave the proposal's list, the minutes' votes
//! and the reports; removed by hand from one place only, the others then disagree (DS002, DS005).
//! This removes the list entry and the vote line as text (the lines of that item only, so every
//! other byte, comments included, stays), proves each edited file parses to its old tree minus
//! that item, writes them atomically, and then deletes the report file.

use std::path::{Path, PathBuf};

use super::files::{self, find_yaml, stage_replace, Loaded};
use super::text::{after_line, extent_end, line_start, same};
use super::EditError;
use crate::msg;
use crate::yaml::tree::{parse, Node};

/// What was removed: the edited files, and the report deleted (if there was one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// Files edited.
    pub edited: Vec<PathBuf>,
    /// The report file deleted.
    pub deleted: Option<PathBuf>,
}

/// The text of `loaded` without the item of sequence `key` whose `ma` is `id`; None when the
/// file has no such item.
fn without(loaded: &Loaded, key: &str, id: &str) -> Result<Option<String>, EditError> {
    let body = loaded.body();
    let root = parse(body).root.ok_or_else(|| EditError::Yaml {
        path: loaded.path.clone(),
        message: "the file does not parse".to_owned(),
    })?;
    let Some((_, Node::Seq(items, seq_span))) = root.entry(key) else {
        return Ok(None);
    };
    let Some(at) = items.iter().position(|i| i.text("ma") == Some(id)) else {
        return Ok(None);
    };
    let refuse = || EditError::Layout {
        path: loaded.path.clone(),
        why: msg!("danh sách \"{}\" viết trên một dòng ([ ... ]); hãy xóa mục của \"{}\" bằng tay", key, id;
                  "the list \"{}\" is written on one line ([ ... ]); remove the entry of \"{}\" by hand", key, id),
    };
    if body.as_bytes().get(seq_span.start.byte as usize) == Some(&b'[') {
        return Err(refuse());
    }
    if items.len() == 1 {
        return Err(EditError::Layout {
            path: loaded.path.clone(),
            why: msg!("\"{}\" là người duy nhất trong \"{}\"; hồ sơ không còn ai thì không cần gỡ từng người", id, key;
                      "\"{}\" is the only entry of \"{}\"; a dossier with nobody left needs no removal", id, key),
        });
    }
    let item = &items[at];
    let start = line_start(body, item.span().start.byte as usize);
    let end = after_line(body, extent_end(item));
    // Another item sharing a line with this one cannot be cut out by lines.
    let shares = items.iter().enumerate().any(|(i, other)| {
        i != at && {
            let s = other.span().start.byte as usize;
            (start..end).contains(&s)
        }
    });
    if shares {
        return Err(refuse());
    }
    let mut text = String::from(loaded.prefix());
    text.push_str(&body[..start]);
    text.push_str(&body[end..]);
    // The proof: the same tree with that one item gone.
    let mut want = root.clone();
    if let Node::Map(entries, _) = &mut want {
        if let Some((_, Node::Seq(items, _))) = entries.iter_mut().find(|(k, _)| k.text == key) {
            items.remove(at);
        }
    }
    let new_body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match parse(new_body).root {
        Some(new_root) if same(&want, &new_root) => Ok(Some(text)),
        _ => Err(refuse()),
    }
}

/// The ids the dossier knows, for a "did you mean": the list's and the votes' `ma`, and the
/// reports' file names. A file that does not read adds none.
fn known_ids(dir: &Path) -> Vec<String> {
    let mut ids = Vec::new();
    for (stem, key) in [("to-trinh", "danh_sach"), ("bien-ban", "ket_qua")] {
        let Some(loaded) = find_yaml(dir, stem).and_then(|p| files::read(&p).ok()) else {
            continue;
        };
        if let Some(root) = parse(loaded.body()).root {
            if let Some((_, Node::Seq(items, _))) = root.entry(key) {
                ids.extend(items.iter().filter_map(|i| i.text("ma")).map(str::to_owned));
            }
        }
    }
    if let Ok(rd) = std::fs::read_dir(dir.join("bao-cao")) {
        ids.extend(rd.filter_map(Result::ok).filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.strip_suffix(".yaml")
                .or_else(|| n.strip_suffix(".yml"))
                .map(str::to_owned)
        }));
    }
    ids.sort();
    ids.dedup();
    ids
}

/// Remove the nominee `id` from the list, the votes and the reports of the dossier in `dir`.
/// Nothing is written unless the nominee is found somewhere and every edit proves itself.
pub fn remove(dir: &Path, id: &str) -> Result<Removed, EditError> {
    if find_yaml(dir, "ho-so").is_none() {
        return Err(EditError::NotADossier(dir.to_path_buf()));
    }
    let mut edited = Vec::new();
    for (stem, key) in [("to-trinh", "danh_sach"), ("bien-ban", "ket_qua")] {
        let Some(path) = find_yaml(dir, stem) else {
            continue;
        };
        let loaded = files::read(&path)?;
        if let Some(text) = without(&loaded, key, id)? {
            edited.push((loaded, text));
        }
    }
    let mut staged = Vec::new();
    for (loaded, text) in &edited {
        staged.push(stage_replace(loaded, text)?);
    }
    let report = ["yaml", "yml"]
        .iter()
        .map(|ext| dir.join("bao-cao").join(format!("{id}.{ext}")))
        .find(|p| p.is_file());
    if staged.is_empty() && report.is_none() {
        let known = known_ids(dir);
        let known: Vec<&str> = known.iter().map(String::as_str).collect();
        let near = crate::text::suggest::did_you_mean(id, &known).map(str::to_owned);
        return Err(EditError::NoNominee(id.to_owned(), near));
    }
    let delete: Vec<(PathBuf, Vec<u8>)> = match &report {
        Some(p) => vec![(p.clone(), files::read_capped(p)?)],
        None => Vec::new(),
    };
    let edited = files::commit(dir, "remove", staged, &delete)?;
    Ok(Removed {
        edited,
        deleted: report,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_goes_with_its_lines_only() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let p = dir.path();
        std::fs::write(p.join("ho-so.yaml"), "phien_ban: 1\n").unwrap_or_default();
        std::fs::write(
            p.join("to-trinh.yaml"),
            "# list\ndanh_sach:\n  - ma: a\n    ten: A # keep\n  - ma: b\n    ten: B\ndinh_kem: x\n",
        )
        .unwrap_or_default();
        std::fs::write(
            p.join("bien-ban.yaml"),
            "ket_qua:\n  - { ma: a, tan_thanh: 1 }\n  - { ma: b, tan_thanh: 2 }\n",
        )
        .unwrap_or_default();
        std::fs::create_dir_all(p.join("bao-cao")).unwrap_or_default();
        std::fs::write(p.join("bao-cao/b.yaml"), "ma: b\n").unwrap_or_default();
        let r = remove(p, "b").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.edited.len(), 2);
        assert_eq!(
            std::fs::read_to_string(p.join("to-trinh.yaml")).unwrap_or_default(),
            "# list\ndanh_sach:\n  - ma: a\n    ten: A # keep\ndinh_kem: x\n"
        );
        assert_eq!(
            std::fs::read_to_string(p.join("bien-ban.yaml")).unwrap_or_default(),
            "ket_qua:\n  - { ma: a, tan_thanh: 1 }\n"
        );
        assert!(!p.join("bao-cao/b.yaml").exists());
        assert!(matches!(remove(p, "b"), Err(EditError::NoNominee(..))));
    }
}
