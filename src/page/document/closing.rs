//! The closing of a Decree 30 document: "Nơi nhận" with its list at the left (or a second
//! signature), the signature block at the right, laid out side by side and kept on one page.
//!
//! Split from the document's body (`super`) because it is laid out as two columns with their own
//! measure: its height is asked before it is drawn, so that the text before it goes with it.

use super::{CLOSING_ABOVE, RECIPIENTS, RECIPIENTS_LABEL, SIGN, SIGN_NOTE, SIGN_ROOM};
use crate::page::fonts::Fonts;
use crate::page::layout::{
    baseline_offset, Align, Flow, Style, MARGIN_LEFT, TEXT_BOTTOM, TEXT_TOP, TEXT_WIDTH,
};
use crate::page::model::Signature;
use crate::page::wrap;

/// Lines of a signature block and their styles, top to bottom, with the room to sign.
fn signature_lines(fonts: &Fonts, s: &Signature, width: f32) -> Vec<(Style, String)> {
    let mut out = Vec::new();
    // A line may hold two authority lines ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"): each is
    // its own line, as the DOCX prints it.
    for l in s.lines.iter().flat_map(|l| l.split('\n')) {
        let l = fonts.printable(&l.to_uppercase());
        if l.is_empty() {
            continue;
        }
        for line in wrap::heading(fonts, SIGN, &l, width) {
            out.push((SIGN, line));
        }
    }
    if let Some(n) = &s.note {
        out.push((SIGN_NOTE, fonts.printable(n)));
    }
    out.push((SIGN, String::new()));
    out.push((SIGN, fonts.printable(&s.name)));
    out
}

/// The closing's two columns: (left lines, right lines, the name's distance under the top,
/// the block's height).
type ClosingLayout = (Vec<(Style, String)>, Vec<(Style, String)>, f32, f32);

fn closing_layout(
    flow: &Flow<'_>,
    recipients: &[String],
    right: &Signature,
    left: Option<&Signature>,
) -> ClosingLayout {
    let half = TEXT_WIDTH / 2.0;
    let right_lines = signature_lines(flow.fonts, right, half);
    let left_lines: Vec<(Style, String)> = match left {
        Some(s) => signature_lines(flow.fonts, s, half),
        None if recipients.is_empty() => Vec::new(),
        None => {
            let mut v = vec![(RECIPIENTS_LABEL, "Nơi nhận:".to_owned())];
            for r in recipients {
                let r = flow.fonts.printable(r);
                for line in flow.wrap(RECIPIENTS, &r, half - 10.0, 0.0) {
                    v.push((RECIPIENTS, line));
                }
            }
            v
        }
    };
    // Both signers' names sit on one line, under the room left after the taller heading.
    let above = |lines: &[(Style, String)]| -> f32 {
        lines
            .iter()
            .take(lines.len().saturating_sub(1))
            .map(|(s, _)| s.leading)
            .sum()
    };
    let mut name_top = above(&right_lines);
    if left.is_some() {
        name_top = name_top.max(above(&left_lines));
    }
    name_top += SIGN_ROOM - SIGN.leading;
    let recipients_height: f32 = left_lines.iter().map(|(s, _)| s.leading).sum();
    let height = (name_top + SIGN.leading).max(if left.is_some() {
        0.0
    } else {
        recipients_height
    });
    (left_lines, right_lines, name_top, height)
}

/// The closing's height, as `closing` lays it out.
pub(super) fn closing_height(
    flow: &Flow<'_>,
    recipients: &[String],
    right: &Signature,
    left: Option<&Signature>,
) -> f32 {
    closing_layout(flow, recipients, right, left).3
}

/// Recipients (or a second signature) left, the signature right, kept together on one page.
pub(super) fn closing(
    flow: &mut Flow<'_>,
    recipients: &[String],
    right: &Signature,
    left: Option<&Signature>,
) {
    let half = TEXT_WIDTH / 2.0;
    let (left_lines, right_lines, name_top, height) = closing_layout(flow, recipients, right, left);
    flow.y -= CLOSING_ABOVE;
    flow.keep(height.min(TEXT_TOP - TEXT_BOTTOM));
    let top = flow.y;
    draw_column(
        flow,
        &right_lines,
        MARGIN_LEFT + half,
        half,
        Some(name_top),
        top,
    );
    let left_name = left.is_some().then_some(name_top);
    draw_column(flow, &left_lines, MARGIN_LEFT, half, left_name, top);
    flow.y = top - height;
}

/// One column of the closing block: lines from `top` down; for a signature (`name_top` given),
/// centred, and the last line (the name) at `name_top` below `top`.
fn draw_column(
    flow: &mut Flow<'_>,
    lines: &[(Style, String)],
    left: f32,
    width: f32,
    name_top: Option<f32>,
    top: f32,
) {
    let mut y = top;
    let n = lines.len();
    for (i, (style, text)) in lines.iter().enumerate() {
        if let (Some(at), true) = (name_top, i + 1 == n) {
            y = top - at;
        }
        let baseline = y - baseline_offset(*style);
        let align = if name_top.is_some() {
            Align::Centre
        } else {
            Align::Left
        };
        flow.line(*style, align, left, width, baseline, text);
        y -= style.leading;
    }
}
