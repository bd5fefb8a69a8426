//! `--format junit` against the schema Jenkins' xUnit plugin validates reports with
//! (tests/peer-suites/junit): a report it rejects is a CI run that shows nothing.

use std::process::Command;

use crate::util::{repo, Scratch, TODAY};

/// Validate a report with xmllint; false when xmllint is not installed (outside CI).
// The note that validation was skipped is for whoever runs the tests.
#[allow(clippy::print_stderr)]
fn validate(report: &std::path::Path) -> bool {
    let xsd = repo().join("tests/peer-suites/junit/junit-10-jenkins-xunit.xsd");
    let run = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&xsd)
        .arg(report)
        .output();
    match run {
        Ok(o) => {
            assert!(
                o.status.success(),
                "{}\n{}",
                String::from_utf8_lossy(&o.stderr),
                std::fs::read_to_string(report).unwrap_or_default()
            );
            true
        }
        Err(e) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "xmllint is needed in CI (apt-get install libxml2-utils): {e}"
            );
            eprintln!("xmllint not installed: the JUnit report was not validated");
            false
        }
    }
}

#[test]
fn junit_reports_validate_against_the_jenkins_schema() {
    let s = Scratch::base();
    // An error and a warning, so failures and system-out both appear.
    s.edit("bien-ban.yaml", "ngay: 2021-10-22", "ngay: 2021-10-27");
    s.edit("to-trinh.yaml", "\"Trường Yên\"", "“Trường Yên”");
    for lang in ["vi", "en"] {
        let out = s.dir.path().join(format!("report-{lang}.xml"));
        let o = s.run(&[
            "--lang",
            lang,
            "check",
            "--format",
            "junit",
            "--today",
            TODAY,
            "--output",
            out.to_str().unwrap(),
            "hs",
        ]);
        assert_eq!(o.status.code(), Some(1));
        let xml = std::fs::read_to_string(&out).unwrap();
        assert!(
            xml.contains("time=\"0\"") && xml.contains("<failure"),
            "{xml}"
        );
        if !validate(&out) {
            return;
        }
    }
}
