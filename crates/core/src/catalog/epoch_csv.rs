//! Epoch AI's "Notable AI Models" (`data/epoch-notable-models.csv`) and "Machine Learning
//! Hardware" (`data/epoch-ml-hardware.csv`) CSVs read into rows. One reader for three uses:
//! `build.rs` validates the files with it (a malformed row stops the build), native builds embed
//! the files and read them on first use, and the page fetches the same files (the models when a
//! user asks for Epoch's data; the hardware just after it starts).

use super::csv;

/// One notable model, as the source gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct EpochRow {
    pub name: String,
    pub domain: String,
    pub organization: String,
    /// YYYY-MM-DD (or YYYY-MM).
    pub date: String,
    pub flop: f64,
    pub parameters: Option<f64>,
    pub dataset_size: Option<f64>,
    pub hardware: String,
    pub hardware_quantity: Option<f64>,
    pub training_hours: Option<f64>,
    pub utilization: Option<f64>,
    /// Confident, Likely, Speculative, or empty.
    pub confidence: String,
    pub link: String,
}

fn num(line: usize, col: &str, s: &str) -> Result<Option<f64>, csv::DataError> {
    csv::number(s).map_err(|e| csv::DataError(format!("line {line}: column {col}: {e}")))
}

/// Reads the whole file; an error names the line and the column.
///
/// # Errors
///
/// A [`csv::DataError`] naming the line (and the column): a malformed CSV, a missing
/// column, a row with no name, no valid date or no compute, or an unknown confidence.
pub fn parse(text: &str) -> Result<Vec<EpochRow>, csv::DataError> {
    let t = csv::Table::parse(text)?;
    let c = |n: &str| t.col(n);
    let (cn, cdom, corg, cd, cf, cpar, cds, chw, chq, cth, cu, cc, cl) = (
        c("model")?,
        c("domain")?,
        c("organization")?,
        c("publication_date")?,
        c("training_compute_flop")?,
        c("parameters")?,
        c("dataset_size_datapoints")?,
        c("training_hardware")?,
        c("hardware_quantity")?,
        c("training_time_hours")?,
        c("hardware_utilization")?,
        c("confidence")?,
        c("link")?,
    );
    let mut out = Vec::with_capacity(t.rows.len());
    for (i, r) in t.rows.iter().enumerate() {
        let line = i + 2;
        if r[cn].trim().is_empty() {
            return Err(csv::DataError(format!("line {line}: no model name")));
        }
        if !csv::is_date(&r[cd]) {
            return Err(csv::DataError(format!("line {line}: '{}' is not a date YYYY-MM[-DD]", r[cd])));
        }
        let flop = num(line, "training_compute_flop", &r[cf])?.ok_or(format!("line {line}: no training compute"))?;
        let confidence = match r[cc].as_str() {
            "" | "Confident" | "Likely" | "Speculative" => r[cc].clone(),
            other => return Err(csv::DataError(format!("line {line}: unknown confidence '{other}'"))),
        };
        out.push(EpochRow {
            name: r[cn].clone(),
            domain: r[cdom].clone(),
            organization: r[corg].clone(),
            date: r[cd].trim().to_string(),
            flop,
            parameters: num(line, "parameters", &r[cpar])?,
            dataset_size: num(line, "dataset_size_datapoints", &r[cds])?,
            hardware: r[chw].clone(),
            hardware_quantity: num(line, "hardware_quantity", &r[chq])?,
            training_hours: num(line, "training_time_hours", &r[cth])?,
            utilization: num(line, "hardware_utilization", &r[cu])?,
            confidence,
            link: r[cl].clone(),
        });
    }
    Ok(out)
}

/// The peak columns of the hardware file, in the order of `hardware::Precision::ALL`.
pub const PEAK_COLUMNS: [&str; 7] =
    ["fp64_flops", "fp32_flops", "tf32_flops", "fp16_flops", "tensor_fp16_bf16_flops", "fp8_flops", "int8_ops"];

/// One accelerator, as the source gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct HardwareRow {
    /// The catalog id: the name in lower case, words joined by '-' ([`slug`]).
    pub id: String,
    pub name: String,
    pub manufacturer: String,
    /// GPU, TPU, ...
    pub kind: String,
    pub release: String,
    /// Peak FLOP/s (ops/s for INT8) per precision, in the order of [`PEAK_COLUMNS`].
    pub peaks: [Option<f64>; 7],
    pub datasheet: String,
    pub tdp_watts: Option<f64>,
}

/// Reads the whole hardware file; an error names the line and the column. Ids are unique.
///
/// # Errors
///
/// A [`csv::DataError`] naming the line (and the column): a malformed CSV, a missing
/// column, a number that is not finite and ≥ 0, an empty or repeated id, or a TDP outside (0, 5000] W.
pub fn parse_hardware(text: &str) -> Result<Vec<HardwareRow>, csv::DataError> {
    let t = csv::Table::parse(text)?;
    let (cn, cm, ct, cr, cds, cw) = (
        t.col("name")?,
        t.col("manufacturer")?,
        t.col("type")?,
        t.col("release_date")?,
        t.col("datasheet")?,
        t.col("tdp_watts")?,
    );
    let peak_cols = PEAK_COLUMNS.map(|c| t.col(c));
    let mut out: Vec<HardwareRow> = Vec::with_capacity(t.rows.len());
    for (i, r) in t.rows.iter().enumerate() {
        let line = i + 2;
        let mut peaks = [None; 7];
        for (k, col) in peak_cols.iter().enumerate() {
            peaks[k] = num(line, PEAK_COLUMNS[k], &r[col.clone()?])?;
        }
        let id = slug(&r[cn]);
        if id.is_empty() || out.iter().any(|o| o.id == id) {
            return Err(csv::DataError(format!("line {line}: duplicate or empty id '{id}'")));
        }
        let tdp_watts = match num(line, "tdp_watts", &r[cw])? {
            Some(w) if !(w > 0.0 && w <= 5000.0) => {
                return Err(csv::DataError(format!("line {line}: tdp_watts {w} is not in (0, 5000] W")))
            }
            w => w,
        };
        // Three chips of the source have no peak figure; they stay listed, and using one says so.
        out.push(HardwareRow {
            id,
            name: r[cn].trim().to_string(),
            manufacturer: r[cm].clone(),
            kind: r[ct].clone(),
            release: r[cr].clone(),
            peaks,
            datasheet: r[cds].clone(),
            tdp_watts,
        });
    }
    Ok(out)
}

/// A chip's id from its name: ASCII letters and digits in lower case, dots kept, anything else
/// one '-' ("NVIDIA H100 SXM5 80GB" -> "nvidia-h100-sxm5-80gb").
pub fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if c == '.' {
            s.push('.');
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
}
