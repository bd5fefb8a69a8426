//! One writer at a time on a dossier.
//!
//! Two `dossier import` run at once on one dossier both read the list, both wrote, and one
//! list was lost while both said "done" (issue #17). A writing command therefore takes an
//! exclusive advisory lock on the dossier before it reads anything it will edit, and holds it
//! until it has written; a command that only reads takes a shared lock, so it never reads a
//! dossier halfway through another command's renames. A second command waits a few seconds,
//! then refuses and names the one holding the dossier, which wrote its name into
//! `.dossier.owner` for as long as it holds it.
//!
//! What is locked (through `std::fs::File::lock`): on Unix the dossier folder itself (`flock`
//! on the folder), so no lock file is ever left in the clerk's folder; on Windows, where a
//! folder cannot be locked, a hidden `.dossier.lock` file, which stays (removing a lock file
//! while another process waits on it would let two processes hold two different files). A
//! read-only command never creates it. `check`, `pack` and `verify` skip hidden files.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::error::DiskError;

/// The lock file, in the dossier folder, on systems that cannot lock a folder (Windows).
pub const LOCK_FILE: &str = ".dossier.lock";
/// The holder's name, in the dossier folder.
pub const OWNER_FILE: &str = ".dossier.owner";

/// How long a command waits for another to finish before refusing: long enough for a
/// command that is finishing its writes, short enough that a clerk is not left staring.
pub const WAIT: Duration = Duration::from_secs(5);

/// Dossiers this process holds: a command that already holds a dossier does not lock it again
/// (a second `flock` on another descriptor of the same file would wait on itself).
static HELD: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A dossier held by this process; released when dropped.
#[derive(Debug)]
pub struct Held {
    file: Option<File>,
    key: PathBuf,
    exclusive: bool,
}

impl Held {
    /// Whether this is a writer's (exclusive) hold.
    #[must_use]
    pub fn exclusive(&self) -> bool {
        self.exclusive
    }
}

impl Held {
    /// Remove the holder's note now, keeping the hold: a folder about to be renamed (a new
    /// dossier built aside) must not carry it to its new name.
    pub fn drop_owner_note(&self) {
        if self.exclusive && self.file.is_some() {
            super::cleanup::discard(&self.key.join(OWNER_FILE));
        }
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        if let Some(f) = self.file.take() {
            if self.exclusive {
                let owner = self.key.join(OWNER_FILE);
                super::cleanup::discard(&owner);
            }
            let _ = f.unlock();
            if let Ok(mut held) = HELD.lock() {
                if let Some(i) = held.iter().position(|k| *k == self.key) {
                    held.remove(i);
                }
            }
        }
    }
}

