//! The tờ trình's addressee: Decree 30's template has a "Kính gửi" line (`kinh_gui`), but a
//! real tờ trình may go without it and name its addressees in its closing sentence ("Kính trình
//! Chủ tịch UBND tỉnh Thái Nguyên; Sở Nội vụ xem xét, quyết định./."), and the province acted
//! on one such. So a missing `kinh_gui` is an error (HS004) only when nothing names the
//! addressee; when the tờ trình's own body (`noi_dung`) does, it is a warning (HS022) that
//! quotes what was read there, so the clerk sees it and can add the line.
//!
//! The reader leaves `kinh_gui` optional only where `noi_dung` is written (see
//! `dossier::documents`); without a body the reader's HS004 stands as before.

use super::context::Ctx;
use crate::diag::Finding;
use crate::dossier::wording::vi_field;
use crate::msg;
use crate::rules::Rule;

/// Words that open the request to the addressee in a closing sentence, longest first.
const MARKERS: &[&str] = &["kính trình", "kính gửi", "kính đề nghị", "đề nghị"];

pub(crate) fn check(cx: &mut Ctx<'_>) {
    let Some(tt) = &cx.d.to_trinh else { return };
    if tt.kinh_gui.is_some() {
        return;
    }
    // Without a body the reader has said HS004 already.
    let Some(body) = &tt.noi_dung else { return };
    let file = cx.to_trinh_file().to_owned();
    match closing_addressee(&body.v) {
        Some(who) => cx.push(
            Finding::new(
                Rule::HS022,
                &file,
                Some(body.at),
                msg!("tờ trình không có dòng \"Kính gửi\" ({}); nơi nhận đọc được ở câu kết của \"noi_dung\": \"{}\"", vi_field("kinh_gui"), who;
                     "the proposal has no \"Kính gửi\" line (`kinh_gui`); the addressee read in the closing sentence of `noi_dung`: \"{}\"", who),
            )
            .note(msg!("thể thức tờ trình theo Nghị định số 30/2020/NĐ-CP có dòng \"Kính gửi\"; tờ trình không có dòng này mà nêu nơi nhận ở câu kết vẫn đọc được, nên đây chỉ là cảnh báo";
                       "a proposal as Decree 30/2020/NĐ-CP lays it out has a \"Kính gửi\" line; one that names its addressee in the closing sentence instead can still be read, so this is a warning only"))
            .help(msg!("nếu văn bản đã ký có dòng \"Kính gửi\", thêm dòng \"kinh_gui: {}\"; nếu không có, để nguyên", who;
                       "if the signed document has a \"Kính gửi\" line, add `kinh_gui: {}`; if it has none, leave it", who)),
        ),
        None => {
            let anchor = tt.anchor;
            cx.push(
                Finding::new(
                    Rule::HS004,
                    &file,
                    anchor,
                    msg!("thiếu {}, và câu kết của \"noi_dung\" không nêu nơi nhận", vi_field("kinh_gui");
                         "missing required field `kinh_gui`, and the closing sentence of `noi_dung` names no addressee"),
                )
                .help(msg!("thêm dòng \"kinh_gui: ...\" (nơi nhận tờ trình), hoặc kết \"noi_dung\" bằng câu nêu nơi nhận: \"Kính trình … xem xét, quyết định./.\"";
                           "add a `kinh_gui: ...` line (the addressee), or end `noi_dung` with a sentence naming it: \"Kính trình … xem xét, quyết định./.\"")),
            );
        }
    }
}

/// The addressee named in the body's last line: the words after "Kính trình", "Kính gửi",
/// "Kính đề nghị" or "đề nghị" and before "xem xét" (or the sentence's end; after a bare "đề
/// nghị", "xem xét" must follow). None when the last line holds none of them, or nothing after
/// it.
#[must_use]
pub(crate) fn closing_addressee(body: &str) -> Option<String> {
    let last = body.lines().map(str::trim).rfind(|l| !l.is_empty())?;
    let last = last.trim_start_matches(['-', '+', ' ']);
    let (marker, after) = MARKERS
        .iter()
        .find_map(|m| find_folded(last, m).map(|(_, a)| (*m, a)))?;
    let rest = last.get(after..)?;
    let asked = find_folded(rest, "xem xét").map(|(s, _)| s);
    // A bare "đề nghị" names whom only when "xem xét" follows ("… đề nghị Chủ tịch UBND tỉnh
    // xem xét"): "đề nghị khen thưởng." names what is asked, and was read as the addressee.
    if marker == "đề nghị" && asked.is_none() {
        return None;
    }
    let end = asked.or_else(|| rest.find("./.")).unwrap_or(rest.len());
    let who = rest
        .get(..end)?
        .trim()
        .trim_end_matches([',', ';', '.', ':'])
        .trim();
    who.chars().any(char::is_alphabetic).then(|| who.to_owned())
}

/// The byte range of the first occurrence of `needle` (lowercase) in `hay`, compared in lower
/// case at word starts, on the text's own character boundaries.
fn find_folded(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let mut prev_alpha = false;
    for (i, c) in hay.char_indices() {
        if !prev_alpha {
            let mut lowered = hay[i..].chars().flat_map(char::to_lowercase);
            let mut len = 0;
            let mut matched = true;
            for n in needle.chars() {
                match lowered.next() {
                    Some(h) if h == n => len += 1,
                    _ => {
                        matched = false;
                        break;
                    }
                }
            }
            if matched {
                // `len` counts the needle's characters; take as many of the text's.
                let end = hay[i..]
                    .char_indices()
                    .nth(len)
                    .map_or(hay.len(), |(j, _)| i + j);
                let next_alpha = hay[end..].chars().next().is_some_and(char::is_alphabetic);
                if !next_alpha {
                    return Some((i, end));
                }
            }
        }
        prev_alpha = c.is_alphabetic();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::closing_addressee;

    #[test]
    fn the_closing_sentence_names_the_addressee() {
        let body = "Sở Nội vụ đề nghị khen thưởng ...\n\nKính trình Chủ tịch UBND tỉnh Thái Nguyên; Sở Nội vụ xem xét, quyết định./.";
        assert_eq!(
            closing_addressee(body).as_deref(),
            Some("Chủ tịch UBND tỉnh Thái Nguyên; Sở Nội vụ")
        );
        assert_eq!(
            closing_addressee("UBND xã đề nghị Chủ tịch UBND tỉnh xem xét, khen thưởng.")
                .as_deref(),
            Some("Chủ tịch UBND tỉnh")
        );
        assert_eq!(
            closing_addressee("KÍNH TRÌNH Chủ tịch UBND xã Gia Viễn./.").as_deref(),
            Some("Chủ tịch UBND xã Gia Viễn")
        );
    }

    #[test]
    fn a_body_that_names_no_one_gives_none() {
        assert_eq!(closing_addressee(""), None);
        assert_eq!(closing_addressee("Kính trình xem xét, quyết định./."), None);
        assert_eq!(closing_addressee("Trân trọng./."), None);
        // "đề nghị" inside another word's run is not a marker: "kiến nghị" has none.
        assert_eq!(closing_addressee("Kiến nghị đã nêu ở trên./."), None);
        // What is asked, not whom (the fresh-eyes trial of #19).
        assert_eq!(
            closing_addressee("Ủy ban nhân dân xã Gia Viễn đề nghị khen thưởng."),
            None
        );
        assert_eq!(
            closing_addressee("Đề nghị khen thưởng cho Chủ tịch xã."),
            None
        );
    }
}
