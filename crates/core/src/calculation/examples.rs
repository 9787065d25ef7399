//! The worked examples of OpenAI's appendix ("AI and Compute", 2018), inputs as printed, with
//! the published figures, plus two modern models. The exact value is always computed by the
//! core; where the published figure is more than 10% off its own arithmetic, the example says so.
//! A calculation marks which method still holds an example untouched; editing one method of a
//! two-method example clears the other (`Calculation::touch`), which `Calculation::restore` puts back.

use crate::calculation::calc::{evaluate, Calculation, Field, Method, Mode, Per, Side, PFS_DAY};
use crate::text::i18n::Key;
use crate::text::i18n::{t, Lang};

pub struct Example {
    pub id: &'static str,
    pub name: &'static str,
    pub method: Method,
    pub mode: Mode,
    pub inputs: &'static [(Field, &'static str)],
    /// The published result in PF (10^15 operations), where the text gives one.
    pub published_pf: Option<f64>,
    /// The published result in pfs-days.
    pub published_pfs_days: f64,
    /// The computation as the source prints it.
    pub printed: &'static str,
    /// Publication date (for the chart).
    pub date: &'static str,
    pub source: &'static str,
    /// False for the modern presets, which are not from the seed.
    pub seed: bool,
}

const APPENDIX: &str = "OpenAI, \"AI and Compute\" (2018), appendix";

use Field::*;

