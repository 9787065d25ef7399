//! Checks the embedded CSV data sets (`data/`) at build time, so a malformed row stops the build
//! with its file and line, and writes OpenAI's sets, the first era and OpenAI's chips as compact
//! tab-separated text with a header row (read back by column name, `csv::table`); generates the
//! string tables from the language files.

// The reader only: the writer half (`cell`) is the app's.
#[allow(dead_code)]
#[path = "src/catalog/csv.rs"]
mod csv;
#[path = "src/catalog/epoch_csv.rs"]
mod epoch_csv;
#[path = "build/strings.rs"]
mod strings;
// The one definition of a petaflop/s-day (its helpers are the app's).
#[allow(dead_code)]
#[path = "src/language/units.rs"]
mod units;

use std::collections::HashSet;
use units::PFS_DAY;

fn main() {
    let files = [
        "data/openai-ai-and-compute-2018.csv",
        "data/openai-modest-compute-2018.csv",
        "data/first-era-1957-2012.csv",
        "data/epoch-notable-models.csv",
        "data/epoch-ml-hardware.csv",
        "data/openai-2018-hardware.csv",
        "data/same-model.csv",
    ];
    for f in files {
        println!("cargo:rerun-if-changed={f}");
    }
    println!("cargo:rerun-if-changed=src/catalog/csv.rs");
    println!("cargo:rerun-if-changed=src/catalog/epoch_csv.rs");
    println!("cargo:rerun-if-changed=src/language/units.rs");
    let out = std::env::var("OUT_DIR").unwrap();
    for code in strings::LANGS {
        println!("cargo:rerun-if-changed=lang/{code}.txt");
    }
    println!("cargo:rerun-if-changed=build/strings.rs");
    if let Err(e) = strings::generate(&out) {
        panic!("language file error: {e}");
    }
    let (mut models, mut chips) = (String::new(), String::new());
    if let Err(e) = generate(&mut models, &mut chips) {
        panic!("data error: {e}");
    }
    std::fs::write(format!("{out}/models.tsv"), models).unwrap();
    std::fs::write(format!("{out}/chips.tsv"), chips).unwrap();
    match chip_usage() {
        Ok(text) => std::fs::write(format!("{out}/chip-usage.tsv"), text).unwrap(),
        Err(e) => panic!("data error: {e}"),
    }
}

/// How many notable models name each chip as their training hardware: `name\tcount` lines,
/// most used first (hardware.rs takes the most used of several chips a name fits).
fn chip_usage() -> Result<String, String> {
    let t = read("data/epoch-notable-models.csv")?;
    let col = t.col("training_hardware")?;
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for r in &t.rows {
        for h in r[col].split(',').map(str::trim).filter(|h| !h.is_empty()) {
            *counts.entry(h.to_string()).or_default() += 1;
        }
    }
    let mut list: Vec<_> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = String::from("name\tcount\n");
    out.extend(list.into_iter().map(|(n, k)| format!("{n}\t{k}\n")));
    Ok(out)
}

fn read(path: &str) -> Result<csv::Table, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    csv::Table::parse(&text).map_err(|e| format!("{path}: {e}"))
}

fn num(path: &str, line: usize, col: &str, s: &str) -> Result<Option<f64>, String> {
    csv::number(s).map_err(|e| format!("{path}:{line}: column {col}: {e}"))
}

/// A board power in watts: empty, or a number in (0, 5000] (no accelerator draws more).
fn watts(path: &str, line: usize, s: &str) -> Result<Option<f64>, String> {
    match num(path, line, "tdp_watts", s)? {
        Some(w) if !(w > 0.0 && w <= 5000.0) => Err(format!("{path}:{line}: tdp_watts {w} is not in (0, 5000] W")),
        w => Ok(w),
    }
}

fn date(path: &str, line: usize, s: &str) -> Result<String, String> {
    if csv::is_date(s) {
        Ok(s.trim().to_string())
    } else {
        Err(format!("{path}:{line}: '{s}' is not a date YYYY-MM[-DD]"))
    }
}

/// The shortest exact text of a number ("9.4e13", not "94000000000000.0"); empty for none.
fn opt(v: Option<f64>) -> String {
    match v {
        Some(x) => {
            let (plain, sci) = (format!("{x}"), format!("{x:e}"));
            if plain.len() <= sci.len() {
                plain
            } else {
                sci
            }
        }
        None => String::new(),
    }
}

/// The columns of models.tsv (its header row; `data.rs` reads them by these names).
const MODEL_COLUMNS: [&str; 9] =
    ["set", "name", "date", "flop", "pfs_days", "upper_bound", "link", "digitized", "same_as"];
