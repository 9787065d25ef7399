//! Parameters and training FLOP of a transformer from its shape or its Hugging Face
//! `config.json`: dense (GPT, Llama), grouped-query attention, mixture of experts (Mixtral,
//! Qwen-MoE, DeepSeek) and DeepSeek's multi-head latent attention (MLA).
//!
//! What is counted, per layer: the attention matrices (q: d·H·hd, k and v: d·KV·hd each, o:
//! H·hd·d), the MLP (3·d·d_ff gated, 2·d·d_ff plain), for a mixture-of-experts layer every
//! routed expert, the shared experts and the router (d·E), and the weights of the two norms
//! (d each; LayerNorm's bias too where the model has biases), plus the final norm. Biases are
//! counted where the family has them ([`Bias`]). Embeddings: V·d, twice if untied, plus the
//! learned position table (context·d) of GPT-2-style models. Not counted: DeepSeek-V3's
//! multi-token-prediction module, Qwen-MoE's one-number shared-expert gate, rotary tables.
//!
//! Defaults when only the shape is given (each one is returned as an [`Assumption`]):
//! heads = d_model / 128 (rounded down, at least 1) and head_dim = d_model / heads; with heads
//! given, head_dim = d_model / heads; kv_heads = heads; with neither gated nor plain said, the
//! MLP the shape suggests ([`gated_by_shape`]: d_ff / d_model in 2.5–3.9 is gated, else plain),
//! or with d_ff not given either a plain one; d_ff = 4·d_model plain, or for a gated MLP Llama's
//! 8·d_model/3 rounded up to a multiple of 256; tied embeddings; a context of 2048; one active
//! expert; expert width = d_ff.

use crate::model::json::Json;
use crate::say;
use crate::text::format::{grouped, readable};
use crate::text::i18n::{t, Key, Lang};
use crate::text::num::{count_f64, to_u64};

/// Which biases a model has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Bias {
    /// None (Llama, Mistral, Mixtral, DeepSeek).
    #[default]
    None,
    /// On the q, k and v projections only (Qwen2, Qwen2-MoE).
    Qkv,
    /// On every linear layer and every norm (GPT-2, GPT-3, GPT-NeoX, OPT).
    All,
}

/// DeepSeek's multi-head latent attention: low-rank q and kv projections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mla {
    /// 0: q is one d × H·(nope+rope) matrix.
    pub q_lora_rank: u64,
    pub kv_lora_rank: u64,
    pub qk_rope_head_dim: u64,
    pub qk_nope_head_dim: u64,
    pub v_head_dim: u64,
}

/// A resolved architecture: every dimension known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arch {
    pub layers: u64,
    pub d_model: u64,
    pub heads: u64,
    pub kv_heads: u64,
    pub head_dim: u64,
    /// The dense MLP's width (`intermediate_size`).
    pub d_ff: u64,
    /// A gated MLP (SwiGLU: three matrices) rather than a plain one (two).
    pub gated: bool,
    pub vocab: u64,
    /// The output matrix is the input embedding.
    pub tied: bool,
    pub context: u64,
    /// Routed experts; 0 for a dense model.
    pub experts: u64,
    /// Routed experts per token.
    pub active_experts: u64,
    pub shared_experts: u64,
    /// Each routed expert's width (`moe_intermediate_size`).
    pub moe_d_ff: u64,
    /// The shared experts' width together (`shared_expert_intermediate_size`).
    pub shared_d_ff: u64,
    /// The first layers that have a dense MLP (`first_k_dense_replace`).
    pub dense_layers: u64,
    /// A learned position table of context × d (GPT-2).
    pub learned_positions: bool,
    pub bias: Bias,
    pub mla: Option<Mla>,
}

/// A dimension of the shape, for naming fields in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    Layers,
    DModel,
    Heads,
    KvHeads,
    HeadDim,
    DFf,
    Vocab,
    Context,
    Experts,
    ActiveExperts,
    SharedExperts,
    MoeDFf,
    SharedDFf,
    DenseLayers,
    QLoraRank,
    KvLoraRank,
    QkRopeHeadDim,
    QkNopeHeadDim,
    VHeadDim,
}

