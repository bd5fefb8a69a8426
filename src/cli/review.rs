//! `dossier review PATH... -o OUT`: the receiving office's review of what it received, printed
//! one dossier a line with the verdict last, and its summary sheet, page, return letters
//! (`review_letters`) and drafts of the decision (`review_drafts`) written into `OUT/`.
//!
//! `OUT/` holds personal data of every nominee: it is never a dossier folder or inside one,
//! and an existing file in it is replaced only with `--force`.

use std::io::{self, Write};
use std::path::PathBuf;

use super::setup;
use super::{say_error as say, shown};
use super::{Exit, Settings};
use crate::diag::{en_count, Lang};
use crate::msg;
use crate::review::{self, inputs, table, Status};

/// Arguments of `review`.
#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// Gói hồ sơ (.zip), thư mục hồ sơ, hoặc thư mục chứa chúng / bundles (.zip), dossier folders, or folders holding them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Thư mục ghi kết quả (tong-hop.xlsx) / the folder to write the results into.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Sổ khen thưởng của cơ quan (xlsx, xls, ods, csv): báo người đã được tặng cùng hình thức trong cùng phong trào / the office's register of awards: flags a nominee already given the same form for the same campaign.
    #[arg(long, value_name = "FILE")]
    pub register: Option<PathBuf>,
    /// Ghi đè tệp đã có trong thư mục kết quả / replace existing files in the output folder.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub settings: Settings,
}

/// Name of the summary sheet in `OUT/`.
pub(super) const SHEET: &str = "tong-hop.xlsx";
/// Name of the review's page in `OUT/`.
pub(super) const PAGE: &str = "bao-cao-tham-dinh.html";

