//! Reading sheets built cell by cell: the meanings the readers of each format deliver (hidden
//! rows and sheets, merges, number formats, error cells, formulas without a value), tested here
//! whatever reader fills the model.

use super::super::table::{Area, Book, Cell, Format, Sheet, Visibility};
use super::super::{Level, Problem};
use super::*;
use crate::criteria::Catalog;

fn rule_set() -> RuleSet {
    let catalog = Catalog::builtin().unwrap();
    catalog.get("covid19-hoa-lu-2021").cloned().unwrap()
}

fn upto() -> Date {
    Date {
        year: 2022,
        month: 1,
        day: 10,
    }
}

fn t(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

fn n(v: f64) -> Cell {
    Cell::Number(v, Format::General)
}

/// A sheet from rows of cells.
fn sheet(name: &str, rows: Vec<Vec<Cell>>) -> Sheet {
    let mut s = Sheet::new(name);
    for (r, row) in (0u32..).zip(rows) {
        for (c, cell) in (0u32..).zip(row) {
            s.put(r, c, cell).ok();
        }
    }
    s
}

const HEAD: [&str; 6] = [
    "STT",
    "Họ và tên",
    "Đơn vị",
    "Đối tượng",
    "Tán thành",
    "Không tán thành",
];

fn header() -> Vec<Cell> {
    HEAD.iter().map(|h| t(h)).collect()
}

fn person(i: f64, name: &str, yes: f64) -> Vec<Cell> {
    vec![
        n(i),
        t(name),
        t("Thôn Đông"),
        t("Tình nguyện viên"),
        n(yes),
        n(8.0 - yes),
    ]
}

fn book(sheets: Vec<Sheet>) -> Book {
    Book {
        sheets,
        ..Book::default()
    }
}

fn run(b: &Book, chosen: Option<&str>) -> (Option<Read>, Vec<Problem>) {
    let mut problems = Vec::new();
    let read = read(b, chosen, &rule_set(), upto(), &mut problems)
        .ok()
        .flatten();
    (read, problems)
}

fn names(r: &Option<Read>) -> Vec<String> {
    r.as_ref()
        .map(|r| r.rows.iter().map(|l| l.ten.clone()).collect())
        .unwrap_or_default()
}

fn said(problems: &[Problem], place: &str, words: &str) -> bool {
    problems
        .iter()
        .any(|p| p.place == place && p.msg.vi.contains(words))
}

fn errors(problems: &[Problem]) -> Vec<&Problem> {
    problems
        .iter()
        .filter(|p| p.level == Level::Error)
        .collect()
}

#[test]
fn a_hidden_row_is_skipped_and_named() {
    let mut s = sheet(
        "Danh sách",
        vec![
            header(),
            person(1.0, "Lê Văn Bình", 8.0),
            person(2.0, "Trần Văn Hải", 3.0),
            person(3.0, "Phạm Thị Mai", 8.0),
        ],
    );
    s.hidden_rows.add(2, 2);
    let (r, p) = run(&book(vec![s]), None);
    assert_eq!(names(&r), ["Lê Văn Bình", "Phạm Thị Mai"]);
    assert!(said(&p, "Danh sách!3", "dòng ẩn (lọc)"), "{p:?}");
}

#[test]
fn a_hidden_sheet_is_never_read_and_the_visible_ones_all_are() {
    let mut old = sheet("DS 2020", vec![header(), person(1.0, "Đỗ Văn Cường", 8.0)]);
    old.visibility = Visibility::Hidden;
    let a = sheet("Cá nhân", vec![header(), person(1.0, "Lê Văn Bình", 8.0)]);
    let b = sheet(
        "Tập thể",
        vec![
            vec![t("STT"), t("Tên tập thể"), t("Đơn vị"), t("Đối tượng")],
            vec![n(1.0), t("Thôn Đông"), t("xã Trường Yên"), t("Thôn, xóm")],
        ],
    );
    let bk = book(vec![old, a, b]);
    let (r, p) = run(&bk, None);
    assert!(errors(&p).is_empty(), "{p:?}");
    assert_eq!(names(&r), ["Lê Văn Bình", "Thôn Đông"]);
    let r = r.unwrap_or_default();
    assert_eq!(r.skipped, vec![("DS 2020".to_owned(), Skipped::Hidden)]);
    assert_eq!(r.rows[1].loai, NomineeType::Collective);
    assert_eq!(r.rows[1].name_cell, "Tập thể!B2");

    // Chosen by name; a hidden one or an unknown one refused.
    let (r, _) = run(&bk, Some("Tập thể"));
    assert_eq!(names(&r), ["Thôn Đông"]);
    let mut problems = Vec::new();
    let e = read(&bk, Some("DS 2020"), &rule_set(), upto(), &mut problems);
    assert_eq!(
        e.err(),
        Some(SheetError::Hidden {
            name: "DS 2020".into()
        })
    );
    let e = read(&bk, Some("Khác"), &rule_set(), upto(), &mut problems);
    assert!(e.is_err_and(|e| e.msg().vi.contains("\"DS 2020\", \"Cá nhân\", \"Tập thể\"")));
}

#[test]
fn the_active_sheet_is_read_first() {
    let a = sheet("A", vec![header(), person(1.0, "Lê Văn Bình", 8.0)]);
    let b = sheet("B", vec![header(), person(1.0, "Phạm Thị Mai", 8.0)]);
    let mut bk = book(vec![a, b]);
    bk.active = Some(1);
    let (r, _) = run(&bk, None);
    assert_eq!(names(&r), ["Phạm Thị Mai", "Lê Văn Bình"]);
}

#[test]
fn a_value_merged_down_counts_for_every_row_it_spans() {
    let mut s = sheet(
        "Danh sách",
        vec![
            header(),
            person(1.0, "Lê Văn Bình", 8.0),
            vec![
                n(2.0),
                t("Phạm Thị Mai"),
                t("Trạm Y tế"),
                t("Lực lượng tuyến đầu"),
                n(8.0),
                n(0.0),
            ],
            vec![
                n(3.0),
                t("Đinh Thị Thu"),
                Cell::Empty,
                Cell::Empty,
                n(8.0),
                n(0.0),
            ],
        ],
    );
    for c in [2, 3] {
        s.merges.push(Area {
            first_row: 2,
            first_col: c,
            last_row: 3,
            last_col: c,
        });
    }
    let (r, p) = run(&book(vec![s]), None);
    assert!(errors(&p).is_empty(), "{p:?}");
    let r = r.unwrap_or_default();
    assert_eq!(r.rows[2].don_vi.as_deref(), Some("Trạm Y tế"));
    assert_eq!(r.rows[2].doi_tuong, "tuyen_dau");
    assert!(
        said(&p, "Danh sách!C3:C4", "ô gộp: giá trị dùng cho cả 2 dòng"),
        "{p:?}"
    );
    assert!(said(&p, "Danh sách!D3:D4", "ô gộp"), "{p:?}");
}

#[test]
fn error_cells_and_formulas_without_a_value_are_refused_by_cell() {
    let mut rows = vec![header(), person(1.0, "Lê Văn Bình", 8.0)];
    let mut bad = person(2.0, "Trần Văn Hải", 7.0);
    bad[4] = Cell::Error("#N/A".into());
    bad[5] = Cell::Formula("8-E3".into());
    rows.push(bad);
    let mut unit = person(3.0, "Phạm Thị Mai", 8.0);
    unit[2] = Cell::Error("#REF!".into());
    rows.push(unit);
    let (r, p) = run(&book(vec![sheet("Danh sách", rows)]), None);
    assert!(said(&p, "Danh sách!E3", "ô báo lỗi #N/A"), "{p:?}");
    assert!(
        said(&p, "Danh sách!F3", "công thức chưa có kết quả"),
        "{p:?}"
    );
    assert!(said(&p, "Danh sách!C4", "ô báo lỗi #REF!"), "{p:?}");
    assert_eq!(names(&r), ["Lê Văn Bình"]);
}

#[test]
fn ids_keep_their_zeros_and_other_number_formats_are_refused() {
    let s = sheet(
        "Danh sách",
        vec![
            vec![t("Mã"), t("Họ và tên"), t("Đơn vị"), t("Đối tượng")],
            vec![
                Cell::Number(1.0, Format::Zeros(3)),
                t("Lê Văn Bình"),
                t("Thôn Đông"),
                t("Tình nguyện viên"),
            ],
            vec![
                Cell::Number(2.0, Format::Other("0.00".into())),
                t("Phạm Thị Mai"),
                t("Thôn Đông"),
                t("Tình nguyện viên"),
            ],
        ],
    );
    let (r, p) = run(&book(vec![s]), None);
    assert_eq!(
        r.unwrap_or_default()
            .rows
            .first()
            .and_then(|l| l.ma.clone())
            .as_deref(),
        Some("001")
    );
    assert!(said(&p, "Danh sách!A3", "định dạng \"0.00\""), "{p:?}");
}

#[test]
fn a_two_row_header_with_nam_nu_gives_sex_and_year() {
    let mut s = sheet(
        "Danh sách",
        vec![
            vec![
                t("STT"),
                t("Họ và tên"),
                t("Năm sinh"),
                Cell::Empty,
                t("Chức vụ"),
                t("Đối tượng"),
            ],
            vec![Cell::Empty, Cell::Empty, t("Nam"), t("Nữ")],
            vec![
                n(1.0),
                t("Ông Nguyễn Văn Hùng"),
                n(1984.0),
                Cell::Empty,
                t("Phó Chỉ huy trưởng"),
                t("Tình nguyện viên"),
            ],
            vec![
                n(2.0),
                t("Trần Thị Thu Hà"),
                Cell::Empty,
                n(1992.0),
                t("Y sĩ"),
                t("Tình nguyện viên"),
            ],
        ],
    );
    s.merges.push(Area {
        first_row: 0,
        first_col: 2,
        last_row: 0,
        last_col: 3,
    });
    for c in [0, 1, 4, 5] {
        s.merges.push(Area {
            first_row: 0,
            first_col: c,
            last_row: 1,
            last_col: c,
        });
    }
    let (r, p) = run(&book(vec![s]), None);
    let r = r.unwrap_or_default();
    assert!(errors(&p).is_empty(), "{p:?}");
    let got: Vec<(String, Option<Birth>, Option<&str>)> = r
        .rows
        .iter()
        .map(|l| (l.ten.clone(), l.ngay_sinh, l.gioi_tinh))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Nguyễn Văn Hùng".to_owned(),
                Some(Birth::Year(1984)),
                Some("nam")
            ),
            (
                "Trần Thị Thu Hà".to_owned(),
                Some(Birth::Year(1992)),
                Some("nu")
            ),
        ]
    );
    assert!(said(&p, "Danh sách!B3", "bỏ danh xưng \"Ông\""), "{p:?}");
}

