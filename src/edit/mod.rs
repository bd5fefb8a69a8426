//! Writing into a dossier folder, for the three clerk-facing commands that change files:
//! `dossier init` ([`init`]: a new dossier from a template), `dossier add` ([`add`]: one more
//! nominee) and `dossier fix` ([`fix`]: repairs the checker can prove safe).
//!
//! Everything else in the crate only reads a dossier. This module is the one place that writes
//! into one, so it keeps three promises, because the folder is the clerk's work:
//!
//! - it never overwrites a file it did not read: new files are created only where nothing
//!   exists, and a file it edits is compared with what it read just before it is replaced;
//! - it writes every file atomically (a temporary file in the same folder, then a rename), so a
//!   crash or a full disk leaves the old file or the new one, never half of one;
//! - it edits YAML as text, replacing or inserting only the bytes it means to change (found
//!   through the parser's byte spans), and re-parses the result to prove that nothing else
//!   moved, so the clerk's comments, key order, indentation and line endings survive.
//!
//! # Placeholders
//!
//! A template cannot know the names a clerk will write, but it must still be a dossier the
//! checker reads. So every text a clerk must supply is written as a placeholder, a quoted text
//! between `<<` and `>>` (`"<<Tên cơ quan đề nghị>>"`), which rule HS015 reports until it is
//! replaced; [`is_placeholder`] recognises one. Dates and counts are placeholders too
//! (`ngay: "<<năm-tháng-ngày ký tờ trình>>"`, `tan_thanh: "<<số phiếu tán thành>>"`): the
//! reader reports a placeholder where a date or a number belongs as unfilled (HS015), not as a
//! malformed value, and a sample value would have passed as real (a vote of 0 reads as a lost
//! vote, a sample date as the day of the meeting); the comment above each gives an example.
//! Symbols keep a sample with the serial number `00` (`"00/TTr-UBND"`), which no real document
//! has and HS015 reports.

pub mod add;
mod diff;
pub mod fix;
pub mod init;
pub mod remove;
mod repair;

pub(crate) mod files;
pub(crate) mod template;
mod text;

use std::path::PathBuf;

use crate::diag::Msg;
use crate::yaml::decode::DecodeProblem;

/// True for a placeholder of the templates: a text that starts with `<<` and ends with `>>`
/// (surrounding whitespace ignored, so a block scalar's final newline does not hide one).
#[must_use]
pub fn is_placeholder(s: &str) -> bool {
    let t = s.trim();
    t.len() >= 4 && t.starts_with("<<") && t.ends_with(">>")
}

/// A value of the manifest or of a nominee that must come from the rule set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `phong_trao`: the rule set.
    Campaign,
    /// `hinh_thuc`: the award form.
    Form,
    /// `loai_khen`: the kind of award (`dot_xuat`, `chuyen_de`).
    AwardKind,
    /// `doi_tuong`: the kind of nominee.
    NomineeKind,
    /// `loai`: individual or collective.
    NomineeType,
}

impl Field {
    /// The key the clerk sees in the YAML files.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Field::Campaign => "phong_trao",
            Field::Form => "hinh_thuc",
            Field::AwardKind => "loai_khen",
            Field::NomineeKind => "doi_tuong",
            Field::NomineeType => "loai",
        }
    }

    /// The command-line flag that gives this value.
    #[must_use]
    pub fn flag(self) -> &'static str {
        match self {
            Field::Campaign => "--phong-trao",
            Field::Form => "--hinh-thuc",
            Field::AwardKind => "--loai-khen",
            Field::NomineeKind => "--doi-tuong",
            Field::NomineeType => "--loai",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Field::Campaign => "campaign",
            Field::Form => "award form",
            Field::AwardKind => "award kind",
            Field::NomineeKind => "kind of nominee",
            Field::NomineeType => "nominee type",
        }
    }

    fn vi(self) -> &'static str {
        match self {
            Field::Campaign => "phong trào thi đua",
            Field::Form => "hình thức khen thưởng",
            Field::AwardKind => "loại khen thưởng",
            Field::NomineeKind => "đối tượng khen thưởng",
            Field::NomineeType => "loại người được đề nghị (cá nhân, tập thể, hộ gia đình)",
        }
    }
}

fn list(known: &[String]) -> String {
    if known.is_empty() {
        "(none)".to_owned()
    } else {
        known.join("; ")
    }
}

