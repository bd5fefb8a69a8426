//! What `review` is given: bundles (`.zip`) and dossier folders, or folders holding them.
//!
//! A receiving office keeps what it received in a folder per campaign, sometimes by sender:
//! every bundle and every dossier folder under the paths given is taken, hidden entries
//! skipped and links not followed (a link out of the folder would bring in what nobody sent).
//! The walk is bounded in depth and in count, so a folder of a million files cannot hold the
//! review up or fill the memory.

use std::path::{Path, PathBuf};

use crate::diag::Msg;
use crate::dossier::discover::is_dossier;
use crate::msg;
use crate::text::file_name::shown_path;

/// Deepest folder searched below a given path.
pub const MAX_DEPTH: usize = 8;
/// Most bundles and dossiers in one review.
pub const MAX_SOURCES: usize = 10_000;

/// One thing to review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Where it is, as found under the path given.
    pub path: PathBuf,
    /// A bundle or a folder.
    pub kind: Kind,
}

/// What a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A `.zip` bundle made by `pack`: verified whole.
    Bundle,
    /// A dossier folder not packed: checked.
    Folder,
}

/// Why the paths cannot be reviewed (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// A path that does not exist.
    Missing(PathBuf),
    /// A file that is not a `.zip`.
    NotBundle(PathBuf),
    /// A folder with no bundle and no dossier under it.
    Nothing(PathBuf),
    /// More than [`MAX_SOURCES`].
    TooMany(usize),
}

impl InputError {
    /// In both languages.
    #[must_use]
    pub fn msg(&self) -> Msg {
        match self {
            InputError::Missing(p) => {
                let p = shown_path(p);
                msg!("không có \"{p}\"; kiểm tra lại đường dẫn"; "\"{p}\" does not exist; check the path")
            }
            InputError::NotBundle(p) => {
                let p = shown_path(p);
                msg!("\"{p}\" không phải gói hồ sơ (.zip) hay thư mục hồ sơ: lệnh review nhận gói do dossier pack đóng, thư mục hồ sơ, hoặc thư mục chứa chúng";
                     "\"{p}\" is neither a bundle (.zip) nor a dossier folder: review takes bundles made by dossier pack, dossier folders, or folders holding them")
            }
            InputError::Nothing(p) => {
                let p = shown_path(p);
                msg!("trong \"{p}\" không có gói hồ sơ (.zip) hay thư mục hồ sơ (có ho-so.yaml) nào";
                     "\"{p}\" holds no bundle (.zip) and no dossier folder (with ho-so.yaml)")
            }
            InputError::TooMany(n) => {
                let max = MAX_SOURCES;
                msg!("có hơn {max} gói và hồ sơ (đã đếm {n}): chia ra xem từng đợt, mỗi lần một thư mục";
                     "more than {max} bundles and dossiers (counted {n}): review them in parts, a folder at a time")
            }
        }
    }
}

crate::english_display!(InputError);

impl std::error::Error for InputError {}

fn is_zip_name(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// Every source under `paths`, in the order given, each folder's in name order; a source
/// reached twice is taken once.
pub fn find(paths: &[PathBuf]) -> Result<Vec<Source>, InputError> {
    find_counting(paths).map(|f| f.sources)
}

/// What [`find_counting`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The sources.
    pub sources: Vec<Source>,
    /// Folders deeper than [`MAX_DEPTH`] that were not searched: said, so that a dossier left
    /// out is not taken for one never sent.
    pub too_deep: Vec<PathBuf>,
}

/// [`find`], with the folders left unsearched.
pub fn find_counting(paths: &[PathBuf]) -> Result<Found, InputError> {
    let mut deep = Vec::new();
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|_| InputError::Missing(p.clone()))?;
        let before = out.len();
        if meta.is_file() {
            if !is_zip_name(p) {
                return Err(InputError::NotBundle(p.clone()));
            }
            out.push(Source {
                path: p.clone(),
                kind: Kind::Bundle,
            });
        } else if meta.is_dir() {
            walk(p, 0, &mut out, &mut deep)?;
            if out.len() == before {
                return Err(InputError::Nothing(p.clone()));
            }
        } else {
            return Err(InputError::NotBundle(p.clone()));
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|s| seen.insert(std::fs::canonicalize(&s.path).unwrap_or_else(|_| s.path.clone())));
    Ok(Found {
        sources: out,
        too_deep: deep,
    })
}

