//! `dossier import`: the shipped sample list into example 01 (a dry run, then for real, then
//! again with nothing to change), rows that cannot be read, and the refusals.

use std::fs;

use super::record;
use crate::util::{repo, Scratch};

const C: &str = "import";

/// Example 01 as `hs/`, the sample list beside it as `ds.xlsx`.
fn example() -> Scratch {
    let s = Scratch::example01();
    fs::copy(
        repo().join("examples/danh-sach-mau.xlsx"),
        s.dir.path().join("ds.xlsx"),
    )
    .unwrap();
    s
}

#[test]
fn imported() {
    let s = example();
    record(
        C,
        "dry_run",
        &s,
        &["import", "hs", "--danh-sach", "ds.xlsx", "--dry-run"],
    );
    record(
        C,
        "imported",
        &s,
        &["import", "hs", "--danh-sach", "ds.xlsx"],
    );
    record(
        C,
        "again_nothing_to_change",
        &s,
        &["import", "hs", "--danh-sach", "ds.xlsx"],
    );
    let s = example();
    record(
        C,
        "imported_en",
        &s,
        &["--lang", "en", "import", "hs", "--danh-sach", "ds.xlsx"],
    );
}

#[test]
fn rows_that_cannot_be_read() {
    let s = Scratch::example01();
    let csv = "DANH SÁCH\n\nSTT;Họ và tên;Đơn vị;Đối tượng;Ngày sinh;Giới tính\n\
               1;Lê Văn Bình;Thôn Đông;Tình nguyện viên;31/02/1980;Nam\n\
               2;Trần Thị Cúc;Thôn Đông;Phi công vũ trụ;01/01/1980;Nữ\n\
               3;Đỗ Văn Đức;Thôn Đông;Người dân;01/01/1980;khác\n";
    fs::write(s.dir.path().join("ds.csv"), csv).unwrap();
    record(
        C,
        "bad_rows",
        &s,
        &["import", "hs", "--danh-sach", "ds.csv"],
    );
    record(
        C,
        "bad_rows_en",
        &s,
        &["--lang", "en", "import", "hs", "--danh-sach", "ds.csv"],
    );
    fs::write(s.dir.path().join("no-header.csv"), "a,b\n1,2\n").unwrap();
    record(
        C,
        "no_header_row",
        &s,
        &["import", "hs", "--danh-sach", "no-header.csv"],
    );
}

#[test]
fn refusals() {
    let s = example();
    record(
        C,
        "missing_list",
        &s,
        &["import", "hs", "--danh-sach", "khong-co.xlsx"],
    );
    record(
        C,
        "missing_list_en",
        &s,
        &[
            "--lang",
            "en",
            "import",
            "hs",
            "--danh-sach",
            "khong-co.xlsx",
        ],
    );
    record(
        C,
        "missing_dossier",
        &s,
        &["import", "khong-co", "--danh-sach", "ds.xlsx"],
    );
    record(
        C,
        "a_pdf_as_the_list",
        &s,
        &["import", "hs", "--danh-sach", "hs/dinh-kem/to-trinh.pdf"],
    );
    fs::write(s.dir.path().join("ds.docx"), b"PK\x03\x04").unwrap();
    record(
        C,
        "a_docx_as_the_list",
        &s,
        &["import", "hs", "--danh-sach", "ds.docx"],
    );
    fs::write(s.dir.path().join("gia.xlsx"), b"not a zip").unwrap();
    record(
        C,
        "a_broken_xlsx",
        &s,
        &["import", "hs", "--danh-sach", "gia.xlsx"],
    );
    fs::copy(s.dir.path().join("ds.xlsx"), s.hs().join("ds.xlsx")).unwrap();
    record(
        C,
        "list_inside_the_dossier",
        &s,
        &["import", "hs", "--danh-sach", "hs/ds.xlsx"],
    );
    record(C, "no_list_option", &s, &["import", "hs"]);
    record(
        C,
        "unknown_sheet",
        &s,
        &[
            "import",
            "hs",
            "--danh-sach",
            "ds.xlsx",
            "--sheet",
            "Khong co",
        ],
    );
}

#[test]
fn a_list_or_dossier_that_cannot_be_read() {
    let s = example();
    record(
        C,
        "list_is_a_folder",
        &s,
        &["import", "hs", "--danh-sach", "hs"],
    );
    let mut bytes = s.read("to-trinh.yaml").into_bytes();
    bytes.extend_from_slice(b"x_ghi_chu: \"Nguy\xC3n\"\n");
    s.write("to-trinh.yaml", bytes);
    record(
        C,
        "proposal_not_utf8",
        &s,
        &["import", "hs", "--danh-sach", "ds.xlsx"],
    );
}
