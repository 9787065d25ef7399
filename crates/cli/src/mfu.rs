//! `aicompute mfu`: the model FLOPs utilization of a measured throughput (PaLM's definition):
//! (6·N + 12·L·H·Q·T) × tokens per second ÷ (chips × peak). The flags fill a [`Calculation`]; each
//! value is read as its field (the peak from the catalog as Method 2 reads it), the rest is the
//! planner's.

use crate::show::{field_error, needed, value};
use crate::{lang, Args, Cmd, Fail, JSON};
use aicompute::calculation::calc::{self, Calculation, Field, Want};
use aicompute::calculation::field::Command;
use aicompute::catalog::Catalog;
use aicompute::planning::planner;
use aicompute::say;
use aicompute::text::format;
use aicompute::text::i18n::CliKey;
use serde_json::json;

pub const CMD: Cmd = Cmd { name: "mfu", fields: Some(Command::Mfu), before: &[], after: &[JSON], notes: &[], run };

/// The peak per chip: the catalog's for `--hardware` (at `--precision`), or `--peak`.
fn peak(c: &Calculation, cat: &Catalog) -> Result<f64, Fail> {
    match (c.hardware.trim().is_empty(), c.peak.trim().is_empty()) {
        (false, true) => Ok(calc::catalog_peak(c, cat, &mut Vec::new()).map_err(|e| field_error(&e))?.0),
        (true, false) => needed(c, Field::Peak),
        _ => Err(Fail::Says(CliKey::CliHardwareOrPeak)),
    }
}

/// The attention term's dimensions, the whole-number fields the command takes (layers, heads,
/// head dimension, context): all or none (then 0).
fn attention(c: &Calculation) -> Result<[f64; 4], Fail> {
    let fields: Vec<Field> = Field::of(Command::Mfu).filter(|(f, _)| f.want() == Want::Whole).map(|(f, _)| f).collect();
    let given = fields.iter().any(|f| !f.get(c).trim().is_empty());
    let mut dims = [0.0; 4];
    for (d, f) in dims.iter_mut().zip(fields) {
        *d = match (value(c, f)?, given) {
            (Some(v), _) => v,
            (None, true) => return Err(Fail::Missing { flag: f.flag(), why: Some(CliKey::CliWhyAttention) }),
            (None, false) => 0.0,
        };
    }
    Ok(dims)
}

fn run(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &CMD)?;
    let c = a.calculation(Command::Mfu, Calculation::default());
    let (rate, n, chips) =
        (needed(&c, Field::TokensPerSecond)?, needed(&c, Field::Parameters)?, needed(&c, Field::Chips)?);
    let peak = peak(&c, cat)?;
    let [l, h, q, t] = attention(&c)?;
    let core = |flag: &str, e: planner::PlanError| Fail::Core { flag: flag.into(), message: e.message(lang()) };
    let per_token = planner::palm_flop_per_token(n, l, h, q, t).map_err(|e| core(Field::Parameters.flag(), e))?;
    let u = planner::mfu(rate, per_token, chips, peak).map_err(|e| core("mfu", e))?;
    if a.has("--json") {
        println!("{}", json!({"mfu": u, "flop_per_token": per_token, "peak": peak}));
    } else {
        let r = |v: f64| format::readable(v, 4, ",");
        let (n, rate, chips, peak, percent) = (r(n), r(rate), r(chips), r(peak), format::readable(u * 100.0, 3, ","));
        let [l, h, q, t] = [l, h, q, t].map(|v| v.to_string());
        let line = say!(
            lang(),
            CliKey::CliMfuFormula,
            n = n,
            l = l,
            h = h,
            q = q,
            t = t,
            rate = rate,
            chips = chips,
            peak = peak,
            percent = percent
        );
        println!("{line}");
    }
    Ok(())
}
