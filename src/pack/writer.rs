//! Writing the bundle: a zip whose bytes depend only on the dossier.
//!
//! Same dossier, same bytes, whatever the clock, the machine or the order the file system lists
//! files in: entries in a fixed order (the cover list, the dossier's files sorted by path, the
//! manifest last), every timestamp set to the proposal's date, permissions 0644, a fixed
//! compression level. Files that are already compressed (PDF, JPEG, PNG, judged by their bytes)
//! are stored; text is deflated.
//!
//! Each file is read once, streamed into the zip while it is hashed, so memory stays small
//! however large the scans. The zip is written to a temporary file beside the target and
//! renamed into place only when complete: on any failure the temporary file is removed, and an
//! interrupted run never leaves a file under the bundle's name.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::manifest::{self, Entry};
use crate::date::Date;
use crate::rules::{sniff, Sniffed};

/// Temporary files being written, so an interrupted pack can remove them (see
/// [`remove_partial_files`]). A process-wide list because a signal handler has no other way in.
static PARTIAL: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Remove the temporary files of packs in progress. Called on Ctrl-C or a terminating signal,
/// before the process exits, so an interrupted pack leaves nothing behind.
pub fn remove_partial_files() {
    if let Ok(mut list) = PARTIAL.lock() {
        for p in list.drain(..) {
            let _ = std::fs::remove_file(p);
        }
    }
}

fn track(path: &Path, on: bool) {
    if let Ok(mut list) = PARTIAL.lock() {
        if on {
            list.push(path.to_path_buf());
        } else {
            list.retain(|p| p != path);
        }
    }
}

/// Name of the cover list inside the bundle.
pub const COVER: &str = "DANH-MUC.pdf";

/// Why a bundle could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The target exists and `--force` was not given.
    #[error("{0} already exists")]
    Exists(PathBuf),
    /// Reading a dossier file or writing the bundle failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The zip library refused.
    #[error("zip: {0}")]
    Zip(#[from] zip::result::ZipError),
}

/// Progress of the bytes written, for a progress bar.
pub trait Progress {
    /// `n` more bytes of dossier files were read.
    fn advance(&self, n: u64);
    /// One more file is done.
    fn file_done(&self);
}

/// No progress shown.
pub struct Silent;

impl Progress for Silent {
    fn advance(&self, _: u64) {}
    fn file_done(&self) {}
}

/// What was written.
#[derive(Debug)]
pub struct Written {
    /// The bundle.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// The manifest's entries.
    pub entries: Vec<Entry>,
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Entry options: fixed time and permissions, stored or deflated.
fn options(date: Date, stored: bool, size: u64) -> SimpleFileOptions {
    // DOS time cannot say anything before 1980; a dossier date that early is an error anyway.
    let (y, m, d) = if date.year < 1980 {
        (1980, 1, 1)
    } else {
        (date.year, date.month, date.day)
    };
    let time = zip::DateTime::from_date_and_time(y, m, d, 0, 0, 0).unwrap_or_default();
    let base = SimpleFileOptions::default()
        .last_modified_time(time)
        .unix_permissions(0o644)
        .large_file(size >= 0xFFFF_FFFF);
    if stored {
        base.compression_method(CompressionMethod::Stored)
    } else {
        base.compression_method(CompressionMethod::Deflated)
            .compression_level(Some(6))
    }
}

fn already_compressed(head: &[u8]) -> bool {
    matches!(sniff(head), Sniffed::Pdf | Sniffed::Jpeg | Sniffed::Png)
}

/// Reads a file while hashing it and reporting progress.
struct Tee<'a, R> {
    inner: R,
    hash: Sha256,
    size: u64,
    progress: &'a dyn Progress,
}

impl<R: Read> Read for Tee<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        self.size += n as u64;
        self.progress.advance(n as u64);
        Ok(n)
    }
}

/// Lowercase hex, as `sha256sum` writes a digest.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Write the bundle at `target`: the cover list, then `files` (path in bundle, file on disk),
/// then the manifest.
pub fn write(
    target: &Path,
    force: bool,
    date: Date,
    cover: &[u8],
    files: &[(String, PathBuf)],
    progress: &dyn Progress,
) -> Result<Written, WriteError> {
    if target.exists() && !force {
        return Err(WriteError::Exists(target.to_path_buf()));
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    let tmp = tempfile::Builder::new()
        .prefix(".dossier-pack-")
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(io_err(dir))?;
    let partial = tmp.path().to_path_buf();
    track(&partial, true);
    let result = fill_and_persist(tmp, target, force, date, cover, files, progress);
    track(&partial, false);
    result
}

fn fill_and_persist(
    tmp: tempfile::NamedTempFile,
    target: &Path,
    force: bool,
    date: Date,
    cover: &[u8],
    files: &[(String, PathBuf)],
    progress: &dyn Progress,
) -> Result<Written, WriteError> {
    let mut zip = ZipWriter::new(BufWriter::with_capacity(256 * 1024, tmp.as_file()));
    let mut entries = Vec::with_capacity(files.len() + 1);

    zip.start_file(COVER, options(date, true, cover.len() as u64))?;
    zip.write_all(cover).map_err(io_err(target))?;
    entries.push(Entry {
        path: COVER.to_owned(),
        size: cover.len() as u64,
        sha256: hex(&Sha256::digest(cover)),
    });

    let mut sorted: Vec<&(String, PathBuf)> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    sorted.dedup_by(|a, b| a.0 == b.0);
    for (name, path) in sorted {
        let mut file = File::open(path).map_err(io_err(path))?;
        let size = file.metadata().map_err(io_err(path))?.len();
        let mut head = [0u8; 16];
        let mut got = 0;
        while got < head.len() {
            let n = file.read(&mut head[got..]).map_err(io_err(path))?;
            if n == 0 {
                break;
            }
            got += n;
        }
        zip.start_file(
            name.as_str(),
            options(date, already_compressed(&head[..got]), size),
        )?;
        let mut tee = Tee {
            inner: head[..got].chain(file),
            hash: Sha256::new(),
            size: 0,
            progress,
        };
        io::copy(&mut tee, &mut zip).map_err(io_err(path))?;
        entries.push(Entry {
            path: name.clone(),
            size: tee.size,
            sha256: hex(&tee.hash.finalize()),
        });
        progress.file_done();
    }

    let text = manifest::render(&entries);
    zip.start_file(manifest::NAME, options(date, false, text.len() as u64))?;
    zip.write_all(text.as_bytes()).map_err(io_err(target))?;
    let mut buffered = zip.finish()?;
    buffered.flush().map_err(io_err(target))?;
    drop(buffered);
    // A temporary file is created private (0600); the bundle is an ordinary document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(io_err(target))?;
    }
    tmp.as_file().sync_all().map_err(io_err(target))?;
    let size = tmp.as_file().metadata().map_err(io_err(target))?.len();
    let persisted = if force {
        tmp.persist(target)
    } else {
        tmp.persist_noclobber(target)
    };
    persisted.map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            WriteError::Exists(target.to_path_buf())
        } else {
            WriteError::Io {
                path: target.to_path_buf(),
                source: e.error,
            }
        }
    })?;
    Ok(Written {
        path: target.to_path_buf(),
        size,
        entries,
    })
}