pub static EXAMPLES: &[Example] = &[
    Example {
        id: "resnet",
        name: "ResNet-151",
        method: Method::Ops,
        mode: Mode::Ops,
        inputs: &[(Forward, "11.4 * 10^9"), (Examples, "1.2 * 10^6"), (Epochs, "128")],
        published_pf: Some(10_000.0),
        published_pfs_days: 0.117,
        printed: "(add-multiplies per forward pass) * (2 FLOPs/add-multiply) * (3 for forward and backward pass) * (number of examples in dataset) * (number of epochs) = (11.4 * 10^9) * 2 * 3 * (1.2 * 10^6 images) * 128 = 10,000 PF = 0.117 pfs-days",
        date: "2015-12-10",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "alexnet-gpu",
        name: "AlexNet (GPU time)",
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "2"), (Hardware, "openai-gtx580"), (Time, "5.5 d"), (Utilization, "0.33")],
        published_pf: Some(500.0),
        published_pfs_days: 0.0058,
        printed: "Number of GPUs * (peta-flops/GTX580) * days trained * estimated utilization = 2 * (1.58 * 10 ^ -3 PF) * 5.5 * 0.33 = 500 PF = 0.0058 pfs-days",
        date: "2012-06-01",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "alexnet-ops",
        name: "AlexNet (operations)",
        method: Method::Ops,
        mode: Mode::Ops,
        inputs: &[(Forward, "0.75G"), (Examples, "1.2M"), (Epochs, "90")],
        published_pf: Some(470.0),
        published_pfs_days: 0.0054,
        printed: "1.2M images * 90 epochs * 0.75 GFLOPS * (2 add-multiply) * (3 backward pass) = 470 PF = 0.0054 pfs-days",
        date: "2012-06-01",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "dropout",
        name: "Dropout",
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "1"), (Hardware, "openai-gtx580-1.54"), (Time, "4 d"), (Utilization, "0.33")],
        published_pf: Some(184.0),
        published_pfs_days: 0.0021,
        printed: "1 GPU * 4 days * 1.54 TFLOPS/GTX 580 * 0.33 utilization = 184 PF = 0.0021 pfs-days",
        date: "2012-07-03",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "zfnet",
        name: "Visualizing and Understanding Conv Nets",
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "1"), (Hardware, "openai-gtx580-1.54"), (Time, "12 d"), (Utilization, "0.33")],
        published_pf: Some(532.0),
        published_pfs_days: 0.0062,
        printed: "1 GPU * 12 days * 1.54 TFLOPS/GTX 580 * 0.33 utilization = 532 PF = 0.0062 pfs-days",
        date: "2013-11-12",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "dqn",
        name: "DQN",
        method: Method::Ops,
        mode: Mode::Ops,
        inputs: &[(Forward, "2.5M"), (Examples, "5M * 32"), (Epochs, "1")],
        published_pf: Some(2.3),
        published_pfs_days: 2.7e-5,
        printed: "2.5 MFLOPs * 5M updates * 32 batch size * 2 multiply-add * 3 backward pass = 2.3 PF = 2.7e-5 pfs-days",
        date: "2013-12-19",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "dqn-layers",
        name: "DQN (per layer)",
        method: Method::Ops,
        mode: Mode::Layers,
        inputs: &[
            (Layers, "conv in=84x84x3 k=8 s=4 f=16\nconv in=20x20x16 k=4 s=2 f=32\ndense in=9*9*32 out=256"),
            (Examples, "5M * 32"),
            (Epochs, "1"),
        ],
        published_pf: Some(2.3),
        published_pfs_days: 2.7e-5,
        printed: "Network is 84x84x3 input, 16, 8x8, stride 4, 32 4x4 stride 2, 256 fully connected. First layer: 20*20*3*16*8*8 = 1.23M add-multiplies. Second layer: 9*9*16*32*4*4 = 0.66M add-multiplies. Third layer: 9*9*32*256 = 0.66M add-multiplies. Total ~ 2.55M add-multiplies",
        date: "2013-12-19",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "seq2seq-ops",
        name: "Seq2Seq (operations)",
        method: Method::Ops,
        mode: Mode::Ops,
        inputs: &[(Forward, "0.380G"), (Examples, "(348M + 304M)"), (Epochs, "7.5")],
        published_pf: Some(7_300.0),
        published_pfs_days: 0.085,
        printed: "(348M + 304M) words * 0.380 GF * 2 add-multiply * 3 backprop * 7.5 epoch = 7,300 PF = 0.085 pfs-days",
        date: "2014-09-10",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "seq2seq-gpu",
        name: "Seq2Seq (GPU time)",
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "8"), (Hardware, "openai-k20"), (Time, "10 d"), (Utilization, "0.33")],
        published_pf: Some(8_100.0),
        published_pfs_days: 0.093,
        printed: "10 days * 8 GPU's * 3.5 TFLOPS/ K20 GPU * 0.33 utilization = 8,100 PF = 0.093 pfs-days",
        date: "2014-09-10",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "vgg-ops",
        name: "VGG (operations)",
        method: Method::Ops,
        mode: Mode::Ops,
        inputs: &[(Forward, "16G"), (Examples, "1.2M"), (Epochs, "74")],
        published_pf: Some(8_524.0),
        published_pfs_days: 0.098,
        printed: "1.2 M images * 74 epochs * 16 GFLOPS * 2 add-multiply * 3 backward pass = 8524 PF = 0.098 pfs-days",
        date: "2014-09-04",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "vgg-gpu",
        name: "VGG (GPU time)",
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "4"), (Hardware, "openai-titan-black"), (Time, "15 d"), (Utilization, "0.33")],
        published_pf: Some(10_000.0),
        published_pfs_days: 0.12,
        printed: "4 Titan Black GPU's * 15 days * 5.1 TFLOPS/GPU * 0.33 utilization = 10,000 PF = 0.12 pfs-days",
        date: "2014-09-04",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "deepspeech2-ops",
        name: "DeepSpeech2 (operations)",
        method: Method::Ops,
        mode: Mode::Ops,
        inputs: &[(Forward, "1280^2 * (7 * 4 + 2) * 2"), (Examples, "12000 * 3600 * 50"), (Epochs, "20")],
        published_pf: Some(26_000.0),
        published_pfs_days: 0.30,
        printed: "1 timestep = (1280 hidden units)^2 * (7 RNN layers * 4 matrices for bidirectional + 2 DNN layers) * (2 for doubling parameters from 36M to 72M) = 98 MFLOPs; 20 epochs * 12,000 hours * 3600 seconds/hour * 50 samples/sec * 98 MFLOPs * 3 add-multiply * 2 backprop = 26,000 PF = 0.30 pfs-days",
        date: "2015-12-08",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "deepspeech2-gpu",
        name: "DeepSpeech2 (GPU time)",
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "16"), (Hardware, "openai-titan-x"), (Time, "5 d"), (Utilization, "0.50")],
        published_pf: Some(21_000.0),
        published_pfs_days: 0.25,
        printed: "16 TitanX GPU's * 5 days * 6 TFLOPS/GPU * 0.50 utilization = 21,000 PF = 0.25 pfs-days",
        date: "2015-12-08",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "xception",
        name: "Xception",
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "60"), (Hardware, "openai-k80"), (Time, "30 d"), (Utilization, "0.33")],
        published_pf: Some(4.5e5),
        published_pfs_days: 5.0,
        printed: "60 K80 GPU's * 30 days * 8.5 TFLOPS/GPU * 0.33 utilization = 4.5e5 PF = 5.0 pfs-days",
        date: "2016-10-07",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "nas-ops",
        name: "Neural Architecture Search (operations)",
        method: Method::Ops,
        mode: Mode::Ops,
        inputs: &[(Forward, "10G"), (Examples, "50000 * 12800"), (Epochs, "50")],
        published_pf: Some(1.9e6),
        published_pfs_days: 22.0,
        printed: "50 epochs * 50,000 images * 10.0 GFLOPSs * 12800 networks * 2 add-multiply * 3 backward pass = 1.9e6 PF = 22 pfs-days",
        date: "2016-11-05",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "nas-gpu",
        name: "Neural Architecture Search (GPU time)",
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "800"), (Hardware, "openai-k40"), (Time, "28 d"), (Utilization, "0.33")],
        published_pf: Some(2.8e6),
        published_pfs_days: 31.0,
        printed: "800 K40's * 28 days * 4.2 TFLOPS/GPU * 0.33 utilization = 2.8e6 PF = 31 pfs-days",
        date: "2016-11-05",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "nmt",
        name: "Neural Machine Translation",
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "96"), (Hardware, "openai-k80"), (Time, "9 d"), (Utilization, "0.33"), (Factor, "sqrt(10 * 100)")],
        published_pf: Some(6.9e6),
        published_pfs_days: 79.0,
        printed: "sqrt(10 * 100) factor added because production model used 2-3 orders of magnitude more data, but only 1 epoch rather than 10. 96 K80 GPU's * 9 days * 8.5 TFLOPS * 0.33 utilization * sqrt(10 * 100) = 6.9e6 PF = 79 pfs-days",
        date: "2016-09-25",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "gpt3",
        name: "GPT-3 175B (6·N·D)",
        method: Method::Params,
        mode: Mode::Params,
        inputs: &[(Parameters, "175B"), (Tokens, "300B")],
        published_pf: None,
        published_pfs_days: 3.14e23 / PFS_DAY,
        printed: "175 billion parameters trained on 300 billion tokens (Brown et al. 2020, arXiv:2005.14165); Epoch AI gives 3.14e23 FLOP",
        date: "2020-05-28",
        source: "Brown et al., \"Language Models are Few-Shot Learners\" (2020); Epoch AI, Notable AI Models (CC BY 4.0)",
        seed: false,
    },
    Example {
        id: "llama2-70b",
        name: "Llama 2 70B (GPU time)",
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "1000"), (Hardware, "nvidia-a100-sxm4-80-gb"), (Time, "1728 h"), (Utilization, "41.9%")],
        published_pf: None,
        published_pfs_days: 8.1e23 / PFS_DAY,
        printed: "1,000 A100 80 GB for 1,728 hours at 41.9% utilization (Epoch AI's figures for Llama 2-70B); Epoch AI gives 8.1e23 FLOP",
        date: "2023-07-18",
        source: "Touvron et al., \"Llama 2\" (2023); Epoch AI, Notable AI Models (CC BY 4.0)",
        seed: false,
    },
    Example {
        id: "gpt3-arch",
        name: "GPT-3 175B (architecture)",
        method: Method::Transformer,
        mode: Mode::Transformer,
        inputs: &[
            (TLayers, "96"), (TDModel, "12288"), (THeads, "96"), (TDFf, "49152"), (TGated, "no"), (TVocab, "50257"),
            (TTied, "yes"), (TContext, "2048"), (TPositions, "yes"), (TBias, "all"), (TTokens, "300B"),
        ],
        published_pf: None,
        published_pfs_days: 3.14e23 / PFS_DAY,
        printed: "96 layers of width 12,288, 96 heads, a plain MLP of 4 × d_model, 50,257 tokens of vocabulary, 2,048 of context, learned positions and biases (Brown et al. 2020, Table 2.1), on 300 billion tokens; Epoch AI gives 3.14e23 FLOP",
        date: "2020-05-28",
        source: "Brown et al., \"Language Models are Few-Shot Learners\" (2020), Table 2.1; Epoch AI, Notable AI Models (CC BY 4.0)",
        seed: false,
    },
    Example {
        id: "chinchilla",
        name: "Chinchilla 70B (architecture)",
        method: Method::Transformer,
        mode: Mode::Transformer,
        inputs: &[
            (TLayers, "80"), (TDModel, "8192"), (THeads, "64"), (THeadDim, "128"), (TDFf, "32768"), (TGated, "no"),
            (TVocab, "32000"), (TTied, "no"), (TContext, "2048"), (TTokens, "1.4T"),
        ],
        published_pf: None,
        published_pfs_days: 5.76e23 / PFS_DAY,
        printed: "80 layers of width 8,192, 64 heads of 128, a feed-forward of 4 × d_model (Hoffmann et al. 2022, Table 4), 32,000 tokens of vocabulary, on 1.4 trillion tokens; Epoch AI gives 5.76e23 FLOP",
        date: "2022-03-29",
        source: "Hoffmann et al., \"Training Compute-Optimal Large Language Models\" (2022), Table 4; Epoch AI, Notable AI Models (CC BY 4.0)",
        seed: false,
    },
    Example {
        id: "palm",
        name: "PaLM 540B (architecture)",
        method: Method::Transformer,
        mode: Mode::Transformer,
        inputs: &[
            (TLayers, "118"), (TDModel, "18432"), (THeads, "48"), (TKvHeads, "1"), (THeadDim, "256"), (TDFf, "73728"),
            (TGated, "yes"), (TVocab, "256000"), (TTied, "yes"), (TContext, "2048"), (TConvention, "palm"),
            (TTokens, "780B"),
        ],
        published_pf: None,
        published_pfs_days: 2.5272e24 / PFS_DAY,
        printed: "118 layers of width 18,432, 48 heads of 256 sharing one key-value head, a SwiGLU feed-forward of 4 × d_model, 256k vocabulary, shared embeddings (Chowdhery et al. 2022, Table 1), on 780 billion tokens, counted as PaLM counts (12·L·H·Q·T); Epoch AI gives 2.53e24 FLOP",
        date: "2022-04-04",
        source: "Chowdhery et al., \"PaLM: Scaling Language Modeling with Pathways\" (2022), Table 1 and appendix B; Epoch AI, Notable AI Models (CC BY 4.0)",
        seed: false,
    },
    Example {
        id: "llama2-70b-arch",
        name: "Llama 2 70B (architecture)",
        method: Method::Transformer,
        mode: Mode::Transformer,
        inputs: &[
            (TLayers, "80"), (TDModel, "8192"), (THeads, "64"), (TKvHeads, "8"), (TDFf, "28672"), (TGated, "yes"),
            (TVocab, "32000"), (TTied, "no"), (TContext, "4096"), (TTokens, "2T"),
        ],
        published_pf: None,
        published_pfs_days: 8.1e23 / PFS_DAY,
        printed: "80 layers of width 8,192, 64 heads with 8 key-value heads, a SwiGLU feed-forward of 28,672, 32,000 tokens of vocabulary, 4,096 of context (the model's config.json), on 2 trillion tokens (Touvron et al. 2023); Epoch AI gives 8.1e23 FLOP",
        date: "2023-07-18",
        source: "Touvron et al., \"Llama 2\" (2023); meta-llama/Llama-2-70b-hf config.json; Epoch AI, Notable AI Models (CC BY 4.0)",
        seed: false,
    },
    Example {
        id: "llama31-405b",
        name: "Llama 3.1 405B (architecture)",
        method: Method::Transformer,
        mode: Mode::Transformer,
        inputs: &[
            (TLayers, "126"), (TDModel, "16384"), (THeads, "128"), (TKvHeads, "8"), (TDFf, "53248"), (TGated, "yes"),
            (TVocab, "128256"), (TTied, "no"), (TContext, "8192"), (TTokens, "15.6T"),
        ],
        published_pf: None,
        published_pfs_days: 3.8e25 / PFS_DAY,
        printed: "126 layers of width 16,384, 128 heads with 8 key-value heads, a SwiGLU feed-forward of 53,248, 128,256 tokens of vocabulary, sequences of 8,192 (Llama Team 2024, Table 3), on 15.6 trillion tokens; Epoch AI gives 3.8e25 FLOP",
        date: "2024-07-23",
        source: "Llama Team, AI @ Meta, \"The Llama 3 Herd of Models\" (2024), Table 3; Epoch AI, Notable AI Models (CC BY 4.0)",
        seed: false,
    },
    Example {
        id: "deepseek-v3",
        name: "DeepSeek-V3 (architecture)",
        method: Method::Transformer,
        mode: Mode::Transformer,
        inputs: &[
            (TLayers, "61"), (TDModel, "7168"), (THeads, "128"), (TDFf, "18432"), (TGated, "yes"), (TVocab, "129280"),
            (TTied, "no"), (TContext, "4096"), (TExperts, "256"), (TActive, "8"), (TShared, "1"), (TMoeDFf, "2048"),
            (TDense, "3"), (TMla, "1536 512 64 128 128"), (TTokens, "14.8T"),
        ],
        published_pf: None,
        published_pfs_days: 6.0 * 37e9 * 14.8e12 / PFS_DAY,
        printed: "61 layers of width 7,168, multi-head latent attention, 256 routed experts of 2,048 with 8 active and 1 shared, the first 3 layers dense (the model's config.json), on 14.8 trillion tokens; the paper gives 37B active parameters: 6 × 37B × 14.8T = 3.29e24 FLOP",
        date: "2024-12-26",
        source: "DeepSeek-AI, \"DeepSeek-V3 Technical Report\" (2024), arXiv:2412.19437; deepseek-ai/DeepSeek-V3 config.json",
        seed: false,
    },
];

