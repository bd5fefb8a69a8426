//! The format's additions of #19, each held by a real document the format could not hold
//! before: several addressees ("Chủ tịch UBND tỉnh Thái Nguyên; Sở Nội vụ"), one vote for the
//! whole list in the minutes ("biểu quyết 09/09 thành viên có mặt"), an honorific or rank
//! before a name, and the deciding authority with the proposal's chain (a province proposes to
//! the Prime Minister, who proposes to the President). Each is read by `check` (before #19 each
//! was an unknown field or a wrong type, an error), and printed where a reader sees it: the
//! draft (DOCX text), the cover list (`pdftotext`, skipped where poppler-utils is absent unless
//! `CI=true`), the export sheet.

// Where pdftotext is absent, the test says so and passes (outside CI).
#![allow(clippy::print_stdout)]

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

use crate::draft::docx_text;
use crate::util::{rules_of, Scratch, TODAY};

fn said(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn check_clean(s: &Scratch) {
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 0, "{json}");
    assert!(rules_of(&json).is_empty(), "{json}");
}

fn draft_docx(s: &Scratch, stem: &str) -> String {
    let o = s.run(&["draft", "--today", TODAY, "hs", "-o", "out", "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    docx_text(
        &s.dir.path().join("out").join(format!("{stem}.docx")),
        "word/document.xml",
    )
}

/// The bundle's cover list as text, its whitespace made single spaces; None without pdftotext.
fn cover_text(s: &Scratch) -> Option<String> {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "pdftotext is needed under CI"
        );
        println!("note: pdftotext not found (apt-get install poppler-utils); skipped");
        return None;
    }
    let o = s.run(&["pack", "hs", "-o", "out-pack/", "--today", TODAY]);
    assert_eq!(o.status.code(), Some(0), "{}", said(&o));
    let bundle = fs::read_dir(s.dir.path().join("out-pack"))
        .unwrap()
        .find_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "zip").then_some(p)
        })
        .unwrap();
    let mut a = zip::ZipArchive::new(fs::File::open(bundle).unwrap()).unwrap();
    let mut pdf = Vec::new();
    a.by_name("DANH-MUC.pdf")
        .unwrap()
        .read_to_end(&mut pdf)
        .unwrap();
    let p = s.dir.path().join("danh-muc.pdf");
    fs::write(&p, pdf).unwrap();
    let o = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&p)
        .arg("-")
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    Some(
        String::from_utf8(o.stdout)
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

const ONE: &str = "kinh_gui: \"Chủ tịch Ủy ban nhân dân huyện Hoa Lư\"";
const TWO: &str =
    "kinh_gui:\n  - \"Chủ tịch Ủy ban nhân dân huyện Hoa Lư\"\n  - \"Phòng Nội vụ huyện Hoa Lư\"";

#[test]
fn several_addressees_are_read_and_printed_one_a_line() {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", ONE, TWO);
    check_clean(&s);
    let doc = draft_docx(&s, "to-trinh");
    assert!(
        doc.contains(
            "Kính gửi: - Chủ tịch Ủy ban nhân dân huyện Hoa Lư;- Phòng Nội vụ huyện Hoa Lư."
        ),
        "{doc}"
    );
    // The first addressee is the one who decides, in the body's sentence.
    assert!(!doc.contains("Phòng Nội vụ huyện Hoa Lư xem xét"), "{doc}");
    if let Some(t) = cover_text(&s) {
        // The row's cell wraps beside the others: its words, in order, within the row.
        let row = crate::util::glued(&t);
        assert!(
            row.contains(&crate::util::glued("(kèm danh sách),"))
                && row.contains(&crate::util::glued("kính gửi: Chủ tịch Ủy"))
                && row.contains(&crate::util::glued(
                    "Hoa Lư; Phòng Nội vụ huyện Hoa Lư 2 Biên bản"
                )),
            "{t}"
        );
    }
}

#[test]
fn one_addressee_prints_as_before() {
    let s = Scratch::base();
    let doc = draft_docx(&s, "to-trinh");
    assert!(
        doc.contains("Kính gửi: Chủ tịch Ủy ban nhân dân huyện Hoa Lư."),
        "{doc}"
    );
    // A list of one is one addressee.
    s.edit(
        "to-trinh.yaml",
        ONE,
        "kinh_gui: [\"Chủ tịch Ủy ban nhân dân huyện Hoa Lư\"]",
    );
    check_clean(&s);
    assert_eq!(draft_docx(&s, "to-trinh"), doc);
}

#[test]
fn an_empty_list_of_addressees_is_missing() {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", ONE, "kinh_gui: []");
    let (code, json) = s.check_json(&[]);
    assert_ne!(code, 0, "{json}");
    assert!(json.to_string().contains("kinh_gui"), "{json}");
}

const VOTES: &str = "ket_qua:
  - ma: nguyen-thi-hang
    tan_thanh: 6
    khong_tan_thanh: 0
  - ma: thon-dong-xa-truong-yen
    tan_thanh: 6
    khong_tan_thanh: 0
  - ma: pham-van-hoa
    tan_thanh: 5
    khong_tan_thanh: 1";

fn whole_list(s: &Scratch, yes: u32) {
    s.edit(
        "bien-ban.yaml",
        VOTES,
        &format!("bieu_quyet_chung:\n  tan_thanh: {yes}\n  khong_tan_thanh: 0"),
    );
}

#[test]
fn one_vote_for_the_whole_list_is_every_nominees() {
    let s = Scratch::base();
    whole_list(&s, 6);
    check_clean(&s);
    // The minutes' table: every nominee with the list's 6 in favour, 0 against, 100 %.
    let doc = draft_docx(&s, "bien-ban");
    for name in [
        "Nguyễn Thị Hằng",
        "Thôn Đông, xã Trường Yên",
        "Phạm Văn Hòa",
    ] {
        assert!(doc.contains(name), "{doc}");
    }
    assert_eq!(doc.matches("60100%").count(), 3, "{doc}");
    if let Some(t) = cover_text(&s) {
        assert_eq!(t.matches("6/6").count(), 3, "{t}");
    }
}

#[test]
fn a_failing_vote_for_the_whole_list_is_said_once() {
    let s = Scratch::base();
    whole_list(&s, 3);
    let (code, json) = s.check_json(&[]);
    assert_ne!(code, 0, "{json}");
    let rules = rules_of(&json);
    assert_eq!(
        rules.iter().filter(|r| r.as_str() == "BB004").count(),
        1,
        "{json}"
    );
    assert!(json.to_string().contains("cả danh sách"), "{json}");
    assert!(
        !json.to_string().contains("bỏ người này"),
        "no one nominee to remove: {json}"
    );
}

#[test]
fn a_nominee_voted_on_apart_keeps_their_own_count() {
    let s = Scratch::base();
    s.edit(
        "bien-ban.yaml",
        VOTES,
        "bieu_quyet_chung: { tan_thanh: 6, khong_tan_thanh: 0 }
ket_qua:
  - ma: pham-van-hoa
    tan_thanh: 2
    khong_tan_thanh: 4",
    );
    let (code, json) = s.check_json(&[]);
    assert_ne!(code, 0, "{json}");
    let text = json.to_string();
    assert_eq!(
        rules_of(&json)
            .iter()
            .filter(|r| r.as_str() == "BB004")
            .count(),
        1,
        "{json}"
    );
    assert!(text.contains("Phạm Văn Hòa"), "{json}");
}

#[test]
fn an_honorific_prints_before_the_name_and_not_in_the_signature() {
    let s = Scratch::base();
    for f in ["to-trinh.yaml", "bao-cao/pham-van-hoa.yaml"] {
        s.edit(
            f,
            "ten: \"Phạm Văn Hòa\"",
            "ten: \"Phạm Văn Hòa\"\n    cap_bac: \"Ông\"",
        );
    }
    // The report's fields are not indented.
    s.edit("bao-cao/pham-van-hoa.yaml", "\n    cap_bac", "\ncap_bac");
    check_clean(&s);
    let list = draft_docx(&s, "to-trinh");
    assert!(list.contains("Ông Phạm Văn Hòa"), "{list}");
    let minutes = docx_text(&s.dir.path().join("out/bien-ban.docx"), "word/document.xml");
    assert!(minutes.contains("Ông Phạm Văn Hòa"), "{minutes}");
    // The signer is named without it.
    assert!(!list.contains("Ông Trần Văn Bình"), "{list}");
    if let Some(t) = cover_text(&s) {
        assert!(t.contains("Ông Phạm Văn Hòa"), "{t}");
    }
    // The export sheet has it in its own column, read back by import.
    let xlsx = s.dir.path().join("ds.xlsx");
    let o = s.run(&["export", "hs", "--xlsx", "ds.xlsx", "--today", TODAY]);
    assert!(o.status.success(), "{}", said(&o));
    let mut a = zip::ZipArchive::new(fs::File::open(Path::new(&xlsx)).unwrap()).unwrap();
    let mut all = String::new();
    for i in 0..a.len() {
        let mut e = a.by_index(i).unwrap();
        if e.name().unwrap().ends_with(".xml") {
            let mut t = String::new();
            e.read_to_string(&mut t).unwrap();
            all.push_str(&t);
        }
    }
    assert!(all.contains(">Cấp bậc<") && all.contains(">Ông<"), "{all}");
}

#[test]
fn the_deciding_authority_and_the_chain_are_read_and_shown() {
    let s = Scratch::base();
    s.edit(
        "ho-so.yaml",
        "loai_khen: chuyen_de",
        "loai_khen: chuyen_de\ncap_quyet_dinh: \"Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình\"\ntrinh_qua:\n  - \"Chủ tịch Ủy ban nhân dân huyện Hoa Lư\"",
    );
    check_clean(&s);
    if let Some(t) = cover_text(&s) {
        let want = "(cấp quyết định: Chủ tịch Ủy ban nhân dân tỉnh Ninh Bình; trình qua: Chủ tịch Ủy ban nhân dân huyện Hoa Lư)";
        assert!(
            crate::util::glued(&t).contains(&crate::util::glued(want)),
            "{t}"
        );
    }
}
