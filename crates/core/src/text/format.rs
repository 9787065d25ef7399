//! Number formatting shared by the CLI and the page: scientific and engineering notation as the
//! seed writes them (`1.05 × 10^19`, `11.4 × 10^9`), grouped digits (`10,506`), and the
//! shortest text that parses back to the same number.

use crate::text::i18n::{t, Key, Lang};
use crate::text::num::{nonneg_usize, sat_i32, to_i32};

/// `v` × 10^`p` in two halves, so that neither power of ten overflows (10^325 does) while the
/// product is in range: the subnormals' mantissas, below 10^-308.
fn scale10(v: f64, p: i32) -> f64 {
    let h = p / 2;
    v * 10f64.powi(h) * 10f64.powi(p - h)
}

/// Rounds to `sig` significant digits. Total: subnormals round too (their 10^p would overflow),
/// and a rounding that would overflow (1.7976931348623157e308 to 1.8e308) gives `v` back.
pub fn round_sig(v: f64, sig: u32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let e = to_i32(v.abs().log10().floor());
    let p = sat_i32(sig) - 1 - e;
    let k = 10f64.powi(p.abs());
    let r = if p > 300 {
        scale10(scale10(v, p).round(), -p)
    } else if p >= 0 {
        (v * k).round() / k
    } else {
        (v / k).round() * k
    };
    if r.is_finite() {
        r
    } else {
        v
    }
}

/// Decimal exponent and mantissa with `sig` significant digits, mantissa in [1, 10).
fn split(v: f64, sig: u32) -> (f64, i32) {
    let r = round_sig(v, sig);
    if r == 0.0 {
        return (0.0, 0);
    }
    let e = to_i32(r.abs().log10().floor());
    let m = round_sig(if e < -300 { scale10(r, -e) } else { r / 10f64.powi(e) }, sig);
    if m.abs() >= 10.0 {
        (m / 10.0, e + 1)
    } else {
        (m, e)
    }
}

