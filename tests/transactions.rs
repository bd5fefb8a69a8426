//! Issue #17: a command that edits a dossier edits all of it or none of it, whatever stops it
//! (a read-only file, a kill at any step, a second writer, a link out of the dossier).

use std::fs;
use std::path::{Path, PathBuf};

use crate::clerk::all_output;
use crate::util::{tree_bytes, Scratch, TODAY};

/// The files a clerk sees (the tool's hidden bookkeeping left out), with their bytes.
fn visible(dir: &Path) -> Vec<(String, Vec<u8>)> {
    tree_bytes(dir)
        .into_iter()
        .filter(|(rel, _)| !rel.split('/').any(|p| p.starts_with('.')))
        .collect()
}

/// Add one nominee to example 01: the writer the tests stop, refuse and race.
pub(crate) const ADD: [&str; 8] = [
    "add",
    "hs",
    "--ten",
    "Trần Văn Mới",
    "--doi-tuong",
    "tuyen_dau",
    "--don-vi",
    "Thôn Đông",
];

/// Assert two trees hold the same files with the same bytes, naming only what differs (a
/// whole tree in a failure message is unreadable).
#[track_caller]
fn assert_same(now: &[(String, Vec<u8>)], want: &[(String, Vec<u8>)], what: &str) {
    if now != want {
        let names = |t: &[(String, Vec<u8>)]| -> Vec<String> {
            t.iter()
                .map(|(n, b)| format!("{n} ({} bytes)", b.len()))
                .collect()
        };
        let (a, b) = (names(now), names(want));
        let only_now: Vec<&String> = a.iter().filter(|x| !b.contains(x)).collect();
        let only_want: Vec<&String> = b.iter().filter(|x| !a.contains(x)).collect();
        panic!("{what}: now has {only_now:?}, expected {only_want:?} (or same names, other bytes)");
    }
}

/// The tool's own files left in the folder.
fn leftovers(dir: &Path) -> Vec<String> {
    tree_bytes(dir)
        .into_iter()
        .map(|(rel, _)| rel)
        .filter(|rel| rel.split('/').any(|p| p.starts_with(".dossier")))
        .collect()
}

fn list(s: &Scratch, name: &str, who: &str, n: usize) -> PathBuf {
    let mut t = String::from("STT,Họ và tên,Cá nhân/Tập thể,Đơn vị,Đối tượng\n");
    for i in 1..=n {
        t.push_str(&format!(
            "{i},{who} K{i},Cá nhân,\"Thôn Đông, xã Trường Yên\",Lực lượng tuyến đầu\n"
        ));
    }
    let p = s.dir.path().join(name);
    fs::write(&p, t).unwrap();
    p
}

fn import(s: &Scratch, list: &Path) -> std::process::Output {
    s.run(&["import", "hs", "--danh-sach", list.to_str().unwrap()])
}

fn check_code(s: &Scratch) -> i32 {
    let o = s.run(&["check", "--today", TODAY, "--no-config", "hs"]);
    o.status.code().unwrap_or(-1)
}

