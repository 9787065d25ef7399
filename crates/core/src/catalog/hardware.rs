//! The chip catalog: OpenAI's own 2018 peak figures (so the seed's examples reproduce exactly)
//! and Epoch AI's "Machine Learning Hardware" datasheet figures for 170 accelerators, per
//! precision, each with its source.

use crate::text::i18n::{t, Key, Lang};

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
            Precision::TensorFp16Bf16 => t(Lang::En, Key::CatalogPrecisionTensor),
            Precision::Fp8 => "FP8",
            Precision::Int8 => "INT8",
        }
    }

    /// The label in `lang`: tensor FP16/BF16 has words; the rest are the same symbols in every
    /// language.
    pub fn label_in(self, lang: Lang) -> &'static str {
        match self {
            Precision::TensorFp16Bf16 => t(lang, Key::CatalogPrecisionTensor),
            _ => self.label(),
        }
    }

    /// Parses a key or label, case-insensitively: `bf16`, `tensor`, `FP32`...
    ///
    /// # Errors
    ///
    /// [`HardwareError::UnknownPrecision`] when the text names no precision.
    pub fn parse(s: &str) -> Result<Precision, HardwareError> {
        let l = s.trim().to_ascii_lowercase().replace([' ', '_', '-'], "");
        Ok(match l.as_str() {
            "fp64" | "double" => Precision::Fp64,
            "fp32" | "single" => Precision::Fp32,
            "tf32" => Precision::Tf32,
            "fp16" | "half" => Precision::Fp16,
            "bf16" | "tensor" | "tensorfp16" | "tensorfp16/bf16" | "tensorbf16" => Precision::TensorFp16Bf16,
            "fp8" => Precision::Fp8,
            "int8" => Precision::Int8,
            _ => return Err(HardwareError::UnknownPrecision { text: s.trim().chars().take(40).collect() }),
        })
    }

    fn index(self) -> usize {
        Precision::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// One chip of the catalog.
#[derive(Clone, Debug, PartialEq)]
pub struct Chip {
    pub id: String,
    pub name: String,
    pub manufacturer: String,
    /// GPU, TPU, NPU, ... as the source gives it.
    pub kind: String,
    pub release: String,
    /// Peak FLOP/s (ops/s for INT8) per precision, in the order of [`Precision::ALL`].
    pub peaks: [Option<f64>; PEAK_COUNT],
    pub source: Source,
    pub link: String,
    pub note: String,
    /// Thermal design power (board power) per chip, in watts, where the source gives it.
    pub tdp_watts: Option<f64>,
    /// Where the TDP comes from, for OpenAI's figures (Epoch's rows: empty, see
    /// [`Chip::tdp_citation`]).
    pub tdp_source: String,
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
    ///
    /// # Errors
    ///
    /// [`HardwareError::NoPeak`] when the chip has no figure at the precision asked for (or,
    /// asked for none, at any).
    pub fn peak_for(&self, p: Option<Precision>) -> Result<(Precision, f64), HardwareError> {
        let has = self.precisions();
        if has.is_empty() {
            return Err(HardwareError::NoPeak { chip: self.name.clone() });
        }
        let p = p.unwrap_or_else(|| self.default_precision().unwrap_or(has[0]));
        self.peak(p).map(|v| (p, v)).ok_or_else(|| HardwareError::NoPrecision {
            chip: self.name.clone(),
            precision: p,
            has,
        })
    }

    /// The citation shown beside the chip's figures.
    pub fn citation(&self) -> String {
        self.citation_in(Lang::En)
    }
}

impl Chip {
    /// The citation in `lang`: OpenAI's figures with the models they were used in (their names in
    /// `lang`), Epoch AI's with the datasheet.
    pub fn citation_in(&self, lang: Lang) -> String {
        match self.source {
            Source::OpenAi2018 => {
                let used = self.note.strip_prefix("used in: ").unwrap_or(&self.note);
                let names: Vec<&str> = used.split("; ").map(|n| crate::text::i18n::model_name(n, lang)).collect();
                crate::say!(lang, Key::CatalogChipOpenai, models = names.join(t(lang, Key::CatalogListSep)))
            }
            Source::Epoch => crate::say!(lang, Key::CatalogChipEpoch, link = datasheet(&self.link, lang)),
        }
    }

    /// The chip's name in `lang`: OpenAI's figures say so in `lang` ("NVIDIA GeForce GTX 580
    /// (OpenAI 2018 figure)" in English).
    pub fn name_in(&self, lang: Lang) -> String {
        chip_name(&self.name, lang)
    }

    /// The source of [`Chip::tdp_watts`]: the datasheet for OpenAI's figures, Epoch AI's data
    /// set (with its datasheet link) for the rest; empty where there is no TDP.
    pub fn tdp_citation(&self) -> String {
        self.tdp_citation_in(Lang::En)
    }

    /// [`Chip::tdp_citation`] in `lang`. In English OpenAI's chips cite their source as it is
    /// written; in another language their source is written out in that language (its links
    /// kept, no brackets inside: a page may show the citation in brackets), as in
    /// [`Chip::citation_in`].
    pub fn tdp_citation_in(&self, lang: Lang) -> String {
        match (self.tdp_watts, self.source) {
            (None, _) => String::new(),
            (Some(_), Source::OpenAi2018) if lang == Lang::En => self.tdp_source.clone(),
            (Some(_), Source::OpenAi2018) => crate::say!(lang, self.tdp_key(), links = links(&self.tdp_source, lang)),
            (Some(_), Source::Epoch) => crate::say!(lang, Key::CatalogTdpEpoch, link = datasheet(&self.link, lang)),
        }
    }

    /// The text that writes out the TDP source of one of OpenAI's chips: the K20, K40 and K80
    /// have remarks of their own; the others cite TechPowerUp's database (the figure Epoch AI
    /// gives too).
    fn tdp_key(&self) -> Key {
        match self.id.as_str() {
            "openai-k20" => Key::CatalogTdpK20,
            "openai-k40" => Key::CatalogTdpK40,
            "openai-k80" => Key::CatalogTdpK80,
            _ => Key::CatalogTdpTechpowerup,
        }
    }
}

/// The links of a text, without the punctuation that followed them in the sentence, separated
/// as `lang` separates the items of a list of sources (；in Chinese).
fn links(text: &str, lang: Lang) -> String {
    let links: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.starts_with("http"))
        .map(|w| w.trim_end_matches([',', ';', '.', ')']))
        .collect();
    links.join(t(lang, Key::CatalogLinkSep))
}

