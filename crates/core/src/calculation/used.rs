//! What an empty field stands for: the value the calculation used in its place, with where it
//! came from, shown beside the field, so that a placeholder (only ever a hint) is never read as
//! a value and no grey number differs from the one used.

use crate::calculation::calc::{Evaluation, Label, Mode, Note, Per};
use crate::calculation::field::{Calculation, Field};
use crate::say;
use crate::text::format::{percent, readable, sci};
use crate::text::i18n::{t, Key, Lang};

use crate::catalog::hardware::of_name;

/// Whether an empty `field` means a default (its placeholder then says "default"; other
/// placeholders are examples, written "e.g. …").
pub fn has_default(field: Field) -> bool {
    use Field::*;
    matches!(field, FlopsPerMac | Passes | Epochs | Utilization | Factor | Precision | Power | Pue | Budget)
}

/// The value used for an empty `field`, and its source, in `lang`; `None` when the field is
/// filled in, has no default, or the calculation did not get far enough to use one.
pub fn used(field: Field, c: &Calculation, ev: &Evaluation, lang: Lang) -> Option<String> {
    if field == Field::Target && c.target_from_estimate {
        let flop = ev.method1.estimate()?.flop;
        let from = crate::calculation::estimate::Source::One.from(lang);
        return Some(say!(lang, Key::CalculationUsedFlop, flop = sci(flop.mid(), 3), source = from));
    }
    if !field.get(c).trim().is_empty() || !has_default(field) {
        return None;
    }
    let said = |value: String, key: Key| Some(say!(lang, Key::CalculationUsed, value = value, source = t(lang, key)));
    let m1 = ev.method1.estimate();
    let m2 = ev.method2.estimate();
    match field {
        Field::FlopsPerMac if c.mode != Mode::Params && c.mode != Mode::Transformer && c.per == Per::Mac => {
            m1.map(|_| ())?;
            said("2".into(), Key::UsedFpm)
        }
        Field::Passes if c.mode != Mode::Params => {
            m1.map(|_| ())?;
            said("3".into(), Key::UsedPasses)
        }
        Field::Epochs if matches!(c.mode, Mode::Ops | Mode::Layers) => {
            m1.map(|_| ())?;
            said("1".into(), Key::UsedEpochs)
        }
        Field::Utilization => m2?.notes.iter().find_map(|n| match n {
            Note::DefaultUtilization { value, cpu } => {
                said(percent(*value), if *cpu { Key::UsedUtilCpu } else { Key::UsedUtilGpu })
            }
            _ => None,
        }),
        Field::Factor => {
            m2?;
            said("1".into(), Key::UsedFactor)
        }
        Field::Precision => m2?.notes.iter().find_map(|n| match n {
            Note::Peak { chip, precision, defaulted: true, .. } => {
                let chip = crate::catalog::hardware::chip_name(&chip.name, lang);
                Some(say!(
                    lang,
                    Key::CalculationUsedPrecision,
                    precision = precision.label_in(lang),
                    chip = of_name(lang, &chip)
                ))
            }
            _ => None,
        }),
        Field::Power => match ev.footprint.as_ref()?.as_ref().ok()?.power.as_ref()? {
            (w, crate::run::footprint::PowerFrom::Tdp { chip }) => Some(say!(
                lang,
                Key::CalculationUsedPower,
                power = crate::run::energy::format_power(w.mid()),
                chip = of_name(lang, &crate::catalog::hardware::chip_name(&chip.name, lang)),
                citation = chip.tdp_citation_in(lang)
            )),
            _ => None,
        },
        Field::Pue => {
            let f = ev.footprint.as_ref()?.as_ref().ok()?;
            let d = crate::run::energy::DEFAULT_PUE;
            (f.pue_default && f.power.is_some())
                .then(|| say!(lang, Key::CalculationUsed, value = d.value, source = d.source_in(lang)))
        }
        Field::Budget => {
            let cur = ev.current()?;
            let source = crate::calculation::examples::named(c, cur, lang);
            Some(say!(lang, Key::CalculationUsedFlop, flop = sci(cur.flop.mid(), 3), source = source))
        }
        _ => None,
    }
}

/// The quantity Method 2 solved for from its FLOP target, with its unit ("5.5 days",
/// "2,048 chips", "33%"), for the field left empty.
pub fn solved(ev: &Evaluation, lang: Lang) -> Option<(Field, String)> {
    let e = ev.method2.estimate()?;
    let label = e.solved?;
    let v = e.factor(label)?;
    let (field, text) = match label {
        Label::Chips => (Field::Chips, format!("{} {}", readable(v.mid(), 3, ","), t(lang, Key::UsedChips))),
        Label::Time => (
            Field::Time,
            format!("{} {}", readable(v.mid() / crate::language::units::DAY, 3, ","), t(lang, Key::UnitD)),
        ),
        Label::Utilization => (Field::Utilization, percent(v.mid())),
        _ => return None,
    };
    Some((field, text))
}
