//! The tests of `dossier fix`: each kind of repair, the proof, and a property test over generated
//! dossiers.

use super::*;
use crate::criteria::Catalog;
use crate::date::Date;
use crate::rules::check::{check_dossier, Against};
use crate::rules::Rule;
use crate::testing::Rng;
use crate::yaml::tree::parse;
use std::fs;
use unicode_normalization::UnicodeNormalization;

fn nfd(s: &str) -> String {
    s.nfd().collect()
}

fn dossier(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        let p = dir.path().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }
    if !dir.path().join("ho-so.yaml").exists() {
        fs::write(dir.path().join("ho-so.yaml"), "phien_ban: 1\n").unwrap();
    }
    dir
}

fn fixed(dir: &Path, rel: &str) -> String {
    fs::read_to_string(dir.join(rel)).unwrap()
}

fn plan_apply(dir: &Path) -> FixReport {
    let r = plan_fixes(dir).unwrap();
    apply(&r).unwrap();
    assert_eq!(plan_fixes(dir).unwrap().changes, vec![], "idempotent");
    r
}

#[test]
fn nfc_keeps_the_scalar_as_written() {
    let text = format!(
        "# {}\nten: \"{}\"  # {}\nx: '{}'\ny: {}\nz: |\r\n  {}\r\n  dòng hai\r\n",
        nfd("Tờ trình"),
        nfd("Nguyễn Thị Hằng"),
        nfd("chú thích"),
        nfd("Hòa''s"),
        nfd("Văn bản"),
        nfd("Hành động"),
    );
    let dir = dossier(&[("to-trinh.yaml", &text)]);
    let r = plan_apply(dir.path());
    assert_eq!(r.changes.len(), 1);
    assert_eq!(r.changes[0].reasons.len(), 4, "{:?}", r.changes[0].reasons);
    let after = fixed(dir.path(), "to-trinh.yaml");
    // Comments are left exactly as typed, even when not NFC: they are not the dossier's data.
    assert_eq!(
        after,
        format!(
            "# {}\nten: \"Nguyễn Thị Hằng\"  # {}\nx: 'Hòa''s'\ny: Văn bản\nz: |\r\n  Hành động\r\n  dòng hai\r\n",
            nfd("Tờ trình"),
            nfd("chú thích"),
        )
    );
}

#[test]
fn spaces_in_names_only() {
    let text = "ten: \"  Nguyễn  Thị\u{a0}Hằng \"\nnguoi_ky: { ho_ten: Trần  Văn Bình, chuc_vu: 'Chủ  tịch' }\nco_quan_cap_tren: Ủy ban  nhân dân\ntrich_yeu: \"Về  việc\"\n";
    let dir = dossier(&[("to-trinh.yaml", text)]);
    plan_apply(dir.path());
    assert_eq!(
        fixed(dir.path(), "to-trinh.yaml"),
        "ten: \"Nguyễn Thị Hằng\"\nnguoi_ky: { ho_ten: Trần Văn Bình, chuc_vu: 'Chủ tịch' }\nco_quan_cap_tren: Ủy ban nhân dân\ntrich_yeu: \"Về  việc\"\n"
    );
}

#[test]
fn a_plain_value_is_quoted_when_it_must_be() {
    // Folding the non-breaking space would make `a: b` a mapping inside a plain value.
    let text = "ten: Hội đồng:\u{a0}khen\n";
    let dir = dossier(&[("to-trinh.yaml", text)]);
    plan_apply(dir.path());
    assert_eq!(
        fixed(dir.path(), "to-trinh.yaml"),
        "ten: \"Hội đồng: khen\"\n"
    );
}

