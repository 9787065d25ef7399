//! Formats in and out: CSV, exports, share links, citations, QR codes.

pub mod cite;
pub mod export;
pub mod qr;
pub mod share;
