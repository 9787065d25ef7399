//! The trend chart on a canvas: the core draws it (plotters-canvas backend); this file only sizes
//! the canvas for the device pixel ratio, redraws on change and resize, and shows the source of
//! the point under the pointer.

use super::State;
use aicompute::catalog::data::{DatasetId, Model};
use aicompute::catalog::load::LoadError;
use aicompute::catalog::Catalog;
use aicompute::plot::chart::{self, ChartSpec, Layout, Points, UserPoint};
use aicompute::plot::trend::{Selection, ERAS};
use aicompute::text::i18n::Key;
use leptos::prelude::*;
use plotters::prelude::*;

/// Epoch AI's notable models are fetched only when asked for (they would add about 25 KB gzip
/// to the first load).
#[derive(Clone, Debug, PartialEq)]
enum EpochData {
    NotLoaded,
    Loading,
    Loaded(usize),
    Failed(LoadError),
}

/// The file Trunk copies beside the page (relative URL: any sub-path works).
const EPOCH_FILE: &str = "epoch-notable-models.csv";

fn dark_mode() -> bool {
    window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches())
}

/// A number or sentence as the page shows it: exponents as superscripts.
fn sup(text: &str) -> String {
    aicompute::text::format::superscript(text)
}

/// The fit choices: the three eras, or every drawn point.
fn fit_selection(key: &str, drawn: &[DatasetId]) -> Selection {
    ERAS.iter().find(|e| e.key == key).map(|e| e.selection()).unwrap_or_else(|| Selection::of(drawn))
}

/// The chart's background layer (all but the user's point and the legend), kept in a canvas of its
/// own that is never shown, with what it was drawn for.
struct Background {
    canvas: web_sys::HtmlCanvasElement,
    spec: ChartSpec,
    /// Its `more_markers` are the markers still to draw on it: many imported rows are drawn a
    /// slice at a time, the page answering between slices (see [`draw_rest_later`]); its
    /// `markers` those drawn so far.
    layout: Layout,
}

/// Whether the kept background is not the one `spec` wants on `canvas` (none kept, another size
/// or another background).
fn stale(
    canvas: &web_sys::HtmlCanvasElement,
    spec: &ChartSpec,
    background: StoredValue<Option<Background>, LocalStorage>,
) -> bool {
    let (w, h) = (canvas.width(), canvas.height());
    background.with_value(|b| {
        !b.as_ref()
            .is_some_and(|b| b.canvas.width() == w && b.canvas.height() == h && chart::same_background(&b.spec, spec))
    })
}

/// Draws the chart on `canvas`: the background again only when it changed (size, language,
/// theme, data sets, fit, Moore line, thresholds, saved estimates or axis ranges), else the kept
/// one; then the user's point and the legend. A keystroke costs the same at any number of points.
fn draw_layered(
    canvas: &web_sys::HtmlCanvasElement,
    spec: &ChartSpec,
    background: StoredValue<Option<Background>, LocalStorage>,
) -> Result<Layout, String> {
    use super::measured::Measured;
    use wasm_bindgen::JsCast;
    if stale(canvas, spec, background) {
        let (w, h) = (canvas.width(), canvas.height());
        let layer = match background.with_value(|b| b.as_ref().map(|b| b.canvas.clone())) {
            Some(c) => c,
            None => document().create_element("canvas").map_err(|e| format!("{e:?}"))?.unchecked_into(),
        };
        if layer.width() != w || layer.height() != h {
            layer.set_width(w);
            layer.set_height(h);
        }
        let backend = Measured::canvas(layer.clone()).ok_or("no 2d context")?;
        let layout = chart::draw_part(&backend.into_drawing_area(), spec, chart::Part::Background).map_err(|e| e.0)?;
        background.set_value(Some(Background { canvas: layer, spec: spec.clone(), layout }));
    }
    let ctx: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok().flatten().ok_or("no 2d context")?.unchecked_into();
    let backend = Measured::canvas(canvas.clone()).ok_or("no 2d context")?;
    let root = backend.into_drawing_area();
    // The kept background, then the user's point among its words as placed: nothing here walks
    // the markers again.
    let over = background.with_value(|b| {
        let b = b.as_ref()?;
        ctx.draw_image_with_html_canvas_element(&b.canvas, 0.0, 0.0).ok()?;
        Some(
            chart::draw_over(&root, spec, chart::Part::Foreground, &b.layout)
                .map(|front| Layout { markers: b.layout.markers.clone(), ..front }),
        )
    });
    over.unwrap_or_else(|| chart::draw(&root, spec)).map_err(|e| e.0)
}

