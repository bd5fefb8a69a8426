//! A manifest that cannot be read names no rule set (#16, item 6): `check` then runs no rule of
//! a rule set the dossier did not name (a 2026 dossier was told, by the 2021 Hoa Lư plan's
//! rule, to add a confirmation the 2026 procedure does not ask for), and the finding on the
//! manifest says what was left unchecked.

use crate::util::{copy_tree, repo, rules_of, Scratch};

/// `check --format json` as of the field trial's day (the cases are dated December 2026).
fn check_then(s: &Scratch, extra: &[&str]) -> (i32, serde_json::Value) {
    let mut args = vec!["check", "--format", "json", "--today", "2026-12-07"];
    args.extend_from_slice(extra);
    args.push("hs");
    let out = s.run(&args);
    let json = serde_json::from_slice(&out.stdout).unwrap();
    (out.status.code().unwrap_or(-1), json)
}

/// The field case C08: a 2026 dossier whose `ho-so.yaml` is UTF-16, or breaks the YAML syntax,
/// and whose reports have no confirmation (the 2025 procedure asks for none).
#[test]
fn an_unreadable_manifest_brings_no_rule_of_another_rule_set() {
    for (case, rule) in [("hs-utf16", "HS011"), ("hs-yaml-error", "HS002")] {
        let s = Scratch::base();
        std::fs::remove_dir_all(s.hs()).unwrap();
        copy_tree(&repo().join("tests/fixtures/clerk-c08").join(case), &s.hs());
        let (code, json) = check_then(&s, &[]);
        assert_eq!(code, 1, "{json}");
        assert_eq!(rules_of(&json), vec![rule.to_owned()], "{case}: {json}");
        let f = &json["dossiers"][0]["findings"][0];
        assert_eq!(f["file"], "ho-so.yaml", "{json}");
        assert!(
            f["notes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|n| n.as_str().unwrap().contains("chưa được kiểm tra")),
            "{json}"
        );
        let (_, en) = check_then(&s, &["--lang", "en"]);
        let notes = en["dossiers"][0]["findings"][0]["notes"].to_string();
        assert!(notes.contains("were not checked"), "{notes}");
    }
}

/// The same report without its confirmation, with the manifest readable: the rule set it names
/// does ask for one, so ND002 is there; broken, the manifest names none, and ND002 goes.
#[test]
fn the_rule_set_named_still_applies_when_the_manifest_reads() {
    let s = Scratch::base();
    let text = s.read("bao-cao/pham-van-hoa.yaml");
    let cut = text.find("xac_nhan:").unwrap();
    let rest = &text[cut..];
    let end = rest
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| !rest[i..].starts_with(' '))
        .unwrap_or(rest.len());
    s.write(
        "bao-cao/pham-van-hoa.yaml",
        format!("{}{}", &text[..cut], &rest[end..]),
    );
    let (_, json) = s.check_json(&[]);
    assert!(rules_of(&json).contains(&"ND002".to_owned()), "{json}");
    s.edit("ho-so.yaml", "phong_trao:", "phong_trao: [");
    let (_, json) = s.check_json(&[]);
    assert!(!rules_of(&json).contains(&"ND002".to_owned()), "{json}");
    assert!(rules_of(&json).contains(&"HS002".to_owned()), "{json}");
}
