//! Classroom exercises: the worked examples as questions, and grading a student's answer (any
//! amount of operations the calculator reads: `0.12 pfs-days`, `1e19 FLOP`, `10,506 PF`, or a
//! bare number, read as FLOP) against the exact arithmetic, in the spirit of OpenAI's "AI and
//! Compute", which aimed to be accurate within 2–3×.

use crate::calc::{evaluate, Field, Method, Shown};
use crate::examples::{Example, EXAMPLES};
use crate::expr::{self, Dim};
use crate::format::{eng, readable, sci};
use crate::i18n::{tr, Lang};
use crate::units::{PF, PFS_DAY};

/// How close an answer is, by the factor between it and the exact value (either way):
/// within 10% is [`QuizVerdict::Close`]; then within 2×, within 3× (OpenAI's stated aim, so
/// the three count as a pass: [`QuizVerdict::passed`]), within 10× (the right order of
/// magnitude), and beyond. Each bound is inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizVerdict {
    Close,
    Within2x,
    Within3x,
    OrderOfMagnitude,
    Far,
}

impl QuizVerdict {
    /// Within 3×, the accuracy OpenAI aimed for.
    pub fn passed(self) -> bool {
        matches!(self, QuizVerdict::Close | QuizVerdict::Within2x | QuizVerdict::Within3x)
    }

    /// The verdict for a ratio answer / exact (> 0).
    pub fn of(ratio: f64) -> QuizVerdict {
        // A hair of slack so that an answer of exactly 2× is "within 2×" despite rounding.
        let spread = ratio.max(1.0 / ratio) * (1.0 - 1e-12);
        match spread {
            s if s <= 1.1 => QuizVerdict::Close,
            s if s <= 2.0 => QuizVerdict::Within2x,
            s if s <= 3.0 => QuizVerdict::Within3x,
            s if s <= 10.0 => QuizVerdict::OrderOfMagnitude,
            _ => QuizVerdict::Far,
        }
    }

    fn phrase(self, lang: Lang) -> &'static str {
        match self {
            QuizVerdict::Close => tr(lang, "Close: within 10% of the exact answer", "非常接近：与精确答案相差不到 10%"),
            QuizVerdict::Within2x => tr(lang, "Within 2× of the exact answer", "与精确答案相差不到 2 倍"),
            QuizVerdict::Within3x => tr(lang, "Within 3× of the exact answer", "与精确答案相差不到 3 倍"),
            QuizVerdict::OrderOfMagnitude => tr(
                lang,
                "Within 10× of the exact answer: the right order of magnitude",
                "与精确答案相差不到 10 倍：数量级正确",
            ),
            QuizVerdict::Far => tr(lang, "More than 10× from the exact answer", "与精确答案相差超过 10 倍"),
        }
    }
}

/// A graded answer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grade {
    /// The answer over the exact value.
    pub ratio: f64,
    pub verdict: QuizVerdict,
    /// The answer in FLOP.
    pub answer_flop: f64,
}

impl Grade {
    /// "Within 2× of the exact answer (yours is 1.4× too high)".
    pub fn message(&self, lang: Lang) -> String {
        let r = self.ratio;
        let sig = if self.verdict == QuizVerdict::Close { 3 } else { 2 };
        let detail = if (r - 1.0).abs() < 5e-4 {
            tr(lang, "yours matches it".to_string(), "与精确值一致".to_string())
        } else if r > 1.0 && r < 1.1 {
            // "1.004× too high" reads as "1× too high" at three digits: say by how much.
            let p = readable((r - 1.0) * 100.0, 2, ",");
            tr(lang, format!("yours is {p}% too high"), format!("你的答案偏高 {p}%"))
        } else if r > 1.0 {
            let x = readable(r, sig, ",");
            tr(lang, format!("yours is {x}× too high"), format!("你的答案偏高，是精确值的 {x} 倍"))
        } else {
            let p = readable(r * 100.0, sig, ",");
            tr(lang, format!("yours is too low: {p}% of it"), format!("你的答案偏低，仅为精确值的 {p}%"))
        };
        tr(
            lang,
            format!("{} ({detail})", self.verdict.phrase(lang)),
            format!("{}（{detail}）", self.verdict.phrase(lang)),
        )
    }
}

