//! The explanation of the rules of family `HS`: the structure of the dossier (HS). One file per family
//! (`super::super::family::Family::Structure`), so a rule id leads here by its prefix.

use super::RuleDocs;

pub(super) const HS001: RuleDocs = RuleDocs {
            what_vi: "Hồ sơ phải có đủ các thành phần: tệp ho-so.yaml (thông tin chung của hồ sơ), tờ trình kèm danh sách đề nghị (to-trinh.yaml), biên bản họp bình xét của Hội đồng Thi đua - Khen thưởng (bien-ban.yaml) và ít nhất một báo cáo thành tích trong thư mục bao-cao/. Thành phần nào bắt buộc là do bộ tiêu chí của phong trào quy định.",
            what_en: "The dossier must hold all its components: ho-so.yaml (the dossier's general information), the proposal with its list (to-trinh.yaml), the council's review minutes (bien-ban.yaml) and at least one achievement report in bao-cao/. The campaign's rule set says which are required.",
            why_vi: "Hồ sơ thiếu thành phần sẽ bị cơ quan thẩm định trả lại, làm chậm việc khen thưởng. Thủ tục đơn giản gồm tờ trình kèm danh sách và báo cáo thành tích; Kế hoạch của huyện Hoa Lư yêu cầu thêm biên bản họp bình xét.",
            why_en: "A dossier with a component missing is sent back, and the award comes late. The simplified procedure asks for the proposal with its list and the achievement reports; the Hoa Lư plan adds the minutes of the review meeting.",
            basis: "Điều 55 Nghị định số 91/2017/NĐ-CP (thủ tục đơn giản); mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tờ trình, biên bản họp bình xét, báo cáo thành tích).",
            basis_en: "Article 55 of Decree 91/2017/NĐ-CP (simplified procedure); section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the proposal, the minutes of the review meeting, the achievement reports).",
            example: r#"# tệp: ho-so.yaml
# Thư mục hồ sơ có ho-so.yaml, to-trinh.yaml và bao-cao/, nhưng không có bien-ban.yaml.
phien_ban: 1
phong_trao: covid19-hoa-lu-2021
hinh_thuc: giay_khen_chu_tich_huyen
loai_khen: chuyen_de
co_quan_de_nghi: "Ủy ban nhân dân xã Ninh Giang"
"#,
            fix_vi: "Thêm tệp còn thiếu theo mẫu trong thư mục examples/; ở ví dụ này, lập tệp bien-ban.yaml theo biên bản họp Hội đồng đã ký. Mỗi tập thể, cá nhân trong danh sách có một báo cáo bao-cao/<mã>.yaml.",
            fix_en: "Add the missing file following examples/; here, write bien-ban.yaml from the signed minutes. Each nominee on the list has a report bao-cao/<id>.yaml.",
        };

pub(super) const HS002: RuleDocs = RuleDocs {
            what_vi: "Mỗi tệp .yaml phải viết đúng cách viết của mẫu hồ sơ: mỗi dòng là tên trường, dấu hai chấm, dấu cách rồi giá trị (ví dụ ngay: 2021-11-15), thụt đầu dòng bằng dấu cách, dấu ngoặc kép đã mở thì phải đóng.",
            what_en: "Each .yaml file must follow the format's syntax: one field per line, written as its name, a colon, a space and the value (ngay: 2021-11-15, say), indentation with spaces, every opening quote closed.",
            why_vi: "Tệp viết sai thì chương trình không đọc được nội dung, nên không kiểm tra được gì khác trong tệp đó. Lỗi hay gặp là thụt đầu dòng bằng phím Tab hoặc thiếu dấu ngoặc kép đóng.",
            why_en: "A file with a syntax error cannot be read, so nothing else in it can be checked. Common causes are indenting with Tab and a missing closing quote.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
so_ky_hieu: "45/TTr-UBND"
ngay: 2021-11-15
# Dòng dưới thiếu dấu ngoặc kép đóng ở cuối.
trich_yeu: "Về việc đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư
co_quan: "Ủy ban nhân dân xã Ninh Giang"
"#,
            fix_vi: "Mở tệp tại dòng và cột được báo, xem cả dòng ngay trên: đóng dấu ngoặc kép còn thiếu, thay phím Tab bằng dấu cách, sau dấu hai chấm để một dấu cách. Giá trị bắt đầu bằng một dấu YAML dành riêng (@, %, dấu huyền, |, >, [, {, dấu gạch đầu dòng) thì đặt cả giá trị trong ngoặc kép. Dấu # của ghi chú phải có dấu cách đứng trước. Không dùng nhãn kiểu (!…, !!…): chương trình chỉ cảnh báo, nhưng nơi nhận có thể từ chối.",
            fix_en: "Open the file at the reported line and column, and look at the line above too: close the quote, replace Tabs with spaces, put a space after each colon. A value starting with a character YAML reserves (@, %, a backquote, |, >, [, {, a dash) goes in quotes. A comment's # needs a space before it. Do not use tags (!…, !!…): a warning here, but the receiving office may refuse them.",
        };

pub(super) const HS003: RuleDocs = RuleDocs {
            what_vi: "Mỗi tệp chỉ được có các trường mà mẫu hồ sơ quy định. Trường lạ thường là tên trường gõ nhầm; chương trình gợi ý tên đúng gần nhất.",
            what_en: "Each file may hold only the fields the format defines. An unknown field is usually a typo; the checker suggests the closest real name.",
            why_vi: "Trường gõ nhầm tên thì nội dung trong đó bị bỏ qua, văn bản coi như thiếu thông tin (ví dụ tờ trình như không có trích yếu) mà người soạn không biết.",
            why_en: "A misspelt field is ignored, so the document silently lacks that information (here, the proposal seems to have no subject line).",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
so_ky_hieu: "45/TTr-UBND"
ngay: 2021-11-15
trich_yue: "Về việc đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư"
"#,
            fix_vi: "Sửa tên trường cho đúng mẫu (ở ví dụ này là \"trich_yeu\"). Nếu đó là ghi chú riêng thì viết thành dòng chú thích bắt đầu bằng dấu #. Dấu << (gộp trường từ chỗ khác) không dùng trong hồ sơ: chép các trường nó mang vào thẳng mục đó.",
            fix_en: "Spell the field as the format does (here \"trich_yeu\"). A private note goes on a comment line starting with #. The merge key << is not used: write the fields it brings into the entry itself.",
        };

