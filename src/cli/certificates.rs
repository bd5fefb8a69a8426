//! `dossier certificates LIST... --phoi LAYOUT -o FILE.pdf`: the certificates of a signed
//! decision printed onto the office's blanks, and the awards added to its register; with
//! `--thu`, the calibration page only.
//!
//! Every refusal comes before the first write: the layout, the decision's number and date, the
//! settings the layout needs, the list, the register's plan, an existing output without
//! `--force`. Then the PDF is written whole, then the register.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::setup;
use super::{say_error as say, shown};
use super::{Exit, Settings};
use crate::certificates::{self, layout, list, register, Decision};
use crate::date::Date;
use crate::diag::{en_count, Lang, Msg};
use crate::msg;

/// Arguments of `certificates`.
#[derive(Debug, clap::Args)]
pub struct CertificatesArgs {
    /// Danh sách khen thưởng kèm quyết định (du-thao/danh-sach-khen-thuong.xlsx của lệnh review, hoặc xls, ods, csv) / the decision's list of awards (review's du-thao/danh-sach-khen-thuong.xlsx, or xls, ods, csv).
    #[arg(value_name = "LIST", required_unless_present = "thu")]
    pub lists: Vec<PathBuf>,
    /// Tệp bố cục phôi (YAML, milimét; xem docs/certificates.md) / the blank's layout file (YAML, millimetres).
    #[arg(long, value_name = "FILE")]
    pub phoi: PathBuf,
    /// Tệp PDF ghi ra / the PDF to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Số quyết định khen thưởng, ví dụ "123/QĐ-UBND" / the decision's number.
    #[arg(long, value_name = "SO")]
    pub so_quyet_dinh: Option<String>,
    /// Ngày ký quyết định (YYYY-MM-DD hoặc dd/mm/yyyy) / the decision's date.
    #[arg(long, value_name = "NGAY")]
    pub ngay_quyet_dinh: Option<String>,
    /// Chỉ in trang thử: khung các trường, thước milimét, để đặt lên phôi soi đèn / the calibration page only: the fields' frames and a ruler, to hold against a blank.
    #[arg(long)]
    pub thu: bool,
    /// Sổ khen thưởng (.csv, hoặc một tệp .csv/.xlsx mới) để ghi thêm các khen thưởng / the register of awards (.csv, or a new .csv/.xlsx) to add the awards to.
    #[arg(long, value_name = "FILE", visible_alias = "register")]
    pub so_khen_thuong: Option<PathBuf>,
    /// Số vào sổ của người đầu tiên [mặc định: tiếp theo số lớn nhất của sổ] / the first register number [default: after the register's highest].
    #[arg(long, value_name = "N")]
    pub so_vao_so_dau: Option<u64>,
    /// Hình thức khen thưởng [chỉ in và vào sổ những người có hình thức này, theo mã hoặc tên, khi danh sách có nhiều hình thức: mỗi hình thức là một quyết định riêng] / award form id or name [print and register only its awardees, when the list holds several: each form is a decision of its own].
    #[arg(long, value_name = "MA")]
    pub hinh_thuc: Option<String>,
    /// Ghi đè tệp PDF đã có / replace an existing PDF.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub settings: Settings,
}

/// Longest decision number taken.
const MAX_NUMBER_CHARS: usize = 60;

