//! The pseudo-language proves that every visible string comes from the language files: rendered
//! in `Lang::Pseudo`, every text of the language files is bracketed ⟦…⟧ (its `{placeholders}`
//! outside the brackets, so what fills them is checked too). With the brackets stripped, what is
//! left must hold no English word (a run of 2 or more ASCII letters) but symbols, units, names
//! and echoed inputs of the allow-list: a word left was written in code.
//!
//! One test per module of the core; run with `cargo test -p aicompute --features pseudo --test pseudo`.
#![cfg(feature = "pseudo")]

use aicompute::calculation::calc::{check_field, evaluate, Calculation, Field, Mode, Want};
use aicompute::calculation::examples::{default_calculation, named, EXAMPLES};
use aicompute::calculation::problem::Problem;
use aicompute::calculation::thresholds::{against, THRESHOLDS};
use aicompute::calculation::used::{solved, used};
use aicompute::classroom::quiz::{answer_key, exercises, grade, question_sheet, QuizError, Slip, TimeMix};
use aicompute::text::i18n::{t, Key, Lang::Pseudo};

/// Symbols, units and literal syntax that stay as written in every language, longest first
/// where one holds another.
const SYMBOLS: &[&str] =
    &["pfs-days", "pfs-day", "FLOP/s", "TFLOPS", "GFLOPS", "FLOPS", "FLOP", "PF", "sqrt", "conv", "dense"];

/// Names: of chips (as the catalog spells them), of models, of the worked examples' inputs.
fn names() -> Vec<String> {
    let mut out: Vec<String> = cat().chips().iter().map(|c| c.name.to_string()).collect();
    // A chip as the page names it: the catalog's name without its note in brackets.
    out.extend(cat().chips().iter().filter_map(|c| c.name.split(" (").next()).map(str::to_string));
    out.extend(cat().models().map(|m| m.name.to_string()));
    out.extend(SYMBOLS.iter().map(|s| s.to_string()));
    out.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    out
}

/// The text with every bracketed part ⟦…⟧ taken out (nested brackets included), and what is
/// not words of the page: web addresses, and input echoed between quotes (⟦“⟧…⟦”⟧).
fn strip(text: &str) -> String {
    let mut text = text.to_string();
    while let Some(a) = text.find("⟦“⟧") {
        let Some(b) = text[a..].find("⟦”⟧") else { break };
        text.replace_range(a..a + b + "⟦”⟧".len(), " ");
    }
    let text: String = text.split(' ').map(|w| if w.contains("http") { " " } else { w }).collect::<Vec<_>>().join(" ");
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '⟦' => depth += 1,
            '⟧' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => out.push(' '),
        }
    }
    out
}

/// The English words left in `text` outside brackets, once names and `extra` are taken out.
fn words_left(text: &str, names: &[String], extra: &[&str]) -> Vec<String> {
    // The layer language's keys (`in=`, `out=`) are input syntax, as typed.
    let mut rest = text.replace("in⟦=⟧", "⟦=⟧").replace("out⟦=⟧", "⟦=⟧");
    rest = strip(&rest).replace("in=", " =").replace("out=", " =");
    for n in extra.iter().copied().chain(names.iter().map(String::as_str)).filter(|n| !n.is_empty()) {
        rest = remove(&rest, n);
    }
    let mut words = Vec::new();
    let mut word = String::new();
    // A word is a run of ASCII letters; one inside an alphanumeric token ("84x84x3", "1e19",
    // "k=8") is not one.
    for token in rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
        if token.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        word.clear();
        word.push_str(token);
        if word.chars().filter(char::is_ascii_alphabetic).count() >= 2 {
            words.push(word.clone());
        }
    }
    words
}

