//! The explanation of every rule, shown by `dossier explain`: what the rule checks, why it
//! matters and on what legal basis, a failing example and how to fix it, in Vietnamese and
//! English. Kept apart from the registry so the table stays readable, and from the checks so
//! the long texts do not bury the code: one file per rule family, named as in `super::family`.
//! The match in [`docs`] has no wildcard, so a new rule does not compile without its docs, and
//! a test checks that they are complete.

mod attachments;
mod bundle;
mod content;
mod dates;
mod nominees;
mod rule_set;
mod structure;
mod symbols;
mod text;
mod votes;

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
    /// Legal basis, in English: the documents named in English, their numbers as issued.
    pub basis_en: &'static str,
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

    /// The legal basis.
    #[must_use]
    pub fn basis(&self) -> Msg {
        Msg::new(self.basis, self.basis_en)
    }

    /// The failing example as shown: the YAML as a clerk writes it (its values are the
    /// dossier's own Vietnamese), with its comments, which explain it, in the reader's language.
    #[must_use]
    pub fn example(&self) -> Msg {
        let en = self
            .example
            .lines()
            .map(|l| {
                let mut l = l.to_owned();
                for (vi, en) in EXAMPLE_NOTES {
                    if l.contains(vi) {
                        l = l.replace(vi, en);
                    }
                }
                match l.strip_prefix("# tệp: ") {
                    Some(file) => format!("# file: {file}\n"),
                    None => format!("{l}\n"),
                }
            })
            .collect::<String>();
        Msg::new(self.example, en)
    }
}

