//! Events: who did what to whom, when, and where dyad learnt it.

use crate::date::{EventDate, Precision};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where an event comes from. Origins are kept apart and can be combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Coded by dyad from a stored sentence.
    Coded,
    /// From the built-in, sourced chronology.
    Curated,
    /// Imported from another dataset (GDELT, ICEWS, POLECAT).
    Imported,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Coded => "coded",
            Origin::Curated => "curated",
            Origin::Imported => "imported",
        }
    }

    pub fn parse(s: &str) -> Option<Origin> {
        match s {
            "coded" => Some(Origin::Coded),
            "curated" => Some(Origin::Curated),
            "imported" => Some(Origin::Imported),
            _ => None,
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One side of an event.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ActorRef {
    /// State (ISO 3166-1 alpha-3) or organisation code.
    pub code: String,
    /// CAMEO role code (GOV, MIL, LEG…), empty when unknown.
    pub role: String,
    /// Person key from the people dictionary, when an individual acts.
    pub person: Option<String>,
    /// The person's position at the event date (president, foreign-minister…).
    pub position: Option<String>,
    /// The text that named the actor, for coded events.
    pub text: Option<String>,
}

/// An event between two actors, on the CAMEO ontology.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub date: EventDate,
    pub source: ActorRef,
    pub target: ActorRef,
    pub cameo: String,
    pub negated: bool,
    pub hypothetical: bool,
    pub domains: Vec<String>,
    pub origin: Origin,
}

/// A public source cited by curated events.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// An event as the store holds it, with its provenance: the one event type that the CLI, the
/// API, the analyses and the reports read (`dyad events --format json` prints it as it is).
/// Where it comes from is `origin` with, for coded events, the document, sentence, span and the
/// coder's explanation; for curated events, the chronology's id and citations; for imported
/// events, the dataset, its own id, file and row.
#[derive(Debug, Clone, Serialize)]
pub struct StoredEvent {
    pub id: i64,
    pub date: EventDate,
    pub date_precision: Precision,
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
    pub origin: Origin,
    pub doc_id: Option<String>,
    pub sentence_id: Option<i64>,
    pub sentence: Option<String>,
    pub span: Option<(i64, i64)>,
    pub curated_id: Option<String>,
    pub place: Option<String>,
    pub meeting: Option<String>,
    pub description_zh: Option<String>,
    pub description_en: Option<String>,
    pub citation: Vec<Citation>,
    /// The dataset of an imported event (`gdelt`, `icews`, `polecat`), its own id, file and row.
    pub dataset: Option<String>,
    pub native_id: Option<String>,
    pub import_file: Option<String>,
    pub import_row: Option<i64>,
    /// How the coder made a coded event: cues, actors and dates with their dictionary entries
    /// (`file:line`), and what the document context supplied.
    pub explain: Option<String>,
}
