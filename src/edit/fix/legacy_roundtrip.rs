//! The property test of #16: every Vietnamese syllable the syllable model accepts (native
//! shape, every tone, lower case, capitalised and in capitals), typed in TCVN3, VNI and
//! Windows-1258 and read as Windows-1252, comes back exactly from `fix`, as a whole legacy text
//! and inside Unicode text (before, after and between correct Unicode words); `check`'s "có lẽ
//! là" before `fix` is what `fix` writes, and `check` after `fix` finds nothing of the text
//! family. Syllables are batched a hundred to a value, four values to a report, so the whole
//! run is about a thousand files (a ninth of them in a debug build: see [`sample`]).
//!
//! Each value is in one case, as a clerk's texts are: TCVN3 has no capitals with tone marks
//! (they were typed with the lowercase byte), which come back as capitals in a text of
//! capitalised words (a name) or of capitals (a heading), not inside a lowercase sentence (not
//! tried here). What cannot come back is expected as it must come: an encoded word that is
//! itself correct Unicode ("Lê" is TCVN3's "Lờ") is kept where Unicode text surrounds it, since
//! nothing tells it from a word typed in Unicode.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::Path;

use unicode_normalization::UnicodeNormalization;

use crate::criteria::Catalog;
use crate::date::Date;
use crate::rules::check::{check_dossier, Against};
use crate::text::legacy::{encode, LegacyEncoding};
use crate::text::syllable::{is_valid_syllable, Syllable};
use crate::yaml::tree::{parse, Node};

const INITIALS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];
const NUCLEI: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô",
    "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây",
    "uôi", "uya", "uyê", "uyu", "ươi", "ươu",
];
const FINALS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
const TONES: &[Option<char>] = &[
    None,
    Some('\u{300}'),
    Some('\u{309}'),
    Some('\u{303}'),
    Some('\u{301}'),
    Some('\u{323}'),
];

/// Every native syllable, its tone where the new style puts it, in lower case: each
/// well-formed toneless syllable with each tone put on its first vowel, then moved where the
/// new style puts it.
fn syllables() -> Vec<String> {
    let mut out = BTreeSet::new();
    for i in INITIALS {
        for n in NUCLEI {
            for f in FINALS {
                let base = format!("{i}{n}{f}");
                if !Syllable::parse(&base).is_some_and(|s| s.has_standard_tone_position()) {
                    continue;
                }
                for tone in TONES {
                    let mut w = String::from(*i);
                    let mut chars = n.chars();
                    w.extend(chars.next());
                    w.extend(tone.iter());
                    w.extend(chars);
                    w.push_str(f);
                    let w: String = w.nfc().collect();
                    let Some(s) = Syllable::parse(&w) else {
                        continue;
                    };
                    let Some(canonical) = s.render_canonical() else {
                        continue;
                    };
                    let ok = Syllable::parse(&canonical)
                        .is_some_and(|s| s.is_native_shape() && !s.tone_is_on_glide())
                        && is_valid_syllable(&canonical);
                    if ok {
                        out.insert(canonical);
                    }
                }
            }
        }
    }
    out.into_iter().collect()
}

