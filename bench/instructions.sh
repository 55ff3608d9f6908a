#!/usr/bin/env bash
# Instructions per input byte, steady state: a figure that does not drift
# with the machine's load, for comparing two builds of lede.
#
#   bench/instructions.sh                        # builds, then measures target/profiling/lede
#   LEDE=/path/to/lede bench/instructions.sh     # another build
#   LEDE_BENCH_MB=3 bench/instructions.sh        # size of the larger corpus (default 3)
#   LEDE_BENCH_FUNCTIONS=40 bench/instructions.sh  # also the 40 costliest lede:: functions
#   LEDE_BENCH_WC=0 bench/instructions.sh        # without the `wc -w` comparison
#
# Runs `lede -q -j 1` under callgrind over two corpora made with the same
# seed, the smaller (a third of the size) a prefix of the larger, and divides
# the difference in instructions by the difference in bytes. One-off costs
# (start-up, regex compilation on first use, which a whole corpus may trigger
# only after its first articles) cancel out; they are printed apart as the
# instructions of a run over the smaller corpus minus its per-byte share.
# Needs valgrind.
#
# Two kinds of corpus, each measured (LEDE_BENCH_SETS, default "real generated"):
#   real       the real articles of ../shared/corpus/{dev,ggt,web}, in an order
#              drawn with the seed (bench/real.py, copies in a temp dir); when
#              ../shared is absent, "fixtures": copies of fixtures/*.txt
#   generated  variants of the fixtures (bench/gen.py)
# Real articles trigger rules that generated text never does (issue 15 found
# a regex compiled per speaker that way), so compare builds on both.
#
# Beside lede, the same way (LEDE_BENCH_WC=1, the default): `LC_ALL=C wc -w`
# on the same files, and the conditional branches both mispredict per KB in
# callgrind's model of a predictor (the one cachegrind has; a simple one:
# real hardware mispredicts fewer, but the same branches), from the same
# callgrind run that counts lede's instructions. Issue 15 times lede against `wc -w`: the
# ratio of their instructions next to the ratio of their CPU times
# (bench/corpus.sh) says how much of the gap is work and how much is
# the rate the work runs at.
set -euo pipefail

cd "$(dirname "$0")/.."
MB=${LEDE_BENCH_MB:-3}
SEED=${LEDE_BENCH_SEED:-20261125}
SETS=${LEDE_BENCH_SETS:-real generated}
SHARED=${LEDE_BENCH_SHARED:-../shared/corpus}
REAL_SRC=()
for d in dev ggt web; do
    [[ -d $SHARED/$d ]] && REAL_SRC+=("$SHARED/$d")
