//! The data sets' rows, each point with its source, and the readers that make them: `build.rs`
//! validates `data/*.csv` (a malformed row stops the build) and writes compact tab-separated text
//! with a header row, embedded here and read by column name; Epoch AI's files are read from their
//! CSV (see `data/SOURCES.md` for provenance). The rows live in a [`crate::catalog::Catalog`].

use crate::catalog::csv;
use crate::catalog::hardware::{Chip, Precision, Source, PEAK_COUNT};
pub use crate::language::date::Date;
use crate::language::units::PFS_DAY;
use crate::text::i18n::{t, Key, Lang};

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
    /// The user's own rows, from [`crate::catalog::Catalog::install_imported`]. Not in [`DatasetId::ALL`] (the built-in
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
        self.source_in(Lang::En)
    }

    /// The source in `lang` (in Chinese with its typography: titles in double angle brackets,
    /// full-width punctuation).
    pub fn source_in(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                DatasetId::OpenAi2018 => Key::CatalogSourceOpenai2018,
                DatasetId::Modest2018 => Key::CatalogSourceModest2018,
                DatasetId::FirstEra => Key::CatalogSourceFirstEra,
                DatasetId::Epoch => Key::CatalogSourceEpoch,
                DatasetId::Imported => Key::CatalogSourceImported,
            },
        )
    }

    /// Who published the set: "OpenAI", "Epoch AI", or (imported) "your file" in `lang`.
    pub fn publisher(self, lang: Lang) -> &'static str {
        match self {
            DatasetId::OpenAi2018 | DatasetId::Modest2018 => "OpenAI",
            DatasetId::FirstEra | DatasetId::Epoch => "Epoch AI",
            DatasetId::Imported => t(lang, Key::CatalogPublisherImported),
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
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub name: String,
    pub dataset: DatasetId,
    pub date: Date,
    /// Training compute in FLOP (for OpenAI's sets, pfs-days × 8.64e19).
    pub flop: Option<f64>,
    /// Training compute in petaflop/s-days (for Epoch's sets, FLOP / 8.64e19).
    pub pfs_days: Option<f64>,
    /// The source gives "less than" this value.
    pub upper_bound: bool,
    pub domain: String,
    pub organization: String,
    /// Epoch AI's confidence label: Confident, Likely, Speculative, or empty.
    pub confidence: String,
    pub link: String,
    pub parameters: Option<f64>,
    pub dataset_size: Option<f64>,
    pub hardware: String,
    pub hardware_quantity: Option<f64>,
    pub training_hours: Option<f64>,
    pub utilization: Option<f64>,
    /// Epoch read this value off OpenAI's chart.
    pub digitized: bool,
    /// The same model's name in the other source (OpenAI <-> Epoch).
    pub same_as: Option<String>,
}

impl Model {
    /// A point with a name, a set, a date and a compute in FLOP; nothing else known.
    pub fn bare(name: String, dataset: DatasetId, date: Date, flop: f64) -> Model {
        Model {
            name,
            dataset,
            date,
            flop: Some(flop),
            pfs_days: Some(flop / PFS_DAY),
            upper_bound: false,
            domain: String::new(),
            organization: String::new(),
            confidence: String::new(),
            link: String::new(),
            parameters: None,
            dataset_size: None,
            hardware: String::new(),
            hardware_quantity: None,
            training_hours: None,
            utilization: None,
            digitized: false,
            same_as: None,
        }
    }

    /// The citation shown with the point.
    pub fn citation(&self) -> String {
        self.citation_in(Lang::En)
    }

    /// The citation in `lang` (see [`Model::citation`]).
    pub fn citation_in(&self, lang: Lang) -> String {
        let mut s = self.dataset.source_in(lang).to_string();
        let sep = t(lang, Key::CatalogSep);
        if !self.confidence.is_empty() {
            let c = match self.confidence.as_str() {
                "Confident" => t(lang, Key::CatalogConfidenceConfident),
                "Likely" => t(lang, Key::CatalogConfidenceLikely),
                "Speculative" => t(lang, Key::CatalogConfidenceSpeculative),
                c => c,
            };
            s.push_str(sep);
            s.push_str(&crate::say!(lang, Key::CatalogConfidence, level = c));
        }
        if self.digitized {
            s.push_str(sep);
            s.push_str(t(lang, Key::CatalogDigitized));
        }
        if self.upper_bound {
            s.push_str(sep);
            s.push_str(t(lang, Key::CatalogUpperBound));
        }
        s
    }

