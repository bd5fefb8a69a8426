#!/usr/bin/env python3
"""Every attack of issue #10, tried once against a `dossier` binary, in one run.

Builds the hostile bundles byte by byte (no zip library would write them), runs the binary on
each under /usr/bin/time, and prints a Markdown table (exit status, rules fired, wall time,
peak memory) and a summary line: attacks tried, refused, the worst time and peak memory.
docs/security.md quotes the figures of one such run.

    cargo build --release && python3 bench/attacks.py [BINARY] [WORK_DIR]

An attack counts as refused when the tool says so (exit 1 with a finding, or exit 2 for what is
not a bundle at all) without crashing, hanging (120 s) or writing where it must not.
"""

import hashlib
import os
import shutil
import stat
import struct
import subprocess
import sys
import time
import unicodedata
import zipfile
import zlib

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "target/release/dossier"))
WORK = sys.argv[2] if len(sys.argv) > 2 else "/tmp/dossier-attacks"
TODAY = "2026-11-28"


class E:
    """One entry: its content, and every field an attacker may set."""

    def __init__(self, name, content, method=0, flags=None, mode=0o100644):
        self.name = name.encode() if isinstance(name, str) else name
        self.content = content
        self.method = method
        self.flags = (0 if self.name.isascii() else 0x800) if flags is None else flags
        self.mode = mode
        self.local = {}  # field overrides in the local header
        self.alias_of = None

    def data(self):
        if self.method == 8:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            return c.compress(self.content) + c.flush()
        return self.content


def locals_(es):
    out, offsets, datas = bytearray(), [], {}
    for i, e in enumerate(es):
        if e.alias_of is not None:
            offsets.append(offsets[e.alias_of])
            datas[i] = datas[e.alias_of]
            continue
        offsets.append(len(out))
        d = e.data()
        datas[i] = d
        lo = e.local
        name = lo.get("name", e.name)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, lo.get("flags", e.flags), lo.get("method", e.method), 0, 0x5359,
            lo.get("crc", zlib.crc32(e.content)), lo.get("csize", len(d)), lo.get("usize", len(e.content)),
            len(name), 0)
        out += name + d
    return out, offsets, datas


def central(es, offsets, datas):
    out = bytearray()
    for i, (e, off) in enumerate(zip(es, offsets)):
        d = datas[i]
        out += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 0x0314, 20, e.flags, e.method, 0, 0x5359,
            zlib.crc32(e.content), len(d), len(e.content), len(e.name), 0, 0, 0, 0, e.mode << 16, off)
        out += e.name
    return out


def end(count, size, offset, comment=b""):
    return struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, size, offset, len(comment)) + comment


def build(es, prefix=b"", trailing=b"", comment=b""):
    loc, offsets, datas = locals_(es)
    offsets = [o + len(prefix) for o in offsets]
    cd = central(es, offsets, datas)
    at = len(prefix) + len(loc)
    return bytes(prefix + loc + cd + end(len(es), len(cd), at, comment) + trailing)


def relisted(es):
    """A forger's manifest: every other entry listed with its real hash."""
    es = [e for e in es if e.name != b"SHA256SUMS"]
    sizes, sums = [], []
    for e in sorted(es, key=lambda e: e.name):
        n = e.name.decode("utf-8", "replace")
        sizes.append(f"# size {len(e.content)} {n}\n")
        sums.append(f"{hashlib.sha256(e.content).hexdigest()}  {n}\n")
    return es + [E("SHA256SUMS", ("# forged\n" + "".join(sizes) + "".join(sums)).encode(), 8)]


def real_entries(bundle):
    with zipfile.ZipFile(bundle) as z:
        return [E(i.filename, z.read(i), i.compress_type) for i in z.infolist()]


