//! Dates: the order of the documents (council meets, then the proposal goes out; reports are
//! confirmed before the proposal), the achievement period, and nothing dated in the future.
//! Impossible dates (NG001) are caught while reading, in `dossier::reader`.

use super::context::Ctx;
use crate::date::{Birth, Date};
use crate::diag::Finding;
use crate::msg;
use crate::rules::Rule;
use crate::source::Sp;

pub(crate) fn check(cx: &mut Ctx<'_>) {
    let d = cx.d;
    let tt_file = cx.to_trinh_file().to_owned();
    let bb_file = cx.bien_ban_file().to_owned();
    let proposal = d.to_trinh.as_ref().and_then(|t| t.ngay.clone());
    let minutes = d.bien_ban.as_ref().and_then(|b| b.ngay.clone());

    if let (Some(p), Some(m)) = (&proposal, &minutes) {
        if m.v > p.v {
            cx.push(
                Finding::new(
                    Rule::NG002,
                    &bb_file,
                    Some(m.at),
                    msg!("biên bản họp ngày {} nhưng tờ trình ngày {}: Hội đồng phải họp bình xét trước khi có tờ trình", m.v.dmy(), p.v.dmy();
                         "the minutes are dated {} but the proposal {}: the council must meet before the proposal is made", m.v, p.v),
                )
                .also(&tt_file, Some(p.at), msg!("ngày của tờ trình"; "the proposal's date"))
                .help(msg!("kiểm tra ngày trên bản gốc của biên bản và tờ trình"; "check both dates against the signed originals")),
            );
        }
    }
    for rep in &d.reports {
        let file = rep.file.as_str();
        if let (Some(p), Some(c)) = (
            &proposal,
            rep.xac_nhan.as_ref().and_then(|x| x.ngay.as_ref()),
        ) {
            if c.v > p.v {
                cx.push(
                    Finding::new(
                        Rule::NG003,
                        file,
                        Some(c.at),
                        msg!("báo cáo được xác nhận ngày {}, sau ngày tờ trình {}", c.v.dmy(), p.v.dmy();
                             "the report is confirmed on {}, after the proposal's date {}", c.v, p.v),
                    )
                    .also(&tt_file, Some(p.at), msg!("ngày của tờ trình"; "the proposal's date"))
                    .help(msg!("báo cáo phải được cơ quan quản lý trực tiếp xác nhận trước khi trình; kiểm tra lại ngày xác nhận";
                               "the report must be confirmed before the proposal is made; check the confirmation date")),
                );
            }
        }
        if let (Some(tu), Some(den)) = (&rep.tu, &rep.den) {
            if tu.v > den.v {
                cx.push(
                    Finding::new(
                        Rule::NG004,
                        file,
                        Some(tu.at),
                        msg!("thời gian lập thành tích bắt đầu ngày {} nhưng kết thúc ngày {}", tu.v.dmy(), den.v.dmy();
                             "the achievement period starts on {} but ends on {}", tu.v, den.v),
                    )
                    .also(file, Some(den.at), msg!("ngày kết thúc"; "the end"))
                    .help(msg!("đổi chỗ \"tu\" và \"den\", hoặc sửa ngày cho đúng"; "swap `tu` and `den`, or correct the dates")),
                );
            }
        }
        if let (Some(den), Some(p)) = (&rep.den, &proposal) {
            if den.v > p.v {
                cx.push(
                    Finding::new(
                        Rule::NG005,
                        file,
                        Some(den.at),
                        msg!("thời gian lập thành tích kết thúc ngày {}, sau ngày tờ trình {}: không thể đề nghị khen cho thành tích chưa có", den.v.dmy(), p.v.dmy();
                             "the achievement period ends on {}, after the proposal's date {}: an achievement cannot be proposed before it happens", den.v, p.v),
                    )
                    .also(&tt_file, Some(p.at), msg!("ngày của tờ trình"; "the proposal's date")),
                );
            }
        }
        if let (Some(tu), Some(rs)) = (&rep.tu, cx.rs) {
            let Some(from) = rs.thanh_tich_tu else {
                continue;
            };
            if tu.v < from {
                let basis = rs.thanh_tich_tu_can_cu.clone();
                cx.push(
                    Finding::new(
                        Rule::NG006,
                        file,
                        Some(tu.at),
                        msg!("thời gian lập thành tích bắt đầu ngày {}, trước mốc {} của phong trào", tu.v.dmy(), from.dmy();
                             "the achievement period starts on {}, before the campaign's start {}", tu.v, from),
                    )
                    .note(msg!("căn cứ: {}", basis; "basis: {}", basis))
                    .help(msg!("chỉ tính thành tích từ ngày {} trở đi", from.dmy(); "count only achievements from {} on", from)),
                );
            }
        }
    }
    future(cx);
}

