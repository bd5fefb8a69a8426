//! File names as file systems will resolve them: shared by `verify` (a bundle's entry names) and
//! the check (the dossier's own file names, which become those entries), so a clerk hears at
//! `check` what the receiving office would refuse.
//!
//! A name is checked once for what could land it somewhere other than where it reads (a `..`
//! spelt with a lookalike slash, a trailing dot Windows drops, a device name, an NTFS stream, a
//! character that reorders or hides text), and then reduced to a key under which two names
//! that any common file system stores as one file (case, Unicode form) are equal. Names are
//! refused, not warned about: `dossier pack` writes none of them.

use unicode_normalization::UnicodeNormalization;

/// A name as a message shows it: what prints, as it is (a backslash is one backslash, Vietnamese
/// letters are letters), and each character that would print as nothing, move the text or break
/// the line as `<U+200B>`, the way the check names such characters. Rust's `escape_debug` put
/// `\u{200b}` and doubled backslashes before the clerk: programmer notation.
#[must_use]
pub fn shown(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_control()
            || crate::text::chars::is_invisible(c)
            || (c.is_whitespace() && c != ' ')
            || matches!(c, '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{fffd}')
        {
            out.push('<');
            out.push_str(&crate::text::chars::code(c));
            out.push('>');
        } else {
            out.push(c);
        }
    }
    out
}

