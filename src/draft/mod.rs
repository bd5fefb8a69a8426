//! `dossier draft`: the documents a clerk prints and signs, drafted from the dossier's YAML.
//!
//! The YAML is the one source; the tờ trình with its list, the biên bản and one báo cáo per
//! nominee are composed from it as Decree 30 documents (`crate::page::model`) and written as PDF
//! (the page engine the cover list prints with, embedded font) and DOCX (to edit in Word). A
//! dossier with errors is refused, as `pack` refuses it, unless the clerk asks for a draft
//! anyway, which then says "DỰ THẢO" on every page.
//!
//! The drafts go to a folder beside the dossier, never inside it (the dossier folder is the
//! clerk's source, and `check` would report the drafts as unreferenced files), and never over an
//! existing file without `--force`, and never through a link (the output folder, or its
//! `bao-cao/`, or a file in it, linked elsewhere: the drafts, with `--force`, replaced files in
//! the link's target, #17). Every file is first written into a hidden staging folder
//! next to its place (`disk::cleanup::Staging`, locked while the draft runs) and renamed into
//! place only when all are written, so a failure, a full disk or a size limit leaves nothing
//! half-written, a signal leaves nothing at all (`cli::interrupt`), and the staging folder of a
//! killed run is swept by the next draft into the same folder.

pub mod compose;
pub mod docx;
mod facts;
mod report;
pub mod signature;
pub mod words;

use std::fs;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::criteria::Catalog;
use crate::date::Date;
use crate::diag::Msg;
use crate::disk::cleanup::{self, Made, Staging};
use crate::msg;
use crate::page::document::DocumentPdf;
use crate::page::model;
use crate::page::PageError;
use crate::rules::check::{check_dossier, Against, Checked};

/// Which files to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    /// PDF, printed with the embedded font.
    pub pdf: bool,
    /// DOCX, to edit.
    pub docx: bool,
}

/// How to draft.
#[derive(Debug, Clone)]
pub struct Options {
    /// The output folder; None: `<dossier>-du-thao` beside the dossier.
    pub out: Option<PathBuf>,
    /// Which formats.
    pub formats: Formats,
    /// Replace existing files.
    pub force: bool,
    /// Draft a dossier with errors, stamped "DỰ THẢO".
    pub anyway: bool,
    /// Today, for the check.
    pub today: Date,
    /// Office settings applied to the check.
    pub config: crate::config::Config,
}

/// What happened.
#[derive(Debug)]
pub enum Outcome {
    /// The dossier has errors and no `--draft-anyway`: nothing written.
    Refused(Checked),
    /// The drafts were written.
    Drafted {
        /// The check.
        checked: Checked,
        /// The output folder.
        out: PathBuf,
        /// The files written, relative to it, sorted.
        files: Vec<String>,
        /// Whether they carry the "DỰ THẢO" stamp.
        stamped: bool,
        /// The day the documents are dated, when after today: they were drafted for signing
        /// then, and checked as of that day.
        signing: Option<Date>,
    },
}

/// How far ahead a document may be dated and still be drafted as planned: a date further on is
/// more likely a typed year (2062) than a meeting, and stays NG007's error.
pub const PLANNED_DAYS: i64 = 366;

/// The latest date a document of the dossier carries (the tờ trình, the minutes, a
/// confirmation), when it is after `today` and no more than [`PLANNED_DAYS`] ahead.
#[must_use]
pub fn signing_day(d: &crate::dossier::load::Dossier, today: Date) -> Option<Date> {
    let dates = d
        .to_trinh
        .iter()
        .filter_map(|t| t.ngay.as_ref())
        .chain(d.bien_ban.iter().filter_map(|b| b.ngay.as_ref()))
        .chain(
            d.reports
                .iter()
                .filter_map(|r| r.xac_nhan.as_ref().and_then(|x| x.ngay.as_ref())),
        )
        .map(|v| v.v);
    dates
        .filter(|v| *v > today && v.days() - today.days() <= PLANNED_DAYS)
        .max()
}

/// Why drafting could not finish. Nothing is left written in any case. [`DraftError::msg`]
/// words it in both languages; `Display` is its English text.
#[derive(Debug)]
pub enum DraftError {
    /// A file to write exists already (no `--force`).
    Exists(PathBuf),
    /// The output folder is the dossier or inside it.
    InsideDossier(PathBuf),
    /// The output folder, or something in it a draft would be written through, is a link.
    Link(crate::disk::links::LinkError),
    /// The output path exists and is not a folder.
    NotAFolder(PathBuf),
    /// The output folder is another dossier (it holds a `ho-so.yaml`): drafts written there
    /// would become its unreferenced files.
    OtherDossier(PathBuf),
    /// The output folder holds other files (no `--force`): drafts mixed into it would be hard
    /// to tell apart, and `-o ..` scattered them over the parent folder.
    NotEmpty(PathBuf),
    /// Reading or writing failed.
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The PDF writer failed.
    Pdf(PageError),
    /// The DOCX writer failed.
    Docx(docx::DocxError),
}

