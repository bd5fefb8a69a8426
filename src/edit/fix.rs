//! `dossier fix`: the repairs the checker can prove do not change what the dossier says.
//!
//! Three kinds of difference are invisible on paper yet break the comparison of names between
//! documents, and they are tedious to fix by hand because nobody can see them:
//!
//! - (a) text not in Unicode NFC (typed on a Mac, pasted from a PDF): every scalar value is put
//!   in NFC (VB001);
//! - (b) stray spaces in names: in the values of `ten`, `ho_ten`, `don_vi`, `chuc_vu`,
//!   `hoi_dong`, `dia_danh` and every `co_quan*` key, spaces are trimmed and runs of
//!   whitespace (non-breaking spaces included) become one space;
//! - (c) two tone-placement habits in one dossier ("Hòa" and "Hoà"): where the same name, by
//!   [`crate::text::fold::name_key`], is written with its tone marks in different places, the
//!   spellings in the minority are rewritten to the majority one; on a tie, the spelling of
//!   `to-trinh.yaml` wins, since the proposal is the document the others follow (DS007).
//!
//! Further repairs (#11) are planned in `super::repair`: those of a file's text made before it is
//! parsed (invisible characters, a non-breaking space after a colon, Tab indentation, a value
//! with a colon), and those of a value for its meaning (curly quotes, legacy encodings, day-first
//! dates, quoted counts), which go through the same proof.
//!
//! Each repair keeps [`crate::text::fold::name_key`] of the value unchanged, which is what "does
//! not change the meaning" means here. Only the bytes of the value are replaced, found through
//! the parser's spans: an NFC repair normalises the value's source as written (its quotes,
//! escapes and line breaks stay), other repairs write the new value in the scalar's own style
//! (plain, `"..."` or `'...'`), quoting a plain value only when it could no longer be read
//! back plain. Every edited file is parsed again and compared with the original tree: same
//! structure, same keys, every value exactly as intended; an edit that fails this proof is
//! dropped rather than written. Names written as block scalars (`|`, `>`) get the NFC repair
//! only, since their indicator lies outside the value's bytes.
//!
//! Nothing is written by [`plan_fixes`]; [`apply`] writes each changed file atomically, and only
//! if it still holds what was planned from. A file is renamed only from NFD to the same name in
//! NFC, never over another file. Symbolic links are left
//! alone: replacing one would turn it into a copy. Files that cannot be read or parsed are left
//! to `dossier check` to report.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::files::{self, find_yaml, stage_replace, Loaded};
use super::text::{dq, plain_ok, raw, sq, style, Style};
use super::EditError;
use crate::diag::Msg;
use crate::msg;
use crate::text::fold::{fold_whitespace, name_key};
use crate::text::{chars, to_nfc};
use crate::yaml::tree::{is_null, parse, Node, Problem, Scalar};

/// The planned repairs of a dossier.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FixReport {
    /// One entry per file that changes, in the order ho-so, to-trinh, bien-ban, bao-cao/*.
    pub changes: Vec<FileChange>,
    /// Files of the dossier that were not looked at, and why: the clerk must know that a
    /// file was left as it was, not that it needed nothing.
    pub skipped: Vec<Skipped>,
    /// Files and folders whose names are stored decomposed (NFD, as macOS writes them), to be
    /// renamed to the same name in NFC, which is how the documents name them: (from, to), files
    /// first, then folders deepest first.
    pub renames: Vec<(PathBuf, PathBuf)>,
}

/// A file `fix` could not read or parse, so left untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file (the dossier folder joined with its relative path).
    pub file: PathBuf,
    /// Why, and what to do.
    pub why: crate::diag::Msg,
}

/// The repair of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// The file (the dossier folder joined with its relative path).
    pub file: PathBuf,
    /// Its whole text as read (a byte-order mark included).
    pub before: String,
    /// Its whole text after the repairs.
    pub after: String,
    /// One line per repaired value: where, and what was done.
    pub reasons: Vec<Msg>,
    /// The bytes on disk when they are not `before` in UTF-8 (a UTF-16 file written back as
    /// UTF-8): what the file must still hold when it is replaced.
    pub disk: Option<Vec<u8>>,
}

/// Keys whose values are names of people, bodies or places: whitespace and tone placement are
/// unified in these only, since in free text (a report's achievements) a doubled space or an
/// unusual spelling may be deliberate and is compared with nothing.
fn is_name_key(key: &str) -> bool {
    matches!(
        key,
        "ten" | "ho_ten" | "don_vi" | "chuc_vu" | "hoi_dong" | "dia_danh"
    ) || key.starts_with("co_quan")
}

/// A scalar value met in a file, with the key it belongs to.
struct Site<'a> {
    scalar: &'a Scalar,
    key: String,
}

/// A value to consider: where it is, how it is written, and its text after (a) and (b).
struct Value<'a> {
    site: Site<'a>,
    style: Style,
    folded: String,
    /// The repairs of `super::repair::value` made in `folded`, and whether it is to be
    /// written unquoted.
    extra: Vec<Msg>,
    unquote: bool,
}

/// Spellings of one name: spelling -> (how many times, first place met as (file rank, byte)).
type Spellings<'a> = HashMap<&'a str, (usize, (usize, u32))>;

fn collect<'a>(node: &'a Node, key: &str, out: &mut Vec<Site<'a>>) {
    match node {
        Node::Scalar(s) => out.push(Site {
            scalar: s,
            key: key.to_owned(),
        }),
        Node::Seq(items, _) => items.iter().for_each(|i| collect(i, key, out)),
        Node::Map(entries, _) => entries.iter().for_each(|(k, v)| collect(v, &k.text, out)),
    }
}

