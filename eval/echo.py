#!/usr/bin/env python3
"""Examples must be invented: no corpus sentence in the repo.

    python3 eval/echo.py [--shared ../shared] [--words 6]

Lists every line of the files git tracks under src/, tests/, fixtures/,
bench/ and README.md (JSON files aside: their text is the fixtures') that
shares a run of `--words` words with a text of ../shared/corpus/{dev,ggt,web},
where the run is rare in the corpus (at most twice): a sentence copied from
an article, or copied with its names swapped, shows up as such a run.
Common English and web furniture that rules must name ("a version of this
article appears") are listed in ALLOWED. Exit status 1 when a line is found,
0 when none is, and 0 with a note when ../shared is absent. Words are compared
lower-cased, punctuation as space, so quoting and line breaks do not hide a
copy.
"""

import argparse
import os
import re
import subprocess
import sys
from collections import Counter

# Runs that are shared with the corpus and fine: phrases of web furniture
# that boilerplate rules and their tests must spell, and stock news English.
ALLOWED = {
    "listen to this article loading audio",
    "a version of this article appears",
    "version of this article appears in",
    "of this article appears in print",
    "the company said in a statement",
    "was quoted as saying in the",
}


def words(s):
    return re.sub(r"[^a-z0-9' ]+", " ", s.lower().replace("\u2019", "'")).split()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--words", type=int, default=6)
    args = ap.parse_args()
    corpus = os.path.join(args.shared, "corpus")
    if not os.path.isdir(corpus):
        print(f"echo: {corpus} not found, nothing to compare")
        return 0
    n = args.words
    runs = Counter()
    for d in ["dev", "ggt", "web"]:
        folder = os.path.join(corpus, d)
        if not os.path.isdir(folder):
            continue
        for f in sorted(os.listdir(folder)):
            if f.endswith(".txt"):
                with open(os.path.join(folder, f), errors="ignore") as fh:
                    w = words(fh.read())
                runs.update(" ".join(w[i : i + n]) for i in range(len(w) - n + 1))
    files = subprocess.check_output(
        ["git", "ls-files", "src", "tests", "fixtures", "bench", "README.md"], text=True
    ).split()
    found = 0
    for path in files:
        if path.endswith(".json"):
            continue
        with open(path, errors="ignore") as fh:
            for no, line in enumerate(fh, 1):
                w = words(line)
                for i in range(len(w) - n + 1):
                    run = " ".join(w[i : i + n])
                    if run not in ALLOWED and 1 <= runs.get(run, 0) <= 2:
                        print(f"{path}:{no}: {line.strip()[:100]}  [{run}]")
                        found += 1
                        break
    print(f"echo: {found} line(s) share a rare {n}-word run with a corpus text")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
