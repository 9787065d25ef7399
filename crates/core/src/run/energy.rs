//! Energy, emissions and cost of a training run, from chip-hours: pure functions over plain
//! numbers (counts, seconds, watts), the sourced default PUE, a table of grid carbon
//! intensities, readable units in both languages, and the checks of the four text fields
//! (power, PUE, grid, price) with typed, bilingual errors.
//!
//! Every function here is increasing in each of its (non-negative) arguments, so the ends of a
//! range map to the ends of the result: apply them to `lo` and to `hi`.

use crate::language::expr::{self, Dim, ExprKind, Value};
use crate::language::units::HOUR;
use crate::text::format::{grouped, readable, round_sig};
use crate::text::i18n::{tr, Lang};

/// A default figure with its source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub source: &'static str,
    /// The source in Chinese (titles stay as published, in 《》).
    pub source_zh: &'static str,
    pub url: &'static str,
}

impl Figure {
    pub fn source_in(&self, lang: Lang) -> &'static str {
        tr(lang, self.source, self.source_zh)
    }
}

/// The default power usage effectiveness: 1.1, Google's fleet-wide trailing twelve-month
/// average. Large training runs happen in hyperscale data centres, and Google publishes its
/// figure every quarter; an ordinary data centre adds more (Uptime Institute's 2021 survey
/// average was 1.57), and Luccioni et al. (2022) used 1.2 for the Jean Zay cluster that
/// trained BLOOM. Type another PUE where the cluster is known.
pub const DEFAULT_PUE: Figure = Figure {
    value: 1.1,
    source: "Google, \"Power usage effectiveness\": fleet-wide trailing twelve-month PUE of 1.10",
    source_zh: "Google《Power usage effectiveness》：其全部数据中心过去十二个月的 PUE 为 1.10",
    url: "https://www.google.com/about/datacenters/efficiency/",
};

/// The carbon intensity of one electricity grid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid {
    pub id: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    /// kg CO2e per kWh.
    pub kg_per_kwh: f64,
    pub source: &'static str,
    /// The source in Chinese (titles stay as published, in 《》).
    pub source_zh: &'static str,
    pub url: &'static str,
    /// The year the figure is for.
    pub year: u16,
}

const OWID: &str = "https://ourworldindata.org/grapher/carbon-intensity-electricity";
const OWID_SOURCE: &str =
    "Ember and Energy Institute, via Our World in Data, \"Carbon intensity of electricity generation\" (g CO2e/kWh)";
const OWID_SOURCE_ZH: &str =
    "Ember 与 Energy Institute，经 Our World in Data 发布《Carbon intensity of electricity generation》（g CO2e/kWh）";

/// Grid carbon intensities, each with its source and year.
pub const GRIDS: &[Grid] = &[
    Grid {
        id: "world",
        name_en: "World average",
        name_zh: "全球平均",
        kg_per_kwh: 0.481,
        source: "Ember (July 2024), electricity generation emission intensity: 481 g CO2/kWh worldwide in 2023 (as published by Statista)",
        source_zh: "Ember（2024 年 7 月）发电排放强度：2023 年全球为 481 g CO2/kWh（据 Statista 发布）",
        url: "https://www.statista.com/statistics/943137/global-emissions-intensity-power-sector-by-country/",
        year: 2023,
    },
    Grid {
        id: "us",
        name_en: "United States",
        name_zh: "美国",
        kg_per_kwh: 0.367,
        source: "U.S. EIA, FAQ \"How much carbon dioxide is produced per kilowatthour of U.S. electricity generation?\": 0.81 lb CO2/kWh in 2023 (utility-scale plants, CO2 only)",
        source_zh: "美国能源信息署（EIA）常见问题《How much carbon dioxide is produced per kilowatthour of U.S. electricity generation?》：2023 年为 0.81 磅 CO2/kWh（公用事业规模电厂，仅计 CO2）",
        url: "https://www.eia.gov/tools/faqs/faq.php?id=74&t=3",
        year: 2023,
    },
    Grid {
        id: "eu",
        name_en: "European Union (EU-27)",
        name_zh: "欧盟（27 国）",
        kg_per_kwh: 0.281,
        source: "European Environment Agency, \"Greenhouse gas emission intensity of electricity generation in Europe\": 281 g CO2e/kWh in 2018",
        source_zh: "欧洲环境署《Greenhouse gas emission intensity of electricity generation in Europe》：2018 年为 281 g CO2e/kWh",
        url: "https://www.eea.europa.eu/data-and-maps/indicators/overview-of-the-electricity-production-3/assessment",
        year: 2018,
    },
    Grid { id: "china", name_en: "China", name_zh: "中国", kg_per_kwh: 0.582, source: OWID_SOURCE, source_zh: OWID_SOURCE_ZH, url: OWID, year: 2023 },
    Grid { id: "india", name_en: "India", name_zh: "印度", kg_per_kwh: 0.713, source: OWID_SOURCE, source_zh: OWID_SOURCE_ZH, url: OWID, year: 2023 },
    Grid { id: "germany", name_en: "Germany", name_zh: "德国", kg_per_kwh: 0.381, source: OWID_SOURCE, source_zh: OWID_SOURCE_ZH, url: OWID, year: 2023 },
    Grid { id: "canada", name_en: "Canada", name_zh: "加拿大", kg_per_kwh: 0.170, source: OWID_SOURCE, source_zh: OWID_SOURCE_ZH, url: OWID, year: 2023 },
    Grid { id: "france", name_en: "France", name_zh: "法国", kg_per_kwh: 0.056, source: OWID_SOURCE, source_zh: OWID_SOURCE_ZH, url: OWID, year: 2023 },
    Grid {
        id: "france-bloom",
        name_en: "France, as used for BLOOM",
        name_zh: "法国（BLOOM 估算所用）",
        kg_per_kwh: 0.057,
        source: "Luccioni, Viguier & Ligozat (2022), \"Estimating the Carbon Footprint of BLOOM, a 176B Parameter Language Model\": 57 g CO2e/kWh",
        source_zh: "Luccioni、Viguier 与 Ligozat（2022）《Estimating the Carbon Footprint of BLOOM, a 176B Parameter Language Model》：57 g CO2e/kWh",
        url: "https://arxiv.org/abs/2211.02001",
        year: 2022,
    },
];

