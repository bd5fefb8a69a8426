//! What the check saw of each file, kept so that the pack bundles exactly that (#17).
//!
//! `pack` checks a dossier, then streams its files into the bundle. A file rewritten in place
//! with the same size between the two was packed: the modification time was compared only
//! between the opening of the file for streaming and its end, so a change made before the
//! opening became the baseline itself (6 of 6 trials in the field). Now the baseline is taken
//! at the check's first look at each file, by a [`Store`] that wraps the folder the check reads:
//!
//! - a YAML file the check parsed travels as the bytes it parsed, held in memory (4 MiB at most
//!   each, the reader's own limit): the disk is not read again for it;
//! - any other file (a scan) gets a [`Stamp`] of what changes on every write (size, modification
//!   and change times to the nanosecond, inode and device; on Windows size, last-write and
//!   creation times), compared with the file's when it is opened for streaming, when its last
//!   byte is read, and by its path after that;
//! - a timestamp moves only when the file system's clock ticks (1 to 10 ms on Linux, 2 s on FAT,
//!   coarser still on some network drives): a rewrite within the same tick as the change before
//!   it keeps every timestamp. So a file changed less than [`FRESH`] before the check's look is
//!   hashed at that look, and the bytes streamed must have that SHA-256.

use std::collections::BTreeMap;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};

use crate::store::{Folder, Kind, Store};
use crate::yaml::decode::{self, DecodeProblem, MAX_YAML_BYTES};

/// A file changed less than this before the check looked at it is hashed there: its timestamps
/// may not move again on a rewrite within the same clock tick. Two seconds covers FAT's
/// granularity and the coarse clocks of Linux and Windows many times over.
pub const FRESH: Duration = Duration::from_secs(2);

/// What changes whenever a file is written, replaced or touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    size: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    changed: (i64, i64),
    #[cfg(unix)]
    inode: (u64, u64),
    #[cfg(windows)]
    created: u64,
    #[cfg(windows)]
    written: u64,
}

impl Stamp {
    /// The stamp of a file's metadata (of a path or an open handle: the same file gives the
    /// same stamp).
    #[must_use]
    pub fn of(m: &Metadata) -> Stamp {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        #[cfg(windows)]
        use std::os::windows::fs::MetadataExt;
        Stamp {
            size: m.len(),
            modified: m.modified().ok(),
            // The change time cannot be set by anyone: every write, rename onto the path,
            // `touch` or `chmod` moves it.
            #[cfg(unix)]
            changed: (m.ctime(), m.ctime_nsec()),
            #[cfg(unix)]
            inode: (m.dev(), m.ino()),
            #[cfg(windows)]
            created: m.creation_time(),
            #[cfg(windows)]
            written: m.last_write_time(),
        }
    }

    /// The size it records.
    #[must_use]
    pub fn size(&self) -> u64 {
        self.size
    }
}

/// Whether a file's last change is within [`FRESH`] of `now` (or in the future, or unknown).
fn fresh(m: &Metadata, now: SystemTime) -> bool {
    let recent = |t: Option<SystemTime>| {
        t.is_none_or(|t| now.duration_since(t).ok().is_none_or(|age| age < FRESH))
    };
    #[cfg(unix)]
    let changed = {
        use std::os::unix::fs::MetadataExt;
        u64::try_from(m.ctime()).ok().and_then(|s| {
            SystemTime::UNIX_EPOCH
                .checked_add(Duration::new(s, u32::try_from(m.ctime_nsec()).unwrap_or(0)))
        })
    };
    #[cfg(not(unix))]
    let changed = m.modified().ok();
    recent(m.modified().ok()) || recent(changed)
}

/// What the check saw of one path.
#[derive(Debug, Clone, Default)]
pub struct Look {
    /// The file's stamp at the first look; None when it was not a regular file then.
    pub stamp: Option<Stamp>,
    /// Its SHA-256 (lowercase hex) at the first look, when it had just changed ([`FRESH`]).
    pub sha256: Option<String>,
    /// A YAML file the check parsed: true, with `bytes` the bytes it parsed (None when they
    /// could not be had again exactly: the file changed while it was read).
    pub parsed: bool,
    /// The bytes parsed.
    pub bytes: Option<Vec<u8>>,
}

/// The dossier folder, as the check reads it, remembering what it saw.
#[derive(Debug)]
pub struct Seen {
    inner: Folder,
    looks: Mutex<BTreeMap<String, Look>>,
}

