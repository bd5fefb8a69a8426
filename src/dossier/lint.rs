//! Characters the clerk cannot see, found once per file before the documents are read.
//!
//! A zero-width space pasted into a name, a Cyrillic "о" in "Hòa", or a key with a joiner after
//! it make the checks that compare texts (DS006, HS003) report two things that look the same,
//! which no clerk can act on. So each such character is reported here, by its code and the
//! exact column it is at (VB004, VB005), and then taken out of the tree (look-alikes written as
//! the Latin letter), so every later check sees the text the clerk meant. Values wrapped in a
//! word processor's curly quotes (VB006) are unwrapped the same way, since the cover list would
//! print the quotes.
//!
//! One exception: an invisible character or a look-alike letter in an attachment's name
//! (`dinh_kem`) may be a slip of the keyboard or part of the file's real name on disk, which
//! only the attachment check can tell. Its VB004 or VB005 is held back with the name as written
//! ([`HeldName`]); the attachment check gives it, or one finding about the name in its place
//! when the file on disk bears the same character.

use super::held::HeldName;
use crate::diag::Rule;
use crate::diag::{Finding, Sink};
use crate::msg;
use crate::source::{pos_of_byte, Span};
use crate::text::chars::{self, Odd};
use crate::yaml::tree::{Node, Scalar};

/// Report and remove invisible characters, look-alike letters and curly quotes in the keys
/// and values of a parsed file; the attachment names whose VB004 is held back go to `held`.
pub(crate) fn characters(
    rel: &str,
    text: &str,
    root: &mut Node,
    sink: &mut Sink,
    held: &mut Vec<HeldName>,
) {
    let mut out = Out { sink, held };
    walk(rel, text, root, "", &mut out);
    // A tag can only be written with "!"; most files have none. (`memchr` reads the file a
    // vector at a time; `str::contains` went a word at a time, 1.4 % of a check.)
    if memchr::memchr(b'!', text.as_bytes()).is_some() {
        tags(rel, text, root, "", out.sink);
    }
}

/// Values written with a YAML tag (`!custom x`, `!!binary aGVsbG8=`): the tree keeps the value
/// and drops the tag, so the checks pass; but the format has no tags, and a stricter reader at
/// the receiving office may refuse one it does not know, or read `!!binary` as bytes. A
/// warning names the tag, where it is written.
fn tags(rel: &str, text: &str, node: &Node, key: &str, sink: &mut Sink) {
    if let Some((at, tag)) = tag_before(text, node.span()) {
        let at = Span::at(pos_of_byte(text, at));
        let mut f = Finding::new(
            Rule::HS002,
            rel,
            Some(at),
            msg!("giá trị của trường \"{}\" mang nhãn kiểu YAML \"{}\": mẫu hồ sơ không dùng nhãn kiểu, và chương trình đọc hồ sơ ở nơi nhận có thể từ chối nhãn lạ", key, tag;
                 "the value of \"{}\" carries the YAML tag \"{}\": the format uses no tags, and the program at the receiving office may refuse one it does not know", key, tag),
        )
        .help(msg!("xóa nhãn \"{}\" ở dòng {}, chỉ giữ lại giá trị", tag, at.start.line;
                   "delete the tag \"{}\" on line {} and keep the value", tag, at.start.line));
        f.severity = crate::diag::Severity::Warning;
        sink.push(f);
    }
    match node {
        Node::Scalar(_) => {}
        Node::Seq(items, _) => {
            for i in items {
                tags(rel, text, i, key, sink);
            }
        }
        Node::Map(entries, _) => {
            for (k, v) in entries {
                tags(rel, text, v, &k.text, sink);
            }
        }
    }
}

/// The tag written before a node starting at `span`, on the same line: its byte offset and
/// text. The parser may start the node at its tag or at the value after it.
fn tag_before(text: &str, span: Span) -> Option<(usize, &str)> {
    let b = span.start.byte as usize;
    let token_end = |from: usize| {
        text[from..]
            .find([' ', '\t', '\n', '\r', ',', ']', '}'])
            .map_or(text.len(), |i| from + i)
    };
    if text.get(b..)?.starts_with('!') {
        return Some((b, &text[b..token_end(b)]));
    }
    let line_start = text.get(..b)?.rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..b].trim_end_matches([' ', '\t']);
    let t = before
        .rfind([' ', '\t', '[', '{', ','])
        .map_or(0, |i| i + 1);
    let tok = &before[t..];
    // A tag is a token of its own, after the key's colon, a list dash or a flow bracket.
    let lead = before[..t].trim_end_matches([' ', '\t']);
    let placed = lead.is_empty() || lead.ends_with([':', '-', '[', '{', ',']);
    (tok.starts_with('!') && placed).then_some((line_start + t, tok))
}