impl Grid {
    pub fn source_in(&self, lang: Lang) -> &'static str {
        tr(lang, self.source, self.source_zh)
    }
}

/// A grid by its id.
pub fn grid(id: &str) -> Option<&'static Grid> {
    GRIDS.iter().find(|g| g.id == id)
}

/// Example cloud prices for the price field's hint (there is no default price).
pub const PRICE_EXAMPLES: &[Figure] = &[Figure {
    value: 2.0,
    source:
        "DeepSeek-AI (2024), \"DeepSeek-V3 Technical Report\", Table 1: an assumed rental price of $2 per H800 GPU-hour",
    source_zh: "DeepSeek-AI（2024）《DeepSeek-V3 Technical Report》表 1：假定 H800 的租用价格为每 GPU 小时 2 美元",
    url: "https://arxiv.org/abs/2412.19437",
}];

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

/// Energy in the unit that fits: "433 kWh", "433 MWh", "1.2 GWh" (Chinese: 千瓦时, 兆瓦时…).
pub fn format_energy(kwh: f64, lang: Lang) -> String {
    let units: [(f64, &str, &str); 4] =
        [(1.0, "kWh", "千瓦时"), (1e3, "MWh", "兆瓦时"), (1e6, "GWh", "吉瓦时"), (1e9, "TWh", "太瓦时")];
    let k = units.iter().rposition(|(s, _, _)| round_sig(kwh.abs(), 3) >= *s).unwrap_or(0);
    let (scale, en, zh) = units[k];
    format!("{} {}", num3(kwh / scale), tr(lang, en, zh))
}

/// Emissions in kg below a tonne, else in tonnes: "850 kg CO2e", "24.7 t CO2e".
pub fn format_emissions(kg: f64, lang: Lang) -> String {
    if round_sig(kg.abs(), 3) < 1000.0 {
        tr(lang, format!("{} kg CO2e", num3(kg)), format!("{} 千克二氧化碳当量", num3(kg)))
    } else {
        tr(lang, format!("{} t CO2e", num3(kg / 1000.0)), format!("{} 吨二氧化碳当量", num3(kg / 1000.0)))
    }
}

/// A cost: "$5.58 million", "$850"; Chinese in 万 and 亿: "558 万美元".
pub fn format_usd(usd: f64, lang: Lang) -> String {
    let a = round_sig(usd.abs(), 3);
    match lang {
        Lang::En if a >= 1e9 => format!("${} billion", num3(usd / 1e9)),
        Lang::En if a >= 1e6 => format!("${} million", num3(usd / 1e6)),
        Lang::En => format!("${}", num3(usd)),
        Lang::Zh if a >= 1e8 => format!("{} 亿美元", num3(usd / 1e8)),
        Lang::Zh if a >= 1e4 => format!("{} 万美元", num3(usd / 1e4)),
        Lang::Zh => format!("{} 美元", num3(usd)),
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
        match self {
            Input::Power => tr(lang, "a power per chip (W, like 400 W)", "单芯片功率（W，如 400 W）"),
            Input::Pue => tr(lang, "a PUE (a plain number ≥ 1, like 1.1)", "PUE（不小于 1 的数，如 1.1）"),
            Input::Grid => {
                tr(lang, "a carbon intensity (kg CO2e per kWh, like 0.4)", "碳排放强度（每 kWh 的 kg CO2e，如 0.4）")
            }
            Input::Price => tr(lang, "a price per chip-hour (USD, like 2)", "每芯片小时的价格（美元，如 2）"),
        }
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
            EnergyError::Kind { field, text, got } => tr(
                lang,
                format!("'{text}' is {}, but this field wants {}", got.describe(lang), field.wants(lang)),
                format!("“{text}”是{}，但此处需要{}", got.describe(lang), field.wants(lang)),
            ),
            EnergyError::Negative { field: Input::Power, text } => tr(
                lang,
                format!("'{text}' is not above zero: a chip draws some power"),
                format!("“{text}”不大于零：芯片总要耗电"),
            ),
            EnergyError::Negative { field, text } => tr(
                lang,
                format!("'{text}' is negative: this field wants {}", field.wants(lang)),
                format!("“{text}”是负数：此处需要{}", field.wants(lang)),
            ),
            EnergyError::PueBelowOne { text } => tr(
                lang,
                format!("'{text}': PUE below 1 is impossible (it is the data centre's power over the chips' power)"),
                format!("“{text}”：PUE 不可能小于 1（它是数据中心总功率与芯片功率之比）"),
            ),
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
