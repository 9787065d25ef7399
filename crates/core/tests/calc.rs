//! The methods through `evaluate`: defaults, ranges, field errors, notes, comparison.
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]

use aicompute::calculation::calc::Lang;
use aicompute::calculation::calc::{compare, evaluate, Calculation, Field, Mode, Note, Outcome, Per, Verdict};
use aicompute::text::render;

fn calc(fields: &[(Field, &str)]) -> Calculation {
    let mut c = Calculation::default();
    for (f, v) in fields {
        *f.get_mut(&mut c) = v.to_string();
    }
    c
}

#[track_caller]
fn m1(fields: &[(Field, &str)], flop: f64) {
    let ev = evaluate(&calc(fields), cat());
    let e = ev.method1.estimate().unwrap_or_else(|| panic!("{:?}", ev.method1));
    assert!((e.flop.mid() / flop - 1.0).abs() < 1e-12, "got {:e}, want {flop:e}", e.flop.mid());
}

#[track_caller]
fn m2(fields: &[(Field, &str)], flop: f64) {
    let ev = evaluate(&calc(fields), cat());
    let e = ev.method2.estimate().unwrap_or_else(|| panic!("{:?}", ev.method2));
    assert!((e.flop.mid() / flop - 1.0).abs() < 1e-12, "got {:e}, want {flop:e}", e.flop.mid());
}

#[track_caller]
fn m1_error(fields: &[(Field, &str)], field: Field, message: &str) {
    let ev = evaluate(&calc(fields), cat());
    let errs = ev.method1.errors();
    assert!(errs.iter().any(|e| e.field == field && e.message(aicompute::text::i18n::Lang::En) == message), "{errs:?}");
}

#[track_caller]
fn m2_error(fields: &[(Field, &str)], field: Field, message: &str) {
    let ev = evaluate(&calc(fields), cat());
    let errs = ev.method2.errors();
    assert!(errs.iter().any(|e| e.field == field && e.message(aicompute::text::i18n::Lang::En) == message), "{errs:?}");
}

use Field::*;
const DAY: f64 = 86400.0;

#[test]
fn method_1_defaults_and_options() {
    m1(&[(Forward, "1G"), (Examples, "1M")], 1e9 * 2.0 * 3.0 * 1e6);
    m1(&[(Forward, "1G"), (Examples, "1M"), (Epochs, "10")], 1e9 * 6.0 * 1e6 * 10.0);
    m1(&[(Forward, "1G"), (Examples, "1M"), (FlopsPerMac, "1"), (Passes, "2")], 1e9 * 2.0 * 1e6);
    m1(&[(Forward, "2 GFLOP"), (Examples, "1M")], 2e9 * 6.0 * 1e6);
    // As printed in the appendix: "16 GFLOPS" for a forward pass, "1.58 * 10 ^ -3 PF" per GPU.
    m1(&[(Forward, "16 GFLOPS"), (Examples, "1.2 M"), (Epochs, "74")], 16e9 * 6.0 * 1.2e6 * 74.0);
    m2(
        &[(Chips, "2"), (Peak, "1.58 * 10 ^ -3 PF"), (Time, "5.5"), (Utilization, "0.33")],
        2.0 * 1.58e12 * 5.5 * DAY * 0.33,
    );
    let ev =
        evaluate(&calc(&[(Forward, "16 GFLOPS"), (Examples, "1"), (Chips, "1"), (Peak, "1 PF"), (Time, "1 d")]), cat());
    assert!(ev.method1.estimate().unwrap().notes.contains(&Note::RateAsCount));
    assert!(ev.method2.estimate().unwrap().notes.contains(&Note::CountAsRate));
    let mut c = calc(&[(Forward, "2G"), (Examples, "1M"), (FlopsPerMac, "99")]);
    c.per = Per::Flop;
    let e = evaluate(&c, cat());
    assert!(
        (e.method1.estimate().unwrap().flop.lo - 2e9 * 3.0 * 1e6).abs() < 1.0,
        "FLOPs ignore FLOPs per add-multiply"
    );
}

#[test]
fn six_n_d() {
    let mut c = calc(&[(Parameters, "175B"), (Tokens, "300B")]);
    c.mode = Mode::Params;
    let e = evaluate(&c, cat());
    assert_eq!(e.method1.estimate().unwrap().flop.lo, 6.0 * 175e9 * 300e9);
}

#[test]
fn layers_mode() {
    let mut c = calc(&[(Layers, "dense in=784 out=100\ndense in=100 out=10"), (Examples, "60k"), (Epochs, "10")]);
    c.mode = Mode::Layers;
    let e = evaluate(&c, cat());
    let est = e.method1.estimate().unwrap();
    assert_eq!(est.flop.lo, (784.0 * 100.0 + 100.0 * 10.0) * 2.0 * 3.0 * 60e3 * 10.0);
    assert!(est.notes.contains(&Note::FromLayers { macs: 79_400.0, count: 2 }));
    c.layers = "dense in=784".into();
    let e = evaluate(&c, cat());
    assert_eq!(e.method1.errors()[0].message(aicompute::text::i18n::Lang::En), "layer 1: dense needs out=");
}

