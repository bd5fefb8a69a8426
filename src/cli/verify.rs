//! `dossier verify BUNDLE.zip`: the receiving office's check of a bundle.

use std::io::{self, Write};

use super::setup;
use super::shown;
use super::{Exit, Format, VerifyArgs};
use crate::diag::Lang;
use crate::diag::Msg;
use crate::msg;
use crate::pack::cover::Recipient;
use crate::pack::cover_pdf::Layout;
use crate::render::{Item, Style, Summary};
use crate::verify::{verify_bundle, Verified};

pub(super) fn run(
    a: &VerifyArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    // The receiving office's own settings, found from where the bundle lies, as `check` finds
    // them from a dossier: its severities and pinned rule sets apply to what it receives.
    let start = match setup::start(&a.settings, &a.bundle, lang, out, err)? {
        Ok(s) => s,
        Err(exit) => return Ok(exit),
    };
    let verified = match verify_bundle(&a.bundle, &start.against()) {
        Ok(v) => v,
        Err(e) => {
            super::say_error(err, lang, &e.msg())?;
            return Ok(Exit::Trouble);
        }
    };
    let checked = &verified.checked;
    let style = Style {
        lang,
        color: false,
        quiet: false,
    };
    let mut renderer = super::check::renderer_for(a.format, style, true);
    let path = shown(&a.bundle);
    renderer.dossier(
        out,
        &Item {
            path: &path,
            checked,
        },
    )?;
    let mut summary = Summary::default();
    summary.add(&checked.findings);
    renderer.finish(out, &summary)?;
    let failed = checked.fails(false);
    let warned = checked
        .findings
        .iter()
        .any(|f| f.severity == crate::diag::Severity::Warning);
    if a.format == Format::Human {
        let said = match failed {
            false if warned => {
                msg!("Gói hồ sơ nguyên vẹn: mọi tệp khớp bảng kê, danh mục khớp hồ sơ, hồ sơ không có lỗi; có cảnh báo ở trên, đọc trước khi chấp nhận.";
                                    "The bundle is intact: every file matches the manifest, the cover list matches the dossier, and the dossier has no errors; read the warnings above before accepting it.")
            }
            false => {
                msg!("Gói hồ sơ nguyên vẹn: mọi tệp khớp bảng kê, danh mục khớp hồ sơ, hồ sơ không có lỗi.";
                          "The bundle is intact: every file matches the manifest, the cover list matches the dossier, and the dossier has no errors.")
            }
            true => {
                msg!("Gói hồ sơ KHÔNG đạt: xem các lỗi ở trên."; "The bundle did NOT pass: see the errors above.")
            }
        };
        writeln!(out, "{}", said.get(lang))?;
        if let Some(line) = destination(&verified) {
            writeln!(out, "{}", line.get(lang))?;
        }
    }
    Ok(if failed { Exit::Findings } else { Exit::Clean })
}

/// Where the bundle goes, as its cover list (checked to match the bundled dossier) says: the
/// concrete office, the sender's own setting, or the sender presenting it to the addressee.
fn destination(v: &Verified) -> Option<Msg> {
    let office = v.office.as_deref()?.trim();
    if office.is_empty() {
        return None;
    }
    // Names come from the bundle: shown as they print, a control or hidden character as
    // <U+…>, never sent to the terminal.
    let shown = crate::text::file_name::shown;
    let office = shown(office);
    Some(match (&v.recipient, v.layout) {
        (Some(Recipient::Configured(n)), _) => {
            let n = shown(n);
            msg!("Nơi nhận hồ sơ ghi trong danh mục: {n} (theo cài đặt noi_nhan_ho_so của nơi gửi).";
                 "Receiving office on the cover list: {n} (set by the sender's noi_nhan_ho_so).")
        }
        (
            Some(Recipient::Own {
                office: o,
                addressee: Some(a),
            }),
            _,
        ) => {
            let (a, o) = (shown(a), shown(o));
            msg!("Nơi nhận hồ sơ ghi trong danh mục: {a}, do {o} (cơ quan ban hành tờ trình, cũng là nơi nhận hồ sơ) trình trực tiếp.";
                 "Receiving office on the cover list: {a}, presented directly by {o} (the proposal's issuer, which is also the receiving office).")
        }
        (_, Some(Layout::V1))
            if ["cấp xã", "cấp huyện", "cấp tỉnh"]
                .iter()
                .any(|w| office.contains(w)) =>
        {
            msg!("Nơi nhận hồ sơ ghi trong danh mục: {office} (gói đóng bằng phiên bản trước của chương trình: nơi nhận ghi theo bộ quy tắc, chưa điền tên đơn vị).";
                 "Receiving office on the cover list: {office} (packed by an earlier version of the program: the rule set's office, its unit not filled in).")
        }
        _ => {
            msg!("Nơi nhận hồ sơ ghi trong danh mục: {office}."; "Receiving office on the cover list: {office}.")
        }
    })
}
