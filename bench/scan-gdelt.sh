#!/usr/bin/env bash
# `dyad scan gdelt` against DuckDB and Polars on GDELT 2.0 inputs of 1 GB and more, built from
# the real sample rows; checks that the three agree and writes the results to BENCHMARKS.md.
# Usage: bench/scan-gdelt.sh [GB...]   (default: 1). Inputs and the Python virtual environment
# (DuckDB and Polars from PyPI, used only here) live in $DYAD_BENCH_DIR (default
# ${TMPDIR:-/tmp}/dyad-bench), outside the repository; inputs are kept for re-runs.
set -euo pipefail
cd "$(dirname "$0")/.."
sample=${DYAD_SHARED:-../shared}/reference/data/media-dashboard__bootstrap-db/20150218230000.export.CSV
[ -f "$sample" ] || { echo "the GDELT sample is expected at $sample" >&2; exit 2; }
work=${DYAD_BENCH_DIR:-${TMPDIR:-/tmp}/dyad-bench}
mkdir -p "$work"
if [ ! -x "$work/venv/bin/python" ]; then
  python3 -m venv "$work/venv"
fi
"$work/venv/bin/python" -m pip install -q 'duckdb==2.0.0' 'polars==2.1.0'
cargo build --release -q -p dyad
gbs=("$@"); [ ${#gbs[@]} -gt 0 ] || gbs=(1)
"$work/venv/bin/python" bench/scan_gdelt.py --dyad target/release/dyad --sample "$sample" \
  --work "$work" --gb "${gbs[@]}" --markdown BENCHMARKS.md
