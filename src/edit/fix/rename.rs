//! Attachment files renamed together with their `dinh_kem` entry (#11).
//!
//! The line repairs of `super::super::repair` take invisible characters and look-alike letters
//! out of every line, `dinh_kem` values included. When the file on disk carries the same
//! character (the clerk copied the name from the folder, or the folder from the document), the
//! cleaned entry would name a file that is not there; so the file is renamed to the clean name in
//! the same run, shown before anything is written.
//!
//! A rename is made only when it cannot lose or mix up a file: the clean name must be free,
//! compared without regard to case or Unicode form (Windows and macOS folders do not tell
//! `To-trinh.pdf` from `to-trinh.pdf`), no two files may be cleaned to one name, and only the
//! file's own name changes (a folder's name with an invisible character is the clerk's to
//! change, since other entries may pass through it). Otherwise the YAML file that names it is
//! left as it is, and the clerk is told why, rather than written to name no file.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::Doc;
use crate::diag::Msg;
use crate::dossier::files::normalise_path;
use crate::msg;
use crate::text::file_name::shown;
use crate::text::{chars, to_nfc};
use crate::yaml::tree::Node;

/// The renames to make, and the documents (by index) to leave unrepaired, with why.
#[derive(Debug, Default)]
pub(super) struct Plan {
    pub(super) renames: Vec<(PathBuf, PathBuf)>,
    pub(super) refused: Vec<(usize, Msg)>,
}

/// One `dinh_kem` entry whose cleaning changes which file it names.
struct Mention {
    doc: usize,
    line: u32,
    /// The file's name on disk, relative to the dossier, `/` between parts.
    from: String,
    /// The clean name the entry will hold.
    to: String,
}

/// How names are compared on a folder that ignores case and Unicode form.
fn folded(rel: &str) -> String {
    to_nfc(rel).to_lowercase()
}

/// Regular files of the dossier, relative, `/` between parts; hidden entries and links left
/// out, as `check` does.
fn files(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(dir).ok()?;
            let parts: Option<Vec<&str>> =
                rel.components().map(|c| c.as_os_str().to_str()).collect();
            Some(parts?.join("/"))
        })
        .collect()
}

fn attachments<'a>(node: &'a Node, key: &str, out: &mut Vec<&'a crate::yaml::tree::Scalar>) {
    match node {
        Node::Scalar(s) if key == "dinh_kem" => out.push(s),
        Node::Scalar(_) => {}
        Node::Seq(items, _) => items.iter().for_each(|i| attachments(i, key, out)),
        Node::Map(entries, _) => entries
            .iter()
            .for_each(|(k, v)| attachments(v, &k.text, out)),
    }
}

fn parent(rel: &str) -> &str {
    rel.rfind('/').map_or("", |i| &rel[..i])
}

fn last(rel: &str) -> &str {
    rel.rfind('/').map_or(rel, |i| &rel[i + 1..])
}

