//! Energy, emissions and cost of a training run, from chip-hours: pure functions over plain
//! numbers (counts, seconds, watts), the sourced default PUE, a table of grid carbon
//! intensities, readable units in both languages, and the checks of the four text fields
//! (power, PUE, grid, price) with typed, bilingual errors.
//!
//! Every function here is increasing in each of its (non-negative) arguments, so the ends of a
//! range map to the ends of the result: apply them to `lo` and to `hi`.

use crate::language::expr::{self, Dim, ExprKind, Value};
use crate::language::units::HOUR;
use crate::say;
use crate::text::format::{grouped, readable, round_sig};
use crate::text::i18n::{t, Key, Lang};

/// A default figure with its source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    /// The source, in each language (titles stay as published).
    pub source: Key,
    pub url: &'static str,
}

impl Figure {
    pub fn source_in(&self, lang: Lang) -> &'static str {
        t(lang, self.source)
    }
}

/// The default power usage effectiveness: 1.1, Google's fleet-wide trailing twelve-month
/// average. Large training runs happen in hyperscale data centres, and Google publishes its
/// figure every quarter; an ordinary data centre adds more (Uptime Institute's 2021 survey
/// average was 1.57), and Luccioni et al. (2022) used 1.2 for the Jean Zay cluster that
/// trained BLOOM. Type another PUE where the cluster is known.
pub const DEFAULT_PUE: Figure =
    Figure { value: 1.1, source: Key::RunPueSource, url: "https://www.google.com/about/datacenters/efficiency/" };

/// The carbon intensity of one electricity grid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid {
    /// What users type (`--grid china`); the names in each language are read too.
    pub id: &'static str,
    /// The region's name, in each language.
    pub name: Key,
    /// kg CO2e per kWh.
    pub kg_per_kwh: f64,
    /// The source, in each language (titles stay as published).
    pub source: Key,
    pub url: &'static str,
    /// The year the figure is for.
    pub year: u16,
}

const OWID: &str = "https://ourworldindata.org/grapher/carbon-intensity-electricity";

/// A grid whose figure is Ember's via Our World in Data, for 2023.
const fn owid(id: &'static str, name: Key, kg_per_kwh: f64) -> Grid {
    Grid { id, name, kg_per_kwh, source: Key::RunGridOwidSource, url: OWID, year: 2023 }
}

/// Grid carbon intensities, each with its source and year.
pub const GRIDS: &[Grid] = &[
    Grid {
        id: "world",
        name: Key::RunGridWorld,
        kg_per_kwh: 0.481,
        source: Key::RunGridWorldSource,
        url: "https://www.statista.com/statistics/943137/global-emissions-intensity-power-sector-by-country/",
        year: 2023,
    },
    Grid {
        id: "us",
        name: Key::RunGridUs,
        kg_per_kwh: 0.367,
        source: Key::RunGridUsSource,
        url: "https://www.eia.gov/tools/faqs/faq.php?id=74&t=3",
        year: 2023,
    },
    Grid {
        id: "eu",
        name: Key::RunGridEu,
        kg_per_kwh: 0.281,
        source: Key::RunGridEuSource,
        url: "https://www.eea.europa.eu/data-and-maps/indicators/overview-of-the-electricity-production-3/assessment",
        year: 2018,
    },
    owid("china", Key::RunGridChina, 0.582),
    owid("india", Key::RunGridIndia, 0.713),
    owid("germany", Key::RunGridGermany, 0.381),
    owid("canada", Key::RunGridCanada, 0.170),
    owid("france", Key::RunGridFrance, 0.056),
    Grid {
        id: "france-bloom",
        name: Key::RunGridFranceBloom,
        kg_per_kwh: 0.057,
        source: Key::RunGridFranceBloomSource,
        url: "https://arxiv.org/abs/2211.02001",
        year: 2022,
    },
];

impl Grid {
    pub fn name_in(&self, lang: Lang) -> &'static str {
        t(lang, self.name)
    }
    pub fn source_in(&self, lang: Lang) -> &'static str {
        t(lang, self.source)
    }
}

/// A grid by its id.
pub fn grid(id: &str) -> Option<&'static Grid> {
    GRIDS.iter().find(|g| g.id == id)
}

