//! The embedded data sets, each point with its source. `build.rs` validates `data/*.csv` (a
//! malformed row stops the build) and writes compact tab-separated text that is embedded here
//! and read once, on first use; see `data/SOURCES.md` for provenance.

use crate::catalog::hardware::{Chip, Source, PEAK_COUNT};
pub use crate::language::date::Date;
use crate::language::units::PFS_DAY;
use crate::text::i18n::Key;
use crate::text::i18n::{tr, Lang};
use std::sync::OnceLock;

pub use crate::catalog::import::{
    clear_imported, imported, install_imported, install_imported_rows, ImportFailure, ImportSummary,
};

/// Which data set a point belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DatasetId {
    /// The 15 results of OpenAI's "AI and Compute" chart (2018).
    OpenAi2018,
    /// The appendix's "modest compute" results (not part of OpenAI's fit).
    Modest2018,
    /// The 2019 addendum's first era, 1957-2012, as estimated by Epoch AI.
    FirstEra,
    /// Epoch AI's notable models (December 2024 snapshot).
    Epoch,
    /// The user's own rows, from [`install_imported`]. Not in [`DatasetId::ALL`] (the built-in
    /// sets); its key is `imported`.
    Imported,
}

impl DatasetId {
    /// The built-in sets.
    pub const ALL: [DatasetId; 4] =
        [DatasetId::OpenAi2018, DatasetId::Modest2018, DatasetId::FirstEra, DatasetId::Epoch];

    pub fn key(self) -> &'static str {
        match self {
            DatasetId::OpenAi2018 => "openai-2018",
            DatasetId::Modest2018 => "modest-2018",
            DatasetId::FirstEra => "first-era",
            DatasetId::Epoch => "epoch",
            DatasetId::Imported => "imported",
        }
    }

    pub fn from_key(k: &str) -> Option<DatasetId> {
        DatasetId::ALL.into_iter().chain([DatasetId::Imported]).find(|d| d.key() == k)
    }

    /// The source, as shown beside every point of the set.
    pub fn source(self) -> &'static str {
        match self {
            DatasetId::OpenAi2018 => "OpenAI, \"AI and Compute\" (Amodei & Hernandez, May 2018), chart values",
            DatasetId::Modest2018 => {
                "OpenAI, \"AI and Compute\" (2018), appendix: recent novel results that used modest amounts of compute"
            }
            DatasetId::FirstEra => {
                "Epoch AI, \"Notable AI Models\" (CC BY 4.0); the first era of OpenAI's 2019 addendum"
            }
            DatasetId::Epoch => "Epoch AI, \"Notable AI Models\" (CC BY 4.0), snapshot of December 2024",
            DatasetId::Imported => "Imported from your own file (not checked against a published source)",
        }
    }

    /// The source in `lang`: Chinese with 《》 titles and full-width punctuation.
    pub fn source_in(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, _) => self.source(),
            (Lang::Zh, DatasetId::OpenAi2018) => {
                "OpenAI《AI and Compute》（Amodei 与 Hernandez，2018 年 5 月），图表数值"
            }
            (Lang::Zh, DatasetId::Modest2018) => "OpenAI《AI and Compute》（2018）附录：使用少量算力的近期新成果",
            (Lang::Zh, DatasetId::FirstEra) => {
                "Epoch AI《Notable AI Models》（CC BY 4.0）；OpenAI 2019 年补充分析中的第一时期"
            }
            (Lang::Zh, DatasetId::Epoch) => "Epoch AI《Notable AI Models》（CC BY 4.0），2024 年 12 月快照",
            (Lang::Zh, DatasetId::Imported) => "从你的文件导入（未与公开来源核对）",
        }
    }

    /// Who published the set: "OpenAI", "Epoch AI", or (imported) "your file" in `lang`.
    pub fn publisher(self, lang: Lang) -> &'static str {
        match self {
            DatasetId::OpenAi2018 | DatasetId::Modest2018 => "OpenAI",
            DatasetId::FirstEra | DatasetId::Epoch => "Epoch AI",
            DatasetId::Imported => tr(lang, "your file", "你的文件"),
        }
    }

    pub fn link(self) -> &'static str {
        match self {
            DatasetId::OpenAi2018 | DatasetId::Modest2018 => "https://openai.com/index/ai-and-compute/",
            DatasetId::FirstEra | DatasetId::Epoch => "https://epoch.ai/data/notable-ai-models",
            // The user's file has no address.
            DatasetId::Imported => "",
        }
    }
}

