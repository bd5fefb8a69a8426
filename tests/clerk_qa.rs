//! Inputs a clerk types that look right on screen, tried as a tester would (#11): each reads as
//! the value meant, with advice that names it, and `fix` writes that value.

use crate::util::Scratch;

/// Dates as Word and input methods write them: Word turns a hyphen into an en dash, an East
/// Asian input method gives full-width figures, a date line is copied without its first word.
/// Each is NG001 with "ghi là 2021-…" (not "not a date"), and `fix` writes the ISO date.
#[test]
fn dates_that_look_right_on_screen_are_read_and_fixed() {
    for written in [
        "2021–10–25",
        "２０２１-１０-２５",
        "\"25 tháng 10 năm 2021\"",
        "\"ngày 25/10/2021\"",
    ] {
        let s = Scratch::base();
        let t = s.read("to-trinh.yaml");
        let line = t.lines().find(|l| l.starts_with("ngay: ")).unwrap();
        let wanted = line
            .trim_start_matches("ngay: ")
            .trim_matches('"')
            .to_owned();
        s.edit("to-trinh.yaml", line, &format!("ngay: {written}"));
        let (_, json) = s.check_json(&[]);
        let f = json["dossiers"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == "NG001")
            .unwrap_or_else(|| panic!("{written}: no NG001 in {json}"));
        let help = f["help"].as_str().unwrap();
        assert_eq!(
            help,
            format!("ghi là {wanted} (lệnh dossier fix sửa được)"),
            "{written}"
        );
        let o = s.run(&["fix", "hs"]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let fixed = s.read("to-trinh.yaml");
        assert!(
            fixed.contains(&format!("ngay: {wanted}\n"))
                || fixed.contains(&format!("ngay: \"{wanted}\"\n")),
            "{written}: {fixed}"
        );
    }
}

/// An impossible day written in full-width figures is not explained as "there is no month 0"
/// (the wording of an impossible day reads ASCII figures): the general advice stands (#11).
#[test]
fn an_impossible_day_in_full_width_figures_gets_no_wrong_reason() {
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        "ngay: 2021-10-25",
        "ngay: ３１/１１/２０２１",
    );
    let (_, json) = s.check_json(&[]);
    let f = json["dossiers"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "NG001")
        .unwrap_or_else(|| panic!("no NG001 in {json}"));
    let m = f["message"].as_str().unwrap();
    assert!(!m.contains("tháng 0"), "{m}");
}
