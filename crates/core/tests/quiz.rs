//! Grading answers against the exact arithmetic, and the exercise set built from the worked
//! examples. Expected values are worked out by hand in the comments.
#![cfg(not(target_arch = "wasm32"))]

use aicompute::calculation::calc::Lang;
use aicompute::classroom::quiz::{answer_key, exercises, grade, question_sheet, QuizError, QuizVerdict, Slip, TimeMix};
use proptest::prelude::*;

/// ResNet-151: 11.4e9 × 2 × 3 × 1.2e6 × 128.
const RESNET: f64 = 1.050624e19;

#[track_caller]
fn verdict(answer: &str, exact: f64, ratio: f64, want: QuizVerdict) {
    let g = grade(answer, exact).unwrap_or_else(|e| panic!("{answer:?}: {}", e.message(Lang::En)));
    assert!((g.ratio - ratio).abs() <= 1e-12 * ratio, "{answer:?}: ratio {}", g.ratio);
    assert_eq!(g.verdict, want, "{answer:?}");
}

#[track_caller]
fn says(answer: &str, exact: f64, en: &str, zh: &str) {
    let g = grade(answer, exact).unwrap();
    assert_eq!(g.message(Lang::En), en, "{answer:?}");
    assert_eq!(g.message(Lang::Zh), zh, "{answer:?}");
}

#[track_caller]
fn refused(answer: &str, exact: f64, want: QuizError) {
    assert_eq!(grade(answer, exact), Err(want), "{answer:?}");
}

#[test]
fn answers_in_any_unit_of_operations() {
    // 0.12 × 8.64e19 = 1.0368e19.
    verdict("0.12 pfs-days", RESNET, 1.0368e19 / RESNET, QuizVerdict::Right);
    verdict("0.12 petaflop/s-days", RESNET, 1.0368e19 / RESNET, QuizVerdict::Right);
    verdict("1e19 FLOP", RESNET, 1e19 / RESNET, QuizVerdict::Right);
    verdict("10,506 PF", RESNET, 1.0506e19 / RESNET, QuizVerdict::Right);
    verdict("1.05e19", RESNET, 1.05e19 / RESNET, QuizVerdict::Right);
    verdict("11.4G * 2 * 3 * 1.2M * 128", RESNET, 1.0, QuizVerdict::Right);
}

#[test]
fn verdict_bounds_are_inclusive() {
    verdict("1.1e19", 1e19, 1.1, QuizVerdict::Right);
    verdict("1e19", 1.1e19, 1.0 / 1.1, QuizVerdict::Right);
    verdict("1.11e19", 1e19, 1.11, QuizVerdict::OrderOfMagnitude);
    verdict("2e19", 1e19, 2.0, QuizVerdict::OrderOfMagnitude);
    verdict("5e18", 1e19, 0.5, QuizVerdict::OrderOfMagnitude);
    verdict("2.5e19", 1e19, 2.5, QuizVerdict::OrderOfMagnitude);
    verdict("1e19", 3e19, 1.0 / 3.0, QuizVerdict::OrderOfMagnitude);
    verdict("3e19", 1e19, 3.0, QuizVerdict::OrderOfMagnitude);
    verdict("3.1e19", 1e19, 3.1, QuizVerdict::Within10x);
    verdict("1e20", 1e19, 10.0, QuizVerdict::Within10x);
    verdict("1e18", 1e19, 0.1, QuizVerdict::Within10x);
    verdict("1.1e20", 1e19, 11.0, QuizVerdict::Far);
    verdict("1e15", 1e19, 1e-4, QuizVerdict::Far);
    // Only within 10% is right; within 3× is close, not right (the page shows the two apart).
    assert!(QuizVerdict::Right.passed() && !QuizVerdict::Right.close());
    assert!(QuizVerdict::OrderOfMagnitude.close() && !QuizVerdict::OrderOfMagnitude.passed());
    for v in [QuizVerdict::Within10x, QuizVerdict::Far] {
        assert!(!v.passed() && !v.close(), "{v:?}");
    }
}