/// A file of the dossier, read and parsed.
struct Doc {
    loaded: Loaded,
    /// The body after the repairs of its text (`super::repair`); the spans of `root` index it.
    text: String,
    /// Those repairs, with why.
    repairs: Vec<Msg>,
    root: Node,
    /// Rank for ties in tone placement: `to-trinh` first.
    rank: usize,
}

/// One value to rewrite.
#[derive(Debug, Clone)]
struct Edit {
    start: usize,
    end: usize,
    /// The text the value must read back as.
    want: String,
    /// Source bytes to try, best first.
    candidates: Vec<String>,
    /// Where, for the reasons: line and key.
    line: u32,
    key: String,
    /// Which repairs: (a), (b), (c).
    nfc: bool,
    spaces: bool,
    tone: bool,
    /// Other repairs of the value (`super::repair::value`).
    extra: Vec<Msg>,
    /// The value is written unquoted (a quoted number).
    unquote: bool,
}

/// The repairs `dossier fix` would make to the dossier in `dir`. Writes nothing.
pub fn plan_fixes(dir: &Path) -> Result<FixReport, EditError> {
    if find_yaml(dir, "ho-so").is_none() {
        return Err(EditError::NotADossier(dir.to_path_buf()));
    }
    let (docs, skipped) = read_docs(dir)?;

    // Per value: its text after (a) and (b).
    let mut sites: Vec<Vec<Value<'_>>> = Vec::new();
    for d in &docs {
        let mut found = Vec::new();
        collect(&d.root, "", &mut found);
        let mut seen = std::collections::HashSet::new();
        let mut v = Vec::new();
        for s in found {
            // An alias repeats its anchor's spans: edit each place once.
            if !seen.insert(s.scalar.span.start.byte) {
                continue;
            }
            if s.scalar.plain && is_null(&s.scalar.text) {
                continue;
            }
            let st = style(s.scalar, &d.text);
            let mut t = to_nfc(&s.scalar.text).into_owned();
            let mut extra = Vec::new();
            let mut unquote = false;
            if st != Style::Block {
                if let Some(r) = super::repair::value(&s.key, &t, s.scalar.plain) {
                    t = to_nfc(&r.text).into_owned();
                    extra = r.reasons;
                    unquote = r.plain;
                }
            }
            if is_name_key(&s.key) && st != Style::Block {
                t = fold_whitespace(&t).into_owned();
            }
            v.push(Value {
                site: s,
                style: st,
                folded: t,
                extra,
                unquote,
            });
        }
        sites.push(v);
    }

    // (c): the spelling each name should have.
    let winners = tone_winners(&docs, &sites);

    let mut changes = Vec::new();
    for (d, doc_sites) in docs.iter().zip(&sites) {
        let body = d.text.as_str();
        let mut edits = Vec::new();
        for Value {
            site,
            style: st,
            folded: t2,
            extra,
            unquote,
        } in doc_sites
        {
            let s = site.scalar;
            let name = is_name_key(&site.key) && *st != Style::Block;
            let want = if name {
                winners
                    .get(&name_key(t2))
                    .cloned()
                    .unwrap_or_else(|| t2.clone())
            } else {
                t2.clone()
            };
            if want == s.text && !unquote {
                continue;
            }
            let nfc = to_nfc(&s.text);
            let source = raw(s, body);
            let mut candidates = Vec::new();
            if want == nfc {
                let normalised = to_nfc(source).into_owned();
                if normalised != source {
                    candidates.push(normalised);
                }
            }
            if *unquote {
                candidates.push(want.clone());
            }
            // Curly quotes become straight ones: the clerk meant the value quoted.
            if *st == Style::Plain && chars::curly_wrapped(&s.text).is_some() {
                candidates.push(dq(&want));
            }
            // Otherwise the value is written anew, in its own style when that can hold it.
            if *st == Style::Plain && plain_ok(&want) {
                candidates.push(want.clone());
            }
            if *st == Style::Single {
                candidates.extend(sq(&want));
            }
            if *st != Style::Block {
                candidates.push(dq(&want));
            }
            candidates.dedup();
            if candidates.is_empty() {
                continue;
            }
            edits.push(Edit {
                start: s.span.start.byte as usize,
                end: s.span.end_byte as usize,
                nfc: nfc != s.text,
                spaces: name && fold_whitespace(&nfc) != nfc,
                tone: want != *t2,
                extra: extra.clone(),
                unquote: *unquote,
                want,
                candidates,
                line: s.span.start.line,
                key: site.key.clone(),
            });
        }
        let chosen = if edits.is_empty() {
            Vec::new()
        } else {
            prove(d, &edits)
        };
        if chosen.is_empty() && d.repairs.is_empty() {
            continue;
        }
        let mut after = String::from(d.loaded.prefix());
        after.push_str(&splice(body, &chosen));
        let mut reasons = d.repairs.clone();
        reasons.extend(chosen.iter().map(|(e, _)| reason(e)));
        changes.push(FileChange {
            file: d.loaded.path.clone(),
            before: d.loaded.raw.clone(),
            after,
            reasons,
            disk: d.loaded.disk.clone(),
        });
    }
    // Report in the dossier's reading order, not the tie-breaking order.
    changes.sort_by_key(|c| file_order(dir, &c.file));
    Ok(FixReport {
        changes,
        skipped,
        renames: nfd_names(dir),
    })
}

