#!/usr/bin/env python3
"""Charge each perf sample to the innermost lede:: function on its stack, and
split that by what the sample was actually executing (regex engine, memory
allocation/copying, unicode-segmentation, the kernel, anything else).

    perf script -i perf.data | bench/perf_by_fn.py [TOP]

bench/profile.sh runs it. "Innermost" skips closures and lede::cli, so a
regex search inside boilerplate::cue counts for boilerplate::cue.
"""

import collections
import re
import sys

FRAME = re.compile(r"\s*[0-9a-f]+\s+(.*?)(?:\+0x[0-9a-f]+)?(?: \(inlined\)| \(.*\))?$")
KINDS = ("regex", "alloc/copy", "unicode-seg", "kernel", "other")


def kind(first_line, leaf):
    if first_line.strip().startswith("ffffffff"):
        return "kernel"
    if leaf.startswith(("regex", "<regex", "aho_corasick", "<aho_corasick", "memchr", "<memchr")):
        return "regex"
    if any(k in leaf for k in ("malloc", "free", "memset", "memmove", "memcpy", "realloc", "alloc::")):
        return "alloc/copy"
    if "unicode_segmentation" in leaf:
        return "unicode-seg"
    return "other"


def main():
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    by_fn, by_kind, split = collections.Counter(), collections.Counter(), collections.Counter()
    n = 0
    for sample in sys.stdin.read().split("\n\n"):
        lines = [l for l in sample.strip().split("\n") if l.strip()]
        if len(lines) < 2:
            continue
        frames = [(FRAME.match(l) or re.match(r"(.*)", l)).group(1).strip() for l in lines[1:]]
        k = kind(lines[1], frames[0])
        fn = next(
            (f for f in frames if f.startswith("lede::") and "{{closure}}" not in f and not f.startswith("lede::cli")),
            "(outside lede::analyze)",
        )
        n += 1
        by_fn[fn] += 1
        by_kind[k] += 1
        split[fn, k] += 1
    if not n:
        sys.exit("no samples")
    print(f"{n} samples; by what ran: " + ", ".join(f"{k} {100 * v / n:.1f}%" for k, v in by_kind.most_common()))
    print(f"{'share':>6}  innermost lede:: function ({' / '.join(KINDS)})")
    for fn, v in by_fn.most_common(top):
        parts = " / ".join(f"{100 * split[fn, k] / n:.1f}" for k in KINDS)
        print(f"{100 * v / n:5.1f}%  {fn}  ({parts})")


if __name__ == "__main__":
    main()
