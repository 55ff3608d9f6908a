#!/usr/bin/env bash
# The README's Spark recipe as a real PySpark job (local[2], RDD.pipe).
# Installs what it needs when missing: a headless JRE (Debian's
# default-jre-headless) and pyspark (PyPI). Quick when both are there.
#
# Usage: tests/spark/run.sh [LEDE]   (default target/release/lede)
# The records are the *.txt of the dev corpus (../shared/corpus/dev, or the
# folder in LEDE_SPARK_CORPUS) when it is there, else of fixtures/, plus one
# broken record that must come back as an error record without failing the
# Spark task.
set -euo pipefail
cd "$(dirname "$0")/../.."
lede=${1:-target/release/lede}
[ -x "$lede" ] || { echo "spark: no lede binary at $lede (cargo build --release)" >&2; exit 2; }

# PySpark 4 needs Java 17 or newer (Debian 12's default JRE).
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1 || true)
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
  echo "spark: installing a headless JRE (apt-get install default-jre-headless)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi
if ! python3 -c 'import pyspark' >/dev/null 2>&1; then
  echo "spark: installing pyspark (pip)"
  python3 -m pip install --quiet 'pyspark>=3.5,<5' 2>&1 | grep -v 'WARNING: Running pip as' || true
  python3 -c 'import pyspark' || { echo "spark: pyspark did not install" >&2; exit 1; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=${LEDE_SPARK_CORPUS:-../shared/corpus/dev}
[ -d "$corpus" ] || corpus=fixtures
python3 - "$corpus" "$work/records.jsonl" <<'PY'
import json, pathlib, sys
corpus, out = pathlib.Path(sys.argv[1]), sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        f.write(json.dumps({"id": path.name, "text": text}) + "\n")
    f.write('{"id": "broken-record", "text": "cut off here\n')
PY
echo "spark: $(wc -l < "$work/records.jsonl") records from $corpus"
python3 tests/spark/job.py "$lede" "$work/records.jsonl" README.md
