//! Finding the header row of a sheet and what each column holds.
//!
//! The header row is the first visible row whose cells name the columns this reader knows
//! (compared without diacritics, case, punctuation or a parenthesised note). Official forms
//! often head some columns over two rows: a group cell merged across ("Kết quả bỏ phiếu",
//! "Năm sinh") with the real names under it ("Tán thành | Không tán thành", "Nam | Nữ") while
//! the other columns are merged down over both rows. The second row is recognised by its texts
//! alone, under a group cell, so it is read the same whether or not the reader saw the merges.
//! Under "Năm sinh" split into "Nam | Nữ" the year is written in the column of the person's sex:
//! those two columns are fields of their own. A hidden column is not read, even when named.

use super::super::table::{column_name, Area, Sheet};
use super::value::Cleaner;
use super::Field;
use crate::text::slug::slug;

/// Header texts, folded (no diacritics, lowercase, words joined by one space).
const NAMES: &[(Field, &[&str])] = &[
    (Field::Stt, &["stt", "tt", "so tt", "so thu tu"]),
    (Field::Ma, &["ma", "ma so", "ma nguoi duoc de nghi"]),
    (
        Field::Ten,
        &[
            "ho va ten",
            "ho ten",
            "ten tap the",
            "ho va ten ten tap the",
            "ho ten ten tap the",
            "ten ca nhan tap the",
            "ten tap the ca nhan",
            "ten",
        ],
    ),
    (
        Field::ChucVu,
        &["chuc vu", "chuc danh", "chuc vu chuc danh"],
    ),
    (
        Field::ChucVuDonVi,
        &[
            "chuc vu don vi cong tac",
            "chuc vu don vi",
            "chuc danh don vi cong tac",
            "chuc danh don vi",
            "chuc vu noi cong tac",
            "chuc vu co quan don vi",
        ],
    ),
    (
        Field::DonVi,
        &[
            "don vi",
            "don vi cong tac",
            "co quan don vi",
            "noi cong tac",
            "noi cu tru",
        ],
    ),
    (
        Field::CapBac,
        &[
            "cap bac",
            "quan ham",
            "cap bac quan ham",
            "quan ham cap bac",
            "danh xung",
            "cap bac danh xung",
        ],
    ),
    (Field::DoiTuong, &["doi tuong", "doi tuong khen thuong"]),
    (
        Field::Loai,
        &[
            "ca nhan tap the",
            "ca nhan tap the ho gia dinh",
            "loai",
            "phan loai",
        ],
    ),
    (
        Field::NgaySinh,
        &["ngay sinh", "ngay thang nam sinh", "nam sinh"],
    ),
    (Field::GioiTinh, &["gioi tinh"]),
    (
        Field::TanThanh,
        &["tan thanh", "so phieu tan thanh", "phieu tan thanh"],
    ),
    (
        Field::KhongTanThanh,
        &[
            "khong tan thanh",
            "so phieu khong tan thanh",
            "phieu khong tan thanh",
        ],
    ),
];

/// Group cells a second header row may stand under.
const GROUPS: &[&str] = &[
    "ket qua bo phieu",
    "ket qua bieu quyet",
    "ket qua",
    "so phieu",
    "phieu bau",
    "ngay sinh",
    "nam sinh",
    "ngay thang nam sinh",
];

/// Text folded for comparing headers and kinds: no parenthesised notes, no diacritics, lowercase.
pub(super) fn fold(s: &str) -> String {
    let mut bare = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    slug(&bare).unwrap_or_default().replace('-', " ")
}

fn field_named(folded: &str) -> Option<Field> {
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&folded))
        .map(|(f, _)| *f)
}

/// A column read.
#[derive(Debug, Clone)]
pub(super) struct Column {
    /// 0-based.
    pub(super) col: u32,
    /// What it holds.
    pub(super) field: Field,
    /// Its header as written ("Kết quả bỏ phiếu / Tán thành" for a two-row header).
    pub(super) written: String,
}

/// Where a sheet's table is and what its columns hold.
#[derive(Debug, Clone, Default)]
pub(super) struct Layout {
    /// The header row (0-based).
    pub(super) row: u32,
    /// Its last row: `row`, or the row under it for a two-row header.
    pub(super) last: u32,
    /// Columns read.
    pub(super) columns: Vec<Column>,
    /// Headed columns not read: (column, header as written).
    pub(super) ignored: Vec<(u32, String)>,
    /// Named columns not read because they are hidden: (column, header as written).
    pub(super) hidden: Vec<(u32, String)>,
    /// The name column is headed "Tên tập thể": its rows are collectives.
    pub(super) collective: bool,
    /// The table's first column.
    pub(super) first_col: u32,
}

