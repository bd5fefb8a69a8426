//! The one integration-test binary (one binary links faster than one per file).

// Helpers outside `#[test]` functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod attack_readers;
mod attacks;
mod check_advice;
mod clerk;
mod clerk_edit;
mod clerk_qa;
mod clerk_words;
mod cli;
mod docx_schema;
mod draft;
mod edit;
mod export;
mod fixture_snapshots;
mod fixtures;
mod format_fields;
mod fresh_eyes;
mod hidden_names;
mod hostile;
mod hostile_lists;
mod hostile_xlsx;
mod import;
mod import_layouts;
mod junit_schema;
mod legacy_fix;
mod limits;
mod links;
mod lookalike_names;
mod output;
mod pack;
mod packsafety;
mod rawzip;
mod read_ods;
mod read_xls;
mod read_xlsx;
mod readme;
mod rule_sets;
mod tester_s5;
mod transactions;
mod transactions_attack;
mod unchosen_rule_set;
mod util;
mod writers_stop;
mod yaml_suite;
