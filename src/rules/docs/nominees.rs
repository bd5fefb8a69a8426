//! The explanation of the rules of family `DS`: the list of nominees across the documents (DS). One file per family
//! (`super::super::family::Family::Nominees`), so a rule id leads here by its prefix.

use super::RuleDocs;

pub(super) const DS001: RuleDocs = RuleDocs {
            what_vi: "Mỗi tập thể, cá nhân trong danh sách của tờ trình phải có một báo cáo thành tích, là tệp bao-cao/<mã>.yaml với <mã> là trường \"ma\" trong danh sách.",
            what_en: "Each nominee on the proposal's list must have an achievement report, the file bao-cao/<id>.yaml named by the list's \"ma\".",
            why_vi: "Báo cáo thành tích là thành phần bắt buộc của hồ sơ cho từng người được đề nghị; thiếu báo cáo thì không có căn cứ để xét khen người đó.",
            why_en: "The achievement report is a required component for every nominee; without it there is nothing to judge the award on.",
            basis: "Điều 55 Nghị định số 91/2017/NĐ-CP; mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (báo cáo thành tích của tập thể, cá nhân).",
            basis_en: "Article 55 of Decree 91/2017/NĐ-CP; section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (an achievement report of each nominee).",
            example: r#"# tệp: to-trinh.yaml
# Thư mục bao-cao/ chỉ có do-thi-lan.yaml, không có hoang-minh-tuan.yaml.
danh_sach:
  - ma: do-thi-lan
    loai: ca_nhan
    ten: "Đỗ Thị Lan"
  - ma: hoang-minh-tuan
    loai: ca_nhan
    ten: "Hoàng Minh Tuấn"
"#,
            fix_vi: "Thêm tệp bao-cao/hoang-minh-tuan.yaml; nếu đã có báo cáo nhưng tên tệp khác mã thì đổi tên tệp cho trùng với \"ma\".",
            fix_en: "Add bao-cao/hoang-minh-tuan.yaml; if the report exists under another name, rename it to match \"ma\".",
        };

pub(super) const DS002: RuleDocs = RuleDocs {
            what_vi: "Mỗi báo cáo trong thư mục bao-cao/ phải thuộc về một tập thể, cá nhân có trong danh sách của tờ trình: tên tệp trùng với một mã \"ma\" trong danh sách.",
            what_en: "Each report in bao-cao/ must belong to a nominee on the proposal's list: its file name matches a \"ma\" on the list.",
            why_vi: "Báo cáo thừa thường là của người đã bị loại khi bình xét nhưng còn sót lại, hoặc tên tệp gõ sai mã; gửi đi như vậy cơ quan thẩm định sẽ hiểu nhầm danh sách đề nghị.",
            why_en: "A stray report is usually left over from someone dropped at the review, or a misspelt file name; it misleads the reviewing office about who is proposed.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tờ trình kèm theo danh sách các tập thể, cá nhân đề nghị khen thưởng).",
            basis_en: "Section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the proposal with the list of the nominees).",
            example: r#"# tệp: bao-cao/hoang-minh-tuan.yaml
# Danh sách của tờ trình không có mã hoang-minh-tuan.
ma: hoang-minh-tuan
loai: ca_nhan
ten: "Hoàng Minh Tuấn"
"#,
            fix_vi: "Thêm người này vào danh sách của tờ trình nếu Hội đồng đã bình xét, hoặc bỏ báo cáo ra khỏi hồ sơ; nếu tên tệp gõ sai mã thì sửa tên tệp.",
            fix_en: "Add the nominee to the proposal's list if the council reviewed them, or remove the report; if the file name is misspelt, rename it.",
        };

pub(super) const DS003: RuleDocs = RuleDocs {
            what_vi: "Mỗi mã \"ma\" chỉ được ghi một lần trong danh sách của tờ trình.",
            what_en: "Each \"ma\" appears only once on the proposal's list.",
            why_vi: "Một người ghi hai lần dễ dẫn tới khen trùng và làm sai số lượng đề nghị khen thưởng.",
            why_en: "A nominee listed twice may be awarded twice, and the count of proposals is wrong.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (danh sách các tập thể, cá nhân đề nghị khen thưởng).",
            basis_en: "Section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the list of the nominees).",
            example: r#"# tệp: to-trinh.yaml
danh_sach:
  - ma: do-thi-lan
    loai: ca_nhan
    ten: "Đỗ Thị Lan"
  - ma: do-thi-lan
    loai: ca_nhan
    ten: "Đỗ Thị Lan"
"#,
            fix_vi: "Xóa dòng lặp. Nếu là hai người trùng họ tên thì đặt hai mã khác nhau, ví dụ \"nguyen-van-hung\" và \"nguyen-van-hung-2\".",
            fix_en: "Delete the repeated entry. For two people with the same name, give them different ids, e.g. \"nguyen-van-hung\" and \"nguyen-van-hung-2\".",
        };