#[test]
fn numbering_group_total_and_signature_rows_are_no_nominees() {
    let s = sheet(
        "Danh sách",
        vec![
            vec![
                t("STT"),
                t("Họ và tên"),
                t("Chức vụ"),
                t("Đơn vị"),
                t("Đối tượng"),
            ],
            vec![t("(1)"), t("(2)"), t("(3)"), t("(4)"), t("(5)")],
            vec![t("I"), t("TẬP THỂ")],
            vec![
                n(1.0),
                t("Tổ xung kích thôn Gò Da"),
                Cell::Empty,
                t("Thôn Gò Da"),
                t("Thôn, xóm"),
            ],
            vec![t("Cộng: 01 tập thể")],
            vec![t("II. CÁ NHÂN")],
            vec![
                n(1.0),
                t("Đại tá Nguyễn Văn Hùng"),
                t("Chỉ huy trưởng"),
                t("Ban CHQS"),
                t("Tình nguyện viên"),
            ],
            vec![t("Tổng cộng: 02")],
            vec![
                t("NGƯỜI LẬP BIỂU"),
                Cell::Empty,
                Cell::Empty,
                t("CHÁNH VĂN PHÒNG"),
            ],
            vec![
                t("(Ký, ghi rõ họ tên)"),
                Cell::Empty,
                Cell::Empty,
                t("(Ký, ghi rõ họ tên)"),
            ],
            vec![
                t("Nguyễn Thị Lan"),
                Cell::Empty,
                Cell::Empty,
                t("Lê Thị Hồng Nhung"),
            ],
            vec![
                n(2.0),
                t("Phạm Thị Mai"),
                t("Y sĩ"),
                t("Trạm Y tế"),
                t("Tình nguyện viên"),
            ],
        ],
    );
    let (r, p) = run(&book(vec![s]), None);
    assert!(errors(&p).is_empty(), "{p:?}");
    let r = r.unwrap_or_default();
    assert_eq!(
        names(&Some(r.clone())),
        ["Tổ xung kích thôn Gò Da", "Nguyễn Văn Hùng", "Phạm Thị Mai"]
    );
    assert_eq!(r.rows[0].loai, NomineeType::Collective);
    assert_eq!(r.rows[1].cap_bac.as_deref(), Some("Đại tá"));
    assert!(said(&p, "Danh sách!2", "dòng đánh số cột"), "{p:?}");
    assert!(said(&p, "Danh sách!5", "dòng tổng cộng"), "{p:?}");
    assert!(
        said(&p, "Danh sách!8:11", "dòng tổng cộng, chữ ký"),
        "{p:?}"
    );
}

