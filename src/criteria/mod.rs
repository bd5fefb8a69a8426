//! Campaign rule sets: the data of a campaign (forms, levels, kinds of nominee and their
//! standards, vote thresholds), each part with its legal basis.
//!
//! The built-in rule sets in `criteria/` are compiled into the binary so the tool works with
//! nothing beside it; `--criteria PATH` replaces them with files of the user's.

pub mod model;
mod validate;

use std::path::Path;

use serde_saphyr::Location;

use crate::date::Date;
use crate::diag::Msg;
pub use crate::dossier::model::NomineeType;
use crate::msg;
use crate::source::{Pos, Span};
use crate::yaml::decode::DecodeProblem;

/// The rule sets shipped in `criteria/`: (file name, text).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "criteria/covid19-hoa-lu-2021.yaml",
        include_str!("../../criteria/covid19-hoa-lu-2021.yaml"),
    ),
    (
        "criteria/nd91-dieu55.yaml",
        include_str!("../../criteria/nd91-dieu55.yaml"),
    ),
    (
        "criteria/nd98-2023-don-gian.yaml",
        include_str!("../../criteria/nd98-2023-don-gian.yaml"),
    ),
    (
        "criteria/nd152-2025-don-gian.yaml",
        include_str!("../../criteria/nd152-2025-don-gian.yaml"),
    ),
];

/// A validated rule set: a procedure of the law, or a campaign merged over its procedure.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// Id named by `phong_trao`.
    pub id: String,
    /// Full name.
    pub ten: String,
    /// Legal basis.
    pub can_cu: String,
    /// A procedure or a campaign.
    pub kind: SetKind,
    /// For a campaign: the procedure it extends.
    pub base: Option<String>,
    /// When it applies (by the proposal's date); a campaign has its procedure's unless it
    /// writes its own.
    pub validity: Option<Validity>,
    /// Launch date.
    pub ngay_phat_dong: Option<Date>,
    /// Earliest start of an achievement period, where the rule set sets one.
    pub thanh_tich_tu: Option<Date>,
    /// Why.
    pub thanh_tich_tu_can_cu: String,
    /// The procedure.
    pub procedure: Procedure,
    /// Kinds of award.
    pub award_kinds: Vec<AwardKind>,
    /// Levels.
    pub levels: Vec<Level>,
    /// Forms.
    pub forms: Vec<Form>,
    /// Kinds of nominee.
    pub nominee_kinds: Vec<NomineeKind>,
    /// The council's vote thresholds; none: the minutes, when present, are checked for coherence
    /// only.
    pub voting: Voting,
    /// What `dossier init` writes by default: form id and kind of award.
    pub defaults: Option<(String, Option<String>)>,
    /// Where it was read from.
    pub source: String,
}

pub use model::SetKind;

/// When a rule set applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validity {
    /// First day.
    pub from: Date,
    /// Last day, if it has ended.
    pub to: Option<Date>,
    /// Legal basis.
    pub can_cu: String,
    /// The first day is the project's reading: a date before it only warns.
    pub from_reading: bool,
    /// The last day is the project's reading: a date after it only warns.
    pub to_reading: bool,
}

impl Validity {
    /// Whether a date falls in the period.
    #[must_use]
    pub fn contains(&self, d: Date) -> bool {
        d >= self.from && self.to.is_none_or(|t| d <= t)
    }

    /// The period as a clerk reads it: "01/10/2017 – 31/12/2023" or "từ 01/07/2025", and in
    /// English "2017-10-01 to 2023-12-31" or "from 2025-07-01".
    #[must_use]
    pub fn period(&self) -> crate::diag::Msg {
        let from = self.from;
        match self.to {
            Some(to) => crate::msg!("{} – {}", from.dmy(), to.dmy(); "{from} to {to}"),
            None => crate::msg!("từ {}", from.dmy(); "from {from}"),
        }
    }
}

/// A requirement with its basis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    /// Required.
    pub required: bool,
    /// Legal basis.
    pub can_cu: String,
    /// The project's reading: findings are warnings.
    pub reading: bool,
}

/// The procedure.
#[derive(Debug, Clone)]
pub struct Procedure {
    /// Name.
    pub ten: String,
    /// Legal basis.
    pub can_cu: String,
    /// `to-trinh.yaml`.
    pub proposal: Requirement,
    /// `bien-ban.yaml`.
    pub minutes: Requirement,
    /// At least one report.
    pub reports: Requirement,
    /// Each report's `xac_nhan`.
    pub confirmation: Requirement,
}

