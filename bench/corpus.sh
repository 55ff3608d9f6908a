#!/usr/bin/env bash
# Corpus benchmark for lede, side by side with `wc -w` (issue 5).
#
#   bench/corpus.sh                      # 200 MB corpus + 1/10/100 MB single articles
#   LEDE_BENCH_MB=20 bench/corpus.sh     # quick run on a 20 MB corpus
#
# Builds a corpus of article text from fixtures/*.txt in a temp dir
# (bench/gen.py: names and paragraph/sentence order varied, fixed seed), then
# times, on the same files and with a warm page cache:
#   lede -j 1 DIR        one thread, JSON Lines to /dev/null
#   lede DIR             all cores (-j 0)
#   LC_ALL=C wc -w FILES the yardstick
# and prints MB/s (10^6 bytes), articles/s, lede's time as a multiple of
# wc's, CPU time (user + sys, which other load on the machine disturbs less
# than wall time) and peak RSS (GNU time -v). Then times single articles of
# LEDE_BENCH_ARTICLE_MB/100, /30, /10, /3 and the full size, each alone, to
# show how time and memory grow with one input's size (a size that runs past
# LEDE_BENCH_TIMEOUT seconds is stopped and the larger ones are skipped).
# Ends with a markdown table for the README.
#
# Environment:
#   LEDE_BENCH_MB          corpus size in MB (default 200)
#   LEDE_BENCH_ARTICLE_MB  size of the largest single article in MB (default 100; 0 skips)
#   LEDE_BENCH_TIMEOUT     seconds allowed per single-article run (default 300)
#   LEDE_BENCH_RUNS        runs per corpus command, the fastest is kept (default 1)
#   LEDE_BENCH_SEED        generator seed (default 20261125)
#   LEDE_BENCH_KEEP=1      keep the temp dir (its path is printed)
#   LEDE_BENCH_REV         a commit to build and time (git archive REV, built with
#                          --target-dir target/bench-rev), instead of the working tree
#   LEDE                   a lede binary to time as is (default: build the working tree)
set -euo pipefail

cd "$(dirname "$0")/.."

MB=${LEDE_BENCH_MB:-200}
ARTICLE_MB=${LEDE_BENCH_ARTICLE_MB:-100}
TIMEOUT=${LEDE_BENCH_TIMEOUT:-300}
RUNS=${LEDE_BENCH_RUNS:-1}
SEED=${LEDE_BENCH_SEED:-20261125}

die() { echo "bench/corpus.sh: $*" >&2; exit 1; }
say() { echo "# $*" >&2; }

# GNU time for peak RSS: the shell keyword `time` and BSD/busybox time have no -v.
if ! /usr/bin/time --version 2>&1 | grep -q GNU; then
    die "GNU time is needed at /usr/bin/time for peak RSS (-v). Install it with:
    apt-get update && apt-get install -y time      # Debian/Ubuntu
    dnf install -y time                            # Fedora"
fi
for tool in python3 timeout xargs find wc awk; do
    command -v "$tool" >/dev/null || die "$tool is needed"
done
[[ ${BASH_VERSINFO[0]} -ge 5 ]] || die "bash 5 is needed (EPOCHREALTIME)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-bench.XXXXXX")
if [[ -n ${LEDE_BENCH_KEEP:-} ]]; then
    say "keeping $tmp"
else
    trap 'rm -rf "$tmp"' EXIT
fi

# What is timed, and how the table names it.
if [[ -n ${LEDE:-} ]]; then
    WHAT="binary $LEDE ($("$LEDE" --version 2>/dev/null || echo '?'))"
elif [[ -n ${LEDE_BENCH_REV:-} ]]; then
    rev=$(git rev-parse --short "$LEDE_BENCH_REV^{commit}") || die "no commit $LEDE_BENCH_REV"
    say "building lede at $rev (git archive, cargo build --release --target-dir target/bench-rev)"
    mkdir "$tmp/src"
    git archive "$rev" | tar -x -C "$tmp/src"
    cargo build --release --quiet --manifest-path "$tmp/src/Cargo.toml" --target-dir target/bench-rev
    LEDE=target/bench-rev/release/lede
    WHAT="lede $rev"
else
    say "building lede (cargo build --release)"
    cargo build --release --quiet
    LEDE=target/release/lede
    WHAT="lede $(git rev-parse --short HEAD 2>/dev/null || echo '(no git)')"
    git diff --quiet HEAD -- src Cargo.toml Cargo.lock 2>/dev/null || WHAT="$WHAT + uncommitted changes"
