#!/usr/bin/env bash
# Where lede's time goes: perf over one `lede -j 1` run.
#
#   bench/profile.sh                    # 10 MB of real articles (bench/real.py), else generated
#   LEDE_BENCH_MB=5 bench/profile.sh
#   LEDE_BENCH_SET=generated bench/profile.sh   # variants of the fixtures (bench/gen.py)
#   LEDE=target/bench-rev/release/lede bench/profile.sh   # a binary built by corpus.sh
#
# The corpus is copies of the real texts in ../shared/corpus/{dev,ggt,web}
# when they are there (LEDE_BENCH_SHARED), else generated. Samples are of
# the cpu-clock event, a timer, so they count time on machines (virtual
# ones) with no hardware counters: the time a load waits for memory shows
# at the line that waits, which callgrind's instruction counts never show.
# Prints the top symbols by self time, then by time including callees
# (lede:: functions only), then each sample charged to the innermost lede::
# function (bench/perf_by_fn.py), then the source lines with the most
# samples (a line far above its neighbours is usually a load that misses
# the cache), and leaves perf.data in the temp dir it names.
# The profiling profile keeps line tables (debug = 1), so --call-graph dwarf
# can unwind through inlined code.
set -euo pipefail

cd "$(dirname "$0")/.."
MB=${LEDE_BENCH_MB:-10}
SEED=${LEDE_BENCH_SEED:-20261125}
SHARED=${LEDE_BENCH_SHARED:-../shared/corpus}
SET=${LEDE_BENCH_SET:-real}
FREQ=${LEDE_PERF_FREQ:-999}
command -v perf >/dev/null || {
    echo "bench/profile.sh: perf is needed (apt-get install -y linux-perf, or linux-tools-\$(uname -r))" >&2
    exit 1
}

if [[ -z ${LEDE:-} ]]; then
    cargo build --profile profiling --quiet
    LEDE=target/profiling/lede
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-profile.XXXXXX")
real_src=()
for d in dev ggt web; do
    [[ -d $SHARED/$d ]] && real_src+=("$SHARED/$d")
done
if [[ $SET == real ]] && ((${#real_src[@]})); then
    echo "# copying $MB MB of the real texts in ${real_src[*]} to $tmp/corpus" >&2
    python3 bench/real.py corpus "$tmp/corpus" "$MB" "${real_src[@]}" --seed="$SEED" >/dev/null
else
    [[ $SET == real ]] && echo "# no real corpus under $SHARED: generated text in its place" >&2
    echo "# generating $MB MB in $tmp/corpus" >&2
    python3 bench/gen.py corpus "$tmp/corpus" "$MB" --seed="$SEED" >/dev/null
fi
perf record -q -e cpu-clock -F "$FREQ" --call-graph dwarf,16384 -o "$tmp/perf.data" \
    "$LEDE" -q -j 1 "$tmp/corpus" >/dev/null
# The reports are cut with head, which closes the pipe on perf report: its
# SIGPIPE is not a failure.
set +o pipefail
echo "# self time (top 30)"
perf report -i "$tmp/perf.data" --no-children --sort symbol --stdio -g none --percent-limit 0.7 2>/dev/null |
    grep -v '^$' | grep -v '^#' | sed 's/ *- *- *$//' | head -30
echo "# including callees, lede:: only (top 30)"
perf report -i "$tmp/perf.data" --children --sort symbol --stdio -g none 2>/dev/null |
    grep 'lede::' | grep -v 'lede::cli::' | sed 's/ *- *- *$//' | head -30
echo "# by innermost lede:: function"
perf script -i "$tmp/perf.data" 2>/dev/null | python3 bench/perf_by_fn.py 20
echo "# source lines by self time (top 25)"
perf report -i "$tmp/perf.data" --no-children --sort sym,srcline --stdio -g none 2>/dev/null |
    grep -v '^#' | grep '%' | sed 's/ *- *- *$//' | head -25
echo "# perf.data: $tmp/perf.data (perf report -i $tmp/perf.data)"
