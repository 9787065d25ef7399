//! Regulatory compute thresholds, each with its source, and where an estimate stands against
//! them, in words in both languages.

use crate::say;
use crate::text::format::{readable, round_sig, sci};
use crate::text::i18n::{t, Key, Lang};
use crate::text::num::to_i32;

/// A training-compute threshold set by a law or an order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Threshold {
    pub id: &'static str,
    /// The key of its name ([`Threshold::name_in`]).
    pub name: Key,
    /// Training compute in FLOP (integer or floating-point operations).
    pub flop: f64,
    /// Whether the rule still applies.
    pub in_force: bool,
    pub source_url: &'static str,
    /// The key of what the rule says, with its article ([`Threshold::note_in`]).
    pub note: Key,
}

/// The thresholds, lowest first.
pub const THRESHOLDS: &[Threshold] = &[
    Threshold {
        id: "eu-ai-act",
        name: Key::CalculationThresholdEuAiActName,
        flop: 1e25,
        in_force: true,
        source_url: "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        note: Key::CalculationThresholdEuAiActNote,
    },
    Threshold {
        id: "us-eo-14110",
        name: Key::CalculationThresholdUsEo14110Name,
        flop: 1e26,
        in_force: false,
        source_url: "https://www.federalregister.gov/documents/2023/11/01/2023-24283/safe-secure-and-trustworthy-development-and-use-of-artificial-intelligence",
        note: Key::CalculationThresholdUsEo14110Note,
    },
    Threshold {
        id: "ca-sb-53",
        name: Key::CalculationThresholdCaSb53Name,
        flop: 1e26,
        in_force: true,
        source_url: "https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=202520260SB53",
        note: Key::CalculationThresholdCaSb53Note,
    },
];

/// Where an estimate stands against one threshold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Standing {
    pub threshold: &'static Threshold,
    /// The estimate over the threshold.
    pub ratio: f64,
}

/// The estimate against every threshold; empty for a FLOP count that is not positive and
/// finite.
pub fn against(flop: f64) -> Vec<Standing> {
    if !(flop.is_finite() && flop > 0.0) {
        return Vec::new();
    }
    THRESHOLDS
        .iter()
        .filter_map(|t| {
            let ratio = flop / t.flop;
            ratio.is_finite().then_some(Standing { threshold: t, ratio })
        })
        .collect()
}

/// A power of ten with a superscript exponent ("10²⁵"); other numbers in scientific notation.
#[allow(
    clippy::float_cmp,
    reason = "exact on purpose: only a value that is exactly a power of ten gets the superscript form"
)]
pub fn power_of_ten(v: f64) -> String {
    let e = v.log10().round();
    if v > 0.0 && 10f64.powi(to_i32(e)) == v {
        let digits: String = format!("{}", to_i32(e))
            .chars()
            .map(|c| match c {
                '-' => '⁻',
                d => ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][d.to_digit(10).unwrap_or(0) as usize],
            })
            .collect();
        format!("10{digits}")
    } else {
        sci(v, 3)
    }
}

impl Standing {
    /// Above the threshold: the laws say "more than", so equal is not above.
    pub fn is_above(&self) -> bool {
        self.ratio > 1.0
    }

    /// The standing in words: "3.79× the EU AI Act threshold (10²⁵ FLOP)", "below the … : 0.38×"
    /// (in Chinese a decrease is a percent: 38%).
    #[allow(
        clippy::float_cmp,
        reason = "exact on purpose: \"exactly the threshold\" is said only when the ratio is exactly 1"
    )]
    pub fn sentence(&self, lang: Lang) -> String {
        let th = self.threshold;
        let (name, limit) = (th.name_in(lang), power_of_ten(th.flop));
        let key = if th.in_force { Key::CalculationThresholdThe } else { Key::CalculationThresholdTheRevoked };
        let threshold = say!(lang, key, name = name, limit = limit);
        let r = self.ratio;
        if self.is_above() {
            let ratio = readable(round_sig(r, 3), 3, ",");
            return say!(lang, Key::CalculationThresholdAbove, ratio = ratio, threshold = threshold);
        }
        if r == 1.0 {
            return say!(lang, Key::CalculationThresholdExactly, threshold = threshold);
        }
        if r >= 0.01 {
            return say!(lang, Key::CalculationThresholdBelow, threshold = threshold, ratio = below(r, lang));
        }
        if 1.0 / r < 1e6 {
            let n = readable(round_sig(1.0 / r, 2), 2, ",");
            return say!(lang, Key::CalculationThresholdBelowFraction, threshold = threshold, n = n);
        }
        // A fraction, not a percent of a power of ten ("4.9 × 10⁻⁶%" reads badly in either).
        say!(lang, Key::CalculationThresholdBelowTiny, threshold = threshold, ratio = sci(r, 2))
    }
}

/// A ratio below 1 as a number: a multiple (0.38×) in English; a percent (38%) in Chinese, which
/// never gives a decrease as a multiple (see the terminology of `lang/zh.txt`). A number's form,
/// not words.
fn below(r: f64, lang: Lang) -> String {
    if lang == Lang::Zh {
        format!("{}%", readable(round_sig(r * 100.0, 2), 2, ","))
    } else {
        format!("{}×", readable(round_sig(r, 2), 2, ","))
    }
}

impl Threshold {
    /// Its name in `lang` ("EU AI Act").
    pub fn name_in(&self, lang: Lang) -> &'static str {
        t(lang, self.name)
    }

    /// What the rule says, with its article, in `lang`.
    pub fn note_in(&self, lang: Lang) -> &'static str {
        t(lang, self.note)
    }
}
