//! The explanation of the rules of family `DK`: attachments and file names (DK). One file per family
//! (`super::super::family::Family::Attachments`), so a rule id leads here by its prefix.

use super::RuleDocs;

pub(super) const DK001: RuleDocs = RuleDocs {
            what_vi: "Mỗi tệp ghi ở trường \"dinh_kem\" phải có thật trong thư mục hồ sơ, đúng đường dẫn và tên tệp, kể cả đuôi tệp. Đường dẫn trỏ tới một thư mục (không phải tệp) cũng bị báo lỗi này; thông báo liệt kê các tệp trong thư mục đó. Tên chỉ khác chữ hoa, chữ thường cũng là không tìm thấy; thông báo nêu tên tệp có trong thư mục.",
            what_en: "Each file named under \"dinh_kem\" must exist in the dossier folder, with exactly that path and name, extension included. A path that names a folder (not a file) is reported too; the message lists the folder's files. A name that differs only in case is not found either; the message names the file the folder holds.",
            why_vi: "Bản quét văn bản đã ký là bằng chứng của hồ sơ; không tìm thấy tệp nghĩa là hồ sơ gửi đi sẽ thiếu bản đó.",
            why_en: "The scans of the signed documents are the dossier's evidence; a missing file means the dossier goes out without it.",
            basis: "Mục IV.4.a Kế hoạch thi đua phòng, chống dịch COVID-19 của UBND huyện Hoa Lư (thành phần hồ sơ); Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Section IV.4.a of the Hoa Lư district People's Committee's plan for the COVID-19 emulation campaign (components of the dossier); dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
# Thư mục dinh-kem/ chỉ có tệp to-trinh-45.pdf.
so_ky_hieu: "45/TTr-UBND"
dinh_kem: dinh-kem/to-trinh.pdf
"#,
            fix_vi: "Sửa đường dẫn cho đúng tên tệp thật (ở ví dụ này là \"dinh-kem/to-trinh-45.pdf\"), hoặc chép bản quét vào thư mục dinh-kem/ của hồ sơ.",
            fix_en: "Correct the path to the real file name (here \"dinh-kem/to-trinh-45.pdf\"), or copy the scan into the dossier's dinh-kem/ folder.",
        };

pub(super) const DK002: RuleDocs = RuleDocs {
            what_vi: "Tệp đính kèm phải nằm trong thư mục hồ sơ và được ghi bằng đường dẫn tính từ thư mục đó, ví dụ \"dinh-kem/to-trinh.pdf\"; không dùng đường dẫn bắt đầu bằng tên ổ đĩa (như D:\\) hay dấu gạch chéo /, hoặc có hai dấu chấm liền nhau (..) để đi lên thư mục cha.",
            what_en: "An attachment must be inside the dossier folder and named by a path relative to it, e.g. \"dinh-kem/to-trinh.pdf\"; no drive letter (like D:\\), no leading slash (/), no two dots (..) going up to the parent folder.",
            why_vi: "Khi hồ sơ được chép hoặc gửi sang máy khác, tệp nằm ngoài thư mục hồ sơ không đi theo, nên bên nhận sẽ thiếu tệp.",
            why_en: "When the dossier is copied or sent, files outside its folder stay behind, and the receiver gets a dossier without them.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
dinh_kem: 'D:\Ho so khen thuong\to-trinh.pdf'
"#,
            fix_vi: "Chép tệp vào thư mục dinh-kem/ trong hồ sơ và ghi \"dinh_kem: dinh-kem/to-trinh.pdf\".",
            fix_en: "Copy the file into the dossier's dinh-kem/ folder and write \"dinh_kem: dinh-kem/to-trinh.pdf\".",
        };

