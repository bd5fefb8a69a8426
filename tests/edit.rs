//! `dossier init`, `add` and `fix` through the real binary: what a clerk meets in the first hour.

use std::fs;

use crate::util::{dossier, finding_lines, repo, rules_of, Scratch, TODAY};

#[test]
fn init_then_check_reports_only_the_placeholders() {
    let t = tempfile::tempdir().unwrap();
    // With no choice given: the procedure in force on that day, its default form and kind.
    let o = dossier(t.path(), &["init", "hs", "--today", TODAY]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = dossier(
        t.path(),
        &["check", "--format", "json", "--today", TODAY, "hs"],
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rules_of(&json), ["HS015"]);
    let hs = fs::read_to_string(t.path().join("hs/ho-so.yaml")).unwrap();
    assert!(hs.contains("phong_trao: nd152-2025-don-gian"), "{hs}");
    assert!(hs.contains("hinh_thuc: giay_khen_chu_tich_xa"), "{hs}");
    assert!(
        !t.path().join("hs/bien-ban.yaml").exists(),
        "no minutes under Decree 152"
    );
    // Never over an existing file.
    let before = fs::read(t.path().join("hs/to-trinh.yaml")).unwrap();
    let o = dossier(t.path(), &["init", "hs", "--loai-khen", "dot_xuat"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(before, fs::read(t.path().join("hs/to-trinh.yaml")).unwrap());
    // An unknown form is refused with the known ones named.
    let o = dossier(t.path(), &["init", "other", "--hinh-thuc", "giay_khen_xyz"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("giay_khen_chu_tich_xa"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn add_keeps_the_dossier_consistent_and_refuses_a_used_id() {
    let s = Scratch::base();
    let o = s.run(&[
        "add",
        "hs",
        "--ma",
        "tran-van-nam",
        "--ten",
        "Trần Văn Nam",
        "--doi-tuong",
        "tuyen_dau",
        "--don-vi",
        "Công an xã Trường Yên",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let (_, json) = s.check_json(&[]);
    let lines = finding_lines(&json);
    // Only what the clerk still has to fill, all placeholders (#11): the new report's texts and
    // dates, and the votes, which a sample 0 would have shown as a lost vote (BB004).
    assert!(lines.iter().all(|l| l.starts_with("HS015\t")), "{lines:?}");
    let bb = s.read("bien-ban.yaml");
    let votes = bb.lines().position(|l| l.contains("tran-van-nam")).unwrap() + 2;
    for line in [votes, votes + 1] {
        assert!(
            lines.contains(&format!("HS015\tbien-ban.yaml:{line}:16"))
                || lines.contains(&format!("HS015\tbien-ban.yaml:{line}:22")),
            "{line}: {lines:?}"
        );
    }
    let report = s.read("bao-cao/tran-van-nam.yaml");
    for key in ["tu: ", "den: ", "ngay: "] {
        let n = report
            .lines()
            .position(|l| l.trim_start().starts_with(key))
            .unwrap()
            + 1;
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&format!("HS015\tbao-cao/tran-van-nam.yaml:{n}:"))),
            "{key} on line {n}: {lines:?}"
        );
    }
    let before = tree_bytes(&s.hs());
    let o = s.run(&[
        "add",
        "hs",
        "--ma",
        "tran-van-nam",
        "--ten",
        "X",
        "--doi-tuong",
        "tuyen_dau",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("\"tran-van-nam\" đã được dùng") && e.contains("to-trinh.yaml"),
        "{e}"
    );
    // A refused add writes nothing: every file of the dossier is as it was, and none is new.
    assert_eq!(tree_bytes(&s.hs()), before);
}

/// Every file under a folder, by relative path, with its bytes.
pub(crate) fn tree_bytes(root: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                out.insert(rel, fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn fix_shows_a_diff_then_repairs_and_is_idempotent() {
    let t = tempfile::tempdir().unwrap();
    crate::util::copy_tree(
        &repo().join("examples/invalid/DS007-tone-placement-differs"),
        &t.path().join("hs"),
    );
    let before = fs::read_to_string(t.path().join("hs/bao-cao/dang-thi-hoa.yaml")).unwrap();
    let o = dossier(t.path(), &["fix", "--dry-run", "hs"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("+ten: \"Đặng Thị Hòa\""),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_eq!(
        before,
        fs::read_to_string(t.path().join("hs/bao-cao/dang-thi-hoa.yaml")).unwrap()
    );
    let o = dossier(t.path(), &["fix", "hs"]);
    assert_eq!(o.status.code(), Some(0));
    let o = dossier(
        t.path(),
        &["check", "--format", "json", "--today", TODAY, "hs"],
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rules_of(&json), Vec::<String>::new());
    let o = dossier(t.path(), &["fix", "hs"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Không có gì cần sửa"));
}

#[test]
fn fix_names_the_files_it_could_not_read_and_leaves_them() {
    let t = tempfile::tempdir().unwrap();
    crate::util::copy_tree(
        &repo().join("examples/invalid/HS002-invalid-yaml"),
        &t.path().join("hs"),
    );
    let broken = t.path().join("hs/bao-cao/tran-thi-huyen.yaml");
    // A Tab is repaired now (#11); a flow list never closed is not.
    fs::write(&broken, "ma: tran-thi-huyen\nten: [\"Trần Thị Huyền\"\n").unwrap();
    let before = fs::read(&broken).unwrap();
    let o = dossier(t.path(), &["fix", "hs"]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("dossier fix: bỏ qua bao-cao/tran-thi-huyen.yaml: sai cú pháp YAML"),
        "{stderr}"
    );
    assert_eq!(before, fs::read(&broken).unwrap());
    let o = dossier(t.path(), &["--lang", "en", "fix", "--dry-run", "hs"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("dossier fix: skipped bao-cao/tran-thi-huyen.yaml: its YAML does not parse"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Letters Vietnamese writes and English does not: a text with none is not Vietnamese, and an
/// English text with one has an untranslated word in it (names given below are ASCII).
fn has_vietnamese_letter(t: &str) -> bool {
    t.chars().any(|c| {
        "ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
            .contains(c.to_lowercase().next().unwrap_or(c))
    })
}

/// Run one command in both languages on two copies of the same dossier: (Vietnamese output,
/// English output), stdout then stderr.
fn in_both_languages(args: &[&str]) -> (String, String) {
    let run = |lang: &str| {
        let s = Scratch::base();
        let mut all = vec!["--lang", lang];
        all.extend_from_slice(args);
        let o = s.run(&all);
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    (run("vi"), run("en"))
}

/// Every line the editing commands print (#9): said in Vietnamese by default and in English
/// with `--lang en`, each line in its language; the dossier's own names (quoted, or file names)
/// are the only Vietnamese an English line may hold, and these commands name none here.
#[test]
fn the_editing_commands_speak_each_language_whole() {
    let add = [
        "add",
        "hs",
        "--ten",
        "Tran Van Nam",
        "--doi-tuong",
        "tuyen_dau",
    ];
    let cases: [(&[&str], &str, &str); 6] = [
        (
            &add,
            "Đã thêm \"Tran Van Nam\" (mã tran-van-nam) vào hồ sơ:",
            "Added \"Tran Van Nam\" (id tran-van-nam) to the dossier:",
        ),
        (
            &["remove", "hs", "--ma", "nguyen-thi-hang"],
            "(đã xóa)",
            "(deleted)",
        ),
        (
            &["fix", "hs"],
            "Không có gì cần sửa tự động trong hs.",
            "Nothing to fix automatically in hs.",
        ),
        (
            &["remove", "hs", "--ma", "khong-co"],
            "lỗi: hồ sơ không có người được đề nghị mang mã \"khong-co\"",
            "error: the dossier has no nominee with the id \"khong-co\"",
        ),
        (
            &[
                "add",
                "hs",
                "--ten",
                "Tran Van Nam",
                "--doi-tuong",
                "khong_co",
            ],
            "lỗi: không có đối tượng khen thưởng \"khong_co\"",
            "error: unknown kind of nominee \"khong_co\"",
        ),
        (
            &[
                "add",
                "hs",
                "--ten",
                "X",
                "--ma",
                "Sai Ma",
                "--doi-tuong",
                "tuyen_dau",
            ],
            "lỗi: mã \"Sai Ma\" không hợp lệ",
            "error: \"Sai Ma\" is not a valid id",
        ),
    ];
    for (args, vi_words, en_words) in cases {
        let (vi, en) = in_both_languages(args);
        assert!(vi.contains(vi_words), "{args:?}\n{vi}");
        assert!(en.contains(en_words), "{args:?}\n{en}");
        // Backquotes are programmer notation, in either language.
        assert!(
            !vi.contains('`') && !en.contains('`'),
            "{args:?}\n{vi}\n{en}"
        );
        for line in vi
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with("  "))
        {
            assert!(
                has_vietnamese_letter(line),
                "{args:?}: not Vietnamese: {line}"
            );
        }
        for line in en.lines() {
            // The rule set's names of its values exist in Vietnamese only: data, not words.
            let words = line.split("known:").next().unwrap_or(line);
            assert!(
                !has_vietnamese_letter(words),
                "{args:?}: Vietnamese in English: {line}"
            );
        }
    }
}
