//! Results: FLOP, PF and pfs-days per method, the derivation, notes, and the comparison.

use super::State;
use crate::calc::Field;
use crate::calc::Outcome;
use crate::format::superscript as sup;
use crate::i18n::t;
use crate::{footprint, planner, quiz, render, thresholds};
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
                <dl class="figures" aria-live="polite">
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
                {(which == Which::Two).then(|| view! { <Footprint/> })}
            </div>
        }
    }
}

/// Chip-hours, energy, emissions and cost of Method 2's run, with their arithmetic.
#[component]
fn Footprint() -> impl IntoView {
    let state = expect_context::<State>();
    let footprint = Memo::new(move |_| state.eval.with(|e| e.footprint.clone().and_then(Result::ok)));
    move || {
        let lang = state.lang.get();
        let f = footprint.get()?;
        let dash = || "—".to_string();
        let figures = [
            ("m2.chip-hours", "gpu-chip-hours", Some(footprint::chip_hours_text(f.chip_hours))),
            ("m2.energy", "gpu-energy", f.kwh.map(|v| footprint::energy_text(v, lang))),
            ("m2.co2", "gpu-co2", f.co2_kg.map(|v| footprint::co2_text(v, lang))),
            ("m2.cost", "gpu-cost", f.usd.map(|v| footprint::usd_text(v, lang))),
        ];
        // On the printed handout only when one of its fields was typed.
        let typed = state.calc.with(|c| [&c.power, &c.pue, &c.grid, &c.price].iter().any(|t| !t.trim().is_empty()));
        Some(view! {
            <div class="footprint" class:typed=typed data-testid="footprint">
                <h4>{t(lang, "m2.footprint")}</h4>
                <dl class="figures small">
                    {figures.into_iter().map(|(label, id, v)| view! {
                        <div><dt>{t(lang, label)}</dt><dd data-testid=id>{v.unwrap_or_else(dash)}</dd></div>
                    }).collect_view()}
                </dl>
                <ul class="derivation-lines">{footprint::lines(&f, lang).into_iter().map(|l| view! { <li>{sup(&l)}</li> }).collect_view()}</ul>
                <ul class="notes">{footprint::notes(&f, lang).into_iter().map(|n| view! { <li>{sup(&n)}</li> }).collect_view()}</ul>
            </div>
        })
    }
}

