//! `dossier verify BUNDLE.zip`: what the receiving office runs on a bundle it received.
//!
//! The zip is read without extracting anything to disk. Its layout is held to the one layout
//! `pack` writes (`central.rs`), so that what is checked here is exactly what any extractor
//! puts on disk; names are checked as file systems resolve them (`names.rs`); sizes are
//! checked before anything is inflated, and every entry is read under a budget; every entry is
//! hashed against the manifest (and its pages counted as it streams through, for the cover
//! list's page column), the cover list is regenerated and compared byte for byte, and the
//! bundled dossier gets the full `check`.

pub mod central;
mod words;

pub use words::NotZipKind;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::diag::Finding;
use crate::msg;
use crate::pack::digest::hex;
use crate::pack::writer::COVER;
use crate::pack::{cover, cover_pdf, manifest, pages};
use crate::rules::check::{check_store, Against, Checked};
use crate::rules::Rule;
use crate::source::{Pos, Span};
use crate::store::Memory;
use crate::text::file_name as names;
use crate::yaml::decode::MAX_YAML_BYTES;

/// Largest entry inflated. A bundle of scans is tens of megabytes; 2 GiB is far beyond.
pub const MAX_ENTRY: u64 = 2 << 30;
/// Largest sum of all entries.
pub const MAX_TOTAL: u64 = 8 << 30;
/// Compression ratio beyond which a large entry is taken for a bomb (text deflates about 5:1).
pub const MAX_RATIO: u64 = 200;
/// Most bytes held in memory for all entries together (YAML texts, the manifest, the cover
/// list). A real dossier holds well under a megabyte of text.
pub const MAX_HELD: u64 = 32 << 20;
/// Largest cover list held for the comparison (a real one is about 100 KB).
const MAX_COVER: u64 = 16 << 20;

