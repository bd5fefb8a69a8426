//! Saying in plain Vietnamese what is wrong with a YAML file that does not parse, and where.
//!
//! The parser stops where it notices a problem, which is often lines after the mistake (an
//! unclosed quote is noticed at the next key, or at a comment two lines down), and it speaks
//! English about scanners and scalars. A clerk needs the line to change and the change to make.
//! So the text is read again here for the mistakes clerks make: a non-breaking space after a
//! colon (Word puts one there), a Tab used to indent, a quote opened and never closed, text
//! after a closing quote, a colon inside an unquoted value, the text of a `|` block not
//! indented. Each gets its own explanation and fix, at the place of the mistake. Anything else
//! gets a plain Vietnamese sentence; the parser's English stays in the English message.

use crate::diag::Msg;
use crate::msg;
use crate::source::{pos_of_byte, Pos};
use crate::text::chars;

/// What to tell the clerk about a syntax error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Diagnosis {
    /// Where the mistake is.
    pub(crate) at: Pos,
    /// What is wrong.
    pub(crate) message: Msg,
    /// How to fix it.
    pub(crate) help: Msg,
}

/// One line of the text: its byte range without the line break.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split_inclusive('\n').map(move |l| {
        let at = start;
        start += l.len();
        (at, l.trim_end_matches(['\n', '\r']))
    })
}

/// A block-style `key:` at the start of a line (after indentation and list dashes): the byte
/// offsets of the key's start and of the character after the colon.
fn key_at(line: &str) -> Option<(usize, usize)> {
    let mut i = line.len() - line.trim_start_matches(' ').len();
    while line[i..].starts_with("- ") {
        i += 2;
        i += line[i..].len() - line[i..].trim_start_matches(' ').len();
    }
    let rest = &line[i..];
    let key_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    if key_len == 0 || !rest[key_len..].starts_with(':') {
        return None;
    }
    Some((i, i + key_len + 1))
}

/// Where a line's indentation or list dash holds a space YAML does not know (a non-breaking
/// space pasted from Word): the byte offset of that character.
pub(crate) fn foreign_space_in_indent(line: &str) -> Option<usize> {
    for (i, c) in line.char_indices() {
        if chars::is_foreign_space(c) {
            return Some(i);
        }
        if !matches!(c, ' ' | '-') {
            return None;
        }
    }
    None
}

/// The first line at or before `last` where a key's colon is followed by a space YAML does not
/// know (U+00A0 and the like) or by an invisible character, or whose indentation holds such a
/// space: the key then does not end, or start, where the clerk sees it.
#[must_use]
pub(crate) fn foreign_space_after_colon(text: &str, last: u32) -> Option<Diagnosis> {
    foreign_space(text, last, true)
}

