//! `dossier certificates`: the decision's list (made with openpyxl, and as CSV) printed onto the
//! shipped A4 landscape layout and read back with `pdftotext -bbox`: each text on its page,
//! inside its field's frame; a long name fitted; the calibration page; the register appended
//! byte for byte and read back by `review --register`; and the refusals, which write nothing.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{ci, dossier, have, repo, TODAY};

const MM: f64 = 72.0 / 25.4;
const LAYOUT: &str = "examples/phoi/giay-khen-a4-ngang.yaml";

const SETTINGS: &str = "phien_ban: 1
co_quan_quyet_dinh:
  ten: \"Ủy ban nhân dân huyện Hoa Lư\"
  chuc_danh: \"Chủ tịch Ủy ban nhân dân huyện Hoa Lư\"
  dia_danh: \"Hoa Lư\"
  ky_hieu: \"UBND\"
  nguoi_ky:
    ho_ten: \"Trần Văn Bảo\"
    chuc_vu: \"Phó Chủ tịch\"
    tham_quyen: \"KT. CHỦ TỊCH\"
";

const FORM: &str = "Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư";

/// The decision's list as `review` writes it, made with openpyxl: the contract's headings in
/// row 1 of the sheet "Danh sách", `rows` (Python tuples) under them. None where python3 or
/// openpyxl is missing outside CI.
fn list_xlsx(dir: &Path, rows: &str) -> Option<PathBuf> {
    let path = dir.join("danh-sach-khen-thuong.xlsx");
    let script = format!(
        r#"
import datetime, openpyxl, sys
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Danh sách"
ws.append(["STT", "Họ và tên / Tên tập thể", "Loại", "Giới tính", "Ngày sinh (năm sinh)", "Chức vụ, đơn vị", "Hình thức", "Mã hình thức", "Phong trào", "Mã phong trào", "Thành tích", "Nơi đề nghị", "Tờ trình số", "Ngày tờ trình"])
D = datetime.datetime
F = "{FORM}"
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
        assert!(!ci(), "python3 with openpyxl is needed in CI");
        return None;
    }
    Some(path)
}

const FOUR: &str = r#"(1, "Nguyễn Văn An", "Cá nhân", "Nam", D(1980, 5, 2), "Giáo viên Trường Tiểu học Ninh Hải", F, "giay_khen_chu_tich_huyen", "Phong trào thi đua năm học 2025-2026", "pt", None, "UBND xã Ninh Hải", "98/TTr-UBND", D(2026, 11, 20)),
  (2, "Trần Thị Bình", "Cá nhân", "Nữ", 1985, "Kế toán Ủy ban nhân dân xã Ninh Hải", F, "giay_khen_chu_tich_huyen", "Phong trào thi đua năm học 2025-2026", "pt", None, None, None, None),
  (3, "Trường Tiểu học Ninh Hải", "Tập thể", None, None, None, F, "giay_khen_chu_tich_huyen", "Phong trào thi đua năm học 2025-2026", "pt", "Đã hoàn thành xuất sắc nhiệm vụ năm học 2025-2026", None, None, None),
  (4, "Lê Văn Cường", "Cá nhân", None, 1990, "Công an viên xã Ninh Hải", F, "giay_khen_chu_tich_huyen", "Phong trào thi đua năm học 2025-2026", "pt", None, None, None, None)"#;

/// A folder with the office's settings; the list goes in it.
fn office() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join(".dossier.yaml"), SETTINGS).unwrap();
    tmp
}

fn certificates(dir: &Path, args: &[&str]) -> std::process::Output {
    let layout = repo().join(LAYOUT);
    let mut all = vec!["certificates", "--phoi", layout.to_str().unwrap()];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--today", TODAY]);
    dossier(dir, &all)
}

const DECISION: [&str; 4] = [
    "--so-quyet-dinh",
    "123/QĐ-UBND",
    "--ngay-quyet-dinh",
    "2026-12-15",
];

