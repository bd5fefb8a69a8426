//! Hostile bundles (issue #10): each one is a small archive that some extractor (`unzip`,
//! 7-Zip, `bsdtar`, Python's `zipfile`, Windows Explorer, macOS Archive Utility) would put on
//! disk differently from what `verify` checked. `verify` must refuse every one of them with a
//! finding that says why, through the real binary.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::rawzip::{build, central, end, entries_of, locals, relisted, E};
use crate::util::{dossier, rules_of, Scratch, TODAY};

/// A bundle made by `pack` from the base fixture.
fn packed() -> (Scratch, PathBuf) {
    let s = Scratch::base();
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "goc.zip"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let b = s.dir.path().join("goc.zip");
    (s, b)
}

/// `verify --format json` on bytes: (exit code, rule ids, the report).
fn verify_bytes(dir: &Path, bytes: &[u8]) -> (i32, Vec<String>, serde_json::Value) {
    let p = dir.join("x.zip");
    fs::write(&p, bytes).unwrap();
    let o = dossier(
        dir,
        &["verify", "--format", "json", "--today", TODAY, "x.zip"],
    );
    let code = o.status.code().unwrap_or(-1);
    if code == 2 && o.stdout.is_empty() {
        // Not a zip at all: said on stderr, no report.
        return (code, Vec::new(), serde_json::Value::Null);
    }
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&o.stderr));
    });
    (code, rules_of(&json), json)
}

/// Refused with one of `rules`.
#[track_caller]
fn assert_refused(what: &str, dir: &Path, bytes: &[u8], rules: &[&str]) -> serde_json::Value {
    let (code, got, json) = verify_bytes(dir, bytes);
    assert_eq!(code, 1, "{what}: accepted ({got:?})");
    assert!(
        rules.iter().any(|r| got.iter().any(|g| g == r)),
        "{what}: want one of {rules:?}, got {got:?}"
    );
    json
}

#[test]
fn the_bundle_from_pack_passes_the_strict_reader() {
    let (s, b) = packed();
    let (code, got, _) = verify_bytes(s.dir.path(), &fs::read(&b).unwrap());
    assert_eq!((code, got), (0, Vec::<String>::new()));
    // Rebuilt entry by entry with the test writer (no compression), it still passes: the
    // reader refuses what is inconsistent, not what is merely written differently.
    let (code, got, _) = verify_bytes(s.dir.path(), &build(&entries_of(&b)));
    assert_eq!((code, got), (0, Vec::<String>::new()));
    // Permissions without a file type (as Python's `writestr` writes them) are a plain file.
    let mut plain = entries_of(&b);
    for e in &mut plain {
        e.mode = 0o600;
    }
    let (code, got, _) = verify_bytes(s.dir.path(), &build(&plain));
    assert_eq!((code, got), (0, Vec::<String>::new()));
}

#[test]
fn aliases_of_one_path_are_refused() {
    let (s, b) = packed();
    let es = entries_of(&b);
    let nfc = "dinh-kem/nguyễn.pdf";
    let nfd = "dinh-kem/nguye\u{302}\u{303}n.pdf";
    let aliases = [
        "./to-trinh.yaml",
        ".//to-trinh.yaml",
        "dinh-kem/./to-trinh.pdf",
        "./dinh-kem/to-trinh.pdf",
        "TO-TRINH.yaml",
        "to-trinh.yaml.",
        "to-trinh.yaml ",
        "dinh-kem//to-trinh.pdf",
        "DINH-KEM/to-trinh.pdf",
        "to-trinh.yaml/",
    ];
    for alias in aliases {
        let mut forged = es.clone();
        forged.push(E::file(alias, "ma: gia-mao\n"));
        assert_refused(
            alias,
            s.dir.path(),
            &build(&relisted(forged)),
            &["GO001", "GO002"],
        );
    }
    let mut forged = es.clone();
    forged.push(E::file(nfc, "%PDF-1.4 a"));
    forged.push(E::file(nfd, "%PDF-1.4 b"));
    assert_refused(
        "NFC and NFD",
        s.dir.path(),
        &build(&relisted(forged)),
        &["GO002"],
    );
    // A file and a folder on one path: `dinh-kem/x` and `dinh-kem/x/y`.
    let mut forged = es;
    forged.push(E::file("dinh-kem/x", "a"));
    forged.push(E::file("dinh-kem/X/y", "b"));
    assert_refused(
        "file and folder",
        s.dir.path(),
        &build(&relisted(forged)),
        &["GO002"],
    );
}

