//! VB008: the award form's name says "cấp xã" or "cấp tỉnh" and the dossier names no unit of
//! that level.
//!
//! A rule set is written for every commune at once ("Giấy khen của Chủ tịch Ủy ban nhân dân
//! cấp xã"); the tờ trình, its list, the minutes and the reports a clerk signs name her own
//! commune instead, read from the units the tờ trình names (`dossier::place`). A dossier that
//! names none would print "cấp xã" where the commune's name belongs (the clerk's C17), or a gap:
//! `check` warns, naming the field that names the unit, and `draft` is refused as for an error
//! ([`stops_draft`]). `pack` is not: it prints no document to sign, and its cover list says the
//! receiving office it could not name.

use super::context::Ctx;
use crate::diag::Finding;
use crate::dossier::place::{Level, Places};
use crate::msg;
use crate::rules::Rule;

/// Whether the findings hold one the drafts cannot be written past: VB008, at any severity an
/// office left it.
#[must_use]
pub fn stops_draft(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.rule == Rule::VB008)
}

pub(crate) fn check(cx: &mut Ctx<'_>) {
    let (Some(rs), Some(hs)) = (cx.rs, cx.d.ho_so.as_ref()) else {
        return;
    };
    let Some(form) = hs.hinh_thuc.as_ref().and_then(|id| rs.form(&id.v)) else {
        return;
    };
    // A tờ trình that could not be read names nothing: its own finding says why, and a "no
    // commune named" beside it would send the clerk to the wrong line.
    let Some(tt) = cx.d.to_trinh.as_ref().map(Some) else {
        return;
    };
    // A field that names the unit still left as the template's `<<…>>` has its HS015 already:
    // the clerk fills it first.
    let unfilled = tt.is_some_and(|t| {
        [&t.kinh_gui, &t.co_quan, &t.co_quan_cap_tren]
            .into_iter()
            .flatten()
            .any(|v| v.v.contains("<<"))
    });
    if unfilled {
        return;
    }
    let Err(level) = Places::of(cx.d).fill(&form.ten) else {
        return;
    };
    // The level's word as a clerk says it; a ward or a centrally run city is named the same way.
    let (unit_vi, unit_en, example) = match level {
        Level::Commune => ("xã", "commune", "Chủ tịch Ủy ban nhân dân xã Minh Long"),
        Level::District => ("huyện", "district", "Chủ tịch Ủy ban nhân dân huyện Hoa Lư"),
        Level::Province => (
            "tỉnh",
            "province",
            "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi",
        ),
    };
    // The place is the field that names the unit: the addressee, else the form asked for.
    let (file, at) = match tt.and_then(|t| t.kinh_gui.as_ref()) {
        Some(k) => (cx.to_trinh_file().to_owned(), Some(k.at)),
        None => (
            cx.ho_so_file().to_owned(),
            hs.hinh_thuc.as_ref().map(|h| h.at),
        ),
    };
    let generic = level.generic();
    cx.push(
        Finding::new(
            Rule::VB008,
            &file,
            at,
            msg!("hình thức \"{}\" cần tên {} của hồ sơ thay cho \"{}\", nhưng tờ trình không nêu {} nào (trong \"kinh_gui\", \"co_quan\", \"co_quan_cap_tren\")", form.ten, unit_vi, generic, unit_vi;
                 "form \"{}\" needs the dossier's {} in place of \"{}\", but to-trinh.yaml names none (in `kinh_gui`, `co_quan`, `co_quan_cap_tren`)", form.ten, unit_en, generic),
        )
        .help(msg!("ghi đủ tên {} vào \"kinh_gui\" của to-trinh.yaml, ví dụ \"{}\"", unit_vi, example;
                   "name the {} in full in to-trinh.yaml's `kinh_gui`, e.g. \"{}\"", unit_en, example)),
    );
}
