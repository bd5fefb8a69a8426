//! Hostile ods, xls and CSV lists (issue #17, item 6): a count, a repeat or a declared size
//! that claims far more than the file holds costs what the file holds. Each is refused
//! through the real binary with exit 2 and the cell named, the dossier left byte-identical,
//! within a generous guard against work by the claim (30 s, not a speed target; the figures
//! of a release build are in `bench/bench_hostile_ods.py`).
//!
//! The small files are in `tests/fixtures/lists/hostile/` with `gen.py`, which made them
//! (zipfile as LibreOffice writes an ods, odfpy, xlwt); the CSV files are tens of megabytes
//! of nothing and are made here.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::util::{repo, tree_bytes, Scratch};

/// Import `list` into a copy of example 01 in `lang`: exit code and what was said on
/// standard error and output; refused, the dossier must be byte-identical afterwards.
fn import(list: &Path, lang: &str) -> (i32, String) {
    let s = Scratch::example01();
    let before = tree_bytes(&s.hs());
    let start = Instant::now();
    let o = s.run(&[
        "--lang",
        lang,
        "import",
        "hs",
        "--danh-sach",
        list.to_str().unwrap(),
    ]);
    let took = start.elapsed();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stderr),
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(took < Duration::from_secs(30), "{list:?} took {took:?}");
    let code = o.status.code().unwrap_or(-1);
    if code != 0 {
        assert!(
            tree_bytes(&s.hs()) == before,
            "{list:?} was refused ({code}) and changed the dossier"
        );
    }
    (code, said)
}

fn fixture(name: &str) -> std::path::PathBuf {
    repo().join("tests/fixtures/lists/hostile").join(name)
}

/// Refused with exit 2, the words and the cell said.
fn refused(name: &str, words: &str, place: &str) {
    let (code, said) = import(&fixture(name), "vi");
    assert_eq!(code, 2, "{name}: {said}");
    assert!(
        said.contains(words) && said.contains(place),
        "{name}: {said}"
    );
}

const TOO_LONG: &str = "có hơn 4096 ký tự";

#[test]
fn ods_spaces_tabs_breaks_and_paragraphs_stop_at_the_cell_limit() {
    // The field's file: 877 bytes took 13 s and 2.9 GB, then imported.
    for name in [
        "ods-text-s-1e9.ods",
        "ods-text-s-u64.ods",
        "odfpy-text-s-1e9.ods",
        "ods-tabs.ods",
        "ods-line-breaks.ods",
        "ods-paragraphs.ods",
        "ods-string-value.ods",
    ] {
        refused(name, TOO_LONG, "Danh sách!B2");
    }
    // LibreOffice itself writes a run of spaces typed in a cell as text:c.
    refused("lo-spaces.ods", TOO_LONG, "lo-spaces!B2");
    let (code, said) = import(&fixture("ods-text-s-1e9.ods"), "en");
    assert_eq!(code, 2, "{said}");
    assert!(
        said.contains("cell Danh sách!B2 holds more than 4096 characters"),
        "{said}"
    );
}

#[test]
fn ods_repeated_rows_and_columns_stop_at_the_first_cell_past_the_limit() {
    for name in ["ods-rows-repeated.ods", "ods-rows-repeated-u64.ods"] {
        refused(name, "dưới hàng 20001", "Danh sách!A20002");
    }
    // A text repeated over every column of every row: a million cells end it first.
    refused("ods-cols-repeated.ods", "ô có chữ", "Danh sách!");
    // One long text over 1.6 million cells: refused by the text it would copy.
    refused(
        "ods-long-text-repeated.ods",
        "byte chữ trong các ô",
        "content.xml",
    );
}

#[test]
fn ods_empty_repeats_and_spans_past_the_grid_cost_nothing() {
    // Empty rows and columns repeated four billion times, then a nominee: beyond the grid.
    refused(
        "ods-empty-repeats.ods",
        "ngoài 1.048.576 dòng × 16.384 cột",
        "Danh sách!A",
    );
    // A merge over the whole sheet and covered cells past the grid: the list is read.
    let (code, said) = import(&fixture("ods-spans.ods"), "vi");
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("1 người/tập thể"), "{said}");
}

