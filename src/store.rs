//! Where a dossier's files come from: a folder on disk, or the entries of a bundle.
//!
//! `dossier check` reads a folder; `dossier verify` checks the dossier inside a zip without
//! extracting it to disk (a bundle from outside is untrusted: its names must not become paths).
//! Both go through this trait, so the same rules run on both.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use crate::disk::links;

/// Most paths a [`Folder`] remembers the kind of.
const MAX_REMEMBERED: usize = 4096;

use crate::yaml::decode::{self, DecodeProblem};

/// What a path in the dossier is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A regular file (or a symlink to one inside the dossier), of this size.
    File(u64),
    /// A path that leads out of the dossier (or nowhere) through a link: the file itself, or a
    /// folder above it (`dinh-kem/` linked elsewhere). [`Store::outside_link`] names the link.
    OutsideLink,
    /// A folder.
    Dir,
    /// Nothing there.
    Missing,
}

/// Read access to one dossier's files. Paths are relative, `/`-separated, already checked not to
/// leave the dossier (no `..`, not absolute).
pub trait Store: Sync {
    /// Every file, relative, sorted; hidden entries skipped.
    fn list(&self) -> Vec<String>;
    /// A YAML file's text (size-capped, decoded).
    fn read_text(&self, rel: &str) -> Result<String, DecodeProblem>;
    /// What is at a path.
    fn kind(&self, rel: &str) -> Kind;
    /// The first bytes of a file (up to `buf.len()`); 0 when unreadable.
    fn head(&self, rel: &str, buf: &mut [u8]) -> usize;
    /// The link through which a path leads out of the dossier (or nowhere), when it does: the
    /// path itself or a folder above it, relative and `/`-separated, with what the link holds.
    fn outside_link(&self, _rel: &str) -> Option<Link> {
        None
    }
    /// Whether the dossier was received from someone else (a bundle): a missing or misnamed
    /// file is then for the sender to put right, and the advice says so.
    fn received(&self) -> bool {
        false
    }
}

/// A link found in a dossier folder, leading out of it or nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link, relative to the dossier, `/`-separated.
    pub rel: String,
    /// Where it leads, in words: "tới \"…\"" as the link holds it, or that it leads nowhere.
    pub to: crate::diag::Msg,
    /// Whether it leads to a folder (which is not walked).
    pub folder: bool,
}

/// A dossier folder on disk.
#[derive(Debug)]
pub struct Folder {
    /// The folder.
    pub root: PathBuf,
    /// What each path was found to be, at the first look: the reader, the file finder and the
    /// text reader each asked again, and every answer cost a look at each folder on the way
    /// and at the file (70 file-system calls a dossier, three times the files it holds, #21).
    kinds: Mutex<HashMap<String, Kind>>,
    /// Whether the listing saw a stopped command's staged file in the folder or `bao-cao/`
    /// (hidden, so never read): `check` learns it here instead of listing both folders again.
    staged: AtomicBool,
}

impl Clone for Folder {
    fn clone(&self) -> Self {
        Folder::new(&self.root)
    }
}

impl Folder {
    /// A folder store.
    #[must_use]
    pub fn new(root: &Path) -> Self {
        Folder {
            root: root.to_path_buf(),
            kinds: Mutex::new(HashMap::new()),
            staged: AtomicBool::new(false),
        }
    }

    /// Whether [`Store::list`] saw a staged file a stopped command left in the folder or its
    /// `bao-cao/` (see [`crate::disk::journal::staged_left`]).
    #[must_use]
    pub fn staged_seen(&self) -> bool {
        self.staged.load(Ordering::Relaxed)
    }

    fn kinds(&self) -> std::sync::MutexGuard<'_, HashMap<String, Kind>> {
        self.kinds
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn remembered(&self, rel: &str) -> Option<Kind> {
        self.kinds().get(rel).copied()
    }

    fn remember(&self, rel: &str, k: Kind) {
        // Paths a dossier's texts name are many only in a hostile one: past a few thousand they
        // are looked at every time rather than remembered.
        let mut kinds = self.kinds();
        if kinds.len() < MAX_REMEMBERED {
            kinds.insert(rel.to_owned(), k);
        }
    }

    /// A YAML file not looked at yet, in a folder known to be the dossier's, opened without
    /// following a link and taken for what its open handle says: one look at the disk fewer per
    /// file (#21). None for a link (judged the long way, by where it leads) and for anything
    /// the long way answers better (a path not plain, a pipe, an error).
    #[cfg(target_os = "linux")]
    fn read_not_linked(&self, rel: &str) -> Option<Result<String, DecodeProblem>> {
        if !is_plain(rel) || self.remembered(rel).is_some() {
            return None;
        }
        if let Some((parent, _)) = rel.rsplit_once('/') {
            if self.kind(parent) != Kind::Dir {
                return None;
            }
        }
        let file = decode::open_not_following(&self.root.join(rel)).ok()?;
        let meta = file.metadata().ok()?;
        if !meta.is_file() {
            return None;
        }
        self.remember(rel, Kind::File(meta.len()));
        Some(decode::read_opened(file, &meta))
    }

    /// What `rel` is, looked at on disk.
    fn look(&self, rel: &str) -> Kind {
        // The folder above is asked first, and remembered: the reports of `bao-cao/` then cost
        // one look each instead of one for every folder on the way and two more for the file.
        if !is_plain(rel) {
            return self.look_whole(rel);
        }
        if let Some((parent, _)) = rel.rsplit_once('/') {
            match self.kind(parent) {
                Kind::Dir => {}
                Kind::OutsideLink => return Kind::OutsideLink,
                Kind::File(_) | Kind::Missing => return Kind::Missing,
            }
        }
        match fs::symlink_metadata(self.root.join(rel)) {
            // A link is judged as before, by where it really leads.
            Ok(m) if links::is_link(&m) => self.look_whole(rel),
            Ok(m) => kind_of(&m),
            Err(_) => Kind::Missing,
        }
    }

