//! The explanation of the rules of family `GO`: the submission bundle, as `verify` reads it (GO). One file per family
//! (`super::super::family::Family::Bundle`), so a rule id leads here by its prefix.

use super::RuleDocs;

pub(super) const GO001: RuleDocs = RuleDocs {
            what_vi: "Tên mỗi tệp trong gói hồ sơ (.zip) phải là đường dẫn tương đối an toàn: không bắt đầu bằng dấu gạch chéo / hay tên ổ đĩa, không có hai dấu chấm liền nhau (..) để đi lên thư mục cha, không dùng dấu gạch chéo ngược \\, không có ký tự điều khiển.",
            what_en: "Every entry name in the bundle (.zip) must be a safe relative path: no leading slash (/) or drive letter, no two dots (..) going up to the parent folder, no backslash, no control characters.",
            why_vi: "Tên như \"../../Windows/...\" có thể ghi đè tệp ngoài thư mục khi giải nén; gói do dossier pack tạo ra không bao giờ có tên như vậy, nên đó là dấu hiệu gói bị sửa hoặc giả mạo.",
            why_en: "A name like \"../../Windows/...\" can overwrite files outside the folder on extraction; dossier pack never writes such names, so one means the bundle was altered or forged.",
            basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\").",
            basis_en: "The bundle of dossier format version 1 (docs/dossier-format.md, section \"The bundle\").",
            example: "# tệp: gói .zip có mục tên \"../to-trinh.yaml\" hoặc \"C:\\\\to-trinh.yaml\"\n",
            fix_vi: "Không giải nén gói này; đề nghị nơi gửi đóng gói lại bằng lệnh dossier pack.",
            fix_en: "Do not extract this bundle; ask the sender to pack it again with dossier pack.",
        };

pub(super) const GO002: RuleDocs = RuleDocs {
            what_vi: "Trong gói hồ sơ, mỗi tên tệp chỉ được có một lần.",
            what_en: "Each entry name appears once in the bundle.",
            why_vi: "Hai tệp trùng tên thì phần mềm giải nén chỉ lấy một, và không biết bản nào là bản được kiểm tra.",
            why_en: "With two entries of one name an extractor keeps only one, and nobody knows which one was checked.",
            basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\").",
            basis_en: "The bundle of dossier format version 1 (docs/dossier-format.md, section \"The bundle\").",
            example: "# tệp: gói .zip có hai mục cùng tên \"to-trinh.yaml\"\n",
            fix_vi: "Đề nghị nơi gửi đóng gói lại bằng lệnh dossier pack.",
            fix_en: "Ask the sender to pack it again with dossier pack.",
        };

pub(super) const GO003: RuleDocs = RuleDocs {
            what_vi: "Gói hồ sơ phải có bảng kê SHA256SUMS đúng dạng: mỗi tệp có một dòng ghi kích thước (# size, số byte, tên tệp) và một dòng ghi mã SHA-256 rồi tên tệp.",
            what_en: "The bundle must hold a well-formed SHA256SUMS manifest: for each file a line giving its size (# size, the bytes, the name) and a line giving its SHA-256 then its name.",
            why_vi: "Bảng kê là căn cứ để cơ quan nhận chứng minh hồ sơ không bị thay đổi hay thiếu tệp trên đường gửi.",
            why_en: "The manifest is how the receiving office proves nothing changed or went missing in transit.",
            basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\").",
            basis_en: "The bundle of dossier format version 1 (docs/dossier-format.md, section \"The bundle\").",
            example: "# tệp: SHA256SUMS\n# size 812 to-trinh.yaml\nkhông-phải-mã-băm  to-trinh.yaml\n",
            fix_vi: "Đề nghị nơi gửi đóng gói lại bằng lệnh dossier pack.",
            fix_en: "Ask the sender to pack it again with dossier pack.",
        };

