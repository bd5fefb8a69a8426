//! From a parsed rule-set file to the [`RuleSet`] the checks use, checking that its parts refer
//! to each other correctly (a form's level exists, its kinds exist, a period ends after it
//! starts, a campaign's procedure exists). Each problem points into the rule-set file, so whoever
//! writes a new campaign sees file, line and column.
//!
//! A campaign (`theo_thu_tuc: <procedure id>`) is merged over its procedure here: levels and
//! kinds of award merge by id (the campaign's entry wins), components and the vote thresholds
//! it writes replace the procedure's, and its own forms and kinds of nominee, when it lists any,
//! are its whole lists (a plan names the forms it awards and whom it commends).

use std::collections::HashSet;

use serde_saphyr::{Location, Spanned};

use super::model::{Base, Comparison, PeriodReading, RawRatio, RawRuleSet, SetKind};
use super::{
    AwardKind, CriteriaProblem, Form, Level, NomineeKind, NomineeType, Procedure, Ratio,
    Requirement, RuleSet, Standard, Threshold, Validity, Voting,
};
use crate::date::Date;
use crate::msg;

struct Ctx<'a> {
    file: &'a str,
    problems: Vec<CriteriaProblem>,
}

impl Ctx<'_> {
    fn at(&mut self, loc: Location, m: crate::diag::Msg) {
        self.problems.push(CriteriaProblem::at(self.file, &loc, m));
    }

    fn date(&mut self, s: &Spanned<String>, what: &str) -> Option<Date> {
        match Date::parse(&s.value) {
            Ok(d) => Some(d),
            Err(_) => {
                self.at(
                    s.referenced,
                    msg!("\"{}\" không phải ngày YYYY-MM-DD: {:?}", what, s.value; "`{}` is not a YYYY-MM-DD date: {:?}", what, s.value),
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
                    msg!("{} \"{}\" được khai báo hai lần", what, id.value; "{} `{}` is declared twice", what, id.value),
                );
            }
        }
    }

    /// Ids are written by clerks into their files: plain lowercase ASCII words joined by `_`.
    fn id_shape<'s>(&mut self, ids: impl Iterator<Item = &'s Spanned<String>>, what: &str) {
        for id in ids {
            let ok = !id.value.is_empty()
                && id
                    .value
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !ok {
                self.at(
                    id.referenced,
                    msg!("mã {} \"{}\" chỉ được gồm chữ thường không dấu, chữ số và dấu gạch dưới", what, id.value;
                         "the {} id `{}` may hold only lowercase ASCII letters, digits and underscores", what, id.value),
                );
            }
        }
    }

    fn types(&mut self, list: &[Spanned<String>]) -> Vec<NomineeType> {
        let mut out = Vec::new();
        for t in list {
            match NomineeType::from_id(&t.value) {
                Some(ty) if !out.contains(&ty) => out.push(ty),
                Some(_) => {}
                None => self.at(
                    t.referenced,
                    msg!("\"{}\" không phải ca_nhan, tap_the hay ho_gia_dinh", t.value; "`{}` is not ca_nhan, tap_the or ho_gia_dinh", t.value),
                ),
            }
        }
        out
    }

    fn ratio(&mut self, r: &Spanned<RawRatio>, what: &str, needs_base: bool) -> Ratio {
        let v = &r.value;
        if v.mau_so == 0 || v.tu_so > v.mau_so {
            self.at(
                r.referenced,
                msg!("tỷ lệ \"{}\" phải là phân số từ 0 đến 1 (tu_so <= mau_so, mau_so > 0)", what; "the `{}` share must be a fraction between 0 and 1 (tu_so <= mau_so, mau_so > 0)", what),
            );
        }
        if needs_base && v.tren.is_none() {
            self.at(
                r.referenced,
                msg!("\"{}\" cần \"tren: co_mat\" hoặc \"tren: so_thanh_vien\"", what; "`{}` needs `tren: co_mat` or `tren: so_thanh_vien`", what),
            );
        }
        Ratio {
            num: v.tu_so,
            den: v.mau_so.max(1),
            strict: v.so_sanh == Comparison::Hon,
            of_present: v.tren != Some(Base::SoThanhVien),
        }
    }

    fn missing(&mut self, loc: Location, key: &str) {
        self.at(
            loc,
            msg!("bộ quy tắc thủ tục cần \"{}\" (bộ quy tắc phong trào thì kế thừa từ \"theo_thu_tuc\")", key;
                 "a procedure rule set needs `{}` (a campaign inherits it from `theo_thu_tuc`)", key),
        );
    }
}

