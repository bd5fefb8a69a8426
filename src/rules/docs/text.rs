//! The explanation of the rules of family `VB`: the text itself: encoding, invisible characters, spelling (VB). One file per family
//! (`super::super::family::Family::Text`), so a rule id leads here by its prefix.

use super::RuleDocs;

pub(super) const VB001: RuleDocs = RuleDocs {
            what_vi: "Chữ tiếng Việt phải ở dạng Unicode dựng sẵn (NFC), mỗi chữ có dấu là một ký tự. Dạng tổ hợp (NFD), thường gặp khi gõ trên máy Mac, tách chữ cái và dấu thành nhiều ký tự.",
            what_en: "Vietnamese text must be precomposed Unicode (NFC), one character per accented letter. Decomposed text (NFD), common from Macs, splits letters and marks into several characters.",
            why_vi: "Hai dạng trông giống hệt nhau nhưng máy tính coi là khác nhau, nên tìm kiếm, sắp xếp và đối chiếu tên giữa các văn bản dễ sai. Chương trình vẫn chuẩn hóa để so sánh, nhưng tệp nên được lưu lại cho đúng.",
            why_en: "Both look the same but computers treat them as different, so searching, sorting and matching names go wrong. The checker normalises for comparison, but the file should be saved properly.",
            basis: "TCVN 6909:2001 (bộ mã ký tự chữ Việt theo Unicode); chương trình lấy dạng dựng sẵn (NFC), dạng thông dụng nhất, làm chuẩn để đối chiếu tên giữa các văn bản.",
            basis_en: "TCVN 6909:2001 (the Vietnamese character set in Unicode); the checker takes the precomposed form (NFC), the most common one, as the standard for comparing names between documents.",
            example: r#"# tệp: bao-cao/dang-thi-hoa.yaml
# Họ tên gõ trên máy Mac: trong tệp, chữ "ặ" được lưu thành ba ký tự
# (chữ "a", dấu nặng, dấu trăng) thay vì một ký tự.
ma: dang-thi-hoa
ten: "Đặng Thị Hòa"
"#,
            fix_vi: "Lưu lại tệp ở dạng dựng sẵn, ví dụ chuyển mã bằng Unikey (từ \"Unicode tổ hợp\" sang \"Unicode\"), hoặc gõ lại bằng bộ gõ đặt bảng mã Unicode.",
            fix_en: "Save the file in precomposed form, e.g. convert with Unikey (from \"Unicode tổ hợp\" to \"Unicode\"), or retype it with the Unicode charset.",
        };

pub(super) const VB002: RuleDocs = RuleDocs {
            what_vi: "Chữ không được gõ bằng bảng mã cũ TCVN3 (phông .VnTime) hay VNI; chữ gõ bằng các bảng mã này khi mở ở Unicode hiện thành ký tự lạ, như \"NguyÔn Thanh Hµ\" thay cho \"Nguyễn Thanh Hà\".",
            what_en: "Text must not be typed in the legacy TCVN3 (.VnTime fonts) or VNI encodings; read as Unicode it turns into junk, like \"NguyÔn Thanh Hµ\" for \"Nguyễn Thanh Hà\".",
            why_vi: "Chữ lỗi phông không đọc được, in ra sai tên người được khen và không đối chiếu được với các văn bản khác. Chương trình đoán và hiện nghĩa có thể của chữ đó để dễ sửa.",
            why_en: "Garbled text cannot be read, prints the nominee's name wrong, and matches nothing in the other documents. The checker shows its probable meaning to help the fix.",
            basis: "TCVN 6909:2001 (bộ mã ký tự chữ Việt theo Unicode), thay cho các bảng mã cũ như TCVN3, VNI.",
            basis_en: "TCVN 6909:2001 (the Vietnamese character set in Unicode), which replaces the old encodings such as TCVN3 and VNI.",
            example: r#"# tệp: bien-ban.yaml
# Họ tên chép từ một biên bản cũ soạn bằng phông .VnTime.
thu_ky: { ho_ten: "NguyÔn Thanh Hµ", chuc_vu: "Thư ký Hội đồng" }
"#,
            fix_vi: "Gõ lại bằng bộ gõ Unikey hoặc EVKey với bảng mã Unicode, hoặc chuyển mã cả đoạn từ TCVN3 (hay VNI) sang Unicode bằng công cụ chuyển mã của Unikey.",
            fix_en: "Retype it with Unikey or EVKey set to Unicode, or convert the text from TCVN3 (or VNI) to Unicode with Unikey's converter.",
        };

