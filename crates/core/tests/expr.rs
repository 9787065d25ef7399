//! Expression tests in the style of fend's: one line per case, exact values and exact error texts.
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]

use aicompute::language::expr::{eval, Dim, Value};

#[track_caller]
fn num(input: &str, want: f64) {
    let v = eval(input).unwrap_or_else(|e| panic!("{input:?}: {}", e.message(aicompute::text::i18n::Lang::En)));
    assert_eq!(v.dim, Dim::COUNT, "{input:?}");
    assert!(!v.is_range(), "{input:?} is a range");
    assert_close(v.lo, want, input);
}

#[track_caller]
fn dim(input: &str, want: f64, d: Dim) {
    let v = eval(input).unwrap_or_else(|e| panic!("{input:?}: {}", e.message(aicompute::text::i18n::Lang::En)));
    assert_eq!(v.dim, d, "{input:?}");
    assert_close(v.lo, want, input);
}

#[track_caller]
fn range(input: &str, lo: f64, hi: f64, d: Dim) {
    let v = eval(input).unwrap_or_else(|e| panic!("{input:?}: {}", e.message(aicompute::text::i18n::Lang::En)));
    assert_eq!(v.dim, d, "{input:?}");
    assert_close(v.lo, lo, input);
    assert_close(v.hi, hi, input);
}

#[track_caller]
fn error(input: &str, message: &str) {
    match eval(input) {
        Ok(v) => panic!("{input:?} gave {v:?}, expected the error {message:?}"),
        Err(e) => assert_eq!(e.message(aicompute::text::i18n::Lang::En), message, "{input:?}"),
    }
}

#[track_caller]
fn span(input: &str, start: usize, end: usize) {
    let e = eval(input).expect_err(input);
    assert_eq!((e.start, e.end), (start, end), "{input:?}: {}", e.message(aicompute::text::i18n::Lang::En));
}

#[track_caller]
fn assert_close(got: f64, want: f64, input: &str) {
    let tol = 1e-12 * want.abs().max(1e-300);
    assert!((got - want).abs() <= tol, "{input:?}: got {got:e}, want {want:e}");
}

const DAY: f64 = 86400.0;

#[test]
fn plain_numbers() {
    num("0", 0.0);
    num("128", 128.0);
    num("7.5", 7.5);
    num(".5", 0.5);
    num("1.2e6", 1.2e6);
    num("1.2E6", 1.2e6);
    num("1e-7", 1e-7);
    num("2.5e+3", 2500.0);
    num("12,000", 12000.0);
    num("1,234,567", 1234567.0);
    num("12_000", 12000.0);
    num("  42  ", 42.0);
}

#[test]
fn suffixes() {
    num("1k", 1e3);
    num("10K", 1e4);
    num("1.2M", 1.2e6);
    num("16G", 16e9);
    num("175B", 175e9);
    num("4.2T", 4.2e12);
    num("3P", 3e15);
    num("1.2E", 1.2e18);
    num("1.2 M", 1.2e6);
    num("5万", 5e4);
    num("3亿", 3e8);
    num("(348M + 304M)", 652e6);
}

#[test]
fn arithmetic() {
    num("11.4 * 10^9", 11.4 * 1e9);
    num("12000 * 3600 * 50", 12000.0 * 3600.0 * 50.0);
    num("sqrt(10 * 100)", 1000f64.sqrt());
    num("2 + 3 * 4", 14.0);
    num("(2 + 3) * 4", 20.0);
    num("2 ^ 3 ^ 2", 512.0);
    num("-2 ^ 2", -4.0);
    num("10 ^ -3", 1e-3);
    num("1280^2 * (7 * 4 + 2) * 2", 1280.0 * 1280.0 * 30.0 * 2.0);
    num("7 / 2", 3.5);
    num("10 - 4 - 3", 3.0);
    num("84x84x3", 84.0 * 84.0 * 3.0);
    num("2 × 3 · 4", 24.0);
    num("（1 + 1）", 2.0);
}

#[test]
fn percent() {
    num("33%", 0.33);
    num("50 %", 0.5);
    num("0.33", 0.33);
    num("200%", 2.0);
}

