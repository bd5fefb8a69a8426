//! The HTML format (#22): one self-contained page for the clerk who does not read a terminal,
//! to open in a browser, keep, or print on A4. It says the verdict first, in the clerk's words
//! ("Hồ sơ … hợp lệ, sẵn sàng gửi", "… còn 3 lỗi phải sửa"), then, for a shared folder, a table
//! of the dossiers, then each finding with the line it is about, its help and its notes.
//!
//! The verdict heads the page but is only known once every dossier is checked, so the dossiers'
//! sections are kept as HTML text until `finish` writes the whole page: unlike the streamed
//! formats, the memory this format takes grows with the report (a few kilobytes per finding).
//! That is accepted: a page is read by a person, and a report too long to keep is too long to
//! read; the CI formats stream.
//!
//! Everything from a dossier is hostile input: a text field can hold `<script>` or a quote that
//! would close an attribute, a name can hold a bidi override that reverses what the clerk
//! reads. Every such text goes through [`put`]: each character that would print as nothing or
//! move the text shown as `<U+202E>` (as the human format and the file names show them), then
//! HTML-escaped. The page loads nothing (no script, no font, no style sheet, no image), so it
//! reads the same with no network and leaks nothing when opened.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{place, Item, Renderer, Style, Summary};
use crate::diag::{en_count, Finding, Lang, Msg, Severity};
use crate::msg;
use crate::source::Span;
use crate::text::file_name::shown;

/// Writes the HTML page.
pub struct Html {
    style: Style,
    /// Whether the page reports a received bundle (`verify`): its verdict speaks of a bundle to
    /// accept, not a dossier to send.
    bundle: bool,
    /// Each dossier's counts, for the verdict and the table.
    rows: Vec<Row>,
    /// The dossiers' sections, rendered, waiting for the verdict that heads them.
    body: String,
}

struct Row {
    /// As shown and escaped.
    path: String,
    errors: usize,
    warnings: usize,
}

/// Longest line quoted under a finding, as in the human format: a longer one (a whole file on
/// one line) is named by line and column instead of filling pages.
const MAX_LINE: usize = 4096;

impl Html {
    /// A renderer with these options; `bundle` when the page reports `verify`.
    #[must_use]
    pub fn new(style: Style, bundle: bool) -> Self {
        Html {
            style,
            bundle,
            rows: Vec::new(),
            body: String::new(),
        }
    }

    fn say(&self, m: &Msg) -> String {
        escape(m.get(self.style.lang))
    }

    /// The heading of the page. `rows` are the dossiers listed (fewer than those checked
    /// under `--quiet`): one dossier is named, several are counted.
    fn verdict(&self, s: &Summary) -> (Tone, String) {
        let lang = self.style.lang;
        match self.rows.as_slice() {
            [one] if s.dossiers == 1 => verdict_one(lang, self.bundle, &one.path, s),
            _ => verdict_many(lang, s),
        }
    }

