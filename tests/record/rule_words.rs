//! The recorded words of every rule (#20 item 5). The rule fixtures' words are recorded by
//! `tests/fixture_snapshots.rs`; the rules no overlay file can make fire (a link, bytes that
//! are not UTF-8, a rule set given on the command line, a bundle altered after `pack`) are
//! recorded here, in Vietnamese and English, as the clerk or the receiving office reads them:
//! the human report of `check`, or of `verify` on a bundle packed from the base dossier and
//! then altered as `tests/pack.rs` and `tests/attacks.rs` alter it. Last, a test that fails
//! when a rule of the registry has no recorded words in either language.

use std::fs;
use std::path::Path;

use super::record;
use crate::rawzip::{build, entries_of, relisted, E};
use crate::util::{copy_tree, repo, Scratch, TODAY};

const C: &str = "rule_words";

/// `check` of the scratch dossier, recorded in both languages as `<id>_vi`, `<id>_en`.
fn check_both(id: &str, s: &Scratch, extra: &[&str]) {
    for lang in ["vi", "en"] {
        let mut args = vec!["--lang", lang, "check", "--today", TODAY];
        args.extend_from_slice(extra);
        args.push("hs");
        record(C, &format!("{id}_{lang}"), s, &args);
    }
}

/// `verify` of `bytes` written as `x.zip`, recorded in both languages as `<id>_vi`, `<id>_en`.
fn verify_both(id: &str, s: &Scratch, bytes: &[u8]) {
    fs::write(s.dir.path().join("x.zip"), bytes).unwrap();
    for lang in ["vi", "en"] {
        record(
            C,
            &format!("{id}_{lang}"),
            s,
            &["--lang", lang, "verify", "--today", TODAY, "x.zip"],
        );
    }
    fs::remove_file(s.dir.path().join("x.zip")).unwrap();
}

/// The base dossier packed to `goi.zip`, and its entries.
fn packed() -> (Scratch, Vec<E>) {
    let s = super::verify::packed();
    let es = entries_of(&s.dir.path().join("goi.zip"));
    (s, es)
}

fn named<'a>(es: &'a mut [E], name: &str) -> &'a mut E {
    es.iter_mut().find(|e| e.name == name.as_bytes()).unwrap()
}

#[test]
fn hs011_bytes_that_are_not_utf8() {
    let s = Scratch::base();
    let mut bytes = s.read("bien-ban.yaml").into_bytes();
    bytes.extend_from_slice(b"hoi_dong_x: \"Nguy\xC3n\"\n");
    s.write("bien-ban.yaml", bytes);
    check_both("HS011", &s, &[]);
}

#[test]
fn hs014_nesting_too_deep() {
    let s = Scratch::base();
    let deep = format!("{}x{}", "[".repeat(5000), "]".repeat(5000));
    s.edit(
        "to-trinh.yaml",
        "dia_danh: ",
        &format!("dia_danh: {deep}\nx_cu: "),
    );
    check_both("HS014", &s, &[]);
}

#[cfg(unix)]
#[test]
fn hs020_a_link_out_of_the_dossier() {
    // Wine shows a Unix link as what it points to; Windows' own links are not made here.
    if super::under_wine() {
        return;
    }
    let s = Scratch::base();
    std::os::unix::fs::symlink("/etc", s.hs().join("bao-cao/etc")).unwrap();
    check_both("HS020", &s, &[]);
}

#[test]
fn ds009_a_form_not_for_this_kind_of_nominee() {
    // The built-in sets let every form go to every kind (tests/fixtures/README.md); a rule
    // set given with --criteria restricts it, as tests/cli.rs does.
    let s = Scratch::base();
    let hl = fs::read_to_string(repo().join("criteria/covid19-hoa-lu-2021.yaml")).unwrap();
    let restricted = hl.replacen(
        "    cap: huyen\n",
        "    cap: huyen\n    doi_tuong: [xa_thi_tran]\n",
        1,
    );
    assert_ne!(restricted, hl);
    fs::write(s.dir.path().join("rs.yaml"), restricted).unwrap();
    check_both("DS009", &s, &["--criteria", "rs.yaml"]);
}

#[test]
fn dk005_names_equal_up_to_case() {
    let s = Scratch::base();
    s.write(
        "dinh-kem/To-Trinh.pdf",
        fs::read(s.hs().join("dinh-kem/to-trinh.pdf")).unwrap(),
    );
    s.edit(
        "to-trinh.yaml",
        "dinh_kem: dinh-kem/to-trinh.pdf",
        "dinh_kem: [dinh-kem/to-trinh.pdf, dinh-kem/To-Trinh.pdf]",
    );
    check_both("DK005", &s, &[]);
}

#[test]
fn dk008_a_bundle_without_a_signed_scan() {
    // The clerk's dossier xa-a of turn 3 (C20, tests/cover_labels.rs): no scan of the signed
    // proposal; said by pack and by verify, not by check.
    let s = Scratch::base();
    fs::remove_dir_all(s.hs()).unwrap();
    copy_tree(&repo().join("tests/fixtures/clerk-turn3/C19/xa-a"), &s.hs());
    let day = "2026-12-07";
    for lang in ["vi", "en"] {
        record(
            C,
            &format!("DK008_pack_{lang}"),
            &s,
            &[
                "--lang",
                lang,
                "pack",
                "hs",
                "-o",
                "goi.zip",
                "--force",
                "--today",
                day,
                "--no-config",
            ],
        );
    }
    for lang in ["vi", "en"] {
        record(
            C,
            &format!("DK008_{lang}"),
            &s,
            &[
                "--lang",
                lang,
                "verify",
                "goi.zip",
                "--today",
                day,
                "--no-config",
            ],
        );
    }
}

