#!/usr/bin/env bash
# Corpus benchmark for lede, side by side with `wc -w` (issues 5 and 15).
#
#   bash bench/corpus.sh                         # 100 MB corpora + single articles of 1 to 100 MB
#   LEDE_BENCH_MB=20 LEDE_BENCH_ARTICLE_MB=0 bash bench/corpus.sh   # a quick run
#
# Two corpora, each timed on its own files with a warm page cache:
#   real       copies of the real articles in ../shared/corpus/{dev,ggt,web}
#              (bench/real.py; built in a temp dir, never kept), when ../shared
#              is present; otherwise "fixtures", copies of fixtures/*.txt
#   generated  variants of fixtures/*.txt (bench/gen.py: names and paragraph
#              and sentence order varied, fixed seed)
# and on request (LEDE_BENCH_SETS) a third:
#   pages      those variants inside a made-up site's furniture, as w3m, lynx
#              and html2text print whole pages (bench/gen.py pages)
# For each: `lede -j 1` and `lede -j 2` (JSON Lines to /dev/null) and
# `LC_ALL=C wc -w` on the same files in the same run; CPU time (user + sys,
# which other load disturbs less than wall time), MB/s on CPU time, lede's
# time as a multiple of wc's, -j 2 speed-up on wall time, peak RSS (GNU time).
# Then the start-up CPU time of lede on a real article of about 1 KB (median
# of many runs, bench/startup.py) beside `cat` on the same file, and single
# articles made of the same real texts one after another, of
# LEDE_BENCH_ARTICLE_MB/100, /30, /10, /3 and the full size, each alone: time,
# how it grows with size, and peak RSS against the article's size. Ends with
# a markdown table for the README and the targets of issue 15, met or not.
#
# Environment:
#   LEDE_BENCH_MB          size of each corpus in MB (default 100)
#   LEDE_BENCH_SETS        corpora to time (default "real generated"; "real"
#                          falls back to "fixtures" without ../shared; "pages"
#                          times generated whole pages; "dev", "ggt" or "web"
#                          time copies of one folder alone)
#   LEDE_BENCH_SHARED      where the real corpora are (default ../shared/corpus)
#   LEDE_BENCH_ARTICLE_MB  size of the largest single article in MB (default 100; 0 skips)
#   LEDE_BENCH_TIMEOUT     seconds allowed per single-article run (default 300)
#   LEDE_BENCH_RUNS        runs per corpus command, the fastest is kept (default 1)
#   LEDE_BENCH_STARTUP_RUNS  runs for the start-up figure (default 200; 0 skips)
#   LEDE_BENCH_SEED        seed of the generator and of the order of real texts (default 20261125)
#   LEDE_BENCH_KEEP=1      keep the temp dir (its path is printed)
#   LEDE_BENCH_REV         a commit to build and time (git archive REV, built with
#                          --target-dir target/bench-rev), instead of the working tree
#   LEDE                   a lede binary to time as is (default: build the working tree)
#   LEDE_BENCH_PGO         1 (default): the working tree is built by scripts/pgo.sh,
#                          profile-guided; 0: by plain `cargo build --release`
set -euo pipefail

cd "$(dirname "$0")/.."

MB=${LEDE_BENCH_MB:-100}
SETS=${LEDE_BENCH_SETS:-real generated}
SHARED=${LEDE_BENCH_SHARED:-../shared/corpus}
ARTICLE_MB=${LEDE_BENCH_ARTICLE_MB:-100}
TIMEOUT=${LEDE_BENCH_TIMEOUT:-300}
RUNS=${LEDE_BENCH_RUNS:-1}
STARTUP_RUNS=${LEDE_BENCH_STARTUP_RUNS:-200}
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

# The real texts, or the fixtures in their place.
REAL_SRC=()
for d in dev ggt web; do
    [[ -d $SHARED/$d ]] && REAL_SRC+=("$SHARED/$d")