pub(super) const HS004: RuleDocs = RuleDocs {
            what_vi: "Mỗi tệp phải có đủ các trường bắt buộc, ví dụ tờ trình phải có số, ký hiệu (\"so_ky_hieu\"), ngày (\"ngay\"), trích yếu (\"trich_yeu\"), người ký (\"nguoi_ky\") và danh sách đề nghị (\"danh_sach\"). Đơn vị (\"don_vi\") của người được đề nghị là bắt buộc, trừ khi đã có \"chuc_vu_don_vi\" ghi gộp chức vụ và đơn vị như cột \"Chức vụ, đơn vị công tác\" của danh sách. Nơi nhận (\"kinh_gui\") được bỏ khi tờ trình có nội dung riêng (\"noi_dung\") mà câu kết nêu nơi nhận: khi đó chỉ có cảnh báo HS022.",
            what_en: "Each file must have its required fields; the proposal, for instance, needs its number and symbol (\"so_ky_hieu\"), date (\"ngay\"), subject (\"trich_yeu\"), signer (\"nguoi_ky\") and list (\"danh_sach\"). A nominee's unit (\"don_vi\") is required unless \"chuc_vu_don_vi\" holds position and unit in one text, as a list's \"Chức vụ, đơn vị công tác\" column does. The addressee (\"kinh_gui\") may be left out where the proposal has its own body (\"noi_dung\") whose closing sentence names the addressee: then only warning HS022 is given.",
            why_vi: "Thiếu thông tin bắt buộc thì văn bản không đủ thể thức, và các bước kiểm tra khác (đối chiếu ngày, đối chiếu danh sách) không làm được.",
            why_en: "Without its required information a document is incomplete, and other checks (dates, the list) cannot be made.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
# Thiếu trường ngay (ngày của tờ trình).
so_ky_hieu: "45/TTr-UBND"
dia_danh: "Ninh Giang"
co_quan: "Ủy ban nhân dân xã Ninh Giang"
"#,
            fix_vi: "Thêm trường còn thiếu theo văn bản gốc, ví dụ \"ngay: 2021-11-15\".",
            fix_en: "Add the missing field from the signed original, e.g. \"ngay: 2021-11-15\".",
        };

pub(super) const HS005: RuleDocs = RuleDocs {
            what_vi: "Mỗi trường phải có giá trị đúng kiểu: chữ số ở trường số (như \"co_mat\"), danh sách ở trường danh sách (như \"danh_sach\"), một giá trị ở trường chỉ nhận một giá trị. Tệp rỗng cũng bị báo.",
            what_en: "Each field must hold a value of the right type: digits in a number field (such as \"co_mat\"), a list in a list field (such as \"danh_sach\"), a single value where one is expected. An empty file is reported too.",
            why_vi: "Giá trị sai kiểu thì chương trình không dùng được để tính toán, đối chiếu, ví dụ không tính được cuộc họp có đủ số thành viên hay không.",
            why_en: "A value of the wrong type cannot be used, e.g. the quorum cannot be computed.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: bien-ban.yaml
so_thanh_vien: 9
co_mat: 7 người
"#,
            fix_vi: "Chỉ ghi chữ số, không kèm chữ: \"co_mat: 7\".",
            fix_en: "Write the number alone: \"co_mat: 7\".",
        };

pub(super) const HS006: RuleDocs = RuleDocs {
            what_vi: "Một số trường chỉ nhận giá trị trong danh mục: \"loai\" là \"ca_nhan\" (cá nhân) hoặc \"tap_the\" (tập thể), \"gioi_tinh\" là \"nam\" hoặc \"nu\".",
            what_en: "Some fields take a value from a fixed set: \"loai\" is \"ca_nhan\" (individual) or \"tap_the\" (collective), \"gioi_tinh\" is \"nam\" or \"nu\".",
            why_vi: "Giá trị ngoài danh mục thì không biết người được đề nghị là cá nhân hay tập thể, nên không chọn được tiêu chuẩn để đối chiếu.",
            why_en: "With a value outside the set, the checker cannot tell an individual from a collective, nor pick the standards to apply.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
danh_sach:
  - ma: do-thi-lan
    loai: cá nhân
    ten: "Đỗ Thị Lan"
"#,
            fix_vi: "Ghi đúng một giá trị trong danh mục, không dấu, nối bằng dấu gạch dưới: \"loai: ca_nhan\".",
            fix_en: "Write one of the allowed values exactly: \"loai: ca_nhan\".",
        };

pub(super) const HS007: RuleDocs = RuleDocs {
            what_vi: "Trường \"phien_ban\" trong ho-so.yaml phải là 1, phiên bản mẫu hồ sơ mà chương trình này đọc được.",
            what_en: "\"phien_ban\" in ho-so.yaml must be 1, the format version this program reads.",
            why_vi: "Hồ sơ soạn theo mẫu khác có thể đặt tên trường hoặc hiểu nội dung khác; kiểm tra nó theo mẫu phiên bản 1 sẽ cho kết quả sai.",
            why_en: "A dossier in another version may name or mean its fields differently; checking it against version 1 would give wrong results.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: ho-so.yaml
phien_ban: 2
phong_trao: covid19-hoa-lu-2021
"#,
            fix_vi: "Ghi \"phien_ban: 1\" và soạn hồ sơ theo mẫu phiên bản 1; nếu hồ sơ thật sự theo mẫu mới hơn thì dùng bản chương trình mới hơn.",
            fix_en: "Write \"phien_ban: 1\" and follow the version 1 format; for a dossier really in a newer format, use a newer release of the program.",
        };

