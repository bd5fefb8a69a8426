//! `dossier review`'s drafts (#22): under an office whose `.dossier.yaml` names it and the
//! deciding authority, a folder of several senders (one bundle tampered with, one dossier with
//! a defect, one proposing again the nominees of another, one nominee in the register, two
//! forms of award) gets `OUT/du-thao/` with the office's tờ trình, one decision per form with
//! the list of the accepted nominees each once, grouped I/II, and the list as a sheet; read
//! back as other programs read them (pdftotext, python-docx, the import's reader) and the DOCX
//! held to the OOXML schemas; refused without `--force`, the tree left byte-identical.

use std::fs;
use std::path::Path;

use dossier::import::table;

use crate::review_letters::{docx_text, joined};
use crate::util::{cell_text, ci, copy_tree, dossier, pdftotext_args, repo, tree_bytes, TODAY};

/// The DOCX's paragraphs and table cells in the document's order, as python-docx reads them
/// (`docx_text` gives the tables first); None when python-docx is missing.
fn docx_in_order(docx: &Path) -> Option<String> {
    docx_text(docx)?;
    let script = "import sys, docx\nfrom docx.table import Table\nfrom docx.text.paragraph import Paragraph\nd = docx.Document(sys.argv[1])\nfor e in d.element.body.iterchildren():\n    if e.tag.endswith('}p'): print(Paragraph(e, d).text)\n    elif e.tag.endswith('}tbl'):\n        for r in Table(e, d).rows:\n            for c in r.cells: print(c.text)\n";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(docx)
        .output()
        .unwrap();
    assert!(out.status.success(), "python-docx failed: {out:?}");
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .replace('\u{a0}', " "),
    )
}

const SETTINGS: &str = r#"phien_ban: 1
co_quan_tiep_nhan:
  ten: "Phòng Nội vụ huyện Hoa Lư"
  co_quan_chu_quan: "Ủy ban nhân dân huyện Hoa Lư"
  dia_danh: "Hoa Lư"
  ky_hieu: "PNV"
  nguoi_ky: { ho_ten: "Nguyễn Văn A", chuc_vu: "Trưởng phòng" }
co_quan_quyet_dinh:
  ten: "Ủy ban nhân dân huyện Hoa Lư"
  chuc_danh: "Chủ tịch Ủy ban nhân dân huyện Hoa Lư"
  dia_danh: "Hoa Lư"
  ky_hieu: "UBND"
  nguoi_ky: { ho_ten: "Trần Văn B", chuc_vu: "Phó Chủ tịch", tham_quyen: "KT. CHỦ TỊCH" }
"#;

/// `root/in/`, in name order: example 03 packed and tampered with (returned), example 02 packed
/// (accepted), example 03 as a folder (accepted, another form), the BB003 fixture (returned),
/// example 02 again as a folder (its nominees proposed again), example 01 (accepted, the form
/// of 02; Lê Thu Trang's achievement in one line). `root/so-khen.csv`: Đỗ Thị Lan already
/// awarded. `root/.dossier.yaml`: the office, when `settings`.
fn received(root: &Path, settings: bool) {
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
                "--no-config",
            ],
        );
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let bundle = inbox.join("21-TTr-UBND_huyen-hoa-lu.zip");
    let mut bytes = fs::read(&bundle).unwrap();
    let name = b"to-trinh.yaml";
    let at = bytes.windows(name.len()).position(|w| w == name).unwrap();
    bytes[at + name.len() + 20] ^= 0x20;
    fs::write(&bundle, bytes).unwrap();
    for (ex, to) in [
        ("03-bang-khen-tinh-huyen-hoa-lu", "hoa-lu"),
        ("invalid/BB003-quorum-not-met", "ninh-giang"),
        ("02-giay-khen-dot-xuat-ninh-hai", "ninh-hai-ban-giay"),
        ("01-giay-khen-chuyen-de-truong-yen", "truong-yen"),
    ] {
        copy_tree(&repo().join("examples").join(ex), &inbox.join(to));
        let _ = fs::remove_file(inbox.join(to).join("README.md"));
    }
    let report = inbox.join("truong-yen/bao-cao/le-thu-trang.yaml");
    let text = fs::read_to_string(&report).unwrap();
    let start = text.find("thanh_tich: |").unwrap();
    let end = start + text[start..].find("\ncong_trang:").unwrap();
    let text = format!(
        "{}thanh_tich: \"Hoàn thành xuất sắc nhiệm vụ tình nguyện viên tại chốt kiểm soát dịch\"{}",
        &text[..start],
        &text[end..]
    );
    fs::write(&report, text).unwrap();
    fs::write(
        root.join("so-khen.csv"),
        "STT,Họ và tên,Ngày sinh,Hình thức,Phong trào,Số quyết định,Ngày quyết định\n\
         1,Đỗ Thị Lan,14/02/1979,giay_khen_chu_tich_huyen,covid19-hoa-lu-2021,15/QĐ-UBND,20/12/2021\n",
    )
    .unwrap();
    if settings {
        fs::write(root.join(".dossier.yaml"), SETTINGS).unwrap();
    }
}

