//! HS021: the signers' authority as Decree 30 writes it (TM., KT., Q., TL., TUQ.).
//!
//! The drafts print `tham_quyen` line by line over the signature (`dossier::authority` splits
//! it). What can be told from the text alone is checked, as a warning, since Decree 30's own
//! text was not read (`docs/legal-sources.md`, section 10): a line opening with none of the five
//! abbreviations ("Thay mặt Ủy ban nhân dân", "T/M UBND"), an abbreviation with nothing after it,
//! "KT." signed by someone whose title is not a deputy's, and a deputy signing "TM. …" without a
//! "KT." line. A deputy with no `tham_quyen` at all is not reported: whether a deputy signs in
//! the head's place or in their own right is not in the dossier.

use super::context::Ctx;
use crate::diag::Finding;
use crate::dossier::authority::{authority, is_deputy, AuthLine, Marker};
use crate::dossier::model::Person;
use crate::dossier::wording::vi_field;
use crate::msg;
use crate::rules::Rule;

pub(crate) fn check(cx: &mut Ctx<'_>) {
    let d = cx.d;
    if let Some(tt) = &d.to_trinh {
        let file = cx.to_trinh_file().to_owned();
        signer(cx, &file, "nguoi_ky", tt.nguoi_ky.as_ref(), true);
    }
    if let Some(bb) = &d.bien_ban {
        let file = cx.bien_ban_file().to_owned();
        signer(cx, &file, "chu_tri", bb.chu_tri.as_ref(), false);
        signer(cx, &file, "thu_ky", bb.thu_ky.as_ref(), false);
    }
    for r in &d.reports {
        signer(cx, &r.file, "nguoi_ky", r.nguoi_ky.as_ref(), true);
        if let Some(x) = &r.xac_nhan {
            signer(cx, &r.file, "xac_nhan.nguoi_ky", x.nguoi_ky.as_ref(), true);
        }
    }
}

/// The spelled-out or misspelt forms a clerk types for a marker.
const SPELLED: &[(&str, Marker)] = &[
    ("thay mặt", Marker::Tm),
    ("t/m", Marker::Tm),
    ("t.m", Marker::Tm),
    ("tm ", Marker::Tm),
    ("tm:", Marker::Tm),
    ("ký thay", Marker::Kt),
    ("k/t", Marker::Kt),
    ("k.t", Marker::Kt),
    ("kt ", Marker::Kt),
    ("kt:", Marker::Kt),
    ("thừa ủy quyền", Marker::Tuq),
    ("thừa uỷ quyền", Marker::Tuq),
    ("tuq ", Marker::Tuq),
    ("thừa lệnh", Marker::Tl),
    ("t/l", Marker::Tl),
    ("tl ", Marker::Tl),
    ("quyền ", Marker::Q),
];

fn guess(line: &str) -> Option<Marker> {
    let lower = line.to_lowercase();
    SPELLED
        .iter()
        .find(|(w, _)| lower.starts_with(w))
        .map(|(_, m)| *m)
}