/// The chart's own state: what it shows and how, and what it derives from the calculation.
/// Signals and memos only, so it is `Copy` and each piece of the panel takes it whole.
#[derive(Clone, Copy)]
struct ChartState {
    sets: RwSignal<Vec<DatasetId>>,
    show_thresholds: RwSignal<bool>,
    fit_key: RwSignal<String>,
    moore: RwSignal<f64>,
    /// The canvas in device pixels, and the device pixel ratio.
    size: RwSignal<(u32, u32, f64)>,
    epoch: RwSignal<EpochData>,
    fit: Memo<Option<aicompute::plot::trend::Fit>>,
    /// The points shown, selected once per change for the chart and the data table (shared: a
    /// drawing copies a pointer).
    points: Memo<Points>,
    /// The user's estimate (the first method that has one) and its date, if given.
    estimate: Memo<Option<(aicompute::language::expr::Value, Option<f64>)>>,
    saved: Memo<Vec<UserPoint>>,
}

impl ChartState {
    fn new(state: State) -> ChartState {
        let sets = RwSignal::new(vec![DatasetId::OpenAi2018, DatasetId::Modest2018]);
        let fit_key = RwSignal::new("modern-2012-2018".to_string());
        let catalog = state.catalog;
        let loaded = catalog.with_untracked(|c| c.epoch().is_some());
        let epoch = RwSignal::new(if loaded { EpochData::Loaded(0) } else { EpochData::NotLoaded });
        let saved = expect_context::<super::saved::Saved>();
        ChartState {
            sets,
            show_thresholds: RwSignal::new(true),
            fit_key,
            moore: RwSignal::new(18.0),
            size: RwSignal::new((0, 0, 1.0)),
            epoch,
            fit: Memo::new(move |_| {
                let k = fit_key.get();
                catalog.with(|cat| sets.with(|s| fit_selection(&k, s).fit(cat)))
            }),
            points: Memo::new(move |_| {
                catalog.with(|cat| sets.with(|s| Selection::of(s).points(cat).into_iter().cloned().collect()))
            }),
            estimate: Memo::new(move |_| {
                if state.answer_hidden() {
                    return None;
                }
                state.eval.with(|e| Some((e.current()?.flop, e.date.clone().ok().flatten())))
            }),
            saved: Memo::new(move |_| catalog.with(|cat| saved.0.with(|l| super::saved::points(l, cat)))),
        }
    }

    /// What to draw, at `dpr` device pixels per CSS pixel.
    fn spec(&self, state: State, dpr: f64) -> ChartSpec {
        let user = self.estimate.get().and_then(|(flop, date)| Some((flop, date?)));
        let label = state.calc.with(|c| c.name.clone());
        ChartSpec {
            background: chart::Background {
                points: self.points.get(),
                fit: self.fit.get(),
                moore_months: Some(self.moore.get()).filter(|m| *m > 0.0),
                saved: self.saved.get(),
                thresholds: self.show_thresholds.get(),
                lang: state.lang.get(),
                dark: dark_mode(),
                // Projector mode: type and strokes half as large again.
                scale: dpr * if state.projector.get() { 1.5 } else { 1.0 },
                ..Default::default()
            },
            user: user.map(|(v, years)| UserPoint { years, flop: v.mid(), low: v.lo, high: v.hi, label }),
        }
    }
}

/// Fetches Epoch AI's models the first time a data set or fit asks for them.
fn load_epoch_when_wanted(c: ChartState, catalog: RwSignal<Catalog>) {
    Effect::new(move |_| {
        let wanted = c.sets.with(|s| s.contains(&DatasetId::Epoch)) || c.fit_key.with(|k| k == "epoch-2010-2024");
        // Once failed, asking again (the toggle off and on) tries again.
        let idle = matches!(c.epoch.get_untracked(), EpochData::NotLoaded | EpochData::Failed(_));
        if wanted && idle {
            c.epoch.set(EpochData::Loading);
            leptos::task::spawn_local(async move {
                let result =
                    super::load_data(EPOCH_FILE, "Epoch AI's models", catalog, Catalog::install_epoch, |_, _| {}).await;
                c.epoch.set(match result {
                    Ok(n) => EpochData::Loaded(n),
                    Err(e) => EpochData::Failed(e),
                });
            });
        }
    });
}

