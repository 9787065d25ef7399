//! The trend: least-squares fit of log2(compute) on date, the doubling time with its 95%
//! confidence interval, growth per year, R², eras, and the Moore's-law comparison.

use crate::catalog::data::{DatasetId, Date, Model};
use crate::catalog::Catalog;
use crate::text::i18n::{t, Key, Lang};
use crate::text::num::{len_f64, to_i32};

/// Which points to fit or draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    pub datasets: Vec<DatasetId>,
    /// Inclusive bounds in fractional years.
    pub from: Option<f64>,
    pub to: Option<f64>,
    /// Include upper bounds ("less than") in the fit; they are drawn either way.
    pub include_bounds: bool,
}

/// A data-set name that is none of the keys (its first 40 characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownDataset {
    pub name: String,
}

impl UnknownDataset {
    pub fn message(&self, lang: Lang) -> String {
        let keys = DatasetId::ALL.iter().map(|d| d.key()).collect::<Vec<_>>();
        crate::say!(lang, Key::PlotUnknownDataset, name = self.name, keys = keys.join(t(lang, Key::PlotListSep)))
    }
}

impl Selection {
    pub fn of(datasets: &[DatasetId]) -> Selection {
        Selection { datasets: datasets.to_vec(), from: None, to: None, include_bounds: false }
    }

    /// Parses a CLI/URL data-set name: one key, or `all`.
    ///
    /// # Errors
    ///
    /// [`UnknownDataset`] with the first name (up to 40 characters) that is not a data set's key.
    pub fn parse_datasets(s: &str) -> Result<Vec<DatasetId>, UnknownDataset> {
        if s == "all" {
            return Ok(DatasetId::ALL.to_vec());
        }
        s.split(',')
            .map(|k| {
                DatasetId::from_key(k.trim())
                    .ok_or_else(|| UnknownDataset { name: k.trim().chars().take(40).collect() })
            })
            .collect()
    }

    /// Points of `cat`'s chosen sets in the window, with a value (drawn points).
    pub fn points<'a>(&self, cat: &'a Catalog) -> Vec<&'a Model> {
        cat.models()
            .filter(|m| self.datasets.contains(&m.dataset))
            .filter(|m| m.pfs_days.is_some_and(|v| v > 0.0))
            .filter(|m| {
                let y = m.date.years();
                self.from.is_none_or(|f| y >= f) && self.to.is_none_or(|t| y <= t)
            })
            .collect()
    }

    /// Points that enter the fit: drawn points less upper bounds (unless included).
    pub fn fit_points<'a>(&self, cat: &'a Catalog) -> Vec<&'a Model> {
        self.points(cat).into_iter().filter(|m| self.include_bounds || !m.upper_bound).collect()
    }

    /// The fit over this selection.
    pub fn fit(&self, cat: &Catalog) -> Option<Fit> {
        let pts: Vec<(f64, f64)> =
            self.fit_points(cat).iter().filter_map(|m| m.pfs_days.map(|v| (m.date.years(), v))).collect();
        fit(&pts)
    }

    /// The fit over this selection with the data sets it was fitted to, to name it.
    pub fn reference(&self, cat: &Catalog) -> Option<Reference> {
        let pts: Vec<(DatasetId, f64, f64)> =
            self.fit_points(cat).iter().filter_map(|m| m.pfs_days.map(|v| (m.dataset, m.date.years(), v))).collect();
        Reference::over(&pts)
    }
}

/// A least-squares line through (year, log2 value).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    /// Doublings per year.
    pub slope: f64,
    /// log2(value) at year 0 (use [`Fit::at`]).
    pub intercept: f64,
    pub n: usize,
    pub r2: f64,
    /// Standard error of the slope.
    pub se_slope: f64,
    pub doubling_months: f64,
    /// The 95% confidence interval of the doubling time (high is infinite when the slope's
    /// interval reaches zero).
    pub doubling_months_low: f64,
    pub doubling_months_high: f64,
    /// The factor by which the value grows in a year: 2^slope.
    pub growth_per_year: f64,
    pub from: f64,
    pub to: f64,
}

impl Fit {
    /// The fitted value at a fractional year.
    pub fn at(&self, year: f64) -> f64 {
        (self.intercept + self.slope * year).exp2()
    }
}

/// A fit with what it was fitted to: the data sets that have a point in it (in the order
/// given). Its years are the fit's own ([`Fit::from`], [`Fit::to`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub fit: Fit,
    pub datasets: Vec<DatasetId>,
}