/// [`foreign_space_after_colon`] without the indentation, for a file that parses: there a
/// non-breaking space at the start of a line is inside a text, where it is the clerk's.
///
/// Runs on every file: only the colons followed by a byte outside ASCII (every foreign space
/// and invisible character is) have their line looked at, instead of every line of the file.
#[must_use]
pub(crate) fn foreign_space_after_key(text: &str) -> Option<Diagnosis> {
    let b = text.as_bytes();
    for colon in memchr::memchr_iter(b':', b) {
        if b.get(colon + 1).is_none_or(|&x| x.is_ascii()) {
            continue;
        }
        let start = memchr::memrchr(b'\n', &b[..colon]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &b[colon..]).map_or(b.len(), |i| colon + i);
        let line = text[start..end].trim_end_matches(['\n', '\r']);
        match key_at(line) {
            Some((k, after)) if start + after == colon + 1 => {
                if let Some(d) = after_key(text, start, line, k, after) {
                    return Some(d);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether a text may hold a foreign space or an invisible character at all, by its bytes:
/// those characters begin with a byte Vietnamese letters never start with (C2, CD, D8, E2, E3,
/// EF, F0, F3), or with E1 outside the Latin Extended Additional block (E1 BA, E1 BB). A text of
/// Vietnamese letters alone is then let through without looking at its lines one by one.
fn may_hold_foreign(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        0xC2 | 0xCD | 0xD8 | 0xE2 | 0xE3 | 0xEF | 0xF0 | 0xF3 => true,
        0xE1 => !matches!(b.get(i + 1), Some(0xBA | 0xBB)),
        _ => false,
    })
}

fn foreign_space(text: &str, last: u32, indent: bool) -> Option<Diagnosis> {
    if !may_hold_foreign(text) {
        return None;
    }
    for (n, (start, line)) in lines(text).enumerate() {
        if n as u64 >= u64::from(last) {
            break;
        }
        if let Some(i) = foreign_space_in_indent(line).filter(|_| indent) {
            let c = line[i..].chars().next().unwrap_or(' ');
            let at = pos_of_byte(text, start + i);
            let (vi, en) = chars::describe(c);
            return Some(Diagnosis {
                at,
                message: msg!("dòng {} thụt lề bằng {} ({}), không phải dấu cách thường, nên YAML không đọc được", at.line, vi, chars::code(c);
                              "line {} is indented with {} ({}), not plain spaces, so YAML cannot read it", at.line, en, chars::code(c)),
                help: msg!("thay ký tự ở dòng {}, cột {} bằng dấu cách thường (lệnh dossier fix sửa được)", at.line, at.column;
                           "replace the character at line {}, column {} with a plain space (dossier fix does it)", at.line, at.column),
            });
        }
        let Some((k, after)) = key_at(line) else {
            continue;
        };
        if let Some(d) = after_key(text, start, line, k, after) {
            return Some(d);
        }
    }
    None
}

/// The finding for a key's colon (on `line`, which starts at byte `start` of `text`) followed by
/// a foreign space or an invisible character, if it is.
fn after_key(text: &str, start: usize, line: &str, k: usize, after: usize) -> Option<Diagnosis> {
    let c = line[after..].chars().next()?;
    if !(chars::is_foreign_space(c) || chars::is_invisible(c)) {
        return None;
    }
    let key = &line[k..after - 1];
    let at = pos_of_byte(text, start + after);
    let (vi, en) = chars::describe(c);
    Some(Diagnosis {
        at,
        message: msg!("sau dấu hai chấm của trường \"{}\" là {} ({}), không phải dấu cách thường, nên YAML không nhận ra đây là tên trường", key, vi, chars::code(c);
                      "after the colon of \"{}\" comes {} ({}), not a plain space, so YAML does not see a field name here", key, en, chars::code(c)),
        help: msg!("xóa ký tự ở dòng {}, cột {} và gõ một dấu cách thường (lệnh dossier fix sửa được)", at.line, at.column;
                   "delete the character at line {}, column {} and type a plain space (dossier fix does it)", at.line, at.column),
    })
}

/// The first line at or before `last` whose key's colon is followed by the value with no space
/// (`ten:"Nguyễn Văn An"`): YAML then reads the whole line as one text, not a field.
fn no_space_after_colon(text: &str, last: u32) -> Option<Diagnosis> {
    for (n, (start, line)) in lines(text).enumerate() {
        if n as u64 >= u64::from(last) {
            break;
        }
        let Some((k, after)) = key_at(line) else {
            continue;
        };
        let Some(c) = line[after..].chars().next() else {
            continue;
        };
        if matches!(c, ' ' | '\t') || chars::is_foreign_space(c) || chars::is_invisible(c) {
            continue;
        }
        let key = &line[k..after - 1];
        let at = pos_of_byte(text, start + after);
        let value = line[after..].trim_end();
        return Some(Diagnosis {
            at,
            message: msg!("sau dấu hai chấm của trường \"{}\" thiếu một dấu cách, nên YAML không nhận ra đây là tên trường", key;
                          "the colon of \"{}\" is not followed by a space, so YAML does not see a field name here", key),
            help: msg!("viết: {}: {} (lệnh dossier fix sửa được)", key, value;
                       "write: {}: {} (dossier fix does it)", key, value),
        });
    }
    None
}

/// A field indented differently from the field above it in the same group (five spaces under
/// four): YAML cannot tell which group it belongs to.
fn misaligned(text: &str, at: Pos) -> Option<Diagnosis> {
    let all: Vec<(usize, &str)> = lines(text).collect();
    let err = at.line.checked_sub(1)? as usize;
    let (k, after) = key_at(all.get(err)?.1)?;
    let above = (0..err).rev().find_map(|n| {
        let l = all[n].1;
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            return None;
        }
        Some(key_at(l).map(|(pk, _)| (n, pk)))
    })??;
    let (n, pk) = above;
    // Only a small difference is a slip of the space bar; a larger one is a new level.
    if pk == k || pk.abs_diff(k) > 3 {
        return None;
    }
    let key = &all[err].1[k..after - 1];
    let p = pos_of_byte(text, all[err].0 + k);
    Some(Diagnosis {
        at: p,
        message: msg!("trường \"{}\" ở dòng {} thụt vào {} dấu cách, còn trường ngay trên (dòng {}) thụt {} dấu cách: các trường cùng nhóm phải thẳng hàng", key, p.line, k, n + 1, pk;
                      "field \"{}\" on line {} is indented {} spaces but the field above it (line {}) {}: fields of one group must line up", key, p.line, k, n + 1, pk),
        help: msg!("thụt dòng {} vào đúng {} dấu cách như dòng {}", p.line, pk, n + 1;
                   "indent line {} by {} spaces, as line {}", p.line, pk, n + 1),
    })
}

/// Where a quoted value that starts at byte `i` of `line` ends (the byte after the closing
/// quote), or None when the line ends first.
fn closing_quote(line: &str, i: usize) -> Option<usize> {
    let q = line.as_bytes()[i];
    let b = line.as_bytes();
    let mut j = i + 1;
    while j < b.len() {
        if q == b'"' && b[j] == b'\\' {
            j += 2;
            continue;
        }
        if b[j] == q {
            if q == b'\'' && b.get(j + 1) == Some(&b'\'') {
                j += 2;
                continue;
            }
            return Some(j + 1);
        }
        j += 1;
    }
    None
}

/// The first quoted value opened at or before line `last` and not closed on its line, with the
/// key's name. Values broken over lines inside quotes are valid YAML but not how a clerk writes
/// one, so in a file that does not parse this is the likeliest mistake.
fn unclosed_quote(text: &str, last: u32) -> Option<(Pos, String, char)> {
    for (n, (start, line)) in lines(text).enumerate() {
        if n as u64 >= u64::from(last) {
            break;
        }
        let Some((k, after)) = key_at(line) else {
            continue;
        };
        let value = line[after..].trim_start_matches(' ');
        let i = line.len() - value.len();
        if !(value.starts_with('"') || value.starts_with('\'')) {
            continue;
        }
        if closing_quote(line, i).is_none() {
            let q = char::from(line.as_bytes()[i]);
            return Some((
                pos_of_byte(text, start + i),
                line[k..after - 1].to_owned(),
                q,
            ));
        }
    }
    None
}

/// Explain the parser's complaint `message` at `at`.
#[must_use]
pub(crate) fn diagnose(text: &str, at: Pos, message: &str) -> Diagnosis {
    if let Some(d) = foreign_space_after_colon(text, at.line) {
        return d;
    }
    if message.contains("continuation line") {
        let tab = message.contains("a tab");
        let key = lines(text)
            .take(at.line.saturating_sub(1) as usize)
            .filter_map(|(_, l)| key_at(l).map(|(k, after)| l[k..after - 1].to_owned()))
            .last()
            .unwrap_or_default();
        return Diagnosis {
            at,
            message: if tab {
                msg!("giá trị của trường \"{}\" xuống dòng, và dòng {} bắt đầu bằng ký tự Tab: YAML không coi Tab là thụt lề, một chương trình đọc YAML chặt chẽ sẽ không đọc được tệp", key, at.line;
                     "the value of \"{}\" goes on to line {}, which starts with a Tab: YAML does not take a Tab as indentation, and a strict YAML reader refuses the file", key, at.line)
            } else {
                msg!("giá trị của trường \"{}\" xuống dòng, nhưng dòng {} không thụt vào sâu hơn tên trường: YAML 1.2 không cho phép, một chương trình đọc YAML chặt chẽ sẽ không đọc được tệp", key, at.line;
                     "the value of \"{}\" goes on to line {}, which is not indented deeper than the field name: YAML 1.2 forbids it, and a strict YAML reader refuses the file", key, at.line)
            },
            help: msg!("viết cả giá trị trên một dòng, hoặc thụt các dòng tiếp theo vào bằng dấu cách, sâu hơn tên trường";
                       "write the whole value on one line, or indent the following lines with spaces, deeper than the field name"),
        };
    }
    if let Some(d) = no_space_after_colon(text, at.line) {
        return d;
    }
    if !message.contains("tab") {
        if let Some(d) = misaligned(text, at) {
            return d;
        }
    }
    if message.contains("tab") {
        return Diagnosis {
            at,
            message: msg!("dòng {} thụt lề bằng phím Tab; YAML chỉ nhận dấu cách để thụt lề", at.line;
                          "line {} is indented with a Tab; YAML indents with spaces only", at.line),
            help: msg!("thay ký tự Tab bằng dấu cách, thẳng hàng với các trường cùng nhóm (lệnh dossier fix sửa được)";
                       "replace the Tab with spaces, aligned with the fields of its group (dossier fix does it)"),
        };
    }
    if let Some((q_at, key, q)) = unclosed_quote(text, at.line) {
        // Closed with Word's curly quote, which YAML does not take for one.
        let line = lines(text)
            .nth(q_at.line.saturating_sub(1) as usize)
            .map_or("", |(_, l)| l);
        if line.contains(['”', '’']) {
            return Diagnosis {
                at: q_at,
                message: msg!("giá trị của trường \"{}\" mở bằng dấu ngoặc thẳng {} nhưng đóng bằng dấu ngoặc cong của Word, mà YAML không coi là dấu đóng", key, q;
                              "the value of \"{}\" opens with a straight {} but closes with a word processor's curly quote, which YAML does not take as closing it", key, q),
                help: msg!("thay dấu ngoặc cong ở cuối giá trị bằng dấu {} thẳng", q;
                           "replace the curly quote at the end of the value with a straight {}", q),
            };
        }
        return Diagnosis {
            at: q_at,
            message: msg!("giá trị của trường \"{}\" mở dấu ngoặc {} ở dòng {} nhưng không đóng trên cùng dòng", key, q, q_at.line;
                          "the value of \"{}\" opens a quote {} on line {} and does not close it on that line", key, q, q_at.line),
            help: msg!("thêm dấu {} vào cuối giá trị, ngay trên dòng {}", q, q_at.line;
                       "add the closing {} at the end of the value, on line {}", q, q_at.line),
        };
    }
    let line_text = lines(text)
        .nth(at.line.saturating_sub(1) as usize)
        .unwrap_or((0, ""));
    let from_error: String = line_text
        .1
        .chars()
        .skip((at.column as usize).saturating_sub(1))
        .collect();
    if message.contains("unknown anchor") {
        if let Some(d) = unknown_alias(&from_error, at) {
            return d;
        }
    }
    if message.contains("comments must be separated") {
        if let Some(i) = from_error.find('#') {
            let comment = from_error[i..].trim_end();
            return Diagnosis {
                at,
                message: msg!("dấu # ở dòng {} đứng liền sau giá trị, không có dấu cách ở trước: YAML không biết \"{}\" là ghi chú hay một phần của giá trị", at.line, comment;
                              "the # on line {} follows the value with no space before it: YAML cannot tell whether \"{}\" is a comment or part of the value", at.line, comment),
                help: msg!("nếu \"{}\" là ghi chú, thêm một dấu cách trước dấu #; nếu là một phần của giá trị, đưa vào trong cặp ngoặc kép", comment;
                           "if \"{}\" is a comment, put a space before the #; if it is part of the value, move it inside the quotes", comment),
            };
        }
    }
    if message.contains("block sequence entries are not allowed") {
        if let Some(d) = dash_as_bullet(line_text.1, at) {
            return d;
        }
    }
    if message.contains("trailing content after") {
        let rest = from_error.trim();
        // Text that is itself quoted is shown as written, not in a second pair of quotes.
        let shown = if rest.starts_with(['"', '\'']) {
            rest.to_owned()
        } else {
            format!("\"{rest}\"")
        };
        return Diagnosis {
            at,
            message: msg!("sau dấu ngoặc đóng của giá trị còn chữ {}; một giá trị chỉ được nằm trong một cặp ngoặc kép", shown;
                          "text {} follows the value's closing quote; a value must sit inside one pair of quotes", shown),
            help: msg!("đưa cả giá trị vào trong một cặp ngoặc kép, hoặc xóa phần thừa sau dấu ngoặc đóng";
                       "put the whole value inside one pair of quotes, or delete what follows the closing quote"),
        };
    }
    if message.contains("mapping values are not allowed") {
        if let Some((k, after)) = key_at(line_text.1) {
            let value = line_text.1[after..].trim();
            if value.contains(": ") && !value.starts_with(['"', '\'']) {
                let key = &line_text.1[k..after - 1];
                return Diagnosis {
                    at,
                    message: msg!("giá trị của trường \"{}\" có dấu hai chấm; giá trị có dấu hai chấm phải đặt trong ngoặc kép", key;
                                  "the value of \"{}\" holds a colon; a value with a colon must be quoted", key),
                    help: msg!("viết: {}: \"{}\" (lệnh dossier fix sửa được)", key, value.replace('"', "\\\"");
                               "write: {}: \"{}\" (dossier fix does it)", key, value.replace('"', "\\\"")),
                };
            }
        }
    }
    if let Some(d) = block_not_indented(text, at) {
        return d;
    }
    if let Some(d) = reserved_start(text, at) {
        return d;
    }
    Diagnosis {
        at,
        message: msg!("tệp sai cú pháp YAML từ dòng {} (chương trình không đọc tiếp được)", at.line;
                      "YAML syntax error: {}", message),
        help: msg!("kiểm tra dòng này và dòng ngay trên: thụt lề bằng dấu cách (không dùng phím Tab), sau tên trường có dấu hai chấm và một dấu cách, dấu ngoặc kép có đủ mở và đóng";
                   "check this line and the one above: indent with spaces (not Tab), a colon and a space after each field name, quotes closed"),
    }
}

/// `*name` where no `&name` came before: an alias the clerk copied without its anchor, or a
/// value meant to start with a star. `from` is the line from the parser's place on.
fn unknown_alias(from: &str, at: Pos) -> Option<Diagnosis> {
    let t = from.trim_start();
    let name: String = t
        .strip_prefix('*')?
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
        .collect();
    Some(Diagnosis {
        at,
        message: msg!("bí danh *{} chưa được khai báo ở trên (dấu * lấy lại giá trị đã đánh dấu bằng &{} ở một chỗ trước đó, nhưng tệp không có chỗ đó)", name, name;
                      "alias *{} is not defined above (* repeats a value marked &{} earlier, and the file has no such mark)", name, name),
        help: msg!("ghi giá trị thật thay cho *{}; nếu dấu * là một phần của chữ, đặt cả giá trị trong ngoặc kép", name;
                   "write the real value in place of *{}; if the * is part of the text, put the whole value in quotes", name),
    })
}

/// `dia_danh: - Trường Yên`: a dash typed as a bullet before a value, which YAML reads as the
/// start of a list where a list cannot begin.
fn dash_as_bullet(line: &str, at: Pos) -> Option<Diagnosis> {
    let (k, after) = key_at(line)?;
    let value = line[after..].trim();
    let bare = value.strip_prefix('-')?.trim_start();
    if !value[1..].starts_with([' ', '\t']) || bare.is_empty() {
        return None;
    }
    let key = &line[k..after - 1];
    let quoted = value.replace('"', "\\\"");
    Some(Diagnosis {
        at,
        message: msg!("giá trị của trường \"{}\" bắt đầu bằng dấu gạch đầu dòng \"- \", mà YAML hiểu là mở một danh sách ở chỗ không được mở", key;
                      "the value of \"{}\" starts with a dash and a space, which YAML reads as the start of a list where none may start", key),
        help: msg!("bỏ dấu gạch: {}: {}; nếu dấu gạch là một phần của giá trị, đặt giá trị trong ngoặc kép: {}: \"{}\"", key, bare, key, quoted;
                   "drop the dash: {}: {}; if the dash is part of the value, put the value in quotes: {}: \"{}\"", key, bare, key, quoted),
    })
}

/// A value that starts with a character YAML keeps for itself (`@`, a backquote, `%`, `?`, a
/// bracket never closed, `|` or `>` with text after it), typed by a clerk as part of the text:
/// the value is to be quoted. An unclosed bracket is noticed lines later, so the lines above
/// the parser's place are looked at for it too.
fn reserved_start(text: &str, at: Pos) -> Option<Diagnosis> {
    let all: Vec<(usize, &str)> = lines(text).collect();
    let err = (at.line.checked_sub(1)? as usize).min(all.len().checked_sub(1)?);
    for n in (err.saturating_sub(3)..=err).rev() {
        let (start, line) = all[n];
        let Some((k, after)) = key_at(line) else {
            continue;
        };
        let value = line[after..].trim();
        let Some(c) = value.chars().next() else {
            continue;
        };
        let key = &line[k..after - 1];
        let quoted = value.replace('"', "\\\"");
        let p = pos_of_byte(text, start + line.len() - line[after..].trim_start().len());
        let (message, help) = match c {
            '[' | '{'
                if !value.contains([']', '}'])
                    && !all[n + 1..=err].iter().any(|(_, l)| l.contains([']', '}'])) =>
            {
                (
                    msg!("giá trị của trường \"{}\" mở dấu ngoặc {} ở dòng {} nhưng không đóng: YAML hiểu dấu {} ở đầu giá trị là mở một danh sách hoặc một nhóm", key, c, p.line, c;
                     "the value of \"{}\" opens a bracket {} on line {} and never closes it: YAML reads a {} at the start of a value as opening a list or a group", key, c, p.line, c),
                    msg!("nếu dấu {} là một phần của chữ, đặt cả giá trị trong ngoặc kép: {}: \"{}\"; nếu không, bỏ dấu {}", c, key, quoted, c;
                     "if the {} is part of the text, put the whole value in quotes: {}: \"{}\"; if not, remove the {}", c, key, quoted, c),
                )
            }
            _ if n != err => continue,
            '|' | '>' => (
                msg!("giá trị của trường \"{}\" bắt đầu bằng dấu {}, mà YAML hiểu là mở một đoạn chữ nhiều dòng, viết từ dòng sau", key, c;
                     "the value of \"{}\" starts with {}, which YAML reads as opening a text of several lines, written from the next line on", key, c),
                msg!("nếu dấu {} là một phần của chữ, đặt cả giá trị trong ngoặc kép: {}: \"{}\"; nếu muốn viết nhiều dòng, để dấu {} đứng cuối dòng và viết chữ ở các dòng sau, thụt vào hai dấu cách", c, key, quoted, c;
                     "if the {} is part of the text, put the whole value in quotes: {}: \"{}\"; for several lines, leave the {} alone at the end of the line and write the text on the lines below, indented two spaces", c, key, quoted, c),
            ),
            '@' | '`' | '%' | '?' => (
                msg!("giá trị của trường \"{}\" bắt đầu bằng dấu {}, mà YAML không cho đứng đầu một giá trị không có ngoặc kép", key, c;
                     "the value of \"{}\" starts with {}, which YAML does not allow at the start of an unquoted value", key, c),
                msg!("đặt cả giá trị trong ngoặc kép: {}: \"{}\"", key, quoted;
                     "put the whole value in quotes: {}: \"{}\"", key, quoted),
            ),
            _ => continue,
        };
        return Some(Diagnosis {
            at: p,
            message,
            help,
        });
    }
    None
}

/// The text of a `key: |` (or `>`) block written without indentation: YAML ends the block at
/// the first line not indented deeper than the key, so that line is read as a new field.
fn block_not_indented(text: &str, at: Pos) -> Option<Diagnosis> {
    let all: Vec<(usize, &str)> = lines(text).collect();
    let err = (at.line.checked_sub(1)? as usize).min(all.len().checked_sub(1)?);
    // The nearest key above the error: the block's own key, when the lines between are its
    // unindented text.
    let n = (0..err).rev().find(|&n| key_at(all[n].1).is_some())?;
    let line = all[n].1;
    let (k, after) = key_at(line)?;
    let value = line[after..].trim();
    let rest = value
        .get(1..)?
        .trim_start_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit());
    let rest = rest.trim();
    if !value.starts_with(['|', '>']) || !(rest.is_empty() || rest.starts_with('#')) {
        return None;
    }
    let next = all[n + 1..=err]
        .iter()
        .find(|(_, l)| !l.trim().is_empty())?;
    let indent = next.1.len() - next.1.trim_start_matches(' ').len();
    if indent > k {
        return None;
    }
    let key = &line[k..after - 1];
    let mark = &value[..1];
    let p = pos_of_byte(text, next.0);
    Some(Diagnosis {
        at: p,
        message: msg!("nội dung của trường \"{}\" (sau dấu {}) phải thụt vào sâu hơn tên trường, nhưng dòng {} không thụt vào", key, mark, p.line;
                      "the text of \"{}\" (after {}) must be indented deeper than the field name, but line {} is not", key, mark, p.line),
        help: msg!("thêm hai dấu cách ở đầu mỗi dòng nội dung của trường \"{}\"", key;
                   "add two spaces at the start of each line of the text of \"{}\"", key),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, line: u32) -> Pos {
        let byte = lines(text).nth(line as usize - 1).map_or(0, |(s, _)| s);
        pos_of_byte(text, byte)
    }

    /// The colon-led search for a parsed file finds what walking every line finds, on texts
    /// made of the pieces that matter: keys, dashes, colons inside values, foreign spaces and
    /// invisible characters in every place, line ends of both kinds.
    #[test]
    fn the_colon_led_search_agrees_with_the_line_walk() {
        const PIECES: &[&str] = &[
            "ten",
            "chuc-vu",
            "a_1",
            ":",
            ": ",
            ":\u{a0}",
            ":\u{200b}",
            "\u{a0}",
            "\u{2003}",
            "\u{feff}",
            " ",
            "  ",
            "- ",
            "-",
            "\n",
            "\r\n",
            "\r",
            "\"",
            "Nguyễn",
            "“x”",
            "é:",
            "\t",
            "#",
            "http://a",
            "\u{3000}",
            "\u{e0020}",
            "ờ",
        ];
        let mut seed: u64 = 0x2021_0607;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut found = 0;
        for _ in 0..20_000 {
            let n = 1 + (next() % 24) as usize;
            let text: String = (0..n)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let fast = foreign_space_after_key(&text);
            let walked = foreign_space(&text, u32::MAX, false);
            assert_eq!(
                fast.as_ref().map(|d| (d.at, d.message.vi.clone())),
                walked.as_ref().map(|d| (d.at, d.message.vi.clone())),
                "{text:?}"
            );
            found += usize::from(fast.is_some());
        }
        assert!(
            found > 500,
            "too few texts with a finding to mean anything: {found}"
        );
    }

    #[test]
    fn a_non_breaking_space_after_a_colon_is_named() {
        let t = "a: 1\nchuc_vu:\u{a0}\"Chủ hộ\"\nb: 2\n";
        let d = diagnose(t, at(t, 3), "simple key expected ':'");
        assert_eq!((d.at.line, d.at.column), (2, 9));
        assert!(d.message.vi.contains("U+00A0"), "{}", d.message.vi);
    }

    #[test]
    fn an_unclosed_quote_is_found_on_its_own_line() {
        let t = "a: 1\nten: \"Nông dân\nb: 2\n# x\nc: 3\n";
        let d = diagnose(
            t,
            at(t, 4),
            "invalid trailing content after double-quoted scalar",
        );
        assert_eq!((d.at.line, d.at.column), (2, 6));
        assert!(d.message.vi.contains("không đóng"), "{}", d.message.vi);
    }

    #[test]
    fn a_block_without_indentation() {
        let t = "a: 1\nthanh_tich: |\nGóp phần\nb: 2\n";
        let d = diagnose(t, at(t, 4), "could not find expected ':'");
        assert_eq!(d.at.line, 3);
        assert!(d.message.vi.contains("thụt vào"), "{}", d.message.vi);
    }
}
