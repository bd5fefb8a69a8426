//! The command line as a user meets it: exit codes, languages, discovery, rule sets.

use std::fs;

use crate::util::{dossier, repo, rules_of, Scratch, TODAY};

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every valid example (a numbered folder of `examples/`), each under the rule set of its own
/// period, with no finding at all.
#[test]
fn shipped_examples_pass() {
    let mut dirs: Vec<String> = std::fs::read_dir(repo().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        .map(|n| format!("examples/{n}"))
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 5, "{dirs:?}");
    let mut args = vec!["check", "--deny-warnings", "--today", crate::util::TODAY];
    args.extend(dirs.iter().map(String::as_str));
    let o = dossier(&repo(), &args);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let want = format!(
        "Đã kiểm tra {} hồ sơ: 0 hồ sơ có lỗi, 0 hồ sơ chỉ có cảnh báo",
        dirs.len()
    );
    assert!(stdout(&o).contains(&want), "{}", stdout(&o));
}

/// The findings block of an invalid example's README: the lines between the fences after
/// "Expected findings", as `RULE<TAB>place`.
fn readme_expectation(readme: &str) -> Vec<String> {
    let after = &readme[readme
        .find("Expected findings")
        .expect("an Expected findings block")..];
    let mut blocks = after.split("```");
    blocks.next();
    let mut v: Vec<String> = blocks
        .next()
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.split_whitespace();
            format!("{}\t{}", parts.next().unwrap(), parts.next().unwrap())
        })
        .collect();
    v.sort();
    v
}

#[test]
fn every_invalid_example_gives_what_its_readme_says() {
    let dir = repo().join("examples/invalid");
    let mut count = 0;
    for e in fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if !p.is_dir() {
            continue;
        }
        count += 1;
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let id = &name[..5];
        let o = dossier(
            &dir,
            &["check", "--format", "json", "--today", TODAY, &name],
        );
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(rules_of(&json).contains(&id.to_owned()), "{name}: {json}");
        let readme = fs::read_to_string(p.join("README.md")).unwrap();
        assert_eq!(
            crate::util::finding_lines(&json),
            readme_expectation(&readme),
            "{name}"
        );
        let warning_only = json["summary"]["errors"] == 0;
        assert_eq!(
            o.status.code(),
            Some(if warning_only { 0 } else { 1 }),
            "{name}"
        );
    }
    assert!(count >= 10, "only {count} invalid examples");
}

