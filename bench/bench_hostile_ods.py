#!/usr/bin/env python3
"""Time `dossier import` of every hostile ods, xls and CSV list of issue #17 (item 6), one run
each on a fresh copy of example 01: one row per file (name, bytes, exit code, wall time in
seconds, peak RSS in MB by /usr/bin/time). The target: under 2 s and 200 MB, or refused
within that.

  python3 bench/bench_hostile_ods.py [BINARY] [WORK_DIR]

BINARY defaults to target/release/dossier (build it first: cargo build --release). The ods
and xls files are tests/fixtures/lists/hostile/ (gen.py made them); the CSV ones, tens of
megabytes of nothing, are made here, with the field's minimal reproductions.
"""
import os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/dossier")
WORK = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="dossier-hostile-")
EX01 = os.path.join(ROOT, "examples/01-giay-khen-chuyen-de-truong-yen")
HOSTILE = os.path.join(ROOT, "tests/fixtures/lists/hostile")
HEAD = "STT,Họ và tên,Đơn vị,Đối tượng\r\n1,Phạm Văn Tùng,Thôn Đông,Lực lượng tuyến đầu\r\n".encode()


def csv_files():
    far = b"\n" * 100_000 + "2,Lê Văn Bình,Thôn Đông,Lực lượng tuyến đầu\n".encode()
    yield "csv-newlines-66MB.csv", HEAD + b"\n" * 66_000_000
    yield "csv-newlines-10MB.csv", ("STT,Họ và tên,Đơn vị\r\n").encode() + b"\n" * 10_000_000
    yield "csv-commas-60MB.csv", HEAD + b"," * 60_000_000
    yield "csv-far-row.csv", HEAD + far
    yield "csv-quoted-10M-lines.csv", HEAD + b'2,"' + b"\n" * 10_000_000 + b'",x,y\n'
    yield "csv-quote-never-closed.csv", HEAD + b'2,"Le' + b"\n" * 60_000_000
    yield "csv-name-1MB.csv", HEAD + ("2," + "Lê Văn Bình " * 90_000 + ",Thôn Đông,x\n").encode()
    yield "csv-rows-2M.csv", HEAD + b"2,a,b,c\n" * 2_000_000


def ods_at_the_limit():
    """Not hostile, only at the bounds: one nominee of 16 columns repeated to row 20,000, the
    last row a list may use (the rows layer reads 19,998 nominees, each said to repeat the
    first)."""
    sys.path.insert(0, HOSTILE)
    import gen
    head = gen.row(gen.cell(h) for h in gen.HDR + [f"Ghi chú {i}" for i in range(12)])
    cells = [gen.cell(v) for v in ["1", "Phạm Văn Tùng", "Thôn Đông", "Lực lượng tuyến đầu"] + ["x"] * 12]
    return gen.ods(head + gen.row(cells, ' table:number-rows-repeated="19998"'))


def files():
    for name in sorted(os.listdir(HOSTILE)):
        if name.endswith((".ods", ".xls")):
            yield name, os.path.join(HOSTILE, name)
    p = os.path.join(WORK, "ods-20k-rows-16-cols.ods")
    with open(p, "wb") as f:
        f.write(ods_at_the_limit())
    yield "ods-20k-rows-16-cols.ods", p
    for name, data in csv_files():
        p = os.path.join(WORK, name)
        with open(p, "wb") as f:
            f.write(data)
        yield name, p


def main():
    os.makedirs(WORK, exist_ok=True)
    print("| file | bytes | exit | s | MB |")
    print("|---|---:|---:|---:|---:|")
    worst = (0.0, 0)
    for name, path in files():
        d = os.path.join(WORK, "hs")
        shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(EX01, d)
        tf = os.path.join(WORK, "time.txt")
        r = subprocess.run(["/usr/bin/time", "-o", tf, "-f", "%e %M", BIN, "import", d, "--danh-sach", path],
                           capture_output=True, timeout=600)
        secs, kb = open(tf).read().split()[-2:]
        secs, mb = float(secs), int(kb) // 1024
        worst = (max(worst[0], secs), max(worst[1], mb))
        print(f"| {name} | {os.path.getsize(path)} | {r.returncode} | {secs:.2f} | {mb} |", flush=True)
    print(f"\nworst: {worst[0]:.2f} s, {worst[1]} MB")


if __name__ == "__main__":
    main()
