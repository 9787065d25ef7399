//! The classroom: exercises and grading.

pub mod quiz;
