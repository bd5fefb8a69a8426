//! Files whose names say they were meant as one of the dossier's own YAML files: a copy made by
//! Windows, macOS, a file manager or a browser ("Copy of to-trinh.yaml", "to-trinh - Copy.yaml",
//! "to-trinh - Bản sao.yaml", "to-trinh copy 2.yaml", "to-trinh (1).yaml"), or the file with an
//! extension Windows hid ("to-trinh.yaml.txt"), other case or other spelling ("To_Trinh.yaml").
//!
//! Such a file is not read. Called an unreferenced attachment, the clerk hears "name it under
//! dinh_kem", which is wrong; beside a missing `to-trinh.yaml` she hears "add the file from the
//! template", though her proposal is right there under another name. The checks use this to say
//! what the file is: to be renamed when the real one is missing, a spare copy when it is not.

use crate::text::to_nfc;

/// What a file name is taken to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meant {
    /// The component's file name: `ho-so.yaml`, `to-trinh.yaml` or `bien-ban.yaml`.
    pub name: &'static str,
    /// Whether the name carries a copy's mark ("Copy of", "- Copy", "(1)"), rather than only
    /// another spelling of the name.
    pub copy: bool,
}

/// The component a top-level file name was meant as, when it is not that name exactly. Only a
/// name with `.yaml` or `.yml` in it counts: "to-trinh.pdf" is a scan, not a misnamed file.
#[must_use]
pub fn meant(name: &str) -> Option<Meant> {
    if name.contains('/') {
        return None;
    }
    let lower = to_nfc(name).to_lowercase();
    let (stem, rest) = [".yaml", ".yml"].iter().find_map(|ext| {
        lower
            .find(ext)
            .map(|i| (&lower[..i], &lower[i + ext.len()..]))
    })?;
    // After the extension: nothing, or an extension Windows hid, or a copy's number.
    let rest = rest.trim();
    if !(rest.is_empty() || matches!(rest, ".txt" | ".bak" | ".old" | ".orig" | "~")) {
        return None;
    }
    let (bare, copy) = strip_copy_marks(stem.trim());
    let key: String = bare.chars().filter(|c| c.is_alphanumeric()).collect();
    let component = match key.as_str() {
        "hoso" | "hồsơ" => "ho-so.yaml",
        "totrinh" | "tờtrình" => "to-trinh.yaml",
        "bienban" | "biênbản" => "bien-ban.yaml",
        _ => return None,
    };
    // The name itself is no near miss; "TO-TRINH.yaml" is, and is read only under its own name.
    if name == component || name == component.replace(".yaml", ".yml") {
        return None;
    }
    Some(Meant {
        name: component,
        copy: copy || !rest.is_empty(),
    })
}

/// Whether a file name differs from a component's only in case or Unicode form: beside the
/// component, the two names collide (DK005 says so), and it is no spare copy.
#[must_use]
pub fn case_only(name: &str, component: &str) -> bool {
    let lower = to_nfc(name).to_lowercase();
    lower == component || lower == component.replace(".yaml", ".yml")
}

/// The file that stands in for a missing component: the first file in the folder meant as it.
/// `files` are the dossier's files, relative and sorted.
#[must_use]
pub fn stand_in<'a>(files: &'a [String], component: &str) -> Option<&'a String> {
    files
        .iter()
        .find(|f| meant(f).is_some_and(|m| m.name == component))
}

/// The report a file in `bao-cao/` is a copy of ("bao-cao/pham-van-hoa - Copy.yaml" beside
/// "bao-cao/pham-van-hoa.yaml"), when that report is in `files` too. Read as a report of its
/// own, the copy would be a nominee missing from the list, with advice to add a name that is
/// no one's.
#[must_use]
pub fn report_original(file: &str, files: &[String]) -> Option<String> {
    let name = file.strip_prefix("bao-cao/")?;
    if name.contains('/') {
        return None;
    }
    let lower = to_nfc(name).to_lowercase();
    let stem = lower
        .strip_suffix(".yaml")
        .or_else(|| lower.strip_suffix(".yml"))?;
    let (bare, copy) = strip_copy_marks(stem.trim());
    if !copy || bare.is_empty() {
        return None;
    }
    [
        format!("bao-cao/{bare}.yaml"),
        format!("bao-cao/{bare}.yml"),
    ]
    .into_iter()
    .find(|o| o != file && files.binary_search(o).is_ok())
}

