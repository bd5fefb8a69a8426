//! `dossier check`: find the dossiers, check them in parallel, stream the report in order.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{CheckArgs, Color, Exit, Format, Settings};
use crate::config::{self, Config};
use crate::criteria::Catalog;
use crate::date::Date;
use crate::diag::{Lang, Severity};
use crate::dossier::discover;
use crate::msg;
use crate::render::{human::Human, json::Json, Item, Renderer, Style, Summary};
use crate::rules::check::{check_dossier, Checked};

/// Dossiers checked at once before their findings are printed: enough to keep both cores busy,
/// few enough that memory does not grow with the size of the shared folder.
const BATCH: usize = 256;

/// An error of the command line's own, on `err`, after "lỗi:" / "error:".
pub(super) use super::say_error as say;

/// A path as the user should see it, with `/`.
pub(super) use crate::text::file_name::shown_path as shown;

/// Whether `dir` is a dossier folder (it holds `ho-so.yaml`); when not, says so on `err`: the
/// commands that work on one dossier (pack, draft) refuse anything else the same way.
pub(super) fn is_dossier_or_say(dir: &Path, lang: Lang, err: &mut dyn Write) -> io::Result<bool> {
    if crate::dossier::discover::is_dossier(dir) {
        return Ok(true);
    }
    // Said by what the path is (nothing, a dossier's file, a folder inside one, a folder of
    // dossiers), as the editing commands say it.
    say(err, lang, &crate::edit::not_a_dossier(dir))?;
    Ok(false)
}

