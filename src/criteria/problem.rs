//! What is wrong with a rule-set file, and where: the problem type with its span from the
//! parser, and the reader's complaints said in words a district IT person reads (in Vietnamese
//! by default), shared with `.dossier.yaml`'s reader. Apart from `mod.rs`, which builds and
//! holds the rule sets.

use serde_saphyr::Location;

use super::model;
use crate::diag::Msg;
use crate::msg;
use crate::source::{Pos, Span};
use crate::yaml::decode::DecodeProblem;

/// A problem in a rule-set file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriteriaProblem {
    /// The file.
    pub file: String,
    /// Where in the file, as the parser gives it (byte offset included, so a report shows the
    /// line without reading the file again); none for a file that could not be read at all.
    pub at: Option<Span>,
    /// What is wrong.
    pub message: Msg,
}

impl CriteriaProblem {
    /// A problem at a place the parser gave.
    pub(crate) fn at(file: &str, loc: &Location, message: Msg) -> Self {
        CriteriaProblem {
            file: file.to_owned(),
            at: span_of(loc),
            message,
        }
    }

    /// A problem about a whole file.
    pub(crate) fn whole(file: &str, message: Msg) -> Self {
        CriteriaProblem {
            file: file.to_owned(),
            at: None,
            message,
        }
    }
}

/// The parser's place as a span of the text it read; none when it gives no place.
fn span_of(loc: &Location) -> Option<Span> {
    let line = u32::try_from(loc.line()).ok().filter(|&l| l > 0)?;
    let column = u32::try_from(loc.column()).unwrap_or(1).max(1);
    let s = loc.span();
    let byte = u32::try_from(s.byte_offset()?).ok()?;
    let len = s
        .byte_len()
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or(0);
    Some(Span {
        start: Pos { line, column, byte },
        end_byte: byte.saturating_add(len),
    })
}

/// Why a file could not be read as text, in words: (what, what to do).
pub(crate) fn unreadable_words(p: &DecodeProblem) -> Msg {
    match p {
        DecodeProblem::TooLarge { size } => msg!(
            "tệp quá lớn ({} byte; giới hạn {} byte)", size, crate::yaml::decode::MAX_YAML_BYTES;
            "the file is too large ({} bytes; the limit is {} bytes)", size, crate::yaml::decode::MAX_YAML_BYTES),
        DecodeProblem::Utf16 { .. } => msg!(
            "tệp được lưu bằng mã UTF-16 (chế độ \"Unicode\" của Notepad), không phải UTF-8";
            "the file is saved as UTF-16 (Notepad's \"Unicode\"), not UTF-8"),
        DecodeProblem::NotUtf8 { at } => msg!(
            "tệp không phải văn bản UTF-8 (từ dòng {}, cột {})", at.line, at.column;
            "the file is not UTF-8 text (from line {}, column {})", at.line, at.column),
        DecodeProblem::Binary { at } => msg!(
            "tệp chứa byte nhị phân, không phải văn bản (từ dòng {}, cột {})", at.line, at.column;
            "the file holds binary bytes, not text (from line {}, column {})", at.line, at.column),
        DecodeProblem::NotRegular => msg!(
            "không phải tệp thường (ống dẫn, cổng kết nối hay thiết bị)";
            "not a regular file (a pipe, socket or device)"),
        DecodeProblem::OutsideLink => msg!(
            "tệp là liên kết trỏ ra ngoài hồ sơ";
            "the file is a link leading out of the dossier"),
        DecodeProblem::Io { kind, .. } => {
            let (vi, en) = crate::diag::io_words(&std::io::Error::from(*kind));
            msg!("{}", vi; "{}", en)
        }
    }
}

/// Read one rule-set text into its raw form (the first YAML or shape problem stops it).
pub fn parse_raw(text: &str, file: &str) -> Result<model::RawRuleSet, Vec<CriteriaProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_saphyr::from_str(text).map_err(|e| {
        let detail = e.to_string();
        let first = detail.lines().next().unwrap_or("").to_owned();
        let message = read_problem(&first, RULE_SET);
        vec![match e.location() {
            Some(l) => CriteriaProblem::at(file, &l, message),
            None => CriteriaProblem::whole(file, message),
        }]
    })
}

/// A kind of YAML file a serde reader reads, for its messages: the file's name in each
/// language and the document that describes its fields.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FileKind {
    /// "tệp bộ quy tắc".
    pub vi: &'static str,
    /// "the rule-set file".
    pub en: &'static str,
    /// Where its fields are described.
    pub doc: &'static str,
}

