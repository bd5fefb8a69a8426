//! The printed cover list (danh mục hồ sơ) of a submission bundle: `DANH-MUC.pdf`.
//!
//! The receiving office files the bundle by this page, so it is laid out as a Vietnamese
//! administrative document (Decree 30/2020/NĐ-CP, see `docs/` and the shared layout notes): A4,
//! the issuing body top left and the national title top right, the place-and-date line, the
//! title, then two tables (the dossier's components and the nominees). Its text must survive
//! copying out of the PDF (`pdftotext` gives back every Vietnamese string exactly), and the same
//! dossier must give the same bytes on every run, so that a bundle can be rebuilt and compared.
//!
//! [`render`] is a pure function from [`CoverList`] to bytes. The page engine (`crate::page`:
//! the embedded fonts, line breaking, the page flow, ruled tables, the Decree 30 header block
//! and the deterministic PDF writer) is shared with `draft`; this file decides what goes where
//! on the list's page. `v1/` is the first layout with its engine, frozen, for the bundles
//! packed before #18 (see [`Layout`]).

mod v1;

use crate::page::fonts::{Face, Fonts};
use crate::page::header::{header_block, number_pages, DATE_LINE};
use crate::page::layout::{
    baseline_offset, Align, Flow, Item, Style, DESCENT, INDENT, MARGIN_LEFT, TEXT_WIDTH,
};
use crate::page::model::Header;
use crate::page::table::{self, Column};
use crate::page::{serialize, PageError};

/// The cover list's layouts. A bundle's cover list is compared byte for byte with one made
/// again from its dossier (`verify`, GO007), so a bundle packed before a change of what the list
/// says must still be read back in its own layout: the manifest names the layout of the bundles
/// that have one (`# cover-list 2`), and one without it is from before, [`Layout::V1`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Until #18: "Thủ tục:" and "Phong trào thi đua:" both printed whatever the rule set is,
    /// the vote column always, the rule set's receiving office as written ("… cấp xã"). Printed
    /// by the engine of that time, kept frozen in `v1/`, so that its bytes never change.
    V1,
    /// From #18: the rule set labelled as what it is, the vote column only with minutes, the
    /// receiving office named concretely.
    #[default]
    V2,
}

impl Layout {
    /// The layout new bundles get.
    pub const CURRENT: Layout = Layout::V2;

    /// Its number in the manifest.
    #[must_use]
    pub fn number(self) -> u32 {
        match self {
            Layout::V1 => 1,
            Layout::V2 => 2,
        }
    }

    /// The layout a manifest's number names; None for one this version does not know.
    #[must_use]
    pub fn of_number(n: u32) -> Option<Layout> {
        match n {
            1 => Some(Layout::V1),
            2 => Some(Layout::V2),
            _ => None,
        }
    }
}

/// Everything printed on the cover list. Strings are plain text (any normalisation form).
#[derive(Debug, Clone, Default)]
pub struct CoverList {
    /// The layout printed.
    pub layout: Layout,
    /// The rule set is a campaign (`loai: phong_trao`): its name is printed after "Phong trào
    /// thi đua:", then its procedure; a procedure's own rule set is printed once, after "Thủ
    /// tục:" ([`Layout::V2`]).
    pub campaign_set: bool,
    /// The nominees' table has the vote column ("Tán thành/ Có mặt"): the dossier has minutes
    /// (always in [`Layout::V1`]).
    pub votes_column: bool,
    /// The issuing body's parent (co_quan_cap_tren), e.g. "Ủy ban nhân dân huyện Hoa Lư";
    /// printed in upright capitals.
    pub parent_body: Option<String>,
    /// The issuing body (co_quan), e.g. "Ủy ban nhân dân xã Ninh Hải"; printed in bold
    /// capitals with a short rule under it.
    pub issuer: String,
    /// The proposal's number and symbol (so_ky_hieu), printed under the title: "Kèm theo Tờ
    /// trình số 45/TTr-UBND ngày …" (the list goes with the proposal; it is not the proposal).
    pub symbol: String,
    /// The place name of the date line (dia_danh).
    pub place: String,
    /// The date, printed "ngày 08 tháng 11 năm 2021".
    pub date: crate::date::Date,
    /// No date is known (a draft anyway of a dossier without one): "ngày … tháng … năm …".
    pub undated: bool,
    /// The procedure, e.g. "Thủ tục đơn giản"; for a procedure's rule set in [`Layout::V2`],
    /// the rule set's full name ("Khen thưởng theo thủ tục đơn giản (Điều 85 …)").
    pub procedure: String,
    /// Its legal basis, e.g. "Điều 55 Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ";
    /// empty where `procedure` already says it.
    pub procedure_basis: String,
    /// The campaign's name (empty for a procedure's rule set in [`Layout::V2`]).
    pub campaign: String,
    /// The award form, e.g. "Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư".
    pub award_form: String,
    /// The kind of award, e.g. "Khen thưởng đột xuất".
    pub award_kind: Option<String>,
    /// The receiving office, as printed ([`crate::pack::cover::Recipient::printed`]).
    pub office: String,
    /// Number of copies sent, printed with two digits ("01 bộ").
    pub copies: Option<u32>,
    /// The dossier's components, in the order given.
    pub components: Vec<ComponentRow>,
    /// The nominees, in the order of the proposal's list, which is the order printed.
    pub nominees: Vec<NomineeRow>,
}

