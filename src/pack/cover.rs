//! What the cover list says, taken from the checked dossier and its rule set.
//!
//! Its "Số trang/ dung lượng" column gives each component's pages as the receiving office
//! counts sheets: the pages of its PDF scans (counted by `pages.rs`, from the same bytes in
//! `pack` and in `verify`), the size of its images, and the size with "?" for a PDF whose
//! pages could not be counted for sure.
//!
//! Its "Nơi nhận hồ sơ" is a concrete office ([`Recipient`]): the office's own setting
//! (`noi_nhan_ho_so` in `.dossier.yaml`), else the rule set's office with the dossier's place
//! filled in ("cấp xã" → "xã Minh Long"), and never the sender itself: a bundle whose office is
//! the body that issued the tờ trình is presented by it to the addressee (`docs/cover-list.md`).

use std::collections::BTreeMap;
use std::path::Path;

use super::cover_pdf::{ComponentRow, CoverList, Layout, NomineeRow};
use crate::criteria::{RuleSet, SetKind};
use crate::dossier::place::{Level, Places};
use crate::dossier::Dossier;
use crate::store::{Kind, Store};

/// Who receives the bundle, and how the tool knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipient {
    /// The office named by the sender's settings (`noi_nhan_ho_so` in `.dossier.yaml`).
    Configured(String),
    /// The rule set's office, its level filled with the dossier's unit ("Văn phòng Hội đồng
    /// nhân dân và Ủy ban nhân dân xã Minh Long"), or one that names no level at all.
    Office(String),
    /// The rule set's office names a level ("cấp xã") the dossier names no unit of: the generic
    /// name, which the clerk is told to complete.
    Unfilled {
        /// The rule set's words.
        generic: String,
        /// The level left unfilled.
        level: Level,
    },
    /// The receiving office is the tờ trình's issuer itself: the bundle goes to no other
    /// office; the issuer presents it to the tờ trình's addressee (`kinh_gui`), if it names one.
    Own {
        /// The issuer, which is the receiving office.
        office: String,
        /// The tờ trình's addressee.
        addressee: Option<String>,
    },
    /// No copies are sent: the dossier stays with the unit (the rule set's or the settings'
    /// words).
    Kept(String),
}

impl Recipient {
    /// What the cover list prints after "Nơi nhận hồ sơ:".
    #[must_use]
    pub fn printed(&self) -> String {
        match self {
            Recipient::Configured(n) | Recipient::Office(n) | Recipient::Kept(n) => n.clone(),
            Recipient::Unfilled { generic, .. } => generic.clone(),
            Recipient::Own {
                office,
                addressee: Some(a),
            } => format!("{a} (do {office} trình trực tiếp)"),
            Recipient::Own {
                office,
                addressee: None,
            } => format!("{office} (nơi lập tờ trình, lưu tại đây)"),
        }
    }

    /// The one name a message gives for where the bundle goes.
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            Recipient::Configured(n) | Recipient::Office(n) | Recipient::Kept(n) => n,
            Recipient::Unfilled { generic, .. } => generic,
            Recipient::Own {
                addressee: Some(a), ..
            } => a,
            Recipient::Own { office, .. } => office,
        }
    }
}

/// Two names of one body: equal after NFC, with the tone marks placed alike, in any case and
/// spacing ("Văn phòng HĐND…" typed twice by two people).
#[must_use]
pub fn same_body(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        crate::text::fold::fold_tone_placement(s)
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, b) = (key(a), key(b));
    !a.is_empty() && a == b
}

/// The receiving office of a dossier: `setting` (the office's `noi_nhan_ho_so` for the rule
/// set's level) wins; else the level's office with the dossier's place filled in. Either one
/// that is the tờ trình's issuer is [`Recipient::Own`].
#[must_use]
pub fn recipient(d: &Dossier, rs: &RuleSet, setting: Option<&str>) -> Recipient {
    let level = level_of(d, rs);
    let setting = setting.map(str::trim).filter(|s| !s.is_empty());
    let named = match (setting, level) {
        (Some(s), _) => Recipient::Configured(crate::text::to_nfc(s).into_owned()),
        (None, None) => return Recipient::Office(String::new()),
        (None, Some(l)) => match Places::of(d).fill(l.office.trim()) {
            Ok(name) => Recipient::Office(name),
            Err(level) => Recipient::Unfilled {
                generic: l.office.trim().to_owned(),
                level,
            },
        },
    };
    if level.is_some_and(|l| l.copies.is_none()) {
        return Recipient::Kept(named.name().to_owned());
    }
    let tt = d.to_trinh.as_ref();
    let issuer = tt.and_then(|t| t.co_quan.as_ref()).map(|c| c.v.trim());
    match (&named, issuer) {
        (Recipient::Configured(n) | Recipient::Office(n), Some(i)) if same_body(n, i) => {
            Recipient::Own {
                office: n.clone(),
                addressee: tt
                    .and_then(|t| t.kinh_gui.as_ref())
                    .map(|k| k.v.trim().to_owned())
                    .filter(|k| !k.is_empty()),
            }
        }
        _ => named,
    }
}

