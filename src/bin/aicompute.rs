//! `aicompute`: the command-line front end of the core. Plain output is the derivation as a
//! person reads it; `--json` prints one object. A bad input exits with status 2 and one line on
//! stderr naming the field and the problem.

use aicompute::calc::{self, evaluate, Calculation, Estimate, Field, Lang, Mode, Outcome, Per};
use aicompute::i18n::tr;
use aicompute::transformer::{self, Dimension};
use aicompute::{
    chart, examples, export, footprint, format, hardware, planner, render, share, thresholds, trend, units,
};
use serde_json::{json, Map, Value as Json};
use std::process::ExitCode;

const HELP: &str = "aicompute: estimate how much compute trained an AI model (OpenAI's \"AI and Compute\" methods)

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
                     [--bounds include] [--json]
                     (--bounds include: also fit the points that are upper bounds, left out by default)
  aicompute chart    [--dataset ...] [--from ...] [--to ...] [--bounds include] (the selection, as for trend)
                     --svg FILE [--width PX --height PX] [--dark] [--point FLOP --date YYYY-MM] [--moore 18|24|none]
  aicompute exercises [--answers]                    (the worked examples as a question sheet, or its answer key)
  aicompute link     URL-OR-QUERY [--quiz] [--json]   (--quiz: print the link as an exercise, quiz=1)
  aicompute transformer (--config FILE | --layers N --d-model N --context N --vocab N [--heads N] [--kv-heads N]
                     [--head-dim N] [--d-ff N] [--gated] [--experts N --active-experts N]) [--tokens EXPR]
                     [--convention kaplan|palm] [--lang en|zh] [--json]
  aicompute chinchilla --compute EXPR [--json]
  aicompute mfu      --tokens-per-second EXPR --parameters EXPR [--layers N --heads N --head-dim N --context N]
                     --chips EXPR (--hardware NAME [--precision P] | --peak EXPR) [--json]
  aicompute --help   (or -h, or help): this text

Every command takes --lang en|zh (messages and prose in English or Chinese; the default is English)
and --json (one JSON object instead of text; chart writes SVG and refuses it).

Every number is an expression: 1.2M, 11.4 * 10^9, (348M + 304M), sqrt(10 * 100), 33%, 5.5 d,
8.5 TFLOPS, and ranges such as 25%..50% or 5..6 d. A bare number in --time means days; a bare
number in --peak means FLOP/s. --utilization defaults to 33% (17% for a CPU).

EXAMPLES
  aicompute ops --forward '11.4 * 10^9' --examples 1.2M --epochs 128
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
";

/// A failure: the message for stderr, and the exit status.
struct Fail(String, u8);

fn usage(msg: impl Into<String>) -> Fail {
    Fail(msg.into(), 2)
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
                    return Err(usage(format!("unknown option {name}: see 'aicompute --help'")));
                }
                if SWITCHES.contains(&name.as_str()) || TOGGLES.contains(&name.as_str()) {
                    flags.push((name, None));
                } else if let Some(v) = inline {
                    flags.push((name, Some(v)));
                } else {
                    let Some(v) = raw.get(i + 1) else {
                        return Err(usage(format!("{name} needs a value")));
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
}

fn fill(c: &mut Calculation, a: &Args, fields: &[Field]) {
    for f in fields {
        if let Some(v) = a.get(f.flag()) {
            *f.get_mut(c) = v.to_string();
        }
    }
}

/// The core's JSON as serde's, for printing.
fn serde(j: &aicompute::json::Json) -> Json {
    use aicompute::json::Json as J;
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
        println!("note: {}", render::note(n, lang()));
    }
    // Plain output names the thresholds an estimate comes within 100× of (JSON lists all).
    for s in thresholds::against(e.flop.mid()).iter().filter(|s| s.ratio >= 0.01) {
        println!("{}", s.sentence(lang()));
    }
}

/// A field's error as "--flag: message".
fn field_error(e: &calc::FieldError) -> Fail {
    usage(format!("{}: {}", e.field.flag(), e.message(lang())))
}

/// The first error of an outcome as "--flag: message".
fn outcome_error(o: &Outcome) -> Fail {
    match o.errors().first() {
        Some(e) => field_error(e),
        None => usage("missing input: see 'aicompute --help'"),
    }
}

