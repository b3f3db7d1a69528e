//! Events: who did what to whom, when, and where dyad learnt it.

use crate::date::EventDate;
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
