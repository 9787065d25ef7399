//! `aicompute`: the command-line front end of the core. Plain output is the derivation as a
//! person reads it; `--json` prints one object. A bad input exits with status 2 and one line on
//! stderr naming the field and the problem.

use aicompute::calculation::calc::{self, evaluate, Calculation, Estimate, Field, Lang, Mode, Outcome, Per};
use aicompute::catalog::Catalog;
use aicompute::model::transformer::{self, Dimension};
use aicompute::text::i18n::Key;
use aicompute::text::i18n::{colon, t, tr};
use aicompute::{
    calculation::examples, calculation::thresholds, catalog::hardware, formats::export, formats::share,
    language::units, model::architecture, planning::planner, plot::chart, plot::trend, run::footprint, text::format,
    text::render, trf,
};
use serde_json::{json, Map, Value as Json};
use std::ffi::OsString;
use std::io::Read;
use std::process::ExitCode;
use std::time::Duration;

/// The help in English and in Chinese. Kept here rather than in the string table, which the
/// page's wasm carries whole: the CLI's help is 7.6 KB the page never shows.
const HELP_EN: &str = r#"aicompute: estimate how much compute trained an AI model (OpenAI's "AI and Compute" methods)

USAGE
  aicompute ops      --forward EXPR [--per mac|flop] [--flops-per-mac EXPR] [--passes EXPR] --examples EXPR [--epochs EXPR] [--json]
  aicompute layers   SPEC [--examples EXPR [--epochs EXPR]] [--flops-per-mac EXPR] [--passes EXPR] [--json]
  aicompute params   --parameters EXPR --tokens EXPR [--json]
  aicompute gpu      --chips EXPR (--hardware ID-OR-NAME [--precision P] | --peak EXPR) --time EXPR [--utilization EXPR] [--factor EXPR]
                     [--flop EXPR] [--power EXPR] [--pue EXPR] [--grid EXPR|REGION] [--price EXPR] [--json]
                     (with --flop, leave out one of --chips, --time, --utilization: it is solved for)
  aicompute examples [--json]
  aicompute hardware [QUERY] [--json]
  aicompute trend    [--dataset openai-2018|modest-2018|first-era|epoch|all] [--from YYYY[-MM[-DD]]] [--to ...]
                     [--bounds include|exclude] [--json]
                     (--bounds include: also fit the points that are upper bounds, left out by default)
  aicompute chart    [--dataset ...] [--from ...] [--to ...] [--bounds include|exclude] (the selection, as for trend)
                     --svg FILE [--width PX --height PX] [--dark] [--point FLOP --date YYYY-MM] [--moore 18|24|none]
  aicompute exercises [--answers] [--json]           (the worked examples as a question sheet, or its answer key)
  aicompute link     URL-OR-QUERY [--quiz] [--json]   (--quiz: print the link as an exercise, quiz=1)
  aicompute transformer (--config FILE | --layers N --d-model N --context N --vocab N [--heads N] [--kv-heads N]
                     [--head-dim N] [--d-ff N] [--gated] [--experts N --active-experts N]) [--tokens EXPR]
                     [--convention kaplan|palm] [--lang en|zh] [--json]
                     (--config reads at most 1 MB and waits at most 0.9 s for it)
  aicompute chinchilla --compute EXPR [--json]
  aicompute mfu      --tokens-per-second EXPR --parameters EXPR [--layers N --heads N --head-dim N --context N]
                     --chips EXPR (--hardware NAME [--precision P] | --peak EXPR) [--json]
  aicompute --help   (or -h, or help): this text

Every command takes --lang en|zh (messages and prose in English or Chinese; the default is English)
and --json (one JSON object instead of text; chart writes SVG and --help prints text: both refuse it).

Every number is an expression: 1.2M, 11.4 * 10^9, (348M + 304M), sqrt(10 * 100), 33%, 5.5 d,
8.5 TFLOPS, and ranges such as 25%..50% or 5..6 d. A bare number in --time means days; a bare
number in --peak means FLOP/s. --utilization defaults to 33% (17% for a CPU).

EXAMPLES
"#;

/// The help's examples, the same in both languages (commands are not translated).
const HELP_EXAMPLES: &str = r#"  aicompute ops --forward '11.4 * 10^9' --examples 1.2M --epochs 128
  aicompute gpu --chips 2 --hardware openai-gtx580 --time '5.5 d' --utilization 33%
  aicompute gpu --chips 1000 --hardware 'NVIDIA A100 SXM4 80 GB' --time '1728 h' --utilization 30%..45%
  aicompute layers 'conv in=84x84x3 k=8 s=4 f=16; conv in=20x20x16 k=4 s=2 f=32; dense in=9*9*32 out=256'
  aicompute params --parameters 175B --tokens 300B --json
  aicompute trend --dataset openai-2018
  aicompute chart --dataset all --svg chart.svg
  aicompute transformer --config config.json --tokens 2T
  aicompute transformer --layers 96 --d-model 12288 --heads 96 --context 2048 --vocab 50257 --tokens 300B
  aicompute chinchilla --compute 5.76e23
  aicompute mfu --tokens-per-second 238.3k --parameters 540.35B --layers 118 --heads 48 --head-dim 256 --context 2048 --chips 6144 --hardware google-tpu-v4
"#;

const HELP_ZH: &str = r#"aicompute：估算训练一个 AI 模型所用的算力（OpenAI《AI and Compute》的方法）

用法
  aicompute ops      --forward <表达式> [--per mac|flop] [--flops-per-mac <表达式>] [--passes <表达式>] --examples <表达式> [--epochs <表达式>] [--json]
  aicompute layers   <层列表> [--examples <表达式> [--epochs <表达式>]] [--flops-per-mac <表达式>] [--passes <表达式>] [--json]
  aicompute params   --parameters <表达式> --tokens <表达式> [--json]
  aicompute gpu      --chips <表达式> (--hardware <芯片编号或名称> [--precision <精度>] | --peak <表达式>) --time <表达式> [--utilization <表达式>] [--factor <表达式>]
                     [--flop <表达式>] [--power <表达式>] [--pue <表达式>] [--grid <表达式>|<地区>] [--price <表达式>] [--json]
                     （给出 --flop 时，省略 --chips、--time、--utilization 中的一项：求解该项）
  aicompute examples [--json]
  aicompute hardware [<查询>] [--json]
  aicompute trend    [--dataset openai-2018|modest-2018|first-era|epoch|all] [--from YYYY[-MM[-DD]]] [--to ...]
                     [--bounds include|exclude] [--json]
                     （--bounds include：把只是上限的数据点也纳入拟合，默认不纳入）
  aicompute chart    [--dataset ...] [--from ...] [--to ...] [--bounds include|exclude]（数据选择，同 trend）
                     --svg <文件> [--width <像素> --height <像素>] [--dark] [--point FLOP --date YYYY-MM] [--moore 18|24|none]
  aicompute exercises [--answers] [--json]           （把算例印成练习题，或印出参考答案）
  aicompute link     <网址或查询> [--quiz] [--json]     （--quiz：把链接转为练习题，quiz=1）
  aicompute transformer (--config <文件> | --layers <整数> --d-model <整数> --context <整数> --vocab <整数> [--heads <整数>]
                     [--kv-heads <整数>] [--head-dim <整数>] [--d-ff <整数>] [--gated] [--experts <整数> --active-experts <整数>])
                     [--tokens <表达式>] [--convention kaplan|palm] [--lang en|zh] [--json]
                     （--config 最多读取 1 MB，最多等待 0.9 秒）
  aicompute chinchilla --compute <表达式> [--json]
  aicompute mfu      --tokens-per-second <表达式> --parameters <表达式> [--layers <整数> --heads <整数> --head-dim <整数> --context <整数>]
                     --chips <表达式> (--hardware <芯片名称> [--precision <精度>] | --peak <表达式>) [--json]
  aicompute --help   （或 -h、help）：本说明

