//! Signature blocks as Decree 30 writes them: the signer's authority lines, title and name.
//!
//! Nghị định 30/2020/NĐ-CP (Phụ lục I) prints over the signature, one line each in bold
//! capitals, the authority the signer signs with ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") and
//! the signer's title ("PHÓ CHỦ TỊCH"); `dossier::authority` reads them from `tham_quyen` and
//! says which body has a seal. The same lines go to the DOCX and the PDF through
//! `model::Signature::lines`. Where read: the practice of Thông tư 01/2011/TT-BNV, Điều 12,
//! which Decree 30 replaced, and issued documents' blocks (`docs/legal-sources.md`, section
//! 10); Decree 30's own text was not read, so the checks on these lines (HS021) only warn.
//!
//! A body without a seal (a thôn's or a tổ's team, a household, a person) signs "(Ký, ghi rõ họ
//! và tên)", never "(Ký, đóng dấu)".

use super::words::printed;
use super::words::text;
use crate::dossier::authority::authority;
use crate::dossier::model::Person;
use crate::page::model::Signature;

/// The note under the title: a seal or not.
#[must_use]
pub fn note(seal: bool) -> String {
    if seal {
        "(Ký, đóng dấu)".to_owned()
    } else {
        "(Ký, ghi rõ họ và tên)".to_owned()
    }
}

/// A signer's lines: the authority lines, then the title, unless the last authority line
/// already is the title. A template mark left in them (HS015) prints as "…", never as written.
#[must_use]
pub fn lines(p: &Person) -> Vec<String> {
    let mut lines: Vec<String> = authority(&p.tham_quyen_dong)
        .iter()
        .map(|l| printed(&l.printed()))
        .collect();
    let title = printed(&text(p.chuc_vu.as_ref()));
    if !title.is_empty()
        && lines
            .last()
            .is_none_or(|l| l.to_lowercase() != title.to_lowercase())
    {
        lines.push(title);
    }
    lines
}

/// The signature of a document's signer; `fallback` when the dossier names none.
#[must_use]
pub fn signer(p: Option<&Person>, fallback: &[&str]) -> Signature {
    let mut l = p.map(lines).unwrap_or_default();
    if l.is_empty() {
        l.extend(fallback.iter().map(|s| (*s).to_owned()));
    }
    Signature {
        lines: l,
        note: None,
        name: p
            .map(|p| printed(&text(p.ho_ten.as_ref())))
            .unwrap_or_default(),
    }
}

/// A council officer of the minutes: the role ("Chủ trì", "Thư ký"), or the authority lines
/// and title when `tham_quyen` is written.
#[must_use]
pub fn officer(p: Option<&Person>, role: &str) -> Signature {
    let with_authority = p.is_some_and(|p| !p.tham_quyen_dong.is_empty());
    Signature {
        lines: if with_authority {
            p.map(lines).unwrap_or_default()
        } else {
            vec![role.to_owned()]
        },
        note: None,
        name: p
            .map(|p| printed(&text(p.ho_ten.as_ref())))
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Pos, Sp, Span};

    fn sp(s: &str) -> Sp<String> {
        Sp::new(
            s.to_owned(),
            Span::at(Pos {
                line: 1,
                column: 1,
                byte: 0,
            }),
        )
    }

    #[test]
    fn signer_lines_end_with_the_title() {
        let p = Person {
            ho_ten: Some(sp("Hồ Văn Thanh")),
            chuc_vu: Some(sp("Phó Chủ tịch")),
            tham_quyen_dong: vec![sp("TM. Ủy ban nhân dân - KT. Chủ tịch")],
            ..Person::default()
        };
        assert_eq!(
            lines(&p),
            ["TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch"]
        );
        let q = Person {
            chuc_vu: Some(sp("Q. Chủ tịch")),
            tham_quyen_dong: vec![sp("TM. Ủy ban nhân dân\nQ. Chủ tịch")],
            ..Person::default()
        };
        assert_eq!(lines(&q), ["TM. Ủy ban nhân dân", "Q. Chủ tịch"]);
    }

    #[test]
    fn a_council_officer_signs_by_role_unless_an_authority_is_written() {
        let chair = Person {
            ho_ten: Some(sp("Phạm Quốc Dũng")),
            chuc_vu: Some(sp("Chủ tịch Hội đồng")),
            ..Person::default()
        };
        let s = officer(Some(&chair), "Chủ trì");
        assert_eq!(s.lines, ["Chủ trì"]);
        assert_eq!(s.name, "Phạm Quốc Dũng");
        let chair = Person {
            tham_quyen_dong: vec![sp("TM. Hội đồng Thi đua - Khen thưởng")],
            ..chair
        };
        assert_eq!(
            officer(Some(&chair), "Chủ trì").lines,
            ["TM. Hội đồng Thi đua - Khen thưởng", "Chủ tịch Hội đồng"]
        );
        assert_eq!(officer(None, "Thư ký").lines, ["Thư ký"]);
        assert_eq!(
            signer(None, &["Thủ trưởng cơ quan"]).lines,
            ["Thủ trưởng cơ quan"]
        );
    }
}
