//! `dossier criteria`: the list of rule sets, one set in full, and the refusals.

use std::fs;

use super::record;
use crate::util::{Scratch, TODAY};

const C: &str = "criteria";

#[test]
fn criteria() {
    let s = Scratch::base();
    record(C, "list", &s, &["criteria", "--today", TODAY]);
    record(
        C,
        "list_en",
        &s,
        &["--lang", "en", "criteria", "--today", TODAY],
    );
    record(
        C,
        "one",
        &s,
        &["criteria", "--today", TODAY, "covid19-hoa-lu-2021"],
    );
    record(
        C,
        "one_en",
        &s,
        &[
            "--lang",
            "en",
            "criteria",
            "--today",
            TODAY,
            "nd152-2025-don-gian",
        ],
    );
    record(
        C,
        "list_json",
        &s,
        &["criteria", "--today", TODAY, "--format", "json"],
    );
    record(
        C,
        "one_json",
        &s,
        &[
            "criteria",
            "--today",
            TODAY,
            "--format",
            "json",
            "nd91-dieu55",
        ],
    );
    record(C, "in_2021", &s, &["criteria", "--today", "2021-11-01"]);
}

#[test]
fn refusals() {
    let s = Scratch::base();
    record(C, "unknown_id", &s, &["criteria", "--today", TODAY, "nope"]);
    record(
        C,
        "unknown_id_en",
        &s,
        &["--lang", "en", "criteria", "--today", TODAY, "nope"],
    );
    record(C, "bad_today", &s, &["criteria", "--today", "hom-nay"]);
    record(
        C,
        "missing_criteria_path",
        &s,
        &["criteria", "--today", TODAY, "--criteria", "khong-co"],
    );
    fs::write(s.dir.path().join("rs.yaml"), "id: [\n").unwrap();
    record(
        C,
        "broken_rule_set",
        &s,
        &["criteria", "--today", TODAY, "--criteria", "rs.yaml"],
    );
    record(
        C,
        "broken_rule_set_en",
        &s,
        &[
            "--lang",
            "en",
            "criteria",
            "--today",
            TODAY,
            "--criteria",
            "rs.yaml",
        ],
    );
}