#[test]
fn two_central_directories_are_refused() {
    let (s, b) = packed();
    // M lists a file that leaves the folder (and the forged manifest lists it too); B, which the
    // end record's offset names, calls the same data by a harmless name.
    let mut evil = entries_of(&b);
    evil.push(E::file("../../../../tmp/x.pdf", "%PDF-1.4 evil"));
    let evil = relisted(evil);
    let mut harmless = evil.clone();
    let at = harmless.len() - 2;
    harmless[at].name = b"dinh-kem/phu-luc1.pdf".to_vec();
    let (mut out, offsets) = locals(&evil);
    let dir_b = central(&harmless, &offsets);
    let dir_m = central(&evil, &offsets);
    let at_b = out.len();
    out.extend_from_slice(&dir_b);
    out.extend_from_slice(&dir_m);
    // The end record's offset names B; its size makes M end at the record.
    out.extend_from_slice(&end(evil.len(), dir_m.len(), at_b));
    assert_refused("two directories", s.dir.path(), &out, &["GO009"]);
}

#[test]
fn local_headers_that_disagree_are_refused() {
    let (s, b) = packed();
    let es = entries_of(&b);
    let i = es
        .iter()
        .position(|e| e.name == b"dinh-kem/to-trinh.pdf")
        .unwrap();
    let mut renamed = es.clone();
    renamed[i].local_name = Some(b"../../../../tmp/x.pdf".to_vec());
    assert_refused("local name", s.dir.path(), &build(&renamed), &["GO009"]);
    let mut crc = es;
    crc[i].local_crc = Some(0x1234_5678);
    let json = assert_refused("local crc", s.dir.path(), &build(&crc), &["GO009"]);
    // What differs is named in the clerk's words, not the zip format's English field names.
    let text = json.to_string();
    assert!(
        text.contains("phần đầu cục bộ của \\\"dinh-kem/to-trinh.pdf\\\" khác bản ghi trung tâm (mã kiểm tra CRC; tên cục bộ"),
        "{text}"
    );
}

#[test]
fn links_devices_and_odd_permissions_are_refused() {
    let (s, b) = packed();
    let es = entries_of(&b);
    let cases: Vec<(&str, Vec<E>)> = vec![
        ("symlink README.md", {
            let mut v = es.clone();
            let mut l = E::file("README.md", "/etc/passwd");
            l.mode = 0o120_777;
            v.push(l);
            v
        }),
        ("to-trinh.yaml as a symlink", {
            let mut v = es.clone();
            for e in &mut v {
                if e.name == b"to-trinh.yaml" {
                    e.mode = 0o120_644;
                }
            }
            v
        }),
        ("setuid", {
            let mut v = es.clone();
            let mut l = E::file("dinh-kem/a.pdf", "%PDF-1.4");
            l.mode = 0o104_755;
            v.push(l);
            v
        }),
        ("world-writable", {
            let mut v = es.clone();
            let mut l = E::file("dinh-kem/a.pdf", "%PDF-1.4");
            l.mode = 0o100_666;
            v.push(l);
            v
        }),
        ("fifo", {
            let mut v = es.clone();
            let mut l = E::file("dinh-kem/a.pdf", "");
            l.mode = 0o010_644;
            v.push(l);
            v
        }),
    ];
    for (what, v) in cases {
        assert_refused(what, s.dir.path(), &build(&relisted(v)), &["GO009"]);
    }
}

#[test]
fn entries_verify_cannot_read_are_reported() {
    let (s, b) = packed();
    let es = entries_of(&b);
    let mut enc = es.clone();
    let mut e = E::file("dinh-kem/bi-mat.pdf", "xxxxxxxxxxxx");
    e.flags = 1;
    enc.push(e);
    let json = assert_refused("encrypted", s.dir.path(), &build(&enc), &["GO006"]);
    assert!(rules_of(&json).contains(&"GO009".to_owned()), "{json}");
    let mut aes = es;
    let mut e = E::file("dinh-kem/aes.pdf", "xxxxxxxxxxxx");
    e.method = 99;
    aes.push(e);
    assert_refused("method 99", s.dir.path(), &build(&aes), &["GO006"]);
}

