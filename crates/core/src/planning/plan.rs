//! The planner beside an estimate: Chinchilla's compute-optimal model for a budget (typed, or
//! the estimate's own FLOP), the estimate's tokens per parameter, and the model FLOPs
//! utilization of a measured throughput (PaLM's definition) on Method 2's hardware.

use crate::calculation::calc::{check_field, Evaluation, Label, Mode};
use crate::calculation::field::{Calculation, Field};
use crate::calculation::problem::{FieldError, Problem};
use crate::model::transformer::Convention;
use crate::planning::planner::{self, Chinchilla};

/// What the planner shows; `None` where nothing asks for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The budget in FLOP and its compute-optimal model.
    pub chinchilla: Option<Result<(f64, Chinchilla), FieldError>>,
    /// Whether the budget is the estimate's FLOP (nothing typed).
    pub budget_from_estimate: bool,
    /// Training tokens per parameter of the 6·N·D or transformer estimate (Chinchilla: 20).
    pub tokens_per_parameter: Option<f64>,
    /// Model FLOPs utilization, a fraction.
    pub mfu: Option<Result<f64, FieldError>>,
}

fn plan_error(field: Field, c: &Calculation, e: planner::PlanError) -> FieldError {
    FieldError::new(field, Problem::Plan(e), 0, field.get(c).chars().count())
}

fn chinchilla(c: &Calculation, ev: &Evaluation) -> Option<Result<(f64, Chinchilla), FieldError>> {
    let budget = if c.budget.trim().is_empty() {
        ev.current()?.flop.mid()
    } else {
        match check_field(Field::Budget, &c.budget) {
            Ok(v) => v.mid(),
            Err(e) => return Some(Err(e)),
        }
    };
    Some(planner::chinchilla(budget).map(|n| (budget, n)).map_err(|e| plan_error(Field::Budget, c, e)))
}

/// Parameters and tokens of the model the estimate is of.
fn model(c: &Calculation, ev: &Evaluation) -> Option<(f64, f64)> {
    match c.mode {
        Mode::Params => {
            let n = check_field(Field::Parameters, &c.parameters).ok()?.mid();
            Some((n, check_field(Field::Tokens, &c.tokens).ok()?.mid()))
        }
        Mode::Transformer => {
            let t = ev.transformer.as_ref()?.as_ref().ok()?;
            Some((t.counts.parameters, check_field(Field::TTokens, &c.t_tokens).ok()?.mid()))
        }
        _ => None,
    }
}

/// Training FLOP per token as PaLM counts it for MFU: 6·N + 12·L·H·Q·T from the transformer
/// tab, or 6·N from the 6·N·D tab (no attention term).
fn flop_per_token(c: &Calculation, ev: &Evaluation) -> Option<f64> {
    match c.mode {
        Mode::Params => Some(6.0 * check_field(Field::Parameters, &c.parameters).ok()?.mid()),
        Mode::Transformer => {
            let t = ev.transformer.as_ref()?.as_ref().ok()?;
            Some(t.arch.counts(Convention::Palm).ok()?.flop_per_token)
        }
        _ => None,
    }
}

fn mfu(c: &Calculation, ev: &Evaluation) -> Option<Result<f64, FieldError>> {
    if c.tokens_per_second.trim().is_empty() {
        return None;
    }
    let at = |p| FieldError::new(Field::TokensPerSecond, p, 0, c.tokens_per_second.chars().count());
    let rate = match check_field(Field::TokensPerSecond, &c.tokens_per_second) {
        Ok(v) => v.mid(),
        Err(e) => return Some(Err(e)),
    };
    let Some(per_token) = flop_per_token(c, ev) else { return Some(Err(at(Problem::MfuNeedsModel))) };
    let hardware = ev.method2.estimate().and_then(|e| Some((e.factor(Label::Chips)?, e.factor(Label::Peak)?)));
    let Some((chips, peak)) = hardware else { return Some(Err(at(Problem::MfuNeedsHardware))) };
    Some(planner::mfu(rate, per_token, chips.mid(), peak.mid()).map_err(|e| plan_error(Field::TokensPerSecond, c, e)))
}

/// The planner's figures for a calculation and its evaluation.
pub fn plan(c: &Calculation, ev: &Evaluation) -> Plan {
    let tokens_per_parameter = model(c, ev).and_then(|(n, d)| planner::tokens_per_parameter(d, n).ok());
    Plan {
        chinchilla: chinchilla(c, ev),
        budget_from_estimate: c.budget.trim().is_empty(),
        tokens_per_parameter,
        mfu: mfu(c, ev),
    }
}
