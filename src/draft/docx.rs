//! A draft as a DOCX file (Office Open XML), for the clerk to edit in Word or LibreOffice.
//!
//! Written by hand with the `zip` crate the bundle already uses, rather than with a DOCX
//! library: a draft needs eight small XML parts, and `docx-rs` (0.4) would bring a second
//! version of `zip` and of `quick-xml` for them. Writing the parts here also makes the bytes
//! reproducible by construction: entries in a fixed order, every timestamp and the document's
//! core properties set to the document's date, fixed permissions.
//!
//! Decree 30 settings: A4, margins 20/20/30/15 mm, Times New Roman named (the font a Vietnamese
//! office has; the PDF embeds its metric twin Tinos), 14 pt body, 13 pt signatures and header,
//! 12 and 11 pt for "Nơi nhận", first-line indent 1 cm, justified body, page numbers centred in
//! the top margin from page 2.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use unicode_normalization::UnicodeNormalization;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::model::{
    Align, Block, Column, Document, Emphasis, Signature, MOTTO, NATIONAL_TITLE, STAMP,
};

/// A4 text width in twentieths of a point: 210 mm less 30 + 15 mm margins.
const TEXT_WIDTH: u32 = 11906 - 1701 - 850;
/// The header block's left column: 45 % of the text width, as in the PDF.
const LEFT: u32 = TEXT_WIDTH * 45 / 100;
const RIGHT: u32 = TEXT_WIDTH - LEFT;

/// Why a DOCX could not be written (the zip writer failed; nothing depends on the input).
#[derive(Debug, thiserror::Error)]
#[error("the DOCX could not be written: {0}")]
pub struct DocxError(#[from] zip::result::ZipError);

/// Text fit for XML: NFC, escaped, and without the control characters XML 1.0 forbids. A dash
/// between words keeps to both (no-break spaces), as in the PDF: at the end of a line it would
/// read as a hyphen, at the start of one as a list item.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let s = s.replace(" - ", "\u{a0}-\u{a0}");
    for c in s.nfc() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\u{FFFE}' | '\u{FFFF}' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A run: text in a face and size (half-points).
fn run(out: &mut String, text: &str, bold: bool, italic: bool, half_points: u32) {
    let _ = write!(out, "<w:r><w:rPr>");
    if bold {
        out.push_str("<w:b/>");
    }
    if italic {
        out.push_str("<w:i/>");
    }
    let _ = write!(
        out,
        "<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
        esc(text)
    );
}

/// A heading of several lines in one paragraph, broken where `lines` says.
fn broken(out: &mut String, lines: &[String], bold: bool, half_points: u32) {
    para_open(out, "center", 0, 0);
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("<w:r><w:br/></w:r>");
        }
        run(out, l, bold, false, half_points);
    }
    out.push_str("</w:p>");
}

/// Paragraph properties: alignment, first-line indent, space after (twips).
fn para_open(out: &mut String, jc: &str, first_line: u32, after: u32) {
    let _ = write!(
        out,
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"{after}\"/>"
    );
    if first_line > 0 {
        let _ = write!(out, "<w:ind w:firstLine=\"{first_line}\"/>");
    }
    let _ = write!(out, "<w:jc w:val=\"{jc}\"/></w:pPr>");
}

/// One line of text as a paragraph.
fn line(out: &mut String, text: &str, jc: &str, bold: bool, italic: bool, half_points: u32) {
    para_open(out, jc, 0, 0);
    run(out, text, bold, italic, half_points);
    out.push_str("</w:p>");
}

/// A short rule: an empty paragraph with a top border, narrowed by indents to `length` of a
/// box `width` wide.
fn rule(out: &mut String, width: u32, length: u32) {
    let side = width.saturating_sub(length) / 2;
    let _ = write!(
        out,
        "<w:p><w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/><w:ind w:left=\"{side}\" w:right=\"{side}\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"4\"/></w:rPr></w:r></w:p>"
    );
}

/// A rough width in twips of a line of capitals or text at a size: enough to size a rule.
fn estimate(text: &str, half_points: u32, caps: bool) -> u32 {
    let per_char = if caps { 0.68 } else { 0.5 };
    let n = text.chars().count() as f32;
    (n * per_char * half_points as f32 * 10.0) as u32
}

fn cell_open(out: &mut String, width: u32) {
    let _ = write!(
        out,
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>"
    );
}

