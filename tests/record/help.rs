//! The program's own words before any command runs: `--help` of the program and of every
//! command, `--version`, and what a wrong command line is told.

use super::record;
use crate::util::Scratch;

const C: &str = "help";

const COMMANDS: &[&str] = &[
    "check",
    "explain",
    "rules",
    "criteria",
    "pack",
    "draft",
    "import",
    "export",
    "verify",
    "certificates",
    "init",
    "add",
    "remove",
    "fix",
    "completions",
    "man",
];

#[test]
fn help_of_the_program_and_each_command() {
    let s = Scratch::base();
    record(C, "help", &s, &["--help"]);
    record(C, "help_short", &s, &["-h"]);
    record(C, "help_en", &s, &["--lang", "en", "--help"]);
    record(C, "help_command", &s, &["help"]);
    record(C, "version", &s, &["--version"]);
    for c in COMMANDS {
        record(C, &format!("{c}_help"), &s, &[c, "--help"]);
    }
    record(C, "help_check", &s, &["help", "check"]);
}

#[test]
fn a_wrong_command_line() {
    let s = Scratch::base();
    record(C, "nothing", &s, &[]);
    record(C, "nothing_en", &s, &["--lang", "en"]);
    record(C, "unknown_command", &s, &["chek"]);
    record(C, "unknown_command_en", &s, &["--lang", "en", "chek"]);
    record(C, "unknown_language", &s, &["--lang", "fr", "check"]);
    record(C, "unknown_global_option", &s, &["--verbose", "check"]);
}
