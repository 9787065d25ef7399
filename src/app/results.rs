//! Results: FLOP, PF and pfs-days per method, the derivation, notes, and the comparison.

use super::State;
use aicompute::calculation::calc::Outcome;
use aicompute::calculation::calc::{Field, Side};
use aicompute::text::format::superscript as sup;
use aicompute::text::i18n::t;
use aicompute::text::i18n::Key;
use aicompute::{calculation::thresholds, classroom::quiz, planning::planner, run::footprint, text::render};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Which {
    One,
    Two,
}

/// What a method's result shows, as text: FLOP, PF and pfs-days, and below them the derivation
/// or why there is none. Kept as a memo so a keystroke updates text nodes instead of rebuilding
/// the result (and a derivation the user closed stays closed).
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    figures: [String; 3],
    body: Body,
}

#[derive(Clone, Debug, PartialEq)]
enum Body {
    Derivation {
        lines: Vec<String>,
        formula: String,
        notes: Vec<String>,
    },
    /// Why there is no result yet, in the core's words.
    None(String),
}

fn shown(o: &Outcome, lang: aicompute::text::i18n::Lang) -> Shown {
    let Outcome::Done(e) = o else {
        let why = o.why_none(lang).unwrap_or_default();
        return Shown { figures: ["—".into(), "—".into(), "—".into()], body: Body::None(why) };
    };
    let mut lines: Vec<String> = render::steps(e, lang).into_iter().map(|s| sup(&s)).collect();
    let formula = lines.pop().unwrap_or_default();
    let notes = e.notes.iter().map(|n| sup(&render::note(n, lang))).collect();
    Shown {
        figures: [sup(&render::pfs_days(e.flop, lang)), sup(&render::flop(e.flop)), sup(&render::pf(e.flop, lang))],
        body: Body::Derivation { lines, formula, notes },
    }
}

/// `<li>` items of a list of texts.
fn items(list: Vec<String>) -> impl IntoView {
    list.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()
}

#[component]
fn MethodResult(which: Which) -> impl IntoView {
    let state = expect_context::<State>();
    let prefix = if which == Which::One { "ops" } else { "gpu" };
    let title = if which == Which::One { Key::M1Title } else { Key::M2Title };
    let shown = Memo::new(move |_| {
        let lang = state.lang.get();
        state.eval.with(|e| shown(if which == Which::One { &e.method1 } else { &e.method2 }, lang))
    });
    let figure = move |i: usize| move || shown.with(|s| s.figures[i].clone());
    let derivation =
        move |pick: fn(&Body) -> Option<Vec<String>>| move || items(shown.with(|s| pick(&s.body)).unwrap_or_default());
    let formula = move || {
        shown.with(|s| match &s.body {
            Body::Derivation { formula, .. } => formula.clone(),
            _ => String::new(),
        })
    };
    // Reactive inside: the fallback stays up from empty to invalid and back.
    let fallback = move || {
        let why = move || {
            shown.with(|s| match &s.body {
                Body::None(why) => why.clone(),
                Body::Derivation { .. } => String::new(),
            })
        };
        view! { <p class="muted" data-testid=format!("{prefix}-none")>{why}</p> }
    };
    view! {
        <div class="result">
            <h3>{state.tx(title)}</h3>
            <dl class="figures" aria-live="polite">
                <div class="big">
                    <dt>{state.tx(Key::ResultPfs)}</dt>
                    <dd data-testid=format!("{prefix}-pfs-days")>{figure(0)}</dd>
                </div>
                <div>
                    <dt>{state.tx(Key::ResultFlop)}</dt>
                    <dd data-testid=format!("{prefix}-flop")>{figure(1)}</dd>
                </div>
                <div>
                    <dt>{state.tx(Key::ResultPf)}</dt>
                    <dd data-testid=format!("{prefix}-pf")>{figure(2)}</dd>
                </div>
            </dl>
            <Show when=move || shown.with(|s| matches!(s.body, Body::Derivation { .. })) fallback=fallback>
                <details class="derivation" open>
                    <summary>{state.tx(Key::ResultDerivation)}</summary>
                    <ul>{derivation(|b| match b { Body::Derivation { lines, .. } => Some(lines.clone()), _ => None })}</ul>
                    <p class="formula" data-testid=format!("{prefix}-formula")>{formula}</p>
                    <ul class="notes">{derivation(|b| match b { Body::Derivation { notes, .. } => Some(notes.clone()), _ => None })}</ul>
                </details>
            </Show>
            {(which == Which::Two).then(|| view! { <Footprint/> })}
        </div>
    }
}

