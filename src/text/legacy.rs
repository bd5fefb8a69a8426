//! Recognising Vietnamese typed in a legacy 8-bit encoding and read back as Unicode (mojibake).
//!
//! Offices still meet text typed in TCVN3 (ABC, .VnTime fonts), VNI (VNI-Times fonts) and
//! Windows-1258. Once such bytes are saved as UTF-8 through Windows-1252 or Latin-1, "Nguyễn"
//! reads "NguyÔn" (TCVN3), "Nguyeãn" (VNI) or "NguyêÞn" (Windows-1258), and no name in it
//! matches the same name typed in Unicode. A clerk cannot tell why two equal-looking names
//! differ when the font hides it, so the checker names the encoding and shows the text
//! converted.
//!
//! Detection has one hard requirement: never flag real Unicode Vietnamese, which legitimately
//! contains the very characters mojibake is made of (Ô, â, ã, ò ...), nor ordinary English or
//! French. It therefore rests on Vietnamese spelling, not on character statistics: real
//! Vietnamese is one well-formed syllable per word, mojibake almost never is, and its decoding
//! almost always is.
//!
//! # The rule
//!
//! The text is read word by word (a word is a run of letters, digits and the characters that
//! stand for legacy bytes, such as the soft hyphen that is TCVN3's ư), once per encoding.
//!
//! A word is *evidence* for an encoding when it is no Vietnamese syllable as written but its
//! decoding is one, of a native shape (no loanword initial such as p or j, no toneless "-t"),
//! and of two letters or more (a lone « or × is punctuation far more often than a word).
//! Evidence comes in three strengths, by what else the word shows:
//!
//! - *unmistakable*, a trait no other language's text has. TCVN3: a symbol inside a word
//!   ("nh©n"), or at the edge where its letter sits ("®ång", "x·"); a capital inside a
//!   lowercase word ("NguyÔn"); ï, ñ or ß after a consonant ("Bïi"); small letters inside a
//!   word in capitals, from an all-capitals font ("CéNG"). VNI: ø or õ after a vowel
//!   ("Ñoaøn"); ù or û after a vowel other than o; ư before u, i or ng ("Löu"); nặng before an
//!   ending French never writes after ï ("Haïnh"). Both: two legacy characters in one word
//!   ("Tröôøng"), or an initial ng/nh ("Nguyeãn").
//! - *distinctive*: a VNI circumflex or breve mark after a vowel ("Vaên"), or ư before a
//!   ("möa"), which Swedish "poäng" and "köa" or Finnish "meä" also show.
//! - *weak* otherwise ("Héi", "saûn"; but also French "Loïc", which VNI reads "Lọc").
//!
//! A word *counts against* an encoding when it is a syllable as written but not once decoded
//! (real Unicode such as "Nguyễn", or "Ông", which TCVN3 would make "ễng"), when it is neither
//! (unless it is an abbreviation in capitals), or when it is an ASCII word that is no
//! Vietnamese syllable ("the", "partir": the text is in another language).
//!
//! The text is legacy when the evidence, weighing 2 per unmistakable or distinctive word and 1
//! per weak one, is at least 2 and outweighs the words against it, and it can stand: one
//! unmistakable word; or a distinctive word with a second evidence word, or among more ASCII
//! Vietnamese words than words against ("Vaên" in "Cao Vaên Long"); or two weak words next to
//! an ASCII Vietnamese word. A majority rather than unanimity keeps detectable the text that
//! mixes in a few words that do not convert (a code, an English term); the corroboration rule
//! keeps a stray foreign word from being enough ("aún", "poäng", Albanian "në të"). When both
//! encodings qualify equally the text is ambiguous and nothing is reported.
//!
//! A third encoding is read the same way: Windows-1258, the code page of Vietnamese Windows,
//! whose tones are combining marks after the letter (bytes shown by Windows-1252 as Ì Ò Þ ì ò),
//! when its bytes were read as Windows-1252 ("Nguyễn" reads "NguyêÞn"). Its Đ alone, read as
//! the Icelandic Ð, is no evidence: it is also a look-alike letter, named as such
//! (`super::chars`).
//!
//! # Runs
//!
//! Once the text is judged legacy, it is decoded run by run, not as a whole: a clerk types a
//! surname in Unicode and pastes the rest from an old document ("Lê ThÞ Hång Nhung"). A run
//! starts at a word only the legacy encoding explains and goes on over the words that read
//! either way ("Lê" is also TCVN3's "Lờ"; "Thò" is VNI's "Thị") until a word only Unicode
//! explains ("Nguyễn", "Trường"). Such a two-way word is decoded inside a run; before the first
//! legacy word only when its Unicode reading has a tone mark and is no surname ("Hé «ng" is
//! "Hộ ông", while a toneless "Lê", "Vân" or "Tô" is how Unicode writes the commonest letters,
//! and "Võ" or "Lò" begins a name far more often than TCVN3's "Vừ" or VNI's "Lị"); in a text that
//! also holds Unicode-only words, only between two legacy words. A text with Unicode-only
//! words and no foreign one is legacy on a single evidence word: the language is settled.
//! Decoding comes before anything else looks at the characters: TCVN3's ư is the soft hyphen,
//! which must not be removed as an invisible character from a word being decoded
//! ([`LegacyGuess::words`]).
//!
//! Measured on text at hand (before runs and Windows-1258 were added): no false positive on
//! 959,000 lines of French, German, Spanish, Albanian, Swedish ... message catalogs, 31,000 lines of Vietnamese ones, or 27,000 values of
//! the benchmark corpus; 99% of that corpus's Vietnamese lines detected once encoded in either
//! encoding, and 95-97% of its personal names.

