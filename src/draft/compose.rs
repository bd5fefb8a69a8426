//! The words of the drafts: a dossier and its rule set turned into documents.
//!
//! A clerk signs what this writes, so it says only what the dossier says: names, dates,
//! numbers and texts come from the YAML, the award form, its kind and the legal basis from the
//! rule set. Where the dossier is silent (a draft of a dossier with errors), a line is left short
//! rather than filled with a guess. The report follows the headings common to the decrees'
//! report templates (sơ lược lý lịch or đặc điểm tình hình, then the achievement as action,
//! achievement and merit, then the signatures of the reporter and the confirming body); the
//! headings of Decree 152/2025's own template for ad hoc awards were not read (see
//! `docs/legal-sources.md`, 4.4), so they are the project's reading, said in the README.

use crate::criteria::RuleSet;
use crate::dossier::model::{BaoCao, NomineeType};
use crate::dossier::Dossier;
use crate::page::model::{Block, Column, Document, Emphasis, Header};

use super::facts::Facts;
use super::words::{self, text, GAP};
use crate::dossier::place::Places;

/// Every document of the dossier: the proposal with its list, the minutes when there are any,
/// and one report per nominee.
#[must_use]
pub fn documents(d: &Dossier, rs: Option<&RuleSet>, stamp: bool) -> Vec<Document> {
    let ho_so = d.ho_so.clone().unwrap_or_default();
    let tt = d.to_trinh.clone().unwrap_or_default();
    let places = Places::of(d);
    // The rule set's "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã" names the dossier's own
    // commune on the page a clerk signs (#18, the clerk's C17).
    let form = words::named(ho_so.hinh_thuc.as_ref(), |id| {
        rs.and_then(|r| r.form(id))
            .map(|f| words::placed(&places, &f.ten))
    });
    // A dossier without its form (HS004) still prints a gap, not "tặng  cho".
    let form = if form.is_empty() {
        GAP.to_owned()
    } else {
        form
    };
    let kind_id = text(ho_so.loai_khen.as_ref());
    let kind = ho_so.loai_khen.as_ref().map(|k| {
        words::named(Some(k), |id| {
            rs.and_then(|r| r.award_kind(id)).map(|k| k.ten.clone())
        })
    });
    let day = tt.ngay.as_ref().map(|d| d.v);
    let facts = Facts {
        d,
        rs,
        form,
        kind,
        ad_hoc: kind_id == "dot_xuat",
        date: day.unwrap_or_default(),
        day,
        place: text(tt.dia_danh.as_ref()),
        issuer: text(tt.co_quan.as_ref()),
        stamp,
    };
    let mut docs = vec![proposal(&facts)];
    if d.bien_ban.is_some() {
        docs.push(minutes(&facts));
    }
    let mut reports: Vec<&BaoCao> = d.reports.iter().filter(|r| !r.file_ma.is_empty()).collect();
    reports.sort_by(|a, b| a.file_ma.cmp(&b.file_ma));
    docs.extend(
        reports
            .into_iter()
            .map(|r| super::report::report(&facts, r)),
    );
    docs
}

fn two(n: usize) -> String {
    format!("{n:02}")
}