/// Chip-hours, energy, emissions and cost of Method 2's run, with their arithmetic: the block is
/// built when a footprint appears, and its texts follow.
#[component]
fn Footprint() -> impl IntoView {
    let state = expect_context::<State>();
    let footprint = Memo::new(move |_| state.eval.with(|e| e.footprint.clone().and_then(Result::ok)));
    let text = move |f: fn(&footprint::Footprint, aicompute::text::i18n::Lang) -> Option<String>| {
        move || {
            let lang = state.lang.get();
            footprint.with(|v| v.as_ref().and_then(|v| f(v, lang))).map_or_else(|| "—".to_string(), |t| sup(&t))
        }
    };
    let list = move |f: fn(&footprint::Footprint, aicompute::text::i18n::Lang) -> Vec<String>| {
        move || {
            let lang = state.lang.get();
            items(
                footprint.with(|v| v.as_ref().map(|v| f(v, lang).iter().map(|l| sup(l)).collect())).unwrap_or_default(),
            )
        }
    };
    // On the printed handout only when one of its fields was typed.
    let typed = move || state.calc.with(|c| [&c.power, &c.pue, &c.grid, &c.price].iter().any(|t| !t.trim().is_empty()));
    view! {
        <Show when=move || footprint.with(Option::is_some)>
            <div class="footprint" class:typed=typed data-testid="footprint">
                <h4>{state.tx(Key::M2Footprint)}</h4>
                <p class="from" data-testid="footprint-from">{move || aicompute::calculation::estimate::Source::Two.from(state.lang.get())}</p>
                <dl class="figures small">
                    <div><dt>{state.tx(Key::M2ChipHours)}</dt>
                        <dd data-testid="gpu-chip-hours">{text(|f, _| Some(footprint::chip_hours_text(f.chip_hours)))}</dd></div>
                    <div><dt>{state.tx(Key::M2Energy)}</dt>
                        <dd data-testid="gpu-energy">{text(|f, l| f.kwh.map(|v| footprint::energy_text(v, l)))}</dd></div>
                    <div><dt>{state.tx(Key::M2Co2)}</dt>
                        <dd data-testid="gpu-co2">{text(|f, l| f.co2_kg.map(|v| footprint::co2_text(v, l)))}</dd></div>
                    <div><dt>{state.tx(Key::M2Cost)}</dt>
                        <dd data-testid="gpu-cost">{text(|f, l| f.usd.map(|v| footprint::usd_text(v, l)))}</dd></div>
                </dl>
                <ul class="derivation-lines">{list(footprint::lines)}</ul>
                <ul class="notes">{list(footprint::notes)}</ul>
            </div>
        </Show>
    }
}

/// Which estimate a derived figure follows ("from Method 2: GPU time"), beside it. In an
/// exercise whose answer is hidden no estimate is shown: it says where the answer will appear.
#[component]
pub fn EstimateFrom(id: &'static str) -> impl IntoView {
    let state = expect_context::<State>();
    let text = move || {
        let lang = state.lang.get();
        if state.answer_hidden() {
            return Some(t(lang, Key::PageQuizFrom).to_string());
        }
        state
            .eval
            .with(|e| e.current().map(|cur| state.calc.with(|c| aicompute::calculation::examples::named(c, cur, lang))))
    };
    view! { <p class="from" data-testid=id>{text}</p> }
}

/// The current estimate as the results say it: its figure ("3.15 × 10²³ FLOP = 3,646 pfs-days")
/// and which estimate it is; `None` without one.
pub(super) fn current_figure(state: State) -> Option<(String, String)> {
    let lang = state.lang.get();
    state.eval.with(|e| {
        let cur = e.current()?;
        let flop = sup(&render::flop(cur.flop));
        let figure =
            format!("{} FLOP = {} pfs-days", flop.trim_end_matches(" FLOP"), sup(&render::pfs_days(cur.flop, lang)));
        Some((figure, state.calc.with(|c| aicompute::calculation::examples::named(c, cur, lang))))
    })
}

