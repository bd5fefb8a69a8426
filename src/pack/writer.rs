//! Writing the bundle: a zip whose bytes depend only on the dossier.
//!
//! Same dossier, same bytes, whatever the clock, the machine or the order the file system lists
//! files in: entries in a fixed order (the cover list, the dossier's files sorted by path, the
//! manifest last), every timestamp set to the proposal's date, permissions 0644, a fixed
//! compression level. Files that are already compressed (PDF, JPEG, PNG, judged by their bytes)
//! are stored; text is deflated.
//!
//! The YAML files travel as the very bytes the check parsed; every other file is read once,
//! streamed into the zip while it is hashed, so memory stays small however large the scans, and
//! a file that is not as the check saw it (its [`Stamp`] moved, or its bytes are not those
//! hashed at the check: see `seen.rs`) stops the pack. The zip is written to a temporary file in
//! a staging folder beside the target ([`Partial`], [`Staging`]) and renamed into place only when
//! complete and accepted: on any failure the staging folder is removed, an interrupted run never
//! leaves a file under the bundle's name, and a killed run's staging folder is swept by the next
//! pack into the same folder. A read error names the dossier file, a write error the bundle.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::digest::hex;
use super::manifest::{self, Entry};
use super::seen::Stamp;
use crate::date::Date;
use crate::disk::cleanup::{self, Staging};
use crate::dossier::files::{sniff, Sniffed};

/// Name of the cover list inside the bundle.
pub const COVER: &str = "DANH-MUC.pdf";

/// Why a bundle could not be written. [`WriteError::msg`] (in `words.rs`) words it.
#[derive(Debug)]
pub enum WriteError {
    /// The target exists and `--force` was not given.
    Exists(PathBuf),
    /// Reading a dossier file failed.
    Read {
        /// The dossier file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// Writing the bundle failed (a full disk, a size limit, no permission).
    Output {
        /// The bundle being written.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// A dossier file changed while it was packed: what would be written is not what was
    /// checked.
    Changed(PathBuf),
    /// The zip library refused for another reason than the output's I/O.
    Zip(zip::result::ZipError),
}

impl WriteError {
    fn zip(target: &Path) -> impl FnOnce(zip::result::ZipError) -> WriteError + '_ {
        move |e| match e {
            zip::result::ZipError::Io(source) => WriteError::Output {
                path: target.to_path_buf(),
                source,
            },
            e => WriteError::Zip(e),
        }
    }
}

/// Progress of the bytes written, for a progress bar.
pub trait Progress {
    /// What the bundle will hold, once known: the bytes and the number of dossier files that
    /// travel. Before it, a bar can only guess from the whole folder, whose files nothing names
    /// stay behind (a 150 MB scan left out kept the bar near empty to the end).
    fn begin(&self, _bytes: u64, _files: u64) {}
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

fn read_err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Read {
        path: path.to_path_buf(),
        source,
    }
}

fn out_err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Output {
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
        // Unix whatever machine packs it: the same dossier, the same bytes (#23).
        .system(zip::System::Unix)
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

/// One file of the dossier to pack: its path in the bundle, on disk, and what the check saw.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path inside the bundle.
    pub name: String,
    /// The file on disk (named in messages).
    pub path: PathBuf,
    /// Its size when it was checked.
    pub size: u64,
    /// The file's stamp at the check's first look (None: it was not a regular file then).
    pub seen: Option<Stamp>,
    /// Where its bytes come from.
    pub origin: Origin,
}

/// Where a file's bytes come from.
#[derive(Debug, Clone)]
pub enum Origin {
    /// The bytes the check parsed (a YAML file), held since.
    Held(Vec<u8>),
    /// The disk, which must still hold what the check saw.
    Disk {
        /// Its SHA-256 at the check's look, when it had just changed.
        sha256: Option<String>,
    },
}

/// A bundle written to its temporary file, not yet in place: [`Partial::persist`] renames it
/// to the target; dropped, it is removed with its staging folder.
pub struct Partial {
    // Dropped in this order: the temporary file, then the folder that held it.
    tmp: Option<tempfile::NamedTempFile>,
    _stage: Staging,
    path: PathBuf,
    size: u64,
    entries: Vec<Entry>,
}

impl Partial {
    /// The temporary file, for a last look before it is put in place.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Make the written bytes durable (before [`Partial::persist`]: a bundle renamed into place
    /// before its bytes reached the disk could be found empty after a power cut). `pack` runs it
    /// beside the read-back, which reads the same bytes from memory meanwhile.
    ///
    /// # Errors
    /// The disk refused to flush the file.
    pub fn sync(&self, target: &Path) -> Result<(), WriteError> {
        match &self.tmp {
            Some(tmp) => tmp.as_file().sync_all().map_err(out_err(target)),
            None => Err(WriteError::Changed(self.path.clone())),
        }
    }

