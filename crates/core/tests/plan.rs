//! The planner beside an estimate: Chinchilla for a budget, tokens per parameter, MFU.
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]

use aicompute::calculation::calc::{evaluate, Calculation, Field, Lang, Mode};
use aicompute::planning::plan::plan;

fn with(mut c: Calculation, fields: &[(Field, &str)]) -> Calculation {
    for (f, v) in fields {
        *f.get_mut(&mut c) = v.to_string();
    }
    c
}

fn preset(id: &str) -> Calculation {
    aicompute::calculation::examples::find(id).unwrap().calculation()
}

#[test]
fn chinchilla_for_a_budget_typed_or_the_estimate() {
    // Chinchilla's 5.76e23 FLOP: N = √(5.76e23 / 120) = 6.928e10, D = 20 N = 1.386e12.
    let c = with(Calculation::default(), &[(Field::Budget, "5.76e23")]);
    let p = plan(&c, &evaluate(&c, cat()));
    let (budget, n) = p.chinchilla.unwrap().unwrap();
    assert_eq!(budget, 5.76e23);
    assert!((n.parameters - (5.76e23_f64 / 120.0).sqrt()).abs() < 1.0);
    assert!((n.tokens / 1.386e12 - 1.0).abs() < 1e-3);
    assert!(!p.budget_from_estimate);
    // Nothing typed: the estimate's own FLOP (GPT-3 by 6ND, 3.15e23).
    let c = preset("gpt3");
    let p = plan(&c, &evaluate(&c, cat()));
    assert_eq!(p.chinchilla.unwrap().unwrap().0, 6.0 * 175e9 * 300e9);
    assert!(p.budget_from_estimate);
    // GPT-3: 300B tokens / 175B parameters = 1.71 tokens per parameter.
    assert!((p.tokens_per_parameter.unwrap() - 300.0 / 175.0).abs() < 1e-12);
    let c = with(Calculation::default(), &[(Field::Budget, "-5")]);
    assert!(plan(&c, &evaluate(&c, cat())).chinchilla.unwrap().is_err());
}

#[test]
fn palm_mfu() {
    // PaLM 540B: 238.3k tokens/s on 6,144 TPU v4 (275 TFLOP/s), 46.2% MFU (Chowdhery et al. 2022, Table 3).
    let c = with(
        preset("palm"),
        &[
            (Field::Chips, "6144"),
            (Field::Hardware, "TPU v4"),
            (Field::Time, "1536 h"),
            (Field::TokensPerSecond, "238.3k"),
        ],
    );
    let p = plan(&c, &evaluate(&c, cat()));
    let mfu = p.mfu.unwrap().unwrap();
    assert!((mfu - 0.462).abs() < 0.001, "{mfu}");
    // Tokens per parameter: 780B / 540.35B = 1.44.
    assert!((p.tokens_per_parameter.unwrap() - 1.44).abs() < 0.01);
}

#[test]
fn mfu_says_what_it_needs() {
    let msg = |c: &Calculation| plan(c, &evaluate(c, cat())).mfu.unwrap().unwrap_err().message(Lang::En);
    let c = with(
        Calculation { mode: Mode::Params, ..Calculation::default() },
        &[(Field::Parameters, "7B"), (Field::TokensPerSecond, "100k")],
    );
    assert_eq!(msg(&c), "the MFU needs the hardware: fill in Method 2's chips and hardware or peak");
    let c = with(
        Calculation::default(),
        &[(Field::Chips, "8"), (Field::Peak, "1e15"), (Field::Time, "1 d"), (Field::TokensPerSecond, "100k")],
    );
    assert_eq!(msg(&c), "the MFU needs the model: fill in the 6·N·D or Transformer tab");
    // 7B × 6 × 1e6 tokens/s on 8 × 1e15 FLOP/s: 4.2e16 / 8e15 = 525%, impossible.
    let c = with(
        Calculation { mode: Mode::Params, ..Calculation::default() },
        &[
            (Field::Parameters, "7B"),
            (Field::Chips, "8"),
            (Field::Peak, "1e15"),
            (Field::Time, "1 d"),
            (Field::TokensPerSecond, "1M"),
        ],
    );
    assert_eq!(msg(&c), "the utilization would be 525%, above 100%: check the inputs");
    // 7B × 6 × 100k on 64 × 312 TFLOP/s: 4.2e15 / 1.9968e16 = 21.0%.
    let c = with(
        Calculation { mode: Mode::Params, ..Calculation::default() },
        &[
            (Field::Parameters, "7B"),
            (Field::Chips, "64"),
            (Field::Peak, "312 TFLOPS"),
            (Field::Time, "1 d"),
            (Field::TokensPerSecond, "100k"),
        ],
    );
    let mfu = plan(&c, &evaluate(&c, cat())).mfu.unwrap().unwrap();
    assert!((mfu - 6.0 * 7e9 * 1e5 / (64.0 * 312e12)).abs() < 1e-12);
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}