done
if ((${#REAL_SRC[@]})); then
    REAL_NAME=real
    read -r REAL_FILES REAL_BYTES < <(python3 bench/real.py sources "${REAL_SRC[@]}")
    REAL_WHAT="copies of the $REAL_FILES texts ($(awk -v b="$REAL_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB) in $(printf '%s ' "${REAL_SRC[@]}")"
else
    say "no real corpus under $SHARED: timing copies of fixtures/*.txt in its place"
    REAL_NAME=fixtures
    REAL_SRC=(fixtures)
    REAL_WHAT="copies of fixtures/*.txt (no real corpus at $SHARED)"
fi
SETS=${SETS//real/$REAL_NAME}

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
elif [[ ${LEDE_BENCH_PGO:-1} == 1 ]]; then
    say "building lede with PGO (scripts/pgo.sh; LEDE_BENCH_PGO=0 for the plain release build)"
    LEDE=$(bash scripts/pgo.sh)
    WHAT="lede $(git rev-parse --short HEAD 2>/dev/null || echo '(no git)'), PGO build (scripts/pgo.sh)"
    git diff --quiet HEAD -- src Cargo.toml Cargo.lock 2>/dev/null || WHAT="$WHAT + uncommitted changes"
else
    say "building lede (cargo build --release)"
    cargo build --release --quiet
    LEDE=target/release/lede
    WHAT="lede $(git rev-parse --short HEAD 2>/dev/null || echo '(no git)')"
    git diff --quiet HEAD -- src Cargo.toml Cargo.lock 2>/dev/null || WHAT="$WHAT + uncommitted changes"
fi
LEDE=$(realpath "$LEDE")
[[ -x $LEDE ]] || die "no lede binary at $LEDE"
LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

# measure CMD... : runs CMD (stdout to /dev/null) under GNU time.
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

# best LABEL BYTES CMD... : LEDE_BENCH_RUNS runs; keeps the run with the least
# CPU time (and its wall time) and the largest RSS.
best() {
    local label=$1 bytes=$2 t_best="" cpu_best="" rss_best=0 rc_worst=0 i
    shift 2
    for ((i = 0; i < RUNS; i++)); do
        measure "$@"
        if [[ -z $cpu_best ]] || awk -v a="$CPU" -v b="$cpu_best" 'BEGIN { exit !(a < b) }'; then
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
    say "$(printf '%-26s %8.2f s (CPU %6.2f s) %8.1f MB/s on CPU  peak RSS %6.1f MB' "$label" "$T" "$CPU" \
        "$(awk -v b="$bytes" -v c="$CPU" 'BEGIN { print (c > 0 ? b / 1e6 / c : 0) }')" \
        "$(awk -v r="$RSS" 'BEGIN { print r / 1024 }')")"
}

# One row per corpus for the table; figures of the real set for the targets.
CORPUS_ROWS=()
CORPUS_NOTES=()
declare -A FIG
for set in $SETS; do
    dir=$tmp/$set
    case $set in
    generated)
        read -r files bytes < <(python3 bench/gen.py corpus "$dir" "$MB" --seed="$SEED")
        what="bench/gen.py, seed $SEED"
        ;;
    pages)
        read -r files bytes < <(python3 bench/gen.py pages "$dir" "$MB" --seed="$SEED")
        what="bench/gen.py pages, seed $SEED"
        ;;
    real | fixtures)
        read -r files bytes < <(python3 bench/real.py corpus "$dir" "$MB" "${REAL_SRC[@]}" --seed="$SEED")
        what=$REAL_WHAT
        ;;
    dev | ggt | web)
        [[ -d $SHARED/$set ]] || die "no $SHARED/$set for LEDE_BENCH_SETS=$set"
        read -r files bytes < <(python3 bench/real.py corpus "$dir" "$MB" "$SHARED/$set" --seed="$SEED")
        what="copies of the texts in $SHARED/$set only"
        ;;
    *) die "unknown corpus '$set' in LEDE_BENCH_SETS (real, fixtures, generated, pages, or one of dev, ggt, web)" ;;
    esac
    find "$dir" -type f -name '*.txt' -print0 | sort -z >"$tmp/files0"
    say "$set: $files articles, $bytes bytes; warming the page cache"
    xargs -0 cat <"$tmp/files0" >/dev/null
    best "$set: lede -j 1" "$bytes" "$LEDE" -q -j 1 "$dir"
    T1=$T CPU1=$CPU RSS1=$RSS RC1=$RC
    best "$set: lede -j 2" "$bytes" "$LEDE" -q -j 2 "$dir"
    T2=$T CPU2=$CPU RSS2=$RSS RC2=$RC
    best "$set: LC_ALL=C wc -w" "$bytes" env LC_ALL=C xargs -0 -a "$tmp/files0" wc -w
    TW=$T CPUW=$CPU
    rm -rf "$dir"
    rc=""
    ((RC1 == 0 && RC2 == 0)) || rc=" (lede exited with $RC1 / $RC2)"
    CORPUS_ROWS+=("$(awk -v s="$set" -v n="$files" -v b="$bytes" -v t1="$T1" -v c1="$CPU1" -v t2="$T2" -v c2="$CPU2" \
        -v tw="$TW" -v cw="$CPUW" -v r1="$RSS1" -v r2="$RSS2" -v rc="$rc" 'BEGIN {
        ratio = (cw > 0 ? sprintf("%.1f×", c1 / cw) : "n/a (wc too fast to time)")
        printf "| %s | %d | %.1f | %.2f | %.1f | %.2f | %s | %.1f× | %.2f× (CPU %.2f s) | %.0f / %.0f |%s\n",
            s, n, b / 1e6, c1, (c1 > 0 ? b / 1e6 / c1 : 0), cw, ratio, t1 / tw, t1 / t2, c2, r1 / 1024, r2 / 1024, rc
    }')")
    CORPUS_NOTES+=("$set: $what")
    FIG[$set.ratio]=$(awk -v a="$CPU1" -v b="$CPUW" 'BEGIN { if (b > 0) printf "%.2f", a / b }')
    FIG[$set.scale]=$(awk -v a="$T1" -v b="$T2" 'BEGIN { printf "%.2f", a / b }')
    FIG[$set.rss]=$(awk -v a="$RSS1" -v b="$RSS2" 'BEGIN { printf "%.0f", (a > b ? a : b) / 1024 }')
