//! The catalog as one value: the chips (OpenAI's 2018 figures, then Epoch AI's hardware once
//! loaded) and the data sets (OpenAI's sets and the first era, Epoch AI's notable models once
//! loaded, the user's imported rows), owned, passed to whatever reads them. The CLI embeds Epoch AI's
//! files ([`Catalog::full`]); the page starts with [`Catalog::builtin`] and installs
//! what it fetches.

use crate::catalog::data::{self, DatasetId, Model};
use crate::catalog::hardware::{self, Chip, HardwareError, Precision, Resolved};
use crate::catalog::import::{self, ImportError, ImportFailure, ImportSummary, ImportedRow};
use crate::catalog::load::LoadError;

/// Where Epoch AI's hardware stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hardware {
    /// Not yet had (the page fetches it as soon as it starts).
    Pending,
    Loaded,
    /// The fetch failed.
    Failed(LoadError),
}

/// The chips and the data points.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    chips: Vec<Chip>,
    hardware: Hardware,
    base: Vec<Model>,
    epoch: Option<Vec<Model>>,
    imported: Vec<Model>,
}

impl Catalog {
    /// What is embedded in every build: OpenAI's chips and sets and the first era.
    pub fn builtin() -> Catalog {
        Catalog {
            chips: data::openai_chips(),
            hardware: Hardware::Pending,
            base: data::builtin_models(),
            epoch: None,
            imported: Vec::new(),
        }
    }

    /// The built-in catalog with Epoch AI's models and hardware, embedded (the CLI and the tests;
    /// the page does not call it, so its wasm holds neither file, and fetches them instead).
    pub fn full() -> Catalog {
        let mut c = Catalog::builtin();
        // Validated by build.rs, so reading them cannot fail.
        let _ = c.install_epoch(include_str!("../../data/epoch-notable-models.csv"));
        let _ = c.install_hardware(include_str!("../../data/epoch-ml-hardware.csv"));
        c
    }

    /// The chips: OpenAI's 2018 figures, then Epoch AI's hardware where it is loaded.
    pub fn chips(&self) -> &[Chip] {
        &self.chips
    }

    /// Whether Epoch AI's hardware is in [`Catalog::chips`].
    pub fn hardware_loaded(&self) -> bool {
        self.hardware == Hardware::Loaded
    }

    /// Why Epoch AI's hardware could not be loaded, if it could not.
    pub fn hardware_failure(&self) -> Option<LoadError> {
        match self.hardware {
            Hardware::Failed(e) => Some(e),
            _ => None,
        }
    }

    /// Records why Epoch AI's hardware could not be loaded (the page's fetch failed).
    pub fn hardware_failed(&mut self, reason: LoadError) {
        if !self.hardware_loaded() {
            self.hardware = Hardware::Failed(reason);
        }
    }

    /// Reads Epoch AI's "Machine Learning Hardware" CSV and adds it to [`Catalog::chips`].
    /// Idempotent; returns how many chips the catalog has.
    ///
    /// # Errors
    ///
    /// A [`super::csv::DataError`] naming the line and the column where Epoch AI's file does
    /// not read as its hardware CSV; the catalog is then left as it was.
    pub fn install_hardware(&mut self, text: &str) -> Result<usize, super::csv::DataError> {
        if !self.hardware_loaded() {
            self.chips.extend(data::epoch_chips(text)?);
            self.hardware = Hardware::Loaded;
        }
        Ok(self.chips.len())
    }

