//! The `aicompute` binary: exact outputs, JSON keys, exit status 2 with one line on bad input.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{fails, json, run};

#[test]
fn ops_plain_output_is_the_derivation() {
    let (code, out, _) = run(&["ops", "--forward", "11.4 * 10^9", "--examples", "1.2M", "--epochs", "128"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "add-multiplies per forward pass: 1.14 × 10^10  “11.4 * 10^9”\n\
         FLOPs per add-multiply: 2  (default)\n\
         forward and backward: 3  (default)\n\
         examples: 1.2 × 10^6  “1.2M”\n\
         epochs: 128\n\
         (1.14 × 10^10) × 2 × 3 × (1.2 × 10^6) × 128 = 1.05 × 10^19 FLOP = 10,506 PF = 0.122 pfs-days\n"
    );
}

#[test]
fn json_numbers() {
    let v = json(&["gpu", "--chips", "60", "--peak", "8.5 TFLOPS", "--time", "30 d", "--utilization", "33%", "--json"]);
    assert_eq!(v["flop"].as_f64().unwrap(), 60.0 * 8.5e12 * 30.0 * 86400.0 * 0.33);
    let v = json(&["gpu", "--chips", "2", "--peak", "1.58T", "--time", "5.5 d", "--utilization", "30%..40%", "--json"]);
    assert_eq!(v["flop_low"].as_f64().unwrap(), 2.0 * 1.58e12 * 5.5 * 86400.0 * 0.3);
    assert_eq!(v["flop_high"].as_f64().unwrap(), 2.0 * 1.58e12 * 5.5 * 86400.0 * 0.4);
    let v = json(&["params", "--parameters", "1G", "--tokens", "20G", "--json"]);
    assert_eq!(v["flop"].as_f64().unwrap(), 6.0 * 1e9 * 20e9);
    let v = json(&["layers", "rnn in=1280 h=1280 bi x7; dense in=1280 out=1280 x2", "--json"]);
    assert_eq!(v["macs"].as_f64().unwrap(), 49_152_000.0);
    let v = json(&["trend", "--dataset", "openai-2018", "--json"]);
    assert_eq!(v["points"], 15);
    let m = v["doubling_months"].as_f64().unwrap();
    assert!((3.43..3.44).contains(&m));
    let ex = json(&["examples", "--json"]);
    // The 17 appendix computations, 2 modern ones by 6ND and GPU time, 6 by architecture.
    assert_eq!(ex.as_array().unwrap().len(), 17 + 2 + 6);
    let hw = json(&["hardware", "k80", "--json"]);
    assert_eq!(hw[0]["id"], "openai-k80");
}

#[test]
fn link_evaluates_like_the_page() {
    let q =
        aicompute::formats::share::encode(&aicompute::calculation::examples::find("xception").unwrap().calculation());
    let v = json(&["link", &format!("http://127.0.0.1:8080/?{q}"), "--json"]);
    assert_eq!(v["flop"].as_f64().unwrap(), 60.0 * 8.5e12 * 30.0 * 86400.0 * 0.33);
    assert_eq!(v["ignored"].as_array().unwrap().len(), 0);
    let v = json(&["link", "?v=1&fwd=1G&ex=1&bogus=1", "--json"]);
    assert_eq!(v["ignored"][0], "bogus: not a parameter of this page");
}

#[test]
fn bad_inputs_exit_2_with_one_line() {
    fails(&["ops", "--forward", "abc", "--examples", "1"], "--forward: 'abc' is not a number or a known unit");
    fails(&["ops", "--forward", "1.2Q", "--examples", "1"], "--forward: '1.2Q' is not a number: unknown suffix 'Q'");
    fails(
        &["gpu", "--chips", "1", "--peak", "3 h", "--time", "1 d"],
        "--peak: '3 h' is a time, but this field wants a rate (FLOP/s) (like 8.5 TFLOPS)",
    );
    fails(&["gpu", "--chips", "1", "--time", "1 d"], "--hardware or --peak: give exactly one of them");
    fails(&["ops", "--examples", "1"], "--forward: missing: give the operations per forward pass");
    fails(&["ops", "--forward"], "--forward needs a value");
    fails(&["ops", "--bogus", "1"], "unknown option --bogus: see 'aicompute --help'");
    fails(&["frobnicate"], "unknown command 'frobnicate': see 'aicompute --help'");
    fails(
        &["trend", "--dataset", "nope"],
        "--dataset: unknown data set 'nope': use openai-2018, modest-2018, first-era, epoch or all",
    );
    fails(&["chart", "--svg", "/tmp/x.svg", "--width", "5"], "--width: '5' is not a size in pixels from 200 to 8000");
}

#[test]
fn chart_writes_an_svg() {
    let dir = std::env::temp_dir().join(format!("aicompute-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("chart.svg");
    let (code, out, err) =
        run(&["chart", "--dataset", "all", "--svg", path.to_str().unwrap(), "--point", "1e24", "--date", "2024-06"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("wrote "));
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("your estimate"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn help_has_examples() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("EXAMPLES") && out.contains("aicompute trend"));
}
