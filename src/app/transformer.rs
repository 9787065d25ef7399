//! Method 1's transformer tab: a pasted `config.json` fills the architecture's fields; the
//! fields (in the link) give the parameters, the active parameters and the estimate. What was
//! assumed, for a key the config or the fields leave out, is said beside the count, each with a
//! switch to the other value.

use super::fields::Input;
use super::State;
use aicompute::calculation::calc::Field;
use aicompute::model::architecture;
use aicompute::text::format::sci;
use aicompute::text::i18n::Key;
use aicompute::text::i18n::Lang;
use aicompute::{model::json, model::transformer};
use leptos::prelude::*;

/// A switch or a choice of words: the default (empty) or one of the field's words.
#[component]
fn Choice(field: Field) -> impl IntoView {
    let state = expect_context::<State>();
    let id = field.test_id();
    let words = architecture::options(field.want());
    view! {
        <label class="field">
            <span>{state.tx(field.spec().label)}</span>
            <select
                data-testid=id
                prop:value=move || state.calc.with(|c| field.get(c).to_string())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    state.edit(field, v);
                }
            >
                <option value="">{state.tx(Key::TfDefault)}</option>
                {words.iter().map(|w| view! { <option value=*w>{move || aicompute::model::architecture::option_word(w, state.lang.get())}</option> }).collect_view()}
            </select>
        </label>
    }
}

/// Why a pasted config could not be read.
#[derive(Clone)]
enum PasteError {
    Json(json::JsonError),
    Config(transformer::ConfigError),
}

impl PasteError {
    fn message(&self, lang: Lang) -> String {
        match self {
            PasteError::Json(e) => e.message(lang),
            PasteError::Config(e) => e.message(lang),
        }
    }
}

/// What a pasted config gave: its architecture and the fields read and assumed, or why it could
/// not be read.
type Pasted = Option<Result<(transformer::Arch, Vec<transformer::FieldUsed>), PasteError>>;

/// Reads a pasted config into the calculation's fields.
fn paste(state: State, text: &str) -> Pasted {
    if text.trim().is_empty() {
        return None;
    }
    let config = match json::parse(text) {
        Ok(c) => c,
        Err(e) => return Some(Err(PasteError::Json(e))),
    };
    match transformer::from_config(&config) {
        Ok((arch, used)) => {
            state.touch(aicompute::calculation::calc::Side::One, |c| {
                for (f, v) in architecture::fields_of(&arch) {
                    *f.get_mut(c) = v;
                }
            });
            Some(Ok((arch, used)))
        }
        Err(e) => Some(Err(PasteError::Config(e))),
    }
}

/// The config textarea, its error, and the list of fields it gave.
#[component]
fn ConfigPaste(result: RwSignal<Pasted>) -> impl IntoView {
    let state = expect_context::<State>();
    let invalid = move || result.with(|r| matches!(r, Some(Err(_))));
    view! {
        <div class="field" class:invalid=invalid>
            <label for="transformer-config">{state.tx(Key::TfConfig)}</label>
            <textarea
                id="transformer-config"
                data-testid="transformer-config"
                rows="3"
                spellcheck="false"
                placeholder="{\"hidden_size\": 4096, \"num_hidden_layers\": 32, …}"
                aria-describedby="transformer-config-error"
                aria-invalid=move || if invalid() { "true" } else { "false" }
                on:input=move |ev| result.set(paste(state, &event_target_value(&ev)))
            ></textarea>
            <p class="error" id="transformer-config-error" data-testid="transformer-config-error" aria-live="polite">
                {move || result.with(|r| r.as_ref().and_then(|r| r.as_ref().err()).map(|e| e.message(state.lang.get())))}
            </p>
            {move || result.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).map(|p| p.1.clone())).map(|used| view! {
                <details class="config-used" data-testid="transformer-config-used">
                    <summary>{state.t(Key::TfConfigUsed)}</summary>
                    <ul>{used.iter().map(|u| view! { <li>{u.message(state.lang.get())}</li> }).collect_view()}</ul>
                </details>
            })}
        </div>
    }
}

/// The label key of a switch that writes `to` into `field`.
fn switch_label(field: Field, to: &str) -> Key {
    match (field, to) {
        (Field::TGated, "yes") => Key::TfSwitchGated,
        (Field::TGated, _) => Key::TfSwitchPlain,
        (Field::TTied, "yes") => Key::TfSwitchTied,
        (Field::TTied, _) => Key::TfSwitchUntied,
        (Field::TBias, "none") => Key::TfSwitchNoBiases,
        (Field::TBias, _) => Key::TfSwitchBiases,
        (Field::TPositions, "yes") => Key::TfSwitchPositions,
        _ => Key::TfSwitchNoPositions,
    }
}

