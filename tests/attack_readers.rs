//! The spreadsheet readers attacked (session 5's attack on issue #16's readers): each case is a
//! file that made a reader hold memory by the thousand times its size, take quadratic time,
//! print a sheet's name raw to the terminal, or read a fact inexactly. Each must now be read
//! exactly or refused, fast, small, with its place, and the dossier left byte-identical.
//! The files are written here, part by part (`rawzip` for what no zip library writes).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dossier::import::table::{read, Book, TableError};

use crate::rawzip;
use crate::util::{dossier, tree_bytes};

const WORKBOOK: &str = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="NAME" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WB_RELS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
const HEADER: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Họ và tên</t></is></c><c r="C1" t="inlineStr"><is><t>Đơn vị</t></is></c></row>"#;

/// A worksheet part around the rows given.
fn sheet(rows: &str) -> String {
    format!(
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{HEADER}{rows}</sheetData></worksheet>"#
    )
}

/// One nominee's row.
fn nominee(r: u32, name: &str) -> String {
    format!(
        r#"<row r="{r}"><c r="A{r}"><v>{}</v></c><c r="B{r}" t="inlineStr"><is><t>{name}</t></is></c><c r="C{r}" t="inlineStr"><is><t>UBND xã Trường Yên</t></is></c></row>"#,
        r - 1
    )
}

/// An .xlsx of these parts (workbook, its relationships, sheet1 and maybe shared strings),
/// deflated as Excel writes it.
fn xlsx(dir: &Path, sheet_name: &str, parts: &[(&str, &[u8])]) -> PathBuf {
    let out = dir.join("ds.xlsx");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&out).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    let wb = WORKBOOK.replace("NAME", sheet_name);
    let mut all: Vec<(&str, &[u8])> = vec![
        ("xl/workbook.xml", wb.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WB_RELS.as_bytes()),
    ];
    all.extend_from_slice(parts);
    // The relationships name a shared-string part: one the file lacks is a damaged file (#17).
    if !parts.iter().any(|p| p.0 == "xl/sharedStrings.xml") {
        all.push(("xl/sharedStrings.xml", b"<sst/>"));
    }
    for (name, data) in all {
        z.start_file(name, opts).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap();
    out
}

/// Refused, without unbounded work: the bound guards against a hang or quadratic work on a
/// loaded CI machine's debug build (the speed figures live in docs/performance.md).
fn refused(path: &Path) -> TableError {
    let start = Instant::now();
    let e = read(path).map(|_: Book| ()).expect_err("refused");
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "{:?}",
        start.elapsed()
    );
    e
}

#[test]
fn a_400_kb_file_with_a_cell_of_20_mb_is_refused_before_it_is_held() {
    let dir = tempfile::tempdir().unwrap();
    let text = "a".repeat(20 * 1024 * 1024);
    let ws = sheet(&nominee(2, &text));
    let f = xlsx(
        dir.path(),
        "Danh sách",
        &[("xl/worksheets/sheet1.xml", ws.as_bytes())],
    );
    let e = refused(&f);
    assert!(
        e.to_string().contains("xl/worksheets/sheet1.xml") && e.to_string().contains("16 MB"),
        "{e}"
    );
}

#[test]
fn shared_strings_count_against_the_bound_of_text() {
    // 70,000 strings of 1,000 bytes: 70 MB of text, deflated to a few hundred kilobytes, were
    // all held (480 MB for a million), though no list has them.
    let dir = tempfile::tempdir().unwrap();
    let one = format!("<si><t>{}</t></si>", "b".repeat(1000));
    let sst = format!(
        r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{}</sst>"#,
        one.repeat(70_000)
    );
    let ws = sheet(&nominee(2, "Lê Văn Bình"));
    let f = xlsx(
        dir.path(),
        "Danh sách",
        &[
            ("xl/worksheets/sheet1.xml", ws.as_bytes()),
            ("xl/sharedStrings.xml", sst.as_bytes()),
        ],
    );
    let e = refused(&f);
    assert!(
        matches!(&e, TableError::TooManyItems { part, .. } if part == "xl/sharedStrings.xml"),
        "{e}"
    );
}

