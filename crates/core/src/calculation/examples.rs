//! The worked examples of OpenAI's appendix ("AI and Compute", 2018), inputs as printed, with
//! the published figures, plus two modern models. The exact value is always computed by the
//! core; where the published figure is more than 10% off its own arithmetic, the example says so.
//! A calculation marks which method still holds an example untouched; editing one method of a
//! two-method example clears the other (`Calculation::touch`), which `Calculation::restore` puts back.

use crate::calculation::calc::{evaluate, Calculation, Field, Method, Mode, Per, Side, PFS_DAY};
use crate::say;
use crate::text::i18n::{t, Key, Lang};

pub struct Example {
    pub id: &'static str,
    /// The key of its name ([`Example::display_name`]).
    pub name: Key,
    pub method: Method,
    pub mode: Mode,
    pub inputs: &'static [(Field, &'static str)],
    /// The published result in PF (10^15 operations), where the text gives one.
    pub published_pf: Option<f64>,
    /// The published result in pfs-days.
    pub published_pfs_days: f64,
    /// The key of the computation as the source prints it ([`Example::printed_in`]).
    pub printed: Key,
    /// Publication date (for the chart).
    pub date: &'static str,
    /// The key of its source ([`Example::source_in`]).
    pub source: Key,
    /// False for the modern presets, which are not from the seed.
    pub seed: bool,
}

/// The source of the appendix's examples.
const APPENDIX: Key = Key::CalculationExampleAppendixSource;

use Field::*;