done
if ((${#REAL_SRC[@]} == 0)); then
    echo "# no real corpus under $SHARED: copies of fixtures/*.txt in its place" >&2
    REAL_SRC=(fixtures)
    SETS=${SETS//real/fixtures}
fi
command -v valgrind >/dev/null || {
    echo "bench/instructions.sh: valgrind is needed (apt-get install -y valgrind)" >&2
    exit 1
}
if [[ -z ${LEDE:-} ]]; then
    cargo build --profile profiling --quiet
    LEDE=target/profiling/lede
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-instr.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
small_mb=$(awk -v m="$MB" 'BEGIN { printf "%g", m / 3 }')

# corpus SET DIR MB: prints "FILES BYTES".
corpus() {
    case $1 in
    generated) python3 bench/gen.py corpus "$2" "$3" --seed="$SEED" ;;
    real | fixtures) python3 bench/real.py corpus "$2" "$3" "${REAL_SRC[@]}" --seed="$SEED" ;;
    *)
        echo "bench/instructions.sh: unknown corpus '$1' in LEDE_BENCH_SETS (real, fixtures, generated)" >&2
        exit 1
        ;;
    esac
}

FUNCTIONS=${LEDE_BENCH_FUNCTIONS:-0}
WC=${LEDE_BENCH_WC:-1}
# With the `wc -w` comparison, callgrind runs with its branch model too.
SIM=()
if ((WC > 0)); then SIM=(--branch-sim=yes); fi
# collected: "INSTRUCTIONS MISPREDICTS" from callgrind's summary of each
# process it ran ("Collected : Ir Bc Bcm ..." with the branch model, Bcm the
# mispredicted conditional branches; 0 without it), summed.
collected() {
    awk '/Collected :/ { i += $4; m += $6 } END { printf "%d %d\n", i, m }'
}
# `LC_ALL=C wc -w` over the files of a folder ($0), in one process as far
# as xargs allows.
WC_WORDS='find "$0" -type f -print0 | LC_ALL=C xargs -0 wc -w >/dev/null'
# instructions CORPUS NAME: lede's "INSTRUCTIONS MISPREDICTS" over CORPUS;
# with FUNCTIONS, keeps the callgrind profile as $tmp/NAME.out for the
# per-function table.
instructions() {
    local out=/dev/null
    if ((FUNCTIONS > 0)); then out=$tmp/$2.out; fi
    valgrind --tool=callgrind "${SIM[@]}" --callgrind-out-file="$out" "$LEDE" -q -j 1 "$1" 2>&1 >/dev/null |
        collected
}
# wc_instructions CORPUS: the same of `wc -w` (and of find and xargs, a
# cost per run that the difference of two corpora cancels).
wc_instructions() {
    valgrind --tool=callgrind --branch-sim=yes --trace-children=yes --callgrind-out-file=/dev/null \
        sh -c "$WC_WORDS" "$1" 2>&1 >/dev/null | collected
}

echo "$LEDE"
for set in $SETS; do
    read -r _ small_bytes < <(corpus "$set" "$tmp/small" "$small_mb")
    read -r _ large_bytes < <(corpus "$set" "$tmp/large" "$MB")
    read -r small small_miss < <(instructions "$tmp/small" small)
    read -r large large_miss < <(instructions "$tmp/large" large)
    if ((WC > 0)); then
        read -r wc_small wc_small_miss < <(wc_instructions "$tmp/small")
        read -r wc_large wc_large_miss < <(wc_instructions "$tmp/large")
    fi
    rm -rf "$tmp/small" "$tmp/large"
    awk -v s="$small" -v l="$large" -v sb="$small_bytes" -v lb="$large_bytes" -v set="$set" 'BEGIN {
        per = (l - s) / (lb - sb)
        printf "%s: instructions per byte (steady state): %.0f\n", set, per
        printf "%s: one-off instructions (start-up, regex compilation): %.0f M\n", set, (s - per * sb) / 1e6
        printf "%s: corpora: %.2f MB and %.2f MB (same seed, the smaller a prefix of the larger)\n", set, sb / 1e6, lb / 1e6
    }'
    if ((WC > 0)); then
        awk -v s="$small" -v l="$large" -v ws="$wc_small" -v wl="$wc_large" \
            -v ms="$small_miss" -v ml="$large_miss" -v wms="$wc_small_miss" -v wml="$wc_large_miss" \
            -v sb="$small_bytes" -v lb="$large_bytes" -v set="$set" 'BEGIN {
            d = lb - sb
            lede = (l - s) / d; wc = (wl - ws) / d
            printf "%s: LC_ALL=C wc -w instructions per byte (steady state): %.0f; lede runs %.2fx as many\n", set, wc, lede / wc
            printf "%s: mispredicted conditional branches per KB (callgrind branch model, steady state): lede %.0f, wc -w %.0f (%.1fx)\n",
                set, (ml - ms) / d * 1024, (wml - wms) / d * 1024, (ml - ms) / (wml - wms)
        }'
    fi

    # Per function, inclusive of what it calls, by the same difference: where
    # a byte's instructions go, one-off costs left out. Inlined code is
    # charged to the function it was inlined into, under each source file it
    # came from, so a function can appear on more than one line.
    if ((FUNCTIONS > 0)); then
        command -v callgrind_annotate >/dev/null || {
            echo "bench/instructions.sh: callgrind_annotate is needed for LEDE_BENCH_FUNCTIONS" >&2
            exit 1
        }
        for run in small large; do
            callgrind_annotate --inclusive=yes --show=Ir --show-percs=no --threshold=100 "$tmp/$run.out" 2>/dev/null |
                awk '/lede::/ && !/=>/ { n = $1; gsub(",", "", n); $1 = ""; print n "\t" substr($0, 2) }' \
                    >"$tmp/$run.fn"
        done
        echo "$set: instructions per byte by function (inclusive, steady state):"
        awk -F'\t' -v sb="$small_bytes" -v lb="$large_bytes" '
            NR == FNR { small[$2] += $1; next }
            { large[$2] += $1 }
            END {
                for (f in large) {
                    name = f
                    sub(/ \[[^]]*\]$/, "", name)
                    sub(/^.*\/(src|library)\//, "src/", name)
                    printf "%8.1f  %s\n", (large[f] - small[f]) / (lb - sb), name
                }
            }' "$tmp/small.fn" "$tmp/large.fn" | sort -rn | head -n "$FUNCTIONS"
    fi
done