/// The key a dossier is known by in [`HELD`]: its canonical path when it has one.
fn key(root: &Path) -> PathBuf {
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

/// Whether this process holds `root` (for writing, when `exclusive`).
#[must_use]
pub fn held_here(root: &Path) -> bool {
    held_key(&key(root))
}

fn held_key(k: &PathBuf) -> bool {
    HELD.lock().is_ok_and(|h| h.contains(k))
}

#[cfg(windows)]
fn hidden(o: &mut OpenOptions) {
    use std::os::windows::fs::OpenOptionsExt;
    // FILE_ATTRIBUTE_HIDDEN: the clerk's Explorer does not show the tool's bookkeeping.
    o.attributes(0x2);
}

#[cfg(not(windows))]
fn hidden(_: &mut OpenOptions) {}

/// Hold `root` for writing, as `command` (`"import"`), waiting up to `wait` for another
/// command to finish.
pub fn write(root: &Path, command: &str, wait: Duration) -> Result<Held, DiskError> {
    let k = key(root);
    if held_key(&k) {
        return Ok(Held {
            file: None,
            key: k,
            exclusive: true,
        });
    }
    // The folder itself is what could not be opened: a clerk knows it, not the lock file.
    let file = lockable(root, true)
        .map_err(DiskError::io(root))?
        .ok_or_else(|| DiskError::io(root)(std::io::Error::from(std::io::ErrorKind::NotFound)))?;
    wait_for(&file, true, wait, root)?;
    if let Ok(mut held) = HELD.lock() {
        held.push(k.clone());
    }
    let held = Held {
        file: Some(file),
        key: k,
        exclusive: true,
    };
    say_owner(&held.key, command);
    Ok(held)
}

/// Hold `root` for reading: None when no writer ever locked it (no lock file) or when the
/// lock file cannot be opened (a read-only copy, where no writer can be at work either).
pub fn read(root: &Path, wait: Duration) -> Result<Option<Held>, DiskError> {
    // Only a writer's hold of this process matters here (a shared lock on another descriptor
    // would wait on it): looked up, with the path made canonical, only when there is one.
    // `check` of 2,000 dossiers spent 30,000 more system calls making paths canonical.
    if HELD.lock().is_ok_and(|h| !h.is_empty()) && held_here(root) {
        return Ok(None);
    }
    let Ok(Some(file)) = lockable(root, false) else {
        return Ok(None);
    };
    wait_for(&file, false, wait, root)?;
    // A reader is not listed in HELD: this process takes no writer's hold on a dossier it is
    // reading (a writer that finishes a stopped command takes its hold first).
    Ok(Some(Held {
        file: Some(file),
        key: root.to_path_buf(),
        exclusive: false,
    }))
}

/// What is locked for `root`: the folder itself on Unix; on Windows its lock file, created
/// for a writer, only opened if there for a reader (None when there is none).
fn lockable(root: &Path, writer: bool) -> std::io::Result<Option<File>> {
    #[cfg(unix)]
    {
        let _ = writer;
        File::open(root).map(Some)
    }
    #[cfg(not(unix))]
    {
        let path = root.join(LOCK_FILE);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if !m.is_file() => {
                return Err(std::io::Error::from(std::io::ErrorKind::InvalidInput))
            }
            Err(_) if !writer => return Ok(None),
            _ => {}
        }
        let mut o = OpenOptions::new();
        o.read(true);
        if writer {
            o.write(true).create(true).truncate(false);
            hidden(&mut o);
        }
        o.open(&path).map(Some)
    }
}

fn wait_for(file: &File, exclusive: bool, wait: Duration, root: &Path) -> Result<(), DiskError> {
    let start = Instant::now();
    loop {
        let tried = if exclusive {
            file.try_lock()
        } else {
            file.try_lock_shared()
        };
        match tried {
            Ok(()) => return Ok(()),
            Err(TryLockError::WouldBlock) => {
                if start.elapsed() >= wait {
                    // Readers (check, pack) hold it if it can be shared: the owner file is
                    // then a killed writer's, and named a command long gone.
                    let readers = exclusive && file.try_lock_shared().is_ok();
                    if readers {
                        let _ = file.unlock();
                    }
                    return Err(DiskError::Busy {
                        root: root.to_path_buf(),
                        other: if readers { None } else { owner(root) },
                    });
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            // A file system without locks (some network shares): the command goes on as
            // before this lock existed rather than refusing every write.
            Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
                return Ok(())
            }
            Err(TryLockError::Error(e)) => return Err(DiskError::io(root)(e)),
        }
    }
}

/// Write who holds the dossier, for a command that finds it busy; removed when the hold ends.
/// Best effort: the lock is what protects, this only words the refusal.
fn say_owner(root: &Path, command: &str) {
    let path = root.join(OWNER_FILE);
    if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
        return;
    }
    // A new file each time, never an existing one opened for writing: a `.dossier.owner`
    // hard-linked to a file outside the dossier was truncated and written through.
    let _ = std::fs::remove_file(&path);
    let mut o = OpenOptions::new();
    o.write(true).create_new(true);
    hidden(&mut o);
    // A signal ending the command removes it with the command's other temporaries.
    super::cleanup::register(&path, super::cleanup::Made::File);
    if let Ok(mut f) = o.open(&path) {
        let _ = write!(f, "{command} ({})", std::process::id());
    }
}

