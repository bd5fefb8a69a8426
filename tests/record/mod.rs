//! Whole outputs recorded (#20 item 5): for every command, what it prints for its main success,
//! its refusals and in English, as one record per case: the command line, the exit code, stdout
//! and stderr in full, and the files the run added, changed or removed. One folder of records
//! per command, `tests/record/snapshots/<command>/<case>.snap`, written by `<command>.rs` here
//! (`help.rs` for the program's own help and a wrong command line, `startup.rs` for each
//! command under office settings). The words of every rule no fixture records are in
//! `rule_words.rs` (`tests/fixture_snapshots.rs` records the rule fixtures').
//!
//! Why insta over the same runs rather than trycmd's `tests/cmd/*.toml`: insta is already built
//! for the rule snapshots (trycmd and snapbox would be more crates to build on every machine),
//! and many cases need a setup no static folder can hold: a bundle packed and then altered
//! entry by entry, a symbolic link, bytes that are not UTF-8, a second run over the first one's
//! output, office settings above the dossier. Each case is a line of Rust beside its setup, run
//! as `util::dossier` runs the binary (COLUMNS unset besides), and recorded whole. To re-record
//! after a deliberate change of output: `INSTA_UPDATE=always cargo test --test tests record::`,
//! then read the diff (`git diff tests/record/snapshots`) before committing.
//!
//! Every run happens in a scratch folder with relative paths; what still carries the scratch
//! folder's absolute path prints it as `[SCRATCH]`, and the program's version as `[VERSION]`.
//! Dates come from `--today` where the command takes it (`util::TODAY`).

mod add;
mod check;
mod criteria;
mod draft;
mod explain;
mod export;
mod fix;
mod help;
mod import;
mod init;
mod manual;
mod pack;
mod remove;
mod review;
mod rule_words;
mod startup;
mod verify;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

use crate::util::{tree_bytes, Scratch};

/// Run `dossier ARGS` in the scratch folder and record it as `<cmd>/<case>`; what it printed
/// is returned, for a case that goes on from it.
pub(crate) fn record(cmd: &str, case: &str, s: &Scratch, args: &[&str]) -> Output {
    record_in(cmd, case, s.dir.path(), args)
}

/// Run `dossier ARGS` in `cwd` and record it as `<cmd>/<case>`: the command line, the exit
/// code, stdout, stderr, and the files under `cwd` that the run added (+), changed (~) or
/// removed (-).
pub(crate) fn record_in(cmd: &str, case: &str, cwd: &Path, args: &[&str]) -> Output {
    let before: BTreeMap<String, Vec<u8>> = tree_bytes(cwd).into_iter().collect();
    // clap wraps help to COLUMNS when no terminal is attached: unset, every machine records
    // the same width (100, the program's own maximum).
    let out = program()
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .env_remove("LINES")
        .args(args)
        .output()
        .unwrap();
    let mut after: BTreeMap<String, Vec<u8>> = tree_bytes(cwd).into_iter().collect();
    if under_wine() {
        // On Windows a writer locks a dossier through a hidden `.dossier.lock` file, which
        // stays by design (src/disk/lock.rs); Unix locks the folder itself.
        after.retain(|name, _| before.contains_key(name) || !name.ends_with("/.dossier.lock"));
    }
    let mut files = Vec::new();
    for (name, bytes) in &after {
        match before.get(name) {
            None => files.push(format!("+ {name}")),
            Some(b) if b != bytes => files.push(format!("~ {name}")),
            Some(_) => {}
        }
    }
    for name in before.keys().filter(|n| !after.contains_key(*n)) {
        files.push(format!("- {name}"));
    }
    let text = format!(
        "$ dossier {}\nexit: {}\n--- stdout\n{}--- stderr\n{}--- files\n{}",
        args.iter()
            .map(|a| shell_word(a))
            .collect::<Vec<_>>()
            .join(" "),
        out.status
            .code()
            .map_or("none".to_owned(), |c| c.to_string()),
        block(&out.stdout),
        block(&out.stderr),
        files.iter().map(|f| format!("{f}\n")).collect::<String>(),
    );
    let text = redact(&text, cwd);
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(format!("snapshots/{cmd}"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(case, text));
    out
}

/// The program the records are made of: this build's `dossier`, or, for the Windows test set
/// (#23, `.ci/run`), `dossier.exe` under Wine (`DOSSIER_WINDOWS_EXE`), whose every output must
/// be the Linux record's.
pub(crate) fn under_wine() -> bool {
    std::env::var_os("DOSSIER_WINDOWS_EXE").is_some()
}

fn program() -> assert_cmd::Command {
    match std::env::var_os("DOSSIER_WINDOWS_EXE") {
        Some(exe) => {
            let mut c = assert_cmd::Command::new("wine");
            c.arg(exe).env("WINEDEBUG", "-all");
            c
        }
        None => assert_cmd::Command::cargo_bin("dossier").unwrap(),
    }
}

/// An argument as a shell would need it written, so the recorded line can be typed again.
fn shell_word(a: &str) -> String {
    if !a.is_empty()
        && a.chars()
            .all(|c| c.is_alphanumeric() || "-_./=:,@+".contains(c))
    {
        a.to_owned()
    } else {
        format!("'{}'", a.replace('\'', r"'\''"))
    }
}

/// Output as recorded: lossless for UTF-8, every byte of anything else shown, and a last line
/// without its line end marked, so a missing or extra newline is part of the record.
fn block(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return String::new();
    }
    let mut t = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_owned(),
        Err(_) => format!("[not UTF-8] {}", String::from_utf8_lossy(bytes)),
    };
    if t.ends_with('\n') {
        t
    } else {
        t.push_str("⏎ [no line end]\n");
        t
    }
}

/// The scratch folder's own path and the version, which differ from run to run and release to
/// release, as fixed words.
fn redact(text: &str, cwd: &Path) -> String {
    let mut t = text.to_owned();
    let mut roots = vec![cwd.display().to_string()];
    if let Ok(c) = std::fs::canonicalize(cwd) {
        roots.push(c.display().to_string());
    }
    if under_wine() {
        // Wine shows the Linux folder as drive Z:; an absolute path printed on Windows is
        // `Z:/tmp/…` where Linux prints `/tmp/…`.
        let z: Vec<String> = roots.iter().map(|r| format!("Z:{r}")).collect();
        roots.extend(z);
    }
    roots.sort_by_key(|r| std::cmp::Reverse(r.len()));
    for r in roots {
        t = t.replace(&r, "[SCRATCH]");
    }
    let v = env!("CARGO_PKG_VERSION");
    for (from, to) in [
        (format!("dossier {v}"), "dossier [VERSION]".to_owned()),
        (format!("\"{v}\""), "\"[VERSION]\"".to_owned()),
        (format!("dossier/{v}"), "dossier/[VERSION]".to_owned()),
    ] {
        t = t.replace(&from, &to);
    }
    t
}
