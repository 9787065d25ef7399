//! Field expressions: numbers, SI suffixes, `%`, `+ - * / ^`, parentheses, `sqrt()`, units of
//! time and of operations, and ranges `a..b`. Parsing and evaluation happen in one recursive
//! descent; every value is an interval `[lo, hi]` with a dimension, so ranges flow through the
//! arithmetic. Errors carry the character span of the offending text.

use crate::units::{DAY, HOUR, MINUTE, PFS_DAY, YEAR};
use std::fmt;

/// A physical dimension: FLOP^ops · s^time. A plain count is `{0, 0}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dim {
    pub ops: i8,
    pub time: i8,
}

impl Dim {
    pub const COUNT: Dim = Dim { ops: 0, time: 0 };
    pub const OPS: Dim = Dim { ops: 1, time: 0 };
    pub const TIME: Dim = Dim { ops: 0, time: 1 };
    pub const RATE: Dim = Dim { ops: 1, time: -1 };

    fn mul(self, o: Dim) -> Dim {
        Dim { ops: self.ops.saturating_add(o.ops), time: self.time.saturating_add(o.time) }
    }
    fn div(self, o: Dim) -> Dim {
        Dim { ops: self.ops.saturating_sub(o.ops), time: self.time.saturating_sub(o.time) }
    }
    fn pow(self, n: i8) -> Dim {
        Dim { ops: self.ops.saturating_mul(n), time: self.time.saturating_mul(n) }
    }

    /// What a person calls this dimension, for messages.
    pub fn describe(self) -> String {
        match self {
            Dim::COUNT => "a plain number".into(),
            Dim::OPS => "a number of operations (FLOP)".into(),
            Dim::TIME => "a time".into(),
            Dim::RATE => "a rate (FLOP/s)".into(),
            Dim { ops, time } => {
                let mut parts = Vec::new();
                if ops != 0 {
                    parts.push(if ops == 1 { "FLOP".to_string() } else { format!("FLOP^{ops}") });
                }
                if time != 0 {
                    parts.push(if time == 1 { "s".to_string() } else { format!("s^{time}") });
                }
                format!("a quantity in {}", parts.join("·"))
            }
        }
    }
}

/// A value: the interval `[lo, hi]` (equal ends for a single number) in base units
/// (FLOP, seconds), with its dimension.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Value {
    pub lo: f64,
    pub hi: f64,
    pub dim: Dim,
}

impl Value {
    pub fn num(v: f64) -> Value {
        Value { lo: v, hi: v, dim: Dim::COUNT }
    }
    pub fn with_dim(v: f64, dim: Dim) -> Value {
        Value { lo: v, hi: v, dim }
    }
    pub fn is_range(&self) -> bool {
        self.lo != self.hi
    }
    /// The central value of a range: the geometric mean of its ends when both are positive
    /// (ranges of compute spread over orders of magnitude), else the arithmetic mean.
    pub fn mid(&self) -> f64 {
        if !self.is_range() {
            self.lo
        } else if self.lo > 0.0 {
            (self.lo * self.hi).sqrt()
        } else {
            (self.lo + self.hi) / 2.0
        }
    }
    /// Multiplies two values (interval arithmetic; dimensions add).
    pub fn times(self, o: Value) -> Value {
        let c = [self.lo * o.lo, self.lo * o.hi, self.hi * o.lo, self.hi * o.hi];
        Value { lo: min4(c), hi: max4(c), dim: self.dim.mul(o.dim) }
    }
    /// Scales by a plain factor.
    pub fn scale(self, k: f64) -> Value {
        self.times(Value::num(k))
    }
}

fn min4(c: [f64; 4]) -> f64 {
    c.iter().copied().fold(f64::INFINITY, f64::min)
}
fn max4(c: [f64; 4]) -> f64 {
    c.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

/// An error with the character span `[start, end)` of the text it is about.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprError {
    pub message: String,
    pub start: usize,
    pub end: usize,
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Multipliers written straight after a number or as a word: SI prefixes (case-sensitive),
/// `B` for billion, and the Chinese 万 (10^4) and 亿 (10^8).
pub const SUFFIXES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("K", 1e3),
    ("M", 1e6),
    ("G", 1e9),
    ("B", 1e9),
    ("T", 1e12),
    ("P", 1e15),
    ("E", 1e18),
    ("万", 1e4),
    ("亿", 1e8),
];

