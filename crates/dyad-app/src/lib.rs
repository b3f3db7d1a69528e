//! `dyad-app`: the application layer of dyad. The command line (`crates/dyad`) and the server
//! are adapters over it: they parse arguments or requests, call these use cases and print or
//! serialise what they return.
//!
//! - [`builtin`]: the data dyad carries inside it (the curated chronology, the names of states,
//!   the literature's periods and resets) and the opening of a store with that chronology in it.
//! - [`ingest`], [`coding`]: a document's bytes through the text stage and the coder, ready to
//!   store; sentences coded without storing them.
//! - [`measure`]: the measures of a dyad (level, flow, phases, eras, cycles, forecasts) from a
//!   store, with what the data is too thin to say.
//! - [`index`]: the event-flow index per month, quarter or year, with the level.
//! - [`summits`], [`sanctions`]: the counts of meetings and of sanctions designations, beside
//!   the literature's figures.
//! - [`request`]: the parts of a request the CLI and the API share (dyad, months, origins).
//! - [`views`]: the analyses as JSON, one shape for the CLI and the API.
//! - [`export`]: events as Hive-partitioned Parquet or CSV files, and the same columns as a SQL
//!   view over the store.
//! - [`report`]: the HTML report (zh/en) and its charts; [`names`], [`cite`]: the dyad's names
//!   and the citation styles it uses.
//!
//! Errors are typed ([`Error`]); a [`UsageError`] is the user's mistake.

pub mod builtin;
pub mod cite;
pub mod coding;
mod error;
pub mod export;
pub mod index;
pub mod ingest;
pub mod measure;
pub mod names;
pub mod report;
pub mod request;
pub mod sanctions;
pub mod summits;
pub mod views;

pub use error::{Error, Result, UsageError};