#[test]
fn tone_placement_follows_the_majority_and_ties_go_to_the_proposal() {
    let dir = dossier(&[
        (
            "to-trinh.yaml",
            "danh_sach:\n  - ten: \"Lê Thị Thủy\"\n    don_vi: \"Xã Ninh Hòa\"\n",
        ),
        (
            "bien-ban.yaml",
            "chu_tri: { ho_ten: \"Lê Thị Thuỷ\", chuc_vu: x }\n",
        ),
        (
            "bao-cao/le-thi-thuy.yaml",
            "ten: \"Lê Thị Thuỷ\"\ndon_vi: \"Xã Ninh Hoà\"\nhanh_dong: Lê Thị Thủy\n",
        ),
    ]);
    let r = plan_apply(dir.path());
    let files: Vec<_> = r
        .changes
        .iter()
        .map(|c| c.file.strip_prefix(dir.path()).unwrap().to_owned())
        .collect();
    assert_eq!(
        files,
        [
            PathBuf::from("to-trinh.yaml"),
            PathBuf::from("bao-cao/le-thi-thuy.yaml")
        ]
    );
    // Thuỷ: two against one. Ninh Hòa: one each, the proposal wins.
    assert_eq!(
        fixed(dir.path(), "to-trinh.yaml"),
        "danh_sach:\n  - ten: \"Lê Thị Thuỷ\"\n    don_vi: \"Xã Ninh Hòa\"\n"
    );
    // Free text is not a name: left alone.
    assert_eq!(
        fixed(dir.path(), "bao-cao/le-thi-thuy.yaml"),
        "ten: \"Lê Thị Thuỷ\"\ndon_vi: \"Xã Ninh Hòa\"\nhanh_dong: Lê Thị Thủy\n"
    );
    assert!(r.changes[0].reasons[0].vi.contains("dấu thanh"));
}

#[test]
fn crlf_and_bom_survive() {
    let text = format!("\u{feff}# c\r\nten: \"{}  An\"\r\nx: 1\r\n", nfd("Lê"));
    let dir = dossier(&[("to-trinh.yaml", &text)]);
    plan_apply(dir.path());
    assert_eq!(
        fixed(dir.path(), "to-trinh.yaml"),
        "\u{feff}# c\r\nten: \"Lê An\"\r\nx: 1\r\n"
    );
}

#[test]
fn apply_refuses_a_file_changed_since_the_plan() {
    let dir = dossier(&[("to-trinh.yaml", "ten: \"a  b\"\n")]);
    let r = plan_fixes(dir.path()).unwrap();
    fs::write(dir.path().join("to-trinh.yaml"), "ten: \"a   b\"\n").unwrap();
    assert!(matches!(apply(&r), Err(EditError::Changed(_))));
    assert_eq!(fixed(dir.path(), "to-trinh.yaml"), "ten: \"a   b\"\n");
}

#[test]
fn unreadable_files_and_links_are_left_alone() {
    let dir = dossier(&[
        ("to-trinh.yaml", "ten: \"a  b\n"),
        ("bien-ban.yaml", "ten: \"a  b\"\n"),
    ]);
    fs::create_dir_all(dir.path().join("bao-cao")).unwrap();
    // Broken UTF-16 (an odd number of bytes): the checker reports it (HS011); fix cannot
    // read it, so leaves it. (Whole UTF-16 is written back as UTF-8.)
    fs::write(
        dir.path().join("bao-cao/hong.yaml"),
        [
            0xFF, 0xFE, b't', 0, b':', 0, b' ', 0, b'a', 0, b' ', 0, b' ', 0, b'b', 0, b'c',
        ],
    )
    .unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(
            dir.path().join("bien-ban.yaml"),
            dir.path().join("bao-cao/lien-ket.yaml"),
        )
        .unwrap();
    }
    let r = plan_fixes(dir.path()).unwrap();
    assert_eq!(r.changes.len(), 1);
    assert!(r.changes[0].file.ends_with("bien-ban.yaml"));
    assert!(matches!(
        plan_fixes(&dir.path().join("bao-cao")),
        Err(EditError::NotADossier(_))
    ));
}