/// Where findings go: the sink, or for an attachment's invisible character, the held names.
struct Out<'a> {
    sink: &'a mut Sink,
    held: &'a mut Vec<HeldName>,
}

fn walk(rel: &str, text: &str, node: &mut Node, key: &str, out: &mut Out<'_>) {
    match node {
        Node::Scalar(s) => scalar(rel, text, s, key, false, out),
        Node::Seq(items, _) => {
            for i in items {
                walk(rel, text, i, key, out);
            }
        }
        Node::Map(entries, _) => {
            for (k, v) in entries {
                scalar(rel, text, k, "", true, out);
                walk(rel, text, v, &k.text, out);
            }
        }
    }
}

fn scalar(rel: &str, text: &str, s: &mut Scalar, key: &str, is_key: bool, out: &mut Out<'_>) {
    let sink = &mut *out.sink;
    if s.text.is_ascii() {
        s.vietnamese = true;
        return;
    }
    // One pass over the bytes for the looks below and the reader's NFC check: nearly every
    // value is plain Vietnamese, which has no foreign space, no odd character and is NFC.
    let look = crate::text::bytes::look(&s.text);
    // Whether the text is no longer the one looked at.
    let mut changed = false;
    if is_key && !look.plain {
        if let Some(i) = s.text.find(chars::is_foreign_space) {
            // Indentation or a separator typed with a non-breaking space: YAML read it as part
            // of the key, so the file's structure is not what the clerk laid out.
            let c = s.text[i..].chars().next().unwrap_or(' ');
            let start = s.span.start.byte as usize;
            let source = text.get(start..s.span.end_byte as usize).unwrap_or("");
            let at = source
                .find(chars::is_foreign_space)
                .map_or(s.span, |j| Span::at(pos_of_byte(text, start + j)));
            let (vi, en) = chars::describe(c);
            sink.push(
                Finding::new(
                    Rule::HS002,
                    rel,
                    Some(at),
                    msg!("dòng {} có {} ({}) ở chỗ thụt lề hoặc trong tên trường, không phải dấu cách thường: YAML đọc sai cấu trúc của tệp", at.start.line, vi, chars::code(c);
                         "line {} has {} ({}) in its indentation or field name, not a plain space: YAML misreads the file's structure", at.start.line, en, chars::code(c)),
                )
                .help(msg!("thay ký tự ở dòng {}, cột {} bằng dấu cách thường (lệnh dossier fix sửa được)", at.start.line, at.start.column;
                           "replace the character at line {}, column {} with a plain space (dossier fix does it)", at.start.line, at.start.column)),
            );
            s.text = s.text.trim_matches(chars::is_foreign_space).to_owned();
            changed = true;
        }
    }
    let odd = if look.plain {
        Vec::new()
    } else {
        chars::odd_chars(&s.text)
    };
    if !odd.is_empty() {
        report_odd(rel, text, s, key, is_key, &odd, out);
        s.text = chars::clean(&s.text).into_owned();
        changed = true;
    }
    let sink = &mut *out.sink;
    if is_key {
        s.vietnamese = look.plain && !changed;
        return;
    }
    if s.plain {
        comment_after(rel, text, s, key, sink);
    }
    let glide = if changed {
        crate::text::fold::fix_tone_on_glide(&s.text)
    } else if look.glide {
        crate::text::fold::fix_tone_on_glide_looked(&s.text)
    } else {
        None
    };
    if let Some((right, words)) = glide {
        let start = s.span.start.byte as usize;
        let source = text.get(start..s.span.end_byte as usize).unwrap_or("");
        let at = words
            .first()
            .and_then(|w| source.find(w.as_str()))
            .map_or(s.span, |i| Span::at(pos_of_byte(text, start + i)));
        let list = words.join(", ");
        sink.push(
            Finding::new(
                Rule::VB007,
                rel,
                Some(at),
                msg!("giá trị của trường \"{}\" viết sai dấu thanh: \"{}\" đặt dấu trên chữ u của qu hoặc chữ i của gi, sai theo cả kiểu bỏ dấu cũ lẫn mới; viết đúng là \"{}\"", key, list, right;
                     "the value of \"{}\" misplaces a tone mark: \"{}\" puts it on the u of qu or the i of gi, wrong in either style; the right spelling is \"{}\"", key, list, right),
            )
            .help(msg!("sửa thành \"{}\" (lệnh dossier fix sửa được), trừ khi giấy tờ gốc ghi đúng như vậy", right;
                       "write \"{}\" (dossier fix does it), unless the original papers really write it so", right))
            .note(msg!("khi kiểm tra, chương trình đọc theo cách viết đúng"; "the checks read the right spelling")),
        );
        s.text = right;
        changed = true;
    }
    if let Some(inner) = chars::curly_wrapped(&s.text) {
        let inner = inner.to_owned();
        sink.push(
            Finding::new(
                Rule::VB006,
                rel,
                Some(s.span),
                msg!("giá trị của trường \"{}\" nằm trong dấu ngoặc kép cong của Word (“ ”), không phải dấu ngoặc của YAML, nên dấu ngoặc sẽ được in ra cùng với chữ: {}", key, s.text;
                     "the value of \"{}\" is wrapped in a word processor's curly quotes (“ ”), which YAML does not take as quotes, so they would be printed with the text: {}", key, s.text),
            )
            .help(msg!("dùng dấu ngoặc kép thẳng: {}: \"{}\" (lệnh dossier fix sửa được)", key, inner;
                       "use straight quotes: {}: \"{}\" (dossier fix does it)", key, inner))
            .note(msg!("khi kiểm tra, chương trình đã bỏ dấu ngoặc cong"; "the curly quotes were dropped for the checks")),
        );
        s.text = inner;
        changed = true;
    }
    s.vietnamese = look.plain && !changed;
}

