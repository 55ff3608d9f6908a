#!/usr/bin/env bash
# Does a change leave lede's output byte for byte as it was? Runs two
# builds over every corpus folder in ../shared/corpus (dev, ggt, web) and
# fixtures/, as directory runs, in every output format (json, text, csv,
# tsv, markdown, html, --explain json), and compares the outputs with cmp.
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
runs=("--format json" "--format text" "--format csv" "--format tsv" "--format markdown" "--format html" "--explain --format json")
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
((status == 0)) && rmdir "$tmp"
exit $status
