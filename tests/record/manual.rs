//! `dossier completions` and `dossier man`: what they print whole, and a shell they do not know.

use super::record;
use crate::util::Scratch;

#[test]
fn completions() {
    let s = Scratch::base();
    for sh in ["bash", "zsh", "fish", "powershell", "elvish"] {
        record("completions", sh, &s, &["completions", sh]);
    }
    record("completions", "unknown_shell", &s, &["completions", "tcsh"]);
    record("completions", "no_shell", &s, &["completions"]);
}

#[test]
fn man() {
    let s = Scratch::base();
    record("man", "man", &s, &["man"]);
    record("man", "extra_argument", &s, &["man", "check"]);
}
