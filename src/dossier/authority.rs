//! Who signs a document, and with what authority, as the dossier says it: the facts behind a
//! signature block, read once here for the drafts (`draft::signature`) and the checks (HS021).
//!
//! Nghị định 30/2020/NĐ-CP prints over the signature the authority the signer signs with, one
//! line each: "TM." (thay mặt, for a collective body), "KT." (ký thay, a deputy for the head),
//! "Q." (quyền), "TL." (thừa lệnh), "TUQ." (thừa ủy quyền), then the signer's own title. The
//! dossier writes them in `tham_quyen`: a YAML list of lines, a `|` block of lines, or one text
//! in which each marker starts a new line ("TM. Ủy ban nhân dân - KT. Chủ tịch" is the two lines
//! "TM. Ủy ban nhân dân" and "KT. Chủ tịch"). The split keeps every word: only the spaces and
//! the joining marks ("-", "–", "—", "/", ",", ";", "|") between two parts are left out.
//!
//! Whether a body has a seal: `con_dau` when written, else its name's first word (a thôn, a tổ,
//! a household has none).

use crate::source::{Sp, Span};

/// An authority marker of Decree 30.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// "TM.": thay mặt, for a collective body.
    Tm,
    /// "KT.": ký thay, a deputy for the head.
    Kt,
    /// "Q.": quyền, acting head.
    Q,
    /// "TL.": thừa lệnh.
    Tl,
    /// "TUQ.": thừa ủy quyền.
    Tuq,
}

impl Marker {
    /// Every marker; "TUQ." before "TL." and "TM." so the longest is tried first.
    pub const ALL: [Marker; 5] = [Marker::Tuq, Marker::Tm, Marker::Kt, Marker::Tl, Marker::Q];

    /// As printed, with its dot.
    #[must_use]
    pub fn text(self) -> &'static str {
        match self {
            Marker::Tm => "TM.",
            Marker::Kt => "KT.",
            Marker::Q => "Q.",
            Marker::Tl => "TL.",
            Marker::Tuq => "TUQ.",
        }
    }
}

/// One authority line as written, split out of `tham_quyen`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthLine {
    /// Its marker; None: the line opens with none of the five.
    pub marker: Option<Marker>,
    /// What follows the marker ("Ủy ban nhân dân"), or the whole line without one.
    pub rest: String,
    /// The place of the item it was written in.
    pub at: Span,
}

impl AuthLine {
    /// The line as printed (before capitals): "TM. Ủy ban nhân dân".
    #[must_use]
    pub fn printed(&self) -> String {
        match self.marker {
            Some(m) if self.rest.is_empty() => m.text().to_owned(),
            Some(m) => format!("{} {}", m.text(), self.rest),
            None => self.rest.clone(),
        }
    }
}

/// Marks that join two authority parts written on one line.
fn joiner(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '–' | '—' | '/' | ',' | ';' | '|')
}

/// The marker starting `s`, if any: the marker's letters (any case) and its dot, then a space or
/// the end.
fn marker_at(s: &str) -> Option<Marker> {
    Marker::ALL.into_iter().find(|m| {
        let t = m.text();
        s.get(..t.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(t))
            && s[t.len()..].chars().next().is_none_or(char::is_whitespace)
    })
}

/// One line of text split at each marker that starts a word, the parts trimmed of the spaces
/// and joining marks between them.
fn split_line(line: &str, at: Span, out: &mut Vec<AuthLine>) {
    let mut starts: Vec<(usize, Option<Marker>)> = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if prev.is_none_or(joiner) {
            if let Some(m) = marker_at(&line[i..]) {
                starts.push((i, Some(m)));
            }
        }
        prev = Some(c);
    }
    if starts.first().is_none_or(|(i, _)| *i > 0) {
        starts.insert(0, (0, None));
    }
    for (k, &(start, marker)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(line.len(), |(e, _)| *e);
        let body = line.get(start..end).unwrap_or_default();
        let body = marker.map_or(body, |m| body.get(m.text().len()..).unwrap_or_default());
        let rest = body.trim_matches(joiner).to_owned();
        if marker.is_none() && rest.is_empty() {
            continue;
        }
        out.push(AuthLine { marker, rest, at });
    }
}

