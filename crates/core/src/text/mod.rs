//! Text: the strings of both languages, number formatting, derivations as text.

pub mod format;
pub mod i18n;
pub mod num;
pub mod render;