impl Seen {
    /// A store over the folder `root`.
    #[must_use]
    pub fn new(root: &Path) -> Seen {
        Seen {
            inner: Folder::new(root),
            looks: Mutex::new(BTreeMap::new()),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.inner.root.join(rel)
    }

    fn looks(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Look>> {
        self.looks
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// What was seen of `rel`, looking at it now if the check never did.
    #[must_use]
    pub fn look(&self, rel: &str) -> Look {
        self.first_look(rel);
        self.looks().get(rel).cloned().unwrap_or_default()
    }

    /// Stamp `rel` (and hash it if it just changed), once: the first look is the baseline.
    fn first_look(&self, rel: &str) {
        if self.looks().contains_key(rel) {
            return;
        }
        let path = self.path(rel);
        let mut look = Look::default();
        // Only a regular file: a pipe would block the open.
        if let Some(m) = fs::metadata(&path).ok().filter(Metadata::is_file) {
            look.stamp = Some(Stamp::of(&m));
            if fresh(&m, SystemTime::now()) {
                look.sha256 = hash(&path, &m).ok();
            }
        }
        self.looks().entry(rel.to_owned()).or_insert(look);
    }
}

/// SHA-256 of a file, read through a handle that must be the file stamped.
fn hash(path: &Path, m: &Metadata) -> io::Result<String> {
    let mut f = File::open(path)?;
    if Stamp::of(&f.metadata()?) != Stamp::of(m) {
        return Err(io::ErrorKind::Other.into());
    }
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(buf.get(..n).unwrap_or_default());
    }
    Ok(super::digest::hex(&h.finalize()))
}

/// The bytes of `path` again, bounded as the reader bounds them, if they decode to exactly
/// `text`.
fn bytes_of(path: &Path, text: &str) -> Option<Vec<u8>> {
    let f = File::open(path).ok()?;
    if !f.metadata().ok()?.is_file() {
        return None;
    }
    let mut raw = Vec::new();
    f.take(MAX_YAML_BYTES + 1).read_to_end(&mut raw).ok()?;
    (decode::decode(&raw).ok()? == text).then_some(raw)
}

impl Store for Seen {
    fn list(&self) -> Vec<String> {
        self.inner.list()
    }

    fn read_text(&self, rel: &str) -> Result<String, DecodeProblem> {
        self.first_look(rel);
        // The folder's own reading decides (links, size, encoding); the bytes kept are those
        // that give exactly the text it returned. Read once more rather than copied from the
        // reader: a YAML file is at most 4 MiB, and the reading stays the folder's.
        let text = self.inner.read_text(rel)?;
        let bytes = bytes_of(&self.path(rel), &text);
        if let Some(look) = self.looks().get_mut(rel) {
            look.parsed = true;
            look.bytes = bytes;
        }
        Ok(text)
    }

    fn kind(&self, rel: &str) -> Kind {
        self.first_look(rel);
        self.inner.kind(rel)
    }

    fn head(&self, rel: &str, buf: &mut [u8]) -> usize {
        self.first_look(rel);
        self.inner.head(rel, buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_yaml_file_is_kept_as_the_bytes_parsed() {
        let t = tempfile::tempdir().unwrap();
        let bom = b"\xEF\xBB\xBFa: 1\r\n";
        fs::write(t.path().join("to-trinh.yaml"), bom).unwrap();
        let seen = Seen::new(t.path());
        assert_eq!(seen.read_text("to-trinh.yaml").unwrap(), "a: 1\r\n");
        // Rewritten after the check: what was parsed is still what is held.
        fs::write(t.path().join("to-trinh.yaml"), b"a: 2\r\n").unwrap();
        let look = seen.look("to-trinh.yaml");
        assert!(look.parsed);
        assert_eq!(look.bytes.as_deref(), Some(&bom[..]));
    }

    #[test]
    fn the_first_look_is_the_baseline_and_a_fresh_file_is_hashed() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("scan.pdf");
        fs::write(&p, b"%PDF-1.4 one").unwrap();
        let seen = Seen::new(t.path());
        assert!(matches!(seen.kind("scan.pdf"), Kind::File(12)));
        fs::write(&p, b"%PDF-1.4 two").unwrap();
        let look = seen.look("scan.pdf");
        assert_eq!(look.stamp.map(|s| s.size()), Some(12));
        // Just written: hashed at the first look, so a same-tick rewrite is still caught.
        assert_eq!(
            look.sha256.as_deref(),
            Some(super::super::digest::hex(&Sha256::digest(b"%PDF-1.4 one")).as_str())
        );
    }
}