#[test]
fn sentences_in_both_languages() {
    // ResNet's 0.122 pfs-days = 1.05408e19 FLOP against 1.050624e19: 0.329% too high (it said "1×").
    says(
        "0.122 pfs-days",
        RESNET,
        "Right: within 10% of the exact answer (yours is 0.33% too high)",
        "正确：与按算式计算的答案相差不到 10%（你的答案偏高 0.33%）",
    );
    says(
        "1.4e19",
        1e19,
        "The right order of magnitude, but not the exact arithmetic (yours is 1.4× too high)",
        "数量级正确，但与按算式计算的结果不符（你的答案偏高，是计算值的 1.4 倍）",
    );
    says(
        "6e18",
        1e19,
        "The right order of magnitude, but not the exact arithmetic (yours is too low: 60% of it)",
        "数量级正确，但与按算式计算的结果不符（你的答案偏低，为计算值的 60%）",
    );
    // 1.0368e19 / 1.050624e19 = 0.98684: 98.7%.
    says(
        "0.12 pfs-days",
        RESNET,
        "Right: within 10% of the exact answer (yours is too low: 98.7% of it)",
        "正确：与按算式计算的答案相差不到 10%（你的答案偏低，为计算值的 98.7%）",
    );
    // 1.0506e19 / 1.050624e19 = 0.99998: the same to three digits.
    says(
        "10,506 PF",
        RESNET,
        "Right: within 10% of the exact answer (yours matches it)",
        "正确：与按算式计算的答案相差不到 10%（与计算值一致）",
    );
    says(
        "2.5e19",
        1e19,
        "The right order of magnitude, but not the exact arithmetic (yours is 2.5× too high)",
        "数量级正确，但与按算式计算的结果不符（你的答案偏高，是计算值的 2.5 倍）",
    );
    says(
        "5e19",
        1e19,
        "Within 10× of the exact answer, but more than 3× off (yours is 5× too high)",
        "与按算式计算的答案相差超过 3 倍，但不到 10 倍（你的答案偏高，是计算值的 5 倍）",
    );
    says(
        "1e21",
        1e19,
        "More than 10× from the exact answer (yours is 100× too high); looks like a power of ten is off: ÷100",
        "与按算式计算的答案相差超过 10 倍（你的答案偏高，是计算值的 100 倍）；看起来 10 的幂次错了：你的答案 ÷100 即为正确结果",
    );
}

#[test]
fn answers_that_cannot_be_graded() {
    refused("", 1e19, QuizError::Empty);
    refused("   ", 1e19, QuizError::Empty);
    refused("5 TFLOPS", 1e19, QuizError::Rate);
    refused("1 PFLOP/s", 1e19, QuizError::Rate);
    refused("5.5 d", 1e19, QuizError::Time);
    refused(
        "2 FLOP * 3 FLOP",
        1e19,
        QuizError::NotAmount { dim: aicompute::language::expr::Dim { ops: 2, time: 0, power: 0 } },
    );
    refused("-1e19", 1e19, QuizError::NotPositive);
    refused("0", 1e19, QuizError::NotPositive);
    refused("1e19..2e19", 1e19, QuizError::Range);
    refused(
        "abc",
        1e19,
        QuizError::Syntax {
            kind: aicompute::language::expr::ExprKind::NotANumberOrUnit { text: "abc".into() },
            start: 0,
            end: 3,
        },
    );
    refused("1e19", 0.0, QuizError::BadExact);
    refused("1e19", f64::NAN, QuizError::BadExact);
    refused("1e19", f64::INFINITY, QuizError::BadExact);
    refused("1e300", 1e-300, QuizError::BadExact);
    let e = grade("5 TFLOPS", 1e19).unwrap_err();
    assert_eq!(
        e.message(Lang::En),
        "that is a rate (FLOP/s): multiply it by the training time to get an amount of operations"
    );
    assert_eq!(e.message(Lang::Zh), "这是速率（FLOP/s）：乘以训练时间才是运算量");
    assert_eq!(grade("", 1e19).unwrap_err().message(Lang::Zh), "答案为空：请填写算力，例如 1e19 FLOP 或 0.12 pfs-days");
}

