//! A reading problem handed over instead of reported: the reader cannot tell alone whether an
//! odd character in an attachment's name is a slip or part of the file's real name, so it holds
//! the finding for the attachment check. Its own file because the reader (`reader.rs`), the
//! character pass (`lint.rs`) and the loader (`load.rs`) all pass it on, and none of them owns it.

use crate::diag::Finding;
use crate::source::Span;

/// An attachment name (`dinh_kem`) written with a character the clerk cannot tell from
/// another: an invisible one (VB004), a letter of another script that looks Latin (VB005), or
/// letters in decomposed form (VB001). The documents hold the name cleaned, as every text;
/// whether the odd character was a slip of the keyboard (the file on disk is named without it)
/// or is part of the file's real name (then the name the checks read finds no file) shows only
/// against the folder, so the reader holds the finding back for the attachment check, which
/// gives it or one finding about the name in its place. One name may have several.
#[derive(Debug, Clone)]
pub struct HeldName {
    /// The YAML file.
    pub file: String,
    /// The value's place: the attachment's `at`.
    pub at: Span,
    /// The name as written, invisible characters included.
    pub raw: String,
    /// The finding the reader would have given (VB004, VB005 or VB001).
    pub finding: Finding,
}
