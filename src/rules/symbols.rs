//! Number and symbol (số, ký hiệu) of the documents, in the shape of Decree 30/2020/NĐ-CP,
//! Appendix I and III: `NN/TYPE-BODY[-UNIT]`, where TYPE is the abbreviation of the document
//! type. A proposal is TTr, minutes BB, a report BC.
//!
//! Decree 30 also asks for a leading zero on numbers under 10 (`05/TTr-UBND`). That is not
//! checked: offices write `5/TTr-UBND` as often, and a receiving office does not send a dossier
//! back for it, so it would only be noise.

use super::context::Ctx;
use crate::diag::Finding;
use crate::msg;
use crate::rules::Rule;
use crate::source::Sp;

/// The parts of a number and symbol.
#[derive(Debug, PartialEq, Eq)]
pub struct Symbol<'a> {
    /// Serial number.
    pub number: &'a str,
    /// Document type abbreviation.
    pub doc_type: &'a str,
    /// Issuing body (and unit).
    pub body: &'a str,
}

/// Split `45/TTr-UBND` into its parts; None when it is not in that shape.
#[must_use]
pub fn parse(s: &str) -> Option<Symbol<'_>> {
    let (number, rest) = s.split_once('/')?;
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (doc_type, body) = rest.split_once('-')?;
    if doc_type.is_empty() || !doc_type.chars().all(char::is_alphabetic) {
        return None;
    }
    if body.is_empty()
        || body
            .split('-')
            .any(|p| p.is_empty() || !p.chars().all(char::is_alphanumeric))
    {
        return None;
    }
    Some(Symbol {
        number,
        doc_type,
        body,
    })
}

pub(crate) fn check(cx: &mut Ctx<'_>) {
    let d = cx.d;
    if let Some(s) = d.to_trinh.as_ref().and_then(|t| t.so_ky_hieu.as_ref()) {
        let file = cx.to_trinh_file().to_owned();
        one(cx, &file, s, "TTr", ("tờ trình", "a proposal"));
    }
    if let Some(s) = d.bien_ban.as_ref().and_then(|b| b.so_ky_hieu.as_ref()) {
        let file = cx.bien_ban_file().to_owned();
        one(cx, &file, s, "BB", ("biên bản", "minutes"));
    }
    for r in &d.reports {
        if let Some(s) = &r.so_ky_hieu {
            one(cx, &r.file, s, "BC", ("báo cáo", "a report"));
        }
    }
}

fn one(cx: &mut Ctx<'_>, file: &str, s: &Sp<String>, want: &str, what: (&str, &str)) {
    match parse(s.v.trim()) {
        None => {
            let hint = if s.v.trim_start().to_lowercase().starts_with("số") {
                msg!("chỉ ghi phần số và ký hiệu, bỏ chữ \"Số:\" ở đầu (ví dụ: 45/{}-UBND)", want;
                     "write only the number and symbol, without the leading \"Số:\" (e.g. 45/{}-UBND)", want)
            } else {
                msg!("ghi theo dạng số/ký hiệu loại văn bản-cơ quan ban hành, không có dấu cách, ví dụ: 45/{}-UBND", want;
                     "write number/type-body with no spaces, e.g. 45/{}-UBND", want)
            };
            cx.push(
                Finding::new(
                    Rule::SK001,
                    file,
                    Some(s.at),
                    msg!("số, ký hiệu \"{}\" không đúng thể thức Nghị định 30/2020/NĐ-CP", s.v;
                         "number and symbol \"{}\" are not in the Decree 30/2020/NĐ-CP shape", s.v),
                )
                .help(hint),
            );
        }
        Some(sym) => {
            if sym.number.bytes().all(|b| b == b'0') {
                // `dossier init` writes 00 for the clerk to replace; no register starts at 0.
                cx.push(
                    Finding::new(
                        Rule::HS015,
                        file,
                        Some(s.at),
                        msg!("số, ký hiệu \"{}\" còn số {} của mẫu: chưa ghi số thật của {}", s.v, sym.number, what.0;
                             "number and symbol \"{}\" still have the template's number {}: the real number of {} is not filled in", s.v, sym.number, what.1),
                    )
                    .help(msg!("ghi số lấy từ sổ đăng ký văn bản đi, ví dụ {}/{}-{}", 45, want, sym.body;
                               "write the number from the outgoing-document register, e.g. {}/{}-{}", 45, want, sym.body)),
                );
            }
            if sym.doc_type != want {
                wrong_type(cx, file, s, &sym, want, what);
            }
        }
    }
}

/// SK002: a proposal numbered as minutes, and so on.
fn wrong_type(
    cx: &mut Ctx<'_>,
    file: &str,
    s: &Sp<String>,
    sym: &Symbol<'_>,
    want: &str,
    what: (&str, &str),
) {
    cx.push(
        Finding::new(
            Rule::SK002,
            file,
            Some(s.at),
            msg!("số, ký hiệu \"{}\" ghi loại văn bản \"{}\", nhưng đây là {}: ký hiệu phải là {}", s.v, sym.doc_type, what.0, want;
                 "number and symbol \"{}\" give the document type \"{}\", but this is {}: the type must be {}", s.v, sym.doc_type, what.1, want),
        )
        .help(msg!("sửa thành {}/{}-{}", sym.number, want, sym.body; "write {}/{}-{}", sym.number, want, sym.body))
        .note(msg!("căn cứ: Phụ lục III Nghị định số 30/2020/NĐ-CP (chữ viết tắt tên loại văn bản)"; "basis: Decree 30/2020/NĐ-CP, Appendix III (document type abbreviations)")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decree_30_shapes() {
        assert_eq!(
            parse("45/TTr-UBND"),
            Some(Symbol {
                number: "45",
                doc_type: "TTr",
                body: "UBND"
            })
        );
        assert_eq!(parse("12/BB-HĐTĐKT").map(|s| s.doc_type), Some("BB"));
        assert_eq!(parse("05/BC-UBND-VP").map(|s| s.body), Some("UBND-VP"));
        assert_eq!(parse("45 /TTr-UBND"), None);
        assert_eq!(parse("TTr-UBND"), None);
        assert_eq!(parse("45/TTr"), None);
        assert_eq!(parse("45/TTr-"), None);
        assert_eq!(parse("45/TTr--UBND"), None);
        assert_eq!(parse("Số: 45/TTr-UBND"), None);
    }
}
