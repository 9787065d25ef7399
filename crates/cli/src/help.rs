//! `aicompute --help`: the help, in the user's language, made from the commands: each command's
//! usage line lists its own options and the field table's rows it takes (flag, value name and
//! need), then the notes every command shares, then examples.

use crate::{lang, Cmd, Fail, Opt, Val, COMMANDS};
use aicompute::calculation::calc::{Field, Lang, Want};
use aicompute::calculation::field::Need;
use aicompute::model::architecture;
use aicompute::text::i18n::{t, CliKey};

/// The widest a usage line grows before it goes on under itself, in columns (a CJK character
/// takes two).
const WIDTH: usize = 120;
/// Where a usage line's options start: `  aicompute ` and the command's name, padded.
const INDENT: usize = 21;

/// An option as the help writes it: `--flag VALUE`, in brackets when optional.
fn item(flag: &str, value: Option<String>, need: Need) -> String {
    let text = match (flag, value) {
        (f, None) => f.to_string(),
        ("", Some(v)) => v,
        (f, Some(v)) => format!("{f} {v}"),
    };
    if need == Need::Optional {
        format!("[{text}]")
    } else {
        text
    }
}

/// A command's own option as the help writes it.
fn own(o: &Opt, lang: Lang) -> String {
    let value = match o.value {
        Val::Switch => None,
        Val::Words(w) => Some(w.to_string()),
        Val::Name(key) => Some(t(lang, key).to_string()),
    };
    item(o.flag, value, o.need)
}

/// A field as the help writes it: a yes-or-no field is a switch; a field of words lists them.
fn field(f: Field, need: Need, lang: Lang) -> String {
    let value = match f.want() {
        Want::YesNo => None,
        w if !architecture::options(w).is_empty() => Some(architecture::options(w).join("|")),
        _ => Some(t(lang, f.spec().help).to_string()),
    };
    item(f.flag(), value, need)
}

/// Every option of a command in order: its own before, the fields (those it needs one of
/// grouped as `(a | b)` where the first stands), its own after.
fn items(cmd: &Cmd, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = cmd.before.iter().map(|o| own(o, lang)).collect();
    let fields: Vec<(Field, Need)> = cmd.fields.into_iter().flat_map(Field::of).collect();
    let either: Vec<String> =
        fields.iter().filter(|(_, n)| *n == Need::Either).map(|(f, _)| field(*f, Need::Required, lang)).collect();
    let mut grouped = false;
    for (f, need) in &fields {
        match need {
            Need::Either if !grouped => {
                out.push(format!("({})", either.join(" | ")));
                grouped = true;
            }
            Need::Either => {}
            _ => out.push(field(*f, *need, lang)),
        }
    }
    out.extend(cmd.after.iter().map(|o| own(o, lang)));
    out
}

/// Columns a text takes on a terminal: two for a CJK character.
fn columns(s: &str) -> usize {
    s.chars().map(|c| if c >= '\u{2e80}' { 2 } else { 1 }).sum()
}

/// A command's usage: its line of options (wrapped under itself), then its notes.
fn usage(cmd: &Cmd, lang: Lang) -> String {
    let mut out = format!("  aicompute {:<8}", cmd.name);
    let mut width = columns(&out);
    for i in items(cmd, lang) {
        if width + 1 + columns(&i) > WIDTH && width > INDENT {
            out += &format!("\n{:INDENT$}{i}", "");
            width = INDENT + columns(&i);
        } else {
            out += &format!(" {i}");
            width += 1 + columns(&i);
        }
    }
    for note in cmd.notes {
        out += &format!("\n{:INDENT$}{}", "", t(lang, *note));
    }
    out + "\n"
}

/// The whole help in `lang`.
fn text(lang: Lang) -> String {
    let mut out = format!("{}\n\n{}\n", t(lang, CliKey::CliHelpTitle), t(lang, CliKey::CliHelpUsage));
    for cmd in COMMANDS {
        out += &usage(cmd, lang);
    }
    out += &format!("  aicompute {:<8} {}\n\n", "--help", t(lang, CliKey::CliUsageHelp));
    for key in [CliKey::CliHelpOptions, CliKey::CliHelpNumbers] {
        out += &format!("{}\n\n", t(lang, key));
    }
    out + &format!("{}\n{}\n", t(lang, CliKey::CliHelpExamples), t(lang, CliKey::CliHelpCommands))
}

/// The help, in the user's language; it is text only, so --json with it is refused.
pub fn help(rest: &[String]) -> Result<(), Fail> {
    if rest.iter().any(|a| a == "--json" || a.starts_with("--json=")) {
        return Err(Fail::Says(CliKey::CliHelpJson));
    }
    print!("{}", text(lang()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_usage_line_is_made_from_the_table() {
        let gpu = usage(&crate::gpu::CMD, Lang::En);
        assert!(
            gpu.starts_with("  aicompute gpu      --chips EXPR (--hardware ID-OR-NAME | --peak EXPR) [--precision P]")
        );
        let zh = usage(&crate::transformer::CMD, Lang::Zh);
        assert!(
            zh.contains(&format!(" --layers {} ", t(Lang::Zh, CliKey::CliValueWhole)))
                && zh.contains(" [--gated] ")
                && zh.contains("[--convention kaplan|palm]")
        );
        for (lang, cmd) in [Lang::En, Lang::Zh].into_iter().flat_map(|l| COMMANDS.iter().map(move |c| (l, c))) {
            for line in usage(cmd, lang).lines() {
                assert!(columns(line) <= WIDTH, "{line}");
            }
        }
    }
}