#[test]
fn the_exercise_set() {
    let xs = exercises(cat());
    assert_eq!(xs.len(), 25, "the appendix's 17 computations and 8 modern presets");
    assert_eq!(xs.iter().filter(|x| x.example.seed).count(), 17);
    let by_id = |id: &str| xs.iter().find(|x| x.example.id == id).unwrap();
    let close = |got: f64, want: f64| assert!((got - want).abs() <= 1e-12 * want, "{got} against {want}");
    close(by_id("resnet").exact_flop, RESNET);
    // 2 × 1.58e12 FLOP/s × 5.5 × 86,400 s × 0.33.
    close(by_id("alexnet-gpu").exact_flop, 4.9553856e17);
    // 6 × 175e9 × 300e9.
    close(by_id("gpt3").exact_flop, 3.15e23);
    let resnet = by_id("resnet");
    assert_eq!(resnet.grade("0.122 pfs-days").unwrap().verdict, QuizVerdict::Right);
    assert_eq!(
        resnet.question(Lang::En),
        "ResNet-151 (2015-12-10): add-multiplies per forward pass = 1.14 × 10¹⁰; examples per epoch = 1.2 × 10⁶; epochs = 128. Count 2 FLOP per add-multiply and 3× for the forward and backward passes. How much compute did training take?"
    );
    assert_eq!(
        resnet.question(Lang::Zh),
        "ResNet-151（2015-12-10）：每次前向传播的乘加数 = 1.14 × 10¹⁰；每轮样本数 = 1.2 × 10⁶；轮数 = 128。每次乘加计 2 FLOP，前向加反向计 3 倍。训练用了多少算力？"
    );
    assert_eq!(
        resnet.answer(Lang::En),
        "ResNet-151: 1.05 × 10^19 FLOP = 10,506 PF = 0.122 pfs-days. Arithmetic: 1.14 × 10^10 × 2 × 3 × 1.2 × 10^6 × 128. Published: 10,000 PF = 0.117 pfs-days."
    );
    let gpu = by_id("alexnet-gpu").question(Lang::En);
    assert!(gpu.contains("hardware = NVIDIA GeForce GTX 580 (OpenAI 2018 figure) (peak 1.58 × 10^12 FLOP/s)"), "{gpu}");
    assert!(by_id("seq2seq-ops")
        .answer(Lang::Zh)
        .ends_with("公布数值：7,300 PF = 0.085 pfs-days（与其算式的结果相差超过 10%）。"));
}

#[test]
fn sheets_number_every_exercise() {
    for lang in [Lang::En, Lang::Zh] {
        let (q, a) = (question_sheet(cat(), lang), answer_key(cat(), lang));
        for n in 1..=25 {
            assert!(q.contains(&format!("\n{n}. ")) && a.contains(&format!("\n{n}. ")), "{n}");
        }
        assert!(!q.contains("\n26. ") && !a.contains("\n26. "));
        assert!(!q.contains("10¹⁹ FLOP ="), "no answer on the question sheet");
    }
    assert!(question_sheet(cat(), Lang::En).contains("1 pfs-day = 8.64 × 10¹⁹ FLOP"));
    // A choice prints as its name, not the word typed in a link ("palm").
    let en = question_sheet(cat(), Lang::En);
    assert!(en.contains("Attention FLOP = PaLM (Chowdhery et al. 2022);"), "{en}");
    assert!(!en.contains("= palm") && !en.contains("= kaplan"), "{en}");
    assert!(answer_key(cat(), Lang::Zh)
        .starts_with("参考答案\n\n1. ResNet-151：1.05 × 10¹⁹ FLOP = 10,506 PF = 0.122 pfs-days。"));
    // Issue 20: the Chinese sheet has no English word outside names (the chip's figure, the
    // time's unit, a yes/no choice) and no caret.
    let zh = question_sheet(cat(), Lang::Zh);
    assert!(zh.contains("硬件 = NVIDIA GeForce GTX 580（OpenAI 2018 年数值）（峰值 1.58 × 10¹² FLOP/s）"), "{zh}");
    assert!(zh.contains("训练时间 = 5.5 天"), "{zh}");
    assert!(!zh.contains('^') && !zh.contains("= yes") && !zh.contains(" d；") && !zh.contains("figure"), "{zh}");
}

