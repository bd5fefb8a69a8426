#!/usr/bin/env python3
"""Write the attachments (dinh-kem/...) of the example dossiers and the test fixtures.

The checker reads an attachment's first bytes to tell a PDF (%PDF-), a JPEG (FF D8 FF) or a
PNG (89 50 4E 47) from anything else (rule DK003), so the stand-ins for the signed scans must be
real, valid files, not empty placeholders. This script writes them, each under 4 KB, with the
standard library only, and the same bytes on every run (no clock time, no randomness):

- PDF: a one-page A4 document written by hand (catalog, pages, page, content stream, Helvetica),
  with a correct cross-reference table; the text is ASCII because the 14 standard PDF fonts have
  no Vietnamese letters, so it stands in for the scan rather than reproducing it;
- PNG: an 8-bit greyscale "scan" (white page, grey lines of text, a round stamp), zlib + struct;
- JPEG: a baseline greyscale JPEG whose 8x8 blocks carry only a DC value (a blocky page with
  lines of "text"), Huffman-coded with the standard DC table of ITU-T T.81 Annex K and a one-code
  AC table holding only end-of-block;
- the deliberately wrong ".pdf" files of rule DK003, which are plain UTF-8 text.

Run it from anywhere:

    python3 examples/make_attachments.py

It rewrites every file listed in TARGETS (paths relative to the repository root) and nothing else.
"""
import os
import struct
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# --- PDF -------------------------------------------------------------------------------------

def pdf(lines):
    """A valid one-page A4 PDF showing `lines` (ASCII) in Helvetica, plus a frame and a stamp."""
    def esc(s):
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["0.2 w 56 56 483 730 re S", "BT /F1 12 Tf 85 760 Td 16 TL"]
    for line in lines:
        ops.append(f"({esc(line)}) Tj T*")
    ops.append("ET")
    # a round red "stamp" over the signature, drawn with four Bezier curves
    cx, cy, r, k = 420, 200, 40, 22.09
    ops += ["0.8 0 0 RG 1.5 w",
            f"{cx + r} {cy} m",
            f"{cx + r} {cy + k:.2f} {cx + k:.2f} {cy + r} {cx} {cy + r} c",
            f"{cx - k:.2f} {cy + r} {cx - r} {cy + k:.2f} {cx - r} {cy} c",
            f"{cx - r} {cy - k:.2f} {cx - k:.2f} {cy - r} {cx} {cy - r} c",
            f"{cx + k:.2f} {cy - r} {cx + r} {cy - k:.2f} {cx + r} {cy} c S"]
    stream = "\n".join(ops).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode() + b"0000000000 65535 f \n"
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


# --- a page of "text" as a grid of grey levels, shared by PNG and JPEG -------------------------

def page(w, h, seed):
    """Rows of grey levels (0-255): white paper, lines of text as grey bars, a dark stamp ring."""
    rows = []
    for y in range(h):
        row = []
        for x in range(w):
            v = 250
            band = (y - 10) // 6
            if 10 <= y < h - 30 and (y - 10) % 6 < 3:
                end = w - 8 - ((band * 7 + seed * 5) % 23)
                if 8 <= x < end and ((x + band + seed) % 11) != 0:
                    v = 70
            d2 = (x - (w - 28)) ** 2 + (y - (h - 18)) ** 2
            if 100 <= d2 <= 169:
                v = 90
            row.append(v)
        rows.append(row)
    return rows


