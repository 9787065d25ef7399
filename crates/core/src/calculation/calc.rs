//! The one state type ([`Calculation`]: every field as the user typed it) and its evaluation
//! into both methods' estimates, their derivations and their comparison. The page, the CLI and
//! share links all go through [`evaluate`].

pub(crate) use crate::calculation::problem::check_length;
pub use crate::calculation::problem::{FieldError, Problem};
use crate::catalog::hardware::{Chip, Choice, Precision};
use crate::catalog::Catalog;
use crate::language::expr::{self, Dim, Value};
use crate::model::architecture::{self, Resolved};
use crate::model::layers::{self, Layer, LayerError};
use crate::planning::planner::{self, PlanError, Unknown};
use crate::text::num::count_f64;

pub use crate::calculation::field::{Basis, Calculation, Field, Mode, Per, Side, Want};
pub use crate::language::units::{PF, PFS_DAY};
pub use crate::text::i18n::Lang;
/// The seed's default utilizations.
pub(crate) const GPU_UTILIZATION: f64 = 0.33;
pub(crate) const CPU_UTILIZATION: f64 = 0.17;

/// What a factor of a derivation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    Forward,
    FlopsPerMac,
    Passes,
    Examples,
    Epochs,
    Six,
    Parameters,
    Tokens,
    Chips,
    Peak,
    Time,
    Utilization,
    Factor,
    /// A transformer's forward-pass add-multiplies per token.
    ForwardPerToken,
}

/// How a factor's value reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Count,
    Rate,
    Time,
    Fraction,
}

/// One factor of a product, as the derivation shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Factor {
    pub label: Label,
    pub value: Value,
    pub shown: Shown,
    /// The text the user typed (empty for a default).
    pub input: String,
}

/// Assumptions and facts the output states next to the numbers.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// The default utilization was used (0.33 GPU, 0.17 CPU).
    DefaultUtilization { value: f64, cpu: bool },
    /// The peak came from the catalog: the chip (its name and its sources in each language).
    Peak { chip: Box<Chip>, precision: Precision, flops: f64, defaulted: bool },
    /// A bare number in the time field was read as days.
    BareDays,
    /// A bare number in the peak field was read as FLOP/s.
    BareRate,
    /// A rate (FLOPS) typed where a count belongs was read as a count, as the appendix writes
    /// "16 GFLOPS" for the operations of a forward pass.
    RateAsCount,
    /// An amount (FLOP, PF) typed where a rate belongs was read as per second, as the appendix
    /// writes "1.58 * 10^-3 PF" per GTX 580.
    CountAsRate,
    /// A name several chips fit became one chip: the one whose peak they all share, or the
    /// canonical one (the others are listed).
    ChipChosen { query: String, chip: String, choice: Choice, others: Vec<String> },
    /// The forward pass came from the layer list.
    FromLayers { macs: f64, count: usize },
    /// The transformer's parameters and FLOP per token, and the convention of its attention term.
    Transformer(Box<crate::model::transformer::Counts>),
    /// A dimension of the transformer left empty, and the value assumed.
    Assumed(crate::model::transformer::Assumption),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Ops,
    Params,
    Transformer,
    Gpu,
}

/// One method's estimate: the product of its factors, in FLOP.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub method: Method,
    pub factors: Vec<Factor>,
    pub flop: Value,
    pub notes: Vec<Note>,
    /// The factor Method 2 solved for from a FLOP target.
    pub solved: Option<Label>,
}

impl Estimate {
    /// The value of the first factor with this label.
    pub fn factor(&self, label: Label) -> Option<Value> {
        self.factors.iter().find(|f| f.label == label).map(|f| f.value)
    }
    pub fn pf(&self) -> Value {
        self.flop.scale(1.0 / PF)
    }
    pub fn pfs_days(&self) -> Value {
        self.flop.scale(1.0 / PFS_DAY)
    }
}

/// A method's outcome: not filled in, in error, or an estimate.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Empty,
    Invalid(Vec<FieldError>),
    Done(Estimate),
}

