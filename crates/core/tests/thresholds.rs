//! Regulatory thresholds: the figures as the texts give them, and standings in words.

use aicompute::calculation::thresholds::{against, power_of_ten, Standing, THRESHOLDS};
use aicompute::text::i18n::Lang::{En, Zh};

fn standing(flop: f64, id: &str) -> Standing {
    against(flop).into_iter().find(|s| s.threshold.id == id).unwrap_or_else(|| panic!("no {id}"))
}

#[track_caller]
fn says(flop: f64, id: &str, en: &str, zh: &str) {
    let s = standing(flop, id);
    assert_eq!(s.sentence(En), en);
    assert_eq!(s.sentence(Zh), zh);
}

#[test]
fn the_thresholds() {
    let flop = |id: &str| THRESHOLDS.iter().find(|t| t.id == id).map(|t| (t.flop, t.in_force));
    // EU AI Act Art. 51(2): 10^25; EO 14110 sec. 4.2(b): 10^26, revoked January 2025;
    // California SB 53 (2025): 10^26.
    assert_eq!(flop("eu-ai-act"), Some((1e25, true)));
    assert_eq!(flop("us-eo-14110"), Some((1e26, false)));
    assert_eq!(flop("ca-sb-53"), Some((1e26, true)));
    for t in THRESHOLDS {
        assert!(t.source_url.starts_with("https://"), "{}", t.id);
        assert!(!t.note_in(En).is_empty() && !t.note_in(Zh).is_empty() && !t.name_in(Zh).is_empty());
    }
    assert!(THRESHOLDS
        .iter()
        .find(|t| t.id == "us-eo-14110")
        .unwrap()
        .note_in(En)
        .contains("Revoked on 20 January 2025"));
}

#[test]
fn llama_3_1_405b() {
    // 6ND: 6 × 405e9 parameters × 15.6e12 tokens = 3.79e25 FLOP.
    let flop = 6.0 * 405e9 * 15.6e12;
    let eu = standing(flop, "eu-ai-act");
    assert!(eu.is_above());
    assert!((eu.ratio - flop / 1e25).abs() < 1e-12);
    says(
        flop,
        "eu-ai-act",
        "3.79× the EU AI Act threshold (10²⁵ FLOP)",
        "是欧盟《人工智能法》阈值（10²⁵ FLOP）的 3.79 倍",
    );
    assert!(!standing(flop, "ca-sb-53").is_above());
    says(
        flop,
        "ca-sb-53",
        "below the California SB 53 threshold (10²⁶ FLOP): 0.38×",
        "低于加州 SB 53 法案阈值（10²⁶ FLOP）：仅为阈值的 38%",
    );
    says(
        flop,
        "us-eo-14110",
        "below the US Executive Order 14110 threshold (10²⁶ FLOP) (revoked): 0.38×",
        "低于美国第 14110 号行政令阈值（10²⁶ FLOP）（已撤销）：仅为阈值的 38%",
    );
}

#[test]
fn far_below_at_and_edge_cases() {
    // GPT-3 as Brown et al. (2020) give it: 3.14e23 FLOP = 1/32 of 10^25 (10^25 / 3.14e23 = 31.8).
    says(
        3.14e23,
        "eu-ai-act",
        "below the EU AI Act threshold (10²⁵ FLOP): 0.031×",
        "低于欧盟《人工智能法》阈值（10²⁵ FLOP）：仅为阈值的 3.1%",
    );
    // AlexNet by OpenAI's figure, 0.0058 pfs-days × 8.64e19 = 5.0e17 FLOP: 1/20,000,000 of 10^25.
    says(
        0.0058 * 8.64e19,
        "eu-ai-act",
        "below the EU AI Act threshold (10²⁵ FLOP): 5 × 10^-8 of it",
        "低于欧盟《人工智能法》阈值（10²⁵ FLOP）：仅为阈值的 5 × 10^-8",
    );
    says(
        2e21,
        "eu-ai-act",
        "below the EU AI Act threshold (10²⁵ FLOP): 1/5,000 of it",
        "低于欧盟《人工智能法》阈值（10²⁵ FLOP）：仅为阈值的 1/5,000",
    );
    // "More than" 10^25: exactly 10^25 is not above.
    let at = standing(1e25, "eu-ai-act");
    assert!(!at.is_above());
    assert_eq!(at.sentence(En), "exactly the EU AI Act threshold (10²⁵ FLOP), not above it");
    assert_eq!(at.sentence(Zh), "恰好等于欧盟《人工智能法》阈值（10²⁵ FLOP），未超过");
    assert!(against(0.0).is_empty() && against(f64::NAN).is_empty() && against(f64::INFINITY).is_empty());
    assert_eq!(against(1e24).len(), THRESHOLDS.len());
    assert_eq!(power_of_ten(1e26), "10²⁶");
    assert_eq!(power_of_ten(3e25), "3 × 10^25");
}
