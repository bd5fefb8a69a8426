//! The notes a sheet's reading gathers: every change made on the way to the dossier, said once
//! per run of rows or per column, with its place.
//!
//! A note per cell would bury the one that matters under forty "decoded" lines; a run of hidden
//! rows, a signature block, a merged area or a column typed in TCVN3 is said once, at its
//! first cell or as a range (`Danh sách!18:24`, `Danh sách!D5:D6`).

use super::super::table::{column_name, Area, Sheet};
use super::super::Problem;
use super::value::Cleaner;
use crate::msg;

/// Runs and areas seen while reading a sheet.
#[derive(Default)]
pub(super) struct Notes {
    /// Runs of hidden rows: (first, last), 0-based.
    hidden: Vec<(u32, u32)>,
    /// Rows of column numbers.
    numbering: Vec<u32>,
    /// The run of closing lines being read: (first, last, its first text).
    closing: Option<(u32, u32, String)>,
    /// Closing runs finished.
    closed: Vec<(u32, u32, String)>,
    /// Areas merged down whose value was given to the rows under their top.
    merged: Vec<Area>,
    /// The same areas, to tell in constant time whether one is already said (60,000 areas
    /// of two rows each were compared each with all the others).
    merged_seen: std::collections::HashSet<(u32, u32, u32, u32)>,
    /// Rows with text in the name column only, no number and no data: (the cell, the text).
    bare: Vec<(String, String)>,
}

/// `Danh sách!6` or `Danh sách!18:24`.
fn rows(sheet: &str, first: u32, last: u32) -> String {
    if first == last {
        format!("{sheet}!{}", u64::from(first) + 1)
    } else {
        format!("{sheet}!{}:{}", u64::from(first) + 1, u64::from(last) + 1)
    }
}

impl Notes {
    pub(super) fn hidden(&mut self, r: u32) {
        match self.hidden.last_mut() {
            Some((_, last)) if *last + 1 == r => *last = r,
            _ => self.hidden.push((r, r)),
        }
    }

    pub(super) fn numbering(&mut self, r: u32) {
        self.numbering.push(r);
    }

    /// A row that holds only a text in the name column: a line of the sheet or a nominee
    /// whose number was forgotten; skipped, but said, since Excel shows it.
    pub(super) fn bare(&mut self, place: String, text: &str) {
        self.bare.push((place, text.to_owned()));
    }

    pub(super) fn in_closing(&self) -> bool {
        self.closing.is_some()
    }

    pub(super) fn closing(&mut self, r: u32, text: &str) {
        match &mut self.closing {
            Some((_, last, _)) => *last = r,
            None => {
                let shown: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let shown: String = if shown.chars().count() > 40 {
                    shown.chars().take(40).chain(['…']).collect()
                } else {
                    shown
                };
                self.closing = Some((r, r, shown));
            }
        }
    }

    pub(super) fn end_closing(&mut self) {
        if let Some(run) = self.closing.take() {
            self.closed.push(run);
        }
    }

    pub(super) fn merged(&mut self, areas: &[Area]) {
        for a in areas {
            if self
                .merged_seen
                .insert((a.first_row, a.first_col, a.last_row, a.last_col))
            {
                self.merged.push(*a);
            }
        }
    }