/// Sizes the canvas to its CSS box times the device pixel ratio, now, on resize and when the
/// system switches between light and dark (a redraw in the other colours); not while printing
/// (see [`print_at_paper_size`]), and again after.
fn follow_size(
    canvas_ref: NodeRef<leptos::html::Canvas>,
    size: RwSignal<(u32, u32, f64)>,
    printing: StoredValue<bool>,
) {
    let measure = move || {
        if printing.get_value() {
            return;
        }
        if let Some(c) = canvas_ref.get_untracked() {
            let dpr = window().device_pixel_ratio().max(1.0);
            let w = c.client_width().max(300) as f64;
            let h = chart::height_for(w);
            size.set(((w * dpr) as u32, (h * dpr) as u32, dpr));
        }
    };
    Effect::new(move |_| {
        if canvas_ref.get().is_some() {
            measure();
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());
    let after = window_event_listener(leptos::ev::Custom::<leptos::ev::Event>::new("afterprint"), move |_| {
        printing.set_value(false);
        if let Some(c) = canvas_ref.get_untracked() {
            c.remove_attribute("data-printed").ok();
        }
        measure();
    });
    on_cleanup(move || after.remove());
    if let Ok(Some(mq)) = window().match_media("(prefers-color-scheme: dark)") {
        use wasm_bindgen::{closure::Closure, JsCast};
        let on_change = Closure::<dyn Fn()>::new(move || size.update(|_| {}));
        mq.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref()).ok();
        on_change.forget(); // lives as long as the page
    }
}

/// The chart on paper, in CSS pixels: the narrowest of the wide layout (600 and up; a screen's
/// is up to 1,500), so that its type, printed at the handout's chart size (`style/main.css`,
/// 5 cm high, 9.1 cm wide), reads at about 5.6 pt instead of 2.8.
const PRINT_WIDTH: f64 = chart::NARROW;
/// Device pixels per CSS pixel on paper: about 400 dpi at that size.
const PRINT_DPR: f64 = 3.0;

/// Before printing, draws the chart again at once for paper (the browser lays out the printed
/// page straight after the `beforeprint` event, before any effect could run): at
/// [`PRINT_WIDTH`], light, every marker in one drawing. `follow_size` puts the screen's size back
/// after printing, which redraws it over the kept background.
fn print_at_paper_size(
    state: State,
    c: ChartState,
    canvas_ref: NodeRef<leptos::html::Canvas>,
    printing: StoredValue<bool>,
) {
    let before = window_event_listener(leptos::ev::Custom::<leptos::ev::Event>::new("beforeprint"), move |_| {
        let Some(canvas) = canvas_ref.get_untracked() else { return };
        printing.set_value(true);
        let mut spec = leptos::reactive::graph::untrack(|| c.spec(state, PRINT_DPR));
        spec.background.dark = false;
        spec.background.scale = PRINT_DPR;
        let height = chart::height_for(PRINT_WIDTH) * PRINT_DPR;
        canvas.set_width((PRINT_WIDTH * PRINT_DPR) as u32);
        canvas.set_height(height as u32);
        let drawn = super::measured::Measured::canvas(canvas.clone())
            .ok_or_else(|| "no 2d context".to_string())
            .and_then(|b| chart::draw(&b.into_drawing_area(), &spec).map_err(|e| e.0));
        match drawn {
            // What end-to-end tests wait for.
            Ok(_) => drop(canvas.set_attribute("data-printed", "true")),
            Err(e) => leptos::logging::error!("chart, for print: {e}"),
        }
    });
    on_cleanup(move || before.remove());
}

/// What the last drawing left for the pointer: where the markers are and which models they are.
#[derive(Clone, Copy)]
struct Drawn {
    layout: StoredValue<Layout>,
    shown: StoredValue<Points>,
}

/// Redraws the chart whenever what it shows changes (not while printing).
fn redraw_on_change(
    state: State,
    c: ChartState,
    canvas_ref: NodeRef<leptos::html::Canvas>,
    drawn: Drawn,
    printing: StoredValue<bool>,
) {
    let background = StoredValue::new_local(None::<Background>);
    let scheduled = StoredValue::new(false);
    let deferred = StoredValue::new(false);
    let css_height = StoredValue::new(String::new());
    Effect::new(move |_| {
        let (w, h, dpr) = c.size.get();
        let Some(canvas) = canvas_ref.get() else { return };
        // While printing, the canvas holds the drawing for paper (see `print_at_paper_size`).
        if w == 0 || printing.get_value() {
            return;
        }
        // Resizing clears the canvas (and costs a new bitmap): only when the size changed. The
        // background drawn below is opaque and covers every pixel.
        if canvas.width() != w || canvas.height() != h {
            canvas.set_width(w);
            canvas.set_height(h);
        }
        // Through CSSOM, not a style attribute: a strict CSP (style-src 'self') allows only the
        // former. Only when it changes: each write would dirty the page's layout.
        let height = format!("{}px", (h as f64 / dpr).round());
        if css_height.with_value(|h| *h != height) {
            css_height.set_value(height.clone());
            canvas.style(("height", height));
        }
        let spec = c.spec(state, dpr);
        // A new background waits for a task of its own, the change that asked for it (a language
        // switch laying out the page's text again, an import's last rows and the memos over them)
        // having had its task; the first, on mount, is drawn at once.
        let kept = background.with_value(Option::is_some);
        if kept && !deferred.get_value() && stale(&canvas, &spec, background) {
            deferred.set_value(true);
            leptos::task::spawn_local(async move {
                super::yield_to_browser().await;
                c.size.update(|_| {});
            });
            return;
        }
        deferred.set_value(false);
        if let Some(d) = use_context::<super::export::DrawnChart>() {
            d.0.set(Some((spec.clone(), (w as f64 / dpr).round() as u32, (h as f64 / dpr).round() as u32)));
        }
        match draw_layered(&canvas, &spec, background) {
            Ok(l) => {
                draw_rest_later(background, scheduled, c.size);
                mark_painted(&canvas, &l, dpr, c.saved.with_untracked(Vec::len));
                drawn.layout.set_value(l);
                drawn.shown.set_value(spec.background.points);
            }
            Err(e) => leptos::logging::error!("chart: {e}"),
        }
    });
}

/// When the background has markers still to draw, draws them on it a slice at a time, the browser
/// having a turn (input, painting) before each, then asks once for a redraw (`size`, touched),
/// which shows the finished background. Each slice draws on whatever background is current, so a
/// background drawn anew meanwhile (another spec) gets its own slices, and a stale one none.
fn draw_rest_later(
    background: StoredValue<Option<Background>, LocalStorage>,
    scheduled: StoredValue<bool>,
    size: RwSignal<(u32, u32, f64)>,
) {
    let pending = move || background.with_value(|b| b.as_ref().and_then(|b| b.layout.more_markers));
    if scheduled.get_value() || pending().is_none() {
        return;
    }
    scheduled.set_value(true);
    leptos::task::spawn_local(async move {
        loop {
            super::yield_to_browser().await;
            let Some(from) = pending() else { break };
            let drawn = background.with_value(|b| {
                let b = b.as_ref()?;
                let backend = super::measured::Measured::canvas(b.canvas.clone())?;
                chart::draw_over(&backend.into_drawing_area(), &b.spec, chart::Part::Markers(from), &b.layout).ok()
            });
            let Some(part) = drawn else {
                // A slice that cannot be drawn is not tried again and again.
                background.update_value(|b| b.iter_mut().for_each(|b| b.layout.more_markers = None));
                break;
            };
            // The slice's markers join the background's, and the last slice's words (placed round
            // every marker) replace those of the first part (round its own).
            background.update_value(|b| {
                if let Some(b) = b {
                    b.layout.more_markers = part.more_markers;
                    b.layout.markers.extend(part.markers);
                    if part.placement.is_some() {
                        b.layout.placement = part.placement;
                    }
                }
            });
        }
        scheduled.set_value(false);
        size.update(|_| {});
    });
}

/// What end-to-end tests read off the canvas: painted, how many markers and saved estimates,
/// and where the first marker and the user's point landed in CSS pixels.
fn mark_painted(canvas: &web_sys::HtmlCanvasElement, l: &Layout, dpr: f64, saved: usize) {
    canvas.set_attribute("data-painted", "true").ok();
    canvas.set_attribute("data-markers", &l.markers.len().to_string()).ok();
    canvas.set_attribute("data-saved", &saved.to_string()).ok();
    if let Some((x, y, _)) = l.markers.first() {
        canvas.set_attribute("data-first-marker", &format!("{},{}", *x as f64 / dpr, *y as f64 / dpr)).ok();
    }
    match l.user {
        Some((x, y)) => canvas.set_attribute("data-user", &format!("{},{}", x as f64 / dpr, y as f64 / dpr)).ok(),
        None => canvas.remove_attribute("data-user").ok(),
    };
}

#[component]
pub fn Trend() -> impl IntoView {
    let state = expect_context::<State>();
    let c = ChartState::new(state);
    load_epoch_when_wanted(c, state.catalog);
    view! {
        <section class="panel trend" aria-labelledby="trend-title">
            <h2 id="trend-title">{state.tx(Key::TrendTitle)}</h2>
            <TrendSummary c=c/>
            <ChartControls c=c/>
            {move || match c.epoch.get() {
                EpochData::Loading => Some(view! { <p class="muted" data-testid="epoch-status">{state.t(Key::TrendLoading)}</p> }.into_any()),
                EpochData::Failed(e) => Some(view! { <p class="error" data-testid="epoch-status" role="status">{e.epoch_message(state.lang.get())}</p> }.into_any()),
                _ => None,
            }}
            <UserPointInputs/>
            <ChartCanvas c=c/>
            <p class="muted no-print">{state.tx(Key::TrendHover)}</p>
            <DataTable rows=c.points/>
            <super::saved::SavedEstimates/>
            <super::import::ImportData sets=c.sets/>
        </section>
    }
}

/// The fitted doubling time, where the user's estimate stands against it, and the headline growth.
#[component]
fn TrendSummary(c: ChartState) -> impl IntoView {
    let state = expect_context::<State>();
    // The chosen fit and the fit over everything the chart shows, named by their data sets:
    // refitted when the selection changes, not on each keystroke.
    let references = Memo::new(move |_| {
        let k = c.fit_key.get();
        state
            .catalog
            .with(|cat| c.sets.with(|s| (fit_selection(&k, s).reference(cat), Selection::of(s).reference(cat))))
    });
    view! {
        <super::results::EstimateFrom id="chart-from"/>
        <p class="doubling">
            {state.tx(Key::TrendDoubling)} {move || aicompute::text::i18n::colon(state.lang.get())}
            <strong data-testid="doubling-time">
                {move || {
                    let lang = state.lang.get();
                    c.fit.get().map_or("—".into(), |f| aicompute::text::render::doubling(&f, lang))
                }}
            </strong>
        </p>
        <p class="muted" data-testid="against-trend">
            {move || {
                let lang = state.lang.get();
                match c.estimate.get() {
                    Some((flop, Some(y))) => references.with(|(chosen, all)| {
                        let standing = aicompute::plot::trend::standing(flop.mid(), y, chosen.as_ref()?, all.as_ref())?;
                        Some(sup(&aicompute::text::render::against_trend(&standing, lang)))
                    }).unwrap_or_default(),
                    Some((_, None)) => state.t(Key::TrendNodate).to_string(),
                    None => String::new(),
                }
            }}
        </p>
        <p class="muted no-print" data-testid="growth">
            {move || state.catalog.with(aicompute::plot::trend::headline_growth).map(|g| aicompute::text::render::growth(&g, state.lang.get()))}
        </p>
    }
}

/// The data sets to show, the fit's era, the thresholds and the Moore's-law line.
#[component]
fn ChartControls(c: ChartState) -> impl IntoView {
    let state = expect_context::<State>();
    let sets = c.sets;
    let toggle = move |d: DatasetId| {
        view! {
            <label class="check">
                <input
                    type="checkbox"
                    data-testid=format!("set-{}", d.key())
                    prop:checked=move || sets.with(|s| s.contains(&d))
                    on:change=move |_| sets.update(|s| if let Some(i) = s.iter().position(|x| *x == d) { s.remove(i); } else { s.push(d); })
                />
                {move || chart::dataset_name(d, state.lang.get())}
            </label>
        }
    };
    view! {
        <div class="chart-controls no-print">
            <fieldset>
                <legend>{state.tx(Key::TrendDataset)}</legend>
                {DatasetId::ALL.into_iter().map(toggle).collect_view()}
                {move || state.catalog.with(|cat| !cat.imported().is_empty()).then(|| toggle(DatasetId::Imported))}
            </fieldset>
            <label>
                {state.tx(Key::TrendFit)} " "
                <select data-testid="fit-era" on:change=move |ev| c.fit_key.set(event_target_value(&ev))>
                    {ERAS.iter().map(|e| view! {
                        <option value=e.key selected=e.key == "modern-2012-2018">
                            {move || e.name_in(state.lang.get())}
                        </option>
                    }).collect_view()}
                    <option value="visible">{state.tx(Key::PageFitVisible)}</option>
                </select>
            </label>
            <label class="check">
                <input type="checkbox" data-testid="show-thresholds" prop:checked=move || c.show_thresholds.get()
                    on:change=move |_| c.show_thresholds.update(|v| *v = !*v)/>
                {state.tx(Key::TrendThresholds)}
            </label>
            <label>
                {state.tx(Key::TrendMoorePick)} " "
                <select data-testid="moore" on:change=move |ev| c.moore.set(event_target_value(&ev).parse().unwrap_or(0.0))>
                    <option value="18">"18"</option>
                    <option value="24">"24"</option>
                    <option value="0">"—"</option>
                </select>
            </label>
        </div>
    }
}

/// The date and name of the user's point on the chart.
#[component]
fn UserPointInputs() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <div class="user-point">
            <super::fields::Input field=aicompute::calculation::calc::Field::Date label=Key::TrendDate/>
            <div class="field">
                <label for="user-name">{state.tx(Key::TrendName)}</label>
                <input id="user-name" type="text" data-testid="user-name"
                    placeholder=move || super::fields::placeholder(state, aicompute::calculation::calc::Field::Name)
                    prop:value=move || state.calc.with(|c| c.name.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); state.edit(aicompute::calculation::calc::Field::Name, v); }/>
            </div>
        </div>
    }
}

