//! Fuzzing the core, in release mode (CI runs it from `scripts/test.sh`):
//!
//! ```sh
//! cargo test --profile fuzz --test fuzz -- --ignored --nocapture
//! ```
//!
//! Over 1,000,000 generated calculations (`FUZZ_INPUTS` to change it, `FUZZ_SEED` for another run):
//! random expressions, chip names, layer lists, dates and junk in every field of [`Calculation`],
//! each evaluated; a random field text through `check_field` beside each; and every fourth round a
//! random share link through `share::decode` and evaluated; now and then a field's text is over
//! its length limit. Asserted: nothing panics; no evaluation returns a non-finite number (NaN,
//! ±inf) anywhere in what it returns as Ok; ranges come out with low ≤ high; and neither the prose
//! rendered from an Ok result nor any error message shows NaN or inf. It prints the count, the
//! inputs per second and the non-finite count.
//!
//! Besides, in every `cargo test`: 100,000 characters of several kinds in every field of the
//! field table, in every tab, each refused beside its field, quickly, with a short message.
#![cfg(not(target_arch = "wasm32"))]
use aicompute::text::num::len_f64;

use aicompute::calculation::calc::{check_field, evaluate, Calculation, Evaluation, Field, Lang, Mode, Per, Want};
use aicompute::catalog::hardware::Precision;
use aicompute::language::expr::Value;
use aicompute::{formats::share, model::architecture, run::energy, run::footprint, text::render};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

const SUFFIXES: &[&str] = &["", "", "", "k", "K", "M", "G", "T", "P", "E", "B", "万", "亿"];
const UNITS: &[&str] = &[
    "",
    "",
    "",
    " s",
    " min",
    " h",
    " d",
    " wk",
    " mo",
    " yr",
    " 天",
    " 小时",
    " days",
    " TFLOPS",
    " TFLOP/s",
    " GFLOPS",
    " PF",
    " GF",
    " FLOP",
    " FLOPs",
    " MFLOPs",
    "%",
    " W",
    " kW",
    " MW",
    " kg/kWh",
    " g/kWh",
    "/d",
    " PFLOP/s",
    " pfs-days",
];
const OPS: &[&str] = &[" + ", " - ", " * ", " / ", "^", " × ", "·", "x", "*", " ^ -"];
const SPECIAL: &[&str] = &[
    "0",
    "-0",
    "0.0",
    "1e-320",
    "5e-324",
    "1.7976931348623157e308",
    "1e308",
    "1e309",
    "1e400",
    "-1e400",
    "inf",
    "NaN",
    "-5",
    "1e-400",
    ".5",
    "5.",
    "1..",
    "..",
    "1e",
    "e5",
    "0x10",
    "1,2,3",
    "1__0",
    "10¹⁷",
    "10⁻³",
    "10⁻³⁴⁰",
    "10³⁰⁹",
    "²",
    "1e+308*10",
    "sqrt(-1)",
    "0/0",
    "1/0",
    "0^0",
    "0^-1",
    "(-8)^(1/3)",
    "2^1024",
    "2^-1075",
    "1e200*1e200",
    "1e-200*1e-200",
    "0*1e400",
];
const JUNK_CHARS: &[char] = &[
    'a', 'z', 'Q', '0', '9', '.', ',', '_', ' ', '\t', '\n', '+', '-', '*', '/', '^', '(', ')', '%', '$', '~', '=',
    ';', '&', '?', '#', '"', '\'', '\\', '<', '>', '中', '天', '万', '亿', '¹', '⁻', '×', '·', '…', '\u{0}', '\u{7f}',
    '\u{200b}', '\u{301}', '😀', '\u{feff}', 'é', 'ß', 'İ', '\u{ffff}', 'x', 'e', 'E', 'd', 'h', 's',
];

fn digits(r: &mut Rng, n: usize) -> String {
    (0..n).map(|_| char::from(b'0' + u8::try_from(r.below(10)).unwrap())).collect()
}

