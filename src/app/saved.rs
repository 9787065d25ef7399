//! Compare estimates: the current calculation saved to a list (kept in local storage as link
//! queries), shown in a table and on the chart; any can be opened again or removed.

use super::State;
use aicompute::calculation::calc::{evaluate, Calculation, Method};
use aicompute::catalog::Catalog;
use aicompute::plot::chart::UserPoint;
use aicompute::text::i18n::Key;
use aicompute::text::i18n::{t, Lang};
use aicompute::{formats::share, text::render};
use leptos::prelude::*;

const STORAGE_KEY: &str = "aicompute.saved";
/// The most estimates kept.
pub const MAX_SAVED: usize = 50;

/// The saved calculations, shared by the list and the chart.
#[derive(Clone, Copy)]
pub struct Saved(pub RwSignal<Vec<Calculation>>, Aside);

/// What of the stored list is not shown: its unreadable lines (kept as they were, after the
/// readable ones, until the viewer removes them), and whether the last write was refused.
#[derive(Clone, Copy)]
struct Aside {
    unreadable: RwSignal<Vec<String>>,
    not_kept: RwSignal<bool>,
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The list as the last visit left it; lines that are not links this page writes are set aside
/// (never shown as blank rows) and said.
pub fn load() -> Saved {
    let text = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()).unwrap_or_default();
    let l = share::read_list(&text, MAX_SAVED);
    Saved(RwSignal::new(l.calcs), Aside { unreadable: RwSignal::new(l.unreadable), not_kept: RwSignal::new(false) })
}

/// Writes the list, its set-aside lines after it; says when the browser refused (storage full).
fn store(list: &[Calculation], aside: Aside) {
    let Some(s) = storage() else { return };
    let mut text = share::encode_list(list);
    aside.unreadable.with_untracked(|u| {
        for line in u {
            text.push('\n');
            text.push_str(line);
        }
    });
    aside.not_kept.set(s.set_item(STORAGE_KEY, &text).is_err());
}

/// The saved estimates that have a result and a date, as chart points.
pub fn points(list: &[Calculation], cat: &Catalog) -> Vec<UserPoint> {
    list.iter()
        .filter_map(|c| {
            let ev = evaluate(c, cat);
            let years = ev.date.clone().ok().flatten()?;
            let e = ev.current()?.flop;
            Some(UserPoint { years, flop: e.mid(), low: e.lo, high: e.hi, label: c.name.clone() })
        })
        .collect()
}

fn method_name(m: Method, lang: Lang) -> &'static str {
    t(
        lang,
        match m {
            Method::Ops => Key::M1TabOps,
            Method::Params => Key::M1TabParams,
            Method::Transformer => Key::M1TabTransformer,
            Method::Gpu => Key::M2Title,
        },
    )
}

/// One row: name, date, FLOP, pfs-days, method.
fn row(c: &Calculation, cat: &Catalog, lang: Lang) -> [String; 4] {
    let ev = evaluate(c, cat);
    let sup = aicompute::text::format::superscript;
    match (ev.current(), ev.headline()) {
        (Some(cur), Some(e)) => [
            c.date.clone(),
            sup(&render::flop(cur.flop)),
            sup(&render::pfs_days(cur.flop, lang)),
            if cur.source == aicompute::calculation::estimate::Source::Both {
                cur.source.name(lang).to_string()
            } else {
                method_name(e.method, lang).to_string()
            },
        ],
        _ => [c.date.clone(), "—".into(), "—".into(), String::new()],
    }
}

#[component]
pub fn SavedEstimates() -> impl IntoView {
    let state = expect_context::<State>();
    let saved = expect_context::<Saved>();
    let save = move |_| {
        let c = state.calc.get_untracked();
        saved.0.update(|l| {
            l.retain(|x| x != &c);
            l.push(Calculation { quiz: false, ..c });
            let over = l.len().saturating_sub(MAX_SAVED);
            l.drain(..over);
            store(l, saved.1);
        });
    };
    let remove = move |i: usize| {
        saved.0.update(|l| {
            if i < l.len() {
                l.remove(i);
            }
            store(l, saved.1);
        })
    };
    let discard = move |_| {
        saved.1.unreadable.set(Vec::new());
        saved.0.with_untracked(|l| store(l, saved.1));
    };
    let open = move |i: usize| {
        if let Some(c) = saved.0.with_untracked(|l| l.get(i).cloned()) {
            state.cleared.set(None);
            state.undo.set(Calculation::default());
            state.calc.set(c);
        }
    };
    view! {
        <div class="saved no-print">
            <h3>{state.tx(Key::SavedTitle)}</h3>
            <button type="button" class="secondary" data-testid="save-estimate" on:click=save
                disabled=move || state.eval.with(|e| e.current().is_none())>{state.tx(Key::SavedSave)}</button>
            {move || {
                let n = saved.1.unreadable.with(Vec::len);
                (n > 0).then(|| view! {
                    <p class="warn" role="status" data-testid="saved-aside">
                        {share::unreadable_message(n, state.lang.get())} " "
                        <button type="button" class="secondary small" data-testid="saved-aside-remove" on:click=discard>
                            {state.tx(Key::SavedDiscard)}
                        </button>
                    </p>
                })
            }}
            {move || saved.1.not_kept.get().then(|| view! {
                <p class="warn" role="status" data-testid="saved-not-kept">{state.t(Key::SavedNotkept)}</p>
            })}
            {move || {
                let lang = state.lang.get();
                let list = saved.0.get();
                if list.is_empty() {
                    return view! { <p class="muted">{t(lang, Key::SavedNone)}</p> }.into_any();
                }
                view! {
                    <table data-testid="saved-table">
                        <thead><tr>
                            <th>{t(lang, Key::TrendTableModel)}</th>
                            <th>{t(lang, Key::TrendTableDate)}</th>
                            <th class="num">"FLOP"</th>
                            <th class="num">"pfs-days"</th>
                            <th>{t(lang, Key::SavedMethod)}</th>
                            <th></th>
                        </tr></thead>
                        <tbody>
                            {list.iter().enumerate().map(|(i, c)| {
                                // A saved estimate naming one of Epoch AI's chips evaluates once its
                                // catalog is here.
                                let [date, flop, pfs, method] = state.catalog.with(|cat| row(c, cat, lang));
                                let name = if c.name.trim().is_empty() { format!("#{}", i + 1) } else { c.name.clone() };
                                view! {
                                    <tr>
                                        <td>{name.clone()}</td>
                                        <td>{date}</td>
                                        <td class="num">{flop}</td>
                                        <td class="num">{pfs}</td>
                                        <td>{method}</td>
                                        <td class="actions">
                                            <button type="button" class="secondary" data-testid="saved-open"
                                                aria-label=format!("{} {name}", t(lang, Key::SavedLoad))
                                                on:click=move |_| open(i)>{t(lang, Key::SavedLoad)}</button>
                                            <button type="button" class="secondary" data-testid="saved-remove"
                                                aria-label=format!("{} {name}", t(lang, Key::SavedRemove))
                                                on:click=move |_| remove(i)>{t(lang, Key::SavedRemove)}</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </div>
    }
}
