//! The words clap writes into `--help` itself, said in Vietnamese with the English after a slash,
//! as every help text of this tool is (#11).
//!
//! clap has no translation of its own: "Usage:", "Commands:", "Arguments:", "Options:",
//! "Possible values:", "[default: …]", the `help` subcommand's "Print this message or the help
//! of the given subcommand(s)" and the `-h`/`-V` flags' texts are English literals in its help
//! writer. What clap does let a program set is used instead of each, on the finished command
//! tree: a help template with our own usage heading, the commands' heading, a help heading on
//! every argument (positionals under "Đối số / Arguments", the others under "Tùy chọn /
//! Options"), the texts of the built-in flags and of the `help` subcommand (which exist only once
//! the tree is built, so it is built first), and the allowed and default values written into each
//! argument's own help with clap's lists hidden.
//!
//! The value names clap shows (`<DIR>`, `<OUT>`, `<FILE>`) stay English here: the help is one
//! text for both languages, and a Vietnamese name there would stand untranslated in the English
//! half. Where a Vietnamese message quotes one (an argument error), `super::args_vi` says it in
//! Vietnamese.

use clap::builder::PossibleValue;
use clap::{Arg, Command};

const USAGE: &str =
    "{before-help}{about-with-newline}\nCách dùng / Usage: {usage}\n\n{all-args}{after-help}";
const COMMANDS: &str = "Lệnh / Commands";
const ARGUMENTS: &str = "Đối số / Arguments";
const OPTIONS: &str = "Tùy chọn / Options";

/// `cmd`, built, with clap's own English said in both languages.
pub(super) fn localise(mut cmd: Command) -> Command {
    cmd.build();
    tree(cmd)
}

fn tree(cmd: Command) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    let mut cmd = cmd
        .help_template(USAGE)
        .subcommand_help_heading(COMMANDS)
        .mut_args(arg);
    for name in names {
        cmd = if name == "help" {
            // Its own `help` (`dossier help help`) is said the same way.
            cmd.mut_subcommand(&name, |s| {
                tree(s.about("In hướng dẫn của chương trình hoặc của một lệnh / print this message or the help of the given command"))
            })
        } else {
            cmd.mut_subcommand(&name, tree)
        };
    }
    cmd
}

fn values(a: &Arg) -> Vec<PossibleValue> {
    if a.is_hide_possible_values_set() {
        return Vec::new();
    }
    a.get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect()
}

fn arg(a: Arg) -> Arg {
    let a = match a.get_id().as_str() {
        "help" if a.get_long() == Some("help") => a
            .help("In hướng dẫn (--help: bản đầy đủ) / print help (--help: all of it)")
            .long_help("In hướng dẫn (-h: bản tóm tắt) / print help (-h: a summary)"),
        "version" if a.get_long() == Some("version") => {
            a.help("In số phiên bản / print the version")
        }
        _ => a,
    };
    let heading = if a.is_positional() {
        ARGUMENTS
    } else {
        OPTIONS
    };
    let a = a.help_heading(heading);
    let vals = values(&a);
    // A flag's "false" is no value the clerk types: clap does not show it either.
    let defaults: Vec<String> = if a.is_hide_default_value_set() || !a.get_action().takes_values() {
        Vec::new()
    } else {
        a.get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect()
    };
    if vals.is_empty() && defaults.is_empty() {
        return a;
    }
    let help = a.get_help().map(ToString::to_string).unwrap_or_default();
    let long = a.get_long_help().map(ToString::to_string);
    let mut short = help.clone();
    let mut full = long.unwrap_or(help);
    if !vals.is_empty() {
        let names: Vec<&str> = vals.iter().map(PossibleValue::get_name).collect();
        short.push_str(&format!(
            " [giá trị / possible values: {}]",
            names.join(", ")
        ));
        if vals.iter().any(|v| v.get_help().is_some()) {
            full.push_str("\n\nGiá trị / possible values:");
            for v in &vals {
                match v.get_help() {
                    Some(h) => full.push_str(&format!("\n- {}: {h}", v.get_name())),
                    None => full.push_str(&format!("\n- {}", v.get_name())),
                }
            }
        } else {
            full.push_str(&format!(
                " [giá trị / possible values: {}]",
                names.join(", ")
            ));
        }
    }
    if !defaults.is_empty() {
        let d = format!(" [mặc định / default: {}]", defaults.join(", "));
        short.push_str(&d);
        if vals.iter().any(|v| v.get_help().is_some()) {
            full.push_str("\n\n");
            full.push_str(d.trim_start());
        } else {
            full.push_str(&d);
        }
    }
    a.help(short)
        .long_help(full)
        .hide_possible_values(true)
        .hide_default_value(true)
}
