#!/usr/bin/env python3
"""Fills a dyad store with N synthetic imported events (default 1,000,000) for the load test.

The store must exist already (any dyad command creates it with its schema and the built-in
chronology). Events are spread over 1992-2025 and over three dyads (USA-RUS 60%, USA-CHN 25%,
RUS-UKR 15%), both directions, with CAMEO codes from the store's own chronology so that codes,
Goldstein values and QuadClasses are consistent. Deterministic (seeded).

usage: make_store.py DB [N]
"""
import datetime
import random
import sqlite3
import sys

db = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = random.Random(20261121)
conn = sqlite3.connect(db)
codes = conn.execute(
    "SELECT DISTINCT cameo, quad_class, goldstein, plover FROM events WHERE origin = 'curated'"
).fetchall()
domains = ["diplomacy", "sanctions", "arms-control", "economy-trade", "energy", "leaders", ""]
pairs = [("USA", "RUS")] * 12 + [("USA", "CHN")] * 5 + [("RUS", "UKR")] * 3
epoch = datetime.date(1970, 1, 1)
start = (datetime.date(1992, 1, 1) - epoch).days
end = (datetime.date(2025, 12, 31) - epoch).days


def rows():
    for i in range(n):
        a, b = rng.choice(pairs)
        if rng.random() < 0.5:
            a, b = b, a
        day = rng.randint(start, end)
        date = (epoch + datetime.timedelta(days=day)).isoformat()
        cameo, quad, gold, plover = rng.choice(codes)
        dom = rng.choice(domains)
        yield ("imported", date, "day", day, a, b, cameo, quad, gold, plover, dom,
               "bench/synthetic.csv", i + 1, f"syn-{i}")


conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA synchronous = OFF")
with conn:
    conn.executemany(
        "INSERT INTO events (origin, date, date_precision, day_start, source, target, cameo,"
        " quad_class, goldstein, plover, domains, import_file, import_row, native_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows(),
    )
conn.execute("ANALYZE")
total = conn.execute("SELECT count(*) FROM events").fetchone()[0]
conn.close()
print(f"make_store: {n} synthetic events added; {total} events in {db}")
