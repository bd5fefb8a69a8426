//! The page engine: Decree 30 documents laid out on A4 and written as PDF, the same bytes on
//! every run.
//!
//! Two commands print with it: `pack` its cover list (`DANH-MUC.pdf`, `pack::cover_pdf`) and
//! `draft` the documents to sign (through [`document::DocumentPdf`]), and the drafts' DOCX asks it
//! where lines break ([`document::Lines`]). It lived in `pack/cover_pdf/` until #20, so `draft`
//! reached up into `pack` for it; now both stand on it and it knows neither, nor any rule.
//!
//! Named `page` rather than `pdf` because what it holds is the page: Decree 30's geometry
//! (margins, sizes, the header block, page numbers), the embedded Tinos faces and how wide text
//! is in them, where a clerk breaks a name; the PDF is only its last step (`serialize`), and the
//! DOCX is laid out on the same geometry and breaks.
//!
//! - `fonts`: the embedded faces, measuring text, making it printable;
//! - `layout`: the geometry and the flow that fills pages; `wrap`: line breaking (`clerk_breaks`
//!   for names in capitals); `table`: ruled tables across pages;
//! - `header`: the Decree 30 header block and page numbers;
//! - [`model`]: a Decree 30 document as data; [`document`]: printing one;
//! - `serialize`: printpdf, made deterministic.
//!
//! It uses only `text` (the fonts' glyph coverage), `date` and `diag` (its words).

pub mod document;
pub(crate) mod fonts;
pub(crate) mod header;
pub(crate) mod layout;
pub mod model;
pub(crate) mod serialize;
pub(crate) mod style;
pub(crate) mod table;
pub(crate) mod wrap;

use crate::diag::Msg;
use crate::msg;

/// Why a page could not be printed. Neither depends on the input: both mean a broken
/// installation or a bug in the PDF writer, but they are reported, not panicked on.
#[derive(Debug)]
pub enum PageError {
    /// An embedded font file could not be parsed (its PostScript name).
    Font(&'static str),
    /// The PDF writer failed (its own words, English).
    Pdf(String),
}

impl PageError {
    /// What went wrong, in Vietnamese and English. The commands say which file could not be
    /// made around these words (`cli/pack.rs`, `cli/draft.rs`).
    #[must_use]
    pub fn msg(&self) -> Msg {
        match self {
            PageError::Font(name) => msg!(
                "không đọc được phông chữ {name} đi kèm chương trình";
                "the embedded font {name} could not be read"
            ),
            PageError::Pdf(why) => msg!(
                "bộ tạo PDF báo lỗi: {why}";
                "the PDF could not be written: {why}"
            ),
        }
    }
}

crate::english_display!(PageError);

impl std::error::Error for PageError {}

#[cfg(test)]
mod tests {
    use super::PageError;

    /// `dossier draft --lang en` prints these words inside its own ("could not draft (…)"), as
    /// it did when they were `CoverError`'s: the move must not change them.
    #[test]
    fn its_english_is_the_words_the_commands_print() {
        assert_eq!(
            PageError::Font("Tinos-Bold").to_string(),
            "the embedded font Tinos-Bold could not be read"
        );
        assert_eq!(
            PageError::Pdf("no /ID".to_owned()).to_string(),
            "the PDF could not be written: no /ID"
        );
        assert!(PageError::Font("Tinos")
            .msg()
            .vi
            .contains("phông chữ Tinos"));
    }
}