/// A path as the commands print it: as typed, without the `./` a search puts in front, with `/`
/// between its parts on every system, and [`shown`] so that a name from a shared folder cannot
/// hide a character or move the terminal.
#[must_use]
pub fn shown_path(p: &std::path::Path) -> String {
    let s = shown(&p.display().to_string());
    // Windows' separators first, so that ".\\hs" loses its "./" as "./hs" does (#23).
    let s = if std::path::MAIN_SEPARATOR == '\\' {
        plain_windows_path(s.replace('\\', "/"))
    } else {
        s
    };
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

/// A Windows path as its owner writes it: `std::fs::canonicalize` gives the verbatim form
/// (`\\?\C:\hs`, `\\?\UNC\server\share`), which no clerk has seen (#23); shown as `C:/hs` and
/// `//server/share` (after the separators are made `/`).
fn plain_windows_path(s: String) -> String {
    if let Some(rest) = s.strip_prefix("//?/UNC/") {
        return format!("//{rest}");
    }
    match s.strip_prefix("//?/") {
        Some(rest)
            if rest.len() >= 3
                && rest.as_bytes()[0].is_ascii_alphabetic()
                && &rest.as_bytes()[1..3] == b":/" =>
        {
            rest.to_owned()
        }
        _ => s,
    }
}

/// Why a name is unsafe to extract, if it is: (Vietnamese, English). `name` is as stored; a
/// folder entry's single trailing `/` is allowed.
#[must_use]
pub fn unsafe_name(name: &[u8], dir: bool) -> Option<(&'static str, &'static str)> {
    let Ok(s) = std::str::from_utf8(name) else {
        return Some(("tên không phải UTF-8", "the name is not UTF-8"));
    };
    let s = if dir {
        s.strip_suffix('/').unwrap_or(s)
    } else {
        s
    };
    if s.is_empty() {
        return Some(("tên rỗng", "an empty name"));
    }
    if s.len() > 1024 {
        return Some(("tên quá dài", "the name is too long"));
    }
    if s.contains('\\') || s.contains('\u{A5}') || s.contains('\u{20A9}') {
        return Some((
            "tên có dấu gạch chéo ngược \"\\\" (hoặc ¥, ₩: dấu gạch chéo ngược trong bảng mã Nhật, Hàn)",
            "the name has a backslash (or ¥, ₩: a backslash in Japanese and Korean code pages)",
        ));
    }
    if s.starts_with('/') {
        return Some(("đường dẫn tuyệt đối", "an absolute path"));
    }
    if s.contains(':') {
        return Some((
            "tên có dấu hai chấm (Windows đọc là tên ổ đĩa hoặc phần ẩn của tệp)",
            "the name has a colon (a drive letter or a hidden NTFS stream)",
        ));
    }
    for c in s.chars() {
        if let Some(why) = bad_char(c) {
            return Some(why);
        }
    }
    if has_percent_escape(s) {
        return Some((
            "tên có dấu % kèm hai chữ số (có thể bị đọc thành dấu chấm hay dấu gạch chéo)",
            "the name has a % followed by two hex digits (which may be decoded into a dot or a slash)",
        ));
    }
    for seg in s.split('/') {
        if seg.is_empty() {
            return Some((
                "đường dẫn có hai dấu gạch chéo liền nhau, hoặc dấu gạch chéo ở cuối",
                "the path has two slashes in a row, or a slash at the end",
            ));
        }
        if seg == "." || seg == ".." || seg.chars().all(|c| c == '.') {
            return Some((
                "đường dẫn có phần chỉ gồm dấu chấm (\".\" hay \"..\": trỏ ra ngoài hoặc trùng thư mục)",
                "the path has a part made of dots only (\".\" or \"..\": leading outside, or an alias)",
            ));
        }
        if seg.ends_with('.') || seg.ends_with(' ') {
            return Some((
                "một phần của tên kết thúc bằng dấu chấm hoặc dấu cách (Windows bỏ đi, thành trùng tên khác)",
                "a part of the name ends in a dot or a space (Windows drops it, making an alias)",
            ));
        }
        if seg.len() > 255 {
            return Some(("một phần của tên quá dài", "a part of the name is too long"));
        }
        if reserved(seg) {
            return Some((
                "tên thiết bị dành riêng của Windows (CON, NUL, COM1…)",
                "a Windows reserved device name (CON, NUL, COM1…)",
            ));
        }
    }
    None
}

/// A character that could hide, reorder, or stand in for a separator or a dot.
fn bad_char(c: char) -> Option<(&'static str, &'static str)> {
    if c.is_control() {
        return Some(("tên có ký tự điều khiển", "the name has control characters"));
    }
    if invisible(c) {
        return Some((
            "tên có ký tự ẩn, đảo chiều chữ hoặc xuống dòng (U+200B, U+202E, U+2028…)",
            "the name has an invisible, direction-changing or line-breaking character (U+200B, U+202E, U+2028…)",
        ));
    }
    if c.is_whitespace() && c != ' ' {
        return Some((
            "tên có khoảng trắng lạ",
            "the name has an unusual space character",
        ));
    }
    if matches!(c, '<' | '>' | '"' | '|' | '?' | '*' | '~') {
        return Some((
            "tên có ký tự Windows không cho phép hoặc dùng cho tên rút gọn (< > \" | ? * ~)",
            "the name has a character Windows forbids or uses for short names (< > \" | ? * ~)",
        ));
    }
    if !c.is_ascii()
        && c.nfkc().any(|k| {
            matches!(
                k,
                '.' | '/' | '\\' | ':' | '~' | '%' | '<' | '>' | '"' | '|' | '?' | '*'
            )
        })
    {
        return Some((
            "tên có ký tự trông giống dấu chấm, gạch chéo hay dấu hai chấm (dạng toàn độ rộng, ∕, ⁄…)",
            "the name has a character that looks like a dot, slash or colon (fullwidth, ∕, ⁄…)",
        ));
    }
    if matches!(
        c,
        '\u{2215}'
            | '\u{2044}'
            | '\u{29F8}'
            | '\u{2571}'
            | '\u{29F5}'
            | '\u{29F9}'
            | '\u{2216}'
            | '\u{FE68}'
            | '\u{2024}'
            | '\u{2025}'
            | '\u{2026}'
            | '\u{3002}'
            | '\u{FF61}'
            | '\u{FE52}'
    ) {
        return Some((
            "tên có ký tự trông giống dấu chấm hay gạch chéo",
            "the name has a character that looks like a dot or a slash",
        ));
    }
    None
}

/// Format characters, separators, and characters that render as nothing.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{2800}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFF}' | '\u{E0000}'..='\u{E0FFF}'
        | '\u{600}'..='\u{605}' | '\u{6DD}' | '\u{70F}' | '\u{1D173}'..='\u{1D17A}')
        || ('\u{E000}'..='\u{F8FF}').contains(&c)
        || ('\u{F0000}'..='\u{10FFFF}').contains(&c)
}

