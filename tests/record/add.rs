//! `dossier add`: a nominee added to the list, the votes and a report; the kinds listed when
//! none is given; and the refusals.

use super::record;
use crate::util::Scratch;

const C: &str = "add";

#[test]
fn added() {
    let s = Scratch::base();
    record(
        C,
        "added",
        &s,
        &[
            "add",
            "hs",
            "--ten",
            "Lê Văn Bình",
            "--doi-tuong",
            "nguoi_dan",
        ],
    );
    record(
        C,
        "added_collective_en",
        &s,
        &[
            "--lang",
            "en",
            "add",
            "hs",
            "--ten",
            "Thôn Bắc",
            "--loai",
            "tap_the",
            "--doi-tuong",
            "thon_xom",
            "--don-vi",
            "xã Trường Yên",
        ],
    );
    record(
        C,
        "same_name_again",
        &s,
        &[
            "add",
            "hs",
            "--ten",
            "Lê Văn Bình",
            "--doi-tuong",
            "nguoi_dan",
        ],
    );
    record(
        C,
        "same_id_given",
        &s,
        &[
            "add",
            "hs",
            "--ma",
            "le-van-binh",
            "--ten",
            "Lê Văn Bính",
            "--doi-tuong",
            "nguoi_dan",
        ],
    );
}

#[test]
fn refusals() {
    let s = Scratch::base();
    record(
        C,
        "no_kind_lists_the_kinds",
        &s,
        &["add", "hs", "--ten", "Lê Văn Bình"],
    );
    record(
        C,
        "no_kind_lists_the_kinds_en",
        &s,
        &["--lang", "en", "add", "hs", "--ten", "Lê Văn Bình"],
    );
    record(
        C,
        "unknown_kind",
        &s,
        &[
            "add",
            "hs",
            "--ten",
            "Lê Văn Bình",
            "--doi-tuong",
            "phi_hanh_gia",
        ],
    );
    record(
        C,
        "unknown_loai",
        &s,
        &[
            "add",
            "hs",
            "--ten",
            "Lê Văn Bình",
            "--doi-tuong",
            "nguoi_dan",
            "--loai",
            "nhom",
        ],
    );
    record(C, "no_name", &s, &["add", "hs", "--doi-tuong", "nguoi_dan"]);
    record(
        C,
        "no_name_en",
        &s,
        &["--lang", "en", "add", "hs", "--doi-tuong", "nguoi_dan"],
    );
    record(
        C,
        "missing_dossier",
        &s,
        &[
            "add",
            "khong-co",
            "--ten",
            "Lê Văn Bình",
            "--doi-tuong",
            "nguoi_dan",
        ],
    );
    record(
        C,
        "bad_id",
        &s,
        &[
            "add",
            "hs",
            "--ma",
            "Lê Bình",
            "--ten",
            "Lê Văn Bình",
            "--doi-tuong",
            "nguoi_dan",
        ],
    );
    record(
        C,
        "rank_on_a_collective",
        &s,
        &[
            "add",
            "hs",
            "--ten",
            "Thôn Nam",
            "--loai",
            "tap_the",
            "--doi-tuong",
            "thon_xom",
            "--cap-bac",
            "Đại tá",
        ],
    );
}

#[test]
fn a_dossier_that_cannot_be_read() {
    let s = Scratch::base();
    let mut bytes = s.read("to-trinh.yaml").into_bytes();
    bytes.extend_from_slice(b"x_ghi_chu: \"Nguy\xC3n\"\n");
    s.write("to-trinh.yaml", bytes);
    record(
        C,
        "proposal_not_utf8",
        &s,
        &[
            "add",
            "hs",
            "--ten",
            "Lê Văn Bình",
            "--doi-tuong",
            "nguoi_dan",
        ],
    );
    let s = Scratch::base();
    s.write("bien-ban.yaml", "ket_qua: [\n");
    record(
        C,
        "minutes_do_not_parse",
        &s,
        &[
            "add",
            "hs",
            "--ten",
            "Lê Văn Bình",
            "--doi-tuong",
            "nguoi_dan",
        ],
    );
}
