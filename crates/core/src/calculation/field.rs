//! The one state type, [`Calculation`], and its field table. Every text field is declared once,
//! in the table below: its member, its `data-testid`, its CLI flag, its share-link key, its label
//! and placeholder (i18n keys), what it holds, the name of its value in the CLI's help (an i18n
//! key) and the CLI's commands that take it (which the CLI's flags and `--help` are made from).

use crate::text::i18n::{CliKey, Key};

/// The longest text a field takes, in characters: a longer one is refused before any work (the
/// layer list has its own, [`MAX_LAYERS_CHARS`]).
pub const MAX_CHARS: usize = 500;
/// The longest layer list, in characters (`crate::model::layers::MAX_LAYERS` lines of 40).
pub const MAX_LAYERS_CHARS: usize = 40_000;
/// The most of a typed text a message quotes, in characters.
pub(crate) const EXCERPT_CHARS: usize = 40;

/// The start of `text`, at most `max` characters, with "…" where it was cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let mut chars = text.char_indices();
    match chars.nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// A typed text as a message quotes it: its first `EXCERPT_CHARS` characters, "…" where cut.
pub fn excerpt(text: &str) -> String {
    shorten(text, EXCERPT_CHARS)
}

/// One of the two methods, as the page shows them side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// Method 1: counting operations (any of its four tabs).
    One,
    /// Method 2: GPU time.
    Two,
}

impl Side {
    pub(crate) const BOTH: [Side; 2] = [Side::One, Side::Two];
    pub fn other(self) -> Side {
        match self {
            Side::One => Side::Two,
            Side::Two => Side::One,
        }
    }
    /// `1` or `2`, as links write it.
    pub fn key(self) -> &'static str {
        match self {
            Side::One => "1",
            Side::Two => "2",
        }
    }
}

/// Which estimate the derived figures (thresholds, citation, chart point, planner, exports)
/// follow: the user's pick, or by default the method the user last edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Basis {
    /// The method last edited; where neither was, both when they agree, else Method 1; a
    /// worked example's untouched inputs never stand beside the user's own.
    #[default]
    Auto,
    One,
    Two,
    /// The geometric mean of both, when they agree within 2×.
    Both,
}

impl Basis {
    pub const ALL: [Basis; 4] = [Basis::Auto, Basis::One, Basis::Two, Basis::Both];
    /// The link value (`basis=`); empty for the default.
    pub fn key(self) -> &'static str {
        match self {
            Basis::Auto => "",
            Basis::One => "1",
            Basis::Two => "2",
            Basis::Both => "both",
        }
    }
    pub fn from_key(s: &str) -> Option<Basis> {
        Basis::ALL.into_iter().find(|b| b.key() == s && !s.is_empty())
    }
}

/// How Method 1 gets its forward-pass operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// Forward operations typed in.
    #[default]
    Ops,
    /// Forward operations summed from a layer list.
    Layers,
    /// 6 · N · D for dense transformers.
    Params,
    /// A transformer (dense or mixture of experts) from its architecture.
    Transformer,
}

/// Whether the forward-pass figure counts add-multiplies (MACs) or FLOPs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Per {
    #[default]
    Mac,
    Flop,
}

/// What a field must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// A plain non-negative number.
    Count,
    /// A number of operations: plain, or with FLOP units.
    Ops,
    /// A time; a bare number is days.
    Time,
    /// A rate; a bare number is FLOP/s.
    Rate,
    /// A fraction in (0, 1], written 0.33 or 33%.
    Fraction,
    /// A chip of the catalog, by id or name.
    Chip,
    /// A precision key (fp32, tensor-fp16-bf16, ...).
    Precision,
    /// A layer list.
    Layers,
    /// A date: YYYY, YYYY-MM or YYYY-MM-DD.
    Date,
    /// Free text (a name).
    Text,
    /// A power per chip: W, kW, MW; a bare number is watts.
    Power,
    /// A power usage effectiveness: a plain number, at least 1.
    Pue,
    /// A grid's carbon intensity: kg CO2e per kWh (or g/kWh with its unit), or a region's id.
    Grid,
    /// A price per chip-hour in USD (`$2`, `2`, `$48/d`).
    Price,
    /// A whole number ≥ 0 (a dimension of a transformer).
    Whole,
    /// `yes`, `no` or empty (the default, stated as an assumption).
    YesNo,
    /// Kaplan's or PaLM's count of the attention FLOP.
    Convention,
    /// Which linear layers have biases: `none`, `qkv` or `all`.
    Bias,
    /// DeepSeek's multi-head latent attention: five widths (q LoRA rank, kv LoRA rank, rope,
    /// nope and value head dimensions), or empty for ordinary attention.
    Mla,
}