proptest! {
    #[test]
    fn grading_never_panics_or_returns_non_finite(s in "\\PC{0,60}", exact in proptest::num::f64::ANY) {
        if let Ok(g) = grade(&s, exact) {
            prop_assert!(g.ratio.is_finite() && g.ratio > 0.0 && g.answer_flop.is_finite());
            // A slip is never named for a right answer.
            prop_assert!(!(g.verdict == QuizVerdict::Right && g.slip.is_some()));
        }
    }

    #[test]
    fn an_exact_answer_is_right(v in 1e-10f64..1e30) {
        let g = grade(&format!("{v:e} FLOP"), v).unwrap();
        prop_assert_eq!((g.verdict, g.slip), (QuizVerdict::Right, None));
    }
}

#[test]
fn a_calculation_grades_its_headline_or_says_it_waits_for_the_catalog() {
    use aicompute::calculation::calc::{evaluate, Calculation, Evaluation, Field, Outcome};
    use aicompute::calculation::problem::{FieldError, Problem};
    use aicompute::catalog::hardware::HardwareError;
    use aicompute::classroom::quiz::grade_evaluation;
    // ResNet-151 as a calculation: 11.4e9 × 2 × 3 × 1.2e6 × 128 = 1.050624e19; 1e19 is 0.952×.
    let mut c = Calculation::default();
    for (f, v) in [(Field::Forward, "11.4*10^9"), (Field::Examples, "1.2M"), (Field::Epochs, "128")] {
        *f.get_mut(&mut c) = v.into();
    }
    let g = grade_evaluation("1e19", &evaluate(&c, cat())).unwrap();
    assert!((g.ratio - 1e19 / RESNET).abs() < 1e-12);
    assert_eq!(grade_evaluation("1e19", &evaluate(&Calculation::default(), cat())), Err(QuizError::BadExact));
    // Method 2 on a chip of the catalog, while the page still fetches it.
    let waiting = Evaluation {
        method2: Outcome::Invalid(vec![FieldError::new(
            Field::Hardware,
            Problem::Hardware(HardwareError::Loading),
            0,
            4,
        )]),
        ..evaluate(&Calculation::default(), cat())
    };
    let e = grade_evaluation("1e19", &waiting).unwrap_err();
    assert_eq!(e, QuizError::Waiting);
    assert_eq!(
        e.message(Lang::En),
        "waiting for Epoch AI's hardware catalog: your answer is checked as soon as it arrives"
    );
    assert_eq!(e.message(Lang::Zh), "正在等待 Epoch AI 硬件目录：目录一到即核对你的答案");
}

// Common slips. The exact values and the answers are worked out by hand:
/// AlexNet (operations), as the appendix prints it: 0.75e9 × 2 × 3 × 1.2e6 × 90 = 4.86e17 FLOP.
const ALEXNET: f64 = 4.86e17;
/// AlexNet (GPU time): 2 × 1.58e12 FLOP/s × 5.5 × 86,400 s × 0.33 = 4.9553856e17 FLOP.
const ALEXNET_GPU: f64 = 4.9553856e17;

fn exercise(id: &str) -> aicompute::classroom::quiz::Exercise {
    exercises(cat()).into_iter().find(|x| x.example.id == id).unwrap()
}

/// Grades `answer` on the worked example `id` as the exercise set does and as the page does (on
/// the example's calculation): the two must agree.
#[track_caller]
fn graded(id: &str, answer: &str) -> aicompute::classroom::quiz::Grade {
    use aicompute::calculation::calc::evaluate;
    let x = exercise(id);
    let sheet = x.grade(answer).unwrap();
    let page =
        aicompute::classroom::quiz::grade_evaluation(answer, &evaluate(&x.example.calculation(), cat())).unwrap();
    assert_eq!(sheet, page, "{id} {answer:?}: the exercise set and the page grade alike");
    sheet
}

#[track_caller]
fn slip(id: &str, answer: &str) -> Option<Slip> {
    graded(id, answer).slip
}

/// A calculation of Method 1 from its forward pass, examples and epochs (and FLOP or MACs).
fn ops(
    forward: &str,
    examples: &str,
    epochs: &str,
    per: aicompute::calculation::calc::Per,
) -> aicompute::calculation::calc::Evaluation {
    use aicompute::calculation::calc::{evaluate, Calculation, Field};
    let mut c = Calculation { per, ..Calculation::default() };
    for (f, v) in [(Field::Forward, forward), (Field::Examples, examples), (Field::Epochs, epochs)] {
        *f.get_mut(&mut c) = v.into();
    }
    evaluate(&c, cat())
}

