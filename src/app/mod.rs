//! The page: a thin Leptos shell over the core. It holds one `Calculation` in a signal, derives
//! the evaluation from it, keeps it in the URL query and local storage, and renders what the
//! core computed. No arithmetic here.

mod chart;
mod export;
mod fields;
mod import;
mod measured;
mod persist;
mod results;
mod saved;
mod transformer;

use aicompute::calculation::calc::{evaluate, Calculation, Evaluation, Field, Lang, Side};
use aicompute::calculation::examples::Cleared;
use aicompute::calculation::examples::{self, EXAMPLES};
use aicompute::catalog::load::LoadError;
use aicompute::catalog::Catalog;
use aicompute::formats::share::{self, Ignored};
use aicompute::text::i18n::{t, Key};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub(crate) const STORAGE_KEY: &str = "aicompute:last";
/// The viewer's own preferences, apart from any calculation: `lang=zh&projector=1&keep=1`.
const VIEWER_KEY: &str = "aicompute:viewer";

/// Installs the panic hook (console plus a visible message) and mounts the app on the body.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic();
    }));
    if let Some(el) = document().get_element_by_id("loading") {
        el.remove();
    }
    leptos::mount::mount_to_body(App);
    register_service_worker();
}

/// Offline after one visit: the service worker beside the page (`sw.js`, relative, so it works
/// under any sub-path). Where the browser has none (an insecure origin), the page works online.
fn register_service_worker() {
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let promise = navigator.service_worker().register("sw.js");
    leptos::task::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            leptos::logging::warn!("service worker not registered: {e:?}");
        }
    });
}

/// A panic must never leave a blank page: put a message on top of whatever is there.
fn show_panic() {
    let doc = document();
    if doc.get_element_by_id("panic").is_some() {
        return;
    }
    if let (Ok(div), Some(body)) = (doc.create_element("div"), doc.body()) {
        div.set_id("panic");
        div.set_attribute("role", "alert").ok();
        div.set_text_content(Some(&format!("{} / {}", t(Lang::En, Key::ErrorPanic), t(Lang::Zh, Key::ErrorPanic))));
        body.prepend_with_node_1(&div).ok();
    }
}

pub(crate) fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Writes a change to the URL and local storage that still waits for typing to pause (see
/// `persist`); the component tests call it before they read the URL.
pub fn write_pending() {
    persist::flush();
}

/// The viewer's display modes and whether the last calculation is kept: the viewer's, not the
/// calculation's, so links never carry them (a link names a language only when its sender asks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Viewer {
    pub lang: Option<Lang>,
    pub projector: bool,
    pub keep: bool,
}

impl Viewer {
    /// The stored preferences (none on a first visit).
    pub fn stored() -> Viewer {
        let text = storage().and_then(|s| s.get_item(VIEWER_KEY).ok().flatten()).unwrap_or_default();
        let on = |key: &str| text.split('&').any(|p| p == format!("{key}=1"));
        let lang = text.split('&').find_map(|p| match p {
            "lang=en" => Some(Lang::En),
            "lang=zh" => Some(Lang::Zh),
            _ => None,
        });
        Viewer { lang, projector: on("projector"), keep: on("keep") }
    }

    fn store(self) {
        let mut parts = Vec::new();
        if let Some(l) = self.lang {
            parts.push(format!("lang={}", l.key()));
        }
        if self.projector {
            parts.push("projector=1".into());
        }
        if self.keep {
            parts.push("keep=1".into());
        }
        if let Some(s) = storage() {
            s.set_item(VIEWER_KEY, &parts.join("&")).ok();
        }
    }
}

/// The browser's language when the viewer has not chosen one: Chinese for `zh*`.
fn browser_lang() -> Lang {
    let l = window().navigator().language().unwrap_or_default();
    if l.to_ascii_lowercase().starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// Where the parts the page could not use came from, for the notice's heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Unused {
    /// The link the page was opened with.
    #[default]
    Link,
    /// The calculation kept in this browser (`aicompute:last`), partly readable.
    Kept,
    /// The calculation kept in this browser, of which nothing could be read: the worked example
    /// opened instead.
    KeptUnreadable,
}

