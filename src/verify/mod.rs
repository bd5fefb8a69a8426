//! `dossier verify BUNDLE.zip`: what the receiving office runs on a bundle it received.
//!
//! The zip is read without extracting anything to disk: names are checked as the archive
//! carries them, sizes are checked before anything is inflated, every entry is hashed against
//! the manifest, the cover list is regenerated and compared byte for byte, and the bundled
//! dossier gets the full `check`.

pub mod central;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::criteria::Catalog;
use crate::date::Date;
use crate::diag::Finding;
use crate::msg;
use crate::pack::writer::{hex, COVER};
use crate::pack::{cover, cover_pdf, manifest};
use crate::rules::check::{check_store, Checked};
use crate::rules::Rule;
use crate::source::{Pos, Span};
use crate::store::Memory;
use crate::yaml::decode::MAX_YAML_BYTES;

/// Largest entry inflated. A bundle of scans is tens of megabytes; 2 GiB is far beyond.
pub const MAX_ENTRY: u64 = 2 << 30;
/// Largest sum of all entries.
pub const MAX_TOTAL: u64 = 8 << 30;
/// Compression ratio beyond which a large entry is taken for a bomb (text deflates about 5:1).
pub const MAX_RATIO: u64 = 200;

/// Why a bundle could not be read at all (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The bundle.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// Not a zip archive.
    #[error("{0} is not a readable zip archive")]
    NotZip(PathBuf),
}

struct Entry {
    size: u64,
    sha256: String,
    kept: Vec<u8>,
}

fn keep_whole(name: &str, size: u64) -> bool {
    let yaml = name.ends_with(".yaml") || name.ends_with(".yml");
    (yaml && size <= MAX_YAML_BYTES) || name == manifest::NAME || name == COVER
}

fn finding(rule: Rule, file: &str, message: crate::diag::Msg) -> Finding {
    Finding::new(rule, file, None, message)
}

/// Verify a bundle.
pub fn verify(bundle: &Path, catalog: &Catalog, today: Date) -> Result<Checked, VerifyError> {
    let io_err = |source| VerifyError::Io {
        path: bundle.to_path_buf(),
        source,
    };
    let mut file = File::open(bundle).map_err(io_err)?;
    let raw = central::entries(&mut file)
        .map_err(io_err)?
        .ok_or_else(|| VerifyError::NotZip(bundle.to_path_buf()))?;
    let mut archive =
        zip::ZipArchive::new(file).map_err(|_| VerifyError::NotZip(bundle.to_path_buf()))?;
    let mut findings = Vec::new();

    // Names and sizes first, from the central directory, before anything is inflated.
    let mut refused: Vec<String> = Vec::new();
    let mut seen: BTreeMap<Vec<u8>, usize> = BTreeMap::new();
    let mut total: u64 = 0;
    for r in &raw {
        let shown = String::from_utf8_lossy(&r.name).into_owned();
        *seen.entry(r.name.clone()).or_default() += 1;
        if let Some((vi, en)) = central::unsafe_name(&r.name) {
            findings.push(
                finding(Rule::GO001, &shown, msg!("tên tệp \"{}\" trong gói không an toàn: {}", shown.escape_debug(), vi; "entry \"{}\" has an unsafe name: {}", shown.escape_debug(), en))
                    .help(msg!("không giải nén gói này; đề nghị nơi gửi đóng gói lại bằng `dossier pack`"; "do not extract this bundle; ask the sender to pack it again with `dossier pack`")),
            );
            refused.push(shown);
            continue;
        }
        total = total.saturating_add(r.uncompressed);
        let ratio_bomb =
            r.uncompressed > 100 << 20 && r.uncompressed > r.compressed.saturating_mul(MAX_RATIO);
        if r.uncompressed > MAX_ENTRY || ratio_bomb || total > MAX_TOTAL {
            findings.push(finding(
                Rule::GO008,
                &shown,
                msg!("\"{}\" khai báo {} byte khi giải nén (nén còn {} byte): quá lớn, không giải nén", shown, r.uncompressed, r.compressed;
                     "\"{}\" declares {} bytes inflated ({} compressed): too large, not inflated", shown, r.uncompressed, r.compressed),
            ));
            refused.push(shown);
        }
    }
    for (name, n) in &seen {
        if *n > 1 {
            let shown = String::from_utf8_lossy(name).into_owned();
            findings.push(finding(
                Rule::GO002,
                &shown,
                msg!("gói có {} tệp cùng tên \"{}\"", n, shown; "the bundle has {} entries named \"{}\"", n, shown),
            ));
            refused.push(shown);
        }
    }

    // Then every entry that passed, streamed through the hash with a hard cap.
    let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
    for i in 0..archive.len() {
        let Ok(mut zf) = archive.by_index(i) else {
            continue;
        };
        let Ok(name) = zf.name().map(|n| n.into_owned()) else {
            continue;
        };
        if zf.is_dir() || refused.contains(&name) {
            continue;
        }
        let declared = zf.size();
        let whole = keep_whole(&name, declared);
        let mut hash = Sha256::new();
        let mut kept = Vec::new();
        let mut size: u64 = 0;
        let mut buf = vec![0u8; 64 * 1024];
        let mut limited = (&mut zf).take(declared.saturating_add(1));
        let mut failed = false;
        loop {
            match limited.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    hash.update(&buf[..n]);
                    size += n as u64;
                    if whole || kept.len() < 16 {
                        let room = if whole { n } else { (16 - kept.len()).min(n) };
                        kept.extend_from_slice(&buf[..room]);
                    }
                }
                Err(_) => {
                    failed = true;
                    break;
                }
            }
        }
        if size > declared {
            findings.push(finding(
                Rule::GO008,
                &name,
                msg!("\"{}\" giải nén ra nhiều hơn {} byte đã khai báo: dừng đọc", name, declared;
                     "\"{}\" inflates beyond its declared {} bytes: reading stopped", name, declared),
            ));
            continue;
        }
        if failed {
            findings.push(finding(
                Rule::GO005,
                &name,
                msg!("\"{}\" bị hỏng (sai mã kiểm tra CRC hoặc dữ liệu nén lỗi)", name; "\"{}\" is corrupt (bad CRC or compressed data)", name),
            ));
        }
        entries.insert(
            name,
            Entry {
                size,
                sha256: hex(&hash.finalize()),
                kept,
            },
        );
    }

    compare_manifest(&entries, &refused, &mut findings);

    let mut memory = Memory::default();
    for (name, e) in &entries {
        if name != COVER && name != manifest::NAME {
            memory.files.insert(name.clone(), (e.size, e.kept.clone()));
        }
    }
    let mut checked = check_store(&memory, bundle.to_path_buf(), catalog, today);

    if let Some(rs) = checked.rule_set(catalog) {
        if checked.dossier.to_trinh.is_some() {
            let list = cover::cover_list(&checked.dossier, &memory, rs);
            match (cover_pdf::render(&list), entries.get(COVER)) {
                (Ok(pdf), Some(e)) if pdf != e.kept => findings.push(
                    finding(Rule::GO007, COVER, msg!("DANH-MUC.pdf không trùng với danh mục lập lại từ hồ sơ trong gói"; "DANH-MUC.pdf differs from the cover list regenerated from the bundled dossier"))
                        .help(msg!("đề nghị nơi gửi đóng gói lại bằng `dossier pack`"; "ask the sender to pack it again with `dossier pack`")),
                ),
                (Ok(_), None) if !findings.iter().any(|f| f.rule == Rule::GO004 && f.primary.file == COVER) => {
                    findings.push(finding(Rule::GO007, COVER, msg!("gói không có danh mục hồ sơ DANH-MUC.pdf"; "the bundle has no cover list DANH-MUC.pdf")));
                }
                _ => {}
            }
        }
    }
    checked.findings.extend(findings);
    checked
        .findings
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Ok(checked)
}

