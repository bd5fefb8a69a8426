//! The explanation of the rules of family `TC`: the rule set itself (TC). One file per family
//! (`super::super::family::Family::RuleSet`), so a rule id leads here by its prefix.

use super::RuleDocs;

pub(super) const TC001: RuleDocs = RuleDocs {
            what_vi: "Tệp bộ tiêu chí của phong trào (trong thư mục criteria/, hoặc tệp mà trường \"phong_trao\" trỏ tới) phải đúng định dạng bộ tiêu chí; lỗi trong tệp được báo tại chỗ sai trong tệp bộ tiêu chí; tệp không đọc được như văn bản (bản quét, tệp lưu bằng bảng mã khác) được báo tại dòng phong_trao của ho-so.yaml.",
            what_en: "The campaign's rule-set file (in criteria/, or the file \"phong_trao\" points to) must follow the rule-set format; a mistake in the file is reported where it is in the rule-set file; a file that cannot be read as text (a scan, a file saved in another encoding) is reported at the \"phong_trao\" line of ho-so.yaml.",
            why_vi: "Mọi kiểm tra về hình thức, đối tượng, tiêu chuẩn, mốc ngày và ngưỡng biểu quyết đều dựa vào bộ tiêu chí; bộ tiêu chí lỗi thì không kiểm tra được hồ sơ theo nó.",
            why_en: "Every check of forms, kinds, standards, dates and vote thresholds relies on the rule set; a broken rule set cannot be checked against.",
            basis: "Định dạng bộ tiêu chí (docs/rule-set-format.md); nội dung bộ tiêu chí covid19-hoa-lu-2021 lấy từ mục IV Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư.",
            basis_en: "Rule-set format (docs/rule-set-format.md); the content of rule set covid19-hoa-lu-2021 is taken from section IV of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign.",
            example: r#"# tệp: tieu-chi-ninh-giang.yaml (bộ tiêu chí riêng, được ho-so.yaml trỏ tới ở trường phong_trao)
phien_ban: 1
id: thi-dua-ninh-giang-2021
bieu_quyet:
  co_mat: { tu_so: 2, mau_so: 0, so_sanh: it_nhat }
"#,
            fix_vi: "Sửa tệp bộ tiêu chí theo docs/rule-set-format.md (ở ví dụ này: tỷ lệ phải có mẫu số lớn hơn 0, như \"mau_so: 3\"); nếu không tự sửa được, báo cho người quản lý bộ tiêu chí.",
            fix_en: "Fix the rule-set file following docs/rule-set-format.md (here a share needs a denominator above 0, e.g. \"mau_so: 3\"); otherwise tell whoever maintains the rule set.",
        };
