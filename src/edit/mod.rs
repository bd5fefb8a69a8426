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

use std::path::{Path, PathBuf};

use crate::diag::Msg;
use crate::msg;
use crate::text::file_name::shown_path;
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

/// The known value a mistyped one most likely meant: a dash for an underscore (`tuyen-dau`),
/// capitals, a letter or two off, or the start of a longer id (`covid19`). The known values may
/// carry their meaning after the id ("tuyen_dau (Lực lượng …)"): the id alone is compared.
#[must_use]
pub fn near(value: &str, known: &[String]) -> Option<String> {
    let ids: Vec<&str> = known
        .iter()
        .map(|k| k.split(" (").next().unwrap_or(k))
        .collect();
    let typed = value.trim().to_lowercase();
    for t in [
        typed.clone(),
        typed.replace('-', "_"),
        typed.replace('_', "-"),
    ] {
        if let Some(id) = ids.iter().find(|i| **i == t) {
            return Some((*id).to_owned());
        }
    }
    if let Some(id) = crate::text::suggest::did_you_mean(&typed.replace('-', "_"), &ids) {
        return Some(id.to_owned());
    }
    let starting: Vec<&&str> = ids
        .iter()
        .filter(|i| typed.chars().count() >= 3 && i.starts_with(typed.as_str()))
        .collect();
    match starting.as_slice() {
        [one] => Some((**one).to_owned()),
        _ => None,
    }
}

fn list(known: &[String]) -> Msg {
    if known.is_empty() {
        Msg::new("(không có)", "(none)")
    } else {
        let l = known.join("; ");
        Msg::new(l.clone(), l)
    }
}

/// Why a path given as a dossier folder is not one, said by what it is: nothing there, a file
/// (`ho-so.yaml` itself, say: the folder holding it is named), a folder inside a dossier (the
/// dossier is named), a folder of dossiers, or a folder with no `ho-so.yaml` (then `init`
/// makes one). "Not a dossier folder" alone leaves a clerk who typed a missing path or a file
/// looking for a folder that is not there.
#[must_use]
pub fn not_a_dossier(p: &Path) -> Msg {
    use crate::dossier::discover;
    let said = crate::text::file_name::shown_path;
    let shown = said(p);
    let folder_of = |f: &Path| match f.parent() {
        Some(d) if !d.as_os_str().is_empty() => said(d),
        _ => ".".to_owned(),
    };
    match std::fs::metadata(p) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => msg!(
            "không có thư mục \"{shown}\"; ghi đường dẫn tới thư mục hồ sơ (thư mục có tệp ho-so.yaml)";
            "there is no folder \"{shown}\"; give the path of the dossier folder (the folder holding ho-so.yaml)"
        ),
        Ok(m) if m.is_file() => {
            let d = folder_of(p);
            if discover::is_dossier(Path::new(&d)) {
                msg!(
                    "\"{shown}\" là một tệp của hồ sơ, không phải thư mục hồ sơ; ghi thư mục chứa nó: {d}";
                    "\"{shown}\" is a file of the dossier, not its folder; give the folder holding it: {d}"
                )
            } else {
                msg!(
                    "\"{shown}\" là một tệp, không phải thư mục hồ sơ; ghi thư mục hồ sơ (thư mục có tệp ho-so.yaml)";
                    "\"{shown}\" is a file, not a dossier folder; give the dossier folder (the folder holding ho-so.yaml)"
                )
            }
        }
        Ok(m) if m.is_dir() => {
            if let Some(d) = discover::enclosing(p) {
                let d = said(&d);
                return msg!(
                    "\"{shown}\" là một thư mục bên trong hồ sơ {d}; ghi thư mục hồ sơ: {d}";
                    "\"{shown}\" is a folder inside the dossier {d}; give the dossier folder: {d}"
                );
            }
            let inside = discover::find(p);
            match inside.first() {
                Some(first) => {
                    let (n, first) = (inside.len(), said(first));
                    let en = crate::diag::en_count(n, "dossier", "dossiers");
                    msg!(
                        "\"{shown}\" là thư mục chứa {n} hồ sơ, không phải một hồ sơ; lệnh này làm việc trên từng hồ sơ, ví dụ {first}";
                        "\"{shown}\" is a folder holding {en}, not a dossier itself; this command works on one at a time, e.g. {first}"
                    )
                }
                None => msg!(
                    "\"{shown}\" không phải thư mục hồ sơ (không có tệp ho-so.yaml); tạo hồ sơ mới bằng lệnh dossier init";
                    "\"{shown}\" is not a dossier folder (it has no ho-so.yaml); make a new one with dossier init"
                ),
            }
        }
        Err(e) => {
            let (vi, en) = crate::diag::io_words(&e);
            msg!("không mở được \"{shown}\" ({vi})"; "could not open \"{shown}\" ({en})")
        }
        Ok(_) => msg!(
            "\"{shown}\" không phải thư mục hồ sơ";
            "\"{shown}\" is not a dossier folder"
        ),
    }
}