impl Unused {
    fn heading(self) -> Key {
        match self {
            Unused::Link => Key::ShareIgnored,
            Unused::Kept => Key::KeptPartly,
            Unused::KeptUnreadable => Key::KeptUnreadable,
        }
    }
    fn test_id(self) -> &'static str {
        match self {
            Unused::Link => "link-ignored",
            Unused::Kept | Unused::KeptUnreadable => "kept-ignored",
        }
    }
}

/// How the page opens: the calculation, its language, and what the link (or the kept
/// calculation) could not use.
pub struct Opening {
    pub calc: Calculation,
    pub lang: Lang,
    /// The embedded view (`embed=1`): no header, toolbar or footer.
    pub embed: bool,
    pub ignored: Vec<Ignored>,
    pub from: Unused,
}

/// The calculation a page opens with: the link's; else the last one when the viewer chose to
/// keep it; else the worked example. A link or a stored state that sets no field (`?lang=zh`
/// alone, or garbage) opens the example. The language: the link's when its sender asked, else
/// the viewer's choice, else the browser's. What the link could not use is said; so is what the
/// kept calculation could not (it is then replaced, as every change is, by what the page shows).
pub fn initial() -> Opening {
    let viewer = Viewer::stored();
    let mut search = window().location().search().unwrap_or_default();
    // A reload of a page whose last change had not reached its URL yet: the latest state.
    if let Some(latest) = persist::unsaved(&search) {
        search = latest;
    }
    let from_link = !search.trim_start_matches('?').is_empty();
    let stored = || viewer.keep.then(|| storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())).flatten();
    let fallback = viewer.lang.unwrap_or_else(browser_lang);
    let Some(text) = (if from_link { Some(search) } else { stored() }) else {
        return Opening {
            calc: default_calculation(),
            lang: fallback,
            embed: false,
            ignored: Vec::new(),
            from: Unused::Link,
        };
    };
    let d = share::decode(&text);
    let unreadable = d.calc == Calculation::default();
    let from = match (from_link, unreadable) {
        (true, _) => Unused::Link,
        (false, false) => Unused::Kept,
        (false, true) => Unused::KeptUnreadable,
    };
    let calc = if unreadable { default_calculation() } else { d.calc };
    Opening { calc, lang: d.lang.unwrap_or(fallback), embed: from_link && d.embed, ignored: d.ignored, from }
}

/// AlexNet by both methods, each marked as the worked example's (see the core).
pub fn default_calculation() -> Calculation {
    examples::default_calculation()
}

/// The page's whole state, shared through context.
#[derive(Clone, Copy)]
pub struct State {
    pub calc: RwSignal<Calculation>,
    pub eval: Memo<Evaluation>,
    /// The viewer's language and projector mode: display modes, not part of the calculation.
    pub lang: RwSignal<Lang>,
    pub projector: RwSignal<bool>,
    /// Whether the last calculation is kept in this browser for the bare address.
    pub keep: RwSignal<bool>,
    /// What the last edit cleared of a worked example, until restored or dismissed.
    pub cleared: RwSignal<Option<Cleared>>,
    /// The calculation "New calculation" replaced, until restored by the notice's Undo,
    /// dismissed, or replaced by a preset or a saved one; the empty calculation when there is
    /// none (a signal of a type the page already has: a new type is generic code of its own).
    pub undo: RwSignal<Calculation>,
    /// The cleared example the replaced calculation had, which the Undo brings back too.
    pub undo_cleared: RwSignal<Option<Cleared>>,
    /// In an exercise, whether the student has revealed the worked answer.
    pub revealed: RwSignal<bool>,
    /// The chips and data sets: what reads them recomputes when Epoch AI's files or the user's
    /// rows arrive.
    pub catalog: RwSignal<Catalog>,
}