fn list_vi(known: &[String]) -> String {
    if known.is_empty() {
        "(không có)".to_owned()
    } else {
        known.join("; ")
    }
}

/// Why an edit was refused. Nothing has been written when one of these is returned, except
/// for [`EditError::Io`] met while renaming the staged files into place (see [`add::add`]).
///
/// `Display` is English, for logs and `--lang en`; [`EditError::message_vi`] is what a clerk
/// reads by default.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// A file that would be created already exists.
    #[error("{} already exists; nothing was written", .0.display())]
    Exists(PathBuf),
    /// A value that the rule set does not have.
    #[error("unknown {} `{value}` ({}); known: {}", .what.en(), .what.key(), list(.known))]
    Unknown {
        /// Which value.
        what: Field,
        /// As given.
        value: String,
        /// The values that exist.
        known: Vec<String>,
    },
    /// A value that must be given here was not.
    #[error("choose the {} with {} (`{}` in the files), one of: {}", .what.en(), .what.flag(), .what.key(), list(.known))]
    Required {
        /// Which value.
        what: Field,
        /// The values to choose from.
        known: Vec<String>,
    },
    /// A known value that does not fit here (a collective-only kind for an individual...).
    #[error("{} `{value}` does not fit here: {}", .what.key(), .why.en)]
    NotAllowed {
        /// Which value.
        what: Field,
        /// As given.
        value: String,
        /// Why, in both languages.
        why: Msg,
    },
    /// A required text of the new nominee is empty.
    #[error("`{0}` must not be empty")]
    Empty(&'static str),
    /// The nominee id is already used by the dossier.
    #[error("the id `{id}` is already used in {}", .file.display())]
    IdTaken {
        /// The id.
        id: String,
        /// Where it is used.
        file: PathBuf,
    },
    /// The nominee id is not a lowercase ASCII slug.
    #[error("`{0}` is not a valid id: use lowercase letters a-z, digits and single hyphens, like nguyen-thi-hang")]
    BadId(String),
    /// The id is a name Windows reserves for a device (`con`, `aux`, `nul`, `com1`…): its
    /// report file could not be extracted there.
    #[error("`{0}` cannot be an id: Windows reserves the name for a device, so the report file bao-cao/{0}.yaml could not be opened there; add a word, like {0}-1")]
    ReservedId(String),
    /// No nominee of this id in the list, the votes or the reports.
    #[error("the dossier has no nominee with the id `{0}`")]
    NoNominee(String),
    /// The folder holds no `ho-so.yaml`.
    #[error("{} is not a dossier folder (it has no ho-so.yaml)", .0.display())]
    NotADossier(PathBuf),
    /// A component the command needs is missing.
    #[error("{} is missing", .0.display())]
    Missing(PathBuf),
    /// A file cannot be read as text.
    #[error("cannot read {}: {problem}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        problem: DecodeProblem,
    },
    /// A file the command must edit does not parse.
    #[error("{} is not valid YAML ({message}); run `dossier check`, correct it, then try again", .path.display())]
    Yaml {
        /// The file.
        path: PathBuf,
        /// The parser's complaint, with its line.
        message: String,
    },
    /// The file is laid out in a way the text edit cannot handle safely.
    #[error("{} cannot be edited safely: {}", .path.display(), .why.en)]
    Layout {
        /// The file.
        path: PathBuf,
        /// Why, in both languages.
        why: Msg,
    },
    /// A file changed between reading and writing (another program, or a planned fix is old).
    #[error("{} changed since it was read; nothing was written to it, run the command again", .0.display())]
    Changed(PathBuf),
    /// The file system refused.
    #[error("cannot write {}: {}", .path.display(), crate::diag::io_words(.source).1)]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The error.
        #[source]
        source: std::io::Error,
    },
}

