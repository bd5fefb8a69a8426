//! A text style, in a file of its own: the flow (`layout`) and the line breaker (`wrap`) both
//! measure with it, and neither should import the other for it (they did, a circle).

use super::fonts::Face;

/// A text style: face, size and the distance from one baseline to the next.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub(crate) face: Face,
    pub(crate) size: f32,
    pub(crate) leading: f32,
}

impl Style {
    pub(crate) const fn new(face: Face, size: f32, line_spacing: f32) -> Style {
        Style {
            face,
            size,
            leading: size * line_spacing,
        }
    }
}