impl Dimension {
    /// The usual `config.json` name.
    pub fn key(self) -> &'static str {
        match self {
            Dimension::Layers => "num_hidden_layers",
            Dimension::DModel => "hidden_size",
            Dimension::Heads => "num_attention_heads",
            Dimension::KvHeads => "num_key_value_heads",
            Dimension::HeadDim => "head_dim",
            Dimension::DFf => "intermediate_size",
            Dimension::Vocab => "vocab_size",
            Dimension::Context => "max_position_embeddings",
            Dimension::Experts => "num_local_experts",
            Dimension::ActiveExperts => "num_experts_per_tok",
            Dimension::SharedExperts => "n_shared_experts",
            Dimension::MoeDFf => "moe_intermediate_size",
            Dimension::SharedDFf => "shared_expert_intermediate_size",
            Dimension::DenseLayers => "first_k_dense_replace",
            Dimension::QLoraRank => "q_lora_rank",
            Dimension::KvLoraRank => "kv_lora_rank",
            Dimension::QkRopeHeadDim => "qk_rope_head_dim",
            Dimension::QkNopeHeadDim => "qk_nope_head_dim",
            Dimension::VHeadDim => "v_head_dim",
        }
    }
    /// The CLI flag.
    pub fn flag(self) -> String {
        let name = match self {
            Dimension::Layers => "layers",
            Dimension::DModel => "d-model",
            Dimension::Heads => "heads",
            Dimension::KvHeads => "kv-heads",
            Dimension::HeadDim => "head-dim",
            Dimension::DFf => "d-ff",
            Dimension::Vocab => "vocab",
            Dimension::Context => "context",
            Dimension::Experts => "experts",
            Dimension::ActiveExperts => "active-experts",
            Dimension::SharedExperts => "shared-experts",
            Dimension::MoeDFf => "moe-d-ff",
            Dimension::SharedDFf => "shared-d-ff",
            Dimension::DenseLayers => "dense-layers",
            other => return format!("--{}", other.key().replace('_', "-")),
        };
        format!("--{name}")
    }
}

/// What the value of a field should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// A whole number ≥ 0.
    Count,
    Bool,
    Str,
}

/// Why a shape or a config gives no parameter count. `field` names the config key or flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// The config is not a JSON object.
    NotObject,
    WrongType {
        field: String,
        want: Want,
    },
    Missing {
        field: String,
    },
    Zero {
        field: String,
    },
    /// Above 2^53 (or a count so large that the result is not finite).
    TooLarge {
        field: String,
    },
    Negative {
        field: String,
    },
    ActiveAboveExperts {
        field: String,
        active: u64,
        experts: u64,
    },
    KvAboveHeads {
        field: String,
        kv_heads: u64,
        heads: u64,
    },
    NotDivisible {
        field: String,
        d_model: u64,
        heads: u64,
    },
    DenseAboveLayers {
        field: String,
        dense: u64,
        layers: u64,
    },
}

impl ConfigError {
    /// The message, naming the config key or flag: "num_hidden_layers: must be at least 1".
    pub fn message(&self, lang: Lang) -> String {
        match self.field() {
            Some(field) => say!(lang, Key::ModelConfigField, detail = self.detail(lang), field = field),
            None => self.detail(lang),
        }
    }

    /// The config key or flag the error is about (none for [`ConfigError::NotObject`]).
    pub fn field(&self) -> Option<&str> {
        use ConfigError::*;
        match self {
            NotObject => None,
            WrongType { field, .. }
            | Missing { field }
            | Zero { field }
            | TooLarge { field }
            | Negative { field }
            | ActiveAboveExperts { field, .. }
            | KvAboveHeads { field, .. }
            | NotDivisible { field, .. }
            | DenseAboveLayers { field, .. } => Some(field),
        }
    }

