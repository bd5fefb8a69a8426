//! "Did you mean …?": the known name closest to a misspelt one. Used wherever a clerk types a
//! name the format or the rule set knows (a key, a form, a kind, a report's id, a file), so it
//! lives with the text helpers rather than in one reader. The distance is strsim's optimal
//! string alignment (a swap of two neighbouring letters is one edit: `ngya` → `ngay`), with its
//! cost bounded by the length of what it compares.

/// Longest text compared for a suggestion. The distance table grows with the product of the
/// two lengths (two 40,000-letter ids asked for 12.8 GB); a typo of a real name or id is short.
pub const MAX_COMPARED: usize = 64;

/// The known name closest to a misspelt one, if close enough to be a typo. Its cost is bounded
/// by [`MAX_COMPARED`]: longer texts, and names whose length alone rules them out, are not
/// compared.
#[must_use]
pub fn did_you_mean<'a>(got: &str, known: &[&'a str]) -> Option<&'a str> {
    let n = got.chars().count();
    if n > MAX_COMPARED {
        return None;
    }
    let limit = (n / 3).clamp(1, 3);
    known
        .iter()
        .filter(|k| {
            let m = k.chars().count();
            m <= MAX_COMPARED && m.abs_diff(n) <= limit
        })
        .map(|k| (strsim::osa_distance(got, k), *k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}