done

# Start-up: CPU time of one process on a ~1 KB article, beside cat.
START=""
if ((STARTUP_RUNS > 0)); then
    small=$(python3 bench/real.py nearest 1000 "${REAL_SRC[@]}")
    small_bytes=$(wc -c <"$small")
    read -r s_med s_min s_p90 < <(python3 bench/startup.py "$STARTUP_RUNS" "$LEDE" -q "$small")
    read -r c_med c_min _ < <(python3 bench/startup.py "$STARTUP_RUNS" cat "$small")
    START="Start-up: \`lede FILE\` on a $small_bytes-byte $REAL_NAME article takes $s_med ms of CPU (median of $STARTUP_RUNS runs; fastest $s_min, 90th percentile $s_p90); \`cat\` on the same file $c_med ms (fastest $c_min). Per-process CPU from wait4, bench/startup.py."
    FIG[startup]=$s_med
    say "$START"
fi

# Single articles of the real texts one after another: ARTICLE_MB/100, /30,
# /10, /3, /1, each run alone. The growth exponent k (time ~ size^k) is
# fitted between neighbouring sizes on CPU time after subtracting C0, the CPU
# time of start-up plus the 1 KB article, so that k = 1 means linear.
ART_ROWS=()
prev_mb="" prev_t="" k="" C0=${s_med:+$(awk -v m="$s_med" 'BEGIN { printf "%.3f", m / 1000 }')}
C0=${C0:-0}
if awk -v a="$ARTICLE_MB" 'BEGIN { exit !(a > 0) }'; then
    for div in 100 30 10 3 1; do
        amb=$(awk -v a="$ARTICLE_MB" -v d="$div" 'BEGIN { printf "%.3g", a / d }')
        art="$tmp/article-$amb.txt"
        say "building a $amb MB article of $REAL_NAME texts"
        read -r _ abytes < <(python3 bench/real.py article "$art" "$amb" "${REAL_SRC[@]}" --seed="$SEED")
        cat "$art" >/dev/null
        measure timeout "$TIMEOUT" "$LEDE" -q --max-bytes 0 "$art"
        rm -f "$art"
        rss_mb=$(awk -v r="$RSS" 'BEGIN { printf "%.0f", r / 1024 }')
        ratio=$(awk -v r="$RSS" -v b="$abytes" 'BEGIN { printf "%.2f", r * 1024 / b }')
        if ((RC == 124)); then
            say "$amb MB article: stopped after $TIMEOUT s (peak RSS so far $rss_mb MB)"
            ART_ROWS+=("| one $amb MB article | > $TIMEOUT (stopped) | | | ≥ $rss_mb | | |")
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
        mbs=$(awk -v b="$abytes" -v c="$CPU" 'BEGIN { printf "%.1f", (c > 0 ? b / 1e6 / c : 0) }')
        say "$(printf '%-22s %8.2f s (CPU %6.2f s) %6s MB/s on CPU  peak RSS %5s MB = %s× its size  %s' "$amb MB article" "$T" "$CPU" "$mbs" "$rss_mb" "$ratio" "$growth")"
        ART_ROWS+=("| one $amb MB article | $(printf '%.2f' "$T") | $CPU | $mbs | $rss_mb | $ratio× | $growth |")
        prev_mb=$amb prev_t=$CPU
        FIG[art.rss]=$ratio FIG[art.k]=$k FIG[art.mb]=$amb
    done