/// Why a bundle could not be read at all (exit 2). [`VerifyError::msg`] (in `words.rs`) words
/// it in both languages; `Display` is its English text.
#[derive(Debug)]
pub enum VerifyError {
    /// The file could not be opened or read.
    Io {
        /// The bundle.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// Not a zip archive, and what it is when its first bytes tell.
    NotZip {
        /// The bundle.
        path: PathBuf,
        /// What it is.
        kind: NotZipKind,
    },
    /// A pipe, a device, a folder: refused before it is read, so nothing blocks on it.
    NotRegular {
        /// The bundle.
        path: PathBuf,
        /// Whether it is a folder (a dossier not yet packed, perhaps).
        folder: bool,
    },
}

struct Entry {
    size: u64,
    sha256: String,
}

/// Whether an entry's bytes are held whole (the texts the check and the comparison need).
fn keep_whole(name: &str, size: u64) -> bool {
    let yaml = name.ends_with(".yaml") || name.ends_with(".yml");
    ((yaml || name == manifest::NAME) && size <= MAX_YAML_BYTES)
        || (name == COVER && size <= MAX_COVER)
}

fn finding(rule: Rule, file: &str, message: crate::diag::Msg) -> Finding {
    Finding::new(rule, file, None, message)
}

fn repack() -> crate::diag::Msg {
    msg!("không giải nén gói này; đề nghị nơi gửi đóng gói lại bằng lệnh dossier pack"; "do not extract this bundle; ask the sender to pack it again with dossier pack")
}

/// Open the bundle, refusing anything but a regular file before it is opened (a named pipe
/// would block the open and every read) and again after (it may have been swapped between).
fn open(bundle: &Path) -> Result<File, VerifyError> {
    let io_err = |source| VerifyError::Io {
        path: bundle.to_path_buf(),
        source,
    };
    let not_regular = |m: std::fs::Metadata| VerifyError::NotRegular {
        path: bundle.to_path_buf(),
        folder: m.is_dir(),
    };
    let meta = std::fs::metadata(bundle).map_err(io_err)?;
    if !meta.is_file() {
        return Err(not_regular(meta));
    }
    let file = File::open(bundle).map_err(io_err)?;
    let meta = file.metadata().map_err(io_err)?;
    if !meta.is_file() {
        return Err(not_regular(meta));
    }
    Ok(file)
}

/// What `verify` learnt of a bundle besides its findings.
#[derive(Debug)]
pub struct Verified {
    /// The bundled dossier's check and every finding about the bundle.
    pub checked: Checked,
    /// The cover list's layout that matched the bundle's `DANH-MUC.pdf`, if one did.
    pub layout: Option<cover_pdf::Layout>,
    /// Where the bundle goes, as the matching cover list prints it ("Nơi nhận hồ sơ").
    pub office: Option<String>,
    /// How the tool knows, for a bundle of the current layout.
    pub recipient: Option<cover::Recipient>,
}

/// Verify a bundle.
pub fn verify(bundle: &Path, on: &Against) -> Result<Checked, VerifyError> {
    verify_bundle(bundle, on).map(|v| v.checked)
}

/// Page counts already made of some entries' bytes, by entry name, with the SHA-256 of the bytes
/// counted. `pack` reads back the bundle it just wrote: the pages of a scan whose bytes hash as
/// the ones it counted are those pages, and counting them again was half its time (#21). An
/// entry whose bytes hash otherwise gets no count, so its cover list no longer matches.
pub type Counted = BTreeMap<String, (String, Option<u64>)>;

/// [`verify`], taking the page counts of [`Counted`] for the entries whose bytes hash the same.
pub fn verify_counted(
    bundle: &Path,
    on: &Against,
    counted: &Counted,
) -> Result<Checked, VerifyError> {
    verify_with(bundle, on, counted).map(|v| v.checked)
}

/// Verify a bundle, and say which cover list it carries and where it goes.
pub fn verify_bundle(bundle: &Path, on: &Against) -> Result<Verified, VerifyError> {
    verify_with(bundle, on, &Counted::new())
}

fn verify_with(bundle: &Path, on: &Against, counted: &Counted) -> Result<Verified, VerifyError> {
    let catalog = on.catalog;
    let io_err = |source| VerifyError::Io {
        path: bundle.to_path_buf(),
        source,
    };
    let mut file = open(bundle)?;
    let Some(archive) = central::read(&mut file).map_err(io_err)? else {
        // Said by what it is (an empty file, a RAR, a PDF…), from its first bytes.
        return Err(VerifyError::NotZip {
            path: bundle.to_path_buf(),
            kind: NotZipKind::of(&mut file),
        });
    };
    let raw = &archive.entries;
    let shown: Vec<String> = raw
        .iter()
        .map(|r| String::from_utf8_lossy(&r.name).into_owned())
        .collect();
    let mut findings = Vec::new();

    // The layout first: an entry it names cannot be read the way every extractor reads it.
    let mut unreadable = vec![false; raw.len()];
    let mut fatal = false;
    for p in &archive.problems {
        // A problem of the whole archive names no entry: the finding points at the bundle.
        let file = p
            .entry
            .and_then(|i| shown.get(i))
            .map_or("", String::as_str);
        findings.push(finding(Rule::GO009, file, p.what.clone()).help(repack()));
        match p.entry {
            Some(i) if !p.fatal => unreadable[i] = true,
            _ => fatal = true,
        }
    }

    // Names and sizes, from the central directory, before anything is inflated.
    let refused = check_names(raw, &shown, &mut findings);
    let mut total: u64 = 0;
    let mut too_large = vec![false; raw.len()];
    for (i, r) in raw.iter().enumerate() {
        if refused[i] || r.dir {
            continue;
        }
        total = total.saturating_add(r.uncompressed);
        let ratio_bomb =
            r.uncompressed > 100 << 20 && r.uncompressed > r.compressed.saturating_mul(MAX_RATIO);
        if r.uncompressed > MAX_ENTRY || ratio_bomb || total > MAX_TOTAL {
            findings.push(finding(
                Rule::GO008,
                &shown[i],
                msg!("\"{}\" khai báo {} byte khi giải nén (nén còn {} byte): quá lớn, không giải nén", shown[i], r.uncompressed, r.compressed;
                     "\"{}\" declares {} bytes inflated ({} compressed): too large, not inflated", shown[i], r.uncompressed, r.compressed),
            ));
            too_large[i] = true;
        }
    }
    if fatal {
        // Extractors could disagree on what this archive holds: nothing in it is read.
        let mut findings = capped(findings);
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        return Ok(Verified {
            checked: Checked {
                dossier: crate::dossier::Dossier::default(),
                findings,
                rule_set: None,
                external_rule_set: None,
            },
            layout: None,
            office: None,
            recipient: None,
        });
    }

    // Then every entry that passed, streamed through the hash under a budget: nothing is held
    // beyond what the check needs, and nothing beyond what the entry declares is inflated.
    let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
    let mut memory = Memory::default();
    let mut page_counts = cover::PageCounts::new();
    let (mut manifest_text, mut cover_bytes) = (Vec::new(), None);
    let mut held: u64 = 0;
    let mut present: Vec<&str> = Vec::new();
    let mut broken: Vec<&str> = Vec::new();
    let mut plan: Vec<(usize, bool)> = Vec::new();
    for (i, r) in raw.iter().enumerate() {
        if refused[i] || r.dir {
            continue;
        }
        let name = shown[i].as_str();
        present.push(name);
        if unreadable[i] || too_large[i] {
            continue;
        }
        let whole = keep_whole(name, r.uncompressed);
        if whole && held.saturating_add(r.uncompressed) > MAX_HELD {
            findings.push(finding(
                Rule::GO008,
                name,
                msg!("\"{}\": tổng dung lượng văn bản trong gói vượt {} byte, không đọc thêm", name, MAX_HELD;
                     "\"{}\": the texts of the bundle exceed {} bytes together; not read", name, MAX_HELD),
            ));
            continue;
        }
        if whole {
            held += r.uncompressed;
        }
        plan.push((i, whole));
    }
    // Read on every core (#21): each entry through its own positioned reader over the one
    // handle, so that no thread moves another's cursor. What is kept whole was chosen above,
    // under the same budget, so memory does not grow with the number of threads beyond their
    // buffers. The results are taken in the entries' order, as one thread took them.
    let reads: Vec<io::Result<Read_>> = {
        use rayon::prelude::*;
        let file = &file;
        plan.par_iter()
            .map(|&(i, whole)| read_entry(file, &raw[i], whole, counted.get(shown[i].as_str())))
            .collect()
    };
    for (&(i, _), read) in plan.iter().zip(reads) {
        let (r, name) = (&raw[i], shown[i].as_str());
        let read = read.map_err(io_err)?;
        match read {
            Read_::TooLong => {
                findings.push(finding(
                    Rule::GO008,
                    name,
                    msg!("\"{}\" giải nén ra nhiều hơn {} byte đã khai báo: dừng đọc", name, r.uncompressed;
                         "\"{}\" inflates beyond its declared {} bytes: reading stopped", name, r.uncompressed),
                ));
                continue;
            }
            Read_::Corrupt => {
                findings.push(finding(
                    Rule::GO005,
                    name,
                    msg!("\"{}\" bị hỏng (sai mã kiểm tra CRC, sai kích thước hoặc dữ liệu nén lỗi)", name; "\"{}\" is corrupt (bad CRC, wrong size or bad compressed data)", name),
                ));
                broken.push(name);
            }
            Read_::Done {
                size,
                sha256,
                kept,
                pages,
            } => {
                entries.insert(name.to_owned(), Entry { size, sha256 });
                if let Some(p) = pages {
                    page_counts.insert(name.to_owned(), p);
                }
                if name == manifest::NAME {
                    manifest_text = kept;
                } else if name == COVER {
                    cover_bytes = Some(kept);
                } else {
                    memory.files.insert(name.to_owned(), (size, kept));
                }
            }
        }
    }

    let mut blocked: HashSet<&str> = (0..raw.len())
        .filter(|i| unreadable[*i] || too_large[*i])
        .map(|i| shown[i].as_str())
        .collect();
    blocked.extend(broken);
    let refused_names: HashSet<&str> = (0..raw.len())
        .filter(|i| refused[*i])
        .map(|i| shown[i].as_str())
        .collect();
    compare_manifest(
        &entries,
        entries
            .contains_key(manifest::NAME)
            .then_some(&manifest_text[..]),
        &present,
        &refused_names,
        &blocked,
        &mut findings,
    );

    let mut checked = check_store(&memory, bundle.to_path_buf(), on);
    // A rule set the sender put in the bundle judged the dossier, not the office's: whatever
    // it says, the office should read it before trusting "no errors" (it may lower every
    // threshold). Said once, at the line that names it.
    if let Some(rs) = &checked.external_rule_set {
        let at = checked
            .dossier
            .ho_so
            .as_ref()
            .and_then(|h| h.phong_trao.as_ref())
            .map(|p| p.at);
        let file = checked
            .dossier
            .ho_so_file
            .clone()
            .unwrap_or_else(|| "ho-so.yaml".to_owned());
        findings.push(
            Finding::new(
                Rule::GO010,
                &file,
                at,
                msg!("hồ sơ được kiểm tra theo bộ quy tắc gửi kèm trong gói ({}, mã {}), không phải bộ quy tắc của cơ quan nhận", rs.source, rs.id;
                     "the dossier is checked against a rule set carried in the bundle ({}, id {}), not the receiving office's", rs.source, rs.id),
            )
            .help(msg!("đọc bộ quy tắc đó trước khi chấp nhận kết quả, hoặc kiểm tra lại theo bộ quy tắc của cơ quan: dossier verify --criteria <tệp hoặc thư mục>";
                       "read that rule set before trusting the result, or check against the office's own: dossier verify --criteria <file or folder>")),
        );
    }
    let meta = manifest::meta(&String::from_utf8_lossy(&manifest_text));
    let (mut layout, mut office, mut recipient) = (None, None, None);
    if let Some(rs) = checked.rule_set(catalog) {
        if checked.dossier.to_trinh.is_some() {
            // The sender's settings are not in the bundle: the office they named is read from
            // the manifest, as the cover list printed it.
            let r = cover::recipient(&checked.dossier, rs, meta.office_setting.as_deref());
            // The layout the manifest names; a bundle from before the line has the first one
            // (the current one is tried too, for a manifest written by hand or another tool).
            let layouts: Vec<cover_pdf::Layout> = match meta.cover_layout {
                Some(n) => cover_pdf::Layout::of_number(n).into_iter().collect(),
                None => vec![cover_pdf::Layout::V1, cover_pdf::Layout::V2],
            };
            let mut rendered = false;
            for l in layouts {
                let list = cover::cover_list(&checked.dossier, &memory, rs, &page_counts, &r, l);
                let Ok(pdf) = cover_pdf::render(&list) else {
                    continue;
                };
                rendered = true;
                if cover_bytes.as_deref() == Some(&pdf[..]) {
                    layout = Some(l);
                    office = Some(list.office.clone());
                    recipient = (l == cover_pdf::Layout::CURRENT).then(|| r.clone());
                    break;
                }
            }
            match (meta.cover_layout, cover_bytes.is_some()) {
                (Some(n), _) if cover_pdf::Layout::of_number(n).is_none() => findings.push(
                    finding(Rule::GO007, COVER, msg!("danh mục hồ sơ DANH-MUC.pdf được lập theo mẫu số {} mà phiên bản chương trình này không biết", n; "the cover list DANH-MUC.pdf is in layout {}, which this version of the program does not know", n))
                        .help(msg!("cập nhật chương trình dossier rồi kiểm tra lại"; "update the dossier program and verify again")),
                ),
                (_, true) if rendered && layout.is_none() => findings.push(
                    finding(Rule::GO007, COVER, msg!("DANH-MUC.pdf không trùng với danh mục lập lại từ hồ sơ trong gói"; "DANH-MUC.pdf differs from the cover list regenerated from the bundled dossier"))
                        .help(msg!("đề nghị nơi gửi đóng gói lại bằng lệnh dossier pack"; "ask the sender to pack it again with dossier pack")),
                ),
                (_, false) if rendered && !findings.iter().any(|f| f.primary.file == COVER) => {
                    findings.push(finding(Rule::GO007, COVER, msg!("gói không có danh mục hồ sơ DANH-MUC.pdf"; "the bundle has no cover list DANH-MUC.pdf")));
                }
                _ => {}
            }
        }
    }
    if let Some(f) = crate::rules::scans::no_signed_scan(&checked.dossier, &memory) {
        findings.push(f);
    }
    // The bundle's findings take the office's overrides too, as the dossier's did in the check.
    checked.findings.extend(capped(findings));
    on.settle(&mut checked.findings);
    checked
        .findings
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Ok(Verified {
        checked,
        layout,
        office,
        recipient,
    })
}

/// Most findings of one rule listed for a bundle, as `check` lists for one file
/// ([`crate::diag::MAX_PER_FILE_AND_RULE`]): a bundle of 60,000 entries named `../N.txt` printed
/// 240,000 lines, and the clerk needs a few of them and the count.
fn capped(findings: Vec<Finding>) -> Vec<Finding> {
    const MAX: usize = crate::diag::MAX_PER_FILE_AND_RULE;
    let mut seen: HashMap<Rule, usize> = HashMap::new();
    let mut kept = Vec::with_capacity(findings.len().min(4 * MAX));
    for f in findings {
        let n = seen.entry(f.rule).or_insert(0);
        *n += 1;
        if *n <= MAX {
            kept.push(f);
        }
    }
    let mut over: Vec<(Rule, usize)> = seen.into_iter().filter(|(_, n)| *n > MAX).collect();
    over.sort();
    for (rule, n) in over {
        let id = rule.info().id;
        kept.push(
            finding(rule, "", msg!("gói có {} tệp cùng lỗi {}; chỉ liệt kê {} tệp đầu", n, id, MAX;
                                   "the bundle has {} entries with the same {} finding; only the first {} are listed", n, id, MAX))
                .help(repack()),
        );
    }
    kept
}

/// Unsafe names (GO001), and names that land on one path on some file system (GO002: the same
/// name in another case or Unicode form, a file that is also a folder). Linear: one hash of
/// each name and of each of its parent folders. Returns which entries are refused.
fn check_names(
    raw: &[central::RawEntry],
    shown: &[String],
    findings: &mut Vec<Finding>,
) -> Vec<bool> {
    let mut refused = vec![false; raw.len()];
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    let mut keys: Vec<Option<String>> = vec![None; raw.len()];
    for (i, r) in raw.iter().enumerate() {
        if let Some((vi, en)) = names::unsafe_name(&r.name, r.dir) {
            let s = names::shown(&shown[i]);
            findings.push(
                finding(Rule::GO001, &shown[i], msg!("tên tệp \"{}\" trong gói không an toàn: {}", s, vi; "entry \"{}\" has an unsafe name: {}", s, en))
                    .help(repack()),
            );
            refused[i] = true;
            continue;
        }
        let k = names::key(&shown[i]);
        by_key.entry(k.clone()).or_default().push(i);
        keys[i] = Some(k);
    }
    for (i, k) in keys.iter().enumerate() {
        let Some(group) = k.as_ref().and_then(|k| by_key.get(k)) else {
            continue;
        };
        if group.len() > 1 && group[0] == i {
            let all: Vec<String> = group
                .iter()
                .map(|&j| format!("\"{}\"", names::shown(&shown[j])))
                .collect();
            let all_look_alike = group.iter().any(|&j| raw[j].name != raw[i].name)
                && all
                    .windows(2)
                    .all(|w| crate::text::to_nfc(&w[0]) == crate::text::to_nfc(&w[1]));
            let all = all.join(", ");
            // The very same name twice (a zip built by hand can hold that) is not a matter of
            // case or Unicode form; saying so sent the clerk looking for a difference.
            let same_bytes = group.iter().all(|&j| raw[j].name == raw[i].name);
            let n = group.len();
            let what = if same_bytes {
                let name = names::shown(&shown[i]);
                msg!("gói có {} tệp cùng tên \"{}\": khi giải nén, tệp sau ghi đè tệp trước, nên không biết tệp nào là tệp đã gửi", n, name;
                     "the bundle has {} entries named \"{}\": extracted, the later one overwrites the earlier, so which one was sent cannot be told", n, name)
            } else {
                msg!("gói có {} tệp cùng một chỗ trên đĩa khi giải nén ({}: khác nhau ở chữ hoa/thường hoặc dạng Unicode thì vẫn là một tệp)", n, all;
                     "the bundle has {} entries that land on one path when extracted ({}: names differing only in case or Unicode form are one file)", n, all)
            };
            let mut f = finding(Rule::GO002, &shown[i], what).help(repack());
            // Names that print alike differ only in Unicode form: without this, the clerk
            // reads the same name twice and cannot see what is wrong.
            if all_look_alike {
                f = f.note(msg!("các tên trên trông giống hệt nhau: chúng chỉ khác ở cách máy ghi dấu tiếng Việt (dạng dựng sẵn NFC và dạng tổ hợp NFD, như máy Mac ghi)";
                                "the names above look the same: they differ only in how the Vietnamese marks are stored (composed NFC and decomposed NFD, as a Mac writes them)"));
            }
            findings.push(f);
            for &j in group {
                refused[j] = true;
            }
        }
    }
    let files: HashSet<&str> = keys
        .iter()
        .enumerate()
        .filter(|(i, k)| k.is_some() && !raw[*i].dir)
        .filter_map(|(_, k)| k.as_deref())
        .collect();
    for (i, k) in keys.iter().enumerate() {
        let Some(k) = k else { continue };
        for (at, _) in k.match_indices('/') {
            if files.contains(&k[..at]) {
                findings.push(
                    finding(Rule::GO002, &shown[i], msg!("\"{}\" nằm trong thư mục \"{}\", mà gói cũng có một tệp cùng tên đó", shown[i], &shown[i][..at.min(shown[i].len())];
                                                     "\"{}\" lies in a folder \"{}\" that is also a file of the bundle", shown[i], &shown[i][..at.min(shown[i].len())]))
                        .help(repack()),
                );
                refused[i] = true;
                for &j in by_key.get(&k[..at]).into_iter().flatten() {
                    refused[j] = true;
                }
                break;
            }
        }
    }
    refused
}

/// A file read from a position of its own, leaving the handle's cursor alone: entries are read
/// on several threads through one handle (a second open of the path could meet another file).
struct At<'f> {
    file: &'f File,
    pos: u64,
}