/// The rule set's level of the dossier's award form.
#[must_use]
pub fn level_of<'a>(d: &Dossier, rs: &'a RuleSet) -> Option<&'a crate::criteria::Level> {
    let form = d
        .ho_so
        .as_ref()
        .and_then(|h| h.hinh_thuc.as_ref())
        .and_then(|f| rs.form(&f.v))?;
    rs.level(&form.level)
}

/// A campaign's name as printed after "Phong trào thi đua:": without those words when the name
/// starts with them ("Phong trào thi đua đặc biệt “…”" → "đặc biệt “…”").
fn campaign_name(name: &str) -> String {
    const WORDS: &str = "phong trào thi đua";
    let nfc = crate::text::to_nfc(name.trim()).into_owned();
    let n = WORDS.chars().count();
    let head: String = nfc.chars().take(n).collect();
    let follows = nfc.chars().nth(n);
    let rest: String = nfc.chars().skip(n).collect();
    let rest = rest.trim_start_matches([' ', ':']);
    if head.to_lowercase() == WORDS && matches!(follows, Some(' ' | ':')) && !rest.is_empty() {
        rest.to_owned()
    } else {
        nfc
    }
}

/// "35 KB", "1,2 MB": sizes as a Vietnamese office writes them (decimal comma).
#[must_use]
pub fn human_size(bytes: u64) -> String {
    const KB: u64 = 1000;
    if bytes < KB {
        return format!("{bytes} byte");
    }
    if bytes < KB * KB {
        return format!("{} KB", bytes.div_ceil(KB));
    }
    let tenths = (bytes * 10 + KB * KB / 2) / (KB * KB);
    format!("{},{} MB", tenths / 10, tenths % 10)
}

/// The page count of each PDF in the bundle, by its name in the bundle: `Some(n)` counted,
/// None a PDF whose pages could not be counted. A file not listed is no PDF.
pub type PageCounts = BTreeMap<String, Option<u64>>;

fn text(v: Option<&crate::source::Sp<String>>) -> String {
    v.map(|s| s.v.trim().to_owned()).unwrap_or_default()
}

/// The files of one component and their extent: "bản quét 3 trang" for PDF scans, their size
/// for images ("bản quét 3 trang, ảnh 120 KB"), and the size with "?" when a PDF's pages could
/// not be counted ("bản quét 35 KB (? trang)"); the YAML file's size when nothing is attached.
fn files_and_extent(
    store: &dyn Store,
    pages: &PageCounts,
    yaml: &str,
    scans: &[crate::source::Sp<String>],
) -> (String, String) {
    let mut files = vec![yaml.to_owned()];
    let (mut pdf_pages, mut pdf_bytes, mut unsure) = (0u64, 0u64, false);
    let (mut pdfs, mut images, mut image_bytes) = (0usize, 0usize, 0u64);
    for s in scans {
        let rel = crate::dossier::files::normalise_path(&s.v);
        let disk = crate::dossier::files::on_disk(store, &rel).unwrap_or_else(|| rel.clone());
        let size = match store.kind(&disk) {
            Kind::File(n) => n,
            _ => 0,
        };
        if pages.contains_key(&rel) {
            pdfs += 1;
        }
        match pages.get(&rel) {
            Some(Some(n)) => {
                pdf_pages = pdf_pages.saturating_add(*n);
                pdf_bytes = pdf_bytes.saturating_add(size);
            }
            Some(None) => {
                unsure = true;
                pdf_bytes = pdf_bytes.saturating_add(size);
            }
            None => {
                images += 1;
                image_bytes = image_bytes.saturating_add(size);
            }
        }
        files.push(rel);
    }
    let extent = if scans.is_empty() {
        match store.kind(yaml) {
            Kind::File(n) => human_size(n),
            _ => String::new(),
        }
    } else {
        let mut parts = Vec::new();
        if pdfs > 0 && unsure {
            parts.push(format!("{} (? trang)", human_size(pdf_bytes)));
        } else if pdfs > 0 {
            parts.push(format!("{pdf_pages} trang"));
        }
        if images > 0 && pdfs > 0 {
            parts.push(format!("ảnh {}", human_size(image_bytes)));
        } else if images > 0 {
            parts.push(human_size(image_bytes));
        }
        format!("bản quét {}", parts.join(", "))
    };
    (files.join("; "), extent)
}