use unicode_normalization::char::is_combining_mark;

mod encode;
pub use encode::encode;

use super::legacy_tables::{byte_of, is_legacy_char, tcvn3, vni, VniByte};
use super::syllable::{is_valid_syllable, is_vowel, Letter, Syllable};
use super::{is_latin_or_vietnamese_letter, to_nfc};

/// A legacy Vietnamese 8-bit encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyEncoding {
    /// TCVN 5712:1993 VN3, typed with the ABC keyboard driver in .VnTime fonts; mostly northern.
    Tcvn3,
    /// VNI Windows, typed in VNI-Times fonts; a letter followed by mark bytes; mostly southern.
    Vni,
    /// Windows-1258, the code page of Vietnamese Windows (tones as combining marks after the
    /// letter), read as Windows-1252 or Latin-1: "Nguyễn" reads "NguyêÞn", "Đinh" "Ðinh".
    Windows1258,
}

impl LegacyEncoding {
    /// The name a clerk knows the encoding by.
    pub fn name(self) -> &'static str {
        match self {
            LegacyEncoding::Tcvn3 => "TCVN3 (ABC)",
            LegacyEncoding::Vni => "VNI",
            LegacyEncoding::Windows1258 => "Windows-1258",
        }
    }
}

/// Text that reads as a legacy encoding, and what it says once converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegacyGuess {
    /// The encoding the text was typed in.
    pub encoding: LegacyEncoding,
    /// The whole text converted to Unicode (NFC). Words that do not convert into Vietnamese
    /// (ASCII, numbers, words already in Unicode) are kept as they were.
    pub decoded: String,
    /// The byte ranges, in the text in NFC, of the words decoded: the characters in them are
    /// letters of the legacy encoding (TCVN3's ư is the soft hyphen), never to be removed.
    pub words: Vec<(usize, usize)>,
    /// Words next to a legacy run that read as correct Unicode and were kept so, with what
    /// they would read as in the encoding ("Lê", which TCVN3 reads "Lờ"): said to the clerk,
    /// who knows which was meant.
    pub kept: Vec<(String, String)>,
}

/// Tells whether `s` is Vietnamese typed in TCVN3 or VNI and read as Unicode, and converts it;
/// the module documentation gives the rule.
///
/// `None` when the text reads as ordinary Unicode Vietnamese, or any other language.
///
/// Known limits: legacy text whose every word also reads as Unicode Vietnamese (VNI "Thò" is
/// "Thị", "Hoàng" is "Hồng") cannot be told from Unicode; nor can a string whose only legacy
/// word is weak or an abbreviation, such as TCVN3 "Lª Duy Nam" (ª ends Spanish ordinals too)
/// or "PGD§T". TCVN3 has no capitals with tones, so such letters come out lowercase unless
/// the word or the whole text is in capitals, or every other word begins with a capital (a
/// name: "Lª ThÞ ¸nh" is "Lê Thị Ánh").
///
/// Pure ASCII returns at once without allocating, as does text with no character from a legacy
/// byte, or with no word that could be evidence: that covers almost all real Unicode text.
pub fn detect_legacy(s: &str) -> Option<LegacyGuess> {
    if s.is_ascii() || !s.chars().any(is_legacy_char) {
        return None;
    }
    detect_in(&to_nfc(s))
}

