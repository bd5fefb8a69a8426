#!/usr/bin/env python3
"""Attacks on the editing commands' transactions, lock and journal (issue #17).

    python3 bench/attacks_edit.py target/release/dossier WORKDIR [TRIES]

Each row: the attack, the exit codes seen, what was said (first words), and the verdict: whether
the dossier's visible files are the old ones or the new ones (never a mix) once the next command
has run, and whether anything outside the dossier changed. Run from the project's root (it copies
examples/01). TRIES (default 20) is the number of kills per command.
"""

import hashlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import unicodedata

BIN = os.path.abspath(sys.argv[1])
WORK = os.path.abspath(sys.argv[2])
TRIES = int(sys.argv[3]) if len(sys.argv) > 3 else 20
EXAMPLE = os.path.abspath("examples/01-giay-khen-chuyen-de-truong-yen")
TODAY = "2026-01-01"
ROWS = []


def row(what, exits, said, verdict):
    ROWS.append((what, exits, said, verdict))
    print(f"| {what} | {exits} | {said} | {verdict} |", flush=True)


def run(args, timeout=60, **kw):
    p = subprocess.run([BIN] + args, capture_output=True, text=True, timeout=timeout, **kw)
    return p.returncode, (p.stdout + p.stderr)


def first_words(text, n=110):
    t = " ".join(text.split())
    return (t[:n] + "…") if len(t) > n else t


def snapshot(d, hidden=False):
    """Visible files (or all, with `hidden`) with their SHA-256, and the folders."""
    out = {}
    for root, dirs, files in os.walk(d):
        rel_root = os.path.relpath(root, d)
        if not hidden:
            dirs[:] = [x for x in dirs if not x.startswith(".")]
        for f in files:
            if not hidden and f.startswith("."):
                continue
            p = os.path.join(root, f)
            rel = os.path.normpath(os.path.join(rel_root, f))
            if os.path.islink(p) or not os.path.isfile(p):
                out[rel] = "special"
                continue
            with open(p, "rb") as fh:
                out[rel] = hashlib.sha256(fh.read()).hexdigest()
        for x in dirs:
            out[os.path.normpath(os.path.join(rel_root, x)) + "/"] = "dir"
    return out


def leftovers(d):
    return sorted(
        os.path.relpath(os.path.join(r, f), d)
        for r, ds, fs in os.walk(d)
        for f in fs + ds
        if f.startswith(".dossier") and f not in (".dossier.yaml",)
    )


def fresh(name, src=EXAMPLE):
    d = os.path.join(WORK, name)
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(src, d, symlinks=True)
    return d


def ds_codes(d):
    p = subprocess.run([BIN, "check", "--no-config", "--today", TODAY, "--format", "json", d],
                       capture_output=True, text=True, timeout=60)
    code, out = p.returncode, p.stdout
    try:
        j = json.loads(out)
        b = j["summary"]["by_rule"]
        return code, {k: v for k, v in b.items() if k in ("DS001", "DS002", "DS004", "DS005")}
    except (ValueError, KeyError):
        return code, {"unparsed": first_words(out, 60)}


def write_list(path, who, n):
    rows = ["STT,Họ và tên,Cá nhân/Tập thể,Đơn vị,Đối tượng"] + [
        f'{i},{who} K{i},Cá nhân,"Thôn Đông, xã Trường Yên",Lực lượng tuyến đầu'
        for i in range(1, n + 1)
    ]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    return path


def make_fixable(d):
    """Text in NFD, an attachment named with a zero-width space and another in NFD with ':'."""
    os.rename(f"{d}/dinh-kem/bien-ban.pdf", f"{d}/dinh-kem/bien\u200b-ban.pdf")
    p = f"{d}/bien-ban.yaml"
    s = open(p, encoding="utf-8").read().replace("dinh-kem/bien-ban.pdf", "dinh-kem/bien\u200b-ban.pdf")
    open(p, "w", encoding="utf-8").write(s)
    nfd = unicodedata.normalize("NFD", "dinh-kem/Tờ trình: số 1.pdf")
    os.rename(f"{d}/dinh-kem/to-trinh.pdf", f"{d}/{nfd}")
    p = f"{d}/to-trinh.yaml"
    s = open(p, encoding="utf-8").read().replace("dinh-kem/to-trinh.pdf", f'"{nfd}"')
    open(p, "w", encoding="utf-8").write(s)
    for f in os.listdir(f"{d}/bao-cao"):
        p = f"{d}/bao-cao/{f}"
        s = open(p, encoding="utf-8").read()
        open(p, "w", encoding="utf-8").write(unicodedata.normalize("NFD", s))


