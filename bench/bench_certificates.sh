#!/bin/sh
# `dossier certificates` of 500 awardees (#22; goal: under 2 s): a list of 500 names made with
# openpyxl (two in ten without a gender, one in ten long enough to be set smaller), printed onto
# the shipped A4 landscape layout, with a CSV register appended to. Run from the repository
# root after `cargo build --release`.
set -e
DIR=${1:-/tmp/dossier-bench-certificates}
rm -rf "$DIR" && mkdir -p "$DIR"
cat > "$DIR/.dossier.yaml" <<'YAML'
phien_ban: 1
co_quan_quyet_dinh:
  ten: "Ủy ban nhân dân huyện Hoa Lư"
  dia_danh: "Hoa Lư"
  nguoi_ky: { ho_ten: "Trần Văn Bảo", chuc_vu: "Phó Chủ tịch", tham_quyen: "KT. CHỦ TỊCH" }
YAML
python3 - "$DIR/ds.xlsx" <<'PY'
import datetime, openpyxl, random, sys
random.seed(1)
ho = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
dem = ["Văn", "Thị", "Minh", "Hoàng", "Thu", "Quang", "Ngọc"]
ten = ["An", "Bình", "Cường", "Dung", "Hải", "Lan", "Phương", "Tuấn", "Yến", "Khánh"]
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Danh sách"
ws.append(["STT", "Họ và tên / Tên tập thể", "Loại", "Giới tính", "Ngày sinh (năm sinh)", "Chức vụ, đơn vị", "Hình thức", "Mã hình thức", "Phong trào", "Mã phong trào", "Thành tích", "Nơi đề nghị", "Tờ trình số", "Ngày tờ trình"])
for i in range(500):
    name = " ".join([random.choice(ho), random.choice(dem), random.choice(ten)])
    if i % 10 == 3:
        name += " Hoàng Phương Thảo Nguyên Bích Ngọc Minh"
    g = ["Nam", "Nữ", None, "Nam", "Nữ"][i % 5] if i % 10 != 9 else None
    ws.append([i + 1, name, "Cá nhân", g, datetime.datetime(1970 + i % 30, 1 + i % 12, 1 + i % 28),
               "Giáo viên Trường Tiểu học số %d" % (i % 40), "Giấy khen của Chủ tịch UBND huyện", "gk",
               "Phong trào thi đua năm học 2025-2026", "pt", None, "UBND xã", "%d/TTr-UBND" % (i % 20), None])
wb.save(sys.argv[1])
PY
printf 'STT,Họ và tên,Ngày sinh,Đơn vị,Hình thức,Phong trào,Số quyết định,Ngày quyết định,Số vào sổ\n1,Người Khác,1970,,Giấy khen,x,1/QĐ-UBND,02/01/2026,57\n' > "$DIR/so.csv"
/usr/bin/time -v target/release/dossier certificates "$DIR/ds.xlsx" \
    --phoi examples/phoi/giay-khen-a4-ngang.yaml -o "$DIR/giay-khen.pdf" \
    --so-quyet-dinh "123/QĐ-UBND" --ngay-quyet-dinh 2026-12-15 \
    --so-khen-thuong "$DIR/so.csv" --today 2026-12-16 --force 2>&1 \
    | grep -E "Đã|Elapsed|Maximum resident"
