//! `dossier export PATH --xlsx FILE`: the nominee list of one dossier or a shared folder as an
//! Excel sheet, and where it was written.

use std::io::{self, Write};
use std::path::PathBuf;

use super::check::{say, setup, shown, Setup};
use super::{Exit, Settings};
use crate::diag::Lang;
use crate::export::{self, ExportError};
use crate::msg;

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Thư mục hồ sơ, hoặc thư mục chứa nhiều hồ sơ / a dossier folder or a folder holding them.
    pub path: PathBuf,
    /// Tệp Excel cần ghi / the Excel file to write.
    #[arg(long, value_name = "FILE")]
    pub xlsx: PathBuf,
    /// Ghi đè tệp đã có / replace an existing file.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub settings: Settings,
}

pub(super) fn run(
    a: &ExportArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let Setup { today, catalog, .. } = match setup(&a.settings, &a.path, lang, out, err)? {
        Ok(s) => s,
        Err(exit) => return Ok(exit),
    };
    let p = shown(&a.path);
    if !a.path.is_dir() {
        say(
            err,
            lang,
            &msg!("\"{p}\" không phải thư mục"; "\"{p}\" is not a folder"),
        )?;
        return Ok(Exit::Trouble);
    }
    let found = match export::dossiers_to_export(&a.path, &a.xlsx) {
        Ok(found) => found,
        Err(m) => {
            say(err, lang, &m)?;
            return Ok(Exit::Trouble);
        }
    };
    let rows = export::collect(&a.path, &catalog, today);
    // Counted as found, not from the rows: a dossier whose list is empty or unreadable is
    // still one dossier ("0 dòng từ 0 hồ sơ" for one broken dossier).
    let dossiers = found.len();
    let result = export::workbook(&rows).and_then(|b| export::write(&a.xlsx, &b, a.force));
    let file = shown(&a.xlsx);
    match result {
        Ok(()) => {
            let n = rows.len();
            let (rows_en, dossiers_en) = (
                if n == 1 { "row" } else { "rows" },
                if dossiers == 1 { "dossier" } else { "dossiers" },
            );
            let m = msg!(
                "Đã ghi {file}: {n} dòng từ {dossiers} hồ sơ.";
                "Wrote {file}: {n} {rows_en} from {dossiers} {dossiers_en}."
            );
            writeln!(out, "{}", m.get(lang))?;
            Ok(Exit::Clean)
        }
        Err(ExportError::Exists(_)) => {
            say(
                err,
                lang,
                &msg!("đã có tệp \"{file}\"; dùng --force để ghi đè"; "\"{file}\" already exists; use --force to replace it"),
            )?;
            Ok(Exit::Trouble)
        }
        Err(ExportError::Io { source, .. }) => {
            // The OS's own text is English with an error number: the clerk gets words.
            let (vi, en) = crate::diag::io_words(&source);
            let m = msg!(
                "không ghi được \"{file}\" ({vi}); không có tệp nào được ghi";
                "could not write \"{file}\" ({en}); nothing was written"
            );
            super::say_error(err, lang, &m)?;
            Ok(Exit::Trouble)
        }
        Err(e) => {
            let m = msg!(
                "không ghi được \"{file}\" (bộ ghi bảng tính báo lỗi); không có tệp nào được ghi";
                "could not write \"{file}\" ({e}); nothing was written"
            );
            super::say_error(err, lang, &m)?;
            Ok(Exit::Trouble)
        }
    }
}
