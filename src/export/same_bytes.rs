//! The same workbook bytes on every machine (#23).
//!
//! A zip records, in each central directory entry, the system that made it ("version made by",
//! its high byte: 0 MS-DOS, 3 Unix). The zip crate writes the machine it runs on unless told,
//! and `rust_xlsxwriter` does not tell it, so the same list exported on the clerk's Windows and
//! on the office's Linux differed in one byte per entry, and "the same dossier gives the same
//! bytes" did not hold across them. The bundle and the DOCX drafts set the system themselves
//! (`pack::writer`, `draft::docx`); a workbook is made whole in memory and then written, so its
//! entries are set to Unix here, on the bytes, before it is written. Nothing else differs: with
//! the permissions the writer gives (0o600, readable), the zip crate adds no MS-DOS attribute.

/// The signature of a central directory file header.
const CENTRAL: [u8; 4] = *b"PK\x01\x02";
/// The signature of the end of central directory record.
const END: [u8; 4] = *b"PK\x05\x06";
/// The fixed part of a central directory file header.
const HEADER: usize = 46;
/// The fixed part of the end record.
const END_LEN: usize = 22;
/// "Unix" as the high byte of "version made by".
const UNIX: u8 = 3;

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(usize::from(u16::from_le_bytes([s[0], s[1]])))
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    let s = b.get(at..at.checked_add(4)?)?;
    usize::try_from(u32::from_le_bytes([s[0], s[1], s[2], s[3]])).ok()
}

/// Mark every central directory entry of `zip` (a workbook the tool has just made in memory,
/// with no archive comment) as made on Unix. Returns the number of entries seen; a buffer that
/// is not such a zip is left as it is (0).
pub fn made_on_unix(zip: &mut [u8]) -> usize {
    let Some(end) = zip.len().checked_sub(END_LEN) else {
        return 0;
    };
    if zip.get(end..end + 4) != Some(&END[..]) {
        return 0;
    }
    let (Some(count), Some(mut at)) = (u16_at(zip, end + 10), u32_at(zip, end + 16)) else {
        return 0;
    };
    let mut seen = 0;
    while seen < count && at < end && zip.get(at..at + 4) == Some(&CENTRAL[..]) {
        let (Some(name), Some(extra), Some(comment)) = (
            u16_at(zip, at + 28),
            u16_at(zip, at + 30),
            u16_at(zip, at + 32),
        ) else {
            break;
        };
        zip[at + 5] = UNIX;
        seen += 1;
        at += HEADER + name + extra + comment;
    }
    seen
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    use zip::write::SimpleFileOptions;
    use zip::{System, ZipWriter};

    use super::*;

    fn made_by(system: System) -> Vec<u8> {
        let options = SimpleFileOptions::default()
            .unix_permissions(0o600)
            .last_modified_time(zip::DateTime::default())
            .system(system);
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, text) in [("[Content_Types].xml", "<a/>"), ("xl/workbook.xml", "<b/>")] {
            w.start_file(name, options).unwrap();
            w.write_all(text.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_workbook_made_on_windows_gets_the_bytes_made_on_linux() {
        let unix = made_by(System::Unix);
        let mut dos = made_by(System::Dos);
        assert_ne!(dos, unix, "the zip crate no longer differs by system?");
        assert_eq!(made_on_unix(&mut dos), 2);
        assert_eq!(dos, unix);
        // Idempotent.
        assert_eq!(made_on_unix(&mut dos), 2);
        assert_eq!(dos, unix);
    }

    #[test]
    fn what_is_not_such_a_zip_is_left_alone() {
        for bytes in [
            &b""[..],
            b"PK\x05\x06",
            b"not a zip at all, just twenty-two+",
        ] {
            let mut b = bytes.to_vec();
            assert_eq!(made_on_unix(&mut b), 0);
            assert_eq!(b, bytes);
        }
        // An end record pointing past the buffer, or counting more entries than there are.
        let mut z = made_by(System::Dos);
        let end = z.len() - END_LEN;
        z[end + 10] = 0xff;
        assert_eq!(made_on_unix(&mut z), 2);
        z[end + 16..end + 20].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(made_on_unix(&mut z), 0);
    }
}

#[cfg(test)]
mod every_workbook {
    /// Every workbook the tool writes goes through `export::workbook_bytes`: a new writer that
    /// called `save_to_buffer` itself would give Windows' bytes on Windows again.
    #[test]
    fn goes_through_workbook_bytes() {
        fn walk(dir: &std::path::Path, hits: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, hits);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    let text = std::fs::read_to_string(&p).unwrap();
                    let calls = text.matches(concat!("save_to", "_buffer(")).count();
                    hits.extend(std::iter::repeat_n(p.display().to_string(), calls));
                }
            }
        }
        let mut hits = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut hits,
        );
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert!(hits[0].ends_with("export/mod.rs"), "{hits:?}");
    }
}
