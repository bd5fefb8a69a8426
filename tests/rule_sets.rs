//! The law in force on the dossier's date: the procedures of 2017, 2024 and 2025 as rule sets,
//! campaigns over them, and each setting of the rule-set format (periods, components, the
//! reports' confirmation, vote thresholds, the project's reading, households). Each test fails
//! when its setting is ignored.

use std::fs;
use std::path::Path;

use crate::util::{copy_tree, dossier, finding_lines, repo, rules_of, Scratch};

/// A scratch folder holding a copy of one shipped example as `hs/`.
fn example(name: &str) -> Scratch {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("examples").join(name), &dir.path().join("hs"));
    fs::remove_file(dir.path().join("hs/README.md")).unwrap();
    Scratch { dir }
}

const XA_2026: &str = "04-giay-khen-xa-dot-xuat-gia-vien-2026";

fn json_findings(json: &serde_json::Value) -> Vec<serde_json::Value> {
    json["dossiers"][0]["findings"].as_array().unwrap().to_vec()
}

fn severity_of(json: &serde_json::Value, rule: &str) -> Vec<String> {
    json_findings(json)
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| f["severity"].as_str().unwrap().to_owned())
        .collect()
}

/// Message and help of a rule's findings, as JSON text: a quoted id ends in `\"`.
fn message_of(json: &serde_json::Value, rule: &str) -> String {
    json_findings(json)
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| format!("{} | {}", f["message"], f["help"]))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_dossier_of_each_period_passes_its_rule_set_and_fails_the_others() {
    // 2026: Decree 152.
    let s = example(XA_2026);
    let (code, json) = s.check_json(&[]);
    assert_eq!((code, finding_lines(&json)), (0, vec![]));
    s.edit("ho-so.yaml", "nd152-2025-don-gian", "nd98-2023-don-gian");
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    assert_eq!(rules_of(&json), ["HS016"]);
    assert!(
        message_of(&json, "HS016").contains("nd152-2025-don-gian\\\""),
        "{}",
        message_of(&json, "HS016")
    );
    // The same dossier in March 2025: Decree 98, which still knew the district level.
    for (file, from, to) in [
        ("to-trinh.yaml", "2026-09-18", "2025-03-18"),
        (
            "bao-cao/doi-dan-quan-xa-gia-vien.yaml",
            "2026-09-06, den: 2026-09-09",
            "2025-03-06, den: 2025-03-09",
        ),
        (
            "bao-cao/doi-dan-quan-xa-gia-vien.yaml",
            "2026-09-12",
            "2025-03-12",
        ),
        (
            "bao-cao/ho-ong-dinh-van-tam.yaml",
            "2026-09-06, den: 2026-09-10",
            "2025-03-06, den: 2025-03-10",
        ),
        (
            "bao-cao/pham-thi-ngoc-anh.yaml",
            "2026-09-07, den: 2026-09-07",
            "2025-03-07, den: 2025-03-07",
        ),
    ] {
        s.edit(file, from, to);
    }
    let (code, json) = s.check_json(&[]);
    assert_eq!((code, finding_lines(&json)), (0, vec![]));
    s.edit("ho-so.yaml", "nd98-2023-don-gian", "nd152-2025-don-gian");
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    assert_eq!(rules_of(&json), ["HS016"]);
    assert!(message_of(&json, "HS016").contains("nd98-2023-don-gian\\\""));
    // 2021: the Hoa Lư campaign over Decree 91; under Decree 152 it is told to use nd91-dieu55.
    let s = example("02-giay-khen-dot-xuat-ninh-hai");
    let (code, json) = s.check_json(&[]);
    assert_eq!((code, finding_lines(&json)), (0, vec![]));
    s.edit("ho-so.yaml", "covid19-hoa-lu-2021", "nd152-2025-don-gian");
    let (_, json) = s.check_json(&[]);
    assert!(rules_of(&json).contains(&"HS016".to_owned()), "{json}");
    assert!(message_of(&json, "HS016").contains("nd91-dieu55\\\""));
}

#[test]
fn a_campaign_takes_its_procedures_period() {
    // The Hoa Lư campaign writes no period: a 2024 proposal is outside Decree 91's.
    let s = Scratch::base();
    s.edit("to-trinh.yaml", "ngay: 2021-10-25", "ngay: 2024-02-01");
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    assert_eq!(rules_of(&json), ["HS016"]);
    assert!(message_of(&json, "HS016").contains("31/12/2023"));
    assert!(message_of(&json, "HS016").contains("nd98-2023-don-gian\\\""));
    assert_eq!(severity_of(&json, "HS016"), ["error"]);
    // Decree 91's first day was not read in its text: a proposal dated before it only warns.
    s.edit("to-trinh.yaml", "ngay: 2024-02-01", "ngay: 2017-09-15");
    let (_, json) = s.check_json(&[]);
    assert_eq!(severity_of(&json, "HS016"), ["warning"], "{json}");
    s.edit("to-trinh.yaml", "ngay: 2017-09-15", "ngay: 2024-02-01");
    // A future date is NG007's alone.
    s.edit("to-trinh.yaml", "ngay: 2024-02-01", "ngay: 2027-02-01");
    let (_, json) = s.check_json(&[]);
    assert_eq!(rules_of(&json), ["NG007"]);
}