#[test]
fn a_missing_backward_pass_is_named() {
    assert!((exercise("alexnet-ops").exact_flop - ALEXNET).abs() <= 1e-12 * ALEXNET);
    // 4.86e17 / 3 = 1.62e17: the forward pass only.
    assert_eq!(slip("alexnet-ops", "1.62e17"), Some(Slip::ForwardOnly { passes: 3.0 }));
    assert_eq!(graded("alexnet-ops", "1.62e17").verdict, QuizVerdict::OrderOfMagnitude);
    // Within 10% of it still: 1.7e17 / 1.62e17 = 1.049.
    assert_eq!(slip("alexnet-ops", "1.7e17"), Some(Slip::ForwardOnly { passes: 3.0 }));
    // 1.9e17 is 1.17× that and 0.78× of ÷2: no slip.
    assert_eq!(slip("alexnet-ops", "1.9e17"), None);
    // 6·N·D holds the 3 of the passes: GPT-3's 3.15e23 / 3 = 1.05e23.
    assert_eq!(slip("gpt3", "1.05e23"), Some(Slip::ForwardOnly { passes: 3.0 }));
}

#[test]
fn add_multiplies_and_flops_are_named_only_with_their_factor() {
    use aicompute::calculation::calc::Per;
    // 4.86e17 / 2 = 2.43e17 (add-multiplies, not FLOPs); × 2 = 9.72e17 (FLOPs doubled again).
    assert_eq!(slip("alexnet-ops", "2.43e17"), Some(Slip::MacsAsFlops { per_mac: 2.0 }));
    assert_eq!(slip("alexnet-ops", "9.72e17"), Some(Slip::FlopsAsMacs { per_mac: 2.0 }));
    // 6·N·D holds the 2 FLOP per add-multiply: 3.15e23 / 2 = 1.575e23.
    assert_eq!(slip("gpt3", "1.575e23"), Some(Slip::MacsAsFlops { per_mac: 2.0 }));
    // Counted in FLOPs, the calculation has no FLOPs-per-add-multiply factor: 2e9 × 3 × 1e6 × 1 =
    // 6e15, and half of it (3e15) is no named slip; a third (2e15) still is the forward pass.
    let flop = ops("2e9", "1e6", "1", Per::Flop);
    let g = aicompute::classroom::quiz::grade_evaluation("3e15", &flop).unwrap();
    assert!((g.ratio - 0.5).abs() < 1e-12);
    assert_eq!(g.slip, None);
    let g = aicompute::classroom::quiz::grade_evaluation("2e15", &flop).unwrap();
    assert_eq!(g.slip, Some(Slip::ForwardOnly { passes: 3.0 }));
    // The same in add-multiplies: 2e9 × 2 × 3 × 1e6 = 1.2e16; half is 6e15.
    let mac = ops("2e9", "1e6", "1", Per::Mac);
    assert_eq!(
        aicompute::classroom::quiz::grade_evaluation("6e15", &mac).unwrap().slip,
        Some(Slip::MacsAsFlops { per_mac: 2.0 })
    );
}

#[test]
fn one_epoch_is_named() {
    use aicompute::calculation::calc::Per;
    // 4.86e17 / 90 = 5.4e15: far off, and why.
    let g = graded("alexnet-ops", "5.4e15");
    assert_eq!((g.verdict, g.slip), (QuizVerdict::Far, Some(Slip::OneEpoch { epochs: 90.0 })));
    // With 10 epochs, ÷10 is the epoch (more specific than a power of ten), ×10 a power of ten:
    // 1e9 × 2 × 3 × 1e6 × 10 = 6e16.
    let ten = ops("1e9", "1e6", "10", Per::Mac);
    let slip_of = |a: &str| aicompute::classroom::quiz::grade_evaluation(a, &ten).unwrap().slip;
    assert_eq!(slip_of("6e15"), Some(Slip::OneEpoch { epochs: 10.0 }));
    assert_eq!(slip_of("6e17"), Some(Slip::PowerOfTen { k: 1 }));
    // With one epoch there is no epoch to forget: 1e9 × 6 × 1e6 = 6e15, and 6e14 is ten times less.
    let one = ops("1e9", "1e6", "1", Per::Mac);
    assert_eq!(
        aicompute::classroom::quiz::grade_evaluation("6e14", &one).unwrap().slip,
        Some(Slip::PowerOfTen { k: -1 })
    );
}