/// A number as a person (or a careless one) types it.
fn number(r: &mut Rng) -> String {
    let body = match r.below(10) {
        0..=2 => r.range(0, 1000).to_string(),
        3 => {
            let n = 1 + r.below(4);
            format!("{}.{}", r.range(0, 999), digits(r, n))
        }
        4 | 5 => {
            let n = r.below(4);
            format!("{}.{}e{}", r.range(1, 9), digits(r, n), r.range(-400, 400))
        }
        6 => "9".repeat(1 + r.below(400)),
        7 => format!("{},{:03}", r.range(1, 999), r.range(0, 999)),
        8 => format!("10{}", superscript(r.range(-330, 330))),
        _ => r.pick(SPECIAL).to_string(),
    };
    format!("{body}{}", r.pick(SUFFIXES))
}

fn superscript(n: i64) -> String {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut s: String = n.unsigned_abs().to_string().chars().map(|c| SUP[c as usize - '0' as usize]).collect();
    if n < 0 {
        s.insert(0, '⁻');
    }
    s
}

/// An expression: numbers with units, operators, parentheses, sqrt, percent and ranges.
fn expr(r: &mut Rng, depth: usize) -> String {
    if depth == 0 || r.chance(40) {
        return format!("{}{}", number(r), r.pick(UNITS));
    }
    match r.below(6) {
        0 | 1 => format!("{}{}{}", expr(r, depth - 1), r.pick(OPS), expr(r, depth - 1)),
        2 => format!("({})", expr(r, depth - 1)),
        3 => format!("sqrt({})", expr(r, depth - 1)),
        4 => format!("{}{}{}", expr(r, depth - 1), r.pick(&["..", "~", " .. ", "–"]), expr(r, depth - 1)),
        _ => format!("${}", expr(r, depth - 1)),
    }
}

fn junk(r: &mut Rng) -> String {
    let n = r.below(60);
    (0..n).map(|_| *r.pick(JUNK_CHARS)).collect()
}

/// A few characters inserted, deleted or replaced.
fn mutate(r: &mut Rng, s: String) -> String {
    let mut cs: Vec<char> = s.chars().collect();
    for _ in 0..1 + r.below(3) {
        let i = if cs.is_empty() { 0 } else { r.below(cs.len() + 1) };
        match r.below(3) {
            0 => cs.insert(i, *r.pick(JUNK_CHARS)),
            1 if i < cs.len() => {
                cs.remove(i);
            }
            _ if i < cs.len() => cs[i] = *r.pick(JUNK_CHARS),
            _ => cs.push(*r.pick(JUNK_CHARS)),
        }
    }
    cs.into_iter().collect()
}

fn chip(r: &mut Rng) -> String {
    let chips = cat().chips();
    let c = r.pick(chips);
    match r.below(6) {
        0 => c.id.to_string(),
        1 => c.name.to_string(),
        2 => c.name.split_whitespace().take(1 + r.below(3)).collect::<Vec<_>>().join(" "),
        3 => r
            .pick(&["A100", "H100", "V100", "TPU v4", "K80", "P100", "B200", "a100 80gb", "gtx 580", "tpu", ""])
            .to_string(),
        4 => {
            let sep: &&str = r.pick(&["", "-", "  ", "_"]);
            c.name.to_lowercase().replace(' ', sep)
        }
        _ => {
            let words: Vec<&str> =
                (0..1 + r.below(12)).map(|_| r.pick(chips).name.split(' ').next().unwrap_or("")).collect();
            words.join(" ")
        }
    }
}

fn layers(r: &mut Rng) -> String {
    let n = 1 + r.below(5);
    let small = |r: &mut Rng| if r.chance(80) { r.range(0, 512).to_string() } else { number(r) };
    let parts: Vec<String> = (0..n)
        .map(|_| match r.below(4) {
            0 => format!("conv in={}x{}x{} k={} s={} f={}", small(r), small(r), small(r), small(r), small(r), small(r)),
            1 => format!("dense in={} out={}", small(r), small(r)),
            2 => format!(
                "rnn in={} h={}{}{}",
                small(r),
                small(r),
                r.pick(&["", " bi"]),
                r.pick(&["", " x7", " x0", " x1e300"])
            ),
            _ => format!("{} in={}", r.pick(&["lstm", "gru", "attn", "pool", "bogus"]), small(r)),
        })
        .collect();
    parts.join(*r.pick(&["; ", ";", "\n", " ; "]))
}