/// A kind of award.
#[derive(Debug, Clone)]
pub struct AwardKind {
    /// Id.
    pub id: String,
    /// Name.
    pub ten: String,
    /// Every report must carry `ghi_nhan`.
    pub needs_recognition: bool,
    /// Legal basis.
    pub can_cu: String,
}

/// A level: copies and receiving office.
#[derive(Debug, Clone)]
pub struct Level {
    /// Id.
    pub id: String,
    /// Name.
    pub ten: String,
    /// Copies.
    pub copies: Option<u32>,
    /// Receiving office.
    pub office: String,
    /// Legal basis.
    pub can_cu: String,
    /// Copies and office are the project's reading.
    pub reading: bool,
}

/// An award form.
#[derive(Debug, Clone)]
pub struct Form {
    /// Id.
    pub id: String,
    /// Name.
    pub ten: String,
    /// Level id.
    pub level: String,
    /// Who grants it.
    pub authority: Option<String>,
    /// Kinds of award it has (empty: none).
    pub kinds: Vec<String>,
    /// Kinds of nominee it may go to (empty: all).
    pub nominee_kinds: Vec<String>,
    /// Types of nominee it may go to (empty: all).
    pub types: Vec<NomineeType>,
    /// Legal basis.
    pub can_cu: String,
}

impl Form {
    /// Whether the form may go to a nominee of this type.
    #[must_use]
    pub fn admits(&self, t: NomineeType) -> bool {
        self.types.is_empty() || self.types.contains(&t)
    }
}

/// A kind of nominee.
#[derive(Debug, Clone)]
pub struct NomineeKind {
    /// Id.
    pub id: String,
    /// Name.
    pub ten: String,
    /// Who may be of this kind: individuals, collectives, households.
    pub types: Vec<NomineeType>,
    /// Legal basis.
    pub can_cu: String,
    /// Standards.
    pub standards: Vec<Standard>,
}

impl NomineeKind {
    /// Whether a nominee of this type may be of this kind.
    #[must_use]
    pub fn admits(&self, t: NomineeType) -> bool {
        self.types.contains(&t)
    }
}

/// A standard a report affirms.
#[derive(Debug, Clone)]
pub struct Standard {
    /// Id.
    pub id: String,
    /// The condition, in Vietnamese.
    pub text: String,
    /// Must be present and true.
    pub required: bool,
    /// Legal basis.
    pub can_cu: String,
    /// The project's reading: findings are warnings.
    pub reading: bool,
}

/// The council's vote thresholds.
#[derive(Debug, Clone, Default)]
pub struct Voting {
    /// Quorum: share of members present.
    pub quorum: Option<Threshold>,
    /// Approval: share in favour.
    pub approval: Option<Threshold>,
}

/// One threshold with its basis.
#[derive(Debug, Clone)]
pub struct Threshold {
    /// The share.
    pub ratio: Ratio,
    /// Legal basis.
    pub can_cu: String,
    /// The project's reading: findings are warnings.
    pub reading: bool,
}

/// A threshold: `count * den (>= or >) base * num`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    /// Numerator.
    pub num: u32,
    /// Denominator (never 0).
    pub den: u32,
    /// "More than" rather than "at least".
    pub strict: bool,
    /// Of members present (else of all members).
    pub of_present: bool,
}

impl Ratio {
    /// Whether `count` reaches the threshold of `base`.
    #[must_use]
    pub fn met(self, count: u32, base: u32) -> bool {
        let lhs = u64::from(count) * u64::from(self.den);
        let rhs = u64::from(base) * u64::from(self.num);
        if self.strict {
            lhs > rhs
        } else {
            lhs >= rhs
        }
    }

    /// The smallest count that meets the threshold of `base`.
    #[must_use]
    pub fn minimum(self, base: u32) -> u32 {
        (0..=base).find(|&c| self.met(c, base)).unwrap_or(base)
    }

    /// "2/3", "1/2".
    #[must_use]
    pub fn fraction(self) -> String {
        format!("{}/{}", self.num, self.den)
    }
}

