//! `aicompute transformer`: a transformer's parameters and training FLOP per token, from its shape
//! (the transformer tab's fields) or a `config.json`, and with `--tokens` its training FLOP. The
//! flags fill a [`Calculation`] as the page's tab does; the core evaluates it.

use crate::files::read_text;
use crate::show::{field_error, outcome_error, value};
use crate::{lang, opt, Args, Cmd, Fail, Val, JSON};
use aicompute::calculation::calc::{evaluate, Calculation, Field, FieldError, Lang, Mode, Outcome, Problem};
use aicompute::calculation::field::Command;
use aicompute::catalog::Catalog;
use aicompute::language::units;
use aicompute::model::architecture::{self, Resolved};
use aicompute::model::transformer::{self, Convention, Counts};
use aicompute::say;
use aicompute::text::i18n::{colon, t, CliKey};
use aicompute::text::{format, render};
use serde_json::{json, Map, Value as Json};

pub const CMD: Cmd = Cmd {
    name: "transformer",
    fields: Some(Command::Transformer),
    before: &[opt("--config", Val::Name(CliKey::CliValueFile))],
    after: &[JSON],
    notes: &[CliKey::CliUsageTransformer],
    run,
};

/// A field's error as the CLI says it: a missing dimension as "--vocab: missing", a shape that
/// does not hold together after the flag it is about ("--layers: must be at least 1").
fn shape_error(e: &FieldError) -> Fail {
    match &e.problem {
        Problem::Empty => Fail::Missing { flag: e.field.flag(), why: None },
        Problem::Shape { error, .. } => Fail::Core { flag: e.field.flag().into(), message: error.detail(lang()) },
        _ => field_error(e),
    }
}

/// The architecture of a `config.json` written into the tab's fields, with what was read.
fn config(c: &mut Calculation, path: &str) -> Result<Vec<String>, Fail> {
    let text = read_text("--config", path)?;
    let fail = |message: String| Fail::Core { flag: "--config".into(), message };
    let j = aicompute::model::json::parse(&text).map_err(|e| fail(e.message(lang())))?;
    let (arch, used) = transformer::from_config(&j).map_err(|e| fail(e.message(lang())))?;
    for (f, v) in architecture::fields_of(&arch) {
        *f.get_mut(c) = v;
    }
    Ok(used.iter().map(|u| u.message(lang())).collect())
}

fn run(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &CMD)?;
    let lang = lang();
    let mut c = a.calculation(Command::Transformer, Calculation { mode: Mode::Transformer, ..Calculation::default() });
    let read = a.get("--config").map(|path| config(&mut c, path)).transpose()?;
    let ev = evaluate(&c, cat);
    let r = match &ev.transformer {
        Some(Ok(r)) => r,
        Some(Err(errors)) => return Err(shape_error(&errors[0])),
        None => return Err(Fail::Missing { flag: Field::TLayers.flag(), why: None }),
    };
    let notes = read.unwrap_or_else(|| {
        r.assumptions.iter().map(|n| say!(lang, CliKey::CliAssumed, note = n.message(lang))).collect()
    });
    let tokens = value(&c, Field::TTokens)?;
    let run = match (tokens, &ev.method1) {
        (None, _) => None,
        (Some(t), Outcome::Done(_)) => {
            let flop = r
                .counts
                .flop(t)
                .map_err(|e| Fail::Core { flag: Field::TTokens.flag().into(), message: e.detail(lang) })?;
            Some((t, flop))
        }
        (Some(_), o) => return Err(outcome_error(o)),
    };
    if a.has("--json") {
        print_json(&r.counts, run, &notes);
    } else {
        print_text(r, run, &notes, lang);
    }
    Ok(())
}

fn print_json(c: &Counts, run: Option<(f64, f64)>, notes: &[String]) {
    let mut m = Map::new();
    m.insert("parameters".into(), json!(c.parameters));
    m.insert("parameters_active".into(), json!(c.parameters_active));
    m.insert("non_embedding".into(), json!(c.non_embedding));
    m.insert("embedding".into(), json!(c.embedding));
    m.insert("flop_per_token".into(), json!(c.flop_per_token));
    m.insert("attention_flop_per_token".into(), json!(c.attention_flop_per_token));
    m.insert("convention".into(), json!(format!("{:?}", c.convention).to_lowercase()));
    if let Some((t, f)) = run {
        m.insert("tokens".into(), json!(t));
        m.insert("flop".into(), json!(f));
        m.insert("pfs_days".into(), json!(units::pfs_days(f)));
        m.insert("tokens_per_parameter".into(), json!(t / c.parameters));
    }
    m.insert("notes".into(), json!(notes));
    println!("{}", Json::Object(m));
}

fn print_text(r: &Resolved, run: Option<(f64, f64)>, notes: &[String], lang: Lang) {
    let (arch, c) = (&r.arch, &r.counts);
    let n = |v: f64| format::readable(v, 4, ",");
    let shape = say!(
        lang,
        CliKey::CliTransformerShape,
        layers = arch.layers,
        d_model = arch.d_model,
        heads = arch.heads,
        head_dim = arch.head_dim,
        kv_heads = arch.kv_heads
    );
    println!("{shape}");
    let line = |key: CliKey, v: String| println!("{}{}{v}", t(lang, key), colon(lang));
    let exact = |v: f64| say!(lang, CliKey::CliTransformerExact, exact = render::exact_count(v), readable = n(v));
    line(CliKey::CliTransformerParameters, exact(c.parameters));
    if arch.experts > 0 {
        line(CliKey::CliTransformerActive, exact(c.parameters_active));
    }
    line(CliKey::CliTransformerEmbedding, exact(c.embedding));
    let six = match c.convention {
        Convention::Kaplan => c.non_embedding_active,
        Convention::Palm => c.parameters_active,
    };
    let (attention, total) = (n(c.attention_flop_per_token), n(c.flop_per_token));
    let per_token = say!(lang, CliKey::CliTransformerSum, n = n(six), attention = attention, total = total);
    line(CliKey::CliTransformerPerToken, per_token);
    if let Some((tokens, flop)) = run {
        let (per, days) = (n(c.flop_per_token), n(units::pfs_days(flop)));
        println!(
            "{}",
            say!(lang, CliKey::CliTransformerRun, per = per, tokens = n(tokens), flop = n(flop), days = days)
        );
    }
    for note in notes {
        println!("{}{note}", t(lang, CliKey::CliNote));
    }
}
