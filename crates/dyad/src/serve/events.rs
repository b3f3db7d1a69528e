//! The API's event listing: a page of the store's one event query ([`Store::event_page`]) with
//! what the API adds to each event (the Chinese name of its place) and the page's cursors.

use dyad_model::PlaceTable;
use dyad_store::{CitationRow, EventFilter, EventRow, Store, StoreError};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

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

/// Lists one page of events, oldest first (by first day covered, then id). Citations of
/// curated events come from `citations` (all of them, by id), the Chinese names of places from
/// `places`.
pub fn list(
    store: &Store,
    filter: &EventFilter,
    citations: &HashMap<String, CitationRow>,
    places: &PlaceTable,
) -> Result<Page, StoreError> {
    let page = store.event_page(filter, citations)?;
    let next_cursor = page
        .events
        .last()
        .filter(|_| page.more)
        .map(|e| format!("{}.{}", e.day_start, e.event.id));
    let offset = filter.offset;
    let events: Vec<ApiEvent> = page
        .events
        .into_iter()
        .map(|l| api_event(l, places))
        .collect();
    Ok(Page {
        next_offset: page.more.then_some(offset + events.len() as u64),
        next_cursor,
        limit: filter.limit.unwrap_or(100),
        offset,
        events,
    })
}

/// Every event of one document (all flags), in the order of its sentences.
pub fn of_document(
    store: &Store,
    doc_id: &str,
    places: &PlaceTable,
) -> Result<Vec<ApiEvent>, StoreError> {
    let page = list(
        store,
        &EventFilter {
            doc: Some(doc_id.to_string()),
            include_negated: true,
            include_hypothetical: true,
            limit: Some(100_000),
            ..Default::default()
        },
        &HashMap::new(), // coded events cite no sources
        places,
    )?;
    let mut events = page.events;
    events.sort_by_key(|e| (e.event.sentence_id, e.event.id));
    Ok(events)
}

/// Events already encoded as JSON, by id, for one store generation (a new generation starts an
/// empty cache: ids may be reused once events are deleted). Distinct pages of a dyad share most
/// of their events, and reading and encoding an event costs more than choosing a page's keys,
/// so a page is made of the encoded events it shares with earlier pages and only the others are
/// read. At most [`ENCODED_BYTES`] are kept; past it the cache starts over.
#[derive(Default)]
pub struct Encoded {
    events: std::sync::Mutex<EncodedEvents>,
}

/// The encoded events by id, and their bytes in all.
#[derive(Default)]
struct EncodedEvents {
    by_id: HashMap<i64, Arc<[u8]>>,
    bytes: usize,
}

/// The most bytes of encoded events kept: about 250,000 events of 650 bytes, a quarter of the
/// 1 M-event store of `bench/load.sh`, whose distinct pages mostly missed a cache of 32 MB
/// (BENCHMARKS.md, "Distinct event queries after the one store query").
const ENCODED_BYTES: usize = 160 << 20;

impl Encoded {
    /// The encoded events of `keys` that the cache holds, by position (one lock for the page).
    fn get(&self, keys: &[(i64, i64)]) -> Vec<Option<Arc<[u8]>>> {
        let events = self.events.lock().unwrap_or_else(|p| p.into_inner());
        keys.iter()
            .map(|(_, id)| events.by_id.get(id).cloned())
            .collect()
    }

    /// Keeps newly encoded events (one lock for the page).
    fn put(&self, new: Vec<(i64, Arc<[u8]>)>) {
        let mut events = self.events.lock().unwrap_or_else(|p| p.into_inner());
        for (id, json) in new {
            if events.bytes + json.len() > ENCODED_BYTES {
                events.by_id.clear();
                events.bytes = 0;
            }
            events.bytes += json.len();
            events.by_id.insert(id, json);
        }
    }
}

/// The page [`list`] gives, encoded as JSON (the same bytes), reading from the store only the
/// events not in `cache`.
pub fn encoded_page(
    store: &Store,
    filter: &EventFilter,
    citations: &HashMap<String, CitationRow>,
    places: &PlaceTable,
    cache: &Encoded,
) -> Result<Vec<u8>, EncodeError> {
    store.snapshot(|store| {
        let (keys, more) = store.event_page_keys(filter)?;
        encode(store, &keys, more, filter, citations, places, cache)
    })
}

