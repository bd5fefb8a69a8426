//! Who a reviewed dossier proposes, and who sends it: the facts the office's summary, the
//! duplicate search and the decision's list (`decision`) are made of, taken from the dossier as the
//! check read it.

use crate::date::{Birth, Date};
use crate::dossier::load::Dossier;
use crate::dossier::model::NomineeType;

/// The dossier's sender and proposal, as its documents write them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Proposal {
    /// The proposing office (`to-trinh.yaml` `co_quan`, else `ho-so.yaml` `co_quan_de_nghi`).
    pub sender: String,
    /// The proposal's number and symbol (`so_ky_hieu`).
    pub number: String,
    /// Its date.
    pub date: Option<Date>,
    /// The form of commendation (`hinh_thuc`).
    pub form: String,
    /// The campaign (`phong_trao`).
    pub campaign: String,
    /// The form's name in the rule set ("Giấy khen của Chủ tịch UBND cấp huyện"), when known.
    pub form_name: String,
    /// The rule set's name, when known.
    pub campaign_name: String,
    /// The achievement the proposal's trích yếu names ("thành tích xuất sắc trong …"), empty
    /// when it names none.
    pub achievement: String,
    /// The legal basis as the rule set names it, one "Căn cứ …;" line per instrument (as
    /// `draft` prints it), for the office's decision; empty without a rule set.
    pub basis: Vec<String>,
}

/// One nominee of a reviewed dossier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The id the dossier gives it (`ma`).
    pub id: String,
    /// The name as the list writes it.
    pub name: String,
    /// Individual, collective or household.
    pub kind: NomineeType,
    /// The birth date or year, from the nominee's report.
    pub birth: Option<Birth>,
    /// Position and unit, as a list prints them.
    pub unit: String,
    /// The sex the nominee's report gives (`gioi_tinh`), for the decision's sheet and the
    /// certificates; None for a collective, a household, or a report that does not say.
    pub sex: Option<Sex>,
    /// The achievement in one line, for the certificates: the report's `thanh_tich` when it
    /// is a single line (a multi-line account is the report's, not a certificate's); empty
    /// otherwise.
    pub achievement: String,
}

/// `gioi_tinh`: what the report writes, `nam` or `nu`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// `nam`.
    Male,
    /// `nu`.
    Female,
}

impl Sex {
    /// The format's word read; None for any other (the check has said so).
    #[must_use]
    pub fn from_id(s: &str) -> Option<Sex> {
        match s.trim() {
            "nam" => Some(Sex::Male),
            "nu" => Some(Sex::Female),
            _ => None,
        }
    }

    /// As a list prints it: "Nam", "Nữ".
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Sex::Male => "Nam",
            Sex::Female => "Nữ",
        }
    }
}

fn text(v: Option<&crate::source::Sp<String>>) -> String {
    v.map(|s| s.v.trim().to_owned()).unwrap_or_default()
}

/// The proposal of `d`, checked under the rule set `rs`.
#[must_use]
pub fn proposal(d: &Dossier, rs: Option<&crate::criteria::RuleSet>) -> Proposal {
    let tt = d.to_trinh.as_ref();
    let hs = d.ho_so.as_ref();
    let mut sender = text(tt.and_then(|t| t.co_quan.as_ref()));
    if sender.is_empty() {
        sender = text(hs.and_then(|h| h.co_quan_de_nghi.as_ref()));
    }
    let form = text(hs.and_then(|h| h.hinh_thuc.as_ref()));
    let form_name = rs
        .and_then(|r| r.forms.iter().find(|f| f.id == form))
        .map(|f| f.ten.trim().to_owned())
        .unwrap_or_default();
    Proposal {
        sender,
        number: text(tt.and_then(|t| t.so_ky_hieu.as_ref())),
        date: tt.and_then(|t| t.ngay.as_ref()).map(|d| d.v),
        form,
        campaign: text(hs.and_then(|h| h.phong_trao.as_ref())),
        form_name,
        campaign_name: rs.map(|r| r.ten.trim().to_owned()).unwrap_or_default(),
        achievement: crate::draft::words::achievement(&text(tt.and_then(|t| t.trich_yeu.as_ref())))
            .unwrap_or_default(),
        // The rule set's instruments, never the sender's own `can_cu`: the decision is the
        // deciding body's, on the law, not on what one sender cited.
        basis: rs.map_or_else(Vec::new, |r| {
            crate::draft::words::basis(Some(r), &crate::dossier::model::ToTrinh::default())
        }),
    }
}

/// The nominees of `d`, in the list's order; a nominee without a name is left out (the check
/// has said so).
#[must_use]
pub fn people(d: &Dossier) -> Vec<Person> {
    let Some(tt) = &d.to_trinh else {
        return Vec::new();
    };
    tt.danh_sach
        .iter()
        .filter_map(|n| {
            let name = text(n.ten.as_ref());
            if name.is_empty() {
                return None;
            }
            let id = text(n.ma.as_ref());
            let report = d
                .reports
                .iter()
                .find(|r| !id.is_empty() && r.ma.as_ref().is_some_and(|m| m.v.trim() == id));
            let birth = report.and_then(|r| r.ngay_sinh.as_ref()).map(|b| b.v);
            let sex = report
                .and_then(|r| r.gioi_tinh.as_ref())
                .and_then(|g| Sex::from_id(&g.v));
            let achievement = report
                .map(|r| text(r.thanh_tich.as_ref()))
                .filter(|t| !t.contains('\n'))
                .unwrap_or_default();
            Some(Person {
                id,
                name,
                kind: n.loai.as_ref().map_or(NomineeType::Individual, |l| l.v),
                birth,
                unit: n.position_and_unit(),
                sex,
                achievement,
            })
        })
        .collect()
}