impl Example {
    /// The calculation this example fills in (date and name included).
    pub fn calculation(&self) -> Calculation {
        let mut c = Calculation { mode: self.mode, per: Per::Mac, ..Calculation::default() };
        for (f, v) in self.inputs {
            *f.get_mut(&mut c) = v.to_string();
        }
        c.date = self.date.to_string();
        c.name = self.name.to_string();
        c.example[crate::calculation::examples::example_side(self) as usize] = self.id.to_string();
        c
    }

    /// The exact result of the printed inputs, in FLOP, as the core computes it (with the chips
    /// of `cat`).
    pub fn exact_flop(&self, cat: &crate::catalog::Catalog) -> Option<f64> {
        let e = evaluate(&self.calculation(), cat);
        let o = if self.method == Method::Gpu { e.method2 } else { e.method1 };
        o.estimate().map(|e| e.flop.mid())
    }

    /// The exact result of the printed inputs, in pfs-days.
    pub fn exact_pfs_days(&self, cat: &crate::catalog::Catalog) -> Option<f64> {
        self.exact_flop(cat).map(crate::language::units::pfs_days)
    }

    /// The published pfs-days over the exact ones: 1.0 when they agree.
    pub fn published_over_exact(&self, cat: &crate::catalog::Catalog) -> Option<f64> {
        self.exact_pfs_days(cat).map(|exact| self.published_pfs_days / exact)
    }

