//! The fields real lists hold that the format gained for issue #16: a rank kept apart from the
//! name (`cap_bac`), a birth year alone (`ngay_sinh: 1985`), position and unit in one text
//! (`chuc_vu_don_vi`). `check` accepts them, refuses what only looks like them, and every
//! printed place shows them as the list had them: the drafts read back from DOCX and PDF, the
//! cover list of the bundle, the export sheet.

use std::fs;
use std::io::Read;

use dossier::import::table::{self, Cell};

use crate::draft::docx_text;
use crate::util::{finding_lines, Scratch, TODAY};
use crate::util::{glued, pdftotext};

const UNIT_TEXT: &str = "Y sĩ Trạm Y tế xã Trường Yên";

/// The base dossier with Nguyễn Thị Hằng given as a list gives her: a rank, her birth year,
/// her position and unit in one text (in the list and in her report alike).
fn with_list_fields() -> Scratch {
    let s = Scratch::base();
    let separate = "    chuc_vu: \"Y sĩ\"\n    don_vi: \"Trạm Y tế xã Trường Yên\"\n";
    s.edit(
        "to-trinh.yaml",
        &format!("    ten: \"Nguyễn Thị Hằng\"\n{separate}"),
        &format!(
            "    ten: \"Nguyễn Thị Hằng\"\n    cap_bac: \"Đại úy\"\n    chuc_vu_don_vi: \"{UNIT_TEXT}\"\n"
        ),
    );
    let rep = "bao-cao/nguyen-thi-hang.yaml";
    s.edit(rep, "ngay_sinh: 1986-03-12", "ngay_sinh: 1986");
    s.edit(
        rep,
        "chuc_vu: \"Y sĩ\"\ndon_vi: \"Trạm Y tế xã Trường Yên\"\n",
        &format!("cap_bac: \"Đại úy\"\nchuc_vu_don_vi: \"{UNIT_TEXT}\"\n"),
    );
    s
}

#[test]
fn rank_birth_year_and_position_with_unit_check_clean() {
    let s = with_list_fields();
    let (code, json) = s.check_json(&["--deny-warnings"]);
    assert_eq!((code, finding_lines(&json)), (0, Vec::<String>::new()));
    // A quoted year is the same year.
    s.edit(
        "bao-cao/nguyen-thi-hang.yaml",
        "ngay_sinh: 1986",
        "ngay_sinh: \"1986\"",
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!((code, finding_lines(&json)), (0, Vec::<String>::new()));
    // Without chuc_vu_don_vi, the unit is required again.
    s.edit(
        "bao-cao/nguyen-thi-hang.yaml",
        &format!("chuc_vu_don_vi: \"{UNIT_TEXT}\"\n"),
        "",
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    assert!(
        finding_lines(&json)
            .iter()
            .any(|l| l.starts_with("HS004\tbao-cao/nguyen-thi-hang.yaml")),
        "{json}"
    );
}

#[test]
fn what_only_looks_like_a_birth_year_is_refused_at_its_place() {
    for (written, words) in [
        ("86", "is not a date"),
        ("6", "is not a date"),
        ("1985-13", "is not a date"),
        ("\"1850\"", "before 1900"),
        ("0985", "before 1900"),
        ("1985.0", "is not a date"),
        ("19850", "is not a date"),
    ] {
        let s = Scratch::base();
        s.edit(
            "bao-cao/nguyen-thi-hang.yaml",
            "ngay_sinh: 1986-03-12",
            &format!("ngay_sinh: {written}"),
        );
        let (code, json) = s.check_json(&[]);
        assert_eq!(code, 1, "{written}");
        assert_eq!(
            finding_lines(&json),
            vec!["NG001\tbao-cao/nguyen-thi-hang.yaml:5:12".to_owned()],
            "{written}"
        );
        let o = s.run(&["--lang", "en", "check", "--today", TODAY, "hs"]);
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains(words), "{written}: {out}");
    }
}

#[test]
fn drafts_print_the_rank_the_year_and_the_list_s_position_and_unit() {
    let s = with_list_fields();
    let o = s.run(&["draft", "--today", TODAY, "hs", "-o", "out"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = s.dir.path().join("out");
    let name = "Đại úy Nguyễn Thị Hằng";
    let wants: &[(&str, &[&str], &[&str])] = &[
        // The proposal's list: the rank before the name, the list's own "chức vụ, đơn vị".
        ("to-trinh", &[name, UNIT_TEXT], &[]),
        // The minutes' vote table: the name with its rank, the unit column the list's text.
        ("bien-ban", &[name, UNIT_TEXT], &[]),
        // The report: the name line and the heading, the year as the list gave it, the one line
        // of position and unit.
        (
            "bao-cao/nguyen-thi-hang",
            &[
                "Họ và tên: Đại úy Nguyễn Thị Hằng",
                "cho Đại úy Nguyễn Thị Hằng",
                "Năm sinh: 1986",
                "Chức vụ, đơn vị công tác: Y sĩ Trạm Y tế xã Trường Yên",
            ],
            &["Ngày, tháng, năm sinh", "Chức vụ:", "Đơn vị:"],
        ),
        // A full date still prints as one.
        (
            "bao-cao/pham-van-hoa",
            &["Ngày, tháng, năm sinh: 02/09/1968", "Chức vụ: Nông dân"],
            &["Năm sinh: 1968"],
        ),
    ];
    for (stem, has, lacks) in wants {
        let mut texts = vec![(
            format!("{stem}.docx"),
            docx_text(&out.join(format!("{stem}.docx")), "word/document.xml"),
        )];
        if let Some(t) = pdftotext(&out.join(format!("{stem}.pdf"))) {
            texts.push((format!("{stem}.pdf"), t));
        }
        for (what, text) in texts {
            let all = glued(&text);
            for h in *has {
                assert!(all.contains(&glued(h)), "{what} lacks {h:?}:\n{text}");
            }
            for l in *lacks {
                assert!(!all.contains(&glued(l)), "{what} has {l:?}:\n{text}");
            }
        }
    }
}

#[test]
fn the_cover_list_prints_the_rank_and_the_list_s_position_and_unit() {
    let s = with_list_fields();
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "out/"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let bundle = fs::read_dir(s.dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "zip"))
        .unwrap();
    let mut zip = zip::ZipArchive::new(fs::File::open(&bundle).unwrap()).unwrap();
    let mut pdf = Vec::new();
    zip.by_name("DANH-MUC.pdf")
        .unwrap()
        .read_to_end(&mut pdf)
        .unwrap();
    let path = s.dir.path().join("DANH-MUC.pdf");
    fs::write(&path, pdf).unwrap();
    if let Some(text) = pdftotext(&path) {
        let all = glued(&text);
        for want in [
            "Đại úy Nguyễn Thị Hằng",
            UNIT_TEXT,
            "Báo cáo thành tích: Đại úy Nguyễn Thị Hằng",
        ] {
            assert!(
                all.contains(&glued(want)),
                "DANH-MUC.pdf lacks {want:?}:\n{text}"
            );
        }
    }
}

fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Text(t) => t.clone(),
        Cell::Number(n, _) => n.to_string(),
        Cell::Date(d) => d.to_string(),
        Cell::Bool(b) => b.to_string(),
        Cell::Error(e) | Cell::Formula(e) => e.clone(),
        Cell::Empty => String::new(),
    }
}