LIST200 = None
LIST_B = None

COMMANDS = {
    "add": (None, lambda d: ["add", d, "--ten", "Trần Văn Mới", "--doi-tuong", "tuyen_dau", "--don-vi", "Thôn Đông"]),
    "remove": (None, lambda d: ["remove", d, "--ma", "hoang-van-dung"]),
    "fix": (make_fixable, lambda d: ["fix", d]),
    "import": (None, lambda d: ["import", d, "--danh-sach", LIST200]),
}


def reference(cmd):
    prep, args = COMMANDS[cmd]
    d = fresh(f"ref-{cmd}")
    if prep:
        prep(d)
    before = snapshot(d)
    REF_CODES["old"] = ds_codes(d)[1]
    t0 = time.time()
    code, out = run(args(d))
    took = time.time() - t0
    assert code == 0, (cmd, out)
    REF_CODES["new"] = ds_codes(d)[1]
    return before, snapshot(d), took


REF_CODES = {}


def verdict(d, before, after, outside_before):
    """Run the next command (check), then judge."""
    code, codes = ds_codes(d)
    now = snapshot(d)
    v = "old" if now == before else "new" if now == after else "MIXED"
    # DS00x other than the old or new dossier's own: a half-committed dossier was read.
    codes = codes if v == "MIXED" or codes != REF_CODES.get(v) else {}
    # .dossier.owner of a killed writer stays until the next writer (hidden; a limit).
    left = [x for x in leftovers(d) if x != ".dossier.owner"]
    out_ok = snapshot(os.path.join(WORK, "outside"), hidden=True) == outside_before
    return v, codes, left, out_ok


