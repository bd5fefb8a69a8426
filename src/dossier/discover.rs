//! Finding dossiers under the paths a user gives.
//!
//! A folder that holds `ho-so.yaml` (or `.yml`) is a dossier; any other folder is searched,
//! recursively, for dossiers. Hidden folders are skipped and symlinks are not followed, so a
//! shared folder with a link back to its parent cannot loop forever, and nothing outside the
//! given tree is read.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// Whether a folder is a dossier.
#[must_use]
pub fn is_dossier(dir: &Path) -> bool {
    dir.join("ho-so.yaml").is_file() || dir.join("ho-so.yml").is_file()
}

/// The dossier folders under `path`, sorted. A dossier inside a dossier is not searched for.
#[must_use]
pub fn find(path: &Path) -> Vec<PathBuf> {
    if is_dossier(path) {
        return vec![path.to_path_buf()];
    }
    let mut out = Vec::new();
    let mut walk = WalkDir::new(path)
        .follow_links(false)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let Ok(e) = entry else { continue };
        if !e.file_type().is_dir() {
            continue;
        }
        if e.file_name().to_string_lossy().starts_with('.') {
            walk.skip_current_dir();
            continue;
        }
        if is_dossier(e.path()) {
            out.push(e.path().to_path_buf());
            walk.skip_current_dir();
        }
    }
    out
}
