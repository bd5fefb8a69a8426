//! The structure of one written Vietnamese syllable, shared by tone folding and legacy-encoding
//! detection.
//!
//! Vietnamese is written one syllable per word: an optional initial consonant, a vowel nucleus,
//! an optional final consonant, and at most one tone mark on one vowel of the nucleus. Knowing
//! that structure is what lets [`super::fold`] move a tone mark to its canonical vowel ("Hòa" and
//! "Hoà" are the same name), and what lets [`super::legacy`] tell real Unicode Vietnamese from
//! mojibake: text typed in TCVN3 or VNI and read as Unicode almost never parses as a syllable.
//!
//! The parser works on characters, not bytes, accepts NFC and NFD alike, and never allocates.

use unicode_normalization::char::{compose, decompose_canonical};

/// No Vietnamese syllable is longer ("nghiêng" has 7 letters); longer words are rejected early
/// so the parser can work in a fixed-size buffer.
const MAX_LETTERS: usize = 8;

/// The five written tones; the level tone (ngang) is the absence of a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    /// huyền, U+0300
    Grave,
    /// hỏi, U+0309
    Hook,
    /// ngã, U+0303
    Tilde,
    /// sắc, U+0301
    Acute,
    /// nặng, U+0323
    Dot,
}

impl Tone {
    pub(crate) fn from_mark(c: char) -> Option<Tone> {
        match c {
            '\u{300}' => Some(Tone::Grave),
            '\u{309}' => Some(Tone::Hook),
            '\u{303}' => Some(Tone::Tilde),
            '\u{301}' => Some(Tone::Acute),
            '\u{323}' => Some(Tone::Dot),
            _ => None,
        }
    }

    pub(crate) fn mark(self) -> char {
        match self {
            Tone::Grave => '\u{300}',
            Tone::Hook => '\u{309}',
            Tone::Tilde => '\u{303}',
            Tone::Acute => '\u{301}',
            Tone::Dot => '\u{323}',
        }
    }

    /// Rank in Vietnamese dictionary order, after the level tone (which ranks 0): huyền, hỏi,
    /// ngã, sắc, nặng.
    pub(crate) fn rank(self) -> u32 {
        match self {
            Tone::Grave => 1,
            Tone::Hook => 2,
            Tone::Tilde => 3,
            Tone::Acute => 4,
            Tone::Dot => 5,
        }
    }
}

/// The marks that make a different letter (ă â ê ô ơ ư), as opposed to tone marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Modifier {
    Breve,
    Circumflex,
    Horn,
}

impl Modifier {
    pub(crate) fn from_mark(c: char) -> Option<Modifier> {
        match c {
            '\u{306}' => Some(Modifier::Breve),
            '\u{302}' => Some(Modifier::Circumflex),
            '\u{31B}' => Some(Modifier::Horn),
            _ => None,
        }
    }

    /// The Vietnamese letter this modifier makes of a plain lowercase base, if any.
    pub(crate) fn apply(self, base: char) -> Option<char> {
        match (base, self) {
            ('a', Modifier::Breve) => Some('ă'),
            ('a', Modifier::Circumflex) => Some('â'),
            ('e', Modifier::Circumflex) => Some('ê'),
            ('o', Modifier::Circumflex) => Some('ô'),
            ('o', Modifier::Horn) => Some('ơ'),
            ('u', Modifier::Horn) => Some('ư'),
            _ => None,
        }
    }
}

pub(crate) fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

/// One letter of a syllable: the lowercase letter without its tone (`ch` is one of the 29
/// Vietnamese letters, or f j w z from loanwords), its tone, and its case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Letter {
    pub(crate) ch: char,
    pub(crate) tone: Option<Tone>,
    pub(crate) upper: bool,
}

impl Letter {
    const BLANK: Letter = Letter {
        ch: 'a',
        tone: None,
        upper: false,
    };

    /// A bare letter from a base character (no marks yet); `None` for anything that is not a
    /// Latin letter or đ.
    pub(crate) fn from_base(c: char) -> Option<Letter> {
        let (ch, upper) = match c {
            'a'..='z' => (c, false),
            'A'..='Z' => (c.to_ascii_lowercase(), true),
            'đ' => ('đ', false),
            'Đ' => ('đ', true),
            _ => return None,
        };
        Some(Letter {
            ch,
            tone: None,
            upper,
        })
    }

