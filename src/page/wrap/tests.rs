//! Tests of line breaking: greedy fill, running text, headings as a typist and a clerk break
//! them, and the limits that keep the search linear.

use super::super::fonts::Face;
use super::*;

const BODY: Style = Style::new(Face::Regular, 11.0, 1.2);
const BOLD: Style = Style::new(Face::Bold, 12.0, 1.2);

#[test]
fn wraps_at_spaces_within_the_width() {
    let fonts = Fonts::load().expect("fonts");
    let text = "Bí thư Chi bộ kiêm Trưởng ban Công tác Mặt trận thôn Văn Lâm, xã Ninh Hải";
    let lines = wrap(&fonts, BODY, text, 120.0, 20.0);
    assert!(lines.len() > 2);
    assert_eq!(lines.join(" "), text);
    let width = |l: &str| fonts.width(BODY.face, BODY.size, l);
    assert!(width(&lines[0]) <= 100.0);
    assert!(lines.iter().all(|l| width(l) <= 120.0));
}

#[test]
fn cuts_a_word_only_when_it_alone_is_too_wide() {
    let fonts = Fonts::load().expect("fonts");
    let lines = wrap(&fonts, BODY, "tệp bao-cao/nguyen-thi-anh.yaml", 80.0, 0.0);
    assert_eq!(lines, ["tệp", "bao-cao/nguyen", "-thi-anh.yaml"]);
    let word = "Đồng-chí-Nguyễn-Văn-An-Bình";
    let lines = wrap(&fonts, BODY, word, 50.0, 0.0);
    assert!(lines.len() > 1);
    assert_eq!(lines.concat(), word);
    assert!(lines
        .iter()
        .all(|l| fonts.width(BODY.face, BODY.size, l) <= 50.0));
    // Narrower than one letter: one letter a line, and no endless loop.
    assert_eq!(wrap(&fonts, BODY, "ab", 1.0, 0.0), ["a", "b"]);
    assert_eq!(wrap(&fonts, BODY, "", 100.0, 0.0), [""]);
}

#[test]
fn file_names_break_between_their_words_before_a_hyphen() {
    let fonts = Fonts::load().expect("fonts");
    let name = "dinh-kem/to-trinh-uy-ban-nhan-dan-xa-ninh-xuan.pdf";
    let lines = wrap(&fonts, BODY, name, 70.0, 0.0);
    assert!(lines.len() > 2, "{lines:?}");
    assert_eq!(lines.concat(), name);
    for l in &lines[..lines.len() - 1] {
        assert!(!l.ends_with('-'), "a line ends in a hyphen: {lines:?}");
    }
    for l in &lines[1..] {
        assert!(
            l.starts_with('-') || l.starts_with("pdf"),
            "a word is cut: {lines:?}"
        );
    }
}

#[test]
fn running_text_breaks_after_a_hyphen_inside_a_word_as_word_does() {
    let fonts = Fonts::load().expect("fonts");
    let text = "tiêm vắc xin phòng COVID-19 trên địa bàn";
    let width = fonts.width(BODY.face, BODY.size, "tiêm vắc xin phòng COVID-") + 0.5;
    assert_eq!(
        wrap_text(&fonts, BODY, text, width, 0.0),
        ["tiêm vắc xin phòng COVID-", "19 trên địa bàn"]
    );
    // Not after a dash between words, nor when the word fits whole.
    assert_eq!(
        wrap_text(&fonts, BODY, "a - b", 200.0, 0.0),
        wrap(&fonts, BODY, "a - b", 200.0, 0.0)
    );
    let word = "Đồng-chí-Nguyễn-Văn-An-Bình".repeat(3);
    assert_eq!(wrap_text(&fonts, BODY, &word, 50.0, 0.0).concat(), word);
}

#[test]
fn a_huge_word_wraps_in_linear_time() {
    let fonts = Fonts::load().expect("fonts");
    let word = "ư".repeat(1_000_000);
    let start = std::time::Instant::now();
    let lines = wrap(&fonts, BODY, &word, 400.0, 0.0);
    assert_eq!(lines.concat(), word);
    assert!(start.elapsed().as_secs() < 10);
}

