//! The ods reader (`dossier::import::table::read`) on lists written as offices write them:
//! odfpy (the library other programs write ods with), LibreOffice itself (the handed xlsx
//! lists of turn 3 converted by `soffice --headless --convert-to ods`), and hostile files.
//! The fixtures and the script that made them are in `tests/fixtures/lists/ods/`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use dossier::date::Date;
use dossier::import::table::{read, Area, Book, Cell, Format, Sheet, TableError, Visibility};

fn fixture(name: &str) -> PathBuf {
    crate::util::repo()
        .join("tests/fixtures/lists/ods")
        .join(name)
}

fn book(path: &Path) -> Book {
    read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn date(year: u16, month: u8, day: u8) -> Cell {
    Cell::Date(Date { year, month, day })
}

fn num(v: f64) -> Cell {
    Cell::Number(v, Format::General)
}

/// Every cell, one line each, with the sheet's visibility, hidden rows, columns and merges.
fn dump(b: &Book) -> String {
    let mut out = format!("active {:?}\n", b.active);
    for s in &b.sheets {
        out += &format!(
            "{} {:?} rows {:?} cols {:?} merges {:?}\n",
            s.name,
            s.visibility,
            s.hidden_rows.spans(),
            s.hidden_cols.spans(),
            s.merges
        );
        for ((r, c), cell) in s.cells() {
            out += &format!("{} = {cell:?}\n", s.place(r, c));
        }
    }
    out
}

fn sheet<'b>(b: &'b Book, name: &str) -> &'b Sheet {
    b.sheets
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no sheet {name}"))
}

/// Turn 3, case 12 (box/spout#666, tafia/calamine#225): text:s inside text:span, spans with a
/// space between them, a doubled space, two paragraphs, a line break; dates as date cells.
#[test]
fn handed_text_runs_read_as_libreoffice_shows_them() {
    let b = book(&fixture("ds-text-runs.ods"));
    assert_eq!(b.active, Some(0));
    let s = sheet(&b, "Danh sách");
    assert_eq!(s.get(3, 1), &text("Lê Văn Bình"));
    assert_eq!(s.get(4, 1), &text("Phạm Thị Mai"));
    // Two spaces, as LibreOffice shows them (the import normalises spacing, with a note).
    assert_eq!(s.get(5, 1), &text("Trần  Văn Hải"));
    assert_eq!(s.get(4, 3), &text("Trạm Y tế\nxã Trường Yên"));
    assert_eq!(s.get(5, 3), &text("Công an\nxã Trường Yên"));
    assert_eq!(s.get(3, 5), &date(1979, 2, 1));
    assert_eq!(s.get(4, 5), &date(1990, 6, 15));
    assert_eq!(s.get(5, 5), &date(1985, 10, 20));
    assert_eq!(s.get(5, 7), &num(7.0));
    assert_eq!(s.get(2, 8), &text("Không tán thành"));
    assert_eq!(s.len(), 37);
}

/// odfpy: a hidden sheet first, hidden rows (a filter and by hand, in an outline group), a
/// hidden column, a merge down and one across, zero-padded ids, a formula without a value, an
/// error a formula shows, booleans, dates, and a third sheet LibreOffice opens on.
#[test]
fn odfpy_list_with_every_kind_cell_by_cell() {
    let b = book(&fixture("odfpy-full.ods"));
    let names: Vec<&str> = b.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Năm trước", "Danh sách", "Tập thể"]);
    assert_eq!(b.sheets[0].visibility, Visibility::Hidden);
    assert_eq!(b.sheets[1].visibility, Visibility::Visible);
    assert_eq!(b.active, Some(2));
    let s = &b.sheets[1];
    assert_eq!(s.hidden_rows.spans(), &[(4, 5)]);
    assert_eq!(s.hidden_cols.spans(), &[(3, 3)]);
    assert_eq!(
        s.merges,
        [
            Area {
                first_row: 2,
                first_col: 3,
                last_row: 3,
                last_col: 3
            },
            Area {
                first_row: 6,
                first_col: 0,
                last_row: 6,
                last_col: 1
            },
        ]
    );
    let zeros = |v: f64| Cell::Number(v, Format::Zeros(3));
    assert_eq!(
        s.grid(4, 8),
        [
            [
                "STT",
                "Mã",
                "Họ và tên",
                "Đơn vị",
                "Ngày sinh",
                "Đảng viên",
                "Tán thành",
                "Không tán thành"
            ]
            .map(text)
            .to_vec(),
            vec![
                num(1.0),
                zeros(1.0),
                text("Lê Văn Bình"),
                text("Thôn Đông"),
                date(1979, 2, 1),
                Cell::Bool(true),
                num(8.0),
                num(0.0)
            ],
            vec![
                num(2.0),
                zeros(2.0),
                text("Phạm Thị Mai"),
                text("Trạm Y tế xã Trường Yên"),
                date(1990, 6, 15),
                Cell::Bool(false),
                Cell::Formula("of:=[.H4]+1".into()),
                num(0.0)
            ],
            vec![
                num(3.0),
                zeros(3.0),
                text("Đinh Thị Thu"),
                Cell::Empty,
                date(1992, 9, 9),
                Cell::Bool(false),
                Cell::Error("#N/A".into()),
                num(0.0)
            ],
        ]
    );
    assert_eq!(s.get(4, 2), &text("Bị ẩn 4"));
    assert_eq!(s.get(6, 0), &text("Kết quả"));
    assert_eq!(s.len(), 8 * 4 - 1 + 3 + 3 + 1);
}

