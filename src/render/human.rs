//! The human format: each finding as a titled snippet of the file with the offending text
//! underlined, the help and the legal basis under it, and a summary at the end. Labels
//! ("lỗi", "gợi ý") follow the chosen language.

use std::io::{self, Write};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer as Snip, Snippet};

use super::{join, place, Item, Renderer, Style, Summary};
use crate::diag::{en_count, Finding, Severity};
use crate::msg;
use crate::source::Span;
use crate::text::file_name::shown as visible;

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

    fn names(&self) -> [String; 4] {
        [
            msg!("lỗi"; "error"),
            msg!("cảnh báo"; "warning"),
            msg!("gợi ý"; "help"),
            msg!("ghi chú"; "note"),
        ]
        .map(|m| m.get(self.style.lang).to_owned())
    }

    /// Render one finding to text.
    #[must_use]
    pub fn finding(&self, item: &Item<'_>, f: &Finding) -> String {
        let lang = self.style.lang;
        let names = self.names();
        let [err, warn, help, note] = names.each_ref().map(String::as_str);
        let level = match f.severity {
            Severity::Error => Level::ERROR.with_name(err),
            Severity::Warning => Level::WARNING.with_name(warn),
        };
        let rule = f.rule.info();
        let title = level.primary_title(f.message.get(lang)).id(rule.id);
        // File names come from the disk or from a received bundle: one with an escape sequence
        // would reach the terminal raw in the "-->" line (the renderer cleans titles, not
        // paths). Shown as they print, each control or hidden character as `<U+001B>`.
        let path = visible(&join(item.path, &f.primary.file));
        let source = item
            .checked
            .dossier
            .sources
            .iter()
            .find(|s| s.rel == f.primary.file);
        let same_file: Vec<Span> = f
            .secondary
            .iter()
            .filter(|s| s.file == f.primary.file)
            .filter_map(|s| s.span)
            .collect();
        // Whether the secondary places of the primary file are underlined in its snippet.
        let mut inlined = false;
        let mut group: Group<'_> = match (f.primary.span, source) {
            (Some(span), Some(src)) => {
                let all: Vec<Span> = std::iter::once(span).chain(same_file).collect();
                let together = excerpt(&src.text, &all);
                inlined = together.is_some();
                match together.or_else(|| excerpt(&src.text, &[span])) {
                    Some(ex) => {
                        let mut snippet = ex
                            .snippet(path.clone())
                            .annotation(AnnotationKind::Primary.span(ex.range(span)));
                        for s in f.secondary.iter().filter(|_| inlined) {
                            if s.file == f.primary.file {
                                if let Some(sp) = s.span {
                                    let label = s.note.as_ref().map(|n| n.get(lang).to_owned());
                                    snippet = snippet.annotation(
                                        AnnotationKind::Context.span(ex.range(sp)).label(label),
                                    );
                                }
                            }
                        }
                        title.element(snippet)
                    }
                    None => title.element(origin(path.clone(), span)),
                }
            }
            (Some(span), None) => title.element(origin(path.clone(), span)),
            (None, _) => title.element(Origin::path(path.clone())),
        };
        for s in &f.secondary {
            if s.file == f.primary.file && s.span.is_some() && inlined {
                continue;
            }
            let label = s.note.as_ref().map(|n| n.get(lang).to_owned());
            let other = item
                .checked
                .dossier
                .sources
                .iter()
                .find(|t| t.rel == s.file);
            // Show the other document's line too: the clerk sees both values at once.
            let shown = match (s.span, other) {
                (Some(sp), Some(src)) => excerpt(&src.text, &[sp]).map(|ex| {
                    ex.snippet(visible(&join(item.path, &s.file))).annotation(
                        AnnotationKind::Context
                            .span(ex.range(sp))
                            .label(label.clone()),
                    )
                }),
                _ => None,
            };
            match shown {
                Some(snippet) => group = group.element(snippet),
                None => {
                    let where_ = visible(&place(item.path, &s.file, s.span));
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

/// Longest line quoted under a finding; a longer one (a whole file written on one line) is
/// named by line and column instead.
const MAX_LINE: usize = 4096;
/// Most text between the first and last line quoted in one snippet.
const MAX_EXCERPT: usize = 64 * 1024;

/// The lines of a file that a snippet quotes.
///
/// Only these lines are handed to the renderer, not the whole file: the renderer reads all the
/// text it is given, so a file of thousands of findings (a mapping of 50,000 misspelt keys) would
/// otherwise cost its size once per finding. The output is the same, since a folded snippet
/// shows only its annotated lines.
struct Excerpt<'a> {
    full: &'a str,
    text: &'a str,
    /// Byte of `full` where `text` starts.
    offset: usize,
    /// Line number of its first line.
    first_line: usize,
}

impl<'a> Excerpt<'a> {
    fn snippet(&self, path: String) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
        // A file saved on Windows ends its lines with CR LF; the renderer shows the CR as a
        // visible "␍" at the end of every quoted line. A space in its place keeps every byte
        // offset, and prints as nothing.
        let text: std::borrow::Cow<'a, str> = if self.text.contains('\r') {
            let b = self.text.as_bytes();
            let mut s = String::with_capacity(self.text.len());
            for (i, c) in self.text.char_indices() {
                let ends_line = matches!(b.get(i + 1), None | Some(b'\n'));
                s.push(if c == '\r' && ends_line { ' ' } else { c });
            }
            s.into()
        } else {
            self.text.into()
        };
        Snippet::source(text)
            .line_start(self.first_line)
            .path(path)
            .fold(true)
    }

    /// [`range`] of a span, relative to the excerpt.
    fn range(&self, span: Span) -> std::ops::Range<usize> {
        let r = range(self.full, span);
        let clamp = |i: usize| i.saturating_sub(self.offset).min(self.text.len());
        clamp(r.start)..clamp(r.end)
    }
}

