//! The four documents of a dossier, typed, with the place every value was written.
//!
//! Every field is optional here even where the format requires it: a missing field has already
//! been reported by the reader, and the checks work on whatever is present, so one gap does not
//! hide the other findings.

use crate::date::{Birth, Date};
use crate::source::{Sp, Span};

/// Individual, collective or household: who a nominee is (`loai`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NomineeType {
    /// `ca_nhan`.
    Individual,
    /// `tap_the`.
    Collective,
    /// `ho_gia_dinh`: a household, which the 2022 Law commends (allowed only where a rule set
    /// lets a kind of nominee be one).
    Household,
}

impl NomineeType {
    /// Every type, in the format's order.
    pub const ALL: [NomineeType; 3] = [
        NomineeType::Individual,
        NomineeType::Collective,
        NomineeType::Household,
    ];

    /// The type the format's word names.
    #[must_use]
    pub fn from_id(id: &str) -> Option<NomineeType> {
        NomineeType::ALL.into_iter().find(|t| t.id() == id)
    }

    /// The format's word.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            NomineeType::Individual => "ca_nhan",
            NomineeType::Collective => "tap_the",
            NomineeType::Household => "ho_gia_dinh",
        }
    }

    /// The Vietnamese word.
    #[must_use]
    pub fn vi(self) -> &'static str {
        match self {
            NomineeType::Individual => "cá nhân",
            NomineeType::Collective => "tập thể",
            NomineeType::Household => "hộ gia đình",
        }
    }

    /// The English word with its article ("the nominee is an individual").
    #[must_use]
    pub fn en_a(self) -> &'static str {
        match self {
            NomineeType::Individual => "an individual",
            NomineeType::Collective => "a collective",
            NomineeType::Household => "a household",
        }
    }

    /// The English word for many ("goes only to individuals").
    #[must_use]
    pub fn en_plural(self) -> &'static str {
        match self {
            NomineeType::Individual => "individuals",
            NomineeType::Collective => "collectives",
            NomineeType::Household => "households",
        }
    }

    /// The English word.
    #[must_use]
    pub fn en(self) -> &'static str {
        match self {
            NomineeType::Individual => "individual",
            NomineeType::Collective => "collective",
            NomineeType::Household => "household",
        }
    }
}

/// A signer or a council officer.
#[derive(Debug, Clone, Default)]
pub struct Person {
    /// Full name.
    pub ho_ten: Option<Sp<String>>,
    /// Position.
    pub chuc_vu: Option<Sp<String>>,
    /// Authority ("TM. Ủy ban nhân dân", "KT. Chủ tịch"), as written: one text, or a YAML list
    /// joined by line breaks (the place is the first item's). `tham_quyen_dong` has each part.
    pub tham_quyen: Option<Sp<String>>,
    /// Each item of `tham_quyen` with its own place: the items of a YAML list, or the one text.
    /// `draft::signature` splits them into Decree 30's lines (at line breaks and at each "TM.",
    /// "KT.", "Q.", "TL.", "TUQ.").
    pub tham_quyen_dong: Vec<Sp<String>>,
    /// Where the group starts.
    pub at: Option<Span>,
}

/// `ho-so.yaml`.
#[derive(Debug, Clone, Default)]
pub struct HoSo {
    /// Format version.
    pub phien_ban: Option<Sp<String>>,
    /// Campaign id or path.
    pub phong_trao: Option<Sp<String>>,
    /// Award form id.
    pub hinh_thuc: Option<Sp<String>>,
    /// Award kind.
    pub loai_khen: Option<Sp<String>>,
    /// Proposing body.
    pub co_quan_de_nghi: Option<Sp<String>>,
    /// The authority that decides the award (`cap_quyet_dinh`, "Chủ tịch nước"), where it is
    /// above the tờ trình's addressee; read and shown, checked by no rule.
    pub cap_quyet_dinh: Option<Sp<String>>,
    /// Who the proposal goes through, in order, from the addressee on, before the deciding
    /// authority (`trinh_qua`, "Thủ tướng Chính phủ"); one text is a list of one.
    pub trinh_qua: Vec<Sp<String>>,
    /// First key of the file: where "missing" findings point.
    pub anchor: Option<Span>,
}

