//! The explanation of the rules of family `NG`: dates (NG). One file per family
//! (`super::super::family::Family::Dates`), so a rule id leads here by its prefix.

use super::RuleDocs;

pub(super) const NG001: RuleDocs = RuleDocs {
            what_vi: "Mọi ngày phải là ngày có thật, ghi theo thứ tự năm-tháng-ngày: 2021-11-15 là ngày 15 tháng 11 năm 2021. Riêng ngày sinh (\"ngay_sinh\") được ghi chỉ năm sinh khi không biết ngày đầy đủ, như nhiều danh sách: đủ bốn chữ số, từ năm 1900, ví dụ ngay_sinh: 1985; ghi 85 hay 1985-13 là sai.",
            what_en: "Every date must be a real date written year-month-day: 2021-11-15 is 15 November 2021. A birth (\"ngay_sinh\") may be the year alone where the full date is unknown, as many lists give it: four figures from 1900 on, e.g. ngay_sinh: 1985; 85 or 1985-13 is wrong.",
            why_vi: "Ngày không có thật (30/02) hoặc ghi kiểu ngày/tháng/năm thì không so được thứ tự các văn bản, và thường là lỗi gõ cần đối chiếu với văn bản gốc.",
            why_en: "An impossible date (30 February) or one written day/month/year cannot be compared with the others, and is usually a typo to check against the original.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: bao-cao/tran-thi-huyen.yaml
thoi_gian: { tu: 2021-02-30, den: 2021-10-30 }
"#,
            fix_vi: "Ghi lại ngày theo thứ tự năm-tháng-ngày, kiểm tra số ngày của tháng theo văn bản gốc, ví dụ \"tu: 2021-02-28\".",
            fix_en: "Write the date year-month-day and check the day against the original, e.g. \"tu: 2021-02-28\".",
        };

pub(super) const NG002: RuleDocs = RuleDocs {
            what_vi: "Ngày của biên bản họp bình xét (\"ngay\" trong bien-ban.yaml) không được sau ngày của tờ trình.",
            what_en: "The minutes' date (\"ngay\" in bien-ban.yaml) must not be after the proposal's date.",
            why_vi: "Tờ trình chỉ được lập sau khi Hội đồng Thi đua - Khen thưởng đã họp bình xét; biên bản đề ngày sau tờ trình là ghi sai ngày hoặc làm sai trình tự.",
            why_en: "The proposal is made only after the council has met; minutes dated later mean a wrong date or a wrong order of steps.",
            basis: "Điều 55 Nghị định số 91/2017/NĐ-CP; mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tờ trình; biên bản họp bình xét khen thưởng).",
            basis_en: "Article 55 of Decree 91/2017/NĐ-CP; section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the proposal; the minutes of the review meeting).",
            example: r#"# tệp: bien-ban.yaml
# Tờ trình (to-trinh.yaml) ghi ngay: 2021-11-15.
so_ky_hieu: "09/BB-HĐTĐKT"
ngay: 2021-11-20
"#,
            fix_vi: "Kiểm tra ngày trên bản gốc đã ký của biên bản và tờ trình, sửa ngày ghi nhầm; nếu đúng là họp sau thì phải lập lại tờ trình sau cuộc họp.",
            fix_en: "Check both dates against the signed originals and correct the wrong one; if the meeting really came later, the proposal must be made again after it.",
        };