impl State {
    pub fn t(&self, key: Key) -> &'static str {
        t(self.lang.get(), key)
    }
    /// The text of `key` in the page's language, following it, for a view: one closure type for
    /// every translated string (a closure written at each of ~80 places is code of its own in
    /// the wasm).
    pub fn tx(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }
    /// Sets a field as the user typed it (see `Calculation::edit`: the other method's untouched
    /// example is cleared, and the notice offers it back).
    pub fn edit(self, field: Field, value: String) {
        let mut cleared = None;
        self.calc.update(|c| cleared = c.edit(field, value));
        if cleared.is_some() {
            self.cleared.set(cleared);
        }
    }
    /// The user changed something of `side` other than a field (a switch, a pasted config).
    pub fn touch(self, side: Side, change: impl FnOnce(&mut Calculation)) {
        let mut cleared = None;
        self.calc.update(|c| {
            cleared = c.touch(side);
            change(c);
        });
        if cleared.is_some() {
            self.cleared.set(cleared);
        }
    }
    /// Whether the results are hidden: an exercise whose answer is not revealed yet.
    pub fn answer_hidden(&self) -> bool {
        self.calc.with(|c| c.quiz) && !self.revealed.get()
    }
}

#[component]
pub fn App() -> impl IntoView {
    let o = initial();
    if let Some(el) = document().document_element() {
        el.class_list().toggle_with_force("embed", o.embed).ok();
    }
    view! { <Page initial=o.calc lang=o.lang ignored=o.ignored from=o.from/> }
}

/// The page for a starting calculation (the tests mount it directly).
#[component]
pub fn Page(
    initial: Calculation,
    #[prop(optional)] lang: Lang,
    #[prop(optional)] ignored: Vec<Ignored>,
    #[prop(optional)] from: Unused,
    /// The catalog to start with (the built-in one unless given: the tests give one with Epoch
    /// AI's hardware, which the page otherwise fetches).
    #[prop(optional)]
    catalog: Option<Catalog>,
) -> impl IntoView {
    let calc = RwSignal::new(initial);
    let viewer = Viewer::stored();
    let catalog = RwSignal::new(catalog.unwrap_or_else(Catalog::builtin));
    let eval = Memo::new(move |_| catalog.with(|cat| calc.with(|c| evaluate(c, cat))));
    let state = State {
        calc,
        eval,
        lang: RwSignal::new(lang),
        projector: RwSignal::new(viewer.projector),
        keep: RwSignal::new(viewer.keep),
        cleared: RwSignal::new(None),
        undo: RwSignal::new(Calculation::default()),
        undo_cleared: RwSignal::new(None),
        revealed: RwSignal::new(false),
        catalog,
    };
    provide_context(state);
    provide_context(export::DrawnChart(RwSignal::new(None)));
    provide_context(saved::load());

    follow_document(state);
    load_hardware(catalog);
    let ignored = RwSignal::new(ignored);
    view! {
        <header class="top">
            <div class="title">
                <h1>{state.tx(Key::AppTitle)}</h1>
                <p class="subtitle">{state.tx(Key::AppSubtitle)}</p>
                <p class="pfsday">{move || aicompute::text::format::superscript(state.t(Key::AppPfsday))}</p>
                <p class="pfsday" data-testid="terms">{move || aicompute::text::format::superscript(state.t(Key::AppTerms))}</p>
            </div>
            <PageControls/>
        </header>
        <IgnoredNotice ignored=ignored from=from/>
        <ClearedNotice/>
        <PresetInfo/>
        <main class="grid">
            <fields::Method1Panel/>
            <fields::Method2Panel/>
            <results::Results/>
            <chart::Trend/>
        </main>
        <PageFooter/>
    }
}

/// Epoch AI's hardware catalog (the file Trunk copies beside the page), fetched as the page
/// starts rather than embedded: the first load is lighter, OpenAI's 2018 chips answer at once,
/// and until it arrives any other chip name says it is loading. The root element's
/// `data-hardware` says how it went (`loaded` or `failed`), for tests.
fn load_hardware(catalog: RwSignal<Catalog>) {
    const FILE: &str = "epoch-ml-hardware.csv";
    let settled = |how: &str| {
        if let Some(el) = document().document_element() {
            el.set_attribute("data-hardware", how).ok();
        }
    };
    if catalog.with_untracked(Catalog::hardware_loaded) {
        settled("loaded");
        return;
    }
    leptos::task::spawn_local(async move {
        let installed =
            load_data(FILE, "hardware catalog", catalog, Catalog::install_hardware, Catalog::hardware_failed).await;
        settled(if installed.is_ok() { "loaded" } else { "failed" });
    });
}

