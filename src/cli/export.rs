//! `dossier export PATH --xlsx FILE`: the nominee list of one dossier or a shared folder as an
//! Excel sheet, and where it was written.
//!
//! The sheet holds every nominee's personal data, so it is never written into a dossier folder
//! (the next check would take it for a stray file, and pack would leave it behind only by luck),
//! and never under a name that is not `.xlsx` (Excel calls such a file damaged).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::setup;
use super::{say_error as say, shown};
use super::{Exit, Settings};
use crate::diag::Lang;
use crate::export;
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

/// The target's name with `.xlsx` in place of whatever ending it has (`ds.csv` → `ds.xlsx`,
/// `ds` → `ds.xlsx`).
fn as_xlsx(target: &Path) -> String {
    shown(&target.with_extension("xlsx"))
}

/// Whether a name ends in `.xlsx` (any case: Windows writes `.XLSX` too).
fn is_xlsx(target: &Path) -> bool {
    target
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("xlsx"))
}

pub(super) fn run(
    a: &ExportArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let start = match setup::start(&a.settings, &a.path, lang, out, err)? {
        Ok(s) => s,
        Err(exit) => return Ok(exit),
    };
    if let Err(e) = export::folder(&a.path) {
        say(err, lang, &e.msg())?;
        return Ok(Exit::Trouble);
    }
    // A folder with no dossier would give an empty sheet that looks like a success.
    if crate::dossier::discover::find(&a.path).is_empty() {
        let p = shown(&a.path);
        let m = match crate::dossier::discover::enclosing(&a.path) {
            Some(d) => {
                let d = shown(&d);
                msg!(
                    "\"{p}\" là một thư mục bên trong hồ sơ {d}; không có tệp nào được ghi. Ghi thư mục hồ sơ: dossier export {d} --xlsx …";
                    "\"{p}\" is a folder inside the dossier {d}; nothing was written. Give the dossier folder: dossier export {d} --xlsx …"
                )
            }
            None => msg!(
                "thư mục \"{p}\" không chứa hồ sơ nào (một hồ sơ là thư mục có tệp ho-so.yaml); không có tệp nào được ghi";
                "the folder \"{p}\" holds no dossier (a dossier is a folder holding ho-so.yaml); nothing was written"
            ),
        };
        say(err, lang, &m)?;
        return Ok(Exit::Trouble);
    }
    let file = shown(&a.xlsx);
    // Any dossier counts: the sheet holds every nominee's personal data.
    if let Some(d_real) = crate::dossier::discover::landing_dossier(&a.xlsx) {
        let d = shown(&d_real);
        // Named as it should be, so the advice is not refused next for its ending.
        let name = a.xlsx.with_extension("xlsx").file_name().map_or_else(
            || "danh-sach.xlsx".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let path = shown(&a.path);
        let elsewhere = super::beside(&d_real, &name);
        say(
            err,
            lang,
            &msg!(
                "không ghi bảng tính vào trong thư mục hồ sơ \"{d}\" (\"{file}\"): bảng tính chứa thông tin cá nhân của mọi người được đề nghị, và lần kiểm tra sau sẽ coi nó là một tệp lạ của hồ sơ; không có tệp nào được ghi. Ghi ra ngoài thư mục hồ sơ, ví dụ: dossier export {path} --xlsx {elsewhere}";
                "the workbook would go inside the dossier folder \"{d}\" (\"{file}\"): it holds every nominee's personal data, and the next check would take it for a stray dossier file; nothing was written. Write it outside the dossier folder, e.g. dossier export {path} --xlsx {elsewhere}"
            ),
        )?;
        return Ok(Exit::Trouble);
    }
    // A folder named as the sheet is said by the writer (a folder, not a name to change).
    if !a.xlsx.is_dir() && !is_xlsx(&a.xlsx) {
        let good = as_xlsx(&a.xlsx);
        say(
            err,
            lang,
            &msg!(
                "tên tệp \"{file}\" không có đuôi .xlsx: lệnh này chỉ ghi bảng tính Excel, và Excel sẽ báo tệp mang tên khác là hỏng; không có tệp nào được ghi. Ghi --xlsx {good}";
                "the name \"{file}\" does not end in .xlsx: this command writes only an Excel workbook, and Excel would call a file under another name damaged; nothing was written. Write --xlsx {good}"
            ),
        )?;
        return Ok(Exit::Trouble);
    }
    super::interrupt::install(
        lang,
        msg!("Đã dừng: chưa ghi bảng tính, không để lại tệp tạm nào.";
             "Stopped: no workbook was written, and no temporary file was left."),
    );
    // Not empty: a folder with no dossier was refused above.
    let found = crate::dossier::discover::find(&a.path);
    // A dossier a kill left half-committed is finished first, so its row is not half of it
    // (#17).
    for d in &found {
        if crate::disk::session::needs_settling(d) {
            setup::finish_interrupted(d, "export", lang, err)?;
        }
    }
    let rows = export::collect(&a.path, &start.against());
    // Counted as found, not from the rows: a dossier whose list is empty or unreadable is
    // still one dossier ("0 dòng từ 0 hồ sơ" for one broken dossier).
    let dossiers = found.len();
    let result = export::save(&a.xlsx, &rows, a.force);
    match result {
        Ok(()) => {
            let n = rows.len();
            let (rows_en, dossiers_en) = (
                super::en_count(n, "row", "rows"),
                super::en_count(dossiers, "dossier", "dossiers"),
            );
            let m = msg!(
                "Đã ghi {file}: {n} dòng từ {dossiers} hồ sơ.";
                "Wrote {file}: {rows_en} from {dossiers_en}."
            );
            writeln!(out, "{}", m.get(lang))?;
            Ok(Exit::Clean)
        }
        Err(e) => {
            say(err, lang, &e.msg())?;
            Ok(Exit::Trouble)
        }
    }
}
