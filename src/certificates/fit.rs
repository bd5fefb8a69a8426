//! Fitting a text into a field's frame: a long name shrinks, then wraps, and is never clipped.
//!
//! A certificate with a name cut off at the frame, or running over the blank's border, is a
//! certificate printed again on a new blank (which the office counts). So the text is measured
//! with the embedded font's own advances (`page::fonts`), the same numbers the PDF carries: first
//! at the field's size and smaller, by half points, down to its smallest size on the lines the
//! text has; then, where the field allows more lines, wrapped at spaces from the largest size
//! down; and when nothing fits, the caller refuses the run naming the row.

/// How a text is set in its frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// The size, points.
    pub size: f32,
    /// The lines, top to bottom.
    pub lines: Vec<String>,
}

/// The sizes tried, largest first: `size`, then half points down to `min` (at most 137 steps
/// with the layout's bounds).
fn sizes(size: f32, min: f32) -> impl Iterator<Item = f32> {
    let steps = ((size - min) / 0.5).floor().max(0.0) as u32;
    (0..=steps)
        .map(move |i| size - 0.5 * i as f32)
        .chain(std::iter::once(min))
        .filter(move |s| *s >= min)
}

/// Fit `text` (its `\n` are lines of their own) into `width` points at `size` down to `min`,
/// on at most `max_lines` lines; `measure(size, line)` is the width of a line. None when it
/// cannot fit.
pub fn fit(
    measure: &dyn Fn(f32, &str) -> f32,
    text: &str,
    width: f32,
    size: f32,
    min: f32,
    max_lines: usize,
) -> Option<Fitted> {
    let given: Vec<&str> = text.split('\n').collect();
    if given.len() <= max_lines {
        for s in sizes(size, min) {
            if given.iter().all(|l| measure(s, l) <= width) {
                return Some(Fitted {
                    size: s,
                    lines: given.iter().map(|l| (*l).to_owned()).collect(),
                });
            }
        }
    }
    if given.len() >= max_lines {
        return None;
    }
    for s in sizes(size, min) {
        let mut lines = Vec::new();
        let mut ok = true;
        let spare = max_lines - given.len();
        let mut used = 0;
        for l in &given {
            match wrap(&|t| measure(s, t), l, width, spare - used + 1) {
                Some(w) => {
                    used += w.len() - 1;
                    lines.extend(w);
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok && lines.len() <= max_lines {
            return Some(Fitted { size: s, lines });
        }
    }
    None
}

/// `line` broken at spaces into at most `most` lines no wider than `width`: two lines as even
/// as they can be (a name is read better as "Nguyễn Thị / Minh Khai" than with one word left
/// over), more by filling each line in turn. None when it cannot.
fn wrap(measure: &dyn Fn(&str) -> f32, line: &str, width: f32, most: usize) -> Option<Vec<String>> {
    if measure(line) <= width {
        return Some(vec![line.to_owned()]);
    }
    let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
    if most < 2 || words.len() < 2 {
        return None;
    }
    if most == 2 {
        let mut best: Option<(f32, Vec<String>)> = None;
        for cut in 1..words.len() {
            let (a, b) = (words[..cut].join(" "), words[cut..].join(" "));
            let (wa, wb) = (measure(&a), measure(&b));
            if wa <= width && wb <= width {
                let worst = wa.max(wb);
                if best.as_ref().is_none_or(|(w, _)| worst < *w) {
                    best = Some((worst, vec![a, b]));
                }
            }
        }
        return best.map(|(_, l)| l);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for w in words {
        let candidate = if current.is_empty() {
            w.to_owned()
        } else {
            format!("{current} {w}")
        };
        if measure(&candidate) <= width {
            current = candidate;
        } else {
            if current.is_empty() || measure(w) > width {
                return None;
            }
            lines.push(std::mem::take(&mut current));
            current = w.to_owned();
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    (lines.len() <= most).then_some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character half an em wide.
    fn m(size: f32, t: &str) -> f32 {
        t.chars().count() as f32 * size * 0.5
    }

    #[test]
    fn a_text_that_fits_keeps_its_size() {
        let f = fit(&m, "Ông Nguyễn Văn An", 200.0, 20.0, 14.0, 1).unwrap();
        assert_eq!(f.size, 20.0);
        assert_eq!(f.lines, vec!["Ông Nguyễn Văn An"]);
    }

    #[test]
    fn a_long_name_shrinks_by_half_points_to_the_largest_size_that_fits() {
        // 20 characters: 10 pt each at 20 pt = 200; the frame 170 → 17 pt.
        let t = "abcdefghij klmnopqrs";
        let f = fit(&m, t, 170.0, 20.0, 12.0, 1).unwrap();
        assert_eq!(f.size, 17.0);
        assert!(m(f.size, t) <= 170.0);
    }

    #[test]
    fn past_the_smallest_size_it_wraps_evenly_or_is_refused() {
        let t = "Nguyễn Thị Minh Khai Hoàng Phương";
        let f = fit(&m, t, 200.0, 20.0, 16.0, 2).unwrap();
        assert_eq!(f.size, 20.0);
        assert_eq!(f.lines, vec!["Nguyễn Thị Minh", "Khai Hoàng Phương"]);
        assert!(f.lines.iter().all(|l| m(f.size, l) <= 200.0));
        // One line only: refused, never clipped.
        assert_eq!(fit(&m, t, 200.0, 20.0, 16.0, 1), None);
        // A word wider than the frame at the smallest size: refused.
        assert_eq!(fit(&m, &"x".repeat(60), 200.0, 20.0, 10.0, 3), None);
    }

    #[test]
    fn given_lines_are_kept_and_counted() {
        let f = fit(&m, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", 200.0, 14.0, 14.0, 2).unwrap();
        assert_eq!(f.lines.len(), 2);
        assert_eq!(fit(&m, "a\nb\nc", 200.0, 14.0, 14.0, 2), None);
        // Three lines allowed: the long one of two wraps.
        let f = fit(
            &m,
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH ỦY BAN NHÂN DÂN",
            150.0,
            14.0,
            14.0,
            3,
        )
        .unwrap();
        assert_eq!(f.lines.len(), 3);
    }

    #[test]
    fn sizes_are_bounded_and_end_at_the_smallest() {
        let all: Vec<f32> = sizes(72.0, 4.0).collect();
        assert!(all.len() <= 138);
        assert_eq!(all.first(), Some(&72.0));
        assert_eq!(all.last(), Some(&4.0));
        let odd: Vec<f32> = sizes(13.0, 12.3).collect();
        assert_eq!(odd, vec![13.0, 12.5, 12.3]);
    }
}