/// What the table says of a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    /// The element's `data-testid`.
    pub test_id: &'static str,
    /// The CLI flag, `--` and all (empty where the CLI has none).
    pub flag: &'static str,
    /// The share-link key.
    pub key: &'static str,
    /// The key of its label.
    pub label: Key,
    /// The key of its placeholder.
    pub placeholder: Key,
    pub want: Want,
    /// The key of its value's name in the CLI's help (`EXPR`, `N`; unused for a switch).
    pub help: CliKey,
    /// The CLI's commands that take it, and how.
    pub commands: &'static [(Command, Need)],
}

/// A command of the CLI that takes fields of the table (its other commands take none).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    Ops,
    Layers,
    Params,
    Gpu,
    Transformer,
    Chinchilla,
    Mfu,
}

/// How a command takes a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Need {
    /// The command needs it.
    Required,
    /// The command reads it when given.
    Optional,
    /// The command needs exactly one of its `Either` fields (a chip or a peak).
    Either,
}

macro_rules! fields {
    ($( $(#[$doc:meta])* $variant:ident $member:ident: $test_id:literal, $flag:literal, $key:literal,
        $label:expr, $placeholder:expr, $want:ident, $help:expr, [$($command:ident $need:ident),*]; )*) => {
        /// A whole calculation, every field as typed. An empty string means "the default". The
        /// viewer's display modes (language, projector) are not part of it.
        #[derive(Clone, Debug, PartialEq, Eq, Default)]
        pub struct Calculation {
            pub mode: Mode,
            pub per: Per,
            /// An exercise: the page shows the inputs and asks for the result (link key `quiz=1`).
            pub quiz: bool,
            /// Which worked example each method's inputs still are, untouched by the user (an
            /// example's id; empty once the user edits that method). Link keys `eg1`, `eg2`.
            pub example: [String; 2],
            /// The estimate the derived figures follow (link key `basis`).
            pub basis: Basis,
            /// The method the user last edited (link key `last`).
            pub last: Option<Side>,
            /// Method 2's FLOP target is Method 1's estimate, kept linked (link key `tgt=m1`).
            pub target_from_estimate: bool,
            $( $(#[$doc])* pub $member: String, )*
        }

        /// Every text field of a [`Calculation`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field { $( $variant, )* }

        impl Field {
            /// Every field, in the order links write them.
            pub const ALL: &'static [Field] = &[ $( Field::$variant, )* ];

            /// The field's row of the table.
            pub fn spec(self) -> &'static Spec {
                const SPECS: &[Spec] = &[ $( Spec {
                    test_id: $test_id, flag: $flag, key: $key, label: $label, placeholder: $placeholder,
                    want: Want::$want, help: $help, commands: &[$((Command::$command, Need::$need)),*],
                }, )* ];
                &SPECS[self as usize]
            }

            pub fn get(self, c: &Calculation) -> &str {
                match self { $( Field::$variant => &c.$member, )* }
            }

            pub fn get_mut(self, c: &mut Calculation) -> &mut String {
                match self { $( Field::$variant => &mut c.$member, )* }
            }
        }
    };
}

fields! {
    Forward forward: "ops-forward", "--forward", "fwd", Key::M1Forward, Key::PhForward, Ops, CliKey::CliValueExpr, [Ops Required];
    FlopsPerMac flops_per_mac: "ops-flops-per-mac", "--flops-per-mac", "fpm", Key::M1Fpm, Key::PhFpm, Count, CliKey::CliValueExpr, [Ops Optional, Layers Optional];
    Passes passes: "ops-passes", "--passes", "passes", Key::M1Passes, Key::PhPasses, Count, CliKey::CliValueExpr, [Ops Optional, Layers Optional];
    Examples examples: "ops-examples", "--examples", "ex", Key::M1Examples, Key::PhExamples, Count, CliKey::CliValueExpr, [Ops Required, Layers Optional];
    Epochs epochs: "ops-epochs", "--epochs", "ep", Key::M1Epochs, Key::PhEpochs, Count, CliKey::CliValueExpr, [Ops Optional, Layers Optional];
    Layers layers: "ops-layers", "", "layers", Key::M1Layers, Key::PhLayers, Layers, CliKey::CliValueLayers, [];
    Parameters parameters: "params-parameters", "--parameters", "params", Key::M1Parameters, Key::PhParameters, Count, CliKey::CliValueExpr, [Params Required, Mfu Required];
    Tokens tokens: "params-tokens", "--tokens", "tokens", Key::M1Tokens, Key::PhTokens, Count, CliKey::CliValueExpr, [Params Required];
    Chips chips: "gpu-chips", "--chips", "chips", Key::M2Chips, Key::PhChips, Count, CliKey::CliValueExpr, [Gpu Required, Mfu Required];
    Hardware hardware: "gpu-hardware", "--hardware", "hw", Key::M2Hardware, Key::PhHardware, Chip, CliKey::CliValueChip, [Gpu Either, Mfu Either];
    Precision precision: "gpu-precision", "--precision", "prec", Key::M2Precision, Key::PhNone, Precision, CliKey::CliValuePrecision, [Gpu Optional, Mfu Optional];
    Peak peak: "gpu-peak", "--peak", "peak", Key::M2Peak, Key::PhPeak, Rate, CliKey::CliValueExpr, [Gpu Either, Mfu Either];
    Time time: "gpu-time", "--time", "time", Key::M2Time, Key::PhTime, Time, CliKey::CliValueExpr, [Gpu Required];
    Utilization utilization: "gpu-utilization", "--utilization", "util", Key::M2Utilization, Key::PhUtilization, Fraction, CliKey::CliValueExpr, [Gpu Optional];
    Factor factor: "gpu-factor", "--factor", "factor", Key::M2Factor, Key::PhFactor, Count, CliKey::CliValueExpr, [Gpu Optional];
    /// A FLOP target for Method 2 to solve for the one of chips, time and utilization left empty.
    Target target: "gpu-target", "--flop", "flop", Key::M2Target, Key::PhTarget, Ops, CliKey::CliValueExpr, [Gpu Optional];
    // A transformer's architecture (Method 1's fourth tab); empty means the stated default.
    TLayers t_layers: "transformer-layers", "--layers", "L", Key::TfLayers, Key::PhTfLayers, Whole, CliKey::CliValueWhole, [Transformer Required, Mfu Optional];
    TDModel t_d_model: "transformer-d-model", "--d-model", "dm", Key::TfDModel, Key::PhTfDModel, Whole, CliKey::CliValueWhole, [Transformer Required];
    THeads t_heads: "transformer-heads", "--heads", "nh", Key::TfHeads, Key::PhTfHeads, Whole, CliKey::CliValueWhole, [Transformer Optional, Mfu Optional];
    TKvHeads t_kv_heads: "transformer-kv-heads", "--kv-heads", "kvh", Key::TfKvHeads, Key::PhTfKvHeads, Whole, CliKey::CliValueWhole, [Transformer Optional];
    THeadDim t_head_dim: "transformer-head-dim", "--head-dim", "hd", Key::TfHeadDim, Key::PhTfHeadDim, Whole, CliKey::CliValueWhole, [Transformer Optional, Mfu Optional];
    TDFf t_d_ff: "transformer-d-ff", "--d-ff", "ff", Key::TfDFf, Key::PhTfDFf, Whole, CliKey::CliValueWhole, [Transformer Optional];
    TGated t_gated: "transformer-gated", "--gated", "gated", Key::TfGated, Key::PhNone, YesNo, CliKey::CliValueYesNo, [Transformer Optional];
    TVocab t_vocab: "transformer-vocab", "--vocab", "vocab", Key::TfVocab, Key::PhTfVocab, Whole, CliKey::CliValueWhole, [Transformer Required];
    TTied t_tied: "transformer-tied", "--tied", "tied", Key::TfTied, Key::PhNone, YesNo, CliKey::CliValueYesNo, [];
    TContext t_context: "transformer-context", "--context", "ctx", Key::TfContext, Key::PhTfContext, Whole, CliKey::CliValueWhole, [Transformer Optional, Mfu Optional];
    TExperts t_experts: "transformer-experts", "--experts", "E", Key::TfExperts, Key::PhTfExperts, Whole, CliKey::CliValueWhole, [Transformer Optional];
    TActive t_active: "transformer-active-experts", "--active-experts", "k", Key::TfActive, Key::PhTfActive, Whole, CliKey::CliValueWhole, [Transformer Optional];
    TShared t_shared: "transformer-shared-experts", "--shared-experts", "se", Key::TfShared, Key::PhTfShared, Whole, CliKey::CliValueWhole, [];
    TMoeDFf t_moe_d_ff: "transformer-moe-d-ff", "--moe-d-ff", "eff", Key::TfMoeDFf, Key::PhTfMoeDFf, Whole, CliKey::CliValueWhole, [];
    TSharedDFf t_shared_d_ff: "transformer-shared-d-ff", "--shared-d-ff", "sff", Key::TfSharedDFf, Key::PhTfSharedDFf, Whole, CliKey::CliValueWhole, [];
    TDense t_dense: "transformer-dense-layers", "--dense-layers", "dl", Key::TfDense, Key::PhTfDense, Whole, CliKey::CliValueWhole, [];
    TPositions t_positions: "transformer-positions", "--learned-positions", "pos", Key::TfPositions, Key::PhNone, YesNo, CliKey::CliValueYesNo, [];
    TBias t_bias: "transformer-bias", "--bias", "bias", Key::TfBias, Key::PhNone, Bias, CliKey::CliValueBias, [];
    TMla t_mla: "transformer-mla", "--mla", "mla", Key::TfMla, Key::PhTfMla, Mla, CliKey::CliValueMla, [];
    TConvention t_convention: "transformer-convention", "--convention", "conv", Key::TfConvention, Key::PhNone, Convention, CliKey::CliValueConvention, [Transformer Optional];
    /// The tokens a transformer trained on.
    TTokens t_tokens: "transformer-tokens", "--tokens", "D", Key::TfTokens, Key::PhTfTokens, Count, CliKey::CliValueExpr, [Transformer Optional];
    /// A compute budget for Chinchilla's planner; empty means the estimate's own FLOP.
    Budget budget: "chinchilla-compute", "--compute", "budget", Key::PlanCompute, Key::PhPlanCompute, Ops, CliKey::CliValueExpr, [Chinchilla Required];
    /// Measured training throughput, tokens per second (all chips), for the MFU.
    TokensPerSecond tokens_per_second: "mfu-tokens-per-second", "--tokens-per-second", "tps", Key::PlanTps, Key::PhPlanTps, Count, CliKey::CliValueExpr, [Mfu Required];
    /// Power per chip; empty means the chip's TDP from the catalog.
    Power power: "gpu-power", "--power", "power", Key::M2Power, Key::PhPower, Power, CliKey::CliValueExpr, [Gpu Optional];
    /// Power usage effectiveness; empty means the stated default.
    Pue pue: "gpu-pue", "--pue", "pue", Key::M2Pue, Key::PhPue, Pue, CliKey::CliValueExpr, [Gpu Optional];
    /// Grid carbon intensity; empty means no emissions are shown.
    Grid grid: "gpu-grid", "--grid", "grid", Key::M2Grid, Key::PhGrid, Grid, CliKey::CliValueGrid, [Gpu Optional];
    /// Price per chip-hour; empty means no cost is shown (there is no made-up default).
    Price price: "gpu-price", "--price", "price", Key::M2Price, Key::PhPrice, Price, CliKey::CliValueExpr, [Gpu Optional];
    /// The date of the user's point on the trend chart: YYYY, YYYY-MM or YYYY-MM-DD.
    Date date: "user-date", "--date", "date", Key::TrendDate, Key::PhDate, Date, CliKey::CliValueDate, [];
    /// A name for the calculation (shown on the chart and the handout).
    Name name: "user-name", "--name", "name", Key::TrendName, Key::PhName, Text, CliKey::CliValueText, [];
}

impl Field {
    /// The element's `data-testid`.
    pub fn test_id(self) -> &'static str {
        self.spec().test_id
    }
    /// The CLI flag for the field.
    pub fn flag(self) -> &'static str {
        self.spec().flag
    }
    /// The share-link key.
    pub fn key(self) -> &'static str {
        self.spec().key
    }
    pub fn want(self) -> Want {
        self.spec().want
    }
    /// The longest text the field takes, in characters.
    pub fn max_chars(self) -> usize {
        if self == Field::Layers {
            MAX_LAYERS_CHARS
        } else {
            MAX_CHARS
        }
    }
    /// Whether `text` is longer than the field takes (counting no further than the limit).
    pub fn too_long(self, text: &str) -> bool {
        text.len() > self.max_chars() && text.chars().nth(self.max_chars()).is_some()
    }
    /// How `command` takes the field, if it does.
    pub fn need(self, command: Command) -> Option<Need> {
        self.spec().commands.iter().find(|(c, _)| *c == command).map(|(_, n)| *n)
    }
    /// The fields `command` takes, in the table's order, with how it takes them.
    pub fn of(command: Command) -> impl Iterator<Item = (Field, Need)> {
        Field::ALL.iter().filter_map(move |f| Some((*f, f.need(command)?)))
    }
    /// The field whose share-link key is `key`.
    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.key() == key)
    }
}