    /// The message without the field's name, for a place that names it otherwise (beside a
    /// typed field, after its label): "must be at least 1".
    pub fn detail(&self, lang: Lang) -> String {
        use ConfigError::*;
        let key = match self {
            NotObject => Key::ModelConfigNotObject,
            WrongType { want: Want::Count, .. } => Key::ModelConfigWantCount,
            WrongType { want: Want::Bool, .. } => Key::ModelConfigWantBool,
            WrongType { want: Want::Str, .. } => Key::ModelConfigWantStr,
            Missing { .. } => Key::ModelConfigMissing,
            Zero { .. } => Key::ModelConfigZero,
            TooLarge { .. } => Key::ModelConfigTooLarge,
            Negative { .. } => Key::ModelConfigNegative,
            ActiveAboveExperts { active, experts, .. } => {
                return say!(lang, Key::ModelConfigActiveAboveExperts, active = active, experts = experts)
            }
            KvAboveHeads { kv_heads, heads, .. } => {
                return say!(lang, Key::ModelConfigKvAboveHeads, kv_heads = kv_heads, heads = heads)
            }
            NotDivisible { d_model, heads, .. } => {
                return say!(lang, Key::ModelConfigNotDivisible, d_model = d_model, heads = heads)
            }
            DenseAboveLayers { dense, layers, .. } => {
                return say!(lang, Key::ModelConfigDenseAboveLayers, dense = dense, layers = layers)
            }
        };
        t(lang, key).to_string()
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// A value the count assumed because the shape or config did not give it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Assumption {
    /// heads = d_model / 128 (at least 1), head_dim = d_model / heads.
    Heads {
        heads: u64,
        head_dim: u64,
    },
    /// head_dim = d_model / heads.
    HeadDim(u64),
    /// kv_heads = heads (ordinary multi-head attention).
    KvHeads(u64),
    /// A plain two-matrix MLP: neither gated nor d_ff given.
    Plain,
    /// Gated or plain as the shape suggests ([`gated_by_shape`]): gated or plain not given.
    MlpByShape {
        gated: bool,
        d_model: u64,
        d_ff: u64,
    },
    /// Gated or plain from the activation (`hidden_act`) of a config whose `model_type` this
    /// reader does not know: SiLU/Swish is SwiGLU's.
    Activation {
        act: String,
        gated: bool,
    },
    /// No biases: the config's `model_type` (empty when absent) is not a family this reader
    /// knows.
    NoBiases {
        model_type: String,
    },
    /// No learned position table (rotary positions, as Llama): `model_type` unknown.
    NoPositions {
        model_type: String,
    },
    /// d_ff = 4·d_model (plain MLP).
    DFf(u64),
    /// d_ff = 8·d_model/3 rounded up to a multiple of 256 (gated MLP, as Llama).
    DFfGated(u64),
    Tied(bool),
    Context(u64),
    ActiveExperts(u64),
    /// Each expert is as wide as d_ff.
    MoeDFf(u64),
    /// The context is the config's `key` (`max_position_embeddings`), the longest the model
    /// takes; training may have used shorter sequences.
    ContextIsMaximum {
        context: u64,
        key: String,
    },
    /// A config field that adds parameters this count leaves out.
    NotCounted(&'static str),
}

impl Assumption {
    pub fn message(&self, lang: Lang) -> String {
        use Assumption::*;
        match self {
            Heads { heads, head_dim } => say!(lang, Key::ModelAssumeHeads, heads = heads, head_dim = head_dim),
            HeadDim(h) => say!(lang, Key::ModelAssumeHeadDim, h = h),
            KvHeads(k) => say!(lang, Key::ModelAssumeKvHeads, k = k),
            Plain => t(lang, Key::ModelAssumePlain).to_string(),
            MlpByShape { gated, d_model, d_ff } => {
                let r = readable(count_f64(*d_ff) / count_f64((*d_model).max(1)), 3, ",");
                let (lo, hi) = GATED_RATIO;
                if *gated {
                    say!(lang, Key::ModelAssumeMlpGated, r = r)
                } else {
                    say!(lang, Key::ModelAssumeMlpPlain, r = r, lo = lo, hi = hi)
                }
            }
            Activation { act, gated: true } => say!(lang, Key::ModelAssumeActGated, act = act),
            Activation { act, gated: false } => say!(lang, Key::ModelAssumeActPlain, act = act),
            NoBiases { model_type } if model_type.is_empty() => t(lang, Key::ModelAssumeNoBiasesUntyped).to_string(),
            NoBiases { model_type } => say!(lang, Key::ModelAssumeNoBiases, model_type = model_type),
            NoPositions { model_type } if model_type.is_empty() => {
                t(lang, Key::ModelAssumeNoPositionsUntyped).to_string()
            }
            NoPositions { model_type } => say!(lang, Key::ModelAssumeNoPositions, model_type = model_type),
            DFf(f) => say!(lang, Key::ModelAssumeDFf, f = f),
            DFfGated(f) => say!(lang, Key::ModelAssumeDFfGated, f = f),
            Tied(true) => t(lang, Key::ModelAssumeTied).to_string(),
            Tied(false) => t(lang, Key::ModelAssumeUntied).to_string(),
            Context(c) => say!(lang, Key::ModelAssumeContext, c = c),
            ActiveExperts(k) => say!(lang, Key::ModelAssumeActiveExperts, k = k),
            MoeDFf(f) => say!(lang, Key::ModelAssumeMoeDFf, f = f),
            ContextIsMaximum { context, key } => {
                say!(lang, Key::ModelAssumeContextMax, c = grouped(count_f64(*context), 0, ","), key = key)
            }
            NotCounted(key) => say!(lang, Key::ModelAssumeNotCounted, key = key),
        }
    }
}

/// The shape as given: `None` where a dimension is left to its default.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Shape {
    pub layers: Option<u64>,
    pub d_model: Option<u64>,
    pub heads: Option<u64>,
    pub kv_heads: Option<u64>,
    pub head_dim: Option<u64>,
    pub d_ff: Option<u64>,
    pub gated: Option<bool>,
    pub vocab: Option<u64>,
    pub tied: Option<bool>,
    pub context: Option<u64>,
    pub experts: Option<u64>,
    pub active_experts: Option<u64>,
    pub shared_experts: Option<u64>,
    pub moe_d_ff: Option<u64>,
    pub shared_d_ff: Option<u64>,
    pub dense_layers: Option<u64>,
    pub learned_positions: bool,
    pub bias: Bias,
    pub q_lora_rank: Option<u64>,
    pub kv_lora_rank: Option<u64>,
    pub qk_rope_head_dim: Option<u64>,
    pub qk_nope_head_dim: Option<u64>,
    pub v_head_dim: Option<u64>,
}

/// The default context length.
pub(crate) const DEFAULT_CONTEXT: u64 = 2048;

/// The d_ff / d_model a gated MLP has, both ends included, when nothing says whether it is
/// gated. A gated (SwiGLU) MLP keeps a plain 4·d one's parameters with 8·d/3 = 2.67·d, rounded
/// up, or widened to 3.5·d: Llama 2 7B 2.69, Llama 3.1 405B 3.25, Llama 3 and Mixtral 3.5,
/// Qwen2.5-72B 3.61, DeepSeek-V3's dense layers 2.57 (rounded to the nearest, hence 2.5 below).
/// A plain MLP uses 4 (GPT-2, GPT-3, OPT, GPT-NeoX, Falcon, BLOOM), hence 3.9 above. Outside the
/// band (4, or the rare 2 or 5.3) the MLP is read as plain; families that the band misses (Gemma
/// 8, Qwen2-7B 5.29, DeepSeek-V2 2.4) are known by their `model_type`.
pub const GATED_RATIO: (f64, f64) = (2.5, 3.9);

/// Whether d_ff / d_model is a gated MLP's ([`GATED_RATIO`]), in whole numbers: 10·d_ff between
/// 25·d_model and 39·d_model.
pub fn gated_by_shape(d_model: u64, d_ff: u64) -> bool {
    let (d, f) = (u128::from(d_model), u128::from(d_ff));
    (25 * d..=39 * d).contains(&(10 * f))
}

struct Resolver<'a> {
    shape: &'a Shape,
    name: &'a dyn Fn(Dimension) -> String,
    notes: Vec<Assumption>,
}

