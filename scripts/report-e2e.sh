#!/usr/bin/env bash
# The report in headless Chromium: writes the built-in USA–RUS report in Chinese and English, and
# the same report compared with a two-event USA–CHN record (`--compare`), then runs
# e2e/report.mjs on them at 1400 px and 390 px: download links (SVG and PNG per chart, CSV per
# table; each PNG button gives a PNG), labels neither cut with "…", run out of their chart, nor
# overlapping, no sideways scrolling. Prints ok/FAIL per check; exits non-zero on a failure.
# Needs /usr/bin/chromium (Debian's `chromium`) and `npm ci --prefix e2e`.
# Usage: scripts/report-e2e.sh [SHOT_DIR]   screenshots go there (default: a new temp dir, kept).
set -euo pipefail
cd "$(dirname "$0")/.."

shots=${1:-$(mktemp -d -t dyad-report-shots-XXXXXX)}
mkdir -p "$shots"
shots=$(cd "$shots" && pwd)
case "$shots/" in
  "$(pwd)/"*) echo "report-e2e: write screenshots outside the repository, not $shots" >&2; exit 2 ;;
esac

# DYAD_BIN=path uses an already built binary; otherwise the debug build (what `cargo test` built).
bin=${DYAD_BIN:-target/debug/dyad}
[ -n "${DYAD_BIN:-}" ] || cargo build -p dyad --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

db="$work/report.db"
printf '2024年11月16日，拜登在利马会见习近平。\n\n2025年1月17日，特朗普与习近平通电话。\n' >"$work/usa-chn.txt"
"$bin" --db "$db" ingest "$work/usa-chn.txt" >/dev/null 2>&1
for lang in zh en; do
  "$bin" --db "$db" report --dyad USA-RUS --lang "$lang" --out "$work/report-$lang.html" >/dev/null 2>&1
  "$bin" --db "$db" report --dyad USA-RUS --compare USA-CHN --lang "$lang" \
    --out "$work/compare-$lang.html" >/dev/null 2>&1
done

status=0
node e2e/report.mjs "$shots" "$work/report-zh.html" "$work/report-en.html" \
  "$work/compare-zh.html" "$work/compare-en.html" || status=$?
echo "report-e2e: screenshots in $shots"
exit "$status"
