//! The text family (VB) checked on the documents read: VB003, characters the cover list and the
//! PDF drafts cannot print. (VB001 and VB002, the encoding of the text, are found where the files are read,
//! `dossier/reader.rs`, and reported there.)
//!
//! `dossier pack` prints the proposal's heading, its list of nominees and the components on
//! `DANH-MUC.pdf` with an embedded font cut down to Vietnamese and Latin (so the bundle stays
//! small and prints the same everywhere). A character outside it (a Chinese character in a
//! name, an emoji or a check mark pasted into a unit's name) would print as `?` on an official
//! list. `dossier draft` writes its PDFs with the same font, and prints far more of the dossier
//! (every report's texts, the signers, the minutes' council): a Symbol bullet (U+F0B7), an arrow
//! or a check mark pasted from Word printed as `?` in a report with no word (#18). The clerk
//! hears of each at `check`, with the field and the character. The font's coverage is asked of
//! `text::glyphs`, which the PDF writers ask too.

use super::context::Ctx;
use crate::diag::Finding;
use crate::dossier::wording::vi_field;
use crate::msg;
use crate::rules::Rule;
use crate::source::Sp;
use crate::text::glyphs::prints;

pub(crate) fn check(cx: &mut Ctx<'_>) {
    let d = cx.d;
    if let Some(tt) = &d.to_trinh {
        let file = cx.to_trinh_file().to_owned();
        let heading = [
            ("co_quan_cap_tren", &tt.co_quan_cap_tren),
            ("co_quan", &tt.co_quan),
            ("so_ky_hieu", &tt.so_ky_hieu),
            ("dia_danh", &tt.dia_danh),
        ];
        for (key, v) in heading {
            one(cx, &file, || key.to_owned(), v.as_ref());
        }
        for (i, n) in tt.danh_sach.iter().enumerate() {
            for (key, v) in [
                ("ten", &n.ten),
                ("cap_bac", &n.cap_bac),
                ("chuc_vu", &n.chuc_vu),
                ("don_vi", &n.don_vi),
                ("chuc_vu_don_vi", &n.chuc_vu_don_vi),
            ] {
                one(
                    cx,
                    &file,
                    || format!("danh_sach[{}].{key}", i + 1),
                    v.as_ref(),
                );
            }
        }
    }
    if let Some(bb) = &d.bien_ban {
        let file = cx.bien_ban_file().to_owned();
        one(
            cx,
            &file,
            || "so_ky_hieu".to_owned(),
            bb.so_ky_hieu.as_ref(),
        );
        one(cx, &file, || "hoi_dong".to_owned(), bb.hoi_dong.as_ref());
        person(cx, &file, "chu_tri", bb.chu_tri.as_ref());
        person(cx, &file, "thu_ky", bb.thu_ky.as_ref());
    }
    for r in &d.reports {
        one(cx, &r.file, || "ten".to_owned(), r.ten.as_ref());
        one(cx, &r.file, || "cap_bac".to_owned(), r.cap_bac.as_ref());
        one(
            cx,
            &r.file,
            || "so_ky_hieu".to_owned(),
            r.so_ky_hieu.as_ref(),
        );
        // Printed only in the drafts.
        for (key, v) in [
            ("chuc_vu", &r.chuc_vu),
            ("don_vi", &r.don_vi),
            ("chuc_vu_don_vi", &r.chuc_vu_don_vi),
            ("hanh_dong", &r.hanh_dong),
            ("thanh_tich", &r.thanh_tich),
            ("cong_trang", &r.cong_trang),
            ("ghi_nhan", &r.ghi_nhan),
            ("co_quan_cap_tren", &r.co_quan_cap_tren),
        ] {
            one(cx, &r.file, || key.to_owned(), v.as_ref());
        }
        if let Some(x) = &r.xac_nhan {
            one(
                cx,
                &r.file,
                || "xac_nhan.co_quan".to_owned(),
                x.co_quan.as_ref(),
            );
            person(cx, &r.file, "xac_nhan.nguoi_ky", x.nguoi_ky.as_ref());
        }
        person(cx, &r.file, "nguoi_ky", r.nguoi_ky.as_ref());
    }
    if let Some(tt) = &d.to_trinh {
        let file = cx.to_trinh_file().to_owned();
        // Every addressee the draft prints, not only the first (`kinh_gui` as a list, #19).
        match tt.kinh_gui_ds.as_slice() {
            [_, _, ..] => {
                for (i, v) in tt.kinh_gui_ds.iter().enumerate() {
                    one(cx, &file, || format!("kinh_gui[{}]", i + 1), Some(v));
                }
            }
            _ => one(cx, &file, || "kinh_gui".to_owned(), tt.kinh_gui.as_ref()),
        }
        one(cx, &file, || "trich_yeu".to_owned(), tt.trich_yeu.as_ref());
        one(cx, &file, || "noi_dung".to_owned(), tt.noi_dung.as_ref());
        for (key, list) in [("can_cu", &tt.can_cu), ("noi_nhan", &tt.noi_nhan)] {
            for (i, v) in list.iter().enumerate() {
                one(cx, &file, || format!("{key}[{}]", i + 1), Some(v));
            }
        }
        person(cx, &file, "nguoi_ky", tt.nguoi_ky.as_ref());
    }
}

