//! A clerk's mistakes (#11), each through the real binary: file names in other Unicode forms or
//! cases, invisible and look-alike characters, curly quotes, and the advice given for them.

use std::fs;

use crate::util::{finding_lines, Scratch, TODAY};

pub(crate) fn findings(s: &Scratch) -> (i32, Vec<String>, serde_json::Value) {
    let (code, json) = s.check_json(&[]);
    (code, finding_lines(&json), json)
}

/// The message and help of the findings of one rule, Vietnamese.
pub(crate) fn texts(json: &serde_json::Value, rule: &str) -> String {
    let mut out = String::new();
    for d in json["dossiers"].as_array().unwrap() {
        for f in d["findings"].as_array().unwrap() {
            if f["rule"] == rule {
                out.push_str(&f.to_string());
                out.push('\n');
            }
        }
    }
    out
}

pub(crate) fn human(s: &Scratch) -> String {
    let o = s.run(&["check", "--today", TODAY, "--color", "never", "hs"]);
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

#[test]
fn an_invisible_character_is_named_at_its_column_not_a_name_mismatch() {
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        "ten: \"Nguyễn Thị Hằng\"",
        "ten: \"Nguyễn Thị\u{200b} Hằng\"",
    );
    // A joiner in a key, a soft hyphen and a direction mark in other values.
    s.edit(
        "to-trinh.yaml",
        "    chuc_vu: \"Y sĩ\"",
        "    chuc_vu\u{200b}: \"Y sĩ\"",
    );
    s.edit(
        "bao-cao/pham-van-hoa.yaml",
        "Phạm Văn Hòa",
        "Phạm\u{ad} Văn\u{200f} Hòa",
    );
    let (code, lines, json) = findings(&s);
    assert_eq!(code, 0, "{lines:?}");
    assert_eq!(
        lines,
        [
            "VB004\tbao-cao/pham-van-hoa.yaml:4:11",
            "VB004\tto-trinh.yaml:13:21",
            "VB004\tto-trinh.yaml:14:12",
        ]
    );
    let t = texts(&json, "VB004");
    assert!(t.contains("U+200B") && t.contains("cột 21"), "{t}");
    assert!(t.contains("U+00AD") && t.contains("gạch nối mềm"), "{t}");
}

#[test]
fn a_lookalike_letter_is_named_and_read_as_latin() {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", "Phạm Văn Hòa", "Phạm Văn H\u{43e}\u{300}a");
    let (_, lines, json) = findings(&s);
    assert_eq!(lines, ["VB005\tto-trinh.yaml:24:21"]);
    let t = texts(&json, "VB005");
    assert!(t.contains("Kirin") && t.contains("U+043E"), "{t}");
}

#[test]
fn curly_quotes_around_a_value_are_a_warning() {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", "\"Trường Yên\"", "“Trường Yên”");
    let (code, lines, _) = findings(&s);
    assert_eq!(
        (code, lines),
        (0, vec!["VB006\tto-trinh.yaml:4:11".to_owned()])
    );
}

/// The base's attachment renamed on disk to a name with a Vietnamese letter, stored decomposed
/// (NFD), while the proposal names it composed (NFC).
pub(crate) fn nfd_attachment() -> Scratch {
    let s = Scratch::base();
    let nfc = "dinh-kem/Quyết định.pdf";
    let nfd = "dinh-kem/Quye\u{302}\u{301}t đi\u{323}nh.pdf";
    fs::rename(s.hs().join("dinh-kem/to-trinh.pdf"), s.hs().join(nfd)).unwrap();
    s.edit(
        "to-trinh.yaml",
        "dinh_kem: dinh-kem/to-trinh.pdf",
        &format!("dinh_kem: \"{nfc}\""),
    );
    s
}