fi
LEDE=$(realpath "$LEDE")
[[ -x $LEDE ]] || die "no lede binary at $LEDE"

say "generating a $MB MB corpus in $tmp/corpus (seed $SEED)"
read -r FILES BYTES < <(python3 bench/gen.py corpus "$tmp/corpus" "$MB" --seed="$SEED")
find "$tmp/corpus" -type f -name '*.txt' -print0 | sort -z >"$tmp/files0"
say "$FILES articles, $BYTES bytes; warming the page cache"
xargs -0 cat <"$tmp/files0" >/dev/null

# measure LABEL CMD... : runs CMD (stdout to /dev/null) under GNU time.
# Sets T (seconds, wall), CPU (user + sys seconds), RSS (KB), RC (exit code).
measure() {
    local start end
    start=$EPOCHREALTIME
    set +e
    /usr/bin/time -v -o "$tmp/time.txt" "$@" >/dev/null 2>"$tmp/stderr.txt"
    RC=$?
    set -e
    end=$EPOCHREALTIME
    T=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    RSS=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time.txt")
    CPU=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$tmp/time.txt")
}

# best LABEL CMD... : LEDE_BENCH_RUNS runs, keeps the fastest time and the largest RSS.
best() {
    local label=$1 t_best="" cpu_best="" rss_best=0 rc_worst=0 i
    shift
    for ((i = 0; i < RUNS; i++)); do
        measure "$@"
        if [[ -z $t_best ]] || awk -v a="$T" -v b="$t_best" 'BEGIN { exit !(a < b) }'; then
            t_best=$T cpu_best=$CPU
        fi
        if ((RSS > rss_best)); then rss_best=$RSS; fi
        if ((RC > rc_worst)); then rc_worst=$RC; fi
    done
    T=$t_best CPU=$cpu_best RSS=$rss_best RC=$rc_worst
    if ((RC != 0)); then
        say "$label exited with $RC:"
        head -5 "$tmp/stderr.txt" >&2
    fi
    say "$(printf '%-22s %8.2f s (CPU %6.2f s) %8.1f MB/s  peak RSS %6.1f MB' "$label" "$T" "$CPU" \
        "$(awk -v b="$BYTES" -v t="$T" 'BEGIN { print b / 1e6 / t }')" \
        "$(awk -v r="$RSS" 'BEGIN { print r / 1024 }')")"
}

NPROC=$(nproc)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
best "lede -j 1" "$LEDE" -q -j 1 "$tmp/corpus"
T1=$T CPU1=$CPU RSS1=$RSS RC1=$RC
best "lede (-j 0, $NPROC cores)" "$LEDE" -q "$tmp/corpus"
TN=$T CPUN=$CPU RSSN=$RSS RCN=$RC
best "LC_ALL=C wc -w" env LC_ALL=C xargs -0 -a "$tmp/files0" wc -w
TW=$T CPUW=$CPU RSSW=$RSS
# For scale: wc without the per-file open/read/close, on the same text as one file.
xargs -0 -a "$tmp/files0" cat >"$tmp/all.txt"
best "wc -w, one file" env LC_ALL=C wc -w "$tmp/all.txt"
TW1=$T CPUW1=$CPU RSSW1=$RSS
rm -f "$tmp/all.txt"