/// One component of the dossier.
#[derive(Debug, Clone, Default)]
pub struct ComponentRow {
    /// What it is, e.g. "Tờ trình đề nghị khen thưởng".
    pub name: String,
    /// Its number and symbol, e.g. "45/TTr-UBND".
    pub symbol: String,
    /// Its date.
    pub date: Option<crate::date::Date>,
    /// Its path in the bundle.
    pub file: String,
    /// Its extent as text: "3 trang", "1,2 MB".
    pub extent: String,
}

/// One nominee (a person or a collective).
#[derive(Debug, Clone, Default)]
pub struct NomineeRow {
    /// Full name, or the collective's name.
    pub name: String,
    /// Position and unit.
    pub position_unit: String,
    /// Kind, e.g. "Cá nhân", "Tập thể".
    pub kind: String,
    /// Votes in favour over members present, e.g. "8/8".
    pub votes: String,
}

/// The document's title, in its metadata.
const TITLE: &str = "Danh mục hồ sơ đề nghị khen thưởng";

// Type sizes and spacing follow Decree 30's table of sizes (12-14 pt); the header block's are
// the engine's (`page::header`).
const DOC_TYPE: Style = Style::new(Face::Bold, 14.0, 1.2);
const SUMMARY: Style = Style::new(Face::Bold, 13.0, 1.2);
const BODY: Style = Style::new(Face::Regular, 13.0, 1.3);
const LABEL: Style = Style::new(Face::Bold, 13.0, 1.3);
const HEADING: Style = Style::new(Face::Bold, 13.0, 1.5);

/// Render the cover list. Deterministic: the same input gives the same bytes, whatever the
/// process did before, on any machine; no clock, no random id.
///
/// Text is printed in NFC with the embedded Tinos faces; a character they lack (a CJK name,
/// an emoji) prints as `?`.
pub fn render(c: &CoverList) -> Result<Vec<u8>, PageError> {
    if c.layout == Layout::V1 {
        // Made again for a bundle packed before #18, by the engine of that time (`v1`).
        return v1::render(c);
    }
    let fonts = Fonts::load()?;
    let pages = lay_out(&fonts, c);
    let author = fonts.printable(&c.issuer);
    let subject = fonts.printable(&c.campaign);
    let meta = serialize::Meta {
        title: TITLE,
        author: &author,
        subject: &subject,
        date: c.date,
    };
    serialize::write(&fonts, pages, &meta)
}

/// The pages, as positioned text and rules.
fn lay_out(fonts: &Fonts, c: &CoverList) -> Vec<Vec<Item>> {
    let mut flow = Flow::new(fonts);
    // No "Số: …": that is the proposal's number, and the list is not the proposal (its title
    // says which it goes with).
    let head = Header {
        parent: c.parent_body.clone(),
        issuer: c.issuer.clone(),
        symbol: None,
        place: c.place.clone(),
    };
    let date = crate::page::model::date_words(c.date, c.undated, false);
    header_block(&mut flow, &head, &date);
    title(&mut flow, c);
    body(&mut flow, c);
    components(&mut flow, c);
    nominees(&mut flow, c);
    let mut pages = flow.pages;
    number_pages(fonts, &mut pages);
    pages
}

/// The document type, then the award form (and kind) in bold with a short rule under it.
fn title(flow: &mut Flow<'_>, c: &CoverList) {
    flow.paragraph(
        DOC_TYPE,
        Align::Centre,
        0.0,
        "DANH MỤC HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG",
    );
    if !c.symbol.trim().is_empty() {
        let with = flow.fonts.printable(&format!(
            "(Kèm theo Tờ trình số {} {})",
            c.symbol.trim(),
            c.date.vietnamese()
        ));
        flow.paragraph(DATE_LINE, Align::Centre, 0.0, &with);
    }
    let summary = match c.award_kind.as_deref().map(str::trim) {
        Some(kind) if !kind.is_empty() => format!("{} ({kind})", c.award_form),
        _ => c.award_form.clone(),
    };
    let summary = flow.fonts.printable(&summary);
    let lines = flow.wrap_heading(SUMMARY, &summary, TEXT_WIDTH);
    let mut widest: f32 = 0.0;
    let mut baseline = flow.y;
    for line in lines.iter().filter(|l| !l.is_empty()) {
        flow.keep(SUMMARY.leading);
        baseline = flow.y - baseline_offset(SUMMARY);
        flow.line(
            SUMMARY,
            Align::Centre,
            MARGIN_LEFT,
            TEXT_WIDTH,
            baseline,
            line,
        );
        widest = widest.max(flow.width(SUMMARY, line));
        flow.y -= SUMMARY.leading;
    }
    if widest > 0.0 {
        // Decree 30: a rule a third to a half as long as the line above it.
        let rule = baseline - DESCENT * SUMMARY.size - 7.0;
        let half = widest * 0.4 / 2.0;
        let centre = MARGIN_LEFT + TEXT_WIDTH / 2.0;
        flow.rule(centre - half, centre + half, rule);
        flow.y = flow.y.min(rule);
    }
    flow.y -= 14.0;
}

