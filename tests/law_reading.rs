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