impl Resolver<'_> {
    fn required(&self, v: Option<u64>, d: Dimension) -> Result<u64, ConfigError> {
        match v {
            None => Err(ConfigError::Missing { field: (self.name)(d) }),
            Some(0) => Err(ConfigError::Zero { field: (self.name)(d) }),
            Some(v) => Ok(v),
        }
    }
    fn nonzero(&self, v: Option<u64>, d: Dimension) -> Result<Option<u64>, ConfigError> {
        match v {
            Some(0) => Err(ConfigError::Zero { field: (self.name)(d) }),
            v => Ok(v),
        }
    }

    /// (heads, head_dim, kv_heads).
    fn attention(&mut self, d: u64) -> Result<(u64, u64, u64), ConfigError> {
        let s = self.shape;
        let head_dim = self.nonzero(s.head_dim, Dimension::HeadDim)?;
        let (heads, head_dim) = match (self.nonzero(s.heads, Dimension::Heads)?, head_dim) {
            (Some(h), Some(hd)) => (h, hd),
            (Some(h), None) if d % h == 0 => {
                self.notes.push(Assumption::HeadDim(d / h));
                (h, d / h)
            }
            (Some(h), None) => {
                return Err(ConfigError::NotDivisible { field: (self.name)(Dimension::Heads), d_model: d, heads: h })
            }
            (None, hd) => {
                let h = (d / hd.unwrap_or(128)).max(1);
                let hd = hd.unwrap_or(d / h);
                self.notes.push(Assumption::Heads { heads: h, head_dim: hd });
                (h, hd)
            }
        };
        let kv = match self.nonzero(s.kv_heads, Dimension::KvHeads)? {
            Some(kv) if kv > heads => {
                let field = (self.name)(Dimension::KvHeads);
                return Err(ConfigError::KvAboveHeads { field, kv_heads: kv, heads });
            }
            Some(kv) => kv,
            None => {
                self.notes.push(Assumption::KvHeads(heads));
                heads
            }
        };
        Ok((heads, head_dim, kv))
    }

    /// (gated, d_ff). Gated or plain not given, the shape decides ([`gated_by_shape`]).
    fn mlp(&mut self, d: u64) -> Result<(bool, u64), ConfigError> {
        let given = self.nonzero(self.shape.d_ff, Dimension::DFf)?;
        let gated = match (self.shape.gated, given) {
            (Some(g), _) => g,
            (None, Some(f)) => {
                let gated = gated_by_shape(d, f);
                self.notes.push(Assumption::MlpByShape { gated, d_model: d, d_ff: f });
                gated
            }
            (None, None) => {
                self.notes.push(Assumption::Plain);
                false
            }
        };
        let d_ff = match given {
            Some(f) => f,
            None if gated => {
                let f = d.saturating_mul(8).div_ceil(3).div_ceil(256).saturating_mul(256);
                self.notes.push(Assumption::DFfGated(f));
                f
            }
            None => {
                self.notes.push(Assumption::DFf(d.saturating_mul(4)));
                d.saturating_mul(4)
            }
        };
        Ok((gated, d_ff))
    }

    /// (experts, active, shared, moe_d_ff, shared_d_ff, dense_layers).
    fn experts(&mut self, layers: u64, d_ff: u64) -> Result<[u64; 6], ConfigError> {
        let s = self.shape;
        let experts = s.experts.unwrap_or(0);
        let active = match self.nonzero(s.active_experts, Dimension::ActiveExperts)? {
            Some(k) => k,
            None if experts > 0 => {
                self.notes.push(Assumption::ActiveExperts(1));
                1
            }
            None => 0,
        };
        if active > experts {
            let field = (self.name)(Dimension::ActiveExperts);
            return Err(ConfigError::ActiveAboveExperts { field, active, experts });
        }
        if experts == 0 {
            return Ok([0; 6]);
        }
        let moe_d_ff = match self.nonzero(s.moe_d_ff, Dimension::MoeDFf)? {
            Some(f) => f,
            None => {
                self.notes.push(Assumption::MoeDFf(d_ff));
                d_ff
            }
        };
        let shared_d_ff = s.shared_d_ff.unwrap_or(s.shared_experts.unwrap_or(0).saturating_mul(moe_d_ff));
        let shared = s.shared_experts.unwrap_or(if shared_d_ff > 0 { 1 } else { 0 });
        let dense = s.dense_layers.unwrap_or(0);
        if dense > layers {
            let field = (self.name)(Dimension::DenseLayers);
            return Err(ConfigError::DenseAboveLayers { field, dense, layers });
        }
        Ok([experts, active, shared, moe_d_ff, shared_d_ff, dense])
    }

    fn mla(&self) -> Result<Option<Mla>, ConfigError> {
        let s = self.shape;
        if s.kv_lora_rank.is_none() {
            return Ok(None);
        }
        Ok(Some(Mla {
            q_lora_rank: s.q_lora_rank.unwrap_or(0),
            kv_lora_rank: self.required(s.kv_lora_rank, Dimension::KvLoraRank)?,
            qk_rope_head_dim: self.required(s.qk_rope_head_dim, Dimension::QkRopeHeadDim)?,
            qk_nope_head_dim: self.required(s.qk_nope_head_dim, Dimension::QkNopeHeadDim)?,
            v_head_dim: self.required(s.v_head_dim, Dimension::VHeadDim)?,
        }))
    }
}

