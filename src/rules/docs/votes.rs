//! The explanation of the rules of family `BB`: the council's vote (BB). One file per family
//! (`super::super::family::Family::Votes`), so a rule id leads here by its prefix.

use super::RuleDocs;

pub(super) const BB001: RuleDocs = RuleDocs {
            what_vi: "Số thành viên có mặt (\"co_mat\") trong biên bản không được lớn hơn tổng số thành viên Hội đồng (\"so_thanh_vien\").",
            what_en: "The members present (\"co_mat\") in the minutes must not exceed the council's members (\"so_thanh_vien\").",
            why_vi: "Số có mặt lớn hơn số thành viên là gõ nhầm một trong hai số; khi đó không xác định được cuộc họp có đủ thành viên và đủ phiếu hay không.",
            why_en: "More present than members means one of the numbers is mistyped, so neither the quorum nor the votes can be checked.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (biên bản họp bình xét khen thưởng của Hội đồng Thi đua - Khen thưởng).",
            basis_en: "Section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the minutes of the review meeting of the Emulation and Commendation Council).",
            example: r#"# tệp: bien-ban.yaml
so_thanh_vien: 7
co_mat: 9
"#,
            fix_vi: "Đối chiếu với biên bản gốc và sửa số bị gõ nhầm.",
            fix_en: "Check the signed minutes and correct the mistyped number.",
        };

pub(super) const BB002: RuleDocs = RuleDocs {
            what_vi: "Với mỗi người, số phiếu tán thành cộng số phiếu không tán thành không được nhiều hơn số thành viên có mặt. Một lần biểu quyết cho cả danh sách (bieu_quyet_chung) được kiểm tra một lần.",
            what_en: "For each nominee, votes in favour plus votes against must not exceed the members present. One vote for the whole list (bieu_quyet_chung) is checked once.",
            why_vi: "Mỗi thành viên có mặt chỉ có một phiếu; tổng phiếu nhiều hơn số người có mặt là biên bản ghi sai, kết quả bình xét không dùng được.",
            why_en: "Each member present has one vote; more votes than members means the minutes are wrong and the result cannot be used.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (biên bản họp bình xét khen thưởng của Hội đồng Thi đua - Khen thưởng).",
            basis_en: "Section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the minutes of the review meeting of the Emulation and Commendation Council).",
            example: r#"# tệp: bien-ban.yaml
so_thanh_vien: 9
co_mat: 7
ket_qua:
  - ma: do-thi-lan
    tan_thanh: 6
    khong_tan_thanh: 2
"#,
            fix_vi: "Đối chiếu với biên bản gốc, sửa số phiếu hoặc số người có mặt bị gõ nhầm.",
            fix_en: "Check the signed minutes and correct the mistyped count.",
        };

pub(super) const BB003: RuleDocs = RuleDocs {
            what_vi: "Cuộc họp bình xét phải có đủ số thành viên Hội đồng tham dự theo ngưỡng của bộ quy tắc mà hồ sơ dùng (ví dụ ít nhất hai phần ba tổng số thành viên); ngưỡng của từng bộ quy tắc và căn cứ của nó: xem bằng lệnh dossier criteria kèm mã bộ quy tắc. Biên bản ghi một lần biểu quyết cho cả danh sách (bieu_quyet_chung) thì mọi người trong danh sách mang kết quả đó, và kết quả được kiểm tra một lần.",
            what_en: "The review meeting must have the quorum set by the dossier's rule set (for example at least two thirds of all members); each rule set's threshold and its basis: see dossier criteria with the rule set's id. Minutes with one vote for the whole list (bieu_quyet_chung) give every listed nominee that result, checked once.",
            why_vi: "Cuộc họp không đủ số thành viên thì kết quả bình xét không có giá trị, và tờ trình dựa trên biên bản đó sẽ bị trả lại.",
            why_en: "Without a quorum the review is not valid, and a proposal based on it is sent back.",
            basis: "Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (mục IV.4.a chỉ yêu cầu biên bản họp bình xét) và Điều 55 Nghị định số 91/2017/NĐ-CP không quy định số thành viên dự họp; bộ tiêu chí lấy theo quy chế hoạt động thông thường của Hội đồng Thi đua - Khen thưởng (ít nhất 2/3 tổng số thành viên có mặt), có thể điều chỉnh trong bộ tiêu chí theo quy chế của từng Hội đồng.",
            basis_en: "Neither the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (section IV.4.a asks only for the minutes of the review meeting) nor Article 55 of Decree 91/2017/NĐ-CP sets a quorum; the rule set follows the usual working rules of an Emulation and Commendation Council (at least 2/3 of all members present), which a rule set may change to a council's own rules.",
            example: r#"# tệp: bien-ban.yaml
so_thanh_vien: 9
co_mat: 5
"#,
            fix_vi: "Họp lại Hội đồng với đủ số thành viên và lập biên bản mới; nếu quy chế của Hội đồng quy định khác thì cơ quan dùng bộ quy tắc riêng ghi ngưỡng đó (xem lệnh dossier criteria, docs/rule-set-format.md), không sửa bộ quy tắc có sẵn.",
            fix_en: "Hold the meeting again with a quorum and write new minutes; if the council's own regulation differs, the office writes that threshold in a rule set of its own (see dossier criteria, docs/rule-set-format.md) rather than editing a built-in one.",
        };

pub(super) const BB004: RuleDocs = RuleDocs {
            what_vi: "Mỗi tập thể, cá nhân được đề nghị phải có số phiếu tán thành đạt ngưỡng của bộ quy tắc mà hồ sơ dùng (ví dụ trên một nửa số thành viên có mặt); ngưỡng của từng bộ quy tắc và căn cứ của nó: xem bằng lệnh dossier criteria kèm mã bộ quy tắc. Biên bản ghi một lần biểu quyết cho cả danh sách (bieu_quyet_chung) thì mọi người trong danh sách mang kết quả đó, và kết quả được kiểm tra một lần.",
            what_en: "Each nominee needs the share of votes in favour set by the dossier's rule set (for example more than half of the members present); each rule set's threshold and its basis: see dossier criteria with the rule set's id. Minutes with one vote for the whole list (bieu_quyet_chung) give every listed nominee that result, checked once.",
            why_vi: "Người không được quá nửa số thành viên có mặt tán thành là chưa được Hội đồng đồng ý đề nghị, nên không được đưa vào tờ trình.",
            why_en: "A nominee without more than half of those present in favour was not approved by the council and may not be proposed.",
            basis: "Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (mục IV.4.a) và Điều 55 Nghị định số 91/2017/NĐ-CP không quy định tỷ lệ tán thành; bộ tiêu chí lấy theo quy chế hoạt động thông thường của Hội đồng Thi đua - Khen thưởng (trên một nửa số thành viên có mặt), có thể điều chỉnh trong bộ tiêu chí theo quy chế của từng Hội đồng.",
            basis_en: "Neither the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (section IV.4.a) nor Article 55 of Decree 91/2017/NĐ-CP sets the share of votes in favour; the rule set follows the usual working rules of an Emulation and Commendation Council (more than half of the members present), which a rule set may change to a council's own rules.",
            example: r#"# tệp: bien-ban.yaml
so_thanh_vien: 9
co_mat: 8
ket_qua:
  - ma: do-thi-lan
    tan_thanh: 4
    khong_tan_thanh: 4
"#,
            fix_vi: "Bỏ người này khỏi danh sách của tờ trình, hoặc đối chiếu lại số phiếu với biên bản gốc nếu gõ nhầm.",
            fix_en: "Remove the nominee from the proposal's list, or check the count against the signed minutes if it was mistyped.",
        };
