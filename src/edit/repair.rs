//! Repairs `dossier fix` makes to a file's text before reading it as YAML.
//!
//! Some mistakes are in the text around the values, not in a value: a zero-width space in a key,
//! a non-breaking space after a key's colon (Word's autocorrect puts one there), a Tab used to
//! indent, a value holding ": " left unquoted. The last three keep the file from parsing at all,
//! so the value-by-value repairs of `fix` (which need the parsed tree) would never see it. They
//! are made here, line by line, and each must prove itself: a file that parsed must parse to
//! the same tree with only its invisible characters and look-alike letters cleaned; a file that
//! did not parse must parse afterwards. A repair that cannot prove itself is not made.

use super::text::dq;
use crate::diag::Msg;
use crate::text::chars;
use crate::yaml::tree::{parse, Node, Parsed, Problem};

/// The text after the repairs, with one reason per repair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Repaired {
    pub(crate) text: String,
    pub(crate) reasons: Vec<Msg>,
}

fn fatal(p: &Parsed) -> bool {
    p.root.is_none()
        || p.problems
            .iter()
            .any(|p| matches!(p, Problem::Syntax { .. } | Problem::TooComplex { .. }))
}

/// A block-style `key:` at the start of a line: the byte offset just after its colon.
fn after_key_colon(line: &str) -> Option<usize> {
    let mut i = line.len() - line.trim_start_matches(' ').len();
    while line[i..].starts_with("- ") {
        i += 2;
        i += line[i..].len() - line[i..].trim_start_matches(' ').len();
    }
    let rest = &line[i..];
    let n = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    (n > 0 && rest[n..].starts_with(':')).then_some(i + n + 1)
}

/// Invisible characters out, look-alike letters in Latin; with `structural` (for a file that
/// does not parse) also a plain space after each key's colon and in the indentation, which in a
/// file that parses can only be inside a text, where they are the clerk's.
fn clean_lines(body: &str, reasons: &mut Vec<Msg>, structural: bool) -> String {
    let mut out = String::with_capacity(body.len());
    let blocks = block_lines(body);
    for (n, line) in body.split_inclusive('\n').enumerate() {
        let no = n + 1;
        let in_block = blocks.get(n).copied().unwrap_or(false);
        let odd = chars::odd_chars(line);
        let mut line = if odd.is_empty() {
            line.to_owned()
        } else {
            let mut hidden = Vec::new();
            let mut look = Vec::new();
            for (_, o) in &odd {
                match o {
                    chars::Odd::Invisible(c) => hidden.push(chars::code(*c)),
                    chars::Odd::Lookalike(c, l) => look.push(format!("{} → {l}", chars::code(*c))),
                }
            }
            if !hidden.is_empty() {
                reasons.push(Msg::new(
                    format!("dòng {no}: xóa ký tự vô hình ({})", hidden.join(", ")),
                    format!(
                        "line {no}: invisible characters removed ({})",
                        hidden.join(", ")
                    ),
                ));
            }
            if !look.is_empty() {
                reasons.push(Msg::new(
                    format!(
                        "dòng {no}: viết lại bằng chữ Latinh những chữ trông giống chữ Việt ({})",
                        look.join(", ")
                    ),
                    format!(
                        "line {no}: look-alike letters written in Latin ({})",
                        look.join(", ")
                    ),
                ));
            }
            chars::strip(line).into_owned()
        };
        if !structural || in_block {
            out.push_str(&line);
            continue;
        }
        // Indentation typed with non-breaking spaces: spaces, one for one.
        let mut replaced = None;
        while let Some(i) = crate::dossier::syntax::foreign_space_in_indent(&line) {
            let c = line[i..].chars().next().unwrap_or(' ');
            line.replace_range(i..i + c.len_utf8(), " ");
            replaced = Some(c);
        }
        if let Some(c) = replaced {
            reasons.push(Msg::new(
                format!(
                    "dòng {no}: thay {} ({}) ở chỗ thụt lề bằng dấu cách thường",
                    chars::describe(c).0,
                    chars::code(c)
                ),
                format!(
                    "line {no}: {} in the indentation made plain spaces",
                    chars::code(c)
                ),
            ));
        }
        if let Some(at) = after_key_colon(&line) {
            // `"Trường Yên”`: opened straight, closed with Word's curly quote.
            let body = line.trim_end_matches(['\n', '\r']);
            let value = body[at..].trim();
            if value.starts_with('"')
                && value.ends_with('”')
                && !value[1..value.len() - '”'.len_utf8()].contains('"')
            {
                let end = body.len() - '”'.len_utf8();
                line.replace_range(end..body.len(), "\"");
                reasons.push(Msg::new(
                    format!("dòng {no}: thay dấu ngoặc đóng cong bằng dấu ngoặc thẳng"),
                    format!("line {no}: the curly closing quote made straight"),
                ));
            }
            let next = line[at..].chars().next();
            if next.is_some_and(|c| !c.is_whitespace() && c != '#' && !chars::is_invisible(c)) {
                line.insert(at, ' ');
                reasons.push(Msg::new(
                    format!("dòng {no}: thêm dấu cách sau dấu hai chấm"),
                    format!("line {no}: a space after the colon"),
                ));
            }
            if let Some(c) = line[at..]
                .chars()
                .next()
                .filter(|&c| chars::is_foreign_space(c))
            {
                line.replace_range(at..at + c.len_utf8(), " ");
                reasons.push(Msg::new(
                    format!(
                        "dòng {no}: thay {} ({}) sau dấu hai chấm bằng dấu cách thường",
                        chars::describe(c).0,
                        chars::code(c)
                    ),
                    format!(
                        "line {no}: {} after the colon made a plain space",
                        chars::code(c)
                    ),
                ));
            }
        }
        out.push_str(&line);
    }
    out
}

