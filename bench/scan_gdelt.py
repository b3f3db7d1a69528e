"""`dyad scan gdelt` against DuckDB and Polars on GDELT 2.0 event files of 1 GB and more.

Run through bench/scan-gdelt.sh, which builds dyad and makes the virtual environment.

For each size asked for, builds (once, outside the repository) a GDELT 2.0-format file by
repeating the 2271 rows of the real 15-minute export in ../shared/reference/data with fresh
GLOBALEVENTIDs and event dates (SQLDATE, MonthYear, Year, FractionDate) moved over 2015-01..2025-12,
so that months vary. Besides the sample's own 8 USA-RUS rows, in each copy about one row in 97
that joins two different countries gets USA and RUS as its two country codes (taking turns over
the copies), so the dyad's rows carry the sample's whole range of event codes and Goldstein
scores; about 0.6% of the rows are USA-RUS. Then times the
same question three ways, three runs each (median): USA-RUS events per month of SQLDATE (either
direction of Actor1CountryCode / Actor2CountryCode), with the sum and mean of GoldsteinScale:

- dyad: `dyad scan gdelt FILE --dyad USA-RUS --format json`, the whole process;
- DuckDB: read_csv (tab, no header, no quoting, explicit column types) + GROUP BY, 2 threads;
- Polars: scan_csv (tab, no header, no quoting, explicit types) + lazy group_by, its default
  thread pool (one thread per core).

DuckDB and Polars are timed in-process around the query only (their interpreter start and
import are left out, in their favour). The three answers must agree: event counts exactly;
Goldstein sums rounded to 6 decimals (dyad adds the one-decimal values exactly; the engines add
floats in thread order, so their last bits may differ); means to within 1e-9.

The results replace the section between the markers in BENCHMARKS.md.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import polars as pl

NCOLS = 61
SAMPLE_ROWS = 2271
BEGIN = "<!-- bench/scan-gdelt.sh: begin -->"
END = "<!-- bench/scan-gdelt.sh: end -->"


def build_input(sample: Path, out: Path, target_bytes: int) -> tuple[int, int]:
    """Writes `out` (if not already there at the right size) and returns (bytes, rows)."""
    rows = [line.split("\t") for line in sample.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == SAMPLE_ROWS and all(len(r) == NCOLS for r in rows)
    stamp = out.with_suffix(".done")
    if out.exists() and stamp.exists() and stamp.read_text() == str(target_bytes):
        return out.stat().st_size, sum(1 for _ in open(out, "rb"))
    rests = ["\t".join(r[5:]) for r in rows]
    pairs = {j for j, r in enumerate(rows) if r[7] and r[17] and r[7] != r[17]}
    days = [min(int(r[1][6:8]), 28) for r in rows]
    months = 11 * 12  # 2015-01 .. 2025-12
    written = 0
    n = 0
    copy = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        while written < target_bytes:
            # Row j of copy c falls in month (7c + j) mod 132: every month gets a similar share.
            parts = []
            for j, rest in enumerate(rests):
                d = days[j]
                m = (copy * 7 + j) % months
                y, mo = 2015 + m // 12, m % 12 + 1
                if (j + copy) % 97 == 0 and j in pairs:
                    r = rows[j][5:]
                    r[7 - 5], r[17 - 5] = ("USA", "RUS") if (j + copy) % 2 else ("RUS", "USA")
                    rest = "\t".join(r)
                frac = f"{y}.{(mo * 30 + d) * 10000 // 365:04d}"
                parts.append(
                    f"{500000000 + copy * SAMPLE_ROWS + j}\t{y}{mo:02d}{d:02d}\t{y}{mo:02d}\t{y}\t{frac}\t{rest}\n"
                )
            chunk = "".join(parts)
            f.write(chunk)
            written += len(chunk.encode("utf-8"))
            n += SAMPLE_ROWS
            copy += 1
    stamp.write_text(str(target_bytes))
    return out.stat().st_size, n


def run_dyad(binary: Path, path: Path) -> dict:
    p = subprocess.run(
        [str(binary), "scan", "gdelt", str(path), "--dyad", "USA-RUS", "--format", "json"],
        capture_output=True,
        text=True,
    )
    if p.returncode != 0:
        sys.exit(f"dyad failed ({p.returncode}): {p.stderr}")
    out = {}
    for r in json.loads(p.stdout):
        if r["events"] > 0:
            out[int(r["period"].replace("-", ""))] = (r["events"], r["goldstein_sum"], r["goldstein_mean"])
    return out


def peak_rss_mib(binary: Path, path: Path) -> str:
    """dyad's maximum resident set size, from GNU time when the machine has it."""
    if not Path("/usr/bin/time").exists():
        return "not measured (no /usr/bin/time)"
    p = subprocess.run(
        ["/usr/bin/time", "-f", "%M", str(binary), "scan", "gdelt", str(path), "--format", "json"],
        capture_output=True,
        text=True,
    )
    kb = p.stderr.strip().splitlines()[-1]
    return f"{int(kb) / 1024:.0f} MiB"


def columns_spec() -> dict:
    types = {1: "INTEGER", 29: "INTEGER", 30: "DOUBLE"}
    return {f"c{i}": types.get(i, "VARCHAR") for i in range(NCOLS)}


