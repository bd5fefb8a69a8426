//! The reader on small XML shaped as LibreOffice and odfpy write it, and on hostile XML.

use super::super::{Area, Cell, Format, Sheet, TableError, Visibility};
use super::body;
use super::styles::Styles;
use super::xml::Xml;
use crate::date::Date;

fn doc(styles: &str, tables: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3">
<office:automatic-styles>{styles}</office:automatic-styles>
<office:body><office:spreadsheet>
<table:calculation-settings table:automatic-find-labels="false"/>
{tables}
<table:named-expressions/>
<table:dde-links><table:dde-link><office:dde-source office:dde-application="soffice"/><table:table><table:table-row><table:table-cell office:value-type="string"><text:p>DDE</text:p></table:table-cell></table:table-row></table:table></table:dde-link></table:dde-links>
</office:spreadsheet></office:body></office:document-content>"#
    )
}

fn sheets(xml: &str) -> Result<Vec<Sheet>, TableError> {
    let mut x = Xml::new(xml.as_bytes(), "content.xml", 1 << 30);
    body::sheets(&mut x, &mut Styles::default())
}

fn one(tables: &str) -> Sheet {
    let mut s = sheets(&doc("", tables)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.len(), 1);
    s.remove(0)
}

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

const LO_TAIL: &str = r#"<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#;

#[test]
fn text_runs_spaces_and_paragraphs_as_libreoffice_shows_them() {
    let s = one(&format!(
        r#"<table:table table:name="Danh sách"><table:table-column table:number-columns-repeated="16384"/>
<table:table-row>
<table:table-cell office:value-type="string"><text:p><text:span text:style-name="T1">Lê Văn<text:s/></text:span>Bình</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p><text:span>Phạm</text:span> <text:span>Thị</text:span> Mai</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Trần<text:s text:c="2"/>Văn Hải</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Trạm Y tế</text:p><text:p>xã Trường Yên</text:p></table:table-cell>
<table:table-cell office:value-type="string"><text:p>Công an<text:line-break/>xã<text:tab/>Trường Yên &amp; <text:a xlink:href="x">&#272;ội</text:a></text:p></table:table-cell>
<table:table-cell office:value-type="string"><office:annotation><dc:creator>A</dc:creator><text:p>ghi chú</text:p></office:annotation><text:p>Nam</text:p></table:table-cell>
<table:table-cell table:number-columns-repeated="16378"/>
</table:table-row>{LO_TAIL}</table:table>"#
    ));
    assert_eq!(
        s.grid(1, 6),
        vec![vec![
            text("Lê Văn Bình"),
            text("Phạm Thị Mai"),
            text("Trần  Văn Hải"),
            text("Trạm Y tế\nxã Trường Yên"),
            text("Công an\nxã\tTrường Yên & Đội"),
            text("Nam"),
        ]]
    );
    assert_eq!(s.len(), 6);
    assert_eq!(s.visibility, Visibility::Visible);
}