/// The procedure a campaign names, looked up by the caller.
pub(super) enum BaseLookup<'a> {
    /// No `theo_thu_tuc`.
    None,
    /// Found.
    Found(&'a RuleSet),
    /// Not found (the ids that exist, for the message).
    Unknown(Vec<String>),
    /// Another campaign of the same batch.
    Campaign,
}

/// Check a parsed rule set (a campaign against its procedure); the problems found, or the rule
/// set.
pub(super) fn validate(
    raw: RawRuleSet,
    file: &str,
    base: BaseLookup<'_>,
) -> Result<RuleSet, Vec<CriteriaProblem>> {
    let mut cx = Ctx {
        file,
        problems: Vec::new(),
    };
    // The id is typed in ho-so.yaml and compared with the built-in ones: lowercase ASCII
    // letters, digits, `-` and `_` only, so that no look-alike (capitals, a hidden character, a
    // full-width hyphen) can pass for a built-in id.
    let id_ok = !raw.id.value.is_empty()
        && raw
            .id
            .value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !id_ok {
        cx.at(
            raw.id.referenced,
            msg!("mã bộ quy tắc \"{}\" chỉ được gồm chữ thường không dấu, chữ số, dấu gạch ngang và gạch dưới", raw.id.value;
                 "the rule set's id `{}` may hold only lowercase ASCII letters, digits, hyphens and underscores", raw.id.value),
        );
    }
    if raw.phien_ban.value != 1 {
        cx.at(
            raw.phien_ban.referenced,
            msg!("phiên bản bộ tiêu chí {} không được hỗ trợ; chỉ có phiên bản 1", raw.phien_ban.value; "rule-set version {} is not supported; only version 1 exists", raw.phien_ban.value),
        );
    }
    let base = match (&raw.theo_thu_tuc, base) {
        (Some(t), BaseLookup::Unknown(known)) => {
            cx.at(
                t.referenced,
                msg!("không có bộ quy tắc thủ tục \"{}\"; các thủ tục có: {}", t.value, known.join(", ");
                     "no procedure rule set `{}`; the procedures: {}", t.value, known.join(", ")),
            );
            return Err(cx.problems);
        }
        (Some(t), BaseLookup::Campaign) => {
            cx.at(
                t.referenced,
                msg!("\"{}\" là một phong trào, không phải thủ tục: phong trào chỉ dựa trên bộ quy tắc có \"loai: thu_tuc\"", t.value;
                     "`{}` is a campaign, not a procedure: a campaign extends only a rule set with `loai: thu_tuc`", t.value),
            );
            return Err(cx.problems);
        }
        (Some(t), BaseLookup::Found(b)) if b.kind != SetKind::ThuTuc => {
            cx.at(
                t.referenced,
                msg!("\"{}\" là một phong trào, không phải thủ tục: phong trào chỉ dựa trên bộ quy tắc có \"loai: thu_tuc\"", t.value;
                     "`{}` is a campaign, not a procedure: a campaign extends only a rule set with `loai: thu_tuc`", t.value),
            );
            return Err(cx.problems);
        }
        (Some(_), BaseLookup::Found(b)) => Some(b),
        _ => None,
    };
    let kind = match (&raw.loai, base) {
        (Some(k), Some(_)) if k.value == SetKind::ThuTuc => {
            cx.at(
                k.referenced,
                msg!("bộ quy tắc có \"theo_thu_tuc\" là một phong trào: ghi \"loai: phong_trao\" hoặc bỏ dòng \"loai\"";
                     "a rule set with `theo_thu_tuc` is a campaign: write `loai: phong_trao` or drop `loai`"),
            );
            SetKind::PhongTrao
        }
        (Some(k), _) => k.value,
        (None, _) => SetKind::PhongTrao,
    };

    let thanh_tich_tu = raw
        .thanh_tich_tu
        .as_ref()
        .and_then(|d| cx.date(d, "thanh_tich_tu"));
    let ngay_phat_dong = raw
        .ngay_phat_dong
        .as_ref()
        .and_then(|d| cx.date(d, "ngay_phat_dong"));
    let validity = raw.hieu_luc.as_ref().and_then(|p| {
        let from = cx.date(&p.value.tu, "hieu_luc.tu");
        let to = p.value.den.as_ref().map(|d| (d, cx.date(d, "hieu_luc.den")));
        let from = from?;
        let to = match to {
            Some((span, Some(t))) => {
                if t < from {
                    cx.at(
                        span.referenced,
                        msg!("thời hạn hiệu lực kết thúc ngày {} trước khi bắt đầu ngày {}", t, from;
                             "the period of validity ends on {} before it starts on {}", t, from),
                    );
                }
                Some(t)
            }
            Some((_, None)) => return None,
            None => None,
        };
        let (from_reading, to_reading) = match &p.value.dien_giai {
            None => (false, false),
            Some(r) => match &r.value {
                PeriodReading::Both(b) => (*b, *b),
                PeriodReading::Bound(w) if w == "tu" => (true, false),
                PeriodReading::Bound(w) if w == "den" => (false, true),
                PeriodReading::Bound(w) => {
                    cx.at(
                        r.referenced,
                        msg!("\"hieu_luc.dien_giai\" là true, false, tu hoặc den, không phải {:?}", w;
                             "`hieu_luc.dien_giai` is true, false, tu or den, not {:?}", w),
                    );
                    (false, false)
                }
            },
        };
        Some(Validity {
            from,
            to,
            can_cu: p.value.can_cu.clone(),
            from_reading,
            to_reading,
        })
    });

    let unread: Vec<super::Unread> = raw
        .chua_doi_chieu
        .iter()
        .filter_map(|u| {
            Some(super::Unread {
                from: cx.date(&u.tu, "chua_doi_chieu.tu")?,
                text: u.van_ban.clone(),
                can_cu: u.can_cu.clone(),
            })
        })
        .collect();

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
    cx.id_shape(raw.cap.iter().map(|l| &l.id), "cấp / level");
    for l in raw.cap.iter().filter(|l| l.so_bo == Some(0)) {
        cx.at(
            l.id.referenced,
            msg!("cấp \"{}\" ghi \"so_bo: 0\": số bộ hồ sơ gửi đi phải từ 1 trở lên; hồ sơ lưu tại đơn vị thì bỏ dòng \"so_bo\"", l.id.value;
                 "level `{}` has `so_bo: 0`: the copies sent must be 1 or more; for a dossier kept by the unit, drop `so_bo`", l.id.value),
        );
    }
    cx.id_shape(
        raw.loai_khen.iter().map(|k| &k.id),
        "loại khen / award kind",
    );
    cx.id_shape(raw.hinh_thuc.iter().map(|f| &f.id), "hình thức / form");
    cx.id_shape(
        raw.doi_tuong.iter().map(|k| &k.id),
        "đối tượng / kind of nominee",
    );

    // The lists the campaign's references resolve against: its own merged over the procedure's.
    let level_ids: HashSet<&str> = raw
        .cap
        .iter()
        .map(|l| l.id.value.as_str())
        .chain(
            base.iter()
                .flat_map(|b| b.levels.iter().map(|l| l.id.as_str())),
        )
        .collect();
    let award_ids: HashSet<&str> = raw
        .loai_khen
        .iter()
        .map(|k| k.id.value.as_str())
        .chain(
            base.iter()
                .flat_map(|b| b.award_kinds.iter().map(|k| k.id.as_str())),
        )
        .collect();
    let own_kinds = !raw.doi_tuong.is_empty();
    let nominee_ids: HashSet<&str> = if own_kinds || base.is_none() {
        raw.doi_tuong.iter().map(|k| k.id.value.as_str()).collect()
    } else {
        base.iter()
            .flat_map(|b| b.nominee_kinds.iter().map(|k| k.id.as_str()))
            .collect()
    };

    let mut forms = Vec::new();
    for f in &raw.hinh_thuc {
        if !level_ids.contains(f.cap.value.as_str()) {
            let mut known: Vec<&str> = level_ids.iter().copied().collect();
            known.sort_unstable();
            cx.at(
                f.cap.referenced,
                msg!("hình thức \"{}\" ghi cấp \"{}\", nhưng \"cap\" không khai báo cấp này; các cấp có: {}", f.id.value, f.cap.value, known.join(", ");
                     "form `{}` names level `{}`, which `cap` does not declare; the levels: {}", f.id.value, f.cap.value, known.join(", ")),
            );
        }
        for k in &f.loai_khen {
            if !award_ids.contains(k.value.as_str()) {
                cx.at(
                    k.referenced,
                    msg!("loại khen \"{}\" chưa được khai báo trong \"loai_khen\"", k.value; "award kind `{}` is not declared under `loai_khen`", k.value),
                );
            }
        }
        for d in &f.doi_tuong {
            if !nominee_ids.contains(d.value.as_str()) {
                cx.at(
                    d.referenced,
                    msg!("đối tượng \"{}\" chưa được khai báo trong \"doi_tuong\"", d.value; "kind of nominee `{}` is not declared under `doi_tuong`", d.value),
                );
            }
        }
        let types = cx.types(&f.loai);
        forms.push(Form {
            id: f.id.value.clone(),
            ten: f.ten.clone(),
            level: f.cap.value.clone(),
            authority: f.tham_quyen.clone(),
            kinds: f.loai_khen.iter().map(|k| k.value.clone()).collect(),
            nominee_kinds: f.doi_tuong.iter().map(|k| k.value.clone()).collect(),
            types,
            can_cu: f.can_cu.clone(),
        });
    }
    let mut nominee_kinds = Vec::new();
    for n in &raw.doi_tuong {
        cx.unique(n.tieu_chuan.iter().map(|s| &s.id), "tiêu chuẩn / standard");
        if n.loai.is_empty() {
            cx.at(
                n.id.referenced,
                msg!("đối tượng \"{}\" cần \"loai:\" (ca_nhan, tap_the, ho_gia_dinh: một hay nhiều)", n.id.value;
                     "kind `{}` needs `loai:` (ca_nhan, tap_the, ho_gia_dinh: one or more)", n.id.value),
            );
        }
        let types = cx.types(&n.loai);
        nominee_kinds.push(NomineeKind {
            id: n.id.value.clone(),
            ten: n.ten.clone(),
            types,
            can_cu: n.can_cu.clone(),
            standards: n
                .tieu_chuan
                .iter()
                .map(|s| Standard {
                    id: s.id.value.clone(),
                    text: s.noi_dung.clone(),
                    required: s.bat_buoc,
                    can_cu: s.can_cu.clone(),
                    reading: s.dien_giai,
                })
                .collect(),
        });
    }

    let voting = raw.bieu_quyet.as_ref().map(|v| {
        let common = v.value.can_cu.clone().unwrap_or_default();
        let mut threshold = |r: &Option<Spanned<RawRatio>>, what: &str, needs_base: bool| {
            r.as_ref().map(|r| {
                let ratio = cx.ratio(r, what, needs_base);
                let can_cu = r.value.can_cu.clone().unwrap_or_else(|| common.clone());
                if can_cu.trim().is_empty() {
                    cx.at(
                        r.referenced,
                        msg!("ngưỡng \"{}\" cần căn cứ: ghi \"can_cu\" (văn bản, điều khoản); ngưỡng chỉ là diễn giải thì thêm \"dien_giai: true\"", what;
                             "the `{}` threshold needs its basis: write `can_cu` (document, article); mark one that is only the project's reading `dien_giai: true`", what),
                    );
                }
                Threshold {
                    ratio,
                    can_cu,
                    reading: r.value.dien_giai,
                }
            })
        };
        Voting {
            quorum: threshold(&v.value.co_mat, "co_mat", false),
            approval: threshold(&v.value.tan_thanh, "tan_thanh", true),
        }
    });

    // A procedure stands alone: it must say everything a campaign may inherit.
    if base.is_none() {
        let at = raw.id.referenced;
        let comps = raw.thu_tuc.as_ref().and_then(|t| t.thanh_phan.as_ref());
        match comps {
            None => cx.missing(at, "thu_tuc.thanh_phan"),
            Some(c) => {
                for (present, key) in [
                    (c.value.to_trinh.is_some(), "thu_tuc.thanh_phan.to_trinh"),
                    (c.value.bien_ban.is_some(), "thu_tuc.thanh_phan.bien_ban"),
                    (c.value.bao_cao.is_some(), "thu_tuc.thanh_phan.bao_cao"),
                ] {
                    if !present {
                        cx.missing(c.referenced, key);
                    }
                }
            }
        }
        for (empty, key) in [
            (raw.cap.is_empty(), "cap"),
            (raw.hinh_thuc.is_empty(), "hinh_thuc"),
            (raw.doi_tuong.is_empty(), "doi_tuong"),
        ] {
            if empty {
                cx.missing(at, key);
            }
        }
        if raw.thanh_tich_tu.is_some() && raw.thanh_tich_tu_can_cu.is_none() {
            cx.missing(at, "thanh_tich_tu_can_cu");
        }
    }

    let own_forms = !forms.is_empty();
    let all_forms: Vec<Form> = if own_forms {
        forms
    } else {
        base.map(|b| b.forms.clone()).unwrap_or_default()
    };
    // Inherited forms that name kinds of nominee the campaign replaced.
    if !own_forms && own_kinds {
        if let (Some(t), Some(_)) = (&raw.theo_thu_tuc, base) {
            for f in &all_forms {
                for k in &f.nominee_kinds {
                    if !nominee_ids.contains(k.as_str()) {
                        cx.at(
                            t.referenced,
                            msg!("hình thức \"{}\" của thủ tục chỉ dành cho đối tượng \"{}\", mà phong trào không có: khai báo lại \"hinh_thuc\" của phong trào", f.id, k;
                                 "the procedure's form `{}` goes only to kind `{}`, which the campaign lacks: declare the campaign's own `hinh_thuc`", f.id, k),
                        );
                    }
                }
            }
        }
    }
    let defaults = raw.mac_dinh.as_ref().and_then(|m| {
        let Some(form) = all_forms.iter().find(|f| f.id == m.hinh_thuc.value) else {
            cx.at(
                m.hinh_thuc.referenced,
                msg!("\"mac_dinh.hinh_thuc\": không có hình thức \"{}\"", m.hinh_thuc.value; "`mac_dinh.hinh_thuc`: no form `{}`", m.hinh_thuc.value),
            );
            return None;
        };
        match (&m.loai_khen, form.kinds.is_empty()) {
            (None, true) => Some((form.id.clone(), None)),
            (Some(k), false) if form.kinds.contains(&k.value) => {
                Some((form.id.clone(), Some(k.value.clone())))
            }
            (Some(k), _) => {
                cx.at(
                    k.referenced,
                    msg!("\"mac_dinh.loai_khen\": hình thức \"{}\" không có loại khen \"{}\"", form.id, k.value; "`mac_dinh.loai_khen`: form `{}` has no kind `{}`", form.id, k.value),
                );
                None
            }
            (None, false) => {
                cx.at(
                    m.hinh_thuc.referenced,
                    msg!("\"mac_dinh\": hình thức \"{}\" có loại khen ({}): ghi \"loai_khen\"", form.id, form.kinds.join(", ");
                         "`mac_dinh`: form `{}` has kinds ({}): give `loai_khen`", form.id, form.kinds.join(", ")),
                );
                None
            }
        }
    });

    if !cx.problems.is_empty() {
        return Err(cx.problems);
    }
    let requirement = |c: &super::model::RawComponent| Requirement {
        required: c.bat_buoc,
        can_cu: c.can_cu.clone(),
        reading: c.dien_giai,
    };
    let comps = raw
        .thu_tuc
        .as_ref()
        .and_then(|t| t.thanh_phan.as_ref())
        .map(|c| &c.value);
    let inherited = base.map(|b| &b.procedure);
    let pick = |own: Option<Requirement>, from: Option<&Requirement>| {
        own.or_else(|| from.cloned()).unwrap_or(Requirement {
            required: true,
            can_cu: String::new(),
            reading: false,
        })
    };
    let reports = comps.and_then(|c| c.bao_cao.as_ref());
    let procedure = Procedure {
        ten: raw
            .thu_tuc
            .as_ref()
            .and_then(|t| t.ten.clone())
            .or_else(|| inherited.map(|p| p.ten.clone()))
            .unwrap_or_else(|| "Thủ tục đơn giản".to_owned()),
        can_cu: raw
            .thu_tuc
            .as_ref()
            .and_then(|t| t.can_cu.clone())
            .or_else(|| inherited.map(|p| p.can_cu.clone()))
            .unwrap_or_default(),
        instruments: raw
            .thu_tuc
            .as_ref()
            .and_then(|t| t.van_ban_can_cu.clone())
            .or_else(|| inherited.map(|p| p.instruments.clone()))
            .unwrap_or_default(),
        proposal: pick(
            comps.and_then(|c| c.to_trinh.as_ref()).map(requirement),
            inherited.map(|p| &p.proposal),
        ),
        minutes: pick(
            comps.and_then(|c| c.bien_ban.as_ref()).map(requirement),
            inherited.map(|p| &p.minutes),
        ),
        reports: pick(
            reports.map(|r| Requirement {
                required: r.bat_buoc,
                can_cu: r.can_cu.clone(),
                reading: r.dien_giai,
            }),
            inherited.map(|p| &p.reports),
        ),
        confirmation: match reports.and_then(|r| r.xac_nhan.as_ref()) {
            Some(x) => requirement(x),
            // A report that says nothing of its confirmation keeps the procedure's rule, or the
            // format's first one: confirmed, on the report's own basis.
            None => inherited
                .map(|p| p.confirmation.clone())
                .unwrap_or_else(|| Requirement {
                    required: true,
                    can_cu: reports.map(|r| r.can_cu.clone()).unwrap_or_default(),
                    reading: false,
                }),
        },
    };
    let award_kinds = merge(
        base.map(|b| b.award_kinds.clone()).unwrap_or_default(),
        raw.loai_khen.iter().map(|k| AwardKind {
            id: k.id.value.clone(),
            ten: k.ten.clone(),
            needs_recognition: k.can_ghi_nhan,
            can_cu: k.can_cu.clone(),
            reading: k.dien_giai,
        }),
        |k| &k.id,
    );
    let levels = merge(
        base.map(|b| b.levels.clone()).unwrap_or_default(),
        raw.cap.iter().map(|l| Level {
            id: l.id.value.clone(),
            ten: l.ten.clone(),
            copies: l.so_bo,
            office: l.noi_nhan.clone(),
            can_cu: l.can_cu.clone(),
            reading: l.dien_giai,
        }),
        |l| &l.id,
    );
    let nominee_kinds = if own_kinds {
        nominee_kinds
    } else {
        base.map(|b| b.nominee_kinds.clone()).unwrap_or_default()
    };
    let voting = voting.unwrap_or_else(|| base.map(|b| b.voting.clone()).unwrap_or_default());
    let defaults = defaults.or_else(|| {
        base.and_then(|b| b.defaults.clone())
            .filter(|(f, _)| all_forms.iter().any(|x| &x.id == f))
    });
    Ok(RuleSet {
        id: raw.id.value,
        ten: raw.ten,
        can_cu: raw.can_cu,
        kind,
        base: base.map(|b| b.id.clone()),
        validity: validity.or_else(|| base.and_then(|b| b.validity.clone())),
        ngay_phat_dong,
        thanh_tich_tu: thanh_tich_tu.or_else(|| base.and_then(|b| b.thanh_tich_tu)),
        thanh_tich_tu_can_cu: raw
            .thanh_tich_tu_can_cu
            .or_else(|| base.map(|b| b.thanh_tich_tu_can_cu.clone()))
            .unwrap_or_default(),
        procedure,
        award_kinds,
        levels,
        forms: all_forms,
        nominee_kinds,
        voting,
        defaults,
        // A campaign that lists none keeps its procedure's: the law under it is the same.
        unread: if unread.is_empty() {
            base.map(|b| b.unread.clone()).unwrap_or_default()
        } else {
            unread
        },
        source: file.to_owned(),
    })
}

/// The procedure's entries, each replaced by the campaign's of the same id, then the campaign's
/// new ones in its order.
fn merge<T>(base: Vec<T>, own: impl Iterator<Item = T>, id: impl Fn(&T) -> &String) -> Vec<T> {
    let own: Vec<T> = own.collect();
    let mut out: Vec<T> = Vec::with_capacity(base.len() + own.len());
    let mut own: Vec<Option<T>> = own.into_iter().map(Some).collect();
    for b in base {
        let replacement = own
            .iter_mut()
            .find(|o| o.as_ref().is_some_and(|o| id(o) == id(&b)))
            .and_then(Option::take);
        out.push(replacement.unwrap_or(b));
    }
    out.extend(own.into_iter().flatten());
    out
}