fn borderless_table_open(out: &mut String, widths: &[u32]) {
    out.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
    for w in widths {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid><w:tr>");
}

/// The header block: issuing body and number left, national title, motto and date line right.
fn header_block(out: &mut String, doc: &Document, breaker: Breaker<'_>) {
    borderless_table_open(out, &[LEFT, RIGHT]);
    cell_open(out, LEFT);
    if let Some(p) = &doc.header.parent {
        broken(out, &breaker(p, false), false, 26);
    }
    let issuer = breaker(&doc.header.issuer, true);
    broken(out, &issuer, true, 26);
    // The widest line of the issuer sets the rule: a third to a half of it.
    let widest = issuer
        .iter()
        .map(|l| estimate(l, 26, true))
        .max()
        .unwrap_or(0);
    rule(out, LEFT, (widest * 2 / 5).clamp(600, LEFT * 2 / 5));
    if let Some(s) = &doc.header.symbol {
        line(out, &format!("Số: {s}"), "center", false, false, 26);
    }
    out.push_str("</w:tc>");
    cell_open(out, RIGHT);
    line(out, NATIONAL_TITLE, "center", true, false, 24);
    line(out, MOTTO, "center", true, false, 26);
    rule(out, RIGHT, estimate(MOTTO, 26, false).min(RIGHT));
    line(out, &doc.place_date(), "center", false, true, 26);
    out.push_str("</w:tc></w:tr></w:tbl>");
}

fn title(out: &mut String, doc: &Document) {
    para_open(out, "center", 0, 0);
    out.push_str("</w:p>");
    line(out, &doc.doc_type, "center", true, false, 28);
    let mut widest = 0;
    for s in &doc.summary {
        line(out, s, "center", true, false, 28);
        widest = widest.max(estimate(s, 28, false).min(TEXT_WIDTH));
    }
    if widest > 0 {
        rule(out, TEXT_WIDTH, widest * 2 / 5);
    }
    para_open(out, "center", 0, 0);
    out.push_str("</w:p>");
}

fn table(out: &mut String, columns: &[Column], rows: &[Vec<String>]) {
    let total: f32 = columns
        .iter()
        .map(|c| c.share)
        .sum::<f32>()
        .max(f32::EPSILON);
    let widths: Vec<u32> = columns
        .iter()
        .map(|c| (TEXT_WIDTH as f32 * c.share / total) as u32)
        .collect();
    // ECMA-376's order within tblPr: tblW, tblBorders, tblLayout, tblCellMar (Word "repairs" a
    // file with tblLayout first).
    out.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(
            out,
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        );
    }
    out.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
    for w in &widths {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid>");
    // The header row repeats on every page, as in the PDF.
    out.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    for (c, w) in columns.iter().zip(&widths) {
        cell_open(out, *w);
        line(out, c.header, "center", true, false, 24);
        out.push_str("</w:tc>");
    }
    out.push_str("</w:tr>");
    for row in rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for ((text, c), w) in row.iter().zip(columns).zip(&widths) {
            cell_open(out, *w);
            line(
                out,
                text,
                if c.centre { "center" } else { "left" },
                false,
                false,
                24,
            );
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

fn signature(out: &mut String, s: &Signature) {
    for l in &s.lines {
        line(out, &l.to_uppercase(), "center", true, false, 26);
    }
    if let Some(n) = &s.note {
        line(out, n, "center", false, true, 26);
    }
    for _ in 0..4 {
        para_open(out, "center", 0, 0);
        out.push_str("</w:p>");
    }
    line(out, &s.name, "center", true, false, 26);
}

fn closing(out: &mut String, recipients: &[String], right: &Signature, left: Option<&Signature>) {
    let half = TEXT_WIDTH / 2;
    para_open(out, "left", 0, 0);
    out.push_str("</w:p>");
    borderless_table_open(out, &[half, TEXT_WIDTH - half]);
    cell_open(out, half);
    match left {
        Some(s) => signature(out, s),
        None if recipients.is_empty() => {
            para_open(out, "left", 0, 0);
            out.push_str("</w:p>");
        }
        None => {
            line(out, "Nơi nhận:", "left", true, true, 24);
            for r in recipients {
                line(out, r, "left", false, false, 22);
            }
        }
    }
    out.push_str("</w:tc>");
    cell_open(out, TEXT_WIDTH - half);
    signature(out, right);
    out.push_str("</w:tc></w:tr></w:tbl>");
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Para {
            label,
            text,
            align,
            emphasis,
            indent,
        } => {
            let jc = match align {
                Align::Left => "left",
                Align::Centre => "center",
                Align::Justify => "both",
            };
            para_open(out, jc, if *indent { 567 } else { 0 }, 60);
            if let Some(l) = label {
                run(out, &format!("{l} "), true, false, 28);
            }
            run(
                out,
                text,
                *emphasis == Emphasis::Bold,
                *emphasis == Emphasis::Italic,
                28,
            );
            out.push_str("</w:p>");
        }
        Block::Table { columns, rows } => {
            table(out, columns, rows);
            para_open(out, "left", 0, 0);
            out.push_str("</w:p>");
        }
        Block::Closing {
            recipients,
            right,
            left,
        } => closing(out, recipients, right, left.as_ref()),
        Block::PageBreak => out.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"),
        Block::Title(t) => line(out, t, "center", true, false, 28),
        Block::Space(pt) => {
            let _ = write!(
                out,
                "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{}\" w:lineRule=\"exact\"/></w:pPr></w:p>",
                (pt * 20.0).max(20.0) as u32
            );
        }
    }
}

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

fn document_xml(doc: &Document, breaker: Breaker<'_>) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>"
    );
    header_block(&mut out, doc, breaker);
    title(&mut out, doc);
    for b in &doc.blocks {
        block(&mut out, b);
    }
    out.push_str("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:headerReference w:type=\"first\" r:id=\"rIdFirst\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body></w:document>");
    out
}

/// A page header: the stamp when there is one, and the page number (not on page 1).
fn header_xml(stamp: bool, number: bool) -> String {
    let mut out =
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NS}>");
    if stamp {
        out.push_str("<w:p><w:pPr><w:pBdr>");
        for side in ["top", "left", "bottom", "right"] {
            let _ = write!(
                out,
                "<w:{side} w:val=\"single\" w:sz=\"8\" w:space=\"1\" w:color=\"000000\"/>"
            );
        }
        let _ = write!(
            out,
            "</w:pBdr><w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:right=\"{}\"/></w:pPr>",
            TEXT_WIDTH - 1500
        );
        run(&mut out, STAMP, true, false, 26);
        out.push_str("</w:p>");
    }
    out.push_str(
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr>",
    );
    if number {
        out.push_str("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:rPr><w:sz w:val=\"26\"/></w:rPr><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
    }
    out.push_str("</w:p></w:hdr>");
    out
}

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style><w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style></w:styles>";

const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/><Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/><Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/><Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/><Relationship Id=\"rIdFirst\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header2.xml\"/></Relationships>";

const APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>dossier</Application></Properties>";

fn core_xml(doc: &Document) -> String {
    let d = doc.date;
    let when = format!("{:04}-{:02}-{:02}T00:00:00Z", d.year, d.month, d.day);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>vi-VN</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified></cp:coreProperties>",
        esc(&doc.meta_title),
        esc(&doc.header.issuer)
    )
}