/// A word of `pdftotext -bbox`: its box in points from the page's top-left, and its text.
#[derive(Debug, Clone)]
struct Word {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

fn attr(tag: &str, name: &str) -> f64 {
    let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    let end = tag[at..].find('"').unwrap();
    tag[at..at + end].parse().unwrap()
}

/// A page: its (width, height) and its words.
type Page = ((f64, f64), Vec<Word>);

/// Every page, or None where poppler-utils is absent.
fn bbox(pdf: &Path) -> Option<Vec<Page>> {
    if !have("pdftotext", "-v") {
        return None;
    }
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-bbox"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    let mut pages = Vec::new();
    for chunk in html.split("<page ").skip(1) {
        let head = &chunk[..chunk.find('>').unwrap()];
        let size = (attr(head, "width"), attr(head, "height"));
        let mut words = Vec::new();
        for w in chunk.split("<word ").skip(1) {
            let close = w.find('>').unwrap();
            let tag = &w[..close];
            let text = &w[close + 1..w.find("</word>").unwrap()];
            let text = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
            words.push(Word {
                x0: attr(tag, "xMin"),
                y0: attr(tag, "yMin"),
                x1: attr(tag, "xMax"),
                y1: attr(tag, "yMax"),
                text,
            });
        }
        pages.push((size, words));
    }
    Some(pages)
}

/// The box of `phrase` on a page: its words in a row, joined.
fn find(words: &[Word], phrase: &str) -> Option<Word> {
    let want: Vec<&str> = phrase.split_whitespace().collect();
    (0..words.len()).find_map(|i| {
        let run = words.get(i..i + want.len())?;
        run.iter()
            .zip(&want)
            .all(|(w, t)| w.text == *t)
            .then(|| Word {
                x0: run.iter().map(|w| w.x0).fold(f64::MAX, f64::min),
                y0: run.iter().map(|w| w.y0).fold(f64::MAX, f64::min),
                x1: run.iter().map(|w| w.x1).fold(f64::MIN, f64::max),
                y1: run.iter().map(|w| w.y1).fold(f64::MIN, f64::max),
                text: phrase.to_owned(),
            })
    })
}

/// Whether `w` lies in the frame of a field at `x`, `y` (baseline), `width` mm, set at most
/// `size` points: within a point and a half.
fn inside(w: &Word, x: f64, y: f64, width: f64, size: f64) -> bool {
    let tol = 1.5;
    let (left, right, base) = (x * MM, (x + width) * MM, y * MM);
    w.x0 >= left - tol
        && w.x1 <= right + tol
        && w.y0 >= base - 0.95 * size - tol
        && w.y1 <= base + 0.3 * size + tol
        && w.y1 > base - tol
}

#[test]
fn each_awardee_is_printed_on_a_page_of_their_own_inside_the_fields() {
    let tmp = office();
    let Some(list) = list_xlsx(tmp.path(), FOUR) else {
        return;
    };
    let pdf = tmp.path().join("giay-khen.pdf");
    let mut args = vec![list.to_str().unwrap(), "-o", pdf.to_str().unwrap()];
    args.extend_from_slice(&DECISION);
    args.extend_from_slice(&["--so-vao-so-dau", "41"]);
    let o = certificates(tmp.path(), &args);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        stdout.contains("Đã ghi 4 giấy khen, mỗi người một trang"),
        "{stdout}"
    );
    // The row without a gender is named, and printed without a title.
    assert!(
        stdout.contains("dòng 5: không ghi giới tính, tên được in không có \"Ông\"/\"Bà\""),
        "{stdout}"
    );
    let Some(pages) = bbox(&pdf) else { return };
    assert_eq!(pages.len(), 4);
    let names = [
        "Ông Nguyễn Văn An",
        "Bà Trần Thị Bình",
        "Trường Tiểu học Ninh Hải",
        "Lê Văn Cường",
    ];
    for (i, ((size, words), name)) in pages.iter().zip(names).enumerate() {
        // A4 landscape.
        assert!(
            (size.0 - 841.89).abs() < 0.1 && (size.1 - 595.28).abs() < 0.1,
            "{size:?}"
        );
        let w = find(words, name).unwrap_or_else(|| panic!("page {i}: no {name} in {words:?}"));
        assert!(inside(&w, 40.0, 104.0, 217.0, 24.0), "{name}: {w:?}");
        // Centred in its frame.
        let centre = (40.0 + 217.0 / 2.0) * MM;
        assert!(((w.x0 + w.x1) / 2.0 - centre).abs() < 2.0, "{w:?}");
        // Nobody else's name on the page.
        for other in names
            .iter()
            .filter(|n| **n != name && !n.starts_with("Trường"))
        {
            assert!(
                find(words, other).is_none() || name.contains(other),
                "{other} on page {i}"
            );
        }
        let d = find(words, "Quyết định số 123/QĐ-UBND ngày 15/12/2026").unwrap();
        assert!(inside(&d, 20.0, 182.0, 130.0, 12.0), "{d:?}");
        let place = find(words, "Hoa Lư, ngày 15 tháng 12 năm 2026").unwrap();
        assert!(inside(&place, 165.0, 156.0, 115.0, 14.0), "{place:?}");
        let signer = find(words, "Trần Văn Bảo").unwrap();
        assert!(inside(&signer, 165.0, 196.0, 115.0, 14.0), "{signer:?}");
        assert!(find(words, "KT. CHỦ TỊCH").is_some() && find(words, "PHÓ CHỦ TỊCH").is_some());
        let number = format!("Số vào sổ: {}", 41 + i);
        let n = find(words, &number).unwrap_or_else(|| panic!("{number}: {words:?}"));
        assert!(inside(&n, 20.0, 190.0, 130.0, 12.0), "{n:?}");
    }
    // The unit, and the achievement: the list's own, else made from the campaign.
    assert!(find(&pages[0].1, "Giáo viên Trường Tiểu học Ninh Hải").is_some());
    assert!(find(
        &pages[0].1,
        "Đã có thành tích xuất sắc trong phong trào thi đua năm học 2025-2026"
    )
    .is_some());
    assert!(find(
        &pages[2].1,
        "Đã hoàn thành xuất sắc nhiệm vụ năm học 2025-2026"
    )
    .is_some());
    // The collective has no unit: its line is left empty, not "Chức vụ…" with nothing.
    assert_eq!(
        pages[2]
            .1
            .iter()
            .filter(|w| w.y1 > 110.0 * MM && w.y1 < 120.0 * MM)
            .count(),
        0
    );
}

