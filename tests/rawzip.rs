//! A zip writer for hostile bundles: every field is set by hand, so a test can write what no
//! zip library would (two entries of one name, a local header that disagrees with its
//! central record, entries sharing one data range, a second central directory).

use std::fs;
use std::io::Read;
use std::path::Path;

/// One entry to write. Data is stored as given (method 0 unless `method` says otherwise).
#[derive(Clone)]
pub(crate) struct E {
    pub(crate) name: Vec<u8>,
    pub(crate) data: Vec<u8>,
    pub(crate) method: u16,
    pub(crate) flags: u16,
    /// Unix mode (type and permissions), stored in the high half of the external attributes.
    pub(crate) mode: u32,
    /// A different name in the local header.
    pub(crate) local_name: Option<Vec<u8>>,
    /// A different CRC in the local header.
    pub(crate) local_crc: Option<u32>,
    /// Share the local header and data of an earlier entry (overlapping entries).
    pub(crate) alias_of: Option<usize>,
    /// Extra fields of the central record, and of the local header (other zip programs write
    /// timestamps in both, of different lengths).
    pub(crate) extra: Vec<u8>,
    pub(crate) local_extra: Vec<u8>,
}

impl E {
    pub(crate) fn file(name: impl AsRef<[u8]>, data: impl AsRef<[u8]>) -> E {
        let name = name.as_ref().to_vec();
        E {
            flags: if name.is_ascii() { 0 } else { 0x800 },
            name,
            data: data.as_ref().to_vec(),
            method: 0,
            mode: 0o100_644,
            local_name: None,
            local_crc: None,
            alias_of: None,
            extra: Vec::new(),
            local_extra: Vec::new(),
        }
    }
}

pub(crate) fn crc32(data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = [0u32; 256];
        for (i, t) in table.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *t = c;
        }
        table
    });
    !data.iter().fold(!0u32, |c, &b| {
        table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

fn u16le(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn u32le(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

/// The local headers and data of `es`, and each entry's local-header offset.
pub(crate) fn locals(es: &[E]) -> (Vec<u8>, Vec<u32>) {
    let mut out = Vec::new();
    let mut offsets: Vec<u32> = Vec::new();
    for e in es {
        if let Some(a) = e.alias_of {
            offsets.push(offsets[a]);
            continue;
        }
        offsets.push(out.len() as u32);
        let name = e.local_name.as_ref().unwrap_or(&e.name);
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, 20);
        u16le(&mut out, e.flags);
        u16le(&mut out, e.method);
        u16le(&mut out, 0);
        u16le(&mut out, 0x5359);
        u32le(&mut out, e.local_crc.unwrap_or_else(|| crc32(&e.data)));
        u32le(&mut out, e.data.len() as u32);
        u32le(&mut out, e.data.len() as u32);
        u16le(&mut out, name.len() as u16);
        u16le(&mut out, e.local_extra.len() as u16);
        out.extend_from_slice(name);
        out.extend_from_slice(&e.local_extra);
        out.extend_from_slice(&e.data);
    }
    (out, offsets)
}

/// A central directory for `es` with these local-header offsets.
pub(crate) fn central(es: &[E], offsets: &[u32]) -> Vec<u8> {
    let mut out = Vec::new();
    for (e, off) in es.iter().zip(offsets) {
        u32le(&mut out, 0x0201_4b50);
        u16le(&mut out, 0x0314);
        u16le(&mut out, 20);
        u16le(&mut out, e.flags);
        u16le(&mut out, e.method);
        u16le(&mut out, 0);
        u16le(&mut out, 0x5359);
        u32le(&mut out, crc32(&e.data));
        u32le(&mut out, e.data.len() as u32);
        u32le(&mut out, e.data.len() as u32);
        u16le(&mut out, e.name.len() as u16);
        u16le(&mut out, e.extra.len() as u16);
        u16le(&mut out, 0);
        u16le(&mut out, 0);
        u16le(&mut out, 0);
        u32le(&mut out, e.mode << 16);
        u32le(&mut out, *off);
        out.extend_from_slice(&e.name);
        out.extend_from_slice(&e.extra);
    }
    out
}

/// The end record: `count` entries, a directory of `size` bytes at `offset`.
pub(crate) fn end(count: usize, size: usize, offset: usize) -> Vec<u8> {
    let mut out = Vec::new();
    u32le(&mut out, 0x0605_4b50);
    u32le(&mut out, 0);
    u16le(&mut out, count as u16);
    u16le(&mut out, count as u16);
    u32le(&mut out, size as u32);
    u32le(&mut out, offset as u32);
    u16le(&mut out, 0);
    out
}

/// A whole archive.
pub(crate) fn build(es: &[E]) -> Vec<u8> {
    let (mut out, offsets) = locals(es);
    let dir = central(es, &offsets);
    let at = out.len();
    out.extend_from_slice(&dir);
    out.extend_from_slice(&end(es.len(), dir.len(), at));
    out
}

/// The entries of a bundle, as plain stored files.
pub(crate) fn entries_of(bundle: &Path) -> Vec<E> {
    let mut a = zip::ZipArchive::new(fs::File::open(bundle).unwrap()).unwrap();
    (0..a.len())
        .map(|i| {
            let mut f = a.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            E::file(f.name_raw(), data)
        })
        .collect()
}

/// `es` with its `SHA256SUMS` rewritten to list every other entry, as a forger would.
pub(crate) fn relisted(mut es: Vec<E>) -> Vec<E> {
    use sha2::{Digest, Sha256};
    es.retain(|e| e.name != b"SHA256SUMS");
    let listed: Vec<dossier::pack::manifest::Entry> = es
        .iter()
        .filter(|e| !e.name.ends_with(b"/"))
        .map(|e| dossier::pack::manifest::Entry {
            path: String::from_utf8_lossy(&e.name).into_owned(),
            size: e.data.len() as u64,
            sha256: Sha256::digest(&e.data)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        })
        .collect();
    es.push(E::file(
        "SHA256SUMS",
        dossier::pack::manifest::render(&listed),
    ));
    es
}
