//! What a fresh user found in the drafts after #18's branches were merged (session 7), kept as
//! tests: a report printed the tờ trình's date as its own and ignored its own `ngay`; an empty
//! `kinh_gui: ""` or signer's name was drafted and packed without a word ("Kính gửi: ."); a
//! militia platoon signed "(Ký, đóng dấu)"; a tờ trình that could not be read gave a misleading
//! "no commune named" (VB008) beside its syntax error.

use std::fs;
use std::path::Path;

use crate::util::{dossier, pdftotext, Scratch};

const DAY: &str = "2026-12-07";

fn draft(dir: &Path) -> std::process::Output {
    dossier(
        dir,
        &[
            "draft", "--today", DAY, "hs", "-o", "out", "--format", "pdf",
        ],
    )
}

fn text(dir: &Path, rel: &str) -> Option<String> {
    pdftotext(&dir.join("out").join(rel))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[test]
fn a_report_is_dated_by_its_own_date_else_its_confirmation_never_the_proposal() {
    let s = Scratch::of("tests/fixtures/clerk-turn3/base/xa-a");
    // No `ngay`, no confirmation: the date line is left for the clerk.
    let o = draft(s.dir.path());
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let Some(t) = text(s.dir.path(), "bao-cao/tran-thi-thu-ha.pdf") else {
        return;
    };
    assert!(t.contains("Minh Long, ngày … tháng … năm …"), "{t}");
    assert!(!t.contains("ngày 04 tháng 12 năm 2026"), "{t}");
    // Its own date, when written, is printed.
    fs::remove_dir_all(s.dir.path().join("out")).unwrap();
    let p = s.dir.path().join("hs/bao-cao/tran-thi-thu-ha.yaml");
    let mut yaml = fs::read_to_string(&p).unwrap();
    yaml.push_str("ngay: 2026-11-28\n");
    fs::write(&p, yaml).unwrap();
    let o = draft(s.dir.path());
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let t = text(s.dir.path(), "bao-cao/tran-thi-thu-ha.pdf").unwrap();
    assert!(t.contains("Minh Long, ngày 28 tháng 11 năm 2026"), "{t}");
}

#[test]
fn an_empty_required_text_is_missing_with_its_place() {
    let s = Scratch::of("tests/fixtures/clerk-turn3/base/xa-a");
    s.edit(
        "to-trinh.yaml",
        "kinh_gui: \"Chủ tịch Ủy ban nhân dân xã Minh Long\"",
        "kinh_gui: \"  \"",
    );
    s.edit(
        "to-trinh.yaml",
        "ho_ten: \"Lê Thị Hồng Nhung\"",
        "ho_ten: \"\"",
    );
    let o = dossier(s.dir.path(), &["check", "--today", DAY, "hs"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("trường \"kinh_gui\" để trống"), "{out}");
    assert!(out.contains("hs/to-trinh.yaml:"), "{out}");
    assert!(
        out.contains("\"ho_ten\" của \"nguoi_ky\" để trống"),
        "{out}"
    );
    let o = dossier(
        s.dir.path(),
        &["check", "--lang", "en", "--today", DAY, "hs"],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("required field `kinh_gui` is empty"), "{out}");
    // Nothing is drafted from it.
    let o = draft(s.dir.path());
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(!s.dir.path().join("out").exists());
}

#[test]
fn a_militia_platoon_signs_without_a_seal() {
    let s = Scratch::of("examples/04-giay-khen-xa-dot-xuat-gia-vien-2026");
    let o = draft(s.dir.path());
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let Some(t) = text(s.dir.path(), "bao-cao/doi-dan-quan-xa-gia-vien.pdf") else {
        return;
    };
    assert!(t.contains("Trung đội dân quân"), "{t}");
    assert!(t.contains("TRUNG ĐỘI TRƯỞNG"), "{t}");
    assert!(!t.contains("đóng dấu, ghi rõ"), "{t}");
}

#[test]
fn an_unreadable_proposal_gives_its_syntax_error_alone() {
    let s = Scratch::of("tests/fixtures/clerk-turn3/base/xa-a");
    s.edit(
        "to-trinh.yaml",
        "so_ky_hieu: \"58/TTr-VP\"",
        "so_ky_hieu: [unclosed",
    );
    let o = dossier(s.dir.path(), &["check", "--today", DAY, "hs"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("HS002"), "{out}");
    assert!(!out.contains("VB008"), "{out}");
}

#[test]
fn a_proposal_without_a_kinh_gui_line_prints_none() {
    let s = Scratch::of("tests/fixtures/clerk-turn3/base/xa-a");
    s.edit(
        "to-trinh.yaml",
        "kinh_gui: \"Chủ tịch Ủy ban nhân dân xã Minh Long\"",
        "noi_dung: |\n  Văn phòng đề nghị khen thưởng các tập thể, cá nhân có tên trong danh sách.\n  Kính trình Chủ tịch Ủy ban nhân dân xã Minh Long xem xét, quyết định./.",
    );
    let o = dossier(s.dir.path(), &["check", "--today", DAY, "hs"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("HS022"), "{out}");
    let o = draft(s.dir.path());
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let Some(t) = text(s.dir.path(), "to-trinh.pdf") else {
        return;
    };
    assert!(!t.contains("Kính gửi"), "{t}");
    assert!(!t.contains("Như trên"), "{t}");
    assert!(t.contains("- Lưu: VT."), "{t}");
    assert!(
        t.contains("Kính trình Chủ tịch Ủy ban nhân dân xã Minh Long xem xét"),
        "{t}"
    );
}

#[test]
fn every_addressee_of_a_list_is_checked_for_printable_characters() {
    let s = Scratch::of("tests/fixtures/clerk-turn3/base/xa-a");
    s.edit(
        "to-trinh.yaml",
        "kinh_gui: \"Chủ tịch Ủy ban nhân dân xã Minh Long\"",
        "kinh_gui:\n  - \"Chủ tịch Ủy ban nhân dân xã Minh Long\"\n  - \"Sở Nội vụ → tỉnh\"",
    );
    let o = dossier(s.dir.path(), &["check", "--today", DAY, "hs"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("VB003"), "{out}");
    assert!(out.contains("mục thứ 2 trong \"kinh_gui\""), "{out}");
    assert!(out.contains("hs/to-trinh.yaml:33:5"), "{out}");
}
