//! `aicompute params`: Method 1 for dense transformers, 6 × parameters × tokens.

use crate::show::run_method;
use crate::{Args, Cmd, Fail, JSON};
use aicompute::calculation::calc::{Calculation, Field, Mode};
use aicompute::calculation::field::{Command, Need};
use aicompute::catalog::Catalog;

pub const CMD: Cmd =
    Cmd { name: "params", fields: Some(Command::Params), before: &[], after: &[JSON], notes: &[], run };

fn run(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &CMD)?;
    let c = a.calculation(Command::Params, Calculation { mode: Mode::Params, ..Calculation::default() });
    for (f, need) in Field::of(Command::Params) {
        if need == Need::Required && f.get(&c).trim().is_empty() {
            return Err(Fail::Missing { flag: f.flag(), why: None });
        }
    }
    run_method(&c, cat, false, a.has("--json"))
}