#[test]
fn lookalike_names_are_refused() {
    let (s, b) = packed();
    let es = entries_of(&b);
    let names = [
        ".",
        "...",
        "..\u{FF0F}x",
        "..\u{2215}x",
        "..\u{2044}x",
        "..\u{A5}x",
        "..\u{20A9}x",
        "\u{FF0E}\u{FF0E}/x",
        "%2e%2e/x",
        "dinh-kem/fdp\u{202E}.pdf",
        "dinh-kem/a\u{200B}.pdf",
        "dinh-kem/a\u{2028}.pdf",
        "~/x",
        "CON",
        "dinh-kem/nul.pdf",
        "dinh-kem/COM1",
        "dinh-kem/to-trinh.pdf:Zone.Identifier",
        "dinh-kem /x.pdf",
    ];
    for n in names {
        let mut forged = es.clone();
        forged.push(E::file(n, "%PDF-1.4"));
        assert_refused(
            &dossier::text::file_name::shown(n),
            s.dir.path(),
            &build(&relisted(forged)),
            &["GO001"],
        );
    }
}

#[test]
fn overlapping_entries_are_refused() {
    let (s, b) = packed();
    let mut es = entries_of(&b);
    let i = es.iter().position(|e| e.name == b"to-trinh.yaml").unwrap();
    for k in 0..3 {
        let mut e = es[i].clone();
        e.name = format!("bao-cao/x{k}.yaml").into_bytes();
        e.alias_of = Some(i);
        es.push(e);
    }
    assert_refused("overlap", s.dir.path(), &build(&es), &["GO009"]);
}

#[test]
fn many_unsafe_names_are_refused_in_linear_time() {
    let t = tempfile::tempdir().unwrap();
    let es: Vec<E> = (0..60_000)
        .map(|i| E::file(format!("../{i}.txt"), ""))
        .collect();
    let bytes = build(&es);
    let started = Instant::now();
    let (code, got, _) = verify_bytes(t.path(), &bytes);
    assert_eq!(code, 1);
    assert!(got.contains(&"GO001".to_owned()));
    // A guard against quadratic work, not a speed target (those live in docs/performance.md):
    // about 3 s in a debug build, 9 s on a machine loaded five times over; quadratic work on
    // 60,000 names would take hours.
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
}