/// [`detect_legacy`] of a text known to be in NFC (the reader's plain Vietnamese,
/// `text::bytes::Look::plain`): the same answer, without asking again.
pub(crate) fn detect_legacy_in_nfc(s: &str) -> Option<LegacyGuess> {
    debug_assert!(super::is_nfc(s), "{s:?}");
    if s.is_ascii() || !s.chars().any(is_legacy_char) {
        return None;
    }
    detect_in(s)
}

/// [`detect_legacy`] of a text in NFC that holds a character from a legacy byte.
fn detect_in(text: &str) -> Option<LegacyGuess> {
    let candidate = |word: &str| {
        !word.is_ascii() && super::legacy_tables::all_have_bytes(word) && !is_valid_syllable(word)
    };
    if !has_word(text, candidate) {
        return None;
    }

    let shouting = is_all_capitals(text);
    let mut best: Option<(i64, Reading)> = None;
    let mut tie = false;
    for encoding in [
        LegacyEncoding::Tcvn3,
        LegacyEncoding::Vni,
        LegacyEncoding::Windows1258,
    ] {
        let reading = read_as(text, encoding, shouting);
        if !reading.is_convincing() {
            continue;
        }
        let margin = i64::from(reading.weight) - i64::from(reading.against);
        match &best {
            Some((best_margin, _)) if *best_margin > margin => {}
            Some((best_margin, _)) if *best_margin == margin => tie = true,
            _ => {
                best = Some((margin, reading));
                tie = false;
            }
        }
    }
    if tie {
        return None;
    }
    let (_, reading) = best?;
    Some(reading.decode(text))
}

/// How much a decoded word says about its encoding; see [`detect_legacy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Weak,
    Distinctive,
    Unmistakable,
}

/// What one word of the text is, read in one encoding: the unit the runs are made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// No Vietnamese as written, a syllable (or an abbreviation) once decoded: legacy.
    Legacy,
    /// A syllable as written and another once decoded ("Lê" is TCVN3's "Lờ", "Thò" VNI's
    /// "Thị"): legacy only where legacy text surrounds it.
    Either,
    /// A syllable as written that does not decode into one ("Nguyễn", "Hà"): Unicode, and the
    /// end of a legacy run.
    Unicode,
    /// Reads the same either way (ASCII, "Chí"), or as nothing: no part in a run.
    Neutral,
}

/// One word of the text with its role and, when it has one, its decoding.
struct WordReading {
    start: usize,
    end: usize,
    role: Role,
    decoded: Option<String>,
    /// The Unicode reading of an [`Role::Either`] word has a tone mark ("Hé", "Thò"); a
    /// toneless one ("Lê", "Vân", "Tô") is how Unicode writes the commonest letters.
    toned: bool,
}

/// The outcome of reading the whole text in one encoding.
struct Reading {
    encoding: LegacyEncoding,
    /// 2 per unmistakable or distinctive word, 1 per weak one.
    weight: u32,
    evidence_words: u32,
    unmistakable_words: u32,
    distinctive_words: u32,
    /// ASCII words that are Vietnamese syllables: the text around the evidence is Vietnamese.
    vietnamese_ascii_words: u32,
    /// Words that are Unicode Vietnamese and nothing else: the text is Vietnamese, and some of
    /// it was typed in Unicode.
    unicode_words: u32,
    /// Words against the encoding: the Unicode-only words above, foreign words, and words
    /// that are nothing in either reading.
    against: u32,
    words: Vec<WordReading>,
}

impl Reading {
    fn is_convincing(&self) -> bool {
        let corroborated = self.unmistakable_words > 0
            || (self.distinctive_words > 0
                && (self.evidence_words >= 2 || self.vietnamese_ascii_words > self.against))
            || (self.evidence_words >= 2 && self.vietnamese_ascii_words > 0);
        let alone = self.weight >= 2 && self.weight > self.against && corroborated;
        // Among words that can only be Unicode Vietnamese, a word that is no Vietnamese as
        // written but is a syllable once decoded is legacy pasted into Unicode text: the
        // language is settled, and no foreign word is there to explain it otherwise.
        let among_unicode =
            self.evidence_words > 0 && self.unicode_words > 0 && self.against == self.unicode_words;
        alone || among_unicode
    }