pub(super) const HS008: RuleDocs = RuleDocs {
            what_vi: "Trường \"phong_trao\" trong ho-so.yaml phải là mã của một phong trào thi đua có bộ tiêu chí (ví dụ \"covid19-hoa-lu-2021\"), hoặc đường dẫn tới tệp bộ tiêu chí. Đường dẫn trỏ tới một thư mục, hay là một liên kết dẫn ra ngoài hồ sơ, được báo rõ là như vậy (không báo là không có phong trào).",
            what_en: "\"phong_trao\" in ho-so.yaml must be the id of a campaign with a rule set (e.g. \"covid19-hoa-lu-2021\"), or a path to a rule-set file. A path that names a folder, or a link leading out of the dossier, is reported as such (not as an unknown campaign).",
            why_vi: "Hình thức khen thưởng, đối tượng, tiêu chuẩn thi đua và các mốc ngày đều lấy từ bộ tiêu chí của phong trào; không xác định được phong trào thì không kiểm tra được các nội dung đó.",
            why_en: "Award forms, kinds of nominee, standards and dates all come from the campaign's rule set; without it none of them can be checked.",
            basis: "Mục IV Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (bộ tiêu chí covid19-hoa-lu-2021); Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Section IV of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (rule set covid19-hoa-lu-2021); dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: ho-so.yaml
phien_ban: 1
phong_trao: covid-hoa-lu-2021
"#,
            fix_vi: "Ghi đúng mã phong trào như trong bộ tiêu chí, ở đây là \"covid19-hoa-lu-2021\"; thông báo lỗi liệt kê các mã hiện có.",
            fix_en: "Write the campaign id exactly as in its rule set, here \"covid19-hoa-lu-2021\"; the finding lists the known ids.",
        };

pub(super) const HS009: RuleDocs = RuleDocs {
            what_vi: "Trường \"hinh_thuc\" trong ho-so.yaml phải là một hình thức khen thưởng của phong trào; ở Hoa Lư là \"khen_thuong_cap_nha_nuoc\", \"bang_khen_chu_tich_tinh\", \"giay_khen_chu_tich_huyen\" hoặc \"giay_khen_thu_truong\".",
            what_en: "\"hinh_thuc\" in ho-so.yaml must be an award form of the campaign; in Hoa Lư: \"khen_thuong_cap_nha_nuoc\", \"bang_khen_chu_tich_tinh\", \"giay_khen_chu_tich_huyen\" or \"giay_khen_thu_truong\".",
            why_vi: "Mỗi hình thức có cấp quyết định, nơi nhận và số bộ hồ sơ riêng; ghi sai hình thức thì hồ sơ có thể gửi nhầm nơi hoặc bị xét theo điều kiện khác.",
            why_en: "Each form has its own deciding level, receiving office and number of copies; a wrong form sends the dossier to the wrong place or under the wrong conditions.",
            basis: "Mục IV.2.a-d (hình thức khen thưởng) và mục IV.4.b (số lượng hồ sơ) Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư.",
            basis_en: "Sections IV.2.a-d (award forms) and IV.4.b (number of copies) of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign.",
            example: r#"# tệp: ho-so.yaml
phien_ban: 1
phong_trao: covid19-hoa-lu-2021
hinh_thuc: giay_khen_huyen
"#,
            fix_vi: "Chọn đúng mã hình thức trong danh sách chương trình đưa ra, ví dụ \"giay_khen_chu_tich_huyen\" cho Giấy khen của Chủ tịch UBND huyện.",
            fix_en: "Pick the form's id from the list in the finding, e.g. \"giay_khen_chu_tich_huyen\" for the district chairman's certificate of merit.",
        };

pub(super) const HS010: RuleDocs = RuleDocs {
            what_vi: "Trường \"doi_tuong\" của từng tập thể, cá nhân, trong danh sách của tờ trình và trong báo cáo thành tích, phải là một đối tượng khen thưởng của phong trào.",
            what_en: "\"doi_tuong\" of each nominee, on the proposal's list and in the report, must be a kind of nominee of the campaign.",
            why_vi: "Đối tượng quyết định các tiêu chuẩn thi đua phải đạt; không rõ đối tượng thì không đối chiếu được tiêu chuẩn.",
            why_en: "The kind decides which standards apply; with an unknown kind, none can be checked.",
            basis: "Mục IV.3.a-h Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tiêu chuẩn thi đua theo từng đối tượng).",
            basis_en: "Section IV.3.a-h of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (the standards for each kind of nominee).",
            example: r#"# tệp: to-trinh.yaml
danh_sach:
  - ma: hoang-minh-tuan
    loai: ca_nhan
    ten: "Hoàng Minh Tuấn"
    don_vi: "Công an xã Ninh Hải"
    doi_tuong: tuyen_dau_chong_dich
"#,
            fix_vi: "Chọn một trong các mã: \"phong_ban_huyen\" (IV.3.a), \"mttq_doan_the\" (IV.3.b), \"xa_thi_tran\" (IV.3.c), \"thon_xom\" (IV.3.d), \"tuyen_dau\" (IV.3.e), \"doanh_nghiep\" (IV.3.f), \"tinh_nguyen_vien\" (IV.3.g), \"nguoi_dan\" (IV.3.h); ở ví dụ này là \"tuyen_dau\".",
            fix_en: "Use one of: \"phong_ban_huyen\" (IV.3.a), \"mttq_doan_the\" (b), \"xa_thi_tran\" (c), \"thon_xom\" (d), \"tuyen_dau\" (e), \"doanh_nghiep\" (f), \"tinh_nguyen_vien\" (g), \"nguoi_dan\" (h); here \"tuyen_dau\".",
        };