#[test]
fn hidden_rows_and_columns_are_spans_never_expanded() {
    let s = one(r#"<table:table table:name="S">
<table:table-header-columns><table:table-column/></table:table-header-columns>
<table:table-column-group><table:table-column table:visibility="collapse" table:number-columns-repeated="2"/></table:table-column-group>
<table:table-column table:number-columns-repeated="16381"/>
<table:table-header-rows><table:table-row><table:table-cell><text:p>STT</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row-group><table:table-row-group>
<table:table-row table:visibility="filter"><table:table-cell><text:p>bị loại</text:p></table:table-cell></table:table-row>
</table:table-row-group></table:table-row-group>
<table:table-rows><table:table-row table:visibility="collapse" table:number-rows-repeated="3"><table:table-cell/></table:table-row></table:table-rows>
<table:table-row table:visibility="collapse" table:number-rows-repeated="1048571"><table:table-cell/></table:table-row>
</table:table>"#);
    assert_eq!(s.hidden_cols.spans(), &[(1, 2)]);
    // Row 2 (filtered), 3-5 and the tail are one run.
    assert_eq!(s.hidden_rows.spans(), &[(1, 1_048_575)]);
    assert_eq!(s.get(0, 0), &text("STT"));
    assert_eq!(s.get(1, 0), &text("bị loại"));
    assert_eq!(s.len(), 2);
}

#[test]
fn merges_and_covered_cells() {
    let s = one(r#"<table:table table:name="S">
<table:table-row><table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="1"><text:p>Kết quả</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>C</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell table:number-rows-spanned="3"><text:p>Xã Trường Yên</text:p></table:table-cell><table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="2"/><table:covered-table-cell/></table:table-row>
<table:table-row><table:covered-table-cell table:number-columns-repeated="3"/><table:table-cell><text:p>D</text:p></table:table-cell></table:table-row>
</table:table>"#);
    assert_eq!(
        s.merges,
        vec![
            Area {
                first_row: 0,
                first_col: 0,
                last_row: 0,
                last_col: 1
            },
            Area {
                first_row: 1,
                first_col: 0,
                last_row: 3,
                last_col: 0
            },
        ]
    );
    assert_eq!(s.get(0, 2), &text("C"));
    assert_eq!(s.get(2, 3), &text("D"));
}

#[test]
fn a_long_empty_repeat_then_a_cell_costs_one_cell() {
    let start = std::time::Instant::now();
    let s = one(r#"<table:table table:name="S">
<table:table-row><table:table-cell><text:p>A</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="19999"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="16383"/><table:table-cell><text:p> x</text:p></table:table-cell></table:table-row>
</table:table>"#);
    assert_eq!(s.len(), 2);
    assert_eq!(s.get(20_000, 16_383), &text(" x"));
    // Below the last row of a list, the cell is refused where it is.
    let e = sheets(&doc(
        "",
        r#"<table:table table:name="S">
<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
<table:table-row><table:table-cell table:number-columns-repeated="16383"/><table:table-cell><text:p> x</text:p></table:table-cell></table:table-row>
</table:table>"#,
    ));
    assert!(
        matches!(&e, Err(TableError::TooManyRows { place, .. }) if place == "S!XFD1048001"),
        "{e:?}"
    );
    // A guard against expanding the repeats, not a speed target.
    assert!(start.elapsed().as_secs() < 30);
}

#[test]
fn repeated_cells_and_rows_with_content_are_put_each_time() {
    let s = one(r#"<table:table table:name="S">
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3" office:value-type="float" office:value="0"><text:p>0</text:p></table:table-cell></table:table-row>
</table:table>"#);
    assert_eq!(s.len(), 6);
    assert_eq!(s.get(1, 2), &Cell::Number(0.0, Format::General));
}

#[test]
fn number_styles_dates_booleans_errors_and_formulas() {
    let styles = r#"<number:number-style style:name="N2"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="3"/></number:number-style>
<number:date-style style:name="N37"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N2"/>
<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N37"/>
<style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>"#;
    let tables = r#"<table:table table:name="S" table:style-name="ta1">
<table:table-column table:default-cell-style-name="ce1"/><table:table-column table:number-columns-repeated="5" table:default-cell-style-name="Default"/>
<table:table-row>
<table:table-cell office:value-type="float" office:value="1" calcext:value-type="float"><text:p>001</text:p></table:table-cell>
<table:table-cell table:style-name="ce1" office:value-type="float" office:value="12"><text:p>012</text:p></table:table-cell>
<table:table-cell office:value-type="date" office:date-value="1985-10-20" calcext:value-type="date"><text:p>20/10/1985</text:p></table:table-cell>
<table:table-cell table:style-name="ce2" office:value-type="float" office:value="28887"><text:p>01/02/1979</text:p></table:table-cell>
<table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell>
<table:table-cell table:formula="of:=VLOOKUP([.A1];[.B1:.B2];2)" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>
<table:table-cell table:formula="of:=[.A1]+1"/>
<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>Err:503</text:p></table:table-cell>
</table:table-row></table:table>"#;
    let xml = doc(styles, tables);
    let mut x = Xml::new(xml.as_bytes(), "content.xml", 1 << 30);
    let mut st = Styles::default();
    let s = body::sheets(&mut x, &mut st).unwrap_or_else(|e| panic!("{e}"));
    let s = &s[0];
    assert_eq!(
        s.grid(1, 8),
        vec![vec![
            Cell::Number(1.0, Format::Zeros(3)),
            Cell::Number(12.0, Format::Zeros(3)),
            Cell::Date(Date {
                year: 1985,
                month: 10,
                day: 20
            }),
            Cell::Date(Date {
                year: 1979,
                month: 2,
                day: 1
            }),
            Cell::Bool(false),
            Cell::Error("#N/A".into()),
            Cell::Formula("of:=[.A1]+1".into()),
            Cell::Error("Err:503".into()),
        ]]
    );
}

#[test]
fn hidden_tables_by_their_style() {
    let styles = r#"<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>"#;
    let tables = r#"<table:table table:name="Năm trước" table:style-name="ta2"><table:table-row><table:table-cell><text:p>cũ</text:p></table:table-cell></table:table-row></table:table>
<table:table table:name="Danh sách" table:style-name="ta1"/>"#;
    let xml = doc(styles, tables);
    let mut x = Xml::new(xml.as_bytes(), "content.xml", 1 << 30);
    let s = body::sheets(&mut x, &mut Styles::default()).unwrap_or_else(|e| panic!("{e}"));
    // The DDE link's cached table is not a sheet.
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].visibility, Visibility::Hidden);
    assert_eq!(s[1].visibility, Visibility::Visible);
    assert_eq!(s[1].name, "Danh sách");
}

#[test]
fn hostile_repeats_are_refused_or_bounded_quickly() {
    let start = std::time::Instant::now();
    // A cell with text repeated past the last column.
    let e = sheets(&doc(
        "",
        r#"<table:table table:name="S"><table:table-row><table:table-cell table:number-columns-repeated="4294967295"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#,
    ));
    assert!(
        matches!(&e, Err(TableError::BeyondGrid { place, .. }) if place == "S!XFE1"),
        "{e:?}"
    );
    // Rows past u32 and past the grid, then a cell.
    let e = sheets(&doc(
        "",
        r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="4294967295"/><table:table-row table:number-rows-repeated="4294967295"/><table:table-row table:number-rows-repeated="18446744073709551615"/><table:table-row><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#,
    ));
    assert!(matches!(e, Err(TableError::BeyondGrid { .. })), "{e:?}");
    // A row with text repeated 4 billion times: stopped by the cell limit or the grid.
    let e = sheets(&doc(
        "",
        r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="4294967295"><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#,
    ));
    assert!(
        matches!(
            e,
            Err(TableError::TooManyCells { .. }
                | TableError::BeyondGrid { .. }
                | TableError::TooManyRows { .. })
        ),
        "{e:?}"
    );
    // Repeated empty rows past u32 advance the counter only, and hidden spans are clamped.
    let s = one(
        r#"<table:table table:name="S"><table:table-row><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row><table:table-row table:visibility="collapse" table:number-rows-repeated="99999999999"/></table:table>"#,
    );
    assert_eq!(s.hidden_rows.spans(), &[(1, 1_048_575)]);
    // A space repeated as text:c.
    let e = sheets(&doc(
        "",
        r#"<table:table table:name="S"><table:table-row><table:table-cell><text:p><text:s text:c="4294967295"/>x</text:p></table:table-cell></table:table-row></table:table>"#,
    ));
    assert!(
        matches!(&e, Err(TableError::CellTooLong { place, chars: None }) if place == "S!A1"),
        "{e:?}"
    );
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

/// A row holding `inner` in its second cell, under a row of one cell.
fn cell_b2(inner: &str) -> String {
    doc(
        "",
        &format!(
            r#"<table:table table:name="S"><table:table-row><table:table-cell><text:p>STT</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell/><table:table-cell office:value-type="string">{inner}</table:table-cell></table:table-row></table:table>"#
        ),
    )
}

#[test]
fn every_count_in_a_cell_stops_at_the_cell_limit_with_its_place() {
    let start = std::time::Instant::now();
    let refused = |inner: &str| {
        let e = sheets(&cell_b2(inner));
        assert!(
            matches!(&e, Err(TableError::CellTooLong { place, .. }) if place == "S!B2"),
            "{inner:.80}: {e:?}"
        );
    };
    refused(r#"<text:p>Phạm<text:s text:c="1000000000"/>Tùng</text:p>"#);
    refused(r#"<text:p>Phạm<text:s text:c="18446744073709551615"/></text:p>"#);
    refused(&format!("<text:p>{}</text:p>", "<text:tab/>".repeat(4_097)));
    refused(&format!(
        "<text:p>{}</text:p>",
        "<text:line-break/>".repeat(4_097)
    ));
    refused(&"<text:p/>".repeat(4_098));
    refused(&format!("<text:p>{}</text:p>", "ệ".repeat(4_097)));
    refused(&format!("<text:p>{}</text:p>", "&amp;".repeat(4_097)));
    refused(&format!(
        r#"<text:p><text:s text:c="4000"/></text:p><text:p>{}</text:p>"#,
        "x".repeat(96)
    ));
    // The text of an attribute is counted too.
    let e = sheets(&cell_b2("").replace(
        r#"office:value-type="string">"#,
        &format!(
            r#"office:value-type="string" office:string-value="{}">"#,
            "a".repeat(5_000)
        ),
    ));
    assert!(
        matches!(&e, Err(TableError::CellTooLong { place, .. }) if place == "S!B2"),
        "{e:?}"
    );
    // At the limit, the cell is read.
    let s = sheets(&cell_b2(r#"<text:p><text:s text:c="4095"/>x</text:p>"#)).unwrap_or_default();
    assert!(
        matches!(s.first().map(|s| s.get(1, 1)), Some(Cell::Text(t)) if t.chars().count() == 4_096)
    );
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn one_long_text_repeated_over_the_sheet_is_refused_before_it_is_copied() {
    let start = std::time::Instant::now();
    let long = "x".repeat(4_000);
    let e = sheets(&doc(
        "",
        &format!(
            r#"<table:table table:name="S"><table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="100"><text:p>{long}</text:p></table:table-cell></table:table-row></table:table>"#
        ),
    ));
    assert!(
        matches!(&e, Err(TableError::TooManyItems { part, .. }) if part == "content.xml"),
        "{e:?}"
    );
    // Across one row's columns.
    let long = "ệ".repeat(4_000);
    let e = sheets(&doc(
        "",
        &format!(
            r#"<table:table table:name="S"><table:table-row><table:table-cell table:number-columns-repeated="16384"><text:p>{long}</text:p></table:table-cell></table:table-row></table:table>"#
        ),
    ));
    assert!(matches!(&e, Err(TableError::TooManyItems { .. })), "{e:?}");
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn broken_xml_is_an_error() {
    for xml in [
        doc("", r#"<table:table table:name="S"><table:table-row>"#).replace(
            "</office:spreadsheet></office:body></office:document-content>",
            "",
        ),
        r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="S"><table:table-row><table:table-cell><text:p>x"#.to_owned(),
        format!("<a>{}", "<b>".repeat(5000)),
        doc(
            "",
            r#"<table:table table:name="S"><table:table-row><table:table-cell><text:p>&unknown;</text:p></table:table-cell></table:table-row></table:table>"#,
        ),
        "<a></b>".to_owned(),
    ] {
        assert!(matches!(sheets(&xml), Err(TableError::Spreadsheet(_))), "{xml:.80}");
    }
}

#[test]
fn the_budget_counts_inflated_bytes() {
    let xml = doc("", &"<table:table table:name=\"S\"/>".repeat(1000));
    let mut x = Xml::new(xml.as_bytes(), "content.xml", 1000);
    let e = body::sheets(&mut x, &mut Styles::default());
    assert!(matches!(e, Err(TableError::Inflated(_))), "{e:?}");
}

#[test]
fn unusual_prefixes_are_refused_not_read_as_empty() {
    let odd = r#"<o:document-content xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><o:body><o:spreadsheet><t:table t:name="S"/></o:spreadsheet></o:body></o:document-content>"#;
    assert!(matches!(sheets(odd), Err(TableError::Spreadsheet(_))));
    let swapped = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:text:1.0"/>"#;
    assert!(matches!(sheets(swapped), Err(TableError::Spreadsheet(_))));
    let usual = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:foo="urn:foo"><office:body><office:spreadsheet><table:table table:name="S"/></office:spreadsheet></office:body></office:document-content>"#;
    assert_eq!(sheets(usual).map(|s| s.len()).ok(), Some(1));
}

#[test]
fn a_cell_without_a_style_is_in_the_default_style() {
    let styles = r#"<number:number-style style:name="N2"><number:number number:decimal-places="0" number:min-integer-digits="3"/></number:number-style>
<style:style style:name="Default" style:family="table-cell" style:data-style-name="N2"/>"#;
    let xml = doc(
        styles,
        r#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="float" office:value="7"><text:p>007</text:p></table:table-cell></table:table-row></table:table>"#,
    );
    let mut x = Xml::new(xml.as_bytes(), "content.xml", 1 << 30);
    let s = body::sheets(&mut x, &mut Styles::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s[0].get(0, 0), &Cell::Number(7.0, Format::Zeros(3)));
}

#[test]
fn cdata_is_text_and_too_many_styles_are_refused() {
    let s = one(
        r#"<table:table table:name="S"><table:table-row><table:table-cell><text:p><![CDATA[Lê <Văn>]]> Bình</text:p></table:table-cell></table:table-row></table:table>"#,
    );
    assert_eq!(s.get(0, 0), &text("Lê <Văn> Bình"));
    let styles: String = (0..100_002)
        .map(|i| format!(r#"<style:style style:family="table-cell" style:name="c{i}"/>"#))
        .collect();
    assert!(matches!(
        sheets(&doc(&styles, "")),
        Err(TableError::Spreadsheet(_))
    ));
}

#[test]
fn the_sheets_their_cells_and_their_text_count_for_the_whole_workbook() {
    // Thirty bytes a sheet: the inflated budget held millions of them.
    let e = sheets(&doc("", &r#"<table:table table:name="S"/>"#.repeat(5_000)));
    assert!(
        matches!(&e, Err(TableError::TooManyItems { what: "sheets", .. })),
        "{e:?}"
    );
    // 300,000 cells in each of two sheets: more than MAX_CELLS (500,000) for the workbook.
    let big = |name: &str| {
        format!(
            r#"<table:table table:name="{name}"><table:table-row table:number-rows-repeated="300"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"/></table:table-row></table:table>"#
        )
    };
    let e = sheets(&doc("", &format!("{}{}", big("A"), big("B"))));
    assert!(
        matches!(&e, Err(TableError::TooManyCells { sheet, .. }) if sheet == "B"),
        "{e:?}"
    );
    assert!(sheets(&doc("", &big("A"))).is_ok());
}
