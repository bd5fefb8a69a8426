//! `dossier init`, `add` and `fix`: the commands that write a clerk's files, each only when
//! asked, each file atomically, never over an existing one (`init`) and never changing meaning
//! (`fix`). The work is in `crate::edit`; this module turns it into messages.

use std::io::{self, Write};
use std::path::Path;

use super::check::{catalog_or_report, shown, today_or_report};
use super::{AddArgs, Exit, FixArgs, InitArgs, RemoveArgs};
use crate::diag::Lang;
use crate::edit::{self, EditError};

fn fail(e: &EditError, lang: Lang, err: &mut dyn Write) -> io::Result<Exit> {
    match lang {
        Lang::Vi => writeln!(err, "lỗi: {}", e.message_vi())?,
        Lang::En => writeln!(err, "error: {e}")?,
    }
    Ok(Exit::Trouble)
}

fn list_written(files: &[std::path::PathBuf], out: &mut dyn Write) -> io::Result<()> {
    for f in files {
        writeln!(out, "  {}", shown(f))?;
    }
    Ok(())
}

pub(super) fn init(
    a: &InitArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let catalog = match catalog_or_report(a.criteria.as_deref(), lang, out, err)? {
        Ok(c) => c,
        Err(exit) => return Ok(exit),
    };
    let Some(today) = today_or_report(a.today.as_deref(), lang, err)? else {
        return Ok(Exit::Trouble);
    };
    let (mut opts, chosen) = match edit::init::choose(
        &catalog,
        a.phong_trao.as_deref(),
        a.hinh_thuc.as_deref(),
        a.loai_khen.as_deref(),
        today,
    ) {
        Ok(c) => c,
        Err(e) => return fail(&e, lang, err),
    };
    opts.nominee_kind.clone_from(&a.doi_tuong);
    match edit::init::init(&a.dir, &opts, &catalog) {
        Ok(files) => {
            match lang {
                Lang::Vi => writeln!(out, "Đã tạo hồ sơ mẫu trong {}:", shown(&a.dir))?,
                Lang::En => writeln!(out, "Created a template dossier in {}:", shown(&a.dir))?,
            }
            list_written(&files, out)?;
            say_chosen(&catalog, &opts, &chosen, today, lang, out)?;
            match lang {
                Lang::Vi => writeln!(
                    out,
                    "Tiếp theo: mở từng tệp, thay các chỗ <<...>> và các giá trị mẫu bằng nội dung thật, thêm người bằng `dossier add`, rồi chạy `dossier check {}`.",
                    shown(&a.dir)
                )?,
                Lang::En => writeln!(
                    out,
                    "Next: open each file, replace every <<...>> and sample value with the real text, add nominees with `dossier add`, then run `dossier check {}`.",
                    shown(&a.dir)
                )?,
            }
            Ok(Exit::Clean)
        }
        Err(e) => fail(&e, lang, err),
    }
}

