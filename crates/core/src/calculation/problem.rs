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
use crate::say;
use crate::text::format;
use crate::text::i18n::{t, Key, Lang};

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
        label: Key,
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
pub(crate) fn check_length(field: Field, text: &str) -> Result<(), FieldError> {
    if !field.too_long(text) {
        return Ok(());
    }
    let max = field.max_chars();
    Err(FieldError::new(field, Problem::Expr(ExprKind::TooLong { max }), max, text.chars().count()))
}

/// Refuses a date where a number is wanted (`2023-02-31` would read as 2,023 − 2 − 31); the span
/// is the whole text.
pub(crate) fn not_a_date(field: Field, text: &str, want: Want) -> Result<(), FieldError> {
    if !crate::language::date::looks_like_date(text) {
        return Ok(());
    }
    let problem = Problem::LooksLikeDate { text: text.trim().to_string(), want };
    Err(FieldError::new(field, problem, 0, text.chars().count()))
}

impl Want {
    /// Its name for messages, and an example.
    pub fn describe(self, lang: Lang) -> (&'static str, &'static str) {
        let (name, example) = match self {
            Want::Count => (Key::CalculationWantCount, Key::CalculationWantCountExample),
            Want::Ops => (Key::CalculationWantOps, Key::CalculationWantOpsExample),
            Want::Time => (Key::CalculationWantTime, Key::CalculationWantTimeExample),
            Want::Rate => (Key::CalculationWantRate, Key::CalculationWantRateExample),
            Want::Fraction => (Key::CalculationWantFraction, Key::CalculationWantFractionExample),
            Want::Chip => (Key::CalculationWantChip, Key::CalculationWantChipExample),
            Want::Precision => (Key::CalculationWantPrecision, Key::CalculationWantPrecisionExample),
            Want::Layers => (Key::CalculationWantLayers, Key::CalculationWantLayersExample),
            Want::Date => (Key::CalculationWantDate, Key::CalculationWantDateExample),
            Want::Text => (Key::CalculationWantText, Key::CalculationWantTextExample),
            Want::Power => (Key::CalculationWantPower, Key::CalculationWantPowerExample),
            Want::Pue => (Key::CalculationWantPue, Key::CalculationWantPueExample),
            Want::Grid => (Key::CalculationWantGrid, Key::CalculationWantGridExample),
            Want::Price => (Key::CalculationWantPrice, Key::CalculationWantPriceExample),
            Want::Whole => (Key::CalculationWantWhole, Key::CalculationWantWholeExample),
            Want::YesNo => (Key::CalculationWantYesNo, Key::CalculationWantYesNoExample),
            Want::Convention => (Key::CalculationWantConvention, Key::CalculationWantConventionExample),
            Want::Bias => (Key::CalculationWantBias, Key::CalculationWantBiasExample),
            Want::Mla => (Key::CalculationWantMla, Key::CalculationWantMlaExample),
        };
        (t(lang, name), t(lang, example))
    }
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Empty => t(lang, Key::CalculationProblemEmpty).to_string(),
            Problem::Expr(k) => k.message(lang),
            Problem::WrongKind { text, got, want } => {
                let (wanted, example) = want.describe(lang);
                let got = got.describe(lang);
                say!(lang, Key::CalculationProblemWrongKind, text = text, got = got, wanted = wanted, example = example)
            }
            Problem::Negative { text, want } => {
                say!(lang, Key::CalculationProblemNegative, text = text, wanted = want.describe(lang).0)
            }
            Problem::AboveOne { text, value } => {
                say!(lang, Key::CalculationProblemAboveOne, text = text, value = format::exact(*value))
            }
            Problem::AboveHundred { text, percent } if !percent.is_finite() => {
                say!(lang, Key::CalculationProblemFarAboveHundred, text = text)
            }
            Problem::AboveHundred { text, percent } => {
                let percent = format::readable(*percent, 3, ",");
                say!(lang, Key::CalculationProblemAboveHundred, text = text, percent = percent)
            }
            Problem::LooksLikeDate { text, want } => {
                let (wanted, example) = want.describe(lang);
                say!(lang, Key::CalculationProblemLooksLikeDate, text = text, wanted = wanted, example = example)
            }
            Problem::NotAboveZero { text } => say!(lang, Key::CalculationProblemNotAboveZero, text = text),
            Problem::ResultTooLarge => t(lang, Key::CalculationProblemResultTooLarge).to_string(),
            Problem::FootprintTooLarge => t(lang, Key::CalculationProblemFootprintTooLarge).to_string(),
            Problem::ResultTooSmall => t(lang, Key::CalculationProblemResultTooSmall).to_string(),
            Problem::Layers(e) => e.message(lang),
            Problem::Date(e) => e.message(lang),
            Problem::Hardware(e) => e.message(lang),
            Problem::Energy(e) => e.message(lang),
            Problem::Plan(e) => e.message(lang),
            Problem::NotWhole { text } => say!(lang, Key::CalculationProblemNotWhole, text = text),
            Problem::NotOneOf { text, options } => {
                say!(lang, Key::CalculationProblemNotOneOf, text = text, list = options.join(", "))
            }
            Problem::NotMla { text } => say!(lang, Key::CalculationProblemNotMla, text = text),
            Problem::Config(e) => e.message(lang),
            Problem::Shape { label, error } => {
                say!(lang, Key::CalculationProblemShape, label = t(lang, *label), detail = error.detail(lang))
            }
            Problem::MfuNeedsModel => t(lang, Key::CalculationProblemMfuNeedsModel).to_string(),
            Problem::MfuNeedsHardware => t(lang, Key::CalculationProblemMfuNeedsHardware).to_string(),
            Problem::NothingToSolve => t(lang, Key::CalculationProblemNothingToSolve).to_string(),
            Problem::TargetNeedsMethod1 => t(lang, Key::CalculationProblemTargetNeedsMethod1).to_string(),
        }
    }
}

crate::english_display!(FieldError);
