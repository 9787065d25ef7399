//! aicompute: estimate how much compute trained an AI model, the way OpenAI's "AI and Compute"
//! (2018) did by hand. This crate is the pure-Rust core (no web dependencies): expressions with
//! units, both estimation methods, the hardware catalog, the data sets, the trend fit, the
//! share-link codec and the chart drawing. The page (`app`, wasm32 only) and the CLI
//! (`src/bin/aicompute.rs`) are thin shells over it.

pub mod architecture;
pub mod calc;
pub mod chart;
pub mod cite;

#[cfg(target_arch = "wasm32")]
pub mod app;
pub mod csv;
pub mod data;
pub mod date;
pub mod energy;
pub mod epoch_csv;
pub mod estimate;
pub mod examples;
pub mod export;
pub mod expr;
pub mod field;
pub mod footprint;
pub mod format;
pub mod hardware;
pub mod i18n;
pub mod import;
pub mod json;
pub mod layers;
pub mod place;
pub mod plan;
pub mod planner;
pub mod problem;
pub mod qr;
pub mod quiz;
pub mod render;
pub mod share;
pub mod thresholds;
pub mod transformer;
pub mod trend;
pub mod units;
pub mod used;