impl Reference {
    /// The fit over `points` (data set, fractional year, pfs-days). `None` where there is no fit
    /// (fewer than three usable points, or all of one date) or its numbers are not finite.
    pub fn over(points: &[(DatasetId, f64, f64)]) -> Option<Reference> {
        let xy: Vec<(f64, f64)> = points.iter().map(|p| (p.1, p.2)).collect();
        let fit = fit(&xy)?;
        let finite = [fit.slope, fit.intercept, fit.from, fit.to].iter().all(|v| v.is_finite());
        if !finite || fit.from >= fit.to {
            return None;
        }
        let mut datasets = Vec::new();
        for p in points.iter().filter(|p| p.1.is_finite() && p.2 > 0.0 && p.2.is_finite()) {
            if !datasets.contains(&p.0) {
                datasets.push(p.0);
            }
        }
        Some(Reference { fit, datasets })
    }

    /// What names the fit: its data sets, the calendar years of its first and last points, its
    /// number of points and doubling time.
    pub fn label(&self) -> FitLabel {
        let f = &self.fit;
        FitLabel {
            datasets: self.datasets.clone(),
            first: to_i32(f.from.floor()),
            last: to_i32(f.to.floor()),
            points: f.n,
            doubling_months: Some(f.doubling_months).filter(|m| m.is_finite() && *m > 0.0),
        }
    }

    /// How far `years` lies outside the fit's points, if it does.
    pub fn outside(&self, years: f64) -> Option<Outside> {
        let f = &self.fit;
        if years > f.to {
            Some(Outside { years: years - f.to, after: true })
        } else if years < f.from {
            Some(Outside { years: f.from - years, after: false })
        } else {
            None
        }
    }

    /// Where `flop` FLOP at fractional year `years` stands against the fit. `None` where the
    /// ratio is not a finite number above zero (a zero estimate, a line beyond `f64`).
    pub fn position(&self, flop: f64, years: f64) -> Option<Position> {
        if !years.is_finite() {
            return None;
        }
        let ratio = flop / crate::language::units::PFS_DAY / self.fit.at(years);
        if !(ratio.is_finite() && ratio > 0.0) {
            return None;
        }
        Some(Position { ratio, above: ratio >= 1.0, fit_label: self.label(), outside: self.outside(years) })
    }
}

/// What names a fit in the text: "OpenAI 2012–2017 fit", "15 points, doubling every 3.44 months".
#[derive(Clone, Debug, PartialEq)]
pub struct FitLabel {
    /// The data sets with a point in the fit.
    pub datasets: Vec<DatasetId>,
    /// The calendar years of the first and the last point.
    pub first: i32,
    pub last: i32,
    pub points: usize,
    /// `None` where the fit does not rise (no doubling time to state).
    pub doubling_months: Option<f64>,
}

/// An estimate dated outside the fit's points: `years` before the first or after the last.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outside {
    pub years: f64,
    pub after: bool,
}

/// Where an estimate stands against one fit at its date: `ratio` times the fitted value (above
/// when at least 1), which fit, and whether the date is an extrapolation of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Position {
    pub ratio: f64,
    pub above: bool,
    pub fit_label: FitLabel,
    pub outside: Option<Outside>,
}

impl Position {
    /// The factor above or below the line, at least 1.
    pub fn factor(&self) -> f64 {
        if self.above {
            self.ratio
        } else {
            1.0 / self.ratio
        }
    }
}

/// Where an estimate stands: against the chosen fit, and, where its date is outside the chosen
/// fit's points but inside those of the fit over everything on the chart, against that one too.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    pub chosen: Position,
    pub everything: Option<Position>,
}

/// Where `flop` FLOP dated `years` stands against the `chosen` fit and, when that is the fairer
/// reference, against `everything` (the fit over every point the chart shows).
pub fn standing(flop: f64, years: f64, chosen: &Reference, everything: Option<&Reference>) -> Option<Standing> {
    let position = chosen.position(flop, years)?;
    let everything = match (position.outside, everything) {
        (Some(_), Some(all)) if all.outside(years).is_none() && all != chosen => all.position(flop, years),
        _ => None,
    };
    Some(Standing { chosen: position, everything })
}

/// The 97.5% quantile of Student's t with `df` degrees of freedom (two-sided 95%).
pub fn t975(df: usize) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];
    if df == 0 {
        return f64::INFINITY;
    }
    if df <= 30 {
        return TABLE[df - 1];
    }
    // Cornish-Fisher expansion around the normal quantile; within 1e-4 for df > 30.
    let z: f64 = 1.959964;
    let n = len_f64(df);
    let (z3, z5, z7) = (z.powi(3), z.powi(5), z.powi(7));
    z + (z3 + z) / (4.0 * n)
        + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * n * n)
        + (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / (384.0 * n * n * n)
}

