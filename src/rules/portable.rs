//! File names that cannot travel (DK006): a report or an attachment whose name `verify` at the
//! receiving office would refuse (a Windows device name such as `aux.pdf`, a trailing dot or
//! space, an NTFS stream, a character that hides or reorders text). `pack` stops on such a name
//! only after writing the bundle; the clerk should hear it at `check`, where she renames the file.
//!
//! The same rule covers an attachment whose name on disk differs from the document's only by
//! what the eye cannot see (an invisible character, a trailing space or dot, a Cyrillic, Greek or
//! fullwidth letter drawn like a Latin one): the clerk sees one name in both places, the program
//! finds no file. Each finding names the character, its column in the name and what to do; a
//! message that quoted both names would show two identical strings.

use super::context::Ctx;
use crate::diag::Finding;
use crate::dossier::files::shown_name;
use crate::dossier::{Dossier, HeldName};
use crate::msg;
use crate::rules::Rule;
use crate::source::{pos_of_byte, Sp, Span};
use crate::text::chars;
use crate::text::file_name::unsafe_name;

pub(crate) fn check(cx: &mut Ctx<'_>) {
    let d = cx.d;
    let mut named: Vec<(String, String, Option<Span>)> = Vec::new();
    let mut add = |file: &str, v: &crate::source::Sp<String>| {
        named.push((file.to_owned(), v.v.clone(), Some(v.at)));
    };
    if let Some(t) = &d.to_trinh {
        let f = cx.to_trinh_file().to_owned();
        t.dinh_kem.iter().for_each(|a| add(&f, a));
    }
    if let Some(b) = &d.bien_ban {
        let f = cx.bien_ban_file().to_owned();
        b.dinh_kem.iter().for_each(|a| add(&f, a));
    }
    for r in &d.reports {
        r.dinh_kem.iter().for_each(|a| add(&r.file, a));
    }
    for (f, _) in &d.report_files {
        named.push((f.clone(), f.clone(), None));
    }
    for (file, name, span) in named {
        let rel = super::normalise_path(&name);
        // Names that leave the folder are DK002's.
        if rel.starts_with('/') || rel.split('/').any(|s| s == "..") {
            continue;
        }
        let Some((vi, en)) = unsafe_name(rel.as_bytes(), false) else {
            continue;
        };
        cx.push(
            Finding::new(
                Rule::DK006,
                &file,
                span,
                msg!("tên tệp \"{}\" không gửi đi được: {}; gói hồ sơ sẽ bị nơi nhận từ chối", rel, vi;
                     "the file name \"{}\" cannot travel: {}; the receiving office would refuse the bundle", rel, en),
            )
            .help(msg!("đổi tên tệp, chỉ dùng chữ, số, dấu cách và dấu gạch ngang (ví dụ \"dinh-kem/quyet-dinh.pdf\"), rồi sửa tên trong văn bản theo";
                       "rename the file using letters, digits, spaces and hyphens (e.g. \"dinh-kem/quyet-dinh.pdf\"), and correct the name in the document")),
        );
    }
}

/// What makes a file's name on disk differ from the name its document gives, when the
/// difference does not show on screen: an invisible character, or spaces or dots ending a part
/// of the name (Windows drops them). The column counts characters of the name, from 1.
enum Hidden {
    Invisible(char),
    Trailing(char),
}

/// The first hidden difference of a name, with its column and the part of the name it ends
/// (for a trailing space or dot).
fn first_hidden(name: &str) -> Option<(Hidden, usize, usize)> {
    let mut col = 0;
    for (k, seg) in name.split('/').enumerate() {
        let kept = seg.trim_end_matches([' ', '.']).chars().count();
        for (i, c) in seg.chars().enumerate() {
            col += 1;
            if crate::text::chars::is_invisible(c) {
                return Some((Hidden::Invisible(c), col, k));
            }
            if i == kept {
                return Some((Hidden::Trailing(c), col, k));
            }
        }
        col += 1; // the slash
    }
    None
}

