"""The two halves of scripts/distributed-flow.sh that are Python.

  spark-submit distributed_flow.py job EVENTS_DIR SQL_FILE OUT_CSV
      On a Spark cluster: registers the exported Parquet directory (Hive partitions year=/month=)
      as the table `events`, runs the SQL file unchanged, writes the result as CSV.
  python3 distributed_flow.py compare EMBEDDED_CSV DISTRIBUTED_CSV
      Compares the two results: the same columns, the same rows in the same order, integers equal,
      floating-point numbers equal to 9 decimals. Exits 1 on any difference.

Only the standard library besides pyspark.
"""

import csv
import sys
import time


def job(events_dir, sql_file, out_csv):
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("dyad-flow-index").getOrCreate()
    sc = spark.sparkContext
    started = time.time()
    df = spark.read.parquet(events_dir)
    df.createOrReplaceTempView("events")
    with open(sql_file, encoding="utf-8") as f:
        query = f.read()
    result = spark.sql(query)
    rows = result.collect()
    elapsed = time.time() - started
    with open(out_csv, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(result.columns)
        for r in rows:
            w.writerow(["" if v is None else repr(v) if isinstance(v, float) else v for v in r])
    # Block managers known to the driver: one per executor, plus the driver's own.
    executors = sc._jsc.sc().getExecutorMemoryStatus().size() - 1
    print(
        f"spark: {spark.version} master {sc.master}; {executors} executors "
        f"(+ driver); input {df.rdd.getNumPartitions()} scan partitions, "
        f"{df.count()} events; query -> {len(rows)} rows in {elapsed:.2f} s",
        flush=True,
    )
    spark.stop()


def _num(s):
    try:
        return int(s)
    except ValueError:
        pass
    try:
        return float(s)
    except ValueError:
        return s


def compare(embedded_csv, distributed_csv):
    def load(path):
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        return rows[0], [[_num(c) for c in r] for r in rows[1:]]

    eh, erows = load(embedded_csv)
    dh, drows = load(distributed_csv)
    problems = []
    if eh != dh:
        problems.append(f"columns differ: embedded {eh} vs distributed {dh}")
    if len(erows) != len(drows):
        problems.append(f"row counts differ: embedded {len(erows)} vs distributed {len(drows)}")
    max_diff = 0.0
    cells = 0
    for i, (a, b) in enumerate(zip(erows, drows)):
        for name, x, y in zip(eh, a, b):
            cells += 1
            if isinstance(x, (int, float)) and isinstance(y, (int, float)):
                diff = abs(float(x) - float(y))
                max_diff = max(max_diff, diff)
                same = x == y if isinstance(x, int) and isinstance(y, int) else round(
                    float(x), 9
                ) == round(float(y), 9) or diff <= 1e-9
            else:
                same = x == y
            if not same and len(problems) < 20:
                problems.append(f"row {i + 1} ({a[:3]}), {name}: embedded {x!r} vs distributed {y!r}")
    if problems:
        print("MISMATCH:")
        for p in problems:
            print("  " + p)
        return 1
    print(
        f"MATCH: {len(erows)} rows x {len(eh)} columns ({cells} values) equal; "
        f"largest floating-point difference {max_diff:.3g} (tolerance: 9 decimals)"
    )
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "job":
        job(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(*sys.argv[2:]))
    else:
        sys.exit(__doc__)
