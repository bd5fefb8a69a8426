//! A province's own rules for Giấy khen layered over the shipped `nd152-2025-don-gian` (#19 item
//! 6): the worked example of `docs/province-rules.md` (`docs/province-rules/`: the office's
//! `.dossier.yaml`, its `tieu-chi/giay-khen-tinh-mau.yaml`, a dossier `xa-gia-vien/`) checks
//! clean, and what the province adds (the council's minutes, its vote thresholds, its period)
//! is checked with the province's basis quoted, by `.dossier.yaml` or by `--criteria` alike.

use std::fs;
use std::path::Path;

use crate::util::{copy_tree, dossier, repo, rules_of};

const TODAY: &str = "2026-12-07";

/// A scratch copy of the worked example (the office folder with its settings).
fn office() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("docs/province-rules"), dir.path());
    assert!(dir.path().join(".dossier.yaml").is_file());
    dir
}

fn check(dir: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let mut args = vec!["check", "--format", "json", "--today", TODAY];
    args.extend_from_slice(extra);
    args.push("xa-gia-vien");
    let o = dossier(dir, &args);
    let json = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    (o.status.code().unwrap_or(-1), json)
}

fn edit(dir: &Path, rel: &str, from: &str, to: &str) {
    let p = dir.join(rel);
    let t = fs::read_to_string(&p).unwrap();
    assert!(t.contains(from), "{rel}: {from}");
    fs::write(&p, t.replacen(from, to, 1)).unwrap();
}

#[test]
fn the_worked_example_checks_clean_with_the_offices_settings() {
    let dir = office();
    let (code, json) = check(dir.path(), &[]);
    assert_eq!(code, 0, "{json}");
    assert!(rules_of(&json).is_empty(), "{json}");
}

#[test]
fn the_province_asks_for_the_minutes_the_shipped_procedure_does_not() {
    let dir = office();
    fs::remove_file(dir.path().join("xa-gia-vien/bien-ban.yaml")).unwrap();
    let (code, json) = check(dir.path(), &[]);
    assert_eq!(code, 1, "{json}");
    assert_eq!(rules_of(&json), ["HS001"], "{json}");
    assert!(
        json.to_string().contains("Quyết định số 00/2025/QĐ-UBND"),
        "the province's basis is quoted: {json}"
    );
    // The same dossier on the shipped procedure alone, without the office's settings: no
    // minutes needed.
    fs::remove_file(dir.path().join(".dossier.yaml")).unwrap();
    edit(
        dir.path(),
        "xa-gia-vien/ho-so.yaml",
        "phong_trao: giay-khen-tinh-mau",
        "phong_trao: nd152-2025-don-gian",
    );
    let (code, json) = check(dir.path(), &[]);
    assert_eq!(code, 0, "{json}");
}

#[test]
fn the_provinces_vote_threshold_is_an_error_by_criteria_as_by_settings() {
    let dir = office();
    edit(
        dir.path(),
        "xa-gia-vien/bien-ban.yaml",
        "tan_thanh: 9, khong_tan_thanh: 0",
        "tan_thanh: 4, khong_tan_thanh: 5",
    );
    let (code, json) = check(dir.path(), &[]);
    assert_eq!(code, 1, "{json}");
    assert_eq!(rules_of(&json), ["BB004"], "{json}");
    // `--criteria` names the same folder on the command line, without `.dossier.yaml`.
    fs::remove_file(dir.path().join(".dossier.yaml")).unwrap();
    let (code, json) = check(dir.path(), &["--criteria", "tieu-chi"]);
    assert_eq!(code, 1, "{json}");
    assert_eq!(rules_of(&json), ["BB004"], "{json}");
    // Without either, the province's id is unknown.
    let (code, json) = check(dir.path(), &[]);
    assert_eq!(code, 1, "{json}");
    assert_eq!(rules_of(&json), ["HS008"], "{json}");
}

#[test]
fn before_the_provinces_decision_the_dossier_is_out_of_its_period() {
    let dir = office();
    edit(
        dir.path(),
        "xa-gia-vien/to-trinh.yaml",
        "ngay: 2026-09-18",
        "ngay: 2025-12-20",
    );
    let (_, json) = check(dir.path(), &[]);
    assert!(rules_of(&json).contains(&"HS016".to_owned()), "{json}");
}

#[test]
fn the_offices_folder_of_rule_sets_is_layered_over_the_shipped_ones() {
    // As docs/province-rules.md says: below a `.dossier.yaml` naming `tieu_chi`, a dossier that
    // names the shipped procedure (a Bằng khen of the province) is still checked under it; the
    // folder's sets stood alone before, and it was HS008.
    let dir = office();
    edit(
        dir.path(),
        "xa-gia-vien/ho-so.yaml",
        "phong_trao: giay-khen-tinh-mau",
        "phong_trao: nd152-2025-don-gian",
    );
    let (_, json) = check(dir.path(), &[]);
    assert!(!rules_of(&json).contains(&"HS008".to_owned()), "{json}");
    assert!(json.to_string().contains("nd152-2025-don-gian"), "{json}");
}