impl Outcome {
    pub fn estimate(&self) -> Option<&Estimate> {
        match self {
            Outcome::Done(e) => Some(e),
            _ => None,
        }
    }
    pub fn errors(&self) -> &[FieldError] {
        match self {
            Outcome::Invalid(e) => e,
            _ => &[],
        }
    }

    /// Why there is no result, in words: with nothing typed, to fill in the fields; the fields
    /// still empty by their labels ("Still to fill in: Training time."; the page marks no empty
    /// field); or, with a field typed wrong, the marked field. `None` with a result.
    pub fn why_none(&self, lang: Lang) -> Option<String> {
        use crate::text::i18n::{fill, t, Key};
        let errors = match self {
            Outcome::Done(_) => return None,
            Outcome::Empty => return Some(t(lang, Key::ResultEmpty).to_string()),
            Outcome::Invalid(errors) => errors,
        };
        if errors.iter().any(|e| e.problem != Problem::Empty) {
            return Some(t(lang, Key::ResultInvalid).to_string());
        }
        let mut labels: Vec<&str> = Vec::new();
        for e in errors {
            // A chip or a peak, both empty: named by the chip's field, the one asked first.
            let field = if e.field == Field::Peak { Field::Hardware } else { e.field };
            let label = t(lang, field.spec().label);
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        let list = labels.join(t(lang, Key::CalculationNamedSeparator));
        Some(fill(t(lang, Key::ResultMissing), &[("fields", &list)]))
    }
}

/// How far apart the two methods are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Within2x,
    Within3x,
    FarApart,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comparison {
    /// Method 1 over Method 2 (central values).
    pub ratio: f64,
    pub verdict: Verdict,
    /// The geometric mean of the two, in FLOP (as Epoch AI reports where both exist).
    pub geometric_mean: f64,
}

/// Compares two estimates in FLOP.
pub fn compare(m1: f64, m2: f64) -> Option<Comparison> {
    if !(m1 > 0.0 && m2 > 0.0) {
        return None;
    }
    let ratio = m1 / m2;
    let spread = ratio.max(1.0 / ratio);
    let verdict = if spread <= 2.0 {
        Verdict::Within2x
    } else if spread <= 3.0 {
        Verdict::Within3x
    } else {
        Verdict::FarApart
    };
    Some(Comparison { ratio, verdict, geometric_mean: (m1 * m2).sqrt() })
}

/// Everything the page and the CLI show for a calculation.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub method1: Outcome,
    pub method2: Outcome,
    pub comparison: Option<Comparison>,
    /// The layer list, when Method 1 uses it.
    pub layers: Option<Result<Vec<Layer>, LayerError>>,
    /// The user's point on the chart, in fractional years.
    pub date: Result<Option<f64>, FieldError>,
    /// Method 2's chip-hours, energy, emissions and cost, once Method 2 has a result.
    pub footprint: Option<Result<crate::run::footprint::Footprint, Vec<FieldError>>>,
    /// The transformer tab's architecture, once any of its fields is filled in.
    pub transformer: Option<Result<Resolved, Vec<FieldError>>>,
    /// The one estimate every derived figure follows, or why there is none.
    pub current: Result<crate::calculation::estimate::Current, crate::calculation::estimate::NoCurrent>,
    /// Fields over their length limit ([`Field::max_chars`]) that nothing above reports: the
    /// name, which no method reads, or a field of a Method 1 tab not in use.
    pub too_long: Vec<FieldError>,
}

impl Evaluation {
    /// Every field error of the calculation.
    pub fn errors(&self) -> impl Iterator<Item = &FieldError> {
        let footprint = match &self.footprint {
            Some(Err(e)) => e.as_slice(),
            _ => &[],
        };
        let transformer = match &self.transformer {
            Some(Err(e)) => e.as_slice(),
            _ => &[],
        };
        let methods = self.method1.errors().iter().chain(self.method2.errors());
        methods.chain(footprint).chain(transformer).chain(self.date.as_ref().err()).chain(&self.too_long)
    }
}

