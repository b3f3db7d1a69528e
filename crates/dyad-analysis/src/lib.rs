//! What the record says: indices, phases, cycles, forecasts.
pub mod flow;
pub mod level;
pub mod obs;
pub mod series;
