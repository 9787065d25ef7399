//! `aicompute --help` lists every option the CLI accepts. The candidates are every `"--flag"`
//! literal of the binary's source (every file of `src`) and every flag of the field table; each
//! command is asked about each candidate, and what it accepts (anything but "unknown option") must
//! be in the help: in the command's own usage lines, or anywhere for the options every command
//! takes.
#![cfg(not(target_arch = "wasm32"))]

use aicompute::calculation::calc::Field;
use std::collections::BTreeSet;
use std::process::Command;

/// The binary's source: every file of `src`.
fn source() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files: Vec<_> = std::fs::read_dir(dir).expect("src").map(|e| e.expect("entry").path()).collect();
    files.sort();
    files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| std::fs::read_to_string(p).expect("read"))
        .collect()
}

fn help() -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_aicompute")).arg("--help").output().expect("runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The commands `run` dispatches to: the `name` of every `Cmd` (`name: "ops"`).
fn commands() -> Vec<String> {
    let source = source();
    source
        .match_indices("name: \"")
        .filter_map(|(i, m)| source[i + m.len()..].split('"').next())
        .map(str::to_string)
        .collect()
}

/// Every `--flag` written in the source, and every flag of the field table.
fn candidates() -> BTreeSet<String> {
    let mut out: BTreeSet<String> = Field::ALL.iter().map(|f| f.flag().to_string()).filter(|f| !f.is_empty()).collect();
    let source = source();
    for (i, _) in source.match_indices("\"--") {
        let name: String =
            source[i + 1..].chars().take_while(|c| *c == '-' || c.is_ascii_lowercase() || c.is_ascii_digit()).collect();
        if name.len() > 2 {
            out.insert(name);
        }
    }
    out.insert("-h".into());
    out
}

/// Whether `command` takes `flag`: given with a value no command can use (a file in a folder that
/// does not exist), it is refused for some other reason than being unknown.
fn accepts(command: &str, flag: &str) -> bool {
    let probe = std::env::temp_dir().join("aicompute-no-such-folder").join("probe.svg");
    let out = Command::new(env!("CARGO_BIN_EXE_aicompute"))
        .current_dir(std::env::temp_dir())
        .arg(command)
        .arg(if flag == "-h" { flag.to_string() } else { format!("{flag}={}", probe.display()) })
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    !err.contains("unknown option")
}

/// The usage lines of a command: from `  aicompute NAME ` to the next command or the blank line.
fn usage_of<'a>(help: &'a str, command: &str) -> Vec<&'a str> {
    let mut lines = help.lines().skip_while(|l| !l.starts_with(&format!("  aicompute {command} ")));
    let first = lines.next().into_iter();
    first.chain(lines.take_while(|l| !l.trim().is_empty() && !l.starts_with("  aicompute "))).collect()
}

/// `flag` as a whole word of `text` (`--to` is not found in `--tokens`).
fn mentions(text: &str, flag: &str) -> bool {
    text.match_indices(flag).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + flag.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
            && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
    })
}

#[test]
fn help_lists_every_option_of_every_command() {
    let help = help();
    let commands = commands();
    assert!(commands.len() >= 12, "the commands of `run`: {commands:?}");
    let candidates = candidates();
    let accepted: Vec<(String, BTreeSet<String>)> =
        commands.iter().map(|c| (c.clone(), candidates.iter().filter(|f| accepts(c, f)).cloned().collect())).collect();
    // Options every command takes (--json, --lang, --help, ...): anywhere in the help.
    let everywhere: BTreeSet<String> =
        candidates.iter().filter(|f| accepted.iter().all(|(_, a)| a.contains(*f))).cloned().collect();
    let mut missing = Vec::new();
    for f in &everywhere {
        if !mentions(&help, f) {
            missing.push(format!("{f} (every command)"));
        }
    }
    for (command, flags) in &accepted {
        let usage = usage_of(&help, command).join("\n");
        assert!(!usage.is_empty(), "the help has no usage line for '{command}'");
        for f in flags.difference(&everywhere) {
            if !mentions(&usage, f) {
                missing.push(format!("{command} {f}"));
            }
        }
    }
    assert!(missing.is_empty(), "accepted but not in --help: {missing:#?}");

    // The probe does tell accepted from unknown (by hand, from the commands' code).
    let of = |c: &str| &accepted.iter().find(|(n, _)| n == c).unwrap().1;
    for f in ["--json", "--lang", "--help", "-h"] {
        assert!(everywhere.contains(f), "{f} is taken by every command");
    }
    for (c, f) in [
        ("trend", "--bounds"),
        ("chart", "--moore"),
        ("chart", "--bounds"),
        ("mfu", "--precision"),
        ("layers", "--passes"),
    ] {
        assert!(of(c).contains(f), "{c} takes {f}");
    }
    for (c, f) in [("trend", "--svg"), ("ops", "--chips"), ("params", "--forward"), ("examples", "--tokens")] {
        assert!(!of(c).contains(f), "{c} does not take {f}");
    }
}

#[test]
fn whole_word_matching() {
    assert!(mentions("[--to YYYY]", "--to"));
    assert!(!mentions("--tokens EXPR", "--to"));
    assert!(!mentions("--kv-heads N", "--heads"));
    assert!(mentions("--heads N", "--heads"));
    assert!(!mentions("--flop-target", "--flop"));
}
