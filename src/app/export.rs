//! Take-aways: the calculation as JSON and CSV, the chart as PNG (drawn again at twice its size)
//! and SVG (the same core drawing through plotters' SVG backend), and a citation with BibTeX.
//! Everything is made in the page: downloads work offline.

use super::measured::Measured;
use super::State;
use aicompute::catalog::data::DatasetId;
use aicompute::plot::chart::{self, ChartSpec};
use aicompute::text::i18n::t;
use aicompute::text::i18n::Key;
use aicompute::{formats::cite, formats::export, formats::share};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::{JsCast, JsValue};

/// The chart as last drawn, and its size in CSS pixels, for the PNG and SVG exports.
#[derive(Clone, Copy)]
pub struct DrawnChart(pub RwSignal<Option<(ChartSpec, u32, u32)>>);

fn document() -> web_sys::Document {
    window().document().expect("a page has a document")
}

/// Starts a download of `url` as `name`.
fn download_url(name: &str, url: &str) -> Result<(), JsValue> {
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    a.set_href(url);
    a.set_download(name);
    a.click();
    Ok(())
}

/// Starts a download of `data` as a file `name` of type `mime`.
fn download(name: &str, mime: &str, data: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(data));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    download_url(name, &url)?;
    // The browser has the file once the download has started; free the URL a little later.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(30));
    Ok(())
}

/// Starts a download, logging a failure (for callers with no place to show it).
pub fn save(name: &str, mime: &str, data: &str) {
    if let Err(e) = download(name, mime, data) {
        leptos::logging::error!("download of {name} failed: {e:?}");
    }
}

/// The chart drawn on a new canvas at twice its CSS size, as a PNG data URL.
fn png(spec: &ChartSpec, w: u32, h: u32) -> Result<String, JsValue> {
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.dyn_into()?;
    canvas.set_width(w * 2);
    canvas.set_height(h * 2);
    let mut spec = spec.clone();
    spec.background.scale = 2.0;
    let backend = Measured::canvas(canvas.clone()).ok_or("no 2D context")?;
    chart::draw(&backend.into_drawing_area(), &spec).map_err(|e| JsValue::from_str(&e.to_string()))?;
    canvas.to_data_url_with_type("image/png")
}

/// The chart as SVG: the same drawing through plotters' SVG backend, text measured by a canvas.
fn svg(spec: &ChartSpec, w: u32, h: u32) -> Result<String, JsValue> {
    let mut out = String::new();
    {
        let backend = Measured::svg(&mut out, (w, h)).ok_or("no 2D context")?;
        chart::draw(&backend.into_drawing_area(), spec).map_err(|e| JsValue::from_str(&e.to_string()))?;
    }
    Ok(out)
}

/// The full address of the calculation.
fn link(state: State) -> String {
    let l = window().location();
    let base = format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default());
    format!("{base}?{}", state.calc.with(share::encode))
}

/// Whether Epoch AI's data is on the chart (its credit goes into the citation).
fn with_epoch(drawn: DrawnChart) -> bool {
    drawn
        .0
        .with(|d| d.as_ref().is_some_and(|(s, _, _)| s.background.points.iter().any(|m| m.dataset == DatasetId::Epoch)))
}

