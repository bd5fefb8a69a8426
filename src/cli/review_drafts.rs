//! `dossier review`'s drafts (`OUT/du-thao/`, `review::du_thao`): the office's tờ trình, the
//! decision(s) with the list, and the list as a sheet; refused before anything is written when
//! one exists (no `--force`), then written and said, with the nominees left out of the list and
//! a note naming the settings the drafts had to leave as "…".

use std::io::{self, Write};
use std::path::Path;

use super::setup::Start;
use super::Exit;
use super::{say_error as say, shown};
use crate::config::{Decider, Office};
use crate::diag::Lang;
use crate::msg;
use crate::review::decision::{Lists, Why};
use crate::review::du_thao::{self, Inputs, Planned};
use crate::review::Review;

/// Exit 2 when a draft's file exists and `force` is not given, or when a folder is where a
/// draft goes (or a file where the folder goes), `--force` or not; said, nothing written.
pub(super) fn refuse_existing(
    out: &Path,
    plan: &Planned,
    force: bool,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Option<Exit>> {
    if plan.is_empty() {
        return Ok(None);
    }
    let what = msg!("tệp dự thảo"; "a draft");
    super::review_letters::refuse_in_the_way(
        &out.join(du_thao::FOLDER),
        &plan.files(out),
        &what,
        force,
        lang,
        err,
    )
}

/// Say the nominees of accepted dossiers left out of the list, and why.
fn left_out(review: &Review, lists: &Lists, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let name = |(d, n): (usize, usize)| {
        let r = &review.dossiers[d];
        let who = crate::text::file_name::shown(&r.people[n].name);
        format!("{who} ({})", shown(&r.source.path))
    };
    for l in &lists.left_out {
        let who = name(l.at);
        let m = match l.why {
            Why::Again { first } => {
                let first = name(first);
                msg!("KHÔNG ĐƯA VÀO DANH SÁCH: {who}: đã có trong danh sách theo đề nghị trước, {first}";
                     "LEFT OUT OF THE LIST: {who}: already in it by an earlier proposal, {first}")
            }
            Why::Awarded { .. } => {
                msg!("KHÔNG ĐƯA VÀO DANH SÁCH: {who}: đã được khen cùng hình thức trong cùng phong trào (sổ khen thưởng)";
                     "LEFT OUT OF THE LIST: {who}: already given the same form for the same campaign (register)")
            }
        };
        writeln!(out, "{}", m.get(lang))?;
    }
    for g in &lists.alike {
        let names: Vec<String> = g.iter().map(|&a| name(a)).collect();
        let names = names.join(", ");
        let m = msg!("CÓ THỂ TRÙNG, đều có trong danh sách (xem lại trước khi trình ký): {names}";
                     "PERHAPS A DUPLICATE, both in the list (look again before it is signed): {names}");
        writeln!(out, "{}", m.get(lang))?;
    }
    Ok(())
}

/// Write the drafts and say each; exit 2 when one cannot be made. Without a nominee accepted,
/// says that there is nothing to draft.
#[allow(clippy::too_many_arguments)]
pub(super) fn write(
    dir: &Path,
    review: &Review,
    lists: &Lists,
    plan: &Planned,
    start: &Start,
    force: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Option<Exit>> {
    if plan.is_empty() {
        writeln!(
            out,
            "{}",
            msg!("Không có đề nghị nào được chấp nhận: không soạn dự thảo quyết định (du-thao).";
                 "No nominee accepted: no draft decision (du-thao).")
            .get(lang)
        )?;
        return Ok(None);
    }
    let office = start.config.office.as_ref();
    let decider = start.config.decider.as_ref();
    let inputs = Inputs {
        review,
        lists,
        office,
        decider,
        day: start.today,
    };
    // Official documents to Vietnamese bodies: in Vietnamese whatever the terminal speaks.
    if let Err(e) = du_thao::write(dir, &inputs, plan, force) {
        say(err, lang, &e)?;
        return Ok(Some(Exit::Trouble));
    }
    left_out(review, lists, lang, out)?;
    let folder = dir.join(du_thao::FOLDER);
    let t = shown(&folder.join(du_thao::PROPOSAL));
    writeln!(
        out,
        "{}",
        msg!("Đã ghi dự thảo tờ trình: {t} (.docx, .pdf)"; "Draft proposal written: {t} (.docx, .pdf)")
            .get(lang)
    )?;
    for (d, stem) in lists.decisions.iter().zip(&plan.decisions) {
        let t = shown(&folder.join(stem));
        let n = d.everyone().count();
        writeln!(
            out,
            "{}",
            msg!("Đã ghi dự thảo quyết định: {t} (.docx, .pdf), {n} đối tượng";
                 "Draft decision written: {t} (.docx, .pdf), {}", crate::diag::en_count(n, "nominee", "nominees"))
            .get(lang)
        )?;
    }
    // One list per decision, named by its form as the decision is.
    for sheet in plan.sheets() {
        let t = shown(&folder.join(sheet));
        writeln!(
            out,
            "{}",
            msg!("Đã ghi danh sách khen thưởng: {t}"; "Award list written: {t}").get(lang)
        )?;
    }
    let mut missing = Office::missing(office);
    missing.extend(Decider::missing(decider));
    if !missing.is_empty() {
        let keys = missing.join(", ");
        let m = msg!(
            "Lưu ý: tệp cấu hình (.dossier.yaml) chưa ghi {keys}; dự thảo để \"…\" ở những chỗ đó (xem docs/office.md).";
            "Note: the settings file (.dossier.yaml) does not give {keys}; the drafts leave \"…\" there (see docs/office.md)."
        );
        writeln!(out, "{}", m.get(lang))?;
    }
    Ok(None)
}

/// Files in `OUT/du-thao/` this review did not write (an earlier review's drafts, of a form no
/// longer proposed, or from before every dossier was returned): said, never removed, since a
/// draft decision left there must not be signed for this review by mistake.
pub(super) fn stale(dir: &Path, plan: &Planned, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let written: std::collections::HashSet<std::path::PathBuf> =
        plan.files(dir).into_iter().collect();
    let Ok(entries) = std::fs::read_dir(dir.join(du_thao::FOLDER)) else {
        return Ok(());
    };
    let mut old: Vec<std::path::PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            !written.contains(p)
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    old.sort();
    if old.is_empty() {
        return Ok(());
    }
    let n = old.len();
    let names: Vec<String> = old.iter().map(|p| shown(p)).collect();
    let names = names.join(", ");
    let m = msg!("Lưu ý: {n} tệp trong thư mục du-thao không do lần xem xét này viết (của lần trước?): {names}; đừng trình ký nhầm";
                 "Note: {} in the du-thao folder not written by this review (an earlier one's?): {names}; do not sign them by mistake", crate::diag::en_count(n, "file", "files"));
    writeln!(out, "{}", m.get(lang))
}
