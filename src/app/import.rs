//! A class's own data on the chart: CSV pasted or read from a file (`name,date,flop` or
//! `name,date,pfs_days`, Epoch AI's own downloads as they are) becomes the "imported" data set,
//! kept in local storage and downloadable again. Bad rows are named by their line; good rows load.

use super::State;
use aicompute::catalog::data::DatasetId;
use aicompute::catalog::import::{self, ImportFailure, RowProblem};
use aicompute::catalog::Catalog;
use aicompute::text::i18n::Key;
use aicompute::text::i18n::{t, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const STORAGE_KEY: &str = "aicompute.import";

/// What the last import gave: rows installed and the problems, or what stopped it.
#[derive(Clone, PartialEq)]
enum Status {
    None,
    /// Reading, this far through the text (in percent).
    Reading(usize),
    Loaded {
        rows: usize,
        skipped: usize,
        problems: Vec<RowProblem>,
    },
    Failed(ImportFailure),
}

impl Status {
    fn message(&self, lang: Lang) -> String {
        match self {
            Status::None => String::new(),
            Status::Reading(percent) => aicompute::say!(lang, Key::CatalogImportProgress, percent = percent),
            Status::Loaded { rows, skipped, problems } => {
                let key = if *rows == 1 { Key::PageImportLoadedOne } else { Key::PageImportLoaded };
                aicompute::say!(lang, key, rows = rows, skipped = skipped, problems = problems.len())
            }
            Status::Failed(f) => f.error.message(lang),
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The longest text the text area shows, in bytes. Laying out megabytes of text in a text area
/// holds up the page for seconds (100,000 rows, 2.9 MB: one 5.1 s task in Chromium), so a longer
/// text (a chosen or dropped file) is read and kept but not shown; a note says so.
const SHOWN_MAX: usize = 100_000;

/// Rows read per slice of an import: a few milliseconds each (the browser stays responsive
/// between slices; see `time_import_steps` in the core's tests).
const ROWS_PER_STEP: usize = 2_000;

/// Reads `text` a slice at a time, saying how far in `status`, and installs it as the imported set
/// of `catalog` (or clears it when empty); how it went, or none when a newer import (`run` is no
/// longer `runs`) took over.
async fn apply(
    text: String,
    catalog: RwSignal<Catalog>,
    status: RwSignal<Status>,
    runs: StoredValue<u64>,
    run: u64,
) -> Option<Status> {
    if text.trim().is_empty() {
        catalog.update(Catalog::clear_imported);
        return Some(Status::None);
    }
    // The text's own task (read, kept, noted) ends before the first rows are read.
    super::yield_to_browser().await;
    if runs.get_value() != run {
        return None;
    }
    let mut importer = import::Importer::new(&text);
    while !importer.step(ROWS_PER_STEP) {
        let (at, all) = importer.progress();
        status.set(Status::Reading(at * 100 / all.max(1)));
        super::yield_to_browser().await;
        if runs.get_value() != run {
            return None;
        }
    }
    let imported = importer.finish();
    let mut s = Status::None;
    catalog.update(|cat| {
        s = match cat.install_import(imported) {
            Ok(s) => Status::Loaded { rows: s.installed, skipped: s.skipped_no_compute, problems: s.problems },
            Err(e) => Status::Failed(e),
        }
    });
    Some(s)
}

/// Keeps the text in local storage; `false` when the browser refuses it (over its quota), and
/// then nothing is kept, so a reload cannot bring back an earlier import instead.
fn keep(text: &str) -> bool {
    let Some(st) = storage() else { return false };
    if st.set_item(STORAGE_KEY, text).is_ok() {
        return true;
    }
    st.remove_item(STORAGE_KEY).ok();
    false
}

/// Installs the text as the imported data set (read in slices, the page answering between
/// them), keeps it in local storage (`kept` says whether it
/// could), and shows the set on the chart when it has rows.
fn installer(
    text: RwSignal<String>,
    status: RwSignal<Status>,
    kept: RwSignal<bool>,
    sets: RwSignal<Vec<DatasetId>>,
    catalog: RwSignal<Catalog>,
) -> impl Fn() + Copy + 'static {
    let runs = StoredValue::new(0u64);
    move || {
        kept.set(text.with_untracked(|t| keep(t)));
        let run = runs.get_value() + 1;
        runs.set_value(run);
        leptos::task::spawn_local(async move {
            let Some(s) = apply(text.get_untracked(), catalog, status, runs, run).await else { return };
            // The rows installed, the data set shown in a task of its own: what is worked out
            // over every point (the chart's points, the fits) waits for it.
            super::yield_to_browser().await;
            if runs.get_value() != run {
                return;
            }
            let loaded = matches!(s, Status::Loaded { .. });
            sets.update(|v| {
                v.retain(|d| *d != DatasetId::Imported);
                if loaded {
                    v.push(DatasetId::Imported);
                }
            });
            status.set(s);
        });
    }
}

/// Reads a chosen or dropped file into `text`, then installs it.
fn read_file(file: web_sys::File, text: RwSignal<String>, run: impl Fn() + 'static) {
    leptos::task::spawn_local(async move {
        if let Ok(v) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
            text.set(v.as_string().unwrap_or_default());
            run();
        }
    });
}

#[component]
pub fn ImportData(sets: RwSignal<Vec<DatasetId>>) -> impl IntoView {
    let state = expect_context::<State>();
    let saved = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()).unwrap_or_default();
    let text = RwSignal::new(saved.clone());
    let status = RwSignal::new(Status::None);
    let kept = RwSignal::new(true);
    let run = installer(text, status, kept, sets, state.catalog);
    let large = Memo::new(move |_| text.with(|t| t.len() > SHOWN_MAX));
    if !saved.trim().is_empty() {
        run();
    }
    let on_file = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
            read_file(file, text, run);
        }
    };
    // A file dropped on the text area is read like a chosen one.
    let on_drop = move |ev: leptos::ev::DragEvent| {
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            ev.prevent_default();
            read_file(file, text, run);
        }
    };
    let download = move |_| {
        let csv = import::to_csv(&import::import(&text.get_untracked()).rows);
        super::export::save("aicompute-imported.csv", "text/csv", &csv);
    };
    view! {
        <details class="import no-print" open=!saved.trim().is_empty()>
            <summary data-testid="import-toggle">{state.tx(Key::ImportTitle)}</summary>
            <p class="help">{state.tx(Key::ImportHelp)}</p>
            <label class="visually-hidden" for="import-data">{state.tx(Key::ImportTitle)}</label>
            <textarea
                id="import-data"
                data-testid="import-data"
                rows="4"
                spellcheck="false"
                placeholder=state.tx(Key::ImportPlaceholder)
                aria-describedby="import-status import-data-error"
                prop:value=move || if large.get() { String::new() } else { text.get() }
                on:input=move |ev| text.set(event_target_value(&ev))
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=on_drop
            ></textarea>
            <Show when=move || large.get()>
                <p class="muted" data-testid="import-large">{move || {
                    let (lines, bytes) = text.with(|t| (t.lines().count(), t.len()));
                    aicompute::say!(state.lang.get(), Key::PageImportLarge, lines = lines, bytes = bytes)
                }}</p>
            </Show>
            <div class="import-row">
                <button type="button" data-testid="import-apply" on:click=move |_| run()>{state.tx(Key::ImportApply)}</button>
                <label class="file">
                    {state.tx(Key::ImportFile)}
                    <input type="file" accept=".csv,.tsv,.txt,text/csv" data-testid="import-file" on:change=on_file/>
                </label>
                <button type="button" class="secondary" data-testid="import-download" on:click=download>
                    {state.tx(Key::ImportDownload)}
                </button>
            </div>
            <ImportStatus status=status/>
            <p class=move || if kept.get() { "muted" } else { "warn" } data-testid="import-kept">
                {move || t(state.lang.get(), if kept.get() { Key::ImportKept } else { Key::ImportNotkept })}
            </p>
        </details>
    }
}

/// What the last import did, and its first 20 problems.
#[component]
fn ImportStatus(status: RwSignal<Status>) -> impl IntoView {
    let state = expect_context::<State>();
    let problems = move || match status.get() {
        Status::Loaded { problems, .. } | Status::Failed(ImportFailure { problems, .. }) => problems,
        Status::None | Status::Reading(_) => Vec::new(),
    };
    view! {
            <p id="import-status" data-testid="import-status" role="status">{move || status.get().message(state.lang.get())}</p>
            <ul id="import-data-error" class="error" data-testid="import-data-error">
                {move || {
                    let lang = state.lang.get();
                    problems().iter().take(20).map(|p| view! { <li>{p.message(lang)}</li> }).collect_view()
                }}
            </ul>
    }
}
