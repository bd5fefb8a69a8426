//! The pages: each field's text fitted and placed in its frame, one page per awardee; and the
//! calibration page, which draws the frames, a millimetre ruler and corner crosses for the
//! office to hold against a blank.
//!
//! Everything is laid out in PDF points from the paper's bottom-left corner (the layout's
//! millimetres from the top-left, plus the printer's offset), as `page::layout::Item`s, and
//! written by the page engine's serialiser on the layout's paper, so the fonts are the embedded
//! Tinos faces and the bytes are the same on every run.

use crate::page::fonts::{Face, Fonts};
use crate::page::layout::{Item, ASCENT, DESCENT, MM};

use super::fit::{fit, Fitted};
use super::layout::{Align, Field, Layout};

/// The face of a field.
fn face(f: &Field) -> Face {
    match (f.bold, f.italic) {
        (false, false) => Face::Regular,
        (true, false) => Face::Bold,
        (false, true) => Face::Italic,
        (true, true) => Face::BoldItalic,
    }
}

/// Where the page's millimetres are, in points from the bottom-left corner.
pub(super) struct Paper {
    height: f32,
    offset: (f32, f32),
}

impl Paper {
    pub(super) fn of(layout: &Layout) -> Paper {
        Paper {
            height: layout.height,
            offset: layout.offset,
        }
    }

    /// x in points of `x` mm from the left edge.
    fn x(&self, x: f32) -> f32 {
        (x + self.offset.0) * MM
    }

    /// y in points of `y` mm from the top edge.
    fn y(&self, y: f32) -> f32 {
        (self.height - y - self.offset.1) * MM
    }
}

/// Fit `text` (already printable) into the field; None when it cannot fit.
pub(super) fn fit_field(fonts: &Fonts, f: &Field, text: &str) -> Option<Fitted> {
    let face = face(f);
    let measure = |size: f32, t: &str| fonts.width(face, size, t);
    fit(
        &measure,
        text,
        f.width * MM,
        f.size,
        f.min_size,
        f.lines as usize,
    )
}

/// The text items of a fitted field.
pub(super) fn place(fonts: &Fonts, paper: &Paper, f: &Field, fitted: &Fitted, out: &mut Vec<Item>) {
    let face = face(f);
    let left = paper.x(f.x);
    let width = f.width * MM;
    let mut baseline = paper.y(f.y);
    for line in &fitted.lines {
        let w = fonts.width(face, fitted.size, line);
        let x = match f.align {
            Align::Trai => left,
            Align::Giua => left + (width - w) / 2.0,
            Align::Phai => left + width - w,
        };
        if !line.is_empty() {
            out.push(Item::Text {
                face,
                size: fitted.size,
                x,
                y: baseline,
                text: line.clone(),
            });
        }
        baseline -= Field::leading(fitted.size);
    }
}

fn rule(out: &mut Vec<Item>, x1: f32, y1: f32, x2: f32, y2: f32) {
    out.push(Item::Rule { x1, y1, x2, y2 });
}

/// The frame a field may print in at its largest size: from the top of its first line to the
/// bottom of its last.
fn frame(paper: &Paper, f: &Field, out: &mut Vec<Item>) {
    let (l, r) = (paper.x(f.x), paper.x(f.x + f.width));
    let base = paper.y(f.y);
    let top = base + ASCENT * f.size;
    let bottom =
        base - DESCENT * f.size - (f.lines.saturating_sub(1)) as f32 * Field::leading(f.size);
    rule(out, l, top, r, top);
    rule(out, r, top, r, bottom);
    rule(out, r, bottom, l, bottom);
    rule(out, l, bottom, l, top);
    // The baseline, dotted as the blank's line is: short dashes every 2 mm.
    let mut x = l;
    while x < r {
        rule(out, x, base, (x + 0.6 * MM).min(r), base);
        x += 2.0 * MM;
    }
}

fn small(out: &mut Vec<Item>, x: f32, y: f32, text: String) {
    out.push(Item::Text {
        face: Face::Regular,
        size: 6.0,
        x,
        y,
        text,
    });
}

/// The calibration page's drawing beyond the fields' texts: each frame with its key, position
/// and sizes over it, a ruler along the top and the left edge (a tick each 5 mm, a number each
/// 20 mm), crosses 10 mm in from each corner, and a note of what to do with it.
pub(super) fn calibration_marks(layout: &Layout, file_note: &str, out: &mut Vec<Item>) {
    let paper = Paper::of(layout);
    for f in &layout.fields {
        frame(&paper, f, out);
        let top = paper.y(f.y) + ASCENT * f.size;
        small(
            out,
            paper.x(f.x),
            top + 1.5,
            format!(
                "{}  x {} y {} rong {}  {}/{} pt",
                f.name.key(),
                f.x,
                f.y,
                f.width,
                f.size,
                f.min_size
            ),
        );
    }
    let (w, h) = (layout.width, layout.height);
    // Steps of the ruler: bounded by the paper's size (at most 600 mm / 5).
    let mut mm = 0u32;
    while (mm as f32) <= w {
        let long = if mm.is_multiple_of(10) { 4.0 } else { 2.0 };
        let x = paper.x(mm as f32);
        rule(out, x, paper.y(0.0), x, paper.y(long));
        if mm.is_multiple_of(20) && mm > 0 {
            small(out, x + 0.5, paper.y(6.5), mm.to_string());
        }
        mm += 5;
    }
    let mut mm = 0u32;
    while (mm as f32) <= h {
        let long = if mm.is_multiple_of(10) { 4.0 } else { 2.0 };
        let y = paper.y(mm as f32);
        rule(out, paper.x(0.0), y, paper.x(long), y);
        if mm.is_multiple_of(20) && mm > 0 {
            small(out, paper.x(5.0), y - 2.0, mm.to_string());
        }
        mm += 5;
    }
    for (cx, cy) in [
        (10.0, 10.0),
        (w - 10.0, 10.0),
        (10.0, h - 10.0),
        (w - 10.0, h - 10.0),
    ] {
        rule(
            out,
            paper.x(cx - 4.0),
            paper.y(cy),
            paper.x(cx + 4.0),
            paper.y(cy),
        );
        rule(
            out,
            paper.x(cx),
            paper.y(cy - 4.0),
            paper.x(cx),
            paper.y(cy + 4.0),
        );
    }
    small(out, paper.x(16.0), paper.y(h - 4.0), file_note.to_owned());
}