/// A comment right after an unquoted text value on its line (HS017): the clerk most likely
/// meant the `#` and what follows as part of the value. Ids, dates, numbers and the like are
/// left alone, since a comment after them cannot be mistaken for text.
fn comment_after(rel: &str, text: &str, s: &Scalar, key: &str, sink: &mut Sink) {
    let end = s.span.end_byte as usize;
    let Some(rest) = text.get(end..) else { return };
    let line = rest.split(['\n', '\r']).next().unwrap_or("");
    let trimmed = line.trim_start_matches([' ', '\t']);
    if !trimmed.starts_with('#') {
        return;
    }
    // Words written on (`Tổ #2`, `#trưởng nhóm`) or a value of several words: text. A single
    // word with a spaced-out comment (`gioi_tinh: nữ  # nam hoặc nu`) is a comment as meant.
    let glued = trimmed[1..].starts_with(|c: char| !c.is_whitespace() && c != '#');
    if !(s.text.contains(' ') || glued) {
        return;
    }
    let hash = end + (line.len() - trimmed.len());
    let comment = trimmed.trim_end();
    let at = Span::at(pos_of_byte(text, hash));
    let whole = format!("{} {}", s.text, comment);
    sink.push(
        Finding::new(
            Rule::HS017,
            rel,
            Some(at),
            msg!("giá trị của trường \"{}\" chỉ được đọc là \"{}\": phần \"{}\" sau dấu # bị coi là ghi chú và bị bỏ", key, s.text, comment;
                 "the value of \"{}\" reads only \"{}\": \"{}\" after the # is taken as a comment and dropped", key, s.text, comment),
        )
        .help(msg!("nếu dấu # là một phần của chữ, đặt cả giá trị trong ngoặc kép: {}: \"{}\"; nếu đó là ghi chú, viết ở dòng riêng", key, whole;
                   "if the # is part of the text, quote the whole value: {}: \"{}\"; if it is a comment, put it on its own line", key, whole)),
    );
}

