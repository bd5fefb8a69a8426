//! `dossier review`'s return letters (#22): a returned dossier with two defects, under an office
//! whose `.dossier.yaml` names it, gets `OUT/tra-lai/<name>.docx` and `.pdf` saying both
//! defects, the office, the sender and each nominee's reason; read back as other programs read
//! them (pdftotext, python-docx) and the DOCX held to the OOXML schemas.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::util::{ci, copy_tree, dossier, pdftotext_args, repo, TODAY};

const OFFICE: &str = r#"phien_ban: 1
co_quan_tiep_nhan:
  ten: "Phòng Nội vụ huyện Hoa Lư"
  co_quan_chu_quan: "Ủy ban nhân dân huyện Hoa Lư"
  dia_danh: "Hoa Lư"
  ky_hieu: "PNV"
  nguoi_ky: { ho_ten: "Nguyễn Văn A", chuc_vu: "Trưởng phòng", tham_quyen: "" }
"#;

/// `root/in/ninh-giang`: the ND003 fixture (Trần Thị Huyền short of a standard) without Đặng
/// Thị Hòa's report (DS001); `root/.dossier.yaml` the office, unless `office` is false.
fn received(root: &Path, office: bool) {
    let dir = root.join("in/ninh-giang");
    copy_tree(
        &repo().join("examples/invalid/ND003-standard-not-met"),
        &dir,
    );
    let _ = fs::remove_file(dir.join("README.md"));
    fs::remove_file(dir.join("bao-cao/dang-thi-hoa.yaml")).unwrap();
    if office {
        fs::write(root.join(".dossier.yaml"), OFFICE).unwrap();
    }
}

/// The paragraphs python-docx reads, one a line; None when it is missing (outside CI).
#[allow(clippy::print_stdout)]
pub(crate) fn docx_text(docx: &Path) -> Option<String> {
    let probe = Command::new("python3").args(["-c", "import docx"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        assert!(!ci(), "python-docx is needed under CI");
        println!("note: python-docx not found (pip install python-docx); skipped");
        return None;
    }
    let script = "import sys, docx\nd = docx.Document(sys.argv[1])\nfor t in d.tables:\n    for r in t.rows:\n        for c in r.cells:\n            for p in c.paragraphs: print(p.text)\nfor p in d.paragraphs: print(p.text)\n";
    let out = Command::new("python3")
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

/// Lines joined, as a reader of the page reads a sentence broken over lines.
pub(crate) fn joined(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_returned_dossier_gets_a_letter_with_every_defect_the_office_and_the_reasons() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    received(root, true);
    let o = dossier(root, &["review", "in", "-o", "ket-qua", "--today", TODAY]);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        stdout.contains("Đã ghi thư trả lại: ket-qua/tra-lai/ninh-giang (.docx, .pdf)"),
        "{stdout}"
    );
    assert!(!stdout.contains("Lưu ý: tệp cấu hình"), "{stdout}");
    let pdf = root.join("ket-qua/tra-lai/ninh-giang.pdf");
    let docx = root.join("ket-qua/tra-lai/ninh-giang.docx");
    assert!(pdf.is_file() && docx.is_file());
    let expected = [
        "PHÒNG NỘI VỤ HUYỆN HOA LƯ",
        "Số: …/PNV-TĐKT",
        "Hoa Lư, ngày … tháng … năm 2026",
        "Kính gửi: Ủy ban nhân dân xã Ninh Giang.",
        // A dossier folder received is named as a folder.
        "(thư mục \"ninh-giang\")",
        // The two defects, in the check's words, with where and what to do.
        "Chưa đạt tiêu chuẩn \"khong_bi_phe_binh\"",
        // A file name may break at its hyphen: its line is what is read.
        "huyen.yaml, dòng 23).",
        "Đặng Thị Hòa (dang-thi-hoa) có trong danh sách đề nghị nhưng chưa có báo cáo thành tích",
        "Cách khắc phục: Thêm tệp bao-cao/dang-thi-hoa.yaml",
        // Each nominee not accepted, with its reason.
        "- Trần Thị Huyền: không đủ tiêu chuẩn.",
        "- Đặng Thị Hòa: không đủ hồ sơ.",
        "hoàn thiện hồ sơ và gửi lại Phòng Nội vụ huyện Hoa Lư",
        "Nguyễn Văn A",
    ];
    let mut read = 0;
    if let Some(text) = pdftotext_args(&pdf, &[]) {
        read += 1;
        let text = joined(&text);
        for e in expected {
            assert!(text.contains(e), "PDF: {e}\n{text}");
        }
    }
    if let Some(text) = docx_text(&docx) {
        read += 1;
        let text = joined(&text);
        for e in expected {
            assert!(text.contains(e), "DOCX: {e}\n{text}");
        }
    }
    if let Some(bad) = crate::docx_schema::invalid(&docx) {
        assert!(bad.is_empty(), "{bad:#?}");
    }
    assert!(read > 0 || !ci());

    // Again: refused, nothing replaced, without --force; replaced with it.
    let before = fs::read(&pdf).unwrap();
    fs::remove_file(root.join("ket-qua/tong-hop.xlsx")).unwrap();
    fs::remove_file(root.join("ket-qua/bao-cao-tham-dinh.html")).unwrap();
    let o = dossier(root, &["review", "in", "-o", "ket-qua", "--today", TODAY]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("ket-qua/tra-lai/ninh-giang.docx") && stderr.contains("--force"),
        "{stderr}"
    );
    assert!(
        !root.join("ket-qua/tong-hop.xlsx").exists(),
        "the sheet was written"
    );
    let o = dossier(
        root,
        &["review", "in", "-o", "ket-qua", "--today", TODAY, "--force"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        fs::read(&pdf).unwrap(),
        before,
        "the same letter, the same bytes"
    );
}

#[test]
fn without_the_office_the_letter_has_gaps_and_the_command_says_which_settings() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    received(root, false);
    let o = dossier(
        root,
        &[
            "review",
            "in",
            "-o",
            "ket-qua",
            "--today",
            TODAY,
            "--no-config",
            "--lang",
            "en",
        ],
    );
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("Return letter written: ket-qua/tra-lai/ninh-giang (.docx, .pdf)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Note: the settings file (.dossier.yaml) does not give co_quan_tiep_nhan;"),
        "{stdout}"
    );
    if let Some(text) = pdftotext_args(&root.join("ket-qua/tra-lai/ninh-giang.pdf"), &[]) {
        let text = joined(&text);
        // Vietnamese, whatever the terminal's language; "…" where the office goes.
        assert!(text.contains("Số: …/…-TĐKT"), "{text}");
        assert!(text.contains("…, ngày … tháng … năm 2026"), "{text}");
        assert!(
            text.contains("Kính gửi: Ủy ban nhân dân xã Ninh Giang."),
            "{text}"
        );
        assert!(
            text.contains("… đã nhận hồ sơ đề nghị khen thưởng"),
            "{text}"
        );
    }
}