/// DK006 for an attachment whose file is in the folder under a name that differs from the
/// document's only by what does not show (`disk`, found for `written`): the clerk sees one name
/// in both places, the receiving office gets one it refuses. `raw` is the name as the document
/// writes it, before invisible characters were taken out, so the finding can say whether the
/// document bears the same character (and point at it) or only the file does.
pub(crate) fn disk_name(
    d: &Dossier,
    file: &str,
    a: &Sp<String>,
    raw: &str,
    disk: &str,
    written: &str,
) -> Option<(Finding, bool)> {
    let disk = crate::text::to_nfc(disk);
    let (hidden, col, part) = first_hidden(&disk)?;
    let raw = raw.replace('\\', "/");
    let raw_parts: Vec<&str> = raw
        .trim_start()
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    let source = d
        .sources
        .iter()
        .find(|s| s.rel == file)
        .map_or("", |s| s.text.as_str());
    let start = a.at.start.byte as usize;
    let value = source.get(start..a.at.end_byte as usize).unwrap_or("");
    // Whether the document writes the same character, and where in the line when it is written
    // as itself (a `\u200B` escape is not: then the value is pointed at).
    let (what_vi, what_en, in_document, place) = match hidden {
        Hidden::Invisible(c) => {
            let (vi, en) = chars::describe(c);
            let code = chars::code(c);
            (
                format!("ký tự vô hình {code} ({vi})"),
                format!("an invisible character {code} ({en})"),
                raw.contains(c),
                value.find(c),
            )
        }
        Hidden::Trailing(c) => {
            let (vi, en) = if c == '.' {
                ("dấu chấm thừa đứng cuối", "a trailing dot")
            } else {
                ("dấu cách thừa đứng cuối", "a trailing space")
            };
            let in_raw = raw_parts.get(part).filter(|p| p.ends_with(c));
            let place = in_raw.and_then(|p| {
                value
                    .find(p)
                    .map(|i| i + p.trim_end_matches([' ', '.']).len())
            });
            (vi.to_owned(), en.to_owned(), in_raw.is_some(), place)
        }
    };
    let f = if in_document {
        let at = place.map_or(a.at, |i| Span::at(pos_of_byte(source, start + i)));
        Finding::new(
            Rule::DK006,
            file,
            Some(at),
            msg!("tên tệp đính kèm \"{}\" có {} ở cột {} của tên, cả trong văn bản lẫn trên đĩa: trên màn hình không thấy, nhưng nơi nhận sẽ từ chối gói hồ sơ có tên tệp như vậy", written, what_vi, col;
                 "the attachment's name \"{}\" has {} at column {} of the name, in the document and on disk alike: it does not show, but the receiving office would refuse a bundle with such a name", written, what_en, col),
        )
        .help(msg!("đổi tên tệp trên đĩa thành \"{}\" và xóa ký tự đó khỏi dòng dinh_kem, để hai nơi ghi cùng một tên", written;
                   "rename the file on disk to \"{}\" and delete the character from the dinh_kem line, so both give the same name", written))
    } else {
        Finding::new(
            Rule::DK006,
            file,
            Some(a.at),
            msg!("tệp đính kèm \"{}\" có trong hồ sơ dưới tên \"{}\": tên trên đĩa có thêm {} ở cột {} của tên; trên màn hình không thấy, nhưng tên không khớp với tên ghi trong văn bản, và nơi nhận sẽ từ chối gói hồ sơ có tên tệp như vậy", written, shown_name(&disk), what_vi, col;
                 "the attachment \"{}\" is in the dossier as \"{}\": its name on disk has {} at column {} of the name; it does not show, but the name does not match the document's, and the receiving office would refuse a bundle with such a name", written, shown_name(&disk), what_en, col),
        )
        .help(msg!("đổi tên tệp trên đĩa thành \"{}\", đúng như văn bản ghi", written;
                   "rename the file on disk to \"{}\", as the document names it", written))
    };
    Some((f, in_document))
}

/// The first look-alike letter of a name: its character, the Latin letter it looks like, its
/// byte offset and its column (characters from 1).
fn first_lookalike(name: &str) -> Option<(char, char, usize, usize)> {
    chars::odd_chars(name)
        .into_iter()
        .find_map(|(i, o)| match o {
            chars::Odd::Lookalike(c, l) => Some((c, l, i, name[..i].chars().count() + 1)),
            chars::Odd::Invisible(_) => None,
        })
}

/// The place of `c` in the attachment's value as the source writes it, or the value's start
/// (a `\u043E` escape is not the letter itself).
fn place_in_value(d: &Dossier, file: &str, a: &Sp<String>, c: char) -> Span {
    let source = d
        .sources
        .iter()
        .find(|s| s.rel == file)
        .map_or("", |s| s.text.as_str());
    let start = a.at.start.byte as usize;
    let value = source.get(start..a.at.end_byte as usize).unwrap_or("");
    value
        .find(c)
        .map_or(a.at, |i| Span::at(pos_of_byte(source, start + i)))
}