/// "02 tập thể, 03 cá nhân và 01 hộ gia đình".
fn count_by_type(types: impl Iterator<Item = NomineeType>) -> String {
    let mut n = [0usize; 3];
    for t in types {
        n[t as usize] += 1;
    }
    let parts: Vec<String> = [
        NomineeType::Collective,
        NomineeType::Individual,
        NomineeType::Household,
    ]
    .into_iter()
    .filter(|t| n[*t as usize] > 0)
    .map(|t| format!("{} {}", two(n[t as usize]), t.vi()))
    .collect();
    match parts.as_slice() {
        [] => "các tập thể, cá nhân".to_owned(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
    }
}

/// The "Kính gửi" line: one addressee on it ("Kính gửi: Chủ tịch …."); several as Decree 30
/// prints them, "Kính gửi:" then each on a line of its own, "- …;", the last "- ….".
fn addressed(tt: &crate::dossier::model::ToTrinh) -> Vec<Block> {
    let line = |label: Option<&str>, text: String| Block::Para {
        label: label.map(str::to_owned),
        text,
        align: crate::page::model::Align::Centre,
        emphasis: Emphasis::Plain,
        indent: true,
    };
    match tt.kinh_gui_ds.as_slice() {
        [_, _, ..] => {
            let last = tt.kinh_gui_ds.len() - 1;
            let mut out = vec![line(Some("Kính gửi:"), String::new())];
            out.extend(tt.kinh_gui_ds.iter().enumerate().map(|(i, a)| {
                let end = if i == last { '.' } else { ';' };
                line(None, format!("- {}{end}", words::printed(&a.v)))
            }));
            out
        }
        // No addressee line (HS022: the clerk's own body names who decides): none printed,
        // rather than "Kính gửi: .".
        [] => Vec::new(),
        [_] => vec![line(
            Some("Kính gửi:"),
            format!("{}.", text(tt.kinh_gui.as_ref())),
        )],
    }
}

/// The proposal and, on its own pages, the list it sends.
fn proposal(f: &Facts<'_>) -> Document {
    let tt = f.d.to_trinh.clone().unwrap_or_default();
    let symbol = text(tt.so_ky_hieu.as_ref());
    let addressee = text(tt.kinh_gui.as_ref());
    // "(qua Sở Nội vụ)" says where the bundle goes: on the "Kính gửi" line only, not in every
    // sentence that names who decides (the clerk's C17 saw it twice in one sentence).
    let decides = words::without_channel(&addressee);
    let types = tt
        .danh_sach
        .iter()
        .map(|n| n.loai.as_ref().map_or(NomineeType::Individual, |l| l.v));
    let mut blocks = addressed(&tt);
    // One "Căn cứ" line per instrument, as Decree 30 writes them.
    blocks.extend(words::basis(f.rs, &tt).into_iter().map(Block::body));
    if let Some(own) = tt.noi_dung.as_ref() {
        // The clerk's own body stands in for the drafted request, the parts and the closing
        // sentence.
        blocks.extend(words::paragraphs(&own.v).into_iter().map(Block::body));
    } else {
        proposal_body(f, &tt, &decides, count_by_type(types), &mut blocks);
    }
    blocks.push(Block::Closing {
        recipients: words::recipients(&tt),
        right: super::signature::signer(tt.nguoi_ky.as_ref(), &["Thủ trưởng cơ quan"]),
        left: None,
    });

    // The list, on its own pages, as an annex of the proposal.
    blocks.push(Block::PageBreak);
    blocks.push(Block::Title("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG".to_owned()));
    blocks.push(Block::centred(f.form_and_kind(), Emphasis::Bold));
    let mut annex = "(Kèm theo Tờ trình".to_owned();
    if !symbol.is_empty() {
        annex.push_str(&format!(" số {symbol}"));
    }
    annex.push_str(&format!(" ngày {}", words::dmy(f.day)));
    if !f.issuer.is_empty() {
        annex.push_str(&format!(" của {}", f.issuer));
    }
    annex.push(')');
    blocks.push(Block::centred(annex, Emphasis::Italic));
    blocks.push(Block::Space(6.0));
    blocks.push(list_table(f, &tt));

    Document {
        stem: "to-trinh".to_owned(),
        meta_title: format!("Tờ trình {symbol}"),
        date: f.date,
        stamp: f.stamp,
        undated: f.day.is_none(),
        signing_year: false,
        header: Header {
            parent: tt.co_quan_cap_tren.as_ref().map(|s| words::printed(&s.v)),
            issuer: f.issuer.clone(),
            symbol: Some(symbol.clone()),
            place: f.place.clone(),
        },
        doc_type: "TỜ TRÌNH".to_owned(),
        summary: vec![text(tt.trich_yeu.as_ref())],
        blocks,
    }
}

/// The drafted request, the parts of the dossier and the closing sentence.
fn proposal_body(
    f: &Facts<'_>,
    tt: &crate::dossier::model::ToTrinh,
    decides: &str,
    who: String,
    blocks: &mut Vec<Block>,
) {
    // The achievement as the trích yếu names it ("… có thành tích xuất sắc đột xuất trong cứu
    // hộ, cứu nạn …"); the body named none before (#18, C17). Never a made-up one.
    let what = text(tt.trich_yeu.as_ref());
    let achievement = words::achievement(&what)
        .map_or_else(|| "có thành tích".to_owned(), |a| format!("đã có {a}"));
    let ask = format!(
        "{} kính trình {decides} xem xét, tặng {} cho {who} {achievement} (có danh sách kèm theo).",
        f.issuer,
        f.form_and_kind(),
    );
    blocks.push(Block::body(ask.trim_start()));
    let mut parts = vec!["tờ trình kèm danh sách".to_owned()];
    if let Some(bb) = &f.d.bien_ban {
        let mut m = format!("biên bản họp bình xét của {}", text(bb.hoi_dong.as_ref()));
        let symbol = text(bb.so_ky_hieu.as_ref());
        if !symbol.is_empty() {
            m.push_str(&format!(" số {symbol}"));
        }
        if let Some(n) = &bb.ngay {
            m.push_str(&format!(" ngày {}", n.v.dmy()));
        }
        parts.push(m);
    }
    parts.push(format!("{} báo cáo thành tích", two(f.d.reports.len())));
    blocks.push(Block::body(format!("Hồ sơ gồm: {}.", parts.join("; "))));
    blocks.push(Block::body(format!(
        "Kính trình {decides} xem xét, quyết định./."
    )));
}

/// The nominees in Vietnamese order of given name, then full name, with their vote result when
/// the dossier has minutes.
fn list_table(f: &Facts<'_>, tt: &crate::dossier::model::ToTrinh) -> Block {
    let present =
        f.d.bien_ban
            .as_ref()
            .and_then(|b| b.co_mat.as_ref())
            .map(|c| c.v);
    let mut columns = vec![
        Column {
            header: "TT",
            share: 0.07,
            centre: true,
        },
        Column {
            header: "Họ và tên / Tên tập thể",
            share: 0.27,
            centre: false,
        },
        Column {
            header: "Chức vụ, đơn vị",
            share: 0.34,
            centre: false,
        },
        Column {
            header: "Đối tượng",
            share: 0.17,
            centre: true,
        },
    ];
    if f.d.bien_ban.is_some() {
        columns.push(Column {
            header: "Tán thành/ Có mặt",
            share: 0.15,
            centre: true,
        });
    }
    // In the tờ trình's order, as the clerk and the council listed them and as the cover list
    // shows them: sorted by the last word of the name, collectives ("… Quảng Bình", "Sư đoàn
    // 372") fell among the individuals' given names (#18).
    let nominees: Vec<_> = tt.danh_sach.iter().collect();
    let rows = nominees
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mut row = vec![
                (i + 1).to_string(),
                words::printed(&n.shown_name()),
                words::printed(&n.position_and_unit()),
                f.nominee_kind(n.doi_tuong.as_ref()),
            ];
            if let Some(bb) = &f.d.bien_ban {
                let ma = text(n.ma.as_ref());
                let yes = bb
                    .ket_qua
                    .iter()
                    .find(|v| v.ma.as_ref().is_some_and(|m| m.v.trim() == ma))
                    .and_then(|v| v.tan_thanh.as_ref())
                    .map(|t| t.v);
                row.push(match (yes, present) {
                    (Some(y), Some(p)) => format!("{y}/{p}"),
                    _ => String::new(),
                });
            }
            row
        })
        .collect();
    Block::Table { columns, rows }
}