/// The columns of chips.tsv: the peaks are named by the precisions' keys.
const CHIP_COLUMNS: [&str; 16] = [
    "id",
    "name",
    "manufacturer",
    "type",
    "release",
    "fp64",
    "fp32",
    "tf32",
    "fp16",
    "bf16",
    "fp8",
    "int8",
    "link",
    "note",
    "tdp_watts",
    "tdp_source",
];

/// One TSV line; a field holding a tab or a newline is a data error.
fn tsv(out: &mut String, fields: &[&str]) -> Result<(), String> {
    if let Some(f) = fields.iter().find(|f| f.contains(['\t', '\n', '\r'])) {
        return Err(format!("a field holds a tab or a line break: {f:?}"));
    }
    out.push_str(&fields.join("\t"));
    out.push('\n');
    Ok(())
}

/// A point of OpenAI's sets or the first era (Epoch AI's own rows are read at run time).
struct Row {
    name: String,
    /// o (OpenAI 2018), m (modest compute), f (first era).
    code: &'static str,
    date: String,
    flop: Option<f64>,
    pfs: Option<f64>,
    upper: bool,
    link: String,
    digitized: bool,
}

fn blank(name: &str, code: &'static str, date: String) -> Row {
    Row {
        name: name.to_string(),
        code,
        date,
        flop: None,
        pfs: None,
        upper: false,
        link: String::new(),
        digitized: false,
    }
}

/// OpenAI's 15 results (pfs-days).
fn openai_rows(rows: &mut Vec<Row>) -> Result<(), String> {
    let p = "data/openai-ai-and-compute-2018.csv";
    let t = read(p)?;
    let (cn, cd, cp) = (t.col("result")?, t.col("publication_date")?, t.col("pfs_days")?);
    for (i, r) in t.rows.iter().enumerate() {
        let line = i + 2;
        let mut row = blank(&r[cn], "o", date(p, line, &r[cd])?);
        row.pfs = num(p, line, "pfs_days", &r[cp])?;
        if row.pfs.is_none() {
            return Err(format!("{p}:{line}: no value"));
        }
        rows.push(row);
    }

    Ok(())
}

/// OpenAI's appendix of modest-compute results, with their bounds.
fn modest_rows(rows: &mut Vec<Row>) -> Result<(), String> {
    let p = "data/openai-modest-compute-2018.csv";
    let t = read(p)?;
    let (cn, cm, cp, cb, ca) =
        (t.col("result")?, t.col("month")?, t.col("pfs_days")?, t.col("bound")?, t.col("arxiv")?);
    for (i, r) in t.rows.iter().enumerate() {
        let line = i + 2;
        let mut row = blank(&r[cn], "m", date(p, line, &r[cm])?);
        row.pfs = num(p, line, "pfs_days", &r[cp])?;
        row.upper = match r[cb].as_str() {
            "upper" => true,
            "estimate" => false,
            other => return Err(format!("{p}:{line}: bound '{other}' is neither upper nor estimate")),
        };
        row.link = r[ca].clone();
        rows.push(row);
    }

    Ok(())
}

/// Epoch AI's first era, 1957–2012 (FLOP and pfs-days, checked against each other).
fn first_era_rows(rows: &mut Vec<Row>) -> Result<(), String> {
    let p = "data/first-era-1957-2012.csv";
    let t = read(p)?;
    let (cn, cd, cf, cp, cg) = (
        t.col("epoch_model")?,
        t.col("publication_date")?,
        t.col("flop")?,
        t.col("pfs_days")?,
        t.col("digitized_from_openai_chart")?,
    );
    for (i, r) in t.rows.iter().enumerate() {
        let line = i + 2;
        let mut row = blank(&r[cn], "f", date(p, line, &r[cd])?);
        row.flop = num(p, line, "flop", &r[cf])?;
        row.pfs = num(p, line, "pfs_days", &r[cp])?;
        if let (Some(f), Some(pf)) = (row.flop, row.pfs) {
            if ((f / PFS_DAY) / pf - 1.0).abs() > 1e-3 {
                return Err(format!("{p}:{line}: flop and pfs_days disagree"));
            }
        }
        row.digitized = match r[cg].as_str() {
            "True" => true,
            "False" => false,
            other => return Err(format!("{p}:{line}: '{other}' is not True or False")),
        };
        rows.push(row);
    }

    Ok(())
}

