//! What a Method 2 run used besides FLOP: chip-hours, energy, emissions and cost, read from the
//! calculation's power, PUE, grid and price fields (see [`crate::run::energy`] for the arithmetic and
//! its sources), with the derivation as lines of text in both languages.
//!
//! Every quantity is a [`Value`]: a range in chips, time or any of the four fields gives a
//! low–high result (the functions are increasing in each argument, so the ends map to the ends).

use crate::calculation::field::{Calculation, Field, Want};
use crate::calculation::problem::{FieldError, Problem};
use crate::catalog::hardware::{self, Chip};
use crate::catalog::Catalog;
use crate::language::expr::{Dim, Value};
use crate::language::units::HOUR;
use crate::run::energy::{self, Grid, DEFAULT_PUE};
use crate::say;
use crate::text::format::{digits, normal, DIGITS_BELOW, TYPED_SIG, WORKED_SIG};
use crate::text::i18n::{t, Key, Lang};

/// Where the power per chip came from.
#[derive(Clone, Debug, PartialEq)]
pub enum PowerFrom {
    /// Typed in the power field.
    Typed,
    /// The chip's thermal design power in the catalog (the chip with its sources).
    Tdp { chip: Box<Chip> },
}

/// A run's footprint. `None` parts are not shown: no power known (a peak typed by hand and no
/// power), no grid or no price given.
#[derive(Clone, Debug, PartialEq)]
pub struct Footprint {
    pub chips: Value,
    /// Seconds.
    pub seconds: Value,
    pub chip_hours: Value,
    /// Watts per chip, and where the figure came from.
    pub power: Option<(Value, PowerFrom)>,
    pub pue: Value,
    /// Whether the PUE is the stated default.
    pub pue_default: bool,
    pub kwh: Option<Value>,
    /// kg CO2e per kWh, and the region when one was named.
    pub grid: Option<(Value, Option<&'static Grid>)>,
    pub co2_kg: Option<Value>,
    /// USD per chip-hour.
    pub price: Option<Value>,
    pub usd: Option<Value>,
}

/// Reads one of the four fields: `Ok(None)` when empty. The grid field also takes a region's id
/// (`world`, `france`…).
///
/// # Errors
///
/// A [`FieldError`] on `field` when the text is too long, or the [`EnergyError`](super::energy::EnergyError)
/// of the field's parser.
pub fn read(field: Field, text: &str) -> Result<Option<Value>, FieldError> {
    crate::calculation::problem::check_length(field, text)?;
    // A date is no power, PUE, intensity or price either.
    crate::calculation::problem::not_a_date(field, text, field.want())?;
    let parsed = match field.want() {
        Want::Power => energy::parse_power(text),
        Want::Pue => energy::parse_pue(text),
        Want::Grid => match region(text) {
            Some(g) => return Ok(Some(Value::num(g.kg_per_kwh))),
            None => energy::parse_grid(text),
        },
        Want::Price => energy::parse_price(text),
        _ => return Ok(None),
    };
    parsed.map_err(|e| {
        let (start, end) = e.span(text);
        FieldError::new(field, Problem::Energy(e), start, end)
    })
}

/// The grid region whose id is typed (any case), or its name in a language (the suggestion list
/// offers the names of the page's language).
pub fn region(text: &str) -> Option<&'static Grid> {
    let t = text.trim();
    let named = |g: &Grid| [Lang::En, Lang::Zh].iter().any(|l| g.name_in(*l).eq_ignore_ascii_case(t));
    energy::GRIDS.iter().find(|g| g.id.eq_ignore_ascii_case(t) || named(g))
}

/// Applies `f` to the low ends and to the high ends.
fn ends(a: Value, b: Value, f: impl Fn(f64, f64) -> Option<f64>) -> Option<Value> {
    Some(Value { lo: f(a.lo, b.lo)?, hi: f(a.hi, b.hi)?, dim: Dim::COUNT })
}

/// [`ends`] for a function of three values.
fn ends3(a: Value, b: Value, c: Value, f: impl Fn(f64, f64, f64) -> Option<f64>) -> Option<Value> {
    Some(Value { lo: f(a.lo, b.lo, c.lo)?, hi: f(a.hi, b.hi, c.hi)?, dim: Dim::COUNT })
}

fn too_large(field: Field, c: &Calculation) -> Vec<FieldError> {
    vec![FieldError::new(field, Problem::FootprintTooLarge, 0, field.get(c).chars().count())]
}

/// The value of a check, its error kept in `errors`.
fn take<T>(r: Result<T, FieldError>, errors: &mut Vec<FieldError>) -> Option<T> {
    r.map_err(|e| errors.push(e)).ok()
}

/// The power per chip: typed, else the catalog chip's TDP.
fn power(c: &Calculation, cat: &Catalog) -> Result<Option<(Value, PowerFrom)>, FieldError> {
    if let Some(w) = read(Field::Power, &c.power)? {
        return Ok(Some((w, PowerFrom::Typed)));
    }
    let Ok(chip) = cat.lookup(&c.hardware) else { return Ok(None) };
    Ok(chip.tdp_watts.map(|w| (Value::num(w), PowerFrom::Tdp { chip: Box::new(chip.clone()) })))
}

