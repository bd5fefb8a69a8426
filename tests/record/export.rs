//! `dossier export`: the sheet written, over an existing one, and the refusals (no folder, a
//! file given as the folder, no .xlsx name, inside a dossier).

use std::fs;

use super::record;
use crate::fixtures::overlay;
use crate::util::{repo, Scratch, TODAY};

const C: &str = "export";

#[test]
fn exported() {
    let s = Scratch::base();
    record(
        C,
        "exported",
        &s,
        &["export", "--today", TODAY, "hs", "--xlsx", "ds.xlsx"],
    );
    record(
        C,
        "exists",
        &s,
        &["export", "--today", TODAY, "hs", "--xlsx", "ds.xlsx"],
    );
    record(
        C,
        "exists_en",
        &s,
        &[
            "--lang", "en", "export", "--today", TODAY, "hs", "--xlsx", "ds.xlsx",
        ],
    );
    record(
        C,
        "force",
        &s,
        &[
            "export", "--today", TODAY, "hs", "--xlsx", "ds.xlsx", "--force",
        ],
    );
    record(
        C,
        "exported_en_folder_of_dossiers",
        &s,
        &[
            "--lang",
            "en",
            "export",
            "--today",
            TODAY,
            ".",
            "--xlsx",
            "tat-ca.xlsx",
        ],
    );
}

#[test]
fn a_dossier_with_errors_is_exported_with_its_count() {
    let s = Scratch::base();
    overlay(&s, &repo().join("tests/fixtures/rules/NG002"));
    record(
        C,
        "errors",
        &s,
        &["export", "--today", TODAY, "hs", "--xlsx", "ds.xlsx"],
    );
}

#[test]
fn refusals() {
    let s = Scratch::base();
    fs::create_dir(s.dir.path().join("trong")).unwrap();
    record(
        C,
        "missing_folder",
        &s,
        &["export", "--today", TODAY, "khong-co", "--xlsx", "ds.xlsx"],
    );
    record(
        C,
        "missing_folder_en",
        &s,
        &[
            "--lang", "en", "export", "--today", TODAY, "khong-co", "--xlsx", "ds.xlsx",
        ],
    );
    record(
        C,
        "a_file",
        &s,
        &[
            "export",
            "--today",
            TODAY,
            "hs/ho-so.yaml",
            "--xlsx",
            "ds.xlsx",
        ],
    );
    record(
        C,
        "no_dossier",
        &s,
        &["export", "--today", TODAY, "trong", "--xlsx", "ds.xlsx"],
    );
    record(
        C,
        "not_xlsx",
        &s,
        &["export", "--today", TODAY, "hs", "--xlsx", "ds.csv"],
    );
    record(
        C,
        "not_xlsx_en",
        &s,
        &[
            "--lang", "en", "export", "--today", TODAY, "hs", "--xlsx", "ds",
        ],
    );
    record(
        C,
        "inside_the_dossier",
        &s,
        &["export", "--today", TODAY, "hs", "--xlsx", "hs/ds.xlsx"],
    );
    record(
        C,
        "folder_as_sheet",
        &s,
        &["export", "--today", TODAY, "hs", "--xlsx", "trong"],
    );
    record(C, "no_xlsx_option", &s, &["export", "hs"]);
}

#[test]
fn a_dossier_that_cannot_be_read_is_a_row_that_says_so() {
    let s = Scratch::base();
    s.write("to-trinh.yaml", "danh_sach: [\n");
    record(
        C,
        "proposal_does_not_parse",
        &s,
        &["export", "--today", TODAY, "hs", "--xlsx", "ds.xlsx"],
    );
}
