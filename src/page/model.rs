//! A Decree 30 document as data, independent of the file format it is written in.
//!
//! The same draft goes out twice, as PDF ([`super::document::DocumentPdf`]) and as DOCX (for
//! editing in Word or LibreOffice, `draft::docx`). Composing the text once (`draft::compose`)
//! into this model and rendering it twice keeps the two files saying the same words: a test
//! reads both back and compares them with the same list of strings. It lives with the page
//! engine, which prints it, so that `draft` and the engine both stand on it (#20).

use crate::date::Date;

/// One document to sign: its header block, title and body.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// File stem in the output folder, e.g. `to-trinh` or `bao-cao/le-van-binh`.
    pub stem: String,
    /// The document's title in the files' metadata.
    pub meta_title: String,
    /// The document's date: the PDF's and DOCX's dates, and every zip timestamp.
    pub date: Date,
    /// Stamp "DỰ THẢO" on every page (a draft made from a dossier with errors).
    pub stamp: bool,
    /// The dossier gives no date for the document (a draft anyway): the date line reads
    /// "ngày … tháng … năm …", for the clerk to fill in, never the epoch `date` defaults to.
    pub undated: bool,
    /// Undated, but in the document's year: the date line reads "ngày … tháng … năm 2026" (a
    /// letter dated by hand when it is signed, this year).
    pub signing_year: bool,
    /// The header block.
    pub header: Header,
    /// Document type in capitals, e.g. "TỜ TRÌNH".
    pub doc_type: String,
    /// The summary line(s) (trích yếu) under the type, bold; a short rule under them.
    pub summary: Vec<String>,
    /// The body, top to bottom.
    pub blocks: Vec<Block>,
}

/// The issuing body top left, the national title top right, number and date line under them.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// Parent body (upright capitals), if any.
    pub parent: Option<String>,
    /// Issuing body (bold capitals, short rule under it).
    pub issuer: String,
    /// Number and symbol without "Số: ", or None for a document that has none.
    pub symbol: Option<String>,
    /// The place name of the date line ("Gia Viễn"); the date is the document's.
    pub place: String,
}

/// A paragraph's alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Centre,
    /// Justified, the last line flush left (Decree 30's body text).
    Justify,
}

/// A paragraph's face.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    /// Upright.
    Plain,
    /// Bold.
    Bold,
    /// Italic.
    Italic,
}

/// A table column: header, share of the text width, centred cells or not.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Header text.
    pub header: &'static str,
    /// Share of the text width (the shares are scaled to sum to one).
    pub share: f32,
    /// Cells centred (numbers, dates) rather than flush left.
    pub centre: bool,
}

/// The signature block: authority lines in bold capitals, then room to sign, then the name.
#[derive(Debug, Clone, Default)]
pub struct Signature {
    /// "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"; printed in bold capitals.
    pub lines: Vec<String>,
    /// A note in italics under them, e.g. "(Ký, ghi rõ họ tên)".
    pub note: Option<String>,
    /// The signer's name, bold.
    pub name: String,
}

/// A block of the body.
#[derive(Debug, Clone)]
pub enum Block {
    /// A paragraph, optionally opening with a bold label ("Kính gửi:").
    Para {
        /// Bold text before the paragraph's text, on its first line.
        label: Option<String>,
        /// The text.
        text: String,
        /// Alignment.
        align: Align,
        /// Face of the text.
        emphasis: Emphasis,
        /// First-line indent (Decree 30: 1-1.27 cm).
        indent: bool,
    },
    /// A ruled table with a header row repeated on every page.
    Table {
        /// Columns.
        columns: Vec<Column>,
        /// Rows, one text per column.
        rows: Vec<Vec<String>>,
    },
    /// "Nơi nhận:" with its list at the left, the signature at the right, side by side.
    Closing {
        /// Recipients, each printed "- …;" (the last "- Lưu: VT.").
        recipients: Vec<String>,
        /// Signature on the right.
        right: Signature,
        /// A second signature on the left instead of the recipients (minutes: the secretary;
        /// reports: the confirming body).
        left: Option<Signature>,
    },
    /// Following blocks start on a new page.
    PageBreak,
    /// A centred bold title inside the body (the list annexed to a proposal).
    Title(String),
    /// Vertical space, in points.
    Space(f32),
}

