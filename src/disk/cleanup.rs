//! Temporary files and folders this process makes, and how they go whatever ends the process.
//!
//! Every writing command writes beside its target and renames into place, so an interruption
//! never leaves a half-written file under a real name. What it must not leave either is the
//! temporary itself: a `.dossier-*` file or folder the clerk never asked for (3,007 of them after
//! one trial of killed imports, #17). Three things see to it:
//!
//! - a process-wide registry: a path is [`register`]ed *before* it is made, and [`forget`]
//!   after it was renamed into place (or removed). A signal handler has no other way in than a
//!   global, and registering first leaves no moment where a made file is unknown to it;
//!   [`remove_all`] removes everything registered, last made first, and is what
//!   `cli::interrupt` calls on every catchable signal;
//! - [`Staging`]: a folder `.dossier-TOOL-PID-N` beside the target holding the command's
//!   temporaries and a `.lock` file held with an exclusive lock while the command works;
//! - [`sweep`]: the next run of the same command in the same folder removes the staging folders
//!   a killed run (SIGKILL, a crash, a power cut: nothing in the process could clean up) left
//!   behind. A folder whose lock is held belongs to a live process and is never touched.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// What a registered path is, which says how it is removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Made {
    /// A file: removed.
    File,
    /// A folder wholly ours (a staging folder): removed with everything in it.
    Tree,
    /// A folder made for an output (`-o new/folder/`): removed only while empty, so that nothing
    /// anyone else put there is ever removed.
    EmptyFolder,
}

struct Registry {
    paths: Vec<(PathBuf, Made)>,
    /// Set by [`remove_all`]: the process is ending, and nothing new may be made.
    closing: bool,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    paths: Vec::new(),
    closing: false,
});

fn registry() -> std::sync::MutexGuard<'static, Registry> {
    // A thread that panicked while holding the lock left a list that is still a list.
    REGISTRY
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Note `path` as about to be made by this process, before making it. If the process is
/// already ending on a signal ([`remove_all`] ran), this never returns: the exit is under way,
/// and the path must not be made after the clean-up.
pub fn register(path: &Path, made: Made) {
    let mut r = registry();
    if r.closing {
        drop(r);
        loop {
            std::thread::park();
        }
    }
    r.paths.push((path.to_path_buf(), made));
}

/// Held shared while a registered path is being made ([`making`]), and exclusively by
/// [`remove_all`]: the clean-up then runs wholly before or after each making, never between.
static MAKING: std::sync::RwLock<()> = std::sync::RwLock::new(());

/// Set with the registry's `closing`, readable without its lock.
static CLOSING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Make a path [`register`]ed before (`make`), on any thread: a file made on another thread
/// than the one a signal's clean-up runs on could otherwise be made just after the clean-up,
/// and be left (#21: reports staged on every core were left by a Ctrl-C). Makers do not wait
/// for each other (a shared lock), only for the clean-up; once it has run, this never returns,
/// as [`register`]. `make` must be short and must not register anything itself.
pub fn making<T>(make: impl FnOnce() -> T) -> T {
    let _shared = MAKING
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if CLOSING.load(std::sync::atomic::Ordering::SeqCst) {
        drop(_shared);
        loop {
            std::thread::park();
        }
    }
    make()
}

/// `path` is no longer ours to remove: renamed into place, kept, or already removed. Forgets
/// the last registration of it only.
pub fn forget(path: &Path) {
    let mut r = registry();
    if let Some(i) = r.paths.iter().rposition(|(p, _)| p == path) {
        r.paths.remove(i);
    }
}

/// Remove `path` now as its registration says, and forget it (the error path of a command
/// that did not finish).
pub fn discard(path: &Path) {
    let made = registry()
        .paths
        .iter()
        .rev()
        .find(|(p, _)| p == path)
        .map(|(_, m)| *m);
    if let Some(m) = made {
        remove(path, m);
    }
    forget(path);
}