    /// Put the bundle in place (replacing the target only with `force`).
    pub fn persist(mut self, target: &Path, force: bool) -> Result<Written, WriteError> {
        let Some(tmp) = self.tmp.take() else {
            return Err(WriteError::Changed(self.path.clone()));
        };
        let persisted = if force {
            tmp.persist(target)
        } else {
            tmp.persist_noclobber(target)
        };
        persisted.map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                WriteError::Exists(target.to_path_buf())
            } else {
                WriteError::Output {
                    path: target.to_path_buf(),
                    source: e.error,
                }
            }
        })?;
        Ok(Written {
            path: target.to_path_buf(),
            size: self.size,
            entries: std::mem::take(&mut self.entries),
        })
    }
}

/// Write the bundle for `target` into a temporary file beside it: the cover list, then
/// `files`, then the manifest.
pub fn write(
    target: &Path,
    force: bool,
    date: Date,
    cover: &[u8],
    files: &[Source],
    meta: &manifest::Meta,
    progress: &dyn Progress,
) -> Result<Partial, WriteError> {
    if target.exists() && !force {
        return Err(WriteError::Exists(target.to_path_buf()));
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    // What a killed pack into this folder left behind goes first.
    cleanup::sweep(dir, "pack");
    let stage = Staging::new(dir, "pack").map_err(out_err(target))?;
    let tmp = tempfile::Builder::new()
        .prefix("goi-")
        .suffix(".partial")
        .tempfile_in(stage.path())
        .map_err(out_err(target))?;
    let path = tmp.path().to_path_buf();
    let mut partial = Partial {
        tmp: None,
        _stage: stage,
        path,
        size: 0,
        entries: Vec::new(),
    };
    let (size, entries) = fill(&tmp, target, date, cover, files, meta, progress)?;
    partial.tmp = Some(tmp);
    partial.size = size;
    partial.entries = entries;
    Ok(partial)
}

/// Put one file into the zip, hashing it: the bytes held for a YAML file, a file on disk
/// streamed. Fails if the file on disk is not what the check saw.
fn copy_checked<W: Write + io::Seek>(
    zip: &mut ZipWriter<W>,
    src: &Source,
    date: Date,
    target: &Path,
    progress: &dyn Progress,
) -> Result<Entry, WriteError> {
    let checked_sha = match &src.origin {
        Origin::Held(bytes) => {
            let head = bytes.get(..16).unwrap_or(bytes);
            zip.start_file(
                src.name.as_str(),
                options(date, already_compressed(head), bytes.len() as u64),
            )
            .map_err(WriteError::zip(target))?;
            zip.write_all(bytes).map_err(out_err(target))?;
            progress.advance(bytes.len() as u64);
            return Ok(Entry {
                path: src.name.clone(),
                size: bytes.len() as u64,
                sha256: hex(&Sha256::digest(bytes)),
            });
        }
        Origin::Disk { sha256 } => sha256,
    };
    let path = &src.path;
    // Gone since the check: the dossier changed, which is not a fault of the disk.
    let gone = |e: io::Error| {
        if e.kind() == io::ErrorKind::NotFound {
            WriteError::Changed(path.clone())
        } else {
            read_err(path)(e)
        }
    };
    // Not a regular file at the check's look: never opened (a pipe would block the open).
    let Some(seen) = src.seen else {
        return Err(WriteError::Changed(path.clone()));
    };
    let mut file = File::open(path).map_err(gone)?;
    let before = file.metadata().map_err(read_err(path))?;
    // Written, touched or replaced since the check looked at it.
    if !before.is_file() || Stamp::of(&before) != seen || seen.size() != src.size {
        return Err(WriteError::Changed(path.clone()));
    }
    let mut head = [0u8; 16];
    let mut got = 0;
    while got < head.len() {
        let n = file.read(&mut head[got..]).map_err(read_err(path))?;
        if n == 0 {
            break;
        }
        got += n;
    }
    zip.start_file(
        src.name.as_str(),
        options(date, already_compressed(&head[..got]), src.size),
    )
    .map_err(WriteError::zip(target))?;
    let mut tee = Tee {
        inner: head[..got].chain(&mut file),
        hash: Sha256::new(),
        size: 0,
        progress,
    };
    // Read and write apart, so that a full disk is blamed on the bundle, not on the scan.
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = tee.read(&mut buf).map_err(read_err(path))?;
        if n == 0 {
            break;
        }
        zip.write_all(&buf[..n]).map_err(out_err(target))?;
    }
    let (streamed, sha256) = (tee.size, hex(&tee.hash.finalize()));
    // After the last byte: through the handle (written while read) and by the path (replaced
    // by another file while read).
    let after = Stamp::of(&file.metadata().map_err(read_err(path))?);
    let now = Stamp::of(&std::fs::metadata(path).map_err(gone)?);
    let other_bytes = checked_sha.as_ref().is_some_and(|h| *h != sha256);
    if streamed != src.size || after != seen || now != seen || other_bytes {
        return Err(WriteError::Changed(path.clone()));
    }
    Ok(Entry {
        path: src.name.clone(),
        size: streamed,
        sha256,
    })
}