impl Evaluation {
    /// The estimate every derived figure follows (see [`crate::calculation::estimate::current`]).
    pub fn current(&self) -> Option<&crate::calculation::estimate::Current> {
        self.current.as_ref().ok()
    }

    /// The method estimate behind the current one, for what needs its factors (an exercise's
    /// grade, a saved row's method): its method's, or Method 1's where both methods agree.
    pub fn headline(&self) -> Option<&Estimate> {
        match self.current()?.source {
            crate::calculation::estimate::Source::One | crate::calculation::estimate::Source::Both => {
                self.method1.estimate()
            }
            crate::calculation::estimate::Source::Two => self.method2.estimate(),
        }
    }
}

struct Reader<'a> {
    calc: &'a Calculation,
    errors: Vec<FieldError>,
    notes: Vec<Note>,
}

impl Reader<'_> {
    /// Evaluates a field; `default` is used when it is empty.
    fn read(&mut self, field: Field, default: Option<f64>) -> Option<Value> {
        let text = field.get(self.calc);
        if text.trim().is_empty() {
            if let Some(d) = default {
                return Some(Value::num(d));
            }
            self.errors.push(FieldError::new(field, Problem::Empty, 0, 0));
            return None;
        }
        match check(text, field.want()) {
            Ok((v, note)) => {
                self.notes.extend(note);
                Some(v)
            }
            Err(e) => {
                self.errors.push(FieldError { field, ..e });
                None
            }
        }
    }
}

/// Reads a value of the dimension a field wants into a plain number in base units, with the
/// note that says how an unusual form was read.
fn convert(v: Value, want: Want) -> Option<(Value, Option<Note>)> {
    let plain = Value { dim: Dim::COUNT, ..v };
    Some(match (want, v.dim) {
        (Want::Count | Want::Fraction, Dim::COUNT) => (v, None),
        (Want::Ops, Dim::COUNT | Dim::OPS) => (plain, None),
        (Want::Ops, Dim::RATE) => (plain, Some(Note::RateAsCount)),
        (Want::Rate, Dim::OPS) => (plain, Some(Note::CountAsRate)),
        (Want::Time, Dim::TIME) | (Want::Rate, Dim::RATE) => (plain, None),
        (Want::Time, Dim::COUNT) => (v.scale(crate::language::units::DAY), Some(Note::BareDays)),
        (Want::Rate, Dim::COUNT) => (v, Some(Note::BareRate)),
        _ => return None,
    })
}

/// Evaluates one field's text as the field wants it; values come back in base units. The error's
/// field is filled in by the caller.
fn check(text: &str, want: Want) -> Result<(Value, Option<Note>), FieldError> {
    // Every field stops at its length limit before any work (the field is the caller's).
    check_length(if want == Want::Layers { Field::Layers } else { Field::Name }, text)?;
    // The transformer tab's fields: a whole number is its value; a word or MLA's widths, checked.
    if want == Want::Whole {
        return Ok((Value::num(count_f64(architecture::whole(Field::Name, text)?.unwrap_or(0))), None));
    }
    if matches!(want, Want::YesNo | Want::Bias | Want::Convention | Want::Mla) {
        architecture::check_want(want, text)?;
        return Ok((Value::num(0.0), None));
    }
    if let Some(field) = energy_field(want) {
        let v = crate::run::footprint::read(field, text)?;
        return v.map(|v| (v, None)).ok_or(FieldError::new(field, Problem::Empty, 0, 0));
    }
    let len = text.chars().count();
    let err = |problem| FieldError::new(Field::Name, problem, 0, len);
    let number = matches!(want, Want::Count | Want::Ops | Want::Time | Want::Rate | Want::Fraction);
    if number {
        crate::calculation::problem::not_a_date(Field::Name, text, want)?;
    }
    let v = expr::eval(text).map_err(|e| FieldError::new(Field::Name, Problem::Expr(e.kind), e.start, e.end))?;
    let t = crate::calculation::field::excerpt(text.trim());
    let Some((v, note)) = convert(v, want) else {
        return Err(err(Problem::WrongKind { text: t, got: v.dim, want }));
    };
    if !v.lo.is_finite() || !v.hi.is_finite() {
        return Err(err(Problem::Expr(expr::ExprKind::TooLarge { text: t })));
    }
    if v.lo < 0.0 {
        return Err(err(Problem::Negative { text: t, want }));
    }
    if want == Want::Fraction {
        if v.hi > 1.0 && !text.contains('%') && v.hi <= 100.0 {
            return Err(err(Problem::AboveOne { text: t, value: v.hi }));
        }
        if v.hi > 1.0 {
            return Err(err(Problem::AboveHundred { text: t, percent: v.hi * 100.0 }));
        }
        if v.lo <= 0.0 {
            return Err(err(Problem::NotAboveZero { text: t }));
        }
    }
    Ok((v, note))
}