/// The product of non-negative, finite factors, if it is finite too.
fn product(factors: &[f64]) -> Option<f64> {
    if !factors.iter().all(|a| a.is_finite() && *a >= 0.0) {
        return None;
    }
    let p: f64 = factors.iter().product();
    p.is_finite().then_some(p)
}

/// Chip-hours: chips × time (s) / 3600. `None` for a negative or non-finite input or result.
pub fn chip_hours(chips: f64, seconds: f64) -> Option<f64> {
    Some(product(&[chips, seconds])? / HOUR)
}

/// Energy in kWh: chip-hours × power per chip (W) × PUE / 1000.
pub fn energy_kwh(chip_hours: f64, watts: f64, pue: f64) -> Option<f64> {
    Some(product(&[chip_hours, watts, pue])? / 1000.0)
}

/// Emissions in kg CO2e: energy (kWh) × grid intensity (kg CO2e/kWh).
pub fn emissions_kg(kwh: f64, kg_per_kwh: f64) -> Option<f64> {
    product(&[kwh, kg_per_kwh])
}

/// Cost in USD: chip-hours × price per chip-hour (USD).
pub fn cost_usd(chip_hours: f64, usd_per_chip_hour: f64) -> Option<f64> {
    product(&[chip_hours, usd_per_chip_hour])
}

/// A number with 3 significant digits and grouped thousands: "433", "24.7", "1,083"; from 10^7
/// up and under 10^-3, scientific ("1.9 × 10^300"), never hundreds of digits of rounding noise.
fn num3(v: f64) -> String {
    let r = round_sig(v, 3);
    if (1000.0..1e7).contains(&r.abs()) {
        grouped(r, 0, ",")
    } else {
        readable(r, 3, ",")
    }
}

/// Energy in the unit that fits: "433 kWh", "433 MWh", "1.2 GWh" (each language's unit words).
pub fn format_energy(kwh: f64, lang: Lang) -> String {
    let units =
        [(1.0, Key::RunEnergyKwh), (1e3, Key::RunEnergyMwh), (1e6, Key::RunEnergyGwh), (1e9, Key::RunEnergyTwh)];
    let k = units.iter().rposition(|(s, _)| round_sig(kwh.abs(), 3) >= *s).unwrap_or(0);
    let (scale, key) = units[k];
    say!(lang, key, n = num3(kwh / scale))
}

/// Emissions in kg below a tonne, else in tonnes: "850 kg CO2e", "24.7 t CO2e".
pub fn format_emissions(kg: f64, lang: Lang) -> String {
    if round_sig(kg.abs(), 3) < 1000.0 {
        say!(lang, Key::RunCo2Kg, n = num3(kg))
    } else {
        say!(lang, Key::RunCo2T, n = num3(kg / 1000.0))
    }
}

/// A cost: "$5.58 million", "$850"; Chinese groups by ten thousands (10^4 and 10^8) rather than
/// millions and billions.
pub fn format_usd(usd: f64, lang: Lang) -> String {
    let a = round_sig(usd.abs(), 3);
    if lang == Lang::Zh && a >= 1e4 {
        // In the units of 10^4, 10^8 and 10^12 with no thousands separator before the unit, as
        // crate::text::format::wan writes counts; scientific in plain dollars beyond.
        let w = crate::text::format::wan(usd, 3, lang);
        let gap = if w.ends_with(|c: char| c.is_ascii_digit()) { " " } else { "" };
        return say!(lang, Key::RunUsdUnits, n = format!("{w}{gap}"));
    }
    let (mid, large) = (1e6, 1e9);
    match a {
        a if a >= large => say!(lang, Key::RunUsdLarge, n = num3(usd / large)),
        a if a >= mid => say!(lang, Key::RunUsdMid, n = num3(usd / mid)),
        _ => say!(lang, Key::RunUsd, n = num3(usd)),
    }
}

/// A power: "400 W", "1.2 MW" (the symbols are the same in Chinese).
pub fn format_power(watts: f64) -> String {
    let units = [(1.0, "W"), (1e3, "kW"), (1e6, "MW"), (1e9, "GW")];
    let k = units.iter().rposition(|(s, _)| round_sig(watts.abs(), 3) >= *s).unwrap_or(0);
    format!("{} {}", num3(watts / units[k].0), units[k].1)
}