/// `--today`, or the clock; None (after saying why) when the date is not a date.
pub(super) fn today_or_report(
    today: Option<&str>,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Option<Date>> {
    match today {
        None => Ok(Some(Date::today())),
        Some(t) => match Date::parse(t) {
            Ok(d) => Ok(Some(d)),
            Err(_) => {
                let m = if t.trim().is_empty() {
                    msg!("--today cần một ngày dạng YYYY-MM-DD, không được để trống";
                         "--today needs a YYYY-MM-DD date; it is empty")
                } else {
                    msg!("--today \"{t}\" không phải ngày YYYY-MM-DD"; "--today \"{t}\" is not a YYYY-MM-DD date")
                };
                say(err, lang, &m)?;
                Ok(None)
            }
        },
    }
}

/// What `pack` and `verify` start from.
pub(super) struct Setup {
    /// The office settings.
    pub config: Config,
    /// `--today`, or the clock.
    pub today: Date,
    /// The rule sets: `--criteria`, else those the settings pin, else the built-in ones.
    pub catalog: Catalog,
}

/// The office settings found from `start` (`--config`, `--no-config`), `--today` and the rule
/// sets; the exit status to stop with when one is unusable (after saying why).
pub(super) fn setup(
    settings: &Settings,
    start: &Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Result<Setup, Exit>> {
    let (today, config) = match today_and_config(settings, start, lang, err)? {
        Ok(t) => t,
        Err(exit) => return Ok(Err(exit)),
    };
    let criteria = settings.criteria.as_deref().or(config.criteria.as_deref());
    Ok(
        catalog_or_report(criteria, lang, out, err)?.map(|catalog| Setup {
            config,
            today,
            catalog,
        }),
    )
}

/// The start every command that checks shares, `check` included: `--today`, then the office
/// settings found from `start`; the exit status when one is unusable (after saying why). The
/// rule sets come after, since `check` reports a broken one in the chosen format.
fn today_and_config(
    settings: &Settings,
    start: &Path,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Result<(Date, Config), Exit>> {
    let Some(today) = today_or_report(settings.today.as_deref(), lang, err)? else {
        return Ok(Err(Exit::Trouble));
    };
    Ok(config_or_report(settings, start, lang, err)?.map(|config| (today, config)))
}

/// The rule sets in use; on a broken `--criteria`, its findings are printed (the rule-set file
/// is reported like a dossier, so each problem shows file and line) and the exit is returned.
pub(super) fn catalog_or_report(
    criteria: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Result<Catalog, Exit>> {
    let style = Style {
        lang,
        color: false,
        quiet: false,
    };
    catalog_or_render(criteria, lang, &mut Human::new(style), out, err)
}

/// Like [`catalog_or_report`], reporting a broken rule set with the given renderer.
fn catalog_or_render(
    criteria: Option<&Path>,
    lang: Lang,
    report: &mut dyn Renderer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Result<Catalog, Exit>> {
    let catalog = match criteria {
        None => Catalog::builtin(),
        Some(p) => {
            if !p.exists() {
                say(
                    err,
                    lang,
                    &msg!("không tìm thấy bộ tiêu chí \"{}\"", shown(p); "rule set \"{}\" not found", shown(p)),
                )?;
                return Ok(Err(Exit::Trouble));
            }
            Catalog::from_path(p)
        }
    };
    let broken = match catalog {
        Ok(c) => return Ok(Ok(c)),
        Err(b) => b,
    };
    let checked = Checked::of_rule_sets(broken);
    let mut summary = Summary::default();
    summary.add(&checked.findings);
    let name = criteria.map(shown).unwrap_or_default();
    report.rule_sets(
        out,
        &Item {
            path: "",
            checked: &checked,
        },
        &summary,
        &name,
    )?;
    Ok(Err(Exit::Findings))
}

/// The configuration in force: `--config`, else the nearest `.dossier.yaml` above `start`
/// (none with `--no-config`). The user is told which file was used; a bad one stops the run.
fn config_or_report(
    settings: &Settings,
    start: &Path,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Result<Config, Exit>> {
    if settings.no_config {
        return Ok(Ok(Config::default()));
    }
    let Some(path) = settings.config.clone().or_else(|| config::discover(start)) else {
        return Ok(Ok(Config::default()));
    };
    match config::load(&path) {
        Ok(c) => {
            let m = msg!("Dùng tệp cấu hình: {}", shown(&path); "Using configuration: {}", shown(&path));
            writeln!(err, "{}", m.get(lang))?;
            Ok(Ok(c))
        }
        Err(e) => {
            say(err, lang, &e.msg())?;
            Ok(Err(Exit::Trouble))
        }
    }
}

/// The renderer of a format.
pub(super) fn renderer_for(format: Format, style: Style, bundle: bool) -> Box<dyn Renderer> {
    match format {
        Format::Human => Box::new(Human::new(style)),
        Format::Json => Box::new(Json::new(style)),
        Format::Junit => Box::new(crate::render::junit::Junit::new(style, bundle)),
        Format::Sarif => Box::new(crate::render::sarif::Sarif::new(style)),
        Format::Github => Box::new(crate::render::github::Github::new(style)),
    }
}

/// Finish the command a kill stopped in `dir` after its commit point, saying so on `err`;
/// false (and the reason said) when it cannot be finished. Used by every command that reads a
/// dossier before it reads it.
pub(super) fn finish_interrupted(
    dir: &Path,
    command: &str,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<bool> {
    Ok(hold_for_reading(dir, command, lang, err)?.is_some())
}

/// [`finish_interrupted`], then hold the dossier shared for as long as the result is kept, so
/// no writer renames files under the reader (`pack`, `draft`); None when refused (said).
pub(super) fn hold_for_reading(
    dir: &Path,
    command: &str,
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Option<crate::disk::session::Session>> {
    match crate::disk::session::reading(dir, command) {
        Ok(s) => {
            let d = shown(dir);
            if let Some(m) = s.said() {
                writeln!(err, "{d}: {}", m.get(lang))?;
            }
            if !s.cleaned.is_empty() {
                writeln!(
                    err,
                    "{d}: {}",
                    super::edit::cleaned_words(s.cleaned.len()).get(lang)
                )?;
            }
            Ok(Some(s))
        }
        Err(e) => {
            super::say_error(err, lang, &e.msg())?;
            Ok(None)
        }
    }
}

pub(super) fn run(
    a: &CheckArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let start = a.paths.first().map_or(Path::new("."), PathBuf::as_path);
    let (today, config) = match today_and_config(&a.settings, start, lang, err)? {
        Ok(t) => t,
        Err(exit) => return Ok(exit),
    };
    let color = match a.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
        }
    };
    let style = Style {
        lang,
        color: color && a.format == Format::Human,
        quiet: a.quiet,
    };
    let criteria = a
        .settings
        .criteria
        .as_deref()
        .or(config.criteria.as_deref());
    let mut renderer = renderer_for(a.format, style, false);
    let mut summary = Summary::default();
    // The report never goes into a dossier: over one of its files (`-o hs/to-trinh.yaml`) it
    // destroyed the proposal, beside them the next check took it for a stray file.
    if let Some(d) = a.output.as_deref().and_then(discover::landing_dossier) {
        let (p, d) = (
            shown(a.output.as_deref().unwrap_or(Path::new(""))),
            shown(&d),
        );
        say(
            err,
            lang,
            &msg!("không ghi báo cáo vào trong thư mục hồ sơ \"{d}\" (\"{p}\"): báo cáo sẽ ghi đè hoặc lẫn vào tệp của hồ sơ; không có tệp nào được ghi. Ghi ra ngoài thư mục hồ sơ";
                  "the report would go inside the dossier folder \"{d}\" (\"{p}\"), over or among its files; nothing was written. Write it outside the dossier folder"),
        )?;
        return Ok(Exit::Trouble);
    }
    let mut file_out = match &a.output {
        None => None,
        Some(p) => match std::fs::File::create(p) {
            Ok(f) => Some(io::BufWriter::new(f)),
            Err(e) => {
                say(
                    err,
                    lang,
                    &msg!("không ghi được tệp \"{}\": {}",
                        shown(p),
                        crate::diag::io_words(&e).0; "cannot write \"{}\": {}",
                        shown(p),
                        crate::diag::io_words(&e).1),
                )?;
                return Ok(Exit::Trouble);
            }
        },
    };
    let terminal = out;
    let out: &mut dyn Write = match file_out.as_mut() {
        Some(f) => f,
        None => &mut *terminal,
    };
    // A broken rule set is reported in the chosen format, like any finding.
    let catalog = match catalog_or_render(criteria, lang, renderer.as_mut(), out, err)? {
        Ok(c) => c,
        Err(exit) => return Ok(exit),
    };

    let mut dossiers: Vec<PathBuf> = Vec::new();
    for p in &a.paths {
        // Run in bao-cao/ or on ho-so.yaml: the clerk means the dossier around it.
        let around = discover::enclosing(p);
        let p = around.as_ref().unwrap_or(p);
        if !p.is_dir() {
            let m = if p.exists() {
                msg!("\"{}\" không phải thư mục; hãy chỉ tới thư mục hồ sơ (có tệp ho-so.yaml)", shown(p);
                     "\"{}\" is not a folder; give a dossier folder (one holding ho-so.yaml)", shown(p))
            } else {
                msg!("không tìm thấy thư mục \"{}\"", shown(p); "folder \"{}\" not found", shown(p))
            };
            say(err, lang, &m)?;
            return Ok(Exit::Trouble);
        }
        let found = discover::find(p);
        if found.is_empty() {
            say(
                err,
                lang,
                &msg!("thư mục \"{}\" không chứa hồ sơ nào (một hồ sơ là thư mục có tệp ho-so.yaml)",
                    shown(p); "folder \"{}\" holds no dossier (a dossier is a folder with ho-so.yaml)",
                    shown(p)),
            )?;
            // A folder where the manifest file belongs.
            for dir in discover::manifest_folders(p) {
                say(
                    err,
                    lang,
                    &msg!("\"{}\" là thư mục, không phải tệp: thông tin chung của hồ sơ phải là một tệp tên ho-so.yaml; nếu tệp ho-so.yaml nằm trong thư mục đó, chuyển tệp ra ngoài thay cho thư mục",
                        shown(&dir); "\"{}\" is a folder, not a file: a dossier's manifest must be a file named ho-so.yaml; if ho-so.yaml is inside that folder, move it out in the folder's place",
                        shown(&dir)),
                )?;
            }
            // A manifest under a name the clerk cannot see is wrong (Windows hides ".txt").
            for near in discover::near_misses(p) {
                say(
                    err,
                    lang,
                    &msg!("có tệp \"{}\": tên tệp phải đúng là ho-so.yaml (Windows có thể đang ẩn phần đuôi như .txt); đổi tên tệp thành ho-so.yaml",
                        shown(&near); "there is \"{}\": the file must be named exactly ho-so.yaml (Windows may hide an extension such as .txt); rename it to ho-so.yaml",
                        shown(&near)),
                )?;
            }
            return Ok(Exit::Trouble);
        }
        dossiers.extend(found);
    }

    // A command stopped after its commit point left a journal: finished first, so the check
    // reads the dossier the clerk asked for, not half of it.
    let mut failed = false;
    let mut busy = false;
    // Looked at in parallel (two folder listings each, 4,000 for a shared folder of 2,000),
    // finished one by one, with what is said in order.
    let unsettled: Vec<&PathBuf> = dossiers
        .par_iter()
        .filter(|d| crate::disk::session::needs_settling(d))
        .collect();
    for d in unsettled {
        failed |= !finish_interrupted(d, "check", lang, err)?;
    }
    for batch in dossiers.chunks(BATCH) {
        let results: Vec<Result<Checked, crate::disk::DiskError>> = batch
            .par_iter()
            .map(|d| {
                // Held shared while read: never between another command's renames. A dossier
                // another command holds longer than the wait is not read (it was, and a check
                // during a long import reported the import's half-written files).
                let _held = match crate::disk::lock::read(d, crate::disk::lock::WAIT) {
                    Err(e @ crate::disk::DiskError::Busy { .. }) => return Err(e),
                    held => held,
                };
                let mut c = check_dossier(d, &catalog, today);
                config.apply(&mut c.findings);
                Ok(c)
            })
            .collect();
        for (path, checked) in batch.iter().zip(&results) {
            let checked = match checked {
                Ok(c) => c,
                Err(e) => {
                    super::say_error(err, lang, &e.msg())?;
                    busy = true;
                    continue;
                }
            };
            summary.add(&checked.findings);
            failed |= checked.fails(a.deny_warnings);
            // --quiet leaves out dossiers without errors, in every format.
            let has_error = checked
                .findings
                .iter()
                .any(|f| f.severity == Severity::Error);
            if a.quiet && !has_error {
                continue;
            }
            let shown_path = shown(path);
            renderer.dossier(
                out,
                &Item {
                    path: &shown_path,
                    checked,
                },
            )?;
        }
    }
    renderer.finish(out, &summary)?;
    out.flush()?;
    if let Some(path) = &a.output {
        // The report went to a file; the person at the terminal still sees how it went.
        let plain = Style {
            color: false,
            quiet: false,
            ..style
        };
        Human::new(plain).finish(terminal, &summary)?;
        let m = msg!("Báo cáo đã ghi vào: {}", shown(path); "Report written to: {}", shown(path));
        writeln!(terminal, "{}", m.get(lang))?;
    }
    Ok(if busy {
        Exit::Trouble
    } else if failed {
        Exit::Findings
    } else {
        Exit::Clean
    })
}