#[test]
fn a_power_of_ten_is_named() {
    // 4.86e17 × 10 = 4.86e18; / 1000 = 4.86e14; 4.5e18 is 0.926× the first (within 10%).
    assert_eq!(slip("alexnet-ops", "4.86e18"), Some(Slip::PowerOfTen { k: 1 }));
    assert_eq!(slip("alexnet-ops", "4.5e18"), Some(Slip::PowerOfTen { k: 1 }));
    assert_eq!(slip("alexnet-ops", "4.86e14"), Some(Slip::PowerOfTen { k: -3 }));
    // 3e18 is 6.2× the exact: neither a power of ten nor anything else.
    assert_eq!(slip("alexnet-ops", "3e18"), None);
    // Without the calculation's factors, too.
    assert_eq!(grade("1e21", 1e19).unwrap().slip, Some(Slip::PowerOfTen { k: 2 }));
    assert_eq!(Slip::PowerOfTen { k: -6 }.message(Lang::En), "looks like a power of ten is off: ×10^6");
    assert_eq!(Slip::PowerOfTen { k: 3 }.message(Lang::Zh), "看起来 10 的幂次错了：你的答案 ÷1,000 即为正确结果");
}

#[test]
fn seconds_days_and_hours_are_named_in_method_2() {
    assert!((exercise("alexnet-gpu").exact_flop - ALEXNET_GPU).abs() <= 1e-12 * ALEXNET_GPU);
    let mix = |mix, too_high| Some(Slip::TimeUnits { mix, too_high });
    // The days taken as seconds: 2 × 1.58e12 × 5.5 × 0.33 = 5.7354e12 (= 4.9553856e17 / 86,400).
    assert_eq!(slip("alexnet-gpu", "5.7354e12"), mix(TimeMix::SecondsDays, false));
    // 4.9553856e17 × 86,400 = 4.281453158e22.
    assert_eq!(slip("alexnet-gpu", "4.281453158e22"), mix(TimeMix::SecondsDays, true));
    // / 3,600 = 1.376496e14; / 24 = 2.064744e16; × 24 = 1.189292544e19.
    assert_eq!(slip("alexnet-gpu", "1.376496e14"), mix(TimeMix::SecondsHours, false));
    assert_eq!(slip("alexnet-gpu", "2.064744e16"), mix(TimeMix::HoursDays, false));
    assert_eq!(slip("alexnet-gpu", "1.189292544e19"), mix(TimeMix::HoursDays, true));
    // Method 1 has no time: AlexNet's operations / 86,400 = 5.625e12 is no named slip.
    assert_eq!(slip("alexnet-ops", "5.625e12"), None);
    // Nor the backward pass in Method 2: 4.9553856e17 / 3 = 1.6517952e17.
    assert_eq!(slip("alexnet-gpu", "1.6517952e17"), None);
}

#[test]
fn pfs_days_typed_as_flop_are_named() {
    // ResNet's 1.050624e19 / 8.64e19 = 0.1216 pfs-days, typed as a bare number (FLOP).
    assert_eq!(grade("0.1216", RESNET).unwrap().slip, Some(Slip::PfsDaysAsFlop));
    assert_eq!(slip("resnet", "0.1216"), Some(Slip::PfsDaysAsFlop));
    // With the unit it is right.
    let g = graded("resnet", "0.1216 pfs-days");
    assert_eq!((g.verdict, g.slip), (QuizVerdict::Right, None));
    let g = graded("resnet", "0.1216");
    assert!(g.message(Lang::En).ends_with(
        "; looks like a number of pfs-days, read as FLOP: write the unit, as in 0.12 pfs-days (a bare number is FLOP)"
    ));
    assert!(g.message(Lang::Zh).ends_with(
        "；看起来填的是 pfs-days 数值，却被当作 FLOP：请写上单位，例如 0.12 pfs-days（不带单位的数按 FLOP 计）"
    ));
}