    /// The text with its legacy runs decoded, the byte ranges (in `text`) of the words
    /// decoded, and the two-way words kept next to a run: the rule of the module documentation
    /// ("Runs").
    fn decode(&self, text: &str) -> LegacyGuess {
        let mixed = self.words.iter().any(|w| w.role == Role::Unicode);
        let n = self.words.len();
        // For each word, whether a legacy word comes before / after it within its run.
        let mut before = vec![false; n];
        let mut seen = false;
        for (i, w) in self.words.iter().enumerate() {
            before[i] = seen;
            match w.role {
                Role::Legacy => seen = true,
                Role::Unicode => seen = false,
                _ => {}
            }
        }
        let mut after = vec![false; n];
        seen = false;
        for (i, w) in self.words.iter().enumerate().rev() {
            after[i] = seen;
            match w.role {
                Role::Legacy => seen = true,
                Role::Unicode => seen = false,
                _ => {}
            }
        }
        // For each word, whether a two-way word kept as Unicode (toneless, or a surname) comes
        // before it where no legacy word does: the text began in Unicode, so a toned two-way
        // word after it is Unicode too ("Công an xã Tr­êng Yªn": "xã" stays, not TCVN3's "xó").
        let mut lead_kept = vec![false; n];
        let mut kept_so_far = false;
        for (i, w) in self.words.iter().enumerate() {
            lead_kept[i] = kept_so_far;
            match w.role {
                Role::Legacy | Role::Unicode => kept_so_far = false,
                Role::Either if !before[i] && w.decoded.is_some() => {
                    let word = text.get(w.start..w.end).unwrap_or("");
                    if !w.toned || is_surname(word) {
                        kept_so_far = true;
                    }
                }
                _ => {}
            }
        }
        let title = self.encoding == LegacyEncoding::Tcvn3 && self.is_title_text(text);
        let mut out = String::with_capacity(text.len() + text.len() / 4);
        let mut ranges = Vec::new();
        let mut kept = Vec::new();
        let mut copied_to = 0;
        for (i, w) in self.words.iter().enumerate() {
            let (b, a) = (before[i], after[i]);
            let take = match w.role {
                Role::Legacy => true,
                Role::Either if mixed => b && a,
                Role::Either => {
                    b || (a
                        && w.toned
                        && !lead_kept[i]
                        && !is_surname(text.get(w.start..w.end).unwrap_or("")))
                }
                Role::Unicode | Role::Neutral => false,
            };
            let Some(d) = w.decoded.as_ref() else {
                // A word that reads the same either way ("ý"), in a name typed in TCVN3.
                if title && !mixed && Self::starts_lowered(text, w) {
                    let written = text.get(w.start..w.end).unwrap_or_default();
                    let mut chars = written.chars();
                    out.push_str(text.get(copied_to..w.start).unwrap_or_default());
                    out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                    out.push_str(chars.as_str());
                    ranges.push((w.start, w.end));
                    copied_to = w.end;
                }
                continue;
            };
            if !take {
                if w.role == Role::Either && (b || a) {
                    let written = text.get(w.start..w.end).unwrap_or_default();
                    kept.push((written.to_owned(), d.clone()));
                }
                continue;
            }
            out.push_str(text.get(copied_to..w.start).unwrap_or_default());
            if title && Self::starts_lowered(text, w) {
                let mut chars = d.chars();
                out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                out.push_str(chars.as_str());
            } else {
                out.push_str(d);
            }
            ranges.push((w.start, w.end));
            copied_to = w.end;
        }
        out.push_str(text.get(copied_to..).unwrap_or_default());
        LegacyGuess {
            encoding: self.encoding,
            decoded: out,
            words: ranges,
            kept,
        }
    }
}

impl Reading {
    /// Whether a word begins with a TCVN3 byte of a lowercase letter VN3 has no capital for:
    /// VN3 has no capitals with tone marks, so "Ánh" was typed "¸nh" (but "®ång" is "đồng":
    /// § is Đ).
    fn starts_lowered(text: &str, w: &WordReading) -> bool {
        let first = text.get(w.start..).and_then(|t| t.chars().next());
        let letter = first
            .filter(|c| !c.is_ascii())
            .and_then(byte_of)
            .and_then(tcvn3);
        letter.is_some_and(|c| c.is_lowercase() && !"ăâêôơưđ".contains(c))
    }

    /// A text whose every other word begins with a capital (a name, "Lª ThÞ ¸nh"): there a
    /// word that came out lowercase was capitalised too, in a font that had no capital for it.
    fn is_title_text(&self, text: &str) -> bool {
        let mut capitals = 0;
        for (start, end) in words(text) {
            let Some(first) = text.get(start..end).and_then(|w| w.chars().next()) else {
                continue;
            };
            if !first.is_alphabetic() {
                continue;
            }
            let lowered = self
                .words
                .binary_search_by_key(&start, |w| w.start)
                .ok()
                .and_then(|i| self.words.get(i))
                .is_some_and(|w| Self::starts_lowered(text, w));
            if lowered {
                continue;
            }
            if !first.is_uppercase() {
                return false;
            }
            capitals += 1;
        }
        capitals > 0
    }
}

