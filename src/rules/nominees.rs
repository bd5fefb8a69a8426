//! Consistency between documents: the proposal's list, the reports and the vote results must
//! describe the same nominees, once each, with the same name, type, unit and kind; and each
//! nominee's kind must fit the award form and the nominee's type.

use std::collections::HashMap;

use super::context::Ctx;
use super::names::{compare, Same};
use super::votes::nominee_name;
use crate::diag::Finding;
use crate::dossier::model::{BaoCao, Nominee};
use crate::msg;
use crate::rules::Rule;
use crate::source::Sp;
use crate::text::suggest::did_you_mean;

pub(crate) fn check(cx: &mut Ctx<'_>) {
    let d = cx.d;
    let tt_file = cx.to_trinh_file().to_owned();
    let bb_file = cx.bien_ban_file().to_owned();
    let list: &[Nominee] = d.to_trinh.as_ref().map_or(&[], |t| &t.danh_sach);
    let mut listed: HashMap<&str, &Nominee> = HashMap::new();
    for n in list {
        let Some(ma) = &n.ma else { continue };
        if let Some(first) = listed.get(ma.v.as_str()) {
            cx.push(
                Finding::new(
                    Rule::DS003,
                    &tt_file,
                    Some(ma.at),
                    msg!("\"{}\" được ghi hai lần trong danh sách đề nghị", ma.v; "\"{}\" is listed twice", ma.v),
                )
                .also(&tt_file, first.ma.as_ref().map(|m| m.at), msg!("lần ghi đầu"; "first listed here"))
                .help(msg!("xóa dòng lặp; nếu là hai người trùng tên, đặt hai mã khác nhau (ví dụ thêm -2)";
                           "delete the repeated entry; for two people with the same name, give them different ids (e.g. add -2)")),
            );
            continue;
        }
        listed.insert(&ma.v, n);
    }
    // With no readable proposal there is no list to compare with; its absence is reported.
    if d.to_trinh.is_none() {
        return;
    }
    reports_vs_list(cx, list, &listed, &tt_file);
    if let Some(bb) = &d.bien_ban {
        let mut seen: HashMap<&str, &Sp<String>> = HashMap::new();
        for v in &bb.ket_qua {
            let Some(ma) = &v.ma else { continue };
            if let Some(first) = seen.get(ma.v.as_str()) {
                cx.push(
                    Finding::new(
                        Rule::DS011,
                        &bb_file,
                        Some(ma.at),
                        msg!("\"{}\" có hai kết quả bỏ phiếu trong biên bản", ma.v; "\"{}\" has two vote results in the minutes", ma.v),
                    )
                    .also(&bb_file, Some(first.at), msg!("kết quả đầu"; "first result")),
                );
                continue;
            }
            seen.insert(&ma.v, ma);
            if !listed.contains_key(ma.v.as_str()) {
                let ids: Vec<&str> = listed.keys().copied().collect();
                let mut f = Finding::new(
                    Rule::DS005,
                    &bb_file,
                    Some(ma.at),
                    msg!("biên bản có kết quả bỏ phiếu cho \"{}\", người không có trong danh sách của tờ trình", ma.v;
                         "the minutes have a vote result for \"{}\", who is not on the proposal's list", ma.v),
                );
                if let Some(s) = did_you_mean(&ma.v, &ids) {
                    f = f.help(msg!("có phải ý bạn là \"{}\"?", s; "did you mean `{}`?", s));
                }
                cx.push(f);
            }
        }
        for n in list {
            let Some(ma) = &n.ma else { continue };
            if !seen.contains_key(ma.v.as_str())
                && listed
                    .get(ma.v.as_str())
                    .is_some_and(|f| std::ptr::eq(*f, n))
            {
                let who = nominee_name(cx, Some(&ma.v));
                cx.push(
                    Finding::new(
                        Rule::DS004,
                        &tt_file,
                        Some(ma.at),
                        msg!("{} có trong danh sách đề nghị nhưng biên bản không có kết quả bỏ phiếu", who;
                             "{} is on the list but the minutes have no vote result", who),
                    )
                    .help(msg!("thêm \"- {{ ma: {}, tan_thanh: ..., khong_tan_thanh: ... }}\" vào \"ket_qua\" của biên bản", ma.v;
                               "add `- {{ ma: {}, tan_thanh: ..., khong_tan_thanh: ... }}` to the minutes' `ket_qua`", ma.v)),
                );
            }
        }
    }
    kinds(cx, list);
}