def png(rows):
    """An 8-bit greyscale PNG of the given rows."""
    h, w = len(rows), len(rows[0])
    raw = b"".join(b"\x00" + bytes(r) for r in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def jpeg(rows):
    """A baseline greyscale JPEG; each 8x8 block is its mean (DC only, AC = end of block)."""
    h, w = len(rows), len(rows[0])
    assert w % 8 == 0 and h % 8 == 0
    # Standard luminance DC table (T.81 Annex K.3): code lengths, then the categories 0..11.
    dc_bits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    dc_vals = list(range(12))
    codes, code, k = {}, 0, 0
    for length, count in enumerate(dc_bits, 1):
        for _ in range(count):
            codes[dc_vals[k]] = (code, length)
            code, k = code + 1, k + 1
        code <<= 1
    # AC table with a single symbol: 0x00 (end of block), code "0".
    ac_bits, ac_vals = [1] + [0] * 15, [0]
    bits, nbits, out = 0, 0, bytearray()

    def put(value, length):
        nonlocal bits, nbits
        bits, nbits = (bits << length) | value, nbits + length
        while nbits >= 8:
            byte = (bits >> (nbits - 8)) & 0xFF
            out.append(byte)
            if byte == 0xFF:
                out.append(0x00)
            nbits -= 8
            bits &= (1 << nbits) - 1

    prev = 0
    for by in range(0, h, 8):
        for bx in range(0, w, 8):
            mean = sum(rows[y][x] for y in range(by, by + 8) for x in range(bx, bx + 8)) // 64
            dc = mean - 128  # DCT DC = 8 * (mean - 128); quantiser 8 -> mean - 128
            diff, prev = dc - prev, dc
            cat = abs(diff).bit_length()
            c, length = codes[cat]
            put(c, length)
            if cat:
                put(diff if diff > 0 else diff + (1 << cat) - 1, cat)
            put(0, 1)  # end of block
    if nbits:
        put((1 << (8 - nbits)) - 1, 8 - nbits)  # pad with 1 bits
    quant = bytes([8] + [16] * 63)
    seg = bytearray(b"\xff\xd8")
    seg += b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x01\x00\x48\x00\x48\x00\x00"
    seg += b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + quant
    seg += b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, h, w, 1) + b"\x01\x11\x00"
    seg += b"\xff\xc4" + struct.pack(">H", 3 + 16 + len(dc_vals)) + b"\x00" + bytes(dc_bits) + bytes(dc_vals)
    seg += b"\xff\xc4" + struct.pack(">H", 3 + 16 + len(ac_vals)) + b"\x10" + bytes(ac_bits) + bytes(ac_vals)
    seg += b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00" + b"\x00\x3f\x00"
    return bytes(seg + out + b"\xff\xd9")


# --- what to write ---------------------------------------------------------------------------

def doc(org, number, title, extra=()):
    """Lines of a stand-in scan of an administrative document (ASCII transliteration)."""
    return [org, f"So: {number}", "", "CONG HOA XA HOI CHU NGHIA VIET NAM",
            "Doc lap - Tu do - Hanh phuc", "", title, *extra, "",
            "(Ban chup ban goc co chu ky va dong dau)"]


EX = "examples/"
FX = "tests/fixtures/"
NOT_A_PDF = ("Tờ trình đề nghị khen thưởng - bản nháp.\n"
             "Bản scan có chữ ký, đóng dấu sẽ gửi bổ sung sau.\n").encode("utf-8")

