//! Method 1's transformer tab through `evaluate`: the fields become a shape, its parameters and
//! training FLOP per token, the estimate, its notes and its errors; a config fills the fields.
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]

use aicompute::calculation::calc::{evaluate, Calculation, Field, Label, Lang, Mode, Note};
use aicompute::model::architecture;
use aicompute::model::json;
use aicompute::model::transformer;

fn tab(fields: &[(Field, &str)]) -> Calculation {
    let mut c = Calculation { mode: Mode::Transformer, ..Calculation::default() };
    for (f, v) in fields {
        *f.get_mut(&mut c) = v.to_string();
    }
    c
}

const LLAMA2_7B: &[(Field, &str)] = &[
    (Field::TLayers, "32"),
    (Field::TDModel, "4096"),
    (Field::THeads, "32"),
    (Field::TDFf, "11008"),
    (Field::TGated, "yes"),
    (Field::TVocab, "32000"),
    (Field::TTied, "no"),
    (Field::TContext, "4096"),
    (Field::TTokens, "2T"),
];

#[test]
fn llama_2_7b_from_its_fields() {
    let ev = evaluate(&tab(LLAMA2_7B), cat());
    let t = ev.transformer.clone().unwrap().unwrap();
    // Meta's published count.
    assert_eq!(t.counts.parameters, 6_738_415_616.0);
    // Without the two 32,000 × 4,096 embeddings: 6,738,415,616 − 262,144,000.
    assert_eq!(t.counts.non_embedding, 6_476_271_616.0);
    // Kaplan: 6 × 6,476,271,616 + 6 × 32 × 4,096 × 4,096 = 42,078,855,168 FLOP per token.
    assert_eq!(t.counts.flop_per_token, 42_078_855_168.0);
    let e = ev.method1.estimate().unwrap_or_else(|| panic!("{:?}", ev.method1));
    // × 2 × 10^12 tokens.
    assert_eq!(e.flop.mid(), 42_078_855_168.0 * 2e12);
    assert_eq!(e.factor(Label::ForwardPerToken).unwrap().mid(), 42_078_855_168.0 / 6.0);
    // The two dimensions left out, the head dimension and the key-value heads, are stated.
    let assumed: Vec<String> = e
        .notes
        .iter()
        .filter(|n| matches!(n, Note::Assumed(_)))
        .map(|n| aicompute::text::render::note(n, Lang::En))
        .collect();
    assert_eq!(assumed, ["Assumed: head dimension = d_model / heads = 128.", "Assumed: key-value heads = heads = 32."]);
}

#[test]
fn the_passes_stay_editable() {
    // Epoch AI's backward/forward ratio of 2:1 is the default 3; 4 passes make it 4/3 as much.
    let mut f = LLAMA2_7B.to_vec();
    f.push((Field::Passes, "4"));
    let e = evaluate(&tab(&f), cat()).method1.estimate().cloned().unwrap();
    assert_eq!(e.flop.mid(), 42_078_855_168.0 / 6.0 * 2.0 * 4.0 * 2e12);
}

#[test]
fn shape_defaults_as_gpt() {
    // Only L, d_model, vocab and context: heads = 2048/128 = 16, d_ff = 4 × 2048, kv = heads,
    // plain MLP, tied: per layer 4·d² attention + 2·d·4d MLP + 2 norms of d.
    let ev = evaluate(
        &tab(&[(Field::TLayers, "24"), (Field::TDModel, "2048"), (Field::TVocab, "50000"), (Field::TContext, "2048")]),
        cat(),
    );
    let t = ev.transformer.unwrap().unwrap();
    let d = 2048.0_f64;
    let per_layer = 4.0 * d * d + 2.0 * d * 4.0 * d + 2.0 * d;
    assert_eq!(t.counts.non_embedding, 24.0 * per_layer + d);
    assert_eq!(t.counts.parameters, 24.0 * per_layer + d + 50000.0 * d);
    assert!(t.assumptions.len() >= 4, "{:?}", t.assumptions);
    // No tokens yet: Method 1 says so beside the tokens field.
    assert!(ev.method1.errors().iter().any(|e| e.field == Field::TTokens));
}