/// The canvas, kept drawn, and the tooltip of the point under the pointer.
#[component]
fn ChartCanvas(c: ChartState) -> impl IntoView {
    let state = expect_context::<State>();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let drawn = Drawn { layout: StoredValue::new(Layout::default()), shown: StoredValue::new(Points::default()) };
    let tip = RwSignal::new(None::<(chart::Hit, f64, f64)>);
    let tip_ref = NodeRef::<leptos::html::Div>::new();
    keep_tooltip_inside(tip, tip_ref);
    let printing = StoredValue::new(false);
    follow_size(canvas_ref, c.size, printing);
    print_at_paper_size(state, c, canvas_ref, printing);
    redraw_on_change(state, c, canvas_ref, drawn, printing);
    let on_move = move |ev: leptos::ev::MouseEvent| {
        let (_, _, dpr) = c.size.get_untracked();
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let px = |v: f64| (v * dpr) as i32;
        let hit = drawn.layout.with_value(|l| chart::hit(l, px(x), px(y), px(8.0)));
        tip.set(hit.map(|h| (h, x, y)));
    };
    view! {
        <div class="chart-box" on:mouseleave=move |_| tip.set(None)>
            <canvas node_ref=canvas_ref data-testid="trend-chart" role="img"
                aria-label=state.tx(Key::TrendTitle) on:mousemove=on_move></canvas>
            {move || tip.get().and_then(|(hit, x, y)| match hit {
                chart::Hit::Marker(i) => Some(tooltip(drawn.shown.with_value(|s| s.get(i).cloned())?, x, y, state, tip_ref).into_any()),
                chart::Hit::User => Some(user_tooltip(x, y, state, tip_ref)?.into_any()),
            })}
        </div>
    }
}

