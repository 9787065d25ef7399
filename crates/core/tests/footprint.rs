//! Method 2 beyond FLOP, through `evaluate`: solving for the field left empty, chip-hours,
//! energy, emissions and cost, with the arithmetic written out here.
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]

use aicompute::calculation::calc::{evaluate, Calculation, Field, Label, Lang};
use aicompute::run::footprint::{self, Footprint, PowerFrom};

fn calc(fields: &[(Field, &str)]) -> Calculation {
    let mut c = Calculation::default();
    for (f, v) in fields {
        *f.get_mut(&mut c) = v.to_string();
    }
    c
}

#[track_caller]
fn close(got: f64, want: f64) {
    assert!((got / want - 1.0).abs() < 1e-9, "got {got:e}, want {want:e}");
}

/// The value Method 2 solved for, which factor it is, and the FLOP (the target).
#[track_caller]
fn solved(fields: &[(Field, &str)], label: Label, want: f64) {
    let ev = evaluate(&calc(fields), cat());
    let e = ev.method2.estimate().unwrap_or_else(|| panic!("{:?}", ev.method2));
    assert_eq!(e.solved, Some(label));
    close(e.factor(label).unwrap().mid(), want);
}

#[track_caller]
fn solve_error(fields: &[(Field, &str)], message: &str) {
    let ev = evaluate(&calc(fields), cat());
    let errs = ev.method2.errors();
    assert!(errs.iter().any(|e| e.field == Field::Target && e.message(Lang::En) == message), "{errs:?}");
}

#[track_caller]
fn footprint(fields: &[(Field, &str)]) -> Footprint {
    match evaluate(&calc(fields), cat()).footprint {
        Some(Ok(f)) => f,
        other => panic!("{other:?}"),
    }
}

#[track_caller]
fn field_error(fields: &[(Field, &str)], field: Field, message: &str) {
    let ev = evaluate(&calc(fields), cat());
    let errs: Vec<_> = ev.errors().collect();
    assert!(errs.iter().any(|e| e.field == field && e.message(Lang::En) == message), "{errs:?}");
}

#[test]
fn solves_for_time_chips_or_utilization() {
    use Field::*;
    // 10^25 FLOP on 10,000 H100 SXM (989.4 TFLOP/s) at 40%: 10^25 / (10^4 × 989.4e12 × 0.4) s.
    let h100 = [(Target, "1e25"), (Chips, "10000"), (Hardware, "H100"), (Utilization, "40%")];
    solved(&h100, Label::Time, 1e25 / (1e4 * 989.4e12 * 0.4));
    assert!((1e25_f64 / (1e4 * 989.4e12 * 0.4) / 86400.0 - 29.2452).abs() < 1e-4);
    // 10^24 FLOP in 10 days at 300 TFLOP/s and 40%: 10^24 / (300e12 × 864,000 × 0.4) chips.
    solved(
        &[(Target, "1e24"), (Peak, "300 TFLOPS"), (Time, "10 d"), (Utilization, "40%")],
        Label::Chips,
        1e24 / (300e12 * 864_000.0 * 0.4),
    );
    // Chips and time given, utilization empty: the implied utilization, 10^21 / (10 × 10^15 × 10^6).
    solved(&[(Target, "1e21"), (Chips, "10"), (Peak, "1e15"), (Time, "1e6 s")], Label::Utilization, 0.1);
    // With the time left empty and no utilization, the default 33% is used.
    solved(&[(Target, "1e21"), (Chips, "10"), (Peak, "1e15")], Label::Time, 1e21 / (10.0 * 1e15 * 0.33));
}

#[test]
fn the_solved_figure_is_marked_and_the_flop_is_the_target() {
    let c = calc(&[(Field::Target, "1e21"), (Field::Chips, "10"), (Field::Peak, "1e15")]);
    let e = evaluate(&c, cat()).method2.estimate().cloned().unwrap();
    assert_eq!(e.flop.mid(), 1e21);
    let steps = aicompute::text::render::steps(&e, Lang::En);
    assert!(steps[2].starts_with("time: ") && steps[2].ends_with("(solved for)"), "{steps:?}");
}

#[test]
fn a_range_gives_a_range_of_the_unknown() {
    // 1e24..2e24 FLOP on 1000 chips of 1e15 FLOP/s at 50%: 2e6 s to 4e6 s.
    let c = calc(&[
        (Field::Target, "1e24..2e24"),
        (Field::Chips, "1000"),
        (Field::Peak, "1e15"),
        (Field::Utilization, "50%"),
    ]);
    let e = evaluate(&c, cat()).method2.estimate().cloned().unwrap();
    let t = e.factor(Label::Time).unwrap();
    close(t.lo, 2e6);
    close(t.hi, 4e6);
}

