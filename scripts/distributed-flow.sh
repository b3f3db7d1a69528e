#!/usr/bin/env bash
# The flow index on a real distributed engine, checked against the embedded one.
#
#   scripts/distributed-flow.sh [dyad export selection flags…]     (default: --dyad USA-RUS)
#
# 1. `dyad export --format parquet` writes the selected events of a store as Hive-partitioned
#    Parquet (year=/month=); `dyad sql sql/flow_index.sql` computes the flow index on the
#    embedded store (SQLite) with the same selection.
# 2. A standalone Apache Spark cluster is started on 127.0.0.1 only: one master and two workers
#    (one core, 1 GiB each), from the `pyspark` package of PyPI, installed once into a venv under
#    ${SPARK_VENV:-~/.cache/dyad/spark-venv} (about 500 MB; Java 17 or newer must be installed).
# 3. A job submitted to the cluster registers the Parquet directory as table `events` and runs
#    the same SQL file unchanged; its result is compared with the embedded one (integers equal,
#    floating-point numbers to 9 decimals).
# 4. The cluster is stopped and the temporary directory removed (KEEP=1 keeps it).
#
# Exits 0 when the numbers match, 1 when they differ, 2 when something could not run.
# Environment: DYAD_DB (a store to export; default: a fresh one, which holds the built-in
# chronology), DYAD_BIN (default: target/release/dyad, built if missing), SPARK_VENV, KEEP,
# TIMEOUT (seconds for the Spark job, default 600).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

selection=("$@")
[ ${#selection[@]} -eq 0 ] && selection=(--dyad USA-RUS)
timeout_s=${TIMEOUT:-600}
venv=${SPARK_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/dyad/spark-venv}
work=$(mktemp -d "${TMPDIR:-/tmp}/dyad-distributed.XXXXXX")
pids=()

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }
say() { echo "== $*" >&2; }

cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "${KEEP:-0}" = 1 ]; then
    echo "kept $work" >&2
  else
    rm -rf "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

t0=$(now)
if ! java -version >/dev/null 2>&1; then
  echo "Java 17 or newer is required for Spark (java not found)" >&2
  exit 2
fi
dyad=${DYAD_BIN:-$repo/target/release/dyad}
if [ ! -x "$dyad" ]; then
  say "building dyad (release)"
  cargo build -q --release -p dyad
fi
if [ ! -x "$venv/bin/spark-submit" ] && [ ! -x "$venv/bin/pyspark" ]; then
  say "installing pyspark into $venv (once)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q pyspark
fi
spark_home=$("$venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
export SPARK_HOME=$spark_home
export PYSPARK_PYTHON=$venv/bin/python PYSPARK_DRIVER_PYTHON=$venv/bin/python
# Every Spark daemon and UI binds to the loopback address only.
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=127.0.0.1
export SPARK_LOG_DIR=$work/logs SPARK_CONF_DIR=$work/conf
mkdir -p "$SPARK_LOG_DIR" "$SPARK_CONF_DIR"
spark_version=$("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)')

db=${DYAD_DB:-$work/dyad.db}
say "export (${selection[*]}) to Parquet"
t1=$(now)
"$dyad" --db "$db" export --format parquet --out "$work/events" "${selection[@]}"
t2=$(now)
"$dyad" --db "$db" sql sql/flow_index.sql "${selection[@]}" --format csv >"$work/embedded.csv"
t3=$(now)
files=$(find "$work/events" -name '*.parquet' | wc -l)
bytes=$(du -sb "$work/events" | cut -f1)

free_port() {
  "$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port=$(free_port)
ui=$(free_port)
master_url=spark://127.0.0.1:$port
say "starting Spark $spark_version master $master_url and two workers"
t4=$(now)
"$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port "$ui" >"$work/logs/master.log" 2>&1 &
pids+=($!)
for n in 1 2; do
  mkdir -p "$work/worker-$n"
  "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker "$master_url" \
    --host 127.0.0.1 --cores 1 --memory 1g --webui-port "$(free_port)" \
    --work-dir "$work/worker-$n" >"$work/logs/worker-$n.log" 2>&1 &
  pids+=($!)
done
deadline=$((SECONDS + 120))
until [ "$(grep -c 'Registering worker' "$work/logs/master.log" 2>/dev/null || true)" -ge 2 ]; do
  if [ $SECONDS -ge $deadline ]; then
    echo "the two workers did not register within 120 s; master log:" >&2
    tail -20 "$work/logs/master.log" >&2
    exit 2
  fi
  sleep 1
done
t5=$(now)

say "running sql/flow_index.sql on the cluster"
status=0
timeout "$timeout_s" "$SPARK_HOME/bin/spark-submit" \
  --master "$master_url" \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --conf spark.ui.enabled=false \
  --conf spark.executor.cores=1 --conf spark.cores.max=2 --executor-memory 1g \
  --conf spark.sql.shuffle.partitions=4 \
  --conf spark.sql.files.maxPartitionBytes=65536 --conf spark.sql.files.openCostInBytes=4096 \
  scripts/distributed_flow.py job "$work/events" sql/flow_index.sql "$work/distributed.csv" \
  >"$work/job.out" 2>"$work/logs/job.log" || status=$?
t6=$(now)
if [ $status -ne 0 ]; then
  echo "the Spark job failed (exit $status); last lines of its log:" >&2
  tail -30 "$work/logs/job.log" >&2
  exit 2
fi

# Which executors ran tasks: each worker keeps its executors' logs under its work dir.
tasks=""
for n in 1 2; do
  c=$(cat "$work"/worker-$n/app-*/*/stderr 2>/dev/null | grep -c 'Finished task' || true)
  tasks="$tasks worker-$n: $c tasks;"
done

echo "dyad export: $(wc -l <"$work/embedded.csv" | awk '{print $1 - 1}') index rows from ${selection[*]}; $files Parquet files, $bytes bytes; export $(secs "$t1" "$t2"), embedded SQL $(secs "$t2" "$t3")"
echo "cluster: 1 master + 2 workers (1 core, 1 GiB each) on 127.0.0.1, started in $(secs "$t4" "$t5");$tasks"
cat "$work/job.out"
echo "spark-submit (JVM start, job, stop): $(secs "$t5" "$t6"); whole run $(secs "$t0" "$t6")"
rc=0
python3 scripts/distributed_flow.py compare "$work/embedded.csv" "$work/distributed.csv" || rc=$?
if [ $rc -ne 0 ]; then
  head -5 "$work/embedded.csv" "$work/distributed.csv" >&2
  exit 1
fi