/// Build the cover list of a dossier that passed the check, in a layout: [`Layout::CURRENT`]
/// for a new bundle; an older one to read back a bundle packed before it (`verify`), where
/// `recipient` is not used (those printed the rule set's office as it stands).
#[must_use]
pub fn cover_list(
    d: &Dossier,
    store: &dyn Store,
    rs: &RuleSet,
    pages: &PageCounts,
    recipient: &Recipient,
    layout: Layout,
) -> CoverList {
    let ho_so = d.ho_so.clone().unwrap_or_default();
    let tt = d.to_trinh.clone().unwrap_or_default();
    let form = ho_so.hinh_thuc.as_ref().and_then(|f| rs.form(&f.v));
    let level = form.and_then(|f| rs.level(&f.level));
    let kind = ho_so.loai_khen.as_ref().and_then(|k| rs.award_kind(&k.v));
    let tt_file = d
        .to_trinh_file
        .clone()
        .unwrap_or_else(|| "to-trinh.yaml".to_owned());

    let mut components = Vec::new();
    let (files, extent) = files_and_extent(store, pages, &tt_file, &tt.dinh_kem);
    // Several addressees are named on the tờ trình's row (one is the office's business, as
    // before); the frozen layout 1 prints none.
    let mut tt_name = "Tờ trình đề nghị khen thưởng (kèm danh sách)".to_owned();
    if layout != Layout::V1 && tt.kinh_gui_ds.len() > 1 {
        let all: Vec<String> = tt.kinh_gui_ds.iter().map(|a| text(Some(a))).collect();
        tt_name.push_str(&format!(", kính gửi: {}", all.join("; ")));
    }
    components.push(ComponentRow {
        name: tt_name,
        symbol: text(tt.so_ky_hieu.as_ref()),
        date: tt.ngay.as_ref().map(|d| d.v),
        file: files,
        extent,
    });
    if let (Some(bb), Some(f)) = (&d.bien_ban, &d.bien_ban_file) {
        let (files, extent) = files_and_extent(store, pages, f, &bb.dinh_kem);
        components.push(ComponentRow {
            name: "Biên bản họp bình xét khen thưởng".to_owned(),
            symbol: text(bb.so_ky_hieu.as_ref()),
            date: bb.ngay.as_ref().map(|d| d.v),
            file: files,
            extent,
        });
    }
    // In the order of the proposal's list, as section II; reports of no listed id last.
    let position = |r: &&crate::dossier::model::BaoCao| {
        let ma = r.ma.as_ref().map(|m| m.v.as_str());
        tt.danh_sach
            .iter()
            .position(|n| n.ma.as_ref().map(|m| m.v.as_str()) == ma)
            .unwrap_or(usize::MAX)
    };
    let mut reports: Vec<_> = d.reports.iter().collect();
    reports.sort_by(|a, b| position(a).cmp(&position(b)).then(a.file.cmp(&b.file)));
    for r in reports {
        let (files, extent) = files_and_extent(store, pages, &r.file, &r.dinh_kem);
        components.push(ComponentRow {
            name: format!("Báo cáo thành tích: {}", r.shown_name()),
            symbol: text(r.so_ky_hieu.as_ref()),
            date: r
                .xac_nhan
                .as_ref()
                .and_then(|x| x.ngay.as_ref())
                .map(|d| d.v),
            file: files,
            extent,
        });
    }

    let present = d
        .bien_ban
        .as_ref()
        .and_then(|b| b.co_mat.as_ref())
        .map(|c| c.v);
    let nominees = tt
        .danh_sach
        .iter()
        .map(|n| {
            let ma = n.ma.as_ref().map(|m| m.v.as_str()).unwrap_or("");
            let vote = d
                .bien_ban
                .as_ref()
                .and_then(|b| {
                    b.ket_qua
                        .iter()
                        .find(|v| v.ma.as_ref().is_some_and(|m| m.v == ma))
                })
                .and_then(|v| v.tan_thanh.as_ref())
                .map(|t| t.v);
            let votes = match (vote, present) {
                (Some(y), Some(p)) => format!("{y}/{p}"),
                _ => String::new(),
            };
            let position_unit = n.position_and_unit();
            let kind = n
                .doi_tuong
                .as_ref()
                .and_then(|k| rs.nominee_kind(&k.v))
                .map(|k| k.ten.clone())
                .unwrap_or_default();
            NomineeRow {
                name: n.shown_name(),
                position_unit,
                kind,
                votes,
            }
        })
        .collect();

    let campaign_set = rs.kind == SetKind::PhongTrao;
    let (procedure, procedure_basis, campaign) = match layout {
        Layout::V1 => (
            rs.procedure.ten.clone(),
            rs.procedure.can_cu.clone(),
            rs.ten.clone(),
        ),
        // A procedure's own name says what it is and its basis ("Khen thưởng theo thủ tục đơn
        // giản (Điều 85 …)"); a campaign is named, then the procedure it follows.
        Layout::V2 if campaign_set => (
            rs.procedure.ten.clone(),
            rs.procedure.can_cu.clone(),
            campaign_name(&rs.ten),
        ),
        Layout::V2 => (rs.ten.clone(), String::new(), String::new()),
    };
    let office = match layout {
        Layout::V1 => level
            .map(|l| v1_office(&rs.id, &l.id).map_or_else(|| l.office.clone(), str::to_owned))
            .unwrap_or_default(),
        Layout::V2 => recipient.printed(),
    };
    CoverList {
        layout,
        campaign_set,
        votes_column: layout == Layout::V1 || d.bien_ban.is_some(),
        parent_body: tt.co_quan_cap_tren.as_ref().map(|s| s.v.trim().to_owned()),
        issuer: text(tt.co_quan.as_ref()),
        symbol: text(tt.so_ky_hieu.as_ref()),
        place: text(tt.dia_danh.as_ref()),
        date: tt.ngay.as_ref().map(|d| d.v).unwrap_or_default(),
        undated: tt.ngay.is_none(),
        procedure,
        procedure_basis,
        campaign,
        // The form with the dossier's unit ("… Ủy ban nhân dân xã Minh Long"), as signed; left
        // as the rule set writes it where the dossier names no unit of its level.
        award_form: form
            .map(|f| match layout {
                Layout::V1 => f.ten.clone(),
                Layout::V2 => {
                    let named = Places::of(d).fill(&f.ten).unwrap_or_else(|_| f.ten.clone());
                    format!("{named}{}", decided_above(&ho_so))
                }
            })
            .unwrap_or_default(),
        award_kind: kind.map(|k| k.ten.clone()),
        office,
        copies: level.and_then(|l| l.copies),
        components,
        nominees,
    }
}