#[test]
fn two_parts_of_one_name_are_refused_in_xlsx_and_ods() {
    let dir = tempfile::tempdir().unwrap();
    let wb = WORKBOOK.replace("NAME", "Danh sách");
    let real = sheet(&nominee(2, "Lê Văn Bình"));
    let forged = sheet(&nominee(2, "Kẻ Giả Mạo"));
    let entries = [
        rawzip::E::file("xl/workbook.xml", wb.as_bytes()),
        rawzip::E::file("xl/_rels/workbook.xml.rels", WB_RELS.as_bytes()),
        rawzip::E::file("xl/worksheets/sheet1.xml", real.as_bytes()),
        rawzip::E::file("xl/worksheets/sheet1.xml", forged.as_bytes()),
    ];
    let f = dir.path().join("ds.xlsx");
    std::fs::write(&f, rawzip::build(&entries)).unwrap();
    assert!(matches!(refused(&f), TableError::DuplicatePart(_)));

    // Names differing only in case are one part to Excel.
    let mut entries = entries.to_vec();
    entries[3].name = b"xl/worksheets/Sheet1.xml".to_vec();
    std::fs::write(&f, rawzip::build(&entries)).unwrap();
    let e = refused(&f);
    assert!(
        matches!(&e, TableError::DuplicatePart(p) if p == "xl/worksheets/Sheet1.xml"),
        "{e}"
    );

    let content = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Danh sách"><table:table-row><table:table-cell office:value-type="string"><text:p>Họ và tên</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let ods = [
        rawzip::E::file("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        rawzip::E::file("content.xml", content),
        rawzip::E::file("content.xml", content.replace("Họ và tên", "Giả")),
    ];
    let f = dir.path().join("ds.ods");
    std::fs::write(&f, rawzip::build(&ods)).unwrap();
    assert!(matches!(refused(&f), TableError::DuplicatePart(_)));
}

#[test]
fn csv_that_cannot_be_split_exactly_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("ds.csv");
    std::fs::write(&f, "STT,Họ và tên,Đơn vị\n1,\"Lê Văn Bình,UBND\n2,B,C\n").unwrap();
    let e = refused(&f);
    assert!(e.to_string().contains("ds.csv!B2"), "{e}");
    // A 60 MB line with no newline: refused at its field, in little memory.
    let mut long = b"STT,H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan,Don vi\n1,".to_vec();
    long.resize(60 * 1024 * 1024, b'a');
    std::fs::write(&f, long).unwrap();
    let e = refused(&f);
    assert!(e.to_string().contains("ds.csv!B2"), "{e}");
}

