//! The two method panels: inputs bound to the calculation, each with its error beside it.

use super::State;
use aicompute::calculation::calc::{check_field, Field, Mode, Per};
use aicompute::catalog::hardware;
use aicompute::model::layers;
use aicompute::text::format::superscript as sup;
use aicompute::text::i18n::Key;
use leptos::prelude::*;

fn document() -> web_sys::Document {
    window().document().expect("a page has a document")
}

/// The message for a field: the evaluation's, else the field's own check while it is non-empty.
fn field_error(state: State, field: Field) -> Option<String> {
    let lang = state.lang.get();
    let from_eval = state.eval.with(|e| {
        e.errors()
            .find(|x| x.field == field && x.problem != aicompute::calculation::calc::Problem::Empty)
            .map(|x| x.message(lang))
    });
    if from_eval.is_some() {
        return from_eval;
    }
    let text = state.calc.with(|c| field.get(c).to_string());
    if text.trim().is_empty() || matches!(field, Field::Hardware | Field::Precision | Field::Layers | Field::Date) {
        return None;
    }
    check_field(field, &text).err().map(|e| e.message(lang))
}

/// A field's placeholder: a hint, never a value. "default" where empty means a default (the
/// value used is said beside the field), "e.g. …" where it is only an example; a transformer's
/// dimension keeps its rule ("d_model / 128").
pub fn placeholder(state: State, field: Field) -> String {
    let lang = state.lang.get();
    let ph = aicompute::text::i18n::t(lang, field.spec().placeholder);
    if field == Field::Target && state.calc.with(|c| c.target_from_estimate) {
        return aicompute::text::i18n::t(lang, Key::PhLinked).to_string();
    }
    if aicompute::calculation::used::has_default(field) {
        return aicompute::text::i18n::t(lang, Key::PhDefault).to_string();
    }
    // A transformer's dimension left empty is assumed, by a rule its placeholder states
    // ("d_model / 128") or at the value it shows (context 2048, 0 experts); the rest are examples.
    let example = matches!(field, Field::TLayers | Field::TDModel | Field::TVocab | Field::TTokens | Field::TMla);
    let rule = field.spec().test_id.starts_with("transformer-") && !example;
    if rule || ph == aicompute::text::i18n::t(lang, Key::PhNone) {
        return ph.to_string();
    }
    format!("{} {ph}", aicompute::text::i18n::t(lang, Key::PhEg))
}

/// One labelled text field with its error message, its placeholder (a hint), and below it the
/// value used where it is empty and means a default, or the value solved for.
#[component]
pub fn Input(field: Field, label: Key, #[prop(optional)] list: &'static str) -> impl IntoView {
    let state = expect_context::<State>();
    let id = field.test_id();
    let err_id = format!("{id}-error");
    let error = Memo::new(move |_| field_error(state, field).map(|m| sup(&m)));
    let used = Memo::new(move |_| {
        let lang = state.lang.get();
        state.calc.with(|c| state.eval.with(|ev| aicompute::calculation::used::used(field, c, ev, lang)))
    });
    let solved = Memo::new(move |_| {
        let lang = state.lang.get();
        state
            .eval
            .with(|ev| aicompute::calculation::used::solved(ev, lang))
            .filter(|(f, _)| *f == field)
            .map(|(_, t)| sup(&t))
    });
    let linked = move || field == Field::Target && state.calc.with(|c| c.target_from_estimate);
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>{state.tx(label)}</label>
            <input
                id=id
                type="text"
                inputmode="text"
                autocomplete="off"
                spellcheck="false"
                data-testid=id
                placeholder=move || placeholder(state, field)
                disabled=linked
                list=(!list.is_empty()).then_some(list)
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=err_id.clone()
                prop:value=move || state.calc.with(|c| field.get(c).to_string())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    state.edit(field, v);
                }
            />
            <p class="error" id=err_id data-testid=format!("{id}-error") aria-live="polite">{move || error.get()}</p>
            // Built once when a value is used, then only its text follows (not a new element per keystroke).
            <Show when=move || used.with(Option::is_some)>
                <p class="used" data-testid=format!("{id}-used")>{state.tx(Key::UsedLabel)} {move || aicompute::text::i18n::colon(state.lang.get())} {move || used.with(|u| u.as_deref().map(sup).unwrap_or_default())}</p>
            </Show>
            {move || solved.get().map(|s| view! {
                <p class="solved"><output data-testid="gpu-solved" for=id>{state.tx(Key::M2Solved)} {move || aicompute::text::i18n::colon(state.lang.get())} <strong>{s}</strong></output></p>
            })}
        </div>
    }
}

