//! The per-layer counter on DQN and DeepSpeech2, and its errors.
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]

use aicompute::model::layers::{parse, total_macs, Kind};

#[track_caller]
fn macs(spec: &str, want: f64) {
    let ls = parse(spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
    assert_eq!(total_macs(&ls), want, "{spec}");
}

#[track_caller]
fn error(spec: &str, message: &str) {
    assert_eq!(parse(spec).unwrap_err().to_string(), message, "{spec}");
}

#[test]
fn dqn() {
    // 84x84x3 input, 16 8x8 filters stride 4, 32 4x4 stride 2, 256 fully connected.
    let ls = parse("conv in=84x84x3 k=8 s=4 f=16\nconv in=20x20x16 k=4 s=2 f=32\ndense in=9*9*32 out=256").unwrap();
    assert_eq!(ls[0].macs, 20.0 * 20.0 * 3.0 * 16.0 * 8.0 * 8.0);
    assert_eq!(ls[0].macs, 1_228_800.0);
    assert_eq!(ls[0].output, Some((20.0, 20.0, 16.0)));
    assert_eq!(ls[1].macs, 9.0 * 9.0 * 16.0 * 32.0 * 4.0 * 4.0);
    assert_eq!(ls[1].macs, 663_552.0);
    assert_eq!(ls[2].macs, 9.0 * 9.0 * 32.0 * 256.0);
    assert_eq!(total_macs(&ls), 1_228_800.0 + 663_552.0 + 663_552.0);
}

#[test]
fn deepspeech2_98_mflops_per_timestep() {
    // 7 bidirectional RNN layers of 1280 (4 matrices each) and 2 dense layers of 1280:
    // (1280)^2 × (7 × 4 + 2) add-multiplies = 98.3 MFLOPs at 2 FLOPs each.
    let ls = parse("rnn in=1280 h=1280 bi x7; dense in=1280 out=1280 x2").unwrap();
    let m = total_macs(&ls);
    assert_eq!(m, 1280.0 * 1280.0 * (7.0 * 4.0 + 2.0));
    assert_eq!((m * 2.0 / 1e5).round() / 10.0, 98.3);
    assert!(matches!(ls[0].kind, Kind::Recurrent { directions: 2.0, gates: 1.0, .. }));
}

#[test]
fn other_layers() {
    macs("dense in=784 out=10", 7840.0);
    macs("lstm in=100 h=200", 4.0 * 200.0 * 300.0);
    macs("gru h=100", 3.0 * 100.0 * 200.0);
    macs("conv in=32x32x3 k=3 p=1 f=8", 32.0 * 32.0 * 8.0 * 9.0 * 3.0);
    macs("conv in=224x224x3 k=7x7 s=2x2 p=3 f=64", 112.0 * 112.0 * 64.0 * 49.0 * 3.0);
    macs("# a comment\n\ndense in=2 out=3 # trailing\n", 6.0);
    macs("DENSE in=1k out=1k x12", 12e6);
}

#[test]
fn errors() {
    error("", "no layers: write one per line, such as 'dense in=784 out=100'");
    error("pool k=2", "layer 1: unknown layer 'pool': use conv, dense, rnn, lstm or gru");
    error("dense in=5", "layer 1: dense needs out=");
    error("dense in=5 out=3 k=2", "layer 1: dense has no 'k=': it takes in= out=");
    error("dense in=5 out=1.2Q", "layer 1: out=1.2Q: '1.2Q' is not a number: unknown suffix 'Q'");
    error("dense in=2 out=3\nconv in=4x4 k=2 f=1", "layer 2: in=4x4: expected 3 sizes separated by x");
    error("conv in=4x4x1 k=5 f=1", "layer 1: a 5x5 kernel does not fit a 4x4 input");
    error("conv in=4x4x1 k=2 s=0 f=1", "layer 1: the stride must be at least 1");
    error("dense in=-3 out=2", "layer 1: in=-3: must not be negative");
    error("dense in=3 out=2 extra", "layer 1: 'extra' is not understood: write key=value, bi, or xN");
    error("dense in=5 d out=1", "layer 1: 'd' is not understood: write key=value, bi, or xN");
    // Counts past the largest double are refused, per layer and for the whole list.
    error("dense in=1e300 out=1e300", "layer 1: too large to compute: over 10^308");
    error("dense in=1e200 out=1e100 x1e10", "layer 1: too large to compute: over 10^308");
    error("dense in=1e300 out=1e8\ndense in=1e300 out=1e8", "layer 2: too large to compute: over 10^308");
    error("dense in=1e400 out=1", "layer 1: in=1e400: '1e400' is too large to compute: over 10^308");
    error(&"dense in=1 out=1\n".repeat(1001), "too many layers: at most 1000 lines");
}

#[test]
fn chinese_messages() {
    let zh = |text: &str| aicompute::model::layers::parse(text).unwrap_err().message(aicompute::text::i18n::Lang::Zh);
    assert_eq!(zh("dense in=5"), "第 1 层：dense 层需要 out=");
    assert_eq!(zh("pool k=2"), "第 1 层：未知层类型“pool”：请用 conv、dense、rnn、lstm 或 gru");
    assert_eq!(zh("dense in=5 out=1.2Q"), "第 1 层：out=1.2Q：“1.2Q”不是数字：未知后缀“Q”");
}

/// A kernel, a size, a filter count, a width or a repeat of 0 would make the layer count no
/// operations without a word: each is refused, saying which.
#[test]
fn zero_sizes_are_refused() {
    error("conv in=84x84x3 k=0 s=4 f=16", "layer 1: k=0: must be above 0 (the layer would count no operations)");
    error("conv in=84x84x3 k=8x0 f=16", "layer 1: k=0: must be above 0 (the layer would count no operations)");
    error("conv in=0x84x3 k=8 f=16", "layer 1: in=0: must be above 0 (the layer would count no operations)");
    error("conv in=84x84x3 k=8 f=0", "layer 1: f=0: must be above 0 (the layer would count no operations)");
    error("dense in=5 out=0", "layer 1: out=0: must be above 0 (the layer would count no operations)");
    error("dense in=2 out=3\nrnn h=0", "layer 2: h=0: must be above 0 (the layer would count no operations)");
    error("lstm h=8 gates=0", "layer 1: gates=0: must be above 0 (the layer would count no operations)");
    error("dense in=5 out=3 x0", "layer 1: x0: must be above 0 (the layer would count no operations)");
    error("dense in=5 out=1-1", "layer 1: out=1-1: must be above 0 (the layer would count no operations)");
    // A zero stride keeps its own message; zero padding is fine.
    error("conv in=84x84x3 k=8 s=0 f=16", "layer 1: the stride must be at least 1");
    macs("conv in=4x4x1 k=2 p=0 f=1", 9.0 * 4.0);
    let zh = |text: &str| parse(text).unwrap_err().message(aicompute::text::i18n::Lang::Zh);
    assert_eq!(zh("conv in=84x84x3 k=0 f=16"), "第 1 层：k=0：须大于 0（否则该层不计任何运算）");
    assert_eq!(zh("dense in=5 out=3 x0"), "第 1 层：x0：须大于 0（否则该层不计任何运算）");
}

/// The list stops at 40,000 characters before any work.
#[test]
fn a_list_over_its_limit_is_refused() {
    let list = format!("dense in=1 out=1{}", " ".repeat(40_000 - 16));
    macs(&list, 1.0);
    error(&format!("{list}x"), "too long: at most 40,000 characters");
    let zh = parse(&format!("{list} ")).unwrap_err().message(aicompute::text::i18n::Lang::Zh);
    assert_eq!(zh, "太长：最多 40,000 个字符");
}
