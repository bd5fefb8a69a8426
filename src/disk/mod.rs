//! Writing to the clerk's disk so that nothing is ever half done (issue #17).
//!
//! A dossier is several files, and the commands that write (`init`, `add`, `remove`, `fix`,
//! `import`, `draft`, `export`, `pack`) must leave it entirely as before or entirely as after,
//! whatever stops them: a refusal, a full disk, a size limit (`ulimit -f`), a signal, a kill, a
//! second writer. This module is the plumbing they share:
//!
//! - [`links`]: no command reads or writes through a symbolic link inside a dossier;
//! - [`cleanup`]: temporary files and folders registered before they are made, removed on any
//!   catchable ending of the process;
//! - [`lock`]: one writer at a time on a dossier;
//! - [`journal`]: a command's writes committed as one transaction, rolled forward by the next
//!   command after a kill.

pub mod cleanup;
pub mod journal;
pub mod links;
pub mod lock;
pub mod session;

mod error;
pub use error::{already_exists, DiskError};
