//! The explanation of the rules of family `ND`: the content of the reports (ND). One file per family
//! (`super::super::family::Family::Content`), so a rule id leads here by its prefix.

use super::RuleDocs;

pub(super) const ND001: RuleDocs = RuleDocs {
            what_vi: "Mỗi báo cáo thành tích phải có đủ ba phần, không để trống: hành động (\"hanh_dong\"), thành tích (\"thanh_tich\") và công trạng (\"cong_trang\").",
            what_en: "Each achievement report must state, not leave blank, the action (\"hanh_dong\"), the achievement (\"thanh_tich\") and the merit (\"cong_trang\").",
            why_vi: "Thủ tục đơn giản yêu cầu báo cáo ghi rõ ba nội dung này; thiếu phần nào thì không đủ căn cứ để xét khen.",
            why_en: "The simplified procedure requires the report to state all three; without one there is no ground for the award.",
            basis: "Điều 55 Nghị định số 91/2017/NĐ-CP; mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (báo cáo \"ghi rõ hành động, thành tích, công trạng\").",
            basis_en: "Article 55 of Decree 91/2017/NĐ-CP; section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (a report that \"states clearly the actions, achievements and merits\").",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
hanh_dong: |
  Cùng Tổ COVID cộng đồng đưa 312 người dân thôn Văn Lâm đến điểm lấy mẫu xét nghiệm.
thanh_tich: |
  Không hộ gia đình nào trong vùng cách ly thiếu lương thực, thực phẩm.
cong_trang: ""
"#,
            fix_vi: "Viết phần còn thiếu: ghi \"cong_trang: |\" rồi viết nội dung ở các dòng dưới, mỗi dòng lùi vào hai dấu cách.",
            fix_en: "Write the missing part: \"cong_trang: |\", then the text on the lines below, indented two spaces.",
        };

pub(super) const ND002: RuleDocs = RuleDocs {
            what_vi: "Mỗi báo cáo thành tích phải có phần xác nhận (\"xac_nhan\") ghi đủ cơ quan xác nhận, họ tên người ký và ngày xác nhận.",
            what_en: "Each report needs its confirmation (\"xac_nhan\") with the confirming body, the signer's name and the date.",
            why_vi: "Báo cáo phải được cơ quan, đơn vị, địa phương quản lý trực tiếp xác nhận; báo cáo chưa xác nhận thì chưa đủ giá trị để trình.",
            why_en: "The report must be confirmed by the agency that directly manages the nominee; unconfirmed, it cannot be submitted.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (báo cáo \"được cơ quan, đơn vị, địa phương quản lý trực tiếp xác nhận\").",
            basis_en: "Section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (a report \"confirmed by the agency, unit or locality that directly manages\" the nominee).",
            example: r#"# tệp: bao-cao/thon-trung-xa-ninh-giang.yaml
# Phần xác nhận thiếu người ký.
xac_nhan:
  co_quan: "Ủy ban nhân dân xã Ninh Giang"
  ngay: 2021-11-08
"#,
            fix_vi: "Ghi phần xác nhận theo báo cáo gốc đã ký: \"co_quan\", \"nguoi_ky\" (họ tên, chức vụ) và \"ngay\".",
            fix_en: "Fill in the confirmation from the signed report: \"co_quan\", \"nguoi_ky\" (name, position) and \"ngay\".",
        };

pub(super) const ND003: RuleDocs = RuleDocs {
            what_vi: "Báo cáo phải nêu từng tiêu chuẩn thi đua bắt buộc của đối tượng trong phần \"tieu_chuan\", và tiêu chuẩn đó phải đạt (ghi true).",
            what_en: "The report must list each required standard of the nominee's kind under \"tieu_chuan\", and each must be met (written true).",
            why_vi: "Cả khen thưởng đột xuất và khen thưởng chuyên đề đều phải đảm bảo các tiêu chuẩn thi đua của Kế hoạch; chưa đạt hoặc chưa nêu tiêu chuẩn thì chưa đủ điều kiện khen.",
            why_en: "Both ad hoc and thematic awards require the plan's standards; a standard not met or not stated means the nominee is not eligible.",
            basis: "Mục IV.3.a-h Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tiêu chuẩn thi đua theo từng đối tượng); mục IV.2.c (khen thưởng phải đảm bảo các tiêu chuẩn thi đua tại mục 3 phần IV).",
            basis_en: "Section IV.3.a-h of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the standards for each kind of nominee); section IV.2.c (awards must meet the standards of section 3 of part IV).",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
doi_tuong: tinh_nguyen_vien
tieu_chuan:
  tinh_nguyen_tich_cuc: true
  chap_hanh_phap_luat: true
  khong_bi_phe_binh: false
"#,
            fix_vi: "Nếu người được đề nghị đạt tiêu chuẩn thì ghi true và nêu rõ trong báo cáo; nếu không đạt thì bỏ người đó khỏi danh sách đề nghị.",
            fix_en: "If the nominee meets the standard, write true and show it in the report; if not, remove them from the list.",
        };

