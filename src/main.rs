//! The wasm entry of the page: a panic hook that keeps a visible message, then the Leptos app.
//! Natively this binary only says where the page is built.

#[cfg(target_arch = "wasm32")]
fn main() {
    aicompute_web::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("aicompute-web is the page's wasm entry: build it with `trunk build --release` (see README).");
}
