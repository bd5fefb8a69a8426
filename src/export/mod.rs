//! `dossier export PATH --xlsx FILE`: the nominees of one dossier, or of every dossier in a
//! shared folder, as one formatted Excel sheet.
//!
//! A receiving office today copies each incoming dossier's list by hand into one spreadsheet to
//! prepare the decision. This writes that sheet: one row per nominee with the dossier, its status
//! (the check's verdict), the award form, level and kind, the nominee's details and the council's
//! vote. Dossiers are checked in parallel; rows come in path order, each dossier's nominees in
//! Vietnamese name order. The same dossiers give the same bytes (the workbook's date is fixed to
//! the latest proposal date, its zip entries carry no clock time).

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError,
};

use crate::criteria::Catalog;
use crate::date::{Birth, Date};
use crate::diag::Severity;
use crate::dossier::model::NomineeType;
use crate::msg;
use crate::rules::check::{check_dossier, Against, Checked};

pub mod same_bytes;

/// One row of the sheet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// The dossier's folder, relative to PATH.
    pub dossier: String,
    /// "Hợp lệ", "Có 2 lỗi", "Có 1 cảnh báo".
    pub status: String,
    /// The proposal's number.
    pub so_ky_hieu: String,
    /// The proposal's date.
    pub ngay: Option<Date>,
    /// The proposing body.
    pub co_quan: String,
    /// Name.
    pub ten: String,
    /// "Cá nhân", "Tập thể", "Hộ gia đình".
    pub loai: String,
    /// Position.
    pub chuc_vu: String,
    /// Unit.
    pub don_vi: String,
    /// Kind of nominee (its name in the rule set).
    pub doi_tuong: String,
    /// Award form.
    pub hinh_thuc: String,
    /// Level.
    pub cap: String,
    /// Kind of award.
    pub loai_khen: String,
    /// In favour.
    pub tan_thanh: Option<u32>,
    /// Against.
    pub khong_tan_thanh: Option<u32>,
    /// Present.
    pub co_mat: Option<u32>,
    /// Rank or academic title.
    pub cap_bac: String,
    /// Birth, from the nominee's report: a date or a year alone.
    pub ngay_sinh: Option<Birth>,
    /// Position and unit in one text, as the list holds them.
    pub chuc_vu_don_vi: String,
}