pub(super) const HS011: RuleDocs = RuleDocs {
            what_vi: "Mỗi tệp .yaml phải là tệp chữ lưu bằng mã UTF-8 và không lớn hơn 4 MB.",
            what_en: "Each .yaml file must be text saved as UTF-8, no larger than 4 MiB.",
            why_vi: "Tệp lưu bằng UTF-16 (kiểu \"Unicode\" của Notepad), bằng bảng mã cũ, hoặc bản quét bị đặt nhầm đuôi .yaml thì chương trình không đọc được chữ trong đó.",
            why_en: "A file saved as UTF-16 (Notepad's \"Unicode\"), in a legacy code page, or a scan saved under a .yaml name cannot be read as text.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
# Tệp được lưu trong Notepad với Encoding là "Unicode" (UTF-16):
# hai byte đầu là FF FE, sau mỗi chữ cái là một byte 00:
# FF FE 23 00 20 00 42 00 E1 00 6F 00 20 00 63 00 E1 00 6F 00 ...
"#,
            fix_vi: "Mở tệp bằng Notepad, chọn File > Save As, ở ô Encoding chọn UTF-8 rồi lưu lại. Bản quét thì đặt trong thư mục dinh-kem/ và ghi vào trường \"dinh_kem\".",
            fix_en: "Open it in Notepad, File > Save As, choose Encoding: UTF-8, and save. Scans go in dinh-kem/ and are named under \"dinh_kem\".",
        };

pub(super) const HS012: RuleDocs = RuleDocs {
            what_vi: "Trường \"loai_khen\" trong ho-so.yaml phải hợp với hình thức: Giấy khen của Chủ tịch UBND huyện phải ghi \"dot_xuat\" (khen thưởng đột xuất) hoặc \"chuyen_de\" (khen thưởng chuyên đề); hình thức không chia loại thì không ghi trường này.",
            what_en: "\"loai_khen\" in ho-so.yaml must fit the form: the district chairman's certificate needs \"dot_xuat\" (ad hoc) or \"chuyen_de\" (thematic); a form without kinds takes no \"loai_khen\".",
            why_vi: "Khen thưởng đột xuất và khen thưởng chuyên đề có điều kiện khác nhau (khen đột xuất cần thành tích được cấp có thẩm quyền ghi nhận), nên phải biết hồ sơ thuộc loại nào. Ở bộ quy tắc đánh dấu các loại khen là diễn giải của dự án (\"dien_giai: true\": năm trường hợp của Điều 85 Luật 2022, chỉ đọc qua nguồn thứ cấp, ở nd98-2023-don-gian và nd152-2025-don-gian) thì phát hiện này chỉ là cảnh báo.",
            why_en: "Ad hoc and thematic awards have different conditions (an ad hoc award needs recognition by a competent authority), so the kind must be known. Where the rule set marks its kinds of award as the project's reading (\"dien_giai: true\": the five cases of Article 85 of the 2022 Law, read at second hand, in nd98-2023-don-gian and nd152-2025-don-gian), the finding is a warning.",
            basis: "Mục IV.2.c Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (khen thưởng đột xuất, khen thưởng chuyên đề).",
            basis_en: "Section IV.2.c of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (awards for an outstanding deed, thematic awards).",
            example: r#"# tệp: ho-so.yaml
phien_ban: 1
phong_trao: covid19-hoa-lu-2021
hinh_thuc: giay_khen_chu_tich_huyen
co_quan_de_nghi: "Ủy ban nhân dân xã Ninh Hải"
"#,
            fix_vi: "Thêm dòng \"loai_khen: dot_xuat\" hoặc \"loai_khen: chuyen_de\" đúng với loại khen; với hình thức khác thì xóa dòng \"loai_khen\".",
            fix_en: "Add \"loai_khen: dot_xuat\" or \"loai_khen: chuyen_de\"; for other forms, remove the \"loai_khen\" line.",
        };

pub(super) const HS013: RuleDocs = RuleDocs {
            what_vi: "Một trường chỉ được ghi một lần ở cùng một chỗ: một lần trong tệp, hoặc một lần cho mỗi người trong danh sách.",
            what_en: "A field may appear only once in the same place: once in the file, or once per entry of a list.",
            why_vi: "Trường ghi hai lần thường do sao chép dòng rồi quên xóa; khi hai giá trị khác nhau thì không biết giá trị nào đúng với văn bản gốc.",
            why_en: "A field written twice usually comes from a copied line; when the values differ nobody knows which matches the original.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: bien-ban.yaml
so_ky_hieu: "09/BB-HĐTĐKT"
ngay: 2021-11-10
hoi_dong: "Hội đồng Thi đua - Khen thưởng xã Ninh Giang"
ngay: 2021-11-12
"#,
            fix_vi: "Giữ lại dòng có giá trị đúng theo văn bản gốc, xóa dòng còn lại.",
            fix_en: "Keep the line that matches the signed original and delete the other.",
        };

pub(super) const HS014: RuleDocs = RuleDocs {
            what_vi: "Tệp không được lồng nhau quá 64 tầng, không quá 100 000 phần tử và không quá 1 000 chỗ dùng lại nội dung (dấu * trong tệp).",
            what_en: "A file may not nest deeper than 64 levels, nor hold more than 100,000 nodes or 1,000 aliases (*name).",
            why_vi: "Hồ sơ thật chỉ có vài tầng và vài trăm dòng; tệp vượt giới hạn là tệp hỏng hoặc tệp cố ý làm treo máy, nên chương trình dừng đọc để máy kiểm tra không bị treo.",
            why_en: "Real dossiers are a few levels deep and a few hundred lines long; a file over the limits is broken or hostile, and reading stops so the checking machine is not tied up.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
# Tệp bị hỏng: một dòng có hàng trăm dấu ngoặc vuông lồng nhau.
danh_sach: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ ... ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
"#,
            fix_vi: "Tệp lồng nhau quá sâu: ghi giá trị là chữ, bỏ các dấu [ ] { } thừa. Tệp quá lớn hoặc nhiều bí danh: soạn lại theo mẫu trong thư mục examples/, không dùng bí danh (&, *), không chép dữ liệu từ nguồn không rõ vào hồ sơ.",
            fix_en: "Nested too deep: write values as text and remove the extra [ ] { }. Too large or too many aliases: write the file again from the templates in examples/, without anchors and aliases (&, *); do not paste data from unknown sources.",
        };