/// Mutations of a real bundle (bit flips, bytes replaced, inserted, cut off): `verify` never
/// crashes, and when it accepts, Python's `zipfile` extracts exactly the files it checked
/// (when python3 is there to ask).
#[test]
fn mutated_bundles_never_fool_verify() {
    let (s, b) = packed();
    let base = fs::read(&b).unwrap();
    let originals: std::collections::BTreeMap<String, Vec<u8>> = entries_of(&b)
        .into_iter()
        .map(|e| (String::from_utf8(e.name).unwrap(), e.data))
        .collect();
    let python = std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let len = base.len() as u64;
    // Most of a bundle is the cover list's bytes; aim half the mutations at the headers and
    // the directory (the last 2 KB, and the first local header).
    let mut accepted = 0;
    for round in 0..48u64 {
        let mut m = base.clone();
        let at = match round % 3 {
            0 => len - 1 - next() % 2048.min(len - 1),
            1 => next() % 64,
            _ => next() % len,
        } as usize;
        match next() % 4 {
            0 => m[at] ^= 1 << (next() % 8),
            1 => m[at] = (next() % 256) as u8,
            2 => m.truncate(at),
            _ => m.insert(at, (next() % 256) as u8),
        }
        if m == base {
            continue;
        }
        let (code, _, json) = verify_bytes(s.dir.path(), &m);
        assert!(matches!(code, 0..=2), "round {round}: exit {code}");
        if code != 0 || !python {
            continue;
        }
        accepted += 1;
        let out = s.dir.path().join(format!("x{round}"));
        let ok = std::process::Command::new("python3")
            .args([
                "-c",
                "import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])",
            ])
            .arg(s.dir.path().join("x.zip"))
            .arg(&out)
            .status()
            .unwrap()
            .success();
        assert!(
            ok,
            "round {round}: accepted ({json}) but Python cannot extract it"
        );
        let got: std::collections::BTreeMap<String, Vec<u8>> = walkdir::WalkDir::new(&out)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(&out).unwrap();
                (
                    rel.to_string_lossy().replace('\\', "/"),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        assert_eq!(
            got, originals,
            "round {round}: accepted, but extracts other files"
        );
    }
    eprintln!("{accepted} of 48 mutations accepted, each extracting the checked files");
}

/// An unsafe or aliased name is shown to the clerk as it prints, each hidden character named
/// `<U+200B>` (not Rust's `\u{200b}`, nor a doubled backslash), with no backquotes; names that
/// print alike (NFC beside NFD) are said to differ only in how the marks are stored (#11).
#[test]
fn unsafe_names_are_shown_as_they_print_with_hidden_characters_named() {
    let (s, b) = packed();
    let es = entries_of(&b);
    let messages = |json: &serde_json::Value| -> String {
        json["dossiers"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| format!("{}\n{}\n{}\n", f["message"], f["help"], f["notes"]))
            .collect::<String>()
    };
    for (name, want) in [
        ("dinh-kem/a\u{200B}.pdf", "dinh-kem/a<U+200B>.pdf"),
        ("dinh-kem/a\u{2028}.pdf", "dinh-kem/a<U+2028>.pdf"),
        ("dinh-kem\\a.pdf", "dinh-kem\\\\a.pdf"),
        ("dinh-kem/a:b.pdf", "dinh-kem/a:b.pdf"),
    ] {
        let mut forged = es.clone();
        forged.push(E::file(name, "%PDF-1.4"));
        let json = assert_refused(name, s.dir.path(), &build(&relisted(forged)), &["GO001"]);
        let m = messages(&json);
        // `want` is as JSON writes it (a backslash escaped once by JSON itself).
        assert!(m.contains(want), "{name}: {m}");
        assert!(!m.contains("\\\\u{") && !m.contains('`'), "{name}: {m}");
        // One backslash in the name, not two (JSON doubles it once).
        assert!(!m.contains("\\\\\\\\"), "{name}: {m}");
    }
    let mut forged = es.clone();
    forged.push(E::file("dinh-kem/Quye\u{302}\u{301}t.pdf", "%PDF-1.4"));
    forged.push(E::file("dinh-kem/Quy\u{1EBF}t.pdf", "%PDF-1.4"));
    let json = assert_refused(
        "NFC and NFD",
        s.dir.path(),
        &build(&relisted(forged)),
        &["GO002"],
    );
    let m = messages(&json);
    assert!(
        m.contains("trông giống hệt nhau") && m.contains("NFD"),
        "{m}"
    );
}

/// A dossier zipped by hand (Windows' compressed folders, 7-Zip, `zip -r`): every entry has the
/// timestamp extra field, 5 bytes in the central record and 9 in the local header. Still
/// refused, but said once as what it is, not as two "a name could hide here" errors per file;
/// one entry with extras among plain ones is still named by itself (#11).
#[test]
fn a_bundle_zipped_by_another_program_is_said_once_as_such() {
    let (s, b) = packed();
    let mut es = relisted(entries_of(&b));
    for e in &mut es {
        e.extra = vec![0x55, 0x54, 1, 0, 1];
        e.local_extra = vec![0x55, 0x54, 5, 0, 3, 0, 0, 0, 0];
    }
    let json = assert_refused("zipped by hand", s.dir.path(), &build(&es), &["GO009"]);
    let findings = json["dossiers"][0]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{json}");
    let m = findings[0]["message"].as_str().unwrap();
    assert!(m.contains("không do lệnh dossier pack tạo ra"), "{m}");
    assert!(m.contains(&format!("cả {} tệp", es.len())), "{m}");

    let mut es = relisted(entries_of(&b));
    es[1].extra = vec![0x55, 0x54, 1, 0, 1];
    let json = assert_refused(
        "one entry with extras",
        s.dir.path(),
        &build(&es),
        &["GO009"],
    );
    let all = json.to_string();
    assert!(!all.contains("không do lệnh dossier pack tạo ra"), "{all}");
    assert!(all.contains("mang trường phụ"), "{all}");
}

/// An entry name carrying a terminal escape sequence reached the receiving office's terminal raw
/// in the human report's "-->" line (the renderer cleans titles, not paths): every path is shown
/// as it prints, each control character named `<U+001B>` (#11).
#[test]
fn an_escape_sequence_in_a_name_never_reaches_the_terminal() {
    let (s, b) = packed();
    let mut es = entries_of(&b);
    es.push(E::file(
        "dinh-kem/a\u{1}\u{1b}]0;pwned\u{7}\u{1b}[31mb.pdf",
        "%PDF-1.4",
    ));
    fs::write(s.dir.path().join("x.zip"), build(&relisted(es))).unwrap();
    let o = dossier(s.dir.path(), &["verify", "--today", TODAY, "x.zip"]);
    assert_eq!(o.status.code(), Some(1));
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(
        !o.stdout
            .iter()
            .any(|&c| c == 0x1b || c == 0x07 || c == 0x01),
        "{shown}"
    );
    assert!(
        shown.contains("--> x.zip/dinh-kem/a<U+0001><U+001B>]0;pwned<U+0007>"),
        "{shown}"
    );
}

/// The findings of one rule in a `verify --format json` report, as (message, notes).
fn messages_of(json: &serde_json::Value, rule: &str) -> Vec<(String, String)> {
    json["dossiers"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|d| d["findings"].as_array().into_iter().flatten())
        .filter(|f| f["rule"] == rule)
        .map(|f| {
            (
                f["message"].as_str().unwrap_or("").to_owned(),
                f["notes"].to_string(),
            )
        })
        .collect()
}

/// The very same name twice was explained as names "differing only in case or Unicode form",
/// which sent the clerk looking for a difference that is not there (#11).
#[test]
fn the_same_name_twice_is_said_to_be_the_same_name() {
    let (s, b) = packed();
    let mut forged = entries_of(&b);
    let name = String::from_utf8(forged[1].name.clone()).unwrap();
    forged.push(E::file(name.as_str(), "ma: gia-mao\n"));
    let json = assert_refused("same name", s.dir.path(), &build(&forged), &["GO002"]);
    let go002 = messages_of(&json, "GO002");
    assert_eq!(go002.len(), 1, "{go002:?}");
    assert!(
        go002[0].0.contains(&format!("2 tệp cùng tên \"{name}\"")),
        "{go002:?}"
    );
    assert!(!go002[0].0.contains("chữ hoa"), "{go002:?}");
}

/// A bundle zipped once more (attached to a mail as a zip of the zip) gave a list of missing
/// components and no hint; the note now names the inner bundle to verify (#11).
#[test]
fn a_bundle_zipped_again_points_at_the_inner_one() {
    let (s, b) = packed();
    let outer = build(&[E::file("goc.zip", fs::read(&b).unwrap())]);
    let json = assert_refused("zip in a zip", s.dir.path(), &outer, &["GO003"]);
    let go003 = messages_of(&json, "GO003");
    assert!(
        go003
            .iter()
            .any(|(_, notes)| notes.contains("nén thêm một lần") && notes.contains("goc.zip")),
        "{go003:?}"
    );
}

/// The whole dossier folder zipped by another program: every file one folder down, so every
/// component looked missing and the advice was to add them. GO003 now says where they are and
/// asks for a bundle made by dossier pack (final QA, #11).
#[test]
fn a_whole_folder_zipped_says_where_the_files_are() {
    let (s, b) = packed();
    let mut zip = zip::ZipArchive::new(fs::File::open(&b).unwrap()).unwrap();
    let mut es = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        es.push(E::file(format!("hs/{}", f.name().unwrap()), bytes));
    }
    let json = assert_refused("folder zipped", s.dir.path(), &build(&es), &["GO003"]);
    let go003 = messages_of(&json, "GO003");
    assert!(
        go003.iter().any(
            |(_, notes)| notes.contains("các tệp của hồ sơ nằm trong thư mục")
                && notes.contains("hs/")
                && notes.contains("lệnh dossier pack")
        ),
        "{go003:?}"
    );
}

/// A bundle of thousands of unsafe names printed four lines for each (240,000 lines for 60,000
/// entries): at most 500 of one rule are listed, and one more finding gives the count (#11).
#[test]
fn thousands_of_unsafe_names_are_listed_up_to_a_cap_with_the_count() {
    let t = tempfile::tempdir().unwrap();
    let es: Vec<E> = (0..2_000)
        .map(|i| E::file(format!("../{i}.txt"), ""))
        .collect();
    let (code, got, json) = verify_bytes(t.path(), &build(&es));
    assert_eq!(code, 1);
    let go001 = messages_of(&json, "GO001");
    assert_eq!(go001.len(), 501, "{}", got.len());
    assert!(
        go001
            .iter()
            .any(|(m, _)| m == "gói có 2000 tệp cùng lỗi GO001; chỉ liệt kê 500 tệp đầu"),
        "{:?}",
        go001.last()
    );
}
