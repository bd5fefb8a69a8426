//! Reading each of the four documents from its tree: which keys it has, which are required,
//! and of what type. The key lists are the format contract (`docs/dossier-format.md`, version 1).

use super::model::{
    BaoCao, BienBan, HoSo, Nominee, NomineeType, Person, StandardClaim, ToTrinh, Vote, XacNhan,
};
use super::reader::{Fields, Need, Reader};
use crate::source::Sp;
use crate::yaml::tree::Node;

use Need::{Optional, Required};

const HO_SO: &[&str] = &[
    "phien_ban",
    "phong_trao",
    "hinh_thuc",
    "loai_khen",
    "co_quan_de_nghi",
    "cap_quyet_dinh",
    "trinh_qua",
];
const TO_TRINH: &[&str] = &[
    "so_ky_hieu",
    "ngay",
    "dia_danh",
    "co_quan",
    "co_quan_cap_tren",
    "kinh_gui",
    "trich_yeu",
    "nguoi_ky",
    "can_cu",
    "noi_dung",
    "noi_nhan",
    "danh_sach",
    "dinh_kem",
];
const NOMINEE: &[&str] = &[
    "ma",
    "loai",
    "ten",
    "cap_bac",
    "chuc_vu",
    "don_vi",
    "chuc_vu_don_vi",
    "doi_tuong",
];
const SIGNER: &[&str] = &["ho_ten", "chuc_vu", "tham_quyen"];
const OFFICER: &[&str] = &["ho_ten", "chuc_vu", "tham_quyen"];
const BIEN_BAN: &[&str] = &[
    "so_ky_hieu",
    "ngay",
    "hoi_dong",
    "so_thanh_vien",
    "co_mat",
    "chu_tri",
    "thu_ky",
    "ket_qua",
    "bieu_quyet_chung",
    "dinh_kem",
];
const COMMON_VOTE: &[&str] = &["tan_thanh", "khong_tan_thanh"];
const VOTE: &[&str] = &["ma", "tan_thanh", "khong_tan_thanh"];
const BAO_CAO: &[&str] = &[
    "ma",
    "loai",
    "ten",
    "cap_bac",
    "ngay_sinh",
    "gioi_tinh",
    "chuc_vu",
    "don_vi",
    "chuc_vu_don_vi",
    "doi_tuong",
    "thoi_gian",
    "hanh_dong",
    "thanh_tich",
    "cong_trang",
    "tieu_chuan",
    "ghi_nhan",
    "xac_nhan",
    "dinh_kem",
    "so_ky_hieu",
    "ngay",
    "co_quan_cap_tren",
    "nguoi_ky",
    "con_dau",
];
const PERIOD: &[&str] = &["tu", "den"];
const CONFIRMATION: &[&str] = &["co_quan", "nguoi_ky", "ngay", "con_dau"];
const TYPES: &[&str] = &["ca_nhan", "tap_the", "ho_gia_dinh"];

fn nominee_type(v: Option<Sp<String>>) -> Option<Sp<NomineeType>> {
    // An unknown word was reported by the reader (HS006); read it as an individual, the
    // format's first type, so the other checks still run.
    v.map(|s| s.map(|t| NomineeType::from_id(&t).unwrap_or(NomineeType::Individual)))
}

/// `don_vi` is required unless `chuc_vu_don_vi` holds the unit with the position, as the
/// lists' "Chức vụ, đơn vị công tác" column does.
fn unit_need(chuc_vu_don_vi: Option<&Sp<String>>) -> Need {
    if chuc_vu_don_vi.is_some_and(|v| !v.v.trim().is_empty()) {
        Optional
    } else {
        Required
    }
}

