//! `aicompute`: the command-line front end of the core, one file per command. This file reads the
//! command line (the language first), finds the command, parses its options (the table's fields
//! it takes and its own), and turns a failure into one line on stderr and an exit status: 2 for a
//! bad input, 1 for what is not the input's fault.

mod chart;
mod chinchilla;
mod examples;
mod exercises;
mod files;
mod gpu;
mod hardware;
mod help;
mod layers;
mod link;
mod mfu;
mod ops;
mod params;
mod show;
mod transformer;
mod trend;

use aicompute::calculation::calc::{Calculation, Field, Lang, Want};
use aicompute::calculation::field::{Command, Need};
use aicompute::catalog::Catalog;
use aicompute::say;
use aicompute::text::i18n::{colon, t, CliKey};
use std::ffi::OsString;
use std::process::ExitCode;

/// A command: its name, the table's fields it takes (by its [`Command`] in the field table),
/// its own options around them, the notes its help line carries, and what runs it.
pub struct Cmd {
    pub name: &'static str,
    pub fields: Option<Command>,
    /// Options before the fields in the help (a positional argument has no flag).
    pub before: &'static [Opt],
    /// Options after the fields in the help.
    pub after: &'static [Opt],
    pub notes: &'static [CliKey],
    pub run: fn(&[String], &Catalog) -> Result<(), Fail>,
}

/// An option of a command that is not a field of the table.
pub struct Opt {
    /// `--flag`, or empty for a positional argument.
    pub flag: &'static str,
    pub value: Val,
    pub need: Need,
}

/// What an option takes, as the help names it.
pub enum Val {
    /// Nothing: a switch.
    Switch,
    /// Words the same in every language (`mac|flop`).
    Words(&'static str),
    /// A name in the user's language (`EXPR` in English).
    Name(CliKey),
}

/// An optional option.
pub const fn opt(flag: &'static str, value: Val) -> Opt {
    Opt { flag, value, need: Need::Optional }
}

/// The switch `--json`, which every command but `chart` lists.
pub const JSON: Opt = opt("--json", Val::Switch);

/// The commands, in the help's order.
const COMMANDS: &[&Cmd] = &[
    &ops::CMD,
    &layers::CMD,
    &params::CMD,
    &gpu::CMD,
    &examples::CMD,
    &hardware::CMD,
    &trend::CMD,
    &chart::CMD,
    &exercises::CMD,
    &link::CMD,
    &transformer::CMD,
    &chinchilla::CMD,
    &mfu::CMD,
];

/// A failure, as a value: what went wrong, rendered in the user's language only when printed
/// ("aicompute: " and the message on stderr), and its exit status ([`Fail::code`]).
pub enum Fail {
    /// An argument that is not UTF-8 text: its position on the command line (1 is the first
    /// after the program's name) and the option it is the value of, if any.
    NotUtf8 {
        position: usize,
        option: Option<String>,
    },
    UnknownOption(String),
    UnknownCommand(String),
    NeedsValue(String),
    /// A fixed message of the string table, by key.
    Says(CliKey),
    /// A flag left out, with why it is needed (a key of the string table) where that helps.
    Missing {
        flag: &'static str,
        why: Option<CliKey>,
    },
    /// A value that is none of the allowed words.
    Choice {
        flag: &'static str,
        value: String,
        allowed: &'static [&'static str],
    },
    /// A message of the core (already in the user's language), after the flag it is about.
    Core {
        flag: String,
        message: String,
    },
    /// A message of the core that names its field itself.
    CoreAlone(String),
    Range(String),
    BadSize {
        flag: String,
        value: String,
    },
    PointNotOps {
        text: String,
        got: aicompute::language::expr::Dim,
    },
    PointNotPositive(String),
    /// A file that could not be read or written: the flag, the path and the system's error.
    Io {
        flag: &'static str,
        path: String,
        error: std::io::Error,
        write: bool,
    },
    /// A file that gave nothing (or could not be written) within [`files::WAIT`]: a pipe nobody
    /// writes to.
    Slow {
        flag: &'static str,
        path: String,
        write: bool,
    },
    /// A file over [`aicompute::model::json::MAX_BYTES`].
    TooLarge {
        flag: &'static str,
        path: String,
    },
    NotText {
        flag: &'static str,
        path: String,
    },
    /// The plotting library's failure (exit status 1: not the input's fault).
    DrawFailed(String),
    /// A worked example that does not evaluate (exit status 1: a bug).
    ExampleBroken(&'static str),
}

/// At most the first 40 characters of what the user typed, for a message: an argument may be
/// 128 KB long, the message stays one short line.
pub fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// "a or b", "a, b or c" in the user's language.
fn either(words: &[&str], lang: Lang) -> String {
    match words.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => {
            say!(lang, CliKey::CliOr, first = rest.join(t(lang, CliKey::CliListSeparator)), last = last)
        }
        None => String::new(),
    }
}