/// Keeps the tooltip inside the chart at its own width: once drawn (its width follows its text),
/// it moves left of the pointer near the chart's right edge, or against that edge
/// ([`chart::tooltip_left`]), rather than being squeezed by it.
fn keep_tooltip_inside(tip: RwSignal<Option<(chart::Hit, f64, f64)>>, tip_ref: NodeRef<leptos::html::Div>) {
    Effect::new(move |_| {
        let (Some(el), Some((_, x, _))) = (tip_ref.get(), tip.get_untracked()) else { return };
        let chart_width = el.parent_element().map_or(0, |p| p.client_width()) as f64;
        let left = chart::tooltip_left(x, el.offset_width() as f64, chart_width);
        // Through CSSOM, as below.
        el.style(("left", format!("{left}px")));
    });
}

/// The tooltip of model `m` at (`x`, `y`) CSS pixels: name, date, compute, the other source's
/// figure and the citation with its link.
fn tooltip(m: Model, x: f64, y: f64, state: State, tip_ref: NodeRef<leptos::html::Div>) -> impl IntoView {
    let lang = state.lang.get();
    let (pfs, flop) = aicompute::text::render::model_compute(&m);
    let other = state.catalog.with(|cat| aicompute::text::render::counterpart(&m, cat, lang));
    let (href, link) = (m.source_link().to_string(), m.source_link().to_string());
    // style:left/top go through CSSOM: a strict CSP refuses a style attribute.
    view! {
        <div class="tooltip" data-testid="chart-tooltip" node_ref=tip_ref
            style:left=format!("{}px", x + chart::TOOLTIP_GAP) style:top=format!("{}px", y + chart::TOOLTIP_GAP)>
            <strong>{aicompute::text::i18n::model_name(&m.name, lang)}</strong> " · " {m.date.to_string()}
            <div>{sup(&pfs)} " pfs-days = " {sup(&flop)} " FLOP"</div>
            {other.map(|line| view! { <div class="muted">{line}</div> })}
            <div class="source">{m.citation_in(lang)}</div>
            <a href=href target="_blank" rel="noopener">{link}</a>
        </div>
    }
}