pub(super) const DS004: RuleDocs = RuleDocs {
            what_vi: "Mỗi tập thể, cá nhân trong danh sách của tờ trình phải có kết quả bỏ phiếu trong biên bản họp (phần \"ket_qua\" của bien-ban.yaml).",
            what_en: "Each nominee on the proposal's list must have a vote result in the minutes (\"ket_qua\" in bien-ban.yaml).",
            why_vi: "Chỉ những người đã được Hội đồng Thi đua - Khen thưởng bình xét, bỏ phiếu mới được đưa vào tờ trình.",
            why_en: "Only nominees the council has reviewed and voted on may go into the proposal.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (biên bản họp bình xét khen thưởng của Hội đồng Thi đua - Khen thưởng).",
            basis_en: "Section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the minutes of the review meeting of the Emulation and Commendation Council).",
            example: r#"# tệp: to-trinh.yaml
# Phần ket_qua của bien-ban.yaml không có mã hoang-minh-tuan.
danh_sach:
  - ma: hoang-minh-tuan
    loai: ca_nhan
    ten: "Hoàng Minh Tuấn"
"#,
            fix_vi: "Thêm kết quả bỏ phiếu của người này vào \"ket_qua\" của biên bản, đúng như biên bản gốc; nếu Hội đồng chưa bình xét người này thì bỏ khỏi danh sách.",
            fix_en: "Add this nominee's vote to the minutes' \"ket_qua\", as in the signed minutes; if the council did not review them, remove them from the list.",
        };

pub(super) const DS005: RuleDocs = RuleDocs {
            what_vi: "Mỗi kết quả bỏ phiếu trong \"ket_qua\" của biên bản phải là của một tập thể, cá nhân có trong danh sách của tờ trình.",
            what_en: "Each vote result in the minutes' \"ket_qua\" must be for a nominee on the proposal's list.",
            why_vi: "Kết quả thừa thường do gõ sai mã; khi đó người thật trong danh sách lại bị coi như chưa có kết quả bỏ phiếu.",
            why_en: "An extra result is usually a misspelt id, which also leaves the real nominee without a vote result.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tờ trình kèm danh sách; biên bản họp bình xét).",
            basis_en: "Section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the proposal with its list; the minutes of the review meeting).",
            example: r#"# tệp: bien-ban.yaml
# Danh sách của tờ trình ghi mã do-thi-lan.
ket_qua:
  - ma: do-thi-lanh
    tan_thanh: 6
    khong_tan_thanh: 1
"#,
            fix_vi: "Sửa mã cho trùng với mã trong danh sách (chương trình gợi ý mã gần đúng); trong \"ket_qua\" chỉ ghi kết quả của những người được đề nghị.",
            fix_en: "Correct the id to match the list (the checker suggests the closest one); \"ket_qua\" holds only the results of the nominees proposed.",
        };

pub(super) const DS006: RuleDocs = RuleDocs {
            what_vi: "Họ tên, cấp bậc, loại (cá nhân hay tập thể), đơn vị, chức vụ và đơn vị ghi gộp (\"chuc_vu_don_vi\") và đối tượng của mỗi người phải giống nhau giữa danh sách của tờ trình và báo cáo thành tích. Cấp bậc (\"cap_bac\") ghi ở một nơi mà nơi kia không ghi cũng là không khớp, vì bản dự thảo sẽ gọi một người bằng hai cách. Chương trình bỏ qua dấu cách thừa và khác biệt về chỗ đặt dấu thanh.",
            what_en: "Each nominee's name, rank, type (individual or collective), unit, position and unit in one text (\"chuc_vu_don_vi\") and kind must be the same on the proposal's list and in the report. A rank (\"cap_bac\") written in one place and not the other is a mismatch too, since the drafts would name the person two ways. Extra spaces and tone-mark placement are ignored.",
            why_vi: "Thông tin lệch nhau khiến cơ quan thẩm định không chắc báo cáo là của người được đề nghị, và quyết định khen thưởng có thể ghi sai tên.",
            why_en: "Mismatched details leave the reviewers unsure the report is the nominee's, and the award decision may carry a wrong name.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tờ trình kèm danh sách; báo cáo thành tích của tập thể, cá nhân).",
            basis_en: "Section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the proposal with its list; an achievement report of each nominee).",
            example: r#"# tệp: bao-cao/tran-thi-huyen.yaml
# Danh sách của tờ trình ghi ten: "Trần Thị Huyền".
ma: tran-thi-huyen
loai: ca_nhan
ten: "Trần Thị Huyên"
"#,
            fix_vi: "Đối chiếu với giấy tờ gốc (căn cước, quyết định thành lập) rồi sửa cho hai nơi ghi giống nhau.",
            fix_en: "Check the original papers (identity card, founding decision) and make both places the same.",
        };

