//! Who a reviewed dossier proposes, and who sends it: the facts the office's summary, the
//! duplicate search and (later) the decision's list are made of, taken from the dossier as the
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
            let birth = d
                .reports
                .iter()
                .find(|r| !id.is_empty() && r.ma.as_ref().is_some_and(|m| m.v.trim() == id))
                .and_then(|r| r.ngay_sinh.as_ref())
                .map(|b| b.v);
            Some(Person {
                id,
                name,
                kind: n.loai.as_ref().map_or(NomineeType::Individual, |l| l.v),
                birth,
                unit: n.position_and_unit(),
            })
        })
        .collect()
}