fn walk(
    dir: &Path,
    depth: usize,
    out: &mut Vec<Source>,
    deep: &mut Vec<PathBuf>,
) -> Result<(), InputError> {
    if is_dossier(dir) {
        out.push(Source {
            path: dir.to_path_buf(),
            kind: Kind::Folder,
        });
        return Ok(());
    }
    if depth > MAX_DEPTH {
        deep.push(dir.to_path_buf());
        return Ok(());
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let mut found: Vec<(PathBuf, bool)> = Vec::new();
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        // `file_type` does not follow links: a link is neither searched nor taken.
        let Ok(t) = e.file_type() else { continue };
        let path = e.path();
        if t.is_dir() {
            found.push((path, true));
        } else if t.is_file() && is_zip_name(&path) {
            found.push((path, false));
        }
        if found.len() + out.len() > MAX_SOURCES * 4 {
            return Err(InputError::TooMany(found.len() + out.len()));
        }
    }
    found.sort();
    for (path, is_dir) in found {
        if is_dir {
            walk(&path, depth + 1, out, deep)?;
        } else {
            out.push(Source {
                path,
                kind: Kind::Bundle,
            });
        }
        if out.len() > MAX_SOURCES {
            return Err(InputError::TooMany(out.len()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn bundles_and_dossiers_are_found_in_name_order_and_links_are_not_followed() {
        let t = tempfile::tempdir().unwrap();
        let r = t.path();
        fs::create_dir_all(r.join("b-xa/hs1")).unwrap();
        fs::write(r.join("b-xa/hs1/ho-so.yaml"), "phong_trao: x\n").unwrap();
        fs::write(r.join("a.zip"), b"PK").unwrap();
        fs::write(r.join("c.ZIP"), b"PK").unwrap();
        fs::write(r.join("notes.txt"), b"x").unwrap();
        fs::write(r.join(".hidden.zip"), b"PK").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(r.join("b-xa"), r.join("d-link")).unwrap();
        let found = find(&[r.to_path_buf()]).unwrap();
        let names: Vec<_> = found
            .iter()
            .map(|s| (s.path.strip_prefix(r).unwrap().to_path_buf(), s.kind))
            .collect();
        assert_eq!(
            names,
            vec![
                (PathBuf::from("a.zip"), Kind::Bundle),
                (PathBuf::from("b-xa/hs1"), Kind::Folder),
                (PathBuf::from("c.ZIP"), Kind::Bundle),
            ]
        );
        // Given twice (the folder and a bundle in it): taken once.
        let twice = find(&[r.to_path_buf(), r.join("a.zip")]).unwrap();
        assert_eq!(twice.len(), 3);
    }

    #[test]
    fn a_folder_too_deep_is_named_not_dropped_in_silence() {
        let t = tempfile::tempdir().unwrap();
        let mut deep = t.path().to_path_buf();
        for i in 0..=MAX_DEPTH + 1 {
            deep.push(format!("d{i}"));
        }
        fs::create_dir_all(deep.join("hs")).unwrap();
        fs::write(deep.join("hs/ho-so.yaml"), "x: 1\n").unwrap();
        fs::write(t.path().join("a.zip"), b"PK").unwrap();
        let f = find_counting(&[t.path().to_path_buf()]).unwrap();
        assert_eq!(f.sources.len(), 1);
        assert_eq!(f.too_deep.len(), 1);
        assert!(deep.starts_with(&f.too_deep[0]));
        // Given itself, it is found.
        assert_eq!(find(&[deep]).unwrap().len(), 1);
    }

    #[test]
    fn what_cannot_be_reviewed_is_said() {
        let t = tempfile::tempdir().unwrap();
        let r = t.path();
        fs::write(r.join("notes.txt"), b"x").unwrap();
        assert_eq!(
            find(&[r.join("notes.txt")]),
            Err(InputError::NotBundle(r.join("notes.txt")))
        );
        assert_eq!(
            find(&[r.join("none")]),
            Err(InputError::Missing(r.join("none")))
        );
        assert_eq!(
            find(&[r.to_path_buf()]),
            Err(InputError::Nothing(r.to_path_buf()))
        );
        assert!(InputError::Nothing(r.to_path_buf())
            .msg()
            .vi
            .contains("không có gói hồ sơ"));
    }
}
