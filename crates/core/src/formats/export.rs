//! A calculation as data to take away: JSON (the same estimate objects the CLI's `--json`
//! prints) and CSV, each with every input as typed, every output, the derivation, the share link,
//! the thresholds, a citation and the sources. Plain text only: the page turns it into a
//! download, the CLI prints it.

use crate::calculation::calc::{Estimate, Evaluation, Label, Method, Mode, Note, Per};
use crate::calculation::field::{Calculation, Field};
use crate::calculation::thresholds;
use crate::catalog::csv;
use crate::formats::cite;
use crate::language::units::{pfs_days, DAY, PF};
use crate::model::json::Json;
use crate::run::energy::DEFAULT_PUE;
use crate::run::footprint::{Footprint, PowerFrom};
use crate::text::i18n::{t, Key, Lang};
use crate::text::render;

/// The version of the export's layout.
pub(crate) const VERSION: f64 = 1.0;

fn num(v: f64) -> Json {
    Json::Num(v)
}

fn text(s: impl Into<String>) -> Json {
    Json::Str(s.into())
}

fn obj(members: Vec<(&str, Json)>) -> Json {
    Json::Obj(members.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// The estimate's figures, the value solved for, the thresholds and the derivation.
pub fn estimate(e: &Estimate, lang: Lang) -> Json {
    let v = e.flop;
    let mut m = vec![("flop", num(v.mid())), ("pf", num(v.mid() / PF)), ("pfs_days", num(pfs_days(v.mid())))];
    if v.is_range() {
        m.extend([
            ("flop_low", num(v.lo)),
            ("flop_high", num(v.hi)),
            ("pfs_days_low", num(pfs_days(v.lo))),
            ("pfs_days_high", num(pfs_days(v.hi))),
        ]);
    }
    if let (Some(label), Some(x)) = (e.solved, e.solved.and_then(|l| e.factor(l))) {
        let (key, value) = match label {
            Label::Chips => ("chips", x.mid()),
            Label::Time => ("days", x.mid() / DAY),
            _ => ("utilization", x.mid()),
        };
        m.extend([(key, num(value)), ("solved", text(key))]);
    }
    m.push(("thresholds", thresholds_json(v.mid(), lang)));
    m.push(("formula", text(render::formula(e, lang))));
    m.push(("steps", Json::Arr(render::steps(e, lang).into_iter().map(text).collect())));
    m.push(("notes", Json::Arr(e.notes.iter().map(|n| text(render::note(n, lang))).collect())));
    obj(m)
}

/// Every threshold: `{id, name, flop, ratio, above, in_force}`, its name in `lang` (the `id`
/// is the same in every language).
pub(crate) fn thresholds_json(flop: f64, lang: Lang) -> Json {
    let list = thresholds::against(flop).into_iter().map(|s| {
        let t = s.threshold;
        obj(vec![
            ("id", text(t.id)),
            ("name", text(t.name_in(lang))),
            ("flop", num(t.flop)),
            ("ratio", num(s.ratio)),
            ("above", Json::Bool(s.is_above())),
            ("in_force", Json::Bool(t.in_force)),
        ])
    });
    Json::Arr(list.collect())
}

/// Chip-hours, power, PUE, energy, emissions and cost; those not computable are left out.
pub fn footprint(f: &Footprint) -> Vec<(String, Json)> {
    let optional = [
        ("power_watts", f.power.as_ref().map(|(w, _)| *w)),
        ("energy_kwh", f.kwh),
        ("grid_kg_per_kwh", f.grid.map(|(g, _)| g)),
        ("co2_kg", f.co2_kg),
        ("price_usd_per_chip_hour", f.price),
        ("cost_usd", f.usd),
    ];
    let mut m = vec![("chip_hours".to_string(), num(f.chip_hours.mid())), ("pue".to_string(), num(f.pue.mid()))];
    m.extend(optional.into_iter().filter_map(|(k, v)| Some((k.to_string(), num(v?.mid())))));
    m
}

/// The sources the calculation rests on: OpenAI's method always, then each catalog figure used;
/// in `lang`, as the page shows them (titles and publishers as published).
pub fn sources(ev: &Evaluation, with_epoch: bool, lang: Lang) -> Vec<String> {
    let mut out = vec![t(lang, Key::FormatsSourceOpenai).to_string()];
    for e in [ev.method1.estimate(), ev.method2.estimate()].into_iter().flatten() {
        for n in &e.notes {
            if let Note::Peak { chip, .. } = n {
                out.push(crate::say!(
                    lang,
                    Key::FormatsSourcePeak,
                    chip = chip.name,
                    citation = chip.citation_in(lang)
                ));
            }
        }
    }
    if let Some(Ok(f)) = &ev.footprint {
        if let Some((_, PowerFrom::Tdp { chip })) = &f.power {
            out.push(crate::say!(lang, Key::FormatsSourceTdp, chip = chip.name, citation = chip.tdp_citation_in(lang)));
        }
        if f.pue_default {
            let (value, source, url) = (DEFAULT_PUE.value, DEFAULT_PUE.source_in(lang), DEFAULT_PUE.url);
            out.push(crate::say!(lang, Key::FormatsSourcePue, value = value, source = source, url = url));
        }
        if let Some((_, Some(g))) = f.grid {
            let (name, source) = (g.name_in(lang), g.source_in(lang));
            out.push(crate::say!(
                lang,
                Key::FormatsSourceGrid,
                name = name,
                source = source,
                year = g.year,
                url = g.url
            ));
        }
    }
    if with_epoch {
        out.push(cite::epoch_sentence(lang));
    }
    out
}

/// The citation of the current estimate (see [`crate::calculation::estimate::current`]).
pub fn citation(ev: &Evaluation, lang: Lang) -> Option<String> {
    let current = ev.current()?;
    let method = match (current.source, ev.headline()?.method) {
        (crate::calculation::estimate::Source::Both, _) => cite::Method::Both,
        (_, Method::Params) => cite::Method::SixNd,
        (_, Method::Transformer) => cite::Method::Architecture,
        (_, Method::Ops) => cite::Method::Operations,
        (_, Method::Gpu) => cite::Method::GpuTime,
    };
    cite::methods_sentence(method, current.flop.mid(), lang)
}

/// Every field as typed (empty ones left out), with Method 1's mode and unit.
fn inputs(c: &Calculation) -> Json {
    let mode = match c.mode {
        Mode::Ops => "ops",
        Mode::Layers => "layers",
        Mode::Params => "params",
        Mode::Transformer => "transformer",
    };
    let per = if c.per == Per::Flop { "flop" } else { "mac" };
    let mut m = vec![("mode".to_string(), text(mode)), ("per".to_string(), text(per))];
    let typed = Field::ALL.iter().filter(|f| !f.get(c).trim().is_empty());
    m.extend(typed.map(|f| (f.key().to_string(), text(f.get(c)))));
    Json::Obj(m)
}

fn method(o: &crate::calculation::calc::Outcome, lang: Lang) -> Json {
    match o {
        crate::calculation::calc::Outcome::Done(e) => estimate(e, lang),
        crate::calculation::calc::Outcome::Empty => Json::Null,
        crate::calculation::calc::Outcome::Invalid(errs) => obj(vec![(
            "errors",
            Json::Arr(errs.iter().map(|e| text(format!("{}: {}", e.field.key(), e.message(lang)))).collect()),
        )]),
    }
}

/// The whole calculation as JSON. `link` is its share link; `with_epoch` whether Epoch AI's
/// data is shown beside it.
pub fn calculation(c: &Calculation, ev: &Evaluation, link: &str, lang: Lang, with_epoch: bool) -> Json {
    let mut m = vec![
        ("aicompute_export".to_string(), num(VERSION)),
        ("link".to_string(), text(link)),
        ("lang".to_string(), text(lang.key())),
        ("inputs".to_string(), inputs(c)),
        ("method1".to_string(), method(&ev.method1, lang)),
        ("method2".to_string(), method(&ev.method2, lang)),
    ];
    if let Some(Ok(f)) = &ev.footprint {
        m.push(("footprint".to_string(), Json::Obj(footprint(f))));
    }
    if let Some(cur) = ev.current() {
        let source = match cur.source {
            crate::calculation::estimate::Source::One => "method1",
            crate::calculation::estimate::Source::Two => "method2",
            crate::calculation::estimate::Source::Both => "both",
        };
        let v = obj(vec![
            ("from", text(source)),
            ("flop", num(cur.flop.mid())),
            ("pfs_days", num(cur.flop.mid() / crate::language::units::PFS_DAY)),
        ]);
        m.push(("current".to_string(), v));
    }
    if let Some(cmp) = ev.comparison {
        let v = obj(vec![("ratio", num(cmp.ratio)), ("geometric_mean_flop", num(cmp.geometric_mean))]);
        m.push(("comparison".to_string(), v));
    }
    m.push(("citation".to_string(), citation(ev, lang).map_or(Json::Null, text)));
    m.push(("bibtex".to_string(), text(cite::bibtex(with_epoch))));
    m.push(("sources".to_string(), Json::Arr(sources(ev, with_epoch, lang).into_iter().map(text).collect())));
    Json::Obj(m)
}

/// Flattens JSON into `section,name,value` rows (arrays numbered from 1).
fn rows(prefix: &str, v: &Json, out: &mut Vec<(String, String)>) {
    let join = |k: &str| if prefix.is_empty() { k.to_string() } else { format!("{prefix}.{k}") };
    match v {
        Json::Obj(m) => m.iter().for_each(|(k, v)| rows(&join(k), v, out)),
        Json::Arr(a) => a.iter().enumerate().for_each(|(i, v)| rows(&join(&(i + 1).to_string()), v, out)),
        Json::Null => out.push((prefix.to_string(), String::new())),
        Json::Bool(b) => out.push((prefix.to_string(), b.to_string())),
        Json::Num(n) => out.push((prefix.to_string(), if n.is_finite() { format!("{n:?}") } else { String::new() })),
        Json::Str(s) => out.push((prefix.to_string(), s.clone())),
    }
}

/// The whole calculation as CSV: a header `field,value`, then one row per figure, input, step
/// and source (the keys of the JSON export joined by dots: `method2.energy_kwh`). Every cell goes
/// through [`csv::cell`], so no text (the name, the BibTeX entry) opens as a formula.
pub fn csv(c: &Calculation, ev: &Evaluation, link: &str, lang: Lang, with_epoch: bool) -> String {
    let mut out = Vec::new();
    rows("", &calculation(c, ev, link, lang, with_epoch), &mut out);
    let mut s = String::from("field,value\r\n");
    for (k, v) in out {
        s.push_str(&format!("{},{}\r\n", csv::cell(&k), csv::cell(&v)));
    }
    s
}
