//! `aicompute trend`: the doubling time fitted to a selection of the data sets; the selection's
//! options (`--dataset`, `--from`, `--to`, `--bounds`), which `chart` takes too.

use crate::{lang, opt, Args, Cmd, Fail, Opt, Val, JSON};
use aicompute::catalog::data::DatasetId;
use aicompute::catalog::Catalog;
use aicompute::plot::trend;
use aicompute::say;
use aicompute::text::i18n::{colon, t, CliKey};
use aicompute::text::render;
use serde_json::json;

/// The selection's options, as `trend` names them in the help.
pub const SELECTION: [Opt; 4] = [
    opt("--dataset", Val::Words("openai-2018|modest-2018|first-era|epoch|all")),
    opt("--from", Val::Words("YYYY[-MM[-DD]]")),
    opt("--to", Val::Words("...")),
    opt("--bounds", Val::Words("include|exclude")),
];

pub const CMD: Cmd =
    Cmd { name: "trend", fields: None, before: &SELECTION, after: &[JSON], notes: &[CliKey::CliUsageTrend], run };

/// The data selection of `trend` and `chart`: --dataset (default openai-2018), --from, --to,
/// --bounds include|exclude (exclude by default).
pub fn selection(a: &Args) -> Result<trend::Selection, Fail> {
    let lang = lang();
    let sets = trend::Selection::parse_datasets(a.get("--dataset").unwrap_or("openai-2018"))
        .map_err(|e| Fail::Core { flag: "--dataset".into(), message: e.message(lang) })?;
    let mut sel = trend::Selection::of(&sets);
    for (flag, upper) in [("--from", false), ("--to", true)] {
        if let Some(text) = a.get(flag) {
            let b = trend::parse_bound(text, upper)
                .map_err(|e| Fail::Core { flag: flag.into(), message: e.message(lang) })?;
            *(if upper { &mut sel.to } else { &mut sel.from }) = Some(b);
        }
    }
    sel.include_bounds = a.choice("--bounds", &["include", "exclude"])? == Some("include");
    Ok(sel)
}

fn run(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &CMD)?;
    let sel = selection(&a)?;
    let fit = sel.fit(cat).ok_or(Fail::Says(CliKey::CliFewPoints))?;
    let drawn = sel.points(cat).len();
    if a.has("--json") {
        println!(
            "{}",
            json!({
                "doubling_months": fit.doubling_months,
                "doubling_months_low": fit.doubling_months_low,
                "doubling_months_high": fit.doubling_months_high,
                "growth_per_year": fit.growth_per_year,
                "doublings_per_year": fit.slope,
                "r2": fit.r2,
                "points": fit.n,
                "points_drawn": drawn,
                "from": fit.from,
                "to": fit.to,
                "datasets": sel.datasets.iter().map(|d| d.key()).collect::<Vec<_>>(),
                "sources": sel.datasets.iter().map(|d| d.source()).collect::<Vec<_>>(),
                "alexnet_to_alphago_zero": trend::headline_growth(cat).map(|g| json!({
                    "factor": g.factor, "years": g.years, "moore_18_months": g.moore_18, "moore_24_months": g.moore_24,
                })),
            })
        );
        return Ok(());
    }
    let lang = lang();
    println!("{}{}{}", t(lang, CliKey::CliDoublingTime), colon(lang), render::doubling(&fit, lang));
    let span = format!("{:.1}–{:.1}", fit.from, fit.to);
    println!("{}", say!(lang, CliKey::CliPointsDated, span = span));
    if sel.datasets.contains(&DatasetId::OpenAi2018) {
        if let Some(g) = trend::headline_growth(cat) {
            println!("{}", render::growth(&g, lang));
        }
    }
    for d in &sel.datasets {
        println!("{}{}", t(lang, CliKey::CliSource), d.source_in(lang));
    }
    Ok(())
}
