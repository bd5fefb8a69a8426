//! The GitHub Actions format: one workflow command per finding, so a district office that runs
//! `dossier check` in a workflow sees each problem as an annotation on the dossier file, without
//! any converter step.
//!
//! Each finding is one line, `::error file=<path>,line=<l>,col=<c>,title=<ID name>::<message>`
//! (`::warning` for a warning; `line` and `col` are left out when the finding is about a whole
//! file). The message carries the finding's help and its related places on further lines, since
//! an annotation is all the clerk sees of it. Values are escaped as GitHub's runner unescapes
//! them: `%`, CR and LF in the message, and also `:` and `,` in the properties.
//!
//! `finish` prints one `::notice` line with the run's totals. GitHub shows at most ten error
//! and ten warning annotations per step and drops the rest silently; the notice is what tells
//! the reader that there were more, and that a run with no finding did check something.

use std::io::{self, Write};

use super::{join, place, Item, Renderer, Style, Summary};
use crate::diag::{Finding, Severity};
use crate::msg;

/// Writes GitHub Actions workflow commands.
pub struct Github {
    style: Style,
}

impl Github {
    /// A renderer with these options.
    #[must_use]
    pub fn new(style: Style) -> Self {
        Github { style }
    }

    /// The workflow command for one finding, without the line end.
    fn command(&self, item: &Item<'_>, f: &Finding) -> String {
        let lang = self.style.lang;
        let info = f.rule.info();
        let kind = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut props = vec![format!(
            "file={}",
            escape_property(&join(item.path, &f.primary.file))
        )];
        if let Some(span) = f.primary.span {
            props.push(format!("line={}", span.start.line));
            props.push(format!("col={}", span.start.column));
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("{} {}", info.id, info.name))
        ));

        let (help, note) = (msg!("gợi ý"; "help"), msg!("ghi chú"; "note"));
        let (help, note) = (help.get(lang), note.get(lang));
        let mut text = f.message.get(lang).to_owned();
        for s in &f.secondary {
            let place = place(item.path, &s.file, s.span);
            match &s.note {
                Some(n) => text.push_str(&format!("\n{note}: {place}: {}", n.get(lang))),
                None => text.push_str(&format!("\n{note}: {place}")),
            }
        }
        for n in &f.notes {
            text.push_str(&format!("\n{note}: {}", n.get(lang)));
        }
        if let Some(h) = &f.help {
            text.push_str(&format!("\n{help}: {}", h.get(lang)));
        }
        format!("::{kind} {}::{}", props.join(","), escape_data(&text))
    }
}

