//! Costs that must stay bounded (issue #10): nothing hangs, nothing aborts, whatever the input.

use std::time::Duration;

use assert_cmd::Command;

use crate::util::{rules_of, Scratch, TODAY};

/// The binary with a deadline: a hang is a failure, not a stuck test run.
fn run(s: &Scratch, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("dossier")
        .unwrap()
        .current_dir(s.dir.path())
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

#[test]
fn two_long_ids_do_not_abort_check_pack_or_verify() {
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        "ma: nguyen-thi-hang",
        &format!("ma: {}", "a".repeat(40_000)),
    );
    s.edit(
        "bien-ban.yaml",
        "ma: nguyen-thi-hang",
        &format!("ma: {}", "b".repeat(40_000)),
    );
    let o = run(&s, &["check", "--format", "json", "--today", TODAY, "hs"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(!rules_of(&json).is_empty());
    let o = run(&s, &["pack", "--today", TODAY, "hs", "-o", "x.zip"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo failed");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_at_once() {
    let s = Scratch::base();
    mkfifo(&s.dir.path().join("x.zip"));
    let o = run(&s, &["verify", "--today", TODAY, "x.zip"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("không phải tệp thường"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    std::fs::remove_file(s.hs().join("bien-ban.yaml")).unwrap();
    mkfifo(&s.hs().join("bien-ban.yaml"));
    let o = run(&s, &["check", "--format", "json", "--today", TODAY, "hs"]);
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(rules_of(&json).contains(&"HS011".to_owned()), "{json}");

    // An attachment that is a pipe: named as missing, never opened.
    let s = Scratch::base();
    let scan = s.hs().join("dinh-kem/to-trinh.pdf");
    std::fs::remove_file(&scan).unwrap();
    mkfifo(&scan);
    let o = run(&s, &["check", "--format", "json", "--today", TODAY, "hs"]);
    assert_eq!(o.status.code(), Some(1));
    let o = run(&s, &["pack", "--today", TODAY, "hs", "-o", "x.zip"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!s.dir.path().join("x.zip").exists());

    // A rule-set or settings file that is a pipe: refused, not waited on.
    let s = Scratch::base();
    mkfifo(&s.dir.path().join("c.yaml"));
    let o = run(&s, &["check", "--config", "c.yaml", "--today", TODAY, "hs"]);
    assert_eq!(o.status.code(), Some(2));
    // A broken rule set is a finding of its own (TC001), as for any unreadable rule-set file.
    let o = run(
        &s,
        &["check", "--criteria", "c.yaml", "--today", TODAY, "hs"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("TC001"));
}

/// `import --danh-sach` on a named pipe waited for a writer for ever: refused by its type, at
/// once, with nothing written (#11).
#[cfg(unix)]
#[test]
fn a_named_pipe_given_as_the_list_is_refused_at_once() {
    let s = Scratch::base();
    let before = std::fs::read(s.hs().join("to-trinh.yaml")).unwrap();
    for name in ["ds.csv", "ds.xlsx"] {
        mkfifo(&s.dir.path().join(name));
        let o = run(&s, &["import", "hs", "--danh-sach", name]);
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{e}");
        assert!(e.contains("không phải tệp thường"), "{e}");
        let o = run(&s, &["--lang", "en", "import", "hs", "--danh-sach", name]);
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(e.contains("not a regular file"), "{e}");
    }
    assert_eq!(std::fs::read(s.hs().join("to-trinh.yaml")).unwrap(), before);
}
