//! `dossier explain` and `dossier rules`: a rule by id and by name, in both languages and as
//! JSON, the list of rules, and the refusals.

use super::record;
use crate::util::{Scratch, TODAY};

const C: &str = "explain";

#[test]
fn explain() {
    let s = Scratch::base();
    record(C, "by_id", &s, &["explain", "--today", TODAY, "NG002"]);
    record(
        C,
        "by_id_en",
        &s,
        &["--lang", "en", "explain", "--today", TODAY, "NG002"],
    );
    record(
        C,
        "by_name",
        &s,
        &["explain", "--today", TODAY, "minutes-after-proposal"],
    );
    record(
        C,
        "lower_case_id",
        &s,
        &["explain", "--today", TODAY, "ng002"],
    );
    record(
        C,
        "json",
        &s,
        &["explain", "--today", TODAY, "--format", "json", "HS001"],
    );
    record(
        C,
        "in_a_campaign",
        &s,
        &[
            "explain",
            "--today",
            TODAY,
            "--phong-trao",
            "covid19-hoa-lu-2021",
            "DS009",
        ],
    );
    record(
        C,
        "bundle_rule",
        &s,
        &["explain", "--today", TODAY, "GO005"],
    );
}

#[test]
fn explain_refusals() {
    let s = Scratch::base();
    record(
        C,
        "unknown_rule",
        &s,
        &["explain", "--today", TODAY, "nope"],
    );
    record(
        C,
        "unknown_rule_en",
        &s,
        &["--lang", "en", "explain", "--today", TODAY, "NG02"],
    );
    record(
        C,
        "near_name",
        &s,
        &["explain", "--today", TODAY, "minutes-after-proposl"],
    );
    record(C, "no_rule", &s, &["explain"]);
    record(C, "no_rule_en", &s, &["--lang", "en", "explain"]);
    record(
        C,
        "unknown_campaign",
        &s,
        &[
            "explain",
            "--today",
            TODAY,
            "--phong-trao",
            "khong-co",
            "NG002",
        ],
    );
}

#[test]
fn rules() {
    let s = Scratch::base();
    record("rules", "list", &s, &["rules"]);
    record("rules", "list_en", &s, &["--lang", "en", "rules"]);
    record("rules", "json", &s, &["rules", "--format", "json"]);
    record("rules", "unknown_format", &s, &["rules", "--format", "xml"]);
    record("rules", "extra_argument", &s, &["rules", "NG002"]);
}
