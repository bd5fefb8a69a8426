//! What an office's `.dossier.yaml` means to each command (#20 item 3): its pinned rule sets
//! (`tieu_chi`) reach init, add, import, explain and criteria as they reach check, and its
//! severity overrides show in `explain` as `check` applies them. Before the one start-up, those
//! five commands read the built-in rule sets only: the province's Giấy khen of the worked example
//! (`docs/province-rules/`) was an unknown rule set to them.

use std::fs;

use crate::util::{copy_tree, dossier, repo};

const TODAY: &str = "2026-12-07";

/// A scratch copy of the worked example: an office folder whose settings pin `tieu-chi/`.
fn office() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("docs/province-rules"), dir.path());
    dir
}

fn text(o: &std::process::Output) -> String {
    format!(
        "exit {:?}\n{}{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

const SAID: &str = "Dùng tệp cấu hình: ";

#[test]
fn criteria_lists_the_rule_sets_the_office_pins() {
    let dir = office();
    let o = dossier(dir.path(), &["criteria", "--today", TODAY]);
    let all = text(&o);
    assert_eq!(o.status.code(), Some(0), "{all}");
    assert!(all.contains("giay-khen-tinh-mau"), "{all}");
    assert!(all.contains(SAID), "{all}");
    let o = dossier(
        dir.path(),
        &["criteria", "--today", TODAY, "giay-khen-tinh-mau"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // `--no-config`: the shipped rule sets only, as for check.
    let o = dossier(dir.path(), &["criteria", "--today", TODAY, "--no-config"]);
    let all = text(&o);
    assert!(
        !all.contains("giay-khen-tinh-mau") && !all.contains(SAID),
        "{all}"
    );
}

#[test]
fn init_makes_a_dossier_of_the_offices_rule_set() {
    let dir = office();
    let o = dossier(
        dir.path(),
        &[
            "init",
            "moi",
            "--today",
            TODAY,
            "--phong-trao",
            "giay-khen-tinh-mau",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let ho_so = fs::read_to_string(dir.path().join("moi/ho-so.yaml")).unwrap();
    assert!(ho_so.contains("giay-khen-tinh-mau"), "{ho_so}");
    // Checked under the same settings, the new dossier names a rule set check knows.
    let o = dossier(
        dir.path(),
        &["check", "--today", TODAY, "--format", "json", "moi"],
    );
    assert!(!text(&o).contains("HS008"), "{}", text(&o));
}

#[test]
fn add_and_import_read_the_rule_set_the_dossier_names_through_the_office() {
    let dir = office();
    let o = dossier(
        dir.path(),
        &[
            "add",
            "xa-gia-vien",
            "--today",
            TODAY,
            "--ten",
            "Lê Văn Bình",
            "--doi-tuong",
            "ca_nhan",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(dir
        .path()
        .join("xa-gia-vien/bao-cao/le-van-binh.yaml")
        .is_file());

    fs::write(
        dir.path().join("ds.csv"),
        "Họ và tên,Đơn vị,Đối tượng\nTrần Thị Mai,Thôn Đông,ca_nhan\n",
    )
    .unwrap();
    let o = dossier(
        dir.path(),
        &[
            "import",
            "xa-gia-vien",
            "--danh-sach",
            "ds.csv",
            "--dry-run",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains(SAID), "{}", text(&o));
    // Without the settings, the dossier's rule set is unknown to both, as to check.
    let o = dossier(
        dir.path(),
        &[
            "add",
            "xa-gia-vien",
            "--no-config",
            "--ten",
            "Trần Văn Tư",
            "--doi-tuong",
            "ca_nhan",
        ],
    );
    assert_ne!(o.status.code(), Some(0), "{}", text(&o));
}

#[test]
fn explain_gives_the_level_the_offices_settings_give() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join(".dossier.yaml"),
        "phien_ban: 1\nmuc_do:\n  HS017: error\n  DS007: off\n",
    )
    .unwrap();
    let o = dossier(dir.path(), &["explain", "HS017"]);
    let all = text(&o);
    assert!(
        all.contains("Mức mặc định: cảnh báo; theo cài đặt của văn phòng (")
            && all.contains(".dossier.yaml): lỗi\n"),
        "{all}"
    );
    let o = dossier(dir.path(), &["--lang", "en", "explain", "DS007"]);
    let all = text(&o);
    assert!(
        all.contains("Default severity: warning; under the office's settings (")
            && all.contains(".dossier.yaml): off, not reported\n"),
        "{all}"
    );
    let o = dossier(dir.path(), &["explain", "HS017", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["office_severity"], "error", "{v}");
    // A rule the office leaves alone, and `--no-config`: as before.
    let o = dossier(dir.path(), &["explain", "HS001", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.get("office_severity").is_none(), "{v}");
    let o = dossier(dir.path(), &["explain", "HS017", "--no-config"]);
    assert!(!text(&o).contains("văn phòng"), "{}", text(&o));
}
