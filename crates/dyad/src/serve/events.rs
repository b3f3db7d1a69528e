//! The API's event listing: the filters of `dyad events` plus the dashboard's (domain, QuadClass,
//! CAMEO prefix, sentence language), with pages that stay fast on a store of millions of events.
//!
//! Why a query of its own rather than `Store::events`: a page of one dyad must not sort the
//! dyad's whole history. Each direction of the pair is read in the order of the `events_pair`
//! index (source, target, day_start, rowid), at most `offset + limit + 1` rows of each, and the
//! two ordered runs are merged; a cursor (`after`) makes deep pages as cheap as the first.

use dyad_model::{Origin, PlaceTable};
use dyad_store::{event_row, CitationRow, EventRow, EVENT_COLUMNS};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde::Serialize;
use std::collections::HashMap;

/// Which events to list (already validated).
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub dyad: Option<(String, String)>,
    /// Days since 1970-01-01, inclusive.
    pub from_day: Option<i64>,
    pub to_day: Option<i64>,
    pub doc: Option<String>,
    pub origins: Vec<Origin>,
    pub include_negated: bool,
    pub include_hypothetical: bool,
    /// A domain name (`security`) or name with qualifier (`security:theatre`).
    pub domain: Option<String>,
    pub quad: Vec<u8>,
    /// Digits: a CAMEO code or its prefix.
    pub cameo: Option<String>,
    /// Language of the coded sentence (zh, en, ru).
    pub lang: Option<String>,
    pub limit: u64,
    pub offset: u64,
    /// Keyset cursor: rows after (day_start, id).
    pub after: Option<(i64, i64)>,
}

/// One listed event: the store's `EventRow` (the fields of `dyad events --format json`), plus the
/// language of the sentence it was coded from and the Chinese name of its place. The OpenAPI
/// document's `Event` schema is the contract; the API tests check responses against it.
#[derive(Debug, Clone, Serialize)]
pub struct ApiEvent {
    #[serde(flatten)]
    pub event: EventRow,
    /// Language of the sentence it was coded from (coded events only).
    pub lang: Option<String>,
    /// The Chinese name of `place` from the chronology's table of places (what the Chinese
    /// report prints); none when the event names no place or the table has no row for it.
    pub place_zh: Option<String>,
    #[serde(skip)]
    pub day_start: i64,
}

/// A page of events.
#[derive(Debug, Serialize)]
pub struct Page {
    pub events: Vec<ApiEvent>,
    pub limit: u64,
    pub offset: u64,
    /// The offset of the next page, when there is one.
    pub next_offset: Option<u64>,
    /// Pass as `after` for the next page (cheaper than offsets for deep pages).
    pub next_cursor: Option<String>,
}

/// What a listed event reads besides the store's columns (indices 35 and 36).
const EXTRA_COLUMNS: &str = "s.lang, e.day_start";

/// The conditions other than the dyad, with their arguments.
fn conditions(q: &Query) -> (String, Vec<Value>) {
    let mut sql = String::new();
    let mut args: Vec<Value> = Vec::new();
    if let Some(from) = q.from_day {
        sql.push_str(" AND e.day_start >= ?");
        args.push(from.into());
    }
    if let Some(to) = q.to_day {
        sql.push_str(" AND e.day_start <= ?");
        args.push(to.into());
    }
    if let Some((day, id)) = q.after {
        sql.push_str(" AND e.day_start >= ? AND (e.day_start > ? OR e.id > ?)");
        args.extend([day.into(), day.into(), id.into()]);
    }
    if let Some(doc) = &q.doc {
        sql.push_str(" AND e.doc_id = ?");
        args.push(doc.clone().into());
    }
    if !q.origins.is_empty() {
        sql.push_str(&format!(
            " AND e.origin IN ({})",
            vec!["?"; q.origins.len()].join(",")
        ));
        args.extend(q.origins.iter().map(|o| o.as_str().to_string().into()));
    }
    if !q.include_negated {
        sql.push_str(" AND e.negated = 0");
    }
    if !q.include_hypothetical {
        sql.push_str(" AND e.hypothetical = 0");
    }
    if let Some(d) = &q.domain {
        let list = "(',' || e.domains || ',')";
        if d.contains(':') {
            sql.push_str(&format!(" AND instr({list}, ?) > 0"));
            args.push(format!(",{d},").into());
        } else {
            sql.push_str(&format!(
                " AND (instr({list}, ?) > 0 OR instr({list}, ?) > 0)"
            ));
            args.push(format!(",{d},").into());
            args.push(format!(",{d}:").into());
        }
    }
    if !q.quad.is_empty() {
        sql.push_str(&format!(
            " AND e.quad_class IN ({})",
            vec!["?"; q.quad.len()].join(",")
        ));
        args.extend(q.quad.iter().map(|&c| i64::from(c).into()));
    }
    if let Some(c) = &q.cameo {
        sql.push_str(" AND e.cameo LIKE ?");
        args.push(format!("{c}%").into());
    }
    if let Some(l) = &q.lang {
        sql.push_str(" AND s.lang = ?");
        args.push(l.clone().into());
    }
    (sql, args)
}