    fn finding(&self, b: &mut String, item: &Item<'_>, f: &Finding) {
        let lang = self.style.lang;
        let (class, word) = match f.severity {
            Severity::Error => ("error", msg!("Lỗi"; "Error")),
            Severity::Warning => ("warning", msg!("Cảnh báo"; "Warning")),
        };
        let rule = f.rule.info();
        let _ = write!(
            b,
            "<li class=\"finding {class}\">\n<p class=\"head\"><span class=\"sev\">{}</span> <code class=\"rule\" title=\"{}\">{}</code> <code class=\"place\">",
            self.say(&word),
            escape(rule.name),
            escape(rule.id),
        );
        put(b, &place(item.path, &f.primary.file, f.primary.span));
        b.push_str("</code></p>\n<p class=\"msg\">");
        put(b, f.message.get(lang));
        b.push_str("</p>\n");
        if let Some(span) = f.primary.span {
            if let Some(text) = source(item, &f.primary.file) {
                snippet(b, text, span);
            }
        }
        // The other places the finding points to (the proposal's date beside the minutes'):
        // the clerk sees both values at once, as in the human report.
        for s in &f.secondary {
            b.push_str("<div class=\"also\">\n<p class=\"where\">");
            if let Some(n) = &s.note {
                put(b, n.get(lang));
                b.push_str(" — ");
            }
            b.push_str("<code class=\"place\">");
            put(b, &place(item.path, &s.file, s.span));
            b.push_str("</code></p>\n");
            if let (Some(span), Some(text)) = (s.span, source(item, &s.file)) {
                snippet(b, text, span);
            }
            b.push_str("</div>\n");
        }
        if let Some(h) = &f.help {
            let _ = write!(
                b,
                "<p class=\"help\"><span class=\"label\">{}:</span> ",
                self.say(&msg!("Cách sửa"; "How to fix"))
            );
            put(b, h.get(lang));
            b.push_str("</p>\n");
        }
        for n in &f.notes {
            let _ = write!(
                b,
                "<p class=\"note\"><span class=\"label\">{}:</span> ",
                self.say(&msg!("Ghi chú"; "Note"))
            );
            put(b, n.get(lang));
            b.push_str("</p>\n");
        }
        b.push_str("</li>\n");
    }

    /// One dossier's (or the broken rule set's) findings as a section; `title` is its heading,
    /// already HTML.
    fn section(&mut self, item: &Item<'_>, title: &str, counts: &str) {
        let id = self.rows.len();
        let mut b = std::mem::take(&mut self.body);
        let _ = write!(
            b,
            "<section class=\"dossier\" id=\"hs-{id}\">\n<h2>{title}</h2>\n<p class=\"counts\">{counts}</p>\n"
        );
        if !item.checked.findings.is_empty() {
            b.push_str("<ol class=\"findings\">\n");
            for f in &item.checked.findings {
                self.finding(&mut b, item, f);
            }
            b.push_str("</ol>\n");
        }
        b.push_str("</section>\n");
        self.body = b;
    }

    /// The whole page: the verdict, the summary lines and the table when there is a summary
    /// (none for a broken rule set, where no dossier was checked), then the sections.
    fn page(
        &self,
        out: &mut dyn Write,
        title: &Msg,
        (tone, verdict): (Tone, String),
        summary: Option<&Summary>,
    ) -> io::Result<()> {
        let lang = self.style.lang;
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n<h1 class=\"verdict {}\">{verdict}</h1>\n",
            lang.code(),
            self.say(title),
            tone.class(),
        )?;
        if let Some(s) = summary {
            writeln!(out, "<p class=\"summary\">{}</p>", escape(&s.line(lang)))?;
            if !s.by_rule.is_empty() {
                let parts: Vec<String> =
                    s.by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
                writeln!(
                    out,
                    "<p class=\"by-rule\">{}: {}</p>",
                    self.say(&msg!("Theo quy tắc"; "By rule")),
                    escape(&parts.join(", "))
                )?;
            }
            if self.rows.len() > 1 {
                self.table(out)?;
            }
        }
        out.write_all(self.body.as_bytes())?;
        writeln!(
            out,
            "</main>\n<footer>{} dossier {}</footer>\n</body>\n</html>",
            self.say(&msg!("Lập bởi"; "Made by")),
            env!("CARGO_PKG_VERSION")
        )
    }

    /// The dossiers of a shared folder, one row each, linked to their sections.
    fn table(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "<table class=\"dossiers\">\n<thead><tr><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th>{}</th></tr></thead>\n<tbody>",
            self.say(&msg!("Hồ sơ"; "Dossier")),
            self.say(&msg!("Lỗi"; "Errors")),
            self.say(&msg!("Cảnh báo"; "Warnings")),
            self.say(&msg!("Tình trạng"; "Status")),
        )?;
        for (i, r) in self.rows.iter().enumerate() {
            let (class, status) = match (r.errors, r.warnings) {
                (0, 0) => ("ok", msg!("Hợp lệ"; "Valid")),
                (0, _) => ("warn", msg!("Hợp lệ, có cảnh báo"; "Valid, with warnings")),
                _ => ("bad", msg!("Còn lỗi phải sửa"; "Errors to fix")),
            };
            writeln!(
                out,
                "<tr class=\"{class}\"><td><a href=\"#hs-{i}\">{}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                r.path,
                r.errors,
                r.warnings,
                self.say(&status)
            )?;
        }
        writeln!(out, "</tbody>\n</table>")
    }
}