#[test]
fn units() {
    dim("5.5 d", 5.5 * DAY, Dim::TIME);
    dim("5.5d", 5.5 * DAY, Dim::TIME);
    dim("30 days", 30.0 * DAY, Dim::TIME);
    dim("12 h", 12.0 * 3600.0, Dim::TIME);
    dim("90 min", 5400.0, Dim::TIME);
    dim("2 wk", 14.0 * DAY, Dim::TIME);
    dim("1 yr", 365.25 * DAY, Dim::TIME);
    dim("3 天", 3.0 * DAY, Dim::TIME);
    dim("2142 小时", 2142.0 * 3600.0, Dim::TIME);
    dim("8.5 TFLOPS", 8.5e12, Dim::RATE);
    dim("8.5TFLOPS", 8.5e12, Dim::RATE);
    dim("312 TFLOP/s", 312e12, Dim::RATE);
    dim("1.58 * 10^-3 PF / s", 1.58e12, Dim::RATE);
    dim("0.380 GF", 0.38e9, Dim::OPS);
    dim("2.5 MFLOPs", 2.5e6, Dim::OPS);
    dim("500 PF", 500e15, Dim::OPS);
    dim("FLOPS", 1.0, Dim::RATE);
    dim("8.5 TFLOPS * 30 d", 8.5e12 * 30.0 * DAY, Dim::OPS);
    dim("1 PFLOPS * 1 d", 8.64e19, Dim::OPS);
    dim("1e21 FLOP / (1 PFLOPS * 1 d)", 1e21 / 8.64e19, Dim::COUNT);
}

#[test]
fn ranges() {
    range("25%..50%", 0.25, 0.5, Dim::COUNT);
    range("25..50%", 0.25, 0.5, Dim::COUNT);
    range("5..6 d", 5.0 * DAY, 6.0 * DAY, Dim::TIME);
    range("5 d..6 d", 5.0 * DAY, 6.0 * DAY, Dim::TIME);
    range("1..2", 1.0, 2.0, Dim::COUNT);
    range("2 * (1..3)", 2.0, 6.0, Dim::COUNT);
    range("(1..2) * (3..4)", 3.0, 8.0, Dim::COUNT);
    range("(1..2) - (1..2)", -1.0, 1.0, Dim::COUNT);
    range("10 / (2..5)", 2.0, 5.0, Dim::COUNT);
    range("sqrt(4..9)", 2.0, 3.0, Dim::COUNT);
    range("1~2", 1.0, 2.0, Dim::COUNT);
}

#[test]
fn errors() {
    error("1.2Q", "'1.2Q' is not a number: unknown suffix 'Q'");
    error("abc", "'abc' is not a number or a known unit");
    error("q", "'q' is not a number");
    error("", "empty: enter a number");
    error("   ", "empty: enter a number");
    error("1 +", "the expression ends too early");
    error("(1 + 2", "'(' at position 1 is not closed");
    error("1 + 2)", "')' has no matching '('");
    error("1 / 0", "'1 / 0' divides by zero");
    error("1 / (0..1)", "'1 / (0..1)' divides by zero");
    error("5 d + 3", "cannot add a time and a plain number");
    error("5 TFLOPS - 1 d", "cannot subtract a rate (FLOP/s) and a time");
    error("2 ^ 3d", "the exponent '3d' must be a plain number, not a time");
    dim("2 ^ 3 d", 8.0 * DAY, Dim::TIME);
    error("sqrt(-4)", "'sqrt(-4)' is the root of a negative number");
    error("sqrt(4 d)", "cannot take the square root of a time");
    error("log(4)", "unknown function 'log': the one function is sqrt()");
    error(
        "5 images",
        "unknown unit 'images': units are s min h d wk mo yr, FLOP, FLOPS (with k M G T P E), PF, pfs-days and %",
    );
    error("50%..25%", "the range '50%..25%' goes from high to low: write the smaller value first");
    error("5 d..6 TFLOPS", "the ends of '5 d..6 TFLOPS' differ: a time and a rate (FLOP/s)");
    error("1..2..3", "'..' is not expected here");
    error("(1..2)..3", "a range cannot contain another range");
    error("10^400", "'10^400' is too large to compute: over 10^308");
    // (-8)^(1/3) is NaN in floating point (no real cube root is taken); it was reported as too large.
    error("(-8)^(1/3)", "'(-8)^(1/3)' has no real value: a negative number to a fractional power");
    error("(-4)^0.5", "'(-4)^0.5' has no real value: a negative number to a fractional power");
    // One end of the range is not real: it was the other end, 8^0.5 = 2.83, alone.
    error("(-8..8)^0.5", "'(-8..8)^0.5' has no real value: a negative number to a fractional power");
    num("(-8)^3", -512.0);
    num("(-2)^-2", 0.25);
    error("1 $ 2", "'$' is not allowed here: use numbers, units, + - * / ^ ( ) % and ..");
    error("2 3", "'3' needs an operator (such as *) before it");
    error("..", "'..' needs a value on each side");
    error("*3", "'*' is not expected here");
}

