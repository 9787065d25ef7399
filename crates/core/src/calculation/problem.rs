//! What can be wrong with a field: a kind with its parameters, rendered in the page's language
//! only at the edge ([`FieldError::message`]). The CLI renders in English (or `--lang zh`).

use crate::calculation::field::{Field, Want};
use crate::catalog::hardware::HardwareError;
use crate::language::date::DateError;
use crate::language::expr::{Dim, ExprKind};
use crate::model::layers::LayerError;
use crate::model::transformer::ConfigError;
use crate::planning::planner::PlanError;
use crate::run::energy::EnergyError;
use crate::text::format;
use crate::text::i18n::{tr, Lang};
use crate::trf;

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Nothing typed where the method needs a value.
    Empty,
    /// The expression itself is wrong.
    Expr(ExprKind),
    /// The value is of another kind than the field holds (a rate in a time field).
    WrongKind {
        text: String,
        got: Dim,
        want: Want,
    },
    Negative {
        text: String,
        want: Want,
    },
    /// A fraction above 1 typed without `%`, up to 100: likely meant as a percentage.
    AboveOne {
        text: String,
        value: f64,
    },
    /// A fraction above 100%.
    AboveHundred {
        text: String,
        percent: f64,
    },
    NotAboveZero {
        text: String,
    },
    /// A date typed in a number field (2023-02-31), which would read as a subtraction.
    LooksLikeDate {
        text: String,
        want: Want,
    },
    /// The product of the method's factors is past the largest double.
    ResultTooLarge,
    /// The product of the method's factors rounds to zero or below the smallest normal double.
    ResultTooSmall,
    /// Chip-hours, energy, emissions or cost past the largest double.
    FootprintTooLarge,
    Layers(Box<LayerError>),
    Date(DateError),
    Hardware(HardwareError),
    /// The power, PUE, grid or price field.
    Energy(EnergyError),
    /// Method 2 solved for the field left empty, and the answer is impossible.
    Plan(PlanError),
    /// A FLOP target with chips, time and utilization all given: nothing is left to solve for.
    NothingToSolve,
    /// The FLOP target follows Method 1's estimate, and Method 1 has none.
    TargetNeedsMethod1,
    /// A dimension that is not a whole number from 0 to 2^53.
    NotWhole {
        text: String,
    },
    /// A word that is not one of the field's.
    NotOneOf {
        text: String,
        options: &'static [&'static str],
    },
    /// MLA's widths: not five whole numbers.
    NotMla {
        text: String,
    },
    /// The transformer's shape does not hold together.
    Config(ConfigError),
    /// The transformer's shape, typed in the tab's fields, does not hold together: worded with
    /// `label` (the i18n key of the field's label, or of an MLA part's name) for the field.
    Shape {
        label: crate::text::i18n::Key,
        error: ConfigError,
    },
    /// The MFU needs the model's FLOP per token: a 6·N·D or transformer estimate.
    MfuNeedsModel,
    /// The MFU needs Method 2's chips and peak.
    MfuNeedsHardware,
}

/// A problem with one field, with the character span it is about.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
    pub start: usize,
    pub end: usize,
}

impl FieldError {
    pub fn new(field: Field, problem: Problem, start: usize, end: usize) -> FieldError {
        FieldError { field, problem, start, end }
    }
    pub fn message(&self, lang: Lang) -> String {
        self.problem.message(lang)
    }
}

/// Refuses a text longer than `field` takes ([`Field::max_chars`]: 500 characters, the layer
/// list 40,000), before any work on it; the span is the part past the limit.
pub fn check_length(field: Field, text: &str) -> Result<(), FieldError> {
    if !field.too_long(text) {
        return Ok(());
    }
    let max = field.max_chars();
    Err(FieldError::new(field, Problem::Expr(ExprKind::TooLong { max }), max, text.chars().count()))
}

