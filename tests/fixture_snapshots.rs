//! What the clerk reads for every rule fixture: the full human report in Vietnamese and in
//! English, and the JSON report, as snapshots (`tests/snapshots/`, reviewed like code with
//! `cargo insta review`). `_expect` checks ids and places; these check the words.

use std::fs;

use crate::fixtures::overlay;
use crate::util::{repo, Scratch, TODAY};

#[test]
fn every_rule_fixture_reads_as_recorded() {
    let root = repo().join("tests/fixtures/rules");
    let mut dirs: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    assert!(dirs.len() > 50, "{dirs:?}");
    for dir in &dirs {
        let id = dir.file_name().unwrap().to_string_lossy().into_owned();
        let s = Scratch::base();
        let extra = overlay(&s, dir);
        let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
        for (lang, name) in [("vi", "human_vi"), ("en", "human_en")] {
            let mut args = vec!["--lang", lang, "check", "--today", TODAY];
            args.extend_from_slice(&extra);
            args.push("hs");
            let o = s.run(&args);
            insta::assert_snapshot!(format!("{id}__{name}"), String::from_utf8_lossy(&o.stdout));
        }
        let (_, json) = s.check_json(&extra);
        insta::assert_json_snapshot!(format!("{id}__json"), json, {".tool" => "[version]"});
    }
}