pub(super) const VB003: RuleDocs = RuleDocs {
            what_vi: "Những chữ in lên danh mục hồ sơ (DANH-MUC.pdf) và lên bản soạn PDF của dossier draft: tên cơ quan, số ký hiệu, địa danh, họ tên, chức vụ, đơn vị của người được đề nghị, nội dung báo cáo thành tích, người ký và thẩm quyền, hội đồng, chỉ nên có chữ Việt, chữ Latinh và dấu câu thông thường. Ký tự ngoài đó (chữ Hán, biểu tượng cảm xúc, dấu tích ✓, dấu đầu dòng Symbol của Word U+F0B7, mũi tên →) phông chữ không có.",
            what_en: "What the cover list (DANH-MUC.pdf) and the PDF drafts of dossier draft print: bodies, numbers and symbols, the place, the nominees' names, positions and units, the reports' texts, the signers and their authority, the council, should hold only Vietnamese and Latin letters and common punctuation. Other characters (Chinese characters, emoji, a check mark, Word's Symbol bullet U+F0B7, an arrow) are not in the font.",
            why_vi: "Danh mục hồ sơ và bản soạn PDF nhúng sẵn phông chữ Tinos rút gọn cho chữ Việt để in giống nhau trên mọi máy; ký tự phông không có sẽ in thành dấu ? trên văn bản gửi đi hay văn bản đem ký. Đây là cảnh báo, không chặn việc đóng gói hay soạn.",
            why_en: "The cover list and the PDF drafts embed a Tinos font cut down to Vietnamese so they print the same everywhere; a character the font lacks prints as ? on the document sent or signed. This is a warning and does not stop packing or drafting.",
            basis: "Nghị định số 30/2020/NĐ-CP, Phụ lục I (phông chữ tiếng Việt của bộ mã Unicode theo TCVN 6909:2001).",
            basis_en: "Decree 30/2020/NĐ-CP, Appendix I (Vietnamese fonts of the Unicode character set under TCVN 6909:2001).",
            example: "# tệp: to-trinh.yaml\ndanh_sach:\n  - ma: to-covid-thon-dong\n    ten: \"Tổ COVID cộng đồng thôn Đông ✓\"\n",
            fix_vi: "Xóa ký tự dán nhầm (ten: \"Tổ COVID cộng đồng thôn Đông\"); nếu là chữ thật của tên, viết bằng chữ Việt hoặc ghi chú cho cơ quan nhận hồ sơ.",
            fix_en: "Delete the pasted character (ten: \"Tổ COVID cộng đồng thôn Đông\"); if it is really part of the name, write it in Vietnamese letters or tell the receiving office.",
        };

pub(super) const VB004: RuleDocs = RuleDocs {
            what_vi: "Tên trường, mã và nội dung không được chứa ký tự vô hình: dấu cách không độ rộng (U+200B), ký tự nối (U+200C, U+200D, U+2060), dấu BOM giữa văn bản (U+FEFF), dấu gạch nối mềm (U+00AD), dấu định hướng chữ (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) và các ký tự định dạng khác. Chương trình chỉ rõ mã ký tự, dòng và cột.",
            what_en: "Field names, ids and values must hold no invisible characters: zero width space (U+200B), joiners (U+200C, U+200D, U+2060), a byte-order mark inside the text (U+FEFF), soft hyphen (U+00AD), direction marks (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and other format characters. The finding names the character's code, line and column.",
            why_vi: "Ký tự vô hình thường theo chữ được sao chép từ trang web, tệp PDF hay phần mềm nhắn tin. Trên giấy không thấy, nhưng máy coi \"Bùi Văn Thắng\" có ký tự đó khác với \"Bùi Văn Thắng\" không có, nên tên không khớp giữa các văn bản, tên trường không được nhận ra, và việc tra cứu ở cơ quan nhận không tìm thấy. Khi kiểm tra, chương trình bỏ qua ký tự này (chỉ cảnh báo).",
            why_en: "Invisible characters come with text copied from web pages, PDFs or chat programs. Nothing shows on paper, but to a computer the name with one differs from the name without, so names do not match across documents, field names are not recognised, and searches at the receiving office fail. The checks ignore the character (a warning only).",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md): văn bản dùng chữ Unicode theo TCVN 6909:2001.",
            basis_en: "Dossier format version 1 (docs/dossier-format.md): texts in Unicode under TCVN 6909:2001.",
            example: "# tệp: to-trinh.yaml\ndanh_sach:\n  - ma: bui-van-thang\n    ten: \"Bùi Văn\u{200b} Thắng\"   # có U+200B sau chữ Văn\n",
            fix_vi: "Chạy lệnh dossier fix (xem trước bằng tùy chọn --dry-run): ký tự vô hình trong tên trường, mã và nội dung được xóa. Hoặc xóa chữ ở cột được chỉ ra rồi gõ lại.",
            fix_en: "Run dossier fix (preview with --dry-run): invisible characters in field names, ids and values are removed. Or delete the text at the column shown and retype it.",
        };