#[test]
fn mixtral_from_its_config_fills_the_fields() {
    let config = r#"{"architectures":["MixtralForCausalLM"],"hidden_size":4096,"intermediate_size":14336,
      "max_position_embeddings":32768,"model_type":"mixtral","num_attention_heads":32,"num_experts_per_tok":2,
      "num_hidden_layers":32,"num_key_value_heads":8,"num_local_experts":8,"tie_word_embeddings":false,"vocab_size":32000}"#;
    let (arch, _) = transformer::from_config(&json::parse(config).unwrap()).unwrap();
    let mut c = tab(&[]);
    for (f, v) in architecture::fields_of(&arch) {
        *f.get_mut(&mut c) = v;
    }
    assert_eq!(c.t_experts, "8");
    assert_eq!(c.t_kv_heads, "8");
    let t = evaluate(&c, cat()).transformer.unwrap().unwrap();
    // The fields give back the config's architecture exactly.
    assert_eq!(t.arch, arch);
    // Mixtral 8x7B: 46.7B total, 12.9B active (Mistral AI).
    assert!((t.counts.parameters / 1e9 - 46.7).abs() < 0.05, "{}", t.counts.parameters);
    assert!((t.counts.parameters_active / 1e9 - 12.9).abs() < 0.05, "{}", t.counts.parameters_active);
}

#[test]
fn bad_fields_are_said_beside_them() {
    #[track_caller]
    fn bad(field: Field, text: &str, message: &str) {
        let mut f = LLAMA2_7B.to_vec();
        f.retain(|(x, _)| *x != field);
        f.push((field, text));
        let ev = evaluate(&tab(&f), cat());
        let errs: Vec<_> = ev.errors().filter(|e| e.field == field).map(|e| e.message(Lang::En)).collect();
        assert_eq!(errs.first().map(String::as_str), Some(message), "{errs:?}");
    }
    bad(Field::TLayers, "32.5", "'32.5' is not a whole number ≥ 0");
    // A typed field's error speaks of the field by its label, not of a config.json key.
    bad(Field::TLayers, "0", "Layers: must be at least 1");
    bad(Field::TGated, "maybe", "'maybe': use one of yes, no");
    bad(Field::TKvHeads, "64", "Key-value heads (GQA): 64 key-value heads, more than the 32 attention heads");
    bad(Field::TActive, "3", "Active experts k per token: 3 active experts, but the model has 0 experts");
    bad(Field::THeads, "3", "Attention heads: 4096 does not divide into 3 heads: give the head dimension");
    bad(Field::TMla, "0 0 64 128 128", "MLA kv rank: must be at least 1");
    bad(
        Field::TMla,
        "1 2 3",
        "'1 2 3': give five whole numbers (q LoRA rank, kv LoRA rank, rope, nope and value head dimensions)",
    );
}

#[test]
fn typed_fields_errors_in_chinese_name_the_field() {
    let mut f = LLAMA2_7B.to_vec();
    f.retain(|(x, _)| *x != Field::TKvHeads && *x != Field::TLayers);
    f.extend([(Field::TKvHeads, "64"), (Field::TLayers, "0")]);
    let ev = evaluate(&tab(&f), cat());
    let zh: Vec<_> = ev.transformer.unwrap().unwrap_err().iter().map(|e| (e.field, e.message(Lang::Zh))).collect();
    assert_eq!(zh, [(Field::TLayers, "层数：至少为 1".to_string())]);
    f.retain(|(x, _)| *x != Field::TLayers);
    f.push((Field::TLayers, "32"));
    let ev = evaluate(&tab(&f), cat());
    let e = &ev.transformer.unwrap().unwrap_err()[0];
    assert_eq!(e.message(Lang::Zh), "键值头数（GQA）：键值头 64 个，多于 32 个注意力头");
    // A pasted config's errors still name its keys (tests/transformer.rs), as the CLI's typed
    // flags name the flags.
    let shape = transformer::Shape { layers: Some(0), d_model: Some(64), vocab: Some(10), ..Default::default() };
    assert_eq!(shape.resolve().unwrap_err().message(Lang::En), "--layers: must be at least 1");
}

#[test]
fn the_tab_goes_through_a_link() {
    let c = tab(LLAMA2_7B);
    let link = aicompute::formats::share::encode(&c);
    assert!(link.contains("mode=transformer") && link.contains("L=32") && link.contains("D=2T"), "{link}");
    assert_eq!(aicompute::formats::share::decode(&link).calc, c);
}

