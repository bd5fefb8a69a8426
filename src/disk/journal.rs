//! A command's writes to a dossier, committed as one transaction.
//!
//! `add` wrote `to-trinh.yaml` and the new report, then stopped on a read-only `bien-ban.yaml`:
//! the dossier was left half-edited. A kill during `import` left 200 reports and no list
//! (issue #17). So every file a command writes is staged first, beside its target, as
//! `.dossier-<id>-<n>.tmp`, after checking that the target can be written (not a link, not
//! read-only, still holding what was read, or absent for a new file). Then:
//!
//! 1. the staged files are made durable (`sync_all`);
//! 2. the journal `.dossier.journal` is written (to a temporary file, synced, renamed into place):
//!    each operation with the SHA-256 of the file before and after. This rename is the commit
//!    point;
//! 3. the staged files are renamed over their targets and the files to remove are removed;
//! 4. the journal is removed.
//!
//! A refusal or a failure before step 2 removes the staged files: the dossier is as before. A
//! kill after step 2 leaves the journal, which the next command run on the dossier (any
//! command, `check` too) rolls forward ([`recover`]), saying so: the dossier is then as after.
//! Each step of the roll-forward is judged by the file's hash, so running it twice, or after
//! some renames were done, does the same. A file changed by someone else since (neither the
//! hash before nor the hash after) stops the roll-forward with the file named, and nothing is
//! guessed.
//!
//! Staged files left by a kill before step 2 are removed by the next writing command
//! ([`clean`]), which holds the dossier's lock, so no live command owns them.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Read, Write};
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

use super::error::DiskError;

mod folder;

/// Set while this process is past a commit point and not yet finished: a signal then leaves the
/// rest to the next command, and says so ([`committing`]).
static COMMITTING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether this process is between a commit point and the end of its renames.
#[must_use]
pub fn committing() -> bool {
    COMMITTING.load(std::sync::atomic::Ordering::SeqCst)
}

/// The journal, in the dossier folder.
pub const JOURNAL: &str = ".dossier.journal";

/// The first line of a journal this program wrote.
const MAGIC: &str = "dossier-journal 1";

/// A journal larger than this was not written by this program (50,000 nominees' operations
/// take about 10 MiB).
const MAX_JOURNAL_BYTES: u64 = 32 * 1024 * 1024;

type Hash = [u8; 32];

fn sha(bytes: &[u8]) -> Hash {
    Sha256::digest(bytes).into()
}