/// Files of the dossier whose names are not in NFC, with their NFC name, when nothing is there
/// yet. Hidden entries and links are left alone, as `check` does.
fn nfd_names(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    let mut folders = Vec::new();
    let walk = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for e in walk.filter_map(Result::ok) {
        let folder = e.file_type().is_dir();
        if !(e.file_type().is_file() || folder) {
            continue;
        }
        let Some(name) = e.file_name().to_str() else {
            continue;
        };
        let nfc = to_nfc(name);
        if nfc == name {
            continue;
        }
        let to = e.path().with_file_name(nfc.as_ref());
        if std::fs::symlink_metadata(&to).is_err() {
            let pair = (e.path().to_path_buf(), to);
            if folder {
                folders.push((e.depth(), pair));
            } else {
                out.push(pair);
            }
        }
    }
    out.sort();
    // Folders after the files in them, the deepest first, so every path renamed still exists.
    folders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    out.extend(folders.into_iter().map(|(_, pair)| pair));
    out
}

fn file_order(dir: &Path, file: &Path) -> (usize, PathBuf) {
    let rel = file.strip_prefix(dir).unwrap_or(file).to_path_buf();
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    let rank = match first.split('.').next().unwrap_or("") {
        "ho-so" => 0,
        "to-trinh" => 1,
        "bien-ban" => 2,
        _ => 3,
    };
    (rank, rel)
}

/// The YAML files of the dossier that can be read and parsed, `to-trinh` first.
fn read_docs(dir: &Path) -> Result<(Vec<Doc>, Vec<Skipped>), EditError> {
    let mut paths: Vec<PathBuf> = ["to-trinh", "ho-so", "bien-ban"]
        .iter()
        .filter_map(|stem| find_yaml(dir, stem))
        .collect();
    let reports = dir.join("bao-cao");
    if reports.is_dir() {
        let entries = std::fs::read_dir(&reports).map_err(|source| EditError::Io {
            path: reports.clone(),
            source,
        })?;
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let name = p
                    .file_name()
                    .map_or(String::new(), |n| n.to_string_lossy().into_owned());
                (name.ends_with(".yaml") || name.ends_with(".yml")) && !name.starts_with('.')
            })
            .collect();
        found.sort();
        paths.extend(found);
    }
    let mut docs = Vec::new();
    let mut skipped = Vec::new();
    for (rank, path) in paths.into_iter().enumerate() {
        let regular = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        if !regular {
            // A link or a folder with a YAML name: writing through it could reach outside the
            // dossier, so it is left alone.
            skipped.push(Skipped {
                file: path,
                why: msg!("không phải tệp thường (liên kết hoặc thư mục) nên không sửa";
                          "not a regular file (a link or a folder), so not fixed"),
            });
            continue;
        }
        let mut utf16 = false;
        let loaded = match files::read(&path) {
            Ok(l) => l,
            Err(EditError::Read {
                problem: crate::yaml::decode::DecodeProblem::Utf16 { .. },
                ..
            }) if files::read_utf16(&path).is_some() => {
                utf16 = true;
                match files::read_utf16(&path) {
                    Some(l) => l,
                    None => continue,
                }
            }
            Err(e) => {
                skipped.push(Skipped {
                    file: path,
                    why: {
                        let m = e.msg();
                        msg!("{}; sửa lỗi này trước, rồi chạy lại dossier fix", m.vi;
                             "{}; fix that first, then run dossier fix again", m.en)
                    },
                });
                continue;
            }
        };
        let (text, mut repairs) = match super::repair::repair(loaded.body()) {
            Some(r) => (r.text, r.reasons),
            None => (loaded.body().to_owned(), Vec::new()),
        };
        if utf16 {
            repairs.insert(
                0,
                msg!(
                    "lưu lại tệp bằng mã UTF-8 (tệp đang ở mã UTF-16, chế độ \"Unicode\" của Notepad)";
                    "the file, saved as UTF-16 (Notepad's \"Unicode\"), written as UTF-8"
                ),
            );
        }
        let parsed = parse(&text);
        let fatal = parsed
            .problems
            .iter()
            .any(|p| matches!(p, Problem::Syntax { .. } | Problem::TooComplex { .. }));
        let Some(root) = parsed.root.filter(|_| !fatal) else {
            skipped.push(Skipped {
                file: path,
                why: msg!("sai cú pháp YAML nên không sửa tự động; xem \"dossier check\" để biết dòng nào";
                          "its YAML does not parse, so it was not fixed; `dossier check` shows where"),
            });
            continue;
        };
        docs.push(Doc {
            loaded,
            text,
            repairs,
            root,
            rank,
        });
    }
    Ok((docs, skipped))
}

/// For every name written with more than one tone placement: the spelling to use.
fn tone_winners(docs: &[Doc], sites: &[Vec<Value<'_>>]) -> HashMap<String, String> {
    let mut groups: HashMap<String, Spellings<'_>> = HashMap::new();
    for (d, doc_sites) in docs.iter().zip(sites) {
        for Value {
            site,
            style: st,
            folded: t2,
            ..
        } in doc_sites
        {
            if !is_name_key(&site.key) || *st == Style::Block || t2.is_empty() {
                continue;
            }
            let place = (d.rank, site.scalar.span.start.byte);
            let e = groups
                .entry(name_key(t2))
                .or_default()
                .entry(t2.as_str())
                .or_insert((0, place));
            e.0 += 1;
            e.1 = e.1.min(place);
        }
    }
    groups
        .into_iter()
        .filter(|(_, spellings)| spellings.len() > 1)
        .filter_map(|(key, spellings)| {
            // Most frequent; on a tie, the one met first (to-trinh.yaml is read first).
            let best = spellings
                .into_iter()
                .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))?;
            Some((key, best.0.to_owned()))
        })
        .collect()
}

