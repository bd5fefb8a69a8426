//! Vietnamese dictionary order, for the lists of names the tool prints.
//!
//! Byte or code-point order puts "Ân" after "Yến" and "Đào" after "Zung", and sorts names by
//! family name. A printed cover list must follow the order clerks use: letters by the
//! Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y), then tones
//! (none, huyền, hỏi, ngã, sắc, nặng), then case, as CLDR's `vi` collation does; and people by
//! given name first. This is a small multi-level collation for that, not a general UCA.

use std::cmp::Ordering;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::fold::{fold_whitespace, name_key};
use super::syllable::{Modifier, Tone};
use super::to_nfc;

/// Primary weights, by class: spaces, then punctuation and symbols, then digits, then letters,
/// then letters of other scripts. 0 is kept as the level separator, so a prefix sorts first.
const SPACE: u32 = 1;
const SYMBOL_BASE: u32 = 0x100;
const DIGIT_BASE: u32 = 0x20_0000;
const LETTER_BASE: u32 = 0x30_0000;
const OTHER_BASE: u32 = 0x40_0000;
const LEVEL_SEPARATOR: u32 = 0;

/// The Vietnamese alphabet, with the Latin letters it lacks (f j w z, met in foreign and
/// minority names) at their Latin places.
const ALPHABET: &[char] = &[
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

/// A sort key: comparing two keys (as slices) compares the strings in Vietnamese dictionary
/// order.
///
/// The key has four levels: letters (case and tone ignored), tones, case (lowercase first),
/// each ended by 0, and then the NFC text itself, so that different strings never compare
/// equal and a sort is deterministic. Before keying, the text is normalised as [`name_key`] does (NFC,
/// whitespace, canonical tone position), so "Hòa" and "Hoà" sort together whichever habit typed
/// them. Input may be NFC or NFD.
pub fn sort_key(s: &str) -> Vec<u32> {
    let nfc = to_nfc(s);
    let mut key = collation_levels(&nfc);
    key.extend(nfc.chars().map(u32::from));
    key
}

/// The first three levels of [`sort_key`], each ended by 0: equal for two spellings of the
/// same name.
fn collation_levels(nfc: &str) -> Vec<u32> {
    let folded = name_key(nfc);
    let mut primary = Vec::with_capacity(folded.len());
    let mut secondary = Vec::with_capacity(folded.len());
    let mut tertiary = Vec::with_capacity(folded.len());
    for c in folded.chars() {
        let mut element = Element::default();
        decompose_canonical(c, |d| element.push(d));
        match element.base {
            Some(base) => {
                primary.push(primary_weight(base));
                secondary.push(element.secondary);
                tertiary.push(if element.upper { 2 } else { 1 });
            }
            None => {
                // A combining mark NFC could not attach to anything: it only refines the
                // secondary weight of what precedes it.
                if let Some(last) = secondary.last_mut() {
                    *last = last.saturating_add(element.secondary);
                }
            }
        }
    }
    let mut key = primary;
    key.push(LEVEL_SEPARATOR);
    key.append(&mut secondary);
    key.push(LEVEL_SEPARATOR);
    key.append(&mut tertiary);
    key.push(LEVEL_SEPARATOR);
    key
}

/// One character decomposed: its base letter (lowercase, with any Vietnamese modifier
/// applied), its secondary weight and its case.
#[derive(Default)]
struct Element {
    base: Option<char>,
    secondary: u32,
    upper: bool,
}

impl Element {
    fn push(&mut self, d: char) {
        let Some(base) = self.base else {
            if is_combining_mark(d) {
                self.secondary = self.secondary.saturating_add(other_mark_weight(d));
            } else {
                self.upper = d.is_uppercase();
                self.base = Some(d.to_lowercase().next().unwrap_or(d));
                self.secondary = 1;
            }
            return;
        };
        if let Some(tone) = Tone::from_mark(d) {
            self.secondary = self.secondary.saturating_add(tone.rank());
        } else if let Some(letter) = Modifier::from_mark(d).and_then(|m| m.apply(base)) {
            // ă â ê ô ơ ư are letters of their own, told apart at the first level.
            self.base = Some(letter);
        } else {
            self.secondary = self.secondary.saturating_add(other_mark_weight(d));
        }
    }
}

/// Marks Vietnamese does not use (French é is a tone to us, but ë, ç, å are not) sort after
/// every tone of the same letter.
fn other_mark_weight(mark: char) -> u32 {
    8 * (u32::from(mark).saturating_sub(0x2FF))
}

fn primary_weight(c: char) -> u32 {
    if c.is_whitespace() {
        return SPACE;
    }
    if let Some(digit) = c.to_digit(10) {
        return DIGIT_BASE + digit;
    }
    if let Some(index) = ALPHABET.iter().position(|&a| a == c) {
        return LETTER_BASE + u32::try_from(index).unwrap_or(0);
    }
    if c.is_alphanumeric() {
        OTHER_BASE + u32::from(c)
    } else {
        SYMBOL_BASE + u32::from(c)
    }
}

/// Orders people the way Vietnamese lists do: by given name (the last word), then by the whole
/// name, which starts with the family name; both in dictionary order ([`sort_key`]).
///
/// Builds two keys per call; to sort a long list, prefer
/// `names.sort_by_cached_key(|n| name_order_key(n))`, which gives the same order.
pub fn name_order(a: &str, b: &str) -> Ordering {
    name_order_key(a).cmp(&name_order_key(b))
}

/// The key behind [`name_order`]: the given name's collation levels, then the full name's
/// [`sort_key`]. The given name leaves out the last level, so that two spellings of it ("Thủy",
/// "Thuỷ") tie and the family name decides.
pub fn name_order_key(s: &str) -> (Vec<u32>, Vec<u32>) {
    let nfc = to_nfc(s);
    let folded = fold_whitespace(&nfc);
    let given = folded.rsplit(' ').next().unwrap_or_default();
    (collation_levels(given), sort_key(&folded))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn sorted(mut names: Vec<&str>) -> Vec<&str> {
        names.sort_by_key(|n| sort_key(n));
        names
    }

    #[test]
    fn letters_follow_the_vietnamese_alphabet() {
        assert_eq!(
            sorted(vec!["Ân", "Anh", "Ăn", "An", "Bình"]),
            ["An", "Anh", "Ăn", "Ân", "Bình"]
        );
        assert_eq!(sorted(vec!["Đào", "Dương", "Duy"]), ["Duy", "Dương", "Đào"]);
        assert_eq!(
            sorted(vec!["Ơn", "Ôn", "On", "Pha"]),
            ["On", "Ôn", "Ơn", "Pha"]
        );
        assert_eq!(sorted(vec!["Ưng", "Uy", "Vân"]), ["Uy", "Ưng", "Vân"]);
        assert_eq!(sorted(vec!["Yến", "Ân", "Zung"]), ["Ân", "Yến", "Zung"]);
    }

    #[test]
    fn tones_come_after_letters() {
        assert_eq!(
            sorted(vec!["mạ", "má", "mã", "mả", "mà", "ma"]),
            ["ma", "mà", "mả", "mã", "má", "mạ"]
        );
        // The letter difference at the end outweighs the tone difference at the start.
        assert_eq!(sorted(vec!["Mạnh", "Mai"]), ["Mai", "Mạnh"]);
        assert_eq!(sorted(vec!["Hà", "Hai", "Hạ"]), ["Hà", "Hạ", "Hai"]);
    }

    #[test]
    fn case_is_tertiary() {
        assert_eq!(sorted(vec!["An", "an", "Ăn"]), ["an", "An", "Ăn"]);
        assert_eq!(sorted(vec!["AN", "An", "an"]), ["an", "An", "AN"]);
    }

    #[test]
    fn nfd_and_nfc_give_the_same_order() {
        assert_eq!(sort_key("Nguyễn"), sort_key("Nguye\u{302}\u{303}n"));
        assert_eq!(
            sorted(vec!["A\u{302}n", "Anh", "An"]),
            ["An", "Anh", "A\u{302}n"]
        );
    }

    #[test]
    fn tone_placement_habits_sort_together() {
        let names = sorted(vec!["Hoài", "Hòa", "Hoa", "Hoà", "Hoan"]);
        assert_eq!(names[0], "Hoa");
        assert!(names[1..3].contains(&"Hòa") && names[1..3].contains(&"Hoà"));
        assert_eq!(&names[3..], ["Hoài", "Hoan"]);
        assert_ne!(sort_key("Hòa"), sort_key("Hoà"));
    }

    #[test]
    fn digits_and_spaces_before_letters() {
        assert_eq!(sorted(vec!["a", "1", " ", "-"]), [" ", "-", "1", "a"]);
        assert_eq!(
            sorted(vec!["Lê Anh", "Lê An", "Le Bao"]),
            ["Le Bao", "Lê An", "Lê Anh"]
        );
    }

    #[test]
    fn names_sort_by_given_name_first() {
        let mut names = vec![
            "Trần Văn Mai",
            "Nguyễn Thị Hằng",
            "Lê Văn Bình",
            "Phạm Đào",
            "Vũ Dương",
            "Nguyễn Văn An",
            "Lê Thị Ân",
            "Hoàng Anh",
            "Đỗ Thị Hằng",
        ];
        names.sort_by(|a, b| name_order(a, b));
        assert_eq!(
            names,
            [
                "Nguyễn Văn An",
                "Hoàng Anh",
                "Lê Thị Ân",
                "Lê Văn Bình",
                "Vũ Dương",
                "Phạm Đào",
                "Đỗ Thị Hằng",
                "Nguyễn Thị Hằng",
                "Trần Văn Mai",
            ]
        );
        let mut cached = names.clone();
        cached.reverse();
        cached.sort_by_cached_key(|n| name_order_key(n));
        assert_eq!(cached, names);
    }

    #[test]
    fn name_order_keeps_spelling_variants_together() {
        // Spacing and tone-placement variants sort next to each other: a third name compares
        // the same way with both.
        for variant in [
            "Lê  Thị\u{a0}Hằng ",
            "Le\u{302} Thi\u{323} Ha\u{306}\u{300}ng",
        ] {
            assert_eq!(name_order(variant, "Lê Thị Hằm"), Ordering::Greater);
            assert_eq!(name_order(variant, "Lê Thị Hẳng"), Ordering::Less);
            assert_eq!(
                name_order(variant, "Lê Thị Hằng").reverse(),
                name_order("Lê Thị Hằng", variant)
            );
        }
        assert_eq!(name_order("Ngô Thủy", "Lê Thuỷ"), Ordering::Greater);
        assert_eq!(name_order("Lê Thủy", "Ngô Thuỷ"), Ordering::Less);
        assert_eq!(name_order("Lê Hòa", "Lê Hoà"), Ordering::Greater);
        assert_eq!(name_order("Lê Thị Hằng", "Lê Thị Hằng"), Ordering::Equal);
        assert_eq!(name_order("Bình", "Hằng"), Ordering::Less);
        assert_eq!(name_order("Nguyễn Thị Hằng", "Lê Văn Mai"), Ordering::Less);
    }

    #[test]
    fn odd_input_still_gets_a_consistent_order() {
        // Combining marks alone, scripts Vietnamese does not use, case oddities: each must still
        // sort the same in either Unicode form and compare as a total order would.
        for s in [
            "",
            " ",
            "\u{301}",
            "a\u{301}\u{301}\u{308}",
            "東京",
            "😀",
            "ǅ",
            "İ",
            "ß",
        ] {
            let nfd: String = s.nfd().collect();
            assert_eq!(sort_key(s), sort_key(&nfd), "{s:?}");
            assert_eq!(name_order(s, s), Ordering::Equal, "{s:?}");
            assert_eq!(name_order(s, "An"), name_order("An", s).reverse(), "{s:?}");
            assert_ne!(name_order(s, "An"), Ordering::Equal, "{s:?} is not An");
        }
    }
}
