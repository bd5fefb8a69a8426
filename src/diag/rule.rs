//! The closed list of rules: stable ids, names, default severities, one-line titles.
//!
//! Ids are never reused or renumbered: district offices pin them in their configuration and
//! count them in CI. The family prefix says what a rule looks at: HS structure of the dossier
//! (hồ sơ), DS the list of nominees (danh sách) across documents, NG dates (ngày), SK number and
//! symbol (số, ký hiệu), BB the council's vote (biên bản), ND content of the reports (nội dung),
//! VB text encoding (văn bản), DK attachments (đính kèm), TC the rule set (tiêu chí) itself,
//! GO the submission bundle (gói) as the receiving office gets it.
//! It lives at the bottom, beside `Finding`, as plain data about ids (#20): the reader and the
//! office settings name ids without reaching up into the checks. The long explanation of each
//! rule lives in `crate::rules::docs`.

use serde::Serialize;

use crate::diag::Severity;

/// A rule's fixed facts.
#[derive(Debug)]
pub struct RuleInfo {
    /// Stable id, e.g. `NG002`.
    pub id: &'static str,
    /// Kebab-case name of the problem, e.g. `minutes-after-proposal`.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// One line, Vietnamese.
    pub title_vi: &'static str,
    /// One line, English.
    pub title_en: &'static str,
}

macro_rules! rules {
    ($($variant:ident $name:literal $sev:ident $vi:literal $en:literal;)*) => {
        /// Every rule the checker has.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule { $(#[doc = $en] $variant,)* }

        const TABLE: &[RuleInfo] = &[$(RuleInfo {
            id: stringify!($variant),
            name: $name,
            severity: Severity::$sev,
            title_vi: $vi,
            title_en: $en,
        },)*];

        impl Rule {
            /// All rules, in id order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];
        }

        impl Rule {
            /// Rules about a received bundle (GO…), run by `verify` only.
            #[must_use]
            pub fn is_bundle_rule(self) -> bool {
                self.family() == super::Family::Bundle
            }

            /// Whether the rule says the dossier could not be read whole (a component missing, a
            /// file that does not parse or cannot be read, a field written twice, a version or
            /// rule set the checker does not know): what is checked then is not the dossier,
            /// so no office setting may lower it and let `pack` or `draft` go on.
            #[must_use]
            pub fn is_reading_rule(self) -> bool {
                matches!(
                    self,
                    Rule::HS001
                        | Rule::HS002
                        | Rule::HS007
                        | Rule::HS008
                        | Rule::HS011
                        | Rule::HS013
                        | Rule::HS014
                )
            }
        }
    };
}

