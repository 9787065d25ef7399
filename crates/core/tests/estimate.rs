//! One current estimate: which method every derived figure follows, the worked example's marks
//! that keep its untouched inputs from standing beside the user's own, the target linked to
//! Method 1, and the values the empty default fields stand for. Expected values are the
//! appendix's arithmetic, written out here.
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]
#![cfg(not(target_arch = "wasm32"))]

use aicompute::calculation::calc::{evaluate, Basis, Calculation, Field, Lang, Side};
use aicompute::calculation::estimate::{NoCurrent, Source};
use aicompute::calculation::examples::default_calculation;
use aicompute::calculation::examples::Cleared;
use aicompute::calculation::thresholds;

const DAY: f64 = 86_400.0;
/// AlexNet by counting operations, and by GPU time (the appendix).
const ALEXNET_OPS: f64 = 0.75e9 * 2.0 * 3.0 * 1.2e6 * 90.0;
const ALEXNET_GPU: f64 = 2.0 * 1.58e12 * 5.5 * DAY * 0.33;
/// The analyst's run: 2,048 H800s (989.5 TFLOP/s dense BF16) for 57 days at 40%.
const H800_RUN: f64 = 2048.0 * 989.5e12 * 57.0 * DAY * 0.40;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs()
}

fn typed(c: &mut Calculation, inputs: &[(Field, &str)]) -> Vec<Cleared> {
    inputs.iter().filter_map(|(f, v)| c.edit(*f, (*v).to_string())).collect()
}

#[test]
fn the_default_example_is_both_methods_and_says_so() {
    let c = default_calculation();
    assert!(c.is_example(Side::One) && c.is_example(Side::Two));
    let ev = evaluate(&c, cat());
    let cur = ev.current().expect("a current estimate");
    assert_eq!(cur.source, Source::Both);
    assert!(close(cur.flop.mid(), (ALEXNET_OPS * ALEXNET_GPU).sqrt()), "{}", cur.flop.mid());
    assert_eq!(
        aicompute::calculation::examples::named(&c, cur, Lang::En),
        "from both methods (geometric mean); worked example: AlexNet (operations), AlexNet (GPU time)"
    );
}

/// The case the issue was filed on: a run typed into Method 2 over the default example. The
/// thresholds, citation and chart point followed Method 1's untouched AlexNet inputs.
#[test]
fn a_run_typed_into_method_2_over_the_example_is_the_estimate() {
    let mut c = default_calculation();
    let cleared = typed(
        &mut c,
        &[(Field::Chips, "2048"), (Field::Peak, "989.5 TFLOPS"), (Field::Time, "57 d"), (Field::Utilization, "40%")],
    );
    // The first key cleared Method 1's example, its name and its date; nothing after it.
    assert_eq!(
        cleared,
        [Cleared {
            side: Side::One,
            example: "alexnet-ops",
            name: Some("AlexNet".into()),
            date: Some("2012-06-01".into())
        }]
    );
    assert!(c.forward.is_empty() && c.examples.is_empty() && c.epochs.is_empty());
    assert!(c.name.is_empty() && c.date.is_empty());
    // The example's hardware was replaced by a typed peak; clear it as a user would.
    c.edit(Field::Hardware, String::new());
    let ev = evaluate(&c, cat());
    let cur = ev.current().unwrap();
    assert_eq!(cur.source, Source::Two);
    assert!(close(cur.flop.mid(), H800_RUN), "{} vs {H800_RUN}", cur.flop.mid());
    // The EU AI Act threshold: 3.99e24 / 1e25 = 0.4×, named as Method 2's.
    let eu = thresholds::against(cur.flop.mid()).into_iter().find(|s| s.threshold.flop == 1e25).unwrap();
    assert_eq!(eu.sentence(Lang::En), "below the EU AI Act threshold (10²⁵ FLOP): 0.4×");
    assert_eq!(aicompute::calculation::examples::named(&c, cur, Lang::En), "from Method 2: GPU time");
    assert_eq!(aicompute::calculation::examples::named(&c, cur, Lang::Zh), "来自方法 2（GPU 时间）");
    let cite = aicompute::formats::export::citation(&ev, Lang::En).unwrap();
    assert!(cite.starts_with("We estimate 3.99 × 10^24 FLOP"), "{cite}");
}

#[test]
fn restoring_the_example_keeps_the_users_method_as_the_estimate() {
    let mut c = default_calculation();
    let cleared = c.edit(Field::Chips, "2048".into()).unwrap();
    c.restore(&cleared);
    assert_eq!(c.forward, "0.75G");
    assert_eq!((c.name.as_str(), c.date.as_str()), ("AlexNet", "2012-06-01"));
    assert!(c.is_example(Side::One) && !c.is_example(Side::Two));
    // Method 1 is the example again; it never stands beside the user's own Method 2.
    let cur = *evaluate(&c, cat()).current().unwrap();
    assert_eq!(cur.source, Source::Two);
    assert!(close(cur.flop.mid(), 2048.0 * 1.58e12 * 5.5 * DAY * 0.33));
}

