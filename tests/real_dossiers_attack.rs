//! What a fresh user found attacking #19's additions (session 7), kept as tests: a null or
//! blank item of a list (`kinh_gui: [~, "Sở Nội vụ"]`, `can_cu: [~]`) was printed as "~" or
//! "-;" with `check` passing; a closing sentence that asks for something ("… đề nghị khen
//! thưởng.") was read as naming the addressee (HS022 instead of HS004); two rule-set files of
//! one id were both accepted, the files' names deciding which counted.

use std::fs;
use std::path::Path;

use crate::util::{copy_tree, dossier, repo};

const DAY: &str = "2026-12-07";

fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &repo().join("tests/fixtures/clerk-turn3/base/xa-a"),
        &dir.path().join("hs"),
    );
    dir
}

fn edit(dir: &Path, from: &str, to: &str) {
    let p = dir.join("hs/to-trinh.yaml");
    let text = fs::read_to_string(&p).unwrap();
    assert!(text.contains(from), "{from}");
    fs::write(&p, text.replacen(from, to, 1)).unwrap();
}

const KINH_GUI: &str = "kinh_gui: \"Chủ tịch Ủy ban nhân dân xã Minh Long\"";

#[test]
fn a_null_or_blank_item_of_a_list_is_empty_at_its_place() {
    let dir = scratch();
    edit(
        dir.path(),
        KINH_GUI,
        "kinh_gui: [~, \"Chủ tịch Ủy ban nhân dân xã Minh Long\", \"  \"]\ncan_cu: [~]",
    );
    let o = dossier(dir.path(), &["check", "--today", DAY, "hs"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("mục thứ 1 trong \"kinh_gui\" để trống"),
        "{out}"
    );
    assert!(out.contains("hs/to-trinh.yaml:31:12"), "{out}");
    assert!(
        out.contains("mục thứ 3 trong \"kinh_gui\" để trống"),
        "{out}"
    );
    assert!(out.contains("mục thứ 1 trong \"can_cu\" để trống"), "{out}");
    let o = dossier(dir.path(), &["check", "--lang", "en", "--today", DAY, "hs"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("`kinh_gui[1]` is empty"));
    // Nothing is drafted from it.
    let o = dossier(dir.path(), &["draft", "--today", DAY, "hs", "-o", "out"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_closing_sentence_that_asks_for_something_names_no_addressee() {
    let dir = scratch();
    edit(
        dir.path(),
        KINH_GUI,
        "noi_dung: \"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Minh Long đề nghị khen thưởng.\"",
    );
    let o = dossier(dir.path(), &["check", "--today", DAY, "hs"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("HS004"), "{out}");
    assert!(!out.contains("HS022"), "{out}");
}

#[test]
fn two_rule_set_files_of_one_id_are_refused_naming_both() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("docs/province-rules"), tmp.path());
    let rules = tmp.path().join("tieu-chi");
    fs::copy(
        rules.join("giay-khen-tinh-mau.yaml"),
        rules.join("z-copy.yaml"),
    )
    .unwrap();
    let o = dossier(tmp.path(), &["check", "--today", DAY, "xa-gia-vien"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("TC001"), "{out}");
    assert!(out.contains("z-copy.yaml"), "{out}");
    assert!(
        out.contains("đã có trong") && out.contains("giay-khen-tinh-mau.yaml"),
        "{out}"
    );
}

#[test]
fn a_seal_written_as_a_list_is_named_in_vietnamese() {
    let dir = scratch();
    let p = dir
        .path()
        .join("hs/bao-cao/to-xung-kich-cuu-ho-thon-go-da.yaml");
    let mut yaml = fs::read_to_string(&p).unwrap();
    yaml.push_str("con_dau: [a]\n");
    fs::write(&p, yaml).unwrap();
    let o = dossier(dir.path(), &["check", "--today", DAY, "hs"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("ở đây là một danh sách"), "{out}");
    assert!(!out.contains("a list"), "{out}");
}
