//! `aicompute link`: a share link's calculation evaluated (both methods, their comparison, what
//! the link had that was ignored); with `--quiz`, the same link as an exercise.

use crate::show::{estimate_json, field_error, footprint_json, print_estimate};
use crate::{lang, opt, Args, Cmd, Fail, Opt, Val, JSON};
use aicompute::calculation::calc::{evaluate, Calculation, Evaluation, Outcome};
use aicompute::calculation::field::Need;
use aicompute::catalog::Catalog;
use aicompute::formats::share;
use aicompute::language::units;
use aicompute::text::i18n::{colon, t, CliKey};
use aicompute::text::render;
use serde_json::{json, Map, Value as Json};

pub const CMD: Cmd = Cmd {
    name: "link",
    fields: None,
    before: &[Opt { flag: "", value: Val::Name(CliKey::CliValueUrl), need: Need::Required }],
    after: &[opt("--quiz", Val::Switch), JSON],
    notes: &[CliKey::CliUsageLink],
    run,
};

fn run(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &CMD)?;
    let Some(url) = a.positional.first() else { return Err(Fail::Says(CliKey::CliNoUrl)) };
    let d = share::decode(url);
    if a.has("--quiz") {
        // The same calculation as an exercise: the page shows its inputs and asks for the result.
        let base = url.split_once('?').map_or(if url.contains('=') { "" } else { url.as_str() }, |(b, _)| b);
        let link = format!("{base}?{}", share::encode(&Calculation { quiz: true, ..d.calc }));
        match a.has("--json") {
            true => println!("{}", json!({ "link": link })),
            false => println!("{link}"),
        }
        return Ok(());
    }
    let ev = evaluate(&d.calc, cat);
    let ignored: Vec<String> = d.ignored.iter().map(|i| i.message(lang())).collect();
    if a.has("--json") {
        print_json(&ev, ignored);
    } else {
        print_text(&ev, &ignored);
    }
    Ok(())
}

fn print_json(ev: &Evaluation, ignored: Vec<String>) {
    let mut m = Map::new();
    for (key, o) in [("method1", &ev.method1), ("method2", &ev.method2)] {
        let footprint = match &ev.footprint {
            Some(Ok(f)) if key == "method2" => footprint_json(f),
            _ => Map::new(),
        };
        let value = match o {
            Outcome::Done(e) => Json::Object(estimate_json(e).into_iter().chain(footprint).collect()),
            Outcome::Empty => Json::Null,
            Outcome::Invalid(errs) => {
                json!({"errors": errs.iter().map(|e| field_error(e).message(lang())).collect::<Vec<_>>()})
            }
        };
        m.insert(key.into(), value);
    }
    // The first method that has a number is the link's headline figure.
    if let Some(e) = ev.headline() {
        m.insert("flop".into(), json!(e.flop.mid()));
        m.insert("pfs_days".into(), json!(units::pfs_days(e.flop.mid())));
    }
    if let Some(c) = ev.comparison {
        m.insert("ratio".into(), json!(c.ratio));
        m.insert("geometric_mean_flop".into(), json!(c.geometric_mean));
    }
    m.insert("ignored".into(), json!(ignored));
    println!("{}", Json::Object(m));
}

fn print_text(ev: &Evaluation, ignored: &[String]) {
    let lang = lang();
    for i in ignored {
        println!("{}{i}", t(lang, CliKey::CliIgnored));
    }
    let (m1, m2) = (t(lang, CliKey::CliMethod1), t(lang, CliKey::CliMethod2));
    for (name, o) in [(m1, &ev.method1), (m2, &ev.method2)] {
        match o {
            Outcome::Done(e) => {
                println!("{name}{}", colon(lang).trim_end());
                print_estimate(e);
            }
            Outcome::Invalid(errs) => {
                for e in errs {
                    println!("{name}{}{}", colon(lang), field_error(e).message(lang));
                }
            }
            Outcome::Empty => {}
        }
    }
    if let Some(c) = ev.comparison {
        println!("{m1} / {m2} = {}", render::comparison(&c, lang));
    }
}
