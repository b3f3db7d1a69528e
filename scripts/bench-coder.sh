#!/usr/bin/env bash
# Coder speed on the seeds' Chinese sentences (one core, release), beside bare jieba-rs
# segmentation of exactly the same sentences. Prints both and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=$(cd "${DYAD_SEEDS:-${DYAD_SHARED:-../shared}/seeds}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The same sentence split as crates/dyad-coder/benches/coder.rs.
python3 - "$seeds" > "$work/zh.txt" <<'PY'
import os, re, sys
d = sys.argv[1]
for f in sorted(os.listdir(d)):
    t = open(os.path.join(d, f), encoding="utf-8").read()
    t = t.replace("\n", "").replace("\r", "").replace(" ", "")
    for s in re.findall(r"[^。；！？]*[。；！？]?", t):
        if len(s) > 4:
            print(s)
PY
echo "sentences: $(wc -l < "$work/zh.txt")"
all=$(DYAD_SEEDS="$seeds" cargo bench -q -p dyad-coder --bench coder 2>/dev/null)
echo "$all" | head -n -1
coder=$(echo "$all" | tail -1)
echo "dyad coder: $coder"
peer=$(cargo run -q --release --manifest-path benches/jieba-peer/Cargo.toml -- "$work/zh.txt")
echo "$peer"
python3 - "$coder" "$peer" <<'PY'
import re, sys
c = float(re.search(r"([0-9.]+) sentences/s", sys.argv[1]).group(1))
j = float(re.search(r"([0-9.]+) sentences/s", sys.argv[2]).group(1))
print(f"coder / bare segmentation = {c / j:.2f}")
PY