/// The tooltip of the user's point at (`x`, `y`) CSS pixels: its name (or "your estimate") and
/// date as typed, then the estimate's figure and which estimate it is, as the results say them.
fn user_tooltip(x: f64, y: f64, state: State, tip_ref: NodeRef<leptos::html::Div>) -> Option<impl IntoView> {
    let (figure, named) = super::results::current_figure(state)?;
    let (name, date) = state.calc.with(|c| (chart::label_text(c.name.trim()), c.date.trim().to_string()));
    let name = if name.is_empty() { state.t(Key::TrendYou).to_string() } else { name };
    Some(view! {
        <div class="tooltip" data-testid="chart-tooltip" node_ref=tip_ref
            style:left=format!("{}px", x + chart::TOOLTIP_GAP) style:top=format!("{}px", y + chart::TOOLTIP_GAP)>
            <strong>{name}</strong> " · " {date}
            <div>{figure}</div>
            <div class="muted">{named}</div>
        </div>
    })
}

/// The most rows the data table lists: 100,000 imported rows as a table are 400,000 elements,
/// seconds of layout for one click.
const TABLE_ROWS_MAX: usize = 1_000;

/// Every point the chart shows, with its source: readable without a pointer (keyboard, touch,
/// screen readers). Rendered only while open.
#[component]
fn DataTable(rows: Memo<Points>) -> impl IntoView {
    let state = expect_context::<State>();
    let open = RwSignal::new(false);
    view! {
        <details class="data-table no-print" on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            let d = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok());
            open.set(d.is_some_and(|d| d.open()));
        }>
            <summary data-testid="data-table-toggle">
                {move || {
                    let (title, points) = (state.t(Key::TrendTable), state.t(Key::TrendPoints));
                    aicompute::say!(state.lang.get(), Key::PageTableSummary, title = title, n = rows.with(|r| r.len()), points = points)
                }}
            </summary>
            {move || open.get().then(|| view! {
                <table data-testid="data-table">
                    <thead><tr>
                        <th>{state.t(Key::TrendTableModel)}</th>
                        <th>{state.t(Key::TrendTableDate)}</th>
                        <th class="num">"pfs-days"</th>
                        <th>{state.t(Key::PresetSource)}</th>
                    </tr></thead>
                    <tbody>
                        {rows.with(|r| r.iter().take(TABLE_ROWS_MAX).cloned().collect::<Vec<_>>()).into_iter().map(|m| view! {
                            <tr>
                                <td>{aicompute::text::i18n::model_name(&m.name, state.lang.get())}</td>
                                <td>{m.date.to_string()}</td>
                                <td class="num">{sup(&aicompute::text::render::model_compute(&m).0)}</td>
                                <td><a href=m.source_link().to_string()>{m.citation_in(state.lang.get())}</a></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <Show when=move || rows.with(|r| r.len() > TABLE_ROWS_MAX)>
                    <p class="muted" data-testid="data-table-more">{move || {
                        let grouped = |n: usize| aicompute::text::format::grouped(n as f64, 0, ",");
                        let (shown, n) = (grouped(TABLE_ROWS_MAX), grouped(rows.with(|r| r.len())));
                        aicompute::say!(state.lang.get(), Key::PageTableFirst, shown = shown, n = n)
                    }}</p>
                </Show>
            })}
        </details>
    }
}
