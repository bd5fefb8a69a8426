//! From a parsed rule-set file to the [`RuleSet`] the checks use, checking that its parts refer
//! to each other correctly (a form's level exists, its kinds exist, ...). Each problem points
//! into the rule-set file, so whoever writes a new campaign sees file, line and column.

use std::collections::HashSet;

use serde_saphyr::{Location, Spanned};

use super::model::{Base, Comparison, RawRatio, RawRuleSet};
use super::{
    AwardKind, CriteriaProblem, Form, Level, NomineeKind, Procedure, Ratio, RuleSet, Standard,
};
use crate::date::Date;
use crate::msg;

const LEVELS: [&str; 4] = ["nha_nuoc", "tinh", "huyen", "co_so"];
const TYPES: [&str; 2] = ["ca_nhan", "tap_the"];

struct Ctx<'a> {
    file: &'a str,
    problems: Vec<CriteriaProblem>,
}

impl Ctx<'_> {
    fn at(&mut self, loc: Location, m: crate::diag::Msg) {
        self.problems.push(CriteriaProblem {
            file: self.file.to_owned(),
            line: u32::try_from(loc.line()).unwrap_or(0),
            column: u32::try_from(loc.column()).unwrap_or(0),
            message: m,
        });
    }

    fn date(&mut self, s: &Spanned<String>, what: &str) -> Option<Date> {
        match Date::parse(&s.value) {
            Ok(d) => Some(d),
            Err(_) => {
                self.at(
                    s.referenced,
                    msg!("`{}` không phải ngày YYYY-MM-DD: {:?}", what, s.value; "`{}` is not a YYYY-MM-DD date: {:?}", what, s.value),
                );
                None
            }
        }
    }

    fn unique<'s>(&mut self, ids: impl Iterator<Item = &'s Spanned<String>>, what: &str) {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id.value.as_str()) {
                self.at(
                    id.referenced,
                    msg!("{} `{}` được khai báo hai lần", what, id.value; "{} `{}` is declared twice", what, id.value),
                );
            }
        }
    }

    fn ratio(&mut self, r: &Spanned<RawRatio>, what: &str, needs_base: bool) -> Ratio {
        let v = &r.value;
        if v.mau_so == 0 || v.tu_so > v.mau_so {
            self.at(
                r.referenced,
                msg!("tỷ lệ `{}` phải là phân số từ 0 đến 1 (tu_so <= mau_so, mau_so > 0)", what; "the `{}` share must be a fraction between 0 and 1 (tu_so <= mau_so, mau_so > 0)", what),
            );
        }
        if needs_base && v.tren.is_none() {
            self.at(
                r.referenced,
                msg!("`{}` cần `tren: co_mat` hoặc `tren: so_thanh_vien`", what; "`{}` needs `tren: co_mat` or `tren: so_thanh_vien`", what),
            );
        }
        Ratio {
            num: v.tu_so,
            den: v.mau_so.max(1),
            strict: v.so_sanh == Comparison::Hon,
            of_present: v.tren != Some(Base::SoThanhVien),
        }
    }
}