每个命令都接受 --lang en|zh（消息与说明文字用英文或中文，默认英文）和 --json（输出一个 JSON 对象而非文本；
chart 写出 SVG 文件，--help 只输出文本，二者都不接受 --json）。

每个数值都是表达式：1.2M、120万、11.4 * 10^9、33%、5.5 d、8.5 TFLOPS，算式如 sqrt(10 * 100) 或
2 * (348M + 304M) 也可以，还有 25%..50% 或 5..6 d 这样的范围。--time 中不带单位的数按天计，--peak 中不带
单位的数按 FLOP/s 计。
--utilization 默认为 33%（CPU 为 17%）。

示例
"#;

/// A failure, as a value: what went wrong, rendered in the user's language only when printed
/// ("aicompute: " and the message on stderr), and its exit status ([`Fail::code`]).
enum Fail {
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
    Says(Key),
    /// A flag left out, with why it is needed (a key of the string table) where that helps.
    Missing {
        flag: &'static str,
        why: Option<Key>,
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
    /// A file that gave nothing (or could not be written) within [`WAIT`]: a pipe nobody writes to.
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
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

/// "a or b", "a, b or c" / "a 或 b"、"a、b 或 c".
fn either(words: &[&str], lang: Lang) -> String {
    match words.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => trf!(lang, "{} or {}", "{} 或 {}", rest.join(tr(lang, ", ", "、")), last),
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

    fn message(&self, lang: Lang) -> String {
        let colon = colon(lang);
        match self {
            Fail::NotUtf8 { position, option: None } => {
                trf!(lang, "argument {} is not UTF-8 text", "第 {} 个参数不是 UTF-8 文本", position)
            }
            Fail::NotUtf8 { position, option: Some(o) } => trf!(
                lang,
                "argument {} (the value of {}) is not UTF-8 text",
                "第 {} 个参数（{} 的值）不是 UTF-8 文本",
                position,
                o
            ),
            Fail::UnknownOption(name) => trf!(
                lang,
                "unknown option {}: see 'aicompute --help'",
                "未知选项 {}：请参阅“aicompute --help”",
                clip(name)
            ),
            Fail::UnknownCommand(name) => trf!(
                lang,
                "unknown command '{}': see 'aicompute --help'",
                "未知命令“{}”：请参阅“aicompute --help”",
                clip(name)
            ),
            Fail::NeedsValue(flag) => trf!(lang, "{} needs a value", "{} 需要一个值", flag),
            Fail::Says(key) => t(lang, *key).to_string(),
            Fail::Missing { flag, why: None } => trf!(lang, "{}: missing", "{}：缺失", flag),
            Fail::Missing { flag, why: Some(why) } => {
                trf!(lang, "{}: missing: {}", "{}：缺失：{}", flag, t(lang, *why))
            }
            Fail::Choice { flag, value, allowed: [a, b] } => {
                trf!(lang, "{}: '{}' is neither {} nor {}", "{}：“{}”既不是 {} 也不是 {}", flag, clip(value), a, b)
            }
            Fail::Choice { flag, value, allowed } => {
                trf!(lang, "{}: '{}': use {}", "{}：“{}”：请使用 {}", flag, clip(value), either(allowed, lang))
            }
            Fail::Core { flag, message } => format!("{flag}{colon}{message}"),
            Fail::CoreAlone(message) => message.clone(),
            Fail::Range(flag) => trf!(lang, "{}: give one number, not a range", "{}：请给出一个数，而不是范围", flag),
            Fail::BadSize { flag, value } => trf!(
                lang,
                "{}: '{}' is not a size in pixels from 200 to 8000",
                "{}：“{}”不是 200 至 8000 之间的像素尺寸",
                flag,
                clip(value)
            ),
            Fail::PointNotOps { text, got } => trf!(
                lang,
                "--point: '{}' is {}, but --point wants an amount of operations (like 3e23 FLOP)",
                "--point：“{}”是{}，但 --point 需要运算量（例如 3e23 FLOP）",
                clip(text),
                got.describe(lang)
            ),
            Fail::PointNotPositive(text) => {
                trf!(lang, "--point: '{}' must be above 0 FLOP", "--point：“{}”必须大于 0 FLOP", clip(text))
            }
            Fail::Io { flag, path, error, write } => {
                let why = io_reason(error, lang);
                match write {
                    false => trf!(lang, "{}: cannot read {}: {}", "{}：无法读取 {}：{}", flag, path, why),
                    true => trf!(lang, "{}: cannot write {}: {}", "{}：无法写入 {}：{}", flag, path, why),
                }
            }
            Fail::Slow { flag, path, write: false } => trf!(
                lang,
                "{}: nothing came from {} within {} s: give a file, not a pipe or terminal that waits",
                "{}：{} 秒内未能从 {} 读到内容：请给出文件，而不是等待输入的管道或终端",
                flag,
                path,
                WAIT_TEXT
            ),
            Fail::Slow { flag, path, write: true } => {
                trf!(lang, "{}: could not write {} within {} s", "{}：{} 秒内未能写入 {}", flag, path, WAIT_TEXT)
            }
            Fail::TooLarge { flag, path } => trf!(
                lang,
                "{}: {} is over 1 MB: at most {} bytes are read",
                "{}：{} 超过 1 MB：最多读取 {} 字节",
                flag,
                path,
                aicompute::text::format::grouped(aicompute::model::json::MAX_BYTES as f64, 0, ",")
            ),
            Fail::NotText { flag, path } => {
                trf!(lang, "{}: {} is not UTF-8 text", "{}：{} 不是 UTF-8 文本", flag, path)
            }
            Fail::DrawFailed(m) => trf!(lang, "drawing failed: {}", "绘图失败：{}", m),
            Fail::ExampleBroken(id) => trf!(lang, "example {} does not evaluate", "算例 {} 无法计算", id),
        }
    }
}

/// A system error in words: the system's own in English; in Chinese by its kind.
fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let key = match e.kind() {
        K::NotFound => Some(Key::CliIoNotfound),
        K::PermissionDenied => Some(Key::CliIoDenied),
        K::IsADirectory => Some(Key::CliIoFolder),
        K::NotADirectory => Some(Key::CliIoNotfolder),
        K::StorageFull => Some(Key::CliIoFull),
        K::ReadOnlyFilesystem => Some(Key::CliIoReadonly),
        _ => None,
    };
    match (lang, key, e.raw_os_error()) {
        (Lang::En, _, _) => e.to_string(),
        (Lang::Zh, Some(k), _) => t(lang, k).to_string(),
        (Lang::Zh, None, Some(code)) => trf!(lang, "system error {}", "系统错误（代码 {}）", code),
        (Lang::Zh, None, None) => t(lang, Key::CliIoOther).to_string(),
    }
}

/// How long the CLI waits for a file to read or write before it gives up: a pipe nobody writes
/// to, or a terminal, would otherwise keep it waiting for ever.
const WAIT: Duration = Duration::from_millis(900);
const WAIT_TEXT: &str = "0.9";

/// Runs `f` on a thread and waits at most [`WAIT`] for it (a blocked read stays behind and
/// ends with the program).
fn within<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(f()).ok());
    rx.recv_timeout(WAIT).ok()
}