#[test]
fn shipped_examples_need_no_fix_and_the_tone_example_is_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for name in [
        "01-giay-khen-chuyen-de-truong-yen",
        "02-giay-khen-dot-xuat-ninh-hai",
        "03-bang-khen-tinh-huyen-hoa-lu",
    ] {
        let r = plan_fixes(&root.join(name)).unwrap();
        assert_eq!(r.changes, vec![], "{name}");
    }
    for (name, rule) in [
        ("DS007-tone-placement-differs", Rule::DS007),
        ("VB001-text-not-nfc", Rule::VB001),
    ] {
        let src = root.join("invalid").join(name);
        let dir = tempfile::tempdir().unwrap();
        copy(&src, dir.path());
        let cat = Catalog::builtin().unwrap();
        let today = Date::parse("2030-01-01").unwrap();
        let before = check_dossier(dir.path(), &Against::new(&cat, today)).findings;
        assert!(before.iter().any(|f| f.rule == rule), "{name}");
        let r = plan_apply(dir.path());
        assert!(!r.changes.is_empty());
        let after = check_dossier(dir.path(), &Against::new(&cat, today)).findings;
        assert!(!after.iter().any(|f| f.rule == rule), "{name}: {after:?}");
        // Nothing else changed in what the checker sees.
        assert_eq!(
            before.iter().filter(|f| f.rule != rule).count(),
            after.len(),
            "{name}"
        );
    }
}

#[test]
fn an_edit_that_cannot_be_proven_falls_back_or_is_dropped() {
    let body = "a: \"x  y\"\nb: \"p  q\"\n";
    let root = parse(body).root.unwrap();
    let d = Doc {
        loaded: Loaded {
            path: PathBuf::from("t.yaml"),
            raw: body.to_owned(),
            disk: None,
        },
        text: body.to_owned(),
        repairs: Vec::new(),
        root,
        rank: 0,
    };
    let edit = |start: usize, end: usize, want: &str, candidates: &[&str]| Edit {
        start,
        end,
        want: want.to_owned(),
        candidates: candidates.iter().map(|c| (*c).to_owned()).collect(),
        line: 1,
        key: "a".to_owned(),
        nfc: false,
        spaces: true,
        tone: false,
        extra: Vec::new(),
        unquote: false,
    };
    let edits = [
        // An unterminated quote first, then a good one: the good one is kept.
        edit(3, 9, "x y", &["\"x y", "\"x y\""]),
        // Reads back as something else: dropped.
        edit(13, 19, "p q", &["\"p  q \""]),
    ];
    let chosen = prove(&d, &edits);
    assert_eq!(chosen.len(), 1);
    assert_eq!(chosen[0].1, "\"x y\"");
    assert_eq!(splice(body, &chosen), "a: \"x y\"\nb: \"p  q\"\n");
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &to.join(e.file_name()));
        } else {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn unified_diff_shows_hunks_with_context() {
    let before: String = (1..=12).map(|i| format!("l{i}\n")).collect();
    let after = before.replace("l2\n", "L2\n").replace("l11\n", "L11\n");
    let c = FileChange {
        file: PathBuf::from("x.yaml"),
        before,
        after,
        reasons: vec![],
        disk: None,
    };
    assert_eq!(
        unified_diff(&c),
        "--- x.yaml\n+++ x.yaml\n@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n@@ -8,5 +8,5 @@\n l8\n l9\n l10\n-l11\n+L11\n l12\n"
    );
    let c = FileChange {
        file: PathBuf::from("y.yaml"),
        before: "a\r\nb".into(),
        after: "a\r\nc".into(),
        reasons: vec![],
        disk: None,
    };
    assert_eq!(
        unified_diff(&c),
        "--- y.yaml\n+++ y.yaml\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
    );
    let c = FileChange {
        file: PathBuf::from("z.yaml"),
        before: "".into(),
        after: "a\n".into(),
        reasons: vec![],
        disk: None,
    };
    assert_eq!(
        unified_diff(&c),
        "--- z.yaml\n+++ z.yaml\n@@ -0,0 +1,1 @@\n+a\n"
    );
}

/// Words with two tone placements (old, new), and words with one.
const TWO_WAYS: &[(&str, &str)] = &[
    ("Hòa", "Hoà"),
    ("Thủy", "Thuỷ"),
    ("Khỏe", "Khoẻ"),
    ("Thúy", "Thuý"),
    ("Ủy", "Uỷ"),
    ("Tùy", "Tuỳ"),
    ("Xòe", "Xoè"),
];
const ONE_WAY: &[&str] = &[
    "Nguyễn", "Thị", "Văn", "Lê", "Trần", "Minh", "Hằng", "Đức", "ban", "xã", "Ninh", "Phạm",
];

/// A name: a fixed sequence of words, each two-way word in a chosen placement.
fn name_words(rng: &mut Rng) -> Vec<(usize, bool)> {
    // (index, two-way?) pairs; the placement is chosen per occurrence.
    (0..2 + rng.below(3))
        .map(|_| {
            if rng.chance(50) {
                (rng.below(TWO_WAYS.len()), true)
            } else {
                (rng.below(ONE_WAY.len()), false)
            }
        })
        .collect()
}

/// One writing of a name: placements, NFD, spaces; `clean` keeps it canonical.
fn spell(rng: &mut Rng, words: &[(usize, bool)], clean: bool) -> String {
    let mut out = String::new();
    if !clean && rng.chance(15) {
        out.push(' ');
    }
    for (i, (w, two)) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
            if !clean && rng.chance(20) {
                out.push_str(if rng.chance(50) { " " } else { "\u{a0}" });
            }
        }
        let word = if *two {
            let (old, new) = TWO_WAYS[*w];
            if clean || rng.chance(50) {
                new
            } else {
                old
            }
        } else {
            ONE_WAY[*w]
        };
        if !clean && rng.chance(25) {
            out.push_str(&nfd(word));
        } else {
            out.push_str(word);
        }
    }
    if !clean && rng.chance(15) {
        out.push_str("  ");
    }
    out
}

