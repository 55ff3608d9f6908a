#!/usr/bin/env bash
# Where lede's time goes: perf over one `lede -j 1` run on a generated corpus.
#
#   bench/profile.sh                    # 10 MB corpus
#   LEDE_BENCH_MB=5 bench/profile.sh
#   LEDE=target/bench-rev/release/lede bench/profile.sh   # a binary built by corpus.sh
#
# Prints the top symbols by self time, then by time including callees
# (lede:: functions only), then each sample charged to the innermost lede::
# function (bench/perf_by_fn.py), and leaves perf.data in the temp dir it names.
# The profiling profile keeps line tables (debug = 1), so --call-graph dwarf
# can unwind through inlined code.
set -euo pipefail

cd "$(dirname "$0")/.."
MB=${LEDE_BENCH_MB:-10}
SEED=${LEDE_BENCH_SEED:-20261125}
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
echo "# generating $MB MB in $tmp/corpus" >&2
python3 bench/gen.py corpus "$tmp/corpus" "$MB" --seed="$SEED" >/dev/null
perf record -q -F "$FREQ" --call-graph dwarf,16384 -o "$tmp/perf.data" \
    "$LEDE" -q -j 1 "$tmp/corpus" >/dev/null
echo "# self time (top 30)"
perf report -i "$tmp/perf.data" --no-children --sort symbol --stdio -g none --percent-limit 0.7 2>/dev/null |
    grep -v '^$' | grep -v '^#' | sed 's/ *- *- *$//' | head -30
echo "# including callees, lede:: only (top 30)"
perf report -i "$tmp/perf.data" --children --sort symbol --stdio -g none 2>/dev/null |
    grep 'lede::' | grep -v 'lede::cli::' | sed 's/ *- *- *$//' | head -30
echo "# by innermost lede:: function"
perf script -i "$tmp/perf.data" 2>/dev/null | python3 bench/perf_by_fn.py 20
echo "# perf.data: $tmp/perf.data (perf report -i $tmp/perf.data)"
