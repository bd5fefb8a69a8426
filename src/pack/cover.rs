//! What the cover list says, taken from the checked dossier and its rule set.
//!
//! Its "Số trang/ dung lượng" column gives each component's pages as the receiving office
//! counts sheets: the pages of its PDF scans (counted by `pages.rs`, from the same bytes in
//! `pack` and in `verify`), the size of its images, and the size with "?" for a PDF whose
//! pages could not be counted for sure.

use std::collections::BTreeMap;
use std::path::Path;

use super::cover_pdf::{ComponentRow, CoverList, NomineeRow};
use crate::criteria::RuleSet;
use crate::dossier::Dossier;
use crate::store::{Kind, Store};

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

/// Build the cover list of a dossier that passed the check.
#[must_use]
pub fn cover_list(d: &Dossier, store: &dyn Store, rs: &RuleSet, pages: &PageCounts) -> CoverList {
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
    components.push(ComponentRow {
        name: "Tờ trình đề nghị khen thưởng (kèm danh sách)".to_owned(),
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

    CoverList {
        parent_body: tt.co_quan_cap_tren.as_ref().map(|s| s.v.trim().to_owned()),
        issuer: text(tt.co_quan.as_ref()),
        symbol: text(tt.so_ky_hieu.as_ref()),
        place: text(tt.dia_danh.as_ref()),
        date: tt.ngay.as_ref().map(|d| d.v).unwrap_or_default(),
        procedure: rs.procedure.ten.clone(),
        procedure_basis: rs.procedure.can_cu.clone(),
        campaign: rs.ten.clone(),
        award_form: form.map(|f| f.ten.clone()).unwrap_or_default(),
        award_kind: kind.map(|k| k.ten.clone()),
        office: level.map(|l| l.office.clone()).unwrap_or_default(),
        copies: level.and_then(|l| l.copies),
        components,
        nominees,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_an_office_writes_them() {
        assert_eq!(human_size(512), "512 byte");
        assert_eq!(human_size(35_000), "35 KB");
        assert_eq!(human_size(1_230_000), "1,2 MB");
        assert_eq!(human_size(48_000_000), "48,0 MB");
    }
}
