//! Issue #17, the second pass: attacks of the same kinds as the first findings, on the
//! transaction, the lock and the journal (see `bench/attacks_edit.py`).

use std::fs;

use crate::clerk::all_output;
use crate::util::{tree_bytes, Scratch, TODAY};

use crate::transactions::ADD;

/// A dossier another process holds for longer than the wait: `check` and `pack` read it
/// anyway (check said "passed" on what could be half an import), where the writers refuse.
#[cfg(unix)]
#[test]
fn a_reader_waiting_on_a_held_dossier_refuses_naming_the_holder() {
    let s = Scratch::example01();
    fs::write(s.hs().join(".dossier.owner"), "import (4242)").unwrap();
    let other = fs::File::open(s.hs()).unwrap();
    other.lock().unwrap();
    let o = s.run(&["check", "--today", TODAY, "--no-config", "hs"]);
    assert_eq!(o.status.code(), Some(2), "{}", all_output(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("\"dossier import\""),
        "{}",
        all_output(&o)
    );
    assert!(!all_output(&o).contains("đạt"), "{}", all_output(&o));
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "goi.zip"]);
    assert_eq!(o.status.code(), Some(2), "{}", all_output(&o));
    assert!(all_output(&o).contains("\"dossier import\""));
    assert!(!s.dir.path().join("goi.zip").exists());
    other.unlock().unwrap();
}

/// `pack` after a kill past the commit point: the journal is finished first, said, and the
/// dossier checked is the whole new one (it read whatever half the kill left).
#[test]
fn pack_finishes_a_stopped_command_before_it_bundles() {
    let s = Scratch::example01();
    // The new report renamed into place, the proposal and the minutes not yet.
    let o = crate::util::dossier_env(s.dir.path(), &ADD, &[("DOSSIER_TEST_STOP_AT", "2")]);
    assert_ne!(o.status.code(), Some(0), "{}", all_output(&o));
    assert!(s.hs().join(".dossier.journal").exists());
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "goi.zip"]);
    let out = all_output(&o);
    assert!(
        out.contains("lệnh \"dossier add\" lần trước bị ngắt"),
        "{out}"
    );
    // The new report is a template with blanks: the check refuses it, about that report.
    assert!(out.contains("tran-van-moi.yaml"), "{out}");
    assert!(!s.hs().join(".dossier.journal").exists());
    assert!(fs::read_to_string(s.hs().join("to-trinh.yaml"))
        .unwrap()
        .contains("Trần Văn Mới"));
}