fi

# The table.
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
# "AMD EPYC" names several generations, whose ratios to `wc -w` differ (a
# newer core runs wc's byte loop faster than lede's rules): the
# microarchitecture LLVM detects and the caches tell them apart.
UARCH=$(rustc --print target-cpus 2>/dev/null | sed -n '/^ *native /s/.*(currently \([^)]*\)).*/\1/p' || true)
CACHES=$(lscpu 2>/dev/null | awk -F': *' '/^L1d cache|^L1i cache|^L2 cache/ { sub(/ cache/, "", $1); printf "%s%s %s", (n++ ? ", " : ""), $1, $2 }' || true)
cat <<TABLE

#### $(date -u +%Y-%m-%d), $WHAT

Machine: $(nproc) cores (nproc), ${CPU_MODEL:-unknown CPU}${UARCH:+ ($UARCH)}${CACHES:+, caches $CACHES}, $(uname -sr); load average before the runs: $LOAD.
Each corpus $MB MB, warm page cache; MB = 10^6 bytes; CPU = user + sys; MB/s on CPU time of \`lede -j 1\`; "× wc" is lede's time over \`LC_ALL=C wc -w\`'s on the same files in the same run.
$(printf -- '- %s\n' "${CORPUS_NOTES[@]}")

| corpus | files | MB | \`lede -j 1\` CPU (s) | MB/s | \`wc -w\` CPU (s) | × wc (CPU) | × wc (wall) | -j 2 speed-up (wall) | peak RSS -j 1 / -j 2 (MB) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(printf '%s\n' "${CORPUS_ROWS[@]}")
TABLE
[[ -z $START ]] || printf '\n%s\n' "$START"
if ((${#ART_ROWS[@]})); then
    cat <<TABLE

Single articles made of the $REAL_NAME texts one after another, \`lede --max-bytes 0 FILE > /dev/null\`, each run alone (limit $TIMEOUT s). "Time grows as" fits CPU time ~ size^k between neighbouring sizes, after subtracting the start-up CPU (k = 1 is linear):

| input | wall (s) | CPU (s) | MB/s on CPU | peak RSS (MB) | RSS / size | time grows as |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
TABLE
    printf '%s\n' "${ART_ROWS[@]}"
fi

# Issue 15's targets, on the real (or fixtures) corpus.
check() { # description value verdict-expression (awk, on v)
    local v=$2
    [[ -n $v ]] || { printf -- '- %s: not measured\n' "$1"; return; }
    if awk -v v="$v" "BEGIN { exit !($3) }"; then printf -- '- %s: %s — met\n' "$1" "$v"; else printf -- '- %s: %s — not met\n' "$1" "$v"; fi
}
cat <<TABLE

Targets of issue 15 on the $REAL_NAME corpus:
$(check "\`lede -j 1\` CPU time within 3× of \`wc -w\` (×)" "${FIG[$REAL_NAME.ratio]:-}" 'v <= 3')
$(check "\`-j 2\` at ≥ 1.8× of \`-j 1\` (wall)" "${FIG[$REAL_NAME.scale]:-}" 'v >= 1.8')
$(check "peak RSS over the corpus under 64 MB (MB)" "${FIG[$REAL_NAME.rss]:-}" 'v < 64')
$(check "the ${FIG[art.mb]:-?} MB article in linear time (k of the last step)" "${FIG[art.k]:-}" 'v <= 1.1')
$(check "the ${FIG[art.mb]:-?} MB article in ≤ 2× its size of peak RSS (×)" "${FIG[art.rss]:-}" 'v <= 2')
$(check "start-up under 5 ms of CPU on a 1 KB article (ms)" "${FIG[startup]:-}" 'v < 5')
TABLE