fn run_method(c: &Calculation, gpu: bool, json_out: bool) -> Result<(), Fail> {
    let ev = evaluate(c);
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

fn cmd_ops(raw: &[String]) -> Result<(), Fail> {
    let fields = [Field::Forward, Field::FlopsPerMac, Field::Passes, Field::Examples, Field::Epochs];
    let mut allowed: Vec<&str> = fields.iter().map(|f| f.flag()).collect();
    allowed.push("--per");
    let a = Args::parse(raw, &allowed)?;
    let mut c = Calculation::default();
    fill(&mut c, &a, &fields);
    c.per = match a.get("--per") {
        None | Some("mac") => Per::Mac,
        Some("flop") => Per::Flop,
        Some(o) => return Err(usage(format!("--per: '{o}' is neither mac nor flop"))),
    };
    for (f, what) in [(Field::Forward, "the operations per forward pass"), (Field::Examples, "the number of examples")]
    {
        if f.get(&c).trim().is_empty() {
            return Err(usage(format!("{}: missing: give {what}", f.flag())));
        }
    }
    run_method(&c, false, a.has("--json"))
}

fn cmd_params(raw: &[String]) -> Result<(), Fail> {
    let fields = [Field::Parameters, Field::Tokens];
    let a = Args::parse(raw, &fields.map(|f| f.flag()))?;
    let mut c = Calculation { mode: Mode::Params, ..Calculation::default() };
    fill(&mut c, &a, &fields);
    for f in fields {
        if f.get(&c).trim().is_empty() {
            return Err(usage(format!("{}: missing", f.flag())));
        }
    }
    run_method(&c, false, a.has("--json"))
}

fn cmd_gpu(raw: &[String]) -> Result<(), Fail> {
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
        return Err(usage("--hardware or --peak: give exactly one of them"));
    }
    if c.target.trim().is_empty() {
        if c.chips.trim().is_empty() {
            return Err(usage("--chips: missing: give the number of chips (or --flop to solve for it)"));
        }
        if c.time.trim().is_empty() {
            return Err(usage("--time: missing: give the training time, such as '5.5 d' (or --flop to solve for it)"));
        }
    }
    run_method(&c, true, a.has("--json"))
}

fn cmd_layers(raw: &[String]) -> Result<(), Fail> {
    let a = Args::parse(raw, &["--examples", "--epochs", "--flops-per-mac", "--passes"])?;
    let spec = a.positional.join("\n");
    let layers = aicompute::layers::parse(&spec).map_err(|e| usage(format!("layers: {e}")))?;
    let total = aicompute::layers::total_macs(&layers);
    let mut c = Calculation { mode: Mode::Layers, layers: spec, ..Calculation::default() };
    fill(&mut c, &a, &[Field::Examples, Field::Epochs, Field::FlopsPerMac, Field::Passes]);
    let ev = evaluate(&c);
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
            let rep = if l.repeat != 1.0 { format!(" x {}", format::exact(l.repeat)) } else { String::new() };
            println!("{:>2}. {:<40} {:>16} MACs{rep}", i + 1, l.text, format::grouped(l.macs, 0, ","));
        }
        println!(
            "total: {} add-multiplies = {} FLOP per example (2 FLOP per add-multiply)",
            format::grouped(total, 0, ","),
            format::readable(total * 2.0, 3, ",")
        );
        if let Some(e) = &estimate {
            print_estimate(e);
        }
    }
    Ok(())
}