#[test]
fn an_attachment_named_in_another_unicode_form_is_found_and_bundled_in_nfc() {
    let s = nfd_attachment();
    let (code, lines, json) = findings(&s);
    assert_eq!(
        (code, lines),
        (0, vec!["VB001\tto-trinh.yaml:28:11".to_owned()])
    );
    assert!(texts(&json, "VB001").contains("NFD"), "{json}");
    fs::create_dir_all(s.dir.path().join("out")).unwrap();
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "out"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let zip = fs::read_dir(s.dir.path().join("out"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let a = zip::ZipArchive::new(fs::File::open(&zip).unwrap()).unwrap();
    let names: Vec<String> = a.file_names().map(|n| n.unwrap().into_owned()).collect();
    assert!(
        names.iter().any(|n| n == "dinh-kem/Quyết định.pdf"),
        "{names:?}"
    );
}

#[test]
fn names_equal_up_to_case_or_unicode_form_collide() {
    let s = Scratch::base();
    s.write(
        "dinh-kem/To-Trinh.pdf",
        fs::read(s.hs().join("dinh-kem/to-trinh.pdf")).unwrap(),
    );
    s.edit(
        "to-trinh.yaml",
        "dinh_kem: dinh-kem/to-trinh.pdf",
        "dinh_kem: [dinh-kem/to-trinh.pdf, dinh-kem/To-Trinh.pdf]",
    );
    let (code, lines, json) = findings(&s);
    assert_eq!(
        (code, lines),
        (1, vec!["DK005\tdinh-kem/to-trinh.pdf".to_owned()])
    );
    assert!(
        texts(&json, "DK005").contains("chữ hoa, chữ thường"),
        "{json}"
    );
}

#[test]
fn an_attachment_differing_only_in_case_gets_a_did_you_mean() {
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        "dinh_kem: dinh-kem/to-trinh.pdf",
        "dinh_kem: dinh-kem/To-Trinh.pdf",
    );
    let out = human(&s);
    assert!(
        out.contains("có phải là \"dinh-kem/to-trinh.pdf\"?"),
        "{out}"
    );
}

/// The one finding of a dossier whose to-trinh.yaml has `from` replaced by `to`: (rule and
/// place, Vietnamese message and help).
pub(crate) fn one_finding(rel: &str, from: &str, to: &str) -> (String, String) {
    let s = Scratch::base();
    s.edit(rel, from, to);
    let (code, lines, json) = findings(&s);
    assert_eq!((code, lines.len()), (1, 1), "{lines:?}");
    let f = &json["dossiers"][0]["findings"][0];
    (
        lines[0].clone(),
        format!(
            "{} | {}",
            f["message"].as_str().unwrap(),
            f["help"].as_str().unwrap_or("")
        ),
    )
}

#[test]
fn a_non_breaking_space_after_a_colon_is_pointed_at_and_named() {
    let (at, text) = one_finding(
        "to-trinh.yaml",
        "    chuc_vu: \"Y sĩ\"",
        "    chuc_vu:\u{a0}\"Y sĩ\"",
    );
    assert_eq!(at, "HS002\tto-trinh.yaml:14:13");
    assert!(
        text.contains("U+00A0") && text.contains("dấu cách không ngắt"),
        "{text}"
    );
    assert!(!text.contains("thiếu dấu hai chấm"), "{text}");
    // Also where the file still parses (the line is taken as the file's only value).
    let s = Scratch::base();
    s.write("ho-so.yaml", "phien_ban:\u{a0}1\n");
    let (_, lines, _) = findings(&s);
    assert!(
        lines.contains(&"HS002\tho-so.yaml:1:11".to_owned()),
        "{lines:?}"
    );
}

#[test]
fn syntax_errors_are_explained_where_the_mistake_is() {
    // An unclosed quote is reported on its own line, not at the next key or comment.
    let (at, text) = one_finding(
        "to-trinh.yaml",
        "    chuc_vu: \"Nông dân\"\n",
        "    chuc_vu: \"Nông dân\n    # ghi chú\n",
    );
    assert_eq!(at, "HS002\tto-trinh.yaml:25:14");
    assert!(text.contains("không đóng"), "{text}");
    // A colon inside an unquoted value.
    let (at, text) = one_finding(
        "to-trinh.yaml",
        "    chuc_vu: \"Y sĩ\"",
        "    chuc_vu: Y sĩ: phụ trách tiêm chủng",
    );
    assert_eq!(at, "HS002\tto-trinh.yaml:14:18");
    assert!(
        text.contains("Giá trị có dấu hai chấm phải đặt trong ngoặc kép")
            || text.contains("giá trị có dấu hai chấm phải đặt trong ngoặc kép"),
        "{text}"
    );
    assert!(
        text.contains("chuc_vu: \"Y sĩ: phụ trách tiêm chủng\""),
        "{text}"
    );
    // Text after a closing quote is not a missing closing quote.
    let (at, text) = one_finding(
        "to-trinh.yaml",
        "ten: \"Nguyễn Thị Hằng\"",
        "ten: \"Nguyễn Thị\" Hằng",
    );
    assert_eq!(at, "HS002\tto-trinh.yaml:13:23");
    assert!(!text.contains("thiếu dấu ngoặc kép đóng"), "{text}");
    assert!(text.contains("\"Hằng\""), "{text}");
    // The text of a `|` block not indented.
    let (at, text) = one_finding(
        "bao-cao/nguyen-thi-hang.yaml",
        "thanh_tich: \"Góp phần giữ vững “vùng xanh” của xã Trường Yên, không để dịch lây lan ra cộng đồng.\"",
        "thanh_tich: |\nGóp phần giữ vững vùng xanh của xã Trường Yên,\nkhông để dịch lây lan ra cộng đồng.",
    );
    assert_eq!(at, "HS002\tbao-cao/nguyen-thi-hang.yaml:13:1");
    assert!(text.contains("thụt vào"), "{text}");
    assert!(
        !text.contains("scalar") && !text.contains("expected"),
        "{text}"
    );
}

#[test]
fn a_report_file_named_wrongly_is_to_be_renamed_said_once() {
    let s = Scratch::base();
    fs::rename(
        s.hs().join("bao-cao/pham-van-hoa.yaml"),
        s.hs().join("bao-cao/pham-hoa.yaml"),
    )
    .unwrap();
    let (code, lines, json) = findings(&s);
    assert_eq!(
        (code, lines),
        (1, vec!["DS008\tbao-cao/pham-hoa.yaml:2:5".to_owned()])
    );
    let t = texts(&json, "DS008");
    assert!(
        t.contains("đổi tên tệp bao-cao/pham-hoa.yaml thành bao-cao/pham-van-hoa.yaml"),
        "{t}"
    );
    assert!(!t.contains("bỏ báo cáo"), "{t}");
    // The file name one typo away from a listed id, its id following the file name.
    let s = Scratch::base();
    s.edit(
        "bao-cao/pham-van-hoa.yaml",
        "ma: pham-van-hoa",
        "ma: pham-van-hao",
    );
    fs::rename(
        s.hs().join("bao-cao/pham-van-hoa.yaml"),
        s.hs().join("bao-cao/pham-van-hao.yaml"),
    )
    .unwrap();
    let (_, lines, json) = findings(&s);
    assert_eq!(lines, ["DS008\tbao-cao/pham-van-hao.yaml:2:5"]);
    assert!(texts(&json, "DS008").contains("thành bao-cao/pham-van-hoa.yaml"));
}

#[test]
fn day_first_dates_get_the_date_to_write_and_impossible_days_are_named() {
    let s = Scratch::base();
    s.edit("bien-ban.yaml", "ngay: 2021-10-22", "ngay: 22/10/2021");
    s.edit("to-trinh.yaml", "ngay: 2021-10-25", "ngay: 31/11/2021");
    let (_, lines, json) = findings(&s);
    assert!(
        lines.contains(&"NG001\tbien-ban.yaml:3:7".to_owned()),
        "{lines:?}"
    );
    let t = texts(&json, "NG001");
    assert!(t.contains("ghi là 2021-10-22"), "{t}");
    assert!(t.contains("chỉ có 30 ngày") && t.contains("31/11"), "{t}");
    // Other ways of writing a date, and fix writes each as year-month-day.
    for written in ["2021/10/22", "ngày 22 tháng 10 năm 2021", "22.10.2021"] {
        let s = Scratch::base();
        s.edit(
            "bien-ban.yaml",
            "ngay: 2021-10-22",
            &format!("ngay: \"{written}\""),
        );
        let (_, _, json) = findings(&s);
        assert!(
            texts(&json, "NG001").contains("ghi là 2021-10-22"),
            "{written}"
        );
        let o = s.run(&["fix", "hs"]);
        assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
        assert!(
            s.read("bien-ban.yaml").contains("ngay: \"2021-10-22\"\n"),
            "{written}"
        );
        let (code, lines, _) = findings(&s);
        assert_eq!((code, lines), (0, Vec::<String>::new()), "{written}");
    }
}

#[test]
fn no_reports_at_all_is_one_finding_naming_the_files() {
    let s = Scratch::base();
    fs::remove_dir_all(s.hs().join("bao-cao")).unwrap();
    let (_, lines, json) = findings(&s);
    assert_eq!(lines, ["HS001\tbao-cao/"], "{lines:?}");
    assert!(
        texts(&json, "HS001").contains("bao-cao/pham-van-hoa.yaml"),
        "{json}"
    );
}

#[test]
fn a_manifest_under_a_hidden_extension_is_named() {
    let s = Scratch::base();
    fs::rename(s.hs().join("ho-so.yaml"), s.hs().join("ho-so.yaml.txt")).unwrap();
    let o = s.run(&["check", "hs"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("ho-so.yaml.txt") && err.contains("đổi tên tệp thành ho-so.yaml"),
        "{err}"
    );
}

#[test]
fn a_tone_mark_on_the_glide_is_a_misspelling_fixed_toward_the_right_spelling() {
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        "ten: \"Phạm Văn Hòa\"",
        "ten: \"Bùi Qúy Gìau\"",
    );
    s.edit("bao-cao/pham-van-hoa.yaml", "Phạm Văn Hòa", "Bùi Quý Giàu");
    let (code, lines, json) = findings(&s);
    assert_eq!(
        (code, lines),
        (0, vec!["VB007\tto-trinh.yaml:24:15".to_owned()])
    );
    assert!(texts(&json, "VB007").contains("Bùi Quý Giàu"), "{json}");
    let o = s.run(&["fix", "--dry-run", "hs"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("+    ten: \"Bùi Quý Giàu\""), "{out}");
    assert!(!out.contains("+ten: \"Bùi Qúy Gìau\""), "{out}");
    // Misspelt in both documents: said in both, and fixed in both.
    s.edit("bao-cao/pham-van-hoa.yaml", "Bùi Quý Giàu", "Bùi Qúy Gìau");
    let (_, lines, _) = findings(&s);
    assert_eq!(
        lines,
        [
            "VB007\tbao-cao/pham-van-hoa.yaml:4:11",
            "VB007\tto-trinh.yaml:24:15"
        ]
    );
    let o = s.run(&["fix", "hs"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(s
        .read("bao-cao/pham-van-hoa.yaml")
        .contains("ten: \"Bùi Quý Giàu\""));
    assert!(s.read("to-trinh.yaml").contains("ten: \"Bùi Quý Giàu\""));
    let (code, lines, _) = findings(&s);
    assert_eq!((code, lines), (0, Vec::<String>::new()));
}

#[test]
fn a_comment_cutting_a_text_value_short_is_a_warning() {
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        "    chuc_vu: \"Nông dân\"",
        "    chuc_vu: Nữ hộ sinh #trưởng nhóm",
    );
    let (code, lines, json) = findings(&s);
    assert_eq!(
        (code, lines),
        (0, vec!["HS017\tto-trinh.yaml:25:25".to_owned()])
    );
    let t = texts(&json, "HS017");
    assert!(
        t.contains("\\\"Nữ hộ sinh\\\"") && t.contains("#trưởng nhóm"),
        "{t}"
    );
}

#[test]
fn a_quoted_value_continued_at_column_0_is_a_syntax_error() {
    let (at, text) = one_finding(
        "to-trinh.yaml",
        "    ten: \"Nguyễn Thị Hằng\"",
        "    ten: \"Nguyễn Thị\nHằng\"",
    );
    assert_eq!(at, "HS002\tto-trinh.yaml:14:1");
    assert!(
        text.contains("không thụt vào") && text.contains("\"ten\""),
        "{text}"
    );
    let (at, text) = one_finding(
        "to-trinh.yaml",
        "    ten: \"Nguyễn Thị Hằng\"",
        "    ten: \"Nguyễn Thị\n\tHằng\"",
    );
    assert_eq!(at, "HS002\tto-trinh.yaml:14:1");
    assert!(text.contains("Tab"), "{text}");
}

#[test]
fn a_jpeg_named_pdf_is_a_warning_naming_both_types() {
    let s = Scratch::base();
    s.write(
        "dinh-kem/to-trinh.pdf",
        [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F'],
    );
    let (code, lines, json) = findings(&s);
    assert_eq!(
        (code, lines),
        (0, vec!["DK007\tto-trinh.yaml:28:11".to_owned()])
    );
    let t = texts(&json, "DK007");
    assert!(t.contains("ảnh JPEG") && t.contains(".jpg"), "{t}");
}

pub(crate) fn all_output(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

#[test]
fn vietnamese_messages_carry_no_english_or_programmer_notation() {
    let s = Scratch::base();
    // clap's argument errors.
    let o = s.run(&["check", "--bogus", "hs"]);
    let out = all_output(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(out.contains("không có tùy chọn \"--bogus\""), "{out}");
    assert!(!out.contains("unexpected argument"), "{out}");
    let o = s.run(&["check", "--format", "xml", "hs"]);
    assert!(all_output(&o).contains("không nhận giá trị \"xml\""));
    // OS errors.
    fs::write(s.dir.path().join("tep"), "x").unwrap();
    let o = s.run(&["init", "tep/hs"]);
    let out = all_output(&o);
    assert!(out.contains("không phải thư mục"), "{out}");
    assert!(
        !out.contains("os error") && !out.contains("Not a directory"),
        "{out}"
    );
    // Field paths in words, no backticks.
    s.edit(
        "to-trinh.yaml",
        "    don_vi: \"Trạm Y tế xã Trường Yên\"\n",
        "",
    );
    let (_, _, json) = findings(&s);
    let t = texts(&json, "HS004");
    assert!(t.contains("mục thứ 1 trong \\\"danh_sach\\\""), "{t}");
    assert!(!t.contains("danh_sach[0]") && !t.contains('`'), "{t}");
    // Explanations: no doubled words, English ones in English.
    let o = s.run(&["explain", "--all"]);
    assert!(!all_output(&o).contains("gửi gửi"));
    let o = s.run(&["--lang", "en", "explain", "DK001"]);
    let out = all_output(&o);
    assert!(
        !out.contains("Mẫu hồ sơ phiên bản 1") && !out.contains("# tệp:"),
        "{out}"
    );
    let o = s.run(&["explain", "DK004"]);
    assert!(!all_output(&o).contains('`'), "{}", all_output(&o));
    // The example nominee is an example, not a fashion model.
    let o = s.run(&["init", "--help"]);
    assert!(!all_output(&o).contains("ghi làm mẫu"));
}

#[test]
fn indentation_typed_with_non_breaking_spaces_is_named_and_fixed() {
    for (file, from, to, line) in [
        (
            "to-trinh.yaml",
            "    chuc_vu: \"Y sĩ\"",
            "\u{a0}\u{a0}\u{a0}\u{a0}chuc_vu: \"Y sĩ\"",
            14,
        ),
        (
            "bao-cao/pham-van-hoa.yaml",
            "  ngay: ",
            "\u{a0}\u{a0}ngay: ",
            0,
        ),
    ] {
        let s = Scratch::base();
        let before = s.read(file);
        s.edit(file, from, to);
        let (code, lines, json) = findings(&s);
        assert_eq!(code, 1, "{lines:?}");
        let t = texts(&json, "HS002");
        assert!(t.contains("U+00A0"), "{file}: {lines:?} {t}");
        if line > 0 {
            assert!(
                lines.contains(&format!("HS002\t{file}:{line}:1")),
                "{lines:?}"
            );
        }
        let o = s.run(&["fix", "hs"]);
        assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
        assert_eq!(s.read(file), before);
    }
}

#[test]
fn a_missing_space_after_a_colon_and_a_misaligned_field_are_explained() {
    let (at, text) = one_finding(
        "to-trinh.yaml",
        "    chuc_vu: \"Y sĩ\"",
        "    chuc_vu:\"Y sĩ\"",
    );
    assert_eq!(at, "HS002\tto-trinh.yaml:14:13");
    assert!(
        text.contains("thiếu một dấu cách") && text.contains("chuc_vu: \"Y sĩ\""),
        "{text}"
    );
    let (at, text) = one_finding(
        "to-trinh.yaml",
        "    chuc_vu: \"Y sĩ\"",
        "     chuc_vu: \"Y sĩ\"",
    );
    assert_eq!(at, "HS002\tto-trinh.yaml:14:6");
    assert!(
        text.contains("thẳng hàng") && text.contains("dòng 13"),
        "{text}"
    );
    // fix adds the space (the text of a `|` block is left as written).
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        "    chuc_vu: \"Y sĩ\"",
        "    chuc_vu:\"Y sĩ\"",
    );
    let o = s.run(&["fix", "hs"]);
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    assert!(s.read("to-trinh.yaml").contains("    chuc_vu: \"Y sĩ\"\n"));
    let (code, lines, _) = findings(&s);
    assert_eq!((code, lines), (0, Vec::<String>::new()));
}

#[test]
fn a_value_closed_with_a_curly_quote_is_explained_and_fixed() {
    // Opened curly, closed straight: a plain value wrapped in quotes (VB006).
    let s = Scratch::base();
    s.edit("to-trinh.yaml", "\"Trường Yên\"", "“Trường Yên\"");
    let (_, lines, _) = findings(&s);
    assert_eq!(lines, ["VB006\tto-trinh.yaml:4:11"]);
    // Opened straight, closed curly: the quote never closes.
    let (at, text) = one_finding("to-trinh.yaml", "\"Trường Yên\"", "\"Trường Yên”");
    assert_eq!(at, "HS002\tto-trinh.yaml:4:11");
    assert!(text.contains("dấu ngoặc cong"), "{text}");
    let s = Scratch::base();
    let before = s.read("to-trinh.yaml");
    s.edit("to-trinh.yaml", "\"Trường Yên\"", "\"Trường Yên”");
    let o = s.run(&["fix", "hs"]);
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    assert_eq!(s.read("to-trinh.yaml"), before);
    // A manifest in capitals is named as a near miss too.
    let s = Scratch::base();
    fs::rename(s.hs().join("ho-so.yaml"), s.hs().join("Ho-So.YAML")).unwrap();
    let o = s.run(&["check", "hs"]);
    assert!(all_output(&o).contains("Ho-So.YAML"), "{}", all_output(&o));
}