impl RuleSet {
    /// A form by id.
    #[must_use]
    pub fn form(&self, id: &str) -> Option<&Form> {
        self.forms.iter().find(|f| f.id == id)
    }

    /// A level by id.
    #[must_use]
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.id == id)
    }

    /// A kind of nominee by id.
    #[must_use]
    pub fn nominee_kind(&self, id: &str) -> Option<&NomineeKind> {
        self.nominee_kinds.iter().find(|k| k.id == id)
    }

    /// A kind of award by id.
    #[must_use]
    pub fn award_kind(&self, id: &str) -> Option<&AwardKind> {
        self.award_kinds.iter().find(|k| k.id == id)
    }
}

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
            "không phải tệp thường (ống dẫn, socket hay thiết bị)";
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

/// Parse and validate one rule-set text; a campaign's procedure is looked up in `procedures`.
///
/// Such a file travels with a dossier (`phong_trao: quy-tac.yaml`), so it may not take the id
/// of a rule set of `procedures`: a copy of a built-in set with its thresholds lowered would
/// otherwise pass for the real one.
pub fn parse(
    text: &str,
    file: &str,
    procedures: &Catalog,
) -> Result<RuleSet, Vec<CriteriaProblem>> {
    let raw = parse_raw(text, file)?;
    if procedures.get(&raw.id.value).is_some() {
        return Err(vec![CriteriaProblem::at(
            file,
            &raw.id.referenced,
            msg!("mã \"{}\" là của một bộ quy tắc có sẵn; bộ quy tắc riêng phải có mã khác (muốn dùng bộ có sẵn thì ghi \"phong_trao: {}\")", raw.id.value, raw.id.value;
                          "id `{}` belongs to a built-in rule set; a rule set of your own needs another id (to use the built-in one, write `phong_trao: {}`)", raw.id.value, raw.id.value),
        )]);
    }
    build(raw, file, &[], procedures, &[])
}

/// Validate one raw rule set, finding its procedure first among `near` (the files read with
/// it), then in `far` (the built-in ones).
fn build(
    raw: model::RawRuleSet,
    file: &str,
    near: &[RuleSet],
    far: &Catalog,
    campaigns: &[String],
) -> Result<RuleSet, Vec<CriteriaProblem>> {
    let lookup = match &raw.theo_thu_tuc {
        None => validate::BaseLookup::None,
        Some(t) => match near
            .iter()
            .find(|s| s.id == t.value)
            .or_else(|| far.get(&t.value))
        {
            Some(b) => validate::BaseLookup::Found(b),
            // A campaign read in the same batch (not built: campaigns extend procedures only).
            None if campaigns.contains(&t.value) => validate::BaseLookup::Campaign,
            None => validate::BaseLookup::Unknown(
                near.iter()
                    .chain(far.sets.iter())
                    .filter(|s| s.kind == SetKind::ThuTuc)
                    .map(|s| s.id.clone())
                    .collect(),
            ),
        },
    };
    validate::validate(raw, file, lookup)
}

/// Rule sets that did not load: each problem, and the text of every file that was read, so a
/// report shows each problem in its line without reading the file again.
#[derive(Debug, Clone, Default)]
pub struct Broken {
    /// What is wrong, in the order found.
    pub problems: Vec<CriteriaProblem>,
    /// (file, text) of each file read.
    pub texts: Vec<(String, String)>,
}

impl From<Vec<CriteriaProblem>> for Broken {
    fn from(problems: Vec<CriteriaProblem>) -> Self {
        Broken {
            problems,
            texts: Vec::new(),
        }
    }
}

/// The rule sets in use: the built-in ones, or those of `--criteria`.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Valid rule sets.
    pub sets: Vec<RuleSet>,
}

impl Catalog {
    /// The built-in rule sets. They are tested, so a problem here is a bug of this program; it
    /// is still returned rather than panicking.
    pub fn builtin() -> Result<Catalog, Broken> {
        let texts: Vec<(String, Result<String, CriteriaProblem>)> = BUILTIN
            .iter()
            .map(|(f, t)| ((*f).to_owned(), Ok((*t).to_owned())))
            .collect();
        Catalog::resolve(texts, &Catalog::default())
    }

