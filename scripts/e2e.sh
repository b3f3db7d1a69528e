#!/usr/bin/env bash
# End-to-end test of the dashboard: builds dyad, starts `dyad serve` on a free 127.0.0.1 port
# with a temporary database and a token, runs e2e/test.mjs in headless Chromium, stops the server.
# Needs /usr/bin/chromium (Debian's `chromium`) and `npm ci --prefix e2e`.
# SCREENSHOT_DIR=dir keeps screenshots of the dashboard (desktop and phone, en and zh).
set -euo pipefail
cd "$(dirname "$0")/.."

# DYAD_BIN=path uses an already built binary; otherwise the debug build (what `cargo test` built).
bin=${DYAD_BIN:-target/debug/dyad}
[ -n "${DYAD_BIN:-}" ] || cargo build -p dyad --quiet
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

token="e2e-$RANDOM$RANDOM"
DYAD_TOKEN="$token" "$bin" --db "$work/e2e.db" serve --addr 127.0.0.1:0 2>"$work/serve.log" &
server=$!
addr=""
for _ in $(seq 1 300); do
  addr=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -n1 || true)
  [ -n "$addr" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; echo "e2e: dyad serve did not start" >&2; exit 1; }
  sleep 0.1
done
[ -n "$addr" ] || { cat "$work/serve.log" >&2; echo "e2e: dyad serve printed no address" >&2; exit 1; }
echo "e2e: dyad serve at $addr"

BASE_URL="$addr" DYAD_TOKEN="$token" node e2e/test.mjs
