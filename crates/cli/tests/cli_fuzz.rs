//! Fuzzing the CLI itself (tests/fuzz.rs fuzzes the core): generated command lines with
//! arguments that are not UTF-8, arguments of 100 KB, junk, devices and folders as files, in
//! both languages. Each run must end with exit status 0 or 2 (never 101, a panic), say at most
//! one line on stderr when it fails, end within [`LIMIT`] and stay under [`MEMORY_KB`] of memory.
//!
//! ```sh
//! CLI_FUZZ_RUNS=5000 CLI_FUZZ_SEED=7 cargo test --test cli_fuzz -- --nocapture
//! ```
#![cfg(all(not(target_arch = "wasm32"), unix))]

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The longest a run may take (the CLI waits at most 0.9 s for a file; runs here take
/// milliseconds: the margin is for a loaded machine and the debug build).
const LIMIT: Duration = Duration::from_secs(2);
/// The most memory a run may hold (peak resident set, from /proc).
const MEMORY_KB: u64 = 100 * 1024;

#[path = "../../core/tests/common/rng.rs"]
mod rng;
use rng::Rng;

const COMMANDS: &[&str] = &[
    "ops",
    "params",
    "gpu",
    "layers",
    "examples",
    "exercises",
    "hardware",
    "link",
    "trend",
    "chart",
    "transformer",
    "chinchilla",
    "mfu",
    "help",
    "frobnicate",
];

/// Every flag of the CLI but --svg (chart always gets one in the run's folder).
const FLAGS: &[&str] = &[
    "--forward",
    "--per",
    "--flops-per-mac",
    "--passes",
    "--examples",
    "--epochs",
    "--parameters",
    "--tokens",
    "--chips",
    "--hardware",
    "--precision",
    "--peak",
    "--time",
    "--utilization",
    "--factor",
    "--flop",
    "--power",
    "--pue",
    "--grid",
    "--price",
    "--dataset",
    "--from",
    "--to",
    "--bounds",
    "--width",
    "--height",
    "--point",
    "--date",
    "--moore",
    "--config",
    "--layers",
    "--d-model",
    "--context",
    "--vocab",
    "--heads",
    "--kv-heads",
    "--head-dim",
    "--d-ff",
    "--experts",
    "--active-experts",
    "--convention",
    "--compute",
    "--tokens-per-second",
    "--json",
    "--dark",
    "--gated",
    "--quiz",
    "--answers",
    "--help",
    "-h",
    "--lang",
    "--bogus",
];

const VALUES: &[&str] = &[
    "1",
    "0",
    "-1",
    "1.2M",
    "11.4 * 10^9",
    "33%",
    "25%..50%",
    "5.5 d",
    "8.5 TFLOPS",
    "1e300",
    "1e-320",
    "A100",
    "TPU v4",
    "fp16",
    "all",
    "epoch",
    "2012",
    "2024-06",
    "include",
    "exclude",
    "x",
    "kaplan",
    "palm",
    "zh",
    "en",
    "18",
    "none",
    "france",
    "$2",
    "400 W",
    "dense in=10 out=10 x3",
    "conv in=84x84x3 k=8 s=4 f=16",
    "?v=1&fwd=1G&ex=1M&chips=2&hw=openai-gtx580&time=5.5",
    "",
    " ",
    "--",
    "NaN",
    "inf",
    "一百万",
    "1万",
    "/dev/zero",
    "/dev/null",
    "/dev/urandom",
    "/nonexistent/x.json",
    "/tmp",
];

/// An argument of about 100 KB (one argument may be up to 128 KB on Linux).
fn oversized(r: &mut Rng) -> OsString {
    let n = 100_000;
    let s = match r.below(7) {
        0 => "9".repeat(n),
        1 => "1+".repeat(n / 2) + "1",
        2 => "(".repeat(n / 2) + &")".repeat(n / 2),
        3 => "a".repeat(n),
        4 => "亿".repeat(n / 3),
        5 => format!("--{}", "x".repeat(n)),
        _ => "dense in=10 out=10;".repeat(n / 20),
    };
    s.into()
}

/// Bytes that are not UTF-8: a lone continuation byte, an overlong form, a cut-off sequence,
/// Latin-1, and a number with junk bytes.
fn not_utf8(r: &mut Rng) -> OsString {
    let bytes: &[&[u8]] = &[b"\xff\xfe1", b"\x80", b"\xc0\xaf", b"\xe4\xb8", b"caf\xe9", b"1.2\xffM", b"--\xfflang"];
    OsString::from_vec(r.pick(bytes).to_vec())
}

fn argument(r: &mut Rng) -> OsString {
    match r.below(20) {
        0..=1 => not_utf8(r),
        2 => oversized(r),
        3..=9 => OsString::from(*r.pick(VALUES)),
        _ => OsString::from(*r.pick(FLAGS)),
    }
}

fn command_line(r: &mut Rng, svg: &str) -> Vec<OsString> {
    let command = *r.pick(COMMANDS);
    let mut args = vec![OsString::from(command)];
    if r.below(10) == 0 {
        args[0] = argument(r);
    }
    for _ in 0..r.below(8) {
        args.push(argument(r));
    }
    if command == "chart" {
        args.extend([OsString::from("--svg"), OsString::from(svg)]);
    }
    args
}

/// The peak resident memory of a running process, in KB (Linux; None elsewhere or once ended).
fn peak_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[derive(Clone)]
struct Outcome {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    took: Duration,
    peak_kb: u64,
}

/// Runs one command line, killing it past [`LIMIT`] (then `code` is None).
fn run(args: &[OsString], dir: &std::path::Path) -> Outcome {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_aicompute"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // Output is small (the hardware list is the longest, ~200 KB): read it on threads so a full
    // pipe never stalls the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).ok();
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).ok();
        v
    });
    let mut peak = 0;
    let code = loop {
        if let Some(kb) = peak_kb(child.id()) {
            peak = peak.max(kb);
        }
        if let Some(status) = child.try_wait().expect("waits") {
            break status.code();
        }
        if start.elapsed() > LIMIT {
            child.kill().ok();
            child.wait().ok();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let took = start.elapsed();
    let stdout = out.join().unwrap();
    let stderr = String::from_utf8_lossy(&err.join().unwrap()).to_string();
    Outcome { code, stdout, stderr, took, peak_kb: peak }
}

fn shown(args: &[OsString]) -> String {
    let parts: Vec<String> = args
        .iter()
        .map(|a| {
            let s = a.to_string_lossy();
            if s.len() > 60 {
                format!("{}… ({} bytes)", &s.chars().take(30).collect::<String>(), a.len())
            } else {
                format!("{s:?}")
            }
        })
        .collect();
    parts.join(" ")
}

/// What is wrong with an outcome, if anything.
fn problem(o: &Outcome) -> Option<String> {
    match o.code {
        None => Some(format!("still running after {LIMIT:?}: killed")),
        // The machine, not the arguments: a loaded test machine once took longer than the CLI
        // waits to write the chart (a few KB), and the CLI said so in its one line, as it should.
        Some(1) if slow_write(&o.stderr) => None,
        Some(c) if c != 0 && c != 2 => Some(format!("exit {c}: {}", o.stderr)),
        _ if o.stderr.contains("panicked") => Some(format!("a panic: {}", o.stderr)),
        Some(2) if !o.stdout.is_empty() => Some("exit 2 with output on stdout".into()),
        Some(2) if !o.stderr.starts_with("aicompute: ") || o.stderr.lines().count() != 1 => {
            Some(format!("exit 2 without one line 'aicompute: …': {:?}", o.stderr))
        }
        _ if o.peak_kb > MEMORY_KB => Some(format!("{} KB of memory", o.peak_kb)),
        _ => None,
    }
}

/// The CLI's message for a write it gave up waiting for (`files::write_text`).
fn slow_write(stderr: &str) -> bool {
    stderr.starts_with("aicompute: --svg: could not write ")
        && stderr.trim_end().ends_with(" within 0.9 s")
        && stderr.lines().count() == 1
}

#[test]
fn the_checks_catch_what_they_look_for() {
    let ok =
        Outcome { code: Some(0), stdout: b"x".to_vec(), stderr: String::new(), took: Duration::ZERO, peak_kb: 4000 };
    assert_eq!(problem(&ok), None);
    let slow = "aicompute: --svg: could not write /tmp/x/chart.svg within 0.9 s\n";
    assert_eq!(problem(&Outcome { code: Some(1), stderr: slow.into(), ..ok.clone() }), None);
    let other = "aicompute: --svg: could not write /tmp/x/chart.svg: Permission denied\n";
    assert!(problem(&Outcome { code: Some(1), stderr: other.into(), ..ok.clone() }).is_some());
    assert!(problem(&Outcome { code: Some(101), stderr: "thread 'main' panicked".into(), ..ok }).is_some());
    let ok = Outcome { code: Some(0), stdout: Vec::new(), stderr: String::new(), took: Duration::ZERO, peak_kb: 4000 };
    assert!(problem(&Outcome { code: None, ..ok }).is_some());
    let ok = Outcome {
        code: Some(2),
        stdout: Vec::new(),
        stderr: "aicompute: x\n".into(),
        took: Duration::ZERO,
        peak_kb: 0,
    };
    assert_eq!(problem(&ok), None);
    assert!(problem(&Outcome { stderr: "aicompute: x\ny\n".into(), ..ok }).is_some());
    let ok = Outcome {
        code: Some(2),
        stdout: Vec::new(),
        stderr: "aicompute: x\n".into(),
        took: Duration::ZERO,
        peak_kb: 0,
    };
    assert!(problem(&Outcome { peak_kb: 200 * 1024, ..ok }).is_some());
    // The watchdog does stop a command that never ends.
    let start = Instant::now();
    let mut child = Command::new("sleep").arg("30").spawn().expect("sleep runs");
    while start.elapsed() < Duration::from_millis(50) {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().ok();
    assert!(child.wait().is_ok() && start.elapsed() < Duration::from_secs(5));
    // The generator makes what it is meant to.
    let mut r = Rng(1);
    let args: Vec<OsString> = (0..2000).map(|_| argument(&mut r)).collect();
    assert!(args.iter().any(|a| a.to_str().is_none()), "non-UTF-8 arguments");
    assert!(args.iter().any(|a| a.len() >= 100_000), "100 KB arguments");
}

#[test]
fn generated_command_lines_exit_0_or_2_quickly() {
    let runs: usize = std::env::var("CLI_FUZZ_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let seed: u64 = std::env::var("CLI_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(19);
    let dir = std::env::temp_dir().join(format!("aicompute-cli-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let svg = dir.join("chart.svg").to_str().unwrap().to_string();
    let mut r = Rng(seed);
    let mut problems = Vec::new();
    let (mut slowest, mut biggest, mut codes) = (Duration::ZERO, 0, [0usize; 3]);
    for _ in 0..runs {
        let args = command_line(&mut r, &svg);
        let o = run(&args, &dir);
        slowest = slowest.max(o.took);
        biggest = biggest.max(o.peak_kb);
        if let Some(c @ (0 | 2)) = o.code {
            codes[c as usize] += 1;
        }
        if let Some(p) = problem(&o) {
            problems.push(format!("{}: {p}", shown(&args)));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    println!(
        "{runs} runs (seed {seed}): {} exit 0, {} exit 2; slowest {slowest:?}, most memory {biggest} KB",
        codes[0], codes[2]
    );
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    // The generator reaches both outcomes.
    assert!(codes[0] > runs / 20 && codes[2] > runs / 4, "{codes:?}");
}