/// A rule-set file.
pub(crate) const RULE_SET: FileKind = FileKind {
    vi: "tệp bộ quy tắc",
    en: "the rule-set file",
    doc: "docs/rule-set-format.md",
};

/// The reader's complaint in words a district IT person reads in Vietnamese: the common ones
/// translated (the place is given apart, so "line N column M" is dropped). The rest is said in
/// plain words in Vietnamese, and quoted only in English, so no parser English stands inside a
/// Vietnamese sentence.
pub(crate) fn read_problem(first: &str, kind: FileKind) -> Msg {
    let bare = first.strip_prefix("error: ").unwrap_or(first);
    let bare = match bare.find(": ") {
        Some(i) if bare.starts_with("line ") => &bare[i + 2..],
        _ => bare,
    };
    let quoted = |s: &str| s.split('`').nth(1).unwrap_or("").to_owned();
    let expected = bare.split("expected ").nth(1).unwrap_or("");
    if bare.starts_with("invalid u32")
        || bare.starts_with("invalid u64")
        || bare.contains("expected u32")
        || bare.contains("expected u64")
    {
        msg!("giá trị phải là số nguyên từ 0 đến 4 294 967 295"; "the value must be a whole number from 0 to 4,294,967,295")
    } else if bare.starts_with("invalid boolean") || bare.contains("expected a boolean") {
        msg!("giá trị phải là true hoặc false"; "the value must be true or false")
    } else if bare.starts_with("unknown field") {
        let field = quoted(bare);
        let known = bare
            .split("expected one of ")
            .nth(1)
            .or_else(|| bare.split("expected ").nth(1))
            .unwrap_or("")
            .replace('`', "");
        msg!("trường \"{}\" không có trong {} ({}); ở chỗ này có: {}", field, kind.vi, kind.doc, known;
             "no field `{}` in {} ({}); here the fields are: {}", field, kind.en, kind.doc, known)
    } else if bare.starts_with("missing field") {
        let field = quoted(bare);
        msg!("thiếu trường \"{}\"", field; "the field `{}` is missing", field)
    } else if bare.starts_with("unexpected end of input") {
        msg!("{} rỗng hoặc kết thúc giữa chừng", kind.vi; "{} is empty or ends too early", kind.en)
    } else if bare.starts_with("unknown variant") {
        let value = quoted(bare);
        let known = bare
            .split("expected one of ")
            .nth(1)
            .or_else(|| bare.split("expected ").nth(1))
            .unwrap_or("")
            .replace('`', "");
        msg!("giá trị \"{}\" không có; chỉ được ghi: {}", value, known; "no value `{}`; allowed: {}", value, known)
    } else if bare.starts_with("invalid type") && expected.contains("sequence") {
        msg!("ở đây phải là một danh sách (mỗi mục một dòng bắt đầu bằng \"- \")";
             "a list is expected here (one item a line, starting with \"- \")")
    } else if bare.starts_with("invalid type")
        && (expected.contains("map") || expected.contains("struct"))
    {
        msg!("ở đây phải là một nhóm trường (mỗi trường một dòng \"tên: giá trị\", thụt vào)";
             "a group of fields is expected here (one \"name: value\" a line, indented)")
    } else if bare.starts_with("invalid type") && expected.contains("string") {
        msg!("ở đây phải là một giá trị chữ, không phải danh sách hay nhóm trường";
             "a text value is expected here, not a list or a group of fields")
    } else if bare.contains("scalar") && bare.starts_with("expected") {
        msg!("ở đây phải là một giá trị đơn (chữ hoặc số), không phải danh sách hay nhóm trường";
             "a single value (text or a number) is expected here, not a list or a group of fields")
    } else if bare.starts_with("mapping values are not allowed") {
        msg!("dấu hai chấm ở chỗ không được phép: dòng này thụt lề sai, hoặc giá trị có dấu hai chấm mà không đặt trong ngoặc kép";
             "a colon where none may stand: the line is indented wrongly, or a value holds a colon without quotes")
    } else if bare.contains("duplicate") {
        msg!("một trường được ghi hai lần; xóa một trong hai dòng"; "a field is written twice; delete one of the two lines")
    } else {
        msg!("{} sai cú pháp YAML hoặc sai cấu trúc ở chỗ này (xem {})", kind.vi, kind.doc;
             "{} cannot be read here: {} (see {})", kind.en, bare, kind.doc)
    }
}