fn read_as(text: &str, encoding: LegacyEncoding, shouting: bool) -> Reading {
    let mut reading = Reading {
        encoding,
        weight: 0,
        evidence_words: 0,
        unmistakable_words: 0,
        distinctive_words: 0,
        vietnamese_ascii_words: 0,
        unicode_words: 0,
        against: 0,
        words: Vec::new(),
    };
    for (start, end) in words(text) {
        let Some(word) = text.get(start..end) else {
            continue;
        };
        if word.is_ascii() {
            // Both encodings leave ASCII alone, so an ASCII word only tells the language.
            if is_foreign_ascii_word(word) {
                reading.against += 1;
            } else if word.len() >= 2 && is_native_syllable(word) {
                reading.vietnamese_ascii_words += 1;
            }
            continue;
        }
        let valid_as_is = is_valid_syllable(word);
        let decoded = match encoding {
            LegacyEncoding::Tcvn3 => decode_tcvn3(word, shouting, bounds(text, start, end)),
            LegacyEncoding::Vni => decode_vni(word),
            LegacyEncoding::Windows1258 => decode_cp1258(word),
        };
        let kind = decoded.as_ref().map_or(Kind::Invalid, |d| kind_of(&d.text));
        let mut role = Role::Neutral;
        match (kind, &decoded) {
            (Kind::Syllable { letters, native }, Some(d)) => {
                if valid_as_is {
                    if d.text != word {
                        role = Role::Either;
                    }
                } else {
                    role = Role::Legacy;
                    if native && letters >= 2 && d.telling {
                        let strength = d.strength.max(initial_strength(&d.text));
                        reading.evidence_words += 1;
                        reading.weight += if strength == Strength::Weak { 1 } else { 2 };
                        match strength {
                            Strength::Unmistakable => reading.unmistakable_words += 1,
                            Strength::Distinctive => reading.distinctive_words += 1,
                            Strength::Weak => {}
                        }
                    }
                }
            }
            (Kind::Abbreviation, Some(d)) => {
                if d.text != word {
                    role = Role::Legacy;
                }
            }
            _ => {
                if valid_as_is {
                    role = Role::Unicode;
                    reading.unicode_words += 1;
                    reading.against += 1;
                } else if !is_abbreviation(word) {
                    reading.against += 1;
                }
            }
        }
        let toned = role == Role::Either && has_tone_mark(word);
        reading.words.push(WordReading {
            start,
            end,
            role,
            decoded: decoded
                .map(|d| d.text)
                .filter(|_| matches!(role, Role::Legacy | Role::Either)),
            toned,
        });
    }
    reading
}

/// The surnames written in Unicode with Latin-1 letters and a tone mark, which TCVN3 or VNI would
/// read as another word ("Võ" is TCVN3's "Vừ", "Lò" VNI's "Lị"): a name typed in Unicode
/// before pasted legacy text begins with one of them far more often than the legacy text
/// begins with their legacy reading. (Toneless ones, "Lê", "Tô", are kept in any case.)
fn is_surname(word: &str) -> bool {
    const SURNAMES: &[&str] = &[
        "võ", "lã", "lò", "mã", "cù", "thái", "giáp", "hà", "lý", "tào", "ông",
    ];
    let lower = word.to_lowercase();
    SURNAMES.contains(&lower.as_str())
}

/// Whether a word carries one of the five tone marks.
fn has_tone_mark(word: &str) -> bool {
    Syllable::parse(word).is_some_and(|s| s.letters().iter().any(|l| l.tone.is_some()))
}

