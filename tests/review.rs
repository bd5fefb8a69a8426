//! `dossier review`: a receiving office's folder of several senders' bundles and dossiers
//! (two proposing the same nominees, one tampered, one with a defect), the statuses, the
//! duplicate lines, the summary sheet read back, and the refusals that write nothing.

use std::fs;
use std::path::{Path, PathBuf};

use dossier::import::table;

use crate::util::{cell_text as text, copy_tree, dossier, repo, tree_bytes, TODAY};

/// `in/`: example 02 packed and again as a folder (the same three nominees twice), example 03
/// packed and then tampered with, and the BB003 fixture of `examples/invalid` (one error).
fn received(root: &Path) -> PathBuf {
    let inbox = root.join("in");
    fs::create_dir_all(&inbox).unwrap();
    for ex in [
        "02-giay-khen-dot-xuat-ninh-hai",
        "03-bang-khen-tinh-huyen-hoa-lu",
    ] {
        let src = repo().join("examples").join(ex);
        let o = dossier(
            root,
            &[
                "pack",
                src.to_str().unwrap(),
                "-o",
                inbox.to_str().unwrap(),
                "--today",
                TODAY,
            ],
        );
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    copy_tree(
        &repo().join("examples/02-giay-khen-dot-xuat-ninh-hai"),
        &inbox.join("ninh-hai-ban-giay"),
    );
    copy_tree(
        &repo().join("examples/invalid/BB003-quorum-not-met"),
        &inbox.join("ninh-giang"),
    );
    // One byte of the Hoa Lư bundle's proposal changed after packing.
    let bundle = inbox.join("21-TTr-UBND_huyen-hoa-lu.zip");
    let mut bytes = fs::read(&bundle).unwrap();
    let name = b"to-trinh.yaml";
    let at = bytes.windows(name.len()).position(|w| w == name).unwrap();
    bytes[at + name.len() + 20] ^= 0x20;
    fs::write(&bundle, bytes).unwrap();
    inbox
}

fn review(root: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["review"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--today", TODAY]);
    dossier(root, &all)
}

#[test]
fn a_folder_of_senders_is_reviewed_with_statuses_duplicates_and_a_summary_sheet() {
    let tmp = tempfile::tempdir().unwrap();
    let inbox = received(tmp.path());
    let out = tmp.path().join("ket-qua");
    let o = review(
        tmp.path(),
        &[inbox.to_str().unwrap(), "-o", out.to_str().unwrap()],
    );
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    // In name order, one line each, the status first.
    assert!(
        lines[0].starts_with("TRẢ LẠI    ") && lines[0].contains("21-TTr-UBND_huyen-hoa-lu.zip"),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("CHẤP NHẬN  ") && lines[1].contains("98-TTr-UBND_xa-ninh-hai.zip"),
        "{stdout}"
    );
    assert!(
        lines[1].contains("(Ủy ban nhân dân xã Ninh Hải, 98/TTr-UBND): 3 đề nghị"),
        "{stdout}"
    );
    assert!(
        lines[2].starts_with("TRẢ LẠI    ")
            && lines[2].ends_with(
                "ninh-giang (Ủy ban nhân dân xã Ninh Giang, 45/TTr-UBND): hồ sơ còn 1 lỗi phải sửa"
            ),
        "{stdout}"
    );
    assert!(
        lines[3].starts_with("CHẤP NHẬN  ") && lines[3].contains("ninh-hai-ban-giay"),
        "{stdout}"
    );
    // The three nominees of Ninh Hải, proposed twice.
    let dups: Vec<&&str> = lines.iter().filter(|l| l.starts_with("TRÙNG: ")).collect();
    assert_eq!(dups.len(), 3, "{stdout}");
    assert!(
        dups.iter()
            .all(|l| l.contains("98-TTr-UBND_xa-ninh-hai.zip") && l.contains("ninh-hai-ban-giay")),
        "{stdout}"
    );
    assert!(
        stdout.contains("Đã xem 4 hồ sơ: 2 chấp nhận, 2 trả lại; 3 trường hợp trùng."),
        "{stdout}"
    );

    // The sheet: one row per nominee (a bundle that cannot be read still has its row).
    let sheets = table::read(&out.join("tong-hop.xlsx")).unwrap().sheets;
    assert_eq!(sheets[0].name, "Tổng hợp");
    let rows: Vec<Vec<String>> = sheets[0]
        .grid(100, 13)
        .iter()
        .map(|r| r.iter().map(text).collect())
        .collect();
    let header = rows.iter().position(|r| r[0] == "STT").unwrap();
    assert_eq!(rows[header][11], "Trạng thái");
    let data: Vec<&Vec<String>> = rows[header + 1..]
        .iter()
        .filter(|r| !r[0].is_empty())
        .collect();
    let ninh_hai: Vec<_> = data
        .iter()
        .filter(|r| r[1].ends_with("98-TTr-UBND_xa-ninh-hai.zip"))
        .collect();
    assert_eq!(ninh_hai.len(), 3);
    for r in &ninh_hai {
        assert_eq!(r[11], "Chấp nhận");
        assert_eq!(r[3], "98/TTr-UBND");
        // The form by its name in the rule set, not its id.
        assert_eq!(r[9], "Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư");
        assert!(
            r[12].starts_with("trùng với đề nghị của Ủy ban nhân dân xã Ninh Hải, ")
                && r[12].contains("/in/ninh-hai-ban-giay ("),
            "{r:?}"
        );
    }
    let hoa_lu: Vec<_> = data
        .iter()
        .filter(|r| r[1].ends_with("21-TTr-UBND_huyen-hoa-lu.zip"))
        .collect();
    assert!(!hoa_lu.is_empty());
    assert!(
        hoa_lu
            .iter()
            .all(|r| r[11] == "Trả lại" && !r[12].is_empty()),
        "{hoa_lu:?}"
    );
    let giang: Vec<_> = data
        .iter()
        .filter(|r| r[1].ends_with("ninh-giang"))
        .collect();
    assert!(
        giang
            .iter()
            .all(|r| r[11] == "Trả lại" && r[12] == "hồ sơ còn 1 lỗi phải sửa"),
        "{giang:?}"
    );
    assert_eq!(data.len(), ninh_hai.len() * 2 + hoa_lu.len() + giang.len());

    // The page: sound, the verdict first, a row per dossier, the duplicates, the findings.
    let page = fs::read_to_string(out.join("bao-cao-tham-dinh.html")).unwrap();
    if let Some(h1) = crate::html_report::sound(&page, "vi") {
        assert_eq!(h1, "Đã xem 4 hồ sơ: 2 chấp nhận, 2 trả lại.");
    }
    assert_eq!(page.matches("<tr class=").count(), 4, "{page}");
    assert!(page.contains("<h2>Trùng lặp giữa các hồ sơ</h2>"), "{page}");
    assert_eq!(
        page.matches("<li><strong>Cùng một đối tượng:</strong>")
            .count(),
        3
    );
    assert!(
        page.contains("<code class=\"rule\" title=\"quorum-not-met\">BB003</code>")
            || page.contains(">BB003</code>"),
        "{page}"
    );
    assert!(
        stdout.contains("Đã ghi báo cáo thẩm định (mở bằng trình duyệt, in được): "),
        "{stdout}"
    );

    // Again without --force: refused, the sheet untouched; with it, the same bytes.
    let before = fs::read(out.join("tong-hop.xlsx")).unwrap();
    let o = review(
        tmp.path(),
        &[inbox.to_str().unwrap(), "-o", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("dùng --force để ghi đè"));
    assert_eq!(fs::read(out.join("tong-hop.xlsx")).unwrap(), before);
    let o = review(
        tmp.path(),
        &[
            inbox.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--force",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        fs::read(out.join("tong-hop.xlsx")).unwrap(),
        before,
        "deterministic"
    );
}

#[test]
fn all_accepted_is_exit_0_and_said_in_english_too() {
    let tmp = tempfile::tempdir().unwrap();
    let ex = repo().join("examples/01-giay-khen-chuyen-de-truong-yen");
    let out = tmp.path().join("out");
    let o = dossier(
        tmp.path(),
        &[
            "review",
            ex.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--today",
            TODAY,
            "--lang",
            "en",
        ],
    );
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout.starts_with("ACCEPTED  "), "{stdout}");
    assert!(stdout.contains("Reviewed 1 dossier: accepted."), "{stdout}");
    assert!(stdout.contains("Summary sheet written: "), "{stdout}");
    assert_eq!(
        table::read(&out.join("tong-hop.xlsx")).unwrap().sheets[0].name,
        "Summary"
    );
}

#[test]
fn what_cannot_be_reviewed_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let r = tmp.path();
    fs::write(r.join("ghi-chu.txt"), "x").unwrap();
    let ex = r.join("hs");
    copy_tree(
        &repo().join("examples/01-giay-khen-chuyen-de-truong-yen"),
        &ex,
    );
    let before = tree_bytes(r);
    for (args, says) in [
        (
            vec!["ghi-chu.txt", "-o", "out"],
            "không phải gói hồ sơ (.zip)",
        ),
        (vec!["khong-co", "-o", "out"], "không có \"khong-co\""),
        (
            vec!["hs", "-o", "hs/ket-qua"],
            "không ghi kết quả vào trong thư mục hồ sơ",
        ),
        (
            vec!["hs", "-o", "ghi-chu.txt"],
            "là một tệp, không phải thư mục",
        ),
    ] {
        let mut all = vec!["review"];
        all.extend_from_slice(&args);
        let o = dossier(r, &all);
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
        assert!(e.contains(says), "{args:?}: {e}");
        assert_eq!(tree_bytes(r), before, "{args:?}");
    }
    let empty = r.join("trong");
    fs::create_dir(&empty).unwrap();
    let o = dossier(r, &["review", "trong", "-o", "out"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("không có gói hồ sơ (.zip) hay thư mục hồ sơ")
    );
    assert!(!r.join("out").exists());
}

/// A register of awards as an office keeps it, made with openpyxl (the library such sheets come
/// from), with `rows` after a title and the header; None where python3 or openpyxl is missing
/// outside CI.
fn register(dir: &Path, rows: &str) -> Option<PathBuf> {
    let path = dir.join("so-khen.xlsx");
    let script = format!(
        r#"
import datetime, openpyxl, sys
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Sổ khen thưởng"
ws.append(["SỔ KHEN THƯỞNG"]); ws.append([])
ws.append(["STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Hình thức", "Phong trào", "Số quyết định", "Ngày quyết định"])
D = datetime.datetime
for r in [{rows}]:
    ws.append(list(r))
wb.save(sys.argv[1])
"#
    );
    let ok = std::process::Command::new("python3")
        .args(["-c", &script, path.to_str().unwrap()])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(!crate::util::ci(), "python3 with openpyxl is needed in CI");
        return None;
    }
    Some(path)
}

#[test]
fn the_register_flags_a_nominee_already_given_the_same_form_for_the_same_campaign() {
    let tmp = tempfile::tempdir().unwrap();
    let ex = repo().join("examples/02-giay-khen-dot-xuat-ninh-hai");
    // Đỗ Thị Lan, born 1979-02-14: the same form and campaign (by id) → flagged; Hoàng Minh
    // Tuấn: the same person, another campaign → not; the health station by its name alone
    // (a collective the register names without a unit) → flagged.
    let Some(reg) = register(
        tmp.path(),
        r#"(1, "Đỗ  Thị Lan", D(1979, 2, 14), "", "giay_khen_chu_tich_huyen", "covid19-hoa-lu-2021", "15/QĐ-UBND", D(2021, 12, 20)),
           (2, "Hoàng Minh Tuấn", 1991, "", "giay_khen_chu_tich_huyen", "Thi đua năm 2020", "9/QĐ-UBND", "01/02/2020"),
           (3, "Trạm Y tế xã Ninh Hải", None, None, "giay_khen_chu_tich_huyen", "covid19-hoa-lu-2021", "15/QĐ-UBND", D(2021, 12, 20))"#,
    ) else {
        return;
    };
    let out = tmp.path().join("kq");
    let o = review(
        tmp.path(),
        &[
            ex.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--register",
            reg.to_str().unwrap(),
        ],
    );
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let flagged: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("ĐÃ KHEN: "))
        .collect();
    assert_eq!(flagged.len(), 2, "{stdout}");
    assert!(flagged.iter().any(|l| l.starts_with("ĐÃ KHEN: Đỗ Thị Lan (")
        && l.ends_with("Quyết định số 15/QĐ-UBND ngày 20/12/2021 (sổ khen thưởng, trang \"Sổ khen thưởng\", dòng 4)")), "{stdout}");
    assert!(
        flagged
            .iter()
            .any(|l| l.starts_with("ĐÃ KHEN: Trạm Y tế xã Ninh Hải (")),
        "{stdout}"
    );
    assert!(!stdout.contains("ĐÃ KHEN: Hoàng Minh Tuấn"), "{stdout}");
    assert!(
        stdout.contains("2 đối tượng đã được khen cùng hình thức trong cùng phong trào"),
        "{stdout}"
    );
    // The sheet says it on the nominee's row.
    let sheets = table::read(&out.join("tong-hop.xlsx")).unwrap().sheets;
    let rows: Vec<Vec<String>> = sheets[0]
        .grid(20, 13)
        .iter()
        .map(|r| r.iter().map(text).collect())
        .collect();
    let lan = rows.iter().find(|r| r[5] == "Đỗ Thị Lan").unwrap();
    assert!(
        lan[12].contains("Quyết định số 15/QĐ-UBND ngày 20/12/2021"),
        "{lan:?}"
    );
    // With nobody in it, the review says so, and exit 0.
    let Some(none) = register(
        tmp.path(),
        r#"(1, "Người Khác", 1970, "", "Giấy khen", "x", "1", "")"#,
    ) else {
        return;
    };
    let o = review(
        tmp.path(),
        &[
            ex.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--force",
            "--register",
            none.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Không ai trong sổ khen thưởng"));
}

#[test]
fn a_register_that_cannot_be_read_exactly_stops_the_review_with_its_cell() {
    let tmp = tempfile::tempdir().unwrap();
    let ex = repo().join("examples/02-giay-khen-dot-xuat-ninh-hai");
    for (rows, says) in [
        // A birth year in two figures: which century is not the tool's guess to make.
        (r#"(1, "Đỗ Thị Lan", 79, "", "Giấy khen", "x", "1", "")"#, "trang \"Sổ khen thưởng\", ô C4: số 79 trong cột ngày sinh không phải ngày hay năm sinh"),
        // A formula openpyxl saves without its value: nothing to read.
        (r#"(1, "=1/0", 1979, "", "Giấy khen", "x", "1", "")"#, "ô B4: ô có lỗi hoặc công thức chưa tính"),
    ] {
        let Some(reg) = register(tmp.path(), rows) else { return };
        let before = crate::util::tree_bytes(tmp.path());
        let o = review(
            tmp.path(),
            &[ex.to_str().unwrap(), "-o", tmp.path().join("kq").to_str().unwrap(), "--register", reg.to_str().unwrap()],
        );
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{e}");
        assert!(e.contains(says) && e.contains("chưa xem xét hồ sơ nào"), "{e}");
        assert_eq!(crate::util::tree_bytes(tmp.path()), before, "nothing written");
    }
    // A sheet with no name and form columns is not a register.
    fs::write(
        tmp.path().join("khac.csv"),
        "STT,Tên hàng,Số lượng\n1,Giấy,2\n",
    )
    .unwrap();
    let o = review(
        tmp.path(),
        &[
            ex.to_str().unwrap(),
            "-o",
            tmp.path().join("kq").to_str().unwrap(),
            "--register",
            "khac.csv",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("không tìm thấy dòng tiêu đề có cột \"Họ và tên\""));
}

#[test]
fn a_hostile_sender_is_shown_on_the_page_not_run() {
    let tmp = tempfile::tempdir().unwrap();
    let hs = tmp.path().join("nhan/hs");
    copy_tree(&repo().join("examples/02-giay-khen-dot-xuat-ninh-hai"), &hs);
    crate::util::edit_file(
        &hs.join("to-trinh.yaml"),
        "co_quan: \"Ủy ban nhân dân xã Ninh Hải\"",
        "co_quan: \"<script>alert(1)</script>\\u202E\\\" onmouseover=x\"",
    );
    let out = tmp.path().join("kq");
    let o = review(tmp.path(), &["nhan", "-o", out.to_str().unwrap()]);
    assert!(
        o.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let page = fs::read_to_string(out.join("bao-cao-tham-dinh.html")).unwrap();
    crate::html_report::sound(&page, "vi");
    // The reader drops the override from the value (and VB004 says so); the rest is text.
    assert!(
        page.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=x</td>"),
        "{page}"
    );
    assert!(!page.contains('\u{202E}'), "{page}");
}

#[test]
fn the_register_matches_a_year_with_a_whole_date_reads_either_birth_column_and_needs_the_campaign()
{
    let tmp = tempfile::tempdir().unwrap();
    let ex = repo().join("examples/02-giay-khen-dot-xuat-ninh-hai");
    let out = tmp.path().join("kq");
    let run = |csv: &str| {
        fs::write(tmp.path().join("so.csv"), csv).unwrap();
        review(
            tmp.path(),
            &[
                ex.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "--force",
                "--register",
                "so.csv",
            ],
        )
    };
    let flagged = |o: &std::process::Output| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .filter(|l| l.starts_with("ĐÃ KHEN: "))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let head = "STT,Họ và tên,Năm sinh,Ngày sinh,Hình thức,Phong trào,Số quyết định\n";
    // The year alone in the register, the whole date (1979-02-14) in the dossier.
    let o = run(&format!(
        "{head}1,Đỗ Thị Lan,1979,,giay_khen_chu_tich_huyen,covid19-hoa-lu-2021,15/QĐ-UBND\n"
    ));
    assert_eq!(
        flagged(&o).len(),
        1,
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // The year column empty, the date in the other birth column.
    let o = run(&format!(
        "{head}1,Đỗ Thị Lan,,14/02/1979,giay_khen_chu_tich_huyen,covid19-hoa-lu-2021,15/QĐ-UBND\n"
    ));
    assert_eq!(
        flagged(&o).len(),
        1,
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // Another day of the same year: someone else.
    let o = run(&format!(
        "{head}1,Đỗ Thị Lan,,15/02/1979,giay_khen_chu_tich_huyen,covid19-hoa-lu-2021,15/QĐ-UBND\n"
    ));
    assert!(
        flagged(&o).is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_eq!(o.status.code(), Some(0));
    // No campaign column: no award can be said to be for the same achievement.
    let o = run(
        "STT,Họ và tên,Ngày sinh,Hình thức\n1,Đỗ Thị Lan,14/02/1979,giay_khen_chu_tich_huyen\n",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cột \"Phong trào\" (hoặc \"Đợt\")"));
}

#[test]
fn results_are_never_written_into_a_dossier_and_a_folder_in_the_way_is_refused_first() {
    let tmp = tempfile::tempdir().unwrap();
    let r = tmp.path();
    copy_tree(
        &repo().join("examples/02-giay-khen-dot-xuat-ninh-hai"),
        &r.join("in/a"),
    );
    copy_tree(
        &repo().join("examples/invalid/BB003-quorum-not-met"),
        &r.join("in/b"),
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(r.join("in/a"), r.join("link")).unwrap();
    let before = tree_bytes(r);
    for o in ["in/a", "link"] {
        let out = review(r, &["in", "-o", o]);
        assert_eq!(out.status.code(), Some(2), "{o}");
        assert!(
            String::from_utf8_lossy(&out.stderr)
                .contains("không ghi kết quả vào trong thư mục hồ sơ"),
            "{o}"
        );
        assert_eq!(tree_bytes(r), before, "{o}");
    }
    // A folder where a letter goes: refused, --force or not, before the sheet is written.
    fs::create_dir_all(r.join("kq/tra-lai/b.pdf")).unwrap();
    let out = review(r, &["in", "-o", "kq", "--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("tra-lai/b.pdf"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!r.join("kq/tong-hop.xlsx").exists());
    // A letter of an earlier review, for a dossier now accepted: said, left alone.
    fs::remove_dir(r.join("kq/tra-lai/b.pdf")).unwrap();
    fs::write(r.join("kq/tra-lai/cu.pdf"), "x").unwrap();
    let out = review(r, &["in", "-o", "kq", "--force"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1 tệp trong thư mục tra-lai không do lần xem xét này viết")
            && stdout.contains("kq/tra-lai/cu.pdf"),
        "{stdout}"
    );
    assert!(r.join("kq/tra-lai/cu.pdf").exists());
}