impl Renderer for Github {
    fn dossier(&mut self, out: &mut dyn Write, item: &Item<'_>) -> io::Result<()> {
        for f in &item.checked.findings {
            writeln!(out, "{}", self.command(item, f))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        let text = s.line(self.style.lang);
        writeln!(out, "::notice title=dossier::{}", escape_data(&text))
    }
}

/// Escape the message of a workflow command, as the runner's `UnescapeData` reverses it. Other
/// control characters (a message may quote the dossier's text) are dropped: the runner would
/// pass them on to the log and the annotation, where they show as nothing or as garbage.
fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escape a property value: as the message, and `:` and `,` too, which would otherwise end the
/// property list or the value.
fn escape_property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in escape_data(s).chars() {
        match c {
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

/// Findings shared by the tests of the machine formats, so that all three render the same
/// awkward cases: a finding without position, a warning, a secondary label, and Vietnamese text
/// with quotes, `<`, `&`, `%`, commas, colons, newlines and a control character, in a dossier
/// whose path has a space.
#[cfg(test)]
pub(crate) mod sample {
    use crate::diag::{Finding, Lang};
    use crate::dossier::Dossier;
    use crate::msg;
    use crate::render::{Item, Renderer, Style, Summary};
    use crate::rules::check::Checked;
    use crate::rules::Rule;
    use crate::source::{Pos, Span};

    /// Path of the dossier with findings: a space and Vietnamese letters.
    pub(crate) const FIRST: &str = "hồ sơ/xã Ninh Giang";
    /// Path of the clean dossier.
    pub(crate) const SECOND: &str = "examples/01-hop-le";

    fn span(line: u32, column: u32) -> Span {
        Span::at(Pos {
            line,
            column,
            byte: 0,
        })
    }

    fn checked(findings: Vec<Finding>) -> Checked {
        Checked {
            dossier: Dossier::default(),
            findings,
            rule_set: None,
            external_rule_set: None,
        }
    }

    /// Two dossiers: the first with four findings, the second with none.
    pub(crate) fn dossiers() -> Vec<(&'static str, Checked)> {
        let first = vec![
            Finding::new(
                Rule::NG002,
                "bien-ban.yaml",
                Some(span(3, 7)),
                msg!("Biên bản họp \"ngày 16/11/2021\" lập sau tờ trình <ngày 15/11/2021> & trễ: 1, 2 ngày\ndòng hai\r\nxong";
                     "The minutes \"dated 2021-11-16\" come after the proposal <2021-11-15> & late: 1, 2 days\nline two\r\ndone"),
            )
            .also(
                "to-trinh.yaml",
                Some(span(2, 7)),
                msg!("tờ trình đề ngày 15/11/2021, ở đây"; "the proposal is dated 2021-11-15, here"),
            )
            .help(msg!("Sửa ngày biên bản: trước tờ trình"; "Fix the minutes' date: before the proposal")),
            Finding::new(
                Rule::HS001,
                "bao cáo/ghi chú.yaml",
                None,
                msg!("Thiếu tệp 'bao cáo/ghi chú.yaml'"; "The file 'bao cáo/ghi chú.yaml' is missing"),
            ),
            Finding::new(
                Rule::DS007,
                "to-trinh.yaml",
                Some(span(12, 15)),
                msg!("Tên \"Nguyễn Thị Hoà\" và \"Nguyễn Thị Hòa\": đặt dấu khác nhau, 100% trùng\u{1}";
                     "Names \"Nguyễn Thị Hoà\" and \"Nguyễn Thị Hòa\": tone marks differ, 100% same\u{1}"),
            ),
            Finding::new(
                Rule::NG002,
                "bien-ban.yaml",
                Some(span(4, 1)),
                msg!("Lỗi thứ hai của cùng quy tắc"; "A second finding of the same rule"),
            ),
        ];
        vec![(FIRST, checked(first)), (SECOND, checked(Vec::new()))]
    }

    /// Run a renderer over the sample, as `dossier check` does, and return what it wrote.
    pub(crate) fn render(r: &mut dyn Renderer) -> String {
        let mut out = Vec::new();
        let mut summary = Summary::default();
        for (path, c) in &dossiers() {
            summary.add(&c.findings);
            let item = Item { path, checked: c };
            r.dossier(&mut out, &item).unwrap();
        }
        r.finish(&mut out, &summary).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Plain options in a language.
    pub(crate) fn style(lang: Lang) -> Style {
        Style {
            lang,
            color: false,
            quiet: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sample::{render, style};
    use super::*;
    use crate::diag::Lang;

    #[test]
    fn vietnamese() {
        insta::assert_snapshot!(render(&mut Github::new(style(Lang::Vi))));
    }

    #[test]
    fn english() {
        insta::assert_snapshot!(render(&mut Github::new(style(Lang::En))));
    }

    #[test]
    fn one_line_per_finding_and_a_notice() {
        let out = render(&mut Github::new(style(Lang::En)));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 5);
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("::error ")).count(),
            3
        );
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("::warning ")).count(),
            1
        );
        assert!(lines[4].starts_with("::notice "));
    }

    #[test]
    fn no_position_no_line_or_col() {
        let out = render(&mut Github::new(style(Lang::En)));
        let hs = out.lines().find(|l| l.contains("HS001")).unwrap();
        assert!(!hs.contains("line=") && !hs.contains("col="), "{hs}");
        assert!(
            hs.starts_with("::error file=hồ sơ/xã Ninh Giang/bao cáo/ghi chú.yaml,title=HS001 missing-component::"),
            "{hs}"
        );
    }

    #[test]
    fn escaping() {
        assert_eq!(escape_data("a%b\r\nc: d, e"), "a%25b%0D%0Ac: d, e");
        assert_eq!(escape_data("a\tb\u{1}c\u{7f}d\u{85}e"), "a\tbcde");
        assert_eq!(escape_property("a%b\r\nc: d, e"), "a%25b%0D%0Ac%3A d%2C e");
        // `%` first, so the escapes it makes are not escaped again.
        assert_eq!(escape_property("%3A"), "%253A");
    }

    #[test]
    fn joins_like_the_human_format() {
        assert_eq!(join("d", "a.yaml"), "d/a.yaml");
        assert_eq!(join("d/", "a.yaml"), "d/a.yaml");
        assert_eq!(join(".", "a.yaml"), "a.yaml");
        assert_eq!(join("d", ""), "d");
    }
}