    /// How far the published figure is off its own arithmetic, as a signed whole percent
    /// ("+19%", "-7%"), where it can be computed.
    pub fn difference_text(&self, cat: &crate::catalog::Catalog) -> Option<String> {
        self.published_over_exact(cat).map(|r| format!("{:+.0}%", (r - 1.0) * 100.0))
    }

    /// The sentence that says so, in `lang`: a signed percent in English ("… by +19%"), high or
    /// low in words in Chinese (偏高 19%, 偏低 34%: never 相差 -34%).
    pub fn difference_in(&self, cat: &crate::catalog::Catalog, lang: crate::calculation::calc::Lang) -> Option<String> {
        let r = self.published_over_exact(cat)?;
        let pct = ((r - 1.0) * 100.0).round();
        Some(match lang {
            crate::calculation::calc::Lang::En => {
                format!("{} {:+.0}%", crate::text::i18n::t(lang, Key::PresetDiffers), pct)
            }
            crate::calculation::calc::Lang::Zh => {
                let side = if pct >= 0.0 { "偏高" } else { "偏低" };
                format!("{}{side} {:.0}%", crate::text::i18n::t(lang, Key::PresetDiffers), pct.abs())
            }
        })
    }

    /// True where the published figure is more than 10% off its own arithmetic.
    pub fn differs(&self, cat: &crate::catalog::Catalog) -> bool {
        self.published_over_exact(cat).is_some_and(|r| !(1.0 / 1.1..=1.1).contains(&r))
    }
}