pub(super) const HS015: RuleDocs = RuleDocs {
            what_vi: "Hồ sơ tạo bằng lệnh dossier init hoặc lệnh dossier add có những chỗ cần điền, ghi dạng \"<<...>>\" (cả ở chỗ ghi ngày và số phiếu), và số 00 ghi tạm ở số, ký hiệu văn bản (\"00/TTr-UBND\"); quy tắc này báo mọi chỗ như vậy còn sót lại.",
            what_en: "Dossiers made with dossier init or dossier add mark what to fill in as \"<<...>>\" (dates and vote counts included), and write the number 00 in place of a document's number (\"00/TTr-UBND\"); this rule reports every such mark left.",
            why_vi: "Hồ sơ gửi đi với chỗ trống như \"<<Họ và tên>>\" sẽ bị trả lại; chương trình chỉ ra từng chỗ để không sót.",
            why_en: "A dossier sent with gaps like \"<<Họ và tên>>\" is sent back; the tool points at each one so none is missed.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: "# tệp: to-trinh.yaml\nco_quan: \"<<Tên cơ quan đề nghị>>\"\n",
            fix_vi: "Thay chỗ \"<<...>>\" bằng nội dung thật, ví dụ co_quan: \"Ủy ban nhân dân xã Trường Yên\".",
            fix_en: "Replace the \"<<...>>\" with the real text, e.g. co_quan: \"Ủy ban nhân dân xã Trường Yên\".",
        };

pub(super) const HS016: RuleDocs = RuleDocs {
            what_vi: "Mỗi bộ quy tắc thủ tục có thời gian áp dụng (\"hieu_luc\"), theo văn bản pháp luật nó dựa vào; phong trào áp dụng thời gian của thủ tục mà nó dựa trên. Ngày của tờ trình phải nằm trong thời gian đó; nếu không, quy tắc này nêu bộ quy tắc đang áp dụng vào ngày ấy.",
            what_en: "Each procedure rule set has a period (\"hieu_luc\") from the law it follows; a campaign takes its procedure's period. The proposal's date must fall in it; if not, this rule names the rule set in force on that date.",
            why_vi: "Hồ sơ phải lập theo văn bản còn hiệu lực vào ngày trình: Nghị định số 91/2017/NĐ-CP hết hiệu lực từ 01/01/2024 (thay bằng Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định số 98/2023/NĐ-CP), Nghị định số 98/2023/NĐ-CP được thay bằng Nghị định số 152/2025/NĐ-CP từ 01/7/2025, khi không còn cấp huyện. Kiểm tra theo văn bản cũ sẽ đòi sai thành phần, sai hình thức và sai nơi nhận.",
            why_en: "A dossier follows the law in force on the day it is proposed: Decree 91/2017 ended on 2024-01-01 (replaced by Law 06/2022 and Decree 98/2023), and Decree 98/2023 by Decree 152/2025 on 2025-07-01, when the district level ceased to exist. Checking against an old text asks for the wrong components, forms and offices.",
            basis: "Luật Thi đua, khen thưởng số 06/2022/QH15 (hiệu lực từ 01/01/2024); Nghị định số 98/2023/NĐ-CP (hiệu lực từ 01/01/2024); Nghị định số 152/2025/NĐ-CP, Điều 59 (hiệu lực từ 01/7/2025, Nghị định số 98/2023/NĐ-CP hết hiệu lực); thời gian áp dụng của từng bộ quy tắc và nguồn của nó: lệnh dossier criteria với mã của bộ quy tắc, docs/legal-sources.md.",
            basis_en: "Law on Emulation and Commendation 06/2022/QH15 (in force from 2024-01-01); Decree 98/2023/NĐ-CP (in force from 2024-01-01); Decree 152/2025/NĐ-CP, Article 59 (in force from 2025-07-01, when Decree 98/2023/NĐ-CP ceased to apply); the period of each rule set and its source: dossier criteria with the rule set's id, docs/legal-sources.md.",
            example: r#"# tệp: ho-so.yaml
# Tờ trình ghi ngày 2026-03-10, nhưng bộ quy tắc là của Nghị định số 91/2017/NĐ-CP.
phien_ban: 1
phong_trao: nd91-dieu55
hinh_thuc: giay_khen
loai_khen: dot_xuat
co_quan_de_nghi: "Ủy ban nhân dân xã Gia Viễn"
"#,
            fix_vi: "Ghi \"phong_trao:\" là bộ quy tắc đang áp dụng vào ngày của tờ trình (xem lệnh dossier criteria), ví dụ \"nd152-2025-don-gian\" cho hồ sơ từ 01/7/2025, rồi chọn lại hình thức cho đúng bộ quy tắc đó; hoặc sửa ngày của tờ trình nếu ghi nhầm.",
            fix_en: "Set \"phong_trao:\" to the rule set in force on the proposal's date (see dossier criteria), e.g. \"nd152-2025-don-gian\" from 2025-07-01, and pick a form of that rule set; or correct the proposal's date if it is mistyped.",
        };

