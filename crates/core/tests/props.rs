//! Property tests of the expression parser: printed values parse back to themselves, and no
//! string makes it panic.
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]
#![cfg(not(target_arch = "wasm32"))]

use aicompute::language::expr::{eval, Dim};
use aicompute::text::format::exact;
use proptest::prelude::*;

proptest! {
    #[test]
    fn printing_and_reparsing_round_trips(v in proptest::num::f64::NORMAL | proptest::num::f64::ZERO) {
        let text = exact(v);
        let got = eval(&text).unwrap_or_else(|e| panic!("{text}: {}", e.message(aicompute::text::i18n::Lang::En)));
        prop_assert_eq!(got.dim, Dim::COUNT);
        prop_assert_eq!(got.lo, v);
        prop_assert_eq!(got.hi, v);
    }

    #[test]
    fn ranges_round_trip(a in 0.0f64..1e30, b in 0.0f64..1e30) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let got = eval(&format!("{}..{}", exact(lo), exact(hi))).unwrap();
        prop_assert_eq!((got.lo, got.hi), (lo, hi));
    }

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,60}") {
        let _ = eval(&s);
    }

    #[test]
    fn arbitrary_expression_shaped_strings_never_panic(s in "[0-9.eE+*/^()%kMGTPdhs x,_-]{0,40}") {
        if let Err(e) = eval(&s) {
            prop_assert!(e.start <= e.end && e.end <= s.chars().count());
            prop_assert!(!e.message(aicompute::text::i18n::Lang::En).is_empty());
        }
    }
}