impl DraftError {
    /// What went wrong and what to do, in Vietnamese and English; each says that nothing was
    /// written, since nothing is left written whatever stopped the draft.
    #[must_use]
    pub fn msg(&self) -> Msg {
        let shown = crate::text::file_name::shown_path;
        match self {
            DraftError::Exists(p) => crate::disk::already_exists(p, true),
            DraftError::InsideDossier(p) => msg!(
                "\"{}\" nằm trong thư mục hồ sơ; hãy chọn thư mục ngoài hồ sơ (-o); không có tệp nào được ghi", shown(p);
                "\"{}\" is inside the dossier folder; choose a folder outside it (-o); nothing was written", shown(p)
            ),
            DraftError::OtherDossier(p) => msg!(
                "\"{}\" là, hoặc nằm trong, thư mục của một hồ sơ khác (có ho-so.yaml); bản thảo sẽ thành tệp thừa của hồ sơ đó, có thể ghi đè bản quét đã ký: chọn thư mục khác (-o); không có tệp nào được ghi", shown(p);
                "\"{}\" is, or is inside, another dossier's folder (one holding ho-so.yaml); the drafts would become its stray files, and could replace a signed scan: choose another folder (-o); nothing was written", shown(p)
            ),
            DraftError::NotEmpty(p) => msg!(
                "thư mục \"{}\" đã có tệp khác; chọn thư mục mới hoặc trống (-o), hoặc dùng --force để ghi vào đó; không có tệp nào được ghi", shown(p);
                "the folder \"{}\" holds other files; choose a new or empty folder (-o), or use --force to write into it; nothing was written", shown(p)
            ),
            DraftError::Link(l) => {
                let m = l.msg();
                msg!(
                    "{}; chọn thư mục khác (-o), không qua liên kết; không có tệp nào được ghi", m.vi;
                    "{}; choose another folder (-o), not through a link; nothing was written", m.en
                )
            }
            DraftError::NotAFolder(p) => msg!(
                "\"{}\" đã có và không phải thư mục; không có tệp nào được ghi", shown(p);
                "\"{}\" exists and is not a folder; nothing was written", shown(p)
            ),
            DraftError::Io { path, source } => {
                // A full disk, a size limit, no permission: said as `pack` says them.
                let why = crate::diag::write_words(source, path);
                let (v, en) = (why.vi, why.en);
                msg!(
                    "không ghi được \"{}\": {v}; không có tệp nào được ghi", shown(path);
                    "cannot write \"{}\": {en}; nothing was written", shown(path)
                )
            }
            // The PDF writer's own words are English and technical: the clerk reads which
            // file could not be made.
            DraftError::Pdf(other) => msg!(
                "không tạo được tệp PDF (bộ tạo PDF báo lỗi); không có tệp nào được ghi";
                "could not draft ({other}); nothing was written"
            ),
            DraftError::Docx(other) => {
                let m = other.msg();
                msg!(
                    "{}; không có tệp nào được ghi", m.vi;
                    "could not draft ({}); nothing was written", m.en
                )
            }
        }
    }
}

crate::english_display!(DraftError);

impl std::error::Error for DraftError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DraftError::Link(e) => Some(e),
            DraftError::Io { source, .. } => Some(source),
            DraftError::Pdf(e) => Some(e),
            DraftError::Docx(e) => Some(e),
            _ => None,
        }
    }
}

impl From<crate::disk::links::LinkError> for DraftError {
    fn from(e: crate::disk::links::LinkError) -> Self {
        DraftError::Link(e)
    }
}

impl From<PageError> for DraftError {
    fn from(e: PageError) -> Self {
        DraftError::Pdf(e)
    }
}

impl From<docx::DocxError> for DraftError {
    fn from(e: docx::DocxError) -> Self {
        DraftError::Docx(e)
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> DraftError + '_ {
    move |source| DraftError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// `<dossier>-du-thao` beside the dossier folder.
fn default_out(dossier: &Path) -> PathBuf {
    let name = dossier
        .file_name()
        .map_or_else(|| "ho-so".into(), |n| n.to_string_lossy().into_owned());
    let parent = dossier.parent().unwrap_or_else(|| Path::new("."));
    parent.join(format!("{name}-du-thao"))
}

/// `path` made absolute and free of `.` and `..` through its nearest existing ancestor, so that
/// a folder that does not exist yet can still be compared with the dossier's.
fn resolved(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(n), Some(p)) => {
                rest.push(n.to_os_string());
                existing = p.to_path_buf();
            }
            _ => break,
        }
        if existing.as_os_str().is_empty() {
            existing = PathBuf::from(".");
        }
    }
    let mut out = fs::canonicalize(&existing).unwrap_or(existing);
    for n in rest.into_iter().rev() {
        match Path::new(&n).components().next() {
            Some(Component::ParentDir) => {
                out.pop();
            }
            Some(Component::CurDir) | None => {}
            _ => out.push(n),
        }
    }
    out
}