#[test]
fn exit_2_when_the_tool_cannot_run() {
    let s = Scratch::base();
    let o = s.run(&["check", "no-such-folder"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("không tìm thấy thư mục \"no-such-folder\""),
        "{}",
        stderr(&o)
    );
    let o = s.run(&["--lang", "en", "check", "no-such-folder"]);
    assert!(
        stderr(&o).contains("folder \"no-such-folder\" not found"),
        "{}",
        stderr(&o)
    );
    fs::create_dir(s.dir.path().join("empty")).unwrap();
    let o = s.run(&["check", "empty"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("không chứa hồ sơ nào"),
        "{}",
        stderr(&o)
    );
    // Each refusal says what was wrong, and no report is printed.
    let o = s.run(&["check", "--today", "2021-02-30", "hs"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--today \"2021-02-30\" không phải ngày YYYY-MM-DD"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o), "");
    let o = s.run(&["--lang", "en", "check", "--today", "2021-02-30", "hs"]);
    assert!(
        stderr(&o).contains("is not a YYYY-MM-DD date"),
        "{}",
        stderr(&o)
    );
    // An empty date (a script's unset variable) is said to be empty, as other empty values are.
    let o = s.run(&["check", "--today", "", "hs"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "lỗi: --today cần một ngày dạng YYYY-MM-DD, không được để trống\n"
    );
    let o = s.run(&["--lang", "en", "check", "--today", "", "hs"]);
    assert_eq!(
        stderr(&o),
        "error: --today needs a YYYY-MM-DD date; it is empty\n"
    );
    let o = s.run(&["check", "--format", "xml", "hs"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("xml") && e.contains("junit") && e.contains("sarif"),
        "{e}"
    );
    assert_eq!(stdout(&o), "");
    // A file that is in no dossier is not a folder to check.
    fs::write(s.dir.path().join("note.txt"), "x").unwrap();
    let o = s.run(&["check", "note.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let o = s.run(&["explain", "XX999"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("không có quy tắc \"XX999\"") && stderr(&o).contains("dossier rules"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o), "");
    let o = s.run(&["--lang", "en", "explain", "XX999"]);
    assert!(stderr(&o).contains("no rule \"XX999\""), "{}", stderr(&o));
}

#[test]
fn broken_yaml_is_a_finding_not_a_crash() {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", "ngay: ", "ngay \"");
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    assert_eq!(rules_of(&json), ["HS002"]);
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let s = Scratch::base();
    s.write("dinh-kem/extra.pdf", b"%PDF-1.4\n");
    let (code, json) = s.check_json(&[]);
    assert_eq!((code, rules_of(&json)), (0, vec!["DK004".to_owned()]));
    let (code, _) = s.check_json(&["--deny-warnings"]);
    assert_eq!(code, 1);
}

#[test]
fn shared_folder_is_searched_recursively_skipping_hidden() {
    let s = Scratch::base();
    let root = s.dir.path();
    crate::util::copy_tree(&s.hs(), &root.join("incoming/xa A/hs1"));
    crate::util::copy_tree(&s.hs(), &root.join("incoming/xa B/hs2"));
    crate::util::copy_tree(&s.hs(), &root.join("incoming/.trash/old"));
    fs::write(root.join("incoming/xa B/hs2/bien-ban.yaml"), "ngay: [\n").unwrap();
    let o = s.run(&["check", "--format", "json", "--today", TODAY, "incoming"]);
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let paths: Vec<&str> = json["dossiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["incoming/xa A/hs1", "incoming/xa B/hs2"]);
    assert_eq!(json["summary"]["with_errors"], 1);
}

#[test]
fn english_messages_with_lang_en() {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", "trich_yeu:", "trich_yue:");
    let o = s.run(&["--lang", "en", "check", "--today", TODAY, "hs"]);
    let out = stdout(&o);
    assert!(
        out.contains("error[HS003]: unknown field `trich_yue`"),
        "{out}"
    );
    assert!(out.contains("did you mean `trich_yeu`?"), "{out}");
    let o = s.run(&["check", "--today", TODAY, "hs"]);
    let out = stdout(&o);
    assert!(
        out.contains("lỗi[HS003]: trường \"trich_yue\" không có trong mẫu hồ sơ"),
        "{out}"
    );
    assert!(out.contains("có phải ý bạn là \"trich_yeu\"?"), "{out}");
}

#[test]
fn rule_set_can_be_replaced_and_a_bad_one_points_into_its_file() {
    let s = Scratch::base();
    let hl = fs::read_to_string(repo().join("criteria/covid19-hoa-lu-2021.yaml")).unwrap();
    fs::write(s.dir.path().join("rs.yaml"), &hl).unwrap();
    let (code, _) = s.check_json(&["--criteria", "rs.yaml"]);
    assert_eq!(code, 0);
    // Only the given rule sets are used: nd91-dieu55 is gone, the Hoa Lư one is there.
    fs::write(
        s.dir.path().join("rs.yaml"),
        hl.replacen("cap: huyen", "cap: xa", 1),
    )
    .unwrap();
    let (code, json) = s.check_json(&["--criteria", "rs.yaml"]);
    assert_eq!(code, 1);
    let f = &json["dossiers"][0]["findings"][0];
    assert_eq!(f["rule"], "TC001");
    assert_eq!(f["file"], "rs.yaml");
    let line = hl.lines().position(|l| l.trim() == "cap: huyen").unwrap() + 1;
    assert_eq!(f["line"].as_u64(), Some(line as u64));
}

#[test]
fn award_form_limited_to_kinds_of_nominee_ds009() {
    // The built-in sets let every form go to every kind; a rule set can restrict that.
    let s = Scratch::base();
    let hl = fs::read_to_string(repo().join("criteria/covid19-hoa-lu-2021.yaml")).unwrap();
    let restricted = hl.replacen(
        "    cap: huyen\n",
        "    cap: huyen\n    doi_tuong: [xa_thi_tran]\n",
        1,
    );
    assert_ne!(restricted, hl);
    fs::write(s.dir.path().join("rs.yaml"), restricted).unwrap();
    let (code, json) = s.check_json(&["--criteria", "rs.yaml"]);
    assert_eq!(code, 1);
    assert_eq!(rules_of(&json), ["DS009"]);
}

#[test]
fn rule_set_named_by_path_in_ho_so() {
    let s = Scratch::base();
    let hl = fs::read_to_string(repo().join("criteria/covid19-hoa-lu-2021.yaml")).unwrap();
    s.write(
        "tieu-chi.yaml",
        hl.replacen("id: covid19-hoa-lu-2021", "id: rieng", 1),
    );
    s.edit("ho-so.yaml", "covid19-hoa-lu-2021", "tieu-chi.yaml");
    let (code, json) = s.check_json(&[]);
    assert_eq!((code, rules_of(&json)), (0, Vec::<String>::new()));
    s.write("tieu-chi.yaml", "phien_ban: 1\nid: [\n");
    let (code, json) = s.check_json(&[]);
    assert_eq!((code, rules_of(&json)), (1, vec!["TC001".to_owned()]));
}

#[test]
fn explain_and_rules() {
    let o = dossier(&repo(), &["rules"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("NG002  minutes-after-proposal"),
        "{}",
        stdout(&o)
    );
    let o = dossier(&repo(), &["explain", "minutes-after-proposal"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.starts_with("NG002 (minutes-after-proposal)"), "{text}");
    for section in [
        "Quy tắc kiểm tra gì",
        "Vì sao",
        "Căn cứ",
        "Ví dụ sai",
        "Cách sửa",
        "Điều 55 Nghị định số 91/2017/NĐ-CP",
    ] {
        assert!(text.contains(section), "{section} missing:\n{text}");
    }
    let o = dossier(&repo(), &["--lang", "en", "explain", "ng002"]);
    assert!(stdout(&o).contains("How to fix"), "{}", stdout(&o));
    let o = dossier(&repo(), &["explain", "--all", "--format", "json"]);
    let all: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let all = all.as_array().unwrap();
    assert!(all.len() > 40);
    assert!(all
        .iter()
        .all(|r| !r["basis"].as_str().unwrap().is_empty()
            && !r["example"].as_str().unwrap().is_empty()));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", "trich_yeu:", "trich_yue:");
    let plain = s.run(&["check", "--today", TODAY, "hs"]);
    assert!(!stdout(&plain).contains('\u{1b}'));
    let colour = s.run(&["check", "--color", "always", "--today", TODAY, "hs"]);
    assert!(stdout(&colour).contains('\u{1b}'));
}

#[test]
fn readme_lists_every_rule() {
    let readme = fs::read_to_string(repo().join("README.md")).unwrap();
    let o = dossier(&repo(), &["rules", "--format", "json"]);
    let rules: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for r in rules.as_array().unwrap() {
        let row = format!(
            "| {} | {} |",
            r["id"].as_str().unwrap(),
            r["name"].as_str().unwrap()
        );
        assert!(readme.contains(&row), "README.md lacks the row of {row}");
    }
}

#[test]
fn office_config_raises_lowers_and_says_so() {
    let s = Scratch::base();
    let root = s.dir.path();
    crate::util::copy_tree(&s.hs(), &root.join("shared/xa-a"));
    fs::write(root.join("shared/xa-a/dinh-kem/extra.pdf"), b"%PDF-1.4\n").unwrap();
    // Without configuration: DK004 is a warning, exit 0.
    let o = dossier(
        root,
        &["check", "--format", "json", "--today", TODAY, "shared"],
    );
    assert_eq!(o.status.code(), Some(0));
    fs::write(
        root.join("shared/.dossier.yaml"),
        "phien_ban: 1\nmuc_do:\n  DK004: error\n",
    )
    .unwrap();
    let o = dossier(
        root,
        &["check", "--format", "json", "--today", TODAY, "shared"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("Dùng tệp cấu hình: ") && stderr(&o).contains(".dossier.yaml"),
        "{}",
        stderr(&o)
    );
    fs::write(
        root.join("shared/.dossier.yaml"),
        "phien_ban: 1\nmuc_do:\n  unreferenced-file: off\n",
    )
    .unwrap();
    let o = dossier(
        root,
        &["check", "--format", "json", "--today", TODAY, "shared/xa-a"],
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rules_of(&json), Vec::<String>::new());
    let o = dossier(
        root,
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "--today",
            TODAY,
            "shared/xa-a",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rules_of(&json), ["DK004"]);
    // A bad configuration stops the run with its file and line.
    fs::write(
        root.join("shared/.dossier.yaml"),
        "phien_ban: 1\nmuc_do:\n  DK04: off\n",
    )
    .unwrap();
    let o = dossier(root, &["check", "--today", TODAY, "shared"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(".dossier.yaml:3:3") && stderr(&o).contains("DK004"),
        "{}",
        stderr(&o)
    );
}

/// `criteria --lang en` quotes the rule set's Vietnamese citations as Vietnamese, as `explain`
/// does; the Vietnamese listing gives them as they are.
#[test]
fn criteria_in_english_says_its_citations_are_vietnamese() {
    let o = dossier(
        &repo(),
        &["--lang", "en", "criteria", "covid19-hoa-lu-2021"],
    );
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for said in [
        "\nBasis (in Vietnamese): \"Kế hoạch của Ủy ban nhân dân huyện Hoa Lư",
        "\nBasis of the period (in Vietnamese): \"Ngày bắt đầu 01/10/2017",
        "Achievements count from: 2020-01-23 — basis (in Vietnamese): \"Hướng dẫn số 1248",
        "\n    basis (in Vietnamese): \"Mục IV.4.a, gạch đầu dòng thứ nhất",
        "— 1 copy → Phòng Nội vụ huyện Hoa Lư",
    ] {
        assert!(out.contains(said), "{said:?}\n{out}");
    }
    for line in out.lines() {
        let l = line.trim_start();
        assert!(
            !l.starts_with("basis: ") && !l.starts_with("Basis: "),
            "{line}"
        );
    }
    let o = dossier(&repo(), &["criteria", "covid19-hoa-lu-2021"]);
    let out = stdout(&o);
    assert!(
        out.contains("\nCăn cứ: Kế hoạch của Ủy ban nhân dân huyện Hoa Lư"),
        "{out}"
    );
    assert!(
        out.contains("Thành tích tính từ: 23/01/2020 — Hướng dẫn số 1248"),
        "{out}"
    );
    assert!(!out.contains("Vietnamese"), "{out}");
}

/// Every help, short and long, of every command reads in Vietnamese with the English after a
/// slash: none of clap's own English is left alone in it.
#[test]
fn the_help_says_clap_words_in_vietnamese_too() {
    let mut commands: Vec<Vec<&str>> = vec![vec![], vec!["help"], vec!["help", "help"]];
    for c in [
        "check",
        "explain",
        "rules",
        "criteria",
        "pack",
        "draft",
        "import",
        "export",
        "verify",
        "init",
        "add",
        "remove",
        "fix",
        "completions",
        "man",
    ] {
        commands.push(vec![c]);
    }
    for c in &commands {
        for flag in ["--help", "-h"] {
            let mut args = c.clone();
            if args.first() != Some(&"help") {
                args.push(flag);
            }
            let o = dossier(&repo(), &args);
            let out = stdout(&o);
            assert_eq!(o.status.code(), Some(0), "{args:?}");
            assert!(
                out.contains("Cách dùng / Usage: dossier"),
                "{args:?}\n{out}"
            );
            for english in [
                "\nUsage:",
                "\nCommands:",
                "\nArguments:",
                "\nOptions:",
                "Possible values",
                "[possible values",
                "[default: vi]",
                "Print help",
                "Print version",
                "Print this message",
            ] {
                assert!(!out.contains(english), "{args:?}: {english:?}\n{out}");
            }
        }
    }
    let o = dossier(&repo(), &["--help"]);
    let out = stdout(&o);
    for said in [
        "Lệnh / Commands:",
        "Tùy chọn / Options:",
        "In hướng dẫn của chương trình hoặc của một lệnh / print this message",
        "Giá trị / possible values:\n          - vi: Tiếng Việt (default)",
        "[mặc định / default: vi]",
        "In hướng dẫn (-h: bản tóm tắt) / print help (-h: a summary)",
    ] {
        assert!(out.contains(said), "{said:?}\n{out}");
    }
    let o = dossier(&repo(), &["pack", "-h"]);
    assert!(
        stdout(&o).contains("Đối số / Arguments:\n  <DIR>  Thư mục hồ sơ / the dossier folder"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn completions_and_man_page_generate() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = dossier(&repo(), &["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        assert!(
            stdout(&o).contains("dossier") && stdout(&o).contains("verify"),
            "{shell}"
        );
    }
    let o = dossier(&repo(), &["man"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with(".ie") && stdout(&o).contains(".TH dossier 1"));
}

#[test]
fn report_to_a_file_and_summary_to_the_terminal() {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", "trich_yeu:", "trich_yue:");
    let o = s.run(&[
        "check",
        "--format",
        "json",
        "--today",
        TODAY,
        "--output",
        "report.json",
        "hs",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(s.dir.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(rules_of(&json), ["HS003"]);
    let out = stdout(&o);
    assert!(
        out.contains("Đã kiểm tra 1 hồ sơ: 1 hồ sơ có lỗi") && out.contains("report.json"),
        "{out}"
    );
}

#[test]
fn ci_formats_run_with_the_same_exit_codes() {
    let s = Scratch::base();
    s.edit("to-trinh.yaml", "trich_yeu:", "trich_yue:");
    let o = s.run(&["check", "--format", "github", "--today", TODAY, "hs"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with("::error file=hs/to-trinh.yaml,line=8,col=1,title=HS003"),
        "{}",
        stdout(&o)
    );
    let o = s.run(&["check", "--format", "sarif", "--today", TODAY, "hs"]);
    assert_eq!(o.status.code(), Some(1));
    let sarif: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "HS003");
    let o = s.run(&[
        "check", "--format", "junit", "--today", TODAY, "--output", "j.xml", "hs",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let xml = fs::read_to_string(s.dir.path().join("j.xml")).unwrap();
    assert!(
        xml.contains("<testsuites") && xml.contains("HS003"),
        "{xml}"
    );
}

#[test]
fn unprintable_characters_are_named_once_each_with_their_code_point() {
    let s = Scratch::base();
    let tt = s.read("to-trinh.yaml").replace(
        "dia_danh: \"Trường Yên\"",
        "dia_danh: \"Trường Yên ✓ 山 ✓\"",
    );
    s.write("to-trinh.yaml", tt);
    let o = s.run(&["check", "--today", TODAY, "hs"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{text}");
    assert!(
        text.contains(
            "cảnh báo[VB003]: trường \"dia_danh\" có ký tự \"✓\" (U+2713), \"山\" (U+5C71) mà phông chữ của danh mục hồ sơ và bản soạn PDF không có"
        ),
        "{text}"
    );
}

/// An empty value (a script's unset variable) is named as empty, never followed by an empty
/// list of the values allowed ("chỉ nhận: " with nothing after it), and never called an
/// unknown value `""` (#11).
#[test]
fn an_empty_value_is_said_to_be_empty() {
    let s = Scratch::base();
    let cases: &[(&[&str], &str)] = &[
        (
            &["draft", "-o", "", "hs"],
            "tùy chọn --output <NƠI_GHI> cần một giá trị, không được để trống",
        ),
        (
            &["pack", "hs", "-o", ""],
            "tùy chọn --output <NƠI_GHI> cần một giá trị, không được để trống",
        ),
        (
            &["export", "hs", "--xlsx", ""],
            "tùy chọn --xlsx <TỆP> (tệp Excel cần ghi) cần một giá trị, không được để trống",
        ),
        (
            &["init", ""],
            "đối số <THƯ_MỤC> cần một giá trị, không được để trống",
        ),
        (
            &["check", "--format", "", "hs"],
            "cần một giá trị, không được để trống; chỉ nhận: human, json",
        ),
        (&["--lang", "", "check", "hs"], "chỉ nhận: vi, en"),
        (
            &["init", "moi", "--hinh-thuc", ""],
            "chưa chọn hình thức khen thưởng: --hinh-thuc để trống; cần một trong: ",
        ),
        (
            &["init", "moi", "--phong-trao", ""],
            "chưa chọn phong trào thi đua: --phong-trao để trống; cần một trong: nd91-dieu55",
        ),
        (
            &[
                "init",
                "moi",
                "--today",
                "2021-06-01",
                "--phong-trao",
                "covid19-hoa-lu-2021",
                "--hinh-thuc",
                "giay_khen_chu_tich_huyen",
                "--loai-khen",
                "",
            ],
            "chưa chọn loại khen thưởng: --loai-khen để trống; cần một trong: ",
        ),
        (
            &["add", "hs", "--ten", "An", "--doi-tuong", ""],
            "chưa chọn đối tượng khen thưởng: --doi-tuong để trống; cần một trong: phong_ban_huyen",
        ),
        (
            &[
                "add",
                "hs",
                "--ten",
                "An",
                "--doi-tuong",
                "tuyen_dau",
                "--loai",
                "",
            ],
            "chưa chọn loại người được đề nghị",
        ),
        (
            &["add", "hs", "--ten", "", "--doi-tuong", "tuyen_dau"],
            "trường \"ten\" không được để trống",
        ),
        (
            &[
                "add",
                "hs",
                "--ten",
                "An",
                "--ma",
                "",
                "--doi-tuong",
                "tuyen_dau",
            ],
            "trường \"ma\" không được để trống",
        ),
        (
            &["explain", ""],
            "chưa ghi mã quy tắc (để trống), ví dụ: dossier explain NG002",
        ),
        (
            &["criteria", ""],
            "chưa ghi mã bộ quy tắc (để trống); các bộ có: nd91-dieu55",
        ),
        (
            &["explain", "BB003", "--phong-trao", ""],
            "chưa ghi mã bộ quy tắc (để trống)",
        ),
    ];
    let before = fs::read(s.hs().join("to-trinh.yaml")).unwrap();
    for (args, words) in cases {
        let o = s.run(args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(words), "{args:?}: {err}");
        assert!(!err.contains("\"\""), "{args:?}: {err}");
        for line in err.lines() {
            assert!(!line.trim_end().ends_with("chỉ nhận:"), "{args:?}: {err}");
        }
    }
    assert_eq!(before, fs::read(s.hs().join("to-trinh.yaml")).unwrap());
    assert!(!s.dir.path().join("moi").exists());
}

/// The built-in rule sets.
const RULE_SETS: [&str; 4] = [
    "nd91-dieu55",
    "nd98-2023-don-gian",
    "nd152-2025-don-gian",
    "covid19-hoa-lu-2021",
];

/// `explain` under a rule set shows the level the rule has there, and says the Hoa Lư plan's
/// basis is that campaign's, not the rule set's (#11): BB003 under nd91-dieu55 is a warning
/// only, since the rule set marks its quorum as the project's reading.
#[test]
fn explain_gives_the_level_and_basis_of_the_rule_set_asked_for() {
    let o = dossier(
        &repo(),
        &["explain", "BB003", "--phong-trao", "nd91-dieu55"],
    );
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[1].starts_with("Mức mặc định: cảnh báo ở bộ quy tắc nd91-dieu55"),
        "{out}"
    );
    assert!(!out.contains("Mức mặc định: lỗi"), "{out}");
    let basis = lines
        .iter()
        .position(|l| *l == "Căn cứ")
        .map(|i| lines[i + 1])
        .unwrap_or_default();
    assert!(
        basis.starts_with("  Ở phong trào của huyện Hoa Lư (bộ quy tắc covid19-hoa-lu-2021): "),
        "{out}"
    );
    assert!(
        out.contains("  Căn cứ ở bộ quy tắc nd91-dieu55: xem mục cuối."),
        "{out}"
    );
    // What the rule checks is said for any rule set, not as the Hoa Lư campaign's threshold.
    let what = out
        .split("Quy tắc kiểm tra gì\n")
        .nth(1)
        .and_then(|w| w.split("\n\n").next())
        .unwrap_or_default();
    assert!(
        what.contains("ngưỡng của bộ quy tắc mà hồ sơ dùng"),
        "{what}"
    );
    assert!(!what.contains("Hoa Lư"), "{what}");
    // Under the Hoa Lư rule set itself, its plan is the basis, and the threshold is verified.
    let o = dossier(
        &repo(),
        &["explain", "BB003", "--phong-trao", "covid19-hoa-lu-2021"],
    );
    let out = stdout(&o);
    assert!(out.contains("\nMức mặc định: lỗi\n"), "{out}");
    assert!(!out.contains("Ở phong trào của huyện Hoa Lư"), "{out}");

    // Every rule under every rule set: the level shown is the one of the JSON report, and a
    // fixed basis that names Hoa Lư is said to be that campaign's.
    for rs in RULE_SETS {
        let o = dossier(
            &repo(),
            &["explain", "--all", "--phong-trao", rs, "--format", "json"],
        );
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let o = dossier(&repo(), &["explain", "--all", "--phong-trao", rs]);
        let human = stdout(&o);
        let blocks: Vec<&str> = human.split("\n\n").collect();
        for rule in json.as_array().unwrap() {
            let id = rule["id"].as_str().unwrap();
            let level = match rule["rule_set"]["severity"].as_str().unwrap() {
                "error" => "lỗi",
                _ => "cảnh báo",
            };
            let head = blocks
                .iter()
                .find(|b| b.trim_start().starts_with(&format!("{id} (")))
                .unwrap();
            let shown = head.lines().nth(1).unwrap_or_default();
            assert!(
                shown.starts_with(&format!("Mức mặc định: {level}")),
                "{rs} {id}: {shown}"
            );
        }
        for b in &blocks {
            if let Some(basis) = b.strip_prefix("Căn cứ\n") {
                if rs != "covid19-hoa-lu-2021" && basis.contains("Hoa Lư") {
                    assert!(
                        basis.starts_with(
                            "  Ở phong trào của huyện Hoa Lư (bộ quy tắc covid19-hoa-lu-2021): "
                        ),
                        "{rs}: {basis}"
                    );
                }
            }
        }
    }
}

/// `--lang en explain` has no Vietnamese sentence (#11): what is left in Vietnamese is the
/// examples' YAML values (the dossier's own words), names in quotes or code, the document
/// symbols (NĐ-CP), the place name Hoa Lư, and the rule set's own citations, quoted as such.
#[test]
fn english_explain_has_no_vietnamese_sentence() {
    let o = dossier(&repo(), &["--lang", "en", "explain", "HS016"]);
    let out = stdout(&o);
    assert!(
        out.contains("Legal basis\n  Law on Emulation and Commendation 06/2022/QH15 (in force from 2024-01-01); Decree 98/2023/NĐ-CP"),
        "{out}"
    );
    let basis = out
        .split("Legal basis\n")
        .nth(1)
        .and_then(|b| b.split("\n\n").next())
        .unwrap_or_default();
    assert!(!basis.contains("hiệu lực"), "{basis}");
    let vietnamese = |c: char| {
        "ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
            .contains(c.to_lowercase().next().unwrap_or(c))
    };
    for rs in RULE_SETS {
        let o = dossier(
            &repo(),
            &["--lang", "en", "explain", "--all", "--phong-trao", rs],
        );
        for line in stdout(&o).lines() {
            if line.starts_with("    ") && !line.trim_start().starts_with('#') {
                continue; // a YAML line of an example: the dossier's values
            }
            let mut words = line
                .split("(in Vietnamese): ")
                .next()
                .unwrap_or(line)
                .to_owned();
            for keep in ["NĐ-CP", "BTĐKT", "Hoa Lư"] {
                words = words.replace(keep, "");
            }
            // Outside "quotes" and `code` (a quote inside code is part of it).
            let (mut quote, mut code) = (false, false);
            let bare: String = words
                .chars()
                .filter(|&c| {
                    match c {
                        '`' if !quote => code = !code,
                        '"' if !code => quote = !quote,
                        _ => {}
                    }
                    !quote && !code
                })
                .collect();
            assert!(!bare.chars().any(vietnamese), "{rs}: {line}");
        }
    }
}

/// A rule set's period reads the same in `criteria` and in `init`'s note: one way to write it.
#[test]
fn a_rule_sets_period_is_written_one_way() {
    let t = tempfile::tempdir().unwrap();
    for (lang, closed, open) in [
        ("vi", "01/10/2017 – 31/12/2023", "từ 01/07/2025"),
        ("en", "2017-10-01 to 2023-12-31", "from 2025-07-01"),
    ] {
        let o = dossier(t.path(), &["--lang", lang, "criteria", "--today", TODAY]);
        let out = stdout(&o);
        assert!(out.contains("nd91-dieu55            "), "{out}");
        assert!(out.contains(closed) && out.contains(open), "{out}");
        let dir = format!("hs-{lang}");
        let o = dossier(
            t.path(),
            &[
                "--lang",
                lang,
                "init",
                &dir,
                "--phong-trao",
                "nd91-dieu55",
                "--today",
                TODAY,
            ],
        );
        let out = stdout(&o);
        assert!(out.contains("nd91-dieu55 "), "{out}");
        assert!(out.contains(&format!(" {closed}, ")), "{out}");
    }
}

/// `check -o` into a dossier: over one of its files it destroyed the proposal (the report was
/// written where `to-trinh.yaml` was), beside them the next check took it for a stray file. It
/// is refused before anything is written (#11).
#[test]
fn the_report_is_never_written_into_a_dossier() {
    let s = Scratch::base();
    let before = s.read("to-trinh.yaml");
    for target in [
        "hs/to-trinh.yaml",
        "hs/bao-cao/bao-cao.txt",
        "hs/moi/bao-cao.txt",
    ] {
        for (lang, words) in [
            ("vi", "không ghi báo cáo vào trong thư mục hồ sơ"),
            ("en", "the report would go inside the dossier folder"),
        ] {
            let o = s.run(&[
                "--lang", lang, "check", "--today", TODAY, "hs", "-o", target,
            ]);
            let e = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{target}: {e}");
            assert!(e.contains(words), "{target}: {e}");
        }
    }
    assert_eq!(s.read("to-trinh.yaml"), before);
    assert!(!s.dir.path().join("hs/bao-cao/bao-cao.txt").exists());
    assert!(!s.dir.path().join("hs/moi").exists());
    let o = s.run(&["check", "--today", TODAY, "hs", "-o", "bao-cao.txt"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(s.dir.path().join("bao-cao.txt").is_file());
}

/// The PDF drafts print every report's texts with the cover list's font: a Symbol bullet from
/// Word (U+F0B7) or a check mark pasted into `thanh_tich`, or into a signer's title, printed as
/// "?" in the report's PDF with no word (#18). VB003 names each field and character.
#[test]
fn characters_the_pdf_drafts_cannot_print_are_named_in_every_printed_field() {
    let s = Scratch::base();
    s.edit(
        "bao-cao/pham-van-hoa.yaml",
        "thanh_tich: \"Ủng hộ 5 tấn gạo",
        "thanh_tich: \"\u{F0B7} Ủng hộ 5 tấn gạo ✓",
    );
    let o = s.run(&["check", "--today", TODAY, "--format", "json", "hs"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let found: Vec<String> = json["dossiers"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "VB003")
        .map(|f| format!("{} {}", f["file"], f["message"]))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("bao-cao/pham-van-hoa.yaml")
            && found[0].contains("thanh_tich")
            && found[0].contains("U+F0B7")
            && found[0].contains("U+2713")
            && found[0].contains("bản soạn PDF"),
        "{found:?}"
    );
}