/// One data point: a trained model and the compute it took, with its source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Model {
    pub name: &'static str,
    pub dataset: DatasetId,
    pub date: Date,
    /// Training compute in FLOP (for OpenAI's sets, pfs-days × 8.64e19).
    pub flop: Option<f64>,
    /// Training compute in petaflop/s-days (for Epoch's sets, FLOP / 8.64e19).
    pub pfs_days: Option<f64>,
    /// The source gives "less than" this value.
    pub upper_bound: bool,
    pub domain: &'static str,
    pub organization: &'static str,
    /// Epoch AI's confidence label: Confident, Likely, Speculative, or empty.
    pub confidence: &'static str,
    pub link: &'static str,
    pub parameters: Option<f64>,
    pub dataset_size: Option<f64>,
    pub hardware: &'static str,
    pub hardware_quantity: Option<f64>,
    pub training_hours: Option<f64>,
    pub utilization: Option<f64>,
    /// Epoch read this value off OpenAI's chart.
    pub digitized: bool,
    /// The same model's name in the other source (OpenAI <-> Epoch).
    pub same_as: Option<&'static str>,
}

impl Model {
    /// The citation shown with the point.
    pub fn citation(&self) -> String {
        self.citation_in(Lang::En)
    }

    /// The citation in `lang` (see [`Model::citation`]).
    pub fn citation_in(&self, lang: Lang) -> String {
        let mut s = self.dataset.source_in(lang).to_string();
        let sep = tr(lang, "; ", "；");
        if !self.confidence.is_empty() {
            let c = match (lang, self.confidence) {
                (Lang::Zh, "Confident") => "可信",
                (Lang::Zh, "Likely") => "较可能",
                (Lang::Zh, "Speculative") => "推测",
                (_, c) => c,
            };
            s.push_str(&format!("{sep}{}{c}", tr(lang, "confidence: ", "可信度：")));
        }
        if self.digitized {
            s.push_str(sep);
            s.push_str(tr(lang, "value read off OpenAI's chart", "数值读自 OpenAI 的图表"));
        }
        if self.upper_bound {
            s.push_str(sep);
            s.push_str(tr(lang, "an upper bound (\"less than\")", "上限值（“小于”）"));
        }
        s
    }

    /// The page that backs the point: the paper for Epoch's and the appendix's rows, the
    /// analysis for OpenAI's chart.
    pub fn source_link(&self) -> &'static str {
        if self.link.is_empty() {
            self.dataset.link()
        } else {
            self.link
        }
    }

    /// The same model in the other source, if it is there.
    pub fn counterpart(&self) -> Option<&'static Model> {
        let other = self.same_as?;
        models().find(|m| m.name == other && (m.dataset == DatasetId::Epoch) != (self.dataset == DatasetId::Epoch))
    }
}

/// The points of one data set.
pub fn dataset(id: DatasetId) -> impl Iterator<Item = &'static Model> {
    models().filter(move |m| m.dataset == id)
}

const MODELS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/models.tsv"));
const CHIPS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/chips.tsv"));

fn num(s: &str) -> Option<f64> {
    s.parse().ok()
}

/// The lines of text that build.rs wrote, split into their `n` fields (a line of another
/// length cannot occur; it would be skipped).
fn tsv(text: &'static str, n: usize) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().map(|line| line.split('\t').collect::<Vec<_>>()).filter(move |f| f.len() == n)
}