#[test]
fn no_minutes_no_confirmation_and_no_standards_under_the_2022_law() {
    let s = example(XA_2026);
    // The example already has reports without xac_nhan and no minutes; under the Hoa Lư rules
    // (minutes required, reports confirmed) the same dossier fails for exactly that.
    let rs = fs::read_to_string(repo().join("criteria/nd152-2025-don-gian.yaml")).unwrap();
    // The first `bat_buoc: false` at six spaces is the minutes', the one at eight the reports'
    // confirmation.
    let strict = rs
        .replacen(
            "    bien_ban:\n      bat_buoc: false\n",
            "    bien_ban:\n      bat_buoc: true\n",
            1,
        )
        .replacen(
            "      xac_nhan:\n        bat_buoc: false\n",
            "      xac_nhan:\n        bat_buoc: true\n",
            1,
        );
    // An office that has read the text raises the settings back: no longer the project's reading.
    let strict = strict.replace("dien_giai: true\n", "dien_giai: false\n");
    assert_ne!(strict, rs);
    fs::write(s.dir.path().join("strict.yaml"), strict).unwrap();
    let (code, json) = s.check_json(&["--criteria", "strict.yaml"]);
    assert_eq!(code, 1);
    assert_eq!(
        finding_lines(&json),
        [
            "HS001\tbien-ban.yaml",
            "ND002\tbao-cao/ho-ong-dinh-van-tam.yaml:2:1",
            "ND002\tbao-cao/pham-thi-ngoc-anh.yaml:2:1",
        ]
    );
}

#[test]
fn minutes_without_thresholds_are_checked_for_coherence_only() {
    let s = example(XA_2026);
    let minutes = |members: u32, present: u32, yes: u32| {
        format!(
            "so_ky_hieu: \"03/BB-HĐTĐKT\"\nngay: 2026-09-15\nhoi_dong: \"Hội đồng Thi đua - Khen thưởng xã Gia Viễn\"\nso_thanh_vien: {members}\nco_mat: {present}\nchu_tri: {{ ho_ten: \"Nguyễn Văn Khải\", chuc_vu: \"Chủ tịch Hội đồng\" }}\nthu_ky: {{ ho_ten: \"Lương Thị Thu\", chuc_vu: \"Thư ký\" }}\nket_qua:\n  - {{ ma: doi-dan-quan-xa-gia-vien, tan_thanh: {yes}, khong_tan_thanh: 0 }}\n  - {{ ma: ho-ong-dinh-van-tam, tan_thanh: {yes}, khong_tan_thanh: 0 }}\n  - {{ ma: pham-thi-ngoc-anh, tan_thanh: {yes}, khong_tan_thanh: 0 }}\n"
        )
    };
    // 2 of 9 present, 1 vote each: no quorum or approval rule in the 2025 procedure.
    s.write("bien-ban.yaml", minutes(9, 2, 1));
    let (code, json) = s.check_json(&[]);
    assert_eq!((code, finding_lines(&json)), (0, vec![]));
    // Incoherent counts are still errors.
    s.write("bien-ban.yaml", minutes(9, 10, 1));
    let (_, json) = s.check_json(&[]);
    assert_eq!(rules_of(&json), ["BB001"]);
    s.write("bien-ban.yaml", minutes(9, 3, 4));
    let (_, json) = s.check_json(&[]);
    assert_eq!(rules_of(&json), ["BB002"]);
}

/// The Hoa Lư rule set, as a campaign file of the user's, with `edit` applied.
fn hoa_lu_variant(s: &Scratch, edit: impl Fn(&str) -> String) {
    let hl = fs::read_to_string(repo().join("criteria/covid19-hoa-lu-2021.yaml")).unwrap();
    let v = edit(&hl);
    assert_ne!(v, hl, "the edit changed nothing");
    fs::write(s.dir.path().join("rs.yaml"), v).unwrap();
}