impl Want {
    /// Its name for messages, and an example.
    pub fn describe(self, lang: Lang) -> (&'static str, &'static str) {
        match self {
            Want::Count => (tr(lang, "a plain number", "纯数字"), tr(lang, "like 1.2M", "例如 1.2M 或 120万")),
            Want::Ops => (tr(lang, "a number of operations", "运算次数"), tr(lang, "like 11.4G", "例如 11.4G")),
            Want::Time => (tr(lang, "a time", "时间"), tr(lang, "like 5.5 d", "例如 5.5 天")),
            Want::Rate => {
                (tr(lang, "a rate (FLOP/s)", "运算速率（FLOP/s）"), tr(lang, "like 8.5 TFLOPS", "例如 8.5 TFLOPS"))
            }
            Want::Fraction => (tr(lang, "a fraction", "比例"), tr(lang, "like 33%", "例如 33%")),
            Want::Chip => (tr(lang, "a chip", "芯片"), tr(lang, "like V100", "例如 V100")),
            Want::Precision => (tr(lang, "a precision", "精度"), "fp32, bf16"),
            Want::Layers => (tr(lang, "a layer list", "网络层列表"), "dense in=784 out=100"),
            Want::Date => (tr(lang, "a date", "日期"), "2024-06"),
            Want::Text => (tr(lang, "a name", "名称"), "GPT-3"),
            Want::Power => (tr(lang, "a power per chip", "单芯片功率"), tr(lang, "like 400 W", "例如 400 W")),
            Want::Pue => (tr(lang, "a PUE", "PUE"), tr(lang, "like 1.1", "例如 1.1")),
            Want::Grid => (
                tr(lang, "a carbon intensity (kg CO2e per kWh)", "碳排放强度（每千瓦时的千克二氧化碳当量）"),
                tr(lang, "like 0.4 or world", "例如 0.4 或 world"),
            ),
            Want::Price => (tr(lang, "a price per chip-hour", "每芯片小时的价格"), tr(lang, "like $2", "例如 $2")),
            Want::Whole => (tr(lang, "a whole number", "整数"), tr(lang, "like 4096", "例如 4096")),
            Want::YesNo => (tr(lang, "yes or no", "yes 或 no"), "yes"),
            Want::Convention => (tr(lang, "a convention", "计算约定"), "kaplan, palm"),
            Want::Bias => (tr(lang, "which layers have biases", "哪些层有偏置"), "none, qkv, all"),
            Want::Mla => (tr(lang, "five widths", "五个维度"), "1536 512 64 128 128"),
        }
    }
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Empty => trf!(lang, "empty: enter a number", "为空：请输入数字"),
            Problem::Expr(k) => k.message(lang),
            Problem::WrongKind { text, got, want } => {
                let (wanted, example) = want.describe(lang);
                let got = got.describe(lang);
                trf!(
                    lang,
                    "'{text}' is {got}, but this field wants {wanted} ({example})",
                    "“{text}”是{got}，但此处需要{wanted}（{example}）"
                )
            }
            Problem::Negative { text, want } => {
                let wanted = want.describe(lang).0;
                trf!(
                    lang,
                    "'{text}' is negative: this field wants {wanted} ≥ 0",
                    "“{text}”是负数：此处需要不小于 0 的{wanted}"
                )
            }
            Problem::AboveOne { text, value } => {
                let v = format::exact(*value);
                trf!(lang, "'{text}' is above 1 (100%): did you mean {v}%?", "“{text}”大于 1（100%）：是否想写 {v}%？")
            }
            Problem::AboveHundred { text, percent } if !percent.is_finite() => {
                trf!(lang, "'{text}' is far above 100%", "“{text}”远超 100%")
            }
            Problem::AboveHundred { text, percent } => {
                let p = format::readable(*percent, 3, ",");
                trf!(lang, "'{text}' is {p}%, above 100%", "“{text}”即 {p}%，超过了 100%")
            }
            Problem::LooksLikeDate { text, want } => {
                let (wanted, example) = want.describe(lang);
                trf!(
                    lang,
                    "'{text}' looks like a date: this field wants {wanted} ({example})",
                    "“{text}”像是日期：此处需要{wanted}（{example}）"
                )
            }
            Problem::NotAboveZero { text } => {
                trf!(lang, "'{text}' must be above 0", "“{text}”必须大于 0")
            }
            Problem::ResultTooLarge => {
                trf!(
                    lang,
                    "the result is too large to compute: over 10^308 FLOP",
                    "结果太大，无法计算：超过 10^308 FLOP"
                )
            }
            Problem::FootprintTooLarge => trf!(
                lang,
                "this makes chip-hours, energy, emissions or cost too large to compute: over 10^308",
                "由此得出的芯片小时、能耗、排放或成本太大，无法计算：超过 10^308"
            ),
            Problem::ResultTooSmall => trf!(
                lang,
                "the result is too small to compute: under 10^-308 FLOP",
                "结果太小，无法计算：小于 10^-308 FLOP"
            ),
            Problem::Layers(e) => e.message(lang),
            Problem::Date(e) => e.message(lang),
            Problem::Hardware(e) => e.message(lang),
            Problem::Energy(e) => e.message(lang),
            Problem::Plan(e) => e.message(lang),
            Problem::NotWhole { text } => {
                trf!(lang, "'{text}' is not a whole number ≥ 0", "“{text}”不是不小于 0 的整数")
            }
            Problem::NotOneOf { text, options } => {
                let list = options.join(", ");
                trf!(lang, "'{text}': use one of {list}", "“{text}”：请用 {list} 之一")
            }
            Problem::NotMla { text } => trf!(
                lang,
                "'{text}': give five whole numbers (q LoRA rank, kv LoRA rank, rope, nope and value head dimensions)",
                "“{text}”：请给出五个整数（q LoRA 秩、kv LoRA 秩、rope、nope 与 value 每头维度）"
            ),
            Problem::Config(e) => e.message(lang),
            Problem::Shape { label, error } => {
                format!(
                    "{}{}{}",
                    crate::text::i18n::t(lang, *label),
                    crate::text::i18n::colon(lang),
                    error.detail(lang)
                )
            }
            Problem::MfuNeedsModel => trf!(
                lang,
                "the MFU needs the model: fill in the 6·N·D or Transformer tab",
                "计算 MFU 需要模型：请填写 6·N·D 或 Transformer 架构标签页"
            ),
            Problem::MfuNeedsHardware => trf!(
                lang,
                "the MFU needs the hardware: fill in Method 2's chips and hardware or peak",
                "计算 MFU 需要硬件：请填写方法 2 的芯片数和硬件或峰值"
            ),
            Problem::NothingToSolve => trf!(
                lang,
                "nothing to solve for: leave the chips, the time or the utilization empty",
                "没有要求解的量：请把芯片数、时间或利用率之一留空"
            ),
            Problem::TargetNeedsMethod1 => trf!(
                lang,
                "the target is Method 1's estimate, and Method 1 has no result yet",
                "目标取方法 1 的估算，但方法 1 还没有结果"
            ),
        }
    }
}
