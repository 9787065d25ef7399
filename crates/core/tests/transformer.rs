//! Parameter counts and training FLOP of published models, the arithmetic written out here.
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]

use aicompute::model::json::parse;
use aicompute::model::transformer::{from_config, Arch, Assumption, ConfigError, Convention, Counts, FieldUsed, Shape};
use aicompute::text::i18n::Lang;

fn config(text: &str) -> (Arch, Vec<FieldUsed>) {
    let j = parse(text).unwrap_or_else(|e| panic!("{e}"));
    from_config(&j).unwrap_or_else(|e| panic!("{e}"))
}

fn counts(text: &str) -> Counts {
    config(text).0.counts(Convention::Kaplan).unwrap()
}

#[track_caller]
fn close(got: f64, want: f64, rel: f64) {
    assert!((got / want - 1.0).abs() < rel, "got {got:e}, want {want:e}");
}

#[track_caller]
fn config_error(text: &str, en: &str) {
    let e = from_config(&parse(text).unwrap()).expect_err(text);
    assert_eq!(e.message(Lang::En), en, "{text}");
}

const LLAMA2_7B: &str = r#"{"architectures": ["LlamaForCausalLM"], "hidden_act": "silu", "hidden_size": 4096,
  "intermediate_size": 11008, "max_position_embeddings": 4096, "model_type": "llama", "num_attention_heads": 32,
  "num_hidden_layers": 32, "num_key_value_heads": 32, "rms_norm_eps": 1e-05, "rope_scaling": null,
  "tie_word_embeddings": false, "torch_dtype": "float16", "vocab_size": 32000}"#;

const MIXTRAL: &str = r#"{"architectures": ["MixtralForCausalLM"], "hidden_act": "silu", "hidden_size": 4096,
  "intermediate_size": 14336, "max_position_embeddings": 32768, "model_type": "mixtral", "num_attention_heads": 32,
  "num_experts_per_tok": 2, "num_hidden_layers": 32, "num_key_value_heads": 8, "num_local_experts": 8,
  "rms_norm_eps": 1e-05, "rope_theta": 1000000.0, "sliding_window": null, "tie_word_embeddings": false,
  "vocab_size": 32000}"#;

const DEEPSEEK_V3: &str = r#"{"architectures": ["DeepseekV3ForCausalLM"], "model_type": "deepseek_v3",
  "hidden_act": "silu", "hidden_size": 7168, "intermediate_size": 18432, "moe_intermediate_size": 2048,
  "num_hidden_layers": 61, "num_attention_heads": 128, "num_key_value_heads": 128, "n_shared_experts": 1,
  "n_routed_experts": 256, "num_experts_per_tok": 8, "first_k_dense_replace": 3, "moe_layer_freq": 1,
  "q_lora_rank": 1536, "kv_lora_rank": 512, "qk_rope_head_dim": 64, "qk_nope_head_dim": 128, "v_head_dim": 128,
  "vocab_size": 129280, "tie_word_embeddings": false, "max_position_embeddings": 163840,
  "num_nextn_predict_layers": 1}"#;

#[test]
fn llama_2_7b_exactly() {
    let c = counts(LLAMA2_7B);
    let attention = 4.0 * 4096.0 * 4096.0;
    let mlp = 3.0 * 4096.0 * 11008.0;
    let norms = 2.0 * 4096.0;
    let embeddings = 2.0 * 32000.0 * 4096.0;
    let total = 32.0 * (attention + mlp + norms) + 4096.0 + embeddings;
    assert_eq!(total, 6_738_415_616.0);
    assert_eq!(c.parameters, total);
    assert_eq!(c.parameters_active, total);
    assert_eq!(c.embedding, embeddings);
    assert_eq!(c.non_embedding, total - embeddings);
    // Kaplan: 6 N (non-embedding) + 6 n_layer n_ctx d_attn, n_ctx = max_position_embeddings.
    assert_eq!(c.flop_per_token, 6.0 * (total - embeddings) + 6.0 * 32.0 * 4096.0 * 4096.0);
}