/// The field of a want that [`crate::run::footprint::read`] checks.
fn energy_field(want: Want) -> Option<Field> {
    Some(match want {
        Want::Power => Field::Power,
        Want::Pue => Field::Pue,
        Want::Grid => Field::Grid,
        Want::Price => Field::Price,
        _ => return None,
    })
}

/// Evaluates a field on its own, as the page does while the user types.
///
/// # Errors
///
/// A [`FieldError`] for `field` when the text is too long, does not parse as an expression, or
/// has another dimension than the field wants.
pub fn check_field(field: Field, text: &str) -> Result<Value, FieldError> {
    check(text, field.want()).map(|(v, _)| v).map_err(|e| FieldError { field, ..e })
}

fn filled(c: &Calculation, fields: &[Field]) -> bool {
    fields.iter().any(|f| !f.get(c).trim().is_empty())
}

/// The field a factor was read from, for a message about the product.
fn factor_field(c: &Calculation, label: Label) -> Field {
    match label {
        Label::Forward if c.mode == Mode::Layers => Field::Layers,
        Label::Forward => Field::Forward,
        Label::FlopsPerMac => Field::FlopsPerMac,
        Label::Passes => Field::Passes,
        Label::Examples => Field::Examples,
        Label::Epochs => Field::Epochs,
        Label::Six | Label::Parameters => Field::Parameters,
        Label::Tokens if c.mode == Mode::Transformer => Field::TTokens,
        Label::Tokens => Field::Tokens,
        Label::Chips => Field::Chips,
        Label::Peak if !c.hardware.trim().is_empty() => Field::Hardware,
        Label::Peak => Field::Peak,
        Label::Time => Field::Time,
        Label::Utilization => Field::Utilization,
        Label::Factor => Field::Factor,
        Label::ForwardPerToken => Field::TLayers,
    }
}

/// The product of the factors, refused where it leaves the range of finite, normal doubles
/// (the message goes beside the largest factor's field when it overflows, the smallest's when it
/// underflows: where the user typed the extreme value, whatever the order of the product).
fn product(c: &Calculation, method: Method, factors: Vec<Factor>, notes: Vec<Note>) -> Outcome {
    let mut flop = Value::num(1.0);
    for f in &factors {
        let before = flop;
        flop = flop.times(f.value);
        let zero_from_nonzero = before.lo > 0.0 && f.value.lo > 0.0 && flop.lo == 0.0;
        let problem = if !flop.lo.is_finite() || !flop.hi.is_finite() {
            Problem::ResultTooLarge
        } else if zero_from_nonzero || [flop.lo, flop.hi].iter().any(|x| *x != 0.0 && !x.is_normal()) {
            Problem::ResultTooSmall
        } else {
            continue;
        };
        let size = |x: &&Factor| x.value.hi.abs().max(x.value.lo.abs());
        let extreme = match problem {
            Problem::ResultTooLarge => factors.iter().max_by(|a, b| size(a).total_cmp(&size(b))),
            _ => factors.iter().min_by(|a, b| size(a).total_cmp(&size(b))),
        };
        let field = factor_field(c, extreme.unwrap_or(f).label);
        let n = field.get(c).chars().count();
        return Outcome::Invalid(vec![FieldError::new(field, problem, 0, n)]);
    }
    Outcome::Done(Estimate { method, factors, flop: Value { dim: Dim::OPS, ..flop }, notes, solved: None })
}

