//! Links inside a dossier: found before anything is read or written through them (issue #17).
//!
//! A symbolic link (on Windows also a junction) inside a dossier makes a path name a place
//! elsewhere on the machine: `bao-cao/` linked to another folder had `add` and `remove` write
//! and delete files there, and `dinh-kem/` linked out had `pack` bundle files the dossier does
//! not hold. Only the last component of a path used to be looked at, so a linked folder above
//! a file went unseen. Every function here walks the path from the dossier folder down and
//! looks at each component without following it.
//!
//! Two judgements, for two sides:
//! - the readers (`check`, `pack`) refuse a link that leads out of the dossier or nowhere
//!   ([`first_outside_link`]): what it leads to is not the clerk's dossier and would not travel
//!   with it. A link that stays inside leads to a file of the dossier, which is read as such;
//! - the writers refuse any link at all ([`refuse_links`]): writing through even an inside link
//!   changes a file under another name than the one the command was asked to change, and
//!   replacing a linked file replaces the link, not what the clerk sees through it.
//!
//! The dossier folder itself (`root`) is never judged: a clerk may reach the dossier through a
//! shortcut of their own, and everything is measured from where it really is.
//!
//! On Windows a junction or a directory symbolic link is a reparse point whose tag is a "name
//! surrogate"; the standard library's `FileType::is_symlink` is true for exactly those. The
//! reparse-point attribute alone is not used: OneDrive's files-on-demand placeholders and
//! deduplicated files carry it too, and they are ordinary files of the folder they are in.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::diag::Msg;
use crate::msg;
use crate::text::file_name::shown_path;

/// A link found on the way to a path that is to be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError {
    /// The link, as the clerk wrote the path: the root as given joined with the components
    /// down to the link.
    pub path: PathBuf,
    /// Whether it leads out of the root it was found under, or nowhere.
    pub target_outside: bool,
}

impl LinkError {
    /// Found `path`, a link under `root`.
    #[must_use]
    pub fn new(root: &Path, path: &Path) -> Self {
        LinkError {
            path: path.to_path_buf(),
            target_outside: leads_outside(root, path),
        }
    }

    /// What the link is, where it leads (as written in the link, or nowhere) and why nothing
    /// goes through it. The command adds what it did not do, and [`LinkError::help`] or
    /// advice of its own.
    #[must_use]
    pub fn msg(&self) -> Msg {
        let p = shown_path(&self.path);
        let (to_vi, to_en) = target_words(&self.path);
        if self.target_outside {
            msg!("\"{p}\" là liên kết trỏ ra ngoài thư mục chứa nó (hoặc tới chỗ không còn), {to_vi}: chương trình không đọc hay ghi qua liên kết, để không đụng tới tệp ở nơi khác";
                 "\"{p}\" is a link leading out of the folder it is in (or to nothing), {to_en}: nothing is read or written through a link, so that no file elsewhere is touched")
        } else {
            msg!("\"{p}\" là liên kết, {to_vi}: chương trình không ghi qua liên kết, vì tệp sẽ được ghi vào nơi liên kết trỏ tới, không phải chỗ được chỉ";
                 "\"{p}\" is a link, {to_en}: nothing is written through a link, since the file would land where it leads, not where it was meant to go")
        }
    }

    /// The way out for a link inside a dossier: the real thing in its place.
    #[must_use]
    pub fn help(&self) -> Msg {
        let p = shown_path(&self.path);
        msg!("thay liên kết \"{p}\" bằng thư mục hoặc tệp thật (xóa liên kết không xóa thứ nó trỏ tới), rồi chạy lại lệnh";
             "replace the link \"{p}\" with the real folder or file (deleting a link does not delete what it leads to), then run the command again")
    }
}

crate::english_display!(LinkError);

impl std::error::Error for LinkError {}

/// "to `target`" as the link holds it, or that it leads nowhere: (Vietnamese, English).
#[must_use]
pub fn target_words(link: &Path) -> (String, String) {
    let Ok(target) = fs::read_link(link) else {
        return (
            "không đọc được nó trỏ tới đâu".to_owned(),
            "where it leads cannot be read".to_owned(),
        );
    };
    let t = shown_path(&target);
    if fs::metadata(link).is_ok() {
        (format!("tới \"{t}\""), format!("to \"{t}\""))
    } else {
        (
            format!("tới \"{t}\", nơi không còn"),
            format!("to \"{t}\", which does not exist"),
        )
    }
}

