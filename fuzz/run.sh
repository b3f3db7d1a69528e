#!/usr/bin/env bash
# Runs the coverage-guided fuzz targets (cargo-fuzz, libFuzzer), each for RUNS executions, one
# after the other, at the lowest CPU priority (one core). See fuzz/README.md.
#
#   fuzz/run.sh [RUNS] [TARGET...]      (defaults: 10000000, every target)
#
# Needs `cargo install cargo-fuzz`. Only a stable toolchain is assumed: RUSTC_BOOTSTRAP=1 lets
# cargo-fuzz pass its one unstable flag, and `--sanitizer none` builds without sanitizers
# (libFuzzer's coverage instrumentation only). Each target runs on a 2 MiB stack, as ingest's
# workers do, so deep recursion is found as a crash. The corpus grows in fuzz/corpus/TARGET
# (git-ignored), seeded from tests-data/ and fuzz/seeds/; a crash, a hang over 10 s, or a run
# over 2 GB of memory leaves its input in fuzz/artifacts/TARGET/ and stops that target. The log
# of each target is fuzz/logs/TARGET.log; one summary line per target is printed at the end.
#
# Settings (measured in BENCHMARKS.md, "Fuzzing"):
# - built with `--no-trace-compares` (into fuzz/target-notc/): comparison tracing cost two thirds
#   of the time of the text-stage targets (1.5-3.4x more executions per CPU second without it).
#   What it gave, libFuzzer learning the constants the code compares against, is given instead by
#   a dictionary per target, fuzz/dicts/TARGET.dict (the literals of crates/dyad-text/src and
#   markup tokens), passed with -dict when it exists. FUZZ_TRACE_COMPARES=1 restores the old
#   build (comparison tracing on, fuzz/target/), e.g. for a run from a corpus found without it.
# - -max_len=4096 (libFuzzer's default with seeds this small, now fixed so that a large file in
#   the corpus does not raise it): enough for 1,025 nested `<b>` (3,075 bytes, past the HTML
#   extractor's 1,024 parse depth) and for a 2,001-character run without punctuation (past the
#   segmenter's sentence cap). FUZZ_MAX_LEN overrides it.
# - FUZZ_MAX_TIME=SECONDS stops each target after that long (-max_total_time) even before RUNS.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10000000}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(decode text markdown html pdf segment gdelt icews polecat)
export RUSTC_BOOTSTRAP=1
build=(--sanitizer none)
if [ "${FUZZ_TRACE_COMPARES:-0}" = 1 ]; then
  :  # the default target dir, fuzz/target/
else
  build+=(--no-trace-compares --target-dir "$PWD/fuzz/target-notc")
fi
limits=(-max_len="${FUZZ_MAX_LEN:-4096}")
[ -z "${FUZZ_MAX_TIME:-}" ] || limits+=(-max_total_time="$FUZZ_MAX_TIME")

seed() {
  local t=$1 dir=fuzz/corpus/$1
  mkdir -p "$dir"
  [ -d "fuzz/seeds/$t" ] && cp fuzz/seeds/"$t"/* "$dir"/
  case $t in
    decode|segment) for f in tests-data/documents/*.txt; do printf '\0' | cat - "$f" > "$dir/$(basename "$f")"; done ;;
    text) cp tests-data/documents/*.txt "$dir"/ ;;
    pdf) cp tests-data/documents/*.pdf "$dir"/ ;;
    gdelt) split -l 4 tests-data/datasets/gdelt1-events.extract.csv "$dir/g1-"
           split -l 4 tests-data/datasets/gdelt2-20150218230000.export.extract.CSV "$dir/g2-" ;;
    icews) split -l 4 tests-data/datasets/icews-events.2018.sample.extract.tab "$dir/i-" ;;
  esac
}

nice -n 19 cargo fuzz build "${build[@]}"
mkdir -p fuzz/logs
summary=()
for t in "${targets[@]}"; do
  seed "$t"
  start=$(date +%s)
  status=0
  dict=()
  [ -f "fuzz/dicts/$t.dict" ] && dict=(-dict="fuzz/dicts/$t.dict")
  ( ulimit -s 2048
    exec nice -n 19 cargo fuzz run "${build[@]}" "$t" "fuzz/corpus/$t" -- \
      -runs="$runs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${limits[@]}" "${dict[@]}" ) \
    > "fuzz/logs/$t.log" 2>&1 || status=$?
  secs=$(( $(date +%s) - start ))
  execs=$(awk '/stat::number_of_executed_units:/ {print $2}' "fuzz/logs/$t.log" | tail -n1)
  line="$t: ${execs:-?} executions in ${secs} s, exit $status"
  [ "$status" -eq 0 ] || line="$line (CRASH: see fuzz/logs/$t.log and fuzz/artifacts/$t/)"
  echo "$line"
  summary+=("$line")
done
echo "== summary"
printf '%s\n' "${summary[@]}"
