//! Transformers and layers: parameters and FLOP from a shape or a `config.json`.

pub mod architecture;
pub mod json;
pub mod layers;
pub mod transformer;