fn hex(h: &Hash) -> String {
    // Two digits a byte by table: a formatting call per byte was 1 % of an import.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(64);
    for b in h {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    s
}

fn unhex(s: &str) -> Option<Hash> {
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut h = [0u8; 32];
    for (i, out) in h.iter_mut().enumerate() {
        *out = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(h)
}

/// One write of a transaction. Paths are relative to the dossier folder, `/`-separated.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Op {
    /// A new file: `temp` renamed to `target`, which must not exist.
    Create {
        target: String,
        temp: String,
        new: Hash,
    },
    /// `temp` renamed over `target`, which must still hold `old`.
    Replace {
        target: String,
        temp: String,
        old: Hash,
        new: Hash,
    },
    /// `target` removed, if it still holds `old`.
    Delete { target: String, old: Hash },
    /// A file of the dossier (an attachment given a clean name) moved to a new name, which
    /// must be free.
    Rename { from: String, target: String },
}

impl Op {
    fn target(&self) -> &str {
        match self {
            Op::Create { target, .. }
            | Op::Replace { target, .. }
            | Op::Delete { target, .. }
            | Op::Rename { target, .. } => target,
        }
    }

    fn temp(&self) -> Option<&str> {
        match self {
            Op::Create { temp, .. } | Op::Replace { temp, .. } => Some(temp),
            Op::Delete { .. } | Op::Rename { .. } => None,
        }
    }

    fn line(&self) -> String {
        match self {
            Op::Create { target, temp, new } => format!("create\t{target}\t{temp}\t{}", hex(new)),
            Op::Replace {
                target,
                temp,
                old,
                new,
            } => format!("replace\t{target}\t{temp}\t{}\t{}", hex(old), hex(new)),
            Op::Delete { target, old } => format!("delete\t{target}\t{}", hex(old)),
            Op::Rename { from, target } => format!("rename\t{from}\t{target}"),
        }
    }

    fn parse(line: &str) -> Option<Op> {
        let f: Vec<&str> = line.split('\t').collect();
        let op = match f.as_slice() {
            ["create", target, temp, new] => Op::Create {
                target: (*target).to_owned(),
                temp: (*temp).to_owned(),
                new: unhex(new)?,
            },
            ["replace", target, temp, old, new] => Op::Replace {
                target: (*target).to_owned(),
                temp: (*temp).to_owned(),
                old: unhex(old)?,
                new: unhex(new)?,
            },
            ["delete", target, old] => Op::Delete {
                target: (*target).to_owned(),
                old: unhex(old)?,
            },
            ["rename", from, target] => Op::Rename {
                from: (*from).to_owned(),
                target: (*target).to_owned(),
            },
            _ => return None,
        };
        if let Op::Rename { from, target } = &op {
            // Any file of the dossier a clerk sees (not hidden, not outside it).
            let visible = |rel: &str| {
                inside(rel, MAX_RENAME_DEPTH) && rel.split('/').all(|p| !p.starts_with('.'))
            };
            return (visible(from) && visible(target)).then_some(op);
        }
        // A journal names only files of the dossier, and staged files named as this program
        // names them, in the folder of their target: a journal planted in a dossier can make a
        // command do nothing it would not have done itself.
        let safe = |rel: &str| inside(rel, 2);
        if !safe(op.target()) {
            return None;
        }
        let name = op.target().rsplit('/').next().unwrap_or("");
        if name.starts_with('.') || !(name.ends_with(".yaml") || name.ends_with(".yml")) {
            return None;
        }
        if let Some(t) = op.temp() {
            if !safe(t) || folder(t) != folder(op.target()) || !is_staged_name(file_name(t)) {
                return None;
            }
        }
        Some(op)
    }
}

/// How deep in the dossier a file or folder `fix` renames may be (`dinh-kem/` may hold
/// folders of folders).
const MAX_RENAME_DEPTH: usize = 32;

/// Whether `rel` names something inside the dossier, at most `depth` names deep: every part a
/// plain name. A `:` or `\\` is an ordinary character of a name on Unix (a Mac writes `:` for
/// the `/` a clerk typed); on Windows a drive (`C:`) or a `..` between backslashes is not a
/// plain name, and is refused there as a `..` is.
fn inside(rel: &str, depth: usize) -> bool {
    !rel.is_empty()
        && rel.split('/').count() <= depth
        && rel.split('/').all(|p| !matches!(p, "" | "." | ".."))
        && Path::new(rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        && !rel.contains(['\t', '\n', '\r', '\0'])
}

fn folder(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(d, _)| d)
}

fn file_name(rel: &str) -> &str {
    rel.rsplit_once('/').map_or(rel, |(_, n)| n)
}

/// The name of a staged file, exactly as this program makes them: `.dossier-<id>-<n>.tmp`,
/// `.dossier-<id>-<n>p.tmp` (a probe), `.dossier-<id>-journal.tmp`, or an earlier version's
/// `.dossier-XXXXXX.tmp` (six letters or digits). Any other name is the clerk's: a note
/// saved as `.dossier-ghi-chu.tmp` was removed as a staged file.
fn is_staged_name(name: &str) -> bool {
    let Some(mid) = name
        .strip_prefix(".dossier-")
        .and_then(|n| n.strip_suffix(".tmp"))
    else {
        return false;
    };
    let hex = |s: &str| !s.is_empty() && s.len() <= 16 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let digits = |s: &str| !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit());
    match mid.split_once('-') {
        Some((id, rest)) => {
            hex(id) && (rest == "journal" || digits(rest.strip_suffix('p').unwrap_or(rest)))
        }
        None => mid.len() == 6 && mid.bytes().all(|b| b.is_ascii_alphanumeric()),
    }
}

/// `rel` (relative, `/`-separated) as a path under `root`.
fn under(root: &Path, rel: &str) -> PathBuf {
    rel.split('/')
        .fold(root.to_path_buf(), |p, part| p.join(part))
}

/// Refuse `path` (under `root`) if it, or a folder between `root` and it, is a link
/// ([`super::links::refuse_links`]): nothing is read or written through a link inside a
/// dossier. The dossier folder itself may be reached through a link (a clerk's shortcut).
pub fn refuse_links(root: &Path, path: &Path) -> Result<(), DiskError> {
    let Ok(rel) = path.strip_prefix(root) else {
        return Ok(());
    };
    super::links::refuse_links(root, rel).map_err(DiskError::Link)
}

/// [`refuse_links`], and the entry at `path` itself (not followed) as the same walk saw it:
/// None when nothing is there (or it cannot be looked at; writing there then fails and says
/// so).
fn look(root: &Path, path: &Path) -> Result<Option<fs::Metadata>, DiskError> {
    let Ok(rel) = path.strip_prefix(root) else {
        return Ok(fs::symlink_metadata(path).ok());
    };
    super::links::refuse_links_and_look(root, rel).map_err(DiskError::Link)
}

/// The bytes of a regular file at `path`, up to `limit` + 1 (so a longer one is seen to
/// differ); None when nothing is there.
fn read_upto(path: &Path, limit: u64) -> Result<Option<Vec<u8>>, DiskError> {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(DiskError::io(path)(e)),
        Ok(m) => read_seen(path, &m, limit).map(Some),
    }
}

/// [`read_upto`] of a file whose entry was just looked at (`meta`, not followed).
fn read_seen(path: &Path, meta: &fs::Metadata, limit: u64) -> Result<Vec<u8>, DiskError> {
    if !meta.is_file() {
        return Err(DiskError::Changed(path.to_path_buf()));
    }
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(DiskError::io(path))?;
    Ok(bytes)
}

/// The staged file `name` in `dir`, holding `bytes`, for `target`. Errors name the folder or the
/// file the clerk knows, never the hidden staged one.
fn write_staged(
    dir: &folder::Folder,
    name: &str,
    target: &Path,
    bytes: &[u8],
) -> Result<File, DiskError> {
    // Registered before (by the thread that plans the batch), made behind the clean-up's
    // gate: a signal's clean-up then removes it, whichever thread made it.
    let mut f =
        super::cleanup::making(|| dir.create_new(name)).map_err(DiskError::io(&dir.path))?;
    f.write_all(bytes).map_err(DiskError::io(target))?;
    Ok(f)
}

