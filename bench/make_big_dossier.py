#!/usr/bin/env python3
"""Write one valid dossier with N nominees (default 500) for timing the cover list and pack.

    python3 bench/make_big_dossier.py OUT_DIR [--n 500]

Standard library only; the same arguments give the same bytes. Names and units are long
enough that table cells wrap and the nominee table runs over many pages.
"""
import argparse
import os

HO = "Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Ngô Dương Đinh Lưu Tạ Trịnh".split()
DEM = "Văn Thị Đức Minh Quang Hữu Thu Thanh Ngọc Kim Hồng Phương".split()
TEN = "Bình Hùng Dũng Tuấn Hằng Mai Lan Hương Thảo Trang Linh Nhung Yến Oanh Thủy Ánh Ân".split()
UNITS = ["Trạm Y tế xã Trường Yên", "Công an xã Trường Yên", "Ban Chỉ huy Quân sự xã Trường Yên",
         "Tổ COVID cộng đồng thôn Đông, xã Trường Yên, huyện Hoa Lư, tỉnh Ninh Bình"]


def slug(i):
    return f"nguoi-{i:04d}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=500)
    a = ap.parse_args()
    os.makedirs(os.path.join(a.out, "bao-cao"), exist_ok=True)
    people = []
    for i in range(a.n):
        name = f"{HO[i % len(HO)]} {DEM[(i // 3) % len(DEM)]} {TEN[(i * 7) % len(TEN)]}"
        people.append((slug(i), name, UNITS[i % len(UNITS)]))
    w = lambda rel, text: open(os.path.join(a.out, rel), "w", encoding="utf-8").write(text)
    w("ho-so.yaml", "phien_ban: 1\nphong_trao: covid19-hoa-lu-2021\nhinh_thuc: giay_khen_chu_tich_huyen\n"
      "loai_khen: chuyen_de\nco_quan_de_nghi: \"Ủy ban nhân dân xã Trường Yên\"\n")
    lines = ["so_ky_hieu: \"45/TTr-UBND\"", "ngay: 2021-11-08", "dia_danh: \"Trường Yên\"",
             "co_quan: \"Ủy ban nhân dân xã Trường Yên\"", "co_quan_cap_tren: \"Ủy ban nhân dân huyện Hoa Lư\"",
             "kinh_gui: \"Chủ tịch Ủy ban nhân dân huyện Hoa Lư\"",
             "trich_yeu: \"Về việc đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện Hoa Lư\"",
             "nguoi_ky: { ho_ten: \"Trần Văn Bình\", chuc_vu: \"Chủ tịch\", tham_quyen: \"TM. Ủy ban nhân dân\" }",
             "danh_sach:"]
    for ma, name, unit in people:
        lines += [f"  - ma: {ma}", "    loai: ca_nhan", f"    ten: \"{name}\"",
                  "    chuc_vu: \"Thành viên Tổ phòng, chống dịch COVID-19 tại cộng đồng\"",
                  f"    don_vi: \"{unit}\"", "    doi_tuong: tuyen_dau"]
    w("to-trinh.yaml", "\n".join(lines) + "\n")
    lines = ["so_ky_hieu: \"12/BB-HĐTĐKT\"", "ngay: 2021-11-05",
             "hoi_dong: \"Hội đồng Thi đua - Khen thưởng xã Trường Yên\"", "so_thanh_vien: 9", "co_mat: 8",
             "chu_tri: { ho_ten: \"Trần Văn Bình\", chuc_vu: \"Chủ tịch Hội đồng\" }",
             "thu_ky: { ho_ten: \"Lê Thị Mai\", chuc_vu: \"Thư ký Hội đồng\" }", "ket_qua:"]
    lines += [f"  - {{ ma: {ma}, tan_thanh: 8, khong_tan_thanh: 0 }}" for ma, _, _ in people]
    w("bien-ban.yaml", "\n".join(lines) + "\n")
    for ma, name, unit in people:
        w(f"bao-cao/{ma}.yaml", "\n".join([
            f"ma: {ma}", "loai: ca_nhan", f"ten: \"{name}\"",
            "chuc_vu: \"Thành viên Tổ phòng, chống dịch COVID-19 tại cộng đồng\"", f"don_vi: \"{unit}\"",
            "doi_tuong: tuyen_dau", "thoi_gian: { tu: 2021-07-15, den: 2021-10-15 }",
            "hanh_dong: \"Trực chốt kiểm soát dịch, lấy mẫu xét nghiệm cho người dân.\"",
            "thanh_tich: \"Góp phần kiểm soát tốt dịch bệnh trên địa bàn.\"",
            "cong_trang: \"Tận tâm, không quản ngày đêm.\"",
            "tieu_chuan: { tan_tam_sang_tao: true, hoan_thanh_xuat_sac: true, khong_bi_phe_binh: true }",
            "xac_nhan: { co_quan: \"Ủy ban nhân dân xã Trường Yên\", nguoi_ky: { ho_ten: \"Trần Văn Bình\", chuc_vu: \"Chủ tịch\" }, ngay: 2021-10-20 }",
        ]) + "\n")


if __name__ == "__main__":
    main()
