#!/usr/bin/env python3
"""Benchmark inputs made of copies of real article texts (issue 15).

    real.py corpus DIR MB SRC...    copies of the texts, MB (10^6 bytes) in all, DIR/NNN/NNNNNN.txt
    real.py article FILE MB SRC...  one article of MB: the texts one after another, a blank line between
    real.py sources SRC...          prints "FILES BYTES" of the texts found
    real.py nearest BYTES SRC...    prints the path of the text whose size is nearest BYTES

SRC are directories whose *.txt files are the texts (not recursive), for
example ../shared/corpus/dev when it is present, else fixtures/. The texts
are put in one order drawn with a fixed seed, and copied round after round in
that order until the size is reached, so that any prefix of a corpus (a
smaller MB, same seed) is a mix of every source, not only the first
directory's texts. Files are copied byte for byte (no renaming): this
measures lede on the articles as they are, which bench/gen.py cannot do.
Prints "FILES BYTES" on stdout. Nothing is written outside DIR or FILE.
"""

import os
import random
import sys
from pathlib import Path


def texts(sources):
    found = []
    for src in sources:
        d = Path(src)
        if d.is_dir():
            found += sorted(p for p in d.iterdir() if p.suffix == ".txt" and p.is_file())
    if not found:
        sys.exit(f"real.py: no *.txt files in {' '.join(sources)}")
    return found


def ordered(sources, seed):
    files = texts(sources)
    random.Random(seed).shuffle(files)
    return [f.read_bytes() for f in files]


def corpus(out, mb, sources, seed):
    target = int(float(mb) * 1e6)
    bodies = ordered(sources, seed)
    n = size = 0
    while size < target:
        body = bodies[n % len(bodies)]
        d = Path(out) / f"{n // 1000:03d}"
        if n % 1000 == 0:
            d.mkdir(parents=True, exist_ok=True)
        (d / f"{n:06d}.txt").write_bytes(body)
        n += 1
        size += len(body)
    return n, size


def article(out, mb, sources, seed):
    """Whole texts, each followed by a blank line, until MB is reached.

    A text's own first line (its headline, or a page's menu) then reads as a
    paragraph of one long article, as a user's concatenation would."""
    target = int(float(mb) * 1e6)
    bodies = ordered(sources, seed)
    size = i = 0
    with open(out, "wb") as f:
        while size < target:
            body = bodies[i % len(bodies)].rstrip(b"\r\n") + b"\n\n"
            f.write(body)
            size += len(body)
            i += 1
    return 1, size


def main(argv):
    seed = 20261125
    args = []
    for a in argv:
        if a.startswith("--seed="):
            seed = int(a.split("=", 1)[1])
        else:
            args.append(a)
    if args[:1] == ["sources"] and len(args) >= 2:
        files = texts(args[1:])
        print(len(files), sum(os.path.getsize(f) for f in files))
        return
    if args[:1] == ["nearest"] and len(args) >= 3:
        want = int(args[1])
        print(min(texts(args[2:]), key=lambda f: (abs(os.path.getsize(f) - want), str(f))))
        return
    if len(args) < 4 or args[0] not in ("corpus", "article"):
        sys.exit(__doc__)
    kind, out, mb, sources = args[0], args[1], args[2], args[3:]
    n, size = (corpus if kind == "corpus" else article)(out, mb, sources, seed)
    print(n, size)


if __name__ == "__main__":
    main(sys.argv[1:])