/// Why an edit was refused. Nothing has been written when one of these is returned, except
/// for [`EditError::Io`] met while renaming the staged files into place (see [`add::add`]).
///
/// [`EditError::msg`] holds the words in both languages, so a clerk reads what the chosen
/// `--lang` says; `Display` is its English text, for logs.
#[derive(Debug)]
pub enum EditError {
    /// A file that would be created already exists.
    Exists(PathBuf),
    /// A value that the rule set does not have.
    Unknown {
        /// Which value.
        what: Field,
        /// As given.
        value: String,
        /// The values that exist.
        known: Vec<String>,
    },
    /// A value that must be given here was not.
    Required {
        /// Which value.
        what: Field,
        /// The values to choose from.
        known: Vec<String>,
    },
    /// A known value that does not fit here (a collective-only kind for an individual...).
    NotAllowed {
        /// Which value.
        what: Field,
        /// As given.
        value: String,
        /// Why, in both languages.
        why: Msg,
    },
    /// A required text of the new nominee is empty.
    Empty(&'static str),
    /// The nominee id is already used by the dossier.
    IdTaken {
        /// The id.
        id: String,
        /// Where it is used.
        file: PathBuf,
    },
    /// The nominee id is not a lowercase ASCII slug.
    BadId(String),
    /// The id is a name Windows reserves for a device (`con`, `aux`, `nul`, `com1`…): its
    /// report file could not be extracted there.
    ReservedId(String),
    /// No nominee of this id in the list, the votes or the reports; the closest id the dossier
    /// has, when one is close enough to be a typo.
    NoNominee(String, Option<String>),
    /// The folder holds no `ho-so.yaml`.
    NotADossier(PathBuf),
    /// A component the command needs is missing.
    Missing(PathBuf),
    /// A file cannot be read as text.
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        problem: DecodeProblem,
    },
    /// A file the command must edit does not parse.
    Yaml {
        /// The file.
        path: PathBuf,
        /// The parser's complaint, with its line.
        message: String,
    },
    /// The file is laid out in a way the text edit cannot handle safely.
    Layout {
        /// The file.
        path: PathBuf,
        /// Why, in both languages.
        why: Msg,
    },
    /// The edited file would pass what `check` reads (its node or byte limit): the dossier is
    /// full. Said as such, not as a layout the clerk could fix by hand (she could not).
    Full(PathBuf),
    /// A file changed between reading and writing (another program, or a planned fix is old).
    Changed(PathBuf),
    /// The file system refused.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// The dossier could not be written as one transaction (busy, a read-only file, a link,
    /// an interrupted command that cannot be finished).
    Disk(crate::disk::DiskError),
}

impl From<crate::disk::DiskError> for EditError {
    fn from(e: crate::disk::DiskError) -> Self {
        use crate::disk::DiskError as D;
        match e {
            D::Exists(p) => EditError::Exists(p),
            D::Changed(p) => EditError::Changed(p),
            D::Io { path, source } => EditError::Io { path, source },
            other => EditError::Disk(other),
        }
    }
}

