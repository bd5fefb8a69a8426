//! The proof that an edit of `dossier fix` changes nothing but the values it means to: the
//! edited text is parsed again and compared with the original tree; what fails is dropped.

use std::collections::HashMap;

use super::{Doc, Edit};
use crate::yaml::tree::{parse, Node, Problem};

/// The edits that can be proven, each with the candidate that proved: all of them at once
/// when that works, else one by one.
pub(super) fn prove<'e>(d: &Doc, edits: &'e [Edit]) -> Vec<(&'e Edit, String)> {
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

pub(super) fn splice(body: &str, edits: &[(&Edit, String)]) -> String {
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
pub(super) fn proves(d: &Doc, edits: &[(&Edit, String)]) -> bool {
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

pub(super) fn same_but(old: &Node, new: &Node, want: &HashMap<usize, (&str, bool)>) -> bool {
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
