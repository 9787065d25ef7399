//! Citations: a ready sentence for a methods section, in both languages, and BibTeX entries
//! for the sources the estimate rests on.

use crate::language::units::PFS_DAY;
use crate::text::format::{readable, sci};
use crate::text::i18n::{t, Key, Lang};

/// How the estimate was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Counting the operations of the forward and backward passes (Method 1).
    Operations,
    /// 6 · N · D for dense transformers (Method 1).
    SixNd,
    /// A transformer's own count from its architecture: add-multiplies per token × 2 × passes ×
    /// tokens (Method 1's architecture tab), not 6·N·D.
    Architecture,
    /// Chips × peak × time × utilization (Method 2).
    GpuTime,
    /// Both methods, which agree: their geometric mean.
    Both,
}

impl Method {
    fn phrase(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                Method::Operations => Key::FormatsCiteOperations,
                Method::SixNd => Key::FormatsCiteSixnd,
                Method::Architecture => Key::FormatsCiteArchitecture,
                Method::GpuTime => Key::FormatsCiteGputime,
                Method::Both => Key::FormatsCiteBoth,
            },
        )
    }
}

/// "We estimate 3.15 × 10^23 FLOP (3,646 pfs-days) by counting operations (6ND) following
/// Amodei & Hernandez (2018)." `None` for a FLOP count that is not positive and finite.
pub fn methods_sentence(method: Method, flop: f64, lang: Lang) -> Option<String> {
    if !(flop.is_finite() && flop > 0.0) {
        return None;
    }
    let (f, p) = (sci(flop, 3), readable(flop / PFS_DAY, 3, ","));
    Some(crate::say!(lang, Key::FormatsCiteSentence, flop = f, pfs = p, method = method.phrase(lang)))
}

/// The sentence crediting Epoch AI's data set, for when its data is shown.
pub fn epoch_sentence(lang: Lang) -> String {
    t(lang, Key::FormatsCiteEpoch).to_string()
}

/// BibTeX for OpenAI's "AI and Compute".
pub(crate) const BIB_AI_AND_COMPUTE: &str = "@misc{amodei2018aicompute,
  author = {Amodei, Dario and Hernandez, Danny},
  title = {{AI} and Compute},
  year = {2018},
  month = may,
  howpublished = {OpenAI},
  url = {https://openai.com/index/ai-and-compute/}
}
";

/// BibTeX for Epoch AI's "Notable AI Models" data set.
pub(crate) const BIB_EPOCH_NOTABLE: &str = "@misc{epoch2024notableaimodels,
  author = {{Epoch AI}},
  title = {Notable {AI} Models},
  year = {2024},
  note = {Data set, licensed CC BY 4.0},
  url = {https://epoch.ai/data/notable-ai-models}
}
";

/// The BibTeX entries to cite: "AI and Compute" always, Epoch AI's data set when its data is
/// shown.
pub fn bibtex(with_epoch: bool) -> String {
    let mut s = BIB_AI_AND_COMPUTE.to_string();
    if with_epoch {
        s.push('\n');
        s.push_str(BIB_EPOCH_NOTABLE);
    }
    s
}
