//! Office mode (#23): `dossier.exe` for the clerk who never opens a terminal.
//!
//! Tools that accept a folder dropped on their .exe work this way, and so does this one:
//! - started by a double-click, with no arguments, in a console of its own, it says in
//!   Vietnamese how to use it (drop a dossier folder or a bundle on `dossier.exe`) and waits
//!   for Enter, so the window does not vanish before it is read;
//! - started with one path that is not a command (a drop gives the .exe the path), it runs
//!   `check` on a folder or `verify` on a `.zip`, writes the HTML report beside it
//!   (`<name>.bao-cao.html`), opens it in the default browser on Windows, and waits for Enter
//!   only when something went wrong and the console is its own.
//!
//! It never waits when nobody can press a key: a script, CI, output into a file. What to do is
//! decided by [`decide`] from the arguments and the console's facts alone, so the decisions are
//! tested on any machine; [`run`] carries them out.

use std::ffi::OsString;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use clap::Parser;

use super::console::{self, Console};
use super::{Cli, Exit};
use crate::diag::Lang;
use crate::msg;

/// What a start of the program is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// The command line as typed: parsed and run as always.
    Normal,
    /// A double-click: say how to use the tool, and wait for Enter.
    Usage,
    /// A folder or bundle dropped on the .exe.
    Dropped(Dropped),
    /// Something dropped that is neither: say what to drop, and wait for Enter when the
    /// console is the tool's own.
    NotADossier {
        /// What was dropped.
        path: PathBuf,
        /// Wait for Enter after saying it.
        wait: bool,
    },
}

/// A dropped folder or bundle, and what to do with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// The folder or the bundle.
    pub path: PathBuf,
    /// A bundle (`verify`), not a folder (`check`).
    pub bundle: bool,
    /// The report, beside it.
    pub report: PathBuf,
    /// Open the report in the default browser (Windows, a person at the console).
    pub open: bool,
    /// Wait for Enter when something went wrong (the console is the tool's own).
    pub wait_on_trouble: bool,
}

/// The report's file beside `path`: `<name>.bao-cao.html` (`goi.zip` gives `goi.bao-cao.html`);
/// a path without a name of its own (`.`, `..`, `hs/..`) is the folder it stands for.
#[must_use]
pub fn report_beside(path: &Path, bundle: bool) -> PathBuf {
    let named = matches!(
        path.components().next_back(),
        Some(std::path::Component::Normal(_))
    );
    let real;
    let path = if named {
        path
    } else {
        real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        &real
    };
    let stem = if bundle {
        path.file_stem()
    } else {
        path.file_name()
    }
    .map_or_else(|| OsString::from("ho-so"), ToOwned::to_owned);
    let mut name = stem;
    name.push(".bao-cao.html");
    path.with_file_name(name)
}

/// Decide what this start is, from the arguments (the program's name first) and the console.
/// `commands` are the names the command line takes as commands: a folder named like one is
/// the command, as it always was.
#[must_use]
pub fn decide(args: &[OsString], c: Console, commands: &[&str]) -> Plan {
    match args {
        [_] if c.alone && c.output => Plan::Usage,
        [_, one] => {
            let word = one.to_string_lossy();
            if word.starts_with('-') || commands.iter().any(|k| *k == word) {
                return Plan::Normal;
            }
            let path = PathBuf::from(one);
            let Ok(meta) = std::fs::metadata(&path) else {
                // Not there: the command line's own message says so, as before.
                return Plan::Normal;
            };
            let zip = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
            if !(meta.is_dir() || (meta.is_file() && zip)) {
                return Plan::NotADossier {
                    path,
                    wait: c.alone && c.input,
                };
            }
            let bundle = !meta.is_dir();
            Plan::Dropped(Dropped {
                report: report_beside(&path, bundle),
                path,
                bundle,
                open: c.windows && c.output,
                wait_on_trouble: c.alone && c.input,
            })
        }
        _ => Plan::Normal,
    }
}