fn decision_or_say(
    a: &CertificatesArgs,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Option<Decision>> {
    let number = a.so_quyet_dinh.as_deref().map(crate::text::to_nfc);
    let number = number
        .as_deref()
        .map(|s| crate::text::fold_whitespace(s.trim()).into_owned());
    let problem = match (&number, &a.ngay_quyet_dinh) {
        (None, _) | (Some(_), None) => Some(
            msg!("cần số và ngày của quyết định đã ký: --so-quyet-dinh \"123/QĐ-UBND\" --ngay-quyet-dinh 2026-12-15 (chỉ in trang thử thì dùng --thu); không có tệp nào được ghi";
                 "the signed decision's number and date are needed: --so-quyet-dinh \"123/QĐ-UBND\" --ngay-quyet-dinh 2026-12-15 (for the calibration page alone, --thu); nothing was written"),
        ),
        (Some(n), _)
            if n.is_empty()
                || n.chars().count() > MAX_NUMBER_CHARS
                // The number as typed: folding would make a line break a space.
                || a.so_quyet_dinh.as_deref().is_some_and(|r| r.chars().any(layout::unprintable)) =>
        {
            Some(
                msg!("--so-quyet-dinh phải là số, ký hiệu của quyết định, ví dụ \"123/QĐ-UBND\" (không quá {MAX_NUMBER_CHARS} ký tự, trên một dòng, không có ký tự điều khiển hay ký tự ẩn); không có tệp nào được ghi";
                 "--so-quyet-dinh must be the decision's number, e.g. \"123/QĐ-UBND\" (at most {MAX_NUMBER_CHARS} characters, on one line, without control or invisible characters); nothing was written"),
            )
        }
        _ => None,
    };
    if let Some(m) = problem {
        say(err, lang, &m)?;
        return Ok(None);
    }
    let raw = a.ngay_quyet_dinh.as_deref().unwrap_or("");
    let Some(date) = Date::parse(raw.trim())
        .ok()
        .or_else(|| Date::parse_day_first(raw.trim()).ok())
    else {
        say(
            err,
            lang,
            &msg!("--ngay-quyet-dinh \"{raw}\" không phải ngày (YYYY-MM-DD hoặc dd/mm/yyyy); không có tệp nào được ghi";
                  "--ngay-quyet-dinh \"{raw}\" is not a date (YYYY-MM-DD or dd/mm/yyyy); nothing was written"),
        )?;
        return Ok(None);
    };
    Ok(number.map(|number| Decision { number, date }))
}

/// Refuse an output that is a folder, a link, or exists without `--force`.
fn output_refused(target: &Path, force: bool) -> Option<Msg> {
    let t = shown(target);
    // The PDF is renamed into place: a link would be replaced by it, not written through.
    if std::fs::symlink_metadata(target).is_ok_and(|m| crate::disk::links::is_link(&m)) {
        let (vi, en) = crate::disk::links::target_words(target);
        return Some(
            msg!("\"{t}\" là một liên kết (lối tắt) {vi}: tệp PDF sẽ thay chỗ liên kết chứ không ghi vào nơi nó trỏ tới; ghi tên một tệp thật sau -o; không có tệp nào được ghi";
                 "\"{t}\" is a link (shortcut) {en}: the PDF would replace the link, not be written where it leads; give a real file's name after -o; nothing was written"),
        );
    }
    if target.is_dir() {
        return Some(
            msg!("\"{t}\" là một thư mục; ghi tên tệp PDF sau -o; không có tệp nào được ghi";
                 "\"{t}\" is a folder; give a PDF file name after -o; nothing was written"),
        );
    }
    (target.exists() && !force).then(|| crate::disk::already_exists(target, true))
}

/// Where a path is, to tell two names of one file: canonical when it exists, else its folder's
/// canonical path joined with its name (a file not made yet, named twice). None when even its
/// folder cannot be found (nothing will be written there).
fn real(p: &Path) -> Option<PathBuf> {
    if let Ok(c) = std::fs::canonicalize(p) {
        return Some(c);
    }
    let parent = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(p.file_name()?))
}

