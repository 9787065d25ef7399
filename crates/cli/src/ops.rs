//! `aicompute ops`: Method 1, counting operations: forward operations × FLOP per add-multiply ×
//! passes × examples × epochs.

use crate::show::run_method;
use crate::{opt, Args, Cmd, Fail, Val, JSON};
use aicompute::calculation::calc::{Calculation, Field, Per};
use aicompute::calculation::field::Command;
use aicompute::catalog::Catalog;
use aicompute::text::i18n::CliKey;

pub const CMD: Cmd = Cmd {
    name: "ops",
    fields: Some(Command::Ops),
    before: &[],
    after: &[opt("--per", Val::Words("mac|flop")), JSON],
    notes: &[],
    run,
};

fn run(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &CMD)?;
    let mut c = a.calculation(Command::Ops, Calculation::default());
    c.per = match a.choice("--per", &["mac", "flop"])? {
        None | Some("mac") => Per::Mac,
        Some(_) => Per::Flop,
    };
    for (f, why) in [(Field::Forward, CliKey::CliWhyForward), (Field::Examples, CliKey::CliWhyExamples)] {
        if f.get(&c).trim().is_empty() {
            return Err(Fail::Missing { flag: f.flag(), why: Some(why) });
        }
    }
    run_method(&c, cat, false, a.has("--json"))
}