/// "Worked example, as printed: AlexNet (GPU time)" at the top of a method that still holds an
/// example's untouched inputs, with a button that empties the method.
#[component]
pub fn ExampleBadge(side: aicompute::calculation::calc::Side) -> impl IntoView {
    let state = expect_context::<State>();
    let prefix = if side == aicompute::calculation::calc::Side::One { "m1" } else { "m2" };
    let example = Memo::new(move |_| state.calc.with(|c| c.example_of(side).map(|e| e.id)));
    move || {
        example.get().and_then(aicompute::calculation::examples::find).map(|e| {
            view! {
                <p class="example-badge" data-testid=format!("{prefix}-example")>
                    <span>{state.tx(Key::ExampleBadge)} <strong>{move || e.display_name(state.lang.get())}</strong></span>
                    " "
                    <button type="button" class="secondary no-print" data-testid=format!("{prefix}-example-clear")
                        on:click=move |_| state.calc.update(|c| c.clear_side(side))>
                        {state.tx(Key::ExampleClear)}
                    </button>
                </p>
            }
        })
    }
}

/// Method 2's FLOP target taken from Method 1's estimate, kept linked as the model changes.
#[component]
fn TargetLink() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <label class="radio target-link no-print">
            <input
                type="checkbox"
                data-testid="target-from-estimate"
                prop:checked=move || state.calc.with(|c| c.target_from_estimate)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.touch(aicompute::calculation::calc::Side::Two, |c| c.target_from_estimate = on);
                }
            />
            " " {state.tx(Key::M2TargetLink)}
        </label>
    }
}

#[component]
pub fn Method1Panel() -> impl IntoView {
    let state = expect_context::<State>();
    let mode = Memo::new(move |_| state.calc.with(|c| c.mode));
    const ORDER: [Mode; 4] = [Mode::Ops, Mode::Layers, Mode::Params, Mode::Transformer];
    // The tabs pattern: arrow keys, Home and End move between the tabs and choose one.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let i = ORDER.iter().position(|m| *m == mode.get_untracked()).unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (i + 1) % ORDER.len(),
            "ArrowLeft" | "ArrowUp" => (i + ORDER.len() - 1) % ORDER.len(),
            "Home" => 0,
            "End" => ORDER.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        state.calc.update(|c| c.mode = ORDER[next]);
        if let Some(el) = document().get_element_by_id(&format!("tab-{next}")) {
            use wasm_bindgen::JsCast;
            el.dyn_into::<web_sys::HtmlElement>().ok().map(|e| e.focus());
        }
    };
    let tab = move |m: Mode, key: Key, testid: &'static str| {
        let i = ORDER.iter().position(|x| *x == m).unwrap_or(0);
        view! {
            <button
                type="button"
                role="tab"
                id=format!("tab-{i}")
                aria-controls="m1-panel"
                data-testid=testid
                aria-selected=move || if mode.get() == m { "true" } else { "false" }
                tabindex=move || if mode.get() == m { "0" } else { "-1" }
                class:active=move || mode.get() == m
                on:click=move |_| state.calc.update(|c| c.mode = m)
            >
                {state.tx(key)}
            </button>
        }
    };
    view! {
        <section class="panel method1" aria-labelledby="m1-title">
            <h2 id="m1-title">{state.tx(Key::M1Title)}</h2>
            <ExampleBadge side=aicompute::calculation::calc::Side::One/>
            <div class="tabs no-print" role="tablist" aria-labelledby="m1-title" on:keydown=on_key>
                {tab(Mode::Ops, Key::M1TabOps, "mode-ops")}
                {tab(Mode::Layers, Key::M1TabLayers, "mode-layers")}
                {tab(Mode::Params, Key::M1TabParams, "mode-params")}
                {tab(Mode::Transformer, Key::M1TabTransformer, "mode-transformer")}
            </div>
            <div id="m1-panel" role="tabpanel" aria-labelledby=move || format!("tab-{}", ORDER.iter().position(|m| *m == mode.get()).unwrap_or(0))>
            {move || match mode.get() {
                Mode::Transformer => view! { <super::transformer::TransformerTab/> }.into_any(),
                Mode::Params => view! {
                    <Input field=Field::Parameters label=Key::M1Parameters/>
                    <Input field=Field::Tokens label=Key::M1Tokens/>
                }.into_any(),
                m => view! {
                    {if m == Mode::Layers { view! { <LayerCounter/> }.into_any() } else { view! { <ForwardOps/> }.into_any() }}
                    <Input field=Field::Passes label=Key::M1Passes/>
                    <Input field=Field::Examples label=Key::M1Examples/>
                    <Input field=Field::Epochs label=Key::M1Epochs/>
                }.into_any(),
            }}
            </div>
        </section>
    }
}