/// A name as a YAML value in a random style (plain only when it reads back the same).
fn value(rng: &mut Rng, s: &str) -> String {
    match rng.below(3) {
        0 if s.trim() == s && plain_ok(s) => s.to_owned(),
        1 => sq(s).unwrap_or_else(|| dq(s)),
        _ => dq(s),
    }
}

fn free_text(rng: &mut Rng, clean: bool) -> String {
    let t = "Thực hiện tốt nhiệm vụ  phòng, chống dịch";
    if !clean && rng.chance(40) {
        nfd(t)
    } else {
        t.to_owned()
    }
}

fn generate(rng: &mut Rng, clean: bool) -> Vec<(String, String)> {
    let names: Vec<Vec<(usize, bool)>> = (0..3).map(|_| name_words(rng)).collect();
    let pick = |rng: &mut Rng| names[rng.below(names.len())].clone();
    let mut files = Vec::new();
    let nl = |rng: &mut Rng| if rng.chance(30) { "\r\n" } else { "\n" };

    let e = nl(rng);
    let mut tt = format!("# Tờ trình{e}so_ky_hieu: \"1/TTr-UBND\"{e}");
    let w = pick(rng);
    let s = spell(rng, &w, clean);
    tt.push_str(&format!("co_quan: {}  # cơ quan{e}", value(rng, &s)));
    tt.push_str(&format!("trich_yeu: \"{}\"{e}", free_text(rng, clean)));
    let w = pick(rng);
    let s = spell(rng, &w, clean);
    if rng.chance(50) {
        tt.push_str(&format!(
            "nguoi_ky: {{ ho_ten: {}, chuc_vu: \"Chủ tịch\" }}{e}",
            value(rng, &s)
        ));
    } else {
        tt.push_str(&format!(
            "nguoi_ky:{e}  # người ký{e}  ho_ten: {}{e}  chuc_vu: Chủ tịch{e}",
            value(rng, &s)
        ));
    }
    tt.push_str(&format!("danh_sach:{e}"));
    let n = 1 + rng.below(3);
    let mut reports = Vec::new();
    for i in 0..n {
        let who = pick(rng);
        let unit = pick(rng);
        let s1 = spell(rng, &who, clean);
        let s2 = spell(rng, &unit, clean);
        tt.push_str(&format!(
            "  - ma: n{i}{e}    ten: {}{e}    # đơn vị{e}    don_vi: {}{e}",
            value(rng, &s1),
            value(rng, &s2)
        ));
        reports.push((i, who, unit));
    }
    files.push(("to-trinh.yaml".to_owned(), tt));

    let e = nl(rng);
    let w = pick(rng);
    let s = spell(rng, &w, clean);
    files.push((
        "bien-ban.yaml".to_owned(),
        format!(
            "hoi_dong: \"Hội đồng\"{e}chu_tri: {{ ho_ten: {}, chuc_vu: x }}{e}ket_qua:{e}  - {{ ma: n0, tan_thanh: 1 }}{e}",
            value(rng, &s)
        ),
    ));
    for (i, who, unit) in reports {
        let e = nl(rng);
        let bom = if rng.chance(20) { "\u{feff}" } else { "" };
        let s1 = spell(rng, &who, clean);
        let s2 = spell(rng, &unit, clean);
        let body = free_text(rng, clean);
        files.push((
            format!("bao-cao/n{i}.yaml"),
            format!(
                "{bom}ma: n{i}{e}ten: {}{e}don_vi: {}{e}hanh_dong: |{e}  {body}{e}  dòng hai{e}xac_nhan:{e}  co_quan: {}{e}",
                value(rng, &s1),
                value(rng, &s2),
                value(rng, &s2),
            ),
        ));
    }
    files.push((
        "ho-so.yaml".to_owned(),
        "phien_ban: 1\nco_quan_de_nghi: \"Ủy ban nhân dân xã Ninh Hải\"\n".to_owned(),
    ));
    files
}

