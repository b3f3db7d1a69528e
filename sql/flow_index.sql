-- The monthly event-flow index, per pair of actors, over a table or view named `events` with the
-- columns of `dyad export` (docs/export.md). Portable SQL: it runs unchanged on SQLite
-- (`dyad sql sql/flow_index.sql --dyad USA-RUS`) and on Spark SQL over the exported Parquet
-- (scripts/distributed-flow.sh); both give the same numbers.
--
-- One row per unordered pair and month. actor_a is the alphabetically smaller code, so for
-- USA-RUS the pair is (RUS, USA), `_ab` columns are RUS->USA and `_ba` columns USA->RUS.
-- period is `year_month`, the first month an event's date covers: a year-only date counts in
-- January, as in `dyad index`. Negated and hypothetical events are left out, as dyad's indices do.
-- Goldstein values are clamped to -10..10 as dyad does (stored values already lie there).
-- net_cooperation = (QuadClass 1+2 - QuadClass 3+4) / events; 0 for a direction with no events.
-- Events are counted as stored rows: `dyad index` merges rows reporting the same happening
-- (docs/method.md), so on coded or mixed data its counts can be lower; on the curated
-- chronology they agree (crates/dyad/tests/export.rs checks it).
-- Only SUM(CASE ...), COUNT(*), CAST(... AS DOUBLE), NULLIF, COALESCE and GROUP BY: no
-- engine-specific functions. Keep it so.
SELECT
    CASE WHEN source < target THEN source ELSE target END AS actor_a,
    CASE WHEN source < target THEN target ELSE source END AS actor_b,
    year_month AS period,
    COUNT(*) AS events,
    SUM(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END) AS q1,
    SUM(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END) AS q2,
    SUM(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END) AS q3,
    SUM(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END) AS q4,
    SUM(CASE WHEN goldstein > 10 THEN 10.0 WHEN goldstein < -10 THEN -10.0
             ELSE CAST(goldstein AS DOUBLE) END) AS goldstein_sum,
    SUM(CASE WHEN goldstein > 10 THEN 10.0 WHEN goldstein < -10 THEN -10.0
             ELSE CAST(goldstein AS DOUBLE) END) / COUNT(*) AS goldstein_mean,
    CAST(SUM(CASE WHEN quad_class IN (1, 2) THEN 1 WHEN quad_class IN (3, 4) THEN -1 ELSE 0 END)
         AS DOUBLE) / COUNT(*) AS net_cooperation,
    SUM(CASE WHEN source < target THEN 1 ELSE 0 END) AS events_ab,
    SUM(CASE WHEN source < target THEN
             CASE WHEN goldstein > 10 THEN 10.0 WHEN goldstein < -10 THEN -10.0
                  ELSE CAST(goldstein AS DOUBLE) END
             ELSE 0.0 END) AS goldstein_sum_ab,
    COALESCE(CAST(SUM(CASE WHEN source < target THEN
                      CASE WHEN quad_class IN (1, 2) THEN 1 WHEN quad_class IN (3, 4) THEN -1
                           ELSE 0 END
                      ELSE 0 END) AS DOUBLE)
             / NULLIF(SUM(CASE WHEN source < target THEN 1 ELSE 0 END), 0), 0.0)
        AS net_cooperation_ab,
    SUM(CASE WHEN source > target THEN 1 ELSE 0 END) AS events_ba,
    SUM(CASE WHEN source > target THEN
             CASE WHEN goldstein > 10 THEN 10.0 WHEN goldstein < -10 THEN -10.0
                  ELSE CAST(goldstein AS DOUBLE) END
             ELSE 0.0 END) AS goldstein_sum_ba,
    COALESCE(CAST(SUM(CASE WHEN source > target THEN
                      CASE WHEN quad_class IN (1, 2) THEN 1 WHEN quad_class IN (3, 4) THEN -1
                           ELSE 0 END
                      ELSE 0 END) AS DOUBLE)
             / NULLIF(SUM(CASE WHEN source > target THEN 1 ELSE 0 END), 0), 0.0)
        AS net_cooperation_ba
FROM events
WHERE NOT negated AND NOT hypothetical AND source <> target
GROUP BY
    CASE WHEN source < target THEN source ELSE target END,
    CASE WHEN source < target THEN target ELSE source END,
    year_month
ORDER BY actor_a, actor_b, period