/// DK006 for an attachment whose file is in the folder under a name with a letter of another
/// script that looks Latin (a Cyrillic "о", a Greek "ο", a fullwidth letter), where the
/// document's name, as the checks read it, has the Latin letter: the clerk sees one name in both
/// places, but no file bears the name the checks and `pack` look for. With whether the
/// document writes the same letter (then the finding replaces its VB005).
pub(crate) fn lookalike_disk_name(
    d: &Dossier,
    file: &str,
    a: &Sp<String>,
    raw: &str,
    disk: &str,
    written: &str,
) -> Option<(Finding, bool)> {
    let disk = crate::text::to_nfc(disk);
    let (c, l, _, col) = first_lookalike(&disk)?;
    let (svi, sen) = chars::script_of(c);
    let code = chars::code(c);
    let in_document = raw.contains(c);
    let f = if in_document {
        Finding::new(
            Rule::DK006,
            file,
            Some(place_in_value(d, file, a, c)),
            msg!("tên tệp đính kèm \"{}\" có chữ \"{}\" ở cột {} của tên, cả trong văn bản lẫn trên đĩa: đó là {} ({}), trông giống chữ \"{}\" nhưng không phải chữ Việt; chương trình đọc tên với chữ \"{}\" nên không thấy tệp, và gói hồ sơ không mang tệp theo được", shown_name(&disk), c, col, svi, code, l, l;
                 "the attachment's name \"{}\" has \"{}\" at column {} of the name, in the document and on disk alike: it is {} ({}) that looks like \"{}\" but is not a Latin letter; the checks read the name with \"{}\" and find no file, so the bundle cannot carry it", shown_name(&disk), c, col, sen, code, l, l),
        )
        .help(msg!("đổi tên tệp trên đĩa thành \"{}\" và gõ lại chữ \"{}\" ở dòng dinh_kem bằng bộ gõ tiếng Việt (Unikey, EVKey), để hai nơi ghi cùng một tên", written, l;
                   "rename the file on disk to \"{}\" and retype the \"{}\" in the dinh_kem line with a Vietnamese keyboard (Unikey, EVKey), so both give the same name", written, l))
    } else {
        Finding::new(
            Rule::DK006,
            file,
            Some(a.at),
            msg!("tệp đính kèm \"{}\" có trong hồ sơ dưới tên \"{}\", nhưng chữ \"{}\" ở cột {} của tên trên đĩa là {} ({}), trông giống chữ \"{}\" nhưng là chữ khác: tên không khớp với tên ghi trong văn bản, nên chương trình không thấy tệp và gói hồ sơ không mang tệp theo được", written, shown_name(&disk), c, col, svi, code, l;
                 "the attachment \"{}\" is in the dossier as \"{}\", but \"{}\" at column {} of the name on disk is {} ({}) that looks like \"{}\" but is another letter: the name does not match the document's, so the checks find no file and the bundle cannot carry it", written, shown_name(&disk), c, col, sen, code, l),
        )
        .help(msg!("đổi tên tệp trên đĩa thành \"{}\", đúng như văn bản ghi (gõ lại chữ \"{}\" bằng bộ gõ tiếng Việt)", written, l;
                   "rename the file on disk to \"{}\", as the document names it (retype the \"{}\" with a Vietnamese keyboard)", written, l))
    };
    Some((f, in_document))
}

/// VB005 for an attachment name whose look-alike letter is in the document only: the file on
/// disk is named in Latin letters and was found, so this is a warning, about the name and not
/// just any text. `held` is the VB005 the reader held back, for its place.
pub(crate) fn lookalike_in_document(
    d: &Dossier,
    file: &str,
    a: &Sp<String>,
    raw: &str,
    held: &HeldName,
    written: &str,
) -> Option<Finding> {
    let name = crate::text::to_nfc(&super::normalise_path(raw)).into_owned();
    let (c, l, _, col) = first_lookalike(&name)?;
    let (svi, sen) = chars::script_of(c);
    let code = chars::code(c);
    let at = held
        .finding
        .primary
        .span
        .unwrap_or_else(|| place_in_value(d, file, a, c));
    Some(
        Finding::new(
            Rule::VB005,
            file,
            Some(at),
            msg!("tên tệp đính kèm \"{}\" trong văn bản có chữ \"{}\" ở cột {} của tên: đó là {} ({}), trông giống chữ \"{}\" nhưng không phải chữ Việt; tên tệp trên đĩa ghi đúng chữ \"{}\", và chương trình đã đọc tên theo tệp đó", shown_name(&name), c, col, svi, code, l, l;
                 "the attachment's name \"{}\" in the document has \"{}\" at column {} of the name: it is {} ({}) that looks like \"{}\" but is not a Latin letter; the file on disk has a plain \"{}\", and the checks read the name as that file's", shown_name(&name), c, col, sen, code, l, l),
        )
        .help(msg!("gõ lại chữ \"{}\" ở dòng dinh_kem bằng bộ gõ tiếng Việt (Unikey, EVKey), để văn bản ghi đúng tên tệp \"{}\" (lệnh dossier fix sửa được)", l, written;
                   "retype the \"{}\" in the dinh_kem line with a Vietnamese keyboard (Unikey, EVKey), so the document gives the file's name \"{}\" (dossier fix does it)", l, written)),
    )
}