fn all_scalars<'a>(n: &'a Node, key: &str, out: &mut Vec<(String, &'a Scalar)>) {
    match n {
        Node::Scalar(s) => out.push((key.to_owned(), s)),
        Node::Seq(items, _) => items.iter().for_each(|i| all_scalars(i, key, out)),
        Node::Map(entries, _) => entries.iter().for_each(|(k, v)| {
            out.push(("<key>".to_owned(), k));
            all_scalars(v, &k.text, out);
        }),
    }
}

fn shape(n: &Node) -> String {
    match n {
        Node::Scalar(_) => "s".to_owned(),
        Node::Seq(items, _) => format!(
            "[{}]",
            items.iter().map(shape).collect::<Vec<_>>().join(",")
        ),
        Node::Map(entries, _) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("{}:{}", k.text, shape(v)))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

#[test]
fn property_fix_is_idempotent_and_keeps_meaning() {
    let mut rng = Rng(0x00D0_551E_2021_u64);
    let mut changed_files = 0;
    for round in 0..150 {
        let clean = round % 5 == 0;
        let files = generate(&mut rng, clean);
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let dir = dossier(&refs);
        let report = plan_fixes(dir.path()).unwrap();
        if clean {
            assert_eq!(
                report.changes,
                vec![],
                "round {round}: a clean dossier changed"
            );
        }
        apply(&report).unwrap();
        changed_files += report.changes.len();
        let again = plan_fixes(dir.path()).unwrap();
        assert_eq!(again.changes, vec![], "round {round}: not idempotent");

        let mut spellings: HashMap<String, String> = HashMap::new();
        for (rel, before) in &files {
            let after = fixed(dir.path(), rel);
            let changed = report.changes.iter().any(|c| c.file.ends_with(rel));
            if !changed {
                assert_eq!(&after, before, "round {round}: {rel} touched");
            }
            let strip = |s: &str| s.strip_prefix('\u{feff}').unwrap_or(s).to_owned();
            let (b, a) = (strip(before), strip(&after));
            assert_eq!(
                before.starts_with('\u{feff}'),
                after.starts_with('\u{feff}')
            );
            assert_eq!(
                b.matches("\r\n").count(),
                a.matches("\r\n").count(),
                "{rel}"
            );
            assert_eq!(b.lines().count(), a.lines().count(), "{rel}");
            for line in b.lines().filter(|l| l.trim_start().starts_with('#')) {
                assert!(a.lines().any(|l| l == line), "comment lost: {line}");
            }
            let (ob, ab) = (parse(&b).root.unwrap(), parse(&a).root.unwrap());
            assert_eq!(shape(&ob), shape(&ab), "round {round}: {rel}");
            let (mut os, mut ns) = (Vec::new(), Vec::new());
            all_scalars(&ob, "", &mut os);
            all_scalars(&ab, "", &mut ns);
            assert_eq!(os.len(), ns.len());
            for ((key, o), (_, n)) in os.iter().zip(&ns) {
                assert_eq!(name_key(&o.text), name_key(&n.text), "{rel}: {key}");
                assert!(crate::text::is_nfc(&n.text), "{rel}: {key}: {:?}", n.text);
                if key == "<key>" || !is_name_key(key) {
                    assert_eq!(to_nfc(&o.text), n.text.as_str(), "{rel}: {key}");
                } else {
                    assert_eq!(fold_whitespace(&n.text), n.text.as_str());
                    let k = name_key(&n.text);
                    let first = spellings.entry(k).or_insert_with(|| n.text.clone());
                    assert_eq!(first, &n.text, "round {round}: two spellings left");
                }
            }
        }
        assert!(report.changes.iter().all(|c| c.before != c.after));
    }
    assert!(
        changed_files > 100,
        "the generator exercises the fixes ({changed_files})"
    );
}

#[test]
fn legacy_blocks_are_decoded_in_place() {
    // A `>` block over two lines and a `|` block with a kept indentation indicator: the words
    // decoded, the layout as it was (#16, C07).
    let text = "ma: a\nhanh_dong: >\n  Uû ban nh©n d©n\n  x· Tr\u{ad}êng Yªn\n\nthanh_tich: |2\n   Hoa L\u{ad}, ngµy 15 th¸ng 10\ncong_trang: |\n  Nguyễn Văn An\n";
    let dir = dossier(&[("bao-cao/a.yaml", text)]);
    let r = plan_apply(dir.path());
    assert_eq!(r.changes.len(), 1);
    assert_eq!(
        fixed(dir.path(), "bao-cao/a.yaml"),
        "ma: a\nhanh_dong: >\n  Uỷ ban nhân dân\n  xã Trường Yên\n\nthanh_tich: |2\n   Hoa Lư, ngày 15 tháng 10\ncong_trang: |\n  Nguyễn Văn An\n"
    );
    let reasons: Vec<&str> = r.changes[0].reasons.iter().map(|m| m.vi.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "dòng 3, trường \"hanh_dong\": chuyển chữ gõ bằng bảng mã TCVN3 (ABC) sang Unicode",
            "dòng 7, trường \"thanh_tich\": chuyển chữ gõ bằng bảng mã TCVN3 (ABC) sang Unicode"
        ]
    );
}

#[test]
fn a_letter_of_a_legacy_word_is_never_removed() {
    // TCVN3's ư is U+00AD, the soft hyphen; its é is Ð: both stay letters of the word decoded,
    // in plain, quoted and block values, while a soft hyphen in Unicode text is removed, and
    // Ð outside a legacy word is the Đ it looks like.
    let text = "ten: Hé «ng Ph¹m V¨n T\u{ad}\nchuc_vu: \"tr\u{ad}ëng\u{a0}th«n\"\ndon_vi: \"Trường\u{ad} Yên\"\nhanh_dong: |\n  Tr\u{ad}êng NguyÔn bÐ Ðinh\n";
    let dir = dossier(&[("bao-cao/a.yaml", text)]);
    plan_apply(dir.path());
    let after = fixed(dir.path(), "bao-cao/a.yaml");
    assert_eq!(
        after,
        "ten: Hộ ông Phạm Văn Tư\nchuc_vu: \"trưởng thôn\"\ndon_vi: \"Trường Yên\"\nhanh_dong: |\n  Trường Nguyễn bé Đinh\n"
    );
}