/// A datasheet field of Epoch AI's data set, which mixes links with English remarks: as it is in
/// English, its links only in another language.
fn datasheet(field: &str, lang: Lang) -> String {
    if lang == Lang::En {
        field.to_string()
    } else {
        links(field, lang)
    }
}

/// Why a chip or precision could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum HardwareError {
    NoQuery,
    /// A name longer than [`MAX_QUERY_CHARS`] or of more than [`MAX_QUERY_WORDS`] words.
    TooLong,
    NoMatch {
        query: String,
    },
    NoPeak {
        chip: String,
    },
    NoPrecision {
        chip: String,
        precision: Precision,
        has: Vec<Precision>,
    },
    UnknownPrecision {
        text: String,
    },
    /// The name is none of OpenAI's 2018 chips and Epoch AI's catalog is still loading (the
    /// page fetches it as it starts): no answer yet rather than a wrong one.
    Loading,
    /// Epoch AI's catalog could not be loaded (offline on a first visit, say).
    Unavailable {
        reason: crate::catalog::load::LoadError,
    },
}

impl HardwareError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            HardwareError::NoQuery => t(lang, Key::CatalogHardwareNoQuery).into(),
            HardwareError::TooLong => {
                crate::say!(lang, Key::CatalogHardwareTooLong, chars = MAX_QUERY_CHARS, words = MAX_QUERY_WORDS)
            }
            HardwareError::NoMatch { query } => crate::say!(lang, Key::CatalogHardwareNoMatch, query = query),
            HardwareError::NoPeak { chip } => crate::say!(lang, Key::CatalogHardwareNoPeak, chip = chip),
            HardwareError::NoPrecision { chip, precision, has } => {
                let list = has.iter().map(|p| p.key()).collect::<Vec<_>>().join(", ");
                let precision = precision.label_in(lang);
                crate::say!(lang, Key::CatalogHardwareNoPrecision, chip = chip, precision = precision, list = list)
            }
            HardwareError::Loading => t(lang, Key::CatalogHardwareLoading).into(),
            HardwareError::Unavailable { reason } => {
                crate::say!(lang, Key::CatalogHardwareUnavailable, reason = reason.reason(lang))
            }
            HardwareError::UnknownPrecision { text } => {
                let list = Precision::ALL.iter().map(|p| p.key()).collect::<Vec<_>>().join(", ");
                crate::say!(lang, Key::CatalogHardwareUnknownPrecision, text = text, list = list)
            }
        }
    }
}

impl std::fmt::Display for HardwareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// The longest chip name a search reads, in characters and in words.
pub const MAX_QUERY_CHARS: usize = 80;
pub const MAX_QUERY_WORDS: usize = 8;

/// Lower case (the catalog's names are ASCII) and single spaces.
fn norm(s: &str) -> String {
    s.to_ascii_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How a typed name became one chip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The id or the full name.
    Exact,
    /// The only chip whose name contains what was typed.
    Only,
    /// Several chips match and all have the same peak at the precision used: any gives the result.
    SamePeak { matches: usize },
    /// Several chips match with different peaks: the canonical one (most used by Epoch AI's
    /// notable models, else the SXM/flagship part) was taken.
    Canonical { matches: usize },
}

/// A chip found from what the user typed, and the other chips the name also fits.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved<'a> {
    pub chip: &'a Chip,
    pub choice: Choice,
    pub others: Vec<&'a Chip>,
}