fn cmd_examples(raw: &[String]) -> Result<(), Fail> {
    let a = Args::parse(raw, &[])?;
    let mut list = Vec::new();
    for ex in examples::EXAMPLES {
        let exact = ex.exact_flop().ok_or_else(|| Fail(format!("example {} does not evaluate", ex.id), 1))?;
        if a.has("--json") {
            list.push(json!({
                "id": ex.id, "name": ex.name, "seed": ex.seed,
                "method": format!("{:?}", ex.method).to_lowercase(),
                "inputs": ex.inputs.iter().map(|(f, v)| (f.flag().trim_start_matches("--").to_string(), json!(v))).collect::<Map<_, _>>(),
                "flop": exact, "pfs_days": units::pfs_days(exact),
                "published_pf": ex.published_pf, "published_pfs_days": ex.published_pfs_days,
                "differs": ex.differs(), "printed": ex.printed, "source": ex.source,
                "link": format!("?{}", share::encode(&ex.calculation())),
            }));
        } else {
            let flag = if ex.differs() {
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

fn cmd_hardware(raw: &[String]) -> Result<(), Fail> {
    let a = Args::parse(raw, &[])?;
    let q = a.positional.join(" ");
    let chips = if q.is_empty() { hardware::chips().iter().collect() } else { hardware::search(&q) };
    if chips.is_empty() {
        return Err(usage(format!("no chip matches '{q}'")));
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
                "{:<40} {}\n    {}\n    source: {}",
                c.id,
                c.name,
                if peaks.is_empty() { "no peak figure".into() } else { peaks.join(", ") },
                c.citation()
            );
        }
    }
    Ok(())
}

/// The exercise set: the worked examples as questions, or (with --answers) the answer key.
fn cmd_exercises(raw: &[String]) -> Result<(), Fail> {
    let a = Args::parse(raw, &["--answers"])?;
    let text =
        if a.has("--answers") { aicompute::quiz::answer_key(lang()) } else { aicompute::quiz::question_sheet(lang()) };
    print!("{text}");
    Ok(())
}

fn cmd_link(raw: &[String]) -> Result<(), Fail> {
    let a = Args::parse(raw, &["--quiz"])?;
    let Some(url) = a.positional.first() else { return Err(usage("link: give a URL or a query")) };
    let d = share::decode(url);
    if a.has("--quiz") {
        // The same calculation as an exercise: the page shows its inputs and asks for the result.
        let base = url.split_once('?').map_or(if url.contains('=') { "" } else { url.as_str() }, |(b, _)| b);
        println!("{base}?{}", share::encode(&Calculation { quiz: true, ..d.calc }));
        return Ok(());
    }
    let ev = evaluate(&d.calc);
    if a.has("--json") {
        let mut m = Map::new();
        for (key, o) in [("method1", &ev.method1), ("method2", &ev.method2)] {
            let footprint = match &ev.footprint {
                Some(Ok(f)) if key == "method2" => footprint_json(f),
                _ => Map::new(),
            };
            match o {
                Outcome::Done(e) => m.insert(key.into(), Json::Object(estimate_json(e).into_iter().chain(footprint).collect())),
                Outcome::Empty => m.insert(key.into(), Json::Null),
                Outcome::Invalid(errs) => m.insert(
                    key.into(),
                    json!({"errors": errs.iter().map(|e| format!("{}: {}", e.field.flag(), e.message(lang()))).collect::<Vec<_>>()}),
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
        m.insert("ignored".into(), json!(d.ignored.iter().map(|i| i.message(lang())).collect::<Vec<_>>()));
        println!("{}", Json::Object(m));
    } else {
        for i in &d.ignored {
            println!("ignored: {}", i.message(lang()));
        }
        for (name, o) in [("Method 1", &ev.method1), ("Method 2", &ev.method2)] {
            match o {
                Outcome::Done(e) => {
                    println!("{name}:");
                    print_estimate(e);
                }
                Outcome::Invalid(errs) => {
                    for e in errs {
                        println!("{name}: {}: {}", e.field.flag(), e.message(lang()));
                    }
                }
                Outcome::Empty => {}
            }
        }
        if let Some(c) = ev.comparison {
            println!("Method 1 / Method 2 = {}", render::comparison(&c, lang()));
        }
    }
    Ok(())
}

const SELECTION_FLAGS: [&str; 4] = ["--dataset", "--from", "--to", "--bounds"];

/// The data selection of `trend` and `chart`: --dataset (default openai-2018), --from, --to.
fn selection(a: &Args) -> Result<trend::Selection, Fail> {
    let sets = trend::Selection::parse_datasets(a.get("--dataset").unwrap_or("openai-2018"))
        .map_err(|m| usage(format!("--dataset: {m}")))?;
    let mut sel = trend::Selection::of(&sets);
    if let Some(f) = a.get("--from") {
        sel.from = Some(trend::parse_bound(f, false).map_err(|m| usage(format!("--from: {m}")))?);
    }
    if let Some(t) = a.get("--to") {
        sel.to = Some(trend::parse_bound(t, true).map_err(|m| usage(format!("--to: {m}")))?);
    }
    sel.include_bounds = matches!(a.get("--bounds"), Some("include"));
    Ok(sel)
}

fn cmd_trend(raw: &[String]) -> Result<(), Fail> {
    let a = Args::parse(raw, &SELECTION_FLAGS)?;
    let sel = selection(&a)?;
    let fit = sel.fit().ok_or_else(|| usage("fewer than 3 points with distinct dates in that selection: widen it"))?;
    let drawn = sel.points().len();
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
                "alexnet_to_alphago_zero": trend::headline_growth().map(|g| json!({
                    "factor": g.factor, "years": g.years, "moore_18_months": g.moore_18, "moore_24_months": g.moore_24,
                })),
            })
        );
    } else {
        let colon = aicompute::i18n::colon(lang());
        println!("{}{colon}{}", tr(lang(), "doubling time", "翻倍时间"), render::doubling(&fit, lang()));
        let span = format!("{:.1}–{:.1}", fit.from, fit.to);
        println!("{}", tr(lang(), format!("points dated {span}"), format!("数据点时间范围：{span}")));
        if sel.datasets.contains(&aicompute::data::DatasetId::OpenAi2018) {
            if let Some(g) = trend::headline_growth() {
                println!("{}", render::growth(&g, lang()));
            }
        }
        for d in &sel.datasets {
            println!("{}{}", tr(lang(), "source: ", "来源："), d.source_in(lang()));
        }
    }
    Ok(())
}

fn cmd_chart(raw: &[String]) -> Result<(), Fail> {
    let mut allowed = SELECTION_FLAGS.to_vec();
    allowed.extend(["--svg", "--width", "--height", "--point", "--date", "--moore"]);
    let a = Args::parse(raw, &allowed)?;
    let sel = selection(&a)?;
    let path = a.get("--svg").ok_or_else(|| usage("--svg: give the file to write"))?;
    let dim = |flag: &str, default: u32| -> Result<u32, Fail> {
        match a.get(flag) {
            None => Ok(default),
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|v| (200..=8000).contains(v))
                .ok_or_else(|| usage(format!("{flag}: '{v}' is not a size in pixels from 200 to 8000"))),
        }
    };
    let (w, h) = (dim("--width", 1000)?, dim("--height", 600)?);
    if a.has("--json") {
        return Err(usage("--json: chart writes an SVG file; 'aicompute trend --json' prints the fit's numbers"));
    }
    let lang = lang();
    let user = match a.get("--point") {
        None => None,
        Some(p) => {
            let v = point(p)?;
            let date = a.get("--date").ok_or_else(|| usage("--date: give the date of --point, such as 2024-06"))?;
            let years =
                aicompute::date::Date::parse(date).map_err(|e| usage(format!("--date: {}", e.message(lang))))?.years();
            Some(chart::UserPoint { years, flop: v.mid(), low: v.lo, high: v.hi, label: String::new() })
        }
    };
    let moore = match a.get("--moore") {
        None => Some(18.0),
        Some("18") => Some(18.0),
        Some("24") => Some(24.0),
        Some("none") => None,
        Some(o) => return Err(usage(format!("--moore: '{o}': use 18, 24 or none"))),
    };
    let spec = chart::ChartSpec {
        saved: Vec::new(),
        thresholds: false,
        points: sel.points(),
        fit: sel.fit(),
        moore_months: moore,
        eras: true,
        user,
        lang,
        dark: a.has("--dark"),
        scale: 1.0,
        labels: chart::DEFAULT_LABELS.to_vec(),
    };
    let (svg, layout) = chart::svg(&spec, w, h).map_err(|m| Fail(format!("drawing failed: {m}"), 1))?;
    std::fs::write(path, svg).map_err(|e| Fail(format!("--svg: cannot write {path}: {e}"), 1))?;
    println!("wrote {path}: {} points, {}x{} px", layout.markers.len(), w, h);
    Ok(())
}