/// For each line, whether it is the text of a `|` or `>` block (deeper than the block's key):
/// the clerk's words, which the line repairs leave alone.
fn block_lines(text: &str) -> Vec<bool> {
    let mut out = Vec::new();
    let mut block: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let inside = match block {
            Some(k) if line.trim().is_empty() || indent > k => true,
            _ => {
                block = None;
                false
            }
        };
        if !inside {
            if let Some(at) = after_key_colon(line) {
                let value = line[at..].trim();
                let rest = value
                    .get(1..)
                    .unwrap_or("")
                    .trim_start_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit())
                    .trim();
                if value.starts_with(['|', '>']) && (rest.is_empty() || rest.starts_with('#')) {
                    block = Some(indent);
                }
            }
        }
        out.push(inside);
    }
    out
}

/// Tabs at the start of lines as `width` spaces each.
fn untab(text: &str, width: usize) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut changed = Vec::new();
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
        if line[..lead].contains('\t') {
            changed.push(n + 1);
            out.push_str(&line[..lead].replace('\t', &" ".repeat(width)));
            out.push_str(&line[lead..]);
        } else {
            out.push_str(line);
        }
    }
    (out, changed)
}

/// Plain values holding ": " put in double quotes.
fn quote_colons(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut changed = Vec::new();
    let blocks = block_lines(text);
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let in_block = blocks.get(n).copied().unwrap_or(false);
        let body = line.trim_end_matches(['\n', '\r']);
        let end = &line[body.len()..];
        let Some(at) = after_key_colon(body).filter(|_| !in_block) else {
            out.push_str(line);
            continue;
        };
        let value = body[at..].trim();
        let plain = !value.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!', '#']);
        // A comment after the value stays a comment.
        let (value, comment) = match value.find(" #") {
            Some(i) => (value[..i].trim_end(), &value[i..]),
            None => (value, ""),
        };
        if plain && value.contains(": ") {
            changed.push(n + 1);
            out.push_str(&body[..at]);
            out.push(' ');
            out.push_str(&dq(value));
            out.push_str(comment);
            out.push_str(end);
        } else {
            out.push_str(line);
        }
    }
    (out, changed)
}

/// Whether a key of the tree holds a space YAML does not know: indentation or a separator
/// typed with a non-breaking space, read as part of the key.
pub(crate) fn foreign_space_key(node: &Node) -> bool {
    match node {
        Node::Scalar(_) => false,
        Node::Seq(items, _) => items.iter().any(foreign_space_key),
        Node::Map(entries, _) => entries
            .iter()
            .any(|(k, v)| k.text.contains(chars::is_foreign_space) || foreign_space_key(v)),
    }
}