/// A preset by architecture: its parameters (total, active) within 1% of the published counts,
/// and its FLOP within `tolerance` of the published figure (Epoch AI's, or the paper's own 6ND).
#[track_caller]
fn preset(id: &str, total: f64, active: f64, published_flop: f64, tolerance: f64) {
    let ex = aicompute::calculation::examples::find(id).unwrap_or_else(|| panic!("{id}"));
    let ev = evaluate(&ex.calculation(), cat());
    let t = ev.transformer.clone().unwrap().unwrap();
    assert!((t.counts.parameters / total - 1.0).abs() < 0.01, "{id}: {} parameters", t.counts.parameters);
    assert!((t.counts.parameters_active / active - 1.0).abs() < 0.015, "{id}: {} active", t.counts.parameters_active);
    let flop = ev.method1.estimate().unwrap().flop.mid();
    assert!((flop / published_flop - 1.0).abs() < tolerance, "{id}: {flop:e} FLOP");
    assert_eq!(ex.published_pfs_days, published_flop / aicompute::calculation::calc::PFS_DAY);
}

#[test]
fn modern_presets_by_architecture() {
    // Published sizes: GPT-3 175B (Brown et al. 2020), PaLM 540.35B (Epoch AI), Llama 2 70B,
    // Llama 3.1 405B, DeepSeek-V3 671B with 37B active (DeepSeek-AI 2024).
    preset("gpt3-arch", 175e9, 175e9, 3.14e23, 0.02);
    preset("palm", 540.35e9, 540.35e9, 2.5272e24, 0.02);
    preset("llama2-70b-arch", 69e9, 69e9, 8.1e23, 0.06);
    preset("llama31-405b", 405e9, 405e9, 3.8e25, 0.04);
    // The attention term over 4,096 tokens adds about 10% to 6 × 37B × 14.8T.
    preset("deepseek-v3", 671e9, 37e9, 6.0 * 37e9 * 14.8e12, 0.11);
    // Chinchilla's Table 4 shape counts 65B with a plain 4·d MLP, against the 70B it is called;
    // its compute stays within 5% of Epoch AI's 5.76e23.
    preset("chinchilla", 64.95e9, 64.95e9, 5.76e23, 0.05);
    // DeepSeek-V3's latent attention has widths of its own: no head width (7,168 / 128 = 56) or
    // key-value heads (= 128) is said to be assumed, as neither counts.
    let ex = aicompute::calculation::examples::find("deepseek-v3").unwrap();
    let t = evaluate(&ex.calculation(), cat()).transformer.unwrap().unwrap();
    use aicompute::model::transformer::Assumption;
    assert!(
        !t.assumptions.iter().any(|a| matches!(a, Assumption::HeadDim(_) | Assumption::KvHeads(_))),
        "{:?}",
        t.assumptions
    );
}

/// Llama 3 8B's dimensions as typed in, the gated switch left empty.
const LLAMA3_8B: &[(Field, &str)] = &[
    (Field::TLayers, "32"),
    (Field::TDModel, "4096"),
    (Field::THeads, "32"),
    (Field::TKvHeads, "8"),
    (Field::TDFf, "14336"),
    (Field::TVocab, "128256"),
    (Field::TTied, "no"),
    (Field::TContext, "8192"),
];

/// Llama 3 8B by hand: 2·V·d + L·(d·(d + 2·8·128) + d·d + 3·d·d_ff + 2·d) + d, gated; with a
/// plain MLP 2·d·d_ff instead.
const LLAMA3_8B_GATED: f64 = 8_030_261_248.0;
const LLAMA3_8B_PLAIN: f64 = 6_151_213_056.0;

