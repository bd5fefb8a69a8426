//! Campaign rule sets: the data of a campaign (forms, levels, kinds of nominee and their
//! standards, vote thresholds), each part with its legal basis.
//!
//! The built-in rule sets in `criteria/` are compiled into the binary so the tool works with
//! nothing beside it; `--criteria PATH` replaces them with files of the user's.

pub mod model;
pub mod named;
mod problem;
mod validate;

pub use problem::{parse_raw, CriteriaProblem};
pub(crate) use problem::{read_problem, unreadable_words, FileKind};

use std::path::Path;

use crate::date::Date;
use crate::diag::Msg;
pub use crate::dossier::model::NomineeType;
use crate::msg;

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
    /// Changes known but not read, by the day they take effect (HS023).
    pub unread: Vec<Unread>,
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

/// A text known to change the law from a day, not read (`chua_doi_chieu`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    /// The day.
    pub from: Date,
    /// The text and what is known of it.
    pub text: String,
    /// Where that much was read.
    pub can_cu: String,
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
    /// The instruments a tờ trình cites, one "Căn cứ" line each (`van_ban_can_cu`); empty:
    /// `can_cu` cut at each ";".
    pub instruments: Vec<String>,
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
    /// The project's reading: findings on it are warnings.
    pub reading: bool,
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
        // Two files of one id: which one counted depended on the files' names (the fresh-eyes
        // trial of #19 passed a dossier with z-copy.yaml and failed it with a-copy.yaml).
        for (i, (file, raw)) in raws.iter().enumerate() {
            if let Some((first, _)) = raws[..i].iter().find(|(_, r)| r.id.value == raw.id.value) {
                let id = &raw.id.value;
                problems.push(CriteriaProblem::whole(
                    file,
                    msg!("bộ tiêu chí mã \"{id}\" đã có trong \"{first}\": mỗi mã chỉ một tệp"; "rule set id \"{id}\" is already given by \"{first}\": one file per id"),
                ));
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

    /// Rule sets from a file, or every `*.yaml`/`*.yml` file of a folder, over the built-in ones
    /// (one of the same id replaces the built-in). A campaign among them may extend one of their
    /// procedures or a built-in one.
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
        let mut own = Catalog::resolve(texts, &builtin)?;
        // Layered over the shipped sets, as an office means it (#19): a province's Giấy khen
        // rules beside them, a set of the same id in their place. A dossier of the same folder
        // naming a shipped set (a Bằng khen of the province) was HS008 when the folder's sets
        // stood alone.
        let ids: Vec<String> = own.sets.iter().map(|s| s.id.clone()).collect();
        own.sets
            .extend(builtin.sets.into_iter().filter(|s| !ids.contains(&s.id)));
        Ok(own)
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
mod tests;
