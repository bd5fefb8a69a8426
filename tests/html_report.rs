//! `check --format html` and `verify --format html` (#22): the page a clerk opens in a browser.
//! What it is read for: the verdict as the first heading, the same exit status as the human
//! report, every finding named by rule and place, a page that parses and loads nothing, and
//! hostile dossier text shown escaped, never as markup.
//!
//! The page is parsed with Python's `html.parser` (CI has Python; elsewhere the test says so and
//! skips that part, as the PDF tests do without poppler).

use std::fs;
use std::process::Command as Std;

use crate::util::{copy_tree, finding_lines, have, repo, Scratch, TODAY};

const NG002: &str = "examples/invalid/NG002-minutes-after-proposal";
const VALID: &str = "examples/01-giay-khen-chuyen-de-truong-yen";

/// Reads the page as a browser's tokenizer does and reports, as JSON: the headings in order
/// (tag and text), every element and attribute seen, and the places where an end tag closes
/// no open element or elements are left open (void elements excepted).
const PARSE: &str = r#"
import json, sys
from html.parser import HTMLParser
VOID = {"meta", "br", "hr", "img", "link", "input", "wbr", "col", "area", "base", "source"}
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.headings, self.tags, self.attrs = [], [], [], [], []
        self.heading = None
        self.doctype = None
    def handle_decl(self, d):
        self.doctype = d
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend([tag, k, v] for k, v in attrs)
        if tag in ("h1", "h2", "h3"):
            self.heading = [tag, ""]
        if tag not in VOID:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes %s" % (tag, self.stack[-1:] or "nothing"))
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if self.heading and tag == self.heading[0]:
            self.headings.append(self.heading)
            self.heading = None
    def handle_data(self, d):
        if self.heading:
            self.heading[1] += d
p = P()
p.feed(sys.stdin.read())
p.close()
if p.stack:
    p.errors.append("left open: %s" % p.stack)
print(json.dumps({"errors": p.errors, "headings": p.headings, "tags": p.tags,
                  "attrs": p.attrs, "doctype": p.doctype}))
"#;