    /// Applies one combining mark; `None` when the result is not a Vietnamese letter (a second
    /// tone, a modifier on the wrong base, a mark Vietnamese does not use).
    pub(crate) fn with_mark(self, mark: char) -> Option<Letter> {
        if let Some(tone) = Tone::from_mark(mark) {
            if self.tone.is_some() {
                return None;
            }
            return Some(Letter {
                tone: Some(tone),
                ..self
            });
        }
        let ch = Modifier::from_mark(mark)?.apply(self.ch)?;
        Some(Letter { ch, ..self })
    }

    /// The precomposed (NFC) character for this letter.
    pub(crate) fn to_char(self) -> Option<char> {
        let mut c = self.ch;
        if self.upper {
            let mut up = c.to_uppercase();
            c = up.next()?;
            if up.next().is_some() {
                return None;
            }
        }
        let Some(tone) = self.tone else {
            return Some(c);
        };
        compose(c, tone.mark()).or_else(|| {
            // The dot below sorts before a circumflex or breve in canonical order, so "ộ" is
            // "ọ" + circumflex, not "ô" + dot: compose the dot onto the plain vowel first.
            let mut parts = ['\0'; 2];
            let mut count = 0;
            decompose_canonical(c, |d| {
                if let Some(slot) = parts.get_mut(count) {
                    *slot = d;
                }
                count += 1;
            });
            if count != 2 {
                return None;
            }
            compose(compose(parts[0], tone.mark())?, parts[1])
        })
    }
}

/// A nucleus (the vowel letters of a syllable, glides included) and where its tone goes.
struct Nucleus {
    vowels: &'static str,
    /// Allowed without a final consonant.
    open: bool,
    /// Allowed with a final consonant.
    closed: bool,
    /// Index of the vowel that carries the tone in the new (orthographic) style.
    tone_at: usize,
    /// The other position still seen in open syllables written in the old style ("hòa",
    /// "thủy", "khỏe").
    old_style_open: Option<usize>,
}

const fn nucleus(vowels: &'static str, open: bool, closed: bool, tone_at: usize) -> Nucleus {
    Nucleus {
        vowels,
        open,
        closed,
        tone_at,
        old_style_open: None,
    }
}

const fn old_style(vowels: &'static str, tone_at: usize, old: usize) -> Nucleus {
    Nucleus {
        vowels,
        open: true,
        closed: true,
        tone_at,
        old_style_open: Some(old),
    }
}

/// Every vowel cluster of standard orthography. The rule that puts the tone on the letter with
/// a modifier (ê ô ơ â ă ư), and on the second vowel of oa/oe/uy, is encoded in `tone_at`.
const NUCLEI: &[Nucleus] = &[
    nucleus("a", true, true, 0),
    nucleus("ă", false, true, 0),
    nucleus("â", false, true, 0),
    nucleus("e", true, true, 0),
    nucleus("ê", true, true, 0),
    nucleus("i", true, true, 0),
    nucleus("o", true, true, 0),
    nucleus("ô", true, true, 0),
    nucleus("ơ", true, true, 0),
    nucleus("u", true, true, 0),
    nucleus("ư", true, true, 0),
    nucleus("y", true, true, 0),
    nucleus("ai", true, false, 0),
    nucleus("ao", true, false, 0),
    nucleus("au", true, false, 0),
    nucleus("ay", true, false, 0),
    nucleus("âu", true, false, 0),
    nucleus("ây", true, false, 0),
    nucleus("eo", true, false, 0),
    nucleus("êu", true, false, 0),
    nucleus("ia", true, false, 0),
    nucleus("iê", false, true, 1),
    nucleus("iu", true, false, 0),
    old_style("oa", 1, 0),
    nucleus("oă", false, true, 1),
    old_style("oe", 1, 0),
    nucleus("oi", true, false, 0),
    nucleus("ôi", true, false, 0),
    nucleus("ơi", true, false, 0),
    nucleus("oo", false, true, 1),
    nucleus("ua", true, false, 0),
    nucleus("uâ", false, true, 1),
    nucleus("uê", true, true, 1),
    nucleus("ui", true, false, 0),
    nucleus("uô", false, true, 1),
    nucleus("uơ", true, false, 1),
    old_style("uy", 1, 0),
    nucleus("ưa", true, false, 0),
    nucleus("ưi", true, false, 0),
    nucleus("ưu", true, false, 0),
    nucleus("ươ", true, true, 1),
    nucleus("yê", false, true, 1),
    nucleus("iêu", true, false, 1),
    nucleus("yêu", true, false, 1),
    nucleus("oai", true, false, 1),
    nucleus("oay", true, false, 1),
    nucleus("oao", true, false, 1),
    nucleus("oeo", true, false, 1),
    nucleus("uây", true, false, 1),
    nucleus("uôi", true, false, 1),
    nucleus("uya", true, false, 1),
    nucleus("uyê", false, true, 2),
    nucleus("uyu", true, false, 1),
    nucleus("ươi", true, false, 1),
    nucleus("ươu", true, false, 1),
];

