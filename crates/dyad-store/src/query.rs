//! The store's one event query: [`Store::events`] for whole lists (the CLI, the analyses, the
//! reports) and [`Store::event_page`] for pages (the API and the dashboard), with the same filters
//! and the same order (first day covered, then id).
//!
//! A page of one dyad never sorts the dyad's whole history: each direction of the pair is read in
//! the order of the `events_page` index (source, target, day_start, then the filtered columns),
//! at most `offset + limit + 1` keys of each, chosen from the index alone; the two ordered runs
//! are merged, and only the page's rows are then read in full.
//! A cursor ([`EventFilter::after`]) makes deep pages as cheap as the first.

use crate::events::{event_row, CitationRow, EventFilter, EventRow, EVENT_COLUMNS};
use crate::{Store, StoreError};
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;
use std::collections::HashMap;

/// One event of a page, with what the API shows besides the event itself.
#[derive(Debug, Clone)]
pub struct Listed {
    pub event: EventRow,
    /// The language of the sentence it was coded from (coded events only).
    pub lang: Option<String>,
    /// The first day it covers, in days since 1970-01-01 (the order of the listing).
    pub day_start: i64,
}

impl Listed {
    /// The keyset cursor after this event, as [`EventFilter::after`] takes it.
    pub fn cursor(&self) -> (i64, i64) {
        (self.day_start, self.event.id)
    }
}

/// A page of events: at most the filter's `limit`, and whether more follow.
#[derive(Debug, Clone)]
pub struct EventPage {
    pub events: Vec<Listed>,
    pub more: bool,
}

/// A pair of actors with events, for the dashboard's picker.
#[derive(Debug, Clone, Serialize)]
pub struct DyadCount {
    /// `A-B`, in the direction with more events.
    pub dyad: String,
    pub events: u64,
}

/// What a listed event reads besides [`EVENT_COLUMNS`] (indices 36 and 37).
const EXTRA_COLUMNS: &str = "s.lang, e.day_start";