/// Refuse an output folder that is a link, or that holds one where a draft goes (`bao-cao/`,
/// a file): the drafts would land, and with `--force` replace files, wherever it leads. The
/// folders above the output folder are the clerk's way to it, as the dossier folder given
/// through a shortcut is: not judged.
fn no_link_on_the_way(out: &Path, files: &[String]) -> Result<(), DraftError> {
    use crate::disk::links::{self, LinkError};
    // Rebuilt from its components: `-o link/` with the final slash would be looked at through
    // the link.
    let out: PathBuf = out.components().collect();
    if let (Some(name), Some(parent)) = (out.file_name(), out.parent()) {
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        if let Some(link) = links::first_link(parent, Path::new(name)) {
            return Err(LinkError::new(parent, &link).into());
        }
    }
    for f in files {
        links::refuse_links(&out, Path::new(f))?;
    }
    Ok(())
}

/// The files one document gives, relative to the output folder.
fn names(stem: &str, f: Formats) -> Vec<String> {
    let mut v = Vec::new();
    if f.docx {
        v.push(format!("{stem}.docx"));
    }
    if f.pdf {
        v.push(format!("{stem}.pdf"));
    }
    v
}

/// Check the dossier and write its drafts.
pub fn draft(dir: &Path, catalog: &Catalog, opts: &Options) -> Result<Outcome, DraftError> {
    let on = Against::new(catalog, opts.today).office(&opts.config);
    let mut checked = check_dossier(dir, &on);
    // Documents are drafted ahead of the day they are signed: a tờ trình dated next week is
    // checked as of that day (its date is not "in the future" for the draft), and said.
    let signing = signing_day(&checked.dossier, opts.today);
    if let Some(day) = signing {
        checked = check_dossier(dir, &on.on(day));
    }
    // A form's "cấp xã" the dossier names no unit of (VB008) is a warning for check and pack,
    // which print no document to sign; the drafts would print a gap where the commune's name
    // belongs, so they are refused as for an error (#18 item 4).
    let failing = checked.fails(false) || crate::rules::places::stops_draft(&checked.findings);
    if failing && !opts.anyway {
        return Ok(Outcome::Refused(checked));
    }
    let dossier = resolved(dir);
    let out = match &opts.out {
        Some(o) => o.clone(),
        None => default_out(&dossier),
    };
    let out_abs = resolved(&out);
    if out_abs.starts_with(&dossier) {
        return Err(DraftError::InsideDossier(out));
    }
    // Another dossier, or any folder inside one (its bao-cao/ or dinh-kem/, where a draft
    // named to-trinh.pdf would replace a signed scan): refused even with --force.
    if out_abs.ancestors().any(|a| {
        ["ho-so.yaml", "ho-so.yml"]
            .iter()
            .any(|m| a.join(m).exists())
    }) {
        return Err(DraftError::OtherDossier(out));
    }
    let docs = compose::documents(&checked.dossier, checked.rule_set(catalog), failing);
    let mut files: Vec<String> = docs
        .iter()
        .flat_map(|d| names(&d.stem, opts.formats))
        .collect();
    files.sort();
    no_link_on_the_way(&out, &files)?;
    // A killed draft's staging folder inside `out` is no clerk's file: swept before `out` is
    // judged empty or not (a live one, another draft at work, still counts).
    if out.is_dir() {
        cleanup::sweep(&out, "draft");
    }
    if out.exists() {
        if !out.is_dir() {
            return Err(DraftError::NotAFolder(out));
        }

        // Only a folder of earlier drafts (every entry one this draft writes) is written
        // into without --force.
        let drafted: std::collections::HashSet<&str> = files
            .iter()
            .map(|f| f.split('/').next().unwrap_or(f))
            .collect();
        let foreign = std::fs::read_dir(&out)
            .map_err(io(&out))?
            .flatten()
            .any(|e| !drafted.contains(e.file_name().to_string_lossy().as_ref()));
        if foreign && !opts.force {
            return Err(DraftError::NotEmpty(out));
        }
        if !opts.force {
            if let Some(f) = files.iter().find(|f| out.join(f).exists()) {
                return Err(DraftError::Exists(out.join(f)));
            }
        }
    }
    write_all(&out, &docs, opts.formats)?;
    Ok(Outcome::Drafted {
        checked,
        out,
        files,
        stamped: failing,
        signing,
    })
}