def kill_attack(cmd, sig, tries):
    before, after, took = reference(cmd)
    outside_before = snapshot(os.path.join(WORK, "outside"), hidden=True)
    tally = {"old": 0, "new": 0, "MIXED": 0}
    exits = set()
    ds = 0
    left_before_next = 0
    left_after_next = 0
    said = set()
    prep, args = COMMANDS[cmd]
    for _ in range(tries):
        d = fresh(f"k-{cmd}")
        if prep:
            prep(d)
        p = subprocess.Popen([BIN] + args(d), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(random.uniform(0, took * 1.2))
        try:
            p.send_signal(sig)
        except ProcessLookupError:
            pass
        o, e = p.communicate()
        exits.add(p.returncode)
        if p.returncode not in (0,) and (o + e).strip():
            said.add(first_words(o + e, 70))
        if leftovers(d):
            left_before_next += 1
        v, codes, left, out_ok = verdict(d, before, after, outside_before)
        if codes:
            ds += 1
        if left:
            left_after_next += 1
        if not out_ok:
            tally["MIXED"] += 1000
        tally[v] += 1
    name = {signal.SIGKILL: "SIGKILL", signal.SIGINT: "SIGINT", signal.SIGTERM: "SIGTERM"}[sig]
    row(
        f"{name} at random moments of {cmd} ({tries}×, uninterrupted {took:.2f}s)",
        ",".join(str(x) for x in sorted(exits)),
        (" / ".join(sorted(said))[:200] or "-")
        + f"; staged files left before the next run in {left_before_next}",
        f"old {tally['old']}, new {tally['new']}, mixed {tally['MIXED']}; DS00x not of old/new {ds}; "
        f"staged files left after the next run {left_after_next}",
    )


def kill_init(tries):
    parent = os.path.join(WORK, "init-parent")
    shutil.rmtree(parent, ignore_errors=True)
    os.makedirs(parent)
    t0 = time.time()
    run(["init", os.path.join(parent, "ref"), "--today", TODAY])
    took = time.time() - t0
    ref = snapshot(os.path.join(parent, "ref"))
    half = 0
    for i in range(tries):
        d = os.path.join(parent, f"hs{i}")
        p = subprocess.Popen([BIN, "init", d, "--today", TODAY], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(random.uniform(0, took * 1.2))
        p.kill()
        p.wait()
        if os.path.exists(d) and snapshot(d) != ref:
            half += 1
    builds_before = [x for x in os.listdir(parent) if x.startswith(".dossier-init-")]
    run(["init", os.path.join(parent, "last"), "--today", TODAY])
    builds_after = [x for x in os.listdir(parent) if x.startswith(".dossier-init-")]
    row(
        f"SIGKILL at random moments of init into a new folder ({tries}×)",
        "-9",
        f"build folders left {len(builds_before)}, after the next init {len(builds_after)}",
        f"half dossiers under the clerk's name: {half}",
    )


def init_pair(rounds):
    """Two inits of different new folders in one parent at once: each may remove the other's
    build folder only when its builder is gone."""
    parent = os.path.join(WORK, "init-pair")
    shutil.rmtree(parent, ignore_errors=True)
    os.makedirs(parent)
    run(["init", os.path.join(parent, "ref"), "--today", TODAY])
    ref = snapshot(os.path.join(parent, "ref"))
    bad = 0
    codes = set()
    for i in range(rounds):
        ds = [os.path.join(parent, f"a{i}"), os.path.join(parent, f"b{i}")]
        ps = [subprocess.Popen([BIN, "init", d, "--today", TODAY], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL) for d in ds]
        for p in ps:
            codes.add(p.wait())
        bad += sum(1 for d in ds if os.path.exists(d) and snapshot(d) != ref)
    row(f"init + init of two new folders in one parent at once ({rounds} rounds)",
        ",".join(map(str, sorted(codes))), "-", f"half dossiers {bad}")


def concurrent(kind_a, kind_b, rounds):
    """Two writers of different kinds at once: both exit 0 and both effects are there, or one
    refuses naming the other and the dossier holds the other's effect."""
    lost = 0
    refused = 0
    said = set()
    for _ in range(rounds):
        d = fresh("conc")
        if kind_a == "fix" or kind_b == "fix":
            make_fixable(d)
        cmds = {
            "add": ["add", d, "--ten", "Trần Văn Mới", "--doi-tuong", "tuyen_dau", "--don-vi", "Thôn Đông"],
            "import": ["import", d, "--danh-sach", LIST_B],
            "fix": ["fix", d],
            "remove": ["remove", d, "--ma", "hoang-van-dung"],
        }
        ps = [subprocess.Popen([BIN] + cmds[k], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for k in (kind_a, kind_b)]
        res = [(p.wait(), p.stdout.read() + p.stderr.read()) for p in ps]
        tt = open(f"{d}/to-trinh.yaml", encoding="utf-8").read()
        effects = {
            "add": "Trần Văn Mới" in tt,
            "import": "Phạm Thị K40" in tt,
            "fix": "\u200b" not in open(f"{d}/bien-ban.yaml", encoding="utf-8").read(),
            "remove": not os.path.exists(f"{d}/bao-cao/hoang-van-dung.yaml"),
        }
        for k, (code, out) in zip((kind_a, kind_b), res):
            if code == 0 and not effects[k]:
                lost += 1
            if code != 0:
                refused += 1
                said.add(first_words(out, 90))
        _, codes = ds_codes(d)
        if codes:
            lost += 1
    row(
        f"{kind_a} + {kind_b} at once ({rounds} rounds)",
        f"refusals {refused}",
        " / ".join(sorted(said))[:220] or "-",
        f"lost or crossed updates {lost}",
    )


def check_during_import(rounds):
    bad = 0
    for _ in range(rounds):
        d = fresh("cdi")
        p = subprocess.Popen([BIN, "import", d, "--danh-sach", LIST200], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seen = []
        while p.poll() is None:
            code, codes = ds_codes(d)
            seen.append(codes)
        if any(c for c in seen):
            bad += 1
    row(f"check in a loop during a 200-row import ({rounds} imports)", "-", "-",
        f"imports during which a check reported DS00x: {bad}")


def lock_held(seconds=8):
    """A live process holds the dossier (flock on the folder) a long time: a writer and a
    reader must refuse in about 5 s, naming it."""
    import fcntl
    d = fresh("held")
    with open(f"{d}/.dossier.owner", "w") as f:
        f.write("import (4242)")
    fd = os.open(d, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        for args, who in (
            (["add", d, "--ten", "Trần Văn Mới", "--doi-tuong", "tuyen_dau", "--don-vi", "Thôn Đông"], "add"),
            (["check", "--no-config", "--today", TODAY, d], "check"),
            (["fix", "--dry-run", d], "fix --dry-run"),
        ):
            t0 = time.time()
            code, out = run(args)
            row(f"dossier held by a live process; {who} waits", f"{code} in {time.time() - t0:.1f}s",
                first_words(out, 120), "names the holder" if "4242" in out else "HOLDER NOT NAMED")
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


JOURNAL_HEAD = "dossier-journal 1\ncommand\timport\n"
Z = "0" * 64


def planted_journals():
    outside = os.path.join(WORK, "outside")
    victims = {
        "truncated": JOURNAL_HEAD + "replace\tto-trinh.yaml\t.dossier-1-0.tmp\t" + Z[:20],
        "hash of the wrong length": JOURNAL_HEAD + f"delete\tbao-cao/le-thu-trang.yaml\t{Z}0\nend\n",
        "path with ..": JOURNAL_HEAD + f"delete\t../outside/x.yaml\t{Z}\nend\n",
        "absolute path": JOURNAL_HEAD + f"delete\t{outside}/x.yaml\t{Z}\nend\n",
        "backslashes": JOURNAL_HEAD + f"delete\tbao-cao\\..\\..\\outside\\x.yaml\t{Z}\nend\n",
        "bao-cao/../../x.yaml": JOURNAL_HEAD + f"delete\tbao-cao/../../outside/x.yaml\t{Z}\nend\n",
        "rename out of the dossier": JOURNAL_HEAD + "rename\tto-trinh.yaml\t../outside/stolen.yaml\nend\n",
        "NUL bytes": JOURNAL_HEAD + f"delete\tbao-cao/le-thu-trang.yaml\0\t{Z}\nend\n",
        "CRLF line endings": (JOURNAL_HEAD + f"delete\tbao-cao/none.yaml\t{Z}\nend\n").replace("\n", "\r\n"),
        "thousands of operations": JOURNAL_HEAD + "".join(f"delete\tbao-cao/n{i}.yaml\t{Z}\n" for i in range(20000)) + "end\n",
    }
    for what, text in victims.items():
        for cmd in ("check", "add"):
            d = fresh("pj")
            with open(f"{d}/.dossier.journal", "w", newline="") as f:
                f.write(text)
            attack_journal(d, f"journal: {what}", cmd)
    # 100 MB, a symlink, a FIFO, a folder
    d = fresh("pj")
    with open(f"{d}/.dossier.journal", "wb") as f:
        f.truncate(100 * 1024 * 1024)
    attack_journal(d, "journal: 100 MB", "check")
    for kind in ("symlink", "fifo", "folder"):
        d = fresh("pj")
        j = f"{d}/.dossier.journal"
        if kind == "symlink":
            with open(f"{outside}/journal.txt", "w") as f:
                f.write(JOURNAL_HEAD + "end\n")
            os.symlink(f"{outside}/journal.txt", j)
        elif kind == "fifo":
            os.mkfifo(j)
        else:
            os.mkdir(j)
        attack_journal(d, f"journal is a {kind}", "check")
        attack_journal(d, f"journal is a {kind}", "add")
    # A real journal whose staged file is a symlink to outside, or a folder; a target that is a folder.
    for kind in ("temp symlink", "temp folder", "target folder", "temp hardlink outside"):
        d = fresh("pj")
        old = hashlib.sha256(open(f"{d}/to-trinh.yaml", "rb").read()).hexdigest()
        tmp = f"{d}/.dossier-1-0.tmp"
        target = "to-trinh.yaml"
        if kind == "temp symlink":
            os.symlink(f"{outside}/x.yaml", tmp)
        elif kind == "temp folder":
            os.mkdir(tmp)
        elif kind == "temp hardlink outside":
            os.link(f"{outside}/x.yaml", tmp)
        else:
            os.mkdir(f"{d}/bao-cao/dir.yaml")
            target = "bao-cao/dir.yaml"
            tmp = f"{d}/bao-cao/.dossier-1-0.tmp"
            open(tmp, "w").write("x: 1\n")
        new = hashlib.sha256(open(f"{outside}/x.yaml", "rb").read()).hexdigest()
        tdir = os.path.dirname(target)
        trel = (tdir + "/" if tdir else "") + ".dossier-1-0.tmp"
        with open(f"{d}/.dossier.journal", "w") as f:
            f.write(JOURNAL_HEAD + f"replace\t{target}\t{trel}\t{old}\t{new}\nend\n")
        attack_journal(d, f"journal with a {kind}", "check")


def attack_journal(d, what, cmd, as_nobody=False):
    outside = os.path.join(WORK, "outside")
    ob = snapshot(outside, hidden=True)
    before = snapshot(d)
    args = {
        "check": ["check", "--no-config", "--today", TODAY, d],
        "add": ["add", d, "--ten", "Trần Văn Mới", "--doi-tuong", "tuyen_dau", "--don-vi", "Thôn Đông"],
        "pack": ["pack", d, "-o", f"/tmp/attacks-edit-{os.getpid()}.zip", "--today", TODAY],
    }[cmd]
    try:
        if as_nobody:
            p = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", BIN] + args,
                               capture_output=True, text=True, timeout=30, cwd="/tmp")
            code, out = p.returncode, p.stdout + p.stderr
        else:
            code, out = run(args, timeout=30)
    except subprocess.TimeoutExpired:
        code, out = "HANG", ""
    now = snapshot(d)
    same = "unchanged" if now == before else "CHANGED: " + ", ".join(
        sorted(k for k in set(now) | set(before) if now.get(k) != before.get(k)))[:80]
    row(f"{what}; {cmd}", code, first_words(out, 130),
        f"dossier {same}; outside {'unchanged' if snapshot(outside, hidden=True) == ob else 'CHANGED'}")


def read_only_with_journal():
    """A kill after the commit point, then the dossier made read-only: check and pack."""
    for cmd in ("check", "pack"):
        d = fresh("ro")
        # A real journal: stop an import right after it (the debug hook is not in a release
        # build, so the journal is made by hand as a commit writes it).
        old = hashlib.sha256(open(f"{d}/to-trinh.yaml", "rb").read()).hexdigest()
        newtext = open(f"{d}/to-trinh.yaml", encoding="utf-8").read() + "# sửa\n"
        open(f"{d}/.dossier-1-0.tmp", "w", encoding="utf-8").write(newtext)
        new = hashlib.sha256(newtext.encode()).hexdigest()
        with open(f"{d}/.dossier.journal", "w") as f:
            f.write(JOURNAL_HEAD + f"replace\tto-trinh.yaml\t.dossier-1-0.tmp\t{old}\t{new}\nend\n")
        subprocess.run(["chmod", "-R", "a-w", d])
        # As root every file is writable: the command runs as nobody (setpriv) when root.
        attack_journal(d, "journal on a read-only dossier (chmod -R a-w)", cmd, as_nobody=os.getuid() == 0)
        subprocess.run(["chmod", "-R", "u+w", d])


def clerk_tmp_file():
    for cmd in ("check", "add"):
        d = fresh("ctmp")
        for f in (".dossier-x.tmp", "bao-cao/.dossier-ghi-chu.tmp"):
            open(f"{d}/{f}", "w").write("ghi chú của cán bộ\n")
        args = ["check", "--no-config", "--today", TODAY, d] if cmd == "check" else \
            ["add", d, "--ten", "Trần Văn Mới", "--doi-tuong", "tuyen_dau", "--don-vi", "Thôn Đông"]
        code, out = run(args)
        kept = [f for f in (".dossier-x.tmp", "bao-cao/.dossier-ghi-chu.tmp") if os.path.exists(f"{d}/{f}")]
        row(f"clerk's own .dossier-x.tmp files; {cmd}", code, first_words(out, 100),
            f"kept {len(kept)} of 2")


def links():
    outside = os.path.join(WORK, "outside")
    cases = []
    # hardlink to a file outside: replaced by add/import; the outside file must not change.
    d = fresh("ln-hard")
    shutil.copy(f"{d}/to-trinh.yaml", f"{outside}/to-trinh-hard.yaml")
    os.remove(f"{d}/to-trinh.yaml")
    os.link(f"{outside}/to-trinh-hard.yaml", f"{d}/to-trinh.yaml")
    cases.append(("to-trinh.yaml a hardlink to a file outside; add", d, "add"))
    d = fresh("ln-in")
    os.rename(f"{d}/bao-cao/le-thu-trang.yaml", f"{d}/dinh-kem/le-thu-trang.yaml")
    os.symlink("../dinh-kem/le-thu-trang.yaml", f"{d}/bao-cao/le-thu-trang.yaml")
    cases.append(("a report linked inside→inside; remove of it", d, "remove-le"))
    d = fresh("ln-dangling")
    os.symlink("nowhere.yaml", f"{d}/bao-cao/ghost.yaml")
    cases.append(("a dangling link in bao-cao/; add", d, "add"))
    d = fresh("ln-loop")
    os.symlink("loop2", f"{d}/dinh-kem/loop1")
    os.symlink("loop1", f"{d}/dinh-kem/loop2")
    cases.append(("a link loop in dinh-kem/; fix", d, "fix"))
    d = fresh("ln-file-baocao")
    shutil.rmtree(f"{d}/bao-cao")
    open(f"{d}/bao-cao", "w").write("not a folder\n")
    cases.append(("bao-cao a file; add", d, "add"))
    real = fresh("ln-real")
    via = os.path.join(WORK, "via-link")
    if os.path.lexists(via):
        os.remove(via)
    os.symlink(real, via)
    cases.append(("the dossier reached through a symlink; add", via, "add"))
    for what, d, cmd in cases:
        ob = snapshot(outside, hidden=True)
        args = {
            "add": ["add", d, "--ten", "Trần Văn Mới", "--doi-tuong", "tuyen_dau", "--don-vi", "Thôn Đông"],
            "remove-le": ["remove", d, "--ma", "le-thu-trang"],
            "fix": ["fix", d],
        }[cmd]
        try:
            code, out = run(args, timeout=30)
        except subprocess.TimeoutExpired:
            code, out = "HANG", ""
        row(what, code, first_words(out, 130),
            f"outside {'unchanged' if snapshot(outside, hidden=True) == ob else 'CHANGED'}; "
            f"leftovers {leftovers(d) or 'none'}")


def owner_file():
    outside = os.path.join(WORK, "outside")
    for kind in ("symlink", "hardlink", "fifo"):
        d = fresh("own")
        target = f"{outside}/owner-target.txt"
        open(target, "w").write("the clerk's notes\n")
        ob = snapshot(outside, hidden=True)
        o = f"{d}/.dossier.owner"
        if kind == "symlink":
            os.symlink(target, o)
        elif kind == "hardlink":
            os.link(target, o)
        else:
            os.mkfifo(o)
        try:
            code, out = run(["add", d, "--ten", "Trần Văn Mới", "--doi-tuong", "tuyen_dau", "--don-vi", "Thôn Đông"], timeout=30)
        except subprocess.TimeoutExpired:
            code, out = "HANG", ""
        # A second command waiting on a holder whose owner file is a FIFO.
        row(f".dossier.owner a {kind} to outside; add", code, first_words(out, 80),
            f"outside {'unchanged' if snapshot(outside, hidden=True) == ob else 'CHANGED (written through)'}")
        os.remove(target) if os.path.exists(target) else None
    # FIFO owner while the dossier is held: the waiting command must not hang.
    import fcntl
    d = fresh("ownfifo")
    os.mkfifo(f"{d}/.dossier.owner")
    fd = os.open(d, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    t0 = time.time()
    try:
        code, out = run(["add", d, "--ten", "X Y", "--doi-tuong", "tuyen_dau"], timeout=30)
    except subprocess.TimeoutExpired:
        code, out = "HANG", ""
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)
    row(".dossier.owner a FIFO while held; add waits", f"{code} in {time.time() - t0:.1f}s", first_words(out, 100), "-")


def main():
    global LIST200, LIST_B
    random.seed(17)
    os.makedirs(WORK, exist_ok=True)
    outside = os.path.join(WORK, "outside")
    shutil.rmtree(outside, ignore_errors=True)
    os.makedirs(outside)
    open(f"{outside}/x.yaml", "w").write("ngoai: 1\n")
    LIST200 = write_list(os.path.join(WORK, "ds200.csv"), "Trần Văn", 200)
    LIST_B = write_list(os.path.join(WORK, "ds40.csv"), "Phạm Thị", 40)
    print("| attack | exit | said | verdict |\n|---|---|---|---|")
    only = os.environ.get("ATTACKS", "kill,signal,init,concurrent,checkloop,lock,journal,ro,tmp,links,owner").split(",")
    if "kill" in only:
        for cmd in ("add", "remove", "fix", "import"):
            kill_attack(cmd, signal.SIGKILL, TRIES)
    if "signal" in only:
        for sig in (signal.SIGINT, signal.SIGTERM):
            kill_attack("import", sig, max(5, TRIES // 2))
    if "init" in only:
        kill_init(TRIES)
    if "concurrent" in only:
        init_pair(TRIES)
        for a, b in (("add", "import"), ("fix", "add"), ("remove", "import")):
            concurrent(a, b, TRIES)
    if "checkloop" in only:
        check_during_import(max(3, TRIES // 4))
    if "lock" in only:
        lock_held()
    if "journal" in only:
        planted_journals()
    if "ro" in only:
        read_only_with_journal()
    if "tmp" in only:
        clerk_tmp_file()
    if "links" in only:
        links()
    if "owner" in only:
        owner_file()


if __name__ == "__main__":
    main()
