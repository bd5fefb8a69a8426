//! The .xls reader (`dossier::import::table::read`) against xlrd 2.0.2, cell by cell, on
//! workbooks written by xlwt 1.3.0 and by LibreOffice (made by
//! `tests/fixtures/lists/xls/gen.py`, which also wrote what xlrd reads in each, `*.xlrd.json`),
//! and on the handed inputs of the field log (`/work/shared/field/turn3/lists/`): case 01's
//! `ds-1904.xls` (1904 date system) and case 10's `ds-continue.xls` (a shared string cut by a
//! CONTINUE record). Then damaged files: an error, never a panic or a hang.

use std::path::{Path, PathBuf};

use dossier::import::table::numfmt::{classify, Shown};
use dossier::import::table::{read, Book, Cell, Format, TableError, Visibility};
use serde_json::{json, Value};

use crate::util::{copy_tree, repo, tree_bytes, Scratch};

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/lists/xls").join(name)
}

/// A cell as gen.py's dump writes it: `[row, col, kind, value]`.
fn as_json(row: u32, col: u32, cell: &Cell) -> Value {
    let (kind, value) = match cell {
        Cell::Text(t) => ("text".to_owned(), json!(t)),
        Cell::Number(n, Format::Zeros(k)) => (format!("zeros{k}"), json!(n)),
        Cell::Number(n, Format::Other(code)) if classify(code) == Shown::Time => {
            ("time".to_owned(), json!(n))
        }
        Cell::Number(n, _) => ("number".to_owned(), json!(n)),
        Cell::Date(d) => ("date".to_owned(), json!(d.to_string())),
        Cell::Bool(b) => ("bool".to_owned(), json!(b)),
        Cell::Error(e) => ("error".to_owned(), json!(e)),
        Cell::Formula(f) => ("formula".to_owned(), json!(f)),
        Cell::Empty => ("empty".to_owned(), Value::Null),
    };
    json!([row, col, kind, value])
}

fn expand(spans: &[(u32, u32)]) -> Vec<u32> {
    spans.iter().flat_map(|&(a, b)| a..=b).collect()
}

/// The book agrees with xlrd's reading of the same file; `formulas` are the cells xlrd reads
/// as an empty text (xlwt's placeholder result) that the reader calls formulas.
fn agrees_with_xlrd(file: &str, formulas: &[(u32, u32, &str)]) -> Book {
    agrees_with_xlrd_at(&fixture(file), formulas)
}