pub(super) const HS017: RuleDocs = RuleDocs {
            what_vi: "Trong YAML, dấu # đứng sau một dấu cách mở đầu lời ghi chú. Nếu giá trị là chữ không đặt trong ngoặc kép mà có dấu # ở giữa (\"chuc_vu: Nữ hộ sinh #trưởng nhóm\"), phần từ dấu # trở đi bị bỏ và giá trị chỉ còn \"Nữ hộ sinh\". Quy tắc này cảnh báo khi một giá trị chữ có ghi chú theo sau trên cùng dòng.",
            what_en: "In YAML a # after a space starts a comment. In an unquoted text value with a # inside (\"chuc_vu: Nữ hộ sinh #trưởng nhóm\"), everything from the # on is dropped and the value is just \"Nữ hộ sinh\". This rule warns when a text value is followed by a comment on its line.",
            why_vi: "Phần bị bỏ không hiện ra ở đâu cả: danh mục hồ sơ in \"Nữ hộ sinh\" mà người lập hồ sơ không hay biết.",
            why_en: "The dropped part shows nowhere: the cover list prints \"Nữ hộ sinh\" and the clerk never knows.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: "# tệp: to-trinh.yaml\ndanh_sach:\n  - ma: tran-thi-lan\n    chuc_vu: Nữ hộ sinh #trưởng nhóm\n",
            fix_vi: "Nếu dấu # là một phần của chữ, đặt cả giá trị trong ngoặc kép: chuc_vu: \"Nữ hộ sinh #trưởng nhóm\". Nếu đó là ghi chú, viết ghi chú ở dòng riêng.",
            fix_en: "If the # is part of the text, quote the whole value: chuc_vu: \"Nữ hộ sinh #trưởng nhóm\". If it is a comment, put it on a line of its own.",
        };

pub(super) const HS018: RuleDocs = RuleDocs {
            what_vi: "Cấp bậc, học hàm (\"cap_bac\"), ngày sinh hoặc năm sinh (\"ngay_sinh\") và giới tính (\"gioi_tinh\") là của một người: chỉ được ghi cho người được đề nghị có loai: ca_nhan, không ghi cho tập thể hay hộ gia đình.",
            what_en: "A rank or academic title (\"cap_bac\"), a birth date or year (\"ngay_sinh\") and a sex (\"gioi_tinh\") belong to a person: they may be written only for a nominee with loai: ca_nhan, not for a collective or a household.",
            why_vi: "Trường này ở một tập thể thường là do chép nhầm dòng của một cá nhân; bản dự thảo sẽ in \"Đại tá Thôn Đông\" hay ngày sinh của một tập thể lên văn bản trình ký.",
            why_en: "Such a field on a collective is usually a row copied from an individual by mistake; the draft would print \"Đại tá Thôn Đông\", or a collective's birth date, on a document to be signed.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md): cap_bac, ngay_sinh và gioi_tinh chỉ dành cho cá nhân.",
            basis_en: "Dossier format version 1 (docs/dossier-format.md): cap_bac, ngay_sinh and gioi_tinh are for individuals only.",
            example: "# tệp: to-trinh.yaml\ndanh_sach:\n  - ma: thon-dong\n    loai: tap_the\n    ten: \"Thôn Đông, xã Trường Yên\"\n    cap_bac: \"Đại tá\"\n",
            fix_vi: "Xóa dòng đó khỏi mục của tập thể hoặc hộ gia đình; nếu người được đề nghị thật ra là một cá nhân thì sửa loai thành ca_nhan.",
            fix_en: "Delete the line from the collective's or household's entry; if the nominee is in fact an individual, set loai to ca_nhan.",
        };

pub(super) const HS019: RuleDocs = RuleDocs {
            what_vi: "Trường \"chuc_vu_don_vi\" ghi chức vụ và đơn vị trong một câu, như cột \"Chức vụ, đơn vị công tác\" của danh sách, và được in thay cho \"chuc_vu\" và \"don_vi\". Quy tắc này cảnh báo khi một mục có cả \"chuc_vu_don_vi\" lẫn \"chuc_vu\" hoặc \"don_vi\" mà chữ ghi riêng không có trong chữ ghi gộp (không kể dấu cách thừa, chữ hoa, chữ thường và chỗ đặt dấu thanh).",
            what_en: "The field \"chuc_vu_don_vi\" holds position and unit in one text, as a list's \"Chức vụ, đơn vị công tác\" column does, and is printed in place of \"chuc_vu\" and \"don_vi\". This rule warns when an entry has \"chuc_vu_don_vi\" and also \"chuc_vu\" or \"don_vi\" whose text the combined one does not hold (extra spaces, case and tone-mark placement aside).",
            why_vi: "Hai cách ghi khác nhau thì văn bản chỉ in một cách (chuc_vu_don_vi), còn việc so khớp giữa tờ trình và báo cáo dùng cách kia: người lập hồ sơ có thể sửa một chỗ mà chỗ được in vẫn sai.",
            why_en: "When the two disagree, the documents print one (chuc_vu_don_vi) while the comparisons between the proposal and the reports use the other: the clerk may correct one and the printed one stays wrong.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md): chuc_vu_don_vi thay cho chuc_vu và don_vi.",
            basis_en: "Dossier format version 1 (docs/dossier-format.md): chuc_vu_don_vi stands for chuc_vu and don_vi.",
            example: "# tệp: to-trinh.yaml\ndanh_sach:\n  - ma: le-van-an\n    loai: ca_nhan\n    ten: \"Lê Văn An\"\n    chuc_vu_don_vi: \"Phó Chỉ huy trưởng Ban CHQS xã Trường Yên\"\n    don_vi: \"Công an xã Trường Yên\"\n",
            fix_vi: "Ghi một cách: hoặc chỉ giữ chuc_vu_don_vi như danh sách gốc, hoặc tách thành chuc_vu và don_vi; nếu cần giữ cả hai thì sửa cho chữ ghi riêng nằm trong chữ ghi gộp.",
            fix_en: "Write one way: keep chuc_vu_don_vi alone, as the original list has it, or split it into chuc_vu and don_vi; if both must stay, make the separate text part of the combined one.",
        };