pub(super) const GO004: RuleDocs = RuleDocs {
    what_vi: "Mỗi tệp ghi trong bảng kê SHA256SUMS phải có trong gói.",
    what_en: "Every file the SHA256SUMS manifest lists must be in the bundle.",
    why_vi: "Tệp có trong bảng kê mà không có trong gói là tệp bị mất trên đường gửi.",
    why_en: "A listed file that is not there was lost in transit.",
    basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\").",
    basis_en:
        "The bundle of dossier format version 1 (docs/dossier-format.md, section \"The bundle\").",
    example: "# tệp: SHA256SUMS ghi bao-cao/nguyen-thi-hang.yaml, nhưng gói không có tệp đó\n",
    fix_vi: "Đề nghị bên gửi chuyển lại gói đầy đủ.",
    fix_en: "Ask the sender for the complete bundle.",
};

pub(super) const GO005: RuleDocs = RuleDocs {
            what_vi: "Kích thước và mã SHA-256 của mỗi tệp trong gói phải đúng như bảng kê.",
            what_en: "Each file's size and SHA-256 must match the manifest.",
            why_vi: "Sai một byte là tệp đã bị sửa hoặc hỏng sau khi đóng gói: nội dung nhận được không phải nội dung đã được kiểm tra.",
            why_en: "One byte off means the file was changed or damaged after packing: what arrived is not what was checked.",
            basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\").",
            basis_en: "The bundle of dossier format version 1 (docs/dossier-format.md, section \"The bundle\").",
            example: "# tệp: to-trinh.yaml trong gói có mã SHA-256 khác với dòng của nó trong SHA256SUMS\n",
            fix_vi: "Đề nghị bên gửi chuyển lại gói gốc; không dùng bản đã bị sửa.",
            fix_en: "Ask the sender for the original bundle; do not use the altered one.",
        };

pub(super) const GO006: RuleDocs = RuleDocs {
    what_vi: "Mỗi tệp trong gói (trừ chính SHA256SUMS) phải có trong bảng kê.",
    what_en: "Every file of the bundle (other than SHA256SUMS itself) must be in the manifest.",
    why_vi:
        "Tệp thêm vào sau khi đóng gói không được kiểm tra và có thể mang nội dung không mong muốn.",
    why_en: "A file added after packing was never checked and may carry anything.",
    basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\").",
    basis_en:
        "The bundle of dossier format version 1 (docs/dossier-format.md, section \"The bundle\").",
    example: "# tệp: gói có dinh-kem/them.pdf nhưng SHA256SUMS không ghi tệp này\n",
    fix_vi: "Đề nghị nơi gửi đóng gói lại bằng lệnh dossier pack.",
    fix_en: "Ask the sender to pack it again with dossier pack.",
};

pub(super) const GO007: RuleDocs = RuleDocs {
            what_vi: "Danh mục hồ sơ DANH-MUC.pdf trong gói phải trùng từng byte với danh mục lập lại từ hồ sơ trong gói.",
            what_en: "DANH-MUC.pdf must be byte-identical to the cover list regenerated from the bundled dossier.",
            why_vi: "Danh mục là bản in để lưu và trình ký; nếu không khớp hồ sơ thì bản in nói một đằng, hồ sơ một nẻo.",
            why_en: "The cover list is what gets printed and filed; if it does not match the dossier, the paper says one thing and the files another.",
            basis: "Thể thức văn bản theo Nghị định số 30/2020/NĐ-CP; gói hồ sơ theo docs/dossier-format.md.",
            basis_en: "Presentation of documents under Decree 30/2020/NĐ-CP; the bundle as in docs/dossier-format.md.",
            example: "# tệp: DANH-MUC.pdf được thay bằng một tệp PDF khác\n",
            fix_vi: "Đề nghị nơi gửi đóng gói lại bằng lệnh dossier pack (cùng phiên bản chương trình).",
            fix_en: "Ask the sender to pack it again with dossier pack (the same program version).",
        };

pub(super) const GO008: RuleDocs = RuleDocs {
            what_vi: "Tệp trong gói có kích thước khai báo hoặc kích thước thật quá lớn, hoặc tỷ lệ nén bất thường (bom nén), bị từ chối mà không giải nén.",
            what_en: "An entry whose declared or real size is absurd, or whose compression ratio is (a zip bomb), is refused without being inflated.",
            why_vi: "Một tệp vài kilobyte có thể bung ra hàng chục gigabyte, làm treo máy của cơ quan nhận.",
            why_en: "A few kilobytes can inflate to tens of gigabytes and bring down the receiving office's machine.",
            basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\").",
            basis_en: "The bundle of dossier format version 1 (docs/dossier-format.md, section \"The bundle\").",
            example: "# tệp: gói có mục khai báo 10 GB nhưng chỉ nén còn 10 KB\n",
            fix_vi: "Không giải nén gói này; đề nghị nơi gửi đóng gói lại bằng lệnh dossier pack.",
            fix_en: "Do not extract this bundle; ask the sender to pack it again with dossier pack.",
        };

