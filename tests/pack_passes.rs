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

/// A minimal PDF whose page tree says `pages`.
fn pdf_of(pages: u32) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count {pages} >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    .into_bytes()
}

/// Wait for the pack to make `flag` (it is paused there), do `change`, let it go on.
#[cfg(unix)]
fn at_pause(child: &mut std::process::Child, flag: &std::path::Path, change: impl FnOnce()) {
    let started = std::time::Instant::now();
    while !flag.exists() {
        assert!(child.try_wait().unwrap().is_none(), "the pack ended first");
        assert!(started.elapsed() < std::time::Duration::from_secs(60));
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    change();
    fs::remove_file(flag).unwrap();
}

/// A scan that is a link inside the dossier, re-pointed to another file for the page count and
/// back before the copy (the link's target unchanged, so every stamp agrees): the counts were
/// paired with the hash of the bytes streamed, and the bundle went out with the other file's
/// pages on its cover list, which `verify` then refused (#21, fresh eyes: 21 of 93 bundles). The
/// count is now paired with the hash of the bytes counted: exit 1, no bundle.
#[cfg(unix)]
#[test]
fn a_link_re_pointed_between_the_count_and_the_copy_gives_no_bundle() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let hs = dir.path().join("hs");
    copy_tree(&repo().join(EXAMPLE), &hs);
    fs::create_dir_all(hs.join("quet")).unwrap();
    fs::write(hs.join("quet/a.pdf"), pdf_of(3)).unwrap();
    fs::write(hs.join("quet/b.pdf"), pdf_of(12)).unwrap();
    let scan = hs.join(SCAN);
    fs::remove_file(&scan).unwrap();
    symlink("../quet/a.pdf", &scan).unwrap();
    let point = |to: &str| {
        let tmp = hs.join("dinh-kem/.moi");
        symlink(to, &tmp).unwrap();
        fs::rename(&tmp, &scan).unwrap();
    };
    fs::create_dir_all(dir.path().join("out")).unwrap();
    let (count_flag, stream_flag) = (dir.path().join("count"), dir.path().join("stream"));
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dossier"))
        .current_dir(dir.path())
        .args(["pack", "--today", TODAY, "hs", "-o", "out"])
        .env("DOSSIER_TEST_PAUSE_BEFORE_COUNT", &count_flag)
        .env("DOSSIER_TEST_PAUSE_BEFORE_STREAM", &stream_flag)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    at_pause(&mut child, &count_flag, || point("../quet/b.pdf"));
    at_pause(&mut child, &stream_flag, || point("../quet/a.pdf"));
    let o = child.wait_with_output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(o.status.code(), Some(1), "{said}");
    assert!(said.contains("Chưa đóng gói"), "{said}");
    let out: Vec<_> = fs::read_dir(dir.path().join("out")).unwrap().collect();
    assert!(out.is_empty(), "no bundle: {out:?}\n{said}");
}
