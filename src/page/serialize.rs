//! Turning laid-out pages into PDF bytes with printpdf, the same bytes every time.
//!
//! printpdf 0.12.8 names fonts and fills the trailer's `/ID` from a process-wide counter that
//! nothing can reset, so two renders of one document in one process (`dossier verify`
//! regenerating a cover list, a test rendering twice) would differ. Everything that counter
//! would name is named here instead: the fonts are registered under fixed resource names, the
//! dates come from the document, not the clock, no XMP packet is written (its instance id comes
//! from the same counter), and the `/ID` is overwritten with a hash of the file itself.
//!
//! The lopdf document that printpdf hands back is edited through its methods only: this crate
//! does not depend on lopdf itself, so that printpdf's pin decides its version.

use printpdf::{
    Color, Date, Greyscale, Line, LinePoint, Mm, Offset, OffsetDateTime, Op, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem, TextMatrix, Time,
};
use sha2::{Digest, Sha256};

use super::fonts::{Face, Fonts};
use super::layout::{Item, RULE_WIDTH};
use super::PageError;

/// Document-level facts written into the PDF's information dictionary.
pub(crate) struct Meta<'a> {
    pub(crate) title: &'a str,
    pub(crate) author: &'a str,
    pub(crate) subject: &'a str,
    pub(crate) date: crate::date::Date,
}

/// Compressed font programs, by the SHA-256 of the uncompressed bytes: the same faces go
/// into every PDF a process writes (502 for a 500-nominee draft), and compressing them was most
/// of the time of each. lopdf compresses deterministically, so a cached stream is byte for byte
/// the one `compress` would make.
static FONT_STREAMS: std::sync::Mutex<Vec<([u8; 32], Vec<u8>)>> = std::sync::Mutex::new(Vec::new());

/// Compress the embedded font programs (the streams with `/Length1`) from the cache, filling it
/// on first use; `compress` then leaves them alone, as they carry a filter.
macro_rules! compress_fonts_body {
    ($pdf:expr) => {
        for object in $pdf.objects.values_mut() {
            let Ok(stream) = object.as_stream_mut() else {
                continue;
            };
            if !stream.dict.has(b"Length1") || stream.dict.has(b"Filter") {
                continue;
            }
            let key: [u8; 32] = Sha256::digest(&stream.content).into();
            let cached = FONT_STREAMS
                .lock()
                .ok()
                .and_then(|c| c.iter().find(|(k, _)| *k == key).map(|(_, z)| z.clone()));
            match cached {
                Some(z) => {
                    stream.dict.set("Filter", "FlateDecode");
                    stream.set_content(z);
                }
                None => {
                    if stream.compress().is_ok() && stream.dict.has(b"Filter") {
                        if let Ok(mut c) = FONT_STREAMS.lock() {
                            c.push((key, stream.content.clone()));
                        }
                    }
                }
            }
        }
    };
}

/// Serialise `pages` (A4) with the faces of `fonts` embedded (bold italic only when used).
pub(crate) fn write(
    fonts: &Fonts,
    pages: Vec<Vec<Item>>,
    meta: &Meta<'_>,
) -> Result<Vec<u8>, PageError> {
    write_on(fonts, pages, meta, (210.0, 297.0))
}

