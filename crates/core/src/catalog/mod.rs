//! The catalogs and data sets: chips, published models, the user's imported rows.

pub mod csv;
pub mod data;
pub mod epoch_csv;
pub mod hardware;
pub mod import;