/// The page as parsed, or None where Python is absent (outside CI).
fn parsed(page: &str) -> Option<serde_json::Value> {
    if !have("python3", "--version") {
        return None;
    }
    let mut child = Std::new("python3")
        .args(["-c", PARSE])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(page.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "python3 failed: {out:?}");
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

/// What every page must be: well formed, in the chosen language, loading nothing; returns the
/// text of its first heading (None without Python).
pub(crate) fn sound(page: &str, lang: &str) -> Option<String> {
    assert!(page.starts_with("<!DOCTYPE html>\n"), "{page}");
    assert!(page.contains(&format!("<html lang=\"{lang}\">")), "{page}");
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(page.contains("@page{size:A4;margin:15mm}"));
    assert!(page.contains("@media print{"));
    // Self-contained: no script, nothing fetched, whatever the dossier held.
    let lower = page.to_lowercase();
    for bad in [
        "<script", "<link", "<img", "<iframe", "<object", "src=", "url(", "@import", "http:",
        "https:",
    ] {
        assert!(!lower.contains(bad), "{bad:?} in the page:\n{page}");
    }
    let p = parsed(page)?;
    assert_eq!(p["errors"], serde_json::json!([]), "{page}");
    assert_eq!(p["doctype"], "DOCTYPE html");
    for a in p["attrs"].as_array().unwrap() {
        let (name, value) = (a[1].as_str().unwrap(), a[2].as_str().unwrap_or(""));
        assert!(!name.starts_with("on"), "event handler {a}");
        if name == "href" {
            assert!(value.starts_with('#'), "a link out: {a}");
        }
    }
    let first = &p["headings"][0];
    assert_eq!(first[0], "h1", "the verdict is the first heading: {p}");
    Some(first[1].as_str().unwrap().to_owned())
}

fn text(o: &std::process::Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn a_valid_dossier_is_ready_to_send() {
    let s = Scratch::of(VALID);
    let human = s.run(&["check", "--today", TODAY, "hs"]);
    let o = s.run(&["check", "--today", TODAY, "--format", "html", "hs"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert_eq!(o.status.code(), human.status.code());
    assert!(o.stderr.is_empty(), "{o:?}");
    let page = text(&o);
    let verdict = "Hồ sơ hs hợp lệ, sẵn sàng gửi.";
    assert!(page.contains(&format!("<h1 class=\"verdict ok\">{verdict}</h1>")));
    if let Some(h1) = sound(&page, "vi") {
        assert_eq!(h1, verdict);
    }
    let o = s.run(&[
        "--lang", "en", "check", "--today", TODAY, "--format", "html", "hs",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let page = text(&o);
    if let Some(h1) = sound(&page, "en") {
        assert_eq!(h1, "Dossier hs is valid and ready to send.");
    }
}

#[test]
fn an_invalid_dossier_names_each_finding() {
    let s = Scratch::of(NG002);
    // A second finding, a warning (HS017: a comment cuts the value), so the page holds more
    // than one.
    s.edit(
        "to-trinh.yaml",
        "chuc_vu: \"Hội viên\"",
        "chuc_vu: Hội viên #trưởng nhóm",
    );
    let (code, json) = s.check_json(&[]);
    assert!(finding_lines(&json).len() >= 2, "{json}");
    let human = s.run(&["check", "--today", TODAY, "hs"]);
    let o = s.run(&["check", "--today", TODAY, "--format", "html", "hs"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert_eq!(o.status.code(), human.status.code());
    assert_eq!(code, 1);
    let page = text(&o);
    if let Some(h1) = sound(&page, "vi") {
        assert!(h1.starts_with("Hồ sơ hs còn "), "{h1}");
        assert!(h1.ends_with(" lỗi phải sửa."), "{h1}");
    }
    // Each finding: its rule id and its place, in the order of the report.
    let mut from = 0;
    for f in json["dossiers"][0]["findings"].as_array().unwrap() {
        let mut place = format!("hs/{}", f["file"].as_str().unwrap());
        if let (Some(l), Some(c)) = (f["line"].as_u64(), f["column"].as_u64()) {
            place = format!("{place}:{l}:{c}");
        }
        let head = format!(
            "\">{}</code> <code class=\"place\">{place}</code>",
            f["rule"].as_str().unwrap()
        );
        let at = page[from..].find(&head).map(|i| from + i);
        assert!(at.is_some(), "{head} not after byte {from} of\n{page}");
        from = at.unwrap_or(from) + head.len();
    }
    // The minutes' date is the one marked, the proposal's shown beside it, and the help.
    assert!(page.contains("ngay: <mark>2021-11-18</mark>"), "{page}");
    assert!(page.contains("ngay: <mark>2021-11-15</mark>"), "{page}");
    assert!(page.contains("<span class=\"sev\">Lỗi</span>"));
    assert!(page.contains("<span class=\"label\">Cách sửa:</span>"));

    let o = s.run(&[
        "--lang", "en", "check", "--today", TODAY, "--format", "html", "hs",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let page = text(&o);
    if let Some(h1) = sound(&page, "en") {
        assert!(h1.starts_with("Dossier hs has "), "{h1}");
        assert!(h1.ends_with(" to fix."), "{h1}");
    }
    assert!(page.contains("<span class=\"sev\">Error</span>"));
    assert!(page.contains("<span class=\"label\">How to fix:</span>"));
}

#[test]
fn hostile_text_is_shown_not_run() {
    let s = Scratch::of("examples/invalid/DS006-nominee-details-mismatch");
    // The name in the report differs from the list (DS006 quotes both), and holds markup, both
    // quotes and a right-to-left override.
    let hostile = "<script>alert(1)</script>\\\" onmouseover='x' \u{202e}lmth.exe";
    s.edit(
        "bao-cao/tran-thi-huyen.yaml",
        "ten: \"Trần Thị Huyên\"",
        &format!("ten: \"Trần {hostile}\""),
    );
    let o = s.run(&["check", "--today", TODAY, "--format", "html", "hs"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let page = text(&o);
    sound(&page, "vi");
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains('\u{202e}'), "a raw bidi override:\n{page}");
    // In the message (the value as read, the override dropped by the check) and in the quoted
    // line (as written, the override named).
    assert!(
        page.contains(
            "&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&#39;x&#39; lmth.exe"
        ),
        "{page}"
    );
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;\\&quot; onmouseover=&#39;x&#39; &lt;U+202E&gt;lmth.exe"),
        "{page}"
    );
    // A folder name is as untrusted as a text.
    let bad = s.dir.path().join("<b>x'\u{202e}");
    copy_tree(&s.hs(), &bad);
    let o = s.run(&["check", "--today", TODAY, "--format", "html", "."]);
    let page = text(&o);
    sound(&page, "vi");
    assert!(!page.contains("<b>"), "{page}");
    assert!(page.contains("&lt;b&gt;x&#39;&lt;U+202E&gt;"), "{page}");
}

#[test]
fn a_shared_folder_gets_a_table_and_the_report_goes_to_a_file() {
    let s = Scratch::of(NG002);
    copy_tree(&repo().join(VALID), &s.dir.path().join("hs2"));
    let o = s.run(&[
        "check",
        "--today",
        TODAY,
        "--format",
        "html",
        ".",
        "-o",
        "bao-cao.html",
    ]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    // The terminal still says how it went; the page is in the file.
    let said = text(&o);
    assert!(said.contains("Báo cáo đã ghi vào: bao-cao.html"), "{said}");
    assert!(!said.contains("<html"), "{said}");
    let page = fs::read_to_string(s.dir.path().join("bao-cao.html")).unwrap();
    let verdict = "Đã kiểm tra 2 hồ sơ: 1 hồ sơ còn lỗi phải sửa.";
    assert!(page.contains(verdict), "{page}");
    if let Some(h1) = sound(&page, "vi") {
        assert_eq!(h1, verdict);
    }
    assert!(page.contains("<table class=\"dossiers\">"), "{page}");
    assert!(page.contains(
        "<tr class=\"bad\"><td><a href=\"#hs-0\">hs</a></td><td class=\"n\">1</td><td class=\"n\">0</td><td>Còn lỗi phải sửa</td></tr>"
    ), "{page}");
    assert!(page.contains(
        "<tr class=\"ok\"><td><a href=\"#hs-1\">hs2</a></td><td class=\"n\">0</td><td class=\"n\">0</td><td>Hợp lệ</td></tr>"
    ), "{page}");
    assert!(page.contains("<section class=\"dossier\" id=\"hs-1\">"));
}

#[test]
fn a_received_bundle_and_a_broken_rule_set() {
    let s = Scratch::of(VALID);
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "goi.zip"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let o = s.run(&["verify", "--today", TODAY, "--format", "html", "goi.zip"]);
    let page = text(&o);
    // The human format's closing lines are not added to the page.
    assert!(page.ends_with("</html>\n"), "{page}");
    let code = o.status.code();
    let human = s.run(&["verify", "--today", TODAY, "goi.zip"]);
    assert_eq!(code, human.status.code(), "{o:?}");
    if let Some(h1) = sound(&page, "vi") {
        assert!(h1.starts_with("Gói hồ sơ goi.zip "), "{h1}");
    }

    fs::write(s.dir.path().join("rs.yaml"), "phien_ban: 1\nid: [\n").unwrap();
    let o = s.run(&[
        "check",
        "--today",
        TODAY,
        "--format",
        "html",
        "--criteria",
        "rs.yaml",
        "hs",
    ]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let page = text(&o);
    if let Some(h1) = sound(&page, "vi") {
        assert!(h1.starts_with("Bộ quy tắc rs.yaml còn "), "{h1}");
    }
    assert!(page.contains("\">TC001</code>"), "{page}");
}

#[test]
fn a_check_that_cannot_run_leaves_no_report_and_keeps_the_last_one() {
    let s = Scratch::of(VALID);
    let o = s.run(&[
        "check",
        "--today",
        TODAY,
        "--format",
        "html",
        "-o",
        "r.html",
        "no-such-folder",
    ]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let names: Vec<_> = fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        ["hs"],
        "an empty report, or a staging folder, was left"
    );
    // An earlier report stays whole when the next check cannot run.
    let o = s.run(&[
        "check", "--today", TODAY, "--format", "html", "-o", "r.html", "hs",
    ]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let before = fs::read(s.dir.path().join("r.html")).unwrap();
    let o = s.run(&[
        "check",
        "--today",
        TODAY,
        "--format",
        "html",
        "-o",
        "r.html",
        "no-such-folder",
    ]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert_eq!(fs::read(s.dir.path().join("r.html")).unwrap(), before);
}
