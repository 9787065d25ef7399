//! The chip catalog: OpenAI's own 2018 peak figures (so the seed's examples reproduce exactly)
//! and Epoch AI's "Machine Learning Hardware" datasheet figures for 170 accelerators, per
//! precision, each with its source.

pub use crate::data::chips;

/// How many precisions a chip has figures for.
pub const PEAK_COUNT: usize = 7;

/// Where a chip's figures come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The peak figures OpenAI assumed in "AI and Compute" (2018).
    OpenAi2018,
    /// Epoch AI, "Machine Learning Hardware" (CC BY 4.0), snapshot of January 2026.
    Epoch,
}

/// A numeric precision with a peak figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Precision {
    Fp64,
    Fp32,
    Tf32,
    Fp16,
    TensorFp16Bf16,
    Fp8,
    Int8,
}

impl Precision {
    pub const ALL: [Precision; PEAK_COUNT] = [
        Precision::Fp64,
        Precision::Fp32,
        Precision::Tf32,
        Precision::Fp16,
        Precision::TensorFp16Bf16,
        Precision::Fp8,
        Precision::Int8,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Precision::Fp64 => "fp64",
            Precision::Fp32 => "fp32",
            Precision::Tf32 => "tf32",
            Precision::Fp16 => "fp16",
            Precision::TensorFp16Bf16 => "bf16",
            Precision::Fp8 => "fp8",
            Precision::Int8 => "int8",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Precision::Fp64 => "FP64",
            Precision::Fp32 => "FP32",
            Precision::Tf32 => "TF32",
            Precision::Fp16 => "FP16",
            Precision::TensorFp16Bf16 => "tensor FP16/BF16",
            Precision::Fp8 => "FP8",
            Precision::Int8 => "INT8",
        }
    }

    /// Parses a key or label, case-insensitively: `bf16`, `tensor`, `FP32`...
    pub fn parse(s: &str) -> Result<Precision, String> {
        let l = s.trim().to_ascii_lowercase().replace([' ', '_', '-'], "");
        let p = match l.as_str() {
            "fp64" | "double" => Precision::Fp64,
            "fp32" | "single" => Precision::Fp32,
            "tf32" => Precision::Tf32,
            "fp16" | "half" => Precision::Fp16,
            "bf16" | "tensor" | "tensorfp16" | "tensorfp16/bf16" | "tensorbf16" => Precision::TensorFp16Bf16,
            "fp8" => Precision::Fp8,
            "int8" => Precision::Int8,
            _ => {
                return Err(format!(
                    "unknown precision '{s}': use one of {}",
                    Precision::ALL.iter().map(|p| p.key()).collect::<Vec<_>>().join(", ")
                ))
            }
        };
        Ok(p)
    }

    fn index(self) -> usize {
        Precision::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// One chip of the catalog.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chip {
    pub id: &'static str,
    pub name: &'static str,
    pub manufacturer: &'static str,
    /// GPU, TPU, NPU, ... as the source gives it.
    pub kind: &'static str,
    pub release: &'static str,
    /// Peak FLOP/s (ops/s for INT8) per precision, in the order of [`Precision::ALL`].
    pub peaks: [Option<f64>; PEAK_COUNT],
    pub source: Source,
    pub link: &'static str,
    pub note: &'static str,
    /// Thermal design power (board power) per chip, in watts, where the source gives it.
    pub tdp_watts: Option<f64>,
    /// Where the TDP comes from, for OpenAI's figures (Epoch's rows: empty, see
    /// [`Chip::tdp_citation`]).
    pub tdp_source: &'static str,
}

impl Chip {
    pub fn peak(&self, p: Precision) -> Option<f64> {
        self.peaks[p.index()]
    }

    /// The precisions this chip has figures for.
    pub fn precisions(&self) -> Vec<Precision> {
        Precision::ALL.into_iter().filter(|p| self.peak(*p).is_some()).collect()
    }

    /// The precision training most likely used: tensor FP16/BF16 where the chip has it, else
    /// FP32, else the first it has.
    pub fn default_precision(&self) -> Option<Precision> {
        [Precision::TensorFp16Bf16, Precision::Fp32]
            .into_iter()
            .find(|p| self.peak(*p).is_some())
            .or_else(|| self.precisions().first().copied())
    }

    /// A CPU gets the seed's 17% default utilization; everything else 33%.
    pub fn is_cpu(&self) -> bool {
        self.kind.to_ascii_uppercase().contains("CPU") && !self.kind.contains("GPGPU")
    }

    /// Peak for a requested precision (or the default), with an error a person can act on.
    pub fn peak_for(&self, p: Option<Precision>) -> Result<(Precision, f64), String> {
        let has = self.precisions();
        if has.is_empty() {
            return Err(format!("{} has no peak figure in its source: enter a custom peak", self.name));
        }
        let p = match p {
            Some(p) => p,
            None => self.default_precision().unwrap_or(has[0]),
        };
        match self.peak(p) {
            Some(v) => Ok((p, v)),
            None => Err(format!(
                "{} has no {} figure; it has: {}",
                self.name,
                p.label(),
                has.iter().map(|p| p.key()).collect::<Vec<_>>().join(", ")
            )),
        }
    }

    /// The citation shown beside the chip's figures.
    pub fn citation(&self) -> String {
        match self.source {
            Source::OpenAi2018 => format!("OpenAI, \"AI and Compute\" (2018), appendix; {}", self.note),
            Source::Epoch => format!("Epoch AI, \"Machine Learning Hardware\" (CC BY 4.0); datasheet: {}", self.link),
        }
    }
}

impl Chip {
    /// The source of [`Chip::tdp_watts`]: the datasheet for OpenAI's figures, Epoch AI's data
    /// set (with its datasheet link) for the rest; empty where there is no TDP.
    pub fn tdp_citation(&self) -> String {
        match (self.tdp_watts, self.source) {
            (None, _) => String::new(),
            (Some(_), Source::OpenAi2018) => self.tdp_source.to_string(),
            (Some(_), Source::Epoch) => {
                format!("Epoch AI, \"Machine Learning Hardware\" (CC BY 4.0), tdp_watts; datasheet: {}", self.link)
            }
        }
    }
}

/// Lower case (the catalog's names are ASCII) and single spaces.
fn norm(s: &str) -> String {
    s.to_ascii_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds a chip by id or by its full name (case and spacing ignored).
pub fn lookup(query: &str) -> Result<&'static Chip, String> {
    let q = norm(query);
    if q.is_empty() {
        return Err("no hardware given: type part of a chip's name".into());
    }
    if let Some(c) = chips().iter().find(|c| c.id == q || norm(c.name) == q) {
        return Ok(c);
    }
    let found = search(query);
    match found.len() {
        1 => Ok(found[0]),
        0 => Err(format!("no chip matches '{}': try part of its name, such as 'V100' or 'TPU v4'", query.trim())),
        n => Err(format!(
            "'{}' matches {n} chips ({}{}): give its id",
            query.trim(),
            found.iter().take(4).map(|c| c.id).collect::<Vec<_>>().join(", "),
            if n > 4 { ", ..." } else { "" }
        )),
    }
}

/// Chips whose name or id contains every word of the query, OpenAI's figures first.
pub fn search(query: &str) -> Vec<&'static Chip> {
    let words: Vec<String> = norm(query).split(' ').filter(|w| !w.is_empty()).map(String::from).collect();
    chips()
        .iter()
        .filter(|c| {
            let hay = format!("{} {} {}", norm(c.name), c.id, norm(c.manufacturer));
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect()
}