fn date(r: &mut Rng) -> String {
    let (y, m, d) = (r.range(0, 10000), r.range(0, 13), r.range(0, 32));
    match r.below(4) {
        0 => format!("{y}"),
        1 => format!("{y}-{m:02}"),
        2 => format!("{y}-{m:02}-{d:02}"),
        _ => format!("{y}-{m}-{d}"),
    }
}

/// A text over every field's limit (500 characters; the layer list's 40,000): a kind of
/// [`oversized`] text, cut to `len` characters.
fn over_limit(r: &mut Rng, len: usize) -> String {
    let kinds = oversized();
    r.pick(&kinds).chars().cycle().take(len).collect()
}

/// A text for `field`: mostly of the kind it holds, sometimes any expression, sometimes junk,
/// once in a thousand over the field's length limit.
fn text_for(r: &mut Rng, field: Field) -> String {
    if r.below(1000) == 0 {
        let len = field.max_chars() + 1 + r.below(2_000);
        return over_limit(r, len);
    }
    let roll = r.below(100);
    let t = if roll < 15 {
        junk(r)
    } else if roll < 30 {
        expr(r, 3)
    } else {
        match field.want() {
            Want::Chip => chip(r),
            Want::Precision => {
                if r.chance(80) {
                    r.pick(&Precision::ALL).key().to_string()
                } else {
                    junk(r)
                }
            }
            Want::Layers => layers(r),
            Want::Date => date(r),
            Want::Text => junk(r),
            Want::Whole => number(r),
            Want::YesNo | Want::Bias | Want::Convention => r.pick(architecture::options(field.want())).to_string(),
            Want::Mla => (0..r.range(4, 6)).map(|_| number(r)).collect::<Vec<_>>().join(*r.pick(&[",", " ", ", "])),
            Want::Grid if r.chance(50) => r.pick(energy::GRIDS).id.to_string(),
            _ => expr(r, 3),
        }
    };
    if r.chance(10) {
        mutate(r, t)
    } else {
        t
    }
}

fn calculation(r: &mut Rng) -> Calculation {
    let mut c = Calculation {
        basis: *r.pick(&aicompute::calculation::calc::Basis::ALL),
        last: *r.pick(&[
            None,
            Some(aicompute::calculation::calc::Side::One),
            Some(aicompute::calculation::calc::Side::Two),
        ]),
        target_from_estimate: r.chance(20),
        mode: *r.pick(&[Mode::Ops, Mode::Layers, Mode::Params, Mode::Transformer]),
        per: if r.chance(50) { Per::Mac } else { Per::Flop },
        ..Calculation::default()
    };
    // Some calculations fill many fields, some few: both methods, or one, or the transformer tab.
    let fill = *r.pick(&[10, 30, 60, 90]);
    for f in Field::ALL {
        if r.chance(fill) {
            *f.get_mut(&mut c) = text_for(r, *f);
        }
    }
    c
}

/// A share link: known keys with generated values, encoded or raw, and junk keys and escapes.
fn link(r: &mut Rng) -> String {
    let n = r.below(12);
    let mut parts = Vec::new();
    for _ in 0..n {
        let part = match r.below(10) {
            0 => format!("v={}", r.pick(&["1", "2", "", "01"])),
            1 => format!("lang={}", r.pick(&["en", "zh", "fr", ""])),
            2 => format!("mode={}", r.pick(&["ops", "layers", "6nd", "params", "transformer", "x"])),
            3 => r
                .pick(&[
                    "per=mac",
                    "per=flop",
                    "per=y",
                    "basis=both",
                    "basis=2",
                    "last=1",
                    "tgt=m1",
                    "eg1=dqn",
                    "eg2=nmt",
                ])
                .to_string(),
            4 => junk(r),
            5 => format!("{}={}", junk(r), r.pick(&["%", "%E4%B8", "%ZZ", "+", "%00", "%25%25"])),
            _ => {
                let f = *r.pick(Field::ALL);
                let v = text_for(r, f);
                let v = if r.chance(70) { share::encode_component(&v) } else { v };
                format!("{}={v}", f.key())
            }
        };
        parts.push(part);
    }
    let q = parts.join("&");
    match r.below(3) {
        0 => format!("?{q}"),
        1 => format!("https://example.org/tools/compute/?{q}#frag"),
        _ => q,
    }
}