/// The switch that writes into `field` the other word than its current one (`assumed` while
/// empty), with a mark once it no longer holds the assumed word.
#[component]
fn Switch(field: Field, assumed: &'static str) -> impl IntoView {
    let state = expect_context::<State>();
    let current = move || state.calc.with(|c| field.get(c).trim().to_string());
    let to = move || architecture::switched(field, &current(), assumed);
    let is_switched = move || {
        let now = current();
        !now.is_empty() && !now.eq_ignore_ascii_case(assumed)
    };
    view! {
        {move || is_switched().then(|| view! { <span class="tf-switched">{state.t(Key::TfSwitched)}</span> " " })}
        <button
            type="button"
            class="secondary small"
            data-testid=format!("assumption-switch-{}", field.key())
            on:click=move |_| {
                let v = to();
                state.calc.update(|c| *field.get_mut(c) = v.to_string());
            }
        >
            {move || state.t(switch_label(field, to()))}
        </button>
    }
}

/// A button to the context field: an assumed context has no other value to switch to.
#[component]
fn EditContext() -> impl IntoView {
    let state = expect_context::<State>();
    let field = Field::TContext;
    let focus = move |_| {
        use wasm_bindgen::JsCast;
        let el = window().document().and_then(|d| d.get_element_by_id(field.test_id()));
        if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    };
    view! {
        <button
            type="button"
            class="secondary small"
            data-testid=format!("assumption-edit-{}", field.key())
            on:click=focus
        >
            {state.tx(Key::TfEditContext)}
        </button>
    }
}

/// One assumption: what and why, and its switch (or, for the context, a button to its field).
#[component]
fn AssumptionItem(assumption: transformer::Assumption) -> impl IntoView {
    let state = expect_context::<State>();
    let button = match architecture::switch(&assumption) {
        Some((field, assumed)) => Some(view! { <Switch field=field assumed=assumed/> }.into_any()),
        None if architecture::context_assumed(&assumption) => Some(view! { <EditContext/> }.into_any()),
        None => None,
    };
    view! { <li>{move || assumption.message(state.lang.get())} " " {button}</li> }
}

/// The parameter counts of the architecture typed in, and beside them what was assumed.
#[component]
fn Counts(pasted: RwSignal<Pasted>) -> impl IntoView {
    let state = expect_context::<State>();
    let counts =
        Memo::new(move |_| state.eval.with(|e| e.transformer.as_ref().and_then(|r| r.as_ref().ok()).map(|t| t.counts)));
    let shown = move |f: fn(&transformer::Counts) -> f64| {
        counts.get().map(|c| aicompute::text::format::superscript(&sci(f(&c), 4))).unwrap_or_else(|| "—".into())
    };
    let assumptions = Memo::new(move |_| {
        state.eval.with(|e| {
            let resolved = e.transformer.as_ref()?.as_ref().ok()?;
            pasted.with(|p| {
                let p = p.as_ref().and_then(|r| r.as_ref().ok()).map(|(a, used)| (a, used.as_slice()));
                Some(architecture::shown_assumptions(p, resolved))
            })
        })
    });
    view! {
        <div class="tf-counts" data-testid="transformer-counts">
            <dl class="figures small">
                <div>
                    <dt>{state.tx(Key::TfParameters)}</dt>
                    <dd data-testid="transformer-parameters">{move || shown(|c| c.parameters)}</dd>
                </div>
                <div>
                    <dt>{state.tx(Key::TfActiveParameters)}</dt>
                    <dd data-testid="transformer-active">{move || shown(|c| c.parameters_active)}</dd>
                </div>
            </dl>
            {move || {
                assumptions.get().filter(|a| !a.is_empty()).map(|list| view! {
                    <div class="tf-assumptions" data-testid="transformer-assumptions">
                        <p>{state.tx(Key::TfAssumed)}</p>
                        <ul>
                            {list.into_iter().map(|a| view! { <AssumptionItem assumption=a/> }).collect_view()}
                        </ul>
                    </div>
                })
            }}
        </div>
    }
}

#[component]
pub fn TransformerTab() -> impl IntoView {
    let inputs = |fields: &'static [Field]| {
        fields.iter().map(|&f| view! { <Input field=f label=f.spec().label/> }).collect_view()
    };
    let choices = |fields: &'static [Field]| fields.iter().map(|&f| view! { <Choice field=f/> }).collect_view();
    let pasted = RwSignal::new(None);
    view! {
        <ConfigPaste result=pasted/>
        <div class="tf-grid">{inputs(architecture::MAIN)}</div>
        <div class="tf-grid">{choices(architecture::SWITCHES)}</div>
        <details class="tf-more">
            <summary>{move || expect_context::<State>().t(Key::TfMore)}</summary>
            <div class="tf-grid">{inputs(architecture::MORE)} {choices(architecture::MORE_SWITCHES)}</div>
        </details>
        <Input field=Field::TTokens label=Key::TfTokens/>
        <Input field=Field::Passes label=Key::M1Passes/>
        <Counts pasted=pasted/>
    }
}
