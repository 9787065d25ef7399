//! Grading answers against the exact arithmetic, and the exercise set built from the worked
//! examples. Expected values are worked out by hand in the comments.
#![cfg(not(target_arch = "wasm32"))]

use aicompute::calc::Lang;
use aicompute::quiz::{answer_key, exercises, grade, question_sheet, QuizError, QuizVerdict};
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
    verdict("0.12 pfs-days", RESNET, 1.0368e19 / RESNET, QuizVerdict::Close);
    verdict("0.12 petaflop/s-days", RESNET, 1.0368e19 / RESNET, QuizVerdict::Close);
    verdict("1e19 FLOP", RESNET, 1e19 / RESNET, QuizVerdict::Close);
    verdict("10,506 PF", RESNET, 1.0506e19 / RESNET, QuizVerdict::Close);
    verdict("1.05e19", RESNET, 1.05e19 / RESNET, QuizVerdict::Close);
    verdict("11.4G * 2 * 3 * 1.2M * 128", RESNET, 1.0, QuizVerdict::Close);
}

#[test]
fn verdict_bounds_are_inclusive() {
    verdict("1.1e19", 1e19, 1.1, QuizVerdict::Close);
    verdict("1e19", 1.1e19, 1.0 / 1.1, QuizVerdict::Close);
    verdict("1.11e19", 1e19, 1.11, QuizVerdict::Within2x);
    verdict("2e19", 1e19, 2.0, QuizVerdict::Within2x);
    verdict("5e18", 1e19, 0.5, QuizVerdict::Within2x);
    verdict("2.5e19", 1e19, 2.5, QuizVerdict::Within3x);
    verdict("1e19", 3e19, 1.0 / 3.0, QuizVerdict::Within3x);
    verdict("3e19", 1e19, 3.0, QuizVerdict::Within3x);
    verdict("3.1e19", 1e19, 3.1, QuizVerdict::OrderOfMagnitude);
    verdict("1e20", 1e19, 10.0, QuizVerdict::OrderOfMagnitude);
    verdict("1e18", 1e19, 0.1, QuizVerdict::OrderOfMagnitude);
    verdict("1.1e20", 1e19, 11.0, QuizVerdict::Far);
    verdict("1e15", 1e19, 1e-4, QuizVerdict::Far);
    assert!(QuizVerdict::Within3x.passed() && QuizVerdict::Close.passed());
    assert!(!QuizVerdict::OrderOfMagnitude.passed() && !QuizVerdict::Far.passed());
}

#[test]
fn sentences_in_both_languages() {
    // ResNet's 0.122 pfs-days = 1.05408e19 FLOP against 1.050624e19: 0.329% too high (it said "1×").
    says(
        "0.122 pfs-days",
        RESNET,
        "Close: within 10% of the exact answer (yours is 0.33% too high)",
        "非常接近：与精确答案相差不到 10%（你的答案偏高 0.33%）",
    );
    says(
        "1.4e19",
        1e19,
        "Within 2× of the exact answer (yours is 1.4× too high)",
        "与精确答案相差不到 2 倍（你的答案偏高，是精确值的 1.4 倍）",
    );
    says(
        "6e18",
        1e19,
        "Within 2× of the exact answer (yours is too low: 60% of it)",
        "与精确答案相差不到 2 倍（你的答案偏低，仅为精确值的 60%）",
    );
    // 1.0368e19 / 1.050624e19 = 0.98684: 98.7%.
    says(
        "0.12 pfs-days",
        RESNET,
        "Close: within 10% of the exact answer (yours is too low: 98.7% of it)",
        "非常接近：与精确答案相差不到 10%（你的答案偏低，仅为精确值的 98.7%）",
    );
    // 1.0506e19 / 1.050624e19 = 0.99998: the same to three digits.
    says(
        "10,506 PF",
        RESNET,
        "Close: within 10% of the exact answer (yours matches it)",
        "非常接近：与精确答案相差不到 10%（与精确值一致）",
    );
    says(
        "2.5e19",
        1e19,
        "Within 3× of the exact answer (yours is 2.5× too high)",
        "与精确答案相差不到 3 倍（你的答案偏高，是精确值的 2.5 倍）",
    );
    says(
        "5e19",
        1e19,
        "Within 10× of the exact answer: the right order of magnitude (yours is 5× too high)",
        "与精确答案相差不到 10 倍：数量级正确（你的答案偏高，是精确值的 5 倍）",
    );
    says(
        "1e21",
        1e19,
        "More than 10× from the exact answer (yours is 100× too high)",
        "与精确答案相差超过 10 倍（你的答案偏高，是精确值的 100 倍）",
    );
}

