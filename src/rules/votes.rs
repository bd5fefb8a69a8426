//! The council's vote (biên bản): coherent counts, the quorum, and the approval of each nominee,
//! with the thresholds of the rule set.

use super::context::Ctx;
use crate::criteria::Threshold;
use crate::diag::Finding;
use crate::msg;
use crate::rules::Rule;
use crate::source::Sp;

pub(crate) fn check(cx: &mut Ctx<'_>) {
    let d = cx.d;
    let Some(bb) = d.bien_ban.as_ref() else {
        return;
    };
    let file = cx.bien_ban_file().to_owned();
    let (Some(members), Some(present)) = (&bb.so_thanh_vien, &bb.co_mat) else {
        return;
    };
    if members.v == 0 {
        cx.push(
            Finding::new(
                Rule::HS006,
                &file,
                Some(members.at),
                msg!("Hội đồng không thể có 0 thành viên: `so_thanh_vien` là tổng số thành viên của Hội đồng";
                     "a council cannot have 0 members: `so_thanh_vien` is the council's number of members"),
            )
            .help(msg!("ghi số thành viên theo quyết định thành lập Hội đồng"; "write the number from the decision that set up the council")),
        );
        return;
    }
    if present.v > members.v {
        cx.push(
            Finding::new(
                Rule::BB001,
                &file,
                Some(present.at),
                msg!("{} thành viên có mặt, nhưng Hội đồng chỉ có {} thành viên", present.v, members.v;
                     "{} members present, but the council has only {}", present.v, members.v),
            )
            .also(&file, Some(members.at), msg!("số thành viên"; "number of members")),
        );
        return;
    }
    // No threshold in the rule set: the counts are all there is to check (the simplified
    // procedure of 2024 on is exempt from the council's ballot).
    let voting = cx.rs.map(|rs| rs.voting.clone()).unwrap_or_default();
    if let Some(t) = &voting.quorum {
        quorum(cx, &file, t, present, members);
    }
    // The vote for the whole list is carried by every nominee without one of their own
    // (`BienBan::carry_common_vote`): it is checked once, as the whole list's.
    let own = bb.ket_qua.iter().filter(|v| !v.chung);
    for v in own.chain(bb.bieu_quyet_chung.iter()) {
        let Some(yes) = &v.tan_thanh else { continue };
        let no = v.khong_tan_thanh.as_ref().map_or(0, |n| n.v);
        // Named only for a finding: every vote of every dossier passes through.
        let named = |cx: &Ctx<'_>| {
            if v.chung {
                (
                    "cả danh sách (bieu_quyet_chung)".to_owned(),
                    "the whole list (bieu_quyet_chung)".to_owned(),
                )
            } else {
                let who = nominee_name(cx, v.ma.as_ref().map(|m| m.v.as_str()));
                (who.clone(), who)
            }
        };
        if u64::from(yes.v) + u64::from(no) > u64::from(present.v) {
            let (who, who_en) = named(&*cx);
            cx.push(
                Finding::new(
                    Rule::BB002,
                    &file,
                    Some(yes.at),
                    msg!("{}: {} phiếu tán thành và {} phiếu không tán thành, nhiều hơn {} thành viên có mặt", who, yes.v, no, present.v;
                         "{}: {} votes in favour and {} against, more than the {} members present", who_en, yes.v, no, present.v),
                )
                .also(&file, Some(present.at), msg!("số có mặt"; "members present")),
            );
            continue;
        }
        let Some(t) = &voting.approval else { continue };
        let approval = t.ratio;
        let (base, base_vi, base_en) = if approval.of_present {
            (present.v, "số thành viên có mặt", "of the members present")
        } else {
            (members.v, "tổng số thành viên", "of all members")
        };
        // Nobody to count (no member present): the quorum finding says it.
        if base == 0 {
            continue;
        }
        if !approval.met(yes.v, base) {
            let need = approval.minimum(base);
            let basis = t.can_cu.clone();
            let (who, who_en) = named(&*cx);
            cx.push(
                Finding::new(
                    Rule::BB004,
                    &file,
                    Some(yes.at),
                    msg!("{}: {}/{} phiếu tán thành, cần ít nhất {} (trên {} {}): không đủ điều kiện đề nghị", who, yes.v, base, need, approval.fraction(), base_vi;
                         "{}: {}/{} in favour, at least {} needed (more than {} {}): not approved", who_en, yes.v, base, need, approval.fraction(), base_en),
                )
                .note(msg!("căn cứ: {}", basis; "basis: {}", basis))
                .help(if v.chung {
                    msg!("kiểm tra lại số phiếu trên biên bản gốc: Hội đồng không thông qua cả danh sách thì không đề nghị danh sách này"; "check the count against the signed minutes: a list the council did not approve is not proposed")
                } else {
                    msg!("bỏ người này khỏi danh sách đề nghị, hoặc kiểm tra lại số phiếu trên biên bản gốc"; "remove this nominee from the list, or check the count against the signed minutes")
                })
                .on_reading(t.reading),
            );
        }
    }
}

fn quorum(cx: &mut Ctx<'_>, file: &str, t: &Threshold, present: &Sp<u32>, members: &Sp<u32>) {
    let quorum = t.ratio;
    if !quorum.met(present.v, members.v) {
        let need = quorum.minimum(members.v);
        let basis = t.can_cu.clone();
        cx.push(
            Finding::new(
                Rule::BB003,
                file,
                Some(present.at),
                msg!("cuộc họp chỉ có {}/{} thành viên có mặt, cần ít nhất {} ({} số thành viên): kết quả bình xét không có giá trị", present.v, members.v, need, quorum.fraction();
                     "only {}/{} members were present; at least {} are needed ({} of the members): the review is not valid", present.v, members.v, need, quorum.fraction()),
            )
            .note(msg!("căn cứ: {}", basis; "basis: {}", basis))
            .help(msg!("họp lại Hội đồng với đủ số thành viên và lập biên bản mới"; "hold the meeting again with a quorum and write new minutes"))
            .on_reading(t.reading),
        );
    }
}

/// "Nguyễn Thị Hằng (nguyen-thi-hang)", from the proposal's list when it has the id.
pub(crate) fn nominee_name(cx: &Ctx<'_>, ma: Option<&str>) -> String {
    let Some(ma) = ma else { return "?".to_owned() };
    let ten =
        cx.d.to_trinh
            .as_ref()
            .and_then(|t| {
                t.danh_sach
                    .iter()
                    .find(|n| n.ma.as_ref().is_some_and(|m| m.v == ma))
            })
            .and_then(|n| n.ten.as_ref());
    match ten {
        Some(t) => format!("{} ({})", t.v, ma),
        None => ma.to_owned(),
    }
}
