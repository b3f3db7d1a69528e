//! The API's event listing: a page of the store's one event query ([`Store::event_page`]) with
//! what the API adds to each event (the Chinese name of its place) and the page's cursors.

use dyad_model::PlaceTable;
use dyad_store::{CitationRow, EventFilter, EventRow, Store, StoreError};
use serde::Serialize;
use std::collections::HashMap;

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
        .map(|l| ApiEvent {
            place_zh: l
                .event
                .place
                .as_deref()
                .and_then(|p| places.zh(p))
                .map(str::to_string),
            lang: l.lang,
            event: l.event,
        })
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
