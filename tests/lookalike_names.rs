//! Attachment names the clerk cannot tell from the right one (#11): a letter of another script
//! that looks Latin (a Cyrillic "о", a Greek "ο", a fullwidth letter), a name that differs from
//! the file's only in case or in Unicode form, and files no entry names whose names cannot
//! travel. Each is one finding that names the character, its column and what to do, never
//! "not found" plus "unreferenced" about one file. The fixtures `DK006-lookalike-*`,
//! `VB005-attachment-name`, `DK001-case-only`, `VB001-attachment-*` and
//! `DK004-name-cannot-travel` hold the places; these tests hold the words and what follows.

use std::fs;

use crate::util::{finding_lines, Scratch, TODAY};

const LINE: &str = "dinh_kem: dinh-kem/to-trinh.pdf";

/// The attachment named with `yaml` in `to-trinh.yaml`, the file stored as `disk`.
fn dossier(yaml: &str, disk: &str) -> Scratch {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", LINE, &format!("dinh_kem: \"{yaml}\""));
    if disk != "dinh-kem/to-trinh.pdf" {
        fs::rename(s.hs().join("dinh-kem/to-trinh.pdf"), s.hs().join(disk)).unwrap();
    }
    s
}

/// The human report in a language.
fn report(s: &Scratch, lang: &str) -> String {
    let o = s.run(&["--lang", lang, "check", "--today", TODAY, "hs"]);
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn lookalike_letter_in_both_is_one_error_naming_it() {
    let s = dossier("dinh-kem/t\u{43E}-trinh.pdf", "dinh-kem/t\u{43E}-trinh.pdf");
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["DK006\tto-trinh.yaml:28:22"]);
    assert_eq!(code, 1);
    let en = report(&s, "en");
    assert!(en.contains("has \"\u{43E}\" at column 11 of the name, in the document and on disk alike: it is a Cyrillic letter (U+043E) that looks like \"o\""), "{en}");
    assert!(
        en.contains("rename the file on disk to \"dinh-kem/to-trinh.pdf\" and retype the \"o\""),
        "{en}"
    );
    let vi = report(&s, "vi");
    assert!(
        vi.contains("có chữ \"\u{43E}\" ở cột 11 của tên, cả trong văn bản lẫn trên đĩa"),
        "{vi}"
    );
    assert!(
        !vi.contains("không tìm thấy") && !vi.contains("DK004"),
        "{vi}"
    );
}

#[test]
fn lookalike_letter_only_on_disk_is_one_error_showing_the_name_on_disk() {
    let s = dossier("dinh-kem/to-trinh.pdf", "dinh-kem/to-\u{FF54}rinh.pdf");
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["DK006\tto-trinh.yaml:28:11"]);
    assert_eq!(code, 1);
    let vi = report(&s, "vi");
    assert!(vi.contains("có trong hồ sơ dưới tên \"dinh-kem/to-\u{FF54}rinh.pdf\", nhưng chữ \"\u{FF54}\" ở cột 13 của tên trên đĩa là chữ Latinh toàn khổ"), "{vi}");
    assert!(
        vi.contains("đổi tên tệp trên đĩa thành \"dinh-kem/to-trinh.pdf\""),
        "{vi}"
    );
}

#[test]
fn lookalike_letter_only_in_the_document_is_one_warning_and_fix_retypes_it() {
    let s = dossier("dinh-kem/t\u{3BF}-trinh.pdf", "dinh-kem/to-trinh.pdf");
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["VB005\tto-trinh.yaml:28:22"]);
    assert_eq!(code, 0);
    let en = report(&s, "en");
    assert!(en.contains("the attachment's name \"dinh-kem/t\u{3BF}-trinh.pdf\" in the document has \"\u{3BF}\" at column 11 of the name: it is a Greek letter (U+03BF) that looks like \"o\""), "{en}");
    let out = s.run(&["fix", "hs"]);
    assert!(out.status.success(), "{out:?}");
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn name_in_other_case_is_one_error_asking_did_you_mean() {
    for (yaml, disk) in [
        ("dinh-kem/To-Trinh.pdf", "dinh-kem/to-trinh.pdf"),
        ("dinh-kem/to-trinh.pdf", "dinh-kem/TO-TRINH.pdf"),
    ] {
        let s = dossier(yaml, disk);
        let (code, json) = s.check_json(&[]);
        assert_eq!(
            finding_lines(&json),
            ["DK001\tto-trinh.yaml:28:11"],
            "{yaml} {disk}"
        );
        assert_eq!(code, 1);
        let vi = report(&s, "vi");
        assert!(
            vi.contains(&format!(
                "trong thư mục có tệp \"{disk}\", tên chỉ khác chữ hoa, chữ thường"
            )),
            "{vi}"
        );
        assert!(vi.contains(&format!("có phải là \"{disk}\"?")), "{vi}");
        let en = report(&s, "en");
        assert!(en.contains(&format!("did you mean \"{disk}\"?")), "{en}");
    }
}

