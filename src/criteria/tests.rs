//! Tests of `criteria/mod.rs`, apart so the module itself stays readable.

use super::*;

/// The built-in procedures alone: a file of the tests may then reuse a campaign's id.
fn procedures() -> Catalog {
    let all = Catalog::builtin().unwrap_or_default();
    Catalog {
        sets: all
            .sets
            .into_iter()
            .filter(|s| s.kind == SetKind::ThuTuc)
            .collect(),
    }
}

#[test]
fn builtin_rule_sets_load_and_match_the_contract() {
    let c = match Catalog::builtin() {
        Ok(c) => c,
        Err(p) => panic!("{p:#?}"),
    };
    let hl = c.get("covid19-hoa-lu-2021");
    let Some(hl) = hl else {
        panic!("no Hoa Lư set")
    };
    assert_eq!(
        hl.thanh_tich_tu.map(|d| d.to_string()).as_deref(),
        Some("2020-01-23")
    );
    let std_ids = |k: &str| -> Vec<String> {
        hl.nominee_kind(k)
            .map(|k| k.standards.iter().map(|s| s.id.clone()).collect())
            .unwrap_or_default()
    };
    assert_eq!(
        std_ids("tuyen_dau"),
        [
            "tan_tam_sang_tao",
            "hoan_thanh_xuat_sac",
            "khong_bi_phe_binh"
        ]
    );
    assert_eq!(std_ids("nguoi_dan"), ["chap_hanh_phap_luat", "tuong_tro"]);
    assert_eq!(
        hl.form("giay_khen_chu_tich_huyen").map(|f| f.kinds.len()),
        Some(2)
    );
    assert_eq!(hl.level("tinh").and_then(|l| l.copies), Some(2));
    let (Some(q), Some(a)) = (&hl.voting.quorum, &hl.voting.approval) else {
        panic!("the campaign's thresholds are gone")
    };
    assert!(q.ratio.met(6, 9) && !q.ratio.met(5, 9) && !q.reading);
    assert!(a.ratio.met(5, 8) && !a.ratio.met(4, 8) && !a.reading);
    assert!(c
        .get("nd91-dieu55")
        .is_some_and(|s| !s.procedure.minutes.required));
}

#[test]
fn unknown_key_points_into_the_file() {
    let text = BUILTIN[0]
        .1
        .replacen("thanh_tich_tu_can_cu:", "thanh_tich_tu_can_cuu:", 1);
    let Err(p) = parse(&text, "x.yaml", &procedures()) else {
        panic!("accepted")
    };
    assert!(p[0].at.is_some_and(|a| a.start.line > 1), "{p:?}");
    assert!(p[0].message.en.contains("thanh_tich_tu_can_cuu"), "{p:?}");
}

#[test]
fn broken_reference_is_reported() {
    let text = BUILTIN[0].1.replacen("cap: huyen", "cap: xa", 1);
    let Err(p) = parse(&text, "x.yaml", &procedures()) else {
        panic!("accepted")
    };
    assert!(
        p.iter().any(|p| p.message.en.contains("level `xa`")),
        "{p:?}"
    );
}

#[test]
fn problems_carry_the_parsers_span() {
    let text = BUILTIN[0].1.replacen("cap: huyen", "cap: xa", 1);
    let Err(p) = parse(&text, "x.yaml", &procedures()) else {
        panic!("accepted")
    };
    let at = p[0].at.unwrap_or_else(|| panic!("{p:?}"));
    let line = text.lines().nth(at.start.line as usize - 1).unwrap_or("");
    let from_byte = &text[at.start.byte as usize..];
    assert!(line.contains("xa") && from_byte.starts_with("xa"), "{p:?}");
}

#[test]
fn the_parsers_english_stays_out_of_vietnamese() {
    for broken in [
        "phien_ban: 1\nid: [x\n",
        "phien_ban: 1\nid: x\nloai: thu_tuc\nhinh_thuc: 3\n",
        "phien_ban: [1]\n",
        "phien_ban: 1\nid: {a: b}\n",
        "phien_ban: 1\nidd: x\n",
        "",
        "phien_ban: 1\nid: x\n  ten: y\n",
    ] {
        let Err(p) = parse_raw(broken, "x.yaml") else {
            continue;
        };
        for w in [
            "expected",
            "invalid",
            "found",
            "while",
            "unexpected",
            "line ",
        ] {
            assert!(
                !p[0].message.vi.contains(w),
                "{broken:?}: {:?}",
                p[0].message
            );
        }
        assert!(!p[0].message.en.is_empty());
    }
}