/// A signer: `chuc_vu_need` says whether the title is required (a document's signer) or not
/// (a council officer, a collective's or household's own signer).
fn person(
    r: &mut Reader<'_>,
    m: &Fields<'_>,
    key: &str,
    need: Need,
    known: &[&'static str],
    chuc_vu_need: Need,
) -> Option<Person> {
    let g = r.group(m, key, need, known)?;
    let ho_ten = r.text(&g, "ho_ten", Required);
    let chuc_vu = r.text(&g, "chuc_vu", chuc_vu_need);
    let tham_quyen_dong = r.texts(&g, "tham_quyen");
    let tham_quyen = tham_quyen_dong.first().map(|first| {
        let joined: Vec<&str> = tham_quyen_dong.iter().map(|s| s.v.as_str()).collect();
        Sp::new(joined.join("\n"), first.at)
    });
    Some(Person {
        ho_ten,
        chuc_vu,
        tham_quyen,
        tham_quyen_dong,
        at: Some(g.anchor),
    })
}

/// `ho-so.yaml`.
pub(crate) fn ho_so(r: &mut Reader<'_>, root: &Node) -> Option<HoSo> {
    let m = r.fields(root, HO_SO, "")?;
    Some(HoSo {
        phien_ban: r.text(&m, "phien_ban", Required),
        phong_trao: r.text(&m, "phong_trao", Required),
        hinh_thuc: r.text(&m, "hinh_thuc", Required),
        loai_khen: r.text(&m, "loai_khen", Optional),
        co_quan_de_nghi: r.text(&m, "co_quan_de_nghi", Required),
        cap_quyet_dinh: r.text(&m, "cap_quyet_dinh", Optional),
        trinh_qua: texts(r, &m, "trinh_qua"),
        anchor: Some(m.anchor),
    })
}

/// An optional list of texts (`can_cu`, `noi_nhan`): one text alone is read as a list of one.
fn texts(r: &mut Reader<'_>, m: &Fields<'_>, key: &str) -> Vec<Sp<String>> {
    match m.get(key) {
        Some(Node::Seq(items, _)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, n)| match n {
                // A null (`~`) or blank item holds nothing: printed, it read "- ~;" or "-;", and
                // a blank first addressee left the body's "kính trình  xem xét" naming no one.
                Node::Scalar(s) if is_blank(s) => {
                    r.empty_item(s.span, &format!("{key}[{}]", i + 1));
                    None
                }
                Node::Scalar(s) => Some(r.checked_text(s, &format_args!("{key}[{}]", i + 1))),
                other => {
                    r.wrong_type(
                        other,
                        &format!("{key}[{}]", i + 1),
                        ("một đoạn chữ", "a text"),
                    );
                    None
                }
            })
            .collect(),
        _ => r.text(m, key, Optional).into_iter().collect(),
    }
}

/// `kinh_gui`: one text, as always, or a list of addressees (several, as Decree 30 prints
/// them). A list with no text in it is missing, as an absent or empty `kinh_gui` is.
///
/// A tờ trình with its own body may name its addressee in the closing sentence instead
/// (`rules::addressee` says which, HS004 or HS022): then `kinh_gui` is not required here.
fn addressees(r: &mut Reader<'_>, m: &Fields<'_>) -> Vec<Sp<String>> {
    let need = body_need(m);
    if let Some(Node::Seq(..)) = m.get("kinh_gui") {
        let all = texts(r, m, "kinh_gui");
        if all.is_empty() && need == Required {
            r.missing(m, "kinh_gui");
        }
        return all;
    }
    r.text(m, "kinh_gui", need).into_iter().collect()
}