impl Example {
    /// The example's name in a language: the seed's Chinese titles where it has them, and the
    /// method in parentheses translated.
    pub fn display_name(&self, lang: crate::calculation::calc::Lang) -> String {
        if lang == crate::calculation::calc::Lang::En {
            return self.name.to_string();
        }
        let base = crate::text::i18n::model_name(self.name.split(" (").next().unwrap_or(self.name), lang);
        let method = match self.name.split_once(" (").map(|(_, m)| m.trim_end_matches(')')) {
            Some("GPU time") => "（GPU 时间）",
            Some("operations") => "（运算次数）",
            Some("per layer") => "（逐层计算）",
            Some("6·N·D") => "（6·N·D）",
            Some("architecture") => "（由架构计算）",
            _ => "",
        };
        format!("{base}{method}")
    }
}

impl Example {
    /// The printed computation in `lang`: the seed's formulas stay as printed (the Chinese text
    /// quotes them in English too); the modern models' descriptions are translated.
    pub fn printed_in(&self, lang: crate::calculation::calc::Lang) -> &'static str {
        match (lang, self.id) {
            (crate::calculation::calc::Lang::Zh, "gpt3") => "1750 亿参数，在 3000 亿 token 上训练（Brown 等，2020，arXiv:2005.14165）；Epoch AI 给出 3.14e23 FLOP",
            (crate::calculation::calc::Lang::Zh, "llama2-70b") => "1,000 块 A100 80 GB，训练 1,728 小时，利用率 41.9%（Epoch AI 对 Llama 2-70B 的数据）；Epoch AI 给出 8.1e23 FLOP",
            (crate::calculation::calc::Lang::Zh, "gpt3-arch") => "96 层，宽度 12,288，96 个头，普通 MLP 宽 4 × d_model，词表 50,257，上下文 2,048，可学习位置编码并带偏置（Brown 等，2020，表 2.1），训练 3000 亿 token；Epoch AI 给出 3.14e23 FLOP",
            (crate::calculation::calc::Lang::Zh, "chinchilla") => "80 层，宽度 8,192，64 个头、每头 128，前馈宽 4 × d_model（Hoffmann 等，2022，表 4），词表 32,000，训练 1.4 万亿 token；Epoch AI 给出 5.76e23 FLOP",
            (crate::calculation::calc::Lang::Zh, "palm") => "118 层，宽度 18,432，48 个头、每头 256，共用一个键值头，SwiGLU 前馈宽 4 × d_model，词表 256k，输入输出嵌入共享（Chowdhery 等，2022，表 1），训练 7800 亿 token，按 PaLM 的计法（12·L·H·Q·T）；Epoch AI 给出 2.53e24 FLOP",
            (crate::calculation::calc::Lang::Zh, "llama2-70b-arch") => "80 层，宽度 8,192，64 个头、8 个键值头，SwiGLU 前馈宽 28,672，词表 32,000，上下文 4,096（模型的 config.json），训练 2 万亿 token（Touvron 等，2023）；Epoch AI 给出 8.1e23 FLOP",
            (crate::calculation::calc::Lang::Zh, "llama31-405b") => "126 层，宽度 16,384，128 个头、8 个键值头，SwiGLU 前馈宽 53,248，词表 128,256，序列长 8,192（Llama 团队，2024，表 3），训练 15.6 万亿 token；Epoch AI 给出 3.8e25 FLOP",
            (crate::calculation::calc::Lang::Zh, "deepseek-v3") => "61 层，宽度 7,168，多头潜在注意力，256 个路由专家（每个宽 2,048），每 token 激活 8 个并有 1 个共享专家，前 3 层为稠密层（模型的 config.json），训练 14.8 万亿 token；论文给出激活参数 370 亿：6 × 37B × 14.8T = 3.29e24 FLOP",
            _ => self.printed,
        }
    }

    /// The source in `lang`: as written in English; in Chinese by [`source_zh`].
    pub fn source_in(&self, lang: crate::calculation::calc::Lang) -> String {
        match lang {
            crate::calculation::calc::Lang::En => self.source.to_string(),
            crate::calculation::calc::Lang::Zh => source_zh(self.source),
        }
    }
}