impl Html {
    /// The dossiers' sections rendered so far, taken: a page another command composes with its
    /// own verdict and tables (`review`'s report) shows each dossier's findings as this one
    /// does. Section `i` has the anchor `hs-i`.
    pub fn take_sections(&mut self) -> String {
        std::mem::take(&mut self.body)
    }
}

/// This page's style sheet, for such a page.
#[must_use]
pub fn style_sheet() -> &'static str {
    STYLE
}

/// `s` as this page shows any text from a dossier: hidden and moving characters named, then
/// escaped.
#[must_use]
pub fn shown_text(s: &str) -> String {
    let mut b = String::with_capacity(s.len());
    put(&mut b, s);
    b
}

/// How the verdict reads at a glance: its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tone {
    Ok,
    Warn,
    Bad,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Ok => "ok",
            Tone::Warn => "warn",
            Tone::Bad => "bad",
        }
    }
}

/// The verdict on one dossier (or bundle) at `path` (shown and escaped already).
fn verdict_one(lang: Lang, bundle: bool, path: &str, s: &Summary) -> (Tone, String) {
    let (e, w) = (s.errors, s.warnings);
    let (tone, m) = match (bundle, e, w) {
        (false, 0, 0) => (
            Tone::Ok,
            msg!("Hồ sơ {path} hợp lệ, sẵn sàng gửi."; "Dossier {path} is valid and ready to send."),
        ),
        (false, 0, w) => (
            Tone::Warn,
            msg!("Hồ sơ {path} hợp lệ, sẵn sàng gửi; có {w} cảnh báo nên đọc trước khi gửi.";
                 "Dossier {path} is valid and ready to send; read its {} before sending.", en_count(w, "warning", "warnings")),
        ),
        (false, e, _) => (
            Tone::Bad,
            msg!("Hồ sơ {path} còn {e} lỗi phải sửa."; "Dossier {path} has {} to fix.", en_count(e, "error", "errors")),
        ),
        (true, 0, 0) => (
            Tone::Ok,
            msg!("Gói hồ sơ {path} nguyên vẹn, hồ sơ hợp lệ.";
                 "Bundle {path} is intact and its dossier is valid."),
        ),
        (true, 0, w) => (
            Tone::Warn,
            msg!("Gói hồ sơ {path} nguyên vẹn, hồ sơ hợp lệ; có {w} cảnh báo nên đọc trước khi chấp nhận.";
                 "Bundle {path} is intact and its dossier is valid; read its {} before accepting it.", en_count(w, "warning", "warnings")),
        ),
        (true, e, _) => (
            Tone::Bad,
            msg!("Gói hồ sơ {path} không đạt: còn {e} lỗi."; "Bundle {path} did not pass: {}.", en_count(e, "error", "errors")),
        ),
    };
    // The path went in escaped; the words around it are the program's own.
    (tone, m.get(lang).to_owned())
}

/// The verdict on a shared folder: how many dossiers still have errors.
fn verdict_many(lang: Lang, s: &Summary) -> (Tone, String) {
    let (d, k, w) = (s.dossiers, s.with_errors, s.with_warnings);
    let checked = en_count(d, "dossier", "dossiers");
    let (tone, m) = match (k, w) {
        (0, 0) => (
            Tone::Ok,
            msg!("Đã kiểm tra {d} hồ sơ: tất cả hợp lệ, sẵn sàng gửi.";
                 "Checked {checked}: all valid and ready to send."),
        ),
        (0, w) => (
            Tone::Warn,
            msg!("Đã kiểm tra {d} hồ sơ: tất cả hợp lệ, sẵn sàng gửi; {w} hồ sơ có cảnh báo nên đọc.";
                 "Checked {checked}: all valid and ready to send; {} {} warnings to read.", w, if w == 1 { "has" } else { "have" }),
        ),
        (k, _) => (
            Tone::Bad,
            msg!("Đã kiểm tra {d} hồ sơ: {k} hồ sơ còn lỗi phải sửa.";
                 "Checked {checked}: {k} {} errors to fix.", if k == 1 { "has" } else { "have" }),
        ),
    };
    (tone, escape(m.get(lang)))
}

