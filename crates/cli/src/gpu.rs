//! `aicompute gpu`: Method 2, GPU time: chips × peak × time × utilization; with `--flop`, the one
//! of chips, time and utilization left out is solved for; with power, PUE, grid and price, the
//! run's energy, emissions and cost.

use crate::show::run_method;
use crate::{Args, Cmd, Fail, JSON};
use aicompute::calculation::calc::{Calculation, Field};
use aicompute::calculation::field::Command;
use aicompute::catalog::Catalog;
use aicompute::text::i18n::CliKey;

pub const CMD: Cmd =
    Cmd { name: "gpu", fields: Some(Command::Gpu), before: &[], after: &[JSON], notes: &[CliKey::CliUsageGpu], run };

fn run(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &CMD)?;
    let c = a.calculation(Command::Gpu, Calculation::default());
    if c.hardware.trim().is_empty() == c.peak.trim().is_empty() {
        return Err(Fail::Says(CliKey::CliHardwareOrPeak));
    }
    if c.target.trim().is_empty() {
        if c.chips.trim().is_empty() {
            return Err(Fail::Missing { flag: Field::Chips.flag(), why: Some(CliKey::CliWhyChips) });
        }
        if c.time.trim().is_empty() {
            return Err(Fail::Missing { flag: Field::Time.flag(), why: Some(CliKey::CliWhyTime) });
        }
    }
    run_method(&c, cat, true, a.has("--json"))
}
