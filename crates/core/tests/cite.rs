//! Citations: the methods sentence and the BibTeX, as exact texts.

use aicompute::formats::cite::{bibtex, epoch_sentence, methods_sentence, Method};
use aicompute::text::i18n::Lang::{En, Zh};

#[track_caller]
fn sentence(method: Method, flop: f64, en: &str, zh: &str) {
    assert_eq!(methods_sentence(method, flop, En).as_deref(), Some(en));
    assert_eq!(methods_sentence(method, flop, Zh).as_deref(), Some(zh));
}

#[test]
fn methods_sentences() {
    // 3.15e23 FLOP / 8.64e19 FLOP per pfs-day = 3,645.8 pfs-days.
    sentence(
        Method::SixNd,
        3.15e23,
        "We estimate 3.15 × 10^23 FLOP (3,646 pfs-days) by counting operations (6ND) following Amodei & Hernandez (2018).",
        "按照 Amodei 与 Hernandez（2018）的方法，我们通过统计运算次数（6ND）估算训练算力为 3.15 × 10^23 FLOP（3,646 pfs-days）。",
    );
    // AlphaGo Zero by OpenAI's figure: 1,860 pfs-days × 8.64e19 = 1.607e23 FLOP.
    sentence(
        Method::GpuTime,
        1860.0 * 8.64e19,
        "We estimate 1.61 × 10^23 FLOP (1,860 pfs-days) from GPU time (chips × peak FLOP/s × time × utilization) following Amodei & Hernandez (2018).",
        "按照 Amodei 与 Hernandez（2018）的方法，我们由 GPU 时间（芯片数 × 峰值 FLOP/s × 时间 × 利用率）估算训练算力为 1.61 × 10^23 FLOP（1,860 pfs-days）。",
    );
    // AlexNet by OpenAI's figure: 0.0058 pfs-days.
    sentence(
        Method::Operations,
        0.0058 * 8.64e19,
        "We estimate 5.01 × 10^17 FLOP (0.0058 pfs-days) by counting operations following Amodei & Hernandez (2018).",
        "按照 Amodei 与 Hernandez（2018）的方法，我们通过统计运算次数估算训练算力为 5.01 × 10^17 FLOP（0.0058 pfs-days）。",
    );
    assert_eq!(methods_sentence(Method::SixNd, 0.0, En), None);
    assert_eq!(methods_sentence(Method::SixNd, f64::NAN, Zh), None);
    assert_eq!(methods_sentence(Method::SixNd, f64::INFINITY, En), None);
}

#[test]
fn epoch_credit() {
    assert_eq!(epoch_sentence(En), "Data on other models: Epoch AI (2024), “Notable AI Models”, licensed CC BY 4.0.");
    assert_eq!(epoch_sentence(Zh), "其他模型的数据来自 Epoch AI（2024）的“Notable AI Models”数据集，CC BY 4.0 许可。");
}

const AI_AND_COMPUTE: &str = "@misc{amodei2018aicompute,
  author = {Amodei, Dario and Hernandez, Danny},
  title = {{AI} and Compute},
  year = {2018},
  month = may,
  howpublished = {OpenAI},
  url = {https://openai.com/index/ai-and-compute/}
}
";

const EPOCH: &str = "@misc{epoch2024notableaimodels,
  author = {{Epoch AI}},
  title = {Notable {AI} Models},
  year = {2024},
  note = {Data set, licensed CC BY 4.0},
  url = {https://epoch.ai/data/notable-ai-models}
}
";

#[test]
fn bibtex_entries() {
    assert_eq!(bibtex(false), AI_AND_COMPUTE);
    assert_eq!(bibtex(true), format!("{AI_AND_COMPUTE}\n{EPOCH}"));
    // Braces balance in every entry.
    let b = bibtex(true);
    assert_eq!(b.matches('{').count(), b.matches('}').count());
}
