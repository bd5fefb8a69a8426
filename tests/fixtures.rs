//! One fixture per rule: `tests/fixtures/rules/<RULE-ID>/` is an overlay on
//! `tests/fixtures/base/` (files replaced or added; `_delete` lists files removed; `_rename`
//! renames files; `_args` adds command-line arguments) and `_expect` lists every finding the
//! result must have, as `RULE<TAB>file:line:col`. The base dossier itself must be clean, so each
//! fixture fails exactly because of its rule. A rule may have more fixtures, one per case, as
//! `<RULE-ID>-<case>/`.

use std::fs;
use std::path::Path;

use crate::util::{copy_tree, finding_lines, repo, Scratch};

pub(crate) fn overlay(s: &Scratch, fixture: &Path) -> Vec<String> {
    let mut extra = Vec::new();
    for e in fs::read_dir(fixture).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        match name.as_str() {
            "_expect" | "_rename" => {}
            "_delete" => {
                for rel in fs::read_to_string(e.path())
                    .unwrap()
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                {
                    let p = s.hs().join(rel.trim());
                    if p.is_dir() {
                        fs::remove_dir_all(p).unwrap();
                    } else {
                        fs::remove_file(p).unwrap();
                    }
                }
            }
            "_args" => {
                extra.extend(
                    fs::read_to_string(e.path())
                        .unwrap()
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(|l| l.trim().to_owned()),
                );
            }
            _ if e.file_type().unwrap().is_dir() => copy_tree(&e.path(), &s.hs().join(&name)),
            _ => {
                fs::copy(e.path(), s.hs().join(&name)).unwrap();
            }
        }
    }
    // Renames last, so they may rename a file the overlay brought.
    let rename = fixture.join("_rename");
    if rename.is_file() {
        for line in fs::read_to_string(rename)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let (from, to) = line.split_once(" -> ").unwrap();
            fs::rename(s.hs().join(unescape(from)), s.hs().join(unescape(to))).unwrap();
        }
    }
    extra
}

/// `\u{200B}` written out in a control file: names with invisible characters or a trailing
/// space are made at test time, not kept in the repository (a checkout on Windows could not
/// hold them), and stay readable in the file.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\\u{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 3..];
        let end = after.find('}').unwrap();
        let c = char::from_u32(u32::from_str_radix(&after[..end], 16).unwrap()).unwrap();
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The rule a fixture folder is for: `DK006` for `DK006/` and `DK006-trailing-space/`.
pub(crate) fn rule_of(dir: &str) -> &str {
    dir.split('-').next().unwrap_or(dir)
}

#[test]
fn base_fixture_is_clean() {
    let s = Scratch::base();
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn every_rule_fixture_gives_exactly_its_findings() {
    let root = repo().join("tests/fixtures/rules");
    let mut dirs: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    let mut failures = Vec::new();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let id = rule_of(&name);
        let s = Scratch::base();
        let extra = overlay(&s, dir);
        let args: Vec<&str> = extra.iter().map(String::as_str).collect();
        let (code, json) = s.check_json(&args);
        let got = finding_lines(&json);
        let mut want: Vec<String> = fs::read_to_string(dir.join("_expect"))
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.trim_end().to_owned())
            .collect();
        want.sort();
        if !want
            .iter()
            .any(|l| l.starts_with(&format!("{id}\t")) || l == id)
        {
            failures.push(format!(
                "{name}: _expect does not list the fixture's own rule"
            ));
        }
        if got != want {
            failures.push(format!(
                "{name}:\n  expected:\n    {}\n  got:\n    {}",
                want.join("\n    "),
                got.join("\n    ")
            ));
        }
        let has_error = json["summary"]["errors"].as_u64().unwrap() > 0;
        if code != i32::from(has_error) {
            failures.push(format!("{name}: exit code {code} with errors={has_error}"));
        }
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n\n"));
}

#[test]
fn every_rule_has_a_fixture_or_a_test() {
    // Rules whose failing input cannot be an overlay file are tested in hostile.rs / cli.rs,
    // and the bundle rules (GO) in pack.rs and attacks.rs.
    let in_code = [
        "HS011", "HS014", "TC001", "DS009", "GO001", "GO002", "GO003", "GO004", "GO005", "GO006",
        "GO007", "GO008", "GO009", "GO010", "DK005", "DK008",
        // A link cannot be a file of the repository (a checkout on Windows makes it a text
        // file): tests/links.rs makes them.
        "HS020",
    ];
    let root = repo().join("tests/fixtures/rules");
    let out = crate::util::dossier(&repo(), &["rules", "--format", "json"]);
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut missing = Vec::new();
    for r in rules.as_array().unwrap() {
        let id = r["id"].as_str().unwrap();
        if !in_code.contains(&id) && !root.join(id).is_dir() {
            missing.push(id.to_owned());
        }
    }
    assert!(missing.is_empty(), "rules without a fixture: {missing:?}");
    // The exemptions check themselves: an exempt rule has no fixture (else the exemption is
    // stale), and a test elsewhere names it as a finding it expects.
    let mut elsewhere = String::new();
    for dir in ["tests", "src"] {
        let mut stack = vec![repo().join(dir)];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rs")
                    && !p.ends_with("tests/fixtures.rs")
                    && !p.ends_with("src/diag/rule.rs")
                    && !p.starts_with(repo().join("src/rules/docs"))
                {
                    // Only test code counts: the tests/ files, and in src/ what follows
                    // `#[cfg(test)]` (the code that emits a rule does not test it).
                    let text = fs::read_to_string(&p).unwrap();
                    let test_part = if dir == "tests" || p.ends_with("tests.rs") {
                        text.as_str()
                    } else {
                        text.find("#[cfg(test)]").map_or("", |i| &text[i..])
                    };
                    elsewhere.push_str(test_part);
                }
            }
        }
    }
    for id in in_code {
        assert!(
            !root.join(id).is_dir(),
            "{id} has a fixture: drop it from the exemptions"
        );
        let quoted = format!("\"{id}\"");
        let variant = format!("Rule::{id}");
        let tested = elsewhere.matches(&quoted).count() + elsewhere.matches(&variant).count();
        assert!(
            tested > 0,
            "{id} is exempt from fixtures but no test names it"
        );
    }
}
