//! The API's event listing: the filters of `dyad events` plus the dashboard's (domain, QuadClass,
//! CAMEO prefix, sentence language), with pages that stay fast on a store of millions of events.
//!
//! Why a query of its own rather than `Store::events`: a page of one dyad must not sort the
//! dyad's whole history. Each direction of the pair is read in the order of the `events_pair`
//! index (source, target, day_start, rowid), at most `offset + limit + 1` rows of each, and the
//! two ordered runs are merged; a cursor (`after`) makes deep pages as cheap as the first.

use dyad_model::Origin;
use dyad_store::CitationRow;
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

/// One listed event. The fields and their names are those of `dyad events --format json`
/// (the store's `EventRow`), plus the language of the sentence; the API keeps its own type so
/// that its documented shape changes only on purpose.
#[derive(Debug, Clone, Serialize)]
pub struct ApiEvent {
    pub id: i64,
    pub date: String,
    pub date_precision: String,
    pub source: String,
    pub target: String,
    pub source_role: String,
    pub target_role: String,
    pub source_person: Option<String>,
    pub target_person: Option<String>,
    pub source_position: Option<String>,
    pub target_position: Option<String>,
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: String,
    pub plover_mode: String,
    pub negated: bool,
    pub hypothetical: bool,
    pub domains: Vec<String>,
    pub origin: String,
    pub doc_id: Option<String>,
    pub sentence_id: Option<i64>,
    pub sentence: Option<String>,
    pub span: Option<(i64, i64)>,
    pub curated_id: Option<String>,
    pub place: Option<String>,
    pub meeting: Option<String>,
    pub description_zh: Option<String>,
    pub description_en: Option<String>,
    pub citation: Vec<CitationRow>,
    /// Language of the sentence it was coded from (coded events only).
    pub lang: Option<String>,
    /// Imported events: the dataset, its native id, and the file and row they came from.
    pub dataset: Option<String>,
    pub native_id: Option<String>,
    pub import_file: Option<String>,
    pub import_row: Option<i64>,
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

const COLUMNS: &str =
    "e.id, e.date, e.date_precision, e.source, e.target, e.source_role, e.target_role,
    e.source_person, e.target_person, e.source_position, e.target_position,
    e.cameo, e.quad_class, e.goldstein, e.plover, e.plover_mode, e.negated, e.hypothetical,
    e.domains, e.origin, e.doc_id, e.sentence_id, s.text, e.span_start, e.span_end,
    e.curated_id, e.place, e.meeting, e.description_zh, e.description_en, e.cites,
    s.lang, e.day_start, e.dataset, e.native_id, e.import_file, e.import_row";

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
/// curated events come from `citations` (all of them, by id).
pub fn list(
    conn: &Connection,
    q: &Query,
    citations: &HashMap<String, CitationRow>,
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
        "SELECT {COLUMNS} FROM events e LEFT JOIN sentences s ON s.id = e.sentence_id \
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
                e.citation = c
                    .split(';')
                    .filter_map(|id| citations.get(id).cloned())
                    .collect();
            }
            e
        })
        .collect();
    let next_cursor = events
        .last()
        .filter(|_| more)
        .map(|e| format!("{}.{}", e.day_start, e.id));
    Ok(Page {
        next_offset: more.then_some(q.offset + events.len() as u64),
        next_cursor,
        limit: q.limit,
        offset: q.offset,
        events,
    })
}

/// Every event of one document (all flags), in the order of its sentences.
pub fn of_document(conn: &Connection, doc_id: &str) -> rusqlite::Result<Vec<ApiEvent>> {
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
    )?;
    let mut events = page.events;
    events.sort_by_key(|e| (e.sentence_id, e.id));
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
    let domains: String = r.get(18)?;
    let span = match (r.get::<_, Option<i64>>(23)?, r.get::<_, Option<i64>>(24)?) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => None,
    };
    Ok((
        ApiEvent {
            id: r.get(0)?,
            date: r.get(1)?,
            date_precision: r.get(2)?,
            source: r.get(3)?,
            target: r.get(4)?,
            source_role: r.get(5)?,
            target_role: r.get(6)?,
            source_person: r.get(7)?,
            target_person: r.get(8)?,
            source_position: r.get(9)?,
            target_position: r.get(10)?,
            cameo: r.get(11)?,
            quad_class: r.get(12)?,
            goldstein: r.get(13)?,
            plover: r.get(14)?,
            plover_mode: r.get(15)?,
            negated: r.get(16)?,
            hypothetical: r.get(17)?,
            domains: domains
                .split(',')
                .filter(|d| !d.is_empty())
                .map(str::to_string)
                .collect(),
            origin: r.get(19)?,
            doc_id: r.get(20)?,
            sentence_id: r.get(21)?,
            sentence: r.get(22)?,
            span,
            curated_id: r.get(25)?,
            place: r.get(26)?,
            meeting: r.get(27)?,
            description_zh: r.get(28)?,
            description_en: r.get(29)?,
            citation: Vec::new(),
            lang: r.get(31)?,
            day_start: r.get(32)?,
            dataset: r.get(33)?,
            native_id: r.get(34)?,
            import_file: r.get(35)?,
            import_row: r.get(36)?,
        },
        r.get(30)?,
    ))
}