#[test]
fn impossible_or_underdetermined_plans_are_errors_beside_the_target() {
    use Field::*;
    // 10^23 FLOP on 10 chips of 10^15 in 10^6 s would need 1000%.
    solve_error(
        &[(Target, "1e23"), (Chips, "10"), (Peak, "1e15"), (Time, "1e6 s")],
        "the utilization would be 1,000%, above 100%: check the inputs",
    );
    solve_error(
        &[(Target, "1e23"), (Chips, "10"), (Peak, "1e15"), (Time, "1e6 s"), (Utilization, "30%")],
        "nothing to solve for: leave the chips, the time or the utilization empty",
    );
    solve_error(
        &[(Target, "1e23"), (Peak, "1e15")],
        "leave out exactly one of chips, time and utilization (3 left out)",
    );
}

#[test]
fn bloom_energy_and_emissions() {
    // Luccioni et al. (2022): 1,082,990 A100-hours at 400 W: 1,082,990 × 400 / 1000 = 433,196 kWh
    // (PUE 1 here, as the paper's dynamic-power figure); at 57 g CO2e/kWh: 433,196 × 0.057 kg.
    let f = footprint(&[
        (Field::Chips, "1"),
        (Field::Peak, "312 TFLOPS"),
        (Field::Time, "1082990 h"),
        (Field::Power, "400 W"),
        (Field::Pue, "1"),
        (Field::Grid, "57 g/kWh"),
    ]);
    close(f.chip_hours.mid(), 1_082_990.0);
    close(f.kwh.unwrap().mid(), 433_196.0);
    close(f.co2_kg.unwrap().mid(), 433_196.0 * 0.057);
    assert_eq!(footprint::co2_text(f.co2_kg.unwrap(), Lang::En), "24.7 t CO2e");
    assert_eq!(f.usd, None, "no price: no cost");
}

#[test]
fn deepseek_cost() {
    // DeepSeek-V3: 2.788M H800-hours at $2 = $5.576M.
    let f = footprint(&[
        (Field::Chips, "2048"),
        (Field::Peak, "989 TFLOPS"),
        (Field::Time, "2.788M h / 2048"),
        (Field::Price, "$2"),
    ]);
    close(f.usd.unwrap().mid(), 5.576e6);
    assert_eq!(footprint::usd_text(f.usd.unwrap(), Lang::En), "$5.58 million");
    assert_eq!(f.kwh, None, "a peak typed by hand has no TDP");
}

#[test]
fn power_defaults_to_the_chips_tdp_and_pue_to_its_stated_default() {
    // 8 A100s (400 W TDP in Epoch AI's data) for 10 days: 1,920 chip-hours × 400 W × 1.1 = 844.8 kWh.
    let f = footprint(&[(Field::Chips, "8"), (Field::Hardware, "A100"), (Field::Time, "10 d")]);
    assert!(matches!(f.power, Some((w, PowerFrom::Tdp { .. })) if w.mid() == 400.0), "{:?}", f.power);
    assert!(f.pue_default);
    close(f.kwh.unwrap().mid(), 1920.0 * 400.0 * 1.1 / 1000.0);
    let lines = footprint::lines(&f, Lang::En);
    assert_eq!(lines[0], "Chip-hours: 8 × 240 h = 1,920 chip-hours");
    assert_eq!(lines[1], "Energy: 1,920 chip-hours × 400 W × PUE 1.1 = 845 kWh");
    // A region by its id: France, 56 g CO2e/kWh (Ember via Our World in Data, 2023).
    let f =
        footprint(&[(Field::Chips, "8"), (Field::Hardware, "A100"), (Field::Time, "10 d"), (Field::Grid, "France")]);
    close(f.co2_kg.unwrap().mid(), 844.8 * 0.056);
    let zh = footprint::lines(&f, Lang::Zh);
    assert_eq!(zh[2], "排放：845 千瓦时 × 0.056 千克二氧化碳当量/千瓦时 = 47.3 千克二氧化碳当量");
}