/// `text` without `phrase` where it stands as a whole (not inside a longer word).
fn remove(text: &str, phrase: &str) -> String {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(phrase) {
        let (before, after) = (rest[..i].chars().next_back(), rest[i + phrase.len()..].chars().next());
        let glued = word(before) && phrase.starts_with(char::is_alphanumeric)
            || word(after) && phrase.ends_with(char::is_alphanumeric);
        let whole = !glued;
        out.push_str(&rest[..i]);
        out.push_str(if whole { " " } else { phrase });
        rest = &rest[i + phrase.len()..];
    }
    out + rest
}

/// One rendered text: what it is, the text, and what it may echo besides names.
struct Case {
    what: String,
    text: String,
    echoed: Vec<&'static str>,
}

fn case(what: impl Into<String>, text: impl Into<String>) -> Case {
    Case { what: what.into(), text: text.into(), echoed: Vec::new() }
}

/// Fails with every case that has a word left, and the words.
#[track_caller]
fn assert_clean(cases: Vec<Case>) {
    assert!(!cases.is_empty());
    let names = names();
    let bad: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let left = words_left(&c.text, &names, &c.echoed);
            (!left.is_empty()).then(|| format!("{}: {left:?} in {:?}", c.what, c.text))
        })
        .collect();
    assert!(bad.is_empty(), "{} of {} texts have words written in code:\n{}", bad.len(), cases.len(), bad.join("\n"));
}

#[test]
fn the_checker_finds_words_outside_brackets() {
    let names = names();
    assert_eq!(words_left("⟦the result⟧ 3.14 × 10²³ FLOP", &names, &[]), Vec::<String>::new());
    assert_eq!(words_left("⟦a ⟦nested⟧ text⟧ written in code", &names, &[]), ["written", "in", "code"]);
    assert_eq!(words_left("⟦x⟧ conv in=84x84x3 k=8 out=3", &names, &[]), Vec::<String>::new());
    assert_eq!(words_left("⟦x⟧ see https://example.com/a-page ⟦“⟧typed words⟦”⟧", &names, &[]), ["see"]);
    assert_eq!(words_left("NVIDIA Tesla K40 (OpenAI 2018 figure)", &names, &[]), Vec::<String>::new());
    // A name is taken out where it stands as a whole only.
    assert_eq!(words_left("⟦x⟧ PFLOPS", &names, &["PF"]), ["PFLOPS"]);
    // The language files' texts are bracketed, their placeholders outside.
    // (The used line says "value — source" since classroom20 39889aa: no colon chained after "Used:".)
    assert_eq!(t(Pseudo, Key::CalculationUsed), "{value}⟦ — ⟧{source}");
    assert_eq!(t(Pseudo, Key::ClassroomKeyTitle), "⟦Answer key⟧");
}

// --- calculation (this module) ---

#[test]
fn calculation_fields() {
    let mut cases = Vec::new();
    for f in Field::ALL {
        cases.push(case(format!("{f:?} label"), t(Pseudo, f.spec().label)));
        cases.push(case(format!("{f:?} placeholder"), t(Pseudo, f.spec().placeholder)));
    }
    assert_clean(cases);
}

#[test]
fn calculation_worked_examples() {
    let mut cases = Vec::new();
    for ex in EXAMPLES {
        cases.push(case(format!("{} name", ex.id), ex.display_name(Pseudo)));
        cases.push(case(format!("{} source", ex.id), ex.source_in(Pseudo)));
        cases.push(case(format!("{} printed", ex.id), ex.printed_in(Pseudo)));
        cases.extend(ex.difference_in(cat(), Pseudo).map(|d| case(format!("{} difference", ex.id), d)));
        let c = ex.calculation();
        if let Some(cur) = evaluate(&c, cat()).current() {
            cases.push(case(format!("{} named", ex.id), named(&c, cur, Pseudo)));
        }
    }
    let c = default_calculation();
    cases.push(case("default named", named(&c, evaluate(&c, cat()).current().unwrap(), Pseudo)));
    assert_clean(cases);
}