/// The text of a file for `flag`: at most [`aicompute::model::json::MAX_BYTES`] bytes are read (one
/// more tells a longer file, or /dev/zero, from one that fits), within [`WAIT`].
fn read_text(flag: &'static str, path: &str) -> Result<String, Fail> {
    let limit = aicompute::model::json::MAX_BYTES;
    let p = path.to_string();
    let read = within(move || -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        std::fs::File::open(&p)?.take(limit as u64 + 1).read_to_end(&mut bytes)?;
        Ok(bytes)
    });
    let path = path.to_string();
    let bytes = match read {
        None => return Err(Fail::Slow { flag, path, write: false }),
        Some(Err(error)) => return Err(Fail::Io { flag, path, error, write: false }),
        Some(Ok(b)) => b,
    };
    if bytes.len() > limit {
        return Err(Fail::TooLarge { flag, path });
    }
    String::from_utf8(bytes).map_err(|_| Fail::NotText { flag, path })
}

/// Writes `text` to a file for `flag`, within [`WAIT`].
fn write_text(flag: &'static str, path: &str, text: String) -> Result<(), Fail> {
    let p = path.to_string();
    match within(move || std::fs::write(p, text)) {
        None => Err(Fail::Slow { flag, path: path.to_string(), write: true }),
        Some(Err(error)) => Err(Fail::Io { flag, path: path.to_string(), error, write: true }),
        Some(Ok(())) => Ok(()),
    }
}

struct Args {
    flags: Vec<(String, Option<String>)>,
    positional: Vec<String>,
}

const SWITCHES: &[&str] = &["--json", "--dark", "--help", "-h"];
/// Switches only the commands that allow them take.
const TOGGLES: &[&str] = &["--gated", "--quiz", "--answers"];

