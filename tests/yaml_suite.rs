//! The YAML test suite (tests/peer-suites/yaml-test-suite, see its README): every input a
//! conforming YAML 1.2 reader rejects must be a syntax error for the clerk (HS002), whatever
//! parser reads it; no input it accepts may be one. A stricter reader at the receiving office
//! must never refuse a file `dossier check` passed.

use std::fs;
use std::path::{Path, PathBuf};

use dossier::yaml::tree::{parse, Problem};

use crate::util::repo;

fn cases(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            if p.join("in.yaml").is_file() {
                out.push(p.clone());
            }
            cases(&p, out);
        }
    }
}

#[test]
fn the_yaml_test_suite_is_read_as_yaml_1_2_says() {
    let root = repo().join("tests/peer-suites/yaml-test-suite");
    let mut all = Vec::new();
    cases(&root, &mut all);
    all.sort();
    assert_eq!(all.len(), 402, "the vendored suite is incomplete");
    let mut wrong = Vec::new();
    for case in &all {
        let bytes = fs::read(case.join("in.yaml")).unwrap();
        let Ok(text) = dossier::yaml::decode::decode(&bytes) else {
            // Bytes the checker refuses before parsing (HS011) are refused either way.
            continue;
        };
        let parsed = parse(&text);
        let syntax = parsed
            .problems
            .iter()
            .any(|p| matches!(p, Problem::Syntax { .. }));
        let error = case.join("error").exists();
        if syntax != error {
            let name = case.strip_prefix(&root).unwrap().display().to_string();
            wrong.push(format!(
                "{name}: {} ({:?})",
                if error {
                    "accepted, the suite rejects it"
                } else {
                    "refused, the suite accepts it"
                },
                parsed.problems.first()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cases:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
