//! The expression language of the fields: numbers, units, ranges, dates.

pub mod date;
pub mod expr;
pub mod units;
