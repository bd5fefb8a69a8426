//! Broken and hostile input: the tool reports it with a finding, never crashes, never hangs,
//! never writes into the dossier.

use std::fs;
use std::time::{Duration, Instant};

use crate::util::{finding_lines, rules_of, Scratch};

fn report(s: &Scratch) -> String {
    "bao-cao/nguyen-van-an.yaml"
        .to_owned()
        .replace("nguyen-van-an", &first_report(s))
}

fn first_report(s: &Scratch) -> String {
    let mut names: Vec<String> = fs::read_dir(s.hs().join("bao-cao"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".yaml")
                .to_owned()
        })
        .collect();
    names.sort();
    names[0].clone()
}

#[test]
fn utf16_from_notepad_is_named_plainly() {
    let s = Scratch::base();
    let text = s.read("to-trinh.yaml");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    s.write("to-trinh.yaml", bytes);
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    assert!(rules_of(&json).contains(&"HS011".to_owned()), "{json}");
    let out = s.run(&["check", "--today", crate::util::TODAY, "hs"]);
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(
        human.contains("UTF-16") && human.contains("Notepad"),
        "{human}"
    );
}

#[test]
fn invalid_utf8_points_at_its_line() {
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        "dia_danh:",
        "dia_danh_x: \"\u{0}\"\ndia_danh:",
    );
    let (_, json) = s.check_json(&[]);
    assert!(rules_of(&json).contains(&"HS011".to_owned()));
    let s = Scratch::base();
    let mut bytes = s.read("bien-ban.yaml").into_bytes();
    bytes.extend_from_slice(b"hoi_dong_x: \"Nguy\xC3n\"\n");
    s.write("bien-ban.yaml", bytes);
    let (_, json) = s.check_json(&[]);
    let lines = finding_lines(&json);
    assert!(
        lines.iter().any(|l| l.starts_with("HS011\tbien-ban.yaml:")),
        "{lines:?}"
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let s = Scratch::base();
    for f in ["ho-so.yaml", "to-trinh.yaml", "bien-ban.yaml"] {
        let t = s.read(f).replace('\n', "\r\n");
        s.write(f, [b"\xEF\xBB\xBF".as_slice(), t.as_bytes()].concat());
    }
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), Vec::<String>::new());
    assert_eq!(code, 0);
}

#[test]
fn crlf_positions_are_right() {
    let s = Scratch::base();
    s.edit("bien-ban.yaml", "so_ky_hieu: \"", "so_ky_hieu: \"x");
    let t = s.read("bien-ban.yaml").replace('\n', "\r\n");
    s.write("bien-ban.yaml", t);
    let (_, json) = s.check_json(&[]);
    let f = &json["dossiers"][0]["findings"][0];
    assert_eq!(f["rule"], "SK001");
    assert_eq!(f["line"], 2);
    assert_eq!(f["column"], 13);
}

#[test]
fn alias_bomb_is_refused_fast() {
    let s = Scratch::base();
    let mut y = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        y.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    s.write(&report(&s), y);
    let t = Instant::now();
    let (code, json) = s.check_json(&[]);
    assert!(t.elapsed() < Duration::from_secs(10));
    assert_eq!(code, 1);
    assert!(rules_of(&json).contains(&"HS014".to_owned()), "{json}");
}

