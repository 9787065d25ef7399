//! Share links: readable, versioned, exact round trips, and tolerant decoding.
#![cfg(not(target_arch = "wasm32"))]

use aicompute::calculation::calc::{evaluate, Basis, Calculation, Field, Lang, Mode, Per, Side};
use aicompute::calculation::examples::EXAMPLES;
use aicompute::formats::share::{decode, decode_component, encode, encode_component};
use proptest::prelude::*;

#[test]
fn readable_and_short() {
    let c = aicompute::calculation::examples::find("resnet").unwrap().calculation();
    assert_eq!(encode(&c), "v=1&eg1=resnet&fwd=11.4+*+10%5E9&ex=1.2+*+10%5E6&ep=128&date=2015-12-10&name=ResNet-151");
    assert_eq!(encode(&Calculation::default()), "v=1");
    let mut z = Calculation { mode: Mode::Params, per: Per::Flop, ..Calculation::default() };
    z.time = "3 天".into();
    assert_eq!(encode(&z), "v=1&mode=6nd&per=flop&time=3+%E5%A4%A9");
    // The language only when the sender asks for it.
    assert_eq!(
        aicompute::formats::share::encode_in(&z, Some(Lang::Zh)),
        "v=1&lang=zh&mode=6nd&per=flop&time=3+%E5%A4%A9"
    );
    assert_eq!(decode("v=1&lang=zh&mode=6nd").lang, Some(Lang::Zh));
    assert_eq!(decode("v=1&mode=6nd").lang, None);
}

#[test]
fn the_current_estimate_and_the_examples_marks_round_trip() {
    let mut c = aicompute::calculation::examples::default_calculation();
    c.basis = Basis::Two;
    c.last = Some(Side::One);
    c.target_from_estimate = true;
    let q = encode(&c);
    assert!(q.starts_with("v=1&eg1=alexnet-ops&eg2=alexnet-gpu&basis=2&last=1&tgt=m1&"), "{q}");
    let d = decode(&q);
    assert_eq!(d.calc, c);
    assert!(d.ignored.is_empty());
    // A mark must name an example of its own method; bad values are said, not kept.
    let d = decode("v=1&eg1=alexnet-gpu&eg2=nope&basis=3&last=x&tgt=m2");
    assert_eq!(d.calc, Calculation::default());
    assert_eq!(
        texts(&d, Lang::En),
        [
            "eg1=alexnet-gpu: not a value of eg1",
            "eg2=nope: not a value of eg2",
            "basis=3: not a value of basis",
            "last=x: not a value of last",
            "tgt=m2: not a value of tgt",
        ]
    );
    // A mark says the method holds the example as printed: on other values (AlexNet's 0.75G
    // forward pass typed as 5G), or on none, the values are kept and counted as the user's.
    let d = decode("v=1&eg1=alexnet-ops&fwd=5G&ex=1.2M&ep=90&name=AlexNet");
    assert_eq!(d.calc.example, [String::new(), String::new()]);
    assert_eq!(d.calc.forward, "5G");
    assert_eq!(
        texts(&d, Lang::En),
        ["eg1=alexnet-ops: these are not the worked example's inputs as printed, so they count as your own"]
    );
    assert_eq!(texts(&d, Lang::Zh), ["eg1=alexnet-ops：这些并非该算例的原文输入，按你自己的输入计算"]);
    assert_eq!(decode("v=1&eg2=alexnet-gpu").calc.example, [String::new(), String::new()]);
    // Method 1's example counted in FLOPs rather than MACs is not the example either.
    let mut ops = aicompute::calculation::examples::find("alexnet-ops").unwrap().calculation();
    assert_eq!(decode(&encode(&ops)).calc.example[0], "alexnet-ops");
    ops.per = Per::Flop;
    assert_eq!(decode(&encode(&ops)).calc.example[0], "");
    // Another tab shown is no other input (the page keeps the mark when only the tab changes).
    ops.per = Per::Mac;
    ops.mode = Mode::Params;
    assert_eq!(decode(&encode(&ops)).calc.example[0], "alexnet-ops");
}

