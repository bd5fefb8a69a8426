//! Reading the dossier for `dossier fix`: every YAML file as text, its repairs made before it
//! is parsed, and the files whose names are not in NFC; kept apart from the planning of the
//! repairs, which only sees the parsed documents.

use std::path::{Path, PathBuf};

use super::{Doc, Skipped};
use crate::edit::files::{self, find_yaml};
use crate::edit::EditError;
use crate::msg;
use crate::text::to_nfc;
use crate::yaml::tree::{parse, Problem};

/// Files of the dossier whose names are not in NFC, with their NFC name, when nothing is there
/// yet. Hidden entries and links are left alone, as `check` does.
pub(super) fn nfd_names(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    let mut folders = Vec::new();
    let walk = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for e in walk.filter_map(Result::ok) {
        let folder = e.file_type().is_dir();
        if !(e.file_type().is_file() || folder) {
            continue;
        }
        let Some(name) = e.file_name().to_str() else {
            continue;
        };
        let nfc = to_nfc(name);
        if nfc == name {
            continue;
        }
        let to = e.path().with_file_name(nfc.as_ref());
        if std::fs::symlink_metadata(&to).is_err() {
            let pair = (e.path().to_path_buf(), to);
            if folder {
                folders.push((e.depth(), pair));
            } else {
                out.push(pair);
            }
        }
    }
    out.sort();
    // Folders after the files in them, the deepest first, so every path renamed still exists.
    folders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    out.extend(folders.into_iter().map(|(_, pair)| pair));
    out
}

pub(super) fn file_order(dir: &Path, file: &Path) -> (usize, PathBuf) {
    let rel = file.strip_prefix(dir).unwrap_or(file).to_path_buf();
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    let rank = match first.split('.').next().unwrap_or("") {
        "ho-so" => 0,
        "to-trinh" => 1,
        "bien-ban" => 2,
        _ => 3,
    };
    (rank, rel)
}

/// The YAML files of the dossier that can be read and parsed, `to-trinh` first.
pub(super) fn read_docs(dir: &Path) -> Result<(Vec<Doc>, Vec<Skipped>), EditError> {
    let mut paths: Vec<PathBuf> = ["to-trinh", "ho-so", "bien-ban"]
        .iter()
        .filter_map(|stem| find_yaml(dir, stem))
        .collect();
    let reports = dir.join("bao-cao");
    if reports.is_dir() {
        let entries = std::fs::read_dir(&reports).map_err(|source| EditError::Io {
            path: reports.clone(),
            source,
        })?;
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let name = p
                    .file_name()
                    .map_or(String::new(), |n| n.to_string_lossy().into_owned());
                (name.ends_with(".yaml") || name.ends_with(".yml")) && !name.starts_with('.')
            })
            .collect();
        found.sort();
        paths.extend(found);
    }
    let mut docs = Vec::new();
    let mut skipped = Vec::new();
    for (rank, path) in paths.into_iter().enumerate() {
        let regular = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        if !regular {
            // A link or a folder with a YAML name: writing through it could reach outside the
            // dossier, so it is left alone.
            skipped.push(Skipped {
                file: path,
                why: msg!("không phải tệp thường (liên kết hoặc thư mục) nên không sửa";
                          "not a regular file (a link or a folder), so not fixed"),
            });
            continue;
        }
        let mut utf16 = false;
        let mut cp1258 = false;
        let loaded = match files::read(&path) {
            Ok(l) => l,
            Err(EditError::Read {
                problem: crate::yaml::decode::DecodeProblem::NotUtf8 { .. },
                ..
            }) if read_cp1258(&path).is_some() => {
                cp1258 = true;
                match read_cp1258(&path) {
                    Some(l) => l,
                    None => continue,
                }
            }
            Err(EditError::Read {
                problem: crate::yaml::decode::DecodeProblem::Utf16 { .. },
                ..
            }) if files::read_utf16(&path).is_some() => {
                utf16 = true;
                match files::read_utf16(&path) {
                    Some(l) => l,
                    None => continue,
                }
            }
            Err(e) => {
                skipped.push(Skipped {
                    file: path,
                    why: {
                        let m = e.msg();
                        msg!("{}; sửa lỗi này trước, rồi chạy lại dossier fix", m.vi;
                             "{}; fix that first, then run dossier fix again", m.en)
                    },
                });
                continue;
            }
        };
        let (text, mut repairs) = match super::super::repair::repair(loaded.body()) {
            Some(r) => (r.text, r.reasons),
            None => (loaded.body().to_owned(), Vec::new()),
        };
        if utf16 {
            repairs.insert(
                0,
                msg!(
                    "lưu lại tệp bằng mã UTF-8 (tệp đang ở mã UTF-16, chế độ \"Unicode\" của Notepad)";
                    "the file, saved as UTF-16 (Notepad's \"Unicode\"), written as UTF-8"
                ),
            );
        }
        if cp1258 {
            repairs.insert(
                0,
                msg!(
                    "lưu lại tệp bằng mã UTF-8 (tệp đang ở bảng mã Windows-1258, chế độ \"ANSI\" của Notepad trên Windows tiếng Việt)";
                    "the file, saved in Windows-1258 (Notepad's \"ANSI\" on Vietnamese Windows), written as UTF-8"
                ),
            );
        }
        let parsed = parse(&text);
        let fatal = parsed
            .problems
            .iter()
            .any(|p| matches!(p, Problem::Syntax { .. } | Problem::TooComplex { .. }));
        let Some(root) = parsed.root.filter(|_| !fatal) else {
            skipped.push(Skipped {
                file: path,
                why: msg!("sai cú pháp YAML nên không sửa tự động; xem \"dossier check\" để biết dòng nào";
                          "its YAML does not parse, so it was not fixed; dossier check shows where"),
            });
            continue;
        };
        docs.push(Doc {
            loaded,
            text,
            repairs,
            root,
            rank,
        });
    }
    Ok((docs, skipped))
}

/// A file saved in Windows-1258 (Notepad's "ANSI" on Vietnamese Windows), read as text so
/// `dossier fix` can write it back as UTF-8, as it does a UTF-16 file; None when its bytes do
/// not read as Vietnamese in that code page (`crate::text::cp1258`), or as text the checker
/// reads.
fn read_cp1258(path: &Path) -> Option<crate::edit::files::Loaded> {
    let bytes = files::read_capped(path).ok()?;
    let text = crate::text::cp1258::decode_vietnamese(&bytes)?;
    crate::yaml::decode::decode(text.as_bytes()).ok()?;
    Some(crate::edit::files::Loaded {
        path: path.to_path_buf(),
        raw: text,
        disk: Some(bytes),
    })
}
