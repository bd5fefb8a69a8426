//! One layout, two outputs (issue #18, item 3): the DOCX of a draft, opened in LibreOffice, and
//! the tool's PDF of it hold the same lines on the same pages. A clerk prints one and edits the
//! other; in December 2026 they differed (the clerk's C14: the signers' titles on page 1 of the
//! DOCX and their names on page 2, while the PDF put both signature blocks alone on page 2; C16:
//! the DOCX's date line two lines above "Số:", its rules on the text's baseline; C24: "NHÂN /
//! DÂN" broken by hard line breaks; C18: "Nơi nhận:" not italic in the PDF). The clerk's two
//! dossiers are kept in `tests/fixtures/clerk-turn3/base/` (copied from the field inputs).
//!
//! LibreOffice is slow to start (about 5 s), so each test converts all its files in one call,
//! with a private profile so that tests running in parallel do not share one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use unicode_normalization::UnicodeNormalization;

use crate::util::{dossier, have, pdftotext_args, repo, TODAY};

/// The dossiers drafted: the shipped examples and the clerk's two.
fn dossiers() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo().join("examples"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('0'))
        })
        .collect();
    v.sort();
    for b in ["xa-a", "xa-b"] {
        v.push(repo().join("tests/fixtures/clerk-turn3/base").join(b));
    }
    v
}

/// Draft every dossier into `out/<name>`; the documents' stems (`to-trinh`, `bao-cao/…`) by
/// dossier name. Drafted even with errors (the layout is what is tested, not the words).
fn draft_all(out: &Path) -> BTreeMap<String, Vec<String>> {
    draft_these(out, &dossiers())
}

