#!/usr/bin/env python3
"""Write examples/danh-sach-mau.xlsx: a nominee list as clerks keep it, for `dossier import`.

    python3 examples/make_danh_sach_mau.py [OUT]     (needs openpyxl)

It goes with examples/01-giay-khen-chuyen-de-truong-yen and carries the quirks the importer must
survive: title rows and merged cells above the header, a blank row, an STT column with group rows
("I", "TẬP THỂ"), kinds written out in words, an Excel date cell and a dd/mm/yyyy text, "Nam" and
"Nữ", doubled and trailing spaces, a name in NFD, a row typed in TCVN3 and one in VNI, a column
the importer does not know ("Ghi chú"), and a total and a signature line under the table.
The six nominees of the example plus three new ones. Fixed dates make the bytes the same on
every run (openpyxl writes the workbook's created/modified times from `wb.properties`).
"""
import datetime
import sys
import unicodedata

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

out = sys.argv[1] if len(sys.argv) > 1 else "examples/danh-sach-mau.xlsx"
wb = Workbook()
ws = wb.active
ws.title = "Danh sách"
fixed = datetime.datetime(2021, 12, 27)
wb.properties.created = fixed
wb.properties.modified = fixed
wb.properties.creator = "dossier"

ws["A1"] = "ỦY BAN NHÂN DÂN XÃ TRƯỜNG YÊN"
ws.merge_cells("A1:D1")
ws["A2"] = "DANH SÁCH ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HOA LƯ"
ws.merge_cells("A2:K2")
ws["A3"] = "(Kèm theo Tờ trình số 152/TTr-UBND ngày 27/12/2021 của Ủy ban nhân dân xã Trường Yên)"
ws.merge_cells("A3:K3")
for c in ("A1", "A2", "A3"):
    ws[c].font = Font(bold=True)
    ws[c].alignment = Alignment(horizontal="center")

header = ["STT", "Họ và tên / Tên tập thể", "Cá nhân/Tập thể", "Chức vụ", "Đơn vị", "Đối tượng",
          "Ngày sinh", "Giới tính", "Tán thành", "Không tán thành", "Ghi chú"]
ws.append([])
ws.append(header)
for cell in ws[5]:
    cell.font = Font(bold=True)

nfd = lambda s: unicodedata.normalize("NFD", s)
rows = [
    ["I", "TẬP THỂ"],
    [1, "Thôn Đoài, xã Trường Yên", "Tập thể", None, "Thôn Đoài,  xã Trường Yên ", "Thôn, xóm",
     None, None, 8, 0],
    [2, "Công ty TNHH Du lịch sinh thái Trường Yên", "Tập thể", None,
     "Công ty TNHH Du lịch sinh thái Trường Yên", "Doanh nghiệp", None, None, 7, 1],
    ["II", "CÁ NHÂN"],
    [1, "Hoàng Văn Dũng", "Cá nhân", "Phó Trưởng Công an xã", "Công an xã Trường Yên",
     "Lực lượng tuyến đầu", datetime.date(1982, 6, 15), "Nam", 8, 0],
    [2, nfd("Nguyễn Thị Hằng"), "Cá nhân", "Y sĩ", "Trạm Y tế xã Trường Yên", "Lực lượng tuyến đầu",
     "12/03/1986", "Nữ", 8, 0, "đã tiêm đủ 3 mũi"],
    [3, "Bùi  Văn Thắng", "Cá nhân", "Chủ hộ kinh doanh", "Thôn Đoài, xã Trường Yên", "Người dân",
     datetime.date(1965, 11, 4), "Nam", 6, 2],
    [4, "Lê Thu Trang ", "Cá nhân", "Đoàn viên",
     "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Trường Yên", "Tình nguyện viên", "08/08/1998", "nữ",
     7, 1],
    [5, "Lê Văn Bình", "Cá nhân", "Tổ trưởng Tổ COVID cộng đồng", "Thôn Đông, xã Trường Yên",
     "Tình nguyện viên", datetime.date(1979, 2, 1), "Nam", 8, 0],
    # Typed in TCVN3 (.VnTime): Nguyễn Văn Trường, Trạm Y tế xã Trường Yên.
    [6, "NguyÔn V¨n Tr\u00adêng", "Cá nhân", "Y sÜ", "Tr¹m Y tÕ x· Tr\u00adêng Yªn",
     "Lực lượng tuyến đầu", "20/10/1990", "Nam", 8, 0],
    # Typed in VNI (VNI-Times): Nguyễn Văn Tùng, Công an xã Trường Yên.
    [7, "Nguyeãn Vaên Tuøng", "Cá nhân", "Coâng an vieân", "Coâng an xaõ Tröôøng Yeân",
     "Lực lượng tuyến đầu", "05/05/1993", "Nam", 7, 1],
]
for r in rows:
    ws.append(r)
for row in ws.iter_rows(min_row=6, min_col=7, max_col=7):
    for cell in row:
        if isinstance(cell.value, datetime.date):
            cell.number_format = "dd/mm/yyyy"
ws.append([])
ws.append([None, "Tổng cộng: 02 tập thể, 07 cá nhân"])
ws.append([None, None, None, None, None, None, None, "NGƯỜI LẬP BIỂU"])
for col, width in zip("ABCDEFGHIJK", (6, 34, 14, 26, 40, 22, 12, 10, 10, 10, 16)):
    ws.column_dimensions[col].width = width
wb.save(out)
