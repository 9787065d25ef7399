//! The chip catalog: every entry walked, lookups by id and by name, precision rules.
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]

use aicompute::catalog::hardware::{Choice, Precision, Source};
use aicompute::text::i18n::Lang;

#[test]
fn catalog_has_openai_figures_and_all_epoch_chips() {
    assert_eq!(cat().chips().iter().filter(|c| c.source == Source::OpenAi2018).count(), 7);
    assert_eq!(cat().chips().iter().filter(|c| c.source == Source::Epoch).count(), 170);
}

#[test]
fn every_entry_walks() {
    for c in cat().chips() {
        assert!(!c.id.is_empty() && !c.name.is_empty(), "{c:?}");
        assert_eq!(cat().lookup(&c.id).map(|x| &x.id), Ok(&c.id), "by id");
        assert_eq!(cat().lookup(&c.name).map(|x| &x.id), Ok(&c.id), "by name {}", c.name);
        assert!(!c.citation().is_empty());
        if c.source == Source::Epoch {
            assert!(c.citation().contains("Epoch AI"), "{}", c.name);
        }
        match c.default_precision() {
            Some(p) => {
                let (got, v) = c.peak_for(None).unwrap();
                assert_eq!(got, p);
                assert!(v > 0.0 && v.is_finite());
            }
            None => {
                assert!(c.precisions().is_empty());
                assert_eq!(
                    c.peak_for(None).unwrap_err().message(Lang::En),
                    format!("{} has no peak figure in its source: enter a custom peak", c.name)
                );
            }
        }
        for p in Precision::ALL {
            match c.peak(p) {
                Some(v) => assert_eq!(c.peak_for(Some(p)), Ok((p, v))),
                None => assert!(
                    c.peak_for(Some(p)).unwrap_err().message(Lang::En).contains("; it has: ")
                        || c.precisions().is_empty()
                ),
            }
        }
    }
    let ids: std::collections::HashSet<_> = cat().chips().iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), cat().chips().len(), "ids are unique");
}

#[test]
fn seed_figures() {
    for (id, v) in [
        ("openai-gtx580", 1.58e12),
        ("openai-gtx580-1.54", 1.54e12),
        ("openai-k20", 3.5e12),
        ("openai-k40", 4.2e12),
        ("openai-titan-black", 5.1e12),
        ("openai-titan-x", 6.0e12),
        ("openai-k80", 8.5e12),
    ] {
        assert_eq!(cat().lookup(id).unwrap().peak_for(None), Ok((Precision::Fp32, v)), "{id}");
    }
}

#[test]
fn default_precision_is_tensor_where_present() {
    let a100 = cat().lookup("NVIDIA A100 SXM4 80 GB").unwrap();
    assert_eq!(a100.peak_for(None), Ok((Precision::TensorFp16Bf16, 312e12)));
    assert_eq!(a100.peak_for(Some(Precision::Fp32)).map(|x| x.0), Ok(Precision::Fp32));
    let k80 = cat().lookup("openai-k80").unwrap();
    assert_eq!(
        k80.peak_for(Some(Precision::Tf32)).unwrap_err().message(Lang::En),
        "NVIDIA Tesla K80 (OpenAI 2018 figure) has no TF32 figure; it has: fp32"
    );
    assert_eq!(
        k80.peak_for(Some(Precision::Tf32)).unwrap_err().message(Lang::Zh),
        "NVIDIA Tesla K80 (OpenAI 2018 figure) 没有 TF32 数据；可用精度：fp32"
    );
}

#[test]
fn lookups_and_errors() {
    assert_eq!(cat().lookup("  nvidia   a100 sxm4 80 gb ").unwrap().id, "nvidia-a100-sxm4-80-gb");
    assert_eq!(cat().lookup("openai-k40").unwrap().name, "NVIDIA Tesla K40 (OpenAI 2018 figure)");
    let msg = |q: &str| cat().lookup(q).unwrap_err().message(Lang::En);
    assert_eq!(msg(""), "no hardware given: type part of a chip's name");
    assert_eq!(msg("zzz9000"), "no chip matches 'zzz9000': try part of its name, such as 'V100' or 'TPU v4'");
    assert_eq!(msg(&"a".repeat(81)), "too long for a chip name: at most 80 characters and 8 words");
    assert_eq!(msg("a b c d e f g h i"), "too long for a chip name: at most 80 characters and 8 words");
    assert!(cat().search(&"a100 ".repeat(9)).is_empty());
    assert!(cat().search("tpu v4").iter().all(|c| c.name.contains("TPU v4")));
    assert!(!cat().search("h100").is_empty());
}

#[test]
fn precision_parse() {
    assert_eq!(Precision::parse("BF16"), Ok(Precision::TensorFp16Bf16));
    assert_eq!(Precision::parse("tensor"), Ok(Precision::TensorFp16Bf16));
    assert_eq!(Precision::parse("fp32"), Ok(Precision::Fp32));
    assert_eq!(
        Precision::parse("fp4").unwrap_err().message(Lang::En),
        "unknown precision 'fp4': use one of fp64, fp32, tf32, fp16, bf16, fp8, int8"
    );
}

/// A name as people type it, the chip it becomes, how, and its peak at the default precision
/// (Epoch AI's datasheet figures, data/epoch-ml-hardware.csv).
#[track_caller]
fn typed(q: &str, chip: &str, choice: Choice, peak: f64) {
    let r = cat().resolve(q, None).unwrap_or_else(|e| panic!("{q}: {e}"));
    assert_eq!((r.chip.name.as_str(), r.choice), (chip, choice), "{q}");
    assert_eq!(r.chip.peak_for(None).unwrap().1, peak, "{q}");
}

