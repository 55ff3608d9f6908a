#!/usr/bin/env bash
# Instructions per input byte, steady state: a figure that does not drift
# with the machine's load, for comparing two builds of lede.
#
#   bench/instructions.sh                        # builds, then measures target/release/lede
#   LEDE=/path/to/lede bench/instructions.sh     # another build
#   LEDE_BENCH_MB=3 bench/instructions.sh        # size of the larger corpus (default 3)
#
# Runs `lede -q -j 1` under callgrind over two generated corpora made with
# the same seed, the smaller (a third of the size) a prefix of the larger,
# and divides the difference in instructions by the difference in bytes.
# One-off costs (start-up, regex compilation on first use, which a whole
# corpus may trigger only after its first articles) cancel out; they are
# printed apart as the instructions of a run over the smaller corpus minus
# its per-byte share. Needs valgrind.
set -euo pipefail

cd "$(dirname "$0")/.."
MB=${LEDE_BENCH_MB:-3}
SEED=${LEDE_BENCH_SEED:-20261125}
command -v valgrind >/dev/null || {
    echo "bench/instructions.sh: valgrind is needed (apt-get install -y valgrind)" >&2
    exit 1
}
if [[ -z ${LEDE:-} ]]; then
    cargo build --release --quiet
    LEDE=target/release/lede
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-instr.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
small_mb=$(awk -v m="$MB" 'BEGIN { printf "%g", m / 3 }')
read -r _ small_bytes < <(python3 bench/gen.py corpus "$tmp/small" "$small_mb" --seed="$SEED")
read -r _ large_bytes < <(python3 bench/gen.py corpus "$tmp/large" "$MB" --seed="$SEED")

instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$LEDE" -q -j 1 "$1" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
small=$(instructions "$tmp/small")
large=$(instructions "$tmp/large")
awk -v s="$small" -v l="$large" -v sb="$small_bytes" -v lb="$large_bytes" -v bin="$LEDE" 'BEGIN {
    per = (l - s) / (lb - sb)
    printf "%s\n", bin
    printf "instructions per byte (steady state): %.0f\n", per
    printf "one-off instructions (start-up, regex compilation): %.0f M\n", (s - per * sb) / 1e6
    printf "corpora: %.2f MB and %.2f MB (bench/gen.py, same seed)\n", sb / 1e6, lb / 1e6
}'
