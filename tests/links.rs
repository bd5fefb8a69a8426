//! Links inside a dossier (#17): no command reads through a link that leads out of the dossier,
//! and `draft -o` writes through none. `check` named a `dinh-kem/` linked elsewhere only as a
//! warning, `pack` then bundled the outside files, and `draft -o` through a linked folder
//! replaced files in its target. Made with real symbolic links, so unix only.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::PathBuf;

use crate::util::{finding_lines, tree_bytes, Scratch, TODAY};

/// Move `hs/<rel>` to `outside/<rel>` and leave in its place a link to it; the outside folder.
fn link_out(s: &Scratch, rel: &str) -> PathBuf {
    let outside = s.dir.path().join("outside");
    let target = outside.join(rel);
    fs::create_dir_all(target.parent().unwrap()).unwrap();
    fs::rename(s.hs().join(rel), &target).unwrap();
    symlink(&target, s.hs().join(rel)).unwrap();
    outside
}

/// Every place a link can lead out from, and the one finding each gives: a component is HS011
/// (its reader refuses it), a folder HS020 (at the link, whatever it holds), an attachment DK002
/// (at the document's line).
const CASES: &[(&str, &str)] = &[
    ("to-trinh.yaml", "HS011\tto-trinh.yaml"),
    ("bien-ban.yaml", "HS011\tbien-ban.yaml"),
    ("ho-so.yaml", "HS011\tho-so.yaml"),
    (
        "bao-cao/le-thu-trang.yaml",
        "HS011\tbao-cao/le-thu-trang.yaml",
    ),
    ("bao-cao", "HS020\tbao-cao"),
    ("dinh-kem", "HS020\tdinh-kem"),
    ("dinh-kem/to-trinh.pdf", "DK002\tto-trinh.yaml:45:11"),
];

fn messages(json: &serde_json::Value) -> String {
    json["dossiers"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} {}", f["message"], f["help"]))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_link_out_of_the_dossier_is_an_error_that_names_it() {
    for &(rel, want) in CASES {
        let s = Scratch::example01();
        let outside = link_out(&s, rel);
        let before = tree_bytes(&outside);
        let (code, json) = s.check_json(&[]);
        assert_eq!(finding_lines(&json), [want], "{rel}");
        assert_eq!(code, 1, "{rel}");
        let m = messages(&json);
        assert!(m.contains(&format!("\\\"{rel}\\\"")), "{rel}: {m}");
        assert!(m.contains("liên kết trỏ ra ngoài"), "{rel}: {m}");
        // Where it leads is said, as the link holds it.
        assert!(m.contains(&outside.display().to_string()), "{rel}: {m}");
        assert_eq!(tree_bytes(&outside), before, "{rel}");
    }
}

#[test]
fn a_linked_folder_is_said_once_with_what_it_hides() {
    let s = Scratch::example01();
    link_out(&s, "dinh-kem");
    let (_, json) = s.check_json(&[]);
    let m = messages(&json);
    assert!(
        m.contains("4 tệp đính kèm các văn bản ghi qua liên kết này"),
        "{m}"
    );
    let s = Scratch::example01();
    link_out(&s, "bao-cao");
    let (_, json) = s.check_json(&[]);
    let m = messages(&json);
    // Not "add the reports", nor the reports' attachments as unreferenced.
    assert!(
        m.contains("các báo cáo thành tích ở đó không được đọc"),
        "{m}"
    );
    let out = s.run(&["--lang", "en", "check", "--today", TODAY, "hs"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("\"bao-cao\" is a link leading out of the dossier folder"),
        "{text}"
    );
    assert!(
        text.contains("the achievement reports there are not read"),
        "{text}"
    );
}

/// A folder the listing does not show (hidden) linked out, an attachment named through it: said
/// at the document's line, naming the link.
#[test]
fn an_attachment_through_an_unlisted_linked_folder_names_the_link() {
    let s = Scratch::example01();
    let outside = s.dir.path().join("outside");
    fs::create_dir_all(&outside).unwrap();
    fs::rename(
        s.hs().join("dinh-kem/to-trinh.pdf"),
        outside.join("to-trinh.pdf"),
    )
    .unwrap();
    symlink(&outside, s.hs().join(".quet")).unwrap();
    s.edit(
        "to-trinh.yaml",
        "dinh_kem: dinh-kem/to-trinh.pdf",
        "dinh_kem: .quet/to-trinh.pdf",
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["DK002\tto-trinh.yaml:45:11"]);
    assert_eq!(code, 1);
    let m = messages(&json);
    assert!(
        m.contains("được ghi qua liên kết \\\".quet\\\" trỏ ra ngoài hồ sơ"),
        "{m}"
    );
    assert!(m.contains("thay liên kết \\\".quet\\\""), "{m}");
}

#[test]
fn a_link_to_nothing_is_an_error_too() {
    let s = Scratch::example01();
    fs::remove_dir_all(s.hs().join("dinh-kem")).unwrap();
    symlink("../khong-con", s.hs().join("dinh-kem")).unwrap();
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["HS020\tdinh-kem"]);
    assert_eq!(code, 1);
    let m = messages(&json);
    assert!(m.contains("tới \\\"../khong-con\\\", nơi không còn"), "{m}");
}