/// `to-trinh.yaml`.
pub(crate) fn to_trinh(r: &mut Reader<'_>, root: &Node) -> Option<ToTrinh> {
    let m = r.fields(root, TO_TRINH, "")?;
    let mut danh_sach = Vec::new();
    if let Some(items) = r.list(&m, "danh_sach", Required) {
        if items.is_empty() {
            r.empty_list(m.get("danh_sach").map(Node::span));
        }
        for (i, item) in items.iter().enumerate() {
            let Some(e) = r.fields(item, NOMINEE, &format!("danh_sach[{}]", i + 1)) else {
                continue;
            };
            let ma = r.text(&e, "ma", Required);
            let loai = nominee_type(r.choice(&e, "loai", Required, TYPES));
            let ten = r.text(&e, "ten", Required);
            let cap_bac = r.text(&e, "cap_bac", Optional);
            let chuc_vu = r.text(&e, "chuc_vu", Optional);
            let chuc_vu_don_vi = r.text(&e, "chuc_vu_don_vi", Optional);
            danh_sach.push(Nominee {
                ma,
                loai,
                ten,
                cap_bac,
                chuc_vu,
                don_vi: r.text(&e, "don_vi", unit_need(chuc_vu_don_vi.as_ref())),
                chuc_vu_don_vi,
                doi_tuong: r.text(&e, "doi_tuong", Required),
                at: Some(e.anchor),
            });
        }
    }
    let kinh_gui = addressees(r, &m);
    Some(ToTrinh {
        so_ky_hieu: r.text(&m, "so_ky_hieu", Required),
        ngay: r.date(&m, "ngay", Required),
        dia_danh: r.text(&m, "dia_danh", Required),
        co_quan: r.text(&m, "co_quan", Required),
        co_quan_cap_tren: r.text(&m, "co_quan_cap_tren", Optional),
        kinh_gui: kinh_gui.first().cloned(),
        kinh_gui_ds: kinh_gui,
        trich_yeu: r.text(&m, "trich_yeu", Required),
        nguoi_ky: person(r, &m, "nguoi_ky", Required, SIGNER, Required),
        danh_sach,
        dinh_kem: r.attachments(&m),
        can_cu: texts(r, &m, "can_cu"),
        noi_dung: r.text(&m, "noi_dung", Optional),
        noi_nhan: texts(r, &m, "noi_nhan"),
        anchor: Some(m.anchor),
    })
}

/// `kinh_gui` is required unless the tờ trình has its own body (`noi_dung`).
fn body_need(m: &Fields<'_>) -> Need {
    match m.get("noi_dung") {
        Some(Node::Scalar(s)) if !is_blank(s) => Optional,
        _ => Required,
    }
}

fn is_blank(s: &crate::yaml::tree::Scalar) -> bool {
    s.text.trim().is_empty() || (s.plain && crate::yaml::tree::is_null(&s.text))
}

/// `bien-ban.yaml`.
pub(crate) fn bien_ban(r: &mut Reader<'_>, root: &Node) -> Option<BienBan> {
    let m = r.fields(root, BIEN_BAN, "")?;
    let bieu_quyet_chung = r
        .group(&m, "bieu_quyet_chung", Optional, COMMON_VOTE)
        .map(|g| Vote {
            ma: None,
            tan_thanh: r.count(&g, "tan_thanh", Required),
            khong_tan_thanh: r.count(&g, "khong_tan_thanh", Optional),
            chung: true,
            at: Some(g.anchor),
        });
    // One vote for the whole list stands for the per-nominee results: `ket_qua` then holds
    // only the nominees voted on apart, if any.
    let need = if bieu_quyet_chung.is_some() {
        Optional
    } else {
        Required
    };
    let mut ket_qua = Vec::new();
    if let Some(items) = r.list(&m, "ket_qua", need) {
        for (i, item) in items.iter().enumerate() {
            let Some(e) = r.fields(item, VOTE, &format!("ket_qua[{}]", i + 1)) else {
                continue;
            };
            ket_qua.push(Vote {
                ma: r.text(&e, "ma", Required),
                tan_thanh: r.count(&e, "tan_thanh", Required),
                khong_tan_thanh: r.count(&e, "khong_tan_thanh", Optional),
                chung: false,
                at: Some(e.anchor),
            });
        }
    }
    Some(BienBan {
        so_ky_hieu: r.text(&m, "so_ky_hieu", Required),
        ngay: r.date(&m, "ngay", Required),
        hoi_dong: r.text(&m, "hoi_dong", Required),
        so_thanh_vien: r.count(&m, "so_thanh_vien", Required),
        co_mat: r.count(&m, "co_mat", Required),
        chu_tri: person(r, &m, "chu_tri", Required, OFFICER, Optional),
        thu_ky: person(r, &m, "thu_ky", Required, OFFICER, Optional),
        ket_qua,
        bieu_quyet_chung,
        dinh_kem: r.attachments(&m),
        anchor: Some(m.anchor),
    })
}

