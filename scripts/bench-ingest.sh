#!/usr/bin/env bash
# Ingest throughput and peak memory on the seed documents repeated to at least 100 MB.
# Usage: scripts/bench-ingest.sh [MB]   (default 100). Prints a Markdown table row set.
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb=${1:-100}
seeds=${DYAD_SHARED:-../shared}/seeds
[ -d "$seeds" ] || { echo "the seed documents are expected in $seeds" >&2; exit 2; }
cargo build --release -q -p dyad
bin=target/release/dyad
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus"
# Each copy gets a distinct first line, so every copy is a distinct document.
i=0; bytes=0
while [ "$bytes" -lt $((target_mb * 1000 * 1000)) ]; do
  for f in "$seeds"/*.txt; do
    { printf '副本第%d号。\n\n' "$i"; cat "$f"; } > "$work/corpus/$(printf %05d $i).txt"
    bytes=$((bytes + $(stat -c %s "$work/corpus/$(printf %05d $i).txt")))
    i=$((i + 1))
  done
done
echo "corpus: $i documents, $bytes bytes" >&2
/usr/bin/time -v "$bin" --db "$work/bench.db" ingest "$work/corpus" --format json \
  > "$work/out.json" 2> "$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
secs=$(grep -oP 'in \K[0-9.]+(?= s)' "$work/err.txt" | tail -1)
sentences=$(grep -oP '[0-9]+(?= sentences)' "$work/err.txt" | tail -1)
wall=$(grep -oP 'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): \K.*' "$work/err.txt")
rss_kb=$(grep -oP 'Maximum resident set size \(kbytes\): \K[0-9]+' "$work/err.txt")
db_bytes=$(stat -c %s "$work/bench.db")
python3 - "$bytes" "$secs" "$sentences" "$rss_kb" "$i" "$wall" "$db_bytes" <<'PY'
import sys
b, s, n, rss, docs, wall, db = sys.argv[1:]
b, s, n, rss, db = int(b), float(s), int(n), int(rss), int(db)
print(f"| documents | {docs} |")
print(f"| input | {b/1e6:.1f} MB |")
print(f"| sentences | {n} |")
print(f"| ingest time (dyad's own clock) | {s:.2f} s (wall {wall}) |")
print(f"| throughput | {b/1e6/s:.1f} MB/s, {n/s:,.0f} sentences/s |")
print(f"| peak memory (max RSS) | {rss/1024:.0f} MiB |")
print(f"| database size | {db/1e6:.0f} MB |")
PY
