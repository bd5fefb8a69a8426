//! One start-up for every command that reads a date, rule sets or the office's settings: `--today`
//! (or the clock), the office settings (`--config`, else the nearest `.dossier.yaml` above where
//! the command works, none with `--no-config`), then the rule sets (`--criteria`, else those the
//! settings pin, else the built-in ones).
//!
//! It was written three ways in `cli/check.rs`, and `.dossier.yaml` reached check, pack, verify,
//! draft and export but not init, add, import, explain or criteria (#20): one path now, so the
//! office's pinned rule sets mean the same to every command. `remove` and `fix` read none of the
//! three and take none of the options.
//!
//! A command on one dossier then holds it for reading (`hold_for_reading`): a writer at work
//! finishes first, and one a kill stopped is finished now (#17).
//!
//! Every step that cannot go on has said why on `err` before it returns the exit to stop with
//! ([`Started`]).

use std::io::{self, Write};
use std::path::Path;

use super::{Exit, Settings};
use crate::config::{self, Config};
use crate::criteria::Catalog;
use crate::date::Date;
use crate::diag::Lang;
use crate::msg;
use crate::render::{human::Human, Item, Renderer, Style, Summary};
use crate::rules::check::{Against, Checked};
use crate::text::file_name::shown_path as shown;

/// A start-up step's result: what it found, or the exit to stop with (the reason said already).
pub(super) type Started<T> = io::Result<Result<T, Exit>>;

/// What a command starts from.
pub(super) struct Start {
    /// The office settings (default when none were found or `--no-config`).
    pub config: Config,
    /// `--today`, or the clock.
    pub today: Date,
    /// The rule sets in use.
    pub catalog: Catalog,
}

impl Start {
    /// What a dossier is checked against: the rule sets, the day and the office's overrides.
    pub(super) fn against(&self) -> Against<'_> {
        Against::new(&self.catalog, self.today).office(&self.config)
    }
}

/// The whole start-up, settings found from `from`; a broken rule set is reported in words on
/// `out`, as a dossier's findings are.
pub(super) fn start(
    settings: &Settings,
    from: &Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Started<Start> {
    let (today, config) = match day_and_office(settings, from, lang, err)? {
        Ok(t) => t,
        Err(exit) => return Ok(Err(exit)),
    };
    let style = Style {
        lang,
        color: false,
        quiet: false,
    };
    let chosen = rule_sets_named(settings, &config);
    Ok(
        rule_sets(chosen, lang, &mut Human::new(style), out, err)?.map(|catalog| Start {
            config,
            today,
            catalog,
        }),
    )
}

/// The first two steps: `--today`, then the office settings found from `from`. `check` takes
/// the rule sets after, once it knows where its report goes, since it reports a broken one in
/// the chosen format.
pub(super) fn day_and_office(
    settings: &Settings,
    from: &Path,
    lang: Lang,
    err: &mut dyn Write,
) -> Started<(Date, Config)> {
    let Some(today) = today_or_say(settings.today.as_deref(), lang, err)? else {
        return Ok(Err(Exit::Trouble));
    };
    Ok(office(settings, from, lang, err)?.map(|config| (today, config)))
}

/// Several paths checked in one run are judged under one office's settings, found from the
/// first: paths under two different settings files are refused (exit 2) rather than judged by
/// whichever came first (the result depended on the order of the arguments, #20).
pub(super) fn one_office(
    settings: &Settings,
    paths: &[std::path::PathBuf],
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Option<Exit>> {
    if settings.no_config || settings.config.is_some() {
        return Ok(None);
    }
    let Some((first, rest)) = paths.split_first() else {
        return Ok(None);
    };
    let found = config::discover(first);
    for p in rest {
        let other = config::discover(p);
        if other != found {
            let name = |f: &Option<std::path::PathBuf>| {
                f.as_deref().map_or_else(
                    || msg!("không có tệp cấu hình"; "no settings file"),
                    |f| {
                        let f = shown(f);
                        msg!("{f}"; "{f}")
                    },
                )
            };
            let (a, b) = (name(&found), name(&other));
            let (x, y) = (shown(first), shown(p));
            let m = msg!("\"{x}\" ({}) và \"{y}\" ({}) nằm dưới hai thiết lập văn phòng khác nhau; kiểm tra riêng từng nơi, hoặc chọn một tệp bằng --config (hay --no-config)", a.vi, b.vi;
                         "\"{x}\" ({}) and \"{y}\" ({}) lie under two different office settings; check each on its own, or choose one with --config (or --no-config)", a.en, b.en);
            super::say_error(err, lang, &m)?;
            return Ok(Some(Exit::Trouble));
        }
    }
    Ok(None)
}

/// The rule-set path in force: `--criteria`, else the one the settings pin.
pub(super) fn rule_sets_named<'a>(settings: &'a Settings, config: &'a Config) -> Option<&'a Path> {
    settings.criteria.as_deref().or(config.criteria.as_deref())
}

/// `--today`, or the clock; None (after saying why) when the date is not a date.
fn today_or_say(today: Option<&str>, lang: Lang, err: &mut dyn Write) -> io::Result<Option<Date>> {
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
                super::say_error(err, lang, &m)?;
                Ok(None)
            }
        },
    }
}