fn report_odd(
    rel: &str,
    text: &str,
    s: &Scalar,
    key: &str,
    is_key: bool,
    odd: &[(usize, Odd)],
    out: &mut Out<'_>,
) {
    // The place of each odd character in the source, when it is written there as itself (a
    // `\u200B` escape in a quoted value is not: then the value's start is shown).
    let start = s.span.start.byte as usize;
    let source = text.get(start..s.span.end_byte as usize).unwrap_or("");
    let in_source = chars::odd_chars(source);
    let place = |want: &dyn Fn(&Odd) -> bool| -> Span {
        in_source
            .iter()
            .find(|(_, o)| want(o))
            .map_or(s.span, |(i, _)| Span::at(pos_of_byte(text, start + i)))
    };
    let what_vi = if is_key {
        format!("tên trường \"{}\"", chars::clean(&s.text))
    } else {
        format!("giá trị của trường \"{key}\"")
    };
    let what_en = if is_key {
        format!("field name \"{}\"", chars::clean(&s.text))
    } else {
        format!("the value of \"{key}\"")
    };
    let invisible: Vec<char> = odd
        .iter()
        .filter_map(|(_, o)| match o {
            Odd::Invisible(c) => Some(*c),
            Odd::Lookalike(..) => None,
        })
        .collect();
    if let Some(&c) = invisible.first() {
        let at = place(&|o| matches!(o, Odd::Invisible(_)));
        let (vi, en) = chars::describe(c);
        let more = invisible.len() - 1;
        let (more_vi, more_en) = if more > 0 {
            (
                format!(" (và {more} ký tự vô hình khác)"),
                format!(" (and {more} more)"),
            )
        } else {
            (String::new(), String::new())
        };
        let f = Finding::new(
                Rule::VB004,
                rel,
                Some(at),
                msg!("{} có ký tự vô hình {} ({}) ở dòng {}, cột {}{}: trên màn hình không thấy, nhưng máy coi chữ này khác với cùng chữ đó ở nơi khác",
                     what_vi, chars::code(c), vi, at.start.line, at.start.column, more_vi;
                     "{} has an invisible character {} ({}) at line {}, column {}{}: it does not show, but it makes this text differ from the same text elsewhere",
                     what_en, chars::code(c), en, at.start.line, at.start.column, more_en),
            )
            .help(msg!("chạy lệnh dossier fix để xóa, hoặc xóa rồi gõ lại chữ ở chỗ đó";
                       "run dossier fix to remove it, or delete and retype the text there"))
            .note(msg!("khi kiểm tra, chương trình đã bỏ qua ký tự này"; "the checks ignored this character"));
        if !is_key && key == "dinh_kem" {
            out.held.push(HeldName {
                file: rel.to_owned(),
                at: s.span,
                raw: s.text.clone(),
                finding: f,
            });
        } else {
            out.sink.push(f);
        }
    }
    let look: Vec<(char, char)> = odd
        .iter()
        .filter_map(|(_, o)| match o {
            Odd::Lookalike(c, l) => Some((*c, *l)),
            Odd::Invisible(_) => None,
        })
        .collect();
    if let Some(&(c, l)) = look.first() {
        let at = place(&|o| matches!(o, Odd::Lookalike(..)));
        let (svi, sen) = chars::script_of(c);
        let f = Finding::new(
                Rule::VB005,
                rel,
                Some(at),
                msg!("{}: chữ \"{}\" ở dòng {}, cột {} là {} ({}), trông giống chữ \"{}\" nhưng không phải chữ Việt; máy coi hai chữ là khác nhau{}",
                     what_vi, c, at.start.line, at.start.column, svi, chars::code(c), l,
                     if look.len() > 1 { format!(" (còn {} chữ như vậy)", look.len() - 1) } else { String::new() };
                     "{}: \"{}\" at line {}, column {} is {} ({}) that looks like \"{}\" but is not a Vietnamese letter; to a computer they differ{}",
                     what_en, c, at.start.line, at.start.column, sen, chars::code(c), l,
                     if look.len() > 1 { format!(" ({} more such letters)", look.len() - 1) } else { String::new() }),
            )
            .help(msg!("gõ lại chữ này bằng bộ gõ tiếng Việt (Unikey, EVKey), hoặc chạy lệnh dossier fix";
                       "retype it with a Vietnamese keyboard (Unikey, EVKey), or run dossier fix"))
            .note(msg!("khi kiểm tra, chương trình đã đọc là chữ \"{}\"", l; "the checks read it as \"{}\"", l));
        if !is_key && key == "dinh_kem" {
            out.held.push(HeldName {
                file: rel.to_owned(),
                at: s.span,
                raw: s.text.clone(),
                finding: f,
            });
        } else {
            out.sink.push(f);
        }
    }
}
