//! The human format: each finding as a titled snippet of the file with the offending text
//! underlined, the help and the legal basis under it, and a summary at the end. Labels
//! ("lỗi", "gợi ý") follow the chosen language.

use std::io::{self, Write};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer as Snip, Snippet};

use super::{join, Item, Renderer, Style, Summary};
use crate::diag::{Finding, Lang, Severity};
use crate::source::Span;

/// Renders findings for people.
pub struct Human {
    style: Style,
    snip: Snip,
}

impl Human {
    /// A renderer with these options.
    #[must_use]
    pub fn new(style: Style) -> Self {
        let snip = if style.color {
            Snip::styled()
        } else {
            Snip::plain()
        };
        Human {
            style,
            snip: snip.decor_style(DecorStyle::Ascii),
        }
    }

    fn names(&self) -> [&'static str; 4] {
        match self.style.lang {
            Lang::Vi => ["lỗi", "cảnh báo", "gợi ý", "ghi chú"],
            Lang::En => ["error", "warning", "help", "note"],
        }
    }

    /// Render one finding to text.
    #[must_use]
    pub fn finding(&self, item: &Item<'_>, f: &Finding) -> String {
        let lang = self.style.lang;
        let [err, warn, help, note] = self.names();
        let level = match f.severity {
            Severity::Error => Level::ERROR.with_name(err),
            Severity::Warning => Level::WARNING.with_name(warn),
        };
        let rule = f.rule.info();
        let title = level.primary_title(f.message.get(lang)).id(rule.id);
        let path = join(item.path, &f.primary.file);
        let source = item
            .checked
            .dossier
            .sources
            .iter()
            .find(|s| s.rel == f.primary.file);
        let mut group: Group<'_> = match (f.primary.span, source) {
            (Some(span), Some(src)) => {
                let mut snippet = Snippet::source(src.text.as_str())
                    .line_start(1)
                    .path(path.clone())
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(range(&src.text, span)));
                for s in &f.secondary {
                    if s.file == f.primary.file {
                        if let Some(sp) = s.span {
                            let label = s.note.as_ref().map(|n| n.get(lang).to_owned());
                            snippet = snippet.annotation(
                                AnnotationKind::Context
                                    .span(range(&src.text, sp))
                                    .label(label),
                            );
                        }
                    }
                }
                title.element(snippet)
            }
            (Some(span), None) => title.element(
                Origin::path(path.clone())
                    .line(span.start.line as usize)
                    .char_column(span.start.column as usize),
            ),
            (None, _) => title.element(Origin::path(path.clone())),
        };
        for s in &f.secondary {
            if s.file == f.primary.file && s.span.is_some() && source.is_some() {
                continue;
            }
            let label = s.note.as_ref().map(|n| n.get(lang).to_owned());
            let other = item
                .checked
                .dossier
                .sources
                .iter()
                .find(|t| t.rel == s.file);
            match (s.span, other) {
                // Show the other document's line too: the clerk sees both values at once.
                (Some(sp), Some(src)) => {
                    group = group.element(
                        Snippet::source(src.text.as_str())
                            .line_start(1)
                            .path(join(item.path, &s.file))
                            .fold(true)
                            .annotation(
                                AnnotationKind::Context
                                    .span(range(&src.text, sp))
                                    .label(label),
                            ),
                    );
                }
                (sp, _) => {
                    let where_ = match sp {
                        Some(sp) => format!(
                            "{}:{}:{}",
                            join(item.path, &s.file),
                            sp.start.line,
                            sp.start.column
                        ),
                        None => join(item.path, &s.file),
                    };
                    let text = label.map_or(String::new(), |l| format!("{l}: "));
                    group = group.element(
                        Level::NOTE
                            .with_name(note)
                            .message(format!("{text}{where_}")),
                    );
                }
            }
        }
        for n in &f.notes {
            group = group.element(Level::NOTE.with_name(note).message(n.get(lang).to_owned()));
        }
        if let Some(h) = &f.help {
            group = group.element(Level::HELP.with_name(help).message(h.get(lang).to_owned()));
        }
        self.snip.render(&[group])
    }
}

/// The byte range to underline: the span, or the character at its start when empty.
fn range(text: &str, span: Span) -> std::ops::Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start.byte as usize);
    let mut end = floor((span.end_byte as usize).max(start));
    // A block scalar's span runs to its last line; underline its first line only.
    if let Some(nl) = text[start..end].find(['\n', '\r']) {
        end = start + nl;
    }
    if end == start {
        end = text[start..]
            .char_indices()
            .nth(1)
            .map_or(text.len(), |(i, _)| start + i);
        if text[start..end].starts_with(['\n', '\r']) {
            end = start;
        }
    }
    start..end
}

impl Renderer for Human {
    fn dossier(&mut self, out: &mut dyn Write, item: &Item<'_>) -> io::Result<()> {
        let findings = &item.checked.findings;
        if self.style.quiet && !findings.iter().any(|f| f.severity == Severity::Error) {
            return Ok(());
        }
        for f in findings {
            writeln!(out, "{}\n", self.finding(item, f))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        let line = s.line(self.style.lang);
        writeln!(out, "{line}")?;
        if !s.by_rule.is_empty() {
            let parts: Vec<String> = s.by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
            let lead = match self.style.lang {
                Lang::Vi => "Theo quy tắc",
                Lang::En => "By rule",
            };
            writeln!(out, "{lead}: {}", parts.join(", "))?;
        }
        Ok(())
    }
}