impl Shape {
    /// Resolves the shape with the defaults of the module; errors name fields by their flags.
    ///
    /// # Errors
    ///
    /// A [`ConfigError`] naming the dimension by its flag: missing, zero, inconsistent with another,
    /// or so large the counts are not finite.
    pub fn resolve(&self) -> Result<(Arch, Vec<Assumption>), ConfigError> {
        self.resolve_named(&Dimension::flag)
    }

    /// Resolves the shape; `name` gives the field name errors use.
    pub(crate) fn resolve_named(
        &self,
        name: &dyn Fn(Dimension) -> String,
    ) -> Result<(Arch, Vec<Assumption>), ConfigError> {
        let mut r = Resolver { shape: self, name, notes: Vec::new() };
        let layers = r.required(self.layers, Dimension::Layers)?;
        let d_model = r.required(self.d_model, Dimension::DModel)?;
        let vocab = r.required(self.vocab, Dimension::Vocab)?;
        let (heads, head_dim, kv_heads) = r.attention(d_model)?;
        let (gated, d_ff) = r.mlp(d_model)?;
        let [experts, active_experts, shared_experts, moe_d_ff, shared_d_ff, dense_layers] = r.experts(layers, d_ff)?;
        let mla = r.mla()?;
        if mla.is_some() {
            // MLA's own widths stand for the heads' width and the key-value heads: what was
            // assumed of those counts for nothing, and is not said.
            r.notes.retain(|n| !matches!(n, Assumption::HeadDim(_) | Assumption::KvHeads(_)));
        }
        let context = match r.nonzero(self.context, Dimension::Context)? {
            Some(c) => c,
            None => {
                r.notes.push(Assumption::Context(DEFAULT_CONTEXT));
                DEFAULT_CONTEXT
            }
        };
        let tied = self.tied.unwrap_or_else(|| {
            r.notes.push(Assumption::Tied(true));
            true
        });
        let arch = Arch {
            layers,
            d_model,
            heads,
            kv_heads,
            head_dim,
            d_ff,
            gated,
            vocab,
            tied,
            context,
            experts,
            active_experts,
            shared_experts,
            moe_d_ff,
            shared_d_ff,
            dense_layers,
            learned_positions: self.learned_positions,
            bias: self.bias,
            mla,
        };
        Ok((arch, r.notes))
    }
}

/// How the training FLOP per token counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Convention {
    /// Kaplan et al. 2020, Table 1: 6·N + 6·n_layer·n_ctx·d_attn, N the non-embedding
    /// parameters (active ones, for a mixture of experts). The default: the estimate of a
    /// model's training compute.
    #[default]
    Kaplan,
    /// PaLM (Chowdhery et al. 2022, appendix B): 6·N + 12·L·H·Q·T, N all (active) parameters
    /// with the embeddings. The convention of model FLOPs utilization.
    Palm,
}

/// Parameter counts and training FLOP per token.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Counts {
    pub parameters: f64,
    /// Parameters a token passes through (all of a dense model).
    pub parameters_active: f64,
    pub non_embedding: f64,
    pub non_embedding_active: f64,
    /// Input and output embeddings and learned positions.
    pub embedding: f64,
    /// The attention term of the training FLOP per token (the QK and AV products).
    pub attention_flop_per_token: f64,
    /// Training (forward and backward) FLOP per token.
    pub flop_per_token: f64,
    pub convention: Convention,
}