pub(super) fn run(
    a: &ReviewArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let Some(first) = a.paths.first() else {
        return Ok(Exit::Trouble);
    };
    let start = match setup::start(&a.settings, first, lang, out, err)? {
        Ok(s) => s,
        Err(exit) => return Ok(exit),
    };
    let found = match inputs::find_counting(&a.paths) {
        Ok(s) => s,
        Err(e) => {
            say(err, lang, &e.msg())?;
            return Ok(Exit::Trouble);
        }
    };
    // Refused before any dossier is read: the sheet holds every nominee's personal data.
    if let Some(d) = crate::dossier::discover::landing_dossier(&a.output.join(SHEET)) {
        let (o, d) = (shown(&a.output), shown(&d));
        say(
            err,
            lang,
            &msg!(
            "không ghi kết quả vào trong thư mục hồ sơ \"{d}\" (\"{o}\"): tệp tổng hợp chứa thông tin của mọi người được đề nghị; không có tệp nào được ghi. Chọn thư mục khác (-o)";
            "the results would go inside the dossier folder \"{d}\" (\"{o}\"), and the summary holds every nominee's personal data; nothing was written. Choose another folder (-o)"),
        )?;
        return Ok(Exit::Trouble);
    }
    let target = a.output.join(SHEET);
    if a.output.exists() && !a.output.is_dir() {
        let o = shown(&a.output);
        say(
            err,
            lang,
            &msg!("\"{o}\" là một tệp, không phải thư mục; không có tệp nào được ghi. Chọn thư mục kết quả (-o)";
                              "\"{o}\" is a file, not a folder; nothing was written. Choose a folder for the results (-o)"),
        )?;
        return Ok(Exit::Trouble);
    }
    let page = a.output.join(PAGE);
    // A folder where the sheet or the page goes cannot be replaced, even with --force.
    if let Some(target) = [&target, &page].into_iter().find(|t| t.is_dir()) {
        let t = shown(target);
        say(
            err,
            lang,
            &msg!("\"{t}\" là một thư mục, không ghi đè được; đổi tên nó hoặc chọn thư mục kết quả khác (-o); không có tệp nào được ghi";
                  "\"{t}\" is a folder and cannot be replaced; rename it or choose another folder for the results (-o); nothing was written"),
        )?;
        return Ok(Exit::Trouble);
    }
    if let Some(target) = [&target, &page]
        .into_iter()
        .find(|t| t.exists() && !a.force)
    {
        let t = shown(target);
        say(
            err,
            lang,
            &msg!("đã có tệp \"{t}\"; dùng --force để ghi đè, hoặc chọn thư mục kết quả khác (-o); không có tệp nào được ghi";
                              "\"{t}\" already exists; use --force to replace it, or choose another folder for the results (-o); nothing was written"),
        )?;
        return Ok(Exit::Trouble);
    }
    let register = match &a.register {
        None => None,
        Some(f) => match review::register::read(f, start.today) {
            Ok(r) => Some(r),
            Err(e) => {
                say(err, lang, &e.msg())?;
                return Ok(Exit::Trouble);
            }
        },
    };
    if let Some(first) = found.too_deep.first() {
        let (n, max, f) = (found.too_deep.len(), inputs::MAX_DEPTH, shown(first));
        let m = msg!("Lưu ý: {n} thư mục sâu hơn {max} cấp không được tìm (đầu tiên: {f}); nếu có hồ sơ trong đó, chỉ thẳng tới thư mục ấy";
                     "Note: {n} folders deeper than {max} levels were not searched (the first: {f}); if a dossier is in one, give that folder itself");
        writeln!(err, "{}", m.get(lang))?;
    }
    let review = review::review(found.sources, &start.against(), register);

    for d in &review.dossiers {
        let path = shown(&d.source.path);
        let p = &d.proposal;
        let who = match (p.sender.is_empty(), p.number.is_empty()) {
            (false, false) => format!(" ({}, {})", p.sender, p.number),
            (false, true) => format!(" ({})", p.sender),
            (true, false) => format!(" ({})", p.number),
            (true, true) => String::new(),
        };
        let who = crate::text::file_name::shown(&who);
        let n = d.people.len();
        let line = match d.status {
            Status::Accepted if d.warnings > 0 => {
                let w = d.warnings;
                msg!("CHẤP NHẬN  {path}{who}: {n} đề nghị; {w} cảnh báo cần đọc";
                     "ACCEPTED  {path}{who}: {}; {} to read", en_count(n, "nominee", "nominees"), en_count(w, "warning", "warnings"))
            }
            Status::Accepted => {
                msg!("CHẤP NHẬN  {path}{who}: {n} đề nghị"; "ACCEPTED  {path}{who}: {}", en_count(n, "nominee", "nominees"))
            }
            Status::Returned => {
                let why = table::why_returned(d, lang);
                msg!("TRẢ LẠI    {path}{who}: {why}"; "RETURNED  {path}{who}: {why}")
            }
        };
        writeln!(out, "{}", line.get(lang))?;
    }
    if !review.duplicates.is_empty() {
        writeln!(out)?;
        for g in &review.duplicates {
            let names: Vec<String> = g
                .who
                .iter()
                .map(|&(d, n)| {
                    let r = &review.dossiers[d];
                    let name = crate::text::file_name::shown(&r.people[n].name);
                    format!("{name} ({})", shown(&r.source.path))
                })
                .collect();
            let names = names.join(", ");
            let m = if g.exact {
                msg!("TRÙNG: cùng một đối tượng được đề nghị ở nhiều hồ sơ: {names}";
                     "DUPLICATE: the same nominee proposed in several dossiers: {names}")
            } else {
                msg!("CÓ THỂ TRÙNG (tên gần giống, cùng năm sinh; cần xem lại): {names}";
                     "PERHAPS A DUPLICATE (names alike, born the same year; look again): {names}")
            };
            writeln!(out, "{}", m.get(lang))?;
        }
    }
    // The return letters' names, refused before anything is written when one exists.
    let letters = review::returned::plan(&review);
    if let Some(exit) =
        super::review_letters::refuse_existing(&a.output, &letters, a.force, lang, err)?
    {
        return Ok(exit);
    }
    // The drafts' names likewise: the office's tờ trình, the decisions and the list.
    let lists = review::decision::lists(&review);
    let drafts = review::du_thao::plan(&lists);
    if let Some(exit) =
        super::review_drafts::refuse_existing(&a.output, &drafts, a.force, lang, err)?
    {
        return Ok(exit);
    }
    if let Some(reg) = &review.register {
        if !review.prior.is_empty() {
            writeln!(out)?;
        }
        for p in &review.prior {
            let r = &review.dossiers[p.at.0];
            let a = &reg.awards[p.award];
            let name = crate::text::file_name::shown(&r.people[p.at.1].name);
            let path = shown(&r.source.path);
            let form = crate::text::file_name::shown(&a.form);
            let decision = crate::text::file_name::shown(&a.decision);
            let on = a.decided.map(|d| d.dmy()).unwrap_or_else(|| "…".to_owned());
            let (pv, pe) = (&a.place.vi, &a.place.en);
            let m = msg!("ĐÃ KHEN: {name} ({path}) đã được tặng \"{form}\" trong cùng phong trào, Quyết định số {decision} ngày {on} (sổ khen thưởng, {pv})";
                         "ALREADY AWARDED: {name} ({path}) was already given \"{form}\" for the same campaign, decision {decision} of {on} (register, {pe})");
            writeln!(out, "{}", m.get(lang))?;
        }
    }
    let bytes = match table::workbook(&review, lang) {
        Ok(b) => b,
        Err(e) => {
            let e = e.to_string();
            say(
                err,
                lang,
                &msg!("không tạo được bảng tổng hợp: {e}"; "the summary sheet could not be made: {e}"),
            )?;
            return Ok(Exit::Trouble);
        }
    };
    let made = !a.output.exists();
    if let Err(e) = std::fs::create_dir_all(&a.output) {
        say(err, lang, &crate::diag::write_words(&e, &a.output))?;
        return Ok(Exit::Trouble);
    }
    if let Err(e) = crate::export::write(&target, &bytes, a.force) {
        if made {
            let _ = std::fs::remove_dir(&a.output);
        }
        say(err, lang, &e.msg())?;
        return Ok(Exit::Trouble);
    }
    let (total, returned) = (review.dossiers.len(), review.returned());
    let accepted = total - returned;
    let dups = review.duplicates.iter().filter(|g| g.exact).count();
    writeln!(out)?;
    let verdict = match (returned, dups) {
        (0, 0) if total == 1 => {
            msg!("Đã xem 1 hồ sơ: hồ sơ được chấp nhận."; "Reviewed 1 dossier: accepted.")
        }
        (0, 0) => msg!("Đã xem {total} hồ sơ: cả {total} hồ sơ được chấp nhận.";
                       "Reviewed {total} dossiers: all accepted."),
        _ => {
            msg!("Đã xem {total} hồ sơ: {accepted} chấp nhận, {returned} trả lại; {dups} trường hợp trùng.";
                  "Reviewed {}: {accepted} accepted, {returned} returned; {}.", en_count(total, "dossier", "dossiers"), en_count(dups, "duplicate", "duplicates"))
        }
    };
    let verdict = match (review.register.is_some(), review.prior.len()) {
        (false, _) => verdict,
        (true, 0) => {
            msg!("{} Không ai trong sổ khen thưởng đã được tặng cùng hình thức trong cùng phong trào.", verdict.vi;
                          "{} Nobody in the register was already given the same form for the same campaign.", verdict.en)
        }
        (true, k) => {
            msg!("{} {k} đối tượng đã được khen cùng hình thức trong cùng phong trào (theo sổ khen thưởng).", verdict.vi;
                          "{} {} already given the same form for the same campaign (by the register).", verdict.en, en_count(k, "nominee", "nominees"))
        }
    };
    writeln!(out, "{}", verdict.get(lang))?;
    let html = review::html::page(&review, lang);
    if let Err(e) = crate::export::write(&page, html.as_bytes(), a.force) {
        say(err, lang, &e.msg())?;
        return Ok(Exit::Trouble);
    }
    let t = shown(&target);
    writeln!(
        out,
        "{}",
        msg!("Đã ghi bảng tổng hợp: {t}"; "Summary sheet written: {t}").get(lang)
    )?;
    let p = shown(&page);
    writeln!(
        out,
        "{}",
        msg!("Đã ghi báo cáo thẩm định (mở bằng trình duyệt, in được): {p}"; "Review report written (open it in a browser, it prints): {p}").get(lang)
    )?;
    if let Some(exit) = super::review_letters::write(
        &a.output, &review, &letters, &start, a.force, lang, out, err,
    )? {
        return Ok(exit);
    }
    super::review_letters::stale(&a.output, &letters, lang, out)?;
    if let Some(exit) = super::review_drafts::write(
        &a.output, &review, &lists, &drafts, &start, a.force, lang, out, err,
    )? {
        return Ok(exit);
    }
    super::review_drafts::stale(&a.output, &drafts, lang, out)?;
    Ok(if returned > 0 || !review.prior.is_empty() {
        Exit::Findings
    } else {
        Exit::Clean
    })
}