#[test]
fn overflow_and_underflow_are_refused() {
    // A literal past the largest double (about 1.8 × 10^308) or below the smallest normal one.
    error("1e400", "'1e400' is too large to compute: over 10^308");
    // Quoted as its first 40 characters.
    error(&"9".repeat(400), &format!("'{}…' is too large to compute: over 10^308", "9".repeat(40)));
    error("1e-320", "'1e-320' is too small to compute: under 10^-308 (but not zero)");
    error("1e-400", "'1e-400' is too small to compute: under 10^-308 (but not zero)");
    // Products, quotients, powers and percentages of finite numbers.
    error("1e200 * 1e200", "'1e200 * 1e200' is too large to compute: over 10^308");
    error("1e200 x 1e200", "'1e200 x 1e200' is too large to compute: over 10^308");
    error("1e-200 * 1e-200", "'1e-200 * 1e-200' is too small to compute: under 10^-308 (but not zero)");
    error("1e-300 / 1e300", "'1e-300 / 1e300' is too small to compute: under 10^-308 (but not zero)");
    error("10^-400", "'10^-400' is too small to compute: under 10^-308 (but not zero)");
    error("1e-307%", "'1e-307%' is too small to compute: under 10^-308 (but not zero)");
    error("1e308 + 1e308", "'1e308 + 1e308' is too large to compute: over 10^308");
    error("1e300 E", "'1e300 E' is too large to compute: over 10^308");
    error("1e300E", "'1e300E' is too large to compute: over 10^308");
    error("(0..1e300) * 1e300", "'(0..1e300) * 1e300' is too large to compute: over 10^308");
    // Zero is a number, not an underflow; 0 times anything is 0.
    num("0 * 1e300", 0.0);
    num("0e-400", 0.0);
    num("0.000", 0.0);
    num("1e308", 1e308);
    num("2.3e-308", 2.3e-308);
}

#[test]
fn error_spans() {
    span("1.2Q", 0, 4);
    span("2 * abc", 4, 7);
    span("5 d + 3", 4, 5);
    span("1 $ 2", 2, 3);
    span("3 天 + 1 TFLOPS", 4, 5);
}

#[test]
fn long_and_deep_inputs_are_errors_not_crashes() {
    let deep = "(".repeat(200) + "1" + &")".repeat(200);
    error(&deep, "the expression nests too deeply");
    let long = "1+".repeat(300) + "1";
    error(&long, "too long: at most 500 characters");
    let towers = "2^".repeat(100) + "2";
    assert!(eval(&towers).is_err());
}

#[test]
fn value_helpers() {
    let v = Value { lo: 1.0, hi: 4.0, dim: Dim::COUNT };
    assert_eq!(v.mid(), 2.0);
    assert_eq!(Value::num(3.0).mid(), 3.0);
}

