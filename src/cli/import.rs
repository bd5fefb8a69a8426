//! `dossier import DIR --danh-sach FILE`: say which columns were read, every problem with its
//! cell, then the changes (a diff with `--dry-run`) or why nothing was written.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::setup::{self, Start};
use super::shown;
use super::Exit;
use crate::diag::Lang;
use crate::edit::fix::{unified_diff, FileChange};
use crate::import::{self, Level};
use crate::msg;

/// Arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Thư mục hồ sơ / the dossier folder.
    pub dir: PathBuf,
    /// Danh sách đề nghị khen thưởng (.xlsx, .xls, .ods, .csv) / the nominee list.
    #[arg(long, value_name = "FILE")]
    pub danh_sach: PathBuf,
    /// Chỉ đọc trang (sheet) này; mặc định đọc mọi trang đang hiện có dòng tiêu đề / read
    /// only this sheet; by default every visible sheet with a header row is read.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Chỉ hiện thay đổi, không ghi / show the changes only.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub settings: super::Settings,
}

/// Whether a file is inside a dossier folder (by their real paths).
fn inside_dossier(file: &Path, dir: &Path) -> bool {
    match (std::fs::canonicalize(file), std::fs::canonicalize(dir)) {
        (Ok(f), Ok(d)) => f.starts_with(d),
        _ => false,
    }
}

/// Where the header row is, in words: "dòng 4 của trang \"Danh sách\"", or "dòng 1 của tệp
/// ds.csv" for a list with no sheets. The reader names it `Danh sách!4`, which is no notation
/// Excel uses for a row and reads as code to a clerk.
fn header_said(r: &crate::import::rows::Table, list: &Path) -> crate::diag::Msg {
    let sheet = r.sheet.as_str();
    let row = r
        .header_row
        .strip_prefix(sheet)
        .and_then(|rest| rest.strip_prefix('!'))
        .unwrap_or(&r.header_row);
    let file = list
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if sheet == file {
        msg!("dòng {row} của tệp {file}"; "row {row} of {file}")
    } else {
        msg!("dòng {row} của trang \"{sheet}\""; "row {row} of sheet \"{sheet}\"")
    }
}

