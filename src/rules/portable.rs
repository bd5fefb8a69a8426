//! File names that cannot travel (DK006): a report or an attachment whose name `verify` at the
//! receiving office would refuse (a Windows device name such as `aux.pdf`, a trailing dot or
//! space, an NTFS stream, a character that hides or reorders text). `pack` stops on such a name
//! only after writing the bundle; the clerk should hear it at `check`, where she renames the file.

use super::check::Ctx;
use crate::diag::Finding;
use crate::msg;
use crate::rules::Rule;
use crate::source::Span;
use crate::text::file_name::unsafe_name;

pub(crate) fn check(cx: &mut Ctx<'_>) {
    let d = cx.d;
    let mut named: Vec<(String, String, Option<Span>)> = Vec::new();
    let mut add = |file: &str, v: &crate::source::Sp<String>| {
        named.push((file.to_owned(), v.v.clone(), Some(v.at)));
    };
    if let Some(t) = &d.to_trinh {
        let f = cx.to_trinh_file().to_owned();
        t.dinh_kem.iter().for_each(|a| add(&f, a));
    }
    if let Some(b) = &d.bien_ban {
        let f = cx.bien_ban_file().to_owned();
        b.dinh_kem.iter().for_each(|a| add(&f, a));
    }
    for r in &d.reports {
        r.dinh_kem.iter().for_each(|a| add(&r.file, a));
    }
    for (f, _) in &d.report_files {
        named.push((f.clone(), f.clone(), None));
    }
    for (file, name, span) in named {
        let rel = super::normalise_path(&name);
        // Names that leave the folder are DK002's.
        if rel.starts_with('/') || rel.split('/').any(|s| s == "..") {
            continue;
        }
        let Some((vi, en)) = unsafe_name(rel.as_bytes(), false) else {
            continue;
        };
        cx.push(
            Finding::new(
                Rule::DK006,
                &file,
                span,
                msg!("tên tệp \"{}\" không gửi đi được: {}; gói hồ sơ sẽ bị nơi nhận từ chối", rel, vi;
                     "the file name \"{}\" cannot travel: {}; the receiving office would refuse the bundle", rel, en),
            )
            .help(msg!("đổi tên tệp, chỉ dùng chữ, số, dấu cách và dấu gạch ngang (ví dụ \"dinh-kem/quyet-dinh.pdf\"), rồi sửa tên trong văn bản theo";
                       "rename the file using letters, digits, spaces and hyphens (e.g. \"dinh-kem/quyet-dinh.pdf\"), and correct the name in the document")),
        );
    }
}