/// Why the sheet could not be written. [`ExportError::msg`] words it in both languages;
/// `Display` is its English text.
#[derive(Debug)]
pub enum ExportError {
    /// What to export is not a folder: missing, a file, or something else ([`folder`]).
    NotAFolder {
        /// As given.
        path: PathBuf,
        /// What it is instead.
        what: NotAFolder,
    },
    /// The target exists (no `--force`).
    Exists(PathBuf),
    /// The spreadsheet writer failed.
    Xlsx {
        /// The sheet to write.
        path: PathBuf,
        /// Its words (English, technical).
        source: XlsxError,
    },
    /// Writing the file failed.
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// What a path given to export is, when it is no folder.
#[derive(Debug)]
pub enum NotAFolder {
    /// Nothing there.
    Missing,
    /// A file (a dossier file, often: the clerk gave `hs/ho-so.yaml`).
    File,
    /// It could not be looked at.
    Unreadable(std::io::Error),
    /// A device, a pipe or a broken link.
    Other,
}

impl ExportError {
    /// What went wrong and what to do, in Vietnamese and English, naming the paths as the
    /// clerk gave them.
    #[must_use]
    pub fn msg(&self) -> crate::diag::Msg {
        use crate::text::file_name::shown_path as shown;
        match self {
            ExportError::NotAFolder { path, what } => {
                let p = shown(path);
                match what {
                    NotAFolder::Missing => msg!(
                        "không có thư mục \"{p}\"; ghi đường dẫn tới thư mục hồ sơ, hoặc thư mục chứa nhiều hồ sơ";
                        "there is no folder \"{p}\"; give the path of a dossier folder, or of a folder holding dossiers"
                    ),
                    NotAFolder::File => {
                        let parent = match path.parent() {
                            Some(d) if !d.as_os_str().is_empty() => shown(d),
                            _ => ".".to_owned(),
                        };
                        msg!(
                            "\"{p}\" là một tệp, không phải thư mục; ghi thư mục hồ sơ chứa tệp này, ví dụ: dossier export {parent} --xlsx …";
                            "\"{p}\" is a file, not a folder; give the dossier folder that holds it, e.g. dossier export {parent} --xlsx …"
                        )
                    }
                    NotAFolder::Unreadable(e) => {
                        let (vi, en) = crate::diag::io_words(e);
                        msg!("không mở được \"{p}\" ({vi})"; "could not open \"{p}\" ({en})")
                    }
                    NotAFolder::Other => msg!(
                        "\"{p}\" không phải thư mục (thiết bị, ống dẫn hay liên kết hỏng)";
                        "\"{p}\" is not a folder (a device, pipe or broken link)"
                    ),
                }
            }
            ExportError::Exists(p) => crate::disk::already_exists(p, true),
            ExportError::Io { path, source } => {
                // The OS's own text is English with an error number: the clerk gets words,
                // those of `pack` for a full disk, a size limit, no permission.
                let (file, why) = (shown(path), crate::diag::write_words(source, path));
                let (vi, en) = (why.vi, why.en);
                msg!(
                    "không ghi được \"{file}\" ({vi}); không có tệp nào được ghi";
                    "could not write \"{file}\" ({en}); nothing was written"
                )
            }
            ExportError::Xlsx { path, source } => {
                let file = shown(path);
                msg!(
                    "không ghi được \"{file}\" (bộ ghi bảng tính báo lỗi); không có tệp nào được ghi";
                    "could not write \"{file}\" ({source}); nothing was written"
                )
            }
        }
    }
}

crate::english_display!(ExportError);

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Xlsx { source, .. } => Some(source),
            ExportError::Io { source, .. }
            | ExportError::NotAFolder {
                what: NotAFolder::Unreadable(source),
                ..
            } => Some(source),
            _ => None,
        }
    }
}

/// Refuse a path to export that is no folder, saying what it is instead.
pub fn folder(path: &Path) -> Result<(), ExportError> {
    let what = match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => return Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => NotAFolder::Missing,
        Ok(m) if m.is_file() => NotAFolder::File,
        Err(e) => NotAFolder::Unreadable(e),
        Ok(_) => NotAFolder::Other,
    };
    Err(ExportError::NotAFolder {
        path: path.to_path_buf(),
        what,
    })
}

/// The workbook of `rows` written to `target` ([`workbook`], then [`write`]).
pub fn save(target: &Path, rows: &[Row], force: bool) -> Result<(), ExportError> {
    let bytes = workbook(rows).map_err(|source| ExportError::Xlsx {
        path: target.to_path_buf(),
        source,
    })?;
    write(target, &bytes, force)
}

fn text(v: Option<&crate::source::Sp<String>>) -> String {
    v.map(|s| crate::text::fold_whitespace(&crate::text::to_nfc(s.v.trim())).into_owned())
        .unwrap_or_default()
}

fn status(c: &Checked) -> String {
    let errors = c
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = c.findings.len() - errors;
    match (errors, warnings) {
        (0, 0) => "Hợp lệ".to_owned(),
        (0, w) => format!("Hợp lệ, {w} cảnh báo"),
        (e, 0) => format!("Có {e} lỗi"),
        (e, w) => format!("Có {e} lỗi, {w} cảnh báo"),
    }
}