impl Fail {
    fn code(&self) -> u8 {
        match self {
            Fail::DrawFailed(_) | Fail::ExampleBroken(_) => 1,
            Fail::Io { write: true, .. } | Fail::Slow { write: true, .. } => 1,
            _ => 2,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            Fail::NotUtf8 { position, option: None } => say!(lang, CliKey::CliNotUtf8, position = position),
            Fail::NotUtf8 { position, option: Some(o) } => {
                say!(lang, CliKey::CliNotUtf8Value, position = position, option = o)
            }
            Fail::UnknownOption(name) => say!(lang, CliKey::CliUnknownOption, name = clip(name)),
            Fail::UnknownCommand(name) => say!(lang, CliKey::CliUnknownCommand, name = clip(name)),
            Fail::NeedsValue(flag) => say!(lang, CliKey::CliNeedsValue, flag = flag),
            Fail::Says(key) => t(lang, *key).to_string(),
            Fail::Missing { flag, why: None } => say!(lang, CliKey::CliMissing, flag = flag),
            Fail::Missing { flag, why: Some(why) } => {
                say!(lang, CliKey::CliMissingWhy, flag = flag, why = t(lang, *why))
            }
            Fail::Choice { flag, value, allowed: [a, b] } => {
                say!(lang, CliKey::CliNeither, flag = flag, value = clip(value), a = a, b = b)
            }
            Fail::Choice { flag, value, allowed } => {
                say!(lang, CliKey::CliUseOneOf, flag = flag, value = clip(value), words = either(allowed, lang))
            }
            Fail::Core { flag, message } => format!("{flag}{}{message}", colon(lang)),
            Fail::CoreAlone(message) => message.clone(),
            Fail::Range(flag) => say!(lang, CliKey::CliRange, flag = flag),
            Fail::BadSize { flag, value } => say!(lang, CliKey::CliBadSize, flag = flag, value = clip(value)),
            Fail::PointNotOps { text, got } => {
                say!(lang, CliKey::CliPointNotOps, text = clip(text), got = got.describe(lang))
            }
            Fail::PointNotPositive(text) => say!(lang, CliKey::CliPointNotPositive, text = clip(text)),
            Fail::Io { flag, path, error, write } => {
                let key = if *write { CliKey::CliCannotWrite } else { CliKey::CliCannotRead };
                say!(lang, key, flag = flag, path = path, why = files::io_reason(error, lang))
            }
            Fail::Slow { flag, path, write } => {
                let key = if *write { CliKey::CliSlowWrite } else { CliKey::CliSlowRead };
                say!(lang, key, flag = flag, path = path, seconds = files::WAIT_TEXT)
            }
            Fail::TooLarge { flag, path } => {
                let bytes = aicompute::text::format::grouped(aicompute::model::json::MAX_BYTES as f64, 0, ",");
                say!(lang, CliKey::CliTooLarge, flag = flag, path = path, bytes = bytes)
            }
            Fail::NotText { flag, path } => say!(lang, CliKey::CliNotText, flag = flag, path = path),
            Fail::DrawFailed(m) => say!(lang, CliKey::CliDrawFailed, why = m),
            Fail::ExampleBroken(id) => say!(lang, CliKey::CliExampleBroken, id = id),
        }
    }
}

static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language of prose output (--lang, default English); JSON keys never change with it.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// The language a `--lang` value names.
fn language(value: &str) -> Option<Lang> {
    [Lang::En, Lang::Zh].into_iter().find(|l| l.key() == value)
}

/// The values of every `--lang` (or `--lang=zh`), wherever it stands, and which arguments they
/// took; an argument that is not UTF-8 after `--lang` is refused by its position.
fn lang_values(texts: &[Option<String>]) -> (Vec<Result<String, Fail>>, Vec<bool>) {
    let mut langs = Vec::new();
    let mut skip = vec![false; texts.len()];
    for (i, a) in texts.iter().enumerate() {
        match a.as_deref() {
            Some("--lang") if !skip[i] => {
                skip[i] = true;
                match texts.get(i + 1) {
                    None => langs.push(Err(Fail::Says(CliKey::CliLangValue))),
                    Some(None) => langs.push(Err(Fail::NotUtf8 { position: i + 2, option: Some("--lang".into()) })),
                    Some(Some(v)) => {
                        skip[i + 1] = true;
                        langs.push(Ok(v.clone()));
                    }
                }
            }
            Some(a) if !skip[i] => {
                if let Some(v) = a.strip_prefix("--lang=") {
                    skip[i] = true;
                    langs.push(Ok(v.to_string()));
                }
            }
            _ => {}
        }
    }
    (langs, skip)
}

/// The command line as text, less `--lang en|zh` (or `--lang=zh`, wherever it stands; the first
/// good one sets the language, so that every later message, this function's own included, is in
/// it). An argument that is not UTF-8 is refused by its position.
fn arguments(raw: Vec<OsString>) -> Result<Vec<String>, Fail> {
    let texts: Vec<Option<String>> = raw.into_iter().map(|a| a.into_string().ok()).collect();
    let (langs, skip) = lang_values(&texts);
    if let Some(l) = langs.iter().find_map(|l| language(l.as_deref().ok()?)) {
        LANG.set(l).ok();
    }
    for l in langs {
        let v = l?;
        if language(&v).is_none() {
            return Err(Fail::Choice { flag: "--lang", value: v, allowed: &["en", "zh"] });
        }
    }
    let mut out = Vec::new();
    for (i, a) in texts.iter().enumerate() {
        match a {
            _ if skip[i] => {}
            Some(a) => out.push(a.clone()),
            None => {
                let option = i.checked_sub(1).and_then(|k| texts[k].as_deref()).filter(|o| o.starts_with('-'));
                return Err(Fail::NotUtf8 { position: i + 1, option: option.map(str::to_string) });
            }
        }
    }
    Ok(out)
}

