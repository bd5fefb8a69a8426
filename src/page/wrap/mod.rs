//! Breaking text into lines of a given width.
//!
//! Table cells and paragraphs are filled greedily: a line takes words while they fit, and a
//! word is cut only when it alone is wider than the line (a long file path). Centred headings
//! are different: a typist breaks "ỦY BAN NHÂN DÂN XÃ NINH HẢI" as "ỦY BAN NHÂN DÂN / XÃ NINH
//! HẢI", never "ỦY BAN NHÂN DÂN XÃ NINH / HẢI" with a lone word, and never between "NHÂN" and
//! "DÂN" just to make two lines even. [`heading`] breaks a name in capitals where a clerk would
//! (between words that belong apart, preferably before "VÀ" or an administrative unit, see
//! [`clerk_breaks`]), and other headings as a pyramid. The DOCX asks the same function for the
//! same lines, so both files break a name alike.

use super::fonts::Fonts;
use super::layout::Style;

/// Break `text` into lines no wider than `width` points (the first `indent` narrower): at
/// spaces, and inside a word only when the word alone is too wide. Widths add up glyph by glyph
/// (no kerning, exact advances: see `Fonts::advance`), so each character is measured once and a huge input wraps in linear time.
/// Always at least one line, possibly empty.
pub(crate) fn wrap(
    fonts: &Fonts,
    style: Style,
    text: &str,
    width: f32,
    indent: f32,
) -> Vec<String> {
    // Work in thousandths of an em, the unit glyph advances come in.
    let units = |w: f32| w / style.size * 1000.0;
    let room = |lines: &Vec<String>| {
        units(if lines.is_empty() {
            width - indent
        } else {
            width
        })
    };
    let advance = |c: char| fonts.advance(style.face, c);
    let space = advance(' ');
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_width = 0.0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word_width: f32 = word.chars().map(advance).sum();
        if !current.is_empty() && current_width + space + word_width <= room(&lines) {
            current.push(' ');
            current.push_str(word);
            current_width += space + word_width;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // The word starts a line: cut it where it must be cut, if it is too wide.
        current_width = 0.0;
        // Where the piece may break softly, and the width of what follows that point.
        let mut soft_break: Option<(usize, f32)> = None;
        let mut start = 0;
        for (i, c) in word.char_indices() {
            let w = advance(c);
            if current_width + w > room(&lines) && i > start {
                // After the last `/`, `_` or `.` of the piece, or before its last `-`, if
                // there is one (paths, file names and symbols read best broken there), else
                // before this character.
                let (at, carried) = soft_break.unwrap_or((i, 0.0));
                lines.push(word[start..at].to_owned());
                start = at;
                current_width = carried;
                soft_break = None;
            }
            current_width += w;
            if matches!(c, '/' | '_' | '.') {
                soft_break = Some((i + c.len_utf8(), 0.0));
            } else if c == '-' && i > start {
                // Before a hyphen, so the hyphen starts the next line: a line ending in one
                // reads as a word hyphenated by the layout, and text extraction (pdftotext)
                // drops it, joining `nhan-dan-` `xa` into `nhan-danxa`.
                soft_break = Some((i, w));
            } else if let Some((_, carried)) = soft_break.as_mut() {
                *carried += w;
            }
        }
        current = word[start..].to_owned();
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// Break a paragraph of running text as Word and LibreOffice break it: at spaces, and also
/// after a hyphen inside a word ("COVID-" / "19", "NĐ-" / "CP") when the whole word does not
/// fit at the end of a line but its part up to the hyphen does. The drafts' paragraphs are
/// wrapped so, that their DOCX breaks at the same places; the cover list keeps [`wrap`], whose
/// file names must not end a line in a hyphen.
pub(crate) fn wrap_text(
    fonts: &Fonts,
    style: Style,
    text: &str,
    width: f32,
    indent: f32,
) -> Vec<String> {
    let measure = |s: &str| fonts.width(style.face, style.size, s);
    let space = measure(" ");
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_width = 0.0_f32;
    let room = |lines: &Vec<String>| {
        if lines.is_empty() {
            width - indent
        } else {
            width
        }
    };
    let mut words: std::collections::VecDeque<String> = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    while let Some(word) = words.pop_front() {
        let w = measure(&word);
        let lead = if current.is_empty() { 0.0 } else { space };
        if current_width + lead + w <= room(&lines) {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(&word);
            current_width += lead + w;
            continue;
        }
        // The longest part up to a hyphen inside the word that still fits on this line.
        let cut = word
            .char_indices()
            .filter(|&(i, c)| {
                // '-' is one byte: `i + 1` is the next character's boundary.
                let before = word.get(..i).and_then(|b| b.chars().next_back());
                let after = word.get(i + 1..).and_then(|a| a.chars().next());
                c == '-'
                    && before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric)
            })
            .map(|(i, _)| i + 1)
            .filter(|&end| {
                word.get(..end)
                    .is_some_and(|head| current_width + lead + measure(head) <= room(&lines))
            })
            .max();
        if let Some((head, tail)) = cut.and_then(|end| word.get(..end).zip(word.get(end..))) {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(head);
            lines.push(std::mem::take(&mut current));
            current_width = 0.0;
            words.push_front(tail.to_owned());
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            current_width = 0.0;
            words.push_front(word);
            continue;
        }
        // Alone and too wide: cut as `wrap` cuts it.
        let mut pieces = wrap(
            fonts,
            style,
            &word,
            width,
            if lines.is_empty() { indent } else { 0.0 },
        );
        let last = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
        current_width = measure(&last);
        current = last;
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// Most words and lines a heading is searched for its best shape; beyond that (a body name of
/// a hundred words is not a heading anyone typed) it is wrapped like a paragraph.
const MAX_HEADING_WORDS: usize = 40;
const MAX_HEADING_LINES: usize = 4;
/// Most words [`clerk_breaks`] searches (a summary of three lines runs to 50): every way of
/// cutting 80 words into four lines is 82,160 cuts, each added up in constant time.
const MAX_CLERK_WORDS: usize = 80;

/// Break a centred heading into as few lines as `width` allows, shaped as a pyramid: each line
/// no wider than the one above it, and the top line as short as that allows. When no pyramid
/// fits (a long word at the end), lines are as even as the count allows instead.
///
/// A heading is broken as a clerk breaks it ([`clerk_breaks`]): a name in capitals, and a
/// summary in sentence case alike ("… của Chủ / tịch" was the pyramid's); the pyramid is the
/// fallback when no such break fits.
pub(crate) fn heading(fonts: &Fonts, style: Style, text: &str, width: f32) -> Vec<String> {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let measure = |s: &str| fonts.width(style.face, style.size, s);
    if let Some(lines) = clerk_breaks(&words, width, &measure) {
        return lines;
    }
    pyramid(fonts, style, text, width)
}

/// The pyramid: see [`heading`].
fn pyramid(fonts: &Fonts, style: Style, text: &str, width: f32) -> Vec<String> {
    let lines = wrap(fonts, style, text, width, 0.0);
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    if lines.len() < 2 || words.len() > MAX_HEADING_WORDS || lines.len() > MAX_HEADING_LINES {
        return lines;
    }
    let widths: Vec<f32> = words
        .iter()
        .map(|w| fonts.width(style.face, style.size, w))
        .collect();
    let space = fonts.width(style.face, style.size, " ");
    let mut search = Pyramid {
        widths: &widths,
        space,
        best: None,
        ends: Vec::new(),
    };
    search.run(0, lines.len(), width);
    match search.best {
        Some((_, ends)) => {
            let mut out = Vec::with_capacity(ends.len());
            let mut start = 0;
            for end in ends {
                out.push(words[start..end].join(" "));
                start = end;
            }
            out
        }
        None => even(fonts, style, text, width, lines.len()),
    }
}

/// Whether `text` is a name in capitals (no lowercase letter): body names, signature lines.
/// In a sentence (a summary) a place name is only its capitalised words: "xã cho các tập thể"
/// names no commune.
fn is_capitals(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// Words a clerk never breaks between, longest first where one holds another. "HỢP TÁC XÃ",
/// "XÃ HỘI" and "CẤP XÃ" are here so that their "XÃ" is not taken for a commune.
const COMPOUNDS: &[&str] = &[
    "MẶT TRẬN TỔ QUỐC VIỆT NAM",
    "MẶT TRẬN TỔ QUỐC",
    "HỘI ĐỒNG NHÂN DÂN",
    "ỦY BAN NHÂN DÂN",
    "UỶ BAN NHÂN DÂN",
    "ĐOÀN THANH NIÊN",
    "CỘNG SẢN HỒ CHÍ MINH",
    "HỒ CHÍ MINH",
    "CỰU CHIẾN BINH",
    "BAN CHỈ HUY",
    "CHỈ HUY TRƯỞNG",
    "CHỈ HUY PHÓ",
    "PHÓ CHỦ TỊCH",
    "PHÓ CHỈ HUY TRƯỞNG",
    "HỢP TÁC XÃ",
    "HỘ GIA ĐÌNH",
    "TRUNG HỌC CƠ SỞ",
    "TRUNG HỌC PHỔ THÔNG",
    "TỔ DÂN PHỐ",
    "NHÂN DÂN",
    "ỦY BAN",
    "UỶ BAN",
    "HỘI ĐỒNG",
    "VĂN PHÒNG",
    "CHỈ HUY",
    "QUÂN SỰ",
    "THI ĐUA",
    "KHEN THƯỞNG",
    "CÔNG AN",
    "Y TẾ",
    "VIỆT NAM",
    "XÃ HỘI",
    "CỘNG HÒA",
    "CHỦ NGHĨA",
    "CHỦ TỊCH",
    "BÍ THƯ",
    "ĐẢNG ỦY",
    "ĐẢNG BỘ",
    "CHI BỘ",
    "THANH NIÊN",
    "PHỤ NỮ",
    "NÔNG DÂN",
    "LIÊN ĐOÀN",
    "LAO ĐỘNG",
    "THƯƠNG BINH",
    "GIÁO DỤC",
    "ĐÀO TẠO",
    "NỘI VỤ",
    "TÀI CHÍNH",
    "KẾ HOẠCH",
    "ĐẦU TƯ",
    "VĂN HÓA",
    "THỂ THAO",
    "DU LỊCH",
    "THÔNG TIN",
    "TRUYỀN THÔNG",
    "NÔNG NGHIỆP",
    "PHÁT TRIỂN",
    "NÔNG THÔN",
    "MÔI TRƯỜNG",
    "TÀI NGUYÊN",
    "XÂY DỰNG",
    "GIAO THÔNG",
    "VẬN TẢI",
    "KHOA HỌC",
    "CÔNG NGHỆ",
    "CÔNG THƯƠNG",
    "TƯ PHÁP",
    "THANH TRA",
    "TRƯỜNG HỌC",
    "TIỂU HỌC",
    "MẦM NON",
    "XUNG KÍCH",
    "CỨU HỘ",
    "CỨU NẠN",
    "GIA ĐÌNH",
    "XÁC NHẬN",
    "BÁO CÁO",
    "THÀNH TÍCH",
    "THỦ TRƯỞNG",
    "ĐƠN VỊ",
    "TRƯỞNG THÔN",
    "CẤP XÃ",
    "CẤP HUYỆN",
    "CẤP TỈNH",
    "ĐẠI DIỆN",
    "BIÊN BẢN",
    "THƯ KÝ",
    "CHỦ TRÌ",
    "THƯỜNG TRỰC",
    "SƯ ĐOÀN",
    "TRUNG ĐOÀN",
    "TIỂU ĐOÀN",
    "ĐẠI ĐỘI",
    "BỘ ĐỘI",
    "BIÊN PHÒNG",
    "PHÒNG, CHỐNG",
    "GIẤY KHEN",
    "BẰNG KHEN",
    "HUÂN CHƯƠNG",
    "CHIẾN SĨ",
    "TẬP THỂ",
    "CÁ NHÂN",
    "ĐỀ NGHỊ",
    "XUẤT SẮC",
    "ĐỘT XUẤT",
    "BÌNH XÉT",
    "CHÍNH PHỦ",
    "THỦ TƯỚNG",
    "DỊCH BỆNH",
    "CHUYÊN ĐỀ",
    "PHONG TRÀO",
    "CÔNG TÁC",
    "TRUY VẾT",
    "KHOANH VÙNG",
    "ỨNG PHÓ",
    "LŨ LỤT",
    "BÃO LŨ",
    "SƠ KẾT",
    "TỔNG KẾT",
    "NHIỆM VỤ",
    "QUỐC PHÒNG",
    "AN NINH",
    "THIÊN TAI",
    "TÌM KIẾM",
    "DÂN QUÂN",
    "TỰ VỆ",
];

/// Administrative units, a place name after them: a clerk breaks before one ("… NHÂN DÂN / XÃ
/// MINH LONG") and never between it and its name. Longest first where one holds another.
const UNITS: &[&str] = &[
    "THÀNH PHỐ",
    "THỊ TRẤN",
    "THỊ XÃ",
    "ĐẶC KHU",
    "KHU PHỐ",
    "PHƯỜNG",
    "HUYỆN",
    "QUẬN",
    "TỈNH",
    "THÔN",
    "XÓM",
    "ẤP",
    "BẢN",
    "XÃ",
];

/// How bad a break between two words is, for [`clerk_breaks`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// Never here: inside a compound, a unit and its place name, around a dash, before a
    /// number, after an abbreviation ("TM.").
    Bound,
    /// Where a clerk breaks: before "VÀ", before a unit, after a comma or after "CỦA".
    Preferred,
    /// Between two words that belong apart, but not where a clerk would choose.
    Neutral,
    /// Allowed but ugly: after "VÀ" (it opens the next part).
    Poor,
}

/// The word as compared with the lists: capitals, without the brackets and quotes around it
/// or the punctuation that closes it ("(khen" is "KHEN").
fn key(word: &str) -> String {
    word.trim_start_matches(['(', '“', '"', '‘'])
        .trim_end_matches([',', ';', ':', ')', '”', '"', '’', '.'])
        .to_uppercase()
}

/// Whether a word closes a part of a sentence: a comma, a semicolon, a bracket.
fn closes(word: &str) -> bool {
    word.ends_with([',', ';', ':', ')'])
}

/// How many words from `at` make `phrase` (0: they do not). A word inside the phrase that
/// closes a part ends it ("NHÂN, DÂN" is two items), unless the phrase has that comma
/// ("PHÒNG, CHỐNG").
fn starts(words: &[String], at: usize, phrase: &str) -> usize {
    let parts: Vec<&str> = phrase.split(' ').collect();
    let fits = parts.len() <= words.len().saturating_sub(at)
        && parts.iter().enumerate().all(|(i, p)| {
            words.get(at + i).is_some_and(|w| {
                key(w) == key(p) && (i + 1 == parts.len() || closes(w) == closes(p))
            })
        });
    if fits {
        parts.len()
    } else {
        0
    }
}

/// How each pair of neighbouring words may be broken: `joins[i]` is between word `i` and `i+1`.
fn joins(words: &[&str]) -> Vec<Join> {
    let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
    let n = words.len();
    let mut joins = vec![Join::Neutral; n.saturating_sub(1)];
    let bind = |joins: &mut Vec<Join>, from: usize, len: usize| {
        for j in joins.iter_mut().skip(from).take(len.saturating_sub(1)) {
            *j = Join::Bound;
        }
    };
    let mut in_compound = vec![false; n];
    let mut i = 0;
    while i < n {
        let len = COMPOUNDS
            .iter()
            .map(|c| starts(&upper, i, c))
            .max()
            .unwrap_or(0);
        if len > 1 {
            bind(&mut joins, i, len);
            for f in in_compound.iter_mut().skip(i).take(len) {
                *f = true;
            }
            i += len;
        } else {
            i += 1;
        }
    }
    // A unit word (not inside a compound: "HỢP TÁC XÃ") and its place name, up to a comma,
    // "VÀ", the next unit or the end.
    let unit_at = |i: usize| -> usize {
        if in_compound.get(i).copied().unwrap_or(true) {
            return 0;
        }
        UNITS
            .iter()
            .map(|u| starts(&upper, i, u))
            .max()
            .unwrap_or(0)
    };
    // In a sentence ("… Ủy ban nhân dân huyện Hoa Lư") a place name is its capitalised
    // words; in a name in capitals, every word up to a comma, "VÀ" or the next unit.
    let capitals = is_capitals(&words.join(" "));
    let named = |i: usize| {
        capitals
            || words.get(i).is_some_and(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
    };
    let mut i = 0;
    while i < n {
        let unit = unit_at(i);
        // A unit with no name after it ("CẤP XÃ" aside, "… CỦA XÃ", "xã cho") is a plain word.
        if unit == 0 || i + unit >= n || closes(&upper[i + unit - 1]) || !named(i + unit) {
            i += 1;
            continue;
        }
        // A clerk breaks an agency's name before its unit; a sentence keeps "Ủy ban nhân dân
        // huyện Hoa Lư" whole where it can.
        if capitals && i > 0 && joins[i - 1] != Join::Bound {
            joins[i - 1] = Join::Preferred;
        }
        let mut end = i + unit; // first word of the name
        while end < n {
            let last = closes(&upper[end]);
            end += 1;
            if last || end >= n || upper[end] == "VÀ" || unit_at(end) > 0 || !named(end) {
                break;
            }
        }
        bind(&mut joins, i, end - i);
        i = end;
    }
    for i in 0..n.saturating_sub(1) {
        if joins[i] == Join::Bound {
            continue;
        }
        let (here, next) = (&upper[i], &upper[i + 1]);
        let dash = |w: &str| matches!(w, "-" | "–" | "—");
        let abbreviation = here.ends_with('.') && here.chars().count() <= 4;
        let number = next.chars().all(|c| c.is_ascii_digit());
        joins[i] = if dash(here) || dash(next) || abbreviation || number {
            Join::Bound
        } else if next == "VÀ" || closes(here) || here == "CỦA" {
            Join::Preferred
        } else if !capitals
            && (matches!(next.as_str(), "CHO" | "TRONG" | "TẠI") || next.starts_with('('))
        {
            // A sentence breaks well before what it is for, where and in brackets.
            Join::Preferred
        } else if here == "VÀ" {
            Join::Poor
        } else {
            joins[i]
        };
    }
    joins
}

/// Break a name in capitals into as few lines no wider than `width` as its words allow,
/// breaking only between words that belong apart and, among those, where a clerk would: before
/// "VÀ", before an administrative unit, after a comma ("VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN / VÀ ỦY BAN
/// NHÂN DÂN / XÃ MINH LONG"). Lines as even as that allows, up to four; a name that needs more
/// is filled line by line. None when a group of words that must stay together is wider than
/// the line.
pub(crate) fn clerk_breaks(
    words: &[&str],
    width: f32,
    measure: &dyn Fn(&str) -> f32,
) -> Option<Vec<String>> {
    if words.is_empty() || words.len() > MAX_CLERK_WORDS {
        return None;
    }
    let joins = joins(words);
    // Groups of bound words, and the join after each group.
    let mut groups: Vec<String> = Vec::new();
    let mut after: Vec<Join> = Vec::new();
    let mut current = String::new();
    for (i, w) in words.iter().enumerate() {
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(w);
        match joins.get(i) {
            Some(Join::Bound) => {}
            Some(j) => {
                groups.push(std::mem::take(&mut current));
                after.push(*j);
            }
            None => groups.push(std::mem::take(&mut current)),
        }
    }
    // Widths add up (no kerning): a line's width is its groups' and the spaces between.
    let space = measure(" ");
    let mut prefix = vec![0.0_f32];
    for g in &groups {
        let last = prefix.last().copied().unwrap_or(0.0);
        prefix.push(last + measure(g));
    }
    let span = |from: usize, to: usize| {
        prefix[to] - prefix[from] + space * (to - from).saturating_sub(1) as f32
    };
    if (0..groups.len()).any(|g| span(g, g + 1) > width) {
        return None;
    }
    // The fewest lines: greedy over the groups is optimal for that.
    let mut count = 1;
    let mut start = 0;
    let mut greedy = Vec::new();
    for g in 1..groups.len() {
        if span(start, g + 1) > width {
            count += 1;
            greedy.push(groups[start..g].join(" "));
            start = g;
        }
    }
    if count > MAX_HEADING_LINES {
        // A long name ("… phường Bến Thành, thành phố Hồ Chí Minh") is not searched for its
        // best shape, but still broken only between words that belong apart: the pyramid split
        // "NHÂN / DÂN" twice in it.
        greedy.push(groups[start..].join(" "));
        return Some(greedy);
    }
    let cost = |j: Join| match j {
        Join::Preferred => 0,
        Join::Neutral => 2,
        Join::Poor => 5,
        Join::Bound => 1000,
    };
    // Every way of cutting the groups into `count` lines (at most 80 groups and 4 lines).
    let mut best: Option<((u32, i64), Vec<usize>)> = None;
    let mut cuts: Vec<usize> = Vec::new();
    let search = |cuts: &mut Vec<usize>, best: &mut Option<((u32, i64), Vec<usize>)>| {
        let mut ends = cuts.clone();
        ends.push(groups.len());
        let mut from = 0;
        let mut widest: f32 = 0.0;
        for &e in &ends {
            let w = span(from, e);
            if w > width {
                return;
            }
            widest = widest.max(w);
            from = e;
        }
        let penalty: u32 = cuts.iter().map(|&c| cost(after[c - 1])).sum();
        // Even lines: the widest as narrow as possible, to a tenth of a point.
        let score = (penalty, (widest * 10.0) as i64);
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            *best = Some((score, ends));
        }
    };
    combinations(1, groups.len(), count - 1, &mut cuts, &mut |c| {
        search(c, &mut best);
    });
    let (_, ends) = best?;
    let mut out = Vec::with_capacity(ends.len());
    let mut from = 0;
    for e in ends {
        out.push(groups[from..e].join(" "));
        from = e;
    }
    Some(out)
}

/// Call `f` with every increasing choice of `k` cut positions in `from..to`.
fn combinations(
    from: usize,
    to: usize,
    k: usize,
    cuts: &mut Vec<usize>,
    f: &mut dyn FnMut(&mut Vec<usize>),
) {
    if k == 0 {
        f(cuts);
        return;
    }
    for c in from..to {
        cuts.push(c);
        combinations(c + 1, to, k - 1, cuts, f);
        cuts.pop();
    }
}

/// Greedy lines at the narrowest width that still gives `count` lines.
fn even(fonts: &Fonts, style: Style, text: &str, width: f32, count: usize) -> Vec<String> {
    let (mut lo, mut hi) = (0.0_f32, width);
    for _ in 0..24 {
        let mid = (lo + hi) / 2.0;
        if wrap(fonts, style, text, mid, 0.0).len() <= count {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    wrap(fonts, style, text, hi, 0.0)
}

/// Exhaustive search for the pyramid: small enough (see the limits above) to try every split.
struct Pyramid<'a> {
    widths: &'a [f32],
    space: f32,
    /// The best so far: its top line's width and where each line ends.
    best: Option<(f32, Vec<usize>)>,
    /// Where the lines placed so far end.
    ends: Vec<usize>,
}

impl Pyramid<'_> {
    /// Place `lines` lines over the words from `start`, none wider than `cap`.
    fn run(&mut self, start: usize, lines: usize, cap: f32) {
        let n = self.widths.len();
        if lines == 1 {
            if self.span(start, n) <= cap {
                let top = self
                    .ends
                    .first()
                    .map_or(self.span(start, n), |&e| self.span(0, e));
                if self.best.as_ref().is_none_or(|(w, _)| top < *w) {
                    let mut ends = self.ends.clone();
                    ends.push(n);
                    self.best = Some((top, ends));
                }
            }
            return;
        }
        // Leave at least one word for each remaining line.
        for end in start + 1..=n.saturating_sub(lines - 1) {
            let w = self.span(start, end);
            if w > cap {
                break;
            }
            self.ends.push(end);
            self.run(end, lines - 1, w);
            self.ends.pop();
        }
    }

    /// Width of words `start..end` set on one line.
    fn span(&self, start: usize, end: usize) -> f32 {
        let words: f32 = self.widths[start..end].iter().sum();
        words + self.space * (end - start).saturating_sub(1) as f32
    }
}

#[cfg(test)]
mod tests {
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
        let long = h(
            "VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN PHƯỜNG BẾN THÀNH THÀNH PHỐ HỒ CHÍ MINH",
        );
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
}
