//! The explanation of every rule, shown by `dossier explain`: what the rule checks, why it
//! matters and on what legal basis, a failing example and how to fix it, in Vietnamese and
//! English. Kept apart from the registry so the table stays readable; a test checks that every
//! rule has complete docs.

use super::Rule;
use crate::diag::Msg;

/// The explanation of a rule, in both languages.
#[derive(Debug, Clone, Copy)]
pub struct RuleDocs {
    /// What the rule checks, in Vietnamese.
    pub what_vi: &'static str,
    /// What the rule checks, in English.
    pub what_en: &'static str,
    /// Why it matters, in Vietnamese.
    pub why_vi: &'static str,
    /// Why it matters, in English.
    pub why_en: &'static str,
    /// Legal basis, in Vietnamese.
    pub basis: &'static str,
    /// A short failing example in the dossier format (YAML), first line `# tệp: to-trinh.yaml`
    /// naming the file.
    pub example: &'static str,
    /// How to fix it, in Vietnamese.
    pub fix_vi: &'static str,
    /// How to fix it, in English.
    pub fix_en: &'static str,
}

impl RuleDocs {
    /// What the rule checks.
    #[must_use]
    pub fn what(&self) -> Msg {
        Msg::new(self.what_vi, self.what_en)
    }

    /// Why it matters.
    #[must_use]
    pub fn why(&self) -> Msg {
        Msg::new(self.why_vi, self.why_en)
    }

    /// How to fix it.
    #[must_use]
    pub fn fix(&self) -> Msg {
        Msg::new(self.fix_vi, self.fix_en)
    }
}