#[test]
fn mixtral_8x7b() {
    let c = counts(MIXTRAL);
    let attention = 4096.0 * 4096.0 + 2.0 * 4096.0 * (8.0 * 128.0) + 4096.0 * 4096.0;
    let expert = 3.0 * 4096.0 * 14336.0;
    let router = 4096.0 * 8.0;
    let common = attention + router + 2.0 * 4096.0;
    let embeddings = 2.0 * 32000.0 * 4096.0;
    let total = 32.0 * (common + 8.0 * expert) + 4096.0 + embeddings;
    let active = 32.0 * (common + 2.0 * expert) + 4096.0 + embeddings;
    assert_eq!(c.parameters, total);
    assert_eq!(c.parameters_active, active);
    close(c.parameters, 46.7e9, 0.001);
    close(c.parameters_active, 12.9e9, 0.002);
}

#[test]
fn deepseek_v3_with_latent_attention() {
    let (arch, used) = config(DEEPSEEK_V3);
    let c = arch.counts(Convention::Kaplan).unwrap();
    let d = 7168.0;
    let q = d * 1536.0 + 1536.0 + 1536.0 * 128.0 * (128.0 + 64.0);
    let kv = d * (512.0 + 64.0) + 512.0 + 512.0 * 128.0 * (128.0 + 128.0);
    let o = 128.0 * 128.0 * d;
    let per_layer = q + kv + o + 2.0 * d;
    let dense = 3.0 * (3.0 * d * 18432.0);
    let expert = 3.0 * d * 2048.0;
    let moe_common = expert + d * 256.0;
    let embeddings = 2.0 * 129280.0 * d;
    let total = 61.0 * per_layer + dense + 58.0 * (moe_common + 256.0 * expert) + d + embeddings;
    let active = 61.0 * per_layer + dense + 58.0 * (moe_common + 8.0 * expert) + d + embeddings;
    assert_eq!(c.parameters, total);
    assert_eq!(c.parameters_active, active);
    // Published: 671B total, 37B activated (without the 14B multi-token-prediction module).
    close(c.parameters, 671e9, 0.001);
    close(c.parameters_active, 37.5e9, 0.01);
    assert!(used.contains(&FieldUsed::Assumed(Assumption::NotCounted("num_nextn_predict_layers"))));
}

#[test]
fn gpt_3_by_shape() {
    let shape = Shape {
        layers: Some(96),
        d_model: Some(12288),
        heads: Some(96),
        context: Some(2048),
        vocab: Some(50257),
        ..Shape::default()
    };
    let (arch, notes) = shape.resolve().unwrap();
    assert_eq!((arch.head_dim, arch.kv_heads, arch.d_ff, arch.gated, arch.tied), (128, 96, 4 * 12288, false, true));
    assert_eq!(
        notes,
        [
            Assumption::HeadDim(128),
            Assumption::KvHeads(96),
            Assumption::Plain,
            Assumption::DFf(49152),
            Assumption::Tied(true)
        ]
    );
    let c = arch.counts(Convention::Kaplan).unwrap();
    let d = 12288.0;
    let non_embedding = 96.0 * (12.0 * d * d + 2.0 * d) + d;
    assert_eq!(c.parameters, non_embedding + 50257.0 * d);
    close(c.parameters, 174.6e9, 0.001);
    let flop = c.flop(300e9).unwrap();
    assert_eq!(flop, (6.0 * non_embedding + 6.0 * 96.0 * 2048.0 * d) * 300e9);
    // Just above 6·N·D (3.14e23 published).
    let six_nd = 6.0 * c.parameters * 300e9;
    assert!(flop > six_nd && flop < 1.02 * six_nd, "{flop:e} vs {six_nd:e}");
    close(six_nd, 3.14e23, 0.001);
    // PaLM's convention: all parameters, and twice the attention term.
    let p = arch.counts(Convention::Palm).unwrap();
    assert_eq!(p.flop_per_token, 6.0 * c.parameters + 12.0 * 96.0 * 96.0 * 128.0 * 2048.0);
}

#[test]
fn gpt_2_small_with_biases_and_positions() {
    let text = r#"{"model_type": "gpt2", "activation_function": "gelu_new", "n_ctx": 1024, "n_embd": 768,
      "n_head": 12, "n_layer": 12, "n_positions": 1024, "vocab_size": 50257}"#;
    let c = counts(text);
    let d = 768.0;
    let layer = (4.0 * d * d + 4.0 * d) + (8.0 * d * d + 4.0 * d + d) + 2.0 * (2.0 * d);
    let total = 12.0 * layer + 2.0 * d + 50257.0 * d + 1024.0 * d;
    assert_eq!(total, 124_439_808.0);
    assert_eq!(c.parameters, total);
}