/// Whether Rust's Debug of a value shows NaN or ±inf outside string literals (where a typed
/// "inf" may legitimately sit).
fn debug_shows_nonfinite(s: &str) -> bool {
    let mut in_string = false;
    let mut escaped = false;
    let mut word = String::new();
    for c in s.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        if word == "NaN" || word == "inf" {
            return true;
        }
        word.clear();
        if c == '"' {
            in_string = true;
        }
    }
    word == "NaN" || word == "inf"
}

/// Whether shown prose has NaN or inf as a word.
fn prose_shows_nonfinite(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w == "NaN" || w == "inf" || w == "Infinity")
}

fn ordered(v: &Value) -> bool {
    v.lo <= v.hi
}

/// Every problem with an evaluation's Ok parts, as text.
fn problems(ev: &Evaluation, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let mut ok_part = |what: &str, debug: String| {
        if debug_shows_nonfinite(&debug) {
            out.push(format!("non-finite in {what}: {debug}"));
        }
    };
    for (name, o) in [("method 1", &ev.method1), ("method 2", &ev.method2)] {
        if let Some(e) = o.estimate() {
            ok_part(name, format!("{e:?}"));
        }
    }
    if let Some(c) = &ev.comparison {
        ok_part("comparison", format!("{c:?}"));
    }
    if let Some(Ok(l)) = &ev.layers {
        ok_part("layers", format!("{l:?}"));
    }
    if let Ok(Some(y)) = &ev.date {
        ok_part("date", format!("{y:?}"));
    }
    if let Some(Ok(f)) = &ev.footprint {
        ok_part("footprint", format!("{f:?}"));
    }
    if let Some(Ok(t)) = &ev.transformer {
        ok_part("transformer", format!("{t:?}"));
    }
    let mut prose = Vec::new();
    for o in [&ev.method1, &ev.method2] {
        if let Some(e) = o.estimate() {
            for v in std::iter::once(&e.flop).chain(e.factors.iter().map(|f| &f.value)) {
                if !ordered(v) {
                    out.push(format!("range inside out: {v:?}"));
                }
            }
            prose.push(render::formula(e, lang));
            prose.extend(render::steps(e, lang));
            prose.extend(e.notes.iter().map(|n| render::note(n, lang)));
            prose.push(render::pfs_days(e.pfs_days(), lang));
        }
    }
    if let Some(c) = &ev.comparison {
        prose.push(render::comparison(c, lang));
    }
    if let Some(Ok(f)) = &ev.footprint {
        prose.extend(footprint::lines(f, lang));
        prose.extend(footprint::notes(f, lang));
    }
    for p in prose.iter().filter(|p| prose_shows_nonfinite(p)) {
        out.push(format!("shown: {p}"));
    }
    // Error messages quote what was typed (a typed "inf" may sit there): NaN or inf outside the
    // quotations is the message's own.
    for m in ev.errors().map(|e| e.message(lang)).filter(|m| prose_shows_nonfinite(&unquoted(m))) {
        out.push(format!("message: {m}"));
    }
    out
}