/// The explanation of a rule.
#[must_use]
pub fn docs(rule: Rule) -> RuleDocs {
    match rule {
        Rule::HS001 => RuleDocs {
            what_vi: "Hồ sơ phải có đủ các thành phần: tệp ho-so.yaml (thông tin chung của hồ sơ), tờ trình kèm danh sách đề nghị (to-trinh.yaml), biên bản họp bình xét của Hội đồng Thi đua - Khen thưởng (bien-ban.yaml) và ít nhất một báo cáo thành tích trong thư mục bao-cao/. Thành phần nào bắt buộc là do bộ tiêu chí của phong trào quy định.",
            what_en: "The dossier must hold all its components: ho-so.yaml (the dossier's general information), the proposal with its list (to-trinh.yaml), the council's review minutes (bien-ban.yaml) and at least one achievement report in bao-cao/. The campaign's rule set says which are required.",
            why_vi: "Hồ sơ thiếu thành phần sẽ bị cơ quan thẩm định trả lại, làm chậm việc khen thưởng. Thủ tục đơn giản gồm tờ trình kèm danh sách và báo cáo thành tích; Kế hoạch của huyện Hoa Lư yêu cầu thêm biên bản họp bình xét.",
            why_en: "A dossier with a component missing is sent back, and the award comes late. The simplified procedure asks for the proposal with its list and the achievement reports; the Hoa Lư plan adds the minutes of the review meeting.",
            basis: "Điều 55 Nghị định số 91/2017/NĐ-CP (thủ tục đơn giản); mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tờ trình, biên bản họp bình xét, báo cáo thành tích).",
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
        },
        Rule::HS002 => RuleDocs {
            what_vi: "Mỗi tệp .yaml phải viết đúng cách viết của mẫu hồ sơ: mỗi dòng là `tên trường: giá trị`, thụt đầu dòng bằng dấu cách, dấu ngoặc kép đã mở thì phải đóng.",
            what_en: "Each .yaml file must follow the format's syntax: one `field: value` per line, indentation with spaces, every opening quote closed.",
            why_vi: "Tệp viết sai thì chương trình không đọc được nội dung, nên không kiểm tra được gì khác trong tệp đó. Lỗi hay gặp là thụt đầu dòng bằng phím Tab hoặc thiếu dấu ngoặc kép đóng.",
            why_en: "A file with a syntax error cannot be read, so nothing else in it can be checked. Common causes are indenting with Tab and a missing closing quote.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
so_ky_hieu: "45/TTr-UBND"
ngay: 2021-11-15
# Dòng dưới thiếu dấu ngoặc kép đóng ở cuối.
trich_yeu: "Về việc đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư
co_quan: "Ủy ban nhân dân xã Ninh Giang"
"#,
            fix_vi: "Mở tệp tại dòng và cột được báo, xem cả dòng ngay trên: đóng dấu ngoặc kép còn thiếu, thay phím Tab bằng dấu cách, sau dấu hai chấm để một dấu cách.",
            fix_en: "Open the file at the reported line and column, and look at the line above too: close the quote, replace Tabs with spaces, put a space after each colon.",
        },
        Rule::HS003 => RuleDocs {
            what_vi: "Mỗi tệp chỉ được có các trường mà mẫu hồ sơ quy định. Trường lạ thường là tên trường gõ nhầm; chương trình gợi ý tên đúng gần nhất.",
            what_en: "Each file may hold only the fields the format defines. An unknown field is usually a typo; the checker suggests the closest real name.",
            why_vi: "Trường gõ nhầm tên thì nội dung trong đó bị bỏ qua, văn bản coi như thiếu thông tin (ví dụ tờ trình như không có trích yếu) mà người soạn không biết.",
            why_en: "A misspelt field is ignored, so the document silently lacks that information (here, the proposal seems to have no subject line).",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
so_ky_hieu: "45/TTr-UBND"
ngay: 2021-11-15
trich_yue: "Về việc đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư"
"#,
            fix_vi: "Sửa tên trường cho đúng mẫu (ở ví dụ này là `trich_yeu`). Nếu đó là ghi chú riêng thì viết thành dòng chú thích bắt đầu bằng dấu #.",
            fix_en: "Spell the field as the format does (here `trich_yeu`). A private note goes on a comment line starting with #.",
        },
        Rule::HS004 => RuleDocs {
            what_vi: "Mỗi tệp phải có đủ các trường bắt buộc, ví dụ tờ trình phải có số, ký hiệu (`so_ky_hieu`), ngày (`ngay`), trích yếu (`trich_yeu`), người ký (`nguoi_ky`) và danh sách đề nghị (`danh_sach`).",
            what_en: "Each file must have its required fields; the proposal, for instance, needs its number and symbol (`so_ky_hieu`), date (`ngay`), subject (`trich_yeu`), signer (`nguoi_ky`) and list (`danh_sach`).",
            why_vi: "Thiếu thông tin bắt buộc thì văn bản không đủ thể thức, và các bước kiểm tra khác (đối chiếu ngày, đối chiếu danh sách) không làm được.",
            why_en: "Without its required information a document is incomplete, and other checks (dates, the list) cannot be made.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
# Thiếu trường ngay (ngày của tờ trình).
so_ky_hieu: "45/TTr-UBND"
dia_danh: "Ninh Giang"
co_quan: "Ủy ban nhân dân xã Ninh Giang"
"#,
            fix_vi: "Thêm trường còn thiếu theo văn bản gốc, ví dụ `ngay: 2021-11-15`.",
            fix_en: "Add the missing field from the signed original, e.g. `ngay: 2021-11-15`.",
        },
        Rule::HS005 => RuleDocs {
            what_vi: "Mỗi trường phải có giá trị đúng kiểu: chữ số ở trường số (như `co_mat`), danh sách ở trường danh sách (như `danh_sach`), một giá trị ở trường chỉ nhận một giá trị. Tệp rỗng cũng bị báo.",
            what_en: "Each field must hold a value of the right type: digits in a number field (such as `co_mat`), a list in a list field (such as `danh_sach`), a single value where one is expected. An empty file is reported too.",
            why_vi: "Giá trị sai kiểu thì chương trình không dùng được để tính toán, đối chiếu, ví dụ không tính được cuộc họp có đủ số thành viên hay không.",
            why_en: "A value of the wrong type cannot be used, e.g. the quorum cannot be computed.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: bien-ban.yaml
so_thanh_vien: 9
co_mat: 7 người
"#,
            fix_vi: "Chỉ ghi chữ số, không kèm chữ: `co_mat: 7`.",
            fix_en: "Write the number alone: `co_mat: 7`.",
        },
        Rule::HS006 => RuleDocs {
            what_vi: "Một số trường chỉ nhận giá trị trong danh mục: `loai` là `ca_nhan` (cá nhân) hoặc `tap_the` (tập thể), `gioi_tinh` là `nam` hoặc `nu`.",
            what_en: "Some fields take a value from a fixed set: `loai` is `ca_nhan` (individual) or `tap_the` (collective), `gioi_tinh` is `nam` or `nu`.",
            why_vi: "Giá trị ngoài danh mục thì không biết người được đề nghị là cá nhân hay tập thể, nên không chọn được tiêu chuẩn để đối chiếu.",
            why_en: "With a value outside the set, the checker cannot tell an individual from a collective, nor pick the standards to apply.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
danh_sach:
  - ma: do-thi-lan
    loai: cá nhân
    ten: "Đỗ Thị Lan"
"#,
            fix_vi: "Ghi đúng một giá trị trong danh mục, không dấu, nối bằng dấu gạch dưới: `loai: ca_nhan`.",
            fix_en: "Write one of the allowed values exactly: `loai: ca_nhan`.",
        },
        Rule::HS007 => RuleDocs {
            what_vi: "Trường `phien_ban` trong ho-so.yaml phải là 1, phiên bản mẫu hồ sơ mà chương trình này đọc được.",
            what_en: "`phien_ban` in ho-so.yaml must be 1, the format version this program reads.",
            why_vi: "Hồ sơ soạn theo mẫu khác có thể đặt tên trường hoặc hiểu nội dung khác; kiểm tra nó theo mẫu phiên bản 1 sẽ cho kết quả sai.",
            why_en: "A dossier in another version may name or mean its fields differently; checking it against version 1 would give wrong results.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: ho-so.yaml
phien_ban: 2
phong_trao: covid19-hoa-lu-2021
"#,
            fix_vi: "Ghi `phien_ban: 1` và soạn hồ sơ theo mẫu phiên bản 1; nếu hồ sơ thật sự theo mẫu mới hơn thì dùng bản chương trình mới hơn.",
            fix_en: "Write `phien_ban: 1` and follow the version 1 format; for a dossier really in a newer format, use a newer release of the program.",
        },
        Rule::HS008 => RuleDocs {
            what_vi: "Trường `phong_trao` trong ho-so.yaml phải là mã của một phong trào thi đua có bộ tiêu chí (ví dụ `covid19-hoa-lu-2021`), hoặc đường dẫn tới tệp bộ tiêu chí.",
            what_en: "`phong_trao` in ho-so.yaml must be the id of a campaign with a rule set (e.g. `covid19-hoa-lu-2021`), or a path to a rule-set file.",
            why_vi: "Hình thức khen thưởng, đối tượng, tiêu chuẩn thi đua và các mốc ngày đều lấy từ bộ tiêu chí của phong trào; không xác định được phong trào thì không kiểm tra được các nội dung đó.",
            why_en: "Award forms, kinds of nominee, standards and dates all come from the campaign's rule set; without it none of them can be checked.",
            basis: "Mục IV Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (bộ tiêu chí covid19-hoa-lu-2021); Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: ho-so.yaml
phien_ban: 1
phong_trao: covid-hoa-lu-2021
"#,
            fix_vi: "Ghi đúng mã phong trào như trong bộ tiêu chí, ở đây là `covid19-hoa-lu-2021`; thông báo lỗi liệt kê các mã hiện có.",
            fix_en: "Write the campaign id exactly as in its rule set, here `covid19-hoa-lu-2021`; the finding lists the known ids.",
        },
        Rule::HS009 => RuleDocs {
            what_vi: "Trường `hinh_thuc` trong ho-so.yaml phải là một hình thức khen thưởng của phong trào; ở Hoa Lư là `khen_thuong_cap_nha_nuoc`, `bang_khen_chu_tich_tinh`, `giay_khen_chu_tich_huyen` hoặc `giay_khen_thu_truong`.",
            what_en: "`hinh_thuc` in ho-so.yaml must be an award form of the campaign; in Hoa Lư: `khen_thuong_cap_nha_nuoc`, `bang_khen_chu_tich_tinh`, `giay_khen_chu_tich_huyen` or `giay_khen_thu_truong`.",
            why_vi: "Mỗi hình thức có cấp quyết định, nơi nhận và số bộ hồ sơ riêng; ghi sai hình thức thì hồ sơ có thể gửi nhầm nơi hoặc bị xét theo điều kiện khác.",
            why_en: "Each form has its own deciding level, receiving office and number of copies; a wrong form sends the dossier to the wrong place or under the wrong conditions.",
            basis: "Mục IV.2.a-d (hình thức khen thưởng) và mục IV.4.b (số lượng hồ sơ) Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư.",
            example: r#"# tệp: ho-so.yaml
phien_ban: 1
phong_trao: covid19-hoa-lu-2021
hinh_thuc: giay_khen_huyen
"#,
            fix_vi: "Chọn đúng mã hình thức trong danh sách chương trình đưa ra, ví dụ `giay_khen_chu_tich_huyen` cho Giấy khen của Chủ tịch UBND huyện.",
            fix_en: "Pick the form's id from the list in the finding, e.g. `giay_khen_chu_tich_huyen` for the district chairman's certificate of merit.",
        },
        Rule::HS010 => RuleDocs {
            what_vi: "Trường `doi_tuong` của từng tập thể, cá nhân, trong danh sách của tờ trình và trong báo cáo thành tích, phải là một đối tượng khen thưởng của phong trào.",
            what_en: "`doi_tuong` of each nominee, on the proposal's list and in the report, must be a kind of nominee of the campaign.",
            why_vi: "Đối tượng quyết định các tiêu chuẩn thi đua phải đạt; không rõ đối tượng thì không đối chiếu được tiêu chuẩn.",
            why_en: "The kind decides which standards apply; with an unknown kind, none can be checked.",
            basis: "Mục IV.3.a-h Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tiêu chuẩn thi đua theo từng đối tượng).",
            example: r#"# tệp: to-trinh.yaml
danh_sach:
  - ma: hoang-minh-tuan
    loai: ca_nhan
    ten: "Hoàng Minh Tuấn"
    don_vi: "Công an xã Ninh Hải"
    doi_tuong: tuyen_dau_chong_dich
"#,
            fix_vi: "Chọn một trong các mã: `phong_ban_huyen` (IV.3.a), `mttq_doan_the` (IV.3.b), `xa_thi_tran` (IV.3.c), `thon_xom` (IV.3.d), `tuyen_dau` (IV.3.e), `doanh_nghiep` (IV.3.f), `tinh_nguyen_vien` (IV.3.g), `nguoi_dan` (IV.3.h); ở ví dụ này là `tuyen_dau`.",
            fix_en: "Use one of: `phong_ban_huyen` (IV.3.a), `mttq_doan_the` (b), `xa_thi_tran` (c), `thon_xom` (d), `tuyen_dau` (e), `doanh_nghiep` (f), `tinh_nguyen_vien` (g), `nguoi_dan` (h); here `tuyen_dau`.",
        },
        Rule::HS011 => RuleDocs {
            what_vi: "Mỗi tệp .yaml phải là tệp chữ lưu bằng mã UTF-8 và không lớn hơn 4 MB.",
            what_en: "Each .yaml file must be text saved as UTF-8, no larger than 4 MiB.",
            why_vi: "Tệp lưu bằng UTF-16 (kiểu \"Unicode\" của Notepad), bằng bảng mã cũ, hoặc bản quét bị đặt nhầm đuôi .yaml thì chương trình không đọc được chữ trong đó.",
            why_en: "A file saved as UTF-16 (Notepad's \"Unicode\"), in a legacy code page, or a scan saved under a .yaml name cannot be read as text.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
# Tệp được lưu trong Notepad với Encoding là "Unicode" (UTF-16):
# hai byte đầu là FF FE, sau mỗi chữ cái là một byte 00:
# FF FE 23 00 20 00 42 00 E1 00 6F 00 20 00 63 00 E1 00 6F 00 ...
"#,
            fix_vi: "Mở tệp bằng Notepad, chọn File > Save As, ở ô Encoding chọn UTF-8 rồi lưu lại. Bản quét thì đặt trong thư mục dinh-kem/ và ghi vào trường `dinh_kem`.",
            fix_en: "Open it in Notepad, File > Save As, choose Encoding: UTF-8, and save. Scans go in dinh-kem/ and are named under `dinh_kem`.",
        },
        Rule::HS012 => RuleDocs {
            what_vi: "Trường `loai_khen` trong ho-so.yaml phải hợp với hình thức: Giấy khen của Chủ tịch UBND huyện phải ghi `dot_xuat` (khen thưởng đột xuất) hoặc `chuyen_de` (khen thưởng chuyên đề); hình thức không chia loại thì không ghi trường này.",
            what_en: "`loai_khen` in ho-so.yaml must fit the form: the district chairman's certificate needs `dot_xuat` (ad hoc) or `chuyen_de` (thematic); a form without kinds takes no `loai_khen`.",
            why_vi: "Khen thưởng đột xuất và khen thưởng chuyên đề có điều kiện khác nhau (khen đột xuất cần thành tích được cấp có thẩm quyền ghi nhận), nên phải biết hồ sơ thuộc loại nào.",
            why_en: "Ad hoc and thematic awards have different conditions (an ad hoc award needs recognition by a competent authority), so the kind must be known.",
            basis: "Mục IV.2.c Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (khen thưởng đột xuất, khen thưởng chuyên đề).",
            example: r#"# tệp: ho-so.yaml
phien_ban: 1
phong_trao: covid19-hoa-lu-2021
hinh_thuc: giay_khen_chu_tich_huyen
co_quan_de_nghi: "Ủy ban nhân dân xã Ninh Hải"
"#,
            fix_vi: "Thêm dòng `loai_khen: dot_xuat` hoặc `loai_khen: chuyen_de` đúng với loại khen; với hình thức khác thì xóa dòng `loai_khen`.",
            fix_en: "Add `loai_khen: dot_xuat` or `loai_khen: chuyen_de`; for other forms, remove the `loai_khen` line.",
        },
        Rule::HS013 => RuleDocs {
            what_vi: "Một trường chỉ được ghi một lần ở cùng một chỗ: một lần trong tệp, hoặc một lần cho mỗi người trong danh sách.",
            what_en: "A field may appear only once in the same place: once in the file, or once per entry of a list.",
            why_vi: "Trường ghi hai lần thường do sao chép dòng rồi quên xóa; khi hai giá trị khác nhau thì không biết giá trị nào đúng với văn bản gốc.",
            why_en: "A field written twice usually comes from a copied line; when the values differ nobody knows which matches the original.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: bien-ban.yaml
so_ky_hieu: "09/BB-HĐTĐKT"
ngay: 2021-11-10
hoi_dong: "Hội đồng Thi đua - Khen thưởng xã Ninh Giang"
ngay: 2021-11-12
"#,
            fix_vi: "Giữ lại dòng có giá trị đúng theo văn bản gốc, xóa dòng còn lại.",
            fix_en: "Keep the line that matches the signed original and delete the other.",
        },
        Rule::HS014 => RuleDocs {
            what_vi: "Tệp không được lồng nhau quá 64 tầng, không quá 100 000 phần tử và không quá 1 000 chỗ dùng lại nội dung (dấu * trong tệp).",
            what_en: "A file may not nest deeper than 64 levels, nor hold more than 100,000 nodes or 1,000 aliases (`*`).",
            why_vi: "Hồ sơ thật chỉ có vài tầng và vài trăm dòng; tệp vượt giới hạn là tệp hỏng hoặc tệp cố ý làm treo máy, nên chương trình dừng đọc để máy kiểm tra không bị treo.",
            why_en: "Real dossiers are a few levels deep and a few hundred lines long; a file over the limits is broken or hostile, and reading stops so the checking machine is not tied up.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
# Tệp bị hỏng: một dòng có hàng trăm dấu ngoặc vuông lồng nhau.
danh_sach: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ ... ]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
"#,
            fix_vi: "Soạn lại tệp theo mẫu trong thư mục examples/, không chép dữ liệu từ nguồn không rõ vào hồ sơ.",
            fix_en: "Write the file again from the templates in examples/; do not paste data from unknown sources.",
        },
        Rule::HS015 => RuleDocs {
            what_vi: "Hồ sơ tạo bằng `dossier init` hoặc `dossier add` có những chỗ cần điền, ghi dạng `<<...>>` (cả ở chỗ ghi ngày và số phiếu), và số 00 ghi tạm ở số, ký hiệu văn bản (`00/TTr-UBND`); quy tắc này báo mọi chỗ như vậy còn sót lại.",
            what_en: "Dossiers made with `dossier init` or `dossier add` mark what to fill in as `<<...>>` (dates and vote counts included), and write the number 00 in place of a document's number (`00/TTr-UBND`); this rule reports every such mark left.",
            why_vi: "Hồ sơ gửi đi với chỗ trống như `<<Họ và tên>>` sẽ bị trả lại; chương trình chỉ ra từng chỗ để không sót.",
            why_en: "A dossier sent with gaps like `<<Họ và tên>>` is sent back; the tool points at each one so none is missed.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: "# tệp: to-trinh.yaml\nco_quan: \"<<Tên cơ quan đề nghị>>\"\n",
            fix_vi: "Thay chỗ `<<...>>` bằng nội dung thật, ví dụ `co_quan: \"Ủy ban nhân dân xã Trường Yên\"`.",
            fix_en: "Replace the `<<...>>` with the real text, e.g. `co_quan: \"Ủy ban nhân dân xã Trường Yên\"`.",
        },
        Rule::HS016 => RuleDocs {
            what_vi: "Mỗi bộ quy tắc thủ tục có thời gian áp dụng (`hieu_luc`), theo văn bản pháp luật nó dựa vào; phong trào áp dụng thời gian của thủ tục mà nó dựa trên. Ngày của tờ trình phải nằm trong thời gian đó; nếu không, quy tắc này nêu bộ quy tắc đang áp dụng vào ngày ấy.",
            what_en: "Each procedure rule set has a period (`hieu_luc`) from the law it follows; a campaign takes its procedure's period. The proposal's date must fall in it; if not, this rule names the rule set in force on that date.",
            why_vi: "Hồ sơ phải lập theo văn bản còn hiệu lực vào ngày trình: Nghị định số 91/2017/NĐ-CP hết hiệu lực từ 01/01/2024 (thay bằng Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định số 98/2023/NĐ-CP), Nghị định số 98/2023/NĐ-CP được thay bằng Nghị định số 152/2025/NĐ-CP từ 01/7/2025, khi không còn cấp huyện. Kiểm tra theo văn bản cũ sẽ đòi sai thành phần, sai hình thức và sai nơi nhận.",
            why_en: "A dossier follows the law in force on the day it is proposed: Decree 91/2017 ended on 2024-01-01 (replaced by Law 06/2022 and Decree 98/2023), and Decree 98/2023 by Decree 152/2025 on 2025-07-01, when the district level ceased to exist. Checking against an old text asks for the wrong components, forms and offices.",
            basis: "Luật Thi đua, khen thưởng số 06/2022/QH15 (hiệu lực từ 01/01/2024); Nghị định số 98/2023/NĐ-CP (hiệu lực từ 01/01/2024); Nghị định số 152/2025/NĐ-CP, Điều 59 (hiệu lực từ 01/7/2025, Nghị định số 98/2023/NĐ-CP hết hiệu lực); thời gian áp dụng của từng bộ quy tắc và nguồn của nó: `dossier criteria ID`, docs/legal-sources.md.",
            example: r#"# tệp: ho-so.yaml
# Tờ trình ghi ngày 2026-03-10, nhưng bộ quy tắc là của Nghị định số 91/2017/NĐ-CP.
phien_ban: 1
phong_trao: nd91-dieu55
hinh_thuc: giay_khen
loai_khen: dot_xuat
co_quan_de_nghi: "Ủy ban nhân dân xã Gia Viễn"
"#,
            fix_vi: "Ghi `phong_trao:` là bộ quy tắc đang áp dụng vào ngày của tờ trình (xem `dossier criteria`), ví dụ `nd152-2025-don-gian` cho hồ sơ từ 01/7/2025, rồi chọn lại hình thức cho đúng bộ quy tắc đó; hoặc sửa ngày của tờ trình nếu ghi nhầm.",
            fix_en: "Set `phong_trao:` to the rule set in force on the proposal's date (see `dossier criteria`), e.g. `nd152-2025-don-gian` from 2025-07-01, and pick a form of that rule set; or correct the proposal's date if it is mistyped.",
        },
        Rule::HS017 => RuleDocs {
            what_vi: "Trong YAML, dấu # đứng sau một dấu cách mở đầu lời ghi chú. Nếu giá trị là chữ không đặt trong ngoặc kép mà có dấu # ở giữa (`chuc_vu: Nữ hộ sinh #trưởng nhóm`), phần từ dấu # trở đi bị bỏ và giá trị chỉ còn \"Nữ hộ sinh\". Quy tắc này cảnh báo khi một giá trị chữ có ghi chú theo sau trên cùng dòng.",
            what_en: "In YAML a # after a space starts a comment. In an unquoted text value with a # inside (`chuc_vu: Nữ hộ sinh #trưởng nhóm`), everything from the # on is dropped and the value is just \"Nữ hộ sinh\". This rule warns when a text value is followed by a comment on its line.",
            why_vi: "Phần bị bỏ không hiện ra ở đâu cả: danh mục hồ sơ in \"Nữ hộ sinh\" mà người lập hồ sơ không hay biết.",
            why_en: "The dropped part shows nowhere: the cover list prints \"Nữ hộ sinh\" and the clerk never knows.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: "# tệp: to-trinh.yaml\ndanh_sach:\n  - ma: tran-thi-lan\n    chuc_vu: Nữ hộ sinh #trưởng nhóm\n",
            fix_vi: "Nếu dấu # là một phần của chữ, đặt cả giá trị trong ngoặc kép: `chuc_vu: \"Nữ hộ sinh #trưởng nhóm\"`. Nếu đó là ghi chú, viết ghi chú ở dòng riêng.",
            fix_en: "If the # is part of the text, quote the whole value: `chuc_vu: \"Nữ hộ sinh #trưởng nhóm\"`. If it is a comment, put it on a line of its own.",
        },
        Rule::DS001 => RuleDocs {
            what_vi: "Mỗi tập thể, cá nhân trong danh sách của tờ trình phải có một báo cáo thành tích, là tệp bao-cao/<mã>.yaml với <mã> là trường `ma` trong danh sách.",
            what_en: "Each nominee on the proposal's list must have an achievement report, the file bao-cao/<id>.yaml named by the list's `ma`.",
            why_vi: "Báo cáo thành tích là thành phần bắt buộc của hồ sơ cho từng người được đề nghị; thiếu báo cáo thì không có căn cứ để xét khen người đó.",
            why_en: "The achievement report is a required component for every nominee; without it there is nothing to judge the award on.",
            basis: "Điều 55 Nghị định số 91/2017/NĐ-CP; mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (báo cáo thành tích của tập thể, cá nhân).",
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
            fix_vi: "Thêm tệp bao-cao/hoang-minh-tuan.yaml; nếu đã có báo cáo nhưng tên tệp khác mã thì đổi tên tệp cho trùng với `ma`.",
            fix_en: "Add bao-cao/hoang-minh-tuan.yaml; if the report exists under another name, rename it to match `ma`.",
        },
        Rule::DS002 => RuleDocs {
            what_vi: "Mỗi báo cáo trong thư mục bao-cao/ phải thuộc về một tập thể, cá nhân có trong danh sách của tờ trình: tên tệp trùng với một mã `ma` trong danh sách.",
            what_en: "Each report in bao-cao/ must belong to a nominee on the proposal's list: its file name matches a `ma` on the list.",
            why_vi: "Báo cáo thừa thường là của người đã bị loại khi bình xét nhưng còn sót lại, hoặc tên tệp gõ sai mã; gửi đi như vậy cơ quan thẩm định sẽ hiểu nhầm danh sách đề nghị.",
            why_en: "A stray report is usually left over from someone dropped at the review, or a misspelt file name; it misleads the reviewing office about who is proposed.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tờ trình kèm theo danh sách các tập thể, cá nhân đề nghị khen thưởng).",
            example: r#"# tệp: bao-cao/hoang-minh-tuan.yaml
# Danh sách của tờ trình không có mã hoang-minh-tuan.
ma: hoang-minh-tuan
loai: ca_nhan
ten: "Hoàng Minh Tuấn"
"#,
            fix_vi: "Thêm người này vào danh sách của tờ trình nếu Hội đồng đã bình xét, hoặc bỏ báo cáo ra khỏi hồ sơ; nếu tên tệp gõ sai mã thì sửa tên tệp.",
            fix_en: "Add the nominee to the proposal's list if the council reviewed them, or remove the report; if the file name is misspelt, rename it.",
        },
        Rule::DS003 => RuleDocs {
            what_vi: "Mỗi mã `ma` chỉ được ghi một lần trong danh sách của tờ trình.",
            what_en: "Each `ma` appears only once on the proposal's list.",
            why_vi: "Một người ghi hai lần dễ dẫn tới khen trùng và làm sai số lượng đề nghị khen thưởng.",
            why_en: "A nominee listed twice may be awarded twice, and the count of proposals is wrong.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (danh sách các tập thể, cá nhân đề nghị khen thưởng).",
            example: r#"# tệp: to-trinh.yaml
danh_sach:
  - ma: do-thi-lan
    loai: ca_nhan
    ten: "Đỗ Thị Lan"
  - ma: do-thi-lan
    loai: ca_nhan
    ten: "Đỗ Thị Lan"
"#,
            fix_vi: "Xóa dòng lặp. Nếu là hai người trùng họ tên thì đặt hai mã khác nhau, ví dụ `nguyen-van-hung` và `nguyen-van-hung-2`.",
            fix_en: "Delete the repeated entry. For two people with the same name, give them different ids, e.g. `nguyen-van-hung` and `nguyen-van-hung-2`.",
        },
        Rule::DS004 => RuleDocs {
            what_vi: "Mỗi tập thể, cá nhân trong danh sách của tờ trình phải có kết quả bỏ phiếu trong biên bản họp (phần `ket_qua` của bien-ban.yaml).",
            what_en: "Each nominee on the proposal's list must have a vote result in the minutes (`ket_qua` in bien-ban.yaml).",
            why_vi: "Chỉ những người đã được Hội đồng Thi đua - Khen thưởng bình xét, bỏ phiếu mới được đưa vào tờ trình.",
            why_en: "Only nominees the council has reviewed and voted on may go into the proposal.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (biên bản họp bình xét khen thưởng của Hội đồng Thi đua - Khen thưởng).",
            example: r#"# tệp: to-trinh.yaml
# Phần ket_qua của bien-ban.yaml không có mã hoang-minh-tuan.
danh_sach:
  - ma: hoang-minh-tuan
    loai: ca_nhan
    ten: "Hoàng Minh Tuấn"
"#,
            fix_vi: "Thêm kết quả bỏ phiếu của người này vào `ket_qua` của biên bản, đúng như biên bản gốc; nếu Hội đồng chưa bình xét người này thì bỏ khỏi danh sách.",
            fix_en: "Add this nominee's vote to the minutes' `ket_qua`, as in the signed minutes; if the council did not review them, remove them from the list.",
        },
        Rule::DS005 => RuleDocs {
            what_vi: "Mỗi kết quả bỏ phiếu trong `ket_qua` của biên bản phải là của một tập thể, cá nhân có trong danh sách của tờ trình.",
            what_en: "Each vote result in the minutes' `ket_qua` must be for a nominee on the proposal's list.",
            why_vi: "Kết quả thừa thường do gõ sai mã; khi đó người thật trong danh sách lại bị coi như chưa có kết quả bỏ phiếu.",
            why_en: "An extra result is usually a misspelt id, which also leaves the real nominee without a vote result.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tờ trình kèm danh sách; biên bản họp bình xét).",
            example: r#"# tệp: bien-ban.yaml
# Danh sách của tờ trình ghi mã do-thi-lan.
ket_qua:
  - ma: do-thi-lanh
    tan_thanh: 6
    khong_tan_thanh: 1
"#,
            fix_vi: "Sửa mã cho trùng với mã trong danh sách (chương trình gợi ý mã gần đúng); trong `ket_qua` chỉ ghi kết quả của những người được đề nghị.",
            fix_en: "Correct the id to match the list (the checker suggests the closest one); `ket_qua` holds only the results of the nominees proposed.",
        },
        Rule::DS006 => RuleDocs {
            what_vi: "Họ tên, loại (cá nhân hay tập thể), đơn vị và đối tượng của mỗi người phải giống nhau giữa danh sách của tờ trình và báo cáo thành tích. Chương trình bỏ qua dấu cách thừa và khác biệt về chỗ đặt dấu thanh.",
            what_en: "Each nominee's name, type (individual or collective), unit and kind must be the same on the proposal's list and in the report. Extra spaces and tone-mark placement are ignored.",
            why_vi: "Thông tin lệch nhau khiến cơ quan thẩm định không chắc báo cáo là của người được đề nghị, và quyết định khen thưởng có thể ghi sai tên.",
            why_en: "Mismatched details leave the reviewers unsure the report is the nominee's, and the award decision may carry a wrong name.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tờ trình kèm danh sách; báo cáo thành tích của tập thể, cá nhân).",
            example: r#"# tệp: bao-cao/tran-thi-huyen.yaml
# Danh sách của tờ trình ghi ten: "Trần Thị Huyền".
ma: tran-thi-huyen
loai: ca_nhan
ten: "Trần Thị Huyên"
"#,
            fix_vi: "Đối chiếu với giấy tờ gốc (căn cước, quyết định thành lập) rồi sửa cho hai nơi ghi giống nhau.",
            fix_en: "Check the original papers (identity card, founding decision) and make both places the same.",
        },
        Rule::DS007 => RuleDocs {
            what_vi: "Cùng một tên nhưng nơi này đặt dấu thanh kiểu cũ (Hòa, Thủy), nơi khác kiểu mới (Hoà, Thuỷ).",
            what_en: "The same name written with the old tone-mark placement in one place (Hòa, Thủy) and the new one in another (Hoà, Thuỷ).",
            why_vi: "Hai cách viết đọc như nhau nhưng máy tính coi là hai chữ khác nhau, nên tìm kiếm, sắp xếp và đối chiếu tên dễ sai; hồ sơ nên thống nhất một cách.",
            why_en: "Both read the same, but computers treat them as different words, so searching, sorting and matching names go wrong; a dossier should use one style.",
            basis: "Không có văn bản bắt buộc một kiểu đặt dấu thanh; quy tắc chỉ cảnh báo để cách viết thống nhất trong hồ sơ (Mẫu hồ sơ phiên bản 1, docs/dossier-format.md).",
            example: r#"# tệp: bao-cao/dang-thi-hoa.yaml
# Danh sách của tờ trình ghi ten: "Đặng Thị Hòa".
ma: dang-thi-hoa
loai: ca_nhan
ten: "Đặng Thị Hoà"
"#,
            fix_vi: "Chọn một cách đặt dấu (thường theo giấy tờ tùy thân của người đó) và sửa cho giống nhau trong cả hồ sơ.",
            fix_en: "Pick one style (usually the one on the person's identity papers) and use it across the dossier.",
        },
        Rule::DS008 => RuleDocs {
            what_vi: "Trường `ma` trong báo cáo thành tích phải trùng với tên tệp: tệp bao-cao/do-thi-lan.yaml thì ghi `ma: do-thi-lan`.",
            what_en: "The report's `ma` must match its file name: bao-cao/do-thi-lan.yaml has `ma: do-thi-lan`.",
            why_vi: "Chương trình ghép báo cáo với danh sách theo tên tệp; mã khác tên tệp thường do sao chép báo cáo của người khác rồi quên sửa.",
            why_en: "Reports are matched to the list by file name; a different id usually means a report copied from someone else and not fully edited.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
ma: hoang-minh-tuan
loai: ca_nhan
ten: "Đỗ Thị Lan"
"#,
            fix_vi: "Sửa `ma` hoặc đổi tên tệp cho hai bên giống nhau, theo mã trong danh sách của tờ trình.",
            fix_en: "Correct `ma` or rename the file so they match the id on the proposal's list.",
        },
        Rule::DS009 => RuleDocs {
            what_vi: "Hình thức khen thưởng của hồ sơ phải áp dụng được cho đối tượng của từng người trong danh sách, nếu bộ tiêu chí giới hạn hình thức đó cho một số đối tượng. Bộ tiêu chí covid19-hoa-lu-2021 không giới hạn, nên quy tắc này chỉ có tác dụng với bộ tiêu chí có giới hạn.",
            what_en: "The dossier's award form must go to each listed nominee's kind, when the rule set limits the form to some kinds. The covid19-hoa-lu-2021 rule set sets no such limit.",
            why_vi: "Đề nghị một hình thức không dành cho đối tượng đó thì hồ sơ sẽ bị trả lại.",
            why_en: "Proposing a form that does not go to the nominee's kind gets the dossier sent back.",
            basis: "Mục IV.2.a-d Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (hình thức khen thưởng); giới hạn ghi trong bộ tiêu chí của phong trào.",
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
        },
        Rule::DS010 => RuleDocs {
            what_vi: "Có đối tượng chỉ dành cho tập thể (phòng, ban huyện; Mặt trận và đoàn thể; xã, thị trấn; thôn, xóm) và đối tượng chỉ dành cho cá nhân (người dân); trường `loai` phải hợp với đối tượng.",
            what_en: "Some kinds are for collectives only (district offices, the Front and mass organisations, communes, villages) and one for individuals only (citizens); `loai` must fit the kind.",
            why_vi: "Tiêu chuẩn thi đua được viết riêng cho từng đối tượng; ghi một cá nhân vào đối tượng của tập thể thì bị xét theo tiêu chuẩn không dành cho mình.",
            why_en: "Standards are written per kind; an individual filed under a collective's kind would be judged against standards not meant for them.",
            basis: "Mục IV.3.a-h Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tiêu chuẩn thi đua theo từng đối tượng).",
            example: r#"# tệp: to-trinh.yaml
danh_sach:
  - ma: pham-van-nam
    loai: ca_nhan
    ten: "Phạm Văn Nam"
    don_vi: "Ủy ban nhân dân xã Ninh Xuân"
    doi_tuong: xa_thi_tran
"#,
            fix_vi: "Chọn đối tượng hợp với người được đề nghị (cán bộ xã trực tiếp chống dịch là `tuyen_dau`), hoặc sửa `loai` nếu ghi nhầm.",
            fix_en: "Choose a fitting kind (a commune official on the front line is `tuyen_dau`), or correct `loai` if it is wrong.",
        },
        Rule::DS011 => RuleDocs {
            what_vi: "Mỗi tập thể, cá nhân chỉ có một kết quả bỏ phiếu trong `ket_qua` của biên bản.",
            what_en: "Each nominee has only one vote result in the minutes' `ket_qua`.",
            why_vi: "Hai kết quả cho cùng một người thì không biết kết quả nào đúng với biên bản gốc, và số phiếu có thể bị tính sai.",
            why_en: "With two results for one nominee nobody knows which matches the signed minutes, and the count may be wrong.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (biên bản họp bình xét khen thưởng).",
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
        },
        Rule::NG001 => RuleDocs {
            what_vi: "Mọi ngày phải là ngày có thật, ghi theo thứ tự năm-tháng-ngày: 2021-11-15 là ngày 15 tháng 11 năm 2021.",
            what_en: "Every date must be a real date written year-month-day: 2021-11-15 is 15 November 2021.",
            why_vi: "Ngày không có thật (30/02) hoặc ghi kiểu ngày/tháng/năm thì không so được thứ tự các văn bản, và thường là lỗi gõ cần đối chiếu với văn bản gốc.",
            why_en: "An impossible date (30 February) or one written day/month/year cannot be compared with the others, and is usually a typo to check against the original.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: bao-cao/tran-thi-huyen.yaml
thoi_gian: { tu: 2021-02-30, den: 2021-10-30 }
"#,
            fix_vi: "Ghi lại ngày theo thứ tự năm-tháng-ngày, kiểm tra số ngày của tháng theo văn bản gốc, ví dụ `tu: 2021-02-28`.",
            fix_en: "Write the date year-month-day and check the day against the original, e.g. `tu: 2021-02-28`.",
        },
        Rule::NG002 => RuleDocs {
            what_vi: "Ngày của biên bản họp bình xét (`ngay` trong bien-ban.yaml) không được sau ngày của tờ trình.",
            what_en: "The minutes' date (`ngay` in bien-ban.yaml) must not be after the proposal's date.",
            why_vi: "Tờ trình chỉ được lập sau khi Hội đồng Thi đua - Khen thưởng đã họp bình xét; biên bản đề ngày sau tờ trình là ghi sai ngày hoặc làm sai trình tự.",
            why_en: "The proposal is made only after the council has met; minutes dated later mean a wrong date or a wrong order of steps.",
            basis: "Điều 55 Nghị định số 91/2017/NĐ-CP; mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tờ trình; biên bản họp bình xét khen thưởng).",
            example: r#"# tệp: bien-ban.yaml
# Tờ trình (to-trinh.yaml) ghi ngay: 2021-11-15.
so_ky_hieu: "09/BB-HĐTĐKT"
ngay: 2021-11-20
"#,
            fix_vi: "Kiểm tra ngày trên bản gốc đã ký của biên bản và tờ trình, sửa ngày ghi nhầm; nếu đúng là họp sau thì phải lập lại tờ trình sau cuộc họp.",
            fix_en: "Check both dates against the signed originals and correct the wrong one; if the meeting really came later, the proposal must be made again after it.",
        },
        Rule::NG003 => RuleDocs {
            what_vi: "Ngày xác nhận báo cáo thành tích (`xac_nhan.ngay`) không được sau ngày của tờ trình.",
            what_en: "A report's confirmation date (`xac_nhan.ngay`) must not be after the proposal's date.",
            why_vi: "Báo cáo phải được cơ quan, đơn vị quản lý trực tiếp xác nhận trước khi đưa vào hồ sơ trình; xác nhận sau ngày tờ trình nghĩa là lúc trình, báo cáo chưa được xác nhận.",
            why_en: "The managing agency confirms the report before it goes into the proposal; a later confirmation means the report was unconfirmed when proposed.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (báo cáo được cơ quan, đơn vị, địa phương quản lý trực tiếp xác nhận).",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
# Tờ trình (to-trinh.yaml) ghi ngay: 2021-11-12.
xac_nhan:
  co_quan: "Ủy ban nhân dân xã Ninh Hải"
  nguoi_ky: { ho_ten: "Phạm Quang Trung", chuc_vu: "Chủ tịch" }
  ngay: 2021-11-18
"#,
            fix_vi: "Sửa ngày xác nhận theo bản gốc; nếu báo cáo được xác nhận muộn thật thì lập lại tờ trình với ngày sau ngày xác nhận.",
            fix_en: "Correct the confirmation date from the original; if it really came late, make the proposal again with a later date.",
        },
        Rule::NG004 => RuleDocs {
            what_vi: "Trong thời gian lập thành tích (`thoi_gian`) của báo cáo, ngày bắt đầu (`tu`) không được sau ngày kết thúc (`den`).",
            what_en: "In the report's achievement period (`thoi_gian`), the start (`tu`) must not be after the end (`den`).",
            why_vi: "Thời gian bị ngược thường do gõ nhầm năm hoặc đổi chỗ hai ngày, khiến không đối chiếu được với mốc của phong trào và ngày tờ trình.",
            why_en: "A reversed period is usually a mistyped year or swapped dates, and cannot be compared with the campaign's start or the proposal's date.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (báo cáo ghi rõ hành động, thành tích, công trạng); Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
thoi_gian: { tu: 2021-10-30, den: 2021-10-22 }
"#,
            fix_vi: "Đổi chỗ hai ngày hoặc sửa theo báo cáo gốc: `thoi_gian: { tu: 2021-10-22, den: 2021-10-30 }`.",
            fix_en: "Swap the dates or correct them from the original: `thoi_gian: { tu: 2021-10-22, den: 2021-10-30 }`.",
        },
        Rule::NG005 => RuleDocs {
            what_vi: "Ngày kết thúc thời gian lập thành tích (`thoi_gian.den`) không được sau ngày của tờ trình.",
            what_en: "The end of the achievement period (`thoi_gian.den`) must not be after the proposal's date.",
            why_vi: "Chỉ đề nghị khen thưởng thành tích đã đạt được; thành tích tính đến sau ngày trình thì lúc trình chưa có để đánh giá.",
            why_en: "Only achievements already made can be proposed; a period ending after the proposal counts results that did not yet exist.",
            basis: "Điều 55 Nghị định số 91/2017/NĐ-CP; mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (báo cáo ghi rõ hành động, thành tích, công trạng).",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
# Tờ trình (to-trinh.yaml) ghi ngay: 2021-11-12.
thoi_gian: { tu: 2021-10-22, den: 2021-12-31 }
"#,
            fix_vi: "Ghi ngày kết thúc là ngày thành tích thực tế kết thúc, không muộn hơn ngày tờ trình.",
            fix_en: "Give the day the achievement actually ended, no later than the proposal's date.",
        },
        Rule::NG006 => RuleDocs {
            what_vi: "Ngày bắt đầu thời gian lập thành tích (`thoi_gian.tu`) không được trước mốc tính thành tích của phong trào; với phong trào phòng, chống dịch COVID-19 của huyện Hoa Lư là ngày 23/01/2020.",
            what_en: "The start of the achievement period (`thoi_gian.tu`) must not be before the campaign's start; for the Hoa Lư COVID-19 campaign that is 23 January 2020.",
            why_vi: "Phong trào chỉ khen thành tích phòng, chống dịch COVID-19, tính từ ngày 23/01/2020; thời gian trước mốc đó không thuộc phong trào.",
            why_en: "The campaign rewards the COVID-19 response only, counted from 23 January 2020; earlier work is outside it.",
            basis: "Hướng dẫn số 1248/HD-BTĐKT ngày 26/5/2021 của Ban Thi đua - Khen thưởng Trung ương (thành tích tính từ ngày 23/01/2020), được dẫn chiếu tại mục IV.2.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư; mốc ngày ghi trong bộ tiêu chí.",
            example: r#"# tệp: bao-cao/tran-thi-huyen.yaml
thoi_gian: { tu: 2019-12-01, den: 2021-10-30 }
"#,
            fix_vi: "Chỉ kê thành tích từ ngày 23/01/2020 trở đi: sửa `thoi_gian.tu` và bỏ phần thành tích trước mốc đó.",
            fix_en: "Count only achievements from 23 January 2020: correct `thoi_gian.tu` and drop anything earlier.",
        },
        Rule::NG007 => RuleDocs {
            what_vi: "Không ngày nào trong hồ sơ (ngày văn bản, ngày sinh, thời gian lập thành tích, ngày xác nhận) được sau ngày kiểm tra.",
            what_en: "No date in the dossier (document dates, birth dates, achievement periods, confirmations) may be after the day of the check.",
            why_vi: "Ngày ở tương lai chắc chắn là gõ nhầm, thường là nhầm năm, và làm sai các phép so sánh ngày khác.",
            why_en: "A future date is certainly a typo, usually in the year, and spoils the other date checks.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
# Năm 2021 gõ nhầm thành 2121.
so_ky_hieu: "45/TTr-UBND"
ngay: 2121-11-15
"#,
            fix_vi: "Kiểm tra lại năm, tháng, ngày theo văn bản gốc.",
            fix_en: "Check the year, month and day against the original.",
        },
        Rule::SK001 => RuleDocs {
            what_vi: "Số, ký hiệu của tờ trình, biên bản (và của báo cáo, nếu ghi) phải theo dạng số/chữ viết tắt tên loại văn bản-chữ viết tắt tên cơ quan, không có dấu cách và không có chữ \"Số:\", ví dụ `45/TTr-UBND`. Chương trình không bắt buộc thêm số 0 trước số nhỏ hơn 10.",
            what_en: "The number and symbol of the proposal, the minutes (and a report, if given) must read number/type-body, without spaces or a leading \"Số:\", e.g. `45/TTr-UBND`. A leading zero on numbers under 10 is not required.",
            why_vi: "Số, ký hiệu là thành phần thể thức bắt buộc để vào sổ, tra cứu và dẫn chiếu văn bản; ghi sai dạng thì cơ quan nhận khó vào sổ và đối chiếu.",
            why_en: "The number and symbol are a required part of a document, used to register, find and cite it; a malformed one is hard to register and match.",
            basis: "Nghị định số 30/2020/NĐ-CP về công tác văn thư, Phụ lục I (số, ký hiệu của văn bản).",
            example: r#"# tệp: to-trinh.yaml
so_ky_hieu: "Số: 45 / TTr-UBND"
"#,
            fix_vi: "Chỉ ghi phần số và ký hiệu, bỏ chữ \"Số:\" và các dấu cách: `so_ky_hieu: \"45/TTr-UBND\"`.",
            fix_en: "Write only the number and symbol, without \"Số:\" or spaces: `so_ky_hieu: \"45/TTr-UBND\"`.",
        },
        Rule::SK002 => RuleDocs {
            what_vi: "Chữ viết tắt tên loại văn bản trong ký hiệu phải đúng loại: TTr cho tờ trình, BB cho biên bản, BC cho báo cáo.",
            what_en: "The document-type abbreviation in the symbol must fit the document: TTr for a proposal, BB for minutes, BC for a report.",
            why_vi: "Ký hiệu sai loại thường do sao chép số, ký hiệu của văn bản khác; cơ quan nhận sẽ vào sổ sai loại văn bản hoặc nghi là gửi nhầm văn bản.",
            why_en: "A wrong type usually comes from copying another document's symbol; the receiving office registers it wrongly or suspects the wrong document was sent.",
            basis: "Nghị định số 30/2020/NĐ-CP về công tác văn thư, Phụ lục III (chữ viết tắt tên loại văn bản).",
            example: r#"# tệp: to-trinh.yaml
so_ky_hieu: "45/BC-UBND"
"#,
            fix_vi: "Sửa chữ viết tắt cho đúng loại văn bản: `so_ky_hieu: \"45/TTr-UBND\"`.",
            fix_en: "Use the right abbreviation: `so_ky_hieu: \"45/TTr-UBND\"`.",
        },
        Rule::BB001 => RuleDocs {
            what_vi: "Số thành viên có mặt (`co_mat`) trong biên bản không được lớn hơn tổng số thành viên Hội đồng (`so_thanh_vien`).",
            what_en: "The members present (`co_mat`) in the minutes must not exceed the council's members (`so_thanh_vien`).",
            why_vi: "Số có mặt lớn hơn số thành viên là gõ nhầm một trong hai số; khi đó không xác định được cuộc họp có đủ thành viên và đủ phiếu hay không.",
            why_en: "More present than members means one of the numbers is mistyped, so neither the quorum nor the votes can be checked.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (biên bản họp bình xét khen thưởng của Hội đồng Thi đua - Khen thưởng).",
            example: r#"# tệp: bien-ban.yaml
so_thanh_vien: 7
co_mat: 9
"#,
            fix_vi: "Đối chiếu với biên bản gốc và sửa số bị gõ nhầm.",
            fix_en: "Check the signed minutes and correct the mistyped number.",
        },
        Rule::BB002 => RuleDocs {
            what_vi: "Với mỗi người, số phiếu tán thành cộng số phiếu không tán thành không được nhiều hơn số thành viên có mặt.",
            what_en: "For each nominee, votes in favour plus votes against must not exceed the members present.",
            why_vi: "Mỗi thành viên có mặt chỉ có một phiếu; tổng phiếu nhiều hơn số người có mặt là biên bản ghi sai, kết quả bình xét không dùng được.",
            why_en: "Each member present has one vote; more votes than members means the minutes are wrong and the result cannot be used.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (biên bản họp bình xét khen thưởng của Hội đồng Thi đua - Khen thưởng).",
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
        },
        Rule::BB003 => RuleDocs {
            what_vi: "Cuộc họp bình xét phải có đủ số thành viên Hội đồng tham dự theo ngưỡng của bộ tiêu chí; với phong trào của huyện Hoa Lư là ít nhất hai phần ba tổng số thành viên.",
            what_en: "The review meeting must have the quorum set by the rule set; for the Hoa Lư campaign, at least two thirds of the members.",
            why_vi: "Cuộc họp không đủ số thành viên thì kết quả bình xét không có giá trị, và tờ trình dựa trên biên bản đó sẽ bị trả lại.",
            why_en: "Without a quorum the review is not valid, and a proposal based on it is sent back.",
            basis: "Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (mục IV.4.a chỉ yêu cầu biên bản họp bình xét) và Điều 55 Nghị định số 91/2017/NĐ-CP không quy định số thành viên dự họp; bộ tiêu chí lấy theo quy chế hoạt động thông thường của Hội đồng Thi đua - Khen thưởng (ít nhất 2/3 tổng số thành viên có mặt), có thể điều chỉnh trong bộ tiêu chí theo quy chế của từng Hội đồng.",
            example: r#"# tệp: bien-ban.yaml
so_thanh_vien: 9
co_mat: 5
"#,
            fix_vi: "Họp lại Hội đồng với đủ số thành viên và lập biên bản mới; nếu quy chế của Hội đồng quy định khác thì cơ quan dùng bộ quy tắc riêng ghi ngưỡng đó (xem `dossier criteria`, docs/rule-set-format.md), không sửa bộ quy tắc có sẵn.",
            fix_en: "Hold the meeting again with a quorum and write new minutes; if the council's own regulation differs, the office writes that threshold in a rule set of its own (see `dossier criteria`, docs/rule-set-format.md) rather than editing a built-in one.",
        },
        Rule::BB004 => RuleDocs {
            what_vi: "Mỗi tập thể, cá nhân được đề nghị phải có số phiếu tán thành đạt ngưỡng của bộ tiêu chí; với phong trào của huyện Hoa Lư là trên một nửa số thành viên có mặt.",
            what_en: "Each nominee needs the share of votes in favour set by the rule set; for the Hoa Lư campaign, more than half of the members present.",
            why_vi: "Người không được quá nửa số thành viên có mặt tán thành là chưa được Hội đồng đồng ý đề nghị, nên không được đưa vào tờ trình.",
            why_en: "A nominee without more than half of those present in favour was not approved by the council and may not be proposed.",
            basis: "Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (mục IV.4.a) và Điều 55 Nghị định số 91/2017/NĐ-CP không quy định tỷ lệ tán thành; bộ tiêu chí lấy theo quy chế hoạt động thông thường của Hội đồng Thi đua - Khen thưởng (trên một nửa số thành viên có mặt), có thể điều chỉnh trong bộ tiêu chí theo quy chế của từng Hội đồng.",
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
        },
        Rule::ND001 => RuleDocs {
            what_vi: "Mỗi báo cáo thành tích phải có đủ ba phần, không để trống: hành động (`hanh_dong`), thành tích (`thanh_tich`) và công trạng (`cong_trang`).",
            what_en: "Each achievement report must state, not leave blank, the action (`hanh_dong`), the achievement (`thanh_tich`) and the merit (`cong_trang`).",
            why_vi: "Thủ tục đơn giản yêu cầu báo cáo ghi rõ ba nội dung này; thiếu phần nào thì không đủ căn cứ để xét khen.",
            why_en: "The simplified procedure requires the report to state all three; without one there is no ground for the award.",
            basis: "Điều 55 Nghị định số 91/2017/NĐ-CP; mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (báo cáo \"ghi rõ hành động, thành tích, công trạng\").",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
hanh_dong: |
  Cùng Tổ COVID cộng đồng đưa 312 người dân thôn Văn Lâm đến điểm lấy mẫu xét nghiệm.
thanh_tich: |
  Không hộ gia đình nào trong vùng cách ly thiếu lương thực, thực phẩm.
cong_trang: ""
"#,
            fix_vi: "Viết phần còn thiếu: ghi `cong_trang: |` rồi viết nội dung ở các dòng dưới, mỗi dòng lùi vào hai dấu cách.",
            fix_en: "Write the missing part: `cong_trang: |`, then the text on the lines below, indented two spaces.",
        },
        Rule::ND002 => RuleDocs {
            what_vi: "Mỗi báo cáo thành tích phải có phần xác nhận (`xac_nhan`) ghi đủ cơ quan xác nhận, họ tên người ký và ngày xác nhận.",
            what_en: "Each report needs its confirmation (`xac_nhan`) with the confirming body, the signer's name and the date.",
            why_vi: "Báo cáo phải được cơ quan, đơn vị, địa phương quản lý trực tiếp xác nhận; báo cáo chưa xác nhận thì chưa đủ giá trị để trình.",
            why_en: "The report must be confirmed by the agency that directly manages the nominee; unconfirmed, it cannot be submitted.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (báo cáo \"được cơ quan, đơn vị, địa phương quản lý trực tiếp xác nhận\").",
            example: r#"# tệp: bao-cao/thon-trung-xa-ninh-giang.yaml
# Phần xác nhận thiếu người ký.
xac_nhan:
  co_quan: "Ủy ban nhân dân xã Ninh Giang"
  ngay: 2021-11-08
"#,
            fix_vi: "Ghi phần xác nhận theo báo cáo gốc đã ký: `co_quan`, `nguoi_ky` (họ tên, chức vụ) và `ngay`.",
            fix_en: "Fill in the confirmation from the signed report: `co_quan`, `nguoi_ky` (name, position) and `ngay`.",
        },
        Rule::ND003 => RuleDocs {
            what_vi: "Báo cáo phải nêu từng tiêu chuẩn thi đua bắt buộc của đối tượng trong phần `tieu_chuan`, và tiêu chuẩn đó phải đạt (`true`).",
            what_en: "The report must list each required standard of the nominee's kind under `tieu_chuan`, and each must be met (`true`).",
            why_vi: "Cả khen thưởng đột xuất và khen thưởng chuyên đề đều phải đảm bảo các tiêu chuẩn thi đua của Kế hoạch; chưa đạt hoặc chưa nêu tiêu chuẩn thì chưa đủ điều kiện khen.",
            why_en: "Both ad hoc and thematic awards require the plan's standards; a standard not met or not stated means the nominee is not eligible.",
            basis: "Mục IV.3.a-h Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tiêu chuẩn thi đua theo từng đối tượng); mục IV.2.c (khen thưởng phải đảm bảo các tiêu chuẩn thi đua tại mục 3 phần IV).",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
doi_tuong: tinh_nguyen_vien
tieu_chuan:
  tinh_nguyen_tich_cuc: true
  chap_hanh_phap_luat: true
  khong_bi_phe_binh: false
"#,
            fix_vi: "Nếu người được đề nghị đạt tiêu chuẩn thì ghi `true` và nêu rõ trong báo cáo; nếu không đạt thì bỏ người đó khỏi danh sách đề nghị.",
            fix_en: "If the nominee meets the standard, write `true` and show it in the report; if not, remove them from the list.",
        },
        Rule::ND004 => RuleDocs {
            what_vi: "Mỗi tiêu chuẩn ghi trong phần `tieu_chuan` phải là tiêu chuẩn của đối tượng đó trong bộ tiêu chí.",
            what_en: "Each standard under `tieu_chuan` must be one the nominee's kind has in the rule set.",
            why_vi: "Tiêu chuẩn lạ thường là tên gõ nhầm hoặc tiêu chuẩn của đối tượng khác; khi đó tiêu chuẩn thật vẫn bị coi là chưa nêu.",
            why_en: "An unknown standard is usually a typo or another kind's standard, and the real one is then still missing.",
            basis: "Mục IV.3.a-h Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (tiêu chuẩn thi đua theo từng đối tượng).",
            example: r#"# tệp: bao-cao/do-thi-lan.yaml
doi_tuong: tinh_nguyen_vien
tieu_chuan:
  tinh_nguyen_tich_cuc: true
  chap_hanh_phap_luat: true
  khong_phe_binh: true
"#,
            fix_vi: "Sửa tên tiêu chuẩn theo gợi ý của chương trình (ở ví dụ này là `khong_bi_phe_binh`), hoặc xóa tiêu chuẩn không thuộc đối tượng.",
            fix_en: "Correct the name as suggested (here `khong_bi_phe_binh`), or delete a standard the kind does not have.",
        },
        Rule::ND005 => RuleDocs {
            what_vi: "Với khen thưởng đột xuất (`loai_khen: dot_xuat`), mỗi báo cáo thành tích phải có trường `ghi_nhan` nêu văn bản của cấp có thẩm quyền đã ghi nhận thành tích.",
            what_en: "For an ad hoc award (`loai_khen: dot_xuat`), each report needs `ghi_nhan` naming the document in which a competent authority recognised the achievement.",
            why_vi: "Kế hoạch chỉ khen đột xuất thành tích \"được các cấp có thẩm quyền ghi nhận\"; không nêu văn bản ghi nhận thì không đủ điều kiện khen đột xuất.",
            why_en: "The plan gives ad hoc awards only for achievements recognised by a competent authority; without that recognition the award cannot be ad hoc.",
            basis: "Mục IV.2.c Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư, gạch đầu dòng thứ nhất (khen thưởng đột xuất).",
            example: r#"# tệp: bao-cao/dang-thi-hoa.yaml
# ho-so.yaml ghi loai_khen: dot_xuat; báo cáo không có trường ghi_nhan.
ma: dang-thi-hoa
loai: ca_nhan
ten: "Đặng Thị Hòa"
doi_tuong: tinh_nguyen_vien
"#,
            fix_vi: "Thêm `ghi_nhan:` nêu số, ngày và cơ quan ban hành văn bản ghi nhận, ví dụ \"Công văn số .../UBND-VP ngày ... của Ủy ban nhân dân huyện Hoa Lư về việc biểu dương ...\"; nếu chưa có ghi nhận thì đề nghị khen thưởng chuyên đề khi sơ kết, tổng kết.",
            fix_en: "Add `ghi_nhan:` with the number, date and issuer of the recognising document; without one, propose a thematic award at the next review instead.",
        },
        Rule::VB001 => RuleDocs {
            what_vi: "Chữ tiếng Việt phải ở dạng Unicode dựng sẵn (NFC), mỗi chữ có dấu là một ký tự. Dạng tổ hợp (NFD), thường gặp khi gõ trên máy Mac, tách chữ cái và dấu thành nhiều ký tự.",
            what_en: "Vietnamese text must be precomposed Unicode (NFC), one character per accented letter. Decomposed text (NFD), common from Macs, splits letters and marks into several characters.",
            why_vi: "Hai dạng trông giống hệt nhau nhưng máy tính coi là khác nhau, nên tìm kiếm, sắp xếp và đối chiếu tên giữa các văn bản dễ sai. Chương trình vẫn chuẩn hóa để so sánh, nhưng tệp nên được lưu lại cho đúng.",
            why_en: "Both look the same but computers treat them as different, so searching, sorting and matching names go wrong. The checker normalises for comparison, but the file should be saved properly.",
            basis: "TCVN 6909:2001 (bộ mã ký tự chữ Việt theo Unicode); chương trình lấy dạng dựng sẵn (NFC), dạng thông dụng nhất, làm chuẩn để đối chiếu tên giữa các văn bản.",
            example: r#"# tệp: bao-cao/dang-thi-hoa.yaml
# Họ tên gõ trên máy Mac: trong tệp, chữ "ặ" được lưu thành ba ký tự
# (chữ "a", dấu nặng, dấu trăng) thay vì một ký tự.
ma: dang-thi-hoa
ten: "Đặng Thị Hòa"
"#,
            fix_vi: "Lưu lại tệp ở dạng dựng sẵn, ví dụ chuyển mã bằng Unikey (từ \"Unicode tổ hợp\" sang \"Unicode\"), hoặc gõ lại bằng bộ gõ đặt bảng mã Unicode.",
            fix_en: "Save the file in precomposed form, e.g. convert with Unikey (from \"Unicode tổ hợp\" to \"Unicode\"), or retype it with the Unicode charset.",
        },
        Rule::VB002 => RuleDocs {
            what_vi: "Chữ không được gõ bằng bảng mã cũ TCVN3 (phông .VnTime) hay VNI; chữ gõ bằng các bảng mã này khi mở ở Unicode hiện thành ký tự lạ, như \"NguyÔn Thanh Hµ\" thay cho \"Nguyễn Thanh Hà\".",
            what_en: "Text must not be typed in the legacy TCVN3 (.VnTime fonts) or VNI encodings; read as Unicode it turns into junk, like \"NguyÔn Thanh Hµ\" for \"Nguyễn Thanh Hà\".",
            why_vi: "Chữ lỗi phông không đọc được, in ra sai tên người được khen và không đối chiếu được với các văn bản khác. Chương trình đoán và hiện nghĩa có thể của chữ đó để dễ sửa.",
            why_en: "Garbled text cannot be read, prints the nominee's name wrong, and matches nothing in the other documents. The checker shows its probable meaning to help the fix.",
            basis: "TCVN 6909:2001 (bộ mã ký tự chữ Việt theo Unicode), thay cho các bảng mã cũ như TCVN3, VNI.",
            example: r#"# tệp: bien-ban.yaml
# Họ tên chép từ một biên bản cũ soạn bằng phông .VnTime.
thu_ky: { ho_ten: "NguyÔn Thanh Hµ", chuc_vu: "Thư ký Hội đồng" }
"#,
            fix_vi: "Gõ lại bằng bộ gõ Unikey hoặc EVKey với bảng mã Unicode, hoặc chuyển mã cả đoạn từ TCVN3 (hay VNI) sang Unicode bằng công cụ chuyển mã của Unikey.",
            fix_en: "Retype it with Unikey or EVKey set to Unicode, or convert the text from TCVN3 (or VNI) to Unicode with Unikey's converter.",
        },
        Rule::VB003 => RuleDocs {
            what_vi: "Những chữ in lên danh mục hồ sơ (DANH-MUC.pdf): tên cơ quan, số ký hiệu, địa danh, họ tên, chức vụ, đơn vị của người được đề nghị, tên trong báo cáo, chỉ nên có chữ Việt, chữ Latinh và dấu câu thông thường. Ký tự ngoài đó (chữ Hán, biểu tượng cảm xúc, dấu tích ✓) phông chữ của danh mục không có.",
            what_en: "What the cover list (DANH-MUC.pdf) prints: bodies, numbers and symbols, the place, the nominees' names, positions and units, the reports' names, should hold only Vietnamese and Latin letters and common punctuation. Other characters (Chinese characters, emoji, a check mark) are not in the cover list's font.",
            why_vi: "Danh mục hồ sơ nhúng sẵn phông chữ Tinos rút gọn cho chữ Việt để in giống nhau trên mọi máy; ký tự phông không có sẽ in thành dấu ? trên văn bản gửi đi. Đây là cảnh báo, không chặn việc đóng gói.",
            why_en: "The cover list embeds a Tinos font cut down to Vietnamese so it prints the same everywhere; a character the font lacks prints as ? on the document sent. This is a warning and does not stop packing.",
            basis: "Nghị định số 30/2020/NĐ-CP, Phụ lục I (phông chữ tiếng Việt của bộ mã Unicode theo TCVN 6909:2001).",
            example: "# tệp: to-trinh.yaml\ndanh_sach:\n  - ma: to-covid-thon-dong\n    ten: \"Tổ COVID cộng đồng thôn Đông ✓\"\n",
            fix_vi: "Xóa ký tự dán nhầm (`ten: \"Tổ COVID cộng đồng thôn Đông\"`); nếu là chữ thật của tên, viết bằng chữ Việt hoặc ghi chú cho cơ quan nhận hồ sơ.",
            fix_en: "Delete the pasted character (`ten: \"Tổ COVID cộng đồng thôn Đông\"`); if it is really part of the name, write it in Vietnamese letters or tell the receiving office.",
        },
        Rule::VB004 => RuleDocs {
            what_vi: "Tên trường, mã và nội dung không được chứa ký tự vô hình: dấu cách không độ rộng (U+200B), ký tự nối (U+200C, U+200D, U+2060), dấu BOM giữa văn bản (U+FEFF), dấu gạch nối mềm (U+00AD), dấu định hướng chữ (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) và các ký tự định dạng khác. Chương trình chỉ rõ mã ký tự, dòng và cột.",
            what_en: "Field names, ids and values must hold no invisible characters: zero width space (U+200B), joiners (U+200C, U+200D, U+2060), a byte-order mark inside the text (U+FEFF), soft hyphen (U+00AD), direction marks (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and other format characters. The finding names the character's code, line and column.",
            why_vi: "Ký tự vô hình thường theo chữ được sao chép từ trang web, tệp PDF hay phần mềm nhắn tin. Trên giấy không thấy, nhưng máy coi \"Bùi Văn Thắng\" có ký tự đó khác với \"Bùi Văn Thắng\" không có, nên tên không khớp giữa các văn bản, tên trường không được nhận ra, và việc tra cứu ở cơ quan nhận không tìm thấy. Khi kiểm tra, chương trình bỏ qua ký tự này (chỉ cảnh báo).",
            why_en: "Invisible characters come with text copied from web pages, PDFs or chat programs. Nothing shows on paper, but to a computer the name with one differs from the name without, so names do not match across documents, field names are not recognised, and searches at the receiving office fail. The checks ignore the character (a warning only).",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md): văn bản dùng chữ Unicode theo TCVN 6909:2001.",
            example: "# tệp: to-trinh.yaml\ndanh_sach:\n  - ma: bui-van-thang\n    ten: \"Bùi Văn\u{200b} Thắng\"   # có U+200B sau chữ Văn\n",
            fix_vi: "Chạy `dossier fix` (xem trước bằng `--dry-run`): ký tự vô hình trong tên trường, mã và nội dung được xóa. Hoặc xóa chữ ở cột được chỉ ra rồi gõ lại.",
            fix_en: "Run `dossier fix` (preview with `--dry-run`): invisible characters in field names, ids and values are removed. Or delete the text at the column shown and retype it.",
        },
        Rule::VB005 => RuleDocs {
            what_vi: "Chữ trong hồ sơ phải là chữ Latinh của tiếng Việt; một chữ Kirin (tiếng Nga), Hy Lạp hoặc chữ Latinh toàn khổ trông giống hệt chữ Việt (\"о\" Kirin và \"o\", \"Н\" và \"H\") nằm trong một từ tiếng Việt bị báo, kèm mã ký tự và cột.",
            what_en: "Letters must be the Latin letters of Vietnamese; a Cyrillic, Greek or fullwidth letter that looks exactly like a Latin one (Cyrillic \"о\" and \"o\", \"Н\" and \"H\") inside a Vietnamese word is reported with its code and column.",
            why_vi: "Chữ như vậy thường do bộ gõ để nhầm chế độ hoặc do sao chép từ nơi khác. Hai tên trông giống nhau nhưng máy coi là khác, nên không khớp giữa các văn bản và không tra cứu được. Khi kiểm tra, chương trình đọc chữ đó là chữ Latinh tương ứng (chỉ cảnh báo).",
            why_en: "Such letters come from a keyboard left in another mode or from copied text. Two names look the same but differ to a computer, so they do not match across documents and cannot be searched. The checks read the letter as its Latin twin (a warning only).",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md): văn bản dùng chữ Unicode theo TCVN 6909:2001.",
            example: "# tệp: to-trinh.yaml\ndanh_sach:\n  - ma: pham-van-hoa\n    ten: \"Phạm Văn H\u{43e}\u{300}a\"   # chữ о là chữ Kirin\n",
            fix_vi: "Chạy `dossier fix`, hoặc gõ lại chữ ở cột được chỉ ra bằng bộ gõ tiếng Việt.",
            fix_en: "Run `dossier fix`, or retype the letter at the column shown with a Vietnamese keyboard.",
        },
        Rule::VB006 => RuleDocs {
            what_vi: "Giá trị không được bọc trong dấu ngoặc kép cong kiểu Word (“…”, ‘…’, «…»). YAML chỉ hiểu dấu ngoặc thẳng (\"…\" hoặc '…'); dấu ngoặc cong bị coi là một phần của chữ.",
            what_en: "A value must not be wrapped in a word processor's curly quotes (“…”, ‘…’, «…»). YAML takes only straight quotes (\"…\" or '…') as quotes; curly ones are part of the text.",
            why_vi: "Chữ được dán từ Word thường mang theo dấu ngoặc cong; khi đó danh mục hồ sơ in ra “Trường Yên”, ngày … với cả dấu ngoặc. Khi kiểm tra, chương trình bỏ dấu ngoặc cong (chỉ cảnh báo).",
            why_en: "Text pasted from Word brings its curly quotes; the cover list then prints “Trường Yên”, ngày … quotes and all. The checks drop the curly quotes (a warning only).",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: "# tệp: to-trinh.yaml\ndia_danh: “Trường Yên”\n",
            fix_vi: "Viết `dia_danh: \"Trường Yên\"` (dấu ngoặc thẳng), hoặc chạy `dossier fix`.",
            fix_en: "Write `dia_danh: \"Trường Yên\"` (straight quotes), or run `dossier fix`.",
        },
        Rule::VB007 => RuleDocs {
            what_vi: "Chữ u của \"qu\" và chữ i của \"gi\" (khi sau đó còn nguyên âm) thuộc về phụ âm đầu, nên không mang dấu thanh: viết \"Quý\", \"Giàu\", \"quá\", \"già\", không viết \"Qúy\", \"Gìau\", \"qúa\", \"gìa\". Cách viết sai này sai theo cả kiểu bỏ dấu cũ lẫn kiểu mới.",
            what_en: "The u of \"qu\" and the i of \"gi\" (before another vowel) belong to the initial consonant and carry no tone mark: \"Quý\", \"Giàu\", \"quá\", \"già\", not \"Qúy\", \"Gìau\", \"qúa\", \"gìa\". This is wrong in the old style as in the new.",
            why_vi: "Tên viết sai dấu khác với tên trên giấy tờ gốc và không tra cứu được; nếu một văn bản viết đúng, một văn bản viết sai thì đó không phải khác biệt kiểu bỏ dấu cũ/mới (DS007) mà là lỗi chính tả. Khi kiểm tra, chương trình đọc theo cách viết đúng (chỉ cảnh báo: nếu giấy tờ gốc ghi đúng như vậy thì giữ nguyên).",
            why_en: "A name with the mark misplaced differs from the original papers and cannot be searched; one document right and another wrong is not an old/new style difference (DS007) but a misspelling. The checks read the right spelling (a warning only: keep it if the original papers really write it so).",
            basis: "Quy tắc đặt dấu thanh trong chữ quốc ngữ; Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: "# tệp: to-trinh.yaml\ndanh_sach:\n  - ma: bui-quy-giau\n    ten: \"Bùi Qúy Gìau\"\n",
            fix_vi: "Viết `ten: \"Bùi Quý Giàu\"`, hoặc chạy `dossier fix`, lệnh này sửa theo cách viết đúng ở mọi văn bản.",
            fix_en: "Write `ten: \"Bùi Quý Giàu\"`, or run `dossier fix`, which corrects it toward the right spelling in every document.",
        },
        Rule::DK001 => RuleDocs {
            what_vi: "Mỗi tệp ghi ở trường `dinh_kem` phải có thật trong thư mục hồ sơ, đúng đường dẫn và tên tệp, kể cả đuôi tệp.",
            what_en: "Each file named under `dinh_kem` must exist in the dossier folder, with exactly that path and name, extension included.",
            why_vi: "Bản quét văn bản đã ký là bằng chứng của hồ sơ; không tìm thấy tệp nghĩa là hồ sơ gửi đi sẽ thiếu bản đó.",
            why_en: "The scans of the signed documents are the dossier's evidence; a missing file means the dossier goes out without it.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (thành phần hồ sơ); Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
# Thư mục dinh-kem/ chỉ có tệp to-trinh-45.pdf.
so_ky_hieu: "45/TTr-UBND"
dinh_kem: dinh-kem/to-trinh.pdf
"#,
            fix_vi: "Sửa đường dẫn cho đúng tên tệp thật (ở ví dụ này là `dinh-kem/to-trinh-45.pdf`), hoặc chép bản quét vào thư mục dinh-kem/ của hồ sơ.",
            fix_en: "Correct the path to the real file name (here `dinh-kem/to-trinh-45.pdf`), or copy the scan into the dossier's dinh-kem/ folder.",
        },
        Rule::DK002 => RuleDocs {
            what_vi: "Tệp đính kèm phải nằm trong thư mục hồ sơ và được ghi bằng đường dẫn tính từ thư mục đó, ví dụ `dinh-kem/to-trinh.pdf`; không dùng đường dẫn bắt đầu bằng ổ đĩa (`D:\\`), dấu `/` hoặc có `..`.",
            what_en: "An attachment must be inside the dossier folder and named by a path relative to it, e.g. `dinh-kem/to-trinh.pdf`; no drive letters (`D:\\`), leading `/` or `..`.",
            why_vi: "Khi hồ sơ được chép hoặc gửi sang máy khác, tệp nằm ngoài thư mục hồ sơ không đi theo, nên bên nhận sẽ thiếu tệp.",
            why_en: "When the dossier is copied or sent, files outside its folder stay behind, and the receiver gets a dossier without them.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
dinh_kem: 'D:\Ho so khen thuong\to-trinh.pdf'
"#,
            fix_vi: "Chép tệp vào thư mục dinh-kem/ trong hồ sơ và ghi `dinh_kem: dinh-kem/to-trinh.pdf`.",
            fix_en: "Copy the file into the dossier's dinh-kem/ folder and write `dinh_kem: dinh-kem/to-trinh.pdf`.",
        },
        Rule::DK003 => RuleDocs {
            what_vi: "Tệp đính kèm phải thật sự là tệp PDF, JPEG hoặc PNG; chương trình xem nội dung đầu tệp chứ không chỉ xem đuôi tệp.",
            what_en: "An attachment must really be a PDF, JPEG or PNG file; the checker looks at the file's first bytes, not just its extension.",
            why_vi: "Cơ quan nhận cần bản quét mở được trên mọi máy; tệp Word đổi đuôi thành .pdf vẫn không mở được bằng phần mềm đọc PDF.",
            why_en: "The receiving office needs scans that open anywhere; a Word file renamed to .pdf still does not open in a PDF reader.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
# Tệp dinh-kem/to-trinh.pdf thực ra là tệp Word (.docx) được đổi tên.
dinh_kem: dinh-kem/to-trinh.pdf
"#,
            fix_vi: "Quét văn bản đã ký thành tệp PDF (hoặc ảnh JPEG, PNG) rồi thay tệp cũ.",
            fix_en: "Scan the signed document to PDF (or a JPEG or PNG image) and replace the file.",
        },
        Rule::DK004 => RuleDocs {
            what_vi: "Mỗi tệp trong thư mục hồ sơ, ngoài ho-so.yaml, to-trinh.yaml, bien-ban.yaml và thư mục bao-cao/, phải được một văn bản nhắc tới ở trường `dinh_kem`.",
            what_en: "Every file in the dossier folder, apart from ho-so.yaml, to-trinh.yaml, bien-ban.yaml and bao-cao/, should be named under some document's `dinh_kem`.",
            why_vi: "Tệp không văn bản nào nhắc tới thường là do quên ghi `dinh_kem`, hoặc là tệp không nên gửi đi cùng hồ sơ vì có thông tin cá nhân.",
            why_en: "A file nothing refers to is usually a forgotten `dinh_kem` line, or a file that should not travel with the dossier because it holds personal data.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: r#"# tệp: bao-cao/thon-trung-xa-ninh-giang.yaml
# Thư mục dinh-kem/ có tệp bao-cao-thon-trung.pdf nhưng báo cáo không có trường dinh_kem.
ma: thon-trung-xa-ninh-giang
loai: tap_the
ten: "Thôn Trung, xã Ninh Giang"
"#,
            fix_vi: "Thêm đường dẫn tệp vào `dinh_kem` của văn bản mà tệp đi kèm, hoặc xóa tệp khỏi thư mục hồ sơ nếu không cần gửi.",
            fix_en: "Name the file under `dinh_kem` of the document it belongs to, or delete it from the dossier folder if it should not be sent.",
        },
        Rule::DK005 => RuleDocs {
            what_vi: "Hai tệp trong hồ sơ không được có tên chỉ khác nhau ở chữ hoa, chữ thường (dinh-kem/To-Trinh.pdf và dinh-kem/to-trinh.pdf) hoặc ở dạng Unicode (chữ dựng sẵn NFC và chữ tổ hợp NFD).",
            what_en: "No two files of the dossier may have names that differ only in case (dinh-kem/To-Trinh.pdf and dinh-kem/to-trinh.pdf) or in Unicode form (precomposed NFC and decomposed NFD).",
            why_vi: "Windows và macOS coi hai tên đó là một: khi cơ quan nhận giải nén hồ sơ, tệp này ghi đè tệp kia và một bản quét bị mất mà không ai hay.",
            why_en: "Windows and macOS take the two names as one: when the receiving office extracts the dossier, one file overwrites the other and a scan is lost without anyone noticing.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: "# tệp: to-trinh.yaml\n# Thư mục dinh-kem/ có cả To-Trinh.pdf và to-trinh.pdf.\ndinh_kem: [dinh-kem/To-Trinh.pdf, dinh-kem/to-trinh.pdf]\n",
            fix_vi: "Đổi tên một trong hai tệp cho khác hẳn (ví dụ dinh-kem/to-trinh-ban-sao.pdf) và sửa `dinh_kem` theo, hoặc xóa tệp thừa.",
            fix_en: "Rename one of the two to a clearly different name (e.g. dinh-kem/to-trinh-ban-sao.pdf) and correct `dinh_kem`, or delete the extra file.",
        },
        Rule::DK006 => RuleDocs {
            what_vi: "Tên của mỗi tệp trong hồ sơ (báo cáo, tệp đính kèm) phải gửi đi được: không là tên thiết bị của Windows (con, aux, nul, com1…, kể cả có đuôi như aux.pdf), không kết thúc bằng dấu chấm hay dấu cách, không có dấu hai chấm, dấu ~, mã %2e, ký tự vô hình hay ký tự đảo chiều chữ.",
            what_en: "Every file name of the dossier (reports, attachments) must be able to travel: no Windows device name (con, aux, nul, com1…, even with an extension like aux.pdf), no trailing dot or space, no colon, `~`, `%2e`, invisible or bidirectional characters.",
            why_vi: "Nơi nhận kiểm tra gói bằng `dossier verify` và từ chối tên mà một hệ điều hành sẽ hiểu khác (Windows bỏ dấu chấm cuối, coi aux.pdf là thiết bị): nếu chỉ biết khi đóng gói hay khi nơi nhận trả lại thì mất công làm lại.",
            why_en: "The receiving office checks the bundle with `dossier verify`, which refuses names an operating system would read differently (Windows drops a trailing dot and takes aux.pdf for a device): finding out only at packing, or when the office sends it back, costs a round trip.",
            basis: "Mẫu hồ sơ phiên bản 1 và gói hồ sơ (docs/dossier-format.md); cách `verify` đọc tên tệp (docs/security.md).",
            example: "# tệp: to-trinh.yaml\ndinh_kem: \"dinh-kem/aux.pdf\"\n",
            fix_vi: "Đổi tên tệp, chỉ dùng chữ, số, dấu cách và dấu gạch ngang (ví dụ dinh-kem/to-trinh-ky.pdf), rồi sửa `dinh_kem` theo.",
            fix_en: "Rename the file with letters, digits, spaces and hyphens (e.g. dinh-kem/to-trinh-ky.pdf), and correct `dinh_kem`.",
        },
        Rule::DK007 => RuleDocs {
            what_vi: "Đuôi tên tệp đính kèm (.pdf, .jpg, .jpeg, .png) phải đúng loại nội dung của tệp: ảnh JPEG đổi tên thành to-trinh.pdf bị cảnh báo.",
            what_en: "An attachment's extension (.pdf, .jpg, .jpeg, .png) must match its content: a JPEG image renamed to-trinh.pdf is warned about.",
            why_vi: "Máy của cơ quan nhận mở tệp theo đuôi tên: tệp ảnh mang đuôi .pdf không mở được bằng phần mềm đọc PDF, người nhận tưởng tệp hỏng.",
            why_en: "The receiving office's computer opens a file by its extension: an image named .pdf does not open in a PDF reader, and looks broken.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            example: "# tệp: to-trinh.yaml\n# dinh-kem/to-trinh.pdf thực ra là ảnh chụp JPEG được đổi tên.\ndinh_kem: dinh-kem/to-trinh.pdf\n",
            fix_vi: "Đổi đuôi tệp cho đúng (dinh-kem/to-trinh.jpg) và sửa `dinh_kem` theo, hoặc chuyển ảnh thành PDF.",
            fix_en: "Give the file the right extension (dinh-kem/to-trinh.jpg) and correct `dinh_kem`, or convert the image to PDF.",
        },
        Rule::TC001 => RuleDocs {
            what_vi: "Tệp bộ tiêu chí của phong trào (trong thư mục criteria/, hoặc tệp mà trường `phong_trao` trỏ tới) phải đúng định dạng bộ tiêu chí; lỗi được báo tại tệp bộ tiêu chí, không phải tại hồ sơ.",
            what_en: "The campaign's rule-set file (in criteria/, or the file `phong_trao` points to) must follow the rule-set format; the finding points into the rule-set file, not the dossier.",
            why_vi: "Mọi kiểm tra về hình thức, đối tượng, tiêu chuẩn, mốc ngày và ngưỡng biểu quyết đều dựa vào bộ tiêu chí; bộ tiêu chí lỗi thì không kiểm tra được hồ sơ theo nó.",
            why_en: "Every check of forms, kinds, standards, dates and vote thresholds relies on the rule set; a broken rule set cannot be checked against.",
            basis: "Định dạng bộ tiêu chí (docs/rule-set-format.md); nội dung bộ tiêu chí covid19-hoa-lu-2021 lấy từ mục IV Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư.",
            example: r#"# tệp: tieu-chi-ninh-giang.yaml (bộ tiêu chí riêng, được ho-so.yaml trỏ tới ở trường phong_trao)
phien_ban: 1
id: thi-dua-ninh-giang-2021
bieu_quyet:
  co_mat: { tu_so: 2, mau_so: 0, so_sanh: it_nhat }
"#,
            fix_vi: "Sửa tệp bộ tiêu chí theo docs/rule-set-format.md (ở ví dụ này: tỷ lệ phải có mẫu số lớn hơn 0, như `mau_so: 3`); nếu không tự sửa được, báo cho người quản lý bộ tiêu chí.",
            fix_en: "Fix the rule-set file following docs/rule-set-format.md (here a share needs a denominator above 0, e.g. `mau_so: 3`); otherwise tell whoever maintains the rule set.",
        },
        Rule::GO001 => RuleDocs {
            what_vi: "Tên mỗi tệp trong gói hồ sơ (.zip) phải là đường dẫn tương đối an toàn: không bắt đầu bằng `/` hay ổ đĩa, không có `..`, không dùng dấu `\\`, không có ký tự điều khiển.",
            what_en: "Every entry name in the bundle (.zip) must be a safe relative path: no leading `/` or drive letter, no `..`, no backslash, no control characters.",
            why_vi: "Tên như `../../Windows/...` có thể ghi đè tệp ngoài thư mục khi giải nén; gói do dossier pack tạo ra không bao giờ có tên như vậy, nên đó là dấu hiệu gói bị sửa hoặc giả mạo.",
            why_en: "A name like `../../Windows/...` can overwrite files outside the folder on extraction; `dossier pack` never writes such names, so one means the bundle was altered or forged.",
            basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\").",
            example: "# tệp: gói .zip có mục tên \"../to-trinh.yaml\" hoặc \"C:\\\\to-trinh.yaml\"\n",
            fix_vi: "Không giải nén gói này; đề nghị nơi gửi đóng gói lại bằng `dossier pack`.",
            fix_en: "Do not extract this bundle; ask the sender to pack it again with `dossier pack`.",
        },
        Rule::GO002 => RuleDocs {
            what_vi: "Trong gói hồ sơ, mỗi tên tệp chỉ được có một lần.",
            what_en: "Each entry name appears once in the bundle.",
            why_vi: "Hai tệp trùng tên thì phần mềm giải nén chỉ lấy một, và không biết bản nào là bản được kiểm tra.",
            why_en: "With two entries of one name an extractor keeps only one, and nobody knows which one was checked.",
            basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\").",
            example: "# tệp: gói .zip có hai mục cùng tên \"to-trinh.yaml\"\n",
            fix_vi: "Đề nghị nơi gửi đóng gói lại bằng `dossier pack`.",
            fix_en: "Ask the sender to pack it again with `dossier pack`.",
        },
        Rule::GO003 => RuleDocs {
            what_vi: "Gói hồ sơ phải có bảng kê SHA256SUMS đúng dạng: mỗi tệp một dòng `# size <số byte> <tên tệp>` và một dòng `<mã SHA-256>  <tên tệp>`.",
            what_en: "The bundle must hold a well-formed SHA256SUMS manifest: for each file a `# size <bytes> <name>` line and a `<SHA-256>  <name>` line.",
            why_vi: "Bảng kê là căn cứ để cơ quan nhận chứng minh hồ sơ không bị thay đổi hay thiếu tệp trên đường gửi.",
            why_en: "The manifest is how the receiving office proves nothing changed or went missing in transit.",
            basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\").",
            example: "# tệp: SHA256SUMS\n# size 812 to-trinh.yaml\nkhông-phải-mã-băm  to-trinh.yaml\n",
            fix_vi: "Đề nghị nơi gửi đóng gói lại bằng `dossier pack`.",
            fix_en: "Ask the sender to pack it again with `dossier pack`.",
        },
        Rule::GO004 => RuleDocs {
            what_vi: "Mỗi tệp ghi trong bảng kê SHA256SUMS phải có trong gói.",
            what_en: "Every file the SHA256SUMS manifest lists must be in the bundle.",
            why_vi: "Tệp có trong bảng kê mà không có trong gói là tệp bị mất trên đường gửi.",
            why_en: "A listed file that is not there was lost in transit.",
            basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\").",
            example: "# tệp: SHA256SUMS ghi bao-cao/nguyen-thi-hang.yaml, nhưng gói không có tệp đó\n",
            fix_vi: "Đề nghị bên gửi chuyển lại gói đầy đủ.",
            fix_en: "Ask the sender for the complete bundle.",
        },
        Rule::GO005 => RuleDocs {
            what_vi: "Kích thước và mã SHA-256 của mỗi tệp trong gói phải đúng như bảng kê.",
            what_en: "Each file's size and SHA-256 must match the manifest.",
            why_vi: "Sai một byte là tệp đã bị sửa hoặc hỏng sau khi đóng gói: nội dung nhận được không phải nội dung đã được kiểm tra.",
            why_en: "One byte off means the file was changed or damaged after packing: what arrived is not what was checked.",
            basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\").",
            example: "# tệp: to-trinh.yaml trong gói có mã SHA-256 khác với dòng của nó trong SHA256SUMS\n",
            fix_vi: "Đề nghị bên gửi chuyển lại gói gốc; không dùng bản đã bị sửa.",
            fix_en: "Ask the sender for the original bundle; do not use the altered one.",
        },
        Rule::GO006 => RuleDocs {
            what_vi: "Mỗi tệp trong gói (trừ chính SHA256SUMS) phải có trong bảng kê.",
            what_en: "Every file of the bundle (other than SHA256SUMS itself) must be in the manifest.",
            why_vi: "Tệp thêm vào sau khi đóng gói không được kiểm tra và có thể mang nội dung không mong muốn.",
            why_en: "A file added after packing was never checked and may carry anything.",
            basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\").",
            example: "# tệp: gói có dinh-kem/them.pdf nhưng SHA256SUMS không ghi tệp này\n",
            fix_vi: "Đề nghị nơi gửi đóng gói lại bằng `dossier pack`.",
            fix_en: "Ask the sender to pack it again with `dossier pack`.",
        },
        Rule::GO007 => RuleDocs {
            what_vi: "Danh mục hồ sơ DANH-MUC.pdf trong gói phải trùng từng byte với danh mục lập lại từ hồ sơ trong gói.",
            what_en: "DANH-MUC.pdf must be byte-identical to the cover list regenerated from the bundled dossier.",
            why_vi: "Danh mục là bản in để lưu và trình ký; nếu không khớp hồ sơ thì bản in nói một đằng, hồ sơ một nẻo.",
            why_en: "The cover list is what gets printed and filed; if it does not match the dossier, the paper says one thing and the files another.",
            basis: "Thể thức văn bản theo Nghị định số 30/2020/NĐ-CP; gói hồ sơ theo docs/dossier-format.md.",
            example: "# tệp: DANH-MUC.pdf được thay bằng một tệp PDF khác\n",
            fix_vi: "Đề nghị nơi gửi đóng gói lại bằng `dossier pack` (cùng phiên bản chương trình).",
            fix_en: "Ask the sender to pack it again with `dossier pack` (the same program version).",
        },
        Rule::GO008 => RuleDocs {
            what_vi: "Tệp trong gói có kích thước khai báo hoặc kích thước thật quá lớn, hoặc tỷ lệ nén bất thường (bom nén), bị từ chối mà không giải nén.",
            what_en: "An entry whose declared or real size is absurd, or whose compression ratio is (a zip bomb), is refused without being inflated.",
            why_vi: "Một tệp vài kilobyte có thể bung ra hàng chục gigabyte, làm treo máy của cơ quan nhận.",
            why_en: "A few kilobytes can inflate to tens of gigabytes and bring down the receiving office's machine.",
            basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\").",
            example: "# tệp: gói có mục khai báo 10 GB nhưng chỉ nén còn 10 KB\n",
            fix_vi: "Không giải nén gói này; đề nghị nơi gửi đóng gói lại bằng `dossier pack`.",
            fix_en: "Do not extract this bundle; ask the sender to pack it again with `dossier pack`.",
        },
        Rule::GO009 => RuleDocs {
            what_vi: "Tệp zip phải có đúng cấu trúc mà dossier pack tạo ra: một thư mục trung tâm kết thúc ngay tại bản ghi kết thúc, phần đầu cục bộ của mỗi tệp trùng với bản ghi trung tâm, các tệp nối tiếp nhau không chồng lấn, không có byte lạ, không mã hóa, chỉ lưu nguyên hoặc nén deflate, chỉ tệp thường và thư mục (không liên kết tượng trưng, thiết bị, quyền setuid hay quyền ghi cho mọi người).",
            what_en: "The zip must be laid out as dossier pack writes it: one central directory ending right at the end record, each local header equal to its central record, entries one after another without overlap, no unexplained bytes, no encryption, only stored or deflated data, only regular files and folders (no symbolic links, devices, setuid or world-writable permissions).",
            why_vi: "Các phần mềm giải nén (unzip, 7-Zip, bsdtar, Windows, macOS) đọc tệp zip theo những cách khác nhau; ở một tệp zip có cấu trúc lạ, tệp được kiểm tra có thể không phải tệp được giải nén ra đĩa. Gói do dossier pack tạo ra không bao giờ như vậy.",
            why_en: "Extractors (unzip, 7-Zip, bsdtar, Windows, macOS) read a zip in different ways; in an oddly laid out zip, what was checked may not be what lands on disk. dossier pack never writes such a zip.",
            basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\"); docs/security.md.",
            example: "# tệp: gói .zip có hai thư mục trung tâm, hoặc mục \"README.md\" là một liên kết tượng trưng\n",
            fix_vi: "Không giải nén gói này; đề nghị nơi gửi đóng gói lại bằng `dossier pack`.",
            fix_en: "Do not extract this bundle; ask the sender to pack it again with `dossier pack`.",
        },
        Rule::GO010 => RuleDocs {
            what_vi: "Hồ sơ trong gói ghi `phong_trao` là đường dẫn tới một tệp bộ quy tắc gửi kèm: `verify` kiểm tra hồ sơ theo bộ quy tắc đó và báo điều này để cơ quan nhận biết.",
            what_en: "The bundled dossier's `phong_trao` names a rule-set file carried in the bundle: `verify` checks the dossier against it, and says so for the receiving office to know.",
            why_vi: "Bộ quy tắc do nơi gửi soạn có thể hạ mọi ngưỡng (ví dụ số thành viên dự họp), nên \"hồ sơ không có lỗi\" theo bộ quy tắc đó chưa chắc đúng theo quy định mà cơ quan nhận áp dụng.",
            why_en: "A rule set written by the sender may lower every threshold (the council's quorum, say), so \"no errors\" under it may not hold under the rules the receiving office applies.",
            basis: "Định dạng bộ quy tắc (docs/rule-set-format.md); docs/security.md.",
            example: "# tệp: ho-so.yaml (trong gói)\nphong_trao: quy-tac.yaml\n",
            fix_vi: "Đọc tệp bộ quy tắc gửi kèm, hoặc kiểm tra lại theo bộ quy tắc của cơ quan: `dossier verify --criteria <tệp hoặc thư mục> GOI.zip`.",
            fix_en: "Read the carried rule set, or verify against the office's own: `dossier verify --criteria <file or folder> BUNDLE.zip`.",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    /// Rules whose example shows input that is meant not to parse.
    const BROKEN: &[Rule] = &[
        Rule::HS002,
        Rule::HS011,
        Rule::HS013,
        Rule::HS014,
        Rule::GO003,
    ];

    fn texts(d: &RuleDocs) -> [(&'static str, &'static str); 8] {
        [
            ("what_vi", d.what_vi),
            ("what_en", d.what_en),
            ("why_vi", d.why_vi),
            ("why_en", d.why_en),
            ("basis", d.basis),
            ("example", d.example),
            ("fix_vi", d.fix_vi),
            ("fix_en", d.fix_en),
        ]
    }

    #[test]
    fn every_rule_has_complete_docs() {
        for &r in Rule::ALL {
            let id = r.info().id;
            let d = docs(r);
            for (field, text) in texts(&d) {
                assert!(!text.trim().is_empty(), "{id}: empty {field}");
                assert!(is_nfc(text), "{id}: {field} is not NFC");
            }
            assert!(
                d.example.starts_with("# tệp: "),
                "{id}: the example must start with `# tệp: <file>`"
            );
        }
    }

    #[test]
    fn examples_parse_unless_they_show_broken_input() {
        for &r in Rule::ALL {
            let id = r.info().id;
            if BROKEN.contains(&r) {
                continue;
            }
            let parsed = crate::yaml::tree::parse(docs(r).example);
            assert!(
                parsed.problems.is_empty(),
                "{id}: the example does not parse: {:?}",
                parsed.problems
            );
        }
    }

    #[test]
    fn broken_examples_are_really_broken() {
        for r in [Rule::HS002, Rule::HS013] {
            let parsed = crate::yaml::tree::parse(docs(r).example);
            assert!(
                !parsed.problems.is_empty(),
                "{}: the example should not parse",
                r.info().id
            );
        }
    }

    #[test]
    fn bases_cite_only_known_sources() {
        // Every basis names at least one of the sources the rules rest on.
        let known = [
            "Nghị định số 91/2017/NĐ-CP",
            "Luật Thi đua, khen thưởng số 06/2022/QH15",
            "Nghị định số 98/2023/NĐ-CP",
            "Nghị định số 152/2025/NĐ-CP",
            "docs/legal-sources.md",
            "Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư",
            "Nghị định số 30/2020/NĐ-CP",
            "Hướng dẫn số 1248/HD-BTĐKT",
            "TCVN 6909:2001",
            "docs/dossier-format.md",
            "docs/rule-set-format.md",
        ];
        for &r in Rule::ALL {
            let b = docs(r).basis;
            assert!(
                known.iter().any(|k| b.contains(k)),
                "{}: basis cites no known source: {b}",
                r.info().id
            );
        }
    }
}
