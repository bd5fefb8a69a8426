//! `dossier export`: the shipped examples as one sheet, read back with the import's own xlsx
//! reader, the same bytes twice, and never over a file without --force.

use std::fs;

use dossier::import::table;

use crate::util::{cell_text as text, dossier, repo, Scratch, TODAY};

#[test]
fn the_examples_export_as_one_sheet_with_each_dossiers_status() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds.xlsx");
    let examples = repo().join("examples");
    let run = |target: &std::path::Path, extra: &[&str]| {
        let mut args = vec![
            "export",
            examples.to_str().unwrap(),
            "--xlsx",
            target.to_str().unwrap(),
            "--today",
            TODAY,
        ];
        args.extend_from_slice(extra);
        dossier(tmp.path(), &args)
    };
    let o = run(&out, &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    let sheets = table::read(&out).unwrap().sheets;
    assert_eq!(sheets[0].name, "Danh sách");
    let rows: Vec<Vec<String>> = sheets[0]
        .grid(200, 30)
        .iter()
        .map(|r| r.iter().map(text).collect())
        .collect();
    let header = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "STT"))
        .unwrap();
    assert_eq!(rows[header][6], "Họ và tên / Tên tập thể");
    let data = &rows[header + 1..];
    let hang = data
        .iter()
        .find(|r| r[1] == "01-giay-khen-chuyen-de-truong-yen" && r[6] == "Nguyễn Thị Hằng")
        .unwrap();
    assert_eq!(hang[2], "Hợp lệ");
    assert_eq!(hang[12], "Cấp huyện");
    assert_eq!((hang[14].as_str(), hang[16].as_str()), ("8", "8"));
    let household = data.iter().find(|r| r[6] == "Hộ ông Đinh Văn Tâm").unwrap();
    assert_eq!(household[7], "Hộ gia đình");
    assert!(data
        .iter()
        .any(|r| r[1].starts_with("invalid/NG002") && r[2].starts_with("Có ")));

    // The same folder gives the same bytes; an existing file needs --force.
    let again = tmp.path().join("again.xlsx");
    assert_eq!(run(&again, &[]).status.code(), Some(0));
    assert!(fs::read(&out).unwrap() == fs::read(&again).unwrap());
    let o = run(&out, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_eq!(run(&out, &["--force"]).status.code(), Some(0));
}

#[test]
fn a_folder_named_as_the_sheet_is_said_to_be_a_folder_and_force_is_not_advised() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("ds.xlsx");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("keep.txt"), "giữ").unwrap();
    let one = repo().join("examples/01-giay-khen-chuyen-de-truong-yen");
    for (lang, words) in [("vi", "đây là thư mục"), ("en", "this is a folder")] {
        for force in [false, true] {
            let mut args = vec![
                "export",
                one.to_str().unwrap(),
                "--xlsx",
                folder.to_str().unwrap(),
                "--today",
                TODAY,
                "--lang",
                lang,
            ];
            if force {
                args.push("--force");
            }
            let o = dossier(tmp.path(), &args);
            let e = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{e}");
            assert!(e.contains(words), "{e}");
            assert!(!e.contains("--force"), "{e}");
        }
    }
    assert_eq!(fs::read_to_string(folder.join("keep.txt")).unwrap(), "giữ");
}

/// Every file under a folder, to show nothing was added.
fn listing(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.path().to_path_buf())
        .collect();
    v.sort();
    v
}