/// Forward operations, MACs or FLOPs, and FLOPs per add-multiply.
#[component]
fn ForwardOps() -> impl IntoView {
    let state = expect_context::<State>();
    let per = Memo::new(move |_| state.calc.with(|c| c.per));
    let radio = move |p: Per, key: Key, testid: &'static str| {
        view! {
            <label class="radio">
                <input
                    type="radio"
                    name="per"
                    data-testid=testid
                    prop:checked=move || per.get() == p
                    on:change=move |_| state.touch(aicompute::calculation::calc::Side::One, |c| c.per = p)
                />
                {state.tx(key)}
            </label>
        }
    };
    view! {
        <Input field=Field::Forward label=Key::M1Forward/>
        <fieldset class="per">
            <legend>{state.tx(Key::M1Per)}</legend>
            {radio(Per::Mac, Key::M1PerMac, "per-mac")}
            {radio(Per::Flop, Key::M1PerFlop, "per-flop")}
        </fieldset>
        {move || (per.get() == Per::Mac).then(|| view! { <Input field=Field::FlopsPerMac label=Key::M1Fpm/> })}
    }
}

/// The per-layer counter: a layer list, its per-layer table, and a button that fills the
/// forward-operations field with the total.
#[component]
fn LayerCounter() -> impl IntoView {
    let state = expect_context::<State>();
    let parsed = Memo::new(move |_| state.calc.with(|c| layers::parse(&c.layers)));
    let use_total = move |_| {
        if let Ok(ls) = parsed.get_untracked() {
            let total = layers::total_macs(&ls);
            state.touch(aicompute::calculation::calc::Side::One, |c| {
                c.forward = aicompute::text::format::exact(total);
                c.per = Per::Mac;
                c.mode = Mode::Ops;
            });
        }
    };
    view! {
        <div class="field" class:invalid=move || parsed.with(|p| p.is_err())>
            <label for="ops-layers">{state.tx(Key::M1Layers)}</label>
            <textarea
                id="ops-layers"
                data-testid="ops-layers"
                rows="4"
                spellcheck="false"
                placeholder=move || placeholder(state, Field::Layers)
                aria-describedby="ops-layers-error ops-layers-help"
                aria-invalid=move || if parsed.with(|p| p.is_err()) { "true" } else { "false" }
                prop:value=move || state.calc.with(|c| c.layers.clone())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    state.edit(Field::Layers, v);
                }
            ></textarea>
            <p class="help" id="ops-layers-help">{state.tx(Key::M1LayersHelp)}</p>
            <p class="help">{state.tx(Key::M1LayersMeaning)}</p>
            <p class="error" id="ops-layers-error" data-testid="ops-layers-error">
                {move || parsed.with(|p| p.as_ref().err().map(|e| e.message(state.lang.get())))}
            </p>
        </div>
        {move || parsed.get().ok().map(|ls| {
            let total = layers::total_macs(&ls);
            view! {
                <table class="layers" data-testid="layers-table">
                    <tbody>
                        {ls.iter().map(|l| view! {
                            <tr>
                                <td><code>{l.text.clone()}</code></td>
                                <td class="num">{aicompute::text::render::exact_count(l.macs)}
                                    {(l.repeat != 1.0).then(|| format!(" × {}", aicompute::text::format::exact(l.repeat)))}</td>
                            </tr>
                        }).collect_view()}
                        <tr class="total">
                            <td>{state.t(Key::M1LayersTotal)} {state.t(Key::PageLayersMac)}</td>
                            <td class="num" data-testid="layers-total">{aicompute::text::render::exact_count(total)}</td>
                        </tr>
                    </tbody>
                </table>
                <button type="button" class="secondary no-print" data-testid="layers-use" on:click=use_total>
                    {state.t(Key::M1LayersUse)}
                </button>
            }
        })}
    }
}

