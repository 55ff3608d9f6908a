#!/usr/bin/env bash
# Does a change leave lede's output byte for byte as it was? Runs two
# builds over every corpus folder in ../shared/corpus (dev, ggt, web) and
# fixtures/, as directory runs, in every output format (json, text, csv,
# tsv, markdown, html, --explain json) and offset unit (chars, utf16), and
# each file of fixtures/ and dev alone with --pretty (one object, indented),
# and compares the outputs with cmp.
#
#   bench/same_output.sh OLD_LEDE NEW_LEDE
#
# Prints one line per folder and format, and exits 1 if any differs (the
# differing outputs are left in the temp dir it names).
set -uo pipefail

cd "$(dirname "$0")/.."
old=${1:?usage: bench/same_output.sh OLD_LEDE NEW_LEDE}
new=${2:?usage: bench/same_output.sh OLD_LEDE NEW_LEDE}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-same.XXXXXX")
dirs=(fixtures)
for d in dev ggt web; do
    [[ -d ../shared/corpus/$d ]] && dirs+=("../shared/corpus/$d")
done
runs=("--format json" "--format text" "--format csv" "--format tsv" "--format markdown" "--format html" "--explain --format json"
    "--offsets chars --format json" "--offsets utf16 --format json")
status=0
for d in "${dirs[@]}"; do
    for r in "${runs[@]}"; do
        name=$(basename "$d")-$(echo "$r" | tr -dc 'a-z')
        # shellcheck disable=SC2086
        "$old" -q -j 2 $r "$d" >"$tmp/$name.old" 2>&1
        # shellcheck disable=SC2086
        "$new" -q -j 2 $r "$d" >"$tmp/$name.new" 2>&1
        if cmp -s "$tmp/$name.old" "$tmp/$name.new"; then
            echo "same      $d $r ($(wc -c <"$tmp/$name.new") bytes)"
            rm -f "$tmp/$name.old" "$tmp/$name.new"
        else
            echo "DIFFERENT $d $r: $tmp/$name.old $tmp/$name.new"
            status=1
        fi
    done
done
# One input at a time, pretty-printed: the single-object path of the CLI.
for d in fixtures ../shared/corpus/dev; do
    [[ -d $d ]] || continue
    n=0 diff=0
    for f in "$d"/*.txt; do
        n=$((n + 1))
        if ! cmp -s <("$old" --pretty "$f" 2>&1) <("$new" --pretty "$f" 2>&1); then
            echo "DIFFERENT $f --pretty"
            diff=1 status=1
        fi
    done
    ((diff == 0)) && echo "same      $d --pretty, each of $n files alone"
done
((status == 0)) && rmdir "$tmp"
exit $status
