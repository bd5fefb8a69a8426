//! A tester's findings in `check` (#11): inputs for which the message described the fault
//! wrongly or the advice would have done harm (deleting data the clerk needs, a sender's fix
//! given to the receiving office). Each test names the kind of fault, not only the one input.

use crate::clerk::findings;
use crate::util::Scratch;

/// The Vietnamese and English message and help of the one finding of `rule`.
fn one(s: &Scratch, rule: &str) -> (String, String) {
    let (_, json) = s.check_json(&[]);
    let (_, en) = s.check_json(&["--lang", "en"]);
    let pick = |j: &serde_json::Value| {
        let f: Vec<&serde_json::Value> = j["dossiers"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == rule)
            .collect();
        assert_eq!(f.len(), 1, "{rule}: {j}");
        format!("{} | {}", f[0]["message"], f[0]["help"])
    };
    (pick(&json), pick(&en))
}

/// Every way of writing a date that `check` reads (year first with slashes, without leading
/// zeros, Word's en dash, full-width figures, in words): the message quotes what was written and
/// names no way of writing it, so "ngày ngày 22 …" and "written day/month/year" for a year-first
/// date cannot happen.
#[test]
fn a_date_written_another_way_is_quoted_not_named_a_way() {
    for (written, wanted) in [
        ("2021/10/25", "2021-10-25"),
        ("2021-1-5", "2021-01-05"),
        ("2021–10–25", "2021-10-25"),
        ("２０２１-１０-２５", "2021-10-25"),
        ("\"ngày 25 tháng 10 năm 2021\"", "2021-10-25"),
        ("25/10/2021", "2021-10-25"),
    ] {
        let s = Scratch::base();
        s.edit(
            "to-trinh.yaml",
            "ngay: 2021-10-25",
            &format!("ngay: {written}"),
        );
        let (_, lines, _) = findings(&s);
        assert_eq!(lines, ["NG001\tto-trinh.yaml:3:7"], "{written}");
        let (vi, en) = one(&s, "NG001");
        let shown = written.trim_matches('"');
        assert!(
            vi.contains(&format!(
                "ngày ở trường \\\"ngay\\\" ghi là \\\"{shown}\\\""
            )),
            "{vi}"
        );
        assert!(
            vi.contains(&format!("ghi là {wanted} (lệnh dossier fix")),
            "{vi}"
        );
        assert!(
            !vi.contains("ngày/tháng/năm") && !vi.contains("ngày ngày"),
            "{vi}"
        );
        assert!(
            en.contains(&format!("is written \\\"{shown}\\\"")) && !en.contains("day/month"),
            "{en}"
        );
    }
    // A day that does not exist, written in words: no doubled word either.
    let s = Scratch::base();
    s.edit(
        "to-trinh.yaml",
        "ngay: 2021-10-25",
        "ngay: \"ngày 31 tháng 11 năm 2021\"",
    );
    let (vi, _) = one(&s, "NG001");
    assert!(!vi.contains("ngày ngày"), "{vi}");
    assert!(vi.contains("chỉ có 30 ngày"), "{vi}");
}
