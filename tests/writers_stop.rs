//! `draft`, `export` and `pack` stopped by a size limit, and what a killed run leaves (#17):
//! under `ulimit -f` draft and export were killed by SIGXFSZ with no message, leaving temporary
//! files; a kill left their staging folders. Now a size limit is an error naming the file with
//! nothing left, and the next run into the same folder sweeps a dead run's staging folder, never
//! a live one.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::util::{Scratch, TODAY};

/// The hidden staging folders and temporaries under `dir`, at any depth.
fn leftovers(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            n.starts_with(".dossier-") || n.ends_with(".partial") || n.ends_with(".tmp")
        })
        .collect()
}

/// The three writers, each into a target of its own under the scratch folder: (name, args,
/// the file a failed write names, the folder its staging goes into).
fn writers() -> [(&'static str, Vec<&'static str>, &'static str, &'static str); 3] {
    [
        (
            "draft",
            vec!["draft", "--today", TODAY, "hs", "-o", "ban-thao"],
            "ban-thao/",
            ".",
        ),
        (
            "export",
            vec!["export", ".", "--xlsx", "ds.xlsx", "--today", TODAY],
            "ds.xlsx",
            ".",
        ),
        (
            "pack",
            vec!["pack", "--today", TODAY, "hs", "-o", "out/goi.zip"],
            "out/goi.zip",
            "out",
        ),
    ]
}

#[cfg(unix)]
#[test]
fn a_size_limit_stops_every_writer_with_the_file_named_and_nothing_left() {
    let bin = assert_cmd::cargo::cargo_bin("dossier");
    for (name, args, file, _) in writers() {
        let s = Scratch::base();
        fs::create_dir_all(s.dir.path().join("out")).unwrap();
        // 4 blocks: 2 KiB in POSIX sh, 4 KiB in bash; the smallest output (the workbook) is 7 KB.
        let o = std::process::Command::new("sh")
            .current_dir(s.dir.path())
            .arg("-c")
            .arg(format!(
                "ulimit -f 4; exec '{}' {}",
                bin.display(),
                args.join(" ")
            ))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains("giới hạn kích thước"), "{name}: {err}");
        assert!(err.contains(file), "{name}: {err}");
        assert!(
            leftovers(s.dir.path()).is_empty(),
            "{name}: {:?}",
            leftovers(s.dir.path())
        );
        // Nothing half-written under a real name either.
        assert!(!s.dir.path().join("ban-thao").exists(), "{name}");
        assert!(!s.dir.path().join("ds.xlsx").exists(), "{name}");
        assert_eq!(fs::read_dir(s.dir.path().join("out")).unwrap().count(), 0);
    }
}

/// A staging folder as a run left it: `.lock` and a half-written file inside, last changed an
/// hour ago.
fn staging(parent: &Path, tool: &str, n: u32) -> PathBuf {
    let dir = parent.join(format!(".dossier-{tool}-999999-{n}"));
    fs::create_dir_all(dir.join("ban-thao")).unwrap();
    fs::write(dir.join("ban-thao/half.pdf"), b"%PDF-1.4 half").unwrap();
    fs::write(dir.join(".lock"), b"").unwrap();
    let old = SystemTime::now() - Duration::from_secs(3600);
    fs::File::open(&dir).unwrap().set_modified(old).unwrap();
    dir
}

#[test]
fn the_next_run_sweeps_a_dead_runs_staging_folder_and_never_a_live_one() {
    for (name, args, _, parent) in writers() {
        let s = Scratch::base();
        let parent = s.dir.path().join(parent);
        fs::create_dir_all(&parent).unwrap();
        let tool = args[0];
        let dead = staging(&parent, tool, 0);
        let live = staging(&parent, tool, 1);
        // A live run holds its lock for as long as it works.
        let held = fs::File::options()
            .read(true)
            .write(true)
            .open(live.join(".lock"))
            .unwrap();
        held.lock().unwrap();
        // Another command's staging folder is not this one's to sweep.
        let other = staging(&parent, "import", 2);
        let o = s.run(&args);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!dead.exists(), "{name}: the dead run's folder stayed");
        assert!(
            live.join("ban-thao/half.pdf").is_file(),
            "{name}: a live folder was swept"
        );
        assert!(other.is_dir(), "{name}");
        drop(held);
    }
}

/// A killed draft's staging folder inside an existing output folder made that folder look
/// foreign ("holds other files; use --force"): it is swept before the folder is judged.
#[test]
fn a_dead_drafts_staging_folder_does_not_make_the_output_foreign() {
    let s = Scratch::base();
    let out = s.dir.path().join("ban-thao");
    fs::create_dir(&out).unwrap();
    let dead = staging(&out, "draft", 0);
    let o = s.run(&["draft", "--today", TODAY, "hs", "-o", "ban-thao"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!dead.exists());
    assert!(out.join("to-trinh.pdf").is_file());
    assert!(
        leftovers(s.dir.path()).is_empty(),
        "{:?}",
        leftovers(s.dir.path())
    );
}

/// Every writer, signalled while its staging folder exists (the debug build's test hook holds
/// it there), removes it, says so and exits with 128 + the signal; SIGKILL leaves it, and the
/// next run into the same folder sweeps it.
#[cfg(unix)]
#[test]
fn a_signal_leaves_nothing_and_a_kill_is_swept_by_the_next_run() {
    use std::time::Instant;
    for signal in ["TERM", "KILL"] {
        for (name, args, _, parent) in writers() {
            let s = Scratch::base();
            fs::create_dir_all(s.dir.path().join("out")).unwrap();
            let flag = s.dir.path().join("paused");
            let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dossier"))
                .current_dir(s.dir.path())
                .args(&args)
                .env("DOSSIER_TEST_PAUSE_IN_STAGING", &flag)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            let started = Instant::now();
            while !flag.exists() {
                assert!(child.try_wait().unwrap().is_none(), "{name}: ended first");
                assert!(started.elapsed() < Duration::from_secs(60));
                std::thread::sleep(Duration::from_millis(5));
            }
            let staged = leftovers(&s.dir.path().join(parent));
            assert_eq!(staged.len(), 1, "{name}: {staged:?}");
            std::process::Command::new("kill")
                .args([&format!("-{signal}"), &child.id().to_string()])
                .status()
                .unwrap();
            let out = child.wait_with_output().unwrap();
            fs::remove_file(&flag).unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            if signal == "TERM" {
                assert_eq!(out.status.code(), Some(128 + 15), "{name}: {err}");
                assert!(err.contains("Đã dừng"), "{name}: {err}");
                assert!(
                    leftovers(s.dir.path()).is_empty(),
                    "{name}: {:?}",
                    leftovers(s.dir.path())
                );
                continue;
            }
            // Killed: the staging folder stays; the next run, once it is old, removes it.
            assert!(staged[0].is_dir(), "{name}");
            let old = SystemTime::now() - Duration::from_secs(3600);
            fs::File::open(&staged[0])
                .unwrap()
                .set_modified(old)
                .unwrap();
            let o = s.run(&args);
            assert_eq!(
                o.status.code(),
                Some(0),
                "{name}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            assert!(
                leftovers(s.dir.path()).is_empty(),
                "{name}: {:?}",
                leftovers(s.dir.path())
            );
        }
    }
}
