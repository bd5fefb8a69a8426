//! `dossier pack`: a bundle written, with warnings, over an existing one, and the refusals (a
//! dossier with errors, a path that is no dossier, a bundle name without .zip).

use std::fs;

use super::record;
use crate::fixtures::overlay;
use crate::util::{repo, Scratch, TODAY};

const C: &str = "pack";

#[test]
fn packed() {
    let s = Scratch::base();
    fs::create_dir(s.dir.path().join("out")).unwrap();
    record(
        C,
        "packed",
        &s,
        &["pack", "--today", TODAY, "hs", "-o", "out"],
    );
    record(
        C,
        "exists",
        &s,
        &["pack", "--today", TODAY, "hs", "-o", "out"],
    );
    record(
        C,
        "exists_en",
        &s,
        &["--lang", "en", "pack", "--today", TODAY, "hs", "-o", "out"],
    );
    record(
        C,
        "force",
        &s,
        &["pack", "--today", TODAY, "hs", "-o", "out", "--force"],
    );
    record(
        C,
        "packed_en_to_a_file",
        &s,
        &[
            "--lang", "en", "pack", "--today", TODAY, "hs", "-o", "goi.zip",
        ],
    );
    record(
        C,
        "new_folder",
        &s,
        &["pack", "--today", TODAY, "hs", "-o", "moi/"],
    );
}

#[test]
fn default_output_is_the_current_folder() {
    let s = Scratch::base();
    record(C, "default_output", &s, &["pack", "--today", TODAY, "hs"]);
}

#[test]
fn warnings() {
    let s = Scratch::base();
    overlay(&s, &repo().join("tests/fixtures/rules/HS017"));
    record(
        C,
        "warning",
        &s,
        &["pack", "--today", TODAY, "hs", "-o", "a.zip"],
    );
    record(
        C,
        "warning_denied",
        &s,
        &[
            "pack",
            "--today",
            TODAY,
            "hs",
            "-o",
            "b.zip",
            "--deny-warnings",
        ],
    );
}

#[test]
fn refusals() {
    let s = Scratch::base();
    overlay(&s, &repo().join("tests/fixtures/rules/NG002"));
    record(
        C,
        "errors",
        &s,
        &["pack", "--today", TODAY, "hs", "-o", "a.zip"],
    );
    record(
        C,
        "errors_en",
        &s,
        &[
            "--lang", "en", "pack", "--today", TODAY, "hs", "-o", "a.zip",
        ],
    );
    let s = Scratch::base();
    record(
        C,
        "missing_dossier",
        &s,
        &["pack", "--today", TODAY, "khong-co"],
    );
    record(
        C,
        "missing_dossier_en",
        &s,
        &["--lang", "en", "pack", "--today", TODAY, "khong-co"],
    );
    record(
        C,
        "file_not_folder",
        &s,
        &["pack", "--today", TODAY, "hs/ho-so.yaml"],
    );
    record(C, "no_argument", &s, &["pack"]);
    record(
        C,
        "name_without_zip",
        &s,
        &["pack", "--today", TODAY, "hs", "-o", "goi.pdf"],
    );
    record(
        C,
        "name_without_zip_en",
        &s,
        &[
            "--lang", "en", "pack", "--today", TODAY, "hs", "-o", "goi.pdf",
        ],
    );
    record(
        C,
        "into_the_dossier",
        &s,
        &["pack", "--today", TODAY, "hs", "-o", "hs/"],
    );
    record(C, "bad_today", &s, &["pack", "--today", "2026-13-01", "hs"]);
}
