#!/usr/bin/env python3
"""Write a nominee list of N rows (default 5,000) as clerks keep it, for timing `dossier import`.

    python3 bench/make_big_list.py OUT.xlsx [--n 5000]      (needs openpyxl; OUT.csv needs nothing)

Two title rows and a blank row above the header, an STT column, Excel date cells and dd/mm/yyyy
texts, "Nam"/"Nữ", kinds written out in words, a doubled space now and then, an NFD name every
50th row. Names are unique (a serial number in the unit). Kinds fit covid19-hoa-lu-2021, the rule
set of bench/make_big_dossier.py. The same arguments give the same rows.
"""
import argparse
import csv
import datetime
import unicodedata

HO = "Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Ngô Dương Đinh Lưu Tạ Trịnh".split()
DEM = "Văn Thị Đức Minh Quang Hữu Thu Thanh Ngọc Kim Hồng Phương".split()
TEN = "Bình Hùng Dũng Tuấn Hằng Mai Lan Hương Thảo Trang Linh Nhung Yến Oanh Thủy Ánh Ân".split()
KINDS = ["Lực lượng tuyến đầu", "Tình nguyện viên", "Người dân", "tuyen_dau"]


def rows(n):
    header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Đối tượng", "Ngày sinh", "Giới tính",
              "Tán thành", "Không tán thành"]
    yield ["ỦY BAN NHÂN DÂN XÃ TRƯỜNG YÊN"]
    yield ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"]
    yield []
    yield header
    for i in range(n):
        name = f"{HO[i % len(HO)]} {DEM[(i // 15) % len(DEM)]} {TEN[(i // 7) % len(TEN)]} {i + 1}"
        if i % 50 == 0:
            name = unicodedata.normalize("NFD", name)
        if i % 37 == 0:
            name = name.replace(" ", "  ", 1)
        born = datetime.date(1960 + i % 40, 1 + i % 12, 1 + i % 28)
        yield [i + 1, name, "Thành viên Tổ COVID cộng đồng", f"Thôn {i % 20 + 1}, xã Trường Yên",
               KINDS[i % len(KINDS)], born if i % 2 else born.strftime("%d/%m/%Y"),
               "Nam" if i % 3 else "Nữ", 8, 0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=5000)
    a = ap.parse_args()
    if a.out.endswith(".csv"):
        with open(a.out, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            for r in rows(a.n):
                w.writerow([x.strftime("%d/%m/%Y") if isinstance(x, datetime.date) else x for x in r])
        return
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    for r in rows(a.n):
        ws.append(r)
    wb.save(a.out)


if __name__ == "__main__":
    main()
