#!/usr/bin/env bash
# Bounded load test of `dyad serve` on 127.0.0.1: a store of 1 M events (the built-in chronology
# plus synthetic imported events, bench/make_store.py), then 10,000 event queries from 64
# concurrent keep-alive connections (bench/load.rs). Results go into BENCHMARKS.md by hand.
#
#   bench/load.sh [EVENTS] [REQUESTS] [CONCURRENCY]      (defaults 1000000 10000 64)
#
# The store is kept in bench-data/ (git-ignored) and reused when it has the events already.
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
requests=${2:-10000}
concurrency=${3:-64}

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

log=$(mktemp)
target/release/dyad --db "$db" serve --addr 127.0.0.1:0 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -f "$log"' EXIT
addr=""
for _ in $(seq 1 300); do
  addr=$(grep -o '127\.0\.0\.1:[0-9]*' "$log" | head -n1 || true)
  [ -n "$addr" ] && break
  sleep 0.1
done
[ -n "$addr" ] || { cat "$log" >&2; exit 1; }

echo "== warm-up (200 requests)"
target/release/examples/load --addr "$addr" --requests 200 --concurrency 8 >/dev/null
echo "== event queries, $requests requests, $concurrency concurrent, store of $events synthetic events"
echo "   (8 queries repeated: after the first request each is answered from the page cache)"
target/release/examples/load --addr "$addr" --requests "$requests" --concurrency "$concurrency"

# The same 8 kinds of query made distinct (a different first month, and a shallow page), so that
# every request misses the cache and runs its SQL query.
distinct=$(mktemp)
python3 - "$requests" > "$distinct" <<'PY'
import re, sys
base = ["/api/events?dyad=USA-RUS&limit=50", "/api/events?dyad=USA-RUS&from=2014-01&to=2014-12&limit=100",
        "/api/events?dyad=RUS-USA&quad=4&limit=50", "/api/events?dyad=USA-RUS&domain=sanctions&limit=50",
        "/api/events?dyad=USA-RUS&from=2022-02&origin=imported&limit=100", "/api/events?dyad=USA-CHN&limit=50&offset=500",
        "/api/events?dyad=RUS-UKR&from=2023-06&to=2023-06&limit=200", "/api/events?dyad=USA-RUS&cameo=04&from=2008&limit=50"]
seen = set()
for i in range(int(sys.argv[1])):
    p, k = base[i % len(base)], i // len(base)
    months, depth = k % 400, (k // 400) * 10
    y, m = divmod(1992 * 12 + months, 12)
    first = f"{y:04d}-{m + 1:02d}"
    p = re.sub(r"&from=[0-9-]+", "", p)
    p = re.sub(r"&to=[0-9-]+", f"&to={y + 1:04d}-{m + 1:02d}", p)
    p = re.sub(r"&offset=\d+", "", p)
    p = f"{p}&from={first}&offset={depth}"
    assert p not in seen
    seen.add(p)
    print(p)
PY
echo "== event queries, $requests distinct requests (no two alike: every one runs its SQL), $concurrency concurrent"
target/release/examples/load --addr "$addr" --requests "$requests" --concurrency "$concurrency" --paths "$distinct"
rm -f "$distinct"