/// No Western word starts with ng or nh; Vietnamese names often do ("Nguyễn", "Ngọc").
fn initial_strength(decoded: &str) -> Strength {
    let mut chars = decoded.chars().map(|c| c.to_ascii_lowercase());
    match (chars.next(), chars.next()) {
        (Some('n'), Some('g' | 'h')) => Strength::Unmistakable,
        _ => Strength::Weak,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Syllable { letters: usize, native: bool },
    Abbreviation,
    Invalid,
}

fn kind_of(word: &str) -> Kind {
    match Syllable::parse(word) {
        Some(s) if s.has_standard_tone_position() && s.has_plain_case() => Kind::Syllable {
            letters: s.letter_count(),
            native: s.is_native_shape(),
        },
        _ if is_abbreviation(word) => Kind::Abbreviation,
        _ => Kind::Invalid,
    }
}

/// A well-formed syllable of a native shape: what an unmarked word of legacy text is (a level
/// tone, so no "-t" or "-c"; "chat" and "pin" do not count, "Nam" and "Minh" do).
fn is_native_syllable(word: &str) -> bool {
    matches!(kind_of(word), Kind::Syllable { native: true, .. })
}

/// "HĐND", "NĐ", "UBND": capitals only, at least two. Such words are no syllables in either
/// Unicode or legacy text, so they say nothing about the encoding.
fn is_abbreviation(word: &str) -> bool {
    word.chars().nth(1).is_some() && word.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
}

/// A lowercase or capitalised ASCII word of two letters or more that is no Vietnamese syllable,
/// even without its marks: a word of another language.
fn is_foreign_ascii_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    first.is_ascii_alphabetic()
        && !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_lowercase())
        && !is_valid_syllable(word)
}

/// True when the text has at least two ASCII letters and all of them are capitals: a heading,
/// typed in TCVN3 with an all-capitals font (.VnTimeH) that draws the lowercase toned bytes as
/// capitals.
fn is_all_capitals(text: &str) -> bool {
    let mut capitals = 0usize;
    for c in text.chars() {
        if c.is_ascii_lowercase() {
            return false;
        }
        if c.is_ascii_uppercase() {
            capitals += 1;
        }
    }
    capitals >= 2
}

/// Byte ranges of the words of `text`: runs of letters, digits, combining marks and characters
/// that stand for legacy bytes.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let is_word_char = |c: char| {
        // Nearly every character met is ASCII, Latin-1 or Vietnamese: answer those without the
        // Unicode property tables (× and ÷ are TCVN3 letters, so all of Latin-1 counts).
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            is_latin_or_vietnamese_letter(c)
                || c.is_alphanumeric()
                || is_combining_mark(c)
                || is_legacy_char(c)
        }
    };
    super::runs(text, is_word_char)
}

