//! `pack` never harms (issue #10): never into the dossier, `--force` only over a regular file,
//! no bundle when the dossier changes under it, nothing left behind by any catchable signal or
//! a size limit, and a write error that names the bundle.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::util::{dossier, Scratch, TODAY};

fn listing(d: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v: Vec<_> = walkdir::WalkDir::new(d)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .map(|p| {
            let b = if p.is_file() {
                fs::read(&p).unwrap()
            } else {
                Vec::new()
            };
            (p, b)
        })
        .collect();
    v.sort();
    v
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_bundle_never_goes_into_the_dossier() {
    let s = Scratch::base();
    let before = listing(&s.hs());
    for args in [
        vec!["pack", "--today", TODAY, "hs", "-o", "hs/"],
        vec!["pack", "--today", TODAY, "hs", "-o", "hs/dinh-kem/x.zip"],
        vec![
            "pack",
            "--today",
            TODAY,
            "hs",
            "-o",
            "hs/ho-so.yaml",
            "--force",
        ],
    ] {
        let o = s.run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("trong thư mục hồ sơ"), "{}", stderr(&o));
    }
    // From inside the dossier, with the default output (the current folder).
    let o = dossier(&s.hs(), &["pack", "--today", TODAY, "."]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(before, listing(&s.hs()));
}

#[cfg(unix)]
#[test]
fn force_replaces_only_a_regular_file() {
    let s = Scratch::base();
    let fifo = s.dir.path().join("pipe.zip");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "pipe.zip", "--force"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("không phải tệp thường"),
        "{}",
        stderr(&o)
    );
    assert!(!fs::symlink_metadata(&fifo).unwrap().is_file());
    // A link to a dossier file, outside the dossier: not replaced either.
    std::os::unix::fs::symlink(s.hs().join("ho-so.yaml"), s.dir.path().join("l.zip")).unwrap();
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "l.zip", "--force"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(fs::symlink_metadata(s.dir.path().join("l.zip"))
        .unwrap()
        .file_type()
        .is_symlink());
    // A regular file outside: replaced.
    fs::write(s.dir.path().join("old.zip"), b"old").unwrap();
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "old.zip", "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// Make the scan big (so a pack is still streaming it for a while) and start a pack.
fn big_scan(s: &Scratch, mib: usize) -> PathBuf {
    let scan = s.hs().join("dinh-kem/to-trinh.pdf");
    let mut f = fs::File::options().append(true).open(&scan).unwrap();
    let chunk = vec![7u8; 1 << 20];
    for _ in 0..mib {
        f.write_all(&chunk).unwrap();
    }
    scan
}

fn spawn_pack(s: &Scratch) -> std::process::Child {
    fs::create_dir_all(s.dir.path().join("out")).unwrap();
    std::process::Command::new(assert_cmd::cargo::cargo_bin("dossier"))
        .current_dir(s.dir.path())
        .args(["pack", "--today", TODAY, "hs", "-o", "out"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// The pack's staging folder, which holds its temporary file (#17).
fn is_staging(name: &str) -> bool {
    name.starts_with(".dossier-pack-")
}

/// Wait until the pack's temporary file exists; false if the pack ended first.
fn wait_for_partial(s: &Scratch, child: &mut std::process::Child) -> bool {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        if fs::read_dir(s.dir.path().join("out"))
            .unwrap()
            .any(|e| is_staging(&e.unwrap().file_name().to_string_lossy()))
        {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    false
}

fn out_files(s: &Scratch) -> Vec<String> {
    fs::read_dir(s.dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn a_dossier_changed_while_packed_gives_no_bundle() {
    type Change = fn(&Path);
    let changes: [(&str, Change); 3] = [
        ("appended", |p| {
            let mut f = fs::File::options().append(true).open(p).unwrap();
            f.write_all(&vec![1u8; 8 << 20]).unwrap();
        }),
        ("truncated", |p| {
            fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_len(1000)
                .unwrap();
        }),
        ("deleted", |p| fs::remove_file(p).unwrap()),
    ];
    for (what, change) in changes {
        let s = Scratch::base();
        let scan = big_scan(&s, 150);
        let mut child = spawn_pack(&s);
        if !wait_for_partial(&s, &mut child) {
            child.wait().unwrap();
            eprintln!("note: {what}: the pack ended before the change; nothing to assert");
            continue;
        }
        change(&scan);
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(1), "{what}: {err}");
        assert!(err.contains("thay đổi trong khi đóng gói"), "{what}: {err}");
        assert!(out_files(&s).is_empty(), "{what}: {:?}", out_files(&s));
    }
}

#[test]
fn a_name_verify_would_refuse_is_not_packed() {
    // `aux` is a device on Windows: the receiving office could not extract the scan.
    let s = Scratch::base();
    fs::rename(
        s.hs().join("dinh-kem/to-trinh.pdf"),
        s.hs().join("dinh-kem/aux.pdf"),
    )
    .unwrap();
    s.edit("to-trinh.yaml", "dinh-kem/to-trinh.pdf", "dinh-kem/aux.pdf");
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "x.zip"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    // The check names it before anything is written (DK006); the read-back through verify
    // (GO001) stays behind it for a name that changes while packing.
    assert!(String::from_utf8_lossy(&o.stdout).contains("DK006"));
    assert!(!s.dir.path().join("x.zip").exists());
}

#[cfg(unix)]
#[test]
fn every_catchable_signal_removes_the_temporary_file() {
    for signal in ["QUIT", "USR1", "USR2", "HUP", "ALRM"] {
        let s = Scratch::base();
        big_scan(&s, 150);
        let mut child = spawn_pack(&s);
        if !wait_for_partial(&s, &mut child) {
            child.wait().unwrap();
            eprintln!("note: {signal}: the pack ended first; nothing to assert");
            continue;
        }
        std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        if status.code() == Some(0) {
            eprintln!("note: {signal}: the pack completed before the signal");
            continue;
        }
        assert!(out_files(&s).is_empty(), "{signal}: {:?}", out_files(&s));
    }
}

#[cfg(unix)]
#[test]
fn a_size_limit_is_a_plain_error_naming_the_bundle() {
    let s = Scratch::base();
    big_scan(&s, 4);
    fs::create_dir_all(s.dir.path().join("out")).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("dossier");
    // `ulimit -f` counts 512-byte blocks in POSIX sh, 1024 in bash: 1 MB either way is too
    // little for a 4 MB scan.
    let o = std::process::Command::new("sh")
        .current_dir(s.dir.path())
        .arg("-c")
        .arg(format!(
            "ulimit -f 1024; exec '{}' pack --today {TODAY} hs -o out/goi.zip",
            bin.display()
        ))
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("out/goi.zip"), "{err}");
    assert!(err.contains("giới hạn kích thước"), "{err}");
    assert!(
        !err.contains("ZipWriter") && !err.contains("dinh-kem"),
        "{err}"
    );
    assert!(out_files(&s).is_empty(), "{:?}", out_files(&s));
}

/// stderr of `dossier --lang LANG ARGS` run in the scratch folder, with its exit code.
fn stderr_of(s: &Scratch, lang: &str, args: &[&str]) -> (Option<i32>, String) {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    let o = s.run(&all);
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// What the operating system says reaches the clerk in words, in both languages, naming the
/// path the clerk gave: never "No such file or directory (os error 2)" or a temporary name.
#[test]
fn verify_names_the_bundle_and_the_reason_in_words() {
    let s = Scratch::base();
    fs::write(s.dir.path().join("tep"), "x").unwrap();
    let cases: [(&str, &str, &str); 3] = [
        (
            "/khong/co/goi.zip",
            "lỗi: không đọc được \"/khong/co/goi.zip\": không có tệp hoặc thư mục này\n",
            "error: cannot read \"/khong/co/goi.zip\": no such file or folder\n",
        ),
        (
            "hs",
            "lỗi: \"hs\" là một thư mục, không phải tệp gói hồ sơ (.zip); nếu đây là hồ sơ chưa đóng gói, hãy dùng dossier check\n",
            "error: \"hs\" is a folder, not a bundle file (.zip); for a dossier not yet packed, use dossier check\n",
        ),
        (
            "tep/goi.zip",
            "lỗi: không đọc được \"tep/goi.zip\": một phần của đường dẫn là tệp, không phải thư mục\n",
            "error: cannot read \"tep/goi.zip\": part of the path is a file, not a folder\n",
        ),
    ];
    for (bundle, vi, en) in cases {
        assert_eq!(
            stderr_of(&s, "vi", &["verify", bundle]),
            (Some(2), vi.to_owned())
        );
        assert_eq!(
            stderr_of(&s, "en", &["verify", bundle]),
            (Some(2), en.to_owned())
        );
    }
}

#[test]
fn pack_names_the_bundle_and_the_reason_in_words() {
    let s = Scratch::base();
    fs::write(s.dir.path().join("tep"), "x").unwrap();
    let mut cases: Vec<(String, &str, &str)> = vec![
        (
            "tep/goi.zip".into(),
            "một phần của đường dẫn là tệp, không phải thư mục",
            "part of the path is a file, not a folder",
        ),
        (
            "tep/ra/".into(),
            "một phần của đường dẫn là tệp, không phải thư mục",
            "part of the path is a file, not a folder",
        ),
        (
            "khong-co/goi.zip".into(),
            "thư mục không tồn tại",
            "the folder does not exist",
        ),
    ];
    // A read-only output folder; as root, where permissions do not stop a write, /sys refuses.
    let ro = s.dir.path().join("chi-doc");
    fs::create_dir(&ro).unwrap();
    let mut perms = fs::metadata(&ro).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&ro, perms).unwrap();
    let writable = fs::write(ro.join("thu"), "x").is_ok();
    if !writable {
        cases.push((
            "chi-doc/goi.zip".into(),
            "không có quyền ghi",
            "permission denied",
        ));
    } else if cfg!(target_os = "linux") && Path::new("/sys/kernel").is_dir() {
        cases.push((
            "/sys/goi.zip".into(),
            "không có quyền ghi",
            "permission denied",
        ));
    }
    for (out, vi, en) in &cases {
        let args = ["pack", "--today", TODAY, "hs", "-o", out.as_str()];
        let (code, err) = stderr_of(&s, "vi", &args);
        assert_eq!(
            (code, err),
            (
                Some(2),
                format!("lỗi: không ghi được gói \"{out}\": {vi}; không có tệp nào được ghi\n")
            )
        );
        let (code, err) = stderr_of(&s, "en", &args);
        assert_eq!(
            (code, err),
            (
                Some(2),
                format!("error: could not write the bundle \"{out}\": {en}; nothing was written\n")
            )
        );
    }
    assert!(cases.len() >= 4, "no read-only case could be made");
    // Nothing was left behind: no bundle, no temporary file.
    let left: Vec<_> = fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 3, "{left:?}");
}

/// The advice after a refused `-o` was always `-o ..`, which from outside the dossier sends the
/// bundle one folder too high: it now names a folder outside the dossier as seen from where the
/// clerk is (#11).
#[test]
fn the_folder_offered_instead_is_outside_the_dossier_from_here() {
    let s = Scratch::base();
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "hs"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("ví dụ: dossier pack hs -o .\n"),
        "{}",
        stderr(&o)
    );
    let o = dossier(&s.hs(), &["pack", "--today", TODAY, "."]);
    assert!(
        stderr(&o).contains("ví dụ: dossier pack . -o ..\n"),
        "{}",
        stderr(&o)
    );
    let o = dossier(
        &s.hs().join("bao-cao"),
        &["--lang", "en", "pack", "--today", TODAY, ".."],
    );
    assert!(
        stderr(&o).contains("e.g. dossier pack .. -o ../..\n"),
        "{}",
        stderr(&o)
    );
}

/// `-o moi/goi/` makes the folders for the bundle; an interrupted or failed pack left them
/// behind, empty, where the clerk had none. Now they go with the temporary file (#11).
#[cfg(unix)]
#[test]
fn folders_made_for_the_bundle_go_when_the_pack_does_not_finish() {
    let partial_in = |s: &Scratch| {
        fs::read_dir(s.dir.path().join("moi/goi"))
            .is_ok_and(|mut d| d.any(|e| is_staging(&e.unwrap().file_name().to_string_lossy())))
    };
    for how in ["INT", "deleted"] {
        let s = Scratch::base();
        let scan = big_scan(&s, 150);
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dossier"))
            .current_dir(s.dir.path())
            .args(["pack", "--today", TODAY, "hs", "-o", "moi/goi/"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while !partial_in(&s) && child.try_wait().unwrap().is_none() {
            assert!(started.elapsed() < Duration::from_secs(60));
            std::thread::sleep(Duration::from_millis(2));
        }
        if child.try_wait().unwrap().is_some() {
            eprintln!("note: {how}: the pack ended first; nothing to assert");
            continue;
        }
        if how == "INT" {
            let ok = std::process::Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status()
                .unwrap()
                .success();
            assert!(ok);
        } else {
            fs::remove_file(&scan).unwrap();
        }
        let out = child.wait_with_output().unwrap();
        assert_ne!(out.status.code(), Some(0), "{how}");
        if how == "INT" {
            // Said, not silent: the clerk knows nothing was half written.
            let e = stderr(&out);
            assert!(e.contains("Đã dừng: chưa ghi gói hồ sơ"), "{e}");
        }
        assert!(
            !s.dir.path().join("moi").exists(),
            "{how}: {:?}",
            fs::read_dir(s.dir.path().join("moi/goi")).map(|d| d.count())
        );
    }
}

/// `pack hs -o khac/goi.zip` where `khac` is another dossier: the bundle (this dossier's
/// personal data) went into that folder, and its next check found a stray file. Refused like
/// the dossier's own folder, before anything is written (final QA, #11).
#[test]
fn the_bundle_never_goes_into_another_dossier() {
    let s = Scratch::base();
    crate::util::copy_tree(&s.hs(), &s.dir.path().join("khac"));
    for target in ["khac/goi.zip", "khac/", "khac/bao-cao/moi/"] {
        let o = s.run(&["pack", "--today", TODAY, "hs", "-o", target]);
        assert_eq!(o.status.code(), Some(2), "{target}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("không ghi gói vào trong thư mục hồ sơ"),
            "{target}: {}",
            stderr(&o)
        );
    }
    let o = s.run(&["check", "--today", TODAY, "khac"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(!s.dir.path().join("khac/bao-cao/moi").exists());
}

/// Run a pack that stops after its check (the debug build's test hook), change the dossier
/// there, and let it go on.
fn pack_changed_after_check(s: &Scratch, change: impl FnOnce()) -> std::process::Output {
    let flag = s.dir.path().join("paused");
    fs::create_dir_all(s.dir.path().join("out")).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dossier"))
        .current_dir(s.dir.path())
        .args(["pack", "--today", TODAY, "hs", "-o", "out"])
        .env("DOSSIER_TEST_PAUSE_BEFORE_STREAM", &flag)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !flag.exists() {
        assert!(child.try_wait().unwrap().is_none(), "the pack ended first");
        assert!(started.elapsed() < Duration::from_secs(60));
        std::thread::sleep(Duration::from_millis(5));
    }
    change();
    fs::remove_file(&flag).unwrap();
    child.wait_with_output().unwrap()
}

/// Rewrite `len` bytes at `at` in place: same size, same file.
fn overwrite(p: &Path, at: u64, with: &[u8]) {
    use std::io::{Seek, SeekFrom};
    let mut f = fs::File::options().write(true).open(p).unwrap();
    f.seek(SeekFrom::Start(at)).unwrap();
    f.write_all(with).unwrap();
}

/// A file rewritten in place with the same size (or only touched) after the check and before it
/// was streamed was packed, 6 of 6 trials (#17): only the size was compared with the check's,
/// the modification time only between the opening for streaming and the end. Now: exit 1, no
/// bundle, the file named. Each change is tried on a file just copied (which the check hashes:
/// its timestamps could still be in the clock tick of a rewrite) and, after `FRESH`, on one
/// whose timestamps alone must tell.
#[test]
fn a_file_changed_between_the_check_and_its_streaming_gives_no_bundle() {
    type Change = fn(&Path);
    let changes: [(&str, &str, Change); 3] = [
        ("to-trinh.yaml", "yaml rewritten", |p| {
            let t = fs::read_to_string(p).unwrap();
            // Same length in UTF-8: ì and í are two bytes each.
            let t2 = t.replacen("Trần Văn Bình", "Trần Văn Bính", 1);
            assert_eq!((t.len(), t != t2), (t2.len(), true));
            let at = t.find("Bình").unwrap() as u64;
            overwrite(p, at, "Bính".as_bytes());
        }),
        ("dinh-kem/to-trinh.pdf", "scan rewritten", |p| {
            overwrite(p, 600, &[b'Y'; 100]);
        }),
        ("dinh-kem/to-trinh.pdf", "scan touched", |p| {
            let f = fs::File::options().write(true).open(p).unwrap();
            let m = f.metadata().unwrap().modified().unwrap();
            f.set_modified(m + Duration::from_secs(1)).unwrap();
        }),
    ];
    for settled in [false, true] {
        let scratches: Vec<Scratch> = changes.iter().map(|_| Scratch::base()).collect();
        if settled {
            // Past FRESH (2 s): the check hashes nothing, the stamps must tell.
            std::thread::sleep(Duration::from_millis(2500));
        }
        for ((rel, what, change), s) in changes.iter().zip(&scratches) {
            let p = s.hs().join(rel);
            let before = fs::read(&p).unwrap();
            let out = pack_changed_after_check(s, || change(&p));
            let err = stderr(&out);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{what} (settled {settled}): {err}"
            );
            assert!(
                err.contains(&format!("\"hs/{rel}\" thay đổi trong khi đóng gói")),
                "{what}: {err}"
            );
            assert!(out_files(s).is_empty(), "{what}: {:?}", out_files(s));
            if *what != "scan touched" {
                assert_ne!(before, fs::read(&p).unwrap(), "{what}: nothing changed");
            }
        }
    }
    // Unchanged, the same pause packs: the hook itself is not what refuses.
    let s = Scratch::base();
    let out = pack_changed_after_check(&s, || ());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