#[test]
fn a_long_name_is_set_smaller_inside_its_frame_and_one_too_long_is_refused() {
    let tmp = office();
    let long = "Nguyễn Thị Hoàng Phương Thảo Nguyên Bích Ngọc Minh Châu Kim";
    let rows = format!(
        r#"(1, "Nguyễn Văn An", "Cá nhân", "Nam", 1980, "x", F, "", "", "", "", None, None, None),
           (2, "{long}", "Cá nhân", "Nữ", 1980, "x", F, "", "", "", "", None, None, None)"#
    );
    let Some(list) = list_xlsx(tmp.path(), &rows) else {
        return;
    };
    let pdf = tmp.path().join("gk.pdf");
    let mut args = vec![list.to_str().unwrap(), "-o", pdf.to_str().unwrap()];
    args.extend_from_slice(&DECISION);
    args.extend_from_slice(&["--so-vao-so-dau", "1"]);
    let o = certificates(tmp.path(), &args);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        stdout.contains("thu nhỏ hoặc xuống dòng cho vừa khung: dòng 3"),
        "{stdout}"
    );
    let Some(pages) = bbox(&pdf) else { return };
    let short = find(&pages[0].1, "Ông Nguyễn Văn An").unwrap();
    let fitted = find(&pages[1].1, &format!("Bà {long}")).unwrap();
    assert!(inside(&fitted, 40.0, 104.0, 217.0, 24.0), "{fitted:?}");
    // Set smaller: a lower line than the short name's, at 16 pt or more.
    let (h_short, h_long) = (short.y1 - short.y0, fitted.y1 - fitted.y0);
    assert!(
        h_long < h_short * 0.95 && h_long > h_short * 16.0 / 24.0 * 0.95,
        "{h_short} {h_long}"
    );

    // Longer still: past 16 pt on one line, refused with its row, nothing written.
    let tmp = office();
    let rows = format!(
        r#"(1, "{long} {long}", "Cá nhân", "Nữ", 1980, "x", F, "", "", "", "", None, None, None)"#
    );
    let Some(list) = list_xlsx(tmp.path(), &rows) else {
        return;
    };
    let pdf = tmp.path().join("gk.pdf");
    let mut args = vec![list.to_str().unwrap(), "-o", pdf.to_str().unwrap()];
    args.extend_from_slice(&DECISION);
    args.extend_from_slice(&["--so-vao-so-dau", "1"]);
    let o = certificates(tmp.path(), &args);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("dòng 2 (Nguyễn Thị Hoàng"), "{stderr}");
    assert!(
        stderr.contains("không vừa khung của trường ten kể cả ở cỡ chữ nhỏ nhất 16 pt"),
        "{stderr}"
    );
    assert!(!pdf.exists());
}

#[test]
fn the_calibration_page_draws_every_field_with_its_name() {
    let tmp = office();
    let pdf = tmp.path().join("thu.pdf");
    let o = certificates(tmp.path(), &["--thu", "-o", pdf.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout.contains("Đã ghi trang thử"), "{stdout}");
    let Some(pages) = bbox(&pdf) else { return };
    assert_eq!(pages.len(), 1);
    let words = &pages[0].1;
    for key in [
        "ten",
        "chuc_vu_don_vi",
        "thanh_tich",
        "dia_danh_ngay",
        "chuc_vu_ky",
        "nguoi_ky",
        "so_quyet_dinh",
        "so_vao_so",
    ] {
        let w = words
            .iter()
            .find(|w| w.text == key)
            .unwrap_or_else(|| panic!("{key}"));
        assert!(w.y1 < 200.0 * MM, "{w:?}");
    }
    // The sample in the name's frame, the office's own signer from the settings.
    let sample = find(words, "Ông Nguyễn Văn Mẫu").unwrap();
    assert!(inside(&sample, 40.0, 104.0, 217.0, 24.0), "{sample:?}");
    assert!(find(words, "Trần Văn Bảo").is_some());
    assert!(find(words, "TRANG THỬ").is_some());
    // The ruler's numbers.
    assert!(words.iter().any(|w| w.text == "280"));
}

/// The Ninh Hải nominee of example 02 as the decision's list names her, as CSV (a list the
/// office re-saved from Excel).
const LAN_CSV: &str = "STT,Họ và tên / Tên tập thể,Loại,Giới tính,Ngày sinh (năm sinh),\"Chức vụ, đơn vị\",Hình thức,Mã hình thức,Phong trào,Mã phong trào,Thành tích,Nơi đề nghị,Tờ trình số,Ngày tờ trình\r\n\
1,Đỗ Thị Lan,Cá nhân,Nữ,14/02/1979,\"Tổ trưởng, Tổ COVID cộng đồng thôn Văn Lâm, xã Ninh Hải\",Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư,giay_khen_chu_tich_huyen,,covid19-hoa-lu-2021,,Ủy ban nhân dân xã Ninh Hải,98/TTr-UBND,20/11/2021\r\n";

#[test]
fn the_register_gets_the_awards_after_its_bytes_and_the_next_review_knows_them() {
    let tmp = office();
    let list = tmp.path().join("ds.csv");
    fs::write(&list, LAN_CSV).unwrap();
    let reg = tmp.path().join("so-khen-thuong.csv");
    let old = "SỔ KHEN THƯỞNG NĂM 2026\nSTT,Họ và tên,Ngày sinh,Đơn vị,Hình thức,Phong trào,Số quyết định,Ngày quyết định,Số vào sổ,Ghi chú\n1,Người Khác,1970,,Giấy khen,x,1/QĐ-UBND,02/01/2026,57,\"giữ, nguyên\"\n";
    fs::write(&reg, old).unwrap();
    let pdf = tmp.path().join("gk.pdf");
    let mut args = vec![
        list.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--so-khen-thuong",
        reg.to_str().unwrap(),
    ];
    args.extend_from_slice(&DECISION);
    let o = certificates(tmp.path(), &args);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        stdout.contains("Đã ghi thêm 1 dòng vào sổ khen thưởng"),
        "{stdout}"
    );
    assert!(stdout.contains("số vào sổ 58 đến 58"), "{stdout}");
    let new = fs::read(&reg).unwrap();
    assert!(
        new.starts_with(old.as_bytes()),
        "{}",
        String::from_utf8_lossy(&new)
    );
    assert_eq!(
        std::str::from_utf8(&new[old.len()..]).unwrap(),
        "2,Đỗ Thị Lan,14/02/1979,\"Tổ trưởng, Tổ COVID cộng đồng thôn Văn Lâm, xã Ninh Hải\",Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư,covid19-hoa-lu-2021,123/QĐ-UBND,15/12/2026,58,\n"
    );
    if let Some(pages) = bbox(&pdf) {
        assert!(find(&pages[0].1, "Số vào sổ: 58").is_some());
    }

    // The next review of the same nominee finds her in the register.
    let ex = repo().join("examples/02-giay-khen-dot-xuat-ninh-hai");
    let o = dossier(
        tmp.path(),
        &[
            "review",
            ex.to_str().unwrap(),
            "-o",
            tmp.path().join("kq").to_str().unwrap(),
            "--register",
            reg.to_str().unwrap(),
            "--today",
            TODAY,
        ],
    );
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("ĐÃ KHEN: Đỗ Thị Lan (")
                && l.contains("Quyết định số 123/QĐ-UBND ngày 15/12/2026")),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );

    // A second run of the same decision is refused: the register is unchanged.
    let before = fs::read(&reg).unwrap();
    let mut again = args.clone();
    again.push("--force");
    let o = certificates(tmp.path(), &again);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("đã được vào sổ"));
    assert_eq!(fs::read(&reg).unwrap(), before);
}