#[test]
fn headings_break_as_a_typist_breaks_them() {
    let fonts = Fonts::load().expect("fonts");
    let h = |t: &str, w: f32| heading(&fonts, BOLD, t, w);
    assert_eq!(
        h("ỦY BAN NHÂN DÂN XÃ NINH HẢI", 150.0),
        ["ỦY BAN NHÂN DÂN", "XÃ NINH HẢI"]
    );
    assert_eq!(
        h("ỦY BAN NHÂN DÂN HUYỆN HOA LƯ", 190.0),
        ["ỦY BAN NHÂN DÂN", "HUYỆN HOA LƯ"]
    );
    assert_eq!(h("ỦY BAN NHÂN DÂN", 190.0), ["ỦY BAN NHÂN DÂN"]);
    // No pyramid fits: as even as two lines can be.
    assert_eq!(h("A BBBBBBBBBB", 85.0), ["A", "BBBBBBBBBB"]);
    // Too many words to search: greedy.
    let long = "MỘT ".repeat(60);
    assert_eq!(h(&long, 200.0), wrap(&fonts, BOLD, &long, 200.0, 0.0));
}

/// The header's left column: 45 % of the text width, less the gutter (see `header_block`).
fn column() -> f32 {
    super::super::layout::TEXT_WIDTH * super::super::header::LEFT_SHARE
        - super::super::header::GUTTER
}

/// Real agency names as the header block breaks them (12 pt bold, the left column), the
/// clerk's C24 first: never inside a compound, before "VÀ" or a unit where one fits.
#[test]
fn agency_names_break_between_words_that_belong_apart() {
    let fonts = Fonts::load().expect("fonts");
    let h = |t: &str| heading(&fonts, BOLD, t, column()).join(" / ");
    // "VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN" (205.5 pt) is wider than the column less its gutter
    // (194.5 pt): the clerk's three lines need four.
    assert_eq!(
        h("VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN XÃ MINH LONG"),
        "VĂN PHÒNG / HỘI ĐỒNG NHÂN DÂN / VÀ ỦY BAN NHÂN DÂN / XÃ MINH LONG"
    );
    let wide = |t: &str, w: f32| heading(&fonts, BOLD, t, w).join(" / ");
    assert_eq!(
        wide(
            "VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN XÃ MINH LONG",
            210.0
        ),
        "VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN / VÀ ỦY BAN NHÂN DÂN / XÃ MINH LONG"
    );
    assert_eq!(
        h("ỦY BAN NHÂN DÂN XÃ MINH LONG"),
        "ỦY BAN NHÂN DÂN / XÃ MINH LONG"
    );
    assert_eq!(
        h("BAN CHỈ HUY QUÂN SỰ XÃ MINH LONG"),
        "BAN CHỈ HUY QUÂN SỰ / XÃ MINH LONG"
    );
    assert_eq!(
        h("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ GIA VIỄN"),
        "ỦY BAN / MẶT TRẬN TỔ QUỐC VIỆT NAM / XÃ GIA VIỄN"
    );
    assert_eq!(
        h("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG THÀNH PHỐ HỒ CHÍ MINH"),
        "HỘI ĐỒNG / THI ĐUA - KHEN THƯỞNG / THÀNH PHỐ HỒ CHÍ MINH"
    );
    assert_eq!(h("SỞ NỘI VỤ TỈNH NINH BÌNH"), "SỞ NỘI VỤ TỈNH NINH BÌNH");
    assert_eq!(
        h("ỦY BAN NHÂN DÂN THỊ XÃ TAM ĐIỆP"),
        "ỦY BAN NHÂN DÂN / THỊ XÃ TAM ĐIỆP"
    );
    assert_eq!(h("TRẠM Y TẾ XÃ NINH HẢI"), "TRẠM Y TẾ XÃ NINH HẢI");
    assert_eq!(
        h("CÔNG AN XÃ MINH LONG, TỈNH QUẢNG NGÃI"),
        "CÔNG AN XÃ MINH LONG, / TỈNH QUẢNG NGÃI"
    );
    assert_eq!(
        h("HỢP TÁC XÃ NÔNG NGHIỆP DỊCH VỤ XÃ GIA TRUNG"),
        "HỢP TÁC XÃ NÔNG NGHIỆP / DỊCH VỤ XÃ GIA TRUNG"
    );
    assert_eq!(
        h("BAN CHỈ HUY PHÒNG, CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN XÃ GIA VIỄN"),
        "BAN CHỈ HUY PHÒNG, CHỐNG / THIÊN TAI VÀ TÌM KIẾM / CỨU NẠN XÃ GIA VIỄN"
    );
    // More than four lines (the fresh-eyes trial's ward of a centrally run city): filled
    // line by line, still never inside "NHÂN DÂN".
    let long =
        h("VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN PHƯỜNG BẾN THÀNH THÀNH PHỐ HỒ CHÍ MINH");
    for line in long.split(" / ") {
        assert!(
            !line.ends_with("NHÂN") && !line.starts_with("DÂN"),
            "{long}"
        );
    }
    assert!(long.split(" / ").count() > 4, "{long}");
}

