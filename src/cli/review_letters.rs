//! `dossier review`'s return letters (`OUT/tra-lai/`, `review::returned`): refused before
//! anything is written when one exists (no `--force`), then written and said one line each,
//! with a note naming the office's settings the letters had to leave as "…".

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::setup::Start;
use super::Exit;
use super::{say_error as say, shown};
use crate::config::Office;
use crate::diag::Lang;
use crate::msg;
use crate::review::returned::{self, Planned};
use crate::review::Review;

/// Exit 2 when a letter's file exists and `force` is not given; said, nothing written.
pub(super) fn refuse_existing(
    out: &Path,
    plan: &[Planned],
    force: bool,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Option<Exit>> {
    let files: Vec<PathBuf> = plan.iter().flat_map(|p| p.files(out)).collect();
    let what = msg!("tệp thư"; "a letter");
    refuse_in_the_way(&out.join(returned::FOLDER), &files, &what, force, lang, err)
}

/// The refusal the letters and the drafts share, before the summary sheet and the page are
/// written, so that "nothing was written" stays true: a folder where one of `files` goes, or a
/// file where their `folder` goes, `--force` or not (it cannot be replaced); an existing file
/// without `force`. `what` names the files ("tệp thư", "tệp dự thảo").
pub(super) fn refuse_in_the_way(
    folder: &Path,
    files: &[PathBuf],
    what: &crate::diag::Msg,
    force: bool,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Option<Exit>> {
    if files.is_empty() {
        return Ok(None);
    }
    let in_the_way = if folder.exists() && !folder.is_dir() {
        Some(folder.to_path_buf())
    } else {
        files.iter().find(|f| f.is_dir()).cloned()
    };
    let dir = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(f) = in_the_way {
        let t = shown(&f);
        let (wv, we) = (&what.vi, &what.en);
        say(
            err,
            lang,
            &msg!("\"{t}\" đã có và không phải {wv} (là thư mục, hoặc tệp ở chỗ thư mục {dir}); đổi tên hoặc chọn thư mục kết quả khác (-o); không có tệp nào được ghi";
                  "\"{t}\" is in the way (a folder where {we} goes, or a file where the {dir} folder goes); rename it or choose another folder for the results (-o); nothing was written"),
        )?;
        return Ok(Some(Exit::Trouble));
    }
    if force {
        return Ok(None);
    }
    let Some(f) = files.iter().find(|f| std::fs::symlink_metadata(f).is_ok()) else {
        return Ok(None);
    };
    let t = shown(f);
    say(
        err,
        lang,
        &msg!("đã có tệp \"{t}\"; dùng --force để ghi đè, hoặc chọn thư mục kết quả khác (-o); không có tệp nào được ghi";
              "\"{t}\" already exists; use --force to replace it, or choose another folder for the results (-o); nothing was written"),
    )?;
    Ok(Some(Exit::Trouble))
}

/// Write the letters and say each; exit 2 when one cannot be made.
#[allow(clippy::too_many_arguments)]
pub(super) fn write(
    dir: &Path,
    review: &Review,
    plan: &[Planned],
    start: &Start,
    force: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Option<Exit>> {
    if plan.is_empty() {
        return Ok(None);
    }
    let office = start.config.office.as_ref();
    // The letter is an official document to a Vietnamese body: written in Vietnamese whatever
    // language the terminal speaks.
    if let Err(e) = returned::write(dir, review, plan, office, start.today, Lang::Vi, force) {
        say(err, lang, &e)?;
        return Ok(Some(Exit::Trouble));
    }
    for p in plan {
        let t = shown(&dir.join(returned::FOLDER).join(&p.stem));
        writeln!(
            out,
            "{}",
            msg!("Đã ghi thư trả lại: {t} (.docx, .pdf)"; "Return letter written: {t} (.docx, .pdf)")
                .get(lang)
        )?;
    }
    let missing = Office::missing(office);
    if !missing.is_empty() {
        let keys = missing.join(", ");
        let m = msg!(
            "Lưu ý: tệp cấu hình (.dossier.yaml) chưa ghi {keys}; thư trả lại để \"…\" ở những chỗ đó (xem docs/office.md).";
            "Note: the settings file (.dossier.yaml) does not give {keys}; the return letters leave \"…\" there (see docs/office.md)."
        );
        writeln!(out, "{}", m.get(lang))?;
    }
    Ok(None)
}

/// Letters in `OUT/tra-lai/` this review did not write (an earlier review's, for a dossier now
/// accepted or no longer given): said, never removed, since they are the office's files.
pub(super) fn stale(
    dir: &Path,
    plan: &[Planned],
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let written: std::collections::HashSet<PathBuf> =
        plan.iter().flat_map(|p| p.files(dir)).collect();
    let Ok(entries) = std::fs::read_dir(dir.join(returned::FOLDER)) else {
        return Ok(());
    };
    let mut old: Vec<PathBuf> = entries
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
    let m = msg!("Lưu ý: {n} tệp trong thư mục tra-lai không do lần xem xét này viết (của lần trước?): {names}; kiểm tra trước khi gửi thư";
                 "Note: {} in the tra-lai folder not written by this review (an earlier one's?): {names}; check them before sending letters", crate::diag::en_count(n, "file", "files"));
    writeln!(out, "{}", m.get(lang))
}
