//! Packing a dossier into its submission bundle: check it, build the cover list, write the zip
//! atomically, then verify the written bundle as the receiving office will before putting it in
//! place. See `writer.rs` for what makes the bytes reproducible.
//!
//! Packing never harms: the bundle never goes inside the dossier it packs (the next check would
//! tell the clerk to list it as an attachment), `--force` replaces only a regular file outside
//! it, and a dossier that changes while it is packed gives no bundle, because what is written
//! must be what was checked: the YAML files travel as the bytes the check parsed, and every
//! other file must still be as the check saw it (`seen.rs`).

pub mod cover;
pub mod cover_pdf;
pub mod digest;
pub mod manifest;
pub mod name;
pub mod pages;
pub mod seen;
mod words;
pub mod writer;

use std::path::{Path, PathBuf};

use crate::criteria::Catalog;
use crate::date::Date;
use crate::disk::cleanup::{self, Made};
use crate::rules::check::{check_store, Against, Checked};
use crate::store::{Kind, Store};
pub use writer::{Progress, Silent, WriteError, Written};

/// How to pack.
#[derive(Debug, Clone)]
pub struct Options {
    /// A folder for the bundle (it gets its standard name there) or the bundle's path; None:
    /// the current folder.
    pub out: Option<PathBuf>,
    /// Replace an existing bundle.
    pub force: bool,
    /// Warnings stop the pack too.
    pub deny_warnings: bool,
    /// Today, for the check.
    pub today: Date,
    /// Office settings (severity overrides) applied to the check, as `dossier check` does.
    pub config: crate::config::Config,
}

/// What happened.
#[derive(Debug)]
pub enum Outcome {
    /// The check found errors (or warnings, with `deny_warnings`): nothing was written.
    Refused(Checked),
    /// The bundle was written.
    Packed {
        /// The check (warnings may remain).
        checked: Checked,
        /// The bundle.
        written: Written,
        /// The receiving office.
        office: cover::Recipient,
        /// Copies to send.
        copies: Option<u32>,
    },
}

/// Why packing could not finish. [`PackError::msg`] (in `words.rs`) words it in both languages;
/// `Display` is its English text.
#[derive(Debug)]
pub enum PackError {
    /// Writing failed.
    Write(WriteError),
    /// The cover list could not be made.
    Cover(crate::page::PageError),
    /// No rule set (cannot happen after a clean check; reported rather than assumed).
    NoRuleSet,
    /// The bundle would go inside the dossier folder.
    InsideDossier {
        /// Where the bundle would go.
        target: PathBuf,
        /// The dossier folder.
        dossier: PathBuf,
        /// The dossier folder being packed, as the clerk typed it: the advice repeats her
        /// command with another `-o`.
        packed: PathBuf,
        /// A folder outside the dossier to offer for `-o`, relative to the current folder.
        outside: String,
    },
    /// `-o` names a file whose name does not end in `.zip` (`-o goi-ho-so`, meant as a folder
    /// or typed without the extension): the receiving office's computer would not know how to
    /// open it.
    NotZipName(PathBuf),
    /// `--force` on something that is not a regular file (a device, a pipe, a link, a folder).
    NotRegularTarget(PathBuf),
    /// The written bundle does not pass the receiving office's verification: the dossier
    /// changed between the check and the write, or a name cannot travel safely. Carries that
    /// verification, whose findings say which.
    Rejected(Box<Checked>),
    /// The written bundle could not be read back. `target` is the bundle's place: the error
    /// names the temporary file it was read from, which the clerk never sees.
    Reread {
        /// Where the bundle was going.
        target: PathBuf,
        /// Why it could not be read.
        source: crate::verify::VerifyError,
    },
}

impl From<WriteError> for PackError {
    fn from(e: WriteError) -> Self {
        PackError::Write(e)
    }
}

impl From<crate::page::PageError> for PackError {
    fn from(e: crate::page::PageError) -> Self {
        PackError::Cover(e)
    }
}

