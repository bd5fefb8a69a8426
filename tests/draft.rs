//! `dossier draft`: the documents read back as other programs read them (pdftotext, the DOCX's
//! XML, LibreOffice), the same bytes twice, and the output folder's rules (refusal, never
//! inside the dossier, never over a file without --force).

// A skipped check says so on the test's output, as the cover-list tests do.
#![allow(clippy::print_stdout)]

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use dossier::criteria::Catalog;
use dossier::date::Date;
use unicode_normalization::UnicodeNormalization;

use crate::util::{copy_tree, glued, have, pdftotext, repo, Scratch, TODAY};

fn draft(s: &Scratch, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["draft", "--today", TODAY, "hs", "-o", "out"];
    args.extend_from_slice(extra);
    s.run(&args)
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    v.sort();
    v
}

/// The text of a DOCX part, read as XML: every `w:t` in order.
pub(crate) fn docx_text(docx: &Path, part: &str) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(docx).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name(part).unwrap().read_to_string(&mut xml).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut text = String::new();
    let mut inside = false;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "w:t" => inside = true,
            quick_xml::events::Event::End(e) if e.name().as_ref() == "w:t" => inside = false,
            quick_xml::events::Event::Text(t) if inside => {
                text.push_str(&t.xml10_content());
            }
            quick_xml::events::Event::GeneralRef(r) if inside => {
                let name: &str = r.as_ref();
                text.push_str(match name {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("entity {other}"),
                });
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    text
}

/// Every string of every document of the dossier in `dir`, as the library composes them.
fn expected(dir: &Path) -> Vec<(String, Vec<String>)> {
    let catalog = Catalog::builtin().unwrap();
    let checked = dossier::rules::check::check_dossier(
        dir,
        &dossier::rules::check::Against::new(&catalog, Date::parse(TODAY).unwrap()),
    );
    let stamp = checked.fails(false);
    dossier::draft::compose::documents(&checked.dossier, checked.rule_set(&catalog), stamp)
        .into_iter()
        .map(|d| (d.stem.clone(), d.strings()))
        .collect()
}

fn assert_holds(what: &str, text: &str, strings: &[String]) {
    let all = glued(text);
    for s in strings {
        assert!(all.contains(&glued(s)), "{what} lacks {s:?}");
    }
    assert_eq!(text.nfc().collect::<String>(), text, "{what} is not NFC");
}