#[test]
fn the_export_sheet_has_rank_birth_and_position_with_unit_columns() {
    let s = with_list_fields();
    let target = s.dir.path().join("ds.xlsx");
    let o = s.run(&[
        "export",
        "hs",
        "--xlsx",
        target.to_str().unwrap(),
        "--today",
        TODAY,
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let sheets = table::read(&target).unwrap().sheets;
    let rows: Vec<Vec<String>> = sheets[0]
        .grid(20, 30)
        .iter()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    let header = rows.iter().position(|r| r[0] == "STT").unwrap();
    // The new columns come after the old ones, which keep their places.
    assert_eq!(rows[header][6], "Họ và tên / Tên tập thể");
    assert_eq!(rows[header][16], "Có mặt");
    assert_eq!(
        rows[header][17..20],
        [
            "Cấp bậc",
            "Ngày sinh (năm sinh)",
            "Chức vụ, đơn vị công tác"
        ]
    );
    let row = |name: &str| rows.iter().find(|r| r[6] == name).unwrap().clone();
    let hang = row("Nguyễn Thị Hằng");
    assert_eq!(hang[17..20], ["Đại úy", "1986", UNIT_TEXT]);
    // A year alone is a number, not a date that was never written.
    let hoa = row("Phạm Văn Hòa");
    assert_eq!(hoa[18], "1968-09-02");
    assert_eq!((hoa[8].as_str(), hoa[17].as_str()), ("Nông dân", ""));
}

/// A unit missing from the list: the help names the combined field too, since lists so often
/// hold position and unit in one column (#16).
#[test]
fn a_missing_unit_points_at_the_combined_field_too() {
    let s = Scratch::base();
    let t = s.read("to-trinh.yaml");
    let at = t.find("    don_vi:").unwrap();
    let end = at + t[at..].find('\n').unwrap() + 1;
    s.write("to-trinh.yaml", format!("{}{}", &t[..at], &t[end..]));
    let (_, json) = s.check_json(&[]);
    let help = json["dossiers"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "HS004")
        .map(|f| f["help"].to_string())
        .unwrap();
    assert!(help.contains("chuc_vu_don_vi: ..."), "{help}");
    let (_, en) = s.check_json(&["--lang", "en"]);
    assert!(en
        .to_string()
        .contains("write `chuc_vu_don_vi: ...` instead of both"));
}