/// Units of time, in seconds. A year is 365.25 days, a month a twelfth of it.
pub const TIME_UNITS: &[(&[&str], f64)] = &[
    (&["s", "sec", "secs", "second", "seconds", "秒"], 1.0),
    (&["min", "mins", "minute", "minutes", "分钟"], MINUTE),
    (&["h", "hr", "hrs", "hour", "hours", "小时"], HOUR),
    (&["d", "day", "days", "天"], DAY),
    (&["wk", "week", "weeks", "周"], 7.0 * DAY),
    (&["mo", "month", "months", "个月"], YEAR / 12.0),
    (&["yr", "year", "years", "年"], YEAR),
];

/// SI prefixes that may stand before FLOP, FLOPs, FLOPS and F.
const PREFIXES: &[(&str, f64)] =
    &[("k", 1e3), ("K", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18)];

fn ops_unit(word: &str) -> Option<Dim> {
    match word {
        "FLOP" | "FLOPs" | "flop" | "op" | "ops" => Some(Dim::OPS),
        "FLOPS" | "flops" | "FLOP/s" => Some(Dim::RATE),
        _ => None,
    }
}

/// The names of a petaflop/s-day, an amount of operations: 10^15 FLOP/s for a day, 8.64e19 FLOP.
pub const PFS_DAY_UNITS: &[&str] =
    &["pfs-day", "pfs-days", "pfs_day", "pfs_days", "PFS-day", "PFS-days", "petaflop/s-day", "petaflop/s-days"];

/// Looks up a unit or multiplier word: a multiplier from [`SUFFIXES`], a unit of time from
/// [`TIME_UNITS`], or an amount of operations (FLOP, FLOPs; GF and PF as OpenAI's appendix
/// writes them; a petaflop/s-day, [`PFS_DAY_UNITS`]) or a rate (FLOPS, FLOP/s), each with an
/// optional SI prefix.
pub fn unit(word: &str) -> Option<Value> {
    if let Some((_, k)) = SUFFIXES.iter().find(|(s, _)| *s == word) {
        return Some(Value::num(*k));
    }
    if let Some((_, s)) = TIME_UNITS.iter().find(|(names, _)| names.contains(&word)) {
        return Some(Value::with_dim(*s, Dim::TIME));
    }
    if let Some(d) = ops_unit(word) {
        return Some(Value::with_dim(1.0, d));
    }
    if PFS_DAY_UNITS.contains(&word) {
        return Some(Value::with_dim(PFS_DAY, Dim::OPS));
    }
    for (p, k) in PREFIXES {
        if let Some(rest) = word.strip_prefix(p) {
            let d = if rest == "F" { Some(Dim::OPS) } else { ops_unit(rest) };
            if let Some(d) = d {
                return Some(Value::with_dim(*k, d));
            }
        }
    }
    None
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(f64),
    /// A word; `attached` when it follows a number with no space (a suffix: 1.2M, 5d).
    Word {
        text: String,
        attached: bool,
    },
    Op(char),
    Range,
    End,
}

impl Tok {
    /// An attached "x" is the multiplication of 84x84x3, not a suffix.
    fn filter_x(self) -> Tok {
        match self {
            Tok::Word { text, .. } if text == "x" => Tok::End,
            t => t,
        }
    }
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    start: usize,
    end: usize,
}