/// Every want, by the problems that name it.
const WANTS: &[Want] = &[
    Want::Count,
    Want::Ops,
    Want::Time,
    Want::Rate,
    Want::Fraction,
    Want::Chip,
    Want::Precision,
    Want::Layers,
    Want::Date,
    Want::Text,
    Want::Power,
    Want::Pue,
    Want::Grid,
    Want::Price,
    Want::Whole,
    Want::YesNo,
    Want::Convention,
    Want::Bias,
    Want::Mla,
];

#[test]
fn calculation_problems() {
    let text = || "12".to_string();
    let mut problems = vec![
        Problem::Empty,
        Problem::AboveOne { text: text(), value: 50.0 },
        Problem::AboveHundred { text: text(), percent: 5000.0 },
        Problem::AboveHundred { text: text(), percent: f64::INFINITY },
        Problem::NotAboveZero { text: text() },
        Problem::ResultTooLarge,
        Problem::ResultTooSmall,
        Problem::FootprintTooLarge,
        Problem::NotWhole { text: text() },
        Problem::NotMla { text: text() },
        Problem::MfuNeedsModel,
        Problem::MfuNeedsHardware,
        Problem::NothingToSolve,
        Problem::TargetNeedsMethod1,
    ];
    for &want in WANTS {
        problems.push(Problem::Negative { text: text(), want });
        problems.push(Problem::LooksLikeDate { text: text(), want });
    }
    let mut cases: Vec<Case> = problems.iter().map(|p| case(format!("{p:?}"), p.message(Pseudo))).collect();
    // The options a field takes are echoed as typed (the link keeps them in English).
    let options: &'static [&'static str] = &["none", "qkv", "all"];
    let not_one_of = Problem::NotOneOf { text: text(), options };
    cases.push(Case { what: "NotOneOf".into(), text: not_one_of.message(Pseudo), echoed: vec!["none, qkv, all"] });
    // The same problems as the fields report them.
    for (field, typed) in [(Field::Utilization, "50"), (Field::Utilization, "0"), (Field::Examples, "-3")] {
        let e = check_field(field, typed).unwrap_err();
        cases.push(case(format!("{field:?} {typed}"), e.message(Pseudo)));
    }
    assert_clean(cases);
}

#[test]
fn calculation_thresholds() {
    let mut cases = Vec::new();
    for th in THRESHOLDS {
        cases.push(case(format!("{} name", th.id), th.name_in(Pseudo)));
        cases.push(case(format!("{} note", th.id), th.note_in(Pseudo)));
    }
    for flop in [3.79e25, 1e25, 4e24, 2e23, 4.9e18] {
        for s in against(flop) {
            cases.push(case(format!("{} at {flop:e}", s.threshold.id), s.sentence(Pseudo)));
        }
    }
    assert_clean(cases);
}

#[test]
fn calculation_solved() {
    let mut cases = Vec::new();
    for (blank, id) in [(Field::Chips, "alexnet-gpu"), (Field::Time, "alexnet-gpu"), (Field::Utilization, "xception")] {
        let mut c = aicompute::calculation::examples::find(id).unwrap().calculation();
        c.target = "1e20".into();
        blank.get_mut(&mut c).clear();
        if let Some((field, text)) = solved(&evaluate(&c, cat()), Pseudo) {
            cases.push(case(format!("{id} solved {field:?}"), text));
        }
    }
    assert_eq!(cases.len(), 3);
    assert_clean(cases);
}

// --- classroom (this module) ---

