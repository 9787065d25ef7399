//! `--lang zh` prints Chinese on every line of every command: results, notes, sources, the help
//! and every error (missing values, unknown options and commands, bad numbers, unknown chips).
//! What may stay in Latin letters: names (of chips, models, worked examples, people, titles in
//! 《》), units and symbols (FLOP, PF, pfs-days, d, s), flags and their literal values, the
//! command's own input echoed back, quoted originals (“…”), links and paths.
#![cfg(not(target_arch = "wasm32"))]

use aicompute::calculation::examples::EXAMPLES;
use aicompute::catalog::hardware::chip_name;
use aicompute::text::i18n::Lang;
use std::process::Command;

/// Words that stay in Latin letters in Chinese text: units, symbols, names, the CLI's commands
/// and the literal values of its flags. Words with a digit or an underscore (fp32, d_model,
/// num_hidden_layers) and single letters (N, D, d, s, x) are never English prose and pass too.
const ALLOWED: &[&str] = &[
    // Units and symbols.
    "FLOP",
    "FLOPs",
    "FLOPS",
    "FLOP/s",
    "PF",
    "pfs-days",
    "pfs-day",
    "petaflop/s-day",
    "petaflop/s-days",
    "TFLOPS",
    "TFLOP/s",
    "MAC",
    "MACs",
    "MFU",
    "PUE",
    "TDP",
    "kWh",
    "MWh",
    "GWh",
    "kg",
    "kg/kWh",
    "USD",
    "sqrt",
    "JSON",
    "SVG",
    "UTF",
    "MB",
    "GB",
    "YYYY",
    "MM",
    "DD",
    "token",
    "tensor",
    "FP16/BF16",
    // Kinds of chips, organisations, people and laws named in notes and sources.
    "GPU",
    "CPU",
    "TPU",
    "AI",
    "OpenAI",
    "Epoch",
    "NVIDIA",
    "Google",
    "Transformer",
    "Kaplan",
    "Chowdhery",
    "PaLM",
    "Amodei",
    "Hernandez",
    "Chinchilla",
    "MoE",
    "Llama",
    "AlphaGo",
    "Zero",
    "AlexNet",
    "GeForce",
    "Hugging",
    "Face",
    "TechPowerUp",
    "DeepSeek",
    "Ember",
    "Statista",
    "Luccioni",
    "Viguier",
    "Ligozat",
    // DeepSeek's names of the latent-attention dimensions (qk_rope_head_dim, qk_nope_head_dim).
    "rope",
    "nope",
    "kv",
    // The CLI's name, commands and literal flag values.
    "aicompute",
    "ops",
    "layers",
    "params",
    "gpu",
    "examples",
    "hardware",
    "trend",
    "chart",
    "exercises",
    "link",
    "transformer",
    "chinchilla",
    "mfu",
    "help",
    "mac",
    "flop",
    "include",
    "exclude",
    "none",
    "en",
    "zh",
    "all",
    "kaplan",
    "palm",
    "epoch",
    "first-era",
    "conv",
    "dense",
    "rnn",
    "lstm",
    "gru",
    "bi",
];

fn is_cjk(c: char) -> bool {
    ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{4e00}'..='\u{9fff}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// `text` less what may stay in Latin letters: titles in 《》, quoted originals in “”, links and
/// paths, flags, the names and ids of chips, models and worked examples, and `echoed` (the
/// command's own arguments, which messages quote back).
fn without_names(text: &str, echoed: &[&str]) -> String {
    let mut out = String::new();
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '《' | '“' => depth += 1,
            '》' | '”' => depth -= 1,
            _ if depth <= 0 => out.push(c),
            _ => {}
        }
    }
    let mut out: String = out
        .split_whitespace()
        .filter(|w| !w.contains("http") && !w.starts_with('/'))
        .map(without_flags)
        .collect::<Vec<_>>()
        .join(" ");
    let mut names: Vec<String> = echoed.iter().filter(|e| e.len() > 3).map(|e| e.to_string()).collect();
    names.extend(
        cat().chips().iter().flat_map(|c| [c.name.to_string(), chip_name(&c.name, Lang::Zh), c.id.to_string()]),
    );
    names.extend(cat().models().map(|m| m.name.to_string()));
    names.extend(["Energy Institute", "Our World in Data"].map(String::from));
    names.extend(EXAMPLES.iter().flat_map(|e| [e.display_name(Lang::En), e.id.to_string()]));
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for n in &names {
        out = out.replace(n.as_str(), " ");
    }
    out
}

