#!/usr/bin/env bash
# The scaling suite as CI runs it (see bench/scaling.py for what it checks):
# builds the release binary, then runs every hostile family at two sizes ten
# times apart. Extra arguments go to scaling.py, e.g.
#   bash bench/scaling.sh --scale 10                 # 10 MB / 100 MB families
#   bash bench/scaling.sh --only one_word_lines --scale 6
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/time ]; then
  echo "scaling: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi
cargo build --release --quiet
exec python3 bench/scaling.py --bin target/release/lede "$@"