impl Read for At<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        #[cfg(unix)]
        let n = std::os::unix::fs::FileExt::read_at(self.file, buf, self.pos)?;
        #[cfg(windows)]
        let n = std::os::windows::fs::FileExt::seek_read(self.file, buf, self.pos)?;
        #[cfg(not(any(unix, windows)))]
        let n: usize = return Err(io::ErrorKind::Unsupported.into());
        self.pos += n as u64;
        Ok(n)
    }
}

enum Read_ {
    Done {
        size: u64,
        sha256: String,
        kept: Vec<u8>,
        /// None: no PDF; `Some(None)`: a PDF whose pages could not be counted.
        pages: Option<Option<u64>>,
    },
    TooLong,
    Corrupt,
}

/// Inflate one entry from its local header (which the layout check found equal to its central
/// record), hashing it and counting its pages if it is a PDF, keeping its bytes when `whole`
/// (else its first 16 for the type sniff), and stopping one byte past its declared size. With
/// `known` (the SHA-256 of bytes already counted, and their pages), the pages are not counted
/// again: they are `known`'s when the bytes hash the same, and unknown otherwise.
fn read_entry(
    file: &File,
    r: &central::RawEntry,
    whole: bool,
    known: Option<&(String, Option<u64>)>,
) -> io::Result<Read_> {
    let mut stream = BufReader::with_capacity(
        64 * 1024,
        At {
            file,
            pos: r.offset,
        },
    );
    let Ok(Some(mut zf)) = zip::read::read_zipfile_from_stream(&mut stream) else {
        return Ok(Read_::Corrupt);
    };
    let declared = r.uncompressed;
    let mut hash = Sha256::new();
    let mut counter = pages::Counter::new();
    let mut kept = Vec::with_capacity(if whole {
        usize::try_from(declared).unwrap_or(0)
    } else {
        16
    });
    let mut size: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    let mut limited = (&mut zf).take(declared.saturating_add(1));
    loop {
        match limited.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                hash.update(&buf[..n]);
                if known.is_none() {
                    counter.feed(&buf[..n]);
                }
                size += n as u64;
                if size > declared {
                    return Ok(Read_::TooLong);
                }
                let room = if whole {
                    n
                } else {
                    16usize.saturating_sub(kept.len()).min(n)
                };
                kept.extend_from_slice(&buf[..room]);
            }
            Err(_) => return Ok(Read_::Corrupt),
        }
    }
    if size != declared {
        return Ok(Read_::Corrupt);
    }
    let sha256 = hex(&hash.finalize());
    let pages = match known {
        None => counter.finish(),
        Some((counted, pages)) if *counted == sha256 => Some(*pages),
        Some(_) => Some(None),
    };
    Ok(Read_::Done {
        size,
        sha256,
        kept,
        pages,
    })
}