/// A dossier with an error, whose drafts carry "DỰ THẢO" in the page header: example 04 with
/// its tờ trình numbered 00.
fn stamped(tmp: &Path) -> PathBuf {
    let d = tmp.join("du-thao-04");
    crate::util::copy_tree(
        &repo().join("examples/04-giay-khen-xa-dot-xuat-gia-vien-2026"),
        &d,
    );
    let path = d.join("to-trinh.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    let line = yaml
        .lines()
        .find(|l| l.starts_with("so_ky_hieu:"))
        .unwrap()
        .to_owned();
    std::fs::write(&path, yaml.replace(&line, "so_ky_hieu: \"00/TTr-UBND\"")).unwrap();
    d
}

fn draft_these(out: &Path, dirs: &[PathBuf]) -> BTreeMap<String, Vec<String>> {
    let mut all = BTreeMap::new();
    for d in dirs {
        let name = d.file_name().unwrap().to_string_lossy().into_owned();
        let target = out.join(&name);
        let o = dossier(
            out,
            &[
                "draft",
                d.to_str().unwrap(),
                "-o",
                target.to_str().unwrap(),
                "--today",
                TODAY,
                "--draft-anyway",
            ],
        );
        // Exit 1: drafted, with findings (the stamped one).
        assert!(
            matches!(o.status.code(), Some(0 | 1)) && target.join("to-trinh.docx").exists(),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let mut stems = Vec::new();
        for e in walk(&target) {
            let rel = e
                .strip_prefix(&target)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if let Some(stem) = rel.strip_suffix(".docx") {
                stems.push(stem.to_owned());
            }
        }
        stems.sort();
        all.insert(name, stems);
    }
    all
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// A flat name for a document: `xa-a--bao-cao-nguyen-van-hung`.
fn flat(dossier: &str, stem: &str) -> String {
    format!("{dossier}--{}", stem.replace('/', "-"))
}

/// Convert every DOCX (flat names in `dir`) to PDF with one LibreOffice call.
fn convert(dir: &Path) {
    let profile = tempfile::tempdir().unwrap();
    let docs: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".docx"))
        .collect();
    let o = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .args(&docs)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// The lines of each page as `pdftotext -layout` reads them, whitespace-normalised, blank
/// lines dropped.
fn pages(pdf: &Path) -> Vec<Vec<String>> {
    let text = pdftotext_args(pdf, &["-layout"]).unwrap();
    let mut pages: Vec<Vec<String>> = text
        .split('\u{c}')
        .map(|p| {
            p.lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .map(|l| l.nfc().collect::<String>())
                .filter(|l| !l.is_empty())
                .collect()
        })
        .collect();
    // pdftotext ends the last page with a form feed too.
    if pages.last().is_some_and(Vec::is_empty) {
        pages.pop();
    }
    pages
}

#[test]
fn docx_in_libreoffice_and_the_pdf_hold_the_same_lines_on_the_same_pages() {
    if !have("pdftotext", "-v") || !have("soffice", "--version") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let mut dirs = dossiers();
    dirs.push(stamped(tmp.path()));
    let drafted = draft_these(&out, &dirs);
    let stamp = out.join("du-thao-04/to-trinh.pdf");
    assert!(
        pages(&stamp)[1][0].starts_with("DỰ THẢO"),
        "no stamp on page 2"
    );
    let lo = tmp.path().join("lo");
    std::fs::create_dir(&lo).unwrap();
    for (d, stems) in &drafted {
        for s in stems {
            std::fs::copy(
                out.join(d).join(format!("{s}.docx")),
                lo.join(format!("{}.docx", flat(d, s))),
            )
            .unwrap();
        }
    }
    convert(&lo);
    let mut differ = Vec::new();
    let (mut documents, mut compared_pages, mut compared_lines) = (0, 0, 0);
    for (d, stems) in &drafted {
        for s in stems {
            let tool = pages(&out.join(d).join(format!("{s}.pdf")));
            let office = pages(&lo.join(format!("{}.pdf", flat(d, s))));
            documents += 1;
            if tool.len() != office.len() {
                differ.push(format!(
                    "{d}/{s}: {} pages in the PDF, {} in the DOCX",
                    tool.len(),
                    office.len()
                ));
                continue;
            }
            for (n, (a, b)) in tool.iter().zip(&office).enumerate() {
                compared_pages += 1;
                compared_lines += a.len();
                if a != b {
                    let first = a
                        .iter()
                        .zip(b)
                        .position(|(x, y)| x != y)
                        .unwrap_or(a.len().min(b.len()));
                    differ.push(format!(
                        "{d}/{s}, page {}: PDF {:?} / DOCX {:?}",
                        n + 1,
                        a.get(first),
                        b.get(first)
                    ));
                }
            }
        }
    }
    assert!(documents >= 30, "only {documents} documents drafted");
    assert!(
        differ.is_empty(),
        "{} of {documents} documents differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
    println!("{documents} documents, {compared_pages} pages, {compared_lines} lines alike");
}

/// The clerk's C14: the report of nguyen-van-hung runs onto a second page; the signature block
/// goes there with the text before it, never alone, and every signer's title is on the page of
/// their name. Checked on every document of the clerk's dossiers: the page that holds a
/// signature block holds text above it.
#[test]
fn a_signature_block_is_never_alone_on_a_page_nor_split() {
    if !have("pdftotext", "-v") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let drafted = draft_all(&out);
    let catalog = dossier::criteria::Catalog::builtin().unwrap();
    let today = dossier::date::Date::parse(TODAY).unwrap();
    let mut checked_blocks = 0;
    for d in dossiers() {
        let name = d.file_name().unwrap().to_string_lossy().into_owned();
        let mut checked = dossier::rules::check::check_dossier(
            &d,
            &dossier::rules::check::Against::new(&catalog, today),
        );
        if let Some(day) = dossier::draft::signing_day(&checked.dossier, today) {
            checked = dossier::rules::check::check_dossier(
                &d,
                &dossier::rules::check::Against::new(&catalog, day),
            );
        }
        let docs =
            dossier::draft::compose::documents(&checked.dossier, checked.rule_set(&catalog), true);
        for doc in docs {
            if !drafted[&name].contains(&doc.stem) {
                continue;
            }
            let pdf = pages(&out.join(&name).join(format!("{}.pdf", doc.stem)));
            for b in &doc.blocks {
                let dossier::page::model::Block::Closing { right, left, .. } = b else {
                    continue;
                };
                for sig in left.iter().chain(std::iter::once(right)) {
                    let name_line = sig.name.trim();
                    let Some(title) = sig
                        .lines
                        .iter()
                        .flat_map(|l| l.split('\n'))
                        .map(|l| l.trim().to_uppercase())
                        .find(|l| !l.is_empty())
                    else {
                        continue;
                    };
                    // The first word of the title, e.g. "XÁC" of "XÁC NHẬN CỦA …".
                    let head: String = title.split(' ').take(2).collect::<Vec<_>>().join(" ");
                    let page_of = |needle: &str| {
                        pdf.iter()
                            .rposition(|p| p.iter().any(|l| l.contains(needle)))
                    };
                    let (Some(tp), Some(np)) = (page_of(&head), page_of(name_line)) else {
                        panic!("{name}/{}: {head:?} or {name_line:?} not found", doc.stem);
                    };
                    assert_eq!(
                        tp,
                        np,
                        "{name}/{}: {head:?} on page {} and {name_line:?} on page {}",
                        doc.stem,
                        tp + 1,
                        np + 1
                    );
                    // The last line naming it: the issuer above may open with the same words
                    // ("TRUNG ĐỘI DÂN QUÂN …" over "TRUNG ĐỘI TRƯỞNG").
                    let at = pdf[tp].iter().rposition(|l| l.contains(&head)).unwrap();
                    // Above the block: more than the page number (and the stamp).
                    let above = pdf[tp][..at]
                        .iter()
                        .filter(|l| l.chars().any(char::is_alphabetic) && !l.contains("DỰ THẢO"))
                        .count();
                    assert!(
                        above >= 2,
                        "{name}/{}: the signature block stands alone on page {}: {:?}",
                        doc.stem,
                        tp + 1,
                        pdf[tp]
                    );
                    checked_blocks += 1;
                }
            }
        }
    }
    assert!(
        checked_blocks >= 40,
        "only {checked_blocks} signatures checked"
    );
}

/// What other programs read from the clerk's tờ trình: pdffonts lists a bold-italic face (C18);
/// python-docx finds the issuer's name in one paragraph without a hard line break (C24), the
/// number and the date line in the header table's second row, level (C16), and "Nơi nhận:" in
/// bold italics.
#[test]
fn readers_find_the_bold_italic_face_and_the_header_as_a_clerk_types_it() {
    if !have("pdffonts", "-v") || !have("python3", "--version") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let src = repo().join("tests/fixtures/clerk-turn3/base/xa-a");
    let o = dossier(
        tmp.path(),
        &[
            "draft",
            src.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--today",
            TODAY,
            "--draft-anyway",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fonts = Command::new("pdffonts")
        .arg(out.join("to-trinh.pdf"))
        .output()
        .unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("+Tinos-BoldItalic"), "{fonts}");
    let script = r#"
import sys, docx
d = docx.Document(sys.argv[1])
head = d.tables[0]
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
for p in head.rows[0].cells[0].paragraphs:
    if p.text.strip():
        assert not p._p.findall('.//' + W + 'br'), 'hard break in ' + p.text
        print('NAME', ' '.join(p.text.split()))
print('ROW2', ' | '.join(' '.join(c.text.split()) for c in head.rows[1].cells))
for t in d.tables:
    for c in t.rows[0].cells:
        for p in c.paragraphs:
            if p.text == 'Nơi nhận:':
                r = p.runs[0]
                print('NOI', r.bold, r.italic)
"#;
    let py = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(out.join("to-trinh.docx"))
        .output()
        .unwrap();
    if !py.status.success() && String::from_utf8_lossy(&py.stderr).contains("No module named") {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "python-docx is needed in CI"
        );
        return;
    }
    assert!(
        py.status.success(),
        "{}",
        String::from_utf8_lossy(&py.stderr)
    );
    let said = String::from_utf8(py.stdout).unwrap();
    assert!(said.contains("NAME ỦY BAN NHÂN DÂN XÃ MINH LONG"), "{said}");
    assert!(
        said.contains("NAME VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN XÃ MINH LONG"),
        "{said}"
    );
    assert!(
        said.contains("ROW2 Số: 58/TTr-VP | Minh Long, ngày 04 tháng 12 năm 2026"),
        "{said}"
    );
    assert!(said.contains("NOI True True"), "{said}");
    // Broken between words that belong apart, in both files: no "NHÂN / DÂN" (C24).
    let pdf = pages(&out.join("to-trinh.pdf"));
    let first: Vec<&String> = pdf[0].iter().take(8).collect();
    for l in &first {
        assert!(
            !l.ends_with("NHÂN") && !l.starts_with("DÂN"),
            "a compound broken: {first:?}"
        );
    }
}
