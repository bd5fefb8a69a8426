//! Small hand-written parts in a zip: what each element and attribute makes of the model.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;

use super::super::{Cell, Format, Visibility};
use super::*;
use crate::date::Date;

const RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WB_RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const WB: &str = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>"#;

const STYLES: &str = r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="000"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="20"/><xf numFmtId="14"/></cellXfs></styleSheet>"#;

fn sheet_xml(data: &str) -> String {
    format!(
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{data}</worksheet>"#
    )
}

/// A zip of these parts, read as an .xlsx.
fn read_parts(parts: &[(&str, &str)]) -> Result<Book, TableError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ds.xlsx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    read(&path)
}

/// A one-sheet workbook with this sheet body (and shared strings), default workbook part.
fn one(body: &str, sst: &str) -> Result<Book, TableError> {
    one_wb(WB, body, sst)
}

fn one_wb(wb: &str, body: &str, sst: &str) -> Result<Book, TableError> {
    let sheet = sheet_xml(body);
    let sst = format!(
        r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sst}</sst>"#
    );
    read_parts(&[
        ("_rels/.rels", RELS),
        ("xl/workbook.xml", wb),
        ("xl/_rels/workbook.xml.rels", WB_RELS),
        ("xl/styles.xml", STYLES),
        ("xl/sharedStrings.xml", &sst),
        ("xl/worksheets/sheet1.xml", &sheet),
    ])
}

fn day(s: &str) -> Cell {
    Cell::Date(Date::parse(s).unwrap())
}

#[test]
fn cell_types_as_excel_shows_them() {
    let body = r#"<sheetData><row r="1">
        <c r="A1" t="s"><v>0</v></c>
        <c r="B1" t="s"><v>1</v></c>
        <c r="C1" t="inlineStr"><is><t>Lê </t><r><t xml:space="preserve">Văn</t></r><rPh><t>X</t></rPh></is></c>
        <c r="D1"><v>8</v></c>
        <c r="E1" t="b"><v>1</v></c>
        <c r="F1" t="e"><v>#N/A</v></c>
        <c r="G1" s="1"><v>28887</v></c>
        <c r="H1" s="2"><v>7</v></c>
        <c r="I1" s="3"><v>0.5</v></c>
        <c r="J1"><f>8-H4</f><v></v></c>
        <c r="K1"><f t="shared" ref="K1:K3" si="0"/></c>
        <c r="L1" t="str"><f>IF(A1="","",A1)</f><v></v></c>
        <c r="M1" t="str"><f>A1</f><v>a_x000D_b</v></c>
        <c r="N1" t="d"><v>1979-02-01T00:00:00</v></c>
        <c r="O1" s="4"><v>60</v></c>
        <c r="P1" s="4"/>
        <c r="Q1" t="s"><v>2</v></c>
        <c r="R1" t="e"><f>VLOOKUP(A1,X:Y,2,0)</f><v>#REF!</v></c>
    </row></sheetData>"#;
    let sst = r#"<si><t>Trần Văn Hải</t></si><si><r><rPr><b/></rPr><t>Phạm </t></r><r><t>Thị</t></r><rPh sb="0" eb="1"><t>フ</t></rPh><phoneticPr fontId="1"/></si><si><t xml:space="preserve">  hai  </t></si>"#;
    let book = one(body, sst).unwrap();
    let s = &book.sheets[0];
    let row: Vec<Cell> = s.grid(1, 18).remove(0);
    assert_eq!(
        row,
        vec![
            Cell::Text("Trần Văn Hải".into()),
            Cell::Text("Phạm Thị".into()),
            Cell::Text("Lê Văn".into()),
            Cell::Number(8.0, Format::General),
            Cell::Bool(true),
            Cell::Error("#N/A".into()),
            day("1979-02-01"),
            Cell::Number(7.0, Format::Zeros(3)),
            Cell::Number(0.5, Format::Other("h:mm".into())),
            Cell::Formula("8-H4".into()),
            Cell::Formula(String::new()),
            Cell::Empty,
            Cell::Text("a\rb".into()),
            day("1979-02-01"),
            Cell::Number(60.0, Format::Other("#14".into())),
            Cell::Empty,
            Cell::Text("  hai  ".into()),
            Cell::Error("#REF!".into()),
        ]
    );
    assert_eq!(book.active, Some(0));
}

