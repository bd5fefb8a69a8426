//! The Windows test set's own cases (#23), run by `.ci/run` with `DOSSIER_WINDOWS_EXE` naming a
//! cross-built `dossier.exe` that Wine runs (the recorded command cases, `record::`, run the
//! same way and must print what Linux printed). Without the variable these tests say so and
//! pass: they need the .exe, which only that step builds; the step itself fails when the
//! target or Wine cannot be installed.
//!
//! What they hold the .exe to: the same bundle, drafts and sheets, byte for byte, as the Linux
//! build makes from the same dossier; the paths a Windows clerk types (backslashes, a drive
//! letter, a trailing backslash, a path over 260 characters) understood; and a device name
//! (`CON`, `nul.zip`) never taken for a file to write.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::util::{dossier, tree_bytes, Scratch, TODAY};

/// The .exe, when the Windows step runs these tests.
fn exe() -> Option<PathBuf> {
    let e = std::env::var_os("DOSSIER_WINDOWS_EXE").map(PathBuf::from);
    if e.is_none() {
        #[allow(clippy::print_stdout)]
        {
            println!("note: DOSSIER_WINDOWS_EXE not set; the Windows test set runs in .ci/run");
        }
    }
    e
}

/// `dossier.exe ARGS` under Wine, in `cwd`.
fn windows(exe: &Path, cwd: &Path, args: &[&str]) -> Output {
    std::process::Command::new("wine")
        .arg(exe)
        .args(args)
        .current_dir(cwd)
        .env("WINEDEBUG", "-all")
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

/// `path` as Windows sees it under Wine: drive Z: is the Linux root.
fn z(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

fn said(o: &Output) -> String {
    format!(
        "exit {:?}\n{}{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn a_bundle_drafts_and_sheets_made_on_windows_are_the_bytes_made_on_linux() {
    let Some(exe) = exe() else { return };
    // Each side in a folder of its own, with the same names inside: what is printed in the
    // outputs (the bundle's name in the review's page) is the same on both.
    let linux_side = Scratch::of("examples/01-giay-khen-chuyen-de-truong-yen");
    let windows_side = Scratch::of("examples/01-giay-khen-chuyen-de-truong-yen");
    for (side, d) in [
        ("linux", linux_side.dir.path()),
        ("windows", windows_side.dir.path()),
    ] {
        fs::create_dir(d.join("ra")).unwrap();
        for args in [
            vec!["pack", "--today", TODAY, "hs", "-o", "ra/goi.zip"],
            vec!["draft", "--today", TODAY, "hs", "-o", "ra/du-thao"],
            vec!["export", "--today", TODAY, "hs", "--xlsx", "ra/ds.xlsx"],
            vec![
                "review",
                "--today",
                TODAY,
                "hs",
                "ra/goi.zip",
                "-o",
                "ra/tham-dinh",
            ],
        ] {
            let o = if side == "linux" {
                dossier(d, &args)
            } else {
                windows(&exe, d, &args)
            };
            assert!(
                o.status.code().is_some_and(|c| c < 2),
                "{side} {args:?}: {}",
                said(&o)
            );
        }
    }
    let linux = tree_bytes(&linux_side.dir.path().join("ra"));
    let win = tree_bytes(&windows_side.dir.path().join("ra"));
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&win), names(&linux));
    for ((n, a), (_, b)) in linux.iter().zip(&win) {
        assert!(a == b, "{n} differs between Linux and Windows");
    }
    assert!(linux.len() > 10, "{:?}", names(&linux));
}

#[test]
fn the_paths_a_windows_clerk_types_are_understood() {
    let Some(exe) = exe() else { return };
    let s = Scratch::of("examples/01-giay-khen-chuyen-de-truong-yen");
    let d = s.dir.path();
    let linux = dossier(d, &["check", "--today", TODAY, "hs"]);
    assert_eq!(linux.status.code(), Some(0), "{}", said(&linux));
    let hs = d.join("hs");
    for typed in [
        "hs\\".to_owned(),
        ".\\hs".to_owned(),
        "hs\\..\\hs".to_owned(),
        z(&hs),
        format!("{}\\", z(&hs)),
    ] {
        let o = windows(&exe, d, &["check", "--today", TODAY, &typed]);
        assert_eq!(o.status.code(), Some(0), "{typed}: {}", said(&o));
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(
            text.contains("đạt, không có lỗi hay cảnh báo"),
            "{typed}: {}",
            said(&o)
        );
    }
    // An output typed with backslashes lands where Windows puts it.
    fs::create_dir(d.join("ra")).unwrap();
    let o = windows(
        &exe,
        d,
        &["pack", "--today", TODAY, "hs", "-o", "ra\\goi.zip"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    assert!(d.join("ra/goi.zip").is_file());
}

#[test]
fn a_dossier_deeper_than_260_characters_is_read_and_packed() {
    let Some(exe) = exe() else { return };
    let s = Scratch::of("examples/01-giay-khen-chuyen-de-truong-yen");
    let mut deep = s.dir.path().to_path_buf();
    while deep.as_os_str().len() < 280 {
        deep.push("thu-muc-luu-tru-ho-so-khen-thuong");
    }
    fs::create_dir_all(&deep).unwrap();
    fs::rename(s.hs(), deep.join("hs")).unwrap();
    // Typed relative to a folder Wine can start in (its working folder is bounded at 260).
    let rel = deep.strip_prefix(s.dir.path()).unwrap().join("hs");
    let rel = rel.to_str().unwrap().replace('/', "\\");
    let bundle = format!("{rel}\\..\\goi.zip");
    let o = windows(&exe, s.dir.path(), &["check", "--today", TODAY, &rel]);
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    let o = windows(
        &exe,
        s.dir.path(),
        &["pack", "--today", TODAY, &rel, "-o", &bundle],
    );
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    let o = dossier(&deep, &["verify", "--today", TODAY, "goi.zip"]);
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
}

/// Run on every system: a bundle or sheet named like a device could not be opened on
/// Windows, so it is never made, whatever the machine.
#[test]
fn a_device_name_is_never_taken_for_a_file_to_write() {
    let s = Scratch::of("examples/01-giay-khen-chuyen-de-truong-yen");
    let d = s.dir.path();
    fs::create_dir(d.join("ra")).unwrap();
    let exe = std::env::var_os("DOSSIER_WINDOWS_EXE").map(PathBuf::from);
    let cases: [&[&str]; 5] = [
        &["pack", "--today", TODAY, "hs", "-o", "CON.zip"],
        &["pack", "--today", TODAY, "hs", "-o", "nul.zip"],
        &["export", "--today", TODAY, "hs", "--xlsx", "ra/aux.xlsx"],
        &[
            "check", "--today", TODAY, "hs", "--format", "html", "-o", "prn.html",
        ],
        &["review", "--today", TODAY, "hs", "-o", "COM1"],
    ];
    for args in cases {
        let before = tree_bytes(d);
        let mut runs = vec![dossier(d, args)];
        if let Some(exe) = &exe {
            runs.push(windows(exe, d, args));
        }
        for o in runs {
            assert_eq!(o.status.code(), Some(2), "{args:?}: {}", said(&o));
            assert!(
                String::from_utf8_lossy(&o.stderr).contains("CON, NUL, AUX, PRN, COM1, LPT1"),
                "{args:?}: {}",
                said(&o)
            );
            assert_eq!(tree_bytes(d), before, "{args:?}");
        }
    }
}

#[test]
fn an_attachment_written_with_a_backslash_is_the_same_file_on_both_systems() {
    let Some(exe) = exe() else { return };
    let mut bundles = Vec::new();
    for side in ["linux", "windows"] {
        let s = Scratch::of("examples/01-giay-khen-chuyen-de-truong-yen");
        let d = s.dir.path();
        crate::util::edit_file(
            &s.hs().join("bien-ban.yaml"),
            "dinh_kem: dinh-kem/bien-ban.pdf",
            "dinh_kem: dinh-kem\\bien-ban.pdf",
        );
        let run = |args: &[&str]| {
            if side == "linux" {
                dossier(d, args)
            } else {
                windows(&exe, d, args)
            }
        };
        let o = run(&["check", "--today", TODAY, "hs"]);
        assert_eq!(o.status.code(), Some(0), "{side}: {}", said(&o));
        let o = run(&["pack", "--today", TODAY, "hs", "-o", "goi.zip"]);
        assert_eq!(o.status.code(), Some(0), "{side}: {}", said(&o));
        bundles.push(fs::read(d.join("goi.zip")).unwrap());
    }
    assert!(bundles[0] == bundles[1], "the bundles differ");
}
