//! The office's drafts as files: `OUT/du-thao/to-trinh.docx|.pdf`, one
//! `quyet-dinh[-<form>].docx|.pdf` per decision ([`super::drafts`]) and each decision's list
//! as a sheet, `danh-sach-khen-thuong[-<form>].xlsx` ([`super::award_list`]), named by the same
//! form as its decision, so the list printed by `certificates` is one decision's.
//!
//! Every name is known before a file is written, so the command refuses an existing one (no
//! `--force`) before it writes anything; each file is written whole (a temporary file renamed
//! into place, `export::write`). Nothing is planned when no nominee is accepted: there is no
//! decision to draft.

use std::path::{Path, PathBuf};

use crate::config::{Decider, Office};
use crate::date::Date;
use crate::diag::Msg;
use crate::msg;
use crate::page::document::DocumentPdf;
use crate::page::model::Document;

use super::decision::Lists;
use super::Review;

/// The folder of `OUT/` the drafts go to.
pub const FOLDER: &str = "du-thao";
/// The office's tờ trình's stem.
pub const PROPOSAL: &str = "to-trinh";
/// The sheet's name when there is one decision; with several, each is
/// `danh-sach-khen-thuong-<form>.xlsx`, the form as in its decision's `quyet-dinh-<form>`.
pub const SHEET: &str = "danh-sach-khen-thuong.xlsx";
/// The sheets' stem.
const SHEET_STEM: &str = "danh-sach-khen-thuong";
/// The decisions' stem.
const DECISION_STEM: &str = "quyet-dinh";

/// The drafts to write: the decisions' stems, one per decision in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Planned {
    /// `quyet-dinh`, or `quyet-dinh-<form>` for each when there are several forms.
    pub decisions: Vec<String>,
}

impl Planned {
    /// Whether there is nothing to draft.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty()
    }

    /// Every file, in `out` (the review's output folder), in the order written.
    #[must_use]
    pub fn files(&self, out: &Path) -> Vec<PathBuf> {
        if self.is_empty() {
            return Vec::new();
        }
        let dir = out.join(FOLDER);
        let mut v = Vec::new();
        for stem in std::iter::once(PROPOSAL).chain(self.decisions.iter().map(String::as_str)) {
            v.push(dir.join(format!("{stem}.docx")));
            v.push(dir.join(format!("{stem}.pdf")));
        }
        v.extend(self.sheets().into_iter().map(|s| dir.join(s)));
        v
    }

    /// The lists' file names, one per decision in order: `danh-sach-khen-thuong.xlsx` for one
    /// decision, else the decision's own form suffix (`quyet-dinh-bang-khen` →
    /// `danh-sach-khen-thuong-bang-khen.xlsx`, numbered alike when two forms share a slug).
    #[must_use]
    pub fn sheets(&self) -> Vec<String> {
        self.decisions
            .iter()
            .map(|stem| {
                let form = stem.strip_prefix(DECISION_STEM).unwrap_or("");
                format!("{SHEET_STEM}{form}.xlsx")
            })
            .collect()
    }
}

/// The files `lists` makes: one decision's stem per form, `quyet-dinh` alone when there is one
/// form, else named by the form's id as an ASCII id (numbered when two would share it).
#[must_use]
pub fn plan(lists: &Lists) -> Planned {
    let decisions = match lists.decisions.as_slice() {
        [] => Vec::new(),
        [_] => vec![DECISION_STEM.to_owned()],
        many => {
            let mut taken = std::collections::HashSet::new();
            many.iter()
                .map(|d| {
                    let base = format!(
                        "{DECISION_STEM}-{}",
                        crate::text::slug::slug(&d.form).unwrap_or_else(|| "hinh-thuc".to_owned())
                    );
                    let mut stem = base.clone();
                    let mut n = 1;
                    while !taken.insert(stem.clone()) {
                        n += 1;
                        stem = format!("{base}-{n}");
                    }
                    stem
                })
                .collect()
        }
    };
    Planned { decisions }
}

fn both(doc: &Document, engine: &DocumentPdf) -> Result<(Vec<u8>, Vec<u8>), Msg> {
    let failed =
        |m: Msg| msg!("không tạo được dự thảo: {}", m.vi; "the draft could not be made: {}", m.en);
    let docx = crate::draft::docx::render(doc, engine).map_err(|e| failed(e.msg()))?;
    let pdf = engine.render(doc).map_err(|e| failed(e.msg()))?;
    Ok((docx, pdf))
}

/// What the drafts are made of.
pub struct Inputs<'a> {
    /// The review.
    pub review: &'a Review,
    /// Its decisions.
    pub lists: &'a Lists,
    /// The receiving office (`co_quan_tiep_nhan`).
    pub office: Option<&'a Office>,
    /// The deciding authority (`co_quan_quyet_dinh`).
    pub decider: Option<&'a Decider>,
    /// Today: the year of the tờ trình's date line, the files' dates.
    pub day: Date,
}

/// Compose and write every planned file; the files written, in order. Stops at the first that
/// cannot be made, with why (every file written before it is whole). The documents are
/// composed and rendered before the first is written, so a draft that cannot be made leaves
/// nothing half done.
pub fn write(
    out: &Path,
    inputs: &Inputs<'_>,
    plan: &Planned,
    force: bool,
) -> Result<Vec<PathBuf>, Msg> {
    if plan.is_empty() {
        return Ok(Vec::new());
    }
    let engine = DocumentPdf::new().map_err(|e| e.msg())?;
    let Inputs {
        review,
        lists,
        office,
        decider,
        day,
    } = *inputs;
    let mut docs = vec![super::drafts::proposal(review, lists, office, decider, day)];
    for (d, stem) in lists.decisions.iter().zip(&plan.decisions) {
        let mut doc = super::drafts::decision(review, d, office, decider, day);
        doc.stem.clone_from(stem);
        docs.push(doc);
    }
    let mut bytes: Vec<Vec<u8>> = Vec::new();
    for doc in &docs {
        let (docx, pdf) = both(doc, &engine)?;
        bytes.push(docx);
        bytes.push(pdf);
    }
    for d in &lists.decisions {
        let sheet = super::award_list::workbook(review, d).map_err(|e| {
            let e = e.to_string();
            msg!("không tạo được danh sách khen thưởng: {e}"; "the award list could not be made: {e}")
        })?;
        bytes.push(sheet);
    }
    let dir = out.join(FOLDER);
    std::fs::create_dir_all(&dir).map_err(|e| crate::diag::write_words(&e, &dir))?;
    let mut written = Vec::new();
    for (path, b) in plan.files(out).into_iter().zip(bytes) {
        crate::export::write(&path, &b, force).map_err(|e| e.msg())?;
        written.push(path);
    }
    Ok(written)
}
