#!/usr/bin/env bash
# Build lede with profile-guided optimisation (PGO): the release build,
# laid out and inlined by how lede's own code runs on text we wrote.
#
#   bash scripts/pgo.sh            # -> target/pgo/release/lede
#   bash scripts/pgo.sh --check    # ... and check its output equals the plain release build's
#
# Three steps, all offline once the toolchain has llvm-tools:
#   1. an instrumented build (-Cprofile-generate) in target/pgo-gen;
#   2. it runs over the training texts: fixtures/*.txt one by one, as a
#      directory (JSON Lines) and in --format text, then 8 MB of their
#      variants from bench/gen.py (fixed seed). Nothing from ../shared is
#      read: the profile is trained only on text this repo wrote;
#   3. llvm-profdata merges the counts and the release build is made with
#      -Cprofile-use (and Ext-TSP block placement) in target/pgo (a target dir of its own, so RUSTFLAGS
#      never invalidate target/release).
# PGO changes code layout, inlining and branch order, never behaviour:
# `--check` runs both builds over fixtures/ in every format and compares
# the bytes (bench/same_output.sh does the same over the real corpora).
#
# llvm-profdata must be the one of rustc's own LLVM. It comes with the
# rustup component llvm-tools; when it is missing the script adds it
# (`rustup component add llvm-tools`, the one step that needs the network)
# and exits with status 3 if that fails (.ci/run then skips the check).
#
# Environment:
#   LEDE_PGO_TRAIN_MB   MB of generated training text (default 8)
#   LEDE_PGO_SEED       seed of bench/gen.py (default 20261206)
set -euo pipefail
cd "$(dirname "$0")/.."

CHECK=0
case "${1:-}" in
--check) CHECK=1 ;;
"") ;;
*)
    echo "usage: bash scripts/pgo.sh [--check]" >&2
    exit 2
    ;;
esac
TRAIN_MB=${LEDE_PGO_TRAIN_MB:-8}
SEED=${LEDE_PGO_SEED:-20261206}

die() { echo "scripts/pgo.sh: $*" >&2; exit 1; }
say() { echo "# $*" >&2; }

command -v python3 >/dev/null || die "python3 is needed (bench/gen.py makes the training text)"
sysroot=$(rustc --print sysroot)
host=$(rustc -vV | sed -n 's/^host: //p')
profdata="$sysroot/lib/rustlib/$host/bin/llvm-profdata"
if [[ ! -x $profdata ]]; then
    say "no llvm-profdata in $sysroot: adding the rustup component llvm-tools"
    no_tools() { echo "scripts/pgo.sh: $*" >&2; exit 3; }
    command -v rustup >/dev/null || no_tools "llvm-profdata of rustc's LLVM is needed, and there is no rustup to add llvm-tools"
    rustup component add llvm-tools >&2 || no_tools "rustup component add llvm-tools failed"
    [[ -x $profdata ]] || no_tools "llvm-tools added, but $profdata is not there"
fi

root=$(pwd)
gen_dir="$root/target/pgo-gen"
raw="$gen_dir/raw"
profile="$gen_dir/lede.profdata"
train=$(mktemp -d)
trap 'rm -rf "$train"' EXIT

say "1/3 instrumented build (target/pgo-gen)"
rm -rf "$raw"
# Built exactly as the final binary is (fat LTO, one codegen unit): LLVM
# keys each function's counts by the shape of its code after the first
# inlining, which the codegen units decide. Counts taken from a thin-LTO,
# 16-unit build matched so little that the binary came out slower (136.6
# instructions a byte against 135.2 without PGO).
RUSTFLAGS="-Cprofile-generate=$raw" cargo build --release --quiet --target-dir "$gen_dir"
gen_bin="$gen_dir/release/lede"

say "2/3 training on fixtures/*.txt and $TRAIN_MB MB of their variants (bench/gen.py, seed $SEED)"
python3 bench/gen.py corpus "$train/gen" "$TRAIN_MB" --seed="$SEED" >/dev/null
for f in fixtures/*.txt; do
    "$gen_bin" "$f" >/dev/null || true
done
"$gen_bin" -q -j 1 fixtures >/dev/null || true
"$gen_bin" -q -j 1 --format text fixtures >/dev/null || true
"$gen_bin" -q -j 1 "$train/gen" >/dev/null || true
ls "$raw"/*.profraw >/dev/null 2>&1 || die "the instrumented runs wrote no profile to $raw"
"$profdata" merge -o "$profile" "$raw"

say "3/3 release build with the profile (target/pgo)"
# Blocks laid out by LLVM's Ext-TSP (from the profile's counts), which
# packs the hot paths of a function tighter than the default chain
# placement: lede's time goes to many branchy functions, and a run misses
# the 32 KB instruction cache about once in 100 instructions. On 4 MB of
# real articles, 5% fewer instruction-cache misses (cachegrind with this
# machine's caches: 5.34 -> 5.09 M) and 2-4% less CPU time in four runs
# of interleaved timings against the same profile without it.
RUSTFLAGS="-Cprofile-use=$profile -Cllvm-args=-enable-ext-tsp-block-placement" \
    cargo build --release --quiet --target-dir "$root/target/pgo"
bin="$root/target/pgo/release/lede"

if ((CHECK)); then
    say "checking: the PGO build against the plain release build on fixtures/"
    cargo build --release --quiet
    fails=0
    for args in "" "--format text" "--format csv" "--format markdown" "--format html" "--explain" "--offsets utf16"; do
        # shellcheck disable=SC2086 # the arguments are words
        if ! cmp -s <("$root/target/release/lede" -q -j 1 $args fixtures) <("$bin" -q -j 1 $args fixtures); then
            echo "scripts/pgo.sh: the PGO build's output differs with '${args:-json}'" >&2
            fails=1
        fi
    done
    ((fails == 0)) || exit 1
    say "same output in every format"
fi
echo "$bin"