/// The chart's --point: an amount of operations above zero (a bare number is FLOP).
fn point(text: &str) -> Result<aicompute::expr::Value, Fail> {
    use aicompute::expr::Dim;
    let v = aicompute::expr::eval(text).map_err(|e| usage(format!("--point: {}", e.message(lang()))))?;
    if v.dim != Dim::OPS && v.dim != Dim::COUNT {
        let got = v.dim.describe(lang());
        return Err(usage(format!(
            "--point: '{text}' is {got}, but --point wants an amount of operations (like 3e23 FLOP)"
        )));
    }
    if v.lo <= 0.0 {
        return Err(usage(format!("--point: '{text}' must be above 0 FLOP")));
    }
    Ok(v)
}

static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language of prose output (--lang, default English); JSON keys never change with it.
fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// Takes `--lang en|zh` (or `--lang=zh`) out of the arguments, wherever it stands.
fn take_lang(args: &mut Vec<String>) -> Result<(), Fail> {
    let Some(i) = args.iter().position(|a| a == "--lang" || a.starts_with("--lang=")) else { return Ok(()) };
    let a = args.remove(i);
    let v = match a.strip_prefix("--lang=") {
        Some(v) => v.to_string(),
        None if i < args.len() => args.remove(i),
        None => return Err(usage("--lang needs a value: en or zh")),
    };
    let l = match v.as_str() {
        "en" => Lang::En,
        "zh" => Lang::Zh,
        o => return Err(usage(format!("--lang: '{o}' is neither en nor zh"))),
    };
    LANG.set(l).ok();
    take_lang(args)
}