/// The procedure and its basis, the campaign, the receiving office and the copies, each after
/// a bold label.
fn body(flow: &mut Flow<'_>, c: &CoverList) {
    let mut procedure = c.procedure.trim().to_owned();
    if !c.procedure_basis.trim().is_empty() {
        procedure.push_str(&format!(" ({})", c.procedure_basis.trim()));
    }
    let mut office = c.office.trim().to_owned();
    if let Some(n) = c.copies {
        office.push_str(&format!("; số lượng: {n:02} bộ"));
    }
    let campaign = ("Phong trào thi đua:", c.campaign.trim().to_owned());
    // A procedure's rule set is one procedure: it was labelled a campaign too (C19).
    let paragraphs = if c.campaign_set {
        vec![campaign, ("Thủ tục:", procedure)]
    } else {
        vec![("Thủ tục:", procedure)]
    };
    for (label, text) in paragraphs.into_iter().chain([("Nơi nhận hồ sơ:", office)]) {
        let text = flow.fonts.printable(&text);
        flow.labelled((LABEL, label), BODY, INDENT, &text);
        flow.y -= 3.0;
    }
}

/// Section I: the components, in the order given.
fn components(flow: &mut Flow<'_>, c: &CoverList) {
    let columns = [
        column("TT", 0.065, Align::Centre),
        column("Thành phần", 0.26, Align::Left),
        column("Số, ký hiệu", 0.195, Align::Centre),
        column("Ngày", 0.135, Align::Centre),
        column("Tệp trong gói", 0.20, Align::Left),
        column("Số trang/ dung lượng", 0.145, Align::Centre),
    ];
    let rows: Vec<Vec<String>> = c
        .components
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let date = r.date.map_or_else(String::new, |d| {
                format!("{:02}/{:02}/{}", d.day, d.month, d.year)
            });
            let cells = [
                (i + 1).to_string(),
                r.name.clone(),
                r.symbol.clone(),
                date,
                r.file.clone(),
                r.extent.clone(),
            ];
            cells.iter().map(|s| flow.fonts.printable(s)).collect()
        })
        .collect();
    section(flow, "I. THÀNH PHẦN HỒ SƠ", &columns, &rows);
}

/// Section II: the nominees, in the order of the proposal's list: the proposal is the document
/// the list goes with, and its order is the one signed (sorting by given name put a collective
/// under the last word of its name).
fn nominees(flow: &mut Flow<'_>, c: &CoverList) {
    // The kind of nominee is a phrase of the rule set ("Lực lượng ở tuyến đầu trực tiếp tham
    // gia công tác phòng, chống dịch"): a column an eighth wide wrapped it to seven lines a row.
    // Without minutes there is no vote to show: the column would stand empty on every row
    // (C19), and its width goes to the position and unit.
    let columns = if c.votes_column {
        vec![
            column("TT", 0.065, Align::Centre),
            column("Họ và tên / Tên tập thể", 0.24, Align::Left),
            column("Chức vụ, đơn vị", 0.31, Align::Left),
            column("Đối tượng", 0.245, Align::Left),
            column("Tán thành/ Có mặt", 0.14, Align::Centre),
        ]
    } else {
        vec![
            column("TT", 0.065, Align::Centre),
            column("Họ và tên / Tên tập thể", 0.27, Align::Left),
            column("Chức vụ, đơn vị", 0.405, Align::Left),
            column("Đối tượng", 0.26, Align::Left),
        ]
    };
    let sorted: Vec<&NomineeRow> = c.nominees.iter().collect();
    let rows: Vec<Vec<String>> = sorted
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mut cells = vec![
                (i + 1).to_string(),
                n.name.clone(),
                n.position_unit.clone(),
                n.kind.clone(),
            ];
            if c.votes_column {
                cells.push(n.votes.clone());
            }
            cells.iter().map(|s| flow.fonts.printable(s)).collect()
        })
        .collect();
    section(flow, "II. DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", &columns, &rows);
}

fn column(header: &'static str, share: f32, align: Align) -> Column {
    Column {
        header,
        share,
        align,
    }
}

/// A numbered section: its heading and table, or "Không có." when there is nothing to list.
fn section(flow: &mut Flow<'_>, heading: &str, columns: &[Column], rows: &[Vec<String>]) {
    flow.y -= 6.0;
    if rows.is_empty() {
        flow.keep(HEADING.leading + BODY.leading);
        flow.paragraph(HEADING, Align::Left, 0.0, heading);
        flow.paragraph(BODY, Align::Left, INDENT, "Không có.");
    } else {
        table::table(flow, heading, HEADING, columns, rows);
    }
}

#[cfg(test)]
mod tests;
