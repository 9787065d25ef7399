//! The page's library: the Leptos app (wasm32 only), a library so that the wasm component tests
//! (`tests/web.rs`) can mount it. `src/main.rs` starts it.

#[cfg(target_arch = "wasm32")]
pub mod app;
