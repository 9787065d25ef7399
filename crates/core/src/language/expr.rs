//! Field expressions: numbers, SI suffixes, `%`, `+ - * / ^`, parentheses, `sqrt()`, units of
//! time and of operations, and ranges `a..b`. Parsing and evaluation happen in one recursive
//! descent; every value is an interval `[lo, hi]` with a dimension, so ranges flow through the
//! arithmetic. Errors carry the character span of the offending text.

use crate::calculation::field::{excerpt, EXCERPT_CHARS};
use crate::language::units::{DAY, HOUR, MINUTE, PFS_DAY, YEAR};
use crate::say;
use crate::text::i18n::{t, Key, Lang};
use crate::text::num::{len_f64, to_i8};
use std::fmt;

/// A physical dimension: FLOP^ops · s^time · W^power. A plain count is `{0, 0, 0}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dim {
    pub ops: i8,
    pub time: i8,
    pub power: i8,
}

impl Dim {
    pub const COUNT: Dim = Dim { ops: 0, time: 0, power: 0 };
    pub const OPS: Dim = Dim { ops: 1, time: 0, power: 0 };
    pub const TIME: Dim = Dim { ops: 0, time: 1, power: 0 };
    pub const RATE: Dim = Dim { ops: 1, time: -1, power: 0 };
    /// A power, in watts.
    pub const POWER: Dim = Dim { ops: 0, time: 0, power: 1 };

    fn mul(self, o: Dim) -> Dim {
        Dim {
            ops: self.ops.saturating_add(o.ops),
            time: self.time.saturating_add(o.time),
            power: self.power.saturating_add(o.power),
        }
    }
    fn div(self, o: Dim) -> Dim {
        Dim {
            ops: self.ops.saturating_sub(o.ops),
            time: self.time.saturating_sub(o.time),
            power: self.power.saturating_sub(o.power),
        }
    }
    fn pow(self, n: i8) -> Dim {
        Dim { ops: self.ops.saturating_mul(n), time: self.time.saturating_mul(n), power: self.power.saturating_mul(n) }
    }

    /// What a person calls this dimension, for messages.
    pub fn describe(self, lang: Lang) -> String {
        let named = match self {
            Dim::COUNT => Some(Key::LanguageDimCount),
            Dim::OPS => Some(Key::LanguageDimOps),
            Dim::TIME => Some(Key::LanguageDimTime),
            Dim::RATE => Some(Key::LanguageDimRate),
            Dim::POWER => Some(Key::LanguageDimPower),
            _ => None,
        };
        if let Some(key) = named {
            return t(lang, key).to_string();
        }
        let mut parts = Vec::new();
        for (unit, n) in [("FLOP", self.ops), ("s", self.time), ("W", self.power)] {
            if n != 0 {
                parts.push(if n == 1 { unit.to_string() } else { format!("{unit}^{n}") });
            }
        }
        say!(lang, Key::LanguageDimOther, units = parts.join("·"))
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
    pub(crate) fn with_dim(v: f64, dim: Dim) -> Value {
        Value { lo: v, hi: v, dim }
    }
    /// A single number or a range "a–b", each end written by `f`.
    pub fn show(self, f: impl Fn(f64) -> String) -> String {
        if self.is_range() {
            format!("{}–{}", f(self.lo), f(self.hi))
        } else {
            f(self.lo)
        }
    }

    #[allow(
        clippy::float_cmp,
        reason = "exact on purpose: a range whose two ends are the same number is a single value"
    )]
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

/// Whether an interval excludes zero.
fn nonzero(v: Value) -> bool {
    v.lo > 0.0 || v.hi < 0.0
}