#[test]
fn classroom_grades_and_errors() {
    let mut cases = Vec::new();
    let exact = 1e19;
    for answer in ["1e19", "1.05e19", "2e19", "0.5e19", "3.3e18", "5e19", "1e21", "1e17", "1.16e-1 pfs-days"] {
        let g = grade(answer, exact).unwrap();
        cases.push(case(format!("grade {answer}"), g.message(Pseudo)));
    }
    for x in exercises(cat()) {
        for factor in [1.0 / 3.0, 0.5, 2.0, 86_400.0, 1.0 / 24.0] {
            let answer = format!("{:e}", x.exact_flop * factor);
            if let Ok(g) = x.grade(&answer) {
                cases.push(case(format!("{} grade {answer}", x.example.id), g.message(Pseudo)));
            }
        }
    }
    let slips = [
        Slip::ForwardOnly { passes: 3.0 },
        Slip::MacsAsFlops { per_mac: 2.0 },
        Slip::FlopsAsMacs { per_mac: 2.0 },
        Slip::OneEpoch { epochs: 90.0 },
        Slip::TimeUnits { mix: TimeMix::SecondsDays, too_high: true },
        Slip::TimeUnits { mix: TimeMix::SecondsHours, too_high: false },
        Slip::TimeUnits { mix: TimeMix::HoursDays, too_high: true },
        Slip::PfsDaysAsFlop,
        Slip::PowerOfTen { k: 3 },
    ];
    cases.extend(slips.iter().map(|s| case(format!("{s:?}"), s.message(Pseudo))));
    let errors = [
        QuizError::Empty,
        QuizError::Rate,
        QuizError::Time,
        QuizError::Range,
        QuizError::NotPositive,
        QuizError::BadExact,
        QuizError::Waiting,
    ];
    cases.extend(errors.iter().map(|e| case(format!("{e:?}"), e.message(Pseudo))));
    for answer in ["", "5 TFLOPS", "3 d", "1e19 .. 2e19", "0"] {
        cases.push(case(format!("answer {answer:?}"), grade(answer, exact).unwrap_err().message(Pseudo)));
    }
    assert_clean(cases);
}

/// The exercise sheets echo the worked examples' inputs as typed (expressions, layer lists).
#[test]
fn classroom_exercises() {
    let mut cases =
        vec![case("question sheet", question_sheet(cat(), Pseudo)), case("answer key", answer_key(cat(), Pseudo))];
    for x in exercises(cat()) {
        cases.push(case(format!("{} question", x.example.id), x.question(Pseudo)));
        cases.push(case(format!("{} answer", x.example.id), x.answer(Pseudo)));
    }
    for c in &mut cases {
        c.echoed = vec!["in=", "out="];
    }
    assert_clean(cases);
}

// --- the other modules ---