    /// What `rel` is, every component from the dossier folder down looked at.
    fn look_whole(&self, rel: &str) -> Kind {
        // Not only the last component: a `dinh-kem/` linked elsewhere made its files look like
        // the dossier's (#17).
        if links::first_outside_link(&self.root, Path::new(rel)).is_some() {
            return Kind::OutsideLink;
        }
        fs::metadata(self.root.join(rel)).map_or(Kind::Missing, |m| kind_of(&m))
    }
}

/// Whether `rel` is names joined by single slashes, none of them `.` or `..`.
fn is_plain(rel: &str) -> bool {
    !rel.is_empty()
        && rel
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..")
}

/// A path's kind from what the file system says of it (followed through links).
fn kind_of(m: &fs::Metadata) -> Kind {
    if m.is_file() {
        Kind::File(m.len())
    } else if m.is_dir() {
        Kind::Dir
    } else {
        Kind::Missing
    }
}

impl Store for Folder {
    fn list(&self) -> Vec<String> {
        let mut out: Vec<String> = WalkDir::new(&self.root)
            .follow_links(false)
            .min_depth(1)
            .into_iter()
            .filter_entry(|e| {
                let name = e.file_name().to_string_lossy();
                if !name.starts_with('.') {
                    return true;
                }
                let folder = match e.depth() {
                    1 => Some(""),
                    2 => e
                        .path()
                        .parent()
                        .and_then(Path::file_name)
                        .and_then(|f| f.to_str()),
                    _ => None,
                };
                if folder.is_some_and(|f| crate::disk::journal::is_staged(f, &name)) {
                    self.staged.store(true, Ordering::Relaxed);
                }
                false
            })
            .filter_map(Result::ok)
            .filter(|e| !e.file_type().is_dir())
            .filter_map(|e| {
                let rel = e.path().strip_prefix(&self.root).ok()?;
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                Some(parts.join("/"))
            })
            .collect();
        out.sort();
        out
    }

    fn read_text(&self, rel: &str) -> Result<String, DecodeProblem> {
        #[cfg(target_os = "linux")]
        if let Some(read) = self.read_not_linked(rel) {
            return read;
        }
        // `check` said "đạt" on a dossier whose to-trinh.yaml linked to a file elsewhere on the
        // machine, and `pack` then refused it as "changed while packed".
        if self.kind(rel) == Kind::OutsideLink {
            return Err(DecodeProblem::OutsideLink);
        }
        decode::read_text(&self.root.join(rel))
    }

    fn kind(&self, rel: &str) -> Kind {
        if let Some(k) = self.remembered(rel) {
            return k;
        }
        let k = self.look(rel);
        self.remember(rel, k);
        k
    }

    fn outside_link(&self, rel: &str) -> Option<Link> {
        let link = links::first_outside_link(&self.root, Path::new(rel))?;
        let rel = link
            .strip_prefix(&self.root)
            .ok()?
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let (vi, en) = links::target_words(&link);
        Some(Link {
            rel,
            to: crate::diag::Msg::new(vi, en),
            folder: fs::metadata(&link).is_ok_and(|m| m.is_dir()),
        })
    }

    fn head(&self, rel: &str, buf: &mut [u8]) -> usize {
        // Only a regular file is opened: a named pipe would block the open; nor what a link
        // leads to outside the dossier.
        let path = self.root.join(rel);
        if !matches!(self.kind(rel), Kind::File(_)) {
            return 0;
        }
        let Ok(mut f) = fs::File::open(path) else {
            return 0;
        };
        let mut n = 0;
        while n < buf.len() {
            match f.read(&mut buf[n..]) {
                Ok(0) | Err(_) => break,
                Ok(k) => n += k,
            }
        }
        n
    }
}

/// A dossier held in memory: YAML texts whole, other files by size and first bytes. Built from
/// a bundle's entries by `verify`.
#[derive(Debug, Default, Clone)]
pub struct Memory {
    /// path → (size, bytes kept: whole for YAML files, the head otherwise).
    pub files: std::collections::BTreeMap<String, (u64, Vec<u8>)>,
}

impl Store for Memory {
    fn received(&self) -> bool {
        true
    }

    fn list(&self) -> Vec<String> {
        self.files
            .keys()
            .filter(|k| !k.split('/').any(|p| p.starts_with('.')))
            .cloned()
            .collect()
    }

    fn read_text(&self, rel: &str) -> Result<String, DecodeProblem> {
        match self.files.get(rel) {
            Some((size, _)) if *size > decode::MAX_YAML_BYTES => {
                Err(DecodeProblem::TooLarge { size: *size })
            }
            Some((_, bytes)) => decode::decode(bytes),
            None => Err(DecodeProblem::Io {
                message: "not in the bundle".to_owned(),
                kind: std::io::ErrorKind::NotFound,
            }),
        }
    }

    fn kind(&self, rel: &str) -> Kind {
        if let Some((size, _)) = self.files.get(rel) {
            return Kind::File(*size);
        }
        let prefix = format!("{rel}/");
        if self.files.keys().any(|k| k.starts_with(&prefix)) {
            Kind::Dir
        } else {
            Kind::Missing
        }
    }

    fn head(&self, rel: &str, buf: &mut [u8]) -> usize {
        let Some((_, bytes)) = self.files.get(rel) else {
            return 0;
        };
        let n = bytes.len().min(buf.len());
        buf[..n].copy_from_slice(&bytes[..n]);
        n
    }
}