#[test]
fn every_example_round_trips_and_evaluates_the_same() {
    for ex in EXAMPLES {
        let c = ex.calculation();
        let q = encode(&c);
        let d = decode(&q);
        assert_eq!(d.calc, c, "{}", ex.id);
        assert!(d.ignored.is_empty());
        assert_eq!(evaluate(&d.calc, cat()), evaluate(&c, cat()));
        assert_eq!(decode(&format!("https://example.org/sub/dir/?{q}#top")).calc, c, "from a whole URL");
    }
}

#[test]
fn bad_and_unknown_parameters_are_reported_not_fatal() {
    let d = decode("?v=1&fwd=1G&ex=1M&colour=red&lang=fr&mode=magic&per=bits");
    assert_eq!(d.calc.forward, "1G");
    assert_eq!(d.calc.examples, "1M");
    assert_eq!(d.lang, None);
    assert_eq!(
        texts(&d, Lang::En),
        [
            "colour: not a parameter of this page",
            "lang=fr: the languages are en and zh",
            "mode=magic: the modes are ops, layers, 6nd and transformer",
            "per=bits: use mac or flop",
        ]
    );
    let d = decode("v=2&fwd=1G");
    assert_eq!(d.calc.forward, "1G");
    assert_eq!(texts(&d, Lang::En), ["v=2: this page reads version 1 links; it used what it recognised"]);
    assert_eq!(texts(&d, Lang::Zh), ["v=2：本页读取第 1 版链接，已使用能识别的部分"]);
    assert_eq!(decode("").calc, Calculation::default());
    assert_eq!(decode("%%%&=&&fwd=%ZZ%4").calc.forward, "%ZZ%4");
}

fn texts(d: &aicompute::formats::share::Decoded, lang: Lang) -> Vec<String> {
    d.ignored.iter().map(|i| i.message(lang)).collect()
}

#[test]
fn duplicated_keys_are_listed() {
    let d = decode("v=1&ex=1M&ex=2M&fwd=1G&fwd=3G&ex=5");
    assert_eq!((d.calc.examples.as_str(), d.calc.forward.as_str()), ("1M", "1G"));
    assert_eq!(
        texts(&d, Lang::En),
        ["ex: given more than once; the first was used", "fwd: given more than once; the first was used"]
    );
}

#[test]
fn huge_links_are_bounded_and_their_notice_deduplicated() {
    // 100 KB of the same unknown key: one line, not 20,000.
    let d = decode(&format!("v=1&fwd=1G{}", "&zz=1".repeat(20_000)));
    assert_eq!(
        texts(&d, Lang::En),
        ["the link is too long; only its first 64 KB were read", "zz: not a parameter of this page"]
    );
    // Many different unknown keys: ten listed, the rest counted.
    let q: String = (0..50).map(|i| format!("&k{i}=1")).collect();
    let t = texts(&decode(&q), Lang::En);
    assert_eq!(t.len(), 11);
    assert_eq!(t[10], "and 40 more");
    // A 100 KB hardware name is cut to 500 characters, what typing takes (the chip search then
    // bounds it too); and 501 digits in a number field are cut to 500, which the field then reads
    // without a "too long" error: a link never gives a field more than it takes.
    let d = decode(&format!("hw={}", "a".repeat(100_000)));
    assert_eq!(d.calc.hardware.len(), 500);
    assert!(texts(&d, Lang::En).contains(&"hw: too long; cut to its first 500 characters".to_string()));
    let d = decode(&format!("v=1&fwd={}&ex=1", "1".repeat(501)));
    assert_eq!(d.calc.forward, "1".repeat(500));
    assert_eq!(texts(&d, Lang::En), ["fwd: too long; cut to its first 500 characters"]);
    assert!(!Field::Forward.too_long(&d.calc.forward));
    // 2 MB decodes; the work is bounded by the 64 KB cut.
    let big = format!("v=1&name={}", "%E5%A4%A9".repeat(230_000));
    let d = decode(&big);
    assert_eq!(d.calc.name.chars().count(), 500);
    assert!(texts(&d, Lang::Zh).contains(&"链接太长，只读取了前 64 KB".to_string()));
}

