//! Faults a fresh pair of eyes found in the commands of #17, each with the test that showed it.

use std::fs;
use std::path::Path;

use dossier::yaml::tree::{parse, Problem};

use crate::util::dossier;

/// Every file under `dir` with its bytes, to show a refusal changed nothing.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                v.push((rel, fs::read(&p).unwrap()));
            }
        }
    }
    v.sort();
    v
}

fn too_complex(text: &str) -> bool {
    parse(text)
        .problems
        .iter()
        .any(|p| matches!(p, Problem::TooComplex { .. }))
}

/// A dossier whose list fills `to-trinh.yaml` to check's node limit (100,000): `add` said
/// "cannot be edited safely … edit the file by hand", and a clerk who did so would write a file
/// check refuses. It must say the dossier is full, and write nothing.
#[test]
fn add_to_a_full_dossier_says_it_is_full_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("hs");
    let o = dossier(tmp.path(), &["init", d.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let path = d.join("to-trinh.yaml");
    let template = fs::read_to_string(&path).unwrap();
    let head = &template[..template.find("danh_sach:").unwrap()];
    let with = |k: usize| {
        let mut t = format!("{head}danh_sach:\n");
        for i in 0..k {
            t.push_str(&format!("  - ma: x{i}\n    ten: A\n"));
        }
        t
    };
    // The longest list under the limit: one more item passes it.
    let (mut lo, mut hi) = (1usize, 40_000usize);
    assert!(!too_complex(&with(lo)) && too_complex(&with(hi)));
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if too_complex(&with(mid)) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    fs::write(&path, with(lo)).unwrap();
    let before = snapshot(&d);
    for (lang, words, wrong) in [
        ("vi", "quá lớn để lệnh check đọc được", "bằng tay"),
        ("en", "too large for the check to read", "edited safely"),
    ] {
        let o = dossier(
            tmp.path(),
            &[
                "add",
                d.to_str().unwrap(),
                "--ten",
                "Lê Văn Mới",
                "--doi-tuong",
                "ca_nhan",
                "--lang",
                lang,
            ],
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains(words) && !err.contains(wrong), "{err}");
        assert!(err.contains("to-trinh.yaml"), "{err}");
        assert_eq!(snapshot(&d), before, "a refusal changed the dossier");
    }
}
