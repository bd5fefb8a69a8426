//! The words of the drafts, read back from the PDF as a clerk's reader would (`pdftotext`):
//! the clerk's two dossiers of turn 3 (C17, `tests/fixtures/clerk-turn3/C17/xa-a` and `xa-b`,
//! copies of `field/turn3/clerk/_base`) name their commune and province where the rule set
//! says "cấp xã", "cấp tỉnh"; "(qua Sở Nội vụ)" is on the "Kính gửi" line only; the legal basis
//! is one "Căn cứ" line per instrument; the body names the achievement. A value the dossier
//! does not hold exactly (a template's `<<…>>`, a form the rule set does not have, a level it
//! names no unit of) refuses the draft with its finding, in Vietnamese and in English, and under
//! `--draft-anyway` prints "…", never the placeholder, 01/01/1970 or the raw id (#18 item 4).

use std::path::Path;

use crate::util::{dossier, pdftotext, pdftotext_args, Scratch};

const DAY: &str = "2026-12-07";

/// A scratch copy of one of the clerk's dossiers (C17) as `hs/`.
fn clerk(which: &str) -> Scratch {
    Scratch::of(&format!("tests/fixtures/clerk-turn3/C17/{which}"))
}

fn draft(dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "draft", "--today", DAY, "hs", "-o", "out", "--format", "pdf",
    ];
    args.extend_from_slice(extra);
    dossier(dir, &args)
}

/// Every PDF drafted, as pdftotext reads it, whitespace made single spaces; None without
/// pdftotext.
fn texts(dir: &Path) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir.join("out")) {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "pdf") {
            let text = pdftotext(e.path())?;
            let name = e.path().strip_prefix(dir.join("out")).unwrap();
            out.push((
                name.to_string_lossy().into_owned(),
                text.split_whitespace().collect::<Vec<_>>().join(" "),
            ));
        }
    }
    out.sort();
    assert!(!out.is_empty());
    Some(out)
}

fn text_of<'a>(all: &'a [(String, String)], name: &str) -> &'a str {
    &all.iter().find(|(n, _)| n == name).unwrap().1
}

/// What no draft ever prints.
fn nothing_unprintable(all: &[(String, String)]) {
    for (name, text) in all {
        for bad in ["1970", "<<", ">>", "cấp xã", "cấp tỉnh", "cấp huyện", "_"] {
            assert!(!text.contains(bad), "{name} prints {bad:?}: {text}");
        }
    }
}