/// A whole number for a shape flag (an expression such as 4k is fine).
fn whole(a: &Args, flag: &str) -> Result<Option<u64>, Fail> {
    let Some(text) = a.get(flag) else { return Ok(None) };
    let v = aicompute::expr::eval(text).map_err(|e| usage(format!("{flag}: {}", e.message(lang()))))?;
    let n = v.mid();
    if v.dim != aicompute::expr::Dim::COUNT || v.is_range() || n < 0.0 || n.fract() != 0.0 || n > 9.0e15 {
        return Err(usage(format!("{flag}: '{text}' is not a whole number ≥ 0")));
    }
    Ok(Some(n as u64))
}

/// A field-checked number (`field` decides what it may hold), or None when the flag is absent.
fn quantity(a: &Args, flag: &str, field: Field) -> Result<Option<f64>, Fail> {
    let Some(text) = a.get(flag) else { return Ok(None) };
    let v = calc::check_field(field, text).map_err(|e| usage(format!("{flag}: {}", e.message(lang()))))?;
    if v.is_range() {
        return Err(usage(format!("{flag}: give one number, not a range")));
    }
    Ok(Some(v.mid()))
}

fn required(a: &Args, flag: &str, field: Field) -> Result<f64, Fail> {
    quantity(a, flag, field)?.ok_or_else(|| usage(format!("{flag}: missing")))
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
        let text = std::fs::read_to_string(path).map_err(|e| usage(format!("--config: cannot read {path}: {e}")))?;
        let j = aicompute::json::parse(&text).map_err(|e| usage(format!("--config: {}", e.message(lang))))?;
        let (arch, used) = transformer::from_config(&j).map_err(|e| usage(format!("--config: {}", e.message(lang))))?;
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
    let (arch, notes) = shape.resolve().map_err(|e| usage(e.message(lang)))?;
    Ok((arch, notes.iter().map(|n| tr(lang, "assumed: ", "假定：").to_string() + &n.message(lang)).collect()))
}

fn cmd_transformer(raw: &[String]) -> Result<(), Fail> {
    let mut allowed: Vec<&str> = SHAPE_FLAGS.iter().map(|(_, f)| *f).collect();
    allowed.extend(["--config", "--active-experts", "--gated", "--tokens", "--convention"]);
    let a = Args::parse(raw, &allowed)?;
    let lang = lang();
    let convention = match a.get("--convention") {
        None | Some("kaplan") => transformer::Convention::Kaplan,
        Some("palm") => transformer::Convention::Palm,
        Some(o) => return Err(usage(format!("--convention: '{o}' is neither kaplan nor palm"))),
    };
    let (arch, notes) = architecture(&a, lang)?;
    let c = arch.counts(convention).map_err(|e| usage(e.message(lang)))?;
    let tokens = quantity(&a, "--tokens", Field::Tokens)?;
    let flop = tokens.map(|t| c.flop(t).map_err(|e| usage(format!("--{}", e.message(lang))))).transpose()?;
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
    let exact = |v: f64| format!("{} ({})", format::grouped(v, 0, ","), r(v));
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
        println!("{} × {} tokens = {} FLOP = {} pfs-days", r(c.flop_per_token), r(t), r(f), r(units::pfs_days(f)));
    }
    for n in notes {
        println!("{}{n}", tr(lang, "note: ", "注："));
    }
}