pub(super) const NG003: RuleDocs = RuleDocs {
            what_vi: "Ngày xác nhận báo cáo thành tích (\"xac_nhan.ngay\") không được sau ngày của tờ trình.",
            what_en: "A report's confirmation date (\"xac_nhan.ngay\") must not be after the proposal's date.",
            why_vi: "Báo cáo phải được cơ quan, đơn vị quản lý trực tiếp xác nhận trước khi đưa vào hồ sơ trình; xác nhận sau ngày tờ trình nghĩa là lúc trình, báo cáo chưa được xác nhận.",
            why_en: "The managing agency confirms the report before it goes into the proposal; a later confirmation means the report was unconfirmed when proposed.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (báo cáo được cơ quan, đơn vị, địa phương quản lý trực tiếp xác nhận).",
            basis_en: "Section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (a report confirmed by the agency, unit or locality that directly manages the nominee).",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
# Tờ trình (to-trinh.yaml) ghi ngay: 2021-11-12.
xac_nhan:
  co_quan: "Ủy ban nhân dân xã Ninh Hải"
  nguoi_ky: { ho_ten: "Phạm Quang Trung", chuc_vu: "Chủ tịch" }
  ngay: 2021-11-18
"#,
            fix_vi: "Sửa ngày xác nhận theo bản gốc; nếu báo cáo được xác nhận muộn thật thì lập lại tờ trình với ngày sau ngày xác nhận.",
            fix_en: "Correct the confirmation date from the original; if it really came late, make the proposal again with a later date.",
        };

pub(super) const NG004: RuleDocs = RuleDocs {
            what_vi: "Trong thời gian lập thành tích (\"thoi_gian\") của báo cáo, ngày bắt đầu (\"tu\") không được sau ngày kết thúc (\"den\").",
            what_en: "In the report's achievement period (\"thoi_gian\"), the start (\"tu\") must not be after the end (\"den\").",
            why_vi: "Thời gian bị ngược thường do gõ nhầm năm hoặc đổi chỗ hai ngày, khiến không đối chiếu được với mốc của phong trào và ngày tờ trình.",
            why_en: "A reversed period is usually a mistyped year or swapped dates, and cannot be compared with the campaign's start or the proposal's date.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (báo cáo ghi rõ hành động, thành tích, công trạng); Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (a report that states clearly the actions, achievements and merits); dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
thoi_gian: { tu: 2021-10-30, den: 2021-10-22 }
"#,
            fix_vi: "Đổi chỗ hai ngày hoặc sửa theo báo cáo gốc: \"thoi_gian: { tu: 2021-10-22, den: 2021-10-30 }\".",
            fix_en: "Swap the dates or correct them from the original: \"thoi_gian: { tu: 2021-10-22, den: 2021-10-30 }\".",
        };

pub(super) const NG005: RuleDocs = RuleDocs {
            what_vi: "Ngày kết thúc thời gian lập thành tích (\"thoi_gian.den\") không được sau ngày của tờ trình.",
            what_en: "The end of the achievement period (\"thoi_gian.den\") must not be after the proposal's date.",
            why_vi: "Chỉ đề nghị khen thưởng thành tích đã đạt được; thành tích tính đến sau ngày trình thì lúc trình chưa có để đánh giá.",
            why_en: "Only achievements already made can be proposed; a period ending after the proposal counts results that did not yet exist.",
            basis: "Điều 55 Nghị định số 91/2017/NĐ-CP; mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (báo cáo ghi rõ hành động, thành tích, công trạng).",
            basis_en: "Article 55 of Decree 91/2017/NĐ-CP; section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (a report that states clearly the actions, achievements and merits).",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
# Tờ trình (to-trinh.yaml) ghi ngay: 2021-11-12.
thoi_gian: { tu: 2021-10-22, den: 2021-12-31 }
"#,
            fix_vi: "Ghi ngày kết thúc là ngày thành tích thực tế kết thúc, không muộn hơn ngày tờ trình.",
            fix_en: "Give the day the achievement actually ended, no later than the proposal's date.",
        };