/// Refuse a target inside the dossier folder or another one, and with `--force` anything but a
/// regular file. Any dossier counts: the bundle carries this dossier's personal data, and a
/// dossier's next check would take it for a stray file. [`landing_dossier`] judges a folder
/// still to be made (`-o out/`) by the nearest one that exists, and a link by where it points.
///
/// [`landing_dossier`]: crate::dossier::discover::landing_dossier
fn check_target(dir: &Path, target: &Path, force: bool) -> Result<(), PackError> {
    if let Some(d) = crate::dossier::discover::landing_dossier(target) {
        // The dossier's own folder is named as the clerk typed it.
        let own = std::fs::canonicalize(dir).is_ok_and(|c| c == d);
        let dossier = if own { dir.to_path_buf() } else { d };
        return Err(PackError::InsideDossier {
            target: target.to_path_buf(),
            outside: words::outside_of(&dossier),
            dossier,
            packed: dir.to_path_buf(),
        });
    }
    match std::fs::symlink_metadata(target) {
        Ok(m) if force && !m.is_file() => Err(PackError::NotRegularTarget(target.to_path_buf())),
        _ => Ok(()),
    }
}

/// The files that travel in the bundle: the YAML components and every attachment they name
/// (and a rule-set file named by `phong_trao`). A file nothing names stays behind: dossiers
/// carry personal data, and only what the documents refer to is sent.
#[must_use]
pub fn bundle_files(checked: &Checked, store: &dyn Store) -> Vec<String> {
    let d = &checked.dossier;
    let mut files: Vec<String> = [&d.ho_so_file, &d.to_trinh_file, &d.bien_ban_file]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    files.extend(d.report_files.iter().map(|(f, _)| f.clone()));
    let mut named: Vec<&str> = Vec::new();
    if let Some(t) = &d.to_trinh {
        named.extend(t.dinh_kem.iter().map(|a| a.v.as_str()));
    }
    if let Some(b) = &d.bien_ban {
        named.extend(b.dinh_kem.iter().map(|a| a.v.as_str()));
    }
    for r in &d.reports {
        named.extend(r.dinh_kem.iter().map(|a| a.v.as_str()));
    }
    if checked.external_rule_set.is_some() {
        if let Some(p) = d.ho_so.as_ref().and_then(|h| h.phong_trao.as_ref()) {
            named.push(p.v.as_str());
        }
    }
    for n in named {
        // The bundle names a file as the documents do (NFC), whatever form the disk uses.
        let rel = crate::dossier::files::normalise_path(n);
        let disk = crate::dossier::files::on_disk(store, &rel);
        if disk.is_some_and(|f| matches!(store.kind(&f), Kind::File(_))) {
            files.push(rel);
        }
    }
    files.sort();
    files.dedup();
    files
}

/// The pages of every PDF that goes in the bundle, read from disk as `verify` will read them
/// from the bundle. A file changed after this is caught there: its cover list no longer
/// matches.
fn page_counts(files: &[writer::Source]) -> Counts {
    use rayon::prelude::*;
    // One scan per core (#21): each count reads its file in 64 KiB chunks, so memory stays
    // bounded by the number of cores, not by the size of the scans.
    files
        .par_iter()
        .filter_map(|f| Some((f.name.clone(), pages::count_file_hashed(&f.path)?)))
        .collect()
}

/// The pages of each PDF to bundle, with the SHA-256 of the bytes counted.
type Counts = std::collections::BTreeMap<String, (Option<u64>, String)>;

/// Where the bundle goes.
#[must_use]
pub fn target(out: Option<&Path>, name: &str) -> PathBuf {
    match out {
        None => PathBuf::from(name),
        Some(p) if p.is_dir() || names_a_folder(p) => p.join(name),
        Some(p) => p.to_path_buf(),
    }
}

/// `-o out/`: a path written with a final slash names a folder, made if it does not exist yet
/// (the README's own example), as `mkdir -p` would.
fn names_a_folder(p: &Path) -> bool {
    let s = p.as_os_str().to_string_lossy();
    s.ends_with('/') || s.ends_with(std::path::MAIN_SEPARATOR)
}