/// Same-model links between OpenAI's sets and Epoch AI's notable models (validated here; the
/// models themselves are read at run time).
fn same_models(rows: &[Row]) -> Result<Vec<(String, String)>, String> {
    // Epoch AI's notable models are read at run time (embedded natively, fetched by the page on
    // demand); here they are only validated, and their names kept for the same-model links.
    let p = "data/epoch-notable-models.csv";
    let text = std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"))?;
    let epoch_names: Vec<String> =
        epoch_csv::parse(&text).map_err(|e| format!("{p}: {e}"))?.into_iter().map(|r| r.name).collect();

    // Same-model links between OpenAI's sets and Epoch's.
    let p = "data/same-model.csv";
    let t = read(p)?;
    let (co, ce) = (t.col("openai_name")?, t.col("epoch_name")?);
    let mut same: Vec<(String, String)> = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        let line = i + 2;
        if !rows.iter().any(|x| x.name == r[co]) {
            return Err(format!("{p}:{line}: no OpenAI result named '{}'", r[co]));
        }
        if !epoch_names.contains(&r[ce]) {
            return Err(format!("{p}:{line}: no Epoch model named '{}'", r[ce]));
        }
        same.push((r[co].clone(), r[ce].clone()));
    }

    Ok(same)
}

/// OpenAI's 2018 chip figures, with datasheet TDPs.
fn openai_chips(chips: &mut String, ids: &mut HashSet<String>) -> Result<(), String> {
    // OpenAI's own figures only: Epoch's catalog is read at run time.
    tsv(chips, &CHIP_COLUMNS)?;
    let p = "data/openai-2018-hardware.csv";
    let t = read(p)?;
    let (ci, cn, ct, cf, cu) = (t.col("id")?, t.col("name")?, t.col("type")?, t.col("fp32_flops")?, t.col("used_in")?);
    let (cw, cws) = (t.col("tdp_watts")?, t.col("tdp_source")?);
    for (i, r) in t.rows.iter().enumerate() {
        let line = i + 2;
        let fp32 = num(p, line, "fp32_flops", &r[cf])?.ok_or(format!("{p}:{line}: no fp32"))?;
        let tdp = opt(Some(watts(p, line, &r[cw])?.ok_or(format!("{p}:{line}: no tdp_watts"))?));
        if r[cws].trim().is_empty() {
            return Err(format!("{p}:{line}: tdp_watts has no tdp_source"));
        }
        if !ids.insert(r[ci].clone()) {
            return Err(format!("{p}:{line}: duplicate id {}", r[ci]));
        }
        let note = format!("used in: {}", r[cu]);
        let fp32 = opt(Some(fp32));
        tsv(
            chips,
            &[
                &r[ci],
                &r[cn],
                "NVIDIA",
                &r[ct],
                "",
                "",
                &fp32,
                "",
                "",
                "",
                "",
                "",
                "https://openai.com/index/ai-and-compute/",
                &note,
                &tdp,
                r[cws].trim(),
            ],
        )?;
    }
    Ok(())
}

/// Epoch AI's ML hardware catalog.
/// Epoch AI's hardware is read at run time (the page fetches it; native builds embed it), by the
/// same reader: here it is only checked, and its ids must not collide with OpenAI's.
fn check_epoch_chips(ids: &HashSet<String>) -> Result<(), String> {
    let p = "data/epoch-ml-hardware.csv";
    let text = std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"))?;
    let rows = epoch_csv::parse_hardware(&text).map_err(|e| format!("{p}: {e}"))?;
    match rows.iter().find(|r| ids.contains(&r.id)) {
        Some(r) => Err(format!("{p}: id {} is also one of OpenAI's chips", r.id)),
        None => Ok(()),
    }
}

fn generate(models: &mut String, chips: &mut String) -> Result<(), String> {
    let mut rows: Vec<Row> = Vec::new();
    openai_rows(&mut rows)?;
    modest_rows(&mut rows)?;
    first_era_rows(&mut rows)?;
    let same = same_models(&rows)?;
    // FLOP for the first era, pfs-days for OpenAI's sets (their own unit; the reader derives the
    // other); the same model in Epoch's set.
    tsv(models, &MODEL_COLUMNS)?;
    for r in &rows {
        let same_as =
            same.iter().find(|(o, _)| r.code != "f" && *o == r.name).map(|(_, e)| e.clone()).unwrap_or_default();
        let b = |x: bool| if x { "1" } else { "" };
        let (flop, pfs) = if r.code == "f" { (opt(r.flop), String::new()) } else { (String::new(), opt(r.pfs)) };
        tsv(models, &[r.code, &r.name, &r.date, &flop, &pfs, b(r.upper), &r.link, b(r.digitized), &same_as])?;
    }

    let mut ids = HashSet::new();
    openai_chips(chips, &mut ids)?;
    check_epoch_chips(&ids)
}