/// The edits that can be proven, each with the candidate that proved: all of them at once
/// when that works, else one by one.
fn prove<'e>(d: &Doc, edits: &'e [Edit]) -> Vec<(&'e Edit, String)> {
    let first: Vec<(&Edit, String)> = edits
        .iter()
        .filter_map(|e| e.candidates.first().map(|c| (e, c.clone())))
        .collect();
    if proves(d, &first) {
        return first;
    }
    let mut accepted: Vec<(&Edit, String)> = Vec::new();
    for e in edits {
        for c in &e.candidates {
            let mut trial = accepted.clone();
            trial.push((e, c.clone()));
            if proves(d, &trial) {
                accepted = trial;
                break;
            }
        }
    }
    accepted
}

fn splice(body: &str, edits: &[(&Edit, String)]) -> String {
    let mut sorted: Vec<&(&Edit, String)> = edits.iter().collect();
    sorted.sort_by_key(|(e, _)| e.start);
    let mut out = String::with_capacity(body.len() + 64);
    let mut at = 0;
    for (e, text) in sorted {
        if e.start < at || e.end > body.len() {
            continue;
        }
        out.push_str(&body[at..e.start]);
        out.push_str(text);
        at = e.end;
    }
    out.push_str(&body[at..]);
    out
}

/// The edited text parses to the same tree, with every edited value reading as intended.
fn proves(d: &Doc, edits: &[(&Edit, String)]) -> bool {
    let text = splice(&d.text, edits);
    let parsed = parse(&text);
    if parsed
        .problems
        .iter()
        .any(|p| matches!(p, Problem::Syntax { .. } | Problem::TooComplex { .. }))
    {
        return false;
    }
    let Some(new_root) = parsed.root else {
        return false;
    };
    let want: HashMap<usize, (&str, bool)> = edits
        .iter()
        .map(|(e, _)| (e.start, (e.want.as_str(), e.unquote)))
        .collect();
    same_but(&d.root, &new_root, &want)
}

fn same_but(old: &Node, new: &Node, want: &HashMap<usize, (&str, bool)>) -> bool {
    match (old, new) {
        (Node::Scalar(o), Node::Scalar(n)) => match want.get(&(o.span.start.byte as usize)) {
            // A rewritten value may have been quoted; what it reads as must be exact. A quoted
            // number is meant to become plain.
            Some((w, unquote)) => {
                n.text == *w
                    && (if *unquote {
                        n.plain
                    } else {
                        n.plain == o.plain || !n.plain
                    })
            }
            None => n.text == o.text && n.plain == o.plain,
        },
        (Node::Seq(o, _), Node::Seq(n, _)) => {
            o.len() == n.len() && o.iter().zip(n).all(|(a, b)| same_but(a, b, want))
        }
        (Node::Map(o, _), Node::Map(n, _)) => {
            o.len() == n.len()
                && o.iter().zip(n).all(|((ka, va), (kb, vb))| {
                    ka.text == kb.text && ka.plain == kb.plain && same_but(va, vb, want)
                })
        }
        _ => false,
    }
}

fn reason(e: &Edit) -> Msg {
    let mut en = Vec::new();
    let mut vi = Vec::new();
    if e.nfc {
        en.push("Unicode NFC".to_owned());
        vi.push("chuyển về chữ Unicode dựng sẵn (NFC)".to_owned());
    }
    if e.spaces {
        en.push("extra spaces removed".to_owned());
        vi.push("bỏ dấu cách thừa".to_owned());
    }
    for x in &e.extra {
        en.push(x.en.clone());
        vi.push(x.vi.clone());
    }
    if e.tone {
        en.push(format!(
            "tone marks placed as elsewhere in the dossier: \"{}\"",
            e.want
        ));
        vi.push(format!(
            "đặt dấu thanh thống nhất với cách viết trong hồ sơ: \"{}\"",
            e.want
        ));
    }
    msg!(
        "dòng {}, `{}`: {}", e.line, e.key, vi.join("; ");
        "line {}, `{}`: {}", e.line, e.key, en.join("; ")
    )
}

/// Write the planned changes. Every file must still hold exactly what it held when planned
/// ([`EditError::Changed`] otherwise, and then nothing is written); each is replaced
/// atomically, keeping its permissions.
pub fn apply(report: &FixReport) -> Result<(), EditError> {
    let mut staged = Vec::with_capacity(report.changes.len());
    for c in &report.changes {
        let original = Loaded {
            path: c.file.clone(),
            raw: c.before.clone(),
            disk: c.disk.clone(),
        };
        staged.push(stage_replace(&original, &c.after)?);
    }
    files::commit(staged)?;
    for (from, to) in &report.renames {
        // Never over a file that appeared meanwhile.
        if std::fs::symlink_metadata(to).is_ok() {
            return Err(EditError::Exists(to.clone()));
        }
        std::fs::rename(from, to).map_err(|source| EditError::Io {
            path: from.clone(),
            source,
        })?;
    }
    Ok(())
}