impl Renderer for Html {
    fn dossier(&mut self, _out: &mut dyn Write, item: &Item<'_>) -> io::Result<()> {
        let findings = &item.checked.findings;
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let warnings = findings.len() - errors;
        let mut path = String::new();
        put(&mut path, item.path);
        let counts = match (errors, warnings) {
            (0, 0) => msg!("Không có lỗi hay cảnh báo."; "No errors or warnings."),
            (e, w) => {
                msg!("{e} lỗi, {w} cảnh báo."; "{}, {}.", en_count(e, "error", "errors"), en_count(w, "warning", "warnings"))
            }
        };
        let title = format!(
            "{} <span class=\"path\">{path}</span>",
            self.say(&msg!("Hồ sơ"; "Dossier"))
        );
        let counts = self.say(&counts);
        self.section(item, &title, &counts);
        self.rows.push(Row {
            path,
            errors,
            warnings,
        });
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        let title = if self.bundle {
            msg!("Kết quả kiểm tra gói hồ sơ"; "Bundle check report")
        } else {
            msg!("Kết quả kiểm tra hồ sơ"; "Dossier check report")
        };
        self.page(out, &title, self.verdict(s), Some(s))
    }

    fn rule_sets(
        &mut self,
        out: &mut dyn Write,
        item: &Item<'_>,
        s: &Summary,
        name: &str,
    ) -> io::Result<()> {
        // No dossier was checked: the page names the rule set to fix, not a dossier without a
        // name ("Hồ sơ  còn 1 lỗi").
        let mut n = String::new();
        put(&mut n, name);
        let (e, w) = (s.errors, s.warnings);
        let verdict = msg!(
            "Bộ quy tắc {n} còn {e} lỗi phải sửa; chưa kiểm tra hồ sơ nào.";
            "Rule set {n} has {} to fix; no dossier was checked.", en_count(e, "error", "errors")
        );
        let counts = msg!(
            "{e} lỗi, {w} cảnh báo. Sửa bộ quy tắc rồi chạy lại.";
            "{}, {}. Fix the rule set, then run again.", en_count(e, "error", "errors"), en_count(w, "warning", "warnings")
        );
        let title = format!(
            "{} <span class=\"path\">{n}</span>",
            self.say(&msg!("Bộ quy tắc"; "Rule set"))
        );
        let counts = self.say(&counts);
        self.section(item, &title, &counts);
        // The summary line counts dossiers; none was checked, so the page says only the verdict.
        let title = msg!("Kết quả kiểm tra bộ quy tắc"; "Rule set check report");
        let verdict = verdict.get(self.style.lang).to_owned();
        self.page(out, &title, (Tone::Bad, verdict), None)
    }
}

/// The text of a file of the dossier, when it was read.
fn source<'a>(item: &'a Item<'_>, file: &str) -> Option<&'a str> {
    item.checked
        .dossier
        .sources
        .iter()
        .find(|s| s.rel == file)
        .map(|s| s.text.as_str())
}

