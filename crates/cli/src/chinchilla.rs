//! `aicompute chinchilla`: Chinchilla's compute-optimal model for a compute budget (the planner's
//! budget field), 20 tokens per parameter.

use crate::show::{field_error, needed};
use crate::{lang, Args, Cmd, Fail, JSON};
use aicompute::calculation::calc::{evaluate, Calculation, Field};
use aicompute::calculation::field::Command;
use aicompute::catalog::Catalog;
use aicompute::planning::plan;
use aicompute::say;
use aicompute::text::format;
use aicompute::text::i18n::CliKey;
use serde_json::json;

pub const CMD: Cmd =
    Cmd { name: "chinchilla", fields: Some(Command::Chinchilla), before: &[], after: &[JSON], notes: &[], run };

fn run(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &CMD)?;
    let c = a.calculation(Command::Chinchilla, Calculation::default());
    needed(&c, Field::Budget)?;
    let (compute, n) = match plan::plan(&c, &evaluate(&c, cat)).chinchilla {
        Some(Ok(found)) => found,
        Some(Err(e)) => return Err(field_error(&e)),
        None => return Err(Fail::Missing { flag: Field::Budget.flag(), why: None }),
    };
    if a.has("--json") {
        println!(
            "{}",
            json!({"compute": compute, "parameters": n.parameters, "tokens": n.tokens, "tokens_per_parameter": 20.0})
        );
    } else {
        let r = |v: f64| format::readable(v, 3, ",");
        println!("{}", say!(lang(), CliKey::CliChinchillaParameters, compute = r(compute), n = r(n.parameters)));
        println!("{}", say!(lang(), CliKey::CliChinchillaTokens, d = r(n.tokens)));
    }
    Ok(())
}
