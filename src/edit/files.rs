//! Reading the files an edit starts from, and writing the results as one transaction.
//!
//! The writes of a command are planned here ([`Staged`]) and handed together to
//! [`crate::disk::journal`], which stages them beside their targets, checks every target can be
//! written, and commits all or nothing: after a refusal, a full disk or a kill, the dossier is
//! as before or (once the next command has rolled the journal forward) as after.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::EditError;
use crate::disk::journal::Txn;
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

/// One file the command will write: planned here, staged and committed together by
/// [`commit`] (see [`crate::disk::journal`]).
///
/// It borrows the text it will write: an import's 5,000 reports are held once, by the plan,
/// not copied again for the transaction (#21: 27 MB less).
#[derive(Debug, Clone)]
pub(crate) struct Staged<'a> {
    target: PathBuf,
    contents: &'a str,
    /// For a replaced file: the exact bytes it must still hold when it is replaced.
    expect: Option<Vec<u8>>,
}

/// A new file at `target`.
pub(crate) fn stage_new<'a>(target: &Path, contents: &'a str) -> Result<Staged<'a>, EditError> {
    Ok(Staged {
        target: target.to_path_buf(),
        contents,
        expect: None,
    })
}

/// `original.path` replaced by `contents`, provided it still holds what was read.
pub(crate) fn stage_replace<'a>(
    original: &Loaded,
    contents: &'a str,
) -> Result<Staged<'a>, EditError> {
    Ok(Staged {
        target: original.path.clone(),
        contents,
        expect: Some(
            original
                .disk
                .clone()
                .unwrap_or_else(|| original.raw.as_bytes().to_vec()),
        ),
    })
}

/// Write every planned file of the dossier in `root` as one transaction of `command`, and
/// remove `delete` ((file, the bytes it must still hold)) with them; the files written.
///
/// Every target is checked before anything is written: a new file only where nothing is, a
/// replaced or removed file only if it still holds what was read, is writable and is not a
/// link ([`EditError::Exists`], [`EditError::Changed`], [`EditError::Disk`]). Then all or
/// nothing: see [`crate::disk::journal`].
pub(crate) fn commit(
    root: &Path,
    command: &str,
    staged: Vec<Staged<'_>>,
    delete: &[(PathBuf, Vec<u8>)],
) -> Result<Vec<PathBuf>, EditError> {
    Ok(transaction(root, command, staged, delete)?
        .commit()?
        .written)
}

/// The transaction [`commit`] commits, for a caller with more to add (renames).
pub(crate) fn transaction(
    root: &Path,
    command: &str,
    staged: Vec<Staged<'_>>,
    delete: &[(PathBuf, Vec<u8>)],
) -> Result<Txn, EditError> {
    let mut tx = Txn::new(root, command);
    // New files side by side are staged together, on every core (an import's thousands of
    // reports); the order of the operations is the order given.
    let mut new: Vec<(&Path, &[u8])> = Vec::new();
    for s in &staged {
        match &s.expect {
            None => new.push((&s.target, s.contents.as_bytes())),
            Some(before) => {
                tx.create_all(&new)?;
                new.clear();
                tx.replace(&s.target, before, s.contents.as_bytes())?;
            }
        }
    }
    tx.create_all(&new)?;
    for (path, before) in delete {
        tx.delete(path, before)?;
    }
    Ok(tx)
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
        assert_eq!(
            commit(dir.path(), "test", vec![s], &[]).unwrap(),
            vec![a.clone()]
        );
        assert_eq!(fs::read_to_string(&a).unwrap(), "x: 1\n");
        let s = stage_new(&a, "x: 2\n").unwrap();
        assert!(
            matches!(commit(dir.path(), "test", vec![s], &[]), Err(EditError::Exists(p)) if p == a)
        );
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
        let text = format!("{}x: 2\r\n", loaded.prefix());
        let s = stage_replace(&loaded, &text).unwrap();
        fs::write(&a, "x: 3\n").unwrap();
        assert!(matches!(
            commit(dir.path(), "test", vec![s], &[]),
            Err(EditError::Changed(_))
        ));
        assert_eq!(fs::read_to_string(&a).unwrap(), "x: 3\n");
        let loaded = read(&a).unwrap();
        let s = stage_replace(&loaded, "x: 4\n").unwrap();
        commit(dir.path(), "test", vec![s], &[]).unwrap();
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
        commit(
            dir.path(),
            "test",
            vec![stage_replace(&loaded, "x: 2\n").unwrap()],
            &[],
        )
        .unwrap();
        let mode = fs::metadata(&a).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}