pub(super) const HS020: RuleDocs = RuleDocs {
            what_vi: "Thư mục hồ sơ không chứa liên kết (symlink, hoặc junction trên Windows) trỏ ra ngoài nó hay trỏ tới chỗ không còn: không tệp nào, và không thư mục nào như bao-cao/ hay dinh-kem/. Tệp thành phần (to-trinh.yaml…) là liên kết như thế thì báo ở HS011, tệp đính kèm là liên kết như thế thì báo ở DK002.",
            what_en: "The dossier folder holds no link (a symbolic link, or on Windows a junction) leading out of it or to nothing: no file, and no folder such as bao-cao/ or dinh-kem/. A component (to-trinh.yaml…) that is such a link is HS011's, an attachment that is one DK002's.",
            why_vi: "Hồ sơ là những gì nằm trong thư mục của nó. Qua liên kết, thư mục trông như có những tệp thật ra ở nơi khác trên máy: gói hồ sơ sẽ mang những tệp không thuộc hồ sơ (hoặc thiếu chúng khi chép sang máy khác), và lệnh sửa hồ sơ sẽ ghi, xóa tệp ở nơi khác. Chương trình không đọc gì qua liên kết như thế.",
            why_en: "A dossier is what its folder holds. Through a link, the folder looks as if it held files that are elsewhere on the machine: the bundle would carry files that are not the dossier's (or lack them once copied to another machine), and the commands that edit a dossier would write and delete files elsewhere. Nothing is read through such a link.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md): hồ sơ là một thư mục; docs/security.md.",
            basis_en: "Dossier format version 1 (docs/dossier-format.md): a dossier is one folder; docs/security.md.",
            example: "# tệp: dinh-kem là liên kết tới /home/van-thu/Tai-lieu/ban-quet, không phải thư mục thật\n",
            fix_vi: "Xóa liên kết (xóa liên kết không xóa thứ nó trỏ tới), rồi chép thư mục hoặc tệp thật vào thư mục hồ sơ dưới đúng tên đó.",
            fix_en: "Delete the link (deleting a link does not delete what it leads to), then copy the real folder or file into the dossier folder under that name.",
        };

pub(super) const HS021: RuleDocs = RuleDocs {
            what_vi: "Thẩm quyền ký (tham_quyen) của người ký tờ trình, người ký xác nhận báo cáo, người ký báo cáo của tập thể và chủ trì, thư ký biên bản: mỗi dòng mở đầu bằng một trong các chữ viết tắt TM. (thay mặt), KT. (ký thay), Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền) và có chức vụ hoặc tên tập thể theo sau; người ký thay (KT.) là cấp phó (chức vụ bắt đầu bằng \"Phó\"); cấp phó ký với thẩm quyền ghi \"TM. …\" thì có dòng \"KT. …\" (hoặc TL., TUQ., Q.).",
            what_en: "The authority (tham_quyen) of the proposal's signer, of a report's confirming signer, of a collective's own signer, and of the minutes' chair and secretary: each line opens with one of the abbreviations TM. (on behalf of a body), KT. (signing for the head), Q. (acting), TL. (by order), TUQ. (by delegation) followed by a title or a body's name; whoever signs KT. is a deputy (a title starting with \"Phó\"); a deputy whose authority says \"TM. …\" also has a \"KT. …\" line (or TL., TUQ., Q.).",
            why_vi: "Khối chữ ký in nguyên các dòng này. Một dòng không có chữ viết tắt (\"Thay mặt Ủy ban nhân dân\", \"T/M UBND\") hay cấp phó ký mà không có \"KT.\" là khối chữ ký sai thể thức, cơ quan nhận hồ sơ có thể trả lại để ký lại.",
            why_en: "The signature block prints these lines as written. A line without an abbreviation (\"Thay mặt Ủy ban nhân dân\", \"T/M UBND\") or a deputy signing without \"KT.\" is a block not in the prescribed form, and the receiving office may send it back to be signed again.",
            basis: "Nghị định số 30/2020/NĐ-CP, Phụ lục I (thể thức quyền hạn, chức vụ của người ký), theo cách ghi của Thông tư số 01/2011/TT-BNV, Điều 12 (văn bản Nghị định 30 thay thế) — chưa đọc được nguyên văn Nghị định 30, nên chỉ cảnh báo (docs/legal-sources.md, mục 10).",
            basis_en: "Decree No. 30/2020/ND-CP, Appendix I (the signer's authority and title), as Circular No. 01/2011/TT-BNV, Article 12, which Decree 30 replaced, writes it — Decree 30's own text was not read, so this only warns (docs/legal-sources.md, section 10).",
            example: "# tệp: to-trinh.yaml\nnguoi_ky:\n  ho_ten: \"Hồ Văn Thanh\"\n  chuc_vu: \"Phó Chủ tịch\"\n  tham_quyen: \"Thay mặt Ủy ban nhân dân\"\n",
            fix_vi: "Ghi mỗi dòng thẩm quyền bằng chữ viết tắt, ví dụ tham_quyen: [\"TM. Ủy ban nhân dân\", \"KT. Chủ tịch\"] (hoặc một dòng \"TM. Ủy ban nhân dân - KT. Chủ tịch\"); chức vụ của chính người ký ghi ở chuc_vu (\"Phó Chủ tịch\").",
            fix_en: "Write each authority line with its abbreviation, e.g. tham_quyen: [\"TM. Ủy ban nhân dân\", \"KT. Chủ tịch\"] (or one line \"TM. Ủy ban nhân dân - KT. Chủ tịch\"); the signer's own title goes in chuc_vu (\"Phó Chủ tịch\").",
        };

