//! Tests of the cover list: determinism, embedding, layout bounds, and the text that
//! `pdftotext` gets back (skipped with a note where poppler-utils is not installed).

use std::process::Command;

use super::*;
use crate::date::Date;
use crate::page::fonts::Fonts;
use crate::page::layout::{Item, DESCENT, MARGIN_LEFT, TEXT_BOTTOM, TEXT_TOP, TEXT_WIDTH};

fn date(s: &str) -> Date {
    Date::parse(s).expect("test date")
}

fn small() -> CoverList {
    CoverList {
        layout: Layout::V2,
        campaign_set: true,
        votes_column: true,
        parent_body: Some("Ủy ban nhân dân huyện Hoa Lư".into()),
        issuer: "Ủy ban nhân dân xã Ninh Hải".into(),
        symbol: "45/TTr-UBND".into(),
        place: "Ninh Hải".into(),
        date: date("2021-11-08"),
        undated: false,
        procedure: "Thủ tục đơn giản".into(),
        procedure_basis: "Điều 55 Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ".into(),
        campaign: "Phong trào thi đua “Chung tay xây dựng nông thôn mới” năm 2021".into(),
        award_form: "Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư".into(),
        award_kind: Some("Khen thưởng đột xuất".into()),
        office: "Phòng Nội vụ huyện Hoa Lư".into(),
        copies: Some(1),
        components: vec![
            ComponentRow {
                name: "Tờ trình đề nghị khen thưởng".into(),
                symbol: "45/TTr-UBND".into(),
                date: Some(date("2021-11-08")),
                file: "to-trinh.yaml".into(),
                extent: "2 trang".into(),
            },
            ComponentRow {
                name: "Biên bản họp Hội đồng Thi đua - Khen thưởng".into(),
                symbol: "12/BB-HĐTĐKT".into(),
                date: Some(date("2021-11-05")),
                file: "bien-ban.yaml".into(),
                extent: "1,2 MB".into(),
            },
            ComponentRow {
                name: "Báo cáo thành tích của cá nhân".into(),
                symbol: String::new(),
                date: None,
                file: "bao-cao/nguyen-thi-anh.yaml".into(),
                extent: "3 trang".into(),
            },
        ],
        nominees: vec![
            nominee("Trần Văn Bình", "Trưởng thôn Đông Hải", "Cá nhân", "8/8"),
            nominee(
                "Nguyễn Thị Ánh",
                "Công an viên xã Ninh Hải",
                "Cá nhân",
                "7/8",
            ),
            nominee("Lê Thị An", "Cán bộ Hội Phụ nữ xã", "Cá nhân", "8/8"),
            nominee(
                "Thôn Đông Hải",
                "Thôn Đông Hải, xã Ninh Hải",
                "Tập thể",
                "8/8",
            ),
        ],
    }
}

fn nominee(name: &str, position_unit: &str, kind: &str, votes: &str) -> NomineeRow {
    NomineeRow {
        name: name.into(),
        position_unit: position_unit.into(),
        kind: kind.into(),
        votes: votes.into(),
    }
}

