//! Issue 19: the CLI keeps its contract on any input. Arguments that are not UTF-8 are a
//! message (exit 2) naming their position; files are read up to 1 MB and within a second; an
//! open confidence interval is said in words; --bounds takes only its words; --json gives JSON
//! wherever it is accepted and is refused (exit 2) where it is not; no number is printed with
//! hundreds of digits.
#![cfg(all(not(target_arch = "wasm32"), unix))]

mod common;
use common::{fails, json, run};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::process::Command;
use std::time::{Duration, Instant};

/// Runs the binary with raw (possibly non-UTF-8) arguments: exit status, stdout, stderr.
fn run_os(args: &[&OsStr]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_aicompute")).args(args).output().expect("runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).to_string();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("aicompute-cli-reliability-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn an_argument_that_is_not_utf8_is_refused_by_its_position() {
    let bad = OsStr::from_bytes(b"\xff\xfe1");
    let (code, out, err) = run_os(&[os("ops"), os("--forward"), bad, os("--examples"), os("1")]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err, "aicompute: argument 3 (the value of --forward) is not UTF-8 text\n");
    // In the chosen language, wherever --lang stands.
    let (code, _, err) = run_os(&[os("--lang"), os("zh"), os("ops"), os("--forward"), bad, os("--examples"), os("1")]);
    assert_eq!(code, 2);
    assert_eq!(err, "aicompute: 第 5 个参数（--forward 的值）不是 UTF-8 文本\n");
    let (code, _, err) = run_os(&[bad, os("--lang=zh")]);
    assert_eq!((code, err.as_str()), (2, "aicompute: 第 1 个参数不是 UTF-8 文本\n"));
    let (code, _, err) = run_os(&[os("examples"), os("--lang"), bad]);
    assert_eq!((code, err.as_str()), (2, "aicompute: argument 3 (the value of --lang) is not UTF-8 text\n"));
    let (code, _, err) = run_os(&[os("hardware"), OsStr::from_bytes(b"A100\x80")]);
    assert_eq!((code, err.as_str()), (2, "aicompute: argument 2 is not UTF-8 text\n"));
}

#[test]
fn lang_takes_en_or_zh() {
    fails(&["examples", "--lang", "fr"], "--lang: 'fr' is neither en nor zh");
    fails(&["examples", "--lang"], "--lang needs a value: en or zh");
    // The first good --lang sets the language of the complaint about a later one.
    let (code, _, err) = run(&["examples", "--lang", "zh", "--lang=fr"]);
    assert_eq!((code, err.as_str()), (2, "aicompute: --lang：“fr”既不是 en 也不是 zh\n"));
}

