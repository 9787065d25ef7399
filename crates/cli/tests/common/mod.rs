//! Helpers shared by the CLI tests: run the binary, read its JSON, expect a one-line failure.
#![allow(dead_code)]

use std::process::Command;

pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_aicompute")).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

pub fn json(args: &[&str]) -> serde_json::Value {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
}

/// Exit status 2, nothing on stdout, and exactly `aicompute: {message}` on stderr.
#[track_caller]
pub fn fails(args: &[&str], message: &str) {
    let (code, out, err) = run(args);
    assert_eq!(code, 2, "{args:?}");
    assert_eq!(out, "");
    assert_eq!(err, format!("aicompute: {message}\n"), "{args:?}");
}