#[test]
fn method_2_peaks_time_and_utilization() {
    m2(&[(Chips, "2"), (Peak, "1.58 TFLOPS"), (Time, "5.5 d")], 2.0 * 1.58e12 * 5.5 * DAY * 0.33);
    m2(&[(Chips, "2"), (Peak, "1.58T"), (Time, "5.5")], 2.0 * 1.58e12 * 5.5 * DAY * 0.33);
    m2(&[(Chips, "1"), (Peak, "1T"), (Time, "24 h"), (Utilization, "50%")], 1e12 * DAY * 0.5);
    m2(
        &[(Chips, "1"), (Peak, "1T"), (Time, "1 d"), (Utilization, "1"), (Factor, "sqrt(10 * 100)")],
        1e12 * DAY * 1000f64.sqrt(),
    );
    m2(
        &[
            (Chips, "1000"),
            (Hardware, "NVIDIA A100 SXM4 80 GB"),
            (Precision, "fp32"),
            (Time, "1 d"),
            (Utilization, "40%"),
        ],
        1000.0 * 19.49e12 * DAY * 0.4,
    );
    m2(&[(Chips, "1"), (Hardware, "MT-3000"), (Time, "1 d")], {
        let chip = cat().lookup("MT-3000").unwrap();
        chip.peak_for(None).unwrap().1 * DAY * 0.17
    });
}

#[test]
fn ranges_carry_through() {
    let ev = evaluate(&calc(&[(Chips, "2"), (Peak, "1.58T"), (Time, "5..6 d"), (Utilization, "25%..50%")]), cat());
    let f = ev.method2.estimate().unwrap().flop;
    assert_eq!((f.lo, f.hi), (2.0 * 1.58e12 * 5.0 * DAY * 0.25, 2.0 * 1.58e12 * 6.0 * DAY * 0.5));
    assert_eq!(render::pfs_days(f, Lang::En), format!("{}–{}", 0.00395, 0.00948));
}

#[test]
fn field_errors_name_the_field() {
    m1_error(&[(Forward, "abc"), (Examples, "1")], Forward, "'abc' is not a number or a known unit");
    m1_error(&[(Forward, "1G")], Examples, "empty: enter a number");
    m1_error(
        &[(Forward, "5 d"), (Examples, "1")],
        Forward,
        "'5 d' is a time, but this field wants a number of operations (like 11.4G)",
    );
    m1_error(&[(Forward, "1G"), (Examples, "-5")], Examples, "'-5' is negative: this field wants a plain number ≥ 0");
    m2_error(
        &[(Chips, "1"), (Peak, "3 h"), (Time, "1 d")],
        Peak,
        "'3 h' is a time, but this field wants a rate (FLOP/s) (like 8.5 TFLOPS)",
    );
    m2_error(
        &[(Chips, "1"), (Peak, "1T"), (Time, "5 TFLOPS")],
        Time,
        "'5 TFLOPS' is a rate (FLOP/s), but this field wants a time (like 5.5 d)",
    );
    m2_error(
        &[(Chips, "1"), (Peak, "1T"), (Time, "1"), (Utilization, "33")],
        Utilization,
        "'33' is above 1 (100%): did you mean 33%?",
    );
    m2_error(
        &[(Chips, "1"), (Peak, "1T"), (Time, "1"), (Utilization, "150%")],
        Utilization,
        "'150%' is 150%, above 100%",
    );
    // An overflow is marked where the extreme value was typed: 1e300 chips × 8.5e12 FLOP/s
    // overflows at the peak, which was marked.
    m2_error(
        &[(Chips, "1e300"), (Hardware, "openai-k80"), (Time, "30 d"), (Utilization, "0.33")],
        Chips,
        "the result is too large to compute: over 10^308 FLOP",
    );
    // 1e308 add-multiplies × 2 FLOP overflows at the FLOPs per add-multiply (2), which was marked.
    m1_error(
        &[(Forward, "1e308"), (Examples, "1.2M"), (Epochs, "90")],
        Forward,
        "the result is too large to compute: over 10^308 FLOP",
    );
    // 1e308 × 100 overflows: it said "'1e308' is NaN × 10^2147483647%".
    m2_error(
        &[(Chips, "1"), (Peak, "1T"), (Time, "1"), (Utilization, "1e308")],
        Utilization,
        "'1e308' is far above 100%",
    );
    m2_error(&[(Chips, "1"), (Peak, "1T"), (Time, "1"), (Utilization, "0")], Utilization, "'0' must be above 0");
    m2_error(
        &[(Chips, "1"), (Hardware, "zzz9000"), (Time, "1")],
        Hardware,
        "no chip matches 'zzz9000': try part of its name, such as 'V100' or 'TPU v4'",
    );
    m2_error(
        &[(Chips, "1"), (Hardware, "openai-k80"), (Precision, "fp4"), (Time, "1")],
        Precision,
        "unknown precision 'fp4': use one of fp64, fp32, tf32, fp16, bf16, fp8, int8",
    );
}