fn factor(label: Label, value: Value, shown: Shown, input: &str) -> Factor {
    Factor { label, value, shown, input: input.trim().to_string() }
}

/// Method 1 from a transformer's architecture: forward add-multiplies per token (its training
/// FLOP per token over 6) × 2 × passes × tokens.
fn transformer_method(c: &Calculation, tf: &Option<Result<Resolved, Vec<FieldError>>>) -> Outcome {
    let mut r = Reader { calc: c, errors: Vec::new(), notes: Vec::new() };
    let resolved = match tf {
        None if c.t_tokens.trim().is_empty() => return Outcome::Empty,
        None => {
            r.errors.push(FieldError::new(Field::TLayers, Problem::Empty, 0, 0));
            None
        }
        Some(Err(e)) => {
            r.errors.extend(e.iter().cloned());
            None
        }
        Some(Ok(t)) => Some(t),
    };
    let tokens = r.read(Field::TTokens, None);
    let passes = r.read(Field::Passes, Some(3.0));
    let (Some(t), Some(tokens), Some(passes), true) = (resolved, tokens, passes, r.errors.is_empty()) else {
        return Outcome::Invalid(r.errors);
    };
    r.notes.push(Note::Transformer(Box::new(t.counts)));
    r.notes.extend(t.assumptions.iter().cloned().map(Note::Assumed));
    let f = vec![
        factor(Label::ForwardPerToken, Value::num(t.counts.flop_per_token / 6.0), Shown::Count, ""),
        factor(Label::FlopsPerMac, Value::num(2.0), Shown::Count, ""),
        factor(Label::Passes, passes, Shown::Count, &c.passes),
        factor(Label::Tokens, tokens, Shown::Count, &c.t_tokens),
    ];
    product(c, Method::Transformer, f, r.notes)
}

/// Method 1: counting operations (or 6·N·D).
fn method1(c: &Calculation) -> (Outcome, Option<Result<Vec<Layer>, LayerError>>) {
    let mut r = Reader { calc: c, errors: Vec::new(), notes: Vec::new() };
    if c.mode == Mode::Params {
        if !filled(c, &[Field::Parameters, Field::Tokens]) {
            return (Outcome::Empty, None);
        }
        let n = r.read(Field::Parameters, None);
        let d = r.read(Field::Tokens, None);
        return match (n, d) {
            (Some(n), Some(d)) if r.errors.is_empty() => {
                let f = vec![
                    factor(Label::Six, Value::num(6.0), Shown::Count, ""),
                    factor(Label::Parameters, n, Shown::Count, &c.parameters),
                    factor(Label::Tokens, d, Shown::Count, &c.tokens),
                ];
                (product(c, Method::Params, f, r.notes), None)
            }
            _ => (Outcome::Invalid(r.errors), None),
        };
    }
    let mut layer_result = None;
    let forward = if c.mode == Mode::Layers {
        if !filled(c, &[Field::Layers, Field::Examples, Field::Epochs]) {
            return (Outcome::Empty, None);
        }
        match layers::parse(&c.layers) {
            Ok(ls) => {
                let macs = layers::total_macs(&ls);
                r.notes.push(Note::FromLayers { macs, count: ls.len() });
                layer_result = Some(Ok(ls));
                Some(Value::num(macs))
            }
            Err(e) => {
                r.errors.push(FieldError::new(Field::Layers, Problem::Layers(Box::new(e.clone())), 0, 0));
                layer_result = Some(Err(e));
                None
            }
        }
    } else {
        if !filled(c, &[Field::Forward, Field::Examples, Field::Epochs]) {
            return (Outcome::Empty, None);
        }
        r.read(Field::Forward, None)
    };
    let per = if c.mode == Mode::Layers { Per::Mac } else { c.per };
    let fpm = if per == Per::Mac { r.read(Field::FlopsPerMac, Some(2.0)) } else { None };
    let passes = r.read(Field::Passes, Some(3.0));
    let examples = r.read(Field::Examples, None);
    let epochs = r.read(Field::Epochs, Some(1.0));
    if !r.errors.is_empty() {
        return (Outcome::Invalid(r.errors), layer_result);
    }
    let (Some(fw), Some(passes), Some(examples), Some(epochs)) = (forward, passes, examples, epochs) else {
        return (Outcome::Invalid(r.errors), layer_result);
    };
    // From the layer list, the factor shows the list (one line each, joined) as its input.
    let layers_text = c.layers.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("; ");
    let mut f =
        vec![factor(Label::Forward, fw, Shown::Count, if c.mode == Mode::Layers { &layers_text } else { &c.forward })];
    if let Some(fpm) = fpm {
        f.push(factor(Label::FlopsPerMac, fpm, Shown::Count, &c.flops_per_mac));
    }
    f.push(factor(Label::Passes, passes, Shown::Count, &c.passes));
    f.push(factor(Label::Examples, examples, Shown::Count, &c.examples));
    f.push(factor(Label::Epochs, epochs, Shown::Count, &c.epochs));
    (product(c, Method::Ops, f, r.notes), layer_result)
}