fn remove(path: &Path, made: Made) {
    let _ = match made {
        Made::File => fs::remove_file(path),
        Made::Tree => fs::remove_dir_all(path),
        Made::EmptyFolder => fs::remove_dir(path),
    };
}

/// Remove every registered path, the last made first (a file before the folder made for it),
/// and refuse any later registration. Called once, when the process is ending on a signal.
pub fn remove_all() {
    // Every making under way finishes first; none starts after.
    let _alone = MAKING
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    CLOSING.store(true, std::sync::atomic::Ordering::SeqCst);
    let mut r = registry();
    r.closing = true;
    while let Some((p, m)) = r.paths.pop() {
        remove(&p, m);
    }
}

/// What is registered now (for tests and for a command that reports what it left).
#[must_use]
pub fn registered() -> Vec<PathBuf> {
    registry().paths.iter().map(|(p, _)| p.clone()).collect()
}

/// Name of the lock file inside a staging folder.
pub const LOCK: &str = ".lock";

/// A staging folder whose lock is free is left alone while it is younger than this: its maker
/// may be between making it and locking it (microseconds), and a folder on a network drive may
/// carry the server's clock.
pub const STALE_AFTER: Duration = Duration::from_secs(5);

/// The name prefix of `tool`'s staging folders: `.dossier-draft-`.
fn prefix(tool: &str) -> String {
    format!(".dossier-{tool}-")
}

/// A folder `.dossier-TOOL-PID-N` in `parent`, made and registered ([`Made::Tree`]), with a
/// locked `.lock` file inside while it lives. Dropped, it is removed with what it holds; a
/// command moves its results out of it (a rename within the same folder, so within one file
/// system) before.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    lock: Option<File>,
}

impl Staging {
    /// Make a staging folder for `tool` in `parent` (which must exist).
    pub fn new(parent: &Path, tool: &str) -> io::Result<Staging> {
        static SEQ: AtomicU64 = AtomicU64::new(0);
        let pid = std::process::id();
        loop {
            let n = SEQ.fetch_add(1, Ordering::Relaxed);
            let dir = parent.join(format!("{}{pid}-{n}", prefix(tool)));
            register(&dir, Made::Tree);
            match fs::create_dir(&dir) {
                Ok(()) => {
                    let mut s = Staging { dir, lock: None };
                    let lock = File::options()
                        .read(true)
                        .write(true)
                        .create_new(true)
                        .open(s.dir.join(LOCK))?;
                    // A file system without locks (some network drives) still gets its
                    // staging folder: it is only never swept by another run.
                    let _ = lock.try_lock();
                    s.lock = Some(lock);
                    #[cfg(debug_assertions)]
                    pause_for_tests();
                    return Ok(s);
                }
                // Left by an earlier process of the same id: take the next number.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => forget(&dir),
                Err(e) => {
                    forget(&dir);
                    return Err(e);
                }
            }
        }
    }

    /// The folder.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.dir
    }
}

/// Test-only, in debug builds: with `DOSSIER_TEST_PAUSE_IN_STAGING=FILE`, a command that has
/// just made its staging folder (or staged its first file, for the editing commands) makes FILE and waits (at most 60 s) until it is removed, so
/// that a test can signal or kill it at that very moment. Not compiled into a release.
#[cfg(debug_assertions)]
pub(crate) fn pause_for_tests() {
    let Some(flag) = std::env::var_os("DOSSIER_TEST_PAUSE_IN_STAGING") else {
        return;
    };
    let flag = PathBuf::from(flag);
    if fs::write(&flag, b"").is_err() {
        return;
    }
    let started = std::time::Instant::now();
    while flag.exists() && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(5));
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Closed first: Windows does not remove a folder holding an open file.
        drop(self.lock.take());
        let _ = fs::remove_dir_all(&self.dir);
        forget(&self.dir);
    }
}

