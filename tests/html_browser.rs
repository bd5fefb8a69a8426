//! The HTML pages as a browser shows them (#22): headless Chromium prints the page to a PDF
//! the way a clerk prints it (A4, the page's own print style), and the test reads back the
//! text Chromium laid out, with `pdftotext`; it also saves a screenshot a person can look at
//! (`target/tmp/html-browser/*.png`; `docs/html-report.png` was made the same way).
//!
//! The parser tests (`html_report.rs`) say the page is well formed; these say that what the
//! browser actually renders holds the verdict, the findings and their places, and shows a
//! hostile text as text. Chromium is the Debian package `chromium` (`.ci/run` installs it);
//! without it the tests say so and skip, except under CI, where they fail.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Std;

use crate::util::{ci, copy_tree, pdftotext_args, repo, Scratch, TODAY};

/// The browser, if installed: Debian's name first, then the upstream one.
fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|p| {
            Std::new(p)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    if found.is_none() {
        assert!(!ci(), "chromium is needed under CI");
        #[allow(clippy::print_stdout)]
        {
            println!("note: chromium not found; skipped");
        }
    }
    found
}

/// Where a test keeps what a person may want to look at after the run.
fn kept(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-browser");
    fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Chromium run on `page` with `what` (`--print-to-pdf=…`, `--screenshot=…`), offline, with a
/// profile of its own in `scratch` (nothing written to the home folder), bounded in time so a
/// browser that hangs fails the test instead of the run.
fn browse(browser: &str, scratch: &Path, page: &Path, what: &[String]) {
    let profile = scratch.join("chromium-profile");
    let url = format!("file://{}", page.display());
    let o = Std::new("timeout")
        .arg("120")
        .arg(browser)
        .args([
            "--headless",
            // CI runs as root, where Chromium's sandbox cannot start; the page is the tool's
            // own output, opened from a file, with the network off.
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--proxy-server=127.0.0.1:9",
            "--no-pdf-header-footer",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(what)
        .arg(&url)
        .output()
        .unwrap();
    assert!(o.status.success(), "{browser} failed: {o:?}");
}

/// The page printed by the browser: its text as laid out, and its page size in points.
fn printed(browser: &str, scratch: &Path, page: &Path) -> Option<(String, String)> {
    let pdf = scratch.join("printed.pdf");
    browse(
        browser,
        scratch,
        page,
        &[format!("--print-to-pdf={}", pdf.display())],
    );
    // `-raw`: in the order Chromium wrote it, so a table cell's lines stay together.
    let text = pdftotext_args(&pdf, &["-raw"])?;
    let info = Std::new("pdfinfo").arg(&pdf).output().unwrap();
    let size = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap_or_default()
        .to_owned();
    Some((text, size))
}

/// A screenshot kept for a person, checked to be a picture of some size.
fn screenshot(browser: &str, scratch: &Path, page: &Path, name: &str) {
    let png = kept(name);
    let _ = fs::remove_file(&png);
    browse(
        browser,
        scratch,
        page,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1000,1300".to_owned(),
        ],
    );
    let bytes = fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{}", png.display());
    assert!(
        bytes.len() > 20_000,
        "a blank screenshot? {}",
        png.display()
    );
}

/// Text with every space and line break taken out: the browser breaks long paths where it
/// likes (after a hyphen, a slash), and the test asks what is printed, not where it wraps.
fn joined(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_browser_prints_the_verdict_and_every_finding_on_a4() {
    let Some(browser) = chromium() else { return };
    let s = Scratch::of("examples/invalid/NG002-minutes-after-proposal");
    copy_tree(
        &repo().join("examples/01-giay-khen-chuyen-de-truong-yen"),
        &s.dir.path().join("hs2"),
    );
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
    let page = s.dir.path().join("bao-cao.html");
    let Some((text, size)) = printed(browser, s.dir.path(), &page) else {
        return;
    };
    assert!(size.contains("(A4)"), "{size}");
    let flat = joined(&text);
    for want in [
        "Đã kiểm tra 2 hồ sơ: 1 hồ sơ còn lỗi phải sửa.",
        "LỖI NG002",
        "hs/bien-ban.yaml:3:7",
        "biên bản họp ngày 18/11/2021 nhưng tờ trình ngày 15/11/2021",
        "ngay: 2021-11-18",
        "Hợp lệ",
    ] {
        assert!(
            flat.contains(&joined(want)),
            "{want:?} not printed:\n{text}"
        );
    }
    // The verdict comes before any finding, as the clerk reads it.
    assert!(
        flat.find(&joined("1 hồ sơ còn lỗi phải sửa")) < flat.find("LỖING002"),
        "{text}"
    );
    screenshot(browser, s.dir.path(), &page, "check-folder.png");
}

#[test]
fn the_browser_shows_hostile_text_as_text() {
    let Some(browser) = chromium() else { return };
    let s = Scratch::of("examples/invalid/DS006-nominee-details-mismatch");
    s.edit(
        "bao-cao/tran-thi-huyen.yaml",
        "ten: \"Trần Thị Huyên\"",
        "ten: \"Trần <b>đậm</b><script>document.title='x'</script>\"",
    );
    let o = s.run(&[
        "--lang", "en", "check", "--today", TODAY, "--format", "html", "hs", "-o", "p.html",
    ]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let page = s.dir.path().join("p.html");
    let Some((text, _)) = printed(browser, s.dir.path(), &page) else {
        return;
    };
    let flat = joined(&text);
    assert!(flat.contains("Dossierhs"), "{text}");
    // The markup is printed as the characters the clerk typed, not obeyed.
    assert!(
        flat.contains(&joined("<b>đậm</b><script>document.title='x'</script>")),
        "{text}"
    );
}

#[test]
fn the_browser_prints_the_review_page() {
    let Some(browser) = chromium() else { return };
    let s = Scratch::of("examples/01-giay-khen-chuyen-de-truong-yen");
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "goi.zip"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    copy_tree(
        &repo().join("examples/invalid/NG002-minutes-after-proposal"),
        &s.dir.path().join("in/ng002"),
    );
    fs::rename(
        s.dir.path().join("goi.zip"),
        s.dir.path().join("in/goi.zip"),
    )
    .unwrap();
    let o = s.run(&["review", "--today", TODAY, "in", "-o", "out"]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let page = s.dir.path().join("out/bao-cao-tham-dinh.html");
    let Some((text, size)) = printed(browser, s.dir.path(), &page) else {
        return;
    };
    assert!(size.contains("(A4)"), "{size}");
    let flat = joined(&text);
    for want in ["goi.zip", "ng002", "Trả lại", "Chấp nhận", "NG002"] {
        assert!(
            flat.contains(&joined(want)),
            "{want:?} not printed:\n{text}"
        );
    }
    screenshot(browser, s.dir.path(), &page, "review.png");
}