#[cfg(unix)]
fn read_only(p: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(p, fs::Permissions::from_mode(0o444)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_read_only_file_stops_every_writer_before_its_first_write() {
    let s = Scratch::example01();
    read_only(&s.hs().join("bien-ban.yaml"));
    let before = tree_bytes(&s.hs());
    let l = list(&s, "ds.csv", "Lê Văn", 3);
    let runs: Vec<Vec<String>> = vec![
        ADD.into_iter().map(str::to_owned).collect(),
        vec![
            "remove".into(),
            "hs".into(),
            "--ma".into(),
            "hoang-van-dung".into(),
        ],
        vec![
            "import".into(),
            "hs".into(),
            "--danh-sach".into(),
            l.to_string_lossy().into_owned(),
        ],
    ];
    for args in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = s.run(&args);
        let out = all_output(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {out}");
        assert!(
            out.contains("bien-ban.yaml") && out.contains("chỉ cho đọc"),
            "{args:?}: {out}"
        );
        assert!(out.contains("chưa ghi gì"), "{args:?}: {out}");
        assert_same(
            &tree_bytes(&s.hs()),
            &before,
            &format!("{args:?} changed the dossier"),
        );
    }
    // In English too.
    let o = s.run(&["--lang", "en", "remove", "hs", "--ma", "hoang-van-dung"]);
    assert!(
        all_output(&o).contains("read-only or open in another program"),
        "{}",
        all_output(&o)
    );
    // A read-only report: remove keeps it, and the list too.
    let s = Scratch::example01();
    read_only(&s.hs().join("bao-cao/hoang-van-dung.yaml"));
    let before = tree_bytes(&s.hs());
    let o = s.run(&["remove", "hs", "--ma", "hoang-van-dung"]);
    assert_eq!(o.status.code(), Some(2), "{}", all_output(&o));
    assert_same(&tree_bytes(&s.hs()), &before, "the dossier");
}

/// The real binary, stopped as a kill stops it (no destructor, no handler) at every step of
/// its commit: before the journal, right after it, after each rename. The dossier is then the
/// old one (with hidden staged files, which the next writer removes) or one the next command
/// finishes into exactly what an uninterrupted import writes.
#[test]
fn an_import_killed_at_any_step_leaves_the_old_dossier_or_one_the_next_command_finishes() {
    let whole = Scratch::example01();
    let l = list(&whole, "ds.csv", "Lê Văn", 4);
    let o = import(&whole, &l);
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    let after = visible(&whole.hs());
    assert!(leftovers(&whole.hs()).is_empty());
    // Four reports, the proposal and the minutes: six operations, steps 0 to 7.
    for step in 0..=7 {
        let s = Scratch::example01();
        let before = visible(&s.hs());
        let l = list(&s, "ds.csv", "Lê Văn", 4);
        let o = crate::util::dossier_env(
            s.dir.path(),
            &["import", "hs", "--danh-sach", l.to_str().unwrap()],
            &[("DOSSIER_TEST_STOP_AT", &step.to_string())],
        );
        assert_ne!(o.status.code(), Some(0), "step {step} was not stopped");
        if step == 0 {
            assert_same(&visible(&s.hs()), &before, &format!("step {step}"));
            assert!(!leftovers(&s.hs()).is_empty(), "staged files expected");
            // The next writer removes what the stopped one staged.
            let o = s.run(&["remove", "hs", "--ma", "khong-co-ai"]);
            assert!(all_output(&o).contains("tệp tạm"), "{}", all_output(&o));
            assert!(leftovers(&s.hs()).is_empty(), "{:?}", leftovers(&s.hs()));
            assert_same(&visible(&s.hs()), &before, "the dossier");
        } else {
            assert!(s.hs().join(".dossier.journal").exists(), "step {step}");
            // Any command finishes it, check too, and says so.
            let o = s.run(&["check", "--today", TODAY, "--no-config", "hs"]);
            let out = all_output(&o);
            assert!(
                out.contains("lệnh \"dossier import\" lần trước bị ngắt"),
                "step {step}: {out}"
            );
            assert_same(&visible(&s.hs()), &after, &format!("step {step}"));
            assert!(
                leftovers(&s.hs()).is_empty(),
                "step {step}: {:?}",
                leftovers(&s.hs())
            );
            assert_eq!(check_code(&s), check_code(&whole), "step {step}");
        }
    }
}

/// Two imports at once: one after the other, or one refused naming the other; never one lost.
#[test]
fn two_writers_at_once_never_lose_an_update() {
    for round in 0..4 {
        let s = Scratch::example01();
        let a = list(&s, "a.csv", "Lê Văn", 30);
        let b = list(&s, "b.csv", "Phạm Thị", 30);
        let bin = assert_cmd::cargo::cargo_bin("dossier");
        let spawn = |l: &Path| {
            std::process::Command::new(&bin)
                .current_dir(s.dir.path())
                .args(["import", "hs", "--danh-sach", l.to_str().unwrap()])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (pa, pb) = (spawn(&a), spawn(&b));
        let (oa, ob) = (
            pa.wait_with_output().unwrap(),
            pb.wait_with_output().unwrap(),
        );
        let tt = s.read("to-trinh.yaml");
        for (o, who) in [(&oa, "Lê Văn K"), (&ob, "Phạm Thị K")] {
            let listed = tt.matches(&format!("ten: \"{who}")).count();
            match o.status.code() {
                Some(0) => assert_eq!(listed, 30, "round {round}: {who} lost"),
                Some(2) => {
                    assert_eq!(listed, 0, "round {round}");
                    assert!(
                        all_output(o).contains("dossier import"),
                        "round {round}: {}",
                        all_output(o)
                    );
                }
                other => panic!("round {round}: exit {other:?}: {}", all_output(o)),
            }
        }
        assert!(leftovers(&s.hs()).is_empty(), "{:?}", leftovers(&s.hs()));
        let reports = fs::read_dir(s.hs().join("bao-cao")).unwrap().count();
        assert_eq!(
            reports,
            6 + tt.matches("ten: \"Lê Văn K").count() + tt.matches("ten: \"Phạm Thị K").count()
        );
    }
}

#[cfg(unix)]
#[test]
fn no_writer_writes_through_a_link_out_of_the_dossier() {
    let s = Scratch::example01();
    let outside = s.dir.path().join("ngoai");
    fs::rename(s.hs().join("bao-cao"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, s.hs().join("bao-cao")).unwrap();
    let snapshot = tree_bytes(&outside);
    let before = visible(&s.hs());
    let l = list(&s, "ds.csv", "Lê Văn", 2);
    for args in [
        ADD.to_vec(),
        vec!["remove", "hs", "--ma", "hoang-van-dung"],
        vec!["import", "hs", "--danh-sach", l.to_str().unwrap()],
    ] {
        let o = s.run(&args);
        let out = all_output(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {out}");
        assert!(
            out.contains("bao-cao") && out.contains("liên kết"),
            "{args:?}: {out}"
        );
        assert_same(
            &tree_bytes(&outside),
            &snapshot,
            &format!("{args:?} wrote outside"),
        );
        assert_same(&visible(&s.hs()), &before, &format!("{args:?}"));
    }
    // The proposal linked to a file elsewhere: read through, never replaced by a copy.
    let s = Scratch::example01();
    let elsewhere = s.dir.path().join("to-trinh-khac.yaml");
    fs::rename(s.hs().join("to-trinh.yaml"), &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, s.hs().join("to-trinh.yaml")).unwrap();
    let bytes = fs::read(&elsewhere).unwrap();
    let o = s.run(&ADD);
    assert_eq!(o.status.code(), Some(2), "{}", all_output(&o));
    assert!(fs::symlink_metadata(s.hs().join("to-trinh.yaml"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read(&elsewhere).unwrap(), bytes);
    assert!(!s.hs().join("bao-cao/tran-van-moi.yaml").exists());
}

/// `init` builds the new dossier in a hidden folder and renames it into place: stopped before
/// the rename, nothing is under the clerk's name; the next `init` there removes the leftover,
/// but never the folder of an init still at work.
#[test]
fn init_leaves_a_whole_dossier_or_none() {
    let s = Scratch::base();
    let o = crate::util::dossier_env(
        s.dir.path(),
        &["init", "moi"],
        &[("DOSSIER_TEST_STOP_AT", "0")],
    );
    assert_ne!(o.status.code(), Some(0));
    assert!(!s.dir.path().join("moi").exists());
    let stale: Vec<_> = fs::read_dir(s.dir.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".dossier-init-")
        })
        .map(|e| e.path())
        .collect();
    assert_eq!(stale.len(), 1, "{stale:?}");
    // One still at work: its builder holds it.
    let live = s.dir.path().join(".dossier-init-1-2");
    fs::create_dir(&live).unwrap();
    fs::write(live.join("ho-so.yaml"), "x\n").unwrap();
    let holder = fs::File::open(if cfg!(unix) {
        live.clone()
    } else {
        live.join(".dossier.lock")
    });
    let holder = holder.unwrap();
    holder.lock().unwrap();
    let o = s.run(&["init", "moi"]);
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    assert!(s.dir.path().join("moi/ho-so.yaml").is_file());
    assert!(!stale[0].exists(), "the killed init's folder is left");
    assert!(
        live.join("ho-so.yaml").is_file(),
        "a live init's folder was removed"
    );
    assert!(leftovers(&s.dir.path().join("moi")).is_empty());
}

/// A Linux session allows 1,024 open files and macOS 256: import kept every staged report open
/// until its sync, and a list of more rows than that failed with "the system refuses" and
/// nothing written (#21). Now at most a quarter of the limit, and 64, are open at once.
#[cfg(unix)]
#[test]
fn a_list_longer_than_the_open_files_allowed_is_imported_whole() {
    let s = Scratch::example01();
    let l = list(&s, "ds.csv", "Lê Văn", 300);
    let reports = |s: &Scratch| fs::read_dir(s.hs().join("bao-cao")).unwrap().count();
    let before = reports(&s);
    let bin = assert_cmd::cargo::cargo_bin("dossier");
    let o = std::process::Command::new("sh")
        .current_dir(s.dir.path())
        .arg("-c")
        .arg(format!(
            "ulimit -n 32; exec '{}' import hs --danh-sach '{}'",
            bin.display(),
            l.display()
        ))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    assert_eq!(reports(&s), before + 300);
    assert!(leftovers(&s.hs()).is_empty());
}

/// `ulimit -f`: SIGXFSZ killed add, remove, fix and import with signal 25, silently, leaving
/// staged files. Now the write that crosses the limit fails, the file is named, nothing is
/// written and nothing is left.
#[cfg(unix)]
#[test]
fn a_size_limit_ends_every_editing_command_with_the_file_named_and_nothing_done() {
    let s = Scratch::example01();
    let l = list(&s, "ds.csv", "Lê Văn", 40);
    let bin = assert_cmd::cargo::cargo_bin("dossier");
    let before = tree_bytes(&s.hs());
    // Each report is about 2 KB; the list grows past 4 KB: a 4-block limit stops the import.
    let o = std::process::Command::new("sh")
        .current_dir(s.dir.path())
        .arg("-c")
        .arg(format!(
            "ulimit -f 4; exec '{}' import hs --danh-sach '{}'",
            bin.display(),
            l.display()
        ))
        .output()
        .unwrap();
    let out = all_output(&o);
    assert_eq!(o.status.code(), Some(2), "{out}");
    assert!(out.contains("giới hạn kích thước"), "{out}");
    assert!(
        out.contains("to-trinh.yaml") || out.contains("bao-cao/"),
        "{out}"
    );
    assert_same(&tree_bytes(&s.hs()), &before, "the dossier");
    // init into a new folder under the same limit: no folder at all.
    let o = std::process::Command::new("sh")
        .current_dir(s.dir.path())
        .arg("-c")
        .arg(format!("ulimit -f 1; exec '{}' init moi", bin.display()))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", all_output(&o));
    assert!(
        all_output(&o).contains("giới hạn kích thước"),
        "{}",
        all_output(&o)
    );
    assert!(!s.dir.path().join("moi").exists());
    let left: Vec<_> = fs::read_dir(s.dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".dossier"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// SIGTERM while an import stages its files: the staged files go with the process, and the
/// line says what became of the dossier.
#[cfg(unix)]
#[test]
fn a_terminated_import_leaves_the_dossier_as_it_was() {
    let s = Scratch::example01();
    let l = list(&s, "ds.csv", "Lê Văn", 40);
    let before = tree_bytes(&s.hs());
    let flag = s.dir.path().join("dang-ghi");
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dossier"))
        .current_dir(s.dir.path())
        .args(["import", "hs", "--danh-sach", l.to_str().unwrap()])
        .env("DOSSIER_TEST_PAUSE_IN_STAGING", &flag)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while !flag.exists() && start.elapsed() < std::time::Duration::from_secs(30) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(flag.exists(), "the import never staged a file");
    assert!(!leftovers(&s.hs()).is_empty(), "a staged file is expected");
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let o = child.wait_with_output().unwrap();
    let out = all_output(&o);
    assert_eq!(o.status.code(), Some(143), "{out}");
    assert!(
        out.contains("Đã dừng") && out.contains("vẫn như trước"),
        "{out}"
    );
    assert_same(&tree_bytes(&s.hs()), &before, "the dossier");
}
