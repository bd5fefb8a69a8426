//! The rows of one sheet's table, each read as a nominee or said to be something else.

use super::super::table::{Area, Cell, Sheet};
use super::super::{Level, Problem};
use super::header::{fold, letter, Layout};
use super::layout::{closing, group, nominee_type, numbering};
use super::notes::Notes;
use super::value::{self, Birth, Cleaner, Merged};
use super::{name, Field, Listed, Table};
use crate::criteria::{NomineeType, RuleSet};
use crate::date::Date;
use crate::msg;
use crate::text::name_key;
use std::collections::HashMap;

/// The fields that make a row more than a name (a unit, a kind, a date, votes).
const DATA: &[Field] = &[
    Field::ChucVu,
    Field::DonVi,
    Field::ChucVuDonVi,
    Field::CapBac,
    Field::DoiTuong,
    Field::Loai,
    Field::NgaySinh,
    Field::NgaySinhNam,
    Field::NgaySinhNu,
    Field::GioiTinh,
    Field::TanThanh,
    Field::KhongTanThanh,
];

/// The rule set's kinds of nominee as a list's cells name them, their names folded once for
/// the whole list, and the answer for each cell already read: a list names a handful of kinds
/// over thousands of rows, and folding every kind's name again on every row was an eighth of
/// an import (#21).
struct Kinds<'a> {
    rs: &'a RuleSet,
    /// Per kind: the words of its name, folded.
    names: Vec<Vec<String>>,
    /// Cells read, with the kind each names.
    seen: HashMap<String, Option<String>>,
}

/// Most cells a [`Kinds`] remembers; a list naming more is answered afresh past them.
const MAX_KIND_CELLS: usize = 1024;

impl<'a> Kinds<'a> {
    fn new(rs: &'a RuleSet) -> Self {
        let names = rs
            .nominee_kinds
            .iter()
            .map(|k| fold(&k.ten).split(' ').map(str::to_owned).collect())
            .collect();
        Kinds {
            rs,
            names,
            seen: HashMap::new(),
        }
    }

    /// The kind a cell names: its id, its name, or the name shortened ("Lực lượng tuyến đầu"
    /// for "Lực lượng ở tuyến đầu trực tiếp …"): the kind whose name holds every word of the
    /// cell, the closest if several do.
    fn id(&mut self, s: &str) -> Option<String> {
        if let Some(hit) = self.seen.get(s) {
            return hit.clone();
        }
        let answer = self.look(s);
        if self.seen.len() < MAX_KIND_CELLS {
            self.seen.insert(s.to_owned(), answer.clone());
        }
        answer
    }

    fn look(&self, s: &str) -> Option<String> {
        let t = s.trim();
        if let Some(k) = self.rs.nominee_kinds.iter().find(|k| k.id == t) {
            return Some(k.id.clone());
        }
        let folded = fold(t);
        let words: Vec<&str> = folded.split(' ').collect();
        if words.iter().all(|w| w.is_empty()) {
            return None;
        }
        self.rs
            .nominee_kinds
            .iter()
            .zip(&self.names)
            .filter_map(|(k, name)| {
                let hit = words.iter().all(|w| name.iter().any(|n| n == w))
                    || folded == k.id.replace('_', " ");
                hit.then_some((name.len(), k.id.clone()))
            })
            .min()
            .map(|(_, id)| id)
    }
}

/// Longest name read, in characters. A person's name is under 50; the longest official name
/// of a collective, its whole chain of superiors written out ("Phòng Cảnh sát phòng cháy,
/// chữa cháy và cứu nạn, cứu hộ, Công an tỉnh …"), is about 150. A longer cell is a paste
/// gone wrong (a paragraph, a column pasted into one cell) that would be written into
/// `to-trinh.yaml` and printed in every document: refused with its cell.
pub(super) const MAX_NAME_CHARS: usize = 200;

/// Longest other field read (a unit, a position, a kind, a code), in characters: a unit with
/// every level above it is a few hundred; five times that is no field of a list.
pub(super) const MAX_FIELD_CHARS: usize = 1_000;

/// Whether a problem among these stops the row.
fn failed(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.level == Level::Error)
}

/// One row as the clerk sees it, column by column, before it is known what the row is.
struct Row<'a> {
    r: u32,
    sheet: &'a Sheet,
    layout: &'a Layout,
    merges: &'a Merged,
    /// Merged areas a value of this row came from.
    merged: Vec<Area>,
}