/// One entry of the proposal's list.
#[derive(Debug, Clone, Default)]
pub struct Nominee {
    /// Id.
    pub ma: Option<Sp<String>>,
    /// Individual or collective.
    pub loai: Option<Sp<NomineeType>>,
    /// Name.
    pub ten: Option<Sp<String>>,
    /// Rank or academic title, printed before the name ("Đại tá", "PGS.TS."); individuals.
    pub cap_bac: Option<Sp<String>>,
    /// Position.
    pub chuc_vu: Option<Sp<String>>,
    /// Unit.
    pub don_vi: Option<Sp<String>>,
    /// Position and unit in one text, as lists print them; stands for both.
    pub chuc_vu_don_vi: Option<Sp<String>>,
    /// Kind of nominee.
    pub doi_tuong: Option<Sp<String>>,
    /// Where the entry starts.
    pub at: Option<Span>,
}

impl Nominee {
    /// The name as a document prints it: "Đại tá Nguyễn Văn A".
    #[must_use]
    pub fn shown_name(&self) -> String {
        shown_name(self.loai.as_ref(), self.cap_bac.as_ref(), self.ten.as_ref())
    }

    /// "Chức vụ, đơn vị" as a list's column prints it.
    #[must_use]
    pub fn position_and_unit(&self) -> String {
        position_and_unit(
            self.loai.as_ref(),
            self.chuc_vu.as_ref(),
            self.don_vi.as_ref(),
            self.chuc_vu_don_vi.as_ref(),
        )
    }
}

fn trimmed(v: Option<&Sp<String>>) -> &str {
    v.map_or("", |s| s.v.trim())
}

fn individual(loai: Option<&Sp<NomineeType>>) -> bool {
    loai.is_none_or(|l| l.v == NomineeType::Individual)
}

/// The rank before the name, for an individual (a rank on a collective is a finding, HS018,
/// and is not printed).
fn shown_name(
    loai: Option<&Sp<NomineeType>>,
    cap_bac: Option<&Sp<String>>,
    ten: Option<&Sp<String>>,
) -> String {
    let (rank, name) = (trimmed(cap_bac), trimmed(ten));
    if rank.is_empty() || !individual(loai) {
        name.to_owned()
    } else {
        format!("{rank} {name}")
    }
}

/// `chuc_vu_don_vi` when written (it is the text the list had); else "position, unit" for an
/// individual, the unit for a collective or household.
fn position_and_unit(
    loai: Option<&Sp<NomineeType>>,
    chuc_vu: Option<&Sp<String>>,
    don_vi: Option<&Sp<String>>,
    chuc_vu_don_vi: Option<&Sp<String>>,
) -> String {
    let both = trimmed(chuc_vu_don_vi);
    if !both.is_empty() {
        return both.to_owned();
    }
    let (position, unit) = (trimmed(chuc_vu), trimmed(don_vi));
    match (individual(loai) && !position.is_empty(), unit.is_empty()) {
        (true, false) => format!("{position}, {unit}"),
        (true, true) => position.to_owned(),
        (false, _) => unit.to_owned(),
    }
}