/// Check and pack one dossier folder.
pub fn pack(
    dir: &Path,
    catalog: &Catalog,
    opts: &Options,
    progress: &dyn Progress,
) -> Result<Outcome, PackError> {
    // The check reads through `seen`, which keeps what it saw: the baseline every file is
    // compared with when it is bundled.
    let store = seen::Seen::new(dir);
    let on = Against::new(catalog, opts.today)
        .office(&opts.config)
        .packing();
    let checked = check_store(&store, dir.to_path_buf(), &on);
    if checked.fails(opts.deny_warnings) {
        return Ok(Outcome::Refused(checked));
    }
    let rs = checked.rule_set(catalog).ok_or(PackError::NoRuleSet)?;
    let files: Vec<writer::Source> = bundle_files(&checked, &store)
        .into_iter()
        .map(|rel| source(dir, &store, rel))
        .collect::<Result<_, _>>()?;
    let setting = cover::level_of(&checked.dossier, rs)
        .and_then(|l| opts.config.receiving_office(&l.id))
        .map(str::to_owned);
    let recipient = cover::recipient(&checked.dossier, rs, setting.as_deref());
    #[cfg(debug_assertions)]
    pause_for_tests("DOSSIER_TEST_PAUSE_BEFORE_COUNT");
    let counts = page_counts(&files);
    let pages: cover::PageCounts = counts.iter().map(|(n, (p, _))| (n.clone(), *p)).collect();
    let list = cover::cover_list(
        &checked.dossier,
        &store,
        rs,
        &pages,
        &recipient,
        cover_pdf::Layout::CURRENT,
    );
    let pdf = cover_pdf::render(&list)?;
    let meta = manifest::Meta {
        cover_layout: Some(cover_pdf::Layout::CURRENT.number()),
        office_setting: setting,
    };
    let name = name::bundle_name(&list.symbol, &list.issuer);
    let path = target(opts.out.as_deref(), &name);
    let zip_name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .is_some_and(|n| n.ends_with(".zip"));
    // Inside the dossier is said first: that one would have replaced the clerk's own file.
    check_target(dir, &path, opts.force)?;
    if !zip_name {
        return Err(PackError::NotZipName(path));
    }
    let mut made: Vec<PathBuf> = Vec::new();
    if let Some(folder) = opts
        .out
        .as_deref()
        .filter(|o| names_a_folder(o) && !o.exists())
    {
        // Deepest first; registered outermost first, so that they are removed deepest first.
        made = folder
            .ancestors()
            .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
            .map(Path::to_path_buf)
            .collect();
        for m in made.iter().rev() {
            cleanup::register(m, Made::EmptyFolder);
        }
        std::fs::create_dir_all(folder).map_err(|source| {
            made.iter().for_each(|m| cleanup::discard(m));
            PackError::Write(writer::WriteError::Output {
                path: folder.to_path_buf(),
                source,
            })
        })?;
    }
    #[cfg(debug_assertions)]
    pause_for_tests("DOSSIER_TEST_PAUSE_BEFORE_STREAM");
    let cover = Cover {
        date: list.date,
        pdf: &pdf,
        meta: &meta,
    };
    let result = write_and_verify(catalog, opts, &path, &cover, &files, &counts, progress);
    // Kept with the bundle; removed (while empty) without it.
    for m in &made {
        match &result {
            Ok(_) => cleanup::forget(m),
            Err(_) => cleanup::discard(m),
        }
    }
    let written = result?;
    Ok(Outcome::Packed {
        office: recipient,
        copies: list.copies,
        checked,
        written,
    })
}