rules! {
    HS001 "missing-component" Error "Thiếu thành phần hồ sơ bắt buộc" "A required component of the dossier is missing";
    HS002 "invalid-yaml" Error "Tệp YAML sai cú pháp" "The YAML file does not parse";
    HS003 "unknown-field" Error "Trường không có trong mẫu hồ sơ" "A field the format does not have";
    HS004 "missing-field" Error "Thiếu trường bắt buộc" "A required field is missing";
    HS005 "wrong-type" Error "Giá trị sai kiểu" "A value of the wrong type";
    HS006 "invalid-value" Error "Giá trị không thuộc danh mục cho phép" "A value outside its allowed set";
    HS007 "unsupported-version" Error "Phiên bản mẫu hồ sơ không được hỗ trợ" "Unsupported format version";
    HS008 "unknown-campaign" Error "Không có phong trào thi đua này" "Unknown campaign (rule set)";
    HS009 "unknown-award-form" Error "Hình thức khen thưởng không có trong phong trào" "Award form not in the rule set";
    HS010 "unknown-nominee-kind" Error "Đối tượng khen thưởng không có trong phong trào" "Kind of nominee not in the rule set";
    HS011 "unreadable-file" Error "Không đọc được tệp" "The file cannot be read as text";
    HS012 "award-kind-mismatch" Error "Loại khen thưởng không hợp với hình thức" "Award kind does not fit the award form";
    HS013 "duplicate-key" Error "Một trường được ghi hai lần" "The same field twice in one place";
    HS014 "yaml-too-complex" Error "Tệp YAML lồng quá sâu hoặc quá lớn" "The YAML is nested too deep or too large";
    HS015 "placeholder-left" Error "Còn chỗ chưa điền trong mẫu" "A template placeholder is left unfilled";
    HS016 "rule-set-not-in-force" Error "Bộ quy tắc không áp dụng vào ngày của tờ trình" "The rule set does not apply on the proposal's date";
    HS017 "comment-cuts-value" Warning "Dấu # cắt ngang giá trị không đặt trong ngoặc kép" "A # cuts an unquoted value short";
    HS018 "field-for-individuals-only" Error "Trường chỉ dành cho cá nhân được ghi cho tập thể hoặc hộ gia đình" "A field for individuals only, on a collective or household";
    HS019 "position-unit-twice" Warning "Chức vụ, đơn vị ghi cả gộp lẫn tách riêng, hai cách ghi không khớp" "Position and unit written together and apart, and the two disagree";
    HS020 "link-out-of-dossier" Error "Liên kết trỏ ra ngoài thư mục hồ sơ" "A link leads out of the dossier folder";
    HS021 "signature-authority" Warning "Thẩm quyền ký ghi chưa đúng thể thức" "A signer's authority is not written as Decree 30 writes it";
    HS022 "addressee-line-missing" Warning "Tờ trình không có dòng \"Kính gửi\"; nơi nhận nêu ở câu kết" "The proposal has no \"Kính gửi\" line; its closing sentence names the addressee";
    HS023 "law-change-not-read" Warning "Tờ trình ghi ngày từ khi có văn bản mới mà bộ quy tắc chưa đối chiếu" "The proposal is dated after a change of the law the rule set has not read";
    DS001 "nominee-without-report" Error "Người được đề nghị chưa có báo cáo thành tích" "A listed nominee has no achievement report";
    DS002 "report-not-listed" Error "Báo cáo của người không có trong danh sách đề nghị" "A report for someone not on the list";
    DS003 "duplicate-nominee" Error "Một người được ghi hai lần trong danh sách" "A nominee listed twice";
    DS004 "nominee-without-vote" Error "Người được đề nghị chưa có kết quả bỏ phiếu" "A listed nominee has no vote result";
    DS005 "vote-not-listed" Error "Kết quả bỏ phiếu của người không có trong danh sách" "A vote result for someone not on the list";
    DS006 "nominee-details-mismatch" Error "Thông tin người được đề nghị không khớp giữa các văn bản" "Nominee details differ between documents";
    DS007 "tone-placement-differs" Warning "Cùng một tên nhưng đặt dấu thanh khác nhau" "The same name with different tone-mark placement";
    DS008 "report-id-mismatch" Error "Mã trong báo cáo khác tên tệp" "The report's id differs from its file name";
    DS009 "award-form-not-for-nominee-kind" Error "Hình thức khen thưởng không áp dụng cho đối tượng này" "The award form does not go to this kind of nominee";
    DS010 "nominee-type-not-allowed" Error "Đối tượng chỉ dành cho tập thể hoặc chỉ dành cho cá nhân" "This kind is for collectives only or individuals only";
    DS011 "duplicate-vote" Error "Một người có hai kết quả bỏ phiếu" "Two vote results for one nominee";
    DS012 "empty-list" Error "Danh sách đề nghị khen thưởng không có ai" "The list of nominees names nobody";
    NG001 "invalid-date" Error "Ngày không có thật hoặc sai định dạng" "Not a real date, or not YYYY-MM-DD";
    NG002 "minutes-after-proposal" Error "Biên bản họp lập sau tờ trình" "The minutes are dated after the proposal";
    NG003 "confirmation-after-proposal" Error "Báo cáo được xác nhận sau ngày tờ trình" "A report is confirmed after the proposal";
    NG004 "period-reversed" Error "Thời gian lập thành tích bị ngược" "The achievement period ends before it starts";
    NG005 "period-ends-after-proposal" Error "Thời gian lập thành tích kết thúc sau ngày tờ trình" "The achievement period ends after the proposal";
    NG006 "period-before-campaign" Error "Thời gian lập thành tích bắt đầu trước mốc của phong trào" "The achievement period starts before the campaign's start";
    NG007 "date-in-future" Error "Ngày ở tương lai" "A date in the future";
    NG008 "born-after-proposal" Error "Ngày sinh hoặc năm sinh sau ngày của tờ trình" "A birth date or year after the proposal's date";
    SK001 "malformed-symbol" Error "Số, ký hiệu văn bản sai thể thức" "The number and symbol are malformed";
    SK002 "wrong-symbol-type" Error "Ký hiệu loại văn bản không đúng" "Wrong document type in the symbol";
    BB001 "present-exceeds-members" Error "Số có mặt lớn hơn số thành viên Hội đồng" "More members present than the council has";
    BB002 "votes-exceed-present" Error "Số phiếu lớn hơn số có mặt" "More votes than members present";
    BB003 "quorum-not-met" Error "Cuộc họp không đủ số thành viên tham dự" "The meeting had no quorum";
    BB004 "approval-not-reached" Error "Không đủ số phiếu tán thành" "Not enough votes in favour";
    ND001 "empty-content" Error "Báo cáo thiếu hành động, thành tích hoặc công trạng" "The report lacks its action, achievement or merit";
    ND002 "unconfirmed-report" Error "Báo cáo chưa được xác nhận" "The report is not confirmed";
    ND003 "standard-not-met" Error "Chưa đạt hoặc chưa nêu tiêu chuẩn thi đua" "A standard is not met or not stated";
    ND004 "unknown-standard" Warning "Tiêu chuẩn không thuộc đối tượng này" "A standard this kind of nominee does not have";
    ND005 "recognition-missing" Error "Khen thưởng đột xuất thiếu căn cứ ghi nhận" "An ad hoc award without its recognition";
    VB001 "text-not-nfc" Warning "Chữ chưa ở dạng Unicode dựng sẵn (NFC)" "Text not in Unicode NFC";
    VB002 "legacy-encoding" Error "Chữ gõ bằng bảng mã cũ (TCVN3, VNI, Windows-1258)" "Text typed in a legacy encoding (TCVN3, VNI, Windows-1258)";
    VB003 "unprintable-character" Warning "Ký tự không in được trong danh mục hồ sơ hay bản soạn PDF" "A character the cover list or the PDF drafts cannot print";
    VB004 "invisible-character" Warning "Ký tự vô hình trong chữ" "An invisible character in the text";
    VB005 "lookalike-letter" Warning "Chữ của bảng chữ cái khác trông giống chữ Việt" "A letter of another script that looks Latin";
    VB006 "curly-quotes" Warning "Giá trị nằm trong dấu ngoặc kép cong của Word" "A value wrapped in curly quotes";
    VB007 "tone-mark-on-glide" Warning "Dấu thanh đặt trên chữ u của qu hoặc chữ i của gi" "A tone mark on the u of qu or the i of gi";
    VB008 "place-not-named" Warning "Hình thức khen thưởng ghi chung \"cấp xã\", \"cấp tỉnh\" mà hồ sơ không nêu tên đơn vị đó" "The award form says \"cấp xã\" or \"cấp tỉnh\" and the dossier names no such unit";
    DK001 "attachment-missing" Error "Không tìm thấy tệp đính kèm" "The attachment does not exist";
    DK002 "attachment-outside-dossier" Error "Tệp đính kèm nằm ngoài thư mục hồ sơ" "The attachment is outside the dossier folder";
    DK003 "attachment-not-document" Error "Tệp đính kèm không phải PDF, JPEG hay PNG" "The attachment is not a PDF, JPEG or PNG";
    DK004 "unreferenced-file" Warning "Tệp trong hồ sơ không được văn bản nào nhắc tới" "A file in the dossier that nothing refers to";
    DK005 "file-names-collide" Error "Hai tệp chỉ khác nhau chữ hoa, chữ thường hoặc dạng Unicode" "Two file names differ only in case or Unicode form";
    DK006 "file-name-cannot-travel" Error "Tên tệp không gửi đi được (nơi nhận sẽ từ chối gói)" "A file name that cannot travel (the receiving office would refuse the bundle)";
    DK007 "extension-mismatch" Warning "Đuôi tên tệp đính kèm khác loại nội dung" "The attachment's extension does not match its content";
    DK008 "no-signed-scan" Warning "Gói hồ sơ không kèm bản quét tờ trình đã ký" "The bundle carries no scan of the signed proposal";
    TC001 "invalid-rule-set" Error "Bộ tiêu chí của phong trào bị lỗi" "The rule set itself is malformed";
    GO001 "unsafe-entry-name" Error "Tên tệp trong gói không an toàn" "An entry name in the bundle is unsafe";
    GO002 "duplicate-entry" Error "Gói có hai tệp trùng tên" "Two entries of the bundle have the same name";
    GO003 "manifest-unusable" Error "Gói thiếu bảng kê SHA256SUMS hoặc bảng kê sai dạng" "The bundle's manifest is missing or malformed";
    GO004 "entry-missing" Error "Tệp có trong bảng kê nhưng không có trong gói" "A file of the manifest is not in the bundle";
    GO005 "entry-changed" Error "Tệp trong gói khác với bảng kê" "A file differs from the manifest";
    GO006 "entry-not-in-manifest" Error "Tệp trong gói không có trong bảng kê" "A file of the bundle is not in the manifest";
    GO007 "cover-list-mismatch" Error "Danh mục hồ sơ không khớp với hồ sơ trong gói" "The cover list does not match the bundled dossier";
    GO008 "entry-too-large" Error "Tệp trong gói có kích thước bất thường (nghi bom nén)" "An entry's size is absurd (a zip bomb?)";
    GO009 "archive-not-as-packed" Error "Tệp zip có cấu trúc mà dossier pack không tạo ra (phần mềm giải nén có thể đọc khác)" "The zip is not laid out as dossier pack writes it (extractors could read it differently)";
    GO010 "bundled-rule-set" Warning "Hồ sơ được kiểm tra theo bộ quy tắc gửi kèm trong gói" "The dossier is checked against a rule set it carries itself";
}