#[test]
fn the_sheet_is_never_written_into_a_dossier_folder_and_the_advice_works() {
    // The sheet holds personal data: inside the dossier (or its bao-cao/, or a folder still to
    // be made there, or another dossier) it is refused, from inside and from outside.
    let s = Scratch::example01();
    let (tmp, hs) = (&s.dir, s.hs());
    let other = tmp.path().join("khac");
    crate::util::copy_tree(
        &repo().join("examples/01-giay-khen-chuyen-de-truong-yen"),
        &other,
    );
    let before = listing(tmp.path());
    let cases: [(&std::path::Path, &[&str], &str); 5] = [
        (&hs, &[".", "--xlsx", "./ds.xlsx"], "../ds.xlsx"),
        (&hs, &[".", "--xlsx", "moi/ds.xlsx"], "../ds.xlsx"),
        (
            &hs.join("bao-cao"),
            &["..", "--xlsx", "ds.xlsx"],
            "../../ds.xlsx",
        ),
        (
            tmp.path(),
            &["hs", "--xlsx", "hs/dinh-kem/ds.xlsx"],
            "--xlsx ds.xlsx",
        ),
        (
            tmp.path(),
            &["hs", "--xlsx", "khac/ds.csv"],
            "--xlsx ds.xlsx",
        ),
    ];
    for (cwd, args, advice) in cases {
        for (lang, words) in [
            ("vi", "không ghi bảng tính vào trong thư mục hồ sơ"),
            ("en", "the workbook would go inside the dossier folder"),
        ] {
            let mut all = vec!["export"];
            all.extend_from_slice(args);
            all.extend_from_slice(&["--today", TODAY, "--lang", lang, "--force"]);
            let o = dossier(cwd, &all);
            let e = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
            assert!(e.contains(words), "{args:?}: {e}");
            assert!(e.contains(advice), "{args:?}: {e}");
            assert!(!e.contains('`'), "{e}");
        }
    }
    assert_eq!(listing(tmp.path()), before, "nothing may be written");

    // The advice, followed, writes the sheet beside the dossier.
    let o = dossier(
        &hs,
        &["export", ".", "--xlsx", "../ds.xlsx", "--today", TODAY],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(tmp.path().join("ds.xlsx").is_file());
}

#[test]
fn a_sheet_name_not_ending_in_xlsx_is_refused_with_the_name_to_write() {
    let tmp = tempfile::tempdir().unwrap();
    let one = repo().join("examples/01-giay-khen-chuyen-de-truong-yen");
    for (target, good) in [
        ("ds.csv", "--xlsx ds.xlsx"),
        ("ds", "--xlsx ds.xlsx"),
        ("ds.xls", "--xlsx ds.xlsx"),
    ] {
        for (lang, words) in [
            ("vi", "không có đuôi .xlsx"),
            ("en", "does not end in .xlsx"),
        ] {
            let o = dossier(
                tmp.path(),
                &[
                    "export",
                    one.to_str().unwrap(),
                    "--xlsx",
                    target,
                    "--today",
                    TODAY,
                    "--lang",
                    lang,
                ],
            );
            let e = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{e}");
            assert!(e.contains(words) && e.contains(good), "{e}");
            assert!(!tmp.path().join(target).exists());
        }
    }
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
    // Any case of the ending is Excel's.
    let o = dossier(
        tmp.path(),
        &[
            "export",
            one.to_str().unwrap(),
            "--xlsx",
            "DS.XLSX",
            "--today",
            TODAY,
            "--lang",
            "en",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "Wrote DS.XLSX: 6 rows from 1 dossier."
    );
}

#[test]
fn a_missing_folder_or_a_file_given_as_the_dossier_is_said_as_such() {
    let tmp = tempfile::tempdir().unwrap();
    let one = repo().join("examples/01-giay-khen-chuyen-de-truong-yen");
    let file = one.join("ho-so.yaml");
    let missing = tmp.path().join("khong-co");
    for (path, vi, en) in [
        (missing.as_path(), "không có thư mục", "there is no folder"),
        (
            file.as_path(),
            "là một tệp, không phải thư mục",
            "is a file, not a folder",
        ),
    ] {
        for (lang, words) in [("vi", vi), ("en", en)] {
            let o = dossier(
                tmp.path(),
                &[
                    "export",
                    path.to_str().unwrap(),
                    "--xlsx",
                    "ds.xlsx",
                    "--today",
                    TODAY,
                    "--lang",
                    lang,
                ],
            );
            let e = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{e}");
            assert!(e.contains(words), "{e}");
            assert!(
                !e.contains("không phải thư mục\n") || path == file.as_path(),
                "{e}"
            );
        }
    }
    assert!(!tmp.path().join("ds.xlsx").exists());
}

#[test]
fn a_folder_with_no_dossier_writes_no_empty_sheet() {
    let s = Scratch::example01();
    let tmp = &s.dir;
    fs::create_dir(tmp.path().join("trong")).unwrap();
    let cases = [
        (
            "trong",
            "thư mục \"trong\" không chứa hồ sơ nào",
            "the folder \"trong\" holds no dossier",
        ),
        (
            "hs/bao-cao",
            "\"hs/bao-cao\" là một thư mục bên trong hồ sơ hs",
            "Give the dossier folder: dossier export hs --xlsx",
        ),
    ];
    for (path, vi, en) in cases {
        for (lang, words) in [("vi", vi), ("en", en)] {
            let o = dossier(
                tmp.path(),
                &[
                    "--lang", lang, "export", path, "--xlsx", "ds.xlsx", "--today", TODAY,
                ],
            );
            let e = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{e}");
            assert!(e.contains(words), "{e}");
        }
    }
    assert!(!tmp.path().join("ds.xlsx").exists());
}

/// `dossier export .` run inside the dossier named the dossier "." on the sheet: its folder's
/// own name is written (#11).
#[test]
fn a_dossier_exported_from_inside_is_named_by_its_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let hs = tmp.path().join("ho-so-truong-yen");
    crate::util::copy_tree(
        &repo().join("examples/01-giay-khen-chuyen-de-truong-yen"),
        &hs,
    );
    let out = tmp.path().join("ds.xlsx");
    let o = dossier(
        &hs,
        &[
            "export",
            ".",
            "--xlsx",
            out.to_str().unwrap(),
            "--today",
            TODAY,
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let sheets = table::read(&out).unwrap().sheets;
    let named: Vec<String> = sheets[0]
        .grid(200, 30)
        .iter()
        .filter_map(|r| r.get(1).map(text))
        .collect();
    assert!(named.iter().any(|n| n == "ho-so-truong-yen"), "{named:?}");
    assert!(!named.iter().any(|n| n == "."), "{named:?}");
}

/// `--xlsx` pointing into the dossier wrote the sheet there, and with `--force` over the
/// proposal itself (`--xlsx hs/to-trinh.yaml`): refused, nothing written (#11).
#[test]
fn the_sheet_never_goes_inside_a_dossier_even_with_force() {
    let tmp = tempfile::tempdir().unwrap();
    let shared = tmp.path().join("chung");
    let hs = shared.join("truong-yen");
    crate::util::copy_tree(
        &repo().join("examples/01-giay-khen-chuyen-de-truong-yen"),
        &hs,
    );
    let proposal = fs::read(hs.join("to-trinh.yaml")).unwrap();
    for (lang, words) in [
        ("vi", "không ghi bảng tính vào trong thư mục hồ sơ"),
        ("en", "inside the dossier folder"),
    ] {
        for (path, target) in [
            (&hs, hs.join("to-trinh.yaml")),
            (&hs, hs.join("ds.xlsx")),
            (&hs, hs.join("moi/ds.xlsx")),
            (&shared, hs.join("dinh-kem/ds.xlsx")),
        ] {
            let o = dossier(
                tmp.path(),
                &[
                    "export",
                    path.to_str().unwrap(),
                    "--xlsx",
                    target.to_str().unwrap(),
                    "--force",
                    "--today",
                    TODAY,
                    "--lang",
                    lang,
                ],
            );
            let e = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{e}");
            assert!(e.contains(words), "{e}");
        }
    }
    assert_eq!(fs::read(hs.join("to-trinh.yaml")).unwrap(), proposal);
    assert!(!hs.join("ds.xlsx").exists());
    assert!(!hs.join("moi").exists());
    // Beside the dossiers, in the shared folder, is where the sheet belongs.
    let o = dossier(
        tmp.path(),
        &[
            "export",
            shared.to_str().unwrap(),
            "--xlsx",
            shared.join("ds.xlsx").to_str().unwrap(),
            "--today",
            TODAY,
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// `--xlsx ds.csv` wrote a workbook under a CSV name, and a folder with no dossier gave an
/// empty sheet and exit 0; a broken dossier was counted as none ("0 dòng từ 0 hồ sơ") (#11).
#[test]
fn a_sheet_needs_an_xlsx_name_and_a_folder_with_dossiers() {
    let tmp = tempfile::tempdir().unwrap();
    let one = repo().join("examples/01-giay-khen-chuyen-de-truong-yen");
    let one = one.to_str().unwrap();
    for name in ["ds.csv", "ds", "ds.xls"] {
        let o = dossier(
            tmp.path(),
            &["export", one, "--xlsx", name, "--today", TODAY],
        );
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{name}: {e}");
        assert!(e.contains("không có đuôi .xlsx"), "{e}");
        assert!(!tmp.path().join(name).exists());
    }
    let o = dossier(
        tmp.path(),
        &["export", one, "--xlsx", "DS.XLSX", "--today", TODAY],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    let empty = tmp.path().join("trong");
    fs::create_dir(&empty).unwrap();
    let o = dossier(
        tmp.path(),
        &["export", "trong", "--xlsx", "ds.xlsx", "--today", TODAY],
    );
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(e.contains("không chứa hồ sơ nào"), "{e}");
    assert!(!tmp.path().join("ds.xlsx").exists());

    // One dossier whose proposal is empty: one dossier, no rows, said in the singular.
    let hs = tmp.path().join("chung/hs");
    crate::util::copy_tree(
        &repo().join("examples/01-giay-khen-chuyen-de-truong-yen"),
        &hs,
    );
    fs::write(hs.join("to-trinh.yaml"), "").unwrap();
    let o = dossier(
        tmp.path(),
        &[
            "--lang", "en", "export", "chung", "--xlsx", "ds.xlsx", "--today", TODAY,
        ],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("0 rows from 1 dossier."), "{out}");
}

/// The sheet is as readable as any file the clerk saves in that folder (0666 less the umask):
/// tempfile's 0600 survived the rename, so a colleague on a shared folder could not open it.
#[cfg(unix)]
#[test]
fn the_sheet_is_readable_as_any_file_saved_there() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds.xlsx");
    let example = repo().join("examples/01-giay-khen-chuyen-de-truong-yen");
    let o = dossier(
        tmp.path(),
        &[
            "export",
            example.to_str().unwrap(),
            "--xlsx",
            out.to_str().unwrap(),
            "--today",
            TODAY,
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // A file made here with mode 0666, as an editor would, shows the umask of the test run.
    let probe = tmp.path().join("probe");
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .unwrap();
    let expected = fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
    let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode, expected,
        "the sheet's mode {mode:o}, a file saved there {expected:o}"
    );
}

/// The office's `.dossier.yaml` counts in the sheet as in `check` (#20): its status column
/// counted the findings before the office's `muc_do`, and said "Có 1 lỗi" of a dossier `check`
/// passed.
#[test]
fn the_sheets_status_follows_the_offices_settings_as_check_does() {
    let tmp = tempfile::tempdir().unwrap();
    let office = tmp.path().join("van-phong");
    crate::util::copy_tree(
        &repo().join("examples/invalid/NG002-minutes-after-proposal"),
        &office.join("hs"),
    );
    fs::write(
        office.join(".dossier.yaml"),
        "phien_ban: 1\nmuc_do:\n  NG002: off\n",
    )
    .unwrap();
    let check = dossier(&office, &["check", "hs", "--today", TODAY]);
    assert_eq!(check.status.code(), Some(0), "{check:?}");
    let out = tmp.path().join("ds.xlsx");
    let o = dossier(
        &office,
        &[
            "export",
            ".",
            "--xlsx",
            out.to_str().unwrap(),
            "--today",
            TODAY,
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let sheets = table::read(&out).unwrap().sheets;
    let rows: Vec<Vec<String>> = sheets[0]
        .grid(50, 30)
        .iter()
        .map(|r| r.iter().map(text).collect())
        .collect();
    let header = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "STT"))
        .unwrap();
    let data = &rows[header + 1..];
    assert!(!data.is_empty());
    for r in data.iter().filter(|r| !r[1].is_empty()) {
        assert!(r[2].starts_with("Hợp lệ"), "{r:?}");
    }
}
