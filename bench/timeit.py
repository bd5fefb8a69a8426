#!/usr/bin/env python3
"""Time shell commands: `timeit.py RUNS SETUP COMMAND [SETUP2 COMMAND2 ...]` prints one line
"MEDIAN_SECONDS PEAK_MB" per command.

SETUP (a shell command, may be "") runs before every run, untimed: an import needs a fresh
dossier each time. One warm-up run first (page cache). Several commands are run in turn, one run
of each per round, so a command and its peer meet the same moments of a shared machine (timed
one after the other, a neighbour's burst during one series moved a ratio by a fifth). Wall time
by perf_counter (milliseconds matter here: /usr/bin/time rounds to 10 ms, a tenth of the pack it
measures), peak RSS of the command's process tree by wait4 (the largest of its processes).
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
    runs, rest = int(sys.argv[1]), sys.argv[2:]
    pairs = list(zip(rest[0::2], rest[1::2]))
    walls: list[list[float]] = [[] for _ in pairs]
    peaks = [0 for _ in pairs]
    for i in range(runs + 1):
        for k, (setup, cmd) in enumerate(pairs):
            if setup:
                subprocess.run(["bash", "-c", setup], check=True, stdout=subprocess.DEVNULL)
            wall, rss = run(cmd)
            if i == 0:
                continue
            walls[k].append(wall)
            peaks[k] = max(peaks[k], rss)
    for w, peak in zip(walls, peaks):
        print(f"{statistics.median(w):.3f} {peak / 1024:.1f}")


if __name__ == "__main__":
    main()
