//! aicompute: estimate how much compute trained an AI model, the way OpenAI's "AI and Compute"
//! (2018) did by hand. This crate is the pure-Rust core (no web dependencies): expressions with
//! units, both estimation methods, the hardware catalog, the data sets, the trend fit, the
//! share-link codec and the chart drawing. The page (`app`, wasm32 only) and the CLI
//! (`src/bin/aicompute.rs`) are thin shells over it.

pub mod calc;
pub mod chart;

#[cfg(target_arch = "wasm32")]
pub mod app;
pub mod csv;
pub mod data;
pub mod date;
pub mod epoch_csv;
pub mod examples;
pub mod expr;
pub mod format;
pub mod hardware;
pub mod i18n;
pub mod import;
pub mod layers;
pub mod quiz;
pub mod render;
pub mod share;
pub mod trend;
pub mod units;
