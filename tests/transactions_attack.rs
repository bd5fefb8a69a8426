//! Issue #17, the second pass: attacks of the same kinds as the first findings, on the
//! transaction, the lock and the journal (see `bench/attacks_edit.py`).

use std::fs;

use crate::clerk::all_output;
use crate::util::{Scratch, TODAY};

const ADD: [&str; 8] = [
    "add",
    "hs",
    "--ten",
    "Trần Văn Mới",
    "--doi-tuong",
    "tuyen_dau",
    "--don-vi",
    "Thôn Đông",
];

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
        String::from_utf8_lossy(&o.stderr).contains("dossier import (4242)"),
        "{}",
        all_output(&o)
    );
    assert!(!all_output(&o).contains("đạt"), "{}", all_output(&o));
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "goi.zip"]);
    assert_eq!(o.status.code(), Some(2), "{}", all_output(&o));
    assert!(all_output(&o).contains("dossier import (4242)"));
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
