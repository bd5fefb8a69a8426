//! `dossier import`: the shipped sample list into a copy of example 01, a second import that
//! changes nothing, a dry run that writes nothing, and lists whose rows cannot be read.

use std::fs;

use crate::util::{repo, tree_bytes, Scratch};

#[test]
fn the_sample_list_imports_once_and_then_changes_nothing() {
    let s = Scratch::example01();
    let list = repo().join("examples/danh-sach-mau.xlsx");
    let list = list.to_str().unwrap();
    let before = tree_bytes(&s.hs());

    let o = s.run(&["import", "hs", "--danh-sach", list, "--dry-run"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(
        shown.contains("Dòng tiêu đề: dòng 5 của trang \"Danh sách\"; 9 người/tập thể."),
        "{shown}"
    );
    assert!(shown.contains("Cột bỏ qua: K \"Ghi chú\""), "{shown}");
    assert!(shown.contains("TCVN3") && shown.contains("VNI") && shown.contains("NFD"));
    assert!(shown.contains("+  - ma: le-van-binh"), "{shown}");
    assert_eq!(tree_bytes(&s.hs()), before, "a dry run writes nothing");

    let o = s.run(&["import", "hs", "--danh-sach", list]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let tt = s.read("to-trinh.yaml");
    for (ma, name) in [
        ("le-van-binh", "Lê Văn Bình"),
        ("nguyen-van-truong", "Nguyễn Văn Trường"),
        ("nguyen-van-tung", "Nguyễn Văn Tùng"),
    ] {
        assert!(tt.contains(&format!("- ma: {ma}")), "{tt}");
        assert!(tt.contains(&format!("ten: \"{name}\"")), "{tt}");
        let report = s.read(&format!("bao-cao/{ma}.yaml"));
        assert!(report.contains(&format!("ten: \"{name}\"")));
    }
    assert!(s
        .read("bao-cao/le-van-binh.yaml")
        .contains("ngay_sinh: 1979-02-01"));
    assert!(s
        .read("bao-cao/nguyen-van-tung.yaml")
        .contains("don_vi: \"Công an xã Trường Yên\""));
    // The six nominees already there keep their reports byte for byte.
    let after = tree_bytes(&s.hs());
    for (f, bytes) in &before {
        if f.starts_with("bao-cao/") {
            assert!(
                after.iter().any(|(g, b)| g == f && b == bytes),
                "{f} changed"
            );
        }
    }
    // What is left for the clerk is the new reports' placeholders, nothing else.
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    let rules = crate::util::rules_of(&json);
    assert_eq!(rules, vec!["HS015".to_owned()], "{json}");

    let o = s.run(&["import", "hs", "--danh-sach", list]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("không có gì thay đổi"));
    assert_eq!(
        tree_bytes(&s.hs()),
        after,
        "a second import changes nothing"
    );
}

#[test]
fn a_row_that_cannot_be_read_is_named_by_cell_and_nothing_is_written() {
    let s = Scratch::example01();
    let csv = "DANH SÁCH\n\nSTT;Họ và tên;Đơn vị;Đối tượng;Ngày sinh;Giới tính\n\
               1;Lê Văn Bình;Thôn Đông;Tình nguyện viên;31/02/1980;Nam\n\
               2;Trần Thị Cúc;Thôn Đông;Phi công vũ trụ;01/01/1980;Nữ\n\
               3;Đỗ Văn Đức;Thôn Đông;Người dân;01/01/1980;khác\n";
    fs::write(s.dir.path().join("ds.csv"), csv).unwrap();
    let before = tree_bytes(&s.hs());
    let o = s.run(&["import", "hs", "--danh-sach", "ds.csv"]);
    assert_eq!(o.status.code(), Some(1));
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(
        shown.contains("ds.csv!E4: lỗi: ngày sinh \"31/02/1980\""),
        "{shown}"
    );
    assert!(
        shown.contains("ds.csv!D5: lỗi: đối tượng \"Phi công vũ trụ\""),
        "{shown}"
    );
    assert!(
        shown.contains("ds.csv!F6: lỗi: giới tính \"khác\""),
        "{shown}"
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("Chưa ghi gì"));
    assert_eq!(tree_bytes(&s.hs()), before);

    let o = s.run(&["--lang", "en", "import", "hs", "--danh-sach", "ds.csv"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("ds.csv!E4: error: birth date"));
}

#[test]
fn ids_are_unique_and_a_report_with_content_is_never_overwritten() {
    let s = Scratch::example01();
    // A report named like the new nominee, which the list does not know.
    let existing = s
        .read("bao-cao/le-thu-trang.yaml")
        .replace("le-thu-trang", "le-van-binh");
    s.write("bao-cao/le-van-binh.yaml", &existing);
    fs::write(
        s.dir.path().join("ds.csv"),
        "Họ và tên,Đơn vị,Đối tượng\nLê Văn Bình,Thôn Đông,Tình nguyện viên\n",
    )
    .unwrap();
    let o = s.run(&["import", "hs", "--danh-sach", "ds.csv"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_eq!(s.read("bao-cao/le-van-binh.yaml"), existing);
    assert!(s.read("to-trinh.yaml").contains("- ma: le-van-binh-2"));
    assert!(s.dir.path().join("hs/bao-cao/le-van-binh-2.yaml").exists());
}

#[test]
fn a_list_without_a_header_row_is_refused() {
    let s = Scratch::example01();
    fs::write(s.dir.path().join("ds.csv"), "a,b\n1,2\n").unwrap();
    let o = s.run(&["import", "hs", "--danh-sach", "ds.csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("không tìm thấy dòng tiêu đề"));
    let o = s.run(&["import", "hs", "--danh-sach", "missing.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_sample_list_reads_the_same_as_ods_and_xls() {
    let s = Scratch::example01();
    let list = repo().join("examples/danh-sach-mau.xlsx");
    let o = s.run(&[
        "import",
        "hs",
        "--danh-sach",
        list.to_str().unwrap(),
        "--dry-run",
    ]);
    let xlsx = String::from_utf8_lossy(&o.stdout).into_owned();
    let header = xlsx.lines().take(3).collect::<Vec<_>>().join("\n");
    if std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_err()
    {
        return;
    }
    let profile = s.dir.path().join("lo-profile");
    for ext in ["ods", "xls"] {
        let o = std::process::Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", ext, "--outdir"])
            .arg(s.dir.path())
            .arg(&list)
            .output()
            .unwrap();
        assert!(o.status.success(), "{o:?}");
        let converted = s.dir.path().join(format!("danh-sach-mau.{ext}"));
        if !converted.exists() {
            // LibreOffice without Calc (libreoffice-calc-nogui) converts no spreadsheet.
            return;
        }
        let o = s.run(&[
            "import",
            "hs",
            "--danh-sach",
            converted.to_str().unwrap(),
            "--dry-run",
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{ext}: {}",
            String::from_utf8_lossy(&o.stdout)
        );
        let shown = String::from_utf8_lossy(&o.stdout);
        assert!(
            shown.starts_with(&header),
            "{ext}:\n{shown}\nxlsx:\n{header}"
        );
        assert!(shown.contains("+  - ma: nguyen-van-tung"), "{ext}: {shown}");
    }
}

#[test]
fn a_new_dossier_from_init_takes_the_list_in_place_of_its_example() {
    let tmp = tempfile::tempdir().unwrap();
    let s = Scratch { dir: tmp };
    let o = s.run(&[
        "init",
        "hs",
        "--phong-trao",
        "covid19-hoa-lu-2021",
        "--hinh-thuc",
        "giay_khen_chu_tich_huyen",
        "--loai-khen",
        "chuyen_de",
        "--today",
        "2021-12-20",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let example = s.hs().join("bao-cao/vi-du-ca-nhan.yaml");
    assert!(example.exists());
    let list = repo().join("examples/danh-sach-mau.xlsx");
    let o = s.run(&["import", "hs", "--danh-sach", list.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(!example.exists(), "the untouched example report is removed");
    let tt = s.read("to-trinh.yaml");
    assert!(
        !tt.contains("- ma: vi-du-ca-nhan") && tt.contains("- ma: nguyen-van-tung"),
        "{tt}"
    );
    assert!(!s.read("bien-ban.yaml").contains("ma: vi-du-ca-nhan"));
    assert_eq!(fs::read_dir(s.hs().join("bao-cao")).unwrap().count(), 9);
    let o = s.run(&["import", "hs", "--danh-sach", list.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("không có gì thay đổi"));
}

#[test]
fn hostile_lists_are_refused_without_a_panic() {
    let s = Scratch::example01();
    let before = tree_bytes(&s.hs());
    let noise: Vec<u8> = (0..4000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    fs::write(s.dir.path().join("noise.xlsx"), &noise).unwrap();
    fs::write(s.dir.path().join("noise.csv"), &noise).unwrap();
    fs::write(s.dir.path().join("list.pdf"), b"%PDF-1.4").unwrap();
    for f in ["noise.xlsx", "noise.csv", "list.pdf"] {
        let o = s.run(&["import", "hs", "--danh-sach", f]);
        assert_eq!(o.status.code(), Some(2), "{f}");
        assert!(String::from_utf8_lossy(&o.stderr).starts_with("lỗi: không đọc được danh sách"));
    }
    // UTF-16 with a byte-order mark, tab-separated: Excel's "Unicode text".
    let mut bytes = vec![0xFF, 0xFE];
    for u in
        "Họ và tên\tĐơn vị\tĐối tượng\nLê Văn Bình\tThôn Đông\tTình nguyện viên\n".encode_utf16()
    {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    fs::write(s.dir.path().join("unicode.txt"), bytes).unwrap();
    let o = s.run(&["import", "hs", "--danh-sach", "unicode.txt", "--dry-run"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("+  - ma: le-van-binh"));
    assert_eq!(tree_bytes(&s.hs()), before);
}

#[test]
fn a_changed_detail_updates_the_list_and_names_the_report_to_fix() {
    let s = Scratch::base();
    fs::write(
        s.dir.path().join("ds.csv"),
        "Họ và tên;Chức vụ;Đơn vị;Đối tượng\n\
         Phạm Văn Hoà;Nông dân;Thôn Đông, xã Trường Yên;Người dân\n\
         Nguyễn Thị Hằng;Y sĩ đa khoa;Trạm Y tế xã Trường Yên;Lực lượng tuyến đầu\n",
    )
    .unwrap();
    let report = s.read("bao-cao/nguyen-thi-hang.yaml");
    let o = s.run(&["import", "hs", "--danh-sach", "ds.csv"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(
        shown.contains("ds.csv!A3: ghi chú: đã cập nhật chuc_vu của \"Nguyễn Thị Hằng\"")
            && shown.contains("bao-cao/nguyen-thi-hang.yaml"),
        "{shown}"
    );
    let tt = s.read("to-trinh.yaml");
    assert!(tt.contains("chuc_vu: \"Y sĩ đa khoa\""), "{tt}");
    // The other tone placement of the same name keeps the dossier's spelling.
    assert!(
        tt.contains("ten: \"Phạm Văn Hòa\"") && !tt.contains("Hoà"),
        "{tt}"
    );
    assert_eq!(s.read("bao-cao/nguyen-thi-hang.yaml"), report);
}

#[test]
fn a_name_written_in_capitals_is_the_same_person() {
    // Spreadsheets often hold a name in capitals beside the same name written normally: one
    // person listed twice, not two people with ids -2 and -3.
    let s = Scratch::base();
    fs::write(
        s.dir.path().join("ds.csv"),
        "STT,Họ và tên,Cá nhân/Tập thể,Chức vụ,Đơn vị,Đối tượng\n\
         1,LÊ VĂN BÌNH,Cá nhân,Y sĩ,Trạm Y tế,Lực lượng tuyến đầu\n\
         2,Lê Văn Bình,Cá nhân,Y sĩ,Trạm Y tế,Lực lượng tuyến đầu\n",
    )
    .unwrap();
    let before = tree_bytes(&s.hs());
    let o = s.run(&["import", "hs", "--danh-sach", "ds.csv"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let err = String::from_utf8_lossy(&o.stderr).into_owned() + &String::from_utf8_lossy(&o.stdout);
    assert!(
        // The row by its number: the place before the message already names the sheet (#11).
        err.contains("ds.csv!B3") && err.contains("đã có ở dòng 2\n"),
        "{err}"
    );
    assert_eq!(tree_bytes(&s.hs()), before);
}

#[test]
fn a_spreadsheet_that_would_inflate_beyond_any_list_is_refused_unread() {
    // A zip named .xlsx whose directory declares a 3 GiB part: refused from the directory,
    // before anything is inflated, with nothing written.
    let s = Scratch::base();
    let path = s.dir.path().join("bom.xlsx");
    {
        let mut w = zip::ZipWriter::new(fs::File::create(&path).unwrap());
        w.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut w, b"<workbook/>").unwrap();
        w.finish().unwrap();
    }
    let mut bytes = fs::read(&path).unwrap();
    let eocd = bytes
        .windows(4)
        .rposition(|w| w == [0x50, 0x4b, 0x05, 0x06])
        .unwrap();
    let cd = u32::from_le_bytes(bytes[eocd + 16..eocd + 20].try_into().unwrap()) as usize;
    bytes[cd + 24..cd + 28].copy_from_slice(&0xC000_0000u32.to_le_bytes());
    fs::write(&path, &bytes).unwrap();
    let before = tree_bytes(&s.hs());
    let o = s.run(&["import", "hs", "--danh-sach", "bom.xlsx"]);
    assert_ne!(o.status.code(), Some(0), "{o:?}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("khi giải nén"), "{err}");
    assert_eq!(tree_bytes(&s.hs()), before);
}

#[test]
fn a_listed_name_in_capitals_keeps_the_dossiers_spelling() {
    // The list holds the name in capitals; the dossier (and its report) spell it normally: the
    // import must not turn a passing dossier into one whose list and report disagree (DS006).
    let s = Scratch::base();
    fs::write(
        s.dir.path().join("ds.csv"),
        "STT,Họ và tên,Cá nhân/Tập thể,Chức vụ,Đơn vị,Đối tượng\n\
         1,NGUYỄN THỊ HẰNG,Cá nhân,Y sĩ,Trạm Y tế xã Trường Yên,Lực lượng tuyến đầu\n",
    )
    .unwrap();
    let _ = s.run(&["import", "hs", "--danh-sach", "ds.csv"]);
    assert!(s.read("to-trinh.yaml").contains("ten: \"Nguyễn Thị Hằng\""));
    assert!(!s.read("to-trinh.yaml").contains("NGUYỄN"));
    let (_, json) = s.check_json(&[]);
    assert!(
        !crate::util::rules_of(&json).contains(&"DS006".to_owned()),
        "{json}"
    );
}

#[test]
fn a_list_that_cannot_be_opened_is_said_in_words_once_in_either_language() {
    let s = Scratch::example01();
    let before = tree_bytes(&s.hs());
    // Missing: the OS's English ("No such file or directory (os error 2)") never shows, and
    // "không đọc được" is said once.
    let o = s.run(&["import", "hs", "--danh-sach", "missing.xlsx"]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(e.contains("không có tệp hoặc thư mục này"), "{e}");
    assert_eq!(e.matches("không đọc được").count(), 1, "{e}");
    let o = s.run(&["import", "hs", "--danh-sach", "missing.csv", "--lang", "en"]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("no such file or folder"), "{e}");
    assert!(!e.contains("os error"), "{e}");
    // A folder given as the list is named a folder, not "an unknown file type".
    fs::create_dir(s.dir.path().join("ds.xlsx")).unwrap();
    for (lang, words) in [("vi", "đây là thư mục"), ("en", "this is a folder")] {
        let o = s.run(&["import", "hs", "--danh-sach", "ds.xlsx", "--lang", lang]);
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{e}");
        assert!(e.contains(words), "{e}");
    }
    assert_eq!(tree_bytes(&s.hs()), before);
}

#[test]
fn an_empty_list_is_said_to_be_empty_not_headerless() {
    let s = Scratch::example01();
    fs::write(s.dir.path().join("empty.csv"), "").unwrap();
    fs::write(s.dir.path().join("blank.csv"), ",,\n , ,\n").unwrap();
    for f in ["empty.csv", "blank.csv"] {
        let o = s.run(&["import", "hs", "--danh-sach", f]);
        let shown = String::from_utf8_lossy(&o.stdout);
        assert_eq!(o.status.code(), Some(1), "{shown}");
        assert!(shown.contains("danh sách trống"), "{shown}");
        assert!(!shown.contains("dòng tiêu đề"), "{shown}");
    }
}

/// What comes after the problems says what to correct: no "cells above" when the trouble is the
/// file itself (empty, no header row), cells when they are (#11).
#[test]
fn the_closing_advice_fits_the_trouble() {
    let s = Scratch::example01();
    fs::write(s.dir.path().join("empty.csv"), "").unwrap();
    fs::write(s.dir.path().join("ds.csv"), "a,b\n1,2\n").unwrap();
    fs::write(
        s.dir.path().join("sai.csv"),
        "Họ và tên,Đơn vị,Đối tượng,Giới tính\nLê Văn Bình,Thôn Tây,nguoi_dan,Không rõ\n",
    )
    .unwrap();
    let before = tree_bytes(&s.hs());
    for (f, vi, en) in [
        (
            "empty.csv",
            "Chưa ghi gì vào hồ sơ: sửa tệp danh sách như nêu trên (hoặc chọn đúng tệp) rồi chạy lại.",
            "Nothing was written: correct the list file as said above (or give the right file) and run again.",
        ),
        (
            "ds.csv",
            "Chưa ghi gì vào hồ sơ: sửa tệp danh sách như nêu trên (hoặc chọn đúng tệp) rồi chạy lại.",
            "Nothing was written: correct the list file as said above (or give the right file) and run again.",
        ),
        (
            "sai.csv",
            "Chưa ghi gì vào hồ sơ: sửa các ô nêu trên trong danh sách rồi chạy lại.",
            "Nothing was written: correct the cells above in the list and run again.",
        ),
    ] {
        let o = s.run(&["import", "hs", "--danh-sach", f]);
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{f}: {e}");
        assert!(e.contains(vi), "{f}: {e}");
        let o = s.run(&["--lang", "en", "import", "hs", "--danh-sach", f]);
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(e.contains(en), "{f}: {e}");
    }
    assert_eq!(tree_bytes(&s.hs()), before);
}

/// The header row is said in words, a CSV's as a row of the file; English counts one nominee
/// as "1 nominee" (#11).
#[test]
fn the_header_row_is_said_in_words_and_counted_in_english() {
    let s = Scratch::example01();
    fs::write(
        s.dir.path().join("mot.csv"),
        "Họ và tên,Đơn vị,Đối tượng\nLê Văn Bình,Thôn Tây,nguoi_dan\n",
    )
    .unwrap();
    let o = s.run(&["import", "hs", "--danh-sach", "mot.csv", "--dry-run"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        out.contains("Dòng tiêu đề: dòng 1 của tệp mot.csv; 1 người/tập thể."),
        "{out}"
    );
    assert!(!out.contains("mot.csv!1"), "{out}");
    let o = s.run(&[
        "--lang",
        "en",
        "import",
        "hs",
        "--danh-sach",
        "mot.csv",
        "--dry-run",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Header: row 1 of mot.csv; 1 nominee."),
        "{out}"
    );
    let list = repo().join("examples/danh-sach-mau.xlsx");
    let o = s.run(&[
        "--lang",
        "en",
        "import",
        "hs",
        "--danh-sach",
        list.to_str().unwrap(),
        "--dry-run",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Header: row 5 of sheet \"Danh sách\"; 9 nominees."),
        "{out}"
    );
    // What each column was read as is said in English; the headers are the list's own words.
    assert!(
        out.contains("B \"Họ và tên / Tên tập thể\" → name; "),
        "{out}"
    );
    assert!(out.contains("→ votes in favour;"), "{out}");
}

/// A list kept inside the dossier folder is named: it holds personal data, and the next check
/// would call it a stray file (#11).
#[test]
fn a_list_inside_the_dossier_folder_is_named() {
    let s = Scratch::example01();
    fs::copy(
        repo().join("examples/danh-sach-mau.xlsx"),
        s.hs().join("ds.xlsx"),
    )
    .unwrap();
    let o = s.run(&["import", "hs", "--danh-sach", "hs/ds.xlsx", "--dry-run"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains("hs/ds.xlsx: ghi chú: tệp danh sách nằm trong thư mục hồ sơ"),
        "{out}"
    );
    assert!(out.contains("chuyển tệp ra ngoài thư mục hồ sơ"), "{out}");
    let o = s.run(&[
        "--lang",
        "en",
        "import",
        "hs",
        "--danh-sach",
        "hs/ds.xlsx",
        "--dry-run",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("move it out of the dossier folder"), "{out}");
    // Outside the folder nothing is said.
    fs::rename(s.hs().join("ds.xlsx"), s.dir.path().join("ds.xlsx")).unwrap();
    let o = s.run(&["import", "hs", "--danh-sach", "ds.xlsx", "--dry-run"]);
    assert!(!String::from_utf8_lossy(&o.stdout).contains("nằm trong thư mục hồ sơ"));
}

/// A name cell pasted from a web page or a terminal: a zero-width space, a Cyrillic look-alike,
/// a colour sequence and a title sequence. The dossier gets the name as it reads, and the id
/// made from it carries none of it (it became `le-van-31mbinh`, with the escape byte in the
/// name) (#11).
#[test]
fn hidden_and_control_characters_of_a_cell_stay_out_of_the_dossier() {
    let s = Scratch::example01();
    fs::write(
        s.dir.path().join("ds.csv"),
        "Họ và tên,Đơn vị,Đối tượng\nLê Văn \u{1b}[1;31mBì\u{200b}nh\u{1b}]0;x\u{7} Тuấn,Thôn Đông,Tình nguyện viên\n",
    )
    .unwrap();
    let o = s.run(&["import", "hs", "--danh-sach", "ds.csv"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let list = fs::read_to_string(s.hs().join("to-trinh.yaml")).unwrap();
    assert!(list.contains("  - ma: le-van-binh-tuan\n"), "{list}");
    assert!(list.contains("    ten: \"Lê Văn Bình Tuấn\"\n"), "{list}");
    assert!(s.hs().join("bao-cao/le-van-binh-tuan.yaml").is_file());
}

/// A list without an STT column: a row with its unit, kind and votes but no name was dropped
/// without a word, and the nominee was lost. It is an error at its cell; a signature line under
/// the table (one cell) is still not a row (#11).
#[test]
fn a_row_with_details_but_no_name_is_named_even_without_a_number_column() {
    let s = Scratch::example01();
    let before = tree_bytes(&s.hs());
    fs::write(
        s.dir.path().join("ds.csv"),
        "Họ và tên,Đơn vị,Đối tượng,Tán thành\nLê Văn Bình,Thôn Đông,Tình nguyện viên,8\n,Thôn Tây,Tình nguyện viên,8\n,,,\n,NGƯỜI LẬP BIỂU,,\n",
    )
    .unwrap();
    let o = s.run(&["import", "hs", "--danh-sach", "ds.csv"]);
    let shown = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{shown}");
    assert!(
        shown.contains("ds.csv!A3: lỗi: dòng có số liệu nhưng thiếu họ và tên"),
        "{shown}"
    );
    assert_eq!(shown.matches("thiếu họ và tên").count(), 1, "{shown}");
    assert_eq!(tree_bytes(&s.hs()), before);
}

/// One cell typed in an old encoding read "1 cells of column B (the first here)" in English and
/// "1 ô của cột B (ô đầu tiên ở đây)" in Vietnamese: one cell is said as one cell (#11).
#[test]
fn one_cell_in_an_old_encoding_is_said_as_one_cell() {
    let s = Scratch::example01();
    let list = repo().join("examples/danh-sach-mau.xlsx");
    let list = list.to_str().unwrap();
    let o = s.run(&["import", "hs", "--danh-sach", list, "--dry-run"]);
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(
        shown.contains("Danh sách!B15: ghi chú: ô này gõ bằng bảng mã TCVN3"),
        "{shown}"
    );
    assert!(
        !shown.contains("1 ô của cột B (ô đầu tiên ở đây)"),
        "{shown}"
    );
    let o = s.run(&[
        "--lang",
        "en",
        "import",
        "hs",
        "--danh-sach",
        list,
        "--dry-run",
    ]);
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(shown.contains("this cell was typed in VNI"), "{shown}");
    assert!(
        shown.contains("1 cell of column B was in decomposed"),
        "{shown}"
    );
    assert!(!shown.contains("1 cells"), "{shown}");
}

/// A list far beyond any dossier (10,000 rows) was refused as "the rest of the file would
/// change ... edit it by hand": it is now named as too long for one dossier, with nothing
/// written (#11).
#[test]
fn a_list_too_long_for_one_dossier_is_said_to_be_too_long() {
    let s = Scratch::example01();
    let mut csv = String::from("STT,Họ và tên,Đối tượng,Đơn vị\n");
    for i in 0..10_000 {
        csv.push_str(&format!(
            "{},Nguyễn Văn Số {i},tuyen_dau,Thôn Đông\n",
            i + 1
        ));
    }
    fs::write(s.dir.path().join("dai.csv"), csv).unwrap();
    let before = tree_bytes(&s.hs());
    let o = s.run(&["import", "hs", "--danh-sach", "dai.csv"]);
    let shown = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        shown.contains("tệp to-trinh.yaml sẽ quá lớn để lệnh check đọc được"),
        "{shown}"
    );
    assert!(
        shown.contains("hãy chia danh sách thành nhiều hồ sơ"),
        "{shown}"
    );
    assert!(!String::from_utf8_lossy(&o.stderr).contains("sửa tệp bằng tay"));
    assert_eq!(tree_bytes(&s.hs()), before);
}

/// One cell holding megabytes (a document pasted into the name) was said to be "a list too long
/// for one dossier": the cell is named instead (#11); since #17 the reader refuses it (exit 2)
/// past 4,096 characters, before it is held.
#[test]
fn one_huge_cell_is_named_not_the_lists_length() {
    let s = Scratch::example01();
    let csv = format!(
        "STT,Họ và tên,Đối tượng,Đơn vị\n1,Lê Văn Bình,tuyen_dau,{}\n",
        "Thôn Đông ".repeat(500_000)
    );
    fs::write(s.dir.path().join("o.csv"), csv).unwrap();
    let before = tree_bytes(&s.hs());
    let o = s.run(&["import", "hs", "--danh-sach", "o.csv"]);
    let shown = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{shown}");
    assert!(shown.contains("ô o.csv!D2 có hơn 4096 ký tự"), "{shown}");
    assert!(!shown.contains("chia danh sách"));
    assert_eq!(tree_bytes(&s.hs()), before);
}
