//! HS020: an entry of the dossier folder that is a link leading out of it, or nowhere (#17).
//!
//! A dossier is what its folder holds. A link out of it, most often a whole `dinh-kem/` or
//! `bao-cao/` linked to a folder elsewhere, makes the folder look like it holds files it does
//! not: `pack` bundled the outside files and `verify` called the bundle intact, `add` and
//! `remove` wrote and deleted files in the outside folder. Nothing is read through such a link
//! (`Folder::kind` calls every path through it `OutsideLink`), and the link itself is an error
//! here, whether or not a document names a file through it.
//!
//! One finding per link, at the link: a component that is one is HS011's (its reader refuses
//! it), an attachment that is one is DK002's (at the document's line); an attachment reached
//! through a linked folder is said here, in the folder's finding, not once per attachment.

use std::collections::HashSet;

use super::context::Ctx;
use crate::diag::Finding;
use crate::dossier::files::normalise_path;
use crate::msg;
use crate::rules::Rule;
use crate::store::Kind;

/// The components, read (and refused) by the loader.
const COMPONENTS: &[&str] = &[
    "ho-so.yaml",
    "ho-so.yml",
    "to-trinh.yaml",
    "to-trinh.yml",
    "bien-ban.yaml",
    "bien-ban.yml",
];

/// The paths the documents name as files: their attachments and a rule-set file.
fn named(cx: &Ctx<'_>) -> HashSet<String> {
    let d = cx.d;
    let mut v: Vec<&str> = Vec::new();
    if let Some(t) = &d.to_trinh {
        v.extend(t.dinh_kem.iter().map(|a| a.v.as_str()));
    }
    if let Some(b) = &d.bien_ban {
        v.extend(b.dinh_kem.iter().map(|a| a.v.as_str()));
    }
    for r in &d.reports {
        v.extend(r.dinh_kem.iter().map(|a| a.v.as_str()));
    }
    if let Some(p) = d.ho_so.as_ref().and_then(|h| h.phong_trao.as_ref()) {
        v.push(p.v.as_str());
    }
    v.into_iter().map(normalise_path).collect()
}

/// Whether `rel`'s own link (not one above it) is a listed entry: its finding is then HS020's.
#[must_use]
pub(super) fn said_at_the_folder(cx: &Ctx<'_>, rel: &str) -> bool {
    cx.store
        .outside_link(rel)
        .is_some_and(|l| l.rel != rel && cx.d.files.binary_search(&l.rel).is_ok())
}

pub(super) fn check(cx: &mut Ctx<'_>) {
    let d = cx.d;
    let named = named(cx);
    let reports: HashSet<&str> = d.report_files.iter().map(|(r, _)| r.as_str()).collect();
    for f in &d.files {
        if COMPONENTS.contains(&f.as_str())
            || reports.contains(f.as_str())
            || named.contains(f)
            || !matches!(cx.store.kind(f), Kind::OutsideLink)
        {
            continue;
        }
        let Some(link) = cx.store.outside_link(f) else {
            continue;
        };
        // Only the link itself: an entry below a linked folder is not listed (the folder is not
        // walked), but a link found above a listed entry is said at its own entry.
        if link.rel != *f {
            continue;
        }
        let inside = format!("{f}/");
        let mut through: Vec<&String> = named.iter().filter(|n| n.starts_with(&inside)).collect();
        through.sort();
        let (lost_vi, lost_en) = if f == "bao-cao" {
            (
                "; các báo cáo thành tích ở đó không được đọc".to_owned(),
                "; the achievement reports there are not read".to_owned(),
            )
        } else if let Some(first) = through.first() {
            let n = through.len();
            (
                format!("; {n} tệp đính kèm các văn bản ghi qua liên kết này (\"{first}\"…) vì thế không được đọc"),
                format!("; the {n} attachment(s) the documents name through it (\"{first}\"…) are therefore not read"),
            )
        } else {
            (String::new(), String::new())
        };
        let what = if link.folder {
            ("thư mục", "folder")
        } else {
            ("tệp", "file")
        };
        cx.push(
            Finding::new(
                Rule::HS020,
                f,
                None,
                msg!("\"{}\" là liên kết trỏ ra ngoài thư mục hồ sơ (hoặc tới chỗ không còn), {}: những gì ở đó không thuộc hồ sơ, chương trình không đọc, và gói hồ sơ không mang theo được{}", f, link.to.vi, lost_vi;
                     "\"{}\" is a link leading out of the dossier folder (or to nothing), {}: what is there is not part of the dossier, it is not read, and the bundle cannot carry it{}", f, link.to.en, lost_en),
            )
            .help(msg!("thay liên kết bằng {} thật: xóa liên kết (xóa liên kết không xóa thứ nó trỏ tới), rồi chép {} đó vào thư mục hồ sơ dưới đúng tên \"{}\"", what.0, what.0, f;
                       "replace the link with the real {}: delete the link (deleting a link does not delete what it leads to), then copy that {} into the dossier folder under the name \"{}\"", what.1, what.1, f)),
        );
    }
}