impl Args {
    fn parse(raw: &[String], allowed: &[&str]) -> Result<Args, Fail> {
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
                if !allowed.contains(&name.as_str()) && !SWITCHES.contains(&name.as_str()) {
                    return Err(Fail::UnknownOption(name));
                }
                if SWITCHES.contains(&name.as_str()) || TOGGLES.contains(&name.as_str()) {
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
    fn get(&self, name: &str) -> Option<&str> {
        self.flags.iter().rev().find(|(n, _)| n == name).and_then(|(_, v)| v.as_deref())
    }
    fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| n == name)
    }
    /// One of `allowed` words for `flag`, or None when the flag is absent.
    fn choice(&self, flag: &'static str, allowed: &'static [&'static str]) -> Result<Option<&'static str>, Fail> {
        match self.get(flag) {
            None => Ok(None),
            Some(v) => allowed.iter().find(|w| **w == v).map(|w| Some(*w)).ok_or_else(|| Fail::Choice {
                flag,
                value: v.to_string(),
                allowed,
            }),
        }
    }
}

fn fill(c: &mut Calculation, a: &Args, fields: &[Field]) {
    for f in fields {
        if let Some(v) = a.get(f.flag()) {
            *f.get_mut(c) = v.to_string();
        }
    }
}

/// The core's JSON as serde's, for printing.
fn serde(j: &aicompute::model::json::Json) -> Json {
    use aicompute::model::json::Json as J;
    match j {
        J::Null => Json::Null,
        J::Bool(b) => json!(b),
        J::Num(n) => json!(n),
        J::Str(s) => json!(s),
        J::Arr(a) => Json::Array(a.iter().map(serde).collect()),
        J::Obj(m) => Json::Object(m.iter().map(|(k, v)| (k.clone(), serde(v))).collect()),
    }
}

/// The numbers of an estimate as JSON (with low/high where an input is a range), the thresholds
/// and the derivation: the same object the page's export holds.
fn estimate_json(e: &Estimate) -> Map<String, Json> {
    match serde(&export::estimate(e, lang())) {
        Json::Object(m) => m,
        _ => Map::new(),
    }
}

fn print_estimate(e: &Estimate) {
    for s in render::steps(e, lang()) {
        println!("{s}");
    }
    for n in &e.notes {
        println!("{}{}", t(lang(), Key::CliNote), render::note(n, lang()));
    }
    // Plain output names the thresholds an estimate comes within 100× of (JSON lists all).
    for s in thresholds::against(e.flop.mid()).iter().filter(|s| s.ratio >= 0.01) {
        println!("{}", s.sentence(lang()));
    }
}

/// A field's error as "--flag: message".
fn field_error(e: &calc::FieldError) -> Fail {
    Fail::Core { flag: e.field.flag().to_string(), message: e.message(lang()) }
}

/// The first error of an outcome as "--flag: message".
fn outcome_error(o: &Outcome) -> Fail {
    match o.errors().first() {
        Some(e) => field_error(e),
        None => Fail::Says(Key::CliMissingInput),
    }
}

fn run_method(c: &Calculation, cat: &Catalog, gpu: bool, json_out: bool) -> Result<(), Fail> {
    let ev = evaluate(c, cat);
    let o = if gpu { &ev.method2 } else { &ev.method1 };
    let Outcome::Done(e) = o else { return Err(outcome_error(o)) };
    let footprint = match &ev.footprint {
        Some(Err(errs)) if gpu => return Err(field_error(&errs[0])),
        Some(Ok(f)) if gpu => Some(f),
        _ => None,
    };
    if json_out {
        let mut m = estimate_json(e);
        m.extend(footprint.map(footprint_json).unwrap_or_default());
        println!("{}", Json::Object(m));
    } else {
        print_estimate(e);
        for line in footprint
            .map(|f| footprint::lines(f, lang()).into_iter().chain(footprint::notes(f, lang())))
            .into_iter()
            .flatten()
        {
            println!("{line}");
        }
    }
    Ok(())
}

/// Chip-hours, energy, emissions and cost (each absent when not computable).
fn footprint_json(f: &footprint::Footprint) -> Map<String, Json> {
    export::footprint(f).iter().map(|(k, v)| (k.clone(), serde(v))).collect()
}

fn cmd_ops(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let fields = [Field::Forward, Field::FlopsPerMac, Field::Passes, Field::Examples, Field::Epochs];
    let mut allowed: Vec<&str> = fields.iter().map(|f| f.flag()).collect();
    allowed.push("--per");
    let a = Args::parse(raw, &allowed)?;
    let mut c = Calculation::default();
    fill(&mut c, &a, &fields);
    c.per = match a.choice("--per", &["mac", "flop"])? {
        None | Some("mac") => Per::Mac,
        Some(_) => Per::Flop,
    };
    for (f, why) in [(Field::Forward, Key::CliWhyForward), (Field::Examples, Key::CliWhyExamples)] {
        if f.get(&c).trim().is_empty() {
            return Err(Fail::Missing { flag: f.flag(), why: Some(why) });
        }
    }
    run_method(&c, cat, false, a.has("--json"))
}

fn cmd_params(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let fields = [Field::Parameters, Field::Tokens];
    let a = Args::parse(raw, &fields.map(|f| f.flag()))?;
    let mut c = Calculation { mode: Mode::Params, ..Calculation::default() };
    fill(&mut c, &a, &fields);
    for f in fields {
        if f.get(&c).trim().is_empty() {
            return Err(Fail::Missing { flag: f.flag(), why: None });
        }
    }
    run_method(&c, cat, false, a.has("--json"))
}

fn cmd_gpu(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let fields = [
        Field::Chips,
        Field::Hardware,
        Field::Precision,
        Field::Peak,
        Field::Time,
        Field::Utilization,
        Field::Factor,
        Field::Target,
        Field::Power,
        Field::Pue,
        Field::Grid,
        Field::Price,
    ];
    let a = Args::parse(raw, &fields.map(|f| f.flag()))?;
    let mut c = Calculation::default();
    fill(&mut c, &a, &fields);
    if c.hardware.trim().is_empty() == c.peak.trim().is_empty() {
        return Err(Fail::Says(Key::CliHardwareOrPeak));
    }
    if c.target.trim().is_empty() {
        if c.chips.trim().is_empty() {
            return Err(Fail::Missing { flag: "--chips", why: Some(Key::CliWhyChips) });
        }
        if c.time.trim().is_empty() {
            return Err(Fail::Missing { flag: "--time", why: Some(Key::CliWhyTime) });
        }
    }
    run_method(&c, cat, true, a.has("--json"))
}

fn cmd_layers(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &["--examples", "--epochs", "--flops-per-mac", "--passes"])?;
    let lang = lang();
    let spec = a.positional.join("\n");
    let layers = aicompute::model::layers::parse(&spec)
        .map_err(|e| Fail::Core { flag: "layers".into(), message: e.message(lang) })?;
    let total = aicompute::model::layers::total_macs(&layers);
    let mut c = Calculation { mode: Mode::Layers, layers: spec, ..Calculation::default() };
    fill(&mut c, &a, &[Field::Examples, Field::Epochs, Field::FlopsPerMac, Field::Passes]);
    let ev = evaluate(&c, cat);
    let estimate = if c.examples.trim().is_empty() {
        None
    } else {
        match &ev.method1 {
            Outcome::Done(e) => Some(e.clone()),
            o => return Err(outcome_error(o)),
        }
    };
    if a.has("--json") {
        let mut m = Map::new();
        m.insert(
            "layers".into(),
            json!(layers
                .iter()
                .map(|l| json!({"layer": l.text, "macs": l.macs, "repeat": l.repeat, "total": l.total()}))
                .collect::<Vec<_>>()),
        );
        m.insert("macs".into(), json!(total));
        m.insert("forward_flop".into(), json!(total * 2.0));
        if let Some(e) = &estimate {
            m.extend(estimate_json(e));
        }
        println!("{}", Json::Object(m));
    } else {
        for (i, l) in layers.iter().enumerate() {
            let rep = if l.repeat != 1.0 {
                format!(" {} {}", tr(lang, "x", "×"), format::exact(l.repeat))
            } else {
                String::new()
            };
            let (n, text, macs) = (i + 1, &l.text, render::exact_count(l.macs));
            println!(
                "{}",
                trf!(lang, "{:>2}. {:<40} {:>16} MACs{}", "{:>2}. {:<40} {:>16} 次乘加{}", n, text, macs, rep)
            );
        }
        let (macs, flop) = (render::exact_count(total), format::readable(total * 2.0, 3, ","));
        println!(
            "{}",
            trf!(
                lang,
                "total: {} add-multiplies = {} FLOP per example (2 FLOP per add-multiply)",
                "合计：{} 次乘加 = 每个样本 {} FLOP（每次乘加 2 FLOP）",
                macs,
                flop
            )
        );
        if let Some(e) = &estimate {
            print_estimate(e);
        }
    }
    Ok(())
}

fn cmd_examples(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &[])?;
    let mut list = Vec::new();
    for ex in examples::EXAMPLES {
        let exact = ex.exact_flop(cat).ok_or(Fail::ExampleBroken(ex.id))?;
        if a.has("--json") {
            list.push(json!({
                "id": ex.id, "name": ex.name, "seed": ex.seed,
                "method": format!("{:?}", ex.method).to_lowercase(),
                "inputs": ex.inputs.iter().map(|(f, v)| (f.flag().trim_start_matches("--").to_string(), json!(v))).collect::<Map<_, _>>(),
                "flop": exact, "pfs_days": units::pfs_days(exact),
                "published_pf": ex.published_pf, "published_pfs_days": ex.published_pfs_days,
                "differs": ex.differs(cat), "printed": ex.printed, "source": ex.source,
                "link": format!("?{}", share::encode(&ex.calculation())),
            }));
        } else {
            let flag = if ex.differs(cat) {
                tr(
                    lang(),
                    "  ← the published figure differs from its arithmetic by more than 10%",
                    "  ← 公布数值与其算式的结果相差超过 10%",
                )
            } else {
                ""
            };
            let (e, p) =
                (format::readable(units::pfs_days(exact), 3, ","), format::readable(ex.published_pfs_days, 3, ","));
            let line = tr(
                lang(),
                format!("exact {e} pfs-days, published {p} pfs-days"),
                format!("精确值 {e} pfs-days，公布数值 {p} pfs-days"),
            );
            println!("{:<18} {line}  {}{flag}", ex.id, ex.display_name(lang()));
        }
    }
    if a.has("--json") {
        println!("{}", Json::Array(list));
    }
    Ok(())
}

