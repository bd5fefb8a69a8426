//! Hostile xlsx files through `dossier import` (issue #17, item 6): each refused with exit 2,
//! naming the cell or the part, within a generous time (a guard against unbounded work, not a
//! speed target: the figures are in docs/performance.md), and the dossier left byte-identical.
//!
//! The files are made by `tests/fixtures/lists/hostile/hostile.py` (zipfile, and openpyxl
//! where a real writer matters), which `bench/bench_hostile.sh` times: the field's minimal
//! reproductions (`field/turn3/safety/repro_import_minimal.py`: a cell at XFD1048576, a
//! reference `ZZZZZZZZ2`, a shared string -1, a part twice) and variants of each kind.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::util::{repo, tree_bytes, Scratch};

/// Write the named cases of hostile.py into `dir`; false when python3 is missing outside CI.
fn generate(dir: &Path, names: &[&str]) -> bool {
    let script = repo().join("tests/fixtures/lists/hostile/hostile.py");
    let ok = std::process::Command::new("python3")
        .arg(script)
        .arg(dir)
        .args(names)
        .status()
        .is_ok_and(|st| st.success());
    assert!(
        ok || std::env::var("CI").is_err(),
        "python3 with openpyxl is needed in CI"
    );
    ok && names.iter().all(|n| dir.join(n).is_file())
}

/// Import `list` into a copy of example 01: exit code and everything said.
fn import(list: &Path, extra: &[&str]) -> (Option<i32>, String, bool) {
    let s = Scratch::example01();
    let before = tree_bytes(&s.hs());
    let mut args = vec!["import", "hs", "--danh-sach", list.to_str().unwrap()];
    args.extend_from_slice(extra);
    let start = Instant::now();
    let o = s.run(&args);
    let took = start.elapsed();
    assert!(
        took < Duration::from_secs(30),
        "{}: {took:?}",
        list.display()
    );
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.code(), said, tree_bytes(&s.hs()) == before)
}

/// Each case refused with exit 2, saying every one of its words, the dossier unchanged.
fn refused(cases: &[(&str, &[&str])]) {
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<&str> = cases.iter().map(|c| c.0).collect();
    if !generate(dir.path(), &names) {
        return;
    }
    for (name, words) in cases {
        let list: PathBuf = dir.path().join(name);
        let (code, said, same) = import(&list, &[]);
        assert_eq!(code, Some(2), "{name}: {said}");
        for w in *words {
            assert!(said.contains(w), "{name}: {w:?} not in {said}");
        }
        assert!(same, "{name}: the dossier changed");
    }
}

#[test]
fn a_place_beyond_a_sheet_is_refused_with_the_cell_as_written() {
    refused(&[
        (
            "dense-corner.xlsx",
            &["trang \"Danh sách\" có chữ ở ô Danh sách!XFD1048576, dưới hàng 20001"],
        ),
        (
            "openpyxl-far-cell.xlsx",
            &["Danh sách!XFD1048576", "dưới hàng 20001"],
        ),
        (
            "col-ZZZZZZZZ.xlsx",
            &["phần xl/worksheets/sheet1.xml", "ghi ô \"ZZZZZZZZ2\""],
        ),
        ("col-XFE.xlsx", &["ghi ô \"XFE2\""]),
        ("row-1048577.xlsx", &["ghi ô \"1048577\""]),
        ("row-r-20-digits.xlsx", &["ghi ô \"99999999999999999999\""]),
        ("merge-beyond.xlsx", &["ghi ô \"A1:XFE1048577\""]),
        ("col-max-beyond.xlsx", &["max=\"16385\""]),
        (
            "merge-overlap.xlsx",
            &["trang \"Danh sách\" gộp ô C5:E9 và D7:F12, hai vùng chồng lên nhau"],
        ),
    ]);
}

#[test]
fn a_far_cell_is_named_in_english_too() {
    let dir = tempfile::tempdir().unwrap();
    if !generate(dir.path(), &["dense-corner.xlsx", "crc-wrong.xlsx"]) {
        return;
    }
    let (code, said, same) = import(&dir.path().join("dense-corner.xlsx"), &["--lang", "en"]);
    assert_eq!(code, Some(2), "{said}");
    assert!(
        said.contains(
            "sheet \"Danh sách\" has something written at Danh sách!XFD1048576, below row 20001"
        ),
        "{said}"
    );
    assert!(same);
    let (code, said, same) = import(&dir.path().join("crc-wrong.xlsx"), &["--lang", "en"]);
    assert_eq!(code, Some(2), "{said}");
    assert!(
        said.contains("zip container is damaged or was altered (xl/worksheets/sheet1.xml): the part's bytes do not have the checksum (CRC)"),
        "{said}"
    );
    assert!(same);
}

/// 1,048,575 rows were read whole (20-35 s, 1-2 GB) before the list was refused: now at the
/// first cell below row 20,001.
#[test]
fn a_list_longer_than_a_dossier_is_refused_at_its_first_row_past_the_limit() {
    refused(&[(
        "rows-1048575.xlsx",
        &["có chữ ở ô Danh sách!A20002, dưới hàng 20001"],
    )]);
}