/// The file `name` in the folder of `rel` (both relative to the dossier).
fn beside(rel: &str, name: &str) -> String {
    match rel.rsplit_once('/') {
        Some((d, _)) => format!("{d}/{name}"),
        None => name.to_owned(),
    }
}

/// `op` is refused unless the journal names it as it is: a file the next command could not
/// read back from the journal after a kill would leave the dossier half-edited, so such a name
/// (a tab, a folder too deep) is refused before anything is written.
fn check_line(op: &Op, path: &Path) -> Result<(), DiskError> {
    if Op::parse(&op.line()).as_ref() == Some(op) {
        Ok(())
    } else {
        Err(DiskError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::from(ErrorKind::InvalidInput),
        })
    }
}

/// The files a transaction wrote and removed.
#[derive(Debug, Default, Clone)]
pub struct Done {
    /// Created or replaced, in the order given.
    pub written: Vec<PathBuf>,
    /// Removed.
    pub removed: Vec<PathBuf>,
}

/// The writes of one command, staged and then committed together.
#[derive(Debug)]
pub struct Txn {
    root: PathBuf,
    command: String,
    id: String,
    ops: Vec<Op>,
    /// Staged files still to be renamed or removed (absolute).
    staged: Vec<PathBuf>,
    /// Files still open for the one `sync_all` each gets before the commit: at most
    /// [`SYNC_BATCH`], so that thousands of new files never hold thousands of handles (a
    /// 5,000-row import failed under the 1,024 open files a Linux session allows, and macOS's
    /// 256).
    unsynced: Vec<File>,
    /// Linux: more than a batch of files were staged and closed; the commit makes them all
    /// durable with one `syncfs` of their folders' file system.
    closed_unsynced: bool,
    /// How many staged files are held open at most ([`batch_size`]).
    batch: usize,
    /// For each operation, the length of its staged file: it must still be there, whole,
    /// when the journal names it.
    staged_len: Vec<Option<u64>>,
    /// The folders new files were staged in, each looked up once ([`folder::Folder`]).
    folders: Vec<folder::Folder>,
    /// Debug builds: the tests' pause after the first staged file was taken.
    paused: bool,
}

impl Txn {
    /// A transaction of `command` on the dossier in `root`.
    #[must_use]
    pub fn new(root: &Path, command: &str) -> Txn {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        Txn {
            root: root.to_path_buf(),
            command: command.to_owned(),
            id: format!("{:x}{:05x}", std::process::id(), nanos & 0xf_ffff),
            ops: Vec::new(),
            staged: Vec::new(),
            unsynced: Vec::new(),
            closed_unsynced: false,
            batch: batch_size(),
            staged_len: Vec::new(),
            folders: Vec::new(),
            paused: false,
        }
    }

