//! Findings: what the checker tells a clerk.
//!
//! A finding names a rule (stable id), a severity, the file and the place in it, and says what is
//! wrong and how to fix it, in Vietnamese and in English. Both texts are made when the finding is
//! made, so the wording of each message lives next to the check that knows its facts, and the
//! renderers only choose a language.

use serde::Serialize;

pub mod family;
pub mod rule;

use crate::source::Span;
pub use family::Family;
pub use rule::{Rule, RuleInfo};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; the dossier can still be sent.
    Warning,
    /// The dossier would be sent back.
    Error,
}

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// Tiếng Việt (default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The language's code in reports (BCP 47): `vi` or `en`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Msg {
    /// Vietnamese.
    pub vi: String,
    /// English.
    pub en: String,
}

impl Msg {
    /// Both texts.
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Msg {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in a language.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        // The one place a language picks a text: every other choice of words goes through here.
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// `Display` of an error that words itself (`msg()`): its English words, for logs and
/// `anyhow` at the binary's edge. The user reads `msg()` in the chosen language, never this.
#[macro_export]
macro_rules! english_display {
    ($t:ty) => {
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.msg().en)
            }
        }
    };
}

/// `msg!("vi {}", x; "en {}", y)`: a [`Msg`] from two format strings.
#[macro_export]
macro_rules! msg {
    ($vi:literal $(, $va:expr)* ; $en:literal $(, $ea:expr)* $(,)?) => {
        $crate::diag::Msg::new(format!($vi $(, $va)*), format!($en $(, $ea)*))
    };
}

/// English "1 file", "3 files": a count in English never reads "1 files" or "file(s)". One
/// helper for every layer that says a count (the report, the editing commands, the CLI).
#[must_use]
pub fn en_count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// What the operating system said, in words a clerk reads: (Vietnamese, English), without the
/// error number or the temporary file names some layers add to the text.
#[must_use]
pub fn io_words(e: &std::io::Error) -> (&'static str, &'static str) {
    use std::io::ErrorKind as K;
    // A file open in Word or Excel: Windows refuses with a sharing (32) or lock (33) violation,
    // which the standard library leaves uncategorised (#23). The numbers mean other things on
    // Unix (32 is a broken pipe there).
    if cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33)) {
        return (
            "tệp đang được mở trong chương trình khác (Word, Excel…); hãy đóng tệp đó rồi chạy lại",
            "the file is open in another program (Word, Excel…); close it, then run again",
        );
    }
    // EMFILE and ENFILE (24 and 23 on Linux and macOS): the standard library has no kind for
    // them, and "the system refused" left a clerk under a low `ulimit -n` nothing to act on.
    if cfg!(unix) && matches!(e.raw_os_error(), Some(23 | 24)) {
        return (
            "quá nhiều tệp đang mở cùng lúc (giới hạn của hệ thống, xem \"ulimit -n\"); hãy nâng giới hạn rồi chạy lại",
            "too many files open at once (the system's limit, see \"ulimit -n\"); raise it, then run again",
        );
    }
    match e.kind() {
        K::NotFound => ("không có tệp hoặc thư mục này", "no such file or folder"),
        K::PermissionDenied => (
            "không có quyền (tệp hoặc thư mục chỉ cho đọc, hoặc thuộc người dùng khác)",
            "permission denied (the file or folder is read-only, or belongs to another user)",
        ),
        K::NotADirectory => (
            "một phần của đường dẫn là tệp, không phải thư mục",
            "part of the path is a file, not a folder",
        ),
        K::IsADirectory => (
            "đây là thư mục, không phải tệp",
            "this is a folder, not a file",
        ),
        K::AlreadyExists => ("đã có tệp trùng tên", "a file of that name exists"),
        K::StorageFull => ("ổ đĩa đã đầy", "the disk is full"),
        K::ReadOnlyFilesystem => ("ổ đĩa chỉ cho đọc", "the disk is read-only"),
        K::DirectoryNotEmpty => ("thư mục không rỗng", "the folder is not empty"),
        K::InvalidFilename => ("tên tệp không hợp lệ", "the file name is not valid"),
        K::Interrupted | K::TimedOut | K::WouldBlock => (
            "thao tác bị gián đoạn; hãy chạy lại",
            "the operation was interrupted; run it again",
        ),
        K::InvalidData => (
            "nội dung không đọc được như văn bản",
            "the content cannot be read as text",
        ),
        _ => (
            "hệ điều hành từ chối thao tác này",
            "the operating system refused the operation",
        ),
    }
}

/// Why a file could not be written, in words a clerk reads: the reasons met when writing
/// (a full disk, a size limit such as `ulimit -f`, no permission, a read-only file system, a
/// folder that is not there or takes no file) in the words of a write, any other in
/// [`io_words`]. Shared by every command that writes, so each says it the same way; `path` is
/// the file being written (its folder tells "not found" apart).
#[must_use]
pub fn write_words(e: &std::io::Error, path: &std::path::Path) -> Msg {
    use std::io::ErrorKind as K;
    let (v, en) = match e.kind() {
        K::StorageFull => ("ổ đĩa đã đầy", "the disk is full"),
        K::FileTooLarge => (
            "tệp vượt giới hạn kích thước cho phép",
            "the file exceeds the size allowed",
        ),
        K::PermissionDenied => ("không có quyền ghi", "permission denied"),
        K::ReadOnlyFilesystem => ("ổ đĩa chỉ cho đọc", "the file system is read-only"),
        // A folder that takes no new file (/proc) answers "not found" too.
        K::NotFound
            if path
                .parent()
                .is_some_and(|d| d.as_os_str().is_empty() || d.is_dir()) =>
        {
            (
                "không tạo được tệp trong thư mục này",
                "no file can be made in this folder",
            )
        }
        K::NotFound => ("thư mục không tồn tại", "the folder does not exist"),
        _ => io_words(e),
    };
    Msg::new(v, en)
}

