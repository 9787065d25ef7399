//! Chinchilla, tokens per parameter, MFU and Method 2 solved for its missing factor.
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]

use aicompute::planning::planner::{
    chinchilla, default_utilization, mfu, palm_flop_per_token, solve, tokens_per_parameter, PlanError, Quantity,
    Unknown,
};
use aicompute::text::i18n::Lang;

#[track_caller]
fn close(got: f64, want: f64, rel: f64) {
    assert!((got / want - 1.0).abs() < rel, "got {got:e}, want {want:e}");
}

#[track_caller]
fn error(r: Result<impl std::fmt::Debug, PlanError>, en: &str) {
    assert_eq!(r.expect_err(en).message(Lang::En), en);
}

const DAY: f64 = 86400.0;

#[test]
fn chinchilla_rule() {
    let c = chinchilla(5.76e23).unwrap();
    assert_eq!(c.parameters, (5.76e23_f64 / 120.0).sqrt());
    assert_eq!(c.tokens, 20.0 * c.parameters);
    close(c.parameters, 69.3e9, 0.001);
    close(c.tokens, 1.386e12, 0.001);
    close(6.0 * c.parameters * c.tokens, 5.76e23, 1e-12);
    error(chinchilla(-1.0), "the compute must be above 0");
    error(chinchilla(0.0), "the compute must be above 0");
    error(chinchilla(f64::NAN), "the compute must be above 0");
    error(chinchilla(f64::INFINITY), "the compute is too large: the result is not a finite number");
}

#[test]
fn tokens_per_parameter_of_known_models() {
    close(tokens_per_parameter(300e9, 175e9).unwrap(), 300.0 / 175.0, 1e-12);
    close(tokens_per_parameter(300e9, 175e9).unwrap(), 1.71, 0.005);
    assert_eq!(tokens_per_parameter(1.4e12, 70e9).unwrap(), 20.0);
    error(tokens_per_parameter(1.0, 0.0), "the parameters must be above 0");
    error(tokens_per_parameter(1e300, 1e-300), "the tokens is too large: the result is not a finite number");
}

#[test]
fn palm_540b_mfu() {
    // PaLM appendix B: L = 118, H = 48, Q = 256, T = 2048, N = 540.35B; 238.3k tokens/s on
    // 6,144 TPU v4 at 275 TFLOP/s (bf16).
    let per_token = palm_flop_per_token(540.35e9, 118.0, 48.0, 256.0, 2048.0).unwrap();
    assert_eq!(per_token, 6.0 * 540.35e9 + 12.0 * 118.0 * 48.0 * 256.0 * 2048.0);
    let u = mfu(238.3e3, per_token, 6144.0, 275e12).unwrap();
    assert_eq!(u, per_token * 238.3e3 / (6144.0 * 275e12));
    close(u, 0.462, 0.001);
    error(mfu(1e9, 1e12, 1.0, 1e15), "the utilization would be 1 × 10^8%, above 100%: check the inputs");
    error(mfu(0.0, 1.0, 1.0, 1.0), "the tokens per second must be above 0");
    error(mfu(1.0, 1.0, 1.0, -5.0), "the peak must be above 0");
}

#[test]
fn method_2_solved() {
    // 10^25 FLOP on 10,000 H100 SXM5 (989.4 TFLOP/s dense BF16, Epoch's catalog) at 40%.
    let s = solve(1e25, Some(10_000.0), 989.4e12, None, Some(0.4)).unwrap();
    assert_eq!(s.solved, Unknown::Time);
    assert_eq!(s.seconds, 1e25 / (10_000.0 * 989.4e12 * 0.4));
    close(s.days(), 29.25, 0.001);
    let c = solve(1e25, None, 989.4e12, Some(30.0 * DAY), Some(0.4)).unwrap();
    assert_eq!((c.solved, c.chips), (Unknown::Chips, 1e25 / (989.4e12 * 30.0 * DAY * 0.4)));
    let u = solve(1e25, Some(10_000.0), 989.4e12, Some(60.0 * DAY), None).unwrap();
    assert_eq!((u.solved, u.utilization), (Unknown::Utilization, 1e25 / (10_000.0 * 989.4e12 * 60.0 * DAY)));
    error(
        solve(1e25, Some(10.0), 989.4e12, Some(DAY), None),
        "the utilization would be 1,169,807%, above 100%: check the inputs",
    );
    error(
        solve(1e25, Some(1.0), 1e12, Some(DAY), Some(0.4)),
        "leave out exactly one of chips, time and utilization (0 left out)",
    );
    error(
        solve(1e25, None, 1e12, None, Some(0.4)),
        "leave out exactly one of chips, time and utilization (2 left out)",
    );
    error(solve(1e25, Some(1.0), 1e12, None, Some(1.5)), "the utilization would be 150%, above 100%: check the inputs");
    error(solve(-1.0, Some(1.0), 1e12, None, Some(0.5)), "the compute must be above 0");
    error(
        solve(1e300, Some(1e-300), 1e-300, None, Some(0.5)),
        "the time is too large: the result is not a finite number",
    );
    assert_eq!(PlanError::NotPositive(Quantity::Chips).message(Lang::Zh), "芯片数必须大于 0");
    assert_eq!(
        PlanError::AboveFull { what: Quantity::Utilization, value: 1.5 }.message(Lang::Zh),
        "利用率将为 150%，超过 100%：请检查输入"
    );
    assert_eq!(
        PlanError::NotOneMissing { missing: 2 }.message(Lang::Zh),
        "芯片数、时间、利用率三者须恰好空一个（现空 2 个）"
    );
}

#[test]
fn utilization_defaults() {
    assert_eq!(default_utilization(true).value, 0.30);
    assert_eq!(default_utilization(false).value, 0.40);
    assert_eq!(
        default_utilization(true).source_in(Lang::Zh),
        "Epoch AI, \"Notable AI Models\" documentation: 30% for large language models where unknown",
        "quoted as written"
    );
}
