//! What a run used besides FLOP: energy, emissions, cost.

pub mod energy;
pub mod footprint;