/// A stem without the marks copies get, and whether it had one.
fn strip_copy_marks(stem: &str) -> (&str, bool) {
    let mut s = stem;
    let mut copy = false;
    loop {
        let before = s;
        for p in ["copy of ", "bản sao của ", "bản sao "] {
            if let Some(r) = s.strip_prefix(p) {
                s = r.trim();
            }
        }
        // "Copy (2) of to-trinh".
        if let Some(r) = s.strip_prefix("copy (") {
            if let Some(i) = r.find(") of ") {
                s = r[i + 5..].trim();
            }
        }
        // A trailing number in brackets, "(1)", "(copy)", "(another copy)".
        if s.ends_with(')') {
            if let Some(i) = s.rfind('(') {
                let inner = &s[i + 1..s.len() - 1];
                if inner.chars().all(|c| c.is_ascii_digit())
                    || inner.contains("copy")
                    || inner.contains("bản sao")
                {
                    s = s[..i].trim();
                }
            }
        }
        for suf in [
            "- copy",
            "- bản sao",
            " copy",
            "_copy",
            "-copy",
            " bản sao",
            "_bản sao",
        ] {
            if let Some(r) = s.strip_suffix(suf) {
                s = r.trim();
            }
        }
        // macOS "to-trinh copy 2".
        if let Some(i) = s.rfind(" copy ") {
            if s[i + 6..].chars().all(|c| c.is_ascii_digit()) {
                s = s[..i].trim();
            }
        }
        if s == before {
            break;
        }
        copy = true;
    }
    (s, copy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_of_reports_are_named_beside_their_original() {
        // Sorted, as the dossier's file list is: " - Copy" sorts before ".yaml".
        let files = [
            "bao-cao/pham-van-hoa - Copy.yaml".to_owned(),
            "bao-cao/pham-van-hoa.yaml".to_owned(),
        ];
        assert_eq!(
            report_original("bao-cao/pham-van-hoa - Copy.yaml", &files).as_deref(),
            Some("bao-cao/pham-van-hoa.yaml")
        );
        assert_eq!(report_original("bao-cao/pham-van-hoa.yaml", &files), None);
        assert_eq!(report_original("bao-cao/le-van-an (1).yaml", &files), None);
    }

    #[test]
    fn copies_and_misspellings_are_named() {
        for (n, want, copy) in [
            ("Copy of to-trinh.yaml", "to-trinh.yaml", true),
            ("Copy (2) of to-trinh.yaml", "to-trinh.yaml", true),
            ("to-trinh - Copy.yaml", "to-trinh.yaml", true),
            ("to-trinh - Copy (2).yaml", "to-trinh.yaml", true),
            ("to-trinh - Bản sao.yaml", "to-trinh.yaml", true),
            ("to-trinh copy 2.yaml", "to-trinh.yaml", true),
            ("to-trinh (1).yaml", "to-trinh.yaml", true),
            ("bien-ban (another copy).yaml", "bien-ban.yaml", true),
            ("to-trinh.yaml.txt", "to-trinh.yaml", true),
            ("To_Trinh.yaml", "to-trinh.yaml", false),
            ("totrinh.yml", "to-trinh.yaml", false),
            ("ho so.yaml", "ho-so.yaml", false),
            ("TO-TRINH.yaml", "to-trinh.yaml", false),
        ] {
            assert_eq!(meant(n), Some(Meant { name: want, copy }), "{n}");
        }
        assert!(case_only("TO-TRINH.yaml", "to-trinh.yaml"));
        assert!(!case_only("to-trinh - Copy.yaml", "to-trinh.yaml"));
        for n in [
            "to-trinh.yaml",
            "to-trinh.yml",
            "to-trinh.pdf",
            "to-trinh.docx",
            "dinh-kem/to-trinh.yaml",
            "README.md",
            "quy-tac.yaml",
        ] {
            assert_eq!(meant(n), None, "{n}");
        }
    }
}
