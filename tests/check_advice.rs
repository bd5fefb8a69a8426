//! A tester's findings in `check` (#11): inputs for which the message described the fault
//! wrongly or the advice would have done harm (deleting data the clerk needs, a sender's fix
//! given to the receiving office). Each test names the kind of fault, not only the one input.

use std::fs;

use crate::clerk::{all_output, findings};
use crate::util::{Scratch, TODAY};

/// The Vietnamese and English message and help of the one finding of `rule`.
fn one(s: &Scratch, rule: &str) -> (String, String) {
    let (_, json) = s.check_json(&[]);
    let (_, en) = s.check_json(&["--lang", "en"]);
    let pick = |j: &serde_json::Value| {
        let f: Vec<&serde_json::Value> = j["dossiers"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == rule)
            .collect();
        assert_eq!(f.len(), 1, "{rule}: {j}");
        format!("{} | {}", f[0]["message"], f[0]["help"])
    };
    (pick(&json), pick(&en))
}

/// Every way of writing a date that `check` reads (year first with slashes, without leading
/// zeros, Word's en dash, full-width figures, in words): the message quotes what was written and
/// names no way of writing it, so "ngày ngày 22 …" and "written day/month/year" for a year-first
/// date cannot happen.
#[test]
fn a_date_written_another_way_is_quoted_not_named_a_way() {
    for (written, wanted) in [
        ("2021/10/25", "2021-10-25"),
        ("2021-1-5", "2021-01-05"),
        ("2021–10–25", "2021-10-25"),
        ("２０２１-１０-２５", "2021-10-25"),
        ("\"ngày 25 tháng 10 năm 2021\"", "2021-10-25"),
        ("25/10/2021", "2021-10-25"),
    ] {
        let s = Scratch::base();
        s.edit(
            "to-trinh.yaml",
            "ngay: 2021-10-25",
            &format!("ngay: {written}"),
        );
        let (_, lines, _) = findings(&s);
        assert_eq!(lines, ["NG001\tto-trinh.yaml:3:7"], "{written}");
        let (vi, en) = one(&s, "NG001");
        let shown = written.trim_matches('"');
        assert!(
            vi.contains(&format!(
                "ngày ở trường \\\"ngay\\\" ghi là \\\"{shown}\\\""
            )),
            "{vi}"
        );
        assert!(
            vi.contains(&format!("ghi là {wanted} (lệnh dossier fix")),
            "{vi}"
        );
        assert!(
            !vi.contains("ngày/tháng/năm") && !vi.contains("ngày ngày"),
            "{vi}"
        );
        assert!(
            en.contains(&format!("is written \\\"{shown}\\\"")) && !en.contains("day/month"),
            "{en}"
        );
    }
    // A day that does not exist, written in words: no doubled word either.
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        "ngay: 2021-10-25",
        "ngay: \"ngày 31 tháng 11 năm 2021\"",
    );
    let (vi, _) = one(&s, "NG001");
    assert!(!vi.contains("ngày ngày"), "{vi}");
    assert!(vi.contains("chỉ có 30 ngày"), "{vi}");
}

/// A component under a copy's name (Windows' "Copy of", "- Copy", a browser's "(1)", an extension
/// Windows hid) is to be renamed, not written again from the template, and it is not an
/// attachment to list under dinh_kem; its scans are not "unreferenced" either.
#[test]
fn a_component_under_a_copys_name_is_to_be_renamed() {
    for copy in [
        "Copy of to-trinh.yaml",
        "to-trinh - Copy.yaml",
        "to-trinh (1).yaml",
        "to-trinh.yaml.txt",
        "TO-TRINH.yaml",
    ] {
        let s = Scratch::base();
        fs::rename(s.hs().join("to-trinh.yaml"), s.hs().join(copy)).unwrap();
        let (_, lines, _) = findings(&s);
        assert_eq!(lines, [format!("HS001\t{copy}")], "{copy}");
        let (vi, en) = one(&s, "HS001");
        assert!(
            vi.contains(&format!("có tệp \\\"{copy}\\\""))
                && vi.contains(&format!("đổi tên tệp \\\"{copy}\\\" thành to-trinh.yaml")),
            "{vi}"
        );
        assert!(!vi.contains("theo mẫu") && !vi.contains("dinh_kem"), "{vi}");
        assert!(
            en.contains(&format!("rename \\\"{copy}\\\" to to-trinh.yaml")),
            "{en}"
        );
    }
    // The minutes likewise.
    let s = Scratch::base();
    fs::rename(
        s.hs().join("bien-ban.yaml"),
        s.hs().join("bien-ban - Bản sao.yaml"),
    )
    .unwrap();
    let (_, lines, _) = findings(&s);
    assert_eq!(lines, ["HS001\tbien-ban - Bản sao.yaml"]);
}