/// The same, for a file anywhere with its dump beside it.
fn agrees_with_xlrd_at(path: &Path, formulas: &[(u32, u32, &str)]) -> Book {
    let file = path.display().to_string();
    let book = read(path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let text = std::fs::read_to_string(format!("{file}.xlrd.json")).unwrap();
    let want: Value = serde_json::from_str(&text).unwrap();
    let sheets = want["sheets"].as_array().unwrap();
    assert_eq!(book.sheets.len(), sheets.len(), "{file}: sheets");
    if let Some(active) = want["active"].as_u64() {
        assert_eq!(book.active, Some(active as usize), "{file}: active sheet");
    }
    for (s, w) in book.sheets.iter().zip(sheets) {
        assert_eq!(s.name, w["name"], "{file}");
        let vis = match s.visibility {
            Visibility::Visible => 0,
            Visibility::Hidden => 1,
            Visibility::VeryHidden => 2,
        };
        assert_eq!(json!(vis), w["visibility"], "{file}: {}", s.name);
        assert_eq!(w["default_row_hidden"], json!(false));
        assert_eq!(
            json!(expand(s.hidden_rows.spans())),
            w["hidden_rows"],
            "{file}: {}",
            s.name
        );
        assert_eq!(
            json!(expand(s.hidden_cols.spans())),
            w["hidden_cols"],
            "{file}: {}",
            s.name
        );
        let mut merges: Vec<[u32; 4]> = s
            .merges
            .iter()
            .map(|a| [a.first_row, a.last_row, a.first_col, a.last_col])
            .collect();
        merges.sort_unstable();
        assert_eq!(json!(merges), w["merges"], "{file}: {}", s.name);
        let got: Vec<Value> = s
            .cells()
            .filter(|&((r, c), _)| !formulas.iter().any(|f| (f.0, f.1) == (r, c)))
            .map(|((r, c), cell)| as_json(r, c, cell))
            .collect();
        let want_cells = w["cells"].as_array().unwrap();
        for (g, x) in got.iter().zip(want_cells) {
            assert_eq!(g, x, "{file}: {}", s.name);
        }
        assert_eq!(
            got.len(),
            want_cells.len(),
            "{file}: {}: cell count",
            s.name
        );
    }
    book
}

#[test]
fn xlwt_workbook_agrees_with_xlrd_and_shows_what_excel_shows() {
    let book = agrees_with_xlrd("vn.xls", &[(8, 6, "=G4+G5")]);
    // The tab it opens on is the third; the first two are hidden and very hidden.
    assert_eq!(book.active, Some(2));
    assert_eq!(book.sheets[0].visibility, Visibility::Hidden);
    assert_eq!(book.sheets[1].visibility, Visibility::VeryHidden);
    let s = &book.sheets[2];
    assert_eq!(s.get(3, 1), &Cell::Number(7.0, Format::Zeros(3)));
    assert_eq!(
        s.get(3, 8),
        &Cell::Number(9.25, Format::Other("#,##0.00".into()))
    );
    assert_eq!(
        s.get(10, 4),
        &Cell::Number(0.5, Format::Other("hh:mm".into()))
    );
    assert_eq!(s.get(6, 6), &Cell::Error("#N/A".into()));
    // xlwt computes no formula: the file holds an empty string in its place, which is not
    // what Excel shows (it recalculates); the cell is a formula without a value.
    assert_eq!(s.get(8, 6), &Cell::Formula("=G4+G5".into()));
    // The unit merged down over two rows: the value in the top cell, the area named.
    assert!(s.merge_at(4, 5).is_some());
    assert!(s.hidden_rows.contains(7) && s.hidden_cols.contains(3));
}

#[test]
fn libreoffice_workbook_agrees_with_xlrd_with_computed_formulas() {
    let book = agrees_with_xlrd("lo.xls", &[]);
    let s = &book.sheets[1];
    // LibreOffice computes the formulas it saves: a number, a string (in a STRING record
    // after the formula), an empty string (nothing shown), an error, a boolean.
    assert_eq!(s.get(1, 4), &Cell::Number(16.0, Format::General));
    assert_eq!(s.get(1, 5), &Cell::Text("Tổ 8".into()));
    assert_eq!(s.get(1, 6), &Cell::Empty);
    assert_eq!(s.get(3, 6), &Cell::Text("thấp".into()));
    assert_eq!(s.get(1, 7), &Cell::Error("#N/A".into()));
    assert_eq!(s.get(1, 8), &Cell::Bool(true));
    // A shared string with formatting runs (one word in bold): its runs skipped.
    assert_eq!(s.get(6, 0), &Cell::Text("Đỗ Thị Hồng Nhung".into()));
    assert_eq!(book.active, Some(1));
}

#[test]
fn dates_in_the_1904_system_are_the_days_shown() {
    agrees_with_xlrd("d1904.xls", &[]);
    // Case 01 of the field log: the handed file.
    let book = agrees_with_xlrd("ds-1904.xls", &[]);
    let dates: Vec<String> = (3..6)
        .map(|r| match book.sheets[0].get(r, 5) {
            Cell::Date(d) => d.to_string(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(dates, ["1979-02-01", "1990-06-15", "1985-10-20"]);
}

#[test]
fn shared_strings_cut_by_a_continue_record_read_whole() {
    // Case 10 of the field log: the unit of nominee 27 is cut by the boundary.
    let book = agrees_with_xlrd("ds-continue.xls", &[]);
    let expected = std::fs::read_to_string(fixture("expected.tsv")).unwrap();
    let s = &book.sheets[0];
    let mut n = 0;
    for (i, line) in expected.lines().enumerate() {
        let (name, unit) = line.split_once('\t').unwrap();
        let row = i as u32 + 1;
        assert_eq!(s.get(row, 1), &Cell::Text(name.into()));
        assert_eq!(s.get(row, 3), &Cell::Text(unit.into()));
        n += 1;
    }
    assert_eq!(n, 40);
}

#[test]
fn a_stray_cell_at_iv65536_costs_one_cell() {
    // Below any list since #17: refused at the cell, in the time of the records.
    let started = std::time::Instant::now();
    let e = read(&fixture("stray.xls"));
    // A guard against a dense grid (minutes), not a speed target (docs/performance.md).
    assert!(started.elapsed().as_secs_f64() < 30.0);
    assert!(
        matches!(&e, Err(TableError::TooManyRows { place, .. }) if place == "Danh sách!IV65536"),
        "{e:?}"
    );
}

fn refused(path: &Path) -> TableError {
    match read(path) {
        Err(e) => e,
        Ok(b) => panic!("{}: read {} sheets", path.display(), b.sheets.len()),
    }
}

#[test]
fn truncated_and_damaged_files_are_errors_never_panics() {
    let tmp = tempfile::tempdir().unwrap();
    let whole = std::fs::read(fixture("ds-continue.xls")).unwrap();
    let p = tmp.path().join("cut.xls");
    // Cut anywhere: an error (or, cut in the padding after the stream, the same book).
    for cut in (0..whole.len()).step_by(509).chain([whole.len() - 1]) {
        std::fs::write(&p, &whole[..cut]).unwrap();
        let _ = read(&p);
    }
    std::fs::write(&p, &whole[..whole.len() / 2]).unwrap();
    let e = refused(&p);
    assert!(matches!(e, TableError::XlsDamaged { .. }), "{e:?}");
    assert!(
        e.message_vi().contains("tệp .xls bị hỏng"),
        "{}",
        e.message_vi()
    );
    // Every byte of the Workbook stream flipped in turn, a few bits at a time.
    for at in (512..whole.len()).step_by(97) {
        let mut m = whole.clone();
        m[at] ^= 0xA5;
        std::fs::write(&p, &m).unwrap();
        let _ = read(&p);
    }
    // A web page saved as .xls, as some systems export.
    std::fs::write(&p, "<html><body><table><tr><td>Họ và tên</td></tr></table>").unwrap();
    let e = refused(&p);
    assert!(matches!(e, TableError::NotXls), "{e:?}");
    assert!(e.message_vi().contains("lưu lại dạng .xlsx"));
}

/// Whether python3 with xlwt and xlrd is there; in CI it must be.
fn python_with_xlwt() -> bool {
    let ok = std::process::Command::new("python3")
        .args(["-c", "import xlwt, xlrd"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok || std::env::var("CI").as_deref() != Ok("true"),
        "CI needs python3 with xlwt and xlrd"
    );
    ok
}

#[test]
fn a_list_of_5000_nominees_agrees_with_xlrd_and_reads_fast() {
    if !python_with_xlwt() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let made = std::process::Command::new("python3")
        .arg(fixture("gen.py"))
        .arg("big")
        .arg(tmp.path())
        .status()
        .unwrap();
    assert!(made.success());
    let path = tmp.path().join("big.xls");
    let started = std::time::Instant::now();
    let book = read(&path).unwrap();
    let took = started.elapsed();
    // A guard against quadratic work, not a speed target (docs/performance.md).
    assert!(took.as_secs_f64() < 30.0, "{took:?}");
    assert_eq!(book.sheets[0].len(), 6 * 5001);
    // The same comparison as the committed files, against the dump written beside it.
    let want: Value = serde_json::from_str(
        &std::fs::read_to_string(tmp.path().join("big.xls.xlrd.json")).unwrap(),
    )
    .unwrap();
    let cells = want["sheets"][0]["cells"].as_array().unwrap();
    let got: Vec<Value> = book.sheets[0]
        .cells()
        .map(|((r, c), cell)| as_json(r, c, cell))
        .collect();
    assert_eq!(got.len(), cells.len());
    for (g, w) in got.iter().zip(cells) {
        assert_eq!(g, w);
    }
}

#[test]
fn the_sample_list_saved_by_libreoffice_agrees_with_xlrd() {
    if !python_with_xlwt() {
        return;
    }
    if std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI needs soffice"
        );
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let profile = tmp.path().join("lo-profile");
    let o = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "xls", "--outdir"])
        .arg(tmp.path())
        .arg(repo().join("examples/danh-sach-mau.xlsx"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    let xls = tmp.path().join("danh-sach-mau.xls");
    if !xls.exists() {
        // LibreOffice without Calc converts no spreadsheet.
        return;
    }
    let dumped = std::process::Command::new("python3")
        .arg(fixture("gen.py"))
        .arg("dump")
        .arg(&xls)
        .status()
        .unwrap();
    assert!(dumped.success());
    let book = agrees_with_xlrd_at(&xls, &[]);
    assert!(book.sheets.iter().any(|s| s.len() > 20));
}

#[test]
fn import_refuses_a_damaged_old_or_locked_xls_in_words_and_writes_nothing() {
    let s = Scratch {
        dir: tempfile::tempdir().unwrap(),
    };
    copy_tree(
        &repo().join("examples/01-giay-khen-chuyen-de-truong-yen"),
        &s.hs(),
    );
    let before = tree_bytes(&s.hs());
    let whole = std::fs::read(fixture("ds-continue.xls")).unwrap();
    std::fs::write(s.dir.path().join("cut.xls"), &whole[..whole.len() / 2]).unwrap();
    std::fs::write(
        s.dir.path().join("web.xls"),
        "<html><body><table><tr><td>Họ và tên</td></tr></table>",
    )
    .unwrap();
    for (file, vi, en) in [
        ("cut.xls", "tệp .xls bị hỏng", "the .xls file is damaged"),
        (
            "web.xls",
            "không phải bảng tính Excel 97-2003",
            "not an Excel 97-2003 workbook",
        ),
    ] {
        let o = s.run(&["import", "hs", "--danh-sach", file]);
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{e}");
        assert!(e.starts_with("lỗi: không đọc được danh sách"), "{e}");
        assert!(e.contains(vi) && e.contains("lưu lại dạng .xlsx"), "{e}");
        let o = s.run(&["import", "hs", "--danh-sach", file, "--lang", "en"]);
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{e}");
        assert!(e.contains(en) && e.contains("save it as .xlsx"), "{e}");
    }
    assert_eq!(tree_bytes(&s.hs()), before);
}
