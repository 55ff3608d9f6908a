#!/usr/bin/env python3
"""Scaling suite (issue 14): hostile input families at two sizes ten times apart.

    bench/scaling.py [--bin target/release/lede] [--scale X] [--only NAME,...]
                     [--keep DIR] [--list] [--json FILE]

Each family is a generator of one article of about N bytes built from a unit
repeated (see FAMILIES). lede runs once on the small size and once on the
large one (ten times larger) under `/usr/bin/time` (see measure()), and the
family passes
when
  - the large run takes at most 20x the CPU time (user + sys) of the small
    one (linear time gives about 10x; quadratic about 100x), and
  - its peak RSS is at most 3x its input plus the peak RSS of lede on a
    tiny article that quotes someone (the constant: binary, tables,
    thread stacks). Printed beside it: the small run's peak, and how
    much the peak grew per byte the input grew ("grow": the large peak
    minus the small one, over the difference of sizes), which leaves the
    fixed costs out (pages of code and tables, such as the boilerplate
    needle automata past 16 KiB of blocks, that a long article touches
    once and the tiny one never does).
Ratios of CPU time hold on a noisy machine; absolute times do not.

A run is stopped at a CPU cap (the small run at 20 s, the large one at 20x the
small run plus 2 s) and an address-space cap, so a quadratic or memory-hungry
family fails fast instead of stalling CI or taking the machine's memory.

Families whose fix belongs to other work are listed in KNOWN_FAILING with the
reason: they still run, and a failure is reported as XFAIL (not hidden, not a
CI failure); one that passes is reported as XPASS, which means the entry
should be removed. Exit status: 1 when a family outside KNOWN_FAILING fails.

`--scale X` multiplies every size (e.g. --scale 10 for 10 MB / 100 MB on the
default families; the caps grow with it). Same arguments, same bytes.
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1_000_000
HEAD = "Council approves bridge plan\n\nBy Jane Doe\n\n"

# Families that do not pass yet, with the reason: the integrator removes an
# entry once the fix is merged (the suite then says XPASS). CPU is linear in
# every family; what fails is peak RSS. The CLI holds neither the Analysis
# nor its JSON (lede::stream), blocks cost a few bytes each (segment,
# structure), quotations are found, attributed and written as a stream with
# at most 2 bits a byte of input kept for them (branch mem8: the quotes_*
# families pass), and the speakers' registry and summary are fixed records
# of u32 ids and spans, ~120 bytes a person and ~35 a speaker (mem7).
# Measured 2026-12-05 at the default sizes, after the hand matchers of
# issue 15 (r2spk, r2reg, r2bp) retired most regexes compiled for an
# article that quotes someone: the constant fell from 17.0 MB to 11.6 MB,
# so a family's growth is no longer hidden under compiled regexes.
KNOWN_FAILING = {
    # pronoun_fits_nobody left this list (branches memC and bpc,
    # 2026-12-05): a new person in every ~52-byte paragraph ("John X spoke
    # on Monday. "We will," she said."). Per paragraph the peak held the
    # input 52, the registry ~66, a 16-byte span and quotation bits. memC:
    # gender votes cast per paragraph as it is gathered (no paragraph end a
    # mention), a 24-byte person, a 12-byte mention, paragraphs as two u32s
    # (span::Spans), no array by surname for a surname of one person, an
    # 8-byte listed quotation piece: heap peak at 10 MB 35.2 -> 28.7 MB.
    # bpc: the boilerplate needle tables compiled by build.rs, not built
    # (~0.85 MB) past 16 KiB of blocks. 1 MB: 3.3x -> 2.3-2.6x above the
    # constant (3 runs); 10 MB: 3.1x -> 2.55x.
    # quotes_lines left this list (branch bpc, 2026-12-05): 333,000
    # three-byte lines ('"a' and a newline), each a block, hold about 6
    # bytes a block (memB); the rest of its 3.1-3.3x at 1 MB was building
    # the boilerplate needle tables past 16 KiB of blocks (~1.4 MB of heap
    # the tiny article never used). build.rs now compiles them: 1 MB
    # 2.0-2.2x above the constant (3 runs), 10 MB 2.7x.
    # nested_quotes left this list (branch r3cand, 2026-12-05): with the
    # speakers' last patterns read by hand (candidates, names, cues) it
    # compiles none, 8.6-8.9 MB at 750 KB against a bound of ~10.5 MB.
}


def fill(unit, n, head=HEAD, tail="."):
    """`head`, then `unit` repeated up to about `n` bytes, then `tail`."""
    size = len(unit.encode())
    return head + unit * max(1, (n - len(head)) // size) + tail


def units(make, n, head=HEAD):
    """`head`, then make(0), make(1), ... until about `n` bytes."""
    parts, total, i = [head], len(head.encode()), 0
    while total < n:
        s = make(i)
        parts.append(s)
        total += len(s.encode())
        i += 1
    return "".join(parts)


def name(i, length=4):
    """An invented capitalised name, distinct for each i (base 26)."""
    s = ""
    for _ in range(length):
        s += chr(ord("a") + i % 26)
        i //= 26
    return s[0].upper() + s[1:] + "ov"


def nested(n):
    depth = max(1, n // 12)
    opens, closes = ["\u201c", "\u2018"], ["\u201d", "\u2019"]
    s = "The council met on Tuesday, and the leader said "
    s += "".join(opens[i % 2] + "we " for i in range(depth))
    s += "agree" + "".join(closes[i % 2] for i in reversed(range(depth)))
    return s + " at the meeting.\n"


# name -> (default small size in bytes, generator of about n bytes)
FAMILIES = {
    # Issue 14 F1: many quotations with no speaker in one paragraph.
    "quotes_straight": (100_000, lambda n: fill('"a ', n)),
    "quotes_curly_open": (100_000, lambda n: fill("\u201ca ", n)),
    "quotes_curly_close": (100_000, lambda n: fill("\u201da ", n)),
    "quotes_guillemet": (100_000, lambda n: fill("\u00aba ", n)),
    "quotes_low9": (100_000, lambda n: fill("\u201ea ", n)),
    "quotes_word": (100_000, lambda n: fill('"word ', n)),
    "quotes_added_colon": (100_000, lambda n: fill('added:"On ', n)),
    "quotes_closed": (100_000, lambda n: fill("\u201cWe agree.\u201d ", n)),
    "quotes_sentences": (100_000, lambda n: fill('"a. ', n)),
    "quotes_lines": (100_000, lambda n: fill('"a\n', n)),
    # Issue 14 F2: a pronoun that fits nobody, over a long article.
    # 1 MB and 10 MB (was 100 KB and 1 MB, 2026-12-06): at 1 MB the
    # constant's page noise (the tiny article's peak and the large run's
    # move by ~0.4 MB between runs) swung the verdict by ~0.4x around the 3x
    # line, so identical builds passed and failed by turns (2.74-3.08x on
    # 5d9e218 and 935d0da alike); at 10 MB it reads 2.67-2.77x, stably.
    "pronoun_fits_nobody": (
        MB,
        lambda n: units(
            lambda i: f"John {name(i)} spoke on Monday. \u201cWe will,\u201d she said.\n\n",
            n,
        ),
    ),
    # Issue 14 F3: many small pieces.
    "one_word_lines": (MB, lambda n: fill("word\n", n, head="", tail="")),
    "speaker_paragraphs": (
        MB,
        lambda n: units(
            lambda i: f"Deputy director Mira {name(i + 7)} {name(3 * i + 11)} spoke "
            f"to the panel on Monday. \u201cWe will look at it again,\u201d she said.\n\n",
            n,
        ),
    ),
    # Short lines that all differ ("1", "2", ...): no two blocks share a
    # text, so nothing may be kept per distinct text (branch mem4: a map
    # entry per block cost 7x; two sets of hash buckets sift them first).
    "numbered_lines": (MB, lambda n: units(lambda i: f"{i}\n", n, head="")),
    "said_quotes": (
        MB,
        lambda n: fill("\u201cWe will look at it again,\u201d he said.\n\n", n),
    ),
    # Found by fuzz/analyze_scaled (2026-12-05), reduced by hand: many
    # sentences, then a long run of one punctuation mark (any of ) ' " « »
    # “), in one paragraph.
    "sentences_then_mark_run": (
        100_000,
        lambda n: HEAD + " It rained on Monday." * (n // 42) + ")" * (n // 2),
    ),
    # Issue 6 (tests/hostile.rs) families.
    "long_line_prose": (
        MB,
        lambda n: fill("lorem ipsum dolor sit amet, the raven said. ", n, head="", tail=""),
    ),
    "long_word": (MB, lambda n: "x" * n),
    "one_word_paragraphs": (MB, lambda n: fill("word\n\n", n, head="", tail="")),
    "unmatched_mark_paragraphs": (
        MB,
        lambda n: fill(
            "\u201cWord of the day.\n\n",
            n,
            head="The council met on Tuesday to discuss the plans for the bridge.\n\n",
            tail="",
        ),
    ),
    "bare_marks": (MB, lambda n: '"' * n),
    "nested_quotes": (100_000, nested),
    "control_bidi": (
        MB,
        lambda n: fill(
            "The \u202eroad\u202c plan\u0007 was \u200bagreed\u0001 on \u2066Monday\u2069.\u0085 ",
            n,
        ),
    ),
    "combining_emoji": (
        MB,
        lambda n: fill(
            "Cafe\u0301 o\u0308 \U0001f469\u200d\U0001f469\u200d\U0001f467 \U0001f1eb\U0001f1f7 a\u0301\u0302\u0303. ",
            n,
        ),
    ),
    "right_to_left": (
        MB,
        lambda n: fill(
            "\u05d4\u05de\u05d5\u05e2\u05e6\u05d4 \u05d0\u05d9\u05e9\u05e8\u05d4 "
            "\u0627\u0644\u062e\u0637\u0629 \u0627\u0644\u062c\u062f\u064a\u062f\u0629. ",
            n,
        ),
    ),
    "many_people": (
        MB,
        lambda n: units(
            lambda i: f"Deputy director Mira {name(i + 7)} {name(3 * i + 11)} spoke to the "
            f"panel on Monday. \u201cWe will look at it again,\u201d she said. "
            f"{name(3 * i + 11)} added that the director had \u201cno comment\u201d yet, "
            f"and the spokesman said: \u201cNot before spring.\u201d\n\n",
            n,
            head="Council hearing runs late\n\n",
        ),
    ),
}


def measure(binary, path, cpu_cap, mem_cap):
    """(cpu seconds, peak RSS bytes, note) of `binary path > /dev/null`.

    Peak RSS is `/usr/bin/time`'s (%M, "Maximum resident set size" of -v).
    CPU time is user + sys from the kernel's rusage of the time process
    (wait4(2), which includes lede, the child it waited for): the same
    figures time prints, with microseconds instead of its two decimals,
    which matters for runs of a few milliseconds.
    """

    def limits():
        resource.setrlimit(resource.RLIMIT_CPU, (int(cpu_cap) + 1, int(cpu_cap) + 2))
        resource.setrlimit(resource.RLIMIT_AS, (mem_cap, mem_cap))

    p = subprocess.Popen(
        ["/usr/bin/time", "-f", "lede-scaling-rss-kb=%M", binary, str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=limits,
    )
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    _, _, ru = os.wait4(p.pid, 0)
    p.returncode = 0  # reaped here; keep Popen from waiting again
    cpu = ru.ru_utime + ru.ru_stime
    m = re.search(r"lede-scaling-rss-kb=(\d+)", err)
    rss = int(m.group(1)) * 1024 if m else 0
    note = ""
    sig = re.search(r"terminated by signal (\d+)", err)
    if sig:
        if int(sig.group(1)) in (9, 24):  # SIGKILL, SIGXCPU: the CPU cap
            note = f"stopped at the CPU cap ({cpu_cap:.0f} s)"
        else:
            note = f"killed by signal {sig.group(1)} (memory cap?)"
    elif "exited with non-zero status" in err:
        first = err.strip().splitlines()[0][:120]
        note = f"did not finish (memory cap or error): {first}"
    return cpu, rss, note


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="target/release/lede")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    ap.add_argument("--only", default="", help="comma-separated family names")
    ap.add_argument("--keep", help="write the generated inputs to this folder")
    ap.add_argument("--list", action="store_true", help="list the families and exit")
    ap.add_argument("--json", help="write the measurements to this file")
    args = ap.parse_args()
    if args.list:
        for fam, (small, _) in FAMILIES.items():
            known = KNOWN_FAILING.get(fam, "")
            print(f"{fam:28} {small:>10,} B  {known}")
        return 0
    if not os.access("/usr/bin/time", os.X_OK):
        sys.exit("scaling: /usr/bin/time is missing (apt-get install time)")
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        sys.exit(f"scaling: no lede binary at {binary} (cargo build --release)")
    only = [f for f in args.only.split(",") if f]
    for f in only:
        if f not in FAMILIES:
            sys.exit(f"scaling: no family {f} (see --list)")
    work = Path(args.keep or tempfile.mkdtemp(prefix="lede-scaling-"))
    work.mkdir(parents=True, exist_ok=True)
    tiny = work / "tiny.txt"
    # With a quotation and its speaker: the speakers' patterns are compiled
    # (about 8 MB of regex programs and caches) only for an article that
    # quotes someone, and they are part of the constant, not of the input.
    tiny.write_text(
        HEAD + 'The plan was agreed on Monday. "We will build it," said Sam Lee.\n'
    )
    # The median of three runs: one run's peak moves by up to a megabyte.
    base = sorted(measure(binary, tiny, 20, 1 << 34)[1] for _ in range(3))[1]
    print(f"constant: peak RSS on a tiny article {base / MB:.1f} MB")
    print(
        f"{'family':28} {'small':>9} {'large':>9} {'cpu S':>7} {'cpu L':>7} {'ratio':>6} "
        f"{'RSS S':>9} {'RSS L':>9} {'grow':>5} {'>tiny':>6}  verdict"
    )
    failed, results = [], []
    started = time.monotonic()
    for fam, (small_size, make) in FAMILIES.items():
        if only and fam not in only:
            continue
        small_n = int(small_size * args.scale)
        sizes = [small_n, small_n * 10]
        paths = []
        for n in sizes:
            p = work / f"{fam}-{n}.txt"
            p.write_bytes(make(n).encode())
            paths.append(p)
        in_small, in_large = (p.stat().st_size for p in paths)
        # Address-space cap: generous (threads reserve virtual memory), only
        # to keep a runaway family from taking the machine.
        mem_cap = max(2 << 30, 40 * in_large + (1 << 30))
        # The small run is the ratio's denominator: the median of three, so
        # that one noisy run moves it neither way.
        runs, peaks, note_s = [], [], ""
        for _ in range(3):
            c, r, note_s = measure(binary, paths[0], 20 * max(1.0, args.scale), mem_cap)
            runs.append(c)
            peaks.append(r)
            if note_s:
                break
        cpu_s = sorted(runs)[len(runs) // 2]
        rss_s = sorted(peaks)[len(peaks) // 2]
        cap = 20 * max(cpu_s, 0.005) + 2
        cpu_l, rss_l, note_l = (0.0, 0, "small run failed")
        if not note_s:
            cpu_l, rss_l, note_l = measure(binary, paths[1], cap, mem_cap)
        ratio = cpu_l / max(cpu_s, 0.005)
        why = []
        if note_s or note_l:
            why.append(note_s or note_l)
        else:
            if ratio > 20:
                why.append(f"CPU x{ratio:.0f} for 10x the input")
            if rss_l > 3 * in_large + base:
                why.append(f"peak RSS {(rss_l - base) / in_large:.1f}x the input above the constant")
        known = fam in KNOWN_FAILING
        verdict = ("XFAIL" if known else "FAIL") if why else ("XPASS" if known else "ok")
        if why and not known:
            failed.append(fam)
        detail = "; ".join(why)
        if known and why:
            detail += f" [known: {KNOWN_FAILING[fam]}]"
        if verdict == "XPASS":
            detail = f"passes now: remove it from KNOWN_FAILING ({KNOWN_FAILING[fam]})"
        print(
            f"{fam:28} {in_small:>9,} {in_large:>9,} {cpu_s:>7.3f} {cpu_l:>7.3f} {ratio:>6.1f} "
            f"{rss_s / MB:>7.1f}MB {rss_l / MB:>7.1f}MB "
            f"{(rss_l - rss_s) / (in_large - in_small):>5.2f} "
            f"{(rss_l - base) / in_large:>6.2f}  {verdict} {detail}",
            flush=True,
        )
        results.append(
            dict(family=fam, small=in_small, large=in_large, cpu_small=cpu_s,
                 cpu_large=cpu_l, rss_small=rss_s, rss_large=rss_l, verdict=verdict,
                 why=detail)
        )
        if not args.keep:
            for p in paths:
                p.unlink()
    if args.json:
        Path(args.json).write_text(json.dumps(dict(base_rss=base, results=results), indent=1))
    if not args.keep:
        tiny.unlink()
        work.rmdir()
    counts = {v: sum(r["verdict"] == v for r in results) for v in ["ok", "FAIL", "XFAIL", "XPASS"]}
    print(
        f"scaling: {counts['ok']} ok, {counts['FAIL']} failed, {counts['XFAIL']} known failing, "
        f"{counts['XPASS']} known failing that pass now, in {time.monotonic() - started:.0f} s"
    )
    if failed:
        print("scaling: FAILED: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
