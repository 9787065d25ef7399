//! Energy, emissions and cost: published figures reproduced by written-out arithmetic, the
//! units, the field checks and the chip catalog's TDPs.
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]

use aicompute::catalog::hardware::Source;
use aicompute::language::expr::Dim;
use aicompute::run::energy::{
    chip_hours, cost_usd, emissions_kg, energy_kwh, format_emissions, format_energy, format_power, format_usd, grid,
    parse_grid, parse_power, parse_price, parse_pue, EnergyError, Input, DEFAULT_PUE, GRIDS,
};
use aicompute::text::i18n::Lang::{self, En, Zh};

#[track_caller]
fn close(got: Option<f64>, want: f64) {
    let g = got.unwrap_or_else(|| panic!("no value, want {want}"));
    assert!((g / want - 1.0).abs() < 1e-12, "got {g}, want {want}");
}

#[track_caller]
fn parsed(r: Result<Option<aicompute::language::expr::Value>, EnergyError>, lo: f64, hi: f64) {
    let v = r.unwrap_or_else(|e| panic!("{e}")).expect("a value");
    assert_eq!(v.dim, Dim::COUNT);
    let near = |a: f64, b: f64| (a - b).abs() <= 1e-12 * b.abs();
    assert!(near(v.lo, lo) && near(v.hi, hi), "got {v:?}, want {lo}..{hi}");
}

#[track_caller]
fn fails(r: Result<Option<aicompute::language::expr::Value>, EnergyError>, lang: Lang, message: &str) {
    assert_eq!(r.map_err(|e| e.message(lang)), Err(message.to_string()));
}

#[test]
fn bloom_luccioni_2022() {
    // Luccioni, Viguier & Ligozat (2022), "Estimating the Carbon Footprint of BLOOM": 1,082,990
    // A100 GPU-hours at the A100's 400 W TDP (dynamic power, so PUE 1) = 433,196 kWh; at
    // 57 g CO2e/kWh, 24.7 t CO2e.
    let kwh = 1_082_990.0 * 400.0 / 1000.0;
    assert_eq!(kwh, 433_196.0);
    close(energy_kwh(1_082_990.0, 400.0, 1.0), kwh);
    close(emissions_kg(433_196.0, 0.057), 433_196.0 * 0.057);
    assert_eq!(format_emissions(433_196.0 * 0.057, En), "24.7 t CO2e");
    assert_eq!(format_emissions(433_196.0 * 0.057, Zh), "24.7 吨二氧化碳当量");
    assert_eq!(format_energy(433_196.0, En), "433 MWh");
    assert_eq!(format_energy(433_196.0, Zh), "433 兆瓦时");
    close(Some(grid("france-bloom").unwrap().kg_per_kwh), 0.057);
    // The A100's 400 W is the catalog's TDP too.
    assert_eq!(cat().lookup("NVIDIA A100 SXM4 80 GB").unwrap().tdp_watts, Some(400.0));
}

#[test]
fn deepseek_v3_cost() {
    // DeepSeek-V3 technical report, Table 1: 2.788M H800 GPU-hours at $2 per GPU-hour = $5.576M.
    close(cost_usd(2.788e6, 2.0), 2.788e6 * 2.0);
    assert_eq!(format_usd(2.788e6 * 2.0, En), "$5.58 million");
    assert_eq!(format_usd(2.788e6 * 2.0, Zh), "558 万美元");
    assert_eq!(cat().lookup("NVIDIA H800 SXM5").unwrap().tdp_watts, Some(700.0));
}

#[test]
fn chip_hours_and_footprint() {
    close(chip_hours(384.0, 10.0 * 86400.0), 384.0 * 10.0 * 24.0);
    // The whole footprint of a run, as Method 2 computes it: 384 chips for 10 days at 400 W,
    // PUE 1.1, a grid of 0.4 kg CO2e/kWh, no price.
    let c = aicompute::calculation::calc::Calculation {
        power: "400 W".into(),
        pue: "1.1".into(),
        grid: "0.4".into(),
        ..Default::default()
    };
    let (chips, seconds) =
        (aicompute::language::expr::Value::num(384.0), aicompute::language::expr::Value::num(10.0 * 86400.0));
    let f = aicompute::run::footprint::compute(&c, cat(), chips, seconds).unwrap();
    close(Some(f.chip_hours.mid()), 384.0 * 240.0);
    close(f.kwh.map(|v| v.mid()), 384.0 * 240.0 * 400.0 * 1.1 / 1000.0);
    close(f.co2_kg.map(|v| v.mid()), 384.0 * 240.0 * 400.0 * 1.1 / 1000.0 * 0.4);
    assert_eq!(f.usd, None);
    // Nothing negative or infinite comes out.
    assert_eq!(chip_hours(-1.0, 5.0), None);
    assert_eq!(energy_kwh(1e300, 1e300, 1.0), None);
    assert_eq!(cost_usd(f64::NAN, 1.0), None);
    let huge = aicompute::calculation::calc::Calculation { power: "1e300 W".into(), ..c };
    assert!(aicompute::run::footprint::compute(&huge, cat(), aicompute::language::expr::Value::num(1e300), seconds)
        .is_err());
}