#[test]
fn xls_rows_names_and_merges_past_any_list() {
    refused("xls-row-65536.xls", "dưới hàng 20001", "Danh sách!A65536");
    refused("xls-long-name.xls", TOO_LONG, "Danh sách!B3");
    // A merge over the whole sheet: read in the time of the cells.
    let (code, said) = import(&fixture("xls-merge-all.xls"), "vi");
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("1 người/tập thể"), "{said}");
    // Every column hidden: no header is seen.
    let (code, said) = import(&fixture("xls-cols-hidden.xls"), "vi");
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("không tìm thấy dòng tiêu đề"), "{said}");
}

/// A CSV list: a header and a nominee, then `tail`.
fn csv(dir: &Path, name: &str, tail: &[u8]) -> std::path::PathBuf {
    let mut b =
        "STT,Họ và tên,Đơn vị,Đối tượng\r\n1,Phạm Văn Tùng,Thôn Đông,Lực lượng tuyến đầu\r\n"
            .as_bytes()
            .to_vec();
    b.extend_from_slice(tail);
    let p = dir.join(name);
    std::fs::write(&p, b).unwrap();
    p
}

#[test]
fn csv_line_breaks_commas_and_long_quotes_cost_what_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    // 66 MB of line breaks under the 64 MiB limit passed 4 GB: nothing is kept of them.
    let p = csv(dir.path(), "newlines.csv", &vec![b'\n'; 66_000_000]);
    let (code, said) = import(&p, "vi");
    assert!(code == 0 || code == 1, "{said}");
    // Then a nominee below the last row a list may use: refused at its cell.
    let mut tail = vec![b'\n'; 100_000];
    tail.extend_from_slice("2,Lê Văn Bình,Thôn Đông,Lực lượng tuyến đầu\n".as_bytes());
    let p = csv(dir.path(), "far.csv", &tail);
    let (code, said) = import(&p, "vi");
    assert_eq!(code, 2, "{said}");
    assert!(said.contains("far.csv!A100003"), "{said}");
    // A quoted field over millions of lines, closed at last.
    let mut tail = b"2,\"".to_vec();
    tail.extend(vec![b'\n'; 10_000_000]);
    tail.extend_from_slice(b"\",x,y\n");
    let p = csv(dir.path(), "quoted.csv", &tail);
    let (code, said) = import(&p, "vi");
    assert_eq!(code, 2, "{said}");
    assert!(
        said.contains(TOO_LONG) && said.contains("quoted.csv!B3"),
        "{said}"
    );
    // A quote never closed.
    let mut tail = b"2,\"Le".to_vec();
    tail.extend(vec![b'\n'; 1_000_000]);
    let p = csv(dir.path(), "open.csv", &tail);
    let (code, said) = import(&p, "vi");
    assert_eq!(code, 2, "{said}");
    assert!(
        said.contains("không được đóng") && said.contains("open.csv!B3"),
        "{said}"
    );
    // 60 MB of commas.
    let p = csv(dir.path(), "commas.csv", &vec![b','; 60_000_000]);
    let (code, said) = import(&p, "vi");
    assert!(code == 0 || code == 1 || code == 2, "{said}");
}

#[test]
fn a_name_longer_than_any_is_refused_with_its_cell_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    // A 1 MB name was written into to-trinh.yaml: refused by the reader.
    let big = format!(
        "2,{},Thôn Đông,Lực lượng tuyến đầu\n",
        "Lê Văn Bình ".repeat(90_000)
    );
    let p = csv(dir.path(), "big-name.csv", big.as_bytes());
    let (code, said) = import(&p, "vi");
    assert_eq!(code, 2, "{said}");
    assert!(
        said.contains(TOO_LONG) && said.contains("big-name.csv!B3"),
        "{said}"
    );
    // 300 characters: no name is that long; the cell is named, nothing written.
    let long = format!(
        "2,{},Thôn Đông,Lực lượng tuyến đầu\n",
        "Lê Văn Bình ".repeat(25)
    );
    let p = csv(dir.path(), "long-name.csv", long.as_bytes());
    let (code, said) = import(&p, "vi");
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains("long-name.csv!B3") && said.contains("hơn 200 ký tự"),
        "{said}"
    );
    let (_, said) = import(&p, "en");
    assert!(said.contains("more than the 200"), "{said}");
    // A unit of 1,100 characters.
    let unit = format!(
        "2,Lê Văn Bình,{},Lực lượng tuyến đầu\n",
        "Thôn Đông ".repeat(110)
    );
    let p = csv(dir.path(), "long-unit.csv", unit.as_bytes());
    let (code, said) = import(&p, "vi");
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains("long-unit.csv!C3") && said.contains("hơn 1000 ký tự"),
        "{said}"
    );
}
