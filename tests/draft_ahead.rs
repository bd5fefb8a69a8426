//! Drafting ahead of the signing day (issue #18, item 7; the clerk's C09): a tờ trình dated next
//! week was "in the future" and `draft` refused it, with only `--today` to get round it. The
//! documents are drafted for signing on their date, checked as of that day, and said so; `pack`
//! still refuses a dossier dated after today; a date more than a year ahead stays an error.

use crate::clerk::all_output;
use crate::util::Scratch;

fn c09() -> Scratch {
    let s = Scratch::of("tests/fixtures/clerk-turn3/C09/hs");
    // The clerk typed the date day first: fix writes it as the format wants (2026-12-15).
    let o = s.run(&["fix", "hs"]);
    assert!(
        s.read("to-trinh.yaml").contains("ngay: 2026-12-15"),
        "{}",
        all_output(&o)
    );
    s
}

#[test]
fn a_proposal_dated_next_week_is_drafted_for_that_day_and_not_packed() {
    let s = c09();
    let o = s.run(&[
        "draft",
        "hs",
        "-o",
        "out",
        "--format",
        "pdf",
        "--today",
        "2026-12-07",
        "--no-config",
    ]);
    let out = all_output(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(
        out.contains(
            "văn bản ghi ngày 15/12/2026, sau hôm nay (07/12/2026): đã soạn để ký vào ngày đó"
        ),
        "{out}"
    );
    assert!(!out.contains("DỰ THẢO"), "{out}");
    assert!(s.dir.path().join("out/to-trinh.pdf").is_file());
    // The same day in English.
    let o = s.run(&[
        "--lang",
        "en",
        "draft",
        "hs",
        "-o",
        "out2",
        "--format",
        "pdf",
        "--today",
        "2026-12-07",
        "--no-config",
    ]);
    assert!(
        all_output(&o).contains("drafted for signing on that day"),
        "{}",
        all_output(&o)
    );
    // pack still refuses it: a bundle is sent after the signing.
    let o = s.run(&[
        "pack",
        "hs",
        "-o",
        "goi/",
        "--today",
        "2026-12-07",
        "--no-config",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", all_output(&o));
    assert!(all_output(&o).contains("NG007"), "{}", all_output(&o));
}

#[test]
fn a_date_more_than_a_year_ahead_is_still_refused() {
    let s = c09();
    s.edit("to-trinh.yaml", "ngay: 2026-12-15", "ngay: 2062-12-15");
    let o = s.run(&[
        "draft",
        "hs",
        "-o",
        "out",
        "--format",
        "pdf",
        "--today",
        "2026-12-07",
        "--no-config",
    ]);
    let out = all_output(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("NG007") && out.contains("Chưa soạn"), "{out}");
    assert!(!s.dir.path().join("out").exists());
}
