//! `dossier remove` (and its alias `rm`): a nominee taken out of the list, the votes and the
//! reports, and the refusals.

use super::record;
use crate::util::Scratch;

const C: &str = "remove";

#[test]
fn removed() {
    let s = Scratch::base();
    record(C, "removed", &s, &["remove", "hs", "--ma", "pham-van-hoa"]);
    record(
        C,
        "removed_en_rm",
        &s,
        &["--lang", "en", "rm", "hs", "--ma", "nguyen-thi-hang"],
    );
}

#[test]
fn refusals() {
    let s = Scratch::base();
    record(C, "unknown_id", &s, &["remove", "hs", "--ma", "khong-co"]);
    record(
        C,
        "unknown_id_en",
        &s,
        &["--lang", "en", "remove", "hs", "--ma", "pham-van-ho"],
    );
    record(C, "no_id", &s, &["remove", "hs"]);
    record(
        C,
        "missing_dossier",
        &s,
        &["remove", "khong-co", "--ma", "pham-van-hoa"],
    );
    record(
        C,
        "a_file",
        &s,
        &["remove", "hs/ho-so.yaml", "--ma", "pham-van-hoa"],
    );
}

#[test]
fn a_dossier_that_cannot_be_read() {
    let s = Scratch::base();
    s.write("bien-ban.yaml", "ket_qua: [\n");
    record(
        C,
        "minutes_do_not_parse",
        &s,
        &["remove", "hs", "--ma", "pham-van-hoa"],
    );
    record(
        C,
        "minutes_do_not_parse_en",
        &s,
        &["--lang", "en", "remove", "hs", "--ma", "pham-van-hoa"],
    );
}