/// The peak of the chip named in the hardware field, at the chosen precision, with the notes that
/// say which chip and figure were used; and whether it is a CPU.
///
/// # Errors
///
/// A [`FieldError`] on the precision or hardware field when either is too long, the precision is
/// not one the catalog knows, no chip matches the hardware text, or the chip has no peak at that
/// precision (the problem is the [`crate::catalog::hardware::HardwareError`]).
pub fn catalog_peak(c: &Calculation, cat: &Catalog, notes: &mut Vec<Note>) -> Result<(f64, bool), FieldError> {
    check_length(Field::Precision, &c.precision)?;
    check_length(Field::Hardware, &c.hardware)?;
    let at = |field: Field, e| FieldError::new(field, Problem::Hardware(e), 0, field.get(c).chars().count());
    let precision = match c.precision.trim() {
        "" => None,
        p => Some(Precision::parse(p).map_err(|e| at(Field::Precision, e))?),
    };
    let found = cat.resolve(&c.hardware, precision).map_err(|e| at(Field::Hardware, e))?;
    let chip = found.chip;
    let (prec, flops) = chip.peak_for(precision).map_err(|e| at(Field::Hardware, e))?;
    if matches!(found.choice, Choice::SamePeak { .. } | Choice::Canonical { .. }) {
        let others = found.others.iter().map(|o| o.name.clone()).collect();
        notes.push(Note::ChipChosen {
            query: c.hardware.trim().to_string(),
            chip: chip.name.clone(),
            choice: found.choice,
            others,
        });
    }
    let cpu = chip.is_cpu();
    notes.push(Note::Peak { chip: Box::new(chip.clone()), precision: prec, flops, defaulted: precision.is_none() });
    Ok((flops, cpu))
}

/// Which of chips, time and utilization a FLOP target solves for: the one left empty (with chips
/// and time given, the utilization).
fn unknown(c: &Calculation) -> Result<Unknown, Problem> {
    let empty = |f: Field| f.get(c).trim().is_empty();
    match (empty(Field::Chips), empty(Field::Time), empty(Field::Utilization)) {
        (true, false, _) => Ok(Unknown::Chips),
        (false, true, _) => Ok(Unknown::Time),
        (false, false, true) => Ok(Unknown::Utilization),
        (false, false, false) => Err(Problem::NothingToSolve),
        (true, true, u) => Err(Problem::Plan(PlanError::NotOneMissing { missing: 2 + usize::from(u) })),
    }
}

