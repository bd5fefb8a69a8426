//! A clerk's mistakes (#11) that `fix`, `add`, `remove` and the other commands meet, through the
//! real binary: the repairs of what Windows and Word put in, the first hour at the command line,
//! and the cover list.

use std::fs;

use crate::clerk::{all_output, findings, nfd_attachment};
use crate::util::{finding_lines, Scratch, TODAY};

/// Every kind of mistake `fix` repairs, in one dossier: invisible characters in a name and a
/// key, a non-breaking space after a colon, curly quotes, an attachment named in NFD, a Tab
/// used to indent, a value with a colon, a day-first date, a quoted count, TCVN3 text.
fn windows_and_word_mistakes() -> Scratch {
    let s = nfd_attachment();
    s.edit(
        "to-trinh.yaml",
        "ten: \"Nguyễn Thị Hằng\"",
        "ten: \"Nguyễn Thị\u{200b} Hằng\"",
    );
    s.edit(
        "to-trinh.yaml",
        "    chuc_vu: \"Y sĩ\"",
        "    chuc_vu\u{200d}: \"Y sĩ\"",
    );
    s.edit(
        "to-trinh.yaml",
        "    chuc_vu: \"Nông dân\"",
        "    chuc_vu:\u{a0}\"Nông dân\"",
    );
    s.edit("to-trinh.yaml", "\"Trường Yên\"", "“Trường Yên”");
    s.edit("bien-ban.yaml", "ngay: 2021-10-22", "ngay: 22/10/2021");
    s.edit("bien-ban.yaml", "co_mat: 6", "co_mat: \"6\"");
    s.edit("bien-ban.yaml", "\"Lê Thị Mai\"", "\"NguyÔn Thanh Hµ\"");
    s.edit(
        "bien-ban.yaml",
        "chu_tri: { ho_ten: \"Trần Văn Bình\", chuc_vu: \"Chủ tịch Hội đồng\" }",
        "chu_tri:\n\tho_ten: Trần Văn Bình\n\tchuc_vu: Chủ tịch: Hội đồng",
    );
    s
}