#[test]
fn right_and_close_answers() {
    let g = graded("alexnet-ops", "4.86e17");
    assert_eq!((g.verdict, g.slip), (QuizVerdict::Right, None));
    assert!(g.verdict.passed());
    // 2.5 × 4.86e17 = 1.215e18: the right order of magnitude, no slip, and not a pass.
    let g = graded("alexnet-ops", "1.215e18");
    assert_eq!((g.verdict, g.slip), (QuizVerdict::OrderOfMagnitude, None));
    assert!(g.verdict.close() && !g.verdict.passed());
    assert_eq!(
        g.message(Lang::En),
        "The right order of magnitude, but not the exact arithmetic (yours is 2.5× too high)"
    );
}

#[test]
fn slips_are_said_in_both_languages() {
    let says = |id: &str, answer: &str, en: &str, zh: &str| {
        let g = graded(id, answer);
        assert_eq!(g.message(Lang::En), en, "{answer:?}");
        assert_eq!(g.message(Lang::Zh), zh, "{answer:?}");
    };
    // 1.62e17 / 4.86e17 = 1/3: 33%.
    says(
        "alexnet-ops",
        "1.62e17",
        "The right order of magnitude, but not the exact arithmetic (yours is too low: 33% of it); looks like the backward pass is missing: ×3",
        "数量级正确，但与按算式计算的结果不符（你的答案偏低，为计算值的 33%）；看起来漏算了反向传播：你的答案 ×3 即为正确结果",
    );
    says(
        "alexnet-ops",
        "2.43e17",
        "The right order of magnitude, but not the exact arithmetic (yours is too low: 50% of it); looks like add-multiplies were counted, not FLOPs: ×2",
        "数量级正确，但与按算式计算的结果不符（你的答案偏低，为计算值的 50%）；看起来只数了乘加，未换算成 FLOP：你的答案 ×2 即为正确结果",
    );
    // 5.4e15 / 4.86e17 = 1/90: more than 10× low, said as 90× too low.
    says(
        "alexnet-ops",
        "5.4e15",
        "More than 10× from the exact answer (yours is 90× too low); looks like only one epoch was counted: ×90",
        "与按算式计算的答案相差超过 10 倍（你的答案偏低，计算值是它的 90 倍）；看起来只算了一轮（epoch）：你的答案 ×90 即为正确结果",
    );
    // 1 / 86,400: 86,400× too low.
    says(
        "alexnet-gpu",
        "5.7354e12",
        "More than 10× from the exact answer (yours is 86,400× too low); looks like seconds and days are mixed up: ×86,400",
        "与按算式计算的答案相差超过 10 倍（你的答案偏低，计算值是它的 86,400 倍）；看起来把秒和天弄混了：你的答案 ×86,400 即为正确结果",
    );
    says(
        "alexnet-ops",
        "4.86e18",
        "Within 10× of the exact answer, but more than 3× off (yours is 10× too high); looks like a power of ten is off: ÷10",
        "与按算式计算的答案相差超过 3 倍，但不到 10 倍（你的答案偏高，是计算值的 10 倍）；看起来 10 的幂次错了：你的答案 ÷10 即为正确结果",
    );
}

#[test]
fn every_exercise_grades_alike_on_the_sheet_and_the_page() {
    for x in exercises(cat()) {
        for k in [1.0, 1.0 / 3.0, 0.5, 2.0, 2.5, 1.0 / 86_400.0, 10.0, 1e-3] {
            graded(x.example.id, &format!("{:e}", x.exact_flop * k));
        }
        // Every appendix exercise counts 3 passes (or 6·N·D) or is Method 2: a third is named
        // as the forward pass exactly when the exercise is not GPU time.
        let third = graded(x.example.id, &format!("{:e}", x.exact_flop / 3.0)).slip;
        let gpu = x.example.method == aicompute::calculation::calc::Method::Gpu;
        assert_eq!(third == Some(Slip::ForwardOnly { passes: 3.0 }), !gpu, "{}", x.example.id);
    }
}

#[test]
fn the_sheet_says_how_answers_are_graded() {
    let en = question_sheet(cat(), Lang::En);
    assert!(
        en.contains("Within 10% of the exact arithmetic is right; within 3× is the right order of magnitude"),
        "{en}"
    );
    assert!(!en.contains("Within 3× of the exact arithmetic passes"));
    assert!(question_sheet(cat(), Lang::Zh).contains("与按算式计算的结果相差 10% 以内为正确"));
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}
