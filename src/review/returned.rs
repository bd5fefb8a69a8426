//! The letters of the returned dossiers as files: `OUT/tra-lai/<name>.docx` and `.pdf`, one
//! pair per returned dossier ([`super::letter`]).
//!
//! `<name>` is the bundle's file name without `.zip`, or the folder's name, made an ASCII id
//! (`text::slug`), numbered when two dossiers would share it. The names are known before any
//! file is written, so the command refuses an existing one (no `--force`) before it writes the
//! summary sheet; each file is written whole (a temporary file renamed into place,
//! `export::write`), never over an existing one without `force`.

use std::path::{Path, PathBuf};

use crate::config::Office;
use crate::date::Date;
use crate::diag::{Lang, Msg};
use crate::msg;
use crate::page::document::DocumentPdf;

use super::{Review, Status};

/// The folder of `OUT/` the letters go to.
pub const FOLDER: &str = "tra-lai";

/// One letter to write: the dossier (its index in the review) and the files' stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// Index in `Review::dossiers`.
    pub dossier: usize,
    /// File stem in `OUT/tra-lai/`.
    pub stem: String,
}

impl Planned {
    /// The two files, in `out` (the review's output folder): DOCX, then PDF.
    #[must_use]
    pub fn files(&self, out: &Path) -> [PathBuf; 2] {
        let dir = out.join(FOLDER);
        [
            dir.join(format!("{}.docx", self.stem)),
            dir.join(format!("{}.pdf", self.stem)),
        ]
    }
}

/// The letters of `review`'s returned dossiers, each with a stem of its own.
#[must_use]
pub fn plan(review: &Review) -> Vec<Planned> {
    let mut taken = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (i, d) in review.dossiers.iter().enumerate() {
        if d.status != Status::Returned {
            continue;
        }
        let p = &d.source.path;
        let name = match d.source.kind {
            super::Kind::Bundle => p.file_stem(),
            super::Kind::Folder => p.file_name(),
        }
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
        let base = crate::text::slug::slug(&name).unwrap_or_else(|| "ho-so".to_owned());
        let mut stem = base.clone();
        let mut n = 1;
        while !taken.insert(stem.clone()) {
            n += 1;
            stem = format!("{base}-{n}");
        }
        out.push(Planned { dossier: i, stem });
    }
    out
}

/// Compose and write every planned letter; the files written, in order. Stops at the first
/// file that cannot be made, with why (every file written before it is whole).
pub fn write(
    out: &Path,
    review: &Review,
    plan: &[Planned],
    office: Option<&Office>,
    day: Date,
    lang: Lang,
    force: bool,
) -> Result<Vec<PathBuf>, Msg> {
    if plan.is_empty() {
        return Ok(Vec::new());
    }
    let dir = out.join(FOLDER);
    std::fs::create_dir_all(&dir).map_err(|e| crate::diag::write_words(&e, &dir))?;
    let engine = DocumentPdf::new().map_err(|e| e.msg())?;
    let mut written = Vec::new();
    for p in plan {
        let Some(d) = review.dossiers.get(p.dossier) else {
            continue;
        };
        let mut doc = super::letter::letter(d, office, day, lang);
        doc.stem.clone_from(&p.stem);
        let [docx_path, pdf_path] = p.files(out);
        let docx = crate::draft::docx::render(&doc, &engine).map_err(|e| {
            let m = e.msg();
            msg!("không tạo được thư trả lại: {}", m.vi; "the return letter could not be made: {}", m.en)
        })?;
        let pdf = engine.render(&doc).map_err(|e| {
            let m = e.msg();
            msg!("không tạo được thư trả lại: {}", m.vi; "the return letter could not be made: {}", m.en)
        })?;
        crate::export::write(&docx_path, &docx, force).map_err(|e| e.msg())?;
        crate::export::write(&pdf_path, &pdf, force).map_err(|e| e.msg())?;
        written.push(docx_path);
        written.push(pdf_path);
    }
    Ok(written)
}