    /// Whether nothing was staged.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    fn rel(&self, target: &Path) -> Result<String, DiskError> {
        let rel = target
            .strip_prefix(&self.root)
            .ok()
            .and_then(|r| {
                let parts: Option<Vec<&str>> = r
                    .components()
                    .map(|c| match c {
                        Component::Normal(s) => s.to_str(),
                        _ => None,
                    })
                    .collect();
                parts
            })
            .filter(|p| !p.is_empty() && p.iter().all(|s| !s.contains(['\t', '\n', '\r'])))
            .map(|p| p.join("/"));
        rel.ok_or_else(|| DiskError::Io {
            path: target.to_path_buf(),
            source: std::io::Error::from(ErrorKind::InvalidInput),
        })
    }

    /// The folder holding `rel` (a file's path relative to the dossier), opened once.
    fn folder_of(&mut self, rel: &str) -> Result<usize, DiskError> {
        let dir = folder(rel);
        if let Some(i) = self.folders.iter().position(|f| f.rel == dir) {
            return Ok(i);
        }
        self.folders.push(folder::Folder::open(&self.root, dir)?);
        Ok(self.folders.len() - 1)
    }

    /// The staged file's name for the operation numbered `n`.
    fn temp_name(&self, n: usize) -> String {
        format!(".dossier-{}-{n}.tmp", self.id)
    }

    /// A staged file is written: kept open for its sync, or, past a batch, synced with
    /// the others (or on Linux closed, for the one `syncfs` of the commit).
    fn written(&mut self, f: File) -> Result<(), DiskError> {
        self.unsynced.push(f);
        if self.unsynced.len() >= self.batch {
            if cfg!(target_os = "linux") {
                self.closed_unsynced = true;
            } else {
                sync_files(&self.unsynced).map_err(DiskError::io(&self.root))?;
            }
            self.unsynced.clear();
        }
        if !self.paused {
            self.paused = true;
            #[cfg(debug_assertions)]
            super::cleanup::pause_for_tests();
        }
        Ok(())
    }

    /// Write `bytes` to a staged file beside `target`; `like` gives the permissions to keep.
    fn stage(
        &mut self,
        target: &Path,
        bytes: &[u8],
        like: Option<&fs::Metadata>,
    ) -> Result<String, DiskError> {
        let rel = self.rel(target)?;
        let dir = self.folder_of(&rel)?;
        let name = self.temp_name(self.ops.len());
        let path = self.folders[dir].path.join(&name);
        super::cleanup::register(&path, super::cleanup::Made::File);
        self.staged.push(path);
        let f = write_staged(&self.folders[dir], &name, target, bytes)?;
        if let Some(m) = like {
            f.set_permissions(m.permissions())
                .map_err(DiskError::io(target))?;
        }
        self.written(f)?;
        Ok(beside(&rel, &name))
    }

    /// A file the command replaces or removes: a regular file (not a link), writable, still
    /// holding `expect`.
    fn check_existing(&self, target: &Path, expect: &[u8]) -> Result<fs::Metadata, DiskError> {
        refuse_links(&self.root, target)?;
        let meta = fs::symlink_metadata(target).map_err(DiskError::io(target))?;
        if !meta.is_file() {
            return Err(DiskError::Changed(target.to_path_buf()));
        }
        if meta.permissions().readonly() {
            return Err(DiskError::ReadOnly(target.to_path_buf()));
        }
        // Opening for writing (without truncating) is what fails for a file another user owns
        // or, on Windows, one that Word or Excel holds open.
        if let Err(e) = OpenOptions::new().append(true).open(target) {
            return Err(match e.kind() {
                ErrorKind::PermissionDenied => DiskError::ReadOnly(target.to_path_buf()),
                _ if in_use(&e) => DiskError::ReadOnly(target.to_path_buf()),
                _ => DiskError::io(target)(e),
            });
        }
        if read_upto(target, expect.len() as u64)?.as_deref() != Some(expect) {
            return Err(DiskError::Changed(target.to_path_buf()));
        }
        Ok(meta)
    }

    /// Add `op`, provided the journal names it as it is ([`check_line`]).
    fn push(&mut self, op: Op, path: &Path, len: Option<usize>) -> Result<(), DiskError> {
        check_line(&op, path)?;
        self.ops.push(op);
        self.staged_len.push(len.map(|l| l as u64));
        Ok(())
    }

    /// Stage a new file at `target`, which must not exist.
    pub fn create(&mut self, target: &Path, bytes: &[u8]) -> Result<(), DiskError> {
        self.create_all(&[(target, bytes)])
    }

    /// Stage new files (`(target, bytes)`), none of which may exist when the transaction is
    /// committed: the files are written on every core, a batch at a time, and the
    /// operations kept in the order given. A refusal names the first target, in that order,
    /// that could not be staged.
    pub fn create_all(&mut self, files: &[(&Path, &[u8])]) -> Result<(), DiskError> {
        use rayon::prelude::*;
        for batch in files.chunks(self.batch) {
            let mut jobs = Vec::with_capacity(batch.len());
            for (i, (target, bytes)) in batch.iter().enumerate() {
                let rel = self.rel(target)?;
                let dir = self.folder_of(&rel)?;
                let name = self.temp_name(self.ops.len() + i);
                let path = self.folders[dir].path.join(&name);
                // Registered before it exists, so a signal arriving in between still removes
                // it.
                super::cleanup::register(&path, super::cleanup::Made::File);
                self.staged.push(path);
                jobs.push((dir, rel, name, *target, *bytes));
            }
            let folders = &self.folders;
            let staged: Vec<Result<(Op, File), DiskError>> = jobs
                .into_par_iter()
                .map(|(dir, rel, name, target, bytes)| {
                    // Whether the target is free is asked once, at the commit (a look here
                    // too was a second lookup of every name, #21).
                    let f = write_staged(&folders[dir], &name, target, bytes)?;
                    let op = Op::Create {
                        temp: beside(&rel, &name),
                        target: rel,
                        new: sha(bytes),
                    };
                    check_line(&op, target)?;
                    Ok((op, f))
                })
                .collect();
            for (s, (_, bytes)) in staged.into_iter().zip(batch) {
                let (op, f) = s?;
                self.ops.push(op);
                self.staged_len.push(Some(bytes.len() as u64));
                self.written(f)?;
            }
        }
        Ok(())
    }

    /// Stage `bytes` to replace `target`, which must still hold `expect`; its permissions are
    /// kept.
    pub fn replace(&mut self, target: &Path, expect: &[u8], bytes: &[u8]) -> Result<(), DiskError> {
        let meta = self.check_existing(target, expect)?;
        let temp = self.stage(target, bytes, Some(&meta))?;
        let rel = self.rel(target)?;
        let op = Op::Replace {
            target: rel,
            temp,
            old: sha(expect),
            new: sha(bytes),
        };
        self.push(op, target, Some(bytes.len()))
    }

    /// Remove `target` with the rest, provided it still holds `expect`.
    pub fn delete(&mut self, target: &Path, expect: &[u8]) -> Result<(), DiskError> {
        self.check_existing(target, expect)?;
        // The folder must let a file be removed: tried now, with an empty staged file.
        let folder = target.parent().unwrap_or(&self.root).to_path_buf();
        let probe = folder.join(format!(".dossier-{}-{}p.tmp", self.id, self.ops.len()));
        super::cleanup::register(&probe, super::cleanup::Made::File);
        self.staged.push(probe.clone());
        File::create(&probe).map_err(DiskError::io(&folder))?;
        fs::remove_file(&probe).map_err(DiskError::io(&folder))?;
        super::cleanup::forget(&probe);
        self.staged.pop();
        let rel = self.rel(target)?;
        let op = Op::Delete {
            target: rel,
            old: sha(expect),
        };
        self.push(op, target, None)
    }

    /// Move the file or folder `from` to the free name `target`, both in the dossier, with the rest.
    pub fn rename(&mut self, from: &Path, target: &Path) -> Result<(), DiskError> {
        refuse_links(&self.root, from)?;
        refuse_links(&self.root, target)?;
        if fs::symlink_metadata(target).is_ok() {
            return Err(DiskError::Exists(target.to_path_buf()));
        }
        if fs::symlink_metadata(from).is_err() {
            return Err(DiskError::Changed(from.to_path_buf()));
        }
        // Within one folder, as every rename of `fix` is (a clean or NFC name): the journal of
        // any other is refused when read back.
        if from.parent() != target.parent() {
            return Err(DiskError::Io {
                path: target.to_path_buf(),
                source: std::io::Error::from(ErrorKind::InvalidInput),
            });
        }
        let op = Op::Rename {
            from: self.rel(from)?,
            target: self.rel(target)?,
        };
        self.push(op, from, None)
    }

    /// Make every staged file durable before the commit point.
    fn sync_staged(&mut self) -> Result<(), DiskError> {
        let result = if self.closed_unsynced {
            let mut result = Ok(());
            let mut each = false;
            for f in &self.folders {
                match f.sync_file_system() {
                    Some(Ok(())) => {}
                    Some(Err(e)) => {
                        result = Err(e);
                        break;
                    }
                    None => each = true,
                }
            }
            if result.is_ok() && each {
                // No `syncfs` here: the closed files opened again, a batch at a time.
                result = self.staged.chunks(self.batch).try_for_each(|part| {
                    let files = part
                        .iter()
                        .map(File::open)
                        .collect::<std::io::Result<Vec<File>>>()?;
                    sync_files(&files)
                });
            }
            result
        } else {
            sync_files(&self.unsynced)
        };
        self.unsynced.clear();
        result.map_err(DiskError::io(&self.root))
    }

    /// Whether every folder new files were staged in is still where it was: one moved away
    /// and replaced (by another folder, or a link) would take the files out of the dossier.
    fn folders_in_place(&self) -> Result<(), DiskError> {
        for f in &self.folders {
            if !f.still_there() {
                // A link now there is said as one.
                refuse_links(&self.root, &f.path)?;
                return Err(DiskError::Changed(f.path.clone()));
            }
        }
        Ok(())
    }

    /// Whether every staged file is still there, whole: one removed or cut by another program
    /// would make the journal name a file it cannot finish with.
    fn staged_in_place(&self) -> Result<(), DiskError> {
        for (op, len) in self.ops.iter().zip(&self.staged_len) {
            let (Some(temp), Some(len)) = (op.temp(), len) else {
                continue;
            };
            let now = match self.folders.iter().find(|f| f.rel == folder(temp)) {
                Some(f) => f.file_len(file_name(temp)),
                None => fs::symlink_metadata(under(&self.root, temp))
                    .ok()
                    .filter(fs::Metadata::is_file)
                    .map(|m| m.len()),
            };
            if now != Some(*len) {
                return Err(DiskError::Io {
                    path: under(&self.root, op.target()),
                    source: std::io::Error::new(
                        ErrorKind::NotFound,
                        "a staged file was removed or changed by another program",
                    ),
                });
            }
        }
        Ok(())
    }

    /// Commit: everything or, on an error before the commit point, nothing.
    pub fn commit(mut self) -> Result<Done, DiskError> {
        if self.ops.is_empty() {
            return Ok(Done::default());
        }
        // Still as checked when staged: another program may have written meanwhile.
        self.folders_in_place()?;
        for op in &self.ops {
            let target = under(&self.root, op.target());
            match op {
                Op::Create { target: rel, .. } => {
                    let there = match self.folders.iter().find(|f| f.rel == folder(rel)) {
                        Some(f) => f.holds(file_name(rel)),
                        None => fs::symlink_metadata(&target).is_ok(),
                    };
                    if there {
                        // A link there is said as one.
                        look(&self.root, &target)?;
                        return Err(DiskError::Exists(target));
                    }
                }
                Op::Rename { .. } => {
                    if fs::symlink_metadata(&target).is_ok() {
                        return Err(DiskError::Exists(target));
                    }
                }
                Op::Replace { old, .. } | Op::Delete { old, .. } => {
                    let now = read_upto(&target, crate::yaml::decode::MAX_YAML_BYTES)?;
                    if now.as_deref().map(sha) != Some(*old) {
                        return Err(DiskError::Changed(target));
                    }
                }
            }
        }
        self.sync_staged()?;
        self.staged_in_place()?;
        self.folders_in_place()?;
        for d in folders(&self.root, &self.ops) {
            sync_dir(&d);
        }
        stop_here_in_tests(0);
        // A signal no longer removes the staged files: once the journal is in place it names
        // them, and a signal arriving before that leaves them to the next command's clean-up,
        // with the dossier as it was.
        let staged: Vec<PathBuf> = self.staged.drain(..).collect();
        for p in staged.iter().rev() {
            super::cleanup::forget(p);
        }
        if let Err(e) = write_journal(&self.root, &self.id, &self.command, &self.ops) {
            for p in &staged {
                let _ = fs::remove_file(p);
            }
            return Err(e);
        }
        // From here the journal finishes the work if this process is stopped.
        COMMITTING.store(true, std::sync::atomic::Ordering::SeqCst);
        stop_here_in_tests(1);
        let done = apply(&self.root, &self.ops, &self.command, &self.folders).map_err(halfway)?;
        stop_here_in_tests(self.ops.len() + 1);
        finish(&self.root, &self.ops).map_err(halfway)?;
        COMMITTING.store(false, std::sync::atomic::Ordering::SeqCst);
        Ok(done)
    }
}

