//! `dossier`: check and pack Vietnamese commendation proposal dossiers.
//!
//! The library holds everything; the `dossier` binary only parses arguments and calls
//! [`cli::run`]. Its layers point one way (`layers.rs` says which, and a test holds them).

pub mod certificates;
pub mod cli;
pub mod config;
pub mod criteria;
pub mod date;
pub mod diag;
pub mod disk;
pub mod dossier;
pub mod draft;
pub mod edit;
pub mod export;
pub mod import;
mod layers;
pub mod pack;
pub mod page;
pub mod render;
pub mod review;
pub mod rules;
pub mod source;
pub mod store;
#[cfg(test)]
mod testing;
pub mod text;
pub mod verify;
pub mod yaml;
