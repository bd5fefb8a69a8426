//! Attachment names with a character that does not show (a zero-width space, a direction mark, a
//! soft hyphen, a byte-order mark, a trailing space), in the document, on disk, or in both (#11):
//! `check` says it once, naming the character and where it is, and `fix` never leaves a
//! `dinh_kem` entry naming a file that is not there. The check's findings for each case are the
//! fixtures `DK006-*` and `VB004-attachment-name`; these tests are about what `fix` does after.

use std::fs;

use crate::util::{finding_lines, Scratch};

const LINE: &str = "dinh_kem: dinh-kem/to-trinh.pdf";

/// The attachment named with `yaml` in `to-trinh.yaml`, the file stored as `disk`.
fn dossier(yaml: &str, disk: &str) -> Scratch {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", LINE, &format!("dinh_kem: \"{yaml}\""));
    fs::rename(s.hs().join("dinh-kem/to-trinh.pdf"), s.hs().join(disk)).unwrap();
    s
}

/// The `dinh_kem` value of `to-trinh.yaml` as its bytes say, quotes off.
fn named(s: &Scratch) -> String {
    let t = s.read("to-trinh.yaml");
    let line = t.lines().find(|l| l.starts_with("dinh_kem:")).unwrap();
    line["dinh_kem:".len()..]
        .trim()
        .trim_matches('"')
        .to_owned()
}