#[test]
fn names_people_type() {
    // All four A100s have 312 TFLOP/s at tensor FP16/BF16: any gives the same result.
    typed("A100", "NVIDIA A100", Choice::SamePeak { matches: 4 }, 312e12);
    // H100 PCIe has 756 TFLOP/s: the SXM5 part (13 notable models in Epoch AI's data) is taken.
    typed("H100", "NVIDIA H100 SXM5 80GB", Choice::Canonical { matches: 3 }, 989.4e12);
    // "NVIDIA V100" is named by 31 notable models; the PCIe parts have 112 TFLOP/s.
    typed("V100", "NVIDIA V100", Choice::Canonical { matches: 10 }, 125e12);
    typed("TPU v4", "Google TPU v4", Choice::Canonical { matches: 2 }, 275e12);
    typed("tpu v4", "Google TPU v4", Choice::Canonical { matches: 2 }, 275e12);
    // OpenAI's 2018 K80 figure stays reachable by its id; the name finds the datasheet's.
    typed("K80", "NVIDIA Tesla K80", Choice::Only, 8.126e12);
    typed("P100", "NVIDIA P100", Choice::Canonical { matches: 6 }, 9.3e12);
    // B200 is not GB200 (the name must start a word).
    typed("B200", "NVIDIA B200", Choice::Only, 2.25e15);
    typed("openai-k80", "NVIDIA Tesla K80 (OpenAI 2018 figure)", Choice::Exact, 8.5e12);
    let r = cat().resolve("H100", None).unwrap();
    let mut others: Vec<_> = r.others.iter().map(|c| c.name.as_str()).collect();
    others.sort();
    assert_eq!(others, ["NVIDIA H100 NVL", "NVIDIA H100 PCIe"]);
}

#[test]
fn while_epoch_ai_catalog_loads_only_exact_names_answer() {
    use aicompute::catalog::hardware::{resolve_in, HardwareError};
    let openai = aicompute::catalog::data::openai_chips();
    assert!(openai.iter().all(|c| c.source == Source::OpenAi2018));
    let loading = |q: &str| resolve_in(&openai, Some(HardwareError::Loading), q, None);
    // An OpenAI 2018 chip by id or full name answers at once: the seed's examples need no fetch.
    assert_eq!(loading("openai-gtx580").unwrap().chip.peak(Precision::Fp32), Some(1.58e12));
    // Anything else waits (a search of OpenAI's chips alone could pick another chip than the
    // whole catalog will), in both languages.
    for q in ["V100", "H100", "TPU v4", "gtx"] {
        assert_eq!(loading(q), Err(HardwareError::Loading), "{q}");
    }
    assert_eq!(HardwareError::Loading.message(Lang::En), "loading Epoch AI's hardware catalog…");
    assert_eq!(HardwareError::Loading.message(Lang::Zh), "正在加载 Epoch AI 硬件目录……");
    let failed = HardwareError::Unavailable { reason: aicompute::catalog::load::LoadError::Http(404) };
    assert_eq!(resolve_in(&openai, Some(failed.clone()), "H100", None), Err(failed.clone()));
    assert_eq!(
        failed.message(Lang::En),
        "Epoch AI's hardware catalog could not be loaded (HTTP 404): OpenAI's 2018 chips (openai-…) and a custom peak work"
    );
    // The built-in catalog (the page's, until its fetch of Epoch AI's file) says the same.
    let mut builtin = aicompute::catalog::Catalog::builtin();
    assert_eq!(builtin.chips(), &openai[..]);
    assert!(!builtin.hardware_loaded());
    assert_eq!(builtin.resolve("V100", None).map(|r| r.chip.id.clone()), Err(HardwareError::Loading));
    assert_eq!(builtin.lookup("openai-k80").map(|c| c.source), Ok(Source::OpenAi2018));
    builtin.hardware_failed(aicompute::catalog::load::LoadError::Http(404));
    assert_eq!(builtin.hardware_failure(), Some(aicompute::catalog::load::LoadError::Http(404)));
    assert_eq!(builtin.resolve("H100", None).map(|r| r.chip.id.clone()), Err(failed.clone()));
    // Loaded, the same name finds Epoch AI's chip.
    assert_eq!(cat().resolve("V100", None).unwrap().chip.source, Source::Epoch);
}

#[test]
fn the_hardware_file_reads_as_the_catalog_lists_it() {
    // The reader the page runs on the fetched file, and the build's check.
    let rows = aicompute::catalog::epoch_csv::parse_hardware(include_str!("../data/epoch-ml-hardware.csv")).unwrap();
    let epoch: Vec<_> = cat().chips().iter().filter(|c| c.source == Source::Epoch).collect();
    assert_eq!(rows.len(), epoch.len());
    let h100 = rows.iter().find(|r| r.id == "nvidia-h100-sxm5-80gb").expect("the H100 SXM5 row");
    assert_eq!(h100.name, "NVIDIA H100 SXM5 80GB");
    assert_eq!(h100.tdp_watts, Some(700.0));
    assert_eq!(aicompute::catalog::epoch_csv::slug(" NVIDIA  A100 (SXM4) 80 GB "), "nvidia-a100-sxm4-80-gb");
    let bad = "name,manufacturer,type,release_date,datasheet,tdp_watts,fp64_flops,fp32_flops,tf32_flops,fp16_flops,tensor_fp16_bf16_flops,fp8_flops,int8_ops\nX,Y,GPU,2020-01-01,,9000,,,,,,,\n";
    assert_eq!(
        aicompute::catalog::epoch_csv::parse_hardware(bad).unwrap_err().to_string(),
        "line 2: tdp_watts 9000 is not in (0, 5000] W"
    );
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}