#[test]
fn answers_that_cannot_be_graded() {
    refused("", 1e19, QuizError::Empty);
    refused("   ", 1e19, QuizError::Empty);
    refused("5 TFLOPS", 1e19, QuizError::Rate);
    refused("1 PFLOP/s", 1e19, QuizError::Rate);
    refused("5.5 d", 1e19, QuizError::Time);
    refused("2 FLOP * 3 FLOP", 1e19, QuizError::NotAmount { dim: aicompute::expr::Dim { ops: 2, time: 0, power: 0 } });
    refused("-1e19", 1e19, QuizError::NotPositive);
    refused("0", 1e19, QuizError::NotPositive);
    refused("1e19..2e19", 1e19, QuizError::Range);
    refused(
        "abc",
        1e19,
        QuizError::Syntax {
            kind: aicompute::expr::ExprKind::NotANumberOrUnit { text: "abc".into() },
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
    let xs = exercises();
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
    assert_eq!(resnet.grade("0.122 pfs-days").unwrap().verdict, QuizVerdict::Close);
    assert_eq!(
        resnet.question(Lang::En),
        "ResNet-151 (2015-12-10): add-multiplies per forward pass = 11.4 * 10^9; examples per epoch = 1.2 * 10^6; epochs = 128. Count 2 FLOP per add-multiply and 3× for the forward and backward passes. How much compute did training take?"
    );
    assert_eq!(
        resnet.question(Lang::Zh),
        "ResNet-151（2015-12-10）：每次前向传播的乘加数 = 11.4 * 10^9；每轮样本数 = 1.2 * 10^6；轮数 = 128。每次乘加计 2 FLOP，前向加反向计 3 倍。训练用了多少算力？"
    );
    assert_eq!(
        resnet.answer(Lang::En),
        "ResNet-151: 1.05 × 10^19 FLOP = 10,506 PF = 0.122 pfs-days. Arithmetic: 11.4 × 10^9 × 2 × 3 × 1.2 × 10^6 × 128. Published: 10,000 PF = 0.117 pfs-days."
    );
    let gpu = by_id("alexnet-gpu").question(Lang::En);
    assert!(gpu.contains("hardware = NVIDIA GeForce GTX 580 (OpenAI 2018 figure) (peak 1.58 × 10^12 FLOP/s)"), "{gpu}");
    assert!(by_id("seq2seq-ops")
        .answer(Lang::Zh)
        .ends_with("原文数值：7,300 PF = 0.085 pfs-days（与其算式的结果相差超过 10%）。"));
}

#[test]
fn sheets_number_every_exercise() {
    for lang in [Lang::En, Lang::Zh] {
        let (q, a) = (question_sheet(lang), answer_key(lang));
        for n in 1..=25 {
            assert!(q.contains(&format!("\n{n}. ")) && a.contains(&format!("\n{n}. ")), "{n}");
        }
        assert!(!q.contains("\n26. ") && !a.contains("\n26. "));
        assert!(!q.contains("10^19 FLOP ="), "no answer on the question sheet");
    }
    assert!(question_sheet(Lang::En).contains("1 pfs-day = 8.64 × 10^19 FLOP"));
    assert!(
        answer_key(Lang::Zh).starts_with("参考答案\n\n1. ResNet-151：1.05 × 10^19 FLOP = 10,506 PF = 0.122 pfs-days。")
    );
}

proptest! {
    #[test]
    fn grading_never_panics_or_returns_non_finite(s in "\\PC{0,60}", exact in proptest::num::f64::ANY) {
        if let Ok(g) = grade(&s, exact) {
            prop_assert!(g.ratio.is_finite() && g.ratio > 0.0 && g.answer_flop.is_finite());
        }
    }

    #[test]
    fn an_exact_answer_is_close(v in 1e-10f64..1e30) {
        prop_assert_eq!(grade(&format!("{v:e} FLOP"), v).unwrap().verdict, QuizVerdict::Close);
    }
}

#[test]
fn a_calculation_grades_its_headline_or_says_it_waits_for_the_catalog() {
    use aicompute::calc::{evaluate, Calculation, Evaluation, Field, Outcome};
    use aicompute::hardware::HardwareError;
    use aicompute::problem::{FieldError, Problem};
    use aicompute::quiz::grade_evaluation;
    // ResNet-151 as a calculation: 11.4e9 × 2 × 3 × 1.2e6 × 128 = 1.050624e19; 1e19 is 0.952×.
    let mut c = Calculation::default();
    for (f, v) in [(Field::Forward, "11.4*10^9"), (Field::Examples, "1.2M"), (Field::Epochs, "128")] {
        *f.get_mut(&mut c) = v.into();
    }
    let g = grade_evaluation("1e19", &evaluate(&c)).unwrap();
    assert!((g.ratio - 1e19 / RESNET).abs() < 1e-12);
    assert_eq!(grade_evaluation("1e19", &evaluate(&Calculation::default())), Err(QuizError::BadExact));
    // Method 2 on a chip of the catalog, while the page still fetches it.
    let waiting = Evaluation {
        method2: Outcome::Invalid(vec![FieldError::new(
            Field::Hardware,
            Problem::Hardware(HardwareError::Loading),
            0,
            4,
        )]),
        ..evaluate(&Calculation::default())
    };
    let e = grade_evaluation("1e19", &waiting).unwrap_err();
    assert_eq!(e, QuizError::Waiting);
    assert_eq!(
        e.message(Lang::En),
        "waiting for Epoch AI's hardware catalog: your answer is checked as soon as it arrives"
    );
    assert_eq!(e.message(Lang::Zh), "正在等待 Epoch AI 硬件目录：目录一到即核对你的答案");
}
