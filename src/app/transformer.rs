//! Method 1's transformer tab: a pasted `config.json` fills the architecture's fields; the
//! fields (in the link) give the parameters, the active parameters and the estimate.

use super::fields::Input;
use super::State;
use crate::architecture;
use crate::calc::Field;
use crate::format::sci;
use crate::i18n::Lang;
use crate::{json, transformer};
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
                <option value="">{state.tx("tf.default")}</option>
                {words.iter().map(|w| view! { <option value=*w>{*w}</option> }).collect_view()}
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

/// What a pasted config gave: the fields read and assumed, or why it could not be read.
type Pasted = Option<Result<Vec<transformer::FieldUsed>, PasteError>>;

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
            state.touch(crate::calc::Side::One, |c| {
                for (f, v) in architecture::fields_of(&arch) {
                    *f.get_mut(c) = v;
                }
            });
            Some(Ok(used))
        }
        Err(e) => Some(Err(PasteError::Config(e))),
    }
}

/// The config textarea, its error, and the list of fields it gave.
#[component]
fn ConfigPaste() -> impl IntoView {
    let state = expect_context::<State>();
    let result = RwSignal::new(None::<Result<Vec<transformer::FieldUsed>, PasteError>>);
    let invalid = move || result.with(|r| matches!(r, Some(Err(_))));
    view! {
        <div class="field" class:invalid=invalid>
            <label for="transformer-config">{state.tx("tf.config")}</label>
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
            {move || result.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).cloned()).map(|used| view! {
                <details class="config-used" data-testid="transformer-config-used">
                    <summary>{state.t("tf.config.used")}</summary>
                    <ul>{used.iter().map(|u| view! { <li>{u.message(state.lang.get())}</li> }).collect_view()}</ul>
                </details>
            })}
        </div>
    }
}

/// The parameter counts of the architecture typed in.
#[component]
fn Counts() -> impl IntoView {
    let state = expect_context::<State>();
    let counts =
        Memo::new(move |_| state.eval.with(|e| e.transformer.as_ref().and_then(|r| r.as_ref().ok()).map(|t| t.counts)));
    let shown = move |f: fn(&transformer::Counts) -> f64| {
        counts.get().map(|c| crate::format::superscript(&sci(f(&c), 4))).unwrap_or_else(|| "—".into())
    };
    view! {
        <dl class="figures small">
            <div>
                <dt>{state.tx("tf.parameters")}</dt>
                <dd data-testid="transformer-parameters">{move || shown(|c| c.parameters)}</dd>
            </div>
            <div>
                <dt>{state.tx("tf.active-parameters")}</dt>
                <dd data-testid="transformer-active">{move || shown(|c| c.parameters_active)}</dd>
            </div>
        </dl>
    }
}

#[component]
pub fn TransformerTab() -> impl IntoView {
    let inputs = |fields: &'static [Field]| {
        fields.iter().map(|&f| view! { <Input field=f label=f.spec().label/> }).collect_view()
    };
    let choices = |fields: &'static [Field]| fields.iter().map(|&f| view! { <Choice field=f/> }).collect_view();
    view! {
        <ConfigPaste/>
        <div class="tf-grid">{inputs(architecture::MAIN)}</div>
        <div class="tf-grid">{choices(architecture::SWITCHES)}</div>
        <details class="tf-more">
            <summary>{move || expect_context::<State>().t("tf.more")}</summary>
            <div class="tf-grid">{inputs(architecture::MORE)} {choices(architecture::MORE_SWITCHES)}</div>
        </details>
        <Input field=Field::TTokens label="tf.tokens"/>
        <Input field=Field::Passes label="m1.passes"/>
        <Counts/>
    }
}
