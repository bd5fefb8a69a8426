//! Mistakes on the command line, said in Vietnamese.
//!
//! clap reports a misspelt option or a wrong value in English ("unexpected argument '--bogus'
//! found"), which a clerk who chose the Vietnamese tool cannot act on. The kind of mistake and
//! its facts (the argument, the value, the values allowed, a close match) are taken from clap's
//! error and said again here; English users (`--lang en`) keep clap's own text.
//!
//! The value names clap puts in the argument (`<DIR>`, `--output <OUT>`) are English words in
//! the help, which is one text for both languages (see `super::help_vi`); inside a Vietnamese
//! message they are said in Vietnamese (`<THƯ_MỤC>`). Doing it here rather than with clap's
//! `value_name` keeps the English half of the help in English.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::diag::Lang;

/// The language asked for on a command line that did not parse: `--lang en` or `--lang=en`
/// anywhere, else Vietnamese.
#[must_use]
pub fn lang_of(args: &[String]) -> Lang {
    let en = args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en")
        || args.iter().any(|a| a == "--lang=en");
    if en {
        Lang::En
    } else {
        Lang::Vi
    }
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The English value names of the help, in Vietnamese.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("DIR", "THƯ_MỤC"),
    ("PATHS", "THƯ_MỤC"),
    ("PATH", "ĐƯỜNG_DẪN"),
    ("FILE", "TỆP"),
    ("OUT", "NƠI_GHI"),
    ("BUNDLE", "GÓI"),
    ("FORMAT", "ĐỊNH_DẠNG"),
    ("LANG", "NGÔN_NGỮ"),
    ("COLOR", "MÀU"),
    ("COMMAND", "LỆNH"),
    ("RULE", "QUY_TẮC"),
    ("NAME", "TÊN"),
];

/// An argument as clap names it (`<DIR>`, `--output <OUT>`, `[PATHS]...`), its value names in
/// Vietnamese.
fn vi_arg(arg: &str) -> String {
    let mut out = arg.to_owned();
    for (en, vi) in VALUE_NAMES {
        for (open, close) in [('<', '>'), ('[', ']')] {
            out = out.replace(&format!("{open}{en}{close}"), &format!("{open}{vi}{close}"));
        }
    }
    out
}

/// The subcommand a refused command line was for (`fix` in "Usage: dossier fix [OPTIONS]
/// <DIR>"), so the message can name it: "the command has no option --today" does not say which.
fn subcommand_of(e: &clap::Error) -> Option<String> {
    let usage = context(e, ContextKind::Usage)?;
    let mut words = usage.split_whitespace().skip_while(|w| *w != "dossier");
    words.next()?;
    let name = words.next()?;
    use clap::CommandFactory;
    crate::cli::Cli::command()
        .get_subcommands()
        .any(|c| c.get_name() == name)
        .then(|| name.to_owned())
}

/// An option's own words from the help, the Vietnamese half ("Họ và tên, hoặc tên tập thể"
/// for `--ten`), to say what a missing option is for; and the option written without a value
/// name made up from its own (`--ten <TEN>` is `--ten`: the capitals are clap's notation).
fn option_said(sub: Option<&str>, arg: &str) -> String {
    let Some(long) = arg.strip_prefix("--") else {
        return arg.to_owned();
    };
    let long = long.split_whitespace().next().unwrap_or(long);
    let own = format!("<{}>", long.to_uppercase().replace('-', "_"));
    let shown = if arg.ends_with(&own) {
        format!("--{long}")
    } else {
        arg.to_owned()
    };
    use clap::CommandFactory;
    let cmd = crate::cli::Cli::command();
    // The command's own option; when clap does not say which command, the option's words if
    // every command that has it says the same (`--ten` is add's alone; `--ma` differs;
    // `--hinh-thuc` is init's and certificates', both "Hình thức khen thưởng [...]").
    let words: Vec<String> = cmd
        .get_subcommands()
        .filter(|c| sub.is_none_or(|s| c.get_name() == s))
        .filter_map(|c| {
            c.get_arguments()
                .find(|a| a.get_long() == Some(long))
                .and_then(|a| a.get_help().map(|h| own_words(&h.to_string())))
        })
        .collect();
    match words.as_slice() {
        [first, rest @ ..] if !first.is_empty() && rest.iter().all(|h| h == first) => {
            format!("{shown} ({first})")
        }
        _ => shown,
    }
}

/// The Vietnamese half of an option's help, its first line, without its "[mặc định: …]" (the
/// help's notation) and its closing full stop, in a small letter.
fn own_words(help: &str) -> String {
    let vi = help.split(" / ").next().unwrap_or("");
    let vi = vi.split('\n').next().unwrap_or(vi);
    let vi = vi
        .split(" [")
        .next()
        .unwrap_or(vi)
        .trim()
        .trim_end_matches('.');
    let mut c = vi.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_lowercase().chain(c).collect::<String>()
    })
}

/// "tùy chọn" for an option (`--today`), "đối số" for a positional argument (`<DIR>`).
fn kind(arg: &str) -> &'static str {
    if arg.starts_with('-') {
        "tùy chọn"
    } else {
        "đối số"
    }
}