/// A journal that cannot be finished (a file it would replace was edited by hand since) keeps
/// its staged files: `check` says so once, not a second time when its own listing sees the
/// staged files (#21 moved that look into the check). A socket given as a dossier file is
/// refused as not a regular file, as a pipe is, not as a refusal of the system.
#[test]
fn an_unfinishable_journal_is_said_once_and_a_socket_is_named_for_what_it_is() {
    let s = Scratch::example01();
    let o = crate::util::dossier_env(s.dir.path(), &ADD, &[("DOSSIER_TEST_STOP_AT", "2")]);
    assert_ne!(o.status.code(), Some(0), "{}", all_output(&o));
    assert!(s.hs().join(".dossier.journal").exists());
    let tt = s.hs().join("to-trinh.yaml");
    let mut text = fs::read_to_string(&tt).unwrap();
    text.push_str("# sửa tay\n");
    fs::write(&tt, text).unwrap();
    for args in [
        vec!["check", "--today", TODAY, "--no-config", "hs"],
        vec!["check", "--today", TODAY, "--no-config", "."],
    ] {
        let o = s.run(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(
            err.matches("bị ngắt giữa chừng").count(),
            1,
            "{args:?}\n{err}"
        );
        assert!(s.hs().join(".dossier.journal").exists());
    }

    #[cfg(unix)]
    {
        let s = Scratch::example01();
        let bb = s.hs().join("bien-ban.yaml");
        fs::remove_file(&bb).unwrap();
        let _socket = std::os::unix::net::UnixListener::bind(&bb).unwrap();
        let o = s.run(&["check", "--today", TODAY, "--no-config", "hs"]);
        assert_eq!(o.status.code(), Some(1), "{}", all_output(&o));
        assert!(
            all_output(&o).contains("không phải tệp thường"),
            "{}",
            all_output(&o)
        );
    }
}

/// Only the names this program gives its staged files are removed as such: a clerk's note
/// saved as `.dossier-ghi-chu.tmp` was deleted by `check` and `add`.
#[test]
fn a_clerks_own_dossier_tmp_files_are_kept() {
    let s = Scratch::example01();
    let mine = [".dossier-x.tmp", "bao-cao/.dossier-ghi-chu.tmp"];
    for f in mine {
        fs::write(s.hs().join(f), "ghi chú\n").unwrap();
    }
    // An earlier version's staged file (tempfile's six random characters) still goes.
    fs::write(s.hs().join(".dossier-a1B2c3.tmp"), "x").unwrap();
    let o = s.run(&["check", "--today", TODAY, "--no-config", "hs"]);
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    assert!(!s.hs().join(".dossier-a1B2c3.tmp").exists());
    let o = s.run(&ADD);
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    for f in mine {
        assert_eq!(
            fs::read_to_string(s.hs().join(f)).unwrap(),
            "ghi chú\n",
            "{f}"
        );
    }
}

/// A check of a shared folder learns of a stopped command's staged file from its own listing
/// (it listed every dossier twice more to look for them, #21): the one in the second dossier's
/// `bao-cao/` is still removed and said with that dossier's name, the clerk's own hidden note
/// beside it is kept, and the reports are what they are without the staged file.
#[test]
fn a_shared_folder_check_cleans_a_staged_report_it_saw_while_reading() {
    let s = Scratch::example01();
    let share = s.dir.path().join("chung");
    fs::create_dir(&share).unwrap();
    for name in ["a", "b"] {
        let o = std::process::Command::new("cp")
            .args(["-r"])
            .arg(s.hs())
            .arg(share.join(name))
            .output()
            .unwrap();
        assert!(o.status.success());
    }
    let check = || {
        s.run(&[
            "check",
            "--today",
            TODAY,
            "--no-config",
            "--format",
            "json",
            "chung",
        ])
    };
    let before = check();
    assert_eq!(before.status.code(), Some(0), "{}", all_output(&before));
    let staged = share.join("b/bao-cao/.dossier-0a1b-3.tmp");
    let note = share.join("b/bao-cao/.ghi-chu.tmp");
    fs::write(&staged, "x").unwrap();
    fs::write(&note, "ghi chú\n").unwrap();
    let o = check();
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    assert!(!staged.exists(), "{}", all_output(&o));
    assert_eq!(fs::read_to_string(&note).unwrap(), "ghi chú\n");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("đã xóa 1 tệp tạm"), "{err}");
    assert!(err.contains("b:") && !err.contains("a:"), "{err}");
    assert_eq!(o.stdout, before.stdout);
}

/// Two `init` into one folder that exists (empty), at once: one makes the dossier, the other
/// refuses; the folder holds one init's files and nothing of the tool's. They overwrote each
/// other's journal, and the refused one left it with its staged files (30 of 30 rounds).
#[test]
fn two_inits_into_one_existing_folder_make_one_dossier() {
    let dates = ["2026-01-01", "2025-06-02"];
    let refs: Vec<_> = dates
        .iter()
        .map(|d| {
            let s = Scratch {
                dir: tempfile::tempdir().unwrap(),
            };
            fs::create_dir(s.hs()).unwrap();
            let o = s.run(&["init", "hs", "--today", d]);
            assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
            tree_bytes(&s.hs())
        })
        .collect();
    let bin = assert_cmd::cargo::cargo_bin("dossier");
    for round in 0..4 {
        let s = Scratch {
            dir: tempfile::tempdir().unwrap(),
        };
        fs::create_dir(s.hs()).unwrap();
        let spawn = |d: &str| {
            std::process::Command::new(&bin)
                .current_dir(s.dir.path())
                .args(["init", "hs", "--today", d])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (pa, pb) = (spawn(dates[0]), spawn(dates[1]));
        let codes = [
            pa.wait_with_output().unwrap().status.code(),
            pb.wait_with_output().unwrap().status.code(),
        ];
        let mut sorted = codes;
        sorted.sort();
        assert_eq!(sorted, [Some(0), Some(2)], "round {round}");
        let winner = if codes[0] == Some(0) { 0 } else { 1 };
        let got = tree_bytes(&s.hs());
        let names = |t: &[(String, Vec<u8>)]| t.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
        assert_eq!(names(&got), names(&refs[winner]), "round {round}");
        assert!(got == refs[winner], "round {round}: not one init's files");
    }
}
