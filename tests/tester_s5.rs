//! What a new clerk met trying `dossier import` on lists made the way offices make them
//! (session 5's tester, issue #16). Lists in `tests/fixtures/lists/tester_s5/`, made by its
//! `gen.py` with xlwt and odfpy.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{repo, tree_bytes, Scratch};

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/lists/tester_s5").join(name)
}

/// A formula without a result is named as the formula bar shows it, `=8-E2`, not as xls
/// (`==8-E2`) or ods (`=of:=8-[.E2]`) store it; the dossier is left as it was.
#[test]
fn a_formula_without_a_result_is_named_as_the_clerk_sees_it() {
    for (file, lang, want) in [
        (
            "formula-no-value.xls",
            "vi",
            "công thức chưa có kết quả (=8-E2)",
        ),
        (
            "formula-no-value.ods",
            "vi",
            "công thức chưa có kết quả (=8-E2)",
        ),
        (
            "formula-no-value.xls",
            "en",
            "a formula without a result (=8-E2)",
        ),
        (
            "formula-no-value.ods",
            "en",
            "a formula without a result (=8-E2)",
        ),
    ] {
        let s = Scratch::example01();
        let before = tree_bytes(&s.hs());
        let list = fixture(file);
        let o = s.run(&[
            "import",
            "hs",
            "--danh-sach",
            list.to_str().unwrap(),
            "--lang",
            lang,
        ]);
        let out = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(o.status.code(), Some(1), "{file}: {out}");
        assert!(out.contains("DS!F2: "), "{file}: {out}");
        assert!(out.contains(want), "{file} {lang}: {out}");
        assert_eq!(tree_bytes(&s.hs()), before, "{file}: the dossier changed");
    }
}