/// The rule sets in use; on a broken one, its findings are printed with `report` (the rule-set
/// file is reported like a dossier, so each problem shows file and line) and the exit returned.
pub(super) fn rule_sets(
    criteria: Option<&Path>,
    lang: Lang,
    report: &mut dyn Renderer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Started<Catalog> {
    let catalog = match criteria {
        None => Catalog::builtin(),
        Some(p) => {
            if !p.exists() {
                super::say_error(
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

/// The configuration in force: `--config`, else the nearest `.dossier.yaml` above `from` (none
/// with `--no-config`). The user is told which file was used; a bad one stops the run.
fn office(settings: &Settings, from: &Path, lang: Lang, err: &mut dyn Write) -> Started<Config> {
    if settings.no_config {
        return Ok(Ok(Config::default()));
    }
    let found = match &settings.config {
        Some(chosen) => Some(chosen.clone()),
        None => {
            let (found, passed_over) = config::settings_above(from);
            if let Some(inside) = passed_over {
                let p = shown(&inside);
                let m = msg!("Bỏ qua {p}: tệp cấu hình nằm trong thư mục hồ sơ là tệp của người lập hồ sơ, không phải của văn phòng; đặt tệp cấu hình ở thư mục chứa các hồ sơ.";
                             "Ignored {p}: a settings file inside a dossier folder belongs to whoever made the dossier, not to the office; put the settings in the folder that holds the dossiers.");
                writeln!(err, "{}", m.get(lang))?;
            }
            found
        }
    };
    let Some(path) = found else {
        return Ok(Ok(Config::default()));
    };
    match config::load(&path) {
        Ok(c) => {
            let m = msg!("Dùng tệp cấu hình: {}", shown(&path); "Using configuration: {}", shown(&path));
            writeln!(err, "{}", m.get(lang))?;
            Ok(Ok(c))
        }
        Err(e) => {
            super::say_error(err, lang, &e.msg())?;
            Ok(Err(Exit::Trouble))
        }
    }
}

/// Whether `dir` is a dossier folder (it holds `ho-so.yaml`); when not, says so on `err`: the
/// commands that work on one dossier (pack, draft) refuse anything else the same way.
pub(super) fn is_dossier_or_say(dir: &Path, lang: Lang, err: &mut dyn Write) -> io::Result<bool> {
    if crate::dossier::discover::is_dossier(dir) {
        return Ok(true);
    }
    // Said by what the path is (nothing, a dossier's file, a folder inside one, a folder of
    // dossiers), as the editing commands say it.
    super::say_error(err, lang, &crate::edit::not_a_dossier(dir))?;
    Ok(false)
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
            for m in s.said() {
                writeln!(err, "{d}: {}", m.get(lang))?;
            }
            Ok(Some(s))
        }
        Err(e) => {
            super::say_error(err, lang, &e.msg())?;
            Ok(None)
        }
    }
}