/// The renames the line repairs of `docs` call for.
pub(super) fn plan(dir: &Path, docs: &[Doc]) -> Plan {
    if docs.iter().all(|d| d.text == d.loaded.body()) {
        return Plan::default();
    }
    let on_disk = files(dir);
    // Clean name -> the names on disk that clean to it.
    let mut hidden: HashMap<String, Vec<&str>> = HashMap::new();
    for f in &on_disk {
        let clean = chars::strip(f);
        if clean != f.as_str() {
            hidden.entry(clean.into_owned()).or_default().push(f);
        }
    }
    if hidden.is_empty() {
        return Plan::default();
    }
    let mut mentions = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let before: Vec<&str> = d.loaded.body().split('\n').collect();
        let after: Vec<&str> = d.text.split('\n').collect();
        let mut found = Vec::new();
        attachments(&d.root, "", &mut found);
        for s in found {
            let Some(n) = (s.span.start.line as usize).checked_sub(1) else {
                continue;
            };
            let (Some(l0), Some(l1)) = (before.get(n), after.get(n)) else {
                continue;
            };
            if l0 == l1 {
                continue;
            }
            let to = normalise_path(&s.text);
            for from in hidden.get(&to).into_iter().flatten() {
                if l0.contains(last(from)) {
                    mentions.push(Mention {
                        doc: i,
                        line: s.span.start.line,
                        from: (*from).to_owned(),
                        to: to.clone(),
                    });
                }
            }
        }
    }
    // Why each name on disk cannot be renamed, if it cannot.
    let mut blocked: HashMap<&str, Msg> = HashMap::new();
    let mut targets: HashMap<String, &str> = HashMap::new();
    for m in &mentions {
        let (from, to) = (m.from.as_str(), m.to.as_str());
        let (from_shown, to_shown) = (shown(from), shown(to));
        if parent(from) != parent(to) {
            blocked.entry(from).or_insert(
                msg!(
                    "tên thư mục trong đường dẫn \"{to_shown}\" có ký tự vô hình; dossier fix chỉ đổi tên tệp, không đổi tên thư mục: hãy tự đổi tên thư mục rồi chạy lại dossier fix";
                    "a folder in the path \"{to_shown}\" has an invisible character in its name; dossier fix renames files, not folders: rename the folder, then run dossier fix again"
                ),
            );
            continue;
        }
        let key = folded(to);
        let taken = on_disk
            .iter()
            .any(|f| f.as_str() != from && folded(f) == key)
            || std::fs::symlink_metadata(dir.join(to)).is_ok();
        let twice = targets.get(&key).is_some_and(|other| *other != from);
        if taken || twice {
            blocked.entry(from).or_insert(
                msg!(
                    "tệp \"{from_shown}\" có ký tự vô hình hoặc chữ trông giống chữ Latinh trong tên, nhưng tên \"{to_shown}\" đã là tên của tệp khác; chương trình không ghi đè nên để nguyên: hãy xem hai tệp, giữ một tệp rồi chạy lại dossier fix";
                    "the file \"{from_shown}\" has an invisible character or a look-alike letter in its name, but \"{to_shown}\" is already another file's name; nothing is overwritten, so it is left as it is: look at both files, keep one, then run dossier fix again"
                ),
            );
            continue;
        }
        targets.insert(key, from);
    }
    // A document left unrepaired still names its files with the character: those files keep
    // their names, and so every other document naming them is left too.
    let mut refused: HashMap<usize, Msg> = HashMap::new();
    loop {
        let mut grew = false;
        for m in &mentions {
            let from = m.from.as_str();
            match refused.entry(m.doc) {
                Entry::Occupied(_) => {
                    if let Entry::Vacant(v) = blocked.entry(from) {
                        v.insert(msg!(
                            "tệp \"{}\" có ký tự vô hình hoặc chữ trông giống chữ Latinh trong tên, và một văn bản khác ghi tên tệp như thế mà chưa sửa được; để nguyên", shown(from);
                            "the file \"{}\" has an invisible character or a look-alike letter in its name, and another document that names it so could not be fixed; left as it is", shown(from)
                        ));
                        grew = true;
                    }
                }
                Entry::Vacant(v) => {
                    if let Some(why) = blocked.get(from) {
                        let line = m.line;
                        v.insert(msg!("dòng {line}: {}", why.vi; "line {line}: {}", why.en));
                        grew = true;
                    }
                }
            }
        }
        if !grew {
            break;
        }
    }
    let mut seen = HashSet::new();
    let mut renames = Vec::new();
    for m in &mentions {
        if !blocked.contains_key(m.from.as_str()) && seen.insert(m.from.clone()) {
            renames.push((dir.join(&m.from), dir.join(&m.to)));
        }
    }
    renames.sort();
    let mut refused: Vec<(usize, Msg)> = refused.into_iter().collect();
    refused.sort_by_key(|r| r.0);
    Plan { renames, refused }
}
