#!/usr/bin/env bash
# Mixed load test of `dyad serve` on 127.0.0.1 (issue 11): READERS connections read while
# UPLOADERS connections upload documents, for SECONDS, against a store of 1 M events (the same
# store as bench/load.sh, copied so that every run starts from it). Prints the latency of reads
# and uploads (bench/load.rs) and the server's resident memory during and after the load, then
# checks the targets: reads p99 <= 100 ms, 0 errors, RSS <= 500 MB during and after. Results go
# into BENCHMARKS.md by hand.
#
#   bench/mixed.sh [SECONDS] [READERS] [UPLOADERS]      (defaults 60 59 5)
#
# Reads cycle through the eight event queries of bench/load.sh and the first page of documents;
# uploads cycle through tests-data/documents (text in four encodings, and a PDF), each made new by
# a first line of its own so that every upload is coded and stored. Exit status 1 if a target is
# missed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
readers=${2:-59}
uploaders=${3:-5}
events=1000000

cargo build --release -p dyad --quiet
cargo build --release -p dyad --example load --quiet
mkdir -p bench-data
db=bench-data/load-$events.db
if [ ! -f "$db" ]; then
  # Creates the schema and loads the chronology (read commands never create a store).
  target/release/dyad --db "$db.tmp" ingest tests-data/documents/en-notes.txt >/dev/null
  python3 bench/make_store.py "$db.tmp" "$events"
  mv "$db.tmp" "$db"; rm -f "$db.tmp-wal" "$db.tmp-shm"
fi
run=bench-data/mixed-run.db
rm -f "$run" "$run-wal" "$run-shm"
cp "$db" "$run"

paths=$(mktemp)
log=$(mktemp)
rss=$(mktemp)
cat > "$paths" <<'P'
/api/events?dyad=USA-RUS&limit=50
/api/events?dyad=USA-RUS&from=2014-01&to=2014-12&limit=100
/api/events?dyad=RUS-USA&quad=4&limit=50
/api/events?dyad=USA-RUS&domain=sanctions&limit=50
/api/events?dyad=USA-RUS&from=2022-02&origin=imported&limit=100
/api/events?dyad=USA-CHN&limit=50&offset=500
/api/events?dyad=RUS-UKR&from=2023-06&to=2023-06&limit=200
/api/events?dyad=USA-RUS&cameo=04&from=2008&limit=50
/api/documents?limit=20
P
token=mixed-load-$$
DYAD_TOKEN=$token target/release/dyad --db "$run" serve --addr 127.0.0.1:0 2>"$log" &
server=$!
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -f "$paths" "$log" "$rss" "$run" "$run-wal" "$run-shm"
}
trap cleanup EXIT
addr=""
for _ in $(seq 1 300); do
  addr=$(grep -o '127\.0\.0\.1:[0-9]*' "$log" | head -n1 || true)
  [ -n "$addr" ] && break
  sleep 0.1
done
[ -n "$addr" ] || { cat "$log" >&2; exit 1; }

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$server/status"; }
echo "== server RSS before the load: $(( $(rss_kb) / 1024 )) MB"
( while kill -0 "$server" 2>/dev/null; do rss_kb >> "$rss"; sleep 0.25; done ) &
sampler=$!

echo "== $readers readers and $uploaders uploaders for $seconds s, store of $events synthetic events"
status=0
target/release/examples/load --addr "$addr" --duration "$seconds" --concurrency "$readers" \
  --paths "$paths" --uploaders "$uploaders" --upload-dir tests-data/documents --token "$token" \
  | tee "$log.out" || status=1
during=$(sort -n "$rss" | tail -n1)
sleep 5
after=$(rss_kb)
kill "$sampler" 2>/dev/null; sampler=""
echo "== server RSS: max during the load $(( during / 1024 )) MB; 5 s after it $(( after / 1024 )) MB"
p99=$(awk '/^reads latency ms:/ {for (i = 1; i < NF; i++) if ($i == "p99") print $(i + 1)}' "$log.out")
rm -f "$log.out"
ok=1
awk -v p="$p99" 'BEGIN { exit !(p <= 100) }' || { echo "MISSED: reads p99 $p99 ms > 100 ms"; ok=0; }
[ "$status" -eq 0 ] || { echo "MISSED: some requests failed (see errors above)"; ok=0; }
[ "$during" -le $((500 * 1024)) ] || { echo "MISSED: RSS during the load over 500 MB"; ok=0; }
[ "$after" -le $((500 * 1024)) ] || { echo "MISSED: RSS after the load over 500 MB"; ok=0; }
[ "$ok" -eq 1 ] && echo "== all targets met" || exit 1