/// 500 nominees with long names and units that must wrap, in no particular order.
fn large() -> CoverList {
    const FAMILY: &[&str] = &[
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ",
        "Ngô", "Dương", "Lý",
    ];
    const MIDDLE: &[&str] = &[
        "Văn",
        "Thị",
        "Hữu",
        "Đức",
        "Ngọc",
        "Thị Thanh",
        "Xuân",
        "Quốc",
        "Minh",
        "Thị Kim",
    ];
    const GIVEN: &[&str] = &[
        "An",
        "Ánh",
        "Bình",
        "Cường",
        "Dũng",
        "Đạt",
        "Giang",
        "Hải",
        "Hằng",
        "Hưng",
        "Khoa",
        "Lan",
        "Linh",
        "Mỹ",
        "Nguyệt",
        "Phượng",
        "Quỳnh",
        "Sơn",
        "Thủy",
        "Tuyết",
        "Ước",
        "Vỹ",
        "Yến",
    ];
    const UNIT: &[&str] = &[
        "Chuyên viên Phòng Tài chính - Kế hoạch, Ủy ban nhân dân huyện Hoa Lư, tỉnh Ninh Bình",
        "Giáo viên Trường Trung học cơ sở Ninh Hải, phụ trách công tác Đội Thiếu niên Tiền phong Hồ Chí Minh",
        "Trưởng thôn Đông Hải",
        "Bí thư Chi bộ kiêm Trưởng ban Công tác Mặt trận thôn Văn Lâm, xã Ninh Hải, huyện Hoa Lư, tỉnh Ninh Bình",
        "Phó Chủ tịch Hội Nông dân xã",
    ];
    let mut c = small();
    c.nominees = (0..500)
        .map(|i| {
            let name = format!(
                "{} {} {}",
                FAMILY[i * 7 % FAMILY.len()],
                MIDDLE[i * 3 % MIDDLE.len()],
                GIVEN[i * 11 % GIVEN.len()]
            );
            let (name, kind) = if i % 50 == 7 {
                (
                    format!("Tổ dân vận khéo thôn Xuân Thành và các hộ gia đình nuôi trồng thủy sản số {i}"),
                    "Tập thể",
                )
            } else {
                (name, "Cá nhân")
            };
            nominee(&name, UNIT[i % UNIT.len()], kind, &format!("{}/9", 5 + i % 5))
        })
        .collect();
    c
}

/// Every string of the input that the PDF must give back word for word.
fn strings(c: &CoverList) -> Vec<String> {
    let mut s = vec![
        c.issuer.to_uppercase(),
        c.symbol.clone(),
        format!("{}, {}", c.place, c.date.vietnamese()),
        c.procedure.clone(),
        c.procedure_basis.clone(),
        c.campaign.clone(),
        c.award_form.clone(),
        c.office.clone(),
        "DANH MỤC HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG".into(),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into(),
        "Độc lập - Tự do - Hạnh phúc".into(),
    ];
    s.extend(c.parent_body.iter().map(|p| p.to_uppercase()));
    s.extend(c.award_kind.iter().cloned());
    if let Some(n) = c.copies {
        s.push(format!("số lượng: {n:02} bộ"));
    }
    for r in &c.components {
        s.extend([
            r.name.clone(),
            r.symbol.clone(),
            r.file.clone(),
            r.extent.clone(),
        ]);
    }
    for n in &c.nominees {
        s.extend([
            n.name.clone(),
            n.position_unit.clone(),
            n.kind.clone(),
            n.votes.clone(),
        ]);
    }
    s.retain(|x| !x.is_empty());
    s
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The PDF's text by `pdftotext` (UTF-8, page by page), or None where poppler-utils is absent.
/// Under CI (`CI` set, as `.ci/run` runs) its absence fails the test: the round trip must run
/// there, and `.ci/run` installs poppler-utils.
fn pdftotext(pdf: &[u8]) -> Option<Vec<String>> {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext is missing under CI: install poppler-utils"
        );
        println!(
            "note: pdftotext not found (apt-get install poppler-utils); text round trip skipped"
        );
        return None;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cover.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(out.status.success(), "pdftotext failed: {out:?}");
    let text = String::from_utf8(out.stdout).expect("pdftotext gives UTF-8");
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Some(pages)
}

/// Every string comes back with its words intact. A single word too wide for its cell (a long
/// file path) is necessarily cut across lines, which extracts as a space: such a word is
/// looked for with the spaces removed.
fn assert_round_trip(c: &CoverList, pages: &[String]) {
    let all = collapse(&pages.join("\n"));
    let glued: String = all.split_whitespace().collect();
    for s in strings(c) {
        let found = if s.contains(char::is_whitespace) {
            all.contains(&collapse(&s))
        } else {
            glued.contains(&s)
        };
        assert!(found, "pdftotext lost {s:?}");
    }
}

#[test]
fn same_bytes_when_rendered_twice_in_one_process() {
    let a = render(&small()).expect("render");
    let other = render(&large()).expect("render");
    let b = render(&small()).expect("render");
    assert_eq!(a, b, "second render of the same list differs");
    assert_ne!(a, other);
    let mut changed = small();
    changed.symbol = "46/TTr-UBND".into();
    assert_ne!(render(&changed).expect("render"), a);
}