/// A unit typed in Unicode with its last words pasted from a TCVN3 document ("Công an xã
/// Tr­êng Yªn"): `fix` keeps the Unicode "xã" (TCVN3 would make it "xó") and `check` then
/// finds the unit equal to the proposal's.
#[test]
fn fix_keeps_a_unicode_word_before_a_pasted_tcvn3_run() {
    let s = Scratch::example01();
    s.edit(
        "bao-cao/hoang-van-dung.yaml",
        "don_vi: \"Công an xã Trường Yên\"",
        "don_vi: \"Công an xã Tr\u{ad}êng Yªn\"",
    );
    let o = s.run(&["check", "hs"]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(out.contains("có lẽ là: \"Công an xã Trường Yên\""), "{out}");
    let o = s.run(&["fix", "hs"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(s
        .read("bao-cao/hoang-van-dung.yaml")
        .contains("don_vi: \"Công an xã Trường Yên\""));
    let o = s.run(&["check", "hs"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

/// A birth year typed into a cell formatted as a date shows as a day of 1905: refused with the
/// year named and the General format advised; a year shown as "1,990" is refused with the same
/// advice, never "format the cell as a date", which would turn it into 1905. Nothing written.
#[test]
fn a_year_in_a_date_or_number_format_is_refused_with_advice_that_keeps_it_a_year() {
    let s = Scratch::example01();
    let before = tree_bytes(&s.hs());
    let list = fixture("year-in-date-cell.xlsx");
    for (lang, c2, c3) in [
        (
            "vi",
            "DS!C2: lỗi: ô hiện ngày 07/06/1905: có lẽ năm sinh 1985",
            "DS!C3: lỗi: năm sinh 1990 được hiện theo một định dạng số",
        ),
        (
            "en",
            "DS!C2: error: the cell shows the day 07/06/1905: the birth year 1985",
            "DS!C3: error: the birth year 1990 is shown through a number format",
        ),
    ] {
        let o = s.run(&[
            "import",
            "hs",
            "--danh-sach",
            list.to_str().unwrap(),
            "--lang",
            lang,
        ]);
        let out = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(o.status.code(), Some(1), "{out}");
        assert!(out.contains(c2), "{out}");
        assert!(out.contains(c3), "{out}");
        assert!(!out.contains("Format Cells > Date"), "{out}");
        assert_eq!(tree_bytes(&s.hs()), before);
    }
}

/// A birth year typed in two digits (85) is refused with the advice to write four, never
/// "format the cell as a date", which would show 25/03/1900 and be read as that day.
#[test]
fn a_two_digit_year_is_advised_four_digits_not_a_date_format() {
    let s = Scratch::example01();
    let before = tree_bytes(&s.hs());
    let list = fixture("two-digit-year.xlsx");
    let o = s.run(&["import", "hs", "--danh-sach", list.to_str().unwrap()]);
    let out = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("DS!C2: lỗi: số 85 trong cột ngày sinh không phải ngày hay năm sinh: ghi năm sinh đủ bốn chữ số"),
        "{out}"
    );
    assert!(!out.contains("Format Cells > Date"), "{out}");
    assert_eq!(tree_bytes(&s.hs()), before);
}

/// A row with only a name (a nominee added at the bottom, number and details not typed yet) is
/// not read, but said with its cell: Excel shows it, and it was dropped without a word.
#[test]
fn a_row_with_only_a_name_is_said_when_skipped() {
    let s = Scratch::example01();
    let list = fixture("name-only-row.xlsx");
    for (lang, want) in [
        (
            "vi",
            "DS!B3: ghi chú: dòng chỉ có \"Trần Thị Bình\", không có số thứ tự hay số liệu: bỏ qua",
        ),
        (
            "en",
            "DS!B3: note: the row holds only \"Trần Thị Bình\", no number and no data: skipped",
        ),
    ] {
        let o = s.run(&[
            "import",
            "hs",
            "--danh-sach",
            list.to_str().unwrap(),
            "--dry-run",
            "--lang",
            lang,
        ]);
        let out = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(o.status.code(), Some(0), "{out}");
        assert!(out.contains(want), "{out}");
    }
}

/// A row whose type cell contradicts its group row, and a person (with a position) under the
/// collectives' group row, are refused with the cell: they were read as collectives and the
/// position dropped without a word. Nothing written.
#[test]
fn a_person_among_collectives_is_refused_not_stripped() {
    let s = Scratch::example01();
    let before = tree_bytes(&s.hs());
    let list = fixture("group-disagrees.xlsx");
    let o = s.run(&["import", "hs", "--danh-sach", list.to_str().unwrap()]);
    let out = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("DS!C3: lỗi: ô ghi \"Tập thể\" nhưng dòng nằm dưới dòng nhóm CÁ NHÂN"),
        "{out}"
    );
    assert!(
        out.contains("DS!D5: lỗi: \"Trần Thị Bình\" được đọc là tập thể nhưng dòng có chức vụ"),
        "{out}"
    );
    assert_eq!(tree_bytes(&s.hs()), before);
}

/// Run `dossier ARGS` in `dir` with the standard output and error in one file, as a terminal
/// shows them.
fn interleaved(dir: &Path, args: &[&str]) -> String {
    let path = dir.join("both.txt");
    let file = fs::File::create(&path).unwrap();
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("dossier"))
        .current_dir(dir)
        .args(args)
        .stdout(file.try_clone().unwrap())
        .stderr(file)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    fs::read_to_string(path).unwrap()
}

/// "Correct the cells above" comes after the cells, as the clerk reads her terminal.
#[test]
fn the_refusal_comes_after_the_cells_it_points_to() {
    let s = Scratch::example01();
    let list = fixture("formula-no-value.xls");
    let text = interleaved(
        s.dir.path(),
        &["import", "hs", "--danh-sach", list.to_str().unwrap()],
    );
    let cell = text.find("DS!F2: lỗi").unwrap_or_else(|| panic!("{text}"));
    let end = text
        .find("Chưa ghi gì vào hồ sơ: sửa các ô nêu trên")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(cell < end, "{text}");
}
