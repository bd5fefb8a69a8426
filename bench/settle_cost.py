#!/usr/bin/env python3
"""python3 bench/settle_cost.py CORPUS: an upper bound of what #17 added to `check` per dossier."""
# The work #17 added to `check` per dossier, replayed: needs_settling (list the dossier folder and
# bao-cao/), then lock::read (canonicalize, open the folder, flock shared, unlock, close).
import fcntl, os, sys, time
root = sys.argv[1]
dirs = [os.path.join(root, d) for d in sorted(os.listdir(root)) if os.path.isdir(os.path.join(root, d))]
t0 = time.perf_counter()
for d in dirs:
    for sub in (d, os.path.join(d, "bao-cao")):
        try:
            any(e.name.startswith(".dossier-") for e in os.scandir(sub))
        except OSError:
            pass
    os.path.realpath(d)
    fd = os.open(d, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_SH)
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)
print(f"{len(dirs)} dossiers: {time.perf_counter() - t0:.3f} s")
