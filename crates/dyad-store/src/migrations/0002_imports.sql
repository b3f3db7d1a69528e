-- dyad store, schema version 2: imported datasets (GDELT, ICEWS, POLECAT).
-- `dataset` names the dataset of an imported event (NULL for coded and curated events); the
-- dataset's own id (`native_id`; ICEWS: Event ID + ':' + Event Date) is unique within it, so
-- importing a file again stores nothing twice.
ALTER TABLE events ADD COLUMN dataset TEXT;

CREATE UNIQUE INDEX events_native ON events (dataset, native_id) WHERE dataset IS NOT NULL;

-- One row per imported file (or zip member): what its last import did.
CREATE TABLE imports (
    dataset     TEXT NOT NULL,
    file        TEXT NOT NULL,
    rows        INTEGER NOT NULL,       -- data rows read
    stored      INTEGER NOT NULL,       -- new events
    present     INTEGER NOT NULL,       -- events already stored
    skipped     INTEGER NOT NULL,       -- rows without two distinct states
    bad         INTEGER NOT NULL,       -- rows that could not be read
    complete    INTEGER NOT NULL,       -- 1 when the whole file was read
    imported_at TEXT NOT NULL,
    PRIMARY KEY (dataset, file)
);