/// A source line as Chinese writes it, by one rule for every preset: quoted titles in 《》
/// right after the author, "et al." as 等, years, tables and appendices in Chinese punctuation
/// (`Brown et al., "Language Models are Few-Shot Learners" (2020), Table 2.1` →
/// `Brown 等《Language Models are Few-Shot Learners》（2020），表 2.1`). Titles stay as published.
pub fn source_zh(en: &str) -> String {
    en.split("; ").map(part_zh).collect::<Vec<_>>().join("；")
}

fn part_zh(part: &str) -> String {
    let part = part.replace("Epoch AI, Notable AI Models (CC BY 4.0)", "Epoch AI, \"Notable AI Models\" (CC BY 4.0)");
    let mut out = String::new();
    let mut rest = part.as_str();
    // Author, then each quoted title in 《》 with the comma before it dropped.
    while let Some(open) = rest.find('"') {
        let Some(close) = rest[open + 1..].find('"') else { break };
        out.push_str(rest[..open].trim_end_matches([',', ' ']));
        out.push('《');
        out.push_str(&rest[open + 1..open + 1 + close]);
        out.push('》');
        rest = &rest[open + 2 + close..];
    }
    out.push_str(rest);
    let out = out.replace(" et al.", " 等").replace(", AI @ Meta", "（AI @ Meta）");
    let mut zh = String::new();
    let mut chars = out.chars().peekable();
    // " (…)" → "（…）"
    while let Some(c) = chars.next() {
        if c == ' ' && chars.peek() == Some(&'(') {
            continue;
        }
        zh.push(match c {
            '(' => '（',
            ')' => '）',
            c => c,
        });
    }
    zh.replace(", Table ", "，表 ")
        .replace(" and appendix ", " 及附录 ")
        .replace(", appendix", "附录")
        .replace(", arXiv:", "，arXiv:")
        .replace(" config.json", " 的 config.json")
        .replace(", deepseek-ai/", "；deepseek-ai/")
}