fn reports_vs_list(
    cx: &mut Ctx<'_>,
    list: &[Nominee],
    listed: &HashMap<&str, &Nominee>,
    tt_file: &str,
) {
    let d = cx.d;
    // A report whose file is named wrongly: its `ma` (or, failing that, a name one typo away
    // from its file name) is a listed id that has no report file. Renaming the file is the one
    // fix, so it is said once, instead of "no report" for the id and "not listed" for the file.
    let has_file = |id: &str| d.report_files.iter().any(|(_, m)| m == id);
    let ids: Vec<&str> = listed.keys().copied().collect();
    let mut rename: HashMap<&str, (String, bool)> = HashMap::new();
    for (file, file_ma) in &d.report_files {
        if listed.contains_key(file_ma.as_str()) {
            continue;
        }
        let rep = d.reports.iter().find(|r| &r.file == file);
        let by_ma = rep
            .and_then(|r| r.ma.as_ref())
            .map(|m| m.v.as_str())
            .filter(|m| listed.contains_key(m) && !has_file(m));
        let target = by_ma.map(|m| (m.to_owned(), true)).or_else(|| {
            did_you_mean(file_ma, &ids)
                .filter(|m| !has_file(m))
                .map(|m| (m.to_owned(), false))
        });
        if let Some(t) = target {
            if !rename.values().any(|(v, _)| *v == t.0) {
                rename.insert(file_ma.as_str(), t);
            }
        }
    }
    // No report at all is one HS001 naming every file, not one DS001 per nominee besides; a
    // `bao-cao/` linked out of the dossier is one HS020.
    let folder_missing = cx.sink.findings.iter().any(|f| {
        (f.rule == Rule::HS001 && f.primary.file == "bao-cao/")
            || (f.rule == Rule::HS020 && f.primary.file == "bao-cao")
    });
    for n in list {
        let Some(ma) = &n.ma else { continue };
        let has_file =
            folder_missing || has_file(&ma.v) || rename.values().any(|(v, _)| *v == ma.v);
        if !has_file
            && listed
                .get(ma.v.as_str())
                .is_some_and(|f| std::ptr::eq(*f, n))
        {
            let who = nominee_name(cx, Some(&ma.v));
            cx.push(
                Finding::new(
                    Rule::DS001,
                    tt_file,
                    Some(ma.at),
                    msg!("{} có trong danh sách đề nghị nhưng chưa có báo cáo thành tích bao-cao/{}.yaml", who, ma.v;
                         "{} is on the list but has no achievement report bao-cao/{}.yaml", who, ma.v),
                )
                .help(msg!("thêm tệp bao-cao/{}.yaml (tên tệp trùng với mã \"ma\")", ma.v; "add bao-cao/{}.yaml (the file is named by the id `ma`)", ma.v)),
            );
        }
    }
    for (file, file_ma) in &d.report_files {
        let rep = d.reports.iter().find(|r| &r.file == file);
        if let Some((target, by_ma)) = rename.get(file_ma.as_str()) {
            let at = rep.and_then(|r| r.ma.as_ref().map(|m| m.at).or(r.anchor));
            let (why_vi, why_en) = if *by_ma {
                (
                    format!("báo cáo ghi mã \"{target}\" (có trong danh sách đề nghị) nhưng tên tệp là {file_ma}.yaml"),
                    format!("the report says id \"{target}\" (on the proposal's list) but the file is named {file_ma}.yaml"),
                )
            } else {
                (
                    format!("tên tệp {file_ma}.yaml gần giống mã \"{target}\" của danh sách đề nghị, mã này chưa có báo cáo"),
                    format!("the file name {file_ma}.yaml is close to the list's id \"{target}\", which has no report"),
                )
            };
            cx.push(
                Finding::new(Rule::DS008, file, at, msg!("{}", why_vi; "{}", why_en)).help(msg!(
                    "đổi tên tệp {} thành bao-cao/{}.yaml (và sửa mã trong báo cáo thành {} nếu khác)", file, target, target;
                    "rename {} to bao-cao/{}.yaml (and set the report's id to {} if it differs)", file, target, target
                )),
            );
            if let (Some(rep), Some(n)) = (rep, listed.get(target.as_str())) {
                details(cx, n, rep, tt_file);
            }
            continue;
        }
        if let Some(rep) = rep {
            if let Some(ma) = &rep.ma {
                if ma.v != *file_ma {
                    cx.push(
                        Finding::new(
                            Rule::DS008,
                            file,
                            Some(ma.at),
                            msg!("báo cáo ghi mã \"{}\" nhưng tên tệp là {}.yaml", ma.v, file_ma;
                                 "the report says id \"{}\" but the file is named {}.yaml", ma.v, file_ma),
                        )
                        .help(if listed.contains_key(file_ma.as_str()) {
                            msg!("sửa mã trong báo cáo thành {}, như tên tệp và danh sách đề nghị", file_ma;
                                 "set the report's id to {}, as the file name and the list have it", file_ma)
                        } else {
                            msg!("mã trong báo cáo và tên tệp phải giống nhau: sửa một trong hai"; "the id and the file name must match: correct one of them")
                        }),
                    );
                }
            }
        }
        match listed.get(file_ma.as_str()) {
            Some(n) => {
                if let Some(rep) = rep {
                    details(cx, n, rep, tt_file);
                }
            }
            None => {
                let ids: Vec<&str> = listed.keys().copied().collect();
                let at = rep.and_then(|r| r.ma.as_ref().map(|m| m.at).or(r.anchor));
                let mut f = Finding::new(
                    Rule::DS002,
                    file,
                    at,
                    msg!("báo cáo của \"{}\", người không có trong danh sách đề nghị của tờ trình", file_ma;
                         "a report for \"{}\", who is not on the proposal's list", file_ma),
                );
                f = match did_you_mean(file_ma, &ids) {
                    Some(s) => f.help(msg!("có phải ý bạn là \"{}\"? Tên tệp phải trùng mã trong danh sách", s; "did you mean `{}`? The file name must match the list's id", s)),
                    None => f.help(msg!("thêm người này vào \"danh_sach\" của tờ trình, hoặc bỏ báo cáo ra khỏi hồ sơ";
                                        "add this nominee to the proposal's `danh_sach`, or remove the report")),
                };
                cx.push(f);
            }
        }
    }
}