fn min4(c: [f64; 4]) -> f64 {
    c.iter().copied().fold(f64::INFINITY, f64::min)
}
fn max4(c: [f64; 4]) -> f64 {
    c.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

/// What went wrong in an expression, with what the message needs.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Empty,
    TooLong {
        max: usize,
    },
    TooDeep,
    NotANumber {
        text: String,
    },
    /// A number written in hexadecimal (`0x10`), which would read as 0 × 10; `decimal` is its
    /// value where it fits 2^53.
    Hex {
        text: String,
        decimal: Option<u64>,
    },
    UnknownSuffix {
        text: String,
        suffix: String,
    },
    NotAllowed {
        ch: char,
    },
    NotReal {
        text: String,
    },
    /// Above the largest finite double (about 1.8 × 10^308).
    TooLarge {
        text: String,
    },
    /// Below the smallest normal double (about 2.2 × 10^-308), but not zero.
    TooSmall {
        text: String,
    },
    RangeEndsDiffer {
        text: String,
        low: Dim,
        high: Dim,
    },
    NestedRange,
    HighToLow {
        text: String,
    },
    Mismatch {
        add: bool,
        left: Dim,
        right: Dim,
    },
    DivideByZero {
        text: String,
    },
    NeedsOperator {
        text: String,
    },
    ExponentNotPlain {
        text: String,
        dim: Dim,
    },
    WholePowerOnly {
        text: String,
    },
    NotClosed {
        position: usize,
    },
    UnknownFunction {
        name: String,
    },
    RootOfNegative {
        text: String,
    },
    RootOfDim {
        dim: Dim,
    },
    UnknownUnit {
        word: String,
    },
    NotANumberOrUnit {
        text: String,
    },
    EndsEarly,
    RangeNeedsSides,
    Unexpected {
        text: String,
    },
    Unmatched,
}

/// An error with the character span `[start, end)` of the text it is about.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprError {
    pub kind: ExprKind,
    pub start: usize,
    pub end: usize,
}

impl ExprError {
    pub fn message(&self, lang: Lang) -> String {
        self.kind.message(lang)
    }
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl ExprKind {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use ExprKind::*;
        let d = |x: &Dim| x.describe(lang);
        let fixed = |key: Key| t(lang, key).to_string();
        match self {
            Empty => fixed(Key::LanguageExprEmpty),
            TooLong { max } => {
                say!(lang, Key::LanguageExprTooLong, max = crate::text::format::grouped(len_f64(*max), 0, ","))
            }
            TooDeep => fixed(Key::LanguageExprTooDeep),
            NotANumber { text } => say!(lang, Key::LanguageExprNotANumber, text = text),
            Hex { text, decimal: Some(d) } => say!(lang, Key::LanguageExprHex, d = d, text = text),
            Hex { text, decimal: None } => say!(lang, Key::LanguageExprHexPlain, text = text),
            UnknownSuffix { text, suffix } => say!(lang, Key::LanguageExprUnknownSuffix, suffix = suffix, text = text),
            NotAllowed { ch } => say!(lang, Key::LanguageExprNotAllowed, ch = ch),
            NotReal { text } => say!(lang, Key::LanguageExprNotReal, text = text),
            TooLarge { text } => say!(lang, Key::LanguageExprTooLarge, text = text),
            TooSmall { text } => say!(lang, Key::LanguageExprTooSmall, text = text),
            RangeEndsDiffer { text, low, high } => {
                say!(lang, Key::LanguageExprRangeEndsDiffer, low = d(low), high = d(high), text = text)
            }
            NestedRange => fixed(Key::LanguageExprNestedRange),
            HighToLow { text } => say!(lang, Key::LanguageExprHighToLow, text = text),
            Mismatch { add, left, right } => {
                let key = if *add { Key::LanguageExprCannotAdd } else { Key::LanguageExprCannotSubtract };
                say!(lang, key, left = d(left), right = d(right))
            }
            DivideByZero { text } => say!(lang, Key::LanguageExprDivideByZero, text = text),
            NeedsOperator { text } => say!(lang, Key::LanguageExprNeedsOperator, text = text),
            ExponentNotPlain { text, dim } => say!(lang, Key::LanguageExprExponentNotPlain, dim = d(dim), text = text),
            WholePowerOnly { text } => say!(lang, Key::LanguageExprWholePowerOnly, text = text),
            NotClosed { position } => say!(lang, Key::LanguageExprNotClosed, position = position),
            UnknownFunction { name } => say!(lang, Key::LanguageExprUnknownFunction, name = name),
            RootOfNegative { text } => say!(lang, Key::LanguageExprRootOfNegative, text = text),
            RootOfDim { dim } => say!(lang, Key::LanguageExprRootOfDim, dim = d(dim)),
            UnknownUnit { word } => say!(lang, Key::LanguageExprUnknownUnit, word = word),
            NotANumberOrUnit { text } => {
                let unit = text.chars().count() > 1;
                let key = if unit { Key::LanguageExprNotANumberOrUnit } else { Key::LanguageExprNotANumber };
                say!(lang, key, text = text)
            }
            EndsEarly => fixed(Key::LanguageExprEndsEarly),
            RangeNeedsSides => fixed(Key::LanguageExprRangeNeedsSides),
            Unexpected { text } => say!(lang, Key::LanguageExprUnexpected, text = text),
            Unmatched => fixed(Key::LanguageExprUnmatched),
        }
    }
}

