//! The `dossier` binary: parse the arguments, run, turn the outcome into an exit status.
//! Everything else lives in the library.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;
use dossier::cli::{office_mode, run, Cli, Exit};

// Chosen in Cargo.toml, where the reason is written (#21).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A double-click, or a folder or bundle dropped on dossier.exe (#23).
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let names = dossier::cli::command_names();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let console = dossier::cli::console::Console::now();
    let plan = office_mode::decide(&args, console, &names);
    if plan != office_mode::Plan::Normal {
        let (mut out, mut err) = (io::stdout(), io::stderr());
        return match office_mode::run(&plan, dossier::diag::Lang::Vi, &mut out, &mut err) {
            Ok(exit) => ExitCode::from(exit.code()),
            Err(_) => ExitCode::from(Exit::Trouble.code()),
        };
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // A clerk who chose the Vietnamese tool reads the mistake in Vietnamese.
            let args: Vec<String> = std::env::args().collect();
            if dossier::cli::args_vi::lang_of(&args) == dossier::diag::Lang::Vi {
                if let Some(m) = dossier::cli::args_vi::message(&e) {
                    let _ = write!(io::stderr(), "{m}");
                    return ExitCode::from(Exit::Trouble.code());
                }
            }
            e.exit()
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    let result = run(&cli, &mut out, &mut err).and_then(|exit| out.flush().map(|()| exit));
    match result {
        Ok(exit) => ExitCode::from(exit.code()),
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let what = match cli.lang {
                dossier::diag::Lang::Vi => "dossier không ghi được kết quả",
                dossier::diag::Lang::En => "dossier could not write its report",
            };
            let e = anyhow::Error::from(e).context(what);
            let _ = writeln!(err, "{e:#}");
            ExitCode::from(Exit::Trouble.code())
        }
    }
}