fn details(cx: &mut Ctx<'_>, n: &Nominee, rep: &BaoCao, tt_file: &str) {
    let texts = [
        ("tên", "name", &n.ten, &rep.ten),
        ("cấp bậc", "rank", &n.cap_bac, &rep.cap_bac),
        ("đơn vị", "unit", &n.don_vi, &rep.don_vi),
        (
            "chức vụ, đơn vị",
            "position and unit",
            &n.chuc_vu_don_vi,
            &rep.chuc_vu_don_vi,
        ),
        ("đối tượng", "kind", &n.doi_tuong, &rep.doi_tuong),
    ];
    for (vi, en, a, b) in texts {
        let (Some(a), Some(b)) = (a, b) else { continue };
        match compare(&a.v, &b.v) {
            Same::Equal => {}
            Same::TonePlacement => cx.push(
                Finding::new(
                    Rule::DS007,
                    &rep.file,
                    Some(b.at),
                    msg!("{} \"{}\" trong báo cáo và \"{}\" trong tờ trình chỉ khác chỗ đặt dấu thanh (kiểu cũ/kiểu mới)", vi, b.v, a.v;
                         "{} \"{}\" in the report and \"{}\" in the proposal differ only in tone-mark placement (old/new style)", en, b.v, a.v),
                )
                .also(tt_file, Some(a.at), msg!("cách viết trong tờ trình"; "as written in the proposal"))
                .help(msg!("thống nhất một cách bỏ dấu trong cả hồ sơ"; "use one tone-placement style across the dossier")),
            ),
            Same::Different => cx.push(
                Finding::new(
                    Rule::DS006,
                    &rep.file,
                    Some(b.at),
                    msg!("{} trong báo cáo là \"{}\" nhưng trong danh sách của tờ trình là \"{}\"", vi, b.v, a.v;
                         "the {} in the report is \"{}\" but on the proposal's list it is \"{}\"", en, b.v, a.v),
                )
                .also(tt_file, Some(a.at), msg!("trong tờ trình"; "in the proposal"))
                .help(msg!("sửa cho giống nhau theo giấy tờ gốc (căn cước, quyết định thành lập)"; "make them the same, following the original papers")),
            ),
        }
    }
    // A rank on one side only: the drafts would print "Đại tá Nguyễn Văn A" on the list and
    // "Nguyễn Văn A" on the report, two names for one person.
    match (&n.cap_bac, &rep.cap_bac) {
        (Some(a), None) => cx.push(
            Finding::new(
                Rule::DS006,
                &rep.file,
                rep.ten.as_ref().map(|t| t.at).or(rep.anchor),
                msg!("danh sách của tờ trình ghi cấp bậc \"{}\" nhưng báo cáo không ghi", a.v.trim();
                     "the proposal's list gives the rank \"{}\" but the report gives none", a.v.trim()),
            )
            .also(tt_file, Some(a.at), msg!("trong tờ trình"; "in the proposal"))
            .help(msg!("thêm dòng cap_bac: \"{}\" vào báo cáo, hoặc bỏ cấp bậc khỏi danh sách", a.v.trim();
                       "add `cap_bac: \"{}\"` to the report, or remove the rank from the list", a.v.trim())),
        ),
        (None, Some(b)) => cx.push(
            Finding::new(
                Rule::DS006,
                &rep.file,
                Some(b.at),
                msg!("báo cáo ghi cấp bậc \"{}\" nhưng danh sách của tờ trình không ghi", b.v.trim();
                     "the report gives the rank \"{}\" but the proposal's list gives none", b.v.trim()),
            )
            .also(tt_file, n.ten.as_ref().map(|t| t.at).or(n.at), msg!("trong tờ trình"; "in the proposal"))
            .help(msg!("thêm dòng cap_bac: \"{}\" vào mục của người này trong danh sách, hoặc bỏ cấp bậc khỏi báo cáo", b.v.trim();
                       "add `cap_bac: \"{}\"` to this nominee's entry on the list, or remove it from the report", b.v.trim())),
        ),
        _ => {}
    }
    if let (Some(a), Some(b)) = (&n.loai, &rep.loai) {
        if a.v != b.v {
            cx.push(
                Finding::new(
                    Rule::DS006,
                    &rep.file,
                    Some(b.at),
                    msg!("báo cáo ghi là {} nhưng danh sách của tờ trình ghi là {}", b.v.vi(), a.v.vi();
                         "the report says {} but the proposal's list says {}", b.v.en(), a.v.en()),
                )
                .also(tt_file, Some(a.at), msg!("trong tờ trình"; "in the proposal")),
            );
        }
    }
}

