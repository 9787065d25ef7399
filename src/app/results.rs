//! Results: FLOP, PF and pfs-days per method, the derivation, notes, and the comparison.

use super::State;
use crate::calc::Outcome;
use crate::format::superscript as sup;
use crate::i18n::t;
use crate::render;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Which {
    One,
    Two,
}

#[component]
fn MethodResult(which: Which) -> impl IntoView {
    let state = expect_context::<State>();
    let prefix = if which == Which::One { "ops" } else { "gpu" };
    let title = if which == Which::One { "m1.title" } else { "m2.title" };
    let outcome = Memo::new(move |_| {
        state.eval.with(|e| if which == Which::One { e.method1.clone() } else { e.method2.clone() })
    });
    move || {
        let lang = state.lang.get();
        let o = outcome.get();
        let (flop, pf, pfs) = match &o {
            Outcome::Done(e) => {
                (sup(&render::flop(e.flop)), sup(&render::pf(e.flop, lang)), sup(&render::pfs_days(e.flop, lang)))
            }
            _ => ("—".to_string(), "—".to_string(), "—".to_string()),
        };
        let body = match &o {
            Outcome::Done(e) => {
                let steps: Vec<String> = render::steps(e, lang).into_iter().map(|s| sup(&s)).collect();
                let (lines, formula) = steps.split_at(steps.len().saturating_sub(1));
                view! {
                    <details class="derivation" open>
                        <summary>{t(lang, "result.derivation")}</summary>
                        <ul>{lines.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
                        <p class="formula" data-testid=format!("{prefix}-formula")>{formula.first().cloned()}</p>
                        <ul class="notes">{e.notes.iter().map(|n| view! { <li>{sup(&render::note(n, lang))}</li> }).collect_view()}</ul>
                    </details>
                }
                .into_any()
            }
            Outcome::Empty => view! { <p class="muted">{t(lang, "result.empty")}</p> }.into_any(),
            Outcome::Invalid(_) => view! { <p class="muted">{t(lang, "result.invalid")}</p> }.into_any(),
        };
        view! {
            <div class="result">
                <h3>{t(lang, title)}</h3>
                <dl class="figures">
                    <div class="big">
                        <dt>{t(lang, "result.pfs")}</dt>
                        <dd data-testid=format!("{prefix}-pfs-days")>{pfs}</dd>
                    </div>
                    <div>
                        <dt>{t(lang, "result.flop")}</dt>
                        <dd data-testid=format!("{prefix}-flop")>{flop}</dd>
                    </div>
                    <div>
                        <dt>{t(lang, "result.pf")}</dt>
                        <dd data-testid=format!("{prefix}-pf")>{pf}</dd>
                    </div>
                </dl>
                {body}
            </div>
        }
    }
}

#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <section class="panel results" aria-labelledby="results-title" aria-live="polite">
            <h2 id="results-title">{move || state.t("results.title")}</h2>
            <MethodResult which=Which::One/>
            <MethodResult which=Which::Two/>
            <div class="compare" class:empty=move || state.eval.with(|e| e.comparison.is_none())>
                <h3>{move || state.t("result.ratio")}</h3>
                <p data-testid="methods-ratio">
                    {move || {
                        let lang = state.lang.get();
                        match state.eval.with(|e| e.comparison) {
                            Some(c) => sup(&render::comparison(&c, lang)),
                            None => t(lang, "result.compare.empty").to_string(),
                        }
                    }}
                </p>
            </div>
        </section>
    }
}