/// The peak per chip (times the extra factor when solving), from the catalog or typed, and
/// whether the chip is a CPU.
fn peak(c: &Calculation, cat: &Catalog, r: &mut Reader) -> (Option<Value>, bool) {
    if c.hardware.trim().is_empty() {
        return (r.read(Field::Peak, None), false);
    }
    match catalog_peak(c, cat, &mut r.notes) {
        Ok((flops, cpu)) => (Some(Value::num(flops)), cpu),
        Err(e) => {
            r.errors.push(e);
            (None, false)
        }
    }
}

/// Method 2: GPU time; with a FLOP target, the one of chips, time and utilization left empty
/// is solved for.
fn method2(c: &Calculation, cat: &Catalog, m1: Option<Value>) -> Outcome {
    let linked = c.target_from_estimate;
    if !linked && !filled(c, &[Field::Chips, Field::Hardware, Field::Peak, Field::Time, Field::Target]) {
        return Outcome::Empty;
    }
    let mut r = Reader { calc: c, errors: Vec::new(), notes: Vec::new() };
    let target = match (linked, m1) {
        (true, Some(flop)) => Some(Some(Value { dim: Dim::COUNT, ..flop })),
        (true, None) => {
            return Outcome::Invalid(vec![FieldError::new(Field::Target, Problem::TargetNeedsMethod1, 0, 0)]);
        }
        _ if c.target.trim().is_empty() => None,
        _ => Some(r.read(Field::Target, None)),
    };
    let unknown = match target.is_some().then(|| unknown(c)).transpose() {
        Ok(u) => u,
        Err(p) => {
            // The target's own error (too long, not a number) first, then what is left to solve.
            r.errors.push(FieldError::new(Field::Target, p, 0, c.target.chars().count()));
            return Outcome::Invalid(r.errors);
        }
    };
    let given = |r: &mut Reader, f: Field, u: Unknown, default| (unknown != Some(u)).then(|| r.read(f, default));
    let chips = given(&mut r, Field::Chips, Unknown::Chips, None);
    let (peak, cpu) = peak(c, cat, &mut r);
    let time = given(&mut r, Field::Time, Unknown::Time, None);
    let default_util = if cpu { CPU_UTILIZATION } else { GPU_UTILIZATION };
    if c.utilization.trim().is_empty() && unknown != Some(Unknown::Utilization) {
        r.notes.push(Note::DefaultUtilization { value: default_util, cpu });
    }
    let util = given(&mut r, Field::Utilization, Unknown::Utilization, Some(default_util));
    let extra = r.read(Field::Factor, Some(1.0));
    let (Some(peak), Some(extra)) = (peak, extra) else { return Outcome::Invalid(r.errors) };
    if !r.errors.is_empty() {
        return Outcome::Invalid(r.errors);
    }
    let inputs = Run { chips: chips.flatten(), peak: peak.times(extra), time: time.flatten(), util: util.flatten() };
    let (inputs, solved) = match (target.flatten(), unknown) {
        (Some(flop), Some(u)) => match solve_run(inputs, flop, u) {
            Ok(run) => (run, Some(flop)),
            Err(e) => return Outcome::Invalid(vec![FieldError::new(Field::Target, Problem::Plan(e), 0, 0)]),
        },
        _ => (inputs, None),
    };
    let (Some(chips), Some(time), Some(util)) = (inputs.chips, inputs.time, inputs.util) else {
        return Outcome::Invalid(r.errors);
    };
    let mut f = vec![
        factor(Label::Chips, chips, Shown::Count, &c.chips),
        factor(Label::Peak, peak, Shown::Rate, if c.hardware.trim().is_empty() { &c.peak } else { &c.hardware }),
        factor(Label::Time, time, Shown::Time, &c.time),
        factor(Label::Utilization, util, Shown::Fraction, &c.utilization),
    ];
    if !c.factor.trim().is_empty() {
        f.push(factor(Label::Factor, extra, Shown::Count, &c.factor));
    }
    match (solved, unknown) {
        (Some(flop), Some(u)) => {
            let label = match u {
                Unknown::Chips => Label::Chips,
                Unknown::Time => Label::Time,
                Unknown::Utilization => Label::Utilization,
            };
            let flop = Value { dim: Dim::OPS, ..flop };
            Outcome::Done(Estimate { method: Method::Gpu, factors: f, flop, notes: r.notes, solved: Some(label) })
        }
        _ => product(c, Method::Gpu, f, r.notes),
    }
}