/// One file to bundle: the bytes the check parsed for a YAML file, else the file on disk with
/// what the check saw of it. A YAML file whose bytes could not be had again exactly as parsed
/// changed while it was checked.
fn source(dir: &Path, store: &seen::Seen, rel: String) -> Result<writer::Source, PackError> {
    // The name the document gives, in NFC, is the bundle's; the file read is the one on disk,
    // which may be stored decomposed (macOS).
    let on_disk = crate::dossier::files::on_disk(store, &rel).unwrap_or_else(|| rel.clone());
    let path = dir.join(&on_disk);
    let look = store.look(&on_disk);
    let origin = match (look.parsed, look.bytes) {
        (true, Some(bytes)) => writer::Origin::Held(bytes),
        (true, None) => return Err(PackError::Write(writer::WriteError::Changed(path))),
        (false, _) => writer::Origin::Disk {
            sha256: look.sha256,
        },
    };
    let size = match &origin {
        writer::Origin::Held(b) => b.len() as u64,
        writer::Origin::Disk { .. } => look.stamp.map_or(0, |s| s.size()),
    };
    Ok(writer::Source {
        name: rel,
        path,
        size,
        seen: look.stamp,
        origin,
    })
}

/// Test-only, in debug builds: with `DOSSIER_TEST_PAUSE_BEFORE_STREAM=FILE` (after the check and
/// the page counts, before the pack writes) or `DOSSIER_TEST_PAUSE_BEFORE_COUNT=FILE` (after the
/// check, before the page counts), the pack makes FILE there and waits (at most 60 s) until it
/// is removed, so that a test can change the dossier at that very moment. Not compiled into a
/// release.
#[cfg(debug_assertions)]
fn pause_for_tests(var: &str) {
    let Some(flag) = std::env::var_os(var) else {
        return;
    };
    let flag = PathBuf::from(flag);
    if std::fs::write(&flag, b"").is_err() {
        return;
    }
    let started = std::time::Instant::now();
    while flag.exists() && started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// What the bundle says of itself: its date, its cover list, its manifest's lines.
struct Cover<'a> {
    date: Date,
    pdf: &'a [u8],
    meta: &'a manifest::Meta,
}

/// Write the bundle beside its target, verify the bytes written, and put it in place.
fn write_and_verify(
    catalog: &Catalog,
    opts: &Options,
    path: &Path,
    cover: &Cover<'_>,
    files: &[writer::Source],
    counts: &Counts,
    progress: &dyn Progress,
) -> Result<Written, PackError> {
    progress.begin(files.iter().map(|f| f.size).sum(), files.len() as u64);
    let partial = writer::write(
        path, opts.force, cover.date, cover.pdf, files, cover.meta, progress,
    )?;
    // The receiving office's check, on the bytes written: a file changed, removed or replaced
    // after the check (the cover list no longer matches, an attachment is missing, a document
    // now has errors) gives no bundle.
    // The pages of a scan are not counted a second time: the read-back takes the count made
    // for the cover list for an entry whose bytes hash as the bytes counted. Any other bytes (a
    // file rewritten, or a link re-pointed, between the count and the copy) get no count, and
    // the cover list no longer matches: no bundle.
    let counted: crate::verify::Counted = counts
        .iter()
        .map(|(name, (pages, sha256))| (name.clone(), (sha256.clone(), *pages)))
        .collect();
    let on = Against::new(catalog, opts.today).office(&opts.config);
    // The flush to disk and the read-back of the same bytes (from memory) at once: the flush was
    // a fifth of a pack's time, waited for alone (#21). Both finish before the rename.
    let (synced, again) = std::thread::scope(|s| {
        let flush = s.spawn(|| partial.sync(path));
        let again = crate::verify::verify_counted(partial.path(), &on, &counted);
        let synced = flush.join().unwrap_or_else(|_| {
            Err(WriteError::Output {
                path: path.to_path_buf(),
                source: std::io::Error::other("the flush to disk stopped"),
            })
        });
        (synced, again)
    });
    let again = again.map_err(|source| PackError::Reread {
        target: path.to_path_buf(),
        source,
    })?;
    synced?;
    if again.fails(opts.deny_warnings) {
        return Err(PackError::Rejected(Box::new(again)));
    }
    Ok(partial.persist(path, opts.force)?)
}
