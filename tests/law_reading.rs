//! Issue #19 items 2, 4 and 5: a dossier checked for what the law as read allows. An empty list
//! is refused (DS012) and no draft counts "00" reports; a tờ trình without "Kính gửi" whose
//! closing sentence names the addressee checks with a warning (HS022), not an error.

use crate::util::{rules_of, Scratch, TODAY};

/// The base dossier with its list emptied.
fn empty_list() -> Scratch {
    let s = Scratch::base();
    let t = s.read("to-trinh.yaml");
    let head = t.split("danh_sach:").next().unwrap().to_owned();
    s.write(
        "to-trinh.yaml",
        format!("{head}danh_sach: []\ndinh_kem: dinh-kem/to-trinh.pdf\n"),
    );
    s
}

#[test]
fn an_empty_list_is_an_error_and_no_draft_is_written() {
    let s = empty_list();
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    assert!(rules_of(&json).contains(&"DS012".to_owned()), "{json}");
    let out = s.dir.path().join("out");
    let o = s.run(&["draft", "--today", TODAY, "-o", out.to_str().unwrap(), "hs"]);
    assert_ne!(o.status.code(), Some(0));
    assert!(!out.exists(), "a draft was written for an empty list");
    assert!(String::from_utf8_lossy(&o.stdout).contains("DS012"));
}

#[test]
fn no_kinh_gui_with_the_addressee_in_the_closing_sentence_warns() {
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        "kinh_gui: \"Chủ tịch Ủy ban nhân dân huyện Hoa Lư\"\n",
        "noi_dung: |\n  UBND xã đề nghị khen thưởng.\n  Kính trình Chủ tịch Ủy ban nhân dân huyện Hoa Lư xem xét, quyết định./.\n",
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(rules_of(&json), ["HS022"]);
    let (code, _) = s.check_json(&["--deny-warnings"]);
    assert_eq!(code, 1);
}

#[test]
fn no_kinh_gui_and_no_body_is_still_an_error() {
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        "kinh_gui: \"Chủ tịch Ủy ban nhân dân huyện Hoa Lư\"\n",
        "noi_dung: ~\n",
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    assert_eq!(rules_of(&json), ["HS004"]);
}

/// Example 04 (nd152, Giấy khen of a commune chairman, dated 2026-09-18) as `hs/`.
fn example04() -> Scratch {
    let s = Scratch::base();
    std::fs::remove_dir_all(s.hs()).unwrap();
    crate::util::copy_tree(
        &crate::util::repo().join("examples/04-giay-khen-xa-dot-xuat-gia-vien-2026"),
        &s.hs(),
    );
    s
}

#[test]
fn a_dossier_dated_past_an_unread_change_is_warned_naming_the_text() {
    let s = example04();
    let (code, json) = s.check_json(&["--deny-warnings"]);
    assert_eq!(code, 0, "{json}");
    s.edit("to-trinh.yaml", "ngay: 2026-09-18", "ngay: 2026-10-01");
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(rules_of(&json), ["HS023"]);
    assert!(json.to_string().contains("Luật số 06/2026/QH16"), "{json}");
    // Past Decree 152's reported end date: both texts named.
    s.edit("to-trinh.yaml", "ngay: 2026-10-01", "ngay: 2027-03-01");
    let out = s.run(&["check", "--format", "json", "--today", "2027-03-10", "hs"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rules_of(&json), ["HS023"], "{json}");
    let findings = json["dossiers"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2, "{json}");
    assert!(findings[1]["message"]
        .as_str()
        .unwrap()
        .contains("Nghị định số 152/2025/NĐ-CP"));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn an_award_kind_read_at_second_hand_only_warns() {
    let s = example04();
    s.edit("ho-so.yaml", "loai_khen: dot_xuat", "loai_khen: chuyen_de");
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(rules_of(&json), ["HS012"]);
    assert!(json.to_string().contains("diễn giải của dự án"), "{json}");
}

#[test]
fn the_commune_office_is_the_provinces_and_the_law_is_cited_first() {
    let o = crate::util::dossier(&crate::util::repo(), &["criteria", "nd152-2025-don-gian"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("Công chức làm công tác thi đua, khen thưởng của Ủy ban nhân dân cấp xã (theo quy định của tỉnh)"),
        "{text}"
    );
    assert!(!text.contains("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân cấp xã"));
    let law = text.find("Điều 80 khoản 3").expect("Điều 80 khoản 3 cited");
    let decree = text[law..].find("Nghị định số 129/2025/NĐ-CP");
    assert!(decree.is_some(), "the Law before Decree 129: {text}");
}

/// Example 05 (nd152, the provincial chairman's Bằng khen, a collective and individuals).
fn example05() -> Scratch {
    let s = Scratch::base();
    std::fs::remove_dir_all(s.hs()).unwrap();
    crate::util::copy_tree(
        &crate::util::repo().join("examples/05-bang-khen-tinh-dot-xuat-2026"),
        &s.hs(),
    );
    s
}

#[test]
fn a_labour_order_proposed_by_a_province_is_a_form_of_the_rule_set() {
    // Issue #19: a Huân chương Lao động hạng Nhất proposed by a province for a brave act gave
    // HS009.
    let s = example05();
    s.edit(
        "ho-so.yaml",
        "hinh_thuc: bang_khen_chu_tich_tinh",
        "hinh_thuc: huan_chuong_lao_dong_hang_nhat",
    );
    let (code, json) = s.check_json(&["--deny-warnings"]);
    assert_eq!(code, 0, "{json}");
    // The Order for bravery goes to a person, not to the collective on the list.
    s.edit(
        "ho-so.yaml",
        "hinh_thuc: huan_chuong_lao_dong_hang_nhat",
        "hinh_thuc: huan_chuong_dung_cam",
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    assert_eq!(rules_of(&json), ["DS009"], "{json}");
    let o = crate::util::dossier(&crate::util::repo(), &["criteria", "nd98-2023-don-gian"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("huan_chuong_lao_dong_hang_nhat"));
}