#[test]
fn every_example_drafts_and_reads_back_in_pdf_and_docx() {
    for example in [
        "01-giay-khen-chuyen-de-truong-yen",
        "04-giay-khen-xa-dot-xuat-gia-vien-2026",
    ] {
        let s = Scratch::of(&format!("examples/{example}"));
        let o = draft(&s, &[]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let out = s.dir.path().join("out");
        let docs = expected(&s.hs());
        assert_eq!(docs.len(), files_under(&out).len() / 2);
        let has_minutes = s.hs().join("bien-ban.yaml").exists();
        assert_eq!(out.join("bien-ban.pdf").exists(), has_minutes);
        for (stem, strings) in &docs {
            let docx = out.join(format!("{stem}.docx"));
            assert_holds(
                &format!("{stem}.docx"),
                &docx_text(&docx, "word/document.xml"),
                strings,
            );
            if let Some(text) = pdftotext(&out.join(format!("{stem}.pdf"))) {
                assert_holds(&format!("{stem}.pdf"), &text, strings);
                assert!(
                    !text.contains("DỰ THẢO"),
                    "a clean dossier's draft is not stamped"
                );
            }
        }
    }
}

#[test]
fn the_docx_names_times_new_roman_on_a4_with_decree_30_margins() {
    let s = Scratch::base();
    assert_eq!(draft(&s, &["--format", "docx"]).status.code(), Some(0));
    let docx = s.dir.path().join("out/to-trinh.docx");
    let mut zip = zip::ZipArchive::new(fs::File::open(&docx).unwrap()).unwrap();
    let mut part = |name: &str| {
        let mut x = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut x).unwrap();
        x
    };
    let styles = part("word/styles.xml");
    assert!(styles.contains("w:ascii=\"Times New Roman\""));
    assert!(styles.contains("<w:sz w:val=\"28\"/>"), "14 pt body");
    let document = part("word/document.xml");
    // A4; top and bottom 20 mm, left 30 mm, right 15 mm (in twentieths of a point).
    assert!(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert!(document
        .contains("<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""));
    // Page numbers from page 2: a first-page header without the number.
    assert!(document.contains("<w:titlePg/>"));
    assert!(part("word/header1.xml").contains(" PAGE "));
    assert!(!part("word/header2.xml").contains(" PAGE "));
    let core = part("docProps/core.xml");
    assert!(
        core.contains("2021-10-25T00:00:00Z"),
        "the proposal's date, not the clock: {core}"
    );
}

#[test]
fn the_same_dossier_gives_the_same_bytes() {
    let s = Scratch::base();
    assert_eq!(draft(&s, &[]).status.code(), Some(0));
    let o = s.run(&["draft", "--today", TODAY, "hs", "-o", "again"]);
    assert_eq!(o.status.code(), Some(0));
    let a = s.dir.path().join("out");
    let b = s.dir.path().join("again");
    let files = files_under(&a);
    assert_eq!(files, files_under(&b));
    assert!(files.len() >= 10, "{files:?}");
    for f in files {
        assert!(
            fs::read(a.join(&f)).unwrap() == fs::read(b.join(&f)).unwrap(),
            "{f:?} differs"
        );
    }
}

#[test]
fn nfd_names_come_out_nfc() {
    let s = Scratch::base();
    let nfd: String = "Phạm Văn Hòa".nfd().collect();
    for f in ["to-trinh.yaml", "bao-cao/pham-van-hoa.yaml"] {
        s.edit(f, "Phạm Văn Hòa", &nfd);
    }
    let o = draft(&s, &[]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let out = s.dir.path().join("out");
    let docx = docx_text(&out.join("to-trinh.docx"), "word/document.xml");
    assert!(docx.contains("Phạm Văn Hòa"));
    if let Some(t) = pdftotext(&out.join("bao-cao/pham-van-hoa.pdf")) {
        assert!(t.contains("Phạm Văn Hòa"), "{t}");
    }
}

#[test]
fn a_dossier_with_errors_is_refused_and_nothing_is_written() {
    let s = Scratch::base();
    s.edit("bien-ban.yaml", "ngay: 2021-10-22", "ngay: 2021-10-28");
    let o = draft(&s, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("NG002"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--draft-anyway"));
    assert!(!s.dir.path().join("out").exists());
    let leftovers: Vec<_> = fs::read_dir(s.dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "only hs/ is there");

    // Anyway: written, exit 1, "DỰ THẢO" on every page of every file.
    let o = draft(&s, &["--draft-anyway"]);
    assert_eq!(o.status.code(), Some(1));
    let out = s.dir.path().join("out");
    for f in files_under(&out) {
        let p = out.join(&f);
        if f.extension().is_some_and(|e| e == "docx") {
            for part in ["word/header1.xml", "word/header2.xml"] {
                assert!(docx_text(&p, part).contains("DỰ THẢO"), "{f:?} {part}");
            }
        } else if let Some(text) = pdftotext(&p) {
            let pages: Vec<&str> = text
                .split('\u{c}')
                .filter(|p| !p.trim().is_empty())
                .collect();
            assert!(!pages.is_empty());
            for page in pages {
                assert!(page.contains("DỰ THẢO"), "{f:?}: {page}");
            }
        }
    }
}

#[test]
fn never_inside_the_dossier_never_over_a_file_without_force() {
    let s = Scratch::base();
    let before = files_under(&s.hs());
    for inside in ["hs/du-thao", "hs", "hs/../hs/x"] {
        let o = s.run(&["draft", "--today", TODAY, "hs", "-o", inside]);
        assert_eq!(o.status.code(), Some(2), "{inside}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("thư mục hồ sơ"));
    }
    assert_eq!(files_under(&s.hs()), before);

    // The default folder sits beside the dossier.
    let o = s.run(&["draft", "--today", TODAY, "hs", "--format", "pdf"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let beside = s.dir.path().join("hs-du-thao");
    assert!(beside.join("to-trinh.pdf").exists());
    assert!(!beside.join("to-trinh.docx").exists());

    // A second run finds the files there and refuses; --force replaces them.
    let o = s.run(&["draft", "--today", TODAY, "hs"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert!(!beside.join("to-trinh.docx").exists(), "nothing written");
    let o = s.run(&["draft", "--today", TODAY, "hs", "--force"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(beside.join("to-trinh.docx").exists());
    let hidden: Vec<_> = fs::read_dir(&beside)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "{hidden:?}");
}

#[test]
fn libreoffice_converts_the_docx() {
    if !have("soffice", "--version") {
        return;
    }
    let s = Scratch::example01();
    assert_eq!(draft(&s, &["--format", "docx"]).status.code(), Some(0));
    let out = s.dir.path().join("out");
    let profile = s.dir.path().join("lo-profile");
    let converted = s.dir.path().join("converted");
    let o = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&converted)
        .arg(out.join("to-trinh.docx"))
        .arg(out.join("bien-ban.docx"))
        .arg(out.join("bao-cao/nguyen-thi-hang.docx"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    let docs = expected(&s.hs());
    for stem in ["to-trinh", "bien-ban", "bao-cao/nguyen-thi-hang"] {
        let name = stem.rsplit('/').next().unwrap();
        let pdf = converted.join(format!("{name}.pdf"));
        assert!(pdf.exists(), "{o:?}");
        let Some(text) = pdftotext(&pdf) else {
            continue;
        };
        // LibreOffice lays out its own lines, and pdftotext reads the header block's two
        // columns side by side and may take a wrapped line's last word out of order: every word
        // of every string must be there.
        let strings = &docs.iter().find(|(s, _)| s == stem).unwrap().1;
        let words: Vec<String> = strings
            .iter()
            .flat_map(|n| n.split_whitespace().map(str::to_owned))
            .collect();
        assert_holds(&format!("LibreOffice's {name}.pdf"), &text, &words);
    }
}

#[test]
fn a_dossier_with_almost_nothing_drafts_anyway_without_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("hs")).unwrap();
    fs::write(tmp.path().join("hs/ho-so.yaml"), "phien_ban: 1\n").unwrap();
    let s = Scratch { dir: tmp };
    let o = draft(&s, &["--draft-anyway"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = s.dir.path().join("out");
    assert_eq!(
        files_under(&out),
        vec![
            PathBuf::from("to-trinh.docx"),
            PathBuf::from("to-trinh.pdf")
        ]
    );
}

#[test]
fn drafts_go_only_into_a_new_or_empty_folder_and_never_into_another_dossier() {
    let s = Scratch::base();
    // Another dossier beside it: its folder is refused even with --force.
    copy_tree(
        &repo().join("tests/fixtures/base"),
        &s.dir.path().join("khac"),
    );
    let before = files_under(&s.dir.path().join("khac"));
    let run = |extra: &[&str]| {
        let mut args = vec!["draft", "--today", TODAY, "hs"];
        args.extend_from_slice(extra);
        s.run(&args)
    };
    for extra in [&["-o", "khac"][..], &["-o", "khac", "--force"][..]] {
        let o = run(extra);
        assert_eq!(o.status.code(), Some(2), "{extra:?}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("hồ sơ khác"),
            "{o:?}"
        );
    }
    // Nor any folder inside it: its dinh-kem/ holds signed scans a draft could replace.
    for extra in [
        &["-o", "khac/dinh-kem", "--force"][..],
        &["-o", "khac/moi"][..],
    ] {
        let o = run(extra);
        assert_eq!(o.status.code(), Some(2), "{extra:?}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("hồ sơ khác"),
            "{o:?}"
        );
    }
    assert_eq!(files_under(&s.dir.path().join("khac")), before);
    // A folder holding other files (`-o ..` scattered drafts over the parent): only with --force.
    fs::create_dir(s.dir.path().join("giay-to")).unwrap();
    fs::write(s.dir.path().join("giay-to/ghi-chu.txt"), "x").unwrap();
    let o = run(&["-o", "giay-to"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("đã có tệp khác"),
        "{o:?}"
    );
    assert_eq!(files_under(&s.dir.path().join("giay-to")).len(), 1);
    let o = run(&["-o", "giay-to", "--force"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
}

/// The drafts list the nominees in the tờ trình's order, as the cover list does (#18, item 5):
/// sorted by the last word of the name, collectives fell among the individuals' given names.
#[test]
fn the_drafts_list_the_nominees_in_the_proposals_order() {
    let s = crate::util::Scratch::example01();
    let o = s.run(&[
        "draft",
        "hs",
        "-o",
        "out",
        "--format",
        "pdf",
        "--today",
        TODAY,
        "--no-config",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let listed: Vec<String> = s
        .read("to-trinh.yaml")
        .lines()
        .filter_map(|l| l.trim().strip_prefix("ten: \""))
        .map(|t| glued(t.trim_end_matches('"')))
        .collect();
    assert!(listed.len() >= 6, "{listed:?}");
    for doc in ["to-trinh.pdf", "bien-ban.pdf"] {
        let Some(text) = pdftotext(&s.dir.path().join("out").join(doc)) else {
            return;
        };
        let text = glued(&text);
        let at: Vec<usize> = listed
            .iter()
            .map(|n| {
                text.find(n.as_str())
                    .unwrap_or_else(|| panic!("{doc}: no {n}"))
            })
            .collect();
        assert!(
            at.windows(2).all(|w| w[0] < w[1]),
            "{doc}: not in the tờ trình's order: {listed:?} at {at:?}"
        );
    }
}
