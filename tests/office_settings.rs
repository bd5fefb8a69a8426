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

/// The base dossier with HS017's warning (a `#` cutting a value), in `hs/`.
fn with_warning() -> crate::util::Scratch {
    let s = crate::util::Scratch::base();
    crate::fixtures::overlay(&s, &repo().join("tests/fixtures/rules/HS017"));
    s
}

#[test]
fn the_rules_that_say_a_dossier_was_not_read_whole_cannot_be_lowered() {
    // With HS002 off, a report that did not parse was packed and drafted as clean, and left out
    // of the drafts (#20, fresh eyes).
    for (rule, level) in [
        ("HS002", "off"),
        ("HS001", "warning"),
        ("invalid-yaml", "off"),
        ("HS011", "off"),
    ] {
        let s = crate::util::Scratch::base();
        fs::write(
            s.dir.path().join(".dossier.yaml"),
            format!("phien_ban: 1\nmuc_do:\n  {rule}: {level}\n"),
        )
        .unwrap();
        let before = crate::util::tree_bytes(s.dir.path());
        let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "goi.zip"]);
        let all = text(&o);
        assert_eq!(o.status.code(), Some(2), "{rule}: {all}");
        assert!(
            all.contains(".dossier.yaml:3:3:")
                && all.contains("không đọc được trọn hồ sơ")
                && all.contains("không đổi được mức của quy tắc này"),
            "{rule}: {all}"
        );
        assert_eq!(crate::util::tree_bytes(s.dir.path()), before, "{rule}");
    }
    let s = crate::util::Scratch::base();
    fs::write(
        s.dir.path().join(".dossier.yaml"),
        "phien_ban: 1\nmuc_do:\n  HS002: off\n",
    )
    .unwrap();
    let o = s.run(&["--lang", "en", "check", "--today", TODAY, "hs"]);
    assert!(
        text(&o).contains("HS002 (The YAML file does not parse) means the checker could not read the dossier whole"),
        "{}",
        text(&o)
    );
}

#[test]
fn settings_inside_a_dossier_are_the_senders_and_are_not_used() {
    let s = with_warning();
    s.write(".dossier.yaml", "phien_ban: 1\nmuc_do:\n  HS017: off\n");
    for args in [
        &["check", "--today", TODAY, "hs"][..],
        &["check", "--today", TODAY, "hs/bao-cao"][..],
    ] {
        let o = s.run(args);
        let all = text(&o);
        assert!(all.contains("HS017"), "{args:?}: {all}");
        assert!(
            all.contains("Bỏ qua ")
                && all.contains("hs/.dossier.yaml: tệp cấu hình nằm trong thư mục hồ sơ"),
            "{args:?}: {all}"
        );
        assert!(!all.contains("Dùng tệp cấu hình"), "{args:?}: {all}");
    }
    // The office's own file above the dossier is still found past it.
    fs::write(
        s.dir.path().join(".dossier.yaml"),
        "phien_ban: 1\nmuc_do:\n  HS017: error\n",
    )
    .unwrap();
    let o = s.run(&["check", "--today", TODAY, "hs"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("Dùng tệp cấu hình"), "{}", text(&o));
}

#[test]
fn paths_under_two_offices_settings_are_refused_not_judged_by_the_first() {
    let s = with_warning();
    let root = s.dir.path();
    for (office, level) in [("o1", "error"), ("o2", "off")] {
        copy_tree(&s.hs(), &root.join(office).join("hs"));
        fs::write(
            root.join(office).join(".dossier.yaml"),
            format!("phien_ban: 1\nmuc_do:\n  HS017: {level}\n"),
        )
        .unwrap();
    }
    for args in [["o1/hs", "o2/hs"], ["o2/hs", "o1/hs"]] {
        let o = s.run(&["check", "--today", TODAY, args[0], args[1]]);
        let all = text(&o);
        assert_eq!(o.status.code(), Some(2), "{all}");
        assert!(
            all.contains("nằm dưới hai thiết lập văn phòng khác nhau"),
            "{all}"
        );
    }
    // One chosen file judges both.
    let o = s.run(&[
        "check",
        "--today",
        TODAY,
        "--config",
        "o1/.dossier.yaml",
        "o1/hs",
        "o2/hs",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    // Under the same settings: as before.
    let o = s.run(&["check", "--today", TODAY, "o1/hs", "o1/hs/.."]);
    assert_ne!(o.status.code(), Some(2), "{}", text(&o));
}

#[test]
fn a_settings_file_that_is_a_folder_or_a_broken_link_stops_the_run() {
    let s = with_warning();
    fs::create_dir(s.dir.path().join(".dossier.yaml")).unwrap();
    let o = s.run(&["check", "--today", TODAY, "hs"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("đây là một thư mục, không phải tệp cấu hình"),
        "{}",
        text(&o)
    );
    #[cfg(unix)]
    {
        fs::remove_dir(s.dir.path().join(".dossier.yaml")).unwrap();
        std::os::unix::fs::symlink("/khong-co/cai-dat.yaml", s.dir.path().join(".dossier.yaml"))
            .unwrap();
        let o = s.run(&[
            "--lang", "en", "export", "--today", TODAY, "hs", "--xlsx", "ds.xlsx",
        ]);
        assert_eq!(o.status.code(), Some(2), "{}", text(&o));
        assert!(
            text(&o).contains("it is a link to \"/khong-co/cai-dat.yaml\", where there is no file"),
            "{}",
            text(&o)
        );
        assert!(!s.dir.path().join("ds.xlsx").exists());
    }
}