/// `to-trinh.yaml`.
#[derive(Debug, Clone, Default)]
pub struct ToTrinh {
    /// Number and symbol.
    pub so_ky_hieu: Option<Sp<String>>,
    /// Date.
    pub ngay: Option<Sp<Date>>,
    /// Place on the date line.
    pub dia_danh: Option<Sp<String>>,
    /// Issuing body.
    pub co_quan: Option<Sp<String>>,
    /// Parent body.
    pub co_quan_cap_tren: Option<Sp<String>>,
    /// The first addressee (`kinh_gui`, or the first item of its list): the one who decides
    /// or proposes on, as the body and the checks name it.
    pub kinh_gui: Option<Sp<String>>,
    /// Every addressee, in the order written (`kinh_gui` as a list: "Chủ tịch Ủy ban nhân dân
    /// tỉnh Thái Nguyên", "Sở Nội vụ"); one text is a list of one. The draft prints two or more
    /// as Decree 30 does: "Kính gửi:" then a "- …;" line each.
    pub kinh_gui_ds: Vec<Sp<String>>,
    /// Summary line.
    pub trich_yeu: Option<Sp<String>>,
    /// Signer.
    pub nguoi_ky: Option<Person>,
    /// The tờ trình's own legal basis, one instrument each ("Căn cứ" lines); empty: the rule
    /// set's.
    pub can_cu: Vec<Sp<String>>,
    /// The tờ trình's own body, printed in place of the drafted one.
    pub noi_dung: Option<Sp<String>>,
    /// The tờ trình's own recipients ("Nơi nhận"); empty: "Như trên", "Lưu: VT".
    pub noi_nhan: Vec<Sp<String>>,
    /// The list.
    pub danh_sach: Vec<Nominee>,
    /// Attachments.
    pub dinh_kem: Vec<Sp<String>>,
    /// First key.
    pub anchor: Option<Span>,
}

/// One vote result.
#[derive(Debug, Clone, Default)]
pub struct Vote {
    /// Nominee id.
    pub ma: Option<Sp<String>>,
    /// In favour.
    pub tan_thanh: Option<Sp<u32>>,
    /// Against.
    pub khong_tan_thanh: Option<Sp<u32>>,
    /// Carried from the minutes' one vote for the whole list (`bieu_quyet_chung`): its counts
    /// and places are that vote's, and the checks report it once.
    pub chung: bool,
    /// Where the entry starts.
    pub at: Option<Span>,
}

/// `bien-ban.yaml`.
#[derive(Debug, Clone, Default)]
pub struct BienBan {
    /// Number and symbol.
    pub so_ky_hieu: Option<Sp<String>>,
    /// Date.
    pub ngay: Option<Sp<Date>>,
    /// The council.
    pub hoi_dong: Option<Sp<String>>,
    /// Members.
    pub so_thanh_vien: Option<Sp<u32>>,
    /// Present.
    pub co_mat: Option<Sp<u32>>,
    /// Chair.
    pub chu_tri: Option<Person>,
    /// Secretary.
    pub thu_ky: Option<Person>,
    /// Results, one per nominee: those written in `ket_qua`, then, for every listed nominee
    /// without one, the vote for the whole list (`bieu_quyet_chung`), once the dossier is
    /// loaded ([`BienBan::carry_common_vote`]).
    pub ket_qua: Vec<Vote>,
    /// One vote for the whole list (`bieu_quyet_chung`), as minutes usually record it
    /// ("biểu quyết 09/09 thành viên có mặt"); its `ma` is None.
    pub bieu_quyet_chung: Option<Vote>,
    /// Attachments.
    pub dinh_kem: Vec<Sp<String>>,
    /// First key.
    pub anchor: Option<Span>,
}

impl BienBan {
    /// Give every nominee of `list` that has no result of its own in `ket_qua` the vote for
    /// the whole list, so that the checks, the draft, the cover list and the export see one
    /// result per nominee, placed at `bieu_quyet_chung`. A result written for a nominee stands.
    pub fn carry_common_vote(&mut self, list: &[Nominee]) {
        let Some(common) = self.bieu_quyet_chung.clone() else {
            return;
        };
        let Some(at) = common.at else { return };
        for n in list {
            let Some(ma) = &n.ma else { continue };
            let own = self
                .ket_qua
                .iter()
                .any(|v| v.ma.as_ref().is_some_and(|m| m.v == ma.v));
            if !own {
                self.ket_qua.push(Vote {
                    ma: Some(Sp::new(ma.v.clone(), at)),
                    chung: true,
                    ..common.clone()
                });
            }
        }
    }
}