impl Counts {
    /// Training FLOP for `tokens` tokens.
    ///
    /// # Errors
    ///
    /// [`ConfigError::Negative`] when `tokens` is negative or NaN, [`ConfigError::TooLarge`] when the
    /// product is not finite.
    pub fn flop(&self, tokens: f64) -> Result<f64, ConfigError> {
        let field = || "tokens".to_string();
        if tokens.is_nan() || tokens < 0.0 {
            return Err(ConfigError::Negative { field: field() });
        }
        let f = self.flop_per_token * tokens;
        if !f.is_finite() {
            return Err(ConfigError::TooLarge { field: field() });
        }
        Ok(f)
    }
}

impl Arch {
    fn mlp(&self, width: u64) -> f64 {
        let (d, f) = (count_f64(self.d_model), count_f64(width));
        let matrices = if self.gated { 3.0 } else { 2.0 };
        let bias = if self.bias == Bias::All { f + d } else { 0.0 };
        if width == 0 {
            0.0
        } else {
            matrices * d * f + bias
        }
    }

    fn norm(&self) -> f64 {
        count_f64(self.d_model) * if self.bias == Bias::All { 2.0 } else { 1.0 }
    }

    /// The attention parameters of one layer.
    pub(crate) fn attention_parameters(&self) -> f64 {
        let (d, h) = (count_f64(self.d_model), count_f64(self.heads));
        if let Some(m) = self.mla {
            let (ql, kvl) = (count_f64(m.q_lora_rank), count_f64(m.kv_lora_rank));
            let (nope, rope, v) =
                (count_f64(m.qk_nope_head_dim), count_f64(m.qk_rope_head_dim), count_f64(m.v_head_dim));
            let qk = nope + rope;
            let q = if m.q_lora_rank > 0 { d * ql + ql + ql * h * qk } else { d * h * qk };
            let kv = d * (kvl + rope) + kvl + kvl * h * (nope + v);
            return q + kv + h * v * d;
        }
        let (q, kv) = (h * count_f64(self.head_dim), count_f64(self.kv_heads) * count_f64(self.head_dim));
        let bias = match self.bias {
            Bias::None => 0.0,
            Bias::Qkv => q + 2.0 * kv,
            Bias::All => q + 2.0 * kv + d,
        };
        d * q + 2.0 * d * kv + q * d + bias
    }

    /// Kaplan's d_attn: H·head_dim (for MLA, the mean of the q·k and v widths).
    pub fn d_attn(&self) -> f64 {
        match self.mla {
            Some(m) => {
                let widths = count_f64(m.qk_nope_head_dim) + count_f64(m.qk_rope_head_dim) + count_f64(m.v_head_dim);
                count_f64(self.heads) * widths / 2.0
            }
            None => count_f64(self.heads) * count_f64(self.head_dim),
        }
    }

    /// (total, active) MLP parameters over all layers.
    fn mlps(&self) -> (f64, f64) {
        if self.experts == 0 {
            let all = count_f64(self.layers) * self.mlp(self.d_ff);
            return (all, all);
        }
        let dense = count_f64(self.dense_layers) * self.mlp(self.d_ff);
        let moe_layers = count_f64(self.layers.saturating_sub(self.dense_layers));
        let common = self.mlp(self.shared_d_ff) + count_f64(self.d_model) * count_f64(self.experts);
        let expert = self.mlp(self.moe_d_ff);
        let total = dense + moe_layers * (common + count_f64(self.experts) * expert);
        let active = dense + moe_layers * (common + count_f64(self.active_experts) * expert);
        (total, active)
    }

    /// Parameter counts and training FLOP per token under a convention.
    ///
    /// # Errors
    ///
    /// [`ConfigError::TooLarge`] when the parameter count or the FLOP per token is not finite.
    pub fn counts(&self, convention: Convention) -> Result<Counts, ConfigError> {
        let (l, d) = (count_f64(self.layers), count_f64(self.d_model));
        let shared = l * (self.attention_parameters() + 2.0 * self.norm()) + self.norm();
        let (mlp_total, mlp_active) = self.mlps();
        let outputs = if self.tied { 1.0 } else { 2.0 };
        let positions = if self.learned_positions { count_f64(self.context) * d } else { 0.0 };
        let embedding = outputs * count_f64(self.vocab) * d + positions;
        let ctx_term = l * count_f64(self.context) * self.d_attn();
        let (n, attention) = match convention {
            Convention::Kaplan => (shared + mlp_active, 6.0 * ctx_term),
            Convention::Palm => (shared + mlp_active + embedding, 12.0 * ctx_term),
        };
        let c = Counts {
            parameters: shared + mlp_total + embedding,
            parameters_active: shared + mlp_active + embedding,
            non_embedding: shared + mlp_total,
            non_embedding_active: shared + mlp_active,
            embedding,
            attention_flop_per_token: attention,
            flop_per_token: 6.0 * n + attention,
            convention,
        };
        if !c.flop_per_token.is_finite() || !c.parameters.is_finite() {
            return Err(ConfigError::TooLarge { field: "layers".into() });
        }
        Ok(c)
    }
}