/// Breaks a body's name into the header block's lines: (text, bold) to lines in capitals.
pub type Breaker<'a> = &'a (dyn Fn(&str, bool) -> Vec<String> + Sync);

/// The DOCX file of a document. Deterministic: the same document gives the same bytes.
pub fn render(doc: &Document, breaker: Breaker<'_>) -> Result<Vec<u8>, DocxError> {
    let d = doc.date;
    let (y, m, day) = if d.year < 1980 {
        (1980, 1, 1)
    } else {
        (d.year, d.month, d.day)
    };
    let time = zip::DateTime::from_date_and_time(y, m, day, 0, 0, 0).unwrap_or_default();
    let options = SimpleFileOptions::default()
        .last_modified_time(time)
        .unix_permissions(0o644)
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6));
    let parts: [(&str, String); 9] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", RELS.to_owned()),
        ("docProps/app.xml", APP.to_owned()),
        ("docProps/core.xml", core_xml(doc)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/document.xml", document_xml(doc, breaker)),
        ("word/header1.xml", header_xml(doc.stamp, true)),
        ("word/header2.xml", header_xml(doc.stamp, false)),
        ("word/settings.xml", SETTINGS.to_owned()),
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in &parts {
        zip.start_file(*name, options)?;
        zip.write_all(text.as_bytes())
            .map_err(zip::result::ZipError::Io)?;
    }
    let styles_name = "word/styles.xml";
    zip.start_file(styles_name, options)?;
    zip.write_all(STYLES.as_bytes())
        .map_err(zip::result::ZipError::Io)?;
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_nfc_and_free_of_control_characters() {
        let nfd: String = "Nguyễn".nfd().collect();
        assert_eq!(
            esc(&format!("{nfd} <&> \u{1}\"")),
            "Nguyễn &lt;&amp;&gt;  &quot;"
        );
    }
}