/// What the double-click shows.
fn usage() -> crate::diag::Msg {
    msg!("dossier: kiểm tra hồ sơ đề nghị khen thưởng\n\n\
          Dùng không cần gõ lệnh:\n\
          \u{2022} Kéo thư mục hồ sơ (thư mục có tệp ho-so.yaml), hoặc thư mục chứa nhiều hồ sơ, thả lên tệp dossier.exe: chương trình kiểm tra và mở báo cáo trong trình duyệt.\n\
          \u{2022} Kéo gói hồ sơ .zip nhận được thả lên dossier.exe: chương trình kiểm tra gói có nguyên vẹn, đúng quy định không và mở báo cáo.\n\
          Báo cáo được ghi bên cạnh thư mục hoặc gói, tên là <tên>.bao-cao.html.\n\n\
          Các việc khác (tạo hồ sơ, đóng gói, soạn văn bản, nhập danh sách từ Excel): mở cửa sổ dòng lệnh (cmd) ở thư mục này và gõ: dossier --help";
         "dossier: checks commendation proposal dossiers\n\n\
          Without typing commands:\n\
          \u{2022} Drop a dossier folder (one with ho-so.yaml), or a folder of dossiers, on dossier.exe: it is checked and the report opens in the browser.\n\
          \u{2022} Drop a received .zip bundle on dossier.exe: it is verified and the report opens.\n\
          The report is written beside the folder or bundle, as <name>.bao-cao.html.\n\n\
          Everything else (new dossiers, packing, drafts, lists from Excel): open a command prompt (cmd) here and type: dossier --help")
}

fn wait_for_enter(lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "\n{}",
        msg!("Nhấn Enter để đóng cửa sổ này."; "Press Enter to close this window.").get(lang)
    )?;
    out.flush()?;
    let mut line = String::new();
    // Whatever is read, or an end of input, closes the window.
    let _ = io::stdin().lock().read_line(&mut line);
    Ok(())
}

/// A report at `path` that this tool wrote: replaced by the next drop. Anything else there is
/// the clerk's, and is never written over.
fn ours(path: &Path) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return true; // nothing there
    };
    if !meta.is_file() || meta.len() > 64 << 20 {
        return false;
    }
    std::fs::read(path).is_ok_and(|b| {
        let t = String::from_utf8_lossy(&b);
        t.starts_with("<!DOCTYPE html>\n")
            && (t.contains("<footer>Lập bởi dossier ") || t.contains("<footer>Made by dossier "))
    })
}

