//! How a sentence is turned into events. Dictionaries are values loaded from versioned data
//! files (never globals): actors with dated roles ("Putin" is head of government in 2009 and
//! head of state in 2015), verb cues per language mapped to CAMEO codes, negation and modality
//! cues, function words, date words and domain keywords. A [`Coder`] compiles them into one
//! literal matcher per language and turns a sentence, with the running [`DateContext`] of
//! its document, into dated [`CodedEvent`]s with an explain trace. [`eval`] scores the coder
//! against annotated suites.
//!
//! ```
//! use dyad_coder::{Coder, DateContext, Dictionaries, SentenceInput};
//! use dyad_model::Lang;
//! let dict = Dictionaries::builtin().unwrap();
//! let coder = Coder::new(&dict).unwrap();
//! let mut ctx = DateContext::new(Some("2025-03-01".parse().unwrap()));
//! let s = SentenceInput { lang: Lang::Zh, text: "2025年2月12日，特朗普与普京通电话。" };
//! let events = coder.code(&s, &mut ctx);
//! assert!(events.iter().any(|e| e.source.code == "USA" && e.target.code == "RUS" && e.cameo == "041"));
//! assert!(events.iter().any(|e| e.source.code == "RUS" && e.target.code == "USA"));
//! assert_eq!(events[0].date.to_string(), "2025-02-12");
//! ```
//!
//! The people dictionary can also be used alone:
//!
//! ```
//! use dyad_coder::people::People;
//! let positions = "position\trank\tcameo_role\tdescription\npresident\t1\tGOV\thead of state\n";
//! let people = "key\tcountry\tposition\tstart\tend\tnames_zh\tnames_en\tnames_ru\tsource\n\
//!     putin\tRUS\tpresident\t2012-05-07\t\t普京\tPutin\tПутин\tkremlin.ru\n";
//! let p = People::parse(("positions.tsv", positions), ("people.tsv", people)).unwrap();
//! let day = "2013-01-01".parse().unwrap();
//! assert!(p.holds("putin", "president", &day));
//! ```

pub mod analyzer;
pub mod coder;
pub mod context;
pub mod dates;
pub mod dict;
pub mod embedded;
pub mod eval;
mod fasthash;
pub mod people;
pub mod stance;
mod trie;
pub mod tsv;

pub use coder::{
    CodedEvent, Coder, CoderError, CueFact, Mention, Missed, SentenceFacts, SentenceInput, Stated,
};
pub use context::{DocEvent, DocSentence};
pub use dates::DateContext;
pub use dict::{DictError, Dictionaries};
pub use people::{People, PeopleError, Position, Tenure};
