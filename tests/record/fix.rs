//! `dossier fix`: the safe fixes shown (dry run) and made, nothing to fix, and the refusals.

use super::record;
use crate::fixtures::overlay;
use crate::util::{repo, Scratch};

const C: &str = "fix";

#[test]
fn fixed() {
    let s = Scratch::base();
    overlay(&s, &repo().join("tests/fixtures/rules/VB001"));
    record(C, "dry_run", &s, &["fix", "hs", "--dry-run"]);
    record(
        C,
        "dry_run_en",
        &s,
        &["--lang", "en", "fix", "hs", "--dry-run"],
    );
    record(C, "fixed", &s, &["fix", "hs"]);
    record(C, "nothing_to_fix", &s, &["fix", "hs"]);
    record(C, "nothing_to_fix_en", &s, &["--lang", "en", "fix", "hs"]);
}

#[test]
fn a_tab_used_as_indentation() {
    let s = Scratch::base();
    overlay(&s, &repo().join("tests/fixtures/rules/HS002"));
    record(C, "tab_indentation", &s, &["fix", "hs"]);
}

#[test]
fn refusals() {
    let s = Scratch::base();
    record(C, "missing_dossier", &s, &["fix", "khong-co"]);
    record(
        C,
        "missing_dossier_en",
        &s,
        &["--lang", "en", "fix", "khong-co"],
    );
    record(C, "a_file", &s, &["fix", "hs/ho-so.yaml"]);
    record(C, "no_argument", &s, &["fix"]);
}

#[test]
fn bytes_that_are_not_utf8() {
    let s = Scratch::base();
    let mut bytes = s.read("bien-ban.yaml").into_bytes();
    bytes.extend_from_slice(b"hoi_dong_x: \"Nguy\xC3n\"\n");
    s.write("bien-ban.yaml", bytes);
    record(C, "not_utf8", &s, &["fix", "hs"]);
    record(
        C,
        "not_utf8_en",
        &s,
        &["--lang", "en", "fix", "hs", "--dry-run"],
    );
}
