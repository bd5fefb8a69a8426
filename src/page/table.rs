//! Ruled tables that wrap their cells and break across pages.
//!
//! The cover list's two tables can run to hundreds of rows (a 500-nominee list is real for a
//! district-wide campaign). A printed table must stay readable on every sheet: the header row is
//! repeated at the top of each new page, a row is never cut between pages when it could move
//! whole, and a row taller than a page (a pathological cell) is split line by line instead of
//! pushing the layout into an endless loop of new pages.

use super::fonts::Face;
use super::layout::{
    baseline_offset, Align, Flow, Item, Style, MARGIN_LEFT, TEXT_BOTTOM, TEXT_TOP, TEXT_WIDTH,
};

/// Table text: 11 pt, single spacing plus a little.
const BODY: Style = Style::new(Face::Regular, 11.0, 1.2);
const HEADER: Style = Style::new(Face::Bold, 11.0, 1.2);
/// Space between a cell's border and its text. Generous on the sides: with less than about
/// an em between one cell's text and the next, `pdftotext` (and a viewer's copy) reads the two
/// cells as one line and interleaves their words.
const PAD_X: f32 = 6.0;
const PAD_Y: f32 = 3.0;

/// One column: its header, its share of the text width, and how its cells are aligned.
pub(crate) struct Column {
    pub(crate) header: &'static str,
    pub(crate) share: f32,
    pub(crate) align: Align,
}

/// A row, wrapped: each cell's lines.
struct Row {
    cells: Vec<Vec<String>>,
}

impl Row {
    fn lines(&self) -> usize {
        self.cells.iter().map(Vec::len).max().unwrap_or(0).max(1)
    }

    /// Take the first `n` lines of every cell, leaving the rest.
    fn split_off_top(&mut self, n: usize) -> Row {
        let cells = self
            .cells
            .iter_mut()
            .map(|cell| {
                let rest = cell.split_off(n.min(cell.len()));
                std::mem::replace(cell, rest)
            })
            .collect();
        Row { cells }
    }
}

fn row_height(lines: usize, style: Style) -> f32 {
    lines as f32 * style.leading + 2.0 * PAD_Y
}

/// Columns' left edges and widths, from their shares of the text width.
fn geometry(columns: &[Column]) -> Vec<(f32, f32)> {
    let total: f32 = columns
        .iter()
        .map(|c| c.share)
        .sum::<f32>()
        .max(f32::EPSILON);
    let mut x = MARGIN_LEFT;
    columns
        .iter()
        .map(|c| {
            let w = TEXT_WIDTH * c.share / total;
            let cell = (x, w);
            x += w;
            cell
        })
        .collect()
}

/// Wrap one row's texts to their columns.
fn wrap_row<'a>(
    flow: &Flow<'_>,
    geo: &[(f32, f32)],
    style: Style,
    texts: impl Iterator<Item = &'a str>,
) -> Row {
    Row {
        cells: texts
            .zip(geo)
            .map(|(t, &(_, w))| flow.wrap(style, t, w - 2.0 * PAD_X, 0.0))
            .collect(),
    }
}

/// Lay out a section: its `heading` (a paragraph in `heading_style`), then a table of `rows`
/// of plain text (one string per column) from the cursor down. The heading, the header row and
/// the first row are kept together on one page.
pub(crate) fn table(
    flow: &mut Flow<'_>,
    heading: &str,
    heading_style: Style,
    columns: &[Column],
    rows: &[Vec<String>],
) {
    let geo = geometry(columns);
    let header = wrap_row(flow, &geo, HEADER, columns.iter().map(|c| c.header));
    let header_height = row_height(header.lines(), HEADER);

    // Wrapping every row first costs little and lets the first row be kept with the header.
    let mut wrapped: Vec<Row> = rows
        .iter()
        .map(|r| wrap_row(flow, &geo, BODY, r.iter().map(String::as_str)))
        .collect();
    let heading_height =
        flow.wrap(heading_style, heading, TEXT_WIDTH, 0.0).len() as f32 * heading_style.leading;
    let first = wrapped.first().map_or(0.0, |r| row_height(r.lines(), BODY));
    let page = TEXT_TOP - TEXT_BOTTOM;
    flow.keep((heading_height + header_height + first).min(page));
    flow.paragraph(heading_style, Align::Left, 0.0, heading);
    draw_row(flow, &geo, columns, &header, HEADER, true);
    // Whether the current page has the header only: a row that does not fit on such a page
    // will not fit on the next one either, and must be split rather than moved.
    let mut fresh = true;

    for row in &mut wrapped {
        loop {
            let height = row_height(row.lines(), BODY);
            if height <= flow.room() {
                draw_row(flow, &geo, columns, row, BODY, false);
                fresh = false;
                break;
            }
            if !fresh {
                flow.new_page();
                draw_row(flow, &geo, columns, &header, HEADER, true);
                fresh = true;
                continue;
            }
            // Taller than a whole page: print what fits, carry the rest over. At least one line
            // goes on each page, so this ends even if the page could not hold one.
            let fit = ((flow.room() - 2.0 * PAD_Y) / BODY.leading).floor();
            let n = if fit >= 1.0 { fit as usize } else { 1 };
            let top = row.split_off_top(n);
            draw_row(flow, &geo, columns, &top, BODY, false);
            flow.new_page();
            draw_row(flow, &geo, columns, &header, HEADER, true);
        }
    }
}

/// Draw one row at the cursor, with its borders, and move the cursor under it. Header cells are
/// centred vertically, since they are of unequal height; body cells start at the top.
fn draw_row(
    flow: &mut Flow<'_>,
    geo: &[(f32, f32)],
    columns: &[Column],
    row: &Row,
    style: Style,
    header: bool,
) {
    let lines = row.lines();
    let height = row_height(lines, style);
    let top = flow.y;
    let bottom = top - height;
    for ((cell, &(x, w)), column) in row.cells.iter().zip(geo).zip(columns) {
        let (align, shift) = if header {
            let spare = (lines - cell.len().min(lines)) as f32 * style.leading / 2.0;
            (Align::Centre, spare)
        } else {
            (column.align, 0.0)
        };
        let mut line_top = top - PAD_Y - shift;
        for text in cell {
            let baseline = line_top - baseline_offset(style);
            flow.line(style, align, x + PAD_X, w - 2.0 * PAD_X, baseline, text);
            line_top -= style.leading;
        }
    }
    let right = MARGIN_LEFT + TEXT_WIDTH;
    flow.rule(MARGIN_LEFT, right, top);
    flow.rule(MARGIN_LEFT, right, bottom);
    let edges = geo.iter().map(|&(x, _)| x).chain(std::iter::once(right));
    for x in edges {
        flow.push(Item::Rule {
            x1: x,
            y1: top,
            x2: x,
            y2: bottom,
        });
    }
    flow.y = bottom;
}
