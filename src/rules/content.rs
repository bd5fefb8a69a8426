//! Content of the achievement reports: the action, achievement and merit that Article 55 and
//! section IV.4.a ask for; the confirmation by the managing agency; the standards of the
//! nominee's kind (IV.3); the recognition an ad hoc award needs (IV.2.c).

use super::context::Ctx;
use crate::diag::Finding;
use crate::dossier::model::BaoCao;
use crate::msg;
use crate::rules::Rule;
use crate::source::Sp;

pub(crate) fn check(cx: &mut Ctx<'_>) {
    let d = cx.d;
    let needs_recognition = cx.rs.and_then(|rs| {
        let k = d.ho_so.as_ref()?.loai_khen.as_ref()?;
        let kind = rs.award_kind(&k.v)?;
        kind.needs_recognition
            .then(|| (kind.ten.clone(), kind.can_cu.clone(), kind.reading))
    });
    // Without a rule set (a manifest that cannot be read), what a report must hold is not known:
    // the texts below cite one procedure's words, which another period does not say.
    if cx.rs.is_none() {
        return;
    }
    for rep in &d.reports {
        content(cx, rep);
        confirmation(cx, rep);
        standards(cx, rep);
        if let Some((name, basis, reading)) = &needs_recognition {
            if blank(rep.ghi_nhan.as_ref()) {
                cx.push(
                    Finding::new(
                        Rule::ND005,
                        &rep.file,
                        rep.ghi_nhan.as_ref().map(|g| g.at).or(rep.anchor),
                        msg!("{} cần thành tích \"được các cấp có thẩm quyền ghi nhận\", nhưng báo cáo không có \"ghi_nhan\"", name;
                             "{} needs an achievement recognised by a competent authority, but the report has no `ghi_nhan`", name),
                    )
                    .note(msg!("căn cứ: {}", basis; "basis: {}", basis))
                    .help(msg!("thêm \"ghi_nhan:\" nêu văn bản ghi nhận (số, ngày, cơ quan), ví dụ: \"Công văn số 210/UBND-VP ngày 12/10/2021 của Ủy ban nhân dân huyện Hoa Lư ...\"";
                               "add `ghi_nhan:` naming the recognising document (number, date, body)"))
                    .on_reading(*reading),
                );
            }
        }
    }
}

fn blank(v: Option<&Sp<String>>) -> bool {
    v.is_none_or(|s| s.v.trim().is_empty())
}

fn content(cx: &mut Ctx<'_>, rep: &BaoCao) {
    let parts = [
        ("hanh_dong", "hành động", "action", &rep.hanh_dong),
        ("thanh_tich", "thành tích", "achievement", &rep.thanh_tich),
        ("cong_trang", "công trạng", "merit", &rep.cong_trang),
    ];
    for (key, vi, en, v) in parts {
        if blank(v.as_ref()) {
            cx.push(
                Finding::new(
                    Rule::ND001,
                    &rep.file,
                    v.as_ref().map(|s| s.at).or(rep.anchor),
                    msg!("báo cáo thành tích chưa nêu {} (\"{}\")", vi, key; "the report does not state the {} (`{}`)", en, key),
                )
                .note(msg!("căn cứ: Điều 55 Nghị định số 91/2017/NĐ-CP; mục IV.4.a: báo cáo \"ghi rõ hành động, thành tích, công trạng\"";
                           "basis: Decree 91/2017/NĐ-CP, Article 55; plan IV.4.a: the report states \"the action, the achievement and the merit\""))
                .help(msg!("thêm \"{}: |\" rồi viết nội dung ở các dòng dưới, thụt vào hai dấu cách", key;
                           "add `{}: |` and write the text on the lines below, indented two spaces", key)),
            );
        }
    }
}