/// Whether a file on disk is still as the check saw it: the same stamp and, for a YAML file,
/// the very bytes held (a few MiB at most, so compared whole: no clock tick can hide a change).
fn still_as_seen(src: &Source) -> Result<(), WriteError> {
    let changed = || WriteError::Changed(src.path.clone());
    let now = std::fs::metadata(&src.path).map_err(|_| changed())?;
    if src.seen != Some(Stamp::of(&now)) {
        return Err(changed());
    }
    if let Origin::Held(held) = &src.origin {
        let file = File::open(&src.path).map_err(|_| changed())?;
        let mut disk = Vec::with_capacity(held.len());
        file.take(held.len() as u64 + 1)
            .read_to_end(&mut disk)
            .map_err(read_err(&src.path))?;
        if disk != *held {
            return Err(changed());
        }
    }
    Ok(())
}

/// The output, remembering its first write error and swallowing every write after it: when
/// `finish` fails, the zip library's drop tries once more to finish the archive and would print
/// a line of its own; the error has already been returned and is reported once, by the caller.
struct Sticky<W> {
    inner: W,
    failed: bool,
}

impl<W: Write> Write for Sticky<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.failed {
            return Ok(buf.len());
        }
        self.inner.write(buf).inspect_err(|_| self.failed = true)
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.failed {
            return Ok(());
        }
        self.inner.flush().inspect_err(|_| self.failed = true)
    }
}

impl<W: io::Seek> io::Seek for Sticky<W> {
    fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64> {
        self.inner.seek(pos)
    }
}