impl Row<'_> {
    /// The cell of a field, a merged value included.
    fn cell(&mut self, f: Field) -> &Cell {
        let Some(c) = self.layout.col(f) else {
            return &Cell::Empty;
        };
        let (cell, area) = value::shown(self.sheet, self.merges, self.r, c);
        if let Some(a) = area {
            if !self.merged.contains(&a) {
                self.merged.push(a);
            }
        }
        cell
    }

    fn place(&self, f: Field) -> String {
        self.layout
            .col(f)
            .map(|c| self.sheet.place(self.r, c))
            .unwrap_or_default()
    }

    fn filled(&mut self, f: Field) -> bool {
        !self.cell(f).is_empty()
    }

    /// A cell's text, refused (None, with the error said) when it is no text.
    fn text(
        &mut self,
        f: Field,
        cleaner: &mut Cleaner,
        errors: &mut Vec<Problem>,
    ) -> Option<String> {
        let place = self.place(f);
        let column = self.layout.col(f).map(letter).unwrap_or_default();
        let cell = self.cell(f).clone();
        // The serial number only tells group rows: shown in whatever format, it is a number.
        if let (Field::Stt, Cell::Number(n, _)) = (f, &cell) {
            return Some(value::general(*n));
        }
        match value::text(cleaner, &cell, &column, &place) {
            Ok(Some(t)) => {
                let limit = if f == Field::Ten {
                    MAX_NAME_CHARS
                } else {
                    MAX_FIELD_CHARS
                };
                let n = t.chars().count();
                if n <= limit {
                    return Some(t);
                }
                let m = if f == Field::Ten {
                    msg!("tên dài {} ký tự, hơn {} ký tự của mọi tên người hay tập thể: kiểm tra ô (dán nhầm cả một đoạn?)", n, limit;
                         "the name is {} characters long, more than the {} of any person's or collective's name: check the cell (a paragraph pasted by mistake?)", n, limit)
                } else {
                    msg!("ô dài {} ký tự, hơn {} ký tự của mọi ô trong danh sách: kiểm tra ô (dán nhầm cả một đoạn?)", n, limit;
                         "the cell is {} characters long, more than the {} of any field of a list: check the cell (a paragraph pasted by mistake?)", n, limit)
                };
                errors.push(Problem::error(place, m));
                None
            }
            Ok(None) => None,
            Err(m) => {
                errors.push(Problem::error(place, m));
                None
            }
        }
    }
}

