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

/// A rule set that does not load (`--criteria`): the human report names it as a rule set and
/// says no dossier was checked, rather than "Hồ sơ : 1 lỗi" for a dossier with no name.
#[test]
fn human_report_of_a_broken_rule_set_names_the_rule_set() {
    let s = Scratch::base();
    std::fs::write(
        s.dir.path().join("rs.yaml"),
        "phien_ban: 1\nid: x\nbieu_quyet:\n  co_mat: { tu_so: 2, mau_so: 0, so_sanh: it_nhat }\n",
    )
    .unwrap();
    for (lang, said) in [
        (
            "vi",
            "Bộ quy tắc rs.yaml: 1 lỗi, 0 cảnh báo. Chưa kiểm tra hồ sơ nào: sửa bộ quy tắc rồi chạy lại.\n\nTheo quy tắc: TC001 1\n",
        ),
        (
            "en",
            "Rule set rs.yaml: 1 error, 0 warnings. No dossier was checked: fix the rule set, then run again.\n\nBy rule: TC001 1\n",
        ),
    ] {
        let o = s.run(&[
            "--lang", lang, "check", "--criteria", "rs.yaml", "--today", TODAY, "hs",
        ]);
        assert_eq!(o.status.code(), Some(1));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.starts_with("lỗi[TC001]") || out.starts_with("error[TC001]"), "{out}");
        assert!(out.contains("rs.yaml:3:1"), "{out}");
        assert!(out.ends_with(said), "{out}");
        assert!(!out.contains("Hồ sơ :") && !out.contains("Dossier :"), "{out}");
        assert!(!out.contains("Đã kiểm tra") && !out.contains("Checked 1"), "{out}");
    }
}

/// A rule set in force with no last day: HS016 gives its period as `criteria` does ("từ …"),
/// not the first day alone, which read as a one-day period.
#[test]
fn an_open_period_is_said_from_its_first_day() {
    let s = Scratch::base();
    s.edit(
        "ho-so.yaml",
        "phong_trao: covid19-hoa-lu-2021",
        "phong_trao: nd152-2025-don-gian",
    );
    let (_, json) = s.check_json(&[]);
    let found: Vec<String> = json["dossiers"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "HS016")
        .map(|f| f["message"].as_str().unwrap_or("").to_owned())
        .collect();
    assert_eq!(
        found,
        ["tờ trình ngày 25/10/2021 nằm ngoài thời gian áp dụng của bộ quy tắc nd152-2025-don-gian (từ 01/07/2025)"]
    );
    let (_, json) = s.check_json(&["--lang", "en"]);
    let found: Vec<&str> = json["dossiers"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "HS016")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert_eq!(
        found,
        ["the proposal is dated 2021-10-25, outside the period of rule set nd152-2025-don-gian (from 2025-07-01)"]
    );
}
