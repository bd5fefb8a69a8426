//! One nominee's achievement report (báo cáo thành tích), drafted from `bao-cao/<ma>.yaml`.
//!
//! The headings are those common to the decrees' report templates: "I. Sơ lược lý lịch" (for a
//! collective "đặc điểm, tình hình", for a household its details), "II. Thành tích đạt được" as
//! action, achievement and merit, the standards where the rule set has them, the recognition of
//! an ad hoc award, then the reporter's and the confirming body's signatures.
//!
//! Who issues it (#18, the clerk's C13): a report written by the nominee (an individual, a
//! household) carries the national title alone; a collective's carries the collective under its
//! parent when the report names one (`co_quan_cap_tren`). The nominee's `don_vi` is never printed
//! as the issuer: it was, and a farmer's own report came out "issued" by his village. The
//! confirmation block is the confirming body's, with its signer's authority (TM., KT. …, see
//! `signature`), sealed unless the body has none; a thôn's team or a household signs with its
//! name written out.
//!
//! Decree 91/2017 has separate templates for a collective (Mẫu số 01), an individual (02) and an
//! ad hoc award (06); only their names were read, and none of the templates of Decrees 91, 98
//! or 152 (`docs/legal-sources.md`, 4.4 and section 10): the headers, titles and blocks here are
//! the project's reading.

use super::facts::Facts;
use super::signature;
use super::words::text;
use crate::dossier::authority;
use crate::dossier::model::{BaoCao, NomineeType, XacNhan};
use crate::page::model::{Block, Document, Header, Signature};
use crate::source::Sp;

/// A text block of the report as paragraphs. A clerk wraps long lines of a YAML `|` text by
/// hand, so a line continues the paragraph above it, unless it opens a list item ("- ", "+ ",
/// "• ", "1. ", "a) ") or follows a blank line.
fn lines(blocks: &mut Vec<Block>, s: Option<&Sp<String>>) {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut open = false;
    for line in text(s).lines().map(str::trim) {
        if line.is_empty() {
            open = false;
            continue;
        }
        match paragraphs.last_mut() {
            Some(last) if open && !starts_item(line) => {
                last.push(' ');
                last.push_str(line);
            }
            _ => paragraphs.push(line.to_owned()),
        }
        open = true;
    }
    blocks.extend(paragraphs.into_iter().map(Block::body));
}

fn starts_item(line: &str) -> bool {
    if line.starts_with("- ") || line.starts_with("+ ") || line.starts_with('•') {
        return true;
    }
    let marker: String = line
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let rest = &line[marker.len()..];
    !marker.is_empty()
        && marker.len() <= 3
        && (rest.starts_with(". ") || rest.starts_with(") "))
        && (marker.chars().all(|c| c.is_ascii_digit()) || marker.len() == 1)
}

