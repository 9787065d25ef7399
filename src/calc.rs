//! The one state type ([`Calculation`]: every field as the user typed it) and its evaluation
//! into both methods' estimates, their derivations and their comparison. The page, the CLI and
//! share links all go through [`evaluate`].

use crate::expr::{self, Dim, Value};
use crate::hardware::{self, Precision};
use crate::layers::{self, Layer, LayerError};
use serde::{Deserialize, Serialize};

pub use crate::i18n::Lang;
pub use crate::units::{PF, PFS_DAY};
/// The seed's default utilizations.
pub const GPU_UTILIZATION: f64 = 0.33;
pub const CPU_UTILIZATION: f64 = 0.17;

/// How Method 1 gets its forward-pass operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Forward operations typed in.
    #[default]
    Ops,
    /// Forward operations summed from a layer list.
    Layers,
    /// 6 · N · D for dense transformers.
    Params,
}

/// Whether the forward-pass figure counts add-multiplies (MACs) or FLOPs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Per {
    #[default]
    Mac,
    Flop,
}

/// A whole calculation, every field as typed. An empty string means "the default".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Calculation {
    pub lang: Lang,
    pub mode: Mode,
    pub forward: String,
    pub per: Per,
    pub flops_per_mac: String,
    pub passes: String,
    pub examples: String,
    pub epochs: String,
    pub layers: String,
    pub parameters: String,
    pub tokens: String,
    pub chips: String,
    pub hardware: String,
    pub precision: String,
    pub peak: String,
    pub time: String,
    pub utilization: String,
    pub factor: String,
    /// The date of the user's point on the trend chart: YYYY, YYYY-MM or YYYY-MM-DD.
    pub date: String,
    /// A name for the calculation (shown on the chart and the handout).
    pub name: String,
}

/// Every input field: its share-link key and its test id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Forward,
    FlopsPerMac,
    Passes,
    Examples,
    Epochs,
    Layers,
    Parameters,
    Tokens,
    Chips,
    Hardware,
    Precision,
    Peak,
    Time,
    Utilization,
    Factor,
    Date,
}

impl Field {
    pub const ALL: [Field; 16] = [
        Field::Forward,
        Field::FlopsPerMac,
        Field::Passes,
        Field::Examples,
        Field::Epochs,
        Field::Layers,
        Field::Parameters,
        Field::Tokens,
        Field::Chips,
        Field::Hardware,
        Field::Precision,
        Field::Peak,
        Field::Time,
        Field::Utilization,
        Field::Factor,
        Field::Date,
    ];

    /// The element's `data-testid` (and the CLI flag without dashes).
    pub fn test_id(self) -> &'static str {
        match self {
            Field::Forward => "ops-forward",
            Field::FlopsPerMac => "ops-flops-per-mac",
            Field::Passes => "ops-passes",
            Field::Examples => "ops-examples",
            Field::Epochs => "ops-epochs",
            Field::Layers => "ops-layers",
            Field::Parameters => "params-parameters",
            Field::Tokens => "params-tokens",
            Field::Chips => "gpu-chips",
            Field::Hardware => "gpu-hardware",
            Field::Precision => "gpu-precision",
            Field::Peak => "gpu-peak",
            Field::Time => "gpu-time",
            Field::Utilization => "gpu-utilization",
            Field::Factor => "gpu-factor",
            Field::Date => "user-date",
        }
    }

    /// The CLI flag for the field.
    pub fn flag(self) -> &'static str {
        match self {
            Field::Forward => "--forward",
            Field::FlopsPerMac => "--flops-per-mac",
            Field::Passes => "--passes",
            Field::Examples => "--examples",
            Field::Epochs => "--epochs",
            Field::Layers => "--layers",
            Field::Parameters => "--parameters",
            Field::Tokens => "--tokens",
            Field::Chips => "--chips",
            Field::Hardware => "--hardware",
            Field::Precision => "--precision",
            Field::Peak => "--peak",
            Field::Time => "--time",
            Field::Utilization => "--utilization",
            Field::Factor => "--factor",
            Field::Date => "--date",
        }
    }

    pub fn get(self, c: &Calculation) -> &str {
        match self {
            Field::Forward => &c.forward,
            Field::FlopsPerMac => &c.flops_per_mac,
            Field::Passes => &c.passes,
            Field::Examples => &c.examples,
            Field::Epochs => &c.epochs,
            Field::Layers => &c.layers,
            Field::Parameters => &c.parameters,
            Field::Tokens => &c.tokens,
            Field::Chips => &c.chips,
            Field::Hardware => &c.hardware,
            Field::Precision => &c.precision,
            Field::Peak => &c.peak,
            Field::Time => &c.time,
            Field::Utilization => &c.utilization,
            Field::Factor => &c.factor,
            Field::Date => &c.date,
        }
    }

    pub fn get_mut(self, c: &mut Calculation) -> &mut String {
        match self {
            Field::Forward => &mut c.forward,
            Field::FlopsPerMac => &mut c.flops_per_mac,
            Field::Passes => &mut c.passes,
            Field::Examples => &mut c.examples,
            Field::Epochs => &mut c.epochs,
            Field::Layers => &mut c.layers,
            Field::Parameters => &mut c.parameters,
            Field::Tokens => &mut c.tokens,
            Field::Chips => &mut c.chips,
            Field::Hardware => &mut c.hardware,
            Field::Precision => &mut c.precision,
            Field::Peak => &mut c.peak,
            Field::Time => &mut c.time,
            Field::Utilization => &mut c.utilization,
            Field::Factor => &mut c.factor,
            Field::Date => &mut c.date,
        }
    }
}