/// Signature lines (13 pt bold, half the text width), and the fallback when a group of
/// words that belong together is wider than the line.
#[test]
fn signature_lines_and_the_fallback() {
    let fonts = Fonts::load().expect("fonts");
    let half = super::super::layout::TEXT_WIDTH / 2.0;
    let sign = Style::new(Face::Bold, 13.0, 1.2);
    let h = |t: &str, w: f32| heading(&fonts, sign, t, w).join(" / ");
    assert_eq!(
        h("XÁC NHẬN CỦA ỦY BAN NHÂN DÂN XÃ MINH LONG", half),
        "XÁC NHẬN CỦA / ỦY BAN NHÂN DÂN XÃ MINH LONG"
    );
    assert_eq!(
        h("XÁC NHẬN CỦA BAN CHỈ HUY QUÂN SỰ XÃ MINH LONG", half),
        "XÁC NHẬN CỦA BAN CHỈ HUY / QUÂN SỰ XÃ MINH LONG"
    );
    assert_eq!(h("TM. ỦY BAN NHÂN DÂN", half), "TM. ỦY BAN NHÂN DÂN");
    // "ỦY BAN NHÂN DÂN" alone is wider than 60 points: the pyramid decides.
    let narrow = h("ỦY BAN NHÂN DÂN XÃ MINH LONG", 60.0);
    assert!(narrow.split(" / ").count() > 2, "{narrow}");
}

/// Summaries (14 pt bold, the text width) break between words that belong apart too: the
/// biên bản's "… Giấy khen của Chủ / tịch Ủy ban …" was the pyramid's.
#[test]
fn summaries_break_between_words_that_belong_apart() {
    let fonts = Fonts::load().expect("fonts");
    let summary = Style::new(Face::Bold, 14.0, 1.2);
    let width = super::super::layout::TEXT_WIDTH;
    let h = |t: &str| heading(&fonts, summary, t, width).join(" / ");
    assert_eq!(
        h("Họp bình xét đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư"),
        "Họp bình xét đề nghị tặng Giấy khen của / Chủ tịch Ủy ban nhân dân huyện Hoa Lư"
    );
    // A compound in brackets is a compound: not "(khen / thưởng".
    let bracket = h("Về việc đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã (khen thưởng đột xuất) cho các tập thể, cá nhân, hộ gia đình có thành tích xuất sắc trong ứng phó cơn bão số 7 và lũ lụt tháng 9 năm 2026");
    assert!(!bracket.contains("(khen / thưởng"), "{bracket}");
    // "xã cho": no commune named, so no place to keep together or to break before.
    let long = h("Về việc đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã cho các tập thể, cá nhân, hộ gia đình có thành tích xuất sắc đột xuất trong cứu hộ, cứu nạn đợt lũ từ ngày 24 đến ngày 27 tháng 11 năm 2026");
    for pair in [
        "tập / thể",
        "Chủ / tịch",
        "cứu / nạn",
        "ngày / 27",
        "hộ / gia",
    ] {
        assert!(!long.contains(pair), "{long}");
    }
    assert_eq!(long.split(" / ").count(), 3, "{long}");
}
