//! The tests of `dossier add`.

use super::*;
use crate::diag::Finding;
use crate::edit::init::{init, InitOptions};
use crate::rules::check::{check_dossier, Against};
use crate::rules::Rule;
use std::fs;

fn catalog() -> Catalog {
    Catalog::builtin().unwrap()
}

fn today() -> Date {
    Date::parse("2030-01-01").unwrap()
}

fn nominee(ma: &str, loai: &str, kind: &str) -> NewNominee {
    NewNominee {
        ma: ma.into(),
        ten: "  Phạm Thị  Thu ".into(),
        loai: loai.into(),
        doi_tuong: Some(kind.into()),
        don_vi: Some("Trạm Y tế xã Ninh Hải".into()),
        chuc_vu: None,
        chuc_vu_don_vi: None,
        cap_bac: None,
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

fn example(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    copy_dir(&src, dir.path());
    dir
}

fn key(f: &Finding) -> (Rule, String, String) {
    (f.rule, f.primary.file.clone(), f.message.en.clone())
}

fn line_of(dir: &Path, f: &Finding) -> String {
    let text = fs::read_to_string(dir.join(&f.primary.file)).unwrap_or_default();
    let n = f.primary.span.map_or(0, |s| s.start.line as usize);
    text.lines()
        .nth(n.saturating_sub(1))
        .unwrap_or("")
        .to_owned()
}

/// Findings that `add` introduced: only placeholders (on a line showing one) and the
/// missing votes of the new nominee.
fn assert_only_new_placeholders(dir: &Path, before: &[Finding], ma: &str) {
    let after = check_dossier(dir, &Against::new(&catalog(), today())).findings;
    let mut old: Vec<_> = before.iter().map(key).collect();
    for f in &after {
        if let Some(i) = old.iter().position(|k| *k == key(f)) {
            old.swap_remove(i);
            continue;
        }
        let line = line_of(dir, f);
        let placeholder = f.rule == Rule::HS015 && line.contains("<<");
        let _ = ma;
        assert!(
            placeholder,
            "{:?} {}: {} | {}",
            f.rule, f.primary.file, f.message.en, line
        );
    }
    assert!(old.is_empty(), "findings went away: {old:?}");
}

/// `before`'s lines are all in `after`, in order: nothing was removed or changed.
fn only_inserted(before: &str, after: &str) {
    let mut it = after.split_inclusive('\n');
    for line in before.split_inclusive('\n') {
        assert!(it.any(|l| l == line), "lost {line:?}");
    }
}

#[test]
fn adds_to_an_example_dossier_keeping_every_other_byte() {
    let dir = example("01-giay-khen-chuyen-de-truong-yen");
    let before = check_dossier(dir.path(), &Against::new(&catalog(), today())).findings;
    let tt0 = fs::read_to_string(dir.path().join("to-trinh.yaml")).unwrap();
    let bb0 = fs::read_to_string(dir.path().join("bien-ban.yaml")).unwrap();
    let n = nominee("pham-thi-thu", "ca_nhan", "tuyen_dau");
    let written = add(dir.path(), &n, &catalog(), today()).unwrap();
    assert_eq!(written.len(), 3);
    assert!(written[0].ends_with("bao-cao/pham-thi-thu.yaml"));
    let tt = fs::read_to_string(dir.path().join("to-trinh.yaml")).unwrap();
    only_inserted(&tt0, &tt);
    assert!(tt.contains(
        "  - ma: pham-thi-thu\n    loai: ca_nhan\n    ten: \"Phạm Thị Thu\"\n    chuc_vu: \"<<Chức vụ>>\"\n    don_vi: \"Trạm Y tế xã Ninh Hải\"\n    doi_tuong: tuyen_dau\ndinh_kem:"
    ), "{tt}");
    let bb = fs::read_to_string(dir.path().join("bien-ban.yaml")).unwrap();
    only_inserted(&bb0, &bb);
    assert!(bb.contains("  - ma: pham-thi-thu\n    tan_thanh: \"<<số phiếu tán thành>>\"\n    khong_tan_thanh: \"<<số phiếu không tán thành>>\"\ndinh_kem:"), "{bb}");
    assert_only_new_placeholders(dir.path(), &before, "pham-thi-thu");
}

#[test]
fn adds_a_rank_and_position_with_unit_to_the_list_and_the_report_alike() {
    let dir = example("01-giay-khen-chuyen-de-truong-yen");
    let before = check_dossier(dir.path(), &Against::new(&catalog(), today())).findings;
    let mut n = nominee("pham-thi-thu", "ca_nhan", "tuyen_dau");
    n.don_vi = None;
    n.cap_bac = Some("Thiếu tá".into());
    n.chuc_vu_don_vi = Some("Trưởng Công an xã Trường Yên".into());
    add(dir.path(), &n, &catalog(), today()).unwrap();
    let tt = fs::read_to_string(dir.path().join("to-trinh.yaml")).unwrap();
    assert!(tt.contains(
        "    ten: \"Phạm Thị Thu\"\n    cap_bac: \"Thiếu tá\"\n    chuc_vu_don_vi: \"Trưởng Công an xã Trường Yên\"\n    doi_tuong: tuyen_dau\n"
    ), "{tt}");
    let rep = fs::read_to_string(dir.path().join("bao-cao/pham-thi-thu.yaml")).unwrap();
    assert!(rep.contains("\ncap_bac: \"Thiếu tá\"\n"), "{rep}");
    assert!(
        rep.contains("\nchuc_vu_don_vi: \"Trưởng Công an xã Trường Yên\"\n"),
        "{rep}"
    );
    assert!(
        !rep.contains("\ndon_vi:") && !rep.contains("\nchuc_vu:"),
        "{rep}"
    );
    // Nothing left but the placeholders of the report's texts and the votes.
    assert_only_new_placeholders(dir.path(), &before, "pham-thi-thu");
    // A rank on a collective is refused before anything is written.
    let mut group = nominee("thon-dong", "tap_the", "thon_xom");
    group.cap_bac = Some("Đại tá".into());
    assert!(matches!(
        add(dir.path(), &group, &catalog(), today()),
        Err(EditError::NotAllowed { .. })
    ));
    assert!(!dir.path().join("bao-cao/thon-dong.yaml").exists());
}

#[test]
fn adds_to_a_fresh_template() {
    let dir = tempfile::tempdir().unwrap();
    let o = InitOptions {
        campaign: "covid19-hoa-lu-2021".into(),
        form: "giay_khen_chu_tich_huyen".into(),
        kind: Some("dot_xuat".into()),
        nominee_kind: None,
        today: Date::today(),
    };
    init(dir.path(), &o, &catalog()).unwrap();
    let before = check_dossier(dir.path(), &Against::new(&catalog(), today())).findings;
    let mut n = nominee("thon-dong", "tap_the", "thon_xom");
    n.don_vi = None;
    add(dir.path(), &n, &catalog(), today()).unwrap();
    assert_only_new_placeholders(dir.path(), &before, "thon-dong");
    let rep = fs::read_to_string(dir.path().join("bao-cao/thon-dong.yaml")).unwrap();
    assert!(rep.contains("  xay_dung_phao_dai: true\n"));
    assert!(rep.contains("ghi_nhan: \"<<"));
    assert!(rep.contains("don_vi: \"<<Tên đơn vị>>\""));
    // A second nominee after the first added one.
    add(
        dir.path(),
        &nominee("pham-thi-thu", "ca_nhan", "tuyen_dau"),
        &catalog(),
        today(),
    )
    .unwrap();
    let tt = fs::read_to_string(dir.path().join("to-trinh.yaml")).unwrap();
    let ids: Vec<_> = ids(&parse(&tt).root.unwrap(), "danh_sach").collect();
    assert_eq!(ids, ["vi-du-ca-nhan", "thon-dong", "pham-thi-thu"]);
}

#[test]
fn keeps_crlf_bom_and_flow_items() {
    let dir = example("02-giay-khen-dot-xuat-ninh-hai");
    let bb_path = dir.path().join("bien-ban.yaml");
    let bb = fs::read_to_string(&bb_path).unwrap();
    let root = parse(&bb).root.unwrap();
    // Rewrite the votes as `- { ... }` items, and the file with CRLF and a BOM.
    let Some((_, Node::Seq(items, _))) = root.entry("ket_qua") else {
        panic!()
    };
    let mut flow = String::new();
    for it in items {
        flow.push_str(&format!(
            "  - {{ ma: {}, tan_thanh: {}, khong_tan_thanh: {} }}\n",
            it.text("ma").unwrap(),
            it.text("tan_thanh").unwrap(),
            it.text("khong_tan_thanh").unwrap_or("0"),
        ));
    }
    let start = bb.find("ket_qua:\n").unwrap() + "ket_qua:\n".len();
    let end = bb.find("dinh_kem:").unwrap_or(bb.len());
    let rewritten = format!("{}{}{}", &bb[..start], flow, &bb[end..]);
    let crlf = format!("\u{feff}{}", rewritten.replace('\n', "\r\n"));
    fs::write(&bb_path, &crlf).unwrap();
    let tt_path = dir.path().join("to-trinh.yaml");
    let tt = fs::read_to_string(&tt_path).unwrap().replace('\n', "\r\n");
    fs::write(&tt_path, &tt).unwrap();
    let before = check_dossier(dir.path(), &Against::new(&catalog(), today())).findings;
    add(
        dir.path(),
        &nominee("pham-thi-thu", "ca_nhan", "tuyen_dau"),
        &catalog(),
        today(),
    )
    .unwrap();
    let after = fs::read_to_string(&bb_path).unwrap();
    assert!(after.starts_with('\u{feff}'));
    assert_eq!(after.matches('\n').count(), after.matches("\r\n").count());
    assert!(after.contains(
        "  - { ma: pham-thi-thu, tan_thanh: \"<<số phiếu tán thành>>\", khong_tan_thanh: \"<<số phiếu không tán thành>>\" }\r\n"
    ), "{after}");
    only_inserted(&crlf, &after);
    let tt_after = fs::read_to_string(&tt_path).unwrap();
    only_inserted(&tt, &tt_after);
    assert_eq!(
        tt_after.matches('\n').count(),
        tt_after.matches("\r\n").count()
    );
    let rep = fs::read_to_string(dir.path().join("bao-cao/pham-thi-thu.yaml")).unwrap();
    assert_eq!(rep.matches('\n').count(), rep.matches("\r\n").count());
    assert_only_new_placeholders(dir.path(), &before, "pham-thi-thu");
}

#[test]
fn fills_an_empty_or_missing_sequence() {
    for (list, votes) in [
        ("danh_sach: []  # trống\n", "ket_qua:\n"),
        ("danh_sach: ~\n", ""),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        fs::write(p.join("ho-so.yaml"), "phien_ban: 1\nphong_trao: covid19-hoa-lu-2021\nhinh_thuc: bang_khen_chu_tich_tinh\nco_quan_de_nghi: \"X\"\n").unwrap();
        fs::write(
            p.join("to-trinh.yaml"),
            format!("so_ky_hieu: \"1/TTr-UBND\"\n{list}dinh_kem: a.pdf\n"),
        )
        .unwrap();
        fs::write(
            p.join("bien-ban.yaml"),
            format!("so_ky_hieu: \"1/BB-UBND\"\n{votes}"),
        )
        .unwrap();
        add(
            p,
            &nominee("a-b", "ca_nhan", "nguoi_dan"),
            &catalog(),
            today(),
        )
        .unwrap();
        let tt = fs::read_to_string(p.join("to-trinh.yaml")).unwrap();
        let root = parse(&tt).root.unwrap();
        assert_eq!(ids(&root, "danh_sach").collect::<Vec<_>>(), ["a-b"], "{tt}");
        assert_eq!(root.text("dinh_kem"), Some("a.pdf"));
        let bb = fs::read_to_string(p.join("bien-ban.yaml")).unwrap();
        let root = parse(&bb).root.unwrap();
        assert_eq!(ids(&root, "ket_qua").collect::<Vec<_>>(), ["a-b"], "{bb}");
    }
}

#[test]
fn refuses_taken_and_malformed_ids_and_unfit_kinds_writing_nothing() {
    let dir = example("01-giay-khen-chuyen-de-truong-yen");
    let p = dir.path();
    let snapshot = |p: &Path| -> Vec<(String, Vec<u8>)> {
        let mut v = Vec::new();
        for sub in ["", "bao-cao"] {
            for e in fs::read_dir(p.join(sub)).unwrap() {
                let e = e.unwrap();
                if e.file_type().unwrap().is_file() {
                    v.push((e.path().display().to_string(), fs::read(e.path()).unwrap()));
                }
            }
        }
        v.sort();
        v
    };
    let before = snapshot(p);
    let cat = catalog();
    let taken = nominee("nguyen-thi-hang", "ca_nhan", "tuyen_dau");
    assert!(
        matches!(add(p, &taken, &cat, today()), Err(EditError::IdTaken { file, .. }) if file.ends_with("to-trinh.yaml"))
    );
    // Only in the votes.
    let bb = fs::read_to_string(p.join("bien-ban.yaml")).unwrap();
    fs::write(
        p.join("bien-ban.yaml"),
        bb.replace("ma: le-thu-trang", "ma: chi-trong-bien-ban"),
    )
    .unwrap();
    let votes_only = nominee("chi-trong-bien-ban", "ca_nhan", "tuyen_dau");
    assert!(
        matches!(add(p, &votes_only, &cat, today()), Err(EditError::IdTaken { file, .. }) if file.ends_with("bien-ban.yaml"))
    );
    fs::write(p.join("bien-ban.yaml"), &bb).unwrap();
    // Only as a report file.
    fs::write(p.join("bao-cao/mo-coi.yml"), "ma: mo-coi\n").unwrap();
    assert!(
        matches!(add(p, &nominee("mo-coi", "ca_nhan", "tuyen_dau"), &cat, today()), Err(EditError::IdTaken { file, .. }) if file.ends_with("mo-coi.yml"))
    );
    fs::remove_file(p.join("bao-cao/mo-coi.yml")).unwrap();
    for bad in ["Nguyen", "nguyễn", "a--b", "-a", "a-", "a b", "a_b", ""] {
        assert!(
            matches!(
                add(p, &nominee(bad, "ca_nhan", "tuyen_dau"), &cat, today()),
                Err(EditError::BadId(_))
            ),
            "{bad:?}"
        );
    }
    assert!(matches!(
        add(p, &nominee("x", "ca_nhan", "thon_xom"), &cat, today()),
        Err(EditError::NotAllowed {
            what: Field::NomineeKind,
            ..
        })
    ));
    assert!(matches!(
        add(p, &nominee("x", "tap_the", "nguoi_dan"), &cat, today()),
        Err(EditError::NotAllowed {
            what: Field::NomineeKind,
            ..
        })
    ));
    assert!(matches!(
        add(p, &nominee("x", "ca_nhan", "bac_si"), &cat, today()),
        Err(EditError::Unknown {
            what: Field::NomineeKind,
            ..
        })
    ));
    assert!(matches!(
        add(p, &nominee("x", "nhom", "tuyen_dau"), &cat, today()),
        Err(EditError::Unknown {
            what: Field::NomineeType,
            ..
        })
    ));
    let mut empty = nominee("x", "ca_nhan", "tuyen_dau");
    empty.ten = " \u{a0} ".into();
    assert!(matches!(
        add(p, &empty, &cat, today()),
        Err(EditError::Empty("ten"))
    ));
    assert_eq!(snapshot(p), before);
    assert!(matches!(
        add(
            &p.join("bao-cao"),
            &nominee("x", "ca_nhan", "tuyen_dau"),
            &cat,
            today()
        ),
        Err(EditError::NotADossier(_))
    ));
}

#[test]
fn a_form_limited_to_some_kinds_refuses_the_others() {
    let text = crate::criteria::BUILTIN[0].1.replacen(
        "    cap: tinh\n",
        "    cap: tinh\n    doi_tuong: [tuyen_dau]\n",
        1,
    );
    let rs = crate::criteria::parse(&text, "x.yaml", &{
        let mut c = Catalog::builtin().unwrap();
        c.sets
            .retain(|s| s.kind == crate::criteria::SetKind::ThuTuc);
        c
    })
    .unwrap();
    let cat = Catalog { sets: vec![rs] };
    let dir = example("03-bang-khen-tinh-huyen-hoa-lu");
    let hs = fs::read_to_string(dir.path().join("ho-so.yaml")).unwrap();
    assert!(hs.contains("bang_khen_chu_tich_tinh"), "{hs}");
    assert!(matches!(
        add(
            dir.path(),
            &nominee("x", "ca_nhan", "nguoi_dan"),
            &cat,
            today()
        ),
        Err(EditError::NotAllowed {
            what: Field::NomineeKind,
            ..
        })
    ));
    add(
        dir.path(),
        &nominee("x", "ca_nhan", "tuyen_dau"),
        &cat,
        today(),
    )
    .unwrap();
}

#[test]
fn follows_a_sequence_written_at_the_key_indentation() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(
        p.join("ho-so.yaml"),
        "phien_ban: 1\nphong_trao: covid19-hoa-lu-2021\nhinh_thuc: bang_khen_chu_tich_tinh\n",
    )
    .unwrap();
    fs::write(
        p.join("to-trinh.yaml"),
        "danh_sach:\n- ma: a\n  ten: \"A\"   # ghi chú\n# cuối danh sách\ndinh_kem: x.pdf\n",
    )
    .unwrap();
    add(
        p,
        &nominee("b", "ca_nhan", "nguoi_dan"),
        &catalog(),
        today(),
    )
    .unwrap();
    assert_eq!(
        fs::read_to_string(p.join("to-trinh.yaml")).unwrap(),
        "danh_sach:\n- ma: a\n  ten: \"A\"   # ghi chú\n- ma: b\n  loai: ca_nhan\n  ten: \"Phạm Thị Thu\"\n  chuc_vu: \"<<Chức vụ>>\"\n  don_vi: \"Trạm Y tế xã Ninh Hải\"\n  doi_tuong: nguoi_dan\n# cuối danh sách\ndinh_kem: x.pdf\n"
    );
}

#[test]
fn refuses_a_flow_list_and_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(
        p.join("ho-so.yaml"),
        "phien_ban: 1\nphong_trao: covid19-hoa-lu-2021\nhinh_thuc: bang_khen_chu_tich_tinh\n",
    )
    .unwrap();
    fs::write(p.join("to-trinh.yaml"), "danh_sach: [ { ma: a } ]\n").unwrap();
    assert!(matches!(
        add(
            p,
            &nominee("b", "ca_nhan", "nguoi_dan"),
            &catalog(),
            today()
        ),
        Err(EditError::Layout { .. })
    ));
    fs::write(p.join("to-trinh.yaml"), "danh_sach:\n  - ma: \"a\n").unwrap();
    assert!(matches!(
        add(
            p,
            &nominee("b", "ca_nhan", "nguoi_dan"),
            &catalog(),
            today()
        ),
        Err(EditError::Yaml { .. })
    ));
    fs::remove_file(p.join("to-trinh.yaml")).unwrap();
    assert!(matches!(
        add(
            p,
            &nominee("b", "ca_nhan", "nguoi_dan"),
            &catalog(),
            today()
        ),
        Err(EditError::Missing(_))
    ));
}
