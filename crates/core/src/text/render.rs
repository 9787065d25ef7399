//! Turns estimates into text, the same for the CLI and the page: the derivation in the seed's
//! layout (`(11.4 × 10^9) × 2 × 3 × (1.2 × 10^6) × 128 = 1.05 × 10^19 FLOP = 10,506 PF =
//! 0.122 pfs-days`), the three result figures, labels and notes, in English or Chinese.

use crate::calculation::calc::{Comparison, Estimate, Label, Lang, Note, Shown, Verdict, PF, PFS_DAY};
use crate::catalog::hardware::Choice;
use crate::language::expr::Value;
use crate::text::format::{digits, normal, readable, sci, DIGITS_BELOW, TYPED_SIG, WORKED_SIG};
use crate::text::i18n::t;
use crate::text::i18n::Key;
use crate::text::num::to_u32;

/// The thousands separator of a language (both use the comma in technical text).
pub fn sep(_lang: Lang) -> &'static str {
    ","
}

fn span(v: Value, f: impl Fn(f64) -> String) -> String {
    v.show(f)
}

/// FLOP as "1.05 × 10^19".
pub fn flop(v: Value) -> String {
    span(v, |x| sci(x, 3))
}

/// PF (10^15 operations) as "10,506".
pub fn pf(v: Value, lang: Lang) -> String {
    span(v.scale(1.0 / PF), |x| readable(x, 3, sep(lang)))
}

/// pfs-days as "0.122".
pub fn pfs_days(v: Value, lang: Lang) -> String {
    span(v.scale(1.0 / PFS_DAY), |x| readable(x, 3, sep(lang)))
}

/// A factor's value as the derivation shows it: normalised ([`normal`]), with the digits typed
/// ([`TYPED_SIG`] at most).
pub fn factor_value(v: Value, shown: Shown, lang: Lang) -> String {
    factor_value_sig(v, shown, lang, TYPED_SIG)
}

/// [`factor_value`] with `sig` significant digits at most ([`WORKED_SIG`] for a figure the page
/// worked out).
fn factor_value_sig(v: Value, shown: Shown, lang: Lang, sig: u32) -> String {
    let eng = |x: f64| normal(x, sig);
    match shown {
        Shown::Count | Shown::Fraction => span(v, eng),
        Shown::Rate => format!("{} FLOP/s", span(v, eng)),
        Shown::Time => {
            let days = span(v.scale(1.0 / 86400.0), eng);
            // Grouped below 10^7 s (116 days), scientific from there, as energy and cost are:
            // never hundreds of digits of a solved time.
            let secs = span(v, |x| digits(x, DIGITS_BELOW, 3, sep(lang)));
            format!("{days} {} = {secs} {}", t(lang, Key::UnitD), t(lang, Key::UnitS))
        }
    }
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Full-width parentheses, which carry their own space in a product.
fn is_wide_paren(c: char) -> bool {
    matches!(c, '\u{ff08}' | '\u{ff09}')
}

/// A factor in the product: a time (words with its figures) in the language's parentheses, a
/// figure of several parts in plain ones.
fn wrap(s: String, shown: Shown, lang: Lang) -> String {
    if shown == Shown::Time {
        crate::say!(lang, Key::TextParen, s = s)
    } else if s.contains(' ') || s.contains('–') {
        format!("({s})")
    } else {
        s
    }
}

/// The one-line derivation: factors, then FLOP, PF and pfs-days.
pub fn formula(e: &Estimate, lang: Lang) -> String {
    let parts: Vec<String> = e.factors.iter().map(|f| wrap(shown_factor(e, f, lang), f.shown, lang)).collect();
    let mut product = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            let before = if product.ends_with(is_wide_paren) { "×" } else { " ×" };
            let after = if part.starts_with(is_wide_paren) { "" } else { " " };
            product.push_str(before);
            product.push_str(after);
        }
        product.push_str(part);
    }
    format!("{product} = {}", result_chain(e.flop, lang))
}

