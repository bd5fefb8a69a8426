//! The unified diff a clerk reviews before `fix` (or `import`) writes anything: `similar`'s line
//! diff (Myers, with a time bound so a pathological file still gets a correct, if coarse,
//! diff), printed as `diff -u` prints it, three lines of context, line breaks not shown, a last
//! line without one marked as `diff` marks it.

use std::time::Duration;

use similar::{Algorithm, ChangeTag, TextDiff};

use super::fix::FileChange;

/// A unified diff of one change (3 lines of context), for the clerk to review before applying.
#[must_use]
pub fn unified_diff(change: &FileChange) -> String {
    const CONTEXT: usize = 3;
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(Duration::from_secs(2))
        .diff_lines(&change.before, &change.after);
    let name = crate::text::file_name::shown_path(&change.file);
    let mut out = format!("--- {name}\n+++ {name}\n");
    for group in diff.grouped_ops(CONTEXT) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let (a0, a1) = (first.old_range().start, last.old_range().end);
        let (b0, b1) = (first.new_range().start, last.new_range().end);
        let start = |from: usize, len: usize| if len == 0 { from } else { from + 1 };
        out.push_str(&format!(
            "@@ -{},{} +{},{} @@\n",
            start(a0, a1 - a0),
            a1 - a0,
            start(b0, b1 - b0),
            b1 - b0
        ));
        for op in &group {
            for change in diff.iter_changes(op) {
                let mark = match change.tag() {
                    ChangeTag::Equal => ' ',
                    ChangeTag::Delete => '-',
                    ChangeTag::Insert => '+',
                };
                let line = change.value();
                let shown = line.strip_suffix('\n').unwrap_or(line);
                let shown = shown.strip_suffix('\r').unwrap_or(shown);
                out.push(mark);
                out.push_str(shown);
                out.push('\n');
                if !line.ends_with('\n') {
                    out.push_str("\\ No newline at end of file\n");
                }
            }
        }
    }
    out
}