/// Why an answer cannot be graded.
#[derive(Clone, Debug, PartialEq)]
pub enum QuizError {
    Empty,
    /// The calculator cannot read it: why, and the span `start..end`.
    Syntax {
        kind: crate::expr::ExprKind,
        start: usize,
        end: usize,
    },
    /// A rate (FLOP/s) where an amount of operations is asked for.
    Rate,
    /// A time where an amount of operations is asked for.
    Time,
    /// Another quantity (FLOP², FLOP·s…).
    NotAmount {
        dim: crate::expr::Dim,
    },
    /// A range: one value is asked for.
    Range,
    NotPositive,
    /// The exact value given is not a positive finite number, or the ratio overflows.
    BadExact,
    /// The calculation waits for Epoch AI's hardware catalog (the page grades once it is here).
    Waiting,
}

impl QuizError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            QuizError::Empty => tr(
                lang,
                "empty: enter an amount, like 1e19 FLOP or 0.12 pfs-days".into(),
                "答案为空：请填写算力，例如 1e19 FLOP 或 0.12 pfs-days".into(),
            ),
            QuizError::Syntax { kind, .. } => {
                tr(lang, kind.message(lang), format!("无法读取答案：{}", kind.message(lang)))
            }
            QuizError::Rate => tr(
                lang,
                "that is a rate (FLOP/s): multiply it by the training time to get an amount of operations".into(),
                "这是速率（FLOP/s）：乘以训练时间才是运算量".into(),
            ),
            QuizError::Time => tr(
                lang,
                "that is a time: the answer is an amount of operations, like 1e19 FLOP or 0.12 pfs-days".into(),
                "这是时间：答案应是运算量，例如 1e19 FLOP 或 0.12 pfs-days".into(),
            ),
            QuizError::NotAmount { dim } => {
                let dim = dim.describe(lang);
                tr(
                    lang,
                    format!("that is {dim}: the answer is an amount of operations (FLOP, PF or pfs-days)"),
                    format!("单位不对（{dim}）：答案应是运算量（FLOP、PF 或 pfs-days）"),
                )
            }
            QuizError::Range => tr(lang, "give one value, not a range".into(), "请给出一个数值，而不是范围".into()),
            QuizError::NotPositive => tr(lang, "the answer must be above 0".into(), "答案必须大于 0".into()),
            QuizError::BadExact => {
                tr(lang, "this exercise has no exact value to compare with".into(), "此练习没有可比较的精确值".into())
            }
            QuizError::Waiting => tr(
                lang,
                "waiting for Epoch AI's hardware catalog: your answer is checked as soon as it arrives".into(),
                "正在等待 Epoch AI 硬件目录：目录一到即核对你的答案".into(),
            ),
        }
    }
}

/// Reads an answer as an amount of operations in FLOP (a bare number is FLOP).
pub fn read_answer(answer_text: &str) -> Result<f64, QuizError> {
    if answer_text.trim().is_empty() {
        return Err(QuizError::Empty);
    }
    let v = expr::eval(answer_text).map_err(|e| QuizError::Syntax { kind: e.kind, start: e.start, end: e.end })?;
    match v.dim {
        Dim::OPS | Dim::COUNT => {}
        Dim::RATE => return Err(QuizError::Rate),
        Dim::TIME => return Err(QuizError::Time),
        d => return Err(QuizError::NotAmount { dim: d }),
    }
    if v.is_range() {
        return Err(QuizError::Range);
    }
    if v.lo <= 0.0 {
        return Err(QuizError::NotPositive);
    }
    Ok(v.lo)
}

/// Grades an answer against the exact FLOP of a calculation.
pub fn grade(answer_text: &str, exact_flop: f64) -> Result<Grade, QuizError> {
    if !(exact_flop.is_finite() && exact_flop > 0.0) {
        return Err(QuizError::BadExact);
    }
    let answer_flop = read_answer(answer_text)?;
    let ratio = answer_flop / exact_flop;
    if !(ratio.is_finite() && ratio > 0.0) {
        return Err(QuizError::BadExact);
    }
    Ok(Grade { ratio, verdict: QuizVerdict::of(ratio), answer_flop })
}