pub(super) const ND004: RuleDocs = RuleDocs {
            what_vi: "Mỗi tiêu chuẩn ghi trong phần \"tieu_chuan\" phải là tiêu chuẩn của đối tượng đó trong bộ tiêu chí.",
            what_en: "Each standard under \"tieu_chuan\" must be one the nominee's kind has in the rule set.",
            why_vi: "Tiêu chuẩn lạ thường là tên gõ nhầm hoặc tiêu chuẩn của đối tượng khác; khi đó tiêu chuẩn thật vẫn bị coi là chưa nêu.",
            why_en: "An unknown standard is usually a typo or another kind's standard, and the real one is then still missing.",
            basis: "Mục IV.3.a-h Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tiêu chuẩn thi đua theo từng đối tượng).",
            basis_en: "Section IV.3.a-h of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the standards for each kind of nominee).",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
doi_tuong: tinh_nguyen_vien
tieu_chuan:
  tinh_nguyen_tich_cuc: true
  chap_hanh_phap_luat: true
  khong_phe_binh: true
"#,
            fix_vi: "Sửa tên tiêu chuẩn theo gợi ý của chương trình (ở ví dụ này là \"khong_bi_phe_binh\"), hoặc xóa tiêu chuẩn không thuộc đối tượng.",
            fix_en: "Correct the name as suggested (here \"khong_bi_phe_binh\"), or delete a standard the kind does not have.",
        };

pub(super) const ND005: RuleDocs = RuleDocs {
            what_vi: "Với khen thưởng đột xuất (\"loai_khen: dot_xuat\"), mỗi báo cáo thành tích phải có trường \"ghi_nhan\" nêu văn bản của cấp có thẩm quyền đã ghi nhận thành tích.",
            what_en: "For an ad hoc award (\"loai_khen: dot_xuat\"), each report needs \"ghi_nhan\" naming the document in which a competent authority recognised the achievement.",
            why_vi: "Kế hoạch chỉ khen đột xuất thành tích \"được các cấp có thẩm quyền ghi nhận\"; không nêu văn bản ghi nhận thì không đủ điều kiện khen đột xuất.",
            why_en: "The plan gives ad hoc awards only for achievements recognised by a competent authority; without that recognition the award cannot be ad hoc.",
            basis: "Mục IV.2.c Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư, gạch đầu dòng thứ nhất (khen thưởng đột xuất).",
            basis_en: "Section IV.2.c of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign, first indent (awards for an outstanding deed).",
            example: r#"# tệp: bao-cao/dang-thi-hoa.yaml
# ho-so.yaml ghi loai_khen: dot_xuat; báo cáo không có trường ghi_nhan.
ma: dang-thi-hoa
loai: ca_nhan
ten: "Đặng Thị Hòa"
doi_tuong: tinh_nguyen_vien
"#,
            fix_vi: "Thêm \"ghi_nhan:\" nêu số, ngày và cơ quan ban hành văn bản ghi nhận, ví dụ \"Công văn số .../UBND-VP ngày ... của Ủy ban nhân dân huyện Hoa Lư về việc biểu dương ...\"; nếu chưa có ghi nhận thì đề nghị khen thưởng chuyên đề khi sơ kết, tổng kết.",
            fix_en: "Add \"ghi_nhan:\" with the number, date and issuer of the recognising document; without one, propose a thematic award at the next review instead.",
        };