/// A factor of `e` as its derivation shows it: a typed figure with its own digits, one the page
/// worked out (solved for, counted from the architecture, defaulted) with three.
fn shown_factor(e: &Estimate, f: &crate::calculation::calc::Factor, lang: Lang) -> String {
    let worked = e.solved == Some(f.label) || f.label == Label::ForwardPerToken || f.input.is_empty();
    factor_value_sig(f.value, f.shown, lang, if worked { WORKED_SIG } else { TYPED_SIG })
}

/// "1.05 × 10^19 FLOP = 10,506 PF = 0.122 pfs-days".
pub fn result_chain(v: Value, lang: Lang) -> String {
    crate::say!(lang, Key::TextChain, flop = flop(v), pf = pf(v, lang), pfs = pfs_days(v, lang))
}

/// The label of a factor.
pub fn label(l: Label, lang: Lang) -> &'static str {
    t(
        lang,
        match l {
            Label::Forward => Key::FactorForward,
            Label::FlopsPerMac => Key::FactorFpm,
            Label::Passes => Key::FactorPasses,
            Label::Examples => Key::FactorExamples,
            Label::Epochs => Key::FactorEpochs,
            Label::Six => Key::FactorSix,
            Label::Parameters => Key::FactorParameters,
            Label::Tokens => Key::FactorTokens,
            Label::Chips => Key::FactorChips,
            Label::Peak => Key::FactorPeak,
            Label::Time => Key::FactorTime,
            Label::Utilization => Key::FactorUtilization,
            Label::Factor => Key::FactorExtra,
            Label::ForwardPerToken => Key::FactorPerToken,
        },
    )
}

/// The derivation as labelled lines, one factor each, for students and the CLI.
pub fn steps(e: &Estimate, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = e
        .factors
        .iter()
        .map(|f| {
            let v = shown_factor(e, f, lang);
            let typed = if e.solved == Some(f.label) {
                t(lang, Key::DerivationSolved).to_string()
            } else if f.label == Label::ForwardPerToken {
                t(lang, Key::DerivationArchitecture).to_string()
            } else if f.input.is_empty() {
                t(lang, Key::DerivationDefault).to_string()
            } else if !f.input.chars().filter(|c| *c != ',').eq(v.chars().filter(|c| *c != ',')) {
                // What was typed, where it differs from the figure (a "1000" typed is 1,000).
                crate::say!(lang, Key::TextTyped, input = f.input)
            } else {
                String::new()
            };
            let label = label(f.label, lang);
            if typed.is_empty() {
                crate::say!(lang, Key::TextStep, label = label, value = v)
            } else {
                crate::say!(lang, Key::TextStepNote, label = label, value = v, note = typed)
            }
        })
        .collect();
    out.push(formula(e, lang));
    out
}

/// A count written out exactly ("2,555,904") while a float holds it exactly (below 2^53), in
/// scientific notation above ("1.234 × 10^20"): the CLI's layer list and parameter counts too.
pub fn exact_count(v: f64) -> String {
    digits(v, crate::model::architecture::MAX_WHOLE, 4, ",")
}

/// An assumption or source note as a sentence.
pub fn note(n: &Note, lang: Lang) -> String {
    match n {
        Note::DefaultUtilization { value, cpu } => crate::say!(
            lang,
            Key::TextNoteUtilization,
            percent = readable(value * 100.0, 3, ","),
            chip = if *cpu { "CPU" } else { "GPU" }
        ),
        Note::Peak { chip, precision, flops, defaulted } => crate::say!(
            lang,
            Key::TextNotePeak,
            chip = crate::catalog::hardware::chip_name(&chip.name, lang),
            precision = precision.label_in(lang),
            defaulted = if *defaulted { t(lang, Key::TextNotePeakDefaulted) } else { "" },
            flops = sci(*flops, 4),
            citation = chip.citation_in(lang)
        ),
        Note::BareDays => t(lang, Key::TextNoteBaredays).into(),
        Note::BareRate => t(lang, Key::TextNoteBarerate).into(),
        Note::RateAsCount => t(lang, Key::TextNoteRateascount).into(),
        Note::CountAsRate => t(lang, Key::TextNoteCountasrate).into(),
        Note::ChipChosen { query, chip, choice, others } => chip_chosen(query, chip, *choice, others, lang),
        Note::FromLayers { macs, count } => {
            crate::say!(lang, Key::TextNoteLayers, count = count, macs = exact_count(*macs))
        }
        Note::Transformer(counts) => transformer_note(counts, lang),
        Note::Assumed(a) => crate::say!(lang, Key::TextNoteAssumed, what = a.message(lang)),
    }
}