pub(super) const DK003: RuleDocs = RuleDocs {
            what_vi: "Tệp đính kèm phải thật sự là tệp PDF, JPEG hoặc PNG; chương trình xem nội dung đầu tệp chứ không chỉ xem đuôi tệp.",
            what_en: "An attachment must really be a PDF, JPEG or PNG file; the checker looks at the file's first bytes, not just its extension.",
            why_vi: "Cơ quan nhận cần bản quét mở được trên mọi máy; tệp Word đổi đuôi thành .pdf vẫn không mở được bằng phần mềm đọc PDF.",
            why_en: "The receiving office needs scans that open anywhere; a Word file renamed to .pdf still does not open in a PDF reader.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: to-trinh.yaml
# Tệp dinh-kem/to-trinh.pdf thực ra là tệp Word (.docx) được đổi tên.
dinh_kem: dinh-kem/to-trinh.pdf
"#,
            fix_vi: "Quét văn bản đã ký thành tệp PDF (hoặc ảnh JPEG, PNG) rồi thay tệp cũ.",
            fix_en: "Scan the signed document to PDF (or a JPEG or PNG image) and replace the file.",
        };

pub(super) const DK004: RuleDocs = RuleDocs {
            what_vi: "Mỗi tệp trong thư mục hồ sơ, ngoài ho-so.yaml, to-trinh.yaml, bien-ban.yaml và thư mục bao-cao/, phải được một văn bản nhắc tới ở trường \"dinh_kem\". Bản sao của tệp hồ sơ (\"to-trinh - Copy.yaml\") không được đọc: chép phần cần giữ vào tệp thật rồi bỏ bản sao. Liên kết trỏ ra ngoài hồ sơ, ống dẫn hay thiết bị không phải tệp: xóa mục đó.",
            what_en: "Every file in the dossier folder, apart from ho-so.yaml, to-trinh.yaml, bien-ban.yaml and bao-cao/, should be named under some document's \"dinh_kem\". A copy of a dossier file (\"to-trinh - Copy.yaml\") is not read: carry over anything to keep, then remove the copy. A link out of the dossier, a pipe or a device is no file: remove it.",
            why_vi: "Tệp không văn bản nào nhắc tới thường là do quên ghi \"dinh_kem\", hoặc là tệp không nên gửi đi cùng hồ sơ vì có thông tin cá nhân.",
            why_en: "A file nothing refers to is usually a forgotten \"dinh_kem\" line, or a file that should not travel with the dossier because it holds personal data.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: r#"# tệp: bao-cao/thon-trung-xa-ninh-giang.yaml
# Thư mục dinh-kem/ có tệp bao-cao-thon-trung.pdf nhưng báo cáo không có trường dinh_kem.
ma: thon-trung-xa-ninh-giang
loai: tap_the
ten: "Thôn Trung, xã Ninh Giang"
"#,
            fix_vi: "Thêm đường dẫn tệp vào \"dinh_kem\" của văn bản mà tệp đi kèm, hoặc xóa tệp khỏi thư mục hồ sơ nếu không cần gửi. Nếu tên tệp còn không gửi đi được (DK006), cảnh báo nói luôn lý do; đổi tên trước khi ghi vào \"dinh_kem\".",
            fix_en: "Name the file under \"dinh_kem\" of the document it belongs to, or delete it from the dossier folder if it should not be sent. If the name cannot travel either (DK006), the warning says why; rename the file before naming it under \"dinh_kem\".",
        };

pub(super) const DK005: RuleDocs = RuleDocs {
            what_vi: "Hai tệp trong hồ sơ không được có tên chỉ khác nhau ở chữ hoa, chữ thường (dinh-kem/To-Trinh.pdf và dinh-kem/to-trinh.pdf) hoặc ở dạng Unicode (chữ dựng sẵn NFC và chữ tổ hợp NFD).",
            what_en: "No two files of the dossier may have names that differ only in case (dinh-kem/To-Trinh.pdf and dinh-kem/to-trinh.pdf) or in Unicode form (precomposed NFC and decomposed NFD).",
            why_vi: "Windows và macOS coi hai tên đó là một: khi cơ quan nhận giải nén hồ sơ, tệp này ghi đè tệp kia và một bản quét bị mất mà không ai hay.",
            why_en: "Windows and macOS take the two names as one: when the receiving office extracts the dossier, one file overwrites the other and a scan is lost without anyone noticing.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: "# tệp: to-trinh.yaml\n# Thư mục dinh-kem/ có cả To-Trinh.pdf và to-trinh.pdf.\ndinh_kem: [dinh-kem/To-Trinh.pdf, dinh-kem/to-trinh.pdf]\n",
            fix_vi: "Đổi tên một trong hai tệp cho khác hẳn (ví dụ dinh-kem/to-trinh-ban-sao.pdf) và sửa \"dinh_kem\" theo, hoặc xóa tệp thừa.",
            fix_en: "Rename one of the two to a clearly different name (e.g. dinh-kem/to-trinh-ban-sao.pdf) and correct \"dinh_kem\", or delete the extra file.",
        };

