//! `dossier init`: a new dossier from the template of the procedure in force, of a chosen
//! campaign and form, and the refusals.

use std::fs;

use super::record;
use crate::util::{Scratch, TODAY};

const C: &str = "init";

#[test]
fn made() {
    let s = Scratch::base();
    record(C, "made", &s, &["init", "moi", "--today", TODAY]);
    record(
        C,
        "made_en",
        &s,
        &["--lang", "en", "init", "moi-en", "--today", TODAY],
    );
    record(
        C,
        "campaign_and_form",
        &s,
        &[
            "init",
            "hoa-lu",
            "--today",
            "2021-10-01",
            "--phong-trao",
            "covid19-hoa-lu-2021",
            "--hinh-thuc",
            "giay_khen_chu_tich_huyen",
            "--loai-khen",
            "chuyen_de",
            "--doi-tuong",
            "nguoi_dan",
        ],
    );
}

#[test]
fn refusals() {
    let s = Scratch::base();
    record(C, "existing_dossier", &s, &["init", "hs", "--today", TODAY]);
    record(
        C,
        "existing_dossier_en",
        &s,
        &["--lang", "en", "init", "hs", "--today", TODAY],
    );
    fs::create_dir(s.dir.path().join("day")).unwrap();
    fs::write(s.dir.path().join("day/ghi-chu.txt"), "giữ").unwrap();
    record(
        C,
        "folder_with_another_file",
        &s,
        &["init", "day", "--today", TODAY],
    );
    record(
        C,
        "a_file",
        &s,
        &["init", "hs/ho-so.yaml", "--today", TODAY],
    );
    record(
        C,
        "unknown_campaign",
        &s,
        &["init", "moi", "--today", TODAY, "--phong-trao", "khong-co"],
    );
    record(
        C,
        "unknown_form_en",
        &s,
        &[
            "--lang",
            "en",
            "init",
            "moi",
            "--today",
            TODAY,
            "--hinh-thuc",
            "bang_khen_vu_tru",
        ],
    );
    record(
        C,
        "unknown_kind",
        &s,
        &["init", "moi", "--today", TODAY, "--doi-tuong", "ma_quy"],
    );
    record(
        C,
        "bad_today",
        &s,
        &["init", "moi", "--today", "31/12/2026"],
    );
    record(C, "no_argument", &s, &["init"]);
}
