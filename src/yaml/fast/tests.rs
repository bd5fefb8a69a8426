//! The fast scanner against the full parser: wherever the scanner answers, the trees (with
//! positions, duplicate keys and every other problem) must be equal.

use super::parse;
use crate::testing::Rng;
use crate::yaml::tree::parse_full;

/// Every YAML file the repository ships (examples, fixtures, templates, rule sets), each also
/// with CR LF line ends.
fn repo_yaml() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["examples", "tests/fixtures", "templates", "criteria"] {
        for e in walkdir::WalkDir::new(root.join(dir))
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "yaml") {
                if let Ok(t) = std::fs::read_to_string(p) {
                    // And as saved on Windows, with CR LF line ends.
                    let crlf = t.replace('\n', "\r\n");
                    out.push((format!("{} (CR LF)", p.display()), crlf));
                    out.push((p.display().to_string(), t));
                }
            }
        }
    }
    assert!(out.len() > 200, "found only {} files", out.len());
    out
}

/// The scanner's answer, checked against the full parser's; whether it answered.
fn agrees(text: &str, what: &str) -> bool {
    match parse(text) {
        Some(fast) => {
            assert_eq!(fast, parse_full(text), "{what}:\n{text}");
            true
        }
        None => false,
    }
}

#[test]
fn subset_is_read_as_the_parser_reads_it() {
    let cases = [
        "a: 1\n",
        "a: b",
        "# c\na: 1\nb: \"x y\"   # c\nc: { d: 2, e: \"f\" }\n",
        "l:\n  - m: n\n    o: 'p''q'\n  - plain\n  -   \n  -\n  - # c\ne: [1, \"2\"]\n",
        "t: |\n  line one\n   two\n\nu: |-\n  x\nw:\nx: \"\"\n",
        "a:\nb:   # c\nc:   \nl:\n- x\n-\n- y  # c\n-   # c\nm: 1\n",
        "n : v\n\"q k\": w\nt: |\n  lit\n\n# after\nu: |\n  end\n\n",
        "a: |\n  x\n  y",
        "a:\n  b: c\n\n  # between\n  d: [ ]\ne: {}\n",
        "ten: \"Nguyễn Văn Ánh\"\nthoi_gian: { tu: 2021-12-23, den: 2022-04-26 }\nx: Hòa:1a\n",
        "gio: 08:30\nso: 12#3\nk: a # b\n",
        "a: b\na: c\n",
        "d:\n  - ma: x\n    loai: y\n  - ma: z\n",
        "t: |\n  a\n\n  b\n   c\n# top\nz: 1\n",
        "a: 1\r\nb:\r\nl:\r\n  - x\r\n  -\r\n  -   # c\r\nt: |\r\n  one\r\n\r\n  two\r\n # c\r\nu: |-\r\n  x\r\n",
    ];
    for c in cases {
        assert!(agrees(c, "case"), "the scanner gave up on:\n{c}");
    }
}

#[test]
fn outside_the_subset_it_gives_up() {
    let cases = [
        "a: \"x\\ty\"\n",
        "a:\tb\n",
        "a: b\rc\n",
        "a: b\r",
        "---\na: b\n",
        "a: &x b\nc: *x\n",
        "a: !tag b\n",
        "a: >\n  folded\n",
        "a: |+\n  keep\n",
        "a: plain\n  continued\n",
        "a: \"open\n  quote\"\n",
        "? a\n: b\n",
        "a: [1, [2]]\n",
        "a: {b: c,\n  d: e}\n",
        "- - x\n",
        "a: b: c\n",
        "x\n",
        "",
        "# only a comment\n",
        "a: |\n\n  late\n",
        "a: \u{85}\n",
        "a: b\n  c: d\n",
    ];
    for c in cases {
        assert!(parse(c).is_none(), "the scanner should give up on:\n{c:?}");
    }
}

#[test]
fn every_shipped_file_agrees_and_the_dossier_files_take_the_fast_path() {
    let mut fast = 0;
    let files = repo_yaml();
    for (name, text) in &files {
        if agrees(text, name) {
            fast += 1;
        } else if name.contains("/examples/0") {
            panic!("a shipped example left the fast path: {name}");
        }
    }
    assert!(fast * 10 >= files.len() * 8, "{fast} of {}", files.len());
}

const TOKENS: &[&str] = &[
    " ", "  ", "\n", "- ", "-", ": ", ":", "#", " #", "\"", "'", "''", "|", "|-", "|+", ">", "{",
    "}", "[", "]", ", ", ",", "&a ", "*a", "!", "? ", "\t", "\r\n", "\\", "---\n", "...\n", "~",
    "ễ", "\u{85}", "x", "\n  ", "\n- ", "k: v\n", "{ a: b }", "[a, b]", "\"q\"", "|\n  t\n",
];

fn boundary(t: &str, mut i: usize) -> usize {
    while !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut t = text.to_owned();
    for _ in 0..=rng.below(3) {
        let at = boundary(&t, rng.below(t.len() + 1));
        match rng.below(4) {
            0 | 1 => t.insert_str(at, TOKENS[rng.below(TOKENS.len())]),
            2 => {
                let end = boundary(&t, (at + 1 + rng.below(12)).min(t.len()));
                t.replace_range(at..end.max(at), "");
            }
            _ => {
                // Re-indent a line: the commonest slip by hand.
                let line_start = t[..at].rfind('\n').map_or(0, |i| i + 1);
                if rng.below(2) == 0 {
                    t.insert(line_start, ' ');
                } else if t[line_start..].starts_with(' ') {
                    t.remove(line_start);
                }
            }
        }
    }
    t
}

#[test]
fn mutations_of_shipped_files_agree() {
    let files = repo_yaml();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut tried, mut answered) = (0, 0);
    for round in 0..40 {
        for (name, text) in &files {
            let m = mutate(&mut rng, text);
            tried += 1;
            if agrees(&m, &format!("{name}, round {round}")) {
                answered += 1;
            }
        }
    }
    // Most single slips stay inside the subset (a changed letter, a moved space): make sure the
    // comparison really ran, and also that the bail-outs were exercised.
    assert!(answered * 4 > tried, "{answered} of {tried}");
    assert!(answered < tried, "{answered} of {tried}");
}

/// The indicators as the scanner once listed them.
#[test]
fn indicators_are_the_listed_bytes() {
    const INDICATORS: &[u8] = b"-?:,[]{}#&*!|>'\"%@`";
    for c in 0..=u8::MAX {
        assert_eq!(super::is_indicator(c), INDICATORS.contains(&c), "{c:#04x}");
    }
}