/// Whether `a` and `b` name one file: the same place (with case folded where the file system
/// ignores it), or on Unix the same file under two hard links.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            if x.dev() == y.dev() && x.ino() == y.ino() {
                return true;
            }
        }
    }
    match (real(a), real(b)) {
        (Some(x), Some(y)) if cfg!(any(windows, target_os = "macos")) => {
            x.to_string_lossy().to_lowercase() == y.to_string_lossy().to_lowercase()
        }
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// Refuse a file written that is also one read: the PDF over the register, a list or the
/// layout, or the register over a list or the layout. `--force` replaces an old PDF, never the
/// command's own input.
fn same_file_refused(a: &CertificatesArgs) -> Option<Msg> {
    let mut inputs: Vec<(&Path, Msg)> = vec![(
        a.phoi.as_path(),
        msg!("tệp bố cục phôi (--phoi)"; "the layout file (--phoi)"),
    )];
    for l in &a.lists {
        inputs.push((
            l.as_path(),
            msg!("danh sách khen thưởng"; "the list of awards"),
        ));
    }
    let mut written = vec![(a.output.as_path(), msg!("tệp PDF (-o)"; "the PDF (-o)"))];
    if let Some(r) = &a.so_khen_thuong {
        written.push((
            r.as_path(),
            msg!("sổ khen thưởng (--so-khen-thuong)"; "the register (--so-khen-thuong)"),
        ));
        inputs.push((
            r.as_path(),
            msg!("sổ khen thưởng (--so-khen-thuong)"; "the register (--so-khen-thuong)"),
        ));
    }
    for (w, wm) in &written {
        for (i, im) in &inputs {
            if std::ptr::eq(*w, *i) || !same_file(w, i) {
                continue;
            }
            let (f, g) = (shown(w), shown(i));
            return Some(
                msg!("{} \"{f}\" cũng là {} \"{g}\": ghi vào sẽ xóa mất tệp đang đọc; chọn một tên tệp khác (kể cả với --force); không có tệp nào được ghi", wm.vi, im.vi;
                     "{} \"{f}\" is also {} \"{g}\": writing it would destroy a file being read; choose another file name (--force or not); nothing was written", wm.en, im.en),
            );
        }
    }
    None
}

fn write_or_say(
    target: &Path,
    bytes: &[u8],
    force: bool,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<bool> {
    match crate::export::write(target, bytes, force) {
        Ok(()) => Ok(true),
        Err(e) => {
            say(err, lang, &e.msg())?;
            Ok(false)
        }
    }
}

/// "5, 7, 12" and "… (and 3 more)" past 20.
fn rows(v: &[u32]) -> String {
    let mut s: Vec<String> = v.iter().take(20).map(ToString::to_string).collect();
    if v.len() > 20 {
        s.push("…".to_owned());
    }
    s.join(", ")
}

pub(super) fn run(
    a: &CertificatesArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    // The office's settings are found from the list, as for every command on the office's files;
    // for the calibration page alone, from where the page is written.
    let here = match a.output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let from = a.lists.first().unwrap_or(&here);
    let (today, config) = match setup::day_and_office(&a.settings, from, lang, err)? {
        Ok(t) => t,
        Err(exit) => return Ok(exit),
    };
    let layout = match layout::load(&a.phoi) {
        Ok(l) => l,
        Err(e) => {
            say(err, lang, &e.msg())?;
            return Ok(Exit::Trouble);
        }
    };
    if let Some(m) = same_file_refused(a).or_else(|| output_refused(&a.output, a.force)) {
        say(err, lang, &m)?;
        return Ok(Exit::Trouble);
    }
    if a.thu {
        let decision = match (&a.so_quyet_dinh, &a.ngay_quyet_dinh) {
            (Some(_), Some(_)) => match decision_or_say(a, lang, err)? {
                Some(d) => Some(d),
                None => return Ok(Exit::Trouble),
            },
            _ => None,
        };
        let bytes = match certificates::calibration(
            &layout,
            decision.as_ref(),
            config.decider.as_ref(),
            today,
        ) {
            Ok(b) => b,
            Err(e) => {
                say(err, lang, &e.msg())?;
                return Ok(Exit::Trouble);
            }
        };
        if !write_or_say(&a.output, &bytes, a.force, lang, err)? {
            return Ok(Exit::Trouble);
        }
        let o = shown(&a.output);
        let m = msg!("Đã ghi trang thử: {o}. In ra giấy trắng đúng khổ, đặt lên phôi và soi ra ánh sáng: chữ mẫu phải nằm trong khung, trên dòng chấm của phôi; lệch thì sửa x, y của trường (cả trang lệch thì sửa do_lech) rồi in thử lại.";
                     "Calibration page written: {o}. Print it on plain paper of the blank's size, hold it against a blank to the light: each sample must sit in its frame, on the blank's dotted line; where it does not, correct the field's x, y (the whole page: do_lech) and print again.");
        writeln!(out, "{}", m.get(lang))?;
        if !a.lists.is_empty() || a.so_khen_thuong.is_some() {
            let m = msg!("Với --thu, danh sách và sổ khen thưởng không được dùng; sổ không thay đổi.";
                         "With --thu, the list and the register are not used; the register was not changed.");
            writeln!(out, "{}", m.get(lang))?;
        }
        return Ok(Exit::Clean);
    }
    let Some(decision) = decision_or_say(a, lang, err)? else {
        return Ok(Exit::Trouble);
    };
    let missing = certificates::missing_settings(&layout, config.decider.as_ref());
    if !missing.is_empty() {
        let keys = missing.join(", ");
        let f = config
            .path
            .as_deref()
            .map_or_else(|| ".dossier.yaml".to_owned(), shown);
        say(
            err,
            lang,
            &msg!("bố cục phôi in những giá trị mà tệp cấu hình ({f}) chưa ghi: {keys} (docs/office.md); ghi vào tệp cấu hình, hoặc bỏ trường ấy khỏi bố cục nếu phôi in sẵn; không có tệp nào được ghi";
                  "the layout prints values the settings ({f}) do not give: {keys} (docs/office.md); write them into the settings, or take the field out of the layout if the blank has it printed; nothing was written"),
        )?;
        return Ok(Exit::Trouble);
    }
    let mut lists = Vec::new();
    for path in &a.lists {
        match list::read(path, decision.date) {
            Ok(l) => lists.push(l),
            Err(e) => {
                say(err, lang, &e.msg())?;
                return Ok(Exit::Trouble);
            }
        }
    }
    let mut notes: Vec<Msg> = Vec::new();
    match certificates::one_form(&mut lists, a.hinh_thuc.as_deref()) {
        Ok(left) => {
            for (path, left) in left {
                let (f, r) = (shown(&path), rows(&left));
                notes.push(msg!("Lưu ý: {f}, dòng {r}: hình thức khen thưởng khác --hinh-thuc, không được in và không vào sổ.";
                                "Note: {f}, rows {r}: another form of award than --hinh-thuc, not printed and not registered."));
            }
        }
        Err(m) => {
            say(err, lang, &m)?;
            return Ok(Exit::Trouble);
        }
    }
    let mut awardees = Vec::new();
    for l in lists {
        let f = shown(&l.file);
        let untitled: Vec<u32> = l
            .awardees
            .iter()
            .filter(|x| x.untitled())
            .map(|x| x.row)
            .collect();
        if !untitled.is_empty() && layout.uses(layout::Value::Ten) {
            let r = rows(&untitled);
            notes.push(msg!("Lưu ý: {f}, dòng {r}: không ghi giới tính, tên được in không có \"Ông\"/\"Bà\"; ghi \"Nam\" hoặc \"Nữ\" ở cột Giới tính rồi in lại những giấy khen ấy nếu cần.";
                            "Note: {f}, rows {r}: no gender given, the name is printed without \"Ông\"/\"Bà\"; write \"Nam\" or \"Nữ\" in the Giới tính column and print those again if needed."));
        }
        if !l.hidden.is_empty() {
            let r = rows(&l.hidden);
            notes.push(
                msg!("Lưu ý: {f}, dòng {r} đang bị ẩn trong bảng tính nên không được in.";
                            "Note: {f}, rows {r} are hidden in the sheet and were not printed."),
            );
        }
        awardees.extend(l.awardees);
    }
    let numbers = layout.uses(layout::Value::SoVaoSo);
    let plan = match &a.so_khen_thuong {
        None => None,
        Some(p) => match register::plan(p, &awardees, &decision, a.so_vao_so_dau, numbers) {
            Ok(plan) => Some(plan),
            Err(e) => {
                say(err, lang, &e.msg())?;
                return Ok(Exit::Trouble);
            }
        },
    };
    let first = match &plan {
        Some(p) => p.first_number,
        None => a.so_vao_so_dau,
    };
    if numbers && first.is_none() {
        say(
            err,
            lang,
            &msg!("bố cục in số vào sổ ({{so_vao_so}}) mà không biết bắt đầu từ số nào: chỉ sổ khen thưởng bằng --so-khen-thuong, hoặc ghi --so-vao-so-dau N; không có tệp nào được ghi";
                  "the layout prints the register number ({{so_vao_so}}) but nothing says where to start: give the register with --so-khen-thuong, or --so-vao-so-dau N; nothing was written"),
        )?;
        return Ok(Exit::Trouble);
    }
    let printed = match certificates::print(
        &layout,
        &awardees,
        &decision,
        config.decider.as_ref(),
        first,
    ) {
        Ok(p) => p,
        Err(e) => {
            say(err, lang, &e.msg())?;
            return Ok(Exit::Trouble);
        }
    };
    if !write_or_say(&a.output, &printed.pdf, a.force, lang, err)? {
        return Ok(Exit::Trouble);
    }
    for n in &notes {
        writeln!(out, "{}", n.get(lang))?;
    }
    // Names set smaller than their field's size, or on more lines: to look at before printing.
    let ten = layout
        .fields
        .iter()
        .find(|f| f.name == layout::FieldName::Ten);
    if let Some(f) = ten {
        let fitted: Vec<u32> = printed
            .pages
            .iter()
            .zip(&awardees)
            .filter(|(p, _)| {
                p.iter()
                    .any(|s| s.field == f.name && (s.size < f.size || s.lines > 1))
            })
            .map(|(_, a)| a.row)
            .collect();
        if !fitted.is_empty() {
            let r = rows(&fitted);
            let m = msg!("Tên dài được thu nhỏ hoặc xuống dòng cho vừa khung: dòng {r}; xem lại trước khi in.";
                         "Long names set smaller or on two lines to fit their frame: rows {r}; look at them before printing.");
            writeln!(out, "{}", m.get(lang))?;
        }
    }
    let (n, o) = (awardees.len(), shown(&a.output));
    let m = msg!("Đã ghi {n} giấy khen, mỗi người một trang: {o}"; "{} written, one page each: {o}", en_count(n, "certificate", "certificates"));
    writeln!(out, "{}", m.get(lang))?;
    if let Some(plan) = plan {
        if !write_or_say(&plan.file, &plan.bytes, !plan.created, lang, err)? {
            let m = msg!("Giấy khen đã ghi nhưng sổ khen thưởng CHƯA được ghi thêm; sửa lỗi trên rồi chạy lại với --force";
                         "The certificates were written but the register was NOT updated; correct the error above and run again with --force");
            writeln!(err, "{}", m.get(lang))?;
            return Ok(Exit::Trouble);
        }
        // The rewritten register keeps the mode it had (a shared register readable by the
        // office's group stays so), rather than the new file's default.
        if let Some(p) = &plan.permissions {
            if let Err(e) = std::fs::set_permissions(&plan.file, p.clone()) {
                let (f, (vi, en)) = (shown(&plan.file), crate::diag::io_words(&e));
                let m = msg!("Lưu ý: sổ {f} đã được ghi thêm nhưng không giữ lại được quyền truy cập cũ của tệp ({vi}); xem lại quyền của tệp.";
                             "Note: the register {f} was written but its former permissions could not be given back ({en}); look at the file's permissions.");
                writeln!(err, "{}", m.get(lang))?;
            }
        }
        let f = shown(&plan.file);
        let k = plan.added;
        let numbers = match plan.first_number {
            Some(s) => {
                let e = s.saturating_add(k.saturating_sub(1) as u64);
                msg!(", số vào sổ {s} đến {e}"; ", register numbers {s} to {e}")
            }
            None => msg!(""; ""),
        };
        let m = if plan.created {
            msg!("Đã tạo sổ khen thưởng {f} với {k} dòng{}.", numbers.vi; "Register of awards {f} made with {}{}.", en_count(k, "row", "rows"), numbers.en)
        } else {
            msg!("Đã ghi thêm {k} dòng vào sổ khen thưởng {f}{}; các dòng cũ giữ nguyên.", numbers.vi; "{} added to the register of awards {f}{}; the earlier rows are unchanged.", en_count(k, "row", "rows"), numbers.en)
        };
        writeln!(out, "{}", m.get(lang))?;
    }
    Ok(Exit::Clean)
}
