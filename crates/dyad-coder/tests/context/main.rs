//! The document-level context pass on short documents we wrote: speakers, pronouns, quotations,
//! the document's parties, the story's date, and title brackets. One binary, a module per subject,
//! the helpers in [`common`].

mod common;

mod acts;
mod agreements;
mod background;
mod dates;
mod names;
mod parties;
mod speakers;
mod statements;