/// The holder's words, as printable text of at most 80 characters.
fn owner(root: &Path) -> Option<String> {
    let path = root.join(OWNER_FILE);
    if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    let mut text = String::new();
    File::open(&path)
        .ok()?
        .take(200)
        .read_to_string(&mut text)
        .ok()?;
    let t: String = text.chars().filter(|c| !c.is_control()).take(80).collect();
    (!t.trim().is_empty()).then(|| t.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_in_another_process_is_refused_with_the_first_ones_name() {
        // Two holds in one process share the HELD set, so the other process is played by a
        // lock taken directly, as another process's would be.
        let dir = tempfile::tempdir().unwrap();
        let other = lockable(dir.path(), true).unwrap().unwrap();
        other.lock().unwrap();
        std::fs::write(dir.path().join(OWNER_FILE), "import (42)").unwrap();
        let e = write(dir.path(), "add", Duration::from_millis(120)).unwrap_err();
        assert!(
            matches!(&e, DiskError::Busy { other: Some(o), .. } if o == "import (42)"),
            "{e:?}"
        );
        // The clerk reads the command, not the process number.
        assert!(
            e.msg().vi.contains("\"dossier import\" ghi"),
            "{}",
            e.msg().vi
        );
        assert!(!e.msg().vi.contains("42"), "{}", e.msg().vi);
        // A reader waits too.
        assert!(matches!(
            read(dir.path(), Duration::from_millis(60)),
            Err(DiskError::Busy { .. })
        ));
        other.unlock().unwrap();
        let held = write(dir.path(), "add", Duration::from_millis(120)).unwrap();
        assert!(held.exclusive());
        assert!(held_here(dir.path()));
        assert_eq!(
            std::fs::read_to_string(dir.path().join(OWNER_FILE)).unwrap(),
            format!("add ({})", std::process::id())
        );
        // Held here: taken again without waiting on itself.
        let again = write(dir.path(), "add", Duration::ZERO).unwrap();
        drop(again);
        drop(held);
        assert!(!held_here(dir.path()));
        // Nothing of the hold is left in the folder (on Windows, the empty lock file).
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        if cfg!(unix) {
            assert!(left.is_empty(), "{left:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_owner_file_is_never_written_through_a_hard_link() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("hs");
        std::fs::create_dir(&root).unwrap();
        let outside = dir.path().join("notes.txt");
        std::fs::write(&outside, "the clerk's notes\n").unwrap();
        std::fs::hard_link(&outside, root.join(OWNER_FILE)).unwrap();
        let held = write(&root, "add", Duration::ZERO).unwrap();
        assert_eq!(
            std::fs::read_to_string(&outside).unwrap(),
            "the clerk's notes\n"
        );
        assert_eq!(
            std::fs::read_to_string(root.join(OWNER_FILE)).unwrap(),
            format!("add ({})", std::process::id())
        );
        drop(held);
    }

    #[test]
    fn a_writer_waiting_on_readers_does_not_name_a_killed_writer() {
        let dir = tempfile::tempdir().unwrap();
        // Left by a writer killed earlier; a check now holds the dossier shared.
        std::fs::write(dir.path().join(OWNER_FILE), "import (42)").unwrap();
        let reader = lockable(dir.path(), false).unwrap().unwrap();
        reader.lock_shared().unwrap();
        let e = write(dir.path(), "add", Duration::from_millis(120)).unwrap_err();
        assert!(matches!(&e, DiskError::Busy { other: None, .. }), "{e:?}");
        reader.unlock().unwrap();
    }

    #[test]
    fn a_reader_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let held = read(dir.path(), WAIT).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        drop(held);
    }
}