/// Check a parsed rule set; the problems found, or the rule set.
pub(super) fn validate(raw: RawRuleSet, file: &str) -> Result<RuleSet, Vec<CriteriaProblem>> {
    let mut cx = Ctx {
        file,
        problems: Vec::new(),
    };
    if raw.phien_ban.value != 1 {
        cx.at(
            raw.phien_ban.referenced,
            msg!("phiên bản bộ tiêu chí {} không được hỗ trợ; chỉ có phiên bản 1", raw.phien_ban.value; "rule-set version {} is not supported; only version 1 exists", raw.phien_ban.value),
        );
    }
    let thanh_tich_tu = cx.date(&raw.thanh_tich_tu, "thanh_tich_tu");
    let ngay_phat_dong = raw
        .ngay_phat_dong
        .as_ref()
        .and_then(|d| cx.date(d, "ngay_phat_dong"));

    cx.unique(raw.cap.iter().map(|l| &l.id), "cấp / level");
    cx.unique(
        raw.loai_khen.iter().map(|k| &k.id),
        "loại khen / award kind",
    );
    cx.unique(raw.hinh_thuc.iter().map(|f| &f.id), "hình thức / form");
    cx.unique(
        raw.doi_tuong.iter().map(|k| &k.id),
        "đối tượng / kind of nominee",
    );
    for l in &raw.cap {
        if !LEVELS.contains(&l.id.value.as_str()) {
            cx.at(
                l.id.referenced,
                msg!("cấp `{}` không có; dùng một trong: {}", l.id.value, LEVELS.join(", "); "no level `{}`; use one of: {}", l.id.value, LEVELS.join(", ")),
            );
        }
    }
    for f in &raw.hinh_thuc {
        if !raw.cap.iter().any(|l| l.id.value == f.cap.value) {
            cx.at(
                f.cap.referenced,
                msg!("hình thức `{}` ghi cấp `{}`, nhưng `cap` không khai báo cấp này", f.id.value, f.cap.value; "form `{}` names level `{}`, which `cap` does not declare", f.id.value, f.cap.value),
            );
        }
        for k in &f.loai_khen {
            if !raw.loai_khen.iter().any(|a| a.id.value == k.value) {
                cx.at(
                    k.referenced,
                    msg!("loại khen `{}` chưa được khai báo trong `loai_khen`", k.value; "award kind `{}` is not declared under `loai_khen`", k.value),
                );
            }
        }
        for d in &f.doi_tuong {
            if !raw.doi_tuong.iter().any(|n| n.id.value == d.value) {
                cx.at(
                    d.referenced,
                    msg!("đối tượng `{}` chưa được khai báo trong `doi_tuong`", d.value; "kind of nominee `{}` is not declared under `doi_tuong`", d.value),
                );
            }
        }
    }
    for n in &raw.doi_tuong {
        cx.unique(n.tieu_chuan.iter().map(|s| &s.id), "tiêu chuẩn / standard");
        if n.loai.is_empty() {
            cx.at(
                n.id.referenced,
                msg!("đối tượng `{}` cần `loai: [ca_nhan]`, `[tap_the]` hoặc cả hai", n.id.value; "kind `{}` needs `loai: [ca_nhan]`, `[tap_the]` or both", n.id.value),
            );
        }
        for t in &n.loai {
            if !TYPES.contains(&t.value.as_str()) {
                cx.at(
                    t.referenced,
                    msg!("`{}` không phải ca_nhan hay tap_the", t.value; "`{}` is neither ca_nhan nor tap_the", t.value),
                );
            }
        }
    }
    let quorum = cx.ratio(&raw.bieu_quyet.co_mat, "co_mat", false);
    let approval = cx.ratio(&raw.bieu_quyet.tan_thanh, "tan_thanh", true);

    let Some(thanh_tich_tu) = thanh_tich_tu else {
        return Err(cx.problems);
    };
    if !cx.problems.is_empty() {
        return Err(cx.problems);
    }
    let c = &raw.thu_tuc.thanh_phan;
    Ok(RuleSet {
        id: raw.id.value,
        ten: raw.ten,
        can_cu: raw.can_cu,
        ngay_phat_dong,
        thanh_tich_tu,
        thanh_tich_tu_can_cu: raw.thanh_tich_tu_can_cu,
        procedure: Procedure {
            ten: raw.thu_tuc.ten,
            can_cu: raw.thu_tuc.can_cu,
            proposal_required: c.to_trinh.bat_buoc,
            minutes_required: c.bien_ban.bat_buoc,
            minutes_basis: c.bien_ban.can_cu.clone(),
            reports_required: c.bao_cao.bat_buoc,
        },
        award_kinds: raw
            .loai_khen
            .into_iter()
            .map(|k| AwardKind {
                id: k.id.value,
                ten: k.ten,
                needs_recognition: k.can_ghi_nhan,
                can_cu: k.can_cu,
            })
            .collect(),
        levels: raw
            .cap
            .into_iter()
            .map(|l| Level {
                id: l.id.value,
                ten: l.ten,
                copies: l.so_bo,
                office: l.noi_nhan,
                can_cu: l.can_cu,
            })
            .collect(),
        forms: raw
            .hinh_thuc
            .into_iter()
            .map(|f| Form {
                id: f.id.value,
                ten: f.ten,
                level: f.cap.value,
                kinds: f.loai_khen.into_iter().map(|k| k.value).collect(),
                nominee_kinds: f.doi_tuong.into_iter().map(|k| k.value).collect(),
                can_cu: f.can_cu,
            })
            .collect(),
        nominee_kinds: raw
            .doi_tuong
            .into_iter()
            .map(|n| NomineeKind {
                individual: n.loai.iter().any(|t| t.value == "ca_nhan"),
                collective: n.loai.iter().any(|t| t.value == "tap_the"),
                id: n.id.value,
                ten: n.ten,
                can_cu: n.can_cu,
                standards: n
                    .tieu_chuan
                    .into_iter()
                    .map(|s| Standard {
                        id: s.id.value,
                        text: s.noi_dung,
                        required: s.bat_buoc,
                        can_cu: s.can_cu,
                    })
                    .collect(),
            })
            .collect(),
        quorum,
        approval,
        voting_basis: raw.bieu_quyet.can_cu,
        source: file.to_owned(),
    })
}