fn is_word_char(c: char) -> bool {
    // ASCII letters and CJK ideographs (天, 小时, 万, 亿): all that units and suffixes use.
    c.is_ascii_alphabetic() || c == '_' || ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Where the word starting at `start` ends. Besides word characters, a word takes the `/s` of
/// `FLOP/s`, the `-day`/`-days` of `pfs-days` and the `/s-day(s)` of `petaflop/s-days`, when
/// nothing word-like follows (so `pfs - days` stays a subtraction).
fn word_end(chars: &[char], start: usize) -> usize {
    let mut pos = start;
    while pos < chars.len() && is_word_char(chars[pos]) {
        pos += 1;
    }
    let word: String = chars[start..pos].iter().collect();
    let tails: &[&str] = match word.as_str() {
        w if w.ends_with("FLOP") => &["/s"],
        "petaflop" => &["/s-days", "/s-day"],
        "pfs" | "PFS" => &["-days", "-day"],
        _ => &[],
    };
    for tail in tails {
        let t: Vec<char> = tail.chars().collect();
        let end = pos + t.len();
        if chars.get(pos..end) == Some(&t[..]) && !chars.get(end).is_some_and(|c| is_word_char(*c)) {
            return end;
        }
    }
    pos
}

fn tokenize(chars: &[char]) -> Result<Vec<Token>, ExprError> {
    let n = chars.len();
    let mut out = Vec::new();
    let mut pos = 0;
    let text = |a: usize, b: usize| -> String { chars[a..b.min(n)].iter().collect() };
    loop {
        while pos < n && chars[pos].is_whitespace() {
            pos += 1;
        }
        let start = pos;
        let Some(&c) = chars.get(pos) else {
            out.push(Token { tok: Tok::End, start, end: start });
            return Ok(out);
        };
        let digit_at = |k: usize| chars.get(k).is_some_and(|d| d.is_ascii_digit());
        if c.is_ascii_digit() || (c == '.' && digit_at(pos + 1)) {
            let mut digits = String::new();
            while pos < n {
                let c = chars[pos];
                if c.is_ascii_digit() {
                    digits.push(c);
                    pos += 1;
                } else if (c == ',' || c == '_')
                    && !digits.is_empty()
                    && (1..=3).all(|k| digit_at(pos + k))
                    && !digit_at(pos + 4)
                {
                    pos += 1; // a thousands separator: 12,000 or 12_000
                } else {
                    break;
                }
            }
            if chars.get(pos) == Some(&'.') && chars.get(pos + 1) != Some(&'.') {
                digits.push('.');
                pos += 1;
                while pos < n && chars[pos].is_ascii_digit() {
                    digits.push(chars[pos]);
                    pos += 1;
                }
            }
            // An exponent: e or E, optional sign, digits. "1.2E" alone is the exa suffix.
            if matches!(chars.get(pos), Some('e') | Some('E')) {
                let mut k = pos + 1;
                if matches!(chars.get(k), Some('+') | Some('-')) {
                    k += 1;
                }
                if digit_at(k) {
                    digits.push('e');
                    digits.extend(&chars[pos + 1..k]);
                    pos = k;
                    while pos < n && chars[pos].is_ascii_digit() {
                        digits.push(chars[pos]);
                        pos += 1;
                    }
                }
            }
            let v: f64 = digits.parse().map_err(|_| ExprError {
                message: format!("'{}' is not a number", text(start, pos)),
                start,
                end: pos,
            })?;
            out.push(Token { tok: Tok::Num(v), start, end: pos });
            if pos < n && is_word_char(chars[pos]) {
                let ws = pos;
                pos = word_end(chars, pos);
                out.push(Token { tok: Tok::Word { text: text(ws, pos), attached: true }, start: ws, end: pos });
            }
            continue;
        }
        if is_word_char(c) {
            pos = word_end(chars, pos);
            out.push(Token { tok: Tok::Word { text: text(start, pos), attached: false }, start, end: pos });
            continue;
        }
        pos += 1;
        let tok = match c {
            '.' if chars.get(pos) == Some(&'.') => {
                pos += 1;
                Tok::Range
            }
            '…' | '~' | '–' | '—' | '～' => Tok::Range,
            '+' | '-' | '*' | '/' | '^' | '(' | ')' | '%' => Tok::Op(c),
            '×' | '·' | '⋅' | '∙' => Tok::Op('*'),
            '−' => Tok::Op('-'),
            '÷' => Tok::Op('/'),
            '（' => Tok::Op('('),
            '）' => Tok::Op(')'),
            '％' => Tok::Op('%'),
            _ => {
                return Err(ExprError {
                    message: format!("'{c}' is not allowed here: use numbers, units, + - * / ^ ( ) % and .."),
                    start,
                    end: pos,
                })
            }
        };
        out.push(Token { tok, start, end: pos });
    }
}

struct Parser<'a> {
    chars: &'a [char],
    toks: Vec<Token>,
    i: usize,
    depth: usize,
}