/// A signer's name, title and authority, as the drafts print them: each item of a
/// `tham_quyen` list at its own place.
fn person(cx: &mut Ctx<'_>, file: &str, key: &str, p: Option<&crate::dossier::model::Person>) {
    let Some(p) = p else { return };
    for (part, v) in [("ho_ten", &p.ho_ten), ("chuc_vu", &p.chuc_vu)] {
        one(cx, file, || format!("{key}.{part}"), v.as_ref());
    }
    let list = p.tham_quyen_dong.len() > 1;
    for (i, v) in p.tham_quyen_dong.iter().enumerate() {
        let field = || {
            if list {
                format!("{key}.tham_quyen[{}]", i + 1)
            } else {
                format!("{key}.tham_quyen")
            }
        };
        one(cx, file, field, Some(v));
    }
}

fn one(cx: &mut Ctx<'_>, file: &str, field: impl FnOnce() -> String, v: Option<&Sp<String>>) {
    let Some(v) = v else { return };
    // A file read as plain Vietnamese prints whole (`Dossier::prints_whole`).
    if cx.d.prints_whole.iter().any(|f| f == file) {
        debug_assert!(crate::text::glyphs::all_print(&v.v), "{file}: {}", v.v);
        return;
    }
    // Nearly every value prints whole, answered from its bytes; the field's name is made only
    // for a finding: this check runs on every value of every dossier (#21).
    if crate::text::glyphs::all_print(&v.v) {
        return;
    }
    let mut odd: Vec<char> = Vec::new();
    for c in v.v.chars().filter(|&c| !prints(c)) {
        if !odd.contains(&c) {
            odd.push(c);
        }
    }
    if odd.is_empty() {
        return;
    }
    let shown: Vec<String> = odd
        .iter()
        .map(|c| format!("\"{c}\" (U+{:04X})", u32::from(*c)))
        .collect();
    let shown = shown.join(", ");
    let field = field();
    cx.push(
        Finding::new(
            Rule::VB003,
            file,
            Some(v.at),
            msg!("{} có ký tự {} mà phông chữ của danh mục hồ sơ và bản soạn PDF không có: trong DANH-MUC.pdf và bản PDF do dossier draft soạn sẽ in thành dấu ?", vi_field(&field), shown;
                 "\"{}\" has {}, which the font of the cover list and of the PDF drafts lacks: DANH-MUC.pdf and the PDF drafts will print it as ?", field, shown),
        )
        .help(msg!("nếu ký tự này do dán nhầm (biểu tượng, dấu tích), hãy xóa đi; nếu đó là chữ thật của tên, viết tên bằng chữ Việt hoặc ghi chú cho cơ quan nhận hồ sơ";
                   "if it was pasted by mistake (a symbol, a check mark), delete it; if it is really part of the name, write the name in Vietnamese letters or tell the receiving office")),
    );
}