fn review(root: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "review",
        "in",
        "-o",
        "ket-qua",
        "--register",
        "so-khen.csv",
        "--today",
        TODAY,
    ];
    args.extend_from_slice(extra);
    dossier(root, &args)
}

/// The nominees of the Giấy khen decision, as the list must print them: the individuals of
/// the Ninh Hải bundle (Đỗ Thị Lan is in the register) and of Trường Yên, then the collectives.
const GIAY_KHEN_INDIVIDUALS: [&str; 5] = [
    "Hoàng Minh Tuấn",
    "Hoàng Văn Dũng",
    "Nguyễn Thị Hằng",
    "Bùi Văn Thắng",
    "Lê Thu Trang",
];
const GIAY_KHEN_COLLECTIVES: [&str; 3] = [
    "Trạm Y tế xã Ninh Hải",
    "Thôn Đoài, xã Trường Yên",
    "Công ty TNHH Du lịch sinh thái Trường Yên",
];

/// What a reader of both files of a document must find in it; the texts read, PDF then DOCX.
fn read_both(stem: &Path, expected: &[&str]) -> Vec<String> {
    let pdf = stem.with_extension("pdf");
    let docx = stem.with_extension("docx");
    assert!(pdf.is_file() && docx.is_file(), "{}", stem.display());
    let mut texts = Vec::new();
    if let Some(t) = pdftotext_args(&pdf, &[]) {
        texts.push(joined(&t));
    }
    if let Some(t) = docx_in_order(&docx) {
        texts.push(joined(&t));
    }
    for t in &texts {
        for e in expected {
            assert!(t.contains(e), "{}: {e}\n{t}", stem.display());
        }
    }
    if let Some(bad) = crate::docx_schema::invalid(&docx) {
        assert!(bad.is_empty(), "{bad:#?}");
    }
    assert!(!texts.is_empty() || !ci());
    texts
}

