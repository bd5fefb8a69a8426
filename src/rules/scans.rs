//! DK008: a bundle that carries no scan of the signed tờ trình.
//!
//! The YAML files say what the documents say; only a scan shows them signed and sealed. A
//! bundle without one was packed and verified without a word (C19/C20 of the clerk's trial), and
//! the receiving office learnt it on opening it. This is not a `check` rule: a dossier is
//! checked all along, before anything is signed, and a warning there would be noise until the
//! last day. It is said where the bundle is made and where it is received (`pack`, `verify`).
//!
//! What counts as the signed tờ trình's scan: a file named by the tờ trình's own `dinh_kem`
//! (the format's "bản quét tờ trình đã ký") that is there and is a PDF, JPEG or PNG by its bytes.
//! The tool cannot see a signature on a page; the format gives that field to the signed scan, so
//! a file there is taken as one. A scan attached to the minutes or a report is no scan of the
//! tờ trình, but the message says whether the bundle has any scan at all.

use crate::diag::Finding;
use crate::dossier::files::{normalise_path, on_disk, sniff, Sniffed};
use crate::dossier::Dossier;
use crate::msg;
use crate::rules::Rule;
use crate::source::Sp;
use crate::store::{Kind, Store};

/// Whether one of `attachments` is a scan present in `store`.
fn has_scan(store: &dyn Store, attachments: &[Sp<String>]) -> bool {
    attachments.iter().any(|a| {
        let rel = normalise_path(&a.v);
        let disk = on_disk(store, &rel).unwrap_or(rel);
        if !matches!(store.kind(&disk), Kind::File(_)) {
            return false;
        }
        let mut head = [0u8; 16];
        let n = store.head(&disk, &mut head);
        matches!(
            sniff(head.get(..n).unwrap_or(&[])),
            Sniffed::Pdf | Sniffed::Jpeg | Sniffed::Png
        )
    })
}

/// DK008 for a dossier about to be packed or just received; None when its tờ trình has a scan
/// (or there is no tờ trình, which HS001 says).
#[must_use]
pub fn no_signed_scan(d: &Dossier, store: &dyn Store) -> Option<Finding> {
    let tt = d.to_trinh.as_ref()?;
    if has_scan(store, &tt.dinh_kem) {
        return None;
    }
    let file = d.to_trinh_file.as_deref().unwrap_or("to-trinh.yaml");
    let others = d
        .bien_ban
        .as_ref()
        .is_some_and(|b| has_scan(store, &b.dinh_kem))
        || d.reports.iter().any(|r| has_scan(store, &r.dinh_kem));
    let message = if others {
        msg!("tờ trình không kèm bản quét đã ký (không có dinh_kem): gói chỉ mang nội dung tờ trình, không có chữ ký và con dấu";
             "the proposal has no signed scan attached (no dinh_kem): the bundle carries its text only, without signature or seal")
    } else {
        msg!("gói hồ sơ không có bản quét nào của văn bản đã ký (tờ trình, biên bản, báo cáo không có dinh_kem): nơi nhận chỉ nhận được nội dung, không có chữ ký và con dấu";
             "the bundle has no scan of any signed document (the proposal, minutes and reports have no dinh_kem): the receiving office gets their text only, without signatures or seals")
    };
    Some(
        Finding::new(Rule::DK008, file, None, message).help(msg!(
            "quét tờ trình đã ký (PDF, JPEG hoặc PNG), đặt vào thư mục dinh-kem/ và ghi vào to-trinh.yaml, ví dụ: dinh_kem: dinh-kem/to-trinh.pdf; rồi đóng gói lại";
            "scan the signed proposal (PDF, JPEG or PNG), put it in the dinh-kem/ folder and name it in to-trinh.yaml, e.g. dinh_kem: dinh-kem/to-trinh.pdf; then pack again"
        )),
    )
}