/// A spare copy beside the real file: said to be a copy the program does not read, with advice
/// that keeps any edits in it; never "name it under dinh_kem".
#[test]
fn a_spare_copy_beside_the_real_file_is_named_a_copy() {
    let s = Scratch::base();
    fs::copy(
        s.hs().join("to-trinh.yaml"),
        s.hs().join("to-trinh - Copy.yaml"),
    )
    .unwrap();
    let (_, lines, _) = findings(&s);
    assert_eq!(lines, ["DK004\tto-trinh - Copy.yaml"]);
    let (vi, en) = one(&s, "DK004");
    assert!(
        vi.contains("là bản sao của to-trinh.yaml")
            && vi.contains("chép phần đó vào to-trinh.yaml"),
        "{vi}"
    );
    assert!(!vi.contains("dinh_kem"), "{vi}");
    assert!(en.contains("is a copy of to-trinh.yaml"), "{en}");

    // A report's copy beside it: not a nominee missing from the list (DS002, "add this person
    // to danh_sach") nor a report under the wrong name (DS008).
    let s = Scratch::base();
    fs::copy(
        s.hs().join("bao-cao/pham-van-hoa.yaml"),
        s.hs().join("bao-cao/pham-van-hoa - Copy.yaml"),
    )
    .unwrap();
    let (_, lines, _) = findings(&s);
    assert_eq!(lines, ["DK004	bao-cao/pham-van-hoa - Copy.yaml"]);
    let (vi, _) = one(&s, "DK004");
    assert!(
        vi.contains("là bản sao của bao-cao/pham-van-hoa.yaml"),
        "{vi}"
    );
}

/// A folder named ho-so.yaml, and a manifest under a copy's name: `check` says which, not only
/// "no dossier here".
#[test]
fn a_manifest_that_is_a_folder_or_a_copy_is_named() {
    let s = Scratch::base();
    fs::remove_file(s.hs().join("ho-so.yaml")).unwrap();
    fs::create_dir(s.hs().join("ho-so.yaml")).unwrap();
    let o = s.run(&["check", "hs"]);
    assert_eq!(o.status.code(), Some(2));
    let err = all_output(&o);
    assert!(
        err.contains("\"hs/ho-so.yaml\" là thư mục, không phải tệp"),
        "{err}"
    );
    let o = s.run(&["check", "--lang", "en", "hs"]);
    assert!(all_output(&o).contains("is a folder, not a file"));

    let s = Scratch::base();
    fs::rename(s.hs().join("ho-so.yaml"), s.hs().join("Copy of ho-so.yaml")).unwrap();
    let o = s.run(&["check", "hs"]);
    let err = all_output(&o);
    assert!(
        err.contains("có tệp \"hs/Copy of ho-so.yaml\"")
            && err.contains("đổi tên tệp thành ho-so.yaml"),
        "{err}"
    );
}

/// Entries that are no file (a link out of the dossier, a broken link, a named pipe): said as
/// such, advice to remove them, not "name it under dinh_kem". A link out is an error (HS020,
/// #17), a pipe a stray entry.
#[cfg(unix)]
#[test]
fn links_and_pipes_in_the_folder_are_not_called_files_to_list() {
    let s = Scratch::base();
    std::os::unix::fs::symlink("/etc", s.hs().join("bao-cao/etc")).unwrap();
    std::os::unix::fs::symlink("/nonexistent", s.hs().join("dinh-kem/mat.pdf")).unwrap();
    let fifo = s.hs().join("dinh-kem/fifo.pdf");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let (_, lines, json) = findings(&s);
    let mut want = vec!["HS020\tbao-cao/etc", "HS020\tdinh-kem/mat.pdf"];
    if made.is_ok_and(|m| m.success()) {
        want.push("DK004\tdinh-kem/fifo.pdf");
    }
    want.sort_unstable();
    assert_eq!(lines, want);
    let links = crate::clerk::texts(&json, "HS020");
    assert_eq!(
        links
            .matches("là liên kết trỏ ra ngoài thư mục hồ sơ")
            .count(),
        2,
        "{links}"
    );
    assert!(!links.contains("ghi tệp vào"), "{links}");
    let t = crate::clerk::texts(&json, "DK004");
    assert!(!t.contains("ghi tệp vào"), "{t}");
    if want.len() == 3 {
        assert!(
            t.contains("\\\"dinh-kem/fifo.pdf\\\" không phải tệp thường"),
            "{t}"
        );
    }
}

