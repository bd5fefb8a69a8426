//! The one integration-test binary (one binary links faster than one per file).

mod cli;
mod fixtures;
mod hostile;
mod output;
mod util;
