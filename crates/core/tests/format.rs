//! Formatting is total: subnormals, the largest finite number, zero and negative zero print as
//! numbers, never NaN or inf (the fuzz test found a solved chip count of ~10^-320 shown as
//! "NaN × 10^0").
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]

use aicompute::text::format::{eng, readable, round_sig, sci};

#[test]
fn subnormals_print_as_numbers() {
    assert_eq!(sci(1e-320, 3), "1 × 10^-320");
    assert_eq!(sci(5e-324, 3), "4.94 × 10^-324");
    assert_eq!(sci(1.27533e-305, 6), "1.27533 × 10^-305");
    assert_eq!(readable(1e-320, 3, ","), "1 × 10^-320");
    // 1e-320 is stored as the subnormal 9.99988671826831e-321: six digits show it.
    assert_eq!(eng(1e-320), "9.99989 × 10^-321");
    assert_eq!(round_sig(1e-320, 2), 1e-320);
    assert_eq!(round_sig(1.234e-310, 2), 1.2e-310);
}

#[test]
fn the_largest_numbers_print_as_numbers() {
    assert_eq!(sci(f64::MAX, 3), "1.8 × 10^308");
    assert_eq!(readable(f64::MAX, 3, ","), "1.8 × 10^308");
    assert_eq!(eng(f64::MAX), "179.769 × 10^306");
    assert_eq!(round_sig(f64::MAX, 3), f64::MAX);
}

#[test]
fn zeros_print_as_zero() {
    for z in [0.0, -0.0] {
        assert_eq!(sci(z, 3), "0");
        assert_eq!(readable(z, 3, ","), "0");
        assert_eq!(eng(z), "0");
    }
}

#[test]
fn percentages() {
    assert_eq!(aicompute::text::format::percent(0.3), "30%");
    assert_eq!(aicompute::text::format::percent(0.4623), "46.2%");
    assert_eq!(aicompute::text::format::percent(1.0), "100%");
}

#[test]
fn pfs_day_conversions() {
    // 1 pfs-day = 10^15 FLOP/s × 86,400 s.
    assert_eq!(aicompute::language::units::pfs_days(8.64e19), 1.0);
    assert_eq!(aicompute::language::units::flop_of_pfs_days(2.0), 2.0 * 1e15 * 86_400.0);
}

/// Whole amounts keep all their digits below a bound and go scientific from it: never
/// hundreds of digits of rounding noise (a solved time of 10^300 FLOP at 1 FLOP/s was a
/// 301-digit number of seconds).
#[test]
fn whole_amounts_go_scientific_from_their_bound() {
    use aicompute::text::format::{digits, DIGITS_BELOW};
    assert_eq!(digits(475_200.0, DIGITS_BELOW, 6, ","), "475,200");
    assert_eq!(digits(9_999_999.0, DIGITS_BELOW, 6, ","), "9,999,999");
    assert_eq!(digits(1e7, DIGITS_BELOW, 6, ","), "1 × 10^7");
    assert_eq!(digits(11_059_200.0, DIGITS_BELOW, 6, ","), "1.10592 × 10^7");
    assert_eq!(digits(1e300, DIGITS_BELOW, 6, ","), "1 × 10^300");
    // Exact counts: all digits while a float holds them exactly (below 2^53).
    assert_eq!(aicompute::text::render::exact_count(6_738_415_616.0), "6,738,415,616");
    assert_eq!(aicompute::text::render::exact_count(9_007_199_254_740_991.0), "9,007,199,254,740,991");
    assert_eq!(aicompute::text::render::exact_count(9_007_199_254_740_992.0), "9.007 × 10^15");
    assert_eq!(aicompute::text::render::exact_count(1e200), "1 × 10^200");
}
