//! The one integration-test binary (one binary links faster than one per file).

// Helpers outside `#[test]` functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod attacks;
mod check_advice;
mod clerk;
mod clerk_edit;
mod clerk_qa;
mod clerk_words;
mod cli;
mod draft;
mod edit;
mod export;
mod fixture_snapshots;
mod fixtures;
mod hidden_names;
mod hostile;
mod import;
mod junit_schema;
mod limits;
mod lookalike_names;
mod output;
mod pack;
mod packsafety;
mod rawzip;
mod read_ods;
mod readme;
mod rule_sets;
mod util;
mod yaml_suite;