#[test]
fn nested_text_config_and_defaults() {
    let text = r#"{"model_type": "llava", "text_config": {"model_type": "llama", "hidden_size": 4096,
      "num_hidden_layers": 32, "vocab_size": 32000, "tie_word_embeddings": false}}"#;
    let (arch, used) = config(text);
    assert_eq!((arch.heads, arch.head_dim, arch.d_ff, arch.gated), (32, 128, 11008, true));
    assert!(used.contains(&FieldUsed::Read { key: "text_config.hidden_size".into(), value: "4096".into() }));
    assert!(used.contains(&FieldUsed::Assumed(Assumption::DFfGated(11008))));
    assert_eq!(
        FieldUsed::Assumed(Assumption::DFfGated(11008)).message(Lang::Zh),
        "假定：d_ff = 8 × d_model / 3，向上取整到 256 的倍数 = 11008（同 Llama）"
    );
}

#[test]
fn config_errors_name_the_field() {
    config_error("[1]", "the config is not a JSON object {…}");
    config_error(
        r#"{"hidden_size": 64, "num_hidden_layers": 0, "vocab_size": 10}"#,
        "num_hidden_layers: must be at least 1",
    );
    config_error(r#"{"hidden_size": "4096", "num_hidden_layers": 2}"#, "hidden_size: should be a whole number ≥ 0");
    config_error(r#"{"hidden_size": 40.5}"#, "hidden_size: should be a whole number ≥ 0");
    config_error(r#"{"n_embd": -1}"#, "n_embd: must not be negative");
    config_error(r#"{"hidden_size": 1e300}"#, "hidden_size: too large");
    config_error(r#"{"hidden_size": 64, "vocab_size": 10}"#, "num_hidden_layers: missing");
    config_error(r#"{"hidden_size": 64, "n_layer": 2}"#, "vocab_size: missing");
    config_error(r#"{"tie_word_embeddings": "no"}"#, "tie_word_embeddings: should be true or false");
    config_error(
        r#"{"hidden_size": 64, "num_hidden_layers": 2, "vocab_size": 10, "num_local_experts": 8, "num_experts_per_tok": 9}"#,
        "num_experts_per_tok: 9 active experts, but the model has 8 experts",
    );
    config_error(
        r#"{"hidden_size": 64, "num_hidden_layers": 2, "vocab_size": 10, "num_attention_heads": 4, "num_key_value_heads": 8}"#,
        "num_key_value_heads: 8 key-value heads, more than the 4 attention heads",
    );
    config_error(
        r#"{"hidden_size": 100, "num_hidden_layers": 2, "vocab_size": 10, "num_attention_heads": 3}"#,
        "num_attention_heads: 100 does not divide into 3 heads: give the head dimension",
    );
    let e = from_config(&parse("{\"n_layer\": 0, \"n_embd\": 1, \"vocab_size\": 1}").unwrap()).unwrap_err();
    assert_eq!(e, ConfigError::Zero { field: "n_layer".into() });
    assert_eq!(e.message(Lang::Zh), "n_layer：至少为 1");
    // A space between the Chinese and "true" (it was 应为true).
    let e = from_config(&parse(r#"{"n_layer": 2, "n_embd": 8, "vocab_size": 1, "tie_word_embeddings": 1}"#).unwrap())
        .unwrap_err();
    assert_eq!(e.message(Lang::Zh), "tie_word_embeddings：应为 true 或 false");
    assert_eq!(e.message(Lang::En), "tie_word_embeddings: should be true or false");
    let e = from_config(
        &parse(r#"{"hidden_size": 100, "num_hidden_layers": 2, "vocab_size": 10, "num_attention_heads": 3}"#).unwrap(),
    )
    .unwrap_err();
    assert_eq!(e.message(Lang::Zh), "num_attention_heads：100 不能均分为 3 个头：请给出每头维度");
}

#[test]
fn huge_shapes_are_errors_not_infinity() {
    let big = Some(u64::MAX);
    let shape = Shape { layers: big, d_model: big, vocab: big, experts: big, active_experts: big, ..Shape::default() };
    match shape.resolve() {
        Ok((arch, _)) => {
            if let Ok(c) = arch.counts(Convention::Kaplan) {
                assert!(c.parameters.is_finite() && c.flop_per_token.is_finite());
            }
        }
        Err(e) => assert!(!e.message(Lang::En).is_empty()),
    }
    let small = Shape { layers: Some(2), d_model: Some(64), vocab: Some(10), ..Shape::default() };
    let c = small.resolve().unwrap().0.counts(Convention::Kaplan).unwrap();
    assert_eq!(c.flop(f64::MAX).unwrap_err().message(Lang::En), "tokens: too large");
    assert_eq!(c.flop(-1.0).unwrap_err().message(Lang::En), "tokens: must not be negative");
}

/// Llama 3 8B's config.json (Meta) without `hidden_act` and without `model_type`.
const LLAMA3_8B_BARE: &str = r#"{"hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
  "num_attention_heads": 32, "num_key_value_heads": 8, "vocab_size": 128256, "tie_word_embeddings": false,
  "max_position_embeddings": 8192}"#;

#[test]
fn llama_3_8b_without_hidden_act_is_gated_by_its_shape() {
    let (arch, used) = config(LLAMA3_8B_BARE);
    let c = arch.counts(Convention::Kaplan).unwrap();
    // d = 4096, 8 key-value heads of 128: q and o d·d each, k and v d·(8·128) each.
    let d = 4096.0;
    let attention = d * (d + 2.0 * 8.0 * 128.0) + d * d;
    // Gated: three d × d_ff matrices.
    let mlp = 3.0 * d * 14336.0;
    let norms = 2.0 * d;
    let embeddings = 2.0 * 128256.0 * d;
    let total = embeddings + 32.0 * (attention + mlp + norms) + d;
    assert_eq!(total, 8_030_261_248.0);
    assert_eq!(c.parameters, total);
    close(c.parameters, 8.03e9, 0.005);
    assert!(arch.gated);
    let shape = Assumption::MlpByShape { gated: true, d_model: 4096, d_ff: 14336 };
    assert!(used.contains(&FieldUsed::Assumed(shape.clone())), "{used:?}");
    assert_eq!(
        shape.message(Lang::En),
        "a gated MLP, since d_ff/d_model = 3.5 is a gated (SwiGLU) model's; plain MLPs use 4"
    );
    assert_eq!(shape.message(Lang::Zh), "门控 MLP，因 d_ff/d_model = 3.5 与门控（SwiGLU）模型相符；普通 MLP 为 4");
    // What else a config without model_type leaves out is said too.
    assert!(used.contains(&FieldUsed::Assumed(Assumption::NoBiases { model_type: String::new() })));
    assert!(used.contains(&FieldUsed::Assumed(Assumption::NoPositions { model_type: String::new() })));
}

#[test]
fn gpt_2_shape_without_hidden_act_is_plain() {
    // d_ff = 4·d: a plain MLP, as GPT-2's (here without model_type, so without its biases and
    // position table, which are said as assumed).
    let text = r#"{"hidden_size": 768, "intermediate_size": 3072, "num_hidden_layers": 12,
      "num_attention_heads": 12, "vocab_size": 50257, "max_position_embeddings": 1024}"#;
    let (arch, used) = config(text);
    assert!(!arch.gated);
    let shape = Assumption::MlpByShape { gated: false, d_model: 768, d_ff: 3072 };
    assert!(used.contains(&FieldUsed::Assumed(shape.clone())), "{used:?}");
    assert_eq!(
        shape.message(Lang::En),
        "a plain MLP, since d_ff/d_model = 4 is outside the 2.5–3.9 of gated (SwiGLU) models; plain MLPs use 4"
    );
    let d = 768.0;
    let layer = 4.0 * d * d + 2.0 * d * 3072.0 + 2.0 * d;
    // Tied (Hugging Face's default): one 50,257 × 768 matrix.
    assert_eq!(arch.counts(Convention::Kaplan).unwrap().parameters, 12.0 * layer + d + 50257.0 * d);
    assert!(used.contains(&FieldUsed::Assumed(Assumption::Tied(true))));
}

#[test]
fn the_gated_band_is_2_5_to_3_9() {
    use aicompute::model::transformer::{gated_by_shape, GATED_RATIO};
    assert_eq!(GATED_RATIO, (2.5, 3.9));
    // Llama 2 7B 11008/4096, DeepSeek-V3's dense 18432/7168, Llama 3.1 405B 53248/16384,
    // Qwen2.5-72B 29568/8192: gated.
    for (d, f) in [(4096, 11008), (7168, 18432), (16384, 53248), (8192, 29568), (4096, 14336)] {
        assert!(gated_by_shape(d, f), "{f}/{d}");
    }
    // The ends are in: 2.5 and 3.9 exactly; just outside and 4 (GPT) are plain.
    assert!(gated_by_shape(1000, 2500) && gated_by_shape(1000, 3900));
    assert!(!gated_by_shape(1000, 2499) && !gated_by_shape(1000, 3901) && !gated_by_shape(12288, 49152));
    assert!(!gated_by_shape(u64::MAX, 1) && gated_by_shape(u64::MAX / 4, u64::MAX / 4 * 3));
}

#[test]
fn a_shape_typed_in_follows_the_same_rule() {
    // The fields or the CLI without --gated: the shape decides, as for a config.
    let shape = Shape {
        layers: Some(32),
        d_model: Some(4096),
        heads: Some(32),
        kv_heads: Some(8),
        d_ff: Some(14336),
        vocab: Some(128256),
        tied: Some(false),
        context: Some(8192),
        ..Shape::default()
    };
    let (arch, notes) = shape.resolve().unwrap();
    assert!(arch.gated);
    assert_eq!(notes, [Assumption::HeadDim(128), Assumption::MlpByShape { gated: true, d_model: 4096, d_ff: 14336 }]);
    assert_eq!(arch.counts(Convention::Kaplan).unwrap().parameters, 8_030_261_248.0);
    // Said as gated or plain, the shape does not override it.
    let (plain, notes) = Shape { gated: Some(false), ..shape }.resolve().unwrap();
    assert!(!plain.gated && !notes.iter().any(|n| matches!(n, Assumption::MlpByShape { .. })));
}

#[test]
fn an_activation_or_a_family_says_more_than_the_shape() {
    // An unknown model_type with GELU: plain, though d_ff/d_model is 3.5.
    let (arch, used) = config(
        r#"{"model_type": "mystery", "hidden_act": "gelu", "hidden_size": 64, "intermediate_size": 224,
          "num_hidden_layers": 2, "vocab_size": 10}"#,
    );
    assert!(!arch.gated);
    let act = Assumption::Activation { act: "gelu".into(), gated: false };
    assert!(used.contains(&FieldUsed::Assumed(act.clone())), "{used:?}");
    assert_eq!(act.message(Lang::En), "a plain MLP, since hidden_act 'gelu' is not SwiGLU's activation");
    let no_bias = Assumption::NoBiases { model_type: "mystery".into() };
    assert!(used.contains(&FieldUsed::Assumed(no_bias.clone())));
    assert_eq!(
        no_bias.message(Lang::En),
        "no biases, as Llama: model_type 'mystery' is not a family this calculator knows"
    );
    // A known family: GPT-NeoX is plain whatever the shape; nothing about its MLP is assumed.
    let (arch, used) = config(
        r#"{"model_type": "gpt_neox", "hidden_size": 64, "intermediate_size": 224, "num_hidden_layers": 2,
          "vocab_size": 10}"#,
    );
    assert!(!arch.gated);
    assert!(!used.iter().any(|u| matches!(
        u,
        FieldUsed::Assumed(
            Assumption::MlpByShape { .. } | Assumption::NoBiases { .. } | Assumption::NoPositions { .. }
        )
    )));
}

#[test]
fn the_context_from_max_position_embeddings_is_said() {
    let (arch, used) = config(DEEPSEEK_V3);
    // Not changed: the config's longest context stays the count's context.
    assert_eq!(arch.context, 163_840);
    let a = Assumption::ContextIsMaximum { context: 163_840, key: "max_position_embeddings".into() };
    assert!(used.contains(&FieldUsed::Assumed(a.clone())), "{used:?}");
    assert_eq!(
        a.message(Lang::En),
        "context 163,840 from max_position_embeddings: the training context may be shorter"
    );
    assert_eq!(a.message(Lang::Zh), "上下文 163,840 取自 max_position_embeddings：训练时的上下文可能更短");
    // GPT-2's n_positions is named as it is written.
    let (_, used) = config(
        r#"{"model_type": "gpt2", "n_embd": 64, "n_layer": 2, "n_head": 2, "n_positions": 1024, "vocab_size": 10}"#,
    );
    let a = Assumption::ContextIsMaximum { context: 1024, key: "n_positions".into() };
    assert!(used.contains(&FieldUsed::Assumed(a)), "{used:?}");
}
