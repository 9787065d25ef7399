//! Planning a training run: Chinchilla's compute-optimal size, tokens per parameter, model
//! FLOPs utilization (MFU) and Method 2 solved for whichever of chips, time or utilization is
//! missing. Every result is finite; every bad input is a [`PlanError`] naming the quantity.

use crate::say;
use crate::text::i18n::{t, Key, Lang};

/// Chinchilla's compute-optimal tokens per parameter (Hoffmann et al. 2022).
pub(crate) const CHINCHILLA_TOKENS_PER_PARAMETER: f64 = 20.0;

/// A quantity of the planner, for naming it in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    Compute,
    Parameters,
    Tokens,
    TokensPerSecond,
    FlopPerToken,
    Chips,
    Peak,
    Time,
    Utilization,
}

impl Quantity {
    pub fn name(self, lang: Lang) -> &'static str {
        use Quantity::*;
        let key = match self {
            Compute => Key::PlanningQuantityCompute,
            Parameters => Key::PlanningQuantityParameters,
            Tokens => Key::PlanningQuantityTokens,
            TokensPerSecond => Key::PlanningQuantityTokensPerSecond,
            FlopPerToken => Key::PlanningQuantityFlopPerToken,
            Chips => Key::PlanningQuantityChips,
            Peak => Key::PlanningQuantityPeak,
            Time => Key::PlanningQuantityTime,
            Utilization => Key::PlanningQuantityUtilization,
        };
        t(lang, key)
    }
}

/// Why a plan has no answer.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanError {
    /// Zero, negative or not a number.
    NotPositive(Quantity),
    /// The result would not be a finite number.
    TooLarge(Quantity),
    /// A utilization above 100% (given, or implied by the other inputs).
    AboveFull { what: Quantity, value: f64 },
    /// `solve` needs exactly one of chips, time and utilization left out.
    NotOneMissing { missing: usize },
}

/// The errors of [`solve`].
pub type SolveError = PlanError;

impl PlanError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PlanError::NotPositive(q) => say!(lang, Key::PlanningNotPositive, what = q.name(lang)),
            PlanError::TooLarge(q) => say!(lang, Key::PlanningTooLarge, what = q.name(lang)),
            PlanError::AboveFull { what, value } => {
                let pct = crate::text::format::readable(value * 100.0, 3, ",");
                say!(lang, Key::PlanningAboveFull, pct = pct, what = what.name(lang))
            }
            PlanError::NotOneMissing { missing } => say!(lang, Key::PlanningNotOneMissing, missing = missing),
        }
    }
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

fn positive(v: f64, q: Quantity) -> Result<f64, PlanError> {
    if v.is_finite() && v > 0.0 {
        Ok(v)
    } else if v == f64::INFINITY {
        Err(PlanError::TooLarge(q))
    } else {
        Err(PlanError::NotPositive(q))
    }
}

fn finite(v: f64, q: Quantity) -> Result<f64, PlanError> {
    if v.is_finite() && v > 0.0 {
        Ok(v)
    } else {
        Err(PlanError::TooLarge(q))
    }
}

/// A compute-optimal model for a budget.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chinchilla {
    pub parameters: f64,
    pub tokens: f64,
}

/// Chinchilla's rule: with C = 6·N·D and D = 20·N, N = √(C / 120) and D = 20·N.
///
/// # Errors
///
/// [`PlanError::NotPositive`] when `compute` is not a positive number, [`PlanError::TooLarge`]
/// when the result is not finite.
pub fn chinchilla(compute: f64) -> Result<Chinchilla, PlanError> {
    let c = positive(compute, Quantity::Compute)?;
    let parameters = (c / (6.0 * CHINCHILLA_TOKENS_PER_PARAMETER)).sqrt();
    let tokens = CHINCHILLA_TOKENS_PER_PARAMETER * parameters;
    Ok(Chinchilla { parameters: finite(parameters, Quantity::Compute)?, tokens: finite(tokens, Quantity::Compute)? })
}

/// Training tokens per parameter (20 is Chinchilla-optimal).
///
/// # Errors
///
/// [`PlanError::NotPositive`] when either input is not a positive number, [`PlanError::TooLarge`]
/// when the ratio is not finite.
pub fn tokens_per_parameter(tokens: f64, parameters: f64) -> Result<f64, PlanError> {
    let t = positive(tokens, Quantity::Tokens)?;
    let n = positive(parameters, Quantity::Parameters)?;
    finite(t / n, Quantity::Tokens)
}

/// PaLM's training FLOP per token (Chowdhery et al. 2022, appendix B): 6·N + 12·L·H·Q·T, with
/// N the parameters, L layers, H heads, Q the head dimension and T the sequence length.
///
/// # Errors
///
/// [`PlanError::NotPositive`] when `parameters` is not positive, [`PlanError::TooLarge`] when the
/// attention term or the total is not a finite non-negative number.
pub fn palm_flop_per_token(
    parameters: f64,
    layers: f64,
    heads: f64,
    head_dim: f64,
    context: f64,
) -> Result<f64, PlanError> {
    let n = positive(parameters, Quantity::Parameters)?;
    let attention = 12.0 * layers * heads * head_dim * context;
    if !(attention.is_finite() && attention >= 0.0) {
        return Err(PlanError::TooLarge(Quantity::FlopPerToken));
    }
    finite(6.0 * n + attention, Quantity::FlopPerToken)
}