/// `bao-cao/<ma>.yaml`. The content fields, the standards and the confirmation are optional
/// here: their absence is reported by the content rules (ND001-ND003), with a message that
/// says what the law asks for rather than "missing field".
pub(crate) fn bao_cao(
    r: &mut Reader<'_>,
    root: &Node,
    file: &str,
    file_ma: &str,
) -> Option<BaoCao> {
    let m = r.fields(root, BAO_CAO, "")?;
    let mut rep = BaoCao {
        file: file.to_owned(),
        file_ma: file_ma.to_owned(),
        ma: r.text(&m, "ma", Required),
        loai: nominee_type(r.choice(&m, "loai", Required, TYPES)),
        ten: r.text(&m, "ten", Required),
        cap_bac: r.text(&m, "cap_bac", Optional),
        ngay_sinh: r.birth(&m, "ngay_sinh", Optional),
        gioi_tinh: r.choice(&m, "gioi_tinh", Optional, &["nam", "nu"]),
        chuc_vu: r.text(&m, "chuc_vu", Optional),
        chuc_vu_don_vi: r.text(&m, "chuc_vu_don_vi", Optional),
        doi_tuong: r.text(&m, "doi_tuong", Required),
        hanh_dong: r.text(&m, "hanh_dong", Optional),
        thanh_tich: r.text(&m, "thanh_tich", Optional),
        cong_trang: r.text(&m, "cong_trang", Optional),
        ghi_nhan: r.text(&m, "ghi_nhan", Optional),
        so_ky_hieu: r.text(&m, "so_ky_hieu", Optional),
        co_quan_cap_tren: r.text(&m, "co_quan_cap_tren", Optional),
        nguoi_ky: person(r, &m, "nguoi_ky", Optional, SIGNER, Optional),
        con_dau: seal(r, &m),
        dinh_kem: r.attachments(&m),
        anchor: Some(m.anchor),
        ..BaoCao::default()
    };
    rep.don_vi = r.text(&m, "don_vi", unit_need(rep.chuc_vu_don_vi.as_ref()));
    // The report's own date: its date line in the draft; no rule compares it yet.
    rep.ngay = r.date(&m, "ngay", Optional);
    if let Some(p) = r.group(&m, "thoi_gian", Required, PERIOD) {
        rep.thoi_gian_at = Some(p.anchor);
        rep.tu = r.date(&p, "tu", Required);
        rep.den = r.date(&p, "den", Required);
    }
    if let Some(node) = m.get("tieu_chuan") {
        rep.tieu_chuan = read_standards(r, node);
    }
    if let Some(g) = r.group(&m, "xac_nhan", Optional, CONFIRMATION) {
        rep.xac_nhan = Some(XacNhan {
            co_quan: r.text(&g, "co_quan", Optional),
            nguoi_ky: person(r, &g, "nguoi_ky", Optional, SIGNER, Required),
            ngay: r.date(&g, "ngay", Optional),
            con_dau: seal(r, &g),
            ngay_written: g.get("ngay").is_some_and(
                |n| !matches!(n, Node::Scalar(s) if s.plain && crate::yaml::tree::is_null(&s.text)),
            ),
            at: Some(g.anchor),
        });
    }
    Some(rep)
}

/// `con_dau: true | false`: whether the body signing has a seal.
fn seal(r: &mut Reader<'_>, m: &Fields<'_>) -> Option<Sp<bool>> {
    let node = m.get("con_dau")?;
    if matches!(node, Node::Scalar(s) if s.plain && crate::yaml::tree::is_null(&s.text)) {
        return None;
    }
    let path = if m.path.is_empty() {
        "con_dau".to_owned()
    } else {
        format!("{}.con_dau", m.path)
    };
    r.yes_no(node, &path)
}

fn read_standards(r: &mut Reader<'_>, node: &Node) -> Option<Sp<Vec<StandardClaim>>> {
    if let Node::Scalar(s) = node {
        if s.plain && crate::yaml::tree::is_null(&s.text) {
            return None;
        }
    }
    let Node::Map(entries, span) = node else {
        // Reuse the type message of the reader: a group of fields is expected.
        let _ = r.fields(node, &[], "tieu_chuan");
        return None;
    };
    let claims = entries
        .iter()
        .map(|(k, v)| StandardClaim {
            id: Sp::new(k.text.clone(), k.span),
            met: r.boolean(v, &format!("tieu_chuan.{}", k.text)),
        })
        .collect();
    Some(Sp::new(claims, *span))
}
