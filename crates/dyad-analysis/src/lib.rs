//! What the record says: indices, phases, cycles, summits, forecasts.
