//! A dossier: finding dossier folders, reading one into typed documents.

pub mod discover;
pub mod documents;
mod lint;
pub mod load;
pub mod model;
pub(crate) mod reader;
pub(crate) mod syntax;
mod wording;

pub use load::{load, Dossier, HeldName, SourceText};