pub(super) const GO009: RuleDocs = RuleDocs {
            what_vi: "Tệp zip phải có đúng cấu trúc mà dossier pack tạo ra: một thư mục trung tâm kết thúc ngay tại bản ghi kết thúc, phần đầu cục bộ của mỗi tệp trùng với bản ghi trung tâm, các tệp nối tiếp nhau không chồng lấn, không có byte lạ, không mã hóa, chỉ lưu nguyên hoặc nén deflate, chỉ tệp thường và thư mục (không liên kết tượng trưng, thiết bị, quyền setuid hay quyền ghi cho mọi người).",
            what_en: "The zip must be laid out as dossier pack writes it: one central directory ending right at the end record, each local header equal to its central record, entries one after another without overlap, no unexplained bytes, no encryption, only stored or deflated data, only regular files and folders (no symbolic links, devices, setuid or world-writable permissions).",
            why_vi: "Các phần mềm giải nén (unzip, 7-Zip, bsdtar, Windows, macOS) đọc tệp zip theo những cách khác nhau; ở một tệp zip có cấu trúc lạ, tệp được kiểm tra có thể không phải tệp được giải nén ra đĩa. Gói do dossier pack tạo ra không bao giờ như vậy.",
            why_en: "Extractors (unzip, 7-Zip, bsdtar, Windows, macOS) read a zip in different ways; in an oddly laid out zip, what was checked may not be what lands on disk. dossier pack never writes such a zip.",
            basis: "Gói hồ sơ theo mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, mục \"The bundle\"); docs/security.md.",
            basis_en: "The bundle of dossier format version 1 (docs/dossier-format.md, section \"The bundle\"); docs/security.md.",
            example: "# tệp: gói .zip có hai thư mục trung tâm, hoặc mục \"README.md\" là một liên kết tượng trưng\n",
            fix_vi: "Không giải nén gói này; đề nghị nơi gửi đóng gói lại bằng lệnh dossier pack.",
            fix_en: "Do not extract this bundle; ask the sender to pack it again with dossier pack.",
        };

pub(super) const GO010: RuleDocs = RuleDocs {
            what_vi: "Hồ sơ trong gói ghi \"phong_trao\" là đường dẫn tới một tệp bộ quy tắc gửi kèm: lệnh dossier verify kiểm tra hồ sơ theo bộ quy tắc đó và báo điều này để cơ quan nhận biết.",
            what_en: "The bundled dossier's \"phong_trao\" names a rule-set file carried in the bundle: dossier verify checks the dossier against it, and says so for the receiving office to know.",
            why_vi: "Bộ quy tắc do nơi gửi soạn có thể hạ mọi ngưỡng (ví dụ số thành viên dự họp), nên \"hồ sơ không có lỗi\" theo bộ quy tắc đó chưa chắc đúng theo quy định mà cơ quan nhận áp dụng.",
            why_en: "A rule set written by the sender may lower every threshold (the council's quorum, say), so \"no errors\" under it may not hold under the rules the receiving office applies.",
            basis: "Định dạng bộ quy tắc (docs/rule-set-format.md); docs/security.md.",
            basis_en: "Rule-set format (docs/rule-set-format.md); docs/security.md.",
            example: "# tệp: ho-so.yaml (trong gói)\nphong_trao: quy-tac.yaml\n",
            fix_vi: "Đọc tệp bộ quy tắc gửi kèm, hoặc kiểm tra lại theo bộ quy tắc của cơ quan: lệnh dossier verify với tùy chọn --criteria chỉ tới tệp hoặc thư mục bộ quy tắc, rồi tên gói (ví dụ dossier verify --criteria bo-quy-tac goi.zip).",
            fix_en: "Read the carried rule set, or verify against the office's own: dossier verify with --criteria naming the rule-set file or folder, then the bundle (dossier verify --criteria rule-sets goi.zip, say).",
        };