/// A message without what it quotes: '…' (opened at the start or after a space or bracket),
/// “…”, and a layer's `key=value` as typed, taken out.
fn unquoted(m: &str) -> String {
    let cs: Vec<char> = m.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < cs.len() {
        let opens = cs[i] == '“' || (cs[i] == '\'' && (i == 0 || cs[i - 1].is_whitespace() || cs[i - 1] == '('));
        let close = if cs[i] == '“' { '”' } else { '\'' };
        let end = opens
            .then(|| {
                (i + 1..cs.len())
                    .find(|&k| cs[k] == close && !(close == '\'' && cs.get(k + 1).is_some_and(|c| c.is_alphanumeric())))
            })
            .flatten();
        match end {
            Some(k) => i = k + 1,
            None => {
                out.push(cs[i]);
                i += 1;
            }
        }
    }
    // A key (letters) and '=' start a typed value, which runs to a colon or a space.
    let cs: Vec<char> = out.chars().collect();
    let mut kept = String::new();
    let mut i = 0;
    while i < cs.len() {
        let key = cs[i..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
        if key > 0 && cs.get(i + key) == Some(&'=') && (i == 0 || !cs[i - 1].is_ascii_alphanumeric()) {
            i += key + 1;
            while i < cs.len() && !matches!(cs[i], ':' | '：' | ' ') {
                i += 1;
            }
        } else {
            kept.push(cs[i]);
            i += 1;
        }
    }
    kept
}

#[derive(Default)]
struct Tally {
    calculations: usize,
    fields: usize,
    links: usize,
    nonfinite: usize,
    panics: usize,
    examples: Vec<String>,
}

impl Tally {
    fn fail(&mut self, what: String) {
        if self.examples.len() < 10 {
            self.examples.push(what);
        }
    }
    fn evaluate(&mut self, c: &Calculation) {
        let ev = evaluate(c, cat());
        let mut problems = problems(&ev, Lang::En);
        problems.extend(self::problems(&ev, Lang::Zh));
        self.nonfinite += problems.len();
        for p in problems {
            self.fail(format!("{p}\n  input: {c:?}"));
        }
    }
    fn round(&mut self, r: &mut Rng, i: usize) {
        let c = calculation(r);
        self.calculations += 1;
        self.evaluate(&c);
        let f = *r.pick(Field::ALL);
        let text = text_for(r, f);
        self.fields += 1;
        if let Ok(v) = check_field(f, &text) {
            if !(v.lo.is_finite() && v.hi.is_finite() && ordered(&v)) {
                self.nonfinite += 1;
                self.fail(format!("check_field({f:?}, {text:?}) = {v:?}"));
            }
        }
        if i % 4 == 0 {
            let l = link(r);
            self.links += 1;
            let d = share::decode(&l);
            self.evaluate(&d.calc);
            for ig in &d.ignored {
                let _ = ig.message(Lang::Zh);
            }
        }
    }
}

fn run(seed: u64, rounds: usize) -> Tally {
    let mut t = Tally::default();
    let mut r = Rng(seed);
    for i in 0..rounds {
        // The generator's state before the round, to replay a panic: Rng(state) then round(i).
        let state = r.0;
        if catch_unwind(AssertUnwindSafe(|| t.round(&mut r, i))).is_err() {
            t.panics += 1;
            t.fail(format!("panic in round {i} (replay with Rng({state:#x}))"));
            r = Rng(state.wrapping_add(1));
        }
    }
    t
}

#[test]
#[ignore = "release-mode fuzzing: cargo test --profile fuzz --test fuzz -- --ignored --nocapture"]
fn a_million_generated_inputs_give_finite_results_and_no_panic() {
    let total: usize = std::env::var("FUZZ_INPUTS").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let seed: u64 = std::env::var("FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(11);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
    let start = Instant::now();
    let tallies: Vec<Tally> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                let rounds = total / threads + usize::from(k < total % threads);
                s.spawn(move || run(seed.wrapping_mul(1_000_003).wrapping_add(k as u64), rounds))
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("a fuzz thread")).collect()
    });
    let secs = start.elapsed().as_secs_f64();
    let sum = |f: fn(&Tally) -> usize| tallies.iter().map(f).sum::<usize>();
    let (calcs, fields, links) = (sum(|t| t.calculations), sum(|t| t.fields), sum(|t| t.links));
    let (nonfinite, panics) = (sum(|t| t.nonfinite), sum(|t| t.panics));
    let inputs = calcs + fields + links;
    println!(
        "fuzz: {inputs} inputs ({calcs} calculations evaluated, {fields} field texts checked, {links} links decoded \
         and evaluated) in {secs:.1} s on {threads} threads: {:.0} inputs/s; {nonfinite} non-finite, {panics} panics \
         (seed {seed})",
        len_f64(inputs) / secs
    );
    for t in &tallies {
        for e in &t.examples {
            println!("  {e}");
        }
    }
    assert_eq!(calcs, total);
    assert!(total < 1_000_000 || inputs >= 1_000_000);
    assert_eq!(panics, 0, "panics");
    assert_eq!(nonfinite, 0, "non-finite values returned as Ok, or shown");
}

