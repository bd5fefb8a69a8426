//! The layers of the library, and a test that holds the code to them.
//!
//! Each layer uses only those below it, so a change to the wording of a rule never reaches the
//! YAML reader, and the PDF writer never decides what is an error:
//!
//! ```text
//! diag, source, date  ←  text  ←  yaml, page  ←  disk, store  ←  dossier  ←  criteria, config
//!   ←  rules  ←  render, pack, verify, draft, edit, import, export  ←  cli
//! ```
//!
//! - `diag`: findings and their words in two languages, the rule registry and families (rule
//!   ids are plain data at the bottom, so the reader names them without reaching up, #20);
//!   `source` (places in files) and `date` beside it;
//! - `text`: Vietnamese text, file names, the fonts' glyph coverage (`text::glyphs`);
//! - `yaml`: reading YAML with positions, and quoting text back; beside it `page`, the page
//!   engine (Decree 30 documents laid out and written as PDF: fonts, line breaks, tables, the
//!   header block), which needs only the fonts' glyph coverage and dates;
//! - `disk`, `store`: transactions, locks and links; the files a command read;
//! - `dossier`: a dossier's files and documents as read, with facts about them
//!   (`dossier::files`: paths as written, names on disk, what a file's bytes are);
//! - `criteria`, `config`: the rule sets and the office's settings;
//! - `rules`: the checks, which turn those facts into findings;
//! - the commands' work: reports (`render`), the bundle and its cover list (`pack`), the
//!   receiving office's check (`verify`), the documents to sign (`draft`), editing (`edit`),
//!   the list in and out (`import`, `export`), the receiving office's review (`review`) and the
//!   certificates printed after its decision (`certificates`); these use each other (`pack`
//!   verifies what it wrote, `verify` rebuilds the cover list, `certificates` folds names as
//!   `review` does);
//! - `cli`: the commands.
//!
//! Every top-level module has a step (a test says so), so a new upward import fails a test.

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Bottom to top; modules on one step may use each other.
    const LAYERS: &[&[&str]] = &[
        &["diag", "source", "date", "testing"],
        &["text"],
        &["yaml", "page"],
        &["disk", "store"],
        &["dossier"],
        &["criteria", "config"],
        &["rules"],
        &[
            "render",
            "pack",
            "verify",
            "draft",
            "edit",
            "import",
            "export",
            "review",
            "certificates",
        ],
        &["cli"],
    ];

    /// Uses that break the order today, each with why it is left: (file, module it uses).
    /// An entry no longer needed fails the test, so the list only shrinks.
    const EXCEPTIONS: &[(&str, &str)] = &[];

    fn level(module: &str) -> Option<usize> {
        LAYERS.iter().position(|step| step.contains(&module))
    }

    /// The top-level modules a line of code names as `crate::m` or `crate::{m, …}`.
    fn used(line: &str) -> Vec<String> {
        let code = line.split("//").next().unwrap_or("");
        let mut out = Vec::new();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let names = if let Some(group) = rest.strip_prefix('{') {
                group.split('}').next().unwrap_or("")
            } else {
                rest
            };
            for part in names.split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
                if !rest.starts_with('{') {
                    break;
                }
            }
        }
        out
    }

    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }

    #[test]
    fn every_layer_uses_only_those_below_it() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut broken = Vec::new();
        let mut excused = Vec::new();
        for step in LAYERS {
            for module in *step {
                let mut sources = Vec::new();
                files(&root.join("src").join(module), &mut sources);
                let file = root.join("src").join(format!("{module}.rs"));
                if file.is_file() {
                    sources.push(file);
                }
                assert!(!sources.is_empty(), "no source for {module}");
                let own = level(module);
                for path in sources {
                    let rel = path
                        .strip_prefix(root)
                        .unwrap_or(&path)
                        .to_string_lossy()
                        .replace('\\', "/");
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    for (n, line) in text.lines().enumerate() {
                        if line.trim_start().starts_with("//") {
                            continue;
                        }
                        for m in used(line) {
                            if level(&m) <= own {
                                continue;
                            }
                            if EXCEPTIONS.contains(&(rel.as_str(), m.as_str())) {
                                excused.push((rel.clone(), m));
                            } else {
                                broken.push(format!("{rel}:{}: uses crate::{m}", n + 1));
                            }
                        }
                    }
                }
            }
        }
        assert!(
            broken.is_empty(),
            "uses against the layer order:\n{}",
            broken.join("\n")
        );
        for (file, m) in EXCEPTIONS {
            assert!(
                excused.iter().any(|(f, u)| f == file && u == m),
                "{file} no longer uses crate::{m}: remove it from EXCEPTIONS"
            );
        }
    }

    /// Every top-level module has its step: one left out would be in the test's blind spot
    /// (`draft → pack` and `diag → rules` were, #20).
    #[test]
    fn every_module_has_a_step() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut missing = Vec::new();
        for e in std::fs::read_dir(&src).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let module = name.strip_suffix(".rs").unwrap_or(&name).to_owned();
            if ["lib", "main", "layers"].contains(&module.as_str()) {
                continue;
            }
            if level(&module).is_none() {
                missing.push(module);
            }
        }
        missing.sort();
        assert!(
            missing.is_empty(),
            "modules with no step in LAYERS: {missing:?}"
        );
    }

    #[test]
    fn uses_are_read_from_paths_and_groups() {
        assert_eq!(used("use crate::rules::Rule;"), ["rules"]);
        assert_eq!(used("use crate::{pack, verify::x};"), ["pack", "verify"]);
        assert_eq!(used("let x = 1; // crate::cli"), Vec::<String>::new());
        assert_eq!(
            used("crate::text::to_nfc(crate::pack::x())"),
            ["text", "pack"]
        );
    }
}
