//! The modern-model commands: transformer, chinchilla, mfu. JSON numbers, exit 2 on bad input.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{fails, json, run};

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("aicompute-cli-modern-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn transformer_by_shape() {
    let v = json(&[
        "transformer",
        "--layers",
        "96",
        "--d-model",
        "12288",
        "--heads",
        "96",
        "--context",
        "2048",
        "--vocab",
        "50257",
        "--tokens",
        "300B",
        "--json",
    ]);
    let d = 12288.0;
    let non_embedding = 96.0 * (12.0 * d * d + 2.0 * d) + d;
    assert_eq!(v["parameters"].as_f64().unwrap(), non_embedding + 50257.0 * d);
    assert_eq!(v["parameters_active"], v["parameters"]);
    let per_token = 6.0 * non_embedding + 6.0 * 96.0 * 2048.0 * d;
    assert_eq!(v["flop_per_token"].as_f64().unwrap(), per_token);
    assert_eq!(v["flop"].as_f64().unwrap(), per_token * 300e9);
    assert_eq!(v["pfs_days"].as_f64().unwrap(), per_token * 300e9 / 8.64e19);
}

#[test]
fn transformer_mixture_of_experts_and_config() {
    let v = json(&[
        "transformer",
        "--layers",
        "2",
        "--d-model",
        "64",
        "--heads",
        "4",
        "--vocab",
        "100",
        "--gated",
        "--d-ff",
        "128",
        "--experts",
        "4",
        "--active-experts",
        "2",
        "--json",
    ]);
    let common = 4.0 * 64.0 * 64.0 + 64.0 * 4.0 + 2.0 * 64.0;
    let expert = 3.0 * 64.0 * 128.0;
    assert_eq!(v["parameters"].as_f64().unwrap(), 2.0 * (common + 4.0 * expert) + 64.0 + 100.0 * 64.0);
    assert_eq!(v["parameters_active"].as_f64().unwrap(), 2.0 * (common + 2.0 * expert) + 64.0 + 100.0 * 64.0);
    let path = temp(
        "llama.json",
        r#"{"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008, "num_hidden_layers": 32,
            "num_attention_heads": 32, "num_key_value_heads": 32, "vocab_size": 32000, "tie_word_embeddings": false,
            "max_position_embeddings": 4096}"#,
    );
    let v = json(&["transformer", "--config", &path, "--json"]);
    assert_eq!(v["parameters"].as_f64().unwrap(), 6_738_415_616.0);
    let (code, out, _) = run(&["transformer", "--config", &path]);
    assert_eq!(code, 0);
    assert!(out.contains("parameters: 6,738,415,616 (6.738 × 10^9)\n"), "{out}");
}

#[test]
fn chinchilla_and_mfu() {
    let v = json(&["chinchilla", "--compute", "5.76e23", "--json"]);
    assert_eq!(v["parameters"].as_f64().unwrap(), (5.76e23_f64 / 120.0).sqrt());
    assert_eq!(v["tokens"].as_f64().unwrap(), 20.0 * (5.76e23_f64 / 120.0).sqrt());
    let v = json(&["chinchilla", "--compute", "1e24 FLOP", "--json"]);
    assert_eq!(v["parameters"].as_f64().unwrap(), (1e24_f64 / 120.0).sqrt());
    let v = json(&[
        "mfu",
        "--tokens-per-second",
        "238.3k",
        "--parameters",
        "540.35B",
        "--layers",
        "118",
        "--heads",
        "48",
        "--head-dim",
        "256",
        "--context",
        "2048",
        "--chips",
        "6144",
        "--hardware",
        "google-tpu-v4",
        "--json",
    ]);
    let per_token = 6.0 * 540.35e9 + 12.0 * 118.0 * 48.0 * 256.0 * 2048.0;
    assert_eq!(v["mfu"].as_f64().unwrap(), per_token * 238.3e3 / (6144.0 * 275e12));
    let v = json(&[
        "mfu",
        "--tokens-per-second",
        "100k",
        "--parameters",
        "7B",
        "--chips",
        "64",
        "--peak",
        "312 TFLOPS",
        "--json",
    ]);
    let mfu = v["mfu"].as_f64().unwrap();
    assert!((mfu / (6.0 * 7e9 * 100e3 / (64.0 * 312e12)) - 1.0).abs() < 1e-12, "{mfu}");
}

