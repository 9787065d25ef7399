//! `aicompute examples`: the worked examples, each with its exact figure beside the published one.

use crate::{lang, Args, Cmd, Fail, JSON};
use aicompute::calculation::examples::{self, Example};
use aicompute::catalog::Catalog;
use aicompute::formats::share;
use aicompute::language::units;
use aicompute::say;
use aicompute::text::format;
use aicompute::text::i18n::{t, CliKey, Lang};
use serde_json::{json, Map, Value as Json};

pub const CMD: Cmd = Cmd { name: "examples", fields: None, before: &[], after: &[JSON], notes: &[], run };

fn run(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &CMD)?;
    let mut list = Vec::new();
    for ex in examples::EXAMPLES {
        let exact = ex.exact_flop(cat).ok_or(Fail::ExampleBroken(ex.id))?;
        if a.has("--json") {
            list.push(example_json(ex, exact, cat));
        } else {
            let differs = if ex.differs(cat) { t(lang(), CliKey::CliExampleDiffers) } else { "" };
            let (e, p) =
                (format::readable(units::pfs_days(exact), 3, ","), format::readable(ex.published_pfs_days, 3, ","));
            let line = say!(lang(), CliKey::CliExampleLine, exact = e, published = p);
            println!("{:<18} {line}  {}{differs}", ex.id, ex.display_name(lang()));
        }
    }
    if a.has("--json") {
        println!("{}", Json::Array(list));
    }
    Ok(())
}

fn example_json(ex: &Example, exact: f64, cat: &Catalog) -> Json {
    let inputs: Map<String, Json> =
        ex.inputs.iter().map(|(f, v)| (f.flag().trim_start_matches("--").to_string(), json!(v))).collect();
    json!({
        "id": ex.id, "name": ex.display_name(Lang::En), "seed": ex.seed,
        "method": format!("{:?}", ex.method).to_lowercase(),
        "inputs": inputs,
        "flop": exact, "pfs_days": units::pfs_days(exact),
        "published_pf": ex.published_pf, "published_pfs_days": ex.published_pfs_days,
        "differs": ex.differs(cat), "printed": ex.printed_in(Lang::En), "source": ex.source_in(Lang::En),
        "link": format!("?{}", share::encode(&ex.calculation())),
    })
}
