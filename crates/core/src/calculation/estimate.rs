//! One current estimate. Which of the two methods' results every derived figure follows (the
//! thresholds, the citation, the chart's point, the planner, the saved estimates, the exports'
//! headline): a worked example's untouched inputs never count where the user has inputs of
//! their own in the other method (the marks themselves, and what an edit does to them, are in
//! `examples`).

use crate::calculation::field::{Basis, Calculation, Field, Side};
use crate::language::expr::{Dim, Value};
use crate::text::i18n::Key;
use crate::text::i18n::{t, Lang};

impl Field {
    /// The method a field belongs to (`None` for the name, the date and the planner's fields).
    pub fn side(self) -> Option<Side> {
        use Field::*;
        match self {
            Chips | Hardware | Precision | Peak | Time | Utilization | Factor | Target | Power | Pue | Grid | Price => {
                Some(Side::Two)
            }
            Budget | TokensPerSecond | Date | Name => None,
            _ => Some(Side::One),
        }
    }
}

impl Calculation {
    /// Whether `side` still holds a worked example's inputs as it filled them in.
    pub fn is_example(&self, side: Side) -> bool {
        !self.example[side as usize].is_empty()
    }
}

/// Where the current estimate comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    One,
    Two,
    /// The geometric mean of both methods, which agree within 2×.
    Both,
}

/// The one estimate every derived figure follows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Current {
    pub source: Source,
    pub flop: Value,
    /// Whether the user picked it ([`Basis`] other than `Auto`).
    pub picked: bool,
}

/// Why there is no current estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoCurrent {
    /// Neither method has a result.
    Nothing,
    /// The method the user works in has no result yet; the other has one, from a worked
    /// example's untouched inputs, which does not count beside the user's own.
    Unfinished(Side),
    /// The method the user picked has no result.
    Picked(Side),
    /// Both methods were picked, but they are more than 2× apart.
    Disagree,
    /// Both methods were picked, and this one has no result.
    BothPicked(Side),
}

/// The current estimate of a calculation whose methods evaluated to `one` and `two` (FLOP).
/// `agree`: whether the two are within 2× of each other. Picked: that method, or both when they
/// agree. By default: the method last edited;
/// a method that still holds a worked example's untouched inputs only counts when the other
/// holds nothing of the user's; with both counting and neither edited, both when they agree,
/// else Method 1.
///
/// # Errors
///
/// [`NoCurrent::Picked`] when the picked method has no result; both picked,
/// [`NoCurrent::BothPicked`] when one has none, [`NoCurrent::Disagree`] when they are more than
/// 2× apart; chosen automatically, [`NoCurrent::Unfinished`]
/// when the user's own method has no result and only the other's untouched example has one,
/// else [`NoCurrent::Nothing`] when no method counting has a result.
pub fn current(
    c: &Calculation,
    one: Option<Value>,
    two: Option<Value>,
    filled: [bool; 2],
    agree: bool,
) -> Result<Current, NoCurrent> {
    let of = |s: Side| if s == Side::One { one } else { two };
    let picked = |source, flop: Option<Value>, s| flop.map(|flop| Current { source, flop, picked: true }).ok_or(s);
    let both = || {
        let (a, b) = (one?, two?);
        agree.then(|| Value { lo: (a.lo * b.lo).sqrt(), hi: (a.hi * b.hi).sqrt(), dim: Dim::OPS })
    };
    match c.basis {
        Basis::One => return picked(Source::One, one, NoCurrent::Picked(Side::One)),
        Basis::Two => return picked(Source::Two, two, NoCurrent::Picked(Side::Two)),
        Basis::Both => {
            let missing = Side::BOTH.into_iter().find(|s| of(*s).is_none());
            return picked(Source::Both, both(), missing.map_or(NoCurrent::Disagree, NoCurrent::BothPicked));
        }
        Basis::Auto => {}
    }
    // The user's own sides: filled in, and not an untouched example (linking Method 2's target
    // to Method 1 accepts Method 1's inputs, example or not).
    let accepted = |s: Side| !c.is_example(s) || (s == Side::One && c.target_from_estimate);
    let own: Vec<Side> = Side::BOTH.into_iter().filter(|s| filled[*s as usize] && accepted(*s)).collect();
    let counts = |s: Side| own.is_empty() || own.contains(&s);
    let usable: Vec<Side> = Side::BOTH.into_iter().filter(|s| counts(*s) && of(*s).is_some()).collect();
    let auto = |source, flop: Value| Ok(Current { source, flop, picked: false });
    let source = |s: Side| if s == Side::One { Source::One } else { Source::Two };
    match (usable.as_slice(), c.last) {
        ([], _) => match own.as_slice() {
            [s] if of(s.other()).is_some() => Err(NoCurrent::Unfinished(*s)),
            _ => Err(NoCurrent::Nothing),
        },
        ([s], _) => auto(source(*s), of(*s).ok_or(NoCurrent::Nothing)?),
        (_, Some(s)) if own.contains(&s) => auto(source(s), of(s).ok_or(NoCurrent::Nothing)?),
        _ => match both() {
            Some(v) => auto(Source::Both, v),
            None => auto(Source::One, one.ok_or(NoCurrent::Nothing)?),
        },
    }
}

impl Source {
    /// "Method 2: GPU time", as the figures name their estimate.
    pub fn name(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                Source::One => Key::M1Title,
                Source::Two => Key::M2Title,
                Source::Both => Key::CurrentBoth,
            },
        )
    }

    /// "from Method 2: GPU time", beside each derived figure; in Chinese the method's name in
    /// brackets, so that a line which already has a label's colon before it ("Used:") does not
    /// chain a second one.
    pub fn from(self, lang: Lang) -> String {
        let key = match self {
            Source::One => Key::CalculationFromOne,
            Source::Two => Key::CalculationFromTwo,
            Source::Both => Key::CalculationFromBoth,
        };
        t(lang, key).to_string()
    }
}

impl NoCurrent {
    pub fn message(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                NoCurrent::Nothing => Key::CurrentNothing,
                NoCurrent::Unfinished(Side::One) => Key::CurrentUnfinished1,
                NoCurrent::Unfinished(Side::Two) => Key::CurrentUnfinished2,
                NoCurrent::Picked(Side::One) => Key::CurrentPicked1,
                NoCurrent::Picked(Side::Two) => Key::CurrentPicked2,
                NoCurrent::Disagree => Key::CurrentDisagree,
                NoCurrent::BothPicked(Side::One) => Key::CurrentBoth1,
                NoCurrent::BothPicked(Side::Two) => Key::CurrentBoth2,
            },
        )
    }
}

impl Basis {
    /// The choice's words in the picker.
    pub fn label(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                Basis::Auto => Key::CurrentAuto,
                Basis::One => Key::M1Title,
                Basis::Two => Key::M2Title,
                Basis::Both => Key::CurrentBoth,
            },
        )
    }
}