/// [`write`] on paper of another size, (width, height) in millimetres: the certificates are
/// printed on the office's blank, often A4 landscape.
pub(crate) fn write_on(
    fonts: &Fonts,
    pages: Vec<Vec<Item>>,
    meta: &Meta<'_>,
    paper: (f32, f32),
) -> Result<Vec<u8>, PageError> {
    let mut doc = PdfDocument::new(meta.title);
    let info = &mut doc.metadata.info;
    let date = OffsetDateTime::new_in_offset(
        Date {
            year: i32::from(meta.date.year),
            month: meta.date.month,
            day: meta.date.day,
        },
        Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    );
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.author = meta.author.to_owned();
    info.subject = meta.subject.to_owned();
    info.creator = "dossier".to_owned();
    info.producer = "dossier (printpdf 0.12.8)".to_owned();

    let used = |face: Face| {
        pages
            .iter()
            .flatten()
            .any(|item| matches!(item, super::layout::Item::Text { face: f, .. } if *f == face))
    };
    for face in Face::ALL {
        if !face.always_embedded() && !used(face) {
            continue;
        }
        let id = printpdf::FontId(face.resource_name().to_owned());
        doc.resources
            .fonts
            .map
            .insert(id, PdfFont::new(fonts.parsed(face).clone()));
    }
    doc.pages = pages
        .into_iter()
        .map(|items| PdfPage::new(Mm(paper.0), Mm(paper.1), page_ops(&items)))
        .collect();

    // No subsetting: the shipped fonts are subset already, and printpdf subsets only with its
    // `text_layout` feature, which triples the build time.
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut pdf = doc.to_lopdf_document(&options, &mut warnings);
    if let Some(w) = warnings
        .iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        return Err(PageError::Pdf(w.msg.clone()));
    }
    // printpdf always writes `/GTS_PDFXVersion` (empty here), which readers take as a claim of
    // PDF/X conformance, and an empty `/Identifier`: a cover list claims neither.
    if let Ok(info) = pdf.trailer.get(b"Info").and_then(|o| o.as_reference()) {
        if let Ok(dict) = pdf.get_object_mut(info).and_then(|o| o.as_dict_mut()) {
            dict.remove(b"GTS_PDFXVersion");
            dict.remove(b"Identifier");
            dict.remove(b"Keywords");
        }
    }
    compress_fonts_body!(pdf);
    pdf.compress();

    // Replace both strings of the trailer's `/ID` (printpdf always writes it, from its counter).
    // A macro, because the document's type belongs to lopdf, which this crate does not name.
    macro_rules! set_id {
        ($id:expr) => {{
            let missing = || PageError::Pdf("printpdf wrote no /ID to the trailer".to_owned());
            let array = pdf
                .trailer
                .get_mut(b"ID")
                .and_then(|o| o.as_array_mut())
                .map_err(|_| missing())?;
            if array.is_empty() {
                return Err(missing());
            }
            for part in array.iter_mut() {
                *part.as_str_mut().map_err(|_| missing())? = $id.to_vec();
            }
        }};
    }

    // The file's identity is its content: write it with a zero /ID, hash that, and write the
    // hash in its place. A second save of the same lopdf document gives the same bytes but
    // for the /ID.
    set_id!([b'0'; 32]);
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes)
        .map_err(|e| PageError::Pdf(e.to_string()))?;
    let digest = Sha256::digest(&bytes);
    let hex: Vec<u8> = digest[..16]
        .iter()
        .flat_map(|b| format!("{b:02x}").into_bytes())
        .collect();
    set_id!(hex);
    bytes.clear();
    pdf.save_to(&mut bytes)
        .map_err(|e| PageError::Pdf(e.to_string()))?;
    Ok(bytes)
}

/// The content of one page: text first (one text object, a font change only when the style
/// changes), then the rules.
fn page_ops(items: &[Item]) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    let mut current: Option<(Face, f32)> = None;
    for item in items {
        if let Item::Text {
            face,
            size,
            x,
            y,
            text,
        } = item
        {
            if current != Some((*face, *size)) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(printpdf::FontId(
                        face.resource_name().to_owned(),
                    )),
                    size: Pt(*size),
                });
                current = Some((*face, *size));
            }
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(*x), Pt(*y)),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(text.clone())],
            });
        }
    }
    ops.push(Op::EndTextSection);
    ops.push(Op::SetOutlineColor {
        col: Color::Greyscale(Greyscale {
            percent: 0.0,
            icc_profile: None,
        }),
    });
    ops.push(Op::SetOutlineThickness { pt: Pt(RULE_WIDTH) });
    for item in items {
        if let Item::Rule { x1, y1, x2, y2 } = item {
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![point(*x1, *y1), point(*x2, *y2)],
                    is_closed: false,
                },
            });
        }
    }
    ops
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}