/// One signer's authority lines against its title. `deputy_rule`: the signer signs a
/// document for a body (not a council officer, whose "Phó Chủ tịch Hội đồng" chairs in their
/// own right).
fn signer(cx: &mut Ctx<'_>, file: &str, key: &str, p: Option<&Person>, deputy_rule: bool) {
    let Some(p) = p else { return };
    // A template's "<<Thẩm quyền ký>>" left unfilled is HS015's: nothing to say of its form.
    let unfilled = |v: &str| v.contains("<<");
    if p.tham_quyen_dong.iter().any(|t| unfilled(&t.v))
        || p.chuc_vu.as_ref().is_some_and(|c| unfilled(&c.v))
    {
        return;
    }
    let lines = authority(&p.tham_quyen_dong);
    // The field's name is written out only when a finding needs it: every signer of every
    // document passes through.
    let field = || format!("{key}.tham_quyen");
    for l in &lines {
        line(cx, file, &field, l);
    }
    let Some(title) = p.chuc_vu.as_ref().filter(|c| !c.v.trim().is_empty()) else {
        return;
    };
    let has = |m: Marker| lines.iter().any(|l| l.marker == Some(m));
    let title_field = || format!("{key}.chuc_vu");
    let t = title.v.trim();
    if has(Marker::Kt) && !is_deputy(t) {
        let (field, title_field) = (field(), title_field());
        cx.push(
            Finding::new(
                Rule::HS021,
                file,
                Some(title.at),
                msg!("{} ghi \"KT.\" (ký thay), tức cấp phó ký thay người đứng đầu, nhưng chức vụ người ký là \"{}\"", vi_field(&field), t;
                     "`{}` says \"KT.\" (signing for the head), which a deputy does, but the signer's title is \"{}\"", field, t),
            )
            .help(msg!("người đứng đầu tự ký thì bỏ dòng \"KT. …\"; cấp phó ký thay thì ghi chức vụ của cấp phó ở {} (ví dụ \"Phó Chủ tịch\")", vi_field(&title_field);
                       "if the head signs, delete the \"KT. …\" line; if a deputy signs, write the deputy's title in `{}` (e.g. \"Phó Chủ tịch\")", title_field)),
        );
    }
    let signs_for_head = has(Marker::Kt) || has(Marker::Tl) || has(Marker::Tuq) || has(Marker::Q);
    if deputy_rule && is_deputy(t) && has(Marker::Tm) && !signs_for_head {
        let head = t
            .split_once(' ')
            .map_or(String::new(), |(_, rest)| upper_first(rest.trim()));
        let field = field();
        cx.push(
            Finding::new(
                Rule::HS021,
                file,
                Some(title.at),
                msg!("người ký là cấp phó (\"{}\") và {} ghi \"TM. …\", nhưng không có dòng \"KT. {}\": cấp phó ký thay người đứng đầu", t, vi_field(&field), head;
                     "the signer is a deputy (\"{}\") and `{}` says \"TM. …\", but there is no \"KT. {}\" line: a deputy signs for the head", t, field, head),
            )
            .help(msg!("thêm dòng \"KT. {}\" sau dòng \"TM. …\", ví dụ tham_quyen: [\"TM. Ủy ban nhân dân\", \"KT. {}\"]", head, head;
                       "add the line \"KT. {}\" after the \"TM. …\" line, e.g. tham_quyen: [\"TM. Ủy ban nhân dân\", \"KT. {}\"]", head, head)),
        );
    }
}

fn line(cx: &mut Ctx<'_>, file: &str, field: &dyn Fn() -> String, l: &AuthLine) {
    match l.marker {
        None => {
            let shown = l.printed();
            let help = match guess(&shown) {
                Some(m) => {
                    msg!("viết bằng chữ viết tắt \"{}\", ví dụ \"{} Ủy ban nhân dân\"", m.text(), m.text();
                                "write it with the abbreviation \"{}\", e.g. \"{} Ủy ban nhân dân\"", m.text(), m.text())
                }
                None => {
                    msg!("mở đầu dòng bằng TM., KT., Q., TL. hoặc TUQ.; chức vụ của chính người ký ghi ở chuc_vu";
                             "open the line with TM., KT., Q., TL. or TUQ.; the signer's own title goes in chuc_vu")
                }
            };
            let field = field();
            cx.push(
                Finding::new(
                    Rule::HS021,
                    file,
                    Some(l.at),
                    msg!("{}: dòng \"{}\" không mở đầu bằng TM., KT., Q., TL. hay TUQ.", vi_field(&field), shown;
                         "`{}`: the line \"{}\" opens with none of TM., KT., Q., TL., TUQ.", field, shown),
                )
                .help(help),
            );
        }
        Some(m) if l.rest.is_empty() => {
            let field = field();
            cx.push(
                Finding::new(
                    Rule::HS021,
                    file,
                    Some(l.at),
                    msg!("{}: \"{}\" không có chức vụ hay tên tập thể theo sau", vi_field(&field), m.text();
                         "`{}`: \"{}\" has no title or body's name after it", field, m.text()),
                )
                .help(msg!("ghi chức vụ của người đứng đầu hoặc tên tập thể sau \"{}\", ví dụ \"{} Chủ tịch\"", m.text(), m.text();
                           "write the head's title or the body's name after \"{}\", e.g. \"{} Chủ tịch\"", m.text(), m.text())),
            );
        }
        Some(_) => {}
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
