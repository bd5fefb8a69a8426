//! `dossier import DIR --danh-sach FILE`: say which columns were read, every problem with its
//! cell, then the changes (a diff with `--dry-run`) or why nothing was written.

use std::io::{self, Write};
use std::path::PathBuf;

use super::check::{catalog_or_report, say, shown};
use super::Exit;
use crate::diag::Lang;
use crate::edit::fix::{unified_diff, FileChange};
use crate::import::{self, ImportError, Level};

/// Arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Thư mục hồ sơ / the dossier folder.
    pub dir: PathBuf,
    /// Danh sách đề nghị khen thưởng (.xlsx, .xls, .ods, .csv) / the nominee list.
    #[arg(long, value_name = "FILE")]
    pub danh_sach: PathBuf,
    /// Chỉ hiện thay đổi, không ghi / show the changes only.
    #[arg(long)]
    pub dry_run: bool,
    /// Bộ tiêu chí từ tệp hoặc thư mục này / rule sets from this file or folder.
    #[arg(long, value_name = "PATH")]
    pub criteria: Option<PathBuf>,
}

pub(super) fn run(
    a: &ImportArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let catalog = match catalog_or_report(a.criteria.as_deref(), lang, out, err)? {
        Ok(c) => c,
        Err(exit) => return Ok(exit),
    };
    let vi = lang == Lang::Vi;
    let outcome = match import::import(&a.dir, &a.danh_sach, &catalog, a.dry_run) {
        Ok(o) => o,
        Err(ImportError::Edit(e)) => {
            match lang {
                Lang::Vi => writeln!(err, "lỗi: {}", e.message_vi())?,
                Lang::En => writeln!(err, "error: {e}")?,
            }
            return Ok(Exit::Trouble);
        }
        Err(ImportError::List { path, source }) => {
            let p = shown(&path);
            say(
                err,
                lang,
                &format!("không đọc được danh sách \"{p}\": {}", source.message_vi()),
                &format!("cannot read the list \"{p}\": {source}"),
            )?;
            return Ok(Exit::Trouble);
        }
    };
    if let Some(r) = &outcome.read {
        let matched: Vec<String> = r
            .matched
            .iter()
            .map(|(c, f, h)| format!("{c} \"{h}\" → {}", f.vi()))
            .collect();
        let ignored: Vec<String> = r
            .ignored
            .iter()
            .map(|(c, h)| format!("{c} \"{h}\""))
            .collect();
        if vi {
            writeln!(
                out,
                "Dòng tiêu đề: {}; {} người/tập thể.",
                r.header_row,
                r.rows.len()
            )?;
            writeln!(out, "Cột đã nhận: {}.", matched.join("; "))?;
            if !ignored.is_empty() {
                writeln!(out, "Cột bỏ qua: {}.", ignored.join("; "))?;
            }
        } else {
            writeln!(
                out,
                "Header row: {}; {} nominees.",
                r.header_row,
                r.rows.len()
            )?;
            writeln!(out, "Columns read: {}.", matched.join("; "))?;
            if !ignored.is_empty() {
                writeln!(out, "Columns ignored: {}.", ignored.join("; "))?;
            }
        }
    }
    for p in &outcome.problems {
        let level = match (p.level, vi) {
            (Level::Error, true) => "lỗi",
            (Level::Error, false) => "error",
            (Level::Note, true) => "ghi chú",
            (Level::Note, false) => "note",
        };
        writeln!(out, "{}: {level}: {}", p.place, p.msg.get(lang))?;
    }
    if outcome.failed() {
        if vi {
            writeln!(
                err,
                "Chưa ghi gì vào hồ sơ: sửa các ô nêu trên trong danh sách rồi chạy lại."
            )?;
        } else {
            writeln!(
                err,
                "Nothing was written: correct the cells above in the list and run again."
            )?;
        }
        return Ok(Exit::Findings);
    }
    if outcome.changes.is_empty() {
        if vi {
            writeln!(out, "Hồ sơ đã khớp với danh sách: không có gì thay đổi.")?;
        } else {
            writeln!(
                out,
                "The dossier already matches the list: nothing changed."
            )?;
        }
        return Ok(Exit::Clean);
    }
    if a.dry_run {
        for c in &outcome.changes {
            let change = FileChange {
                file: c.path.clone(),
                before: c.before.clone().unwrap_or_default(),
                after: c.after.clone(),
                reasons: Vec::new(),
                reasons_vi: Vec::new(),
                disk: None,
            };
            write!(out, "{}", unified_diff(&change))?;
        }
        if vi {
            writeln!(out, "(--dry-run: chưa ghi tệp nào)")?;
        } else {
            writeln!(out, "(--dry-run: nothing written)")?;
        }
        return Ok(Exit::Clean);
    }
    if vi {
        writeln!(out, "Đã ghi:")?;
    } else {
        writeln!(out, "Written:")?;
    }
    for f in &outcome.written {
        writeln!(out, "  {}", shown(f))?;
    }
    Ok(Exit::Clean)
}
