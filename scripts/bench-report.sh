#!/usr/bin/env bash
# Time `dyad report` on the whole built-in chronology (release build), both languages, several
# runs each; the database is prepared first so the timing covers the report alone.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
cargo build --release -q -p dyad
bin=target/release/dyad
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" --db "$work/r.db" chronology --format json > /dev/null   # loads the chronology once
python3 - "$bin" "$work" "$runs" <<'PY'
import statistics, subprocess, sys, time, os
bin, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
for lang in ("en", "zh"):
    out = os.path.join(work, f"r-{lang}.html")
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([bin, "--db", os.path.join(work, "r.db"), "report", "--dyad", "USA-RUS",
                        "--lang", lang, "--out", out], check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    size = os.path.getsize(out)
    print(f"| report --lang {lang} | min {min(times)*1000:.0f} ms, median {statistics.median(times)*1000:.0f} ms, "
          f"max {max(times)*1000:.0f} ms over {runs} runs | {size/1024:.0f} KB |")
PY
