//! `dossier pack DIR`: check, then write the submission bundle, and say where to send it.

use std::io::{self, IsTerminal, Write};

use super::check::{setup, shown, Setup};
use super::{Exit, PackArgs};
use crate::diag::Lang;
use crate::pack::{self, Outcome, PackError, Progress, WriteError};
use crate::render::{human::Human, Item, Renderer, Style};

/// A progress bar on the terminal: bytes of the dossier's files read, and files done.
struct Bar {
    bar: indicatif::ProgressBar,
    files: std::sync::atomic::AtomicU64,
    total_files: u64,
}

impl Progress for Bar {
    fn advance(&self, n: u64) {
        self.bar.inc(n);
    }
    fn file_done(&self) {
        let done = self
            .files
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            + 1;
        self.bar
            .set_message(format!("{done}/{} tệp", self.total_files));
    }
}

pub(super) fn run(
    a: &PackArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Exit> {
    let Setup {
        config,
        today,
        catalog,
    } = match setup(&a.settings, &a.dir, lang, out, err)? {
        Ok(s) => s,
        Err(exit) => return Ok(exit),
    };
    let vi = lang == Lang::Vi;
    if !crate::dossier::discover::is_dossier(&a.dir) {
        if vi {
            writeln!(
                err,
                "lỗi: \"{}\" không phải thư mục hồ sơ (không có tệp ho-so.yaml)",
                shown(&a.dir)
            )?;
        } else {
            writeln!(
                err,
                "error: \"{}\" is not a dossier folder (no ho-so.yaml)",
                shown(&a.dir)
            )?;
        }
        return Ok(Exit::Trouble);
    }
    // Ctrl-C or a terminating signal: remove the temporary file, then stop, as the shell
    // expects (exit status 130). A second handler cannot be installed, which is harmless.
    let _ = ctrlc::set_handler(|| {
        crate::pack::writer::remove_partial_files();
        std::process::exit(130);
    });
    let opts = pack::Options {
        out: a.output.clone(),
        force: a.force,
        deny_warnings: a.deny_warnings,
        today,
        config,
    };
    let sizes: Vec<u64> = walkdir::WalkDir::new(&a.dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len())
        .collect();
    let total: u64 = sizes.iter().sum();
    // Only for a person watching a long pack: not in pipes, not in CI logs.
    let watched = io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    let bar = if watched && total > 4 << 20 {
        let b = indicatif::ProgressBar::new(total);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(b)
    } else {
        None
    };
    let silent = pack::Silent;
    let bar_progress = bar.clone().map(|bar| Bar {
        bar,
        files: std::sync::atomic::AtomicU64::new(0),
        total_files: sizes.len() as u64,
    });
    let progress: &dyn Progress = match &bar_progress {
        Some(b) => b,
        None => &silent,
    };
    let style = Style {
        lang,
        color: false,
        quiet: false,
    };
    let result = pack::pack(&a.dir, &catalog, &opts, progress);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let path = shown(&a.dir);
    match result {
        Ok(Outcome::Refused(checked)) => {
            Human::new(style).dossier(
                out,
                &Item {
                    path: &path,
                    checked: &checked,
                },
            )?;
            if vi {
                writeln!(
                    err,
                    "Chưa đóng gói: hồ sơ còn lỗi{}. Sửa các lỗi trên rồi chạy lại.",
                    if a.deny_warnings {
                        " hoặc cảnh báo"
                    } else {
                        ""
                    }
                )?;
            } else {
                writeln!(
                    err,
                    "Not packed: the dossier has errors{}. Fix them and run again.",
                    if a.deny_warnings { " or warnings" } else { "" }
                )?;
            }
            Ok(Exit::Findings)
        }
        Ok(Outcome::Packed {
            checked,
            written,
            office,
            copies,
        }) => {
            Human::new(style).dossier(
                out,
                &Item {
                    path: &path,
                    checked: &checked,
                },
            )?;
            let size = crate::pack::cover::human_size(written.size);
            let n = written.entries.len() + 1;
            let bundle = shown(&written.path);
            let copies = copies.map(|c| format!("{c:02}"));
            if vi {
                writeln!(out, "Đã đóng gói hồ sơ: {bundle} ({size}, {n} tệp).")?;
                match copies {
                    Some(c) => writeln!(out, "Gửi {c} bộ hồ sơ tới: {office}.")?,
                    None => writeln!(out, "Hồ sơ lưu tại: {office}.")?,
                }
            } else {
                writeln!(out, "Packed: {bundle} ({size}, {n} files).")?;
                match copies {
                    Some(c) => writeln!(out, "Send {c} copies to: {office}.")?,
                    None => writeln!(out, "The dossier stays with: {office}.")?,
                }
            }
            Ok(Exit::Clean)
        }
        Err(PackError::Write(WriteError::Exists(p))) => {
            if vi {
                writeln!(
                    err,
                    "lỗi: đã có tệp \"{}\"; dùng --force để ghi đè",
                    shown(&p)
                )?;
            } else {
                writeln!(
                    err,
                    "error: \"{}\" already exists; use --force to replace it",
                    shown(&p)
                )?;
            }
            Ok(Exit::Trouble)
        }
        Err(e) => {
            if vi {
                writeln!(
                    err,
                    "lỗi: không đóng gói được ({e}); không có tệp nào được ghi"
                )?;
            } else {
                writeln!(err, "error: could not pack ({e}); nothing was written")?;
            }
            Ok(Exit::Trouble)
        }
    }
}