#[test]
fn output_is_a_pdf_with_its_fonts_embedded() {
    let pdf = render(&small()).expect("render");
    assert!(pdf.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&pdf);
    assert_eq!(
        text.matches("/FontFile2").count(),
        3,
        "three embedded faces"
    );
    // Subset fonts carry the six-letter tag of PDF 32000 §9.6.4.
    let tagged = |t: &str| {
        t.split("/BaseFont").skip(1).any(|rest| {
            let name = rest.trim_start().trim_start_matches('/');
            name.len() > 7
                && name.as_bytes()[..6].iter().all(u8::is_ascii_uppercase)
                && name.as_bytes()[6] == b'+'
                && name[7..].starts_with("Tinos-Bold")
        })
    };
    assert!(tagged(&text), "no /BaseFont ABCDEF+Tinos-Bold");
    // The 14 standard fonts are the non-embedded ones: Type1 with a standard encoding.
    assert!(
        !text.contains("/Type1"),
        "a non-embedded base font is referenced"
    );
    assert!(!text.contains("WinAnsiEncoding"));
    assert!(!text.contains("GTS_PDFX"), "no claim of PDF/X conformance");
    // Dates come from the dossier, not the clock.
    assert!(text.contains("D:20211108000000"));
    assert!(text.trim_end().ends_with("%%EOF"));
}

