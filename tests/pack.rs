//! `dossier pack` and `dossier verify`: reproducible bundles, atomic writes, and a receiving
//! office that catches every kind of tampering.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::util::{copy_tree, dossier, repo, rules_of, Scratch, TODAY};

fn pack(s: &Scratch, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["pack", "--today", TODAY, "hs", "-o", "out"];
    args.extend_from_slice(extra);
    fs::create_dir_all(s.dir.path().join("out")).unwrap();
    s.run(&args)
}

fn bundle_in(dir: &Path) -> PathBuf {
    let zips: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "zip"))
        .collect();
    assert_eq!(zips.len(), 1, "{zips:?}");
    zips[0].clone()
}

fn verify(cwd: &Path, bundle: &Path) -> (i32, serde_json::Value) {
    let o = dossier(
        cwd,
        &[
            "verify",
            "--format",
            "json",
            "--today",
            TODAY,
            bundle.to_str().unwrap(),
        ],
    );
    let json = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
    (o.status.code().unwrap(), json)
}

/// A change to one entry: its new name and bytes, or several entries, or none.
type Edit = dyn Fn(&str, Vec<u8>) -> Vec<(String, Vec<u8>)>;

/// Rewrite a zip entry by entry, letting `edit` change, drop (None) or add entries.
fn rewrite(src: &Path, dst: &Path, edit: impl Fn(&str, Vec<u8>) -> Vec<(String, Vec<u8>)>) {
    let mut a = zip::ZipArchive::new(fs::File::open(src).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(fs::File::create(dst).unwrap());
    for i in 0..a.len() {
        let mut f = a.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        for (n, b) in edit(&name, bytes) {
            w.start_file(n, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(&b).unwrap();
        }
    }
    w.finish().unwrap();
}

#[test]
fn pack_writes_a_bundle_that_verifies() {
    let s = Scratch::base();
    let o = pack(&s, &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Đã đóng gói hồ sơ:")
            && out.contains("Gửi 01 bộ hồ sơ tới: Phòng Nội vụ huyện Hoa Lư."),
        "{out}"
    );
    let b = bundle_in(&s.dir.path().join("out"));
    assert!(b.file_name().unwrap().to_str().unwrap().is_ascii());
    let (code, json) = verify(s.dir.path(), &b);
    assert_eq!((code, rules_of(&json)), (0, Vec::<String>::new()), "{json}");
    // The office can also check an extracted copy with sha256sum alone: every line is hash + name.
    let mut a = zip::ZipArchive::new(fs::File::open(&b).unwrap()).unwrap();
    let names: Vec<String> = a.file_names().map(|n| n.unwrap().into_owned()).collect();
    assert_eq!(names.first().map(String::as_str), Some("DANH-MUC.pdf"));
    assert_eq!(names.last().map(String::as_str), Some("SHA256SUMS"));
    let mut manifest = String::new();
    a.by_name("SHA256SUMS")
        .unwrap()
        .read_to_string(&mut manifest)
        .unwrap();
    let hash_lines = manifest.lines().filter(|l| !l.starts_with('#')).count();
    assert_eq!(hash_lines, names.len() - 1);
}

#[test]
fn same_dossier_same_bytes_whatever_the_order_and_clock() {
    let s = Scratch::base();
    pack(&s, &[]);
    let first = fs::read(bundle_in(&s.dir.path().join("out"))).unwrap();
    // Pack again into another folder: byte-identical.
    fs::remove_dir_all(s.dir.path().join("out")).unwrap();
    pack(&s, &[]);
    assert_eq!(
        first,
        fs::read(bundle_in(&s.dir.path().join("out"))).unwrap()
    );
    // A copy made file by file in reverse order, with other modification times, on another day.
    let t = tempfile::tempdir().unwrap();
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(s.hs())
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files.reverse();
    for f in files {
        let rel = f.strip_prefix(s.hs()).unwrap();
        let to = t.path().join("hs").join(rel);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::write(&to, fs::read(&f).unwrap()).unwrap();
        let when =
            std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
        fs::File::options()
            .write(true)
            .open(&to)
            .unwrap()
            .set_modified(when)
            .unwrap();
    }
    fs::create_dir_all(t.path().join("out")).unwrap();
    let o = dossier(
        t.path(),
        &["pack", "--today", "2030-01-01", "hs", "-o", "out"],
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(first, fs::read(bundle_in(&t.path().join("out"))).unwrap());
}

#[test]
fn existing_bundle_needs_force_and_output_can_be_a_file() {
    let s = Scratch::base();
    assert_eq!(pack(&s, &[]).status.code(), Some(0));
    let o = pack(&s, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_eq!(pack(&s, &["--force"]).status.code(), Some(0));
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "goi.zip"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(s.dir.path().join("goi.zip").is_file());
}

#[test]
fn dossier_with_errors_leaves_nothing() {
    let s = Scratch::base();
    s.edit("bien-ban.yaml", "ngay: 2021-", "ngay: 2099-");
    let o = pack(&s, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("NG002"));
    assert_eq!(fs::read_dir(s.dir.path().join("out")).unwrap().count(), 0);
    // Warnings pack, unless denied.
    let s = Scratch::base();
    s.write("dinh-kem/extra.pdf", b"%PDF-1.4\n");
    let o = pack(&s, &["--deny-warnings"]);
    assert_eq!(o.status.code(), Some(1));
    // Warnings only: the clerk is told to fix the warnings, not errors there are none of.
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("Sửa các lỗi và cảnh báo nêu trên"), "{e}");
    let o = pack(&s, &["--deny-warnings", "--lang", "en"]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("Fix the errors and warnings above"), "{e}");
    assert_eq!(fs::read_dir(s.dir.path().join("out")).unwrap().count(), 0);
    let o = pack(&s, &[]);
    assert_eq!(o.status.code(), Some(0));
    // The unreferenced file stays behind.
    let b = bundle_in(&s.dir.path().join("out"));
    let a = zip::ZipArchive::new(fs::File::open(&b).unwrap()).unwrap();
    assert!(!a.file_names().any(|n| n.unwrap() == "dinh-kem/extra.pdf"));
}

#[test]
fn pack_never_writes_into_the_dossier() {
    let s = Scratch::base();
    let list = |d: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        let mut v: Vec<_> = walkdir::WalkDir::new(d)
            .into_iter()
            .map(|e| e.unwrap().into_path())
            .map(|p| {
                let b = if p.is_file() {
                    fs::read(&p).unwrap()
                } else {
                    Vec::new()
                };
                (p, b)
            })
            .collect();
        v.sort();
        v
    };
    let before = list(&s.hs());
    assert_eq!(pack(&s, &[]).status.code(), Some(0));
    assert_eq!(before, list(&s.hs()));
}

fn packed() -> (Scratch, PathBuf) {
    let s = Scratch::base();
    assert_eq!(pack(&s, &[]).status.code(), Some(0));
    let b = bundle_in(&s.dir.path().join("out"));
    (s, b)
}

#[test]
fn verify_names_each_kind_of_tampering() {
    let (s, b) = packed();
    let t = s.dir.path().join("t.zip");
    let cases: Vec<(&str, Box<Edit>, Vec<&str>)> = vec![
        (
            "one byte changed",
            Box::new(|n: &str, mut v: Vec<u8>| {
                if n == "bien-ban.yaml" {
                    let i = v.len() - 2;
                    v[i] ^= 1;
                }
                vec![(n.to_owned(), v)]
            }),
            vec!["GO005"],
        ),
        (
            "file dropped",
            Box::new(|n: &str, v: Vec<u8>| {
                if n.starts_with("dinh-kem/") {
                    vec![]
                } else {
                    vec![(n.to_owned(), v)]
                }
            }),
            vec!["GO004"],
        ),
        (
            "file added",
            Box::new(|n: &str, v: Vec<u8>| {
                let mut out = vec![(n.to_owned(), v)];
                if n == "ho-so.yaml" {
                    out.push(("them.txt".to_owned(), b"x".to_vec()));
                }
                out
            }),
            vec!["GO006"],
        ),
        (
            "file renamed",
            Box::new(|n: &str, v: Vec<u8>| {
                let n = if n.starts_with("dinh-kem/") {
                    n.replace("dinh-kem/", "dinh-kem/x-")
                } else {
                    n.to_owned()
                };
                vec![(n, v)]
            }),
            vec!["GO004", "GO006"],
        ),
        (
            "cover list replaced",
            Box::new(|n: &str, v: Vec<u8>| {
                if n == "DANH-MUC.pdf" {
                    vec![(n.to_owned(), b"%PDF-1.4 other".to_vec())]
                } else {
                    vec![(n.to_owned(), v)]
                }
            }),
            vec!["GO005", "GO007"],
        ),
    ];
    for (what, edit, want) in cases {
        rewrite(&b, &t, edit);
        let (code, json) = verify(s.dir.path(), &t);
        assert_eq!(code, 1, "{what}");
        let got = rules_of(&json);
        for w in &want {
            assert!(
                got.contains(&(*w).to_owned()),
                "{what}: want {w}, got {got:?}"
            );
        }
        let files: Vec<&str> = json["dossiers"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["file"].as_str().unwrap())
            .collect();
        assert!(!files.is_empty(), "{what}: findings name no file");
    }
}

#[test]
fn a_missing_or_malformed_manifest_is_go003() {
    let (s, b) = packed();
    let t = s.dir.path().join("t.zip");
    // No manifest: nothing proves the dossier intact; every other entry is then unlisted.
    rewrite(&b, &t, |n, v| {
        if n == "SHA256SUMS" {
            vec![]
        } else {
            vec![(n.to_owned(), v)]
        }
    });
    let (code, json) = verify(s.dir.path(), &t);
    assert_eq!(code, 1);
    let go003: Vec<&serde_json::Value> = json["dossiers"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "GO003")
        .collect();
    assert_eq!(go003.len(), 1, "{json}");
    assert_eq!(go003[0]["file"], "SHA256SUMS");
    assert!(
        go003[0]["message"]
            .as_str()
            .unwrap()
            .contains("không có bảng kê SHA256SUMS"),
        "{json}"
    );
    // A line that is not `<sha256>  <path>`: named by its line.
    rewrite(&b, &t, |n, v| {
        if n == "SHA256SUMS" {
            let mut text = String::from_utf8(v).unwrap();
            text.push_str("not a hash line\n");
            vec![(n.to_owned(), text.into_bytes())]
        } else {
            vec![(n.to_owned(), v)]
        }
    });
    let (code, json) = verify(s.dir.path(), &t);
    assert_eq!(code, 1);
    let f = json["dossiers"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "GO003")
        .unwrap_or_else(|| panic!("{json}"))
        .clone();
    assert!(
        f["message"].as_str().unwrap().contains("not a hash line"),
        "{f}"
    );
    assert!(f["line"].as_u64().unwrap() > 1, "{f}");
}

#[test]
fn verify_refuses_unsafe_names_and_bombs_without_inflating() {
    let (s, b) = packed();
    let t = s.dir.path().join("evil.zip");
    rewrite(&b, &t, |n, v| {
        let mut out = vec![(n.to_owned(), v)];
        if n == "ho-so.yaml" {
            out.push(("../../etc/cron.d/x".to_owned(), b"x".to_vec()));
            out.push(("/abs.yaml".to_owned(), b"x".to_vec()));
            out.push(("dinh-kem\\..\\..\\x.pdf".to_owned(), b"x".to_vec()));
        }
        out
    });
    let (code, json) = verify(s.dir.path(), &t);
    assert_eq!(code, 1);
    let go001 = json["dossiers"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "GO001")
        .count();
    assert_eq!(go001, 3, "{json}");

    // A bomb: an entry that declares 3 GiB in the central directory.
    let mut bytes = fs::read(&b).unwrap();
    let eocd = bytes
        .windows(4)
        .rposition(|w| w == [0x50, 0x4b, 0x05, 0x06])
        .unwrap();
    let cd = u32::from_le_bytes(bytes[eocd + 16..eocd + 20].try_into().unwrap()) as usize;
    bytes[cd + 24..cd + 28].copy_from_slice(&0xC000_0000u32.to_le_bytes());
    fs::write(&t, &bytes).unwrap();
    let started = std::time::Instant::now();
    let (code, json) = verify(s.dir.path(), &t);
    assert!(started.elapsed().as_secs() < 20);
    assert_eq!(code, 1);
    assert!(rules_of(&json).contains(&"GO008".to_owned()), "{json}");

    // Not a zip at all: exit 2.
    fs::write(&t, b"PK\x03\x04 not really").unwrap();
    let o = dossier(s.dir.path(), &["verify", t.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("không phải tệp zip"));
}

#[test]
fn duplicate_names_are_named() {
    let (s, b) = packed();
    let t = s.dir.path().join("dup.zip");
    // The zip library refuses to write duplicates, so patch a second name into an existing one.
    rewrite(&b, &t, |n, v| {
        if n == "ho-so.yaml" {
            vec![(n.to_owned(), v.clone()), ("ho-so.yamX".to_owned(), v)]
        } else {
            vec![(n.to_owned(), v)]
        }
    });
    let mut bytes = fs::read(&t).unwrap();
    let mut i = 0;
    while let Some(p) = bytes[i..].windows(10).position(|w| w == b"ho-so.yamX") {
        bytes[i + p + 9] = b'l';
        i += p + 10;
    }
    fs::write(&t, &bytes).unwrap();
    let (code, json) = verify(s.dir.path(), &t);
    assert_eq!(code, 1);
    assert!(rules_of(&json).contains(&"GO002".to_owned()), "{json}");
}

/// A dossier with a 400 MB scan, and `dossier pack` started on it: still writing for a while.
fn spawn_big_pack(s: &Scratch) -> std::process::Child {
    let scan = s.hs().join("dinh-kem/to-trinh.pdf");
    let mut f = fs::File::options().append(true).open(&scan).unwrap();
    let chunk = vec![7u8; 1 << 20];
    for _ in 0..400 {
        f.write_all(&chunk).unwrap();
    }
    drop(f);
    fs::create_dir_all(s.dir.path().join("out")).unwrap();
    std::process::Command::new(assert_cmd::cargo::cargo_bin("dossier"))
        .current_dir(s.dir.path())
        .args(["pack", "--today", TODAY, "hs", "-o", "out"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn interrupted_pack_leaves_no_bundle() {
    let s = Scratch::base();
    // A large scan, so the pack is still writing when it is killed.
    let mut child = spawn_big_pack(&s);
    std::thread::sleep(std::time::Duration::from_millis(300));
    let finished = child.try_wait().unwrap().is_some();
    child.kill().ok();
    child.wait().unwrap();
    let zips = fs::read_dir(s.dir.path().join("out"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "zip")
        })
        .count();
    if finished {
        eprintln!("note: the pack finished before it could be interrupted; nothing to assert");
    } else {
        assert_eq!(zips, 0, "a bundle appeared although the pack was killed");
    }
}

#[cfg(unix)]
#[test]
fn terminated_pack_cleans_up_its_temporary_file() {
    let s = Scratch::base();
    let mut child = spawn_big_pack(&s);
    // Wait until the temporary file exists, then ask the process to stop.
    let started = std::time::Instant::now();
    let mut saw_partial = false;
    while started.elapsed() < std::time::Duration::from_secs(20) {
        // The temporary bundle is written in a staging folder `.dossier-pack-PID-N` (#17).
        if fs::read_dir(s.dir.path().join("out")).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".dossier-pack-")
        }) {
            saw_partial = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    if !saw_partial {
        child.wait().unwrap();
        eprintln!("note: the pack finished before it could be interrupted; nothing to assert");
        return;
    }
    std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    let left: Vec<String> = fs::read_dir(s.dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    if status.code() == Some(0) {
        eprintln!("note: the pack completed before the signal arrived");
        return;
    }
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn shipped_examples_pack_and_verify() {
    let t = tempfile::tempdir().unwrap();
    for ex in [
        "01-giay-khen-chuyen-de-truong-yen",
        "02-giay-khen-dot-xuat-ninh-hai",
        "03-bang-khen-tinh-huyen-hoa-lu",
    ] {
        copy_tree(&repo().join("examples").join(ex), &t.path().join(ex));
        let o = dossier(t.path(), &["pack", "--today", TODAY, ex, "-o", "."]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{ex}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let o = dossier(
        t.path(),
        &[
            "--lang",
            "en",
            "pack",
            "--today",
            TODAY,
            "03-bang-khen-tinh-huyen-hoa-lu",
            "-o",
            "x.zip",
        ],
    );
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("Send 02 copies to: Sở Y tế tỉnh Ninh Bình."),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    for e in fs::read_dir(t.path()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "zip") {
            let (code, json) = verify(t.path(), &p);
            assert_eq!(code, 0, "{}: {json}", p.display());
        }
    }
}

#[test]
fn pack_follows_the_office_configuration() {
    let s = Scratch::base();
    s.write("dinh-kem/extra.pdf", b"%PDF-1.4\n");
    // The office treats unreferenced files as errors: the pack stops.
    fs::write(
        s.dir.path().join(".dossier.yaml"),
        "phien_ban: 1\nmuc_do:\n  DK004: error\n",
    )
    .unwrap();
    let o = pack(&s, &[]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains(".dossier.yaml"));
    assert_eq!(fs::read_dir(s.dir.path().join("out")).unwrap().count(), 0);
    // And with --no-config it packs (a warning only).
    assert_eq!(pack(&s, &["--no-config"]).status.code(), Some(0));
}

#[test]
fn verify_follows_the_receiving_office_configuration() {
    let s = Scratch::base();
    // A character the cover list cannot print: a warning, so the bundle is made.
    let tt = s
        .read("to-trinh.yaml")
        .replace("dia_danh: \"Trường Yên\"", "dia_danh: \"Trường Yên ✓\"");
    s.write("to-trinh.yaml", tt);
    assert_eq!(pack(&s, &[]).status.code(), Some(0));
    let out = s.dir.path().join("out");
    let bundle = bundle_in(&out);
    let (code, json) = verify(s.dir.path(), &bundle);
    assert_eq!(code, 0);
    assert_eq!(rules_of(&json), vec!["VB003".to_owned()]);

    // The receiving office keeps a .dossier.yaml where bundles arrive, raising it to an error.
    fs::write(
        out.join(".dossier.yaml"),
        "phien_ban: 1\nmuc_do:\n  VB003: error\n",
    )
    .unwrap();
    let o = dossier(
        s.dir.path(),
        &["verify", "--today", TODAY, bundle.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Dùng tệp cấu hình: "));
    assert!(String::from_utf8_lossy(&o.stdout).contains("lỗi[VB003]"));
    let o = dossier(
        s.dir.path(),
        &[
            "verify",
            "--no-config",
            "--today",
            TODAY,
            bundle.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0));

    // Whether a bundle is whole is not a preference: a bundle rule cannot be switched off.
    fs::write(
        out.join(".dossier.yaml"),
        "phien_ban: 1\nmuc_do:\n  GO005: off\n",
    )
    .unwrap();
    let o = dossier(
        s.dir.path(),
        &["verify", "--today", TODAY, bundle.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(".dossier.yaml:3:3")
            && err.contains("GO005")
            && err.contains("không đổi được mức"),
        "{err}"
    );
}

#[test]
fn pack_makes_the_folder_named_with_a_final_slash() {
    // The README's `dossier pack hs -o out/` on a fresh machine, where out/ does not exist yet.
    let s = Scratch::base();
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "out/"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    bundle_in(&s.dir.path().join("out"));
    // Not inside the dossier, even as a folder still to be made.
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "hs/moi/"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!s.hs().join("moi").exists());
    // A failing dossier makes no folder.
    s.edit("to-trinh.yaml", "ngay: 2021-10-25", "ngay: 2021-13-25");
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "khac/"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!s.dir.path().join("khac").exists());
}

/// A PDF of `n` pages written by hand: one object per page, a page tree root that says `n`.
fn pdf_of(n: usize) -> Vec<u8> {
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", i + 3)).collect();
    let mut s = format!(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [{}] /Count {n} >>\nendobj\n",
        kids.join(" ")
    );
    for i in 0..n {
        s.push_str(&format!(
            "{} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n",
            i + 3
        ));
    }
    s.push_str("trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    s.into_bytes()
}

/// A PDF whose catalog, page tree and `n` pages all sit in one FlateDecode object stream (as
/// `qpdf --object-streams=generate` writes them): no `/Type /Page` in its raw bytes at all.
fn pdf_with_object_stream(n: usize) -> Vec<u8> {
    let mut objs = vec![
        (1, "<< /Type /Catalog /Pages 2 0 R >>".to_owned()),
        (2, format!("<< /Type /Pages /Kids [] /Count {n} >>")),
    ];
    objs.extend((0..n).map(|i| (i + 3, "<< /Type /Page /Parent 2 0 R >>".to_owned())));
    let (mut header, mut body) = (String::new(), String::new());
    for (num, text) in &objs {
        header.push_str(&format!("{num} {} ", body.len()));
        body.push_str(text);
        body.push('\n');
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(format!("{header}{body}").as_bytes()).unwrap();
    let data = z.finish().unwrap();
    let mut pdf = format!(
        "%PDF-1.5\n{} 0 obj\n<< /Type /ObjStm /N {} /First {} /Filter /FlateDecode /Length {} >>\nstream\r\n",
        n + 3,
        objs.len(),
        header.len(),
        data.len()
    )
    .into_bytes();
    pdf.extend_from_slice(&data);
    pdf.extend_from_slice(b"\r\nendstream\nendobj\n%%EOF\n");
    assert!(!pdf.windows(10).any(|w| w == b"/Type /Pag"));
    pdf
}

/// The cover list's text by pdftotext, or None where poppler-utils is absent (not under CI).
fn cover_text(bundle: &Path, scratch: &Path) -> Option<String> {
    let mut a = zip::ZipArchive::new(fs::File::open(bundle).unwrap()).unwrap();
    let mut pdf = Vec::new();
    a.by_name("DANH-MUC.pdf")
        .unwrap()
        .read_to_end(&mut pdf)
        .unwrap();
    let path = scratch.join("cover.pdf");
    fs::write(&path, pdf).unwrap();
    let Ok(o) = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
    else {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext is missing under CI: install poppler-utils"
        );
        return None;
    };
    Some(
        String::from_utf8_lossy(&o.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

#[test]
fn the_cover_list_gives_each_pdfs_pages() {
    let s = Scratch::base();
    s.write("dinh-kem/to-trinh.pdf", pdf_of(3));
    s.write("dinh-kem/bien-ban.pdf", pdf_with_object_stream(4));
    s.write("dinh-kem/bao-cao-hoa.pdf", pdf_of(2));
    // A JPEG keeps its size.
    s.write(
        "dinh-kem/anh-hoa.jpg",
        [&[0xFF, 0xD8, 0xFF, 0xE0][..], &[0; 2996][..]].concat(),
    );
    s.edit(
        "bien-ban.yaml",
        "co_mat: 6",
        "co_mat: 6\ndinh_kem: dinh-kem/bien-ban.pdf",
    );
    let report = s.read("bao-cao/pham-van-hoa.yaml");
    s.write(
        "bao-cao/pham-van-hoa.yaml",
        format!("{report}dinh_kem:\n  - dinh-kem/bao-cao-hoa.pdf\n  - dinh-kem/anh-hoa.jpg\n"),
    );
    let o = pack(&s, &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let b = bundle_in(&s.dir.path().join("out"));
    // verify counts the same pages from the bundle's bytes: its cover list is the same.
    let (code, json) = verify(s.dir.path(), &b);
    assert_eq!((code, rules_of(&json)), (0, Vec::<String>::new()), "{json}");
    let Some(text) = cover_text(&b, s.dir.path()) else {
        return;
    };
    for shown in [
        "bản quét 3 trang",
        "bản quét 4 trang",
        "bản quét 2 trang, ảnh 3 KB",
    ] {
        assert!(text.contains(shown), "{shown:?} not in {text}");
    }
    assert!(!text.contains("? trang"), "{text}");
}

#[test]
fn a_pdf_whose_pages_cannot_be_counted_shows_its_size_and_a_question_mark() {
    let s = Scratch::base();
    // Its pages are in an object stream of a filter the counter does not read, and it has no
    // page tree root to fall back on.
    let mut pdf =
        b"%PDF-1.5\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /LZWDecode >>\nstream\n"
            .to_vec();
    pdf.extend(std::iter::repeat_n(b'x', 4000));
    pdf.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
    s.write("dinh-kem/to-trinh.pdf", &pdf);
    let o = pack(&s, &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let b = bundle_in(&s.dir.path().join("out"));
    let (code, json) = verify(s.dir.path(), &b);
    assert_eq!((code, rules_of(&json)), (0, Vec::<String>::new()), "{json}");
    let Some(text) = cover_text(&b, s.dir.path()) else {
        return;
    };
    assert!(text.contains("bản quét 5 KB (? trang)"), "{text}");
}

/// `-o goi-ho-so` (a folder meant, or the extension forgotten) wrote a zip without `.zip`, which
/// the receiving office's computer cannot open: refused, nothing written, and the two ways to
/// write it said; `.ZIP` in capitals is a zip name (#11).
#[test]
fn a_bundle_name_without_zip_is_refused_with_both_ways_to_write_it() {
    let s = Scratch::base();
    for (lang, words) in [("vi", "không có đuôi .zip"), ("en", "does not end in .zip")] {
        let o = s.run(&[
            "pack",
            "--today",
            TODAY,
            "hs",
            "-o",
            "goi-ho-so",
            "--lang",
            lang,
        ]);
        let e = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{e}");
        assert!(
            e.contains(words) && e.contains("-o goi-ho-so.zip") && e.contains("-o goi-ho-so/"),
            "{e}"
        );
        assert!(!s.dir.path().join("goi-ho-so").exists());
    }
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "GOI.ZIP"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(s.dir.path().join("GOI.ZIP").is_file());
}

/// A file that is not a zip is said by what it is when its first bytes tell (empty, RAR, PDF),
/// with what to ask the sender for, and "gửi" is never said twice in a row (#11).
#[test]
fn verify_says_what_a_file_that_is_not_a_bundle_is() {
    let t = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str, &str); 4] = [
        ("rong.zip", b"", "tệp rỗng (0 byte)", "empty (0 bytes)"),
        ("rar.zip", b"Rar!\x1a\x07\x00", "tệp nén RAR", "RAR archive"),
        ("to-trinh.zip", b"%PDF-1.4\n", "tệp PDF", "a PDF"),
        ("hong.zip", b"not a zip at all", "tệp hỏng", "damaged"),
    ];
    for (name, bytes, vi, en) in cases {
        fs::write(t.path().join(name), bytes).unwrap();
        for (lang, words) in [("vi", vi), ("en", en)] {
            let o = dossier(t.path(), &["verify", name, "--lang", lang]);
            let e = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{e}");
            assert!(
                e.contains(words) && e.contains("dossier pack"),
                "{name}: {e}"
            );
            assert!(!e.contains("gửi gửi"), "{e}");
        }
    }
}

/// The progress bar was sized from the whole folder: a 150 MB scan nothing names (left behind)
/// kept it near empty to the end. `pack` now tells it what travels before writing (#11).
#[test]
fn the_progress_is_told_what_travels_not_what_the_folder_holds() {
    use std::sync::atomic::{AtomicU64, Ordering};
    #[derive(Default)]
    struct Seen {
        begun: AtomicU64,
        files: AtomicU64,
        read: AtomicU64,
        done: AtomicU64,
    }
    impl dossier::pack::Progress for Seen {
        fn begin(&self, bytes: u64, files: u64) {
            self.begun.store(bytes, Ordering::Relaxed);
            self.files.store(files, Ordering::Relaxed);
        }
        fn advance(&self, n: u64) {
            self.read.fetch_add(n, Ordering::Relaxed);
        }
        fn file_done(&self) {
            self.done.fetch_add(1, Ordering::Relaxed);
        }
    }
    let s = Scratch::base();
    fs::write(s.hs().join("dinh-kem/khong-gui.pdf"), vec![b'%'; 3 << 20]).unwrap();
    let catalog = dossier::criteria::Catalog::builtin().unwrap();
    let opts = dossier::pack::Options {
        out: Some(s.dir.path().join("goi.zip")),
        force: false,
        deny_warnings: false,
        today: dossier::date::Date::parse(TODAY).unwrap(),
        config: dossier::config::Config::default(),
    };
    let seen = Seen::default();
    let outcome = dossier::pack::pack(&s.hs(), &catalog, &opts, &seen).unwrap();
    assert!(matches!(outcome, dossier::pack::Outcome::Packed { .. }));
    let (begun, read) = (
        seen.begun.load(Ordering::Relaxed),
        seen.read.load(Ordering::Relaxed),
    );
    assert!(begun > 0 && begun < 3 << 20, "{begun}");
    assert_eq!(begun, read);
    assert_eq!(
        seen.files.load(Ordering::Relaxed),
        seen.done.load(Ordering::Relaxed)
    );
}