#[test]
fn thresholds_of_the_contract_fail_and_thresholds_on_the_projects_reading_warn() {
    let s = Scratch::base();
    s.edit("bien-ban.yaml", "so_thanh_vien: 7", "so_thanh_vien: 10");
    // The Hoa Lư campaign keeps its thresholds as errors.
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    assert_eq!(severity_of(&json, "BB003"), ["error"]);
    // A campaign that writes no vote block inherits Decree 91's, which rest on the project's
    // reading: a warning, and the dossier passes.
    hoa_lu_variant(&s, |hl| {
        hl[..hl.find("\nbieu_quyet:").unwrap()].to_owned() + "\n"
    });
    let (code, json) = s.check_json(&["--criteria", "rs.yaml"]);
    assert_eq!(severity_of(&json, "BB003"), ["warning"], "{json}");
    assert_eq!(code, 0, "{json}");
    assert!(json_findings(&json)[0]["notes"]
        .to_string()
        .contains("diễn giải của dự án"));
    // The same threshold marked in the campaign's own block.
    hoa_lu_variant(&s, |hl| {
        hl.replacen(
            "co_mat: { tu_so: 2, mau_so: 3, so_sanh: it_nhat }",
            "co_mat: { tu_so: 2, mau_so: 3, so_sanh: it_nhat, dien_giai: true }",
            1,
        )
    });
    let (code, json) = s.check_json(&["--criteria", "rs.yaml"]);
    assert_eq!(
        (code, severity_of(&json, "BB003")),
        (0, vec!["warning".to_owned()])
    );
    // An office that has read its council's regulation raises it again with .dossier.yaml.
    fs::write(
        s.dir.path().join(".dossier.yaml"),
        "phien_ban: 1\nmuc_do:\n  BB003: error\n",
    )
    .unwrap();
    let (code, json) = s.check_json(&["--criteria", "rs.yaml"]);
    assert_eq!(
        (code, severity_of(&json, "BB003")),
        (1, vec!["error".to_owned()])
    );
}

#[test]
fn a_campaign_overrides_components_and_the_confirmation_of_its_procedure() {
    let s = Scratch::base();
    s.write(
        "bao-cao/pham-van-hoa.yaml",
        s.read("bao-cao/pham-van-hoa.yaml")
            .split("xac_nhan:")
            .next()
            .unwrap(),
    );
    let (_, json) = s.check_json(&[]);
    assert_eq!(rules_of(&json), ["ND002"]);
    // A campaign that says its reports need no confirmation.
    hoa_lu_variant(&s, |hl| {
        hl.replacen(
            "      xac_nhan:\n        bat_buoc: true\n",
            "      xac_nhan:\n        bat_buoc: false\n",
            1,
        )
    });
    let (code, json) = s.check_json(&["--criteria", "rs.yaml"]);
    assert_eq!((code, finding_lines(&json)), (0, vec![]), "{json}");
    // A campaign that writes no components at all takes Decree 91's: minutes not required.
    fs::remove_file(s.hs().join("bien-ban.yaml")).unwrap();
    let (_, json) = s.check_json(&[]);
    assert!(rules_of(&json).contains(&"HS001".to_owned()));
    hoa_lu_variant(&s, |hl| {
        let a = hl.find("\nthu_tuc:").unwrap();
        let b = hl.find("\n# Loại khen thưởng").unwrap();
        format!("{}{}", &hl[..a], &hl[b..])
    });
    let (_, json) = s.check_json(&["--criteria", "rs.yaml"]);
    assert!(!rules_of(&json).contains(&"HS001".to_owned()), "{json}");
}

#[test]
fn households_only_where_the_rule_set_allows_them() {
    // The Hoa Lư campaign has no kind of nominee a household may be.
    let s = Scratch::base();
    s.edit("to-trinh.yaml", "loai: tap_the", "loai: ho_gia_dinh");
    s.edit(
        "bao-cao/thon-dong-xa-truong-yen.yaml",
        "loai: tap_the",
        "loai: ho_gia_dinh",
    );
    let (_, json) = s.check_json(&[]);
    assert_eq!(rules_of(&json), ["DS010"]);
    assert!(message_of(&json, "DS010").contains("hộ gia đình"), "{json}");
    // An unknown type is still HS006.
    s.edit("to-trinh.yaml", "loai: ho_gia_dinh", "loai: ho_gia");
    let (_, json) = s.check_json(&[]);
    assert!(rules_of(&json).contains(&"HS006".to_owned()), "{json}");
    // Under Decree 152 a household may have the commune Giấy khen, not the head of a unit's.
    let s = example(XA_2026);
    s.edit(
        "ho-so.yaml",
        "giay_khen_chu_tich_xa",
        "giay_khen_thu_truong",
    );
    let (_, json) = s.check_json(&[]);
    assert_eq!(
        finding_lines(&json),
        ["DS009\tto-trinh.yaml:17:11"],
        "{json}"
    );
    // A household entered as a kind for individuals.
    let s = example(XA_2026);
    s.edit(
        "to-trinh.yaml",
        "doi_tuong: ho_gia_dinh",
        "doi_tuong: ca_nhan",
    );
    s.edit(
        "bao-cao/ho-ong-dinh-van-tam.yaml",
        "doi_tuong: ho_gia_dinh",
        "doi_tuong: ca_nhan",
    );
    let (_, json) = s.check_json(&[]);
    assert_eq!(rules_of(&json), ["DS010"]);
}