/// Lists one page of events, oldest first (by first day covered, then id). Citations of
/// curated events come from `citations` (all of them, by id), the Chinese names of places from
/// `places`.
pub fn list(
    conn: &Connection,
    q: &Query,
    citations: &HashMap<String, CitationRow>,
    places: &PlaceTable,
) -> rusqlite::Result<Page> {
    let (cond, cond_args) = conditions(q);
    let want = q.offset + q.limit + 1;
    // Only the language filter needs the sentence while choosing the page.
    let from = if q.lang.is_some() {
        "FROM events e LEFT JOIN sentences s ON s.id = e.sentence_id"
    } else {
        "FROM events e"
    };
    let mut args: Vec<Value> = Vec::new();
    // First the page's keys, reading as few rows as the order allows; then its full rows.
    let keys = match &q.dyad {
        Some((a, b)) => {
            let run = format!(
                "SELECT * FROM (SELECT e.id AS id, e.day_start AS day_start {from} \
                 WHERE e.source = ? AND e.target = ?{cond} ORDER BY e.day_start, e.id LIMIT {want})"
            );
            for (x, y) in [(a, b), (b, a)] {
                args.push(x.clone().into());
                args.push(y.clone().into());
                args.extend(cond_args.iter().cloned());
            }
            format!("{run} UNION ALL {run}")
        }
        None => {
            args.extend(cond_args);
            format!("SELECT e.id AS id, e.day_start AS day_start {from} WHERE 1 = 1{cond}")
        }
    };
    let sql = format!(
        "SELECT {EVENT_COLUMNS}, {EXTRA_COLUMNS} FROM events e LEFT JOIN sentences s ON s.id = e.sentence_id \
         WHERE e.id IN (SELECT id FROM ({keys}) ORDER BY day_start, id LIMIT {} OFFSET {}) \
         ORDER BY e.day_start, e.id",
        q.limit + 1,
        q.offset
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows: Vec<(ApiEvent, Option<String>)> = stmt
        .query_map(params_from_iter(args), map_row)?
        .collect::<Result<_, _>>()?;
    let more = rows.len() as u64 > q.limit;
    rows.truncate(q.limit as usize);
    let events: Vec<ApiEvent> = rows
        .into_iter()
        .map(|(mut e, cites)| {
            if let Some(c) = cites {
                e.event.citation = c
                    .split(';')
                    .filter_map(|id| citations.get(id).cloned())
                    .collect();
            }
            e.place_zh = e
                .event
                .place
                .as_deref()
                .and_then(|p| places.zh(p))
                .map(str::to_string);
            e
        })
        .collect();
    let next_cursor = events
        .last()
        .filter(|_| more)
        .map(|e| format!("{}.{}", e.day_start, e.event.id));
    Ok(Page {
        next_offset: more.then_some(q.offset + events.len() as u64),
        next_cursor,
        limit: q.limit,
        offset: q.offset,
        events,
    })
}

/// Every event of one document (all flags), in the order of its sentences.
pub fn of_document(
    conn: &Connection,
    doc_id: &str,
    places: &PlaceTable,
) -> rusqlite::Result<Vec<ApiEvent>> {
    let page = list(
        conn,
        &Query {
            doc: Some(doc_id.to_string()),
            include_negated: true,
            include_hypothetical: true,
            limit: 100_000,
            ..Default::default()
        },
        &HashMap::new(), // coded events cite no sources
        places,
    )?;
    let mut events = page.events;
    events.sort_by_key(|e| (e.event.sentence_id, e.event.id));
    Ok(events)
}

/// Whether the store holds any event between `a` and `b`, in either direction.
pub fn dyad_known(conn: &Connection, a: &str, b: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM events WHERE source = ?1 AND target = ?2)
             OR EXISTS (SELECT 1 FROM events WHERE source = ?2 AND target = ?1)",
    )?
    .query_row([a, b], |r| r.get(0))
}

/// A pair of actors with events, for the dashboard's picker.
#[derive(Debug, Clone, Serialize)]
pub struct DyadCount {
    /// `A-B`, in the direction with more events.
    pub dyad: String,
    pub events: u64,
}

/// The pairs of actors with events, most events first (at most `max`).
pub fn dyads(conn: &Connection, max: usize) -> rusqlite::Result<Vec<DyadCount>> {
    let mut stmt = conn.prepare_cached(
        "SELECT source, target, count(*) FROM events INDEXED BY events_pair GROUP BY source, target",
    )?;
    let mut pairs: HashMap<(String, String), (u64, u64)> = HashMap::new();
    for row in stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)? as u64,
        ))
    })? {
        let (s, t, n) = row?;
        if s == t {
            continue;
        }
        // Keyed by the pair in alphabetical order, the two directions counted apart so that
        // the pair is named by its busier direction.
        if s < t {
            pairs.entry((s, t)).or_default().0 += n;
        } else {
            pairs.entry((t, s)).or_default().1 += n;
        }
    }
    let mut out: Vec<DyadCount> = pairs
        .into_iter()
        .map(|((a, b), (ab, ba))| DyadCount {
            dyad: if ab >= ba {
                format!("{a}-{b}")
            } else {
                format!("{b}-{a}")
            },
            events: ab + ba,
        })
        .collect();
    out.sort_by(|x, y| y.events.cmp(&x.events).then(x.dyad.cmp(&y.dyad)));
    out.truncate(max);
    Ok(out)
}

pub fn citations(conn: &Connection) -> rusqlite::Result<HashMap<String, CitationRow>> {
    let mut stmt = conn.prepare_cached("SELECT id, title, publisher, date, url FROM citations")?;
    let rows = stmt.query_map([], |r| {
        Ok(CitationRow {
            id: r.get(0)?,
            title: r.get(1)?,
            publisher: r.get(2)?,
            date: r.get(3)?,
            url: r.get(4)?,
        })
    })?;
    rows.map(|r| r.map(|c| (c.id.clone(), c))).collect()
}

fn map_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(ApiEvent, Option<String>)> {
    let (event, cites) = event_row(r)?;
    Ok((
        ApiEvent {
            event,
            lang: r.get(36)?,
            place_zh: None, // `list` looks it up
            day_start: r.get(37)?,
        },
        cites,
    ))
}
