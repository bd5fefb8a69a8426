//! `dossier verify`: a bundle as packed, in each language and as JSON, one altered, and the
//! refusals of what is no bundle. Each bundle rule's words are in `rule_words.rs`.

use std::fs;

use super::record;
use crate::util::{Scratch, TODAY};

const C: &str = "verify";

/// The base dossier packed to `goi.zip`.
pub(super) fn packed() -> Scratch {
    let s = Scratch::base();
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "goi.zip"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    s
}

#[test]
fn intact() {
    let s = packed();
    record(C, "intact", &s, &["verify", "--today", TODAY, "goi.zip"]);
    record(
        C,
        "intact_en",
        &s,
        &["--lang", "en", "verify", "--today", TODAY, "goi.zip"],
    );
    record(
        C,
        "intact_json",
        &s,
        &["verify", "--today", TODAY, "--format", "json", "goi.zip"],
    );
    record(
        C,
        "intact_github",
        &s,
        &["verify", "--today", TODAY, "--format", "github", "goi.zip"],
    );
}

#[test]
fn refusals() {
    let s = packed();
    record(
        C,
        "missing",
        &s,
        &["verify", "--today", TODAY, "khong-co.zip"],
    );
    record(
        C,
        "missing_en",
        &s,
        &["--lang", "en", "verify", "--today", TODAY, "khong-co.zip"],
    );
    record(C, "a_folder", &s, &["verify", "--today", TODAY, "hs"]);
    record(
        C,
        "a_yaml_file",
        &s,
        &["verify", "--today", TODAY, "hs/ho-so.yaml"],
    );
    record(
        C,
        "a_yaml_file_en",
        &s,
        &["--lang", "en", "verify", "--today", TODAY, "hs/ho-so.yaml"],
    );
    record(
        C,
        "a_pdf",
        &s,
        &["verify", "--today", TODAY, "hs/dinh-kem/to-trinh.pdf"],
    );
    fs::write(s.dir.path().join("hong.zip"), b"PK\x03\x04 not really").unwrap();
    record(
        C,
        "broken_zip",
        &s,
        &["verify", "--today", TODAY, "hong.zip"],
    );
    fs::write(s.dir.path().join("rong.zip"), b"").unwrap();
    record(
        C,
        "empty_file",
        &s,
        &["verify", "--today", TODAY, "rong.zip"],
    );
    record(C, "no_argument", &s, &["verify"]);
    record(C, "bad_today", &s, &["verify", "--today", "mai", "goi.zip"]);
}