/// The parameter counts and how the FLOP per token was counted.
fn transformer_note(c: &crate::model::transformer::Counts, lang: Lang) -> String {
    use crate::model::transformer::Convention;
    let n = |v: f64| sci(v, 4);
    let rule = match c.convention {
        Convention::Kaplan => t(lang, Key::TextTransformerKaplan),
        Convention::Palm => t(lang, Key::TextTransformerPalm),
    };
    crate::say!(
        lang,
        Key::TextTransformer,
        parameters = n(c.parameters),
        non_embedding = n(c.non_embedding),
        active = n(c.parameters_active),
        rule = rule,
        per_token = n(c.flop_per_token),
        attention = n(c.attention_flop_per_token)
    )
}

/// "'A100' fits 4 chips with the same peak: NVIDIA A100 was used." / the canonical one.
fn chip_chosen(query: &str, chip: &str, choice: Choice, others: &[String], lang: Lang) -> String {
    let names: Vec<String> = others.iter().take(6).map(|n| crate::catalog::hardware::chip_name(n, lang)).collect();
    let list = names.join(t(lang, Key::TextListSep));
    let chip = crate::catalog::hardware::chip_name(chip, lang);
    let more = others.len().saturating_sub(6);
    let list = if more > 0 { format!("{list}{}", crate::say!(lang, Key::TextChipsMore, more = more)) } else { list };
    match choice {
        Choice::SamePeak { matches } => {
            crate::say!(lang, Key::TextChipsSamepeak, query = query, matches = matches, chip = chip)
        }
        _ => crate::say!(lang, Key::TextChipsSeveral, query = query, chip = chip, list = list),
    }
}

pub fn verdict(v: Verdict, lang: Lang) -> &'static str {
    t(
        lang,
        match v {
            Verdict::Within2x => Key::Verdict2x,
            Verdict::Within3x => Key::Verdict3x,
            Verdict::FarApart => Key::VerdictFar,
        },
    )
}

/// A multiple in prose: grouped digits with `sig` significant digits, or in Chinese in its
/// units of ten thousand (two significant digits; [`wan`](crate::text::format::wan)) with a
/// space after digits. Whether it ends in a unit word.
fn multiple(v: f64, sig: u32, lang: Lang) -> (String, bool) {
    if lang == Lang::Zh {
        let k = crate::text::format::wan(v, 2, lang);
        if k.ends_with(is_cjk) {
            (k, true)
        } else {
            (format!("{k} "), false)
        }
    } else {
        (readable(v, sig, sep(lang)), false)
    }
}

/// "AlexNet → AlphaGo Zero: 321,724× in 5.4 years; Moore's law: 12× (18-month doubling), 6.4× (24-month)".
pub fn growth(g: &crate::plot::trend::Growth, lang: Lang) -> String {
    let f = |v: f64| readable(v, 3, sep(lang));
    crate::say!(
        lang,
        Key::TextGrowth,
        factor = multiple(g.factor, 3, lang).0,
        years = format!("{:.1}", g.years),
        moore_18 = f(g.moore_18),
        moore_24 = f(g.moore_24)
    )
}

/// A number of months with two decimals; "∞" where the interval has no upper end.
fn months(m: f64) -> String {
    if m.is_finite() {
        format!("{m:.2}")
    } else {
        "∞".into()
    }
}

