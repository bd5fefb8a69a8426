//! `dossier man` and `dossier completions`: the manual page and the shell completions.
//!
//! clap's generators describe the top command only: the man page listed its subcommands as
//! `dossier-check(1)` pages that nobody installs, and said nothing of exit status or examples;
//! the completions offered no rule ids or rule-set values. Here the page carries every
//! subcommand with its options, EXIT STATUS and EXAMPLES in one document, and the completions
//! offer the rule ids to `explain` and the built-in rule sets' ids to `--phong-trao`,
//! `--hinh-thuc`, `--loai-khen` and `--doi-tuong`.

use std::io::{self, Write};

use clap::builder::PossibleValuesParser;
use clap::CommandFactory;

use super::Cli;
use crate::criteria::Catalog;
use crate::rules::Rule;

/// Escape text for roff: backslashes, and a leading dot or quote that would start a request.
fn roff(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with(['.', '\'']) {
        format!("\\&{s}")
    } else {
        s
    }
}

/// The whole manual page, in roff.
pub(super) fn man(out: &mut dyn Write) -> io::Result<()> {
    // The synopsis names the command by the heading, lower-cased: the help's "Lệnh / Commands"
    // would read `<lệnh / commands>` there.
    let cmd = Cli::command().subcommand_help_heading("command");
    clap_mangen::Man::new(cmd.clone()).render_title(out)?;
    clap_mangen::Man::new(cmd.clone()).render_name_section(out)?;
    clap_mangen::Man::new(cmd.clone()).render_synopsis_section(out)?;
    clap_mangen::Man::new(cmd.clone()).render_description_section(out)?;
    clap_mangen::Man::new(cmd.clone()).render_options_section(out)?;
    writeln!(out, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands() {
        let name = sub.get_name();
        writeln!(out, ".SS \"dossier {}\"", roff(name))?;
        if let Some(about) = sub.get_about() {
            writeln!(out, "{}", roff(&about.to_string()))?;
        }
        let aliases: Vec<&str> = sub.get_visible_aliases().collect();
        let hidden: Vec<&str> = sub.get_all_aliases().collect();
        if !hidden.is_empty() || !aliases.is_empty() {
            let all: Vec<&str> = aliases.into_iter().chain(hidden).collect();
            writeln!(out, ".br\nAlso: {}", roff(&all.join(", ")))?;
        }
        for arg in sub.get_arguments() {
            if arg.is_hide_set() || arg.get_id() == "help" {
                continue;
            }
            let value = arg
                .get_value_names()
                .map(|v| {
                    v.iter()
                        .map(|n| format!("<{n}>"))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            let head = match (arg.get_short(), arg.get_long()) {
                (Some(s), Some(l)) => format!("\\-{s}, \\-\\-{} {}", roff(l), roff(&value)),
                (None, Some(l)) => format!("\\-\\-{} {}", roff(l), roff(&value)),
                (Some(s), None) => format!("\\-{s} {}", roff(&value)),
                (None, None) => format!("<{}>", roff(arg.get_id().as_str()).to_uppercase()),
            };
            writeln!(out, ".TP\n\\fB{}\\fR", head.trim_end())?;
            if let Some(h) = arg.get_help() {
                writeln!(out, "{}", roff(&h.to_string()))?;
            }
        }
    }
    writeln!(
        out,
        ".SH \"EXIT STATUS\"\n.TP\n\\fB0\\fR\nNo error (warnings allowed); for \\fBverify\\fR, a good bundle.\n.TP\n\\fB1\\fR\nAt least one error (or a warning with \\-\\-deny\\-warnings); for \\fBfix\\fR, files left alone that need the clerk.\n.TP\n\\fB2\\fR\nThe tool could not run: bad arguments, a path that is missing, not a folder or holding no dossier, an unreadable bundle, an edit refused."
    )?;
    writeln!(
        out,
        ".SH EXAMPLES\n.TP\nCheck a dossier, in English:\n\\fBdossier \\-\\-lang en check ho\\-so\\-xa\\-truong\\-yen\\fR\n.TP\nCheck every dossier of a shared folder, only the failing ones shown, for CI:\n\\fBdossier check \\-q \\-\\-format junit \\-o report.xml /srv/ho\\-so\\fR\n.TP\nStart a dossier, add a nominee (the id is made from the name), remove one:\n\\fBdossier init hs\\fR\n.br\n\\fBdossier add hs \\-\\-ten \"Lê Văn Bình\" \\-\\-doi\\-tuong ca_nhan\\fR\n.br\n\\fBdossier rm hs \\-\\-ma le\\-van\\-binh\\fR\n.TP\nSee the safe repairs, then make them:\n\\fBdossier fix \\-\\-dry\\-run hs\\fR\n.br\n\\fBdossier fix hs\\fR\n.TP\nPack, and verify at the receiving office:\n\\fBdossier pack hs \\-o out/\\fR\n.br\n\\fBdossier verify out/45\\-TTr\\-UBND_xa\\-truong\\-yen.zip\\fR\n.TP\nWhat a rule checks:\n\\fBdossier explain NG002\\fR"
    )?;
    writeln!(
        out,
        ".SH \"SEE ALSO\"\nREADME.md, docs/dossier\\-format.md and docs/rule\\-set\\-format.md in the source."
    )
}

/// The command with the values completion should offer: rule ids, and the built-in rule sets'
/// ids for the flags that take them. Only for generating completions: the real parser keeps
/// accepting a rule-set file's own values.
fn with_values(catalog: Option<&Catalog>) -> clap::Command {
    let rules: Vec<&'static str> = Rule::ALL.iter().map(|r| r.info().id).collect();
    let mut cmd = Cli::command().mut_subcommand("explain", |s| {
        s.mut_arg("rule", |a| {
            a.value_parser(PossibleValuesParser::new(rules.clone()))
        })
    });
    let Some(cat) = catalog else { return cmd };
    let mut sets: Vec<String> = cat.sets.iter().map(|s| s.id.clone()).collect();
    let mut forms: Vec<String> = cat
        .sets
        .iter()
        .flat_map(|s| s.forms.iter().map(|f| f.id.clone()))
        .collect();
    let mut awards: Vec<String> = cat
        .sets
        .iter()
        .flat_map(|s| s.award_kinds.iter().map(|k| k.id.clone()))
        .collect();
    let mut kinds: Vec<String> = cat
        .sets
        .iter()
        .flat_map(|s| s.nominee_kinds.iter().map(|k| k.id.clone()))
        .collect();
    for v in [&mut sets, &mut forms, &mut awards, &mut kinds] {
        v.sort();
        v.dedup();
    }
    let values = [
        ("phong_trao", sets),
        ("hinh_thuc", forms),
        ("loai_khen", awards),
        ("doi_tuong", kinds),
    ];
    for sub in ["init", "add", "explain"] {
        cmd = cmd.mut_subcommand(sub, |mut s| {
            for (id, vals) in &values {
                if s.get_arguments().any(|a| a.get_id() == id) {
                    // clap holds possible values as `&'static str` (without its `string`
                    // feature); this runs once, to print completions, so the few leak.
                    let vals: Vec<&'static str> = vals
                        .iter()
                        .map(|v| &*Box::leak(v.clone().into_boxed_str()))
                        .collect();
                    s = s.mut_arg(id, |a| a.value_parser(PossibleValuesParser::new(vals)));
                }
            }
            s
        });
    }
    cmd
}

/// Shell completions for `shell`.
pub(super) fn completions(shell: clap_complete::Shell, out: &mut dyn Write) {
    let catalog = Catalog::builtin().ok();
    let mut cmd = with_values(catalog.as_ref());
    clap_complete::generate(shell, &mut cmd, "dossier", out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_documents_every_command_exit_status_and_examples() {
        let mut page = Vec::new();
        man(&mut page).unwrap_or_default();
        let page = String::from_utf8_lossy(&page);
        for sub in Cli::command().get_subcommands() {
            assert!(
                page.contains(&format!(".SS \"dossier {}\"", sub.get_name())),
                "{}",
                sub.get_name()
            );
        }
        assert!(page.contains(".SH \"EXIT STATUS\"") && page.contains(".SH EXAMPLES"));
        assert!(!page.contains("dossier-check(1)") && !page.contains("dossier\\-check(1)"));
    }

    #[test]
    fn completions_offer_rule_ids_and_rule_set_values() {
        let mut out = Vec::new();
        completions(clap_complete::Shell::Bash, &mut out);
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("NG002"), "rule ids");
        assert!(text.contains("covid19-hoa-lu-2021"), "rule sets");
        assert!(text.contains("tuyen_dau"), "kinds of nominee");
    }
}