/// Initial consonants. "gi" and "qu" are handled apart because their second letter looks like a
/// vowel. f, j, w and z occur in loanwords and names.
const INITIALS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p",
    "ph", "q", "r", "s", "t", "th", "tr", "v", "x", "f", "j", "w", "z",
];

/// Final consonants. "k" is not standard orthography but occurs in Central Highlands place
/// names written in Vietnamese ("Đắk Lắk").
const FINALS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "k"];

fn letters_eq(pattern: &str, letters: &[Letter]) -> bool {
    pattern.chars().eq(letters.iter().map(|l| l.ch))
}

/// A parsed syllable. Parsing ignores where the tone mark sits (so that misplaced marks can be
/// moved), but remembers it for [`Syllable::has_standard_tone_position`].
#[derive(Debug, Clone)]
pub(crate) struct Syllable {
    letters: [Letter; MAX_LETTERS],
    len: usize,
    /// Index of the letter that carries the tone, if any.
    tone_index: Option<usize>,
    /// Where the tone belongs in the new style.
    canonical: usize,
    /// Where the old style puts it, when that differs.
    old_style: Option<usize>,
    /// The syllable is only possible in loanwords: initial p, f, j, w or z, a final c, ch, p,
    /// t or k without a tone (native syllables ending so always carry sắc or nặng), or the
    /// nucleus oo ("xoong", "moóc").
    loanword_shape: bool,
    /// The tone sits on the u of "qu" or the i of "gi", which belong to the initial: wrong in
    /// either style ("qúy", "gìau").
    tone_on_glide: bool,
}

impl Syllable {
    /// Parses one word (no spaces) as a Vietnamese syllable, in NFC or NFD.
    pub(crate) fn parse(word: &str) -> Option<Syllable> {
        let mut letters = [Letter::BLANK; MAX_LETTERS];
        let mut len = 0usize;
        let mut ok = true;
        for c in word.chars() {
            decompose_canonical(c, |d| {
                if !ok {
                    return;
                }
                if let Some(letter) = Letter::from_base(d) {
                    if len == MAX_LETTERS {
                        ok = false;
                    } else {
                        letters[len] = letter;
                        len += 1;
                    }
                } else {
                    // A mark before any letter, or anything that is neither a letter nor a mark
                    // Vietnamese uses, makes the word a non-syllable.
                    match len.checked_sub(1).and_then(|i| letters[i].with_mark(d)) {
                        Some(marked) => letters[len - 1] = marked,
                        None => ok = false,
                    }
                }
            });
            if !ok {
                return None;
            }
        }
        Self::from_letters(letters, len)
    }

