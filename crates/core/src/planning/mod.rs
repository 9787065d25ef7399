//! Planning a run: Chinchilla, MFU, Method 2 solved for a budget.

pub mod plan;
pub mod planner;
