//! Why a data file the page fetches (Epoch AI's models or hardware) could not be had.

use crate::text::i18n::{t, Key, Lang};

/// Why a data file the page fetches (Epoch AI's models or hardware, beside the page) could not
/// be had: a value, said in the page's language, never the browser's own error text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No answer at all: no connection (and no copy kept from an earlier visit).
    Offline,
    /// The host answered with an HTTP error status.
    Http(u16),
    /// The answer's body could not be read as text.
    NotText,
    /// The text is not the CSV expected (a host that answers with a page of its own, say).
    Unreadable,
}

impl LoadError {
    /// Why, in a few words: "no connection", "HTTP 404".
    pub fn reason(self, lang: Lang) -> String {
        match self {
            LoadError::Offline => t(lang, Key::LoadOffline).to_string(),
            LoadError::Http(status) => format!("HTTP {status}"),
            LoadError::NotText => t(lang, Key::LoadNottext).to_string(),
            LoadError::Unreadable => t(lang, Key::LoadUnreadable).to_string(),
        }
    }

    /// The chart's line when Epoch AI's notable models could not be loaded.
    pub fn epoch_message(self, lang: Lang) -> String {
        match self {
            LoadError::Offline => t(lang, Key::LoadEpochoffline).to_string(),
            e => crate::say!(lang, Key::CatalogLoadFailed, reason = e.reason(lang)),
        }
    }
}