    fn from_letters(letters: [Letter; MAX_LETTERS], len: usize) -> Option<Syllable> {
        let word = letters.get(..len)?;
        let first_vowel = word.iter().position(|l| is_vowel(l.ch))?;
        let initial = &word[..first_vowel];
        if !INITIALS.iter().any(|i| letters_eq(i, initial)) {
            return None;
        }
        let next_is_vowel = |i: usize| word.get(i).is_some_and(|l| is_vowel(l.ch));
        let mut start = first_vowel;
        let mut after_qu = false;
        let mut after_gi = false;
        if letters_eq("q", initial) {
            // The u of "qu" belongs to the initial: never a nucleus of its own.
            if word[first_vowel].ch != 'u' || !next_is_vowel(first_vowel + 1) {
                return None;
            }
            start += 1;
            after_qu = true;
        } else if letters_eq("g", initial)
            && word[first_vowel].ch == 'i'
            && next_is_vowel(first_vowel + 1)
        {
            // "gi" before a vowel is one consonant ("giữa", "gió"); before a consonant or at the
            // end the i is the nucleus ("gìn", "gì").
            start += 1;
            after_gi = true;
        }
        let end = start + word[start..].iter().take_while(|l| is_vowel(l.ch)).count();
        let nucleus_letters = &word[start..end];
        let final_letters = &word[end..];
        let nucleus = NUCLEI
            .iter()
            .find(|n| letters_eq(n.vowels, nucleus_letters))?;
        let closed = !final_letters.is_empty();
        if !FINALS.iter().any(|f| letters_eq(f, final_letters)) {
            return None;
        }
        if (closed && !nucleus.closed) || (!closed && !nucleus.open) {
            return None;
        }
        let first = nucleus_letters.first()?.ch;
        let last = nucleus_letters.last()?.ch;
        // After qu a nucleus starting with o is only oa, oă, oe and their longer forms
        // ("quoàng", "quoắt"), written so in some words for the usual "qua", "quă".
        let qu_o = matches!(nucleus.vowels, "oa" | "oă" | "oe" | "oai" | "oay");
        if after_qu
            && ((matches!(first, 'u' | 'ư') || (first == 'o' && !qu_o))
                || (nucleus.vowels == "ô" && !closed))
        {
            return None;
        }
        // A lone y takes a final only after qu ("quýt", "Quỳnh"); elsewhere the spelling is i.
        if nucleus.vowels == "y" && closed && !after_qu {
            return None;
        }
        if after_gi && first == 'i' {
            return None;
        }
        // "yê" spells the nucleus only with no initial ("yên") or after qu ("quyết").
        if first == 'y' && nucleus_letters.len() > 1 && !initial.is_empty() && !after_qu {
            return None;
        }
        let palatal_final = letters_eq("ch", final_letters) || letters_eq("nh", final_letters);
        if palatal_final && !matches!(last, 'a' | 'ê' | 'i' | 'y') {
            return None;
        }

        let mut tone_index = None;
        for (i, l) in word.iter().enumerate() {
            if l.tone.is_some() {
                // One tone per syllable, on a vowel (the i of "gi" and u of "qu" included, so a
                // mark typed there can still be moved).
                if tone_index.is_some() || !is_vowel(l.ch) {
                    return None;
                }
                tone_index = Some(i);
            }
        }
        let tone = tone_index.and_then(|i| word[i].tone);
        let stop_final = matches!(
            final_letters.first().map(|l| l.ch),
            Some('c' | 'p' | 't' | 'k')
        );
        if stop_final && matches!(tone, Some(Tone::Grave | Tone::Hook | Tone::Tilde)) {
            return None;
        }

        let loan_initial = ["p", "f", "j", "w", "z"]
            .iter()
            .any(|i| letters_eq(i, initial));
        Some(Syllable {
            letters,
            len,
            loanword_shape: loan_initial
                || (stop_final && tone.is_none())
                || nucleus.vowels == "oo",
            tone_index,
            tone_on_glide: (after_qu || after_gi) && tone_index == Some(start - 1),
            canonical: start + nucleus.tone_at,
            old_style: if closed {
                None
            } else {
                nucleus.old_style_open.map(|o| start + o)
            },
        })
    }

    pub(crate) fn letters(&self) -> &[Letter] {
        self.letters.get(..self.len).unwrap_or(&[])
    }

    pub(crate) fn letter_count(&self) -> usize {
        self.len
    }