#[test]
fn formatting() {
    use aicompute::text::format::{eng, exact, grouped, readable, round_sig, sci};
    assert_eq!(eng(11.4e9), "11.4 × 10^9");
    assert_eq!(eng(1.2e6), "1.2 × 10^6");
    assert_eq!(eng(128.0), "128");
    assert_eq!(eng(0.33), "0.33");
    assert_eq!(eng(12_800.0), "12,800");
    assert_eq!(eng(652e6), "652 × 10^6");
    assert_eq!(eng(2.16e9), "2.16 × 10^9");
    assert_eq!(sci(1.050624e19, 3), "1.05 × 10^19");
    assert_eq!(sci(9.99e5, 2), "1 × 10^6");
    assert_eq!(sci(2.7e-5, 2), "2.7 × 10^-5");
    assert_eq!(readable(10506.24, 3, ","), "10,506");
    assert_eq!(readable(0.12160, 3, ","), "0.122");
    assert_eq!(readable(2.78e-5, 3, ","), "2.78 × 10^-5");
    assert_eq!(readable(4.36e7, 3, ","), "4.36 × 10^7");
    assert_eq!(grouped(-1234567.0, 0, ","), "-1,234,567");
    assert_eq!(grouped(0.5, 2, ","), "0.5");
    assert_eq!(round_sig(0.000123456, 2), 0.00012);
    assert_eq!(exact(1.2e6), "1.2e6");
    assert_eq!(exact(2555904.0), "2555904");
    assert_eq!(exact(1e21), "1e21");
}

#[test]
fn petaflop_s_days_are_amounts_of_operations() {
    const PFS_DAY: f64 = 8.64e19;
    dim("1 pfs-day", PFS_DAY, Dim::OPS);
    dim("0.12 pfs-days", 0.12 * PFS_DAY, Dim::OPS);
    dim("0.12pfs-days", 0.12 * PFS_DAY, Dim::OPS);
    dim("3 pfs_days", 3.0 * PFS_DAY, Dim::OPS);
    dim("2 PFS-days", 2.0 * PFS_DAY, Dim::OPS);
    dim("1862 petaflop/s-days", 1862.0 * PFS_DAY, Dim::OPS);
    dim("1 petaflop/s-day", PFS_DAY, Dim::OPS);
    dim("1e21 FLOP / (1 pfs-day)", 1e21 / PFS_DAY, Dim::COUNT);
    dim("2 pfs-days - 1 pfs-day", PFS_DAY, Dim::OPS);
    dim("1 pfs-day / (1 d)", 1e15, Dim::RATE);
    range("1..2 pfs-days", PFS_DAY, 2.0 * PFS_DAY, Dim::OPS);
    dim("10,506 PF", 10506e15, Dim::OPS);
    // The GPT-3 paper's spellings (its table: PF-days; its text: PetaFLOP/s-days), in any case.
    dim("3,640 PF-days", 3640.0 * PFS_DAY, Dim::OPS);
    dim("1 pf-day", PFS_DAY, Dim::OPS);
    dim("3.64E+03 PetaFLOP/s-days", 3640.0 * PFS_DAY, Dim::OPS);
    dim("2 Pfs-Days", 2.0 * PFS_DAY, Dim::OPS);
    dim("1 PF-day - 1 PF", PFS_DAY - 1e15, Dim::OPS);
    // A dash that is not part of the unit's name is still a minus.
    error(
        "1 pfs - 1 d",
        "unknown unit 'pfs': units are s min h d wk mo yr, FLOP, FLOPS (with k M G T P E), PF, pfs-days and %",
    );
    error(
        "1 pfs-dayz",
        "unknown unit 'pfs': units are s min h d wk mo yr, FLOP, FLOPS (with k M G T P E), PF, pfs-days and %",
    );
    span("1 pfs-days + 2 d", 11, 12);
}

/// Exponents in superscripts, as the page shows them, can be pasted back into a field.
#[test]
fn superscript_exponents() {
    num("10¹⁷", 1e17);
    num("10⁻³", 0.001);
    num("10⁺²", 100.0);
    num("1.05 × 10¹⁹", 1.05e19);
    num("2 × (1.58 × 10¹²)", 3.16e12);
    num("2³ * 3", 24.0);
    num("10²⁰", 1e20);
    dim("1.58 × 10⁻³ PF", 1.58e12, Dim::OPS);
    dim("4.96 × 10¹⁷ FLOP", 4.96e17, Dim::OPS);
    // The page's text, back as typed: the superscript binds tighter than ×, as ^ does.
    num("3 × 10⁶ + 1", 3_000_001.0);
    error("10⁻", "'⁻' is not allowed here: use numbers, units, + - * / ^ ( ) % and ..");
    span("10⁻ * 2", 2, 3);
}

