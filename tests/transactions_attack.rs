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
