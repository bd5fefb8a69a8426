//! `dossier export PATH --xlsx FILE`: the nominee list of one dossier or a shared folder as an
//! Excel sheet, and where it was written.
//!
//! The sheet holds every nominee's personal data, so it is never written into a dossier folder
//! (the next check would take it for a stray file, and pack would leave it behind only by luck),
//! and never under a name that is not `.xlsx` (Excel calls such a file damaged).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::check::{say, shown};
use super::setup;
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

/// Why PATH cannot be exported, in words: missing, a file, or something else that is no folder.
fn not_a_folder(path: &Path) -> crate::diag::Msg {
    let p = shown(path);
    match std::fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => msg!(
            "không có thư mục \"{p}\"; ghi đường dẫn tới thư mục hồ sơ, hoặc thư mục chứa nhiều hồ sơ";
            "there is no folder \"{p}\"; give the path of a dossier folder, or of a folder holding dossiers"
        ),
        Ok(m) if m.is_file() => {
            let parent = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => shown(d),
                _ => ".".to_owned(),
            };
            msg!(
                "\"{p}\" là một tệp, không phải thư mục; ghi thư mục hồ sơ chứa tệp này, ví dụ: dossier export {parent} --xlsx …";
                "\"{p}\" is a file, not a folder; give the dossier folder that holds it, e.g. dossier export {parent} --xlsx …"
            )
        }
        Err(e) => {
            let (vi, en) = crate::diag::io_words(&e);
            msg!("không mở được \"{p}\" ({vi})"; "could not open \"{p}\" ({en})")
        }
        Ok(_) => msg!(
            "\"{p}\" không phải thư mục (thiết bị, ống dẫn hay liên kết hỏng)";
            "\"{p}\" is not a folder (a device, pipe or broken link)"
        ),
    }
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
    if !a.path.is_dir() {
        say(err, lang, &not_a_folder(&a.path))?;
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
            super::check::finish_interrupted(d, "export", lang, err)?;
        }
    }
    let rows = export::collect(&a.path, &start.against());
    // Counted as found, not from the rows: a dossier whose list is empty or unreadable is
    // still one dossier ("0 dòng từ 0 hồ sơ" for one broken dossier).
    let dossiers = found.len();
    let result = export::workbook(&rows).and_then(|b| export::write(&a.xlsx, &b, a.force));
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
        Err(ExportError::Exists(_)) => {
            say(
                err,
                lang,
                &msg!("đã có tệp \"{file}\"; dùng --force để ghi đè"; "\"{file}\" already exists; use --force to replace it"),
            )?;
            Ok(Exit::Trouble)
        }
        Err(ExportError::Io { source, .. }) => {
            // The OS's own text is English with an error number: the clerk gets words, those
            // of `pack` for a full disk, a size limit, no permission.
            let why = crate::diag::write_words(&source, &a.xlsx);
            let (vi, en) = (why.vi, why.en);
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