/// Multipliers written straight after a number or as a word: SI prefixes (case-sensitive) and
/// `B` for billion (the Chinese myriad and hundred million are in `INPUT_WORDS`).
pub const SUFFIXES: &[(&str, f64)] =
    &[("k", 1e3), ("K", 1e3), ("M", 1e6), ("G", 1e9), ("B", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18)];

/// The words of other languages the parser reads, as data (`data/input-words.txt`): one
/// `word = meaning` line each, the meaning a plain number or a unit word of the tables here.
const INPUT_WORDS: &str = include_str!("../../data/input-words.txt");

/// What a word of `INPUT_WORDS` means: a multiplier or a unit word; `None` for other words.
fn input_word(word: &str) -> Option<&'static str> {
    INPUT_WORDS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.split_once(" = ").filter(|(w, _)| *w == word))
        .map(|(_, m)| m)
}

/// Units of time, in seconds. A year is 365.25 days, a month a twelfth of it.
pub(crate) const TIME_UNITS: &[(&[&str], f64)] = &[
    (&["s", "sec", "secs", "second", "seconds"], 1.0),
    (&["min", "mins", "minute", "minutes"], MINUTE),
    (&["h", "hr", "hrs", "hour", "hours"], HOUR),
    (&["d", "day", "days"], DAY),
    (&["wk", "week", "weeks"], 7.0 * DAY),
    (&["mo", "month", "months"], YEAR / 12.0),
    (&["yr", "year", "years"], YEAR),
];

/// SI prefixes that may stand before FLOP, FLOPs, FLOPS and F.
const PREFIXES: &[(&str, f64)] =
    &[("k", 1e3), ("K", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18)];

fn ops_unit(word: &str) -> Option<Dim> {
    match input_word(word).unwrap_or(word) {
        "FLOP" | "FLOPs" | "flop" | "op" | "ops" => Some(Dim::OPS),
        "FLOPS" | "flops" | "FLOP/s" => Some(Dim::RATE),
        "W" | "watt" | "watts" => Some(Dim::POWER),
        _ => None,
    }
}

/// Whether a word names a petaflop/s-day, an amount of operations (10^15 FLOP/s for a day,
/// 8.64e19 FLOP), in any case: pfs-day(s), PF-day(s) (the GPT-3 paper's table), petaflop/s-day(s)
/// (its text: PetaFLOP/s-days), with `_` for `-`.
fn is_pfs_day(word: &str) -> bool {
    const NAMES: &[&str] = &["pfs-day", "pfs_day", "pf-day", "pf_day", "petaflop/s-day", "petaflop/s_day"];
    let one = word.strip_suffix(['s', 'S']).unwrap_or(word);
    NAMES.iter().any(|n| one.eq_ignore_ascii_case(n))
}