/// Whether an entry, as `fs::symlink_metadata` describes it, is a link: a symbolic link, or on
/// Windows a junction (a name-surrogate reparse point).
#[must_use]
pub fn is_link(meta: &fs::Metadata) -> bool {
    meta.file_type().is_symlink()
}

/// The first component of `root/rel`, from `root` down, that is a link, as `root` joined with
/// the components down to it. `root` itself is not judged. The walk stops at the first
/// component that does not exist (nothing below it exists to be a link) or cannot be looked at.
/// `rel` is relative and has no `..` (a dossier's paths are checked for that before); a `.` is
/// skipped.
#[must_use]
pub fn first_link(root: &Path, rel: &Path) -> Option<PathBuf> {
    refuse_links_and_look(root, rel).err().map(|e| e.path)
}

/// Whether `path` (a link under `root`, or any path) leads out of `root`, or nowhere: where it
/// really is, with every link resolved, is not inside where `root` really is.
#[must_use]
pub fn leads_outside(root: &Path, path: &Path) -> bool {
    match (fs::canonicalize(path), fs::canonicalize(root)) {
        (Ok(real), Ok(r)) => !real.starts_with(r),
        _ => true,
    }
}

/// For the readers: the first link on the way from `root` to `root/rel` that leads out of
/// `root` or nowhere. A link that stays inside is passed: what it leads to is a file or folder
/// of the dossier, and the components after it are judged where they really are.
#[must_use]
pub fn first_outside_link(root: &Path, rel: &Path) -> Option<PathBuf> {
    let mut at = root.to_path_buf();
    // Resolved once, and only when there is a link to judge.
    let mut real_root: Option<Option<PathBuf>> = None;
    for c in rel.components() {
        match c {
            Component::CurDir => continue,
            Component::Normal(n) => at.push(n),
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
        match fs::symlink_metadata(&at) {
            Ok(m) if is_link(&m) => {
                let r = real_root.get_or_insert_with(|| fs::canonicalize(root).ok());
                let inside = match (r, fs::canonicalize(&at)) {
                    (Some(r), Ok(real)) => real.starts_with(r),
                    _ => false,
                };
                if !inside {
                    return Some(at);
                }
            }
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    None
}

/// For the writers: refuse to write at `root/rel` when any component under `root` is a link,
/// wherever it leads. `root` itself is not judged.
pub fn refuse_links(root: &Path, rel: &Path) -> Result<(), LinkError> {
    refuse_links_and_look(root, rel).map(drop)
}

/// [`refuse_links`], and what the walk saw of `root/rel` itself: its entry (not followed), or
/// None when it is not there or cannot be looked at. A writer that must also know whether its
/// target exists learns it from the same look (#21: an import's 5,000 reports each looked at
/// once less).
pub fn refuse_links_and_look(root: &Path, rel: &Path) -> Result<Option<fs::Metadata>, LinkError> {
    let mut at = root.to_path_buf();
    let mut last = None;
    for c in rel.components() {
        match c {
            Component::CurDir => continue,
            Component::Normal(n) => at.push(n),
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return Ok(None),
        }
        match fs::symlink_metadata(&at) {
            Ok(m) if is_link(&m) => return Err(LinkError::new(root, &at)),
            Ok(m) => last = Some(m),
            Err(_) => return Ok(None),
        }
    }
    Ok(last)
}

#[cfg(all(test, unix))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::os::unix::fs::symlink;

    /// `outside/` and `hs/` (with `dinh-kem/a.pdf`) side by side.
    fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let t = tempfile::tempdir().unwrap();
        let hs = t.path().join("hs");
        let outside = t.path().join("outside");
        fs::create_dir_all(hs.join("dinh-kem")).unwrap();
        fs::create_dir_all(&outside).unwrap();
        fs::write(hs.join("dinh-kem/a.pdf"), b"%PDF").unwrap();
        fs::write(outside.join("a.pdf"), b"%PDF").unwrap();
        (t, hs, outside)
    }

    #[test]
    fn no_link_no_finding() {
        let (_t, hs, _) = setup();
        assert_eq!(first_link(&hs, Path::new("dinh-kem/a.pdf")), None);
        assert_eq!(first_outside_link(&hs, Path::new("dinh-kem/a.pdf")), None);
        assert_eq!(refuse_links(&hs, Path::new("dinh-kem/a.pdf")), Ok(()));
        // A path still to be made: nothing below the missing component is looked at.
        assert_eq!(first_link(&hs, Path::new("bao-cao/new.yaml")), None);
        assert_eq!(first_link(&hs, Path::new("./dinh-kem/a.pdf")), None);
    }

    #[test]
    fn a_linked_folder_above_the_file_is_found() {
        let (_t, hs, outside) = setup();
        fs::remove_dir_all(hs.join("dinh-kem")).unwrap();
        symlink(&outside, hs.join("dinh-kem")).unwrap();
        let rel = Path::new("dinh-kem/a.pdf");
        assert_eq!(first_link(&hs, rel), Some(hs.join("dinh-kem")));
        assert_eq!(first_outside_link(&hs, rel), Some(hs.join("dinh-kem")));
        let e = refuse_links(&hs, rel).unwrap_err();
        assert_eq!(e.path, hs.join("dinh-kem"));
        assert!(e.target_outside);
        let m = e.msg();
        assert!(
            m.vi.contains("dinh-kem\" là liên kết trỏ ra ngoài"),
            "{}",
            m.vi
        );
        assert!(m.en.contains(&outside.display().to_string()), "{}", m.en);
        assert!(e.help().vi.contains("thay liên kết"), "{}", e.help().vi);
    }

    #[test]
    fn the_last_component_as_a_link_is_found() {
        let (_t, hs, outside) = setup();
        fs::remove_file(hs.join("dinh-kem/a.pdf")).unwrap();
        symlink(outside.join("a.pdf"), hs.join("dinh-kem/a.pdf")).unwrap();
        let rel = Path::new("dinh-kem/a.pdf");
        assert_eq!(first_link(&hs, rel), Some(hs.join(rel)));
        assert_eq!(first_outside_link(&hs, rel), Some(hs.join(rel)));
    }

    #[test]
    fn a_link_to_nothing_leads_outside() {
        let (_t, hs, _) = setup();
        symlink("gone.yaml", hs.join("to-trinh.yaml")).unwrap();
        let rel = Path::new("to-trinh.yaml");
        assert!(leads_outside(&hs, &hs.join(rel)));
        assert_eq!(first_outside_link(&hs, rel), Some(hs.join(rel)));
        let e = refuse_links(&hs, rel).unwrap_err();
        assert!(e.target_outside);
        assert!(e.msg().en.contains("\"gone.yaml\", which does not exist"));
    }

    #[test]
    fn a_link_inside_to_inside_is_read_but_never_written_through() {
        let (_t, hs, _) = setup();
        fs::create_dir_all(hs.join("scans")).unwrap();
        fs::write(hs.join("scans/b.pdf"), b"%PDF").unwrap();
        symlink("../scans/b.pdf", hs.join("dinh-kem/b.pdf")).unwrap();
        symlink("scans", hs.join("quet")).unwrap();
        for rel in ["dinh-kem/b.pdf", "quet/b.pdf"] {
            let rel = Path::new(rel);
            assert_eq!(first_outside_link(&hs, rel), None, "{rel:?}");
            let e = refuse_links(&hs, rel).unwrap_err();
            assert!(!e.target_outside, "{rel:?}");
            assert!(e.msg().vi.contains("không ghi qua liên kết"));
        }
    }

    #[test]
    fn an_inside_link_then_an_outside_one_is_caught_at_the_second() {
        let (_t, hs, outside) = setup();
        fs::create_dir_all(hs.join("scans")).unwrap();
        symlink(&outside, hs.join("scans/out")).unwrap();
        symlink("scans", hs.join("quet")).unwrap();
        let rel = Path::new("quet/out/a.pdf");
        assert_eq!(first_link(&hs, rel), Some(hs.join("quet")));
        assert_eq!(first_outside_link(&hs, rel), Some(hs.join("quet/out")));
    }

    #[test]
    fn the_root_given_as_a_link_is_not_judged() {
        let (t, hs, _) = setup();
        let shortcut = t.path().join("shortcut");
        symlink(&hs, &shortcut).unwrap();
        let rel = Path::new("dinh-kem/a.pdf");
        assert_eq!(first_link(&shortcut, rel), None);
        assert_eq!(first_outside_link(&shortcut, rel), None);
        // Judged from where the dossier really is: a link inside it to inside stays inside.
        symlink("dinh-kem", hs.join("dk")).unwrap();
        assert_eq!(first_outside_link(&shortcut, Path::new("dk/a.pdf")), None);
    }

    #[test]
    fn a_path_leaving_root_is_not_walked() {
        let (_t, hs, _) = setup();
        assert_eq!(first_link(&hs, Path::new("../outside/a.pdf")), None);
        assert_eq!(first_link(&hs, Path::new("/etc/passwd")), None);
    }
}