#[test]
fn a_combined_position_and_unit_is_kept_whole() {
    let s = sheet(
        "Danh sách",
        vec![
            vec![
                t("STT"),
                t("Họ và tên"),
                t("Chức vụ, đơn vị công tác"),
                t("Đối tượng"),
            ],
            vec![
                n(1.0),
                t("Nguyễn Văn Hùng"),
                t("Phó Chỉ huy trưởng, UBND xã Minh Long"),
                t("Tình nguyện viên"),
            ],
        ],
    );
    let (r, _) = run(&book(vec![s]), None);
    let r = r.unwrap_or_default();
    assert_eq!(
        r.rows[0].chuc_vu_don_vi.as_deref(),
        Some("Phó Chỉ huy trưởng, UBND xã Minh Long")
    );
    assert_eq!(r.rows[0].don_vi, None);
}

#[test]
fn a_hidden_column_is_said() {
    let mut s = sheet("Danh sách", vec![header(), person(1.0, "Lê Văn Bình", 8.0)]);
    s.hidden_cols.add(4, 5);
    let (r, p) = run(&book(vec![s]), None);
    assert_eq!(r.unwrap_or_default().rows[0].tan_thanh, None);
    assert!(said(&p, "Danh sách!E", "cột ẩn \"Tán thành\""), "{p:?}");
}