#[test]
fn defaults_carry_sources() {
    assert_eq!(DEFAULT_PUE.value, 1.1);
    assert!(DEFAULT_PUE.url.starts_with("https://"));
    assert_eq!(
        DEFAULT_PUE.source_in(Zh),
        "Google《Power usage effectiveness》，其全部数据中心过去十二个月的 PUE 为 1.10"
    );
    assert_eq!(grid("china").map(|g| g.name_in(Zh)), Some("中国"));
    assert_eq!(grid("eu").map(|g| g.name_in(En)), Some("European Union (EU-27)"));
    for g in GRIDS {
        assert!(g.kg_per_kwh > 0.0 && g.kg_per_kwh < 1.5, "{}", g.id);
        assert!(g.url.starts_with("https://") && (2015..=2025).contains(&g.year), "{}", g.id);
        for lang in [En, Zh] {
            assert!(!g.source_in(lang).is_empty() && !g.name_in(lang).is_empty(), "{}", g.id);
        }
    }
    let ids: std::collections::HashSet<_> = GRIDS.iter().map(|g| g.id).collect();
    assert_eq!(ids.len(), GRIDS.len());
}

#[test]
fn units() {
    assert_eq!(format_energy(850.0, En), "850 kWh");
    assert_eq!(format_energy(999.9, En), "1 MWh");
    assert_eq!(format_energy(1.25e6, En), "1.25 GWh");
    assert_eq!(format_energy(1.25e6, Zh), "1.25 吉瓦时");
    assert_eq!(format_emissions(850.0, En), "850 kg CO2e");
    assert_eq!(format_emissions(850.0, Zh), "850 千克二氧化碳当量");
    assert_eq!(format_emissions(5.2e6, En), "5,200 t CO2e");
    // From 10^7 of a unit up, scientific: 1e12 W × 1e12 kg/kWh gave 28 digits of rounding noise.
    assert_eq!(format_emissions(9_990_000.0 * 1000.0, En), "9,990,000 t CO2e");
    assert_eq!(format_emissions(9_999_000.0 * 1000.0, En), "1 × 10^7 t CO2e");
    assert_eq!(format_emissions(1.9e27 * 1000.0, En), "1.9 × 10^27 t CO2e");
    assert_eq!(format_energy(1.9e300, En), "1.9 × 10^291 TWh");
    assert_eq!(format_usd(1.73e303, En), "$1.73 × 10^294 billion");
    // Beyond 万亿, scientific in 美元 (never 10^295 亿).
    assert_eq!(format_usd(1.73e303, Zh), "1.73 × 10^303 美元");
    assert_eq!(format_usd(850.0, En), "$850");
    assert_eq!(format_usd(850.0, Zh), "850 美元");
    assert_eq!(format_usd(3.2e9, En), "$3.2 billion");
    assert_eq!(format_usd(3.2e9, Zh), "32 亿美元");
    assert_eq!(format_power(400.0), "400 W");
    assert_eq!(format_power(1.2e6), "1.2 MW");
}

#[test]
fn power_field() {
    parsed(parse_power("400 W"), 400.0, 400.0);
    parsed(parse_power("400W"), 400.0, 400.0);
    parsed(parse_power("0.4 kW"), 400.0, 400.0);
    parsed(parse_power("1.2 MW"), 1.2e6, 1.2e6);
    parsed(parse_power("400"), 400.0, 400.0);
    parsed(parse_power("300..400 W"), 300.0, 400.0);
    assert_eq!(parse_power("  "), Ok(None));
    fails(parse_power("5 d"), En, "'5 d' is a time, but this field wants a power per chip (W, like 400 W)");
    fails(parse_power("5 d"), Zh, "“5 d”是时间，但此处需要单芯片功率（W，如 400 W）");
    fails(parse_power("0 W"), En, "'0 W' is not above zero: a chip draws some power");
    fails(parse_power("1.2Q"), En, "'1.2Q' is not a number: unknown suffix 'Q'");
}

#[test]
fn power_units_in_expressions() {
    use aicompute::language::expr::eval;
    assert_eq!(eval("0.4 kW").map(|v| (v.lo, v.dim)), Ok((400.0, Dim::POWER)));
    assert_eq!(eval("1.2 MW").map(|v| (v.lo, v.dim)), Ok((1.2e6, Dim::POWER)));
    assert_eq!(eval("700 watts").map(|v| (v.lo, v.dim)), Ok((700.0, Dim::POWER)));
    // A power times a time is an energy, W·s.
    assert_eq!(Dim::POWER.describe(aicompute::text::i18n::Lang::En), "a power (W)");
    assert_eq!(
        eval("400 W * 1 h").map(|v| (v.lo, v.dim.describe(aicompute::text::i18n::Lang::En))),
        Ok((1.44e6, "a quantity in s·W".into()))
    );
}