#[test]
fn an_index_outside_its_table_is_refused_with_the_cell() {
    refused(&[
        // Imported a nominee named "STT" (string 0).
        (
            "shared-index-neg.xlsx",
            &["ô Danh sách!B2 trỏ tới chuỗi số -1 nhưng bảng tính chỉ có 1 chuỗi"],
        ),
        (
            "shared-index-1e20.xlsx",
            &["ô Danh sách!B2 trỏ tới chuỗi số 100000000000000000000"],
        ),
        (
            "shared-index-past.xlsx",
            &["ô Danh sách!B2 trỏ tới chuỗi số 1 nhưng bảng tính chỉ có 1 chuỗi"],
        ),
        ("shared-index-frac.xlsx", &["ô Danh sách!B2 chứa \"0.5\""]),
        (
            "style-index-past.xlsx",
            &["ô Danh sách!A2 trỏ tới định dạng ô số 7 nhưng bảng tính chỉ có 2"],
        ),
        (
            "style-index-text.xlsx",
            &["ô Danh sách!B2 trỏ tới định dạng ô số 99"],
        ),
        ("numfmt-id-bad.xlsx", &["phần xl/styles.xml"]),
        (
            "numfmt-id-missing.xlsx",
            &["ô Danh sách!A2 hiển thị theo định dạng số 300"],
        ),
        ("rel-missing-strings.xlsx", &["phần xl/sharedStrings.xml"]),
        ("rel-missing-styles.xlsx", &["phần xl/styles.xml"]),
    ]);
}

#[test]
fn a_zip_read_two_ways_is_refused_naming_the_part() {
    let damaged = "tệp nén của bảng tính bị hỏng hoặc đã bị sửa";
    refused(&[
        // Imported the second of the two.
        (
            "dup-sheet.xlsx",
            &["bảng tính có hai phần cùng tên (xl/worksheets/sheet1.xml)"],
        ),
        (
            "dup-sheet-case.xlsx",
            &["hai phần cùng tên (XL/worksheets/sheet1.xml)"],
        ),
        (
            "name-backslash.xlsx",
            &[
                damaged,
                "(xl\\worksheets\\sheet1.xml)",
                "không phải tên phần",
            ],
        ),
        (
            "name-dotdot.xlsx",
            &["(xl/x/../worksheets/sheet1.xml)", "không phải tên phần"],
        ),
        (
            "crc-wrong.xlsx",
            &["(xl/worksheets/sheet1.xml)", "mã kiểm tra (CRC)"],
        ),
        (
            "crc-wrong-central.xlsx",
            &[
                "(xl/worksheets/sheet1.xml)",
                "phần đầu cục bộ",
                "mã kiểm tra CRC",
            ],
        ),
        (
            "size-past-end.xlsx",
            &["(xl/worksheets/sheet1.xml)", "vượt quá cuối tệp"],
        ),
        (
            "size-declared-small.xlsx",
            &["(xl/worksheets/sheet1.xml)", "giải nén ra nhiều byte hơn"],
        ),
        (
            "local-name-differs.xlsx",
            &["(xl/worksheets/sheet1.xml)", "(tên)"],
        ),
        // A forged sheet between the last part and the directory, which does not list it.
        (
            "gap-hidden-part.xlsx",
            &[damaged, "byte trước danh mục zip không thuộc phần nào"],
        ),
        (
            "local-method-differs.xlsx",
            &["(xl/worksheets/sheet1.xml)", "(cách nén)"],
        ),
    ]);
}

#[test]
fn a_cell_or_a_table_longer_than_any_list_is_refused() {
    refused(&[
        // A 1 MB name was written into to-trinh.yaml.
        (
            "long-name.xlsx",
            &["ô Danh sách!B2 có 1120000 ký tự", "tối đa 4096"],
        ),
        (
            "openpyxl-long-name.xlsx",
            &["ô Danh sách!B2 có 28000 ký tự"],
        ),
        (
            "strings-10M.xlsx",
            &["phần xl/sharedStrings.xml", "hơn 500000 chuỗi chữ"],
        ),
    ]);
}

/// What a file claims (a dimension to XFD1048576, spans, a column range to the last column, a
/// far merged area) costs nothing and is no reason to refuse.
#[test]
fn claims_are_not_costs() {
    let dir = tempfile::tempdir().unwrap();
    let names = ["claims-ok.xlsx", "zip64-ok.xlsx", "merges-400k.xlsx"];
    if !generate(dir.path(), &names) {
        return;
    }
    // The second: zip64 sizes for small parts, which some writers give (Python's zipfile
    // streaming, .NET's packaging), are the same sizes.
    for name in &names[..2] {
        let (code, said, _) = import(&dir.path().join(name), &[]);
        assert_eq!(code, Some(0), "{name}: {said}");
        assert!(said.contains("1 người"), "{name}: {said}");
    }
    // 400,000 merged areas and 16,000 header cells under a group cell: each cell asked for
    // its area through all of them (6 billion steps) before.
    let (code, said, same) = import(&dir.path().join("merges-400k.xlsx"), &[]);
    assert_ne!(code, Some(0), "{said}");
    assert!(same, "{said}");
}
