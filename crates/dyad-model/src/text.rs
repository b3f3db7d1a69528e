//! Languages and the sentence-level segments a document is cut into.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The languages dyad reads natively; anything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    En,
    Ru,
    Other,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            "other" => Some(Lang::Other),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One sentence (or footnote body) of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    /// The sentence as the document shows it, cleaned of line-break damage and footnote markers.
    pub text: String,
    /// The text prepared for coding: traditional Chinese turned simplified.
    pub normalized: String,
    pub lang: Lang,
    /// Character offsets (Unicode scalar values, end exclusive) in the document's clean text.
    pub span: (usize, usize),
    /// Paragraph number, from 0.
    pub paragraph: u32,
    /// True for footnote and endnote bodies.
    pub note: bool,
}