/// The four text fields this module checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// Power per chip (`gpu-power`, `--power`): W, kW or MW; a bare number is watts.
    Power,
    /// Power usage effectiveness (`gpu-pue`, `--pue`): a plain number ≥ 1.
    Pue,
    /// Grid carbon intensity (`gpu-grid`, `--grid`): kg CO2e/kWh, or g/kWh with its unit.
    Grid,
    /// Price per chip-hour (`gpu-price`, `--price`): USD, an optional `$`.
    Price,
}

impl Input {
    /// What the field wants, with an example.
    fn wants(self, lang: Lang) -> &'static str {
        let key = match self {
            Input::Power => Key::RunWantsPower,
            Input::Pue => Key::RunWantsPue,
            Input::Grid => Key::RunWantsGrid,
            Input::Price => Key::RunWantsPrice,
        };
        t(lang, key)
    }
}

/// Why a field's text is not a value the field can use.
#[derive(Clone, Debug, PartialEq)]
pub enum EnergyError {
    /// The expression itself does not evaluate (its message, in English, and its span).
    Expr { field: Input, kind: ExprKind, start: usize, end: usize },
    /// A value of another kind: a time in the grid field.
    Kind { field: Input, text: String, got: Dim },
    /// A negative value (or, for power, zero).
    Negative { field: Input, text: String },
    /// A PUE below 1: a data centre cannot use less than its chips do.
    PueBelowOne { text: String },
}

impl EnergyError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            EnergyError::Expr { kind, .. } => kind.message(lang),
            EnergyError::Kind { field, text, got } => {
                say!(lang, Key::RunErrorKind, got = got.describe(lang), wants = field.wants(lang), text = text)
            }
            EnergyError::Negative { field: Input::Power, text } => {
                say!(lang, Key::RunErrorPowerNotPositive, text = text)
            }
            EnergyError::Negative { field, text } => {
                say!(lang, Key::RunErrorNegative, wants = field.wants(lang), text = text)
            }
            EnergyError::PueBelowOne { text } => say!(lang, Key::RunErrorPueBelowOne, text = text),
        }
    }

    /// The character span of the text the error is about.
    pub fn span(&self, text: &str) -> (usize, usize) {
        match self {
            EnergyError::Expr { start, end, .. } => (*start, *end),
            _ => (0, text.chars().count()),
        }
    }
}

impl std::fmt::Display for EnergyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Units the grid field accepts after its number, and their factor to kg CO2e/kWh; spaces
/// inside are ignored. Longest first, so "kg/kWh" is not read as "g/kWh".
const GRID_UNITS: &[(&str, f64)] = &[
    ("kgCO2e/kWh", 1.0),
    ("kgCO2/kWh", 1.0),
    ("kg/kWh", 1.0),
    ("gCO2e/kWh", 1e-3),
    ("gCO2/kWh", 1e-3),
    ("g/kWh", 1e-3),
    ("kg/MWh", 1e-3),
    ("t/MWh", 1.0),
];

/// Splits a trailing unit off `text` (spaces in the unit ignored): the text before it and the
/// unit's factor, or the whole text and 1.
fn split_unit<'a>(text: &'a str, units: &[(&str, f64)]) -> (&'a str, f64) {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for (unit, k) in units {
        if compact.ends_with(unit) {
            let keep = compact.chars().count() - unit.chars().count();
            let mut seen = 0;
            for (i, c) in text.char_indices() {
                if seen == keep {
                    return (&text[..i], *k);
                }
                if !c.is_whitespace() {
                    seen += 1;
                }
            }
        }
    }
    (text, 1.0)
}

/// Evaluates `text` for `field`: `Ok(None)` when empty (the default, or none).
fn eval(field: Input, text: &str) -> Result<Option<Value>, EnergyError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let v = expr::eval(text).map_err(|e| EnergyError::Expr { field, kind: e.kind, start: e.start, end: e.end })?;
    Ok(Some(v))
}

