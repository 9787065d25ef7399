//! One current estimate. Which of the two methods' results every derived figure follows (the
//! thresholds, the citation, the chart's point, the planner, the saved estimates, the exports'
//! headline), and the marks that keep a worked example's untouched inputs from standing beside
//! the user's own: they never count where the user has inputs of their own in the other method,
//! and editing one method of a two-method example clears the other (its inputs, and its name and
//! date), which [`Calculation::restore`] puts back.

use crate::calc::{compare, Evaluation, Verdict};
use crate::examples::{self, Example};
use crate::expr::{Dim, Value};
use crate::field::{Basis, Calculation, Field, Side};
use crate::i18n::{t, Lang};

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

/// The side of the page a worked example fills in.
pub fn example_side(e: &Example) -> Side {
    if e.method == crate::calc::Method::Gpu {
        Side::Two
    } else {
        Side::One
    }
}

/// What an edit cleared: the other method's example inputs, and the example's name and date
/// where they were still its own. Enough to put them back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cleared {
    pub side: Side,
    pub example: &'static str,
    pub name: Option<String>,
    pub date: Option<String>,
}

impl Calculation {
    /// Whether `side` still holds a worked example's inputs as it filled them in.
    pub fn is_example(&self, side: Side) -> bool {
        !self.example[side as usize].is_empty()
    }

    /// The worked example `side` still holds, untouched.
    pub fn example_of(&self, side: Side) -> Option<&'static Example> {
        examples::find(&self.example[side as usize])
    }

    /// The user edited `side`: it is the user's now, and the last edited. Where `side` was itself
    /// an example's and the other method still holds an example's untouched inputs, those are
    /// cleared, with the example's name and date (the user is leaving the example); what was
    /// cleared comes back.
    pub fn touch(&mut self, side: Side) -> Option<Cleared> {
        let was_example = self.is_example(side);
        self.example[side as usize].clear();
        self.last = Some(side);
        let other = side.other();
        // Adding a method to a one-method example (ResNet's GPU time) keeps the example beside
        // it, marked; leaving a two-method example (the default) by one method clears the other.
        let example = self.example_of(other).filter(|_| was_example)?;
        self.example[other as usize].clear();
        for f in Field::ALL.iter().filter(|f| f.side() == Some(other)) {
            f.get_mut(self).clear();
        }
        if other == Side::Two {
            self.target_from_estimate = false;
        }
        // The example's name as a preset writes it, or its model's name alone (the default's).
        let own_name = [Lang::En, Lang::Zh].iter().any(|l| {
            let full = example.display_name(*l);
            let model = full.split([' ', '（']).next().unwrap_or(&full).to_string();
            self.name == full || self.name == model
        });
        let name = own_name.then(|| std::mem::take(&mut self.name));
        let date = (self.date == example.date).then(|| std::mem::take(&mut self.date));
        Some(Cleared { side: other, example: example.id, name, date })
    }

    /// Sets a field as the user typed it, marking its method edited (see [`Calculation::touch`]).
    pub fn edit(&mut self, field: Field, value: String) -> Option<Cleared> {
        let cleared = field.side().and_then(|s| self.touch(s));
        *field.get_mut(self) = value;
        cleared
    }

    /// Empties one method (its fields and its example mark), leaving the other as it is.
    pub fn clear_side(&mut self, side: Side) {
        self.example[side as usize].clear();
        for f in Field::ALL.iter().filter(|f| f.side() == Some(side)) {
            f.get_mut(self).clear();
        }
        if side == Side::Two {
            self.target_from_estimate = false;
        }
        self.last = Some(side);
    }

    /// Puts back what [`Calculation::touch`] cleared, marked as the example's again; the fields
    /// the user has typed into since are kept.
    pub fn restore(&mut self, cleared: &Cleared) {
        let Some(example) = examples::find(cleared.example) else { return };
        let own = Field::ALL.iter().filter(|f| f.side() == Some(cleared.side));
        if own.clone().any(|f| !f.get(self).trim().is_empty()) {
            return;
        }
        if cleared.side == Side::One {
            self.mode = example.mode;
            self.per = crate::calc::Per::Mac;
        }
        for (f, v) in example.inputs {
            *f.get_mut(self) = (*v).to_string();
        }
        self.example[cleared.side as usize] = example.id.to_string();
        if let (Some(n), true) = (&cleared.name, self.name.is_empty()) {
            self.name.clone_from(n);
        }
        if let (Some(d), true) = (&cleared.date, self.date.is_empty()) {
            self.date.clone_from(d);
        }
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
    /// Neither method has a result (or the one the user works in has none yet).
    Nothing,
    /// The method the user picked has no result.
    Picked(Side),
    /// Both methods were picked, but they are more than 2× apart.
    Disagree,
}

