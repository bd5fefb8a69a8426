//! The JUnit XML format, for CI servers that show test reports (Jenkins, GitLab, Azure
//! Pipelines) but know nothing of dossiers: each dossier becomes a test suite, each rule a test
//! case, so a dossier that breaks a rule shows as a failed test under the dossier's name.
//!
//! Shape (that of the common `junit-10.xsd` that Jenkins and GitLab read):
//!
//! ```text
//! <testsuites name="dossier" tests=.. failures=.. errors="0" time="0">
//!   <testsuite name="<dossier path>" tests=.. failures=.. errors="0" skipped="0" time="0">
//!     <testcase classname="<dossier path>" name="NG002 minutes-after-proposal" time="0">
//!       <failure message="<first error>" type="error">path:line:col: message ...</failure>
//!       <system-out>path:line:col: warning: message ...</system-out>
//!     </testcase>
//! ```
//!
//! Every rule that ran is a test case of every dossier (for `check`, every rule but the bundle
//! rules GO…, which only `verify` runs), so the number of tests does not change with what was
//! found. Errors are failures. Warnings are not: a warning does not stop a
//! dossier being sent, and a CI server would count it as a failed test, so warnings go to the
//! test case's `<system-out>`, where the report shows them without failing the test. A test case
//! has at most one `<failure>` (the schema allows one, and GitLab reads only the first), which
//! lists every error of that rule, one `path:line:col: message` line each; its `message`
//! attribute is the first error's message. `time` is always 0: the checker does not time rules,
//! but report viewers divide by it (junit2html's matrix fails without it). The schema has no
//! `skipped` on `<testsuites>` (Jenkins' xunit plugin rejects the report), only on a suite.
//!
//! The totals go in the attributes of the outer element, before the suites, so the suites are
//! kept (as XML text, not as the checked dossiers) until `finish`.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{place, Item, Renderer, Style, Summary};
use crate::diag::{Finding, Severity};
use crate::msg;
use crate::rules::Rule;

/// Writes the JUnit XML document.
pub struct Junit {
    style: Style,
    /// Whether the bundle rules (GO…) ran: only `verify` runs them.
    bundle: bool,
    /// Each dossier's `<testsuite>` element, rendered.
    suites: Vec<String>,
    tests: usize,
    failures: usize,
}

impl Junit {
    /// A renderer with these options; `bundle` when the dossiers come from `verify`, so the
    /// bundle rules are test cases too (for `check` they did not run, and are not listed).
    #[must_use]
    pub fn new(style: Style, bundle: bool) -> Self {
        Junit {
            style,
            bundle,
            suites: Vec::new(),
            tests: 0,
            failures: 0,
        }
    }

    /// One finding as a report line: `path:line:col: message`, with its related places, notes
    /// and help indented under it.
    fn line(&self, item: &Item<'_>, f: &Finding, label: Option<&str>) -> String {
        let lang = self.style.lang;
        let (help, note) = (msg!("gợi ý"; "help"), msg!("ghi chú"; "note"));
        let (help, note) = (help.get(lang), note.get(lang));
        let mut s = place(item.path, &f.primary.file, f.primary.span);
        if let Some(l) = label {
            s.push_str(": ");
            s.push_str(l);
        }
        s.push_str(": ");
        s.push_str(f.message.get(lang));
        for r in &f.secondary {
            s.push_str(&format!(
                "\n    {note}: {}",
                place(item.path, &r.file, r.span)
            ));
            if let Some(n) = &r.note {
                s.push_str(": ");
                s.push_str(n.get(lang));
            }
        }
        for n in &f.notes {
            s.push_str(&format!("\n    {note}: {}", n.get(lang)));
        }
        if let Some(h) = &f.help {
            s.push_str(&format!("\n    {help}: {}", h.get(lang)));
        }
        s
    }
}

