//! Breaking text into lines of a given width.
//!
//! Table cells and paragraphs are filled greedily: a line takes words while they fit, and a
//! word is cut only when it alone is wider than the line (a long file path). Centred headings
//! are different: a typist breaks "ỦY BAN NHÂN DÂN XÃ NINH HẢI" as "ỦY BAN NHÂN DÂN / XÃ NINH
//! HẢI", never "ỦY BAN NHÂN DÂN XÃ NINH / HẢI" with a lone word, and never between "NHÂN" and
//! "DÂN" just to make two lines even. [`heading`] breaks a name in capitals where a clerk would
//! (between words that belong apart, preferably before "VÀ" or an administrative unit, see
//! [`clerk_breaks`]), and other headings as a pyramid. The DOCX asks the same function for the
//! same lines, so both files break a name alike.

mod clerk;
#[cfg(test)]
mod tests;

use clerk::clerk_breaks;

use super::fonts::Fonts;
use super::style::Style;

/// Break `text` into lines no wider than `width` points (the first `indent` narrower): at
/// spaces, and inside a word only when the word alone is too wide. Widths add up glyph by glyph
/// (no kerning, exact advances: see `Fonts::advance`), so each character is measured once and a huge input wraps in linear time.
/// Always at least one line, possibly empty.
pub(crate) fn wrap(
    fonts: &Fonts,
    style: Style,
    text: &str,
    width: f32,
    indent: f32,
) -> Vec<String> {
    // Work in thousandths of an em, the unit glyph advances come in.
    let units = |w: f32| w / style.size * 1000.0;
    let room = |lines: &Vec<String>| {
        units(if lines.is_empty() {
            width - indent
        } else {
            width
        })
    };
    let advance = |c: char| fonts.advance(style.face, c);
    let space = advance(' ');
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_width = 0.0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word_width: f32 = word.chars().map(advance).sum();
        if !current.is_empty() && current_width + space + word_width <= room(&lines) {
            current.push(' ');
            current.push_str(word);
            current_width += space + word_width;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // The word starts a line: cut it where it must be cut, if it is too wide.
        current_width = 0.0;
        // Where the piece may break softly, and the width of what follows that point.
        let mut soft_break: Option<(usize, f32)> = None;
        let mut start = 0;
        for (i, c) in word.char_indices() {
            let w = advance(c);
            if current_width + w > room(&lines) && i > start {
                // After the last `/`, `_` or `.` of the piece, or before its last `-`, if
                // there is one (paths, file names and symbols read best broken there), else
                // before this character.
                let (at, carried) = soft_break.unwrap_or((i, 0.0));
                lines.push(word[start..at].to_owned());
                start = at;
                current_width = carried;
                soft_break = None;
            }
            current_width += w;
            if matches!(c, '/' | '_' | '.') {
                soft_break = Some((i + c.len_utf8(), 0.0));
            } else if c == '-' && i > start {
                // Before a hyphen, so the hyphen starts the next line: a line ending in one
                // reads as a word hyphenated by the layout, and text extraction (pdftotext)
                // drops it, joining `nhan-dan-` `xa` into `nhan-danxa`.
                soft_break = Some((i, w));
            } else if let Some((_, carried)) = soft_break.as_mut() {
                *carried += w;
            }
        }
        current = word[start..].to_owned();
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// Break a paragraph of running text as Word and LibreOffice break it: at spaces, and also
/// after a hyphen inside a word ("COVID-" / "19", "NĐ-" / "CP") when the whole word does not
/// fit at the end of a line but its part up to the hyphen does. The drafts' paragraphs are
/// wrapped so, that their DOCX breaks at the same places; the cover list keeps [`wrap`], whose
/// file names must not end a line in a hyphen.
pub(crate) fn wrap_text(
    fonts: &Fonts,
    style: Style,
    text: &str,
    width: f32,
    indent: f32,
) -> Vec<String> {
    let measure = |s: &str| fonts.width(style.face, style.size, s);
    let space = measure(" ");
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_width = 0.0_f32;
    let room = |lines: &Vec<String>| {
        if lines.is_empty() {
            width - indent
        } else {
            width
        }
    };
    let mut words: std::collections::VecDeque<String> = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    while let Some(word) = words.pop_front() {
        let w = measure(&word);
        let lead = if current.is_empty() { 0.0 } else { space };
        if current_width + lead + w <= room(&lines) {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(&word);
            current_width += lead + w;
            continue;
        }
        // The longest part up to a hyphen inside the word that still fits on this line.
        let cut = word
            .char_indices()
            .filter(|&(i, c)| {
                // '-' is one byte: `i + 1` is the next character's boundary.
                let before = word.get(..i).and_then(|b| b.chars().next_back());
                let after = word.get(i + 1..).and_then(|a| a.chars().next());
                c == '-'
                    && before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric)
            })
            .map(|(i, _)| i + 1)
            .filter(|&end| {
                word.get(..end)
                    .is_some_and(|head| current_width + lead + measure(head) <= room(&lines))
            })
            .max();
        if let Some((head, tail)) = cut.and_then(|end| word.get(..end).zip(word.get(end..))) {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(head);
            lines.push(std::mem::take(&mut current));
            current_width = 0.0;
            words.push_front(tail.to_owned());
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            current_width = 0.0;
            words.push_front(word);
            continue;
        }
        // Alone and too wide: cut as `wrap` cuts it.
        let mut pieces = wrap(
            fonts,
            style,
            &word,
            width,
            if lines.is_empty() { indent } else { 0.0 },
        );
        let last = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
        current_width = measure(&last);
        current = last;
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// Most words and lines a heading is searched for its best shape; beyond that (a body name of
/// a hundred words is not a heading anyone typed) it is wrapped like a paragraph.
const MAX_HEADING_WORDS: usize = 40;
const MAX_HEADING_LINES: usize = 4;

/// Break a centred heading into as few lines as `width` allows, shaped as a pyramid: each line
/// no wider than the one above it, and the top line as short as that allows. When no pyramid
/// fits (a long word at the end), lines are as even as the count allows instead.
///
/// A heading is broken as a clerk breaks it ([`clerk_breaks`]): a name in capitals, and a
/// summary in sentence case alike ("… của Chủ / tịch" was the pyramid's); the pyramid is the
/// fallback when no such break fits.
pub(crate) fn heading(fonts: &Fonts, style: Style, text: &str, width: f32) -> Vec<String> {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let measure = |s: &str| fonts.width(style.face, style.size, s);
    if let Some(lines) = clerk_breaks(&words, width, &measure) {
        return lines;
    }
    pyramid(fonts, style, text, width)
}

/// The pyramid: see [`heading`].
fn pyramid(fonts: &Fonts, style: Style, text: &str, width: f32) -> Vec<String> {
    let lines = wrap(fonts, style, text, width, 0.0);
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    if lines.len() < 2 || words.len() > MAX_HEADING_WORDS || lines.len() > MAX_HEADING_LINES {
        return lines;
    }
    let widths: Vec<f32> = words
        .iter()
        .map(|w| fonts.width(style.face, style.size, w))
        .collect();
    let space = fonts.width(style.face, style.size, " ");
    let mut search = Pyramid {
        widths: &widths,
        space,
        best: None,
        ends: Vec::new(),
    };
    search.run(0, lines.len(), width);
    match search.best {
        Some((_, ends)) => {
            let mut out = Vec::with_capacity(ends.len());
            let mut start = 0;
            for end in ends {
                out.push(words[start..end].join(" "));
                start = end;
            }
            out
        }
        None => even(fonts, style, text, width, lines.len()),
    }
}
/// Greedy lines at the narrowest width that still gives `count` lines.
fn even(fonts: &Fonts, style: Style, text: &str, width: f32, count: usize) -> Vec<String> {
    let (mut lo, mut hi) = (0.0_f32, width);
    for _ in 0..24 {
        let mid = (lo + hi) / 2.0;
        if wrap(fonts, style, text, mid, 0.0).len() <= count {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    wrap(fonts, style, text, hi, 0.0)
}

/// Exhaustive search for the pyramid: small enough (see the limits above) to try every split.
struct Pyramid<'a> {
    widths: &'a [f32],
    space: f32,
    /// The best so far: its top line's width and where each line ends.
    best: Option<(f32, Vec<usize>)>,
    /// Where the lines placed so far end.
    ends: Vec<usize>,
}

impl Pyramid<'_> {
    /// Place `lines` lines over the words from `start`, none wider than `cap`.
    fn run(&mut self, start: usize, lines: usize, cap: f32) {
        let n = self.widths.len();
        if lines == 1 {
            if self.span(start, n) <= cap {
                let top = self
                    .ends
                    .first()
                    .map_or(self.span(start, n), |&e| self.span(0, e));
                if self.best.as_ref().is_none_or(|(w, _)| top < *w) {
                    let mut ends = self.ends.clone();
                    ends.push(n);
                    self.best = Some((top, ends));
                }
            }
            return;
        }
        // Leave at least one word for each remaining line.
        for end in start + 1..=n.saturating_sub(lines - 1) {
            let w = self.span(start, end);
            if w > cap {
                break;
            }
            self.ends.push(end);
            self.run(end, lines - 1, w);
            self.ends.pop();
        }
    }

    /// Width of words `start..end` set on one line.
    fn span(&self, start: usize, end: usize) -> f32 {
        let words: f32 = self.widths[start..end].iter().sum();
        words + self.space * (end - start).saturating_sub(1) as f32
    }
}
