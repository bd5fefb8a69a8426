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
//! dropped rather than written. Texts written as block scalars (`|`, `>`) get the NFC repair
//! and the decoding of legacy text only (made in their source, which keeps the layout), since
//! their indicator lies outside the value's bytes.
//!
//! Nothing is written by [`plan_fixes`]; [`apply`] writes each changed file atomically, and only
//! if it still holds what was planned from. A file is renamed only from NFD to the same name in
//! NFC, or, when its `dinh_kem` entry loses an invisible character, to the name without it
//! (`rename`), never over another file. Symbolic links are left
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
use crate::yaml::tree::{is_null, Node, Scalar};

#[cfg(test)]
mod legacy_roundtrip;
mod proof;
mod read;
mod rename;
#[cfg(test)]
mod tests;

use proof::{prove, splice};
use read::{file_order, nfd_names, read_docs};

/// The planned repairs of a dossier.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FixReport {
    /// The dossier folder.
    pub dir: PathBuf,
    /// One entry per file that changes, in the order ho-so, to-trinh, bien-ban, bao-cao/*.
    pub changes: Vec<FileChange>,
    /// Files of the dossier that were not looked at, and why: the clerk must know that a
    /// file was left as it was, not that it needed nothing.
    pub skipped: Vec<Skipped>,
    /// Files and folders whose names are stored decomposed (NFD, as macOS writes them), to be
    /// renamed to the same name in NFC, which is how the documents name them: (from, to), files
    /// first, then folders deepest first.
    pub renames: Vec<(PathBuf, PathBuf)>,
    /// Attachment files whose name holds an invisible character (or a look-alike letter) that
    /// their `dinh_kem` entry held too: the entry is cleaned, so the file is renamed to the clean
    /// name with it, (from, to). Made before `renames`.
    pub cleaned: Vec<(PathBuf, PathBuf)>,
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
    let (mut docs, mut skipped) = read_docs(dir)?;
    // An attachment cleaned in its entry but not on disk would name no file: rename the file
    // with it, or leave the document that names it as it is.
    let cleaned = rename::plan(dir, &docs);
    for (i, why) in cleaned.refused.iter().rev() {
        let d = docs.remove(*i);
        skipped.insert(
            0,
            Skipped {
                file: d.loaded.path,
                why: why.clone(),
            },
        );
    }

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
            } else if let Some((decoded, why)) = super::repair::legacy(&t) {
                t = to_nfc(&decoded).into_owned();
                extra = vec![why];
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
            } else if !extra.is_empty() {
                // A block decoded in place: its indicator, line breaks and indentation are no
                // letters, so decoding its source gives the same words laid out as before.
                if let Some((decoded, _)) = super::repair::legacy(&to_nfc(source)) {
                    candidates.push(decoded);
                }
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
        dir: dir.to_path_buf(),
        changes,
        skipped,
        renames: nfd_names(dir),
        cleaned: cleaned.renames,
    })
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
        "dòng {}, trường \"{}\": {}", e.line, e.key, vi.join("; ");
        "line {}, \"{}\": {}", e.line, e.key, en.join("; ")
    )
}

/// Write the planned changes. Every file must still hold exactly what it held when planned
/// ([`EditError::Changed`] otherwise, and then nothing is written); each is replaced
/// atomically, keeping its permissions.
pub fn apply(report: &FixReport) -> Result<(), EditError> {
    // Never over a file that appeared since the plan: checked before anything is written, so
    // that a document is not left naming a file that could not be renamed.
    for (_, to) in &report.cleaned {
        if std::fs::symlink_metadata(to).is_ok() {
            return Err(EditError::Exists(to.clone()));
        }
    }
    let mut staged = Vec::with_capacity(report.changes.len());
    for c in &report.changes {
        let original = Loaded {
            path: c.file.clone(),
            raw: c.before.clone(),
            disk: c.disk.clone(),
        };
        staged.push(stage_replace(&original, &c.after)?);
    }
    let mut tx = files::transaction(&report.dir, "fix", staged, &[])?;
    for (from, to) in report.cleaned.iter().chain(&report.renames) {
        tx.rename(from, to)?;
    }
    tx.commit()?;
    Ok(())
}

pub use super::diff::unified_diff;
