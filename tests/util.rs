//! Helpers shared by the integration tests: a scratch copy of a dossier and edits to it,
//! running the real binary, and reading a PDF back as `pdftotext` does.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as Std, Output};

use assert_cmd::Command;

/// The fixed "today" of every test run, so NG007 does not depend on the clock.
pub(crate) const TODAY: &str = "2026-11-28";

/// The repository root.
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copy a folder tree.
pub(crate) fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A scratch folder holding a copy of `tests/fixtures/base` as `hs/`.
pub(crate) struct Scratch {
    pub(crate) dir: tempfile::TempDir,
}

impl Scratch {
    pub(crate) fn base() -> Scratch {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&repo().join("tests/fixtures/base"), &dir.path().join("hs"));
        Scratch { dir }
    }

    /// A scratch folder holding a copy of example 01 as `hs/` (the import tests' dossier).
    pub(crate) fn example01() -> Scratch {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(
            &repo().join("examples/01-giay-khen-chuyen-de-truong-yen"),
            &dir.path().join("hs"),
        );
        Scratch { dir }
    }

    /// A scratch folder holding a copy of `rel`, a dossier folder of the repository, as `hs/`
    /// (a clerk's dossier under `tests/fixtures/clerk-turn3/`, an example).
    pub(crate) fn of(rel: &str) -> Scratch {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&repo().join(rel), &dir.path().join("hs"));
        Scratch { dir }
    }

    /// The dossier folder.
    pub(crate) fn hs(&self) -> PathBuf {
        self.dir.path().join("hs")
    }

    pub(crate) fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let p = self.hs().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }

    pub(crate) fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.hs().join(rel)).unwrap()
    }

    /// Replace the first occurrence of `from` in a file of the dossier.
    pub(crate) fn edit(&self, rel: &str, from: &str, to: &str) {
        edit_file(&self.hs().join(rel), from, to);
    }

    /// Run `dossier ARGS` in the scratch folder.
    pub(crate) fn run(&self, args: &[&str]) -> Output {
        dossier(self.dir.path(), args)
    }

    /// Run `dossier check --format json --today … hs` and return (exit code, JSON).
    pub(crate) fn check_json(&self, extra: &[&str]) -> (i32, serde_json::Value) {
        let mut args = vec!["check", "--format", "json", "--today", TODAY];
        args.extend_from_slice(extra);
        args.push("hs");
        let out = self.run(&args);
        let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}):\n{}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (out.status.code().unwrap_or(-1), json)
    }
}

/// Replace the first occurrence of `from` in a file, which must hold it.
pub(crate) fn edit_file(path: &Path, from: &str, to: &str) {
    let t = fs::read_to_string(path).unwrap();
    assert!(t.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, t.replacen(from, to, 1)).unwrap();
}

/// Whether the tests run under CI (`CI=true`), where a missing reader (pdftotext, soffice,
/// python-docx) fails a test instead of skipping it.
pub(crate) fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Whether `program ARG` runs. Where it does not, the test says so on its output and skips,
/// except under CI, where it fails.
#[allow(clippy::print_stdout)]
pub(crate) fn have(program: &str, arg: &str) -> bool {
    let ok = Std::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(!ci(), "{program} is needed under CI");
        println!("note: {program} not found; skipped");
    }
    ok
}

/// `pdftotext -enc UTF-8 ARGS PDF -`: the text other programs read back from a PDF (`-layout`,
/// `-f N -l N` for one page), or None where poppler-utils is absent (outside CI).
pub(crate) fn pdftotext_args(pdf: &Path, args: &[&str]) -> Option<String> {
    if !have("pdftotext", "-v") {
        return None;
    }
    let out = Std::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext failed: {out:?}");
    Some(String::from_utf8(out.stdout).unwrap())
}

/// `pdftotext -layout` of a PDF held in memory (an entry of a bundle).
pub(crate) fn pdftotext_bytes(pdf: &[u8], args: &[&str]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.pdf");
    fs::write(&p, pdf).unwrap();
    pdftotext_args(&p, args)
}

/// A drafted PDF's text in reading order, or None where poppler-utils is absent (outside CI).
/// Pages from the second on open with their number (Decree 30: in the top margin); it is
/// dropped, so that a paragraph running over a page break reads as one.
pub(crate) fn pdftotext(pdf: &Path) -> Option<String> {
    let text = pdftotext_args(pdf, &[])?;
    let pages: Vec<String> = text
        .split('\u{c}')
        .enumerate()
        .map(|(i, page)| {
            let number = (i + 1).to_string();
            let mut lines: Vec<&str> = page.lines().collect();
            if let Some(at) = lines.iter().position(|l| l.trim() == number) {
                if i > 0 {
                    lines.remove(at);
                }
            }
            lines.join("\n")
        })
        .collect();
    Some(pages.join("\u{c}"))
}

/// Text with all whitespace removed, in NFC: a wrapped line, a justified word placement or a
/// name wrapped in a table cell must not hide a string.
pub(crate) fn glued(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc().filter(|c| !c.is_whitespace()).collect()
}

/// Every file under `dir` with its bytes, sorted: compared before and after a refusal, which
/// must leave the dossier byte-identical.
pub(crate) fn tree_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// Run the binary in a folder.
pub(crate) fn dossier(cwd: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("dossier")
        .unwrap()
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .unwrap()
}

/// Run the binary in a folder with extra environment variables.
pub(crate) fn dossier_env(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::cargo_bin("dossier").unwrap();
    c.current_dir(cwd).env_remove("NO_COLOR").args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

/// The findings of a JSON report as `RULE\tfile:line:col` lines, sorted.
pub(crate) fn finding_lines(json: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for d in json["dossiers"].as_array().unwrap() {
        for f in d["findings"].as_array().unwrap() {
            let place = match (f["line"].as_u64(), f["column"].as_u64()) {
                (Some(l), Some(c)) => format!("{}:{l}:{c}", f["file"].as_str().unwrap()),
                _ => f["file"].as_str().unwrap().to_owned(),
            };
            out.push(format!("{}\t{}", f["rule"].as_str().unwrap(), place));
        }
    }
    out.sort();
    out
}

/// The rule ids of a JSON report.
pub(crate) fn rules_of(json: &serde_json::Value) -> Vec<String> {
    let mut v: Vec<String> = finding_lines(json)
        .into_iter()
        .map(|l| l.split('\t').next().unwrap().to_owned())
        .collect();
    v.dedup();
    v
}

/// A cell as the import's reader read it, as text: what a sheet the program wrote is read back
/// as in the tests.
pub(crate) fn cell_text(c: &dossier::import::table::Cell) -> String {
    use dossier::import::table::Cell;
    match c {
        Cell::Text(t) => t.clone(),
        Cell::Number(n, _) => n.to_string(),
        Cell::Date(d) => d.to_string(),
        Cell::Bool(b) => b.to_string(),
        Cell::Error(e) | Cell::Formula(e) => e.clone(),
        Cell::Empty => String::new(),
    }
}
