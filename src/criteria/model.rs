//! A rule set as written in `criteria/*.yaml` (see `docs/rule-set-format.md`).
//!
//! These structs mirror the file one to one and are read with serde-saphyr, refusing unknown
//! keys: a typo in a rule set must not silently switch a check off. Rule sets are written by
//! developers and district IT staff, not clerks, so stopping at the first problem (serde's way)
//! is acceptable here, unlike for dossiers. `validate.rs` then checks the references between
//! the parts (and, for a campaign, against the procedure it extends) and builds the
//! [`crate::criteria::RuleSet`] the checks use.
//!
//! Almost everything is optional at this level because a campaign (`theo_thu_tuc`) inherits what
//! it does not write; what a procedure must have is checked in `validate.rs`, with its place.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRuleSet {
    /// Rule-set format version; only 1 exists.
    pub phien_ban: Spanned<u32>,
    /// Id that `ho-so.yaml`'s `phong_trao` names.
    pub id: Spanned<String>,
    /// A procedure of the law, or a campaign (the default, as every file before it was one).
    #[serde(default)]
    pub loai: Option<Spanned<SetKind>>,
    /// For a campaign: the id of the procedure it extends.
    #[serde(default)]
    pub theo_thu_tuc: Option<Spanned<String>>,
    /// Full name.
    pub ten: String,
    /// Legal basis of the rule set as a whole.
    pub can_cu: String,
    /// When the rule set applies, by the proposal's date.
    #[serde(default)]
    pub hieu_luc: Option<Spanned<RawPeriod>>,
    /// Date the campaign was launched.
    #[serde(default)]
    pub ngay_phat_dong: Option<Spanned<String>>,
    /// Earliest date an achievement period may start.
    #[serde(default)]
    pub thanh_tich_tu: Option<Spanned<String>>,
    /// Why that date.
    #[serde(default)]
    pub thanh_tich_tu_can_cu: Option<String>,
    /// The procedure; a campaign writes only what it changes.
    #[serde(default)]
    pub thu_tuc: Option<RawProcedure>,
    /// Kinds of award (`dot_xuat`, `chuyen_de`, the five cases of the 2022 Law).
    #[serde(default)]
    pub loai_khen: Vec<RawAwardKind>,
    /// Levels: copies and receiving office.
    #[serde(default)]
    pub cap: Vec<RawLevel>,
    /// Award forms.
    #[serde(default)]
    pub hinh_thuc: Vec<RawForm>,
    /// Kinds of nominee.
    #[serde(default)]
    pub doi_tuong: Vec<RawNomineeKind>,
    /// The council's vote thresholds, where the rule set has any.
    #[serde(default)]
    pub bieu_quyet: Option<Spanned<RawVoting>>,
    /// What `dossier init` writes when asked for nothing in particular.
    #[serde(default)]
    pub mac_dinh: Option<RawDefaults>,
    /// Texts known to change the law from a date but not read: a proposal dated from then is
    /// warned (HS023).
    #[serde(default)]
    pub chua_doi_chieu: Vec<RawUnread>,
}

/// A text known to take effect (or a text known to end) on a date, whose content was not read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnread {
    /// From this day on, the rule set may not say what the law says.
    pub tu: Spanned<String>,
    /// The text and what is known of it ("Luật số 06/2026/QH16 …, hiệu lực từ 01/10/2026").
    pub van_ban: String,
    /// Where that much was read.
    pub can_cu: String,
}

/// A procedure of the law, or a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetKind {
    /// A procedure (`thu_tuc`): the law's simplified procedure in one period.
    ThuTuc,
    /// A campaign (`phong_trao`): a plan's own forms, kinds and standards.
    PhongTrao,
}

/// A period of validity.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// First day.
    pub tu: Spanned<String>,
    /// Last day; absent while in force.
    #[serde(default)]
    pub den: Option<Spanned<String>>,
    /// Legal basis of both dates.
    pub can_cu: String,
    /// Which dates are the project's reading, not read in the text: `true` (both), `tu` or `den`.
    #[serde(default)]
    pub dien_giai: Option<Spanned<PeriodReading>>,
}

/// `dien_giai` of a period: both dates, or one of them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum PeriodReading {
    /// `true` or `false`: both dates.
    Both(bool),
    /// `tu` or `den`: that date only.
    Bound(String),
}

/// The procedure and its components.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProcedure {
    /// Name ("Thủ tục đơn giản").
    #[serde(default)]
    pub ten: Option<String>,
    /// Legal basis.
    #[serde(default)]
    pub can_cu: Option<String>,
    /// The instruments a tờ trình cites, one "Căn cứ" line each.
    #[serde(default)]
    pub van_ban_can_cu: Option<Vec<String>>,
    /// Components.
    #[serde(default)]
    pub thanh_phan: Option<Spanned<RawComponents>>,
}

/// The three components.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawComponents {
    /// The proposal.
    #[serde(default)]
    pub to_trinh: Option<RawComponent>,
    /// The minutes.
    #[serde(default)]
    pub bien_ban: Option<RawComponent>,
    /// The reports.
    #[serde(default)]
    pub bao_cao: Option<RawReports>,
}