/// The rows of one checked dossier.
fn rows_of(name: &str, c: &Checked, catalog: &Catalog) -> Vec<Row> {
    let d = &c.dossier;
    let rs = c.rule_set(catalog);
    let ho_so = d.ho_so.clone().unwrap_or_default();
    let tt = d.to_trinh.clone().unwrap_or_default();
    let form = ho_so
        .hinh_thuc
        .as_ref()
        .map(|f| f.v.clone())
        .unwrap_or_default();
    let form_def = rs.and_then(|r| r.form(&form));
    let level = form_def
        .and_then(|f| rs.and_then(|r| r.level(&f.level)))
        .map(|l| l.ten.clone())
        .unwrap_or_default();
    let kind = ho_so
        .loai_khen
        .as_ref()
        .map(|k| {
            rs.and_then(|r| r.award_kind(&k.v))
                .map_or(k.v.clone(), |a| a.ten.clone())
        })
        .unwrap_or_default();
    let status = status(c);
    let present = d
        .bien_ban
        .as_ref()
        .and_then(|b| b.co_mat.as_ref())
        .map(|n| n.v);
    let mut nominees: Vec<_> = tt.danh_sach.iter().collect();
    nominees.sort_by_cached_key(|n| crate::text::collate::name_order_key(&text(n.ten.as_ref())));
    nominees
        .into_iter()
        .map(|n| {
            let ma = text(n.ma.as_ref());
            let vote = d.bien_ban.as_ref().and_then(|b| {
                b.ket_qua
                    .iter()
                    .find(|v| v.ma.as_ref().is_some_and(|m| m.v.trim() == ma))
            });
            let t = n.loai.as_ref().map_or(NomineeType::Individual, |l| l.v);
            let report = d.reports.iter().find(|r| r.file_ma == ma);
            let kind_id = text(n.doi_tuong.as_ref());
            Row {
                dossier: name.to_owned(),
                status: status.clone(),
                so_ky_hieu: text(tt.so_ky_hieu.as_ref()),
                ngay: tt.ngay.as_ref().map(|d| d.v),
                co_quan: text(tt.co_quan.as_ref()),
                ten: text(n.ten.as_ref()),
                loai: capitalise(t.vi()),
                chuc_vu: text(n.chuc_vu.as_ref()),
                don_vi: text(n.don_vi.as_ref()),
                doi_tuong: rs
                    .and_then(|r| r.nominee_kind(&kind_id))
                    .map_or(kind_id, |k| k.ten.clone()),
                hinh_thuc: form_def.map_or(form.clone(), |f| f.ten.clone()),
                cap: level.clone(),
                loai_khen: kind.clone(),
                tan_thanh: vote.and_then(|v| v.tan_thanh.as_ref()).map(|x| x.v),
                khong_tan_thanh: vote.and_then(|v| v.khong_tan_thanh.as_ref()).map(|x| x.v),
                co_mat: vote.and(present),
                cap_bac: text(n.cap_bac.as_ref()),
                ngay_sinh: report.and_then(|r| r.ngay_sinh.as_ref()).map(|b| b.v),
                chuc_vu_don_vi: text(n.chuc_vu_don_vi.as_ref()),
            }
        })
        .collect()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Check every dossier under `path` and collect the rows, in path order. The office's settings
/// apply to the findings as `check` applies them: the sheet's "Có N lỗi" counted them before
/// the overrides and could disagree with `check` (#20).
#[must_use]
pub fn collect(path: &Path, on: &Against) -> Vec<Row> {
    let catalog = on.catalog;
    let dossiers = crate::dossier::discover::find(path);
    let rows: Vec<Vec<Row>> = dossiers
        .par_iter()
        .map(|dir| {
            let checked = check_dossier(dir, on);
            let rel = dir.strip_prefix(path).unwrap_or(dir);
            let name = if rel.as_os_str().is_empty() {
                // `dossier export .` inside the dossier: "." names nothing on the sheet, the
                // folder's own name does.
                let real = std::fs::canonicalize(dir).ok();
                dir.file_name()
                    .or_else(|| real.as_deref().and_then(Path::file_name))
                    .map_or_else(
                        || dir.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    )
            } else {
                rel.display().to_string().replace('\\', "/")
            };
            rows_of(&name, &checked, catalog)
        })
        .collect();
    rows.into_iter().flatten().collect()
}

/// The columns. Those added later come last, so the columns an office's own formulas point at
/// stay where they were.
const HEADERS: [(&str, f64); 20] = [
    ("STT", 5.0),
    ("Hồ sơ", 28.0),
    ("Tình trạng hồ sơ", 16.0),
    ("Số tờ trình", 14.0),
    ("Ngày tờ trình", 12.0),
    ("Cơ quan đề nghị", 30.0),
    ("Họ và tên / Tên tập thể", 28.0),
    ("Cá nhân/Tập thể", 12.0),
    ("Chức vụ", 20.0),
    ("Đơn vị", 30.0),
    ("Đối tượng", 26.0),
    ("Hình thức khen thưởng", 34.0),
    ("Cấp", 12.0),
    ("Loại khen thưởng", 18.0),
    ("Tán thành", 9.0),
    ("Không tán thành", 9.0),
    ("Có mặt", 8.0),
    ("Cấp bậc", 14.0),
    ("Ngày sinh (năm sinh)", 12.0),
    ("Chức vụ, đơn vị công tác", 36.0),
];

/// The formats of every sheet the program writes (`export`'s list, `review`'s summary): Times
/// New Roman, a bold wrapped header on blue, thin borders, dates as dd/mm/yyyy.
pub struct SheetFormats {
    /// The title row.
    pub title: Format,
    /// A line under the title.
    pub note: Format,
    /// The header row.
    pub header: Format,
    /// A text cell.
    pub cell: Format,
    /// A centred cell (numbers, codes).
    pub centred: Format,
    /// A date cell.
    pub date: Format,
}

impl SheetFormats {
    /// The formats.
    #[must_use]
    pub fn new() -> Self {
        let font = |f: Format| f.set_font_name("Times New Roman").set_font_size(12);
        let cell = font(Format::new())
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        let centred = cell.clone().set_align(FormatAlign::Center);
        SheetFormats {
            title: font(Format::new()).set_bold().set_font_size(14),
            note: font(Format::new()).set_italic(),
            header: font(Format::new())
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_border(FormatBorder::Thin)
                .set_background_color(0x00D9_E1F2),
            date: centred.clone().set_num_format("dd/mm/yyyy"),
            cell,
            centred,
        }
    }
}

impl Default for SheetFormats {
    fn default() -> Self {
        Self::new()
    }
}

/// A day as a date cell, or a blank cell.
pub fn write_day(
    ws: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    day: Option<Date>,
    date: &Format,
    blank: &Format,
) -> Result<(), XlsxError> {
    match day {
        Some(d) => {
            let dt = ExcelDateTime::from_ymd(d.year, d.month, d.day)?;
            ws.write_datetime_with_format(row, col, &dt, date)?;
        }
        None => {
            ws.write_blank(row, col, blank)?;
        }
    }
    Ok(())
}

/// A birth as the list gave it: a date cell, or the year alone as a number.
pub fn write_birth(
    ws: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    birth: Option<Birth>,
    date: &Format,
    centred: &Format,
) -> Result<(), XlsxError> {
    match birth {
        Some(Birth::Year(y)) => {
            ws.write_number_with_format(row, col, f64::from(y), centred)?;
            Ok(())
        }
        Some(Birth::Date(d)) => write_day(ws, row, col, Some(d), date, centred),
        None => write_day(ws, row, col, None, date, centred),
    }
}

/// The workbook's bytes: a title row, the header (bold, wrapped, frozen, filtered), one row per
/// nominee. Deterministic for the same rows.
pub fn workbook(rows: &[Row]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let latest = rows.iter().filter_map(|r| r.ngay).max().unwrap_or_default();
    let (y, m, d) = if latest.year < 1980 {
        (1980, 1, 1)
    } else {
        (latest.year, latest.month, latest.day)
    };
    let when = ExcelDateTime::from_ymd(y, m, d)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title("Danh sách đề nghị khen thưởng")
            .set_author("dossier")
            .set_creation_datetime(&when),
    );
    let ws = wb.add_worksheet();
    ws.set_name("Danh sách")?;
    let SheetFormats {
        title,
        note,
        header,
        cell,
        centred,
        date,
    } = SheetFormats::new();

    ws.write_string_with_format(0, 0, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", &title)?;
    let dossiers = {
        let mut v: Vec<&str> = rows.iter().map(|r| r.dossier.as_str()).collect();
        v.dedup();
        v.len()
    };
    ws.write_string_with_format(
        1,
        0,
        format!(
            "{} hồ sơ, {} tập thể, cá nhân, hộ gia đình",
            dossiers,
            rows.len()
        ),
        &note,
    )?;
    const TOP: u32 = 3;
    for (c, (h, w)) in HEADERS.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(TOP, c, *h, &header)?;
        ws.set_column_width(c, *w)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = TOP + 1 + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &centred)?;
        let texts = [
            (1, &r.dossier, &cell),
            (2, &r.status, &cell),
            (3, &r.so_ky_hieu, &centred),
            (5, &r.co_quan, &cell),
            (6, &r.ten, &cell),
            (7, &r.loai, &centred),
            (8, &r.chuc_vu, &cell),
            (9, &r.don_vi, &cell),
            (10, &r.doi_tuong, &cell),
            (11, &r.hinh_thuc, &cell),
            (12, &r.cap, &centred),
            (13, &r.loai_khen, &cell),
            (17, &r.cap_bac, &cell),
            (19, &r.chuc_vu_don_vi, &cell),
        ];
        for (c, t, f) in texts {
            ws.write_string_with_format(row, c, t.as_str(), f)?;
        }
        write_day(ws, row, 4, r.ngay, &date, &centred)?;
        write_birth(ws, row, 18, r.ngay_sinh, &date, &centred)?;
        for (c, n) in [(14, r.tan_thanh), (15, r.khong_tan_thanh), (16, r.co_mat)] {
            match n {
                Some(n) => ws.write_number_with_format(row, c, f64::from(n), &centred)?,
                None => ws.write_blank(row, c, &centred)?,
            };
        }
    }
    ws.set_freeze_panes(TOP + 1, 0)?;
    let last = TOP + rows.len() as u32;
    ws.autofilter(TOP, 0, last.max(TOP), (HEADERS.len() - 1) as u16)?;
    workbook_bytes(&mut wb)
}

