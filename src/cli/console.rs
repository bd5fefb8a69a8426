//! What the console is (#23): whether the tool was started by a double-click or a drop, whether
//! colours can be shown, and opening a report in the default browser. Each is a question only
//! Windows' console API can answer; elsewhere the answers are the plain ones (started from a
//! terminal, colours as the terminal does them, nothing opened).
//!
//! Vietnamese on the Windows console needs nothing here: Rust's standard library writes to a
//! console with `WriteConsoleW` (UTF-16), whatever the code page, and writes UTF-8 bytes when
//! the output is a file or a pipe, which is what a script reading it expects.

use std::io::IsTerminal;
use std::path::Path;

/// The facts the office mode decides from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Console {
    /// Standard input is a console (a key can be waited for).
    pub input: bool,
    /// Standard output is a console (a person reads it).
    pub output: bool,
    /// The console is the tool's own: no shell shares it. On Windows, a double-click or a drop
    /// on the .exe opens a console for it alone; started from cmd.exe or PowerShell, the shell is
    /// in the console's process list too.
    pub alone: bool,
    /// Running on Windows, where a report can be opened in the default browser.
    pub windows: bool,
}

impl Console {
    /// The console the tool runs in now.
    #[must_use]
    pub fn now() -> Console {
        Console {
            input: std::io::stdin().is_terminal(),
            output: std::io::stdout().is_terminal(),
            alone: alone(),
            windows: cfg!(windows),
        }
    }
}

#[cfg(windows)]
#[allow(unsafe_code)]
fn alone() -> bool {
    use windows_sys::Win32::System::Console::GetConsoleProcessList;
    let mut ids = [0u32; 4];
    // SAFETY: the buffer is valid for the length given; the call writes at most that many ids
    // and returns how many processes share the console (0 when there is no console).
    let n = unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) };
    n == 1
}

#[cfg(not(windows))]
fn alone() -> bool {
    false
}

/// Let the console show the colours `check` writes as ANSI sequences; false where it cannot
/// (an old console, or output that is not one), so the caller writes none.
#[cfg(windows)]
#[allow(unsafe_code)]
#[must_use]
pub fn colours_work() -> bool {
    use windows_sys::Win32::System::Console::{
        GetConsoleMode, GetStdHandle, SetConsoleMode, ENABLE_VIRTUAL_TERMINAL_PROCESSING,
        STD_OUTPUT_HANDLE,
    };
    // SAFETY: plain calls on the process's own standard output handle; `mode` is a valid
    // place for the console to write its mode.
    unsafe {
        let h = GetStdHandle(STD_OUTPUT_HANDLE);
        let mut mode = 0;
        if GetConsoleMode(h, &mut mode) == 0 {
            return false;
        }
        mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0
            || SetConsoleMode(h, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0
    }
}

/// Terminals elsewhere read ANSI colours.
#[cfg(not(windows))]
#[must_use]
pub fn colours_work() -> bool {
    true
}

/// Open `file` with the program Windows gives its type (the default browser for a `.html`);
/// false when it could not.
#[cfg(windows)]
#[allow(unsafe_code)]
#[must_use]
pub fn open(file: &Path) -> bool {
    use std::os::windows::ffi::OsStrExt;
    use windows_sys::Win32::UI::Shell::ShellExecuteW;
    use windows_sys::Win32::UI::WindowsAndMessaging::SW_SHOWNORMAL;
    let wide = |s: &std::ffi::OsStr| s.encode_wide().chain([0]).collect::<Vec<u16>>();
    let verb = wide(std::ffi::OsStr::new("open"));
    let path = wide(file.as_os_str());
    // SAFETY: both strings are NUL-terminated and live across the call; no window, parameters
    // or folder are given. ShellExecuteW returns a value above 32 on success.
    let r = unsafe {
        ShellExecuteW(
            std::ptr::null_mut(),
            verb.as_ptr(),
            path.as_ptr(),
            std::ptr::null(),
            std::ptr::null(),
            SW_SHOWNORMAL,
        )
    };
    r as isize > 32
}

/// Nothing is opened outside Windows: the path is said instead.
#[cfg(not(windows))]
#[must_use]
pub fn open(_file: &Path) -> bool {
    false
}
