//! The chip catalog: every entry walked, lookups by id and by name, precision rules.

use aicompute::hardware::{chips, lookup, search, Precision, Source};

#[test]
fn catalog_has_openai_figures_and_all_epoch_chips() {
    assert_eq!(chips().iter().filter(|c| c.source == Source::OpenAi2018).count(), 7);
    assert_eq!(chips().iter().filter(|c| c.source == Source::Epoch).count(), 170);
}

#[test]
fn every_entry_walks() {
    for c in chips() {
        assert!(!c.id.is_empty() && !c.name.is_empty(), "{c:?}");
        assert_eq!(lookup(c.id).map(|x| x.id), Ok(c.id), "by id");
        assert_eq!(lookup(c.name).map(|x| x.id), Ok(c.id), "by name {}", c.name);
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
                    c.peak_for(None),
                    Err(format!("{} has no peak figure in its source: enter a custom peak", c.name))
                );
            }
        }
        for p in Precision::ALL {
            match c.peak(p) {
                Some(v) => assert_eq!(c.peak_for(Some(p)), Ok((p, v))),
                None => assert!(c.peak_for(Some(p)).unwrap_err().contains("; it has: ") || c.precisions().is_empty()),
            }
        }
    }
    let ids: std::collections::HashSet<_> = chips().iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), chips().len(), "ids are unique");
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
        assert_eq!(lookup(id).unwrap().peak_for(None), Ok((Precision::Fp32, v)), "{id}");
    }
}

#[test]
fn default_precision_is_tensor_where_present() {
    let a100 = lookup("NVIDIA A100 SXM4 80 GB").unwrap();
    assert_eq!(a100.peak_for(None), Ok((Precision::TensorFp16Bf16, 312e12)));
    assert_eq!(a100.peak_for(Some(Precision::Fp32)).map(|x| x.0), Ok(Precision::Fp32));
    let k80 = lookup("openai-k80").unwrap();
    assert_eq!(
        k80.peak_for(Some(Precision::Tf32)),
        Err("NVIDIA Tesla K80 (OpenAI 2018 figure) has no TF32 figure; it has: fp32".into())
    );
}

#[test]
fn lookups_and_errors() {
    assert_eq!(lookup("  nvidia   a100 sxm4 80 gb ").unwrap().id, "nvidia-a100-sxm4-80-gb");
    assert_eq!(lookup("openai-k40").unwrap().name, "NVIDIA Tesla K40 (OpenAI 2018 figure)");
    assert_eq!(lookup(""), Err("no hardware given: type part of a chip's name".into()));
    assert_eq!(
        lookup("zzz9000"),
        Err("no chip matches 'zzz9000': try part of its name, such as 'V100' or 'TPU v4'".into())
    );
    assert!(lookup("A100").unwrap_err().starts_with("'A100' matches 4 chips"));
    assert!(search("tpu v4").iter().all(|c| c.name.contains("TPU v4")));
    assert!(!search("h100").is_empty());
}

#[test]
fn precision_parse() {
    assert_eq!(Precision::parse("BF16"), Ok(Precision::TensorFp16Bf16));
    assert_eq!(Precision::parse("tensor"), Ok(Precision::TensorFp16Bf16));
    assert_eq!(Precision::parse("fp32"), Ok(Precision::Fp32));
    assert_eq!(
        Precision::parse("fp4"),
        Err("unknown precision 'fp4': use one of fp64, fp32, tf32, fp16, bf16, fp8, int8".into())
    );
}