pub(super) const DS007: RuleDocs = RuleDocs {
            what_vi: "Cùng một tên nhưng nơi này đặt dấu thanh kiểu cũ (Hòa, Thủy), nơi khác kiểu mới (Hoà, Thuỷ).",
            what_en: "The same name written with the old tone-mark placement in one place (\"Hòa\", \"Thủy\") and the new one in another (\"Hoà\", \"Thuỷ\").",
            why_vi: "Hai cách viết đọc như nhau nhưng máy tính coi là hai chữ khác nhau, nên tìm kiếm, sắp xếp và đối chiếu tên dễ sai; hồ sơ nên thống nhất một cách.",
            why_en: "Both read the same, but computers treat them as different words, so searching, sorting and matching names go wrong; a dossier should use one style.",
            basis: "Không có văn bản bắt buộc một kiểu đặt dấu thanh; quy tắc chỉ cảnh báo để cách viết thống nhất trong hồ sơ (Mẫu hồ sơ phiên bản 1, docs/dossier-format.md).",
            basis_en: "No legal text requires one style of tone-mark placement; the rule only warns, so that the dossier spells names one way (dossier format version 1, docs/dossier-format.md).",
            example: r#"# tệp: bao-cao/dang-thi-hoa.yaml
# Danh sách của tờ trình ghi ten: "Đặng Thị Hòa".
ma: dang-thi-hoa
loai: ca_nhan
ten: "Đặng Thị Hoà"
"#,
            fix_vi: "Chọn một cách đặt dấu (thường theo giấy tờ tùy thân của người đó) và sửa cho giống nhau trong cả hồ sơ.",
            fix_en: "Pick one style (usually the one on the person's identity papers) and use it across the dossier.",
        };

pub(super) const DS008: RuleDocs = RuleDocs {
            what_vi: "Trường \"ma\" trong báo cáo thành tích phải trùng với tên tệp: tệp bao-cao/do-thi-lan.yaml thì ghi \"ma: do-thi-lan\".",
            what_en: "The report's \"ma\" must match its file name: bao-cao/do-thi-lan.yaml has \"ma: do-thi-lan\".",
            why_vi: "Chương trình ghép báo cáo với danh sách theo tên tệp; mã khác tên tệp thường do sao chép báo cáo của người khác rồi quên sửa.",
            why_en: "Reports are matched to the list by file name; a different id usually means a report copied from someone else and not fully edited.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
ma: hoang-minh-tuan
loai: ca_nhan
ten: "Đỗ Thị Lan"
"#,
            fix_vi: "Sửa \"ma\" hoặc đổi tên tệp cho hai bên giống nhau, theo mã trong danh sách của tờ trình.",
            fix_en: "Correct \"ma\" or rename the file so they match the id on the proposal's list.",
        };

pub(super) const DS009: RuleDocs = RuleDocs {
            what_vi: "Hình thức khen thưởng của hồ sơ phải áp dụng được cho đối tượng của từng người trong danh sách, nếu bộ tiêu chí giới hạn hình thức đó cho một số đối tượng. Bộ tiêu chí covid19-hoa-lu-2021 không giới hạn, nên quy tắc này chỉ có tác dụng với bộ tiêu chí có giới hạn.",
            what_en: "The dossier's award form must go to each listed nominee's kind, when the rule set limits the form to some kinds. The covid19-hoa-lu-2021 rule set sets no such limit.",
            why_vi: "Đề nghị một hình thức không dành cho đối tượng đó thì hồ sơ sẽ bị trả lại.",
            why_en: "Proposing a form that does not go to the nominee's kind gets the dossier sent back.",
            basis: "Mục IV.2.a-d Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (hình thức khen thưởng); giới hạn ghi trong bộ tiêu chí của phong trào.",
            basis_en: "Section IV.2.a-d of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (award forms); the limits are set in the campaign's rule set.",
            example: r#"# tệp: to-trinh.yaml
# Bộ tiêu chí riêng của đơn vị chỉ cho hình thức ghi ở ho-so.yaml
# dành cho đối tượng tuyen_dau và tinh_nguyen_vien.
danh_sach:
  - ma: htx-nong-nghiep-ninh-khang
    loai: tap_the
    ten: "Hợp tác xã dịch vụ nông nghiệp Ninh Khang"
    doi_tuong: doanh_nghiep
"#,
            fix_vi: "Chọn hình thức khen thưởng áp dụng được cho đối tượng này, hoặc lập hồ sơ riêng cho những người thuộc đối tượng khác.",
            fix_en: "Choose a form that goes to this kind, or make a separate dossier for nominees of other kinds.",
        };

