//! `dossier fix` never loses a letter and converts the legacy text a clerk's machine makes
//! (#16): the handed cases of `field/turn3/clerk` (kept in `tests/fixtures/clerk-turn3/`, named
//! by case), each run as the clerk ran it, with what the files then hold.

use std::fs;
use std::path::Path;

use crate::util::{copy_tree, dossier, repo};

/// The handed dossiers were dated early December 2026.
const TODAY: &str = "2026-12-07";

/// A scratch copy of a handed dossier as `hs/`.
fn case(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &repo().join("tests/fixtures/clerk-turn3").join(name),
        &dir.path().join("hs"),
    );
    dir
}

fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let o = dossier(dir, args);
    let mut s = String::from_utf8_lossy(&o.stdout).into_owned();
    s.push_str(&String::from_utf8_lossy(&o.stderr));
    (o.status.code().unwrap_or(-1), s)
}

fn read(dir: &Path, rel: &str) -> String {
    fs::read_to_string(dir.join("hs").join(rel)).unwrap()
}

/// `check` after `fix`: exit code 0, no finding but HS023 (the dossiers are dated after
/// 2026-10-01, when a law the rule set has not read took effect, #19).
fn clean_after_fix(dir: &Path) {
    let (code, out) = run(dir, &["check", "--today", TODAY, "hs"]);
    assert!(out.contains("tổng cộng 0 lỗi, 1 cảnh báo"), "{out}");
    assert!(out.contains("Theo quy tắc: HS023 1"), "{out}");
    assert_eq!(code, 0, "{out}");
}

#[test]
fn tcvn3_u_is_a_letter_not_a_soft_hyphen() {
    // C06: "Hé «ng Ph¹m V¨n T<U+00AD>" is Hộ ông Phạm Văn Tư; tr<U+00AD>ëng is trưởng.
    let d = case("C06");
    let (_, check) = run(d.path(), &["check", "--today", TODAY, "hs"]);
    assert!(
        check.contains("có lẽ là: \"Hộ ông Phạm Văn Tư\""),
        "{check}"
    );
    assert!(
        check.contains("có lẽ là: \"Phó Chỉ huy trưởng Ban Chỉ huy quân sự xã\""),
        "{check}"
    );
    // The soft hyphen inside a TCVN3 word is its ư, not an invisible character.
    assert!(!check.contains("VB004"), "{check}");
    let (code, fix) = run(d.path(), &["fix", "hs"]);
    assert_eq!(code, 0, "{fix}");
    assert!(!fix.contains("U+00AD"), "{fix}");
    let tt = read(d.path(), "to-trinh.yaml");
    assert!(tt.contains("    ten: \"Hộ ông Phạm Văn Tư\"\n"), "{tt}");
    assert!(tt.contains("    chuc_vu: \"Phó Chỉ huy trưởng Ban Chỉ huy quân sự xã\"\n"));
    let r = read(d.path(), "bao-cao/ho-ong-pham-van-tu.yaml");
    assert!(r.contains("ten: \"Hộ ông Phạm Văn Tư\"\n"));
    clean_after_fix(d.path());
}

#[test]
fn a_tcvn3_block_is_decoded_in_place() {
    // C07: hanh_dong, a `|` block pasted from a .VnTime document.
    let d = case("C07");
    let (code, fix) = run(d.path(), &["fix", "hs"]);
    assert_eq!(code, 0, "{fix}");
    assert!(
        fix.contains("bao-cao/dinh-van-quy.yaml: dòng 46, trường \"hanh_dong\": chuyển chữ gõ bằng bảng mã TCVN3 (ABC) sang Unicode"),
        "{fix}"
    );
    let r = read(d.path(), "bao-cao/dinh-van-quy.yaml");
    assert!(r.contains("hanh_dong: |\n  Sáng ngày 25/11/2026, ông dùng thuyền nhỏ của gia đình để cứu 3 học sinh và 1 giáo viên bị mắc kẹt.\n"), "{r}");
    clean_after_fix(d.path());
}

#[test]
fn a_windows_1258_file_is_converted_like_utf16() {
    // C10: Notepad's "ANSI" on Vietnamese Windows: Windows-1258, tones as combining marks, CRLF.
    let d = case("C10");
    let before = fs::read(d.path().join("hs/bao-cao/dinh-van-quy.yaml")).unwrap();
    assert!(std::str::from_utf8(&before).is_err());
    // check's advice names the command that converts it (it said only "save as UTF-8").
    let (_, check) = run(d.path(), &["check", "--today", "2026-12-07", "hs"]);
    assert!(check.contains("HS011"), "{check}");
    assert!(
        check.contains("chạy lệnh dossier fix (đổi tệp Notepad lưu dạng \"ANSI\""),
        "{check}"
    );
    let (code, fix) = run(d.path(), &["fix", "hs"]);
    assert_eq!(code, 0, "{fix}");
    assert!(
        fix.contains(
            "bao-cao/dinh-van-quy.yaml: lưu lại tệp bằng mã UTF-8 (tệp đang ở bảng mã Windows-1258"
        ),
        "{fix}"
    );
    let r = read(d.path(), "bao-cao/dinh-van-quy.yaml");
    assert!(r.contains("ten: \"Đinh Văn Quý\"\r\n"), "{r}");
    assert!(
        r.contains("don_vi: \"Thôn Làng Ren, xã Minh Long\"\r\n"),
        "{r}"
    );
    clean_after_fix(d.path());
    // In English too.
    let d = case("C10");
    let (_, fix) = run(d.path(), &["--lang", "en", "fix", "hs", "--dry-run"]);
    assert!(fix.contains("the file, saved in Windows-1258 (Notepad's \"ANSI\" on Vietnamese Windows), written as UTF-8"), "{fix}");
}