/// The line of `text` holding `span`, numbered, with the span marked; nothing when the line is
/// too long to quote. A span running over lines (a block scalar) is marked on its first line.
fn snippet(b: &mut String, text: &str, span: Span) {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start.byte as usize);
    let end = floor((span.end_byte as usize).max(start));
    let bytes = text.as_bytes();
    let line_start = memchr::memrchr(b'\n', &bytes[..start]).map_or(0, |i| i + 1);
    let line_end = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |i| start + i);
    if line_end - line_start > MAX_LINE {
        return;
    }
    let mut end = end.min(line_end);
    // An empty span marks the character at it (an invisible one, shown as <U+…>), as the human
    // format underlines it; at a line's end there is none, and a blank is marked.
    if end == start {
        end = text[start..line_end]
            .chars()
            .next()
            .filter(|&c| c != '\r')
            .map_or(start, |c| start + c.len_utf8());
    }
    // A file saved on Windows ends its lines with CR LF: the CR is no character of the line.
    let shown_end = if text[..line_end].ends_with('\r') {
        line_end - 1
    } else {
        line_end
    };
    let _ = write!(
        b,
        "<pre class=\"src\"><span class=\"ln\">{}</span>",
        span.start.line
    );
    put(b, &text[line_start..start.min(shown_end)]);
    b.push_str("<mark>");
    if end > start {
        put(b, &text[start..end.min(shown_end).max(start)]);
    } else {
        // An empty span (a missing value at the end of a line) still shows where.
        b.push(' ');
    }
    b.push_str("</mark>");
    if end < shown_end {
        put(b, &text[end..shown_end]);
    }
    b.push_str("</pre>\n");
}

/// `s` as the page shows it, appended to `b`: each character that would print as nothing,
/// move the text or break it (a bidi override, a control character) written as `<U+202E>`,
/// line ends kept, then HTML-escaped.
fn put(b: &mut String, s: &str) {
    for (i, part) in s.split('\n').enumerate() {
        if i > 0 {
            b.push('\n');
        }
        escape_into(b, &shown(part));
    }
}

/// `s` with the five characters HTML gives a meaning escaped, fit for text and for an
/// attribute in either quotes.
#[must_use]
pub fn escape(s: &str) -> String {
    let mut b = String::with_capacity(s.len());
    escape_into(&mut b, s);
    b
}

fn escape_into(b: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => b.push_str("&amp;"),
            '<' => b.push_str("&lt;"),
            '>' => b.push_str("&gt;"),
            '"' => b.push_str("&quot;"),
            '\'' => b.push_str("&#39;"),
            c => b.push(c),
        }
    }
}