/// OpenAI's two sets and the first era: embedded, read once on first use.
fn base() -> &'static [Model] {
    static BASE: OnceLock<Vec<Model>> = OnceLock::new();
    BASE.get_or_init(|| {
        tsv(MODELS_TSV, 9)
            .filter_map(|f| {
                let dataset = match f[0] {
                    "o" => DatasetId::OpenAi2018,
                    "m" => DatasetId::Modest2018,
                    _ => DatasetId::FirstEra,
                };
                // Each set carries its source's own unit; the other is derived.
                let (flop, pfs_days) = match (num(f[3]), num(f[4])) {
                    (Some(f), _) => (Some(f), Some(f / PFS_DAY)),
                    (None, Some(p)) => (Some(p * PFS_DAY), Some(p)),
                    (None, None) => (None, None),
                };
                Some(Model {
                    name: f[1],
                    dataset,
                    date: Date::parse(f[2]).ok()?,
                    flop,
                    pfs_days,
                    upper_bound: f[5] == "1",
                    domain: "",
                    organization: "",
                    confidence: "",
                    link: f[6],
                    parameters: None,
                    dataset_size: None,
                    hardware: "",
                    hardware_quantity: None,
                    training_hours: None,
                    utilization: None,
                    digitized: f[7] == "1",
                    same_as: Some(f[8]).filter(|s| !s.is_empty()),
                })
            })
            .collect()
    })
}

static EPOCH: OnceLock<Vec<Model>> = OnceLock::new();

/// Epoch AI's notable models, where they are loaded: natively always (embedded); in the page
/// once [`install_epoch`] has been given the fetched file.
pub fn epoch() -> Option<&'static [Model]> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        // Validated by build.rs, so reading it cannot fail.
        let _ = install_epoch(include_str!("../../data/epoch-notable-models.csv"));
    }
    EPOCH.get().map(Vec::as_slice)
}

/// A string read at run time made part of the static data (once per data set: never freed).
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Reads Epoch AI's notable-models CSV and makes it part of [`models`]. Idempotent; returns how
/// many models the set has.
pub fn install_epoch(text: &str) -> Result<usize, String> {
    if let Some(e) = EPOCH.get() {
        return Ok(e.len());
    }
    let rows = crate::catalog::epoch_csv::parse(text)?;
    let models: Vec<Model> = rows
        .into_iter()
        .filter_map(|r| {
            let name = leak(r.name);
            Some(Model {
                name,
                dataset: DatasetId::Epoch,
                date: Date::parse(&r.date).ok()?,
                flop: Some(r.flop),
                pfs_days: Some(r.flop / PFS_DAY),
                upper_bound: false,
                domain: leak(r.domain),
                organization: leak(r.organization),
                confidence: leak(r.confidence),
                link: leak(r.link),
                parameters: r.parameters,
                dataset_size: r.dataset_size,
                hardware: leak(r.hardware),
                hardware_quantity: r.hardware_quantity,
                training_hours: r.training_hours,
                utilization: r.utilization,
                digitized: false,
                same_as: base().iter().find(|b| b.same_as == Some(name)).map(|b| b.name),
            })
        })
        .collect();
    let _ = EPOCH.set(models);
    Ok(EPOCH.get().map_or(0, Vec::len))
}

/// Every loaded data point, in the order of the sets: OpenAI 2018, modest compute, first era,
/// Epoch AI (where loaded), the user's imported rows (where installed).
pub fn models() -> impl Iterator<Item = &'static Model> + Clone {
    base().iter().chain(epoch().unwrap_or(&[]).iter()).chain(imported().iter())
}

/// OpenAI's 2018 chips: embedded, read once on first use.
pub fn openai_chips() -> &'static [Chip] {
    static BASE: OnceLock<Vec<Chip>> = OnceLock::new();
    BASE.get_or_init(|| {
        tsv(CHIPS_TSV, 9 + PEAK_COUNT)
            .map(|f| {
                let mut peaks = [None; PEAK_COUNT];
                for (i, p) in peaks.iter_mut().enumerate() {
                    *p = num(f[5 + i]);
                }
                Chip {
                    id: f[0],
                    name: f[1],
                    manufacturer: f[2],
                    kind: f[3],
                    release: f[4],
                    peaks,
                    source: Source::OpenAi2018,
                    link: f[12],
                    note: f[13],
                    tdp_watts: num(f[14]),
                    tdp_source: f[15],
                }
            })
            .collect()
    })
}