impl Renderer for Junit {
    fn dossier(&mut self, _out: &mut dyn Write, item: &Item<'_>) -> io::Result<()> {
        let warning = msg!("cảnh báo"; "warning");
        let warning = warning.get(self.style.lang);
        let name = attr(item.path);
        let mut cases = String::new();
        let mut failures = 0;
        let mut tests = 0;
        for &rule in Rule::ALL {
            if (rule.is_bundle_rule() || rule.is_pack_rule()) && !self.bundle {
                continue;
            }
            tests += 1;
            let info = rule.info();
            let of_rule = item.checked.findings.iter().filter(|f| f.rule == rule);
            let (errors, warnings): (Vec<&Finding>, Vec<&Finding>) =
                of_rule.partition(|f| f.severity == Severity::Error);
            // Writing to a String cannot fail; the results are ignored for that reason.
            let _ = write!(
                cases,
                "    <testcase classname=\"{name}\" name=\"{}\" time=\"0\"",
                attr(&format!("{} {}", info.id, info.name))
            );
            if errors.is_empty() && warnings.is_empty() {
                cases.push_str("/>\n");
                continue;
            }
            cases.push_str(">\n");
            if let Some(first) = errors.first() {
                failures += 1;
                let mut message = first.message.get(self.style.lang).to_owned();
                if errors.len() > 1 {
                    message.push_str(&format!(" (+{})", errors.len() - 1));
                }
                let body: Vec<String> = errors.iter().map(|f| self.line(item, f, None)).collect();
                let _ = writeln!(
                    cases,
                    "      <failure message=\"{}\" type=\"error\">{}</failure>",
                    attr(&message),
                    text(&body.join("\n"))
                );
            }
            if !warnings.is_empty() {
                let body: Vec<String> = warnings
                    .iter()
                    .map(|f| self.line(item, f, Some(warning)))
                    .collect();
                let _ = writeln!(
                    cases,
                    "      <system-out>{}</system-out>",
                    text(&body.join("\n"))
                );
            }
            cases.push_str("    </testcase>\n");
        }
        self.tests += tests;
        self.failures += failures;
        self.suites.push(format!(
            "  <testsuite name=\"{name}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\" time=\"0\">\n{cases}  </testsuite>\n"
        ));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            out,
            "<testsuites name=\"dossier\" tests=\"{}\" failures=\"{}\" errors=\"0\" time=\"0\">",
            self.tests, self.failures
        )?;
        for s in self.suites.drain(..) {
            out.write_all(s.as_bytes())?;
        }
        writeln!(out, "</testsuites>")
    }
}