# Single articles: ARTICLE_MB/100, /30, /10, /3, /1, each run alone. The
# growth exponent k (time ~ size^k) is fitted between neighbouring sizes on
# CPU time (steadier than wall time on a busy machine) after subtracting C0,
# the CPU time lede takes for one short fixture (start-up and first use of its
# regexes), so that k = 1 means linear.
ART_ROWS=()
prev_mb="" prev_t="" k="" C0=""
if awk -v a="$ARTICLE_MB" 'BEGIN { exit !(a > 0) }'; then
    measure "$LEDE" -q fixtures/two-authors-wire-dateline-credit.txt
    C0=$CPU
    say "start-up and one short article: $T s (CPU $C0 s)"
    for div in 100 30 10 3 1; do
        amb=$(awk -v a="$ARTICLE_MB" -v d="$div" 'BEGIN { printf "%.3g", a / d }')
        art="$tmp/article-$amb.txt"
        say "generating a $amb MB article"
        read -r _ abytes < <(python3 bench/gen.py article "$art" "$amb" --seed="$SEED")
        cat "$art" >/dev/null
        measure timeout "$TIMEOUT" "$LEDE" -q --max-bytes 0 "$art"
        rm -f "$art"
        rss_mb=$(awk -v r="$RSS" 'BEGIN { printf "%.0f", r / 1024 }')
        if ((RC == 124)); then
            say "$amb MB article: stopped after $TIMEOUT s (peak RSS so far $rss_mb MB)"
            ART_ROWS+=("| one $amb MB article | > $TIMEOUT (stopped) | | < $(awk -v b="$abytes" -v t="$TIMEOUT" 'BEGIN { printf "%.2f", b / 1e6 / t }') | ≥ $rss_mb | |")
            break
        fi
        if ((RC != 0)); then
            say "$amb MB article: lede exited with $RC"
            head -5 "$tmp/stderr.txt" >&2
        fi
        growth=""
        if [[ -n $prev_t ]]; then
            growth=$(awk -v t1="$prev_t" -v t2="$CPU" -v t0="$C0" -v s1="$prev_mb" -v s2="$amb" 'BEGIN {
                a = t1 - t0; b = t2 - t0
                if (a > 0.01 && b > 0.01) printf "size^%.2f", log(b / a) / log(s2 / s1)
            }')
            k=${growth#size^}
        fi
        mbs=$(awk -v b="$abytes" -v t="$T" 'BEGIN { printf "%.2f", b / 1e6 / t }')
        say "$(printf '%-22s %8.2f s (CPU %6.2f s) %8s MB/s  peak RSS %5s MB  %s' "$amb MB article" "$T" "$CPU" "$mbs" "$rss_mb" "$growth")"
        ART_ROWS+=("| one $amb MB article | $(printf '%.2f' "$T") | $CPU | $mbs | $rss_mb | $growth |")
        prev_mb=$amb prev_t=$CPU
    done
fi

# A size not run to the end: extrapolate from the last fit.
EXTRA=""
if [[ -n $prev_mb && $prev_mb != "$(awk -v a="$ARTICLE_MB" 'BEGIN { printf "%.3g", a }')" && -n $k ]]; then
    EXTRA=$(awk -v c="$prev_t" -v c0="$C0" -v s="$prev_mb" -v a="$ARTICLE_MB" -v k="$k" 'BEGIN {
        e = c0 + (c - c0) * (a / s) ^ k
        printf "At size^%s from the last two sizes, one %g MB article would take about %.0f s (%.1f h) of CPU.", k, a, e, e / 3600
    }')
    say "$EXTRA"
fi

# The table.
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
row() { # label T CPU RSS RC
    awk -v l="$1" -v t="$2" -v c="$3" -v r="$4" -v rc="$5" -v b="$BYTES" -v n="$FILES" -v tw="$TW" 'BEGIN {
        printf "| %s | %.2f | %.2f | %.1f | %.0f | %.1f× | %.0f |%s\n", l, t, c, b / 1e6 / t, n / t, t / tw, r / 1024,
            (rc != 0 ? " exit " rc : "")
    }'
}
cat <<EOF

#### $(date -u +%Y-%m-%d), $WHAT

Machine: $NPROC cores (nproc), ${CPU_MODEL:-unknown CPU}, $(uname -sr); load average before the runs: $LOAD.
Corpus: $(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB in $FILES articles (bench/gen.py, seed $SEED), warm page cache. MB = 10^6 bytes; CPU = user + sys.

| run | wall (s) | CPU (s) | MB/s | articles/s | time vs wc | peak RSS (MB) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
$(row '`lede -j 1`' "$T1" "$CPU1" "$RSS1" "$RC1")
$(row "\`lede\` ($NPROC threads)" "$TN" "$CPUN" "$RSSN" "$RCN")
$(row '`LC_ALL=C wc -w`' "$TW" "$CPUW" "$RSSW" 0)
$(row '`LC_ALL=C wc -w`, the same text as one file' "$TW1" "$CPUW1" "$RSSW1" 0)

-j 1 → $NPROC threads: $(awk -v a="$T1" -v b="$TN" -v n="$NPROC" 'BEGIN { printf "%.2f× the throughput (%.0f%% of linear)", a / b, 100 * a / b / n }').
EOF
if ((${#ART_ROWS[@]})); then
    cat <<EOF

Single articles, \`lede --max-bytes 0 FILE > /dev/null\`, each run alone (limit $TIMEOUT s). "Time grows as" fits CPU time ~ size^k between neighbouring sizes, after subtracting the $C0 s of CPU that start-up plus one short article takes (k = 1 is linear):

| input | wall (s) | CPU (s) | MB/s | peak RSS (MB) | time grows as |
| --- | ---: | ---: | ---: | ---: | --- |
EOF
    printf '%s\n' "${ART_ROWS[@]}"
    [[ -z $EXTRA ]] || printf '\n%s\n' "$EXTRA"
fi