#[component]
pub fn Method2Panel() -> impl IntoView {
    let state = expect_context::<State>();
    // The hardware field's suggestions (every chip of the catalog, 177 options) are built after
    // the first frame: nobody sees them before focusing the field, and at the start they were
    // a third of the page's elements.
    let suggest = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        super::after_next_paint().await;
        suggest.set(true);
    });
    view! {
        <section class="panel method2" aria-labelledby="m2-title">
            <h2 id="m2-title">{state.tx(Key::M2Title)}</h2>
            <ExampleBadge side=aicompute::calculation::calc::Side::Two/>
            <Input field=Field::Chips label=Key::M2Chips/>
            <Input field=Field::Hardware label=Key::M2Hardware list="chips"/>
            <ChipChoices/>
            <datalist id="chips">
                {move || suggest.get().then(|| state.catalog.with(|cat| {
                    cat.chips().iter().map(|c| view! { <option value=c.name.clone()>{c.id.clone()}</option> }).collect_view()
                }))}
            </datalist>
            <ChipInfo/>
            // A memo of its own: the field is built when the chip is emptied, not again per keystroke.
            <Show when=move || state.calc.with(|c| c.hardware.trim().is_empty())>
                <Input field=Field::Peak label=Key::M2Peak/>
            </Show>
            <Input field=Field::Time label=Key::M2Time/>
            <Input field=Field::Utilization label=Key::M2Utilization/>
            <UtilizationDefaults/>
            <Input field=Field::Factor label=Key::M2Factor/>
            <Input field=Field::Target label=Key::M2Target/>
            <TargetLink/>
            <FootprintInputs/>
        </section>
    }
}

/// A name several chips fit, with different peaks: one was used (a note says which); the others
/// are offered, one click each.
#[component]
fn ChipChoices() -> impl IntoView {
    let state = expect_context::<State>();
    move || {
        let found: Vec<hardware::Chip> = state.catalog.with(|cat| {
            state.calc.with(|c| match cat.resolve(&c.hardware, None) {
                Ok(r) if matches!(r.choice, hardware::Choice::Canonical { .. }) => {
                    r.others.into_iter().cloned().collect()
                }
                _ => Vec::new(),
            })
        });
        (!found.is_empty()).then(|| view! {
            <ul class="chip-choices" data-testid="chip-choices">
                {found.into_iter().take(12).map(|chip| {
                    let peak = chip.peak_for(None).map(|(p, v)| format!("{} {}", p.label_in(state.lang.get()), sup(&aicompute::text::format::sci(v, 3)))).unwrap_or_default();
                    view! {
                        <li><button type="button" class="secondary" on:click=move |_| state.edit(Field::Hardware, chip.id.clone())>
                            {chip.name_in(state.lang.get())} <span class="muted">" · " {peak} " FLOP/s"</span>
                        </button></li>
                    }
                }).collect_view()}
            </ul>
        })
    }
}