#[test]
fn nothing_is_drawn_outside_the_margins() {
    let fonts = Fonts::load().expect("fonts");
    for c in [small(), large()] {
        let pages = lay_out(&fonts, &c);
        for (i, page) in pages.iter().enumerate() {
            for item in page {
                match item {
                    Item::Text {
                        face,
                        size,
                        x,
                        y,
                        text,
                    } => {
                        let right = x + fonts.width(*face, *size, text);
                        assert!(
                            *x >= MARGIN_LEFT - 0.01,
                            "{text:?} starts in the left margin"
                        );
                        assert!(
                            right <= MARGIN_LEFT + TEXT_WIDTH + 0.01,
                            "{text:?} ends in the right margin"
                        );
                        let is_page_number = *y > TEXT_TOP;
                        if is_page_number {
                            assert_eq!(text, &(i + 1).to_string());
                            assert!(i > 0, "the first page has no number");
                        } else {
                            assert!(
                                *y - DESCENT * size >= TEXT_BOTTOM - 0.01,
                                "{text:?} in the bottom margin"
                            );
                        }
                    }
                    Item::Rule { x1, y1, x2, y2 } => {
                        for x in [x1, x2] {
                            assert!(
                                *x >= MARGIN_LEFT - 0.01 && *x <= MARGIN_LEFT + TEXT_WIDTH + 0.01
                            );
                        }
                        for y in [y1, y2] {
                            assert!(*y >= TEXT_BOTTOM - 0.01 && *y <= TEXT_TOP + 0.01);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn nominees_are_numbered_in_the_order_of_the_proposal() {
    let fonts = Fonts::load().expect("fonts");
    let pages = lay_out(&fonts, &small());
    let texts: Vec<&str> = pages
        .iter()
        .flatten()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.as_str()),
            Item::Rule { .. } => None,
        })
        .collect();
    let at = |s: &str| texts.iter().position(|t| *t == s).unwrap_or(usize::MAX);
    // As the proposal lists them, not by given name (which put the collective "Thôn Đông
    // Hải" under "Hải").
    let order = [
        "Trần Văn Bình",
        "Nguyễn Thị Ánh",
        "Lê Thị An",
        "Thôn Đông Hải",
    ];
    for pair in order.windows(2) {
        assert!(
            at(pair[0]) < at(pair[1]),
            "{} should come before {}",
            pair[0],
            pair[1]
        );
    }
}

/// The small list with two rows taller than a page: many words, and one endless word.
fn tall_row() -> CoverList {
    let mut c = small();
    let huge = "Đơn vị rất dài ".repeat(1500);
    c.nominees
        .push(nominee("Phạm Văn Dài", &huge, "Cá nhân", "8/8"));
    c.nominees
        .push(nominee("Võ Thị Ý", &"x".repeat(20_000), "Cá nhân", "8/8"));
    c
}

#[test]
fn a_row_taller_than_a_page_is_split_not_looped_on() {
    let c = tall_row();
    let fonts = Fonts::load().expect("fonts");
    let pages = lay_out(&fonts, &c);
    assert!(pages.len() > 3);
    let words: usize = pages
        .iter()
        .flatten()
        .filter_map(|i| match i {
            Item::Text { text, .. } => Some(text.matches("dài").count()),
            Item::Rule { .. } => None,
        })
        .sum();
    assert_eq!(words, 1500, "every word of the tall cell is printed once");
    assert!(render(&c).is_ok());
}

#[test]
fn nfd_input_prints_as_nfc() {
    use unicode_normalization::UnicodeNormalization;
    let mut c = small();
    c.nominees[0].name = c.nominees[0].name.nfd().collect();
    c.issuer = c.issuer.nfd().collect();
    assert_eq!(
        render(&c).expect("render"),
        render(&small()).expect("render")
    );
}

#[test]
fn empty_lists_render() {
    let c = CoverList::default();
    let pdf = render(&c).expect("render");
    assert!(pdf.starts_with(b"%PDF-"));
    if let Some(pages) = pdftotext(&pdf) {
        assert!(collapse(&pages.join(" ")).contains("I. THÀNH PHẦN HỒ SƠ Không có."));
    }
}

#[test]
fn pdftotext_gives_back_the_small_list() {
    let c = small();
    let pdf = render(&c).expect("render");
    let Some(pages) = pdftotext(&pdf) else { return };
    assert_eq!(pages.len(), 1);
    assert_round_trip(&c, &pages);
    // Here every word but the long file path fits its cell, so every other string must come
    // back as it is: a number and symbol is not cut.
    let all = collapse(&pages.join("\n"));
    for s in strings(&c) {
        if s != "bao-cao/nguyen-thi-anh.yaml" {
            assert!(all.contains(&collapse(&s)), "pdftotext lost {s:?}");
        }
    }
}

#[test]
fn pdftotext_gives_back_500_nominees_with_page_numbers() {
    let c = large();
    let pdf = render(&c).expect("render");
    let Some(pages) = pdftotext(&pdf) else { return };
    assert!(pages.len() > 1);
    assert_round_trip(&c, &pages);
    for (i, page) in pages.iter().enumerate().skip(1) {
        let first = page.lines().map(str::trim).find(|l| !l.is_empty());
        assert_eq!(
            first,
            Some((i + 1).to_string().as_str()),
            "page {} number",
            i + 1
        );
    }
    // Each nominee's number appears: the table did not lose a row at a page break.
    let all = collapse(&pages.join("\n"));
    assert!(all.contains("500"));
}

/// `COVER_PDF_DUMP=DIR cargo test --release --lib dump_cover_lists -- --ignored --nocapture` writes the
/// small and the 500-nominee cover lists to DIR, to look at (`pdftoppm -png -r 60`), and prints
/// how long the large one takes to render. Does nothing otherwise.
#[test]
#[ignore = "a tool, not a test: COVER_PDF_DUMP=DIR cargo test dump_cover_lists -- --ignored"]
fn dump_cover_lists() {
    let Some(dir) = std::env::var_os("COVER_PDF_DUMP") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::write(dir.join("small.pdf"), render(&small()).expect("render")).expect("write");
    let large = large();
    let start = std::time::Instant::now();
    let pdf = render(&large).expect("render");
    println!("500 nominees: {:?}, {} bytes", start.elapsed(), pdf.len());
    std::fs::write(dir.join("large.pdf"), pdf).expect("write");
    std::fs::write(
        dir.join("tall-row.pdf"),
        render(&tall_row()).expect("render"),
    )
    .expect("write");
}

/// The page counter of the cover list's page column, on PDFs of this very writer (printpdf):
/// one page, several, and a row split over pages.
#[test]
fn the_page_counter_counts_what_printpdf_writes() {
    let fonts = Fonts::load().expect("fonts");
    for c in [small(), large(), tall_row()] {
        let laid_out = lay_out(&fonts, &c).len() as u64;
        let pdf = render(&c).expect("render");
        assert_eq!(crate::pack::pages::count(&pdf), Some(Some(laid_out)));
    }
}