#[test]
fn bytes_that_are_not_vietnamese_in_windows_1258_stay_refused() {
    let d = case("C10");
    // TCVN3 bytes: "Nguyễn Văn An" in .VnTime.
    let p = d.path().join("hs/bao-cao/dinh-van-quy.yaml");
    let mut bytes = fs::read(&p).unwrap();
    bytes.extend_from_slice(b"# Nguy\xd4n V\xa8n An \xb8 \xb5 \xb9\r\n");
    fs::write(&p, &bytes).unwrap();
    let (code, fix) = run(d.path(), &["fix", "hs"]);
    assert!(fix.contains("bỏ qua bao-cao/dinh-van-quy.yaml"), "{fix}");
    assert_eq!(code, 1, "{fix}");
    assert_eq!(fs::read(&p).unwrap(), bytes);
}

#[test]
fn a_surname_typed_in_unicode_stays_before_pasted_tcvn3() {
    // C11: "Lê ThÞ Hång Nhung": Lê in Unicode, the rest in TCVN3 (whose ê would be ờ).
    let d = case("C11");
    let (_, check) = run(d.path(), &["check", "--today", TODAY, "hs"]);
    assert!(check.contains("có lẽ là: \"Lê Thị Hồng Nhung\""), "{check}");
    let (_, fix) = run(d.path(), &["fix", "hs"]);
    // Kept, and said: only the clerk knows whether "Lê" was typed in TCVN3 too.
    assert!(
        fix.contains("chuyển chữ gõ bằng bảng mã TCVN3 (ABC) sang Unicode, giữ nguyên \"Lê\" (không phải \"Lờ\") vì đã đúng chữ Unicode"),
        "{fix}"
    );
    assert!(read(d.path(), "to-trinh.yaml").contains("  ho_ten: \"Lê Thị Hồng Nhung\"\n"));
    clean_after_fix(d.path());
}

#[test]
fn fix_writes_sex_and_number_as_check_advises() {
    // C23: gioi_tinh: Nam, so_ky_hieu: "Số: 121/TTr-UBND".
    let d = case("C23");
    let (code, fix) = run(d.path(), &["fix", "hs"]);
    assert_eq!(code, 0, "{fix}");
    assert!(fix.contains("to-trinh.yaml: dòng 11, trường \"so_ky_hieu\": bỏ chữ \"Số\" ở đầu số, ký hiệu: 121/TTr-UBND"), "{fix}");
    assert!(
        fix.contains(
            "bao-cao/dinh-van-quy.yaml: dòng 26, trường \"gioi_tinh\": ghi \"Nam\" thành \"nam\""
        ),
        "{fix}"
    );
    assert!(read(d.path(), "to-trinh.yaml").contains("\nso_ky_hieu: \"121/TTr-UBND\"\n"));
    assert!(read(d.path(), "bao-cao/dinh-van-quy.yaml").contains("\ngioi_tinh: nam\n"));
    let (_, check) = run(d.path(), &["check", "--today", TODAY, "hs"]);
    assert!(
        !check.contains("HS006") && !check.contains("SK001"),
        "{check}"
    );
    let d = case("C23");
    let (_, en) = run(d.path(), &["--lang", "en", "fix", "hs", "--dry-run"]);
    assert!(
        en.contains("the leading \"Số\" removed from the number and symbol: 121/TTr-UBND"),
        "{en}"
    );
    assert!(
        en.contains("\"Nam\" written \"nam\", the value the format takes"),
        "{en}"
    );
}

#[test]
fn an_eth_for_d_is_named_and_fixed() {
    // Windows-1258's Đ read as Latin-1 is Ð (U+00D0) in one copy of a name.
    let d = case("C23");
    let p = d.path().join("hs/bao-cao/dinh-van-quy.yaml");
    let t = fs::read_to_string(&p).unwrap();
    assert!(t.contains("ten: \"Đinh Văn Quý\""));
    fs::write(
        &p,
        t.replacen("ten: \"Đinh Văn Quý\"", "ten: \"\u{d0}inh Văn Quý\"", 1),
    )
    .unwrap();
    let (_, check) = run(d.path(), &["check", "--today", TODAY, "hs"]);
    assert!(check.contains("VB005"), "{check}");
    assert!(check.contains("U+00D0"), "{check}");
    assert!(!check.contains("DS006"), "{check}");
    run(d.path(), &["fix", "hs"]);
    assert!(fs::read_to_string(&p)
        .unwrap()
        .contains("ten: \"Đinh Văn Quý\""));
}

#[test]
fn a_windows_1258_csv_is_read() {
    // lists/11-csv-vn-windows: Excel's "CSV" on Vietnamese Windows.
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &["init", "hs"]);
    let csv = repo().join("tests/fixtures/clerk-turn3/ds-ansi-1258.csv");
    let (_, out) = run(
        dir.path(),
        &[
            "import",
            "hs",
            "--danh-sach",
            csv.to_str().unwrap(),
            "--dry-run",
        ],
    );
    assert!(out.contains("B \"Họ và tên\""), "{out}");
    assert!(out.contains("\"Tình nguyện viên\""), "{out}");
    // Read, and said: the clerk learns how the file was taken (#16: every change is said).
    assert!(
        out.contains(
            "ds-ansi-1258.csv: ghi chú: tệp không phải Unicode: đã đọc theo bảng mã Windows-1258"
        ),
        "{out}"
    );
}