    /// Read every file, then build procedures before the campaigns that extend them (a
    /// campaign's procedure may be in the same batch, or in `outside`).
    fn resolve(
        texts: Vec<(String, Result<String, CriteriaProblem>)>,
        outside: &Catalog,
    ) -> Result<Catalog, Broken> {
        let mut problems = Vec::new();
        let mut raws = Vec::new();
        let mut read = Vec::new();
        for (file, text) in texts {
            match text {
                Ok(t) => {
                    match parse_raw(&t, &file) {
                        Ok(r) => raws.push((file.clone(), r)),
                        Err(p) => problems.extend(p),
                    }
                    read.push((file, t));
                }
                Err(p) => problems.push(p),
            }
        }
        let (campaigns, procedures): (Vec<_>, Vec<_>) = raws
            .into_iter()
            .partition(|(_, r)| r.theo_thu_tuc.is_some());
        let campaign_ids: Vec<String> = campaigns.iter().map(|(_, r)| r.id.value.clone()).collect();
        let mut sets: Vec<RuleSet> = Vec::new();
        for (file, raw) in procedures.into_iter().chain(campaigns) {
            match build(raw, &file, &sets, outside, &campaign_ids) {
                Ok(s) => sets.push(s),
                Err(p) => problems.extend(p),
            }
        }
        if problems.is_empty() {
            Ok(Catalog { sets })
        } else {
            Err(Broken {
                problems,
                texts: read,
            })
        }
    }

    /// Rule sets from a file, or every `*.yaml`/`*.yml` file of a folder. A campaign among them
    /// may extend one of their procedures or a built-in one.
    pub fn from_path(path: &Path) -> Result<Catalog, Broken> {
        let display = path.display().to_string();
        let files: Vec<std::path::PathBuf> = if path.is_dir() {
            let mut v: Vec<_> = std::fs::read_dir(path)
                .map_err(|e| Broken::from(vec![io_problem(&display, &e)]))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
                .collect();
            v.sort();
            v
        } else {
            vec![path.to_path_buf()]
        };
        if files.is_empty() {
            return Err(Broken::from(vec![CriteriaProblem::whole(
                &display,
                msg!("thư mục không có tệp bộ tiêu chí *.yaml nào"; "the folder holds no *.yaml rule-set file"),
            )]));
        }
        let texts = files
            .iter()
            .map(|f| {
                let display = f.display().to_string();
                let text = crate::yaml::decode::read_text(f)
                    .map_err(|e| CriteriaProblem::whole(&display, cannot_read(&e)));
                (display, text)
            })
            .collect();
        let builtin = Catalog::builtin().unwrap_or_default();
        Catalog::resolve(texts, &builtin)
    }

    /// A rule set by id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&RuleSet> {
        self.sets.iter().find(|s| s.id == id)
    }

    /// The procedures in force on a date (normally one).
    pub fn in_force(&self, on: Date) -> impl Iterator<Item = &RuleSet> {
        self.sets.iter().filter(move |s| {
            s.kind == SetKind::ThuTuc && s.validity.as_ref().is_some_and(|v| v.contains(on))
        })
    }
}

/// Read one rule-set file (size-capped like every YAML file); a campaign's procedure is looked
/// up in `procedures`.
pub fn load_file(path: &Path, procedures: &Catalog) -> Result<RuleSet, Vec<CriteriaProblem>> {
    let display = path.display().to_string();
    match crate::yaml::decode::read_text(path) {
        Ok(text) => parse(&text, &display, procedures),
        Err(e) => Err(vec![CriteriaProblem::whole(&display, cannot_read(&e))]),
    }
}

/// A rule-set file that cannot be read as text.
pub(crate) fn cannot_read(e: &DecodeProblem) -> Msg {
    let why = unreadable_words(e);
    msg!("không đọc được tệp bộ tiêu chí: {}; tệp bộ tiêu chí là văn bản YAML lưu bằng mã UTF-8", why.vi;
         "cannot read the rule-set file: {}; a rule-set file is YAML text saved as UTF-8", why.en)
}