    /// The page that backs the point: the paper for Epoch's and the appendix's rows, the
    /// analysis for OpenAI's chart.
    pub fn source_link(&self) -> &str {
        if self.link.is_empty() {
            self.dataset.link()
        } else {
            &self.link
        }
    }
}

const MODELS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/models.tsv"));
const CHIPS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/chips.tsv"));

fn num(s: &str) -> Option<f64> {
    s.parse().ok()
}

/// OpenAI's two sets and the first era, as embedded.
pub(crate) fn builtin_models() -> Vec<Model> {
    let names = ["set", "name", "date", "flop", "pfs_days", "upper_bound", "link", "digitized", "same_as"];
    csv::table(MODELS_TSV, &names)
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
            let mut m = Model::bare(f[1].to_string(), dataset, Date::parse(f[2]).ok()?, 0.0);
            (m.flop, m.pfs_days) = (flop, pfs_days);
            m.upper_bound = f[5] == "1";
            m.link = f[6].to_string();
            m.digitized = f[7] == "1";
            m.same_as = Some(f[8].to_string()).filter(|s| !s.is_empty());
            Some(m)
        })
        .collect()
}

/// Reads Epoch AI's notable-models CSV into points; `base` (OpenAI's sets) names their
/// counterparts.
pub(crate) fn epoch_models(text: &str, base: &[Model]) -> Result<Vec<Model>, String> {
    let rows = crate::catalog::epoch_csv::parse(text)?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let mut m = Model::bare(r.name, DatasetId::Epoch, Date::parse(&r.date).ok()?, r.flop);
            m.same_as = base.iter().find(|b| b.same_as.as_deref() == Some(m.name.as_str())).map(|b| b.name.clone());
            (m.domain, m.organization, m.confidence, m.link, m.hardware) =
                (r.domain, r.organization, r.confidence, r.link, r.hardware);
            (m.parameters, m.dataset_size, m.hardware_quantity) = (r.parameters, r.dataset_size, r.hardware_quantity);
            (m.training_hours, m.utilization) = (r.training_hours, r.utilization);
            Some(m)
        })
        .collect())
}

/// OpenAI's 2018 chips, as embedded.
pub fn openai_chips() -> Vec<Chip> {
    let mut names = vec!["id", "name", "manufacturer", "type", "release"];
    names.extend(Precision::ALL.map(Precision::key));
    names.extend(["link", "note", "tdp_watts", "tdp_source"]);
    csv::table(CHIPS_TSV, &names)
        .map(|f| {
            let text = |i: usize| f[i].to_string();
            Chip {
                id: text(0),
                name: text(1),
                manufacturer: text(2),
                kind: text(3),
                release: text(4),
                peaks: std::array::from_fn(|i| num(f[5 + i])),
                source: Source::OpenAi2018,
                link: text(5 + PEAK_COUNT),
                note: text(6 + PEAK_COUNT),
                tdp_watts: num(f[7 + PEAK_COUNT]),
                tdp_source: text(8 + PEAK_COUNT),
            }
        })
        .collect()
}

/// Reads Epoch AI's "Machine Learning Hardware" CSV into chips.
pub(crate) fn epoch_chips(text: &str) -> Result<Vec<Chip>, String> {
    let rows = crate::catalog::epoch_csv::parse_hardware(text)?;
    Ok(rows
        .into_iter()
        .map(|r| Chip {
            id: r.id,
            name: r.name,
            manufacturer: r.manufacturer,
            kind: r.kind,
            release: r.release,
            peaks: r.peaks,
            source: Source::Epoch,
            link: r.datasheet,
            note: String::new(),
            tdp_watts: r.tdp_watts,
            tdp_source: String::new(),
        })
        .collect())
}
