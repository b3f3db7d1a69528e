//! Events of all origins, and the citations of curated events.

use crate::{Store, StoreError};
use dyad_model::{ActorRef, CodeTable, EventDate, Origin, Precision};
/// The store's event and citation types are the model's.
pub use dyad_model::{Citation as CitationRow, StoredEvent as EventRow};
use rusqlite::{params, Transaction};

/// An event to store. Goldstein, QuadClass and PLOVER are looked up from the code table by the
/// caller (see [`NewEvent::new`]), so a stored event always agrees with the table it was made with.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    pub origin: Origin,
    pub date: EventDate,
    pub reported: Option<String>,
    pub source: ActorRef,
    pub target: ActorRef,
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: String,
    pub plover_mode: String,
    pub negated: bool,
    pub hypothetical: bool,
    pub domains: Vec<String>,
    /// Index of the sentence in its document (coded events).
    pub sentence_seq: Option<usize>,
    pub span: Option<(usize, usize)>,
    pub explain: Option<String>,
    /// Stable id of a curated event.
    pub curated_id: Option<String>,
    pub place: Option<String>,
    pub meeting: Option<String>,
    pub description_zh: Option<String>,
    pub description_en: Option<String>,
    pub cites: Vec<String>,
    pub import_file: Option<String>,
    pub import_row: Option<u64>,
    pub native_id: Option<String>,
}

impl NewEvent {
    /// An event with its code's Goldstein value, QuadClass and PLOVER type from `table`.
    pub fn new(
        origin: Origin,
        date: EventDate,
        source: ActorRef,
        target: ActorRef,
        cameo: &str,
        table: &CodeTable,
    ) -> Result<NewEvent, StoreError> {
        let code = table.get(cameo).ok_or_else(|| StoreError::InvalidEvent {
            what: format!("{} {}→{} on {date}", cameo, source.code, target.code),
            msg: format!("CAMEO code `{cameo}` is not in the code table"),
        })?;
        Ok(NewEvent {
            origin,
            date,
            reported: None,
            source,
            target,
            cameo: cameo.to_string(),
            quad_class: code.quad_class,
            goldstein: code.goldstein,
            plover: code.plover.clone(),
            plover_mode: code.plover_mode.clone(),
            negated: false,
            hypothetical: false,
            domains: Vec::new(),
            sentence_seq: None,
            span: None,
            explain: None,
            curated_id: None,
            place: None,
            meeting: None,
            description_zh: None,
            description_en: None,
            cites: Vec::new(),
            import_file: None,
            import_row: None,
            native_id: None,
        })
    }
}

/// Which events to read: the one event query of the store, used by `dyad events`, the analyses,
/// the reports and the API (see [`Store::events`] and [`Store::event_page`]). `from` and `to`
/// are inclusive and may be years, months or days (`from`'s first day to `to`'s last).
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// The two actors, in either direction.
    pub dyad: Option<(String, String)>,
    pub from: Option<EventDate>,
    pub to: Option<EventDate>,
    pub doc: Option<String>,
    pub origins: Vec<Origin>,
    pub include_negated: bool,
    pub include_hypothetical: bool,
    /// A domain name (`security`) or a name with its qualifier (`security:theatre`).
    pub domain: Option<String>,
    /// QuadClasses (1–4); none: all.
    pub quad: Vec<u8>,
    /// Digits: a CAMEO code or its prefix.
    pub cameo: Option<String>,
    /// The language of the coded sentence (zh, en, ru).
    pub lang: Option<String>,
    /// Keyset cursor: only events after (first day, id), as [`Listed::cursor`] gives it.
    pub after: Option<(i64, i64)>,
    pub limit: Option<u64>,
    pub offset: u64,
}

/// The columns of an [`EventRow`], in the order [`event_row`] reads them, for a query over
/// `events e LEFT JOIN sentences s ON s.id = e.sentence_id`. Callers may select more columns
/// after these (from index 36 on).
pub(crate) const EVENT_COLUMNS: &str =
    "e.id, e.date, e.date_precision, e.source, e.target, e.source_role, e.target_role, \
     e.source_person, e.target_person, e.source_position, e.target_position, \
     e.cameo, e.quad_class, e.goldstein, e.plover, e.plover_mode, e.negated, e.hypothetical, \
     e.domains, e.origin, e.doc_id, e.sentence_id, s.text, e.span_start, e.span_end, \
     e.curated_id, e.place, e.meeting, e.description_zh, e.description_en, e.cites, \
     e.dataset, e.native_id, e.import_file, e.import_row, e.explain";