fn confirmation(cx: &mut Ctx<'_>, rep: &BaoCao) {
    // Under the 2022 Law the report may be written by the nominee or by the managing agency:
    // whether it is confirmed is the rule set's to say. Without a rule set, the format's rule.
    let (basis, reading) = match cx.rs.map(|rs| &rs.procedure.confirmation) {
        Some(c) if !c.required => return,
        Some(c) if !c.can_cu.is_empty() => (
            msg!("căn cứ: {}", c.can_cu; "basis: {}", c.can_cu),
            c.reading,
        ),
        _ => (
            msg!("căn cứ: báo cáo \"được cơ quan, đơn vị, địa phương quản lý trực tiếp xác nhận\"";
                 "basis: the report is confirmed by the agency that directly manages the nominee"),
            false,
        ),
    };
    let Some(x) = &rep.xac_nhan else {
        cx.push(
            Finding::new(
                Rule::ND002,
                &rep.file,
                rep.anchor,
                msg!("báo cáo thành tích chưa có xác nhận của cơ quan quản lý trực tiếp (\"xac_nhan\")";
                     "the report has no confirmation by the managing agency (`xac_nhan`)"),
            )
            .note(basis)
            .help(msg!("thêm nhóm \"xac_nhan:\" với \"co_quan\", \"nguoi_ky: {{ ho_ten, chuc_vu }}\" và \"ngay\"";
                       "add a `xac_nhan:` group with `co_quan`, `nguoi_ky: {{ ho_ten, chuc_vu }}` and `ngay`"))
            .on_reading(reading),
        );
        return;
    };
    let mut lacks: Vec<&str> = Vec::new();
    if blank(x.co_quan.as_ref()) {
        lacks.push("co_quan");
    }
    if x.nguoi_ky.as_ref().is_none_or(|p| blank(p.ho_ten.as_ref())) {
        lacks.push("nguoi_ky.ho_ten");
    }
    if x.ngay.is_none() && !x.ngay_written {
        lacks.push("ngay");
    }
    if !lacks.is_empty() {
        let l = lacks.join(", ");
        cx.push(
            Finding::new(
                Rule::ND002,
                &rep.file,
                x.at,
                msg!("xác nhận của báo cáo chưa đủ: thiếu {}", l; "the report's confirmation is incomplete: missing {}", l),
            )
            .note(basis)
            .help(msg!("ghi đủ cơ quan xác nhận, người ký (họ tên, chức vụ) và ngày xác nhận"; "give the confirming body, the signer (name, position) and the date"))
            .on_reading(reading),
        );
    }
}

fn standards(cx: &mut Ctx<'_>, rep: &BaoCao) {
    let Some(rs) = cx.rs else { return };
    let Some(kind) = rep.doi_tuong.as_ref().and_then(|k| rs.nominee_kind(&k.v)) else {
        return;
    };
    let claims = rep.tieu_chuan.as_ref();
    for std in kind.standards.iter().filter(|s| s.required) {
        let claim = claims.and_then(|c| c.v.iter().find(|cl| cl.id.v == std.id));
        let (span, vi, en) = match claim {
            None => (
                claims.map(|c| c.at).or(rep.anchor),
                "báo cáo chưa nêu tiêu chuẩn",
                "the report does not state standard",
            ),
            Some(cl) => match &cl.met {
                Some(m) if !m.v => (Some(m.at), "chưa đạt tiêu chuẩn", "standard not met:"),
                _ => continue,
            },
        };
        cx.push(
            Finding::new(
                Rule::ND003,
                &rep.file,
                span,
                msg!("{} \"{}\" của đối tượng \"{}\": \"{}\"", vi, std.id, kind.ten, std.text;
                     "{} `{}` of kind \"{}\": \"{}\"", en, std.id, kind.id, std.text),
            )
            .note(msg!("căn cứ: {}", std.can_cu; "basis: {}", std.can_cu))
            .help(match claim {
                None => msg!("thêm dòng \"{}: true\" dưới \"tieu_chuan:\" nếu người được đề nghị đạt tiêu chuẩn này", std.id;
                             "add `{}: true` under `tieu_chuan:` if the nominee meets this standard", std.id),
                Some(_) => msg!("người không đạt tiêu chuẩn thì không đủ điều kiện khen thưởng: bỏ khỏi danh sách, hoặc sửa nếu ghi nhầm";
                                "a nominee who does not meet a standard is not eligible: remove them from the list, or correct a mistake"),
            })
            .on_reading(std.reading),
        );
    }
    if let Some(c) = claims {
        for cl in &c.v {
            if !kind.standards.iter().any(|s| s.id == cl.id.v) {
                let known: Vec<&str> = kind.standards.iter().map(|s| s.id.as_str()).collect();
                let mut f = Finding::new(
                    Rule::ND004,
                    &rep.file,
                    Some(cl.id.at),
                    msg!("đối tượng \"{}\" không có tiêu chuẩn \"{}\"; các tiêu chuẩn: {}", kind.ten, cl.id.v, known.join(", ");
                         "kind \"{}\" has no standard `{}`; its standards: {}", kind.id, cl.id.v, known.join(", ")),
                );
                if let Some(s) = crate::text::suggest::did_you_mean(&cl.id.v, &known) {
                    f = f.help(msg!("có phải ý bạn là \"{}\"?", s; "did you mean `{}`?", s));
                }
                cx.push(f);
            }
        }
    }
}