fn future(cx: &mut Ctx<'_>) {
    let d = cx.d;
    let mut dates: Vec<(String, &'static str, Sp<Date>)> = Vec::new();
    let mut add = |file: &str, field: &'static str, v: Option<&Sp<Date>>| {
        if let Some(v) = v {
            dates.push((file.to_owned(), field, v.clone()));
        }
    };
    if let Some(t) = &d.to_trinh {
        add(cx.to_trinh_file(), "ngay", t.ngay.as_ref());
    }
    if let Some(b) = &d.bien_ban {
        add(cx.bien_ban_file(), "ngay", b.ngay.as_ref());
    }
    for r in &d.reports {
        add(&r.file, "thoi_gian.tu", r.tu.as_ref());
        add(&r.file, "thoi_gian.den", r.den.as_ref());
        add(
            &r.file,
            "xac_nhan.ngay",
            r.xac_nhan.as_ref().and_then(|x| x.ngay.as_ref()),
        );
    }
    let today = cx.today;
    born_after_proposal(cx);
    // A birth year alone is in the future only when the whole year is: 2026 is not, on a
    // day of 2026.
    for r in &d.reports {
        let Some(b) = &r.ngay_sinh else { continue };
        if !b.v.after(today) {
            continue;
        }
        let (vi, en) = match b.v {
            Birth::Date(v) => (format!("ngày {}", v.dmy()), v.to_string()),
            Birth::Year(y) => (format!("năm {y}"), format!("the year {y}")),
        };
        cx.push(
            Finding::new(
                Rule::NG007,
                &r.file,
                Some(b.at),
                msg!("\"ngay_sinh\" là {}, sau hôm nay ({})", vi, today.dmy();
                     "`ngay_sinh` is {}, after today ({})", en, today),
            )
            .help(msg!("kiểm tra lại năm, tháng, ngày"; "check the year, month and day")),
        );
    }
    for (file, field, v) in dates {
        if v.v > today {
            cx.push(
                Finding::new(
                    Rule::NG007,
                    &file,
                    Some(v.at),
                    msg!("\"{}\" là ngày {}, sau hôm nay ({})", field, v.v.dmy(), today.dmy();
                         "`{}` is {}, after today ({})", field, v.v, today),
                )
                .help(msg!("kiểm tra lại năm, tháng, ngày"; "check the year, month and day")),
            );
        }
    }
}

/// NG008: a birth after the proposal's date (a year alone: after its year). A birth after today
/// is NG007's, said once.
fn born_after_proposal(cx: &mut Ctx<'_>) {
    let d = cx.d;
    let Some(p) = d.to_trinh.as_ref().and_then(|t| t.ngay.clone()) else {
        return;
    };
    let tt_file = cx.to_trinh_file().to_owned();
    let today = cx.today;
    for r in &d.reports {
        let Some(b) = &r.ngay_sinh else { continue };
        if !b.v.after(p.v) || b.v.after(today) {
            continue;
        }
        let (vi, en) = match b.v {
            Birth::Date(v) => (
                format!("ngày sinh {}, sau ngày tờ trình {}", v.dmy(), p.v.dmy()),
                format!("the birth date {v} is after the proposal's date {}", p.v),
            ),
            Birth::Year(y) => (
                format!("năm sinh {y}, sau năm của tờ trình ({})", p.v.year),
                format!(
                    "the birth year {y} is after the proposal's year ({})",
                    p.v.year
                ),
            ),
        };
        cx.push(
            Finding::new(
                Rule::NG008,
                &r.file,
                Some(b.at),
                msg!("báo cáo ghi {}", vi; "{}", en),
            )
            .also(&tt_file, Some(p.at), msg!("ngày của tờ trình"; "the proposal's date"))
            .help(msg!("đối chiếu năm sinh với giấy tờ gốc và với cột \"Năm sinh\" của danh sách";
                       "check the birth against the original papers and the list's \"Năm sinh\" column")),
        );
    }
}