pub(super) const VB005: RuleDocs = RuleDocs {
            what_vi: "Chữ trong hồ sơ phải là chữ Latinh của tiếng Việt; một chữ Kirin (tiếng Nga), Hy Lạp hoặc chữ Latinh toàn khổ trông giống hệt chữ Việt (\"о\" Kirin và \"o\", \"Н\" và \"H\") nằm trong một từ tiếng Việt bị báo, kèm mã ký tự và cột.",
            what_en: "Letters must be the Latin letters of Vietnamese; a Cyrillic, Greek or fullwidth letter that looks exactly like a Latin one (Cyrillic \"о\" and \"o\", \"Н\" and \"H\") inside a Vietnamese word is reported with its code and column.",
            why_vi: "Chữ như vậy thường do bộ gõ để nhầm chế độ hoặc do sao chép từ nơi khác. Hai tên trông giống nhau nhưng máy coi là khác, nên không khớp giữa các văn bản và không tra cứu được. Khi kiểm tra, chương trình đọc chữ đó là chữ Latinh tương ứng (chỉ cảnh báo).",
            why_en: "Such letters come from a keyboard left in another mode or from copied text. Two names look the same but differ to a computer, so they do not match across documents and cannot be searched. The checks read the letter as its Latin twin (a warning only).",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md): văn bản dùng chữ Unicode theo TCVN 6909:2001.",
            basis_en: "Dossier format version 1 (docs/dossier-format.md): texts in Unicode under TCVN 6909:2001.",
            example: "# tệp: to-trinh.yaml\ndanh_sach:\n  - ma: pham-van-hoa\n    ten: \"Phạm Văn H\u{43e}\u{300}a\"   # chữ о là chữ Kirin\n",
            fix_vi: "Chạy lệnh dossier fix, hoặc gõ lại chữ ở cột được chỉ ra bằng bộ gõ tiếng Việt.",
            fix_en: "Run dossier fix, or retype the letter at the column shown with a Vietnamese keyboard.",
        };

pub(super) const VB006: RuleDocs = RuleDocs {
            what_vi: "Giá trị không được bọc trong dấu ngoặc kép cong kiểu Word (“…”, ‘…’, «…»). YAML chỉ hiểu dấu ngoặc thẳng (\"…\" hoặc '…'); dấu ngoặc cong bị coi là một phần của chữ.",
            what_en: "A value must not be wrapped in a word processor's curly quotes (“…”, ‘…’, «…»). YAML takes only straight quotes (\"…\" or '…') as quotes; curly ones are part of the text.",
            why_vi: "Chữ được dán từ Word thường mang theo dấu ngoặc cong; khi đó danh mục hồ sơ in ra “Trường Yên”, ngày … với cả dấu ngoặc. Khi kiểm tra, chương trình bỏ dấu ngoặc cong (chỉ cảnh báo).",
            why_en: "Text pasted from Word brings its curly quotes; the cover list then prints \"“Trường Yên”, ngày …\", quotes and all. The checks drop the curly quotes (a warning only).",
            basis: "Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "Dossier format version 1 (docs/dossier-format.md).",
            example: "# tệp: to-trinh.yaml\ndia_danh: “Trường Yên”\n",
            fix_vi: "Viết dia_danh: \"Trường Yên\" (dấu ngoặc thẳng), hoặc chạy lệnh dossier fix.",
            fix_en: "Write dia_danh: \"Trường Yên\" (straight quotes), or run dossier fix.",
        };