/// The authority lines of `tham_quyen`, in order. Written as several lines (a YAML list, a
/// block), each line is one line as written; written as one line, it is split at each marker.
#[must_use]
pub fn authority(items: &[Sp<String>]) -> Vec<AuthLine> {
    let mut out = Vec::new();
    let lines: Vec<(&str, Span)> = items
        .iter()
        .flat_map(|item| {
            item.v
                .lines()
                .map(str::trim)
                .filter(|l| !l.trim_matches(joiner).is_empty())
                .map(move |l| (l, item.at))
        })
        .collect();
    match lines.as_slice() {
        [(one, at)] => split_line(one, *at, &mut out),
        many => {
            for (line, at) in many {
                out.push(as_written(line, *at));
            }
        }
    }
    out
}

/// One line as written: its leading marker, if any, and the rest.
fn as_written(line: &str, at: Span) -> AuthLine {
    let marker = marker_at(line);
    let rest = marker
        .map_or(line, |m| line.get(m.text().len()..).unwrap_or_default())
        .trim_matches(joiner)
        .to_owned();
    AuthLine { marker, rest, at }
}

/// Whether a position is a deputy's ("Phó Chủ tịch", "Phó Giám đốc").
#[must_use]
pub fn is_deputy(position: &str) -> bool {
    position.trim().to_lowercase().starts_with("phó ")
}

/// First words that name a body without a seal of its own: villages and residential groups
/// (thôn, xóm, bản, ấp, buôn, làng, sóc, khóm, khu phố, tổ dân phố), teams and groups (tổ,
/// nhóm), militia units under a commune's military command (trung đội, tiểu đội, khẩu đội: the
/// fresh-eyes trial's "Trung đội dân quân" signed "(Ký, đóng dấu)"), and households (hộ).
const SEALLESS: &[&str] = &[
    "trung đội",
    "tiểu đội",
    "khẩu đội",
    "tổ",
    "thôn",
    "xóm",
    "bản",
    "ấp",
    "buôn",
    "làng",
    "sóc",
    "khóm",
    "khu phố",
    "nhóm",
    "hộ",
];

/// Whether a body signs with a seal: `con_dau` when written, else not when its name opens with
/// one of [`SEALLESS`], else yes.
#[must_use]
pub fn has_seal(con_dau: Option<&Sp<bool>>, name: &str) -> bool {
    if let Some(c) = con_dau {
        return c.v;
    }
    sealless_word(name).is_none()
}