/// Which syllables a run puts through (encoding `e`, case `c`, of three each): all of them in
/// an optimised build or with `DOSSIER_FULL_PROPERTY=1` (200,016 placements, 45 s in a debug
/// build on this machine); in a debug build one in nine, each syllable in one of the nine
/// pairs, so that every syllable is still put through once (22,224 placements, about 5 s).
fn sample(words: &[String], e: usize, c: usize) -> Vec<String> {
    let full = !cfg!(debug_assertions) || std::env::var_os("DOSSIER_FULL_PROPERTY").is_some();
    if full {
        return words.to_vec();
    }
    let offset = e * 3 + c;
    words.iter().skip(offset).step_by(9).cloned().collect()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Case {
    Lower,
    Title,
    Upper,
}

fn cased(w: &str, case: Case) -> String {
    match case {
        Case::Lower => w.to_owned(),
        Case::Upper => w.to_uppercase(),
        Case::Title => {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    }
}

/// One value: the text written in the file, and what `fix` must make of it.
struct Value {
    written: String,
    want: String,
    /// How many syllables it holds.
    count: usize,
}

fn values(enc: LegacyEncoding, case: Case, words: &[String]) -> Vec<Value> {
    let e = |s: &str| encode(s, enc).unwrap_or_else(|| panic!("{s} in {enc:?}"));
    let mut out = Vec::new();
    for chunk in words.chunks(100) {
        let chunk: Vec<String> = chunk.iter().map(|w| cased(w, case)).collect();
        // A whole legacy text: after a name typed in the same encoding, in the same case.
        let lead = match case {
            Case::Lower => "nguyễn văn",
            Case::Title => "Nguyễn Văn",
            Case::Upper => "NGUYỄN VĂN",
        };
        let mut written = e(lead);
        let mut want = lead.to_owned();
        for w in &chunk {
            written.push(' ');
            written.push_str(&e(w));
            want.push(' ');
            want.push_str(w);
        }
        out.push(Value {
            written,
            want,
            count: chunk.len(),
        });
        // Inside Unicode text: each word between two words typed in Unicode, the first
        // before one, the last after one. A word whose encoding is itself correct Unicode
        // stays as it is.
        let unicode = [cased("trường", case), cased("thượng", case)];
        let (mut written, mut want) = (String::new(), String::new());
        for (k, w) in chunk.iter().enumerate() {
            if k > 0 {
                let u = &unicode[k % 2];
                written.push_str(&format!(" {u} "));
                want.push_str(&format!(" {u} "));
            }
            let x = e(w);
            written.push_str(&x);
            let ambiguous = x != *w && is_valid_syllable(&x);
            want.push_str(if ambiguous { &x } else { w });
        }
        out.push(Value {
            written,
            want,
            count: chunk.len(),
        });
    }
    out
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

const FIELDS: [&str; 4] = ["hanh_dong", "thanh_tich", "cong_trang", "ghi_nhan"];

fn field_values(text: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    if let Some(Node::Map(entries, _)) = parse(text).root {
        for (k, v) in entries {
            if let Node::Scalar(s) = v {
                out.insert(k.text.clone(), s.text.clone());
            }
        }
    }
    out
}

#[test]
#[allow(clippy::too_many_lines)]
fn every_syllable_in_every_legacy_encoding_comes_back_from_fix() {
    let started = std::time::Instant::now();
    let words = syllables();
    assert!(words.len() > 10_000, "{}", words.len());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = dir.path();
    fs::write(
        root.join("ho-so.yaml"),
        fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base/ho-so.yaml"),
        )
        .unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    fs::create_dir_all(root.join("bao-cao")).unwrap_or_else(|e| panic!("{e}"));
    let mut all = Vec::new();
    for (e, enc) in [
        LegacyEncoding::Tcvn3,
        LegacyEncoding::Vni,
        LegacyEncoding::Windows1258,
    ]
    .into_iter()
    .enumerate()
    {
        for (c, case) in [Case::Lower, Case::Title, Case::Upper]
            .into_iter()
            .enumerate()
        {
            for v in values(enc, case, &sample(&words, e, c)) {
                all.push((enc, case, v));
            }
        }
    }
    // (file, field) -> (encoding, case, value)
    let mut wanted = HashMap::new();
    for (n, chunk) in all.chunks(FIELDS.len()).enumerate() {
        let rel = format!("bao-cao/p{n:04}.yaml");
        let mut text = format!(
            "ma: p{n:04}\nloai: ca_nhan\nten: \"Nguyen Van A\"\ndon_vi: \"Xa A\"\ndoi_tuong: \"x\"\n"
        );
        for ((enc, case, v), field) in chunk.iter().zip(FIELDS) {
            text.push_str(&format!("{field}: {}\n", quoted(&v.written)));
            wanted.insert((rel.clone(), field), (*enc, *case, &v.want, &v.written));
        }
        fs::write(root.join(&rel), text).unwrap_or_else(|e| panic!("{e}"));
    }
    let catalog = Catalog::builtin().unwrap_or_default();
    let today = Date::parse("2030-01-01").unwrap_or_else(|e| panic!("{e:?}"));

    // check's suggestions, by file and line (one value a line).
    let before = check_dossier(root, &Against::new(&catalog, today));
    let mut suggested: HashMap<(String, u32), String> = HashMap::new();
    for f in &before.findings {
        if f.rule != crate::rules::Rule::VB002 {
            continue;
        }
        let line = f.primary.span.map_or(0, |s| s.start.line);
        let m = &f.message.vi;
        let Some(at) = m.find("có lẽ là: \"") else {
            continue;
        };
        let s = m[at + "có lẽ là: \"".len()..].trim_end_matches('"');
        suggested.insert(
            (f.primary.file.clone(), line),
            s.trim_end_matches('…').to_owned(),
        );
    }

    let report = super::plan_fixes(root).unwrap_or_else(|e| panic!("{e}"));
    super::apply(&report).unwrap_or_else(|e| panic!("{e}"));

    let mut wrong: Vec<String> = Vec::new();
    for (n, _) in all.chunks(FIELDS.len()).enumerate() {
        let rel = format!("bao-cao/p{n:04}.yaml");
        let text = fs::read_to_string(root.join(&rel)).unwrap_or_default();
        let got = field_values(&text);
        for (line, field) in (6u32..).zip(FIELDS) {
            let Some((enc, case, want, written)) = wanted.get(&(rel.clone(), field)) else {
                continue;
            };
            let have = got.get(field).cloned().unwrap_or_default();
            if have != **want {
                let diff: Vec<String> = have
                    .split(' ')
                    .zip(want.split(' '))
                    .zip(written.split(' '))
                    .filter(|((h, w), _)| h != w)
                    .take(5)
                    .map(|((h, w), x)| format!("{x:?} -> {h:?}, want {w:?}"))
                    .collect();
                wrong.push(format!(
                    "{enc:?} {case:?} {rel} {field}: {}",
                    diff.join("; ")
                ));
            }
            match suggested.get(&(rel.clone(), line)) {
                Some(s) if !have.starts_with(s.as_str()) => wrong.push(format!(
                    "{enc:?} {case:?} {rel} {field}: check suggested {s:?}, fix wrote {have:?}"
                )),
                None if have != **written => wrong.push(format!(
                    "{enc:?} {case:?} {rel} {field}: fixed without a VB002 from check"
                )),
                _ => {}
            }
        }
    }
    let after = check_dossier(root, &Against::new(&catalog, today));
    for f in &after.findings {
        if format!("{:?}", f.rule).starts_with("VB") {
            wrong.push(format!("after fix: {:?} {}", f.rule, f.message.en));
        }
    }
    let took = started.elapsed();
    eprintln!(
        "{} syllables; {} (syllable, case, encoding) put through, each whole and among Unicode words: {} values in {} files, {took:?}",
        words.len(),
        all.iter().map(|(_, _, v)| v.count).sum::<usize>() / 2,
        all.len(),
        all.len().div_ceil(FIELDS.len())
    );
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
