//! `dossier review`: a folder of two senders' dossiers (one with an error, the other proposing
//! one of its nominees again) reviewed, in both languages, and the refusals.

use std::fs;

use super::record;
use crate::util::{copy_tree, repo, Scratch, TODAY};

const C: &str = "review";

/// `nhan/`: example 02 as the sender sent it, a second copy of it under another name (its
/// nominees proposed twice), and the BB003 fixture (one error).
fn inbox() -> Scratch {
    let s = Scratch::base();
    let n = s.dir.path().join("nhan");
    copy_tree(
        &repo().join("examples/02-giay-khen-dot-xuat-ninh-hai"),
        &n.join("a-ninh-hai"),
    );
    copy_tree(
        &repo().join("examples/02-giay-khen-dot-xuat-ninh-hai"),
        &n.join("b-ninh-hai-lan-2"),
    );
    copy_tree(
        &repo().join("examples/invalid/BB003-quorum-not-met"),
        &n.join("c-ninh-giang"),
    );
    s
}

#[test]
fn reviewed() {
    let s = inbox();
    record(
        C,
        "reviewed",
        &s,
        &["review", "--today", TODAY, "nhan", "-o", "ket-qua"],
    );
    record(
        C,
        "exists",
        &s,
        &["review", "--today", TODAY, "nhan", "-o", "ket-qua"],
    );
    record(
        C,
        "reviewed_en_force",
        &s,
        &[
            "--lang", "en", "review", "--today", TODAY, "nhan", "-o", "ket-qua", "--force",
        ],
    );
    record(
        C,
        "all_accepted",
        &s,
        &["review", "--today", TODAY, "hs", "-o", "chi-mot"],
    );
}

#[test]
fn with_the_register() {
    let s = inbox();
    fs::write(
        s.dir.path().join("so-khen.csv"),
        "STT,Họ và tên,Ngày sinh,Hình thức,Phong trào,Số quyết định,Ngày quyết định\n\
         1,Đỗ Thị Lan,14/02/1979,giay_khen_chu_tich_huyen,covid19-hoa-lu-2021,15/QĐ-UBND,20/12/2021\n",
    )
    .unwrap();
    record(
        C,
        "register",
        &s,
        &[
            "review",
            "--today",
            TODAY,
            "nhan/a-ninh-hai",
            "-o",
            "kq",
            "--register",
            "so-khen.csv",
        ],
    );
    fs::write(
        s.dir.path().join("so-hong.csv"),
        "STT,Họ và tên,Ngày sinh,Hình thức,Phong trào\n1,Đỗ Thị Lan,79,Giấy khen,x\n",
    )
    .unwrap();
    record(
        C,
        "register_unreadable_en",
        &s,
        &[
            "--lang",
            "en",
            "review",
            "--today",
            TODAY,
            "nhan",
            "-o",
            "kq2",
            "--register",
            "so-hong.csv",
        ],
    );
}

#[test]
fn refusals() {
    let s = inbox();
    fs::write(s.dir.path().join("ghi-chu.txt"), "x").unwrap();
    fs::create_dir(s.dir.path().join("trong")).unwrap();
    record(
        C,
        "not_a_bundle",
        &s,
        &["review", "ghi-chu.txt", "-o", "out"],
    );
    record(C, "missing", &s, &["review", "khong-co", "-o", "out"]);
    record(C, "nothing_found", &s, &["review", "trong", "-o", "out"]);
    record(
        C,
        "inside_a_dossier",
        &s,
        &["review", "nhan", "-o", "hs/ket-qua"],
    );
    record(
        C,
        "out_is_a_file",
        &s,
        &["review", "nhan", "-o", "ghi-chu.txt"],
    );
    record(
        C,
        "missing_en",
        &s,
        &["--lang", "en", "review", "khong-co", "-o", "out"],
    );
}