    /// True when the tone (if any) sits where the new or the old style puts it.
    pub(crate) fn has_standard_tone_position(&self) -> bool {
        match self.tone_index {
            None => true,
            Some(i) => i == self.canonical || Some(i) == self.old_style,
        }
    }

    /// True for "lower", "Title" and "UPPER": any other mix of cases inside one syllable is not
    /// something a person types.
    pub(crate) fn has_plain_case(&self) -> bool {
        let letters = self.letters();
        let uppers = letters.iter().filter(|l| l.upper).count();
        uppers == 0
            || uppers == letters.len()
            || (uppers == 1 && letters.first().is_some_and(|l| l.upper))
    }

    /// True when the syllable has a shape native words have, not only loanwords: what text
    /// converted from a legacy encoding must look like to count as Vietnamese.
    pub(crate) fn is_native_shape(&self) -> bool {
        !self.loanword_shape
    }

    /// True when the tone sits on the u of "qu" or the i of "gi": a misspelling in either style.
    pub(crate) fn tone_is_on_glide(&self) -> bool {
        self.tone_on_glide
    }

    /// True when the tone sits where the new style puts it (or there is none).
    pub(crate) fn tone_is_canonical(&self) -> bool {
        self.tone_index.is_none_or(|i| i == self.canonical)
    }

    /// The syllable in NFC with its tone on the canonical (new-style) vowel, case kept per letter.
    pub(crate) fn render_canonical(&self) -> Option<String> {
        let tone = self
            .tone_index
            .and_then(|i| self.letters().get(i))
            .and_then(|l| l.tone);
        let mut out = String::with_capacity(self.len * 3);
        for (i, l) in self.letters().iter().enumerate() {
            let placed = Letter {
                tone: if i == self.canonical { tone } else { None },
                ..*l
            };
            out.push(placed.to_char()?);
        }
        Some(out)
    }
}

/// True when `word` is one well-formed Vietnamese syllable as written: structure, tone position
/// (either style) and case.
pub(crate) fn is_valid_syllable(word: &str) -> bool {
    remembered(word, |w| {
        Syllable::parse(w).is_some_and(|s| s.has_standard_tone_position() && s.has_plain_case())
    })
}

/// The answer for `word`, from a small per-thread table of recent words.
///
/// Legacy-encoding detection asks this of the first words of every text in every report, and
/// the same few hundred words ("tôi", "và", "các", "ngày") make up most of them; parsing one
/// goes through the Unicode decomposition tables, a lookup here is a hash of a few bytes. The
/// table is direct-mapped (a new word takes its slot) and keeps the word itself, so an answer is
/// never one for another word.
fn remembered(word: &str, parse: impl Fn(&str) -> bool) -> bool {
    const SLOTS: usize = 1024;
    const LONGEST: usize = 22;
    #[derive(Clone, Copy)]
    struct Slot {
        len: u8,
        valid: bool,
        bytes: [u8; LONGEST],
    }
    thread_local! {
        static TABLE: std::cell::RefCell<Vec<Slot>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let b = word.as_bytes();
    if b.is_empty() || b.len() > LONGEST {
        return parse(word);
    }
    // FNV-1a: a few instructions a byte, good enough to spread short words.
    let hash = b.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &c| {
        (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
    });
    let slot = usize::try_from(hash % SLOTS as u64).unwrap_or(0);
    let hit = TABLE.with_borrow(|t| {
        t.get(slot)
            .filter(|s| usize::from(s.len) == b.len() && &s.bytes[..b.len()] == b)
            .map(|s| s.valid)
    });
    if let Some(valid) = hit {
        return valid;
    }
    let valid = parse(word);
    TABLE.with_borrow_mut(|t| {
        if t.is_empty() {
            t.resize(
                SLOTS,
                Slot {
                    len: 0,
                    valid: false,
                    bytes: [0; LONGEST],
                },
            );
        }
        let mut bytes = [0; LONGEST];
        bytes[..b.len()].copy_from_slice(b);
        if let Some(s) = t.get_mut(slot) {
            *s = Slot {
                len: u8::try_from(b.len()).unwrap_or(0),
                valid,
                bytes,
            };
        }
    });
    valid
}

#[cfg(test)]
mod tests;