/// The doubling time of a fit with its 95% confidence interval, growth per year, R² and the
/// number of points: "3.43 months (95% interval 2.80–4.43; growth per year 11.3×/yr; R² 0.93;
/// 15 points)". An interval without an upper end (the slope's interval reaches zero) is said in
/// words, never as "∞": "95% interval 1.92 months or more: no growth cannot be ruled out".
pub fn doubling(f: &crate::plot::trend::Fit, lang: Lang) -> String {
    let g = readable(f.growth_per_year, 3, sep(lang));
    let (unit, ci) = (t(lang, Key::TrendMonths), t(lang, Key::TrendCi));
    let m = if f.doubling_months.is_finite() {
        format!("{} {unit}", months(f.doubling_months))
    } else {
        t(lang, Key::TrendNorise).into()
    };
    let (lo, hi) = (f.doubling_months_low, f.doubling_months_high);
    let interval = match (lo.is_finite(), hi.is_finite()) {
        (true, true) => crate::say!(lang, Key::TextInterval, ci = ci, low = months(lo), high = months(hi)),
        (true, false) => crate::say!(lang, Key::TextIntervalOpen, ci = ci, low = months(lo)),
        // Even the interval's steepest slope does not rise.
        (false, _) => crate::say!(lang, Key::TextIntervalNone, ci = ci),
    };
    crate::say!(
        lang,
        Key::TextDoubling,
        months = m,
        interval = interval,
        growth = t(lang, Key::TrendGrowth),
        per_year = g,
        r2 = format!("{:.2}", f.r2),
        n = f.n,
        points = t(lang, Key::TrendPoints)
    )
}

/// Where an estimate stands against the chosen fit at its date, naming the fit and warning when
/// the date is outside the fit's points; then, where the standing has it, against the fit over
/// everything on the chart: "Your estimate is 80,163× below the OpenAI 2012–2017 fit at its
/// date (6.6 years after the fit's last point: an extrapolation)." Chinese states a decrease as
/// a fraction, never as a multiple (the keys `text.ratio.*`).
pub fn against_trend(s: &crate::plot::trend::Standing, lang: Lang) -> String {
    let out = position(&s.chosen, lang);
    match &s.everything {
        Some(all) => crate::say!(lang, Key::TextSentences, first = out, second = against_everything(all, lang)),
        None => out,
    }
}

/// One position against the chosen fit, as a sentence.
pub fn position(p: &crate::plot::trend::Position, lang: Lang) -> String {
    let name = fit_name(&p.fit_label, lang);
    // A space between Chinese and a Latin name, none before a Chinese one.
    let gap = if name.starts_with(is_cjk) { "" } else { " " };
    let ratio = ratio_words(p, &crate::say!(lang, Key::TextFitOf, gap = gap, name = name), &AGAINST_FIT, lang);
    match p.outside {
        Some(o) => crate::say!(lang, Key::TextPositionOutside, ratio = ratio, outside = outside(o, lang)),
        None => crate::say!(lang, Key::TextPosition, ratio = ratio),
    }
}

/// "Against the fit over everything on the chart (458 points, 2010–2024, doubling every 6.12
/// months): 3.2× above."
fn against_everything(p: &crate::plot::trend::Position, lang: Lang) -> String {
    let l = &p.fit_label;
    let doubling = match l.doubling_months {
        Some(m) => crate::say!(lang, Key::TextEverythingDoubling, months = months(m)),
        None => t(lang, Key::TrendNorise).to_string(),
    };
    let ratio = ratio_words(p, "", &AGAINST_ALL, lang);
    crate::say!(lang, Key::TextEverything, n = l.points, years = year_span(l), doubling = doubling, ratio = ratio)
}

/// The sentences of a ratio: level, above, below, below by a factor in unit words.
struct RatioKeys {
    level: Key,
    above: Key,
    below: Key,
    below_worded: Key,
}

const AGAINST_FIT: RatioKeys = RatioKeys {
    level: Key::TextRatioLevel,
    above: Key::TextRatioAbove,
    below: Key::TextRatioBelow,
    below_worded: Key::TextRatioBelowWorded,
};

const AGAINST_ALL: RatioKeys = RatioKeys {
    level: Key::TextRatioAllLevel,
    above: Key::TextRatioAllAbove,
    below: Key::TextRatioAllBelow,
    below_worded: Key::TextRatioAllBelowWorded,
};

/// The estimate against `of` (what it is set against): "80,163× below the OpenAI 2012–2017
/// fit", "level with it" where the factor rounds to 1; in Chinese a multiple only for an
/// increase, a decrease as a fraction, units of ten thousand for big factors.
fn ratio_words(p: &crate::plot::trend::Position, of: &str, keys: &RatioKeys, lang: Lang) -> String {
    let k = p.factor();
    if readable(k, 2, sep(lang)) == "1" {
        return crate::say!(lang, keys.level, of = of);
    }
    let (times, worded) = multiple(k, 2, lang);
    let key = match (p.above, worded) {
        (true, _) => keys.above,
        (false, true) => keys.below_worded,
        (false, false) => keys.below,
    };
    // A multiple keeps the space after digits that Chinese wants; a fraction has none to keep.
    let k = if p.above { times.as_str() } else { times.trim_end() };
    crate::say!(lang, key, of = of, k = k)
}