/// Carry out `plan` (not [`Plan::Normal`], which the caller parses and runs as always).
pub fn run(plan: &Plan, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Exit> {
    match plan {
        Plan::Normal => Ok(Exit::Clean),
        Plan::Usage => {
            writeln!(out, "{}", usage().get(lang))?;
            wait_for_enter(lang, out)?;
            Ok(Exit::Clean)
        }
        Plan::NotADossier { path, wait } => {
            let p = super::shown(path);
            writeln!(
                err,
                "{}",
                msg!("\"{p}\" không phải thư mục hồ sơ hay gói .zip; hãy kéo thả thư mục hồ sơ hoặc gói hồ sơ .zip lên dossier.exe";
                     "\"{p}\" is neither a dossier folder nor a .zip bundle; drop a dossier folder or a .zip bundle on dossier.exe").get(lang)
            )?;
            if *wait {
                wait_for_enter(lang, out)?;
            }
            Ok(Exit::Trouble)
        }
        Plan::Dropped(d) => dropped(d, lang, out, err),
    }
}

fn dropped(d: &Dropped, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Exit> {
    let exit = if ours(&d.report) {
        make_report(d, lang, out, err)?
    } else {
        let r = super::shown(&d.report);
        writeln!(
            err,
            "{}",
            msg!("đã có tệp \"{r}\" không do dossier ghi; đổi tên hoặc chuyển tệp đó đi rồi kéo thả lại; không có tệp nào được ghi";
                 "\"{r}\" exists and was not written by dossier; rename or move it, then drop again; nothing was written").get(lang)
        )?;
        None
    };
    out.flush()?;
    let written = exit.is_some();
    let opened = written && d.open && console::open(&d.report);
    if written && d.open && !opened {
        let r = super::shown(&d.report);
        writeln!(
            err,
            "{}",
            msg!("không mở được báo cáo; hãy mở tệp \"{r}\" bằng trình duyệt";
                 "the report could not be opened; open \"{r}\" in a browser")
            .get(lang)
        )?;
    }
    let exit = exit.unwrap_or(Exit::Trouble);
    if d.wait_on_trouble && (exit == Exit::Trouble || (d.open && !opened)) {
        wait_for_enter(lang, out)?;
    }
    Ok(exit)
}

/// Run `check` or `verify` with the HTML page as its output, and put the page beside the
/// dropped path; the exit of the command, or None when no page was made (what went wrong is
/// said on `err`).
fn make_report(
    d: &Dropped,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Option<Exit>> {
    let command = if d.bundle { "verify" } else { "check" };
    let args = [
        OsString::from("dossier"),
        OsString::from(command),
        OsString::from("--format"),
        OsString::from("html"),
        d.path.clone().into_os_string(),
    ];
    let mut cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(None);
        }
    };
    cli.lang = lang;
    // The page is made in memory (one dossier folder, or one bundle, a few hundred KB at most)
    // and written whole: a run that made no page leaves no file.
    let mut page = Vec::new();
    let exit = super::run(&cli, &mut page, err)?;
    if !page.starts_with(b"<!DOCTYPE html>") {
        return Ok(None);
    }
    let r = super::shown(&d.report);
    if let Err(e) = crate::export::write(&d.report, &page, true) {
        writeln!(err, "{}", e.msg().get(lang))?;
        return Ok(None);
    }
    let verdict = match exit {
        Exit::Clean => msg!("Không có lỗi: xem báo cáo."; "No error: see the report."),
        Exit::Findings => {
            msg!("Có lỗi phải sửa: xem báo cáo."; "There are errors to correct: see the report.")
        }
        Exit::Trouble => {
            msg!("Không kiểm tra được trọn vẹn: xem báo cáo."; "Could not be checked whole: see the report.")
        }
    };
    writeln!(out, "{}", verdict.get(lang))?;
    writeln!(
        out,
        "{}",
        msg!("Báo cáo đã ghi vào: {r}"; "Report written to: {r}").get(lang)
    )?;
    Ok(Some(exit))
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMANDS: &[&str] = &["check", "verify", "help"];

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    /// A double-click or a drop on Windows: the console is the tool's own.
    const CLICKED: Console = Console {
        input: true,
        output: true,
        alone: true,
        windows: true,
    };
    /// Typed in cmd.exe or PowerShell, or a terminal elsewhere.
    const TYPED: Console = Console {
        alone: false,
        ..CLICKED
    };
    /// A script or CI: nothing is a console.
    const SCRIPT: Console = Console {
        input: false,
        output: false,
        alone: false,
        windows: true,
    };

    #[test]
    fn a_double_click_shows_how_and_waits_only_in_a_console_of_its_own() {
        assert_eq!(decide(&args(&["dossier"]), CLICKED, COMMANDS), Plan::Usage);
        // From a shell, or a script, no arguments is the command line's own mistake (exit 2).
        assert_eq!(decide(&args(&["dossier"]), TYPED, COMMANDS), Plan::Normal);
        assert_eq!(decide(&args(&["dossier"]), SCRIPT, COMMANDS), Plan::Normal);
    }

    #[test]
    fn a_dropped_folder_is_checked_and_a_bundle_verified() {
        let dir = tempfile::tempdir().unwrap();
        let hs = dir.path().join("xa truong yen");
        std::fs::create_dir(&hs).unwrap();
        let zip = dir.path().join("GOI.ZIP");
        std::fs::write(&zip, b"PK").unwrap();
        let a = |p: &Path| vec![OsString::from("dossier.exe"), p.as_os_str().to_owned()];
        let Plan::Dropped(d) = decide(&a(&hs), CLICKED, COMMANDS) else {
            panic!()
        };
        assert!(!d.bundle && d.open && d.wait_on_trouble);
        assert_eq!(d.report, dir.path().join("xa truong yen.bao-cao.html"));
        let Plan::Dropped(d) = decide(&a(&zip), CLICKED, COMMANDS) else {
            panic!()
        };
        assert!(d.bundle);
        assert_eq!(d.report, dir.path().join("GOI.bao-cao.html"));
        // Typed with one path: the same work, opened, but never waiting (the shell stays).
        let Plan::Dropped(d) = decide(&a(&hs), TYPED, COMMANDS) else {
            panic!()
        };
        assert!(d.open && !d.wait_on_trouble);
        // A script: nothing opened, nothing waited for.
        let Plan::Dropped(d) = decide(&a(&hs), SCRIPT, COMMANDS) else {
            panic!()
        };
        assert!(!d.open && !d.wait_on_trouble);
        // Outside Windows nothing is opened.
        let linux = Console {
            windows: false,
            ..TYPED
        };
        let Plan::Dropped(d) = decide(&a(&hs), linux, COMMANDS) else {
            panic!()
        };
        assert!(!d.open);
        // Something else dropped: said, and waited for only in a console of its own.
        let xlsx = dir.path().join("danh-sach.xlsx");
        std::fs::write(&xlsx, b"x").unwrap();
        assert_eq!(
            decide(&a(&xlsx), CLICKED, COMMANDS),
            Plan::NotADossier {
                path: xlsx.clone(),
                wait: true
            }
        );
        assert_eq!(
            decide(&a(&xlsx), SCRIPT, COMMANDS),
            Plan::NotADossier {
                path: xlsx,
                wait: false
            }
        );
    }

    #[test]
    fn commands_options_and_missing_paths_are_the_command_line_as_always() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("check")).unwrap();
        let cwd_check = vec![OsString::from("dossier"), OsString::from("check")];
        // A folder named like a command is not taken for a drop, wherever it is.
        assert_eq!(decide(&cwd_check, CLICKED, COMMANDS), Plan::Normal);
        for one in ["--help", "-V", "--version", "no-such-folder"] {
            assert_eq!(
                decide(&args(&["dossier", one]), CLICKED, COMMANDS),
                Plan::Normal,
                "{one}"
            );
        }
        let hs = dir.path().join("hs");
        std::fs::create_dir(&hs).unwrap();
        let two = vec![
            OsString::from("dossier"),
            hs.clone().into_os_string(),
            hs.into_os_string(),
        ];
        assert_eq!(decide(&two, CLICKED, COMMANDS), Plan::Normal);
    }

    #[test]
    fn only_a_report_of_this_tool_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("hs.bao-cao.html");
        assert!(ours(&p), "nothing there");
        std::fs::write(
            &p,
            "<!DOCTYPE html>\n<html><footer>Lập bởi dossier 0.1.0</footer>",
        )
        .unwrap();
        assert!(ours(&p));
        std::fs::write(
            &p,
            "<!DOCTYPE html>\n<html><footer>Made by dossier 0.1.0</footer>",
        )
        .unwrap();
        assert!(ours(&p));
        std::fs::write(&p, "<!DOCTYPE html>\n<p>the clerk's own notes</p>").unwrap();
        assert!(!ours(&p));
        std::fs::remove_file(&p).unwrap();
        std::fs::create_dir(&p).unwrap();
        assert!(!ours(&p));
    }
}