#[test]
fn bad_energy_inputs_are_said_beside_their_field() {
    let run = [(Field::Chips, "8"), (Field::Hardware, "A100"), (Field::Time, "10 d")];
    let with = |f: Field, v: &'static str| {
        let mut x = run.to_vec();
        x.push((f, v));
        x
    };
    field_error(
        &with(Field::Pue, "0.9"),
        Field::Pue,
        "'0.9': PUE below 1 is impossible (it is the data centre's power over the chips' power)",
    );
    field_error(&with(Field::Power, "-400 W"), Field::Power, "'-400 W' is not above zero: a chip draws some power");
    field_error(
        &with(Field::Price, "-2"),
        Field::Price,
        "'-2' is negative: this field wants a price per chip-hour (USD, like 2)",
    );
    field_error(
        &with(Field::Grid, "3 h"),
        Field::Grid,
        "'3 h' is a time, but this field wants a carbon intensity (kg CO2e per kWh, like 0.4)",
    );
    // The FLOP of Method 2 is still there.
    assert!(evaluate(&calc(&with(Field::Pue, "0.9")), cat()).method2.estimate().is_some());
}

#[test]
fn a_footprint_past_10_308_says_so_without_calling_it_flop() {
    use Field::*;
    // 1 chip-hour × 1e308 W × PUE 100 = 1e310 Wh: past the largest double. 1e10 chip-hours × $1e308 too.
    let run = [(Chips, "1"), (Peak, "1T"), (Time, "1 h"), (Utilization, "50%")];
    let over = [&run[..], &[(Power, "1e308"), (Pue, "100")]].concat();
    field_error(&over, Power, "this makes chip-hours, energy, emissions or cost too large to compute: over 10^308");
    let price = [&run[..], &[(Price, "1e308"), (Chips, "1e10")]].concat();
    field_error(&price, Price, "this makes chip-hours, energy, emissions or cost too large to compute: over 10^308");
    // A PUE of 1e308 on a chip's 244 W TDP: said beside the PUE (the power field is empty).
    let pue = [(Chips, "2"), (Hardware, "openai-gtx580"), (Time, "5.5 d"), (Utilization, "0.33"), (Pue, "1e308")];
    field_error(&pue, Pue, "this makes chip-hours, energy, emissions or cost too large to compute: over 10^308");
}

#[test]
fn a_date_is_no_power_pue_intensity_or_price() {
    // 2023-02-31 would read as 2023 − 2 − 31 = 1,990.
    let run = [(Field::Chips, "2"), (Field::Hardware, "openai-gtx580"), (Field::Time, "5.5 d")];
    for (field, wanted) in [
        (Field::Power, "a power per chip (like 400 W)"),
        (Field::Pue, "a PUE (like 1.1)"),
        (Field::Grid, "a carbon intensity (kg CO2e per kWh) (like 0.4 or world)"),
        (Field::Price, "a price per chip-hour (like $2)"),
    ] {
        let fields = [&run[..], &[(field, "2023-02-31")]].concat();
        field_error(&fields, field, &format!("'2023-02-31' looks like a date: this field wants {wanted}"));
    }
}

/// The notes name the stated PUE and the grid region with their sources, in each language; a
/// region is found by its Chinese name too.
#[test]
fn notes_in_both_languages() {
    let run = [(Field::Chips, "8"), (Field::Hardware, "A100"), (Field::Time, "10 d")];
    for region in ["france", "France", "法国"] {
        let f = footprint(&[run[0], run[1], run[2], (Field::Grid, region)]);
        let zh = footprint::notes(&f, Lang::Zh);
        assert_eq!(
            zh[1],
            "假定 PUE 为 1.1：Google《Power usage effectiveness》，其全部数据中心过去十二个月的 PUE 为 1.10。"
        );
        assert_eq!(
            zh[2],
            "电网：法国，0.056 千克二氧化碳当量/千瓦时（Ember 与 Energy Institute，经 Our World in Data 发布《Carbon intensity of electricity generation》（g CO2e/kWh），2023 年）。"
        );
        let en = footprint::notes(&f, Lang::En);
        assert_eq!(
            en[2],
            "Grid: France, 0.056 kg CO2e/kWh (Ember and Energy Institute, via Our World in Data, \"Carbon intensity of electricity generation\" (g CO2e/kWh), 2023)."
        );
    }
    let f = footprint(&[
        (Field::Chips, "2048"),
        (Field::Peak, "989 TFLOPS"),
        (Field::Time, "2.788M h / 2048"),
        (Field::Price, "$2"),
    ]);
    assert_eq!(footprint::notes(&f, Lang::Zh), ["未计算能耗：请填写单芯片功率（手动输入峰值时目录中没有功率数据）。"]);
    assert_eq!(footprint::lines(&f, Lang::Zh)[1], "成本：2,788,000 芯片小时 × 2 美元/芯片小时 = 558 万美元");
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}