/// "6.6 years after the fit's last point: an extrapolation".
fn outside(o: crate::plot::trend::Outside, lang: Lang) -> String {
    let span = if o.years * 12.0 < 1.0 {
        t(lang, Key::TrendUndermonth).to_string()
    } else if o.years < 1.0 {
        let m = to_u32((o.years * 12.0).round().max(1.0));
        crate::say!(lang, if m == 1 { Key::TextSpanMonth } else { Key::TextSpanMonths }, m = m)
    } else {
        crate::say!(lang, Key::TextSpanYears, years = format!("{:.1}", o.years))
    };
    let x = t(lang, Key::TrendExtrapolation);
    let key = if o.after { Key::TextOutsideAfter } else { Key::TextOutsideBefore };
    crate::say!(lang, key, span = span, x = x)
}

/// "2012–2017", or "2017" where the first and last points are of one year.
fn year_span(l: &crate::plot::trend::FitLabel) -> String {
    if l.first == l.last {
        l.first.to_string()
    } else {
        format!("{}–{}", l.first, l.last)
    }
}

/// A fit's name: its data sets and years, "OpenAI 2012–2017" / "OpenAI + Epoch AI 2010–2024".
pub fn fit_name(l: &crate::plot::trend::FitLabel, lang: Lang) -> String {
    use crate::catalog::data::DatasetId;
    let names: Vec<&str> = l
        .datasets
        .iter()
        .map(|d| {
            t(
                lang,
                match d {
                    DatasetId::OpenAi2018 => Key::TrendSetOpenai,
                    DatasetId::Modest2018 => Key::TrendSetModest,
                    DatasetId::FirstEra => Key::TrendSetFirstera,
                    DatasetId::Epoch => Key::TrendSetEpoch,
                    DatasetId::Imported => Key::TrendSetImported,
                },
            )
        })
        .collect();
    let years = year_span(l);
    if names.is_empty() {
        years
    } else {
        format!("{} {years}", names.join(t(lang, Key::TextFitSep)))
    }
}

/// "0.93: within 2x (geometric mean 4.9 × 10^17 FLOP = 0.00568 pfs-days)".
pub fn comparison(c: &Comparison, lang: Lang) -> String {
    crate::say!(
        lang,
        Key::TextComparison,
        ratio = readable(c.ratio, 3, sep(lang)),
        verdict = verdict(c.verdict, lang),
        mean = t(lang, Key::ResultGeomean),
        flop = sci(c.geometric_mean, 3),
        pfs = readable(c.geometric_mean / PFS_DAY, 3, sep(lang))
    )
}

/// A model's compute as the tooltip and the data table show it: pfs-days, marked "< " when the
/// published figure is an upper bound, and FLOP ("< 1,230", "1.06 × 10^23").
pub fn model_compute(m: &crate::catalog::data::Model) -> (String, String) {
    let v = m.pfs_days.unwrap_or(0.0);
    let bound = if m.upper_bound { "< " } else { "" };
    (
        format!("{bound}{}", readable(v, 3, ",")),
        crate::text::format::sci(crate::language::units::flop_of_pfs_days(v), 3),
    )
}

/// The same model in the other source, for a tooltip: "Epoch AI: 0.0058 pfs-days (AlexNet)"
/// (in Chinese the name last: it may end in a half-width ")").
pub fn counterpart(m: &crate::catalog::data::Model, cat: &crate::catalog::Catalog, lang: Lang) -> Option<String> {
    let o = cat.counterpart(m)?;
    let v = readable(o.pfs_days?, 3, sep(lang));
    let (who, name) = (o.dataset.publisher(lang), crate::text::i18n::model_name(&o.name, lang));
    Some(crate::say!(lang, Key::TextCounterpart, who = who, value = v, name = name))
}