#[test]
fn config_reads_at_most_1_mb_at_once() {
    // /dev/zero never ends: the CLI reads 1,000,001 bytes of it and stops.
    let start = Instant::now();
    fails(
        &["transformer", "--config", "/dev/zero"],
        "--config: /dev/zero is over 1 MB: at most 1,000,000 bytes are read",
    );
    assert!(start.elapsed() < Duration::from_secs(1), "{:?}", start.elapsed());
    let dir = temp_dir("config");
    // 1,000,001 bytes is over; 1,000,000 bytes is read (and is then not a configuration).
    let over = dir.join("over.json");
    std::fs::write(&over, vec![b' '; 1_000_001]).unwrap();
    let over = over.to_str().unwrap();
    fails(
        &["transformer", "--config", over],
        &format!("--config: {over} is over 1 MB: at most 1,000,000 bytes are read"),
    );
    let limit = dir.join("limit.json");
    let mut text = b"{\"hidden_size\": 64, \"num_hidden_layers\": 2, \"vocab_size\": 8}".to_vec();
    text.resize(1_000_000, b' ');
    std::fs::write(&limit, text).unwrap();
    let v = json(&["transformer", "--config", limit.to_str().unwrap(), "--json"]);
    // 2 layers of 12 × 64² + 2 × 64 (GPT's layer), a final 64, and 8 × 64 tied embeddings.
    assert_eq!(v["parameters"].as_f64().unwrap(), 2.0 * (12.0 * 64.0 * 64.0 + 2.0 * 64.0) + 64.0 + 8.0 * 64.0);
    let latin1 = dir.join("latin1.json");
    std::fs::write(&latin1, b"{\"name\": \"caf\xe9\"}").unwrap();
    let latin1 = latin1.to_str().unwrap();
    fails(&["transformer", "--config", latin1], &format!("--config: {latin1} is not UTF-8 text"));
    let d = dir.to_str().unwrap();
    fails(&["transformer", "--config", d, "--lang", "zh"], &format!("--config：无法读取 {d}：这是一个文件夹"));
    fails(
        &["transformer", "--config", "/nonexistent/c.json", "--lang", "zh"],
        "--config：无法读取 /nonexistent/c.json：文件或文件夹不存在",
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn config_gives_up_on_a_pipe_nobody_writes_to() {
    let dir = temp_dir("fifo");
    let fifo = dir.join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("no mkfifo: skipped");
        return;
    }
    let fifo = fifo.to_str().unwrap();
    let start = Instant::now();
    fails(
        &["transformer", "--config", fifo],
        &format!("--config: nothing came from {fifo} within 0.9 s: give a file, not a pipe or terminal that waits"),
    );
    let took = start.elapsed();
    assert!(took >= Duration::from_millis(900) && took < Duration::from_millis(1500), "{took:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_open_interval_is_said_in_words() {
    // OpenAI's six modest-compute results with the upper bounds: the slope's interval reaches
    // zero, so the doubling time has no upper end.
    let (code, out, _) = run(&["trend", "--dataset", "modest-2018", "--bounds", "include"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().next().unwrap(),
        "doubling time: 4.64 months (95% interval 1.92 months or more: no growth cannot be ruled out; growth per year 6×/yr; R² 0.49; 6 points)"
    );
    let (_, out, _) = run(&["trend", "--dataset", "modest-2018", "--bounds", "include", "--lang", "zh"]);
    assert_eq!(
        out.lines().next().unwrap(),
        "翻倍时间：4.64 个月（95% 置信区间 1.92 个月或更长：不能排除没有增长；每年增至 6 倍；R² = 0.49；6 个数据点）"
    );
    let v = json(&["trend", "--dataset", "modest-2018", "--bounds", "include", "--json"]);
    assert_eq!(v["doubling_months_high"], serde_json::Value::Null, "JSON has no infinity");
}

#[test]
fn bounds_takes_include_or_exclude() {
    fails(&["trend", "--bounds", "x"], "--bounds: 'x' is neither include nor exclude");
    fails(&["chart", "--svg", "x.svg", "--bounds", "yes"], "--bounds: 'yes' is neither include nor exclude");
    // exclude is the default: OpenAI's 15 results either way.
    assert_eq!(json(&["trend", "--bounds", "exclude", "--json"])["points"], 15);
    assert_eq!(json(&["trend", "--json"])["points"], 15);
}

#[test]
fn json_wherever_it_is_accepted() {
    // The exercise sheet: one object per exercise, the answers only with --answers.
    let sheet = json(&["exercises", "--json"]);
    let list = sheet.as_array().unwrap();
    assert_eq!(list.len(), 17 + 2 + 6, "every worked example");
    assert_eq!(list[0]["number"], 1);
    assert_eq!(list[0]["id"], "resnet");
    assert!(list[0]["question"].as_str().unwrap().starts_with("ResNet-151 (2015-12-10): "), "{}", list[0]);
    assert!(list.iter().all(|x| x.get("answer").is_none() && x.get("flop").is_none()));
    let key = json(&["exercises", "--answers", "--json"]);
    // ResNet-151: 11.4e9 × 2 × 3 × 1.2e6 × 128 = 1.05e19 FLOP.
    assert_eq!(key[0]["flop"].as_f64().unwrap(), 11.4e9 * 2.0 * 3.0 * 1.2e6 * 128.0);
    assert!(key[0]["answer"].as_str().unwrap().starts_with("ResNet-151: 1.05 × 10^19 FLOP"), "{}", key[0]);
    let zh = json(&["exercises", "--answers", "--json", "--lang", "zh"]);
    assert!(zh[0]["answer"].as_str().unwrap().starts_with("ResNet-151：1.05 × 10^19 FLOP"), "{}", zh[0]);
    // A link as an exercise.
    let v = json(&["link", "https://x.org/calc/?v=1&fwd=1G&ex=1M", "--quiz", "--json"]);
    assert_eq!(v, serde_json::json!({"link": "https://x.org/calc/?v=1&quiz=1&fwd=1G&ex=1M"}));
    // The help is text: --json with it is refused, wherever the help is asked for.
    for args in
        [&["--help", "--json"][..], &["help", "--json"], &["ops", "--json", "-h"], &["trend", "--help", "--json"]]
    {
        fails(args, "--json: the help is text only; each command's --json prints its numbers");
    }
    fails(&["--json", "--help", "--lang", "zh"], "--json：帮助只有文本；各命令的 --json 输出其数值");
}

/// Every command with --json prints one JSON value (or, for chart, refuses it with exit 2).
#[test]
fn every_command_with_json_prints_json() {
    let commands: &[&[&str]] = &[
        &["ops", "--forward", "1G", "--examples", "1M"],
        &["layers", "dense in=10 out=10", "--examples", "1"],
        &["params", "--parameters", "1G", "--tokens", "1G"],
        &["gpu", "--chips", "1", "--peak", "1T", "--time", "1"],
        &["examples"],
        &["hardware", "k80"],
        &["trend"],
        &["exercises"],
        &["exercises", "--answers"],
        &["link", "?v=1&fwd=1G&ex=1"],
        &["link", "?v=1&fwd=1G&ex=1", "--quiz"],
        &["transformer", "--layers", "2", "--d-model", "64", "--vocab", "8"],
        &["chinchilla", "--compute", "1e24"],
        &["mfu", "--tokens-per-second", "1k", "--parameters", "1G", "--chips", "1", "--peak", "1P"],
    ];
    for args in commands {
        let mut with = args.to_vec();
        with.push("--json");
        json(&with);
    }
    fails(
        &["chart", "--svg", "x.svg", "--json"],
        "--json: chart writes an SVG file; 'aicompute trend --json' prints the fit's numbers",
    );
}

/// The longest run of digits and separators in `text` (a number as printed).
fn longest_number(text: &str) -> usize {
    text.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).map(str::len).max().unwrap_or(0)
}

#[test]
fn no_number_has_hundreds_of_digits() {
    // 10^300 FLOP at 1 FLOP/s takes 10^300 s = 1.15741 × 10^295 days, solved: three digits;
    // hours and chip-hours 10^300 / 3600 = 2.78 × 10^296.
    let (code, out, _) = run(&["gpu", "--flop", "1e300", "--chips", "1", "--peak", "1", "--utilization", "1"]);
    assert_eq!(code, 0);
    assert!(out.contains("time: 1.16 × 10^295 d = 1 × 10^300 s  (solved for)\n"), "{out}");
    assert!(out.contains("Chip-hours: 1 × 2.78 × 10^296 h = 2.78 × 10^296 chip-hours\n"), "{out}");
    assert!(longest_number(&out) <= 12, "{out}");
    let (_, out, _) =
        run(&["gpu", "--flop", "1e300", "--chips", "1", "--peak", "1", "--utilization", "1", "--lang", "zh"]);
    assert!(out.contains("时间：1.16 × 10^295 天 = 1 × 10^300 秒（求解所得）\n"), "{out}");
    assert!(longest_number(&out) <= 12, "{out}");
    // Below 10^7 seconds every digit stays: 8,333,333 s (10^24 / 1.2 × 10^17); the days, worked
    // out, have three digits: 96.45 days is 96.5 d.
    let (_, out, _) =
        run(&["gpu", "--flop", "1e24", "--chips", "1000", "--peak", "300 TFLOPS", "--utilization", "40%"]);
    assert!(out.contains("time: 96.5 d = 8,333,333 s  (solved for)\n"), "{out}");
    // Layers of 10^100 × 10^100 add-multiplies.
    let (code, out, _) = run(&["layers", "dense in=1e100 out=1e100"]);
    assert_eq!(code, 0);
    assert!(out.contains("1 × 10^200 MACs\n"), "{out}");
    assert!(out.contains("total: 1 × 10^200 add-multiplies = 2 × 10^200 FLOP per example"), "{out}");
    assert!(longest_number(&out) <= 12, "{out}");
}

#[test]
fn messages_quote_at_most_40_characters_of_the_input() {
    let long = format!("--{}", "x".repeat(100_000));
    let (code, _, err) = run(&["ops", &long]);
    assert_eq!(code, 2);
    assert_eq!(err, format!("aicompute: unknown option --{}…: see 'aicompute --help'\n", "x".repeat(38)));
    let (code, _, err) = run(&["y".repeat(100_000).as_str()]);
    assert_eq!(code, 2);
    assert_eq!(err, format!("aicompute: unknown command '{}…': see 'aicompute --help'\n", "y".repeat(40)));
    let (code, _, err) = run(&["hardware", &"z".repeat(100)]);
    assert_eq!(code, 2);
    assert_eq!(err, "aicompute: too long for a chip name: at most 80 characters and 8 words\n");
}