impl Drop for Txn {
    fn drop(&mut self) {
        for p in self.staged.drain(..).rev() {
            super::cleanup::discard(&p);
        }
    }
}

/// Debug builds only: die at `step` of a commit as a kill would (no destructor runs), when
/// `DOSSIER_TEST_STOP_AT` says so. Step 0 is before the journal, 1 right after it, n + 1
/// after n operations. The tests stop the real binary at every step this way
/// (`tests/transactions.rs`); a release build has no such hook.
pub(crate) fn stop_here_in_tests(step: usize) {
    #[cfg(debug_assertions)]
    if std::env::var("DOSSIER_TEST_STOP_AT").is_ok_and(|v| v.parse() == Ok(step)) {
        std::process::abort();
    }
    #[cfg(not(debug_assertions))]
    let _ = step;
}

/// Threads that sync staged files at once where `syncfs` is not available (they wait on the
/// disk, not on a core).
const SYNC_THREADS: usize = 32;

/// The most staged files held open at once, waiting for their sync.
const SYNC_BATCH: usize = 64;

/// How many staged files to hold open at once: [`SYNC_BATCH`], or a quarter of the open files
/// the process may have when that is fewer (a session under `ulimit -n 64` failed with 64 held).
fn batch_size() -> usize {
    #[cfg(target_os = "linux")]
    {
        let limit = rustix::process::getrlimit(rustix::process::Resource::Nofile).current;
        let quarter = limit.map_or(SYNC_BATCH, |l| usize::try_from(l / 4).unwrap_or(SYNC_BATCH));
        quarter.clamp(1, SYNC_BATCH)
    }
    #[cfg(not(target_os = "linux"))]
    SYNC_BATCH
}