/// The checks themselves, on values written out by hand.
#[test]
fn the_checks_catch_what_they_look_for() {
    assert!(debug_shows_nonfinite("Value { lo: inf, hi: NaN }"));
    assert!(debug_shows_nonfinite("Estimate { flop: Value { lo: -inf, hi: 1.0 } }"));
    assert!(debug_shows_nonfinite(&format!("{:?}", (1.0, f64::NAN))));
    assert!(!debug_shows_nonfinite("Factor { input: \"inf\", value: 1e300, info: \"say \\\"NaN\\\"\" }"));
    assert!(!debug_shows_nonfinite("Value { lo: 1e-320, hi: 1.7976931348623157e308 }"));
    assert!(prose_shows_nonfinite("NaN × 10^2147483647 pfs-days"));
    assert!(prose_shows_nonfinite("inf MACs"));
    assert!(!prose_shows_nonfinite("information, infinite, 1.05 × 10¹⁹ FLOP"));
    assert_eq!(unquoted("'inf' is not a number or a known unit"), " is not a number or a known unit");
    assert_eq!(unquoted("“NaN万”不是数字"), "不是数字");
    assert_eq!(unquoted("OpenAI's 'a'b' is inf"), "OpenAI's  is inf");
    assert!(prose_shows_nonfinite(&unquoted("'x' is inf")));
    assert_eq!(unquoted("layer 1: in=inf: 'inf' is not a number"), "layer 1: :  is not a number");
    assert_eq!(unquoted("第 1 层：in=NaN万：“NaN万”不是数字"), "第 1 层：：不是数字");
    assert!(!ordered(&Value { lo: f64::INFINITY, hi: f64::NEG_INFINITY, ..Value::num(0.0) }));
    // The generator is deterministic: the same seed gives the same calculation.
    assert_eq!(calculation(&mut Rng(7)), calculation(&mut Rng(7)));
    assert_ne!(calculation(&mut Rng(7)), calculation(&mut Rng(8)));
}

/// A short run in every `cargo test`, so a panic or a non-finite result shows up without --ignored.
#[test]
fn three_thousand_generated_inputs_in_debug() {
    let t = run(2024, 3_000);
    assert_eq!(t.panics, 0, "{:#?}", t.examples);
    assert_eq!(t.nonfinite, 0, "{:#?}", t.examples);
    assert_eq!(t.calculations, 3_000);
}

/// Texts of 100,000 characters or so: digits, a product past the largest double, open
/// parentheses, a layer list, Chinese, control characters and markup, MLA's widths with a huge
/// first one, words, and a date, a hexadecimal number and a unit over and over.
fn oversized() -> Vec<String> {
    vec![
        "9".repeat(100_000),
        "1e308*".repeat(16_667),
        "(".repeat(100_000),
        "conv in=84x84x3 k=8 s=4 f=16\n".repeat(3_500),
        "中".repeat(100_000),
        "a\u{0}<&>\u{1b}".repeat(20_000),
        format!("{} 1 2 3 4", "1".repeat(100_000)),
        "yes ".repeat(25_000),
        "2023-02-31 0x10 5 d ".repeat(5_000),
    ]
}