fn kinds(cx: &mut Ctx<'_>, list: &[Nominee]) {
    let Some(rs) = cx.rs else { return };
    let tt_file = cx.to_trinh_file().to_owned();
    let form =
        cx.d.ho_so
            .as_ref()
            .and_then(|h| h.hinh_thuc.as_ref())
            .and_then(|f| rs.form(&f.v));
    let ids: Vec<&str> = rs.nominee_kinds.iter().map(|k| k.id.as_str()).collect();
    for n in list {
        let Some(dt) = &n.doi_tuong else { continue };
        let who = nominee_name(cx, n.ma.as_ref().map(|m| m.v.as_str()));
        let Some(kind) = rs.nominee_kind(&dt.v) else {
            let mut f = Finding::new(
                Rule::HS010,
                &tt_file,
                Some(dt.at),
                msg!("{}: phong trào {} không có đối tượng \"{}\"; các đối tượng: {}", who, rs.id, dt.v, ids.join(", ");
                     "{}: campaign {} has no kind of nominee \"{}\"; its kinds: {}", who, rs.id, dt.v, ids.join(", ")),
            );
            if let Some(s) = did_you_mean(&dt.v, &ids) {
                f = f.help(msg!("có phải ý bạn là \"{}\"?", s; "did you mean `{}`?", s));
            }
            cx.push(f);
            continue;
        };
        if let Some(form) = form {
            if !form.nominee_kinds.is_empty() && !form.nominee_kinds.contains(&kind.id) {
                cx.push(
                    Finding::new(
                        Rule::DS009,
                        &tt_file,
                        Some(dt.at),
                        msg!("{}: hình thức \"{}\" không áp dụng cho đối tượng \"{}\"", who, form.ten, kind.ten;
                             "{}: award form \"{}\" does not go to kind \"{}\"", who, form.ten, kind.id),
                    )
                    .note(msg!("căn cứ: {}", form.can_cu; "basis: {}", form.can_cu)),
                );
            }
        }
        if let Some(t) = &n.loai {
            if let Some(form) = form.filter(|f| !f.admits(t.v)) {
                let vi: Vec<&str> = form.types.iter().map(|t| t.vi()).collect();
                let en: Vec<&str> = form.types.iter().map(|t| t.en_plural()).collect();
                cx.push(
                    Finding::new(
                        Rule::DS009,
                        &tt_file,
                        Some(t.at),
                        msg!("{}: hình thức \"{}\" chỉ tặng cho {}, nhưng người được đề nghị là {}", who, form.ten, vi.join(" và "), t.v.vi();
                             "{}: award form \"{}\" goes only to {}, but the nominee is {}", who, form.id, en.join(" and "), t.v.en_a()),
                    )
                    .note(msg!("căn cứ: {}", form.can_cu; "basis: {}", form.can_cu)),
                );
            }
            if !kind.admits(t.v) {
                let vi: Vec<&str> = kind.types.iter().map(|t| t.vi()).collect();
                let en: Vec<&str> = kind.types.iter().map(|t| t.en_plural()).collect();
                let only = (vi.join(" và "), en.join(" and "));
                cx.push(
                    Finding::new(
                        Rule::DS010,
                        &tt_file,
                        Some(dt.at),
                        msg!("{}: đối tượng \"{}\" chỉ dành cho {}, nhưng người được đề nghị là {}", who, kind.ten, only.0, t.v.vi();
                             "{}: kind \"{}\" is for {} only, but the nominee is {}", who, kind.id, only.1, t.v.en_a()),
                    )
                    .also(&tt_file, Some(t.at), msg!("loại người được đề nghị"; "the nominee's type"))
                    .note(msg!("căn cứ: {}", kind.can_cu; "basis: {}", kind.can_cu))
                    .help(msg!("chọn đối tượng phù hợp trong bộ tiêu chí, hoặc sửa \"loai\""; "choose a fitting kind, or correct `loai`")),
                );
            }
        }
    }
    // The report names the kind too; an unknown one is reported there as well, since both
    // files need the correction.
    for rep in &cx.d.reports {
        let Some(dt) = &rep.doi_tuong else { continue };
        if rs.nominee_kind(&dt.v).is_none() {
            cx.push(Finding::new(
                Rule::HS010,
                &rep.file,
                Some(dt.at),
                msg!("phong trào {} không có đối tượng \"{}\"", rs.id, dt.v; "campaign {} has no kind of nominee \"{}\"", rs.id, dt.v),
            ));
        }
    }
}