/// Rewrite a bundle: drop the entry `drop`, add `add` with the bytes of `from`.
fn rebundle(s: &Scratch, drop: &str, add: &str, from: &str) -> std::path::PathBuf {
    use std::io::{Read, Write};
    let o = s.run(&["pack", "hs", "-o", "x.zip", "--today", TODAY]);
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    let src = s.dir.path().join("x.zip");
    let dst = s.dir.path().join("y.zip");
    let mut a = zip::ZipArchive::new(fs::File::open(&src).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(fs::File::create(&dst).unwrap());
    let mut kept = Vec::new();
    for i in 0..a.len() {
        let mut f = a.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if name == from {
            kept.clone_from(&bytes);
        }
        if name != drop {
            w.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(&bytes).unwrap();
        }
    }
    w.start_file(add, zip::write::SimpleFileOptions::default())
        .unwrap();
    w.write_all(&kept).unwrap();
    w.finish().unwrap();
    dst
}

/// At the receiving office a missing or misnamed file is the sender's to put right: the advice
/// says so, and the manifest is "tệp thông tin chung", not "hồ sơ thiếu hồ sơ".
#[test]
fn at_the_receiving_office_a_missing_file_is_for_the_sender() {
    let verify = |s: &Scratch, bundle: &std::path::Path, lang: &str| {
        let o = s.run(&[
            "verify",
            "--format",
            "json",
            "--lang",
            lang,
            "--today",
            TODAY,
            bundle.to_str().unwrap(),
        ]);
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()
    };
    let s = Scratch::base();
    let bundle = rebundle(
        &s,
        "to-trinh.yaml",
        "Copy of to-trinh.yaml",
        "to-trinh.yaml",
    );
    let t = crate::clerk::texts(&verify(&s, &bundle, "vi"), "HS001");
    assert!(
        t.contains("đề nghị nơi gửi đổi tên tệp \\\"Copy of to-trinh.yaml\\\" thành to-trinh.yaml"),
        "{t}"
    );
    let t = crate::clerk::texts(&verify(&s, &bundle, "en"), "HS001");
    assert!(t.contains("ask the sender to rename"), "{t}");

    let s = Scratch::base();
    let bundle = rebundle(&s, "ho-so.yaml", "ghi-chu.txt", "ho-so.yaml");
    let t = crate::clerk::texts(&verify(&s, &bundle, "vi"), "HS001");
    assert!(
        t.contains("hồ sơ thiếu tệp thông tin chung ho-so.yaml")
            && t.contains("đề nghị nơi gửi bổ sung ho-so.yaml"),
        "{t}"
    );
    assert!(!t.contains("theo mẫu"), "{t}");
}

/// A merge key brings fields in from elsewhere: one finding naming the fields to write in the
/// entry itself, never "delete this field" (which would lose them), and the fields it brings
/// count (no "missing loai" besides).
#[test]
fn a_merge_key_is_one_finding_naming_the_fields_it_brings() {
    for (from, to) in [
        (
            "  - ma: nguyen-thi-hang\n    loai: ca_nhan\n",
            "  - <<: {loai: ca_nhan}\n    ma: nguyen-thi-hang\n",
        ),
        (
            "  - ma: nguyen-thi-hang\n    loai: ca_nhan\n",
            "  - <<: [{loai: ca_nhan}]\n    ma: nguyen-thi-hang\n",
        ),
    ] {
        let s = Scratch::base();
        s.edit("to-trinh.yaml", from, to);
        let (_, lines, _) = findings(&s);
        assert_eq!(lines, ["HS003\tto-trinh.yaml:11:5"], "{to}");
        let (vi, en) = one(&s, "HS003");
        assert!(
            vi.contains("dấu << ở mục thứ 1 trong \\\"danh_sach\\\"")
                && vi.contains("chép các trường loai: ca_nhan vào thẳng mục thứ 1"),
            "{vi}"
        );
        assert!(!vi.contains("xóa"), "{vi}");
        assert!(
            en.contains("merge key <<") && en.contains("loai: ca_nhan"),
            "{en}"
        );
    }
}

/// Nesting too deep comes from brackets, not from aliases: the advice says so.
#[test]
fn nesting_too_deep_is_not_called_an_alias_problem() {
    let s = Scratch::base();
    let deep = format!("{}x{}", "[".repeat(5000), "]".repeat(5000));
    s.edit(
        "to-trinh.yaml",
        "dia_danh: ",
        &format!("dia_danh: {deep}\nx_cu: "),
    );
    let (vi, en) = one(&s, "HS014");
    assert!(
        vi.contains("lồng nhau quá sâu") && vi.contains("bỏ các dấu [ ] { } thừa"),
        "{vi}"
    );
    assert!(!vi.contains("bí danh"), "{vi}");
    assert!(
        en.contains("remove the extra [ ] { }") && !en.contains("alias"),
        "{en}"
    );
}

/// Syntax errors with a cause of their own get it named, not the three-cause guess (Tab, colon,
/// quotes): an alias with no anchor, a # glued to a value, a dash typed as a bullet; and text
/// after a closing quote that is itself quoted is not shown in a second pair of quotes.
#[test]
fn syntax_errors_with_a_cause_of_their_own_name_it() {
    for (field, written, at, vi_words, en_words) in [
        (
            "co_quan_cap_tren: ",
            "co_quan_cap_tren: *nope",
            "to-trinh.yaml:6:19",
            vec![
                "bí danh *nope chưa được khai báo",
                "ghi giá trị thật thay cho *nope",
            ],
            vec!["alias *nope is not defined"],
        ),
        (
            "dia_danh: ",
            "dia_danh: \"Trường Yên\"#c",
            "to-trinh.yaml:4:23",
            vec!["\\\"#c\\\" là ghi chú", "thêm một dấu cách trước dấu #"],
            vec!["put a space before the #"],
        ),
        (
            "dia_danh: ",
            "dia_danh: - Trường Yên",
            "to-trinh.yaml:4:11",
            vec![
                "bắt đầu bằng dấu gạch đầu dòng",
                "bỏ dấu gạch: dia_danh: Trường Yên",
                "dia_danh: \\\"- Trường Yên\\\"",
            ],
            vec!["drop the dash"],
        ),
        (
            "dia_danh: ",
            "dia_danh: \"Trường Yên\" \"x\"",
            "to-trinh.yaml:4:24",
            vec!["còn chữ \\\"x\\\";"],
            vec!["text \\\"x\\\" follows"],
        ),
    ] {
        let s = Scratch::base();
        let t = s.read("to-trinh.yaml");
        let line = t.lines().find(|l| l.starts_with(field)).unwrap();
        s.edit("to-trinh.yaml", line, written);
        let (_, lines, _) = findings(&s);
        assert_eq!(lines, [format!("HS002\t{at}")], "{written}");
        let (vi, en) = one(&s, "HS002");
        for w in vi_words {
            assert!(vi.contains(w), "{written}: {w} not in {vi}");
        }
        for w in en_words {
            assert!(en.contains(w), "{written}: {w} not in {en}");
        }
        assert!(!vi.contains("phím Tab") && !vi.contains("\\\"\\\""), "{vi}");
    }
}

/// A YAML tag passed silently, though a stricter reader at the receiving office may refuse it
/// (or read `!!binary` as bytes): a warning naming the tag where it is written. A "!" inside a
/// text is no tag.
#[test]
fn a_yaml_tag_is_a_warning_naming_it() {
    for (written, tag, col) in [
        ("dia_danh: !custom x", "!custom", 11),
        ("dia_danh: !!binary aGVsbG8=", "!!binary", 11),
        ("dia_danh: !!str \"Trường Yên\"", "!!str", 11),
    ] {
        let s = Scratch::base();
        s.edit("to-trinh.yaml", "dia_danh: \"Trường Yên\"", written);
        let (code, lines, json) = findings(&s);
        assert_eq!(
            lines,
            [format!("HS002\tto-trinh.yaml:4:{col}")],
            "{written}"
        );
        assert_eq!(code, 0, "a warning only: {json}");
        let (vi, en) = one(&s, "HS002");
        assert!(
            vi.contains(&format!("nhãn kiểu YAML \\\"{tag}\\\""))
                && vi.contains(&format!("xóa nhãn \\\"{tag}\\\"")),
            "{vi}"
        );
        assert!(en.contains(&format!("YAML tag \\\"{tag}\\\"")), "{en}");
    }
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        "dia_danh: \"Trường Yên\"",
        "dia_danh: \"Trường Yên !x\"",
    );
    let (code, lines, _) = findings(&s);
    assert_eq!((code, lines), (0, Vec::<String>::new()));
}

