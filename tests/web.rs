//! Component tests in headless Chromium (wasm-bindgen-test): the page mounted into a host
//! element, driven through DOM events, read back through its test ids.
#![cfg(target_arch = "wasm32")]

use aicompute::calculation::calc::{Calculation, Lang};
use aicompute_web::app::{default_calculation, write_pending, Page};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the page on a fresh host element and returns the host. Epoch AI's hardware catalog,
/// which the page fetches from beside itself, is installed from the repository's copy (the
/// test runner serves no such file); the end-to-end tests cover the fetch.
fn mount(c: Calculation) -> web_sys::HtmlElement {
    mount_in(c, Lang::En)
}

/// Mounts the page in a language (the viewer's, not the calculation's).
fn mount_in(c: Calculation, lang: Lang) -> web_sys::HtmlElement {
    let mut catalog = aicompute::catalog::Catalog::builtin();
    catalog.install_hardware(include_str!("../crates/core/data/epoch-ml-hardware.csv")).unwrap();
    let doc = document();
    let host = doc.create_element("section").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = mount_to(
        host.clone().unchecked_into(),
        move || view! { <Page initial=c.clone() lang=lang catalog=catalog.clone()/> },
    );
    handle.forget();
    host.unchecked_into()
}

/// Lets the reactive system run its effects (a few turns of the microtask queue).
async fn settle() {
    for _ in 0..5 {
        tick().await;
    }
}