/// Grades an answer against a calculation's headline result; without one, says whether it is
/// only waiting for the hardware catalog.
pub fn grade_evaluation(answer_text: &str, eval: &crate::calc::Evaluation) -> Result<Grade, QuizError> {
    use crate::hardware::HardwareError;
    use crate::problem::Problem;
    match eval.headline() {
        Some(e) => grade(answer_text, e.flop.mid()),
        None if eval.errors().any(|e| matches!(e.problem, Problem::Hardware(HardwareError::Loading))) => {
            Err(QuizError::Waiting)
        }
        None => Err(QuizError::BadExact),
    }
}

/// One exercise: a worked example, asked as a question.
#[derive(Clone, Copy)]
pub struct Exercise {
    pub example: &'static Example,
    /// The exact FLOP of the example's inputs.
    pub exact_flop: f64,
}

/// Every worked example with an exact value, in the order of [`EXAMPLES`]: the appendix's 17
/// computations, then the modern presets.
pub fn exercises() -> Vec<Exercise> {
    EXAMPLES.iter().filter_map(|e| Some(Exercise { example: e, exact_flop: e.exact_flop()? })).collect()
}

impl Exercise {
    pub fn grade(&self, answer_text: &str) -> Result<Grade, QuizError> {
        grade(answer_text, self.exact_flop)
    }

    /// The question: the model, what is given, and what is asked.
    pub fn question(&self, lang: Lang) -> String {
        let e = self.example;
        let given: Vec<String> = e.inputs.iter().map(|(f, v)| given(*f, v, lang)).collect();
        let rule = match e.method {
            Method::Ops => tr(
                lang,
                "Count 2 FLOP per add-multiply and 3× for the forward and backward passes.",
                "每次乘加计 2 FLOP，前向加反向计 3 倍。",
            ),
            Method::Params => {
                tr(lang, "Use 6 FLOP per parameter per token (6·N·D).", "按每参数每 token 6 FLOP 计算（6·N·D）。")
            }
            Method::Transformer => tr(
                lang,
                "Count the parameters from the architecture, then 6 FLOP per active parameter per token.",
                "先由架构算出参数量，再按每个激活参数每 token 6 FLOP 计算。",
            ),
            Method::Gpu => {
                tr(lang, "Multiply the chips' peak by the time and the utilization.", "用芯片峰值乘以时间和利用率。")
            }
        };
        let ask = tr(lang, "How much compute did training take?", "训练用了多少算力？");
        let sep = tr(lang, "; ", "；");
        tr(
            lang,
            format!("{} ({}): {}. {rule} {ask}", e.display_name(lang), e.date, given.join(sep)),
            format!("{}（{}）：{}。{rule}{ask}", e.display_name(lang), e.date, given.join(sep)),
        )
    }

    /// The answer: the exact value in FLOP, PF and pfs-days, its arithmetic, and the published
    /// figure (with a note where it differs from its own arithmetic by more than 10%).
    pub fn answer(&self, lang: Lang) -> String {
        let f = self.exact_flop;
        let amount = format!(
            "{} FLOP = {} PF = {} pfs-days",
            sci(f, 3),
            readable(f / PF, 3, ","),
            readable(f / PFS_DAY, 3, ",")
        );
        let e = self.example;
        let published = match e.published_pf {
            Some(pf) => format!("{} PF = {} pfs-days", readable(pf, 3, ","), readable(e.published_pfs_days, 3, ",")),
            None => format!("{} FLOP", sci(e.published_pfs_days * PFS_DAY, 3)),
        };
        let differs = if e.differs() {
            tr(lang, " (differs from its own arithmetic by over 10%)", "（与其算式的结果相差超过 10%）")
        } else {
            ""
        };
        tr(
            lang,
            format!(
                "{}: {amount}. Arithmetic: {}. Published: {published}{differs}.",
                e.display_name(lang),
                self.arithmetic()
            ),
            format!(
                "{}：{amount}。算式：{}。原文数值：{published}{differs}。",
                e.display_name(lang),
                self.arithmetic()
            ),
        )
    }