#[test]
fn editing_a_method_of_a_one_method_example_keeps_its_name() {
    let mut c = aicompute::calculation::examples::find("resnet").unwrap().calculation();
    assert_eq!(c.edit(Field::Epochs, "64".into()), None);
    assert_eq!(c.name, "ResNet-151");
    let cur = *evaluate(&c, cat()).current().unwrap();
    assert_eq!(cur.source, Source::One);
    assert!(close(cur.flop.mid(), 11.4e9 * 2.0 * 3.0 * 1.2e6 * 64.0));
    // A GPU run added to a one-method example keeps the example beside it, marked, and the
    // run, the user's own, is the estimate.
    let mut c = aicompute::calculation::examples::find("resnet").unwrap().calculation();
    assert_eq!(typed(&mut c, &[(Field::Chips, "8"), (Field::Peak, "100 TFLOPS"), (Field::Time, "2 d")]), []);
    assert!(c.is_example(Side::One) && c.name == "ResNet-151");
    let cur = *evaluate(&c, cat()).current().unwrap();
    assert_eq!(cur.source, Source::Two);
    assert!(close(cur.flop.mid(), 8.0 * 100e12 * 2.0 * DAY * 0.33));
}

fn both_users() -> Calculation {
    let mut c = Calculation::default();
    typed(&mut c, &[(Field::Forward, "0.75G"), (Field::Examples, "1.2M"), (Field::Epochs, "90")]);
    typed(&mut c, &[(Field::Chips, "2"), (Field::Peak, "1.58 TFLOPS"), (Field::Time, "5.5 d")]);
    c
}

#[test]
fn with_both_methods_the_users_the_last_edited_or_the_picked_one_counts() {
    let mut c = both_users();
    assert_eq!(c.last, Some(Side::Two));
    assert_eq!(evaluate(&c, cat()).current().unwrap().source, Source::Two);
    c.edit(Field::Epochs, "90".into());
    assert_eq!(evaluate(&c, cat()).current().unwrap().source, Source::One);
    c.basis = Basis::Two;
    let cur = *evaluate(&c, cat()).current().unwrap();
    assert!(cur.picked && cur.source == Source::Two && close(cur.flop.mid(), ALEXNET_GPU));
    c.basis = Basis::Both;
    assert!(close(evaluate(&c, cat()).current().unwrap().flop.mid(), (ALEXNET_OPS * ALEXNET_GPU).sqrt()));
    // 9 epochs: Method 1 is 10× lower, and both can no longer stand together.
    c.edit(Field::Epochs, "9".into());
    assert_eq!(evaluate(&c, cat()).current, Err(NoCurrent::Disagree));
    // Neither edited (an older link): both when they agree, else Method 1, and it is said.
    c.basis = Basis::Auto;
    c.last = None;
    assert_eq!(evaluate(&c, cat()).current().unwrap().source, Source::One);
    c.basis = Basis::Two;
    c.chips.clear();
    c.peak.clear();
    c.time.clear();
    assert_eq!(evaluate(&c, cat()).current, Err(NoCurrent::Picked(Side::Two)));
    // Both picked, and Method 2 has no result: said so, not "more than 2× apart".
    c.basis = Basis::Both;
    let why = evaluate(&c, cat()).current.unwrap_err();
    assert_eq!(why, NoCurrent::BothPicked(Side::Two));
    assert_eq!(why.message(Lang::En), "You picked both methods, and Method 2 has no result yet.");
    assert_eq!(why.message(Lang::Zh), "你选择了两种方法，但方法 2 还没有结果。");
}

#[test]
fn an_unfinished_method_of_the_user_never_falls_back_on_the_example() {
    let mut c = default_calculation();
    let cleared = c.edit(Field::Chips, "x".into()).unwrap();
    c.restore(&cleared);
    assert!(c.is_example(Side::One));
    let why = evaluate(&c, cat()).current.unwrap_err();
    // Said as what it is: Method 1 has a result (the example's), which does not count.
    assert_eq!(why, NoCurrent::Unfinished(Side::Two));
    assert_eq!(
        why.message(Lang::En),
        "No current estimate yet: Method 2, where your inputs are, has no result yet; Method 1 still holds the worked example's inputs (pick Method 1 below to use its result)."
    );
    assert_eq!(
        why.message(Lang::Zh),
        "还没有当前估算：你填写的方法 2 尚无结果；方法 1 仍是算例的原始输入（如要采用其结果，请在下方选择方法 1）。"
    );
    // Picked, the example's result is the estimate.
    c.basis = Basis::One;
    assert!(close(evaluate(&c, cat()).current().unwrap().flop.mid(), ALEXNET_OPS));
    // With neither method's result there is nothing to pick from.
    c.basis = Basis::Auto;
    c.clear_side(Side::One);
    assert_eq!(evaluate(&c, cat()).current, Err(NoCurrent::Nothing));
}