/// Whether a component is required, and why.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawComponent {
    /// Required.
    pub bat_buoc: bool,
    /// Legal basis.
    pub can_cu: String,
    /// The requirement is the project's reading: warn only.
    #[serde(default)]
    pub dien_giai: bool,
}

/// The reports: required or not, and whether each needs the managing agency's confirmation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReports {
    /// At least one report required.
    pub bat_buoc: bool,
    /// Legal basis.
    pub can_cu: String,
    /// The requirement is the project's reading: warn only.
    #[serde(default)]
    pub dien_giai: bool,
    /// Whether each report must carry `xac_nhan`; absent: it must (the format's first rule).
    #[serde(default)]
    pub xac_nhan: Option<RawComponent>,
}

/// A kind of award.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAwardKind {
    /// `dot_xuat`, `chuyen_de`.
    pub id: Spanned<String>,
    /// Vietnamese name.
    pub ten: String,
    /// Each report must carry `ghi_nhan`.
    #[serde(default)]
    pub can_ghi_nhan: bool,
    /// Legal basis.
    pub can_cu: String,
    /// The kind (its wording, which forms have it, its recognition) is the project's reading:
    /// HS012 and ND005 on it only warn.
    #[serde(default)]
    pub dien_giai: bool,
}

/// A level of award.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLevel {
    /// Any id (`nha_nuoc`, `tinh`, `huyen`, `xa`, `co_so`).
    pub id: Spanned<String>,
    /// Vietnamese name.
    pub ten: String,
    /// Copies to send.
    #[serde(default)]
    pub so_bo: Option<u32>,
    /// Receiving office.
    pub noi_nhan: String,
    /// Legal basis.
    pub can_cu: String,
    /// Copies and office are the project's reading.
    #[serde(default)]
    pub dien_giai: bool,
}

/// An award form.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawForm {
    /// Id (`giay_khen_chu_tich_huyen`).
    pub id: Spanned<String>,
    /// Vietnamese name.
    pub ten: String,
    /// Level id.
    pub cap: Spanned<String>,
    /// Who grants it ("Chủ tịch Ủy ban nhân dân cấp xã").
    #[serde(default)]
    pub tham_quyen: Option<String>,
    /// Kinds of award it has.
    #[serde(default)]
    pub loai_khen: Vec<Spanned<String>>,
    /// Kinds of nominee it may go to; empty: all.
    #[serde(default)]
    pub doi_tuong: Vec<Spanned<String>>,
    /// Types of nominee (`ca_nhan`, `tap_the`, `ho_gia_dinh`) it may go to; empty: all.
    #[serde(default)]
    pub loai: Vec<Spanned<String>>,
    /// Legal basis.
    pub can_cu: String,
}

/// A kind of nominee.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNomineeKind {
    /// Id (`tuyen_dau`).
    pub id: Spanned<String>,
    /// Vietnamese name.
    pub ten: String,
    /// `ca_nhan`, `tap_the`, `ho_gia_dinh`, or several.
    pub loai: Vec<Spanned<String>>,
    /// Legal basis.
    pub can_cu: String,
    /// Its standards.
    #[serde(default)]
    pub tieu_chuan: Vec<RawStandard>,
}

/// A standard.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStandard {
    /// Id (`khong_bi_phe_binh`).
    pub id: Spanned<String>,
    /// The Vietnamese text of the condition.
    pub noi_dung: String,
    /// The report must affirm it.
    #[serde(default = "yes")]
    pub bat_buoc: bool,
    /// Legal basis.
    pub can_cu: String,
    /// The standard is the project's reading: warn only.
    #[serde(default)]
    pub dien_giai: bool,
}

fn yes() -> bool {
    true
}

/// Vote thresholds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVoting {
    /// Legal basis of both thresholds, where each does not give its own.
    #[serde(default)]
    pub can_cu: Option<String>,
    /// Quorum: share of members present.
    #[serde(default)]
    pub co_mat: Option<Spanned<RawRatio>>,
    /// Approval: share in favour.
    #[serde(default)]
    pub tan_thanh: Option<Spanned<RawRatio>>,
}

/// A share: `tu_so / mau_so`, compared `it_nhat` (>=) or `hon` (>), of `tren`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRatio {
    /// Numerator.
    pub tu_so: u32,
    /// Denominator.
    pub mau_so: u32,
    /// `it_nhat` or `hon`.
    pub so_sanh: Comparison,
    /// Base of the share (approval only): `co_mat` or `so_thanh_vien`.
    #[serde(default)]
    pub tren: Option<Base>,
    /// Legal basis of this threshold.
    #[serde(default)]
    pub can_cu: Option<String>,
    /// The threshold is the project's reading: warn only.
    #[serde(default)]
    pub dien_giai: bool,
}

/// How a count is compared with a share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// At least (>=).
    ItNhat,
    /// More than (>).
    Hon,
}

/// What a share is taken of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Base {
    /// Members present.
    CoMat,
    /// All members of the council.
    SoThanhVien,
}

/// What `dossier init` writes by default.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDefaults {
    /// Award form id.
    pub hinh_thuc: Spanned<String>,
    /// Kind of award, where the form has kinds.
    #[serde(default)]
    pub loai_khen: Option<Spanned<String>>,
}
