//! `pack` reads its scans as few times as it can (#21) without giving up what
//! `docs/security.md` promises: the read-back of the written bundle takes the page counts made
//! for the cover list instead of counting again, but only for an entry whose bytes hash as the
//! ones counted; any other bytes get no count, and their cover list no longer matches (GO007).

use std::fs;

use dossier::rules::check::Against;
use sha2::{Digest, Sha256};

use crate::util::{copy_tree, dossier, repo, TODAY};

const EXAMPLE: &str = "examples/01-giay-khen-chuyen-de-truong-yen";
const SCAN: &str = "dinh-kem/to-trinh.pdf";

/// Example 01 packed to `goi.zip` in a scratch folder; the scan's SHA-256 and page count.
fn packed() -> (tempfile::TempDir, String, Option<u64>) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join(EXAMPLE), &dir.path().join("hs"));
    let o = dossier(
        dir.path(),
        &["pack", "--today", TODAY, "hs", "-o", "goi.zip"],
    );
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let bytes = fs::read(dir.path().join("hs").join(SCAN)).unwrap();
    let sha = hex(&Sha256::digest(&bytes));
    let pages = dossier::pack::pages::count(&bytes).flatten();
    assert!(pages.is_some_and(|p| p > 0), "the example's scan has pages");
    (dir, sha, pages)
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn rules(dir: &std::path::Path, counted: &dossier::verify::Counted) -> Vec<String> {
    let catalog = dossier::criteria::Catalog::builtin().unwrap();
    let today = dossier::date::Date::parse(TODAY).unwrap();
    let checked = dossier::verify::verify_counted(
        &dir.join("goi.zip"),
        &Against::new(&catalog, today),
        counted,
    )
    .unwrap();
    checked
        .findings
        .iter()
        .map(|f| f.rule.info().id.to_owned())
        .collect()
}

#[test]
fn the_read_back_takes_the_counts_made_of_the_same_bytes() {
    let (dir, sha, pages) = packed();
    let one = |sha: &str, pages: Option<u64>| {
        let mut c = dossier::verify::Counted::new();
        c.insert(SCAN.to_owned(), (sha.to_owned(), pages));
        c
    };
    // The count pack made, for the bytes it streamed: the bundle verifies as without it.
    assert!(rules(dir.path(), &one(&sha, pages)).is_empty());
    assert!(rules(dir.path(), &dossier::verify::Counted::new()).is_empty());
    // A count given for the same bytes is the one used (not counted again): a wrong one shows.
    let wrong = pages.map(|p| p + 1);
    assert_eq!(rules(dir.path(), &one(&sha, wrong)), ["GO007"]);
    // A count made of other bytes is not used: the entry has no count, the list no match.
    let other = "0".repeat(64);
    assert_eq!(rules(dir.path(), &one(&other, pages)), ["GO007"]);
}