/// Every listed file must be there and equal (GO004, GO005); every file there must be listed
/// (GO006), whether or not it could be read: an entry is either checked or reported.
fn compare_manifest(
    entries: &BTreeMap<String, Entry>,
    manifest_text: Option<&[u8]>,
    present: &[&str],
    refused: &HashSet<&str>,
    blocked: &HashSet<&str>,
    findings: &mut Vec<Finding>,
) {
    let Some(m) = manifest_text else {
        if !blocked.contains(manifest::NAME) && !refused.contains(manifest::NAME) {
            let mut f = finding(Rule::GO003, manifest::NAME, msg!("gói không có bảng kê SHA256SUMS: không chứng minh được hồ sơ còn nguyên vẹn"; "the bundle has no SHA256SUMS manifest: nothing proves the dossier is intact"))
                .help(msg!("đề nghị nơi gửi đóng gói lại bằng lệnh dossier pack"; "ask the sender to pack it again with dossier pack"));
            // A bundle zipped once more (a common slip when attaching it to a mail) holds the
            // real bundle as its one .zip: the clerk needs that, not a list of missing parts.
            if let Some(inner) = present
                .iter()
                .find(|n| n.to_ascii_lowercase().ends_with(".zip"))
            {
                let inner = names::shown(inner);
                f = f.note(msg!("trong gói có tệp \"{}\": có thể gói hồ sơ đã bị nén thêm một lần nữa; giải nén lớp ngoài này rồi chạy dossier verify trên tệp \"{}\" bên trong", inner, inner;
                                "the bundle holds \"{}\": the bundle may have been zipped once more; extract this outer zip and run dossier verify on \"{}\" inside it", inner, inner));
            }
            // The whole folder zipped (right-click, "Send to > Compressed folder"): every file
            // sits one folder down, so every component looks missing. Say where they are.
            else if let Some(folder) = present.iter().find_map(|n| {
                n.strip_suffix("/ho-so.yaml")
                    .filter(|f| !f.is_empty() && !f.contains('/'))
            }) {
                let folder = names::shown(folder);
                f = f.note(msg!("các tệp của hồ sơ nằm trong thư mục \"{}/\" của gói: có lẽ cả thư mục hồ sơ đã được nén bằng chương trình khác, nên các thành phần ở trên bị báo là thiếu; đề nghị nơi gửi đóng gói bằng lệnh dossier pack", folder;
                                "the dossier's files sit in the folder \"{}/\" of the bundle: the whole dossier folder was probably zipped by another program, so the components above are reported missing; ask the sender to pack it with dossier pack", folder));
            }
            findings.push(f);
        }
        return;
    };
    let text = String::from_utf8_lossy(m);
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
            None if refused.contains(l.path.as_str()) || blocked.contains(l.path.as_str()) => {}
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
    let listed: HashSet<&str> = listed.iter().map(|l| l.path.as_str()).collect();
    for name in present {
        if *name != manifest::NAME && !listed.contains(name) {
            findings.push(finding(
                Rule::GO006,
                name,
                msg!("\"{}\" có trong gói nhưng không có trong bảng kê (có thể được thêm vào sau khi đóng gói)", name;
                     "\"{}\" is in the bundle but not in the manifest (added after packing?)", name),
            ));
        }
    }
}
