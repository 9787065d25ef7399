//! Epoch AI's "Notable AI Models" CSV (`data/epoch-notable-models.csv`) read into rows. One
//! reader for three uses: `build.rs` validates the file with it (a malformed row stops the
//! build), native builds embed the file and read it on first use, and the page fetches the same
//! file only when a user asks for Epoch's data.

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

fn num(line: usize, col: &str, s: &str) -> Result<Option<f64>, String> {
    csv::number(s).map_err(|e| format!("line {line}: column {col}: {e}"))
}

/// Reads the whole file; an error names the line and the column.
pub fn parse(text: &str) -> Result<Vec<EpochRow>, String> {
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
            return Err(format!("line {line}: no model name"));
        }
        if !csv::is_date(&r[cd]) {
            return Err(format!("line {line}: '{}' is not a date YYYY-MM[-DD]", r[cd]));
        }
        let flop = num(line, "training_compute_flop", &r[cf])?.ok_or(format!("line {line}: no training compute"))?;
        let confidence = match r[cc].as_str() {
            "" | "Confident" | "Likely" | "Speculative" => r[cc].clone(),
            other => return Err(format!("line {line}: unknown confidence '{other}'")),
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