/// A header, a nominee, 1,048,000 empty rows in one element, then one cell in XFD: read in a
/// moment, and the far cell, below any list (#17), is refused where it is.
#[test]
fn a_million_empty_rows_cost_nothing() {
    let start = Instant::now();
    let e = read(&fixture("odfpy-big-repeat.ods"));
    // A guard against expanding the repeat (minutes), not a speed target (docs/performance.md).
    assert!(
        start.elapsed().as_secs_f64() < 30.0,
        "{:?}",
        start.elapsed()
    );
    assert!(
        matches!(&e, Err(TableError::TooManyRows { place, .. }) if place == "Danh sách!XFD1048003"),
        "{e:?}"
    );
}

/// The handed xlsx lists of turn 3 as LibreOffice saves them in ods (committed, made by
/// gen.py): what the reader sees is what Excel showed.
#[test]
fn libreoffice_files_show_the_hidden_row_sheet_merges_errors_and_ids() {
    // 02: the filtered-out row 6.
    let b = book(&fixture("lo-ds-hidden-row.ods"));
    assert_eq!(b.sheets[0].hidden_rows.spans(), &[(5, 5)]);
    assert_eq!(b.sheets[0].get(5, 1), &text("Trần Văn Hải"));
    // 03: last year's sheet hidden, this year's active.
    let b = book(&fixture("lo-ds-hidden-sheet.ods"));
    assert_eq!(b.sheets[0].name, "DS 2020");
    assert_eq!(b.sheets[0].visibility, Visibility::Hidden);
    assert_eq!(b.sheets[1].visibility, Visibility::Visible);
    assert_eq!(b.active, Some(1));
    // 04: D5:D6 and E5:E6 merged, the value in the top cell.
    let b = book(&fixture("lo-ds-merged.ods"));
    let s = &b.sheets[0];
    assert_eq!(
        s.merges,
        [
            Area {
                first_row: 4,
                first_col: 3,
                last_row: 5,
                last_col: 3
            },
            Area {
                first_row: 4,
                first_col: 4,
                last_row: 5,
                last_col: 4
            },
        ]
    );
    assert_eq!(s.get(4, 3), &text("Trạm Y tế xã Trường Yên"));
    assert_eq!(s.get(5, 3), &Cell::Empty);
    // 08: #N/A in a vote and in a unit.
    let b = book(&fixture("lo-ds-na-vote.ods"));
    assert_eq!(b.sheets[0].get(5, 7), &Cell::Error("#N/A".into()));
    let b = book(&fixture("lo-ds-na-unit.ods"));
    assert_eq!(b.sheets[0].get(4, 3), &Cell::Error("#N/A".into()));
    // 09: ids 1, 2, 3 shown as 001, 002, 003.
    let b = book(&fixture("lo-ds-ma-num.ods"));
    for r in 3..6 {
        assert_eq!(
            b.sheets[0].get(r, 1),
            &Cell::Number(f64::from(r - 2), Format::Zeros(3))
        );
    }
    assert_eq!(b.sheets[0].get(3, 6), &date(1979, 2, 1));
}