pub(super) fn run(
    a: &ImportArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let Start { today, catalog, .. } = match setup::start(&a.settings, &a.dir, lang, out, err)? {
        Ok(s) => s,
        Err(exit) => return Ok(exit),
    };
    let _held = match super::edit::hold(&a.dir, "import", a.dry_run, lang, out, err)? {
        Ok(h) => h,
        Err(exit) => return Ok(exit),
    };
    let outcome = match import::import(
        &a.dir,
        &a.danh_sach,
        a.sheet.as_deref(),
        &catalog,
        today,
        a.dry_run,
    ) {
        Ok(o) => o,
        Err(e) => {
            super::say_error(err, lang, &e.msg())?;
            return Ok(Exit::Trouble);
        }
    };
    if let Some(r) = &outcome.read {
        say_read(r, &a.danh_sach, lang, out)?;
    }
    for p in &outcome.problems {
        let level = match p.level {
            Level::Error => msg!("lỗi"; "error"),
            Level::Note => msg!("ghi chú"; "note"),
        };
        writeln!(out, "{}: {}: {}", p.place, level.get(lang), p.msg.get(lang))?;
    }
    // The list holds personal data and is no dossier file: left in the folder, the next check
    // calls it a stray file (DK004). Said whatever else happened, since it is true either way.
    if inside_dossier(&a.danh_sach, &a.dir) {
        let f = shown(&a.danh_sach);
        let m = msg!(
            "{f}: ghi chú: tệp danh sách nằm trong thư mục hồ sơ; nó chứa thông tin cá nhân và lần kiểm tra sau sẽ báo là tệp không văn bản nào nhắc tới (DK004): chuyển tệp ra ngoài thư mục hồ sơ";
            "{f}: note: the list file is inside the dossier folder; it holds personal data, and the next check will report it as a file no document names (DK004): move it out of the dossier folder"
        );
        writeln!(out, "{}", m.get(lang))?;
    }
    if outcome.failed() {
        // With no row read the trouble is the file itself (empty, no header row): there are
        // no cells to correct.
        let m = if outcome.read.is_none() {
            msg!(
                "Chưa ghi gì vào hồ sơ: sửa tệp danh sách như nêu trên (hoặc chọn đúng tệp) rồi chạy lại.";
                "Nothing was written: correct the list file as said above (or give the right file) and run again."
            )
        } else {
            msg!(
                "Chưa ghi gì vào hồ sơ: sửa các ô nêu trên trong danh sách rồi chạy lại.";
                "Nothing was written: correct the cells above in the list and run again."
            )
        };
        // The cells were said on the buffered standard output: they go out first, or in a
        // terminal "the cells above" would come before them.
        out.flush()?;
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
    if !outcome.written.is_empty() {
        writeln!(out, "{}", msg!("Đã ghi:"; "Written:").get(lang))?;
        for f in &outcome.written {
            writeln!(out, "  {}", shown(f))?;
        }
    }
    if !outcome.removed.is_empty() {
        writeln!(out, "{}", msg!("Đã xóa:"; "Removed:").get(lang))?;
        for f in &outcome.removed {
            writeln!(out, "  {}", shown(f))?;
        }
    }
    Ok(Exit::Clean)
}

/// Which sheets were read and which skipped, each table's header and columns.
fn say_read(
    r: &crate::import::rows::Read,
    list: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    use crate::import::rows::Skipped;
    // Said when there was a choice: a workbook of one sheet needs no such line.
    if r.tables.len() > 1 || !r.skipped.is_empty() {
        let read = r
            .tables
            .iter()
            .map(|t| format!("\"{}\"", t.sheet))
            .collect::<Vec<_>>()
            .join(", ");
        let skipped = |lang: Lang| -> String {
            r.skipped
                .iter()
                .map(|(s, why)| {
                    let why = match why {
                        Skipped::Hidden => msg!("đang ẩn"; "hidden"),
                        Skipped::NoHeader => msg!("không có dòng tiêu đề"; "no header row"),
                        Skipped::NotChosen => msg!("không chọn"; "not chosen"),
                    };
                    format!("\"{s}\" ({})", why.get(lang))
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let m = if r.skipped.is_empty() {
            msg!("Trang đã đọc: {read}."; "Sheets read: {read}.")
        } else {
            let (vi, en) = (skipped(Lang::Vi), skipped(Lang::En));
            msg!("Trang đã đọc: {read}; bỏ qua: {vi}."; "Sheets read: {read}; skipped: {en}.")
        };
        writeln!(out, "{}", m.get(lang))?;
    }
    for t in &r.tables {
        let matched = |lang: Lang| -> String {
            t.matched
                .iter()
                .map(|(c, f, h)| {
                    let field = f.words();
                    let field = field.get(lang);
                    format!("{c} \"{h}\" → {field}")
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let ignored: Vec<String> = t
            .ignored
            .iter()
            .map(|(c, h)| format!("{c} \"{h}\""))
            .collect();
        let n = t.count;
        let header = header_said(t, list);
        let nominees_en = super::en_count(n, "nominee", "nominees");
        let (matched_vi, matched_en) = (matched(Lang::Vi), matched(Lang::En));
        let ignored = ignored.join("; ");
        let mut lines = vec![
            msg!("Dòng tiêu đề: {}; {n} người/tập thể.", header.vi; "Header: {}; {nominees_en}.", header.en),
            msg!("Cột đã nhận: {matched_vi}."; "Columns read: {matched_en}."),
        ];
        if !ignored.is_empty() {
            lines.push(msg!("Cột bỏ qua: {ignored}."; "Columns ignored: {ignored}."));
        }
        for l in lines {
            writeln!(out, "{}", l.get(lang))?;
        }
    }
    Ok(())
}