pub static EXAMPLES: &[Example] = &[
    Example {
        id: "resnet",
        name: Key::CalculationExampleResnetName,
        method: Method::Ops,
        mode: Mode::Ops,
        inputs: &[(Forward, "11.4 * 10^9"), (Examples, "1.2 * 10^6"), (Epochs, "128")],
        published_pf: Some(10_000.0),
        published_pfs_days: 0.117,
        printed: Key::CalculationExampleResnetPrinted,
        date: "2015-12-10",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "alexnet-gpu",
        name: Key::CalculationExampleAlexnetGpuName,
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "2"), (Hardware, "openai-gtx580"), (Time, "5.5 d"), (Utilization, "0.33")],
        published_pf: Some(500.0),
        published_pfs_days: 0.0058,
        printed: Key::CalculationExampleAlexnetGpuPrinted,
        date: "2012-06-01",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "alexnet-ops",
        name: Key::CalculationExampleAlexnetOpsName,
        method: Method::Ops,
        mode: Mode::Ops,
        inputs: &[(Forward, "0.75G"), (Examples, "1.2M"), (Epochs, "90")],
        published_pf: Some(470.0),
        published_pfs_days: 0.0054,
        printed: Key::CalculationExampleAlexnetOpsPrinted,
        date: "2012-06-01",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "dropout",
        name: Key::CalculationExampleDropoutName,
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "1"), (Hardware, "openai-gtx580-1.54"), (Time, "4 d"), (Utilization, "0.33")],
        published_pf: Some(184.0),
        published_pfs_days: 0.0021,
        printed: Key::CalculationExampleDropoutPrinted,
        date: "2012-07-03",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "zfnet",
        name: Key::CalculationExampleZfnetName,
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "1"), (Hardware, "openai-gtx580-1.54"), (Time, "12 d"), (Utilization, "0.33")],
        published_pf: Some(532.0),
        published_pfs_days: 0.0062,
        printed: Key::CalculationExampleZfnetPrinted,
        date: "2013-11-12",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "dqn",
        name: Key::CalculationExampleDqnName,
        method: Method::Ops,
        mode: Mode::Ops,
        inputs: &[(Forward, "2.5M"), (Examples, "5M * 32"), (Epochs, "1")],
        published_pf: Some(2.3),
        published_pfs_days: 2.7e-5,
        printed: Key::CalculationExampleDqnPrinted,
        date: "2013-12-19",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "dqn-layers",
        name: Key::CalculationExampleDqnLayersName,
        method: Method::Ops,
        mode: Mode::Layers,
        inputs: &[
            (Layers, "conv in=84x84x3 k=8 s=4 f=16\nconv in=20x20x16 k=4 s=2 f=32\ndense in=9*9*32 out=256"),
            (Examples, "5M * 32"),
            (Epochs, "1"),
        ],
        published_pf: Some(2.3),
        published_pfs_days: 2.7e-5,
        printed: Key::CalculationExampleDqnLayersPrinted,
        date: "2013-12-19",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "seq2seq-ops",
        name: Key::CalculationExampleSeq2seqOpsName,
        method: Method::Ops,
        mode: Mode::Ops,
        inputs: &[(Forward, "0.380G"), (Examples, "(348M + 304M)"), (Epochs, "7.5")],
        published_pf: Some(7_300.0),
        published_pfs_days: 0.085,
        printed: Key::CalculationExampleSeq2seqOpsPrinted,
        date: "2014-09-10",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "seq2seq-gpu",
        name: Key::CalculationExampleSeq2seqGpuName,
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "8"), (Hardware, "openai-k20"), (Time, "10 d"), (Utilization, "0.33")],
        published_pf: Some(8_100.0),
        published_pfs_days: 0.093,
        printed: Key::CalculationExampleSeq2seqGpuPrinted,
        date: "2014-09-10",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "vgg-ops",
        name: Key::CalculationExampleVggOpsName,
        method: Method::Ops,
        mode: Mode::Ops,
        inputs: &[(Forward, "16G"), (Examples, "1.2M"), (Epochs, "74")],
        published_pf: Some(8_524.0),
        published_pfs_days: 0.098,
        printed: Key::CalculationExampleVggOpsPrinted,
        date: "2014-09-04",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "vgg-gpu",
        name: Key::CalculationExampleVggGpuName,
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "4"), (Hardware, "openai-titan-black"), (Time, "15 d"), (Utilization, "0.33")],
        published_pf: Some(10_000.0),
        published_pfs_days: 0.12,
        printed: Key::CalculationExampleVggGpuPrinted,
        date: "2014-09-04",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "deepspeech2-ops",
        name: Key::CalculationExampleDeepspeech2OpsName,
        method: Method::Ops,
        mode: Mode::Ops,
        inputs: &[(Forward, "1280^2 * (7 * 4 + 2) * 2"), (Examples, "12000 * 3600 * 50"), (Epochs, "20")],
        published_pf: Some(26_000.0),
        published_pfs_days: 0.30,
        printed: Key::CalculationExampleDeepspeech2OpsPrinted,
        date: "2015-12-08",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "deepspeech2-gpu",
        name: Key::CalculationExampleDeepspeech2GpuName,
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "16"), (Hardware, "openai-titan-x"), (Time, "5 d"), (Utilization, "0.50")],
        published_pf: Some(21_000.0),
        published_pfs_days: 0.25,
        printed: Key::CalculationExampleDeepspeech2GpuPrinted,
        date: "2015-12-08",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "xception",
        name: Key::CalculationExampleXceptionName,
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "60"), (Hardware, "openai-k80"), (Time, "30 d"), (Utilization, "0.33")],
        published_pf: Some(4.5e5),
        published_pfs_days: 5.0,
        printed: Key::CalculationExampleXceptionPrinted,
        date: "2016-10-07",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "nas-ops",
        name: Key::CalculationExampleNasOpsName,
        method: Method::Ops,
        mode: Mode::Ops,
        inputs: &[(Forward, "10G"), (Examples, "50000 * 12800"), (Epochs, "50")],
        published_pf: Some(1.9e6),
        published_pfs_days: 22.0,
        printed: Key::CalculationExampleNasOpsPrinted,
        date: "2016-11-05",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "nas-gpu",
        name: Key::CalculationExampleNasGpuName,
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "800"), (Hardware, "openai-k40"), (Time, "28 d"), (Utilization, "0.33")],
        published_pf: Some(2.8e6),
        published_pfs_days: 31.0,
        printed: Key::CalculationExampleNasGpuPrinted,
        date: "2016-11-05",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "nmt",
        name: Key::CalculationExampleNmtName,
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[
            (Chips, "96"),
            (Hardware, "openai-k80"),
            (Time, "9 d"),
            (Utilization, "0.33"),
            (Factor, "sqrt(10 * 100)"),
        ],
        published_pf: Some(6.9e6),
        published_pfs_days: 79.0,
        printed: Key::CalculationExampleNmtPrinted,
        date: "2016-09-25",
        source: APPENDIX,
        seed: true,
    },
    Example {
        id: "gpt3",
        name: Key::CalculationExampleGpt3Name,
        method: Method::Params,
        mode: Mode::Params,
        inputs: &[(Parameters, "175B"), (Tokens, "300B")],
        published_pf: None,
        published_pfs_days: 3.14e23 / PFS_DAY,
        printed: Key::CalculationExampleGpt3Printed,
        date: "2020-05-28",
        source: Key::CalculationExampleGpt3Source,
        seed: false,
    },
    Example {
        id: "llama2-70b",
        name: Key::CalculationExampleLlama270bName,
        method: Method::Gpu,
        mode: Mode::Ops,
        inputs: &[(Chips, "1000"), (Hardware, "nvidia-a100-sxm4-80-gb"), (Time, "1728 h"), (Utilization, "41.9%")],
        published_pf: None,
        published_pfs_days: 8.1e23 / PFS_DAY,
        printed: Key::CalculationExampleLlama270bPrinted,
        date: "2023-07-18",
        source: Key::CalculationExampleLlama270bSource,
        seed: false,
    },
    Example {
        id: "gpt3-arch",
        name: Key::CalculationExampleGpt3ArchName,
        method: Method::Transformer,
        mode: Mode::Transformer,
        inputs: &[
            (TLayers, "96"),
            (TDModel, "12288"),
            (THeads, "96"),
            (TDFf, "49152"),
            (TGated, "no"),
            (TVocab, "50257"),
            (TTied, "yes"),
            (TContext, "2048"),
            (TPositions, "yes"),
            (TBias, "all"),
            (TTokens, "300B"),
        ],
        published_pf: None,
        published_pfs_days: 3.14e23 / PFS_DAY,
        printed: Key::CalculationExampleGpt3ArchPrinted,
        date: "2020-05-28",
        source: Key::CalculationExampleGpt3ArchSource,
        seed: false,
    },
    Example {
        id: "chinchilla",
        name: Key::CalculationExampleChinchillaName,
        method: Method::Transformer,
        mode: Mode::Transformer,
        inputs: &[
            (TLayers, "80"),
            (TDModel, "8192"),
            (THeads, "64"),
            (THeadDim, "128"),
            (TDFf, "32768"),
            (TGated, "no"),
            (TVocab, "32000"),
            (TTied, "no"),
            (TContext, "2048"),
            (TTokens, "1.4T"),
        ],
        published_pf: None,
        published_pfs_days: 5.76e23 / PFS_DAY,
        printed: Key::CalculationExampleChinchillaPrinted,
        date: "2022-03-29",
        source: Key::CalculationExampleChinchillaSource,
        seed: false,
    },
    Example {
        id: "palm",
        name: Key::CalculationExamplePalmName,
        method: Method::Transformer,
        mode: Mode::Transformer,
        inputs: &[
            (TLayers, "118"),
            (TDModel, "18432"),
            (THeads, "48"),
            (TKvHeads, "1"),
            (THeadDim, "256"),
            (TDFf, "73728"),
            (TGated, "yes"),
            (TVocab, "256000"),
            (TTied, "yes"),
            (TContext, "2048"),
            (TConvention, "palm"),
            (TTokens, "780B"),
        ],
        published_pf: None,
        published_pfs_days: 2.5272e24 / PFS_DAY,
        printed: Key::CalculationExamplePalmPrinted,
        date: "2022-04-04",
        source: Key::CalculationExamplePalmSource,
        seed: false,
    },
    Example {
        id: "llama2-70b-arch",
        name: Key::CalculationExampleLlama270bArchName,
        method: Method::Transformer,
        mode: Mode::Transformer,
        inputs: &[
            (TLayers, "80"),
            (TDModel, "8192"),
            (THeads, "64"),
            (TKvHeads, "8"),
            (TDFf, "28672"),
            (TGated, "yes"),
            (TVocab, "32000"),
            (TTied, "no"),
            (TContext, "4096"),
            (TTokens, "2T"),
        ],
        published_pf: None,
        published_pfs_days: 8.1e23 / PFS_DAY,
        printed: Key::CalculationExampleLlama270bArchPrinted,
        date: "2023-07-18",
        source: Key::CalculationExampleLlama270bArchSource,
        seed: false,
    },
    Example {
        id: "llama31-405b",
        name: Key::CalculationExampleLlama31405bName,
        method: Method::Transformer,
        mode: Mode::Transformer,
        inputs: &[
            (TLayers, "126"),
            (TDModel, "16384"),
            (THeads, "128"),
            (TKvHeads, "8"),
            (TDFf, "53248"),
            (TGated, "yes"),
            (TVocab, "128256"),
            (TTied, "no"),
            (TContext, "8192"),
            (TTokens, "15.6T"),
        ],
        published_pf: None,
        published_pfs_days: 3.8e25 / PFS_DAY,
        printed: Key::CalculationExampleLlama31405bPrinted,
        date: "2024-07-23",
        source: Key::CalculationExampleLlama31405bSource,
        seed: false,
    },
    Example {
        id: "deepseek-v3",
        name: Key::CalculationExampleDeepseekV3Name,
        method: Method::Transformer,
        mode: Mode::Transformer,
        inputs: &[
            (TLayers, "61"),
            (TDModel, "7168"),
            (THeads, "128"),
            (TDFf, "18432"),
            (TGated, "yes"),
            (TVocab, "129280"),
            (TTied, "no"),
            (TContext, "4096"),
            (TExperts, "256"),
            (TActive, "8"),
            (TShared, "1"),
            (TMoeDFf, "2048"),
            (TDense, "3"),
            (TMla, "1536 512 64 128 128"),
            (TTokens, "14.8T"),
        ],
        published_pf: None,
        published_pfs_days: 6.0 * 37e9 * 14.8e12 / PFS_DAY,
        printed: Key::CalculationExampleDeepseekV3Printed,
        date: "2024-12-26",
        source: Key::CalculationExampleDeepseekV3Source,
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
        c.name = self.display_name(Lang::En);
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
    pub(crate) fn published_over_exact(&self, cat: &crate::catalog::Catalog) -> Option<f64> {
        self.exact_pfs_days(cat).map(|exact| self.published_pfs_days / exact)
    }

    /// How far the published figure is off its own arithmetic, as a signed whole percent
    /// ("+19%", "-7%"), where it can be computed.
    pub fn difference_text(&self, cat: &crate::catalog::Catalog) -> Option<String> {
        self.published_over_exact(cat).map(|r| format!("{:+.0}%", (r - 1.0) * 100.0))
    }

    /// The sentence that says so, in `lang`: higher or lower by a whole percent ("… by +19%"; in
    /// Chinese high or low in words, never a negative difference).
    pub fn difference_in(&self, cat: &crate::catalog::Catalog, lang: Lang) -> Option<String> {
        let pct = ((self.published_over_exact(cat)? - 1.0) * 100.0).round();
        let key = if pct >= 0.0 { Key::CalculationExampleHigher } else { Key::CalculationExampleLower };
        Some(say!(lang, key, percent = format!("{:.0}", pct.abs())))
    }

    /// True where the published figure is more than 10% above or below its own arithmetic: the
    /// same percent [`Example::difference_in`] says (DeepSeek-V3's 9% lower is not, though its
    /// arithmetic is 10.3% above the published figure).
    pub fn differs(&self, cat: &crate::catalog::Catalog) -> bool {
        self.published_over_exact(cat).is_some_and(|r| (r - 1.0).abs() > 0.1)
    }
}