/// The chosen chip's peaks and source, and its precisions to choose from.
#[component]
fn ChipInfo() -> impl IntoView {
    let state = expect_context::<State>();
    let chip = Memo::new(move |_| state.catalog.with(|cat| state.calc.with(|c| cat.lookup(&c.hardware).ok().cloned())));
    let on_precision = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        state.edit(Field::Precision, v);
    };
    move || {
        chip.get().map(|c| {
        let peaks = c
            .precisions()
            .iter()
            .map(|p| format!("{} {}", p.label_in(state.lang.get()), sup(&aicompute::text::format::sci(c.peak(*p).unwrap_or(0.0), 3))))
            .collect::<Vec<_>>()
            .join(" · ");
        let link = if c.source == hardware::Source::Epoch { c.link.clone() } else { "https://openai.com/index/ai-and-compute/".to_string() };
        view! {
            <div class="chip-info" data-testid="chip-info">
                <p>{peaks} " FLOP/s"</p>
                <p class="source">{state.t(Key::M2Source)} {aicompute::text::i18n::colon(state.lang.get())} <a href=link>{c.citation_in(state.lang.get())}</a></p>
            </div>
            <label class="field">
                <span>{state.t(Key::M2Precision)}</span>
                <select data-testid="gpu-precision" on:change=on_precision prop:value=move || state.calc.with(|c| c.precision.clone())>
                    <option value="">{state.t(Key::M2PrecisionDefault)}</option>
                    {c.precisions().into_iter().map(|p| view! { <option value=p.key()>{move || p.label_in(state.lang.get())}</option> }).collect_view()}
                </select>
            </label>
        }
    })
    }
}

/// Epoch AI's utilizations where a paper gives none, one click each, with their source.
#[component]
fn UtilizationDefaults() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <p class="hint utilization-defaults no-print">
            {state.tx(Key::M2UtilizationEpoch)}
            {aicompute::planning::planner::UTILIZATION_DEFAULTS.iter().map(|d| {
                let pct = aicompute::text::format::percent(d.value);
                let key = if d.language { Key::M2UtilizationLanguage } else { Key::M2UtilizationOther };
                let set = pct.clone();
                view! {
                    <button type="button" class="secondary small" title=move || aicompute::text::i18n::original(state.lang.get(), d.source_in(state.lang.get()))
                        data-testid=if d.language { "utilization-epoch-language" } else { "utilization-epoch-other" }
                        on:click=move |_| state.edit(Field::Utilization, set.clone())>
                        {pct.clone()} " " {state.tx(key)}
                    </button>
                }
            }).collect_view()}
        </p>
    }
}

/// Power, PUE, grid (with the regions to pick from) and price.
#[component]
fn FootprintInputs() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <fieldset class="footprint-inputs">
            <legend>{state.tx(Key::M2Footprint)}</legend>
            <Input field=Field::Power label=Key::M2Power/>
            <Input field=Field::Pue label=Key::M2Pue/>
            <Input field=Field::Grid label=Key::M2Grid list="grids"/>
            <datalist id="grids">
                {move || aicompute::run::energy::GRIDS.iter().map(|g| {
                    let name = g.name_in(state.lang.get());
                    view! { <option value=g.id>{format!("{name} · {} kg/kWh", g.kg_per_kwh)}</option> }
                }).collect_view()}
            </datalist>
            <Input field=Field::Price label=Key::M2Price/>
            <p class="hint">{state.tx(Key::M2PriceHint)}</p>
        </fieldset>
    }
}