/// Whether some non-ASCII word of `text` (as [`words`] splits it) passes `test`. ASCII
/// punctuation and spaces never belong to a word, so the text is first cut at those bytes and
/// only the pieces holding a non-ASCII byte are split into words: the same words, without
/// decoding the ASCII majority of a text character by character.
fn has_word(text: &str, test: impl Fn(&str) -> bool) -> bool {
    // What each byte is to the loop below, looked up rather than worked out: it runs over the
    // head of every long text (byte by byte it was a twentieth of a check).
    const BREAK: u8 = 1;
    const WIDE: u8 = 2;
    const OTHER: u8 = 4;
    const E1: u8 = 8;
    const CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut x = 0;
        while x < 256 {
            let b = x as u8;
            t[x] = if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    0
                } else {
                    BREAK
                }
            } else if b == 0xE1 {
                WIDE | E1
            } else if b >= 0xC0 && !(b >= 0xC3 && b <= 0xC9) {
                WIDE | OTHER
            } else {
                WIDE
            };
            x += 1;
        }
        t
    };
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        // Characters from U+00C0 to U+024F (lead bytes C3-C9) and from U+1E00 to U+1EFF
        // (E1 B8-BB) are letters, so a piece made only of them and ASCII letters and digits is
        // one word: nearly every Vietnamese word, tested without decoding it. Any other lead
        // byte (OTHER, or E1 before another byte) has the piece split into words.
        let mut seen = 0;
        let mut other = false;
        while let Some(&x) = b.get(i) {
            let class = CLASS[usize::from(x)];
            if class & BREAK != 0 {
                break;
            }
            seen |= class;
            if class & E1 != 0 {
                other |= !matches!(b.get(i + 1), Some(0xB8..=0xBB));
            }
            i += 1;
        }
        let other = other || seen & OTHER != 0;
        // A break is ASCII, so `start..i` lies on character boundaries.
        if let Some(piece) = text.get(start..i).filter(|_| seen & WIDE != 0) {
            let found = if other {
                words(piece).any(|(s, e)| piece.get(s..e).is_some_and(|w| !w.is_ascii() && test(w)))
            } else {
                test(piece)
            };
            if found {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Whether the word at `start..end` begins and ends cleanly: after or before a space, the end of
/// the text or ordinary punctuation. A symbol at an edge says little when the word is glued to
/// something else ("%s·%s", "%dª").
fn bounds(text: &str, start: usize, end: usize) -> (bool, bool) {
    let clean =
        |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || ",.;:!?()[]\"'“”‘’".contains(c));
    let before = text.get(..start).and_then(|t| t.chars().next_back());
    let after = text.get(end..).and_then(|t| t.chars().next());
    (clean(before), clean(after))
}

/// One word decoded, and how much it showed of its encoding.
struct Decoded {
    text: String,
    strength: Strength,
    /// Whether the word is evidence at all: Windows-1258's Đ read as Ð is also a look-alike
    /// letter of its own (`super::chars`), which says nothing of how the rest was typed.
    telling: bool,
}

/// Whether a TCVN3 character that Unicode reads as a symbol, at this place in a word, can only
/// be a letter. Inside a word every one of them is; at an edge, only those whose letter sits
/// there and that text does not otherwise put there. Quotes (« »), ordinals (ª), signs (© ®
/// at the end, £ ¤ ¥), µ of "µm" and the superscript ¹ are ordinary at an edge.
fn symbol_is_telling(
    c: char,
    at_start: bool,
    at_end: bool,
    (clean_start, clean_end): (bool, bool),
) -> bool {
    let clean = clean_start && clean_end;
    match (at_start, at_end) {
        (false, false) => true,
        (true, true) => false,
        (true, false) => clean && matches!(c, '®' | '§' | '¸' | '¶' | '¨' | '\u{ad}'),
        (false, true) => clean && matches!(c, '·' | 'µ' | '¸' | '¶' | '¬' | '\u{ad}'),
    }
}

fn decode_tcvn3(word: &str, shouting: bool, bounds: (bool, bool)) -> Option<Decoded> {
    let mut text = String::with_capacity(word.len() * 2);
    let mut legacy_chars = 0;
    let mut telling_symbol = false;
    let mut capital_inside = false;
    let mut odd_after_consonant = false;
    let mut small_legacy = false;
    let mut smalls = 0;
    let (mut ascii_capitals, mut ascii_smalls, mut legacy_capitals) = (0, 0, 0);
    let mut chars = word.chars().peekable();
    let mut previous: Option<char> = None;
    while let Some(c) = chars.next() {
        let at_start = previous.is_none();
        let at_end = chars.peek().is_none();
        let after_consonant =
            previous.is_some_and(|p| p.is_ascii_alphabetic() && !is_vowel(p.to_ascii_lowercase()));
        previous = Some(c);
        smalls += usize::from(c.is_lowercase());
        if c.is_ascii() {
            ascii_capitals += usize::from(c.is_ascii_uppercase());
            ascii_smalls += usize::from(c.is_ascii_lowercase());
            text.push(c);
            continue;
        }
        let letter = tcvn3(byte_of(c)?)?;
        text.push(letter);
        legacy_chars += 1;
        legacy_capitals += usize::from(letter.is_uppercase());
        // ª, º and µ are letters to Unicode, but no language writes them inside a word.
        let symbol = !c.is_alphabetic() || matches!(c, 'ª' | 'º' | 'µ');
        telling_symbol |= symbol && symbol_is_telling(c, at_start, at_end, bounds);
        // VN3's toned vowels include capital Latin-1 letters, which then sit inside a
        // lowercase word: "NguyÔn", "LÝnh".
        capital_inside |= c.is_uppercase() && !at_start;
        // French writes ï only after a vowel, Spanish ñ mostly so, German ß always so; after a
        // consonant they are TCVN3's ù, ủ and ò ("Bïi" is Bùi). Not ë: Albanian "të", "në".
        odd_after_consonant |= after_consonant && matches!(c, 'ï' | 'ñ' | 'ß');
        small_legacy |= c.is_lowercase();
    }
    // In an all-capitals font the lowercase toned bytes are drawn as capitals: "CéNG" is "CỘNG",
    // "§¦í" (no ASCII letter, two of VN3's seven capitals) is "ĐƯỚ".
    let capitals = ascii_capitals + legacy_capitals;
    let capitals_font = ascii_smalls == 0 && (capitals >= 2 || shouting);
    if capitals_font {
        text = text.to_uppercase();
    }
    let unmistakable = telling_symbol
        || (capital_inside && smalls > 0)
        || odd_after_consonant
        || legacy_chars >= 2
        || (capitals_font && small_legacy && capitals >= 2);
    Some(Decoded {
        text,
        strength: if unmistakable {
            Strength::Unmistakable
        } else {
            Strength::Weak
        },
        telling: true,
    })
}

fn decode_vni(word: &str) -> Option<Decoded> {
    let mut text = String::with_capacity(word.len() * 2);
    let mut pending: Option<Letter> = None;
    let mut legacy_chars = 0;
    let mut strength = Strength::Weak;
    let mut rest = word.chars();
    while let Some(c) = rest.next() {
        if c.is_ascii() {
            if let Some(letter) = pending.take() {
                text.push(letter.to_char()?);
            }
            match Letter::from_base(c) {
                Some(letter) => pending = Some(letter),
                None => text.push(c),
            }
            continue;
        }
        legacy_chars += 1;
        let following = rest.as_str();
        match vni(byte_of(c)?)? {
            VniByte::Letter(letter) => {
                // German and Swedish never write ö before u, i or ng; Vietnamese writes ư
                // before them all the time ("Löu" is Lưu, "Höng" Hưng). Before a it is
                // Swedish too ("köa").
                if letter.ch == 'ư' {
                    if starts_with_any(following, &["u", "i", "ng"]) {
                        strength = Strength::Unmistakable;
                    } else if starts_with_any(following, &["a"]) {
                        strength = strength.max(Strength::Distinctive);
                    }
                }
                if let Some(previous) = pending.replace(letter) {
                    text.push(previous.to_char()?);
                }
            }
            VniByte::Mark {
                modifier,
                tone,
                upper,
            } => {
                // A mark needs a letter before it, of its own case, that can take it; VNI types
                // i with a tone as one byte, so a mark after i is not VNI.
                let mut letter = pending.take()?;
                if letter.upper != upper {
                    return None;
                }
                if let Some(modifier) = modifier {
                    if letter.tone.is_some() {
                        return None;
                    }
                    // Spanish "aún", "Raúl" put ú after a, which VNI reads as ẳ.
                    let spanish = letter.ch == 'a' && matches!(c, 'ú' | 'Ú');
                    letter.ch = modifier.apply(letter.ch)?;
                    if !spanish {
                        strength = strength.max(Strength::Distinctive);
                    }
                }
                if let Some(tone) = tone {
                    if letter.tone.is_some() || !is_vowel(letter.ch) || letter.ch == 'i' {
                        return None;
                    }
                    // No language puts ø or õ after a vowel, nor ù or û after a vowel other
                    // than o (French "où", "goût"); ï after a vowel is French ("Loïc") unless
                    // an ending French never writes follows.
                    let telling = match c {
                        'ø' | 'õ' | 'Ø' | 'Õ' => true,
                        'ù' | 'û' | 'Ù' | 'Û' => letter.ch != 'o',
                        'ï' | 'Ï' => starts_with_any(
                            following,
                            &["m", "p", "t", "ch", "ng", "nh", "i", "u", "y", "o"],
                        ),
                        _ => false,
                    };
                    if telling {
                        strength = Strength::Unmistakable;
                    }
                    letter.tone = Some(tone);
                }
                pending = Some(letter);
            }
        }
    }
    if let Some(letter) = pending {
        text.push(letter.to_char()?);
    }
    if legacy_chars >= 2 {
        strength = Strength::Unmistakable;
    }
    Some(Decoded {
        text,
        strength,
        telling: true,
    })
}

/// A word of Windows-1258 bytes read as Windows-1252 or Latin-1. Its tone marks are bytes of
/// their own (CC, D2, DE, EC, F2: Ì Ò Þ ì ò) after the letter they sit on, which no language
/// writes after a vowel; its Ă Ơ Ư Đ and ă ơ ư đ are Ã Õ Ý Ð and ã õ ý ð.
fn decode_cp1258(word: &str) -> Option<Decoded> {
    let mut raw = String::with_capacity(word.len() + 4);
    let mut legacy_chars = 0;
    let mut telling = false;
    let mut mark_after_vowel = false;
    let mut previous: Option<char> = None;
    for c in word.chars() {
        let d = super::cp1258::char_of(byte_of(c)?)?;
        raw.push(d);
        if d != c {
            legacy_chars += 1;
            let mark = is_combining_mark(d);
            mark_after_vowel |=
                mark && previous.is_some_and(|p| is_vowel(p.to_ascii_lowercase()) || !p.is_ascii());
            telling |= !matches!(d, 'Đ' | 'đ');
        }
        previous = Some(c);
    }
    let text = to_nfc(&raw).into_owned();
    let strength = if mark_after_vowel || legacy_chars >= 2 {
        Strength::Unmistakable
    } else {
        Strength::Weak
    };
    Some(Decoded {
        text,
        strength,
        telling,
    })
}

fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|prefix| {
        text.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    })
}

#[cfg(test)]
mod tests;