/// Where the headline estimate (Method 1's, else Method 2's) stands against the legal
/// thresholds, each with its source.
#[component]
fn Thresholds() -> impl IntoView {
    let state = expect_context::<State>();
    let flop = Memo::new(move |_| state.eval.with(|e| e.headline().map(|x| x.flop.mid())));
    move || {
        let lang = state.lang.get();
        let list = thresholds::against(flop.get()?);
        // Far below every threshold (under 1% of each), the list is left off the printed handout.
        let far = list.iter().all(|s| s.ratio < 0.01);
        Some(view! {
            <div class="thresholds" class:far=far data-testid="thresholds">
                <h3>{t(lang, "thresholds.title")}</h3>
                <ul>
                    {list.into_iter().map(|s| view! {
                        <li class:above=s.is_above()>
                            {sup(&s.sentence(lang))} " "
                            <a href=s.threshold.source_url title=crate::i18n::tr(lang, s.threshold.note_en, s.threshold.note_zh)>
                                {t(lang, "m2.source")}
                            </a>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}

/// An exercise: the student's answer, checked against the calculation's result, and the
/// worked answer on request.
#[component]
fn Quiz() -> impl IntoView {
    let state = expect_context::<State>();
    let answer = RwSignal::new(String::new());
    let graded = RwSignal::new(None::<Result<quiz::Grade, quiz::QuizError>>);
    let exact = move || state.eval.with_untracked(|e| e.headline().map(|x| x.flop.mid()));
    let check = move || {
        let r = exact().ok_or(quiz::QuizError::BadExact).and_then(|x| quiz::grade(&answer.get_untracked(), x));
        graded.set(Some(r));
    };
    view! {
        <div class="quiz" data-testid="quiz">
            <h3>{move || state.t("quiz.title")}</h3>
            <p>{move || state.t("quiz.ask")}</p>
            <label class="quiz-label" for="quiz-answer">{move || state.t("quiz.answer")}</label>
            <div class="quiz-row">
                <input
                    id="quiz-answer"
                    type="text"
                    data-testid="quiz-answer"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="quiz-verdict"
                    on:input=move |ev| answer.set(event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { check() }
                />
                <button type="button" data-testid="quiz-check" on:click=move |_| check()>{move || state.t("quiz.check")}</button>
            </div>
            <p
                id="quiz-verdict"
                data-testid="quiz-verdict"
                aria-live="polite"
                class:passed=move || graded.with(|g| matches!(g, Some(Ok(g)) if g.verdict.passed()))
            >
                {move || {
                    let lang = state.lang.get();
                    graded.with(|g| match g {
                        Some(Ok(g)) => sup(&g.message(lang)),
                        Some(Err(e)) => e.message(lang),
                        None => String::new(),
                    })
                }}
            </p>
            <button type="button" class="secondary" data-testid="quiz-reveal" on:click=move |_| state.revealed.set(true)>
                {move || state.t("quiz.reveal")}
            </button>
        </div>
    }
}

#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<State>();
    let hidden = Memo::new(move |_| state.answer_hidden());
    view! {
        <section class="panel results" aria-labelledby="results-title">
            <h2 id="results-title">{move || state.t("results.title")}</h2>
            {move || if hidden.get() { view! { <Quiz/> }.into_any() } else { view! { <Answer/> }.into_any() }}
        </section>
    }
}

/// Both methods' results, their comparison, the thresholds, the citation and the downloads.
#[component]
fn Answer() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
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
        <Thresholds/>
        <Planner/>
        <super::export::Citation/>
        <super::export::Exports/>
    }
}

/// Chinchilla's compute-optimal model for a budget, the estimate's tokens per parameter, and the
/// MFU of a measured throughput.
#[component]
fn Planner() -> impl IntoView {
    let state = expect_context::<State>();
    let plan = Memo::new(move |_| state.calc.with(|c| state.eval.with(|ev| crate::plan::plan(c, ev))));
    let n = |v: f64| sup(&crate::format::sci(v, 3));
    let figure = move |id: &'static str, label: &'static str, value: Box<dyn Fn() -> String + Send + Sync>| {
        view! {
            <div><dt>{move || state.t(label)}</dt><dd data-testid=id>{value}</dd></div>
        }
    };
    let chinchilla = move |pick: fn(&planner::Chinchilla) -> f64| {
        let lang = state.lang.get();
        plan.with(|p| match &p.chinchilla {
            Some(Ok((_, c))) => n(pick(c)),
            Some(Err(e)) => e.message(lang),
            None => "—".into(),
        })
    };
    view! {
        <details class="planner" data-testid="planner">
            <summary>{move || state.t("plan.title")}</summary>
            <super::fields::Input field=Field::Budget label="plan.compute"/>
            <dl class="figures small">
                {figure("chinchilla-parameters", "plan.n", Box::new(move || chinchilla(|c| c.parameters)))}
                {figure("chinchilla-tokens", "plan.d", Box::new(move || chinchilla(|c| c.tokens)))}
                {figure("tokens-per-parameter", "plan.tpp", Box::new(move || {
                    plan.with(|p| p.tokens_per_parameter.map_or("—".into(), |r| crate::format::readable(r, 3, ",")))
                }))}
            </dl>
            <p class="help">{move || state.t("plan.chinchilla.help")}</p>
            <super::fields::Input field=Field::TokensPerSecond label="plan.tps"/>
            <dl class="figures small">
                {figure("mfu", "plan.mfu", Box::new(move || {
                    let lang = state.lang.get();
                    plan.with(|p| match &p.mfu {
                        Some(Ok(u)) => crate::format::percent(*u),
                        Some(Err(e)) => e.message(lang),
                        None => "—".into(),
                    })
                }))}
            </dl>
            <p class="help">{move || state.t("plan.mfu.help")}</p>
        </details>
    }
}
