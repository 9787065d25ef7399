//! What several commands share: an estimate as text or JSON (the same object the page exports),
//! a method run from a calculation, and a field's value or error as the core reads it, named by
//! the field's flag.

use crate::{lang, Fail};
use aicompute::calculation::calc::{self, evaluate, Calculation, Estimate, Field, Outcome};
use aicompute::calculation::thresholds;
use aicompute::catalog::Catalog;
use aicompute::formats::export;
use aicompute::run::footprint;
use aicompute::text::i18n::{t, CliKey};
use aicompute::text::render;
use serde_json::{json, Map, Value as Json};

/// The core's JSON as serde's, for printing.
pub fn serde(j: &aicompute::model::json::Json) -> Json {
    use aicompute::model::json::Json as J;
    match j {
        J::Null => Json::Null,
        J::Bool(b) => json!(b),
        J::Num(n) => json!(n),
        J::Str(s) => json!(s),
        J::Arr(a) => Json::Array(a.iter().map(serde).collect()),
        J::Obj(m) => Json::Object(m.iter().map(|(k, v)| (k.clone(), serde(v))).collect()),
    }
}

/// The numbers of an estimate as JSON (with low/high where an input is a range), the thresholds
/// and the derivation: the same object the page's export holds.
pub fn estimate_json(e: &Estimate) -> Map<String, Json> {
    match serde(&export::estimate(e, lang())) {
        Json::Object(m) => m,
        _ => Map::new(),
    }
}

pub fn print_estimate(e: &Estimate) {
    for s in render::steps(e, lang()) {
        println!("{s}");
    }
    for n in &e.notes {
        println!("{}{}", t(lang(), CliKey::CliNote), render::note(n, lang()));
    }
    // Plain output names the thresholds an estimate comes within 100× of (JSON lists all).
    for s in thresholds::against(e.flop.mid()).iter().filter(|s| s.ratio >= 0.01) {
        println!("{}", s.sentence(lang()));
    }
}

/// A field's error as "--flag: message".
pub fn field_error(e: &calc::FieldError) -> Fail {
    Fail::Core { flag: e.field.flag().to_string(), message: e.message(lang()) }
}

/// The first error of an outcome as "--flag: message".
pub fn outcome_error(o: &Outcome) -> Fail {
    match o.errors().first() {
        Some(e) => field_error(e),
        None => Fail::Says(CliKey::CliMissingInput),
    }
}

/// Chip-hours, energy, emissions and cost (each absent when not computable).
pub fn footprint_json(f: &footprint::Footprint) -> Map<String, Json> {
    export::footprint(f).iter().map(|(k, v)| (k.clone(), serde(v))).collect()
}

/// Method 1 (or 2, `gpu`) of a calculation, printed as text or JSON.
pub fn run_method(c: &Calculation, cat: &Catalog, gpu: bool, json_out: bool) -> Result<(), Fail> {
    let ev = evaluate(c, cat);
    let o = if gpu { &ev.method2 } else { &ev.method1 };
    let Outcome::Done(e) = o else { return Err(outcome_error(o)) };
    let footprint = match &ev.footprint {
        Some(Err(errs)) if gpu => return Err(field_error(&errs[0])),
        Some(Ok(f)) if gpu => Some(f),
        _ => None,
    };
    if json_out {
        let mut m = estimate_json(e);
        m.extend(footprint.map(footprint_json).unwrap_or_default());
        println!("{}", Json::Object(m));
    } else {
        print_estimate(e);
        for line in footprint
            .map(|f| footprint::lines(f, lang()).into_iter().chain(footprint::notes(f, lang())))
            .into_iter()
            .flatten()
        {
            println!("{line}");
        }
    }
    Ok(())
}

/// A field's value as the core reads it (`None` when empty); one number, not a range.
pub fn value(c: &Calculation, field: Field) -> Result<Option<f64>, Fail> {
    let text = field.get(c);
    if text.trim().is_empty() {
        return Ok(None);
    }
    let v = calc::check_field(field, text).map_err(|e| field_error(&e))?;
    if v.is_range() {
        return Err(Fail::Range(field.flag().into()));
    }
    Ok(Some(v.mid()))
}

/// A field's value that the command needs.
pub fn needed(c: &Calculation, field: Field) -> Result<f64, Fail> {
    value(c, field)?.ok_or(Fail::Missing { flag: field.flag(), why: None })
}