#[test]
fn the_target_linked_to_method_1_solves_and_follows_the_model() {
    let mut c = aicompute::calculation::examples::find("gpt3").unwrap().calculation();
    typed(&mut c, &[(Field::Chips, "512"), (Field::Peak, "989 TFLOPS"), (Field::Utilization, "40%")]);
    c.target_from_estimate = true;
    let days = |c: &Calculation| {
        let ev = evaluate(c, cat());
        assert!(ev.method2.estimate().is_some(), "{:?}", ev.method2);
        ev.method2.estimate().unwrap().factor(aicompute::calculation::calc::Label::Time).unwrap().mid() / DAY
    };
    let gpt3 = 6.0 * 175e9 * 300e9;
    assert!(close(days(&c), gpt3 / (512.0 * 989e12 * 0.40) / DAY));
    let ev = evaluate(&c, cat());
    let (field, text) = aicompute::calculation::used::solved(&ev, Lang::En).unwrap();
    assert_eq!(field, Field::Time);
    // 3.15e23 / (512 × 989e12 × 0.4) = 1,555,230 s = 18.0 days.
    assert_eq!(text, "18 d");
    // Method 2 solved from Method 1 is no second estimate: the figures follow Method 1, and
    // there is no comparison (it would agree by construction).
    let ev = evaluate(&c, cat());
    assert_eq!(ev.current().unwrap().source, Source::One);
    assert_eq!(ev.comparison, None);
    c.edit(Field::Tokens, "600B".into());
    assert!(close(days(&c), 2.0 * gpt3 / (512.0 * 989e12 * 0.40) / DAY));
    // Without Method 1, the linked target says so beside the target.
    c.clear_side(Side::One);
    let ev = evaluate(&c, cat());
    let e = ev.errors().next().unwrap();
    assert_eq!(e.field, Field::Target);
    assert_eq!(e.message(Lang::En), "the target is Method 1's estimate, and Method 1 has no result yet");
}

#[test]
fn an_empty_default_field_says_the_value_used() {
    let c = default_calculation();
    let ev = evaluate(&c, cat());
    let used = |f| aicompute::calculation::used::used(f, &c, &ev, Lang::En);
    assert_eq!(used(Field::Passes).as_deref(), Some("3 — forward + backward (default)"));
    assert_eq!(used(Field::FlopsPerMac).as_deref(), Some("2 — FLOPs per add-multiply (default)"));
    // Typed fields say nothing; fields with no default (grid, price) neither.
    assert_eq!(used(Field::Utilization), None);
    assert_eq!(used(Field::Price), None);
    assert_eq!(used(Field::Grid), None);
    let power = used(Field::Power).unwrap();
    assert!(power.starts_with("244 W — NVIDIA GeForce GTX 580 (OpenAI 2018 figure) TDP. Source: "), "{power}");
    let pue = used(Field::Pue).unwrap();
    assert!(pue.starts_with("1.1 — Google"), "{pue}");
    let mut gpu = aicompute::calculation::examples::find("alexnet-gpu").unwrap().calculation();
    gpu.utilization.clear();
    let ev = evaluate(&gpu, cat());
    assert_eq!(
        aicompute::calculation::used::used(Field::Utilization, &gpu, &ev, Lang::En).as_deref(),
        Some("33% — the seed's default for GPUs")
    );
    let budget = aicompute::calculation::used::used(Field::Budget, &gpu, &ev, Lang::En).unwrap();
    assert_eq!(
        budget,
        format!("{} FLOP — from Method 2: GPU time; worked example: AlexNet (GPU time)", "4.96 × 10^17")
    );
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}

#[test]
fn a_method_without_a_result_says_why() {
    // Fields merely empty are not marked beside themselves: the result names them.
    let mut c = Calculation::default();
    c.edit(Field::Chips, "2048".into());
    let ev = evaluate(&c, cat());
    assert_eq!(
        ev.method2.why_none(Lang::En).as_deref(),
        Some("Still to fill in: Hardware (type part of a name), Training time.")
    );
    assert_eq!(ev.method2.why_none(Lang::Zh).as_deref(), Some("还需填写：硬件（输入名称的一部分）、训练时间。"));
    // Nothing typed in a method: to fill in the fields.
    assert_eq!(ev.method1.why_none(Lang::En).as_deref(), Some("Fill in the fields to see a result."));
    c.edit(Field::Epochs, "90".into());
    assert_eq!(
        evaluate(&c, cat()).method1.why_none(Lang::En).as_deref(),
        Some("Still to fill in: Operations per forward pass (per example), Examples per epoch.")
    );
    // A field typed wrong is marked beside itself, and the result says so.
    c.edit(Field::Time, "5 TFLOPS".into());
    assert_eq!(
        evaluate(&c, cat()).method2.why_none(Lang::En).as_deref(),
        Some("Fix the marked field to see a result.")
    );
    // With a result, nothing.
    c.edit(Field::Hardware, "V100".into());
    c.edit(Field::Time, "1 d".into());
    assert_eq!(evaluate(&c, cat()).method2.why_none(Lang::En), None);
}