/// Fetches a data file beside the page and installs its text in the catalog with `install`, in
/// one update (in which `failed` runs when the file could not be had or read). Once installed, the
/// text goes to the service worker to keep for offline visits. An install error is logged under
/// `what` and is [`LoadError::Unreadable`] to the page.
pub(crate) async fn load_data<T, E: std::fmt::Display>(
    file: &'static str,
    what: &'static str,
    catalog: RwSignal<Catalog>,
    install: impl FnOnce(&mut Catalog, &str) -> Result<T, E>,
    failed: impl FnOnce(&mut Catalog, LoadError),
) -> Result<T, LoadError> {
    let text = fetch_text(file).await;
    let mut result = Err(LoadError::Unreadable);
    catalog.update(|cat| {
        result = text.as_deref().map_err(|e| *e).and_then(|t| {
            install(cat, t).map_err(|e| {
                leptos::logging::warn!("{what}: {e}");
                LoadError::Unreadable
            })
        });
        if let Err(e) = result {
            failed(cat, e);
        }
    });
    if let (Ok(_), Ok(t)) = (&result, text) {
        keep_offline(file, t);
    }
    result
}

/// Lets the browser handle what is waiting (input, painting): a zero-delay timeout.
pub(crate) async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).ok();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}

/// Resolves once the page's next frame has been painted (an animation frame, then a zero-delay
/// timeout after it): for work the first view does not show, kept out of the start's long task.
pub(crate) async fn after_next_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).ok();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.ok();
    yield_to_browser().await;
}

/// The text of a file beside the page, or why not as a value (said in the page's language by
/// the core, never the browser's own error text).
pub(crate) async fn fetch_text(url: &str) -> Result<String, LoadError> {
    use wasm_bindgen_futures::JsFuture;
    // A fetch that rejects had no answer at all: offline (the service worker has no copy either).
    let resp = JsFuture::from(window().fetch_with_str(url)).await.map_err(|_| LoadError::Offline)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| LoadError::NotText)?;
    if !resp.ok() {
        return Err(LoadError::Http(resp.status()));
    }
    // The body can still fail to arrive: the connection dropped.
    let text = JsFuture::from(resp.text().map_err(|_| LoadError::NotText)?).await.map_err(|_| LoadError::Offline)?;
    text.as_string().ok_or(LoadError::NotText)
}

/// Hands the service worker a data file the page fetched, to keep for offline visits (a fetch it
/// did not see, made before it took control of a first visit, would otherwise be missing
/// offline). The page sends the text it already has: no second download, and nothing a network
/// failure at that moment can lose. Where there is no service worker, nothing.
fn keep_offline(name: &'static str, text: String) {
    use js_sys::Reflect;
    let navigator = window().navigator();
    if !Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let Ok(ready) = navigator.service_worker().ready() else { return };
    leptos::task::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(ready).await else { return };
        let Ok(active) = Reflect::get(&reg, &"active".into()) else { return };
        let post =
            Reflect::get(&active, &"postMessage".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(post) = post {
            // The message is [file name, text]; the worker keeps only its own data files.
            post.call1(&active, &js_sys::Array::of2(&name.into(), &text.into())).ok();
        }
    });
}

/// What outside the page follows the calculation: the URL and local storage (replaceState, no
/// history spam, off the keystroke path: see `persist`), the document's language and title, and
/// projector mode (a class on the root element enlarges type in CSS, and the chart).
fn follow_document(state: State) {
    let calc = state.calc;
    Effect::new(move |_| persist::changed(calc.with(share::encode), state.keep.get()));
    persist::listen();
    // The viewer's choices are kept apart from the calculation.
    Effect::new(move |_| {
        Viewer { lang: Some(state.lang.get()), projector: state.projector.get(), keep: state.keep.get() }.store();
    });
    Effect::new(move |_| {
        let l = state.lang.get();
        if let Some(el) = document().document_element() {
            el.set_attribute("lang", l.html()).ok();
        }
        document().set_title(&format!("{} · {}", t(l, Key::AppTitle), t(l.other(), Key::AppTitle)));
    });
    Effect::new(move |_| {
        let on = state.projector.get();
        if let Some(el) = document().document_element() {
            el.class_list().toggle_with_force("projector", on).ok();
        }
    });
}

