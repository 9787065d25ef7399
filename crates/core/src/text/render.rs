//! Turns estimates into text, the same for the CLI and the page: the derivation in the seed's
//! layout (`(11.4 × 10^9) × 2 × 3 × (1.2 × 10^6) × 128 = 1.05 × 10^19 FLOP = 10,506 PF =
//! 0.122 pfs-days`), the three result figures, labels and notes, in English or Chinese.

use crate::calculation::calc::{Comparison, Estimate, Label, Lang, Note, Shown, Verdict, PF, PFS_DAY};
use crate::catalog::hardware::Choice;
use crate::language::expr::Value;
use crate::text::format::{digits, eng, readable, sci, DIGITS_BELOW};
use crate::text::i18n::Key;
use crate::text::i18n::{colon, t, tr};

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

/// A factor's value as the derivation shows it.
pub fn factor_value(v: Value, shown: Shown, lang: Lang) -> String {
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

/// A factor of several words in parentheses: full-width ones around Chinese ("（5.5 天 =
/// 475,200 秒）").
fn wrap(s: String) -> String {
    if s.chars().any(is_cjk) {
        format!("（{s}）")
    } else if s.contains(' ') || s.contains('–') {
        format!("({s})")
    } else {
        s
    }
}

/// The one-line derivation: factors, then FLOP, PF and pfs-days.
pub fn formula(e: &Estimate, lang: Lang) -> String {
    let parts: Vec<String> = e.factors.iter().map(|f| wrap(factor_value(f.value, f.shown, lang))).collect();
    // Full-width parentheses carry their own space.
    let product = parts.join(" × ").replace(" × （", " ×（").replace("） × ", "）× ");
    format!("{product} = {}", result_chain(e.flop, lang))
}

/// "1.05 × 10^19 FLOP = 10,506 PF = 0.122 pfs-days".
pub fn result_chain(v: Value, lang: Lang) -> String {
    format!("{} FLOP = {} PF = {} pfs-days", flop(v), pf(v, lang), pfs_days(v, lang))
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
            let v = factor_value(f.value, f.shown, lang);
            let typed = if e.solved == Some(f.label) {
                t(lang, Key::DerivationSolved).to_string()
            } else if f.label == Label::ForwardPerToken {
                t(lang, Key::DerivationArchitecture).to_string()
            } else if f.input.is_empty() {
                t(lang, Key::DerivationDefault).to_string()
            } else if f.input != v {
                tr(lang, format!("“{}”", f.input), format!("（输入为“{}”）", f.input))
            } else {
                String::new()
            };
            // Two spaces before the English note; none before a full-width parenthesis.
            let gap = if typed.is_empty() || lang == Lang::Zh { "" } else { "  " };
            format!("{}{}{v}{gap}{typed}", label(f.label, lang), colon(lang))
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
    match (n, lang) {
        (Note::DefaultUtilization { value, cpu }, Lang::En) => format!(
            "Utilization {}% assumed: OpenAI's default for a {} when nothing more specific is known.",
            readable(value * 100.0, 3, ","),
            if *cpu { "CPU" } else { "GPU" }
        ),
        (Note::DefaultUtilization { value, cpu }, Lang::Zh) => format!(
            "假设利用率为 {}%：在没有更具体信息时，OpenAI 对 {} 的默认假设。",
            readable(value * 100.0, 3, ","),
            if *cpu { "CPU" } else { "GPU" }
        ),
        (Note::Peak { chip, precision, flops, defaulted }, Lang::En) => format!(
            "Peak: {}, {} {}{} FLOP/s. Source: {}.",
            chip.name,
            precision.label(),
            if *defaulted { "(the precision training most likely used), " } else { "" },
            sci(*flops, 4),
            chip.citation()
        ),
        (Note::Peak { chip, precision, flops, defaulted }, Lang::Zh) => format!(
            "峰值：{}，{}{}，{} FLOP/s。来源：{}。",
            crate::catalog::hardware::chip_name(&chip.name, lang),
            precision.label_in(lang),
            if *defaulted { "（训练最可能使用的精度）" } else { "" },
            sci(*flops, 4),
            chip.citation_in(lang)
        ),
        (Note::BareDays, Lang::En) => "A time without a unit is read as days.".into(),
        (Note::BareDays, Lang::Zh) => "没有单位的时间按天计算。".into(),
        (Note::BareRate, Lang::En) => "A peak without a unit is read as FLOP/s.".into(),
        (Note::BareRate, Lang::Zh) => "没有单位的峰值按 FLOP/s（每秒浮点运算次数）计算。".into(),
        (Note::RateAsCount, Lang::En) => {
            "FLOPS (per second) in the forward pass is read as FLOPs, a count, as the appendix writes it.".into()
        }
        (Note::RateAsCount, Lang::Zh) => {
            "前向传播中写的 FLOPS（本义为每秒浮点运算次数）按浮点运算次数（FLOP）理解，与原文附录的写法一致。".into()
        }
        (Note::CountAsRate, Lang::En) => {
            "A peak written as an amount of operations (PF, FLOP) is read as that amount each second, as the appendix writes \"1.58 * 10^-3 PF\" per GTX 580: PF is always 10^15 FLOP, so 1 PF each second is 10^15 FLOP/s."
                .into()
        }
        (Note::CountAsRate, Lang::Zh) => {
            "峰值写成运算量（PF 或 FLOP）时，按每秒的运算量理解，与原文附录对 GTX 580 的写法“1.58 * 10^-3 PF”一致：PF 始终是 10^15 次浮点运算，每秒 1 PF 即 10^15 FLOP/s。".into()
        }
        (Note::ChipChosen { query, chip, choice, others }, _) => chip_chosen(query, chip, *choice, others, lang),
        (Note::FromLayers { macs, count }, Lang::En) => {
            format!("Forward pass from {count} layers: {} add-multiplies per example.", exact_count(*macs))
        }
        (Note::FromLayers { macs, count }, Lang::Zh) => {
            format!("前向传播由 {count} 层计算得出：每个样本 {} 次乘加。", exact_count(*macs))
        }
        (Note::Transformer(counts), _) => transformer_note(counts, lang),
        (Note::Assumed(a), _) => tr(lang, format!("Assumed: {}.", a.message(lang)), format!("假定：{}。", a.message(lang))),
    }
}

/// The parameter counts and how the FLOP per token was counted.
fn transformer_note(c: &crate::model::transformer::Counts, lang: Lang) -> String {
    use crate::model::transformer::Convention;
    let n = |v: f64| sci(v, 4);
    let rule = match (c.convention, lang) {
        (Convention::Kaplan, Lang::En) => "6 × active non-embedding parameters + 6·L·n_ctx·d_attn (Kaplan et al. 2020)",
        (Convention::Kaplan, Lang::Zh) => "6 × 激活的非嵌入参数 + 6·L·n_ctx·d_attn（Kaplan 等，2020）",
        (Convention::Palm, Lang::En) => "6 × active parameters + 12·L·H·Q·T (PaLM, Chowdhery et al. 2022)",
        (Convention::Palm, Lang::Zh) => "6 × 激活参数 + 12·L·H·Q·T（PaLM，Chowdhery 等，2022）",
    };
    tr(
        lang,
        format!(
            "Transformer: {} parameters ({} without embeddings), {} active per token; training FLOP per token = {rule} = {} (attention term {}).",
            n(c.parameters), n(c.non_embedding), n(c.parameters_active), n(c.flop_per_token), n(c.attention_flop_per_token)
        ),
        format!(
            "Transformer：参数 {}（不含嵌入 {}），每个 token 激活 {}；每 token 训练 FLOP = {rule} = {}（注意力项 {}）。",
            n(c.parameters), n(c.non_embedding), n(c.parameters_active), n(c.flop_per_token), n(c.attention_flop_per_token)
        ),
    )
}

/// "'A100' fits 4 chips with the same peak: NVIDIA A100 was used." / the canonical one.
fn chip_chosen(query: &str, chip: &str, choice: Choice, others: &[String], lang: Lang) -> String {
    let names: Vec<String> = others.iter().take(6).map(|n| crate::catalog::hardware::chip_name(n, lang)).collect();
    let list = names.join(tr(lang, "; ", "、"));
    let chip = crate::catalog::hardware::chip_name(chip, lang);
    let more = others.len().saturating_sub(6);
    let list = if more > 0 {
        format!("{list}{}", tr(lang, format!(" and {more} more"), format!(" 等另 {more} 款")))
    } else {
        list
    };
    match choice {
        Choice::SamePeak { matches } => tr(
            lang,
            format!("'{query}' fits {matches} chips with the same peak: {chip} was used."),
            format!("“{query}”对应 {matches} 款峰值相同的芯片：采用 {chip}。"),
        ),
        _ => tr(
            lang,
            format!("'{query}' fits several chips with different peaks: {chip} was used (the one most used for training in Epoch AI's data, or the flagship part); the others: {list}."),
            format!("“{query}”对应多款峰值不同的芯片：采用 {chip}（Epoch AI 数据中训练最常用的型号，或旗舰型号）；其他型号：{list}。"),
        ),
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

/// "AlexNet → AlphaGo Zero: 321,724× in 5.4 years; Moore's law: 12× (18-month doubling), 6.4× (24-month)".
pub fn growth(g: &crate::plot::trend::Growth, lang: Lang) -> String {
    let f = |v: f64| readable(v, 3, sep(lang));
    match lang {
        Lang::En => format!(
            "AlexNet → AlphaGo Zero: {}× in {:.1} years; Moore's law: {}× (18-month doubling), {}× (24-month)",
            f(g.factor),
            g.years,
            f(g.moore_18),
            f(g.moore_24)
        ),
        Lang::Zh => format!(
            "AlexNet → AlphaGo Zero：{:.1} 年间增至约 {}倍；若依摩尔定律，只会增至 {} 倍（18 个月翻倍）或 {} 倍（24 个月翻倍）",
            g.years,
            zh_times(g.factor),
            f(g.moore_18),
            f(g.moore_24)
        ),
    }
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
/// 15 points)" / "3.43 个月（95% 置信区间 2.80–4.43 个月；每年增至 11.3 倍；R² = 0.93；15 个数据点）".
/// An interval without an upper end (the slope's interval reaches zero) is said in words, never
/// as "∞": "95% interval 1.92 months or more: no growth cannot be ruled out".
pub fn doubling(f: &crate::plot::trend::Fit, lang: Lang) -> String {
    let g = readable(f.growth_per_year, 3, sep(lang));
    let (unit, ci, points) = (t(lang, Key::TrendMonths), t(lang, Key::TrendCi), t(lang, Key::TrendPoints));
    let norise = t(lang, Key::TrendNorise);
    let m = if f.doubling_months.is_finite() { format!("{} {unit}", months(f.doubling_months)) } else { norise.into() };
    let (lo, hi) = (f.doubling_months_low, f.doubling_months_high);
    let interval = match (lo.is_finite(), hi.is_finite()) {
        (true, true) => tr(
            lang,
            format!("{ci} {}–{}", months(lo), months(hi)),
            format!("{ci} {}–{} {unit}", months(lo), months(hi)),
        ),
        (true, false) => crate::trf!(
            lang,
            "{} {} months or more: no growth cannot be ruled out",
            "{} {} 个月或更长：不能排除没有增长",
            ci,
            months(lo)
        ),
        // Even the interval's steepest slope does not rise.
        (false, _) => crate::trf!(lang, "{}: no growth at all", "{}内均无增长", ci),
    };
    match lang {
        Lang::En => {
            format!("{m} ({interval}; {} {g}×/yr; R² {:.2}; {} {points})", t(lang, Key::TrendGrowth), f.r2, f.n)
        }
        Lang::Zh => {
            format!("{m}（{interval}；{} {g} 倍；R² = {:.2}；{} {points}）", t(lang, Key::TrendGrowth), f.r2, f.n)
        }
    }
}

/// Where an estimate stands against the chosen fit at its date, naming the fit and warning when
/// the date is outside the fit's points; then, where the standing has it, against the fit over
/// everything on the chart: "Your estimate is 80,163× below the OpenAI 2012–2017 fit at its
/// date (6.6 years after the fit's last point: an extrapolation)." Chinese states a decrease as
/// a fraction ("仅为……的 1/25", "8 万分之一"), never as "低 25 倍".
pub fn against_trend(s: &crate::plot::trend::Standing, lang: Lang) -> String {
    let mut out = position(&s.chosen, lang);
    if let Some(all) = &s.everything {
        out.push_str(tr(lang, " ", ""));
        out.push_str(&against_everything(all, lang));
    }
    out
}

/// One position against the chosen fit, as a sentence.
pub fn position(p: &crate::plot::trend::Position, lang: Lang) -> String {
    let name = fit_name(&p.fit_label, lang);
    let outside = p.outside.map(|o| outside(o, lang));
    match lang {
        Lang::En => {
            let ratio = ratio_words(p, &format!("the {name} fit"), lang);
            let note = outside.map(|o| format!(" ({o})")).unwrap_or_default();
            format!("Your estimate is {ratio} at its date{note}.")
        }
        Lang::Zh => {
            // A space between Chinese and a Latin name ("同期 OpenAI"), none before a Chinese one.
            let gap = if name.starts_with(is_cjk) { "" } else { " " };
            let ratio = ratio_words(p, &format!("同期{gap}{name} 拟合趋势值"), lang);
            let note = outside.map(|o| format!("（{o}）")).unwrap_or_default();
            format!("你的估算{ratio}{note}。")
        }
    }
}

/// "Against the fit over everything on the chart (458 points, 2010–2024, doubling every 6.12
/// months): 3.2× above." / "与图中全部数据点的拟合（……）相比：是同期值的 3.2 倍。"
fn against_everything(p: &crate::plot::trend::Position, lang: Lang) -> String {
    let l = &p.fit_label;
    let years = year_span(l);
    let doubling = match l.doubling_months {
        Some(m) => crate::trf!(lang, "doubling every {} months", "每 {} 个月翻倍", months(m)),
        None => t(lang, Key::TrendNorise).to_string(),
    };
    let n = l.points;
    match lang {
        Lang::En => {
            let ratio = ratio_words(p, "", lang);
            format!("Against the fit over everything on the chart ({n} points, {years}, {doubling}): {ratio}.")
        }
        Lang::Zh => {
            let ratio = ratio_words(p, "同期值", lang);
            format!("与图中全部数据点的拟合（{n} 个数据点，{years}，{doubling}）相比：{ratio}。")
        }
    }
}

/// The estimate against `of` (what it is set against; may be empty in English): "80,163× below
/// the OpenAI 2012–2017 fit", "level with it" where the factor rounds to 1; "仅为同期值的 8 万分之一",
/// "与同期值相当": 倍 only for an increase, a decrease as a fraction, 万/亿 for big factors.
fn ratio_words(p: &crate::plot::trend::Position, of: &str, lang: Lang) -> String {
    let k = p.factor();
    let level = readable(k, 2, sep(lang)) == "1";
    match lang {
        Lang::En => {
            let of = if of.is_empty() { String::new() } else { format!(" {of}") };
            if level {
                let with = if of.is_empty() { " it" } else { &of };
                format!("level with{with}")
            } else {
                let dir = if p.above { "above" } else { "below" };
                format!("{}× {dir}{of}", readable(k, 2, sep(lang)))
            }
        }
        Lang::Zh if level => format!("与{of}相当"),
        Lang::Zh if p.above => format!("是{of}的 {}倍", zh_times(k)),
        Lang::Zh => {
            let w = crate::text::format::wan(k, 2);
            if w.ends_with(is_cjk) {
                format!("仅为{of}的 {w}分之一")
            } else {
                format!("仅为{of}的 1/{w}")
            }
        }
    }
}

/// "6.6 years after the fit's last point: an extrapolation" / "该日期在拟合的最后一个数据点之后
/// 6.6 年：属于外推".
fn outside(o: crate::plot::trend::Outside, lang: Lang) -> String {
    let span = if o.years * 12.0 < 1.0 {
        t(lang, Key::TrendUndermonth).to_string()
    } else if o.years < 1.0 {
        let m = (o.years * 12.0).round().max(1.0) as u32;
        match lang {
            Lang::En if m == 1 => "1 month".to_string(),
            Lang::En => format!("{m} months"),
            Lang::Zh => format!("{m} 个月"),
        }
    } else {
        crate::trf!(lang, "{:.1} years", "{:.1} 年", o.years)
    };
    let x = t(lang, Key::TrendExtrapolation);
    // A space between Chinese and a number ("之后 6.6 年"), none before Chinese ("之后不到").
    let gap = if span.starts_with(is_cjk) { "" } else { " " };
    match (lang, o.after) {
        (Lang::En, true) => format!("{span} after the fit's last point: {x}"),
        (Lang::En, false) => format!("{span} before the fit's first point: {x}"),
        (Lang::Zh, true) => format!("该日期在拟合的最后一个数据点之后{gap}{span}：{x}"),
        (Lang::Zh, false) => format!("该日期在拟合的第一个数据点之前{gap}{span}：{x}"),
    }
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
        format!("{} {years}", names.join(tr(lang, " + ", "、")))
    }
}

/// "0.93: within 2x (geometric mean 4.9 × 10^17 FLOP = 0.00568 pfs-days)".
pub fn comparison(c: &Comparison, lang: Lang) -> String {
    let mean = format!(
        "{} {} FLOP = {} pfs-days",
        t(lang, Key::ResultGeomean),
        sci(c.geometric_mean, 3),
        readable(c.geometric_mean / PFS_DAY, 3, sep(lang))
    );
    let ratio = readable(c.ratio, 3, sep(lang));
    let v = verdict(c.verdict, lang);
    tr(lang, format!("{ratio}: {v} ({mean})"), format!("{ratio}：{v}（{mean}）"))
}

/// "32 万" or "12 " before 倍: 万/亿 for big multiples, a space after digits.
fn zh_times(v: f64) -> String {
    let k = crate::text::format::wan(v, 2);
    if k.ends_with(is_cjk) {
        k
    } else {
        format!("{k} ")
    }
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

/// The same model in the other source, for a tooltip: "Epoch AI: 0.0058 pfs-days (AlexNet)" /
/// "Epoch AI：0.0058 pfs-days，记为 AlexNet" (the name last: it may end in a half-width ")").
pub fn counterpart(m: &crate::catalog::data::Model, cat: &crate::catalog::Catalog, lang: Lang) -> Option<String> {
    let o = cat.counterpart(m)?;
    let v = readable(o.pfs_days?, 3, sep(lang));
    let (who, name) = (o.dataset.publisher(lang), crate::text::i18n::model_name(&o.name, lang));
    Some(tr(lang, format!("{who}: {v} pfs-days ({name})"), format!("{who}：{v} pfs-days，记为 {name}")))
}