pub(super) const DK006: RuleDocs = RuleDocs {
            what_vi: "Tên của mỗi tệp trong hồ sơ (báo cáo, tệp đính kèm) phải gửi đi được: không là tên thiết bị của Windows (con, aux, nul, com1…, kể cả có đuôi như aux.pdf), không kết thúc bằng dấu chấm hay dấu cách, không có dấu hai chấm, dấu ~, mã %2e, ký tự vô hình hay ký tự đảo chiều chữ, kể cả khi ký tự vô hình hay dấu cách, dấu chấm ở cuối tên chỉ có ở tên tệp trên đĩa, còn văn bản ghi tên không có (trên màn hình hai tên trông như nhau). Tên tệp trên đĩa cũng phải đúng từng chữ như tên ghi ở \"dinh_kem\": một chữ Kirin, Hy Lạp hay chữ toàn khổ trông giống chữ Latinh (о, ο, ｔ), hay một ký tự vô hình, làm chương trình không tìm thấy tệp dù hai tên trông như nhau.",
            what_en: "Every file name of the dossier (reports, attachments) must be able to travel: no Windows device name (con, aux, nul, com1…, even with an extension like aux.pdf), no trailing dot or space, no colon, tilde (~), %2e, invisible or bidirectional characters, even when the invisible character or the trailing space or dot is only in the file's name on disk and not in the document (on screen both names look alike). The name on disk must also match the \"dinh_kem\" name letter for letter: a Cyrillic, Greek or fullwidth letter drawn like a Latin one (о, ο, ｔ), or an invisible character, leaves the program finding no file although both names look the same.",
            why_vi: "Nơi nhận kiểm tra gói bằng lệnh dossier verify và từ chối tên mà một hệ điều hành sẽ hiểu khác (Windows bỏ dấu chấm cuối, coi aux.pdf là thiết bị): nếu chỉ biết khi đóng gói hay khi nơi nhận trả lại thì mất công làm lại.",
            why_en: "The receiving office checks the bundle with dossier verify, which refuses names an operating system would read differently (Windows drops a trailing dot and takes aux.pdf for a device): finding out only at packing, or when the office sends it back, costs a round trip.",
            basis: "Mẫu hồ sơ phiên bản 1 và gói hồ sơ (docs/dossier-format.md); cách lệnh dossier verify đọc tên tệp (docs/security.md).",
            basis_en: "Dossier format version 1 and the bundle (docs/dossier-format.md); how dossier verify reads file names (docs/security.md).",
            example: "# tệp: to-trinh.yaml\ndinh_kem: \"dinh-kem/aux.pdf\"\n",
            fix_vi: "Đổi tên tệp, chỉ dùng chữ, số, dấu cách và dấu gạch ngang (ví dụ dinh-kem/to-trinh-ky.pdf), rồi sửa \"dinh_kem\" theo. Nếu cả tên tệp lẫn dòng dinh_kem đều có ký tự vô hình, đổi tên tệp rồi xóa ký tự đó ở dòng dinh_kem; lệnh dossier fix làm cả hai việc này (trừ khi tên không có ký tự đó đã là tên của tệp khác).",
            fix_en: "Rename the file with letters, digits, spaces and hyphens (e.g. dinh-kem/to-trinh-ky.pdf), and correct \"dinh_kem\". If both the file's name and the \"dinh_kem\" line hold an invisible character, rename the file, then delete the character from the line; dossier fix does both (unless the name without the character is already another file's).",
        };