/// The header's buttons: presets, a new calculation, copy link and the other ways to share,
/// projector mode, print, the other language.
#[component]
fn PageControls() -> impl IntoView {
    let state = expect_context::<State>();
    let pressed = |on: bool| if on { "true" } else { "false" };
    let new_calculation = move |_| {
        // Kept for the notice's Undo: the calculation exactly as it was, and its cleared example.
        let previous = state.calc.get_untracked();
        if previous != Calculation::default() {
            state.undo_cleared.set(state.cleared.get_untracked());
            state.undo.set(previous);
        }
        state.cleared.set(None);
        state.calc.set(Calculation::default());
    };
    view! {
        <div class="controls no-print">
            <PresetMenu/>
            <button type="button" class="secondary" data-testid="new-calculation" on:click=new_calculation>
                {state.tx(Key::NewCalculation)}
            </button>
            <CopyLink/>
            <button
                type="button"
                class="secondary"
                data-testid="projector-toggle"
                aria-pressed=move || pressed(state.projector.get())
                on:click=move |_| state.projector.update(|p| *p = !*p)
            >
                {state.tx(Key::Projector)}
            </button>
            <button type="button" class="secondary" on:click=move |_| { window().print().ok(); }>
                {state.tx(Key::Print)}
            </button>
            <button
                type="button"
                class="secondary"
                data-testid="lang-switch"
                lang=move || state.lang.get().other().html()
                on:click=move |_| state.lang.update(|l| *l = l.other())
            >
                {state.tx(Key::LangSwitch)}
            </button>
        </div>
    }
}

/// After an edit cleared the other method's untouched worked example: says so, and offers it
/// back. After "New calculation": says the fields were emptied, with an Undo that brings back
/// the calculation it replaced, exactly (and so the address, which follows the calculation).
/// One view for both notices (a view written twice is its code twice in the wasm); they never
/// show together: a new calculation has no example left to clear.
#[component]
fn ClearedNotice() -> impl IntoView {
    let state = expect_context::<State>();
    let undoing = move || state.undo.with(|c| *c != Calculation::default());
    let take_back = move |_| {
        let previous = state.undo.get_untracked();
        if previous != Calculation::default() {
            state.calc.set(previous);
            state.cleared.set(state.undo_cleared.get_untracked());
        } else if let Some(c) = state.cleared.get_untracked() {
            state.calc.update(|calc| calc.restore(&c));
            state.cleared.set(None);
        }
        state.undo.set(Calculation::default());
    };
    let dismiss = move |_| {
        state.cleared.set(None);
        state.undo.set(Calculation::default());
    };
    move || {
        let (ids, keys) = if undoing() {
            (("new-notice", "new-undo"), (Key::PageNewDone, Key::PageNewUndo))
        } else {
            state.cleared.with(Option::is_some).then_some(())?;
            (("example-cleared", "example-restore"), (Key::ExampleCleared, Key::ExampleRestore))
        };
        Some(view! {
            <div class="notice no-print" role="status" data-testid=ids.0>
                <p>{state.t(keys.0)}</p>
                <button type="button" class="secondary" data-testid=ids.1 on:click=take_back>
                    {state.tx(keys.1)}
                </button>
                <button type="button" class="secondary dismiss" aria-label=state.tx(Key::NoticeDismiss) on:click=dismiss>"×"</button>
            </div>
        })
    }
}

/// The parts of the opening link (or of the kept calculation) that were ignored, until
/// dismissed.
#[component]
fn IgnoredNotice(ignored: RwSignal<Vec<Ignored>>, from: Unused) -> impl IntoView {
    let state = expect_context::<State>();
    move || {
        let list = ignored.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-testid=from.test_id()>
                    <p>{state.t(from.heading())}</p>
                    <ul>{list.into_iter().map(|i| view! { <li>{move || i.message(state.lang.get())}</li> }).collect_view()}</ul>
                    <button type="button" class="secondary no-print dismiss" aria-label=state.tx(Key::NoticeDismiss) on:click=move |_| ignored.set(Vec::new())>"×"</button>
                </div>
            }
        })
    }
}

