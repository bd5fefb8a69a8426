//! Office mode (#23): one path given to the program with no command, as a folder or bundle
//! dropped on `dossier.exe` gives it. The decisions themselves (double-click, drop, script) are
//! unit tests of `cli::office_mode`; these run the program: the report beside the dropped
//! path, the clerk's own file never written over, nothing left behind when nothing could be
//! made, and no waiting for a key when nobody is at a console (the tests' pipes).

use std::fs;
use std::process::Stdio;

use crate::util::{dossier, Scratch, TODAY};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn names(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_dropped_folder_gets_its_report_beside_it() {
    let s = Scratch::of("examples/01-giay-khen-chuyen-de-truong-yen");
    let o = s.run(&["hs"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let said = text(&o.stdout);
    assert!(
        said.contains("Báo cáo đã ghi vào: hs.bao-cao.html"),
        "{said}"
    );
    let page = fs::read_to_string(s.dir.path().join("hs.bao-cao.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>\n"), "{page}");
    assert!(page.contains("Hồ sơ hs hợp lệ, sẵn sàng gửi."), "{page}");
    // Dropped again: the tool's own report is replaced, nothing else appears.
    let o = s.run(&["hs"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(names(s.dir.path()), ["hs", "hs.bao-cao.html"]);
    // From inside the folder, "." is the folder: the report still goes beside it.
    fs::remove_file(s.dir.path().join("hs.bao-cao.html")).unwrap();
    let o = dossier(&s.hs(), &["."]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(names(s.dir.path()), ["hs", "hs.bao-cao.html"]);
}

#[test]
fn a_dropped_bundle_is_verified_and_its_report_written() {
    let s = Scratch::of("examples/01-giay-khen-chuyen-de-truong-yen");
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "GOI.ZIP"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let o = s.run(&["GOI.ZIP"]);
    let page = fs::read_to_string(s.dir.path().join("GOI.bao-cao.html")).unwrap();
    assert!(page.contains("<h1 class=\"verdict"), "{page}");
    assert!(page.contains("Gói hồ sơ GOI.ZIP"), "{page}");
    assert!(text(&o.stdout).contains("GOI.bao-cao.html"), "{o:?}");
    assert_ne!(o.status.code(), Some(2), "{o:?}");
    // A bundle that is not one: the page says why, the exit says it could not be verified.
    fs::write(s.dir.path().join("hong.zip"), b"not a zip").unwrap();
    let o = s.run(&["hong.zip"]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
}

#[test]
fn the_clerks_own_file_is_never_written_over_and_other_drops_are_refused() {
    let s = Scratch::of("examples/01-giay-khen-chuyen-de-truong-yen");
    let own = s.dir.path().join("hs.bao-cao.html");
    fs::write(&own, "<!DOCTYPE html>\n<p>ghi chú của tôi</p>").unwrap();
    let o = s.run(&["hs"]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(text(&o.stderr).contains("không do dossier ghi"), "{o:?}");
    assert_eq!(
        fs::read_to_string(&own).unwrap(),
        "<!DOCTYPE html>\n<p>ghi chú của tôi</p>"
    );
    // A spreadsheet dropped: said what to drop instead, nothing written.
    fs::write(s.dir.path().join("ds.xlsx"), b"x").unwrap();
    let o = s.run(&["ds.xlsx"]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(
        text(&o.stderr).contains("không phải thư mục hồ sơ hay gói .zip"),
        "{o:?}"
    );
    // No argument, not in a console of its own: the command line's usual mistake, no waiting.
    let o = s.run(&[]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert_eq!(names(s.dir.path()), ["ds.xlsx", "hs", "hs.bao-cao.html"]);
}

#[test]
fn an_empty_folder_gets_a_page_saying_so_and_no_key_is_waited_for() {
    let s = Scratch::of("examples/01-giay-khen-chuyen-de-truong-yen");
    fs::create_dir(s.dir.path().join("trong")).unwrap();
    // Standard input left open and never written: a wait for Enter would never end.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dossier"))
        .current_dir(s.dir.path())
        .arg("trong")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if started.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("it waited for a key with nobody at a console");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(2));
    // Whatever the page says, a later drop of the same folder, filled, replaces it.
    crate::util::copy_tree(&s.hs(), &s.dir.path().join("trong/hs"));
    let o = s.run(&["trong"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let page = fs::read_to_string(s.dir.path().join("trong.bao-cao.html")).unwrap();
    assert!(page.contains("hợp lệ"), "{page}");
}
