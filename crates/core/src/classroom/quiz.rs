//! Classroom exercises: the worked examples as questions, and grading a student's answer (any
//! amount of operations the calculator reads: `0.12 pfs-days`, `1e19 FLOP`, `10,506 PF`, or a
//! bare number, read as FLOP) against the exact arithmetic: within 10% is right, within 3× (what
//! OpenAI's "AI and Compute" aimed for) the right order of magnitude; and an answer that matches
//! a common slip (the forward pass only, add-multiplies for FLOPs, one epoch, units of time,
//! pfs-days for FLOP, a power of ten) is told which, as far as the calculation's factors allow.

use crate::calculation::calc::{evaluate, Estimate, Factor, Field, Label, Method, Outcome, Shown};
use crate::calculation::examples::{Example, EXAMPLES};
use crate::catalog::Catalog;
use crate::language::expr::{self, Dim};
use crate::language::units::{PF, PFS_DAY};
use crate::say;
use crate::text::format::{normal, readable, sci, TYPED_SIG};
use crate::text::i18n::{t, Key, Lang};
use crate::text::num::to_i32;

/// How close an answer is, by the factor between it and the exact value (either way):
/// within 10% is [`QuizVerdict::Right`] (the only pass, [`QuizVerdict::passed`]); within 3×
/// (OpenAI's stated aim) is [`QuizVerdict::OrderOfMagnitude`]: the right order of magnitude, but
/// not the exact arithmetic ([`QuizVerdict::close`]); then within 10×, and beyond. Each bound is
/// inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizVerdict {
    Right,
    OrderOfMagnitude,
    Within10x,
    Far,
}

/// An answer within this factor of the exact value (either way) is right; one within it of the
/// value a slip gives matches that slip.
const RIGHT_WITHIN: f64 = 1.1;

/// The spread of a ratio: the factor between the two values, either way (≥ 1), less a hair so
/// that an answer of exactly 3× is "within 3×" despite rounding.
fn spread(ratio: f64) -> f64 {
    ratio.max(1.0 / ratio) * (1.0 - 1e-12)
}

impl QuizVerdict {
    /// Within 10%: the exact arithmetic.
    pub fn passed(self) -> bool {
        self == QuizVerdict::Right
    }

    /// Within 3× but not within 10%: the right order of magnitude, not the exact arithmetic (the
    /// page shows it apart from a right answer).
    pub fn close(self) -> bool {
        self == QuizVerdict::OrderOfMagnitude
    }

    /// The verdict for a ratio answer / exact (> 0).
    pub fn of(ratio: f64) -> QuizVerdict {
        match spread(ratio) {
            s if s <= RIGHT_WITHIN => QuizVerdict::Right,
            s if s <= 3.0 => QuizVerdict::OrderOfMagnitude,
            s if s <= 10.0 => QuizVerdict::Within10x,
            _ => QuizVerdict::Far,
        }
    }

    fn phrase(self, lang: Lang) -> &'static str {
        match self {
            QuizVerdict::Right => t(lang, Key::QuizRight),
            QuizVerdict::OrderOfMagnitude => t(lang, Key::QuizOrder),
            QuizVerdict::Within10x => t(lang, Key::QuizWithin),
            QuizVerdict::Far => t(lang, Key::QuizFar),
        }
    }
}

/// Which units of time a slip mixed up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeMix {
    /// 86,400 s a day.
    SecondsDays,
    /// 3,600 s an hour.
    SecondsHours,
    /// 24 hours a day.
    HoursDays,
}

impl TimeMix {
    /// How many of the smaller unit make the larger.
    pub fn factor(self) -> f64 {
        match self {
            TimeMix::SecondsDays => 86_400.0,
            TimeMix::SecondsHours => 3_600.0,
            TimeMix::HoursDays => 24.0,
        }
    }
}