def run(args, cwd, timeout=120, shell=False):
    """(exit, stdout, stderr, seconds, peak MB) of one run under /usr/bin/time."""
    fmt = "%e %M"
    cmd = ["/usr/bin/time", "-f", fmt, "-o", os.path.join(WORK, ".time")]
    cmd += (["sh", "-c", args] if shell else args)
    t = time.time()
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout)
        code, out, err = p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        return (None, "", "timeout", time.time() - t, 0.0)
    secs, peak = time.time() - t, 0.0
    try:
        with open(os.path.join(WORK, ".time")) as f:
            last = f.read().split()
            secs, peak = float(last[-2]), int(last[-1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return (code, out, err, secs, peak)


def rules(out):
    import json
    try:
        j = json.loads(out)
    except ValueError:
        return ""
    ids = sorted({f["rule"] for d in j.get("dossiers", []) for f in d.get("findings", []) if f["rule"].startswith("GO")})
    return " ".join(ids)


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    base = os.path.join(WORK, "hs")
    shutil.copytree(os.path.join(HERE, "tests/fixtures/base"), base)
    r = subprocess.run([BIN, "pack", "--today", TODAY, "hs", "-o", "goc.zip"], cwd=WORK, capture_output=True)
    assert r.returncode == 0, r.stderr
    goc = os.path.join(WORK, "goc.zip")
    es = real_entries(goc)
    attacks = []  # (item, name, bytes)

    def forged(extra):
        return build(relisted(es + extra))

    # 1. aliases of one path
    for alias in ["./to-trinh.yaml", ".//to-trinh.yaml", "dinh-kem/./to-trinh.pdf", "./dinh-kem/to-trinh.pdf",
                  "TO-TRINH.yaml", "to-trinh.yaml.", "to-trinh.yaml ", "dinh-kem//to-trinh.pdf",
                  "DINH-KEM/to-trinh.pdf"]:
        attacks.append((1, f"alias {alias!r}", forged([E(alias, b"ma: gia-mao\n")])))
    nfc = unicodedata.normalize("NFC", "dinh-kem/nguyễn.pdf")
    attacks.append((1, "NFC and NFD of one name", forged([E(nfc, b"%PDF a"), E(unicodedata.normalize("NFD", nfc), b"%PDF b")])))
    # 2. two central directories
    for what, evil in [("../../../../tmp/x.pdf", None), ("100 names, one 1 GiB stream", 100)]:
        good = list(es)
        if evil is None:
            bad = [E(e.name, e.content, e.method) for e in es]
            bad[-2].name = b"../../../../tmp/x.pdf"
            loc, offs, datas = locals_(good)
            b_dir = central(good, offs, datas)
            m_dir = central(bad, offs, datas)
            data = loc + b_dir + m_dir + end(len(good), len(m_dir), len(loc))
        else:
            # 1 GiB of zeros, deflated a mebibyte at a time (about 1 MB).
            c, block, parts, zcrc = zlib.compressobj(6, zlib.DEFLATED, -15), b"\0" * (1 << 20), [], 0
            for _ in range(1024):
                parts.append(c.compress(block))
                zcrc = zlib.crc32(block, zcrc)
            zeros_data = b"".join(parts) + c.flush()
            loc, offs, datas = locals_(good)
            z_off = len(loc)
            loc += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x5359, zcrc,
                               len(zeros_data), 1 << 30, 5, 0) + b"z.pdf" + zeros_data
            b_dir = central(good, offs, datas)
            m = bytearray()
            for k in range(100):
                n = f"dinh-kem/z{k:03}.pdf".encode()
                m += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x0314, 20, 0, 8, 0, 0x5359,
                                 zcrc, len(zeros_data), 1 << 30, len(n), 0, 0, 0, 0,
                                 0o100644 << 16, z_off) + n
            data = loc + b_dir + m + end(100, len(m), len(loc))
        attacks.append((2, f"two directories: {what}", bytes(data)))
    # 3. local headers that disagree
    i = next(k for k, e in enumerate(es) if e.name == b"dinh-kem/to-trinh.pdf")
    for field, value in [("name", b"../../../../tmp/x.pdf"), ("method", 8), ("flags", 8), ("crc", 0x12345678),
                         ("csize", 1), ("usize", 1)]:
        v = [E(e.name, e.content, e.method) for e in es]
        v[i].local[field] = value
        attacks.append((3, f"local header: other {field}", build(v)))
    # 4. entry types
    def typed(name, mode, content=b"x"):
        return E(name, content, 0, None, mode)
    attacks.append((4, "symlink README.md", forged([typed("README.md", 0o120777, b"/etc/passwd")])))
    v = [E(e.name, e.content, e.method) for e in es]
    next(e for e in v if e.name == b"to-trinh.yaml").mode = 0o120644
    attacks.append((4, "to-trinh.yaml as a symlink", build(v)))
    attacks.append((4, "link dinh-kem/x outside + dinh-kem/x/y", forged([typed("dinh-kem/x", 0o120777, b"/tmp"), E("dinh-kem/x/y", b"y")])))
    attacks.append((4, "setuid entry", forged([typed("dinh-kem/a.pdf", 0o104755)])))
    attacks.append((4, "world-writable entry", forged([typed("dinh-kem/a.pdf", 0o100666)])))
    attacks.append((4, "device entry", forged([typed("dinh-kem/a.pdf", 0o020644)])))
    # 5. entries verify cannot read
    attacks.append((5, "encrypted entry, not listed", build(es + [E("dinh-kem/bi-mat.pdf", b"x" * 12, 0, 1)])))
    attacks.append((5, "method 99 (AES), not listed", build(es + [E("dinh-kem/aes.pdf", b"x" * 12, 99)])))
    # 6. lookalike names
    for n in [".", "...", "..\uff0fx", "..\u2215x", "..\u2044x", "..\u00a5x", "..\u20a9x", "\uff0e\uff0e/x", "%2e%2e/x",
              "dinh-kem/fdp\u202e.pdf", "dinh-kem/a\u200b.pdf", "dinh-kem/a\u2028.pdf", "~/x", "CON", "dinh-kem/NUL.pdf",
              "dinh-kem/to-trinh.pdf:Zone.Identifier", "dinh-kem /x.pdf"]:
        attacks.append((6, f"name {n!r}", forged([E(n, b"%PDF-1.4")])))
    # 7 and 8. overlapping entries, one YAML-named 4 MiB stream
    yaml = b"ma: x\n" + b"# " + b"a" * (4 * 1024 * 1024 - 16) + b"\n"
    for count in (200, 2000):
        v = [E(e.name, e.content, e.method) for e in es]
        first = E("bao-cao/y0000.yaml", yaml, 8)
        v.append(first)
        for k in range(1, count):
            e = E(f"bao-cao/y{k:04}.yaml", yaml, 8)
            e.alias_of = len(es)
            v.append(e)
        attacks.append((8, f"{count} names sharing one 4 MiB YAML stream", build(v)))
    # Not overlapping: many distinct 4 MiB YAML entries, each deflated to ~4 KB.
    attacks.append((8, "300 distinct 4 MiB YAML entries", build(es + [E(f"bao-cao/d{k:03}.yaml", yaml[:-8] + b"%07d\n" % k, 8) for k in range(300)])))
    # Layout extras: a comment, bytes before, bytes after.
    attacks.append((2, "end-record comment", build(es, comment=b"PK\x05\x06 hidden")))
    attacks.append((2, "bytes before the first entry", build(es, prefix=b"MZ" + b"\0" * 62)))
    attacks.append((2, "bytes after the end record", build(es, trailing=b"\0" * 100)))

    results = []
    for item, name, data in attacks:
        p = os.path.join(WORK, "x.zip")
        with open(p, "wb") as f:
            f.write(data)
        code, out, err, secs, peak = run([BIN, "verify", "--format", "json", "--today", TODAY, "x.zip"], WORK)
        refused = code in (1, 2) and "nguyên vẹn" not in out
        results.append((item, name, code, rules(out) or err.strip()[:60], secs, peak, refused))

    # 9. many unsafe names (Python writes zip64 beyond 65,535)
    for n in (60_000, 100_000, 200_000):
        p = os.path.join(WORK, "x.zip")
        with zipfile.ZipFile(p, "w") as z:
            for k in range(n):
                z.writestr(f"../{k}.txt", b"")
        code, out, err, secs, peak = run([BIN, "verify", "--format", "json", "--today", TODAY, "x.zip"], WORK)
        results.append((9, f"{n:,} names ../N.txt", code, rules(out), secs, peak, code in (1, 2)))
    # 10. two 40,000-letter ids
    long_ = os.path.join(WORK, "long")
    shutil.copytree(base, long_)
    for f, c in (("to-trinh.yaml", "a"), ("bien-ban.yaml", "b")):
        q = os.path.join(long_, f)
        t = open(q, encoding="utf-8").read().replace("ma: nguyen-thi-hang", "ma: " + c * 40000, 1)
        open(q, "w", encoding="utf-8").write(t)
    for cmd in (["check", "--today", TODAY, "long"], ["pack", "--today", TODAY, "long", "-o", "long.zip"]):
        code, out, err, secs, peak = run([BIN] + cmd, WORK)
        results.append((10, f"two 40,000-letter ids: {cmd[0]}", code, "", secs, peak, code == 1))
    # 11. named pipes
    fifo = os.path.join(WORK, "pipe.zip")
    os.mkfifo(fifo)
    code, out, err, secs, peak = run([BIN, "verify", "pipe.zip"], WORK, timeout=20)
    results.append((11, "verify a named pipe", code, err.strip()[:60], secs, peak, code == 2))
    piped = os.path.join(WORK, "piped")
    shutil.copytree(base, piped)
    os.remove(os.path.join(piped, "bien-ban.yaml"))
    os.mkfifo(os.path.join(piped, "bien-ban.yaml"))
    code, out, err, secs, peak = run([BIN, "check", "--today", TODAY, "piped"], WORK, timeout=20)
    results.append((11, "check with bien-ban.yaml a pipe", code, "HS011" if "HS011" in out else "", secs, peak, code == 1))
    # 12. pack into the dossier
    def untouched(cmd, cwd=WORK):
        before = sorted(os.listdir(base))
        code, out, err, secs, peak = run([BIN] + cmd, cwd)
        return code, secs, peak, code == 2 and sorted(os.listdir(base)) == before
    for cmd, cwd in ((["pack", "--today", TODAY, "hs", "-o", "hs/"], WORK), (["pack", "--today", TODAY, "."], base),
                     (["pack", "--today", TODAY, "hs", "-o", "hs/ho-so.yaml", "--force"], WORK)):
        code, secs, peak, ok = untouched(cmd, cwd)
        results.append((12, "pack " + " ".join(cmd[3:]) + (" (from inside)" if cwd == base else ""), code, "", secs, peak, ok))
    # 15. a size limit while writing
    big = os.path.join(WORK, "big")
    shutil.copytree(base, big)
    with open(os.path.join(big, "dinh-kem/to-trinh.pdf"), "ab") as f:
        f.write(b"\7" * (4 << 20))
    os.makedirs(os.path.join(WORK, "out"), exist_ok=True)
    code, out, err, secs, peak = run(f"ulimit -f 1024; exec '{BIN}' pack --today {TODAY} big -o out/goi.zip", WORK, shell=True)
    ok = code == 2 and "out/goi.zip" in err and "ZipWriter" not in err and not os.listdir(os.path.join(WORK, "out"))
    results.append((15, "pack under ulimit -f 1024", code, err.strip().splitlines()[-1][:60] if err.strip() else "", secs, peak, ok))

    print("| # | attack | exit | said | time (s) | peak (MB) | refused |")
    print("|---|---|---|---|---|---|---|")
    for item, name, code, said, secs, peak, ok in results:
        said = said.replace("|", "\\|").replace("\n", " ")
        print(f"| {item} | {name} | {code} | {said} | {secs:.2f} | {peak:.0f} | {'yes' if ok else 'NO'} |")
    # The control: the untouched bundle must still pass.
    code, out, err, secs, peak = run([BIN, "verify", "--format", "json", "--today", TODAY, "goc.zip"], WORK)
    print(f"\nControl: the bundle from `pack` verifies with exit {code} in {secs:.2f} s, {peak:.0f} MB.")
    worst_t = max(results, key=lambda r: r[4])
    worst_m = max(results, key=lambda r: r[5])
    refused = sum(1 for r in results if r[6])
    print(f"\n{len(results)} attacks tried, {refused} refused; slowest {worst_t[4]:.2f} s ({worst_t[1]}), "
          f"largest peak {worst_m[5]:.0f} MB ({worst_m[1]}).")
    return 0 if refused == len(results) and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