/// Whether `new` is `old` with every scalar's text cleaned of invisible characters and
/// look-alike letters, and nothing else changed.
fn same_cleaned(old: &Node, new: &Node) -> bool {
    match (old, new) {
        (Node::Scalar(o), Node::Scalar(n)) => n.text == chars::strip(&o.text) && n.plain == o.plain,
        (Node::Seq(o, _), Node::Seq(n, _)) => {
            o.len() == n.len() && o.iter().zip(n).all(|(a, b)| same_cleaned(a, b))
        }
        (Node::Map(o, _), Node::Map(n, _)) => {
            o.len() == n.len()
                && o.iter().zip(n).all(|((ka, va), (kb, vb))| {
                    kb.text == chars::strip(&ka.text) && same_cleaned(va, vb)
                })
        }
        _ => false,
    }
}

/// The repaired text of a file, when a repair was needed and proved; None otherwise.
pub(crate) fn repair(body: &str) -> Option<Repaired> {
    let before = parse(body);
    let mut reasons = Vec::new();
    // A key that starts with a non-breaking space was indentation misread: the file parses,
    // but not as the clerk laid it out, so it is repaired like one that does not.
    let misread = before.root.as_ref().is_some_and(foreign_space_key);
    let cleaned = clean_lines(body, &mut reasons, fatal(&before) || misread);
    let after = parse(&cleaned);
    if misread {
        return (!fatal(&after)).then_some(Repaired {
            text: cleaned,
            reasons,
        });
    }
    if !fatal(&before) {
        // A file that parsed: only the invisible characters may go; the tree must match.
        let (Some(o), Some(n)) = (&before.root, &after.root) else {
            return None;
        };
        return (cleaned != body && !fatal(&after) && same_cleaned(o, n)).then_some(Repaired {
            text: cleaned,
            reasons,
        });
    }
    if !fatal(&after) {
        return Some(Repaired {
            text: cleaned,
            reasons,
        });
    }
    // A file that does not parse: the colon and Tab repairs, kept only if it then parses.
    for width in [2, 4] {
        let (untabbed, t_lines) = untab(&cleaned, width);
        let (text, q_lines) = quote_colons(&untabbed);
        if fatal(&parse(&text)) {
            continue;
        }
        for no in &t_lines {
            reasons.push(Msg::new(
                format!("dòng {no}: thay Tab thụt lề bằng {width} dấu cách"),
                format!("line {no}: Tab indentation as {width} spaces"),
            ));
        }
        for no in &q_lines {
            reasons.push(Msg::new(
                format!("dòng {no}: đặt giá trị có dấu hai chấm vào ngoặc kép"),
                format!("line {no}: a value holding \": \" put in quotes"),
            ));
        }
        return Some(Repaired { text, reasons });
    }
    None
}

/// Keys whose values are dates, and keys whose values are counts, in the format.
const DATE_KEYS: &[&str] = &["ngay", "tu", "den", "ngay_sinh"];
const COUNT_KEYS: &[&str] = &["so_thanh_vien", "co_mat", "tan_thanh", "khong_tan_thanh"];

/// A value rewritten for what it means rather than how a name is spelt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ValueRepair {
    /// The text the value must read as.
    pub(crate) text: String,
    /// Written unquoted (a number that was quoted).
    pub(crate) plain: bool,
    /// Why, one per repair.
    pub(crate) reasons: Vec<Msg>,
}