def run_duckdb(path: Path) -> dict:
    con = duckdb.connect()
    con.execute("SET threads = 2")
    con.execute("SET enable_progress_bar = false")
    cols = ", ".join(f"'{k}': '{v}'" for k, v in columns_spec().items())
    q = f"""
        SELECT c1 // 100 AS ym, count(*) AS n, sum(c30) AS gsum, avg(c30) AS gmean
        FROM read_csv('{path}', delim = '\t', header = false, quote = '', escape = '',
                      auto_detect = false, columns = {{{cols}}})
        WHERE (c7 = 'USA' AND c17 = 'RUS') OR (c7 = 'RUS' AND c17 = 'USA')
        GROUP BY ym ORDER BY ym
    """
    return {int(ym): (n, s, m) for ym, n, s, m in con.execute(q).fetchall()}


def run_polars(path: Path) -> dict:
    schema = {
        k: {"INTEGER": pl.Int32, "DOUBLE": pl.Float64}.get(v, pl.String)
        for k, v in columns_spec().items()
    }
    c7, c17 = pl.col("c7"), pl.col("c17")
    df = (
        pl.scan_csv(path, separator="\t", has_header=False, schema=schema, quote_char=None)
        .filter(((c7 == "USA") & (c17 == "RUS")) | ((c7 == "RUS") & (c17 == "USA")))
        .group_by((pl.col("c1") // 100).alias("ym"))
        .agg(pl.len().alias("n"), pl.col("c30").sum().alias("gsum"), pl.col("c30").mean().alias("gmean"))
        .sort("ym")
        .collect()
    )
    return {int(ym): (n, s, m) for ym, n, s, m in df.iter_rows()}


def agree(a: dict, b: dict) -> list[str]:
    problems = []
    for ym in sorted(set(a) | set(b)):
        if ym not in a or ym not in b:
            problems.append(f"{ym}: only in one answer")
            continue
        (n1, s1, m1), (n2, s2, m2) = a[ym], b[ym]
        if n1 != n2:
            problems.append(f"{ym}: {n1} vs {n2} events")
        if round(s1, 6) != round(s2, 6):
            problems.append(f"{ym}: Goldstein sum {s1!r} vs {s2!r}")
        if abs(m1 - m2) > 1e-9:
            problems.append(f"{ym}: Goldstein mean {m1!r} vs {m2!r}")
    return problems


def timed(fn, runs: int):
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), times, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", type=Path, required=True, help="the dyad binary")
    ap.add_argument("--sample", type=Path, required=True)
    ap.add_argument("--work", type=Path, required=True, help="where the inputs are built")
    ap.add_argument("--gb", type=float, nargs="+", default=[1.0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--markdown", type=Path, help="BENCHMARKS.md to update")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    sections = []
    load = os.getloadavg()
    for gb in args.gb:
        path = args.work / f"gdelt2-{gb:g}GB.export.CSV"
        size, rows = build_input(args.sample, path, int(gb * 1e9))
        mb = size / 1e6
        subprocess.run(["cat", str(path)], stdout=subprocess.DEVNULL, check=True)  # page cache
        print(f"input {path.name}: {mb:.0f} MB, {rows} rows", file=sys.stderr)
        results = {}
        for name, fn in [
            ("dyad", lambda: run_dyad(args.dyad, path)),
            ("DuckDB", lambda: run_duckdb(path)),
            ("Polars", lambda: run_polars(path)),
        ]:
            med, times, answer = timed(fn, args.runs)
            results[name] = (med, times, answer)
            print(f"  {name}: median {med:.2f} s ({', '.join(f'{t:.2f}' for t in times)})", file=sys.stderr)
        rss = peak_rss_mib(args.dyad, path)
        base = results["dyad"][2]
        for other in ("DuckDB", "Polars"):
            problems = agree(base, results[other][2])
            if problems:
                sys.exit(f"dyad and {other} disagree:\n  " + "\n  ".join(problems[:20]))
        events = sum(v[0] for v in base.values())
        duck = results["DuckDB"][0]
        lines = [
            f"Input: {mb:,.0f} MB, {rows:,} rows, GDELT 2.0 (61 columns); {events:,} USA–RUS rows in "
            f"{len(base)} months. The three answers agree (counts exactly, Goldstein sums to 6 decimals, "
            f"means to 1e-9). dyad's peak memory (max RSS, one more run under GNU time): {rss}.",
            "",
            "| tool | median of 3 | runs (s) | MB/s | rows/s | throughput vs DuckDB |",
            "|---|---|---|---|---|---|",
        ]
        for name, (med, times, _) in results.items():
            lines.append(
                f"| {name} | {med:.2f} s | {' / '.join(f'{t:.2f}' for t in times)} | {mb / med:,.0f} | "
                f"{rows / med / 1e6:,.2f} M | {duck / med:.2f} × |"
            )
        sections.append("\n".join(lines))

    header = (
        f"Measured {date.today()} by `bench/scan-gdelt.sh {' '.join(f'{g:g}' for g in args.gb)}` on "
        f"{os.cpu_count()} cores ({platform.machine()}), Python {platform.python_version()}, "
        f"DuckDB {duckdb.__version__}, Polars {pl.__version__}; the input was in the page cache; "
        f"load average {load[0]:.1f} before the runs and {os.getloadavg()[0]:.1f} after (other "
        "work on the same cores slows every tool, so read the figures as lower bounds)."
    )
    text = header + "\n\n" + "\n\n".join(sections)
    print(text)
    if args.markdown:
        md = args.markdown.read_text(encoding="utf-8")
        if BEGIN in md and END in md:
            pre, rest = md.split(BEGIN, 1)
            post = rest.split(END, 1)[1]
            md = pre + BEGIN + "\n" + text + "\n" + END + post
        else:
            md = md.rstrip("\n") + "\n\n" + BEGIN + "\n" + text + "\n" + END + "\n"
        args.markdown.write_text(md, encoding="utf-8")


if __name__ == "__main__":
    main()