#[test]
fn a_new_register_is_made_with_headings_review_reads() {
    let tmp = office();
    let list = tmp.path().join("ds.csv");
    fs::write(&list, LAN_CSV).unwrap();
    for name in ["moi.csv", "moi.xlsx"] {
        let reg = tmp.path().join(name);
        let pdf = tmp.path().join(format!("{name}.pdf"));
        let mut args = vec![
            list.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
            "--so-khen-thuong",
            reg.to_str().unwrap(),
        ];
        args.extend_from_slice(&DECISION);
        let o = certificates(tmp.path(), &args);
        let stdout = String::from_utf8_lossy(&o.stdout);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{stdout}{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(stdout.contains("Đã tạo sổ khen thưởng"), "{stdout}");
        let read =
            dossier::review::register::read(&reg, dossier::date::Date::parse(TODAY).unwrap())
                .unwrap();
        assert_eq!(read.awards.len(), 1);
        let a = &read.awards[0];
        assert_eq!(a.name, "Đỗ Thị Lan");
        assert_eq!(
            a.birth.map(|b| b.to_string()).as_deref(),
            Some("1979-02-14")
        );
        assert_eq!(a.decision, "123/QĐ-UBND");
        assert_eq!(
            a.decided.map(|d| d.to_string()).as_deref(),
            Some("2026-12-15")
        );
        assert_eq!(a.campaign, "covid19-hoa-lu-2021");
    }
}

#[test]
fn refusals_write_nothing() {
    let tmp = office();
    let Some(list) = list_xlsx(tmp.path(), FOUR) else {
        return;
    };
    let pdf = tmp.path().join("gk.pdf");
    let run = |extra: &[&str]| {
        let mut args = vec![list.to_str().unwrap(), "-o", pdf.to_str().unwrap()];
        args.extend_from_slice(extra);
        certificates(tmp.path(), &args)
    };
    // An office's own xlsx register: refused, byte for byte unchanged.
    let sub = tmp.path().join("so");
    fs::create_dir_all(&sub).unwrap();
    let Some(foreign) = list_xlsx(
        &sub,
        r#"(1, "x", None, None, None, None, "Giấy khen", "", "x", "", "", "", "", "")"#,
    ) else {
        return;
    };
    let bytes = fs::read(&foreign).unwrap();
    let mut args = DECISION.to_vec();
    args.extend_from_slice(&["--so-khen-thuong", foreign.to_str().unwrap()]);
    let o = run(&args);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("không ghi thêm vào sổ dạng Excel/LibreOffice có sẵn"),
        "{stderr}"
    );
    assert!(stderr.contains("CSV UTF-8"), "{stderr}");
    assert_eq!(fs::read(&foreign).unwrap(), bytes);
    assert!(!pdf.exists());
    fs::remove_file(&foreign).unwrap();

    // No decision number.
    let o = run(&["--ngay-quyet-dinh", "2026-12-15"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--so-quyet-dinh"));
    // A register number printed but nowhere to start from.
    let o = run(&DECISION);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--so-vao-so-dau"));
    assert!(!pdf.exists());

    // The settings without the signer the layout prints: the keys are named.
    let bare = tempfile::tempdir().unwrap();
    fs::write(bare.path().join(".dossier.yaml"), "phien_ban: 1\n").unwrap();
    let l2 = bare.path().join("ds.csv");
    fs::write(&l2, LAN_CSV).unwrap();
    let mut args = vec![l2.to_str().unwrap(), "-o", "gk.pdf", "--so-vao-so-dau", "1"];
    args.extend_from_slice(&DECISION);
    let o = certificates(bare.path(), &args);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("co_quan_quyet_dinh.dia_danh, co_quan_quyet_dinh.nguoi_ky.ho_ten, co_quan_quyet_dinh.nguoi_ky.chuc_vu"),
        "{stderr}"
    );
    assert!(!bare.path().join("gk.pdf").exists());

    // An existing output without --force, in English too.
    fs::write(&pdf, b"old").unwrap();
    let mut args = DECISION.to_vec();
    args.extend_from_slice(&["--so-vao-so-dau", "1"]);
    let o = run(&args);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("dùng --force để ghi đè"));
    args.extend_from_slice(&["--lang", "en"]);
    let o = run(&args);
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists; use --force"));
    assert_eq!(fs::read(&pdf).unwrap(), b"old");
    args.push("--force");
    assert_eq!(run(&args).status.code(), Some(0));
}

