//! `dossier check`: find the dossiers, check them in parallel, stream the report in order.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{say_error as say, setup, shown, CheckArgs, Color, Exit, Format};
use crate::diag::{Lang, Severity};
use crate::dossier::discover;
use crate::msg;
use crate::render::{human::Human, json::Json, Item, Renderer, Style, Summary};
use crate::rules::check::{check_store, Against, Checked};
use crate::store::Folder;

/// Dossiers checked at once before their findings are printed: enough to keep both cores busy,
/// few enough that memory does not grow with the size of the shared folder.
const BATCH: usize = 256;

/// The renderer of a format.
pub(super) fn renderer_for(format: Format, style: Style, bundle: bool) -> Box<dyn Renderer> {
    match format {
        Format::Human => Box::new(Human::new(style)),
        Format::Json => Box::new(Json::new(style)),
        Format::Junit => Box::new(crate::render::junit::Junit::new(style, bundle)),
        Format::Sarif => Box::new(crate::render::sarif::Sarif::new(style)),
        Format::Github => Box::new(crate::render::github::Github::new(style)),
        Format::Html => Box::new(crate::render::html::Html::new(style, bundle)),
    }
}

pub(super) fn run(
    a: &CheckArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let start = a.paths.first().map_or(Path::new("."), PathBuf::as_path);
    if let Some(exit) = setup::one_office(&a.settings, &a.paths, lang, err)? {
        return Ok(exit);
    }
    let (today, config) = match setup::day_and_office(&a.settings, start, lang, err)? {
        Ok(t) => t,
        Err(exit) => return Ok(exit),
    };
    let color = match a.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
                // Windows' console shows ANSI colours once asked to; an old one cannot.
                && super::console::colours_work()
        }
    };
    let style = Style {
        lang,
        color: color && a.format == Format::Human,
        quiet: a.quiet,
    };
    let criteria = setup::rule_sets_named(&a.settings, &config);
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
    // The report is made in a staging folder beside its place and renamed there at the end, so
    // a check that cannot run (a missing folder, a broken rule set) leaves no empty or half
    // report behind, and an earlier report stays whole until the new one replaces it.
    let mut file_out = match &a.output {
        None => None,
        Some(p) => match ReportFile::new(p) {
            Ok(f) => Some(f),
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
        Some(f) => &mut f.tmp,
        None => &mut *terminal,
    };
    // A broken rule set is reported in the chosen format, like any finding.
    let catalog = match setup::rule_sets(criteria, lang, renderer.as_mut(), out, err)? {
        Ok(c) => c,
        Err(exit) => return Ok(exit),
    };

    let on = Against::new(&catalog, today).office(&config);
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
    // Looked at in parallel, finished one by one, with what is said in order. Staged files of
    // a command stopped before its commit point are hidden and never read: the check's own
    // listing sees them, and they are cleaned after the check (two folder listings a dossier
    // fewer, a quarter of a shared folder's file-system calls, #21).
    let unsettled: Vec<&PathBuf> = dossiers
        .par_iter()
        .filter(|d| crate::disk::journal::pending(d))
        .collect();
    for d in &unsettled {
        failed |= !setup::finish_interrupted(d, "check", lang, err)?;
    }
    // Settled (or said why not) once: a journal that could not be finished keeps its staged
    // files, which the check's listing then sees, and the refusal was said twice.
    let settled: std::collections::HashSet<&PathBuf> = unsettled.into_iter().collect();
    let check_batch = |batch: &[PathBuf]| -> Vec<Result<(Checked, bool), crate::disk::DiskError>> {
        batch
            .par_iter()
            .map(|d| {
                // Held shared while read: never between another command's renames. A dossier
                // another command holds longer than the wait is not read (it was, and a check
                // during a long import reported the import's half-written files).
                let _held = match crate::disk::lock::read(d, crate::disk::lock::WAIT) {
                    Err(e @ crate::disk::DiskError::Busy { .. }) => return Err(e),
                    held => held,
                };
                let folder = Folder::new(d);
                let checked = check_store(&folder, d.clone(), &on);
                Ok((checked, folder.staged_seen()))
            })
            .collect()
    };
    // Each batch is said (and its findings dropped) while the next one is checked, rather than
    // with both cores waiting on the printing (#21).
    let mut batches = dossiers.chunks(BATCH);
    let mut current = batches.next().map(|b| (b, check_batch(b)));
    while let Some((batch, results)) = current.take() {
        let following = batches.next();
        let next = std::thread::scope(|s| -> io::Result<_> {
            let checking = following.map(|b| s.spawn(move || (b, check_batch(b))));
            for (path, checked) in batch.iter().zip(&results) {
                let checked = match checked {
                    Ok((c, staged)) => {
                        if *staged && !settled.contains(path) {
                            failed |= !setup::finish_interrupted(path, "check", lang, err)?;
                        }
                        c
                    }
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
            drop(results);
            Ok(checking.map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))))
        })?;
        current = next;
    }
    renderer.finish(out, &summary)?;
    out.flush()?;
    if let (Some(path), Some(f)) = (&a.output, file_out) {
        if let Err(e) = f.keep(path) {
            say(
                err,
                lang,
                &msg!("không ghi được tệp \"{}\": {}",
                    shown(path),
                    crate::diag::io_words(&e).0; "cannot write \"{}\": {}",
                    shown(path),
                    crate::diag::io_words(&e).1),
            )?;
            return Ok(Exit::Trouble);
        }
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

/// The report being written for `-o`: a temporary file in a staging folder beside the target,
/// renamed over it by [`ReportFile::keep`]; dropped unkept, it is removed with its folder.
struct ReportFile {
    // Dropped first: the file, then its staging folder.
    tmp: io::BufWriter<tempfile::NamedTempFile>,
    _stage: crate::disk::cleanup::Staging,
}

impl ReportFile {
    fn new(target: &Path) -> io::Result<ReportFile> {
        let folder = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        crate::disk::cleanup::sweep(folder, "check");
        let stage = crate::disk::cleanup::Staging::new(folder, "check")?;
        let mut builder = tempfile::Builder::new();
        builder.prefix("bao-cao-");
        // Readable as any file the clerk saves there, not the owner alone (tempfile's 0600).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let tmp = builder.tempfile_in(stage.path())?;
        Ok(ReportFile {
            tmp: io::BufWriter::new(tmp),
            _stage: stage,
        })
    }

    /// Put the finished report in its place (over an earlier one, as `-o` always did).
    fn keep(self, target: &Path) -> io::Result<()> {
        let tmp = self
            .tmp
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        tmp.as_file().sync_all()?;
        tmp.persist(target).map(|_| ()).map_err(|e| e.error)
    }
}