/// The comments of the examples in English (a test checks that none is missing), and the one
/// value that is a description rather than data: each a part of a line, replaced where met.
const EXAMPLE_NOTES: &[(&str, &str)] = &[
    (
        "# Bộ quy tắc nd152-2025-don-gian; ngày sau 01/10/2026.",
        "# Rule set nd152-2025-don-gian; a date after 2026-10-01.",
    ),
    (
        "# Không có dòng kinh_gui.",
        "# No kinh_gui line.",
    ),
    (
        "# Không có dòng dinh_kem: gói không kèm bản quét tờ trình đã ký.",
        "# No dinh_kem line: the bundle carries no scan of the signed proposal.",
    ),
    (
        "# có U+200B sau chữ Văn",
        "# a U+200B after the word \"Văn\"",
    ),
    (
        "# chữ о là chữ Kirin",
        "# this о is a Cyrillic letter",
    ),
    (
        "# tệp: DANH-MUC.pdf được thay bằng một tệp PDF khác",
        "# file: DANH-MUC.pdf replaced by another PDF",
    ),
    (
        "# tệp: gói .zip có hai mục cùng tên \"to-trinh.yaml\"",
        "# file: a .zip bundle with two entries named \"to-trinh.yaml\"",
    ),
    (
        "# tệp: gói .zip có hai thư mục trung tâm, hoặc mục \"README.md\" là một liên kết tượng trưng",
        "# file: a .zip bundle with two central directories, or an entry \"README.md\" that is a symbolic link",
    ),
    (
        "# tệp: gói .zip có mục tên \"../to-trinh.yaml\" hoặc \"C:\\\\to-trinh.yaml\"",
        "# file: a .zip bundle with an entry named \"../to-trinh.yaml\" or \"C:\\\\to-trinh.yaml\"",
    ),
    (
        "# tệp: gói có mục khai báo 10 GB nhưng chỉ nén còn 10 KB",
        "# file: a bundle with an entry declared as 10 GB, compressed to 10 KB",
    ),
    (
        "# tệp: dinh-kem là liên kết tới /home/van-thu/Tai-lieu/ban-quet, không phải thư mục thật",
        "# file: dinh-kem is a link to /home/van-thu/Tai-lieu/ban-quet, not a real folder",
    ),
    (
        "# tệp: ho-so.yaml (trong gói)",
        "# file: ho-so.yaml (in the bundle)",
    ),
    (
        "# tệp: to-trinh.yaml trong gói có mã SHA-256 khác với dòng của nó trong SHA256SUMS",
        "# file: to-trinh.yaml in the bundle, whose SHA-256 differs from its line in SHA256SUMS",
    ),
    (
        "# tệp: tieu-chi-ninh-giang.yaml (bộ tiêu chí riêng, được ho-so.yaml trỏ tới ở trường phong_trao)",
        "# file: tieu-chi-ninh-giang.yaml (the office's own rule set, which ho-so.yaml names in phong_trao)",
    ),
    (
        "# tệp: SHA256SUMS ghi bao-cao/nguyen-thi-hang.yaml, nhưng gói không có tệp đó",
        "# file: SHA256SUMS lists bao-cao/nguyen-thi-hang.yaml, but the bundle has no such file",
    ),
    (
        "# tệp: gói có dinh-kem/them.pdf nhưng SHA256SUMS không ghi tệp này",
        "# file: the bundle holds dinh-kem/them.pdf, but SHA256SUMS does not list it",
    ),
    (
        "không-phải-mã-băm",
        "not-a-hash",
    ),
    (
        "# Thư mục hồ sơ có ho-so.yaml, to-trinh.yaml và bao-cao/, nhưng không có bien-ban.yaml.",
        "# The dossier folder has ho-so.yaml, to-trinh.yaml and bao-cao/, but no bien-ban.yaml.",
    ),
    (
        "# Dòng dưới thiếu dấu ngoặc kép đóng ở cuối.",
        "# The line below lacks its closing quote.",
    ),
    (
        "# Thiếu trường ngay (ngày của tờ trình).",
        "# The field ngay (the proposal's date) is missing.",
    ),
    (
        "# Tệp được lưu trong Notepad với Encoding là \"Unicode\" (UTF-16):",
        "# The file was saved in Notepad with Encoding \"Unicode\" (UTF-16):",
    ),
    (
        "# hai byte đầu là FF FE, sau mỗi chữ cái là một byte 00:",
        "# its first two bytes are FF FE, and a 00 byte follows each letter:",
    ),
    (
        "# Tệp bị hỏng: một dòng có hàng trăm dấu ngoặc vuông lồng nhau.",
        "# A damaged file: one line holds hundreds of nested square brackets.",
    ),
    (
        "# Tờ trình ghi ngày 2026-03-10, nhưng bộ quy tắc là của Nghị định số 91/2017/NĐ-CP.",
        "# The proposal is dated 2026-03-10, but the rule set is that of Decree 91/2017/NĐ-CP.",
    ),
    (
        "# Thư mục bao-cao/ chỉ có do-thi-lan.yaml, không có hoang-minh-tuan.yaml.",
        "# The bao-cao/ folder holds only do-thi-lan.yaml, no hoang-minh-tuan.yaml.",
    ),
    (
        "# Danh sách của tờ trình không có mã hoang-minh-tuan.",
        "# The proposal's list has no id hoang-minh-tuan.",
    ),
    (
        "# Phần ket_qua của bien-ban.yaml không có mã hoang-minh-tuan.",
        "# The ket_qua part of bien-ban.yaml has no id hoang-minh-tuan.",
    ),
    (
        "# Danh sách của tờ trình ghi mã do-thi-lan.",
        "# The proposal's list has the id do-thi-lan.",
    ),
    (
        "# Danh sách của tờ trình ghi ten: \"Trần Thị Huyền\".",
        "# The proposal's list has ten: \"Trần Thị Huyền\".",
    ),
    (
        "# Danh sách của tờ trình ghi ten: \"Đặng Thị Hòa\".",
        "# The proposal's list has ten: \"Đặng Thị Hòa\".",
    ),
    (
        "# Bộ tiêu chí riêng của đơn vị chỉ cho hình thức ghi ở ho-so.yaml",
        "# The office's own rule set grants the form named in ho-so.yaml",
    ),
    (
        "# dành cho đối tượng tuyen_dau và tinh_nguyen_vien.",
        "# only to the kinds tuyen_dau and tinh_nguyen_vien.",
    ),
    (
        "# Tờ trình (to-trinh.yaml) ghi ngay: 2021-11-15.",
        "# The proposal (to-trinh.yaml) has ngay: 2021-11-15.",
    ),
    (
        "# Tờ trình (to-trinh.yaml) ghi ngay: 2021-11-12.",
        "# The proposal (to-trinh.yaml) has ngay: 2021-11-12.",
    ),
    (
        "# Năm 2021 gõ nhầm thành 2121.",
        "# The year 2021 mistyped as 2121.",
    ),
    (
        "# Phần xác nhận thiếu người ký.",
        "# The confirmation has no signer.",
    ),
    (
        "# ho-so.yaml ghi loai_khen: dot_xuat; báo cáo không có trường ghi_nhan.",
        "# ho-so.yaml has loai_khen: dot_xuat; the report has no field ghi_nhan.",
    ),
    (
        "# Họ tên gõ trên máy Mac: trong tệp, chữ \"ặ\" được lưu thành ba ký tự",
        "# A name typed on a Mac: in the file, the letter \"ặ\" is stored as three characters",
    ),
    (
        "# (chữ \"a\", dấu nặng, dấu trăng) thay vì một ký tự.",
        "# (\"a\", the dot below, the breve) instead of one.",
    ),
    (
        "# Họ tên chép từ một biên bản cũ soạn bằng phông .VnTime.",
        "# A name copied from old minutes typed in the .VnTime font.",
    ),
    (
        "# Thư mục dinh-kem/ chỉ có tệp to-trinh-45.pdf.",
        "# The dinh-kem/ folder holds only to-trinh-45.pdf.",
    ),
    (
        "# Tệp dinh-kem/to-trinh.pdf thực ra là tệp Word (.docx) được đổi tên.",
        "# dinh-kem/to-trinh.pdf is in fact a Word file (.docx), renamed.",
    ),
    (
        "# Thư mục dinh-kem/ có tệp bao-cao-thon-trung.pdf nhưng báo cáo không có trường dinh_kem.",
        "# The dinh-kem/ folder holds bao-cao-thon-trung.pdf, but the report has no field dinh_kem.",
    ),
    (
        "# Thư mục dinh-kem/ có cả To-Trinh.pdf và to-trinh.pdf.",
        "# The dinh-kem/ folder holds both To-Trinh.pdf and to-trinh.pdf.",
    ),
    (
        "# dinh-kem/to-trinh.pdf thực ra là ảnh chụp JPEG được đổi tên.",
        "# dinh-kem/to-trinh.pdf is in fact a JPEG photo, renamed.",
    ),
];