/// The page's only style: system fonts (nothing loaded), colour only where it carries the
/// verdict, and an A4 print where a finding is not cut between pages.
const STYLE: &str = r#"*{box-sizing:border-box}
body{margin:0;background:#fff;color:#1b1b1b;font:16px/1.5 "Segoe UI",Arial,"Noto Sans","Liberation Sans",sans-serif}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1.5rem 1rem}
h1.verdict{margin:0 0 .75rem;padding:.75rem 1rem;font-size:1.6rem;line-height:1.3;border-left:.5rem solid;border-radius:.25rem}
h1.ok{background:#e6f4ea;border-color:#1e7b34;color:#0f4d20}
h1.warn{background:#fff4d6;border-color:#b7791f;color:#5c3d00}
h1.bad{background:#fde8e8;border-color:#c0392b;color:#7a1c12}
p.summary,p.by-rule{margin:.25rem 0;color:#444}
table.dossiers{width:100%;margin:1rem 0;border-collapse:collapse}
table.dossiers th,table.dossiers td{padding:.3rem .5rem;border:1px solid #ccc;text-align:left;vertical-align:top}
table.dossiers th{background:#eee}
table.dossiers .n{text-align:right;width:4.5rem}
table.dossiers td:first-child{overflow-wrap:anywhere;min-width:9em}
tr.bad td:last-child{color:#a8281b;font-weight:600}
tr.warn td:last-child{color:#8a5a00}
tr.ok td:last-child{color:#1e7b34}
section.dossier{margin-top:1.5rem;border-top:2px solid #888}
h2{margin:.75rem 0 .25rem;font-size:1.25rem}
.path{font-family:Consolas,"DejaVu Sans Mono","Liberation Mono",monospace;font-size:.95em;overflow-wrap:anywhere}
p.counts{margin:0 0 .5rem;color:#444}
ol.findings{margin:0;padding-left:1.75rem}
li.finding{margin:0 0 1rem;padding:.5rem .75rem;border:1px solid #ddd;border-left:.3rem solid;border-radius:.25rem}
li.error{border-left-color:#c0392b}
li.warning{border-left-color:#b7791f}
p.head{margin:0}
.sev{font-weight:700;text-transform:uppercase;font-size:.85rem;letter-spacing:.03em}
li.error .sev{color:#a8281b}
li.warning .sev{color:#8a5a00}
code{font-family:Consolas,"DejaVu Sans Mono","Liberation Mono",monospace;font-size:.9em;overflow-wrap:anywhere}
code.rule{font-weight:700}
code.place{color:#444}
p.msg{margin:.25rem 0;font-weight:600;white-space:pre-wrap}
pre.src{margin:.35rem 0;padding:.35rem .5rem;background:#f6f6f6;border:1px solid #e2e2e2;font:.85rem/1.45 Consolas,"DejaVu Sans Mono","Liberation Mono",monospace;white-space:pre-wrap;overflow-wrap:anywhere}
.ln{display:inline-block;min-width:2.5em;margin-right:.75em;padding-right:.5em;border-right:1px solid #ccc;color:#777;text-align:right;user-select:none}
mark{background:#ffd54f;color:inherit;padding:0 .05em;border-bottom:2px solid #c0392b}
li.warning mark{border-bottom-color:#b7791f}
div.also{margin:.35rem 0 0 1rem}
div.also p.where{margin:0;color:#444;font-size:.95em}
div.also mark{background:#e3ecf7;border-bottom-color:#4a6fa5}
p.help,p.note{margin:.3rem 0 0;white-space:pre-wrap}
.label{font-weight:700}
p.note{color:#444;font-size:.95em}
footer{max-width:60rem;margin:0 auto;padding:.5rem 1.5rem 1.5rem;color:#777;font-size:.85rem}
@page{size:A4;margin:15mm}
@media print{
body{background:#fff;font-size:11pt}
main,footer{max-width:none;padding:0}
h1.verdict,mark,tr td{-webkit-print-color-adjust:exact;print-color-adjust:exact}
li.finding,tr{break-inside:avoid;page-break-inside:avoid}
h2{break-after:avoid;page-break-after:avoid}
a{color:inherit;text-decoration:none}
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_both_quotes() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape(r#"x" onmouseover="a' onfocus='b & c"#),
            "x&quot; onmouseover=&quot;a&#39; onfocus=&#39;b &amp; c"
        );
        // Escaping is not decoding: an entity in the input stays visible as typed.
        assert_eq!(escape("&lt;"), "&amp;lt;");
        assert_eq!(escape("Trần Thị Huyền"), "Trần Thị Huyền");
    }

    #[test]
    fn hidden_and_moving_characters_are_named_not_emitted() {
        let mut b = String::new();
        put(&mut b, "a\u{202e}b\u{2066}c\u{1b}[31md\u{200b}e\nf");
        assert_eq!(
            b,
            "a&lt;U+202E&gt;b&lt;U+2066&gt;c&lt;U+001B&gt;[31md&lt;U+200B&gt;e\nf"
        );
        for c in [
            '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{1b}', '\u{0}',
        ] {
            let mut b = String::new();
            put(&mut b, &format!("x{c}y"));
            assert!(!b.contains(c), "{c:?} emitted raw: {b:?}");
        }
    }

    #[test]
    fn the_marked_line_is_escaped() {
        let text = "ho_ten: \"<b>x</b>\"\nngay: 1\n";
        let start = crate::source::Pos {
            line: 1,
            column: 9,
            byte: 8,
        };
        let span = Span {
            start,
            end_byte: 18,
        };
        let mut b = String::new();
        snippet(&mut b, text, span);
        assert_eq!(
            b,
            "<pre class=\"src\"><span class=\"ln\">1</span>ho_ten: <mark>&quot;&lt;b&gt;x&lt;/b&gt;&quot;</mark></pre>\n"
        );
    }

    fn summary(dossiers: usize, with_errors: usize, errors: usize, warnings: usize) -> Summary {
        Summary {
            dossiers,
            with_errors,
            with_warnings: usize::from(with_errors == 0 && warnings > 0),
            errors,
            warnings,
            ..Summary::default()
        }
    }

    #[test]
    fn verdict_of_one_dossier_in_both_languages() {
        let p = "hs";
        let cases = [
            (
                summary(1, 0, 0, 0),
                Tone::Ok,
                "Hồ sơ hs hợp lệ, sẵn sàng gửi.",
                "Dossier hs is valid and ready to send.",
            ),
            (
                summary(1, 0, 0, 2),
                Tone::Warn,
                "Hồ sơ hs hợp lệ, sẵn sàng gửi; có 2 cảnh báo nên đọc trước khi gửi.",
                "Dossier hs is valid and ready to send; read its 2 warnings before sending.",
            ),
            (
                summary(1, 1, 3, 1),
                Tone::Bad,
                "Hồ sơ hs còn 3 lỗi phải sửa.",
                "Dossier hs has 3 errors to fix.",
            ),
            (
                summary(1, 1, 1, 0),
                Tone::Bad,
                "Hồ sơ hs còn 1 lỗi phải sửa.",
                "Dossier hs has 1 error to fix.",
            ),
        ];
        for (s, tone, vi, en) in cases {
            assert_eq!(verdict_one(Lang::Vi, false, p, &s), (tone, vi.to_owned()));
            assert_eq!(verdict_one(Lang::En, false, p, &s), (tone, en.to_owned()));
        }
    }

    #[test]
    fn verdict_of_a_bundle() {
        let s = summary(1, 1, 2, 0);
        assert_eq!(
            verdict_one(Lang::Vi, true, "goi.zip", &s).1,
            "Gói hồ sơ goi.zip không đạt: còn 2 lỗi."
        );
        assert_eq!(
            verdict_one(Lang::En, true, "goi.zip", &summary(1, 0, 0, 0)).1,
            "Bundle goi.zip is intact and its dossier is valid."
        );
    }

    #[test]
    fn verdict_of_a_shared_folder_in_both_languages() {
        let s = Summary {
            dossiers: 5,
            with_errors: 2,
            with_warnings: 1,
            errors: 4,
            warnings: 1,
            ..Summary::default()
        };
        assert_eq!(
            verdict_many(Lang::Vi, &s),
            (
                Tone::Bad,
                "Đã kiểm tra 5 hồ sơ: 2 hồ sơ còn lỗi phải sửa.".to_owned()
            )
        );
        assert_eq!(
            verdict_many(Lang::En, &s).1,
            "Checked 5 dossiers: 2 have errors to fix."
        );
        let clean = summary(3, 0, 0, 0);
        assert_eq!(
            verdict_many(Lang::Vi, &clean),
            (
                Tone::Ok,
                "Đã kiểm tra 3 hồ sơ: tất cả hợp lệ, sẵn sàng gửi.".to_owned()
            )
        );
        assert_eq!(
            verdict_many(Lang::En, &clean).1,
            "Checked 3 dossiers: all valid and ready to send."
        );
    }

    #[test]
    fn a_hostile_path_in_the_verdict_is_escaped_once() {
        let style = Style {
            lang: Lang::Vi,
            color: false,
            quiet: false,
        };
        let mut h = Html::new(style, false);
        let mut path = String::new();
        put(&mut path, "<img src=x onerror='a'>\u{202e}");
        h.rows.push(Row {
            path,
            errors: 0,
            warnings: 0,
        });
        let (_, v) = h.verdict(&summary(1, 0, 0, 0));
        assert_eq!(
            v,
            "Hồ sơ &lt;img src=x onerror=&#39;a&#39;&gt;&lt;U+202E&gt; hợp lệ, sẵn sàng gửi."
        );
    }
}