pub(super) const DS010: RuleDocs = RuleDocs {
            what_vi: "Có đối tượng chỉ dành cho tập thể (phòng, ban huyện; Mặt trận và đoàn thể; xã, thị trấn; thôn, xóm) và đối tượng chỉ dành cho cá nhân (người dân); trường \"loai\" phải hợp với đối tượng.",
            what_en: "Some kinds are for collectives only (district offices, the Front and mass organisations, communes, villages) and one for individuals only (citizens); \"loai\" must fit the kind.",
            why_vi: "Tiêu chuẩn thi đua được viết riêng cho từng đối tượng; ghi một cá nhân vào đối tượng của tập thể thì bị xét theo tiêu chuẩn không dành cho mình.",
            why_en: "Standards are written per kind; an individual filed under a collective's kind would be judged against standards not meant for them.",
            basis: "Mục IV.3.a-h Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tiêu chuẩn thi đua theo từng đối tượng).",
            basis_en: "Section IV.3.a-h of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the standards for each kind of nominee).",
            example: r#"# tệp: to-trinh.yaml
danh_sach:
  - ma: pham-van-nam
    loai: ca_nhan
    ten: "Phạm Văn Nam"
    don_vi: "Ủy ban nhân dân xã Ninh Xuân"
    doi_tuong: xa_thi_tran
"#,
            fix_vi: "Chọn đối tượng hợp với người được đề nghị (cán bộ xã trực tiếp chống dịch là \"tuyen_dau\"), hoặc sửa \"loai\" nếu ghi nhầm.",
            fix_en: "Choose a fitting kind (a commune official on the front line is \"tuyen_dau\"), or correct \"loai\" if it is wrong.",
        };

pub(super) const DS011: RuleDocs = RuleDocs {
            what_vi: "Mỗi tập thể, cá nhân chỉ có một kết quả bỏ phiếu trong \"ket_qua\" của biên bản.",
            what_en: "Each nominee has only one vote result in the minutes' \"ket_qua\".",
            why_vi: "Hai kết quả cho cùng một người thì không biết kết quả nào đúng với biên bản gốc, và số phiếu có thể bị tính sai.",
            why_en: "With two results for one nominee nobody knows which matches the signed minutes, and the count may be wrong.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (biên bản họp bình xét khen thưởng).",
            basis_en: "Section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the minutes of the review meeting).",
            example: r#"# tệp: bien-ban.yaml
ket_qua:
  - ma: do-thi-lan
    tan_thanh: 6
    khong_tan_thanh: 1
  - ma: do-thi-lan
    tan_thanh: 7
    khong_tan_thanh: 0
"#,
            fix_vi: "Đối chiếu với biên bản đã ký, giữ lại một kết quả đúng và xóa kết quả còn lại.",
            fix_en: "Check the signed minutes, keep the right result and delete the other.",
        };

pub(super) const DS012: RuleDocs = RuleDocs {
            what_vi: "Danh sách \"danh_sach\" của tờ trình phải có ít nhất một tập thể, cá nhân được đề nghị khen thưởng.",
            what_en: "The proposal's \"danh_sach\" must name at least one nominee.",
            why_vi: "Tờ trình đề nghị khen thưởng là đề nghị khen cho những người có trong danh sách kèm theo; danh sách trống thì không có ai để xét, và bản soạn sẽ ghi \"00 báo cáo thành tích\". Thường là danh sách chưa được chép vào hoặc bị xóa nhầm.",
            why_en: "A proposal asks for an award for the nominees on its list; an empty list proposes no one, and the drafts would say \"00 achievement reports\". Usually the list was not copied in yet, or was deleted by mistake.",
            basis: "docs/dossier-format.md (\"danh_sach\", bắt buộc); mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tờ trình kèm theo danh sách các tập thể, cá nhân đề nghị khen thưởng).",
            basis_en: "docs/dossier-format.md (\"danh_sach\", required); section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the proposal with the list of the nominees).",
            example: r#"# tệp: to-trinh.yaml
danh_sach: []
"#,
            fix_vi: "Chép vào \"danh_sach\" từng tập thể, cá nhân trong danh sách kèm tờ trình, mỗi người một mục có ma, loai, ten, don_vi, doi_tuong.",
            fix_en: "Copy each nominee of the list sent with the proposal into \"danh_sach\", one entry each with ma, loai, ten, don_vi, doi_tuong.",
        };