impl Rule {
    /// The rule's fixed facts.
    #[must_use]
    pub fn info(self) -> &'static RuleInfo {
        // The table is built from the same list as the enum, in the same order.
        &TABLE[self as usize]
    }

    /// Rules said where a bundle is made and received (`pack`, `verify`), not by `check`: a
    /// dossier is checked before it is signed too (DK008, `rules::scans`).
    #[must_use]
    pub fn is_pack_rule(self) -> bool {
        matches!(self, Rule::DK008)
    }

    /// Find a rule by id (`NG002`, case-insensitive) or name (`minutes-after-proposal`).
    #[must_use]
    pub fn find(key: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| {
            let i = r.info();
            i.id.eq_ignore_ascii_case(key) || i.name == key
        })
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.info().id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_and_names_are_unique_and_well_formed() {
        let mut ids = HashSet::new();
        let mut names = HashSet::new();
        for r in Rule::ALL {
            let i = r.info();
            assert!(ids.insert(i.id), "duplicate id {}", i.id);
            assert!(names.insert(i.name), "duplicate name {}", i.name);
            assert_eq!(Rule::find(i.id), Some(*r));
            assert!(i
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()));
            for bad in ["avoid-", "use-", "prefer-"] {
                assert!(!i.name.starts_with(bad), "{} names the fix", i.name);
            }
        }
    }

    #[test]
    fn table_order_matches_the_enum() {
        for (n, r) in Rule::ALL.iter().enumerate() {
            assert_eq!(*r as usize, n);
        }
    }
}