/// A command's options as given: flags with their values, and the positional arguments.
pub struct Args {
    flags: Vec<(String, Option<String>)>,
    pub positional: Vec<String>,
}

/// Switches every command takes.
const SWITCHES: &[&str] = &["--json", "--dark", "--help", "-h"];

impl Cmd {
    /// Every flag the command takes, and whether it is a switch: its fields' (a yes-or-no field is
    /// a switch that says yes) and its own options'.
    fn flags(&self) -> Vec<(&'static str, bool)> {
        let fields = self.fields.into_iter().flat_map(Field::of);
        let mut out: Vec<(&'static str, bool)> = fields.map(|(f, _)| (f.flag(), f.want() == Want::YesNo)).collect();
        let own = self.before.iter().chain(self.after).filter(|o| !o.flag.is_empty());
        out.extend(own.map(|o| (o.flag, matches!(o.value, Val::Switch))));
        out
    }
}

impl Args {
    /// The options of `raw` for `cmd`; an option it does not take is refused.
    pub fn parse(raw: &[String], cmd: &Cmd) -> Result<Args, Fail> {
        let known = cmd.flags();
        let mut flags = Vec::new();
        let mut positional = Vec::new();
        let mut i = 0;
        while i < raw.len() {
            let a = &raw[i];
            if a.starts_with("--") || a == "-h" {
                let (name, inline) = match a.split_once('=') {
                    Some((n, v)) => (n.to_string(), Some(v.to_string())),
                    None => (a.clone(), None),
                };
                let switch = match known.iter().find(|(f, _)| *f == name) {
                    _ if SWITCHES.contains(&name.as_str()) => true,
                    Some((_, switch)) => *switch,
                    None => return Err(Fail::UnknownOption(name)),
                };
                if switch {
                    flags.push((name, None));
                } else if let Some(v) = inline {
                    flags.push((name, Some(v)));
                } else {
                    let Some(v) = raw.get(i + 1) else {
                        return Err(Fail::NeedsValue(name));
                    };
                    flags.push((name, Some(v.clone())));
                    i += 1;
                }
            } else {
                positional.push(a.clone());
            }
            i += 1;
        }
        Ok(Args { flags, positional })
    }
    pub fn get(&self, name: &str) -> Option<&str> {
        self.flags.iter().rev().find(|(n, _)| n == name).and_then(|(_, v)| v.as_deref())
    }
    pub fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| n == name)
    }
    /// One of `allowed` words for `flag`, or None when the flag is absent.
    pub fn choice(&self, flag: &'static str, allowed: &'static [&'static str]) -> Result<Option<&'static str>, Fail> {
        match self.get(flag) {
            None => Ok(None),
            Some(v) => allowed.iter().find(|w| **w == v).map(|w| Some(*w)).ok_or_else(|| Fail::Choice {
                flag,
                value: v.to_string(),
                allowed,
            }),
        }
    }
    /// A calculation of the fields `command` takes, as given (a yes-or-no switch given is "yes").
    pub fn calculation(&self, command: Command, c: Calculation) -> Calculation {
        let mut c = c;
        for (f, _) in Field::of(command) {
            match (f.want(), self.get(f.flag())) {
                (Want::YesNo, _) if self.has(f.flag()) => *f.get_mut(&mut c) = "yes".into(),
                (_, Some(v)) => *f.get_mut(&mut c) = v.to_string(),
                _ => {}
            }
        }
        c
    }
}

fn run(args: Vec<String>) -> Result<(), Fail> {
    let Some(name) = args.first() else { return help::help(&[]) };
    let rest = &args[1..];
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        return help::help(&args);
    }
    match COMMANDS.iter().find(|c| c.name == name) {
        Some(cmd) => (cmd.run)(rest, &Catalog::full()),
        None if ["--help", "-h", "help"].contains(&name.as_str()) => help::help(&args),
        None => Err(Fail::UnknownCommand(name.to_string())),
    }
}

fn main() -> ExitCode {
    // Output cut short by a closed pipe (`aicompute examples | head`) ends the program quietly,
    // as a command-line tool should, instead of a panic message.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info.payload().downcast_ref::<String>().map(String::as_str).unwrap_or_default();
        if msg.contains("failed printing to stdout") && msg.contains("Broken pipe") {
            std::process::exit(141);
        }
        default_hook(info);
    }));
    // args_os: an argument that is not UTF-8 is a message, not a panic (std::env::args panics).
    match arguments(std::env::args_os().skip(1).collect()).and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("aicompute: {}", f.message(lang()));
            ExitCode::from(f.code())
        }
    }
}
