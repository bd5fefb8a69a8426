//! The rules: a closed registry ([`registry`]), their families ([`family`]: from a rule id's
//! prefix to the modules whose checks fire it), and the checks, run by
//! [`check::check_dossier`]. Not every family has a module of its own yet (the text family is
//! read where the documents are read): `Family::modules` says where each one is.

mod addressee;
pub mod against;
mod attachments;
pub mod basis;
pub mod check;
mod content;
pub mod context;
mod dates;
pub mod docs;
mod fields;
mod links;
pub mod names;
mod nominees;
pub mod places;
mod portable;
pub mod scans;
mod signatures;
mod structure;
pub mod symbols;
mod text;
mod votes;

// The portability rule names files as the attachment rule does.
use crate::dossier::files::normalise_path;
// The registry and the families are plain data about ids, kept at the bottom beside `Finding`
// (#20): the reader and the office settings name ids without reaching up into the checks.
pub use crate::diag::{family, rule as registry};
pub use crate::diag::{Family, Rule, RuleInfo};
pub use structure::criteria_finding;