#[test]
fn date1904_only_from_the_workbooks_own_element() {
    let body = r#"<sheetData><row r="1"><c r="A1" s="1"><v>27425</v></c></row></sheetData>"#;
    let wb = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r" xmlns:x15="x15"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets><extLst><ext uri="{x}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>"#;
    let book = one_wb(wb, body, "").unwrap();
    assert_eq!(book.sheets[0].get(0, 0), &day("1979-02-01"));
    let wb = wb.replace(r#"date1904="1""#, "");
    let book = one_wb(&wb, body, "").unwrap();
    assert_eq!(book.sheets[0].get(0, 0), &day("1975-01-31"));
}

#[test]
fn missing_refs_mean_the_next_row_and_cell() {
    let body = r#"<sheetData><row><c t="s"><v>0</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row><row r="5"><c><v>5</v></c></row></sheetData>"#;
    let book = one(body, "<si><t>a</t></si>").unwrap();
    let s = &book.sheets[0];
    assert_eq!(s.get(0, 0), &Cell::Text("a".into()));
    assert_eq!(s.get(0, 1), &Cell::Number(2.0, Format::General));
    assert_eq!(s.get(1, 2), &Cell::Number(3.0, Format::General));
    assert_eq!(s.get(1, 3), &Cell::Number(4.0, Format::General));
    assert_eq!(s.get(4, 0), &Cell::Number(5.0, Format::General));
}

#[test]
fn hidden_rows_columns_and_merges() {
    let body = r#"<sheetFormatPr defaultRowHeight="15"/><cols><col min="2" max="3" width="0" customWidth="1"/><col min="5" max="5" hidden="1"/><col min="6" max="6" width="9"/></cols><sheetData><row r="2" hidden="1"/><row r="3" hidden="true"><c r="A3"><v>1</v></c></row><row r="7" ht="0" customHeight="1"/><row r="8" ht="15"/></sheetData><mergeCells count="1"><mergeCell ref="D5:D6"/></mergeCells>"#;
    let s = one(body, "").unwrap().sheets.remove(0);
    assert_eq!(s.hidden_rows.spans(), &[(1, 2), (6, 6)]);
    assert_eq!(s.hidden_cols.spans(), &[(1, 2), (4, 4)]);
    assert_eq!(s.merges.len(), 1);
    assert!(s.merge_at(5, 3).is_some());
}

#[test]
fn zero_height_hides_every_row_not_written_as_shown() {
    let body = r#"<sheetFormatPr defaultRowHeight="15" zeroHeight="1"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"/><row r="4" hidden="1"/></sheetData>"#;
    let s = one(body, "").unwrap().sheets.remove(0);
    assert_eq!(s.hidden_rows.spans(), &[(2, 1_048_575)]);
}

#[test]
fn sheets_in_tab_order_with_visibility_and_active_tab() {
    let wb = r#"<workbook xmlns="m" xmlns:r="r"><bookViews><workbookView activeTab="2"/></bookViews><sheets><sheet name="DS 2020" sheetId="1" state="hidden" r:id="rId1"/><sheet name="Biểu đồ" sheetId="3" r:id="rId3"/><sheet name="Danh sách" sheetId="2" r:id="rId2"/></sheets></workbook>"#;
    let book = read_parts(&[
        ("xl/workbook.xml", wb),
        ("xl/_rels/workbook.xml.rels", WB_RELS),
        ("xl/styles.xml", STYLES),
        ("xl/sharedStrings.xml", "<sst/>"),
        ("xl/worksheets/sheet1.xml", &sheet_xml("<sheetData/>")),
        (
            "xl/worksheets/sheet2.xml",
            &sheet_xml(r#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>"#),
        ),
    ])
    .unwrap();
    let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["DS 2020", "Danh sách"]);
    assert_eq!(book.sheets[0].visibility, Visibility::Hidden);
    assert_eq!(book.active, Some(1));
    assert_eq!(book.sheets[1].get(0, 0), &Cell::Text("x".into()));
}

#[test]
fn broken_parts_are_refused_with_their_place() {
    let refused = |body: &str, sst: &str| one(body, sst).unwrap_err();
    let e = refused(
        r#"<sheetData><row r="1"><c r="B1" t="s"><v>5</v></c></row></sheetData>"#,
        "<si><t>a</t></si>",
    );
    assert!(
        matches!(&e, TableError::SharedString { place, count: 1, .. } if place == "Danh sách!B1"),
        "{e:?}"
    );
    for bad in ["A0", "XFE1", "A1048577", "1A"] {
        let e = refused(
            &format!(r#"<sheetData><row r="1"><c r="{bad}"><v>1</v></c></row></sheetData>"#),
            "",
        );
        assert!(
            matches!(&e, TableError::BadRef { part, reference } if part == "xl/worksheets/sheet1.xml" && reference == bad),
            "{e:?}"
        );
    }
    let e = refused(r#"<sheetData><row r="1048577"/></sheetData>"#, "");
    assert!(matches!(e, TableError::BadRef { .. }), "{e:?}");
    let e = refused(r#"<mergeCells><mergeCell ref="A1:XFE2"/></mergeCells>"#, "");
    assert!(matches!(e, TableError::BadRef { .. }), "{e:?}");
    let e = refused(r#"<cols><col min="0" max="2" hidden="1"/></cols>"#, "");
    assert!(matches!(e, TableError::BadRef { .. }), "{e:?}");
    let e = refused(
        r#"<sheetData><row r="1"><c r="A1"><v>abc</v></c></row></sheetData>"#,
        "",
    );
    assert!(
        matches!(&e, TableError::BadValue { place, .. } if place == "Danh sách!A1"),
        "{e:?}"
    );
    let e = refused(
        r#"<sheetData><row r="1"><c r="A1"><v>NaN</v></c></row></sheetData>"#,
        "",
    );
    assert!(matches!(e, TableError::BadValue { .. }), "{e:?}");
    let e = refused(
        r#"<sheetData><row r="1"><c r="A1" s="99"><v>1</v></c></row></sheetData>"#,
        "",
    );
    assert!(
        matches!(&e, TableError::NoSuchStyle { place, index, count: 5 } if place == "Danh sách!A1" && index == "99"),
        "{e:?}"
    );
    // Unclosed, mismatched, nested beyond reason.
    for body in [
        "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v>",
        "<sheetData></row>",
        &"<a>".repeat(10_000),
    ] {
        let e = refused(body, "");
        assert!(
            matches!(&e, TableError::BadPart { part, .. } if part == "xl/worksheets/sheet1.xml"),
            "{e:?}"
        );
    }
}

#[test]
fn a_far_stray_cell_is_one_cell() {
    let body = r#"<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="20000"><c r="XFD20000" t="inlineStr"><is><t>x</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t xml:space="preserve"> </t></is></c></row></sheetData>"#;
    let s = one(body, "").unwrap().sheets.remove(0);
    assert_eq!(s.len(), 2);
    assert_eq!(s.get(19_999, 16_383), &Cell::Text("x".into()));
}

#[test]
fn xlsx_is_a_zip_or_refused_for_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ds.xlsx");
    std::fs::write(&path, b"not a zip at all").unwrap();
    assert!(matches!(read(&path), Err(TableError::Spreadsheet(_))));
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(1024, 0);
    std::fs::write(&path, &ole).unwrap();
    assert!(matches!(read(&path), Err(TableError::XlsNamedXlsx)));
    ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, &ole).unwrap();
    assert!(matches!(read(&path), Err(TableError::Encrypted)));
}

#[test]
fn the_inflated_budget_counts_bytes_actually_inflated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ds.xlsx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let body = format!("<sst>{}</sst>", "<si><t>Lê Văn Bình</t></si>".repeat(1000));
    for name in ["a.xml", "b.xml"] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    let mut pkg = part::Package::open(&path).unwrap();
    let size = body.len() as u64;
    pkg.set_budget(size * 2);
    assert_eq!(
        pkg.parse("a.xml", strings::shared_strings)
            .unwrap()
            .unwrap()
            .len(),
        1000
    );
    // The second part passes what is left by one byte.
    pkg.set_budget(size - 1);
    assert!(matches!(
        pkg.parse("b.xml", strings::shared_strings),
        Err(TableError::Inflated(_))
    ));
    // The events of the parts count against one budget too: 1,000 strings are 5,002 events.
    let mut pkg = part::Package::open(&path).unwrap();
    pkg.set_events(8_000);
    assert!(pkg.parse("a.xml", strings::shared_strings).is_ok());
    let e = pkg.parse("b.xml", strings::shared_strings).unwrap_err();
    assert!(
        matches!(&e, TableError::TooManyItems { part, what: "XML elements and texts", .. } if part == "b.xml"),
        "{e:?}"
    );
}

#[test]
fn a_value_under_a_merged_area_is_not_shown() {
    let body = r#"<sheetData><row r="4"><c r="D4" t="inlineStr"><is><t>Trạm Y tế</t></is></c><c r="E4"><v>1</v></c></row><row r="5"><c r="D5" t="inlineStr"><is><t>cũ</t></is></c><c r="E5"><v>2</v></c><c r="F5"><v>3</v></c></row></sheetData><mergeCells><mergeCell ref="D4:D5"/><mergeCell ref="E5:F6"/><mergeCell ref="A1:C1"/></mergeCells>"#;
    let s = one(body, "").unwrap().sheets.remove(0);
    assert_eq!(s.get(3, 3), &Cell::Text("Trạm Y tế".into()));
    assert_eq!(s.get(4, 3), &Cell::Empty);
    assert_eq!(s.get(4, 4), &Cell::Number(2.0, Format::General));
    assert_eq!(s.get(4, 5), &Cell::Empty);
    assert_eq!(s.get(3, 4), &Cell::Number(1.0, Format::General));
    assert_eq!(s.len(), 3);
}

#[test]
fn one_long_string_in_many_cells_is_bounded() {
    // 4,096 characters of 3 bytes (a cell's most) in 6,000 cells: 73 MB of text.
    let long = "Ữ".repeat(super::super::MAX_CELL_CHARS);
    let sst = format!("<si><t>{long}</t></si>");
    let cells: String = (1..=6_000)
        .map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#))
        .collect();
    let e = one(&format!("<sheetData>{cells}</sheetData>"), &sst).unwrap_err();
    assert!(
        matches!(
            e,
            TableError::TooManyItems {
                what: "bytes of text in cells",
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn a_cell_longer_than_any_value_of_a_list_is_refused_naming_it() {
    // In the shared strings (kept as its length only) and inline.
    let long = "Đ".repeat(512 * 1024);
    let sst = format!("<si><t>x</t></si><si><t>{long}</t></si>");
    let e = one(
        r#"<sheetData><row r="3"><c r="B3" t="s"><v>0</v></c><c r="C3" t="s"><v>1</v></c></row></sheetData>"#,
        &sst,
    )
    .unwrap_err();
    assert!(
        matches!(&e, TableError::CellTooLong { place, chars: Some(524_288) } if place == "Danh sách!C3"),
        "{e:?}"
    );
    let at_most = "a".repeat(super::super::MAX_CELL_CHARS);
    let body = format!(
        r#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>{at_most}</t></is></c><c r="B1" t="inlineStr"><is><t>{at_most}b</t></is></c></row></sheetData>"#
    );
    let e = one(&body, "").unwrap_err();
    assert!(
        matches!(&e, TableError::CellTooLong { place, chars: Some(4_097) } if place == "Danh sách!B1"),
        "{e:?}"
    );
    // A string no cell shows costs nothing and refuses nothing.
    assert!(one("<sheetData/>", &sst).is_ok());
    // Made of many runs, each short: counted, not held.
    let runs = format!(
        "<si><t>x</t></si><si>{}</si>",
        format!("<r><t>{}</t></r>", "b".repeat(10_000)).repeat(100)
    );
    let e = one(
        r#"<sheetData><row r="3"><c r="C3" t="s"><v>1</v></c></row></sheetData>"#,
        &runs,
    )
    .unwrap_err();
    assert!(
        matches!(&e, TableError::CellTooLong { place, chars: Some(1_000_000) } if place == "Danh sách!C3"),
        "{e:?}"
    );
    let inline = format!(
        r#"<sheetData><row r="4"><c r="D4" t="inlineStr"><is>{}</is></c></row></sheetData>"#,
        format!("<r><t>{}</t></r>", "b".repeat(10_000)).repeat(100)
    );
    let e = one(&inline, "").unwrap_err();
    assert!(
        matches!(&e, TableError::CellTooLong { place, chars: Some(1_000_000) } if place == "Danh sách!D4"),
        "{e:?}"
    );
    // A value or a formula: refused once past what any cell holds, never read whole.
    for cell in [
        format!(
            r#"<c r="E5" t="str"><v>{}</v></c>"#,
            "<![CDATA[bbbb]]>".repeat(100_000)
        ),
        format!(r#"<c r="E5"><f>{}</f></c>"#, "1+&#49;".repeat(100_000)),
    ] {
        let body = format!(r#"<sheetData><row r="5">{cell}</row></sheetData>"#);
        let e = one(&body, "").unwrap_err();
        assert!(
            matches!(&e, TableError::CellTooLong { place, chars: Some(chars) } if place == "Danh sách!E5" && *chars > 4_096 && *chars < 100_000),
            "{e:?}"
        );
    }
}

#[test]
fn rows_shown_out_of_order_in_a_sheet_hidden_by_default_cost_no_more_than_in_order() {
    // 200,000 rows written last first: each was inserted at the front of the sorted list.
    let rows: String = (1..=200_000u32)
        .rev()
        .map(|r| format!(r#"<row r="{r}" ht="15" customHeight="1"/>"#))
        .collect();
    let body = format!(r#"<sheetFormatPr zeroHeight="1"/><sheetData>{rows}</sheetData>"#);
    let start = std::time::Instant::now();
    let s = one(&body, "").unwrap().sheets.remove(0);
    assert!(start.elapsed() < std::time::Duration::from_secs(30));
    assert!(!s.hidden_rows.contains(0) && !s.hidden_rows.contains(199_999));
    assert!(s.hidden_rows.contains(200_000) && s.hidden_rows.contains(1_048_575));
}

#[test]
fn styles_and_number_formats_outside_their_tables_are_refused_naming_the_cell() {
    let text = r#"<sheetData><row r="2"><c r="B2" t="inlineStr" s="5"><is><t>Lê Văn Bình</t></is></c></row></sheetData>"#;
    let e = one(text, "").unwrap_err();
    assert!(
        matches!(&e, TableError::NoSuchStyle { place, count: 5, .. } if place == "Danh sách!B2"),
        "{e:?}"
    );
    let styles = |xfs: &str| {
        format!(
            r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{xfs}</styleSheet>"#
        )
    };
    let with = |st: &str| {
        read_parts(&[
            ("_rels/.rels", RELS),
            ("xl/workbook.xml", WB),
            ("xl/_rels/workbook.xml.rels", WB_RELS),
            ("xl/styles.xml", st),
            ("xl/sharedStrings.xml", "<sst/>"),
            (
                "xl/worksheets/sheet1.xml",
                &sheet_xml(
                    r#"<sheetData><row r="1"><c r="A1" s="1"><v>7</v></c></row></sheetData>"#,
                ),
            ),
        ])
    };
    let e = with(&styles(r#"<cellXfs><xf/><xf numFmtId="300"/></cellXfs>"#)).unwrap_err();
    assert!(
        matches!(&e, TableError::NoSuchNumberFormat { place, id: 300 } if place == "Danh sách!A1"),
        "{e:?}"
    );
    for bad in [
        r#"<cellXfs><xf/><xf numFmtId="-1"/></cellXfs>"#,
        r#"<cellXfs><xf/><xf numFmtId="4294967296"/></cellXfs>"#,
        r#"<numFmts><numFmt numFmtId="x" formatCode="0"/></numFmts>"#,
        r#"<numFmts><numFmt numFmtId="164" formatCode="0"/><numFmt numFmtId="164" formatCode="000"/></numFmts>"#,
    ] {
        let e = with(&styles(bad)).unwrap_err();
        assert!(
            matches!(&e, TableError::BadPart { part, .. } if part == "xl/styles.xml"),
            "{bad}: {e:?}"
        );
    }
    // A built-in id the workbook does not define is Excel's own; a custom one it defines.
    let s = with(&styles(
        r#"<numFmts><numFmt numFmtId="164" formatCode="000"/></numFmts><cellXfs><xf/><xf numFmtId="164"/></cellXfs>"#,
    ))
    .unwrap();
    assert_eq!(s.sheets[0].get(0, 0), &Cell::Number(7.0, Format::Zeros(3)));
}

#[test]
fn relationships_to_missing_parts_and_twice_given_ids_are_refused() {
    let wb_rels = |extra: &str| {
        format!(
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>{extra}</Relationships>"#
        )
    };
    let sheet = sheet_xml(r#"<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>"#);
    let read_with = |rels: &str, root: &str| {
        read_parts(&[
            ("_rels/.rels", root),
            ("xl/workbook.xml", WB),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/worksheets/sheet1.xml", &sheet),
        ])
    };
    assert!(read_with(&wb_rels(""), RELS).is_ok());
    for (kind, part) in [
        ("sharedStrings", "xl/sharedStrings.xml"),
        ("styles", "xl/styles.xml"),
    ] {
        let rel = format!(
            r#"<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{}"/>"#,
            part.trim_start_matches("xl/")
        );
        let e = read_with(&wb_rels(&rel), RELS).unwrap_err();
        assert!(
            matches!(&e, TableError::BadPart { part: p, .. } if p == part),
            "{e:?}"
        );
    }
    let e = read_with(
        &wb_rels(""),
        &RELS.replace("xl/workbook.xml", "xl/book.xml"),
    )
    .unwrap_err();
    assert!(
        matches!(&e, TableError::BadPart { part, .. } if part == "xl/book.xml"),
        "{e:?}"
    );
    let twice = r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>"#;
    let e = read_with(&wb_rels(twice), RELS).unwrap_err();
    assert!(
        matches!(&e, TableError::BadPart { part, .. } if part == "xl/_rels/workbook.xml.rels"),
        "{e:?}"
    );
}

#[test]
fn names_codes_and_targets_of_megabytes_are_not_held() {
    let long = "x".repeat(1 << 20);
    let wb = WB.replace("Danh sách", &long);
    let b = one_wb(&wb, "<sheetData/>", "").unwrap();
    assert_eq!(b.sheets[0].name.chars().count(), 101);
    let st = format!(
        r#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="{long}"/></numFmts></styleSheet>"#
    );
    let e = read_parts(&[
        ("_rels/.rels", RELS),
        ("xl/workbook.xml", WB),
        ("xl/_rels/workbook.xml.rels", WB_RELS),
        ("xl/styles.xml", &st),
        ("xl/sharedStrings.xml", "<sst/>"),
        ("xl/worksheets/sheet1.xml", &sheet_xml("<sheetData/>")),
    ])
    .unwrap_err();
    assert!(
        matches!(&e, TableError::BadPart { part, .. } if part == "xl/styles.xml"),
        "{e:?}"
    );
    let rels = WB_RELS.replace("sharedStrings.xml", &format!("{long}.xml"));
    let e = read_parts(&[
        ("_rels/.rels", RELS),
        ("xl/workbook.xml", WB),
        ("xl/_rels/workbook.xml.rels", &rels),
        ("xl/worksheets/sheet1.xml", &sheet_xml("<sheetData/>")),
    ])
    .unwrap_err();
    assert!(
        matches!(&e, TableError::BadPart { part, .. } if part == "xl/_rels/workbook.xml.rels"),
        "{e:?}"
    );
}

#[test]
fn the_cells_of_every_sheet_count_against_one_bound() {
    // Two tabs naming one sheet part of 250,020 cells (12,501 rows of 20): each within a
    // sheet's bound, the workbook past it.
    let wb = WB.replace(
        "</sheets>",
        r#"<sheet name="Lại" sheetId="2" r:id="rId1"/></sheets>"#,
    );
    let cells: String = (1..=12_501u32)
        .map(|r| {
            let row: String = "ABCDEFGHIJKLMNOPQRST"
                .chars()
                .map(|c| format!(r#"<c r="{c}{r}"><v>1</v></c>"#))
                .collect();
            format!(r#"<row r="{r}">{row}</row>"#)
        })
        .collect();
    let e = one_wb(&wb, &format!("<sheetData>{cells}</sheetData>"), "").unwrap_err();
    assert!(
        matches!(&e, TableError::TooManyCells { sheet, place } if sheet == "Lại" && place == "Lại!A12500"),
        "{e:?}"
    );
}

#[test]
fn overlapping_merged_areas_are_refused() {
    let e = one(
        r#"<sheetData/><mergeCells><mergeCell ref="C5:E9"/><mergeCell ref="A1:B2"/><mergeCell ref="D7:F12"/></mergeCells>"#,
        "",
    )
    .unwrap_err();
    assert!(
        matches!(&e, TableError::MergesOverlap { first, second, .. } if first == "C5:E9" && second == "D7:F12"),
        "{e:?}"
    );
    let e = one(
        r#"<sheetData/><mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="A1:B2"/></mergeCells>"#,
        "",
    )
    .unwrap_err();
    assert!(matches!(e, TableError::MergesOverlap { .. }), "{e:?}");
    // Touching areas do not overlap.
    assert!(one(
        r#"<sheetData/><mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="C1:D2"/><mergeCell ref="A3:D3"/></mergeCells>"#,
        "",
    )
    .is_ok());
}

#[test]
fn a_formula_cell_without_its_value_by_type() {
    let body = r#"<sheetData><row r="1"><c r="A1" t="str"><f>A2</f></c><c r="B1" t="b"><f>A2&gt;1</f><v/></c><c r="C1" t="e"><f>NA()</f></c><c r="D1" t="s"><f>X</f><v></v></c></row></sheetData>"#;
    let s = one(body, "").unwrap().sheets.remove(0);
    assert_eq!(s.get(0, 0), &Cell::Formula("A2".into()));
    assert_eq!(s.get(0, 1), &Cell::Formula("A2>1".into()));
    assert_eq!(s.get(0, 2), &Cell::Formula("NA()".into()));
    assert_eq!(s.get(0, 3), &Cell::Formula("X".into()));
}
