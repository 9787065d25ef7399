//! aicompute: estimate how much compute trained an AI model, the way OpenAI's "AI and Compute"
//! (2018) did by hand. This crate is the pure-Rust core, with no web, wasm or JSON-library
//! dependency: expressions with units, both estimation methods, the catalogs and data sets, the
//! trend fit, the chart drawing, the formats in and out and both languages. The page (the
//! workspace's root package) and the CLI (`crates/cli`) are thin faces over it.

pub mod calculation;
// TODO(integrator): catalog is being rewritten; its pedantic fixes follow the merge
#[allow(
    clippy::missing_errors_doc,
    clippy::cast_lossless,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss,
    clippy::float_cmp
)]
pub mod catalog;
pub mod classroom;
pub mod formats;
pub mod language;
pub mod model;
pub mod planning;
pub mod plot;
pub mod run;
pub mod text;