pub(super) const HS022: RuleDocs = RuleDocs {
            what_vi: "Tờ trình không ghi \"kinh_gui\" nhưng có nội dung riêng (\"noi_dung\") mà câu kết nêu nơi nhận (\"Kính trình Chủ tịch UBND tỉnh …; Sở Nội vụ xem xét, quyết định./.\"). Cảnh báo này trích nơi nhận đọc được. Không ghi \"kinh_gui\" mà câu kết cũng không nêu nơi nhận thì là lỗi HS004.",
            what_en: "The proposal has no \"kinh_gui\" but has its own body (\"noi_dung\") whose closing sentence names the addressee (\"Kính trình Chủ tịch UBND tỉnh …; Sở Nội vụ xem xét, quyết định./.\"). The warning quotes the addressee read there. Without \"kinh_gui\" and with no addressee in the closing sentence, it is error HS004.",
            why_vi: "Mẫu tờ trình theo Nghị định số 30/2020/NĐ-CP có dòng \"Kính gửi\", nhưng có tờ trình thật không có dòng này, nêu nơi nhận ở câu kết, và vẫn được cấp trên xử lý: đó không phải lỗi của hồ sơ. Cảnh báo để người soạn đối chiếu với bản đã ký: nếu bản ký có dòng \"Kính gửi\" thì chép vào.",
            why_en: "The proposal template of Decree 30/2020/NĐ-CP has a \"Kính gửi\" line, but real proposals go without it, naming the addressee in the closing sentence, and were acted on: the dossier is not wrong. The warning asks the clerk to compare with the signed original: if it has the line, copy it in.",
            basis: "Nghị định số 30/2020/NĐ-CP (thể thức tờ trình có dòng \"Kính gửi\"; nguyên văn các mẫu chưa đọc được, docs/legal-sources.md mục 10); docs/dossier-format.md (kinh_gui, noi_dung). Dòng này không phải điều kiện của Luật Thi đua, khen thưởng, nên chỉ cảnh báo.",
            basis_en: "Decree 30/2020/NĐ-CP (a proposal has a \"Kính gửi\" line; the templates' own text not read, docs/legal-sources.md section 10); docs/dossier-format.md (kinh_gui, noi_dung). The line is no condition of the Law on Emulation and Commendation, so a warning only.",
            example: r#"# tệp: to-trinh.yaml
# Không có dòng kinh_gui.
noi_dung: |
  Sở Nội vụ đề nghị khen thưởng cho các tập thể, cá nhân có tên trong danh sách kèm theo.
  Kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.
"#,
            fix_vi: "Đối chiếu với tờ trình đã ký: nếu có dòng \"Kính gửi\" thì thêm \"kinh_gui: Chủ tịch Ủy ban nhân dân tỉnh …\"; nếu không có thì để nguyên (có thể tắt cảnh báo bằng muc_do trong .dossier.yaml).",
            fix_en: "Compare with the signed proposal: if it has a \"Kính gửi\" line, add \"kinh_gui: Chủ tịch Ủy ban nhân dân tỉnh …\"; if not, leave it (the warning can be switched off with muc_do in .dossier.yaml).",
        };

pub(super) const HS023: RuleDocs = RuleDocs {
            what_vi: "Bộ quy tắc ghi những văn bản đã biết là thay đổi quy định từ một ngày nhưng chưa đọc được nội dung (\"chua_doi_chieu\"): một luật sửa đổi có hiệu lực, một nghị định được ghi là hết hiệu lực. Tờ trình ghi ngày từ ngày đó trở đi thì có cảnh báo nêu văn bản và việc cần làm; các kiểm tra khác vẫn chạy như cũ.",
            what_en: "A rule set lists the texts known to change the law from a day whose content was not read (\"chua_doi_chieu\"): an amending law taking effect, a decree reported to end. A proposal dated on or after that day gets a warning naming the text and what to do; the other checks run as before.",
            why_vi: "Không có cảnh báo này thì hồ sơ sau ngày luật sửa đổi có hiệu lực vẫn được báo \"đạt\" theo quy định cũ, trong khi chưa ai đọc quy định mới: chương trình không được nói nhiều hơn những gì đã đọc.",
            why_en: "Without it a dossier dated after an amending law takes effect is still reported as passing under the old rules while nobody has read the new ones: the tool must not claim more than was read.",
            basis: "Luật số 06/2026/QH16 sửa đổi, bổ sung Luật Thi đua, khen thưởng số 06/2022/QH15 (hiệu lực 01/10/2026, theo nguồn thứ cấp, chưa đọc nội dung); Nghị định số 152/2025/NĐ-CP (ngày hết hiệu lực 01/3/2027 theo cơ sở dữ liệu văn bản, chưa đọc điều khoản); docs/legal-sources.md mục 11.",
            basis_en: "Law 06/2026/QH16 amending Law 06/2022/QH15 on Emulation and Commendation (in force 2026-10-01 by secondary sources, content not read); Decree 152/2025/NĐ-CP (end date 2027-03-01 in the register of legal texts, the clause not read); docs/legal-sources.md section 11.",
            example: r#"# tệp: to-trinh.yaml
# Bộ quy tắc nd152-2025-don-gian; ngày sau 01/10/2026.
ngay: 2026-10-15
"#,
            fix_vi: "Đối chiếu hồ sơ với văn bản mới (thành phần hồ sơ, hình thức, thẩm quyền) trước khi gửi; cơ quan đã đọc văn bản đó thì dùng bộ quy tắc của mình (--criteria hoặc phong_trao trỏ tới tệp bộ quy tắc). Khi đã đối chiếu, có thể hạ cảnh báo bằng muc_do trong .dossier.yaml.",
            fix_en: "Check the dossier against the new text (components, forms, authority) before sending it; an office that has read the text uses its own rule set (--criteria, or phong_trao naming a rule-set file). Once checked, the warning can be lowered with muc_do in .dossier.yaml.",
        };