/// Model FLOPs utilization: FLOP per token × tokens per second ÷ (chips × peak). Above 1 is an
/// error: no run does more than its hardware's peak.
///
/// # Errors
///
/// [`PlanError::NotPositive`] when an input is not positive, [`PlanError::TooLarge`] when the
/// ratio is not finite, [`PlanError::AboveFull`] when it is above 1.
pub fn mfu(tokens_per_second: f64, flop_per_token: f64, chips: f64, peak: f64) -> Result<f64, PlanError> {
    let rate = positive(tokens_per_second, Quantity::TokensPerSecond)?;
    let per_token = positive(flop_per_token, Quantity::FlopPerToken)?;
    let hardware = positive(chips, Quantity::Chips)? * positive(peak, Quantity::Peak)?;
    let u = rate * per_token / hardware;
    if !u.is_finite() || u <= 0.0 {
        return Err(PlanError::TooLarge(Quantity::TokensPerSecond));
    }
    if u > 1.0 {
        return Err(PlanError::AboveFull { what: Quantity::Utilization, value: u });
    }
    Ok(u)
}

/// Which input [`solve`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unknown {
    Chips,
    Time,
    Utilization,
}

/// Method 2 with every factor known: flop = chips × peak × seconds × utilization.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Solved {
    /// May be fractional when solved for: round up to buy hardware.
    pub chips: f64,
    pub seconds: f64,
    pub utilization: f64,
    pub solved: Unknown,
}

impl Solved {
    pub fn days(&self) -> f64 {
        self.seconds / crate::language::units::DAY
    }
}

/// Solves flop = chips × peak × seconds × utilization for the one of chips, seconds and
/// utilization that is `None`. An implied utilization above 100% is an error.
///
/// # Errors
///
/// [`PlanError::NotOneMissing`] unless exactly one of the three is `None`; otherwise a
/// [`PlanError`] for an input that is not positive, a result that is not finite, or an implied
/// utilization above 100%.
pub fn solve(
    flop: f64,
    chips: Option<f64>,
    peak: f64,
    seconds: Option<f64>,
    utilization: Option<f64>,
) -> Result<Solved, SolveError> {
    let missing = [chips.is_none(), seconds.is_none(), utilization.is_none()].iter().filter(|m| **m).count();
    if missing != 1 {
        return Err(PlanError::NotOneMissing { missing });
    }
    let flop = positive(flop, Quantity::Compute)?;
    let peak = positive(peak, Quantity::Peak)?;
    let check = |v: Option<f64>, q| v.map(|v| positive(v, q)).transpose();
    let (c, s, u) =
        (check(chips, Quantity::Chips)?, check(seconds, Quantity::Time)?, check(utilization, Quantity::Utilization)?);
    if let Some(u) = u.filter(|u| *u > 1.0) {
        return Err(PlanError::AboveFull { what: Quantity::Utilization, value: u });
    }
    let solved = match (c, s, u) {
        (None, Some(s), Some(u)) => Solved {
            chips: finite(flop / (peak * s * u), Quantity::Chips)?,
            seconds: s,
            utilization: u,
            solved: Unknown::Chips,
        },
        (Some(c), None, Some(u)) => Solved {
            chips: c,
            seconds: finite(flop / (c * peak * u), Quantity::Time)?,
            utilization: u,
            solved: Unknown::Time,
        },
        (Some(c), Some(s), _) => {
            let u = finite(flop / (c * peak * s), Quantity::Utilization)?;
            if u > 1.0 {
                return Err(PlanError::AboveFull { what: Quantity::Utilization, value: u });
            }
            Solved { chips: c, seconds: s, utilization: u, solved: Unknown::Utilization }
        }
        _ => return Err(PlanError::NotOneMissing { missing }),
    };
    Ok(solved)
}

/// A default utilization with its source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UtilizationDefault {
    /// Whether it is for language models.
    pub language: bool,
    pub value: f64,
    /// Epoch AI's words, quoted (the page labels them as the original in Chinese).
    pub source: Key,
}

impl UtilizationDefault {
    pub fn source_in(&self, lang: Lang) -> &'static str {
        t(lang, self.source)
    }
}

/// Epoch AI's defaults where a paper gives no utilization.
pub const UTILIZATION_DEFAULTS: [UtilizationDefault; 2] = [
    UtilizationDefault { language: true, value: 0.30, source: Key::PlanningUtilizationLanguageSource },
    UtilizationDefault { language: false, value: 0.40, source: Key::PlanningUtilizationOtherSource },
];

/// The default utilization for a language model (`true`) or another model.
pub fn default_utilization(language: bool) -> UtilizationDefault {
    UTILIZATION_DEFAULTS[if language { 0 } else { 1 }]
}

impl std::error::Error for PlanError {}