#[test]
fn one_broken_method_leaves_the_other_working() {
    let ev = evaluate(&calc(&[(Forward, "1.2Q"), (Examples, "1"), (Chips, "1"), (Peak, "1T"), (Time, "1 d")]), cat());
    assert!(matches!(ev.method1, Outcome::Invalid(_)));
    assert!(ev.method2.estimate().is_some());
    assert!(ev.comparison.is_none());
}

#[test]
fn empty_is_not_an_error() {
    let ev = evaluate(&Calculation::default(), cat());
    assert_eq!(ev.method1, Outcome::Empty);
    assert_eq!(ev.method2, Outcome::Empty);
    assert_eq!(ev.date, Ok(None));
}

#[test]
fn notes_state_assumptions() {
    let ev = evaluate(&calc(&[(Chips, "1"), (Hardware, "openai-k80"), (Time, "30")]), cat());
    let notes = &ev.method2.estimate().unwrap().notes;
    assert!(notes.contains(&Note::BareDays));
    assert!(notes.contains(&Note::DefaultUtilization { value: 0.33, cpu: false }));
    assert!(notes.iter().any(|n| matches!(n, Note::Peak { chip, defaulted: true, .. } if chip.name.contains("K80"))));
    assert_eq!(
        render::note(&Note::DefaultUtilization { value: 0.33, cpu: false }, Lang::En),
        "Utilization 33% assumed: OpenAI's default for a GPU when nothing more specific is known."
    );
}

#[test]
fn comparison_and_verdicts() {
    let c = compare(2.0, 1.0).unwrap();
    assert_eq!((c.ratio, c.verdict), (2.0, Verdict::Within2x));
    assert_eq!(c.geometric_mean, 2f64.sqrt());
    assert_eq!(compare(1.0, 2.5).unwrap().verdict, Verdict::Within3x);
    assert_eq!(compare(1.0, 3.5).unwrap().verdict, Verdict::FarApart);
    assert_eq!(compare(0.0, 1.0), None);
    // AlexNet, both ways: 0.00563 / 0.00574.
    let mut c = aicompute::calculation::examples::find("alexnet-ops").unwrap().calculation();
    let g = aicompute::calculation::examples::find("alexnet-gpu").unwrap().calculation();
    c.chips = g.chips;
    c.hardware = g.hardware;
    c.time = g.time;
    c.utilization = g.utilization;
    let ev = evaluate(&c, cat());
    let cmp = ev.comparison.unwrap();
    let want = (0.75e9 * 6.0 * 1.2e6 * 90.0) / (2.0 * 1.58e12 * 5.5 * DAY * 0.33);
    assert!((cmp.ratio / want - 1.0).abs() < 1e-12);
    assert_eq!(cmp.verdict, Verdict::Within2x);
}

#[test]
fn date_field() {
    let ev = evaluate(&calc(&[(Date, "2012-13")]), cat());
    assert_eq!(ev.date.unwrap_err().message(aicompute::text::i18n::Lang::En), "'2012-13': the month must be 1 to 12");
    let ev = evaluate(&calc(&[(Date, "2023-02-31")]), cat());
    assert_eq!(
        ev.date.unwrap_err().message(aicompute::text::i18n::Lang::En),
        "'2023-02-31' is not a date: that month has 28 days"
    );
    let ev = evaluate(&calc(&[(Date, "2016-01-01")]), cat());
    // 16,801 days after 1970-01-01, over 365.25.
    assert_eq!(ev.date, Ok(Some(1970.0 + 16801.0 / 365.25)));
}

#[test]
fn chinese_rendering() {
    let ev = evaluate(&aicompute::calculation::examples::find("alexnet-gpu").unwrap().calculation(), cat());
    let e = ev.method2.estimate().unwrap();
    assert_eq!(
        render::formula(e, Lang::Zh),
        "2 × (1.58 × 10^12 FLOP/s) ×（5.5 天 = 475,200 秒）× 0.33 = 4.96 × 10^17 FLOP = 496 PF = 0.00574 pfs-days"
    );
    assert_eq!(render::label(aicompute::calculation::calc::Label::Chips, Lang::Zh), "芯片数");
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}
