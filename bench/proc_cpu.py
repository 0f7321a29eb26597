"""CPU seconds used so far by groups of processes, read from /proc/<pid>/stat,
for the per-request server CPU of bench/cluster-scale.sh: it samples before
and after each load and divides the difference by the requests wrk completed.

A group's time is, for each pid given, its own user + system time plus the
time of its children: the children that have exited and been reaped (the
cutime and cstime fields, so a PostgreSQL backend that ends between two
samples still counts) and those still alive (found by their parent pid).
Pids that no longer exist count 0.

Usage: proc_cpu.py NAME=PID[,PID...] ...
Prints one line: NAME=SECONDS for each group, in the order given.
"""

import os
import sys

TICK = os.sysconf("SC_CLK_TCK")


def stat_fields(pid):
    """The fields after the command name of /proc/<pid>/stat (state is [0]), or None."""
    try:
        text = open(f"/proc/{pid}/stat").read()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()


def all_parents():
    """Each live process's parent pid, keyed by pid."""
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            fields = stat_fields(name)
            if fields:
                parents[int(name)] = int(fields[1])
    return parents


def group_seconds(pids, parents):
    """CPU seconds of the pids, their reaped children and their live descendants."""
    ticks = 0
    for pid in pids:
        fields = stat_fields(pid)
        if not fields:
            continue
        # utime, stime, cutime, cstime are fields 14-17 of stat, [11:15] here.
        ticks += sum(int(v) for v in fields[11:15])
        for child, parent in parents.items():
            if parent == pid:
                ticks += group_seconds([child], parents) * TICK
    return ticks / TICK


def main():
    parents = all_parents()
    out = []
    for arg in sys.argv[1:]:
        name, pids = arg.split("=", 1)
        out.append(f"{name}={group_seconds([int(p) for p in pids.split(',') if p], parents):.2f}")
    print(" ".join(out))


if __name__ == "__main__":
    main()