/// One nominee's achievement report.
pub(super) fn report(f: &Facts<'_>, r: &BaoCao) -> Document {
    let t = r.loai.as_ref().map_or(NomineeType::Individual, |l| l.v);
    let name = text(r.ten.as_ref());
    // The rank before the name wherever a reader sees the nominee named; the signature keeps
    // the name alone ("ghi rõ họ và tên").
    let shown = super::words::printed(&r.shown_name());
    let unit = text(r.don_vi.as_ref());
    let position_unit = text(r.chuc_vu_don_vi.as_ref());
    let confirm = r.xac_nhan.as_ref();
    let confirming_body = confirm
        .map(|x| text(x.co_quan.as_ref()))
        .unwrap_or_default();
    let mut blocks = Vec::new();
    let section_one = match t {
        NomineeType::Individual => "I. SƠ LƯỢC LÝ LỊCH",
        NomineeType::Collective => "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH",
        NomineeType::Household => "I. THÔNG TIN VỀ HỘ GIA ĐÌNH",
    };
    blocks.push(Block::heading(section_one));
    let name_label = match t {
        NomineeType::Individual => "Họ và tên:",
        NomineeType::Collective => "Tên tập thể:",
        NomineeType::Household => "Hộ gia đình:",
    };
    blocks.push(Block::labelled(name_label, shown.clone()));
    if let Some(d) = &r.ngay_sinh {
        // As the list gave it: a year alone is "Năm sinh: 1985", never a made-up date.
        blocks.push(Block::labelled(d.v.label(), d.v.dmy()));
    }
    if let Some(g) = &r.gioi_tinh {
        let g = match g.v.trim() {
            "nam" => "Nam".to_owned(),
            "nu" => "Nữ".to_owned(),
            other => other.to_owned(),
        };
        blocks.push(Block::labelled("Giới tính:", g));
    }
    let position = text(r.chuc_vu.as_ref());
    if !position_unit.is_empty() {
        // Position and unit in one text print as one line, in their place (HS019 warns when
        // separate ones beside it say otherwise).
        blocks.push(Block::labelled(
            "Chức vụ, đơn vị công tác:",
            position_unit.clone(),
        ));
    } else if !position.is_empty() {
        blocks.push(Block::labelled("Chức vụ:", position));
    }
    if !unit.is_empty() && position_unit.is_empty() {
        let label = if t == NomineeType::Household {
            "Nơi cư trú:"
        } else {
            "Đơn vị:"
        };
        blocks.push(Block::labelled(label, unit.clone()));
    }
    let kind = f.nominee_kind(r.doi_tuong.as_ref());
    if !kind.is_empty() {
        blocks.push(Block::labelled("Đối tượng:", kind));
    }
    blocks.push(Block::heading("II. THÀNH TÍCH ĐẠT ĐƯỢC"));
    if let (Some(a), Some(b)) = (&r.tu, &r.den) {
        blocks.push(Block::labelled(
            "Thời gian:",
            format!("từ ngày {} đến ngày {}.", a.v.dmy(), b.v.dmy()),
        ));
    }
    blocks.push(Block::heading("1. Hành động"));
    lines(&mut blocks, r.hanh_dong.as_ref());
    blocks.push(Block::heading("2. Thành tích"));
    lines(&mut blocks, r.thanh_tich.as_ref());
    blocks.push(Block::heading("3. Công trạng"));
    lines(&mut blocks, r.cong_trang.as_ref());
    if let Some(claims) = &r.tieu_chuan {
        blocks.push(Block::heading("4. Tiêu chuẩn"));
        let standards = r
            .doi_tuong
            .as_ref()
            .and_then(|k| f.rs.and_then(|rs| rs.nominee_kind(&k.v)))
            .map(|k| k.standards.as_slice())
            .unwrap_or_default();
        for c in &claims.v {
            let what = standards
                .iter()
                .find(|s| s.id == c.id.v)
                .map_or(c.id.v.clone(), |s| {
                    s.text.trim().trim_end_matches(['.', ';']).to_owned()
                });
            let met = match c.met.as_ref().map(|m| m.v) {
                Some(true) => "đạt",
                Some(false) => "không đạt",
                None => "chưa rõ",
            };
            blocks.push(Block::body(format!("- {what}: {met}.")));
        }
    }
    if let Some(g) = &r.ghi_nhan {
        blocks.push(Block::labelled(
            "Được ghi nhận:",
            super::words::printed(&g.v),
        ));
    }
    let reporter = reporter(t, r, &name);
    let confirmer = confirm.map(|x| confirmation(x, &confirming_body));
    blocks.push(Block::Closing {
        recipients: Vec::new(),
        right: reporter,
        left: confirmer,
    });
    // The report's own date, else the day it was confirmed; never the tờ trình's, which is
    // another document's (the clerk's C-trial: a report without either printed the tờ trình's
    // day as its own). Without either, the date line is left for the clerk to fill in.
    let own = r
        .ngay
        .as_ref()
        .or_else(|| confirm.and_then(|x| x.ngay.as_ref()))
        .map(|d| d.v);
    let date = own.unwrap_or(f.date);
    let undated = own.is_none();
    let doc_type = if f.ad_hoc {
        "BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ KHEN THƯỞNG ĐỘT XUẤT"
    } else {
        "BÁO CÁO TÓM TẮT THÀNH TÍCH"
    };
    // Who issues the report (#18, C13): an individual or a household writes its own report,
    // which carries the national title alone; a collective issues it under its parent when
    // the report names one (`co_quan_cap_tren`). The nominee's `don_vi` is never the issuer
    // (a farmer's report is not "issued" by his village), nor is the confirming body's parent.
    let (parent, issuer) = match t {
        NomineeType::Collective => (
            r.co_quan_cap_tren
                .as_ref()
                .map(|p| p.v.trim().to_owned())
                .filter(|p| !p.is_empty()),
            shown.clone(),
        ),
        NomineeType::Individual | NomineeType::Household => (None, String::new()),
    };
    Document {
        stem: format!("bao-cao/{}", r.file_ma),
        meta_title: format!("Báo cáo thành tích: {shown}"),
        date,
        stamp: f.stamp,
        undated,
        signing_year: false,
        header: Header {
            parent,
            issuer,
            symbol: r.so_ky_hieu.as_ref().map(|s| super::words::printed(&s.v)),
            place: f.place.clone(),
        },
        doc_type: doc_type.to_owned(),
        summary: vec![format!("Đề nghị tặng {}", f.form), format!("cho {}", shown)],
        blocks,
    }
}