/// Remove the staging folders of `tool` in `parent` that no live process owns: its lock can be
/// taken (the process holding it is gone; the operating system releases a lock with its
/// owner, whatever killed it), or it has none, and the folder has not changed for
/// [`STALE_AFTER`]. Returns the folders removed. A folder whose lock cannot be tried (a file
/// system without locks) is left.
pub fn sweep(parent: &Path, tool: &str) -> Vec<PathBuf> {
    let prefix = prefix(tool);
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for e in entries.flatten() {
        if !e.file_name().to_string_lossy().starts_with(&prefix) {
            continue;
        }
        // Never through a link: only a real folder of ours is removed.
        let Ok(meta) = fs::symlink_metadata(e.path()) else {
            continue;
        };
        if !meta.is_dir() {
            continue;
        }
        let old = meta
            .modified()
            .ok()
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if !old {
            continue;
        }
        let dir = e.path();
        let free = match File::options().read(true).write(true).open(dir.join(LOCK)) {
            Ok(f) => match f.try_lock() {
                Ok(()) => true,
                Err(std::fs::TryLockError::WouldBlock | std::fs::TryLockError::Error(_)) => false,
            },
            Err(e) => e.kind() == io::ErrorKind::NotFound,
        };
        // The lock (if taken) is released here, before the removal: Windows removes no folder
        // holding an open file.
        if free && fs::remove_dir_all(&dir).is_ok() {
            removed.push(dir);
        }
    }
    removed.sort();
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn age(dir: &Path) {
        let old = SystemTime::now() - Duration::from_secs(3600);
        File::open(dir).unwrap().set_modified(old).unwrap();
    }

    #[test]
    fn a_staging_folder_is_locked_while_it_lives_and_removed_when_dropped() {
        let t = tempfile::tempdir().unwrap();
        let s = Staging::new(t.path(), "test").unwrap();
        let dir = s.path().to_path_buf();
        assert!(dir.join(LOCK).is_file());
        assert!(registered().contains(&dir));
        fs::write(dir.join("x"), "x").unwrap();
        #[cfg(unix)]
        {
            // Old, but its lock is held: another run leaves it.
            age(&dir);
            assert!(sweep(t.path(), "test").is_empty());
            assert!(dir.is_dir());
        }
        drop(s);
        assert!(!dir.exists());
        assert!(!registered().contains(&dir));
    }

    #[test]
    fn the_sweep_removes_only_old_unowned_folders_of_its_tool() {
        let t = tempfile::tempdir().unwrap();
        let mk = |name: &str, lock: bool| {
            let d = t.path().join(name);
            fs::create_dir(&d).unwrap();
            fs::write(d.join("half.pdf"), "x").unwrap();
            if lock {
                fs::write(d.join(LOCK), "").unwrap();
            }
            d
        };
        let stale = mk(".dossier-test-1-0", true);
        let no_lock = mk(".dossier-test-1-1", false);
        let young = mk(".dossier-test-1-2", true);
        let other_tool = mk(".dossier-other-1-0", true);
        let clerks = mk("dossier-test-1-0", true);
        for d in [&stale, &no_lock, &other_tool, &clerks] {
            age(d);
        }
        assert_eq!(sweep(t.path(), "test"), vec![stale, no_lock]);
        assert!(young.is_dir() && other_tool.is_dir() && clerks.is_dir());
    }

    #[test]
    fn registered_paths_go_last_made_first() {
        let t = tempfile::tempdir().unwrap();
        let folder = t.path().join("moi");
        let file = folder.join("a.tmp");
        register(&folder, Made::EmptyFolder);
        fs::create_dir(&folder).unwrap();
        register(&file, Made::File);
        fs::write(&file, "x").unwrap();
        discard(&file);
        discard(&folder);
        assert!(!folder.exists());
        // An empty-folder registration never removes what someone else put there.
        register(&folder, Made::EmptyFolder);
        fs::create_dir(&folder).unwrap();
        fs::write(folder.join("clerk.docx"), "x").unwrap();
        discard(&folder);
        assert!(folder.join("clerk.docx").is_file());
        assert!(registered().iter().all(|p| !p.starts_with(t.path())));
    }
}
