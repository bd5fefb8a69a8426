//! The explanation of the rules of family `SK`: numbers and symbols of documents (SK). One file per family
//! (`super::super::family::Family::Symbols`), so a rule id leads here by its prefix.

use super::RuleDocs;

pub(super) const SK001: RuleDocs = RuleDocs {
            what_vi: "Số, ký hiệu của tờ trình, biên bản (và của báo cáo, nếu ghi) phải theo dạng số/chữ viết tắt tên loại văn bản-chữ viết tắt tên cơ quan, không có dấu cách và không có chữ \"Số:\", ví dụ \"45/TTr-UBND\". Chương trình không bắt buộc thêm số 0 trước số nhỏ hơn 10.",
            what_en: "The number and symbol of the proposal, the minutes (and a report, if given) must read number/type-body, without spaces or a leading \"Số:\", e.g. \"45/TTr-UBND\". A leading zero on numbers under 10 is not required.",
            why_vi: "Số, ký hiệu là thành phần thể thức bắt buộc để vào sổ, tra cứu và dẫn chiếu văn bản; ghi sai dạng thì cơ quan nhận khó vào sổ và đối chiếu.",
            why_en: "The number and symbol are a required part of a document, used to register, find and cite it; a malformed one is hard to register and match.",
            basis: "Nghị định số 30/2020/NĐ-CP về công tác văn thư, Phụ lục I (số, ký hiệu của văn bản).",
            basis_en: "Decree 30/2020/NĐ-CP on clerical work, Appendix I (numbers and symbols of documents).",
            example: r#"# tệp: to-trinh.yaml
so_ky_hieu: "Số: 45 / TTr-UBND"
"#,
            fix_vi: "Chỉ ghi phần số và ký hiệu, bỏ chữ \"Số:\" và các dấu cách: so_ky_hieu: \"45/TTr-UBND\".",
            fix_en: "Write only the number and symbol, without \"Số:\" or spaces: so_ky_hieu: \"45/TTr-UBND\".",
        };

pub(super) const SK002: RuleDocs = RuleDocs {
            what_vi: "Chữ viết tắt tên loại văn bản trong ký hiệu phải đúng loại: TTr cho tờ trình, BB cho biên bản, BC cho báo cáo.",
            what_en: "The document-type abbreviation in the symbol must fit the document: TTr for a proposal, BB for minutes, BC for a report.",
            why_vi: "Ký hiệu sai loại thường do sao chép số, ký hiệu của văn bản khác; cơ quan nhận sẽ vào sổ sai loại văn bản hoặc nghi là gửi nhầm văn bản.",
            why_en: "A wrong type usually comes from copying another document's symbol; the receiving office registers it wrongly or suspects the wrong document was sent.",
            basis: "Nghị định số 30/2020/NĐ-CP về công tác văn thư, Phụ lục III (chữ viết tắt tên loại văn bản).",
            basis_en: "Decree 30/2020/NĐ-CP on clerical work, Appendix III (abbreviations of the kinds of document).",
            example: r#"# tệp: to-trinh.yaml
so_ky_hieu: "45/BC-UBND"
"#,
            fix_vi: "Sửa chữ viết tắt cho đúng loại văn bản: so_ky_hieu: \"45/TTr-UBND\".",
            fix_en: "Use the right abbreviation: so_ky_hieu: \"45/TTr-UBND\".",
        };