/// A mantissa without trailing zeros: 1.50 -> "1.5".
fn trim(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

fn decimals_for(v: f64, sig: u32) -> usize {
    if v == 0.0 {
        return 0;
    }
    let e = to_i32(v.abs().log10().floor());
    nonneg_usize((sat_i32(sig) - 1 - e).max(0))
}

/// Digits grouped by thousands with `sep`: 10506.24 -> "10,506" (rounded to `decimals`).
pub fn grouped(v: f64, decimals: usize, sep: &str) -> String {
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        let f = f.trim_end_matches('0');
        if !f.is_empty() {
            out.push('.');
            out.push_str(f);
        }
    }
    if v < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

/// Where a whole amount stops being written digit by digit: from 10^7 of its unit it is
/// scientific, as [`readable`] writes a result, never hundreds of digits of rounding noise.
pub const DIGITS_BELOW: f64 = 1e7;

/// A whole amount with all its digits grouped below `below` ("475,200"), and from there in
/// scientific notation with `sig` significant digits ("1 × 10^300"). Seconds and chip-hours
/// use [`DIGITS_BELOW`]; exact counts (add-multiplies, parameters) 2^53, the largest whole
/// number a float holds exactly.
pub fn digits(v: f64, below: f64, sig: u32, sep: &str) -> String {
    if v.abs() < below {
        grouped(v, 0, sep)
    } else {
        sci(v, sig)
    }
}

/// Scientific notation with `sig` significant digits: "1.05 × 10^19".
pub fn sci(v: f64, sig: u32) -> String {
    if !v.is_finite() {
        // Not a result: callers refuse these first; shown as a dash, never "NaN × 10^2147483647".
        return "—".into();
    }
    let (m, e) = split(v, sig);
    if e == 0 {
        return trim(m, sig as usize - 1);
    }
    format!("{} × 10^{e}", trim(m, sig as usize - 1))
}

/// Engineering notation for inputs, as the seed writes them: plain below 10^4 ("128", "7.5",
/// "0.33"), whole numbers grouped below 10^5 ("12,800"), else a mantissa in [1, 1000) times a
/// power of ten that is a multiple of 3 ("11.4 × 10^9", "1.2 × 10^6").
pub fn eng(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let a = v.abs();
    if (1e4..1e5).contains(&a) && v.fract() == 0.0 {
        return grouped(v, 0, ",");
    }
    if (1e-3..1e4).contains(&a) {
        return trim(round_sig(v, 6), decimals_for(round_sig(v, 6), 6));
    }
    let (m, e) = split(v, 6);
    let e3 = e.div_euclid(3) * 3;
    let m3 = round_sig(m * 10f64.powi(e - e3), 6);
    format!("{} × 10^{e3}", trim(m3, decimals_for(m3, 6)))
}

/// Significant digits of a figure the user or a preset typed, as the derivation repeats it:
/// enough for what anyone types ("3.14159"), never a float's noise.
pub const TYPED_SIG: u32 = 6;
/// Significant digits of a figure the page worked out (a solved time, an architecture's count),
/// as every other result is shown.
pub const WORKED_SIG: u32 = 3;

/// A factor as the derivation shows it, in the page's one number style: digits from 0.001 up
/// to 10^5, grouped by thousands ("128", "0.33", "12,800", "3,507.3"), else normalised
/// scientific notation, a × 10^n with 1 ≤ a < 10 ("1.14 × 10^10", not the engineering
/// "11.4 × 10^9"); `sig` significant digits at most, trailing zeros dropped.
pub fn normal(v: f64, sig: u32) -> String {
    if v == 0.0 || !v.is_finite() {
        return sci(v, sig);
    }
    let r = round_sig(v, sig);
    if (1e-3..1e5).contains(&r.abs()) {
        return grouped(r, decimals_for(r, sig), ",");
    }
    sci(v, sig)
}

/// A count shown to a reader: grouped digits between 0.001 and 10^7, with `sig` significant
/// digits, scientific outside: "10,506", "0.122", "4.36 × 10^5"...
pub fn readable(v: f64, sig: u32, sep: &str) -> String {
    let a = v.abs();
    if a == 0.0 {
        return "0".into();
    }
    if (1e-3..1e7).contains(&a) {
        let r = round_sig(v, sig);
        let d = decimals_for(r, sig);
        // Integers of more digits than `sig` keep all their digits: 10,506 not 10,500.
        if a >= 10f64.powi(sat_i32(sig)) {
            return grouped(v, 0, sep);
        }
        return grouped(r, d, sep);
    }
    sci(v, sig)
}

/// The shortest text that parses back to exactly `v`: "1.2e6", "0.33", "-7e-5".
pub fn exact(v: f64) -> String {
    let plain = format!("{v}");
    let sci = format!("{v:e}");
    if plain.len() <= sci.len() {
        plain
    } else {
        sci
    }
}

const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// Writes the exponents of a text as superscripts, as textbooks do: "1.05 × 10^19" ->
/// "1.05 × 10¹⁹", "10^-3" -> "10⁻³". Only a whole exponent: `^` not followed by a whole number
/// stays, as does `^0.5`. What a message quotes of the user's input ('…' and “…”) is left as
/// typed: "'(-1)^0.5' has no real value" keeps its `^`. For the page's display; the CLI's plain
/// text keeps `^`.
pub fn superscript(text: &str) -> String {
    let cs: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < cs.len() {
        if let Some(end) = quotation_end(&cs, i) {
            out.extend(&cs[i..end]);
            i = end;
            continue;
        }
        let sign = usize::from(matches!(cs.get(i + 1), Some('-' | '−')));
        let start = (i + 1 + sign).min(cs.len());
        let digits = cs[start..].iter().take_while(|c| c.is_ascii_digit()).count();
        let fraction =
            cs.get(start + digits) == Some(&'.') && cs.get(start + digits + 1).is_some_and(char::is_ascii_digit);
        if cs[i] != '^' || digits == 0 || fraction {
            out.push(cs[i]);
            i += 1;
            continue;
        }
        if sign == 1 {
            out.push('⁻');
        }
        out.extend(cs[start..start + digits].iter().map(|c| SUPERSCRIPT_DIGITS[*c as usize - '0' as usize]));
        i = start + digits;
    }
    out
}

/// Where a quotation opening at `i` ends (past its closing mark), if one opens there: “…”, or
/// '…' opened at the start, after a space or a bracket, and closed by a `'` that no letter or
/// digit follows (so the apostrophe of "OpenAI's" opens nothing, and "'a'b'" is one quotation).
fn quotation_end(cs: &[char], i: usize) -> Option<usize> {
    match cs[i] {
        '“' => cs[i + 1..].iter().position(|c| *c == '”').map(|k| i + k + 2),
        '\'' if i == 0 || cs[i - 1].is_whitespace() || matches!(cs[i - 1], '(' | '[' | '“') => (i + 1..cs.len())
            .find(|&k| cs[k] == '\'' && !cs.get(k + 1).is_some_and(|c| c.is_alphanumeric()))
            .map(|k| k + 1),
        _ => None,
    }
}

/// A large number in Chinese units, as a Chinese reader expects in prose: 321,726 -> "32" and
/// the unit of 10^4 (2 significant digits), 3.1 × 10^8 -> "3.1" and the unit of 10^8, 2 × 10^12
/// -> "2" and the unit of 10^12 (the words: the keys `text.wan`, `text.yi`, `text.wanyi` of
/// `lang`); below 10^4 as [`readable`]; from 10^16 in scientific notation.
pub fn wan(v: f64, sig: u32, lang: Lang) -> String {
    let a = v.abs();
    let (unit, k) = match a {
        a if a < 1e4 => return readable(v, sig, ","),
        a if a < 1e8 => (Key::TextWan, 1e4),
        a if a < 1e12 => (Key::TextYi, 1e8),
        a if a < 1e16 => (Key::TextWanyi, 1e12),
        _ => return sci(v, sig),
    };
    let m = round_sig(v / k, sig);
    // 9,999.6 × 10^4 rounds up to the next unit.
    if m.abs() >= 1e4 {
        return wan(m * k, sig, lang);
    }
    format!("{} {}", trim(m, decimals_for(m, sig)), t(lang, unit))
}

/// A fraction as a percentage with up to three significant digits: 0.3 → "30%", 0.462 → "46.2%".
pub fn percent(fraction: f64) -> String {
    format!("{}%", readable(fraction * 100.0, 3, ","))
}
