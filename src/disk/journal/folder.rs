//! A folder a transaction makes new files in, looked up once and held while the transaction
//! lives.
//!
//! `import` stages thousands of reports in `bao-cao/`. Looking each one up from the dossier's
//! path walked every component of that path again, six times a report (a look before staging,
//! before the commit point, before the rename, and the staged file's own), and a folder swapped
//! for a link between those looks would have sent the write elsewhere (#21). On Linux the
//! folder is opened once, not through a link, and every look, create and rename of a new file
//! is made relative to that handle: one component each, in the very folder that was checked,
//! and the rename refuses to replace anything (`RENAME_NOREPLACE`) instead of being preceded
//! by two looks. Elsewhere the same calls take the folder's path.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use super::DiskError;

/// One folder of the dossier (the dossier itself or `bao-cao/`), checked for links once.
#[derive(Debug)]
pub(super) struct Folder {
    /// Relative to the dossier, `/`-separated (`""` for the dossier itself).
    pub(super) rel: String,
    /// Where it is, as the dossier's path was given.
    pub(super) path: PathBuf,
    #[cfg(target_os = "linux")]
    fd: rustix::fd::OwnedFd,
}

impl Folder {
    /// The folder `rel` (`""` or one name) of the dossier in `root`: refused if it, or a folder
    /// between, is a link (the dossier folder itself may be reached through one).
    pub(super) fn open(root: &Path, rel: &str) -> Result<Folder, DiskError> {
        let path = super::under(root, rel);
        if !rel.is_empty() {
            super::refuse_links(root, &path)?;
        }
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::{Mode, OFlags, CWD};
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let fail = |e: rustix::io::Errno| DiskError::io(&path)(e.into());
            let mut fd = rustix::fs::openat(CWD, root, flags, Mode::empty()).map_err(fail)?;
            // Each name below the dossier folder without following a link: a link put in
            // place since the check above is refused, not entered.
            for part in rel.split('/').filter(|p| !p.is_empty()) {
                fd = rustix::fs::openat(&fd, part, flags | OFlags::NOFOLLOW, Mode::empty())
                    .map_err(fail)?;
            }
            Ok(Folder {
                rel: rel.to_owned(),
                path,
                fd,
            })
        }
        #[cfg(not(target_os = "linux"))]
        Ok(Folder {
            rel: rel.to_owned(),
            path,
        })
    }

    /// Whether anything (a file, a folder, a link, followed or not) is at `name` in the
    /// folder; an entry that cannot be looked at counts as there.
    pub(super) fn holds(&self, name: &str) -> bool {
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::AtFlags;
            !matches!(
                rustix::fs::statat(&self.fd, name, AtFlags::SYMLINK_NOFOLLOW),
                Err(rustix::io::Errno::NOENT)
            )
        }
        #[cfg(not(target_os = "linux"))]
        !matches!(std::fs::symlink_metadata(self.path.join(name)), Err(e) if e.kind() == io::ErrorKind::NotFound)
    }

    /// Whether the folder's path still leads to the folder held, itself and not through a
    /// link: one moved away (and another, or a link, put in its place) after it was opened
    /// would receive the new files outside the dossier.
    pub(super) fn still_there(&self) -> bool {
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::{AtFlags, FileType, CWD};
            // The dossier folder itself may be reached through a link (a clerk's shortcut).
            let follow = if self.rel.is_empty() {
                AtFlags::empty()
            } else {
                AtFlags::SYMLINK_NOFOLLOW
            };
            let (Ok(held), Ok(now)) = (
                rustix::fs::fstat(&self.fd),
                rustix::fs::statat(CWD, &self.path, follow),
            ) else {
                return false;
            };
            FileType::from_raw_mode(now.st_mode) == FileType::Directory
                && (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino)
        }
        #[cfg(not(target_os = "linux"))]
        true
    }

    /// The length of `name` in the folder, if it is a regular file (not followed).
    pub(super) fn file_len(&self, name: &str) -> Option<u64> {
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::{AtFlags, FileType};
            let st = rustix::fs::statat(&self.fd, name, AtFlags::SYMLINK_NOFOLLOW).ok()?;
            (FileType::from_raw_mode(st.st_mode) == FileType::RegularFile)
                .then(|| u64::try_from(st.st_size).unwrap_or(u64::MAX))
        }
        #[cfg(not(target_os = "linux"))]
        {
            let m = std::fs::symlink_metadata(self.path.join(name)).ok()?;
            m.is_file().then(|| m.len())
        }
    }

    /// A new file `name` in the folder, for writing; it must not exist (not even as a link).
    /// As any file the clerk saves: 0666 less the umask (a temporary file's 0600 would hide a
    /// dossier from colleagues on a shared folder).
    pub(super) fn create_new(&self, name: &str) -> io::Result<File> {
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::{Mode, OFlags};
            let fd = rustix::fs::openat(
                &self.fd,
                name,
                OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
                Mode::from_raw_mode(0o666),
            )?;
            Ok(File::from(fd))
        }
        #[cfg(not(target_os = "linux"))]
        {
            let mut o = std::fs::OpenOptions::new();
            o.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                o.mode(0o666);
            }
            o.open(self.path.join(name))
        }
    }

    /// Rename `from` to `to` within the folder only if nothing is at `to`: true when done.
    /// False when it could not be done that way (something at `to`, `from` gone, or a file
    /// system or system without the call): the caller then judges the two files by their
    /// hashes, as a roll-forward does.
    pub(super) fn rename_new(&self, from: &str, to: &str) -> bool {
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::RenameFlags;
            rustix::fs::renameat_with(&self.fd, from, &self.fd, to, RenameFlags::NOREPLACE).is_ok()
        }
        #[cfg(not(target_os = "linux"))]
        {
            let _ = (from, to);
            false
        }
    }

    /// Make every file written on the folder's file system durable at once (Linux's `syncfs`):
    /// one call where a `sync_all` per file cost a journal commit each. `None` where the call
    /// does not exist (elsewhere, or a kernel or sandbox without it): the caller then syncs
    /// each file. An error of the call itself is the disk's (a write that failed), and stops
    /// the commit: syncing the files again would not see it.
    pub(super) fn sync_file_system(&self) -> Option<io::Result<()>> {
        #[cfg(target_os = "linux")]
        {
            match rustix::fs::syncfs(&self.fd) {
                Err(rustix::io::Errno::NOSYS) => None,
                r => Some(r.map_err(io::Error::from)),
            }
        }
        #[cfg(not(target_os = "linux"))]
        None
    }
}
