//! `dossier import DIR --danh-sach FILE`: say which columns were read, every problem with its
//! cell, then the changes (a diff with `--dry-run`) or why nothing was written.

use std::io::{self, Write};
use std::path::PathBuf;

use super::check::{catalog_or_report, shown};
use super::Exit;
use crate::diag::Lang;
use crate::edit::fix::{unified_diff, FileChange};
use crate::import::{self, ImportError, Level};
use crate::msg;

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
    let outcome = match import::import(&a.dir, &a.danh_sach, &catalog, a.dry_run) {
        Ok(o) => o,
        Err(ImportError::Edit(e)) => return super::edit::fail(&e, lang, err),
        Err(ImportError::List { path, source }) => {
            let p = shown(&path);
            // The spreadsheet reader's error (src/import) has its own two texts; they are
            // joined into one message here.
            let m = msg!(
                "không đọc được danh sách \"{p}\": {}", source.message_vi();
                "cannot read the list \"{p}\": {source}"
            );
            super::say_error(err, lang, &m)?;
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
        let (row, n) = (&r.header_row, r.rows.len());
        let (matched, ignored) = (matched.join("; "), ignored.join("; "));
        let mut lines = vec![
            msg!("Dòng tiêu đề: {row}; {n} người/tập thể."; "Header row: {row}; {n} nominees."),
            msg!("Cột đã nhận: {matched}."; "Columns read: {matched}."),
        ];
        if !ignored.is_empty() {
            lines.push(msg!("Cột bỏ qua: {ignored}."; "Columns ignored: {ignored}."));
        }
        for l in lines {
            writeln!(out, "{}", l.get(lang))?;
        }
    }
    for p in &outcome.problems {
        let level = match p.level {
            Level::Error => msg!("lỗi"; "error"),
            Level::Note => msg!("ghi chú"; "note"),
        };
        writeln!(out, "{}: {}: {}", p.place, level.get(lang), p.msg.get(lang))?;
    }
    if outcome.failed() {
        let m = msg!(
            "Chưa ghi gì vào hồ sơ: sửa các ô nêu trên trong danh sách rồi chạy lại.";
            "Nothing was written: correct the cells above in the list and run again."
        );
        writeln!(err, "{}", m.get(lang))?;
        return Ok(Exit::Findings);
    }
    if outcome.changes.is_empty() {
        let m = msg!(
            "Hồ sơ đã khớp với danh sách: không có gì thay đổi.";
            "The dossier already matches the list: nothing changed."
        );
        writeln!(out, "{}", m.get(lang))?;
        return Ok(Exit::Clean);
    }
    if a.dry_run {
        for c in &outcome.changes {
            let change = FileChange {
                file: c.path.clone(),
                before: c.before.clone().unwrap_or_default(),
                after: c.after.clone(),
                reasons: Vec::new(),
                disk: None,
            };
            write!(out, "{}", unified_diff(&change))?;
        }
        let m = msg!("(--dry-run: chưa ghi tệp nào)"; "(--dry-run: nothing written)");
        writeln!(out, "{}", m.get(lang))?;
        return Ok(Exit::Clean);
    }
    writeln!(out, "{}", msg!("Đã ghi:"; "Written:").get(lang))?;
    for f in &outcome.written {
        writeln!(out, "  {}", shown(f))?;
    }
    Ok(Exit::Clean)
}
