#!/usr/bin/env python3
"""CPU time of one short process, measured robustly (issue 15).

    startup.py RUNS CMD [ARG...]     prints "MEDIAN_MS MIN_MS P90_MS" of user + sys CPU

Runs CMD RUNS times, one after another, stdout and stderr to /dev/null, and
reads each child's own CPU time (user + sys) from wait4's rusage: the
figure belongs to that one process, not to a shell loop around it, and other
load on the machine disturbs it far less than wall time. The median of many
runs is the figure to quote; the minimum shows the floor. The kernel counts
CPU time in scheduler ticks on some systems, so a single run of a few ms is
coarse; the median over 100+ runs is not.
"""

import os
import subprocess
import sys


def cpu_ms(cmd):
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(cmd, stdout=null, stderr=null)
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"startup.py: {' '.join(cmd)} exited with {p.returncode}")
    return (ru.ru_utime + ru.ru_stime) * 1000


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    runs, cmd = int(argv[0]), argv[1:]
    cpu_ms(cmd)  # page cache and dynamic loader warm
    t = sorted(cpu_ms(cmd) for _ in range(runs))
    print(f"{t[len(t) // 2]:.2f} {t[0]:.2f} {t[int(len(t) * 0.9)]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