/// Make every staged file durable before any is renamed into place, all at once: a journal
/// commit per file cost 17 s for 5,000 reports. On Linux one `syncfs` of their file system
/// does it; elsewhere (or if it fails) each file is synced, from many threads at once, since
/// the file system commits concurrent syncs together.
fn sync_files(files: &[File]) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    if files.len() > 1 {
        // One `syncfs` for each file system the files are on (`bao-cao/` may be another
        // mount); its error is the disk's and is not retried file by file, which would not see
        // it.
        let mut devices = Vec::new();
        for f in files {
            let dev = rustix::fs::fstat(f)?.st_dev;
            if !devices.iter().any(|(d, _)| *d == dev) {
                devices.push((dev, f));
            }
        }
        let mut missing = false;
        for (_, f) in devices {
            match rustix::fs::syncfs(f) {
                Ok(()) => {}
                Err(rustix::io::Errno::NOSYS) => missing = true,
                Err(e) => return Err(e.into()),
            }
        }
        if !missing {
            return Ok(());
        }
    }
    let chunk = files.len().div_ceil(SYNC_THREADS).max(1);
    std::thread::scope(|scope| {
        let jobs: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().try_for_each(File::sync_all)))
            .collect();
        jobs.into_iter().try_for_each(|j| {
            j.join()
                .unwrap_or_else(|_| Err(std::io::Error::other("a sync thread failed")))
        })
    })
}

fn in_use(e: &std::io::Error) -> bool {
    // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: a file open in Word or Excel.
    cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33))
}

/// The folders holding the transaction's files, the dossier's first.
fn folders(root: &Path, ops: &[Op]) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = vec![root.to_path_buf()];
    for op in ops {
        let d = under(root, folder(op.target()));
        if !v.contains(&d) {
            v.push(d);
        }
    }
    v
}

/// Make a folder's entries durable (Unix; Windows has no such call and needs none for
/// `MoveFileEx`).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

fn write_journal(root: &Path, id: &str, command: &str, ops: &[Op]) -> Result<(), DiskError> {
    let mut text = format!("{MAGIC}\ncommand\t{command}\n");
    for op in ops {
        text.push_str(&op.line());
        text.push('\n');
    }
    text.push_str("end\n");
    let temp = root.join(format!(".dossier-{id}-journal.tmp"));
    let journal = root.join(JOURNAL);
    super::cleanup::register(&temp, super::cleanup::Made::File);
    let written = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        drop(f);
        fs::rename(&temp, &journal)
    })();
    if let Err(e) = written {
        super::cleanup::discard(&temp);
        return Err(DiskError::io(root)(e));
    }
    super::cleanup::forget(&temp);
    sync_dir(root);
    Ok(())
}

