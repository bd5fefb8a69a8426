//! The rules: a closed registry ([`registry`]) and the checks that fire them, one module per
//! family, run by [`check::check_dossier`].

mod attachments;
pub mod basis;
pub mod check;
mod consistency;
mod content;
mod dates;
pub mod docs;
pub mod names;
mod portable;
mod printable;
pub mod registry;
mod structure;
pub mod symbols;
mod votes;

pub use attachments::{normalise as normalise_path, on_disk, sniff, Sniffed};
pub use registry::{Rule, RuleInfo};
pub use structure::criteria_finding;