fn has_percent_escape(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
}

/// Whether a part of `path` is a name Windows takes for a device (`CON`, `nul.zip`,
/// `ra\\COM1.xlsx`): a file "written" there goes to the console, the printer port or nowhere,
/// and a file of that name made on another system cannot be opened on Windows (#23).
#[must_use]
pub fn device_name(path: &std::path::Path) -> bool {
    path.components().any(|c| match c {
        std::path::Component::Normal(n) => reserved(&n.to_string_lossy()),
        _ => false,
    })
}

/// `CON`, `nul.txt`, `COM1.pdf`, `CONIN$`: names Windows opens as devices, with any extension.
fn reserved(seg: &str) -> bool {
    let stem = seg
        .split('.')
        .next()
        .unwrap_or(seg)
        .trim_end()
        .to_ascii_uppercase();
    match stem.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$" => true,
        s => {
            (s.starts_with("COM") || s.starts_with("LPT"))
                && s.len() > 3
                && s[3..].chars().count() == 1
                && s[3..]
                    .chars()
                    .all(|d| d.is_ascii_digit() || matches!(d, '¹' | '²' | '³'))
        }
    }
}

/// The name as a case-insensitive, normalising file system stores it (NTFS, APFS, HFS+):
/// two names with one key are one file on disk.
#[must_use]
pub fn key(name: &str) -> String {
    let nfc: String = name.trim_end_matches('/').nfc().collect();
    nfc.to_lowercase().nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_verbatim_paths_are_shown_as_written() {
        assert_eq!(plain_windows_path("//?/C:/hs/a".into()), "C:/hs/a");
        assert_eq!(
            plain_windows_path("//?/UNC/may-chu/chung/hs".into()),
            "//may-chu/chung/hs"
        );
        // Not a drive path: kept whole, the prefix says something.
        assert_eq!(
            plain_windows_path("//?/GLOBALROOT/x".into()),
            "//?/GLOBALROOT/x"
        );
        assert_eq!(plain_windows_path("hs/a".into()), "hs/a");
    }

    #[test]
    fn unsafe_names() {
        for n in [
            "/etc/passwd",
            "../x",
            "a/../../x",
            "C:/x",
            "a\\..\\x",
            "a\u{0}b",
            "",
            ".",
            "...",
            "a/./b",
            "a//b",
            "a.",
            "a ",
            "CON",
            "nul.txt",
            "com1.pdf",
            "x:y",
            "..\u{FF0F}x",
            "..\u{2215}x",
            "\u{FF0E}\u{FF0E}/x",
            "%2e%2e/x",
            "a\u{202E}b",
            "a\u{200B}b",
            "a\u{2028}b",
            "~/x",
            "a\u{A0}b",
        ] {
            assert!(unsafe_name(n.as_bytes(), false).is_some(), "{n:?}");
        }
        for n in [
            "to-trinh.yaml",
            "dinh-kem/a b.pdf",
            "bao-cao/nguyễn.yaml",
            "x..y",
            "CONTRACT.pdf",
            "com10.pdf",
            "50% tiến độ.pdf",
        ] {
            assert!(unsafe_name(n.as_bytes(), false).is_none(), "{n:?}");
        }
        assert!(unsafe_name(b"\xff", false).is_some());
        assert!(unsafe_name(b"dinh-kem/", true).is_none());
        assert!(unsafe_name(b"dinh-kem/", false).is_some());
    }

    #[test]
    fn keys_fold_case_and_form() {
        assert_eq!(key("TO-TRINH.yaml"), key("to-trinh.yaml"));
        assert_eq!(key("Nguye\u{302}\u{303}n"), key("nguyễn"));
        assert_ne!(key("a"), key("b"));
    }
}