/// The confirmation of a report.
#[derive(Debug, Clone, Default)]
pub struct XacNhan {
    /// Confirming body.
    pub co_quan: Option<Sp<String>>,
    /// Signer.
    pub nguoi_ky: Option<Person>,
    /// Date.
    pub ngay: Option<Sp<Date>>,
    /// Whether the confirming body has a seal (`con_dau`); None: read from its name (a thôn, a
    /// tổ, a household has none), see `draft::signature::has_seal`.
    pub con_dau: Option<Sp<bool>>,
    /// Whether a date is written, read or not (a placeholder, a malformed date): then its own
    /// finding says what is wrong, and the confirmation does not lack one.
    pub ngay_written: bool,
    /// Where the group starts.
    pub at: Option<Span>,
}

/// One standard as the report states it.
#[derive(Debug, Clone)]
pub struct StandardClaim {
    /// Standard id.
    pub id: Sp<String>,
    /// Met (None: not a boolean, already reported).
    pub met: Option<Sp<bool>>,
}

/// `bao-cao/<ma>.yaml`.
#[derive(Debug, Clone, Default)]
pub struct BaoCao {
    /// File, relative to the dossier.
    pub file: String,
    /// The id the file name gives.
    pub file_ma: String,
    /// Id.
    pub ma: Option<Sp<String>>,
    /// Individual or collective.
    pub loai: Option<Sp<NomineeType>>,
    /// Name.
    pub ten: Option<Sp<String>>,
    /// Rank or academic title, printed before the name; individuals.
    pub cap_bac: Option<Sp<String>>,
    /// Birth: the date, or the year alone.
    pub ngay_sinh: Option<Sp<Birth>>,
    /// `nam` | `nu`.
    pub gioi_tinh: Option<Sp<String>>,
    /// Position.
    pub chuc_vu: Option<Sp<String>>,
    /// Unit.
    pub don_vi: Option<Sp<String>>,
    /// Position and unit in one text; stands for both.
    pub chuc_vu_don_vi: Option<Sp<String>>,
    /// Kind of nominee.
    pub doi_tuong: Option<Sp<String>>,
    /// Period: from.
    pub tu: Option<Sp<Date>>,
    /// Period: to.
    pub den: Option<Sp<Date>>,
    /// Where `thoi_gian` is.
    pub thoi_gian_at: Option<Span>,
    /// The action.
    pub hanh_dong: Option<Sp<String>>,
    /// The achievement.
    pub thanh_tich: Option<Sp<String>>,
    /// The merit.
    pub cong_trang: Option<Sp<String>>,
    /// Standards as stated; None when `tieu_chuan` is absent.
    pub tieu_chuan: Option<Sp<Vec<StandardClaim>>>,
    /// Recognition.
    pub ghi_nhan: Option<Sp<String>>,
    /// Confirmation.
    pub xac_nhan: Option<XacNhan>,
    /// Optional number and symbol of the report itself.
    pub so_ky_hieu: Option<Sp<String>>,
    /// Optional date of the report itself (`ngay`), printed on its date line.
    pub ngay: Option<Sp<Date>>,
    /// The collective's parent body, printed above it in the report's header (`co_quan_cap_tren`);
    /// collectives only: an individual's or a household's report has no issuer block.
    pub co_quan_cap_tren: Option<Sp<String>>,
    /// Who signs the report for a collective or a household (`nguoi_ky`): name, title and
    /// authority; optional.
    pub nguoi_ky: Option<Person>,
    /// Whether the collective has a seal (`con_dau`); None: read from its name.
    pub con_dau: Option<Sp<bool>>,
    /// Attachments.
    pub dinh_kem: Vec<Sp<String>>,
    /// First key.
    pub anchor: Option<Span>,
}

impl BaoCao {
    /// The name as a document prints it: "Đại tá Nguyễn Văn A".
    #[must_use]
    pub fn shown_name(&self) -> String {
        shown_name(self.loai.as_ref(), self.cap_bac.as_ref(), self.ten.as_ref())
    }
}