impl Layout {
    /// The column holding a field.
    pub(super) fn col(&self, f: Field) -> Option<u32> {
        self.columns.iter().find(|c| c.field == f).map(|c| c.col)
    }
}

/// The header of a sheet, if it has one among its first 60 visible rows.
pub(super) fn find(sheet: &Sheet) -> Option<Layout> {
    let rows: Vec<u32> = sheet
        .row_numbers()
        .filter(|r| !sheet.hidden_rows.contains(*r))
        .take(60)
        .collect();
    for r in rows {
        let cells: Vec<(u32, String)> = sheet
            .row(r)
            .filter_map(|(c, cell)| Cleaner::header(cell).map(|t| (c, t)))
            .collect();
        let fields: Vec<(u32, Option<Field>, String)> = cells
            .iter()
            .map(|(c, t)| (*c, field_named(&fold(t)), t.clone()))
            .collect();
        let known = fields.iter().filter(|f| f.1.is_some()).count();
        if !(fields.iter().any(|f| f.1 == Some(Field::Ten)) && known >= 2) {
            continue;
        }
        let mut layout = Layout {
            row: r,
            last: r,
            first_col: fields.first().map_or(0, |f| f.0),
            ..Layout::default()
        };
        for (c, f, written) in &fields {
            match f {
                Some(Field::Ten) if fold(written) == "ten tap the" => {
                    layout.collective = true;
                    layout.columns.push(Column {
                        col: *c,
                        field: Field::Ten,
                        written: written.clone(),
                    });
                }
                // A field named twice: the first column is read, the other is said as ignored.
                Some(f) if layout.col(*f).is_none() => layout.columns.push(Column {
                    col: *c,
                    field: *f,
                    written: written.clone(),
                }),
                _ => layout.ignored.push((*c, written.clone())),
            }
        }
        second_row(sheet, &cells, &mut layout);
        let hidden: Vec<Column> = layout
            .columns
            .iter()
            .filter(|c| sheet.hidden_cols.contains(c.col))
            .cloned()
            .collect();
        layout
            .columns
            .retain(|c| !sheet.hidden_cols.contains(c.col));
        layout.hidden = hidden.into_iter().map(|c| (c.col, c.written)).collect();
        layout.columns.sort_by_key(|c| c.col);
        layout.ignored.sort_by_key(|c| c.0);
        if layout.col(Field::Ten).is_none() {
            continue;
        }
        return Some(layout);
    }
    None
}

/// Take the row under the header as its second row when each of its cells names a column
/// under a group cell ("Kết quả bỏ phiếu" over "Tán thành", "Năm sinh" over "Nam").
fn second_row(sheet: &Sheet, header: &[(u32, String)], layout: &mut Layout) {
    let r = layout.row + 1;
    if sheet.hidden_rows.contains(r) {
        return;
    }
    let under: Vec<(u32, String)> = sheet
        .row(r)
        .filter_map(|(c, cell)| Cleaner::header(cell).map(|t| (c, t)))
        .collect();
    if under.is_empty() || under.len() != sheet.row(r).count() {
        return;
    }
    // The header's cells are in column order: the group of a column is found by halving, and
    // the areas merged across the header row are sorted once. A row of 16,000 cells under a
    // sheet of a million merged areas looked through all of them for each cell.
    let group_of = |c: u32| {
        header
            .partition_point(|(hc, _)| *hc <= c)
            .checked_sub(1)
            .and_then(|i| header.get(i))
    };
    let mut across: Vec<&Area> = sheet
        .merges
        .iter()
        .filter(|a| a.first_row <= layout.row && layout.row <= a.last_row)
        .collect();
    across.sort_by_key(|a| a.first_col);
    // The area holding (header row, gc): the last one starting at or left of it (areas of one
    // row do not overlap in a file an office program wrote).
    let merge_at = |gc: u32| {
        across
            .partition_point(|a| a.first_col <= gc)
            .checked_sub(1)
            .and_then(|i| across.get(i))
            .filter(|a| a.contains(layout.row, gc))
    };
    // Each cell: its group (the nearest header cell at or left of it) and what it names.
    let mut found: Vec<(u32, Field, String)> = Vec::new();
    for (c, t) in &under {
        let Some((gc, group)) = group_of(*c) else {
            return;
        };
        let g = fold(group);
        if !GROUPS.contains(&g.as_str()) {
            return;
        }
        // A group cell over a column of its own (not merged across) covers only itself.
        if gc != c && merge_at(*gc).is_some_and(|a| a.last_col < *c) {
            return;
        }
        let sub = fold(t);
        let birth = g.contains("sinh");
        let field = match sub.as_str() {
            "nam" if birth => Field::NgaySinhNam,
            "nu" if birth => Field::NgaySinhNu,
            other => match field_named(other) {
                Some(f) => f,
                None => return,
            },
        };
        found.push((*c, field, format!("{group} / {t}")));
    }
    let groups: std::collections::HashSet<u32> = found
        .iter()
        .filter_map(|(c, _, _)| group_of(*c).map(|g| g.0))
        .collect();
    let under_cols: std::collections::HashSet<u32> = found.iter().map(|f| f.0).collect();
    // The group cells now stand for the columns under them.
    layout
        .columns
        .retain(|col| !groups.contains(&col.col) && !under_cols.contains(&col.col));
    layout.ignored.retain(|(c, _)| !groups.contains(c));
    for (c, field, written) in found {
        if layout.col(field).is_none() {
            layout.columns.push(Column {
                col: c,
                field,
                written,
            });
        } else {
            layout.ignored.push((c, written));
        }
    }
    layout.last = r;
}

