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
    Loaded { rows: usize, skipped: usize, problems: Vec<RowProblem> },
    Failed(ImportFailure),
}

impl Status {
    fn message(&self, lang: Lang) -> String {
        match self {
            Status::None => String::new(),
            Status::Loaded { rows, skipped, problems } => {
                let p = problems.len();
                let noun = if *rows == 1 { "row" } else { "rows" };
                aicompute::text::i18n::tr(
                    lang,
                    format!("{rows} {noun} on the chart; {skipped} skipped for having no compute; {p} with a problem"),
                    format!("{rows} 行已绘入图中；{skipped} 行因缺少算力而跳过；{p} 行有问题"),
                )
            }
            Status::Failed(f) => f.error.message(lang),
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Installs `text` as the imported set of `cat` (or clears it when empty) and says how it went.
fn apply(cat: &mut Catalog, text: &str) -> Status {
    if text.trim().is_empty() {
        cat.clear_imported();
        return Status::None;
    }
    match cat.install_imported(text) {
        Ok(s) => Status::Loaded { rows: s.installed, skipped: s.skipped_no_compute, problems: s.problems },
        Err(e) => Status::Failed(e),
    }
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

/// Installs the text as the imported data set, keeps it in local storage (`kept` says whether it
/// could), and shows the set on the chart when it has rows.
fn installer(
    text: RwSignal<String>,
    status: RwSignal<Status>,
    kept: RwSignal<bool>,
    sets: RwSignal<Vec<DatasetId>>,
    catalog: RwSignal<Catalog>,
) -> impl Fn() + Copy + 'static {
    move || {
        let mut s = Status::None;
        catalog.update(|cat| s = text.with_untracked(|t| apply(cat, t)));
        kept.set(text.with_untracked(|t| keep(t)));
        let loaded = matches!(s, Status::Loaded { .. });
        sets.update(|v| {
            v.retain(|d| *d != DatasetId::Imported);
            if loaded {
                v.push(DatasetId::Imported);
            }
        });
        status.set(s);
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
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=on_drop
            ></textarea>
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
        Status::None => Vec::new(),
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