/// The footprint of a run of `chips` chips for `seconds` (Method 2's factors, solved or typed).
/// Errors are those of the four fields, or a result past the largest double.
///
/// # Errors
///
/// Every field's [`FieldError`] at once (power, PUE, grid, price, as [`read`] gives them), or a
/// single one when a result is past the largest double.
pub fn compute(c: &Calculation, cat: &Catalog, chips: Value, seconds: Value) -> Result<Footprint, Vec<FieldError>> {
    let mut errors = Vec::new();
    let power = take(power(c, cat), &mut errors).flatten();
    let pue_typed = take(read(Field::Pue, &c.pue), &mut errors).flatten();
    let grid = take(read(Field::Grid, &c.grid), &mut errors).flatten().map(|v| (v, region(&c.grid)));
    let price = take(read(Field::Price, &c.price), &mut errors).flatten();
    if !errors.is_empty() {
        return Err(errors);
    }
    let pue = pue_typed.unwrap_or(Value::num(DEFAULT_PUE.value));
    let chip_hours = ends(chips, seconds, energy::chip_hours).ok_or_else(|| too_large(Field::Time, c))?;
    let kwh = match &power {
        Some((w, _)) => {
            // Past the largest double: said beside the larger of the power and a typed PUE.
            let culprit = if pue_typed.is_some_and(|p| p.hi > w.hi) { Field::Pue } else { Field::Power };
            Some(ends3(chip_hours, *w, pue, energy::energy_kwh).ok_or_else(|| too_large(culprit, c))?)
        }
        None => None,
    };
    let co2_kg = match (kwh, grid) {
        (Some(e), Some((g, _))) => Some(ends(e, g, energy::emissions_kg).ok_or_else(|| too_large(Field::Grid, c))?),
        _ => None,
    };
    let usd = match price {
        Some(p) => Some(ends(chip_hours, p, energy::cost_usd).ok_or_else(|| too_large(Field::Price, c))?),
        None => None,
    };
    let pue_default = pue_typed.is_none();
    Ok(Footprint { chips, seconds, chip_hours, power, pue, pue_default, kwh, grid, co2_kg, price, usd })
}

fn span(v: Value, f: impl Fn(f64) -> String) -> String {
    v.show(f)
}

/// Chip-hours as "1,920" (whole numbers grouped, scientific from 10^7; small counts with their
/// decimals).
pub fn chip_hours_text(v: Value) -> String {
    span(v, |x| if x >= 100.0 { digits(x, DIGITS_BELOW, 3, ",") } else { normal(x, WORKED_SIG) })
}

pub fn energy_text(v: Value, lang: Lang) -> String {
    span(v, |x| energy::format_energy(x, lang))
}

pub fn co2_text(v: Value, lang: Lang) -> String {
    span(v, |x| energy::format_emissions(x, lang))
}

pub fn usd_text(v: Value, lang: Lang) -> String {
    span(v, |x| energy::format_usd(x, lang))
}

/// A figure the user typed (a PUE, a grid's intensity, a price) as the derivation repeats it.
fn typed(x: f64) -> String {
    normal(x, TYPED_SIG)
}

/// The derivation, one line per quantity shown.
pub fn lines(f: &Footprint, lang: Lang) -> Vec<String> {
    let ch = chip_hours_text(f.chip_hours);
    let hours = chip_hours_text(f.seconds.scale(1.0 / HOUR));
    // Typed chips are whole; a solved count is worked out: three digits.
    let chips = span(f.chips, |x| normal(x, if x.fract() == 0.0 { TYPED_SIG } else { WORKED_SIG }));
    let mut out = vec![say!(lang, Key::RunFootprintChipHours, chips = chips, hours = hours, ch = ch)];
    if let (Some((w, _)), Some(e)) = (&f.power, f.kwh) {
        out.push(say!(
            lang,
            Key::RunFootprintEnergy,
            ch = ch,
            power = span(*w, energy::format_power),
            pue = span(f.pue, typed),
            energy = energy_text(e, lang),
        ));
    }
    if let (Some(e), Some((g, _)), Some(co2)) = (f.kwh, f.grid, f.co2_kg) {
        let (energy, grid, co2) = (energy_text(e, lang), span(g, typed), co2_text(co2, lang));
        out.push(say!(lang, Key::RunFootprintEmissions, energy = energy, grid = grid, co2 = co2));
    }
    if let (Some(p), Some(usd)) = (f.price, f.usd) {
        let price = span(p, |x| say!(lang, Key::RunFootprintPrice, n = typed(x)));
        out.push(say!(lang, Key::RunFootprintCost, ch = ch, price = price, usd = usd_text(usd, lang)));
    }
    out
}

/// The sources and assumptions behind the lines.
pub fn notes(f: &Footprint, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    match &f.power {
        Some((w, PowerFrom::Tdp { chip })) => {
            let citation = chip.tdp_citation_in(lang);
            let name = hardware::of_name(lang, &hardware::chip_name(&chip.name, lang));
            let power = span(*w, energy::format_power);
            out.push(say!(lang, Key::RunFootprintTdp, power = power, name = name, citation = citation))
        }
        Some(_) => {}
        None => out.push(t(lang, Key::RunFootprintNoEnergy).to_string()),
    }
    if f.pue_default && f.power.is_some() {
        out.push(say!(lang, Key::RunFootprintPue, value = DEFAULT_PUE.value, source = DEFAULT_PUE.source_in(lang)));
    }
    if let Some((_, Some(g))) = f.grid {
        let (name, source) = (g.name_in(lang), g.source_in(lang));
        out.push(say!(lang, Key::RunFootprintGrid, kg = g.kg_per_kwh, year = g.year, name = name, source = source));
    }
    out
}