pub(super) const DK007: RuleDocs = RuleDocs {
            what_vi: "Đuôi tên tệp đính kèm (.pdf, .jpg, .jpeg, .png) phải đúng loại nội dung của tệp: ảnh JPEG đổi tên thành to-trinh.pdf bị cảnh báo.",
            what_en: "An attachment's extension (.pdf, .jpg, .jpeg, .png) must match its content: a JPEG image renamed to-trinh.pdf is warned about.",
            why_vi: "Máy của cơ quan nhận mở tệp theo đuôi tên: tệp ảnh mang đuôi .pdf không mở được bằng phần mềm đọc PDF, người nhận tưởng tệp hỏng.",
            why_en: "The receiving office's computer opens a file by its extension: an image named .pdf does not open in a PDF reader, and looks broken.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: "# tệp: to-trinh.yaml\n# dinh-kem/to-trinh.pdf thực ra là ảnh chụp JPEG được đổi tên.\ndinh_kem: dinh-kem/to-trinh.pdf\n",
            fix_vi: "Đổi đuôi tệp cho đúng (dinh-kem/to-trinh.jpg) và sửa \"dinh_kem\" theo, hoặc chuyển ảnh thành PDF.",
            fix_en: "Give the file the right extension (dinh-kem/to-trinh.jpg) and correct \"dinh_kem\", or convert the image to PDF.",
        };

pub(super) const DK008: RuleDocs = RuleDocs {
            what_vi: "Khi đóng gói (dossier pack) và khi nơi nhận kiểm tra gói (dossier verify), tờ trình phải kèm bản quét đã ký: một tệp PDF, JPEG hoặc PNG ghi ở dinh_kem của to-trinh.yaml. Không có thì cảnh báo (lệnh check không báo: hồ sơ được kiểm tra cả khi chưa ký).",
            what_en: "When a bundle is made (dossier pack) and when the receiving office checks it (dossier verify), the proposal (to-trinh.yaml) must come with its signed scan: a PDF, JPEG or PNG named by dinh_kem in to-trinh.yaml. Without one, a warning (check does not say it: a dossier is checked before it is signed too).",
            why_vi: "Các tệp YAML chỉ mang nội dung văn bản; chỉ bản quét cho thấy tờ trình đã được ký, đóng dấu. Gói không có bản quét nào đã được đóng gói và kiểm tra mà không một lời báo, nơi nhận mở gói mới biết.",
            why_en: "The YAML files carry the documents' text only; only a scan shows the proposal signed and sealed. A bundle with no scan at all was packed and verified without a word, and the receiving office learnt it on opening it.",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md): dinh_kem của tờ trình là bản quét tờ trình đã ký. Chương trình không nhìn thấy chữ ký trên trang: tệp ghi ở đó được coi là bản quét đã ký (docs/cover-list.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md): the proposal's dinh_kem is the scan of the signed proposal. The program cannot see a signature on a page: a file named there is taken as the signed scan (docs/cover-list.md).",
            example: "# tệp: to-trinh.yaml\n# Không có dòng dinh_kem: gói không kèm bản quét tờ trình đã ký.\n# dinh_kem: dinh-kem/to-trinh.pdf\n",
            fix_vi: "Quét tờ trình đã ký (PDF, JPEG hoặc PNG), đặt vào thư mục dinh-kem/, ghi \"dinh_kem: dinh-kem/to-trinh.pdf\" vào to-trinh.yaml rồi đóng gói lại. Cơ quan gửi bản giấy riêng có thể tắt cảnh báo trong .dossier.yaml (muc_do: DK008: off).",
            fix_en: "Scan the signed proposal (PDF, JPEG or PNG), put it in the dinh-kem/ folder, write \"dinh_kem: dinh-kem/to-trinh.pdf\" in to-trinh.yaml and pack again. An office that sends the paper originals separately can turn the warning off in .dossier.yaml (muc_do: DK008: off).",
        };
