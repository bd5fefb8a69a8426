//! Reading the files an edit starts from, and writing the results atomically.
//!
//! Writes are staged: every new content goes into a temporary file in the folder of its target
//! first, and only when all of them are written are they renamed into place. A refusal found
//! while staging (a full disk, a folder that cannot be written) then leaves the dossier as it
//! was, and the renames, which do not fail for want of space, follow each other closely.
//! Temporary files start with a dot, so a dossier check run meanwhile does not list them, and
//! they are removed if anything fails before the rename.

use std::fs::{self, File};
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::EditError;
use crate::yaml::decode::{decode, MAX_YAML_BYTES};

/// The UTF-8 byte-order mark, which Windows Notepad writes and which must survive an edit.
const BOM: char = '\u{feff}';

/// A text file as read.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    /// Where it is.
    pub(crate) path: PathBuf,
    /// The whole text, byte-order mark included when there is one.
    pub(crate) raw: String,
    /// The bytes on disk, when they are not `raw` in UTF-8 (a file saved as UTF-16): what the
    /// file must still hold when it is replaced.
    pub(crate) disk: Option<Vec<u8>>,
}

impl Loaded {
    /// The text the YAML parser sees (no byte-order mark); its spans index this.
    pub(crate) fn body(&self) -> &str {
        self.raw.strip_prefix(BOM).unwrap_or(&self.raw)
    }

    /// The byte-order mark, if the file had one, to put back in front of an edited body.
    pub(crate) fn prefix(&self) -> &'static str {
        if self.raw.starts_with(BOM) {
            "\u{feff}"
        } else {
            ""
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> EditError + '_ {
    move |source| EditError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Read a YAML file with the checker's size cap and decoding rules.
pub(crate) fn read(path: &Path) -> Result<Loaded, EditError> {
    let bytes = read_capped(path)?;
    let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
    let text = decode(&bytes).map_err(|problem| EditError::Read {
        path: path.to_path_buf(),
        problem,
    })?;
    let raw = if bom { format!("{BOM}{text}") } else { text };
    Ok(Loaded {
        path: path.to_path_buf(),
        raw,
        disk: None,
    })
}

/// A file saved as UTF-16 (Windows Notepad's "Unicode"), read as text so `dossier fix` can
/// write it back as UTF-8; None when it is not UTF-16 or not valid UTF-16.
pub(crate) fn read_utf16(path: &Path) -> Option<Loaded> {
    let bytes = read_capped(path).ok()?;
    let (big_endian, body) = if let Some(b) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (false, b)
    } else if let Some(b) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (true, b)
    } else {
        match decode(&bytes) {
            Err(crate::yaml::decode::DecodeProblem::Utf16 { big_endian }) => {
                (big_endian, &bytes[..])
            }
            _ => return None,
        }
    };
    if body.len() % 2 != 0 {
        return None;
    }
    let units: Vec<u16> = body
        .chunks_exact(2)
        .map(|p| {
            if big_endian {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        })
        .collect();
    let text = String::from_utf16(&units).ok()?;
    // The text must be text the checker then reads (no NUL or other binary bytes).
    decode(text.as_bytes()).ok()?;
    Some(Loaded {
        path: path.to_path_buf(),
        raw: text,
        disk: Some(bytes),
    })
}

/// The bytes of a file, refusing one larger than any YAML file the checker reads.
pub(crate) fn read_capped(path: &Path) -> Result<Vec<u8>, EditError> {
    let file = File::open(path).map_err(io(path))?;
    let mut bytes = Vec::new();
    file.take(MAX_YAML_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io(path))?;
    if bytes.len() as u64 > MAX_YAML_BYTES {
        return Err(EditError::Read {
            path: path.to_path_buf(),
            problem: crate::yaml::decode::DecodeProblem::TooLarge {
                size: bytes.len() as u64,
            },
        });
    }
    Ok(bytes)
}

/// The first of `<stem>.yaml`, `<stem>.yml` that exists in `dir`.
pub(crate) fn find_yaml(dir: &Path, stem: &str) -> Option<PathBuf> {
    ["yaml", "yml"]
        .iter()
        .map(|ext| dir.join(format!("{stem}.{ext}")))
        .find(|p| p.exists())
}

/// One file waiting to be renamed into place.
pub(crate) struct Staged {
    temp: NamedTempFile,
    target: PathBuf,
    /// For a replaced file: the exact bytes it must still hold when it is replaced.
    expect: Option<Vec<u8>>,
}

/// Write `contents` to a temporary file beside `target`, to create `target` later.
pub(crate) fn stage_new(target: &Path, contents: &str) -> Result<Staged, EditError> {
    let mut b = tempfile::Builder::new();
    b.prefix(".dossier-").suffix(".tmp");
    // A temporary file is private (0600) by default; a dossier file is an ordinary file that
    // colleagues on a shared folder may need to read, so ask for 0666 and let the umask decide,
    // as for any file the clerk saves.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(fs::Permissions::from_mode(0o666));
    }
    let folder = parent(target);
    let temp = b.tempfile_in(folder).map_err(io(folder))?;
    fill(temp, target, contents, None)
}