/// A problem with one field, with the character span it is about.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
    pub start: usize,
    pub end: usize,
}

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
    /// The peak came from the catalog.
    Peak { chip: &'static str, precision: Precision, flops: f64, citation: String, defaulted: bool },
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
    /// The forward pass came from the layer list.
    FromLayers { macs: f64, count: usize },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Ops,
    Params,
    Gpu,
}

/// One method's estimate: the product of its factors, in FLOP.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub method: Method,
    pub factors: Vec<Factor>,
    pub flop: Value,
    pub notes: Vec<Note>,
}

impl Estimate {
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
}

/// What a field must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    /// A plain non-negative number.
    Count,
    /// A number of operations: plain, or with FLOP units.
    Ops,
    /// A time; a bare number is days.
    Time,
    /// A rate; a bare number is FLOP/s.
    Rate,
    /// A fraction in (0, 1], written 0.33 or 33%.
    Fraction,
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
            self.errors.push(FieldError { field, message: "empty: enter a number".into(), start: 0, end: 0 });
            return None;
        }
        match check(text, Want::of(field)) {
            Ok((v, note)) => {
                if let Some(n) = note {
                    self.notes.push(n);
                }
                Some(v)
            }
            Err(e) => {
                self.errors.push(FieldError { field, message: e.message, start: e.start, end: e.end });
                None
            }
        }
    }
}

impl Want {
    /// What each field holds.
    fn of(field: Field) -> Want {
        match field {
            Field::Forward => Want::Ops,
            Field::Time => Want::Time,
            Field::Peak => Want::Rate,
            Field::Utilization => Want::Fraction,
            _ => Want::Count,
        }
    }

    /// Its name for messages, and an example.
    fn describe(self) -> (&'static str, &'static str) {
        match self {
            Want::Count => ("a plain number", "like 1.2M"),
            Want::Ops => ("a number of operations", "like 11.4G"),
            Want::Time => ("a time", "like 5.5 d"),
            Want::Rate => ("a rate (FLOP/s)", "like 8.5 TFLOPS"),
            Want::Fraction => ("a fraction", "like 33%"),
        }
    }
}

/// Evaluates one field's text as the field wants it; values come back in base units.
fn check(text: &str, want: Want) -> Result<(Value, Option<Note>), expr::ExprError> {
    let v = expr::eval(text)?;
    let len = text.chars().count();
    let err = |message: String| expr::ExprError { message, start: 0, end: len };
    let (wanted, example) = want.describe();
    let mut note = None;
    let v = match (want, v.dim) {
        (Want::Count | Want::Fraction, Dim::COUNT) => v,
        (Want::Ops, Dim::COUNT | Dim::OPS) => Value { dim: Dim::COUNT, ..v },
        (Want::Ops, Dim::RATE) => {
            note = Some(Note::RateAsCount);
            Value { dim: Dim::COUNT, ..v }
        }
        (Want::Rate, Dim::OPS) => {
            note = Some(Note::CountAsRate);
            Value { dim: Dim::COUNT, ..v }
        }
        (Want::Time, Dim::TIME) => Value { dim: Dim::COUNT, ..v },
        (Want::Time, Dim::COUNT) => {
            note = Some(Note::BareDays);
            v.scale(86400.0)
        }
        (Want::Rate, Dim::RATE) => Value { dim: Dim::COUNT, ..v },
        (Want::Rate, Dim::COUNT) => {
            note = Some(Note::BareRate);
            v
        }
        (_, d) => {
            return Err(err(format!(
                "'{}' is {}, but this field wants {} ({})",
                text.trim(),
                d.describe(),
                wanted,
                example
            )))
        }
    };
    if v.lo < 0.0 {
        return Err(err(format!("'{}' is negative: this field wants {wanted} ≥ 0", text.trim())));
    }
    if want == Want::Fraction {
        if v.hi > 1.0 {
            let pct = crate::format::readable(v.hi * 100.0, 3, ",");
            return Err(err(if v.hi > 1.0 && !text.contains('%') && v.hi <= 100.0 {
                format!("'{}' is above 1 (100%): did you mean {}%?", text.trim(), crate::format::exact(v.hi))
            } else {
                format!("'{}' is {pct}%, above 100%", text.trim())
            }));
        }
        if v.lo <= 0.0 {
            return Err(err(format!("'{}' must be above 0", text.trim())));
        }
    }
    Ok((v, note))
}

