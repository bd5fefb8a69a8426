//! `dossier init`, `add` and `fix`: the commands that write a clerk's files, each only when
//! asked, each file atomically, never over an existing one (`init`) and never changing meaning
//! (`fix`). The work is in `crate::edit`; this module turns it into messages.

use std::io::{self, Write};
use std::path::Path;

use super::setup::{self, Start};
use super::shown;
use super::{AddArgs, Exit, FixArgs, InitArgs, RemoveArgs};
use crate::diag::Lang;
use crate::edit::{self, EditError};
use crate::msg;

/// An edit refused: said on `err` in the chosen language; the run ends in trouble.
pub(super) fn fail(e: &EditError, lang: Lang, err: &mut dyn Write) -> io::Result<Exit> {
    super::say_error(err, lang, &e.msg())?;
    Ok(Exit::Trouble)
}

/// Hold the dossier in `dir` for `command` (for writing unless `read_only`), and say what was
/// finished or cleaned on the way in. A folder that is not a dossier is not held (the command
/// then refuses it in its own words, without leaving a lock file in a folder that is not the
/// clerk's dossier).
pub(super) fn hold(
    dir: &Path,
    command: &str,
    read_only: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Result<Option<crate::disk::session::Session>, Exit>> {
    if !read_only {
        stop_cleanly(lang);
    }
    if !crate::dossier::discover::is_dossier(dir) {
        return Ok(Ok(None));
    }
    let held = if read_only {
        crate::disk::session::reading(dir, command)
    } else {
        crate::disk::session::writing(dir, command)
    };
    match held {
        Ok(s) => {
            for m in s.said() {
                writeln!(out, "{}", m.get(lang))?;
            }
            Ok(Ok(Some(s)))
        }
        Err(e) => {
            super::say_error(err, lang, &e.msg())?;
            Ok(Err(Exit::Trouble))
        }
    }
}

/// A signal or a size limit ends an editing command the way it ends `pack`: SIGXFSZ is
/// ignored, so a write over `ulimit -f` fails with a message naming the file; a terminating
/// signal removes the staged files (before the commit point) and says what became of the
/// dossier. Until #17 `ulimit -f` killed add, remove, fix and import with signal 25, silently.
fn stop_cleanly(lang: Lang) {
    super::interrupt::install(
        lang,
        msg!("Đã dừng: chưa ghi gì vào hồ sơ, hồ sơ vẫn như trước; chạy lại lệnh nếu cần.";
             "Stopped: nothing was written to the dossier, it is as before; run the command again if needed."),
    );
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
    stop_cleanly(lang);
    let Start { today, catalog, .. } = match setup::start(&a.settings, &a.dir, lang, out, err)? {
        Ok(s) => s,
        Err(exit) => return Ok(exit),
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
    if let Some(outer) = dossier_above(&a.dir) {
        let name = a.dir.file_name().map_or_else(
            || "ho-so-moi".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let beside = super::beside(&outer, &name);
        let (dir, outer) = (shown(&a.dir), shown(&outer));
        let m = msg!(
            "không tạo hồ sơ mới \"{dir}\" bên trong hồ sơ \"{outer}\": các tệp của nó sẽ thành tệp lạ của hồ sơ đó; không có tệp nào được ghi. Tạo ở ngoài, ví dụ bên cạnh: dossier init {beside}";
            "a new dossier \"{dir}\" would go inside the dossier \"{outer}\", and its files would become stray files of that dossier; nothing was written. Make it outside, beside it for instance: dossier init {beside}"
        );
        super::say_error(err, lang, &m)?;
        return Ok(Exit::Trouble);
    }
    match edit::init::init(&a.dir, &opts, &catalog) {
        Ok(files) => {
            let dir = shown(&a.dir);
            let m = msg!("Đã tạo hồ sơ mẫu trong {dir}:"; "Created a template dossier in {dir}:");
            writeln!(out, "{}", m.get(lang))?;
            list_written(&files, out)?;
            say_chosen(&catalog, &opts, &chosen, today, lang, out)?;
            let m = msg!(
                "Tiếp theo: mở từng tệp, thay các chỗ <<...>> và các giá trị mẫu bằng nội dung thật, thêm người bằng lệnh dossier add, rồi chạy lệnh dossier check {dir}.";
                "Next: open each file, replace every <<...>> and sample value with the real text, add nominees with dossier add, then run dossier check {dir}."
            );
            writeln!(out, "{}", m.get(lang))?;
            Ok(Exit::Clean)
        }
        Err(e) => fail(&e, lang, err),
    }
}

/// The dossier a new dossier folder would be made inside of, if any (the folder itself being a
/// dossier already is refused by `init` as a file that exists). Judged from the nearest folder
/// that exists, by its real path, so `hs/dinh-kem/moi` and a link into a dossier are caught.
fn dossier_above(dir: &Path) -> Option<std::path::PathBuf> {
    let existing = dir
        .ancestors()
        .find(|a| !a.as_os_str().is_empty() && a.exists())
        .unwrap_or_else(|| Path::new("."));
    let real = std::fs::canonicalize(existing).ok()?;
    let itself = std::fs::canonicalize(dir).ok();
    real.ancestors()
        .filter(|a| Some(*a) != itself.as_deref())
        .find(|a| crate::dossier::discover::is_dossier(a))
        .map(Path::to_path_buf)
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
        let period = v.period();
        let m = msg!(
            "Lưu ý: bộ quy tắc {} chỉ áp dụng cho tờ trình ghi ngày {}, không phải hôm nay; ngày mẫu đã đặt trong thời gian đó.", rs.id, period.vi;
            "Note: rule set {} applies only to proposals dated {}, not today; the sample dates fall in that period.", rs.id, period.en
        );
        writeln!(out, "{}", m.get(lang))?;
    }
    let kind_name = opts
        .kind
        .as_deref()
        .and_then(|k| rs.award_kind(k))
        .map(|k| k.ten.as_str());
    let why = if chosen.campaign {
        msg!(" (thủ tục đang áp dụng ngày {})", today.dmy(); " (the procedure in force on {today})")
    } else {
        msg!(""; "")
    };
    let id = &rs.id;
    let ten = &rs.ten;
    let form = &opts.form;
    let mut lines = vec![
        msg!("Bộ quy tắc: {id}{} — {ten}", why.vi; "Rule set: {id}{} — {ten}", why.en),
        msg!("Hình thức: {form} — {form_name}"; "Award form: {form} — {form_name}"),
    ];
    if let (Some(k), Some(n)) = (&opts.kind, kind_name) {
        if chosen.kind {
            lines.push(msg!("Loại khen thưởng: {k} — {n} (mặc định của bộ quy tắc)"; "Kind of award: {k} — {n} (the rule set's default)"));
        } else {
            lines.push(msg!("Loại khen thưởng: {k} — {n}"; "Kind of award: {k} — {n}"));
        }
    }
    if chosen.campaign || chosen.form || chosen.kind {
        lines.push(msg!(
            "Muốn chọn khác: dùng --phong-trao, --hinh-thuc, --loai-khen; xem các lựa chọn bằng lệnh dossier criteria {id}.";
            "To choose otherwise: --phong-trao, --hinh-thuc, --loai-khen; see the choices with dossier criteria {id}."
        ));
    }
    for l in lines {
        writeln!(out, "{}", l.get(lang))?;
    }
    Ok(())
}

pub(super) fn add(
    a: &AddArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let Start { today, catalog, .. } = match setup::start(&a.settings, &a.dir, lang, out, err)? {
        Ok(s) => s,
        Err(exit) => return Ok(exit),
    };
    let _held = match hold(&a.dir, "add", false, lang, out, err)? {
        Ok(h) => h,
        Err(exit) => return Ok(exit),
    };
    // No id given: made from the name, as the clerk would write it.
    // An empty `--ten` or `--ma` is named as empty, not as an id that failed.
    if a.ten.trim().is_empty() {
        return fail(&edit::EditError::Empty("ten"), lang, err);
    }
    let ma = match &a.ma {
        Some(m) if m.trim().is_empty() => return fail(&edit::EditError::Empty("ma"), lang, err),
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
        chuc_vu_don_vi: a.chuc_vu_don_vi.clone(),
        cap_bac: a.cap_bac.clone(),
    };
    match edit::add::add(&a.dir, &n, &catalog, today) {
        Ok(files) => {
            let ten = &a.ten;
            let m = msg!("Đã thêm \"{ten}\" (mã {ma}) vào hồ sơ:"; "Added \"{ten}\" (id {ma}) to the dossier:");
            writeln!(out, "{}", m.get(lang))?;
            list_written(&files, out)?;
            // Votes only where the dossier has minutes (the simplified procedure of 2024 on has
            // none).
            let votes = files
                .iter()
                .any(|f| f.file_stem().is_some_and(|s| s == "bien-ban"));
            let dir = shown(&a.dir);
            let m = if votes {
                msg!("Tiếp theo: điền báo cáo thành tích và số phiếu bầu, rồi chạy lệnh dossier check {dir}.";
                     "Next: fill in the report and the vote counts, then run dossier check {dir}.")
            } else {
                msg!("Tiếp theo: điền báo cáo thành tích, rồi chạy lệnh dossier check {dir}.";
                     "Next: fill in the report, then run dossier check {dir}.")
            };
            writeln!(out, "{}", m.get(lang))?;
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
    let _held = match hold(&a.dir, "remove", false, lang, out, err)? {
        Ok(h) => h,
        Err(exit) => return Ok(exit),
    };
    match edit::remove::remove(&a.dir, &a.ma) {
        Ok(r) => {
            let ma = &a.ma;
            let m = msg!("Đã gỡ \"{ma}\" khỏi hồ sơ:"; "Removed \"{ma}\" from the dossier:");
            writeln!(out, "{}", m.get(lang))?;
            list_written(&r.edited, out)?;
            if let Some(p) = &r.deleted {
                let p = shown(p);
                let m = msg!("  {p} (đã xóa)"; "  {p} (deleted)");
                writeln!(out, "{}", m.get(lang))?;
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
    let _held = match hold(&a.dir, "fix", a.dry_run, lang, out, err)? {
        Ok(h) => h,
        Err(exit) => return Ok(exit),
    };
    let report = match edit::fix::plan_fixes(&a.dir) {
        Ok(r) => r,
        Err(e) => return fail(&e, lang, err),
    };
    for s in &report.skipped {
        let file = shown(rel(&a.dir, &s.file));
        let m = msg!("dossier fix: bỏ qua {file}: {}", s.why.vi; "dossier fix: skipped {file}: {}", s.why.en);
        writeln!(err, "{}", m.get(lang))?;
    }
    // Files left unread are work left for the clerk: a script sees it in the exit status.
    let done = if report.skipped.is_empty() {
        Exit::Clean
    } else {
        Exit::Findings
    };
    let work = report.changes.len() + report.cleaned.len() + report.renames.len();
    let dir = shown(&a.dir);
    if work == 0 {
        let m = msg!("Không có gì cần sửa tự động trong {dir}."; "Nothing to fix automatically in {dir}.");
        writeln!(out, "{}", m.get(lang))?;
        return Ok(done);
    }
    for c in &report.changes {
        for r in &c.reasons {
            writeln!(out, "# {}: {}", shown(rel(&a.dir, &c.file)), r.get(lang))?;
        }
        write!(out, "{}", edit::fix::unified_diff(c))?;
    }
    for (from, to) in &report.cleaned {
        use crate::text::chars::{code, odd_chars, Odd};
        let odd = odd_chars(&from.to_string_lossy());
        let hidden: Vec<String> = odd
            .iter()
            .filter_map(|(_, o)| match o {
                Odd::Invisible(c) => Some(code(*c)),
                Odd::Lookalike(..) => None,
            })
            .collect();
        let look: Vec<String> = odd
            .iter()
            .filter_map(|(_, o)| match o {
                Odd::Lookalike(c, l) => Some(format!("{} → {l}", code(*c))),
                Odd::Invisible(_) => None,
            })
            .collect();
        let mut what = Vec::new();
        if !hidden.is_empty() {
            let h = hidden.join(", ");
            what.push(msg!("xóa ký tự vô hình {h}"; "invisible characters {h} removed"));
        }
        if !look.is_empty() {
            let l = look.join(", ");
            what.push(
                msg!("viết lại bằng chữ Latinh {l}"; "look-alike letters written in Latin {l}"),
            );
        }
        let (vi, en): (Vec<&str>, Vec<&str>) =
            what.iter().map(|m| (m.vi.as_str(), m.en.as_str())).unzip();
        let (vi, en) = (vi.join("; "), en.join("; "));
        let (from, to) = (shown(rel(&a.dir, from)), shown(rel(&a.dir, to)));
        let m = msg!(
            "# đổi tên tệp đính kèm cho khớp dòng dinh_kem đã sửa ({vi}): {from} -> {to}";
            "# attachment renamed to match its corrected dinh_kem entry ({en}): {from} -> {to}"
        );
        writeln!(out, "{}", m.get(lang))?;
    }
    for (from, to) in &report.renames {
        let (from, to) = (shown(rel(&a.dir, from)), shown(rel(&a.dir, to)));
        let m = msg!(
            "# đổi tên tệp về dạng chữ dựng sẵn (NFC): {from} -> {to}";
            "# file renamed to its NFC name: {from} -> {to}"
        );
        writeln!(out, "{}", m.get(lang))?;
    }
    let files_en = super::en_count(work, "file", "files");
    if a.dry_run {
        let m = msg!(
            "Chạy thử (--dry-run): chưa ghi tệp nào. Bỏ --dry-run để sửa {work} tệp.";
            "Dry run: nothing written. Run without --dry-run to fix {files_en}."
        );
        writeln!(out, "{}", m.get(lang))?;
        return Ok(done);
    }
    if let Err(e) = edit::fix::apply(&report) {
        return fail(&e, lang, err);
    }
    let m = msg!(
        "Đã sửa {work} tệp. Chạy lại lệnh dossier check {dir} để kiểm tra.";
        "Fixed {files_en}. Run dossier check {dir} again."
    );
    writeln!(out, "{}", m.get(lang))?;
    Ok(done)
}

fn rel<'a>(dir: &Path, file: &'a Path) -> &'a Path {
    file.strip_prefix(dir).unwrap_or(file)
}