/// Finds the chip a typed name means in `catalog`: an id or a full name exactly; else the chips
/// whose names contain every word typed (Epoch AI's datasheet chips before OpenAI's 2018 figures,
/// which stay reachable by id), and among several the one whose peak they share, or the canonical
/// one. `pending` is the error for any name but an exact one while part of
/// the catalog is still to come (a search of part of it could answer with another chip than the
/// one it will find).
///
/// # Errors
///
/// A [`HardwareError`]: the query is empty or too long, no chip matches, or `pending` while
/// only part of the catalog is known and the query is not an exact id or name.
pub fn resolve_in<'a>(
    catalog: &'a [Chip],
    pending: Option<HardwareError>,
    query: &str,
    precision: Option<Precision>,
) -> Result<Resolved<'a>, HardwareError> {
    if query.chars().count() > MAX_QUERY_CHARS || query.split_whitespace().count() > MAX_QUERY_WORDS {
        return Err(HardwareError::TooLong);
    }
    let q = norm(query);
    if q.is_empty() {
        return Err(HardwareError::NoQuery);
    }
    if let Some(c) = catalog.iter().find(|c| c.id == q || norm(&c.name) == q) {
        return Ok(Resolved { chip: c, choice: Choice::Exact, others: Vec::new() });
    }
    if let Some(e) = pending {
        return Err(e);
    }
    let mut found = search_in(catalog, query);
    if found.iter().any(|c| c.source == Source::Epoch) {
        found.retain(|c| c.source == Source::Epoch);
    }
    if found.iter().any(|c| starts_words(c, &q)) {
        found.retain(|c| starts_words(c, &q));
    }
    found.sort_by_key(|c| std::cmp::Reverse(rank(c)));
    let Some((&chip, rest)) = found.split_first() else {
        return Err(HardwareError::NoMatch { query: query.trim().into() });
    };
    let peak = |c: &Chip| c.peak_for(precision).ok().map(|(_, v)| v);
    let choice = match found.len() {
        1 => Choice::Only,
        n if rest.iter().all(|c| peak(c) == peak(chip)) => Choice::SamePeak { matches: n },
        n => Choice::Canonical { matches: n },
    };
    Ok(Resolved { chip, choice, others: rest.to_vec() })
}

/// Whether every word of the query starts a word of the chip's name (`b200` fits
/// "NVIDIA B200", not "NVIDIA GB200").
fn starts_words(c: &Chip, q: &str) -> bool {
    let name = norm(&c.name);
    let words: Vec<&str> = name.split([' ', '(', ')']).collect();
    q.split(' ').all(|w| words.iter().any(|x| x.starts_with(w)))
}

/// The canonical order among chips a name fits: those with a peak figure, most used by Epoch AI's
/// notable models, then the SXM (flagship) form factor, then the shortest name.
fn rank(c: &Chip) -> (bool, usize, bool, std::cmp::Reverse<usize>) {
    (!c.precisions().is_empty(), usage(&c.name), c.name.contains("SXM"), std::cmp::Reverse(c.name.len()))
}

/// How many of Epoch AI's notable models name the chip as their training hardware (counted by
/// build.rs from `data/epoch-notable-models.csv`).
pub fn usage(name: &str) -> usize {
    const USAGE: &str = include_str!(concat!(env!("OUT_DIR"), "/chip-usage.tsv"));
    crate::catalog::csv::table(USAGE, &["name", "count"])
        .find(|f| f[0] == name)
        .map_or(0, |f| f[1].parse().unwrap_or(0))
}

/// Chips of `catalog` whose name or id contains every word of the query, in the catalog's order
/// (OpenAI's figures first).
pub fn search_in<'a>(catalog: &'a [Chip], query: &str) -> Vec<&'a Chip> {
    if query.chars().count() > MAX_QUERY_CHARS || query.split_whitespace().count() > MAX_QUERY_WORDS {
        return Vec::new();
    }
    let words: Vec<String> = norm(query).split(' ').filter(|w| !w.is_empty()).map(String::from).collect();
    catalog
        .iter()
        .filter(|c| {
            let hay = format!("{} {} {}", norm(&c.name), c.id, norm(&c.manufacturer));
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect()
}

/// A chip's name before the Chinese possessive: a space after a Latin name, none after a
/// full-width bracket; as is in other languages (their texts put their own space).
pub fn of_name(lang: Lang, name: &str) -> String {
    let gap = if lang == Lang::Zh && name.ends_with(|c: char| c.is_ascii()) { " " } else { "" };
    format!("{name}{gap}")
}

/// A chip's catalog name in `lang` (see [`Chip::name_in`]).
pub fn chip_name(name: &str, lang: Lang) -> String {
    match name.split_once(" (OpenAI 2018 figure") {
        Some((chip, rest)) => {
            crate::say!(lang, Key::CatalogChipOpenaiFigure, chip = chip, rest = rest.trim_end_matches(')'))
        }
        None => name.to_string(),
    }
}