/// The conditions of `f` other than the dyad, as SQL over `events e` (and `sentences s` for the
/// language), with their arguments.
fn conditions(f: &EventFilter) -> (String, Vec<Value>) {
    let mut sql = String::new();
    let mut args: Vec<Value> = Vec::new();
    if let Some(from) = &f.from {
        sql.push_str(" AND e.day_start >= ?");
        args.push(from.first_day().ordinal().into());
    }
    if let Some(to) = &f.to {
        sql.push_str(" AND e.day_start <= ?");
        args.push(to.last_day().ordinal().into());
    }
    if let Some((day, id)) = f.after {
        sql.push_str(" AND e.day_start >= ? AND (e.day_start > ? OR e.id > ?)");
        args.extend([day.into(), day.into(), id.into()]);
    }
    if let Some(doc) = &f.doc {
        sql.push_str(" AND e.doc_id = ?");
        args.push(doc.clone().into());
    }
    if !f.origins.is_empty() {
        sql.push_str(&format!(
            " AND e.origin IN ({})",
            vec!["?"; f.origins.len()].join(",")
        ));
        args.extend(f.origins.iter().map(|o| o.as_str().to_string().into()));
    }
    if !f.include_negated {
        sql.push_str(" AND e.negated = 0");
    }
    if !f.include_hypothetical {
        sql.push_str(" AND e.hypothetical = 0");
    }
    if let Some(d) = &f.domain {
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
    if !f.quad.is_empty() {
        sql.push_str(&format!(
            " AND e.quad_class IN ({})",
            vec!["?"; f.quad.len()].join(",")
        ));
        args.extend(f.quad.iter().map(|&c| i64::from(c).into()));
    }
    if let Some(c) = &f.cameo {
        sql.push_str(" AND e.cameo LIKE ?");
        args.push(format!("{c}%").into());
    }
    if let Some(l) = &f.lang {
        sql.push_str(" AND s.lang = ?");
        args.push(l.clone().into());
    }
    (sql, args)
}

/// Attaches the citations named by `cites` (`;`-separated ids).
fn attach(row: &mut EventRow, cites: Option<String>, citations: &HashMap<String, CitationRow>) {
    if let Some(c) = cites {
        row.citation = c
            .split(';')
            .filter_map(|id| citations.get(id).cloned())
            .collect();
    }
}

impl Store {
    /// Every event matching `filter` (its `limit` and `offset` too), oldest first (by first day
    /// covered, then id), with the citations of curated events.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>, StoreError> {
        let citations = self.citation_map()?;
        if filter.limit.is_some() {
            let page = self.event_page(filter, &citations)?;
            return Ok(page.events.into_iter().map(|l| l.event).collect());
        }
        let (cond, cond_args) = conditions(filter);
        let mut args: Vec<Value> = Vec::new();
        let mut pair = String::new();
        if let Some((a, b)) = &filter.dyad {
            pair.push_str(
                " AND ((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))",
            );
            args.extend([a, b, b, a].map(|v| Value::from(v.clone())));
        }
        args.extend(cond_args);
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e LEFT JOIN sentences s ON s.id = e.sentence_id \
             WHERE 1 = 1{pair}{cond} ORDER BY e.day_start, e.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(args), |r| {
                let (mut row, cites) = event_row(r)?;
                attach(&mut row, cites, &citations);
                Ok(row)
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// One page of the events matching `filter`: `limit` events (100 when none is given) after
    /// `offset` and `after`, oldest first. Citations of curated events come from `citations`
    /// (see [`Store::citation_map`]; callers that list many pages keep it).
    pub fn event_page(
        &self,
        filter: &EventFilter,
        citations: &HashMap<String, CitationRow>,
    ) -> Result<EventPage, StoreError> {
        let limit = filter.limit.unwrap_or(100);
        let (keys, args) = page_keys(filter, limit);
        let sql = format!(
            "SELECT {EVENT_COLUMNS}, {EXTRA_COLUMNS} FROM events e LEFT JOIN sentences s ON s.id = e.sentence_id \
             WHERE e.id IN ({keys}) ORDER BY e.day_start, e.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut events: Vec<Listed> = stmt
            .query_map(params_from_iter(args), |r| listed(r, citations))?
            .collect::<Result<_, _>>()?;
        let more = events.len() as u64 > limit;
        events.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        Ok(EventPage { events, more })
    }

    /// The keys of the page [`Store::event_page`] gives for `filter` — (first day, id) of each
    /// event, in order — and whether more follow, without reading the events themselves: for
    /// callers that keep events they have read (the server's cache of encoded events).
    pub fn event_page_keys(
        &self,
        filter: &EventFilter,
    ) -> Result<(Vec<(i64, i64)>, bool), StoreError> {
        let limit = filter.limit.unwrap_or(100);
        let (keys, args) = page_keys(filter, limit);
        let sql = keys.replacen("SELECT id FROM", "SELECT day_start, id FROM", 1);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut out: Vec<(i64, i64)> = stmt
            .query_map(params_from_iter(args), |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let more = out.len() as u64 > limit;
        out.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        Ok((out, more))
    }

    /// The event with this id, as a page lists it; none when there is no such event.
    pub fn listed_event(
        &self,
        id: i64,
        citations: &HashMap<String, CitationRow>,
    ) -> Result<Option<Listed>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS}, {EXTRA_COLUMNS} FROM events e LEFT JOIN sentences s ON s.id = e.sentence_id \
             WHERE e.id = ?"
        ))?;
        let mut rows = stmt.query_map([id], |r| listed(r, citations))?;
        Ok(rows.next().transpose()?)
    }

    /// The citations of curated events, by id.
    pub fn citation_map(&self) -> Result<HashMap<String, CitationRow>, StoreError> {
        Ok(self
            .citations()?
            .into_iter()
            .map(|c| (c.id.clone(), c))
            .collect())
    }

    /// All citations of curated events.
    pub fn citations(&self) -> Result<Vec<CitationRow>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, title, publisher, date, url FROM citations ORDER BY id")?;
        let rows = stmt
            .query_map([], |r| {
                Ok(CitationRow {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    publisher: r.get(2)?,
                    date: r.get(3)?,
                    url: r.get(4)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Whether the store holds any event between `a` and `b`, in either direction.
    pub fn dyad_known(&self, a: &str, b: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM events WHERE source = ?1 AND target = ?2)
                     OR EXISTS (SELECT 1 FROM events WHERE source = ?2 AND target = ?1)",
            )?
            .query_row([a, b], |r| r.get(0))?)
    }

    /// The pairs of actors with events, most events first (at most `max`).
    pub fn dyads(&self, max: usize) -> Result<Vec<DyadCount>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT source, target, count(*) FROM events INDEXED BY events_page GROUP BY source, target",
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
}

/// Reads a [`Listed`] event from a row of [`EVENT_COLUMNS`] and [`EXTRA_COLUMNS`].
fn listed(
    r: &rusqlite::Row<'_>,
    citations: &HashMap<String, CitationRow>,
) -> rusqlite::Result<Listed> {
    let (mut event, cites) = event_row(r)?;
    attach(&mut event, cites, citations);
    Ok(Listed {
        event,
        lang: r.get(36)?,
        day_start: r.get(37)?,
    })
}

/// The query choosing the ids of a page of `limit` events (and one more, to tell whether more
/// follow), reading as few rows as the order allows, with its arguments.
fn page_keys(filter: &EventFilter, limit: u64) -> (String, Vec<Value>) {
    let (cond, cond_args) = conditions(filter);
    // Only the language filter needs the sentence while choosing the page.
    let from = if filter.lang.is_some() {
        "FROM events e LEFT JOIN sentences s ON s.id = e.sentence_id"
    } else {
        "FROM events e"
    };
    let mut args: Vec<Value> = Vec::new();
    let keys = match &filter.dyad {
        Some((a, b)) if a != b => {
            let run = format!(
                "SELECT * FROM (SELECT e.id AS id, e.day_start AS day_start {from} \
                 WHERE e.source = ? AND e.target = ?{cond} ORDER BY e.day_start, e.id LIMIT ?)"
            );
            for (x, y) in [(a, b), (b, a)] {
                args.push(x.clone().into());
                args.push(y.clone().into());
                args.extend(cond_args.iter().cloned());
                args.push(want(filter.offset, limit).into());
            }
            format!("{run} UNION ALL {run}")
        }
        Some((a, _)) => {
            args.push(a.clone().into());
            args.push(a.clone().into());
            args.extend(cond_args);
            format!(
                "SELECT e.id AS id, e.day_start AS day_start {from} \
                 WHERE e.source = ? AND e.target = ?{cond}"
            )
        }
        None => {
            args.extend(cond_args);
            format!("SELECT e.id AS id, e.day_start AS day_start {from} WHERE 1 = 1{cond}")
        }
    };
    args.push(Value::from(clamp(limit.saturating_add(1))));
    args.push(Value::from(clamp(filter.offset)));
    (
        format!("SELECT id FROM ({keys}) ORDER BY day_start, id LIMIT ? OFFSET ?"),
        args,
    )
}

/// Keys read of each direction for a page: enough for the offset, the page and one more.
fn want(offset: u64, limit: u64) -> i64 {
    clamp(offset.saturating_add(limit).saturating_add(1))
}

/// A count as an SQLite integer.
fn clamp(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NewEvent;
    use dyad_model::{ActorRef, CodeTable, Origin};

    fn actor(code: &str) -> ActorRef {
        ActorRef {
            code: code.into(),
            ..Default::default()
        }
    }

    /// Curated events on the days given, alternating direction, with one citation each.
    fn store(days: &[(&str, &str, &str, &str)]) -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let table = CodeTable::parse(
            "t",
            "042\t1.9\t1\tCONSULT\tvisit\tmeet\n173\t-5.0\t4\tCOERCE\tarrest\tjail\n",
        )
        .unwrap();
        let events: Vec<NewEvent> = days
            .iter()
            .enumerate()
            .map(|(i, (date, s, t, code))| {
                let mut e = NewEvent::new(
                    Origin::Curated,
                    date.parse().unwrap(),
                    actor(s),
                    actor(t),
                    code,
                    &table,
                )
                .unwrap();
                e.curated_id = Some(format!("c{i}"));
                e.cites = vec!["src".into()];
                e
            })
            .collect();
        let cite = CitationRow {
            id: "src".into(),
            title: "A source".into(),
            publisher: "A publisher".into(),
            date: None,
            url: None,
        };
        store.replace_curated("v1", &[cite], &events).unwrap();
        store
    }

    fn dates(events: &[Listed]) -> Vec<String> {
        events.iter().map(|l| l.event.date.to_string()).collect()
    }

    #[test]
    fn pages_merge_both_directions_in_date_order_and_a_cursor_continues() {
        let store = store(&[
            ("2001-05-01", "USA", "RUS", "042"),
            ("2001-01-01", "RUS", "USA", "042"),
            ("2001-03-01", "USA", "RUS", "173"),
            ("2001-02-01", "USA", "CHN", "042"),
            ("2001-04-01", "RUS", "USA", "042"),
        ]);
        let cites = store.citation_map().unwrap();
        let mut filter = EventFilter {
            dyad: Some(("USA".into(), "RUS".into())),
            limit: Some(2),
            ..Default::default()
        };
        let first = store.event_page(&filter, &cites).unwrap();
        assert_eq!(dates(&first.events), ["2001-01-01", "2001-03-01"]);
        assert!(first.more);
        assert_eq!(first.events[0].event.citation[0].title, "A source");
        // The keys alone, and each event by its id, are the same page.
        let (keys, more) = store.event_page_keys(&filter).unwrap();
        assert!(more);
        assert_eq!(
            keys,
            first.events.iter().map(Listed::cursor).collect::<Vec<_>>()
        );
        let again = store.listed_event(keys[1].1, &cites).unwrap().unwrap();
        assert_eq!(again.event.date, first.events[1].event.date);
        assert_eq!(again.day_start, first.events[1].day_start);
        assert!(store.listed_event(999, &cites).unwrap().is_none());
        filter.after = first.events.last().map(Listed::cursor);
        let second = store.event_page(&filter, &cites).unwrap();
        assert_eq!(dates(&second.events), ["2001-04-01", "2001-05-01"]);
        assert!(!second.more);
        // The same events by offset, and the whole list agrees with the pages.
        filter.after = None;
        filter.offset = 2;
        assert_eq!(
            dates(&store.event_page(&filter, &cites).unwrap().events),
            dates(&second.events)
        );
        let all = store
            .events(&EventFilter {
                dyad: Some(("RUS".into(), "USA".into())),
                ..Default::default()
            })
            .unwrap();
        let all: Vec<String> = all.iter().map(|e| e.date.to_string()).collect();
        assert_eq!(
            all,
            ["2001-01-01", "2001-03-01", "2001-04-01", "2001-05-01"]
        );
        // Filters of the dashboard: QuadClass and CAMEO prefix.
        filter.offset = 0;
        filter.quad = vec![4];
        assert_eq!(
            dates(&store.event_page(&filter, &cites).unwrap().events),
            ["2001-03-01"]
        );
        filter.quad.clear();
        filter.cameo = Some("04".into());
        assert_eq!(store.event_page(&filter, &cites).unwrap().events.len(), 2);
    }

    #[test]
    fn dyads_are_named_by_their_busier_direction() {
        let store = store(&[
            ("2001-01-01", "RUS", "USA", "042"),
            ("2001-02-01", "RUS", "USA", "042"),
            ("2001-03-01", "USA", "RUS", "042"),
            ("2001-04-01", "USA", "CHN", "042"),
        ]);
        let d = store.dyads(10).unwrap();
        assert_eq!(d[0].dyad, "RUS-USA");
        assert_eq!(d[0].events, 3);
        assert_eq!(d[1].dyad, "USA-CHN");
        assert!(store.dyad_known("CHN", "USA").unwrap());
        assert!(!store.dyad_known("CHN", "RUS").unwrap());
    }
}
