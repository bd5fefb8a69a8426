//! The words of the commands a clerk types (#11, tester's findings C1-C10): commands named as
//! commands, not in backquotes; English counts without "(s)"; a mistyped rule id answered with
//! the rule meant; a missing option said with what it is for, and `add` listing the kinds of
//! nominee with their meaning.

use crate::util::{dossier, Scratch};

fn both(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn fix_names_the_field_in_words_and_counts_files_in_english() {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", "ngay: 2021-10-25", "ngay: 25/10/2021");
    let o = s.run(&["fix", "--dry-run", "hs"]);
    let out = both(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("# to-trinh.yaml: dòng 3, trường \"ngay\": "),
        "{out}"
    );
    assert!(!out.contains('`'), "{out}");
    let o = s.run(&["--lang", "en", "fix", "--dry-run", "hs"]);
    let out = both(&o);
    assert!(out.contains("# to-trinh.yaml: line 3, \"ngay\": "), "{out}");
    assert!(
        out.contains("Dry run: nothing written. Run without --dry-run to fix 1 file."),
        "{out}"
    );
    assert!(!out.contains('`') && !out.contains("(s)"), "{out}");
    let o = s.run(&["--lang", "en", "fix", "hs"]);
    let out = both(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("Fixed 1 file. Run dossier check hs again."),
        "{out}"
    );
    s.edit("to-trinh.yaml", "ngay: 2021-10-25", "ngay: 25/10/2021");
    let o = s.run(&["fix", "hs"]);
    let out = both(&o);
    assert!(
        out.contains("Đã sửa 1 tệp. Chạy lại lệnh dossier check hs để kiểm tra."),
        "{out}"
    );
}

#[test]
fn a_mistyped_rule_id_is_answered_with_the_rule_meant() {
    let s = Scratch::base();
    for key in ["go9", "GO9", "G0009", "go-009", "GO 9", "Go0009"] {
        let o = s.run(&["explain", key]);
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{key}: {e}");
        assert!(
            e.contains(&format!(
                "không có quy tắc \"{key}\"; có phải là quy tắc GO009, \""
            )),
            "{key}: {e}"
        );
        assert!(e.contains("lệnh dossier explain GO009"), "{e}");
        assert!(!e.contains('`'), "{e}");
        let o = s.run(&["--lang", "en", "explain", key]);
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(e.contains("did you mean rule GO009, \""), "{key}: {e}");
        assert!(!e.contains('`'), "{e}");
    }
    // A rule's name a letter off is found too; nothing close is not guessed at.
    let o = s.run(&["explain", "minutes-after-proposl"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("quy tắc NG002"));
    for key in ["ZZ9", "xyz", ""] {
        let o = s.run(&["explain", key]);
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{e}");
        assert!(!e.contains("có phải là"), "{e}");
        assert!(e.contains("xem danh sách bằng lệnh dossier rules"), "{e}");
        assert!(!e.contains('`'), "{e}");
    }
}

#[test]
fn init_and_criteria_name_commands_without_backquotes() {
    let t = tempfile::tempdir().unwrap();
    let o = dossier(t.path(), &["init", "moi", "--today", crate::util::TODAY]);
    let out = both(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("thêm người bằng lệnh dossier add, rồi chạy lệnh dossier check moi."),
        "{out}"
    );
    assert!(
        out.contains("xem các lựa chọn bằng lệnh dossier criteria "),
        "{out}"
    );
    assert!(!out.contains('`'), "{out}");
    let o = dossier(
        t.path(),
        &[
            "--lang",
            "en",
            "init",
            "moi2",
            "--today",
            crate::util::TODAY,
        ],
    );
    let out = both(&o);
    assert!(
        out.contains("add nominees with dossier add, then run dossier check moi2."),
        "{out}"
    );
    assert!(!out.contains('`'), "{out}");
    for lang in ["vi", "en"] {
        let o = dossier(t.path(), &["--lang", lang, "criteria"]);
        let mut out = both(&o);
        for id in ["covid19-hoa-lu-2021", "nd91-dieu55"] {
            out.push_str(&both(&dossier(t.path(), &["--lang", lang, "criteria", id])));
        }
        assert!(!out.contains('`'), "{out}");
        assert!(!out.contains("<mã>") && !out.contains("<id>"), "{out}");
    }
}

#[test]
fn add_without_a_kind_lists_the_kinds_with_their_meaning() {
    let s = Scratch::base();
    let before = s.read("to-trinh.yaml");
    let o = s.run(&["add", "hs", "--ten", "Lê Văn Bình"]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(
        e.contains("lỗi: cần chọn đối tượng khen thưởng bằng --doi-tuong"),
        "{e}"
    );
    assert!(e.contains("tuyen_dau (Lực lượng ở tuyến đầu"), "{e}");
    assert!(!e.contains("<DOI_TUONG>"), "{e}");
    assert_eq!(s.read("to-trinh.yaml"), before, "nothing written");
    let o = s.run(&["--lang", "en", "add", "hs", "--ten", "Le Van Binh"]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(
        e.contains("error: choose the kind of nominee with --doi-tuong"),
        "{e}"
    );
    assert!(e.contains("tuyen_dau ("), "{e}");
}

#[test]
fn a_missing_or_unknown_option_names_the_command_and_what_the_option_is_for() {
    let s = Scratch::base();
    let cases: [(&[&str], &str); 6] = [
        (
            &["add", "hs"],
            "lỗi: thiếu tùy chọn bắt buộc --ten (họ và tên, hoặc tên tập thể)",
        ),
        (
            &["remove", "hs"],
            "lỗi: thiếu tùy chọn bắt buộc --ma (mã người cần gỡ)",
        ),
        (
            &["fix", "--today", "2021-01-01", "hs"],
            "lỗi: lệnh fix không có tùy chọn \"--today\"",
        ),
        (&["add", "hs"], "Xem cách dùng: dossier add --help"),
        (
            &["add", "hs", "--ten"],
            "lỗi: tùy chọn --ten (họ và tên, hoặc tên tập thể) cần một giá trị",
        ),
        (
            &["init", "moi", "--hinh-thuc"],
            "lỗi: tùy chọn --hinh-thuc (hình thức khen thưởng) cần một giá trị",
        ),
    ];
    for (args, words) in cases {
        let o = s.run(args);
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
        assert!(e.contains(words), "{args:?}: {e}");
        assert!(
            !e.contains("<TEN>") && !e.contains("<MA>") && !e.contains("<HINH_THUC>"),
            "{e}"
        );
    }
}

/// `explain` in either language names commands and symbols in words, never in backquotes
/// (B9); the bundle rules read in English under --lang en (B14); the attachment rules say what
/// a look-alike letter or a case difference does to a file name.
#[test]
fn explain_reads_without_backquotes_and_says_what_attachment_names_do() {
    let s = Scratch::base();
    for lang in ["vi", "en"] {
        let o = s.run(&["--lang", lang, "explain", "--all"]);
        let out = String::from_utf8_lossy(&o.stdout);
        assert_eq!(o.status.code(), Some(0));
        assert!(!out.contains('`'), "{lang}: {out}");
    }
    let o = s.run(&["explain", "GO001"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("dấu gạch chéo ngược"), "{out}");
    assert!(out.contains("đóng gói lại bằng lệnh dossier pack"), "{out}");
    let o = s.run(&["--lang", "en", "explain", "GO009"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Legal basis\n  The bundle of dossier format version 1"),
        "{out}"
    );
    assert!(out.contains("# file: a .zip bundle"), "{out}");
    assert!(out.contains("pack it again with dossier pack"), "{out}");
    let o = s.run(&["explain", "DK006"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Tên tệp trên đĩa cũng phải đúng từng chữ như tên ghi ở \"dinh_kem\""),
        "{out}"
    );
    let o = s.run(&["--lang", "en", "explain", "DK006"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("a Cyrillic, Greek or fullwidth letter drawn like a Latin one (о, ο, ｔ)"),
        "{out}"
    );
    let o = s.run(&["explain", "DK001"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Tên chỉ khác chữ hoa, chữ thường cũng là không tìm thấy"),
        "{out}"
    );
    let o = s.run(&["--lang", "en", "explain", "DK004"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("If the name cannot travel either (DK006), the warning says why"),
        "{out}"
    );
    let o = s.run(&["explain", "DK004"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Nếu tên tệp còn không gửi đi được (DK006), cảnh báo nói luôn lý do"),
        "{out}"
    );
}

/// A path that is not a dossier folder is said by what it is, for every command that works on
/// one dossier and writes (fix, add, remove, draft, pack): nothing there, a dossier's file, a folder
/// inside a dossier, a folder of dossiers, an empty folder. Nothing is written.
#[test]
fn a_path_that_is_not_a_dossier_is_said_by_what_it_is() {
    let s = Scratch::base();
    std::fs::create_dir(s.dir.path().join("trong")).unwrap();
    let before = crate::edit::tree_bytes(s.dir.path());
    let cases: [(&str, &str, &str); 5] = [
        ("khong-co", "không có thư mục \"khong-co\"", "there is no folder \"khong-co\""),
        (
            "hs/ho-so.yaml",
            "\"hs/ho-so.yaml\" là một tệp của hồ sơ, không phải thư mục hồ sơ; ghi thư mục chứa nó: hs",
            "\"hs/ho-so.yaml\" is a file of the dossier, not its folder; give the folder holding it: hs",
        ),
        (
            "hs/bao-cao",
            "\"hs/bao-cao\" là một thư mục bên trong hồ sơ hs; ghi thư mục hồ sơ: hs",
            "\"hs/bao-cao\" is a folder inside the dossier hs; give the dossier folder: hs",
        ),
        (
            ".",
            "\".\" là thư mục chứa 1 hồ sơ, không phải một hồ sơ; lệnh này làm việc trên từng hồ sơ, ví dụ hs",
            "\".\" is a folder holding 1 dossier, not a dossier itself",
        ),
        (
            "trong",
            "\"trong\" không phải thư mục hồ sơ (không có tệp ho-so.yaml); tạo hồ sơ mới bằng lệnh dossier init",
            "\"trong\" is not a dossier folder (it has no ho-so.yaml); make a new one with dossier init",
        ),
    ];
    for (path, vi, en) in cases {
        for cmd in [
            vec!["fix", path],
            vec![
                "add",
                path,
                "--ten",
                "Le Van Binh",
                "--doi-tuong",
                "tuyen_dau",
            ],
            vec!["remove", path, "--ma", "nguyen-thi-hang"],
            vec!["draft", path, "--today", crate::util::TODAY],
            vec!["pack", path, "--today", crate::util::TODAY],
        ] {
            for (lang, words) in [("vi", vi), ("en", en)] {
                let mut args = vec!["--lang", lang];
                args.extend_from_slice(&cmd);
                let o = s.run(&args);
                let e = String::from_utf8_lossy(&o.stderr);
                assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
                assert!(e.contains(words), "{args:?}: {e}");
            }
        }
    }
    assert_eq!(
        crate::edit::tree_bytes(s.dir.path()),
        before,
        "nothing written"
    );
    let folders: Vec<String> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !folders.iter().any(|f| f.ends_with("du-thao")),
        "{folders:?}"
    );
}

/// `draft -o` names a folder: a document's name there (out.docx) is refused before anything is
/// made, with the folder name to give; English counts the files drafted.
#[test]
fn draft_output_named_like_a_file_is_refused() {
    let s = Scratch::base();
    for (target, folder) in [("out.docx", "-o out"), ("ban-thao.PDF", "-o ban-thao")] {
        for (lang, words) in [
            ("vi", "-o là thư mục để ghi các bản dự thảo"),
            ("en", "-o names the folder for the drafts"),
        ] {
            let o = s.run(&[
                "--lang",
                lang,
                "draft",
                "hs",
                "-o",
                target,
                "--today",
                crate::util::TODAY,
            ]);
            let e = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{e}");
            assert!(e.contains(words) && e.contains(folder), "{e}");
            assert!(!s.dir.path().join(target).exists());
        }
    }
    let o = s.run(&[
        "--lang",
        "en",
        "draft",
        "hs",
        "-o",
        "out",
        "--today",
        crate::util::TODAY,
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        out.contains("Drafted ") && out.contains(" files in out:"),
        "{out}"
    );
}

/// `init` never makes a dossier inside another (its files would be the outer one's stray
/// files): refused, nothing written, and the place beside it given as the clerk would type it.
#[test]
fn init_inside_a_dossier_is_refused_with_a_place_beside_it() {
    let s = Scratch::base();
    let before = crate::edit::tree_bytes(s.dir.path());
    let cases: [(std::path::PathBuf, &str, &str); 3] = [
        (
            s.dir.path().to_path_buf(),
            "hs/dinh-kem/moi",
            "dossier init moi",
        ),
        (s.hs(), "moi", "dossier init ../moi"),
        (s.hs().join("bao-cao"), "moi", "dossier init ../../moi"),
    ];
    for (cwd, dir, advice) in &cases {
        for (lang, words) in [
            ("vi", "bên trong hồ sơ"),
            ("en", "would go inside the dossier"),
        ] {
            let o = dossier(
                cwd,
                &["--lang", lang, "init", dir, "--today", crate::util::TODAY],
            );
            let e = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{e}");
            assert!(e.contains(words) && e.contains(advice), "{e}");
        }
    }
    assert_eq!(
        crate::edit::tree_bytes(s.dir.path()),
        before,
        "nothing written"
    );
    assert!(!s.hs().join("moi").exists() && !s.hs().join("dinh-kem/moi").exists());
    // The advice, followed, makes the dossier beside the other.
    let o = dossier(&s.hs(), &["init", "../moi", "--today", crate::util::TODAY]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(s.dir.path().join("moi/ho-so.yaml").is_file());
}

/// A mistyped id, kind, form or rule set is answered with the one meant: a dash for an
/// underscore, capitals, a letter off, the start of a longer id (#11, C9's kind).
#[test]
fn a_mistyped_value_is_answered_with_the_one_meant() {
    let s = Scratch::base();
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["remove", "hs", "--ma", "nguyen-thi-han"],
            "mang mã \"nguyen-thi-han\" (trong danh sách, biên bản hay báo cáo); có phải là \"nguyen-thi-hang\"?",
            "; did you mean \"nguyen-thi-hang\"?",
        ),
        (
            &["add", "hs", "--ten", "Le Van Binh", "--doi-tuong", "tuyen-dau"],
            "không có đối tượng khen thưởng \"tuyen-dau\" (trường \"doi_tuong\"). Có phải là \"tuyen_dau\"? Chỉ có: ",
            ". Did you mean \"tuyen_dau\"? Known: ",
        ),
        (
            &["criteria", "covid19"],
            "không có bộ quy tắc \"covid19\". Có phải là \"covid19-hoa-lu-2021\"?",
            "no rule set \"covid19\". Did you mean \"covid19-hoa-lu-2021\"?",
        ),
        (
            &["init", "moi", "--phong-trao", "covid19-hoa-lu-2021", "--hinh-thuc", "giay_khen_chu_tich_huyn"],
            "Có phải là \"giay_khen_chu_tich_huyen\"?",
            "Did you mean \"giay_khen_chu_tich_huyen\"?",
        ),
        (
            &["criteria", "khong-co-gi"],
            "không có bộ quy tắc \"khong-co-gi\"; các bộ có: ",
            "no rule set \"khong-co-gi\"; the rule sets: ",
        ),
    ];
    for (args, vi, en) in cases {
        for (lang, words) in [("vi", vi), ("en", en)] {
            let mut all = vec!["--lang", lang];
            all.extend_from_slice(args);
            let o = s.run(&all);
            let e = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
            assert!(e.contains(words), "{args:?}: {e}");
        }
    }
    assert!(!s.dir.path().join("moi").exists());
}