/// The minutes of the council's review meeting.
fn minutes(f: &Facts<'_>) -> Document {
    let bb = f.d.bien_ban.clone().unwrap_or_default();
    let tt = f.d.to_trinh.clone().unwrap_or_default();
    let council = text(bb.hoi_dong.as_ref());
    // The meeting's own date: the tờ trình's would be a guess.
    let day = bb.ngay.as_ref().map(|d| d.v);
    let date = day.unwrap_or_default();
    let members = bb.so_thanh_vien.as_ref().map(|n| n.v);
    let present = bb.co_mat.as_ref().map(|n| n.v);
    let mut blocks = Vec::new();
    let place = if f.place.is_empty() {
        String::new()
    } else {
        format!(", tại {}", f.place)
    };
    blocks.push(Block::body(format!(
        "Hôm nay, {}{place}, {council} họp bình xét đề nghị tặng {} cho các tập thể, cá nhân có thành tích.",
        words::vietnamese(day),
        f.form_and_kind()
    )));
    if let (Some(m), Some(p)) = (members, present) {
        blocks.push(Block::body(format!(
            "Hội đồng có {} thành viên; có mặt {}, vắng mặt {}.",
            two(m as usize),
            two(p as usize),
            two(m.saturating_sub(p) as usize)
        )));
    }
    for (label, p) in [("Chủ trì:", &bb.chu_tri), ("Thư ký:", &bb.thu_ky)] {
        if let Some(p) = p {
            let mut who = text(p.ho_ten.as_ref());
            let role = text(p.chuc_vu.as_ref());
            if !role.is_empty() {
                who.push_str(&format!(", {role}"));
            }
            blocks.push(Block::labelled(label, format!("{who}.")));
        }
    }
    blocks.push(Block::body(
        "Hội đồng đã xem xét hồ sơ, thành tích của từng tập thể, cá nhân và biểu quyết. Kết quả như sau:",
    ));
    let columns = vec![
        Column {
            header: "TT",
            share: 0.07,
            centre: true,
        },
        Column {
            header: "Họ và tên / Tên tập thể",
            share: 0.30,
            centre: false,
        },
        Column {
            header: "Đơn vị",
            share: 0.30,
            centre: false,
        },
        Column {
            header: "Tán thành",
            share: 0.11,
            centre: true,
        },
        Column {
            header: "Không tán thành",
            share: 0.12,
            centre: true,
        },
        Column {
            header: "Tỷ lệ tán thành",
            share: 0.10,
            centre: true,
        },
    ];
    // In the tờ trình's order, as the clerk and the council listed them and as the cover list
    // shows them: sorted by the last word of the name, collectives ("… Quảng Bình", "Sư đoàn
    // 372") fell among the individuals' given names (#18).
    let nominees: Vec<_> = tt.danh_sach.iter().collect();
    let rows = nominees
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let ma = text(n.ma.as_ref());
            let vote = bb
                .ket_qua
                .iter()
                .find(|v| v.ma.as_ref().is_some_and(|m| m.v.trim() == ma));
            let yes = vote.and_then(|v| v.tan_thanh.as_ref()).map(|t| t.v);
            let no = vote.and_then(|v| v.khong_tan_thanh.as_ref()).map(|t| t.v);
            let share = match (yes, present) {
                (Some(y), Some(p)) if p > 0 => format!(
                    "{}%",
                    (u64::from(y) * 100 + u64::from(p) / 2) / u64::from(p)
                ),
                _ => String::new(),
            };
            // The unit column shows the list's own "chức vụ, đơn vị" when that is how it
            // holds the unit.
            let unit = match text(n.don_vi.as_ref()) {
                u if u.is_empty() => text(n.chuc_vu_don_vi.as_ref()),
                u => u,
            };
            vec![
                (i + 1).to_string(),
                words::printed(&n.shown_name()),
                unit,
                yes.map(|y| y.to_string()).unwrap_or_default(),
                no.map(|y| y.to_string()).unwrap_or_default(),
                share,
            ]
        })
        .collect();
    blocks.push(Block::Table { columns, rows });
    blocks.push(Block::body(format!(
        "Hội đồng thống nhất đề nghị {} xem xét, tặng {} cho các tập thể, cá nhân có tên trên.",
        words::without_channel(&text(tt.kinh_gui.as_ref())),
        f.form_and_kind()
    )));
    blocks.push(Block::body(
        "Biên bản đã được đọc lại và các thành viên dự họp nhất trí thông qua./.",
    ));
    blocks.push(Block::Closing {
        recipients: Vec::new(),
        right: super::signature::officer(bb.chu_tri.as_ref(), "Chủ trì"),
        left: Some(super::signature::officer(bb.thu_ky.as_ref(), "Thư ký")),
    });
    let symbol = text(bb.so_ky_hieu.as_ref());
    Document {
        stem: "bien-ban".to_owned(),
        meta_title: format!("Biên bản {symbol}"),
        date,
        stamp: f.stamp,
        undated: day.is_none(),
        signing_year: false,
        header: Header {
            parent: (!f.issuer.is_empty()).then(|| f.issuer.clone()),
            issuer: council,
            symbol: Some(symbol),
            place: f.place.clone(),
        },
        doc_type: "BIÊN BẢN".to_owned(),
        summary: vec![format!("Họp bình xét đề nghị tặng {}", f.form)],
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::Catalog;
    use crate::date::Date;
    use crate::rules::check::{check_dossier, Against};
    use crate::source::Sp;
    use std::path::Path;

    /// The base fixture (with minutes), changed by `change`, drafted: every text each document
    /// prints, joined.
    fn printed(change: impl FnOnce(&mut Dossier)) -> Vec<(String, String)> {
        let catalog = Catalog::builtin().unwrap_or_else(|_| Catalog { sets: Vec::new() });
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
        let mut checked = check_dossier(&dir, &Against::new(&catalog, Date::default()));
        change(&mut checked.dossier);
        documents(&checked.dossier, checked.rule_set(&catalog), false)
            .into_iter()
            .map(|d| (d.stem.clone(), d.strings().join("\n")))
            .collect()
    }

    fn of<'a>(docs: &'a [(String, String)], stem: &str) -> &'a str {
        docs.iter()
            .find(|(s, _)| s == stem)
            .map_or("", |(_, t)| t.as_str())
    }

    #[test]
    fn missing_dates_print_a_gap_in_the_body_never_the_epoch() {
        let docs = printed(|d| {
            if let Some(tt) = d.to_trinh.as_mut() {
                tt.ngay = None;
            }
            if let Some(bb) = d.bien_ban.as_mut() {
                bb.ngay = None;
            }
        });
        let tt = of(&docs, "to-trinh");
        assert!(
            tt.contains("(Kèm theo Tờ trình số 45/TTr-UBND ngày … của"),
            "{tt}"
        );
        let bb = of(&docs, "bien-ban");
        assert!(bb.contains("Hôm nay, ngày … tháng … năm …"), "{bb}");
        // The header's date line is the layout's (`Document::place_date`); the body never says
        // 1970.
        for text in [tt, bb] {
            let body = text
                .split_once("Độc lập - Tự do - Hạnh phúc\n")
                .map_or(text, |x| x.1);
            let body = body.split_once('\n').map_or(body, |x| x.1);
            assert!(!body.contains("1970"), "{body}");
        }
    }

    #[test]
    fn placeholders_and_unknown_ids_print_a_gap() {
        let docs = printed(|d| {
            if let Some(tt) = d.to_trinh.as_mut() {
                if let Some(c) = tt.co_quan.as_mut() {
                    c.v = "<<Tên cơ quan ban hành tờ trình>>".to_owned();
                }
                if let Some(n) = tt.danh_sach.first_mut().and_then(|n| n.doi_tuong.as_mut()) {
                    n.v = "doi_tuong_khong_co".to_owned();
                }
            }
            if let Some(k) = d.ho_so.as_mut().and_then(|h| h.loai_khen.as_mut()) {
                k.v = "loai_khong_co".to_owned();
            }
            // A report's name, number and recognition, printed in its header and body.
            if let Some(r) = d.reports.first_mut() {
                if let Some(t) = r.ten.as_mut() {
                    t.v = "<<Họ và tên>>".to_owned();
                    let hole = Some(Sp::new("<<Số, ký hiệu>>".to_owned(), t.at));
                    r.so_ky_hieu.clone_from(&hole);
                    r.ghi_nhan = hole;
                }
            }
        });
        for (stem, text) in &docs {
            assert!(!text.contains("<<"), "{stem}: {text}");
            assert!(!text.contains("_khong_co"), "{stem}: {text}");
        }
        let tt = of(&docs, "to-trinh");
        assert!(tt.contains("\n…\n"), "the unknown kind of nominee: {tt}");
        assert!(tt.contains("(…)"), "the unknown kind of award: {tt}");
        assert!(tt.contains("… kính trình"), "{tt}");
    }

    #[test]
    fn the_channel_stays_on_the_kinh_gui_line() {
        let docs = printed(|d| {
            if let Some(k) = d.to_trinh.as_mut().and_then(|t| t.kinh_gui.as_mut()) {
                k.v.push_str(" (qua Phòng Nội vụ)");
            }
        });
        for stem in ["to-trinh", "bien-ban"] {
            let text = of(&docs, stem);
            let n = usize::from(stem == "to-trinh");
            assert_eq!(
                text.matches("(qua Phòng Nội vụ)").count(),
                n,
                "{stem}: {text}"
            );
            assert!(text.contains("Chủ tịch Ủy ban nhân dân huyện Hoa Lư xem xét"));
        }
    }

    #[test]
    fn a_campaign_cites_its_procedure_line_by_line_then_itself() {
        let docs = printed(|_| {});
        let tt = of(&docs, "to-trinh");
        let basis: Vec<&str> = tt.lines().filter(|l| l.starts_with("Căn cứ")).collect();
        assert!(basis.len() >= 3, "{basis:?}");
        assert!(basis.iter().all(|l| l.ends_with(';')), "{basis:?}");
        assert!(basis
            .iter()
            .any(|l| l.starts_with("Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017")));
        assert!(basis
            .last()
            .is_some_and(|l| l.contains("Phong trào thi đua")));
        assert!(
            tt.contains("đã có thành tích xuất sắc trong công tác phòng, chống dịch COVID-19"),
            "{tt}"
        );
    }
}