/// A common slip an answer matches (within 10% of the value the slip gives). Those of a factor
/// carry its value, so the message says by how much to correct.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Slip {
    /// The forward pass only: the exact ÷ the forward-and-backward multiplier (3).
    ForwardOnly { passes: f64 },
    /// Add-multiplies counted as FLOPs: the exact ÷ the FLOPs per add-multiply (2).
    MacsAsFlops { per_mac: f64 },
    /// FLOPs counted as add-multiplies (doubled once more): the exact × the FLOPs per add-multiply.
    FlopsAsMacs { per_mac: f64 },
    /// One epoch: the exact ÷ the epochs.
    OneEpoch { epochs: f64 },
    /// Units of time mixed up: the exact × the mix's factor (`too_high`) or ÷ it.
    TimeUnits { mix: TimeMix, too_high: bool },
    /// The number of pfs-days given as FLOP: the exact ÷ 8.64 × 10^19.
    PfsDaysAsFlop,
    /// A power of ten off: the exact × 10^k (k ≠ 0).
    PowerOfTen { k: i32 },
}

impl Slip {
    /// The answer over the exact value that the slip gives.
    pub fn ratio(self) -> f64 {
        match self {
            Slip::ForwardOnly { passes } => 1.0 / passes,
            Slip::MacsAsFlops { per_mac } => 1.0 / per_mac,
            Slip::FlopsAsMacs { per_mac } => per_mac,
            Slip::OneEpoch { epochs } => 1.0 / epochs,
            Slip::TimeUnits { mix, too_high: true } => mix.factor(),
            Slip::TimeUnits { mix, too_high: false } => 1.0 / mix.factor(),
            Slip::PfsDaysAsFlop => 1.0 / PFS_DAY,
            Slip::PowerOfTen { k } => 10f64.powi(k),
        }
    }

    /// The slips a calculation's factors make possible, the more specific first: those of a
    /// factor (whose value sets the ratio), then units, then a power of ten (the nearest to
    /// `ratio`). Without factors, only the pfs-days and the power of ten.
    fn candidates(factors: &[Factor], ratio: f64) -> Vec<Slip> {
        let value = |label| factors.iter().find(|f| f.label == label).map(|f| f.value.mid());
        // Above 1.1, so that a slip can never look like a right answer.
        let real = |v: Option<f64>| v.filter(|v| v.is_finite() && *v > RIGHT_WITHIN);
        // 6·N·D holds 2 FLOP per add-multiply and 3× for the passes.
        let six = value(Label::Six).is_some();
        let passes = real(value(Label::Passes).or(six.then_some(3.0)));
        let per_mac = real(value(Label::FlopsPerMac).or(six.then_some(2.0)));
        let mut out = Vec::new();
        if let Some(passes) = passes {
            out.push(Slip::ForwardOnly { passes });
        }
        if let Some(per_mac) = per_mac {
            out.extend([Slip::MacsAsFlops { per_mac }, Slip::FlopsAsMacs { per_mac }]);
        }
        if let Some(epochs) = real(value(Label::Epochs)) {
            out.push(Slip::OneEpoch { epochs });
        }
        if value(Label::Time).is_some() {
            for mix in [TimeMix::SecondsDays, TimeMix::SecondsHours, TimeMix::HoursDays] {
                out.extend([false, true].map(|too_high| Slip::TimeUnits { mix, too_high }));
            }
        }
        out.push(Slip::PfsDaysAsFlop);
        let k = ratio.log10().round();
        if k != 0.0 && k.abs() < 400.0 {
            out.push(Slip::PowerOfTen { k: to_i32(k) });
        }
        out
    }

    /// The slip an answer of `ratio` × the exact value matches, if any: the nearest within 10%,
    /// the more specific where two give the same ratio. None for a right answer.
    pub fn find(ratio: f64, factors: &[Factor]) -> Option<Slip> {
        if !(ratio.is_finite() && ratio > 0.0) || QuizVerdict::of(ratio) == QuizVerdict::Right {
            return None;
        }
        let mut best: Option<(f64, Slip)> = None;
        for slip in Slip::candidates(factors, ratio) {
            let off = spread(ratio / slip.ratio());
            // A later candidate wins only by more than rounding: a tie goes to the more specific.
            if off <= RIGHT_WITHIN && best.is_none_or(|(b, _)| off < b * (1.0 - 1e-9)) {
                best = Some((off, slip));
            }
        }
        best.map(|(_, s)| s)
    }