impl EditError {
    /// What went wrong, in Vietnamese and English.
    #[must_use]
    pub fn msg(&self) -> Msg {
        match self {
            EditError::Exists(p) => crate::disk::already_exists(p, false),
            // An empty value (`--hinh-thuc ""`, a script's unset variable) is a choice not
            // made, not an unknown one.
            EditError::Unknown { what, value, known } if value.trim().is_empty() => {
                let l = list(known);
                msg!(
                    "chưa chọn {}: {} để trống; cần một trong: {}", what.vi(), what.flag(), l.vi;
                    "no {} chosen: {} is empty; choose one of: {}", what.en(), what.flag(), l.en
                )
            }
            EditError::Unknown { what, value, known } => {
                let l = list(known);
                match near(value, known) {
                    Some(n) => msg!(
                        "không có {} \"{}\" (trường \"{}\"). Có phải là \"{n}\"? Chỉ có: {}", what.vi(), value, what.key(), l.vi;
                        "unknown {} \"{}\" ({}). Did you mean \"{n}\"? Known: {}", what.en(), value, what.key(), l.en
                    ),
                    None => msg!(
                        "không có {} \"{}\" (trường \"{}\"); chỉ có: {}", what.vi(), value, what.key(), l.vi;
                        "unknown {} \"{}\" ({}); known: {}", what.en(), value, what.key(), l.en
                    ),
                }
            }
            EditError::Required { what, known } => {
                let l = list(known);
                msg!(
                    "cần chọn {} bằng {} (trường \"{}\" trong tệp), một trong: {}", what.vi(), what.flag(), what.key(), l.vi;
                    "choose the {} with {} (\"{}\" in the files), one of: {}", what.en(), what.flag(), what.key(), l.en
                )
            }
            EditError::NotAllowed { what, value, why } => msg!(
                "{} \"{}\" (trường \"{}\") không dùng được: {}", what.flag(), value, what.key(), why.vi;
                "{} \"{}\" (\"{}\") does not fit here: {}", what.flag(), value, what.key(), why.en
            ),
            EditError::Empty(key) => msg!(
                "trường \"{key}\" không được để trống";
                "\"{key}\" must not be empty"
            ),
            EditError::IdTaken { id, file } => msg!(
                "mã \"{}\" đã được dùng trong {}; chọn mã khác (ví dụ thêm -2 ở cuối)", id, shown_path(file);
                "the id \"{}\" is already used in {}; choose another (add -2 at the end, say)", id, shown_path(file)
            ),
            EditError::BadId(id) => msg!(
                "mã \"{id}\" không hợp lệ: chỉ dùng chữ thường không dấu a-z, chữ số và dấu gạch ngang, ví dụ nguyen-thi-hang";
                "\"{id}\" is not a valid id: use lowercase letters a-z, digits and single hyphens, like nguyen-thi-hang"
            ),
            EditError::ReservedId(id) => msg!(
                "mã \"{id}\" không dùng được: Windows dành tên này cho thiết bị, nên tệp báo cáo bao-cao/{id}.yaml không mở được trên máy Windows; thêm một chữ, ví dụ {id}-1";
                "\"{id}\" cannot be an id: Windows reserves the name for a device, so the report file bao-cao/{id}.yaml could not be opened there; add a word, like {id}-1"
            ),
            EditError::NotADossier(p) => not_a_dossier(p),
            EditError::Missing(p) => msg!(
                "hồ sơ thiếu tệp {}", shown_path(p);
                "{} is missing", shown_path(p)
            ),
            EditError::NoNominee(id, near) => {
                let (vi, en) = near.as_deref().map_or_else(
                    || (String::new(), String::new()),
                    |n| {
                        (
                            format!("; có phải là \"{n}\"?"),
                            format!("; did you mean \"{n}\"?"),
                        )
                    },
                );
                msg!(
                    "hồ sơ không có người được đề nghị mang mã \"{id}\" (trong danh sách, biên bản hay báo cáo){vi}";
                    "the dossier has no nominee with the id \"{id}\" (in the list, the minutes or a report){en}"
                )
            }
            EditError::Read { path, problem } => {
                // The OS's own text (with its error number) is kept for logs only: the clerk
                // reads what `io_words` says in either language.
                let en = match problem {
                    DecodeProblem::Io { kind, .. } => {
                        crate::diag::io_words(&std::io::Error::from(*kind))
                            .1
                            .to_owned()
                    }
                    other => other.to_string(),
                };
                msg!(
                    "không đọc được {}: {}", shown_path(path), decode_vi(problem);
                    "cannot read {}: {}", shown_path(path), en
                )
            }
            EditError::Yaml { path, message } => msg!(
                "{} sai cú pháp YAML ({}); chạy dossier check để xem lỗi, sửa xong rồi chạy lại lệnh", shown_path(path), message;
                "{} is not valid YAML ({}); run dossier check to see where, correct it, then run the command again", shown_path(path), message
            ),
            EditError::Layout { path, why } => msg!(
                "không sửa tự động được {}: {}; hãy sửa tệp bằng tay", shown_path(path), why.vi;
                "{} cannot be edited safely: {}", shown_path(path), why.en
            ),
            EditError::Full(p) => msg!(
                "không thêm được người mới vào {}: tệp sẽ quá lớn để lệnh check đọc được, hồ sơ đã đủ số người một hồ sơ có thể chứa; lập hồ sơ mới cho những người còn lại (chưa ghi gì)", shown_path(p);
                "{} cannot take one more nominee: it would be too large for the check to read, the dossier holds as many as one dossier can; put the others in a new dossier (nothing was written)", shown_path(p)
            ),
            EditError::Changed(p) => msg!(
                "{} đã bị thay đổi sau khi chương trình đọc; chưa ghi gì vào tệp này, hãy chạy lại lệnh", shown_path(p);
                "{} changed since it was read; nothing was written to it, run the command again", shown_path(p)
            ),
            EditError::Io { path, source } => {
                let w = crate::diag::write_words(source, path);
                let (vi, en) = (w.vi, w.en);
                msg!(
                    "không ghi được {}: {}; chưa ghi gì vào hồ sơ", shown_path(path), vi;
                    "cannot write {}: {}; nothing was written to the dossier", shown_path(path), en
                )
            }
            EditError::Disk(e) => e.msg(),
        }
    }
}