/// The one estimate every figure below follows, and the choice of it: the method last edited,
/// Method 1, Method 2, or both when they agree.
#[component]
fn CurrentEstimate() -> impl IntoView {
    use aicompute::calculation::calc::Basis;
    let state = expect_context::<State>();
    let figure = move || match current_figure(state) {
        Some((figure, named)) => format!("{figure} · {named}"),
        None => state
            .eval
            .with(|e| e.current.as_ref().err().map(|why| why.message(state.lang.get()).to_string()))
            .unwrap_or_default(),
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let b = Basis::from_key(&v).unwrap_or(Basis::Auto);
        state.calc.update(|c| c.basis = b);
    };
    view! {
        <div class="current" data-testid="current-estimate-box">
            <h3>{state.tx(Key::CurrentTitle)}</h3>
            <p data-testid="current-estimate" aria-live="polite">{figure}</p>
            <label class="no-print">
                {state.tx(Key::CurrentPick)} " "
                <select data-testid="estimate-basis" on:change=on_pick
                    prop:value=move || state.calc.with(|c| c.basis.key().to_string())>
                    {Basis::ALL.map(|b| view! {
                        <option value=b.key()>{move || b.label(state.lang.get())}</option>
                    })}
                </select>
            </label>
        </div>
    }
}