/// The first word of a body's name that says it has no seal, lower-case.
fn sealless_word(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_lowercase();
    SEALLESS.iter().copied().find(|w| {
        lower
            .strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

/// The title over the signature of a body without a seal, from its name: "Tổ trưởng" for a
/// "Tổ …", "Trưởng thôn" for a thôn; else "Đại diện tập thể".
#[must_use]
pub fn sealless_title(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    if lower.starts_with("tổ dân phố") {
        return "Tổ trưởng tổ dân phố".to_owned();
    }
    match sealless_word(name) {
        Some("tổ") => "Tổ trưởng".to_owned(),
        Some("nhóm") => "Nhóm trưởng".to_owned(),
        Some("trung đội") => "Trung đội trưởng".to_owned(),
        Some("tiểu đội") => "Tiểu đội trưởng".to_owned(),
        Some("khẩu đội") => "Khẩu đội trưởng".to_owned(),
        Some("hộ") => "Đại diện hộ gia đình".to_owned(),
        Some(
            w @ ("thôn" | "xóm" | "bản" | "ấp" | "buôn" | "làng" | "sóc" | "khóm" | "khu phố"),
        ) => {
            format!("Trưởng {w}")
        }
        _ => "Đại diện tập thể".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Pos;

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

    fn printed(items: &[&str]) -> Vec<String> {
        let items: Vec<Sp<String>> = items.iter().map(|s| sp(s)).collect();
        authority(&items).iter().map(AuthLine::printed).collect()
    }
    #[test]
    fn one_line_splits_at_each_marker_and_keeps_every_word() {
        assert_eq!(
            printed(&["TM. Ủy ban nhân dân - KT. Chủ tịch"]),
            ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]
        );
        assert_eq!(
            printed(&["TM. Ủy ban nhân dân KT. Chủ tịch"]),
            ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]
        );
        assert_eq!(
            printed(&["TM. Ủy ban nhân dân / KT. Chủ tịch"]),
            ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]
        );
        assert_eq!(printed(&["TUQ. Giám đốc"]), ["TUQ. Giám đốc"]);
        assert_eq!(
            printed(&["TL. Bộ trưởng, Q. Chánh Văn phòng"]),
            ["TL. Bộ trưởng", "Q. Chánh Văn phòng"]
        );
    }

    #[test]
    fn a_block_and_a_list_give_one_line_each() {
        assert_eq!(
            printed(&["TM. Ủy ban nhân dân\nKT. Chủ tịch\n"]),
            ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]
        );
        assert_eq!(
            printed(&["TM. Ủy ban nhân dân", "KT. Chủ tịch"]),
            ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]
        );
        // Lines written apart are kept as written, a marker word inside a name too.
        assert_eq!(
            printed(&["TM. Ủy ban nhân dân Q. 1", "KT. Chủ tịch"]),
            ["TM. Ủy ban nhân dân Q. 1", "KT. Chủ tịch"]
        );
        assert_eq!(
            printed(&["TM. Ủy ban nhân dân Q. 1"]),
            ["TM. Ủy ban nhân dân", "Q. 1"]
        );
    }

    #[test]
    fn markers_only_at_the_start_of_a_word() {
        // "PGS.TS." and a name with "Q." inside a word are not split.
        assert_eq!(printed(&["TM. Hội đồng Thi đua"]), ["TM. Hội đồng Thi đua"]);
        let l = authority(&[sp("Thay mặt Ủy ban nhân dân")]);
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].marker, None);
        assert_eq!(printed(&["tm. ủy ban nhân dân"]), ["TM. ủy ban nhân dân"]);
        assert_eq!(printed(&["TMT. X"]), ["TMT. X"]);
        assert!(printed(&["", " - "]).is_empty());
    }

    #[test]
    fn seals() {
        assert!(!has_seal(None, "Tổ xung kích cứu hộ thôn Gò Da"));
        assert!(!has_seal(None, "Thôn Gò Da, xã Minh Long"));
        assert!(!has_seal(None, "Hộ ông Phạm Văn Tư"));
        assert!(has_seal(None, "Ủy ban nhân dân xã Minh Long"));
        assert!(has_seal(None, "Tổng công ty Điện lực"));
        assert!(has_seal(None, "Ban Chỉ huy quân sự xã Minh Long"));
        assert!(!has_seal(None, "Trung đội dân quân cơ động xã Gia Viễn"));
        assert_eq!(
            sealless_title("Trung đội dân quân cơ động xã Gia Viễn"),
            "Trung đội trưởng"
        );
        let no = Sp::new(
            false,
            Span::at(Pos {
                line: 1,
                column: 1,
                byte: 0,
            }),
        );
        assert!(!has_seal(Some(&no), "Ủy ban nhân dân xã Minh Long"));
        assert_eq!(
            sealless_title("Tổ xung kích cứu hộ thôn Gò Da"),
            "Tổ trưởng"
        );
        assert_eq!(sealless_title("Thôn Gò Da"), "Trưởng thôn");
        assert_eq!(sealless_title("Tổ dân phố số 3"), "Tổ trưởng tổ dân phố");
        assert!(is_deputy("Phó Chủ tịch"));
        assert!(!is_deputy("Chủ tịch"));
        assert!(!is_deputy("Phóng viên"));
    }
}