/// The current estimate of a calculation whose methods evaluated to `one` and `two` (FLOP).
/// Picked: that method, or both when they agree within 2×. By default: the method last edited;
/// a method that still holds a worked example's untouched inputs only counts when the other
/// holds nothing of the user's; with both counting and neither edited, both when they agree,
/// else Method 1.
pub fn current(
    c: &Calculation,
    one: Option<Value>,
    two: Option<Value>,
    filled: [bool; 2],
) -> Result<Current, NoCurrent> {
    let of = |s: Side| if s == Side::One { one } else { two };
    let picked = |source, flop: Option<Value>, s| flop.map(|flop| Current { source, flop, picked: true }).ok_or(s);
    let both = || {
        let (a, b) = (one?, two?);
        let agree = compare(a.mid(), b.mid()).is_some_and(|x| x.verdict == Verdict::Within2x);
        agree.then(|| Value { lo: (a.lo * b.lo).sqrt(), hi: (a.hi * b.hi).sqrt(), dim: Dim::OPS })
    };
    match c.basis {
        Basis::One => return picked(Source::One, one, NoCurrent::Picked(Side::One)),
        Basis::Two => return picked(Source::Two, two, NoCurrent::Picked(Side::Two)),
        Basis::Both => return picked(Source::Both, both(), NoCurrent::Disagree),
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
        ([], _) => Err(NoCurrent::Nothing),
        ([s], _) => auto(source(*s), of(*s).ok_or(NoCurrent::Nothing)?),
        (_, Some(s)) if own.contains(&s) => auto(source(s), of(s).ok_or(NoCurrent::Nothing)?),
        _ => match both() {
            Some(v) => auto(Source::Both, v),
            None => auto(Source::One, one.ok_or(NoCurrent::Nothing)?),
        },
    }
}

impl Evaluation {
    /// The estimate every derived figure follows (see [`current`]).
    pub fn current(&self) -> Option<&Current> {
        self.current.as_ref().ok()
    }

    /// The method estimate behind the current one, for what needs its factors (an exercise's
    /// grade, a saved row's method): its method's, or Method 1's where both methods agree.
    pub fn headline(&self) -> Option<&crate::calc::Estimate> {
        match self.current()?.source {
            Source::One | Source::Both => self.method1.estimate(),
            Source::Two => self.method2.estimate(),
        }
    }
}

impl Source {
    /// "Method 2: GPU time", as the figures name their estimate.
    pub fn name(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                Source::One => "m1.title",
                Source::Two => "m2.title",
                Source::Both => "current.both",
            },
        )
    }

    /// "from Method 2: GPU time", beside each derived figure.
    pub fn from(self, lang: Lang) -> String {
        format!("{}{}", t(lang, "current.from"), self.name(lang))
    }
}

/// "from Method 2: GPU time", and where that method still holds a worked example, which one:
/// every derived figure says this beside itself.
pub fn named(c: &Calculation, cur: &Current, lang: Lang) -> String {
    let sides: &[Side] = match cur.source {
        Source::One => &[Side::One],
        Source::Two => &[Side::Two],
        Source::Both => &Side::BOTH,
    };
    let names: Vec<String> = sides.iter().filter_map(|s| c.example_of(*s)).map(|e| e.display_name(lang)).collect();
    let from = cur.source.from(lang);
    if names.is_empty() {
        return from;
    }
    let (open, close, sep) = if lang == Lang::Zh { ("（", "）", "、") } else { (" (", ")", ", ") };
    format!("{from}{open}{} {}{close}", t(lang, "current.example"), names.join(sep))
}

impl NoCurrent {
    pub fn message(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                NoCurrent::Nothing => "current.nothing",
                NoCurrent::Picked(Side::One) => "current.picked1",
                NoCurrent::Picked(Side::Two) => "current.picked2",
                NoCurrent::Disagree => "current.disagree",
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
                Basis::Auto => "current.auto",
                Basis::One => "m1.title",
                Basis::Two => "m2.title",
                Basis::Both => "current.both",
            },
        )
    }
}