fn kind(field: Input, text: &str, got: Dim) -> EnergyError {
    EnergyError::Kind { field, text: crate::calculation::field::excerpt(text.trim()), got }
}

fn negative(field: Input, text: &str) -> EnergyError {
    EnergyError::Negative { field, text: crate::calculation::field::excerpt(text.trim()) }
}

/// The power field: "400 W", "0.4 kW", "1.2 MW", or a bare number of watts. In watts.
///
/// # Errors
///
/// An [`EnergyError`]: the expression does not parse, is not a power or plain number, or is not
/// positive.
pub fn parse_power(text: &str) -> Result<Option<Value>, EnergyError> {
    let Some(v) = eval(Input::Power, text)? else { return Ok(None) };
    if v.dim != Dim::COUNT && v.dim != Dim::POWER {
        return Err(kind(Input::Power, text, v.dim));
    }
    if v.lo <= 0.0 {
        return Err(negative(Input::Power, text));
    }
    Ok(Some(Value { dim: Dim::COUNT, ..v }))
}

/// The PUE field: a plain number ≥ 1 ("1.1", "110%").
///
/// # Errors
///
/// An [`EnergyError`]: the expression does not parse, is not a plain number, or is below 1
/// ([`EnergyError::PueBelowOne`]).
pub fn parse_pue(text: &str) -> Result<Option<Value>, EnergyError> {
    let Some(v) = eval(Input::Pue, text)? else { return Ok(None) };
    if v.dim != Dim::COUNT {
        return Err(kind(Input::Pue, text, v.dim));
    }
    if v.lo < 1.0 {
        return Err(EnergyError::PueBelowOne { text: crate::calculation::field::excerpt(text.trim()) });
    }
    Ok(Some(v))
}

/// The grid field: kg CO2e per kWh ("0.4"), or with a unit ("57 g/kWh", "0.4 kg CO2e/kWh").
#[allow(
    clippy::float_cmp,
    reason = "exact on purpose: k is a literal from the unit table or the no-unit default 1.0, never computed"
)]
///
/// # Errors
///
/// An [`EnergyError`]: a unit with no number, an expression that does not parse, is not a plain
/// number, or is negative.
pub fn parse_grid(text: &str) -> Result<Option<Value>, EnergyError> {
    let (number, k) = split_unit(text, GRID_UNITS);
    if number.trim().is_empty() && k != 1.0 {
        return Err(EnergyError::Expr { field: Input::Grid, kind: ExprKind::Empty, start: 0, end: 0 });
    }
    let Some(v) = eval(Input::Grid, number)? else { return Ok(None) };
    if v.dim != Dim::COUNT {
        return Err(kind(Input::Grid, text, v.dim));
    }
    if v.lo < 0.0 {
        return Err(negative(Input::Grid, text));
    }
    Ok(Some(v.scale(k)))
}

/// The price field: USD per chip-hour ("2", "$2", "2 USD"), or per another time ("$2/h",
/// "$48/d"). In USD per chip-hour.
///
/// # Errors
///
/// An [`EnergyError`]: the expression does not parse, is not a plain number or a price per time,
/// or is negative.
pub fn parse_price(text: &str) -> Result<Option<Value>, EnergyError> {
    let t = text.trim_start();
    let (lead, rest) = match t.strip_prefix("US$").or_else(|| t.strip_prefix('$')) {
        Some(r) => (text.chars().count() - r.chars().count(), r),
        None => (0, text),
    };
    let (number, _) = split_unit(rest, &[("USD", 1.0)]);
    let shift = |e: EnergyError| match e {
        EnergyError::Expr { field, kind, start, end } => {
            EnergyError::Expr { field, kind, start: start + lead, end: end + lead }
        }
        e => e,
    };
    let Some(v) = eval(Input::Price, number).map_err(shift)? else { return Ok(None) };
    let per_hour = match v.dim {
        Dim::COUNT => v,
        Dim { ops: 0, time: -1, power: 0 } => Value { dim: Dim::COUNT, ..v.scale(HOUR) },
        d => return Err(kind(Input::Price, text, d)),
    };
    if per_hour.lo < 0.0 {
        return Err(negative(Input::Price, text));
    }
    Ok(Some(per_hour))
}

impl std::error::Error for EnergyError {}
