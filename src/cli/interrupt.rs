//! What a writing command does when the process is told to stop: remove its temporaries, say
//! so in the clerk's language, and exit as the shell expects.
//!
//! Shared by every command that writes (`pack`, `draft`, `export`, and the editing commands):
//! each calls [`install`] once, before its first write, with the line to say; what to remove
//! is whatever is registered in [`crate::disk::cleanup`] at that moment.

use std::io::Write;

use crate::diag::{Lang, Msg};

/// Set up the handling of every catchable ending of the process: Ctrl-C, `kill`, a closed
/// terminal, SIGQUIT, the user signals, CPU-time and timer limits. On one of them the
/// registered temporaries are removed ([`crate::disk::cleanup::remove_all`]), `stopped` is
/// written on stderr in `lang`, and the process exits with 128 + the signal. SIGXFSZ (a
/// file-size limit, `ulimit -f`) is caught and ignored, so the write that crosses the limit
/// fails with an error (EFBIG) and goes through the command's ordinary error path, which names
/// the file. SIGPIPE is already ignored by Rust. Only SIGKILL (and a crash of the machine) can
/// leave a temporary behind; the next run of the command sweeps it ([`crate::disk::cleanup::sweep`]).
///
/// Only the first call in a process takes effect.
pub(crate) fn install(lang: Lang, stopped: Msg) {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| platform(lang, stopped));
}

#[cfg(unix)]
fn platform(lang: Lang, stopped: Msg) {
    use signal_hook::consts::signal::{
        SIGALRM, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGXCPU,
        SIGXFSZ,
    };
    // A handler that only sets a flag nobody reads: the signal no longer kills, and the write
    // returns EFBIG.
    let _ = signal_hook::flag::register(
        SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    let endings = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
    ];
    if let Ok(mut signals) = signal_hook::iterator::Signals::new(endings) {
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                end(lang, &stopped, 128 + signal);
            }
        });
    }
}

/// On Windows: Ctrl-C, Ctrl-Break and closing the console window.
#[cfg(windows)]
fn platform(lang: Lang, stopped: Msg) {
    let _ = ctrlc::set_handler(move || end(lang, &stopped, 130));
}

#[cfg(not(any(unix, windows)))]
fn platform(_: Lang, _: Msg) {}

/// Remove, say, exit. The line is written, not printed: the terminal may be gone (SIGHUP), and
/// a failed write must not stop the exit.
#[cfg(any(unix, windows))]
fn end(lang: Lang, stopped: &Msg, code: i32) -> ! {
    crate::disk::cleanup::remove_all();
    // Stopped between an editing command's commit point and the end of its renames: what is
    // left is for the next command to finish, not "as before".
    let committing = crate::msg!(
        "Đã dừng giữa lúc ghi hồ sơ. Các thay đổi đã được lưu lại đủ: lệnh dossier tiếp theo chạy trên hồ sơ này (ví dụ dossier check) sẽ ghi nốt.";
        "Stopped while writing the dossier. Every change was saved first: the next dossier command run on it (dossier check, say) finishes the writing."
    );
    let said = if crate::disk::journal::committing() {
        &committing
    } else {
        stopped
    };
    let _ = writeln!(std::io::stderr(), "\n{}", said.get(lang));
    std::process::exit(code);
}