/// The reporter's signature, right: the person for an individual's report; for a household its
/// head or `nguoi_ky`; for a collective `nguoi_ky` when written, else the head of a body with a
/// seal ("Thủ trưởng đơn vị", signed and sealed) or, for a body without one (a thôn's team), the
/// title its name gives ("Tổ trưởng"), signed with the name written out.
fn reporter(t: NomineeType, r: &BaoCao, name: &str) -> Signature {
    let signer_name = r
        .nguoi_ky
        .as_ref()
        .map(|p| text(p.ho_ten.as_ref()))
        .filter(|n| !n.is_empty());
    let own_lines = r
        .nguoi_ky
        .as_ref()
        .map(signature::lines)
        .filter(|l| !l.is_empty());
    match t {
        NomineeType::Individual => Signature {
            lines: vec!["Người báo cáo thành tích".to_owned()],
            note: Some(signature::note(false)),
            name: name.to_owned(),
        },
        NomineeType::Household => Signature {
            lines: own_lines.unwrap_or_else(|| vec!["Đại diện hộ gia đình".to_owned()]),
            note: Some(signature::note(false)),
            name: signer_name.unwrap_or_else(|| household_head(name)),
        },
        NomineeType::Collective => {
            let seal = authority::has_seal(r.con_dau.as_ref(), name);
            let lines = own_lines.unwrap_or_else(|| {
                vec![if seal {
                    "Thủ trưởng đơn vị".to_owned()
                } else {
                    authority::sealless_title(name)
                }]
            });
            let note = match (seal, &signer_name) {
                (true, None) => "(Ký, đóng dấu, ghi rõ họ và tên)".to_owned(),
                (seal, _) => signature::note(seal),
            };
            Signature {
                lines,
                note: Some(note),
                name: signer_name.unwrap_or_default(),
            }
        }
    }
}

/// The confirming body's signature, left: "Xác nhận của …", its signer's authority lines
/// (TM., KT. …) and title, signed and sealed unless the body has no seal.
fn confirmation(x: &XacNhan, body: &str) -> Signature {
    let mut lines = vec![if body.is_empty() {
        "Xác nhận".to_owned()
    } else {
        format!("Xác nhận của {body}")
    }];
    if let Some(p) = &x.nguoi_ky {
        lines.extend(signature::lines(p));
    }
    Signature {
        lines,
        note: Some(signature::note(authority::has_seal(
            x.con_dau.as_ref(),
            body,
        ))),
        name: x
            .nguoi_ky
            .as_ref()
            .map(|p| text(p.ho_ten.as_ref()))
            .unwrap_or_default(),
    }
}

/// "Hộ ông Đinh Văn Tâm" → "Đinh Văn Tâm": who signs for the household.
fn household_head(name: &str) -> String {
    for prefix in [
        "Hộ ông ",
        "Hộ bà ",
        "Hộ gia đình ông ",
        "Hộ gia đình bà ",
        "Hộ ",
    ] {
        if let Some(rest) = name.strip_prefix(prefix) {
            return rest.trim().to_owned();
        }
    }
    String::new()
}
