//! The catalogs and data sets: chips, published models, the user's imported rows, held in one
//! [`Catalog`] value.

pub mod csv;
pub mod data;
pub mod epoch_csv;
pub mod hardware;
pub mod import;
pub mod load;
pub mod store;

pub use store::Catalog;