/// Read a sheet's table: the table said, its nominees, whether it has votes.
pub(super) fn read(
    sheet: &Sheet,
    layout: &Layout,
    rs: &RuleSet,
    upto: Date,
    problems: &mut Vec<Problem>,
) -> (Table, Vec<Listed>, bool) {
    let mut table = Table {
        sheet: sheet.name.clone(),
        header_row: sheet.row_place(layout.row),
        ..Table::default()
    };
    for c in &layout.columns {
        table
            .matched
            .push((letter(c.col), c.field, c.written.clone()));
    }
    for (c, w) in &layout.ignored {
        table.ignored.push((letter(*c), w.clone()));
    }
    let mut notes = Notes::default();
    let mut kinds = Kinds::new(rs);
    for (c, w) in &layout.hidden {
        problems.push(Problem::note(
            format!("{}!{}", sheet.name, letter(*c)),
            msg!("cột ẩn \"{}\": không đọc", w; "hidden column \"{}\": not read", w),
        ));
    }
    let mut cleaner = Cleaner::default();
    let merges = Merged::new(sheet, layout.last);
    let mut rows = Vec::new();
    let mut current_group: Option<NomineeType> = None;
    let below: Vec<u32> = sheet.row_numbers().filter(|r| *r > layout.last).collect();
    for r in below {
        if sheet.hidden_rows.contains(r) {
            notes.hidden(r);
            continue;
        }
        // Column numbers under the header.
        if numbering(sheet.row(r), layout.first_col) {
            notes.numbering(r);
            continue;
        }
        let mut row = Row {
            r,
            sheet,
            layout,
            merges: &merges,
            merged: Vec::new(),
        };
        let mut errors: Vec<Problem> = Vec::new();
        let stt = row.text(Field::Stt, &mut cleaner, &mut errors);
        let ten = row.text(Field::Ten, &mut cleaner, &mut errors);
        let stt_number = stt
            .as_deref()
            .is_some_and(|s| s.trim_end_matches('.').parse::<u32>().is_ok());
        let others: Vec<Field> = DATA.iter().copied().filter(|f| row.filled(*f)).collect();
        // Lines closing the table: a total, a signature block and the names under it. A row
        // with a number, or a name and two details, is a nominee again.
        let texts: Vec<String> = sheet
            .row(r)
            .filter_map(|(_, c)| match c {
                Cell::Text(t) => Some(t.clone()),
                _ => None,
            })
            .collect();
        // A group row after a subtotal ("Cộng: 3", then "II. CÁ NHÂN") opens the next group.
        let is_group = others.is_empty()
            && match &ten {
                Some(t) => group(stt.as_deref(), t).is_some(),
                None => stt.as_deref().and_then(|s| group(None, s)).is_some(),
            };
        let strong = is_group || (ten.is_some() && (stt_number || others.len() >= 2));
        let closes =
            !stt_number && ten.as_deref().is_none_or(closing) && texts.iter().any(|t| closing(t));
        if closes || (notes.in_closing() && !strong) {
            notes.closing(r, texts.first().map(String::as_str).unwrap_or_default());
            continue;
        }
        notes.end_closing();
        let Some(ten) = ten else {
            if let Some(t) = stt
                .as_deref()
                .filter(|_| others.is_empty())
                .and_then(|s| group(None, s))
            {
                current_group = Some(t);
                continue;
            }
            // A numbered row without its name is a mistake, and so is a row with two or more
            // details (unit, kind, votes) and no name, numbered or not: a list without an STT
            // column lost such a nominee silently. Anything else without a name is not a row
            // of the list.
            if !failed(&errors) && ((stt.is_some() && !others.is_empty()) || others.len() >= 2) {
                problems.push(Problem::error(
                    sheet.place(r, layout.col(Field::Ten).unwrap_or(0)),
                    msg!("dòng có số liệu nhưng thiếu họ và tên / tên tập thể"; "the row has data but no name"),
                ));
            }
            problems.append(&mut errors);
            continue;
        };
        if others.is_empty() {
            if let Some(t) = group(stt.as_deref(), &ten) {
                current_group = Some(t);
                continue;
            }
            // A line under the table: no number, no data. Said, since Excel shows it: it may
            // be a nominee whose number was forgotten.
            if stt.is_none() && layout.col(Field::Stt).is_some() {
                notes.bare(sheet.place(r, layout.col(Field::Ten).unwrap_or(0)), &ten);
                continue;
            }
        }
        let listed = nominee(
            &mut row,
            ten,
            current_group,
            &mut cleaner,
            &mut errors,
            &mut kinds,
            upto,
        );
        notes.merged(&row.merged);
        if !failed(&errors) {
            if let Some(l) = listed {
                rows.push(l);
            }
        }
        problems.append(&mut errors);
    }
    notes.end_closing();
    table.count = rows.len();
    notes.say(sheet, &cleaner, problems);
    (table, rows, layout.col(Field::TanThanh).is_some())
}