fn cmd_hardware(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &[])?;
    let lang = lang();
    let q = a.positional.join(" ");
    let chips = if q.is_empty() { cat.chips().iter().collect() } else { cat.search(&q) };
    if chips.is_empty() {
        // The core's words: a name too long to be a chip's, or no chip of that name.
        let e = match cat.lookup(&q) {
            Err(e) => e,
            Ok(_) => hardware::HardwareError::NoMatch { query: clip(&q) },
        };
        return Err(Fail::CoreAlone(e.message(lang)));
    }
    if a.has("--json") {
        let list: Vec<Json> = chips
            .iter()
            .map(|c| {
                let peaks: Map<String, Json> =
                    c.precisions().iter().map(|p| (p.key().to_string(), json!(c.peak(*p)))).collect();
                json!({"id": c.id, "name": c.name, "manufacturer": c.manufacturer, "type": c.kind, "release": c.release,
                       "peaks": peaks, "default_precision": c.default_precision().map(|p| p.key()), "source": c.citation()})
            })
            .collect();
        println!("{}", Json::Array(list));
    } else {
        for c in chips {
            let peaks: Vec<String> = c
                .precisions()
                .iter()
                .map(|p| format!("{} {}", p.key(), format::sci(c.peak(*p).unwrap_or(0.0), 3)))
                .collect();
            println!(
                "{:<40} {}\n    {}\n    {}{}",
                c.id,
                c.name_in(lang),
                if peaks.is_empty() { t(lang, Key::CliNoPeak).to_string() } else { peaks.join(", ") },
                t(lang, Key::CliSource),
                c.citation_in(lang)
            );
        }
    }
    Ok(())
}

/// The exercise set: the worked examples as questions, or (with --answers) the answer key; with
/// --json, one object per exercise (the answer and the exact figures only with --answers).
fn cmd_exercises(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &["--answers"])?;
    let (lang, answers) = (lang(), a.has("--answers"));
    if a.has("--json") {
        let list: Vec<Json> = aicompute::classroom::quiz::exercises(cat)
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let mut m = Map::new();
                m.insert("number".into(), json!(i + 1));
                m.insert("id".into(), json!(x.example.id));
                m.insert("name".into(), json!(x.example.display_name(lang)));
                m.insert("question".into(), json!(x.question(lang)));
                if answers {
                    m.insert("answer".into(), json!(x.answer(lang)));
                    m.insert("flop".into(), json!(x.exact_flop));
                    m.insert("pfs_days".into(), json!(units::pfs_days(x.exact_flop)));
                }
                Json::Object(m)
            })
            .collect();
        println!("{}", Json::Array(list));
        return Ok(());
    }
    let text = if answers {
        aicompute::classroom::quiz::answer_key(cat, lang)
    } else {
        aicompute::classroom::quiz::question_sheet(cat, lang)
    };
    print!("{text}");
    Ok(())
}

fn cmd_link(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &["--quiz"])?;
    let lang = lang();
    let Some(url) = a.positional.first() else { return Err(Fail::Says(Key::CliNoUrl)) };
    let d = share::decode(url);
    if a.has("--quiz") {
        // The same calculation as an exercise: the page shows its inputs and asks for the result.
        let base = url.split_once('?').map_or(if url.contains('=') { "" } else { url.as_str() }, |(b, _)| b);
        let link = format!("{base}?{}", share::encode(&Calculation { quiz: true, ..d.calc }));
        match a.has("--json") {
            true => println!("{}", json!({ "link": link })),
            false => println!("{link}"),
        }
        return Ok(());
    }
    let ev = evaluate(&d.calc, cat);
    if a.has("--json") {
        let mut m = Map::new();
        for (key, o) in [("method1", &ev.method1), ("method2", &ev.method2)] {
            let footprint = match &ev.footprint {
                Some(Ok(f)) if key == "method2" => footprint_json(f),
                _ => Map::new(),
            };
            match o {
                Outcome::Done(e) => {
                    m.insert(key.into(), Json::Object(estimate_json(e).into_iter().chain(footprint).collect()))
                }
                Outcome::Empty => m.insert(key.into(), Json::Null),
                Outcome::Invalid(errs) => m.insert(
                    key.into(),
                    json!({"errors": errs.iter().map(|e| field_error(e).message(lang)).collect::<Vec<_>>()}),
                ),
            };
        }
        // The first method that has a number is the link's headline figure.
        if let Some(e) = ev.headline() {
            m.insert("flop".into(), json!(e.flop.mid()));
            m.insert("pfs_days".into(), json!(units::pfs_days(e.flop.mid())));
        }
        if let Some(c) = ev.comparison {
            m.insert("ratio".into(), json!(c.ratio));
            m.insert("geometric_mean_flop".into(), json!(c.geometric_mean));
        }
        m.insert("ignored".into(), json!(d.ignored.iter().map(|i| i.message(lang)).collect::<Vec<_>>()));
        println!("{}", Json::Object(m));
    } else {
        for i in &d.ignored {
            println!("{}{}", t(lang, Key::CliIgnored), i.message(lang));
        }
        let (m1, m2) = (t(lang, Key::CliMethod1), t(lang, Key::CliMethod2));
        for (name, o) in [(m1, &ev.method1), (m2, &ev.method2)] {
            match o {
                Outcome::Done(e) => {
                    println!("{name}{}", colon(lang).trim_end());
                    print_estimate(e);
                }
                Outcome::Invalid(errs) => {
                    for e in errs {
                        println!("{name}{}{}", colon(lang), field_error(e).message(lang));
                    }
                }
                Outcome::Empty => {}
            }
        }
        if let Some(c) = ev.comparison {
            println!("{m1} / {m2} = {}", render::comparison(&c, lang));
        }
    }
    Ok(())
}

const SELECTION_FLAGS: [&str; 4] = ["--dataset", "--from", "--to", "--bounds"];

