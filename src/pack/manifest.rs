//! The bundle's manifest, `SHA256SUMS`: every other file of the bundle with its size and
//! SHA-256, so the receiving office can prove nothing changed or went missing in transit.
//!
//! The hash lines are exactly what `sha256sum -c SHA256SUMS` reads (`<hex>  <path>`), so an
//! office without this tool can still check a bundle it has extracted. The sizes go in comment
//! lines (`sha256sum` skips lines starting with `#`), one a file, in the same order.

use std::fmt::Write as _;

/// The manifest's name inside the bundle.
pub const NAME: &str = "SHA256SUMS";

/// One file of the bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Path inside the bundle.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256, lowercase hex.
    pub sha256: String,
}

/// What the manifest says of the bundle besides its files, in comment lines that `sha256sum`
/// skips and that a reader of version 1 skips too (it reads only `# size` among them): the
/// format grows by lines, never by renaming one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// `# cover-list N`: the layout of `DANH-MUC.pdf` (see
    /// [`crate::pack::cover_pdf::Layout`]); None in a bundle packed before the line existed.
    pub cover_layout: Option<u32>,
    /// `# noi-nhan-ho-so NAME`: the receiving office the sender's settings named
    /// (`noi_nhan_ho_so` in `.dossier.yaml`), printed on the cover list; `verify` has not the
    /// sender's settings, and needs the name to print the same list again.
    pub office_setting: Option<String>,
}

const COVER_LINE: &str = "# cover-list ";
const OFFICE_LINE: &str = "# noi-nhan-ho-so ";

/// Write the manifest text; entries are sorted by path.
#[must_use]
pub fn render(entries: &[Entry]) -> String {
    render_with(entries, &Meta::default())
}

/// Write the manifest text with its [`Meta`] lines after the header.
#[must_use]
pub fn render_with(entries: &[Entry], meta: &Meta) -> String {
    let mut sorted: Vec<&Entry> = entries.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut out = String::from(
        "# Danh sách tệp của gói hồ sơ đề nghị khen thưởng (dossier bundle manifest, version 1).\n\
         # Kiểm tra / check: dossier verify <gói.zip>, hoặc sau khi giải nén: sha256sum -c SHA256SUMS\n\
         # Mỗi tệp một dòng \"# size\" (số byte, đường dẫn), rồi mỗi tệp một dòng mã SHA-256.\n",
    );
    if let Some(n) = meta.cover_layout {
        let _ = writeln!(out, "{COVER_LINE}{n}");
    }
    if let Some(o) = &meta.office_setting {
        // One line: a name never breaks the line structure.
        let o: String = o
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let _ = writeln!(out, "{OFFICE_LINE}{}", o.trim());
    }
    for e in &sorted {
        let _ = writeln!(out, "# size {} {}", e.size, e.path);
    }
    for e in &sorted {
        let _ = writeln!(out, "{}  {}", e.sha256, e.path);
    }
    out
}

/// The [`Meta`] lines of a manifest (a bundle from before them has none).
#[must_use]
pub fn meta(text: &str) -> Meta {
    let mut m = Meta::default();
    for line in text.lines() {
        if let Some(n) = line.strip_prefix(COVER_LINE) {
            m.cover_layout = n.trim().parse().ok().or(Some(0));
        } else if let Some(o) = line.strip_prefix(OFFICE_LINE) {
            m.office_setting = Some(o.trim().to_owned()).filter(|o| !o.is_empty());
        }
    }
    m
}

/// A problem in a manifest's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    /// 1-based line.
    pub line: usize,
    /// The line as written.
    pub text: String,
}

/// Read a manifest: its entries (size 0 where a size line is missing is reported as malformed),
/// or the lines that are not in the format.
pub fn parse(text: &str) -> (Vec<Entry>, Vec<Malformed>) {
    let mut sizes: Vec<(String, u64)> = Vec::new();
    let mut hashes: Vec<(String, String)> = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("# size ") {
            match rest
                .split_once(' ')
                .and_then(|(n, p)| Some((n.parse::<u64>().ok()?, p)))
            {
                Some((n, p)) => sizes.push((p.to_owned(), n)),
                None => bad.push(Malformed {
                    line: i + 1,
                    text: line.to_owned(),
                }),
            }
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        match line.split_once("  ") {
            Some((h, p))
                if h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()) && !p.is_empty() =>
            {
                hashes.push((p.to_owned(), h.to_ascii_lowercase()));
            }
            _ => bad.push(Malformed {
                line: i + 1,
                text: line.to_owned(),
            }),
        }
    }
    let mut entries = Vec::new();
    for (path, sha256) in hashes {
        let size = sizes.iter().find(|(p, _)| *p == path).map(|(_, n)| *n);
        match size {
            Some(size) => entries.push(Entry { path, size, sha256 }),
            None => bad.push(Malformed {
                line: 0,
                text: format!("no size line for {path}"),
            }),
        }
    }
    (entries, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_sorted() {
        let e = |p: &str, n| Entry {
            path: p.into(),
            size: n,
            sha256: "a".repeat(64),
        };
        let text = render(&[
            e("to-trinh.yaml", 10),
            e("DANH-MUC.pdf", 5),
            e("bao-cao/x.yaml", 7),
        ]);
        let (entries, bad) = parse(&text);
        assert!(bad.is_empty(), "{bad:?}");
        let paths: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["DANH-MUC.pdf", "bao-cao/x.yaml", "to-trinh.yaml"]);
        assert_eq!(entries[1].size, 7);
    }

    #[test]
    fn meta_lines_round_trip_and_are_comments() {
        let e = Entry {
            path: "to-trinh.yaml".into(),
            size: 3,
            sha256: "b".repeat(64),
        };
        let m = Meta {
            cover_layout: Some(2),
            office_setting: Some("Bộ phận Một cửa\nxã Minh Long".into()),
        };
        let text = render_with(std::slice::from_ref(&e), &m);
        assert_eq!(
            meta(&text),
            Meta {
                cover_layout: Some(2),
                office_setting: Some("Bộ phận Một cửa xã Minh Long".into()),
            }
        );
        // A version 1 reader (this parser) sees the same entries and no malformed line.
        let (entries, bad) = parse(&text);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(entries, vec![e.clone()]);
        assert_eq!(meta(&render(&[e])), Meta::default());
    }

    #[test]
    fn malformed_lines_are_named() {
        let (_, bad) = parse("xyz  a\n# size nope a\n");
        assert_eq!(bad.len(), 2);
        assert_eq!(bad[0].line, 1);
    }
}