/// Reads the [`EVENT_COLUMNS`] of a row: the event without its citations, and the `;`-separated
/// ids of the citations to attach.
pub(crate) fn event_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(EventRow, Option<String>)> {
    let domains: String = r.get(18)?;
    let span = match (r.get::<_, Option<i64>>(23)?, r.get::<_, Option<i64>>(24)?) {
        (Some(a), Some(b)) => Some((a, b)),
        _ => None,
    };
    let row = EventRow {
        id: r.get(0)?,
        date: typed(r, 1, |s| s.parse::<EventDate>().ok())?,
        date_precision: typed(r, 2, Precision::parse)?,
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
        origin: typed(r, 19, Origin::parse)?,
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
        dataset: r.get(31)?,
        native_id: r.get(32)?,
        import_file: r.get(33)?,
        import_row: r.get(34)?,
        explain: r.get(35)?,
    };
    Ok((row, r.get(30)?))
}

/// Reads the text of column `i` as a typed value; text that does not parse is a conversion
/// error naming the column (a store written by something other than dyad).
fn typed<T>(
    r: &rusqlite::Row<'_>,
    i: usize,
    parse: impl FnOnce(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = r.get(i)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("`{text}` is not a valid value of this column").into(),
        )
    })
}

pub(crate) fn insert_event(
    tx: &Transaction<'_>,
    ev: &NewEvent,
    doc_id: Option<&str>,
    sentence_id: Option<i64>,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO events (origin, date, date_precision, day_start, reported,
            source, source_role, source_person, source_position, source_text,
            target, target_role, target_person, target_position, target_text,
            cameo, quad_class, goldstein, plover, plover_mode, negated, hypothetical, domains,
            doc_id, sentence_id, span_start, span_end, explain, curated_id, place, meeting,
            description_zh, description_en, cites, import_file, import_row, native_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                 ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37)",
    )?;
    stmt.execute(params![
        ev.origin.as_str(),
        ev.date.to_string(),
        ev.date.precision().as_str(),
        ev.date.ordinal(),
        ev.reported,
        ev.source.code,
        ev.source.role,
        ev.source.person,
        ev.source.position,
        ev.source.text,
        ev.target.code,
        ev.target.role,
        ev.target.person,
        ev.target.position,
        ev.target.text,
        ev.cameo,
        ev.quad_class,
        ev.goldstein,
        ev.plover,
        ev.plover_mode,
        ev.negated,
        ev.hypothetical,
        ev.domains.join(","),
        doc_id,
        sentence_id,
        ev.span.map(|s| s.0 as i64),
        ev.span.map(|s| s.1 as i64),
        ev.explain,
        ev.curated_id,
        ev.place,
        ev.meeting,
        ev.description_zh,
        ev.description_en,
        if ev.cites.is_empty() {
            None
        } else {
            Some(ev.cites.join(";"))
        },
        ev.import_file,
        ev.import_row.map(|r| r as i64),
        ev.native_id,
    ])?;
    Ok(())
}

impl Store {
    /// The version stamp of the curated chronology currently loaded, if any.
    pub fn curated_version(&self) -> Result<Option<String>, StoreError> {
        self.meta("curated_version")
    }

    /// Replaces the curated events and citations with `events` in one transaction, stamped
    /// `version`. Coded and imported events are not touched.
    pub fn replace_curated(
        &mut self,
        version: &str,
        citations: &[CitationRow],
        events: &[NewEvent],
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM events WHERE origin = 'curated'", [])?;
        tx.execute("DELETE FROM citations", [])?;
        {
            let mut stmt =
                tx.prepare_cached("INSERT INTO citations (id, title, publisher, date, url) VALUES (?1, ?2, ?3, ?4, ?5)")?;
            for c in citations {
                stmt.execute(params![c.id, c.title, c.publisher, c.date, c.url])?;
            }
        }
        for ev in events {
            insert_event(&tx, ev, None, None)?;
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('curated_version', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [version],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Number of events of each origin.
    pub fn event_counts(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT origin, count(*) FROM events GROUP BY origin ORDER BY origin")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}