    /// Finds the chip a typed name means (see [`hardware::resolve_in`]); while Epoch AI's
    /// hardware is still to come (or failed), only an exact id or name answers.
    ///
    /// # Errors
    ///
    /// As [`hardware::resolve_in`]: a [`HardwareError`] for an empty, too long or unmatched
    /// query, or while Epoch AI's hardware is still to come for a name that is not exact.
    pub fn resolve(&self, query: &str, precision: Option<Precision>) -> Result<Resolved<'_>, HardwareError> {
        let pending = match self.hardware {
            Hardware::Loaded => None,
            Hardware::Pending => Some(HardwareError::Loading),
            Hardware::Failed(reason) => Some(HardwareError::Unavailable { reason }),
        };
        hardware::resolve_in(&self.chips, pending, query, precision)
    }

    /// Finds a chip by id or name (see [`Catalog::resolve`]).
    ///
    /// # Errors
    ///
    /// As [`Catalog::resolve`].
    pub fn lookup(&self, query: &str) -> Result<&Chip, HardwareError> {
        self.resolve(query, None).map(|r| r.chip)
    }

    /// Chips whose name or id contains every word of the query, OpenAI's figures first.
    pub fn search(&self, query: &str) -> Vec<&Chip> {
        hardware::search_in(&self.chips, query)
    }

    /// The chip whose name is `name`.
    pub fn chip_by_name(&self, name: &str) -> Option<&Chip> {
        self.chips.iter().find(|c| c.name == name)
    }

    /// Every loaded data point, in the order of the sets: OpenAI 2018, modest compute, first era,
    /// Epoch AI (where loaded), the user's imported rows.
    pub fn models(&self) -> impl Iterator<Item = &Model> + Clone {
        self.base.iter().chain(self.epoch().unwrap_or(&[])).chain(&self.imported)
    }

    /// The points of one data set.
    pub fn dataset(&self, id: DatasetId) -> impl Iterator<Item = &Model> + Clone {
        self.models().filter(move |m| m.dataset == id)
    }

    /// The point of set `set` named `name`.
    pub fn model(&self, set: DatasetId, name: &str) -> Option<&Model> {
        self.dataset(set).find(|m| m.name == name)
    }

    /// The same model in the other source, if it is there.
    pub fn counterpart(&self, m: &Model) -> Option<&Model> {
        let other = m.same_as.as_deref()?;
        let epoch = m.dataset == DatasetId::Epoch;
        self.models().find(|x| x.name == other && (x.dataset == DatasetId::Epoch) != epoch)
    }

    /// Epoch AI's notable models, where they are loaded.
    pub fn epoch(&self) -> Option<&[Model]> {
        self.epoch.as_deref()
    }

    /// Reads Epoch AI's notable-models CSV and makes it part of [`Catalog::models`].
    /// Idempotent; returns how many models the set has.
    ///
    /// # Errors
    ///
    /// A [`super::csv::DataError`] naming the line and the column where Epoch AI's file does
    /// not read as its notable-models CSV; the catalog is then left as it was.
    pub fn install_epoch(&mut self, text: &str) -> Result<usize, super::csv::DataError> {
        if self.epoch.is_none() {
            self.epoch = Some(data::epoch_models(text, &self.base)?);
        }
        Ok(self.epoch.as_ref().map_or(0, Vec::len))
    }

    /// The imported rows, as the data set [`DatasetId::Imported`] (empty until
    /// [`Catalog::install_imported`]).
    pub fn imported(&self) -> &[Model] {
        &self.imported
    }

    /// Imports `text` and makes its rows the [`DatasetId::Imported`] set, replacing any before.
    /// When no row can be read the set is left as it was and the error is what stopped the
    /// reading (no header, an empty file) or [`ImportError::NoRows`] with each row's problem.
    ///
    /// # Errors
    ///
    /// An [`ImportFailure`]: what stopped the reading (no header, an empty file), or
    /// [`ImportError::NoRows`] with each row's problem when no row could be read.
    pub fn install_imported(&mut self, text: &str) -> Result<ImportSummary, ImportFailure> {
        self.install_import(import::import(text))
    }

    /// Makes the rows of a finished import the [`DatasetId::Imported`] set (see
    /// [`Catalog::install_imported`]).
    ///
    /// # Errors
    ///
    /// As [`Catalog::install_imported`].
    pub fn install_import(&mut self, imp: import::Imported) -> Result<ImportSummary, ImportFailure> {
        let stop = imp.problems.iter().find(|p| matches!(p.kind, ImportError::Empty | ImportError::Header { .. }));
        if let (true, Some(p)) = (imp.rows.is_empty(), stop) {
            return Err(ImportFailure { error: p.kind.clone(), problems: Vec::new() });
        }
        let installed = self
            .install_imported_rows(&imp.rows)
            .map_err(|error| ImportFailure { error, problems: imp.problems.clone() })?;
        Ok(ImportSummary {
            installed,
            skipped_no_compute: imp.skipped_no_compute,
            problems: imp.problems,
            columns: imp.columns,
        })
    }

    /// Makes `rows` the [`DatasetId::Imported`] set; returns how many. An empty list is an
    /// error (the set is then left as it was).
    ///
    /// # Errors
    ///
    /// [`ImportError::NoRows`] for an empty list.
    pub fn install_imported_rows(&mut self, rows: &[ImportedRow]) -> Result<usize, ImportError> {
        if rows.is_empty() {
            return Err(ImportError::NoRows);
        }
        self.imported = rows.iter().map(import::model).collect();
        Ok(rows.len())
    }

    /// Empties the [`DatasetId::Imported`] set.
    pub fn clear_imported(&mut self) {
        self.imported = Vec::new();
    }
}
