//! The calculation: its field table, its one state type, evaluation, the current estimate.

pub mod calc;
pub mod estimate;
pub mod examples;
pub mod field;
pub mod problem;
pub mod thresholds;
pub mod used;
