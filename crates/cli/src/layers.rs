//! `aicompute layers`: the add-multiplies of a layer list, one layer a line; with `--examples`,
//! Method 1 from them.

use crate::show::{estimate_json, outcome_error, print_estimate};
use crate::{lang, Args, Cmd, Fail, Opt, Val, JSON};
use aicompute::calculation::calc::{evaluate, Calculation, Field, Mode, Outcome};
use aicompute::calculation::field::{Command, Need};
use aicompute::catalog::Catalog;
use aicompute::model::layers::{self, Layer};
use aicompute::say;
use aicompute::text::i18n::CliKey;
use aicompute::text::{format, render};
use serde_json::{json, Map, Value as Json};

pub const CMD: Cmd = Cmd {
    name: "layers",
    fields: Some(Command::Layers),
    before: &[Opt { flag: "", value: Val::Name(CliKey::CliValueLayers), need: Need::Required }],
    after: &[JSON],
    notes: &[],
    run,
};

fn run(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &CMD)?;
    let spec = a.positional.join("\n");
    let list = layers::parse(&spec).map_err(|e| Fail::Core { flag: "layers".into(), message: e.message(lang()) })?;
    let total = layers::total_macs(&list);
    let c = a.calculation(Command::Layers, Calculation { mode: Mode::Layers, layers: spec, ..Calculation::default() });
    let estimate = if Field::Examples.get(&c).trim().is_empty() {
        None
    } else {
        match evaluate(&c, cat).method1 {
            Outcome::Done(e) => Some(e),
            o => return Err(outcome_error(&o)),
        }
    };
    if a.has("--json") {
        let mut m = Map::new();
        let rows =
            list.iter().map(|l| json!({"layer": l.text, "macs": l.macs, "repeat": l.repeat, "total": l.total()}));
        m.insert("layers".into(), Json::Array(rows.collect()));
        m.insert("macs".into(), json!(total));
        m.insert("forward_flop".into(), json!(total * 2.0));
        if let Some(e) = &estimate {
            m.extend(estimate_json(e));
        }
        println!("{}", Json::Object(m));
    } else {
        print_layers(&list, total);
        if let Some(e) = &estimate {
            print_estimate(e);
        }
    }
    Ok(())
}

/// One line per layer, then the total.
fn print_layers(list: &[Layer], total: f64) {
    let lang = lang();
    for (i, l) in list.iter().enumerate() {
        let repeat = if l.repeat != 1.0 {
            say!(lang, CliKey::CliLayersRepeat, times = format::exact(l.repeat))
        } else {
            String::new()
        };
        let (n, text, macs) = (format!("{:>2}", i + 1), format!("{:<40}", l.text), render::exact_count(l.macs));
        let macs = format!("{macs:>16}");
        println!("{}", say!(lang, CliKey::CliLayersLine, n = n, layer = text, macs = macs, repeat = repeat));
    }
    let (macs, flop) = (render::exact_count(total), format::readable(total * 2.0, 3, ","));
    println!("{}", say!(lang, CliKey::CliLayersTotal, macs = macs, flop = flop));
}
