//! The one integration-test binary (one binary links faster than one per file).

// Helpers outside `#[test]` functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod clerk;
mod clerk_edit;
mod cli;
mod edit;
mod fixtures;
mod hostile;
mod junit_schema;
mod output;
mod pack;
mod rule_sets;
mod util;
mod yaml_suite;
