//! aicompute: estimate how much compute trained an AI model, the way OpenAI's "AI and Compute"
//! (2018) did by hand. This crate is the pure-Rust core, with no web, wasm or JSON-library
//! dependency: expressions with units, both estimation methods, the catalogs and data sets, the
//! trend fit, the chart drawing, the formats in and out and both languages. The page (the
//! workspace's root package) and the CLI (`crates/cli`) are thin faces over it.
//!
//! A calculation is every field as typed; [`calculation::calc::evaluate`] reads it against a
//! [`catalog::Catalog`] (chips and data sets, passed explicitly) into both methods' estimates,
//! and [`text::render`] words them in either language. ResNet-151 as OpenAI's appendix counts it:
//!
//! ```
//! use aicompute::calculation::calc::{evaluate, Calculation, Lang};
//! use aicompute::catalog::Catalog;
//! use aicompute::text::render;
//!
//! let c = Calculation {
//!     forward: "11.4 * 10^9".into(),
//!     examples: "1.2M".into(),
//!     epochs: "128".into(),
//!     ..Default::default()
//! };
//! let ev = evaluate(&c, &Catalog::builtin());
//! let flop = ev.headline().expect("Method 1 has an estimate").flop;
//! // 11.4e9 add-multiplies × 2 FLOP × 3 (forward and backward) × 1.2e6 examples × 128 epochs
//! let expected = 11.4e9 * 2.0 * 3.0 * 1.2e6 * 128.0;
//! assert!((flop.mid() - expected).abs() < expected * 1e-12);
//! assert_eq!(render::flop(flop), "1.05 × 10^19");
//! assert_eq!(render::pfs_days(flop, Lang::En), "0.122");
//! ```

pub mod calculation;
pub mod catalog;
pub mod classroom;
pub mod formats;
pub mod language;
pub mod model;
pub mod planning;
pub mod plot;
pub mod run;
pub mod text;
