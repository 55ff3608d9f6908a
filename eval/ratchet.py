#!/usr/bin/env python3
"""Accuracy ratchet: run the shared scorer on every corpus folder and fail if
any figure drops below the one committed in eval/baseline.json.

Usage: eval/ratchet.py [--update] [--shared ../shared] [--bin target/release/lede]
                       [--folders dev,web,ggt]

baseline.json maps a corpus folder to its figures ({"dev": {...}, "web":
{...}, "ggt": {...}}). --update rewrites it with the current figures (do this
when figures improve, in the same commit as the change that improved them, or
when the gold changes, in a commit that says so).
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Figures where higher is better; counts and timings are not compared. Per
# renderer web figures ("body_f1[lynx]") are picked up by their prefix.
METRICS = [
    "headline_acc", "byline_f1", "paragraphs_f1", "boilerplate_f1", "boilerplate_kind_acc",
    "block_role_acc", "quotes_f1", "speaker_acc", "speaker_alias_acc", "body_f1",
]
FOLDERS = ["dev", "web", "ggt"]


def tracked(now):
    return {k: v for k, v in now.items()
            if k in METRICS or any(k.startswith(m + "[") for m in METRICS)}


def score(scorer, corpus, binary):
    out = subprocess.run(
        [sys.executable, scorer, corpus, "--cmd", binary + " {}", "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    ap.add_argument("--bin", default="target/release/lede")
    ap.add_argument("--folders", default=",".join(FOLDERS))
    a = ap.parse_args()
    scorer = os.path.join(a.shared, "eval", "score.py")
    path = os.path.join(HERE, "baseline.json")
    base_all = json.load(open(path)) if os.path.exists(path) else {}
    failed = False
    for folder in a.folders.split(","):
        corpus = os.path.join(a.shared, "corpus", folder)
        if not os.path.isdir(corpus):
            print(f"== {folder}: not found, skipped")
            continue
        now = score(scorer, corpus, a.bin)
        print(f"== {folder} ({now.get('articles')} texts, {now.get('seconds')} s)")
        if a.update:
            base_all[folder] = tracked(now)
            for k, v in sorted(base_all[folder].items()):
                print(f"{k:24} {v:.4f}  (baseline)")
            continue
        base = base_all.get(folder, {})
        for k in sorted(base):
            got = now.get(k, 0.0)
            mark = "ok"
            if got + 1e-9 < base[k]:
                mark = "DROPPED"
                failed = True
            elif got > base[k] + 1e-9:
                mark = "improved (raise the baseline: eval/ratchet.py --update)"
            print(f"{k:24} {got:.4f}  baseline {base[k]:.4f}  {mark}")
        if now.get("failed_runs"):
            print(f"failed runs: {now['failed_runs']}")
            failed = True
    if a.update:
        with open(path, "w") as f:
            json.dump(base_all, f, indent=1, sort_keys=True)
            f.write("\n")
        return 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