#[test]
fn decomposed_name_in_both_is_one_warning() {
    let nfd = "dinh-kem/quye\u{302}\u{301}t-\u{111}i\u{323}nh.pdf";
    let s = dossier(nfd, nfd);
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["VB001\tto-trinh.yaml:28:11"]);
    assert_eq!(code, 0);
    let vi = report(&s, "vi");
    assert!(
        vi.contains("ở dạng chữ tổ hợp (NFD, như macOS ghi) cả trong văn bản lẫn trên đĩa"),
        "{vi}"
    );
    // The old second message said the document wrote the name precomposed: it did not.
    assert!(!vi.contains("còn văn bản ghi ở dạng dựng sẵn"), "{vi}");
    // As the help says, fix puts both in NFC.
    let out = s.run(&["fix", "hs"]);
    assert!(out.status.success(), "{out:?}");
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn decomposed_name_in_the_document_only_is_one_warning_about_the_name() {
    let s = dossier(
        "dinh-kem/quye\u{302}\u{301}t-\u{111}i\u{323}nh.pdf",
        "dinh-kem/quy\u{1EBF}t-\u{111}\u{1ECB}nh.pdf",
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["VB001\tto-trinh.yaml:28:11"]);
    assert_eq!(code, 0);
    let en = report(&s, "en");
    assert!(en.contains("is in decomposed letters in the document (NFD, usually typed on a Mac), while the file on disk is named precomposed (NFC)"), "{en}");
}

#[test]
fn invisible_character_only_on_disk_shows_the_name_on_disk_visibly() {
    let s = dossier("dinh-kem/to-trinh.pdf", "dinh-kem/to-trinh\u{200B}.pdf");
    let vi = report(&s, "vi");
    assert!(
        vi.contains("dưới tên \"dinh-kem/to-trinh<U+200B>.pdf\""),
        "{vi}"
    );
    let en = report(&s, "en");
    assert!(
        en.contains("is in the dossier as \"dinh-kem/to-trinh<U+200B>.pdf\""),
        "{en}"
    );
}

#[test]
fn unreferenced_file_whose_name_cannot_travel_says_both_and_pack_leaves_it() {
    let s = Scratch::base();
    let pdf = fs::read(s.hs().join("dinh-kem/to-trinh.pdf")).unwrap();
    s.write("dinh-kem/ban-sao\u{200B}.pdf", &pdf);
    s.write("dinh-kem/aux.pdf", &pdf);
    let (code, json) = s.check_json(&[]);
    assert_eq!(
        finding_lines(&json),
        [
            "DK004\tdinh-kem/aux.pdf",
            "DK004\tdinh-kem/ban-sao\u{200B}.pdf"
        ]
    );
    assert_eq!(code, 0);
    let vi = report(&s, "vi");
    assert!(vi.contains("tệp \"dinh-kem/ban-sao<U+200B>.pdf\" nằm trong hồ sơ nhưng không văn bản nào nhắc tới (\"dinh_kem\"), và tên tệp không gửi đi được: tên có ký tự ẩn"), "{vi}");
    assert!(vi.contains("tệp \"dinh-kem/aux.pdf\" nằm trong hồ sơ nhưng không văn bản nào nhắc tới (\"dinh_kem\"), và tên tệp không gửi đi được: tên thiết bị dành riêng của Windows"), "{vi}");
    let en = report(&s, "en");
    assert!(en.contains("and its name cannot travel"), "{en}");
    // A warning, not an error: `pack` carries only what the documents name.
    fs::create_dir_all(s.dir.path().join("out")).unwrap();
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "out"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A document that cannot be read as a whole (a list, not a group of fields) hands no
/// attachment to the check: the findings held back for its names are still given.
#[test]
fn odd_characters_in_a_name_of_an_unread_document_are_still_reported() {
    let s = Scratch::base();
    s.write(
        "to-trinh.yaml",
        "- dinh_kem: \"dinh-kem/t\u{43E}-trinh.pdf\"\n- dinh_kem: \"dinh-kem/to-trinh\u{200B}.pdf\"\n",
    );
    let (code, json) = s.check_json(&[]);
    let rules = crate::util::rules_of(&json);
    assert!(rules.iter().any(|r| r == "VB005"), "{rules:?}");
    assert!(rules.iter().any(|r| r == "VB004"), "{rules:?}");
    assert_eq!(code, 1);
}

/// A name on disk in other case and with a character that does not show: still one finding,
/// whose help (rename the file to the document's name) sets both right.
#[test]
fn other_case_and_an_invisible_character_on_disk_is_one_finding() {
    let s = dossier("dinh-kem/To-Trinh.pdf", "dinh-kem/to-trinh\u{200B}.pdf");
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["DK006\tto-trinh.yaml:28:11"]);
    assert_eq!(code, 1);
    let vi = report(&s, "vi");
    assert!(
        vi.contains("dưới tên \"dinh-kem/to-trinh<U+200B>.pdf\""),
        "{vi}"
    );
    assert!(
        vi.contains("đổi tên tệp trên đĩa thành \"dinh-kem/To-Trinh.pdf\""),
        "{vi}"
    );
}
