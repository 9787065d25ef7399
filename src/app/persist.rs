//! Keeps the calculation in the URL (`history.replaceState`) and, when the viewer asks, in local storage without
//! paying for it on every keystroke (about 9 ms a write in a profile). A change after a quiet
//! spell is written at once (a preset, a language switch, the first key of a burst); changes
//! that follow within [`IDLE_MS`] wait until typing pauses for that long. Nothing is lost: the
//! pending write is flushed when a field loses focus, when the page is hidden and on `pagehide`.
//! A reload navigates to the URL the browser had when it began, before `pagehide` could update
//! it, so the flush also leaves the latest state in session storage (this tab only), tagged with
//! that stale query; the reloaded page takes it instead of the stale query ([`unsaved`]).
//! Copying the link needs none of this: it encodes the state itself.

use super::{storage, STORAGE_KEY};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{closure::Closure, JsCast};

/// Quiet time after which a change is written.
pub const IDLE_MS: i32 = 250;
/// Session storage: "stale query\nlatest query", written by a flush on the way out.
const UNSAVED_KEY: &str = "aicompute:unsaved";

thread_local! {
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
    static TIMER: Cell<Option<i32>> = const { Cell::new(None) };
    static LAST_WRITE: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
    /// Whether the viewer keeps the last calculation in local storage.
    static KEEP: Cell<bool> = const { Cell::new(false) };
}

/// The calculation's query changed (or whether it is kept): write it now after a quiet spell,
/// else when typing pauses. Local storage holds it only while `keep` is on.
pub fn changed(query: String, keep: bool) {
    KEEP.set(keep);
    let now = js_sys::Date::now();
    let quiet = TIMER.get().is_none() && now - LAST_WRITE.get() >= f64::from(IDLE_MS);
    if quiet {
        PENDING.set(None);
        write(&query);
        return;
    }
    PENDING.set(Some(query));
    if let Some(t) = TIMER.take() {
        window().clear_timeout_with_handle(t);
    }
    let cb = Closure::once_into_js(move || {
        TIMER.set(None);
        flush();
    });
    TIMER.set(window().set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), IDLE_MS).ok());
}

/// Writes the pending change, if any; returns the query the URL had before it.
pub fn flush() -> Option<String> {
    if let Some(t) = TIMER.take() {
        window().clear_timeout_with_handle(t);
    }
    let q = PENDING.take()?;
    let stale = window().location().search().unwrap_or_default();
    write(&q);
    // A reload may have begun from the stale URL before this write (a timer firing while the
    // page unloads): the reloaded page takes the latest state from here.
    if let Some(s) = session() {
        s.set_item(UNSAVED_KEY, &format!("{stale}\n?{q}")).ok();
    }
    Some(stale)
}

fn write(query: &str) {
    LAST_WRITE.set(js_sys::Date::now());
    if let Ok(h) = window().history() {
        let path = window().location().pathname().unwrap_or_default();
        h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}?{query}"))).ok();
    }
    if let Some(s) = storage() {
        if KEEP.get() {
            s.set_item(STORAGE_KEY, query).ok();
        } else {
            s.remove_item(STORAGE_KEY).ok();
        }
    }
}

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// On the way out (`pagehide`, hidden): flush, which keeps the latest state for a reload.
fn leave() {
    flush();
}

/// Flushes on blur of a field, when the page is hidden and on `pagehide` (once per page).
pub fn listen() {
    if LISTENING.replace(true) {
        return;
    }
    let on_leave = Closure::<dyn Fn()>::new(leave);
    let on_blur = Closure::<dyn Fn()>::new(|| {
        flush();
    });
    let w = window();
    w.add_event_listener_with_callback("pagehide", on_leave.as_ref().unchecked_ref()).ok();
    let d = document();
    d.add_event_listener_with_callback("visibilitychange", on_leave.as_ref().unchecked_ref()).ok();
    d.add_event_listener_with_callback("focusout", on_blur.as_ref().unchecked_ref()).ok();
    // Both live as long as the page.
    on_leave.forget();
    on_blur.forget();
}

/// At start: the state a flush on the way out left for this tab, when the page was reloaded
/// from the query it had then (`search`, with its `?`). Taken once.
pub fn unsaved(search: &str) -> Option<String> {
    let s = session()?;
    let text = s.get_item(UNSAVED_KEY).ok().flatten()?;
    s.remove_item(UNSAVED_KEY).ok();
    let (stale, latest) = text.split_once('\n')?;
    (stale == search).then(|| latest.to_string())
}