pub(super) const NG006: RuleDocs = RuleDocs {
            what_vi: "Ngày bắt đầu thời gian lập thành tích (\"thoi_gian.tu\") không được trước mốc tính thành tích của phong trào; với phong trào phòng, chống dịch COVID-19 của huyện Hoa Lư là ngày 23/01/2020.",
            what_en: "The start of the achievement period (\"thoi_gian.tu\") must not be before the campaign's start; for the Hoa Lư COVID-19 campaign that is 23 January 2020.",
            why_vi: "Phong trào chỉ khen thành tích phòng, chống dịch COVID-19, tính từ ngày 23/01/2020; thời gian trước mốc đó không thuộc phong trào.",
            why_en: "The campaign rewards the COVID-19 response only, counted from 23 January 2020; earlier work is outside it.",
            basis: "Hướng dẫn số 1248/HD-BTĐKT ngày 26/5/2021 của Ban Thi đua - Khen thưởng Trung ương (thành tích tính từ ngày 23/01/2020), được dẫn chiếu tại mục IV.2.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư; mốc ngày ghi trong bộ tiêu chí.",
            basis_en: "Guidance 1248/HD-BTĐKT of 26 May 2021 of the Central Emulation and Commendation Board (achievements count from 23 January 2020), referred to in section IV.2.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign; the date is set in the rule set.",
            example: r#"# tệp: bao-cao/tran-thi-huyen.yaml
thoi_gian: { tu: 2019-12-01, den: 2021-10-30 }
"#,
            fix_vi: "Chỉ kê thành tích từ ngày 23/01/2020 trở đi: sửa \"thoi_gian.tu\" và bỏ phần thành tích trước mốc đó.",
            fix_en: "Count only achievements from 23 January 2020: correct \"thoi_gian.tu\" and drop anything earlier.",
        };

pub(super) const NG007: RuleDocs = RuleDocs {
            what_vi: "Không ngày nào trong hồ sơ (ngày văn bản, ngày sinh, thời gian lập thành tích, ngày xác nhận) được sau ngày kiểm tra. Năm sinh ghi riêng chỉ bị coi là ở tương lai khi cả năm đó chưa tới.",
            what_en: "No date in the dossier (document dates, birth dates, achievement periods, confirmations) may be after the day of the check. A birth year alone is in the future only when the whole year is.",
            why_vi: "Ngày ở tương lai chắc chắn là gõ nhầm, thường là nhầm năm, và làm sai các phép so sánh ngày khác.",
            why_en: "A future date is certainly a typo, usually in the year, and spoils the other date checks.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
# Năm 2021 gõ nhầm thành 2121.
so_ky_hieu: "45/TTr-UBND"
ngay: 2121-11-15
"#,
            fix_vi: "Kiểm tra lại năm, tháng, ngày theo văn bản gốc.",
            fix_en: "Check the year, month and day against the original.",
        };

pub(super) const NG008: RuleDocs = RuleDocs {
            what_vi: "Người được đề nghị phải sinh trước ngày của tờ trình: ngày sinh (\"ngay_sinh\") không được sau ngày đó, và năm sinh ghi riêng không được sau năm của tờ trình.",
            what_en: "A nominee is born before the proposal is made: the birth date (\"ngay_sinh\") may not be after the proposal's date, and a birth year alone not after its year.",
            why_vi: "Ngày sinh sau ngày tờ trình chắc chắn là gõ nhầm, thường là nhầm năm, hoặc chép nhầm cột của danh sách (năm vào công tác, năm được khen); bản dự thảo sẽ in sai lý lịch của người được khen.",
            why_en: "A birth after the proposal is certainly a typo, usually in the year, or a column of the list copied by mistake (the year of joining, of an earlier award); the draft would print a wrong record of the nominee.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: bao-cao/tran-thi-huyen.yaml
# Tờ trình (to-trinh.yaml) ghi ngay: 2021-11-15.
ma: tran-thi-huyen
ngay_sinh: 2024
"#,
            fix_vi: "Đối chiếu năm sinh với giấy tờ gốc (căn cước, lý lịch) và với cột \"Năm sinh\" của danh sách rồi sửa lại.",
            fix_en: "Check the birth year against the original papers (identity card, personal record) and the list's \"Năm sinh\" column, and correct it.",
        };
