//! The rules: a closed registry ([`registry`]), their families ([`family`]: from a rule id's
//! prefix to the modules whose checks fire it), and the checks, run by
//! [`check::check_dossier`]. Not every family has a module of its own yet (the text family is
//! read where the documents are read): `Family::modules` says where each one is.

mod addressee;
mod attachments;
pub mod basis;
pub mod check;
mod content;
mod dates;
pub mod docs;
pub mod family;
mod fields;
mod links;
pub mod names;
mod nominees;
pub mod places;
mod portable;
pub mod registry;
pub mod scans;
mod signatures;
mod structure;
pub mod symbols;
mod text;
mod votes;

// The portability rule names files as the attachment rule does.
use crate::dossier::files::normalise_path;
pub use family::Family;
pub use registry::{Rule, RuleInfo};
pub use structure::criteria_finding;
