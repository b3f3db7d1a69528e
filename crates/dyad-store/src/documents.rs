//! Documents and their sentences.

use crate::events::{insert_event, NewEvent};
use crate::{Store, StoreError};
use dyad_model::Segment;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// A processed document ready to be stored, with the events coded from its sentences.
#[derive(Debug, Clone)]
pub struct NewDocument {
    /// SHA-256 hex of the normalised text.
    pub id: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub lang: String,
    pub path: Option<String>,
    pub format: String,
    pub encoding: String,
    pub bytes: u64,
    pub clean_text: String,
    pub segments: Vec<Segment>,
    /// Events coded from the segments; `NewEvent::sentence_seq` indexes `segments`.
    pub events: Vec<NewEvent>,
}

/// Whether an ingest wrote anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IngestStatus {
    New,
    Unchanged,
}

/// A stored document.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentRow {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub lang: String,
    pub path: Option<String>,
    pub format: String,
    pub encoding: String,
    pub bytes: u64,
    pub sentences: u64,
    pub events: u64,
    pub ingested_at: String,
}

/// A stored sentence.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceRow {
    pub id: i64,
    pub seq: u32,
    pub text: String,
    pub normalized: String,
    pub lang: String,
    pub span: (u64, u64),
    pub paragraph: u32,
    pub note: bool,
}

const DOC_COLUMNS: &str =
    "d.id, d.title, d.published, d.lang, d.path, d.format, d.encoding, d.bytes, d.n_sentences, \
     (SELECT count(*) FROM events e WHERE e.doc_id = d.id), d.ingested_at";

fn doc_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DocumentRow> {
    Ok(DocumentRow {
        id: r.get(0)?,
        title: r.get(1)?,
        date: r.get(2)?,
        lang: r.get(3)?,
        path: r.get(4)?,
        format: r.get(5)?,
        encoding: r.get(6)?,
        bytes: r.get::<_, i64>(7)? as u64,
        sentences: r.get::<_, i64>(8)? as u64,
        events: r.get::<_, i64>(9)? as u64,
        ingested_at: r.get(10)?,
    })
}