/// Carry out the operations; each step is judged by hashes, so a step already done is skipped
/// and a file someone else changed stops everything with its name.
///
/// `folders` are the folders this process staged new files in: a new file is renamed there
/// without a look before, refusing to replace anything ([`folder::Folder::rename_new`]); when
/// that cannot be done, or for a roll-forward (no folders), the files are judged by their
/// hashes.
fn apply(
    root: &Path,
    ops: &[Op],
    command: &str,
    folders: &[folder::Folder],
) -> Result<Done, DiskError> {
    let stuck = |file: PathBuf| DiskError::Unfinished {
        journal: root.join(JOURNAL),
        command: command.to_owned(),
        file,
    };
    // A target that is no longer a file (a folder now) is in the way as a changed file is: its
    // own words ("nothing was written, run the command again") were wrong past the commit.
    let hash_of = |p: &Path, seen: Option<fs::Metadata>| -> Result<Option<Hash>, DiskError> {
        let Some(meta) = seen else {
            return Ok(None);
        };
        match read_seen(p, &meta, crate::yaml::decode::MAX_YAML_BYTES) {
            Ok(b) => Ok(Some(sha(&b))),
            Err(DiskError::Changed(f)) => Err(stuck(f)),
            Err(e) => Err(e),
        }
    };
    let mut done = Done::default();
    let mut in_place = vec![true; folders.len()];
    for (n, op) in ops.iter().enumerate() {
        if n > 0 {
            stop_here_in_tests(n + 1);
        }
        let target = under(root, op.target());
        // The folders held are asked again every batch of renames whether they are still in
        // place; one that is not is left to the paths, which refuse a link on the way.
        if n % SYNC_BATCH == 0 {
            for (f, ok) in folders.iter().zip(in_place.iter_mut()) {
                *ok = *ok && f.still_there();
            }
        }
        if let Op::Create {
            target: rel, temp, ..
        } = op
        {
            let dir = folders
                .iter()
                .zip(&in_place)
                .find(|(f, ok)| **ok && f.rel == folder(rel));
            if dir.is_some_and(|(d, _)| d.rename_new(file_name(temp), file_name(rel))) {
                done.written.push(target);
                continue;
            }
        }
        // Past the commit point, a link in the way is a file the journal cannot finish with,
        // not a refusal before anything was written.
        let seen = look(root, &target).map_err(|e| match e {
            DiskError::Link(l) => stuck(l.path),
            other => other,
        })?;
        match op {
            Op::Create { temp, new, .. } | Op::Replace { temp, new, .. } => {
                let temp = under(root, temp);
                let now = hash_of(&target, seen)?;
                if now == Some(*new) {
                    // Already in place (a roll-forward after the rename).
                    if fs::symlink_metadata(&temp).is_ok() {
                        fs::remove_file(&temp).map_err(DiskError::io(&target))?;
                    }
                } else {
                    let may = match op {
                        Op::Replace { old, .. } => now == Some(*old),
                        _ => now.is_none(),
                    };
                    if !may || !fs::symlink_metadata(&temp).is_ok_and(|m| m.is_file()) {
                        return Err(stuck(target));
                    }
                    fs::rename(&temp, &target).map_err(DiskError::io(&target))?;
                }
                done.written.push(target);
            }
            Op::Rename { from, .. } => {
                let from = under(root, from);
                match (look(root, &from)?.is_some(), seen.is_some()) {
                    (true, false) => {
                        fs::rename(&from, &target).map_err(DiskError::io(&from))?;
                    }
                    (false, true) => {}
                    _ => return Err(stuck(target)),
                }
                done.written.push(target);
            }
            Op::Delete { old, .. } => match hash_of(&target, seen)? {
                None => done.removed.push(target),
                Some(h) if h == *old => {
                    fs::remove_file(&target).map_err(DiskError::io(&target))?;
                    done.removed.push(target);
                }
                Some(_) => return Err(stuck(target)),
            },
        }
    }
    Ok(done)
}

/// The work is on disk: make the renames durable, then remove the journal.
fn finish(root: &Path, ops: &[Op]) -> Result<(), DiskError> {
    for d in folders(root, ops) {
        sync_dir(&d);
    }
    let journal = root.join(JOURNAL);
    fs::remove_file(&journal).map_err(DiskError::io(&journal))?;
    sync_dir(root);
    Ok(())
}

/// A failure past the commit point: the journal waits, and the words say so (not "nothing was
/// written").
fn halfway(e: DiskError) -> DiskError {
    match e {
        DiskError::Io { path, source } => DiskError::Halfway { path, source },
        other => other,
    }
}

/// A command finished for an earlier one that was stopped.
#[derive(Debug, Clone)]
pub struct Recovered {
    /// The interrupted command (`import`).
    pub command: String,
    /// What it wrote and removed.
    pub done: Done,
}

/// The commands that write a journal: a journal naming any other (`check`) was not written by
/// this program.
const WRITERS: [&str; 5] = ["init", "add", "remove", "fix", "import"];