#[test]
fn invisible_character_only_in_the_document_is_one_warning_and_fix_removes_it() {
    let s = dossier("dinh-kem/to-trinh\u{200B}.pdf", "dinh-kem/to-trinh.pdf");
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["VB004\tto-trinh.yaml:28:29"]);
    assert_eq!(code, 0);
    let out = s.run(&["fix", "hs"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(named(&s), "dinh-kem/to-trinh.pdf");
    assert!(s.hs().join(named(&s)).is_file());
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn invisible_character_only_on_disk_fix_leaves_the_entry_on_the_file() {
    let s = dossier("dinh-kem/to-trinh.pdf", "dinh-kem/to-trinh.pdf\u{200B}");
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["DK006\tto-trinh.yaml:28:11"]);
    assert_eq!(code, 1);
    let text = s.read("to-trinh.yaml");
    let out = s.run(&["fix", "hs"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(s.read("to-trinh.yaml"), text);
    assert!(s.hs().join("dinh-kem/to-trinh.pdf\u{200B}").is_file());
}

#[test]
fn trailing_space_in_both_is_one_error_and_fix_leaves_it() {
    let s = dossier("dinh-kem/to-trinh.pdf ", "dinh-kem/to-trinh.pdf ");
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["DK006\tto-trinh.yaml:28:33"]);
    assert_eq!(code, 1);
    let text = s.read("to-trinh.yaml");
    let out = s.run(&["fix", "hs"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(s.read("to-trinh.yaml"), text);
}

/// The character in both the `dinh_kem` line and the file's name: `fix` removes it from the line
/// and renames the file with it, so the entry still names the file.
#[test]
fn invisible_character_in_both_fix_does_not_point_the_entry_at_no_file() {
    let s = dossier(
        "dinh-kem/to-trinh\u{200B}.pdf",
        "dinh-kem/to-trinh\u{200B}.pdf",
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["DK006\tto-trinh.yaml:28:29"]);
    assert_eq!(code, 1);
    let out = s.run(&["fix", "hs"]);
    assert!(out.status.success(), "{out:?}");
    let entry = named(&s);
    assert!(
        s.hs().join(&entry).is_file(),
        "after fix, dinh_kem names {entry:?}, which is not in the folder"
    );
    assert_eq!(entry, "dinh-kem/to-trinh.pdf");
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

/// A look-alike letter (a Cyrillic о) in both names is written in Latin in both, the same way.
#[test]
fn lookalike_letter_in_both_fix_renames_the_file_with_the_entry() {
    let s = dossier("dinh-kem/t\u{43E}-trinh.pdf", "dinh-kem/t\u{43E}-trinh.pdf");
    let out = s.run(&["fix", "hs"]);
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("dinh_kem đã sửa (viết lại bằng chữ Latinh U+043E → o)"),
        "{said}"
    );
    assert_eq!(named(&s), "dinh-kem/to-trinh.pdf");
    assert!(s.hs().join("dinh-kem/to-trinh.pdf").is_file());
    assert!(!s.hs().join("dinh-kem/t\u{43E}-trinh.pdf").exists());
}

/// `--dry-run` shows the rename with the line's diff, naming the character, and changes nothing.
#[test]
fn invisible_character_in_both_dry_run_shows_the_rename_and_writes_nothing() {
    let s = dossier(
        "dinh-kem/to-trinh\u{200B}.pdf",
        "dinh-kem/to-trinh\u{200B}.pdf",
    );
    let text = s.read("to-trinh.yaml");
    let out = s.run(&["fix", "--dry-run", "hs"]);
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(
            "# đổi tên tệp đính kèm cho khớp dòng dinh_kem đã sửa (xóa ký tự vô hình U+200B): \
             dinh-kem/to-trinh<U+200B>.pdf -> dinh-kem/to-trinh.pdf"
        ),
        "{said}"
    );
    assert!(
        said.contains("+dinh_kem: \"dinh-kem/to-trinh.pdf\""),
        "{said}"
    );
    assert_eq!(s.read("to-trinh.yaml"), text);
    assert!(s.hs().join("dinh-kem/to-trinh\u{200B}.pdf").is_file());
    assert!(!s.hs().join("dinh-kem/to-trinh.pdf").exists());
}

/// The clean name already belongs to another file (here one differing only in case, which
/// Windows and macOS take for the same name): nothing is renamed or overwritten, the document
/// is left as it is, and the clerk is told why.
#[test]
fn invisible_character_in_both_and_the_clean_name_taken_fix_leaves_both() {
    for other in ["dinh-kem/to-trinh.pdf", "dinh-kem/To-Trinh.pdf"] {
        let s = dossier(
            "dinh-kem/to-trinh\u{200B}.pdf",
            "dinh-kem/to-trinh\u{200B}.pdf",
        );
        fs::write(s.hs().join(other), b"%PDF-1.4\nanother file\n").unwrap();
        let text = s.read("to-trinh.yaml");
        let out = s.run(&["fix", "hs"]);
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("dossier fix: bỏ qua to-trinh.yaml: dòng 28: tệp \"dinh-kem/to-trinh<U+200B>.pdf\" có ký tự vô hình hoặc chữ trông giống chữ Latinh trong tên, nhưng tên \"dinh-kem/to-trinh.pdf\" đã là tên của tệp khác"),
            "{err}"
        );
        assert_eq!(s.read("to-trinh.yaml"), text);
        assert!(s.hs().join("dinh-kem/to-trinh\u{200B}.pdf").is_file());
        assert_eq!(
            fs::read(s.hs().join(other)).unwrap(),
            b"%PDF-1.4\nanother file\n"
        );
    }
}

/// A space after the name inside the quotes, the file on disk named without it: the written
/// path is read trimmed, as every path, so it names the file and the bundle carries it under
/// its real name. Nothing to say, and nothing for `fix` to change.
#[test]
fn trailing_space_only_in_the_document_names_the_file() {
    let s = dossier("dinh-kem/to-trinh.pdf ", "dinh-kem/to-trinh.pdf");
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

/// The English report names the character and its column too.
#[test]
fn the_english_report_names_the_character_and_its_column() {
    let s = dossier("dinh-kem/to-trinh.pdf", "dinh-kem/to-trinh\u{202E}.pdf");
    let o = s.run(&["--lang", "en", "check", "--today", crate::util::TODAY, "hs"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains(
            "an invisible character U+202E (a text direction mark) at column 18 of the name"
        ),
        "{out}"
    );
    assert!(
        out.contains("rename the file on disk to \"dinh-kem/to-trinh.pdf\""),
        "{out}"
    );
    assert!(!out.contains("not found"), "{out}");
}

/// Two entries of one document, each with the character in both names: one file can be renamed,
/// the other's clean name is taken. The document is left as it is, so neither file is renamed:
/// renaming the first would leave the untouched document naming a file that is gone.
#[test]
fn one_entry_that_cannot_be_renamed_keeps_the_other_files_of_its_document() {
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        LINE,
        "dinh_kem:\n  - \"dinh-kem/to-trinh\u{200B}.pdf\"\n  - \"dinh-kem/phu-luc\u{200B}.pdf\"",
    );
    fs::rename(
        s.hs().join("dinh-kem/to-trinh.pdf"),
        s.hs().join("dinh-kem/to-trinh\u{200B}.pdf"),
    )
    .unwrap();
    s.write("dinh-kem/phu-luc\u{200B}.pdf", b"%PDF-1.4\n");
    s.write("dinh-kem/phu-luc.pdf", b"%PDF-1.4\nanother\n");
    let text = s.read("to-trinh.yaml");
    let out = s.run(&["fix", "hs"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bỏ qua to-trinh.yaml: dòng 30:"), "{err}");
    assert_eq!(s.read("to-trinh.yaml"), text);
    assert!(s.hs().join("dinh-kem/to-trinh\u{200B}.pdf").is_file());
    assert!(!s.hs().join("dinh-kem/to-trinh.pdf").exists());
    assert!(s.hs().join("dinh-kem/phu-luc\u{200B}.pdf").is_file());
}