/// The whole lines of `text` holding `spans`, or `None` when a line is longer than
/// [`MAX_LINE`] or the lines are further apart than [`MAX_EXCERPT`].
fn excerpt<'a>(text: &'a str, spans: &[Span]) -> Option<Excerpt<'a>> {
    let b = text.as_bytes();
    let mut lo = (usize::MAX, 0);
    let mut hi = 0;
    for &span in spans {
        let r = range(text, span);
        let from = r.start.saturating_sub(MAX_LINE);
        let line_start = match memchr::memrchr(b'\n', &b[from..r.start]) {
            Some(i) => from + i + 1,
            None if from == 0 => 0,
            None => return None,
        };
        let to = (r.end + MAX_LINE).min(b.len());
        let line_end = match memchr::memchr(b'\n', &b[r.end..to]) {
            Some(i) => r.end + i,
            None if to == b.len() => b.len(),
            None => return None,
        };
        if line_start < lo.0 {
            lo = (line_start, span.start.line as usize);
        }
        hi = hi.max(line_end);
    }
    if lo.0 > hi || hi - lo.0 > MAX_EXCERPT {
        return None;
    }
    Some(Excerpt {
        full: text,
        text: text.get(lo.0..hi)?,
        offset: lo.0,
        first_line: lo.1,
    })
}

/// A place named without quoting it.
fn origin(path: String, span: Span) -> Origin<'static> {
    Origin::path(path)
        .line(span.start.line as usize)
        .char_column(span.start.column as usize)
}

impl Human {
    /// The count of findings per rule, after the closing line.
    fn by_rule(&self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        if !s.by_rule.is_empty() {
            let parts: Vec<String> = s.by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
            let lead = msg!("Theo quy tắc"; "By rule");
            writeln!(out, "{}: {}", lead.get(self.style.lang), parts.join(", "))?;
        }
        Ok(())
    }
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
        // One line per dossier, clean ones included: on a shared folder the office sees every
        // dossier named with how it stands, not only those with findings.
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let warnings = findings.len() - errors;
        // A dossier's folder name in a shared folder is as untrusted as a file name.
        let path = visible(item.path);
        let line = match (errors, warnings) {
            (0, 0) => {
                msg!("Hồ sơ {path}: đạt, không có lỗi hay cảnh báo."; "Dossier {path}: clean.")
            }
            (e, w) => msg!(
                "Hồ sơ {path}: {e} lỗi, {w} cảnh báo.";
                "Dossier {path}: {}, {}.", en_count(e, "error", "errors"), en_count(w, "warning", "warnings")
            ),
        };
        writeln!(out, "{}\n", line.get(self.style.lang))
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        let line = s.line(self.style.lang);
        writeln!(out, "{line}")?;
        self.by_rule(out, s)
    }

    fn rule_sets(
        &mut self,
        out: &mut dyn Write,
        item: &Item<'_>,
        s: &Summary,
        name: &str,
    ) -> io::Result<()> {
        // Named as the rule set it is, not as a dossier with no name ("Hồ sơ : 1 lỗi").
        for f in &item.checked.findings {
            writeln!(out, "{}\n", self.finding(item, f))?;
        }
        let (e, w) = (s.errors, s.warnings);
        let line = msg!(
            "Bộ quy tắc {name}: {e} lỗi, {w} cảnh báo. Chưa kiểm tra hồ sơ nào: sửa bộ quy tắc rồi chạy lại.";
            "Rule set {name}: {}, {}. No dossier was checked: fix the rule set, then run again.", en_count(e, "error", "errors"), en_count(w, "warning", "warnings")
        );
        writeln!(out, "{}\n", line.get(self.style.lang))?;
        self.by_rule(out, s)
    }
}