fn read_journal(path: &Path) -> Result<(String, Vec<Op>), DiskError> {
    let bad = |vi: &str, en: &str| DiskError::BadJournal {
        path: path.to_path_buf(),
        why: crate::diag::Msg::new(vi, en),
    };
    let meta = fs::symlink_metadata(path).map_err(DiskError::io(path))?;
    if !meta.is_file() {
        return Err(bad("không phải tệp thường", "not a regular file"));
    }
    if meta.len() > MAX_JOURNAL_BYTES {
        return Err(bad("quá lớn", "too large"));
    }
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| f.take(MAX_JOURNAL_BYTES).read_to_end(&mut bytes))
        .map_err(DiskError::io(path))?;
    let text =
        String::from_utf8(bytes).map_err(|_| bad("không phải văn bản UTF-8", "not UTF-8"))?;
    let mut lines = text.lines();
    if lines.next() != Some(MAGIC) {
        return Err(bad(
            "dòng đầu không phải của chương trình này",
            "unknown first line",
        ));
    }
    let command = lines
        .next()
        .and_then(|l| l.strip_prefix("command\t"))
        .filter(|c| WRITERS.contains(c))
        .ok_or_else(|| {
            bad(
                "không ghi lệnh nào của chương trình này",
                "no command of this program",
            )
        })?
        .to_owned();
    let mut ops = Vec::new();
    let mut ended = false;
    for (n, line) in lines.enumerate() {
        if ended {
            return Err(bad("có chữ sau dòng kết thúc", "text after the end line"));
        }
        if line == "end" {
            ended = true;
            continue;
        }
        ops.push(
            Op::parse(line)
                .filter(|op| allowed(&command, op))
                .ok_or_else(|| {
                    bad(
                        &format!("dòng {} không phải một thao tác của lệnh {command}", n + 3),
                        &format!("line {} is not an operation of {command}", n + 3),
                    )
                })?,
        );
    }
    if !ended {
        return Err(bad("thiếu dòng kết thúc (chưa ghi xong)", "no end line"));
    }
    Ok((command, ops))
}

/// Whether `command` writes operations like `op`: only `fix` renames, and only within one
/// folder (a name made clean or NFC): a planted journal made `check` move `to-trinh.yaml` into
/// `dinh-kem/`.
fn allowed(command: &str, op: &Op) -> bool {
    match op {
        Op::Rename { from, target } => command == "fix" && folder(from) == folder(target),
        _ => true,
    }
}

/// Finish the command a kill interrupted after its commit point, if there is one: the dossier
/// is then as that command would have left it. The caller holds the dossier for writing.
pub fn recover(root: &Path) -> Result<Option<Recovered>, DiskError> {
    let journal = root.join(JOURNAL);
    if fs::symlink_metadata(&journal).is_err() {
        return Ok(None);
    }
    refuse_links(root, &journal)?;
    let (command, ops) = read_journal(&journal)?;
    // Some of the work may be done already, and what fails now is still in the journal: a
    // read-only dossier was said to have had "nothing written".
    let done = apply(root, &ops, &command, &[]).map_err(halfway)?;
    finish(root, &ops).map_err(halfway)?;
    Ok(Some(Recovered { command, done }))
}

/// Whether an interrupted command's journal is waiting in `root`.
#[must_use]
pub fn pending(root: &Path) -> bool {
    fs::symlink_metadata(root.join(JOURNAL)).is_ok()
}

/// The folders a command stages its files in, relative to the dossier: the dossier folder
/// itself and `bao-cao/`.
const STAGING_FOLDERS: [&str; 2] = ["", "bao-cao"];

fn staging_folders(root: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    STAGING_FOLDERS.iter().map(move |f| {
        if f.is_empty() {
            root.to_path_buf()
        } else {
            root.join(f)
        }
    })
}

/// Whether `name`, found in the dossier's folder `folder` (relative, `""` for the dossier
/// itself), is a staged file a stopped command may have left: what [`staged_left`] looks for,
/// for a caller that lists the folders anyway (`check`).
#[must_use]
pub fn is_staged(folder: &str, name: &str) -> bool {
    STAGING_FOLDERS.contains(&folder) && is_staged_name(name)
}

/// Whether staged files of a stopped command may be in `root` or its `bao-cao/`.
#[must_use]
pub fn staged_left(root: &Path) -> bool {
    staging_folders(root).any(|dir| {
        fs::read_dir(dir).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_str().is_some_and(is_staged_name))
        })
    })
}

/// Remove the staged files of commands stopped before their commit point (and of earlier
/// versions of this program), in the dossier folder and `bao-cao/`; the files removed. Only
/// when no journal waits (it may name them), and by a command holding the dossier for
/// writing (so no live command owns them).
pub fn clean(root: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    if pending(root) {
        return removed;
    }
    for dir in staging_folders(root) {
        if refuse_links(root, &dir).is_err() {
            continue;
        }
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let Some(name) = name.to_str() else { continue };
            let regular = e.file_type().is_ok_and(|t| t.is_file());
            if regular && is_staged_name(name) && fs::remove_file(e.path()).is_ok() {
                removed.push(e.path());
            }
        }
    }
    removed
}

#[cfg(test)]
mod tests;