/// Whether XML 1.0 allows a character at all (its `Char` production). Messages quote the
/// dossier's own text, which may hold control characters that no escape can carry in XML 1.0.
fn allowed(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

/// Escape an attribute value. Tab, line feed and carriage return are written as character
/// references, because a parser turns them into spaces when they stand in an attribute as is.
fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// Escape element text. A carriage return is written as a reference, because a parser turns a
/// literal one into a line feed.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            // `>` only needs escaping after `]]`, but escaping it always is simpler and valid.
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::diag::Lang;
    use std::collections::HashMap;

    use quick_xml::events::{BytesStart, Event};
    use quick_xml::Reader;

    use super::super::github::sample::{self, render, style};
    use super::*;

    /// An element as read back: name, attributes (unescaped), text (unescaped), children.
    #[derive(Debug, Default)]
    struct El {
        name: String,
        attrs: HashMap<String, String>,
        text: String,
        children: Vec<El>,
    }

    impl El {
        fn attr(&self, k: &str) -> &str {
            self.attrs
                .get(k)
                .unwrap_or_else(|| panic!("<{}> has no {k}: {:?}", self.name, self.attrs))
        }

        fn count(&self, k: &str) -> usize {
            self.attr(k).parse().unwrap()
        }

        fn all(&self, name: &str) -> Vec<&El> {
            self.children.iter().filter(|c| c.name == name).collect()
        }
    }

    fn start(e: &BytesStart<'_>) -> El {
        let mut el = El {
            name: e.name().as_ref().to_owned(),
            ..El::default()
        };
        for a in e.attributes() {
            let a = a.unwrap();
            let k = a.key.as_ref().to_owned();
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .unwrap()
                .into_owned();
            assert!(el.attrs.insert(k, v).is_none(), "duplicate attribute");
        }
        el
    }

    /// Parse the whole document; quick-xml checks that every end tag matches its start tag.
    fn parse(xml: &str) -> El {
        let mut reader = Reader::from_str(xml);
        let mut stack = vec![El::default()];
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) => stack.push(start(&e)),
                Event::Empty(e) => {
                    let el = start(&e);
                    stack.last_mut().unwrap().children.push(el);
                }
                Event::End(_) => {
                    let el = stack.pop().unwrap();
                    stack.last_mut().unwrap().children.push(el);
                }
                Event::Text(t) => stack.last_mut().unwrap().text.push_str(&t.xml10_content()),
                Event::GeneralRef(r) => {
                    let c = match r.resolve_char_ref().unwrap() {
                        Some(c) => c.to_string(),
                        None => quick_xml::escape::resolve_predefined_entity(&r)
                            .unwrap()
                            .to_owned(),
                    };
                    stack.last_mut().unwrap().text.push_str(&c);
                }
                Event::Decl(_) => {}
                Event::Eof => break,
                e => panic!("unexpected {e:?}"),
            }
        }
        assert_eq!(stack.len(), 1, "unclosed elements");
        let mut root = stack.pop().unwrap();
        assert_eq!(root.children.len(), 1, "one root element");
        root.children.pop().unwrap()
    }

    #[test]
    fn well_formed_with_the_expected_counts() {
        let xml = render(&mut Junit::new(style(Lang::Vi), true));
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
        let root = parse(&xml);
        let n = Rule::ALL.len();

        assert_eq!(root.name, "testsuites");
        assert_eq!(root.count("tests"), 2 * n);
        // NG002 (two errors, one failure) and HS001 in the first dossier; DS007 is a warning.
        assert_eq!(root.count("failures"), 2);
        assert_eq!(root.count("errors"), 0);
        // The schema has no `skipped` on the outer element; `time` is always there.
        assert!(!root.attrs.contains_key("skipped"));
        assert_eq!(root.attr("time"), "0");

        let suites = root.all("testsuite");
        assert_eq!(suites.len(), 2);
        assert_eq!(suites.len(), root.children.len());
        for (suite, path, failures) in [
            (suites[0], sample::FIRST, 2),
            (suites[1], sample::SECOND, 0),
        ] {
            assert_eq!(suite.attr("name"), path);
            assert_eq!(suite.count("tests"), n);
            assert_eq!(suite.count("failures"), failures);
            assert_eq!(suite.count("errors"), 0);
            assert_eq!(suite.count("skipped"), 0);
            let cases = suite.all("testcase");
            assert_eq!(cases.len(), n);
            assert_eq!(cases.len(), suite.children.len());
            let failed = cases
                .iter()
                .filter(|c| !c.all("failure").is_empty())
                .count();
            assert_eq!(failed, failures);
            for (case, rule) in cases.iter().zip(Rule::ALL) {
                assert_eq!(case.attr("classname"), path);
                let i = rule.info();
                assert_eq!(case.attr("name"), format!("{} {}", i.id, i.name));
                // At most one failure, then at most one system-out, and nothing else.
                assert!(case.all("failure").len() <= 1);
                assert!(case.all("system-out").len() <= 1);
                for c in &case.children {
                    assert!(
                        ["failure", "system-out"].contains(&c.name.as_str()),
                        "{c:?}"
                    );
                }
                for f in case.all("failure") {
                    assert_eq!(f.attr("type"), "error");
                    assert!(!f.attr("message").is_empty());
                }
            }
        }
    }

    #[test]
    fn texts_survive_the_round_trip() {
        let xml = render(&mut Junit::new(style(Lang::Vi), true));
        let root = parse(&xml);
        let suite = root.all("testsuite")[0];
        let case = |id: &str| {
            *suite
                .all("testcase")
                .iter()
                .find(|c| c.attr("name").starts_with(id))
                .unwrap()
        };

        let ng = case("NG002").all("failure")[0];
        // The attribute keeps quotes, `<`, `&`, commas, colons and line ends exactly.
        assert_eq!(
            ng.attr("message"),
            "Biên bản họp \"ngày 16/11/2021\" lập sau tờ trình <ngày 15/11/2021> & trễ: 1, 2 ngày\ndòng hai\r\nxong (+1)"
        );
        assert!(ng.text.starts_with(
            "hồ sơ/xã Ninh Giang/bien-ban.yaml:3:7: Biên bản họp \"ngày 16/11/2021\" lập sau tờ trình <ngày 15/11/2021> & trễ: 1, 2 ngày\ndòng hai\r\nxong\n    ghi chú: hồ sơ/xã Ninh Giang/to-trinh.yaml:2:7: tờ trình đề ngày 15/11/2021, ở đây\n    gợi ý: Sửa ngày biên bản: trước tờ trình\n"
        ), "{}", ng.text);
        assert!(ng
            .text
            .ends_with("hồ sơ/xã Ninh Giang/bien-ban.yaml:4:1: Lỗi thứ hai của cùng quy tắc"));

        let hs = case("HS001").all("failure")[0];
        assert_eq!(
            hs.text,
            "hồ sơ/xã Ninh Giang/bao cáo/ghi chú.yaml: Thiếu tệp 'bao cáo/ghi chú.yaml'"
        );
        assert_eq!(hs.attr("message"), "Thiếu tệp 'bao cáo/ghi chú.yaml'");

        let ds = case("DS007");
        assert!(ds.all("failure").is_empty(), "a warning is not a failure");
        let out = ds.all("system-out")[0];
        // The control character is gone; everything else is kept.
        assert_eq!(
            out.text,
            "hồ sơ/xã Ninh Giang/to-trinh.yaml:12:15: cảnh báo: Tên \"Nguyễn Thị Hoà\" và \"Nguyễn Thị Hòa\": đặt dấu khác nhau, 100% trùng"
        );
    }

    #[test]
    fn only_xml_characters() {
        let xml = render(&mut Junit::new(style(Lang::En), true));
        assert!(xml.chars().all(allowed));
        assert!(!xml.contains('\u{1}'));
    }

    #[test]
    fn check_lists_only_the_rules_it_runs() {
        let xml = render(&mut Junit::new(style(Lang::Vi), false));
        let root = parse(&xml);
        let ran: Vec<&Rule> = Rule::ALL
            .iter()
            .filter(|r| !r.is_bundle_rule() && !r.is_pack_rule())
            .collect();
        assert!(ran.len() < Rule::ALL.len());
        assert_eq!(root.count("tests"), 2 * ran.len());
        for suite in root.all("testsuite") {
            assert_eq!(suite.count("tests"), ran.len());
            let names: Vec<&str> = suite
                .all("testcase")
                .iter()
                .map(|c| c.attr("name"))
                .collect();
            assert_eq!(names.len(), ran.len());
            assert!(names.iter().all(|n| !n.starts_with("GO")), "{names:?}");
        }
    }

    #[test]
    fn escapes() {
        assert_eq!(
            attr("a&b<c>d\"e'f\tg\nh\ri\u{0}j\u{B}k\u{FFFE}l"),
            "a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;ijkl"
        );
        assert_eq!(text("a&b<c>d\"e\n\r\u{1F}"), "a&amp;b&lt;c&gt;d\"e\n&#13;");
    }

    #[test]
    fn no_dossier_is_an_empty_report() {
        let mut j = Junit::new(style(Lang::En), true);
        let mut out = Vec::new();
        j.finish(&mut out, &Summary::default()).unwrap();
        let xml = String::from_utf8(out).unwrap();
        let root = parse(&xml);
        assert_eq!(root.count("tests"), 0);
        assert!(root.children.is_empty());
    }
}
