//! Snapshots of what users read: the human report and the JSON document, for one dossier with
//! several kinds of finding. Reviewed like code (`cargo insta review`).

use crate::util::{Scratch, TODAY};

fn broken() -> Scratch {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", "trich_yeu:", "trich_yue:");
    s.edit("bien-ban.yaml", "ngay: 2021-", "ngay: 2099-");
    s
}

#[test]
fn human_report_vi() {
    let s = broken();
    let o = s.run(&["check", "--today", TODAY, "hs"]);
    insta::assert_snapshot!(String::from_utf8_lossy(&o.stdout));
}

#[test]
fn human_report_en() {
    let s = broken();
    let o = s.run(&["--lang", "en", "check", "--today", TODAY, "hs"]);
    insta::assert_snapshot!(String::from_utf8_lossy(&o.stdout));
}

#[test]
fn json_report() {
    let s = broken();
    let (_, json) = s.check_json(&[]);
    insta::assert_json_snapshot!(json, {".tool" => "[version]"});
}

/// A file saved on Windows (CR LF line ends) is quoted without the renderer's visible "␍" at the
/// end of each line (#11).
#[test]
fn lines_of_a_windows_file_are_quoted_without_a_carriage_return_sign() {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", "ngay: 2021-10-25", "ngay: 2021-02-30");
    let t = s.read("to-trinh.yaml");
    s.write("to-trinh.yaml", t.replace('\n', "\r\n"));
    let o = s.run(&["check", "--today", TODAY, "--color", "never", "hs"]);
    let shown = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{shown}");
    assert!(shown.contains("ngay: 2021-02-30"), "{shown}");
    assert!(
        !shown.contains('\u{240D}') && !shown.contains('\r'),
        "{shown}"
    );
}
