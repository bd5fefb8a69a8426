//! A campaign's rule set as written in `criteria/*.yaml` (see `docs/rule-set-format.md`).
//!
//! These structs mirror the file one to one and are read with serde-saphyr, refusing unknown
//! keys: a typo in a rule set must not silently switch a check off. Rule sets are written by
//! developers and district IT staff, not clerks, so stopping at the first problem (serde's way)
//! is acceptable here, unlike for dossiers. `validate.rs` then checks the references between
//! the parts and builds the [`crate::criteria::RuleSet`] the checks use.

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
    /// Full name of the campaign.
    pub ten: String,
    /// Legal basis of the campaign.
    pub can_cu: String,
    /// Date the campaign was launched.
    #[serde(default)]
    pub ngay_phat_dong: Option<Spanned<String>>,
    /// Earliest date an achievement period may start.
    pub thanh_tich_tu: Spanned<String>,
    /// Why that date.
    pub thanh_tich_tu_can_cu: String,
    /// The procedure.
    pub thu_tuc: RawProcedure,
    /// Kinds of award (`dot_xuat`, `chuyen_de`).
    #[serde(default)]
    pub loai_khen: Vec<RawAwardKind>,
    /// Levels: copies and receiving office.
    pub cap: Vec<RawLevel>,
    /// Award forms.
    pub hinh_thuc: Vec<RawForm>,
    /// Kinds of nominee.
    pub doi_tuong: Vec<RawNomineeKind>,
    /// The council's vote thresholds.
    pub bieu_quyet: RawVoting,
}

/// The procedure and its components.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProcedure {
    /// Name ("Thủ tục đơn giản").
    pub ten: String,
    /// Legal basis.
    pub can_cu: String,
    /// Components.
    pub thanh_phan: RawComponents,
}

/// The three components.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawComponents {
    /// The proposal.
    pub to_trinh: RawComponent,
    /// The minutes.
    pub bien_ban: RawComponent,
    /// The reports.
    pub bao_cao: RawComponent,
}

/// Whether a component is required, and why.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawComponent {
    /// Required.
    pub bat_buoc: bool,
    /// Legal basis.
    pub can_cu: String,
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
}

/// A level of award.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLevel {
    /// `nha_nuoc`, `tinh`, `huyen`, `co_so`.
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
    /// Kinds of award it has.
    #[serde(default)]
    pub loai_khen: Vec<Spanned<String>>,
    /// Kinds of nominee it may go to; empty: all.
    #[serde(default)]
    pub doi_tuong: Vec<Spanned<String>>,
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
    /// `ca_nhan`, `tap_the` or both.
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
}

fn yes() -> bool {
    true
}

/// Vote thresholds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVoting {
    /// Legal basis.
    pub can_cu: String,
    /// Quorum: share of members present.
    pub co_mat: Spanned<RawRatio>,
    /// Approval: share in favour.
    pub tan_thanh: Spanned<RawRatio>,
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