pub(super) const VB007: RuleDocs = RuleDocs {
            what_vi: "Chữ u của \"qu\" và chữ i của \"gi\" (khi sau đó còn nguyên âm) thuộc về phụ âm đầu, nên không mang dấu thanh: viết \"Quý\", \"Giàu\", \"quá\", \"già\", không viết \"Qúy\", \"Gìau\", \"qúa\", \"gìa\". Cách viết sai này sai theo cả kiểu bỏ dấu cũ lẫn kiểu mới.",
            what_en: "The u of \"qu\" and the i of \"gi\" (before another vowel) belong to the initial consonant and carry no tone mark: \"Quý\", \"Giàu\", \"quá\", \"già\", not \"Qúy\", \"Gìau\", \"qúa\", \"gìa\". This is wrong in the old style as in the new.",
            why_vi: "Tên viết sai dấu khác với tên trên giấy tờ gốc và không tra cứu được; nếu một văn bản viết đúng, một văn bản viết sai thì đó không phải khác biệt kiểu bỏ dấu cũ/mới (DS007) mà là lỗi chính tả. Khi kiểm tra, chương trình đọc theo cách viết đúng (chỉ cảnh báo: nếu giấy tờ gốc ghi đúng như vậy thì giữ nguyên).",
            why_en: "A name with the mark misplaced differs from the original papers and cannot be searched; one document right and another wrong is not an old/new style difference (DS007) but a misspelling. The checks read the right spelling (a warning only: keep it if the original papers really write it so).",
            basis: "Quy tắc đặt dấu thanh trong chữ quốc ngữ; Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md).",
            basis_en: "The tone-mark rules of Vietnamese spelling; dossier format version 1 (docs/dossier-format.md).",
            example: "# tệp: to-trinh.yaml\ndanh_sach:\n  - ma: bui-quy-giau\n    ten: \"Bùi Qúy Gìau\"\n",
            fix_vi: "Viết ten: \"Bùi Quý Giàu\", hoặc chạy lệnh dossier fix, lệnh này sửa theo cách viết đúng ở mọi văn bản.",
            fix_en: "Write ten: \"Bùi Quý Giàu\", or run dossier fix, which corrects it toward the right spelling in every document.",
        };

pub(super) const VB008: RuleDocs = RuleDocs {
            what_vi: "Bộ quy tắc viết tên hình thức khen thưởng chung cho mọi địa phương (\"Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã\", \"Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh\"). Tờ trình, danh sách, biên bản và báo cáo do dossier draft soạn ghi tên xã, tỉnh của hồ sơ vào chỗ \"cấp xã\", \"cấp tỉnh\", đọc từ các đơn vị tờ trình nêu (kinh_gui, rồi co_quan, co_quan_cap_tren). Quy tắc báo khi tờ trình không nêu đơn vị nào của cấp đó.",
            what_en: "A rule set names its award forms for every locality at once (\"Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã\", \"… cấp tỉnh\"). The proposal, its list, the minutes and the reports dossier draft writes put the dossier's commune or province in place of \"cấp xã\", \"cấp tỉnh\", read from the units the proposal names (kinh_gui, then co_quan, co_quan_cap_tren). The rule fires when the proposal names no unit of that level.",
            why_vi: "Văn bản đem ký phải ghi đúng tên hình thức khen thưởng với tên địa phương (\"Giấy khen của Chủ tịch Ủy ban nhân dân xã Minh Long\"); chương trình không đoán tên đó. Đây là cảnh báo với dossier check và dossier pack (gói hồ sơ gửi bản quét đã ký), nhưng dossier draft không soạn khi còn cảnh báo này; với --draft-anyway, chỗ tên đơn vị in \"…\".",
            why_en: "A document to sign names the award form with its locality (\"Giấy khen của Chủ tịch Ủy ban nhân dân xã Minh Long\"); the tool does not guess it. It is a warning for dossier check and dossier pack (the bundle carries the signed scans), but dossier draft refuses while it stands; with --draft-anyway the unit's name prints as \"…\".",
            basis: "Nghị định số 30/2020/NĐ-CP, Phụ lục I (tên cơ quan, tổ chức ghi đầy đủ); Mẫu hồ sơ phiên bản 1 (docs/dossier-format.md, to-trinh.yaml).",
            basis_en: "Decree 30/2020/NĐ-CP, Appendix I (bodies named in full); dossier format version 1 (docs/dossier-format.md, to-trinh.yaml).",
            example: "# tệp: ho-so.yaml\nphong_trao: nd152-2025-don-gian\nhinh_thuc: giay_khen_chu_tich_xa\n# tệp: to-trinh.yaml\nco_quan: \"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân\"\nkinh_gui: \"Chủ tịch Ủy ban nhân dân\"\n",
            fix_vi: "Ghi tên đầy đủ có tên xã: kinh_gui: \"Chủ tịch Ủy ban nhân dân xã Minh Long\".",
            fix_en: "Write the name in full, with the commune: kinh_gui: \"Chủ tịch Ủy ban nhân dân xã Minh Long\".",
        };