/// A word less the flags in it ("[--per" → "[", "--heads、--head-dim" → "、").
fn without_flags(word: &str) -> String {
    let mut out = String::new();
    let mut rest = word;
    while let Some(i) = rest.find('-') {
        let dashes = rest[i..].chars().take_while(|c| *c == '-').count();
        let name = rest[i + dashes..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').count();
        let at_start = !rest[..i].ends_with(|c: char| c.is_ascii_alphanumeric());
        out.push_str(&rest[..i]);
        if (1..=2).contains(&dashes) && name > 0 && at_start {
            rest = &rest[i + dashes + name..];
        } else {
            out.push_str(&rest[i..i + dashes]);
            rest = &rest[i + dashes..];
        }
    }
    out + rest
}

/// The English words of `text` (in the order found): runs of Latin letters that are neither
/// allowed nor names. Acronyms (all capitals: GPU, MLP, GQA) pass; so do words of `echoed`,
/// the command's arguments split at `&`, `=`, `;` and spaces (a link's parameter names).
fn english_words(text: &str, echoed: &[&str]) -> Vec<String> {
    let rest = without_names(text, echoed);
    let echoed_words: Vec<&str> = echoed.iter().flat_map(|e| e.split(['&', '=', '?', ';', ' '])).collect();
    let mut found = Vec::new();
    let token_char = |c: char| c.is_ascii_alphanumeric() || "_-/.'=²".contains(c);
    let plain = |w: &str| {
        let letters = w.chars().filter(|c| c.is_ascii_alphabetic()).count();
        letters <= 1
            || w.chars().any(|c| c.is_ascii_digit() || c == '_' || c == '=')
            || w.chars().all(|c| !c.is_ascii_lowercase())
            || ALLOWED.iter().any(|a| a.eq_ignore_ascii_case(w))
            || echoed_words.contains(&w)
            || [".svg", ".json"].iter().any(|e| w.ends_with(e))
    };
    for token in rest.split(|c: char| !token_char(c) || is_cjk(c)) {
        let token = token.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if plain(token) {
            continue;
        }
        for part in token.split(['-', '/', '.', '\'']) {
            if !plain(part) {
                found.push(part.to_string());
            }
        }
    }
    found
}

#[test]
fn the_check_catches_english() {
    let words = |s: &str| english_words(s, &[]);
    assert_eq!(
        words("aicompute: --forward: missing: give the operations per forward pass"),
        ["missing", "give", "the", "operations", "per", "forward", "pass"]
    );
    assert_eq!(words("note: 假定：每头维度 = d_model / 头数 = 128"), ["note"]);
    assert_eq!(words("total: 2,555,904 次乘加"), ["total"]);
    assert_eq!(words("aicompute: no chip matches 'zzzz'"), ["no", "chip", "matches", "zzzz"]);
    assert_eq!(words("    source: OpenAI, \"AI and Compute\" (2018)"), ["source", "and", "Compute"]);
    // What stays: names, titles, units, links, flags, symbols.
    assert!(words("来源：OpenAI《AI and Compute》（2018）附录").is_empty());
    assert!(words("峰值：NVIDIA GeForce GTX 580（OpenAI 2018 年数值），FP32，1.58 × 10^12 FLOP/s。").is_empty());
    assert!(words("规格表：https://www.nvidia.com/content/a100-datasheet-us.pdf").is_empty());
    assert!(words("--forward：缺失：请给出每次前向传播的运算次数").is_empty());
    assert!(words("1.05 × 10^19 FLOP = 10,506 PF = 0.122 pfs-days").is_empty());
    assert!(words("门控 MLP（3 个矩阵，同 Llama） = 是；网络层 = conv in=84x84x3 k=8 s=4 f=16").is_empty());
    assert_eq!(words("门控 MLP = yes"), ["yes"]);
    assert_eq!(words("已忽略：bogus：不是本页的参数"), ["bogus"]);
    assert!(english_words("已忽略：bogus：不是本页的参数", &["?v=1&bogus=1"]).is_empty());
    assert!(words("未知命令“frobnicate”：请参阅“aicompute --help”").is_empty());
    assert!(words("aicompute: --heads：缺失：注意力项需要 --layers、--heads、--head-dim 和 --context").is_empty());
    assert!(words("  aicompute layers   层列表 [--examples 表达式 [--epochs 表达式]] [-h]").is_empty());
    assert_eq!(words("--quiz: print it as an exercise"), ["print", "it", "as", "an", "exercise"]);
    // The command's own input, echoed back, is not English prose.
    assert!(english_words("第 1 层：conv in=84x84x3 k=8 needs f=", &["conv in=84x84x3 k=8"]).contains(&"needs".into()));
    assert!(english_words("无法读取 /tmp/some where/x.json：文件不存在", &["/tmp/some where/x.json"]).is_empty());
}

fn run_zh(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_aicompute"))
        .args(args)
        .args(["--lang", "zh"])
        .current_dir(std::env::temp_dir())
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

/// Each case: the arguments and the exit status expected.
fn cases(dir: &str) -> Vec<(Vec<String>, i32)> {
    let svg = format!("{dir}/chart.svg");
    let config = format!("{dir}/config.json");
    let big = format!("{dir}/big.json");
    let list: Vec<(Vec<&str>, i32)> = vec![
        // Every command, with output.
        (vec!["ops", "--forward", "11.4G", "--examples", "1.2M", "--epochs", "128"], 0),
        (vec!["ops", "--forward", "16 GFLOPS", "--per", "flop", "--examples", "1.2M"], 0),
        (vec!["params", "--parameters", "405B", "--tokens", "15.6T"], 0),
        (
            vec![
                "gpu",
                "--chips",
                "8",
                "--hardware",
                "A100",
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
            ],
            0,
        ),
        (vec!["gpu", "--chips", "8", "--hardware", "H100", "--time", "10 d", "--grid", "france", "--price", "$2"], 0),
        (vec!["gpu", "--chips", "8", "--hardware", "V100", "--time", "10 d", "--grid", "us"], 0),
        (vec!["gpu", "--chips", "8", "--hardware", "TPU v4", "--time", "10 d", "--grid", "world"], 0),
        (vec!["gpu", "--chips", "8", "--hardware", "A100", "--time", "10 d", "--grid", "eu"], 0),
        (vec!["gpu", "--chips", "8", "--hardware", "A100", "--time", "10 d", "--grid", "france-bloom"], 0),
        (vec!["gpu", "--chips", "2", "--hardware", "openai-gtx580", "--time", "5..6", "--utilization", "25%..50%"], 0),
        (vec!["gpu", "--flop", "1e24", "--chips", "1000", "--peak", "300 TFLOPS", "--utilization", "40%"], 0),
        (vec!["gpu", "--flop", "1e300", "--chips", "1", "--peak", "1", "--utilization", "1"], 0),
        (vec!["gpu", "--chips", "1", "--peak", "3 PF", "--time", "1 d"], 0),
        (vec!["layers", "conv in=84x84x3 k=8 s=4 f=16; dense in=2592 out=256 x2", "--examples", "1M"], 0),
        (vec!["examples"], 0),
        (vec!["hardware"], 0),
        (vec!["trend", "--dataset", "all"], 0),
        (vec!["trend", "--dataset", "modest-2018", "--bounds", "include"], 0),
        (vec!["chart", "--dataset", "all", "--svg", &svg, "--point", "1e24", "--date", "2024-06"], 0),
        (vec!["exercises"], 0),
        (vec!["exercises", "--answers"], 0),
        (vec!["link", "?v=1&fwd=1G&ex=1M&chips=2&hw=openai-gtx580&time=5.5&bogus=1"], 0),
        (vec!["link", "https://x.org/?v=1&fwd=1G", "--quiz"], 0),
        (
            vec![
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
                "--tokens",
                "1B",
            ],
            0,
        ),
        (vec!["transformer", "--config", &config, "--tokens", "2T", "--convention", "palm"], 0),
        (vec!["chinchilla", "--compute", "5.76e23"], 0),
        (
            vec![
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
            ],
            0,
        ),
        (vec!["--help"], 0),
        (vec![], 0),
        (vec!["trend", "--help"], 0),
        // Missing values.
        (vec!["ops", "--examples", "1"], 2),
        (vec!["ops", "--forward", "1"], 2),
        (vec!["ops", "--forward"], 2),
        (vec!["params", "--parameters", "1G"], 2),
        (vec!["gpu", "--chips", "1", "--time", "1 d"], 2),
        (vec!["gpu", "--peak", "1T", "--time", "1"], 2),
        (vec!["gpu", "--chips", "1", "--peak", "1T"], 2),
        (vec!["link"], 2),
        (vec!["chart"], 2),
        (vec!["chart", "--svg", &svg, "--point", "1e24"], 2),
        (vec!["chinchilla"], 2),
        (vec!["transformer", "--layers", "2", "--d-model", "64"], 2),
        (
            vec![
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
                "1T",
            ],
            2,
        ),
        (vec!["mfu", "--tokens-per-second", "1", "--parameters", "7B", "--chips", "1"], 2),
        // Unknown options, commands and values.
        (vec!["ops", "--bogus", "1"], 2),
        (vec!["frobnicate"], 2),
        (vec!["ops", "--forward", "1", "--examples", "1", "--per", "x"], 2),
        (vec!["trend", "--bounds", "x"], 2),
        (vec!["trend", "--dataset", "nope"], 2),
        (vec!["chart", "--svg", &svg, "--moore", "7"], 2),
        (vec!["chart", "--svg", &svg, "--width", "5"], 2),
        (vec!["chart", "--svg", &svg, "--json"], 2),
        (vec!["transformer", "--layers", "2", "--d-model", "64", "--vocab", "10", "--convention", "x"], 2),
        (vec!["--help", "--json"], 2),
        // Bad numbers and dates.
        (vec!["ops", "--forward", "abc", "--examples", "1"], 2),
        (vec!["ops", "--forward", "1.2Q", "--examples", "1"], 2),
        (vec!["gpu", "--chips", "1", "--peak", "3 h", "--time", "1 d"], 2),
        (vec!["gpu", "--chips", "8", "--hardware", "A100", "--time", "10 d", "--pue", "0.9"], 2),
        (
            vec!["gpu", "--flop", "1e21", "--chips", "10", "--peak", "1e15", "--time", "1e6 s", "--utilization", "30%"],
            2,
        ),
        (vec!["layers", "conv in=84x84x3 k=8"], 2),
        (vec!["trend", "--from", "20x2"], 2),
        (vec!["trend", "--from", "2030"], 2),
        (vec!["chart", "--svg", &svg, "--point", "3 h", "--date", "2024"], 2),
        (vec!["chart", "--svg", &svg, "--point", "1e24", "--date", "2024-13"], 2),
        (vec!["transformer", "--layers", "2.5", "--d-model", "64", "--vocab", "10"], 2),
        (vec!["transformer", "--layers", "2", "--d-model", "64", "--vocab", "10", "--tokens", "1..2"], 2),
        (vec!["chinchilla", "--compute", "-1"], 2),
        (vec!["mfu", "--tokens-per-second", "1G", "--parameters", "7B", "--chips", "1", "--peak", "1 TFLOPS"], 2),
        // Unknown chips and precisions.
        (vec!["hardware", "zzzz"], 2),
        (vec!["gpu", "--chips", "1", "--hardware", "zzzz", "--time", "1"], 2),
        (vec!["gpu", "--chips", "1", "--hardware", "A100", "--precision", "fp99", "--time", "1"], 2),
        (vec!["mfu", "--tokens-per-second", "1", "--parameters", "7B", "--chips", "1", "--hardware", "zzz"], 2),
        // Files.
        (vec!["transformer", "--config", "/nonexistent/config.json"], 2),
        (vec!["transformer", "--config", dir], 2),
        (vec!["transformer", "--config", &big], 2),
        (vec!["chart", "--svg", "/nonexistent/chart.svg"], 1),
    ];
    list.into_iter().map(|(a, code)| (a.iter().map(|s| s.to_string()).collect(), code)).collect()
}

#[test]
fn every_command_and_error_speaks_chinese() {
    let dir = std::env::temp_dir().join(format!("aicompute-cli-zh-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.json"),
        r#"{"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008, "num_hidden_layers": 32,
            "num_attention_heads": 32, "num_key_value_heads": 32, "vocab_size": 32000, "max_position_embeddings": 4096}"#,
    )
    .unwrap();
    std::fs::write(dir.join("big.json"), vec![b' '; 1_000_001]).unwrap();
    let mut problems = Vec::new();
    let mut lines = 0;
    for (args, want) in cases(dir.to_str().unwrap()) {
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, text) = run_zh(&argv);
        if code != want {
            problems.push(format!("{argv:?}: exit {code}, expected {want}: {text}"));
        }
        for line in text.lines() {
            lines += 1;
            let words = english_words(line, &argv);
            if !words.is_empty() {
                problems.push(format!("{argv:?}: {words:?} in {line:?}"));
            }
        }
        // Every error says something in Chinese.
        if code != 0 && !text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
            problems.push(format!("{argv:?}: no Chinese in {text:?}"));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    // The cases print the help, the sheets and the hardware catalogue: hundreds of lines.
    assert!(lines > 1000, "only {lines} lines checked");
}

/// The Chinese help names every option the English one does (whose completeness
/// tests/cli_help.rs checks), and the same commands.
#[test]
fn the_chinese_help_names_every_option() {
    let flags = |lang: &str| -> std::collections::BTreeSet<String> {
        let out = Command::new(env!("CARGO_BIN_EXE_aicompute")).args(["--help", "--lang", lang]).output().unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .filter(|w| w.starts_with('-') && w.len() > 1)
            .map(str::to_string)
            .collect()
    };
    let (en, zh) = (flags("en"), flags("zh"));
    assert!(en.len() > 40 && en.contains("--tokens-per-second") && en.contains("--bounds"), "{en:?}");
    assert_eq!(en, zh);
    let (_, out) = run_zh(&["--help"]);
    assert!(out.starts_with("aicompute：估算训练一个 AI 模型所用的算力"), "{out}");
    assert!(out.contains("--config 最多读取 1 MB"), "{out}");
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}