fn cmd_chinchilla(raw: &[String]) -> Result<(), Fail> {
    let a = Args::parse(raw, &["--compute"])?;
    let compute = required(&a, "--compute", Field::Forward)?;
    let c = planner::chinchilla(compute).map_err(|e| usage(format!("--compute: {}", e.message(lang()))))?;
    if a.has("--json") {
        println!(
            "{}",
            json!({"compute": compute, "parameters": c.parameters, "tokens": c.tokens, "tokens_per_parameter": 20.0})
        );
    } else {
        let r = |v: f64| format::readable(v, 3, ",");
        println!("N = sqrt({} / (6 × 20)) = {} parameters", r(compute), r(c.parameters));
        println!("D = 20 × N = {} tokens", r(c.tokens));
    }
    Ok(())
}

fn cmd_mfu(raw: &[String]) -> Result<(), Fail> {
    let shape = ["--layers", "--heads", "--head-dim", "--context"];
    let mut allowed = vec!["--tokens-per-second", "--parameters", "--chips", "--hardware", "--precision", "--peak"];
    allowed.extend(shape);
    let a = Args::parse(raw, &allowed)?;
    let rate = required(&a, "--tokens-per-second", Field::Parameters)?;
    let n = required(&a, "--parameters", Field::Parameters)?;
    let chips = required(&a, "--chips", Field::Chips)?;
    let peak = match (a.get("--hardware"), a.get("--peak")) {
        (Some(h), None) => {
            let p = a
                .get("--precision")
                .map(hardware::Precision::parse)
                .transpose()
                .map_err(|m| usage(format!("--precision: {m}")))?;
            hardware::lookup(h).and_then(|c| c.peak_for(p)).map_err(|m| usage(format!("--hardware: {m}")))?.1
        }
        (None, Some(_)) => required(&a, "--peak", Field::Peak)?,
        _ => return Err(usage("--hardware or --peak: give exactly one of them")),
    };
    let mut dims = [0.0; 4];
    for (i, flag) in shape.iter().enumerate() {
        dims[i] = match (whole(&a, flag)?, shape.iter().any(|f| a.get(f).is_some())) {
            (Some(v), _) => v as f64,
            (None, true) => {
                return Err(usage(format!(
                    "{flag}: missing: the attention term needs --layers, --heads, --head-dim and --context"
                )))
            }
            (None, false) => 0.0,
        };
    }
    let [l, h, q, t] = dims;
    let per_token = planner::palm_flop_per_token(n, l, h, q, t)
        .map_err(|e| usage(format!("--parameters: {}", e.message(lang()))))?;
    let u = planner::mfu(rate, per_token, chips, peak).map_err(|e| usage(format!("mfu: {}", e.message(lang()))))?;
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

fn run(mut args: Vec<String>) -> Result<(), Fail> {
    take_lang(&mut args)?;
    let Some(cmd) = args.first() else {
        print!("{HELP}");
        return Ok(());
    };
    let rest = &args[1..];
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        print!("{HELP}");
        return Ok(());
    }
    match cmd.as_str() {
        "ops" => cmd_ops(rest),
        "params" => cmd_params(rest),
        "gpu" => cmd_gpu(rest),
        "layers" => cmd_layers(rest),
        "examples" => cmd_examples(rest),
        "exercises" => cmd_exercises(rest),
        "hardware" => cmd_hardware(rest),
        "link" => cmd_link(rest),
        "trend" => cmd_trend(rest),
        "chart" => cmd_chart(rest),
        "transformer" => cmd_transformer(rest),
        "chinchilla" => cmd_chinchilla(rest),
        "mfu" => cmd_mfu(rest),
        "--help" | "-h" | "help" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(usage(format!("unknown command '{other}': see 'aicompute --help'"))),
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
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fail(msg, code)) => {
            eprintln!("aicompute: {msg}");
            ExitCode::from(code)
        }
    }
}