/// Accuracy, credit and licences.
#[component]
fn PageFooter() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <footer>
            <p class="keep no-print">
                <label>
                    <input
                        type="checkbox"
                        data-testid="keep-calculation"
                        prop:checked=move || state.keep.get()
                        on:change=move |ev| state.keep.set(event_target_checked(&ev))
                    />
                    " " {state.tx(Key::NewKeep)}
                </label>
                " "
                <span class="keep-status" data-testid="keep-status">
                    {move || state.t(if state.keep.get() { Key::NewKept } else { Key::NewNotkept })}
                </span>
            </p>
            // The Chinese account's terms are the Chinese page's: said on it.
            <p>
                {state.tx(Key::FooterAccuracy)}
                {move || (state.lang.get() == Lang::Zh).then(|| state.t(Key::FooterTranslation))}
            </p>
            <p>
                {state.tx(Key::FooterCredit)}
                <a href="https://openai.com/index/ai-and-compute/">"OpenAI"</a> " · "
                <a href="https://epoch.ai/data/notable-ai-models">{state.tx(Key::PageFooterModels)}</a> " · "
                <a href="https://epoch.ai/data/machine-learning-hardware">{state.tx(Key::PageFooterHardware)}</a> " · "
                <a href="https://creativecommons.org/licenses/by/4.0/">"CC BY 4.0"</a>
            </p>
        </footer>
    }
}

/// The preset menu: the appendix's worked examples and two modern models.
#[component]
fn PresetMenu() -> impl IntoView {
    let state = expect_context::<State>();
    let on_change = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if let Some(ex) = examples::find(&id) {
            let lang = state.lang.get_untracked();
            state.cleared.set(None);
            state.undo.set(Calculation::default());
            state.calc.set(Calculation { name: ex.display_name(lang), ..ex.calculation() });
        }
        // Back to the prompt, so the same example can be chosen again.
        if let Some(sel) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
            sel.set_value("");
        }
    };
    view! {
        <label class="preset">
            <span class="sr-only">{state.tx(Key::PresetLabel)}</span>
            <select data-testid="preset-menu" on:change=on_change>
                <option value="">{state.tx(Key::PresetNone)}</option>
                {[(true, Key::PresetSeed), (false, Key::PresetModern)].map(|(seed, key)| view! {
                    <optgroup label=state.tx(key)>
                        {move || EXAMPLES.iter().filter(|e| e.seed == seed).map(|e| view! { <option value=e.id>{e.display_name(state.lang.get())}</option> }).collect_view()}
                    </optgroup>
                })}
            </select>
        </label>
    }
}

/// When the calculation is exactly a worked example: its published figure beside the exact one.
#[component]
fn PresetInfo() -> impl IntoView {
    let state = expect_context::<State>();
    let current = Memo::new(move |_| {
        state.calc.with(|c| {
            EXAMPLES.iter().position(|e| {
                let mut ec = e.calculation();
                ec.name.clone_from(&c.name);
                ec.last = c.last;
                ec.basis = c.basis;
                ec == *c
            })
        })
    });
    move || {
        // A preset on one of Epoch AI's chips has its exact figure once the catalog is here.
        let ex = &EXAMPLES[current.get()?];
        let lang = state.lang.get();
        let (exact, differs, difference) =
            state.catalog.with(|cat| Some((ex.exact_pfs_days(cat)?, ex.differs(cat), ex.difference_in(cat, lang))))?;
        let fmt = |v: f64| {
            aicompute::text::format::superscript(&aicompute::text::format::readable(
                v,
                3,
                aicompute::text::render::sep(lang),
            ))
        };
        let colon = aicompute::text::i18n::colon(lang);
        Some(view! {
            <section class="preset-info" data-testid="preset-info">
                <h2>{ex.display_name(lang)}</h2>
                <p class="printed">{ex.printed_shown(lang)}</p>
                <p>
                    {t(lang, Key::PresetPublished)} {colon} <strong data-testid="preset-published">{fmt(ex.published_pfs_days)} " pfs-days"</strong>
                    " · " {t(lang, Key::PresetExact)} {colon} <strong data-testid="preset-exact">{fmt(exact)} " pfs-days"</strong>
                </p>
                {differs.then(|| view! {
                    <p class="warn">{difference}</p>
                })}
                <p class="source">{t(lang, Key::PresetSource)} {colon} {ex.source_in(lang)}</p>
            </section>
        })
    }
}

/// What a share button copies.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Copied {
    Link,
    Quiz,
    Embed,
}