#[component]
pub fn Exports() -> impl IntoView {
    let state = expect_context::<State>();
    let drawn = expect_context::<DrawnChart>();
    let status = RwSignal::new(String::new());
    let report = move |r: Result<(), JsValue>| {
        status.set(
            r.err().map(|e| format!("{}: {e:?}", t(state.lang.get_untracked(), Key::ExportFailed))).unwrap_or_default(),
        )
    };
    let data = move |csv: bool| {
        let (lang, epoch, link) = (state.lang.get_untracked(), with_epoch(drawn), link(state));
        let text = state.calc.with_untracked(|c| {
            state.eval.with_untracked(|ev| {
                if csv {
                    export::csv(c, ev, &link, lang, epoch)
                } else {
                    export::calculation(c, ev, &link, lang, epoch).pretty()
                }
            })
        });
        let (name, mime) = if csv { ("aicompute.csv", "text/csv") } else { ("aicompute.json", "application/json") };
        report(download(name, mime, &text));
    };
    let picture = move |as_svg: bool| {
        let Some((spec, w, h)) = drawn.0.get_untracked() else { return };
        report(if as_svg {
            svg(&spec, w, h).and_then(|s| download("aicompute-chart.svg", "image/svg+xml", &s))
        } else {
            png(&spec, w, h).and_then(|url| download_url("aicompute-chart.png", &url))
        });
    };
    // The sheets hold every exercise, one of which is on a chip of Epoch AI's catalog: they
    // wait for it (a failed fetch leaves that exercise out).
    let sheet_ready = move || state.catalog.with(|c| c.hardware_loaded() || c.hardware_failure().is_some());
    view! {
        <div class="exports no-print" role="group" aria-label=state.tx(Key::ExportTitle)>
            <span>{state.tx(Key::ExportTitle)}</span>
            <button type="button" class="secondary" data-testid="export-json" on:click=move |_| data(false)>"JSON"</button>
            <button type="button" class="secondary" data-testid="export-csv" on:click=move |_| data(true)>"CSV"</button>
            <button type="button" class="secondary" data-testid="export-png" on:click=move |_| picture(false)>"PNG"</button>
            <button type="button" class="secondary" data-testid="export-svg" on:click=move |_| picture(true)>"SVG"</button>
            <button type="button" class="secondary" data-testid="export-questions" disabled=move || !sheet_ready()
                on:click=move |_| report(download("aicompute-exercises.txt", "text/plain", &state.catalog.with_untracked(|cat| aicompute::classroom::quiz::question_sheet(cat, state.lang.get_untracked()))))>
                {state.tx(Key::ExportQuestions)}
            </button>
            <button type="button" class="secondary" data-testid="export-answers" disabled=move || !sheet_ready()
                on:click=move |_| report(download("aicompute-answer-key.txt", "text/plain", &state.catalog.with_untracked(|cat| aicompute::classroom::quiz::answer_key(cat, state.lang.get_untracked()))))>
                {state.tx(Key::ExportAnswers)}
            </button>
            <span class="error" aria-live="polite">{move || status.get()}</span>
        </div>
    }
}

/// A sentence for a methods section and the BibTeX to go with it, with a copy button.
#[component]
pub fn Citation() -> impl IntoView {
    let state = expect_context::<State>();
    let drawn = expect_context::<DrawnChart>();
    let copied = RwSignal::new(false);
    let text = Memo::new(move |_| {
        let lang = state.lang.get();
        let sentence = state.eval.with(|ev| export::citation(ev, lang))?;
        let epoch = with_epoch(drawn).then(|| cite::epoch_sentence(lang));
        Some((sentence, epoch, cite::bibtex(with_epoch(drawn))))
    });
    let copy = move |_| {
        let Some((s, e, bib)) = text.get_untracked() else { return };
        let all = format!("{s}{}\n\n{bib}", e.map(|e| format!(" {e}")).unwrap_or_default());
        let _ = window().navigator().clipboard().write_text(&all);
        copied.set(true);
    };
    // Built once when there is an estimate; its texts follow (an open BibTeX stays open).
    let part = move |pick: fn(&(String, Option<String>, String)) -> String| move || text.with(|t| t.as_ref().map(pick));
    view! {
        <Show when=move || text.with(Option::is_some)>
            <div class="citation" data-testid="citation">
                <h3>{state.tx(Key::CiteTitle)}</h3>
                <super::results::EstimateFrom id="citation-from"/>
                <p>{part(|(s, e, _)| {
                    let epoch = e.as_ref().map(|e| format!(" {e}")).unwrap_or_default();
                    format!("{}{epoch}", aicompute::text::format::superscript(s))
                })}</p>
                <details>
                    <summary>"BibTeX"</summary>
                    <pre>{part(|(_, _, bib)| bib.clone())}</pre>
                </details>
                <button type="button" class="secondary no-print" data-testid="copy-citation" on:click=copy>
                    {move || if copied.get() { state.t(Key::CiteCopied) } else { state.t(Key::CiteCopy) }}
                </button>
            </div>
        </Show>
    }
}