/// A nominee's row read field by field; None (with the errors said) when a cell cannot be read.
fn nominee(
    row: &mut Row<'_>,
    ten: String,
    group_type: Option<NomineeType>,
    cleaner: &mut Cleaner,
    errors: &mut Vec<Problem>,
    kinds: &mut Kinds<'_>,
    upto: Date,
) -> Option<Listed> {
    let rs = kinds.rs;
    let name_cell = row.place(Field::Ten);
    let ma = row.text(Field::Ma, cleaner, errors);
    let chuc_vu = row.text(Field::ChucVu, cleaner, errors);
    let don_vi = row.text(Field::DonVi, cleaner, errors);
    let chuc_vu_don_vi = row.text(Field::ChucVuDonVi, cleaner, errors);
    let cap_bac_col = row.text(Field::CapBac, cleaner, errors);
    let loai_text = row.text(Field::Loai, cleaner, errors);
    let gioi = row.text(Field::GioiTinh, cleaner, errors);
    let kind_text = row.text(Field::DoiTuong, cleaner, errors);
    let mut number = |f: Field, errors: &mut Vec<Problem>| {
        let place = row.place(f);
        let column = row.layout.col(f).map(letter).unwrap_or_default();
        let cell = row.cell(f).clone();
        value::votes(cleaner, &cell, &column, &place).unwrap_or_else(|m| {
            errors.push(Problem::error(place, m));
            None
        })
    };
    let tan_thanh = number(Field::TanThanh, errors);
    let khong_tan_thanh = number(Field::KhongTanThanh, errors);
    let mut birth = |f: Field, errors: &mut Vec<Problem>| {
        let place = row.place(f);
        let column = row.layout.col(f).map(letter).unwrap_or_default();
        let cell = row.cell(f).clone();
        value::birth(cleaner, &cell, &column, &place, value::Upto::proposal(upto)).unwrap_or_else(
            |m| {
                errors.push(Problem::error(place, m));
                None
            },
        )
    };
    let ngay_sinh = birth(Field::NgaySinh, errors);
    let nam = birth(Field::NgaySinhNam, errors);
    let nu = birth(Field::NgaySinhNu, errors);
    if failed(errors) {
        return None;
    }
    let (ngay_sinh, sex_by_column): (Option<Birth>, Option<&'static str>) = match (
        ngay_sinh, nam, nu,
    ) {
        (b, None, None) => (b, None),
        (None, Some(b), None) => (Some(b), Some("nam")),
        (None, None, Some(b)) => (Some(b), Some("nu")),
        _ => {
            errors.push(Problem::error(
                    row.place(Field::NgaySinhNam),
                    msg!("năm sinh ghi ở cả cột Nam và cột Nữ: chỉ ghi ở cột đúng giới tính";
                         "a birth year in both the Nam and the Nữ column: write it only in the column of the person's sex"),
                ));
            return None;
        }
    };

    let loai = match &loai_text {
        Some(t) => match nominee_type(t) {
            Some(l) if group_type.is_some_and(|g| g != l) => {
                let g = group_type.unwrap_or(l);
                errors.push(Problem::error(
                    row.place(Field::Loai),
                    msg!("ô ghi \"{}\" nhưng dòng nằm dưới dòng nhóm {}: sửa ô hoặc chuyển dòng về đúng nhóm", t, g.vi().to_uppercase();
                         "the cell says \"{}\" but the row is under the group row of {}: correct the cell or move the row to its group", t, g.en_plural()),
                ));
                return None;
            }
            Some(l) => l,
            None => {
                errors.push(Problem::error(
                    row.place(Field::Loai),
                    msg!("\"{}\" không phải \"Cá nhân\", \"Tập thể\" hay \"Hộ gia đình\"", t;
                         "\"{}\" is not \"Cá nhân\" (individual), \"Tập thể\" (collective) or \"Hộ gia đình\" (household)", t),
                ));
                return None;
            }
        },
        None => group_type.unwrap_or(if row.layout.collective {
            NomineeType::Collective
        } else if ten.starts_with("Hộ ") {
            NomineeType::Household
        } else {
            NomineeType::Individual
        }),
    };
    let gioi_tinh = match gioi.as_deref().map(fold).as_deref() {
        None => sex_by_column,
        Some(g @ ("nam" | "nu")) if sex_by_column.is_none_or(|s| s == g) => {
            if g == "nam" {
                Some("nam")
            } else {
                Some("nu")
            }
        }
        Some(_) => {
            let g = gioi.unwrap_or_default();
            errors.push(Problem::error(
                row.place(Field::GioiTinh),
                msg!("giới tính \"{}\": ghi \"Nam\" hoặc \"Nữ\"", g;
                     "sex \"{}\": write \"Nam\" or \"Nữ\"", g),
            ));
            return None;
        }
    };
    let doi_tuong = match &kind_text {
        Some(t) => match kinds.id(t) {
            Some(id) => id,
            None => {
                let known: Vec<String> = rs.nominee_kinds.iter().map(|k| k.ten.clone()).collect();
                errors.push(Problem::error(
                    row.place(Field::DoiTuong),
                    msg!("đối tượng \"{}\" không có trong bộ quy tắc {}; các đối tượng: {}", t, rs.id, known.join("; ");
                         "kind of nominee \"{}\" is not in rule set {}; its kinds: {}", t, rs.id, known.join("; ")),
                ));
                return None;
            }
        },
        None => {
            let fitting: Vec<&str> = rs
                .nominee_kinds
                .iter()
                .filter(|k| k.admits(loai))
                .map(|k| k.id.as_str())
                .collect();
            if let [one] = fitting.as_slice() {
                (*one).to_owned()
            } else {
                errors.push(Problem::error(
                    name_cell.clone(),
                    msg!("thiếu đối tượng khen thưởng của \"{}\" (thêm cột \"Đối tượng\")", ten;
                         "no kind of nominee for \"{}\" (add a column \"Đối tượng\")", ten),
                ));
                return None;
            }
        }
    };
    if !rs.nominee_kind(&doi_tuong).is_some_and(|k| k.admits(loai)) {
        errors.push(Problem::error(
            row.place(Field::DoiTuong),
            msg!("đối tượng \"{}\" không dành cho {}", doi_tuong, loai.vi();
                 "kind `{}` is not for a {}", doi_tuong, loai.en()),
        ));
        return None;
    }
    let individual = loai == NomineeType::Individual;
    // What only a person has, on a collective's or household's row: a person put under the
    // wrong group row or typed "Tập thể", whose details would be dropped without a word.
    if !individual {
        let personal = [
            (Field::ChucVu, chuc_vu.is_some()),
            (Field::CapBac, cap_bac_col.is_some()),
            (Field::GioiTinh, gioi.is_some()),
            (Field::NgaySinh, row.filled(Field::NgaySinh)),
            (Field::NgaySinhNam, row.filled(Field::NgaySinhNam)),
            (Field::NgaySinhNu, row.filled(Field::NgaySinhNu)),
        ];
        if let Some((f, _)) = personal.into_iter().find(|(_, filled)| *filled) {
            errors.push(Problem::error(
                row.place(f),
                msg!("\"{}\" được đọc là {} nhưng dòng có chức vụ, cấp bậc, ngày sinh hoặc giới tính của một người: nếu là cá nhân, đặt dòng dưới nhóm CÁ NHÂN (hoặc ghi \"Cá nhân\" ở cột Cá nhân/Tập thể); nếu là {}, xóa ô này", ten, loai.vi(), loai.vi();
                     "\"{}\" is read as {} but the row has a person's position, rank, birth date or sex: if it is an individual, put the row under the individuals' group row (or write \"Cá nhân\" in the type column); if it is {}, clear this cell", ten, loai.en_a(), loai.en_a()),
            ));
            return None;
        }
    }
    let (ten, cap_bac) = if individual {
        let n = name::split(&ten);
        if let Some(h) = &n.honorific {
            errors.push(Problem::note(
                name_cell.clone(),
                msg!("bỏ danh xưng \"{}\" trước tên: ghi \"{}\"", h, n.ten;
                     "the honorific \"{}\" before the name is dropped: \"{}\"", h, n.ten),
            ));
        }
        if let Some(k) = &n.rank {
            errors.push(Problem::note(
                name_cell.clone(),
                msg!("\"{}\" là cấp bậc, không phải một phần của tên: ghi vào cap_bac", k;
                     "\"{}\" is a rank, not part of the name: written as cap_bac", k),
            ));
        }
        (n.ten, cap_bac_col.or(n.rank))
    } else {
        (ten, None)
    };
    // A collective's "Chức vụ, đơn vị" is its unit. Given beside a unit of its own that says
    // something else, one of the two would be dropped without a word: the clerk chooses.
    let (don_vi, chuc_vu_don_vi) = match (individual, don_vi, chuc_vu_don_vi) {
        (false, None, Some(cd)) => (Some(cd), None),
        (false, Some(d), Some(cd)) if name_key(&d) != name_key(&cd) => {
            errors.push(Problem::error(
                row.place(Field::ChucVuDonVi),
                msg!("\"{}\" là {}: đơn vị của nó là \"{}\" (cột Đơn vị) hay \"{}\" (cột Chức vụ, đơn vị)? Để một trong hai ô", ten, loai.vi(), d, cd;
                     "\"{}\" is {}: is its unit \"{}\" (the unit column) or \"{}\" (the position-and-unit column)? Keep one of the two cells", ten, loai.en_a(), d, cd),
            ));
            return None;
        }
        (false, d, _) => (d, None),
        (true, d, cd) => (d, cd),
    };
    Some(Listed {
        row: row.r as usize + 1,
        name_cell,
        ma,
        ten,
        cap_bac,
        loai,
        chuc_vu: if individual { chuc_vu } else { None },
        don_vi,
        chuc_vu_don_vi,
        doi_tuong,
        ngay_sinh: if individual { ngay_sinh } else { None },
        gioi_tinh: if individual { gioi_tinh } else { None },
        tan_thanh,
        khong_tan_thanh,
    })
}