#[test]
fn components() {
    assert_eq!(encode_component("a+b c&d=e%"), "a%2Bb+c%26d%3De%25");
    assert_eq!(decode_component("a%2Bb+c%26d%3De%25"), "a+b c&d=e%");
    assert_eq!(decode_component("%E5%A4%A9"), "天");
    assert_eq!(decode_component("%FF"), "\u{FFFD}");
}

fn any_calc() -> impl Strategy<Value = Calculation> {
    let text = || "\\PC{0,12}";
    (
        proptest::collection::vec(text(), 17),
        (0..4usize, 0..3usize, any::<bool>(), any::<bool>()),
        prop_oneof![Just(Mode::Ops), Just(Mode::Layers), Just(Mode::Params)],
        prop_oneof![Just(Per::Mac), Just(Per::Flop)],
    )
        .prop_map(|(texts, (basis, last, linked, marked), mode, per)| {
            let mut c = Calculation { mode, per, ..Calculation::default() };
            c.basis = Basis::ALL[basis];
            c.last = [None, Some(Side::One), Some(Side::Two)][last];
            c.target_from_estimate = linked;
            for (f, t) in Field::ALL.iter().zip(&texts) {
                *f.get_mut(&mut c) = t.clone();
            }
            // The precision is one of its words (or empty): any other is dropped, and said.
            c.precision = ["", "fp32", "bf16", "int8"][texts[10].len() % 4].into();
            c.name = texts[16].clone();
            // Marked: both methods hold the examples' inputs as printed (a mark on other values
            // is dropped, and said).
            if marked {
                for id in ["dqn", "vgg-gpu"] {
                    let e = aicompute::calculation::examples::find(id).unwrap();
                    let side = if id == "dqn" { Side::One } else { Side::Two };
                    for f in Field::ALL.iter().filter(|f| f.side() == Some(side)) {
                        f.get_mut(&mut c).clear();
                    }
                    for (f, v) in e.inputs {
                        *f.get_mut(&mut c) = (*v).to_string();
                    }
                    c.example[side as usize] = id.into();
                }
                c.per = Per::Mac;
            }
            c
        })
}

proptest! {
    #[test]
    fn round_trip(c in any_calc()) {
        let d = decode(&encode(&c));
        prop_assert_eq!(d.calc, c);
        prop_assert!(d.ignored.is_empty());
    }

    #[test]
    fn decoding_anything_never_panics(s in "\\PC{0,80}") {
        let d = decode(&s);
        let _ = evaluate(&d.calc, cat());
    }
}

#[test]
fn exercise_links() {
    let c = Calculation { quiz: true, forward: "1G".into(), examples: "1M".into(), ..Calculation::default() };
    let q = encode(&c);
    assert_eq!(q, "v=1&quiz=1&fwd=1G&ex=1M");
    assert_eq!(decode(&q).calc, c);
    // Projector mode is the viewer's: an old link's is said and not applied.
    let d = decode("v=1&quiz=1&projector=1&fwd=1G&ex=1M");
    assert_eq!(d.calc, c);
    assert_eq!(
        texts(&d, Lang::En),
        ["projector: projector mode is each viewer's own choice (the button at the top); the link's was not applied"]
    );
    let d = decode("?v=1&quiz=yes&fwd=1G");
    assert!(!d.calc.quiz);
    assert_eq!(d.ignored.iter().map(|i| i.message(Lang::En)).collect::<Vec<_>>(), ["quiz=yes: use 1 (on) or 0 (off)"]);
}

#[test]
fn saved_lists_round_trip() {
    let a =
        Calculation { forward: "1G".into(), examples: "1M".into(), name: "Ours, v2".into(), ..Calculation::default() };
    let b = Calculation { mode: Mode::Params, parameters: "7B".into(), tokens: "2T".into(), ..Calculation::default() };
    let text = aicompute::formats::share::encode_list(&[a.clone(), b.clone()]);
    assert_eq!(text, "v=1&fwd=1G&ex=1M&name=Ours,+v2\nv=1&mode=6nd&params=7B&tokens=2T");
    assert_eq!(aicompute::formats::share::decode_list(&text, 10), [a.clone(), b]);
    assert_eq!(aicompute::formats::share::decode_list(&format!("\n{text}\n\n"), 1), [a]);
}