/// The data selection of `trend` and `chart`: --dataset (default openai-2018), --from, --to,
/// --bounds include|exclude (exclude by default).
fn selection(a: &Args) -> Result<trend::Selection, Fail> {
    let lang = lang();
    let sets = trend::Selection::parse_datasets(a.get("--dataset").unwrap_or("openai-2018"))
        .map_err(|e| Fail::Core { flag: "--dataset".into(), message: e.message(lang) })?;
    let mut sel = trend::Selection::of(&sets);
    for (flag, upper) in [("--from", false), ("--to", true)] {
        if let Some(text) = a.get(flag) {
            let b = trend::parse_bound(text, upper)
                .map_err(|e| Fail::Core { flag: flag.into(), message: e.message(lang) })?;
            *(if upper { &mut sel.to } else { &mut sel.from }) = Some(b);
        }
    }
    sel.include_bounds = a.choice("--bounds", &["include", "exclude"])? == Some("include");
    Ok(sel)
}

fn cmd_trend(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &SELECTION_FLAGS)?;
    let sel = selection(&a)?;
    let fit = sel.fit(cat).ok_or(Fail::Says(Key::CliFewPoints))?;
    let drawn = sel.points(cat).len();
    if a.has("--json") {
        println!(
            "{}",
            json!({
                "doubling_months": fit.doubling_months,
                "doubling_months_low": fit.doubling_months_low,
                "doubling_months_high": fit.doubling_months_high,
                "growth_per_year": fit.growth_per_year,
                "doublings_per_year": fit.slope,
                "r2": fit.r2,
                "points": fit.n,
                "points_drawn": drawn,
                "from": fit.from,
                "to": fit.to,
                "datasets": sel.datasets.iter().map(|d| d.key()).collect::<Vec<_>>(),
                "sources": sel.datasets.iter().map(|d| d.source()).collect::<Vec<_>>(),
                "alexnet_to_alphago_zero": trend::headline_growth(cat).map(|g| json!({
                    "factor": g.factor, "years": g.years, "moore_18_months": g.moore_18, "moore_24_months": g.moore_24,
                })),
            })
        );
    } else {
        let colon = colon(lang());
        println!("{}{colon}{}", tr(lang(), "doubling time", "翻倍时间"), render::doubling(&fit, lang()));
        let span = format!("{:.1}–{:.1}", fit.from, fit.to);
        println!("{}", tr(lang(), format!("points dated {span}"), format!("数据点时间范围：{span}")));
        if sel.datasets.contains(&aicompute::catalog::data::DatasetId::OpenAi2018) {
            if let Some(g) = trend::headline_growth(cat) {
                println!("{}", render::growth(&g, lang()));
            }
        }
        for d in &sel.datasets {
            println!("{}{}", t(lang(), Key::CliSource), d.source_in(lang()));
        }
    }
    Ok(())
}

fn cmd_chart(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let mut allowed = SELECTION_FLAGS.to_vec();
    allowed.extend(["--svg", "--width", "--height", "--point", "--date", "--moore"]);
    let a = Args::parse(raw, &allowed)?;
    let lang = lang();
    let sel = selection(&a)?;
    let path = a.get("--svg").ok_or(Fail::Says(Key::CliNoSvg))?;
    let dim = |flag: &str, default: u32| -> Result<u32, Fail> {
        match a.get(flag) {
            None => Ok(default),
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|v| (200..=8000).contains(v))
                .ok_or_else(|| Fail::BadSize { flag: flag.into(), value: v.into() }),
        }
    };
    let (w, h) = (dim("--width", 1000)?, dim("--height", 600)?);
    if a.has("--json") {
        return Err(Fail::Says(Key::CliChartJson));
    }
    let user = match a.get("--point") {
        None => None,
        Some(p) => {
            let v = point(p)?;
            let date = a.get("--date").ok_or(Fail::Says(Key::CliNoDate))?;
            let years = aicompute::language::date::Date::parse(date)
                .map_err(|e| Fail::Core { flag: "--date".into(), message: e.message(lang) })?
                .years();
            Some(chart::UserPoint { years, flop: v.mid(), low: v.lo, high: v.hi, label: String::new() })
        }
    };
    let moore = match a.choice("--moore", &["18", "24", "none"])? {
        None | Some("18") => Some(18.0),
        Some("24") => Some(24.0),
        Some(_) => None,
    };
    let spec = chart::ChartSpec {
        saved: Vec::new(),
        thresholds: false,
        points: sel.points(cat).into_iter().cloned().collect(),
        fit: sel.fit(cat),
        moore_months: moore,
        eras: true,
        user,
        lang,
        dark: a.has("--dark"),
        scale: 1.0,
        labels: chart::DEFAULT_LABELS.to_vec(),
    };
    let (svg, layout) = chart::svg(&spec, w, h).map_err(Fail::DrawFailed)?;
    write_text("--svg", path, svg)?;
    let n = layout.markers.len();
    println!("{}", trf!(lang, "wrote {}: {} points, {}x{} px", "已写入 {}：{} 个数据点，{}×{} 像素", path, n, w, h));
    Ok(())
}

/// The chart's --point: an amount of operations above zero (a bare number is FLOP).
fn point(text: &str) -> Result<aicompute::language::expr::Value, Fail> {
    use aicompute::language::expr::Dim;
    let v = aicompute::language::expr::eval(text)
        .map_err(|e| Fail::Core { flag: "--point".into(), message: e.message(lang()) })?;
    if v.dim != Dim::OPS && v.dim != Dim::COUNT {
        return Err(Fail::PointNotOps { text: text.into(), got: v.dim });
    }
    if v.lo <= 0.0 {
        return Err(Fail::PointNotPositive(text.into()));
    }
    Ok(v)
}