/// Who decides the form and through whom the proposal goes, where the dossier says it
/// (`cap_quyet_dinh`, `trinh_qua` of `ho-so.yaml`): " (cấp quyết định: Chủ tịch nước; trình
/// qua: Thủ tướng Chính phủ)", after the form's name; nothing where it says neither.
fn decided_above(ho_so: &crate::dossier::model::HoSo) -> String {
    let mut parts = Vec::new();
    let by = text(ho_so.cap_quyet_dinh.as_ref());
    if !by.is_empty() {
        parts.push(format!("cấp quyết định: {by}"));
    }
    let chain: Vec<String> = ho_so
        .trinh_qua
        .iter()
        .map(|t| text(Some(t)))
        .filter(|t| !t.is_empty())
        .collect();
    if !chain.is_empty() {
        parts.push(format!("trình qua: {}", chain.join(", ")));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join("; "))
    }
}

/// The size of the files in the plan (for the progress bar).
#[must_use]
pub fn total_size(files: &[(String, std::path::PathBuf)]) -> u64 {
    files
        .iter()
        .filter_map(|(_, p)| Path::new(p).metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// The offices layout 1 printed before #19 corrected them in the rule set: a bundle packed then
/// is made again with the words it was packed with, or it would fail GO007. Layout 1 reads the
/// rule set as it is now; a change to another of the words it prints belongs here too.
fn v1_office(rule_set: &str, level: &str) -> Option<&'static str> {
    match (rule_set, level) {
        ("nd152-2025-don-gian", "xa") => {
            Some("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân cấp xã")
        }
        ("nd152-2025-don-gian", "nha_nuoc") => Some(
            "Ban Thi đua - Khen thưởng Trung ương (qua cơ quan thường trực Hội đồng Thi đua - Khen thưởng bộ, ngành, tỉnh)",
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_body_in_any_case_spacing_or_tone_placement() {
        assert!(same_body(
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Minh Long",
            " VĂN PHÒNG  Hội đồng nhân dân và Uỷ ban nhân dân xã Minh Long"
        ));
        assert!(!same_body(
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Minh Long",
            "Ủy ban nhân dân xã Minh Long"
        ));
        assert!(!same_body("", " "));
    }

    #[test]
    fn a_campaign_is_named_once() {
        assert_eq!(
            campaign_name("Phong trào thi đua đặc biệt “Cả nước đoàn kết”"),
            "đặc biệt “Cả nước đoàn kết”"
        );
        assert_eq!(campaign_name("Thi đua yêu nước"), "Thi đua yêu nước");
        assert_eq!(campaign_name("Phong trào thi đua"), "Phong trào thi đua");
    }

    #[test]
    fn sizes_read_like_an_office_writes_them() {
        assert_eq!(human_size(512), "512 byte");
        assert_eq!(human_size(35_000), "35 KB");
        assert_eq!(human_size(1_230_000), "1,2 MB");
        assert_eq!(human_size(48_000_000), "48,0 MB");
    }
}
