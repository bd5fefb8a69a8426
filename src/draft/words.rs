//! The words of the drafts that do not come from one field as written: the award form with the
//! dossier's own commune and province in place of the rule set's "cấp xã", "cấp tỉnh"; the
//! addressee without the channel the bundle goes through; the legal basis as one "Căn cứ" line
//! per instrument; the achievement the proposal is for; the recipients.
//!
//! A clerk signs these words, so nothing here is guessed (#18, the clerk's C17): a value the
//! dossier does not hold exactly (a template's `<<…>>` left in, a missing date, a form or kind
//! the rule set does not have, a level the dossier names no unit of) prints as "…", never as the
//! placeholder, the epoch's 01/01/1970 or a raw id. The check has said why and where (HS015,
//! HS004, HS009, VB008 …), and a draft with such a finding is refused unless the clerk asks for
//! one anyway, stamped "DỰ THẢO".

use crate::criteria::RuleSet;
use crate::date::Date;
use crate::dossier::model::ToTrinh;
use crate::dossier::place::Places;
use crate::source::Sp;

/// What a draft prints where the dossier holds no exact value.
pub const GAP: &str = "…";

/// A text as printed: every template mark `<<…>>` left in it (HS015) becomes "…".
#[must_use]
pub fn printed(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("<<") {
        let Some(len) = rest[start..].find(">>") else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(GAP);
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out.trim().to_owned()
}

/// A date as `dd/mm/yyyy`, or "…" when the dossier holds none (never the epoch).
#[must_use]
pub fn dmy(d: Option<Date>) -> String {
    d.map_or_else(|| GAP.to_owned(), |d| d.dmy())
}

/// "ngày 07 tháng 12 năm 2026", or "ngày … tháng … năm …".
#[must_use]
pub fn vietnamese(d: Option<Date>) -> String {
    d.map_or_else(
        || format!("ngày {GAP} tháng {GAP} năm {GAP}"),
        |d| d.vietnamese(),
    )
}

/// An id of the rule set as its name: the form, the kind of award, the kind of nominee. An id
/// the rule set does not have (HS009, HS010, …) prints "…", never as the id.
#[must_use]
pub fn named(id: Option<&Sp<String>>, name: impl FnOnce(&str) -> Option<String>) -> String {
    match id.map(|s| s.v.trim()) {
        None | Some("") => String::new(),
        Some(id) => name(id).map_or_else(|| GAP.to_owned(), |n| printed(&n)),
    }
}

/// A rule set's name with its generic levels ("cấp xã", "cấp tỉnh") replaced by the units the
/// dossier names; a level it names no unit of prints "…" (VB008 says which field to fill).
#[must_use]
pub fn placed(places: &Places, text: &str) -> String {
    let mut out = text.to_owned();
    loop {
        match places.fill(&out) {
            Ok(s) => return s,
            // The levels the dossier names are filled in the same pass; one it does not name
            // gives way to "…" and the rest are filled on the next.
            Err(level) => out = out.replace(level.generic(), GAP),
        }
    }
}

/// The addressee as the body names it: "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi", without the
/// "(qua Sở Nội vụ)" that belongs to the "Kính gửi" line only (it says where the bundle goes,
/// not who decides).
#[must_use]
pub fn without_channel(addressee: &str) -> String {
    let s = addressee.trim();
    if let Some(open) = s.rfind('(') {
        let tail = &s[open..];
        let inner = tail.trim_start_matches('(').trim_start().to_lowercase();
        if tail.ends_with(')') && inner.starts_with("qua ") {
            return s[..open].trim_end().to_owned();
        }
    }
    s.to_owned()
}

/// The achievement the proposal names, as its trích yếu words it: "Về việc … có thành tích
/// xuất sắc đột xuất trong cứu hộ, cứu nạn …" gives "thành tích xuất sắc đột xuất trong cứu hộ,
/// cứu nạn …". None when the trích yếu names none (then the body says only "có thành tích").
#[must_use]
pub fn achievement(trich_yeu: &str) -> Option<String> {
    let s = printed(trich_yeu);
    let at = s.find("có thành tích")?;
    let mut phrase = s[at + "có ".len()..]
        .trim()
        .trim_end_matches(['.', ';'])
        .trim_end();
    // A closing "(khen thưởng chuyên đề, sơ kết năm 2021)" repeats the kind the sentence
    // names already, and would stand beside "(có danh sách kèm theo)".
    if phrase.ends_with(')') {
        if let Some(open) = phrase.rfind('(') {
            phrase = phrase[..open].trim_end();
        }
    }
    (phrase != "thành tích" && !phrase.contains(GAP)).then(|| phrase.to_owned())
}

/// One instrument as its "Căn cứ" line: "Căn cứ Luật Thi đua, khen thưởng …;".
fn basis_line(s: &str) -> Option<String> {
    let s = printed(s);
    let s = s.trim().trim_end_matches([';', '.', ',']).trim_end();
    let s = s
        .strip_prefix("Căn cứ ")
        .or_else(|| s.strip_prefix("căn cứ "))
        .unwrap_or(s)
        .trim();
    (!s.is_empty()).then(|| format!("Căn cứ {s};"))
}

/// The legal basis, one "Căn cứ" line per instrument, each ending ";" (Decree 30's way): the
/// tờ trình's own `can_cu` when it has one; else the rule set's `thu_tuc.van_ban_can_cu`, or its
/// `thu_tuc.can_cu` cut at each ";"; and for a campaign, the campaign itself.
#[must_use]
pub fn basis(rs: Option<&RuleSet>, tt: &ToTrinh) -> Vec<String> {
    if !tt.can_cu.is_empty() {
        return tt.can_cu.iter().filter_map(|c| basis_line(&c.v)).collect();
    }
    let Some(rs) = rs else {
        return Vec::new();
    };
    let p = &rs.procedure;
    let mut out: Vec<String> = if p.instruments.is_empty() {
        // Cut at ";" only where every piece names an instrument (opens with a capital, "Luật",
        // "Điều 55 Nghị định …"): "…; mục IV.4.a" is one reference, not two.
        let pieces: Vec<&str> = p.can_cu.split(';').map(str::trim).collect();
        let named = |s: &&str| s.chars().next().is_some_and(char::is_uppercase);
        if pieces.iter().all(|s| s.is_empty() || named(s)) {
            pieces.into_iter().filter_map(basis_line).collect()
        } else {
            basis_line(&p.can_cu).into_iter().collect()
        }
    } else {
        p.instruments.iter().filter_map(|i| basis_line(i)).collect()
    };
    if rs.kind == crate::criteria::SetKind::PhongTrao {
        out.extend(basis_line(&rs.ten));
    }
    out
}

/// The recipients under "Nơi nhận:": the tờ trình's own `noi_nhan`, each "- …;" and the last
/// "- ….", or Decree 30's "- Như trên; - Lưu: VT.".
#[must_use]
pub fn recipients(tt: &ToTrinh) -> Vec<String> {
    // Each recipient its own line, as Decree 30 lists them: one text "Như trên; Lưu: VT" (or a
    // `|` block) holds several, one per ";" or line (printed as one line before).
    let own: Vec<String> = tt
        .noi_nhan
        .iter()
        .flat_map(|r| {
            printed(&r.v)
                .split([';', '\n'])
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .map(|r| {
            r.trim()
                .trim_start_matches(['-', '+', '•'])
                .trim()
                .trim_end_matches([';', '.', ','])
                .trim_end()
                .to_owned()
        })
        .filter(|r| !r.is_empty())
        .collect();
    if own.is_empty() {
        // "Như trên" points at the Kính gửi line: without one, the file copy alone.
        if tt.kinh_gui_ds.is_empty() {
            return vec!["- Lưu: VT.".to_owned()];
        }
        return vec!["- Như trên;".to_owned(), "- Lưu: VT.".to_owned()];
    }
    let last = own.len() - 1;
    own.into_iter()
        .enumerate()
        .map(|(i, r)| format!("- {r}{}", if i == last { "." } else { ";" }))
        .collect()
}

/// A clerk's own text as paragraphs: a blank line, or a line opening with "- " or "+ ", starts
/// a new one; other lines continue the paragraph above (a YAML `|` text wrapped by hand).
#[must_use]
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for line in printed(text).lines().map(str::trim) {
        if line.is_empty() {
            open = false;
            continue;
        }
        let item = line.starts_with("- ") || line.starts_with("+ ");
        match out.last_mut() {
            Some(last) if open && !item => {
                last.push(' ');
                last.push_str(line);
            }
            _ => out.push(line.to_owned()),
        }
        open = true;
    }
    out
}

/// A field's text as the drafts print it: trimmed, a template's `<<…>>` left in as "…".
pub(super) fn text(v: Option<&Sp<String>>) -> String {
    v.map(|s| printed(&s.v)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Pos, Span};

    fn here() -> Span {
        Span::at(Pos {
            line: 1,
            column: 1,
            byte: 0,
        })
    }

    #[test]
    fn placeholders_print_as_a_gap() {
        assert_eq!(printed("  <<Tên cơ quan>>  "), "…");
        assert_eq!(printed("xã <<Tên xã>>, tỉnh <<Tỉnh>>"), "xã …, tỉnh …");
        assert_eq!(printed("a << b"), "a << b");
        assert_eq!(dmy(None), "…");
        assert_eq!(vietnamese(None), "ngày … tháng … năm …");
    }

    #[test]
    fn an_unknown_id_is_never_printed() {
        let id = Sp::new("huan_chuong_lao_dong_hang_nhat".to_owned(), here());
        assert_eq!(named(Some(&id), |_| None), "…");
        assert_eq!(
            named(Some(&id), |_| Some("Huân chương".to_owned())),
            "Huân chương"
        );
        assert_eq!(named(None, |_| Some("x".to_owned())), "");
    }

    #[test]
    fn the_channel_goes_from_the_body() {
        assert_eq!(
            without_channel("Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi (qua Sở Nội vụ)"),
            "Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi"
        );
        assert_eq!(
            without_channel("Chủ tịch Ủy ban nhân dân xã Minh Long"),
            "Chủ tịch Ủy ban nhân dân xã Minh Long"
        );
        assert_eq!(
            without_channel("Ban Chỉ huy (Quân sự)"),
            "Ban Chỉ huy (Quân sự)"
        );
    }

    #[test]
    fn the_achievement_is_the_trich_yeus_own() {
        assert_eq!(
            achievement("Về việc đề nghị tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc đột xuất trong cứu hộ, cứu nạn đợt lũ tháng 11 năm 2026."),
            Some("thành tích xuất sắc đột xuất trong cứu hộ, cứu nạn đợt lũ tháng 11 năm 2026".to_owned())
        );
        assert_eq!(
            achievement("Về việc … có thành tích xuất sắc trong phòng, chống dịch COVID-19 (khen thưởng chuyên đề, sơ kết năm 2021)"),
            Some("thành tích xuất sắc trong phòng, chống dịch COVID-19".to_owned())
        );
        assert_eq!(achievement("Về việc đề nghị khen thưởng"), None);
        assert_eq!(achievement("Về việc … có thành tích"), None);
        assert_eq!(achievement("Về việc … có thành tích <<Thành tích>>"), None);
    }

    #[test]
    fn one_basis_line_per_instrument() {
        let tt = ToTrinh {
            can_cu: vec![
                Sp::new(
                    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;".to_owned(),
                    here(),
                ),
                Sp::new("Nghị định số 152/2025/NĐ-CP".to_owned(), here()),
                Sp::new("  ".to_owned(), here()),
            ],
            ..ToTrinh::default()
        };
        assert_eq!(
            basis(None, &tt),
            [
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                "Căn cứ Nghị định số 152/2025/NĐ-CP;"
            ]
        );
        assert!(basis(None, &ToTrinh::default()).is_empty());
    }

    #[test]
    fn a_rule_sets_basis_is_cut_only_between_instruments() {
        let cat = crate::criteria::Catalog::builtin().unwrap();
        let mut rs = cat.get("nd98-2023-don-gian").unwrap().clone();
        let tt = ToTrinh::default();
        assert_eq!(basis(Some(&rs), &tt).len(), 2);
        assert!(basis(Some(&rs), &tt)[1]
            .starts_with("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023"));
        rs.procedure.instruments.clear();
        rs.procedure.can_cu =
            "Điều 85 Luật Thi đua, khen thưởng; Điều 40 Nghị định số 98/2023/NĐ-CP".to_owned();
        assert_eq!(
            basis(Some(&rs), &tt),
            [
                "Căn cứ Điều 85 Luật Thi đua, khen thưởng;",
                "Căn cứ Điều 40 Nghị định số 98/2023/NĐ-CP;"
            ]
        );
        rs.procedure.can_cu = "Điều 55 Nghị định số 91/2017/NĐ-CP; mục IV.4.a".to_owned();
        assert_eq!(
            basis(Some(&rs), &tt),
            ["Căn cứ Điều 55 Nghị định số 91/2017/NĐ-CP; mục IV.4.a;"]
        );
    }

    #[test]
    fn recipients_end_as_decree_30_writes_them() {
        // "Như trên" only where there is a Kính gửi line for it to point at.
        assert_eq!(recipients(&ToTrinh::default()), ["- Lưu: VT."]);
        let addressed = ToTrinh {
            kinh_gui_ds: vec![Sp::new("Chủ tịch".to_owned(), here())],
            ..ToTrinh::default()
        };
        assert_eq!(recipients(&addressed), ["- Như trên;", "- Lưu: VT."]);
        let tt = ToTrinh {
            noi_nhan: vec![
                Sp::new("Như trên".to_owned(), here()),
                Sp::new("- Sở Nội vụ;".to_owned(), here()),
                Sp::new("Lưu: VT, VP".to_owned(), here()),
            ],
            ..ToTrinh::default()
        };
        assert_eq!(
            recipients(&tt),
            ["- Như trên;", "- Sở Nội vụ;", "- Lưu: VT, VP."]
        );
        // One text, or a block, holding several: one line each.
        let one = ToTrinh {
            noi_nhan: vec![Sp::new("Như trên; Sở Nội vụ;\nLưu: VT".to_owned(), here())],
            ..ToTrinh::default()
        };
        assert_eq!(
            recipients(&one),
            ["- Như trên;", "- Sở Nội vụ;", "- Lưu: VT."]
        );
    }

    #[test]
    fn own_text_as_paragraphs() {
        assert_eq!(
            paragraphs("Dòng một\nnối tiếp.\n\nĐoạn hai:\n- ý một;\n- ý hai."),
            ["Dòng một nối tiếp.", "Đoạn hai:", "- ý một;", "- ý hai."]
        );
    }
}