/// `dossier check --criteria DIR` on a folder holding one broken rule set: the TC001 findings.
fn broken(name: &str, text: &str) -> Vec<(String, u64)> {
    let s = Scratch::base();
    let dir = s.dir.path().join("rs");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join(name), text).unwrap();
    let (code, json) = s.check_json(&["--criteria", "rs"]);
    assert_eq!(code, 1, "{json}");
    json_findings(&json)
        .iter()
        .map(|f| {
            assert_eq!(f["rule"], "TC001");
            (
                f["message"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

fn line_of(text: &str, needle: &str) -> u64 {
    (text.lines().position(|l| l.contains(needle)).unwrap() + 1) as u64
}

#[test]
fn broken_rule_sets_point_into_their_files() {
    let nd152 = fs::read_to_string(repo().join("criteria/nd152-2025-don-gian.yaml")).unwrap();
    // A form at a level the rule set does not declare (the district is gone).
    let t = nd152.replacen("    cap: xa\n", "    cap: huyen\n", 1);
    let got = broken("a.yaml", &t);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.contains("\"huyen\""), "{got:?}");
    assert_eq!(got[0].1, line_of(&t, "cap: huyen"));
    // A period that ends before it starts.
    let t = nd152.replacen(
        "  tu: 2025-07-01\n",
        "  tu: 2025-07-01\n  den: 2025-06-30\n",
        1,
    );
    let got = broken("b.yaml", &t);
    assert!(got[0].0.contains("2025-06-30"), "{got:?}");
    assert_eq!(got[0].1, line_of(&t, "den: 2025-06-30"));
    // A campaign over a procedure that does not exist.
    let hl = fs::read_to_string(repo().join("criteria/covid19-hoa-lu-2021.yaml")).unwrap();
    let t = hl.replacen("theo_thu_tuc: nd91-dieu55", "theo_thu_tuc: nd91-dieu-55", 1);
    let got = broken("c.yaml", &t);
    assert!(
        got[0].0.contains("nd91-dieu-55") && got[0].0.contains("nd91-dieu55"),
        "{got:?}"
    );
    assert_eq!(got[0].1, line_of(&t, "theo_thu_tuc:"));
    // A campaign over a campaign.
    let t2 = hl
        .replacen("id: covid19-hoa-lu-2021", "id: con", 1)
        .replacen("theo_thu_tuc: nd91-dieu55", "theo_thu_tuc: cha", 1);
    let s = Scratch::base();
    let dir = s.dir.path().join("rs");
    fs::create_dir(&dir).unwrap();
    fs::write(
        dir.join("cha.yaml"),
        hl.replacen("id: covid19-hoa-lu-2021", "id: cha", 1),
    )
    .unwrap();
    fs::write(dir.join("con.yaml"), &t2).unwrap();
    let (code, json) = s.check_json(&["--criteria", "rs"]);
    assert_eq!(code, 1);
    assert!(json.to_string().contains("loai: thu_tuc"), "{json}");
    // Two campaigns over each other: each is told the other is a campaign, not "unknown".
    let s = Scratch::base();
    let dir = s.dir.path().join("rs2");
    fs::create_dir(&dir).unwrap();
    for (me, other) in [("camp-a", "camp-b"), ("camp-b", "camp-a")] {
        let t = hl
            .replacen("id: covid19-hoa-lu-2021", &format!("id: {me}"), 1)
            .replacen(
                "theo_thu_tuc: nd91-dieu55",
                &format!("theo_thu_tuc: {other}"),
                1,
            );
        fs::write(dir.join(format!("{me}.yaml")), t).unwrap();
    }
    let (_, json) = s.check_json(&["--criteria", "rs2"]);
    let msgs = message_of(&json, "TC001");
    assert_eq!(
        msgs.matches("là một phong trào, không phải thủ tục")
            .count(),
        2,
        "{msgs}"
    );
    // The reader's complaints in Vietnamese, at their place.
    let t = nd152.replacen("    so_bo: 1\n", "    so_bo: 99999999999\n", 1);
    let got = broken("g.yaml", &t);
    assert!(
        got[0].0.contains("số nguyên từ 0 đến") && !got[0].0.contains("u32"),
        "{got:?}"
    );
    assert_eq!(got[0].1, line_of(&t, "so_bo: 99999999999"));
    // Zero copies to send.
    let t = nd152.replacen("    so_bo: 1\n", "    so_bo: 0\n", 1);
    let got = broken("f.yaml", &t);
    assert!(got.iter().any(|g| g.0.contains("so_bo: 0")), "{got:?}");
    // A procedure that lacks what only a campaign may inherit.
    let t = nd152.replacen("doi_tuong:\n", "doi_tuong_cu:\n", 1);
    let got = broken("d.yaml", &t);
    assert!(got.iter().any(|g| g.0.contains("doi_tuong_cu")), "{got:?}");
    // A level id a clerk could not type.
    let t = nd152
        .replacen("  - id: xa\n", "  - id: Xã\n", 1)
        .replace("cap: xa", "cap: Xã");
    let got = broken("e.yaml", &t);
    assert!(
        got.iter()
            .any(|g| g.0.contains("\"Xã\"") && g.1 == line_of(&t, "- id: Xã")),
        "{got:?}"
    );
}

#[test]
fn a_campaign_of_the_users_extends_a_built_in_procedure() {
    // An office's own campaign over Decree 152: its own forms, the procedure's levels and rules.
    let s = example(XA_2026);
    let campaign = "phien_ban: 1\nid: lu-2026-gia-vien\nloai: phong_trao\ntheo_thu_tuc: nd152-2025-don-gian\nten: \"Khen thưởng ứng phó bão lũ 2026\"\ncan_cu: \"Kế hoạch của UBND xã\"\nhinh_thuc:\n  - id: giay_khen_xa_lu\n    ten: \"Giấy khen của Chủ tịch UBND xã Gia Viễn\"\n    cap: xa\n    loai_khen: [dot_xuat]\n    can_cu: \"Kế hoạch, mục 2\"\n";
    s.write("quy-tac.yaml", campaign);
    s.edit(
        "ho-so.yaml",
        "phong_trao: nd152-2025-don-gian",
        "phong_trao: quy-tac.yaml",
    );
    s.edit("ho-so.yaml", "giay_khen_chu_tich_xa", "giay_khen_xa_lu");
    let (code, json) = s.check_json(&[]);
    assert_eq!((code, finding_lines(&json)), (0, vec![]), "{json}");
    // The procedure's period comes with it.
    s.edit("to-trinh.yaml", "2026-09-18", "2025-06-18");
    let (_, json) = s.check_json(&[]);
    assert!(rules_of(&json).contains(&"HS016".to_owned()), "{json}");
}

#[test]
fn criteria_lists_the_rule_sets_and_shows_one() {
    let o = dossier(&repo(), &["criteria", "--today", "2024-05-01"]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    let marked: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("← đang áp dụng"))
        .collect();
    assert_eq!(marked.len(), 1, "{out}");
    assert!(marked[0].starts_with("nd98-2023-don-gian"), "{out}");
    for id in [
        "nd91-dieu55",
        "nd98-2023-don-gian",
        "nd152-2025-don-gian",
        "covid19-hoa-lu-2021",
    ] {
        assert!(out.contains(id), "{out}");
    }
    let o = dossier(
        &repo(),
        &["criteria", "nd152-2025-don-gian", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let levels: Vec<&str> = v["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["nha_nuoc", "tinh", "xa", "co_so"]);
    assert_eq!(v["validity"]["from"], "2025-07-01");
    assert!(v["validity"]["to"].is_null());
    assert_eq!(v["components"]["bien_ban"]["required"], false);
    assert_eq!(v["components"]["xac_nhan"]["required"], false);
    assert!(v["voting"]["quorum"].is_null());
    let tinh = v["forms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "bang_khen_chu_tich_tinh")
        .unwrap();
    assert_eq!(tinh["level"], "tinh");
    assert_eq!(tinh["authority"], "Chủ tịch Ủy ban nhân dân cấp tỉnh");
    let office = v["levels"][1]["office"].as_str().unwrap();
    assert!(office.contains("Sở Nội vụ"), "{office}");
    assert!(v["award_kinds"]
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k["id"] == "dot_xuat" && k["needs_recognition"] == false));
    // English, and an unknown id.
    let o = dossier(&repo(), &["--lang", "en", "criteria", "nd98-2023-don-gian"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("Award forms") && out.contains("giay_khen_chu_tich_huyen"),
        "{out}"
    );
    let o = dossier(&repo(), &["criteria", "nd99"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nd152-2025-don-gian"));
}

#[test]
fn init_follows_the_date_and_names_the_flag_of_a_missing_choice() {
    let t = tempfile::tempdir().unwrap();
    // In 2021 the procedure in force was Decree 91's.
    let o = dossier(t.path(), &["init", "a", "--today", "2021-11-01"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("nd91-dieu55") && out.contains("--phong-trao"),
        "{out}"
    );
    let hs = fs::read_to_string(t.path().join("a/ho-so.yaml")).unwrap();
    assert!(hs.contains("phong_trao: nd91-dieu55"), "{hs}");
    let o = dossier(
        t.path(),
        &["check", "--format", "json", "--today", "2021-11-01", "a"],
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rules_of(&json), ["HS015"]);
    // A form with kinds and no --loai-khen takes the rule set's default kind, as `dossier
    // criteria` says init does, and says so (#16, field case C22).
    let o = dossier(
        t.path(),
        &[
            "init",
            "c",
            "--phong-trao",
            "nd152-2025-don-gian",
            "--hinh-thuc",
            "bang_khen_chu_tich_tinh",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(
        said.contains("Loại khen thưởng: dot_xuat") && said.contains("(mặc định của bộ quy tắc)"),
        "{said}"
    );
    let hs = fs::read_to_string(t.path().join("c/ho-so.yaml")).unwrap();
    assert!(hs.contains("loai_khen: dot_xuat"), "{hs}");
    // A rule set with no default kind: the flag and its values, in both languages.
    let own = t.path().join("own");
    fs::create_dir_all(&own).unwrap();
    let text = fs::read_to_string(repo().join("criteria/nd152-2025-don-gian.yaml")).unwrap();
    let cut = text.find("\nmac_dinh:").unwrap();
    fs::write(own.join("nd152-2025-don-gian.yaml"), &text[..cut + 1]).unwrap();
    let o = dossier(
        t.path(),
        &[
            "init",
            "b",
            "--criteria",
            "own",
            "--phong-trao",
            "nd152-2025-don-gian",
            "--hinh-thuc",
            "bang_khen_chu_tich_tinh",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("--loai-khen") && e.contains("dot_xuat ("), "{e}");
    let o = dossier(
        t.path(),
        &[
            "--lang",
            "en",
            "init",
            "b",
            "--criteria",
            "own",
            "--phong-trao",
            "nd152-2025-don-gian",
            "--hinh-thuc",
            "bang_khen_chu_tich_tinh",
        ],
    );
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("choose the award kind with --loai-khen"), "{e}");
    assert!(!e.contains("a award"), "{e}");
    assert!(!Path::new(&t.path().join("b")).exists(), "nothing written");
}

#[test]
fn explain_quotes_the_rule_sets_basis() {
    let o = dossier(
        &repo(),
        &["explain", "BB003", "--phong-trao", "covid19-hoa-lu-2021"],
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("Căn cứ trong bộ quy tắc covid19-hoa-lu-2021"),
        "{out}"
    );
    assert!(out.contains("86/2025/QĐ-UBND"), "{out}");
    let o = dossier(
        &repo(),
        &[
            "explain",
            "HS016",
            "--today",
            "2026-01-01",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["rule_set"]["id"], "nd152-2025-don-gian");
    assert!(v["rule_set"]["bases"][0]["basis"]
        .as_str()
        .unwrap()
        .contains("152/2025"));
    let o = dossier(
        &repo(),
        &["explain", "ND002", "--phong-trao", "nd98-2023-don-gian"],
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("không bắt buộc"), "{out}");
}

#[test]
fn pack_says_when_copies_and_office_are_the_projects_reading() {
    // The commune level of Decree 152: office and copies not found in a procedure record.
    let s = example(XA_2026);
    fs::create_dir(s.dir.path().join("out")).unwrap();
    let o = s.run(&["pack", "hs", "-o", "out", "--today", "2026-11-28"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8_lossy(&o.stdout);
    // Since #19 the commune's desk is the province's to set: the project's reading names the
    // official in charge, not the issuing Văn phòng, and the commune fills "cấp xã".
    assert!(
        out.contains("Gửi 01 bộ hồ sơ tới: Công chức làm công tác thi đua, khen thưởng của Ủy ban nhân dân xã Gia Viễn (theo quy định của tỉnh)."),
        "{out}"
    );
    assert!(out.contains("diễn giải của chương trình"), "{out}");
    // The Hoa Lư plan's district office is its own text (IV.4.b): no such note.
    let s = Scratch::base();
    fs::create_dir(s.dir.path().join("out")).unwrap();
    let o = s.run(&["pack", "hs", "-o", "out", "--today", "2026-11-28"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Phòng Nội vụ huyện Hoa Lư"), "{out}");
    assert!(!out.contains("diễn giải"), "{out}");
}

#[test]
fn a_rule_set_carried_by_the_dossier_cannot_pass_for_a_built_in_one() {
    // A copy of the Hoa Lư set with the quorum lowered to nothing, under the built-in id.
    let s = Scratch::base();
    s.edit("bien-ban.yaml", "so_thanh_vien: 7", "so_thanh_vien: 20");
    let hl = fs::read_to_string(repo().join("criteria/covid19-hoa-lu-2021.yaml")).unwrap();
    let lenient = hl.replacen(
        "co_mat: { tu_so: 2, mau_so: 3, so_sanh: it_nhat }",
        "co_mat: { tu_so: 0, mau_so: 1, so_sanh: it_nhat }",
        1,
    );
    assert_ne!(lenient, hl);
    s.write("quy-tac.yaml", &lenient);
    s.edit(
        "ho-so.yaml",
        "phong_trao: covid19-hoa-lu-2021",
        "phong_trao: quy-tac.yaml",
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!(code, 1);
    let f = json_findings(&json);
    assert_eq!(f[0]["rule"], "TC001", "{json}");
    assert_eq!(f[0]["file"], "quy-tac.yaml");
    assert_eq!(
        f[0]["line"].as_u64(),
        Some(line_of(&lenient, "id: covid19-hoa-lu-2021"))
    );
    assert!(
        f[0]["message"]
            .as_str()
            .unwrap()
            .contains("bộ quy tắc có sẵn"),
        "{json}"
    );
    // Nor under a look-alike of it: capitals, a hidden character, a full-width hyphen.
    for look in [
        "COVID19-HOA-LU-2021",
        "covid19-hoa-lu-2021\u{200b}",
        "covid19\u{ff0d}hoa-lu-2021",
    ] {
        s.write(
            "quy-tac.yaml",
            lenient.replacen("id: covid19-hoa-lu-2021", &format!("id: \"{look}\""), 1),
        );
        let (code, json) = s.check_json(&[]);
        assert_eq!(code, 1, "{look:?}");
        assert_eq!(rules_of(&json), ["TC001"], "{look:?}: {json}");
    }

    // Under an id of its own it is the dossier's rule set: check passes on it, and the
    // receiving office's verify says the dossier was judged by a rule set it carried (GO010).
    s.write(
        "quy-tac.yaml",
        lenient.replacen("id: covid19-hoa-lu-2021", "id: hoa-lu-noi-bo", 1),
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!((code, finding_lines(&json)), (0, vec![]), "{json}");
    fs::create_dir(s.dir.path().join("out")).unwrap();
    let o = s.run(&["pack", "hs", "-o", "out", "--today", "2026-11-28"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let bundle = fs::read_dir(s.dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "zip"))
        .unwrap();
    let b = bundle.to_str().unwrap();
    let o = s.run(&["verify", "--format", "json", "--today", "2026-11-28", b]);
    assert_eq!(o.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(severity_of(&json, "GO010"), ["warning"], "{json}");
    assert!(
        message_of(&json, "GO010").contains("quy-tac.yaml"),
        "{json}"
    );
    let o = s.run(&["verify", "--today", "2026-11-28", b]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("có cảnh báo ở trên, đọc trước khi chấp nhận"),
        "{out}"
    );
}

#[test]
fn a_path_in_phong_trao_that_was_not_loaded_says_why() {
    let s = Scratch::base();
    s.edit(
        "ho-so.yaml",
        "phong_trao: covid19-hoa-lu-2021",
        "phong_trao: ../quy-tac.yaml",
    );
    let (_, json) = s.check_json(&[]);
    assert_eq!(rules_of(&json), ["HS008"]);
    assert!(
        message_of(&json, "HS008").contains("nằm ngoài thư mục hồ sơ"),
        "{json}"
    );
    s.edit(
        "ho-so.yaml",
        "phong_trao: ../quy-tac.yaml",
        "phong_trao: khong-co.yaml",
    );
    let (_, json) = s.check_json(&[]);
    assert!(
        message_of(&json, "HS008").contains("không có tệp bộ quy tắc"),
        "{json}"
    );
}

#[test]
fn a_council_of_no_members_is_an_invalid_value_not_a_vote() {
    let s = Scratch::base();
    s.edit("bien-ban.yaml", "so_thanh_vien: 7", "so_thanh_vien: 0");
    s.edit("bien-ban.yaml", "co_mat: 6", "co_mat: 0");
    let (_, json) = s.check_json(&[]);
    assert_eq!(
        finding_lines(&json),
        ["HS006\tbien-ban.yaml:5:16"],
        "{json}"
    );
}

#[test]
fn add_under_the_2025_procedure_speaks_of_no_votes_and_refuses_a_device_name() {
    let s = example(XA_2026);
    let o = s.run(&[
        "add",
        "hs",
        "--ma",
        "con",
        "--ten",
        "Con",
        "--doi-tuong",
        "ca_nhan",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("\"con\""),
        "{o:?}"
    );
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("Windows dành tên này"),
        "{o:?}"
    );
    assert!(!s.hs().join("bao-cao/con.yaml").exists());
    let o = s.run(&[
        "add",
        "hs",
        "--ma",
        "dinh-thi-mai",
        "--ten",
        "Đinh Thị Mai",
        "--doi-tuong",
        "ca_nhan",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Tiếp theo: điền báo cáo thành tích, rồi chạy"),
        "{out}"
    );
    assert!(!out.contains("số phiếu"), "{out}");
}

/// A rule-set path that names a folder, or a link leading out of the dossier, is named as such,
/// with what to do, not as "no such file" (#11).
#[cfg(unix)]
#[test]
fn a_rule_set_path_that_is_a_folder_or_a_link_out_says_so() {
    let s = Scratch::base();
    s.edit(
        "ho-so.yaml",
        "phong_trao: covid19-hoa-lu-2021",
        "phong_trao: dinh-kem/",
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["HS008\tho-so.yaml:3:13"]);
    assert_eq!(code, 1);
    let m = message_of(&json, "HS008");
    assert!(m.contains("là thư mục, không phải tệp"), "{m}");
    assert!(!m.contains("không có tệp"), "{m}");
    let help = json["dossiers"][0]["findings"][0]["help"].to_string();
    assert!(help.contains("dinh-kem/quy-tac.yaml"), "{help}");

    let outside = s.dir.path().join("quy-tac.yaml");
    fs::copy(repo().join("criteria/covid19-hoa-lu-2021.yaml"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, s.hs().join("quy-tac.yaml")).unwrap();
    s.edit(
        "ho-so.yaml",
        "phong_trao: dinh-kem/",
        "phong_trao: quy-tac.yaml",
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["HS008\tho-so.yaml:3:13"]);
    assert_eq!(code, 1);
    let m = message_of(&json, "HS008");
    assert!(m.contains("là liên kết trỏ ra ngoài hồ sơ"), "{m}");
    let help = json["dossiers"][0]["findings"][0]["help"].to_string();
    assert!(help.contains("bản sao thật"), "{help}");
    let o = s.run(&["--lang", "en", "check", "--today", "2026-11-28", "hs"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("is a link leading out of the dossier"),
        "{out}"
    );
}

/// An attachment path that names a folder says so and names the files in it; a link leading
/// out of the dossier is named as a link, in Vietnamese words (#11).
#[cfg(unix)]
#[test]
fn an_attachment_that_is_a_folder_or_a_link_out_says_so() {
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        "dinh_kem: dinh-kem/to-trinh.pdf",
        "dinh_kem: dinh-kem",
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["DK001\tto-trinh.yaml:28:11"]);
    assert_eq!(code, 1);
    let m = message_of(&json, "DK001");
    assert!(m.contains("là thư mục, không phải tệp"), "{m}");
    assert!(!m.contains("không tìm thấy"), "{m}");
    let help = json["dossiers"][0]["findings"][0]["help"].to_string();
    assert!(help.contains("dinh-kem/to-trinh.pdf"), "{help}");

    let outside = s.dir.path().join("scan.pdf");
    fs::copy(s.hs().join("dinh-kem/to-trinh.pdf"), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, s.hs().join("dinh-kem/link.pdf")).unwrap();
    s.edit(
        "to-trinh.yaml",
        "dinh_kem: dinh-kem",
        "dinh_kem: [dinh-kem/to-trinh.pdf, dinh-kem/link.pdf]",
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["DK002\tto-trinh.yaml:28:35"]);
    assert_eq!(code, 1);
    let m = message_of(&json, "DK002");
    assert!(m.contains("là liên kết trỏ ra ngoài hồ sơ"), "{m}");
    assert!(!m.contains("symlink"), "{m}");
}

/// A rule-set file named by `phong_trao` that is not UTF-8 text is TC001 in the clerk's
/// language, at the `phong_trao` line that names it (#11).
#[test]
fn a_rule_set_file_that_is_not_text_is_said_in_words_at_the_phong_trao_line() {
    let s = Scratch::base();
    // "Ngày" in Windows-1258: not UTF-8.
    s.write("quy-tac.yaml", b"id: x\nten: \"Ng\xe0y\"\n");
    s.edit(
        "ho-so.yaml",
        "phong_trao: covid19-hoa-lu-2021",
        "phong_trao: quy-tac.yaml",
    );
    let (code, json) = s.check_json(&[]);
    assert_eq!(finding_lines(&json), ["TC001\tho-so.yaml:3:13"]);
    assert_eq!(code, 1);
    let m = message_of(&json, "TC001");
    assert!(m.contains("không phải văn bản UTF-8"), "{m}");
    assert!(m.contains("quy-tac.yaml"), "{m}");
    assert!(!m.contains("bytes"), "{m}");
    let o = s.run(&["--lang", "en", "check", "--today", "2026-11-28", "hs"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("is not UTF-8 text"), "{out}");
    assert!(out.contains("hs/ho-so.yaml:3:13"), "{out}");
    assert!(!out.contains("không"), "{out}");
}

/// A broken `--criteria` file is shown in its own line (the parser's place, byte included), and
/// the parser's English does not stand inside the Vietnamese report (#9, #11).
#[test]
fn a_broken_criteria_file_shows_its_line_in_vietnamese_words() {
    let s = Scratch::base();
    let hl = fs::read_to_string(repo().join("criteria/covid19-hoa-lu-2021.yaml")).unwrap();
    let broken = hl.replacen("cap: huyen", "cap: [huyen", 1);
    fs::write(s.dir.path().join("rs.yaml"), &broken).unwrap();
    let o = s.run(&[
        "check",
        "--criteria",
        "rs.yaml",
        "--today",
        "2026-11-28",
        "hs",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("lỗi[TC001]"), "{out}");
    for english in ["expected", "invalid", "while", "found", "unexpected"] {
        let first = out.lines().next().unwrap_or("");
        assert!(!first.contains(english), "{english}: {out}");
    }
    // The snippet's line is the line the header names.
    let header = out.lines().find(|l| l.contains("--> rs.yaml:")).unwrap();
    let line: usize = header.split(':').nth(1).unwrap().parse().unwrap();
    let shown = broken.lines().nth(line - 1).unwrap();
    assert!(out.contains(&format!("{line} | {shown}")), "{out}");
}