impl Example {
    /// The example's name in `lang`: the seed's Chinese titles where it has them, and the method
    /// in parentheses translated.
    pub fn display_name(&self, lang: Lang) -> String {
        t(lang, self.name).to_string()
    }

    /// The printed computation in `lang`: the seed's formulas stay as printed (the Chinese text
    /// quotes them in English too); the modern models' descriptions are translated.
    pub fn printed_in(&self, lang: Lang) -> &'static str {
        t(lang, self.printed)
    }

    /// [`Example::printed_in`] as the page shows it: the appendix's own English line labelled as
    /// the original in another language (it is a quotation), exponents as superscripts.
    pub fn printed_shown(&self, lang: Lang) -> String {
        let text = self.printed_in(lang);
        let text = if self.seed { crate::text::i18n::original(lang, text) } else { text.to_string() };
        crate::text::format::superscript(&text)
    }

    /// The source in `lang` (titles stay as published).
    pub fn source_in(&self, lang: Lang) -> String {
        t(lang, self.source).to_string()
    }
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
pub(crate) fn example_side(e: &Example) -> Side {
    if e.method == crate::calculation::calc::Method::Gpu {
        Side::Two
    } else {
        Side::One
    }
}

/// Whether the example's method in `c` holds exactly what the example fills in (its fields as
/// the example writes them, no other field of that method, and, for Method 1, counted in MACs),
/// so that its mark ("as printed") is true of what is there. The tab shown (the mode) is not
/// an input: the page keeps the mark when only the tab changes.
pub fn holds(c: &Calculation, e: &Example) -> bool {
    let side = example_side(e);
    let printed = e.calculation();
    let mut fields = Field::ALL.iter().filter(|f| f.side() == Some(side));
    (side == Side::Two || c.per == printed.per) && fields.all(|f| f.get(c) == f.get(&printed))
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
        // The example's name as a preset writes it, or the start of it (the default's "AlexNet").
        let own_name = !self.name.is_empty()
            && [Lang::En, Lang::Zh].iter().any(|l| {
                let rest = example.display_name(*l).strip_prefix(self.name.as_str()).map(str::to_string);
                rest.is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
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
    // The example's name carries its method in brackets ("AlexNet (GPU time)"): after a
    // separator, not inside a second pair of brackets; in Chinese a space before a Latin name,
    // none before a Chinese one.
    let names = names.join(t(lang, Key::CalculationNamedSeparator));
    let gap = if lang == Lang::Zh && names.starts_with(|c: char| c.is_ascii_alphanumeric()) { " " } else { "" };
    say!(lang, Key::CalculationNamed, from = from, names = format!("{gap}{names}"))
}
