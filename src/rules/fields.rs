//! Fields that only some nominees have, and the two ways of writing position and unit.
//!
//! A rank (`cap_bac`), a birth (`ngay_sinh`) and a sex (`gioi_tinh`) belong to a person: on a
//! collective or a household they are a slip (a row copied from the individuals), and a draft
//! would print "Đại tá Thôn Đông" (HS018). `chuc_vu_don_vi` holds position and unit in one
//! text, as the lists' "Chức vụ, đơn vị công tác" column does, and the documents print it in
//! their place; written beside `chuc_vu` or `don_vi` that it does not contain, the two may say
//! different things and only one of them is printed (HS019, a warning: the separate fields
//! still serve the comparisons between documents).

use super::context::Ctx;
use crate::diag::Finding;
use crate::dossier::model::NomineeType;
use crate::dossier::wording::vi_field;
use crate::msg;
use crate::rules::Rule;
use crate::source::{Sp, Span};

pub(crate) fn check(cx: &mut Ctx<'_>) {
    let d = cx.d;
    if let Some(tt) = &d.to_trinh {
        let file = cx.to_trinh_file().to_owned();
        for (i, n) in tt.danh_sach.iter().enumerate() {
            let at = format!("danh_sach[{}].", i + 1);
            let t = n.loai.as_ref().map(|l| l.v);
            individual_only(
                cx,
                &file,
                &at,
                t,
                &[("cap_bac", n.cap_bac.as_ref().map(|v| v.at))],
            );
            twice(
                cx,
                &file,
                &at,
                n.chuc_vu_don_vi.as_ref(),
                &[
                    ("chuc_vu", n.chuc_vu.as_ref()),
                    ("don_vi", n.don_vi.as_ref()),
                ],
            );
        }
    }
    for r in &d.reports {
        let t = r.loai.as_ref().map(|l| l.v);
        individual_only(
            cx,
            &r.file,
            "",
            t,
            &[
                ("cap_bac", r.cap_bac.as_ref().map(|v| v.at)),
                ("ngay_sinh", r.ngay_sinh.as_ref().map(|v| v.at)),
                ("gioi_tinh", r.gioi_tinh.as_ref().map(|v| v.at)),
            ],
        );
        twice(
            cx,
            &r.file,
            "",
            r.chuc_vu_don_vi.as_ref(),
            &[
                ("chuc_vu", r.chuc_vu.as_ref()),
                ("don_vi", r.don_vi.as_ref()),
            ],
        );
    }
}

/// HS018: a person's field on a collective or household.
fn individual_only(
    cx: &mut Ctx<'_>,
    file: &str,
    path: &str,
    t: Option<NomineeType>,
    fields: &[(&str, Option<Span>)],
) {
    let Some(t) = t.filter(|t| *t != NomineeType::Individual) else {
        return;
    };
    for (key, v) in fields {
        let Some(at) = v else { continue };
        let field = format!("{path}{key}");
        cx.push(
            Finding::new(
                Rule::HS018,
                file,
                Some(*at),
                msg!("{} chỉ dành cho cá nhân, nhưng người được đề nghị ở đây là {}", vi_field(&field), t.vi();
                     "`{}` is for individuals only, but this nominee is {}", field, t.en_a()),
            )
            .help(msg!("xóa dòng \"{}\", hoặc sửa \"loai\" nếu đây là một cá nhân", key;
                       "delete the `{}` line, or correct `loai` if this is an individual", key)),
        );
    }
}

/// HS019: `chuc_vu_don_vi` beside a separate field it does not contain.
fn twice(
    cx: &mut Ctx<'_>,
    file: &str,
    path: &str,
    both: Option<&Sp<String>>,
    parts: &[(&str, Option<&Sp<String>>)],
) {
    let Some(both) = both else { return };
    let whole = key(&both.v);
    for (k, part) in parts {
        let Some(part) = part else { continue };
        if whole.contains(&key(&part.v)) {
            continue;
        }
        let field = format!("{path}{k}");
        cx.push(
            Finding::new(
                Rule::HS019,
                file,
                Some(part.at),
                msg!("{} là \"{}\", nhưng \"chuc_vu_don_vi\" ghi \"{}\", không có chữ đó: các văn bản in \"chuc_vu_don_vi\" ở chỗ chức vụ, đơn vị", vi_field(&field), part.v.trim(), both.v.trim();
                     "`{}` is \"{}\", but `chuc_vu_don_vi` says \"{}\", which does not hold it: the documents print `chuc_vu_don_vi` as the position and unit", field, part.v.trim(), both.v.trim()),
            )
            .also(file, Some(both.at), msg!("chức vụ, đơn vị ghi gộp"; "position and unit in one text"))
            .help(msg!("ghi một cách: hoặc chỉ \"chuc_vu_don_vi\" như danh sách gốc, hoặc tách thành \"chuc_vu\" và \"don_vi\"; nếu giữ cả hai thì sửa cho khớp nhau";
                       "write one way: either `chuc_vu_don_vi` alone, as the original list has it, or `chuc_vu` and `don_vi`; keeping both, make them agree")),
        );
    }
}

/// A text as a clerk compares it: spaces folded, tone placement folded, in lower case.
fn key(s: &str) -> String {
    let spaced = crate::text::fold::fold_whitespace(s.trim());
    crate::text::fold::fold_tone_placement(&spaced).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn a_part_is_found_in_the_whole_as_a_clerk_reads_it() {
        let whole = key("Phó Chỉ huy trưởng  Ban CHQS xã Trường Yên");
        assert!(whole.contains(&key("Ban CHQS xã Trường Yên")));
        assert!(whole.contains(&key("phó chỉ huy trưởng")));
        assert!(!whole.contains(&key("Ban Chỉ huy quân sự xã Trường Yên")));
        assert!(key("Chủ tịch UBND xã Ninh Hoà").contains(&key("Ninh Hòa")));
    }
}