    /// The product the exact value comes from, each factor in base units: "2 × 1.58 × 10^12
    /// FLOP/s × 475,200 s × 0.33".
    pub fn arithmetic(&self) -> String {
        let ev = evaluate(&self.example.calculation());
        let out = if self.example.method == Method::Gpu { ev.method2 } else { ev.method1 };
        let Some(est) = out.estimate() else { return String::new() };
        let factor = |v: f64, shown: Shown| match shown {
            Shown::Rate => format!("{} FLOP/s", eng(v)),
            Shown::Time => format!("{} s", eng(v)),
            Shown::Count | Shown::Fraction => eng(v),
        };
        est.factors.iter().map(|f| factor(f.value.mid(), f.shown)).collect::<Vec<_>>().join(" × ")
    }
}

/// "examples per epoch = 1.2M", with the chip's name and peak for a hardware id.
fn given(field: Field, value: &str, lang: Lang) -> String {
    let label = match field {
        Field::Forward => tr(lang, "add-multiplies per forward pass", "每次前向传播的乘加数"),
        Field::Examples => tr(lang, "examples per epoch", "每轮样本数"),
        Field::Epochs => tr(lang, "epochs", "轮数"),
        Field::Layers => tr(lang, "layers", "网络层"),
        Field::Parameters => tr(lang, "parameters", "参数量"),
        Field::Tokens => tr(lang, "training tokens", "训练 token 数"),
        Field::Chips => tr(lang, "chips", "芯片数"),
        Field::Hardware => tr(lang, "hardware", "硬件"),
        Field::Time => tr(lang, "training time", "训练时间"),
        Field::Utilization => tr(lang, "utilization", "利用率"),
        Field::Factor => tr(lang, "extra factor", "额外系数"),
        f => crate::i18n::t(lang, f.spec().label),
    };
    let value = match field {
        Field::Hardware => chip(value, lang),
        Field::Layers => value.lines().map(str::trim).collect::<Vec<_>>().join(" / "),
        _ => value.to_string(),
    };
    format!("{label} = {value}")
}

fn chip(id: &str, lang: Lang) -> String {
    match crate::hardware::lookup(id).and_then(|c| c.peak_for(None).map(|(_, p)| (c.name, p))) {
        Ok((name, peak)) => tr(
            lang,
            format!("{name} (peak {} FLOP/s)", sci(peak, 3)),
            format!("{name}（峰值 {} FLOP/s）", sci(peak, 3)),
        ),
        Err(_) => id.to_string(),
    }
}

/// The exercises as a printable sheet: instructions, then one numbered question each.
pub fn question_sheet(lang: Lang) -> String {
    let mut s =
        String::from(tr(lang, "Exercises: how much compute did training take?\n\n", "练习：训练用了多少算力？\n\n"));
    s.push_str(tr(
        lang,
        "Answer in FLOP, PF (10^15 operations) or pfs-days (1 pfs-day = 8.64 × 10^19 FLOP). Within 3× of the exact arithmetic passes: OpenAI aimed for 2–3×.\n\n",
        "答案可用 FLOP、PF（10^15 次运算）或 pfs-days（1 pfs-day = 8.64 × 10^19 FLOP）表示。与精确计算相差 3 倍以内即为通过：OpenAI 的目标是 2–3 倍。\n\n",
    ));
    for (i, x) in exercises().iter().enumerate() {
        s.push_str(&format!("{}. {}\n\n", i + 1, x.question(lang)));
    }
    s
}

/// The answers, numbered as in [`question_sheet`].
pub fn answer_key(lang: Lang) -> String {
    let mut s = String::from(tr(lang, "Answer key\n\n", "参考答案\n\n"));
    for (i, x) in exercises().iter().enumerate() {
        s.push_str(&format!("{}. {}\n", i + 1, x.answer(lang)));
    }
    s
}