fn compare_manifest(
    entries: &BTreeMap<String, Entry>,
    refused: &[String],
    findings: &mut Vec<Finding>,
) {
    let Some(m) = entries.get(manifest::NAME) else {
        findings.push(
            finding(Rule::GO003, manifest::NAME, msg!("gói không có bảng kê SHA256SUMS: không chứng minh được hồ sơ còn nguyên vẹn"; "the bundle has no SHA256SUMS manifest: nothing proves the dossier is intact"))
                .help(msg!("đề nghị nơi gửi đóng gói lại bằng `dossier pack`"; "ask the sender to pack it again with `dossier pack`")),
        );
        return;
    };
    let text = String::from_utf8_lossy(&m.kept);
    let (listed, bad) = manifest::parse(&text);
    for b in bad {
        let span = (b.line > 0).then(|| {
            Span::at(Pos {
                line: crate::source::to_u32(b.line),
                column: 1,
                byte: 0,
            })
        });
        findings.push(Finding::new(
            Rule::GO003,
            manifest::NAME,
            span,
            msg!("dòng bảng kê sai dạng: {}", b.text; "malformed manifest line: {}", b.text),
        ));
    }
    for l in &listed {
        match entries.get(&l.path) {
            None if refused.contains(&l.path) => {}
            None => findings.push(finding(
                Rule::GO004,
                &l.path,
                msg!("\"{}\" có trong bảng kê nhưng không có trong gói", l.path; "\"{}\" is in the manifest but not in the bundle", l.path),
            )),
            Some(e) if e.size != l.size || e.sha256 != l.sha256 => {
                let what = if e.size == l.size {
                    msg!("\"{}\" đã bị thay đổi: mã SHA-256 khác với bảng kê", l.path; "\"{}\" was changed: its SHA-256 differs from the manifest", l.path)
                } else {
                    msg!("\"{}\" đã bị thay đổi: {} byte, bảng kê ghi {} byte", l.path, e.size, l.size; "\"{}\" was changed: {} bytes, the manifest says {}", l.path, e.size, l.size)
                };
                findings.push(finding(Rule::GO005, &l.path, what).help(msg!("đề nghị nơi gửi gửi lại gói gốc"; "ask the sender for the original bundle")));
            }
            Some(_) => {}
        }
    }
    for name in entries.keys() {
        if name != manifest::NAME && !listed.iter().any(|l| &l.path == name) {
            findings.push(finding(
                Rule::GO006,
                name,
                msg!("\"{}\" có trong gói nhưng không có trong bảng kê (có thể được thêm vào sau khi đóng gói)", name;
                     "\"{}\" is in the bundle but not in the manifest (added after packing?)", name),
            ));
        }
    }
}