/// Evaluates a field on its own, as the page does while the user types.
pub fn check_field(field: Field, text: &str) -> Result<Value, expr::ExprError> {
    check(text, Want::of(field)).map(|(v, _)| v)
}

fn filled(c: &Calculation, fields: &[Field]) -> bool {
    fields.iter().any(|f| !f.get(c).trim().is_empty())
}

fn product(method: Method, factors: Vec<Factor>, notes: Vec<Note>) -> Estimate {
    let flop = factors.iter().fold(Value::num(1.0), |acc, f| acc.times(f.value));
    Estimate { method, factors, flop: Value { dim: Dim::OPS, ..flop }, notes }
}

fn factor(label: Label, value: Value, shown: Shown, input: &str) -> Factor {
    Factor { label, value, shown, input: input.trim().to_string() }
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
                (Outcome::Done(product(Method::Params, f, r.notes)), None)
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
                r.errors.push(FieldError { field: Field::Layers, message: e.to_string(), start: 0, end: 0 });
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
    (Outcome::Done(product(Method::Ops, f, r.notes)), layer_result)
}

/// Method 2: GPU time.
fn method2(c: &Calculation) -> Outcome {
    if !filled(c, &[Field::Chips, Field::Hardware, Field::Peak, Field::Time]) {
        return Outcome::Empty;
    }
    let mut r = Reader { calc: c, errors: Vec::new(), notes: Vec::new() };
    let chips = r.read(Field::Chips, None);
    let mut cpu = false;
    let peak = if !c.hardware.trim().is_empty() {
        let precision = if c.precision.trim().is_empty() { Ok(None) } else { Precision::parse(&c.precision).map(Some) };
        match precision {
            Err(m) => {
                r.errors.push(FieldError { field: Field::Precision, message: m, start: 0, end: 0 });
                None
            }
            Ok(p) => match hardware::lookup(&c.hardware).and_then(|chip| chip.peak_for(p).map(|x| (chip, x))) {
                Ok((chip, (prec, flops))) => {
                    cpu = chip.is_cpu();
                    r.notes.push(Note::Peak {
                        chip: chip.name,
                        precision: prec,
                        flops,
                        citation: chip.citation(),
                        defaulted: p.is_none(),
                    });
                    Some(Value::num(flops))
                }
                Err(m) => {
                    let n = c.hardware.chars().count();
                    r.errors.push(FieldError { field: Field::Hardware, message: m, start: 0, end: n });
                    None
                }
            },
        }
    } else {
        r.read(Field::Peak, None)
    };
    let time = r.read(Field::Time, None);
    let default_util = if cpu { CPU_UTILIZATION } else { GPU_UTILIZATION };
    if c.utilization.trim().is_empty() {
        r.notes.push(Note::DefaultUtilization { value: default_util, cpu });
    }
    let util = r.read(Field::Utilization, Some(default_util));
    let extra = r.read(Field::Factor, Some(1.0));
    if !r.errors.is_empty() {
        return Outcome::Invalid(r.errors);
    }
    let (Some(chips), Some(peak), Some(time), Some(util), Some(extra)) = (chips, peak, time, util, extra) else {
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
    Outcome::Done(product(Method::Gpu, f, r.notes))
}

/// Evaluates a calculation. Never panics; every problem is a [`FieldError`].
pub fn evaluate(c: &Calculation) -> Evaluation {
    let (method1, layers) = method1(c);
    let method2 = method2(c);
    let comparison = match (method1.estimate(), method2.estimate()) {
        (Some(a), Some(b)) => compare(a.flop.mid(), b.flop.mid()),
        _ => None,
    };
    let date = if c.date.trim().is_empty() {
        Ok(None)
    } else {
        crate::date::Date::parse(&c.date).map(|d| Some(d.years())).map_err(|m| FieldError {
            field: Field::Date,
            message: m.to_string(),
            start: 0,
            end: c.date.chars().count(),
        })
    };
    Evaluation { method1, method2, comparison, layers, date }
}