#[test]
fn a_sheet_named_with_terminal_escapes_never_reaches_the_terminal_raw() {
    // ESC [2J clears the clerk's screen, the C1 CSI does the same on some terminals, and
    // U+202E prints the rest of the line backwards: a file can name a sheet with them.
    let dir = tempfile::tempdir().unwrap();
    let o = dossier(dir.path(), &["init", "hs"]);
    assert!(o.status.success(), "{o:?}");
    let name = "D&#x1b;[2J&#x9b;31m&#x202e;X";
    let ws = sheet(r#"<row r="2"><c r="B2" t="s"><v>7</v></c></row>"#);
    let f = xlsx(
        dir.path(),
        name,
        &[("xl/worksheets/sheet1.xml", ws.as_bytes())],
    );
    let before = tree_bytes(&dir.path().join("hs"));
    for lang in ["vi", "en"] {
        let o = dossier(
            dir.path(),
            &[
                "--lang",
                lang,
                "import",
                "hs",
                "--danh-sach",
                f.to_str().unwrap(),
            ],
        );
        assert_eq!(o.status.code(), Some(2), "{o:?}");
        let all = [o.stdout, o.stderr].concat();
        let text = String::from_utf8_lossy(&all);
        assert!(
            !text.contains(['\u{1b}', '\u{9b}', '\u{202e}']),
            "raw control characters: {text:?}"
        );
        assert!(
            text.contains("D<U+001B>[2J<U+009B>31m<U+202E>X!B2"),
            "{text}"
        );
    }
    assert_eq!(tree_bytes(&dir.path().join("hs")), before);
}

#[test]
fn a_zip_of_a_million_entries_is_refused_before_its_directory_is_parsed() {
    // 1,250,000 directory entries fit in 64 MB: the zip library took more than 20 s and
    // hundreds of megabytes to list them, three times over. 20,000 show the bound.
    let dir = tempfile::tempdir().unwrap();
    let n: u32 = 20_000;
    let mut b = Vec::new();
    b.extend_from_slice(b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x01\0\0\0a");
    let cd_start = b.len() as u32;
    for i in 0..n {
        let name = format!("{i:05x}");
        b.extend_from_slice(b"PK\x01\x02\x14\0\x14\0");
        b.extend_from_slice(&[0; 20]);
        b.extend_from_slice(&(name.len() as u16).to_le_bytes());
        b.extend_from_slice(&[0; 14]);
        b.extend_from_slice(name.as_bytes());
    }
    let cd_len = b.len() as u32 - cd_start;
    b.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    b.extend_from_slice(&(n as u16).to_le_bytes());
    b.extend_from_slice(&(n as u16).to_le_bytes());
    b.extend_from_slice(&cd_len.to_le_bytes());
    b.extend_from_slice(&cd_start.to_le_bytes());
    b.extend_from_slice(&[0, 0]);
    for ext in ["xlsx", "ods"] {
        let f = dir.path().join(format!("ds.{ext}"));
        std::fs::write(&f, &b).unwrap();
        assert!(matches!(refused(&f), TableError::TooManyParts));
    }
}

#[test]
fn a_cell_given_twice_or_in_another_row_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let twice = sheet(&format!(
        "{}{}",
        nominee(2, "Lê Văn Bình"),
        nominee(2, "Kẻ Giả Mạo")
    ));
    let f = xlsx(
        dir.path(),
        "Danh sách",
        &[("xl/worksheets/sheet1.xml", twice.as_bytes())],
    );
    let e = refused(&f);
    assert!(
        matches!(&e, TableError::CellTwice { place, .. } if place == "Danh sách!A2"),
        "{e}"
    );

    let astray = sheet(r#"<row r="2"><c r="B999" t="inlineStr"><is><t>Lạc</t></is></c></row>"#);
    let f = xlsx(
        dir.path(),
        "Danh sách",
        &[("xl/worksheets/sheet1.xml", astray.as_bytes())],
    );
    let e = refused(&f);
    assert!(
        matches!(&e, TableError::CellTwice { place, row: 2 } if place == "Danh sách!B999"),
        "{e}"
    );

    // Rows and cells out of order are still read, each where it says.
    let out_of_order = sheet(&format!("{}{}", nominee(3, "Hai"), nominee(2, "Một")));
    let f = xlsx(
        dir.path(),
        "Danh sách",
        &[("xl/worksheets/sheet1.xml", out_of_order.as_bytes())],
    );
    let book = read(&f).unwrap();
    let s = &book.sheets[0];
    assert_eq!(
        s.get(1, 1),
        &dossier::import::table::Cell::Text("Một".into())
    );
}

#[test]
fn a_value_quoted_in_a_message_never_reaches_the_terminal_raw() {
    // A date cell holding ESC [2J, an error value and a formula with ESC: each is quoted in the
    // message that refuses it.
    let dir = tempfile::tempdir().unwrap();
    let o = dossier(dir.path(), &["init", "hs"]);
    assert!(o.status.success(), "{o:?}");
    let before = tree_bytes(&dir.path().join("hs"));
    for cell in [
        r#"<c r="C2" t="d"><v>&#x1b;[2J</v></c>"#,
        r#"<c r="C2" t="e"><v>#N/A&#x1b;[2J</v></c>"#,
        r#"<c r="C2"><f>A1&amp;"&#x9b;2J"</f></c>"#,
    ] {
        let ws = sheet(&format!(
            r#"<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Lê Văn Bình</t></is></c>{cell}</row>"#
        ));
        let f = xlsx(
            dir.path(),
            "Danh sách",
            &[("xl/worksheets/sheet1.xml", ws.as_bytes())],
        );
        let o = dossier(
            dir.path(),
            &["import", "hs", "--danh-sach", f.to_str().unwrap()],
        );
        assert_ne!(o.status.code(), Some(0), "{o:?}");
        let all = [o.stdout, o.stderr].concat();
        let text = String::from_utf8_lossy(&all);
        assert!(
            !text.contains(['\u{1b}', '\u{9b}']),
            "raw control characters: {text:?}"
        );
        assert_eq!(tree_bytes(&dir.path().join("hs")), before);
    }
}

#[test]
fn the_budget_of_inflated_xml_is_read_within_a_second() {
    // A 1 MB xlsx inflating to 500 MB of `<sheetFormatPr/>`, declared honestly, was read in
    // 2 s of CPU (4.5 s on a loaded machine) at a budget of 512 MB; parsing costs about 4 ns
    // a byte, so the budget is what bounds the time of the worst file.
    const { assert!(dossier::import::table::MAX_INFLATED_BYTES <= 256 * 1024 * 1024) };
}