    /// Every note, in the sheet's order of kinds: rows skipped, merged values, then the
    /// cleaning of texts.
    pub(super) fn say(&self, sheet: &Sheet, cleaner: &Cleaner, problems: &mut Vec<Problem>) {
        let name = &sheet.name;
        for r in &self.numbering {
            problems.push(Problem::note(
                rows(name, *r, *r),
                msg!("dòng đánh số cột (1), (2), … dưới tiêu đề: bỏ qua";
                     "the row numbering the columns, (1), (2), …, under the header: skipped"),
            ));
        }
        for (first, last) in &self.hidden {
            let m = if first == last {
                msg!("dòng ẩn (lọc): bỏ qua, như Excel không hiện nó"; "hidden (filtered) row: skipped, as Excel does not show it")
            } else {
                msg!("các dòng ẩn (lọc): bỏ qua, như Excel không hiện chúng"; "hidden (filtered) rows: skipped, as Excel does not show them")
            };
            problems.push(Problem::note(rows(name, *first, *last), m));
        }
        for (first, last, text) in &self.closed {
            problems.push(Problem::note(
                rows(name, *first, *last),
                msg!("dòng tổng cộng, chữ ký dưới bảng (\"{}\"): không phải người được đề nghị, bỏ qua", text;
                     "total and signature lines under the table (\"{}\"): no nominees, skipped", text),
            ));
        }
        for (place, text) in &self.bare {
            problems.push(Problem::note(
                place.clone(),
                msg!("dòng chỉ có \"{}\", không có số thứ tự hay số liệu: bỏ qua; nếu là người được đề nghị, ghi số thứ tự cho dòng này", text;
                     "the row holds only \"{}\", no number and no data: skipped; if it is a nominee, give the row its number", text),
            ));
        }
        for a in &self.merged {
            let place = format!(
                "{name}!{}{}:{}{}",
                column_name(a.first_col as usize),
                u64::from(a.first_row) + 1,
                column_name(a.last_col as usize),
                u64::from(a.last_row) + 1
            );
            let n = a.last_row - a.first_row + 1;
            problems.push(Problem::note(
                place,
                msg!("ô gộp: giá trị dùng cho cả {} dòng", n; "merged cells: the value counts for all {} rows", n),
            ));
        }
        // One cell is the common case (a name pasted from an old file): "1 cells ... (the first
        // here)" read as a machine's sentence.
        for (n, column, encoding, first) in &cleaner.legacy {
            let m = if *n == 1 {
                msg!("ô này gõ bằng bảng mã {}: đã chuyển sang Unicode", encoding;
                     "this cell was typed in {}: converted to Unicode", encoding)
            } else {
                msg!("{} ô của cột {} (ô đầu tiên ở đây) gõ bằng bảng mã {}: đã chuyển sang Unicode", n, column, encoding;
                     "{} cells of column {} (the first here) were typed in {}: converted to Unicode", n, column, encoding)
            };
            problems.push(Problem::note(first.clone(), m));
        }
        for (n, column) in &cleaner.nfd {
            let m = if *n == 1 {
                msg!("1 ô của cột {} ở dạng Unicode tổ hợp (NFD): đã chuẩn hóa về dựng sẵn (NFC)", column;
                     "1 cell of column {} was in decomposed Unicode (NFD): normalised to NFC", column)
            } else {
                msg!("{} ô của cột {} ở dạng Unicode tổ hợp (NFD): đã chuẩn hóa về dựng sẵn (NFC)", n, column;
                     "{} cells of column {} were in decomposed Unicode (NFD): normalised to NFC", n, column)
            };
            problems.push(Problem::note(format!("{name}!{column}"), m));
        }
        for place in &cleaner.controls {
            problems.push(Problem::note(
                place.clone(),
                msg!("đã bỏ ký tự điều khiển hoặc ký tự ẩn khỏi ô"; "a control or invisible character was removed from the cell"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_hundred_thousand_merged_areas_are_gathered_in_linear_time() {
        let start = std::time::Instant::now();
        let mut notes = Notes::default();
        for r in 0..200_000u32 {
            let a = Area {
                first_row: 2 * r,
                first_col: 2,
                last_row: 2 * r + 1,
                last_col: 2,
            };
            notes.merged(&[a, a]);
        }
        assert_eq!(notes.merged.len(), 200_000);
        // A guard against comparing each area with all the others (2·10¹⁰ comparisons), not
        // a speed target.
        assert!(start.elapsed().as_secs() < 30, "{:?}", start.elapsed());
    }
}