/// Looks up a unit or multiplier word: a multiplier from [`SUFFIXES`], a unit of time from
/// `TIME_UNITS`, an amount of operations (FLOP, FLOPs; GF and PF as OpenAI's appendix
/// writes them; a petaflop/s-day, `is_pfs_day`), a rate (FLOPS, FLOP/s) or a power (W, kW,
/// MW), each with an optional SI prefix.
pub fn unit(word: &str) -> Option<Value> {
    if let Some(meaning) = input_word(word) {
        return meaning.parse().ok().map(Value::num).or_else(|| unit(meaning));
    }
    if let Some((_, k)) = SUFFIXES.iter().find(|(s, _)| *s == word) {
        return Some(Value::num(*k));
    }
    if let Some((_, s)) = TIME_UNITS.iter().find(|(names, _)| names.contains(&word)) {
        return Some(Value::with_dim(*s, Dim::TIME));
    }
    if let Some(d) = ops_unit(word) {
        return Some(Value::with_dim(1.0, d));
    }
    if is_pfs_day(word) {
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
    // ASCII letters and CJK ideographs (the Chinese words of units and multipliers).
    c.is_ascii_alphabetic() || c == '_' || ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Where the word starting at `start` ends. Besides word characters, a word takes the `/s` of
/// `FLOP/s`, the `-day`/`-days` of `pfs-days` and `PF-days` and the `/s-day(s)` of
/// `petaflop/s-days`, when nothing word-like follows (so `pfs - days` stays a subtraction).
fn word_end(chars: &[char], start: usize) -> usize {
    let mut pos = start;
    while pos < chars.len() && is_word_char(chars[pos]) {
        pos += 1;
    }
    let word: String = chars[start..pos].iter().collect();
    let tails: &[&str] = match word.to_ascii_lowercase().as_str() {
        "petaflop" => &["/s-days", "/s-day", "/s"],
        "pfs" | "pf" => &["-days", "-day"],
        _ if word.ends_with("FLOP") => &["/s"],
        _ => &[],
    };
    // A tail in any case (PF-Days), then nothing word-like.
    for tail in tails {
        let end = pos + tail.len();
        let Some(got) = chars.get(pos..end) else { continue };
        let same = got.iter().zip(tail.chars()).all(|(a, b)| a.to_ascii_lowercase() == b);
        if same && !chars.get(end).is_some_and(|c| is_word_char(*c)) {
            return end;
        }
    }
    pos
}

/// The digit of a superscript character: '¹' -> 1.
fn superscript_digit(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// An exponent written in superscripts at `start` (`10¹⁷`, `10⁻³`, as the page shows them): pushes
/// `^`, its sign and its number, and returns where it ends; `None` where none starts here.
fn superscript(chars: &[char], start: usize, out: &mut Vec<Token>) -> Result<Option<usize>, ExprError> {
    let sign = match chars[start] {
        '⁻' => Some('-'),
        '⁺' => Some('+'),
        c if superscript_digit(c).is_some() => None,
        _ => return Ok(None),
    };
    let first = start + usize::from(sign.is_some());
    let digits: Vec<u32> = chars[first..].iter().map_while(|c| superscript_digit(*c)).collect();
    let end = first + digits.len();
    if digits.is_empty() {
        return Err(ExprError { kind: ExprKind::NotAllowed { ch: chars[start] }, start, end: start + 1 });
    }
    out.push(Token { tok: Tok::Op('^'), start, end: first });
    if let Some(s) = sign {
        out.push(Token { tok: Tok::Op(s), start, end: first });
    }
    let v = digits.iter().fold(0.0, |acc, d| acc * 10.0 + f64::from(*d));
    out.push(Token { tok: Tok::Num(v), start: first, end });
    Ok(Some(end))
}

/// Reads the number literal at `start` (digits with thousands separators, a fraction, an
/// exponent) and a unit or suffix written against it; pushes their tokens and returns the end.
fn number(chars: &[char], start: usize, out: &mut Vec<Token>) -> Result<usize, ExprError> {
    let n = chars.len();
    let text = |a: usize, b: usize| -> String { chars[a..b.min(n)].iter().collect() };
    let (digits, mut pos) = literal_text(chars, start);
    let literal = |kind, pos| ExprError { kind, start, end: pos };
    if let Some(end) = hex_end(chars, start, pos) {
        let hex: String = chars[start + 2..end].iter().collect();
        let decimal = u64::from_str_radix(&hex, 16).ok().filter(|v| *v <= 1 << 53);
        return Err(literal(ExprKind::Hex { text: excerpt(&text(start, end)), decimal }, end));
    }
    let v: f64 = digits.parse().map_err(|_| literal(ExprKind::NotANumber { text: excerpt(&text(start, pos)) }, pos))?;
    if !v.is_finite() {
        return Err(literal(ExprKind::TooLarge { text: excerpt(&text(start, pos)) }, pos));
    }
    let zero_digits = digits.split(['e', 'E']).next().unwrap_or("").chars().all(|c| c == '0' || c == '.');
    if (v == 0.0 && !zero_digits) || (v != 0.0 && !v.is_normal()) {
        return Err(literal(ExprKind::TooSmall { text: excerpt(&text(start, pos)) }, pos));
    }
    out.push(Token { tok: Tok::Num(v), start, end: pos });
    if pos < n && is_word_char(chars[pos]) {
        let ws = pos;
        pos = word_end(chars, pos);
        out.push(Token { tok: Tok::Word { text: text(ws, pos), attached: true }, start: ws, end: pos });
    }
    Ok(pos)
}

/// Where a hexadecimal number written as `0x1F` at `start` ends (`0` then `x` or `X` then a hex
/// digit), if one is; `pos` is where the literal `0` ends.
fn hex_end(chars: &[char], start: usize, pos: usize) -> Option<usize> {
    let is_hex = |k: usize| chars.get(k).is_some_and(char::is_ascii_hexdigit);
    if pos != start + 1 || chars[start] != '0' || !matches!(chars.get(pos), Some('x' | 'X')) || !is_hex(pos + 1) {
        return None;
    }
    Some((pos + 1..=chars.len()).find(|&k| !is_hex(k)).unwrap_or(chars.len()))
}

/// The digits of the literal at `pos` as Rust's float parser reads them (separators dropped),
/// and where the literal ends.
fn literal_text(chars: &[char], mut pos: usize) -> (String, usize) {
    let n = chars.len();
    let digit_at = |k: usize| chars.get(k).is_some_and(|d| d.is_ascii_digit());
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
    (digits, pos)
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
            pos = number(chars, pos, &mut out)?;
            continue;
        }
        if let Some(end) = superscript(chars, pos, &mut out)? {
            pos = end;
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
            _ => return Err(ExprError { kind: ExprKind::NotAllowed { ch: c }, start, end: pos }),
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
    /// The text from `a` to `b`, for a message: at most `EXCERPT_CHARS` characters of it.
    fn text(&self, a: usize, b: usize) -> String {
        let (a, b) = (a.min(self.chars.len()), b.min(self.chars.len()));
        let cut = b.min(a + EXCERPT_CHARS);
        let mut s: String = self.chars[a..cut].iter().collect();
        if cut < b {
            s.push('…');
        }
        s
    }
    fn err<T>(&self, kind: ExprKind, start: usize, end: usize) -> Result<T, ExprError> {
        Err(ExprError { kind, start, end })
    }
    fn check(&self, v: Value, start: usize, end: usize) -> Result<Value, ExprError> {
        if v.lo.is_nan() || v.hi.is_nan() {
            return self.err(ExprKind::NotReal { text: self.text(start, end) }, start, end);
        }
        if !v.lo.is_finite() || !v.hi.is_finite() {
            return self.err(ExprKind::TooLarge { text: self.text(start, end) }, start, end);
        }
        if [v.lo, v.hi].iter().any(|x| *x != 0.0 && !x.is_normal()) {
            return self.err(ExprKind::TooSmall { text: self.text(start, end) }, start, end);
        }
        Ok(v)
    }

    /// Checks the result of `*`, `/` or `^`: finite, and not rounded to zero from operands that
    /// are not zero (underflow).
    fn check_op(&self, v: Value, operands: [Value; 2], start: usize, end: usize) -> Result<Value, ExprError> {
        let v = self.check(v, start, end)?;
        if operands.iter().all(|o| nonzero(*o)) && !nonzero(v) {
            return self.err(ExprKind::TooSmall { text: self.text(start, end) }, start, end);
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
        let low = self.check(low, start, end)?;
        if low.dim != hi.v.dim {
            let kind = ExprKind::RangeEndsDiffer { text: self.text(start, end), low: low.dim, high: hi.v.dim };
            return self.err(kind, op.start, op.end);
        }
        if low.is_range() || hi.v.is_range() {
            return self.err(ExprKind::NestedRange, op.start, op.end);
        }
        if low.lo > hi.v.lo {
            return self.err(ExprKind::HighToLow { text: self.text(start, end) }, start, end);
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
                let kind = ExprKind::Mismatch { add: op == '+', left: acc.v.dim, right: rhs.v.dim };
                return self.err(kind, t.start, t.end);
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
                    let v = if op == '*' {
                        acc.times(rhs)
                    } else {
                        if !nonzero(rhs) {
                            return self.err(ExprKind::DivideByZero { text: self.text(start, end) }, t.start, end);
                        }
                        let c = [acc.lo / rhs.lo, acc.lo / rhs.hi, acc.hi / rhs.lo, acc.hi / rhs.hi];
                        Value { lo: min4(c), hi: max4(c), dim: acc.dim.div(rhs.dim) }
                    };
                    acc = self.check_op(v, [acc, rhs], start, end)?;
                    trailing = None;
                }
                Tok::Word { text, .. } if text == "x" => {
                    // 84x84x3: "x" between numbers multiplies.
                    self.bump();
                    let rhs = self.unary()?;
                    let end = self.toks[self.i.saturating_sub(1)].end;
                    acc = self.check_op(acc.times(rhs), [acc, rhs], start, end)?;
                    trailing = None;
                }
                Tok::Word { text, .. } if self.next_is_not_call() => {
                    let Some(u) = unit(text) else {
                        return self.err(ExprKind::UnknownUnit { word: excerpt(text) }, t.start, t.end);
                    };
                    self.bump();
                    acc = self.check_op(acc.times(u), [acc, u], start, t.end)?;
                    trailing = Some(trailing.map_or(u, |p| p.times(u)));
                }
                Tok::Num(_) | Tok::Op('(') | Tok::Word { .. } => {
                    return self.err(ExprKind::NeedsOperator { text: self.text(t.start, t.end) }, t.start, t.end)
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
            return self.err(ExprKind::TooDeep, t.start, t.end);
        }
        let es = self.peek().start;
        let exp = self.unary()?;
        self.depth -= 1;
        let end = self.toks[self.i.saturating_sub(1)].end;
        if exp.dim != Dim::COUNT {
            return self.err(ExprKind::ExponentNotPlain { text: self.text(es, end), dim: exp.dim }, es, end);
        }
        let mut dim = Dim::COUNT;
        if base.dim != Dim::COUNT {
            let n = exp.lo;
            if exp.is_range() || n.fract() != 0.0 || n.abs() > 8.0 {
                return self.err(ExprKind::WholePowerOnly { text: self.text(start, end) }, start, end);
            }
            dim = base.dim.pow(to_i8(n));
        }
        let c = [base.lo.powf(exp.lo), base.lo.powf(exp.hi), base.hi.powf(exp.lo), base.hi.powf(exp.hi)];
        // A negative base to a fractional power, at either end of a range (min4 and max4 would
        // pass over the NaN and report the other ends, or infinities).
        if c.iter().any(|x| x.is_nan()) {
            return self.err(ExprKind::NotReal { text: self.text(start, end) }, start, end);
        }
        let v = Value { lo: min4(c), hi: max4(c), dim };
        self.check_op(v, [base, Value::num(1.0)], start, end)
    }

    fn postfix(&mut self) -> Result<Value, ExprError> {
        let start = self.peek().start;
        let mut v = self.primary()?;
        while self.peek().tok == Tok::Op('%') {
            let t = self.bump();
            v = self.check_op(v.scale(0.01), [v, Value::num(1.0)], start, t.end)?;
        }
        Ok(v)
    }

    fn primary(&mut self) -> Result<Value, ExprError> {
        let t = self.bump();
        match t.tok {
            Tok::Num(v) => self.number(v, &t),
            Tok::Op('(') => {
                let v = self.nested(&t, Self::range)?;
                self.close(&t)?;
                Ok(v)
            }
            Tok::Word { ref text, .. } if self.peek().tok == Tok::Op('(') => self.call(text, &t),
            Tok::Word { ref text, .. } => match unit(text) {
                // A unit on its own: "FLOPS", "d".
                Some(u) => Ok(u),
                None => self.err(ExprKind::NotANumberOrUnit { text: excerpt(text) }, t.start, t.end),
            },
            Tok::End if self.toks.len() == 1 => self.err(ExprKind::Empty, t.start, t.start),
            Tok::End => self.err(ExprKind::EndsEarly, t.start, t.start),
            Tok::Range => self.err(ExprKind::RangeNeedsSides, t.start, t.end),
            Tok::Op(c) => self.err(ExprKind::Unexpected { text: c.to_string() }, t.start, t.end),
        }
    }

    /// A number, with the suffix written straight after it: 1.2M, 5d, 8.5TFLOPS.
    fn number(&mut self, v: f64, t: &Token) -> Result<Value, ExprError> {
        let Tok::Word { text, attached: true } = self.peek().tok.clone().filter_x() else {
            return Ok(Value::num(v));
        };
        let w = self.bump();
        let Some(u) = unit(&text) else {
            let kind = ExprKind::UnknownSuffix { text: self.text(t.start, w.end), suffix: excerpt(&text) };
            return self.err(kind, t.start, w.end);
        };
        self.check_op(Value::num(v).times(u), [Value::num(v), u], t.start, w.end)
    }

    /// Runs `inner` one level deeper, refusing to nest past [`MAX_DEPTH`].
    fn nested(&mut self, t: &Token, inner: fn(&mut Self) -> Result<Value, ExprError>) -> Result<Value, ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.err(ExprKind::TooDeep, t.start, t.end);
        }
        let v = inner(self)?;
        self.depth -= 1;
        Ok(v)
    }

    /// Expects the ')' that closes the '(' at `open`; returns its end.
    fn close(&mut self, open: &Token) -> Result<usize, ExprError> {
        let close = self.bump();
        if close.tok != Tok::Op(')') {
            return self.err(ExprKind::NotClosed { position: open.start + 1 }, open.start, close.end.max(open.end));
        }
        Ok(close.end)
    }

    /// `sqrt(…)`, the one function.
    fn call(&mut self, name: &str, t: &Token) -> Result<Value, ExprError> {
        if name != "sqrt" {
            return self.err(ExprKind::UnknownFunction { name: excerpt(name) }, t.start, t.end);
        }
        let open = self.bump();
        let arg = self.nested(t, Self::range)?;
        let end = self.close(&open)?;
        if arg.lo < 0.0 {
            return self.err(ExprKind::RootOfNegative { text: self.text(t.start, end) }, t.start, end);
        }
        if arg.dim.ops % 2 != 0 || arg.dim.time % 2 != 0 || arg.dim.power % 2 != 0 {
            return self.err(ExprKind::RootOfDim { dim: arg.dim }, t.start, end);
        }
        let dim = Dim { ops: arg.dim.ops / 2, time: arg.dim.time / 2, power: arg.dim.power / 2 };
        Ok(Value { lo: arg.lo.sqrt(), hi: arg.hi.sqrt(), dim })
    }
}

/// The longest expression a field takes, in characters: every field's limit,
/// [`crate::calculation::field::MAX_CHARS`].
pub const MAX_LEN: usize = crate::calculation::field::MAX_CHARS;

/// The half-width form of a full-width character, as a Chinese input method types digits,
/// `％`, `．` and brackets (U+FF01–U+FF5E to U+0021–U+007E, the ideographic space to a space);
/// one character for one, so error spans stay where the user typed.
fn half_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    }
}

/// Parses and evaluates an expression (full-width digits and signs read as half-width). The
/// value is finite, with its ends in order.
///
/// # Errors
///
/// An [`ExprError`] with its kind and character span: the text is longer than `MAX_LEN`, does not
/// parse, adds or compares unlike units, or its value is not finite.
pub fn eval(input: &str) -> Result<Value, ExprError> {
    let chars: Vec<char> = input.chars().take(MAX_LEN + 1).map(half_width).collect();
    if chars.len() > MAX_LEN {
        let end = input.chars().count();
        return Err(ExprError { kind: ExprKind::TooLong { max: MAX_LEN }, start: MAX_LEN, end });
    }
    let toks = tokenize(&chars)?;
    let mut p = Parser { chars: &chars, toks, i: 0, depth: 0 };
    let v = p.range()?;
    let t = p.peek().clone();
    match t.tok {
        Tok::End => Ok(v),
        Tok::Op(')') => p.err(ExprKind::Unmatched, t.start, t.end),
        _ => p.err(ExprKind::Unexpected { text: p.text(t.start, t.end) }, t.start, t.end),
    }
}

impl std::error::Error for ExprError {}
