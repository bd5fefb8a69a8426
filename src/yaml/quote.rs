//! Writing a text back as a YAML scalar that reads as exactly that text.
//!
//! `fix`, `add`, `init`'s templates and `import` all write values into the clerk's YAML. They
//! had two quoting helpers that drifted: import's left U+2028, U+2029 and U+FEFF raw, which a
//! reader may take for a line break or drop (#20). One helper, here beside the reader whose
//! rules it answers to, and a test that reads every escape back through the parser.

/// A double-quoted YAML scalar that reads back as exactly `s`.
#[must_use]
pub fn dq(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // Controls, the line and paragraph separators and the BOM would be read as
            // something else, or not at all, if written raw.
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::dq;

    #[test]
    fn every_escape_reads_back_as_the_text() {
        let texts = [
            "Nguyễn \"Hằng\" \\ a",
            "hai\ndòng\r\nba\ttab",
            "\u{2028}\u{2029}\u{feff}\u{7}\u{1b}\u{7f}\u{85}",
            "",
        ];
        for t in texts {
            let yaml = format!("k: {}\n", dq(t));
            let map: std::collections::BTreeMap<String, String> =
                serde_saphyr::from_str(&yaml).expect("reads back");
            assert_eq!(map.get("k").map(String::as_str), Some(t), "{yaml}");
        }
    }
}