/// A folder where a dossier file belongs is said to be a folder, and a link in its place that
/// leads out of the dossier is not followed: nothing outside the folder is read as the clerk's.
#[cfg(unix)]
#[test]
fn a_dossier_file_that_is_a_folder_or_a_link_out_is_named() {
    let s = Scratch::base();
    fs::remove_file(s.hs().join("to-trinh.yaml")).unwrap();
    fs::create_dir(s.hs().join("to-trinh.yaml")).unwrap();
    let (_, lines, _) = findings(&s);
    assert_eq!(lines, ["HS001\tto-trinh.yaml"]);
    let (vi, en) = one(&s, "HS001");
    assert!(
        vi.contains("\\\"to-trinh.yaml\\\" ở đây là thư mục, không phải tệp"),
        "{vi}"
    );
    assert!(en.contains("here is a folder, not a file"), "{en}");

    let s = Scratch::base();
    let outside = s.dir.path().join("elsewhere.yaml");
    fs::rename(s.hs().join("to-trinh.yaml"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, s.hs().join("to-trinh.yaml")).unwrap();
    let (code, lines, _) = findings(&s);
    assert_eq!((code, lines), (1, vec!["HS011\tto-trinh.yaml".to_owned()]));
    let (vi, _) = one(&s, "HS011");
    assert!(vi.contains("là liên kết trỏ ra ngoài hồ sơ"), "{vi}");
}

/// A named pipe where a listed attachment should be: not "not found" nor "differs only in
/// case" (it is there under exactly that name), but not a file.
#[cfg(unix)]
#[test]
fn a_pipe_in_place_of_an_attachment_is_not_called_missing() {
    let s = Scratch::base();
    let p = s.hs().join("dinh-kem/to-trinh.pdf");
    fs::remove_file(&p).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&p).status();
    if !made.is_ok_and(|m| m.success()) {
        return;
    }
    let (_, lines, _) = findings(&s);
    assert_eq!(lines, ["DK001\tto-trinh.yaml:28:11"]);
    let (vi, en) = one(&s, "DK001");
    assert!(
        vi.contains("không phải tệp thường") && !vi.contains("chữ hoa"),
        "{vi}"
    );
    assert!(en.contains("is not a regular file"), "{en}");
}