#[test]
fn the_drafts_list_the_accepted_nominees_once_grouped_and_cite_every_senders_proposal() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    received(root, true);
    let o = review(root, &[]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for said in [
        "Đã ghi dự thảo tờ trình: ket-qua/du-thao/to-trinh (.docx, .pdf)",
        "Đã ghi dự thảo quyết định: ket-qua/du-thao/quyet-dinh-giay-khen-chu-tich-huyen (.docx, .pdf), 8 đối tượng",
        "Đã ghi dự thảo quyết định: ket-qua/du-thao/quyet-dinh-bang-khen-chu-tich-tinh (.docx, .pdf)",
        "Đã ghi danh sách khen thưởng: ket-qua/du-thao/danh-sach-khen-thuong-giay-khen-chu-tich-huyen.xlsx",
        "Đã ghi danh sách khen thưởng: ket-qua/du-thao/danh-sach-khen-thuong-bang-khen-chu-tich-tinh.xlsx",
        "KHÔNG ĐƯA VÀO DANH SÁCH: Đỗ Thị Lan (in/98-TTr-UBND_xa-ninh-hai.zip): đã được khen cùng hình thức",
        "KHÔNG ĐƯA VÀO DANH SÁCH: Hoàng Minh Tuấn (in/ninh-hai-ban-giay): đã có trong danh sách theo đề nghị trước, Hoàng Minh Tuấn (in/98-TTr-UBND_xa-ninh-hai.zip)",
    ] {
        assert!(stdout.contains(said), "{said}\n{stdout}");
    }
    assert!(!stdout.contains("Lưu ý: tệp cấu hình"), "{stdout}");
    let dir = root.join("ket-qua/du-thao");

    // The office's tờ trình: every sender's proposal by number and date, "…" for its own.
    read_both(
        &dir.join("to-trinh"),
        &[
            "PHÒNG NỘI VỤ HUYỆN HOA LƯ",
            "Số: …/TTr-PNV",
            "Hoa Lư, ngày … tháng … năm 2026",
            "Kính gửi: Chủ tịch Ủy ban nhân dân huyện Hoa Lư.",
            "Tờ trình số 98/TTr-UBND ngày 12/11/2021 của Ủy ban nhân dân xã Ninh Hải",
            "Tờ trình số 152/TTr-UBND ngày 27/12/2021 của Ủy ban nhân dân xã Trường Yên",
            "Tờ trình số 45/TTr-UBND ngày 15/11/2021 của Ủy ban nhân dân xã Ninh Giang",
            "(chưa đủ điều kiện, đã trả lại để hoàn thiện)",
            // The tampered bundle: its proposal's number no longer read, returned.
            "- Tờ trình số … ngày … của Ủy ban nhân dân huyện Hoa Lư (chưa đủ điều kiện",
            "quyết định tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư cho 05 cá nhân và 03 tập thể (có dự thảo Quyết định và danh sách kèm theo)",
            "TRƯỞNG PHÒNG",
            "Nguyễn Văn A",
        ],
    );

    // The Giấy khen decision: its list holds exactly the accepted nominees, once each, I then
    // II, in the senders' order.
    let texts = read_both(
        &dir.join("quyet-dinh-giay-khen-chu-tich-huyen"),
        &[
            "ỦY BAN NHÂN DÂN HUYỆN HOA LƯ",
            "Số: …/QĐ-UBND",
            "Hoa Lư, ngày … tháng … năm …",
            "QUYẾT ĐỊNH",
            "Về việc tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HOA LƯ",
            "Căn cứ …;",
            "Xét đề nghị của Phòng Nội vụ huyện Hoa Lư tại Tờ trình số …/TTr-PNV ngày … tháng … năm …",
            "Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư cho 05 cá nhân và 03 tập thể",
            "Điều 3.",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Trần Văn B",
            "DANH SÁCH",
            "(Ban hành kèm theo Quyết định số …/QĐ-UBND ngày … tháng … năm … của Chủ tịch Ủy ban nhân dân huyện Hoa Lư)",
        ],
    );
    for t in &texts {
        let list = &t[t.find("DANH SÁCH").unwrap()..];
        assert!(!list.contains("Đỗ Thị Lan"), "{list}");
        let mut last = list.find("CÁ NHÂN").unwrap();
        for name in GIAY_KHEN_INDIVIDUALS {
            assert_eq!(list.matches(name).count(), 1, "{name}\n{list}");
            let at = list.find(name).unwrap();
            assert!(at > last, "{name} out of order\n{list}");
            last = at;
        }
        let collectives = list.find("TẬP THỂ").unwrap();
        assert!(collectives > last, "{list}");
        last = collectives;
        // A collective's name may be in an individual's unit too: found after the last one.
        for name in GIAY_KHEN_COLLECTIVES {
            let at = list[last..].find(name).map(|i| i + last);
            assert!(at.is_some(), "{name} out of order\n{list}");
            last = at.unwrap_or(last);
        }
    }
    // The Bằng khen decision: the form of example 03, its nominees alone.
    let texts = read_both(
        &dir.join("quyet-dinh-bang-khen-chu-tich-tinh"),
        &["Về việc tặng Bằng khen", "Trần Đức Long"],
    );
    for t in &texts {
        assert!(!t.contains("Hoàng Văn Dũng"), "{t}");
    }

    // The sheets: one per decision, named by its form as the decision is (each form is a
    // decision of its own, and `certificates` prints one decision's list); no list of all.
    assert!(!dir.join("danh-sach-khen-thuong.xlsx").exists());
    let read = |f: &str| -> Vec<Vec<String>> {
        let sheets = table::read(&dir.join(f)).unwrap().sheets;
        assert_eq!(sheets[0].name, "Danh sách");
        sheets[0]
            .grid(200, 14)
            .iter()
            .map(|r| r.iter().map(cell_text).collect())
            .collect()
    };
    let bang_khen = read("danh-sach-khen-thuong-bang-khen-chu-tich-tinh.xlsx");
    let bk: Vec<&Vec<String>> = bang_khen[1..].iter().filter(|r| !r[0].is_empty()).collect();
    assert!(
        !bk.is_empty() && bk.iter().all(|r| r[7] == "bang_khen_chu_tich_tinh"),
        "{bk:?}"
    );
    let rows = read("danh-sach-khen-thuong-giay-khen-chu-tich-huyen.xlsx");
    assert!(
        rows[1..]
            .iter()
            .filter(|r| !r[0].is_empty())
            .all(|r| r[7] == "giay_khen_chu_tich_huyen"),
        "{rows:?}"
    );
    assert_eq!(bang_khen[0], rows[0]);
    // Numbered from 1 in each.
    assert_eq!(bk[0][0], "1");
    let names_bk: Vec<String> = bk.iter().map(|r| r[1].clone()).collect();
    assert_eq!(
        rows[0],
        [
            "STT",
            "Họ và tên / Tên tập thể",
            "Loại",
            "Giới tính",
            "Ngày sinh (năm sinh)",
            "Chức vụ, đơn vị",
            "Hình thức",
            "Mã hình thức",
            "Phong trào",
            "Mã phong trào",
            "Thành tích",
            "Nơi đề nghị",
            "Tờ trình số",
            "Ngày tờ trình",
        ]
    );
    let data: Vec<&Vec<String>> = rows[1..].iter().filter(|r| !r[0].is_empty()).collect();
    let names: Vec<&str> = data.iter().map(|r| r[1].as_str()).collect();
    let giay_khen: Vec<&str> = data
        .iter()
        .filter(|r| r[7] == "giay_khen_chu_tich_huyen")
        .map(|r| r[1].as_str())
        .collect();
    let expected: Vec<&str> = GIAY_KHEN_INDIVIDUALS
        .into_iter()
        .chain(GIAY_KHEN_COLLECTIVES)
        .collect();
    assert_eq!(giay_khen, expected);
    assert!(
        names_bk.iter().any(|n| n == "Trần Đức Long"),
        "{names_bk:?}"
    );
    assert!(!names.contains(&"Trần Đức Long"), "{names:?}");
    let mut unique = names.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "each once: {names:?}");
    for (i, r) in data.iter().enumerate() {
        assert_eq!(r[0], (i + 1).to_string());
    }
    let tuan = data.iter().find(|r| r[1] == "Hoàng Minh Tuấn").unwrap();
    assert_eq!(tuan[2], "Cá nhân");
    assert_eq!(tuan[3], "Nam");
    assert_eq!(
        tuan[6],
        "Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư"
    );
    assert_eq!(tuan[9], "covid19-hoa-lu-2021");
    assert_eq!(tuan[11], "Ủy ban nhân dân xã Ninh Hải");
    assert_eq!(tuan[12], "98/TTr-UBND");
    assert_eq!(tuan[13], "2021-11-12");
    assert!(tuan[10].starts_with("thành tích xuất sắc"), "{tuan:?}");
    let trang = data.iter().find(|r| r[1] == "Lê Thu Trang").unwrap();
    assert_eq!(trang[3], "Nữ");
    assert_eq!(
        trang[10],
        "Hoàn thành xuất sắc nhiệm vụ tình nguyện viên tại chốt kiểm soát dịch"
    );
    let station = data
        .iter()
        .find(|r| r[1] == "Trạm Y tế xã Ninh Hải")
        .unwrap();
    assert_eq!((station[2].as_str(), station[3].as_str()), ("Tập thể", ""));

    // Again without --force: refused before anything is written, the tree byte-identical.
    fs::remove_file(root.join("ket-qua/tong-hop.xlsx")).unwrap();
    fs::remove_file(root.join("ket-qua/bao-cao-tham-dinh.html")).unwrap();
    fs::remove_dir_all(root.join("ket-qua/tra-lai")).unwrap();
    let before = tree_bytes(root);
    let o = review(root, &[]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("ket-qua/du-thao/to-trinh.docx") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(tree_bytes(root), before, "nothing written");
    // With it: written again, the same bytes.
    let o = review(root, &["--force"]);
    assert_eq!(o.status.code(), Some(1));
    for f in [
        "danh-sach-khen-thuong-giay-khen-chu-tich-huyen.xlsx",
        "quyet-dinh-giay-khen-chu-tich-huyen.pdf",
    ] {
        let now = fs::read(dir.join(f)).unwrap();
        let was = &before.iter().find(|(p, _)| p.ends_with(f)).unwrap().1;
        assert_eq!(&now, was, "{f}: deterministic");
    }

    // A folder where a draft goes: refused, --force or not, nothing written.
    fs::remove_file(dir.join("to-trinh.pdf")).unwrap();
    fs::create_dir(dir.join("to-trinh.pdf")).unwrap();
    let before = tree_bytes(root);
    let o = review(root, &["--force"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("du-thao/to-trinh.pdf"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(tree_bytes(root), before);
}

#[test]
fn without_the_settings_the_drafts_have_gaps_and_nothing_accepted_drafts_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    received(root, false);
    let o = review(root, &["--no-config", "--lang", "en"]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("Draft decision written: ket-qua/du-thao/quyet-dinh-giay-khen-chu-tich-huyen (.docx, .pdf), 8 nominees"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Note: the settings file (.dossier.yaml) does not give co_quan_tiep_nhan, co_quan_quyet_dinh; the drafts leave \"…\" there"),
        "{stdout}"
    );
    // In Vietnamese whatever the terminal's language, "…" where the settings go.
    let dir = root.join("ket-qua/du-thao");
    read_both(
        &dir.join("quyet-dinh-giay-khen-chu-tich-huyen"),
        &[
            "Số: …/QĐ-…",
            "…, ngày … tháng … năm …",
            "(Ban hành kèm theo Quyết định số …/QĐ-… ngày … tháng … năm … của …)",
            "Xét đề nghị của … tại Tờ trình số …/TTr-…",
        ],
    );
    read_both(&dir.join("to-trinh"), &["Kính gửi: ….", "Số: …/TTr-…"]);

    // Only the returned dossiers: no draft, said.
    let only = tempfile::tempdir().unwrap();
    copy_tree(
        &repo().join("examples/invalid/BB003-quorum-not-met"),
        &only.path().join("in/ninh-giang"),
    );
    let o = dossier(
        only.path(),
        &["review", "in", "-o", "kq", "--today", TODAY, "--no-config"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout)
        .contains("Không có đề nghị nào được chấp nhận: không soạn dự thảo quyết định (du-thao)."));
    assert!(!only.path().join("kq/du-thao").exists());
    // An earlier review's draft decision left there: said, never removed.
    fs::create_dir_all(only.path().join("kq/du-thao")).unwrap();
    fs::write(only.path().join("kq/du-thao/quyet-dinh.pdf"), "x").unwrap();
    let o = dossier(
        only.path(),
        &[
            "review",
            "in",
            "-o",
            "kq",
            "--today",
            TODAY,
            "--no-config",
            "--force",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("1 tệp trong thư mục du-thao không do lần xem xét này viết")
            && stdout.contains("kq/du-thao/quyet-dinh.pdf"),
        "{stdout}"
    );
    assert!(only.path().join("kq/du-thao/quyet-dinh.pdf").exists());
}
