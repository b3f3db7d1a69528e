//! How a sentence is turned into events. This crate holds dyad's dictionaries as values loaded
//! from versioned data files (never globals), starting with the people dictionary and its dated
//! roles: "Putin" is head of state 2000-05-07..2008-05-07 and from 2012-05-07, head of
//! government in between; the coder and the chronology ask it who held what on a given day.
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

pub mod people;
pub mod tsv;

pub use people::{People, PeopleError, Position, Tenure};