/// The result of a product: its value, and the unit factor written at its end (for `5..6 d`).
struct Prod {
    v: Value,
    unit: Option<Value>,
}

const MAX_DEPTH: usize = 64;

impl Parser<'_> {
    fn peek(&self) -> &Token {
        &self.toks[self.i.min(self.toks.len() - 1)]
    }
    fn bump(&mut self) -> Token {
        let t = self.peek().clone();
        if self.i < self.toks.len() - 1 {
            self.i += 1;
        }
        t
    }
    fn text(&self, a: usize, b: usize) -> String {
        self.chars[a.min(self.chars.len())..b.min(self.chars.len())].iter().collect()
    }
    fn err<T>(&self, message: String, start: usize, end: usize) -> Result<T, ExprError> {
        Err(ExprError { message, start, end })
    }
    fn check(&self, v: Value, start: usize, end: usize) -> Result<Value, ExprError> {
        if v.lo.is_nan() || v.hi.is_nan() {
            return self.err(format!("'{}' is not a real number", self.text(start, end)), start, end);
        }
        if !v.lo.is_finite() || !v.hi.is_finite() {
            return self.err(format!("'{}' is too large to compute", self.text(start, end)), start, end);
        }
        Ok(v)
    }

    fn range(&mut self) -> Result<Value, ExprError> {
        let start = self.peek().start;
        let lo = self.sum()?;
        if self.peek().tok != Tok::Range {
            return Ok(lo.v);
        }
        let lo_percent = self.i > 0 && self.toks[self.i - 1].tok == Tok::Op('%');
        let op = self.bump();
        let hi = self.sum()?;
        let hi_percent = self.toks[self.i.saturating_sub(1)].tok == Tok::Op('%');
        let end = self.toks[self.i.saturating_sub(1)].end;
        let mut low = lo.v;
        if hi_percent && !lo_percent && lo.unit.is_none() && low.dim == Dim::COUNT {
            low = low.scale(0.01); // 25..50% means 25%..50%
        }
        // "5..6 d" and "25..50%": a bare low end takes the unit of the high end.
        if low.dim != hi.v.dim && low.dim == Dim::COUNT && lo.unit.is_none() {
            if let Some(u) = hi.unit {
                low = low.times(u);
            }
        }
        if low.dim != hi.v.dim {
            return self.err(
                format!(
                    "the ends of '{}' differ: {} and {}",
                    self.text(start, end),
                    low.dim.describe(),
                    hi.v.dim.describe()
                ),
                op.start,
                op.end,
            );
        }
        if low.is_range() || hi.v.is_range() {
            return self.err("a range cannot contain another range".into(), op.start, op.end);
        }
        if low.lo > hi.v.lo {
            return self.err(
                format!("the range '{}' goes from high to low: write the smaller value first", self.text(start, end)),
                start,
                end,
            );
        }
        Ok(Value { lo: low.lo, hi: hi.v.hi, dim: low.dim })
    }

    fn sum(&mut self) -> Result<Prod, ExprError> {
        let start = self.peek().start;
        let mut acc = self.product()?;
        loop {
            let t = self.peek().clone();
            let Tok::Op(op @ ('+' | '-')) = t.tok else { return Ok(acc) };
            self.bump();
            let rhs = self.product()?;
            let end = self.toks[self.i.saturating_sub(1)].end;
            if acc.v.dim != rhs.v.dim {
                return self.err(
                    format!(
                        "cannot {} {} and {}",
                        if op == '+' { "add" } else { "subtract" },
                        acc.v.dim.describe(),
                        rhs.v.dim.describe()
                    ),
                    t.start,
                    t.end,
                );
            }
            let (a, b) = (acc.v, rhs.v);
            let v = if op == '+' {
                Value { lo: a.lo + b.lo, hi: a.hi + b.hi, dim: a.dim }
            } else {
                Value { lo: a.lo - b.hi, hi: a.hi - b.lo, dim: a.dim }
            };
            acc = Prod { v: self.check(v, start, end)?, unit: rhs.unit };
        }
    }

    fn product(&mut self) -> Result<Prod, ExprError> {
        let start = self.peek().start;
        let mut acc = self.unary()?;
        let mut trailing: Option<Value> = None;
        loop {
            let t = self.peek().clone();
            match &t.tok {
                Tok::Op(op @ ('*' | '/')) => {
                    let op = *op;
                    self.bump();
                    let rhs = self.unary()?;
                    let end = self.toks[self.i.saturating_sub(1)].end;
                    acc = if op == '*' {
                        acc.times(rhs)
                    } else {
                        if rhs.lo <= 0.0 && rhs.hi >= 0.0 {
                            return self.err(format!("'{}' divides by zero", self.text(start, end)), t.start, end);
                        }
                        let c = [acc.lo / rhs.lo, acc.lo / rhs.hi, acc.hi / rhs.lo, acc.hi / rhs.hi];
                        Value { lo: min4(c), hi: max4(c), dim: acc.dim.div(rhs.dim) }
                    };
                    acc = self.check(acc, start, end)?;
                    trailing = None;
                }
                Tok::Word { text, .. } if text == "x" => {
                    // 84x84x3: "x" between numbers multiplies.
                    self.bump();
                    let rhs = self.unary()?;
                    let end = self.toks[self.i.saturating_sub(1)].end;
                    acc = self.check(acc.times(rhs), start, end)?;
                    trailing = None;
                }
                Tok::Word { text, .. } if self.next_is_not_call() => {
                    let Some(u) = unit(text) else {
                        return self.err(unknown_word(text), t.start, t.end);
                    };
                    self.bump();
                    acc = self.check(acc.times(u), start, t.end)?;
                    trailing = Some(trailing.map_or(u, |p| p.times(u)));
                }
                Tok::Num(_) | Tok::Op('(') | Tok::Word { .. } => {
                    return self.err(
                        format!("'{}' needs an operator (such as *) before it", self.text(t.start, t.end)),
                        t.start,
                        t.end,
                    )
                }
                _ => return Ok(Prod { v: acc, unit: trailing }),
            }
        }
    }

    fn next_is_not_call(&self) -> bool {
        !matches!(self.toks.get(self.i + 1).map(|t| &t.tok), Some(Tok::Op('(')))
    }

    fn unary(&mut self) -> Result<Value, ExprError> {
        let t = self.peek().clone();
        match t.tok {
            Tok::Op('-') => {
                self.bump();
                let v = self.unary()?;
                Ok(Value { lo: -v.hi, hi: -v.lo, dim: v.dim })
            }
            Tok::Op('+') => {
                self.bump();
                self.unary()
            }
            _ => self.power(),
        }
    }

    fn power(&mut self) -> Result<Value, ExprError> {
        let start = self.peek().start;
        let base = self.postfix()?;
        let t = self.peek().clone();
        if t.tok != Tok::Op('^') {
            return Ok(base);
        }
        self.bump();
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.err("the expression nests too deeply".into(), t.start, t.end);
        }
        let es = self.peek().start;
        let exp = self.unary()?;
        self.depth -= 1;
        let end = self.toks[self.i.saturating_sub(1)].end;
        if exp.dim != Dim::COUNT {
            return self.err(
                format!("the exponent '{}' must be a plain number, not {}", self.text(es, end), exp.dim.describe()),
                es,
                end,
            );
        }
        let mut dim = Dim::COUNT;
        if base.dim != Dim::COUNT {
            let n = exp.lo;
            if exp.is_range() || n.fract() != 0.0 || n.abs() > 8.0 {
                return self.err(
                    format!("'{}': a quantity with a unit can only be raised to a whole power", self.text(start, end)),
                    start,
                    end,
                );
            }
            dim = base.dim.pow(n as i8);
        }
        let c = [base.lo.powf(exp.lo), base.lo.powf(exp.hi), base.hi.powf(exp.lo), base.hi.powf(exp.hi)];
        let v = Value { lo: min4(c), hi: max4(c), dim };
        self.check(v, start, end)
    }

    fn postfix(&mut self) -> Result<Value, ExprError> {
        let mut v = self.primary()?;
        while self.peek().tok == Tok::Op('%') {
            self.bump();
            v = v.scale(0.01);
        }
        Ok(v)
    }

    fn primary(&mut self) -> Result<Value, ExprError> {
        let t = self.bump();
        match t.tok {
            Tok::Num(v) => {
                // A suffix written straight after the number binds to it: 1.2M, 5d, 8.5TFLOPS.
                if let Tok::Word { text, attached: true } = self.peek().tok.clone().filter_x() {
                    let w = self.bump();
                    let Some(u) = unit(&text) else {
                        return self.err(
                            format!("'{}' is not a number: unknown suffix '{text}'", self.text(t.start, w.end)),
                            t.start,
                            w.end,
                        );
                    };
                    return self.check(Value::num(v).times(u), t.start, w.end);
                }
                Ok(Value::num(v))
            }
            Tok::Op('(') => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return self.err("the expression nests too deeply".into(), t.start, t.end);
                }
                let v = self.range()?;
                self.depth -= 1;
                let close = self.bump();
                if close.tok != Tok::Op(')') {
                    return self.err(
                        format!("'(' at position {} is not closed", t.start + 1),
                        t.start,
                        close.end.max(t.end),
                    );
                }
                Ok(v)
            }
            Tok::Word { ref text, .. } if self.peek().tok == Tok::Op('(') => {
                if text != "sqrt" && text != "√" {
                    return self.err(format!("unknown function '{text}': the one function is sqrt()"), t.start, t.end);
                }
                let open = self.bump();
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return self.err("the expression nests too deeply".into(), t.start, t.end);
                }
                let arg = self.range()?;
                self.depth -= 1;
                let close = self.bump();
                if close.tok != Tok::Op(')') {
                    return self.err(
                        format!("'(' at position {} is not closed", open.start + 1),
                        open.start,
                        close.end,
                    );
                }
                if arg.lo < 0.0 {
                    return self.err(
                        format!("'{}' is the root of a negative number", self.text(t.start, close.end)),
                        t.start,
                        close.end,
                    );
                }
                if arg.dim.ops % 2 != 0 || arg.dim.time % 2 != 0 {
                    return self.err(
                        format!("cannot take the square root of {}", arg.dim.describe()),
                        t.start,
                        close.end,
                    );
                }
                Ok(Value {
                    lo: arg.lo.sqrt(),
                    hi: arg.hi.sqrt(),
                    dim: Dim { ops: arg.dim.ops / 2, time: arg.dim.time / 2 },
                })
            }
            Tok::Word { ref text, .. } => match unit(text) {
                // A unit on its own: "FLOPS", "d".
                Some(u) => Ok(u),
                None => self.err(
                    format!(
                        "'{text}' is not a number{}",
                        if text.chars().count() > 1 { " or a known unit" } else { "" }
                    ),
                    t.start,
                    t.end,
                ),
            },
            Tok::End => self.err(
                if self.toks.len() == 1 {
                    "empty: enter a number".into()
                } else {
                    "the expression ends too early".into()
                },
                t.start,
                t.start,
            ),
            Tok::Range => self.err("'..' needs a value on each side".into(), t.start, t.end),
            Tok::Op(c) => self.err(format!("'{c}' is not expected here"), t.start, t.end),
        }
    }
}

fn unknown_word(w: &str) -> String {
    format!("unknown unit '{w}': units are s min h d wk mo yr, FLOP, FLOPS (with k M G T P E) and %")
}

/// Parses and evaluates an expression.
pub fn eval(input: &str) -> Result<Value, ExprError> {
    let chars: Vec<char> = input.chars().collect();
    if chars.len() > 500 {
        return Err(ExprError { message: "too long: at most 500 characters".into(), start: 500, end: chars.len() });
    }
    let toks = tokenize(&chars)?;
    let mut p = Parser { chars: &chars, toks, i: 0, depth: 0 };
    let v = p.range()?;
    let t = p.peek().clone();
    match t.tok {
        Tok::End => Ok(v),
        Tok::Op(')') => p.err("')' has no matching '('".into(), t.start, t.end),
        _ => p.err(format!("'{}' is not expected here", p.text(t.start, t.end)), t.start, t.end),
    }
}