static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language of prose output (--lang, default English); JSON keys never change with it.
fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// The command line as text, less `--lang en|zh` (or `--lang=zh`, wherever it stands; the first
/// one sets the language, so that every later message, this function's own included, is in it).
/// An argument that is not UTF-8 is refused by its position.
fn arguments(raw: Vec<OsString>) -> Result<Vec<String>, Fail> {
    let texts: Vec<Option<String>> = raw.into_iter().map(|a| a.into_string().ok()).collect();
    let mut langs = Vec::new();
    let mut skip = vec![false; texts.len()];
    for (i, a) in texts.iter().enumerate() {
        match a.as_deref() {
            Some("--lang") if !skip[i] => {
                skip[i] = true;
                match texts.get(i + 1) {
                    None => langs.push(Err(Fail::Says(Key::CliLangValue))),
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
    // The first good value sets the language; then every value must be good.
    let first = langs.iter().find_map(|l| match l.as_deref() {
        Ok("en") => Some(Lang::En),
        Ok("zh") => Some(Lang::Zh),
        _ => None,
    });
    if let Some(l) = first {
        LANG.set(l).ok();
    }
    for l in langs {
        let v = l?;
        if v != "en" && v != "zh" {
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

/// The field a whole-number flag is checked as (the transformer tab's, with the same words).
const WHOLE_FLAGS: [(&str, Field); 10] = [
    ("--layers", Field::TLayers),
    ("--d-model", Field::TDModel),
    ("--context", Field::TContext),
    ("--vocab", Field::TVocab),
    ("--heads", Field::THeads),
    ("--kv-heads", Field::TKvHeads),
    ("--head-dim", Field::THeadDim),
    ("--d-ff", Field::TDFf),
    ("--experts", Field::TExperts),
    ("--active-experts", Field::TActive),
];

/// A whole number for a shape flag (an expression such as 4k is fine), checked by the core.
fn whole(a: &Args, flag: &str) -> Result<Option<u64>, Fail> {
    let Some(text) = a.get(flag) else { return Ok(None) };
    let field = WHOLE_FLAGS.iter().find(|(f, _)| *f == flag).map_or(Field::TLayers, |(_, field)| *field);
    architecture::whole(field, text).map_err(|e| Fail::Core { flag: flag.into(), message: e.message(lang()) })
}

/// A field-checked number (`field` decides what it may hold), or None when the flag is absent.
fn quantity(a: &Args, flag: &str, field: Field) -> Result<Option<f64>, Fail> {
    let Some(text) = a.get(flag) else { return Ok(None) };
    let v = calc::check_field(field, text).map_err(|e| Fail::Core { flag: flag.into(), message: e.message(lang()) })?;
    if v.is_range() {
        return Err(Fail::Range(flag.into()));
    }
    Ok(Some(v.mid()))
}

fn required(a: &Args, flag: &'static str, field: Field) -> Result<f64, Fail> {
    quantity(a, flag, field)?.ok_or(Fail::Missing { flag, why: None })
}

const SHAPE_FLAGS: [(Dimension, &str); 9] = [
    (Dimension::Layers, "--layers"),
    (Dimension::DModel, "--d-model"),
    (Dimension::Context, "--context"),
    (Dimension::Vocab, "--vocab"),
    (Dimension::Heads, "--heads"),
    (Dimension::KvHeads, "--kv-heads"),
    (Dimension::HeadDim, "--head-dim"),
    (Dimension::DFf, "--d-ff"),
    (Dimension::Experts, "--experts"),
];

/// The architecture from --config or from the shape flags, with what was read and assumed.
fn architecture(a: &Args, lang: Lang) -> Result<(transformer::Arch, Vec<String>), Fail> {
    if let Some(path) = a.get("--config") {
        let text = read_text("--config", path)?;
        let config = |message: String| Fail::Core { flag: "--config".into(), message };
        let j = aicompute::model::json::parse(&text).map_err(|e| config(e.message(lang)))?;
        let (arch, used) = transformer::from_config(&j).map_err(|e| config(e.message(lang)))?;
        return Ok((arch, used.iter().map(|u| u.message(lang)).collect()));
    }
    let mut shape = transformer::Shape::default();
    for (d, flag) in SHAPE_FLAGS {
        let v = whole(a, flag)?;
        match d {
            Dimension::Layers => shape.layers = v,
            Dimension::DModel => shape.d_model = v,
            Dimension::Context => shape.context = v,
            Dimension::Vocab => shape.vocab = v,
            Dimension::Heads => shape.heads = v,
            Dimension::KvHeads => shape.kv_heads = v,
            Dimension::HeadDim => shape.head_dim = v,
            Dimension::DFf => shape.d_ff = v,
            _ => shape.experts = v,
        }
    }
    shape.active_experts = whole(a, "--active-experts")?;
    shape.gated = a.has("--gated").then_some(true);
    let (arch, notes) = shape.resolve().map_err(|e| Fail::CoreAlone(e.message(lang)))?;
    Ok((arch, notes.iter().map(|n| tr(lang, "assumed: ", "假定：").to_string() + &n.message(lang)).collect()))
}

fn cmd_transformer(raw: &[String]) -> Result<(), Fail> {
    let mut allowed: Vec<&str> = SHAPE_FLAGS.iter().map(|(_, f)| *f).collect();
    allowed.extend(["--config", "--active-experts", "--gated", "--tokens", "--convention"]);
    let a = Args::parse(raw, &allowed)?;
    let lang = lang();
    let convention = match a.choice("--convention", &["kaplan", "palm"])? {
        None | Some("kaplan") => transformer::Convention::Kaplan,
        Some(_) => transformer::Convention::Palm,
    };
    let (arch, notes) = architecture(&a, lang)?;
    let c = arch.counts(convention).map_err(|e| Fail::CoreAlone(e.message(lang)))?;
    let tokens = quantity(&a, "--tokens", Field::Tokens)?;
    let flop = tokens.map(|t| c.flop(t).map_err(|e| Fail::CoreAlone(format!("--{}", e.message(lang))))).transpose()?;
    if a.has("--json") {
        let mut m = Map::new();
        m.insert("parameters".into(), json!(c.parameters));
        m.insert("parameters_active".into(), json!(c.parameters_active));
        m.insert("non_embedding".into(), json!(c.non_embedding));
        m.insert("embedding".into(), json!(c.embedding));
        m.insert("flop_per_token".into(), json!(c.flop_per_token));
        m.insert("attention_flop_per_token".into(), json!(c.attention_flop_per_token));
        m.insert("convention".into(), json!(format!("{:?}", c.convention).to_lowercase()));
        if let (Some(t), Some(f)) = (tokens, flop) {
            m.insert("tokens".into(), json!(t));
            m.insert("flop".into(), json!(f));
            m.insert("pfs_days".into(), json!(units::pfs_days(f)));
            m.insert("tokens_per_parameter".into(), json!(t / c.parameters));
        }
        m.insert("notes".into(), json!(notes));
        println!("{}", Json::Object(m));
        return Ok(());
    }
    print_transformer(&arch, &c, tokens.zip(flop), &notes, lang);
    Ok(())
}

fn print_transformer(
    arch: &transformer::Arch,
    c: &transformer::Counts,
    run: Option<(f64, f64)>,
    notes: &[String],
    lang: Lang,
) {
    let r = |v: f64| format::readable(v, 4, ",");
    let (a, h, kv) = (arch.layers, arch.heads, arch.kv_heads);
    let (d, hd) = (arch.d_model, arch.head_dim);
    println!(
        "{}",
        tr(
            lang,
            format!("{a} layers, d_model {d}, {h} heads × {hd}, {kv} key-value heads"),
            format!("{a} 层，d_model {d}，{h} 个头 × {hd}，{kv} 个键值头"),
        )
    );
    let line = |en: &str, zh: &str, v: String| println!("{}", tr(lang, format!("{en}: {v}"), format!("{zh}：{v}")));
    let exact = |v: f64| trf!(lang, "{} ({})", "{}（{}）", render::exact_count(v), r(v));
    line("parameters", "参数量", exact(c.parameters));
    if arch.experts > 0 {
        line("active per token", "每 token 激活", exact(c.parameters_active));
    }
    line("embedding", "嵌入", exact(c.embedding));
    let n = match c.convention {
        transformer::Convention::Kaplan => c.non_embedding_active,
        transformer::Convention::Palm => c.parameters_active,
    };
    let per_token = format!("6 × {} + {} = {}", r(n), r(c.attention_flop_per_token), r(c.flop_per_token));
    line("training FLOP per token", "每 token 训练 FLOP", per_token);
    if let Some((t, f)) = run {
        let (per, t, f, days) = (r(c.flop_per_token), r(t), r(f), r(units::pfs_days(f)));
        let s = trf!(
            lang,
            "{} × {} tokens = {} FLOP = {} pfs-days",
            "{} × {} 个 token = {} FLOP = {} pfs-days",
            per,
            t,
            f,
            days
        );
        println!("{s}");
    }
    for n in notes {
        println!("{}{n}", t(lang, Key::CliNote));
    }
}

fn cmd_chinchilla(raw: &[String]) -> Result<(), Fail> {
    let a = Args::parse(raw, &["--compute"])?;
    let lang = lang();
    let compute = required(&a, "--compute", Field::Forward)?;
    let c =
        planner::chinchilla(compute).map_err(|e| Fail::Core { flag: "--compute".into(), message: e.message(lang) })?;
    if a.has("--json") {
        println!(
            "{}",
            json!({"compute": compute, "parameters": c.parameters, "tokens": c.tokens, "tokens_per_parameter": 20.0})
        );
    } else {
        let r = |v: f64| format::readable(v, 3, ",");
        let (compute, n, d) = (r(compute), r(c.parameters), r(c.tokens));
        println!(
            "{}",
            trf!(lang, "N = sqrt({} / (6 × 20)) = {} parameters", "N = sqrt({} / (6 × 20)) = {} 个参数", compute, n)
        );
        println!("{}", trf!(lang, "D = 20 × N = {} tokens", "D = 20 × N = {} 个 token", d));
    }
    Ok(())
}

fn cmd_mfu(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let shape = ["--layers", "--heads", "--head-dim", "--context"];
    let mut allowed = vec!["--tokens-per-second", "--parameters", "--chips", "--hardware", "--precision", "--peak"];
    allowed.extend(shape);
    let a = Args::parse(raw, &allowed)?;
    let lang = lang();
    let rate = required(&a, "--tokens-per-second", Field::Parameters)?;
    let n = required(&a, "--parameters", Field::Parameters)?;
    let chips = required(&a, "--chips", Field::Chips)?;
    let peak = match (a.get("--hardware"), a.get("--peak")) {
        (Some(h), None) => {
            let core =
                |flag: &str, e: hardware::HardwareError| Fail::Core { flag: flag.into(), message: e.message(lang) };
            let p =
                a.get("--precision").map(hardware::Precision::parse).transpose().map_err(|e| core("--precision", e))?;
            cat.lookup(h).and_then(|c| c.peak_for(p)).map_err(|e| core("--hardware", e))?.1
        }
        (None, Some(_)) => required(&a, "--peak", Field::Peak)?,
        _ => return Err(Fail::Says(Key::CliHardwareOrPeak)),
    };
    let mut dims = [0.0; 4];
    for (i, flag) in shape.iter().enumerate() {
        dims[i] = match (whole(&a, flag)?, shape.iter().any(|f| a.get(f).is_some())) {
            (Some(v), _) => v as f64,
            (None, true) => return Err(Fail::Missing { flag, why: Some(Key::CliWhyAttention) }),
            (None, false) => 0.0,
        };
    }
    let [l, h, q, t] = dims;
    let per_token = planner::palm_flop_per_token(n, l, h, q, t)
        .map_err(|e| Fail::Core { flag: "--parameters".into(), message: e.message(lang) })?;
    let u = planner::mfu(rate, per_token, chips, peak)
        .map_err(|e| Fail::Core { flag: "mfu".into(), message: e.message(lang) })?;
    if a.has("--json") {
        println!("{}", json!({"mfu": u, "flop_per_token": per_token, "peak": peak}));
    } else {
        let r = |v: f64| format::readable(v, 4, ",");
        println!(
            "MFU = (6 × {} + 12 × {l} × {h} × {q} × {t}) × {} ÷ ({} × {}) = {}%",
            r(n),
            r(rate),
            r(chips),
            r(peak),
            format::readable(u * 100.0, 3, ",")
        );
    }
    Ok(())
}

/// The help, in the user's language; it is text only, so --json with it is refused.
fn help(rest: &[String]) -> Result<(), Fail> {
    if rest.iter().any(|a| a == "--json" || a.starts_with("--json=")) {
        return Err(Fail::Says(Key::CliHelpJson));
    }
    print!("{}{HELP_EXAMPLES}", tr(lang(), HELP_EN, HELP_ZH));
    Ok(())
}

fn run(args: Vec<String>, cat: &Catalog) -> Result<(), Fail> {
    let Some(cmd) = args.first() else { return help(&[]) };
    let rest = &args[1..];
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        return help(&args);
    }
    match cmd.as_str() {
        "ops" => cmd_ops(rest, cat),
        "params" => cmd_params(rest, cat),
        "gpu" => cmd_gpu(rest, cat),
        "layers" => cmd_layers(rest, cat),
        "examples" => cmd_examples(rest, cat),
        "exercises" => cmd_exercises(rest, cat),
        "hardware" => cmd_hardware(rest, cat),
        "link" => cmd_link(rest, cat),
        "trend" => cmd_trend(rest, cat),
        "chart" => cmd_chart(rest, cat),
        "transformer" => cmd_transformer(rest),
        "chinchilla" => cmd_chinchilla(rest),
        "mfu" => cmd_mfu(rest, cat),
        "--help" | "-h" | "help" => help(&args),
        other => Err(Fail::UnknownCommand(other.to_string())),
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
    // The one catalog of the run: the built-in data and Epoch AI's, embedded.
    let cat = Catalog::full();
    match arguments(std::env::args_os().skip(1).collect()).and_then(|args| run(args, &cat)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("aicompute: {}", f.message(lang()));
            ExitCode::from(f.code())
        }
    }
}
