//! `aicompute hardware`: the chip catalog, or the chips a query finds, with their peaks and
//! sources.

use crate::{clip, lang, Args, Cmd, Fail, Opt, Val, JSON};
use aicompute::calculation::field::Need;
use aicompute::catalog::hardware::{self, Chip};
use aicompute::catalog::Catalog;
use aicompute::text::format;
use aicompute::text::i18n::{t, CliKey};
use serde_json::{json, Map, Value as Json};

pub const CMD: Cmd = Cmd {
    name: "hardware",
    fields: None,
    before: &[Opt { flag: "", value: Val::Name(CliKey::CliValueQuery), need: Need::Optional }],
    after: &[JSON],
    notes: &[],
    run,
};

fn run(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &CMD)?;
    let lang = lang();
    let q = a.positional.join(" ");
    let chips = if q.is_empty() { cat.chips().iter().collect() } else { cat.search(&q) };
    if chips.is_empty() {
        // The core's words: a name too long to be a chip's, or no chip of that name.
        let e = match cat.lookup(&q) {
            Err(e) => e,
            Ok(_) => hardware::HardwareError::NoMatch { query: clip(&q) },
        };
        return Err(Fail::CoreAlone(e.message(lang)));
    }
    if a.has("--json") {
        println!("{}", Json::Array(chips.iter().map(|c| chip_json(c)).collect()));
    } else {
        for c in chips {
            let peaks: Vec<String> = c
                .precisions()
                .iter()
                .map(|p| format!("{} {}", p.key(), format::sci(c.peak(*p).unwrap_or(0.0), 3)))
                .collect();
            println!(
                "{:<40} {}\n    {}\n    {}{}",
                c.id,
                c.name_in(lang),
                if peaks.is_empty() { t(lang, CliKey::CliNoPeak).to_string() } else { peaks.join(", ") },
                t(lang, CliKey::CliSource),
                c.citation_in(lang)
            );
        }
    }
    Ok(())
}

fn chip_json(c: &Chip) -> Json {
    let peaks: Map<String, Json> = c.precisions().iter().map(|p| (p.key().to_string(), json!(c.peak(*p)))).collect();
    json!({"id": c.id, "name": c.name, "manufacturer": c.manufacturer, "type": c.kind, "release": c.release,
           "peaks": peaks, "default_precision": c.default_precision().map(|p| p.key()), "source": c.citation()})
}