/// Render every document into a staging folder, then move the results into `out`.
fn write_all(out: &Path, docs: &[model::Document], formats: Formats) -> Result<(), DraftError> {
    let exists = out.exists();
    let parent = if exists {
        out.to_path_buf()
    } else {
        match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    };
    // Folders made for the output go again if the draft does not finish (deepest first;
    // registered outermost first, so that a signal removes them deepest first too).
    let made: Vec<PathBuf> = parent
        .ancestors()
        .take_while(|a| !a.as_os_str().is_empty() && !a.exists())
        .map(Path::to_path_buf)
        .collect();
    for m in made.iter().rev() {
        cleanup::register(m, Made::EmptyFolder);
    }
    let result = stage_and_move(out, &parent, exists, docs, formats);
    for m in &made {
        match &result {
            Ok(()) => cleanup::forget(m),
            Err(_) => cleanup::discard(m),
        }
    }
    result
}

fn stage_and_move(
    out: &Path,
    parent: &Path,
    exists: bool,
    docs: &[model::Document],
    formats: Formats,
) -> Result<(), DraftError> {
    fs::create_dir_all(parent).map_err(io(parent))?;
    // What a killed draft into this folder left behind goes first.
    cleanup::sweep(parent, "draft");
    let stage = Staging::new(parent, "draft").map_err(io(out))?;
    // The documents in a folder of their own inside the staging folder: it becomes `out` in
    // one rename, without the lock file beside it.
    let root = stage.path().join("ban-thao");
    fs::create_dir(&root).map_err(io(out))?;
    if docs.iter().any(|d| d.stem.contains('/')) {
        fs::create_dir_all(root.join("bao-cao")).map_err(io(out))?;
    }
    // The fonts are parsed once: the PDF prints with them, the DOCX breaks its names and
    // sizes its rules by their widths.
    let engine = DocumentPdf::new()?;
    let pdf = formats.pdf.then_some(&engine);
    // A write error names the draft's own place, not the staging folder the clerk never sees.
    let put = |name: String, bytes: Vec<u8>| -> Result<(), DraftError> {
        fs::write(root.join(&name), bytes).map_err(io(&out.join(&name)))
    };
    docs.par_iter()
        .try_for_each(|d| -> Result<(), DraftError> {
            if formats.docx {
                put(format!("{}.docx", d.stem), docx::render(d, &engine)?)?;
            }
            if let Some(engine) = pdf {
                put(format!("{}.pdf", d.stem), engine.render(d)?)?;
            }
            Ok(())
        })?;
    if !exists {
        // All or nothing: the documents' folder becomes the output folder in one rename.
        return fs::rename(&root, out).map_err(io(out));
    }
    for d in docs {
        for name in names(&d.stem, formats) {
            let target = out.join(&name);
            if let Some(p) = target.parent() {
                fs::create_dir_all(p).map_err(io(p))?;
            }
            let from = root.join(&name);
            fs::rename(&from, &target).map_err(io(&target))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "already exists" is said as `pack`, `export` and the editing commands say it: one
    /// wording (`disk::already_exists`), naming --force and that nothing was written.
    #[test]
    fn an_existing_draft_is_said_as_every_command_says_it() {
        let e = DraftError::Exists(PathBuf::from("hs-du-thao/to-trinh.pdf"));
        assert_eq!(
            e.msg(),
            Msg::new(
                "đã có tệp \"hs-du-thao/to-trinh.pdf\"; dùng --force để ghi đè; không có tệp nào được ghi",
                "\"hs-du-thao/to-trinh.pdf\" already exists; use --force to replace it; nothing was written"
            )
        );
        assert_eq!(e.to_string(), e.msg().en);
    }

    /// `verify` regenerates a cover list in a process that may have rendered others; drafts are
    /// held to the same: the second render in one process gives the first one's bytes.
    #[test]
    fn two_renders_in_one_process_give_the_same_bytes() {
        let catalog = Catalog::builtin().unwrap_or_else(|_| Catalog { sets: Vec::new() });
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
        let checked = check_dossier(&dir, &Against::new(&catalog, Date::default()));
        let docs = compose::documents(&checked.dossier, checked.rule_set(&catalog), false);
        let engine = DocumentPdf::new().ok();
        for d in &docs {
            let a = engine.as_ref().and_then(|e| e.render(d).ok());
            let b = engine.as_ref().and_then(|e| e.render(d).ok());
            assert!(a.is_some() && a == b, "{}", d.stem);
            let docx = |e: &DocumentPdf| docx::render(d, e).ok();
            let x = engine.as_ref().and_then(docx);
            assert!(x.is_some() && x == engine.as_ref().and_then(docx));
        }
    }
}