#[test]
fn go001_an_unsafe_entry_name() {
    let (s, mut es) = packed();
    es.push(E::file("../../etc/cron.d/x", "x"));
    verify_both("GO001", &s, &build(&relisted(es)));
}

#[test]
fn go002_two_entries_of_one_name() {
    let (s, mut es) = packed();
    let again = named(&mut es, "ho-so.yaml").clone();
    es.push(again);
    verify_both("GO002", &s, &build(&es));
}

#[test]
fn go003_no_manifest() {
    let (s, mut es) = packed();
    es.retain(|e| e.name != b"SHA256SUMS");
    verify_both("GO003", &s, &build(&es));
}

#[test]
fn go004_a_listed_file_dropped() {
    let (s, mut es) = packed();
    es.retain(|e| !e.name.starts_with(b"dinh-kem/"));
    verify_both("GO004", &s, &build(&es));
}

#[test]
fn go005_one_byte_changed() {
    let (s, mut es) = packed();
    let e = named(&mut es, "bien-ban.yaml");
    let i = e.data.len() - 2;
    e.data[i] ^= 1;
    verify_both("GO005", &s, &build(&es));
}

#[test]
fn go006_a_file_added() {
    let (s, mut es) = packed();
    es.push(E::file("them.txt", "x"));
    verify_both("GO006", &s, &build(&es));
}

#[test]
fn go007_the_cover_list_replaced_and_relisted() {
    let (s, mut es) = packed();
    named(&mut es, "DANH-MUC.pdf").data = b"%PDF-1.4 other".to_vec();
    verify_both("GO007", &s, &build(&relisted(es)));
}

#[test]
fn go008_an_entry_declaring_3_gib() {
    let (s, _) = packed();
    let mut bytes = fs::read(s.dir.path().join("goi.zip")).unwrap();
    let eocd = bytes
        .windows(4)
        .rposition(|w| w == [0x50, 0x4b, 0x05, 0x06])
        .unwrap();
    let cd = u32::from_le_bytes(bytes[eocd + 16..eocd + 20].try_into().unwrap()) as usize;
    bytes[cd + 24..cd + 28].copy_from_slice(&0xC000_0000u32.to_le_bytes());
    verify_both("GO008", &s, &bytes);
}

#[test]
fn go009_a_local_header_that_disagrees() {
    let (s, mut es) = packed();
    named(&mut es, "dinh-kem/to-trinh.pdf").local_name = Some(b"../../../../tmp/x.pdf".to_vec());
    verify_both("GO009", &s, &build(&es));
}

#[test]
fn go010_a_rule_set_carried_in_the_bundle() {
    let s = Scratch::base();
    let hl = fs::read_to_string(repo().join("criteria/covid19-hoa-lu-2021.yaml")).unwrap();
    s.write(
        "quy-tac.yaml",
        hl.replacen("id: covid19-hoa-lu-2021", "id: hoa-lu-noi-bo", 1),
    );
    s.edit(
        "ho-so.yaml",
        "phong_trao: covid19-hoa-lu-2021",
        "phong_trao: quy-tac.yaml",
    );
    let o = s.run(&["pack", "--today", TODAY, "hs", "-o", "goi.zip"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    for lang in ["vi", "en"] {
        record(
            C,
            &format!("GO010_{lang}"),
            &s,
            &["--lang", lang, "verify", "--today", TODAY, "goi.zip"],
        );
    }
}

/// Every `.snap` file under `dir`, read.
fn snapshots(dir: &Path, into: &mut String) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            snapshots(&p, into);
        } else if p.extension().is_some_and(|x| x == "snap") {
            into.push_str(&fs::read_to_string(&p).unwrap());
        }
    }
}

/// A rule cannot be added without its words recorded: each id of the registry appears in a
/// snapshot as the Vietnamese report heads a finding (`lỗi[ID]` or `cảnh báo[ID]`) and as the
/// English one does (`error[ID]` or `warning[ID]`).
#[test]
fn every_rule_has_recorded_words_in_both_languages() {
    let mut all = String::new();
    snapshots(&repo().join("tests/snapshots"), &mut all);
    snapshots(&repo().join("tests/record/snapshots"), &mut all);
    let mut missing = Vec::new();
    for rule in dossier::diag::Rule::ALL {
        let id = rule.info().id;
        let vi = all.contains(&format!("lỗi[{id}]")) || all.contains(&format!("cảnh báo[{id}]"));
        let en = all.contains(&format!("error[{id}]")) || all.contains(&format!("warning[{id}]"));
        if !vi || !en {
            missing.push(format!("{id} (vi: {vi}, en: {en})"));
        }
    }
    assert!(
        missing.is_empty(),
        "rules with no recorded words: {missing:?}; add a fixture under tests/fixtures/rules/ \
         or a recorded run in tests/record/rule_words.rs"
    );
}