/// Write `contents` to a temporary file beside `original.path`, to replace it later, provided
/// it still holds what was read.
pub(crate) fn stage_replace(original: &Loaded, contents: &str) -> Result<Staged, EditError> {
    let target = &original.path;
    let folder = parent(target);
    let temp = tempfile::Builder::new()
        .prefix(".dossier-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(io(folder))?;
    // The replacement keeps the permissions of the file it replaces.
    let perms = fs::metadata(target).map_err(io(target))?.permissions();
    temp.as_file().set_permissions(perms).map_err(io(target))?;
    fill(
        temp,
        target,
        contents,
        Some(
            original
                .disk
                .clone()
                .unwrap_or_else(|| original.raw.as_bytes().to_vec()),
        ),
    )
}

fn parent(p: &Path) -> &Path {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

fn fill(
    mut temp: NamedTempFile,
    target: &Path,
    contents: &str,
    expect: Option<Vec<u8>>,
) -> Result<Staged, EditError> {
    // Errors name the file the clerk knows, not the hidden temporary one.
    temp.write_all(contents.as_bytes()).map_err(io(target))?;
    temp.as_file().sync_all().map_err(io(target))?;
    Ok(Staged {
        temp,
        target: target.to_path_buf(),
        expect,
    })
}

/// Rename every staged file into place, in order; the targets written.
///
/// A new file is created only if nothing has appeared at its place meanwhile
/// ([`EditError::Exists`]); a replaced file only if it still holds what was read
/// ([`EditError::Changed`]). Both are checked for every file before the first rename, so a
/// refusal writes nothing.
pub(crate) fn commit(staged: Vec<Staged>) -> Result<Vec<PathBuf>, EditError> {
    for s in &staged {
        match &s.expect {
            None => {
                if s.target.exists() {
                    return Err(EditError::Exists(s.target.clone()));
                }
            }
            Some(before) => {
                if &read_capped(&s.target)? != before {
                    return Err(EditError::Changed(s.target.clone()));
                }
            }
        }
    }
    let mut written = Vec::with_capacity(staged.len());
    for s in staged {
        let target = s.target;
        match s.expect {
            None => match s.temp.persist_noclobber(&target) {
                Ok(_) => {}
                Err(e) if e.error.kind() == ErrorKind::AlreadyExists => {
                    return Err(EditError::Exists(target));
                }
                Err(e) => return Err(io(&target)(e.error)),
            },
            Some(_) => {
                s.temp.persist(&target).map_err(|e| io(&target)(e.error))?;
            }
        }
        written.push(target);
    }
    Ok(written)
}

/// Create a folder (and its parents) for new files.
pub(crate) fn create_dir(dir: &Path) -> Result<(), EditError> {
    fs::create_dir_all(dir).map_err(io(dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staged_files_appear_only_on_commit_and_never_clobber() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.yaml");
        let s = stage_new(&a, "x: 1\n").unwrap();
        assert!(!a.exists());
        assert_eq!(commit(vec![s]).unwrap(), vec![a.clone()]);
        assert_eq!(fs::read_to_string(&a).unwrap(), "x: 1\n");
        let s = stage_new(&a, "x: 2\n").unwrap();
        assert!(matches!(commit(vec![s]), Err(EditError::Exists(p)) if p == a));
        assert_eq!(fs::read_to_string(&a).unwrap(), "x: 1\n");
        // No temporary file is left behind.
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_replaced_file_must_be_unchanged_and_keeps_its_bom() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.yaml");
        fs::write(&a, "\u{feff}x: 1\r\n").unwrap();
        let loaded = read(&a).unwrap();
        assert_eq!(loaded.body(), "x: 1\r\n");
        assert_eq!(loaded.prefix(), "\u{feff}");
        let s = stage_replace(&loaded, &format!("{}x: 2\r\n", loaded.prefix())).unwrap();
        fs::write(&a, "x: 3\n").unwrap();
        assert!(matches!(commit(vec![s]), Err(EditError::Changed(_))));
        assert_eq!(fs::read_to_string(&a).unwrap(), "x: 3\n");
        let loaded = read(&a).unwrap();
        let s = stage_replace(&loaded, "x: 4\n").unwrap();
        commit(vec![s]).unwrap();
        assert_eq!(fs::read_to_string(&a).unwrap(), "x: 4\n");
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.yaml");
        fs::write(&a, "x: 1\n").unwrap();
        fs::set_permissions(&a, fs::Permissions::from_mode(0o640)).unwrap();
        let loaded = read(&a).unwrap();
        commit(vec![stage_replace(&loaded, "x: 2\n").unwrap()]).unwrap();
        let mode = fs::metadata(&a).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}