TARGETS = {
    # 01: Giấy khen chuyên đề, xã Trường Yên
    EX + "01-giay-khen-chuyen-de-truong-yen/dinh-kem/to-trinh.pdf": pdf(doc(
        "UY BAN NHAN DAN XA TRUONG YEN", "152/TTr-UBND", "TO TRINH",
        ["De nghi tang Giay khen cua Chu tich UBND huyen Hoa Lu",
         "cho cac tap the, ca nhan co thanh tich xuat sac",
         "trong cong tac phong, chong dich COVID-19", "Truong Yen, ngay 27 thang 12 nam 2021"])),
    EX + "01-giay-khen-chuyen-de-truong-yen/dinh-kem/bien-ban.pdf": pdf(doc(
        "HOI DONG THI DUA - KHEN THUONG XA TRUONG YEN", "18/BB-HDTDKT", "BIEN BAN",
        ["Hop binh xet khen thuong phong, chong dich COVID-19",
         "So thanh vien: 09; co mat: 08", "Truong Yen, ngay 24 thang 12 nam 2021"])),
    EX + "01-giay-khen-chuyen-de-truong-yen/dinh-kem/bao-cao-nguyen-thi-hang.jpg": jpeg(page(64, 88, 1)),
    EX + "01-giay-khen-chuyen-de-truong-yen/dinh-kem/bao-cao-thon-doai.png": png(page(96, 128, 2)),
    # 02: Giấy khen đột xuất, xã Ninh Hải
    EX + "02-giay-khen-dot-xuat-ninh-hai/dinh-kem/to-trinh.pdf": pdf(doc(
        "UY BAN NHAN DAN XA NINH HAI", "98/TTr-UBND", "TO TRINH",
        ["De nghi khen thuong dot xuat", "Ninh Hai, ngay 12 thang 11 nam 2021"])),
    EX + "02-giay-khen-dot-xuat-ninh-hai/dinh-kem/bien-ban.pdf": pdf(doc(
        "HOI DONG THI DUA - KHEN THUONG XA NINH HAI", "11/BB-HDTDKT", "BIEN BAN",
        ["So thanh vien: 07; co mat: 07", "Ninh Hai, ngay 10 thang 11 nam 2021"])),
    # 03: Bằng khen của Chủ tịch UBND tỉnh, huyện Hoa Lư
    EX + "03-bang-khen-tinh-huyen-hoa-lu/dinh-kem/to-trinh.pdf": pdf(doc(
        "UY BAN NHAN DAN HUYEN HOA LU", "21/TTr-UBND", "TO TRINH",
        ["De nghi tang Bang khen cua Chu tich UBND tinh Ninh Binh",
         "Hoa Lu, ngay 20 thang 01 nam 2022"])),
    EX + "03-bang-khen-tinh-huyen-hoa-lu/dinh-kem/bien-ban.pdf": pdf(doc(
        "HOI DONG THI DUA - KHEN THUONG HUYEN HOA LU", "03/BB-HDTDKT", "BIEN BAN",
        ["So thanh vien: 11; co mat: 10", "Hoa Lu, ngay 17 thang 01 nam 2022"])),
    EX + "03-bang-khen-tinh-huyen-hoa-lu/dinh-kem/bao-cao-uy-ban-nhan-dan-xa-ninh-xuan.pdf": pdf(doc(
        "UY BAN NHAN DAN XA NINH XUAN", "05/BC-UBND", "BAO CAO THANH TICH",
        ["De nghi tang Bang khen cua Chu tich UBND tinh", "Ninh Xuan, ngay 10 thang 01 nam 2022"])),
    # the small valid dossier that every rule fixture is an overlay on, and two overlays
    FX + "base/dinh-kem/to-trinh.pdf": pdf(doc(
        "UY BAN NHAN DAN XA TRUONG YEN", "45/TTr-UBND", "TO TRINH",
        ["Truong Yen, ngay 25 thang 10 nam 2021"])),
    FX + "rules/DK004/dinh-kem/extra.pdf": pdf(doc(
        "UY BAN NHAN DAN XA TRUONG YEN", "44/TTr-UBND", "TO TRINH (ban cu)")),
    FX + "rules/DK003/dinh-kem/to-trinh.pdf": NOT_A_PDF,
}


def invalid_examples():
    """Every folder of examples/invalid/ carries a scan of its proposal (DK003's is text); DK004's
    also has a report scan that nothing references."""
    base = os.path.join(ROOT, "examples", "invalid")
    if not os.path.isdir(base):
        return {}
    out = {}
    for name in sorted(os.listdir(base)):
        if not os.path.isdir(os.path.join(base, name)):
            continue
        rel = f"examples/invalid/{name}/dinh-kem/to-trinh.pdf"
        if name.startswith("DK003"):
            out[rel] = NOT_A_PDF
        else:
            out[rel] = pdf(doc("UY BAN NHAN DAN XA NINH GIANG", "45/TTr-UBND", "TO TRINH",
                               ["Ninh Giang, ngay 15 thang 11 nam 2021"]))
        if name.startswith("DK004"):  # a scan that no YAML file references
            out[f"examples/invalid/{name}/dinh-kem/bao-cao-thon-trung.pdf"] = pdf(doc(
                "UY BAN NHAN DAN XA NINH GIANG", "", "BAO CAO THANH TICH", ["Thon Trung, xa Ninh Giang"]))
    return out


def main():
    targets = dict(TARGETS)
    targets.update(invalid_examples())
    for rel, data in sorted(targets.items()):
        assert len(data) < 4096, (rel, len(data))
        path = os.path.join(ROOT, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        print(f"{len(data):5d}  {rel}")


if __name__ == "__main__":
    main()