/// The page of `keys` as JSON: the events of `cache`, the others read and added to it.
fn encode(
    store: &Store,
    keys: &[(i64, i64)],
    more: bool,
    filter: &EventFilter,
    citations: &HashMap<String, CitationRow>,
    places: &PlaceTable,
    cache: &Encoded,
) -> Result<Vec<u8>, EncodeError> {
    let mut body = Vec::with_capacity(64 + keys.len() * 800);
    body.extend_from_slice(b"{\"events\":[");
    let mut listed = 0u64;
    let mut new = Vec::new();
    for (&(_, id), cached) in keys.iter().zip(cache.get(keys)) {
        let json = match cached {
            Some(json) => json,
            None => {
                // Deleted since the keys were chosen (another process committed): left out.
                let Some(l) = store.listed_event(id, citations)? else {
                    continue;
                };
                let json: Arc<[u8]> = serde_json::to_vec(&api_event(l, places))?.into();
                new.push((id, Arc::clone(&json)));
                json
            }
        };
        if listed > 0 {
            body.push(b',');
        }
        body.extend_from_slice(&json);
        listed += 1;
    }
    cache.put(new);
    let limit = filter.limit.unwrap_or(100);
    let next_offset = more.then_some(filter.offset + listed);
    let next_cursor = keys
        .last()
        .filter(|_| more)
        .map(|(day, id)| format!("{day}.{id}"));
    body.extend_from_slice(b"],\"limit\":");
    serde_json::to_writer(&mut body, &limit)?;
    body.extend_from_slice(b",\"offset\":");
    serde_json::to_writer(&mut body, &filter.offset)?;
    body.extend_from_slice(b",\"next_offset\":");
    serde_json::to_writer(&mut body, &next_offset)?;
    body.extend_from_slice(b",\"next_cursor\":");
    serde_json::to_writer(&mut body, &next_cursor)?;
    body.push(b'}');
    Ok(body)
}

/// Why a page could not be encoded.
#[derive(Debug, thiserror::Error)]
pub enum EncodeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("encoding the response: {0}")]
    Json(#[from] serde_json::Error),
}

fn api_event(l: dyad_store::Listed, places: &PlaceTable) -> ApiEvent {
    ApiEvent {
        place_zh: l
            .event
            .place
            .as_deref()
            .and_then(|p| places.zh(p))
            .map(str::to_string),
        lang: l.lang,
        event: l.event,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The encoded page is byte for byte the page `list` gives, cache cold or warm, for first,
    /// middle and last pages, cursors, filters and no dyad at all.
    #[test]
    fn encoded_pages_are_the_listed_pages() {
        let dir = tempfile::tempdir().unwrap();
        let store = dyad_app::builtin::open_store(&dir.path().join("t.db")).unwrap();
        let citations = store.citation_map().unwrap();
        let places = dyad_app::builtin::places().unwrap();
        let cache = Encoded::default();
        let usa_rus = Some(("USA".to_string(), "RUS".to_string()));
        let mut filters = vec![
            EventFilter {
                dyad: usa_rus.clone(),
                limit: Some(50),
                ..Default::default()
            },
            EventFilter {
                dyad: usa_rus.clone(),
                from: Some("2014".parse().unwrap()),
                to: Some("2014-12".parse().unwrap()),
                limit: Some(7),
                offset: 3,
                ..Default::default()
            },
            EventFilter {
                dyad: usa_rus.clone(),
                quad: vec![4],
                include_negated: true,
                limit: Some(1000),
                ..Default::default()
            },
            EventFilter {
                limit: Some(20),
                offset: 100_000,
                ..Default::default()
            },
            EventFilter {
                cameo: Some("04".into()),
                domain: Some("security".into()),
                limit: Some(10),
                ..Default::default()
            },
        ];
        let first = list(&store, &filters[0], &citations, &places).unwrap();
        let cursor = first.next_cursor.clone().unwrap();
        let (day, id) = cursor.split_once('.').unwrap();
        filters.push(EventFilter {
            after: Some((day.parse().unwrap(), id.parse().unwrap())),
            ..filters[0].clone()
        });
        for round in ["cold", "warm"] {
            for f in &filters {
                let want =
                    serde_json::to_vec(&list(&store, f, &citations, &places).unwrap()).unwrap();
                let got = encoded_page(&store, f, &citations, &places, &cache).unwrap();
                assert_eq!(
                    String::from_utf8(got).unwrap(),
                    String::from_utf8(want).unwrap(),
                    "{round}: {f:?}"
                );
            }
        }
        assert!(!cache.events.lock().unwrap().by_id.is_empty());
    }
}