/// A value starting with a character YAML keeps for itself, typed as part of the text: named,
/// with the value to write in quotes, at the value (an unclosed bracket is noticed by the
/// parser lines later).
#[test]
fn a_value_starting_with_a_reserved_character_is_to_be_quoted() {
    for (written, quoted, words) in [
        (
            "dia_danh: @Trường Yên",
            "\"@Trường Yên\"",
            "bắt đầu bằng dấu @",
        ),
        (
            "dia_danh: `Trường Yên`",
            "\"`Trường Yên`\"",
            "bắt đầu bằng dấu `",
        ),
        (
            "dia_danh: %Trường Yên",
            "\"%Trường Yên\"",
            "bắt đầu bằng dấu %",
        ),
        (
            "dia_danh: | Trường Yên",
            "\"| Trường Yên\"",
            "đoạn chữ nhiều dòng",
        ),
        (
            "dia_danh: [Trường Yên",
            "\"[Trường Yên\"",
            "mở dấu ngoặc [ ở dòng 4",
        ),
        (
            "dia_danh: {Trường Yên",
            "\"{Trường Yên\"",
            "mở dấu ngoặc { ở dòng 4",
        ),
    ] {
        let s = Scratch::base();
        s.edit("to-trinh.yaml", "dia_danh: \"Trường Yên\"", written);
        let (_, lines, _) = findings(&s);
        assert_eq!(lines, ["HS002\tto-trinh.yaml:4:11"], "{written}");
        let (vi, _) = one(&s, "HS002");
        let quoted = quoted.replace('"', "\\\"");
        assert!(
            vi.contains(words) && vi.contains(&format!("dia_danh: {quoted}")),
            "{written}: {vi}"
        );
        assert!(!vi.contains("phím Tab"), "{vi}");
    }
}