    /// "looks like the backward pass is missing: ×3".
    pub fn message(self, lang: Lang) -> String {
        let key = match self {
            Slip::ForwardOnly { .. } => Key::QuizSlipForward,
            Slip::MacsAsFlops { .. } => Key::QuizSlipMacs,
            Slip::FlopsAsMacs { .. } => Key::QuizSlipFlops,
            Slip::OneEpoch { .. } => Key::QuizSlipEpoch,
            Slip::TimeUnits { mix: TimeMix::SecondsDays, .. } => Key::QuizSlipDays,
            Slip::TimeUnits { mix: TimeMix::SecondsHours, .. } => Key::QuizSlipHours,
            Slip::TimeUnits { mix: TimeMix::HoursDays, .. } => Key::QuizSlipHourday,
            // Its correction is a unit, not a factor: the text says which.
            Slip::PfsDaysAsFlop => return t(lang, Key::QuizSlipPfs).to_string(),
            Slip::PowerOfTen { .. } => Key::QuizSlipTen,
        };
        // The answer times `fix` is right.
        let fix = 1.0 / self.ratio();
        let (sign, x) = if fix >= 1.0 { ("×", fix) } else { ("÷", 1.0 / fix) };
        let k = x.log10().round();
        let x =
            if k >= 5.0 && (x / 10f64.powf(k) - 1.0).abs() < 1e-9 { format!("10^{k}") } else { readable(x, 3, ",") };
        say!(lang, Key::ClassroomSlip, slip = t(lang, key), fix = format!("{sign}{x}"))
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
    /// The common slip the answer matches, if any.
    pub slip: Option<Slip>,
}

impl Grade {
    /// "The right order of magnitude, but not the exact arithmetic (yours is too low: 33% of
    /// it); looks like the backward pass is missing: ×3".
    pub fn message(&self, lang: Lang) -> String {
        let r = self.ratio;
        let sig = if self.verdict == QuizVerdict::Right { 3 } else { 2 };
        let detail = if (r - 1.0).abs() < 5e-4 {
            t(lang, Key::ClassroomGradeMatches).to_string()
        } else if r > 1.0 && r < 1.1 {
            // "1.004× too high" reads as "1× too high" at three digits: say by how much.
            say!(lang, Key::ClassroomGradeHigherPercent, percent = readable((r - 1.0) * 100.0, 2, ","))
        } else if r > 1.0 {
            say!(lang, Key::ClassroomGradeHigher, ratio = readable(r, sig, ","))
        } else if r < 0.1 {
            // "0.0000034% of it" is unreadable: more than 10× low, say how many times (to three
            // digits, as a slip's factor is said: ×86,400).
            say!(lang, Key::ClassroomGradeLowerTimes, ratio = readable(1.0 / r, 3, ","))
        } else {
            say!(lang, Key::ClassroomGradeLower, percent = readable(r * 100.0, sig, ","))
        };
        let verdict = self.verdict.phrase(lang);
        match self.slip {
            Some(s) => say!(lang, Key::ClassroomGradeSlip, verdict = verdict, detail = detail, slip = s.message(lang)),
            None => say!(lang, Key::ClassroomGrade, verdict = verdict, detail = detail),
        }
    }
}

/// Why an answer cannot be graded.
#[derive(Clone, Debug, PartialEq)]
pub enum QuizError {
    Empty,
    /// The calculator cannot read it: why, and the span `start..end`.
    Syntax {
        kind: crate::language::expr::ExprKind,
        start: usize,
        end: usize,
    },
    /// A rate (FLOP/s) where an amount of operations is asked for.
    Rate,
    /// A time where an amount of operations is asked for.
    Time,
    /// Another quantity (FLOP², FLOP·s…).
    NotAmount {
        dim: crate::language::expr::Dim,
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
        let key = match self {
            QuizError::Empty => Key::ClassroomErrorEmpty,
            QuizError::Syntax { kind, .. } => {
                return say!(lang, Key::ClassroomErrorSyntax, reason = kind.message(lang))
            }
            QuizError::Rate => Key::ClassroomErrorRate,
            QuizError::Time => Key::ClassroomErrorTime,
            QuizError::NotAmount { dim } => return say!(lang, Key::ClassroomErrorNotAmount, dim = dim.describe(lang)),
            QuizError::Range => Key::ClassroomErrorRange,
            QuizError::NotPositive => Key::ClassroomErrorNotPositive,
            QuizError::BadExact => Key::ClassroomErrorBadExact,
            QuizError::Waiting => Key::ClassroomErrorWaiting,
        };
        t(lang, key).to_string()
    }
}

/// Reads an answer as an amount of operations in FLOP (a bare number is FLOP).
pub(crate) fn read_answer(answer_text: &str) -> Result<f64, QuizError> {
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

/// Grades an answer against the exact FLOP of a calculation, without its factors: the slips named
/// are those of units and powers of ten only.
///
/// # Errors
///
/// [`QuizError::BadExact`] when `exact_flop` is not a positive finite number; otherwise the
/// answer's error: empty, unreadable, or not an amount of operations (see [`QuizError`]).
pub fn grade(answer_text: &str, exact_flop: f64) -> Result<Grade, QuizError> {
    grade_factors(answer_text, exact_flop, &[])
}

/// Grades an answer against the exact FLOP of a calculation and names the common slip it
/// matches, among those its factors make possible (the one grading of the page, the exercise
/// set and the CLI).
pub(crate) fn grade_factors(answer_text: &str, exact_flop: f64, factors: &[Factor]) -> Result<Grade, QuizError> {
    if !(exact_flop.is_finite() && exact_flop > 0.0) {
        return Err(QuizError::BadExact);
    }
    let answer_flop = read_answer(answer_text)?;
    let ratio = answer_flop / exact_flop;
    if !(ratio.is_finite() && ratio > 0.0) {
        return Err(QuizError::BadExact);
    }
    Ok(Grade { ratio, verdict: QuizVerdict::of(ratio), answer_flop, slip: Slip::find(ratio, factors) })
}

/// Grades an answer against an estimate: its result, and the slips its factors make possible.
pub(crate) fn grade_estimate(answer_text: &str, estimate: &Estimate) -> Result<Grade, QuizError> {
    grade_factors(answer_text, estimate.flop.mid(), &estimate.factors)
}

/// Grades an answer against a calculation's headline result; without one, says whether it is
/// only waiting for the hardware catalog.
///
/// # Errors
///
/// [`QuizError::Waiting`] when the calculation has no result only because the hardware catalog is
/// still loading, [`QuizError::BadExact`] when it has none for another reason; otherwise as
/// [`grade`].
pub fn grade_evaluation(answer_text: &str, eval: &crate::calculation::calc::Evaluation) -> Result<Grade, QuizError> {
    use crate::calculation::problem::Problem;
    use crate::catalog::hardware::HardwareError;
    match eval.headline() {
        Some(e) => grade_estimate(answer_text, e),
        None if eval.errors().any(|e| matches!(e.problem, Problem::Hardware(HardwareError::Loading))) => {
            Err(QuizError::Waiting)
        }
        None => Err(QuizError::BadExact),
    }
}

/// One exercise: a worked example, asked as a question.
#[derive(Clone)]
pub struct Exercise {
    pub example: &'static Example,
    /// The exact FLOP of the example's inputs.
    pub exact_flop: f64,
    /// The estimate of the example's method (Method 2 for a GPU-time example).
    estimate: Option<Estimate>,
    /// The chip of a GPU-time example: its name and peak.
    chip: Option<(String, f64)>,
    /// The published figure is more than 10% off its own arithmetic ([`Example::differs`]).
    differs: bool,
}

/// Every worked example with an exact value in `cat`, in the order of [`EXAMPLES`]: the
/// appendix's 17 computations, then the modern presets.
pub fn exercises(cat: &Catalog) -> Vec<Exercise> {
    EXAMPLES
        .iter()
        .filter_map(|e| {
            let ev = evaluate(&e.calculation(), cat);
            let estimate = match if e.method == Method::Gpu { ev.method2 } else { ev.method1 } {
                Outcome::Done(e) => Some(e),
                _ => None,
            };
            let hardware = e.inputs.iter().find(|(f, _)| *f == Field::Hardware).map(|(_, v)| *v);
            let chip = hardware
                .and_then(|id| cat.lookup(id).ok())
                .and_then(|c| c.peak_for(None).ok().map(|(_, p)| (c.name.clone(), p)));
            let exact_flop = estimate.as_ref()?.flop.mid();
            Some(Exercise { example: e, exact_flop, estimate, chip, differs: e.differs(cat) })
        })
        .collect()
}

impl Exercise {
    /// Grades an answer as the page grades the same calculation: against the exact value, naming
    /// the slips of the example's factors.
    ///
    /// # Errors
    ///
    /// As [`grade`]: [`QuizError::BadExact`] when the example's exact value is not positive and
    /// finite, or the answer's error.
    pub fn grade(&self, answer_text: &str) -> Result<Grade, QuizError> {
        let factors = self.estimate().map(|e| e.factors).unwrap_or_default();
        grade_factors(answer_text, self.exact_flop, &factors)
    }

    /// The estimate of the example's method (Method 2 for a GPU-time example).
    pub fn estimate(&self) -> Option<Estimate> {
        self.estimate.clone()
    }

    /// The question: the model, what is given, and what is asked.
    pub fn question(&self, lang: Lang) -> String {
        let e = self.example;
        let given: Vec<String> = e.inputs.iter().map(|(f, v)| given(*f, v, self.chip.as_ref(), lang)).collect();
        let rule = t(
            lang,
            match e.method {
                Method::Ops => Key::ClassroomRuleOps,
                Method::Params => Key::ClassroomRuleParams,
                Method::Transformer => Key::ClassroomRuleTransformer,
                Method::Gpu => Key::ClassroomRuleGpu,
            },
        );
        let given = given.join(t(lang, Key::ClassroomGivenSeparator));
        say!(lang, Key::ClassroomQuestion, name = e.display_name(lang), date = e.date, given = given, rule = rule)
    }

    /// The answer: the exact value in FLOP, PF and pfs-days, its arithmetic, and the published
    /// figure (with a note where it differs from its own arithmetic by more than 10%).
    pub fn answer(&self, lang: Lang) -> String {
        let f = self.exact_flop;
        let (pf, pfs) = (readable(f / PF, 3, ","), readable(f / PFS_DAY, 3, ","));
        let amount = say!(lang, Key::ClassroomAmount, flop = sci(f, 3), pf = pf, pfs = pfs);
        let e = self.example;
        let published = match e.published_pf {
            Some(pf) => {
                let pfs = readable(e.published_pfs_days, 3, ",");
                say!(lang, Key::ClassroomPublishedPf, pf = readable(pf, 3, ","), pfs = pfs)
            }
            None => say!(lang, Key::ClassroomPublishedFlop, flop = sci(e.published_pfs_days * PFS_DAY, 3)),
        };
        let key = if self.differs { Key::ClassroomAnswerDiffers } else { Key::ClassroomAnswer };
        let (name, arithmetic) = (e.display_name(lang), self.arithmetic());
        say!(lang, key, name = name, amount = amount, arithmetic = arithmetic, published = published)
    }

    /// The product the exact value comes from, each factor in base units: "2 × 1.58 × 10^12
    /// FLOP/s × 475,200 s × 0.33".
    pub fn arithmetic(&self) -> String {
        let Some(est) = self.estimate() else { return String::new() };
        let eng = |v: f64| normal(v, TYPED_SIG);
        let factor = |v: f64, shown: Shown| match shown {
            Shown::Rate => format!("{} FLOP/s", eng(v)),
            Shown::Time => format!("{} s", eng(v)),
            Shown::Count | Shown::Fraction => eng(v),
        };
        est.factors.iter().map(|f| factor(f.value.mid(), f.shown)).collect::<Vec<_>>().join(" × ")
    }
}

/// "examples per epoch = 1.2M", with the chip's name and peak for a hardware id.
fn given(field: Field, value: &str, chip_peak: Option<&(String, f64)>, lang: Lang) -> String {
    let label = t(
        lang,
        match field {
            Field::Forward => Key::ClassroomGivenForward,
            Field::Examples => Key::ClassroomGivenExamples,
            Field::Epochs => Key::ClassroomGivenEpochs,
            Field::Layers => Key::ClassroomGivenLayers,
            Field::Parameters => Key::ClassroomGivenParameters,
            Field::Tokens | Field::TTokens => Key::ClassroomGivenTokens,
            Field::Chips => Key::ClassroomGivenChips,
            Field::Hardware => Key::ClassroomGivenHardware,
            Field::Time => Key::ClassroomGivenTime,
            Field::Utilization => Key::ClassroomGivenUtilization,
            Field::Factor => Key::ClassroomGivenFactor,
            f => f.spec().label,
        },
    );
    let value = match field.want() {
        _ if field == Field::Hardware => chip(value, chip_peak, lang),
        crate::calculation::field::Want::Layers => value.lines().map(str::trim).collect::<Vec<_>>().join(" / "),
        crate::calculation::field::Want::YesNo
        | crate::calculation::field::Want::Bias
        | crate::calculation::field::Want::Convention => {
            crate::model::architecture::option_word(value, lang).to_string()
        }
        crate::calculation::field::Want::Time => time_in(value, lang),
        _ => math(value),
    };
    format!("{label} = {value}")
}

/// An expression as a handout prints it: × for *, exponents raised, a number in engineering
/// notation normalised as the page shows every figure (`11.4 * 10^9` → `1.14 × 10¹⁰`).
fn math(value: &str) -> String {
    if let Some(v) = times_ten(value) {
        return crate::text::format::superscript(&normal(v, TYPED_SIG));
    }
    crate::text::format::superscript(&value.replace('*', "×"))
}

/// The value of "m * 10^e" (a seed's figure in engineering notation), if `value` is one: a
/// plain number with nothing else around the power of ten.
fn times_ten(value: &str) -> Option<f64> {
    let (m, e) = value.split_once("* 10^")?;
    let plain = |s: &str| !s.trim().is_empty() && s.trim().chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-');
    let v = expr::eval(value).ok()?;
    (plain(m) && plain(e) && v.dim == Dim::COUNT && v.lo != 0.0).then_some(v.lo)
}

/// A typed time with its unit in `lang` (`5.5 d` is 5.5 days, `1728 h` 1728 hours).
fn time_in(value: &str, lang: Lang) -> String {
    let v = value.trim();
    let unit = [("d", Key::UnitD), ("h", Key::ClassroomUnitH)].into_iter().find(|(bare, _)| v.ends_with(bare));
    match unit {
        Some((bare, key)) => format!("{} {}", math(v.trim_end_matches(bare).trim_end()), t(lang, key)),
        None => math(v),
    }
}

fn chip(id: &str, chip_peak: Option<&(String, f64)>, lang: Lang) -> String {
    match chip_peak {
        Some((name, peak)) => {
            let name = crate::catalog::hardware::chip_name(name, lang);
            say!(lang, Key::ClassroomGivenChip, name = name, peak = sci(*peak, 3))
        }
        None => id.to_string(),
    }
}

/// The exercises as a printable sheet: instructions, then one numbered question each.
pub fn question_sheet(cat: &Catalog, lang: Lang) -> String {
    let mut s = format!("{}\n\n", t(lang, Key::ClassroomSheetTitle));
    s.push_str(t(lang, Key::ClassroomSheetUnits));
    s.push_str(t(lang, Key::QuizGrading));
    s.push_str("\n\n");
    for (i, x) in exercises(cat).iter().enumerate() {
        s.push_str(&format!("{}. {}\n\n", i + 1, x.question(lang)));
    }
    crate::text::format::superscript(&s)
}

/// The answers, numbered as in [`question_sheet`].
pub fn answer_key(cat: &Catalog, lang: Lang) -> String {
    let mut s = format!("{}\n\n", t(lang, Key::ClassroomKeyTitle));
    for (i, x) in exercises(cat).iter().enumerate() {
        s.push_str(&format!("{}. {}\n", i + 1, x.answer(lang)));
    }
    crate::text::format::superscript(&s)
}

crate::english_display!(QuizError);