#[test]
fn a_list_cell_that_cannot_be_read_is_refused_with_its_cell() {
    let tmp = office();
    // A formula openpyxl saves without its value, in the name column of the second awardee.
    let rows = r#"(1, "Nguyễn Văn An", "Cá nhân", "Nam", 1980, "x", F, "", "", "", "", None, None, None),
                  (2, "=1/0", "Cá nhân", "Nam", 1980, "x", F, "", "", "", "", None, None, None)"#;
    let Some(list) = list_xlsx(tmp.path(), rows) else {
        return;
    };
    let pdf = tmp.path().join("gk.pdf");
    let mut args = vec![
        list.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--so-vao-so-dau",
        "1",
    ];
    args.extend_from_slice(&DECISION);
    let o = certificates(tmp.path(), &args);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("trang \"Danh sách\", ô B3: ô có lỗi hoặc công thức chưa tính"),
        "{stderr}"
    );
    assert!(!pdf.exists());
    // A bad layout: its line and column.
    let bad = tmp.path().join("phoi.yaml");
    fs::write(&bad, "phien_ban: 1\nkho_giay: {rong: 297, cao: 210}\ntruong:\n  ten: {x: 40, y: 98, rong: 217, co_chu: 500}\n").unwrap();
    let mut args = vec![
        "certificates",
        list.to_str().unwrap(),
        "--phoi",
        bad.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ];
    args.extend_from_slice(&DECISION);
    let o = dossier(tmp.path(), &args);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("phoi.yaml:4:"), "{stderr}");
    assert!(stderr.contains("truong.ten.co_chu = 500"), "{stderr}");
    assert!(!pdf.exists());
}

/// Two forms of award in one list: `review` puts every accepted nominee of all forms in a list,
/// and each form is a decision of its own.
const TWO_FORMS: &str = r#"(1, "Nguyễn Văn An", "Cá nhân", "Nam", 1980, "x", F, "giay_khen_chu_tich_huyen", "PT", "pt", None, None, None, None),
  (2, "Trần Thị Bình", "Cá nhân", "Nữ", 1985, "x", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "bang_khen_chu_tich_tinh", "PT", "pt", None, None, None, None),
  (3, "Lê Văn Cường", "Cá nhân", "Nam", 1990, "x", F, "giay_khen_chu_tich_huyen", "PT", "pt", None, None, None, None)"#;

#[test]
fn a_list_of_several_forms_is_refused_unless_one_is_chosen() {
    let tmp = office();
    let Some(list) = list_xlsx(tmp.path(), TWO_FORMS) else {
        return;
    };
    let pdf = tmp.path().join("gk.pdf");
    let reg = tmp.path().join("so.csv");
    let old = "STT,Họ và tên,Hình thức,Phong trào,Số quyết định,Số vào sổ\n1,Người Khác,GK,x,1/QĐ-UBND,7\n";
    fs::write(&reg, old).unwrap();
    let list_bytes = fs::read(&list).unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec![
            list.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
            "--so-khen-thuong",
            reg.to_str().unwrap(),
        ];
        args.extend_from_slice(&DECISION);
        args.extend_from_slice(extra);
        certificates(tmp.path(), &args)
    };
    let o = run(&["--force"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("danh sách có 2 hình thức khen thưởng")
            && stderr.contains(&format!(
                "\"{FORM}\" (mã \"giay_khen_chu_tich_huyen\"): 2 người"
            ))
            && stderr.contains("(mã \"bang_khen_chu_tich_tinh\"): 1 người")
            && stderr.contains("--hinh-thuc"),
        "{stderr}"
    );
    assert!(!pdf.exists());
    assert_eq!(fs::read(&reg).unwrap(), old.as_bytes());
    assert_eq!(fs::read(&list).unwrap(), list_bytes);
    // A form the list does not hold: refused, the forms named.
    let o = run(&["--hinh-thuc", "huan_chuong", "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("--hinh-thuc \"huan_chuong\": nobody in the list has this form"),
        "{stderr}"
    );
    assert!(!pdf.exists());
    assert_eq!(fs::read(&reg).unwrap(), old.as_bytes());
    // One chosen: its awardees printed and registered, the other's row said.
    let o = run(&["--hinh-thuc", "giay_khen_chu_tich_huyen"]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        stdout.contains("dòng 3: hình thức khen thưởng khác --hinh-thuc"),
        "{stdout}"
    );
    assert!(stdout.contains("Đã ghi 2 giấy khen"), "{stdout}");
    let new = String::from_utf8(fs::read(&reg).unwrap()).unwrap();
    assert!(new.contains("Nguyễn Văn An") && new.contains("Lê Văn Cường"));
    assert!(!new.contains("Trần Thị Bình"), "{new}");
}

/// The CSV list and a register of one earlier award, in `tmp`.
fn list_and_register(tmp: &Path) -> (PathBuf, PathBuf, &'static str) {
    let list = tmp.join("ds.csv");
    fs::write(&list, LAN_CSV).unwrap();
    let reg = tmp.join("so.csv");
    let old = "STT,Họ và tên,Hình thức,Phong trào,Số quyết định,Số vào sổ\n1,Người Khác,GK,x,1/QĐ-UBND,7\n";
    fs::write(&reg, old).unwrap();
    (list, reg, old)
}