pub use super::diff::unified_diff;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::Catalog;
    use crate::date::Date;
    use crate::rules::check::check_dossier;
    use crate::rules::Rule;
    use crate::testing::Rng;
    use std::fs;
    use unicode_normalization::UnicodeNormalization;

    fn nfd(s: &str) -> String {
        s.nfd().collect()
    }

    fn dossier(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (rel, text) in files {
            let p = dir.path().join(rel);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, text).unwrap();
        }
        if !dir.path().join("ho-so.yaml").exists() {
            fs::write(dir.path().join("ho-so.yaml"), "phien_ban: 1\n").unwrap();
        }
        dir
    }

    fn fixed(dir: &Path, rel: &str) -> String {
        fs::read_to_string(dir.join(rel)).unwrap()
    }

    fn plan_apply(dir: &Path) -> FixReport {
        let r = plan_fixes(dir).unwrap();
        apply(&r).unwrap();
        assert_eq!(plan_fixes(dir).unwrap().changes, vec![], "idempotent");
        r
    }

    #[test]
    fn nfc_keeps_the_scalar_as_written() {
        let text = format!(
            "# {}\nten: \"{}\"  # {}\nx: '{}'\ny: {}\nz: |\r\n  {}\r\n  dòng hai\r\n",
            nfd("Tờ trình"),
            nfd("Nguyễn Thị Hằng"),
            nfd("chú thích"),
            nfd("Hòa''s"),
            nfd("Văn bản"),
            nfd("Hành động"),
        );
        let dir = dossier(&[("to-trinh.yaml", &text)]);
        let r = plan_apply(dir.path());
        assert_eq!(r.changes.len(), 1);
        assert_eq!(r.changes[0].reasons.len(), 4, "{:?}", r.changes[0].reasons);
        let after = fixed(dir.path(), "to-trinh.yaml");
        // Comments are left exactly as typed, even when not NFC: they are not the dossier's data.
        assert_eq!(
            after,
            format!(
                "# {}\nten: \"Nguyễn Thị Hằng\"  # {}\nx: 'Hòa''s'\ny: Văn bản\nz: |\r\n  Hành động\r\n  dòng hai\r\n",
                nfd("Tờ trình"),
                nfd("chú thích"),
            )
        );
    }

    #[test]
    fn spaces_in_names_only() {
        let text = "ten: \"  Nguyễn  Thị\u{a0}Hằng \"\nnguoi_ky: { ho_ten: Trần  Văn Bình, chuc_vu: 'Chủ  tịch' }\nco_quan_cap_tren: Ủy ban  nhân dân\ntrich_yeu: \"Về  việc\"\n";
        let dir = dossier(&[("to-trinh.yaml", text)]);
        plan_apply(dir.path());
        assert_eq!(
            fixed(dir.path(), "to-trinh.yaml"),
            "ten: \"Nguyễn Thị Hằng\"\nnguoi_ky: { ho_ten: Trần Văn Bình, chuc_vu: 'Chủ tịch' }\nco_quan_cap_tren: Ủy ban nhân dân\ntrich_yeu: \"Về  việc\"\n"
        );
    }

    #[test]
    fn a_plain_value_is_quoted_when_it_must_be() {
        // Folding the non-breaking space would make `a: b` a mapping inside a plain value.
        let text = "ten: Hội đồng:\u{a0}khen\n";
        let dir = dossier(&[("to-trinh.yaml", text)]);
        plan_apply(dir.path());
        assert_eq!(
            fixed(dir.path(), "to-trinh.yaml"),
            "ten: \"Hội đồng: khen\"\n"
        );
    }

    #[test]
    fn tone_placement_follows_the_majority_and_ties_go_to_the_proposal() {
        let dir = dossier(&[
            (
                "to-trinh.yaml",
                "danh_sach:\n  - ten: \"Lê Thị Thủy\"\n    don_vi: \"Xã Ninh Hòa\"\n",
            ),
            (
                "bien-ban.yaml",
                "chu_tri: { ho_ten: \"Lê Thị Thuỷ\", chuc_vu: x }\n",
            ),
            (
                "bao-cao/le-thi-thuy.yaml",
                "ten: \"Lê Thị Thuỷ\"\ndon_vi: \"Xã Ninh Hoà\"\nhanh_dong: Lê Thị Thủy\n",
            ),
        ]);
        let r = plan_apply(dir.path());
        let files: Vec<_> = r
            .changes
            .iter()
            .map(|c| c.file.strip_prefix(dir.path()).unwrap().to_owned())
            .collect();
        assert_eq!(
            files,
            [
                PathBuf::from("to-trinh.yaml"),
                PathBuf::from("bao-cao/le-thi-thuy.yaml")
            ]
        );
        // Thuỷ: two against one. Ninh Hòa: one each, the proposal wins.
        assert_eq!(
            fixed(dir.path(), "to-trinh.yaml"),
            "danh_sach:\n  - ten: \"Lê Thị Thuỷ\"\n    don_vi: \"Xã Ninh Hòa\"\n"
        );
        // Free text is not a name: left alone.
        assert_eq!(
            fixed(dir.path(), "bao-cao/le-thi-thuy.yaml"),
            "ten: \"Lê Thị Thuỷ\"\ndon_vi: \"Xã Ninh Hòa\"\nhanh_dong: Lê Thị Thủy\n"
        );
        assert!(r.changes[0].reasons[0].vi.contains("dấu thanh"));
    }

    #[test]
    fn crlf_and_bom_survive() {
        let text = format!("\u{feff}# c\r\nten: \"{}  An\"\r\nx: 1\r\n", nfd("Lê"));
        let dir = dossier(&[("to-trinh.yaml", &text)]);
        plan_apply(dir.path());
        assert_eq!(
            fixed(dir.path(), "to-trinh.yaml"),
            "\u{feff}# c\r\nten: \"Lê An\"\r\nx: 1\r\n"
        );
    }

    #[test]
    fn apply_refuses_a_file_changed_since_the_plan() {
        let dir = dossier(&[("to-trinh.yaml", "ten: \"a  b\"\n")]);
        let r = plan_fixes(dir.path()).unwrap();
        fs::write(dir.path().join("to-trinh.yaml"), "ten: \"a   b\"\n").unwrap();
        assert!(matches!(apply(&r), Err(EditError::Changed(_))));
        assert_eq!(fixed(dir.path(), "to-trinh.yaml"), "ten: \"a   b\"\n");
    }

    #[test]
    fn unreadable_files_and_links_are_left_alone() {
        let dir = dossier(&[
            ("to-trinh.yaml", "ten: \"a  b\n"),
            ("bien-ban.yaml", "ten: \"a  b\"\n"),
        ]);
        fs::create_dir_all(dir.path().join("bao-cao")).unwrap();
        // Broken UTF-16 (an odd number of bytes): the checker reports it (HS011); fix cannot
        // read it, so leaves it. (Whole UTF-16 is written back as UTF-8.)
        fs::write(
            dir.path().join("bao-cao/hong.yaml"),
            [
                0xFF, 0xFE, b't', 0, b':', 0, b' ', 0, b'a', 0, b' ', 0, b' ', 0, b'b', 0, b'c',
            ],
        )
        .unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(
                dir.path().join("bien-ban.yaml"),
                dir.path().join("bao-cao/lien-ket.yaml"),
            )
            .unwrap();
        }
        let r = plan_fixes(dir.path()).unwrap();
        assert_eq!(r.changes.len(), 1);
        assert!(r.changes[0].file.ends_with("bien-ban.yaml"));
        assert!(matches!(
            plan_fixes(&dir.path().join("bao-cao")),
            Err(EditError::NotADossier(_))
        ));
    }

    #[test]
    fn shipped_examples_need_no_fix_and_the_tone_example_is_fixed() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        for name in [
            "01-giay-khen-chuyen-de-truong-yen",
            "02-giay-khen-dot-xuat-ninh-hai",
            "03-bang-khen-tinh-huyen-hoa-lu",
        ] {
            let r = plan_fixes(&root.join(name)).unwrap();
            assert_eq!(r.changes, vec![], "{name}");
        }
        for (name, rule) in [
            ("DS007-tone-placement-differs", Rule::DS007),
            ("VB001-text-not-nfc", Rule::VB001),
        ] {
            let src = root.join("invalid").join(name);
            let dir = tempfile::tempdir().unwrap();
            copy(&src, dir.path());
            let cat = Catalog::builtin().unwrap();
            let today = Date::parse("2030-01-01").unwrap();
            let before = check_dossier(dir.path(), &cat, today).findings;
            assert!(before.iter().any(|f| f.rule == rule), "{name}");
            let r = plan_apply(dir.path());
            assert!(!r.changes.is_empty());
            let after = check_dossier(dir.path(), &cat, today).findings;
            assert!(!after.iter().any(|f| f.rule == rule), "{name}: {after:?}");
            // Nothing else changed in what the checker sees.
            assert_eq!(
                before.iter().filter(|f| f.rule != rule).count(),
                after.len(),
                "{name}"
            );
        }
    }

    #[test]
    fn an_edit_that_cannot_be_proven_falls_back_or_is_dropped() {
        let body = "a: \"x  y\"\nb: \"p  q\"\n";
        let root = parse(body).root.unwrap();
        let d = Doc {
            loaded: Loaded {
                path: PathBuf::from("t.yaml"),
                raw: body.to_owned(),
                disk: None,
            },
            text: body.to_owned(),
            repairs: Vec::new(),
            root,
            rank: 0,
        };
        let edit = |start: usize, end: usize, want: &str, candidates: &[&str]| Edit {
            start,
            end,
            want: want.to_owned(),
            candidates: candidates.iter().map(|c| (*c).to_owned()).collect(),
            line: 1,
            key: "a".to_owned(),
            nfc: false,
            spaces: true,
            tone: false,
            extra: Vec::new(),
            unquote: false,
        };
        let edits = [
            // An unterminated quote first, then a good one: the good one is kept.
            edit(3, 9, "x y", &["\"x y", "\"x y\""]),
            // Reads back as something else: dropped.
            edit(13, 19, "p q", &["\"p  q \""]),
        ];
        let chosen = prove(&d, &edits);
        assert_eq!(chosen.len(), 1);
        assert_eq!(chosen[0].1, "\"x y\"");
        assert_eq!(splice(body, &chosen), "a: \"x y\"\nb: \"p  q\"\n");
    }

    fn copy(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for e in fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                copy(&e.path(), &to.join(e.file_name()));
            } else {
                fs::copy(e.path(), to.join(e.file_name())).unwrap();
            }
        }
    }

    #[test]
    fn unified_diff_shows_hunks_with_context() {
        let before: String = (1..=12).map(|i| format!("l{i}\n")).collect();
        let after = before.replace("l2\n", "L2\n").replace("l11\n", "L11\n");
        let c = FileChange {
            file: PathBuf::from("x.yaml"),
            before,
            after,
            reasons: vec![],
            disk: None,
        };
        assert_eq!(
            unified_diff(&c),
            "--- x.yaml\n+++ x.yaml\n@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n@@ -8,5 +8,5 @@\n l8\n l9\n l10\n-l11\n+L11\n l12\n"
        );
        let c = FileChange {
            file: PathBuf::from("y.yaml"),
            before: "a\r\nb".into(),
            after: "a\r\nc".into(),
            reasons: vec![],
            disk: None,
        };
        assert_eq!(
            unified_diff(&c),
            "--- y.yaml\n+++ y.yaml\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
        );
        let c = FileChange {
            file: PathBuf::from("z.yaml"),
            before: "".into(),
            after: "a\n".into(),
            reasons: vec![],
            disk: None,
        };
        assert_eq!(
            unified_diff(&c),
            "--- z.yaml\n+++ z.yaml\n@@ -0,0 +1,1 @@\n+a\n"
        );
    }

    /// Words with two tone placements (old, new), and words with one.
    const TWO_WAYS: &[(&str, &str)] = &[
        ("Hòa", "Hoà"),
        ("Thủy", "Thuỷ"),
        ("Khỏe", "Khoẻ"),
        ("Thúy", "Thuý"),
        ("Ủy", "Uỷ"),
        ("Tùy", "Tuỳ"),
        ("Xòe", "Xoè"),
    ];
    const ONE_WAY: &[&str] = &[
        "Nguyễn", "Thị", "Văn", "Lê", "Trần", "Minh", "Hằng", "Đức", "ban", "xã", "Ninh", "Phạm",
    ];

    /// A name: a fixed sequence of words, each two-way word in a chosen placement.
    fn name_words(rng: &mut Rng) -> Vec<(usize, bool)> {
        // (index, two-way?) pairs; the placement is chosen per occurrence.
        (0..2 + rng.below(3))
            .map(|_| {
                if rng.chance(50) {
                    (rng.below(TWO_WAYS.len()), true)
                } else {
                    (rng.below(ONE_WAY.len()), false)
                }
            })
            .collect()
    }

    /// One writing of a name: placements, NFD, spaces; `clean` keeps it canonical.
    fn spell(rng: &mut Rng, words: &[(usize, bool)], clean: bool) -> String {
        let mut out = String::new();
        if !clean && rng.chance(15) {
            out.push(' ');
        }
        for (i, (w, two)) in words.iter().enumerate() {
            if i > 0 {
                out.push(' ');
                if !clean && rng.chance(20) {
                    out.push_str(if rng.chance(50) { " " } else { "\u{a0}" });
                }
            }
            let word = if *two {
                let (old, new) = TWO_WAYS[*w];
                if clean || rng.chance(50) {
                    new
                } else {
                    old
                }
            } else {
                ONE_WAY[*w]
            };
            if !clean && rng.chance(25) {
                out.push_str(&nfd(word));
            } else {
                out.push_str(word);
            }
        }
        if !clean && rng.chance(15) {
            out.push_str("  ");
        }
        out
    }

    /// A name as a YAML value in a random style (plain only when it reads back the same).
    fn value(rng: &mut Rng, s: &str) -> String {
        match rng.below(3) {
            0 if s.trim() == s && plain_ok(s) => s.to_owned(),
            1 => sq(s).unwrap_or_else(|| dq(s)),
            _ => dq(s),
        }
    }

    fn free_text(rng: &mut Rng, clean: bool) -> String {
        let t = "Thực hiện tốt nhiệm vụ  phòng, chống dịch";
        if !clean && rng.chance(40) {
            nfd(t)
        } else {
            t.to_owned()
        }
    }

    fn generate(rng: &mut Rng, clean: bool) -> Vec<(String, String)> {
        let names: Vec<Vec<(usize, bool)>> = (0..3).map(|_| name_words(rng)).collect();
        let pick = |rng: &mut Rng| names[rng.below(names.len())].clone();
        let mut files = Vec::new();
        let nl = |rng: &mut Rng| if rng.chance(30) { "\r\n" } else { "\n" };

        let e = nl(rng);
        let mut tt = format!("# Tờ trình{e}so_ky_hieu: \"1/TTr-UBND\"{e}");
        let w = pick(rng);
        let s = spell(rng, &w, clean);
        tt.push_str(&format!("co_quan: {}  # cơ quan{e}", value(rng, &s)));
        tt.push_str(&format!("trich_yeu: \"{}\"{e}", free_text(rng, clean)));
        let w = pick(rng);
        let s = spell(rng, &w, clean);
        if rng.chance(50) {
            tt.push_str(&format!(
                "nguoi_ky: {{ ho_ten: {}, chuc_vu: \"Chủ tịch\" }}{e}",
                value(rng, &s)
            ));
        } else {
            tt.push_str(&format!(
                "nguoi_ky:{e}  # người ký{e}  ho_ten: {}{e}  chuc_vu: Chủ tịch{e}",
                value(rng, &s)
            ));
        }
        tt.push_str(&format!("danh_sach:{e}"));
        let n = 1 + rng.below(3);
        let mut reports = Vec::new();
        for i in 0..n {
            let who = pick(rng);
            let unit = pick(rng);
            let s1 = spell(rng, &who, clean);
            let s2 = spell(rng, &unit, clean);
            tt.push_str(&format!(
                "  - ma: n{i}{e}    ten: {}{e}    # đơn vị{e}    don_vi: {}{e}",
                value(rng, &s1),
                value(rng, &s2)
            ));
            reports.push((i, who, unit));
        }
        files.push(("to-trinh.yaml".to_owned(), tt));

        let e = nl(rng);
        let w = pick(rng);
        let s = spell(rng, &w, clean);
        files.push((
            "bien-ban.yaml".to_owned(),
            format!(
                "hoi_dong: \"Hội đồng\"{e}chu_tri: {{ ho_ten: {}, chuc_vu: x }}{e}ket_qua:{e}  - {{ ma: n0, tan_thanh: 1 }}{e}",
                value(rng, &s)
            ),
        ));
        for (i, who, unit) in reports {
            let e = nl(rng);
            let bom = if rng.chance(20) { "\u{feff}" } else { "" };
            let s1 = spell(rng, &who, clean);
            let s2 = spell(rng, &unit, clean);
            let body = free_text(rng, clean);
            files.push((
                format!("bao-cao/n{i}.yaml"),
                format!(
                    "{bom}ma: n{i}{e}ten: {}{e}don_vi: {}{e}hanh_dong: |{e}  {body}{e}  dòng hai{e}xac_nhan:{e}  co_quan: {}{e}",
                    value(rng, &s1),
                    value(rng, &s2),
                    value(rng, &s2),
                ),
            ));
        }
        files.push((
            "ho-so.yaml".to_owned(),
            "phien_ban: 1\nco_quan_de_nghi: \"Ủy ban nhân dân xã Ninh Hải\"\n".to_owned(),
        ));
        files
    }

    fn all_scalars<'a>(n: &'a Node, key: &str, out: &mut Vec<(String, &'a Scalar)>) {
        match n {
            Node::Scalar(s) => out.push((key.to_owned(), s)),
            Node::Seq(items, _) => items.iter().for_each(|i| all_scalars(i, key, out)),
            Node::Map(entries, _) => entries.iter().for_each(|(k, v)| {
                out.push(("<key>".to_owned(), k));
                all_scalars(v, &k.text, out);
            }),
        }
    }

    fn shape(n: &Node) -> String {
        match n {
            Node::Scalar(_) => "s".to_owned(),
            Node::Seq(items, _) => format!(
                "[{}]",
                items.iter().map(shape).collect::<Vec<_>>().join(",")
            ),
            Node::Map(entries, _) => format!(
                "{{{}}}",
                entries
                    .iter()
                    .map(|(k, v)| format!("{}:{}", k.text, shape(v)))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        }
    }

    #[test]
    fn property_fix_is_idempotent_and_keeps_meaning() {
        let mut rng = Rng(0x00D0_551E_2021_u64);
        let mut changed_files = 0;
        for round in 0..150 {
            let clean = round % 5 == 0;
            let files = generate(&mut rng, clean);
            let refs: Vec<(&str, &str)> = files
                .iter()
                .map(|(a, b)| (a.as_str(), b.as_str()))
                .collect();
            let dir = dossier(&refs);
            let report = plan_fixes(dir.path()).unwrap();
            if clean {
                assert_eq!(
                    report.changes,
                    vec![],
                    "round {round}: a clean dossier changed"
                );
            }
            apply(&report).unwrap();
            changed_files += report.changes.len();
            let again = plan_fixes(dir.path()).unwrap();
            assert_eq!(again.changes, vec![], "round {round}: not idempotent");

            let mut spellings: HashMap<String, String> = HashMap::new();
            for (rel, before) in &files {
                let after = fixed(dir.path(), rel);
                let changed = report.changes.iter().any(|c| c.file.ends_with(rel));
                if !changed {
                    assert_eq!(&after, before, "round {round}: {rel} touched");
                }
                let strip = |s: &str| s.strip_prefix('\u{feff}').unwrap_or(s).to_owned();
                let (b, a) = (strip(before), strip(&after));
                assert_eq!(
                    before.starts_with('\u{feff}'),
                    after.starts_with('\u{feff}')
                );
                assert_eq!(
                    b.matches("\r\n").count(),
                    a.matches("\r\n").count(),
                    "{rel}"
                );
                assert_eq!(b.lines().count(), a.lines().count(), "{rel}");
                for line in b.lines().filter(|l| l.trim_start().starts_with('#')) {
                    assert!(a.lines().any(|l| l == line), "comment lost: {line}");
                }
                let (ob, ab) = (parse(&b).root.unwrap(), parse(&a).root.unwrap());
                assert_eq!(shape(&ob), shape(&ab), "round {round}: {rel}");
                let (mut os, mut ns) = (Vec::new(), Vec::new());
                all_scalars(&ob, "", &mut os);
                all_scalars(&ab, "", &mut ns);
                assert_eq!(os.len(), ns.len());
                for ((key, o), (_, n)) in os.iter().zip(&ns) {
                    assert_eq!(name_key(&o.text), name_key(&n.text), "{rel}: {key}");
                    assert!(crate::text::is_nfc(&n.text), "{rel}: {key}: {:?}", n.text);
                    if key == "<key>" || !is_name_key(key) {
                        assert_eq!(to_nfc(&o.text), n.text.as_str(), "{rel}: {key}");
                    } else {
                        assert_eq!(fold_whitespace(&n.text), n.text.as_str());
                        let k = name_key(&n.text);
                        let first = spellings.entry(k).or_insert_with(|| n.text.clone());
                        assert_eq!(first, &n.text, "round {round}: two spellings left");
                    }
                }
            }
            assert!(report.changes.iter().all(|c| c.before != c.after));
        }
        assert!(
            changed_files > 100,
            "the generator exercises the fixes ({changed_files})"
        );
    }
}