crate::english_display!(EditError);

impl std::error::Error for EditError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EditError::Io { source, .. } => Some(source),
            EditError::Disk(e) => Some(e),
            _ => None,
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
            "không phải tệp thường (ống dẫn, cổng kết nối hay thiết bị), nên không mở".to_owned()
        }
        DecodeProblem::OutsideLink => "tệp là liên kết trỏ ra ngoài hồ sơ".to_owned(),
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
        assert!(e.to_string().contains("award form \"giay_khen\""));
        assert!(e.msg().vi.contains("hình thức khen thưởng \"giay_khen\""));
        let e = EditError::IdTaken {
            id: "x".into(),
            file: PathBuf::from("to-trinh.yaml"),
        };
        assert!(e.to_string().contains("already used"));
        assert!(e.msg().vi.contains("đã được dùng"));
    }

    /// One of each variant; `variant_index`'s match has no wildcard, so a new variant does not
    /// compile until it is listed here too.
    fn every_variant() -> Vec<EditError> {
        let p = || PathBuf::from("bao-cao/an.yaml");
        let why = || msg!("danh sách viết trên một dòng"; "the list is written on one line");
        let at = crate::source::Pos {
            line: 3,
            column: 7,
            byte: 20,
        };
        let mut v = vec![
            EditError::Exists(p()),
            EditError::Required {
                what: Field::Form,
                known: vec![],
            },
            EditError::NotAllowed {
                what: Field::NomineeKind,
                value: "x".into(),
                why: why(),
            },
            EditError::Empty("ten"),
            EditError::IdTaken {
                id: "an".into(),
                file: p(),
            },
            EditError::BadId("An".into()),
            EditError::ReservedId("con".into()),
            EditError::NoNominee("an".into(), None),
            EditError::NotADossier(p()),
            EditError::Missing(p()),
            EditError::Yaml {
                path: p(),
                message: "line 3".into(),
            },
            EditError::Layout {
                path: p(),
                why: why(),
            },
            EditError::Changed(p()),
            EditError::Full(p()),
            EditError::Io {
                path: p(),
                source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            },
        ];
        for what in [
            Field::Campaign,
            Field::Form,
            Field::AwardKind,
            Field::NomineeKind,
            Field::NomineeType,
        ] {
            v.push(EditError::Unknown {
                what,
                value: "x".into(),
                known: vec!["a".into()],
            });
        }
        for problem in [
            DecodeProblem::TooLarge { size: 9 },
            DecodeProblem::Utf16 { big_endian: false },
            DecodeProblem::NotUtf8 { at },
            DecodeProblem::Binary { at },
            DecodeProblem::NotRegular,
            DecodeProblem::Io {
                kind: std::io::ErrorKind::NotFound,
                message: "os error 2".into(),
            },
        ] {
            v.push(EditError::Read { path: p(), problem });
        }
        use crate::disk::DiskError as D;
        for d in [
            D::Busy {
                root: p(),
                other: Some("import (42)".into()),
            },
            D::Busy {
                root: p(),
                other: None,
            },
            D::ReadOnly(p()),
            D::Link(crate::disk::links::LinkError {
                path: p(),
                target_outside: true,
            }),
            D::Halfway {
                path: p(),
                source: std::io::Error::from(std::io::ErrorKind::StorageFull),
            },
            D::BadJournal {
                path: p(),
                why: crate::diag::Msg::new("thiếu dòng kết thúc", "no end line"),
            },
            D::Unfinished {
                journal: p(),
                command: "import".into(),
                file: p(),
            },
        ] {
            v.push(EditError::Disk(d));
        }
        v
    }

    fn variant_index(e: &EditError) -> usize {
        match e {
            EditError::Exists(_) => 0,
            EditError::Unknown { .. } => 1,
            EditError::Required { .. } => 2,
            EditError::NotAllowed { .. } => 3,
            EditError::Empty(_) => 4,
            EditError::IdTaken { .. } => 5,
            EditError::BadId(_) => 6,
            EditError::ReservedId(_) => 7,
            EditError::NoNominee(..) => 8,
            EditError::NotADossier(_) => 9,
            EditError::Missing(_) => 10,
            EditError::Read { .. } => 11,
            EditError::Yaml { .. } => 12,
            EditError::Layout { .. } => 13,
            EditError::Changed(_) => 14,
            EditError::Io { .. } => 15,
            EditError::Disk(_) => 16,
            EditError::Full(_) => 17,
        }
    }

    /// Every refusal reads in both languages: two different texts, the Vietnamese one in
    /// Vietnamese words (letters English has not), the English one without them (the names
    /// given above are ASCII, so any such letter would be an untranslated word), and no
    /// operating-system text ("os error").
    #[test]
    fn every_refusal_is_said_in_both_languages() {
        let all = every_variant();
        let mut seen: Vec<usize> = all.iter().map(variant_index).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(
            seen,
            (0..18).collect::<Vec<_>>(),
            "a variant is missing from the list"
        );
        let vietnamese = |t: &str| {
            t.chars().any(|c| {
                "ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
                    .contains(c.to_lowercase().next().unwrap_or(c))
            })
        };
        for e in &all {
            let m = e.msg();
            assert!(!m.vi.trim().is_empty() && !m.en.trim().is_empty(), "{e:?}");
            assert_ne!(m.vi, m.en, "{e:?}");
            assert!(vietnamese(&m.vi), "not Vietnamese: {}", m.vi);
            assert!(!vietnamese(&m.en), "Vietnamese in English: {}", m.en);
            assert!(
                !m.vi.contains("os error") && !m.en.contains("os error"),
                "{m:?}"
            );
            assert_eq!(e.to_string(), m.en);
        }
    }
}