#[test]
fn every_closed_set_field_drops_a_bad_value_and_says_so() {
    // Written out by hand: the keys whose values are a closed set of words (the page shows a
    // menu of them), and what the notice says of a bad value, in both languages.
    let expected = [
        (
            "prec",
            "prec=zz: not one of fp64, fp32, tf32, fp16, bf16, fp8, int8; the default was used",
            "prec=zz：不是 fp64、fp32、tf32、fp16、bf16、fp8、int8 之一，已采用默认值",
        ),
        ("gated", "gated=zz: not one of yes, no; the default was used", "gated=zz：不是 yes、no 之一，已采用默认值"),
        ("tied", "tied=zz: not one of yes, no; the default was used", "tied=zz：不是 yes、no 之一，已采用默认值"),
        ("pos", "pos=zz: not one of yes, no; the default was used", "pos=zz：不是 yes、no 之一，已采用默认值"),
        (
            "bias",
            "bias=zz: not one of none, qkv, all; the default was used",
            "bias=zz：不是 none、qkv、all 之一，已采用默认值",
        ),
        (
            "conv",
            "conv=zz: not one of kaplan, palm; the default was used",
            "conv=zz：不是 kaplan、palm 之一，已采用默认值",
        ),
    ];
    let mut dropped = Vec::new();
    for f in Field::ALL {
        let d = decode(&format!("v=1&{}=zz", f.key()));
        if d.ignored.is_empty() {
            // Free text and numbers keep their text: their errors show beside the field.
            assert_eq!(f.get(&d.calc), "zz", "{f:?} keeps its text");
            continue;
        }
        // Dropped: the calculation (and so the page's URL, written from it) holds none of it.
        assert_eq!(d.calc, Calculation::default(), "{f:?}");
        assert_eq!(encode(&d.calc), "v=1", "{f:?}");
        let [en, zh] = [Lang::En, Lang::Zh].map(|l| texts(&d, l));
        assert_eq!((en.len(), zh.len()), (1, 1), "{f:?}: one line");
        dropped.push((f.key(), en[0].clone(), zh[0].clone()));
    }
    let expected: Vec<_> = expected.iter().map(|(k, en, zh)| (*k, en.to_string(), zh.to_string())).collect();
    assert_eq!(dropped, expected);
    // Good words in any case, and a precision's other names, are used as the menus write them;
    // with bad parts among good ones, only the bad ones are dropped.
    let d = decode("v=1&fwd=1G&prec=BF16&gated=maybe&tied=YES&conv=PaLM&mla=1+2");
    assert_eq!(encode(&d.calc), "v=1&fwd=1G&prec=bf16&tied=yes&mla=1+2&conv=palm");
    assert_eq!(texts(&d, Lang::En), ["gated=maybe: not one of yes, no; the default was used"]);
    assert_eq!(decode("v=1&prec=tensor").calc.precision, "bf16");
    assert_eq!(decode("v=1&prec=").calc.precision, "");
}

#[test]
fn a_stored_list_sets_unreadable_lines_aside() {
    let a = Calculation { forward: "1G".into(), examples: "1M".into(), name: "A".into(), ..Calculation::default() };
    let text = format!("{}\ngarbage\n\n%%%\nv=1&zz=1&fwd=2G\nv=1\n{}", encode(&a), encode(&a));
    let l = aicompute::formats::share::read_list(&text, 50);
    assert_eq!(l.calcs, [a.clone(), a.clone()]);
    assert_eq!(l.unreadable, ["garbage", "%%%", "v=1&zz=1&fwd=2G", "v=1"]);
    assert_eq!(aicompute::formats::share::read_list(&text, 1).calcs, [a]);
    assert_eq!(
        aicompute::formats::share::unreadable_message(4, Lang::En),
        "4 saved estimates could not be read; they are set aside (kept as they were, not shown)."
    );
    assert_eq!(
        aicompute::formats::share::unreadable_message(1, Lang::En),
        "1 saved estimate could not be read; it is set aside (kept as it was, not shown)."
    );
    assert_eq!(
        aicompute::formats::share::unreadable_message(4, Lang::Zh),
        "有 4 条已保存的估算无法读取，已单独保留（原样保存，不显示）。"
    );
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}