#[test]
fn superscript_display_round_trips() {
    use aicompute::text::format::superscript;
    assert_eq!(superscript("1.05 × 10^19 FLOP"), "1.05 × 10¹⁹ FLOP");
    assert_eq!(superscript("2.78 × 10^-5 pfs-days"), "2.78 × 10⁻⁵ pfs-days");
    assert_eq!(superscript("(11.4 × 10^9) × 2 = 10^308"), "(11.4 × 10⁹) × 2 = 10³⁰⁸");
    assert_eq!(superscript("a ^ b, 2^x, 10^"), "a ^ b, 2^x, 10^");
    assert_eq!(superscript("每秒 10^15 次运算"), "每秒 10¹⁵ 次运算");
    for text in ["1.05 × 10^19", "2.78 × 10^-5", "1280^2 * 3"] {
        let a = eval(text).unwrap().lo;
        let b = eval(&superscript(text)).unwrap().lo;
        assert_eq!(a, b, "{text}");
    }
}

#[test]
fn chinese_big_numbers() {
    use aicompute::text::format::wan;
    use aicompute::text::i18n::Lang;
    assert_eq!(wan(321_726.0, 2, Lang::Zh), "32 万");
    assert_eq!(wan(321_726.0, 3, Lang::Zh), "32.2 万");
    assert_eq!(wan(9_999.0, 2, Lang::Zh), "9,999");
    assert_eq!(wan(3.15e8, 3, Lang::Zh), "3.15 亿");
    assert_eq!(wan(99_996_000.0, 2, Lang::Zh), "1 亿");
    assert_eq!(wan(2e12, 2, Lang::Zh), "2 万亿");
    assert_eq!(wan(3e16, 2, Lang::Zh), "3 × 10^16");
}

#[track_caller]
fn error_zh(input: &str, message: &str) {
    let e = eval(input).expect_err(input);
    assert_eq!(e.message(aicompute::text::i18n::Lang::Zh), message, "{input:?}");
}

/// The messages in Chinese, from the language file: the dimensions named in Chinese, the user's
/// text in Chinese quotation marks.
#[test]
fn errors_in_chinese() {
    error_zh("5 d + 3", "时间与纯数字不能相加");
    error_zh("5 TFLOPS - 1 d", "运算速率（FLOP/s）与时间不能相减");
    error_zh("1.2Q", "“1.2Q”不是数字：未知后缀“Q”");
    error_zh("abc", "“abc”不是数字，也不是已知单位");
    error_zh("q", "“q”不是数字");
    error_zh("2 ^ 3d", "指数“3d”必须是纯数字，而不是时间");
    error_zh("5 d..6 TFLOPS", "“5 d..6 TFLOPS”两端的量纲不同：时间与运算速率（FLOP/s）");
    error_zh("(1 + 2", "第 1 个字符处的“(”没有闭合");
    error_zh("5 d * 5 d + 1", "单位为 s^2 的量与纯数字不能相加");
    error("5 d * 5 d + 1", "cannot add a quantity in s^2 and a plain number");
}

/// The Chinese words of units and multipliers are data (data/input-words.txt): each is read.
#[test]
fn chinese_unit_words() {
    use aicompute::language::units::{DAY, YEAR};
    num("5万", 5e4);
    num("2 亿", 2e8);
    dim("90 秒", 90.0, Dim::TIME);
    dim("5 分钟", 300.0, Dim::TIME);
    dim("2 小时", 7200.0, Dim::TIME);
    dim("3 天", 3.0 * DAY, Dim::TIME);
    dim("2 周", 14.0 * DAY, Dim::TIME);
    dim("6 个月", YEAR / 2.0, Dim::TIME);
    dim("1 年", YEAR, Dim::TIME);
    dim("400 瓦", 400.0, Dim::POWER);
    dim("1.2 k瓦", 1200.0, Dim::POWER);
    error(
        "5 月",
        "unknown unit '月': units are s min h d wk mo yr, FLOP, FLOPS (with k M G T P E), PF, pfs-days and %",
    );
}