fn fill(
    tmp: &tempfile::NamedTempFile,
    target: &Path,
    date: Date,
    cover: &[u8],
    files: &[Source],
    meta: &manifest::Meta,
    progress: &dyn Progress,
) -> Result<(u64, Vec<Entry>), WriteError> {
    // Never dropped unfinished: on a failure, the zip library's drop would try to finish the
    // archive on the failing disk and print its own line to stderr. The buffer it holds is
    // left to the process's exit.
    let mut zip = std::mem::ManuallyDrop::new(ZipWriter::new(BufWriter::with_capacity(
        256 * 1024,
        Sticky {
            inner: tmp.as_file(),
            failed: false,
        },
    )));
    let mut entries = Vec::with_capacity(files.len() + 1);

    zip.start_file(COVER, options(date, true, cover.len() as u64))
        .map_err(WriteError::zip(target))?;
    zip.write_all(cover).map_err(out_err(target))?;
    entries.push(Entry {
        path: COVER.to_owned(),
        size: cover.len() as u64,
        sha256: hex(&Sha256::digest(cover)),
    });

    let mut sorted: Vec<&Source> = files.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    sorted.dedup_by(|a, b| a.name == b.name);
    for src in &sorted {
        entries.push(copy_checked(&mut zip, src, date, target, progress)?);
        progress.file_done();
    }
    // Every file once more, all streamed: one changed after its turn came is caught too, until
    // the last byte of the last scan.
    for src in &sorted {
        still_as_seen(src)?;
    }

    let text = manifest::render_with(&entries, meta);
    zip.start_file(manifest::NAME, options(date, false, text.len() as u64))
        .map_err(WriteError::zip(target))?;
    zip.write_all(text.as_bytes()).map_err(out_err(target))?;
    let mut buffered = std::mem::ManuallyDrop::into_inner(zip)
        .finish()
        .map_err(WriteError::zip(target))?;
    buffered.flush().map_err(out_err(target))?;
    drop(buffered);
    // A temporary file is created private (0600); the bundle is an ordinary document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(out_err(target))?;
    }
    let size = tmp.as_file().metadata().map_err(out_err(target))?.len();
    Ok((size, entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rewrite within the clock tick of the change before it moves no timestamp: the stamp
    /// the check took then equals the file's after the rewrite. The SHA-256 taken at the check's
    /// look (a file that had just changed) still refuses it.
    #[test]
    fn a_rewrite_that_moves_no_timestamp_is_caught_by_the_hash() {
        let t = tempfile::tempdir().unwrap();
        let scan = t.path().join("scan.pdf");
        std::fs::write(&scan, b"%PDF-1.4 checked bytes").unwrap();
        let checked = hex(&Sha256::digest(b"%PDF-1.4 checked bytes"));
        std::fs::write(&scan, b"%PDF-1.4 other!! bytes").unwrap();
        // As if nothing had moved: the stamp is the file's as it is now.
        let now = Stamp::of(&std::fs::metadata(&scan).unwrap());
        let src = |sha256: Option<String>| Source {
            name: "scan.pdf".into(),
            path: scan.clone(),
            size: 22,
            seen: Some(now),
            origin: Origin::Disk { sha256 },
        };
        let date = Date {
            year: 2026,
            month: 1,
            day: 1,
        };
        let target = t.path().join("goi.zip");
        let got = write(
            &target,
            false,
            date,
            b"%PDF",
            &[src(Some(checked))],
            &manifest::Meta::default(),
            &Silent,
        );
        assert!(matches!(got, Err(WriteError::Changed(p)) if p == scan));
        // Nothing left beside the target: the staging folder went with the failure.
        assert_eq!(std::fs::read_dir(t.path()).unwrap().count(), 1);
        // The hash of the bytes there: packed.
        let same = hex(&Sha256::digest(b"%PDF-1.4 other!! bytes"));
        assert!(write(
            &target,
            false,
            date,
            b"%PDF",
            &[src(Some(same))],
            &manifest::Meta::default(),
            &Silent
        )
        .is_ok());
    }
}