/// What init chose by itself, and how to choose otherwise.
fn say_chosen(
    catalog: &crate::criteria::Catalog,
    opts: &edit::init::InitOptions,
    chosen: &edit::init::Chosen,
    today: crate::date::Date,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let Some(rs) = catalog.get(&opts.campaign) else {
        return Ok(());
    };
    let form = rs.form(&opts.form);
    let form_name = form.map_or("", |f| f.ten.as_str());
    // A rule set of another period (a 2021 dossier typed up today): said, and the sample dates
    // were kept inside its period.
    if let Some(v) = rs.validity.as_ref().filter(|v| !v.contains(today)) {
        let until = v.to.map_or_else(String::new, |t| format!(" – {}", t.dmy()));
        let until_en = v.to.map_or_else(String::new, |t| format!(" to {t}"));
        match lang {
            Lang::Vi => writeln!(out, "Lưu ý: bộ quy tắc {} chỉ áp dụng cho tờ trình ghi ngày {}{}, không phải hôm nay; ngày mẫu đã đặt trong thời gian đó.", rs.id, v.from.dmy(), until)?,
            Lang::En => writeln!(out, "Note: rule set {} applies only to proposals dated {}{}, not today; the sample dates fall in that period.", rs.id, v.from, until_en)?,
        }
    }
    let kind_name = opts
        .kind
        .as_deref()
        .and_then(|k| rs.award_kind(k))
        .map(|k| k.ten.as_str());
    match lang {
        Lang::Vi => {
            let why = if chosen.campaign {
                format!(" (thủ tục đang áp dụng ngày {})", today.dmy())
            } else {
                String::new()
            };
            writeln!(out, "Bộ quy tắc: {}{} — {}", rs.id, why, rs.ten)?;
            writeln!(out, "Hình thức: {} — {}", opts.form, form_name)?;
            if let (Some(k), Some(n)) = (&opts.kind, kind_name) {
                writeln!(out, "Loại khen thưởng: {k} — {n}")?;
            }
            if chosen.campaign || chosen.form {
                writeln!(
                    out,
                    "Muốn chọn khác: dùng --phong-trao, --hinh-thuc, --loai-khen; xem các lựa chọn bằng `dossier criteria {}`.",
                    rs.id
                )?;
            }
        }
        Lang::En => {
            let why = if chosen.campaign {
                format!(" (the procedure in force on {today})")
            } else {
                String::new()
            };
            writeln!(out, "Rule set: {}{} — {}", rs.id, why, rs.ten)?;
            writeln!(out, "Award form: {} — {}", opts.form, form_name)?;
            if let (Some(k), Some(n)) = (&opts.kind, kind_name) {
                writeln!(out, "Kind of award: {k} — {n}")?;
            }
            if chosen.campaign || chosen.form {
                writeln!(
                    out,
                    "To choose otherwise: --phong-trao, --hinh-thuc, --loai-khen; see the choices with `dossier criteria {}`.",
                    rs.id
                )?;
            }
        }
    }
    Ok(())
}

pub(super) fn add(
    a: &AddArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let catalog = match catalog_or_report(a.criteria.as_deref(), lang, out, err)? {
        Ok(c) => c,
        Err(exit) => return Ok(exit),
    };
    // No id given: made from the name, as the clerk would write it.
    let ma = match &a.ma {
        Some(m) => m.clone(),
        None => match edit::add::derived_id(&a.dir, &a.ten) {
            Some(m) => m,
            None => {
                let e = edit::EditError::Empty("ma");
                return fail(&e, lang, err);
            }
        },
    };
    let n = edit::add::NewNominee {
        ma: ma.clone(),
        ten: a.ten.clone(),
        loai: a.loai.clone(),
        doi_tuong: a.doi_tuong.clone(),
        don_vi: a.don_vi.clone(),
        chuc_vu: a.chuc_vu.clone(),
    };
    match edit::add::add(&a.dir, &n, &catalog) {
        Ok(files) => {
            match lang {
                Lang::Vi => writeln!(out, "Đã thêm \"{}\" (mã {}) vào hồ sơ:", a.ten, ma)?,
                Lang::En => writeln!(out, "Added \"{}\" (id {}) to the dossier:", a.ten, ma)?,
            }
            list_written(&files, out)?;
            // Votes only where the dossier has minutes (the simplified procedure of 2024 on has
            // none).
            let votes = files
                .iter()
                .any(|f| f.file_stem().is_some_and(|s| s == "bien-ban"));
            match (lang, votes) {
                (Lang::Vi, true) => writeln!(out, "Tiếp theo: điền báo cáo thành tích và số phiếu bầu, rồi chạy `dossier check {}`.", shown(&a.dir))?,
                (Lang::En, true) => writeln!(out, "Next: fill in the report and the vote counts, then run `dossier check {}`.", shown(&a.dir))?,
                (Lang::Vi, false) => writeln!(out, "Tiếp theo: điền báo cáo thành tích, rồi chạy `dossier check {}`.", shown(&a.dir))?,
                (Lang::En, false) => writeln!(out, "Next: fill in the report, then run `dossier check {}`.", shown(&a.dir))?,
            }
            Ok(Exit::Clean)
        }
        Err(e) => fail(&e, lang, err),
    }
}

