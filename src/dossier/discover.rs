//! Finding dossiers under the paths a user gives.
//!
//! A folder that holds `ho-so.yaml` (or `.yml`) is a dossier; any other folder is searched,
//! recursively, for dossiers. Hidden folders are skipped and symlinks are not followed, so a
//! shared folder with a link back to its parent cannot loop forever, and nothing outside the
//! given tree is read.

use std::path::{Path, PathBuf};

/// Whether a folder is a dossier.
#[must_use]
pub fn is_dossier(dir: &Path) -> bool {
    dir.join("ho-so.yaml").is_file() || dir.join("ho-so.yml").is_file()
}

/// The dossier folders under `path`, sorted. A dossier inside a dossier is not searched for.
///
/// Sub-folders are searched in parallel: on a shared folder of thousands of dossiers, listing
/// directories and looking for `ho-so.yaml` in each is a large share of a whole check.
#[must_use]
pub fn find(path: &Path) -> Vec<PathBuf> {
    use rayon::prelude::*;
    if is_dossier(path) {
        return vec![path.to_path_buf()];
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        // `file_type` does not follow symlinks: a link to a folder is not searched.
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    dirs.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    dirs.par_iter().flat_map_iter(|d| find(d)).collect()
}

/// Files near `path` that were probably meant as a dossier's `ho-so.yaml`: `ho-so.yaml.txt`
/// (Windows hides the `.txt` it added), `Ho-So.YAML`, `ho_so.yaml`, `ho-so.yaml.docx`. Asked only
/// when no dossier was found, so a clerk hears why. At most three levels down, at most ten.
#[must_use]
pub fn near_misses(path: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(path)
        .follow_links(false)
        .max_depth(3)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            let written = e.file_name().to_string_lossy().into_owned();
            let name = crate::text::to_nfc(&written).to_lowercase();
            let stem = name.split('.').next().unwrap_or("");
            let stem: String = stem.chars().filter(|c| c.is_alphanumeric()).collect();
            // `Ho-So.YAML` is a near miss too: the folder test is case-sensitive.
            let exact = written == "ho-so.yaml" || written == "ho-so.yml";
            !exact
                && (matches!(stem.as_str(), "hoso" | "hồsơ")
                    || name.starts_with("ho-so.y")
                    // "Copy of ho-so.yaml", "ho-so - Copy.yaml", "ho-so (1).yaml".
                    || super::copies::meant(&written).is_some_and(|m| m.name == "ho-so.yaml"))
        })
        .map(walkdir::DirEntry::into_path)
        .take(10)
        .collect();
    out.sort();
    out
}

/// Folders named `ho-so.yaml` or `ho-so.yml` near `path`: the manifest must be a file, and a
/// folder of that name (an archive tool unpacked into it, or it was made by mistake) makes the
/// folder around it no dossier. Asked only when no dossier was found; at most three levels down.
#[must_use]
pub fn manifest_folders(path: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(path)
        .follow_links(false)
        .max_depth(3)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.depth() > 0 && e.file_type().is_dir())
        .filter(|e| matches!(e.file_name().to_str(), Some("ho-so.yaml" | "ho-so.yml")))
        .map(walkdir::DirEntry::into_path)
        .take(10)
        .collect();
    out.sort();
    out
}

/// The dossier a path is inside of, for a clerk who runs `dossier check` in `bao-cao/` or on
/// `ho-so.yaml` itself: the path's own folder (for a file) or the nearest folder above it that
/// is a dossier, at most three levels up. None when there is none, or when the path is a folder
/// that is itself a dossier or holds dossiers (then it is checked as given).
#[must_use]
pub fn enclosing(path: &Path) -> Option<PathBuf> {
    let inside = path.is_file() || (path.is_dir() && find(path).is_empty());
    if !inside {
        return None;
    }
    let mut at = up(path);
    for _ in 0..3 {
        if is_dossier(&at) {
            return Some(at);
        }
        at = up(&at);
    }
    None
}

/// The dossier folder a file written at `target` would land in, if any: the nearest existing
/// folder above the target (the one the file would be made in, or the first that exists of
/// those still to be made), and every folder above it, is asked whether it holds `ho-so.yaml`;
/// a target that exists is judged where it really is (through links) too. Any dossier counts,
/// not only the one being worked on: a report or a sheet written into it would travel with it,
/// and one written over its files would destroy them.
#[must_use]
pub fn landing_dossier(target: &Path) -> Option<PathBuf> {
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let existing = parent
        .ancestors()
        .find(|a| !a.as_os_str().is_empty() && a.exists())
        .unwrap_or_else(|| Path::new("."));
    if let Some(d) = std::fs::canonicalize(existing).ok().and_then(|real| {
        real.ancestors()
            .find(|a| is_dossier(a))
            .map(Path::to_path_buf)
    }) {
        return Some(d);
    }
    let real_target = std::fs::canonicalize(target).ok()?;
    real_target
        .parent()?
        .ancestors()
        .find(|a| is_dossier(a))
        .map(Path::to_path_buf)
}

/// The folder above a path, written relative when the path is: `hs/bao-cao` gives `hs`, `.`
/// gives `..`.
fn up(p: &Path) -> PathBuf {
    use std::path::Component;
    match p.components().next_back() {
        Some(Component::Normal(_)) => match p.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        },
        Some(Component::CurDir) | None => PathBuf::from(".."),
        _ => p.join(".."),
    }
}