/// Field errors of a calculation, each rendered; `echoed`: the typed texts a message may quote.
fn errors_of(what: &str, c: &Calculation, echoed: &[&'static str]) -> Vec<Case> {
    let errors = evaluate(c, cat())
        .errors()
        .map(|e| (format!("{what}: {:?}", e.problem), e.message(Pseudo)))
        .collect::<Vec<_>>();
    errors.into_iter().map(|(what, text)| Case { what, text, echoed: echoed.to_vec() }).collect()
}

/// The error of each typed text in its field, rendered (the typed text may be quoted).
fn field_errors(list: &[(Field, &'static str)]) -> Vec<Case> {
    list.iter()
        .map(|(f, typed)| {
            let e = check_field(*f, typed).unwrap_err();
            Case { what: format!("{f:?} {typed:?}: {:?}", e.problem), text: e.message(Pseudo), echoed: vec![typed] }
        })
        .collect()
}

#[test]

fn language_messages() {
    let mut cases = field_errors(&[
        (Field::Examples, "abc"),
        (Field::Examples, "1 +"),
        (Field::Examples, "(2"),
        (Field::Examples, "5 d"),
        (Field::Time, "5 TFLOPS"),
        (Field::Peak, "3 d"),
        (Field::Examples, "2023-02-01"),
    ]);
    let c = Calculation { date: "2023-13".into(), ..Default::default() };
    cases.extend(errors_of("date", &c, &["2023-13"]));
    for answer in ["1 +", "3 W"] {
        let text = grade(answer, 1e19).unwrap_err().message(Pseudo);
        cases.push(Case { what: format!("answer {answer:?}"), text, echoed: vec![answer] });
    }
    assert_clean(cases);
}

#[test]

fn model_messages() {
    let mut c = Calculation { mode: Mode::Layers, ..Calculation::default() };
    c.layers = "conv in=abc".into();
    c.examples = "10".into();
    let mut cases = errors_of("layers", &c, &["in=abc", "abc"]);
    let mut c = Calculation { mode: Mode::Transformer, ..Calculation::default() };
    (c.t_layers, c.t_d_model, c.t_heads, c.t_tokens) = ("2".into(), "100".into(), "3".into(), "1T".into());
    cases.extend(errors_of("transformer shape", &c, &[]));
    c.t_gated = "maybe".into();
    cases.extend(errors_of("transformer option", &c, &["maybe", "yes, no"]));
    assert_clean(cases);
}

#[test]

fn catalog_messages() {
    let mut c = aicompute::calculation::examples::find("alexnet-gpu").unwrap().calculation();
    c.hardware = "zzz-no-such-chip".into();
    let mut cases = errors_of("hardware", &c, &["zzz-no-such-chip"]);
    c.hardware = "openai-gtx580".into();
    c.precision = "fp99".into();
    cases.extend(errors_of("precision", &c, &["fp99", "fp64, fp32, tf32, fp16, bf16, fp8, int8"]));
    assert_clean(cases);
}

#[test]

fn run_messages() {
    assert_clean(field_errors(&[
        (Field::Power, "-3 W"),
        (Field::Grid, "mars"),
        (Field::Pue, "0.5"),
        (Field::Price, "abc"),
    ]));
}

#[test]

fn planning_messages() {
    let mut c = aicompute::calculation::examples::find("alexnet-gpu").unwrap().calculation();
    c.target = "1e30".into();
    c.utilization.clear();
    let mut cases = errors_of("target above full", &c, &[]);
    c.chips.clear();
    c.time.clear();
    cases.extend(errors_of("target, two missing", &c, &[]));
    assert!(!cases.is_empty());
    assert_clean(cases);
}

/// What the empty fields stood for: the chips' TDP and names (catalog), the PUE's source (run).
#[test]

fn calculation_used_values() {
    let mut cases = Vec::new();
    for ex in EXAMPLES {
        let mut c = ex.calculation();
        if c.hardware.is_empty() {
            continue;
        }
        c.grid = "world".into();
        let ev = evaluate(&c, cat());
        for f in Field::ALL {
            if let Some(text) = used(*f, &c, &ev, Pseudo) {
                cases.push(case(format!("{} used {f:?}", ex.id), text));
            }
        }
    }
    assert!(!cases.is_empty());
    assert_clean(cases);
}

/// Each worked example's headline estimate and its derivation, as the render module writes them.
#[test]

fn text_derivations() {
    use aicompute::text::render;
    let mut cases = Vec::new();
    for ex in EXAMPLES {
        let ev = evaluate(&ex.calculation(), cat());
        let Some(e) = ev.headline() else { continue };
        let start = cases.len();
        cases.push(case(format!("{} formula", ex.id), render::formula(e, Pseudo)));
        cases.push(case(format!("{} result", ex.id), render::result_chain(e.flop, Pseudo)));
        for (i, s) in render::steps(e, Pseudo).into_iter().enumerate() {
            cases.push(case(format!("{} step {i}", ex.id), s));
        }
        for n in &e.notes {
            cases.push(case(format!("{} note", ex.id), render::note(n, Pseudo)));
        }
        // A derivation quotes the inputs as typed (a chip's id, a layer list).
        let typed: Vec<&'static str> = ex.inputs.iter().map(|(_, v)| *v).collect();
        cases[start..].iter_mut().for_each(|c| c.echoed.clone_from(&typed));
    }
    let ev = evaluate(&default_calculation(), cat());
    cases.extend(ev.comparison.map(|c| case("comparison", render::comparison(&c, Pseudo))));
    assert_clean(cases);
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}