fn by_id(host: &web_sys::HtmlElement, id: &str) -> web_sys::HtmlElement {
    host.query_selector(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={id}"))
        .unchecked_into()
}

fn text(host: &web_sys::HtmlElement, id: &str) -> String {
    by_id(host, id).text_content().unwrap_or_default()
}

/// Dispatches a bubbling DOM event, as a user's action would.
fn fire(el: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
}

fn type_into(host: &web_sys::HtmlElement, id: &str, value: &str) {
    let input: web_sys::HtmlInputElement = by_id(host, id).unchecked_into();
    input.set_value(value);
    fire(&input, "input");
}

#[wasm_bindgen_test]
async fn typing_updates_the_results() {
    let host = mount(Calculation::default());
    settle().await;
    assert_eq!(text(&host, "ops-pfs-days"), "—");
    type_into(&host, "ops-forward", "11.4 * 10^9");
    type_into(&host, "ops-examples", "1.2M");
    type_into(&host, "ops-epochs", "128");
    settle().await;
    // 11.4 × 10^9 × 2 × 3 × 1.2 × 10^6 × 128 = 1.050624e19 FLOP = 0.1216 pfs-days, the first
    // factor shown normalised: 1.14 × 10^10.
    assert_eq!(text(&host, "ops-pfs-days"), "0.122");
    assert_eq!(text(&host, "ops-flop"), "1.05 × 10¹⁹");
    assert_eq!(text(&host, "ops-pf"), "10,506");
    assert!(text(&host, "ops-formula").starts_with("(1.14 × 10¹⁰) × 2 × 3 × (1.2 × 10⁶) × 128 ="));
    // Typed in quick succession: written when typing pauses (or now).
    write_pending();
    let search = window().location().search().unwrap();
    assert!(search.contains("fwd=11.4+*+10%5E9"), "the URL carries the calculation: {search}");
}

#[wasm_bindgen_test]
async fn a_broken_field_says_why_and_the_other_method_keeps_working() {
    // Both methods the user's own (a worked example's other method is cleared on the first edit).
    let host = mount(Calculation { example: Default::default(), ..default_calculation() });
    settle().await;
    assert_eq!(text(&host, "gpu-pfs-days"), "0.00574");
    type_into(&host, "ops-forward", "1.2Q");
    settle().await;
    let input = by_id(&host, "ops-forward");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(input.get_attribute("aria-describedby").as_deref(), Some("ops-forward-error"));
    assert_eq!(text(&host, "ops-forward-error"), "'1.2Q' is not a number: unknown suffix 'Q'");
    assert_eq!(text(&host, "ops-pfs-days"), "—");
    assert_eq!(text(&host, "gpu-pfs-days"), "0.00574", "method 2 is untouched");
    // The method edited has none: the figures follow the other, the user's own too, and say so.
    assert!(text(&host, "current-estimate").ends_with("· from Method 2: GPU time"));
    type_into(&host, "ops-forward", "0.75G");
    settle().await;
    assert_eq!(by_id(&host, "ops-forward").get_attribute("aria-invalid").as_deref(), Some("false"));
    assert_eq!(text(&host, "ops-forward-error"), "");
    assert!(text(&host, "methods-ratio").starts_with("0.981: within 2×"));
}

#[wasm_bindgen_test]
async fn ranges_show_low_and_high() {
    let host = mount(default_calculation());
    settle().await;
    type_into(&host, "gpu-utilization", "25%..50%");
    settle().await;
    // 2 × 1.58e12 × 475,200 s × 0.25 and × 0.5, over 8.64e19.
    assert_eq!(text(&host, "gpu-pfs-days"), "0.00435–0.00869");
}

#[wasm_bindgen_test]
async fn language_switch_translates_the_page() {
    let host = mount(default_calculation());
    settle().await;
    assert!(host.text_content().unwrap().contains("Method 1: counting operations"));
    by_id(&host, "lang-switch").click();
    settle().await;
    let all = host.text_content().unwrap();
    assert!(all.contains("方法 1：统计运算次数"), "Chinese headings");
    assert!(!all.contains("Method 1: counting operations"));
    assert_eq!(text(&host, "gpu-pfs-days"), "0.00574", "numbers stay");
    write_pending();
    // The language is the viewer's: kept in the viewer's preferences, never in the link.
    assert!(!window().location().search().unwrap().contains("lang="));
    let stored = window().local_storage().unwrap().unwrap().get_item("aicompute:viewer").unwrap().unwrap_or_default();
    assert!(stored.split('&').any(|p| p == "lang=zh"), "{stored}");
    let host2 = mount_in(default_calculation(), Lang::Zh);
    settle().await;
    assert!(host2.text_content().unwrap().contains("方法 2：GPU 时间"), "a link in Chinese opens in Chinese");
}

#[wasm_bindgen_test]
async fn presets_fill_the_fields() {
    let host = mount(Calculation::default());
    settle().await;
    let select: web_sys::HtmlSelectElement = by_id(&host, "preset-menu").unchecked_into();
    select.set_value("xception");
    fire(&select, "change");
    settle().await;
    let chips: web_sys::HtmlInputElement = by_id(&host, "gpu-chips").unchecked_into();
    assert_eq!(chips.value(), "60");
    // 60 × 8.5e12 × 30 d × 0.33 = 4.36e20 FLOP = 5.05 pfs-days; the appendix prints 5.0.
    assert_eq!(text(&host, "gpu-pfs-days"), "5.05");
    assert_eq!(text(&host, "preset-published"), "5 pfs-days");
    assert_eq!(text(&host, "preset-exact"), "5.05 pfs-days");
}

#[wasm_bindgen_test]
async fn layer_counter_fills_the_forward_pass() {
    let host = mount(Calculation::default());
    settle().await;
    by_id(&host, "mode-layers").click();
    settle().await;
    let area: web_sys::HtmlTextAreaElement = by_id(&host, "ops-layers").unchecked_into();
    area.set_value("conv in=84x84x3 k=8 s=4 f=16\nconv in=20x20x16 k=4 s=2 f=32\ndense in=9*9*32 out=256");
    fire(&area, "input");
    settle().await;
    assert_eq!(text(&host, "layers-total"), "2,555,904");
    by_id(&host, "layers-use").click();
    settle().await;
    let fwd: web_sys::HtmlInputElement = by_id(&host, "ops-forward").unchecked_into();
    assert_eq!(fwd.value(), "2555904");
}

#[wasm_bindgen_test]
async fn chart_and_doubling_time() {
    let host = mount(default_calculation());
    settle().await;
    assert!(text(&host, "doubling-time").starts_with("3.44 months"), "{}", text(&host, "doubling-time"));
    let canvas = by_id(&host, "trend-chart");
    assert_eq!(canvas.tag_name(), "CANVAS");
    assert!(text(&host, "against-trend").starts_with("Your estimate is "), "{}", text(&host, "against-trend"));
    type_into(&host, "user-date", "");
    settle().await;
    assert_eq!(text(&host, "against-trend"), "Enter the date of your model to place your estimate on the chart.");
    type_into(&host, "user-date", "2012-13");
    settle().await;
    assert_eq!(text(&host, "user-date-error"), "'2012-13': the month must be 1 to 12");
    type_into(&host, "user-date", "2023-02-31");
    settle().await;
    assert_eq!(text(&host, "user-date-error"), "'2023-02-31' is not a date: that month has 28 days");
}

#[wasm_bindgen_test]
async fn errors_speak_the_page_language() {
    let host = mount_in(default_calculation(), Lang::Zh);
    settle().await;
    type_into(&host, "ops-forward", "1.2Q");
    settle().await;
    assert_eq!(text(&host, "ops-forward-error"), "“1.2Q”不是数字：未知后缀“Q”");
    type_into(&host, "ops-forward", "1e400");
    settle().await;
    assert_eq!(text(&host, "ops-forward-error"), "“1e400”太大，无法计算：超过 10³⁰⁸");
}
