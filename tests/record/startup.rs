//! What each command makes of the office settings (`.dossier.yaml` above the dossier): one that
//! raises HS017 to an error, and one that cannot be read. Recorded in each command's folder as
//! `office_config` and `office_config_unreadable`. Since the one start-up (#20 item 3), every
//! command that reads rule sets, a date or the settings says which file it used and stops on an
//! unreadable one; `remove`, `fix` and `rules` read none of them.

use std::fs;

use super::record;
use crate::fixtures::overlay;
use crate::util::{repo, Scratch, TODAY};

/// The base dossier with HS017's warning, packed to `goi.zip` before the settings are
/// written, and the list of example 01's import beside it.
fn scratch(config: &str) -> Scratch {
    let s = Scratch::base();
    overlay(&s, &repo().join("tests/fixtures/rules/HS017"));
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "goi.zip"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    fs::write(
        s.dir.path().join("ds.csv"),
        "Họ và tên,Đơn vị,Đối tượng\nLê Văn Bình,Thôn Đông,Người dân\n",
    )
    .unwrap();
    fs::write(s.dir.path().join(".dossier.yaml"), config).unwrap();
    s
}

/// Every command once, recorded as `<command>/<case>`.
fn every_command(s: &Scratch, case: &str) {
    let runs: &[(&str, &[&str])] = &[
        ("check", &["check", "--today", TODAY, "hs"]),
        ("pack", &["pack", "--today", TODAY, "hs", "-o", "moi.zip"]),
        ("verify", &["verify", "--today", TODAY, "goi.zip"]),
        (
            "draft",
            &[
                "draft", "--today", TODAY, "hs", "-o", "out", "--format", "pdf",
            ],
        ),
        (
            "export",
            &["export", "--today", TODAY, "hs", "--xlsx", "ds.xlsx"],
        ),
        (
            "import",
            &["import", "hs", "--danh-sach", "ds.csv", "--dry-run"],
        ),
        ("init", &["init", "moi", "--today", TODAY]),
        (
            "add",
            &[
                "add",
                "hs",
                "--ten",
                "Lê Văn Bình",
                "--doi-tuong",
                "nguoi_dan",
            ],
        ),
        ("remove", &["remove", "hs", "--ma", "pham-van-hoa"]),
        ("fix", &["fix", "hs", "--dry-run"]),
        ("explain", &["explain", "--today", TODAY, "HS017"]),
        ("criteria", &["criteria", "--today", TODAY]),
        ("rules", &["rules"]),
    ];
    for (cmd, args) in runs {
        record(cmd, case, s, args);
    }
}

#[test]
fn office_settings_that_raise_a_warning_to_an_error() {
    let s = scratch("phien_ban: 1\nmuc_do:\n  HS017: error\n");
    every_command(&s, "office_config");
}

#[test]
fn office_settings_that_cannot_be_read() {
    let s = scratch("phien_ban: 1\nmuc_do: [\n");
    every_command(&s, "office_config_unreadable");
}