#[test]
fn a_rank_column_gives_cap_bac() {
    let s = sheet(
        "Danh sách",
        vec![
            vec![t("STT"), t("Quân hàm"), t("Họ và tên"), t("Đối tượng")],
            vec![
                n(1.0),
                t("Thiếu tá"),
                t("Nguyễn Văn Hùng"),
                t("Tình nguyện viên"),
            ],
            vec![
                n(2.0),
                Cell::Empty,
                t("Trung úy Lê Văn Bình"),
                t("Tình nguyện viên"),
            ],
        ],
    );
    let (r, p) = run(&book(vec![s]), None);
    let r = r.unwrap_or_default();
    let got: Vec<(String, Option<String>)> = r
        .rows
        .iter()
        .map(|l| (l.ten.clone(), l.cap_bac.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Nguyễn Văn Hùng".to_owned(), Some("Thiếu tá".to_owned())),
            ("Lê Văn Bình".to_owned(), Some("Trung úy".to_owned())),
        ]
    );
    assert!(said(&p, "Danh sách!C3", "\"Trung úy\" là cấp bậc"), "{p:?}");
}

#[test]
fn a_bool_or_a_date_in_a_text_column_is_refused() {
    let mut a = person(1.0, "Lê Văn Bình", 8.0);
    a[2] = Cell::Bool(true);
    let mut b = person(2.0, "Phạm Thị Mai", 8.0);
    b[3] = Cell::Date(upto());
    let (r, p) = run(&book(vec![sheet("Danh sách", vec![header(), a, b])]), None);
    assert!(names(&r).is_empty());
    assert!(said(&p, "Danh sách!C2", "TRUE"), "{p:?}");
    assert!(said(&p, "Danh sách!D3", "ô ngày tháng"), "{p:?}");
}

#[test]
fn a_name_or_a_field_longer_than_any_real_one_is_refused_with_its_cell() {
    let long_name = "Lê Văn Bình ".repeat(20);
    let mut unit = person(2.0, "Trần Văn Hải", 3.0);
    unit[2] = t(&"Thôn Đông ".repeat(101));
    let s = sheet(
        "Danh sách",
        vec![
            header(),
            person(1.0, &long_name, 8.0),
            unit,
            person(3.0, &"Phạm Thị Mai ".repeat(15), 8.0),
        ],
    );
    let (r, p) = run(&book(vec![s]), None);
    assert!(said(&p, "Danh sách!B2", "hơn 200 ký tự"), "{p:?}");
    assert!(said(&p, "Danh sách!C3", "hơn 1000 ký tự"), "{p:?}");
    assert_eq!(errors(&p).len(), 2, "{p:?}");
    // At 195 characters, a name is read.
    assert_eq!(names(&r), ["Phạm Thị Mai ".repeat(15).trim()]);
}

#[test]
fn an_honorific_column_gives_cap_bac() {
    // Lists of civilians write "Ông"/"Bà" in a "Danh xưng" column (#19): printed before the
    // name, as a rank is.
    let s = sheet(
        "Danh sách",
        vec![
            vec![t("STT"), t("Danh xưng"), t("Họ và tên"), t("Đối tượng")],
            vec![n(1.0), t("Ông"), t("Nguyễn Văn Hùng"), t("Người dân")],
            vec![n(2.0), t("Đại tá"), t("Lê Văn Bình"), t("Người dân")],
        ],
    );
    let (r, p) = run(&book(vec![s]), None);
    let got: Vec<(String, Option<String>)> = r
        .unwrap_or_default()
        .rows
        .iter()
        .map(|l| (l.ten.clone(), l.cap_bac.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Nguyễn Văn Hùng".to_owned(), Some("Ông".to_owned())),
            ("Lê Văn Bình".to_owned(), Some("Đại tá".to_owned())),
        ],
        "{p:?}"
    );
}
