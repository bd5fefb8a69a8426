//! One answer to "which rule set does `phong_trao` name" (#20): a rule-set file the check
//! reads is the one `add` and `import` read, however the clerk wrote its path. Before, import
//! took only a path ending in `.yaml` with forward slashes, and add its own variant, so a
//! dossier that checked clean was an "unknown campaign" to them.

use std::fs;

use crate::util::{repo, Scratch};

/// Example 01 governed by a copy of its campaign kept inside the dossier, named by `written`.
fn with_own_campaign(file: &str, written: &str) -> Scratch {
    let s = Scratch::example01();
    let built_in = fs::read_to_string(repo().join("criteria/covid19-hoa-lu-2021.yaml")).unwrap();
    s.write(
        file,
        built_in.replacen(
            "id: covid19-hoa-lu-2021",
            "id: covid19-hoa-lu-2021-rieng",
            1,
        ),
    );
    s.edit(
        "ho-so.yaml",
        "phong_trao: covid19-hoa-lu-2021",
        &format!("phong_trao: \"{}\"", written.replace('\\', "\\\\")),
    );
    s
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_path_written_with_backslashes_serves_check_add_and_import_alike() {
    for (file, written) in [
        ("quy tac/rieng.yaml", r"quy tac\rieng.yaml"),
        ("quy-tac/rieng", "./quy-tac/rieng"),
    ] {
        let s = with_own_campaign(file, written);
        let (code, json) = s.check_json(&[]);
        assert_ne!(code, 2, "{json}");
        let rules = crate::util::rules_of(&json);
        assert!(
            !rules.iter().any(|r| r == "HS008" || r == "TC001"),
            "{written}: {json}"
        );

        let list = repo().join("examples/danh-sach-mau.xlsx");
        let o = s.run(&[
            "import",
            "hs",
            "--danh-sach",
            list.to_str().unwrap(),
            "--dry-run",
        ]);
        assert_eq!(o.status.code(), Some(0), "{written}: {}", stderr(&o));

        let o = s.run(&[
            "add",
            "hs",
            "--ten",
            "Lê Văn Mới",
            "--doi-tuong",
            "nguoi_dan",
        ]);
        assert_eq!(o.status.code(), Some(0), "{written}: {}", stderr(&o));
        assert!(s.read("to-trinh.yaml").contains("Lê Văn Mới"), "{written}");
    }
}

#[test]
fn a_path_out_of_the_dossier_is_refused_by_every_command() {
    let s = with_own_campaign("quy-tac.yaml", "../hs/quy-tac.yaml");
    let (_, json) = s.check_json(&[]);
    assert!(
        crate::util::rules_of(&json).contains(&"HS008".to_owned()),
        "{json}"
    );
    let list = repo().join("examples/danh-sach-mau.xlsx");
    let o = s.run(&[
        "import",
        "hs",
        "--danh-sach",
        list.to_str().unwrap(),
        "--dry-run",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("../hs/quy-tac.yaml"), "{}", stderr(&o));
}
