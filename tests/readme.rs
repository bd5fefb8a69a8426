//! README.md's usage block against the binary: a fresh user types the lines it shows, so each
//! option a command requires must be on that command's line (`add` lacked `--doi-tuong`, and the
//! first try failed with "thiếu tùy chọn bắt buộc") (#11).

use crate::util::{dossier, repo};

#[test]
fn the_readme_usage_lines_name_every_required_option() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let block = readme
        .split("## Usage")
        .nth(1)
        .and_then(|s| s.split("```").nth(1))
        .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    for command in [
        "check",
        "pack",
        "verify",
        "draft",
        "import",
        "export",
        "explain",
        "rules",
        "criteria",
        "init",
        "add",
        "remove",
        "fix",
        "completions",
        "man",
    ] {
        let o = dossier(tmp.path(), &[command, "--help"]);
        let help = String::from_utf8_lossy(&o.stdout);
        let usage = help.lines().find(|l| l.contains("Usage:")).unwrap();
        // Options outside brackets are required.
        let mut depth = 0i32;
        let mut required = Vec::new();
        for word in usage.split_whitespace() {
            depth += word.matches('[').count() as i32;
            if depth == 0 && word.starts_with("--") {
                required.push(word.to_owned());
            }
            depth -= word.matches(']').count() as i32;
        }
        let prefix = format!("dossier {command} ");
        let line = block
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("README.md's usage block has no line for {command}"));
        for option in required {
            assert!(
                line.contains(&option),
                "README.md: `{line}` lacks the required {option}"
            );
        }
    }
}