/// The calculation a first visit opens with: AlexNet by both methods, the appendix's own
/// consistency check (0.0054 vs 0.0058 pfs-days), each method marked as the example's.
pub fn default_calculation() -> Calculation {
    let mut c = find("alexnet-ops").map(Example::calculation).unwrap_or_default();
    if let Some(g) = find("alexnet-gpu") {
        for (f, v) in g.inputs {
            *f.get_mut(&mut c) = (*v).to_string();
        }
        c.example[crate::calculation::field::Side::Two as usize] = g.id.to_string();
    }
    c.name = "AlexNet".into();
    c
}

/// Finds an example by id.
pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

/// The side of the page a worked example fills in.
pub fn example_side(e: &Example) -> Side {
    if e.method == crate::calculation::calc::Method::Gpu {
        Side::Two
    } else {
        Side::One
    }
}

/// What an edit cleared: the other method's example inputs, and the example's name and date
/// where they were still its own. Enough to put them back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cleared {
    pub side: Side,
    pub example: &'static str,
    pub name: Option<String>,
    pub date: Option<String>,
}

impl Calculation {
    /// The worked example `side` still holds, untouched.
    pub fn example_of(&self, side: Side) -> Option<&'static Example> {
        find(&self.example[side as usize])
    }

    /// The user edited `side`: it is the user's now, and the last edited. Where `side` was itself
    /// an example's and the other method still holds an example's untouched inputs, those are
    /// cleared, with the example's name and date (the user is leaving the example); what was
    /// cleared comes back.
    pub fn touch(&mut self, side: Side) -> Option<Cleared> {
        let was_example = self.is_example(side);
        self.example[side as usize].clear();
        self.last = Some(side);
        let other = side.other();
        // Adding a method to a one-method example (ResNet's GPU time) keeps the example beside
        // it, marked; leaving a two-method example (the default) by one method clears the other.
        let example = self.example_of(other).filter(|_| was_example)?;
        self.example[other as usize].clear();
        for f in Field::ALL.iter().filter(|f| f.side() == Some(other)) {
            f.get_mut(self).clear();
        }
        if other == Side::Two {
            self.target_from_estimate = false;
        }
        // The example's name as a preset writes it, or its model's name alone (the default's).
        let own_name = [Lang::En, Lang::Zh].iter().any(|l| {
            let full = example.display_name(*l);
            let model = full.split([' ', '（']).next().unwrap_or(&full).to_string();
            self.name == full || self.name == model
        });
        let name = own_name.then(|| std::mem::take(&mut self.name));
        let date = (self.date == example.date).then(|| std::mem::take(&mut self.date));
        Some(Cleared { side: other, example: example.id, name, date })
    }

    /// Sets a field as the user typed it, marking its method edited (see [`Calculation::touch`]).
    pub fn edit(&mut self, field: Field, value: String) -> Option<Cleared> {
        let cleared = field.side().and_then(|s| self.touch(s));
        *field.get_mut(self) = value;
        cleared
    }

    /// Empties one method (its fields and its example mark), leaving the other as it is.
    pub fn clear_side(&mut self, side: Side) {
        self.example[side as usize].clear();
        for f in Field::ALL.iter().filter(|f| f.side() == Some(side)) {
            f.get_mut(self).clear();
        }
        if side == Side::Two {
            self.target_from_estimate = false;
        }
        self.last = Some(side);
    }

    /// Puts back what [`Calculation::touch`] cleared, marked as the example's again; the fields
    /// the user has typed into since are kept.
    pub fn restore(&mut self, cleared: &Cleared) {
        let Some(example) = find(cleared.example) else { return };
        let own = Field::ALL.iter().filter(|f| f.side() == Some(cleared.side));
        if own.clone().any(|f| !f.get(self).trim().is_empty()) {
            return;
        }
        if cleared.side == Side::One {
            self.mode = example.mode;
            self.per = crate::calculation::calc::Per::Mac;
        }
        for (f, v) in example.inputs {
            *f.get_mut(self) = (*v).to_string();
        }
        self.example[cleared.side as usize] = example.id.to_string();
        if let (Some(n), true) = (&cleared.name, self.name.is_empty()) {
            self.name.clone_from(n);
        }
        if let (Some(d), true) = (&cleared.date, self.date.is_empty()) {
            self.date.clone_from(d);
        }
    }
}

/// "from Method 2: GPU time", and where that method still holds a worked example, which one:
/// every derived figure says this beside itself.
pub fn named(c: &Calculation, cur: &crate::calculation::estimate::Current, lang: Lang) -> String {
    let sides: &[Side] = match cur.source {
        crate::calculation::estimate::Source::One => &[Side::One],
        crate::calculation::estimate::Source::Two => &[Side::Two],
        crate::calculation::estimate::Source::Both => &Side::BOTH,
    };
    let names: Vec<String> = sides.iter().filter_map(|s| c.example_of(*s)).map(|e| e.display_name(lang)).collect();
    let from = cur.source.from(lang);
    if names.is_empty() {
        return from;
    }
    let (open, close, sep) = if lang == Lang::Zh { ("（", "）", "、") } else { (" (", ")", ", ") };
    format!("{from}{open}{} {}{close}", t(lang, Key::CurrentExample), names.join(sep))
}