/// The repairs of one value under `key`: curly quotes straightened, text typed in a legacy
/// encoding (TCVN3, VNI) decoded as `check` shows it, a day-first date written `YYYY-MM-DD`,
/// a quoted count unquoted. None when nothing applies.
pub(crate) fn value(key: &str, text: &str, plain: bool) -> Option<ValueRepair> {
    let mut t = text.to_owned();
    let mut reasons = Vec::new();
    if let Some(inner) = chars::curly_wrapped(&t) {
        t = inner.to_owned();
        reasons.push(Msg::new(
            "bỏ dấu ngoặc kép cong của Word".to_owned(),
            "curly quotes straightened".to_owned(),
        ));
    }
    if let Some((decoded, why)) = legacy(&t) {
        reasons.push(why);
        t = decoded;
    }
    if let Some((word, right)) = choice(key, &t) {
        reasons.push(Msg::new(
            format!("ghi \"{word}\" thành \"{right}\", giá trị mẫu hồ sơ quy định"),
            format!("\"{word}\" written \"{right}\", the value the format takes"),
        ));
        t = right.to_owned();
    }
    if let Some(rest) = symbol_without_so(key, &t) {
        reasons.push(Msg::new(
            format!("bỏ chữ \"Số\" ở đầu số, ký hiệu: {rest}"),
            format!("the leading \"Số\" removed from the number and symbol: {rest}"),
        ));
        t = rest;
    }
    let mut date_plain = false;
    if let Some((right, words)) = crate::text::fold::fix_tone_on_glide(&t) {
        reasons.push(Msg::new(
            format!(
                "sửa dấu thanh đặt sai trên chữ u của qu, i của gi: {} → {right}",
                words.join(", ")
            ),
            format!(
                "tone mark moved off the u of qu / i of gi: {} → {right}",
                words.join(", ")
            ),
        ));
        t = right;
    }
    if DATE_KEYS.contains(&key) && crate::date::Date::parse(&t).is_err() {
        if let Ok(d) = crate::date::Date::parse_day_first(&t) {
            reasons.push(Msg::new(
                format!("ghi ngày {} theo dạng năm-tháng-ngày: {d}", t.trim()),
                format!("date {} written as {d} (year-month-day)", t.trim()),
            ));
            t = d.to_string();
            // Dates are written unquoted in the format, as the template writes them.
            date_plain = plain;
        }
    }
    let mut make_plain = date_plain;
    if COUNT_KEYS.contains(&key) && !plain {
        let n = t.trim().to_owned();
        if !n.is_empty() && n.len() <= 6 && n.bytes().all(|c| c.is_ascii_digit()) {
            t.clone_from(&n);
            make_plain = true;
            reasons.push(Msg::new(
                format!("ghi số {n} không có ngoặc kép"),
                format!("number {n} written without quotes"),
            ));
        }
    }
    (!reasons.is_empty()).then_some(ValueRepair {
        text: t,
        plain: make_plain,
        reasons,
    })
}

/// The text with the runs typed in a legacy encoding (TCVN3, VNI) decoded as `check` shows
/// them, and why; None when it has none. Also for `|` and `>` blocks, whose text is decoded
/// in place (their line breaks and indentation are no letters, so they stay).
pub(crate) fn legacy(text: &str) -> Option<(String, Msg)> {
    if text.is_ascii() {
        return None;
    }
    let g = crate::text::detect_legacy(text)?;
    let name = g.encoding.name();
    let mut vi = format!("chuyển chữ gõ bằng bảng mã {name} sang Unicode");
    let mut en = format!("{name} text converted to Unicode");
    if !g.kept.is_empty() {
        // Words that read right as they are: kept, and said, since only the clerk knows.
        let list = |f: &dyn Fn(&(String, String)) -> String| {
            g.kept.iter().map(f).collect::<Vec<_>>().join(", ")
        };
        vi.push_str(&format!(
            ", giữ nguyên {} vì đã đúng chữ Unicode (nếu cũng gõ bằng {name} thì phải sửa tay)",
            list(&|(w, d)| format!("\"{w}\" (không phải \"{d}\")"))
        ));
        en.push_str(&format!(
            ", keeping {} as written, already right in Unicode (if typed in {name} too, correct it by hand)",
            list(&|(w, d)| format!("\"{w}\" (not \"{d}\")"))
        ));
    }
    Some((g.decoded, Msg::new(vi, en)))
}

/// A value of `gioi_tinh` written as a word ("Nam", "NỮ", "nữ") rather than as the format's
/// `nam` / `nu`, which `check` already advises: (as written, the format's value).
fn choice<'a>(key: &str, text: &'a str) -> Option<(&'a str, &'static str)> {
    if key != "gioi_tinh" {
        return None;
    }
    let word = text.trim();
    let right = match crate::text::to_nfc(word).to_lowercase().as_str() {
        "nam" => "nam",
        "nữ" | "nu" => "nu",
        _ => return None,
    };
    (text != right).then_some((word, right))
}

