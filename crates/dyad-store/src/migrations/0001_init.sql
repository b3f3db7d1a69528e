-- dyad store, schema version 1: documents, sentences, events, citations.
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,           -- SHA-256 (hex) of the document's normalised text
    title       TEXT,
    published   TEXT,                       -- YYYY[-MM[-DD]] stated in the text or given by --date
    lang        TEXT NOT NULL,
    path        TEXT,
    format      TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    bytes       INTEGER NOT NULL,
    n_sentences INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    clean_text  TEXT NOT NULL
);

CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    normalized  TEXT,                       -- NULL when equal to text (most simplified-Chinese, all en/ru)
    lang        TEXT NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    paragraph   INTEGER NOT NULL,
    note        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (doc_id, seq)
);

CREATE TABLE citations (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    publisher   TEXT NOT NULL,
    date        TEXT,
    url         TEXT
);

CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    origin          TEXT NOT NULL CHECK (origin IN ('coded', 'curated', 'imported')),
    date            TEXT NOT NULL,          -- YYYY, YYYY-MM or YYYY-MM-DD: when it happened
    date_precision  TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year')),
    day_start       INTEGER NOT NULL,       -- days since 1970-01-01 of the first day covered
    reported        TEXT,                   -- date of the reporting document
    source          TEXT NOT NULL,
    source_role     TEXT NOT NULL DEFAULT '',
    source_person   TEXT,
    source_position TEXT,
    source_text     TEXT,
    target          TEXT NOT NULL,
    target_role     TEXT NOT NULL DEFAULT '',
    target_person   TEXT,
    target_position TEXT,
    target_text     TEXT,
    cameo           TEXT NOT NULL,
    quad_class      INTEGER NOT NULL,
    goldstein       REAL NOT NULL,
    plover          TEXT NOT NULL DEFAULT '',
    plover_mode     TEXT NOT NULL DEFAULT '',
    negated         INTEGER NOT NULL DEFAULT 0,
    hypothetical    INTEGER NOT NULL DEFAULT 0,
    domains         TEXT NOT NULL DEFAULT '', -- comma-separated
    doc_id          TEXT REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id     INTEGER REFERENCES sentences(id) ON DELETE CASCADE,
    span_start      INTEGER,
    span_end        INTEGER,
    explain         TEXT,
    curated_id      TEXT UNIQUE,            -- the chronology's stable id
    place           TEXT,
    meeting         TEXT,                   -- bilateral | multilateral for head-of-state meetings
    description_zh  TEXT,
    description_en  TEXT,
    cites           TEXT,                   -- ;-separated citation ids
    import_file     TEXT,
    import_row      INTEGER,
    native_id       TEXT
);

CREATE INDEX events_pair ON events (source, target, day_start);
CREATE INDEX events_origin ON events (origin, day_start);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX sentences_doc ON sentences (doc_id, seq);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