#[test]
fn pack_refuses_and_writes_nothing_anywhere() {
    for &(rel, _) in CASES {
        let s = Scratch::example01();
        let outside = link_out(&s, rel);
        let (before_out, before_hs) = (tree_bytes(&outside), tree_bytes(&s.hs()));
        let out = s.run(&["pack", "--today", TODAY, "hs", "-o", "goi/"]);
        assert_eq!(out.status.code(), Some(1), "{rel}");
        assert!(
            !s.dir.path().join("goi").exists(),
            "{rel}: a bundle was written"
        );
        assert_eq!(tree_bytes(&outside), before_out, "{rel}");
        assert_eq!(tree_bytes(&s.hs()), before_hs, "{rel}");
    }
}

/// The drafts' folder, through a link: the folder given, given with a final slash, the default
/// one beside the dossier, and a `bao-cao/` inside it. Refused with and without `--force`, and
/// nothing in the link's target changes.
#[test]
fn draft_refuses_to_write_through_a_linked_output() {
    type Setup = fn(&Scratch, &std::path::Path) -> Vec<String>;
    let cases: &[(&str, Setup)] = &[
        ("-o link", |s, real| {
            symlink(real, s.dir.path().join("link")).unwrap();
            vec!["-o".into(), "link".into()]
        }),
        ("-o link/", |s, real| {
            symlink(real, s.dir.path().join("link")).unwrap();
            vec!["-o".into(), "link/".into()]
        }),
        ("the default hs-du-thao", |s, real| {
            symlink(real, s.dir.path().join("hs-du-thao")).unwrap();
            vec![]
        }),
        ("out/bao-cao", |s, real| {
            fs::create_dir_all(s.dir.path().join("out")).unwrap();
            symlink(real, s.dir.path().join("out/bao-cao")).unwrap();
            vec!["-o".into(), "out".into()]
        }),
    ];
    for (name, setup) in cases {
        for force in [false, true] {
            let s = Scratch::example01();
            let real = s.dir.path().join("real");
            fs::create_dir_all(real.join("bao-cao")).unwrap();
            fs::write(real.join("to-trinh.pdf"), b"signed scan").unwrap();
            fs::write(real.join("le-thu-trang.pdf"), b"signed scan").unwrap();
            let before = tree_bytes(&real);
            let mut args: Vec<String> = vec!["draft".into(), "hs".into()];
            args.extend(setup(&s, &real));
            if force {
                args.push("--force".into());
            }
            args.extend(["--today".into(), TODAY.into()]);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = s.run(&args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{name} force={force}: {err}");
            assert!(err.contains("là liên kết"), "{name}: {err}");
            assert!(err.contains("không có tệp nào được ghi"), "{name}: {err}");
            assert_eq!(tree_bytes(&real), before, "{name} force={force}");
            // Nor a staging folder left in it.
            let left: Vec<_> = fs::read_dir(&real).unwrap().flatten().collect();
            assert_eq!(left.len(), 3, "{name} force={force}: {left:?}");
        }
    }
}

/// The clerk's own way to a folder is not judged: the dossier given through a shortcut, and a
/// drafts' folder inside a folder reached through one.
#[test]
fn a_shortcut_to_the_dossier_or_above_the_output_is_followed() {
    let s = Scratch::example01();
    symlink(s.hs(), s.dir.path().join("shortcut")).unwrap();
    let out = s.run(&["check", "--today", TODAY, "shortcut"]);
    assert_eq!(out.status.code(), Some(0), "{:?}", out);
    fs::create_dir_all(s.dir.path().join("real")).unwrap();
    symlink(s.dir.path().join("real"), s.dir.path().join("docs")).unwrap();
    let out = s.run(&["draft", "shortcut", "-o", "docs/du-thao", "--today", TODAY]);
    assert_eq!(out.status.code(), Some(0), "{:?}", out);
    assert!(s.dir.path().join("real/du-thao/to-trinh.pdf").is_file());
}

/// A link inside the dossier to a file or folder inside it leads to the dossier's own files:
/// `check` reads through it, says the link and the real files it found (warnings), and `pack`
/// bundles those bytes under the names the documents use. Only a link out is refused.
#[test]
fn a_link_inside_to_inside_is_read_and_said() {
    let s = Scratch::example01();
    fs::create_dir_all(s.hs().join("van-ban")).unwrap();
    fs::rename(
        s.hs().join("to-trinh.yaml"),
        s.hs().join("van-ban/to-trinh.yaml"),
    )
    .unwrap();
    symlink("van-ban/to-trinh.yaml", s.hs().join("to-trinh.yaml")).unwrap();
    fs::rename(s.hs().join("dinh-kem"), s.hs().join("scans")).unwrap();
    symlink("scans", s.hs().join("dinh-kem")).unwrap();
    let (code, json) = s.check_json(&[]);
    let lines = finding_lines(&json);
    assert_eq!(code, 0, "{lines:?}");
    assert!(lines.contains(&"DK004\tdinh-kem".to_owned()), "{lines:?}");
    assert!(
        lines.contains(&"DK004\tvan-ban/to-trinh.yaml".to_owned()),
        "{lines:?}"
    );
    assert!(lines.iter().all(|l| l.starts_with("DK004\t")), "{lines:?}");
    assert!(
        messages(&json).contains("\\\"dinh-kem\\\" là liên kết tới một thư mục"),
        "{}",
        messages(&json)
    );
}