#[test]
fn bad_inputs_exit_2_with_one_line() {
    fails(&["transformer", "--layers", "0", "--d-model", "64", "--vocab", "10"], "--layers: must be at least 1");
    fails(
        &[
            "transformer",
            "--layers",
            "2",
            "--d-model",
            "64",
            "--vocab",
            "10",
            "--experts",
            "8",
            "--active-experts",
            "9",
        ],
        "--active-experts: 9 active experts, but the model has 8 experts",
    );
    fails(&["transformer", "--layers", "2", "--d-model", "64"], "--vocab: missing");
    fails(
        &["transformer", "--layers", "2.5", "--d-model", "64", "--vocab", "10"],
        "--layers: '2.5' is not a whole number ≥ 0",
    );
    fails(
        &["chinchilla", "--compute", "-1"],
        "--compute: '-1' is negative: this field wants a number of operations ≥ 0",
    );
    fails(&["chinchilla", "--compute", "0"], "--compute: the compute must be above 0");
    fails(&["chinchilla"], "--compute: missing");
    let cut = temp("cut.json", "{\"hidden_size\": 4096,\n");
    fails(
        &["transformer", "--config", &cut],
        "--config: the text ends too early (line 2, column 1): is the paste cut off?",
    );
    let bad = temp("bad.json", "{\"hidden_size\": 4096 \"n_layer\": 2}");
    fails(&["transformer", "--config", &bad], "--config: not JSON: expected ',' or '}' at line 1, column 22");
    let zero = temp("zero.json", "{\"hidden_size\": 64, \"num_hidden_layers\": 0, \"vocab_size\": 8}");
    fails(&["transformer", "--config", &zero], "--config: num_hidden_layers: must be at least 1");
    let (code, _, err) = run(&["transformer", "--config", "/nonexistent/config.json"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("aicompute: --config: cannot read /nonexistent/config.json: ") && err.lines().count() == 1,
        "{err}"
    );
    fails(
        &["mfu", "--tokens-per-second", "1G", "--parameters", "7B", "--chips", "1", "--peak", "1 TFLOPS"],
        "mfu: the utilization would be 4.2 × 10^9%, above 100%: check the inputs",
    );
    fails(
        &[
            "mfu",
            "--tokens-per-second",
            "1",
            "--parameters",
            "7B",
            "--layers",
            "2",
            "--chips",
            "1",
            "--peak",
            "1 TFLOPS",
        ],
        "--heads: missing: the attention term needs --layers, --heads, --head-dim and --context",
    );
    fails(&["params", "--gated"], "unknown option --gated: see 'aicompute --help'");
}

#[test]
fn gpu_solves_for_the_time_left_out() {
    // 10^24 FLOP on 1000 chips of 300 TFLOP/s at 40%: 10^24 / (1000 × 300e12 × 0.4) s, in days.
    let v =
        json(&["gpu", "--flop", "1e24", "--chips", "1000", "--peak", "300 TFLOPS", "--utilization", "40%", "--json"]);
    let days = 1e24 / (1000.0 * 300e12 * 0.4) / 86400.0;
    assert!((v["days"].as_f64().unwrap() / days - 1.0).abs() < 1e-12, "{v}");
    assert_eq!(v["solved"], "days");
    assert_eq!(v["flop"], 1e24);
    // Implied utilization: 10^21 / (10 × 10^15 × 10^6 s) = 0.1.
    let v = json(&["gpu", "--flop", "1e21", "--chips", "10", "--peak", "1e15", "--time", "1e6 s", "--json"]);
    assert!((v["utilization"].as_f64().unwrap() - 0.1).abs() < 1e-15, "{v}");
    fails(
        &["gpu", "--flop", "1e21", "--chips", "10", "--peak", "1e15", "--time", "1e6 s", "--utilization", "30%"],
        "--flop: nothing to solve for: leave the chips, the time or the utilization empty",
    );
    fails(
        &["gpu", "--chips", "10", "--peak", "1e15"],
        "--time: missing: give the training time, such as '5.5 d' (or --flop to solve for it)",
    );
}

#[test]
fn gpu_energy_emissions_and_cost() {
    // 8 chips × 240 h = 1,920 chip-hours; × 400 W × 1.1 / 1000 = 844.8 kWh; × 0.4 = 337.92 kg;
    // 1,920 × $2 = $3,840.
    let v = json(&[
        "gpu",
        "--chips",
        "8",
        "--peak",
        "312 TFLOPS",
        "--time",
        "10 d",
        "--power",
        "400 W",
        "--pue",
        "1.1",
        "--grid",
        "0.4",
        "--price",
        "2",
        "--json",
    ]);
    let close = |k: &str, want: f64| assert!((v[k].as_f64().unwrap() / want - 1.0).abs() < 1e-12, "{k}: {v}");
    close("chip_hours", 1920.0);
    close("energy_kwh", 844.8);
    close("co2_kg", 337.92);
    close("cost_usd", 3840.0);
    // No power for a peak typed by hand, no grid, no price: those keys are absent.
    let v = json(&["gpu", "--chips", "8", "--peak", "312 TFLOPS", "--time", "10 d", "--json"]);
    assert!(v.get("energy_kwh").is_none() && v.get("co2_kg").is_none() && v.get("cost_usd").is_none(), "{v}");
    fails(
        &["gpu", "--chips", "8", "--hardware", "A100", "--time", "10 d", "--pue", "0.9"],
        "--pue: '0.9': PUE below 1 is impossible (it is the data centre's power over the chips' power)",
    );
    fails(
        &["gpu", "--chips", "8", "--hardware", "A100", "--time", "10 d", "--price", "-2"],
        "--price: '-2' is negative: this field wants a price per chip-hour (USD, like 2)",
    );
}

#[test]
fn every_estimate_lists_the_thresholds() {
    // Llama 3.1 405B by 6ND: 6 × 405e9 × 15.6e12 = 3.79e25 FLOP, 3.79× 10^25 and 0.379× 10^26.
    let v = json(&["params", "--parameters", "405B", "--tokens", "15.6T", "--json"]);
    let list = v["thresholds"].as_array().unwrap();
    let eu = list.iter().find(|t| t["id"] == "eu-ai-act").unwrap();
    assert_eq!(eu["flop"], 1e25);
    assert!((eu["ratio"].as_f64().unwrap() - 6.0 * 405e9 * 15.6e12 / 1e25).abs() < 1e-12);
    assert_eq!(eu["above"], true);
    let us = list.iter().find(|t| t["flop"] == 1e26).unwrap();
    assert_eq!(us["above"], false);
    let (_, out, _) = run(&["params", "--parameters", "405B", "--tokens", "15.6T"]);
    assert!(out.contains("3.79× the EU AI Act threshold (10²⁵ FLOP)"), "{out}");
}

#[test]
fn exercise_links_and_sheets() {
    let (code, out, _) = run(&["link", "https://x.org/calc/?v=1&fwd=1G&ex=1M", "--quiz"]);
    assert_eq!((code, out.as_str()), (0, "https://x.org/calc/?v=1&quiz=1&fwd=1G&ex=1M\n"));
    let (code, out, _) = run(&["exercises"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Exercises: how much compute did training take?"), "{out}");
    // ResNet-151: 11.4e9 × 2 × 3 × 1.2e6 × 128 = 1.05e19 FLOP, in the answer key only.
    assert!(out.contains("1. ResNet-151") && !out.contains("1.05 × 10¹⁹"), "{out}");
    let (_, key, _) = run(&["exercises", "--answers"]);
    assert!(key.contains("1. ResNet-151: 1.05 × 10¹⁹ FLOP"), "{key}");
}

#[test]
fn chinese_prose_from_the_cli() {
    let (code, out, _) = run(&["examples", "--lang", "zh"]);
    assert_eq!(code, 0);
    // ResNet-151: 11.4e9 × 6 × 1.2e6 × 128 / 8.64e19 = 0.122 pfs-days; the text prints 0.117.
    assert!(
        out.starts_with("resnet             计算值 0.122 pfs-days，公布数值 0.117 pfs-days  ResNet-151\n"),
        "{out}"
    );
    let (_, out, _) = run(&["ops", "--forward", "11.4G", "--examples", "1.2M", "--epochs", "128", "--lang", "zh"]);
    // Normalised: 11.4G = 1.14 × 10^10.
    assert!(out.starts_with("每次前向传播的乘加数：1.14 × 10^10（输入为“11.4G”）\n"), "{out}");
    // OpenAI's 15 results: 3.44 months (Amodei & Hernandez 2018 give 3.4).
    let (_, out, _) = run(&["trend", "--lang", "zh"]);
    assert!(out.starts_with("翻倍时间：3.44 个月（95% 置信区间 2.59–5.09 个月"), "{out}");
    let (code, _, err) = run(&["ops", "--forward", "abc", "--examples", "1", "--lang", "zh"]);
    assert_eq!(code, 2);
    assert!(err.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{err}");
}