#[cfg(unix)]
#[test]
fn a_register_or_pdf_that_is_a_link_is_refused_and_the_real_file_is_untouched() {
    use std::os::unix::fs::symlink;
    let tmp = office();
    let (list, reg, old) = list_and_register(tmp.path());
    let link = tmp.path().join("so-link.csv");
    symlink(&reg, &link).unwrap();
    let pdf = tmp.path().join("gk.pdf");
    let mut args = vec![
        list.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--so-khen-thuong",
        link.to_str().unwrap(),
    ];
    args.extend_from_slice(&DECISION);
    let o = certificates(tmp.path(), &args);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("so-link.csv\": là một liên kết (lối tắt)") && stderr.contains("so.csv"),
        "{stderr}"
    );
    assert!(!pdf.exists());
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read(&reg).unwrap(), old.as_bytes());

    // The PDF given as a link, --force or not: refused, what it leads to unchanged.
    let elsewhere = tmp.path().join("khac.pdf");
    fs::write(&elsewhere, b"other").unwrap();
    let pdf_link = tmp.path().join("gk-link.pdf");
    symlink(&elsewhere, &pdf_link).unwrap();
    let mut args = vec![
        list.to_str().unwrap(),
        "-o",
        pdf_link.to_str().unwrap(),
        "--so-vao-so-dau",
        "1",
        "--force",
    ];
    args.extend_from_slice(&DECISION);
    let o = certificates(tmp.path(), &args);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("gk-link.pdf\" là một liên kết (lối tắt)"),
        "{stderr}"
    );
    assert!(fs::symlink_metadata(&pdf_link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read(&elsewhere).unwrap(), b"other");
}