fn io_problem(file: &str, e: &std::io::Error) -> CriteriaProblem {
    let (vi, en) = crate::diag::io_words(e);
    CriteriaProblem::whole(
        file,
        msg!("không đọc được thư mục bộ tiêu chí: {}", vi; "cannot read the rule-set folder: {}", en),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in procedures alone: a file of the tests may then reuse a campaign's id.
    fn procedures() -> Catalog {
        let all = Catalog::builtin().unwrap_or_default();
        Catalog {
            sets: all
                .sets
                .into_iter()
                .filter(|s| s.kind == SetKind::ThuTuc)
                .collect(),
        }
    }

    #[test]
    fn builtin_rule_sets_load_and_match_the_contract() {
        let c = match Catalog::builtin() {
            Ok(c) => c,
            Err(p) => panic!("{p:#?}"),
        };
        let hl = c.get("covid19-hoa-lu-2021");
        let Some(hl) = hl else {
            panic!("no Hoa Lư set")
        };
        assert_eq!(
            hl.thanh_tich_tu.map(|d| d.to_string()).as_deref(),
            Some("2020-01-23")
        );
        let std_ids = |k: &str| -> Vec<String> {
            hl.nominee_kind(k)
                .map(|k| k.standards.iter().map(|s| s.id.clone()).collect())
                .unwrap_or_default()
        };
        assert_eq!(
            std_ids("tuyen_dau"),
            [
                "tan_tam_sang_tao",
                "hoan_thanh_xuat_sac",
                "khong_bi_phe_binh"
            ]
        );
        assert_eq!(std_ids("nguoi_dan"), ["chap_hanh_phap_luat", "tuong_tro"]);
        assert_eq!(
            hl.form("giay_khen_chu_tich_huyen").map(|f| f.kinds.len()),
            Some(2)
        );
        assert_eq!(hl.level("tinh").and_then(|l| l.copies), Some(2));
        let (Some(q), Some(a)) = (&hl.voting.quorum, &hl.voting.approval) else {
            panic!("the campaign's thresholds are gone")
        };
        assert!(q.ratio.met(6, 9) && !q.ratio.met(5, 9) && !q.reading);
        assert!(a.ratio.met(5, 8) && !a.ratio.met(4, 8) && !a.reading);
        assert!(c
            .get("nd91-dieu55")
            .is_some_and(|s| !s.procedure.minutes.required));
    }

    #[test]
    fn unknown_key_points_into_the_file() {
        let text = BUILTIN[0]
            .1
            .replacen("thanh_tich_tu_can_cu:", "thanh_tich_tu_can_cuu:", 1);
        let Err(p) = parse(&text, "x.yaml", &procedures()) else {
            panic!("accepted")
        };
        assert!(p[0].at.is_some_and(|a| a.start.line > 1), "{p:?}");
        assert!(p[0].message.en.contains("thanh_tich_tu_can_cuu"), "{p:?}");
    }

    #[test]
    fn broken_reference_is_reported() {
        let text = BUILTIN[0].1.replacen("cap: huyen", "cap: xa", 1);
        let Err(p) = parse(&text, "x.yaml", &procedures()) else {
            panic!("accepted")
        };
        assert!(
            p.iter().any(|p| p.message.en.contains("level `xa`")),
            "{p:?}"
        );
    }

    #[test]
    fn problems_carry_the_parsers_span() {
        let text = BUILTIN[0].1.replacen("cap: huyen", "cap: xa", 1);
        let Err(p) = parse(&text, "x.yaml", &procedures()) else {
            panic!("accepted")
        };
        let at = p[0].at.unwrap_or_else(|| panic!("{p:?}"));
        let line = text.lines().nth(at.start.line as usize - 1).unwrap_or("");
        let from_byte = &text[at.start.byte as usize..];
        assert!(line.contains("xa") && from_byte.starts_with("xa"), "{p:?}");
    }

    #[test]
    fn the_parsers_english_stays_out_of_vietnamese() {
        for broken in [
            "phien_ban: 1\nid: [x\n",
            "phien_ban: 1\nid: x\nloai: thu_tuc\nhinh_thuc: 3\n",
            "phien_ban: [1]\n",
            "phien_ban: 1\nid: {a: b}\n",
            "phien_ban: 1\nidd: x\n",
            "",
            "phien_ban: 1\nid: x\n  ten: y\n",
        ] {
            let Err(p) = parse_raw(broken, "x.yaml") else {
                continue;
            };
            for w in [
                "expected",
                "invalid",
                "found",
                "while",
                "unexpected",
                "line ",
            ] {
                assert!(
                    !p[0].message.vi.contains(w),
                    "{broken:?}: {:?}",
                    p[0].message
                );
            }
            assert!(!p[0].message.en.is_empty());
        }
    }
}