#[test]
fn the_clerks_commune_dossier_names_its_commune_and_its_achievement() {
    let s = clerk("xa-a");
    let o = draft(s.dir.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let Some(all) = texts(s.dir.path()) else {
        return;
    };
    nothing_unprintable(&all);
    let tt = text_of(&all, "to-trinh.pdf");
    let form = "Giấy khen của Chủ tịch Ủy ban nhân dân xã Minh Long";
    // In the request and in the list's title.
    assert_eq!(tt.matches(form).count(), 2, "{tt}");
    assert!(
        tt.contains("cho 01 tập thể, 03 cá nhân và 01 hộ gia đình đã có thành tích xuất sắc đột xuất trong cứu hộ, cứu nạn đợt lũ từ ngày 24 đến ngày 27 tháng 11 năm 2026 (có danh sách kèm theo)."),
        "{tt}"
    );
    assert!(tt.contains("ngày 04/12/2026"), "{tt}");
    for (name, text) in &all {
        if name.starts_with("bao-cao/") {
            assert!(
                text.contains(&format!("Đề nghị tặng {form}")),
                "{name}: {text}"
            );
        }
    }
}

#[test]
fn the_clerks_province_dossier_sends_through_the_office_once() {
    let s = clerk("xa-b");
    let o = draft(s.dir.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let Some(all) = texts(s.dir.path()) else {
        return;
    };
    nothing_unprintable(&all);
    let tt = text_of(&all, "to-trinh.pdf");
    assert_eq!(tt.matches("(qua Sở Nội vụ)").count(), 1, "{tt}");
    assert!(
        tt.contains("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi (qua Sở Nội vụ)."),
        "{tt}"
    );
    assert!(
        tt.contains("kính trình Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi xem xét, tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi"),
        "{tt}"
    );
    assert!(
        tt.contains("Kính trình Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi xem xét, quyết định./."),
        "{tt}"
    );
    let report = text_of(&all, "bao-cao/dinh-van-quy.pdf");
    assert!(
        report.contains("Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi"),
        "{report}"
    );
}

/// The "Căn cứ" lines as `pdftotext -layout` shows them: each opens its own line.
fn basis_lines(pdf: &Path) -> Option<Vec<String>> {
    let text = pdftotext_args(pdf, &["-layout"])?;
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for l in &lines {
        if let Some(at) = l.find("Căn cứ") {
            assert_eq!(at, 0, "a \"Căn cứ\" inside a line: {l}");
        }
    }
    Some(
        lines
            .iter()
            .filter(|l| l.starts_with("Căn cứ"))
            .map(|l| (*l).to_owned())
            .collect(),
    )
}

#[test]
fn the_legal_basis_is_one_line_per_instrument() {
    let s = clerk("xa-a");
    let o = draft(s.dir.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let Some(lines) = basis_lines(&s.dir.path().join("out/to-trinh.pdf")) else {
        return;
    };
    // Each opens its own line (a long one wraps onto the next), in the rule set's order.
    let want = [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ;",
    ];
    assert_eq!(lines.len(), want.len(), "{lines:?}");
    for (got, want) in lines.iter().zip(want) {
        assert!(want.starts_with(got.as_str()), "{got} / {want}");
    }
    let Some(all) = texts(s.dir.path()) else {
        return;
    };
    assert!(
        text_of(&all, "to-trinh.pdf").contains(&want.join(" ")),
        "{all:?}"
    );
}

#[test]
fn the_to_trinhs_own_basis_body_and_recipients_are_printed() {
    let s = clerk("xa-b");
    s.edit(
        "to-trinh.yaml",
        "\n# Danh sách tập thể",
        "\ncan_cu:\n  - \"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\"\n  - \"Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ\"\n  - \"Đề nghị của Ban Chỉ huy quân sự xã Minh Long\"\nnoi_dung: |\n  Ủy ban nhân dân xã Minh Long kính trình Chủ tịch Ủy ban nhân dân tỉnh\n  xem xét, tặng Bằng khen cho 01 tập thể và 01 cá nhân.\n\n  Kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.\nnoi_nhan:\n  - \"Như trên\"\n  - \"Sở Nội vụ (Phòng Thi đua, khen thưởng)\"\n  - \"Lưu: VT, VP\"\n\n# Danh sách tập thể",
    );
    let o = draft(s.dir.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let Some(all) = texts(s.dir.path()) else {
        return;
    };
    let tt = text_of(&all, "to-trinh.pdf");
    for s in [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ; Căn cứ Đề nghị của Ban Chỉ huy quân sự xã Minh Long; Ủy ban nhân dân xã Minh Long kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, tặng Bằng khen cho 01 tập thể và 01 cá nhân. Kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.",
        "- Như trên;",
        "- Sở Nội vụ (Phòng Thi đua, khen thưởng);",
        "- Lưu: VT, VP.",
    ] {
        assert!(tt.contains(s), "{s}\n{tt}");
    }
    // The drafted request is gone, not printed beside the clerk's own.
    assert!(!tt.contains("Hồ sơ gồm"), "{tt}");
    assert!(!tt.contains("- Lưu: VT."), "{tt}");
    let Some(lines) = basis_lines(&s.dir.path().join("out/to-trinh.pdf")) else {
        return;
    };
    assert_eq!(lines.len(), 3, "{lines:?}");
}

/// A refusal: exit 1, nothing written, the finding named in Vietnamese and in English; then the
/// same dossier under `--draft-anyway`, whose PDFs print "…" and none of what they must not.
fn refused_then_gapped(
    dir: &Path,
    (rule, error): (&str, bool),
    vi: &str,
    en: &str,
) -> Option<Vec<(String, String)>> {
    let (lvl_vi, lvl_en) = if error {
        ("lỗi", "error")
    } else {
        ("cảnh báo", "warning")
    };
    let o = draft(dir, &[]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains(&format!("{lvl_vi}[{rule}]")) && out.contains(vi),
        "{out}"
    );
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("Chưa soạn"),
        "{o:?}"
    );
    assert!(!dir.join("out").exists());
    let o = dossier(
        dir,
        &[
            "--lang", "en", "draft", "--today", DAY, "hs", "-o", "out", "--format", "pdf",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains(&format!("{lvl_en}[{rule}]")) && out.contains(en),
        "{out}"
    );
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("Not drafted"),
        "{o:?}"
    );
    let o = draft(dir, &["--draft-anyway"]);
    // Drafted, stamped, and the finding shown.
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains(&format!("{lvl_vi}[{rule}]")), "{out}");
    assert!(out.contains("không ký các bản này"), "{out}");
    assert!(dir.join("out/to-trinh.pdf").is_file());
    texts(dir)
}

#[test]
fn a_level_the_dossier_names_no_unit_of_is_refused_or_left_as_a_gap() {
    let s = clerk("xa-a");
    s.edit(
        "to-trinh.yaml",
        "kinh_gui: \"Chủ tịch Ủy ban nhân dân xã Minh Long\"",
        "kinh_gui: \"Chủ tịch Ủy ban nhân dân\"",
    );
    s.edit(
        "to-trinh.yaml",
        "co_quan: \"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Minh Long\"",
        "co_quan: \"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân\"",
    );
    s.edit(
        "to-trinh.yaml",
        "co_quan_cap_tren: \"Ủy ban nhân dân xã Minh Long\"",
        "",
    );
    // A warning for check (and pack, which prints no document to sign); draft is refused.
    let o = dossier(s.dir.path(), &["check", "--today", DAY, "hs"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("cảnh báo[VB008]"));
    let Some(all) = refused_then_gapped(
        s.dir.path(),
        ("VB008", false),
        "cần tên xã của hồ sơ thay cho \"cấp xã\"",
        "needs the dossier's commune in place of \"cấp xã\"",
    ) else {
        return;
    };
    nothing_unprintable(&all);
    let tt = text_of(&all, "to-trinh.pdf");
    assert!(
        tt.contains("tặng Giấy khen của Chủ tịch Ủy ban nhân dân … (khen thưởng"),
        "{tt}"
    );
}

#[test]
fn a_placeholder_date_is_refused_or_left_as_a_gap() {
    let s = clerk("xa-a");
    s.edit(
        "to-trinh.yaml",
        "ngay: 2026-12-04",
        "ngay: \"<<năm-tháng-ngày ký tờ trình>>\"",
    );
    let Some(all) = refused_then_gapped(
        s.dir.path(),
        ("HS015", true),
        "trường \"ngay\" chưa điền",
        "`ngay` is not filled in",
    ) else {
        return;
    };
    let tt = text_of(&all, "to-trinh.pdf");
    assert!(
        tt.contains("(Kèm theo Tờ trình số 58/TTr-VP ngày … của"),
        "{tt}"
    );
    // The header's date line too: the clerk fills the day in by hand.
    assert!(!tt.contains("1970") && !tt.contains("<<"), "{tt}");
    assert!(tt.contains("Minh Long, ngày … tháng … năm …"), "{tt}");
    // A report with no date of its own would take the tờ trình's: none here either.
    for (name, text) in &all {
        assert!(!text.contains("1970"), "{name}: {text}");
    }
    for (name, text) in &all {
        if name.starts_with("bao-cao/") {
            assert!(!text.contains("<<"), "{name}: {text}");
        }
    }
}

#[test]
fn an_unknown_form_is_refused_or_left_as_a_gap_never_its_id() {
    // Since #19 the rule set has the Huân chương Lao động; the Huân chương Độc lập it has not.
    let s = clerk("xa-a");
    s.edit(
        "ho-so.yaml",
        "hinh_thuc: giay_khen_chu_tich_xa",
        "hinh_thuc: huan_chuong_doc_lap_hang_ba",
    );
    let Some(all) = refused_then_gapped(
        s.dir.path(),
        ("HS009", true),
        "huan_chuong_doc_lap_hang_ba",
        "huan_chuong_doc_lap_hang_ba",
    ) else {
        return;
    };
    nothing_unprintable(&all);
    let tt = text_of(&all, "to-trinh.pdf");
    assert!(tt.contains("xem xét, tặng … (khen thưởng"), "{tt}");
    assert!(text_of(&all, "bao-cao/dinh-van-quy.pdf").contains("Đề nghị tặng …"));
}
