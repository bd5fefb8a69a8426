//! `dossier check`: a clean dossier, findings in each output format, the summary-only and
//! report-to-file runs, and every refusal before a dossier is read.

use std::fs;

use super::record;
use crate::fixtures::overlay;
use crate::util::{copy_tree, repo, Scratch, TODAY};

const C: &str = "check";

/// The base dossier with a rule fixture laid over it.
fn with(fixture: &str) -> Scratch {
    let s = Scratch::base();
    overlay(&s, &repo().join("tests/fixtures/rules").join(fixture));
    s
}

#[test]
fn clean() {
    let s = Scratch::base();
    record(C, "clean", &s, &["check", "--today", TODAY, "hs"]);
    record(
        C,
        "clean_en",
        &s,
        &["--lang", "en", "check", "--today", TODAY, "hs"],
    );
    // No path: the current folder, searched for dossiers.
    record(C, "clean_current_folder", &s, &["check", "--today", TODAY]);
}

#[test]
fn findings_in_every_format() {
    let s = with("NG002");
    record(C, "error", &s, &["check", "--today", TODAY, "hs"]);
    record(
        C,
        "error_en",
        &s,
        &["--lang", "en", "check", "--today", TODAY, "hs"],
    );
    for f in ["json", "junit", "sarif", "github"] {
        record(
            C,
            &format!("error_{f}"),
            &s,
            &["check", "--today", TODAY, "--format", f, "hs"],
        );
    }
    record(
        C,
        "error_to_file",
        &s,
        &[
            "check",
            "--today",
            TODAY,
            "hs",
            "-o",
            "bao-cao-kiem-tra.txt",
        ],
    );
    record(
        C,
        "color_always",
        &s,
        &["check", "--today", TODAY, "--color", "always", "hs"],
    );
}

/// The HTML page (#22) of a shipped invalid example, in both languages: the whole page, style
/// included, so a change of what the clerk sees or prints is read in the diff.
#[test]
fn html_page() {
    let s = Scratch::of("examples/invalid/NG002-minutes-after-proposal");
    record(
        C,
        "error_html",
        &s,
        &["check", "--today", TODAY, "--format", "html", "hs"],
    );
    record(
        C,
        "error_html_en",
        &s,
        &[
            "--lang", "en", "check", "--today", TODAY, "--format", "html", "hs",
        ],
    );
}

#[test]
fn warnings() {
    let s = with("HS017");
    record(C, "warning", &s, &["check", "--today", TODAY, "hs"]);
    record(
        C,
        "warning_denied",
        &s,
        &["check", "--today", TODAY, "--deny-warnings", "hs"],
    );
}

#[test]
fn a_folder_of_dossiers_and_quiet() {
    let s = Scratch::base();
    copy_tree(&s.hs(), &s.dir.path().join("hs2"));
    overlay(&s, &repo().join("tests/fixtures/rules/NG002"));
    record(C, "two_dossiers", &s, &["check", "--today", TODAY, "."]);
    record(
        C,
        "two_dossiers_quiet",
        &s,
        &["check", "--today", TODAY, "-q", "."],
    );
}

#[test]
fn refusals() {
    let s = Scratch::base();
    fs::create_dir(s.dir.path().join("trong")).unwrap();
    record(
        C,
        "missing_path",
        &s,
        &["check", "--today", TODAY, "khong-co"],
    );
    record(
        C,
        "missing_path_en",
        &s,
        &["--lang", "en", "check", "--today", TODAY, "khong-co"],
    );
    record(
        C,
        "file_not_folder",
        &s,
        &["check", "--today", TODAY, "hs/ho-so.yaml"],
    );
    record(
        C,
        "folder_without_dossier",
        &s,
        &["check", "--today", TODAY, "trong"],
    );
    record(
        C,
        "folder_without_dossier_en",
        &s,
        &["--lang", "en", "check", "--today", TODAY, "trong"],
    );
    record(
        C,
        "bad_today",
        &s,
        &["check", "--today", "28/11/2026", "hs"],
    );
    record(
        C,
        "bad_today_en",
        &s,
        &["--lang", "en", "check", "--today", "2026-02-30", "hs"],
    );
    record(C, "unknown_format", &s, &["check", "--format", "pdf", "hs"]);
    record(C, "unknown_option", &s, &["check", "--bogus", "hs"]);
    record(
        C,
        "unknown_option_en",
        &s,
        &["--lang", "en", "check", "--bogus", "hs"],
    );
    record(
        C,
        "missing_config",
        &s,
        &["check", "--today", TODAY, "--config", "khong-co.yaml", "hs"],
    );
    record(
        C,
        "config_and_no_config",
        &s,
        &["check", "--config", "a.yaml", "--no-config", "hs"],
    );
    record(
        C,
        "missing_criteria",
        &s,
        &[
            "check",
            "--today",
            TODAY,
            "--criteria",
            "khong-co.yaml",
            "hs",
        ],
    );
}

#[test]
fn a_renamed_proposal_file_is_named() {
    let s = Scratch::base();
    fs::rename(s.hs().join("ho-so.yaml"), s.hs().join("Copy of ho-so.yaml")).unwrap();
    record(C, "copy_of_ho_so", &s, &["check", "--today", TODAY, "hs"]);
    record(
        C,
        "copy_of_ho_so_en",
        &s,
        &["--lang", "en", "check", "--today", TODAY, "hs"],
    );
}

#[test]
fn an_office_configuration_that_cannot_be_read() {
    let s = Scratch::base();
    fs::write(s.dir.path().join(".dossier.yaml"), "muc_do: [\n").unwrap();
    record(C, "bad_config", &s, &["check", "--today", TODAY, "hs"]);
    record(
        C,
        "bad_config_en",
        &s,
        &["--lang", "en", "check", "--today", TODAY, "hs"],
    );
}

#[test]
fn files_that_cannot_be_read() {
    let s = Scratch::base();
    fs::remove_file(s.hs().join("to-trinh.yaml")).unwrap();
    fs::create_dir(s.hs().join("to-trinh.yaml")).unwrap();
    record(
        C,
        "proposal_is_a_folder",
        &s,
        &["check", "--today", TODAY, "hs"],
    );
    let s = Scratch::base();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        s.read("ho-so.yaml")
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    s.write("ho-so.yaml", bytes);
    record(
        C,
        "utf16_from_notepad",
        &s,
        &["check", "--today", TODAY, "hs"],
    );
    record(
        C,
        "utf16_from_notepad_en",
        &s,
        &["--lang", "en", "check", "--today", TODAY, "hs"],
    );
}