#[test]
fn llama_3_8b_typed_in_is_gated_by_its_shape_and_switches() {
    let d = 4096.0_f64;
    let layer = |mlp_matrices: f64| d * (d + 2.0 * 8.0 * 128.0) + d * d + mlp_matrices * d * 14336.0 + 2.0 * d;
    assert_eq!(2.0 * 128256.0 * d + 32.0 * layer(3.0) + d, LLAMA3_8B_GATED);
    assert_eq!(2.0 * 128256.0 * d + 32.0 * layer(2.0) + d, LLAMA3_8B_PLAIN);
    let mut c = tab(LLAMA3_8B);
    let t = evaluate(&c, cat()).transformer.unwrap().unwrap();
    assert_eq!(t.counts.parameters, LLAMA3_8B_GATED);
    let shape = transformer::Assumption::MlpByShape { gated: true, d_model: 4096, d_ff: 14336 };
    assert!(t.assumptions.contains(&shape), "{:?}", t.assumptions);
    // Its switch writes the other word: plain, 23% fewer parameters; and back.
    let (field, assumed) = architecture::switch(&shape).unwrap();
    assert_eq!((field, assumed), (Field::TGated, "yes"));
    *field.get_mut(&mut c) = architecture::switched(field, field.get(&c), assumed).to_string();
    assert_eq!(c.t_gated, "no");
    let t = evaluate(&c, cat()).transformer.unwrap().unwrap();
    assert_eq!(t.counts.parameters, LLAMA3_8B_PLAIN);
    assert!(!t.assumptions.iter().any(|a| architecture::switch(a).is_some_and(|s| s.0 == Field::TGated)));
    assert_eq!(architecture::switched(field, field.get(&c), assumed), "yes");
}

#[test]
fn switches_write_the_other_word() {
    use architecture::switched;
    assert_eq!(switched(Field::TTied, "", "yes"), "no");
    assert_eq!(switched(Field::TTied, "No", "yes"), "yes");
    assert_eq!(switched(Field::TPositions, "", "no"), "yes");
    assert_eq!(switched(Field::TBias, "", "none"), "all");
    assert_eq!(switched(Field::TBias, "qkv", "none"), "none");
    assert_eq!(switched(Field::TBias, "all", "none"), "none");
    let a = |x| architecture::switch(&x);
    assert_eq!(a(transformer::Assumption::Plain), Some((Field::TGated, "no")));
    assert_eq!(a(transformer::Assumption::Tied(true)), Some((Field::TTied, "yes")));
    assert_eq!(a(transformer::Assumption::NoBiases { model_type: String::new() }), Some((Field::TBias, "none")));
    assert_eq!(a(transformer::Assumption::NoPositions { model_type: String::new() }), Some((Field::TPositions, "no")));
    assert_eq!(a(transformer::Assumption::HeadDim(128)), None);
    assert!(architecture::context_assumed(&transformer::Assumption::ContextIsMaximum {
        context: 8,
        key: "n_ctx".into()
    }));
}

#[test]
fn a_pasted_configs_assumptions_stay_beside_the_count_while_its_fields_do() {
    // Llama 3 8B's config.json without hidden_act or model_type, pasted: the fields are filled in
    // and what the reader assumed (gated from the shape, the context) is what the page shows.
    let config = r#"{"hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
      "num_attention_heads": 32, "num_key_value_heads": 8, "vocab_size": 128256, "tie_word_embeddings": false,
      "max_position_embeddings": 8192}"#;
    let (arch, used) = transformer::from_config(&json::parse(config).unwrap()).unwrap();
    let mut c = tab(&[]);
    for (f, v) in architecture::fields_of(&arch) {
        *f.get_mut(&mut c) = v;
    }
    assert_eq!(c.t_gated, "yes");
    let shown = |c: &Calculation| {
        let t = evaluate(c, cat()).transformer.unwrap().unwrap();
        (t.counts.parameters, architecture::shown_assumptions(Some((&arch, &used)), &t))
    };
    let (parameters, list) = shown(&c);
    assert_eq!(parameters, LLAMA3_8B_GATED);
    let gated = transformer::Assumption::MlpByShape { gated: true, d_model: 4096, d_ff: 14336 };
    let context = transformer::Assumption::ContextIsMaximum { context: 8192, key: "max_position_embeddings".into() };
    assert!(list.contains(&gated) && list.contains(&context), "{list:?}");
    // Switched to plain: the count changes, the assumption (and its switch back) stays.
    c.t_gated = architecture::switched(Field::TGated, &c.t_gated, "yes").into();
    let (parameters, list) = shown(&c);
    assert_eq!(parameters, LLAMA3_8B_PLAIN);
    assert!(list.contains(&gated), "{list:?}");
    // Another model typed over it: the config's assumptions are no longer its.
    c.t_d_model = "2048".into();
    let (_, list) = shown(&c);
    assert!(!list.contains(&gated) && !list.contains(&context), "{list:?}");
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}
