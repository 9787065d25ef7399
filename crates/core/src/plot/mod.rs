//! The trend fit and the chart.

pub mod chart;
pub mod place;
pub mod trend;