/// A column's letter.
pub(super) fn letter(c: u32) -> String {
    column_name(c as usize)
}

#[cfg(test)]
mod tests {
    use super::super::super::table::{Area, Cell, Sheet};
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        let mut s = Sheet::new("Danh sách");
        for (r, row) in (0u32..).zip(rows) {
            for (c, t) in (0u32..).zip(row.iter()) {
                s.put(r, c, Cell::Text((*t).to_owned())).ok();
            }
        }
        s
    }

    #[test]
    fn headers_fold() {
        assert_eq!(fold("Họ và tên (1)"), "ho va ten");
        assert_eq!(fold(" Cá nhân/Tập thể "), "ca nhan tap the");
        assert_eq!(fold("KHÔNG TÁN THÀNH"), "khong tan thanh");
        assert_eq!(fold("Chức vụ - đơn vị"), "chuc vu don vi");
    }

    #[test]
    fn a_two_row_header_of_votes_reads_both_columns() {
        let mut s = sheet(&[
            &["STT", "Họ và tên", "Đơn vị", "Kết quả bỏ phiếu", ""],
            &["", "", "", "Tán thành", "Không tán thành"],
        ]);
        s.merges.push(Area {
            first_row: 0,
            first_col: 3,
            last_row: 0,
            last_col: 4,
        });
        let l = find(&s).unwrap_or_default();
        assert_eq!(l.last, 1);
        assert_eq!(l.col(Field::TanThanh), Some(3));
        assert_eq!(l.col(Field::KhongTanThanh), Some(4));
        assert!(l.ignored.is_empty(), "{:?}", l.ignored);
    }

    #[test]
    fn a_second_row_of_thousands_of_cells_under_a_million_merges_is_read_in_log_time() {
        let start = std::time::Instant::now();
        let mut s = sheet(&[&["STT", "Họ và tên", "Đơn vị", "Kết quả bỏ phiếu"]]);
        for c in 3..16_000u32 {
            s.put(1, c, Cell::Text("Tán thành".into())).ok();
        }
        for r in 0..1_000_000u32 {
            s.merges.push(Area {
                first_row: 0,
                first_col: 16_100 + r % 200,
                last_row: 0,
                last_col: 16_100 + r % 200,
            });
        }
        s.merges.push(Area {
            first_row: 0,
            first_col: 3,
            last_row: 0,
            last_col: 16_000,
        });
        let l = find(&s).unwrap_or_default();
        assert_eq!(l.last, 1);
        assert_eq!(l.col(Field::TanThanh), Some(3));
        // A guard against looking through every area for each cell (1.6·10¹⁰), not a speed
        // target.
        assert!(start.elapsed().as_secs() < 30, "{:?}", start.elapsed());
    }

    #[test]
    fn nam_nu_under_a_birth_year_are_columns_of_their_own() {
        let s = sheet(&[
            &["STT", "Họ và tên", "Năm sinh", "", "Chức vụ"],
            &["", "", "Nam", "Nữ", ""],
        ]);
        let l = find(&s).unwrap_or_default();
        assert_eq!(l.col(Field::NgaySinhNam), Some(2));
        assert_eq!(l.col(Field::NgaySinhNu), Some(3));
        assert_eq!(l.col(Field::NgaySinh), None);
        assert_eq!(l.col(Field::ChucVu), Some(4));
    }

    #[test]
    fn a_hidden_named_column_is_not_read() {
        let mut s = sheet(&[&["STT", "Họ và tên", "Đơn vị", "Ngày sinh"]]);
        s.hidden_cols.add(3, 3);
        let l = find(&s).unwrap_or_default();
        assert_eq!(l.col(Field::NgaySinh), None);
        assert_eq!(l.hidden, vec![(3, "Ngày sinh".to_owned())]);
    }

    #[test]
    fn a_collective_header_says_so() {
        let s = sheet(&[&["STT", "Tên tập thể", "Đơn vị"]]);
        assert!(find(&s).is_some_and(|l| l.collective));
    }
}