/// The explanation of a rule.
#[must_use]
pub fn docs(rule: Rule) -> RuleDocs {
    match rule {
        Rule::HS001 => structure::HS001,
        Rule::HS002 => structure::HS002,
        Rule::HS003 => structure::HS003,
        Rule::HS004 => structure::HS004,
        Rule::HS005 => structure::HS005,
        Rule::HS006 => structure::HS006,
        Rule::HS007 => structure::HS007,
        Rule::HS008 => structure::HS008,
        Rule::HS009 => structure::HS009,
        Rule::HS010 => structure::HS010,
        Rule::HS011 => structure::HS011,
        Rule::HS012 => structure::HS012,
        Rule::HS013 => structure::HS013,
        Rule::HS014 => structure::HS014,
        Rule::HS015 => structure::HS015,
        Rule::HS016 => structure::HS016,
        Rule::HS017 => structure::HS017,
        Rule::HS018 => structure::HS018,
        Rule::HS019 => structure::HS019,
        Rule::HS020 => structure::HS020,
        Rule::HS021 => structure::HS021,
        Rule::HS022 => structure::HS022,
        Rule::HS023 => structure::HS023,
        Rule::DS001 => nominees::DS001,
        Rule::DS002 => nominees::DS002,
        Rule::DS003 => nominees::DS003,
        Rule::DS004 => nominees::DS004,
        Rule::DS005 => nominees::DS005,
        Rule::DS006 => nominees::DS006,
        Rule::DS007 => nominees::DS007,
        Rule::DS008 => nominees::DS008,
        Rule::DS009 => nominees::DS009,
        Rule::DS010 => nominees::DS010,
        Rule::DS011 => nominees::DS011,
        Rule::DS012 => nominees::DS012,
        Rule::NG001 => dates::NG001,
        Rule::NG002 => dates::NG002,
        Rule::NG003 => dates::NG003,
        Rule::NG004 => dates::NG004,
        Rule::NG005 => dates::NG005,
        Rule::NG006 => dates::NG006,
        Rule::NG007 => dates::NG007,
        Rule::NG008 => dates::NG008,
        Rule::SK001 => symbols::SK001,
        Rule::SK002 => symbols::SK002,
        Rule::BB001 => votes::BB001,
        Rule::BB002 => votes::BB002,
        Rule::BB003 => votes::BB003,
        Rule::BB004 => votes::BB004,
        Rule::ND001 => content::ND001,
        Rule::ND002 => content::ND002,
        Rule::ND003 => content::ND003,
        Rule::ND004 => content::ND004,
        Rule::ND005 => content::ND005,
        Rule::VB001 => text::VB001,
        Rule::VB002 => text::VB002,
        Rule::VB003 => text::VB003,
        Rule::VB004 => text::VB004,
        Rule::VB005 => text::VB005,
        Rule::VB006 => text::VB006,
        Rule::VB007 => text::VB007,
        Rule::VB008 => text::VB008,
        Rule::DK001 => attachments::DK001,
        Rule::DK002 => attachments::DK002,
        Rule::DK003 => attachments::DK003,
        Rule::DK004 => attachments::DK004,
        Rule::DK005 => attachments::DK005,
        Rule::DK006 => attachments::DK006,
        Rule::DK007 => attachments::DK007,
        Rule::DK008 => attachments::DK008,
        Rule::TC001 => rule_set::TC001,
        Rule::GO001 => bundle::GO001,
        Rule::GO002 => bundle::GO002,
        Rule::GO003 => bundle::GO003,
        Rule::GO004 => bundle::GO004,
        Rule::GO005 => bundle::GO005,
        Rule::GO006 => bundle::GO006,
        Rule::GO007 => bundle::GO007,
        Rule::GO008 => bundle::GO008,
        Rule::GO009 => bundle::GO009,
        Rule::GO010 => bundle::GO010,
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

    fn texts(d: &RuleDocs) -> [(&'static str, &'static str); 9] {
        [
            ("what_vi", d.what_vi),
            ("what_en", d.what_en),
            ("why_vi", d.why_vi),
            ("why_en", d.why_en),
            ("basis", d.basis),
            ("basis_en", d.basis_en),
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

    /// Letters of Vietnamese that English has not, outside quotes and the document symbols and
    /// place names English keeps as issued (`NĐ-CP`, `HD-BTĐKT`, Hoa Lư).
    fn vietnamese_words(t: &str) -> Option<String> {
        let mut t = t.to_owned();
        for keep in ["NĐ-CP", "BTĐKT", "Hoa Lư"] {
            t = t.replace(keep, "");
        }
        let mut out = String::new();
        let mut quoted = false;
        for c in t.chars() {
            if c == '"' {
                quoted = !quoted;
            } else if !quoted {
                out.push(c);
            }
        }
        out.chars()
            .any(|c| {
                "ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
                    .contains(c.to_lowercase().next().unwrap_or(c))
            })
            .then_some(out)
    }

    /// Backquotes are programmer notation: a clerk reads names in quotation marks and commands
    /// as words ("lệnh dossier pack"), in either language, in `explain` and in SARIF alike,
    /// which shows these texts as they are (#11).
    #[test]
    fn no_text_has_backquotes() {
        for &r in Rule::ALL {
            let id = r.info().id;
            for (field, text) in texts(&docs(r)) {
                assert!(!text.contains('`'), "{id}: {field} has a backquote: {text}");
            }
        }
    }

    /// What a rule checks, why and how to fix it read in English under `--lang en`: Vietnamese
    /// is only quoted (the dossier's own values) or a name kept as issued.
    #[test]
    fn english_texts_have_no_vietnamese_sentence() {
        for &r in Rule::ALL {
            let id = r.info().id;
            let d = docs(r);
            for (field, text) in [
                ("what_en", d.what_en),
                ("why_en", d.why_en),
                ("fix_en", d.fix_en),
            ] {
                assert!(vietnamese_words(text).is_none(), "{id}: {field}: {text}");
            }
        }
    }

    /// `--lang en explain` reads in English (#11): the basis and the examples' comments are
    /// translated, not left in Vietnamese; the examples' values stay the dossier's own.
    #[test]
    fn english_basis_and_example_comments_have_no_vietnamese_sentence() {
        for &r in Rule::ALL {
            let id = r.info().id;
            let d = docs(r);
            assert!(
                vietnamese_words(d.basis_en).is_none(),
                "{id}: basis_en: {}",
                d.basis_en
            );
            for line in d.example().en.lines() {
                // A comment is "# " at the start or after a space; "#trưởng nhóm" in HS017's
                // example is the value the clerk typed, the very mistake shown.
                let comment = match line.find("# ") {
                    Some(i) if i == 0 || line[..i].ends_with(' ') => &line[i..],
                    _ => continue,
                };
                assert!(
                    vietnamese_words(comment).is_none(),
                    "{id}: example comment not in English: {line}"
                );
            }
        }
    }
}