/// What a config gave for the count: a field read, or a value assumed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldUsed {
    /// `key` (with its path, such as `text_config.hidden_size`) and its value as written.
    Read {
        key: String,
        value: String,
    },
    Assumed(Assumption),
}

impl FieldUsed {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FieldUsed::Read { key, value } => format!("{key} = {value}"),
            FieldUsed::Assumed(a) => say!(lang, Key::ModelAssumed, note = a.message(lang)),
        }
    }
}

/// The config names of each dimension, in the order they are tried.
const KEYS: &[(Dimension, &[&str])] = &[
    (Dimension::Layers, &["num_hidden_layers", "n_layer", "num_layers", "n_layers"]),
    (Dimension::DModel, &["hidden_size", "n_embd", "d_model"]),
    (Dimension::Heads, &["num_attention_heads", "n_head", "num_heads"]),
    (Dimension::KvHeads, &["num_key_value_heads"]),
    (Dimension::HeadDim, &["head_dim"]),
    (Dimension::DFf, &["intermediate_size", "n_inner", "ffn_dim"]),
    (Dimension::Vocab, &["vocab_size"]),
    (Dimension::Context, &["max_position_embeddings", "n_positions", "n_ctx", "seq_length"]),
    (Dimension::Experts, &["num_local_experts", "n_routed_experts", "num_experts"]),
    (Dimension::ActiveExperts, &["num_experts_per_tok"]),
    (Dimension::SharedExperts, &["n_shared_experts"]),
    (Dimension::MoeDFf, &["moe_intermediate_size"]),
    (Dimension::SharedDFf, &["shared_expert_intermediate_size"]),
    (Dimension::DenseLayers, &["first_k_dense_replace"]),
    (Dimension::QLoraRank, &["q_lora_rank"]),
    (Dimension::KvLoraRank, &["kv_lora_rank"]),
    (Dimension::QkRopeHeadDim, &["qk_rope_head_dim"]),
    (Dimension::QkNopeHeadDim, &["qk_nope_head_dim"]),
    (Dimension::VHeadDim, &["v_head_dim"]),
];

/// Families by `model_type`: (gated MLP, biases, learned positions, tied by default).
fn family(model_type: &str) -> Option<(bool, Bias, bool, bool)> {
    let gated_untied = [
        "llama",
        "mistral",
        "mixtral",
        "qwen3",
        "qwen3_moe",
        "deepseek_v2",
        "deepseek_v3",
        "phi3",
        "olmo",
        "olmo2",
        "internlm2",
        "deepseek",
    ];
    Some(match model_type {
        t if gated_untied.contains(&t) => (true, Bias::None, false, false),
        "qwen2" | "qwen2_moe" => (true, Bias::Qkv, false, false),
        "gemma" | "gemma2" | "gemma3_text" => (true, Bias::None, false, true),
        "gpt2" => (false, Bias::All, true, true),
        "opt" => (false, Bias::All, true, true),
        "gpt_neox" => (false, Bias::All, false, false),
        _ => return None,
    })
}

struct ConfigReader<'a> {
    obj: &'a Json,
    prefix: &'a str,
    used: Vec<FieldUsed>,
    names: Vec<(Dimension, String)>,
}

/// The largest count accepted exactly (2^53).
const MAX_COUNT: f64 = 9_007_199_254_740_992.0;

