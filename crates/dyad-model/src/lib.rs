//! dyad's vocabulary: what a document, a sentence, an actor, an event and a dated
//! fact are. Pure types, no I/O.
//!
//! ```
//! use dyad_model::{EventDate, Precision};
//! let d: EventDate = "2025-08".parse().unwrap();
//! assert_eq!(d.precision(), Precision::Month);
//! assert_eq!(d.to_string(), "2025-08");
//! ```

pub mod codes;
pub mod date;
pub mod event;
pub mod kinds;
pub mod magnitude;
pub mod places;
pub mod sources;
pub mod text;

pub use codes::{CameoCode, CodeTable, CodeTableError};
pub use date::{DateError, EventDate, Precision};
pub use event::{ActorRef, Citation, Event, Origin, StoredEvent};
pub use kinds::{Kind, KindMismatch, KindTable, KindTableError};
pub use magnitude::{Bound, Magnitude, MagnitudeError, Unit};
pub use places::{Place, PlaceTable, PlaceTableError};
pub use sources::{DeniedOutlet, OutletDenyList, OutletListError, OutletMatch, SourceProblem};
pub use text::{Lang, Segment};