static ALL_CHIPS: OnceLock<Vec<Chip>> = OnceLock::new();

/// The chip catalog: OpenAI's 2018 figures, then Epoch AI's hardware where it is loaded:
/// natively always (embedded); in the page once [`install_hardware`] has been given the fetched
/// file (the page fetches it as soon as it starts).
pub fn chips() -> &'static [Chip] {
    #[cfg(not(target_arch = "wasm32"))]
    {
        // Validated by build.rs, so reading it cannot fail.
        let _ = install_hardware(include_str!("../../data/epoch-ml-hardware.csv"));
    }
    ALL_CHIPS.get().map_or(openai_chips(), Vec::as_slice)
}

/// Whether Epoch AI's hardware is in [`chips`].
pub fn hardware_loaded() -> bool {
    chips();
    ALL_CHIPS.get().is_some()
}

/// Why a data file the page fetches (Epoch AI's models or hardware, beside the page) could not
/// be had: a value, said in the page's language, never the browser's own error text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No answer at all: no connection (and no copy kept from an earlier visit).
    Offline,
    /// The host answered with an HTTP error status.
    Http(u16),
    /// The answer's body could not be read as text.
    NotText,
    /// The text is not the CSV expected (a host that answers with a page of its own, say).
    Unreadable,
}

impl LoadError {
    /// Why, in a few words: "no connection", "HTTP 404".
    pub fn reason(self, lang: Lang) -> String {
        match self {
            LoadError::Offline => crate::text::i18n::t(lang, Key::LoadOffline).to_string(),
            LoadError::Http(status) => format!("HTTP {status}"),
            LoadError::NotText => crate::text::i18n::t(lang, Key::LoadNottext).to_string(),
            LoadError::Unreadable => crate::text::i18n::t(lang, Key::LoadUnreadable).to_string(),
        }
    }

    /// The chart's line when Epoch AI's notable models could not be loaded.
    pub fn epoch_message(self, lang: Lang) -> String {
        match self {
            LoadError::Offline => crate::text::i18n::t(lang, Key::LoadEpochoffline).to_string(),
            // "…could not be loaded: HTTP 404"; no space after the full-width colon.
            e => format!("{}{}{}", crate::text::i18n::t(lang, Key::TrendLoadfail), tr(lang, " ", ""), e.reason(lang)),
        }
    }
}

static HARDWARE_FAILURE: OnceLock<LoadError> = OnceLock::new();

/// Records why Epoch AI's hardware could not be loaded (the page's fetch failed).
pub fn hardware_failed(reason: LoadError) {
    let _ = HARDWARE_FAILURE.set(reason);
}

/// Why Epoch AI's hardware could not be loaded, if it could not.
pub fn hardware_failure() -> Option<LoadError> {
    HARDWARE_FAILURE.get().copied()
}

/// Reads Epoch AI's "Machine Learning Hardware" CSV and adds it to [`chips`]. Idempotent;
/// returns how many chips the catalog has.
pub fn install_hardware(text: &str) -> Result<usize, String> {
    if let Some(all) = ALL_CHIPS.get() {
        return Ok(all.len());
    }
    let rows = crate::catalog::epoch_csv::parse_hardware(text)?;
    let mut all = openai_chips().to_vec();
    all.extend(rows.into_iter().map(|r| Chip {
        id: leak(r.id),
        name: leak(r.name),
        manufacturer: leak(r.manufacturer),
        kind: leak(r.kind),
        release: leak(r.release),
        peaks: r.peaks,
        source: Source::Epoch,
        link: leak(r.datasheet),
        note: "",
        tdp_watts: r.tdp_watts,
        tdp_source: "",
    }));
    Ok(ALL_CHIPS.get_or_init(|| all).len())
}