/// The workbook's bytes, the same on every machine ([`same_bytes`]).
pub fn workbook_bytes(wb: &mut Workbook) -> Result<Vec<u8>, XlsxError> {
    let mut bytes = wb.save_to_buffer()?;
    same_bytes::made_on_unix(&mut bytes);
    Ok(bytes)
}

/// Write `bytes` to `target` atomically (a temporary file in a staging folder beside it, then a
/// rename), never over an existing file unless `force`.
pub fn write(target: &Path, bytes: &[u8], force: bool) -> Result<(), ExportError> {
    use std::io::Write;
    // A folder named as the sheet: said as a folder, since "use --force" would not help.
    if target.is_dir() {
        return Err(ExportError::Io {
            path: target.to_path_buf(),
            source: std::io::ErrorKind::IsADirectory.into(),
        });
    }
    if target.exists() && !force {
        return Err(ExportError::Exists(target.to_path_buf()));
    }
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let io = |source| ExportError::Io {
        path: target.to_path_buf(),
        source,
    };
    // What a killed export into this folder left behind goes first; this one stages its
    // workbook in a locked folder of its own, removed whatever ends it but SIGKILL.
    crate::disk::cleanup::sweep(folder, "export");
    let stage = crate::disk::cleanup::Staging::new(folder, "export").map_err(io)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix("bang-tinh-").suffix(".xlsx");
    // tempfile makes its files readable by their owner alone (0600), and the rename keeps that
    // mode: the sheet a clerk leaves in a shared folder must be as readable as any file she
    // saves there (0666 less her umask, as draft's documents and pack's bundle are).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(stage.path()).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    let result = if force {
        tmp.persist(target).map(|_| ())
    } else {
        tmp.persist_noclobber(target).map(|_| ())
    };
    result.map_err(|e| io(e.error))
}