impl EditError {
    /// The message in Vietnamese, for the clerk.
    #[must_use]
    pub fn message_vi(&self) -> String {
        match self {
            EditError::Exists(p) => format!(
                "{} đã có; chương trình không ghi đè nên chưa ghi tệp nào",
                p.display()
            ),
            EditError::Unknown { what, value, known } => format!(
                "không có {} \"{}\" (trường \"{}\"); chỉ có: {}",
                what.vi(),
                value,
                what.key(),
                list_vi(known)
            ),
            EditError::Required { what, known } => format!(
                "cần chọn {} bằng {} (trường \"{}\" trong tệp), một trong: {}",
                what.vi(),
                what.flag(),
                what.key(),
                list_vi(known)
            ),
            EditError::NotAllowed { what, value, why } => {
                format!("{} = \"{}\" không dùng được: {}", what.key(), value, why.vi)
            }
            EditError::Empty(key) => format!("trường \"{key}\" không được để trống"),
            EditError::IdTaken { id, file } => format!(
                "mã \"{}\" đã được dùng trong {}; chọn mã khác (ví dụ thêm -2 ở cuối)",
                id,
                file.display()
            ),
            EditError::BadId(id) => format!(
                "mã \"{id}\" không hợp lệ: chỉ dùng chữ thường không dấu a-z, chữ số và dấu gạch ngang, ví dụ nguyen-thi-hang"
            ),
            EditError::ReservedId(id) => format!(
                "mã \"{id}\" không dùng được: Windows dành tên này cho thiết bị, nên tệp báo cáo bao-cao/{id}.yaml không mở được trên máy Windows; thêm một chữ, ví dụ {id}-1"
            ),
            EditError::NotADossier(p) => format!(
                "{} không phải thư mục hồ sơ (không có tệp ho-so.yaml); tạo hồ sơ mới bằng lệnh dossier init",
                p.display()
            ),
            EditError::Missing(p) => format!("hồ sơ thiếu tệp {}", p.display()),
            EditError::NoNominee(id) => format!(
                "hồ sơ không có người được đề nghị mang mã \"{id}\" (trong danh sách, biên bản hay báo cáo)"
            ),
            EditError::Read { path, problem } => format!(
                "không đọc được {}: {}",
                path.display(),
                decode_vi(problem)
            ),
            EditError::Yaml { path, message } => format!(
                "{} sai cú pháp YAML ({}); chạy dossier check để xem lỗi, sửa xong rồi chạy lại lệnh",
                path.display(),
                message
            ),
            EditError::Layout { path, why } => format!(
                "không sửa tự động được {}: {}; hãy sửa tệp bằng tay",
                path.display(),
                why.vi
            ),
            EditError::Changed(p) => format!(
                "{} đã bị thay đổi sau khi chương trình đọc; chưa ghi gì vào tệp này, hãy chạy lại lệnh",
                p.display()
            ),
            EditError::Io { path, source } => {
                format!(
                    "không ghi được {}: {}",
                    path.display(),
                    crate::diag::io_words(source).0
                )
            }
        }
    }
}

fn decode_vi(p: &DecodeProblem) -> String {
    match p {
        DecodeProblem::TooLarge { size } => format!("tệp quá lớn ({size} byte)"),
        DecodeProblem::Utf16 { .. } => {
            "tệp được lưu bằng mã UTF-16, cần lưu lại bằng UTF-8".to_owned()
        }
        DecodeProblem::NotUtf8 { at } => format!(
            "tệp có byte không phải UTF-8 ở dòng {}, cột {}",
            at.line, at.column
        ),
        DecodeProblem::Binary { at } => format!(
            "tệp chứa byte nhị phân ở dòng {}, cột {}, không phải văn bản",
            at.line, at.column
        ),
        DecodeProblem::NotRegular => {
            "không phải tệp thường (ống dẫn, socket hay thiết bị), nên không mở".to_owned()
        }
        DecodeProblem::Io { kind, .. } => crate::diag::io_words(&std::io::Error::from(*kind))
            .0
            .to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_whole_marked_texts() {
        assert!(is_placeholder("<<Tên cơ quan đề nghị>>"));
        assert!(is_placeholder("  <<Những việc đã làm>>\n"));
        assert!(!is_placeholder("Ủy ban nhân dân xã <<Tên xã>> mới"));
        assert!(!is_placeholder("<<>"));
        assert!(!is_placeholder("<<"));
        assert!(!is_placeholder("Nguyễn Văn An"));
        assert!(is_placeholder("<<>>"));
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let e = EditError::Unknown {
            what: Field::Form,
            value: "giay_khen".into(),
            known: vec!["a".into(), "b".into()],
        };
        assert!(e.to_string().contains("award form `giay_khen`"));
        assert!(e
            .message_vi()
            .contains("hình thức khen thưởng \"giay_khen\""));
        let e = EditError::IdTaken {
            id: "x".into(),
            file: PathBuf::from("to-trinh.yaml"),
        };
        assert!(e.to_string().contains("already used"));
        assert!(e.message_vi().contains("đã được dùng"));
    }
}