#[test]
fn pue_field() {
    parsed(parse_pue("1.1"), 1.1, 1.1);
    parsed(parse_pue("1.1..1.6"), 1.1, 1.6);
    parsed(parse_pue("1"), 1.0, 1.0);
    assert_eq!(parse_pue(""), Ok(None));
    assert!(matches!(parse_pue("0.9"), Err(EnergyError::PueBelowOne { .. })));
    fails(
        parse_pue("0.9"),
        En,
        "'0.9': PUE below 1 is impossible (it is the data centre's power over the chips' power)",
    );
    fails(parse_pue("0.9"), Zh, "“0.9”：PUE 不可能小于 1（它是数据中心总功率与芯片功率之比）");
    fails(parse_pue("400 W"), En, "'400 W' is a power (W), but this field wants a PUE (a plain number ≥ 1, like 1.1)");
}

#[test]
fn grid_field() {
    parsed(parse_grid("0.4"), 0.4, 0.4);
    parsed(parse_grid("57 g/kWh"), 0.057, 0.057);
    parsed(parse_grid("57 gCO2e/kWh"), 0.057, 0.057);
    parsed(parse_grid("0.4 kg CO2e / kWh"), 0.4, 0.4);
    parsed(parse_grid("400 kg/MWh"), 0.4, 0.4);
    parsed(parse_grid("50..60 g/kWh"), 0.05, 0.06);
    parsed(parse_grid("0"), 0.0, 0.0);
    assert_eq!(parse_grid(""), Ok(None));
    fails(
        parse_grid("5 d"),
        En,
        "'5 d' is a time, but this field wants a carbon intensity (kg CO2e per kWh, like 0.4)",
    );
    fails(parse_grid("5 d"), Zh, "“5 d”是时间，但此处需要碳排放强度（每 kWh 的 kg CO2e，如 0.4）");
    fails(
        parse_grid("-0.1"),
        En,
        "'-0.1' is negative: this field wants a carbon intensity (kg CO2e per kWh, like 0.4)",
    );
    fails(parse_grid("g/kWh"), En, "empty: enter a number");
    assert!(matches!(parse_grid("5 d"), Err(EnergyError::Kind { field: Input::Grid, got: Dim::TIME, .. })));
}

#[test]
fn price_field() {
    parsed(parse_price("2"), 2.0, 2.0);
    parsed(parse_price("$2"), 2.0, 2.0);
    parsed(parse_price(" US$2.5 "), 2.5, 2.5);
    parsed(parse_price("2 USD"), 2.0, 2.0);
    parsed(parse_price("$2/h"), 2.0, 2.0);
    parsed(parse_price("48 / d"), 2.0, 2.0);
    parsed(parse_price("1..3"), 1.0, 3.0);
    assert_eq!(parse_price(""), Ok(None));
    fails(parse_price("-2"), Zh, "“-2”是负数：此处需要每芯片小时的价格（美元，如 2）");
    fails(parse_price("2 h"), En, "'2 h' is a time, but this field wants a price per chip-hour (USD, like 2)");
    // The span of an expression error points into the text as typed, past the "$".
    let e = parse_price("$2Q").unwrap_err();
    assert_eq!(e.span("$2Q"), (1, 3));
}

#[test]
fn catalog_tdps() {
    // Datasheet board powers for OpenAI's 2018 figures (see data/SOURCES.md).
    for (id, w) in [
        ("openai-gtx580", 244.0),
        ("openai-gtx580-1.54", 244.0),
        ("openai-k20", 225.0),
        ("openai-k40", 235.0),
        ("openai-titan-black", 250.0),
        ("openai-titan-x", 250.0),
        ("openai-k80", 300.0),
    ] {
        let c = cat().lookup(id).unwrap();
        assert_eq!(c.tdp_watts, Some(w), "{id}");
        assert!(c.tdp_citation().contains(&format!("{w} W")), "{id}: {}", c.tdp_citation());
    }
    // The same chips in Epoch AI's catalog agree where it has them.
    assert_eq!(cat().lookup("NVIDIA Tesla K20c").unwrap().tdp_watts, Some(225.0));
    assert_eq!(cat().lookup("NVIDIA Tesla K80").unwrap().tdp_watts, Some(300.0));
    for c in cat().chips() {
        match c.tdp_watts {
            Some(w) => assert!(w > 0.0 && w <= 5000.0 && !c.tdp_citation().is_empty(), "{}", c.name),
            None => assert!(c.tdp_citation().is_empty()),
        }
        if c.source == Source::Epoch && c.tdp_watts.is_some() {
            assert!(c.tdp_citation().starts_with("Epoch AI"), "{}", c.name);
        }
    }
    assert!(cat().chips().iter().filter(|c| c.tdp_watts.is_some()).count() > 140);
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}
