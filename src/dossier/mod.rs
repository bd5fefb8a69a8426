//! A dossier: finding dossier folders, reading one into typed documents.
//!
//! # Why reading makes findings itself
//!
//! Reading a dossier fires rules: the reader (`reader.rs`) gives HS003-HS006, HS015, NG001,
//! VB001 and VB002, the loader (`load.rs`) HS002, HS005, HS011, HS013 and HS014, and the
//! character pass (`lint.rs`) HS002, HS017 and VB004-VB007. They name rule ids
//! ([`crate::diag::Rule`], plain data at the bottom of the layers since #20, beside
//! [`crate::diag::Finding`]), never a check. Issue #9 asked for typed
//! problems that the rules layer would turn into findings; they were weighed and not made, for
//! these reasons:
//!
//! - Each of these findings is about how a value was written, and its words need what only the
//!   reader holds at that moment: the field's path (`xac_nhan.ngay`), the parser's place, the
//!   text before it is cleaned and put in NFC, the decoded legacy text, the day-first reading
//!   of a date, the did-you-mean among the keys of that group. A typed problem would have to
//!   carry every one of these facts, about thirty kinds of them, to a layer that does nothing
//!   with them but write the same sentence: two definitions for each message instead of one,
//!   and no second user of the problems to pay for it.
//! - The reader also decides what the later checks see (a cleaned name, a value left out after
//!   HS006, counts not compared after HS005): the finding and that decision are one step, and
//!   splitting them would let the two drift apart.
//! - Speed is not the reason: a typed problem costs no second pass over the files.
//!
//! Where a reading problem can only be judged against something else, it is handed over
//! instead of reported: an invisible character in an attachment's name ([`HeldName`]) is for
//! the attachment check to call VB004 or DK006, since only the folder tells which. A new
//! problem of that kind should follow that way; a rule that needs nothing but the text as
//! written stays here, next to the reading, and `rules::Family::modules` names these files so
//! a rule id still leads to its check.

pub mod authority;
pub mod copies;
pub mod discover;
pub mod documents;
pub mod files;
mod held;
mod lint;
pub mod load;
pub mod model;
pub mod place;
pub(crate) mod reader;
pub(crate) mod syntax;
pub(crate) mod wording;

pub use held::HeldName;
pub use load::{load, Dossier, SourceText};