#[cfg(unix)]
#[test]
fn a_read_only_register_is_refused_and_a_register_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = office();
    let (list, reg, old) = list_and_register(tmp.path());
    let pdf = tmp.path().join("gk.pdf");
    let mut args = vec![
        list.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--so-khen-thuong",
        reg.to_str().unwrap(),
    ];
    args.extend_from_slice(&DECISION);
    fs::set_permissions(&reg, fs::Permissions::from_mode(0o444)).unwrap();
    let o = certificates(tmp.path(), &args);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("so.csv\": tệp chỉ được đọc (read-only)"),
        "{stderr}"
    );
    assert!(!pdf.exists());
    assert_eq!(fs::read(&reg).unwrap(), old.as_bytes());
    let mode = fs::metadata(&reg).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);

    // A writable register in a mode of its own keeps it when rewritten.
    fs::set_permissions(&reg, fs::Permissions::from_mode(0o640)).unwrap();
    let o = certificates(tmp.path(), &args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(fs::read(&reg).unwrap().len() > old.len());
    let mode = fs::metadata(&reg).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn an_output_that_is_an_input_is_refused_even_with_force() {
    let tmp = office();
    let (list, reg, old) = list_and_register(tmp.path());
    let layout = tmp.path().join("phoi.yaml");
    fs::copy(repo().join(LAYOUT), &layout).unwrap();
    let layout_bytes = fs::read(&layout).unwrap();
    let list_bytes = fs::read(&list).unwrap();
    let dotted = tmp.path().join(".").join("so.csv");
    let new_reg = tmp.path().join("moi.csv");
    for (output, register, says) in [
        (&reg, None, "tệp PDF (-o) \""),
        (&dotted, None, "cũng là sổ khen thưởng (--so-khen-thuong)"),
        (&list, None, "cũng là danh sách khen thưởng"),
        (&layout, None, "cũng là tệp bố cục phôi (--phoi)"),
        (
            &tmp.path().join("gk.pdf"),
            Some(&list),
            "sổ khen thưởng (--so-khen-thuong)",
        ),
        (&new_reg, Some(&new_reg), "cũng là sổ khen thưởng"),
    ] {
        let mut args = vec![
            "certificates",
            list.to_str().unwrap(),
            "--phoi",
            layout.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
            "--force",
            "--today",
            TODAY,
        ];
        args.extend_from_slice(&DECISION);
        let extra_reg;
        match register {
            Some(r) => {
                extra_reg = r.to_str().unwrap().to_owned();
                args.extend_from_slice(&["--so-khen-thuong", &extra_reg]);
            }
            None => args.extend_from_slice(&["--so-khen-thuong", reg.to_str().unwrap()]),
        }
        let o = dossier(tmp.path(), &args);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{output:?}: {stderr}");
        assert!(stderr.contains(says), "{says}: {stderr}");
        assert!(stderr.contains("kể cả với --force"), "{stderr}");
        assert_eq!(fs::read(&reg).unwrap(), old.as_bytes());
        assert_eq!(fs::read(&list).unwrap(), list_bytes);
        assert_eq!(fs::read(&layout).unwrap(), layout_bytes);
        assert!(!new_reg.exists());
        assert!(!tmp.path().join("gk.pdf").exists());
    }
}

/// Runs the command on `list` with the decision, `extra` after; (exit code, stdout, stderr).
fn run_on(dir: &Path, list: &Path, extra: &[&str]) -> (Option<i32>, String, String) {
    let pdf = dir.join("gk.pdf");
    let mut args = vec![list.to_str().unwrap(), "-o", pdf.to_str().unwrap()];
    args.extend_from_slice(&DECISION);
    args.extend_from_slice(extra);
    let o = certificates(dir, &args);
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn a_layout_frame_off_the_paper_is_refused_at_the_field() {
    let tmp = office();
    let (list, _, _) = list_and_register(tmp.path());
    for (layout, line, says) in [
        // The offset pushes the frame past the right edge.
        (
            "do_lech: { x: 25, y: 0 }\ntruong:\n  ten: { x: 70, y: 104, rong: 217, co_chu: 24 }\n",
            5,
            "theo chiều ngang",
        ),
        // The ascent above y = 3 mm at 24 pt leaves the top.
        (
            "truong:\n  ten: { x: 40, y: 3, rong: 217, co_chu: 24 }\n",
            4,
            "từ -",
        ),
        // Four lines below y = 200 leave the bottom.
        (
            "truong:\n  ten: { x: 40, y: 200, rong: 217, co_chu: 14, so_dong: 4 }\n",
            4,
            "4 dòng",
        ),
    ] {
        let p = tmp.path().join("phoi.yaml");
        fs::write(
            &p,
            format!("phien_ban: 1\nkho_giay: {{ rong: 297, cao: 210 }}\n{layout}"),
        )
        .unwrap();
        let pdf = tmp.path().join("gk.pdf");
        let mut args = vec![
            "certificates",
            list.to_str().unwrap(),
            "--phoi",
            p.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
            "--today",
            TODAY,
        ];
        args.extend_from_slice(&DECISION);
        let o = dossier(tmp.path(), &args);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{layout}: {stderr}");
        assert!(stderr.contains(&format!("phoi.yaml:{line}:")), "{stderr}");
        assert!(
            stderr.contains("khung của trường ten ra ngoài tờ giấy"),
            "{stderr}"
        );
        assert!(stderr.contains(says), "{says}: {stderr}");
        assert!(!pdf.exists());
    }
}

#[test]
fn a_register_value_excel_would_evaluate_is_refused_with_its_row() {
    let tmp = office();
    let (_, reg, old) = list_and_register(tmp.path());
    let list = tmp.path().join("ds2.csv");
    fs::write(
        &list,
        LAN_CSV.replace(
            "1,Đỗ Thị Lan,",
            "1,\"=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\",",
        ),
    )
    .unwrap();
    let (code, _, stderr) = run_on(
        tmp.path(),
        &list,
        &["--so-khen-thuong", reg.to_str().unwrap()],
    );
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("dòng 2 của danh sách: giá trị \"=HYPERLINK(\"http://x\",\"a\")\" bắt đầu bằng ký tự mà Excel coi là công thức"),
        "{stderr}"
    );
    assert_eq!(fs::read(&reg).unwrap(), old.as_bytes());
    assert!(!tmp.path().join("gk.pdf").exists());
    // A new CSV register too; a new xlsx register holds it as text.
    let new = tmp.path().join("moi.csv");
    let (code, _, _) = run_on(
        tmp.path(),
        &list,
        &["--so-khen-thuong", new.to_str().unwrap()],
    );
    assert_eq!(code, Some(2));
    assert!(!new.exists());
    let x = tmp.path().join("moi.xlsx");
    let (code, _, stderr) = run_on(
        tmp.path(),
        &list,
        &["--so-khen-thuong", x.to_str().unwrap()],
    );
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn a_proposal_after_the_decision_and_a_late_birth_name_the_decision() {
    let tmp = office();
    let list = tmp.path().join("ds.csv");
    fs::write(&list, LAN_CSV.replace("20/11/2021", "20/01/2027")).unwrap();
    let (code, _, stderr) = run_on(tmp.path(), &list, &["--so-vao-so-dau", "1"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "ô N2, dòng 2: ngày tờ trình 20/01/2027 sau ngày của quyết định (15/12/2026)"
        ),
        "{stderr}"
    );
    assert!(!tmp.path().join("gk.pdf").exists());
    fs::write(&list, LAN_CSV.replace("14/02/1979", "14/02/2027")).unwrap();
    let (code, _, stderr) = run_on(tmp.path(), &list, &["--so-vao-so-dau", "1"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("ngày sinh 14/02/2027 không thể đúng: trước năm 1900 hoặc sau ngày của quyết định (15/12/2026)"),
        "{stderr}"
    );
    assert!(!stderr.contains("tờ trình"), "{stderr}");
}

#[test]
fn a_register_number_that_cannot_be_read_is_refused_with_its_cell() {
    let tmp = office();
    let (list, reg, _) = list_and_register(tmp.path());
    for bad in ["GK-0012", "12345678901234567890123"] {
        let old = format!("STT,Họ và tên,Hình thức,Phong trào,Số quyết định,Số vào sổ\n1,Người Khác,GK,x,1/QĐ-UBND,7\n2,Người Nữa,GK,x,1/QĐ-UBND,{bad}\n");
        fs::write(&reg, &old).unwrap();
        let (code, _, stderr) = run_on(
            tmp.path(),
            &list,
            &["--so-khen-thuong", reg.to_str().unwrap()],
        );
        assert_eq!(code, Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!("ô F3: số vào sổ \"{bad}\" không đọc được")),
            "{stderr}"
        );
        assert_eq!(fs::read(&reg).unwrap(), old.as_bytes());
        assert!(!tmp.path().join("gk.pdf").exists());
    }
}

#[test]
fn a_list_row_without_a_name_or_a_merged_cell_is_refused() {
    let tmp = office();
    let Some(list) = list_xlsx(
        tmp.path(),
        r#"(1, "Nguyễn Văn An", "Cá nhân", "Nam", 1980, "x", F, "gk", "PT", "pt", None, None, None, None),
           (2, "   ", "Cá nhân", "Nữ", 1985, "Kế toán", F, "gk", "PT", "pt", None, None, None, None)"#,
    ) else {
        return;
    };
    let bytes = fs::read(&list).unwrap();
    let (code, _, stderr) = run_on(tmp.path(), &list, &["--so-vao-so-dau", "1"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "trang \"Danh sách\", dòng 3: không có tên (ô B3 trống) nhưng có giá trị ở ô C3"
        ),
        "{stderr}"
    );
    assert_eq!(fs::read(&list).unwrap(), bytes);
    assert!(!tmp.path().join("gk.pdf").exists());
    // The unit merged down over two awardees' rows.
    let merged = tmp.path().join("gop.xlsx");
    let script = r#"
import openpyxl, sys
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Danh sách"
ws.append(["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Hình thức"])
ws.append([1, "Nguyễn Văn An", "Trường Tiểu học", "Giấy khen"])
ws.append([2, "Trần Thị Bình", None, "Giấy khen"])
ws.merge_cells("C2:C3")
wb.save(sys.argv[1])
"#;
    let ok = std::process::Command::new("python3")
        .args(["-c", script, merged.to_str().unwrap()])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        return;
    }
    let (code, _, stderr) = run_on(tmp.path(), &merged, &["--so-vao-so-dau", "1"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("vùng C2:C3 là ô gộp qua nhiều dòng"),
        "{stderr}"
    );
    assert!(!tmp.path().join("gk.pdf").exists());
}

#[test]
fn a_decision_number_or_template_with_hidden_characters_is_refused() {
    let tmp = office();
    let (list, _, _) = list_and_register(tmp.path());
    for n in [
        "123/QĐ-UBND\nx",
        "123\u{202e}DNBU-ĐQ/",
        "123/QĐ\u{200b}-UBND",
    ] {
        let pdf = tmp.path().join("gk.pdf");
        let layout = repo().join(LAYOUT);
        let args = vec![
            "certificates",
            list.to_str().unwrap(),
            "--phoi",
            layout.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
            "--so-quyet-dinh",
            n,
            "--ngay-quyet-dinh",
            "2026-12-15",
            "--so-vao-so-dau",
            "1",
            "--today",
            TODAY,
        ];
        let o = dossier(tmp.path(), &args);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{n:?}: {stderr}");
        assert!(stderr.contains("--so-quyet-dinh phải là số"), "{stderr}");
        assert!(!pdf.exists());
    }
    let p = tmp.path().join("phoi.yaml");
    fs::write(
        &p,
        "phien_ban: 1\nkho_giay: { rong: 297, cao: 210 }\ntruong:\n  ten: { x: 40, y: 104, rong: 217, co_chu: 24, mau: \"{ten}\u{202e}\" }\n",
    )
    .unwrap();
    let pdf = tmp.path().join("gk.pdf");
    let mut args = vec![
        "certificates",
        list.to_str().unwrap(),
        "--phoi",
        p.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--today",
        TODAY,
    ];
    args.extend_from_slice(&DECISION);
    let o = dossier(tmp.path(), &args);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("phoi.yaml:4:") && stderr.contains("ký tự ẩn"),
        "{stderr}"
    );
    assert!(!pdf.exists());
}

#[test]
fn a_heading_given_twice_is_refused_naming_both_cells() {
    let tmp = office();
    let list = tmp.path().join("ds.csv");
    let text = "STT,Họ và tên,Họ và tên,Hình thức\n1,Nguyen Van An,Nguyễn Văn An,Giấy khen\n";
    fs::write(&list, text).unwrap();
    let (code, _, stderr) = run_on(tmp.path(), &list, &["--so-vao-so-dau", "1"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("ô B1 và ô C1 là hai cột cùng nghĩa (\"Họ và tên\")"),
        "{stderr}"
    );
    assert_eq!(fs::read(&list).unwrap(), text.as_bytes());
    assert!(!tmp.path().join("gk.pdf").exists());

    // The register `review` reads, the same.
    let reg = tmp.path().join("so.csv");
    let old = "Họ và tên,Hình thức,Phong trào,Họ và tên\nAn,GK,PT,Bình\n";
    fs::write(&reg, old).unwrap();
    let ex = repo().join("examples/02-giay-khen-dot-xuat-ninh-hai");
    let out = tmp.path().join("kq");
    let o = dossier(
        tmp.path(),
        &[
            "review",
            ex.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--register",
            reg.to_str().unwrap(),
            "--today",
            TODAY,
        ],
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("ô A1 và ô D1 là hai cột cùng nghĩa (\"Họ và tên\")"),
        "{stderr}"
    );
    assert_eq!(fs::read(&reg).unwrap(), old.as_bytes());
    assert!(!out.exists());
}

#[test]
fn a_collective_whose_unit_is_its_name_is_printed_once() {
    let tmp = office();
    let list = tmp.path().join("ds.csv");
    fs::write(
        &list,
        "Họ và tên / Tên tập thể,Loại,\"Chức vụ, đơn vị\",Hình thức,Phong trào\nTrường Tiểu học Ninh Hải,Tập thể,Trường Tiểu học  Ninh Hải,Giấy khen,PT\n",
    )
    .unwrap();
    let pdf = tmp.path().join("gk.pdf");
    let (code, _, stderr) = run_on(tmp.path(), &list, &["--so-vao-so-dau", "1"]);
    assert_eq!(code, Some(0), "{stderr}");
    let Some(pages) = bbox(&pdf) else { return };
    let words = &pages[0].1;
    let count = words.iter().filter(|w| w.text == "Hải").count();
    assert_eq!(count, 1, "{words:?}");
}