/// The same lists converted now by the LibreOffice installed here read as the committed ones
/// (skipped without soffice, unless CI=true).
#[test]
fn libreoffice_here_converts_the_handed_lists_to_the_same_books() {
    let soffice = std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !soffice {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "CI needs soffice"
        );
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let src = fixture("xlsx");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let status = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            tmp.path().display()
        ))
        .args(["--headless", "--convert-to", "ods", "--outdir"])
        .arg(tmp.path())
        .args(&files)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    for f in &files {
        let stem = f.file_stem().unwrap().to_string_lossy();
        let now = book(&tmp.path().join(format!("{stem}.ods")));
        let kept = book(&fixture(&format!("lo-{stem}.ods")));
        assert_eq!(dump(&now), dump(&kept), "{stem}");
    }
}

/// A zip holding the given parts.
fn zip(path: &Path, parts: &[(&str, &[u8])]) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes) in parts {
        z.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
}

fn content(table: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content office:version="1.3"><office:body><office:spreadsheet>{table}</office:spreadsheet></office:body></office:document-content>"#
    )
    .into_bytes()
}

fn ods(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let p = dir.join(name);
    zip(
        &p,
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", content),
        ],
    );
    p
}

/// Hostile files: each refused (or read within its bounds) at once, without a panic, a hang or
/// a large allocation.
#[test]
fn hostile_files_are_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let start = Instant::now();
    let good = std::fs::read(fixture("odfpy-full.ods")).unwrap();

    let cut = d.join("cut.ods");
    std::fs::write(&cut, &good[..good.len() / 2]).unwrap();
    assert!(matches!(read(&cut), Err(TableError::Spreadsheet(_))));

    let not_zip = d.join("text.ods");
    std::fs::write(&not_zip, "STT,Họ và tên\n").unwrap();
    assert!(matches!(read(&not_zip), Err(TableError::Spreadsheet(_))));

    let no_content = d.join("empty.ods");
    zip(
        &no_content,
        &[(
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        )],
    );
    assert!(matches!(read(&no_content), Err(TableError::Spreadsheet(_))));

    let unclosed = ods(
        d,
        "unclosed.ods",
        br#"<office:document-content><office:body><office:spreadsheet><table:table table:name="S"><table:table-row><table:table-cell><text:p>x</text:p>"#,
    );
    assert!(matches!(read(&unclosed), Err(TableError::Spreadsheet(_))));

    let wide = ods(
        d,
        "wide.ods",
        &content(
            r#"<table:table table:name="S"><table:table-row><table:table-cell table:number-columns-repeated="4294967295"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#,
        ),
    );
    match read(&wide) {
        Err(e @ TableError::BeyondGrid { .. }) => {
            assert!(e.to_string().contains("S!XFE1"), "{e}");
            assert!(e.message_vi().contains("S!XFE1"), "{}", e.message_vi());
        }
        other => panic!("{other:?}"),
    }

    let tall = ods(
        d,
        "tall.ods",
        &content(
            r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="4294967295"/><table:table-row table:number-rows-repeated="4294967295"/><table:table-row><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#,
        ),
    );
    assert!(matches!(read(&tall), Err(TableError::BeyondGrid { .. })));

    let many = ods(
        d,
        "many.ods",
        &content(
            r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="4294967295"><table:table-cell table:number-columns-repeated="16384"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#,
        ),
    );
    assert!(matches!(read(&many), Err(TableError::TooManyCells { .. })));

    let deep = ods(
        d,
        "deep.ods",
        &content(&format!(
            r#"<table:table table:name="S"><table:table-row><table:table-cell><text:p>{}</text:p></table:table-cell></table:table-row></table:table>"#,
            "<text:span>".repeat(100_000)
        )),
    );
    assert!(matches!(read(&deep), Err(TableError::Spreadsheet(_))));

    assert!(start.elapsed().as_secs() < 30, "{:?}", start.elapsed());
}

/// A password-protected ods (its manifest lists encryption data): refused in words the clerk
/// can act on, in both languages.
#[test]
fn a_password_protected_ods_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("mat-khau.ods");
    let manifest = br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="4000"><manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>"#;
    zip(
        &p,
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("META-INF/manifest.xml", manifest),
            ("content.xml", &[0x8f, 0x21, 0xee, 0x07]),
        ],
    );
    let e = read(&p).unwrap_err();
    assert!(matches!(e, TableError::Encrypted), "{e:?}");
    assert!(
        e.message_vi().starts_with("tệp có mật khẩu"),
        "{}",
        e.message_vi()
    );
    assert!(e.to_string().contains("password"), "{e}");
}