#[test]
fn fix_repairs_what_a_clerk_cannot_see_shown_in_the_diff_first() {
    let s = windows_and_word_mistakes();
    let before_tt = s.read("to-trinh.yaml");
    let before_bb = s.read("bien-ban.yaml");
    let o = s.run(&["fix", "--dry-run", "hs"]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for want in [
        "+dia_danh: \"Trường Yên\"",
        "+    chuc_vu: \"Nông dân\"",
        "+ngay: 2021-10-22",
        "+co_mat: 6",
        "U+200B",
        "TCVN3",
        "đổi tên tệp",
    ] {
        assert!(out.contains(want), "{want} missing:\n{out}");
    }
    assert_eq!(s.read("to-trinh.yaml"), before_tt);
    assert_eq!(s.read("bien-ban.yaml"), before_bb);
    let o = s.run(&["fix", "hs"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let tt = s.read("to-trinh.yaml");
    assert!(tt.contains("    ten: \"Nguyễn Thị Hằng\"\n"), "{tt}");
    assert!(tt.contains("    chuc_vu: \"Y sĩ\"\n"), "{tt}");
    assert!(tt.contains("    chuc_vu: \"Nông dân\"\n"), "{tt}");
    assert!(tt.contains("dia_danh: \"Trường Yên\"\n"), "{tt}");
    let bb = s.read("bien-ban.yaml");
    assert!(
        bb.contains("ngay: 2021-10-22\n") && bb.contains("co_mat: 6\n"),
        "{bb}"
    );
    assert!(bb.contains("\"Nguyễn Thanh Hà\""), "{bb}");
    assert!(
        bb.contains("chu_tri:\n  ho_ten: Trần Văn Bình\n  chuc_vu: \"Chủ tịch: Hội đồng\"\n"),
        "{bb}"
    );
    assert!(s.hs().join("dinh-kem/Quyết định.pdf").exists());
    let (code, lines, _) = findings(&s);
    assert_eq!((code, lines), (0, Vec::<String>::new()));
    let o = s.run(&["fix", "hs"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Không có gì cần sửa"));
}

#[test]
fn fix_writes_a_utf16_file_back_as_utf8() {
    let s = Scratch::base();
    let text = s.read("bien-ban.yaml");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    s.write("bien-ban.yaml", &bytes);
    let (code, lines, _) = findings(&s);
    assert_eq!((code, lines), (1, vec!["HS011\tbien-ban.yaml".to_owned()]));
    let o = s.run(&["fix", "--dry-run", "hs"]);
    assert!(all_output(&o).contains("UTF-8"), "{}", all_output(&o));
    assert_eq!(fs::read(s.hs().join("bien-ban.yaml")).unwrap(), bytes);
    let o = s.run(&["fix", "hs"]);
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    assert_eq!(
        fs::read(s.hs().join("bien-ban.yaml")).unwrap(),
        text.as_bytes()
    );
    let (code, lines, _) = findings(&s);
    assert_eq!((code, lines), (0, Vec::<String>::new()));
}

#[test]
fn check_inside_a_dossier_or_on_its_manifest_checks_the_dossier() {
    let s = Scratch::base();
    s.edit("bien-ban.yaml", "ngay: 2021-10-22", "ngay: 2021-10-27");
    for (cwd, arg) in [
        ("hs/bao-cao", "."),
        ("hs", "ho-so.yaml"),
        (".", "hs/to-trinh.yaml"),
    ] {
        let o = crate::util::dossier(
            &s.dir.path().join(cwd),
            &["check", "--format", "json", "--today", TODAY, arg],
        );
        assert_eq!(o.status.code(), Some(1), "{cwd} {arg}: {}", all_output(&o));
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(
            finding_lines(&json),
            ["NG002\tbien-ban.yaml:3:7"],
            "{cwd} {arg}"
        );
    }
}

#[test]
fn a_shared_folder_names_every_dossier_and_quiet_applies_to_every_format() {
    let s = Scratch::base();
    crate::util::copy_tree(&s.hs(), &s.dir.path().join("shared/a-clean"));
    crate::util::copy_tree(&s.hs(), &s.dir.path().join("shared/b-wrong"));
    let bb = s.dir.path().join("shared/b-wrong/bien-ban.yaml");
    let t = fs::read_to_string(&bb)
        .unwrap()
        .replace("ngay: 2021-10-22", "ngay: 2021-10-27");
    fs::write(&bb, t).unwrap();
    let o = s.run(&["check", "--today", TODAY, "--color", "never", "shared"]);
    let out = all_output(&o);
    assert!(out.contains("Hồ sơ shared/a-clean: đạt"), "{out}");
    assert!(
        out.contains("Hồ sơ shared/b-wrong: 1 lỗi, 0 cảnh báo."),
        "{out}"
    );
    let o = s.run(&[
        "check", "--today", TODAY, "-q", "--format", "json", "shared",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let names: Vec<&str> = json["dossiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(names.len(), 1, "{json}");
    assert!(names[0].ends_with("b-wrong"), "{names:?}");
}

#[test]
fn add_makes_the_id_from_the_name_and_remove_takes_a_nominee_out_everywhere() {
    let s = Scratch::base();
    let args = [
        "add",
        "hs",
        "--ten",
        "Lê Văn Bình",
        "--doi-tuong",
        "tuyen_dau",
        "--don-vi",
        "Công an xã",
    ];
    let o = s.run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    assert!(s.hs().join("bao-cao/le-van-binh.yaml").exists());
    assert!(s.read("to-trinh.yaml").contains("  - ma: le-van-binh\n"));
    // The same name again gets the next free id.
    let o = s.run(&args);
    assert!(
        all_output(&o).contains("le-van-binh-2"),
        "{}",
        all_output(&o)
    );
    // A wrong kind is answered with the kinds and what they mean.
    let o = s.run(&["add", "hs", "--ten", "X Y", "--doi-tuong", "bac_si"]);
    assert!(
        all_output(&o).contains("tuyen_dau (Lực lượng"),
        "{}",
        all_output(&o)
    );
    // remove (rm) takes the nominee out of the list, the votes and the reports.
    let tt = s.read("to-trinh.yaml");
    let o = s.run(&["rm", "hs", "--ma", "le-van-binh-2"]);
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    let o = s.run(&["remove", "hs", "--ma", "le-van-binh"]);
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    assert!(!s.hs().join("bao-cao/le-van-binh.yaml").exists());
    assert!(!s.read("to-trinh.yaml").contains("le-van-binh"));
    assert!(!s.read("bien-ban.yaml").contains("le-van-binh"));
    assert!(tt.contains("le-van-binh"));
    let (code, lines, _) = findings(&s);
    assert_eq!((code, lines), (0, Vec::<String>::new()));
}

#[test]
fn the_man_page_and_completions_cover_every_command_and_value() {
    let s = Scratch::base();
    let page = all_output(&s.run(&["man"]));
    for cmd in [
        "check", "pack", "verify", "explain", "init", "add", "remove", "fix",
    ] {
        assert!(page.contains(&format!(".SS \"dossier {cmd}\"")), "{cmd}");
    }
    assert!(page.contains("EXIT STATUS") && page.contains(".SH EXAMPLES"));
    assert!(
        !page.contains("check(1)"),
        "points to pages that do not exist"
    );
    let bash = all_output(&s.run(&["completions", "bash"]));
    for v in [
        "NG002",
        "VB004",
        "covid19-hoa-lu-2021",
        "giay_khen_chu_tich_xa",
        "tuyen_dau",
    ] {
        assert!(bash.contains(v), "{v}");
    }
}

/// The text of the cover list of the base dossier packed, by pdftotext; None without it.
fn cover_text(s: &Scratch) -> Option<(String, std::path::PathBuf)> {
    fs::create_dir_all(s.dir.path().join("out")).unwrap();
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "out"]);
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    let zip = fs::read_dir(s.dir.path().join("out"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut a = zip::ZipArchive::new(fs::File::open(&zip).unwrap()).unwrap();
    let mut pdf = Vec::new();
    std::io::Read::read_to_end(&mut a.by_name("DANH-MUC.pdf").unwrap(), &mut pdf).unwrap();
    let path = s.dir.path().join("cover.pdf");
    fs::write(&path, pdf).unwrap();
    let text = crate::util::pdftotext_args(&path, &[])?;
    Some((text, path))
}

#[test]
fn the_cover_list_goes_with_the_proposal_in_its_order_with_tagged_fonts() {
    let s = Scratch::base();
    let Some((text, pdf)) = cover_text(&s) else {
        return;
    };
    assert!(text.contains("Kèm theo Tờ trình số 45/TTr-UBND"), "{text}");
    assert!(!text.contains("Số: 45/TTr-UBND"), "{text}");
    let list = &text[text.find("II. DANH SÁCH").unwrap()..];
    let at = |n: &str| list.find(n).unwrap_or(usize::MAX);
    assert!(at("Nguyễn Thị Hằng") < at("Thôn Đông"), "{list}");
    assert!(at("Thôn Đông") < at("Phạm Văn Hòa"), "{list}");
    if let Ok(o) = std::process::Command::new("pdffonts").arg(&pdf).output() {
        let fonts = String::from_utf8_lossy(&o.stdout);
        for line in fonts.lines().skip(2) {
            assert!(
                line.as_bytes().get(6) == Some(&b'+'),
                "not tagged as a subset: {line}"
            );
        }
    }
}

#[test]
fn fix_renames_nfd_folders_and_files_to_nfc() {
    let s = Scratch::base();
    let nfd_dir = "dinh-kem/Quye\u{302}\u{301}t đi\u{323}nh";
    fs::create_dir_all(s.hs().join(nfd_dir)).unwrap();
    fs::rename(
        s.hs().join("dinh-kem/to-trinh.pdf"),
        s.hs().join(format!("{nfd_dir}/To\u{31b}\u{300} trình.pdf")),
    )
    .unwrap();
    s.edit(
        "to-trinh.yaml",
        "dinh_kem: dinh-kem/to-trinh.pdf",
        "dinh_kem: \"dinh-kem/Quyết định/Tờ trình.pdf\"",
    );
    let (code, lines, _) = findings(&s);
    assert_eq!(
        (code, lines),
        (0, vec!["VB001\tto-trinh.yaml:28:11".to_owned()])
    );
    let o = s.run(&["fix", "hs"]);
    assert_eq!(o.status.code(), Some(0), "{}", all_output(&o));
    assert!(s.hs().join("dinh-kem/Quyết định/Tờ trình.pdf").is_file());
    let (code, lines, _) = findings(&s);
    assert_eq!((code, lines), (0, Vec::<String>::new()));
}