/// A `so_ky_hieu` typed with the word "Số" before it, as the heading of a document prints it
/// ("Số: 121/TTr-UBND", "số 121/TTr-UBND"): the number and symbol alone, when a number follows.
fn symbol_without_so(key: &str, text: &str) -> Option<String> {
    if key != "so_ky_hieu" {
        return None;
    }
    let t = crate::text::to_nfc(text.trim());
    let rest = ["Số", "số", "SỐ"]
        .iter()
        .find_map(|w| t.strip_prefix(w))?
        .trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
    (rest.starts_with(|c: char| c.is_ascii_digit()) && rest.contains('/')).then(|| rest.to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn sex_and_number_as_the_format_writes_them() {
        let r = |k: &str, t: &str| super::value(k, t, true).map(|r| r.text);
        assert_eq!(r("gioi_tinh", "Nam").as_deref(), Some("nam"));
        assert_eq!(r("gioi_tinh", "NAM").as_deref(), Some("nam"));
        assert_eq!(r("gioi_tinh", "Nữ").as_deref(), Some("nu"));
        assert_eq!(r("gioi_tinh", "nữ").as_deref(), Some("nu"));
        assert_eq!(r("gioi_tinh", "nam"), None);
        assert_eq!(r("gioi_tinh", "khác"), None);
        assert_eq!(r("ten", "Nam"), None);
        for s in [
            "Số: 121/TTr-UBND",
            "Số 121/TTr-UBND",
            "số:121/TTr-UBND",
            "SỐ: 121/TTr-UBND",
        ] {
            assert_eq!(r("so_ky_hieu", s).as_deref(), Some("121/TTr-UBND"), "{s}");
        }
        assert_eq!(r("so_ky_hieu", "Số: /TTr"), None);
        assert_eq!(r("so_ky_hieu", "121/TTr-UBND"), None);
    }

    use super::*;

    #[test]
    fn repairs_that_make_a_file_parse() {
        let r = repair("a: 1\nchuc_vu:\u{a0}\"Chủ hộ\"\n").unwrap_or_else(|| panic!("none"));
        assert_eq!(r.text, "a: 1\nchuc_vu: \"Chủ hộ\"\n");
        let r = repair("a:\n\u{a0}\u{a0}b: 1\n").unwrap_or_else(|| panic!("none"));
        assert_eq!(r.text, "a:\n  b: 1\n");
        let r = repair("a: 1\nten: \"Trường Yên”\nb: 2\n").unwrap_or_else(|| panic!("none"));
        assert_eq!(r.text, "a: 1\nten: \"Trường Yên\"\nb: 2\n");
        let r = repair("a: 1\nten:\"An\"\n").unwrap_or_else(|| panic!("none"));
        assert_eq!(r.text, "a: 1\nten: \"An\"\n");
        // In a text that parses, a non-breaking space is the clerk's.
        assert_eq!(repair("t: |\n  \u{a0}Năm 2021\n  Note:\u{a0}x\n"), None);
        // In a block text of a file that does not parse, too.
        let r = repair("t: |\n  Web:www.x.vn\na:\n\u{a0}\u{a0}b: 1\n")
            .unwrap_or_else(|| panic!("none"));
        assert_eq!(r.text, "t: |\n  Web:www.x.vn\na:\n  b: 1\n");
        let r = repair("a:\n\tb: 1\n\tc: Y sĩ: tiêm chủng # x\n").unwrap_or_else(|| panic!("none"));
        assert_eq!(r.text, "a:\n  b: 1\n  c: \"Y sĩ: tiêm chủng\" # x\n");
        let r = repair("ten: \"Bùi Văn\u{200b} Thắng\"\nchuc_vu\u{200b}: x\n")
            .unwrap_or_else(|| panic!("none"));
        assert_eq!(r.text, "ten: \"Bùi Văn Thắng\"\nchuc_vu: x\n");
        assert_eq!(repair("a: 1\n"), None);
    }
}