impl Block {
    /// A justified body paragraph with a first-line indent.
    #[must_use]
    pub fn body(text: impl Into<String>) -> Block {
        Block::Para {
            label: None,
            text: text.into(),
            align: Align::Justify,
            emphasis: Emphasis::Plain,
            indent: true,
        }
    }

    /// A bold heading flush left, indented like body text.
    #[must_use]
    pub fn heading(text: impl Into<String>) -> Block {
        Block::Para {
            label: None,
            text: text.into(),
            align: Align::Left,
            emphasis: Emphasis::Bold,
            indent: true,
        }
    }

    /// Whether the block is a heading (bold, flush left, no label): it goes on the page of the
    /// paragraph under it, in both files.
    #[must_use]
    pub fn is_heading(&self) -> bool {
        matches!(
            self,
            Block::Para {
                label: None,
                align: Align::Left,
                emphasis: Emphasis::Bold,
                ..
            }
        )
    }

    /// A body paragraph that opens with a bold label.
    #[must_use]
    pub fn labelled(label: impl Into<String>, text: impl Into<String>) -> Block {
        Block::Para {
            label: Some(label.into()),
            text: text.into(),
            align: Align::Justify,
            emphasis: Emphasis::Plain,
            indent: true,
        }
    }

    /// A centred paragraph in the given face.
    #[must_use]
    pub fn centred(text: impl Into<String>, emphasis: Emphasis) -> Block {
        Block::Para {
            label: None,
            text: text.into(),
            align: Align::Centre,
            emphasis,
            indent: false,
        }
    }
}

/// The fixed words of every Decree 30 document.
pub const NATIONAL_TITLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// The motto under the national title.
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// The date line of a document the dossier gives no date for.
pub const UNDATED: &str = "ngày … tháng … năm …";
/// The stamp on every page of a draft made from a dossier with errors.
pub const STAMP: &str = "DỰ THẢO";

/// The date of the date line: `date`, or "ngày … tháng … năm …" when `undated`, with `date`'s
/// year when `signing_year`.
#[must_use]
pub fn date_words(date: Date, undated: bool, signing_year: bool) -> String {
    match (undated, signing_year) {
        (false, _) => date.vietnamese(),
        (true, false) => UNDATED.to_owned(),
        (true, true) => format!("ngày … tháng … năm {}", date.year),
    }
}

impl Document {
    /// "Gia Viễn, ngày 18 tháng 9 năm 2026" (Decree 30's date line).
    #[must_use]
    pub fn place_date(&self) -> String {
        let date = date_words(self.date, self.undated, self.signing_year);
        match self.header.place.trim() {
            "" => date,
            place => format!("{place}, {date}"),
        }
    }

    /// Every text the document prints, in order: what a reader of either file must find.
    #[must_use]
    pub fn strings(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(p) = &self.header.parent {
            out.push(p.to_uppercase());
        }
        out.push(self.header.issuer.to_uppercase());
        if let Some(s) = &self.header.symbol {
            out.push(format!("Số: {s}"));
        }
        out.push(NATIONAL_TITLE.to_owned());
        out.push(MOTTO.to_owned());
        out.push(self.place_date());
        out.push(self.doc_type.clone());
        out.extend(self.summary.iter().cloned());
        for b in &self.blocks {
            match b {
                Block::Para { label, text, .. } => {
                    out.extend(label.iter().cloned());
                    out.push(text.clone());
                }
                Block::Table { columns, rows } => {
                    out.extend(columns.iter().map(|c| c.header.to_owned()));
                    out.extend(rows.iter().flatten().cloned());
                }
                Block::Closing {
                    recipients,
                    right,
                    left,
                } => {
                    if left.is_none() && !recipients.is_empty() {
                        out.push("Nơi nhận:".to_owned());
                        out.extend(recipients.iter().cloned());
                    }
                    for s in left.iter().chain(std::iter::once(right)) {
                        out.extend(s.lines.iter().map(|l| l.to_uppercase()));
                        out.extend(s.note.iter().cloned());
                        out.push(s.name.clone());
                    }
                }
                Block::Title(t) => out.push(t.clone()),
                Block::PageBreak | Block::Space(_) => {}
            }
        }
        if self.stamp {
            out.push(STAMP.to_owned());
        }
        out.retain(|s| !s.trim().is_empty());
        out
    }
}
