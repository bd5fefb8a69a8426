//! Where a clerk breaks a name or a summary: between words that belong apart, preferably
//! before "VÀ", an administrative unit or after a comma, never inside "NHÂN DÂN" or between a
//! unit and its place name.
//!
//! Split from the line breaking (`super`) because it is a body of knowledge of its own: the
//! compounds and units a Vietnamese heading is made of, and the search for the most even lines
//! that respects them. [`super::heading`] asks it first and falls back to the pyramid.

use super::MAX_HEADING_LINES;

/// Most words [`clerk_breaks`] searches (a summary of three lines runs to 50): every way of
/// cutting 80 words into four lines is 82,160 cuts, each added up in constant time.
const MAX_CLERK_WORDS: usize = 80;

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