impl ConfigReader<'_> {
    /// The first of `keys` that is present and not null.
    fn find(&self, keys: &[&'static str]) -> Option<(&'static str, &Json)> {
        keys.iter().find_map(|k| self.obj.get(k).filter(|v| **v != Json::Null).map(|v| (*k, v)))
    }

    fn count(&mut self, d: Dimension, keys: &[&'static str]) -> Result<Option<u64>, ConfigError> {
        let Some((key, v)) = self.find(keys) else { return Ok(None) };
        let field = format!("{}{key}", self.prefix);
        let n = v.as_f64().ok_or_else(|| ConfigError::WrongType { field: field.clone(), want: Want::Count })?;
        if n < 0.0 {
            return Err(ConfigError::Negative { field });
        }
        if n.fract() != 0.0 {
            return Err(ConfigError::WrongType { field, want: Want::Count });
        }
        if n > MAX_COUNT {
            return Err(ConfigError::TooLarge { field });
        }
        self.used.push(FieldUsed::Read { key: field.clone(), value: format!("{n}") });
        self.names.push((d, field));
        Ok(Some(to_u64(n)))
    }

    fn boolean(&mut self, key: &'static str) -> Result<Option<bool>, ConfigError> {
        let Some((key, v)) = self.find(&[key]) else { return Ok(None) };
        let field = format!("{}{key}", self.prefix);
        let b = v.as_bool().ok_or_else(|| ConfigError::WrongType { field: field.clone(), want: Want::Bool })?;
        self.used.push(FieldUsed::Read { key: field, value: b.to_string() });
        Ok(Some(b))
    }

    fn string(&mut self, key: &'static str) -> Result<Option<String>, ConfigError> {
        let Some((key, v)) = self.find(&[key]) else { return Ok(None) };
        let field = format!("{}{key}", self.prefix);
        let s = v.as_str().ok_or_else(|| ConfigError::WrongType { field: field.clone(), want: Want::Str })?.to_string();
        self.used.push(FieldUsed::Read { key: field, value: s.clone() });
        Ok(Some(s))
    }

    fn shape(&mut self) -> Result<Shape, ConfigError> {
        let mut v = [None; 19];
        for (i, (d, keys)) in KEYS.iter().enumerate() {
            v[i] = self.count(*d, keys)?;
        }
        let [layers, d_model, heads, kv_heads, head_dim, d_ff, vocab, context, experts, active_experts, shared_experts, moe_d_ff, shared_d_ff, dense_layers, q_lora_rank, kv_lora_rank, qk_rope_head_dim, qk_nope_head_dim, v_head_dim] =
            v;
        Ok(Shape {
            layers,
            d_model,
            heads,
            kv_heads,
            head_dim,
            d_ff,
            vocab,
            context,
            experts,
            active_experts,
            shared_experts,
            moe_d_ff,
            shared_d_ff,
            dense_layers,
            q_lora_rank,
            kv_lora_rank,
            qk_rope_head_dim,
            qk_nope_head_dim,
            v_head_dim,
            ..Shape::default()
        })
    }

    /// Gated MLP, biases, positions and tying from `model_type`; for a family this reader does
    /// not know, gated from `hidden_act`, or without one from the shape (left to the resolver, as
    /// for a shape typed in), and no biases, no position table, tied embeddings (Hugging Face's
    /// default), each stated.
    fn family(&mut self, shape: &mut Shape) -> Result<(), ConfigError> {
        let model_type = self.string("model_type")?.unwrap_or_default();
        let act = match self.string("hidden_act")? {
            Some(a) => Some(a),
            None => self.string("activation_function")?,
        };
        let (gated, bias, positions, tied) = match family(&model_type) {
            Some((gated, bias, positions, tied)) => (Some(gated), bias, positions, tied),
            None => {
                let gated = act.map(|act| {
                    let gated = matches!(act.as_str(), "silu" | "swiglu" | "swish");
                    self.used.push(FieldUsed::Assumed(Assumption::Activation { act, gated }));
                    gated
                });
                self.used.push(FieldUsed::Assumed(Assumption::NoBiases { model_type: model_type.clone() }));
                self.used.push(FieldUsed::Assumed(Assumption::NoPositions { model_type }));
                (gated, Bias::None, false, true)
            }
        };
        shape.gated = gated;
        shape.bias = bias;
        shape.learned_positions = positions;
        shape.tied = self.boolean("tie_word_embeddings")?;
        if shape.tied.is_none() {
            shape.tied = Some(tied);
            self.used.push(FieldUsed::Assumed(Assumption::Tied(tied)));
        }
        Ok(())
    }
}

/// Reads a Hugging Face `config.json` (Llama, Mistral, Mixtral, Qwen, Qwen-MoE, DeepSeek,
/// GPT-2, GPT-NeoX names; a nested `text_config` is read instead of the top level).
///
/// # Errors
///
/// [`ConfigError::NotObject`] when the JSON is not an object; otherwise a [`ConfigError`] naming
/// the key: of the wrong type, missing, zero, or out of range.
pub fn from_config(config: &Json) -> Result<(Arch, Vec<FieldUsed>), ConfigError> {
    let Json::Obj(_) = config else { return Err(ConfigError::NotObject) };
    let (obj, prefix) = match config.get("text_config") {
        Some(t @ Json::Obj(_)) => (t, "text_config."),
        _ => (config, ""),
    };
    let mut r = ConfigReader { obj, prefix, used: Vec::new(), names: Vec::new() };
    let mut shape = r.shape()?;
    r.family(&mut shape)?;
    if let Some(context) = shape.context {
        let key = r.names.iter().find(|(d, _)| *d == Dimension::Context).map(|(_, k)| k.clone()).unwrap_or_default();
        r.used.push(FieldUsed::Assumed(Assumption::ContextIsMaximum { context, key }));
    }
    if let Some((key, Json::Num(n))) = r.find(&["num_nextn_predict_layers"]) {
        if *n > 0.0 {
            r.used.push(FieldUsed::Assumed(Assumption::NotCounted(key)));
        }
    }
    let names = r.names.clone();
    let prefix = r.prefix;
    let name = move |d: Dimension| {
        names.iter().find(|(n, _)| *n == d).map_or_else(|| format!("{prefix}{}", d.key()), |(_, k)| k.clone())
    };
    let (arch, notes) = shape.resolve_named(&name)?;
    r.used.extend(notes.into_iter().map(FieldUsed::Assumed));
    Ok((arch, r.used))
}

impl std::error::Error for ConfigError {}