#[test]
fn deep_nesting_is_refused() {
    let s = Scratch::base();
    s.write(
        &report(&s),
        format!("ma: {}{}", "[".repeat(200_000), "]".repeat(10)),
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    assert!(rules_of(&json).contains(&"HS014".to_owned()), "{json}");
    let s = Scratch::base();
    let mut y = String::from("ma:\n");
    for depth in 1..100 {
        y.push_str(&"  ".repeat(depth));
        y.push_str("k:\n");
    }
    s.write(&report(&s), y);
    let (_, json) = s.check_json(&[]);
    assert!(rules_of(&json).contains(&"HS014".to_owned()), "{json}");
}

#[test]
fn huge_file_is_refused_without_reading_it() {
    let s = Scratch::base();
    let f = fs::File::create(s.hs().join("bien-ban.yaml")).unwrap();
    f.set_len(64 * 1024 * 1024).unwrap();
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    let lines = finding_lines(&json);
    assert!(
        lines.contains(&"HS011\tbien-ban.yaml".to_owned()),
        "{lines:?}"
    );
}

#[test]
fn binary_junk_is_a_finding() {
    let s = Scratch::base();
    let junk: Vec<u8> = (0..50_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    s.write("ho-so.yaml", &junk);
    s.write(&report(&s), &junk[..999]);
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    assert!(rules_of(&json).contains(&"HS011".to_owned()), "{json}");
}

#[test]
fn garbage_yaml_shapes_never_crash() {
    let shapes = [
        "",
        "~",
        "[]",
        "- a\n- b\n",
        "ma: [1, {a: b}]\n",
        "? [a]\n: b\n",
        "!!binary aGVsbG8=\n",
        "ma: !custom x\n",
        "--- a\n--- b\n",
        "ma: &x a\nten: *x\n",
        "ma: *undefined\n",
        "ma: \"\\uD800\"\n",
        "ma: 'it''s'\ntieu_chuan: [true]\n",
        "tieu_chuan: {a: yes, b: 1}\n",
        "thoi_gian: {tu: 2021-02-30, den: 0000-00-00}\n",
        "xac_nhan: []\n",
        "%YAML 9.9\n---\nma: a\n",
    ];
    for (i, shape) in shapes.iter().enumerate() {
        let s = Scratch::base();
        s.write(&report(&s), shape);
        s.write("to-trinh.yaml", shape);
        let out = s.run(&[
            "check",
            "--format",
            "json",
            "--today",
            crate::util::TODAY,
            "hs",
        ]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "shape {i} {shape:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let _: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    }
}

/// Every file's bytes and modification time, to prove nothing was written.
fn snapshot(dir: &std::path::Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    let mut v: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .map(|e| {
            let m = e.metadata().unwrap();
            let bytes = if m.is_file() {
                fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            (e.path().display().to_string(), bytes, m.modified().unwrap())
        })
        .collect();
    v.sort();
    v
}

#[test]
fn check_never_writes_into_the_dossier() {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", "ngay:", "trich_yue: x\nngay:");
    let before = snapshot(s.dir.path());
    s.check_json(&[]);
    s.run(&["check", "--today", crate::util::TODAY, "hs"]);
    assert_eq!(before, snapshot(s.dir.path()));
}

#[cfg(unix)]
#[test]
fn symlinked_attachment_leading_out_is_refused() {
    let s = Scratch::base();
    let outside = s.dir.path().join("secret.pdf");
    fs::write(&outside, b"%PDF-1.4 secret").unwrap();
    let t = s.read("to-trinh.yaml");
    let att = t
        .lines()
        .find_map(|l| l.strip_prefix("dinh_kem: "))
        .unwrap()
        .trim()
        .trim_matches('"')
        .to_owned();
    fs::remove_file(s.hs().join(&att)).unwrap();
    std::os::unix::fs::symlink(&outside, s.hs().join(&att)).unwrap();
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    assert!(rules_of(&json).contains(&"DK002".to_owned()), "{json}");
}

#[cfg(unix)]
#[test]
fn symlink_loop_in_shared_folder_does_not_hang() {
    let s = Scratch::base();
    std::os::unix::fs::symlink(s.dir.path(), s.dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(s.hs(), s.hs().join("dinh-kem/loop")).unwrap();
    let out = s.run(&[
        "check",
        "--format",
        "json",
        "--today",
        crate::util::TODAY,
        ".",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["dossiers"], 1);
}

/// Mutate the base dossier's files at random (byte flips, cuts, splices, repeated lines) and
/// check each result through the library: no input may panic. A fixed seed keeps it repeatable.
#[test]
fn random_mutations_never_panic() {
    let s = Scratch::base();
    let catalog = dossier::criteria::Catalog::builtin().unwrap();
    let today = dossier::date::Date::parse(crate::util::TODAY).unwrap();
    let files = ["ho-so.yaml", "to-trinh.yaml", "bien-ban.yaml"];
    let originals: Vec<Vec<u8>> = files
        .iter()
        .map(|f| fs::read(s.hs().join(f)).unwrap())
        .collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| -> usize {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    for _ in 0..400 {
        let k = next(files.len());
        let mut b = originals[k].clone();
        match next(5) {
            0 => {
                for _ in 0..1 + next(8) {
                    let i = next(b.len());
                    b[i] = next(256) as u8;
                }
            }
            1 => b.truncate(next(b.len())),
            2 => {
                let i = next(b.len());
                let j = next(b.len());
                let piece = b[i.min(j)..i.max(j)].to_vec();
                let at = next(b.len());
                b.splice(at..at, piece);
            }
            3 => {
                let i = next(b.len());
                b.insert(
                    i,
                    [b':', b'-', b'[', b'{', b'&', b'*', b'"', b'\t', b'\n', b'#'][next(10)],
                );
            }
            _ => {
                let i = next(b.len());
                b.splice(i..i, "ễ\u{301}Ô\u{AD}µ".bytes());
            }
        }
        fs::write(s.hs().join(files[k]), &b).unwrap();
        let checked = dossier::rules::check::check_dossier(
            &s.hs(),
            &dossier::rules::check::Against::new(&catalog, today),
        );
        // Rendering must not panic either, whatever the spans look like.
        let style = dossier::render::Style {
            lang: dossier::diag::Lang::Vi,
            color: true,
            quiet: false,
        };
        let item = dossier::render::Item {
            path: "hs",
            checked: &checked,
        };
        let mut sink = Vec::new();
        dossier::render::Renderer::dossier(
            &mut dossier::render::human::Human::new(style),
            &mut sink,
            &item,
        )
        .unwrap();
        dossier::render::Renderer::dossier(
            &mut dossier::render::json::Json::new(style),
            &mut sink,
            &item,
        )
        .unwrap();
        fs::write(s.hs().join(files[k]), &originals[k]).unwrap();
    }
}

/// Thousands of findings in one file cost each its own line, not the whole file again: a
/// mapping of 40,000 misspelt keys, and one line holding 40,000 repeated keys.
#[test]
fn thousands_of_findings_in_one_file_stay_linear() {
    let s = Scratch::base();
    let mut y = String::from("ma: x\n");
    for i in 0..20_000 {
        y.push_str(&format!("khoa_la_{i}: v\n"));
    }
    s.write(&report(&s), y);
    let t = Instant::now();
    let out = s.run(&["check", "--today", crate::util::TODAY, "hs"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    // The first 500 are listed, the rest counted in one closing finding.
    assert_eq!(text.matches("[HS003]").count(), 501);
    assert!(text.contains("khoa_la_499"));
    assert!(!text.contains("khoa_la_500\""));
    assert!(
        text.contains("tệp này còn 19500 chỗ khác cùng lỗi HS003"),
        "{text}"
    );

    let s2 = Scratch::base();
    let line = vec!["ten: v"; 20_000].join(", ");
    s2.write(&report(&s2), format!("{{{line}}}\n"));
    let out = s2.run(&["check", "--today", crate::util::TODAY, "hs"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("[HS013]").count(), 501, "{}", &text[..2000]);
    assert!(text.contains("tệp này còn 19499 chỗ khác cùng lỗi HS013"));
    // Quadratic work here took a minute in a release build.
    assert!(t.elapsed() < Duration::from_secs(60), "{:?}", t.elapsed());
}

/// A component that is a link to a file elsewhere on the machine was read by `check` ("đạt"),
/// and `pack` then blamed a change during packing: now it is refused like an attachment that
/// leads out (#11).
#[cfg(unix)]
#[test]
fn a_yaml_component_linked_from_outside_is_not_read() {
    let s = Scratch::base();
    let outside = s.dir.path().join("to-trinh-ngoai.yaml");
    fs::rename(s.hs().join("to-trinh.yaml"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, s.hs().join("to-trinh.yaml")).unwrap();
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    let lines = finding_lines(&json);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("HS011") && l.contains("to-trinh.yaml")),
        "{lines:?}"
    );
    let out = s.run(&["check", "--today", crate::util::TODAY, "hs"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("liên kết trỏ ra ngoài hồ sơ"), "{text}");
    let out = s.run(&["pack", "--today", crate::util::TODAY, "hs", "-o", "out/"]);
    let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(!text.contains("thay đổi trong khi đóng gói"), "{text}");
    assert!(!s.dir.path().join("out").exists());
}

/// A PDF saved as `to-trinh.yaml` was taken for text in an old code page ("lưu lại tệp với mã
/// UTF-8"): its signature now names it a scan under a .yaml name (#11).
#[test]
fn a_scan_saved_under_a_yaml_name_is_named_as_such() {
    let s = Scratch::base();
    let pdf = fs::read(
        crate::util::repo()
            .join("examples/01-giay-khen-chuyen-de-truong-yen/dinh-kem/to-trinh.pdf"),
    )
    .unwrap();
    s.write("to-trinh.yaml", &pdf);
    let out = s.run(&["check", "--today", crate::util::TODAY, "hs"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("bản quét bị đặt nhầm tên .yaml"), "{text}");
    assert!(!text.contains("Windows-1258"), "{text}");
}