impl Store {
    /// Stores a document, its sentences and its events in one transaction. A document whose id
    /// is already stored is left as it is and reported `Unchanged`.
    pub fn ingest_document(&mut self, doc: &NewDocument) -> Result<IngestStatus, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let exists: Option<i64> = tx
            .query_row("SELECT 1 FROM documents WHERE id = ?1", [&doc.id], |r| {
                r.get(0)
            })
            .optional()?;
        if exists.is_some() {
            return Ok(IngestStatus::Unchanged);
        }
        tx.execute(
            "INSERT INTO documents (id, title, published, lang, path, format, encoding, bytes, n_sentences, ingested_at, clean_text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?10)",
            params![
                doc.id,
                doc.title,
                doc.published,
                doc.lang,
                doc.path,
                doc.format,
                doc.encoding,
                doc.bytes as i64,
                doc.segments.len() as i64,
                doc.clean_text
            ],
        )?;
        let mut ids = Vec::with_capacity(doc.segments.len());
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO sentences (doc_id, seq, text, normalized, lang, span_start, span_end, paragraph, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            for (seq, s) in doc.segments.iter().enumerate() {
                stmt.execute(params![
                    doc.id,
                    seq as i64,
                    s.text,
                    if s.normalized == s.text {
                        None
                    } else {
                        Some(&s.normalized)
                    },
                    s.lang.as_str(),
                    s.span.0 as i64,
                    s.span.1 as i64,
                    s.paragraph as i64,
                    s.note
                ])?;
                ids.push(tx.last_insert_rowid());
            }
        }
        for ev in &doc.events {
            let sentence_id = match ev.sentence_seq {
                Some(seq) => Some(*ids.get(seq).ok_or_else(|| StoreError::InvalidEvent {
                    what: format!("of document {}", doc.id),
                    msg: format!("sentence {seq} does not exist"),
                })?),
                None => None,
            };
            insert_event(&tx, ev, Some(&doc.id), sentence_id)?;
        }
        tx.commit()?;
        Ok(IngestStatus::New)
    }

    /// All stored documents, oldest first.
    pub fn documents(&self) -> Result<Vec<DocumentRow>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {DOC_COLUMNS} FROM documents d ORDER BY d.ingested_at, d.rowid"
        ))?;
        let rows = stmt
            .query_map([], doc_row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// One page of the stored documents, newest first, and how many are stored: the page is
    /// chosen before its rows are read, so the cost does not grow with what is left out.
    pub fn documents_page(
        &self,
        limit: u64,
        offset: u64,
    ) -> Result<(Vec<DocumentRow>, u64), StoreError> {
        let total: i64 = self
            .conn
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {DOC_COLUMNS} FROM documents d WHERE d.rowid IN \
             (SELECT rowid FROM documents ORDER BY ingested_at DESC, rowid DESC LIMIT ?1 OFFSET ?2) \
             ORDER BY d.ingested_at DESC, d.rowid DESC"
        ))?;
        let rows = stmt
            .query_map([limit, offset], doc_row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok((rows, total as u64))
    }

    /// The document whose id is `id` or starts with `id` (a unique prefix of at least 4 characters).
    pub fn document(&self, id: &str) -> Result<DocumentRow, StoreError> {
        let id = id.trim().to_ascii_lowercase();
        if id.len() < 4 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(StoreError::NoSuchDocument(id));
        }
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {DOC_COLUMNS} FROM documents d WHERE d.id >= ?1 AND d.id < ?1 || 'g' ORDER BY d.id LIMIT 2"
        ))?;
        let mut rows = stmt
            .query_map([&id], doc_row)?
            .collect::<Result<Vec<_>, _>>()?;
        match rows.len() {
            0 => Err(StoreError::NoSuchDocument(id)),
            1 => Ok(rows.remove(0)),
            _ => Err(StoreError::AmbiguousDocument(id)),
        }
    }

    /// A document's sentences in order.
    pub fn sentences(&self, doc_id: &str) -> Result<Vec<SentenceRow>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, seq, text, coalesce(normalized, text), lang, span_start, span_end, paragraph, note
             FROM sentences WHERE doc_id = ?1 ORDER BY seq",
        )?;
        let rows = stmt
            .query_map([doc_id], |r| {
                Ok(SentenceRow {
                    id: r.get(0)?,
                    seq: r.get::<_, i64>(1)? as u32,
                    text: r.get(2)?,
                    normalized: r.get(3)?,
                    lang: r.get(4)?,
                    span: (r.get::<_, i64>(5)? as u64, r.get::<_, i64>(6)? as u64),
                    paragraph: r.get::<_, i64>(7)? as u32,
                    note: r.get(8)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// Documents whose stored sentence count differs from the count they declare (should be none).
    pub fn incomplete_documents(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT d.id FROM documents d
             WHERE d.n_sentences != (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id)",
        )?;
        let rows = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }
}

/// What a re-coding changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RecodeStats {
    pub documents: u64,
    pub sentences: u64,
    /// Events before and after.
    pub before: u64,
    pub after: u64,
    /// Events that are new (no event of the same sentence, actors and code before).
    pub added: u64,
    /// Events that are gone.
    pub removed: u64,
    /// Events of the same sentence, actors and code whose date, flags or domains changed.
    pub changed: u64,
}

/// Identity of a coded event for comparing two codings: sentence, actors, code.
type EventKey = (i64, String, String, String);
/// What may change about the same event: date, negated, hypothetical, domains.
type EventState = (String, bool, bool, String);

impl Store {
    /// Re-codes every stored document in one transaction: `code` gets each document and its
    /// sentences and returns the document's events (`sentence_seq` indexing the sentences);
    /// the coded events are replaced, curated and imported events are untouched.
    pub fn recode<F>(&mut self, mut code: F) -> Result<RecodeStats, StoreError>
    where
        F: FnMut(&DocumentRow, &[SentenceRow]) -> Vec<NewEvent>,
    {
        let docs = self.documents()?;
        let mut stats = RecodeStats::default();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        for doc in &docs {
            let sentences = {
                let mut stmt = tx.prepare_cached(
                    "SELECT id, seq, text, coalesce(normalized, text), lang, span_start, span_end, paragraph, note
                     FROM sentences WHERE doc_id = ?1 ORDER BY seq",
                )?;
                let rows = stmt.query_map([&doc.id], |r| {
                    Ok(SentenceRow {
                        id: r.get(0)?,
                        seq: r.get::<_, i64>(1)? as u32,
                        text: r.get(2)?,
                        normalized: r.get(3)?,
                        lang: r.get(4)?,
                        span: (r.get::<_, i64>(5)? as u64, r.get::<_, i64>(6)? as u64),
                        paragraph: r.get::<_, i64>(7)? as u32,
                        note: r.get(8)?,
                    })
                })?;
                rows.collect::<Result<Vec<_>, _>>()?
            };
            let mut old: std::collections::HashMap<EventKey, Vec<EventState>> =
                std::collections::HashMap::new();
            {
                let mut stmt = tx.prepare_cached(
                    "SELECT sentence_id, source, target, cameo, date, negated, hypothetical, domains
                     FROM events WHERE doc_id = ?1 AND origin = 'coded'",
                )?;
                let rows = stmt.query_map([&doc.id], |r| {
                    Ok((
                        (
                            r.get::<_, Option<i64>>(0)?.unwrap_or(-1),
                            r.get(1)?,
                            r.get(2)?,
                            r.get(3)?,
                        ),
                        (r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?),
                    ))
                })?;
                for row in rows {
                    let (k, v) = row?;
                    old.entry(k).or_default().push(v);
                }
            }
            stats.before += old.values().map(|v| v.len() as u64).sum::<u64>();
            let events = code(doc, &sentences);
            tx.execute(
                "DELETE FROM events WHERE doc_id = ?1 AND origin = 'coded'",
                [&doc.id],
            )?;
            for ev in &events {
                let sentence_id = match ev.sentence_seq {
                    Some(seq) => Some(sentences.get(seq).map(|s| s.id).ok_or_else(|| {
                        StoreError::InvalidEvent {
                            what: format!("of document {}", doc.id),
                            msg: format!("sentence {seq} does not exist"),
                        }
                    })?),
                    None => None,
                };
                insert_event(&tx, ev, Some(&doc.id), sentence_id)?;
                let key = (
                    sentence_id.unwrap_or(-1),
                    ev.source.code.clone(),
                    ev.target.code.clone(),
                    ev.cameo.clone(),
                );
                let state = (
                    ev.date.to_string(),
                    ev.negated,
                    ev.hypothetical,
                    ev.domains.join(","),
                );
                match old.get_mut(&key) {
                    Some(states) if !states.is_empty() => {
                        if let Some(i) = states.iter().position(|s| *s == state) {
                            states.swap_remove(i);
                        } else {
                            states.pop();
                            stats.changed += 1;
                        }
                    }
                    _ => stats.added += 1,
                }
            }
            stats.removed += old.values().map(|v| v.len() as u64).sum::<u64>();
            stats.after += events.len() as u64;
            stats.documents += 1;
            stats.sentences += sentences.len() as u64;
        }
        tx.commit()?;
        Ok(stats)
    }
}