pub(super) fn remove(
    a: &RemoveArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    match edit::remove::remove(&a.dir, &a.ma) {
        Ok(r) => {
            match lang {
                Lang::Vi => writeln!(out, "Đã gỡ \"{}\" khỏi hồ sơ:", a.ma)?,
                Lang::En => writeln!(out, "Removed \"{}\" from the dossier:", a.ma)?,
            }
            list_written(&r.edited, out)?;
            if let Some(p) = &r.deleted {
                match lang {
                    Lang::Vi => writeln!(out, "  {} (đã xóa)", shown(p))?,
                    Lang::En => writeln!(out, "  {} (deleted)", shown(p))?,
                }
            }
            Ok(Exit::Clean)
        }
        Err(e) => fail(&e, lang, err),
    }
}

pub(super) fn fix(
    a: &FixArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let report = match edit::fix::plan_fixes(&a.dir) {
        Ok(r) => r,
        Err(e) => return fail(&e, lang, err),
    };
    for s in &report.skipped {
        let label = match lang {
            Lang::Vi => "bỏ qua",
            Lang::En => "skipped",
        };
        writeln!(
            err,
            "dossier fix: {label} {}: {}",
            shown(rel(&a.dir, &s.file)),
            s.why.get(lang)
        )?;
    }
    // Files left unread are work left for the clerk: a script sees it in the exit status.
    let done = if report.skipped.is_empty() {
        Exit::Clean
    } else {
        Exit::Findings
    };
    let work = report.changes.len() + report.renames.len();
    if work == 0 {
        match lang {
            Lang::Vi => writeln!(out, "Không có gì cần sửa tự động trong {}.", shown(&a.dir))?,
            Lang::En => writeln!(out, "Nothing to fix automatically in {}.", shown(&a.dir))?,
        }
        return Ok(done);
    }
    for c in &report.changes {
        let reasons = match lang {
            Lang::Vi => &c.reasons_vi,
            Lang::En => &c.reasons,
        };
        for r in reasons {
            writeln!(out, "# {}: {r}", shown(rel(&a.dir, &c.file)))?;
        }
        write!(out, "{}", edit::fix::unified_diff(c))?;
    }
    for (from, to) in &report.renames {
        let (from, to) = (shown(rel(&a.dir, from)), shown(rel(&a.dir, to)));
        match lang {
            Lang::Vi => writeln!(
                out,
                "# đổi tên tệp về dạng chữ dựng sẵn (NFC): {from} -> {to}"
            )?,
            Lang::En => writeln!(out, "# file renamed to its NFC name: {from} -> {to}")?,
        }
    }
    if a.dry_run {
        match lang {
            Lang::Vi => writeln!(
                out,
                "Chạy thử (--dry-run): chưa ghi tệp nào. Bỏ --dry-run để sửa {} tệp.",
                work
            )?,
            Lang::En => writeln!(
                out,
                "Dry run: nothing written. Run without --dry-run to fix {} file(s).",
                work
            )?,
        }
        return Ok(done);
    }
    if let Err(e) = edit::fix::apply(&report) {
        return fail(&e, lang, err);
    }
    match lang {
        Lang::Vi => writeln!(
            out,
            "Đã sửa {} tệp. Chạy lại `dossier check {}` để kiểm tra.",
            work,
            shown(&a.dir)
        )?,
        Lang::En => writeln!(
            out,
            "Fixed {} file(s). Run `dossier check {}` again.",
            work,
            shown(&a.dir)
        )?,
    }
    Ok(done)
}

fn rel<'a>(dir: &Path, file: &'a Path) -> &'a Path {
    file.strip_prefix(dir).unwrap_or(file)
}
