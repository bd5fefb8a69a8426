//! `dossier draft`: the documents drafted (the list of files it prints and writes), over an
//! existing draft, a dossier with errors refused and drafted anyway, and the refusals of the
//! output place. The bytes of the drafts are tested in `tests/draft*.rs`.

use std::fs;

use super::record;
use crate::fixtures::overlay;
use crate::util::{repo, Scratch, TODAY};

const C: &str = "draft";

#[test]
fn drafted() {
    let s = Scratch::base();
    record(C, "drafted", &s, &["draft", "--today", TODAY, "hs"]);
    record(C, "exists", &s, &["draft", "--today", TODAY, "hs"]);
    record(
        C,
        "exists_en",
        &s,
        &["--lang", "en", "draft", "--today", TODAY, "hs"],
    );
    record(
        C,
        "force",
        &s,
        &[
            "draft", "--today", TODAY, "hs", "--force", "--format", "pdf",
        ],
    );
    record(
        C,
        "drafted_en_docx",
        &s,
        &[
            "--lang", "en", "draft", "--today", TODAY, "hs", "-o", "out", "--format", "docx",
        ],
    );
}

#[test]
fn a_dossier_with_errors() {
    let s = Scratch::base();
    overlay(&s, &repo().join("tests/fixtures/rules/NG002"));
    record(
        C,
        "errors",
        &s,
        &["draft", "--today", TODAY, "hs", "-o", "out"],
    );
    record(
        C,
        "errors_en",
        &s,
        &["--lang", "en", "draft", "--today", TODAY, "hs", "-o", "out"],
    );
    record(
        C,
        "errors_drafted_anyway",
        &s,
        &[
            "draft",
            "--today",
            TODAY,
            "hs",
            "-o",
            "out",
            "--draft-anyway",
            "--format",
            "pdf",
        ],
    );
}

#[test]
fn refusals() {
    let s = Scratch::base();
    record(
        C,
        "missing_dossier",
        &s,
        &["draft", "--today", TODAY, "khong-co"],
    );
    record(
        C,
        "missing_dossier_en",
        &s,
        &["--lang", "en", "draft", "--today", TODAY, "khong-co"],
    );
    record(
        C,
        "file_not_folder",
        &s,
        &["draft", "--today", TODAY, "hs/to-trinh.yaml"],
    );
    record(
        C,
        "output_named_as_a_file",
        &s,
        &["draft", "--today", TODAY, "hs", "-o", "to-trinh.docx"],
    );
    record(
        C,
        "output_inside_the_dossier",
        &s,
        &["draft", "--today", TODAY, "hs", "-o", "hs/in"],
    );
    fs::create_dir(s.dir.path().join("day")).unwrap();
    fs::write(s.dir.path().join("day/ghi-chu.txt"), "giữ").unwrap();
    record(
        C,
        "output_not_empty",
        &s,
        &["draft", "--today", TODAY, "hs", "-o", "day"],
    );
    record(
        C,
        "unknown_format",
        &s,
        &["draft", "--today", TODAY, "hs", "--format", "odt"],
    );
    record(C, "no_argument", &s, &["draft"]);
}

#[test]
fn a_dossier_that_cannot_be_read() {
    let s = Scratch::base();
    s.write("to-trinh.yaml", "danh_sach: [\n");
    record(
        C,
        "proposal_does_not_parse",
        &s,
        &["draft", "--today", TODAY, "hs", "-o", "out"],
    );
    record(
        C,
        "proposal_does_not_parse_anyway",
        &s,
        &[
            "draft",
            "--today",
            TODAY,
            "hs",
            "-o",
            "out",
            "--draft-anyway",
            "--format",
            "pdf",
        ],
    );
}
