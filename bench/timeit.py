#!/usr/bin/env python3
"""Time a shell command: `timeit.py RUNS SETUP COMMAND` prints "MEDIAN_SECONDS PEAK_MB".

SETUP (a shell command, may be "") runs before every run, untimed: an import needs a fresh
dossier each time. One warm-up run first (page cache). Wall time by perf_counter (milliseconds
matter here: /usr/bin/time rounds to 10 ms, a tenth of the pack it measures), peak RSS of the
command's process tree by wait4 (the largest of its processes).
"""
import os
import statistics
import subprocess
import sys
import time


def run(cmd: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    p = subprocess.Popen(["bash", "-c", cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    return time.perf_counter() - t0, usage.ru_maxrss


def main() -> None:
    runs, setup, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    walls, peak = [], 0
    for i in range(runs + 1):
        if setup:
            subprocess.run(["bash", "-c", setup], check=True, stdout=subprocess.DEVNULL)
        wall, rss = run(cmd)
        if i == 0:
            continue
        walls.append(wall)
        peak = max(peak, rss)
    print(f"{statistics.median(walls):.3f} {peak / 1024:.1f}")


if __name__ == "__main__":
    main()
