#!/usr/bin/env python3
"""Accuracy ratchet: run the shared scorer and fail if any figure drops
below the one committed in eval/baseline.json.

Usage: eval/ratchet.py [--update] [--shared ../shared] [--bin target/release/lede]

--update rewrites eval/baseline.json with the current figures (do this when
figures improve, in the same commit as the change that improved them).
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Figures where higher is better; counts and timings are not compared.
METRICS = [
    "headline_acc", "byline_f1", "paragraphs_f1", "boilerplate_f1", "boilerplate_kind_acc",
    "block_role_acc", "quotes_f1", "speaker_acc", "speaker_alias_acc",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    ap.add_argument("--bin", default="target/release/lede")
    a = ap.parse_args()
    scorer = os.path.join(a.shared, "eval", "score.py")
    corpus = os.path.join(a.shared, "corpus", "dev")
    out = subprocess.run(
        [sys.executable, scorer, corpus, "--cmd", a.bin + " {}", "--json"],
        capture_output=True, text=True, check=True,
    )
    now = json.loads(out.stdout.strip().splitlines()[-1])
    path = os.path.join(HERE, "baseline.json")
    if a.update:
        with open(path, "w") as f:
            json.dump({k: now[k] for k in METRICS if k in now}, f, indent=1, sort_keys=True)
            f.write("\n")
        print("baseline updated:", json.dumps({k: now.get(k) for k in METRICS}))
        return 0
    base = json.load(open(path))
    failed = False
    for k in METRICS:
        if k not in base:
            continue
        got = now.get(k, 0.0)
        mark = "ok"
        if got + 1e-9 < base[k]:
            mark = "DROPPED"
            failed = True
        elif got > base[k] + 1e-9:
            mark = "improved (raise the baseline: eval/ratchet.py --update)"
        print(f"{k:22} {got:.4f}  baseline {base[k]:.4f}  {mark}")
    if now.get("failed_runs"):
        print(f"failed runs: {now['failed_runs']}")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