/// Fits log2(value) = a + b·year by least squares. Needs three points with distinct dates.
pub fn fit(points: &[(f64, f64)]) -> Option<Fit> {
    let pts: Vec<(f64, f64)> = points
        .iter()
        .filter(|(x, v)| x.is_finite() && *v > 0.0 && v.is_finite())
        .map(|(x, v)| (*x, v.log2()))
        .collect();
    let n = pts.len();
    if n < 3 {
        return None;
    }
    let nf = len_f64(n);
    let mx = pts.iter().map(|p| p.0).sum::<f64>() / nf;
    let my = pts.iter().map(|p| p.1).sum::<f64>() / nf;
    let sxx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
    let sxy: f64 = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let syy: f64 = pts.iter().map(|p| (p.1 - my).powi(2)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let b = sxy / sxx;
    let a = my - b * mx;
    let sse: f64 = pts.iter().map(|p| (p.1 - a - b * p.0).powi(2)).sum();
    let r2 = if syy > 0.0 { 1.0 - sse / syy } else { 1.0 };
    let se = (sse / (nf - 2.0) / sxx).sqrt();
    let t = t975(n - 2);
    let (lo, hi) = (b - t * se, b + t * se);
    let months = |slope: f64| if slope > 0.0 { 12.0 / slope } else { f64::INFINITY };
    Some(Fit {
        slope: b,
        intercept: a,
        n,
        r2,
        se_slope: se,
        doubling_months: months(b),
        doubling_months_low: months(hi),
        doubling_months_high: months(lo),
        growth_per_year: b.exp2(),
        from: pts.iter().map(|p| p.0).fold(f64::INFINITY, f64::min),
        to: pts.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max),
    })
}

/// A period with its own trend.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Era {
    pub key: &'static str,
    /// Its name in the language files.
    pub name: Key,
    pub datasets: &'static [DatasetId],
    pub from: f64,
    pub to: f64,
}

/// The eras of OpenAI's analysis and its 2019 addendum, and Epoch AI's modern era.
pub const ERAS: &[Era] = &[
    Era { key: "first-era", name: Key::PlotEraFirst, datasets: &[DatasetId::FirstEra], from: 1950.0, to: 2012.2 },
    Era {
        key: "modern-2012-2018",
        name: Key::PlotEraModern,
        datasets: &[DatasetId::OpenAi2018],
        from: 2012.0,
        to: 2018.0,
    },
    Era { key: "epoch-2010-2024", name: Key::PlotEraEpoch, datasets: &[DatasetId::Epoch], from: 2010.0, to: 2025.0 },
];

impl Era {
    /// Its name in `lang`.
    pub fn name_in(&self, lang: Lang) -> &'static str {
        t(lang, self.name)
    }

    pub fn selection(&self) -> Selection {
        Selection { datasets: self.datasets.to_vec(), from: Some(self.from), to: Some(self.to), include_bounds: false }
    }
}

/// How much compute grew between two points, against Moore's law over the same span.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Growth {
    pub factor: f64,
    pub years: f64,
    /// Growth at an 18-month and a 24-month doubling over the same span.
    pub moore_18: f64,
    pub moore_24: f64,
}

/// Growth from one model to another (e.g. AlexNet to AlphaGo Zero: about 300,000x).
pub fn growth(from: &Model, to: &Model) -> Option<Growth> {
    let (a, b) = (from.pfs_days?, to.pfs_days?);
    let years = to.date.years() - from.date.years();
    Some(Growth { factor: b / a, years, moore_18: (years / 1.5).exp2(), moore_24: (years / 2.0).exp2() })
}

/// OpenAI's headline comparison: AlexNet (2012) to AlphaGo Zero (2017), about 300,000x where
/// Moore's law gives about 12x.
pub fn headline_growth(cat: &Catalog) -> Option<Growth> {
    growth(cat.model(DatasetId::OpenAi2018, "AlexNet")?, cat.model(DatasetId::OpenAi2018, "AlphaGoZero")?)
}

/// Parses a window bound: `2012` is the start of 2012 as a lower bound and its end as an upper
/// bound; `2012-06` likewise for the month; a full date is that day.
///
/// # Errors
///
/// The [`DateError`](crate::language::date::DateError) of [`Date::parse`] when `s` is not a date
/// it accepts.
pub fn parse_bound(s: &str, upper: bool) -> Result<f64, crate::language::date::DateError> {
    let d = Date::parse(s)?;
    let parts = s.trim().split('-').count();
    Ok(match (parts, upper) {
        (1, false) => f64::from(d.year),
        (1, true) => f64::from(d.year) + 1.0,
        (2, false) => Date { day: 1, ..d }.years(),
        (2, true) => {
            if d.month == 12 {
                f64::from(d.year) + 1.0
            } else {
                Date { month: d.month + 1, day: 1, ..d }.years()
            }
        }
        _ => d.years(),
    })
}