/// The subcommands, as clap knows them: a list written here by hand fell behind when commands
/// were added.
fn commands() -> String {
    use clap::CommandFactory;
    crate::cli::Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The Vietnamese message for a command line clap refused; None for help and version output,
/// which clap prints itself.
#[must_use]
pub fn message(e: &clap::Error) -> Option<String> {
    let arg = vi_arg(&context(e, ContextKind::InvalidArg).unwrap_or_default());
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let valid = context(e, ContextKind::ValidValue);
    let suggested = context(e, ContextKind::SuggestedArg)
        .or_else(|| context(e, ContextKind::SuggestedSubcommand))
        .or_else(|| context(e, ContextKind::SuggestedValue));
    let mut out = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::UnknownArgument => match subcommand_of(e) {
            Some(c) => format!("lỗi: lệnh {c} không có tùy chọn \"{arg}\""),
            None => format!("lỗi: lệnh không có tùy chọn \"{arg}\""),
        },
        ErrorKind::InvalidSubcommand => {
            let cmd = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("lỗi: không có lệnh \"{cmd}\"; các lệnh: {}", commands())
        }
        ErrorKind::InvalidValue => {
            // A positional argument (`<DIR>`) is not an option; an empty value ("") is what a
            // clerk's script passes when a variable is unset.
            let what = kind(&arg);
            if value.is_empty() {
                let said = option_said(subcommand_of(e).as_deref(), &arg);
                format!("lỗi: {what} {said} cần một giá trị, không được để trống")
            } else {
                format!("lỗi: {what} {arg} không nhận giá trị \"{value}\"")
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let said = option_said(subcommand_of(e).as_deref(), &arg);
            format!("lỗi: thiếu {} bắt buộc {said}", kind(&arg))
        }
        ErrorKind::ArgumentConflict => {
            let other = vi_arg(&context(e, ContextKind::PriorArg).unwrap_or_default());
            format!("lỗi: không dùng được {arg} cùng với {other}")
        }
        ErrorKind::TooManyValues => {
            format!("lỗi: thừa giá trị \"{value}\" cho {arg}")
        }
        ErrorKind::MissingSubcommand => {
            "lỗi: thiếu tên lệnh, ví dụ: dossier check THƯ_MỤC_HỒ_SƠ".to_owned()
        }
        ErrorKind::ValueValidation => {
            format!("lỗi: giá trị \"{value}\" của {arg} không hợp lệ")
        }
        _ => "lỗi: dòng lệnh không đúng".to_owned(),
    };
    // clap gives an empty list for a value that takes any text (a path): nothing to list.
    if let Some(v) = valid.filter(|v| !v.trim().is_empty()) {
        out.push_str(&format!("; chỉ nhận: {v}"));
    }
    if let Some(s) = suggested {
        out.push_str(&format!("\n  có phải ý bạn là: {s}?"));
    }
    match subcommand_of(e) {
        Some(c) => out.push_str(&format!("\n\nXem cách dùng: dossier {c} --help\n")),
        None => out.push_str("\n\nXem cách dùng: dossier --help (hoặc dossier TÊN_LỆNH --help)\n"),
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[test]
    fn a_wrong_option_is_said_in_vietnamese() {
        let e = crate::cli::Cli::try_parse_from(["dossier", "check", "--bogus"])
            .err()
            .map(|e| message(&e).unwrap_or_default())
            .unwrap_or_default();
        assert!(e.contains("không có tùy chọn \"--bogus\""), "{e}");
        let e = crate::cli::Cli::try_parse_from(["dossier", "check", "--format", "xml"])
            .err()
            .map(|e| message(&e).unwrap_or_default())
            .unwrap_or_default();
        assert!(
            e.contains("không nhận giá trị \"xml\"") && e.contains("human"),
            "{e}"
        );
    }

    #[test]
    fn value_names_are_said_in_vietnamese() {
        let e = crate::cli::Cli::try_parse_from(["dossier", "pack"])
            .err()
            .map(|e| message(&e).unwrap_or_default())
            .unwrap_or_default();
        assert!(
            e.starts_with("lỗi: thiếu đối số bắt buộc <THƯ_MỤC>\n"),
            "{e}"
        );
        let e = crate::cli::Cli::try_parse_from(["dossier", "pack", "hs", "--output"])
            .err()
            .map(|e| message(&e).unwrap_or_default())
            .unwrap_or_default();
        assert!(e.contains("--output <NƠI_GHI>"), "{e}");
    }

    #[test]
    fn an_unknown_command_lists_every_command() {
        let e = crate::cli::Cli::try_parse_from(["dossier", "manual"])
            .err()
            .map(|e| message(&e).unwrap_or_default())
            .unwrap_or_default();
        assert!(
            e.contains(
                "không có lệnh \"manual\"; các lệnh: check, explain, rules, criteria, pack, \
                 draft, import, export, verify, review, certificates, init, add, remove, fix, completions, man"
            ),
            "{e}"
        );
    }
}
