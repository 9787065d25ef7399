//! Regulatory compute thresholds, each with its source, and where an estimate stands against
//! them, in words in both languages.

use crate::text::format::{readable, round_sig, sci};
use crate::text::i18n::{tr, Lang};

/// A training-compute threshold set by a law or an order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Threshold {
    pub id: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    /// Training compute in FLOP (integer or floating-point operations).
    pub flop: f64,
    /// Whether the rule still applies.
    pub in_force: bool,
    pub source_url: &'static str,
    pub note_en: &'static str,
    pub note_zh: &'static str,
}

/// The thresholds, lowest first.
pub const THRESHOLDS: &[Threshold] = &[
    Threshold {
        id: "eu-ai-act",
        name_en: "EU AI Act",
        name_zh: "欧盟《人工智能法》",
        flop: 1e25,
        in_force: true,
        source_url: "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        note_en: "Regulation (EU) 2024/1689, Article 51(2): a general-purpose AI model trained with more than 10^25 FLOP is presumed to have high-impact capabilities, and so systemic risk.",
        note_zh: "第 2024/1689 号条例第 51 条第 2 款：训练算力超过 10^25 FLOP 的通用人工智能模型被推定具有高影响能力，即具有系统性风险。",
    },
    Threshold {
        id: "us-eo-14110",
        name_en: "US Executive Order 14110",
        name_zh: "美国第 14110 号行政令",
        flop: 1e26,
        in_force: false,
        source_url: "https://www.federalregister.gov/documents/2023/11/01/2023-24283/safe-secure-and-trustworthy-development-and-use-of-artificial-intelligence",
        note_en: "Executive Order 14110 (30 October 2023), section 4.2(b): developers of models trained with more than 10^26 operations had to report them. Revoked on 20 January 2025.",
        note_zh: "第 14110 号行政令（2023 年 10 月 30 日）第 4.2(b) 节：训练运算量超过 10^26 次的模型须向政府报告。该行政令已于 2025 年 1 月 20 日撤销。",
    },
    Threshold {
        id: "ca-sb-53",
        name_en: "California SB 53",
        name_zh: "加州 SB 53 法案",
        flop: 1e26,
        in_force: true,
        source_url: "https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=202520260SB53",
        note_en: "California SB 53, the Transparency in Frontier Artificial Intelligence Act (signed 29 September 2025): a frontier model is one trained with more than 10^26 operations, fine-tuning included.",
        note_zh: "加州 SB 53 法案《前沿人工智能透明度法》（2025 年 9 月 29 日签署）：训练运算量（含微调）超过 10^26 次的模型为前沿模型。",
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
pub fn power_of_ten(v: f64) -> String {
    let e = v.log10().round();
    if v > 0.0 && 10f64.powi(e as i32) == v {
        let digits: String = format!("{}", e as i32)
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

    /// The standing in words: "3.79× the EU AI Act threshold (10²⁵ FLOP)", "below the … : 0.38×";
    /// Chinese "是欧盟《人工智能法》阈值（10²⁵ FLOP）的 3.79 倍", "低于…：仅为阈值的 38%".
    pub fn sentence(&self, lang: Lang) -> String {
        let t = self.threshold;
        let limit = power_of_ten(t.flop);
        let revoked = if t.in_force { "" } else { tr(lang, " (revoked)", "（已撤销）") };
        let (en, zh) = (
            format!("the {} threshold ({limit} FLOP){revoked}", t.name_en),
            format!("{}阈值（{limit} FLOP）{revoked}", t.name_zh),
        );
        let r = self.ratio;
        if self.is_above() {
            let x = readable(round_sig(r, 3), 3, ",");
            return tr(lang, format!("{x}× {en}"), format!("是{zh}的 {x} 倍"));
        }
        if r == 1.0 {
            return tr(lang, format!("exactly {en}, not above it"), format!("恰好等于{zh}，未超过"));
        }
        if r >= 0.01 {
            let x = readable(round_sig(r, 2), 2, ",");
            let pct = readable(round_sig(r * 100.0, 2), 2, ",");
            return tr(lang, format!("below {en}: {x}×"), format!("低于{zh}：仅为阈值的 {pct}%"));
        }
        if 1.0 / r < 1e6 {
            let n = readable(round_sig(1.0 / r, 2), 2, ",");
            return tr(lang, format!("below {en}: 1/{n} of it"), format!("低于{zh}：仅为阈值的 1/{n}"));
        }
        // A fraction, not a percent of a power of ten ("4.9 × 10⁻⁶%" reads badly in either).
        let x = sci(r, 2);
        tr(lang, format!("below {en}: {x} of it"), format!("低于{zh}：仅为阈值的 {x}"))
    }
}