/// Method 2's inputs, the peak including the extra factor; one may be unknown.
#[derive(Clone, Copy)]
struct Run {
    chips: Option<Value>,
    peak: Value,
    time: Option<Value>,
    util: Option<Value>,
}

/// Solves for the unknown at both ends of the ranges: its low end from the target's low end and
/// the others' high ends, its high end the other way round.
fn solve_run(run: Run, flop: Value, u: Unknown) -> Result<Run, PlanError> {
    let end = |flop: f64, pick: fn(Value) -> f64| {
        let p = |v: Option<Value>| v.map(pick);
        planner::solve(flop, p(run.chips), pick(run.peak), p(run.time), p(run.util))
    };
    let (lo, hi) = (end(flop.lo, |v| v.hi)?, end(flop.hi, |v| v.lo)?);
    let v = |a: f64, b: f64| Some(Value { lo: a, hi: b, dim: Dim::COUNT });
    Ok(match u {
        Unknown::Chips => Run { chips: v(lo.chips, hi.chips), ..run },
        Unknown::Time => Run { time: v(lo.seconds, hi.seconds), ..run },
        Unknown::Utilization => Run { util: v(lo.utilization, hi.utilization), ..run },
    })
}

/// Evaluates a calculation; a chip named in it is looked up in `cat`. Never panics; every
/// problem is a [`FieldError`].
pub fn evaluate(c: &Calculation, cat: &Catalog) -> Evaluation {
    let transformer = architecture::resolve(c);
    let (method1, layers) =
        if c.mode == Mode::Transformer { (transformer_method(c, &transformer), None) } else { method1(c) };
    let method2 = method2(c, cat, method1.estimate().map(|e| e.flop));
    // A Method 2 solved from Method 1's estimate is not a second estimate: nothing to compare.
    let comparison = match (method1.estimate(), method2.estimate()) {
        (Some(a), Some(b)) if !c.target_from_estimate => compare(a.flop.mid(), b.flop.mid()),
        _ => None,
    };
    let date = if c.date.trim().is_empty() {
        Ok(None)
    } else {
        check_length(Field::Date, &c.date).and_then(|()| {
            crate::language::date::Date::parse(&c.date)
                .map(|d| Some(d.years()))
                .map_err(|e| FieldError::new(Field::Date, Problem::Date(e), 0, c.date.chars().count()))
        })
    };
    let footprint = method2
        .estimate()
        .and_then(|e| Some(crate::run::footprint::compute(c, cat, e.factor(Label::Chips)?, e.factor(Label::Time)?)));
    let filled = [!matches!(method1, Outcome::Empty), !matches!(method2, Outcome::Empty)];
    let flop = |o: &Outcome| o.estimate().map(|e| e.flop);
    // Linked to Method 1, Method 2's FLOP is Method 1's: the figures follow Method 1 unless the
    // user picks Method 2 by name.
    let two =
        if c.target_from_estimate && c.basis != crate::calculation::field::Basis::Two { None } else { flop(&method2) };
    let agree = match (method1.estimate(), method2.estimate()) {
        (Some(a), Some(b)) => compare(a.flop.mid(), b.flop.mid()).is_some_and(|x| x.verdict == Verdict::Within2x),
        _ => false,
    };
    let current = crate::calculation::estimate::current(c, flop(&method1), two, filled, agree);
    let mut ev =
        Evaluation { method1, method2, comparison, layers, date, footprint, transformer, current, too_long: vec![] };
    let reported: Vec<Field> = ev.errors().map(|e| e.field).collect();
    let unreported = Field::ALL.iter().filter(|f| !reported.contains(f));
    ev.too_long = unreported.filter_map(|f| check_length(*f, f.get(c)).err()).collect();
    ev
}