/// The calculation's link from this page: the language only when the sender asks; never a
/// display mode.
fn share_link(state: State, with_lang: bool, quiz: bool) -> String {
    let l = window().location();
    let base = format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default());
    let lang = with_lang.then(|| state.lang.get_untracked());
    let query = state.calc.with(|c| share::encode_in(&Calculation { quiz: quiz || c.quiz, ..c.clone() }, lang));
    format!("{base}?{query}")
}

/// Copies the page's link; where the clipboard is refused, shows the link to copy by hand.
#[component]
fn CopyLink() -> impl IntoView {
    let state = expect_context::<State>();
    // What the last copy did: a message key, and the link when the clipboard refused it, so
    // the status follows the page's language.
    let status = RwSignal::new(None::<(Key, Option<String>)>);
    let with_lang = RwSignal::new(false);
    let qr_open = RwSignal::new(false);
    let menu = NodeRef::<leptos::html::Details>::new();
    // The menu closes once one of its actions is done, so it never covers the page.
    let close = move || {
        if let Some(d) = menu.get_untracked() {
            d.set_open(false);
        }
    };
    // The link of the calculation, as an exercise, or the snippet that embeds it.
    let copy = move |what: Copied| {
        // Cleared first, so each copy's outcome shows as a fresh status (tests wait on it).
        status.set(None);
        close();
        let href = share_link(state, with_lang.get_untracked(), what == Copied::Quiz);
        let text =
            if what == Copied::Embed { share::embed_snippet(&href, state.t(Key::AppTitle)) } else { href.clone() };
        let promise = window().navigator().clipboard().write_text(&text);
        let done = match what {
            Copied::Link => Key::ShareCopied,
            Copied::Quiz => Key::ShareQuizCopied,
            Copied::Embed => Key::ShareEmbedCopied,
        };
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => status.set(Some((done, None))),
                Err(_) => status.set(Some((Key::ShareCopyfail, Some(text)))),
            }
        });
    };
    // The QR code follows the link: every change of the calculation or of the language choice.
    let qr = Memo::new(move |_| {
        let href = share_link(state, with_lang.get(), false);
        aicompute::formats::qr::svg(&href, 240, state.t(Key::ShareQrTitle))
    });
    view! {
        <button type="button" data-testid="copy-link" on:click=move |_| copy(Copied::Link)>{state.tx(Key::ShareCopy)}</button>
        <details class="share-menu" data-testid="share-menu" node_ref=menu>
            <summary>{state.tx(Key::ShareMore)}</summary>
            <div class="share-items">
                <button type="button" class="secondary" data-testid="make-quiz" on:click=move |_| copy(Copied::Quiz)>{state.tx(Key::ShareQuiz)}</button>
                <button type="button" class="secondary" data-testid="embed-code" on:click=move |_| copy(Copied::Embed)>{state.tx(Key::ShareEmbed)}</button>
                <button type="button" class="secondary" data-testid="share-qr-toggle"
                    aria-expanded=move || if qr_open.get() { "true" } else { "false" }
                    on:click=move |_| {
                        qr_open.update(|o| *o = !*o);
                        close();
                    }>
                    {state.tx(Key::ShareQr)}
                </button>
                <label class="share-lang">
                    <input
                        type="checkbox"
                        data-testid="share-lang"
                        prop:checked=move || with_lang.get()
                        on:change=move |ev| with_lang.set(event_target_checked(&ev))
                    />
                    " " {state.tx(Key::ShareWithLang)}
                </label>
            </div>
        </details>
        <Show when=move || qr_open.get() || state.projector.get()>
            <figure class="share-qr">
                <div data-testid="share-qr" inner_html=move || qr.get().unwrap_or_default()></div>
                <figcaption>{move || if qr.with(Option::is_some) { state.t(Key::ShareQrCaption) } else { state.t(Key::ShareQrToolong) }}</figcaption>
            </figure>
        </Show>
        <span class="copy-status" role="status" data-testid="copy-status">
            {move || status.with(|s| s.as_ref().map(|(key, href)| {
                let said = t(state.lang.get(), *key);
                href.as_ref().map_or_else(|| said.to_string(), |h| format!("{said}{h}"))
            }))}
        </span>
    }
}