/// A calculation with both methods, the transformer tab, the footprint and the chart filled in,
/// so an oversized field meets every reader.
fn filled(mode: Mode) -> Calculation {
    let mut c = Calculation { mode, ..Calculation::default() };
    let fields = [
        (Field::Forward, "11.4G"),
        (Field::Examples, "1.2M"),
        (Field::Epochs, "128"),
        (Field::Layers, "conv in=84x84x3 k=8 s=4 f=16"),
        (Field::Parameters, "175B"),
        (Field::Tokens, "300B"),
        (Field::Chips, "8"),
        (Field::Hardware, "A100"),
        (Field::Time, "10 d"),
        (Field::TLayers, "32"),
        (Field::TDModel, "4096"),
        (Field::TVocab, "32000"),
        (Field::TTokens, "2T"),
        (Field::Power, "400 W"),
        (Field::Pue, "1.1"),
        (Field::Grid, "world"),
        (Field::Price, "$2"),
        (Field::Date, "2020-06"),
        (Field::Name, "GPT-3"),
    ];
    for (f, v) in fields {
        *f.get_mut(&mut c) = v.to_string();
    }
    c
}

/// Every field of the field table, in every tab, with each oversized text: no panic; the first
/// message beside the field is its length limit's; no message shows NaN or inf or is longer than
/// a few hundred characters; and each evaluation takes a bounded time (generous for a debug
/// build on a shared machine: a release build takes well under a millisecond).
#[test]
fn oversized_text_in_every_field_is_refused_quickly() {
    let bound = std::time::Duration::from_millis(200);
    let texts = oversized();
    let mut slowest = (std::time::Duration::ZERO, String::new());
    let mut evaluations = 0;
    for mode in [Mode::Ops, Mode::Layers, Mode::Params, Mode::Transformer] {
        let base = filled(mode);
        assert!(
            evaluate(&base, cat()).errors().next().is_none(),
            "{mode:?}: {:?}",
            evaluate(&base, cat()).errors().collect::<Vec<_>>()
        );
        for &field in Field::ALL {
            for text in &texts {
                let mut c = base.clone();
                *field.get_mut(&mut c) = text.clone();
                let start = Instant::now();
                let ev = catch_unwind(AssertUnwindSafe(|| evaluate(&c, cat())))
                    .unwrap_or_else(|_| panic!("{mode:?} {field:?}: panic on {}…", &text[..20]));
                let mut took = start.elapsed();
                // The machine may be busy: a slow run is timed again, the fastest counts.
                for _ in 0..2 {
                    if took >= bound {
                        let again = Instant::now();
                        evaluate(&c, cat());
                        took = took.min(again.elapsed());
                    }
                }
                if took > slowest.0 {
                    slowest = (took, format!("{mode:?} {field:?} {}…", text.chars().take(12).collect::<String>()));
                }
                evaluations += 1;
                assert!(took < bound, "{mode:?} {field:?}: {took:?} on {}…", &text[..20]);
                let limit = if field == Field::Layers { "40,000" } else { "500" };
                let first = ev.errors().find(|e| e.field == field).map(|e| e.message(Lang::En));
                assert_eq!(first, Some(format!("too long: at most {limit} characters")), "{mode:?} {field:?}");
                for lang in [Lang::En, Lang::Zh] {
                    assert_eq!(problems(&ev, lang), Vec::<String>::new(), "{mode:?} {field:?}");
                    for m in ev.errors().map(|e| e.message(lang)) {
                        assert!(m.chars().count() < 300, "{mode:?} {field:?}: {} characters: {m}", m.chars().count());
                    }
                }
                let start = Instant::now();
                let checked = check_field(field, text);
                let mut took = start.elapsed();
                for _ in 0..2 {
                    if took >= bound {
                        let again = Instant::now();
                        let _ = check_field(field, text);
                        took = took.min(again.elapsed());
                    }
                }
                assert!(took < bound, "check_field({field:?}): {took:?}");
                if field != Field::Layers {
                    assert_eq!(
                        checked.map_err(|e| e.message(Lang::En)),
                        Err("too long: at most 500 characters".into())
                    );
                }
            }
        }
    }
    println!(
        "{evaluations} evaluations with 100,000-character fields; the slowest took {:?} ({})",
        slowest.0, slowest.1
    );
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}