/// Where the current estimate stands against the legal thresholds, each with its source. The
/// block stays while there is an estimate of some compute; its list follows the estimate, and
/// says which it is.
#[component]
fn Thresholds() -> impl IntoView {
    let state = expect_context::<State>();
    let flop = Memo::new(move |_| state.eval.with(|e| e.current().map(|x| x.flop.mid())));
    let list = Memo::new(move |_| flop.get().map(thresholds::against).unwrap_or_default());
    // Far below every threshold (under 1% of each), the list is left off the printed handout.
    let far = move || list.with(|l| l.iter().all(|s| s.ratio < 0.01));
    view! {
        // An estimate of no compute (0 FLOP) stands against no threshold: no block, not a list
        // of bare source links.
        <Show when=move || list.with(|l| !l.is_empty())>
            <div class="thresholds" class:far=far data-testid="thresholds">
                <h3>{state.tx(Key::ThresholdsTitle)}</h3>
                <EstimateFrom id="thresholds-from"/>
                <ul>
                    {thresholds::THRESHOLDS.iter().map(|th| {
                        // One item per threshold, built once; its words and class follow the estimate.
                        let standing = move || list.with(|l| l.iter().find(|s| s.threshold.id == th.id).copied());
                        view! {
                            <li class:above=move || standing().is_some_and(|s| s.is_above())>
                                {move || standing().map(|s| sup(&s.sentence(state.lang.get())))} " "
                                <a href=th.source_url title=move || th.note_in(state.lang.get())>
                                    {state.tx(Key::M2Source)}
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// An exercise: the student's answer, checked against the calculation's result, and the
/// worked answer on request.
#[component]
fn Quiz() -> impl IntoView {
    let state = expect_context::<State>();
    let answer = RwSignal::new(String::new());
    // The answer last checked; its grade follows the calculation (a chip whose catalog
    // arrives after the check grades it then, not "no exact value").
    let checked = RwSignal::new(None::<String>);
    let graded =
        Memo::new(move |_| checked.with(|a| a.as_ref().map(|a| state.eval.with(|e| quiz::grade_evaluation(a, e)))));
    let check = move || checked.set(Some(answer.get_untracked()));
    view! {
        <div class="quiz" data-testid="quiz">
            <h3>{state.tx(Key::QuizTitle)}</h3>
            <p>{state.tx(Key::QuizAsk)}</p>
            <label class="quiz-label" for="quiz-answer">{state.tx(Key::QuizAnswer)}</label>
            <div class="quiz-row">
                <input
                    id="quiz-answer"
                    type="text"
                    data-testid="quiz-answer"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="quiz-verdict"
                    on:input=move |ev| {
                        // The verdict was of the answer checked: it goes with it.
                        answer.set(event_target_value(&ev));
                        checked.set(None);
                    }
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { check() }
                />
                <button type="button" data-testid="quiz-check" on:click=move |_| check()>{state.tx(Key::QuizCheck)}</button>
            </div>
            <p
                id="quiz-verdict"
                data-testid="quiz-verdict"
                aria-live="polite"
                class:passed=move || graded.with(|g| matches!(g, Some(Ok(g)) if g.verdict.passed()))
                class:close=move || graded.with(|g| matches!(g, Some(Ok(g)) if g.verdict.close()))
            >
                {move || {
                    let lang = state.lang.get();
                    graded.with(|g| match g {
                        Some(Ok(g)) => sup(&g.message(lang)),
                        Some(Err(e)) => sup(&e.message(lang)),
                        None => String::new(),
                    })
                }}
            </p>
            <button type="button" class="secondary" data-testid="quiz-reveal" aria-expanded=move || if state.revealed.get() { "true" } else { "false" }
                on:click=move |_| state.revealed.set(true)>
                {state.tx(Key::QuizReveal)}
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
            <h2 id="results-title">{state.tx(Key::ResultsTitle)}</h2>
            // An exercise keeps the student's answer and grade; the worked answer opens below them.
            <Show when=move || state.calc.with(|c| c.quiz)><Quiz/></Show>
            <Show when=move || !hidden.get()><Answer/></Show>
        </section>
    }
}

/// Both methods' results, their comparison, the thresholds, the citation and the downloads.
#[component]
fn Answer() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <CurrentEstimate/>
        <MethodResult which=Which::One/>
        <MethodResult which=Which::Two/>
        <div class="compare" class:empty=move || state.eval.with(|e| e.comparison.is_none())>
            <h3>{state.tx(Key::ResultRatio)}</h3>
            <p data-testid="methods-ratio">
                {move || {
                    let lang = state.lang.get();
                    match state.eval.with(|e| e.comparison) {
                        Some(c) => sup(&render::comparison(&c, lang)),
                        None => t(lang, Key::ResultCompareEmpty).to_string(),
                    }
                }}
            </p>
            <Show when=move || state.calc.with(|c| c.is_example(Side::One) != c.is_example(Side::Two)) && state.eval.with(|e| e.comparison.is_some())>
                <p class="warn" data-testid="compare-example">{state.tx(Key::ExampleCompare)}</p>
            </Show>
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
    let plan = Memo::new(move |_| state.calc.with(|c| state.eval.with(|ev| aicompute::planning::plan::plan(c, ev))));
    let n = |v: f64| sup(&aicompute::text::format::sci(v, 3));
    let figure = move |id: &'static str, label: Key, value: Box<dyn Fn() -> String + Send + Sync>| {
        view! {
            <div><dt>{state.tx(label)}</dt><dd data-testid=id>{value}</dd></div>
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
            <summary>{state.tx(Key::PlanTitle)}</summary>
            <EstimateFrom id="planner-from"/>
            <super::fields::Input field=Field::Budget label=Key::PlanCompute/>
            <dl class="figures small">
                {figure("chinchilla-parameters", Key::PlanN, Box::new(move || chinchilla(|c| c.parameters)))}
                {figure("chinchilla-tokens", Key::PlanD, Box::new(move || chinchilla(|c| c.tokens)))}
                {figure("tokens-per-parameter", Key::PlanTpp, Box::new(move || {
                    plan.with(|p| p.tokens_per_parameter.map_or("—".into(), |r| aicompute::text::format::readable(r, 3, ",")))
                }))}
            </dl>
            <p class="help">{state.tx(Key::PlanChinchillaHelp)}</p>
            <super::fields::Input field=Field::TokensPerSecond label=Key::PlanTps/>
            <dl class="figures small">
                {figure("mfu", Key::PlanMfu, Box::new(move || {
                    let lang = state.lang.get();
                    plan.with(|p| match &p.mfu {
                        Some(Ok(u)) => aicompute::text::format::percent(*u),
                        Some(Err(e)) => e.message(lang),
                        None => "—".into(),
                    })
                }))}
            </dl>
            <p class="help">{state.tx(Key::PlanMfuHelp)}</p>
        </details>
    }
}