/// A place in a dossier file, with what is said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// File, relative to the dossier folder, with `/` separators.
    pub file: String,
    /// Where in it; None when the finding is about the whole file (or its absence).
    pub span: Option<Span>,
    /// What this place shows (for secondary labels); empty for the primary one.
    pub note: Option<Msg>,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Which rule.
    pub rule: Rule,
    /// Its severity after any override.
    pub severity: Severity,
    /// Where.
    pub primary: Label,
    /// What is wrong.
    pub message: Msg,
    /// How to fix it.
    pub help: Option<Msg>,
    /// Other places that explain the finding ("the proposal is dated here").
    pub secondary: Vec<Label>,
    /// Further facts, such as the legal basis of the rule as applied.
    pub notes: Vec<Msg>,
}

impl Finding {
    /// A finding at the rule's default severity.
    #[must_use]
    pub fn new(rule: Rule, file: &str, span: Option<Span>, message: Msg) -> Self {
        Finding {
            rule,
            severity: rule.info().severity,
            primary: Label {
                file: file.to_owned(),
                span,
                note: None,
            },
            message,
            help: None,
            secondary: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Add how to fix it.
    #[must_use]
    pub fn help(mut self, help: Msg) -> Self {
        self.help = Some(help);
        self
    }

    /// Add another place.
    #[must_use]
    pub fn also(mut self, file: &str, span: Option<Span>, note: Msg) -> Self {
        self.secondary.push(Label {
            file: file.to_owned(),
            span,
            note: Some(note),
        });
        self
    }

    /// Add a note.
    #[must_use]
    pub fn note(mut self, note: Msg) -> Self {
        self.notes.push(note);
        self
    }

    /// A finding that rests on a setting marked "diễn giải của dự án" (the project's reading of
    /// a text not verified) is a warning, never an error, and says so; an office that has read
    /// the text can still raise it with its `.dossier.yaml`.
    #[must_use]
    pub fn on_reading(mut self, reading: bool) -> Self {
        if reading {
            self.severity = Severity::Warning;
            self.notes.push(crate::msg!(
                "chỉ là cảnh báo: quy định này trong bộ quy tắc là diễn giải của dự án, chưa đối chiếu được với văn bản gốc";
                "a warning only: this setting of the rule set is the project's reading, not verified against the legal text"
            ));
        }
        self
    }

    /// The order findings are shown in: file, line, column, rule id.
    #[must_use]
    pub fn sort_key(&self) -> (&str, u32, u32, &'static str) {
        let (line, col) = self
            .primary
            .span
            .map_or((0, 0), |s| (s.start.line, s.start.column));
        (&self.primary.file, line, col, self.rule.info().id)
    }
}

/// Most findings of one rule kept for one file; the rest are counted in one closing finding.
///
/// A clerk cannot act on 40,000 copies of one message, and a hostile file (a mapping of 50,000
/// repeated keys) must not hold memory by the finding. 500 leaves room for the largest real
/// list (a 500-nominee proposal with the same field missing from every entry).
pub const MAX_PER_FILE_AND_RULE: usize = 500;

/// Where findings of one dossier are collected.
#[derive(Debug, Default)]
pub struct Sink {
    /// The findings so far.
    pub findings: Vec<Finding>,
    /// Findings so far per file and rule, and how many of them were not kept.
    counts: std::collections::HashMap<(String, Rule), (usize, usize)>,
}

impl Sink {
    /// Add a finding, unless its file already has [`MAX_PER_FILE_AND_RULE`] of its rule.
    pub fn push(&mut self, f: Finding) {
        let n = self
            .counts
            .entry((f.primary.file.clone(), f.rule))
            .or_insert((0, 0));
        n.0 += 1;
        if n.0 > MAX_PER_FILE_AND_RULE {
            n.1 += 1;
        } else {
            self.findings.push(f);
        }
    }

    /// The findings, with one more per file and rule that had findings left out, saying how
    /// many.
    #[must_use]
    pub fn finish(mut self) -> Vec<Finding> {
        let mut more: Vec<((String, Rule), usize)> = self
            .counts
            .into_iter()
            .filter(|(_, (_, dropped))| *dropped > 0)
            .map(|(k, (_, dropped))| (k, dropped))
            .collect();
        more.sort();
        for ((file, rule), dropped) in more {
            self.findings.push(Finding::new(
                rule,
                &file,
                None,
                crate::msg!("tệp này còn {} chỗ khác cùng lỗi {}, không liệt kê hết ở đây; sửa những chỗ đã nêu rồi chạy lại để xem tiếp", dropped, rule.info().id;
                            "this file has {} more places with the same {} finding, not all listed here; fix those shown and run again to see the rest", dropped, rule.info().id),
            ));
        }
        self.findings
    }
}
